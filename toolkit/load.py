"""Loading articles from the formats people have into one tidy, typed DataFrame.

Every input is either loaded or reported: ``load_report(articles)`` lists each skipped input
(path, line, reason) and notes on loaded ones (encoding fallbacks). Inputs are files for text and
HTML, and records (lines, rows) for JSON Lines, JSON, CSV and Parquet.
"""
from __future__ import annotations

import codecs
import csv
import glob as globmod
import hashlib
import io
import json
import os
import re
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from . import boilerplate, clean
from .errors import InvalidOptionError, LoadError

FORMATS = ("auto", "text", "jsonl", "json", "csv", "html", "parquet")
ERRORS = ("report", "raise")
EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".parquet": "parquet", ".pq": "parquet",
}
COLUMNS = ["article_id", "source", "title", "section", "author", "published", "url", "path", "text", "n_words",
           "flags", "duplicate_of"]
STRING_COLUMNS = ["article_id", "source", "title", "section", "author", "url", "path", "text", "duplicate_of"]
# Files kept beside data sets that are not articles; reported, never loaded by accident.
_DOC_FILE = re.compile(r"^(readme|license|licence|copying|changelog|notice|attribution)(\.|$)", re.I)
REPORT_COLUMNS = ["path", "line", "status", "reason"]

# Field names used by common news scrapers and exports, in order of preference.
FIELDS = {
    "article_id": ("article_id", "id", "uuid", "guid", "doc_id"),
    "title": ("title", "headline", "name"),
    "text": ("text", "body", "maintext", "content", "article", "full_text", "body_text"),
    "published": ("published", "date", "date_publish", "publication_date", "pubdate", "published_at",
                  "datetime", "date_published", "publish_date", "timestamp"),
    "author": ("author", "authors", "byline", "creator"),
    "url": ("url", "link", "href", "canonical_url"),
    "source": ("source", "outlet", "publisher", "source_domain", "sitename", "media_name", "domain"),
    "section": ("section", "category_name"),
}
TEXT_CANDIDATES_HINT = ", ".join(FIELDS["text"])

try:
    csv.field_size_limit(sys.maxsize)
except OverflowError:  # a C long is 32 bits on Windows
    csv.field_size_limit(2**31 - 1)


def _legacy_byte(exc: UnicodeDecodeError):
    """Decode error handler: bytes that are not UTF-8 read as cp1252 (latin-1 where cp1252 has no character)."""
    bad = exc.object[exc.start:exc.end]
    out = []
    for b in bad:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(bytes([b]).decode("latin-1"))
    return "".join(out), exc.end


codecs.register_error("toolkit-legacy", _legacy_byte)
_JSON_TYPES = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean",
               type(None): "null"}


@dataclass
class _Run:
    errors: str
    default_source: str | None
    rows: list = field(default_factory=list)
    report: list = field(default_factory=list)
    n_inputs: int = 0
    seen_text: dict = field(default_factory=dict)
    seen_id: dict = field(default_factory=dict)

    def skip(self, path, reason, line=None, status="skipped"):
        if self.errors == "raise":
            raise LoadError(path, reason, line=line)
        self.report.append({"path": str(path), "line": line, "status": status, "reason": reason})

    def note(self, path, reason, line=None):
        self.report.append({"path": str(path), "line": line, "status": "note", "reason": reason})


def load_articles(paths, *, format: str = "auto", errors: str = "report", source: str | None = None) -> pd.DataFrame:
    """Load articles from a folder (recursive), a file, a glob, or a list of them.

    Returns the articles frame: article_id, source, title, section, author, published (UTC), url,
    path, text (clean paragraphs joined by "\\n\\n"), n_words, then any extra fields of JSON/CSV records.
    ``format`` is one of "auto", "text", "jsonl", "json", "csv", "html", "parquet" (auto: by extension).
    ``errors="report"`` loads what it can; ``load_report(frame)`` lists what was skipped and why.
    ``errors="raise"`` raises :class:`toolkit.errors.LoadError` at the first bad input.
    ``source`` names the outlet for inputs that do not give one (default: the input folder's name).

    Duplicates (same normalised text) are loaded, flagged with ``duplicate_of`` (the id of the first
    copy) and reported with status "duplicate". For every call, ``frame.attrs["n_inputs"]`` = loaded
    rows + skipped rows of the report.
    """
    if format not in FORMATS:
        raise InvalidOptionError("format", format, FORMATS)
    if errors not in ERRORS:
        raise InvalidOptionError("errors", errors, ERRORS)
    run = _Run(errors=errors, default_source=source)
    for path, root, walked in _expand(paths, run):
        fmt = format if format != "auto" else EXTENSIONS.get(path.suffix.lower())
        src = source or _folder_source(root)
        if walked and _DOC_FILE.match(path.name):
            run.n_inputs += 1
            run.skip(path, "a documentation file (README/LICENSE/...), not an article; pass the file itself to load it")
            continue
        if fmt is None:
            run.n_inputs += 1
            run.skip(path, f"unsupported file type {path.suffix or '(no extension)'!r}; "
                     f"supported: {', '.join(sorted(EXTENSIONS))}, or pass format=")
            continue
        READERS[fmt](path, run, src)
    return _frame(run)


def load_report(articles: pd.DataFrame) -> pd.DataFrame:
    """The load report of a frame returned by :func:`load_articles`: path, line, status
    ("skipped", "duplicate" or "note"), reason. Inputs = loaded rows + "skipped" rows ("duplicate"
    rows are loaded and flagged by ``duplicate_of``; "note" rows are remarks on loaded inputs)."""
    return pd.DataFrame(articles.attrs.get("load_report", []), columns=REPORT_COLUMNS).astype({"line": "Int64"})


def sample_path() -> Path:
    """The folder of the sample corpus shipped with the package."""
    return Path(str(resources.files("toolkit") / "data" / "sample"))


def load_sample() -> pd.DataFrame:
    """The sample corpus: the reference article (The Standard, Kenya), 293 Wikinews articles
    (CC BY 2.5) and Global Voices posts of 2012 (CC BY 3.0); see ``ATTRIBUTION.md`` beside them."""
    folder = sample_path()
    frames = [
        load_articles(folder / "the-standard", source="The Standard", errors="raise"),
        load_articles(folder / "wikinews.jsonl", errors="raise"),
        load_articles(folder / "globalvoices.jsonl", errors="raise"),
    ]
    out = _none_for_missing(pd.concat(frames, ignore_index=True))
    out.attrs = {"load_report": [r for f in frames for r in f.attrs["load_report"]],
                 "n_inputs": sum(f.attrs["n_inputs"] for f in frames)}
    return out


# --- inputs -------------------------------------------------------------------------------------

def _expand(paths, run):
    """(file, root folder, found by walking a folder or glob) in a stable order; missing paths are reported."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for item in paths:
        p = Path(item)
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file()):
                yield f, p, True
        elif p.is_file():
            yield p, p.parent, False
        else:
            matches = sorted(globmod.glob(str(item), recursive=True)) if globmod.has_magic(str(item)) else []
            if not matches:
                run.n_inputs += 1
                run.skip(p, "path does not exist (no file, folder or glob match)")
            for m in matches:
                if Path(m).is_file():
                    yield Path(m), Path(m).parent, True
                elif Path(m).is_dir():
                    yield from _expand([m], run)


def _folder_source(root: Path) -> str | None:
    name = Path(root).resolve().name
    return name or None


def _read_text(path: Path, run: _Run) -> str | None:
    """Decode a file: UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252 (latin-1 for the
    bytes cp1252 leaves undefined), noted in the report; in a file that mixes UTF-8 with such bytes,
    the valid UTF-8 stays UTF-8. Binary content is reported as undecodable, a file of whitespace,
    BOM or NUL characters only as empty."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        run.skip(path, f"cannot read file: {exc.strerror or exc}")
        return None
    if not data.strip():
        run.skip(path, "empty file")
        return None
    text = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if text is None:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            bad_at = exc.start
    if text is not None:
        if not text.replace("\ufeff", "").replace("\x00", "").strip():  # a BOM, NULs or Unicode spaces only
            run.skip(path, "empty file")
            return None
        return text
    # NUL bytes or many control bytes: a binary file, not text in a legacy encoding.
    controls = sum(data.count(bytes([b])) for b in range(0, 9)) + data.count(b"\x0e") + data.count(b"\x7f")
    if controls > max(2, len(data) // 200):
        run.skip(path, f"undecodable bytes (not UTF-8 at byte {bad_at}, and binary content): not a text file")
        return None
    # Valid UTF-8 sequences stay UTF-8 (files pasted together from several sources); the other bytes
    # are cp1252, or latin-1 for the five bytes cp1252 leaves undefined.
    text = data.decode("utf-8-sig", errors="toolkit-legacy")
    legacy = "cp1252" if _cp1252_ok(data) else "cp1252/latin-1"
    if any(ord(c) > 127 for c in data.decode("utf-8-sig", errors="ignore")):
        run.note(path, f"not valid UTF-8 at byte {bad_at}; mixed encodings: kept the valid UTF-8, "
                 f"decoded the other bytes as {legacy}")
    else:
        run.note(path, f"not valid UTF-8 at byte {bad_at}; decoded as {legacy}")
    return text


def _cp1252_ok(data: bytes) -> bool:
    return not any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


def _json_lines(raw: str):
    """(line number, line) of JSON Lines text. Splits on "\\n" only: JSON strings may hold U+2028,
    U+0085 or form feeds unescaped, which ``str.splitlines`` would wrongly treat as line ends.
    A BOM at the start of a line (files concatenated together) is dropped."""
    for lineno, line in enumerate(raw.split("\n"), start=1):
        line = line.lstrip("\ufeff")
        if line.strip():
            yield lineno, line


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_loads(line: str):
    """json.loads; nesting too deep to parse raises JSONDecodeError like any other unparseable JSON.
    Lone surrogates (escapes such as "\\ud800" without their pair) become U+FFFD: they cannot be
    encoded as UTF-8, so pandas' string columns, hashing and Parquet would fail on them."""
    try:
        obj = json.loads(line)
        if _SURROGATE_ESCAPE.search(line):
            obj = _replace_surrogates(obj)
        return obj
    except RecursionError:
        raise json.JSONDecodeError("JSON nested too deeply", line, 0) from None


def _replace_surrogates(obj):
    if isinstance(obj, str):
        return _SURROGATE.sub("\ufffd", obj)
    if isinstance(obj, list):
        return [_replace_surrogates(v) for v in obj]
    if isinstance(obj, dict):
        return {_replace_surrogates(k): _replace_surrogates(v) for k, v in obj.items()}
    return obj


# --- readers ------------------------------------------------------------------------------------

def _read_plain(path: Path, run: _Run, source):
    run.n_inputs += 1
    raw = _read_text(path, run)
    if raw is None:
        return
    raw = clean.normalize_newlines(raw.replace("\x00", ""))  # old Mac CR-only files: blank lines seen
    paras = clean.split_paragraphs(raw)
    header = None if clean.has_blank_lines(raw) else clean.parse_scraped_header(paras)
    rec = {"path": str(path), "source": source}
    if header:
        rec.update(title=header["title"], section=header["section"], author=header["author"],
                   published=header["published"])
        body = header["body"]
    elif len(paras) >= 2 and (clean.is_headline_like(paras[0]) or (
            clean.has_blank_lines(raw) and len(paras[0].split()) <= 40)):
        rec["title"], body = paras[0], paras[1:]
    else:
        body = paras
    _add(run, rec, body, path=path)


def _read_html(path: Path, run: _Run, source):
    run.n_inputs += 1
    raw = _read_text(path, run)
    if raw is None:
        return
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken pages
        run.skip(path, f"HTML could not be parsed: {type(exc).__name__}: {exc}")
        return
    if doc is None or not (doc.text or "").strip():
        run.skip(path, "no article text found in the HTML page (trafilatura extracted nothing)")
        return
    body = clean.split_paragraphs(re.sub(r"\n\s*\n", "\n", doc.text))  # trafilatura: one paragraph a line
    if body and doc.title and body[0].strip() == doc.title.strip():
        body = body[1:]
    # trafilatura lets pitches, captions, link lists and the like through: a pass by their shape
    section = boilerplate.page_section(raw, title=doc.title, site=doc.sitename)
    title = boilerplate.clean_title(doc.title, site=doc.sitename, url=doc.url, section=section)
    kept, removed = boilerplate.remove_boilerplate(body, html=raw, title=title, author=doc.author)
    teaser = boilerplate.find_teaser(kept or body, html=raw, removed=removed)
    if teaser:
        run.note(path, f"teaser: {teaser}; loaded with flags=['teaser']")
    rec = {"path": str(path), "source": doc.sitename or source, "title": title, "section": section,
           "author": boilerplate.clean_byline(doc.author, site=doc.sitename, url=doc.url),
           "published": doc.date, "url": doc.url, "flags": ["teaser"] if teaser else []}
    _add(run, rec, kept or body, path=path)  # a page that is all boilerplate keeps its text, flagged


def _read_jsonl(path: Path, run: _Run, source):
    raw = _read_text(path, run)
    if raw is None:
        run.n_inputs += 1
        return
    _read_jsonl_text(raw, path, run, source)


def _read_json(path: Path, run: _Run, source):
    raw = _read_text(path, run)
    if raw is None:
        run.n_inputs += 1
        return
    try:
        obj = _json_loads(raw)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # JSON Lines saved as .json
            return _read_jsonl_text(raw, path, run, source)
        run.n_inputs += 1
        run.skip(path, f"JSON does not parse: {exc.msg}", line=exc.lineno)
        return
    if isinstance(obj, dict):
        for key in ("articles", "data", "items", "results", "records", "docs"):
            if isinstance(obj.get(key), list):
                obj = obj[key]
                break
    records = obj if isinstance(obj, list) else [obj]
    if not records:
        run.n_inputs += 1
        run.skip(path, "JSON holds no records")
    for i, rec in enumerate(records, start=1):
        run.n_inputs += 1
        _add_record(run, rec, path, None if len(records) == 1 else i, source, where="record")


def _read_jsonl_text(raw, path, run, source):
    """One record a line; each line an input, reported with its number when it does not parse."""
    for lineno, line in _json_lines(raw):
        run.n_inputs += 1
        try:
            obj = _json_loads(line)
        except json.JSONDecodeError as exc:
            run.skip(path, f"JSON does not parse: {exc.msg} at column {exc.colno}", line=lineno)
            continue
        _add_record(run, obj, path, lineno, source)


def _read_csv(path: Path, run: _Run, source):
    raw = _read_text(path, run)
    if raw is None:
        run.n_inputs += 1
        return
    raw = raw.replace("\x00", "")
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        run.n_inputs += 1
        run.skip(path, f"CSV has no header row ({exc})" if str(exc) else "CSV has no header row", line=1)
        return
    names = [h.strip().lstrip("\ufeff") for h in header]
    if not any(n.lower() in FIELDS["text"] for n in names):
        run.n_inputs += 1
        run.skip(path, f"CSV has no text column (header: {', '.join(names)[:200]}); "
                 f"name one of: {TEXT_CANDIDATES_HINT}", line=1)
        return
    start = reader.line_num + 1
    n_before = run.n_inputs
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            run.n_inputs += 1
            run.skip(path, f"CSV row does not parse: {exc}", line=start)
            start = reader.line_num + 1
            continue
        if not any(c.strip() for c in row):
            start = reader.line_num + 1
            continue
        run.n_inputs += 1
        if len(row) != len(names):
            run.skip(path, f"CSV row has {len(row)} fields, the header has {len(names)}", line=start)
        else:
            _add_record(run, dict(zip(names, row)), path, start, source)
        start = reader.line_num + 1
    if run.n_inputs == n_before:
        run.n_inputs += 1
        run.skip(path, "CSV has a header row but no records", line=1)


def _read_parquet(path: Path, run: _Run, source):
    try:
        df = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several error types for damaged files
        run.n_inputs += 1
        run.skip(path, f"Parquet file could not be read: {type(exc).__name__}: {str(exc)[:200]}")
        return
    if df.empty:
        run.n_inputs += 1
        run.skip(path, "Parquet file holds no records")
        return
    if not any(str(c).lower() in FIELDS["text"] for c in df.columns):
        run.n_inputs += 1
        run.skip(path, f"Parquet file has no text column (columns: {', '.join(map(str, df.columns))[:200]}); "
                 f"name one of: {TEXT_CANDIDATES_HINT}, or write it with articles.to_parquet")
        return
    if list(df.columns[: len(COLUMNS)]) == COLUMNS:
        # Written by the toolkit: already clean; take rows as they are.
        for i, rec in enumerate(df.to_dict("records"), start=1):
            run.n_inputs += 1
            if not isinstance(rec["text"], str) or not rec["text"].strip():
                run.skip(path, "record has no body (empty 'text')", line=i)
                continue
            # Parquet gives lists back as numpy arrays and missing values as None/NA: restore lists,
            # and let _frame give missing values the same form as a fresh load.
            rec = {k: (v.tolist() if isinstance(v, np.ndarray) else None if _missing(v) else v)
                   for k, v in rec.items()}
            if _empty(rec.get("article_id")):
                rec["article_id"] = _new_id(run, rec)
            if rec.get("n_words") is None:
                rec["n_words"] = clean.count_words(rec["text"])
            _accept(run, rec, path, i)
        return
    for i, rec in enumerate(df.to_dict("records"), start=1):
        run.n_inputs += 1
        _add_record(run, rec, path, i, source, where="row")


READERS = {"text": _read_plain, "html": _read_html, "jsonl": _read_jsonl, "json": _read_json,
           "csv": _read_csv, "parquet": _read_parquet}


# --- records ------------------------------------------------------------------------------------

def _pick(obj: dict, name: str):
    lower = {k.lower(): k for k in obj}
    for cand in FIELDS[name]:
        key = lower.get(cand)
        if key is not None and not _empty(obj[key]):
            return key, obj[key]
    return None, None


def _missing(v) -> bool:
    """None, NaN, NA or NaT (a scalar; lists and arrays are never missing)."""
    if v is None:
        return True
    if isinstance(v, (list, tuple, dict, np.ndarray)):
        return False
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _empty(v) -> bool:
    if _missing(v):
        return True
    if isinstance(v, (str, list, tuple, dict)) and len(v) == 0:
        return True
    return isinstance(v, str) and not v.strip()


def _as_str(v) -> str | None:
    if _empty(v):
        return None
    if isinstance(v, (list, tuple)):
        return "; ".join(str(x.get("name", x) if isinstance(x, dict) else x).strip() for x in v if not _empty(x)) or None
    if isinstance(v, dict):
        return str(v.get("name") or v.get("title") or json.dumps(v, sort_keys=True))
    return str(v).strip()


def _add_record(run: _Run, obj, path: Path, line, source, where="line"):
    if not isinstance(obj, dict):
        kind = _JSON_TYPES.get(type(obj), type(obj).__name__)
        run.skip(path, f"record is a JSON {kind}, not an object with fields", line=line)
        return
    tkey, text = _pick(obj, "text")
    if tkey is None:
        run.skip(path, f"record has no body: no non-empty field among {TEXT_CANDIDATES_HINT}", line=line)
        return
    if not isinstance(text, str):
        text = _as_str(text) or ""
    used = {tkey}
    rec = {"path": str(path)}
    for name in ("article_id", "title", "author", "url", "source", "section", "published"):
        key, val = _pick(obj, name)
        if key is not None:
            used.add(key)
            rec[name] = val if name == "published" else _as_str(val)
    if rec.get("author"):
        rec["author"] = rec["author"].removeprefix("By ").removeprefix("by ")
    rec.setdefault("source", source)
    extras = {k: v for k, v in obj.items() if k not in used and k not in COLUMNS}
    _add(run, rec, clean.split_paragraphs(text), path=path, line=line, extras=extras)


def _add(run: _Run, rec: dict, body: list[str], *, path, line=None, extras=None):
    """Clean the body, fill dates and ids, and accept or report the article."""
    published = clean.parse_date(rec.get("published")) if not _empty(rec.get("published")) else pd.NaT
    if not _empty(rec.get("published")) and published is pd.NaT:
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
        run.skip(path, "record has no body text" if line is not None or extras is not None else "no body text after the title/header", line=line)
        return
    rec["published"] = published
    rec["text"] = text
    rec["n_words"] = clean.count_words(text)
    for k, v in (extras or {}).items():
        rec[k] = v
    if _empty(rec.get("article_id")):
        rec["article_id"] = _new_id(run, rec)
    _accept(run, rec, path, line)


def _new_id(run: _Run, rec: dict) -> str:
    """A stable id from source, title and text; exact copies are numbered -2, -3, ... in load order."""
    key = "\n".join([rec.get("source") or "", rec.get("title") or "", rec["text"]])
    aid = hashlib.sha1(key.encode("utf-8", errors="surrogatepass")).hexdigest()[:16]
    n = 1
    while (aid if n == 1 else f"{aid}-{n}") in run.seen_id:
        n += 1
    return aid if n == 1 else f"{aid}-{n}"


def _accept(run: _Run, rec: dict, path, line):
    aid = str(rec["article_id"])
    if aid in run.seen_id:
        run.skip(path, f"article_id {aid!r} already used by another article", line=line)
        return
    # A text without letters or digits ("!!!") has an empty normalised key: compare it as it is,
    # else every such text would be a copy of every other.
    key = clean.normalized_key(rec["text"]) or "\x00" + rec["text"].strip()
    first = run.seen_text.setdefault(key, aid)
    if first != aid:
        # Kept and flagged, so that every file loads and analyze() can leave the copy out.
        run.report.append({"path": str(path), "line": line, "status": "duplicate",
                           "reason": f"same normalised text as article {first}; loaded with duplicate_of={first}"})
        rec["duplicate_of"] = first
    run.seen_id[aid] = True
    run.rows.append(rec)


def _none_for_missing(df: pd.DataFrame) -> pd.DataFrame:
    """Missing values of list- or dict-valued fields as None, as Parquet gives them back."""
    for c in df.columns:
        if c not in COLUMNS and df[c].dtype == object:
            df[c] = df[c].where(df[c].notna(), None)
    return df


def _frame(run: _Run) -> pd.DataFrame:
    df = pd.DataFrame(run.rows)
    for c in COLUMNS:
        if c not in df.columns:
            df[c] = None
    extras = [c for c in df.columns if c not in COLUMNS]
    df = df[COLUMNS + extras]
    df = df.astype({c: "string" for c in STRING_COLUMNS})
    df["published"] = pd.to_datetime(df["published"], utc=True).astype("datetime64[ns, UTC]")
    df["n_words"] = df["n_words"].fillna(0).astype("int64")
    df["flags"] = [list(v) if isinstance(v, (list, tuple, np.ndarray)) else [] for v in df["flags"]]  # e.g. ["teaser"]
    _none_for_missing(df)
    for c in extras:  # records without the field: None (not NaN) in object columns, as Parquet gives back
        if df[c].dtype == object:
            df[c] = df[c].where(df[c].map(lambda v: not _missing(v)), None)
    df.attrs = {"load_report": run.report, "n_inputs": run.n_inputs}
    return df.reset_index(drop=True)
