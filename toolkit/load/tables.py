"""Tables of records: CSV (dialect sniffed, streamed), Excel (openpyxl through pandas), Parquet, and
pandas DataFrames passed to ``load_articles`` (normalised like a CSV). A table written by the
toolkit (its columns start with the articles columns) is taken as it is: already clean."""
from __future__ import annotations

import csv
import itertools
import sys

import numpy as np
import pandas as pd

from .. import clean
from .decode import open_lines
from .optional import require
from .paths import Input
from .records import TEXT_CANDIDATES_HINT, accept, add_record, empty, has_text_field, new_id, set_language
from .run import COLUMNS, Run, missing

try:
    csv.field_size_limit(sys.maxsize)
except OverflowError:  # a C long is 32 bits on Windows
    csv.field_size_limit(2**31 - 1)

DELIMITERS = (",", ";", "\t", "|")
SNIFF_CHARS = 64 * 1024
# The articles columns up to n_words: a table written by an older toolkit (without language and
# flags) is still recognised as the toolkit's own.
_OWN_PREFIX = COLUMNS[:10]


# --- CSV -----------------------------------------------------------------------------------------

def read_csv(inp: Input, run: Run, source):
    lines = open_lines(inp, run, universal=True)
    if lines is None:
        run.n_inputs += 1
        return
    lines = (line.replace("\x00", "") for line in lines)
    head = []
    size = 0
    for line in lines:  # the first 64 KB, for the dialect
        head.append(line)
        size += len(line)
        if size >= SNIFF_CHARS:
            break
    delimiter = choose_delimiter("".join(head), "\t" if inp.suffix == ".tsv" else ",")
    reader = csv.reader(itertools.chain(head, lines), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        run.fail(inp.name, f"CSV has no header row ({exc})" if str(exc) else "CSV has no header row", line=1)
        return
    names = [h.strip().lstrip("\ufeff") for h in header]
    if not has_text_field(names):
        run.fail(inp.name, f"CSV has no text column (header: {', '.join(names)[:200]}; read with delimiter "
                 f"{delimiter!r}); name one of: {TEXT_CANDIDATES_HINT}", line=1)
        return
    n_before = run.n_inputs
    _csv_rows(reader, names, inp, run, source)
    if run.n_inputs == n_before:
        run.fail(inp.name, "CSV has a header row but no records", line=1)


def _csv_rows(reader, names, inp: Input, run: Run, source):
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            run.fail(inp.name, f"CSV row does not parse: {exc}", line=start)
            start = reader.line_num + 1
            continue
        if not any(c.strip() for c in row):
            start = reader.line_num + 1
            continue
        run.n_inputs += 1
        if len(row) != len(names):
            run.skip(inp.name, f"CSV row has {len(row)} fields, the header has {len(names)}", line=start)
        else:
            add_record(run, dict(zip(names, row)), inp.name, start, source)
        start = reader.line_num + 1


def choose_delimiter(sample: str, default: str) -> str:
    """The delimiter ``csv.Sniffer`` finds among , ; tab and |, checked against the header: the first
    candidate whose header names a text column wins (the sniffer alone is fooled by text full of
    commas or semicolons); without one, the sniffed delimiter (else the default)."""
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        sniffed = None
    candidates = list(dict.fromkeys([d for d in (sniffed, default, *DELIMITERS) if d]))
    for d in candidates:
        try:
            header = next(csv.reader(sample.splitlines(keepends=True)[:1] or [""], delimiter=d), [])
        except csv.Error:
            continue
        if has_text_field(h.strip().lstrip("\ufeff") for h in header):
            return d
    return sniffed or default


# --- Excel ---------------------------------------------------------------------------------------

def read_excel(inp: Input, run: Run, source):
    if require("openpyxl", "openpyxl", "Excel files", inp.name, run) is None:
        return
    try:
        sheets = pd.read_excel(inp.seekable(), sheet_name=None, dtype=object, engine="openpyxl")
    except Exception as exc:  # openpyxl raises zipfile, XML and its own errors on damaged files
        run.fail(inp.name, f"not a readable Excel (.xlsx) file: {type(exc).__name__}: {str(exc)[:200]}")
        return
    usable = {name: df for name, df in sheets.items() if has_text_field(df.columns)}
    if not usable:
        cols = "; ".join(f"{n}: {', '.join(map(str, df.columns))[:120]}" for n, df in sheets.items())
        run.fail(inp.name, f"no sheet has a text column ({cols}); name one of: {TEXT_CANDIDATES_HINT}", line=1)
        return
    for name in sheets:
        if name not in usable:
            run.note(inp.name, f"sheet {name!r} has no text column: not read")
    for name, df in usable.items():
        extra = {"sheet": name} if len(usable) > 1 else {}
        for i, rec in enumerate(df.to_dict("records"), start=2):  # row 1 is the header
            run.n_inputs += 1
            add_record(run, {**rec, **extra}, inp.name, i, source, where="row")


# --- Parquet and DataFrames ----------------------------------------------------------------------

def read_parquet(inp: Input, run: Run, source):
    try:
        df = pd.read_parquet(inp.seekable())
    except Exception as exc:  # pyarrow raises several error types for damaged files
        run.fail(inp.name, f"Parquet file could not be read: {type(exc).__name__}: {str(exc)[:200]}")
        return
    if df.empty:
        run.fail(inp.name, "Parquet file holds no records")
        return
    if not has_text_field(df.columns):
        run.fail(inp.name, f"Parquet file has no text column (columns: {', '.join(map(str, df.columns))[:200]}); "
                 f"name one of: {TEXT_CANDIDATES_HINT}, or write it with articles.to_parquet")
        return
    add_table(df, inp, run, source, file_path=True)


def read_frame(inp: Input, run: Run, source):
    df = inp.frame
    if df.empty:
        run.fail(inp.name, "DataFrame has no rows")
        return
    if not has_text_field(df.columns):
        run.fail(inp.name, f"DataFrame has no text column (columns: {', '.join(map(str, df.columns))[:200]}); "
                 f"name one of: {TEXT_CANDIDATES_HINT}")
        return
    add_table(df, inp, run, source, file_path=False)


def add_table(df: pd.DataFrame, inp: Input, run: Run, source, *, file_path: bool):
    own = list(map(str, df.columns[: len(_OWN_PREFIX)])) == _OWN_PREFIX and "duplicate_of" in df.columns
    for i, rec in enumerate(df.to_dict("records"), start=1):
        run.n_inputs += 1
        if own:
            _add_own(run, rec, inp.name, i)
        else:
            add_record(run, rec, inp.name, i, source, where="row", file_path=file_path)


def _add_own(run: Run, rec: dict, name: str, i: int):
    """A row of an articles frame written by the toolkit: already clean; taken as it is."""
    if not isinstance(rec["text"], str) or not rec["text"].strip():
        run.skip(name, "record has no body (empty 'text')", line=i)
        return
    # Parquet gives lists back as numpy arrays and missing values as None/NA: restore lists,
    # and let the frame give missing values the same form as a fresh load.
    rec = {k: (v.tolist() if isinstance(v, np.ndarray) else None if missing(v) else v) for k, v in rec.items()}
    if empty(rec.get("article_id")):
        rec["article_id"] = new_id(run, rec)
    if rec.get("n_words") is None:
        rec["n_words"] = clean.count_words(rec["text"])
    if "language" not in rec or "flags" not in rec:  # written before the language column existed
        set_language(run, rec, name, i)
    accept(run, rec, name, i)
