"""Choosing the number of topics without gold labels.

``method="cluster"``: stability. On a sample of at most 2,000 articles, for each k the cluster
model (one start, two refinement rounds) is fitted on the sample and on two random 80% parts of
it; the score is the mean adjusted Rand index of the three pairs of partitions on the articles
they share. A k that matches clusters in the data gives the same partition whatever the sample; a
k past them splits a topic at a different place each time, and a k short of them merges a
different pair, so both score lower. On a feed without clusters every k is unstable and the
larger ones most of all, so the score does not drift to ``max_k`` (on Wikinews 2019-2020 it picks
3). Checked on BBC and its cuts with 3, 4 and 5 categories (picks 3, 4, 5).

``method="nmf"``: separation, as before: NMF for each k on the sample, the cosine similarity of
the two most similar topics' mean TF-IDF vectors, the least similar wins. It drifts to ``max_k``
on a general feed (the score keeps falling with k), which is why ``"cluster"`` does not use it.

Both return (k, frame of k, score, chosen). Stability takes the largest k scoring at least 97% of
the best (merging two real topics is stable too, and the estimate moves by a few hundredths from
one sample to the next); separation's ties, rounded to 1e-6, go to the larger k.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.decomposition import NMF
from sklearn.metrics import adjusted_rand_score

from . import models

SAMPLE = 2000
STABILITY_SAMPLE = 1500
STABILITY_ROUNDS = 2
STABILITY_N_INIT = 10
VOCABULARY = 5000
NEAR_BEST = 0.97
_VOCAB_FOR_SEPARATION = 5000


def no_scores() -> pd.DataFrame:
    return pd.DataFrame({"k": pd.Series(dtype=int), "score": pd.Series(dtype=float),
                         "chosen": pd.Series(dtype=bool)})


def k_range(n: int, n_terms: int, min_k: int, max_k: int) -> tuple[int, int]:
    """Ks to try: never more than a third of the articles (fewer than 6 articles: one topic)."""
    hi = max(1, min(max_k, n // 3, n_terms))
    return min(min_k, hi), hi


def _pick(ks: np.ndarray, scores: np.ndarray, decimals: int, *, larger_is_better: bool):
    s = np.round(scores if larger_is_better else -scores, decimals)
    best = int(ks[len(ks) - 1 - int(np.argmax(s[::-1]))])  # ties: the larger k
    return best, pd.DataFrame({"k": ks, "score": scores, "chosen": ks == best})


def choose_k_by_stability(counts, idf, E, rows, *, seed: int, min_k: int, max_k: int):
    """k by stability of the cluster model (see the module doc)."""
    rng = np.random.default_rng(seed)
    sample = rows if len(rows) <= STABILITY_SAMPLE else np.sort(rng.choice(rows, STABILITY_SAMPLE, replace=False))
    lo, hi = k_range(len(sample), counts.shape[1], min_k, max_k)
    if hi < 2:
        return 1, pd.DataFrame({"k": [1], "score": [np.nan], "chosen": [True]})
    n = len(sample)
    parts = [np.sort(rng.choice(n, int(0.8 * n), replace=False)) for _ in range(2)]
    start = models.starts_for(E)[1 if E is not None else 0]  # "both", or "lsa" without vectors
    X, idx = counts[sample], [np.arange(n), *parts]
    top = models.top_columns(X, VOCABULARY)  # the commonest terms carry the cluster structure; 5x faster
    X, idf, E = X[:, top], idf[top], (E[top] if E is not None else None)
    scores = []
    with models.quiet():
        for k in range(lo, hi + 1):
            fits = [models.refine(X[p], idf, E, k, seed=seed + i, start=start, rounds=STABILITY_ROUNDS,
                                  n_init=STABILITY_N_INIT)["labels"]
                    for i, p in enumerate(idx)]
            scores.append(np.mean([_agreement(idx[i], fits[i], idx[j], fits[j]) for i, j in ((0, 1), (0, 2), (1, 2))]))
    ks, scores = np.arange(lo, hi + 1), np.array(scores)
    # Merging two real topics is stable too, and the estimate moves by a few hundredths from one
    # sample to the next (BBC: k=3 and k=5 swap places), so the largest k near the best wins.
    best = int(ks[np.flatnonzero(scores >= NEAR_BEST * scores.max())[-1]])
    return best, pd.DataFrame({"k": ks, "score": scores, "chosen": ks == best})


def _agreement(idx_a, labels_a, idx_b, labels_b) -> float:
    """Adjusted Rand index of two partitions on the articles both hold (idx: sorted positions)."""
    common = np.intersect1d(idx_a, idx_b)
    return adjusted_rand_score(labels_a[np.searchsorted(idx_a, common)], labels_b[np.searchsorted(idx_b, common)])


def choose_k_by_separation(X: sp.csr_matrix, *, seed: int, min_k: int, max_k: int):
    """k by topic separation of NMF (see the module doc); X: unigram TF-IDF of the articles."""
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    if n > SAMPLE:
        X = X[np.sort(rng.choice(n, SAMPLE, replace=False))]
    df = np.diff(X.tocsc().indptr)
    if X.shape[1] > _VOCAB_FOR_SEPARATION:  # the commonest words carry the cluster structure; 10x faster
        X = X[:, np.sort(np.argsort(-df, kind="stable")[:_VOCAB_FOR_SEPARATION])]
    lo, hi = k_range(X.shape[0], X.shape[1], min_k, max_k)
    if hi < 2:
        return 1, pd.DataFrame({"k": [1], "score": [np.nan], "chosen": [True]})
    scores = [_max_similarity(X, k, seed) for k in range(lo, hi + 1)]
    return _pick(np.arange(lo, hi + 1), np.array(scores), 6, larger_is_better=False)


def _max_similarity(X, k: int, seed: int) -> float:
    with models.quiet():
        W = NMF(n_components=k, init="nndsvd", random_state=seed, max_iter=200, tol=1e-4).fit_transform(X)
    main = W.argmax(axis=1)
    main[W.max(axis=1) == 0] = -1
    sizes = np.bincount(main[main >= 0], minlength=k)
    if (sizes == 0).any():  # a topic that is nobody's main topic: k is past what the data holds
        return np.inf
    member = sp.csr_matrix((np.ones(int((main >= 0).sum())), (main[main >= 0], np.flatnonzero(main >= 0))),
                           shape=(k, X.shape[0]))
    C = np.asarray((member @ X).todense())
    C /= np.maximum(np.linalg.norm(C, axis=1, keepdims=True), 1e-12)
    S = C @ C.T
    np.fill_diagonal(S, -1.0)
    return float(S.max())
