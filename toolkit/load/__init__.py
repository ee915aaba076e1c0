"""Loading articles from the formats people have into one tidy, typed DataFrame.

Every input is either loaded or reported: ``load_report(articles)`` lists each skipped input
(path, line, reason) and notes on loaded ones (encoding fallbacks, languages, links followed).
Inputs are files for text and HTML, documents for Nexis and Factiva exports, and records (lines,
rows) for JSON Lines, JSON, CSV, Excel, Parquet, SQL and DataFrames.

The stages, one module each: :mod:`.paths` (inputs: folders, links, globs, archives,
compression), :mod:`.decode` (bytes to text), the readers (:mod:`.text`, :mod:`.jsonl`,
:mod:`.tables`, :mod:`.office`, :mod:`.exports`, :mod:`.sql`, :mod:`.web`), :mod:`.records`
(fields to columns, cleaning, ids, duplicates), :mod:`.language`, :mod:`.run` (the report and
the typed frame) and :mod:`.fields` (extra fields in a form Parquet can store, each change noted).
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pandas as pd

from ..errors import InvalidOptionError
from . import jsonl, office, sql, tables, text, web
from .paths import Input, expand, is_doc_file
from .records import FIELDS
from .run import COLUMNS, REPORT_COLUMNS, STRING_COLUMNS, Run, none_for_missing

__all__ = ["load_articles", "load_report", "load_sample", "sample_path", "examples_path", "FIELDS", "FORMATS",
           "COLUMNS", "STRING_COLUMNS", "EXTENSIONS"]

FORMATS = ("auto", "text", "jsonl", "json", "csv", "html", "parquet", "excel", "docx", "rtf", "pdf", "sqlite")
ERRORS = ("report", "raise")
EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".parquet": "parquet", ".pq": "parquet",
    ".xlsx": "excel", ".xlsm": "excel",
    ".docx": "docx", ".rtf": "rtf", ".pdf": "pdf",
    ".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite",
}
READERS = {"text": text.read_plain, "html": web.read_html, "jsonl": jsonl.read_jsonl, "json": jsonl.read_json,
           "csv": tables.read_csv, "parquet": tables.read_parquet, "excel": tables.read_excel,
           "docx": office.read_docx, "rtf": office.read_rtf, "pdf": office.read_pdf, "sqlite": sql.read_sqlite}
SUPPORTED = ", ".join(sorted(EXTENSIONS)) + " (also compressed: .gz, .bz2, .xz; and .zip archives of them)"


def load_articles(paths, *, format: str = "auto", errors: str = "report", source: str | None = None,
                  table: str | None = None, query: str | None = None, exclude=()) -> pd.DataFrame:
    """Load articles from a folder (recursive), a file, a glob, a DataFrame, a database URL, or a list of them.

    Returns the articles frame: article_id, source, title, section, author, published (UTC), url,
    path, text (clean paragraphs joined by "\\n\\n"), n_words, language, flags, duplicate_of, then
    any extra fields of the records (one Parquet cannot store as it is -- an empty object, a list in
    one record and a number in the next, nesting past 64 levels -- as JSON text, with a note: see
    :mod:`toolkit.load.fields`).
    ``format`` is one of "auto", "text", "jsonl", "json", "csv", "html", "parquet", "excel",
    "docx", "rtf", "pdf", "sqlite" (auto: by extension, under a .gz/.bz2/.xz one).
    ``errors="report"`` loads what it can; ``load_report(frame)`` lists what was skipped and why.
    ``errors="raise"`` raises :class:`toolkit.errors.LoadError` at the first bad input.
    ``source`` names the outlet for inputs that do not give one (default: the input folder's name).
    ``table`` / ``query`` say what to read from a SQLite file or a database URL
    (``"postgresql://user@host/db"``); without them, the one table with a text column.
    ``exclude``: folders and files not to read (the CLI passes its own output folder).

    Duplicates (same normalised text) are loaded, flagged with ``duplicate_of`` (the id of the first
    copy) and reported with status "duplicate". Articles not in English get the flag "not_english"
    and a note; ``tk.analyze`` leaves them out. For every call, ``frame.attrs["n_inputs"]`` =
    loaded rows + skipped rows of the report.

    >>> articles = load_articles(sample_path() / "wikinews.jsonl")
    >>> len(articles), articles.attrs["n_inputs"], list(articles.columns[10:13])
    (293, 293, ['language', 'flags', 'duplicate_of'])
    """
    if format not in FORMATS:
        raise InvalidOptionError("format", format, FORMATS)
    if errors not in ERRORS:
        raise InvalidOptionError("errors", errors, ERRORS)
    for name, value in (("table", table), ("query", query)):
        if value is not None and not isinstance(value, str):
            raise InvalidOptionError(name, value, ("None", "a str"))
    if isinstance(exclude, (str, Path)):
        exclude = (exclude,)
    run = Run(errors=errors, default_source=source, table=table, query=query, exclude=tuple(exclude))
    for inp in expand(paths, run):
        _read(inp, run, format, source)
    web.release(run)
    return run.frame()


def _read(inp: Input, run: Run, format: str, source) -> None:
    if inp.frame is not None:
        return tables.read_frame(inp, run, source)
    if inp.url is not None:
        return sql.read_url(inp, run, source)
    if is_doc_file(inp):
        run.fail(inp.name, "a documentation file (README/LICENSE/...), not an article; pass the file itself to load it")
        return
    fmt = format if format != "auto" else EXTENSIONS.get(inp.suffix)
    if fmt is None:
        shown = inp.suffix + (inp.compression or "") if inp.suffix else (inp.compression or "(no extension)")
        run.fail(inp.name, f"unsupported file type {shown!r}; supported: {SUPPORTED}; or pass format=")
        return
    READERS[fmt](inp, run, source or _folder_source(inp.root))


def _folder_source(root: Path | None) -> str | None:
    if root is None:
        return None
    name = Path(root).resolve().name
    return name or None


def load_report(articles: pd.DataFrame) -> pd.DataFrame:
    """The load report of a frame returned by :func:`load_articles`: path, line, status
    ("skipped", "duplicate" or "note"), reason. Inputs = loaded rows + "skipped" rows ("duplicate"
    rows are loaded and flagged by ``duplicate_of``; "note" rows are remarks on loaded inputs)."""
    return pd.DataFrame(articles.attrs.get("load_report", []), columns=REPORT_COLUMNS).astype({"line": "Int64"})


def sample_path() -> Path:
    """The folder of the sample corpus shipped with the package."""
    return Path(str(resources.files("toolkit") / "data" / "sample"))


def examples_path() -> Path:
    """The folder of small made-up exports (Nexis, Word, RTF, PDF, Excel, SQLite, NewsAPI, CSV)."""
    return Path(str(resources.files("toolkit") / "data" / "examples" / "exports"))


def load_sample() -> pd.DataFrame:
    """The sample corpus: the reference article (The Standard, Kenya), 293 Wikinews articles
    (CC BY 2.5) and Global Voices posts of 2012 (CC BY 3.0); see ``ATTRIBUTION.md`` beside them."""
    folder = sample_path()
    frames = [
        load_articles(folder / "the-standard", source="The Standard", errors="raise"),
        load_articles(folder / "wikinews.jsonl", errors="raise"),
        load_articles(folder / "globalvoices.jsonl", errors="raise"),
    ]
    out = none_for_missing(pd.concat(frames, ignore_index=True))
    out.attrs = {"load_report": [r for f in frames for r in f.attrs["load_report"]],
                 "n_inputs": sum(f.attrs["n_inputs"] for f in frames)}
    return out
