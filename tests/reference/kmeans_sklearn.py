#!/usr/bin/env python3
"""scikit-learn's KMeans on a CSV matrix (no header), for comparison with
ours. Prints JSON: inertia, iterations and seconds.

    /usr/bin/python3 tests/reference/kmeans_sklearn.py X.csv K N_INIT MAX_ITER [THREADS]
"""
import json
import os
import sys
import time

threads = sys.argv[5] if len(sys.argv) > 5 else "2"
os.environ.setdefault("OMP_NUM_THREADS", threads)
os.environ.setdefault("OPENBLAS_NUM_THREADS", threads)

import numpy as np
from sklearn.cluster import KMeans

x = np.loadtxt(sys.argv[1], delimiter=",", ndmin=2)
k, n_init, max_iter = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
start = time.perf_counter()
km = KMeans(n_clusters=k, n_init=n_init, max_iter=max_iter, tol=1e-4, algorithm="lloyd", random_state=0).fit(x)
seconds = time.perf_counter() - start
print(json.dumps({"inertia": float(km.inertia_), "iterations": int(km.n_iter_), "seconds": seconds}))
