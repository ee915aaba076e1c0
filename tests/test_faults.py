"""Nothing lost, nothing misleading (issue 20): every field saves, a finished corpus survives any
crash, exports are safe, the command line says what went wrong.

Most tests use tiny corpora of hand-made frames (no spaCy); one analyses two short articles, for
the end to end case: a JSONL with ``"meta": {}`` and mixed-type fields through ``tk.analyze`` and
``toolkit analyze``.
"""
from __future__ import annotations

import csv
import errno
import io
import json
import multiprocessing as mp
import os
import random
import threading
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import toolkit as tk
from toolkit import cli, schema, store
from toolkit.errors import EngineError, InvalidOptionError, ModelNotFoundError, StoreError, StoreWriteError
from toolkit.exports import neutralize_cell, to_csv, to_excel
from toolkit.load.fields import MAX_DEPTH

import corpora
from corpora import tag_of, tiny_corpus, tiny_tables

CR_TITLE = "Breaking news\r=cmd|' /C calc'!A0"


# --- helpers -----------------------------------------------------------------------------------

def leftovers(path: Path) -> list[str]:
    """What is in the corpus folder besides the pointer, the lock and the current version."""
    folder = path / "corpus"
    current = store.current_folder(path).name
    return sorted(p.name for p in folder.iterdir() if p.name not in ("corpus.json", ".lock", current))


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def nested(depth: int, leaf=1):
    v = leaf
    for i in range(depth):
        v = {"k": v} if i % 2 else [v]
    return v


TEXTS = ["Angela Merkel met Emmanuel Macron in Paris on Monday to talk about trade and farming.",
         "Joe Biden spoke in Washington about the economy and the price of bread on Tuesday.",
         "William Ruto visited Nairobi and met farmers from Nakuru and Eldoret on Wednesday."]
ODD_RECORDS = [
    {"id": "a1", "title": "One", "language": "en", "text": TEXTS[0], "meta": {}, "tags": ["x", "y"], "n": 1, "deep": nested(150)},
    {"id": "a2", "title": "Two", "language": "en", "text": TEXTS[1], "meta": {}, "tags": "z", "n": "two", "ok": {"a": 1}},
    {"id": "a3", "title": "Three", "language": "en", "text": TEXTS[2], "meta": {}, "tags": 7, "n": 3.5, "ok": {"a": 2}},
]


# --- extra fields -------------------------------------------------------------------------------

def test_fields_parquet_cannot_store_become_json_text_with_a_note(tmp_path):
    arts = tk.load_articles(write_jsonl(tmp_path / "odd.jsonl", ODD_RECORDS))
    notes = tk.load_report(arts).query("status == 'note'")["reason"]
    for field, why in [("meta", "empty objects"), ("tags", "one type per column"), ("n", "one type per column"),
                       ("deep", f"more than {MAX_DEPTH} levels")]:
        assert notes.str.contains(f"field '{field}' ").any() and notes.str.contains(why, regex=False).any()
        assert str(arts[field].dtype) == "string"
        assert [json.loads(v) for v in arts[field].dropna()] == [r[field] for r in ODD_RECORDS if field in r]
    assert arts["ok"].tolist() == [None, {"a": 1}, {"a": 2}]  # Parquet holds it: kept as it is
    tiny_corpus("A", articles=arts).save(tmp_path / "s")
    back = tk.open_corpus(tmp_path / "s").articles
    pd.testing.assert_frame_equal(back, arts)


def test_a_field_nested_150_deep_gives_a_readable_store_and_an_old_store_a_store_error(tmp_path):
    arts = tk.load_articles(write_jsonl(tmp_path / "deep.jsonl", [{"text": TEXTS[0], "deep": nested(150)}]))
    tiny_corpus("A", articles=arts).save(tmp_path / "s")
    assert json.loads(tk.open_corpus(tmp_path / "s").articles.loc[0, "deep"]) == nested(150)
    # A store written before the fix: Parquet wrote the column, Arrow cannot read its schema back.
    old = tmp_path / "old" / "corpus"
    old.mkdir(parents=True)
    files = {}
    for name, df in tiny_tables("A").items():
        if name == "articles":
            df = df.assign(deep=[nested(150)] * len(df))
        df.to_parquet(old / f"{name}.parquet", index=False)
        files[name] = store._sha256(old / f"{name}.parquet")
    (old / "corpus.json").write_text(json.dumps({"schema": store.SCHEMA, "files": files}))
    with pytest.raises(StoreError, match="cannot be read"):
        tk.open_corpus(tmp_path / "old").articles


def test_the_store_guards_frames_built_by_hand(tmp_path):
    arts = tiny_tables("A")["articles"].assign(meta=[{}, {}, {}], mixed=[[1], "a", 2],
                                               bad=pd.Series(["ok", "lone \ud800 surrogate", None], dtype=object))
    with pytest.warns(UserWarning, match="stored in a form Parquet can hold"):
        tiny_corpus("A", articles=arts).save(tmp_path / "s")
    back = tk.open_corpus(tmp_path / "s").articles
    assert back["meta"].tolist() == ["{}"] * 3 and [json.loads(v) for v in back["mixed"]] == [[1], "a", 2]
    assert back["bad"].tolist()[:2] == ["ok", "lone \ufffd surrogate"]
    assert "one type per column" in " ".join(json.loads((tmp_path / "s/corpus/corpus.json").read_text())["notes"])
    # a schema column holding what Arrow refuses: found when the write fails, repaired, noted
    arts = tiny_tables("A")["articles"].assign(title=pd.Series(["a", "b \udc80", "c"], dtype="string[python]"))
    with pytest.warns(UserWarning, match="lone surrogates"):
        tiny_corpus("A", articles=arts).save(tmp_path / "t")
    assert tk.open_corpus(tmp_path / "t").articles["title"].tolist() == ["a", "b \ufffd", "c"]


@pytest.mark.parametrize("damage", ["truncated manifest", "manifest a list", "unknown version", "garbage table",
                                    "missing version folder"])
def test_every_unreadable_store_file_is_a_store_error(tmp_path, damage):
    path = tmp_path / "s"
    tiny_corpus("A").save(path)
    manifest = path / "corpus" / "corpus.json"
    meta = json.loads(manifest.read_text())
    if damage == "truncated manifest":
        manifest.write_text(manifest.read_text()[:40])
    elif damage == "manifest a list":
        manifest.write_text("[1, 2]")
    elif damage == "unknown version":
        manifest.write_text(json.dumps({**meta, "version": "../../etc"}))
    elif damage == "garbage table":  # checksum right, content not Parquet
        f = store.current_folder(path) / "actors.parquet"
        f.write_bytes(b"PAR1 not really PAR1")
        manifest.write_text(json.dumps({**meta, "files": {**meta["files"], "actors": store._sha256(f)}}))
    else:
        import shutil

        shutil.rmtree(store.current_folder(path))
    with pytest.raises(StoreError):
        tk.open_corpus(path).tables()  # at open, or when the damaged table is first read
    assert store.saved_fingerprint(path) is None


def test_an_unreadable_batch_is_forgotten_and_recomputed(tmp_path):
    st = store.Store(tmp_path)
    tables = {name: schema.empty(t) for name, t in schema.PER_ARTICLE.items()}
    bid = st.write_records([("a", "text")], tables, fingerprint="fp")
    (st.batches / f"{bid}.json").write_text('{"schema": 1, "fingerprint": "fp", "keys": ')  # truncated
    with pytest.warns(UserWarning, match="unreadable commit record"):
        assert st.index("fp") == {}
    bid = st.write_records([("a", "text")], tables, fingerprint="fp")
    f = st.batches / bid / "mentions.parquet"
    f.write_bytes(b"garbage")
    rec = json.loads((st.batches / f"{bid}.json").read_text())
    rec["files"]["mentions"] = store._sha256(f)
    (st.batches / f"{bid}.json").write_text(json.dumps(rec))
    index = st.index("fp")
    with pytest.raises(StoreError) as err:
        st.read(index)
    assert err.value.batch == bid
    with pytest.warns(UserWarning, match="recomputed"):
        st.discard(bid)
    assert st.index("fp") == {}


# --- replacing a finished corpus ----------------------------------------------------------------

def test_a_save_killed_at_random_moments_leaves_the_previous_corpus_readable(tmp_path):
    path = tmp_path / "s"
    tiny_corpus("A", rows=40).save(path)
    # A fork server imports the toolkit once; each child is forked from it, so ten kills stay quick.
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["toolkit.store", "toolkit.corpus", "corpora"])
    rng = random.Random(20)
    seen, cut_short = set(), 0
    for _ in range(10):
        started = ctx.Event()
        child = ctx.Process(target=corpora.save_forever, args=(str(path), ["B", "C"], started))
        child.start()
        assert started.wait(120)
        threading.Event().wait(rng.uniform(0, 0.6))  # a random moment of some save
        child.kill()  # SIGKILL
        child.join()
        seen.add(tag_of(store.read_tables(path)))  # opens, and all of one save
        cut_short += bool(leftovers(path))  # a half-written version: the kill came in the middle of a save
    assert seen <= {"A", "B", "C"} and cut_short >= 1
    tiny_corpus("D").save(path)  # the next save removes what the killed ones left
    assert leftovers(path) == [] and tag_of(tk.open_corpus(path).tables()) == "D"


def test_a_full_disk_during_a_save_leaves_the_previous_corpus(tmp_path, monkeypatch):
    path = tmp_path / "s"
    tiny_corpus("A").save(path)
    real, calls = store._write_file, []

    def fill_up(p, write):
        calls.append(p)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device", str(p))
        real(p, write)

    monkeypatch.setattr(store, "_write_file", fill_up)
    with pytest.raises(StoreWriteError, match="no space left") as err:
        tiny_corpus("B").save(path)
    assert err.value.errno == errno.ENOSPC
    assert tag_of(tk.open_corpus(path).tables()) == "A" and leftovers(path) == []
    # a batch of per-article tables: no commit record, so it never counts
    calls.clear()
    st = store.Store(tmp_path / "b")
    with pytest.raises(StoreWriteError, match="no space left"):
        st.write_records([("a", "text")], {n: schema.empty(t) for n, t in schema.PER_ARTICLE.items()},
                         fingerprint="fp")
    assert st.index("fp") == {} and not list(st.batches.glob("*.json"))


def test_concurrent_saves_take_turns_and_readers_see_whole_versions(tmp_path):
    path = tmp_path / "s"
    tiny_corpus("A").save(path)
    errors, seen = [], set()

    def saver(tag):
        try:
            for _ in range(3):
                tiny_corpus(tag).save(path)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def reader(stop):
        while not stop.is_set():
            try:
                seen.add(tag_of(store.read_tables(path)))
            except Exception as exc:  # pragma: no cover - reported below
                errors.append(exc)

    stop = threading.Event()
    readers = [threading.Thread(target=reader, args=(stop,))]
    savers = [threading.Thread(target=saver, args=(t,)) for t in "BCDE"]
    for t in readers + savers:
        t.start()
    for t in savers:
        t.join()
    stop.set()
    readers[0].join()
    assert errors == []
    assert seen <= set("ABCDE") and tag_of(tk.open_corpus(path).tables()) in set("BCDE")
    assert leftovers(path) == []


def test_a_reader_follows_as_many_saves_as_replace_its_version_while_it_reads(tmp_path):
    # ten saves in a row, each landing while the reader is reading (a busy machine): the reader
    # keeps following the newer version instead of giving up after a few
    path = tmp_path / "s"
    tiny_corpus("A").save(path)
    tags = iter("BCDEFGHIJK")

    def read(meta, folder):
        tag = next(tags, None)
        if tag is not None:
            tiny_corpus(tag).save(path)  # the version being read is replaced and removed
        return store._read_version(meta, folder)

    assert tag_of(store._retrying(path, read)) == "K"



def test_a_lock_held_too_long_fails_cleanly(tmp_path, monkeypatch):
    import fcntl

    path = tmp_path / "s"
    tiny_corpus("A").save(path)
    monkeypatch.setattr(store, "LOCK_TIMEOUT", 0.2)
    with open(path / "corpus" / ".lock", "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)  # another save, holding the lock
        with pytest.raises(StoreWriteError, match="held its lock"):
            tiny_corpus("B").save(path)
    assert tag_of(tk.open_corpus(path).tables()) == "A" and leftovers(path) == []


def test_stale_temporary_files_are_removed(tmp_path):
    path = tmp_path / "s"
    tiny_corpus("A").save(path)
    corpus = path / "corpus"
    (corpus / "v-20200101T000000Z-0123456789ab").mkdir()  # a killed save's half version
    (corpus / "v-20200101T000000Z-0123456789ab" / "articles.parquet").write_bytes(b"half")
    (corpus / ".corpus.json.0123.tmp").write_text("{")
    (corpus / "actors.parquet").write_bytes(b"PAR1")  # the layout before versions
    (corpus / "notes.txt").write_text("the user's own file")
    tiny_corpus("B").save(path)
    assert leftovers(path) == ["notes.txt"]
    st = store.Store(tmp_path / "b")
    (st.batches / "0000").mkdir(parents=True)  # a batch never committed
    old_tmp, young_tmp = st.batches / ".x.json.1.tmp", st.batches / ".y.json.2.tmp"
    old_tmp.write_text("")
    young_tmp.write_text("")
    for p in (old_tmp, st.batches / "0000"):
        os.utime(p, (0, 0))
    assert st.sweep() == 2 and young_tmp.exists() and not old_tmp.exists()


# --- exports ------------------------------------------------------------------------------------

HOSTILE = pd.DataFrame({
    "title": [CR_TITLE, "  =1+1", "\u200b@SUM(A1)", "\n-2+3", "\tx", "Plain, \"quoted\" text", "\uff1dcmd", None],
    "n": [-1, 2, 3, 4, 5, 6, 7, 8],
    "tags": [["=a", "b"], [], [], [], [], [], [], None],
})


def assert_no_formula(rows):
    for row in rows:
        for cell in row:
            for line in str(cell).split("\n"):
                assert not line.lstrip().lstrip("\u200b").startswith(("=", "+", "-", "@", "\uff1d")) or \
                    line.lstrip("-").isdigit(), repr(cell)


def test_csv_export_keeps_one_record_per_row_and_no_live_formula(tmp_path):
    path = tmp_path / "out.csv"
    assert to_csv(HOSTILE, path) == len(HOSTILE)
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == len(HOSTILE) + 1
    assert rows[1][0] == "Breaking news\n'=cmd|' /C calc'!A0" and rows[1][1] == "-1"  # a number stays a number
    assert [r[0] for r in rows[2:8]] == ["'  =1+1", "'\u200b@SUM(A1)", "\n'-2+3", "'\tx", 'Plain, "quoted" text',
                                         "'\uff1dcmd"]
    assert json.loads(rows[1][2].lstrip("'")) == ["=a", "b"] and rows[8][0] == ""
    assert_no_formula(r[:1] + r[2:] for r in rows)
    back = pd.read_csv(path, keep_default_na=False)
    assert len(back) == len(HOSTILE) and back.loc[0, "title"] == rows[1][0]
    raw = path.read_bytes()
    assert b"\r=" not in raw and raw.count(b"\r\n") == len(HOSTILE) + 1  # rows end with CR LF, cells hold LF
    for line in raw.decode().splitlines():  # read as lines, quotes ignored: still no formula
        assert not line.lstrip('" \t\u200b').startswith(("=", "+", "@"))


def test_excel_export_has_no_formula_cells(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "out.xlsx"
    frame = HOSTILE.assign(when=pd.to_datetime(["2024-01-02"] * len(HOSTILE), utc=True), ctrl="a\x01b")
    assert to_excel(frame, path) == len(frame)
    ws = load_workbook(path).active
    cells = [c for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert ws["A2"].value == "Breaking news\n'=cmd|' /C calc'!A0" and ws["B2"].value == -1
    assert ws["D2"].value.year == 2024 and ws["E2"].value == "a\ufffdb"
    buf = io.BytesIO()
    assert to_excel(frame.head(2), buf, sheet="quotes") == 2 and buf.getvalue()[:2] == b"PK"
    with pytest.raises(InvalidOptionError):
        to_excel(frame, tmp_path / "x.xlsx", sheet="a/b")


def test_quote_explorer_exports_a_cr_formula_title_as_one_record(tmp_path):
    from test_widgets import hostile_corpus
    from toolkit.widgets import QuoteExplorer

    c = hostile_corpus()
    c.articles = c.articles.assign(title=[CR_TITLE, CR_TITLE])
    qe = QuoteExplorer(c)
    path = tmp_path / "quotes.csv"
    assert qe.export_csv(path) == qe.n_matches == 6
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 6 and {r["title"] for r in rows} == {neutralize_cell(CR_TITLE)}
    assert len(pd.read_csv(path)) == 6


# --- the command line ---------------------------------------------------------------------------

@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Council meets\n\n" + TEXTS[0] + "\n", encoding="utf-8")
    (folder / "empty.txt").write_text("")
    return folder


def fake_analyze(articles, *, cache, files=None, **kw):
    """tk.analyze without spaCy: a tiny corpus of the loaded articles, saved as the CLI asks."""
    corpus = tiny_corpus("R", articles=articles)
    corpus.save(cache, files=files(corpus) if callable(files) else files)
    return corpus


def run_cli(args, capsys):
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_outputs_of_a_run_are_switched_in_together(tmp_path, inputs, capsys, monkeypatch):
    monkeypatch.setattr(tk, "analyze", fake_analyze)
    out = tmp_path / "out"
    code, stdout, err = run_cli(["analyze", str(inputs), "--out", str(out)], capsys)
    assert code == cli.SKIPPED == 1 and f"outputs: {store.current_folder(out)}" in stdout
    first = store.current_folder(out)
    assert pd.read_csv(first / "load_report.csv")["reason"].tolist() == ["empty file"]
    (inputs / "empty.txt").unlink()
    (inputs / "b.txt").write_text("Second\n\n" + TEXTS[1] + "\n", encoding="utf-8")

    def full_disk(articles, *, cache, files=None, **kw):
        monkeypatch.setattr(store, "_write_file", lambda p, w: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
        return fake_analyze(articles, cache=cache, files=files)

    monkeypatch.setattr(tk, "analyze", full_disk)
    code, _, err = run_cli(["analyze", str(inputs), "--out", str(out)], capsys)
    assert code == cli.CANNOT_WRITE == 5 and "no space left on the device" in err and "Traceback" not in err
    assert store.current_folder(out) == first  # the failed run changed nothing: report and tables still agree
    monkeypatch.undo()
    monkeypatch.setattr(tk, "analyze", fake_analyze)
    code, _, _ = run_cli(["analyze", str(inputs), "--out", str(out)], capsys)
    assert code == cli.OK
    summary = json.loads(store.read_file(out, "summary.json"))
    report = pd.read_csv(io.BytesIO(store.read_file(out, "load_report.csv")))
    assert summary["articles"] == len(tk.open_corpus(out).articles) == 2 and "skipped" not in set(report["status"])
    assert leftovers(out) == []
    code, stdout, _ = run_cli(["info", str(out)], capsys)
    assert code == 0 and "skipped_inputs: 0" in stdout and str(store.current_folder(out)) in stdout


def _caused(exc, cause):
    exc.__cause__ = cause
    return exc


@pytest.mark.parametrize("exc, code, words", [
    (OSError(errno.ENOSPC, "No space left on device"), cli.CANNOT_WRITE, "no space left"),
    (OSError(errno.EROFS, "Read-only file system"), cli.CANNOT_WRITE, "read-only"),
    (PermissionError(errno.EACCES, "Permission denied", None), cli.CANNOT_WRITE, "permission denied"),
    (StoreWriteError("s: another save has held its lock", errno=errno.EAGAIN), cli.CANNOT_WRITE, "lock"),
    (pa.ArrowInvalid("cannot mix list and non-list"), cli.DATA, "ArrowInvalid"),
    (UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed"), cli.DATA, "UnicodeEncodeError"),
    (InvalidOptionError("n_process", 0, ("a positive int",)), cli.USAGE, "n_process=0"),
    (ModelNotFoundError("no spaCy model; pip install en_core_web_sm"), cli.TOOLKIT, "pip install"),
    (RuntimeError("boom"), cli.BUG, "--debug"),
    (_caused(EngineError("the Dask engine failed on partition 0: StoreWriteError: full"),
             StoreWriteError("full", errno=errno.ENOSPC)), cli.CANNOT_WRITE, "Dask"),
    (_caused(StoreError("s: the articles table cannot be stored"), pa.ArrowInvalid("x")), cli.DATA, "report"),
    (KeyboardInterrupt(), cli.INTERRUPTED, "interrupted"),
])
def test_cli_exit_codes_mean_one_thing_each(tmp_path, inputs, capsys, monkeypatch, exc, code, words):
    def failing(*a, **kw):
        raise exc

    monkeypatch.setattr(tk, "analyze", failing)
    got, stdout, err = run_cli(["analyze", str(inputs), "--out", str(tmp_path / "out")], capsys)
    lines = [line for line in err.splitlines() if line.startswith("toolkit:")]
    assert got == code and len(lines) == 1 and words.lower() in lines[0].lower(), err
    assert "Traceback" not in err
    got, _, err = run_cli(["analyze", str(inputs), "--out", str(tmp_path / "out"), "--debug"], capsys)
    assert got == code and ("Traceback" in err) == (code != cli.INTERRUPTED)


def test_cli_codes_are_documented_in_the_docstring_and_readme():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for code in cli.EXIT_CODES:
        assert f"\n    {code} " in cli.__doc__ and f"| {code} |" in readme


def test_cli_nothing_loaded_is_its_own_code(tmp_path, capsys):
    code, _, err = run_cli(["analyze", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out")], capsys)
    assert code == cli.NOTHING_LOADED and "nothing written" in err and not (tmp_path / "out").exists()


# --- end to end, with spaCy ---------------------------------------------------------------------

def test_odd_fields_analyse_into_a_store_that_opens(tmp_path, capsys):
    src = write_jsonl(tmp_path / "odd.jsonl", ODD_RECORDS)
    arts = tk.load_articles(src)
    cache = tmp_path / "cache"
    corpus = tk.analyze(arts, topics=False, quotes=False, cache=cache)
    opened = tk.open_corpus(cache)
    pd.testing.assert_frame_equal(opened.articles, corpus.articles)
    assert len(opened.mentions) == len(corpus.mentions) > 0
    # A store holding what Arrow cannot read (as the old code wrote it) is answered by recomputing.
    meta = json.loads((cache / "corpus" / "corpus.json").read_text())
    f = store.current_folder(cache) / "articles.parquet"
    corpus.articles.assign(deep=[nested(150)] * len(corpus.articles)).to_parquet(f, index=False)
    meta["files"]["articles"] = store._sha256(f)
    (cache / "corpus" / "corpus.json").write_text(json.dumps(meta))
    with pytest.warns(UserWarning, match="recomputing"):
        again = tk.analyze(arts, topics=False, quotes=False, cache=cache)
    pd.testing.assert_frame_equal(again.articles, corpus.articles)
    pd.testing.assert_frame_equal(tk.open_corpus(cache).articles, corpus.articles)
    # a frame built by hand, with fields the loader would have converted
    own = pd.DataFrame({"article_id": ["h1", "h2"], "text": TEXTS[:2], "meta": [{}, {}], "mixed": [[1], "one"]})
    with pytest.warns(UserWarning, match="stored in a form Parquet can hold"):
        mine = tk.analyze(own, topics=False, quotes=False, cache=tmp_path / "own")
    pd.testing.assert_frame_equal(tk.open_corpus(tmp_path / "own").articles, mine.articles)
    # and through the command line
    code, stdout, err = run_cli(["analyze", str(src), "--out", str(tmp_path / "out"), "--no-topics", "--no-quotes"],
                                capsys)
    assert code == cli.OK, err
    assert len(tk.open_corpus(tmp_path / "out").articles) == 3
