"""JSON Lines (streamed, one record a line) and JSON documents (a record, a list of records, or an
object holding the list under "articles", "data", "items", "results", "records" or "docs", as
NewsAPI and GDELT's DOC API write them)."""
from __future__ import annotations

import json
import re

from .decode import open_lines, read_text
from .paths import Input
from .records import add_record
from .run import Run

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LISTS = ("articles", "data", "items", "results", "records", "docs", "stories")


def json_loads(line: str):
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


def read_jsonl(inp: Input, run: Run, source):
    lines = open_lines(inp, run, universal=False)
    if lines is None:
        run.n_inputs += 1
        return
    n_before = run.n_inputs
    add_json_lines(enumerate(lines, start=1), inp, run, source)
    if run.n_inputs == n_before:  # only blank lines (a long file; a short one is reported as empty)
        run.fail(inp.name, "empty file (blank lines only)")


def add_json_lines(numbered_lines, inp: Input, run: Run, source):
    """One record a line; each line an input, reported with its number when it does not parse.
    Splits on "\\n" only: JSON strings may hold U+2028, U+0085 or form feeds unescaped, which
    ``str.splitlines`` would wrongly treat as line ends. A BOM at the start of a line (files
    concatenated together) is dropped."""
    for lineno, line in numbered_lines:
        line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        run.n_inputs += 1
        try:
            obj = json_loads(line)
        except json.JSONDecodeError as exc:
            run.skip(inp.name, f"JSON does not parse: {exc.msg} at column {exc.colno}", line=lineno)
            continue
        add_record(run, obj, inp.name, lineno, source)


def read_json(inp: Input, run: Run, source):
    raw = read_text(inp, run)
    if raw is None:
        run.n_inputs += 1
        return
    try:
        obj = json_loads(raw)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # JSON Lines saved as .json
            return add_json_lines(enumerate(raw.split("\n"), start=1), inp, run, source)
        run.fail(inp.name, f"JSON does not parse: {exc.msg}", line=exc.lineno)
        return
    if isinstance(obj, dict):
        for key in _LISTS:
            if isinstance(obj.get(key), list):
                obj = obj[key]
                break
    records = obj if isinstance(obj, list) else [obj]
    if not records:
        run.fail(inp.name, "JSON holds no records")
    for i, rec in enumerate(records, start=1):
        run.n_inputs += 1
        add_record(run, rec, inp.name, None if len(records) == 1 else i, source, where="record")
