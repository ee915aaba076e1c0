"""Topic models: refined clustering on word vectors and LSA (``method="cluster"``), and NMF.

Both return the same pieces: ``labels`` (each article's main topic, -1 without words), ``H``
(k x terms, a topic's weight on each term, for labels and for weights), ``weights`` (the column
weights of the TF-IDF that ``H`` lives on) and ``space`` (how a text is scored against ``H``).

Cluster model, in four steps (comments in the code say why each is there):

1. Article vectors: the TF-IDF row times the matrix of unit-length md word vectors (a TF-IDF
   weighted mean of its words' vectors, so "striker" and "goal" meet even when no article has
   both) beside a 50-dimension LSA of the same TF-IDF (which keeps names and rare words apart).
2. Spherical k-means on those vectors.
3. Refinement: every term gets a weight, how much its articles lean to some clusters rather than
   to all (the Kullback-Leibler divergence of the term's clusters from the clusters' sizes), the
   TF-IDF is reweighted and steps 1-2 run again, three times. A word spread over every topic -- an
   agency credit, an entity left by an export -- fades, whatever its frequency.
4. Three starts (word vectors alone, both, LSA alone) and the partition whose clusters say most
   about the words in the articles (mutual information between cluster and term) is kept.

Without word vectors steps 1 and 4 use LSA alone.
"""
from __future__ import annotations

import contextlib
import warnings

import numpy as np
import scipy.sparse as sp
from sklearn.cluster import KMeans
from sklearn.decomposition import NMF, TruncatedSVD
from sklearn.exceptions import ConvergenceWarning
from threadpoolctl import threadpool_limits

from .vectorize import normalize_rows, tfidf

N_LSA = 50          # LSA dimensions: 100 and 200 scored lower on short texts, 20-30 no better
VECTOR_SHARE = 0.5  # share of the squared length given to the word-vector part
N_REFINE = 3        # reweighting rounds: more change nothing measurable
FIT_SAMPLE = 2000   # larger corpora: fit on a sample, then every article joins its nearest topic
VOCABULARY = 10_000  # clustering uses the terms in most articles; labels and weights use all
SVD_ITERATIONS = 2  # power iterations of the randomized SVD: 5 (scikit-learn's) changed no score
_MIX_ROUNDS = 200
N_INIT = 10          # k-means starts in the first round (later rounds start from the last partition)


@contextlib.contextmanager
def quiet():
    """Single-threaded BLAS and no convergence chatter, for every fit below."""
    # OpenBLAS and OpenMP (k-means) with 2 threads are 10-30x slower than with 1 on these small products.
    with threadpool_limits(limits=1), warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        # scikit-learn's error of an exact fit (e.g. one article) can round below 0 before sqrt
        warnings.filterwarnings("ignore", "invalid value encountered in sqrt", RuntimeWarning)
        yield


def represent(Xw: sp.csr_matrix, E: np.ndarray | None, mode: str, *, seed: int, svd=None):
    """Unit-length article vectors for k-means: word vectors ("vectors"), LSA ("lsa") or both.

    Returns (vectors, svd) so that other texts (paragraphs, the rest of a big corpus) are put in
    the same space with the fitted ``svd``.
    """
    parts = []
    if mode in ("vectors", "both") and E is not None:
        share = VECTOR_SHARE if mode == "both" else 1.0
        parts.append(normalize_rows(np.asarray(Xw @ E)) * np.sqrt(share))
    if mode in ("lsa", "both") or E is None:
        if svd is None:
            n_comp = max(1, min(N_LSA, Xw.shape[1] - 1, Xw.shape[0] - 1))
            svd = TruncatedSVD(n_components=n_comp, n_iter=SVD_ITERATIONS, random_state=seed).fit(Xw)
        share = 1.0 - VECTOR_SHARE if (mode == "both" and E is not None) else 1.0
        parts.append(normalize_rows(svd.transform(Xw)) * np.sqrt(share))
    return normalize_rows(np.hstack(parts)), svd


def term_weights(present: sp.csr_matrix, labels: np.ndarray, k: int) -> np.ndarray:
    """How much each term's articles lean to some clusters: KL(p(cluster | term) || p(cluster)),
    divided by log k so a term found in one cluster only weighs about 1.

    One pseudo-article spread like the clusters smooths rare terms, which would otherwise look
    perfectly clustered by chance.
    """
    M = _per_cluster(present, labels, k)
    prior = np.bincount(labels[labels >= 0], minlength=k) / max(1, int((labels >= 0).sum()))
    P = (M + prior[:, None]) / (M.sum(axis=0, keepdims=True) + 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        kl = np.where(P > 0, P * np.log(P / np.maximum(prior[:, None], 1e-12)), 0.0).sum(axis=0)
    return kl / np.log(max(k, 2))


def mutual_information(present: sp.csr_matrix, labels: np.ndarray, k: int) -> float:
    """Mutual information between an article's cluster and the terms it holds (higher: the
    clusters say more about the words; comparable between partitions with the same k)."""
    M = _per_cluster(present, labels, k)
    P = M / max(M.sum(), 1e-12)
    pc, pt = P.sum(axis=1, keepdims=True), P.sum(axis=0, keepdims=True)
    nz = P > 0
    return float((P[nz] * np.log(P[nz] / (pc @ pt)[nz])).sum())


def _per_cluster(present, labels, k) -> np.ndarray:
    ok = np.flatnonzero(labels >= 0)
    member = sp.csr_matrix((np.ones(len(ok)), (labels[ok], ok)), shape=(k, present.shape[0]))
    return np.asarray((member @ present).todense())


def centroids(D: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """Unit-length mean vector of each cluster (an empty cluster takes the first article's)."""
    C = np.vstack([D[labels == j].mean(axis=0) if (labels == j).any() else D[0] for j in range(k)])
    return normalize_rows(C)


def refine(counts, idf, E, k: int, *, seed: int, start: str, rounds: int = N_REFINE, n_init: int = N_INIT) -> dict:
    """Steps 1-3 of the module doc on ``counts`` (articles with words): labels, term weights,
    the last article vectors and their svd."""
    present = (counts > 0).astype(np.float64).tocsr()
    w = np.ones(counts.shape[1])
    labels = None
    for rnd in range(rounds + 1):
        Xw = tfidf(counts, idf, w)
        D, svd = represent(Xw, E, start if rnd == 0 else "both", seed=seed)
        if labels is None:
            labels = KMeans(k, random_state=seed, n_init=n_init).fit_predict(D)
        else:  # from the last partition: the refined space moves clusters, it does not reshuffle them
            labels = KMeans(k, init=centroids(D, labels, k), n_init=1).fit_predict(D)
        if rnd < rounds:
            w = term_weights(present, labels, k)
    return dict(labels=labels, weights=w, D=D, svd=svd, mi=mutual_information(present, labels, k))


def starts_for(E) -> tuple[str, ...]:
    return ("vectors", "both", "lsa") if E is not None else ("lsa",)


def fit_cluster(counts, idf, E, rows, k: int, *, seed: int) -> dict:
    """The cluster model on the articles ``rows`` of ``counts`` (see the module doc)."""
    n = counts.shape[0]
    labels = np.full(n, -1)
    if k == 1:
        labels[rows] = 0
        return dict(labels=labels, weights=np.ones(counts.shape[1]), space=None)
    fit_rows = rows
    if len(rows) > FIT_SAMPLE:
        fit_rows = np.sort(np.random.default_rng(seed).choice(rows, FIT_SAMPLE, replace=False))
    cols = top_columns(counts[fit_rows], VOCABULARY)
    X, idf_c, E_c = counts[:, cols], idf[cols], (E[cols] if E is not None else None)
    with quiet():
        fits = [refine(X[fit_rows], idf_c, E_c, k, seed=seed, start=s) for s in starts_for(E)]
        best = max(fits, key=lambda f: round(f["mi"], 9))  # ties: the first start
        if len(fit_rows) == len(rows):
            labels[rows] = best["labels"]
        else:  # everyone joins the nearest topic, then a few k-means rounds on all of them
            D, _ = represent(tfidf(X[rows], idf_c, best["weights"]), E_c, "both", seed=seed, svd=best["svd"])
            init = centroids(best["D"], best["labels"], k)
            labels[rows] = KMeans(k, init=init, n_init=1, max_iter=20).fit_predict(D)
    # every term, clustered or not, weighed by the final partition
    w = term_weights((counts > 0).astype(np.float64).tocsr(), labels, k)
    return dict(labels=labels, weights=w, space=best)


def top_columns(counts, n: int) -> np.ndarray:
    """The ``n`` terms in most articles (all when there are fewer), in column order."""
    if counts.shape[1] <= n:
        return np.arange(counts.shape[1])
    df = np.diff(counts.tocsc().indptr)
    return np.sort(np.argsort(-df, kind="stable")[:n])


def topic_profiles(counts, idf, weights, labels, k: int) -> np.ndarray:
    """H: each topic's mean reweighted TF-IDF row (k x terms)."""
    Xw = tfidf(counts, idf, weights)
    ok = np.flatnonzero(labels >= 0)
    member = sp.csr_matrix((np.ones(len(ok)), (labels[ok], ok)), shape=(k, counts.shape[0]))
    sizes = np.maximum(np.asarray(member.sum(axis=1)).ravel(), 1)
    return np.asarray((sp.diags(1.0 / sizes) @ member @ Xw).todense())


def mix(X: sp.csr_matrix, H: np.ndarray, init: np.ndarray | None = None) -> np.ndarray:
    """Non-negative weights W with X ~ W H (multiplicative updates, H fixed): how much of each
    text each topic explains. ``init`` (e.g. the article's cluster) makes few rounds enough."""
    n, k = X.shape[0], H.shape[0]
    W = np.full((n, k), 1.0 / k) if init is None else init.astype(np.float64).copy()
    XHt = np.asarray(X @ H.T)
    HHt = H @ H.T
    empty = np.asarray(X.sum(axis=1)).ravel() == 0
    for _ in range(_MIX_ROUNDS):
        W *= XHt / np.maximum(W @ HHt, 1e-12)
    W[empty] = 0.0
    return W


def fit_nmf(X: sp.csr_matrix, rows, k: int, *, seed: int) -> dict:
    """NMF with NNDSVD initialisation (deterministic) on the tuned TF-IDF."""
    with quiet():
        nmf = NMF(n_components=k, init="nndsvd", random_state=seed, max_iter=400, tol=1e-4)
        W = np.zeros((X.shape[0], k))
        W[rows] = nmf.fit_transform(X[rows])
    labels = np.where(W.max(axis=1) > 0, W.argmax(axis=1), -1)
    return dict(labels=labels, W=W, H=nmf.components_, nmf=nmf)
