"""The dashboard: the explorers as tabs, each with a line saying what it is for, and an "about
this data" tab. Only the first tab is built at once (the first paint waits for nothing else);
every other tab is built the first time it is selected."""
from __future__ import annotations

import importlib
import threading
from collections.abc import Callable

import ipywidgets as widgets
import pandas as pd

from ..tables.about import about
from .html import date_text, esc
from .quotes import QuoteExplorer

HELP_STYLE = "color:#444;margin:4px 0 8px 0"
ABOUT = "About this data"


def about_html(corpus) -> str:
    """The "about this data" panel: sources with their articles and dates, the tables' counts,
    the versions, and the known limits of quotes and actors; every corpus string escaped."""
    a = about(corpus)
    s = a["sources"]
    rows = "".join(
        f"<tr><td>{esc(r['source'])}</td><td style='text-align:right'>{int(r['n_articles']):,}</td>"
        f"<td>{date_text(r['first'])}</td><td>{date_text(r['last'])}</td>"
        f"<td style='text-align:right'>{int(r['n_mentions']):,}</td><td style='text-align:right'>"
        f"{int(r['n_quotes']):,}</td></tr>" for r in s.to_dict("records"))
    table = ("<table class='tk-about' style='font-size:90%'><thead><tr><th>Source</th><th>Articles</th>"
             "<th>From</th><th>To</th><th>Mentions</th><th>Quotes</th></tr></thead><tbody>" + rows + "</tbody></table>")
    c = a["counts"]
    overlap = _overlap_note(s)
    versions = [f"toolkit {esc(a['toolkit'])} (analysis code {esc(a['code'])})"]
    if a["analysed_with"]:
        versions.append(f"store analysed with {esc(a['analysed_with'])}")
    if a["model"]:
        versions.append(f"spaCy model {esc(a['model'])}")
    limits = "".join(f"<li><b>{esc(k.capitalize())}.</b> {esc(v)}</li>" for k, v in a["limits"].items())
    return (f"<h3>{ABOUT}</h3><p>{c['articles']:,} articles; {c['mentions']:,} mentions of {c['actors']:,} actors; "
            f"{c['quotes']:,} quotes (statements) of {c['attributions']:,} attributions; {c['topics']:,} topics.</p>"
            + table + overlap + f"<p><small>{'; '.join(versions)}.</small></p>"
            "<h4>How quotes and actors are found, and where not to trust them</h4><ul>" + limits + "</ul>")


def _overlap_note(sources: pd.DataFrame) -> str:
    """Says when no two sources overlap in time (their comparison over time compares nothing)."""
    dated = sources.dropna(subset=["first", "last"])
    if len(dated) < 2:
        return ""
    spans = sorted(zip(dated["first"], dated["last"], dated["source"]))
    overlaps = any(b0 <= a1 for (_, a1, _), (b0, _, _) in zip(spans, spans[1:]))
    if overlaps:
        return ""
    return ("<p style='color:#8a4b00'>⚠ No two sources here cover the same dates: a difference between outlets "
            "over time mixes outlet and period. Compare periods within one source instead.</p>")


def _actors(corpus):
    from .actors import ActorExplorer  # Altair loads with the first tab that draws a chart

    return ActorExplorer(corpus)


def _together(corpus):
    from .cooccurrence import CooccurrenceExplorer

    return CooccurrenceExplorer(corpus)


def _voices(corpus):
    from .voices import VoicesPanel

    return VoicesPanel(corpus)


def _preload() -> None:
    for name in ("altair", "toolkit.charts", "toolkit.widgets.actors", "toolkit.widgets.cooccurrence",
                 "toolkit.widgets.voices"):
        importlib.import_module(name)


def default_tabs() -> dict[str, tuple[str, Callable]]:
    """Tab title -> (help line, builder(corpus) -> widget), in order; the first is built at once."""
    return {
        "Quotes": ("Find quotes: type part of a speaker's name (any case or accent; every actor it names is listed, "
                   "with a warning when the name is ambiguous), filter by kind, source, topic, dates and words; "
                   "sort, page, download the rows, and open any row's article.", QuoteExplorer),
        "Actors": ("One actor at a time: type part of a name, pick the actor; their mentions over time, who is "
                   "mentioned with them (click a bar to move there), their topics and quotes.", _actors),
        "Together": ("Which actors or topics occur together: click a cell of the heatmap to read the passages; "
                     "below, every pair, sortable and downloadable.", _together),
        "Voices": ("Whose voices are heard: the people quoted and those only mentioned, by gender as the text "
                   "refers to them (pronouns, honorifics, first names; not their identity), for one outlet or all.",
                   _voices),
    }


class Dashboard(widgets.VBox):
    """The explorers of ``corpus`` as tabs, each headed by a help line, and an "about this data"
    tab. ``tabs`` (title -> (help line, builder)) replaces :func:`default_tabs`; ``extra`` adds tabs
    after them. Only the first tab is built at once; ``build(title)`` builds another (selecting a
    tab does it), ``built`` holds the tabs built so far (title -> widget). ``offline=True`` calls
    ``tk.charts.use_offline()`` before the first tab with charts is built (so a dashboard whose
    first tab draws none paints before Altair is even imported). ``preload=True`` (default) imports
    Altair and the other explorers in a background thread once the first tab is built, so the
    second tab a user opens does not wait seconds for imports."""

    def __init__(self, corpus, *, tabs: dict | None = None, extra: dict | None = None, offline: bool = False,
                 preload: bool = True):
        super().__init__()
        self.corpus, self.offline = corpus, offline
        self.specs = dict(tabs if tabs is not None else default_tabs())
        self.specs.update(extra or {})
        self.specs[ABOUT] = ("Where the data comes from, the dates each source covers, the versions that "
                             "analysed it, and what the extraction gets wrong.", lambda c: widgets.HTML(about_html(c)))
        self.titles = list(self.specs)
        self.built: dict[str, widgets.Widget] = {}
        self._slots = [widgets.VBox([widgets.HTML(f"<p style='{HELP_STYLE}'>{esc(h)}</p>"),
                                     widgets.HTML("<p><i>Loading…</i></p>")]) for h, _ in self.specs.values()]
        self.tabs = widgets.Tab(children=self._slots, titles=self.titles)
        self.tabs.observe(self._on_tab, names="selected_index")
        self.children = [self.tabs]
        self.build(self.titles[0])
        if preload:
            # after a pause, so the first tab's widgets reach the page before the imports take the CPU
            timer = threading.Timer(1.0, _preload)
            timer.daemon = True  # a script that exits does not wait for it
            timer.start()

    def _on_tab(self, change):
        if change["new"] is not None:
            self.build(self.titles[change["new"]])

    def build(self, title: str) -> widgets.Widget:
        """The widget of tab ``title``, built now if it was not yet."""
        if title not in self.built:
            i = self.titles.index(title)
            if self.offline and self.built:  # not the first tab: charts may follow
                from .. import charts

                charts.use_offline()
            self.built[title] = self.specs[title][1](self.corpus)
            self._slots[i].children = [self._slots[i].children[0], self.built[title]]
        return self.built[title]


__all__ = ["Dashboard", "about_html", "default_tabs", "ABOUT"]
