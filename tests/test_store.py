"""The result store: cached, incremental, atomic, checked; open_corpus; the CLI on a store."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import toolkit as tk
from toolkit import store as store_mod
from toolkit.errors import InvalidOptionError, QueryError, StoreError

TABLES = ["articles", "mentions", "actors", "quotes", "sentences"]


@pytest.fixture(scope="module")
def small():
    return tk.load_sample().iloc[:24].reset_index(drop=True)


@pytest.fixture(scope="module")
def reference(small):
    return tk.analyze(small, topics=False)


def assert_same(a, b, tables=TABLES):
    for name in tables:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)


def test_cache_reuses_and_adds_only_new_articles(small, reference, tmp_path, monkeypatch):
    cache = tmp_path / "store"
    first = tk.analyze(small.iloc[:20], topics=False, cache=cache)
    assert_same(first, tk.analyze(small.iloc[:20], topics=False))
    # count what the second run sends to spaCy
    from toolkit import pipeline

    seen = []
    original = pipeline.process_records

    def spy(records, **kw):
        seen.extend(a for a, _ in records)
        return original(records, **kw)

    monkeypatch.setattr(pipeline, "process_records", spy)
    grown = tk.analyze(small, topics=False, cache=cache)
    assert sorted(seen) == sorted(small["article_id"].iloc[20:])  # only the 4 new ones
    assert_same(grown, reference)
    seen.clear()
    again = tk.analyze(small, topics=False, cache=cache)
    assert seen == [] and len(again.mentions) == len(reference.mentions)
    # an edited article is recomputed, the others are not
    edited = small.copy()
    edited.loc[3, "text"] = edited.loc[3, "text"] + "\n\nPresident Joe Biden said nothing."
    tk.analyze(edited, topics=False, cache=cache)
    assert seen == [edited.loc[3, "article_id"]]


def test_other_options_or_model_version_invalidate(small, tmp_path, monkeypatch):
    cache = tmp_path / "store"
    tk.analyze(small.iloc[:6], topics=False, quotes=False, cache=cache)
    st = store_mod.Store(cache)
    from toolkit import analysis as corpus_mod

    fp = corpus_mod.fingerprint(model=None, quotes=False, aliases={})
    assert len(st.index(fp)) == 6
    assert st.index(corpus_mod.fingerprint(model=None, quotes=True, aliases={})) == {}
    monkeypatch.setattr(corpus_mod, "model_fingerprint", lambda model=None: "en_core_web_sm==9.9.9")
    assert st.index(corpus_mod.fingerprint(model=None, quotes=False, aliases={})) == {}
    monkeypatch.undo()
    assert len(st.index(corpus_mod.fingerprint(model=None, quotes=False, aliases={}))) == 6
    monkeypatch.setattr(corpus_mod, "code_version", lambda: "0.2.0+0123456789ab")  # another toolkit version
    assert st.index(corpus_mod.fingerprint(model=None, quotes=False, aliases={})) == {}


def test_open_corpus_round_trip_without_loss(small, reference, tmp_path):
    reference.save(tmp_path / "saved")
    opened = tk.open_corpus(tmp_path / "saved")
    assert_same(reference, opened)
    assert isinstance(opened.actors["aliases"].iloc[0], list)
    with pytest.raises(StoreError, match="no finished corpus"):
        tk.open_corpus(tmp_path / "nothing")


def test_open_corpus_reads_a_table_only_when_it_is_used(reference, tmp_path, monkeypatch):
    reference.save(tmp_path / "saved")
    reads = []
    real = store_mod._read_parquet
    monkeypatch.setattr(store_mod, "_read_parquet", lambda f, what: reads.append(f.name) or real(f, what))
    opened = tk.open_corpus(tmp_path / "saved")
    assert repr(opened) == repr(reference)  # counts from the Parquet footers
    assert reads == [] and opened.loaded == ()
    assert opened.mentions["actor_id"].notna().all()
    assert reads == ["mentions.parquet"] and opened.loaded == ("mentions",)
    opened.mentions  # read once
    assert reads == ["mentions.parquet"]
    assert_same(reference, opened)
    with pytest.raises(InvalidOptionError, match="lazy"):
        tk.open_corpus(tmp_path / "saved", lazy="yes")


def test_sql_over_stored_and_in_memory_tables_agree(reference, tmp_path):
    reference.save(tmp_path / "saved")
    opened = tk.open_corpus(tmp_path / "saved")
    query = ("select a.kind, count(distinct m.article_id) as n_articles, count(*) as n_mentions from mentions m "
             "join actors a using (actor_id) group by a.kind order by a.kind")
    from_files = opened.sql(query)
    assert opened.loaded == ()  # answered from the Parquet files in place
    in_memory = reference.sql(query)
    pd.testing.assert_frame_equal(from_files, in_memory)
    by_hand = (reference.mentions[["actor_id"]].merge(reference.actors[["actor_id", "kind"]], on="actor_id")
               .groupby("kind").size())
    assert dict(zip(in_memory["kind"], in_memory["n_mentions"])) == by_hand.to_dict()
    with pytest.raises(QueryError, match="nope"):
        opened.sql("select nope from actors")


def test_a_lazy_corpus_whose_store_was_saved_again_says_to_open_it_again(reference, tmp_path):
    reference.save(tmp_path / "saved")
    opened = tk.open_corpus(tmp_path / "saved")
    opened.articles
    reference.save(tmp_path / "saved")  # a new version; the old one is removed
    assert len(opened.articles) == len(reference.articles)  # what was read stays
    with pytest.raises(StoreError, match="saved again since this corpus was opened"):
        opened.quotes


def test_damaged_files_are_detected_and_recomputed(small, reference, tmp_path):
    cache = tmp_path / "store"
    tk.analyze(small, topics=False, cache=cache)
    batch = sorted((cache / "batches").glob("*/mentions.parquet"))[0]
    data = bytearray(batch.read_bytes())
    data[len(data) // 2] ^= 0xFF
    batch.write_bytes(bytes(data))
    (cache / "corpus" / "corpus.json").unlink()  # force the per-article step to look at the batches
    with pytest.warns(UserWarning, match="damaged"):
        again = tk.analyze(small, topics=False, cache=cache)
    assert_same(again, reference)
    # a damaged finished table is refused with a message that says what to do
    f = store_mod.current_folder(cache) / "actors.parquet"
    f.write_bytes(f.read_bytes()[:-10])
    with pytest.raises(StoreError, match="analyse again"):
        tk.open_corpus(cache, lazy=False)
    opened = tk.open_corpus(cache)  # lazily: found when the table is first used
    with pytest.raises(StoreError, match="actors.parquet: missing or damaged"):
        opened.actors
    with pytest.raises(StoreError, match="actors.parquet: missing or damaged"):
        opened.sql("select count(*) from actors")


KILL_SCRIPT = """
import sys, toolkit as tk
articles = tk.load_sample().iloc[:{n}]
tk.analyze(articles, topics=False, quotes=False, batch_size=4, cache=sys.argv[1])
"""


def test_killed_run_leaves_a_readable_store_and_resumes(tmp_path):
    n = 96
    cache = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT.format(n=n), str(cache)])
    try:
        deadline = time.time() + 240
        while time.time() < deadline and not list((cache / "batches").glob("*.json")):
            time.sleep(0.05)
        assert list((cache / "batches").glob("*.json")), "no batch was committed before the deadline"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    committed = list((cache / "batches").glob("*.json"))
    assert 1 <= len(committed) < n // 16
    assert not (cache / "corpus" / "corpus.json").exists()  # no finished corpus from a partial run
    for rec in committed:  # every committed batch is intact
        assert json.loads(rec.read_text())["files"]
    articles = tk.load_sample().iloc[:n]
    resumed = tk.analyze(articles, topics=False, quotes=False, batch_size=4, cache=cache)
    fresh = tk.analyze(articles, topics=False, quotes=False, batch_size=4)
    assert_same(resumed, fresh)


def test_cli_analyze_and_info(tmp_path, seed_path):
    out = tmp_path / "out"
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "ref.txt").write_text(Path(seed_path).read_text(encoding="utf-8"), encoding="utf-8")
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    r = subprocess.run([sys.executable, "-m", "toolkit.cli", "analyze", str(bad), "--out", str(out), "--no-topics"],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 1, r.stderr  # one input skipped
    assert "articles: 1" in r.stdout and "William Ruto" in r.stdout
    assert "1 inputs were skipped" in r.stderr
    # the run's outputs are saved with its tables, in the version the store's pointer names
    folder = store_mod.current_folder(out)
    assert f"outputs: {folder}" in r.stdout
    report = pd.read_csv(folder / "load_report.csv")
    assert report["reason"].tolist() == ["empty file"]
    summary = json.loads(store_mod.read_file(out, "summary.json"))
    assert summary["articles"] == 1 and summary["quotes"] >= 4
    r = subprocess.run([sys.executable, "-m", "toolkit.cli", "info", str(out)], capture_output=True, text=True, env=env)
    assert r.returncode == 0 and "actors:" in r.stdout
    r = subprocess.run([sys.executable, "-m", "toolkit.cli", "info", str(tmp_path / "missing")],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 3 and "no finished corpus" in r.stderr and "Traceback" not in r.stderr
    r = subprocess.run([sys.executable, "-m", "toolkit.cli", "analyze", "--out", str(out)], capture_output=True,
                       text=True, env=env)
    assert r.returncode == 2 and "INPUT" in r.stderr


def test_ids_from_data_never_escape_the_store(tmp_path):
    hostile = pd.DataFrame({"article_id": ["../../escape", "/etc/passwd", "..\\\\x", "a/b/../../../c"],
                            "text": ["Angela Merkel met Emmanuel Macron in Paris."] * 4})
    hostile["text"] = [t + f" Story {i}." for i, t in enumerate(hostile["text"])]
    cache = tmp_path / "inner" / "store"
    corpus = tk.analyze(hostile, topics=False, cache=cache)
    assert set(corpus.mentions["article_id"]) == set(hostile["article_id"])
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written and all(cache in p.parents for p in written)
    assert not (tmp_path / "escape").exists() and not (tmp_path / "c").exists()
