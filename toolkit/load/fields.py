"""Extra fields in a form Parquet can store: kept as they are when it can, JSON text when it cannot.

Records bring fields besides the article columns, of any shape: ``"meta": {}``, ``"tags": ["a"]`` in
one record and ``"tags": "a"`` in the next, an object nested 150 levels deep. Parquet keeps one type
per column and cannot store an object without keys, and Arrow cannot read back a schema nested more
than about 125 levels ("Invalid flatbuffers message"). So each extra column is checked on the whole
frame (a record's type can differ from the next one's, and from one chunk of a file to the next):

- it is kept as it is when Parquet can hold it: one kind of value (text, numbers, booleans, lists,
  objects, dates, bytes), no empty object anywhere inside, at most :data:`MAX_DEPTH` levels of
  nesting;
- otherwise every value of the column is stored as JSON text (one type per column):
  ``json.loads(value)`` gives each value back; missing values stay missing;
- text that is not valid Unicode (lone surrogates, as a DataFrame built by hand can hold) has them
  replaced by U+FFFD, one code point for one, so offsets into it stay right.

:func:`storable` says what it changed, one sentence per column; the loader puts them in the load
report as notes, ``tk.analyze`` and the store warn with them (frames built by users).

Limits: objects kept as Parquet structs come back with every key any record of the column has (None
where a record lacked it); integers and floats in one column become floats; a value that JSON cannot
write (a set, a custom object) is written as JSON of its ``str``; a value nested more deeply than
Python can recurse (about 1,000 levels; the JSON readers stop before that) is left empty, and the
note counts it.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter

import numpy as np
import pandas as pd
import pyarrow as pa

from ..errors import InvalidOptionError

MAX_DEPTH = 64  # Arrow reads back about 125 levels; half of that leaves room for the wrapping schema
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONVERT_ERRORS = (pa.ArrowException, TypeError, ValueError, OverflowError, UnicodeError, RecursionError)


def storable(frame: pd.DataFrame, *, keep=(), check: str = "extra") -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """``frame`` with every column Parquet could not store as it is converted (see the module
    docstring), and a (column, sentence) pair per converted column saying what was done and why.

    ``keep`` names the columns of the table's schema (left as they are with ``check="extra"``, the
    default: typed columns need no check). ``check="all"`` also looks at those columns' text for lone
    surrogates (what the store does when a write failed). The frame is copied only when something
    changes.
    """
    if check not in ("extra", "all"):
        raise InvalidOptionError("check", check, ("extra", "all"))
    keep = set(keep)
    out = frame
    notes: list[str] = []
    for col in frame.columns:
        s = frame[col]
        if col in keep:
            if check == "all" and _python_text(s):
                fixed, n = _repair_text(s)
                if n:
                    out = _set(out, frame, col, fixed)
                    notes.append((col, _surrogate_note(col, n)))
            continue
        if not (s.dtype == object or _python_text(s)):
            continue  # numbers, dates, Arrow-backed text: Parquet holds them
        values = s.to_numpy(dtype=object)
        present = [v for v in values if not _missing(v)]
        if not present:
            continue
        if all(isinstance(v, str) for v in present):
            fixed, n = _repair_text(s)
            if n:
                out = _set(out, frame, col, fixed)
                notes.append((col, _surrogate_note(col, n)))
            continue
        reason = why_not_storable(values, present)
        if reason is None:
            continue
        text, lost = as_json_text(values)
        out = _set(out, frame, col, pd.Series(text, index=frame.index, dtype="string"))
        notes.append((col, f"field {col!r} {reason}: stored as JSON text in all {len(present)} records that "
                      "have it (json.loads gives each value back)"
                      + (f"; {lost} values nested too deeply even for JSON are left empty" if lost else "")))
    return out, notes


def why_not_storable(values, present=None) -> str | None:
    """Why Parquet cannot store this column as it is (a phrase), or None when it can."""
    if present is None:
        present = [v for v in values if not _missing(v)]
    deepest = max((_depth(v) for v in present), default=0)
    if deepest > MAX_DEPTH:
        return f"is nested more than {MAX_DEPTH} levels deep (Arrow cannot read back a schema that deep)"
    try:
        arr = pa.array(values, from_pandas=True)
    except _CONVERT_ERRORS as exc:
        kinds = Counter(_kind(v) for v in present)
        if len(kinds) > 1:
            return ("holds " + " and ".join(f"{k} in {n} records" for k, n in kinds.most_common())
                    + " (Parquet keeps one type per column)")
        first = (str(exc).splitlines() or [""])[0][:120]
        return f"holds values Parquet cannot store as they are ({type(exc).__name__}: {first})"
    if _has_empty_object(arr.type):
        return "holds empty objects ({}), which Parquet cannot store"
    # Arrow converts what it can to the column's one type (False to 0.0 beside a float, a large
    # integer to a rounded float): keep the column only if every value comes back as it was.
    for orig, back in zip(values, arr.to_pylist()):
        if not _faithful(orig, back):
            return (f"holds values Parquet would change ({_short(orig)} would come back as {_short(back)}; "
                    "Parquet keeps one type per column)")
    return None


def _faithful(orig, back) -> bool:
    """``back`` (from Arrow) is ``orig``: same types, same values; an object may come back with more
    keys, None (the other keys of its column)."""
    if _missing(orig) or (isinstance(orig, float) and orig != orig):
        return back is None or (isinstance(back, float) and back != back)
    if isinstance(orig, np.generic):
        orig = orig.item()
    if isinstance(orig, bool):
        return isinstance(back, bool) and back == orig
    if isinstance(orig, (int, float)):
        return isinstance(back, (int, float)) and not isinstance(back, bool) and back == orig
    if isinstance(orig, dict):
        return (isinstance(back, dict) and all(k in back and _faithful(v, back[k]) for k, v in orig.items())
                and all(v is None for k, v in back.items() if k not in orig))
    if isinstance(orig, (list, tuple, np.ndarray)):
        return isinstance(back, list) and len(back) == len(orig) and all(map(_faithful, orig, back))
    if isinstance(orig, (set, frozenset)):
        return isinstance(back, list) and len(back) == len(orig) and all(map(_faithful, list(orig), back))
    if isinstance(orig, pd.Timestamp):
        return back == orig.to_pydatetime() or back == orig
    try:
        return type(back) is type(orig) and bool(back == orig)
    except (TypeError, ValueError):
        return False


def _short(v) -> str:
    text = repr(v)
    return text if len(text) <= 40 else text[:37] + "..."


def as_json_text(values) -> tuple[list, int]:
    """Each value as JSON text (None for a missing one), and how many could not be written at all."""
    out, lost = [], 0
    for v in values:
        if _missing(v):
            out.append(None)
            continue
        text = _dumps(v)
        if text is None:
            lost += 1
        out.append(text)
    return out, lost


def _dumps(v) -> str | None:
    # the value itself, else its str (a key JSON cannot write); None when even that fails
    for make in (lambda: v, lambda: str(v)):
        try:
            obj = make()
            text = json.dumps(obj, ensure_ascii=False, default=_plain)
        except (TypeError, ValueError, RecursionError):
            continue
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: as a \\udXXX escape, which json.loads reads back
            text = json.dumps(obj, ensure_ascii=True, default=_plain)
        return text
    return None


def _plain(v):
    """What JSON cannot write, as what it can (``default=`` of json.dumps)."""
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, np.generic):
        return v.item()
    if isinstance(v, (dt.date, dt.time, pd.Timestamp)):
        return v.isoformat()
    if isinstance(v, (set, frozenset, tuple)):
        return list(v)
    if isinstance(v, bytes):
        return v.decode("utf-8", "backslashreplace")
    return str(v)


def _missing(v) -> bool:
    if v is None:
        return True
    if isinstance(v, (list, tuple, dict, set, frozenset, np.ndarray, str, bytes)):
        return False
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _kind(v) -> str:
    if isinstance(v, (bool, np.bool_)):
        return "booleans"
    if isinstance(v, (int, float, np.integer, np.floating)):
        return "numbers"
    if isinstance(v, str):
        return "text"
    if isinstance(v, (list, tuple, set, frozenset, np.ndarray)):
        return "lists"
    if isinstance(v, dict):
        return "objects"
    if isinstance(v, (dt.date, dt.time, pd.Timestamp)):
        return "dates"
    return type(v).__name__ + " values"


def _depth(v) -> int:
    """Levels of nesting of lists and objects (a scalar is 0, ``[1]`` is 1); stops counting past
    MAX_DEPTH. Iterative: a value nested beyond the recursion limit must not raise."""
    best = 0
    stack = [(v, 0)]
    while stack:
        x, d = stack.pop()
        if isinstance(x, dict):
            children = x.values()
        elif isinstance(x, (list, tuple, set, frozenset)):
            children = x
        elif isinstance(x, np.ndarray):
            if x.dtype != object:
                best = max(best, d + x.ndim)
                continue
            children = x.ravel()
        else:
            continue
        d += 1
        best = max(best, d)
        if best > MAX_DEPTH:
            return best
        stack.extend((c, d) for c in children)
    return best


def _has_empty_object(t: pa.DataType) -> bool:
    stack = [t]
    while stack:
        t = stack.pop()
        if pa.types.is_struct(t):
            if t.num_fields == 0:
                return True
            stack.extend(t.field(i).type for i in range(t.num_fields))
        elif pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t):
            stack.append(t.value_type)
        elif pa.types.is_map(t):
            stack.extend((t.key_type, t.item_type))
    return False


def _python_text(s: pd.Series) -> bool:
    """A ``"string"`` column holding Python str objects (Arrow-backed ones cannot hold surrogates)."""
    return isinstance(s.dtype, pd.StringDtype) and s.dtype.storage == "python"


def _repair_text(s: pd.Series) -> tuple[pd.Series, int]:
    """Lone surrogates replaced by U+FFFD, and how many values had one."""
    n = 0

    def fix(v):
        nonlocal n
        if isinstance(v, str) and _SURROGATE.search(v):
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:
                n += 1
                # a valid surrogate pair cannot occur in a Python str; any surrogate is lone
                return _SURROGATE.sub("\ufffd", v)
        return v

    fixed = s.map(fix)
    return (fixed.astype(s.dtype) if n else s), n


def _surrogate_note(col, n: int) -> str:
    return (f"field {col!r}: {n} values held text that is not valid Unicode (lone surrogates): replaced by "
            "U+FFFD, one character for one")


def _set(out: pd.DataFrame, frame: pd.DataFrame, col, values) -> pd.DataFrame:
    if out is frame:
        out = frame.copy()
        out.attrs = dict(frame.attrs)
    out[col] = values
    return out


__all__ = ["storable", "why_not_storable", "as_json_text", "MAX_DEPTH"]
