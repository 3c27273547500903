#!/usr/bin/env python3
"""k-nearest lookalikes with scikit-learn, for comparison with ours: each
candidate (a row that is not a seed) scores the mean cosine similarity to its
K most similar seed rows; the TOP best candidates are the lookalikes.
Prints JSON: seconds, and, given our result's rows, how many of them score
(by scikit-learn's computation) below the TOP-th best score by more than
1e-5 — none, when ours is right. Many users tie (identical behaviour gives
identical similarities), so which of the tied users make the cut is
arbitrary and the two sets need not be the same.

    /usr/bin/python3 tests/reference/lookalike_sklearn.py X.csv SEEDS_FILE K TOP [OURS_FILE] [THREADS]
"""
import json
import os
import sys
import time

threads = sys.argv[6] if len(sys.argv) > 6 else "2"
os.environ.setdefault("OMP_NUM_THREADS", threads)
os.environ.setdefault("OPENBLAS_NUM_THREADS", threads)

import numpy as np
from sklearn.neighbors import NearestNeighbors

x = np.loadtxt(sys.argv[1], delimiter=",", ndmin=2)
seeds = np.loadtxt(sys.argv[2], dtype=np.int64, ndmin=1)
k, top = int(sys.argv[3]), int(sys.argv[4])
is_seed = np.zeros(len(x), dtype=bool)
is_seed[seeds] = True
candidates = np.flatnonzero(~is_seed)

start = time.perf_counter()
nn = NearestNeighbors(n_neighbors=k, metric="cosine", algorithm="brute", n_jobs=int(threads)).fit(x[seeds])
distances, _ = nn.kneighbors(x[candidates])
score = (1.0 - distances).mean(axis=1)
best = np.argpartition(-score, top - 1)[:top]
best = candidates[best[np.argsort(-score[best], kind="stable")]]
seconds = time.perf_counter() - start

result = {"seconds": seconds, "candidates": int(len(candidates)), "seeds": int(len(seeds))}
if len(sys.argv) > 5 and sys.argv[5]:
    ours = np.loadtxt(sys.argv[5], dtype=np.int64, ndmin=1)
    score_of = np.full(len(x), np.nan)
    score_of[candidates] = score
    cutoff = score_of[best[-1]]
    ours_scores = score_of[ours]
    result["cutoff_score"] = float(cutoff)
    result["ours_lowest_score"] = float(np.nanmin(ours_scores))
    result["ours_not_candidates"] = int(np.isnan(ours_scores).sum())
    result["ours_below_cutoff"] = int((ours_scores < cutoff - 1e-5).sum())
    result["tied_at_cutoff"] = int((np.abs(score - cutoff) <= 1e-5).sum())
print(json.dumps(result))
