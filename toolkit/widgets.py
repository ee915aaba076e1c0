"""Explorers: thin ipywidgets layers over :mod:`toolkit.charts`, with linked views.

- :class:`ActorExplorer`: pick an actor; see their timeline, co-mentioned actors (click one to
  move there), topics and quotes.
- :class:`QuoteExplorer`: filter quotes by speaker, kind, source, topic, dates and text; export CSV.
- :class:`CooccurrenceExplorer`: a co-occurrence heatmap; click a cell to read the passages.

Each explorer is an ``ipywidgets.VBox`` and exposes its current frames as attributes. Views are
``widgets.HTML`` and ``alt.JupyterChart`` updated from ``.observe`` callbacks (no ``Output``
widgets: their captured output breaks strict nbval). Corpus text is data: every string shown as
HTML goes through :func:`html.escape`, and only http(s) URLs become links.
"""
from __future__ import annotations

import csv
import html
import math
import re
from pathlib import Path

import altair as alt
import ipywidgets as widgets
import numpy as np
import pandas as pd

from . import charts
from .actors import KINDS
from .errors import InvalidOptionError, UnknownActorError

__all__ = ["ActorExplorer", "QuoteExplorer", "CooccurrenceExplorer", "quotes_table_html", "passages",
           "neutralize_csv", "TABLE_ROWS"]

TABLE_ROWS = 50  # rows rendered in HTML tables; the count above the table covers every match
ANY = ""  # the "no filter" value of the filter dropdowns
CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")  # OWASP CSV injection: spreadsheets evaluate these
QUOTE_VIEW = ["quote_id", "article_id", "published", "source", "title", "url", "speaker", "actor_id", "kind",
              "cue", "text", "topic_id", "topic", "start", "end", "speaker_start", "speaker_end", "cue_start",
              "cue_end"]
EXPORT_COLUMNS = ["quote_id", "article_id", "published", "source", "title", "url", "speaker", "actor_id", "kind",
                  "cue", "text", "topic"]
MARK_SPEAKER = '<mark style="background:#ffe08a" title="speaker">'
MARK_CUE = '<mark style="background:#cfe5ff" title="cue">'
MARK_ACTOR = '<mark style="background:#ffe08a">'
LONG_QUOTE = 600  # characters of a quote shown before eliding its middle
QUOTE_MARKS = "\"'“”‘’«»„"
_TAG_NAME = re.compile(r"<(\w+)")


# --- HTML ----------------------------------------------------------------------------------------

def _missing(v) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))


def esc(v) -> str:
    """Escaped text of any cell (NA -> empty)."""
    return "" if _missing(v) else html.escape(str(v), quote=True)


def _date(v) -> str:
    return "" if _missing(v) else pd.Timestamp(v).strftime("%Y-%m-%d")


def _title_html(title, url) -> str:
    """The title, linked only when the URL is http(s): a ``javascript:`` URL stays text."""
    text = esc(title) or "(untitled)"
    u = "" if _missing(url) else str(url).strip()
    if u.lower().startswith(("http://", "https://")):
        return f'<a href="{esc(u)}" target="_blank" rel="noopener noreferrer">{text}</a>'
    return text


def _elide(s: str) -> str:
    return s if len(s) <= LONG_QUOTE else s[:LONG_QUOTE * 2 // 3] + " … " + s[-LONG_QUOTE // 4:]


def _marked(text: str, lo: int, hi: int, spans: list[tuple[int, int, str]], *, elide: bool = True) -> str:
    """text[lo:hi] escaped, with each (start, end, opening tag) span wrapped in that tag; spans
    earlier in the list win where they overlap. With ``elide``, long runs lose their middle."""
    cuts = sorted({lo, hi, *(min(max(p, lo), hi) for s, e, _ in spans for p in (s, e))})
    out = []
    for s, e in zip(cuts, cuts[1:]):
        tag = next((t for a, b, t in spans if a <= s and e <= b), None)
        piece = esc(_elide(text[s:e]) if elide else text[s:e])
        out.append(f"{tag}{piece}</{_TAG_NAME.match(tag).group(1)}>" if tag else piece)
    return "".join(out)


def _as_list(v) -> list:
    """A list cell (list, array) as a list; anything else (NA) as []."""
    return list(v) if isinstance(v, (list, tuple, np.ndarray)) else []


def _int(v):
    return None if _missing(v) else int(v)


def quote_context_html(text: str, row) -> str:
    """The quote in its sentence: speaker and cue highlighted, the quote in italics; a long
    stretch is elided. Falls back to the quote text when offsets do not fit the article text."""
    start, end = _int(row["start"]), _int(row["end"])
    if not isinstance(text, str) or start is None or end is None or end > len(text) or \
            text[start:end] != row["text"]:
        return f"<i>{esc(_elide(str(row['text'])))}</i>"
    spans = []
    for a, b, tag in ((row["speaker_start"], row["speaker_end"], MARK_SPEAKER),
                      (row["cue_start"], row["cue_end"], MARK_CUE)):
        a, b = _int(a), _int(b)
        if a is not None and b is not None and 0 <= a < b <= len(text):
            spans.append((a, b, tag))
    spans.append((start, end, '<i class="tk-quote">'))
    lo, hi = min(s for s, _, _ in spans), max(e for _, e, _ in spans)
    if hi - lo > 3 * LONG_QUOTE:  # a far-away speaker: show the quote alone
        lo, hi = start, end
    # the quote's span excludes its quote marks: show the opening one with the closing one
    lo -= 1 if lo > 0 and text[lo - 1] in QUOTE_MARKS else 0
    hi += 1 if hi < len(text) and text[hi] in QUOTE_MARKS and hi == end else 0
    return _marked(text, lo, hi, spans)


def quotes_table_html(rows: pd.DataFrame, texts: dict, *, total: int | None = None,
                      limit: int = TABLE_ROWS) -> str:
    """An escaped HTML table of the first ``limit`` quote rows (columns of QuoteExplorer.quotes),
    headed by the count of all ``total`` matches."""
    total = len(rows) if total is None else total
    shown = rows.head(limit)
    head = (f"<p><b>{total:,}</b> quote{'s' if total != 1 else ''}"
            + (f"; showing the first {len(shown):,}" if total > len(shown) else "") + "</p>")
    if shown.empty:
        return head
    body = []
    for r in shown.to_dict("records"):
        body.append(
            "<tr>"
            f"<td style='white-space:nowrap'>{_date(r.get('published'))}</td>"
            f"<td>{esc(r.get('source'))}</td>"
            f"<td>{_title_html(r.get('title'), r.get('url'))}</td>"
            f"<td>{esc(r.get('speaker'))}</td>"
            f"<td>{esc(r.get('kind'))}</td>"
            f"<td style='text-align:left'>{quote_context_html(texts.get(r['article_id']), r)}</td>"
            "</tr>")
    return (head + "<table class='tk-quotes' style='border-collapse:collapse;font-size:90%'>"
            "<thead><tr><th>Date</th><th>Source</th><th>Title</th><th>Speaker</th><th>Kind</th>"
            "<th style='text-align:left'>Quote</th></tr></thead><tbody>" + "".join(body) + "</tbody></table>")


# --- CSV -----------------------------------------------------------------------------------------

def neutralize_csv(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy in which every text cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage
    return gets a leading ``'``, so spreadsheets show it instead of running it as a formula."""
    out = frame.copy()
    for c in out.columns:
        s = out[c]
        if pd.api.types.is_string_dtype(s) or s.dtype == object:
            out[c] = s.map(lambda v: "'" + v if isinstance(v, str) and v.startswith(CSV_TRIGGERS) else v)
    return out


# --- shared frames -------------------------------------------------------------------------------

def _main_topics(corpus) -> pd.DataFrame:
    """article_id, topic_id, topic: each article's main topic (highest weight; ties by topic_id)."""
    topics = getattr(corpus, "topics", None)
    at = getattr(corpus, "article_topics", None)
    if topics is None or at is None or topics.empty or at.empty:
        return pd.DataFrame({"article_id": pd.Series(dtype="string"), "topic_id": pd.Series(dtype=object),
                             "topic": pd.Series(dtype="string")})
    top = at.sort_values(["article_id", "weight", "topic_id"], ascending=[True, False, True], kind="stable")
    top = top.drop_duplicates("article_id")[["article_id", "topic_id"]]
    return top.merge(topics[["topic_id", "label"]].rename(columns={"label": "topic"}), on="topic_id", how="left")


def _quote_frame(corpus) -> pd.DataFrame:
    """Quotes with their article's published, source, title, url and main topic; newest first."""
    arts = corpus.articles
    cols = [c for c in ("article_id", "published", "source", "title", "url") if c in arts.columns]
    q = corpus.quotes.merge(arts[cols], on="article_id", how="left")
    q = q.merge(_main_topics(corpus), on="article_id", how="left")
    for c in QUOTE_VIEW:
        if c not in q.columns:
            q[c] = pd.NA
    q = q.sort_values(["published", "article_id", "start", "quote_id"], ascending=[False, True, True, True],
                      na_position="last", kind="stable")
    return q[QUOTE_VIEW].reset_index(drop=True)


def _texts(corpus) -> dict:
    return dict(zip(corpus.articles["article_id"], corpus.articles["text"]))


def _has_topics(corpus) -> bool:
    t = getattr(corpus, "topics", None)
    return t is not None and not t.empty


# --- QuoteExplorer -------------------------------------------------------------------------------

class QuoteExplorer(widgets.VBox):
    """Filter the corpus's quotes; a table of the first matches with speaker and cue highlighted.

    Controls (set ``.value`` to drive them): ``speaker`` (a name, or part of one), ``kind``,
    ``source``, ``topic`` (the article's main topic), ``start`` / ``end`` (dates, inclusive, UTC),
    ``search`` (text of the quote, case-insensitive). ``quotes`` is the frame of every match
    (columns QUOTE_VIEW), ``n_matches`` its length, ``table`` the HTML view.
    """

    def __init__(self, corpus, *, rows: int = TABLE_ROWS):
        super().__init__()
        self.rows = rows
        self._frame = _quote_frame(corpus)
        self._texts = _texts(corpus)
        f = self._frame
        # lower-cased once: filtering 50,000 quotes per keystroke must stay fast
        self._speaker_lc = f["speaker"].astype("string").fillna("").str.lower()
        self._text_lc = f["text"].astype("string").fillna("").str.lower()
        self._published = pd.to_datetime(f["published"], utc=True)
        speakers = f["speaker"].dropna().value_counts()
        speakers = speakers.rename("n").reset_index().sort_values(["n", "speaker"], ascending=[False, True],
                                                                  kind="stable")
        self.speaker = widgets.Combobox(options=speakers["speaker"].head(500).tolist(), placeholder="speaker",
                                        ensure_option=False, description="Speaker")
        self.kind = widgets.Dropdown(options=[("any kind", ANY), *[(k, k) for k in charts.QUOTE_KINDS]],
                                     value=ANY, description="Kind")
        sources = sorted(f["source"].dropna().astype(str).unique())
        self.source = widgets.Dropdown(options=[("any source", ANY), *[(s, s) for s in sources]], value=ANY,
                                       description="Source")
        topics = (corpus.topics.sort_values("topic_id", kind="stable") if _has_topics(corpus)
                  else pd.DataFrame({"topic_id": [], "label": []}))
        self.topic = widgets.Dropdown(
            options=[("any topic", ANY), *[(str(l), t) for t, l in zip(topics["topic_id"], topics["label"])]],
            value=ANY, description="Topic", disabled=topics.empty)
        self.start = widgets.DatePicker(description="From")
        self.end = widgets.DatePicker(description="To")
        self.search = widgets.Text(placeholder="words in the quote", description="Text")
        self.table = widgets.HTML()
        self._mask = np.ones(len(f), dtype=bool)
        for w in self.controls:
            w.observe(self._on_change, names="value")
        self.children = [widgets.HBox([self.speaker, self.kind, self.source]),
                         widgets.HBox([self.topic, self.start, self.end]), self.search, self.table]
        self.refresh()

    @property
    def controls(self) -> list[widgets.Widget]:
        return [self.speaker, self.kind, self.source, self.topic, self.start, self.end, self.search]

    @property
    def quotes(self) -> pd.DataFrame:
        """Every quote matching the filters (newest first)."""
        return self._frame.loc[self._mask].reset_index(drop=True)

    @property
    def n_matches(self) -> int:
        return int(self._mask.sum())

    def _on_change(self, _change=None):
        self.refresh()

    def mask(self) -> np.ndarray:
        """Boolean mask of the quotes matching the current filters."""
        f = self._frame
        m = np.ones(len(f), dtype=bool)
        who = self.speaker.value.strip().lower()
        if who:
            exact = (self._speaker_lc == who).to_numpy(dtype=bool)
            # an exact name (picked from the list) means that speaker; anything else is a substring
            m &= exact if exact.any() else self._speaker_lc.str.contains(who, regex=False).to_numpy(dtype=bool)
        if self.kind.value != ANY:
            m &= (f["kind"] == self.kind.value).fillna(False).to_numpy(dtype=bool)
        if self.source.value != ANY:
            m &= (f["source"] == self.source.value).fillna(False).to_numpy(dtype=bool)
        if self.topic.value != ANY:
            m &= (f["topic_id"] == self.topic.value).fillna(False).to_numpy(dtype=bool)
        if self.start.value is not None:
            lo = pd.Timestamp(self.start.value, tz="UTC")
            m &= (self._published >= lo).fillna(False).to_numpy(dtype=bool)
        if self.end.value is not None:
            hi = pd.Timestamp(self.end.value, tz="UTC") + pd.Timedelta(days=1)
            m &= (self._published < hi).fillna(False).to_numpy(dtype=bool)
        words = self.search.value.strip().lower()
        if words:
            m &= self._text_lc.str.contains(words, regex=False).to_numpy(dtype=bool)
        return m

    def refresh(self):
        """Re-apply the filters and redraw the table (only its first ``rows`` rows are rendered)."""
        self._mask = self.mask()
        first = self._frame.iloc[np.flatnonzero(self._mask)[: self.rows]]  # never copy all matches
        self.table.value = quotes_table_html(first, self._texts, total=self.n_matches, limit=self.rows)

    def export_csv(self, path) -> int:
        """Write the matching quotes (EXPORT_COLUMNS) to a UTF-8 CSV, with formula-like cells
        neutralised (see :func:`neutralize_csv`). Returns the number of rows written."""
        rows = self.quotes[EXPORT_COLUMNS].copy()
        rows["published"] = pd.to_datetime(rows["published"], utc=True).dt.strftime("%Y-%m-%dT%H:%M:%SZ")
        neutralize_csv(rows).to_csv(Path(path), index=False, encoding="utf-8", quoting=csv.QUOTE_MINIMAL)
        return len(rows)


# --- ActorExplorer -------------------------------------------------------------------------------

class ActorExplorer(widgets.VBox):
    """One actor at a time: profile, timeline, co-mentioned actors, topics and quotes.

    Controls: ``search`` (filters the ``actor`` dropdown by name or alias), ``actor`` (value: an
    actor_id), ``freq`` (timeline), ``window`` (co-mention window). Clicking a bar of the
    co-mentioned chart (selection ``pick``) moves the explorer to that actor.
    Frames: ``actor_id``, ``profile`` (the actors row), ``timeline``, ``comentions``, ``topics``
    (empty without topics), ``quotes``.
    """

    OPTIONS = 300  # actors listed in the dropdown at once (the most mentioned matches)

    def __init__(self, corpus, actor_id: str | None = None, *, freq: str = "month", window: str = "article",
                 n: int = 15):
        super().__init__()
        charts._choice("freq", freq, tuple(charts.FREQS))
        charts._choice("window", window, charts.WINDOWS)
        self.corpus, self.n = corpus, n
        a = corpus.actors.copy()
        a = a.sort_values(["n_mentions", "name", "actor_id"], ascending=[False, True, True], kind="stable")
        if a.empty:
            raise UnknownActorError("the corpus has no actors to explore")
        self._actors = a.reset_index(drop=True)
        keys = [" | ".join([str(nm), *map(str, _as_list(al))]).lower() for nm, al in zip(a["name"], a["aliases"])]
        self._keys = pd.Series(keys, dtype="string")
        self._labels = [f"{nm} ({k}, {c:,})" for nm, k, c in zip(a["name"], a["kind"], a["n_mentions"])]
        self._quotes = _quote_frame(corpus)
        self._texts = _texts(corpus)
        self._actor_topics = charts.actor_topics(corpus) if _has_topics(corpus) else None
        self._syncing = False
        self._option_positions: list[int] = []
        self.search = widgets.Text(placeholder="type a name", description="Find")
        self.actor = widgets.Dropdown(description="Actor")
        self.freq = widgets.Dropdown(options=list(charts.FREQS), value=freq, description="Timeline")
        self.window = widgets.Dropdown(options=list(charts.WINDOWS), value=window, description="Together in")
        self.header = widgets.HTML()
        self.timeline_chart = charts.jupyter_chart(alt.Chart(pd.DataFrame()).mark_line())
        self.comentions_chart = charts.jupyter_chart(alt.Chart(pd.DataFrame()).mark_bar())
        self.topics_chart = charts.jupyter_chart(alt.Chart(pd.DataFrame()).mark_bar())
        self.topics_note = widgets.HTML()
        self.quotes_table = widgets.HTML()
        self._set_options(self._actors.index[: self.OPTIONS])
        start = actor_id if actor_id is not None else self._actors["actor_id"].iloc[0]
        self.search.observe(self._on_search, names="value")
        self.actor.observe(self._on_actor, names="value")
        self.freq.observe(lambda _: self._draw_timeline(), names="value")
        self.window.observe(lambda _: self._draw_comentions(), names="value")
        self.children = [widgets.HBox([self.search, self.actor]), self.header,
                         widgets.HBox([self.freq, self.window]), self.timeline_chart,
                         widgets.HBox([self.comentions_chart, widgets.VBox([self.topics_note, self.topics_chart])]),
                         self.quotes_table]
        self.actor_id = None
        self.select(start)

    # options and selection
    def _set_options(self, rows, keep: str | None = None):
        """List the actors at ``rows`` (positions in the sorted actors), plus ``keep`` if given."""
        rows = list(rows)
        if keep is not None:
            pos = self._position(keep)
            if pos not in rows:
                rows = [pos, *rows]
        ids = self._actors["actor_id"]
        self._option_positions = rows
        self._syncing = True  # new options reset the value; that is not a user's choice
        try:
            self.actor.options = [(self._labels[i], ids.iloc[i]) for i in rows]
            if keep is not None:
                self.actor.value = keep
        finally:
            self._syncing = False

    def _position(self, actor_id: str) -> int:
        hit = np.flatnonzero((self._actors["actor_id"] == actor_id).to_numpy(dtype=bool))
        if not len(hit):
            raise UnknownActorError(f"no actor with actor_id {actor_id!r}; see corpus.actors for the ids")
        return int(hit[0])

    def _on_search(self, change):
        words = change["new"].strip().lower()
        hits = (np.flatnonzero(self._keys.str.contains(words, regex=False).to_numpy(dtype=bool)) if words
                else np.arange(len(self._actors)))[: self.OPTIONS]
        if len(hits) and self.actor_id not in set(self._actors["actor_id"].iloc[hits]):
            self._set_options(hits)
            self.select(self._actors["actor_id"].iloc[hits[0]])  # typing a name moves to the best match
        else:
            self._set_options(hits, keep=self.actor_id)

    def _on_actor(self, change):
        if not self._syncing and change["new"] is not None and change["new"] != self.actor_id:
            self.select(change["new"])

    def _on_pick(self, change):
        picked = [p.get("actor_id") for p in (change["new"].value or []) if isinstance(p, dict)]
        if picked and picked[0] and picked[0] != self.actor_id:
            self.select(picked[0])

    def select(self, actor_id: str):
        """Move the explorer to ``actor_id``: every view is redrawn."""
        pos = self._position(actor_id)
        self.actor_id = actor_id
        self.profile = self._actors.iloc[pos]
        if self.actor.value != actor_id:
            self._set_options([i for i in self._option_positions if i != pos], keep=actor_id)
        self._draw_header()
        self._draw_timeline()
        self._draw_comentions()
        self._draw_topics()
        self._draw_quotes()

    # views
    def _draw_header(self):
        p = self.profile
        titles = ", ".join(map(str, _as_list(p.get("titles"))[:5]))
        aliases = ", ".join(map(str, _as_list(p.get("aliases"))[:10]))
        n_quotes = int((self._quotes["actor_id"] == self.actor_id).sum())
        self.header.value = (
            f"<h3>{esc(p['name'])} <small>({esc(p['kind'])})</small></h3>"
            f"<p>{int(p['n_mentions']):,} mentions in {int(p['n_articles']):,} articles; {n_quotes:,} quotes"
            + (f"<br>Titles: {esc(titles)}" if titles else "")
            + (f"<br>Also written: {esc(aliases)}" if aliases else "") + "</p>")

    def _draw_timeline(self):
        freq = self.freq.value
        try:
            self.timeline = charts.actor_timeline(self.corpus, [self.actor_id], freq=freq)
        except charts.TooManyRowsError:  # a century of archive by week: fall back to years
            freq = "year"
            self.timeline = charts.actor_timeline(self.corpus, [self.actor_id], freq=freq)
        self.timeline_chart.chart = charts.line_timeline(self.timeline, freq=freq).properties(width=600, height=160)

    def _draw_comentions(self):
        self.comentions = charts.co_mentioned(self.corpus, self.actor_id, window=self.window.value)
        self.comentions_chart.chart = charts.bar_co_mentioned(self.comentions, n=self.n).properties(
            title="Mentioned with (click to explore)")
        # JupyterChart makes a new `selections` object whenever its chart changes: observe it again
        self.comentions_chart.selections.observe(self._on_pick, names="pick")

    def _draw_topics(self):
        if self._actor_topics is None:
            self.topics = pd.DataFrame(columns=["actor_id", "name", "topic_id", "topic", "weight", "n_articles",
                                                "share"])
            self.topics_note.value = "<p><i>No topics: run tk.analyze(articles, topics=True).</i></p>"
            self.topics_chart.layout.display = "none"
            return
        t = self._actor_topics
        self.topics = t[t["actor_id"] == self.actor_id].reset_index(drop=True)
        self.topics_note.value = ""
        self.topics_chart.layout.display = None
        top = self.topics.head(15)
        top = top.assign(label=charts._labels(top["topic_id"].astype(str), top["topic"]).to_numpy())
        df = charts._plain(top[["topic_id", "topic", "label", "share", "n_articles"]])
        self.topics_chart.chart = alt.Chart(df).mark_bar().encode(
            x=alt.X("share:Q", title="Share of their articles' topics", axis=alt.Axis(format="%")),
            y=alt.Y("label:N", title=None, sort=df["label"].tolist()),
            tooltip=["topic:N", alt.Tooltip("share:Q", format=".0%")],
        ).properties(width=250, title="Topics")

    def _draw_quotes(self):
        q = self._quotes
        self.quotes = q[(q["actor_id"] == self.actor_id).fillna(False).to_numpy(dtype=bool)].reset_index(drop=True)
        self.quotes_table.value = quotes_table_html(self.quotes, self._texts)


# --- CooccurrenceExplorer ------------------------------------------------------------------------

def _topic_windows(corpus, topic_id: str, window: str) -> pd.DataFrame:
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


def _windows(corpus, side: str, ident: str, window: str) -> pd.DataFrame:
    key = ["article_id"] if window == "article" else ["article_id", window]
    if side == "topic":
        return _topic_windows(corpus, ident, window)[key]
    m = corpus.mentions
    return m.loc[(m["actor_id"] == ident).fillna(False).to_numpy(dtype=bool), key].drop_duplicates()


def _paragraph_spans(corpus, paras: pd.DataFrame) -> pd.DataFrame:
    """article_id, unit, start, end of the given (article_id, paragraph) pairs, from the text itself:
    paragraph p is ``text.split("\\n\\n")[p]`` (whitespace trimmed), as mentions and topics count them.
    Sentence spans would not do: a sentence may run across a paragraph break."""
    texts = _texts(corpus)
    rows = []
    for aid, p in zip(paras["article_id"], paras["paragraph"]):
        text = texts.get(aid)
        if not isinstance(text, str):
            continue
        starts = [0] + [m.end() for m in re.finditer("\n\n", text)]
        if not 0 <= p < len(starts):
            continue
        lo, hi = starts[p], (starts[p + 1] - 2 if p + 1 < len(starts) else len(text))
        piece = text[lo:hi]
        lo += len(piece) - len(piece.lstrip())
        hi -= len(piece) - len(piece.rstrip())
        rows.append((aid, int(p), lo, max(lo, hi)))
    return pd.DataFrame(rows, columns=["article_id", "unit", "start", "end"])


def passages(corpus, a: str, b: str, *, of="actor", window: str = "sentence") -> pd.DataFrame:
    """Where ``a`` and ``b`` occur together: one row per sentence (``window="sentence"``), per
    paragraph, or, for ``"article"``, per sentence naming an actor of the pair in the articles
    holding both (the lead sentence when neither side is an actor).

    ``of`` is "actor", "topic" or ("actor", "topic") as for ``tk.cooccurrence``. Returns article_id,
    title, source, published, url, unit (sentence or paragraph index), start, end, text; newest first.
    """
    charts._choice("window", window, charts.WINDOWS)
    sides = ("actor", "actor") if of == "actor" else ("topic", "topic") if of == "topic" else tuple(of)
    if sides not in (("actor", "actor"), ("topic", "topic"), ("actor", "topic")):
        raise InvalidOptionError("of", of, ("actor", "topic", ("actor", "topic")))
    key = ["article_id"] if window == "article" else ["article_id", window]
    both = _windows(corpus, sides[0], a, window).merge(_windows(corpus, sides[1], b, window), on=key)
    s = corpus.sentences
    if window == "sentence":
        spans = s.merge(both, on=key)[["article_id", "sentence", "start", "end"]].rename(columns={"sentence": "unit"})
    elif window == "paragraph":
        spans = _paragraph_spans(corpus, both.drop_duplicates())
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


def passages_html(corpus, rows: pd.DataFrame, highlight: list[str], *, limit: int = TABLE_ROWS) -> str:
    """Escaped HTML list of the first ``limit`` passages, with mentions of the ``highlight`` actors marked."""
    total = len(rows)
    shown = rows.head(limit)
    head = (f"<p><b>{total:,}</b> passage{'s' if total != 1 else ''}"
            + (f"; showing the first {len(shown):,}" if total > len(shown) else "") + "</p>")
    if shown.empty:
        return head
    m = corpus.mentions
    m = m[m["actor_id"].isin(highlight).fillna(False).to_numpy(dtype=bool)
          & m["article_id"].isin(shown["article_id"]).to_numpy(dtype=bool)]
    by_article = {k: list(zip(g["start"], g["end"])) for k, g in m.groupby("article_id")}
    texts = _texts(corpus)
    items = []
    for r in shown.to_dict("records"):
        text = texts.get(r["article_id"]) or ""
        lo, hi = int(r["start"]), int(r["end"])
        spans = [(s, e, MARK_ACTOR) for s, e in by_article.get(r["article_id"], []) if lo <= s and e <= hi]
        items.append(f"<li><small>{_date(r['published'])} · {esc(r['source'])} · "
                     f"{_title_html(r['title'], r['url'])}</small><br>{_marked(text, lo, hi, spans, elide=False)}</li>")
    return head + "<ol class='tk-passages'>" + "".join(items) + "</ol>"


class CooccurrenceExplorer(widgets.VBox):
    """A co-occurrence heatmap; click a cell to read where the two occur together.

    Controls: ``of`` ("actor", "topic", ("actor", "topic"); topics only when the corpus has them),
    ``window``, ``kind`` (keep actors of one kind), ``score`` (the heatmap colour).
    Frames: ``edges`` (the edge list shown, as ``tk.cooccurrence`` returns it, kind-filtered),
    ``pair`` ((a, b) clicked, or None), ``passages`` (see :func:`passages`).
    ``cooccurrence`` replaces ``toolkit.cooccurrence.cooccurrence`` (same signature) if given.
    """

    def __init__(self, corpus, *, n: int = 25, cooccurrence=None):
        super().__init__()
        self.corpus, self.n = corpus, n
        self._fn = cooccurrence
        self._cache: dict = {}
        self._kinds = dict(zip(corpus.actors["actor_id"], corpus.actors["kind"]))
        ofs = [("actors", "actor")]
        if _has_topics(corpus):
            ofs += [("topics", "topic"), ("actors × topics", ("actor", "topic"))]
        self.of = widgets.Dropdown(options=ofs, value="actor", description="Of")
        self.window = widgets.Dropdown(options=list(charts.WINDOWS), value="sentence", description="Window")
        self.kind = widgets.Dropdown(options=[("any kind", ANY), *[(k, k) for k in KINDS]], value=ANY,
                                     description="Actors")
        self.score = widgets.Dropdown(options=list(charts.SCORES), value="count", description="Colour")
        self.heatmap = charts.jupyter_chart(alt.Chart(pd.DataFrame()).mark_rect())
        self.passages_view = widgets.HTML()
        self.pair = None
        self.passages = pd.DataFrame()
        for w in (self.of, self.window, self.kind, self.score):
            w.observe(lambda _: self.refresh(), names="value")
        self.children = [widgets.HBox([self.of, self.window]), widgets.HBox([self.kind, self.score]), self.heatmap,
                         self.passages_view]
        self.refresh()

    def _cooccurrence(self, of, window) -> pd.DataFrame:
        key = (of if isinstance(of, str) else tuple(of), window)
        if key not in self._cache:
            fn = self._fn
            if fn is None:
                from .cooccurrence import cooccurrence as fn  # written alongside; imported when first needed
            self._cache[key] = fn(self.corpus, of=of, window=window)
        return self._cache[key]

    def _sides(self):
        of = self.of.value
        return ("actor", "actor") if of == "actor" else ("topic", "topic") if of == "topic" else tuple(of)

    def refresh(self):
        """Recompute the edges for the current controls and redraw the heatmap; clears the passages."""
        e = self._cooccurrence(self.of.value, self.window.value)
        sides = self._sides()
        self.kind.disabled = "actor" not in sides
        if self.kind.value != ANY and "actor" in sides:
            keep = np.ones(len(e), dtype=bool)
            for col, side in zip(("a", "b"), sides):
                if side == "actor":
                    keep &= e[col].map(self._kinds).eq(self.kind.value).fillna(False).to_numpy(dtype=bool)
            e = e[keep]
        self.edges = e.reset_index(drop=True)
        chart = charts.chart_cooccurrence_heatmap(self.edges, n=self.n, score=self.score.value,
                                                  symmetric=sides[0] == sides[1])
        self.heatmap.chart = chart.properties(width=420, height=420)
        self.heatmap.selections.observe(self._on_cell, names="cell")  # a new chart: a new selections object
        self.pair = None
        self.passages = pd.DataFrame()
        self.passages_view.value = "<p><i>Click a cell to read the passages where both occur.</i></p>"

    def _on_cell(self, change):
        cells = [p for p in (change["new"].value or []) if isinstance(p, dict) and "a" in p and "b" in p]
        if cells:
            self.show(cells[0]["a"], cells[0]["b"])

    def show(self, a: str, b: str):
        """Show the passages where ``a`` and ``b`` occur together in the current window."""
        sides = self._sides()
        self.pair = (a, b)
        self.passages = passages(self.corpus, a, b, of=self.of.value, window=self.window.value)
        names = dict(zip(self.edges["a"].astype(str), self.edges.get("a_name", self.edges["a"]).astype(str)))
        names.update(zip(self.edges["b"].astype(str), self.edges.get("b_name", self.edges["b"]).astype(str)))
        title = f"<h4>{esc(names.get(str(a), a))} + {esc(names.get(str(b), b))} ({esc(self.window.value)})</h4>"
        actors = [x for x, sd in zip((a, b), sides) if sd == "actor"]
        self.passages_view.value = title + passages_html(self.corpus, self.passages, actors)
