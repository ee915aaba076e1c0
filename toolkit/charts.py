"""Charts of a corpus: Altair charts drawn from the table helpers (:mod:`toolkit.tables`),
returned (never displayed) so they can be restyled and composed.

Every chart draws a frame that a table helper computed (``chart_top_actors`` draws
``tk.top_actors``), so its data stays under Altair's 5,000-row limit on large corpora; a time chart
whose aggregation would not fit raises :class:`toolkit.errors.TooManyRowsError` naming the coarser
``freq`` values to use. Sort orders are total (ties broken by name, then id), so
``chart.to_dict()`` is identical across runs. Tooltips show names and titles as plain text: the
corpus is data, and HTML tooltips are never enabled.

Offline rendering is explicit: :func:`use_offline` switches Altair to the ``jupyter`` renderer with
its JavaScript bundled by vl-convert, so charts render without a CDN (JupyterLab, Voila, an
air-gapped laptop); ``use_offline(False)`` puts back the renderer that was active before. Importing
this module changes nothing.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from .errors import TooManyRowsError
from .schema import FREQS, KINDS, QUOTE_KINDS
from .tables import (MAX_ROWS, actor_timeline, actor_topics, attention, check_count, co_mentioned, cues,
                     distinctive_terms, heatmap_cells, network_layout, sources, topic_shares, top_actors, unique_labels,
                     voices)
from .tables.sources import auto_freq
from .tables.base import actor_info, ranked
from .tables.unquoted import MIN_MENTIONS, SPEAKING_KINDS, never_quoted
from .tables.topics import topic_tables

__all__ = [
    "use_offline", "jupyter_chart", "chart_data", "chart_never_quoted",
    "chart_top_actors", "chart_actor_timeline", "chart_voices", "chart_cues", "chart_topic_shares",
    "chart_co_mentioned", "chart_cooccurrence_heatmap", "chart_network", "chart_actor_topics",
    "chart_topic_bars", "line_timeline", "bar_co_mentioned", "chart_attention", "line_attention",
    "chart_distinctive_terms", "bar_distinctive_terms", "chart_women_share", "chart_sources", "bar_sources",
    "heat_women_share",
]

KIND_COLORS = alt.Scale(domain=list(KINDS), range=["#4c78a8", "#f58518", "#54a24b", "#b279a2", "#9d9d9d"])
QUOTE_KIND_COLORS = alt.Scale(domain=list(QUOTE_KINDS), range=["#4c78a8", "#72b7b2", "#f58518"])
# Vega's tableau20 in pairs order: distinct colours for up to 20 topics; pooled ones are grey
PALETTE = ["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d",
           "#bab0ac", "#9ecae9", "#ffbf79", "#ff9d98", "#88d27a", "#83bcb6", "#f2cf5b", "#d6a5c9", "#fcbfd2",
           "#d8b5a5", "#79706e"]
OTHER_COLOR = "#c7c7c7"
GENDER_COLORS = alt.Scale(domain=["female", "male", "unknown"], range=["#b279a2", "#4c78a8", "#c7c7c7"])
STATUS_COLORS = alt.Scale(domain=["quoted", "only mentioned"], range=["#e45756", "#bab0ac"])


# --- offline rendering ---------------------------------------------------------------------------

_before: list[tuple[str, dict]] = []


def use_offline(enabled: bool = True, *, jupyter_chart: bool = False) -> None:
    """Render Altair charts with no network (``enabled=True``): the ``jupyter`` renderer with
    vl-convert's bundle. ``use_offline(False)`` restores the renderer active before the first call.

    ``jupyter_chart=True`` also bundles ``alt.JupyterChart``'s JavaScript now (about 3 s, once per
    kernel); otherwise it is bundled on first use, by :func:`jupyter_chart`.
    """
    if enabled:
        if not _before:
            _before.append((alt.renderers.active, dict(alt.renderers.options)))
        alt.renderers.enable("jupyter", offline=True)
        if jupyter_chart:
            alt.JupyterChart.enable_offline(True)
    elif _before:
        name, options = _before.pop()
        alt.renderers.enable(name, **options)
        alt.JupyterChart.enable_offline(False)


def jupyter_chart(chart: alt.TopLevelMixin, **kwargs) -> alt.JupyterChart:
    """``alt.JupyterChart(chart)``, offline when the offline renderer is on (a widget made directly
    does not go through the renderer, so it would otherwise import its module from a CDN)."""
    if alt.renderers.active == "jupyter" and alt.renderers.options.get("offline"):
        alt.JupyterChart.enable_offline(True)
    return alt.JupyterChart(chart, **kwargs)


def chart_data(df: pd.DataFrame, *, digits: int = 6) -> pd.DataFrame:
    """Chart-ready copy of a table helper's frame: numpy/object dtypes, missing text as "", floats rounded, dates as ISO strings;
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


def chart_top_actors(corpus_or_tables, *, n: int = 20, kind: str | None = None, by: str | None = None) -> alt.Chart:
    """Horizontal bars of the top actors (see :func:`top_actors`).

    Encodings: x n_mentions (summed), y label in rank order, colour kind (``by=None``) or source
    (``by="source"``, stacked), one row of bars per kind with ``by="kind"``; tooltip name, kind,
    (source), n_mentions, n_articles.
    """
    df = chart_data(top_actors(corpus_or_tables, n=n, kind=kind, by=by))
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


def chart_actor_timeline(corpus, actor_ids, *, freq: str = "month") -> alt.Chart:
    """Lines of mentions per period, one per actor (see :func:`actor_timeline`).

    Encodings: x period (temporal), y n_mentions, colour label; points carry a tooltip with name,
    period, n_mentions, n_articles.
    """
    return line_timeline(actor_timeline(corpus, actor_ids, freq=freq), freq=freq)


def segments(period: pd.Series, freq: str) -> pd.Series:
    """A run number per row: a new run starts where the previous period with data is not the
    period just before (the corpus has nothing in between), so lines break over gaps instead of
    joining, say, 2012 to 2019."""
    p = pd.to_datetime(period)
    starts = pd.DatetimeIndex(sorted(p.dropna().unique()))
    if not len(starts):
        return pd.Series(0, index=period.index, dtype="int64")
    per = starts.to_period(FREQS[freq])
    run = (pd.Series(per.asi8).diff().fillna(1) != 1).cumsum().to_numpy()
    return p.map(dict(zip(starts, run))).fillna(0).astype("int64")


def line_timeline(frame: pd.DataFrame, *, freq: str = "month") -> alt.Chart:
    """The chart of :func:`chart_actor_timeline` from an :func:`actor_timeline` frame; lines break
    where the corpus has no articles (``segment``: see :func:`segments`)."""
    df = chart_data(frame.assign(segment=segments(frame["period"], freq)) if len(frame) else frame)
    order = list(dict.fromkeys(df["label"]))
    return alt.Chart(df).mark_line(point=True).encode(
        x=alt.X("period:T", title=None),
        y=alt.Y("n_mentions:Q", title=f"Mentions per {freq}"),
        color=alt.Color("label:N", title="Actor", sort=order),
        detail="segment:N",
        tooltip=["name:N", alt.Tooltip("period:T", title=freq), "n_mentions:Q", "n_articles:Q"],
    ).properties(width=500, height=220)


def chart_voices(corpus, *, n: int = 20, min_articles: int = 3) -> alt.HConcatChart:
    """Quotes per speaker beside their voice share, for the ``n`` most quoted actors that appear in
    at least ``min_articles`` articles (see :func:`voices`; someone in one article who speaks there
    is at 100% and says nothing about coverage, so they are left out by default).

    Left: x n_quotes, y label (rank order), colour kind. Right: x voice_share (0-1, as %), same y
    and colour, with the counts beside each bar ("3 of 7": quoted in 3 of their 7 articles).
    Tooltip: name, kind, n_mentions, n_articles, n_quotes, n_quoted_articles, voice_share.
    """
    check_count("n", n, 1, 200)
    check_count("min_articles", min_articles, 1, 1000)
    v = voices(corpus)
    v = v[(v["n_quotes"] > 0) & (v["n_articles"] >= min_articles)].head(n)
    v = v.assign(counts=v["n_quoted_articles"].astype(str) + " of " + v["n_articles"].astype(str))
    df = chart_data(v)
    order = list(df["label"])
    tooltip = ["name:N", "kind:N", "n_mentions:Q", "n_articles:Q", "n_quotes:Q", "n_quoted_articles:Q",
               alt.Tooltip("voice_share:Q", format=".0%")]
    color = alt.Color("kind:N", title="Kind", scale=KIND_COLORS)
    base = alt.Chart(df).encode(y=alt.Y("label:N", title=None, sort=order), tooltip=tooltip)
    quotes_bar = base.mark_bar().encode(x=alt.X("n_quotes:Q", title="Quotes"), color=color)
    share = base.encode(x=alt.X("voice_share:Q", title=f"Quoted in % of their articles (at least {min_articles})",
                                axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])))
    share_bar = alt.layer(share.mark_bar().encode(color=color),
                          share.mark_text(align="left", dx=3, fontSize=10, color="#333333").encode(text="counts:N")
                          ).properties(width=200)
    return alt.hconcat(quotes_bar.properties(width=300), share_bar).properties(title="Who gets a say")


def chart_sources(corpus, *, by=None) -> alt.Chart:
    """Quoted versus only mentioned, by gender (see :func:`sources`): per gender, the people quoted
    (sources) and the people only mentioned, as stacked bars; one row per outlet with
    ``by="source"``. Tooltip: gender, (source,) status, people, quoted_share."""
    return bar_sources(sources(corpus, by=("gender",) + (("source",) if by == "source" else ())))


def bar_sources(frame: pd.DataFrame) -> alt.Chart:
    """The chart of :func:`chart_sources` from a :func:`sources` frame (by gender, optionally source)."""
    keys = [c for c in ("source",) if c in frame.columns]
    long = pd.concat([
        frame[["gender", *keys, "quoted_share"]].assign(status="quoted", people=frame["n_sources"], order=0),
        frame[["gender", *keys, "quoted_share"]].assign(status="only mentioned", people=frame["n_only_mentioned"],
                                                         order=1),
    ], ignore_index=True).sort_values([*keys, "gender", "order"], kind="stable")
    df = chart_data(long)
    genders = list(dict.fromkeys(frame["gender"].astype(str)))
    base = alt.Chart(df).mark_bar().encode(
        x=alt.X("people:Q", title="People in articles (a person counts once per article)"),
        y=alt.Y("gender:N", title=None, sort=genders),
        color=alt.Color("status:N", title=None, scale=STATUS_COLORS, sort=["quoted", "only mentioned"]),
        order=alt.Order("order:Q"),
        tooltip=["gender:N", *[f"{k}:N" for k in keys], "status:N", "people:Q",
                 alt.Tooltip("quoted_share:Q", title="share quoted", format=".0%")],
    ).properties(width=400)
    if keys:
        # outlet names read across: upright they ran off the chart
        return base.facet(row=alt.Row("source:N", title=None, sort=sorted(df["source"].unique().tolist()),
                                      header=alt.Header(labelAngle=0, labelLimit=200)))
    return base.properties(title="Quoted or only mentioned, by gender")


def chart_women_share(corpus, *, freq: str = "auto") -> alt.Chart:
    """Share of women among the sources of known gender, per outlet and period (see
    :func:`sources`): a heatmap, outlets by rows, periods by columns, on a sequential colour scale
    from 0 to 100%; each cell shows the share and the number of sources of known gender ("25% of
    314"), its tooltip the counts. ``freq="auto"``
    picks the time unit from the date span (see :func:`toolkit.tables.auto_freq`)."""
    if freq == "auto":
        freq = auto_freq(corpus.articles["published"]) if "published" in corpus.articles else "year"
    return heat_women_share(sources(corpus, by=("source", "period", "gender"), freq=freq), freq=freq)


_PERIOD_FORMAT = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "quarter": "%Y-Q", "year": "%Y"}


def heat_women_share(frame: pd.DataFrame, *, freq: str = "month") -> alt.Chart:
    """The chart of :func:`chart_women_share` from a :func:`sources` frame by source, period, gender."""
    known = frame[frame["gender"] != "unknown"]
    tot = known.groupby(["source", "period"])["n_sources"].sum().rename("n_known")
    fem = known[known["gender"] == "female"].groupby(["source", "period"])["n_sources"].sum().rename("n_women")
    cells = pd.concat([tot, fem], axis=1).fillna(0).reset_index()
    cells = cells[cells["n_known"] > 0]
    cells["share"] = cells["n_women"] / cells["n_known"]
    cells["n_women"] = cells["n_women"].astype("int64")
    cells["n_known"] = cells["n_known"].astype("int64")
    cells["cell"] = (cells["share"] * 100).round().astype("int64").astype(str) + "% of " + cells["n_known"].astype(str)
    fmt = _PERIOD_FORMAT.get(freq, "%Y-%m-%d")
    if freq == "quarter":
        p = pd.to_datetime(cells["period"])
        cells["label"] = p.dt.year.astype(str) + "-Q" + p.dt.quarter.astype(str)
    else:
        cells["label"] = pd.to_datetime(cells["period"]).dt.strftime(fmt)
    cells = cells.sort_values(["source", "period"], kind="stable")
    df = chart_data(cells)
    periods_order = sorted(df["label"].unique().tolist())
    base = alt.Chart(df).encode(
        x=alt.X("label:O", title=freq, sort=periods_order),
        y=alt.Y("source:N", title=None, sort=sorted(df["source"].unique().tolist())),
    )
    rect = base.mark_rect().encode(
        color=alt.Color("share:Q", title="Women among sources", scale=alt.Scale(scheme="purples", domain=[0, 1]),
                        legend=alt.Legend(format="%")),
        tooltip=["source:N", alt.Tooltip("label:O", title=freq), alt.Tooltip("share:Q", format=".0%"),
                 alt.Tooltip("n_women:Q", title="women quoted"),
                 alt.Tooltip("n_known:Q", title="sources of known gender")],
    )
    text = base.mark_text(fontSize=10).encode(
        text="cell:N",
        color=alt.condition("datum.share > 0.6", alt.value("white"), alt.value("black")),
    )
    return alt.layer(rect, text).properties(width=alt.Step(70), height=alt.Step(28),
                                            title="Share of women among sources (of known gender)")


def chart_cues(corpus, *, n: int = 15, by: str = "lemma") -> alt.Chart:
    """Stacked bars of the most used reporting verbs (see :func:`cues`).

    Encodings: x n_quotes (summed), y cue (rank order), colour kind (direct, mixed, indirect);
    tooltip cue, kind, n_quotes, total.
    """
    df = chart_data(cues(corpus, n=n, by=by))
    return alt.Chart(df).mark_bar().encode(
        x=alt.X("sum(n_quotes):Q", title="Quotes"),
        y=alt.Y("cue:N", title=None, sort=list(dict.fromkeys(df["cue"]))),
        color=alt.Color("kind:N", title="Quote", scale=QUOTE_KIND_COLORS),
        order=alt.Order("kind_order:Q"),
        tooltip=["cue:N", "kind:N", "n_quotes:Q", "total:Q"],
    ).transform_calculate(
        kind_order="indexof(['direct', 'mixed', 'indirect'], datum.kind)"
    ).properties(width=400, title="Reporting verbs")


def _topic_colors(labels: list[str]) -> alt.Scale:
    """One colour per topic in rank order (cycling past 20), grey for "Other topics"."""
    colors = [OTHER_COLOR if lab == "Other topics" else PALETTE[i % len(PALETTE)] for i, lab in enumerate(labels)]
    return alt.Scale(domain=labels, range=colors)


def chart_topic_shares(corpus, *, freq: str = "auto", by: str | None = None, n: int = 10) -> alt.Chart:
    """Stacked bars of topic shares per period (see :func:`topic_shares`), one row per source with
    ``by="source"``. ``freq="auto"`` picks the time unit from the date span (years for a decade,
    months for a year: see :func:`toolkit.tables.auto_freq`), so bars are not empty slivers.

    Encodings: x period to x2 period_end (temporal: each bar spans its period, so sparse corpora
    read right), y share_start to y2 share_end (topics stacked by rank), colour label (in rank order);
    tooltip label, period, share, n_articles.
    """
    if freq == "auto":
        freq = auto_freq(corpus.articles["published"]) if "published" in corpus.articles else "month"
    ts = topic_shares(corpus, freq=freq, by=by, n=n)
    labels = ts.drop_duplicates("rank").sort_values("rank")["label"].astype(str).tolist()
    ts = ts[ts["share"] > 0]  # empty periods draw nothing; their rows would only weigh the spec
    # Stacked in pandas: Vega-Lite does not stack bars that span x..x2 on a temporal axis.
    ts = ts.assign(share_end=ts.groupby(["period", *(["source"] if by else [])])["share"].cumsum())
    ts = ts.assign(share_start=ts["share_end"] - ts["share"])
    df = chart_data(ts)
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
    if by == "source":  # each outlet's time axis spans its own dates: separate years are not drawn as empty
        return base.facet(row=alt.Row("source:N", title=None, sort=sorted(df["source"].unique().tolist()))
                          ).resolve_scale(x="independent")
    return base.properties(title="Topics over time")


def chart_actor_topics(corpus, *, n: int = 20) -> alt.Chart:
    """Heatmap of the ``n`` actors in most topic-labelled articles against the topics
    (see :func:`actor_topics`).

    Encodings: x topic, y actor label (by n_articles), colour share (of the actor's coverage);
    tooltip name, topic, share, n_articles. Every actor x topic cell is present (share 0 if none).
    """
    check_count("n", n, 1, 200)
    topics, _ = topic_tables(corpus)
    if n * len(topics) > MAX_ROWS:  # one cell per actor and topic
        raise TooManyRowsError("n", n, (f"an int from 1 to {MAX_ROWS // len(topics)}",), n * len(topics))
    at = actor_topics(corpus)
    info = actor_info(corpus)
    top = at[["actor_id", "name", "n_articles"]].drop_duplicates("actor_id").merge(
        info[["actor_id", "kind"]], on="actor_id", how="left")
    top = ranked(top, ["n_articles"]).head(n)
    top["label"] = unique_labels(top["actor_id"], top["name"], top["kind"]).to_numpy()
    tids = sorted(topics["topic_id"].tolist())
    full = pd.MultiIndex.from_product([top["actor_id"].tolist(), tids], names=["actor_id", "topic_id"])
    cells = at.set_index(["actor_id", "topic_id"])[["share", "weight"]].reindex(full, fill_value=0.0).reset_index()
    cells = cells.merge(top[["actor_id", "name", "label", "n_articles"]], on="actor_id").merge(
        topics[["topic_id", "label"]].rename(columns={"label": "topic"}), on="topic_id", how="left")
    df = chart_data(cells[["actor_id", "name", "label", "topic_id", "topic", "share", "weight", "n_articles"]])
    topic_order = list(dict.fromkeys(df["topic"].astype(str)))
    return alt.Chart(df).mark_rect().encode(
        x=alt.X("topic:N", title=None, sort=topic_order),
        y=alt.Y("label:N", title=None, sort=top["label"].tolist()),
        color=alt.Color("share:Q", title="Share", scale=alt.Scale(scheme="blues")),
        tooltip=["name:N", "topic:N", alt.Tooltip("share:Q", format=".0%"), "n_articles:Q"],
    ).properties(title="Actors and topics")


def bar_co_mentioned(frame: pd.DataFrame, *, n: int = 15, selection: str = "pick") -> alt.Chart:
    """Bars of a :func:`co_mentioned` frame with a click selection on actor_id named ``selection``
    (read it back with ``alt.JupyterChart(chart).selections``)."""
    check_count("n", n, 1, 200)
    df = chart_data(frame.head(n)[["actor_id", "name", "kind", "label", "count", "n_articles"]])
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


def chart_cooccurrence_heatmap(edges: pd.DataFrame, *, n: int = 25, score: str = "count",
                               symmetric: bool | None = None, min_count: int = 1) -> alt.Chart:
    """Heatmap of a co-occurrence edge list (``tk.cooccurrence(...)``) for the ``n`` heaviest nodes.

    Encodings: x b_label, y a_label (both by summed count), colour ``score`` (count, n_articles, pmi,
    npmi, jaccard), opacity by the click selection ``cell`` (fields a, b); tooltip a_name, b_name,
    count, n_articles and the score. Symmetric tables are mirrored so the matrix is square. With an
    association score, give ``min_count`` (say 3): pairs sharing fewer windows are left out.
    """
    cells, rows, columns = heatmap_cells(edges, n=n, score=score, symmetric=symmetric, min_count=min_count)
    df = chart_data(cells)
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


def chart_network(edges: pd.DataFrame, *, n: int = 40, seed: int = 0, score: str = "count",
                  symmetric: bool | None = None, min_count: int = 1, max_edges: int | None = 80,
                  labels: int | None = 20) -> alt.LayerChart:
    """Network of the ``n`` heaviest nodes of a co-occurrence edge list (see :func:`network_layout`).

    Layers: rules for edges (x, y, x2, y2; stroke width and tooltip by ``score``), circles for nodes
    (size weight, colour side, click selection ``node`` on id), text labels (name). Axes hidden.
    ``max_edges`` (default 80) keeps the strongest edges only and ``labels`` (default 20) names only
    the heaviest that many nodes (the others keep their tooltip), so a large network stays readable;
    None for every edge or every label. Nodes none of whose edges is drawn are left out.
    """
    nodes, links = network_layout(edges, n=n, seed=seed, score=score, symmetric=symmetric, min_count=min_count,
                                  max_edges=max_edges)
    if len(links):  # a node none of whose edges is drawn floats alone and says nothing
        bside = "b" if (nodes["side"] == "b").any() else "a"
        drawn = {("a", x) for x in links["a"]} | {(bside, y) for y in links["b"]}
        nodes = nodes[[(s_, i) in drawn for s_, i in zip(nodes["side"], nodes["id"])]].reset_index(drop=True)
    if labels is not None:
        check_count("labels", labels, 0, 100)
        heavy = set(nodes.sort_values(["weight", "name", "id"], ascending=[False, True, True],
                                      kind="stable").head(labels)["id"])
        nodes = nodes.assign(name_label=[nm if i in heavy else "" for i, nm in zip(nodes["id"], nodes["name"])])
    else:
        nodes = nodes.assign(name_label=nodes["name"])
    nodes, links = chart_data(nodes), chart_data(links)
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
        x=alt.X("x:Q", **hidden), y=alt.Y("y:Q", **hidden), text="name_label:N")
    # no configure_*: top-level config would stop users from composing this chart with others
    min_count = int(links["count"].min()) if len(links) and "count" in links.columns else 0
    title = alt.TitleParams("Co-occurrence network", subtitle=f"the {len(links):,} strongest pairs by {score}"
                            + (f", each in at least {min_count:,} window{'s' if min_count > 1 else ''}"
                               if min_count else ""))
    return alt.layer(rules, circles, text).properties(width=500, height=500, title=title)


def chart_topic_bars(frame: pd.DataFrame, *, n: int = 15) -> alt.Chart:
    """Bars of one actor's topics: the rows of ``tk.actor_topics(corpus)`` for that actor.

    Encodings: x share (as %), y topic label in the frame's order; tooltip topic, share."""
    check_count("n", n, 1, 200)
    top = frame.head(n)
    top = top.assign(label=unique_labels(top["topic_id"].astype(str), top["topic"]).to_numpy())
    df = chart_data(top[["topic_id", "topic", "label", "share", "n_articles"]])
    return alt.Chart(df).mark_bar().encode(
        x=alt.X("share:Q", title="Share of their articles' topics", axis=alt.Axis(format="%")),
        y=alt.Y("label:N", title=None, sort=df["label"].tolist()),
        tooltip=["topic:N", alt.Tooltip("share:Q", format=".0%")],
    ).properties(width=250, title="Topics")


def chart_never_quoted(corpus, *, n: int = 20, min_mentions: int = MIN_MENTIONS,
                       kinds: tuple[str, ...] = SPEAKING_KINDS) -> alt.Chart:
    """Bars of the most mentioned actors never quoted (see :func:`never_quoted`); the minimum
    and the kinds are stated in the title.

    Encodings: x n_mentions, y label (rank order), colour kind; tooltip name, kind, n_mentions,
    n_articles.
    """
    df = chart_data(never_quoted(corpus, n=n, min_mentions=min_mentions, kinds=kinds))
    kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    return alt.Chart(df).mark_bar().encode(
        x=alt.X("n_mentions:Q", title="Mentions"),
        y=alt.Y("label:N", title=None, sort=df["label"].tolist()),
        color=alt.Color("kind:N", title="Kind", scale=KIND_COLORS),
        tooltip=["name:N", "kind:N", "n_mentions:Q", "n_articles:Q"],
    ).properties(width=400, title=alt.TitleParams(
        f"Most mentioned, never quoted (at least {min_mentions} mentions)",
        subtitle=f"{' and '.join(kinds)} actors with no quote resolved to them"))


def chart_attention(articles_or_corpus, query_or_actor, *, by: str | None = "source", freq: str = "week",
                    near_duplicates: str = "fold") -> alt.Chart:
    """Lines of the share of each outlet's articles that match a query, per period (see
    :func:`attention`): one line per outlet, normalised by the outlet's output.

    Encodings: x period (temporal), y share (0-1, as %), colour source; points carry a tooltip with
    source, period, share, n_matching, n_articles. A line breaks where its outlet published nothing
    (share NaN) rather than dropping to zero. Click selection ``point`` (fields period, source).
    """
    frame = attention(articles_or_corpus, query_or_actor, by=by, freq=freq, near_duplicates=near_duplicates)
    return line_attention(frame, freq=freq)


def line_attention(frame: pd.DataFrame, *, freq: str = "week", selection: str = "point") -> alt.Chart:
    """The chart of :func:`chart_attention` from an :func:`attention` frame (periods where an
    outlet published nothing are left out of its line: the line breaks there)."""
    from .tables import normalize_freq

    freq = normalize_freq(freq)
    df = chart_data(frame)  # share stays NaN where nothing was published: null in the spec, a break in the line
    sources = sorted(df["source"].unique().tolist()) if len(df) else []
    query = str(df["query"].iloc[0]) if len(df) else ""
    pick = alt.selection_point(name=selection, fields=["period", "source"], on="click", clear="dblclick")
    return alt.Chart(df).mark_line(point=True, invalid="break-paths-show-domains").encode(
        x=alt.X("period:T", title=None),
        y=alt.Y("share:Q", title=f"Share of articles per {freq}", axis=alt.Axis(format="%")),
        color=alt.Color("source:N", title="Source", sort=sources),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.4)),
        tooltip=["source:N", alt.Tooltip("period:T", title=freq), alt.Tooltip("share:Q", format=".1%"),
                 "n_matching:Q", "n_articles:Q"],
    ).add_params(pick).properties(width=500, height=220, title=f"Attention: {query}")


def chart_distinctive_terms(articles_or_corpus, *, by: str = "source", freq: str = "year", n: int = 15,
                            ngrams: int = 2, min_count: int = 5, groups: int = 10) -> alt.FacetChart:
    """Bars of the terms that set each group apart (see :func:`distinctive_terms`), one panel per
    group.

    Encodings: x z (the log-odds z-score), y term in rank order, panels by group (three a row, in
    order of size); tooltip group, term, n_group, n_rest, log_odds, z.
    """
    frame = distinctive_terms(articles_or_corpus, by=by, freq=freq, n=n, ngrams=ngrams, min_count=min_count,
                              groups=groups)
    return bar_distinctive_terms(frame)


def bar_distinctive_terms(frame: pd.DataFrame) -> alt.FacetChart:
    """The chart of :func:`chart_distinctive_terms` from a :func:`distinctive_terms` frame."""
    df = chart_data(frame)
    order = list(dict.fromkeys(df["group"]))
    base = alt.Chart(df).mark_bar(color="#4c78a8").encode(
        x=alt.X("z:Q", title="z (log-odds, informative prior)"),
        y=alt.Y("term:N", title=None, sort=alt.EncodingSortField(field="rank", order="ascending")),
        tooltip=["group:N", "term:N", "n_group:Q", "n_rest:Q", alt.Tooltip("log_odds:Q", format=".2f"),
                 alt.Tooltip("z:Q", format=".1f")],
    ).properties(width=180, height=alt.Step(14))
    return base.facet(facet=alt.Facet("group:N", title=None, sort=order), columns=3).resolve_scale(
        y="independent").properties(title="Distinctive terms")
