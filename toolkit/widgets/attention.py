"""The attention explorer."""
from __future__ import annotations

import altair as alt
import ipywidgets as widgets
import numpy as np
import pandas as pd

from .. import charts
from ..errors import QueryError, TooManyRowsError, UnknownActorError
from ..schema import FREQS
from ..tables import ATTENTION_COLUMNS, SENTENCE_COLUMNS, attention, check_choice, counted_articles, search
from ..tables.base import OTHER_SOURCES, pool_sources
from .html import TABLE_ROWS, date_text, esc, rows_head, title_html
from .rows import RowsView

SENTENCE_SORTS = {"best first": [("score", False)], "newest first": [("published", False), ("score", False)],
                  "oldest first": [("published", True), ("score", False)], "source": [("source", True), ("score", False)]}

# hits are marked with characters no clean text holds (the loader drops control characters),
# so the snippet can be escaped first and the marks turned into <mark> after
_OPEN, _CLOSE = "\x02", "\x03"
MARK_HIT = '<mark style="background:#ffe08a">'


def hits_html(snippet) -> str:
    """An escaped snippet with its hits (between the private marks) in <mark>."""
    return esc(snippet).replace(_OPEN, MARK_HIT).replace(_CLOSE, "</mark>")


def sentences_html(rows: pd.DataFrame, *, total: int | None = None, limit: int = TABLE_ROWS, first: int = 0) -> str:
    """An escaped HTML list of the first ``limit`` matching sentences (rows with a ``marked``
    snippet: hits between the private marks), headed by the count of all."""
    total = len(rows) if total is None else total
    shown = rows.head(limit)
    head = rows_head(total, len(shown), first, "matching sentence")
    if shown.empty:
        return head
    items = [f"<li><small>{date_text(r.get('published'))} · {esc(r.get('source'))} · "
             f"{title_html(r.get('title'), r.get('url'))}</small><br>{hits_html(r['marked'])}</li>"
             for r in shown.to_dict("records")]
    return head + f"<ol class='tk-sentences' start='{first + 1}'>" + "".join(items) + "</ol>"


class AttentionExplorer(widgets.VBox):
    """How much attention each outlet gives a subject over time, and the sentences behind it.

    Controls (set ``.value`` to drive them): ``query`` (a search query, see :func:`toolkit.search`),
    ``outlets`` (the outlets shown: a tuple of source names; all by default), ``freq`` (the
    period). Clicking a point of the chart (selection ``point``) shows that period and outlet's
    sentences only; ``pick(period, source)`` does the same, ``pick(None)`` shows all again.
    Frames: ``attention`` (the :func:`toolkit.attention` rows of the outlets shown),
    ``sentences`` (every matching sentence of those outlets, best first: the columns of
    ``tk.search(..., by="sentence")`` plus url), ``n_sentences``; ``message`` says why a query
    could not be read. The sentences are listed by ``sentence_rows`` (``.sort``, ``.page``,
    ``.open``: an article, ``.prepare``: download).
    """

    def __init__(self, corpus_or_articles, query: str = "", *, freq: str = "month", rows: int = TABLE_ROWS):
        super().__init__()
        check_choice("freq", freq, tuple(FREQS))
        self.data, self.rows = corpus_or_articles, rows
        arts = counted_articles(corpus_or_articles)
        self._pooled = dict(zip(arts["source"].astype(object).fillna("(no source)"), pool_sources(arts["source"])))
        self._urls = dict(zip(arts["article_id"].astype(str), arts["url"])) if "url" in arts.columns else {}
        sources = sorted(set(self._pooled.values()) - {OTHER_SOURCES}) + (
            [OTHER_SOURCES] if OTHER_SOURCES in self._pooled.values() else [])
        self.query = widgets.Text(value=query, placeholder='words, "a phrase", AND / OR / NOT', description="Query",
                                  continuous_update=False, layout=widgets.Layout(width="480px"))
        self.outlets = widgets.SelectMultiple(options=sources, value=tuple(sources), description="Outlets",
                                              rows=min(len(sources), 6) or 1)
        self.freq = widgets.Dropdown(options=list(FREQS), value=freq, description="Per")
        self.message = widgets.HTML()
        self.chart = charts.jupyter_chart(alt.Chart(pd.DataFrame()).mark_line())
        corpus = corpus_or_articles if hasattr(corpus_or_articles, "mentions") else None
        self.sentence_rows = RowsView(self._render_sentences, SENTENCE_SORTS, stem="sentences", corpus=corpus,
                                      export=lambda r: r.drop(columns=["marked"], errors="ignore"), page_size=rows,
                                      words=self._query_words)
        self.sentences_view = self.sentence_rows.table
        self.picked: tuple | None = None
        self._note = ""
        self.shown_freq = freq  # the period drawn: freq, or a coarser one when freq would not fit
        self._all = pd.DataFrame(columns=ATTENTION_COLUMNS)
        self._hits = pd.DataFrame(columns=SENTENCE_COLUMNS + ["url"])
        self.attention = self._all
        self.sentences = self._hits
        self.query.observe(lambda _: self.refresh(), names="value")
        self.freq.observe(lambda _: self.refresh(), names="value")
        self.outlets.observe(lambda _: self._show(), names="value")
        self.children = [self.query, widgets.HBox([self.outlets, self.freq]), self.message, self.chart,
                         self.sentence_rows]
        self.refresh()

    @property
    def n_sentences(self) -> int:
        return len(self.sentences)

    def refresh(self):
        """Search again for the current query and period, and redraw everything."""
        q = self.query.value.strip()
        self.picked = None
        self.message.value = ""
        self._all = pd.DataFrame(columns=ATTENTION_COLUMNS)
        self._hits = pd.DataFrame(columns=SENTENCE_COLUMNS + ["url"])
        if q:
            try:
                self._all = self._attention(q)
                hits = search(self.data, q, by="sentence", marks=(_OPEN, _CLOSE), snippets=None)
                hits["source"] = hits["source"].astype(object).fillna("(no source)").map(self._pooled).astype("string")
                hits["url"] = hits["article_id"].map(self._urls)
                # the frame shows hits between "**", as tk.search does; the HTML marks them from the private marks
                hits["marked"] = hits["snippet"]
                hits["snippet"] = hits["snippet"].str.replace(_OPEN, "**", regex=False).str.replace(
                    _CLOSE, "**", regex=False)
                self._hits = hits
            except (QueryError, UnknownActorError) as exc:
                self.message.value = f"<p style='color:#b00'>{esc(exc)}</p>"
        self._show()

    def _attention(self, q: str) -> pd.DataFrame:
        freq = self.shown_freq = self.freq.value
        try:
            return attention(self.data, q, by="source", freq=freq)
        except TooManyRowsError as exc:  # decades by day: the finest period that fits
            self.shown_freq = exc.allowed[0] if exc.allowed else "year"
            self.message.value = f"<p><i>Too many {esc(freq)}s to draw: shown per {esc(self.shown_freq)}.</i></p>"
            return attention(self.data, q, by="source", freq=self.shown_freq)

    def _show(self):
        keep = set(self.outlets.value)
        a = self._all
        self.attention = a[a["source"].isin(keep).to_numpy(dtype=bool)].reset_index(drop=True)
        self.chart.chart = charts.line_attention(self.attention, freq=self.shown_freq).properties(width=600, height=220)
        # a new chart makes a new `selections` object: observe it again
        self.chart.selections.observe(self._on_point, names="point")
        self._draw_sentences()

    def _on_point(self, change):
        points = [p for p in (change["new"].value or []) if isinstance(p, dict) and "period" in p]
        if points:
            period = points[0]["period"]
            self.pick(pd.Timestamp(period, unit="ms") if isinstance(period, (int, float)) else pd.Timestamp(period),
                      points[0].get("source"))

    def pick(self, period, source: str | None = None):
        """Show the sentences of one period (a date in it) and outlet only; ``pick(None)`` shows all."""
        self.picked = None if period is None else (pd.Timestamp(period), source)
        self._draw_sentences()

    def _draw_sentences(self):
        h = self._hits
        m = np.array(h["source"].isin(set(self.outlets.value)).fillna(False), dtype=bool)
        note = ""
        if self.picked is not None and len(h):
            period, source = self.picked
            freq = self.shown_freq
            ts = pd.to_datetime(h["published"], utc=True).dt.tz_localize(None)
            start = ts.dt.to_period(FREQS[freq]).dt.start_time
            lo = pd.Timestamp(period).to_period(FREQS[freq]).start_time
            m &= (start == lo).fillna(False).to_numpy(dtype=bool)
            if source is not None:
                m &= (h["source"] == source).fillna(False).to_numpy(dtype=bool)
            note = (f"<p><i>{esc(source or 'All outlets')}, {esc(freq)} of {lo:%Y-%m-%d}; "
                    "double-click the chart to show all.</i></p>")
        shown = h[m].reset_index(drop=True)
        self.sentences = shown.drop(columns=["marked"], errors="ignore")
        self._note = note
        self.sentence_rows.set_rows(shown)

    def _query_words(self) -> list[str]:
        """The plain words of the query, to mark in an opened article (operators and prefixes dropped)."""
        words = [w.strip('"()*') for w in self.query.value.replace('"', " ").split()]
        return [w for w in words if w and w not in ("AND", "OR", "NOT") and not w.lower().startswith("actor:")]

    def _render_sentences(self, page: pd.DataFrame, total: int, first: int) -> str:
        if not self.query.value.strip():
            return ("<p><i>Type a query: the share of each outlet's articles matching it is "
                    "drawn per period, and the matching sentences are listed here.</i></p>")
        return self._note + sentences_html(page, total=total, limit=self.rows, first=first)


__all__ = ["AttentionExplorer", "sentences_html", "hits_html"]
