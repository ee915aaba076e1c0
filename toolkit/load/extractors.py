"""Several extractions of one web page: trafilatura's default (the text and metadata the loader
keeps) and two more that fail differently, as voters for :func:`toolkit.boilerplate.find_boilerplate`.

- ``precision``: trafilatura with ``favor_precision=True``: it prunes more of the page (boxes,
  link lists, widgets) and sometimes the article's own tail or all of it.
- ``readability``: readability-lxml, the port of Arc90's Readability: it scores the page's blocks
  by their text and links and keeps the best one with its siblings; it sometimes picks a wrong
  block, or none.

Where the two agree on the article, a block the default run took in but neither holds, standing
before the first or after the last paragraph they hold, is not the article (a river of other
stories, a footer, a sidebar); see :func:`toolkit.boilerplate.find_boilerplate` (``others=``).
The page is parsed once for trafilatura's two runs; a voter that fails gives no vote.
"""
from __future__ import annotations

import logging

VOTERS = ("precision", "readability")


def extract(raw: str):
    """(trafilatura's default Document or None, {voter: text}) for the page ``raw``.

    The default run is ``trafilatura.bare_extraction(raw, with_metadata=True,
    include_comments=False)``; it raises what trafilatura raises. A voter that raises or finds
    nothing is left out of the dict.
    """
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(raw)
    source = tree if tree is not None else raw  # bare_extraction copies a tree it is given
    doc = trafilatura.bare_extraction(source, with_metadata=True, include_comments=False)
    others = {}
    if doc is None or not (doc.text or "").strip():
        return doc, others
    try:
        precise = trafilatura.bare_extraction(source, include_comments=False, favor_precision=True)
    except Exception:  # noqa: BLE001 - a voter that fails has no say
        precise = None
    if precise is not None and (precise.text or "").strip():
        others["precision"] = precise.text
    text = readability_text(raw)
    if text:
        others["readability"] = text
    return doc, others


def readability_text(raw: str) -> str | None:
    """The text of the block readability-lxml takes for the article, or None when it fails."""
    import lxml.html

    try:
        from readability import Document
    except ImportError:  # an install without it: the other voters still count
        return None
    logger = logging.getLogger("readability.readability")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # it logs every page it finds hard at WARNING
    try:
        summary = Document(raw).summary(html_partial=True)
        return lxml.html.fragment_fromstring(summary, create_parent="div").text_content() if summary else None
    except Exception:  # noqa: BLE001 - readability raises a variety of parser errors on broken pages
        return None
    finally:
        logger.setLevel(level)
