#!/usr/bin/env python3
"""scikit-learn references for the logistic model and the classification
metrics. Prints JSON.

    logistic_sklearn.py fit DATA.csv C [standardize]
        DATA.csv: no header, features then the 0/1 outcome last. Fits
        LogisticRegression(C) (L2, intercept not penalised) to tight
        tolerance; with "standardize", on StandardScaler-scaled columns, the
        coefficients mapped back to the original scale.
        -> {"coef": [...], "intercept": b}
    logistic_sklearn.py metrics PRED.csv
        PRED.csv: no header, probability then the 0/1 outcome.
        -> {"auc": .., "log_loss": .., "brier": ..}
"""
import json
import os
import sys

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.preprocessing import StandardScaler

mode = sys.argv[1]
data = np.loadtxt(sys.argv[2], delimiter=",", ndmin=2)
if mode == "fit":
    x, y = data[:, :-1], data[:, -1]
    c = float(sys.argv[3])
    standardize = len(sys.argv) > 4 and sys.argv[4] == "standardize"
    scaler = StandardScaler().fit(x) if standardize else None
    xs = scaler.transform(x) if standardize else x
    m = LogisticRegression(C=c, solver="newton-cg", tol=1e-12, max_iter=10000).fit(xs, y)
    coef, intercept = m.coef_[0], float(m.intercept_[0])
    if standardize:
        intercept -= float(np.sum(coef * scaler.mean_ / scaler.scale_))
        coef = coef / scaler.scale_
    print(json.dumps({"coef": [float(v) for v in coef], "intercept": intercept}))
elif mode == "metrics":
    p, y = data[:, 0], data[:, 1]
    print(json.dumps({"auc": float(roc_auc_score(y, p)), "log_loss": float(log_loss(y, p)),
                      "brier": float(brier_score_loss(y, p))}))
else:
    sys.exit("unknown mode " + mode)
