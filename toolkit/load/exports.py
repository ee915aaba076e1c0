"""Database exports that hold many articles in one document: Nexis Uni / LexisNexis and Factiva.

The text of the file (from a .txt, or extracted from .docx, .rtf, .pdf or .html) is split into its
documents and each document's header is read:

- LexisNexis "N of M DOCUMENTS" layout (classic text export): outlet, date line, edition, title,
  then ``BYLINE:``, ``SECTION:``, ``LENGTH:`` ... fields, the body, and trailer fields
  (``LOAD-DATE:``, ``LANGUAGE:``, ``PUBLICATION-TYPE:``, ``URL:`` ...).
- Nexis Uni layout (``End of Document`` after each): title, outlet, date line, ``Copyright``,
  ``Section:``, ``Length:``, ``Byline:`` ..., ``Body``, the body, then ``Classification``,
  ``Language:``, ``Load-Date:`` ...
- Factiva: each article ends with ``Document <id>``; either with field codes (``HD``, ``BY``,
  ``WC``, ``PD``, ``SN``, ``LA``, ``LP``, ``TD``, ``AN``) or without (title, byline, "512 words",
  date, source, ..., copyright line, body).

Trailers are never part of the text. Limits: the layouts are recognised by those markers; a title
wrapped over two lines of a PDF keeps its first line only; a cover page before the first
document is dropped.
"""
from __future__ import annotations

import re

from .. import clean

_NEXIS_COUNT = re.compile(r"^\s*\d+\s+of\s+\d+\s+DOCUMENTS?\s*$", re.I)
_NEXIS_END = re.compile(r"^\s*End of Document\s*$", re.I)
_FACTIVA_END = re.compile(r"^\s*(?:AN\s+)?Document\s+[A-Za-z0-9]{16,}\s*$")
_FIELD = re.compile(r"^\s*([A-Za-z][A-Za-z\-]*(?: [A-Za-z][A-Za-z\-]*)?)\s*:\s*(.*?)\s*$")
_HEADER_FIELDS = {"byline", "section", "length", "dateline", "highlight", "edition", "author", "column"}
_TRAILER_FIELDS = {"load-date", "load date", "language", "publication-type", "publication type", "journal-code",
                   "url", "graphic", "subject", "organization", "person", "geographic", "industry", "city",
                   "state", "country", "ticker", "correction-date", "correction", "document-type", "notes",
                   "company", "distribution", "type", "terms", "geographic location"}
_TRAILER_LINES = {"classification", "graphic", "notes", "end of document"}
_COPYRIGHT = re.compile(r"^\s*(?:copyright\b|©|\(c\)\s*\d{4})", re.I)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_LINE = re.compile(rf"^\s*(?:[A-Z][a-z]+day,?\s+)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\b", re.I)
_WORDS = re.compile(r"^\s*(\d[\d,.]*)\s+words?\s*$", re.I)
_TIME = re.compile(r"^\s*\d{1,2}:\d{2}(?:\s*(?:[AP]M))?(?:\s*[A-Z]{2,4})?\s*$", re.I)
_FACTIVA_CODE = re.compile(r"^\s*(HD|BY|CR|WC|PD|ET|SN|SC|SE|ED|PG|VOL|LA|CY|LP|TD|CT|RF|CO|IN|NS|RE|IPC|IPD|PUB|AN)"
                           r"(?:\s+(.*?))?\s*$")
_LANGUAGE_WORDS = {"english", "french", "german", "spanish", "italian", "portuguese", "dutch", "russian",
                   "arabic", "chinese", "japanese", "swedish", "norwegian", "danish", "finnish", "polish"}


def split_export(raw: str):
    """``(kind, documents)`` when ``raw`` is a Nexis or Factiva export, else None. Each document is a
    dict of title, source, published, author, section, url, language, length (words, int),
    ``body`` (paragraphs) and ``start`` (the line the document starts at, 1-based)."""
    lines = raw.split("\n")
    if any(_NEXIS_COUNT.match(l) for l in lines):
        return "Nexis", [_nexis_old(block, start) for block, start in _blocks(lines, _NEXIS_COUNT, after=False)]
    if any(_NEXIS_END.match(l) for l in lines):
        return "Nexis", [_nexis_uni(block, start) for block, start in _blocks(lines, _NEXIS_END, after=True)]
    if any(_FACTIVA_END.match(l) for l in lines):
        docs = []
        for block, start in _blocks(lines, _FACTIVA_END, after=True, keep_marker=True):
            coded = sum(1 for l in block if _FACTIVA_CODE.match(l) and l.split()[0] in ("HD", "PD", "SN", "TD", "LP"))
            docs.append(_factiva_coded(block, start) if coded >= 2 else _factiva_plain(block, start))
        return "Factiva", docs
    return None


def _blocks(lines, marker, *, after: bool, keep_marker: bool = False):
    """(lines, first line number) of the blocks between marker lines: a marker ends its block
    (``after``) or starts it; what comes before the first "1 of N DOCUMENTS" is a cover, dropped."""
    out, block, start, seen = [], [], 1, False
    for i, line in enumerate(lines, start=1):
        if marker.match(line):
            if after:
                out.append((block + [line] if keep_marker else block, start))
            elif seen:
                out.append((block, start))
            seen = True
            block, start = [], i + 1
            continue
        block.append(line)
    if not after and seen:
        out.append((block, start))
    return [(b, s) for b, s in out if any(l.strip() for l in b)]


def _lines(block):
    """(index, stripped line) of the non-blank lines."""
    return [(i, l.strip()) for i, l in enumerate(block) if l.strip()]


def _field(line: str, names) -> tuple[str, str] | None:
    m = _FIELD.match(line)
    if m and m.group(1).lower() in names:
        return m.group(1).lower(), m.group(2)
    return None


def _body(block, start: int, end: int) -> list[str]:
    return clean.split_paragraphs("\n".join(block[start:end]))


def _doc(start, **fields) -> dict:
    doc = {k: v for k, v in fields.items() if v not in (None, "")}
    doc["start"] = start
    doc.setdefault("body", [])
    return doc


def _header_fields(fields: dict) -> dict:
    out = {}
    if "byline" in fields or "author" in fields:
        out["author"] = re.sub(r"^\s*By\s+", "", fields.get("byline") or fields.get("author"), flags=re.I)
    if "section" in fields:  # "FOREIGN DESK; Pg. 4": the page is not part of the section
        out["section"] = re.sub(r"\s*;?\s*\bPg\.?\s*\S+\s*$", "", fields["section"]).strip(" ;") or None
    if "length" in fields:
        m = re.match(r"\s*(\d[\d,]*)", fields["length"])
        out["length"] = int(m.group(1).replace(",", "")) if m else None
    for k in ("url", "language", "dateline"):
        if k in fields:
            out[k] = fields[k]
    return out


def _trailer_start(block, lines, after: int) -> int:
    """Index in ``block`` where the trailer starts (the first trailer field or line after ``after``)."""
    for i, line in lines:
        if i < after:
            continue
        if line.lower() in _TRAILER_LINES or _field(line, _TRAILER_FIELDS):
            return i
    return len(block)


def _trailer_fields(block, lines, start: int) -> dict:
    fields = {}
    for i, line in lines:
        if i >= start:
            f = _field(line, _TRAILER_FIELDS)
            if f:
                fields.setdefault(f[0], f[1])
    return fields


def _nexis_old(block, start) -> dict:
    lines = _lines(block)
    first_field = next((k for k, (i, l) in enumerate(lines) if _field(l, _HEADER_FIELDS)), None)
    head = lines[:first_field] if first_field is not None else lines[:4]
    fields, k = {}, first_field if first_field is not None else len(head)
    while k < len(lines) and _field(lines[k][1], _HEADER_FIELDS):
        name, value = _field(lines[k][1], _HEADER_FIELDS)
        fields[name] = value
        k += 1
    body_from = lines[k][0] if k < len(lines) else len(block)
    end = _trailer_start(block, lines, body_from)
    fields.update({n: v for n, v in _trailer_fields(block, lines, end).items() if n in ("url", "language")})
    texts = [l for _, l in head if not _COPYRIGHT.match(l)]
    d = next((j for j, l in enumerate(texts) if _DATE_LINE.match(l)), None)
    outlet = texts[d - 1] if d else None
    title = texts[-1] if d is not None and len(texts) > d + 1 else None
    return _doc(start, title=title, source=outlet, published=texts[d] if d is not None else None,
                body=_body(block, body_from, end), **_header_fields(fields))


def _nexis_uni(block, start) -> dict:
    lines = _lines(block)
    body_at = next((k for k, (i, l) in enumerate(lines) if l.lower() == "body"), None)
    head = lines[:body_at] if body_at is not None else lines
    fields = {}
    texts = []
    last_field = -1
    for k, (i, l) in enumerate(head):
        f = _field(l, _HEADER_FIELDS)
        if f:
            fields[f[0]] = f[1]
            last_field = k
        elif not _COPYRIGHT.match(l) and not fields:
            texts.append(l)
    if body_at is not None:
        body_from = lines[body_at][0] + 1
    else:  # no "Body" line: the body starts after the last header field
        body_from = head[last_field][0] + 1 if last_field >= 0 else (lines[len(texts)][0] if len(texts) < len(lines) else len(block))
    end = _trailer_start(block, lines, body_from)
    fields.update({n: v for n, v in _trailer_fields(block, lines, end).items() if n in ("url", "language")})
    d = next((j for j, l in enumerate(texts) if _DATE_LINE.match(l)), None)
    title = outlet = None
    if d is not None and d >= 2:
        title, outlet = texts[d - 2], texts[d - 1]
    elif d == 1:
        title = texts[0]
    elif texts:
        title = texts[0]
    return _doc(start, title=title, source=outlet, published=texts[d] if d is not None else None,
                body=_body(block, body_from, end), **_header_fields(fields))


def _factiva_plain(block, start) -> dict:
    lines = _lines(block)[:-1]  # the "Document ..." line
    texts = [l for _, l in lines]
    w = next((k for k, l in enumerate(texts[:8]) if _WORDS.match(l)), None)
    if w is None:
        return _doc(start, body=clean.split_paragraphs("\n\n".join(texts)))
    title = texts[0] if w >= 1 else None
    author = "; ".join(re.sub(r"^\s*By\s+", "", a, flags=re.I) for a in texts[1:w]) or None
    k = w + 1
    published = texts[k] if k < len(texts) and _DATE_LINE.match(texts[k]) else None
    k += published is not None
    if k < len(texts) and _TIME.match(texts[k]):
        published = f"{published} {texts[k]}" if published else None
        k += 1
    source = texts[k] if k < len(texts) else None
    body_k = next((j + 1 for j in range(k, min(k + 8, len(texts))) if _COPYRIGHT.match(texts[j])), None)
    language = next((texts[j] for j in range(k, body_k or min(k + 6, len(texts)))
                     if texts[j].lower() in _LANGUAGE_WORDS), None)
    if body_k is None:  # no copyright line: the body starts after the language line, else after the source
        body_k = (texts.index(language) + 1) if language else k + 1
    body_from = lines[body_k][0] if body_k < len(lines) else len(block)
    body = _body(block, body_from, lines[-1][0] + 1 if lines else len(block))
    return _doc(start, title=title, author=author, published=published, source=source, language=language,
                length=int(_WORDS.match(texts[w]).group(1).replace(",", "").replace(".", "")), body=body)


def _factiva_coded(block, start) -> dict:
    fields: dict[str, list[str]] = {}
    current = None
    for line in block:
        m = _FACTIVA_CODE.match(line)
        if m and (m.group(2) is not None or m.group(1) in ("LP", "TD")):
            current = m.group(1)
            fields.setdefault(current, [])
            if m.group(2):
                fields[current].append(m.group(2))
        elif current is not None:
            fields[current].append(line)

    def one(code):
        vals = [v.strip() for v in fields.get(code, []) if v.strip()]
        return " ".join(vals) or None

    body = clean.split_paragraphs("\n".join(fields.get("LP", []) + [""] + fields.get("TD", [])))
    words = _WORDS.match(one("WC") or "")
    published = one("PD")
    if published and one("ET"):
        published = f"{published} {one('ET')}"
    return _doc(start, title=one("HD"), author=re.sub(r"^\s*By\s+", "", one("BY") or "", flags=re.I) or None,
                published=published, source=one("SN"), section=one("SE"), language=one("LA"),
                length=int(words.group(1).replace(",", "")) if words else None, body=body)
