"""The actor explorer."""
from __future__ import annotations

import altair as alt
import ipywidgets as widgets
import numpy as np
import pandas as pd

from .. import charts
from ..errors import TooManyRowsError, UnknownActorError
from ..schema import FREQS, WINDOWS
from ..tables import actor_timeline, actor_topics, article_texts, check_choice, co_mentioned, has_topics, quote_frame
from ..tables.names import actor_keys, is_ambiguous, match_actors
from .html import as_list, esc, quotes_table_html
from .quotes import BY_SPEAKER, SORTS, export_rows, plural

QUOTE_SORTS = {k: v for k, v in SORTS.items() if k not in (BY_SPEAKER, "speaker A–Z")}  # one speaker here
from .rows import RowsView


class ActorExplorer(widgets.VBox):
    """One actor at a time: profile, timeline, co-mentioned actors, topics and quotes.

    Controls: ``search`` (filters the ``actor`` dropdown by name or alias: partial, case and
    accents folded, see :func:`toolkit.tables.names.match_actors`; ``search_note`` lists the
    matches and says when a name is ambiguous), ``actor`` (value: an actor_id), ``freq``
    (timeline), ``window`` (co-mention window); the quotes' ``rows.sort``, ``rows.page``,
    ``rows.open`` and ``rows.prepare`` (download). Clicking a bar of the
    co-mentioned chart (selection ``pick``) moves the explorer to that actor.
    Frames: ``actor_id``, ``profile`` (the actors row), ``timeline``, ``comentions``, ``topics``
    (empty without topics), ``quotes``.
    """

    OPTIONS = 300  # actors listed in the dropdown at once (the most mentioned matches)

    def __init__(self, corpus, actor_id: str | None = None, *, freq: str = "month", window: str = "article",
                 n: int = 15):
        super().__init__()
        check_choice("freq", freq, tuple(FREQS))
        check_choice("window", window, WINDOWS)
        self.corpus, self.n = corpus, n
        a = corpus.actors.copy()
        a = a.sort_values(["n_mentions", "name", "actor_id"], ascending=[False, True, True], kind="stable")
        if a.empty:
            raise UnknownActorError("the corpus has no actors to explore")
        self._actors = a.reset_index(drop=True)
        self._keys = actor_keys(corpus.actors)  # in the order match_actors reads corpus.actors
        self.matches = match_actors(corpus, "")
        self._labels = [f"{nm} ({k}, {c:,})" for nm, k, c in zip(a["name"], a["kind"], a["n_mentions"])]
        self._quotes = quote_frame(corpus)
        self.article_texts = article_texts(corpus)
        self._actor_topics = actor_topics(corpus) if has_topics(corpus) else None
        self._syncing = False
        self._option_positions: list[int] = []
        self.search = widgets.Text(placeholder="type a name", description="Find")
        self.actor = widgets.Dropdown(description="Actor")
        self.freq = widgets.Dropdown(options=list(FREQS), value=freq, description="Timeline")
        self.window = widgets.Dropdown(options=list(WINDOWS), value=window, description="Together in")
        self.header = widgets.HTML()
        self.timeline_chart = charts.jupyter_chart(alt.Chart(pd.DataFrame()).mark_line())
        self.comentions_chart = charts.jupyter_chart(alt.Chart(pd.DataFrame()).mark_bar())
        self.topics_chart = charts.jupyter_chart(alt.Chart(pd.DataFrame()).mark_bar())
        self.topics_note = widgets.HTML()
        self.search_note = widgets.HTML()
        self.quotes_rows = RowsView(self._render_quotes, QUOTE_SORTS, export=export_rows, stem="actor-quotes", corpus=corpus,
                                    quote_ids=lambda: set(self.quotes["quote_id"]))
        self.quotes_table = self.quotes_rows.table
        self._set_options(self._actors.index[: self.OPTIONS])
        start = actor_id if actor_id is not None else self._actors["actor_id"].iloc[0]
        self.search.observe(self._on_search, names="value")
        self.actor.observe(self._on_actor, names="value")
        self.freq.observe(lambda _: self._draw_timeline(), names="value")
        self.window.observe(lambda _: self._draw_comentions(), names="value")
        self.children = [widgets.HBox([self.search, self.actor]), self.search_note, self.header,
                         widgets.HBox([self.freq, self.window]), self.timeline_chart,
                         widgets.HBox([self.comentions_chart, widgets.VBox([self.topics_note, self.topics_chart])]),
                         self.quotes_rows]
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
        words = change["new"].strip()
        self.matches = match_actors(self.corpus, words, keys=self._keys)
        self.search_note.value = self._search_note(words)
        pos = {a: i for i, a in enumerate(self._actors["actor_id"])}
        hits = (np.array([pos[a] for a in self.matches["actor_id"]], dtype=int) if words
                else np.arange(len(self._actors)))[: self.OPTIONS]
        if len(hits) and self.actor_id not in set(self._actors["actor_id"].iloc[hits]):
            self._set_options(hits)
            self.select(self._actors["actor_id"].iloc[hits[0]])  # typing a name moves to the best match
        else:
            self._set_options(hits, keep=self.actor_id)

    def _search_note(self, words: str) -> str:
        m = self.matches
        if not words:
            return ""
        if m.empty:
            return f"<p>No actor is named or written “{esc(words)}”.</p>"
        listed = ", ".join(f"{esc(n)} ({plural(c, 'mention')})" for n, c in zip(m["name"].head(8), m["n_mentions"].head(8)))
        more = f" and {len(m) - 8:,} more" if len(m) > 8 else ""
        warn = (f"<span style='color:#8a4b00'>⚠ “{esc(words)}” is ambiguous: {len(m):,} actors match — </span>"
                if is_ambiguous(m) else f"{plural(len(m), 'actor')} match: ")
        return f"<p>{warn}{listed}{more}. Pick one under “Actor”.</p>"

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
        titles = ", ".join(map(str, as_list(p.get("titles"))[:5]))
        aliases = ", ".join(map(str, as_list(p.get("aliases"))[:10]))
        n_quotes = int((self._quotes["actor_id"] == self.actor_id).sum())
        self.header.value = (
            f"<h3>{esc(p['name'])} <small>({esc(p['kind'])})</small></h3>"
            f"<p>{int(p['n_mentions']):,} mentions in {int(p['n_articles']):,} articles; {n_quotes:,} quotes"
            + (f"<br>Titles: {esc(titles)}" if titles else "")
            + (f"<br>Also written: {esc(aliases)}" if aliases else "") + "</p>")

    def _draw_timeline(self):
        freq = self.freq.value
        try:
            self.timeline = actor_timeline(self.corpus, [self.actor_id], freq=freq)
        except TooManyRowsError:  # a century of archive by week: fall back to years
            freq = "year"
            self.timeline = actor_timeline(self.corpus, [self.actor_id], freq=freq)
        self.timeline_chart.chart = charts.line_timeline(self.timeline, freq=freq).properties(width=600, height=160)

    def _draw_comentions(self):
        self.comentions = co_mentioned(self.corpus, self.actor_id, window=self.window.value)
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
        self.topics_chart.chart = charts.chart_topic_bars(self.topics, n=15)

    def _draw_quotes(self):
        q = self._quotes
        self.quotes = q[(q["actor_id"] == self.actor_id).fillna(False).to_numpy(dtype=bool)].reset_index(drop=True)
        self.quotes_rows.set_rows(self.quotes)

    def _render_quotes(self, page: pd.DataFrame, total: int, first: int) -> str:
        return quotes_table_html(page, self.article_texts, total=total, limit=self.quotes_rows.page_size, first=first)
