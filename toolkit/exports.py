"""Exports of tables as files people open in spreadsheets: CSV and Excel that cannot run formulas.

Every CSV and Excel file the toolkit writes goes through :func:`to_csv` or :func:`to_excel` (the
quote explorer's export, the command line's ``load_report.csv``):

- A text cell a spreadsheet would read as a formula gets a leading ``'`` (OWASP's advice on CSV
  injection): one whose first character, after any leading whitespace, line breaks or invisible
  characters (a zero-width space, a BOM), is ``=``, ``+``, ``-`` or ``@`` (or their full-width
  forms), or which starts with a tab or a carriage return. Every line of a cell is treated so, so
  that a program reading the file line by line, quotes ignored, finds no formula either:
  ``"Breaking news\\r=cmd|' /C calc'!A0"`` is written as one cell, ``Breaking news`` and
  ``'=cmd|' /C calc'!A0`` on two lines of it. Column names are treated as cells.
- Line breaks inside a cell (CR LF, a bare CR, and the Unicode ones: VT, FF, NEL, U+2028,
  U+2029, ...) become ``\\n``, and a cell holding one is quoted; rows end with CR LF (RFC 4180). Read
  back with Python's csv module (``newline=""``) or pandas, each row is one record.
- Lists and objects are written as JSON text, missing values as empty cells, numbers as numbers
  (a negative number is a number, not a formula).
- Excel (:func:`to_excel`): every text cell is a string cell, never a formula; characters Excel
  refuses (control characters) become U+FFFD; dates are written in UTC without a time zone (Excel
  has none).

Both write a file beside the target and rename it into place, so a failed export (a full disk)
never leaves half a file under the name asked for; both return the number of rows written.

Limits: the ``'`` shows in the cell (it is part of the text, which is the point); a text line
starting with ``-`` (a list in a quote) gets one too. Excel holds at most 1,048,576 rows, 16,384
columns and 32,767 characters per cell: more rows or columns raise ExportError; a longer cell is
cut, with a warning (export to CSV to keep it whole).
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import unicodedata
import uuid
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import ExportError, InvalidOptionError

CSV_TRIGGERS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")  # after any leading blanks
RAW_TRIGGERS = ("\t", "\r")  # triggers as the very first character (OWASP)
ENCODINGS = ("utf-8", "utf-8-sig")
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
EXCEL_MAX_CELL = 32_767
_LINE_BREAK = re.compile("\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_EXCEL_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_NAME = re.compile(r"[^\[\]:*?/\\]{1,31}")


def neutralize_cell(text: str) -> str:
    """``text`` with its line breaks as ``\\n`` and a ``'`` before every line a spreadsheet would
    start a formula with (see the module docstring)."""
    lines = _LINE_BREAK.sub("\n", text).split("\n")
    return "\n".join("'" + line if _formula_like(line) else line for line in lines)


def _formula_like(line: str) -> bool:
    if line.startswith(RAW_TRIGGERS):
        return True
    for ch in line:
        if ch.isspace() or unicodedata.category(ch) == "Cf":  # blanks and invisible characters
            continue
        return ch in CSV_TRIGGERS
    return False


def neutralize_csv(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` as the exports write it: text cells (and column names) neutralised,
    lists and objects as JSON text, missing values empty (see the module docstring)."""
    out = pd.DataFrame({i: _cells(frame.iloc[:, i]) for i in range(frame.shape[1])}, index=frame.index)
    out.columns = [neutralize_cell(str(c)) for c in frame.columns]
    return out


def _cells(s: pd.Series) -> pd.Series:
    if pd.api.types.is_numeric_dtype(s.dtype) or pd.api.types.is_datetime64_any_dtype(s.dtype):
        return s
    return pd.Series([_cell(v) for v in s.to_numpy(dtype=object)], index=s.index, dtype=object)


def _cell(v):
    if isinstance(v, str):
        return neutralize_cell(v)
    if isinstance(v, (list, tuple, dict, set, np.ndarray)):
        return neutralize_cell(json.dumps(v, ensure_ascii=False, default=_json_default))
    if v is None or (not isinstance(v, (bytes, bytearray)) and _isna(v)):
        return None
    if isinstance(v, (bytes, bytearray)):
        return neutralize_cell(bytes(v).decode("utf-8", "backslashreplace"))
    if isinstance(v, (bool, int, float, np.bool_, np.integer, np.floating, dt.date, dt.time, pd.Timestamp)):
        return v
    return neutralize_cell(str(v))


def _isna(v) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _json_default(v):
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, np.generic):
        return v.item()
    if isinstance(v, (set, frozenset)):
        return sorted(v, key=str)
    return str(v)


def _into_place(path, write, *, binary: bool, encoding: str = "utf-8"):
    """``write(fh)`` into ``path`` through a file renamed into place, or into ``path`` itself when
    it is an open file (a buffer for a download)."""
    if hasattr(path, "write"):
        write(path)
        return
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        if binary:
            with open(tmp, "wb") as fh:
                write(fh)
        else:
            with open(tmp, "w", encoding=encoding, newline="") as fh:
                write(fh)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def to_csv(frame: pd.DataFrame, path, *, encoding: str = "utf-8") -> int:
    """Write ``frame`` (without its index) as a formula-safe CSV; returns the rows written.

    ``path`` is a file path or an open text file (opened with ``newline=""``). ``encoding`` is
    "utf-8" or "utf-8-sig" (with a BOM, for Excel on Windows to read accents right)."""
    if encoding not in ENCODINGS:
        raise InvalidOptionError("encoding", encoding, ENCODINGS)
    safe = neutralize_csv(frame)
    _into_place(path, lambda fh: safe.to_csv(fh, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n"),
                binary=False, encoding=encoding)
    return len(frame)


def to_excel(frame: pd.DataFrame, path, *, sheet: str = "data") -> int:
    """Write ``frame`` (without its index) as a formula-safe Excel workbook (.xlsx) of one sheet;
    returns the rows written.

    ``path`` is a file path or an open binary file (an ``io.BytesIO`` for a download). ``sheet``
    names the sheet (1 to 31 characters, none of ``[]:*?/\\``). Raises ExportError past Excel's
    row or column limit."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    if not isinstance(sheet, str) or not _SHEET_NAME.fullmatch(sheet):
        raise InvalidOptionError("sheet", sheet, ("a name of 1 to 31 characters without []:*?/\\",))
    if len(frame) + 1 > EXCEL_MAX_ROWS:
        raise ExportError(f"{len(frame):,} rows do not fit in an Excel sheet ({EXCEL_MAX_ROWS - 1:,} at most with "
                          "the header); filter the rows first, or export to CSV with to_csv")
    if frame.shape[1] > EXCEL_MAX_COLUMNS:
        raise ExportError(f"{frame.shape[1]:,} columns do not fit in an Excel sheet ({EXCEL_MAX_COLUMNS:,} at most); "
                          "select the columns first, or export to CSV with to_csv")
    safe = neutralize_csv(frame)
    cut = 0
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)

    def cell(v):
        nonlocal cut
        if v is None or (not isinstance(v, str) and _isna(v)):
            return None
        if isinstance(v, np.generic):
            v = v.item()
        if isinstance(v, pd.Timestamp):
            v = v.to_pydatetime()
        if isinstance(v, dt.datetime) and v.tzinfo is not None:
            v = v.astimezone(dt.timezone.utc).replace(tzinfo=None)
        if isinstance(v, (dt.timedelta, pd.Timedelta)):
            v = str(v)
        if isinstance(v, str):
            v = _EXCEL_ILLEGAL.sub("\ufffd", v)
            if len(v) > EXCEL_MAX_CELL:
                cut += 1
                v = v[:EXCEL_MAX_CELL]
            c = WriteOnlyCell(ws, value=v)
            c.data_type = "s"  # a string, whatever it starts with: openpyxl reads "=..." as a formula
            return c
        return v

    ws.append([cell(c) for c in safe.columns])
    for row in safe.itertuples(index=False, name=None):
        ws.append([cell(v) for v in row])
    _into_place(path, wb.save, binary=True)
    if cut:
        warnings.warn(f"{cut} cells longer than Excel's {EXCEL_MAX_CELL:,} characters were cut; export to CSV with "
                      "to_csv to keep them whole", stacklevel=2)
    return len(frame)


__all__ = ["to_csv", "to_excel", "neutralize_cell", "neutralize_csv", "CSV_TRIGGERS"]
