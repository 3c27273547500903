#!/usr/bin/env python3
"""scikit-learn's PCA on a CSV matrix (no header), for comparison with ours.
Prints JSON: explained variance, its ratio, and the first rows' projections.

    /usr/bin/python3 tests/reference/pca_sklearn.py X.csv COMPONENTS
"""
import json
import os
import sys

os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")

import numpy as np
from sklearn.decomposition import PCA

x = np.loadtxt(sys.argv[1], delimiter=",", ndmin=2)
pca = PCA(n_components=int(sys.argv[2]), svd_solver="full").fit(x)
t = pca.transform(x)
print(json.dumps({
    "explained_variance": pca.explained_variance_.tolist(),
    "explained_variance_ratio": pca.explained_variance_ratio_.tolist(),
    "projection": t.tolist(),
}))
