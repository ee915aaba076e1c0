"""The whose-voices panel: sources by gender for one outlet or all, and the people behind them."""
from __future__ import annotations

import altair as alt
import ipywidgets as widgets
import pandas as pd

from ..charts import bar_sources, jupyter_chart
from ..tables import person_articles, sources
from .html import esc
from .rows import download_links

ALL = ""  # the "all outlets" value of the outlet dropdown
PEOPLE_ROWS = 10  # people listed per gender


class VoicesPanel(widgets.VBox):
    """Sources by gender: pick an outlet (``source.value``, "" for all); see the people quoted and
    only mentioned by gender (a chart), and the most quoted people of each gender with the evidence
    for their gender (a table). ``frame`` is the :func:`toolkit.sources` frame shown, ``people``
    the people listed. Gender is how the text refers to someone (see
    :mod:`toolkit.actors.gender`)."""

    def __init__(self, corpus, *, rows: int = PEOPLE_ROWS):
        super().__init__()
        self.rows = rows
        self._pa = person_articles(corpus)
        arts = corpus.articles[["article_id", "source"]].astype({"article_id": str})
        self._pa = self._pa.merge(arts, on="article_id", how="left")
        ev = corpus.actors[["actor_id", "gender_evidence"]] if "gender_evidence" in corpus.actors else \
            pd.DataFrame({"actor_id": [], "gender_evidence": []})
        self._evidence = dict(zip(ev["actor_id"].astype(str), ev["gender_evidence"]))
        self._by_source = sources(corpus, by=("source", "gender"))
        self._all = sources(corpus, by=("gender",))
        outlets = sorted(self._by_source["source"].dropna().astype(str).unique())
        self.source = widgets.Dropdown(options=[("all outlets", ALL), *[(s, s) for s in outlets]], value=ALL,
                                       description="Outlet")
        self.chart = jupyter_chart(self._chart())
        self.table = widgets.HTML()
        self.prepare = widgets.Button(description="Download rows", icon="download",
                                      tooltip="make CSV and Excel files of the counts and of every person quoted")
        self.download = widgets.HTML()
        self.prepare.on_click(lambda _: self.make_download())
        self.source.observe(self._on_change, names="value")
        self.children = [widgets.HBox([self.source, self.prepare, self.download]), self.chart, self.table]
        self.refresh()

    @property
    def frame(self) -> pd.DataFrame:
        if self.source.value == ALL:
            return self._all
        f = self._by_source[self._by_source["source"] == self.source.value]
        return f.drop(columns="source").reset_index(drop=True)

    def _chart(self) -> alt.Chart:
        return bar_sources(self.frame)

    @property
    def people(self) -> pd.DataFrame:
        """name, gender, gender_evidence, n_articles, n_quoted_articles: the most quoted people of
        each gender in the outlet picked (``rows`` per gender)."""
        pa = self._pa if self.source.value == ALL else self._pa[self._pa["source"] == self.source.value]
        g = pa.groupby(["actor_id", "name", "gender"], dropna=False).agg(
            n_articles=("article_id", "nunique"), n_quoted_articles=("quoted", "sum")).reset_index()
        g = g[g["n_quoted_articles"] > 0]
        g["gender_evidence"] = g["actor_id"].astype(str).map(self._evidence)
        g = g.sort_values(["gender", "n_quoted_articles", "n_articles", "name"],
                          ascending=[True, False, False, True], kind="stable")
        if self.rows is not None:
            g = g.groupby("gender", sort=True).head(self.rows)
        return g[["name", "gender", "gender_evidence", "n_articles", "n_quoted_articles"]].reset_index(drop=True)

    def quoted_people(self) -> pd.DataFrame:
        """Every person quoted in the outlet picked (not only the first ``rows`` per gender): the
        columns of :attr:`people`."""
        rows, self.rows = self.rows, None
        try:
            return self.people
        finally:
            self.rows = rows

    def make_download(self) -> None:
        """Fill ``download`` with CSV and Excel links (formula-safe) of :attr:`frame` (the counts)
        and of :meth:`quoted_people`."""
        stem = "voices" if self.source.value == ALL else "voices-" + "".join(
            ch if ch.isalnum() else "-" for ch in self.source.value.lower())
        self.download.value = (f"counts {download_links(self.frame, stem + '-counts')} · "
                               f"people {download_links(self.quoted_people(), stem + '-people')}")

    def _on_change(self, _change=None):
        self.download.value = ""  # the links were of the previous outlet
        self.refresh()

    def refresh(self):
        self.chart.chart = self._chart()
        people = self.people
        head = "<tr><th>name</th><th>gender</th><th>evidence</th><th>quoted in</th></tr>"
        body = "".join(f"<tr><td>{esc(r.name)}</td><td>{esc(r.gender)}</td><td>{esc(r.gender_evidence)}</td>"
                       f"<td>{int(r.n_quoted_articles)} of {int(r.n_articles)} articles</td></tr>"
                       for r in people.itertuples(index=False))
        note = ("<p><i>Gender as the text refers to each person (pronouns, honorifics, role words, first "
                "names): not their identity. Name lists know some cultures far better than others.</i></p>")
        self.table.value = f"{note}<table>{head}{body}</table>"
