"""Rows an explorer lists, made workable: sorted by a choice of keys, paged (every row
reachable), downloadable (CSV and Excel, formula-safe: :func:`toolkit.exports.to_csv` and
:func:`toolkit.exports.to_excel`), and each row's article readable whole (:func:`html.article_html`).

ipywidgets has no download control: the "Download" button writes ``data:`` URI links
(``<a download>``) into an HTML widget; the links are dropped whenever the rows change, so a file
never holds rows other than the ones in view."""
from __future__ import annotations

import base64
import io
import math
from collections.abc import Callable

import ipywidgets as widgets
import pandas as pd

from ..exports import to_csv, to_excel
from .html import TABLE_ROWS, article_html, date_text, esc

LINK_STYLE = "color:#0645ad;text-decoration:underline"
ARTICLE_OPTIONS = 200  # articles offered by the "open" dropdown: those of the rows on the page
NO_ARTICLE = ""  # the "open" dropdown's value when no article is open (None would show a blank label)


def sort_frame(frame: pd.DataFrame, keys) -> pd.DataFrame:
    """``frame`` sorted by ``keys`` ((column, ascending) pairs), missing values last, stable."""
    keys = [(c, a) for c, a in keys if c in frame.columns]
    if not keys or frame.empty:
        return frame
    return frame.sort_values([c for c, _ in keys], ascending=[a for _, a in keys], na_position="last",
                             kind="stable", key=lambda s: s.str.casefold() if s.dtype == "string" else s)


def data_uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def download_links(frame: pd.DataFrame, stem: str) -> str:
    """HTML with two links that save ``frame`` as ``stem``.csv and ``stem``.xlsx (formula-safe)."""
    text = io.StringIO()
    to_csv(frame, text)
    binary = io.BytesIO()
    to_excel(frame, binary)
    n = len(frame)
    csv_uri = data_uri(text.getvalue().encode("utf-8"), "text/csv;charset=utf-8")
    xlsx_uri = data_uri(binary.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return (f"<span>{n:,} row{'s' if n != 1 else ''}: "
            f'<a class="tk-download-csv" download="{esc(stem)}.csv" href="{csv_uri}" style="{LINK_STYLE}">'
            f"{esc(stem)}.csv</a> · "
            f'<a class="tk-download-xlsx" download="{esc(stem)}.xlsx" href="{xlsx_uri}" style="{LINK_STYLE}">'
            f"{esc(stem)}.xlsx</a></span>")


class RowsView(widgets.VBox):
    """A paged, sorted listing of a frame's rows with a download and an article view.

    ``render(rows, total, first)`` returns the HTML of the rows of one page (``first``: the
    position of its first row); ``sorts`` maps a label to (column, ascending) keys; ``export``
    turns the rows in view into the frame downloaded; ``corpus`` (with articles and mentions)
    enables the article view of the rows' ``article_id``; ``words()`` returns the words to mark
    in it.

    Controls (set ``.value``): ``sort`` (a label of ``sorts``), ``page`` (0-based), ``open`` (an
    article_id of the page's rows, or "" for none). Frames: ``rows`` (every row, sorted), ``page_rows``.
    ``prepare`` (a button) fills ``download`` with the links of ``rows``.
    """

    def __init__(self, render: Callable, sorts: dict, *, export: Callable | None = None, stem: str = "rows",
                 corpus=None, words: Callable | None = None, quote_ids: Callable | None = None,
                 page_size: int = TABLE_ROWS):
        super().__init__()
        self._render, self._sorts, self._export, self.stem = render, dict(sorts), export, stem
        self.corpus, self._words, self._quote_ids, self.page_size = corpus, words, quote_ids, page_size
        self._all = pd.DataFrame()
        self.rows = self._all
        self.sort = widgets.Dropdown(options=list(self._sorts), description="Sort by")
        self.page = widgets.Dropdown(options=[("1", 0)], value=0, description="Page",
                                     layout=widgets.Layout(width="200px"))
        self.previous = widgets.Button(description="◀", tooltip="previous page", layout=widgets.Layout(width="40px"))
        self.next = widgets.Button(description="▶", tooltip="next page", layout=widgets.Layout(width="40px"))
        self.prepare = widgets.Button(description="Download rows", icon="download",
                                      tooltip="make CSV and Excel files of every row in view")
        self.download = widgets.HTML()
        self.open = widgets.Dropdown(options=[("read an article…", NO_ARTICLE)], value=NO_ARTICLE, description="Open",
                                     layout=widgets.Layout(width="420px"), disabled=corpus is None)
        self.table = widgets.HTML()
        self.article = widgets.HTML()
        self._syncing = False
        self.sort.observe(lambda _: self._resort(), names="value")
        self.page.observe(lambda _: None if self._syncing else self._draw(), names="value")
        self.previous.on_click(lambda _: self.turn(-1))
        self.next.on_click(lambda _: self.turn(1))
        self.prepare.on_click(lambda _: self.make_download())
        self.open.observe(lambda _: self._draw_article(), names="value")
        bar = [self.sort, self.previous, self.page, self.next, self.prepare, self.download]
        self.bar = widgets.HBox(bar, layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
        self.children = [self.bar, self.table, self.open, self.article]

    # data
    def set_rows(self, frame: pd.DataFrame):
        """Show ``frame``'s rows: sorted by the current choice, from the first page."""
        self._all = frame
        self._resort()

    def _resort(self):
        self.rows = sort_frame(self._all, self._sorts.get(self.sort.value, [])).reset_index(drop=True)
        n_pages = max(1, math.ceil(len(self.rows) / self.page_size))
        self._syncing = True
        try:
            self.page.options = [(f"{i + 1} of {n_pages}", i) for i in range(n_pages)]
            self.page.value = 0
        finally:
            self._syncing = False
        self.download.value = ""
        self._draw()

    @property
    def n_pages(self) -> int:
        return len(self.page.options)

    @property
    def page_rows(self) -> pd.DataFrame:
        lo = self.page.value * self.page_size
        return self.rows.iloc[lo: lo + self.page_size]

    def turn(self, step: int):
        """Move ``step`` pages (stops at the first and last)."""
        self.page.value = min(max(self.page.value + step, 0), self.n_pages - 1)

    # views
    def _draw(self):
        lo = self.page.value * self.page_size
        self.previous.disabled = self.page.value == 0
        self.next.disabled = self.page.value >= self.n_pages - 1
        self.table.value = self._render(self.page_rows, len(self.rows), lo)
        empty = self.rows.empty  # nothing to sort, page, download or open: the controls step aside
        self.bar.layout.display = "none" if empty else None
        self.open.layout.display = "none" if empty or self.corpus is None else None
        self._offer_articles()

    def _offer_articles(self):
        if self.corpus is None or "article_id" not in self.rows.columns:
            return
        page = self.page_rows
        seen = dict.fromkeys(page["article_id"].dropna().astype(str).tolist()[:ARTICLE_OPTIONS])
        titles = dict(zip(page["article_id"].astype(str), page["title"])) if "title" in page.columns else {}
        dates = dict(zip(page["article_id"].astype(str), page["published"])) if "published" in page.columns else {}
        keep = self.open.value if self.open.value in seen else NO_ARTICLE
        self.open.options = [("read an article…", NO_ARTICLE)] + [
            (f"{date_text(dates.get(a))} · {_title(titles.get(a), a)[:80]}", a) for a in seen]
        self.open.value = keep
        if keep == NO_ARTICLE:
            self.article.value = ""

    def _draw_article(self):
        aid = self.open.value
        if not aid or self.corpus is None:
            self.article.value = ""
            return
        words = self._words() if self._words else []
        quotes = self._quote_ids() if self._quote_ids else None
        self.article.value = article_html(self.corpus, aid, words=words, quote_ids=quotes)

    def make_download(self) -> str:
        """Fill ``download`` with the CSV and Excel links of every row in view; returns the HTML."""
        frame = self._export(self.rows) if self._export else self.rows
        self.download.value = download_links(frame, self.stem)
        return self.download.value


def _title(title, article_id: str) -> str:
    """An article's title for a menu; its id when it has none (a missing title is NA, not falsy)."""
    return article_id if title is None or pd.isna(title) or not str(title).strip() else str(title)


__all__ = ["RowsView", "sort_frame", "download_links", "data_uri", "LINK_STYLE"]
