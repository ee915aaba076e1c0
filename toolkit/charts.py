"""Charts of a corpus: Altair charts built from the tidy tables, returned (never displayed) so
they can be restyled and composed, plus the pure-pandas helpers that compute their frames.

Every chart aggregates in pandas first, so its data stays under Altair's 5,000-row limit on large
corpora; a time chart whose aggregation would not fit raises :class:`TooManyRowsError` naming the
coarser ``freq`` values to use. Sort orders are total (ties broken by name, then id), so
``chart.to_dict()`` is identical across runs. Tooltips show names and titles as plain text:
the corpus is data, and HTML tooltips are never enabled.

Offline rendering: :func:`enable_offline` switches Altair to the ``jupyter`` renderer with its
JavaScript bundled by vl-convert, so charts render without a CDN. Importing this module inside an
IPython kernel does that automatically (set ``NEWS_TOOLKIT_OFFLINE=0`` to keep Altair's default).
"""
from __future__ import annotations

import os
from collections.abc import Mapping

import altair as alt
import numpy as np
import pandas as pd

from .actors import KINDS
from .errors import EmptyCorpusError, InvalidOptionError, MissingColumnError, UnknownActorError

__all__ = [
    "enable_offline", "jupyter_chart", "TooManyRowsError",
    "top_actors", "actor_timeline", "voices", "cues", "topic_shares", "co_mentioned", "actor_topics",
    "heatmap_cells", "network_layout",
    "chart_top_actors", "chart_actor_timeline", "chart_voices", "chart_cues", "chart_topic_shares",
    "chart_co_mentioned", "chart_cooccurrence_heatmap", "chart_network", "chart_actor_topics",
    "line_timeline", "bar_co_mentioned",
]

MAX_ROWS = 5000  # Altair's default MaxRowsError threshold: every chart's data stays below it
FREQS = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}
BY_ACTORS = (None, "kind", "source")
BY_TOPICS = (None, "source")
WINDOWS = ("sentence", "paragraph", "article")
SCORES = ("count", "n_articles", "pmi", "npmi", "jaccard")
QUOTE_KINDS = ("direct", "mixed", "indirect")
TOP_SOURCES = 10  # sources beyond the 10 largest are pooled, so colour legends and facets stay readable
OTHER_SOURCES = "Other sources"
KIND_COLORS = alt.Scale(domain=list(KINDS), range=["#4c78a8", "#f58518", "#54a24b", "#b279a2", "#9d9d9d"])
QUOTE_KIND_COLORS = alt.Scale(domain=list(QUOTE_KINDS), range=["#4c78a8", "#72b7b2", "#f58518"])
# Vega's tableau20 in pairs order: distinct colours for up to 20 topics; pooled ones are grey
PALETTE = ["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d",
           "#bab0ac", "#9ecae9", "#ffbf79", "#ff9d98", "#88d27a", "#83bcb6", "#f2cf5b", "#d6a5c9", "#fcbfd2",
           "#d8b5a5", "#79706e"]
OTHER_COLOR = "#c7c7c7"


class TooManyRowsError(InvalidOptionError):
    """A chart's aggregated data would exceed Altair's row limit at this option value."""

    def __init__(self, name, value, allowed, n_rows: int):
        super().__init__(name, value, allowed)
        self.n_rows = n_rows
        self.args = (f"{name}={value!r} gives {n_rows:,} rows, over the {MAX_ROWS:,}-row chart limit; use one of: "
                     + ", ".join(repr(a) for a in allowed),)


# --- offline rendering ---------------------------------------------------------------------------

def enable_offline(*, jupyter_chart: bool = True) -> None:
    """Render Altair charts with no network: the ``jupyter`` renderer with vl-convert's bundle.

    ``jupyter_chart=True`` also bundles ``alt.JupyterChart``'s JavaScript now (about 3 s, once per
    kernel); otherwise it is bundled on the first render, or by :func:`jupyter_chart`.
    """
    alt.renderers.enable("jupyter", offline=True)
    if jupyter_chart:
        alt.JupyterChart.enable_offline(True)


def jupyter_chart(chart: alt.TopLevelMixin, **kwargs) -> alt.JupyterChart:
    """``alt.JupyterChart(chart)``, offline when the offline renderer is on (a widget made directly
    does not go through the renderer, so it would otherwise import its module from a CDN)."""
    if alt.renderers.active == "jupyter" and alt.renderers.options.get("offline"):
        alt.JupyterChart.enable_offline(True)
    return alt.JupyterChart(chart, **kwargs)


def _in_kernel() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


if _in_kernel() and os.environ.get("NEWS_TOOLKIT_OFFLINE", "1") != "0":
    enable_offline(jupyter_chart=False)  # the bundle is built lazily: importing stays fast


# --- argument checks and frame plumbing ----------------------------------------------------------

def _choice(name: str, value, allowed) -> None:
    if not any(value is a or (type(value) is type(a) and value == a) for a in allowed):
        raise InvalidOptionError(name, value, allowed)


def _count(name: str, value, lo: int, hi: int) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not lo <= value <= hi:
        raise InvalidOptionError(name, value, (f"an int from {lo} to {hi}",))


def _table(obj, name: str, *, required: bool = True) -> pd.DataFrame | None:
    """Table ``name`` of a Corpus, any object with that attribute, or a mapping of tables."""
    t = obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)
    if t is None and required:
        raise MissingColumnError(name, "corpus", f"pass a Corpus or a mapping with a {name!r} table")
    return t


def _need(df: pd.DataFrame, cols, frame: str) -> None:
    for c in cols:
        if c not in df.columns:
            raise MissingColumnError(c, frame)


def _plain(df: pd.DataFrame, *, digits: int = 6) -> pd.DataFrame:
    """Chart-ready copy: numpy/object dtypes, missing text as "", floats rounded, dates as ISO strings;
    so the inline data (and the dataset hash in ``to_dict()``) is the same on every platform."""
    df = df.reset_index(drop=True)
    out = {}
    for c in df.columns:
        s = df[c]
        if pd.api.types.is_datetime64_any_dtype(s):
            out[c] = s.dt.strftime("%Y-%m-%d").astype(object).where(s.notna(), None)
        elif pd.api.types.is_bool_dtype(s):
            out[c] = s.astype(bool)
        elif pd.api.types.is_integer_dtype(s) and not s.isna().any():
            out[c] = s.astype("int64")
        elif pd.api.types.is_numeric_dtype(s):
            out[c] = s.astype("float64").round(digits)
        else:
            # "" rather than None: Altair turns None in text columns into NaN, which is not JSON
            out[c] = s.astype(object).where(s.notna(), "")
    res = pd.DataFrame(out)
    if len(res) > MAX_ROWS:  # the helpers aggregate; reaching this is a bug, not a user error
        raise AssertionError(f"chart data has {len(res)} rows, over {MAX_ROWS}")
    return res


def _labels(ids: pd.Series, names: pd.Series, kinds: pd.Series | None = None) -> pd.Series:
    """Unique display labels: the name, then "name (kind)", then "name [id]" for names still shared;
    a nominal axis keyed on a shared name would merge two actors into one bar."""
    lab = names.astype(object).where(names.notna(), ids.astype(object)).astype(str)
    if kinds is not None:
        dup = lab.duplicated(keep=False)
        lab = lab.where(~dup, lab + " (" + kinds.astype(object).fillna("?").astype(str) + ")")
    dup = lab.duplicated(keep=False)
    return lab.where(~dup, lab + " [" + ids.astype(str) + "]")


def _actor_info(tables) -> pd.DataFrame:
    """actor_id, name, kind for every actor: the actors table, else the mentions' own names."""
    actors = _table(tables, "actors", required=False) if not isinstance(tables, pd.DataFrame) else None
    if actors is not None and len(actors.columns):
        return actors[["actor_id", "name", "kind"]].drop_duplicates("actor_id")
    m = _mentions(tables)
    return (m.dropna(subset=["actor_id"]).sort_values(["actor_id", "start"], kind="stable")
            .drop_duplicates("actor_id")[["actor_id", "name", "kind"]])


def _mentions(tables) -> pd.DataFrame:
    m = tables if isinstance(tables, pd.DataFrame) else _table(tables, "mentions")
    _need(m, ("article_id", "actor_id"), "mentions")
    return m[m["actor_id"].notna()]


def _rank(df: pd.DataFrame, by: list[str], label: str = "name") -> pd.DataFrame:
    """Sorted by the count columns ``by`` (descending), ties by label then actor/id (ascending)."""
    ident = [c for c in ("actor_id", "topic_id", "id") if c in df.columns][:1]
    cols = by + [label] + ident
    return df.sort_values(cols, ascending=[False] * len(by) + [True] * (1 + len(ident)), kind="stable")


def _periods(published: pd.Series, freq: str) -> pd.Series:
    """Start of each date's period (naive UTC timestamps)."""
    ts = pd.to_datetime(published, utc=True).dt.tz_localize(None)
    return ts.dt.to_period(FREQS[freq]).dt.start_time


def _period_grid(periods: pd.Series, freq: str) -> pd.DatetimeIndex:
    if periods.dropna().empty:
        return pd.DatetimeIndex([])
    lo, hi = periods.min(), periods.max()
    return pd.period_range(lo.to_period(FREQS[freq]), hi.to_period(FREQS[freq]), freq=FREQS[freq]).start_time


def _fit_freq(n_rows_for, freq: str) -> None:
    """Raise TooManyRowsError when ``freq`` would exceed the row limit, naming coarser ones that fit."""
    n = n_rows_for(freq)
    if n <= MAX_ROWS:
        return
    order = list(FREQS)
    ok = [f for f in order[order.index(freq) + 1:] if n_rows_for(f) <= MAX_ROWS]
    raise TooManyRowsError("freq", freq, ok, n)


def _pool_sources(source: pd.Series) -> pd.Series:
    """Source names with all but the TOP_SOURCES most frequent pooled as "Other sources"."""
    src = source.astype(object).fillna("(no source)")
    size = src.value_counts().rename("w").reset_index()
    size.columns = ["source", "w"]
    keep = set(size.sort_values(["w", "source"], ascending=[False, True], kind="stable")["source"].head(TOP_SOURCES))
    return src.where(src.isin(keep), OTHER_SOURCES)


# --- actors --------------------------------------------------------------------------------------

def top_actors(corpus_or_tables, *, n: int = 20, kind: str | None = None, by: str | None = None) -> pd.DataFrame:
    """The most mentioned actors, counted from the mentions given (so a filtered copy counts only
    what it keeps).

    Returns actor_id, name, kind, label (unique display name), n_mentions, n_articles, rank: the top
    ``n`` overall, or per kind with ``by="kind"``. ``by="source"`` adds a source column: one row per
    (actor, source) for the overall top ``n``, sources beyond the 10 largest pooled as "Other sources"
    (n_mentions and n_articles are then per source; total is the actor's n_mentions).
    ``kind`` keeps one kind of actor (person, organization, place, group, other).
    """
    _count("n", n, 1, 200)
    _choice("kind", kind, (None, *KINDS))
    _choice("by", by, BY_ACTORS)
    m = _mentions(corpus_or_tables)
    info = _actor_info(corpus_or_tables)
    counts = (m.groupby("actor_id", observed=True)
              .agg(n_mentions=("article_id", "size"), n_articles=("article_id", "nunique")).reset_index())
    df = counts.merge(info, on="actor_id", how="left")
    if kind is not None:
        df = df[df["kind"] == kind]
    df = _rank(df, ["n_mentions", "n_articles"])
    df = (df.groupby("kind", sort=True, dropna=False).head(n) if by == "kind" else df.head(n)).copy()
    df["rank"] = (df.groupby("kind", dropna=False).cumcount() if by == "kind" else pd.Series(range(len(df)),
                                                                                                 index=df.index)) + 1
    df["label"] = _labels(df["actor_id"], df["name"], df["kind"]).to_numpy()
    cols = ["actor_id", "name", "kind", "label", "n_mentions", "n_articles", "rank"]
    if by != "source":
        return df[cols].reset_index(drop=True)
    arts = _table(corpus_or_tables, "articles")
    _need(arts, ("article_id", "source"), "articles")
    sub = m[m["actor_id"].isin(df["actor_id"])][["actor_id", "article_id"]]
    sub = sub.merge(arts[["article_id", "source"]], on="article_id", how="left")
    all_src = m[["article_id"]].merge(arts[["article_id", "source"]], on="article_id", how="left")["source"]
    pooled = _pool_sources(all_src)
    lookup = dict(zip(all_src.astype(object).fillna("(no source)"), pooled))
    sub["source"] = sub["source"].astype(object).fillna("(no source)").map(lookup)
    per = (sub.groupby(["actor_id", "source"]).agg(n_mentions=("article_id", "size"),
                                                   n_articles=("article_id", "nunique")).reset_index())
    out = per.merge(df[["actor_id", "name", "kind", "label", "rank", "n_mentions"]]
                    .rename(columns={"n_mentions": "total"}), on="actor_id")
    return (out.sort_values(["rank", "n_mentions", "source"], ascending=[True, False, True], kind="stable")
            [["actor_id", "name", "kind", "label", "source", "n_mentions", "n_articles", "total", "rank"]]
            .reset_index(drop=True))


def chart_top_actors(corpus_or_tables, *, n: int = 20, kind: str | None = None, by: str | None = None) -> alt.Chart:
    """Horizontal bars of the top actors (see :func:`top_actors`).

    Encodings: x n_mentions (summed), y label in rank order, colour kind (``by=None``) or source
    (``by="source"``, stacked), one row of bars per kind with ``by="kind"``; tooltip name, kind,
    (source), n_mentions, n_articles.
    """
    df = _plain(top_actors(corpus_or_tables, n=n, kind=kind, by=by))
    order = list(dict.fromkeys(df["label"]))
    tooltip = ["name:N", "kind:N"] + (["source:N"] if by == "source" else []) + ["n_mentions:Q", "n_articles:Q"]
    color = (alt.Color("source:N", title="Source", sort=sorted(df["source"].unique().tolist()) if len(df) else None)
             if by == "source" else alt.Color("kind:N", title="Kind", scale=KIND_COLORS))
    base = alt.Chart(df).mark_bar().encode(
        x=alt.X("sum(n_mentions):Q", title="Mentions"),
        y=alt.Y("label:N", title=None, sort=order),
        color=color,
        tooltip=tooltip,
    )
    if by == "kind":
        return base.properties(width=400).facet(row=alt.Row("kind:N", title=None, sort=list(KINDS))).resolve_scale(
            y="independent")
    return base.properties(width=400, title="Most mentioned actors")


def actor_timeline(corpus, actor_ids, *, freq: str = "month") -> pd.DataFrame:
    """Mentions of some actors per period.

    Returns actor_id, name, label, period (start, naive UTC), n_mentions, n_articles: one row per actor
    and period from the first to the last dated mention of any of them, zeros included (so lines
    drop to zero rather than interpolate over silence). Articles without a date are left out.
    """
    _choice("freq", freq, tuple(FREQS))
    ids = [actor_ids] if isinstance(actor_ids, str) else list(actor_ids)
    info = _actor_info(corpus)
    unknown = [a for a in ids if a not in set(info["actor_id"])]
    if unknown:
        raise UnknownActorError(f"no actor with actor_id {unknown[0]!r}; see corpus.actors for the ids")
    ids = list(dict.fromkeys(ids))
    m = _mentions(corpus)
    m = m[m["actor_id"].isin(ids)][["actor_id", "article_id"]]
    arts = _table(corpus, "articles")
    _need(arts, ("article_id", "published"), "articles")
    m = m.merge(arts[["article_id", "published"]], on="article_id")
    m = m[m["published"].notna()]
    sel = info[info["actor_id"].isin(ids)].set_index("actor_id").loc[ids].reset_index()
    sel["label"] = _labels(sel["actor_id"], sel["name"], sel["kind"]).to_numpy()

    m = m.assign(period=_periods(m["published"], freq))
    grid = _period_grid(m["period"], freq)
    if len(ids) * len(grid) > MAX_ROWS:
        _fit_freq(lambda f: len(ids) * len(_period_grid(_periods(m["published"], f), f)), freq)
    full = pd.MultiIndex.from_product([ids, grid], names=["actor_id", "period"])
    agg = (m.groupby(["actor_id", "period"]).agg(n_mentions=("article_id", "size"),
                                                 n_articles=("article_id", "nunique"))
           .reindex(full, fill_value=0).reset_index())
    agg = agg.merge(sel[["actor_id", "name", "label"]], on="actor_id")
    order = {a: i for i, a in enumerate(ids)}
    agg = agg.sort_values(["actor_id", "period"], key=lambda s: s.map(order) if s.name == "actor_id" else s,
                          kind="stable")
    return agg[["actor_id", "name", "label", "period", "n_mentions", "n_articles"]].reset_index(drop=True)


def chart_actor_timeline(corpus, actor_ids, *, freq: str = "month") -> alt.Chart:
    """Lines of mentions per period, one per actor (see :func:`actor_timeline`).

    Encodings: x period (temporal), y n_mentions, colour label; points carry a tooltip with name,
    period, n_mentions, n_articles.
    """
    return line_timeline(actor_timeline(corpus, actor_ids, freq=freq), freq=freq)


def line_timeline(frame: pd.DataFrame, *, freq: str = "month") -> alt.Chart:
    """The chart of :func:`chart_actor_timeline` from an :func:`actor_timeline` frame."""
    df = _plain(frame)
    order = list(dict.fromkeys(df["label"]))
    return alt.Chart(df).mark_line(point=True).encode(
        x=alt.X("period:T", title=None),
        y=alt.Y("n_mentions:Q", title=f"Mentions per {freq}"),
        color=alt.Color("label:N", title="Actor", sort=order),
        tooltip=["name:N", alt.Tooltip("period:T", title=freq), "n_mentions:Q", "n_articles:Q"],
    ).properties(width=500, height=220)


def voices(corpus) -> pd.DataFrame:
    """Who is quoted, next to who is mentioned.

    Returns actor_id, name, kind, label, n_mentions, n_articles (articles mentioning or quoting the
    actor), n_quotes, n_quoted_articles, voice_share (n_quoted_articles / n_articles: in how many of
    the articles where the actor appears they also get a say), for every actor; sorted by n_quotes,
    then n_mentions. Quotes whose speaker is not a resolved actor are not counted.
    """
    m = _mentions(corpus)
    q = _table(corpus, "quotes")
    _need(q, ("article_id", "actor_id"), "quotes")
    q = q[q["actor_id"].notna()]
    info = _actor_info(corpus)
    men = m.groupby("actor_id").agg(n_mentions=("article_id", "size")).reset_index()
    quo = q.groupby("actor_id").agg(n_quotes=("article_id", "size"),
                                    n_quoted_articles=("article_id", "nunique")).reset_index()
    both = pd.concat([m[["actor_id", "article_id"]], q[["actor_id", "article_id"]]]).drop_duplicates()
    arts = both.groupby("actor_id").agg(n_articles=("article_id", "size")).reset_index()
    df = info.merge(men, on="actor_id", how="left").merge(arts, on="actor_id", how="left").merge(
        quo, on="actor_id", how="left")
    for c in ("n_mentions", "n_articles", "n_quotes", "n_quoted_articles"):
        df[c] = df[c].fillna(0).astype("int64")
    df = df[df["n_articles"] > 0]
    df["voice_share"] = (df["n_quoted_articles"] / df["n_articles"]).astype("float64")
    df["label"] = _labels(df["actor_id"], df["name"], df["kind"]).to_numpy()
    df = _rank(df, ["n_quotes", "n_mentions"])
    return df[["actor_id", "name", "kind", "label", "n_mentions", "n_articles", "n_quotes", "n_quoted_articles",
               "voice_share"]].reset_index(drop=True)


def chart_voices(corpus, *, n: int = 20) -> alt.HConcatChart:
    """Quotes per speaker beside their voice share, for the ``n`` most quoted actors (see :func:`voices`).

    Left: x n_quotes, y label (rank order), colour kind. Right: x voice_share (0-1, as %), same y.
    Tooltip: name, kind, n_mentions, n_articles, n_quotes, n_quoted_articles, voice_share.
    """
    _count("n", n, 1, 200)
    v = voices(corpus)
    df = _plain(v[v["n_quotes"] > 0].head(n))
    order = list(df["label"])
    tooltip = ["name:N", "kind:N", "n_mentions:Q", "n_articles:Q", "n_quotes:Q", "n_quoted_articles:Q",
               alt.Tooltip("voice_share:Q", format=".0%")]
    base = alt.Chart(df).encode(y=alt.Y("label:N", title=None, sort=order), tooltip=tooltip)
    quotes_bar = base.mark_bar().encode(x=alt.X("n_quotes:Q", title="Quotes"),
                                        color=alt.Color("kind:N", title="Kind", scale=KIND_COLORS))
    share_bar = base.mark_bar(color="#9d9d9d").encode(
        x=alt.X("voice_share:Q", title="Quoted in % of their articles", axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1])),
    ).properties(width=160)
    return alt.hconcat(quotes_bar.properties(width=300), share_bar).properties(title="Who gets a say")


CUE_FORMS = ("lemma", "word")


def cues(corpus, *, n: int = 15, by: str = "lemma") -> pd.DataFrame:
    """Reporting verbs: quotes per cue and kind of quote.

    ``by="lemma"`` counts the forms of a verb together ("said", "says", "saying" -> "say"; see
    :func:`toolkit.quotes.cue_lemma`); ``by="word"`` counts each lower-cased cue as written.
    Returns cue, kind, n_quotes, total (the cue's quotes of all kinds), rank, for the ``n`` most used
    cues; quotes without a cue are left out.
    """
    _count("n", n, 1, 200)
    _choice("by", by, CUE_FORMS)
    q = _table(corpus, "quotes")
    _need(q, ("cue", "kind"), "quotes")
    q = q[q["cue"].notna()]
    cue = q["cue"].astype(str).str.strip().str.lower()
    if by == "lemma":
        from .quotes import cue_lemma

        cue = cue.map(cue_lemma)
    per = pd.DataFrame({"cue": cue.to_numpy(), "kind": q["kind"].astype(object).to_numpy()})
    per = per.groupby(["cue", "kind"]).size().rename("n_quotes").reset_index()
    tot = per.groupby("cue")["n_quotes"].sum().rename("total").reset_index()
    tot = tot.sort_values(["total", "cue"], ascending=[False, True], kind="stable").head(n)
    tot["rank"] = range(1, len(tot) + 1)
    out = per.merge(tot, on="cue")
    kind_order = out["kind"].map({k: i for i, k in enumerate(QUOTE_KINDS)}).fillna(len(QUOTE_KINDS))
    out = out.assign(_k=kind_order).sort_values(["rank", "_k", "kind"], kind="stable")
    return out[["cue", "kind", "n_quotes", "total", "rank"]].reset_index(drop=True)


def chart_cues(corpus, *, n: int = 15, by: str = "lemma") -> alt.Chart:
    """Stacked bars of the most used reporting verbs (see :func:`cues`).

    Encodings: x n_quotes (summed), y cue (rank order), colour kind (direct, mixed, indirect);
    tooltip cue, kind, n_quotes, total.
    """
    df = _plain(cues(corpus, n=n, by=by))
    return alt.Chart(df).mark_bar().encode(
        x=alt.X("sum(n_quotes):Q", title="Quotes"),
        y=alt.Y("cue:N", title=None, sort=list(dict.fromkeys(df["cue"]))),
        color=alt.Color("kind:N", title="Quote", scale=QUOTE_KIND_COLORS),
        order=alt.Order("kind_order:Q"),
        tooltip=["cue:N", "kind:N", "n_quotes:Q", "total:Q"],
    ).transform_calculate(
        kind_order="indexof(['direct', 'mixed', 'indirect'], datum.kind)"
    ).properties(width=400, title="Reporting verbs")


# --- topics --------------------------------------------------------------------------------------

def _topic_tables(corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    topics = _table(corpus, "topics", required=False)
    at = _table(corpus, "article_topics", required=False)
    if topics is None or at is None or topics.empty or at.empty:
        raise EmptyCorpusError("the corpus has no topics: run tk.analyze(articles, topics=True)")
    _need(topics, ("topic_id", "label"), "topics")
    _need(at, ("article_id", "topic_id", "weight"), "article_topics")
    return topics, at


def topic_shares(corpus, *, freq: str = "month", by: str | None = None, n: int = 10) -> pd.DataFrame:
    """Each topic's share of the coverage per period (and source).

    Returns period, period_end (start of the next period), (source,) topic_id, label, rank (of the
    topic by total weight, 1 = largest), weight (summed article_topics weight), share (weight over
    all topics' weight in that period and source; 0 in periods without articles), n_articles (dated
    articles in the period and source), one row for every period x topic (x source).
    Topics beyond the ``n`` largest are pooled as "Other topics" (topic_id NA); sources beyond the 10
    largest as "Other sources": this keeps legends readable and the data under the row limit.
    """
    _choice("freq", freq, tuple(FREQS))
    _choice("by", by, BY_TOPICS)
    _count("n", n, 1, 50)
    topics, at = _topic_tables(corpus)
    arts = _table(corpus, "articles")
    _need(arts, ("article_id", "published") + (("source",) if by else ()), "articles")
    a = arts[arts["published"].notna()][["article_id", "published"] + (["source"] if by else [])].copy()
    if by:
        a["source"] = _pool_sources(a["source"]).to_numpy()
    keys = ["source"] if by else []
    w = at[["article_id", "topic_id", "weight"]].merge(a, on="article_id")
    # rank topics by total weight (ties by id); the tail becomes one "other" topic
    total = w.groupby("topic_id")["weight"].sum().reindex(topics["topic_id"], fill_value=0.0)
    order = total.rename("w").reset_index().sort_values(["w", "topic_id"], ascending=[False, True], kind="stable")
    ranks = {t: min(i + 1, n + 1) for i, t in enumerate(order["topic_id"])}
    n_ranks = min(len(ranks), n + 1)
    n_groups = a["source"].nunique() if by else 1
    _fit_freq(lambda f: len(_period_grid(_periods(a["published"], f), f)) * n_ranks * max(n_groups, 1), freq)
    a["period"] = _periods(a["published"], freq)
    w = w.assign(period=_periods(w["published"], freq), rank=w["topic_id"].map(ranks))
    grid = _period_grid(a["period"], freq)
    cols = ["period", *keys, "rank"]
    groups = [grid, *([sorted(a["source"].unique())] if by else []), range(1, n_ranks + 1)]
    full = pd.MultiIndex.from_product(groups, names=cols)
    agg = w.groupby(cols)["weight"].sum().reindex(full, fill_value=0.0).reset_index()
    tot = agg.groupby(["period", *keys])["weight"].transform("sum")
    agg["share"] = (agg["weight"] / tot.where(tot > 0)).fillna(0.0)
    n_art = a.groupby(["period", *keys])["article_id"].nunique().rename("n_articles")
    agg = agg.merge(n_art.reset_index(), on=["period", *keys], how="left")
    agg["n_articles"] = agg["n_articles"].fillna(0).astype("int64")
    named = order.head(n).assign(rank=range(1, min(n, len(order)) + 1)).merge(
        topics[["topic_id", "label"]], on="topic_id", how="left")[["rank", "topic_id", "label"]]
    named["topic_id"] = named["topic_id"].astype(object)  # ints stay ints beside the NA of "other"
    agg = agg.merge(named, on="rank", how="left")
    agg["label"] = agg["label"].astype(object).where(agg["rank"] <= n, "Other topics")
    agg["period_end"] = (agg["period"].dt.to_period(FREQS[freq]) + 1).dt.start_time
    cols = ["period", "period_end", *keys, "topic_id", "label", "rank", "weight", "share", "n_articles"]
    return agg[cols].reset_index(drop=True)


def _topic_colors(labels: list[str]) -> alt.Scale:
    """One colour per topic in rank order (cycling past 20), grey for "Other topics"."""
    colors = [OTHER_COLOR if lab == "Other topics" else PALETTE[i % len(PALETTE)] for i, lab in enumerate(labels)]
    return alt.Scale(domain=labels, range=colors)


def chart_topic_shares(corpus, *, freq: str = "month", by: str | None = None, n: int = 10) -> alt.Chart:
    """Stacked bars of topic shares per period (see :func:`topic_shares`), one row per source with
    ``by="source"``.

    Encodings: x period to x2 period_end (temporal: each bar spans its period, so sparse corpora
    read right), y share_start to y2 share_end (topics stacked by rank), colour label (in rank order);
    tooltip label, period, share, n_articles.
    """
    ts = topic_shares(corpus, freq=freq, by=by, n=n)
    labels = ts.drop_duplicates("rank").sort_values("rank")["label"].astype(str).tolist()
    ts = ts[ts["share"] > 0]  # empty periods draw nothing; their rows would only weigh the spec
    # Stacked in pandas: Vega-Lite does not stack bars that span x..x2 on a temporal axis.
    ts = ts.assign(share_end=ts.groupby(["period", *(["source"] if by else [])])["share"].cumsum())
    ts = ts.assign(share_start=ts["share_end"] - ts["share"])
    df = _plain(ts)
    base = alt.Chart(df).mark_rect().encode(
        x=alt.X("period:T", title=None),
        x2="period_end:T",
        y=alt.Y("share_start:Q", title="Share of coverage", axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1])),
        y2="share_end:Q",
        color=alt.Color("label:N", title="Topic", sort=labels, scale=_topic_colors(labels)),
        tooltip=["label:N", alt.Tooltip("period:T", title=freq), alt.Tooltip("share:Q", format=".0%"),
                 "n_articles:Q"],
    ).properties(width=500, height=180)
    if by == "source":
        return base.facet(row=alt.Row("source:N", title=None, sort=sorted(df["source"].unique().tolist())))
    return base.properties(title="Topics over time")


def actor_topics(corpus) -> pd.DataFrame:
    """The topics of the articles naming each actor.

    Returns actor_id, name, topic_id, topic (label), weight (summed article_topics weight over the
    actor's articles), n_articles (the actor's articles that have topics), share (weight over the
    actor's total weight), one row per actor and topic with weight > 0.
    """
    topics, at = _topic_tables(corpus)
    m = _mentions(corpus)[["actor_id", "article_id"]].drop_duplicates()
    w = m.merge(at[["article_id", "topic_id", "weight"]], on="article_id")
    agg = w.groupby(["actor_id", "topic_id"])["weight"].sum().reset_index()
    agg = agg[agg["weight"] > 0]
    agg["share"] = agg["weight"] / agg.groupby("actor_id")["weight"].transform("sum")
    n_art = w.groupby("actor_id")["article_id"].nunique().rename("n_articles").reset_index()
    info = _actor_info(corpus)[["actor_id", "name"]]
    agg = agg.merge(n_art, on="actor_id").merge(info, on="actor_id", how="left").merge(
        topics[["topic_id", "label"]].rename(columns={"label": "topic"}), on="topic_id", how="left")
    agg = agg.sort_values(["actor_id", "share", "topic_id"], ascending=[True, False, True], kind="stable")
    return agg[["actor_id", "name", "topic_id", "topic", "weight", "n_articles", "share"]].reset_index(drop=True)


def chart_actor_topics(corpus, *, n: int = 20) -> alt.Chart:
    """Heatmap of the ``n`` actors in most topic-labelled articles against the topics
    (see :func:`actor_topics`).

    Encodings: x topic, y actor label (by n_articles), colour share (of the actor's coverage);
    tooltip name, topic, share, n_articles. Every actor x topic cell is present (share 0 if none).
    """
    _count("n", n, 1, 200)
    topics, _ = _topic_tables(corpus)
    if n * len(topics) > MAX_ROWS:  # one cell per actor and topic
        raise TooManyRowsError("n", n, (f"an int from 1 to {MAX_ROWS // len(topics)}",), n * len(topics))
    at = actor_topics(corpus)
    info = _actor_info(corpus)
    top = at[["actor_id", "name", "n_articles"]].drop_duplicates("actor_id").merge(
        info[["actor_id", "kind"]], on="actor_id", how="left")
    top = _rank(top, ["n_articles"]).head(n)
    top["label"] = _labels(top["actor_id"], top["name"], top["kind"]).to_numpy()
    tids = sorted(topics["topic_id"].tolist())
    full = pd.MultiIndex.from_product([top["actor_id"].tolist(), tids], names=["actor_id", "topic_id"])
    cells = at.set_index(["actor_id", "topic_id"])[["share", "weight"]].reindex(full, fill_value=0.0).reset_index()
    cells = cells.merge(top[["actor_id", "name", "label", "n_articles"]], on="actor_id").merge(
        topics[["topic_id", "label"]].rename(columns={"label": "topic"}), on="topic_id", how="left")
    df = _plain(cells[["actor_id", "name", "label", "topic_id", "topic", "share", "weight", "n_articles"]])
    topic_order = list(dict.fromkeys(df["topic"].astype(str)))
    return alt.Chart(df).mark_rect().encode(
        x=alt.X("topic:N", title=None, sort=topic_order),
        y=alt.Y("label:N", title=None, sort=top["label"].tolist()),
        color=alt.Color("share:Q", title="Share", scale=alt.Scale(scheme="blues")),
        tooltip=["name:N", "topic:N", alt.Tooltip("share:Q", format=".0%"), "n_articles:Q"],
    ).properties(title="Actors and topics")


# --- co-occurrence -------------------------------------------------------------------------------

def co_mentioned(corpus, actor_id: str, *, window: str = "article") -> pd.DataFrame:
    """The actors mentioned with one actor, in the same sentence, paragraph or article.

    Returns actor_id, name, kind, label, count (windows holding both), n_articles; sorted by count,
    then n_articles, then name.
    """
    _choice("window", window, WINDOWS)
    m = _mentions(corpus)
    key = ["article_id"] if window == "article" else ["article_id", window]
    mine = m.loc[m["actor_id"] == actor_id, key].drop_duplicates()
    others = m.loc[m["actor_id"] != actor_id, key + ["actor_id"]].merge(mine, on=key).drop_duplicates()
    agg = others.groupby("actor_id").agg(count=("article_id", "size"),
                                         n_articles=("article_id", "nunique")).reset_index()
    agg = agg.merge(_actor_info(corpus), on="actor_id", how="left")
    agg["label"] = _labels(agg["actor_id"], agg["name"], agg["kind"]).to_numpy()
    agg = _rank(agg, ["count", "n_articles"])
    return agg[["actor_id", "name", "kind", "label", "count", "n_articles"]].reset_index(drop=True)


def bar_co_mentioned(frame: pd.DataFrame, *, n: int = 15, selection: str = "pick") -> alt.Chart:
    """Bars of a :func:`co_mentioned` frame with a click selection on actor_id named ``selection``
    (read it back with ``alt.JupyterChart(chart).selections``)."""
    _count("n", n, 1, 200)
    df = _plain(frame.head(n)[["actor_id", "name", "kind", "label", "count", "n_articles"]])
    pick = alt.selection_point(name=selection, fields=["actor_id"], on="click", clear="dblclick")
    return alt.Chart(df).mark_bar(cursor="pointer").encode(
        x=alt.X("count:Q", title="Co-mentions"),
        y=alt.Y("label:N", title=None, sort=list(df["label"])),
        color=alt.Color("kind:N", title="Kind", scale=KIND_COLORS),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.5)),
        tooltip=["name:N", "kind:N", "count:Q", "n_articles:Q"],
    ).add_params(pick).properties(width=300)


def chart_co_mentioned(corpus, actor_id: str, *, n: int = 15, window: str = "article") -> alt.Chart:
    """Bars of the actors most often mentioned with ``actor_id`` (see :func:`co_mentioned`).

    Encodings: x count, y label, colour kind, opacity by the click selection ``pick`` (fields
    actor_id); tooltip name, kind, count, n_articles."""
    return bar_co_mentioned(co_mentioned(corpus, actor_id, window=window), n=n)


def _edges(edges: pd.DataFrame, score: str) -> pd.DataFrame:
    _need(edges, ("a", "b", "count"), "co-occurrence edges")
    _choice("score", score, SCORES)
    _need(edges, (score,), "co-occurrence edges")
    e = edges.copy()
    for side in ("a", "b"):
        e[side] = e[side].astype(str)
        name = f"{side}_name"
        e[name] = e[name].astype(object).where(e[name].notna(), e[side]) if name in e else e[side]
    return e


def _is_symmetric(e: pd.DataFrame) -> bool:
    """Same-kind edge lists hold each pair once with a < b; an (actor, topic) list does not.
    tk.cooccurrence says which it is in a_kind / b_kind ("topic" for topics)."""
    if {"a_kind", "b_kind"} <= set(e.columns) and len(e):
        return bool(((e["a_kind"] == "topic") == (e["b_kind"] == "topic")).all())
    a, b = set(e["a"]), set(e["b"])
    return bool(a & b) or bool((e["a"] < e["b"]).all())


def _top_nodes(e: pd.DataFrame, n: int, symmetric: bool) -> pd.DataFrame:
    """id, side, name, weight (summed count of the node's edges), label: the ``n`` heaviest nodes
    (per side when not symmetric)."""
    sides = [("a", "a"), ("b", "a" if symmetric else "b")]
    parts = [pd.DataFrame({"id": e[s], "name": e[f"{s}_name"], "side": tag, "weight": e["count"]})
             for s, tag in sides]
    nodes = pd.concat(parts).groupby(["side", "id"], sort=True).agg(name=("name", "first"),
                                                                     weight=("weight", "sum")).reset_index()
    nodes = nodes.sort_values(["weight", "name", "id"], ascending=[False, True, True], kind="stable")
    nodes = nodes.groupby("side", sort=True).head(n)
    nodes["label"] = _labels(nodes["side"] + ":" + nodes["id"], nodes["name"]).to_numpy()
    return nodes.reset_index(drop=True)


def heatmap_cells(edges: pd.DataFrame, *, n: int = 25, score: str = "count",
                  symmetric: bool | None = None) -> tuple[pd.DataFrame, list[str], list[str]]:
    """The cells of a co-occurrence heatmap: edges among the ``n`` heaviest nodes (by summed count),
    mirrored to (b, a) when the table is symmetric (auto-detected unless ``symmetric`` is given).

    Returns (cells with a, b, a_name, b_name, a_label, b_label, count, the score columns present;
    the row labels in order; the column labels in order).
    """
    _count("n", n, 1, 70)  # n x n mirrored cells must stay under the row limit
    e = _edges(edges, score)
    sym = _is_symmetric(e) if symmetric is None else symmetric
    nodes = _top_nodes(e, n, sym)
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


def chart_cooccurrence_heatmap(edges: pd.DataFrame, *, n: int = 25, score: str = "count",
                               symmetric: bool | None = None) -> alt.Chart:
    """Heatmap of a co-occurrence edge list (``tk.cooccurrence(...)``) for the ``n`` heaviest nodes.

    Encodings: x b_label, y a_label (both by summed count), colour ``score`` (count, n_articles, pmi,
    npmi, jaccard), opacity by the click selection ``cell`` (fields a, b); tooltip a_name, b_name,
    count, n_articles and the score. Symmetric tables are mirrored so the matrix is square.
    """
    cells, rows, columns = heatmap_cells(edges, n=n, score=score, symmetric=symmetric)
    df = _plain(cells)
    cell = alt.selection_point(name="cell", fields=["a", "b"], on="click", clear="dblclick")
    tooltip = [alt.Tooltip("a_name:N", title="A"), alt.Tooltip("b_name:N", title="B"), "count:Q"]
    tooltip += [f"{c}:Q" for c in ("n_articles", score) if c in df.columns and c != "count"]
    scheme = "redblue" if score in ("pmi", "npmi") else "blues"
    scale = alt.Scale(scheme=scheme, domainMid=0) if score in ("pmi", "npmi") else alt.Scale(scheme=scheme)
    return alt.Chart(df).mark_rect(cursor="pointer").encode(
        x=alt.X("b_label:N", title=None, sort=columns, axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("a_label:N", title=None, sort=rows),
        color=alt.Color(f"{score}:Q", title=score, scale=scale),
        opacity=alt.condition(cell, alt.value(1.0), alt.value(0.35)),
        tooltip=tooltip,
    ).add_params(cell).properties(title=f"Co-occurrence ({score})")


def network_layout(edges: pd.DataFrame, *, n: int = 40, seed: int = 0, score: str = "count",
                   symmetric: bool | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Node and edge frames of a co-occurrence network laid out by networkx (spring layout on count,
    fixed ``seed``; coordinates rounded so they are the same on every platform).

    Returns (nodes: id, side, name, label, weight, x, y; edges: a, b, a_name, b_name, count, the
    score columns present, x, y, x2, y2), for the ``n`` heaviest nodes (of each side, for an
    (actor, topic) table) and the edges among them. ``n`` is at most 100 (70 per side).
    """
    import networkx as nx

    _count("seed", seed, 0, 2**32 - 1)
    e = _edges(edges, score)
    sym = _is_symmetric(e) if symmetric is None else symmetric
    # under the row limit: n(n-1)/2 edges among n nodes, or n x n between two sides of n
    _count("n", n, 1, 100 if sym else 70)
    nodes = _top_nodes(e, n, sym)
    bside = "a" if sym else "b"
    key = {(s, i) for s, i in zip(nodes["side"], nodes["id"])}
    keep = e[[(("a", x) in key) and ((bside, y) in key) for x, y in zip(e["a"], e["b"])]] if len(e) else e
    keep = keep.sort_values(["a", "b"], kind="stable").reset_index(drop=True)
    g = nx.Graph()
    g.add_nodes_from(sorted(key))  # insertion order fixes the layout together with the seed
    g.add_edges_from((("a", x), (bside, y), {"w": float(c)}) for x, y, c in zip(keep["a"], keep["b"], keep["count"]))
    pos = nx.spring_layout(g, seed=seed, weight="w") if len(g) else {}
    xy = {k: (round(float(p[0]), 4), round(float(p[1]), 4)) for k, p in pos.items()}
    nodes["x"] = [xy[(s, i)][0] for s, i in zip(nodes["side"], nodes["id"])]
    nodes["y"] = [xy[(s, i)][1] for s, i in zip(nodes["side"], nodes["id"])]
    keep = keep.assign(x=[xy[("a", x)][0] for x in keep["a"]], y=[xy[("a", x)][1] for x in keep["a"]],
                       x2=[xy[(bside, y)][0] for y in keep["b"]], y2=[xy[(bside, y)][1] for y in keep["b"]])
    ecols = ["a", "b", "a_name", "b_name"] + [c for c in SCORES if c in keep.columns] + ["x", "y", "x2", "y2"]
    return (nodes[["id", "side", "name", "label", "weight", "x", "y"]].reset_index(drop=True),
            keep[ecols].reset_index(drop=True))


def chart_network(edges: pd.DataFrame, *, n: int = 40, seed: int = 0, score: str = "count",
                  symmetric: bool | None = None) -> alt.LayerChart:
    """Network of the ``n`` heaviest nodes of a co-occurrence edge list (see :func:`network_layout`).

    Layers: rules for edges (x, y, x2, y2; stroke width and tooltip by ``score``), circles for nodes
    (size weight, colour side, click selection ``node`` on id), text labels (name). Axes hidden.
    """
    nodes, links = network_layout(edges, n=n, seed=seed, score=score, symmetric=symmetric)
    nodes, links = _plain(nodes), _plain(links)
    node_sel = alt.selection_point(name="node", fields=["id"], on="click", clear="dblclick")
    hidden = dict(axis=None)
    edge_tip = [alt.Tooltip("a_name:N", title="A"), alt.Tooltip("b_name:N", title="B"), "count:Q"]
    edge_tip += [f"{score}:Q"] if score != "count" else []
    rules = alt.Chart(links).mark_rule(color="#9d9d9d", opacity=0.6).encode(
        x=alt.X("x:Q", **hidden), y=alt.Y("y:Q", **hidden), x2="x2:Q", y2="y2:Q",
        strokeWidth=alt.StrokeWidth(f"{score}:Q", legend=None, scale=alt.Scale(range=[0.5, 5])),
        tooltip=edge_tip,
    )
    circles = alt.Chart(nodes).mark_circle(cursor="pointer", stroke="white").encode(
        x=alt.X("x:Q", **hidden), y=alt.Y("y:Q", **hidden),
        size=alt.Size("weight:Q", legend=None, scale=alt.Scale(range=[40, 900])),
        color=alt.Color("side:N", legend=None, scale=alt.Scale(domain=["a", "b"], range=["#4c78a8", "#f58518"])),
        opacity=alt.condition(node_sel, alt.value(1.0), alt.value(0.4)),
        tooltip=["name:N", alt.Tooltip("weight:Q", title="co-occurrences")],
    ).add_params(node_sel)
    text = alt.Chart(nodes).mark_text(dy=-10, fontSize=10).encode(
        x=alt.X("x:Q", **hidden), y=alt.Y("y:Q", **hidden), text="name:N")
    # no configure_*: top-level config would stop users from composing this chart with others
    return alt.layer(rules, circles, text).properties(width=500, height=500, title="Co-occurrence network")
