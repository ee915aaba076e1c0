"""Frames for co-occurrence views: heatmap cells, a network layout, and the passages where two
actors or topics occur together."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InvalidOptionError
from ..schema import WINDOWS
from ..units import paragraph_starts
from .base import check_choice, check_count, need_columns, unique_labels
from .cooccurrence import LIST_SIZE
from .quotes import article_texts

SCORES = ("count", "n_articles", "pmi", "npmi", "jaccard")


def edge_frame(edges: pd.DataFrame, score: str, min_count: int = 1) -> pd.DataFrame:
    """The edges (names filled in) that share at least ``min_count`` windows: an association score
    (pmi, npmi) on one or two shared windows ranks chance pairs first."""
    need_columns(edges, ("a", "b", "count"), "co-occurrence edges")
    check_choice("score", score, SCORES)
    check_count("min_count", min_count, 1, 10**9)
    need_columns(edges, (score,), "co-occurrence edges")
    e = edges[edges["count"] >= min_count].copy()
    for side in ("a", "b"):
        e[side] = e[side].astype(str)
        name = f"{side}_name"
        e[name] = e[name].astype(object).where(e[name].notna(), e[side]) if name in e else e[side]
    return e


def is_symmetric(e: pd.DataFrame) -> bool:
    """Same-kind edge lists hold each pair once with a < b; an (actor, topic) list does not.
    tk.cooccurrence says which it is in a_kind / b_kind ("topic" for topics)."""
    if {"a_kind", "b_kind"} <= set(e.columns) and len(e):
        return bool(((e["a_kind"] == "topic") == (e["b_kind"] == "topic")).all())
    a, b = set(e["a"]), set(e["b"])
    return bool(a & b) or bool((e["a"] < e["b"]).all())


def top_nodes(e: pd.DataFrame, n: int, symmetric: bool) -> pd.DataFrame:
    """id, side, name, weight (summed count of the node's edges), label: the ``n`` heaviest nodes
    (per side when not symmetric)."""
    sides = [("a", "a"), ("b", "a" if symmetric else "b")]
    parts = [pd.DataFrame({"id": e[s], "name": e[f"{s}_name"], "side": tag, "weight": e["count"]})
             for s, tag in sides]
    nodes = pd.concat(parts).groupby(["side", "id"], sort=True).agg(name=("name", "first"),
                                                                     weight=("weight", "sum")).reset_index()
    nodes = nodes.sort_values(["weight", "name", "id"], ascending=[False, True, True], kind="stable")
    nodes = nodes.groupby("side", sort=True).head(n)
    nodes["label"] = unique_labels(nodes["side"] + ":" + nodes["id"], nodes["name"]).to_numpy()
    return nodes.reset_index(drop=True)


def heatmap_cells(edges: pd.DataFrame, *, n: int = 25, score: str = "count",
                  symmetric: bool | None = None, min_count: int = 1) -> tuple[pd.DataFrame, list[str], list[str]]:
    """The cells of a co-occurrence heatmap: edges among the ``n`` heaviest nodes (by summed count),
    mirrored to (b, a) when the table is symmetric (auto-detected unless ``symmetric`` is given);
    edges sharing fewer than ``min_count`` windows are left out (rank by pmi/npmi with a minimum).

    Returns (cells with a, b, a_name, b_name, a_label, b_label, count, the score columns present;
    the row labels in order; the column labels in order).
    """
    check_count("n", n, 1, 70)  # n x n mirrored cells must stay under the row limit
    e = edge_frame(edges, score, min_count)
    sym = is_symmetric(e) if symmetric is None else symmetric
    nodes = top_nodes(e, n, sym)
    lab = {(s, i): l for s, i, l in zip(nodes["side"], nodes["id"], nodes["label"])}
    bside = "a" if sym else "b"
    keep = e[[(("a", x) in lab) and ((bside, y) in lab) for x, y in zip(e["a"], e["b"])]] if len(e) else e
    if sym:
        mirror = keep.rename(columns={"a": "b", "b": "a", "a_name": "b_name", "b_name": "a_name"})
        keep = pd.concat([keep, mirror[keep.columns]], ignore_index=True)
    keep = keep.assign(a_label=[lab[("a", x)] for x in keep["a"]],
                       b_label=[lab[(bside, y)] for y in keep["b"]])
    keep = keep.sort_values(["a", "b"], kind="stable")
    cols = ["a", "b", "a_name", "b_name", "a_label", "b_label"] + [c for c in SCORES if c in keep.columns]
    rows = nodes.loc[nodes["side"] == "a", "label"].tolist()
    columns = rows if sym else nodes.loc[nodes["side"] == "b", "label"].tolist()
    return keep[cols].reset_index(drop=True), rows, columns


def network_layout(edges: pd.DataFrame, *, n: int = 40, seed: int = 0, score: str = "count",
                   symmetric: bool | None = None, min_count: int = 1,
                   max_edges: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Node and edge frames of a co-occurrence network laid out by networkx (spring layout on log count,
    fixed ``seed``; coordinates rounded so they are the same on every platform).

    Returns (nodes: id, side, name, label, weight, x, y; edges: a, b, a_name, b_name, count, the
    score columns present, x, y, x2, y2), for the ``n`` heaviest nodes (of each side, for an
    (actor, topic) table) and the edges among them: with ``max_edges``, only the strongest that
    many by ``score`` (ties by count, then ids), so a dense clump thins to its backbone; edges
    sharing fewer than ``min_count`` windows are left out first. ``n`` is at most 100 (70 per side).
    """
    import networkx as nx

    check_count("seed", seed, 0, 2**32 - 1)
    e = edge_frame(edges, score, min_count)
    if max_edges is not None:
        check_count("max_edges", max_edges, 1, 10**6)
    sym = is_symmetric(e) if symmetric is None else symmetric
    # under the row limit: n(n-1)/2 edges among n nodes, or n x n between two sides of n
    check_count("n", n, 1, 100 if sym else 70)
    nodes = top_nodes(e, n, sym)
    bside = "a" if sym else "b"
    key = {(s, i) for s, i in zip(nodes["side"], nodes["id"])}
    keep = e[[(("a", x) in key) and ((bside, y) in key) for x, y in zip(e["a"], e["b"])]] if len(e) else e
    keep = keep.sort_values(["a", "b"], kind="stable").reset_index(drop=True)
    g = nx.Graph()
    g.add_nodes_from(sorted(key))  # insertion order fixes the layout together with the seed
    # laid out on every edge among the nodes (log counts, so one hub does not pull all into a
    # clump), whatever max_edges then draws
    g.add_edges_from((("a", x), (bside, y), {"w": float(np.log1p(c))})
                     for x, y, c in zip(keep["a"], keep["b"], keep["count"]))
    k = 2.0 / np.sqrt(len(g)) if len(g) else None
    pos = nx.spring_layout(g, seed=seed, weight="w", k=k) if len(g) else {}
    if max_edges is not None and len(keep) > max_edges:
        keep = keep.sort_values([score, "count", "a", "b"], ascending=[False, False, True, True],
                                kind="stable").head(max_edges).sort_values(["a", "b"], kind="stable")
        keep = keep.reset_index(drop=True)
    xy = {k: (round(float(p[0]), 4), round(float(p[1]), 4)) for k, p in pos.items()}
    nodes["x"] = [xy[(s, i)][0] for s, i in zip(nodes["side"], nodes["id"])]
    nodes["y"] = [xy[(s, i)][1] for s, i in zip(nodes["side"], nodes["id"])]
    keep = keep.assign(x=[xy[("a", x)][0] for x in keep["a"]], y=[xy[("a", x)][1] for x in keep["a"]],
                       x2=[xy[(bside, y)][0] for y in keep["b"]], y2=[xy[(bside, y)][1] for y in keep["b"]])
    ecols = ["a", "b", "a_name", "b_name"] + [c for c in SCORES if c in keep.columns] + ["x", "y", "x2", "y2"]
    return (nodes[["id", "side", "name", "label", "weight", "x", "y"]].reset_index(drop=True),
            keep[ecols].reset_index(drop=True))


def topic_windows(corpus, topic_id: str, window: str) -> pd.DataFrame:
    """(article_id[, sentence|paragraph]) where a topic is present: paragraph_topics when the corpus
    has them (article_id, paragraph, topic_id), else every unit of the articles with the topic."""
    at = corpus.article_topics
    arts = at.loc[at["topic_id"].astype(str) == str(topic_id), ["article_id"]].drop_duplicates()
    if window == "article":
        return arts
    pt = getattr(corpus, "paragraph_topics", None)
    if pt is not None and {"article_id", "paragraph", "topic_id"} <= set(pt.columns) and not pt.empty:
        paras = pt.loc[pt["topic_id"].astype(str) == str(topic_id), ["article_id", "paragraph"]].drop_duplicates()
    else:
        paras = corpus.sentences[["article_id", "paragraph"]].merge(arts, on="article_id").drop_duplicates()
    if window == "paragraph":
        return paras
    return corpus.sentences[["article_id", "paragraph", "sentence"]].merge(paras, on=["article_id", "paragraph"])[
        ["article_id", "sentence"]]


def windows_of(corpus, side: str, ident: str, window: str) -> pd.DataFrame:
    key = ["article_id"] if window == "article" else ["article_id", window]
    if side == "topic":
        return topic_windows(corpus, ident, window)[key]
    m = corpus.mentions
    return m.loc[(m["actor_id"] == ident).fillna(False).to_numpy(dtype=bool), key].drop_duplicates()


def paragraph_spans(corpus, paras: pd.DataFrame) -> pd.DataFrame:
    """article_id, unit, start, end of the given (article_id, paragraph) pairs, from the text itself:
    paragraph p is ``text.split("\\n\\n")[p]`` (whitespace trimmed), as mentions and topics count them.
    Sentence spans would not do: a sentence may run across a paragraph break."""
    texts = article_texts(corpus)
    rows = []
    for aid, p in zip(paras["article_id"], paras["paragraph"]):
        text = texts.get(aid)
        if not isinstance(text, str):
            continue
        starts = paragraph_starts(text)
        if not 0 <= p < len(starts):
            continue
        lo, hi = starts[p], (starts[p + 1] - 2 if p + 1 < len(starts) else len(text))
        piece = text[lo:hi]
        lo += len(piece) - len(piece.lstrip())
        hi -= len(piece) - len(piece.rstrip())
        rows.append((aid, int(p), lo, max(lo, hi)))
    return pd.DataFrame(rows, columns=["article_id", "unit", "start", "end"])


def passages(corpus, a: str, b: str, *, of="actor", window: str = "sentence",
             list_size: int | None = LIST_SIZE) -> pd.DataFrame:
    """Where ``a`` and ``b`` occur together: one row per sentence (``window="sentence"``), per
    paragraph, or, for ``"article"``, per sentence naming an actor of the pair in the articles
    holding both (the lead sentence when neither side is an actor).

    ``of`` is "actor", "topic" or ("actor", "topic") as for ``tk.cooccurrence``. Returns article_id,
    title, source, published, url, unit (sentence or paragraph index), start, end, text; newest first.
    ``list_size`` as for ``tk.cooccurrence``: a sentence or paragraph listing more actors than that
    is no passage of an actor pair (it adds no pair there either).
    """
    check_choice("window", window, WINDOWS)
    sides = ("actor", "actor") if of == "actor" else ("topic", "topic") if of == "topic" else tuple(of)
    if sides not in (("actor", "actor"), ("topic", "topic"), ("actor", "topic")):
        raise InvalidOptionError("of", of, ("actor", "topic", ("actor", "topic")))
    key = ["article_id"] if window == "article" else ["article_id", window]
    both = windows_of(corpus, sides[0], a, window).merge(windows_of(corpus, sides[1], b, window), on=key)
    if window != "article" and list_size is not None and "actor" in sides:
        m = corpus.mentions.dropna(subset=["actor_id"])
        size = m.drop_duplicates(key + ["actor_id"]).groupby(key).size().rename("_n").reset_index()
        both = both.merge(size, on=key, how="left")
        both = both[~(both["_n"] > list_size).fillna(False).to_numpy(dtype=bool)].drop(columns="_n")
    s = corpus.sentences
    if window == "sentence":
        spans = s.merge(both, on=key)[["article_id", "sentence", "start", "end"]].rename(columns={"sentence": "unit"})
    elif window == "paragraph":
        spans = paragraph_spans(corpus, both.drop_duplicates())
    else:
        actors = [x for x, sd in zip((a, b), sides) if sd == "actor"]
        m = corpus.mentions
        if actors:
            where = m.loc[m["actor_id"].isin(actors).fillna(False).to_numpy(dtype=bool), ["article_id", "sentence"]]
        else:
            where = s.loc[s["sentence"] == 0, ["article_id", "sentence"]]
        where = where.merge(both, on="article_id").drop_duplicates()
        spans = s.merge(where, on=["article_id", "sentence"])[["article_id", "sentence", "start", "end"]].rename(
            columns={"sentence": "unit"})
    arts = corpus.articles
    cols = [c for c in ("article_id", "title", "source", "published", "url", "text") if c in arts.columns]
    out = spans.merge(arts[cols].rename(columns={"text": "_article"}), on="article_id", how="left")
    out["text"] = [t[s0:e0] if isinstance(t, str) else ""
                   for t, s0, e0 in zip(out["_article"], out["start"], out["end"])]
    for c in ("title", "source", "published", "url"):
        if c not in out.columns:
            out[c] = pd.NA
    out = out.sort_values(["published", "article_id", "start"], ascending=[False, True, True], na_position="last",
                          kind="stable")
    return out[["article_id", "title", "source", "published", "url", "unit", "start", "end", "text"]].reset_index(
        drop=True)
