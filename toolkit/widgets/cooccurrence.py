"""The co-occurrence explorer."""
from __future__ import annotations

import altair as alt
import ipywidgets as widgets
import numpy as np
import pandas as pd

from .. import charts
from ..schema import KINDS, WINDOWS
from ..tables import SCORES, has_topics, passages
from ..tables import cooccurrence as default_cooccurrence
from .html import esc, passages_html
from .rows import RowsView

PASSAGE_SORTS = {"newest first": [("published", False), ("article_id", True), ("start", True)],
                 "oldest first": [("published", True), ("article_id", True), ("start", True)],
                 "source": [("source", True), ("published", False)], "title A–Z": [("title", True), ("start", True)]}
EDGE_SORTS = {"count": [("count", False)], "NPMI (how much more than chance)": [("npmi", False), ("count", False)],
              "Jaccard": [("jaccard", False), ("count", False)], "articles": [("n_articles", False), ("count", False)]}
EDGE_EXPORT = ["a", "b", "a_name", "b_name", "count", "n_articles", "pmi", "npmi", "jaccard", "window"]

ANY = ""  # the "no filter" value of the filter dropdowns


class CooccurrenceExplorer(widgets.VBox):
    """A co-occurrence heatmap; click a cell to read where the two occur together.

    Controls: ``of`` ("actor", "topic", ("actor", "topic"); topics only when the corpus has them),
    ``window``, ``kind`` (keep actors of one kind), ``score`` (the heatmap colour).
    Frames: ``edges`` (the edge list shown, as ``tk.cooccurrence`` returns it, kind-filtered),
    ``pair`` ((a, b) clicked, or None), ``passages`` (see :func:`passages`). The passages are
    listed by ``passage_rows`` (sort, pages, download, article view: ``passage_rows.open``); the
    edges by ``edge_rows`` (a sortable, downloadable table of every pair).
    ``cooccurrence`` replaces ``toolkit.cooccurrence`` (same signature) if given.
    """

    def __init__(self, corpus, *, n: int = 25, cooccurrence=None):
        super().__init__()
        self.corpus, self.n = corpus, n
        self._fn = cooccurrence
        self._cache: dict = {}
        self._kinds = dict(zip(corpus.actors["actor_id"], corpus.actors["kind"]))
        ofs = [("actors", "actor")]
        if has_topics(corpus):
            ofs += [("topics", "topic"), ("actors × topics", ("actor", "topic"))]
        self.of = widgets.Dropdown(options=ofs, value="actor", description="Of")
        self.window = widgets.Dropdown(options=list(WINDOWS), value="sentence", description="Window")
        self.kind = widgets.Dropdown(options=[("any kind", ANY), *[(k, k) for k in KINDS]], value=ANY,
                                     description="Actors")
        self.score = widgets.Dropdown(options=list(SCORES), value="count", description="Colour")
        self.heatmap = charts.jupyter_chart(alt.Chart(pd.DataFrame()).mark_rect())
        self.passage_rows = RowsView(self._render_passages, PASSAGE_SORTS, stem="passages", corpus=corpus,
                                     export=lambda r: r.drop(columns=["unit"], errors="ignore"))
        self.passages_view = self.passage_rows.table
        self.edge_rows = RowsView(self._render_edges, EDGE_SORTS, stem="pairs",
                                  export=lambda r: r[[c for c in EDGE_EXPORT if c in r.columns]], page_size=20)
        self.pair = None
        self.passages = pd.DataFrame()
        for w in (self.of, self.window, self.kind, self.score):
            w.observe(lambda _: self.refresh(), names="value")
        self.children = [widgets.HBox([self.of, self.window]), widgets.HBox([self.kind, self.score]), self.heatmap,
                         self.passage_rows, widgets.HTML("<h4>Every pair</h4>"), self.edge_rows]
        self.refresh()

    def _cooccurrence(self, of, window) -> pd.DataFrame:
        key = (of if isinstance(of, str) else tuple(of), window)
        if key not in self._cache:
            fn = self._fn or default_cooccurrence
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
        self._title = ""
        self.passage_rows.set_rows(self.passages)
        self.edge_rows.set_rows(self.edges)

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
        self._title = f"<h4>{esc(names.get(str(a), a))} + {esc(names.get(str(b), b))} ({esc(self.window.value)})</h4>"
        self._highlight = [x for x, sd in zip((a, b), sides) if sd == "actor"]
        self.passage_rows.set_rows(self.passages)

    def _render_passages(self, page: pd.DataFrame, total: int, first: int) -> str:
        if self.pair is None:
            return "<p><i>Click a cell to read the passages where both occur.</i></p>"
        return self._title + passages_html(self.corpus, page, self._highlight, total=total, first=first,
                                           limit=self.passage_rows.page_size)

    def _render_edges(self, page: pd.DataFrame, total: int, first: int) -> str:
        if page.empty:
            return "<p><i>No pairs.</i></p>"
        head = f"<p><b>{total:,}</b> pairs" + (f"; rows {first + 1:,}–{first + len(page):,}" if total > len(page)
                                               else "") + "</p>"
        name = lambda r, side: r.get(f"{side}_name") if isinstance(r.get(f"{side}_name"), str) else r.get(side)
        body = "".join(f"<tr><td>{esc(name(r, 'a'))}</td><td>{esc(name(r, 'b'))}</td><td>{int(r['count']):,}</td>"
                       f"<td>{int(r['n_articles']):,}</td><td>{float(r['npmi']):.2f}</td></tr>"
                       for r in page.to_dict("records"))
        return (head + "<table class='tk-edges' style='font-size:90%'><thead><tr><th>A</th><th>B</th><th>Count</th>"
                "<th>Articles</th><th>NPMI</th></tr></thead><tbody>" + body + "</tbody></table>")
