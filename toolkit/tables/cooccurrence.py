"""Co-occurrence: which actors and topics appear together, in the same sentence, paragraph or article.

Counts are over windows: a pair counts once per window that holds both, however many mentions
each has there. With N windows, n_a windows holding a, n_b holding b and c holding both:

    pmi = ln(c N / (n_a n_b))        npmi = pmi / -ln(c / N)   (1 when c = N)
    jaccard = c / (n_a + n_b - c)

A sentence or paragraph that lists many actors (signatories, a line-up, "Ade, Obi, Lima, Kito, Ruiz,
Sato, Chen, Diaz and Moyo signed") would add every pair of its names and swamp the table: a window
holding more than ``list_size`` actors (default :data:`LIST_SIZE`) adds no pairs; its actors still
count in the marginals and N. Article windows are never capped.

N is every window of the articles in scope: sentences from ``corpus.sentences``, paragraphs from
the articles' text (split on "\\n\\n"), or articles -- windows with nobody in them count, so that
pmi compares with chance over the whole text.

Topics are present in a window when the topic tables list them (weight >= the ``min_weight`` or
``min_paragraph_weight`` the topics were made with): article window -> ``article_topics``, paragraph window ->
``paragraph_topics``, sentence window -> the topics of the sentence's paragraph (topics are not
modelled per sentence; sentences are too short).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InvalidOptionError, MissingColumnError
from ..schema import KINDS, WINDOWS, columns, typed

__all__ = ["cooccurrence", "to_networkx", "EDGE_COLUMNS", "OF", "PERIODS", "LIST_SIZE"]

OF = ("actor", "topic", ("actor", "topic"))
# the ``freq`` values of co-occurrence per period
PERIODS = (None, "month", "week")
LIST_SIZE = 8  # a sentence or paragraph window with more actors than this is a list: it adds no pairs
EDGE_COLUMNS = columns("edges")
_WINDOW_KEYS = {"sentence": "sentence", "paragraph": "paragraph", "article": None}
_PERIODS = {"month": "M", "week": "W-SUN"}


def cooccurrence(corpus, *, of="actor", window: str = "sentence", min_count: int = 1, freq: str | None = None,
                 sources=None, kinds=None, list_size: int | None = LIST_SIZE) -> pd.DataFrame:
    """Pairs of actors, of topics, or actor-topic pairs that share a window, with association scores.

    corpus: any object with the frames ``articles``, ``mentions``, ``actors``, ``sentences``,
        ``article_topics``, ``paragraph_topics`` (and ``topics`` for topic labels, if it has one).
    of: "actor", "topic", or ("actor", "topic") for a bipartite table (a = actor, b = topic).
    window: "sentence", "paragraph" or "article".
    min_count: drop pairs sharing fewer windows.
    freq: None, "month" or "week": one table per period of ``published`` (period start, UTC, in a
        ``period`` column; N and the marginals are counted per period; undated articles are left out).
    sources: a source name or list of them: only articles from these sources.
    kinds: an actor kind or list of them (person, organization, place, group, other): only these actors.
    list_size: sentence and paragraph windows holding more actors than this add no pairs (lists of
        names; see the module docstring); None counts every window.

    Returns columns a, b, a_name, b_name, a_kind, b_kind ("topic" for topics), count, n_articles
    (articles with at least one shared window), pmi, npmi, jaccard, window (+ period). Same-kind
    tables list each pair once with a < b. Sorted by period, count (descending), a, b.
    Raises InvalidOptionError listing the allowed values of a bad option.
    """
    of = _check_of(of)
    if window not in WINDOWS:
        raise InvalidOptionError("window", window, WINDOWS)
    if freq not in PERIODS:
        raise InvalidOptionError("freq", freq, PERIODS)
    if list_size is not None and (isinstance(list_size, bool) or not isinstance(list_size, (int, np.integer))
                                  or list_size < 2):
        raise InvalidOptionError("list_size", list_size, ["None", "an integer >= 2"])
    if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise InvalidOptionError("min_count", min_count, ["an integer >= 1"])
    kinds = _as_list(kinds, "kinds")
    if kinds is not None:
        if "actor" not in of:
            raise InvalidOptionError("kinds", kinds, ["None (kinds filters actors; of='topic' has none)"])
        bad = [k for k in kinds if k not in KINDS]
        if bad:
            raise InvalidOptionError("kinds", bad[0] if len(bad) == 1 else bad, KINDS)
    sources = _as_list(sources, "sources")

    arts = _articles_in_scope(corpus, sources, freq)
    items = {kind: _occurrences(corpus, kind, window, arts, kinds) for kind in set(of)}
    n_windows = _count_windows(corpus, window, arts, items)
    paired = dict(items)
    if "actor" in items and window != "article" and list_size is not None:
        occ = items["actor"]
        size = occ.groupby(["article_id", "w"])["item"].transform("size")
        paired["actor"] = occ[(size <= list_size).to_numpy()].reset_index(drop=True)
    if len(of) == 1:
        edges = _pairs(paired[of[0]], paired[of[0]], same=True, article_window=window == "article")
    else:
        edges = _pairs(paired["actor"], paired["topic"], same=False, article_window=window == "article")
    edges = edges[edges["count"] >= min_count]
    edges = _scores(edges, items, n_windows, same=len(of) == 1)
    return _finish(edges, corpus, of, window, freq)


def to_networkx(edges: pd.DataFrame):
    """An undirected ``networkx.Graph`` of a co-occurrence table (one period: filter ``period`` first).

    Nodes: the a and b ids, with attributes name, kind (actor kind, or "topic") and bipartite (0 for
    actors, 1 for topics). Edges: count, n_articles, pmi, npmi, jaccard, and weight (= count, what
    networkx algorithms read). Graph attribute ``window``.
    """
    import networkx as nx

    missing = [c for c in ("a", "b", "count") if c not in edges.columns]
    if missing:
        raise MissingColumnError(missing[0], "edges", "pass the frame returned by cooccurrence()")
    if "period" in edges.columns and edges["period"].nunique(dropna=False) > 1:
        raise ValueError("edges holds several periods; pass one, e.g. edges[edges['period'] == p], "
                         "or call cooccurrence() without freq=")
    windows = edges["window"].unique().tolist() if "window" in edges.columns else []
    g = nx.Graph(window=windows[0] if len(windows) == 1 else None)
    cols = {c: edges[c].to_numpy() if c in edges.columns else np.full(len(edges), None)
            for c in ("a_name", "b_name", "a_kind", "b_kind")}
    for side in ("a", "b"):
        for node, name, kind in zip(edges[side].to_numpy(), cols[f"{side}_name"], cols[f"{side}_kind"]):
            if node not in g:
                g.add_node(node, name=name if name is not None else node, kind=kind,
                           bipartite=1 if kind == "topic" else 0)
    scores = [c for c in ("count", "n_articles", "pmi", "npmi", "jaccard") if c in edges.columns]
    values = {c: edges[c].to_numpy() for c in scores}
    for i, (a, b) in enumerate(zip(edges["a"].to_numpy(), edges["b"].to_numpy())):
        attrs = {c: values[c][i].item() if hasattr(values[c][i], "item") else values[c][i] for c in scores}
        attrs["weight"] = attrs["count"]
        g.add_edge(a, b, **attrs)
    return g


# --- steps ----------------------------------------------------------------------------------

def _check_of(of):
    if isinstance(of, str) and of in ("actor", "topic"):
        return (of,)
    if isinstance(of, (tuple, list)) and tuple(of) == ("actor", "topic"):
        return ("actor", "topic")
    raise InvalidOptionError("of", of, OF)


def _as_list(value, name):
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    try:
        return list(value)
    except TypeError:
        raise InvalidOptionError(name, value, ["None", "a string", "a list of strings"]) from None


def _frame(corpus, name: str, columns: list[str]) -> pd.DataFrame:
    df = getattr(corpus, name, None)
    if df is None:
        df = pd.DataFrame()
    for col in columns:
        if col not in df.columns:
            if len(df) == 0:  # a table never built (e.g. topics=False): nothing co-occurs
                return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
            raise MissingColumnError(col, name, "build the corpus with toolkit.analyze() or give the column")
    return df


def _articles_in_scope(corpus, sources, freq) -> pd.DataFrame:
    """article_id (str), text, and period when freq is given, for the articles kept by the filters."""
    cols = ["article_id"] + (["source"] if sources is not None else []) + (["published"] if freq else [])
    arts = _frame(corpus, "articles", cols)
    out = pd.DataFrame({"article_id": arts["article_id"].astype(str).to_numpy()})
    out["text"] = arts["text"].to_numpy() if "text" in arts.columns else None
    keep = np.ones(len(out), dtype=bool)
    if sources is not None:
        keep &= arts["source"].isin(sources).to_numpy()
    if freq:
        published = pd.to_datetime(arts["published"], utc=True)
        keep &= published.notna().to_numpy()
        naive = published.dt.tz_convert("UTC").dt.tz_localize(None)
        out["period"] = naive.dt.to_period(_PERIODS[freq]).dt.start_time.dt.tz_localize("UTC").to_numpy()
    return out[keep].drop_duplicates("article_id").reset_index(drop=True)


def _occurrences(corpus, kind: str, window: str, arts: pd.DataFrame, kinds) -> pd.DataFrame:
    """One row per (window, item): article_id, w (window index within the article, -1 = article), item."""
    key = _WINDOW_KEYS[window]
    if kind == "actor":
        m = _frame(corpus, "mentions", ["article_id", "actor_id"] + ([key] if key else []))
        m = m[m["actor_id"].notna()]
        if kinds is not None:
            actors = _frame(corpus, "actors", ["actor_id", "kind"])
            wanted = set(actors.loc[actors["kind"].isin(kinds), "actor_id"].astype(str))
            m = m[m["actor_id"].astype(str).isin(wanted)]
        occ = pd.DataFrame({"article_id": m["article_id"].astype(str).to_numpy(),
                            "w": m[key].to_numpy() if key else -1, "item": m["actor_id"].astype(str).to_numpy()})
    elif window == "article":
        t = _frame(corpus, "article_topics", ["article_id", "topic_id"])
        occ = pd.DataFrame({"article_id": t["article_id"].astype(str).to_numpy(), "w": -1,
                            "item": t["topic_id"].astype(str).to_numpy()})
    else:
        t = _frame(corpus, "paragraph_topics", ["article_id", "paragraph", "topic_id"])
        t = pd.DataFrame({"article_id": t["article_id"].astype(str).to_numpy(),
                          "paragraph": pd.to_numeric(t["paragraph"]).to_numpy(),
                          "item": t["topic_id"].astype(str).to_numpy()})
        if window == "paragraph":
            occ = t.rename(columns={"paragraph": "w"})
        else:
            s = _frame(corpus, "sentences", ["article_id", "sentence", "paragraph"])
            s = pd.DataFrame({"article_id": s["article_id"].astype(str).to_numpy(),
                              "paragraph": pd.to_numeric(s["paragraph"]).to_numpy(),
                              "w": pd.to_numeric(s["sentence"]).to_numpy()})
            occ = s.merge(t, on=["article_id", "paragraph"])[["article_id", "w", "item"]]
    occ = occ[occ["w"].notna()]
    occ = occ.merge(arts.drop(columns="text"), on="article_id")  # scope filter, adds period
    occ["w"] = occ["w"].astype(np.int64)
    return occ.drop_duplicates(["article_id", "w", "item"]).reset_index(drop=True)


def _count_windows(corpus, window: str, arts: pd.DataFrame, items: dict) -> pd.Series:
    """N: the number of windows, per period with freq (a one-row series without)."""
    by = "period" if "period" in arts.columns else None
    if window == "article":
        per_article = pd.Series(1, index=arts.index)
    elif window == "paragraph" and arts["text"].notna().any():
        per_article = arts["text"].fillna("").astype(str).str.count("\n\n") + 1
    elif window == "sentence":
        s = _frame(corpus, "sentences", ["article_id"])
        n = s["article_id"].astype(str).value_counts()
        per_article = arts["article_id"].map(n).fillna(0)
    else:
        per_article = pd.Series(0, index=arts.index)
    defined = per_article.groupby(arts[by] if by else np.zeros(len(arts))).sum()
    # Never fewer windows than those seen holding something (a sentences frame may be missing).
    seen = pd.concat([o[["article_id", "w"] + ([by] if by else [])] for o in items.values()])
    seen = seen.drop_duplicates()
    observed = seen.groupby(seen[by] if by else np.zeros(len(seen))).size()
    return defined.combine(observed, max, fill_value=0).astype(float)


def _pairs(left: pd.DataFrame, right: pd.DataFrame, *, same: bool, article_window: bool) -> pd.DataFrame:
    keys = ["article_id", "w"] + (["period"] if "period" in left.columns else [])
    # Integer ids for windows, items, articles and periods so the joins run on int columns.
    both = pd.concat([left[keys], right[keys]]).drop_duplicates().reset_index(drop=True)
    wid = pd.Series(np.arange(len(both)), index=pd.MultiIndex.from_frame(both))
    lw = wid.reindex(pd.MultiIndex.from_frame(left[keys])).to_numpy()
    rw = wid.reindex(pd.MultiIndex.from_frame(right[keys])).to_numpy()
    l_items, l_codes = np.unique(left["item"].to_numpy(dtype=str), return_inverse=True)
    r_items, r_codes = np.unique(right["item"].to_numpy(dtype=str), return_inverse=True)
    art = pd.factorize(both["article_id"])[0]
    per_values, per = (pd.factorize(both["period"]) if "period" in both.columns
                       else (np.zeros(len(both), dtype=np.int64), None))
    if article_window:
        import scipy.sparse as sp  # on first use: a dashboard's first paint does not wait for SciPy

        # One window per article: a windows x items incidence product gives the counts, and
        # n_articles equals count. Scales with articles x actors without listing every pair.
        frames = []
        for p in range(len(per) if per is not None else 1):
            lm, rm = per_values[lw] == p, per_values[rw] == p
            L = sp.csr_matrix((np.ones(lm.sum()), (lw[lm], l_codes[lm])), shape=(len(both), len(l_items)))
            R = sp.csr_matrix((np.ones(rm.sum()), (rw[rm], r_codes[rm])), shape=(len(both), len(r_items)))
            C = (L.T @ R).tocoo()
            keep = C.row < C.col if same else np.ones(len(C.data), dtype=bool)
            frames.append(pd.DataFrame({"x": C.row[keep], "y": C.col[keep], "count": C.data[keep].astype(np.int64),
                                        "per": p}))
        pairs = pd.concat(frames, ignore_index=True)
        pairs["n_articles"] = pairs["count"]
    else:
        # Windows inside articles hold few items: list the pairs window by window.
        m = pd.DataFrame({"wid": lw, "x": l_codes}).merge(pd.DataFrame({"wid": rw, "y": r_codes}), on="wid")
        if same:
            m = m[m["x"].to_numpy() < m["y"].to_numpy()]
        m = m.assign(art=art[m["wid"].to_numpy()], per=per_values[m["wid"].to_numpy()])
        count = m.groupby(["per", "x", "y"], sort=False).size().rename("count")
        n_art = m.drop_duplicates(["per", "x", "y", "art"]).groupby(["per", "x", "y"], sort=False).size()
        pairs = count.to_frame().assign(n_articles=n_art).reset_index()
    out = pd.DataFrame({"a": l_items[pairs["x"].to_numpy()], "b": r_items[pairs["y"].to_numpy()],
                        "count": pairs["count"].to_numpy(dtype=np.int64),
                        "n_articles": pairs["n_articles"].to_numpy(dtype=np.int64)})
    if per is not None:
        out["period"] = np.asarray(per)[pairs["per"].to_numpy()]
    return out


def _scores(edges: pd.DataFrame, items: dict, n_windows: pd.Series, *, same: bool) -> pd.DataFrame:
    if edges.empty:
        return edges.assign(pmi=pd.Series(dtype=float), npmi=pd.Series(dtype=float), jaccard=pd.Series(dtype=float))
    by = ["period"] if "period" in edges.columns else []

    def marginal(occ):
        return occ.groupby(by + ["item"]).size() if by else occ.groupby("item").size()

    la = marginal(items["actor"] if not same and "actor" in items else next(iter(items.values())))
    lb = la if same else marginal(items["topic"])
    idx_a = pd.MultiIndex.from_frame(edges[by + ["a"]]) if by else pd.Index(edges["a"])
    idx_b = pd.MultiIndex.from_frame(edges[by + ["b"]]) if by else pd.Index(edges["b"])
    n_a = la.reindex(idx_a).to_numpy(dtype=float)
    n_b = lb.reindex(idx_b).to_numpy(dtype=float)
    N = n_windows.reindex(edges["period"]).to_numpy() if by else np.full(len(edges), n_windows.iloc[0])
    c = edges["count"].to_numpy(dtype=float)
    pmi = np.log(c * N / (n_a * n_b))
    p_ab = c / N
    with np.errstate(divide="ignore", invalid="ignore"):
        npmi = np.where(p_ab >= 1.0, 1.0, pmi / -np.log(p_ab))
    return edges.assign(pmi=pmi, npmi=npmi, jaccard=c / (n_a + n_b - c))


def _finish(edges, corpus, of, window, freq) -> pd.DataFrame:
    cols = EDGE_COLUMNS + (["period"] if freq else [])
    if edges.empty:
        out = typed(pd.DataFrame(columns=EDGE_COLUMNS), "edges")
        return out.assign(period=pd.Series(dtype="datetime64[ns, UTC]")) if freq else out
    names, kinds = {}, {}
    if "actor" in of:
        actors = _frame(corpus, "actors", ["actor_id"])
        ids = actors["actor_id"].astype(str)
        names.update(zip(ids, actors["name"].astype(str) if "name" in actors else ids))
        kinds.update(zip(ids, actors["kind"] if "kind" in actors else [None] * len(ids)))
    topic_names = {}
    if "topic" in of:
        t = getattr(corpus, "topics", None)
        if t is not None and {"topic_id", "label"} <= set(t.columns):
            topic_names = dict(zip(t["topic_id"].astype(str), t["label"].astype(str)))
    b_is_topic = of[-1] == "topic"
    a_is_topic = of == ("topic",)
    edges = edges.assign(
        a_name=edges["a"].map(topic_names if a_is_topic else names).fillna(edges["a"]),
        b_name=edges["b"].map(topic_names if b_is_topic else names).fillna(edges["b"]),
        a_kind="topic" if a_is_topic else edges["a"].map(kinds),
        b_kind="topic" if b_is_topic else edges["b"].map(kinds),
        window=window,
    )
    sort = (["period"] if freq else []) + ["count", "a", "b"]
    asc = ([True] if freq else []) + [False, True, True]
    out = edges.sort_values(sort, ascending=asc, kind="stable")[cols].reset_index(drop=True)
    return typed(out, "edges", extra=True)
