"""Property tests of the loaders: whatever the bytes, load_articles never raises an unhandled exception,
accounts for every input (inputs = loaded rows + skipped rows), loads only non-empty texts and gives
unique article ids. With errors="raise" the only exception is LoadError.

Deterministic: ``derandomize=True`` and a fixed number of examples per property. Run with
``--hypothesis-show-statistics`` to see the cases each property ran.

Cases per run (derandomized, so every run draws the same ones): arbitrary bytes 300 (as every
supported extension, compressed ones and archives included), file names of random bytes 200, text in any
encoding 300, mixed encodings 200, JSON Lines 300, JSON documents 200, CSV 300, truncated/damaged
real files 300, HTML 150, Parquet 150, ids across copies 200 (2,400 in all, about 50 s).

Run against the loader before its fixes, these properties failed on (fixed in toolkit/load.py and
toolkit/clean.py):
- JSON Lines: U+2028, U+0085 or a form feed inside a JSON string split the line in two
  (str.splitlines), losing the record and shifting inputs;
- JSON documents and ids: a lone surrogate escape ("\\ud800") crashed the id hash and pandas' string
  columns (UnicodeEncodeError);
- Parquet: a date outside 1677-2262 ("0001-01-01") crashed the frame build (OutOfBoundsDatetime);
- CSV: a header without rows was neither loaded nor reported;
- ids across copies (against a first fix of mine): a text without letters or digits ("£") copied
  twice was not flagged as a duplicate.
Found by hand while writing these and now covered in test_load.py: JSON nested deeper than the
recursion limit (RecursionError), a file holding only a BOM not reported as empty, epoch numbers read
as nanoseconds, "now"/"today" read as the current time, "!!!" and "???" flagged as copies of each other.
"""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toolkit as tk
from toolkit.errors import LoadError
from toolkit.load import FIELDS

from conftest import need
from test_load import accounted

FAST = settings(max_examples=300, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
MEDIUM = settings(FAST, max_examples=200)
SLOW = settings(FAST, max_examples=150)  # HTML (trafilatura) and Parquet are slower per example

EXTENSIONS = [".txt", ".jsonl", ".json", ".csv", ".tsv", ".html", ".parquet", ".docx", ".rtf", ".pdf", ".xlsx",
              ".sqlite", ".zip", ".jsonl.gz", ".csv.bz2", ".txt.xz"]


@pytest.fixture(scope="module")
def work():
    with tempfile.TemporaryDirectory(prefix="load-fuzz-") as d:
        yield Path(d)


_counter = iter(range(10**9))


def put(folder: Path, ext: str, data: bytes) -> Path:
    path = folder / f"case{next(_counter)}{ext}"
    path.write_bytes(data)
    return path


def load_both_ways(paths, **kw) -> pd.DataFrame:
    """Load in report mode (must not raise; invariants hold) and in raise mode (only LoadError, and
    only when the report lists a skipped input)."""
    frame = tk.load_articles(paths, **kw)
    report = accounted(frame)
    n_skipped = int((report["status"] == "skipped").sum())
    try:
        strict = tk.load_articles(paths, errors="raise", **kw)
    except LoadError as err:
        assert n_skipped > 0, f"raised {err} but report mode skipped nothing"
        first = report[report["status"] == "skipped"].iloc[0]
        assert err.path == first["path"] and err.reason == first["reason"]
    else:
        assert n_skipped == 0
        pd.testing.assert_frame_equal(strict, frame)
    return frame


# --- strategies ---------------------------------------------------------------------------------

FRAGMENTS = [
    "\n", "\r\n", "\r", "\n\n", "\t", " ", "\x00", "\ufeff", "\u2028", "\u2029", "\x85", "\x0c", "\xa0",
    "READ MORE", "Also read: Some headline", "Related", "By", "By Jane Doe", "| Feb 07, 2025",
    "Friday, January 4, 2019", "Monday, March 4, 2019 ", "ABSTRACT.", "FULL TEXT.", "> quoted", "£", "é", "“", "”",
    "Ω", "😀", "\ud800", ",", '"', "'", "{", "}", "[", "]", ":", "A full sentence here.", "Short headline",
    "<p>", "</p>", "<html>", "<article>", "<nav>", "&amp;", "=", "title,text\n",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=25).map("".join)
valid_texts = texts.map(lambda t: t.encode("utf-8", "replace").decode("utf-8"))  # no lone surrogates
field_names = sorted({n for names in FIELDS.values() for n in names})
keys = st.one_of(st.sampled_from(field_names), st.sampled_from(field_names).map(str.upper),
                 st.sampled_from(["categories", "tags", "language", "", " text", "n_words", "path", "duplicate_of"]),
                 st.text(max_size=8))
scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70),
                    st.floats(allow_nan=True, allow_infinity=True), texts,
                    st.sampled_from(["2019-01-04", "0001-01-01", "9999-12-31T23:59:59Z", "now", "1546603200",
                                     "Feb 30, 2019", "2019-01-04T12:00:00+25:00", "", " "]))
json_values = st.recursive(scalars, lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=6), c, max_size=3),
                           max_leaves=8)
records = st.dictionaries(keys, json_values, max_size=8)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
newlines = st.sampled_from(["\n", "\r\n", "\r"])


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf-8") else "replace")


# --- properties ---------------------------------------------------------------------------------

@MEDIUM
@given(names=st.lists(st.binary(min_size=1, max_size=12).filter(lambda b: b"/" not in b and b"\x00" not in b
                                                                 and b not in (b".", b"..")), min_size=1, max_size=5,
                      unique=True),
       compress=st.booleans())
def test_file_names_from_random_bytes(work, names, compress):
    """Any file name (bytes that are not UTF-8 included) is loaded or reported, and stored safely."""
    import gzip

    folder = work / f"names{next(_counter)}"
    folder.mkdir()
    for i, name in enumerate(names):
        data = json.dumps({"text": f"Article number {i} about the harbour."}).encode() + b"\n"
        suffix = b".jsonl.gz" if compress else b".jsonl"
        with open(os.fsencode(folder) + b"/" + name + suffix, "wb") as fh:
            fh.write(gzip.compress(data) if compress else data)
    frame = load_both_ways(folder)
    assert len(frame) == len(names)
    frame["path"].str.encode("utf-8")  # every shown name is valid UTF-8

@FAST
@given(data=st.binary(max_size=3000), ext=st.sampled_from(EXTENSIONS))
def test_arbitrary_bytes(work, data, ext):
    load_both_ways(put(work, ext, data))


@FAST
@given(text=texts, ext=st.sampled_from([".txt", ".jsonl", ".json", ".csv"]), encoding=encodings,
       bom=st.booleans(), nul=st.booleans(), newline=newlines)
def test_arbitrary_text_in_any_encoding(work, text, ext, encoding, bom, nul, newline):
    text = text.replace("\n", newline)
    if nul:
        text = text.replace(" ", " \x00")
    data = (b"\xef\xbb\xbf" if bom else b"") + encode(text, encoding)
    load_both_ways(put(work, ext, data))


@MEDIUM
@given(parts=st.lists(st.tuples(texts, encodings), min_size=1, max_size=6), newline=newlines)
def test_mixed_encodings_in_one_file(work, parts, newline):
    data = newline.encode().join(encode(t, e) for t, e in parts)
    frame = load_both_ways(put(work, ".txt", data))
    assert len(frame) <= 1


@FAST
@given(recs=st.lists(st.one_of(records, json_values), max_size=8), ascii_only=st.booleans(), newline=newlines,
       bom=st.booleans(), garbage=st.lists(st.tuples(st.integers(0, 8), texts), max_size=2))
def test_random_json_lines(work, recs, ascii_only, newline, bom, garbage):
    lines = [json.dumps(r, ensure_ascii=ascii_only) for r in recs]
    for at, junk in garbage:
        lines.insert(min(at, len(lines)), junk.replace("\n", " ").replace("\r", " "))
    text = ("\ufeff" if bom else "") + newline.join(lines)
    frame = load_both_ways(put(work, ".jsonl", encode(text, "utf-8")))
    n_lines = sum(1 for l in text.lstrip("\ufeff").replace("\r\n", "\n").split("\n") if l.strip())
    # every non-blank line is one input, unless the file as a whole is reported (empty, undecodable)
    assert frame.attrs["n_inputs"] in (n_lines, 1)
    # a well-formed record with a non-empty string body is never lost
    for r in recs:
        if isinstance(r, dict) and isinstance(r.get("text"), str) and any(ch.isalnum() for ch in r["text"]) \
                and "\ud800" not in r["text"] and not any(k.lower() == "text" and k != "text" for k in r):
            assert len(frame) > 0


@MEDIUM
@given(recs=st.lists(records, max_size=6), wrap=st.sampled_from([None, "articles", "data", "items"]),
       single=st.booleans(), indent=st.sampled_from([None, 2]))
def test_random_json_documents(work, recs, wrap, single, indent):
    obj = recs[0] if single and recs else recs
    if wrap:
        obj = {wrap: obj if isinstance(obj, list) else [obj]}
    load_both_ways(put(work, ".json", json.dumps(obj, indent=indent).encode("utf-8", "surrogatepass")))


@FAST
@given(header=st.lists(keys, min_size=1, max_size=6), rows=st.lists(st.lists(texts, max_size=7), max_size=6),
       newline=newlines, delimiter=st.sampled_from([",", ";", "\t"]), encoding=encodings)
def test_random_csv(work, header, rows, newline, delimiter, encoding):
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
    ext = ".tsv" if delimiter == "\t" else ".csv"
    frame = load_both_ways(put(work, ext, encode(buf.getvalue(), encoding)))
    assert frame.attrs["n_inputs"] >= 1


@pytest.fixture(scope="module")
def real_files(data_root):
    paths = [
        data_root / "seed" / "000_6d4597893878630f.txt",
        data_root / "bbc" / "sport" / "199.txt",
        data_root / "bbc" / "business" / "001.txt",
        data_root / "polnear" / "data" / "dev" / "text" / "nyt_2016-09-08_obama-on-climate-change-the-tren.txt",
        data_root / "wikinews" / "articles.jsonl",
        data_root / "wikinews" / "wikinews_2019.csv",
        data_root / "globalvoices" / "articles.jsonl",
    ]
    return [(p.suffix, need(p).read_bytes()[:40_000]) for p in paths]


@FAST
@given(data=st.data())
def test_truncated_and_damaged_real_files(work, real_files, data):
    ext, content = data.draw(st.sampled_from(real_files))
    cut = data.draw(st.integers(0, len(content)))
    blob = bytearray(content[:cut])
    for _ in range(data.draw(st.integers(0, 3))):  # flip, insert or delete a byte
        if not blob:
            break
        at = data.draw(st.integers(0, len(blob) - 1))
        op = data.draw(st.sampled_from(["flip", "nul", "crlf", "bom", "delete"]))
        if op == "flip":
            blob[at] = data.draw(st.integers(0, 255))
        elif op == "nul":
            blob[at:at] = b"\x00"
        elif op == "crlf":
            blob[:] = bytes(blob).replace(b"\n", b"\r\n")
        elif op == "bom":
            blob[at:at] = b"\xef\xbb\xbf"
        else:
            del blob[at]
    frame = load_both_ways(put(work, ext, bytes(blob)))
    if ext == ".jsonl":
        lines = [l for l in bytes(blob).split(b"\n") if l.strip()]
        assert frame.attrs["n_inputs"] in (len(lines), 1)


@SLOW
@given(head=texts, paras=st.lists(texts, max_size=5), noise=st.lists(st.sampled_from(
    ["<nav><a href='/'>Home</a></nav>", "<footer>© 2024</footer>", "<script>x()</script>", "<p>", "</div>",
     "<meta name='date' content='0001-01-01'>", "<meta name='author' content='\x00'>", "<!--", "<![CDATA["]),
    max_size=4))
def test_random_html(work, head, paras, noise):
    body = "".join(f"<p>{p}</p>" for p in paras) + "".join(noise)
    page = f"<html><head><title>{head}</title></head><body><article>{body}</article></body></html>"
    load_both_ways(put(work, ".html", page.encode("utf-8", "surrogatepass")))


@SLOW
@given(recs=st.lists(st.dictionaries(st.sampled_from(["text", "body", "title", "date", "id", "extra"]),
                                     st.one_of(st.none(), valid_texts,
                                               st.sampled_from(["2020-01-01", "0001-01-01"]))),
                     max_size=6),
       cut=st.one_of(st.none(), st.integers(0, 4000)))
def test_random_parquet(work, recs, cut):
    path = work / f"case{next(_counter)}.parquet"
    frame = pd.DataFrame(recs, dtype=object)
    frame.columns = [str(c) for c in frame.columns]
    frame.to_parquet(path)
    if cut is not None:
        path.write_bytes(path.read_bytes()[:cut])
    load_both_ways(path)


@MEDIUM
@given(recs=st.lists(st.fixed_dictionaries({"text": texts}, optional={"id": st.sampled_from(["a", "b", "c"]),
                                                                      "title": texts}), max_size=8),
       copies=st.integers(1, 3))
def test_ids_unique_across_files_and_copies(work, recs, copies):
    path = put(work, ".jsonl", "\n".join(json.dumps(r) for r in recs).encode("utf-8", "surrogatepass"))
    frame = load_both_ways([path] * copies)
    single = tk.load_articles(path)
    if copies > 1 and not single.empty:
        # the copies of records with a generated id load again (as duplicates); given ids do not
        assert len(frame) >= len(single)
        assert frame["duplicate_of"].notna().sum() >= len(frame) - len(single)
