"""HTML pages: the article and its metadata through trafilatura. A Factiva HTML export (articles
ending with "Document <id>") is read as its articles instead (see :mod:`toolkit.load.exports`)."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from .. import boilerplate, clean
from . import extractors
from .decode import read_text
from .paths import Input
from .records import add
from .run import Run
from .text import add_text

_FACTIVA_MARK = re.compile(r">\s*(?:AN\s+)?Document\s+[A-Za-z0-9]{16,}\s*<")
_BLOCK_TAGS = ("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "table",
               "section", "article", "header", "footer", "blockquote", "pre")


def read_html(inp: Input, run: Run, source):
    raw = read_text(inp, run)
    if raw is None:
        run.n_inputs += 1
        return
    if _FACTIVA_MARK.search(raw):
        text = _html_lines(raw)
        if text is not None:
            add_text(text, inp, run, source, kind="HTML export")
            return
    run.n_inputs += 1
    try:
        doc, others = extractors.extract(raw)
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken pages
        run.skip(inp.name, f"HTML could not be parsed: {type(exc).__name__}: {exc}")
        return
    if doc is None or not (doc.text or "").strip():
        run.skip(inp.name, "no article text found in the HTML page (trafilatura extracted nothing)")
        return
    body = clean.split_paragraphs(re.sub(r"\n\s*\n", "\n", doc.text))  # trafilatura: one paragraph a line
    if body and doc.title and body[0].strip() == doc.title.strip():
        body = body[1:]
    # trafilatura lets pitches, captions, link lists and the like through: a pass by their shape
    section = boilerplate.page_section(raw, title=doc.title, site=doc.sitename)
    title = boilerplate.clean_title(doc.title, site=doc.sitename, url=doc.url, section=section)
    # ... and blocks outside the article where trafilatura's precision mode and readability agree on it
    kept, removed = boilerplate.remove_boilerplate(body, html=raw, title=title, author=doc.author, others=others)
    teaser = boilerplate.find_teaser(kept or body, html=raw, removed=removed)
    if teaser:
        run.note(inp.name, f"teaser: {teaser}; loaded with flags=['teaser']")
    author = boilerplate.clean_byline(doc.author, site=doc.sitename, url=doc.url)
    if author is None:  # metadata naming nobody or a placeholder ("Username"): the page's byline markup
        author = boilerplate.page_byline(raw, site=doc.sitename, url=doc.url)
    rec = {"path": inp.name, "source": doc.sitename or source, "title": title, "section": section,
           "author": author,
           "published": doc.date, "url": doc.url, "flags": ["teaser"] if teaser else []}
    # a page that is all boilerplate keeps its text, flagged; it waits for the site's other pages
    if run.held is None:
        run.held = []
    run.held.append((_site_of(doc), rec, kept or body, {"path": inp.name}))


def _site_of(doc) -> str | None:
    """The site a page belongs to: the host of its URL (without "www."), else its site name."""
    if doc.url:
        host = (urlsplit(doc.url if "//" in doc.url else "//" + doc.url).hostname or "").lower()
        host = host.removeprefix("www.")
        if host:
            return host
    return (doc.sitename or "").strip().casefold() or None


def release(run: Run) -> None:
    """Add the articles that waited for the end of the call (``run.held``), in input order, the
    web pages without the paragraphs their site repeats (:func:`toolkit.boilerplate.site_repeats`)."""
    held, run.held = run.held, None
    if not held:
        return
    by_site: dict = {}
    for n, (site, _, body, _) in enumerate(held):
        if site is not None:
            by_site.setdefault(site, []).append(n)
    drop: dict[int, set] = {}
    for pages in by_site.values():
        if len(pages) >= 2:
            for n, keys in zip(pages, boilerplate.site_repeats([held[n][2] for n in pages])):
                drop[n] = keys
    for n, (site, rec, body, kw) in enumerate(held):
        if drop.get(n):
            kept = [p for p in body if boilerplate.text_key(p) not in drop[n]]
            if kept:
                removed = len(body) - len(kept)
                run.note(kw["path"], f"{removed} paragraph{'s' * (removed > 1)} that other pages of {site} "
                         "repeat removed (site boilerplate)")
                body = kept
        add(run, rec, body, **kw)


def _html_lines(raw: str) -> str | None:
    """The text of an HTML export, one line per block element, blocks apart by blank lines (lxml)."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(raw)
    except Exception:  # lxml's ParserError on documents it cannot read: trafilatura then tries
        return None
    for bad in root.xpath("//script|//style|//noscript|//head"):
        bad.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n\n" + (el.tail or "")
    return root.text_content()
