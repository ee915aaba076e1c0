"""Explorers: thin ipywidgets layers over :mod:`toolkit.charts` and :mod:`toolkit.tables`, with
linked views.

- :class:`ActorExplorer`: pick an actor; see their timeline, co-mentioned actors (click one to
  move there), topics and quotes.
- :class:`QuoteExplorer`: filter quotes by speaker, kind, source, topic, dates and text; export CSV.
- :class:`CooccurrenceExplorer`: a co-occurrence heatmap; click a cell to read the passages.
- :class:`AttentionExplorer`: type a query; see each outlet's share of matching articles per
  period, and the matching sentences.
- :class:`VoicesPanel`: sources by gender for one outlet or all, and the people quoted.
- :class:`Dashboard`: the explorers as tabs with a help line each and an "about this data" tab;
  the first tab is built at once, the others when first selected.

Every listing is a :class:`RowsView`: sort, pages (every row reachable), a download of the rows
in view (CSV and Excel, formula-safe) and the whole article of any row (mentions and quotes
marked). Name searches are partial, case- and accent-folded and alias-aware, and say when a
name is ambiguous (:mod:`toolkit.tables.names`).

Each explorer is an ``ipywidgets.VBox`` and exposes its current frames as attributes. Views are
``widgets.HTML`` and ``alt.JupyterChart`` updated from ``.observe`` callbacks (no ``Output``
widgets: their captured output breaks strict nbval). Corpus text is data: every string shown as
HTML goes through :func:`html.escape`, and only http(s) URLs become links. Call
``tk.charts.use_offline()`` first where there is no network.
"""
from __future__ import annotations

import importlib

from ..exports import neutralize_csv
from ..tables import passages
from .dashboard import Dashboard, about_html
from .html import TABLE_ROWS, article_html, esc, passages_html, quote_context_html, quotes_table_html
from .quotes import EXPORT_COLUMNS, QuoteExplorer
from .rows import RowsView, download_links

__all__ = ["ActorExplorer", "QuoteExplorer", "CooccurrenceExplorer", "AttentionExplorer", "VoicesPanel", "Dashboard",
           "RowsView", "about_html", "article_html", "download_links", "quotes_table_html", "quote_context_html",
           "passages", "passages_html", "neutralize_csv", "esc", "TABLE_ROWS", "EXPORT_COLUMNS"]

# the explorers that draw charts load Altair: imported on first use, so the quote explorer and the
# dashboard's first tab paint without it
_CHARTED = {"ActorExplorer": ".actors", "AttentionExplorer": ".attention", "CooccurrenceExplorer": ".cooccurrence",
            "VoicesPanel": ".voices"}


def __getattr__(name):
    if name in _CHARTED:
        value = getattr(importlib.import_module(_CHARTED[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'toolkit.widgets' has no attribute {name!r}")
