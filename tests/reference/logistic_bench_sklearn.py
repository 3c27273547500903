#!/usr/bin/env python3
"""The peer of the logistic-training benchmark: scikit-learn's
LogisticRegression (lbfgs, C = 1, defaults otherwise) after a
StandardScaler, timed together as ours standardises inside its fit.
Prints JSON: seconds, iterations, AUC on the test file.

    logistic_bench_sklearn.py TRAIN TEST P THREADS

TRAIN/TEST: raw float64 rows of P features and the 0/1 outcome, as
cwb_model_bench data writes them.
"""
import json
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", sys.argv[4])
os.environ.setdefault("OPENBLAS_NUM_THREADS", sys.argv[4])

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

p = int(sys.argv[3])
train = np.fromfile(sys.argv[1], dtype="<f8").reshape(-1, p + 1)
test = np.fromfile(sys.argv[2], dtype="<f8").reshape(-1, p + 1)
x, y = train[:, :p], train[:, p]
start = time.perf_counter()
model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000)).fit(x, y)
seconds = time.perf_counter() - start
auc = roc_auc_score(test[:, p], model.predict_proba(test[:, :p])[:, 1])
print(json.dumps({"seconds": seconds, "iterations": int(model[-1].n_iter_[0]), "auc_test": auc}))
