"""Records (JSON objects, CSV and spreadsheet rows, SQL rows, export documents) -> article rows.

Field names are matched case-insensitively against ``FIELDS``, which holds the names used by common
scrapers and by the exports of NewsAPI (``publishedAt``, ``source.name``, ``content``,
``description``), Media Cloud (``stories_id``/``story_id``, ``media_name``, ``publish_date``) and
GDELT (``DocumentIdentifier``/``SOURCEURL``, ``SourceCommonName``, ``DATE``/``seendate``). Every
article then gets the same treatment: body cleaned, date parsed (UTC), id, language, flags,
duplicates.
"""
from __future__ import annotations

import hashlib
import json
import re

import pandas as pd

from .. import clean
from . import language as lang_mod
from .run import COLUMNS, Run, missing

# In order of preference within each column.
FIELDS = {
    "article_id": ("article_id", "id", "uuid", "guid", "doc_id", "stories_id", "story_id", "document_id"),
    "title": ("title", "headline", "name"),
    # "description" last: NewsAPI's summary, the only text some of its records have.
    "text": ("text", "body", "maintext", "content", "article", "full_text", "body_text", "description"),
    "published": ("published", "date", "date_publish", "publication_date", "pubdate", "published_at",
                  "publishedat", "datetime", "date_published", "publish_date", "timestamp", "seendate"),
    "author": ("author", "authors", "byline", "creator"),
    "url": ("url", "link", "href", "canonical_url", "documentidentifier", "sourceurl"),
    "source": ("source", "outlet", "publisher", "source_domain", "sitename", "media_name", "sourcecommonname",
               "source_name", "domain"),
    "section": ("section", "category_name"),
    "language": ("language", "lang"),
}
TEXT_CANDIDATES_HINT = ", ".join(FIELDS["text"])
_JSON_TYPES = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean",
               type(None): "null"}
# NewsAPI cuts "content" at 200 characters and ends it with "… [+3402 chars]".
_NEWSAPI_CUT = re.compile(r"\s*…?\s*\[\+\d+ chars\]\s*$")


def has_text_field(names) -> bool:
    return any(str(n).strip().lower() in FIELDS["text"] for n in names)


def pick(obj: dict, name: str):
    lower = {k.lower(): k for k in obj if isinstance(k, str)}
    for cand in FIELDS[name]:
        key = lower.get(cand)
        if key is not None and not empty(obj[key]):
            return key, obj[key]
    return None, None


def empty(v) -> bool:
    if missing(v):
        return True
    if isinstance(v, (str, list, tuple, dict)) and len(v) == 0:
        return True
    return isinstance(v, str) and not v.strip()


def as_str(v) -> str | None:
    if empty(v):
        return None
    if isinstance(v, (list, tuple)):
        return "; ".join(str(x.get("name", x) if isinstance(x, dict) else x).strip() for x in v if not empty(x)) or None
    if isinstance(v, dict):
        return str(v.get("name") or v.get("title") or json.dumps(v, sort_keys=True, default=str))
    return str(v).strip()


def add_record(run: Run, obj, path, line, source, where="line", *, file_path=True):
    """One record: its fields mapped to columns, the rest kept as extra columns.
    ``file_path=False`` for records that come from no file (a DataFrame): the path column stays empty."""
    if not isinstance(obj, dict):
        kind = _JSON_TYPES.get(type(obj), type(obj).__name__)
        run.skip(path, f"record is a JSON {kind}, not an object with fields", line=line)
        return
    tkey, text = pick(obj, "text")
    if tkey is None:
        run.skip(path, f"record has no body: no non-empty field among {TEXT_CANDIDATES_HINT}", line=line)
        return
    if not isinstance(text, str):
        text = as_str(text) or ""
    used = {tkey}
    rec = {"path": str(path) if file_path else None, "flags": []}
    for name in ("article_id", "title", "author", "url", "source", "section", "published", "language"):
        key, val = pick(obj, name)
        if key is not None:
            used.add(key)
            rec[name] = val if name == "published" else as_str(val)
    if rec.get("author"):
        rec["author"] = rec["author"].removeprefix("By ").removeprefix("by ")
    if _NEWSAPI_CUT.search(text):
        text = _NEWSAPI_CUT.sub("", text)
        rec["flags"].append("truncated")
        run.note(path, "the text is cut short by the export ('[+N chars]', as NewsAPI gives it): flagged "
                 "'truncated'", line=line)
    rec.setdefault("source", source)
    extras = {k: v for k, v in obj.items() if k not in used and k not in COLUMNS}
    add(run, rec, clean.split_paragraphs(text), path=path, line=line, extras=extras)


def add(run: Run, rec: dict, body: list[str], *, path, line=None, extras=None, what: str | None = None):
    """Clean the body, fill dates, ids and language, and accept or report the article.
    ``what`` names the input in the "no body" reason (default: a record, or the file).
    While web pages wait for the end of the call (``run.held``), the article waits after them,
    so that the frame keeps the input order."""
    if run.held is not None:
        run.held.append((None, rec, body, {"path": path, "line": line, "extras": extras, "what": what}))
        return
    if isinstance(rec.get("published"), int) and len(str(rec["published"])) in (8, 14):
        rec["published"] = str(rec["published"])  # GDELT's DATE: 20190104120000 is YYYYMMDDhhmmss, not an epoch
    published = clean.parse_date(rec.get("published")) if not empty(rec.get("published")) else pd.NaT
    if not empty(rec.get("published")) and published is pd.NaT:
        run.note(path, f"field 'published' value {str(rec.get('published'))[:40]!r} is not a date; left empty", line=line)
    dateline, body = clean.take_dateline(body)
    if published is pd.NaT:
        published = dateline
    byline, body = clean.take_byline(body)
    if byline and not rec.get("author"):
        rec["author"] = byline
    body = clean.clean_paragraphs(body)
    text = "\n\n".join(body)
    if not text.strip():
        if what is None:
            what = "record has no body text" if line is not None or extras is not None else \
                "no body text after the title/header"
        run.skip(path, what, line=line)
        return
    rec["published"] = published
    rec["text"] = text
    rec["n_words"] = clean.count_words(text)
    for k, v in (extras or {}).items():
        rec[k] = v
    set_language(run, rec, path, line)
    if empty(rec.get("article_id")):
        rec["article_id"] = new_id(run, rec)
    accept(run, rec, path, line)


def set_language(run: Run, rec: dict, path, line) -> None:
    """The record's own language when it gives a known one, else the detected one; an article not
    in English is flagged and noted (``tk.analyze`` leaves it out of the English analysis)."""
    given = lang_mod.normalize_language(rec.get("language"))
    lang = given or lang_mod.detect_language(rec["text"])
    rec["language"] = lang
    flags = list(rec.get("flags") or [])
    if lang is not None and lang != lang_mod.ENGLISH and lang_mod.NOT_ENGLISH not in flags:
        flags.append(lang_mod.NOT_ENGLISH)
        how = "given by the record" if given else "detected"
        run.note(path, f"language {lang!r} ({how}), not English: flagged {lang_mod.NOT_ENGLISH!r}; "
                 "tk.analyze leaves it out of the English analysis", line=line)
    rec["flags"] = flags


def new_id(run: Run, rec: dict) -> str:
    """A stable id from source, title and text; exact copies are numbered -2, -3, ... in load order."""
    key = "\n".join([rec.get("source") or "", rec.get("title") or "", rec["text"]])
    aid = hashlib.sha1(key.encode("utf-8", errors="surrogatepass")).hexdigest()[:16]
    n = 1
    while (aid if n == 1 else f"{aid}-{n}") in run.seen_id:
        n += 1
    return aid if n == 1 else f"{aid}-{n}"


def accept(run: Run, rec: dict, path, line):
    aid = str(rec["article_id"])
    if aid in run.seen_id:
        run.skip(path, f"article_id {aid!r} already used by another article", line=line)
        return
    # A text without letters or digits ("!!!") has an empty normalised key: compare it as it is,
    # else every such text would be a copy of every other.
    key = clean.normalized_key(rec["text"]) or "\x00" + rec["text"].strip()
    first = run.seen_text.setdefault(run.text_digest(key), aid)
    if first != aid:
        # Kept and flagged, so that every file loads and analyze() can leave the copy out.
        run.report.append({"path": str(path), "line": line, "status": "duplicate",
                           "reason": f"same normalised text as article {first}; loaded with duplicate_of={first}"})
        rec["duplicate_of"] = first
    run.seen_id.add(aid)
    run.keep(rec)
