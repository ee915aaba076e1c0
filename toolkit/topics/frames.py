"""The three tables from fitted weights: topics, article_topics, paragraph_topics."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .labels import make_label, top_terms

TOPIC_COLUMNS = ["topic_id", "label", "terms", "n_articles", "origin"]
ARTICLE_TOPIC_COLUMNS = ["article_id", "topic_id", "weight"]
PARAGRAPH_TOPIC_COLUMNS = ["article_id", "paragraph", "topic_id", "weight"]


def shares(M: np.ndarray) -> np.ndarray:
    """Each row divided by its sum (rows of zeros stay zero)."""
    total = M.sum(axis=1, keepdims=True)
    return np.divide(M, total, out=np.zeros_like(M, dtype=np.float64), where=total > 0)


def in_long_form(weights: np.ndarray, topic_ids: np.ndarray, min_weight: float):
    """(row, topic_id, weight) of the weights >= min_weight."""
    r, c = np.nonzero(weights >= max(min_weight, 1e-9))
    return r, topic_ids[c], weights[r, c]


def model_frames(model: dict, ids, units, min_weight, min_paragraph_weight):
    """(topics, article_topics, paragraph_topics) of the model topics.

    Topic ids are "t00", "t01"... by n_articles (descending), then label, then fitted order, so
    they do not depend on the order in which the model found the topics.
    """
    k = model["k"]
    terms = top_terms(model["H"], model["terms"])
    labels = [make_label(t) for t in terms]
    A = shares(model["W"])
    n_art = (A >= max(min_weight, 1e-9)).sum(axis=0)
    order = sorted(range(k), key=lambda t: (-n_art[t], labels[t], t))
    new_id = np.empty(k, dtype=object)
    for rank, t in enumerate(order):
        new_id[t] = f"t{rank:02d}"
    topics_df = pd.DataFrame({"topic_id": [new_id[t] for t in order], "label": [labels[t] for t in order],
                              "terms": [terms[t] for t in order], "n_articles": [int(n_art[t]) for t in order],
                              "origin": "model"})
    r, tid, w = in_long_form(A, new_id, min_weight)
    art = pd.DataFrame({"article_id": ids[r], "topic_id": tid, "weight": w})
    is_par = units["paragraph"] >= 0
    r, tid, w = in_long_form(shares(model["U"][is_par]), new_id, min_paragraph_weight)
    par = pd.DataFrame({"article_id": ids[units["article"][is_par][r]], "paragraph": units["paragraph"][is_par][r],
                        "topic_id": tid, "weight": w})
    return topics_df, art, par


def sort_rows(df: pd.DataFrame, order: pd.Series, by: list[str]) -> pd.DataFrame:
    """Rows in the articles' order, then by ``by`` (weights descending), then topic id."""
    if df.empty:
        return df
    df = df.assign(_pos=df["article_id"].map(order).to_numpy())
    asc = [True] + [c != "weight" for c in by] + [True]
    out = df.sort_values(["_pos", *by, "topic_id"], ascending=asc, kind="stable").drop(columns="_pos")
    out["weight"] = out["weight"].astype(float)
    if "paragraph" in out:
        out["paragraph"] = out["paragraph"].astype(int)
    return out
