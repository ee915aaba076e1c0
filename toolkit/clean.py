"""Cleaning article text: paragraphs, link blocks, bylines, datelines, dates.

Everything here works on plain strings so that the loaders for every format share it.
Limits: link blocks are recognised by their marker line ("READ MORE", "Also read", "Related", ...)
followed by headline-like lines; a block without a marker is left alone. Outlet pitches, helplines,
disclosures and share prompts are found by their shape (:mod:`toolkit.boilerplate`).
"""
from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd
from dateutil import parser as dateparser

from . import boilerplate

# A marker line that opens a block of links to other stories.
_LINK_MARKER = re.compile(
    r"^\s*(?:read\s+more|also\s+read|read\s+also|related(?:\s+(?:stories|articles|news|content|coverage))?|"
    r"more\s+(?:stories|news)|recommended(?:\s+stories)?|see\s+also|you\s+may\s+also\s+like|"
    r"trending(?:\s+now)?|most\s+read|popular(?:\s+stories)?)\s*[:\-–—]?\s*$",
    re.IGNORECASE,
)
# "ALSO READ: Some headline" on a single line.
_INLINE_LINK = re.compile(r"^\s*(?:also\s+read|read\s+more|read\s+also|related|see\s+also)\s*[:\-–—|]\s*\S", re.I)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$|[\"”’]\s*$")
_NYT_MARKER = re.compile(r"^\s*(?:ABSTRACT|FULL TEXT)\.?\s*$")
_WS = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DATELINE = re.compile(
    r"^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4}\s*$"
)
_DATELINE_PREFIX = re.compile(
    r"^\s*(?P<date>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4})\s+(?=[\"“‘'(]?[A-Z0-9])"
)
_BYLINE = re.compile(r"^\s*By\s+(?P<author>[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3})*)\s*$")
_RELATIVE_DATE = re.compile(r"^(?:now|today|tomorrow|yesterday)$", re.I)
_EPOCH = re.compile(r"^-?\d{9,13}(?:\.\d+)?$")
_PIPE_DATE = re.compile(r"^\s*\|\s*(?P<date>.+?)\s*$")
MAX_LINK_BLOCK = 15
# A category tag glued to the paragraph's last sentence by a scraper ("...to book.Death & Tragedy"):
# capitalised words (and "&", "and", "of") right after the final stop, with no space. The sentence
# must end on a lowercase word or a number, so that "the U.S.Army" or "St.Louis" are not cut.
_GLUED_TAG = re.compile(
    r"^(?P<body>(?:.*\s)?[\"'“‘(\[]?(?:[a-z][\w'’-]*|\d[\d,.%]*)[.!?…][\"'”’)\]]*)"
    r"(?P<tag>[A-Z][\w'’-]*(?:\s+(?:&|and|of|[A-Z][\w'’-]*)){0,4})$")
# Boilerplate found in plain text by its shape alone (no page to ask): see toolkit.boilerplate.
TEXT_BOILERPLATE = ("pitch", "helpline", "disclosure", "prompt")


def normalize_line(line: str) -> str:
    """Collapse runs of spaces, drop control characters, strip the ends."""
    return _WS.sub(" ", _CONTROL.sub("", line)).strip()


def normalize_newlines(raw: str) -> str:
    """Line ends as "\\n" (for CRLF, CR, U+0085, U+2028), a blank line for U+2029, BOMs dropped."""
    return (raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
            .replace("\u2029", "\n\n").replace("\u2028", "\n").replace("\x85", "\n"))


def has_blank_lines(raw: str) -> bool:
    return re.search(r"\n[ \t]*\r?\n", raw) is not None


def split_paragraphs(raw: str) -> list[str]:
    """Paragraphs of a raw text: blank-line separated blocks when the text has blank lines
    (single newlines inside a block join with a space), else one paragraph a line. CR, CRLF, U+0085
    and U+2028 end lines; U+2029 ends a paragraph."""
    raw = normalize_newlines(raw)
    if re.search(r"\n[ \t]*\n", raw):
        blocks = re.split(r"\n[ \t]*\n", raw)
        paras = [normalize_line(" ".join(b.split("\n"))) for b in blocks]
    else:
        paras = [normalize_line(line) for line in raw.split("\n")]
    return [p for p in paras if p]


def is_headline_like(line: str) -> bool:
    """A short line without sentence-final punctuation, as in lists of links to other stories."""
    return not _SENTENCE_END.search(line) and len(line.split()) <= 25


def cut_glued_tag(paragraph: str) -> tuple[str, str | None]:
    """(paragraph, tag): a category tag glued to the last sentence cut off, else (paragraph, None).

    >>> cut_glued_tag("The ferry was full, so they had nowhere else to go.Local News")
    ('The ferry was full, so they had nowhere else to go.', 'Local News')
    >>> cut_glued_tag("He served in the U.S.Army")
    ('He served in the U.S.Army', None)
    """
    m = _GLUED_TAG.match(paragraph)
    if not m or len(m.group("body").split()) < 4:
        return paragraph, None
    return m.group("body"), m.group("tag")


def remove_link_blocks(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Drop link blocks: a marker line ("READ MORE", "Related", ...) and the run of headline-like
    lines after it, up to the first real sentence; and single "ALSO READ: headline" lines. A
    paragraph whose last sentence has a category tag glued to it is a real sentence: it ends the
    block (cut the tag first with :func:`cut_glued_tag`, as :func:`clean_paragraphs` does).

    Returns (kept paragraphs, removed lines).
    """
    kept, removed = [], []
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        if _LINK_MARKER.match(p):
            j = i + 1
            while j < len(paragraphs) and j - i <= MAX_LINK_BLOCK and is_headline_like(paragraphs[j]):
                j += 1
            if j - i > MAX_LINK_BLOCK:  # no sentence ends the run: not a link block after all
                kept.append(p)
                i += 1
                continue
            removed.extend(paragraphs[i:j])
            i = j
            continue
        if _INLINE_LINK.match(p) and is_headline_like(p):
            removed.append(p)
        else:
            kept.append(p)
        i += 1
    return kept, removed


def strip_boilerplate(paragraphs: list[str]) -> list[str]:
    """Remove NYT ``ABSTRACT.`` / ``FULL TEXT.`` marker lines."""
    return [p for p in paragraphs if not _NYT_MARKER.match(p)]


def parse_date(value) -> pd.Timestamp:
    """A timezone-aware UTC timestamp from a date string, number or datetime; NaT when unparseable.

    Naive dates are taken as UTC; numbers (and strings of 9-13 digits) are seconds since 1970, or
    milliseconds when too large for seconds; dates outside 1677-2262 (the datetime64[ns] range) and
    relative words ("now", "today") give NaT. ``parse_date("Feb 07, 2025")`` -> ``Timestamp('2025-02-07 00:00:00+0000', tz='UTC')``.
    """
    if value is None or value is pd.NaT or isinstance(value, (bool, np.bool_)):
        return pd.NaT
    if isinstance(value, (int, float, np.integer, np.floating)):
        return _from_epoch(value)
    if isinstance(value, str):
        s = value.strip()
        if not s or _RELATIVE_DATE.match(s):  # "now", "today": not a publication date
            return pd.NaT
        try:
            ts = pd.Timestamp(dateparser.parse(s, fuzzy=False))
        except (ValueError, OverflowError, TypeError):
            if _EPOCH.match(s):  # "1549238400"; "20190104" and "201901041230" parse as dates above
                return _from_epoch(float(s))
            try:
                ts = pd.Timestamp(s)
            except (ValueError, OverflowError, TypeError):
                return pd.NaT
    else:
        try:
            ts = pd.Timestamp(value)
        except (ValueError, OverflowError, TypeError):
            return pd.NaT
    return _utc_ns(ts)


def _from_epoch(value) -> pd.Timestamp:
    """Seconds since 1970 (milliseconds when the number is too large to be seconds), as in scraper
    exports; NaN and values out of range give NaT."""
    try:
        v = float(value)
    except (ValueError, OverflowError, TypeError):
        return pd.NaT
    if v != v or abs(v) == float("inf"):
        return pd.NaT
    unit = "ms" if abs(v) >= 1e11 else "s"
    try:
        return _utc_ns(pd.Timestamp(v, unit=unit, tz="UTC"))
    except (ValueError, OverflowError, TypeError):
        return pd.NaT


def _utc_ns(ts) -> pd.Timestamp:
    """``ts`` in UTC, or NaT when it is NaT or outside the datetime64[ns] range (1677-2262)."""
    if ts is pd.NaT or not isinstance(ts, pd.Timestamp):
        return pd.NaT
    try:
        ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
        return ts.as_unit("ns")
    except (ValueError, OverflowError, TypeError):  # OutOfBoundsDatetime is a ValueError
        return pd.NaT


def take_dateline(paragraphs: list[str]) -> tuple[pd.Timestamp, list[str]]:
    """A Wikinews-style dateline ("Friday, January 4, 2019") as the first paragraph: its date and
    the paragraphs without it; (NaT, paragraphs) when there is none. A dateline with its weekday
    that opens the first paragraph (the dateline line was followed by a single newline, so the
    paragraph split joined it to the first sentence) is taken off that paragraph."""
    if not paragraphs:
        return pd.NaT, paragraphs
    if _DATELINE.match(paragraphs[0]):
        return parse_date(paragraphs[0]), paragraphs[1:]
    m = _DATELINE_PREFIX.match(paragraphs[0])
    if m:
        date = parse_date(m.group("date"))
        if date is not pd.NaT:
            return date, [paragraphs[0][m.end():]] + paragraphs[1:]
    return pd.NaT, paragraphs


def parse_scraped_header(lines: list[str]) -> dict | None:
    """Parse the scraped layout: title, section line(s), ``By``, author line(s), ``| Feb 07, 2025``.

    ``lines`` are the file's non-empty lines. Returns title, section, author, published and the
    remaining body lines, or None when the file does not have this header.
    """
    head = lines[:12]
    by = next((i for i, l in enumerate(head) if l.strip().lower() == "by"), None)
    if by is None or by < 1:
        return None
    bar = next((i for i in range(by + 1, len(head)) if _PIPE_DATE.match(head[i])), None)
    if bar is None:
        return None
    published = parse_date(_PIPE_DATE.match(head[bar]).group("date"))
    if published is pd.NaT:
        return None
    authors = [a.strip() for a in head[by + 1 : bar] if a.strip()]
    return {
        "title": lines[0].strip(),
        "section": "; ".join(s.strip() for s in lines[1:by] if s.strip()) or None,
        "author": "; ".join(authors) or None,
        "published": published,
        "body": lines[bar + 1 :],
    }


def take_byline(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """A leading "By Jane Doe" paragraph: the author(s) joined by "; " and the rest."""
    if paragraphs:
        m = _BYLINE.match(paragraphs[0])
        if m:
            names = re.split(r"\s*(?:,|\band\b|&)\s*", m.group("author"))
            return "; ".join(n for n in names if n), paragraphs[1:]
    return None, paragraphs


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """Boilerplate and link blocks removed from a list of paragraphs: category tags glued to a
    last sentence cut, link blocks dropped, then outlet pitches, newsletter lines, helplines, ad
    and affiliate notices and share prompts found by their shape (``TEXT_BOILERPLATE``)."""
    untagged = [cut_glued_tag(p)[0] for p in strip_boilerplate(paragraphs)]
    kept, _ = remove_link_blocks(untagged)
    kept, _ = boilerplate.remove_boilerplate(kept, kinds=TEXT_BOILERPLATE)
    return kept


def clean_text(text: str) -> str:
    """Clean a body text: paragraphs joined by "\\n\\n", link blocks, NYT markers, glued
    category tags and outlet pitches removed (see :func:`clean_paragraphs`).

    >>> clean_text("A sentence.\\nREAD MORE\\nSome headline\\nAnother headline\\nNext sentence.")
    'A sentence.\\n\\nNext sentence.'
    """
    return "\n\n".join(clean_paragraphs(split_paragraphs(text)))


def normalized_key(text: str) -> str:
    """Text reduced for duplicate detection: NFKC, casefolded, letters and digits only."""
    t = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\W_]+", "", t)


def count_words(text: str) -> int:
    return len(re.findall(r"\w+(?:['’\-]\w+)*", text))
