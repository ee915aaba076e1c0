"""The formats researchers export: the made-up example exports, DataFrames, field names of NewsAPI,
Media Cloud and GDELT, CSV dialects, SQLite, PostgreSQL (a real server started here), language.

The example files are written by ``scripts/build_examples.py`` (made-up text); every other file
is written in tmp_path by the test that reads it.
"""
from __future__ import annotations

import glob
import json
import os
import pwd
import shutil
import socket
import sqlite3
import subprocess
import tempfile
from pathlib import Path

import pandas as pd
import pytest

import toolkit as tk
from toolkit.errors import LoadError
from toolkit.load import examples_path

from test_load import accounted, jsonl, skipped, write

EXAMPLES = examples_path()
UTC = "UTC"

# file: (rows, titles, dates) as scripts/build_examples.py wrote them
EXPECTED = {
    "nexis_export.txt": (["Harbour town votes to rebuild its old sea wall", "Rail line to the valley reopens after landslide",
                          "Library lends out seeds as well as books"], ["2023-03-14", "2023-03-15", "2023-03-16"]),
    "nexis_uni.docx": (["Farmers test drought-resistant sorghum", "City council approves new cycle lanes"],
                       ["2023-05-02", "2023-05-03"]),
    "nexis_uni.rtf": (["Museum returns carved panels to island community", "Hospital opens night clinic for shift workers"],
                      ["2023-06-20", "2023-06-21"]),
    "nexis_uni.pdf": (["School robotics team wins regional final", "Bakery doubles its staff as bread prices fall"],
                      ["2023-09-09", "2023-09-10"]),
    "factiva.html": (["Ferry service to resume on winter timetable", "Volunteers count birds on the estuary"],
                     ["2023-09-11", "2023-11-05"]),
    "articles.xlsx": (["Market hall reopens after two-year restoration",
                       "Teachers plan a new science week for primary schools"], ["2023-11-06", "2023-11-07"]),
    "articles.sqlite": (["Harbour town votes to rebuild its old sea wall", "Town hall clock strikes again after 30 years"],
                        ["2023-03-14", "2024-02-14"]),
    "newsapi.json": (["Mountain rescue team gets a new drone", "Village shop becomes a cooperative",
                      "La ville inaugure un nouveau marché couvert"],
                     ["2024-04-03 08:30", "2024-04-04 08:30", "2023-10-01 08:30"]),
    "articles_semicolon.csv": (["Night sky park recognised for its dark skies", "Solar panels to cover the bus depot roof",
                                "Fishermen and scientists map the kelp forest"],
                               ["2024-04-05", "2024-02-12", "2024-02-13"]),
}
TRAILERS = ("LOAD-DATE", "Load-Date", "End of Document", "LANGUAGE:", "Language:", "Copyright", "Classification",
            "BYLINE", "Byline:", "LENGTH", "Length:", "Section:", "PUBLICATION-TYPE", "Document ", "words")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_exports_one_row_per_article(name):
    titles, dates = EXPECTED[name]
    f = tk.load_articles(EXAMPLES / name, errors="raise")
    report = accounted(f)
    assert skipped(report).empty
    assert list(f["title"]) == titles
    assert list(f["published"]) == [pd.Timestamp(d, tz=UTC) for d in dates]
    assert f["author"].notna().all() and f["source"].notna().all()
    for text in f["text"]:
        if name != "newsapi.json":  # NewsAPI's content is one paragraph
            assert text.count("\n\n") == 2, text  # the three made-up paragraphs, nothing more
        for trailer in TRAILERS:
            assert trailer not in text, (trailer, text)


def test_example_folder_mixed_exports():
    f = tk.load_articles(EXAMPLES)
    report = accounted(f)
    assert len(f) == sum(len(t) for t, _ in EXPECTED.values()) == 21 and skipped(report).empty
    # the story in both the Nexis export and the SQLite file is loaded twice, the copy flagged
    dup = report[report["status"] == "duplicate"]
    assert len(dup) == 1 and dup.iloc[0]["path"].endswith("nexis_export.txt")
    french = f[f["language"] == "fr"]
    assert list(french["title"]) == ["La ville inaugure un nouveau marché couvert"]
    assert french.iloc[0]["flags"] == ["not_english"]
    assert (f.loc[f["language"] != "fr", "language"] == "en").all()


def test_nexis_text_fields():
    f = tk.load_articles(EXAMPLES / "nexis_export.txt")
    a = f.iloc[0]
    assert a["source"] == "The Coastal Herald" and a["author"] == "Mara Ellison" and a["section"] == "LOCAL"
    assert a["length"] == 56 and a["language"] == "en"
    assert a["text"].startswith("Councillors in Port Wendle voted on Monday")
    assert a["text"].endswith("paid for by a regional flood fund.")


def test_nexis_uni_docx_fields():
    f = tk.load_articles(EXAMPLES / "nexis_uni.docx")
    assert list(f["source"]) == ["Highland Daily"] * 2
    assert list(f["section"]) == ["BUSINESS", "LOCAL"] and list(f["author"]) == ["Amina Wekesa", "Leo Brandt"]


def test_factiva_coded_rtf_and_plain_text(tmp_path):
    coded = ("HD Dam project delayed by floods\nBY By Sara Lind\nWC 24 words\nPD 3 March 2021\nSN The Valley Times\n"
             "SC VALT\nLA English\nCY (c) 2021 The Valley Times\nLP The dam at Orra will open a year late, "
             "engineers said on Wednesday.\nTD Heavy rain flooded the site twice in the winter.\n\n"
             "The contractor has asked for more time.\nAN Document VALT000020210303eh3300001\n")
    rtf = "{\\rtf1\\ansi\n" + "".join(f"{line}\\par\n" for line in coded.split("\n")) + "}"
    f = tk.load_articles(write(tmp_path / "factiva.rtf", rtf), errors="raise")
    accounted(f)
    a = f.iloc[0]
    assert (a["title"], a["author"], a["source"]) == ("Dam project delayed by floods", "Sara Lind", "The Valley Times")
    assert a["published"] == pd.Timestamp("2021-03-03", tz=UTC) and a["length"] == 24
    assert a["text"].split("\n\n") == ["The dam at Orra will open a year late, engineers said on Wednesday.",
                                       "Heavy rain flooded the site twice in the winter.",
                                       "The contractor has asked for more time."]
    plain = ("Dam project delayed by floods\nBy Sara Lind\n24 words\n3 March 2021\nThe Valley Times\nVALT\nEnglish\n"
             "(c) 2021 The Valley Times\n\nThe dam at Orra will open a year late, engineers said on Wednesday.\n\n"
             "Document VALT000020210303eh3300001\n")
    g = tk.load_articles(write(tmp_path / "factiva.txt", plain), errors="raise")
    assert (g.iloc[0]["title"], g.iloc[0]["author"], g.iloc[0]["text"]) == (
        "Dam project delayed by floods", "Sara Lind", "The dam at Orra will open a year late, engineers said on Wednesday.")


def test_export_document_without_body_is_reported(tmp_path):
    lines = EXAMPLES.joinpath("nexis_export.txt").read_text("utf-8").split("\n")
    cut = [l for l in lines if not l.startswith(("Councillors", '"We cannot', "The work is"))]
    f = tk.load_articles(write(tmp_path / "nexis.txt", "\n".join(cut)))
    sk = skipped(accounted(f))
    assert len(f) == 2 and len(sk) == 1 and "document 1 of the Nexis export" in sk.loc[0, "reason"]


# --- DataFrames -----------------------------------------------------------------------------------

def test_dataframe_normalised_like_a_csv():
    df = pd.DataFrame({"headline": ["One", "Two", "Three"], "body": ["First body.", "", "Third body."],
                       "publishedAt": ["2021-01-01T10:00:00Z", None, "2021-01-03"], "topic": ["a", "b", "c"]})
    f = tk.load_articles(df)
    report = accounted(f)
    assert list(f["title"]) == ["One", "Three"] and list(f["topic"]) == ["a", "c"]
    assert list(f["published"]) == [pd.Timestamp("2021-01-01 10:00", tz=UTC), pd.Timestamp("2021-01-03", tz=UTC)]
    assert f["path"].isna().all()
    sk = skipped(report)
    assert list(sk["path"]) == ["<DataFrame 1>"] and list(sk["line"]) == [2]
    # an articles frame goes through as it is, and a DataFrame mixes with paths
    again = tk.load_articles([f, EXAMPLES / "newsapi.json"])
    accounted(again)
    pd.testing.assert_frame_equal(again.iloc[:2][list(f.columns[:13])], f[list(f.columns[:13])])
    assert len(again) == 5
    with pytest.raises(LoadError, match="no text column"):
        tk.load_articles(pd.DataFrame({"title": ["x"]}), errors="raise")


# --- field names ----------------------------------------------------------------------------------

def test_newsapi_fields():
    f = tk.load_articles(EXAMPLES / "newsapi.json")
    a = f.iloc[0]
    assert a["source"] == "Peak Courier" and a["url"] == "https://news.example.org/2024-04-03/0"
    assert a["urlToImage"] == "https://news.example.org/img/0.jpg" and a["flags"] == ["truncated"]
    assert "[+" not in a["text"] and a["text"].endswith("…") is False
    assert f.iloc[1]["flags"] == [] and f.iloc[1]["description"].startswith("Residents of Holm")


def test_media_cloud_and_gdelt_fields(tmp_path):
    mc = write(tmp_path / "mediacloud.csv", "stories_id,media_name,publish_date,title,url,text\n"
               "77,Riverside Post,2023-11-05 09:00:00,Birds counted,https://rp.example/1,Volunteers counted birds.\n")
    gd = write(tmp_path / "gdelt.json", json.dumps([
        {"DocumentIdentifier": "https://gd.example/a", "SourceCommonName": "gd.example", "DATE": 20190104120000,
         "title": "A GDELT record", "content": "Text of the GDELT record."}]))
    f = tk.load_articles([mc, gd], errors="raise")
    accounted(f)
    assert list(f["article_id"].iloc[:1]) == ["77"]
    assert list(f["source"]) == ["Riverside Post", "gd.example"]
    assert list(f["url"]) == ["https://rp.example/1", "https://gd.example/a"]
    assert list(f["published"]) == [pd.Timestamp("2023-11-05 09:00", tz=UTC), pd.Timestamp("2019-01-04 12:00", tz=UTC)]


@pytest.mark.parametrize("delimiter", [";", "\t", "|", ","])
def test_csv_dialects_sniffed(tmp_path, delimiter):
    rows = [["title", "text", "date"], ["A; title, with both", "Body; with semicolons, and commas.", "2020-01-02"],
            ["B", "Second | body", "2020-01-03"]]
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter).writerows(rows)
    f = tk.load_articles(write(tmp_path / "x.csv", buf.getvalue()), errors="raise")
    accounted(f)
    assert list(f["title"]) == ["A; title, with both", "B"]
    assert list(f["text"]) == ["Body; with semicolons, and commas.", "Second | body"]


# --- SQL ------------------------------------------------------------------------------------------

def _stories(n=3):
    return pd.DataFrame({"title": [f"Story {i}" for i in range(n)], "body": [f"Body of story {i}." for i in range(n)],
                         "published": [f"2022-0{i + 1}-01" for i in range(n)]})


def test_sqlite_tables_and_options(tmp_path):
    db = tmp_path / "two.db"
    with sqlite3.connect(db) as con:
        _stories().to_sql("stories", con, index=False)
        _stories(2).rename(columns={"body": "content"}).to_sql("drafts", con, index=False)
        pd.DataFrame({"x": [1]}).to_sql("meta", con, index=False)
    con.close()
    f = tk.load_articles(db)
    sk = skipped(accounted(f))
    assert len(f) == 0 and "several tables have a text column (drafts, stories)" in sk.loc[0, "reason"]
    f = tk.load_articles(db, table="stories", errors="raise")
    assert list(f["title"]) == ["Story 0", "Story 1", "Story 2"]
    assert f["published"].iloc[2] == pd.Timestamp("2022-03-01", tz=UTC)
    f = tk.load_articles(db, query="SELECT title, content AS text FROM drafts WHERE title = 'Story 1'", errors="raise")
    assert list(f["title"]) == ["Story 1"]
    with pytest.raises(LoadError, match="no table 'nope'"):
        tk.load_articles(db, table="nope", errors="raise")
    with pytest.raises(LoadError, match="could not be read"):
        tk.load_articles(db, query="SELECT * FROM missing_table", errors="raise")
    broken = write(tmp_path / "broken.sqlite", b"SQLite format 3\x00" + b"\x01" * 200)
    assert "SQLite" in skipped(accounted(tk.load_articles(broken))).loc[0, "reason"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_url():
    """A PostgreSQL server of Debian's package on a free local port, for this test session only."""
    initdb = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not initdb:
        pytest.fail("PostgreSQL is not installed: run `make postgresql` (apt-get install postgresql)", pytrace=False)
    bindir = Path(initdb[-1]).parent
    tmp = Path(tempfile.mkdtemp(prefix="toolkit-pg-"))
    as_user = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        pg = pwd.getpwnam("postgres")
        os.chown(tmp, pg.pw_uid, pg.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    data = tmp / "data"
    subprocess.run(as_user + [str(bindir / "initdb"), "-D", str(data), "-U", "toolkit", "-A", "trust", "-E", "UTF8",
                              "--locale=C", "--no-sync"], check=True, capture_output=True)
    subprocess.run(as_user + [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(tmp / "log"), "-w", "-o",
                              f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql://toolkit@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(as_user + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


def test_postgresql_by_url(postgres_url):
    import sqlalchemy

    engine = sqlalchemy.create_engine(postgres_url)
    _stories(3).to_sql("stories", engine, index=False, if_exists="replace")
    engine.dispose()
    f = tk.load_articles(postgres_url, errors="raise")
    accounted(f)
    assert list(f["title"]) == ["Story 0", "Story 1", "Story 2"] and (f["path"] == postgres_url).all()
    f = tk.load_articles(postgres_url, query="SELECT title, body AS text, published FROM stories WHERE title <> 'Story 0'",
                         source="Archive")
    assert list(f["title"]) == ["Story 1", "Story 2"] and (f["source"] == "Archive").all()
    assert f["published"].iloc[0] == pd.Timestamp("2022-02-01", tz=UTC)


def test_sql_url_failures_reported(postgres_url):
    closed = f"postgresql://someone:secret@127.0.0.1:{_free_port()}/nothing"
    f = tk.load_articles(closed)
    sk = skipped(accounted(f))
    assert len(sk) == 1 and "could not be read" in sk.loc[0, "reason"]
    assert "secret" not in sk.loc[0, "path"] and "***" in sk.loc[0, "path"]
    with pytest.raises(LoadError):
        tk.load_articles(closed, errors="raise")
    assert "not a database URL" in skipped(tk.load_report(tk.load_articles("nosuchdb://x/y"))).loc[0, "reason"]
    with pytest.raises(LoadError, match="query"):
        tk.load_articles(postgres_url, query="SELECT 1 AS x", errors="raise")


def test_missing_library_names_the_extra(tmp_path, monkeypatch):
    import importlib

    real = importlib.import_module

    def fake(name, *a, **k):
        if name == "docx":
            raise ImportError("No module named 'docx'")
        return real(name, *a, **k)

    monkeypatch.setattr("toolkit.load.optional.importlib.import_module", fake)
    with pytest.raises(LoadError, match=r"python-docx.*'formats' extra.*pip install 'news-toolkit\[formats\]'"):
        tk.load_articles(EXAMPLES / "nexis_uni.docx", errors="raise")


def test_damaged_office_files_reported(tmp_path):
    for name in ("bad.docx", "bad.pdf", "bad.xlsx", "bad.rtf"):
        f = tk.load_articles(write(tmp_path / name, b"not really " + name.encode()))
        sk = skipped(accounted(f))
        assert len(f) == 0 and len(sk) == 1 and ("not a readable" in sk.loc[0, "reason"]
                                                 or "not an RTF" in sk.loc[0, "reason"]), sk


# --- language -------------------------------------------------------------------------------------

FRENCH = ("La municipalité a inauguré samedi un marché couvert de quarante étals au centre-ville. "
          "Les commerçants ont salué l'ouverture, qui leur permettra de travailler à l'abri pendant l'hiver.")
ENGLISH = ("Angela Merkel met Emmanuel Macron in Paris on Tuesday to discuss the budget. "
           "The two leaders said they had agreed on a plan for the coming year.")


def test_language_given_detected_and_left_out_of_analysis(tmp_path):
    f = tk.load_articles(write(tmp_path / "l.jsonl", jsonl({"id": "fr", "text": FRENCH}, {"id": "en", "text": ENGLISH},
                                                          {"id": "given", "text": ENGLISH + " Given.", "language": "French"},
                                                          {"id": "short", "text": "Oui."})))
    report = accounted(f)
    assert list(f["language"].astype(object).fillna("-")) == ["fr", "en", "fr", "-"]
    assert list(f["flags"]) == [["not_english"], [], ["not_english"], []]
    notes = report[report["status"] == "note"]
    assert list(notes["line"]) == [1, 3] and "(given by the record)" in notes.iloc[1]["reason"]
    with pytest.warns(UserWarning, match=r"2 articles not in English left out.*fr: 2"):
        corpus = tk.analyze(f, topics=False, quotes=False)
    assert sorted(corpus.articles["article_id"]) == ["en", "short"]
