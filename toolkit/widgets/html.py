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
MARK_HIT = '<mark class="tk-hit" style="background:#ffd54f;font-weight:bold">'
MARK_MENTION = '<span class="tk-mention" style="border-bottom:2px solid #e6a700" title="{}">'
MARK_QUOTE = '<span class="tk-quote" style="background:#e8f1ff" title="{}">'
MARK_PICKED = '<span class="tk-quote tk-picked" style="background:#bcd7ff" title="{}">'
LINK_STYLE = "color:#0645ad;text-decoration:underline"
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
        return f'<a href="{esc(u)}" target="_blank" rel="noopener noreferrer" style="{LINK_STYLE}">{text}</a>'
    return text


def elided(s: str) -> str:
    return s if len(s) <= LONG_QUOTE else s[:LONG_QUOTE * 2 // 3] + " … " + s[-LONG_QUOTE // 4:]


def marked(text: str, lo: int, hi: int, spans: list[tuple[int, int, str]], *, elide: bool = True) -> str:
    """text[lo:hi] escaped, with each (start, end, opening tag) span wrapped in that tag; where
    spans overlap their tags nest, spans earlier in the list innermost. With ``elide``, long runs
    lose their middle. The text is escaped piece by piece before any tag goes around it."""
    cuts = sorted({lo, hi, *(min(max(p, lo), hi) for s, e, _ in spans for p in (s, e))})
    out = []
    for s, e in zip(cuts, cuts[1:]):
        tags = [t for a, b, t in spans if a <= s and e <= b][::-1]  # outermost first
        piece = esc(elided(text[s:e]) if elide else text[s:e])
        out.append("".join(tags) + piece + "".join(f"</{_TAG_NAME.match(t).group(1)}>" for t in tags[::-1]))
    return "".join(out)


def word_spans(text: str, words, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, MARK_HIT) for every case-insensitive occurrence of each of ``words`` in
    text[lo:hi] (a phrase counts as written; overlapping hits merged)."""
    hi = len(text) if hi is None else hi
    found = []
    for w in {str(w).strip() for w in words if str(w).strip()}:
        for m in re.finditer(re.escape(w), text[lo:hi], flags=re.IGNORECASE):
            found.append((lo + m.start(), lo + m.end()))
    merged: list[list[int]] = []
    for a, b in sorted(found):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b, MARK_HIT) for a, b in merged]


def rows_head(total: int, shown: int, first: int, noun: str) -> str:
    """"<b>1,234</b> quotes; rows 51–100" (or just the count when every row is shown)."""
    head = f"<p><b>{total:,}</b> {noun}{'s' if total != 1 else ''}"
    if shown and total > shown:
        head += f"; rows {first + 1:,}–{first + shown:,}"
    return head + "</p>"


def as_list(v) -> list:
    """A list cell (list, array) as a list; anything else (NA) as []."""
    return list(v) if isinstance(v, (list, tuple, np.ndarray)) else []


def as_int(v):
    return None if is_missing(v) else int(v)


def quote_context_html(text: str, row, words=()) -> str:
    """The quote in its sentence: speaker and cue highlighted, the quote in italics, ``words``
    marked; a long stretch is elided. Falls back to the quote text when offsets do not fit the
    article text."""
    start, end = as_int(row["start"]), as_int(row["end"])
    if not isinstance(text, str) or start is None or end is None or end > len(text) or \
            text[start:end] != row["text"]:
        quote = str(row["text"])
        return f"<i>{marked(quote, 0, len(quote), word_spans(quote, words))}</i>" if words else \
            f"<i>{esc(elided(quote))}</i>"
    spans = word_spans(text, words, start, end) if words else []
    for a, b, tag in ((row["speaker_start"], row["speaker_end"], MARK_SPEAKER),
                      (row["cue_start"], row["cue_end"], MARK_CUE)):
        a, b = as_int(a), as_int(b)
        if a is not None and b is not None and 0 <= a < b <= len(text):
            spans.append((a, b, tag))
    spans.append((start, end, '<i class="tk-quote">'))
    lo, hi = min(s for s, _, _ in spans), max(e for _, e, _ in spans)
    if words:  # elide only around the hits: a long quote keeps every marked word
        return marked(text, lo, hi, spans, elide=False)
    if hi - lo > 3 * LONG_QUOTE:  # a far-away speaker: show the quote alone
        lo, hi = start, end
    # the quote's span excludes its quote marks: show the opening one with the closing one
    lo -= 1 if lo > 0 and text[lo - 1] in QUOTE_MARKS else 0
    hi += 1 if hi < len(text) and text[hi] in QUOTE_MARKS and hi == end else 0
    return marked(text, lo, hi, spans)


def quotes_table_html(rows: pd.DataFrame, texts: dict, *, total: int | None = None,
                      limit: int = TABLE_ROWS, first: int = 0, words=()) -> str:
    """An escaped HTML table of the first ``limit`` quote rows (columns of QuoteExplorer.quotes),
    headed by the count of all ``total`` matches (``first``: the position of the first row shown);
    ``words`` are marked in the quotes."""
    total = len(rows) if total is None else total
    shown = rows.head(limit)
    head = rows_head(total, len(shown), first, "quote")
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
            f"<td style='text-align:left'>{quote_context_html(texts.get(r['article_id']), r, words)}</td>"
            "</tr>")
    return (head + "<table class='tk-quotes' style='border-collapse:collapse;font-size:90%'>"
            "<thead><tr><th>Date</th><th>Source</th><th>Title</th><th>Speaker</th><th>Kind</th>"
            "<th style='text-align:left'>Quote</th></tr></thead><tbody>" + "".join(body) + "</tbody></table>")


def passages_html(corpus, rows: pd.DataFrame, highlight: list[str], *, limit: int = TABLE_ROWS,
                  total: int | None = None, first: int = 0) -> str:
    """Escaped HTML list of the first ``limit`` passages, with mentions of the ``highlight`` actors marked."""
    total = len(rows) if total is None else total
    shown = rows.head(limit)
    head = rows_head(total, len(shown), first, "passage")
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
    return head + f"<ol class='tk-passages' start='{first + 1}'>" + "".join(items) + "</ol>"


def article_html(corpus, article_id: str, *, words=(), quote_ids=None) -> str:
    """The whole article, escaped: its mentions underlined (hover: the actor), its quotes shaded
    (hover: the speaker; the quotes of ``quote_ids`` darker), ``words`` marked."""
    arts = corpus.articles
    row = arts[(arts["article_id"] == article_id).fillna(False).to_numpy(dtype=bool)]
    if row.empty:
        return f"<p><i>No article {esc(article_id)} in the corpus.</i></p>"
    r = row.iloc[0]
    text = r["text"] if isinstance(r["text"], str) else ""
    spans = word_spans(text, words) if words else []
    m = corpus.mentions
    m = m[(m["article_id"] == article_id).fillna(False).to_numpy(dtype=bool)]
    for s, e, name, written in zip(m["start"], m["end"], m["name"], m["text"]):
        if 0 <= int(s) < int(e) <= len(text):
            spans.append((int(s), int(e), MARK_MENTION.format(esc(name if not is_missing(name) else written))))
    q = corpus.quotes
    q = q[(q["article_id"] == article_id).fillna(False).to_numpy(dtype=bool)]
    picked = set() if quote_ids is None else set(quote_ids)
    for s, e, qid, speaker, kind in zip(q["start"], q["end"], q["quote_id"], q["speaker"], q["kind"]):
        s, e = as_int(s), as_int(e)
        if s is not None and e is not None and 0 <= s < e <= len(text):
            tip = esc(f"{kind} quote; speaker: {speaker if not is_missing(speaker) else '?'}")
            spans.append((s, e, (MARK_PICKED if qid in picked else MARK_QUOTE).format(tip)))
    meta = " · ".join(x for x in (date_text(r.get("published")), esc(r.get("source")), esc(r.get("author"))) if x)
    legend = (f"<small>{len(m):,} mentions (underlined; hover for the actor) · {len(q):,} quotes (shaded; hover "
              "for the speaker)" + (" · searched words marked" if words else "") + "</small>")
    body = marked(text, 0, len(text), spans, elide=False)
    return (f"<div class='tk-article' style='border:1px solid #ccc;padding:8px;max-height:480px;overflow:auto'>"
            f"<h4>{title_html(r.get('title'), r.get('url'))}</h4><p><small>{meta}</small></p>{legend}"
            f"<div style='white-space:pre-wrap;line-height:1.5'>{body}</div></div>")
