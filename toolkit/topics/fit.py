"""Fitting model topics: vocabulary, k, model, then weights of articles and paragraphs."""
from __future__ import annotations

import numpy as np

from ..errors import EmptyCorpusError
from . import choose_k, models
from .vectorize import count_terms, term_vectors, tfidf

# Below this, clusters of a handful of articles say little, and an article that mixes two subjects
# can make a cluster of its own where NMF splits it into its two parts.
MIN_TO_CLUSTER = 50
NO_VECTORS = ("cluster on LSA only: the md model (en_core_web_md vectors) is not installed; "
              "install it for topics that hold on short texts")


def fit_model(units: dict, n_articles: int, *, method: str, k, seed: int, exclude, min_k: int,
              max_k: int) -> dict:
    """Model topics of the articles whose titles and paragraphs are ``units``.

    Returns k, k_scores, W (articles x k weights), U (units x k), H (k x terms), terms and
    ``description`` (what ran, e.g. whether word vectors were used).
    """
    v = count_terms(units["text"], units["article"], n_articles, exclude=exclude)
    for n_have, what in ((v["n_with_words"], "with words"), (len(v["rows"]), "with modelled words")):
        if k is not None and k > n_have:
            raise EmptyCorpusError(f"k={k} is more than the {n_have} article(s) {what}: "
                                   f"pass k <= {n_have} or k=None")
    if method == "nmf" or len(v["rows"]) < MIN_TO_CLUSTER:
        fitted = _fit_nmf(v, n_articles, k=k, seed=seed, min_k=min_k, max_k=max_k)
        if method != "nmf":
            fitted["description"] += f" (fewer than {MIN_TO_CLUSTER} articles with words: too few to cluster)"
        return fitted
    return _fit_cluster(v, n_articles, k=k, seed=seed, min_k=min_k, max_k=max_k)


def _fit_cluster(v, n_articles, *, k, seed, min_k, max_k) -> dict:
    found = term_vectors(v["terms"])
    E, description = (found[0], f"cluster on {found[1]} + LSA") if found is not None else (None, NO_VECTORS)
    counts, idf, rows = v["counts"], v["idf"], v["rows"]
    k_scores = choose_k.no_scores()
    if k is None:
        k, k_scores = choose_k.choose_k_by_stability(counts, idf, E, rows, seed=seed, min_k=min_k, max_k=max_k)
    k = int(min(k, len(v["terms"])))
    fitted = models.fit_cluster(counts, idf, E, rows, k, seed=seed)
    labels, w = fitted["labels"], fitted["weights"]
    H = models.topic_profiles(counts, idf, w, labels, k)
    init = np.full((n_articles, k), 0.1 / max(k, 1))
    init[rows, labels[rows]] = 1.0  # start from the cluster: its topic stays the main one unless the words say otherwise
    with models.quiet():
        W = models.mix(tfidf(counts, idf, w), H, init=init)
        U = models.mix(tfidf(v["units"], idf, w), H)
    return dict(k=k, k_scores=k_scores, W=W, U=U, H=H, terms=v["terms"], description=description)


def _fit_nmf(v, n_articles, *, k, seed, min_k, max_k) -> dict:
    X = tfidf(v["counts"], v["idf"])
    rows = v["rows"]
    k_scores = choose_k.no_scores()
    if k is None:
        # Single words only: bigrams add thousands of rare columns that blur topic centroids.
        uni = np.array([" " not in t for t in v["terms"]])
        k, k_scores = choose_k.choose_k_by_separation(tfidf(v["counts"][rows][:, uni], v["idf"][uni]),
                                                      seed=seed, min_k=min_k, max_k=max_k)
    k = int(min(k, len(v["terms"])))
    fitted = models.fit_nmf(X, rows, k, seed=seed)
    unit_X = tfidf(v["units"], v["idf"])
    unit_rows = np.flatnonzero(np.diff(unit_X.indptr) > 0)
    U = np.zeros((unit_X.shape[0], k))
    with models.quiet():
        if len(unit_rows):
            U[unit_rows] = fitted["nmf"].transform(unit_X[unit_rows])
    return dict(k=k, k_scores=k_scores, W=fitted["W"], U=U, H=fitted["H"], terms=v["terms"],
                description="nmf on TF-IDF")
