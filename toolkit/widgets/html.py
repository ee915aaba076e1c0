"""HTML views of table rows for the explorers. Corpus text is data: every string shown goes
through :func:`html.escape`, and only http(s) URLs become links."""
from __future__ import annotations

import html
import math
import re

import numpy as np
import pandas as pd

from ..tables import article_texts

TABLE_ROWS = 50  # rows rendered in HTML tables; the count above the table covers every match
MARK_SPEAKER = '<mark style="background:#ffe08a" title="speaker">'
MARK_CUE = '<mark style="background:#cfe5ff" title="cue">'
MARK_ACTOR = '<mark style="background:#ffe08a">'
LONG_QUOTE = 600  # characters of a quote shown before eliding its middle
QUOTE_MARKS = "\"'“”‘’«»„"
_TAG_NAME = re.compile(r"<(\w+)")


def is_missing(v) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))


def esc(v) -> str:
    """Escaped text of any cell (NA -> empty)."""
    return "" if is_missing(v) else html.escape(str(v), quote=True)


def date_text(v) -> str:
    return "" if is_missing(v) else pd.Timestamp(v).strftime("%Y-%m-%d")


def title_html(title, url) -> str:
    """The title, linked only when the URL is http(s): a ``javascript:`` URL stays text."""
    text = esc(title) or "(untitled)"
    u = "" if is_missing(url) else str(url).strip()
    if u.lower().startswith(("http://", "https://")):
        return f'<a href="{esc(u)}" target="_blank" rel="noopener noreferrer">{text}</a>'
    return text


def elided(s: str) -> str:
    return s if len(s) <= LONG_QUOTE else s[:LONG_QUOTE * 2 // 3] + " … " + s[-LONG_QUOTE // 4:]


def marked(text: str, lo: int, hi: int, spans: list[tuple[int, int, str]], *, elide: bool = True) -> str:
    """text[lo:hi] escaped, with each (start, end, opening tag) span wrapped in that tag; spans
    earlier in the list win where they overlap. With ``elide``, long runs lose their middle."""
    cuts = sorted({lo, hi, *(min(max(p, lo), hi) for s, e, _ in spans for p in (s, e))})
    out = []
    for s, e in zip(cuts, cuts[1:]):
        tag = next((t for a, b, t in spans if a <= s and e <= b), None)
        piece = esc(elided(text[s:e]) if elide else text[s:e])
        out.append(f"{tag}{piece}</{_TAG_NAME.match(tag).group(1)}>" if tag else piece)
    return "".join(out)


def as_list(v) -> list:
    """A list cell (list, array) as a list; anything else (NA) as []."""
    return list(v) if isinstance(v, (list, tuple, np.ndarray)) else []


def as_int(v):
    return None if is_missing(v) else int(v)


def quote_context_html(text: str, row) -> str:
    """The quote in its sentence: speaker and cue highlighted, the quote in italics; a long
    stretch is elided. Falls back to the quote text when offsets do not fit the article text."""
    start, end = as_int(row["start"]), as_int(row["end"])
    if not isinstance(text, str) or start is None or end is None or end > len(text) or \
            text[start:end] != row["text"]:
        return f"<i>{esc(elided(str(row['text'])))}</i>"
    spans = []
    for a, b, tag in ((row["speaker_start"], row["speaker_end"], MARK_SPEAKER),
                      (row["cue_start"], row["cue_end"], MARK_CUE)):
        a, b = as_int(a), as_int(b)
        if a is not None and b is not None and 0 <= a < b <= len(text):
            spans.append((a, b, tag))
    spans.append((start, end, '<i class="tk-quote">'))
    lo, hi = min(s for s, _, _ in spans), max(e for _, e, _ in spans)
    if hi - lo > 3 * LONG_QUOTE:  # a far-away speaker: show the quote alone
        lo, hi = start, end
    # the quote's span excludes its quote marks: show the opening one with the closing one
    lo -= 1 if lo > 0 and text[lo - 1] in QUOTE_MARKS else 0
    hi += 1 if hi < len(text) and text[hi] in QUOTE_MARKS and hi == end else 0
    return marked(text, lo, hi, spans)


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
            f"<td style='white-space:nowrap'>{date_text(r.get('published'))}</td>"
            f"<td>{esc(r.get('source'))}</td>"
            f"<td>{title_html(r.get('title'), r.get('url'))}</td>"
            f"<td>{esc(r.get('speaker'))}</td>"
            f"<td>{esc(r.get('kind'))}</td>"
            f"<td style='text-align:left'>{quote_context_html(texts.get(r['article_id']), r)}</td>"
            "</tr>")
    return (head + "<table class='tk-quotes' style='border-collapse:collapse;font-size:90%'>"
            "<thead><tr><th>Date</th><th>Source</th><th>Title</th><th>Speaker</th><th>Kind</th>"
            "<th style='text-align:left'>Quote</th></tr></thead><tbody>" + "".join(body) + "</tbody></table>")


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
    texts = article_texts(corpus)
    items = []
    for r in shown.to_dict("records"):
        text = texts.get(r["article_id"]) or ""
        lo, hi = int(r["start"]), int(r["end"])
        spans = [(s, e, MARK_ACTOR) for s, e in by_article.get(r["article_id"], []) if lo <= s and e <= hi]
        items.append(f"<li><small>{date_text(r['published'])} · {esc(r['source'])} · "
                     f"{title_html(r['title'], r['url'])}</small><br>{marked(text, lo, hi, spans, elide=False)}</li>")
    return head + "<ol class='tk-passages'>" + "".join(items) + "</ol>"
