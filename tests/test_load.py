"""load_articles / load_report / load_sample on the shared data and on bad inputs written in tmp_path.

Every call is checked against the loader's invariant: inputs = loaded rows + "skipped" report rows.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

import toolkit as tk
from toolkit.errors import InvalidOptionError, LoadError, ToolkitError

from conftest import need, seed_file

COLUMNS = ["article_id", "source", "title", "section", "author", "published", "url", "path", "text", "n_words",
           "language", "flags", "duplicate_of"]
STRING_COLUMNS = ["article_id", "source", "title", "section", "author", "url", "path", "text", "language",
                  "duplicate_of"]
READ_MORE = [
    "Notes from Osaka: What Japan teaches Kenya",
    "Global experts convene in Nairobi for Clean-Air Forum 2025",
    "The worst of Trump's tariffs on trade has passed, says report",
    "Metropol, KBA to boost women led businesses",
    "TECNO to launch SPARK 40 series as first smartphone powered by Helio G200 chipset",
    "Unlocking Africa's potential: The promise of blended finance",
    "IGAD rallies African unity at AU mid-year summit, champions Agenda 2063 vision",
    "Cybervergent listed among 2025 WEF technology pioneers",
    "Tax collections rise to Sh 2.571 trillion as KRA exceeds target",
]
BBC_FILES = 2225


# --- helpers ------------------------------------------------------------------------------------

def accounted(frame: pd.DataFrame) -> pd.DataFrame:
    """Check the invariants every loaded frame keeps; return its report."""
    report = tk.load_report(frame)
    assert list(report.columns) == ["path", "line", "status", "reason"]
    assert set(report["status"]) <= {"skipped", "duplicate", "note"}
    skipped = int((report["status"] == "skipped").sum())
    assert frame.attrs["n_inputs"] == len(frame) + skipped, (frame.attrs["n_inputs"], len(frame), skipped)
    assert list(frame.columns[: len(COLUMNS)]) == COLUMNS
    for c in STRING_COLUMNS:
        assert isinstance(frame[c].dtype, pd.StringDtype), (c, frame[c].dtype)
    assert frame["published"].dtype == "datetime64[ns, UTC]"
    assert frame["n_words"].dtype == "int64"
    assert frame["article_id"].notna().all() and frame["article_id"].is_unique
    assert frame["text"].notna().all() and (frame["text"].str.strip().str.len() > 0).all()
    assert frame.index.equals(pd.RangeIndex(len(frame)))
    # duplicates are loaded and point at an article loaded before them
    dups = frame[frame["duplicate_of"].notna()]
    assert int((report["status"] == "duplicate").sum()) == len(dups)
    ids = list(frame["article_id"])
    for i, first in dups["duplicate_of"].items():
        assert first in ids[:i]
    return report


def skipped(report: pd.DataFrame) -> pd.DataFrame:
    return report[report["status"] == "skipped"].reset_index(drop=True)


def write(path: Path, content) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


# --- the reference article ----------------------------------------------------------------------

def test_reference_article(data_root):
    articles = tk.load_articles(seed_file(data_root), source="The Standard")
    report = accounted(articles)
    assert len(articles) == 1 and articles.attrs["n_inputs"] == 1 and report.empty
    a = articles.iloc[0]
    assert a["title"] == "What Ruto discussed with US State Secretary Rubio"
    assert a["section"] == "National"
    assert a["author"] == "Sharon Wanga"
    assert a["source"] == "The Standard"
    assert a["published"] == pd.Timestamp("2025-02-07", tz="UTC")
    text = a["text"]
    assert text.startswith("President William Ruto on Thursday evening held a phone conversation")
    assert text.endswith("responsible for the 1994 genocide against the Tutsi.")
    for headline in READ_MORE:
        assert headline not in text, headline
    assert "READ MORE" not in text
    paras = text.split("\n\n")
    assert "DRC Crisis" in paras
    i = paras.index("DRC Crisis")
    assert paras[i - 1].endswith("said Rubio.") and paras[i + 1].startswith("Ruto and Rubio also discussed")
    assert len(paras) == 11  # 12 body lines minus nothing but the READ MORE block
    assert "Sharon Wanga" not in text and "Feb 07, 2025" not in text and not text.startswith("What Ruto")
    assert a["n_words"] == tk.clean.count_words(text) > 250


def test_reference_article_default_source_is_folder_name(data_root):
    articles = tk.load_articles(data_root / "seed")
    assert list(articles["source"]) == ["seed"]


# --- BBC ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bbc(data_root):
    return tk.load_articles(need(data_root / "bbc"), source="BBC")


def test_bbc_every_file_loads(bbc, data_root):
    report = accounted(bbc)
    files = [p for p in (data_root / "bbc").rglob("*.txt")]
    assert len(files) == BBC_FILES
    assert len(bbc) == BBC_FILES
    assert set(bbc["path"]) == {str(p) for p in files}
    assert (bbc["source"] == "BBC").all()
    assert bbc["title"].notna().all()
    # the only skipped input is the README, reported as documentation
    sk = skipped(report)
    assert len(sk) == 1 and sk.loc[0, "path"].endswith("README.TXT")
    assert "documentation" in sk.loc[0, "reason"]
    assert bbc.attrs["n_inputs"] == BBC_FILES + 1


def test_bbc_title_and_paragraphs(bbc, data_root):
    path = data_root / "bbc" / "business" / "001.txt"
    row = bbc[bbc["path"] == str(path)].iloc[0]
    lines = need(path).read_text(encoding="utf-8").split("\n")
    assert row["title"] == lines[0].strip()
    assert not row["text"].startswith(row["title"])
    first_para = next(l for l in lines[1:] if l.strip()).strip()
    assert row["text"].split("\n\n")[0] == " ".join(first_para.split())


def test_bbc_latin1_byte_keeps_pound_sign(bbc, data_root):
    path = str(data_root / "bbc" / "sport" / "199.txt")
    row = bbc[bbc["path"] == path]
    assert len(row) == 1
    assert "£" in row.iloc[0]["text"]
    assert "\ufffd" not in row.iloc[0]["text"] and "Â" not in row.iloc[0]["text"]
    notes = tk.load_report(bbc).query("status == 'note'")
    assert list(notes["path"]) == [path]
    assert "not valid UTF-8" in notes.iloc[0]["reason"] and "cp1252" in notes.iloc[0]["reason"]


def test_bbc_duplicates_flagged_not_dropped(bbc):
    dups = bbc[bbc["duplicate_of"].notna()]
    assert len(dups) > 0
    by_id = bbc.set_index("article_id")["text"]
    for _, row in dups.iterrows():
        assert tk.clean.normalized_key(by_id[row["duplicate_of"]]) == tk.clean.normalized_key(row["text"])
        assert row["duplicate_of"] != row["article_id"]


# --- Wikinews, Global Voices --------------------------------------------------------------------

def raw_records(path: Path) -> list[dict]:
    return [json.loads(l) for l in need(path).read_text(encoding="utf-8").splitlines() if l.strip()]


def test_wikinews_jsonl_all_fields(data_root):
    path = data_root / "wikinews" / "articles.jsonl"
    raw = raw_records(path)
    w = tk.load_articles(path)
    report = accounted(w)
    assert len(raw) == len(w) == w.attrs["n_inputs"] == 293
    assert report.empty
    assert list(w["article_id"]) == [r["id"] for r in raw]
    assert list(w["title"]) == [r["title"] for r in raw]
    assert list(w["url"]) == [r["url"] for r in raw]
    assert list(w["author"]) == [r["author"] for r in raw]
    assert (w["source"] == "Wikinews").all()
    assert list(w["published"]) == [pd.Timestamp(r["date"], tz="UTC") for r in raw]
    extras = {k for r in raw for k in r} - {"id", "source", "url", "date", "title", "author", "text"}
    assert extras and extras <= set(w.columns[len(COLUMNS):])
    for k in extras:
        assert list(w[k]) == [r.get(k) for r in raw]
    # the dateline is taken off every text, also where a single newline joined it to the first sentence
    assert not w["text"].str.match(r"\w+day, (January|February|March|April|May|June|July|August|September|"
                                   r"October|November|December) \d").any()
    toronto = w[w["title"].str.contains("Toronto Comicon")].iloc[0]
    assert toronto["text"].startswith("Toronto Comicon 2019 returned")


def test_wikinews_dateline_fills_published(data_root, tmp_path):
    raw = raw_records(data_root / "wikinews" / "articles.jsonl")[:40]
    undated = [{k: v for k, v in r.items() if k != "date"} for r in raw]
    f = tk.load_articles(write(tmp_path / "undated.jsonl", jsonl(*undated)))
    accounted(f)
    assert len(f) == 40
    assert list(f["published"]) == [pd.Timestamp(r["date"], tz="UTC") for r in raw]


def test_globalvoices_jsonl_all_fields(data_root):
    path = data_root / "globalvoices" / "articles.jsonl"
    raw = raw_records(path)
    g = tk.load_articles(path)
    report = accounted(g)
    assert len(raw) == len(g) == g.attrs["n_inputs"] == 407
    # the one post in Spanish (the covenant's translation) is loaded, flagged and noted; posts quoting
    # Arabic or Russian bloggers at length stay English
    assert list(report["status"]) == ["note"] and "language 'es'" in report.loc[0, "reason"]
    spanish = g.loc[report.loc[0, "line"] - 1]
    assert spanish["title"] == "GV Covenant: Spanish version" and spanish["flags"] == ["not_english"]
    assert (g.drop(index=spanish.name)["language"] == "en").all()
    assert list(g["article_id"]) == [r["id"] for r in raw]
    assert list(g["author"]) == [r["author"] for r in raw]
    assert (g["source"] == "Global Voices").all()
    assert list(g["published"]) == [pd.Timestamp(r["date"], tz="UTC") for r in raw]
    for k in ("categories", "tags", "blockquote_lines", "license", "origin_file", "origin_commit"):
        assert k in g.columns, k
        assert list(g[k]) == [r[k] for r in raw], k
    assert g.columns.get_loc("categories") >= len(COLUMNS)
    assert isinstance(g.loc[0, "categories"], list)
    assert g["blockquote_lines"].dtype == "int64"


def test_wikinews_csvs(data_root):
    csvs = sorted((data_root / "wikinews").glob("*.csv"))
    assert [p.name for p in csvs] == ["wikinews_2019.csv", "wikinews_2020.csv"]
    c = tk.load_articles(csvs)
    report = accounted(c)
    assert c.attrs["n_inputs"] == 171 + 124
    # one record holds nothing but a dateline: reported with its line, everything else loads
    sk = skipped(report)
    assert len(sk) == 1 and len(c) == 294
    assert sk.loc[0, "path"].endswith("wikinews_2020.csv") and sk.loc[0, "line"] > 1
    assert "no body" in sk.loc[0, "reason"]
    assert (c["source"] == "wikinews").all()
    assert c["published"].notna().all() and c["title"].notna().all() and c["url"].str.startswith("https://").all()
    # same articles as the JSON Lines export, same cleaned text and date
    w = tk.load_articles(data_root / "wikinews" / "articles.jsonl")
    both = w.merge(c, on="title", suffixes=("_jsonl", "_csv"))
    assert len(both) == 293
    assert (both["text_jsonl"] == both["text_csv"]).all()
    assert (both["published_jsonl"] == both["published_csv"]).all()


# --- PolNeAR ------------------------------------------------------------------------------------

def test_polnear_nyt_markers_removed(data_root):
    files = sorted(need(data_root / "polnear" / "data").glob("*/text/*.txt"))
    p = tk.load_articles(str(data_root / "polnear" / "data" / "*" / "text" / "*.txt"))
    report = accounted(p)
    assert len(p) == len(files) > 900
    assert skipped(report).empty
    nyt = p[p["path"].str.contains("/nyt_")]
    assert len(nyt) > 100
    raw_with_markers = [f for f in files if f.name.startswith("nyt_") and "FULL TEXT." in f.read_text("utf-8")]
    assert raw_with_markers
    for text in nyt["text"]:
        paras = text.split("\n\n")
        assert "ABSTRACT." not in paras and "FULL TEXT." not in paras
        assert not any(re.fullmatch(r"(ABSTRACT|FULL TEXT)\.?", x) for x in paras)
    obama = nyt[nyt["path"].str.endswith("nyt_2016-09-08_obama-on-climate-change-the-tren.txt")].iloc[0]
    assert obama["title"] == "Obama on Climate Change: The Trends Are 'Terrifying.'"
    assert obama["text"].startswith("More than health care, race or the economy")
    assert "\n\nMIDWAY ATOLL - Seventy-four years ago" in obama["text"]


# --- the sample ---------------------------------------------------------------------------------

def test_load_sample():
    s = tk.load_sample()
    report = accounted(s)
    assert report.empty
    counts = s["source"].value_counts().to_dict()
    assert counts == {"Wikinews": 293, "Global Voices": 286, "The Standard": 1}
    ref = s[s["source"] == "The Standard"].iloc[0]
    assert ref["title"] == "What Ruto discussed with US State Secretary Rubio"
    assert ref["author"] == "Sharon Wanga" and ref["published"] == pd.Timestamp("2025-02-07", tz="UTC")
    assert not any(h in ref["text"] for h in READ_MORE)
    gv = s[s["source"] == "Global Voices"]
    for text in gv["text"]:
        assert not any(line.lstrip().startswith(">") for line in re.split(r"\n+", text)), text[:200]
        assert " > " not in text
    assert (gv["published"].dt.year == 2012).all()


def test_sample_attribution_and_size(data_root):
    folder = tk.sample_path()
    attribution = (folder / "ATTRIBUTION.md").read_text(encoding="utf-8")
    s = tk.load_sample()
    urls = s.loc[s["source"] != "The Standard", "url"]
    assert len(urls) == 293 + 286 and urls.notna().all()
    for url in urls:
        assert f"| {url} |" in attribution, url
    assert "CC BY 2.5" in attribution and "CC BY 3.0" in attribution
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert size < 5 * 1024 * 1024, size
    # the shipped reference article is the one in the shared data, unchanged
    assert (folder / "the-standard" / seed_file(data_root).name).read_bytes() == seed_file(data_root).read_bytes()


# --- bad inputs, both error modes ---------------------------------------------------------------

BAD = {
    # name: (file name, content, expected line, words expected in the reason)
    "empty text file": ("empty.txt", b"", None, "empty file"),
    "whitespace only": ("blank.txt", b" \n\t\r\n", None, "empty file"),
    "BOM only jsonl": ("bom.jsonl", b"\xef\xbb\xbf", None, "empty file"),
    "empty jsonl": ("empty.jsonl", b"", None, "empty file"),
    "empty csv": ("empty.csv", b"", None, "empty file"),
    "binary bytes": ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\xff\xfe\x00\x01\x02" * 20, None,
                     "undecodable bytes"),
    "bad JSON line": ("bad.jsonl", jsonl({"text": "Fine."}, '{"text": "broken', {"text": "Also fine."}), 2,
                      "JSON does not parse"),
    "JSON not an object": ("list.jsonl", jsonl({"text": "Fine."}, [1, 2]), 2, "not an object"),
    "CSV without text column": ("notext.csv", "title,date\nA title,2020-01-01\n", 1, "no text column"),
    "record without body": ("nobody.jsonl", jsonl({"text": "Fine."}, {"title": "No body here"}), 2, "no body"),
    "record with empty body": ("emptybody.jsonl", jsonl({"text": "Fine."}, {"title": "T", "text": "  "}), 2,
                               "no body"),
    "CSV row without body": ("rows.csv", 'title,text\nOne,"A body.\nTwo lines."\nTwo,\n', 4, "no body"),
    "CSV header only": ("header.csv", "title,text\n", 1, "no records"),
    "JSON array empty": ("empty.json", "[]", None, "no records"),
    "JSON does not parse": ("broken.json", '{"text": "a",\n "title": }', 2, "JSON does not parse"),
    "text file without body": ("links_only.txt", "A title\n\nREAD MORE\n\nOther headline\n\nAnother one\n", None,
                               "no body"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_reported(case, tmp_path):
    name, content, line, words = BAD[case]
    path = write(tmp_path / name, content)
    f = tk.load_articles(path)
    report = accounted(f)
    sk = skipped(report)
    assert len(sk) == 1, report
    assert sk.loc[0, "path"] == str(path)
    assert (pd.isna(sk.loc[0, "line"]) if line is None else sk.loc[0, "line"] == line), sk.loc[0, "line"]
    assert words in sk.loc[0, "reason"], sk.loc[0, "reason"]
    # the good records around the bad one load
    n_good = f.attrs["n_inputs"] - 1
    assert len(f) == n_good


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_raises(case, tmp_path):
    name, content, line, words = BAD[case]
    path = write(tmp_path / name, content)
    with pytest.raises(LoadError) as info:
        tk.load_articles(path, errors="raise")
    err = info.value
    assert isinstance(err, ToolkitError)
    assert err.path == str(path) and err.line == line and words in err.reason
    assert str(path) in str(err) and words in str(err)
    if line is not None:
        assert f"line {line}" in str(err)


def test_missing_path_both_modes(tmp_path):
    missing = tmp_path / "nowhere" / "articles.jsonl"
    f = tk.load_articles([missing, tmp_path / "no-match-*.txt"])
    report = accounted(f)
    assert len(f) == 0 and f.attrs["n_inputs"] == 2
    assert list(report["path"]) == [str(missing), str(tmp_path / "no-match-*.txt")]
    assert report["reason"].str.contains("does not exist").all()
    with pytest.raises(LoadError, match="does not exist") as info:
        tk.load_articles(missing, errors="raise")
    assert info.value.path == str(missing) and info.value.line is None


def test_bad_lines_among_good_ones(tmp_path):
    path = write(tmp_path / "mixed.jsonl", jsonl(
        {"id": "a", "title": "First", "text": "The first article."},
        "not json at all",
        "",
        {"id": "b", "headline": "Second", "body": "The second article."},
        {"id": "a", "text": "Another article that reuses the id a."},
        {"id": "c", "text": ""},
    ))
    f = tk.load_articles(path)
    report = accounted(f)
    assert list(f["article_id"]) == ["a", "b"]
    sk = skipped(report)
    assert list(sk["line"]) == [2, 5, 6]
    assert "JSON does not parse" in sk.loc[0, "reason"]
    assert "already used" in sk.loc[1, "reason"]
    assert "no body" in sk.loc[2, "reason"]
    assert f.attrs["n_inputs"] == 5  # the blank line is not an input


def test_undecodable_and_legacy_encodings(tmp_path):
    cp = write(tmp_path / "cp1252.txt", "Title\n\nThe fee rose to £5 – “a lot”, said Zoë.".encode("cp1252"))
    mixed = write(tmp_path / "mixed.txt", "Café title\n\nNaïve text ".encode("utf-8") + b"with \x93quotes\x94.")
    utf16 = write(tmp_path / "utf16.txt", "Title\n\nText in UTF-16 with ü.".encode("utf-16"))
    bom = write(tmp_path / "bom.txt", "\ufeffTitle\n\nText after a BOM.".encode("utf-8"))
    f = tk.load_articles([cp, mixed, utf16, bom])
    report = accounted(f)
    texts = dict(zip(f["path"], f["text"]))
    assert texts[str(cp)] == "The fee rose to £5 – “a lot”, said Zoë."
    assert texts[str(mixed)] == "Naïve text with “quotes”."
    assert f.loc[f["path"] == str(mixed), "title"].iloc[0] == "Café title"
    assert texts[str(utf16)] == "Text in UTF-16 with ü."
    assert texts[str(bom)] == "Text after a BOM." and f.loc[3, "title"] == "Title"
    notes = report[report["status"] == "note"].set_index("path")["reason"]
    assert set(notes.index) == {str(cp), str(mixed)}
    assert "cp1252" in notes[str(cp)] and "mixed encodings" in notes[str(mixed)]


# --- globs, lists, folders ----------------------------------------------------------------------

def test_glob_and_list_inputs(data_root):
    tech = sorted((data_root / "bbc" / "tech").glob("*.txt"))
    g = tk.load_articles(str(data_root / "bbc" / "tech" / "*.txt"), source="BBC")
    accounted(g)
    assert list(g["path"]) == [str(p) for p in tech]
    rec = tk.load_articles(str(data_root / "bbc" / "**" / "00*.txt"), source="BBC")
    accounted(rec)
    assert len(rec) == 5 * 9 and rec.attrs["n_inputs"] == 45
    both = tk.load_articles([seed_file(data_root), data_root / "wikinews" / "articles.jsonl", tech[0]])
    accounted(both)
    assert len(both) == 1 + 293 + 1
    assert both.loc[0, "title"] == "What Ruto discussed with US State Secretary Rubio"
    assert both.loc[294, "path"] == str(tech[0])
    assert list(both["source"].iloc[[0, 1, 294]]) == ["seed", "Wikinews", "tech"]


def test_mixed_format_folder(tmp_path, data_root):
    folder = tmp_path / "corpus"
    write(folder / "a.txt", "A plain title\n\nA plain paragraph about the budget.\n\nA second paragraph.\n")
    write(folder / "sub" / "b.jsonl", jsonl({"headline": "JSONL headline", "maintext": "JSON Lines body text.",
                                             "date_publish": "2021-05-01 10:00:00", "authors": ["A. Writer", "B. Writer"],
                                             "source_domain": "example.org", "language": "en"}))
    write(folder / "c.json", json.dumps({"articles": [
        {"title": "JSON one", "content": "Body of the first JSON record.", "publication_date": "2021-05-02T08:00:00+02:00",
         "link": "https://example.org/one", "outlet": "Example Times"},
        {"title": "JSON two", "body": "Body of the second JSON record.", "byline": "By Jane Roe"},
    ]}))
    write(folder / "d.csv", 'headline,text,published,topic\n"CSV title","CSV body, with a comma.",2021-05-03,"economy"\n')
    write(folder / "e.html", HTML_PAGE)
    write(folder / "README.md", "# About this folder\n\nNot an article.\n")
    write(folder / "notes.docx", b"PK\x03\x04 not supported")
    tk.load_articles(seed_file(data_root)).to_parquet(folder / "f.parquet")
    f = tk.load_articles(folder)
    report = accounted(f)
    assert f.attrs["n_inputs"] == 1 + 1 + 2 + 1 + 1 + 2 + 1
    assert len(f) == 7
    sk = skipped(report)
    assert sorted(Path(p).name for p in sk["path"]) == ["README.md", "notes.docx"]
    # .docx is read now: a damaged one is reported as such
    assert sk["reason"].str.contains("documentation|not a readable .docx").all()
    by_title = f.set_index("title")
    assert by_title.loc["A plain title", "text"] == "A plain paragraph about the budget.\n\nA second paragraph."
    assert by_title.loc["A plain title", "source"] == "corpus"
    j = by_title.loc["JSONL headline"]
    assert j["text"] == "JSON Lines body text." and j["author"] == "A. Writer; B. Writer"
    assert j["source"] == "example.org" and j["published"] == pd.Timestamp("2021-05-01 10:00", tz="UTC")
    assert j["language"] == "en"
    one = by_title.loc["JSON one"]
    assert one["url"] == "https://example.org/one" and one["source"] == "Example Times"
    assert one["published"] == pd.Timestamp("2021-05-02 06:00", tz="UTC")
    assert by_title.loc["JSON two", "author"] == "Jane Roe"
    assert by_title.loc["CSV title", "text"] == "CSV body, with a comma." and by_title.loc["CSV title", "topic"] == "economy"
    assert by_title.loc["Council approves new water plan", "author"] == "Amina Odhiambo"
    assert by_title.loc["What Ruto discussed with US State Secretary Rubio", "section"] == "National"
    # format= overrides the extension
    as_text = tk.load_articles(folder / "d.csv", format="text")
    accounted(as_text)
    assert len(as_text) == 1 and "CSV body" in as_text.loc[0, "text"]


# --- HTML ---------------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Council approves new water plan | The Daily Ledger</title>
<meta property="og:title" content="Council approves new water plan">
<meta property="og:site_name" content="The Daily Ledger">
<meta name="author" content="Amina Odhiambo">
<meta property="article:published_time" content="2024-03-05T09:30:00+03:00">
<link rel="canonical" href="https://ledger.example.com/news/water-plan">
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav></header>
<aside class="trending"><h3>Trending</h3><ul><li><a href="/x">Celebrity chef opens third restaurant</a></li></ul></aside>
<main>
<article>
<h1>Council approves new water plan</h1>
<p class="byline">By Amina Odhiambo</p>
<p>The county council on Tuesday approved a plan to extend piped water to twelve villages in the eastern wards,
ending a debate that had lasted more than a year.</p>
<p>"This is the most important vote we have taken this term," said the council chair, Peter Mwangi, after the
motion passed by 31 votes to 4.</p>
<p>The plan will be paid for by a loan from the national water fund and a small increase in connection fees,
which opponents said would hurt poorer households.</p>
<p>Work on the first pipeline is due to start in June, according to the county engineer.</p>
</article>
</main>
<footer><p>Copyright 2024 The Daily Ledger. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p></footer>
</body>
</html>
"""


def test_html_page(tmp_path):
    path = write(tmp_path / "water-plan.html", HTML_PAGE)
    f = tk.load_articles(path)
    report = accounted(f)
    assert len(f) == 1 and skipped(report).empty
    a = f.iloc[0]
    assert a["title"] == "Council approves new water plan"
    assert a["author"] == "Amina Odhiambo"
    assert a["source"] == "The Daily Ledger"
    assert a["url"] == "https://ledger.example.com/news/water-plan"
    assert a["published"].date() == pd.Timestamp("2024-03-05").date() and a["published"].tz is not None
    paras = a["text"].split("\n\n")
    assert paras[0].startswith("The county council on Tuesday approved a plan")
    assert paras[-1] == "Work on the first pipeline is due to start in June, according to the county engineer."
    assert len(paras) == 4
    for boiler in ("Home", "Subscribe", "Copyright", "Privacy policy", "Terms of use", "Celebrity chef", "Trending"):
        assert boiler not in a["text"], boiler


def test_html_without_article(tmp_path):
    # a page rendered by scripts: no text to extract
    path = write(tmp_path / "app.html", "<html><head><title>App</title><script>var a = 1;</script></head>"
                                        "<body><div id='app'></div><script>render()</script></body></html>")
    f = tk.load_articles(path)
    sk = skipped(accounted(f))
    assert len(f) == 0 and len(sk) == 1 and "no article text" in sk.loc[0, "reason"]
    with pytest.raises(LoadError, match="no article text"):
        tk.load_articles(path, errors="raise")


# --- Parquet ------------------------------------------------------------------------------------

def test_parquet_round_trip(data_root, tmp_path):
    original = tk.load_articles([seed_file(data_root), data_root / "globalvoices" / "articles.jsonl",
                                 data_root / "wikinews" / "articles.jsonl", data_root / "bbc" / "business"])
    accounted(original)
    assert {"categories", "tags", "blockquote_lines"} <= set(original.columns)
    path = tmp_path / "articles.parquet"
    original.to_parquet(path)
    back = tk.load_articles(path)
    report = accounted(back)
    pd.testing.assert_frame_equal(back, original, check_dtype=True, check_exact=True)
    assert isinstance(back.loc[1, "categories"], list)
    # copies are flagged again, nothing skipped; language and flags come back as saved
    assert list(report["status"].unique()) == ["duplicate"]
    assert back["flags"].map(len).sum() == 1
    assert back.attrs["n_inputs"] == len(original)


def test_parquet_foreign_and_broken(tmp_path):
    foreign = tmp_path / "foreign.parquet"
    pd.DataFrame({"headline": ["A", "B", None], "body": ["Text of A.", None, "Text of C."],
                  "date": ["2020-01-01", "2020-01-02", None]}).to_parquet(foreign)
    f = tk.load_articles(foreign)
    report = accounted(f)
    assert list(f["title"].astype(object).fillna("-")) == ["A", "-"]
    assert list(f["text"]) == ["Text of A.", "Text of C."]
    assert list(skipped(report)["line"]) == [2]
    no_text = tmp_path / "no_text.parquet"
    pd.DataFrame({"headline": ["A"], "views": [3]}).to_parquet(no_text)
    f = tk.load_articles(no_text)
    assert len(f) == 0 and "no text column" in skipped(accounted(f)).loc[0, "reason"]
    empty = tmp_path / "empty.parquet"
    pd.DataFrame({"text": pd.Series([], dtype="string")}).to_parquet(empty)
    f = tk.load_articles(empty)
    assert len(f) == 0 and "no records" in skipped(accounted(f)).loc[0, "reason"]
    broken = write(tmp_path / "broken.parquet", b"PAR1 this is not parquet")
    f = tk.load_articles(broken)
    assert len(f) == 0 and "could not be read" in skipped(accounted(f)).loc[0, "reason"]
    with pytest.raises(LoadError, match="could not be read"):
        tk.load_articles(broken, errors="raise")


# --- duplicates, dates, dtypes, options ----------------------------------------------------------

def test_duplicates_loaded_and_reported(tmp_path):
    path = write(tmp_path / "dups.jsonl", jsonl(
        {"id": "x1", "text": "The minister resigned on Monday."},
        {"id": "x2", "text": "THE MINISTER resigned on Monday!"},
        {"id": "x3", "text": "A different story."},
        {"text": "The  minister resigned, on Monday."},
    ))
    f = tk.load_articles(path)
    report = accounted(f)
    assert list(f["duplicate_of"].astype(object).fillna("")) == ["", "x1", "", "x1"]
    dup = report[report["status"] == "duplicate"]
    assert list(dup["line"]) == [2, 4] and dup["reason"].str.contains("x1").all()
    assert f.attrs["n_inputs"] == 4 == len(f)
    # the same file twice: generated ids stay unique, given ids collide and are skipped
    twice = tk.load_articles([path, path])
    report = accounted(twice)
    assert len(twice) == 5 and list(skipped(report)["line"]) == [1, 2, 3]


def test_punctuation_only_texts_are_not_duplicates(tmp_path):
    f = tk.load_articles(write(tmp_path / "p.jsonl", jsonl({"text": "!!!"}, {"text": "???"})))
    accounted(f)
    assert f["duplicate_of"].isna().all()


@pytest.mark.parametrize("value, expected", [
    ("2019-01-04", "2019-01-04 00:00"),
    ("2019-01-04T12:00:00+02:00", "2019-01-04 10:00"),
    ("Fri, 04 Jan 2019 12:00:00 GMT", "2019-01-04 12:00"),
    ("Feb 07, 2025", "2025-02-07 00:00"),
    (1546603200, "2019-01-04 12:00"),
    (1546603200000, "2019-01-04 12:00"),
    ("1546603200", "2019-01-04 12:00"),
    ("20190104", "2019-01-04 00:00"),
    ("now", None),
    ("today", None),
    ("not a date", None),
    ("0001-01-01", None),  # outside datetime64[ns]
    ("9999-12-31", None),
    (True, None),
    (1e300, None),
])
def test_dates_timezone_aware(tmp_path, value, expected):
    f = tk.load_articles(write(tmp_path / "d.jsonl", jsonl({"text": "Body.", "date": value})))
    report = accounted(f)
    assert len(f) == 1
    if expected is None:
        assert pd.isna(f.loc[0, "published"])
        assert list(report["status"]) == ["note"] and "not a date" in report.loc[0, "reason"]
    else:
        assert f.loc[0, "published"] == pd.Timestamp(expected, tz="UTC")
        assert report.empty


def test_dtypes_of_empty_and_full_frames(tmp_path, data_root):
    empty = tk.load_articles([])
    accounted(empty)
    assert len(empty) == 0 and list(empty.columns) == COLUMNS and empty.attrs["n_inputs"] == 0
    f = tk.load_articles(data_root / "wikinews" / "articles.jsonl")
    accounted(f)
    assert str(f["published"].dt.tz) == "UTC"
    assert (f["n_words"] > 0).all()
    assert all(flags == [] for flags in f["flags"])  # a list a row; "teaser" only on web teasers


@pytest.mark.parametrize("kwargs, name", [
    ({"format": "xml"}, "format"),
    ({"format": "TXT"}, "format"),
    ({"format": None}, "format"),
    ({"errors": "ignore"}, "errors"),
    ({"errors": "Raise"}, "errors"),
])
def test_invalid_options(kwargs, name, data_root):
    with pytest.raises(InvalidOptionError) as info:
        tk.load_articles(seed_file(data_root), **kwargs)
    assert info.value.name == name and isinstance(info.value, ValueError)
    assert name in str(info.value)


def test_clean_text_public_api():
    assert tk.clean_text("A sentence.\nREAD MORE\nSome headline\nAnother headline\nNext sentence.") == \
        "A sentence.\n\nNext sentence."
    assert tk.clean_text("ABSTRACT.\n\nShort.\n\nFULL TEXT.\n\nLong.") == "Short.\n\nLong."


def test_json_edge_cases(tmp_path):
    # U+2028 and U+0085 are legal unescaped inside JSON strings: not line ends of JSON Lines
    lines = write(tmp_path / "seps.jsonl", json.dumps({"id": "s1", "text": "One\u2028two\x85three."}, ensure_ascii=False)
                  + "\n" + json.dumps({"id": "s2", "text": "Four."}) + "\n")
    f = tk.load_articles(lines)
    assert accounted(f).empty and list(f["article_id"]) == ["s1", "s2"]
    assert f.loc[0, "text"] == "One\n\ntwo\n\nthree."
    # a lone surrogate escape becomes U+FFFD instead of breaking the string columns and Parquet
    sur = write(tmp_path / "sur.jsonl", '{"title": "\\ud800x", "text": "a\\udc80b", "note\\ud800": "\\ud800"}\n')
    f = tk.load_articles(sur)
    accounted(f)
    assert f.loc[0, "title"] == "\ufffdx" and f.loc[0, "text"] == "a\ufffdb" and f.loc[0, "note\ufffd"] == "\ufffd"
    f.to_parquet(tmp_path / "sur.parquet")
    # nesting deeper than the recursion limit is reported, not raised
    deep = write(tmp_path / "deep.json", "[" * 100_000 + "]" * 100_000)
    f = tk.load_articles(deep)
    assert len(f) == 0 and "nested too deeply" in skipped(accounted(f)).loc[0, "reason"]
    with pytest.raises(LoadError, match="nested too deeply"):
        tk.load_articles(deep, errors="raise")
    # JSON Lines files concatenated with their BOMs, CRLF line ends
    cat = write(tmp_path / "cat.jsonl", "\ufeff" + json.dumps({"text": "First."}) + "\r\n\ufeff"
                + json.dumps({"text": "Second."}) + "\r\n")
    f = tk.load_articles(cat)
    assert accounted(f).empty and list(f["text"]) == ["First.", "Second."]
    # a JSON null is reported as such
    f = tk.load_articles(write(tmp_path / "null.json", "null"))
    assert "JSON null" in skipped(accounted(f)).loc[0, "reason"]
