"""Attention across outlets: near-duplicates, search, attention shares, distinctive terms, their
charts and the attention explorer.

Quality is measured as in benchmarks/bench_attention.py, at small scale: 1,000 BBC articles and
1,000 copies with light edits of our own (a sentence dropped, three words changed, a credit line
added; read from the shared data folder, never copied). Everything else runs on made-up articles
or on the session's small corpus (the reference article + 20 Wikinews articles).
"""
from __future__ import annotations

import html
import re
import sys
import warnings

import ipywidgets as widgets
import numpy as np
import pandas as pd
import pytest

import toolkit as tk
from toolkit import charts as ch
from toolkit.errors import EmptyCorpusError, InvalidOptionError, MissingColumnError, QueryError, UnknownActorError
from toolkit.tables.search import INDEX_FILE, parse_query, split_sentences, to_fts
from toolkit.widgets import AttentionExplorer

from conftest import REPO, need

sys.path.insert(0, str(REPO / "benchmarks"))
from _data import bbc_with_edits  # noqa: E402  (the edits the benchmark makes, shared)


# --- fixtures ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bbc(data_root):
    return tk.load_articles(need(data_root / "bbc"), errors="report")


@pytest.fixture(scope="module")
def edited(bbc):
    """1,000 BBC articles then 1,000 edited copies of them (column ``original``)."""
    originals = bbc[bbc["duplicate_of"].isna()].head(1000)
    return bbc_with_edits(2000, seed=3, originals=originals)


@pytest.fixture(scope="module")
def marked(edited):
    return tk.near_duplicates(edited)


def shingles(text: str) -> set:
    w = text.lower().split()
    return {tuple(w[i:i + 3]) for i in range(len(w) - 2)}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


WIRE = ("The central bank raised its main interest rate by half a point on Tuesday, the third rise this year, "
        "saying prices were still climbing faster than wages. The governor said further rises were possible.")


def made_up() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["w1", "w2", "w3", "f1", "z1"],
        "source": ["Daily", "Weekly", "Daily", "Weekly", "Daily"],
        "title": ["Rates up", "Bank lifts rates", "Rates again", "Floods", "Café owner"],
        "published": pd.to_datetime(["2024-01-02", "2024-01-09", "2024-02-06", "2024-01-10", "2024-02-07"], utc=True),
        "text": [WIRE, WIRE.replace("Tuesday", "Tuesday morning") + "\n\n(Reporting by a wire desk)",
                 "Higher interest rates cooled housing sales, agents said.",
                 "Rain flooded the valley. COVID-19 rules closed the shelter.",
                 "ZOË Okafor reopened her café in the old town. She said rates hurt."],
    })


# --- near-duplicates -----------------------------------------------------------------------------

def test_edited_copies_point_at_their_original(marked):
    copies = marked[marked["original"].notna()]
    leader = dict(zip(marked["article_id"], marked["near_duplicate_of"]))
    ok = [nd == o or nd == leader.get(o) for nd, o in
          zip(copies["near_duplicate_of"].astype(object).fillna(""), copies["original"])]
    assert len(copies) == 1000
    assert np.mean(ok) >= 0.95


def test_few_articles_flagged_against_one_they_share_little_with(marked):
    text = dict(zip(marked["article_id"], marked["text"]))
    flagged = marked[marked["near_duplicate_of"].notna()]
    far = sum(jaccard(shingles(text[a]), shingles(text[b])) < 0.2
              for a, b in zip(flagged["article_id"], flagged["near_duplicate_of"]))
    assert len(flagged) >= 950
    assert far / len(marked) <= 0.005


def test_near_duplicate_columns_flags_and_clusters(marked):
    copies = marked["near_duplicate_of"].notna()
    assert str(marked["near_duplicate_of"].dtype) == "string" == str(marked["near_duplicate_cluster"].dtype)
    # every copy carries the flag; the first of a cluster does not, and is its own cluster
    assert all("near_duplicate" in f for f in marked.loc[copies, "flags"])
    assert not any("near_duplicate" in f for f in marked.loc[~copies, "flags"])
    firsts = set(marked.loc[copies, "near_duplicate_of"])
    heads = marked[marked["article_id"].isin(firsts)]
    assert heads["near_duplicate_of"].isna().all()
    assert (heads["near_duplicate_cluster"] == heads["article_id"]).all()
    assert (marked.loc[copies, "near_duplicate_cluster"] == marked.loc[copies, "near_duplicate_of"]).all()
    assert marked.loc[copies, "near_duplicate_similarity"].between(0.5, 1.0).all()
    alone = marked[marked["near_duplicate_cluster"].isna()]
    assert alone["near_duplicate_of"].isna().all() and alone["near_duplicate_similarity"].isna().all()


def test_near_duplicates_are_deterministic(edited):
    sub = edited.iloc[list(range(0, 300)) + list(range(1000, 1300))]
    a, b = tk.near_duplicates(sub), tk.near_duplicates(sub)
    assert a["near_duplicate_of"].equals(b["near_duplicate_of"])


def test_copies_point_at_the_first_published_not_at_a_chain():
    base = " ".join(f"word{i}" for i in range(60))
    mid = " ".join(f"word{i}" for i in range(20, 80))  # shares 40 of 60 words with base and with far
    far = " ".join(f"word{i}" for i in range(40, 100))
    frame = pd.DataFrame({"article_id": ["late", "base", "mid", "far"],
                          "published": pd.to_datetime(["2024-03-01", "2024-01-01", "2024-01-02", "2024-01-03"],
                                                      utc=True),
                          "text": [base + " extra", base, mid, far]})
    out = tk.near_duplicates(frame, threshold=0.4).set_index("article_id")
    assert out.loc["late", "near_duplicate_of"] == "base"  # the earliest published is the first
    assert out.loc["mid", "near_duplicate_of"] == "base"
    assert pd.isna(out.loc["far", "near_duplicate_of"])  # like mid, not like base: no chain


def test_near_duplicates_options():
    frame = made_up()
    for bad in (0, 1.5, "0.5", True):
        with pytest.raises(InvalidOptionError):
            tk.near_duplicates(frame, threshold=bad)
    with pytest.raises(InvalidOptionError):
        tk.near_duplicates(frame, shingle=0)
    with pytest.raises(MissingColumnError):
        tk.near_duplicates(frame.drop(columns="text"))
    out = tk.near_duplicates(frame)
    assert out.set_index("article_id")["near_duplicate_of"].to_dict()["w2"] == "w1"
    assert out["near_duplicate_of"].notna().sum() == 1
    assert list(frame.columns) == list(out.columns[: len(frame.columns)])  # the input is not changed


def test_analyze_counts_a_cluster_once_unless_told_to_keep():
    frame = made_up()
    with pytest.warns(UserWarning, match=r"1 near-duplicate articles \(reprints of 1 story"):
        folded = tk.analyze(frame, topics=False, quotes=False)
    assert sorted(folded.articles["article_id"]) == ["f1", "w1", "w3", "z1"]
    assert "near_duplicate_of" not in folded.articles.columns
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kept = tk.analyze(frame, topics=False, quotes=False, near_duplicates="keep")
    assert len(kept.articles) == 5
    with pytest.raises(InvalidOptionError):
        tk.analyze(frame, near_duplicates="drop")
    # a copy whose first article is left out (here: an exact duplicate) stands for its story
    lost = tk.near_duplicates(frame).assign(duplicate_of=pd.array([pd.NA, pd.NA, pd.NA, pd.NA, pd.NA], dtype="string"))
    lost.loc[lost["article_id"] == "w1", "duplicate_of"] = "f1"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert sorted(tk.analyze(lost, topics=False, quotes=False).articles["article_id"]) == ["f1", "w2", "w3", "z1"]
    assert tk.attention(lost, '"interest rate"', by=None, freq="year")["n_matching"].item() == 1
    # a frame already marked: its own columns decide
    marked = tk.near_duplicates(frame).assign(near_duplicate_of=pd.NA)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(tk.analyze(marked, topics=False, quotes=False).articles) == 5


# --- search --------------------------------------------------------------------------------------

def ids(frame) -> list:
    return sorted(frame["article_id"])


def test_search_words_phrases_operators_prefixes():
    frame = made_up()
    assert ids(tk.search(frame, '"interest rates"')) == ["w3"]  # the wire says "interest rate"
    assert ids(tk.search(frame, '"interest rate"')) == ["w1", "w2"]
    assert ids(tk.search(frame, "rates NOT housing")) == ["w1", "w2", "z1"]
    assert ids(tk.search(frame, "(housing OR valley) AND agents")) == ["w3"]
    assert ids(tk.search(frame, "flood*")) == ["f1"]
    assert ids(tk.search(frame, "rates governor")) == ["w1", "w2"]  # AND is implied
    assert ids(tk.search(frame, "rates AND housing")) == ["w3"]
    assert ids(tk.search(frame, "rates and housing")) == []  # lower-case "and" is a word, not in that text
    assert ids(tk.search(frame, "rates")) == ["w1", "w2", "w3", "z1"]  # titles count: "Bank lifts rates"


def test_search_folds_case_and_accents_and_reads_punctuation_as_spaces():
    frame = made_up()
    assert ids(tk.search(frame, "zoe")) == ids(tk.search(frame, "Zoë")) == ["z1"]
    assert ids(tk.search(frame, "CAFE")) == ["z1"]  # in the title and the text
    assert ids(tk.search(frame, "covid-19")) == ids(tk.search(frame, '"covid 19"')) == ["f1"]


def test_search_rows_scores_and_snippets():
    res = tk.search(made_up(), '"interest rate" OR housing')
    assert list(res.columns) == ["article_id", "score", "snippet", "source", "published", "title"]
    assert res["score"].is_monotonic_decreasing and (res["score"] > 0).all()
    assert all("**" in s for s in res["snippet"])
    assert "**interest rate**" in res.set_index("article_id").loc["w1", "snippet"]
    assert res["published"].dtype == made_up()["published"].dtype
    assert len(tk.search(made_up(), "rates", limit=2)) == 2
    few = tk.search(made_up(), "rates", snippets=1)  # every match, the best one with a snippet
    assert len(few) == 4 and few["snippet"].notna().tolist() == [True, False, False, False]
    assert few["article_id"].tolist() == tk.search(made_up(), "rates")["article_id"].tolist()
    with pytest.raises(InvalidOptionError):
        tk.search(made_up(), "rates", snippets=-1)
    assert tk.search(made_up(), "unicorn").empty
    html_marks = tk.search(made_up(), "housing", marks=("<b>", "</b>"))
    assert "<b>housing</b>" in html_marks["snippet"].iloc[0]


def test_search_by_sentence_gives_offsets_into_the_text():
    frame = made_up()
    res = tk.search(frame, "rates", by="sentence")
    assert list(res.columns) == ["article_id", "sentence", "start", "end", "score", "snippet", "source", "published",
                                 "title"]
    text = dict(zip(frame["article_id"], frame["text"]))
    for r in res.itertuples():
        sentence = text[r.article_id][r.start:r.end]
        assert "rate" in sentence.lower() and sentence.replace("**", "") == r.snippet.replace("**", "")
    # the made-up café article has two sentences, only the second names rates
    z = res[res["article_id"] == "z1"]
    assert z["sentence"].tolist() == [1] and z["snippet"].iloc[0] == "She said **rates** hurt."


def test_split_sentences_without_spacy():
    text = "First one. Second one? \"Third,\" she said.\n\nA new paragraph"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "First one.", "Second one?", "\"Third,\" she said.", "A new paragraph"]


@pytest.mark.parametrize("query", ["", "   ", '"unclosed', "(a OR b", "a)", "NOT sport", "a OR", "AND b",
                                   "x AND (y OR NOT z)"])
def test_queries_it_cannot_read_say_why(query):
    with pytest.raises(QueryError):
        tk.search(made_up(), query)


def test_queries_become_quoted_fts5():
    assert to_fts(parse_query('"climate change" NOT (sport OR "football club") elect*')) == \
        '(("climate change" AND "elect" *) NOT ("sport" OR "football club"))'
    assert to_fts(parse_query("don't")) == '"don\'t"'
    assert to_fts(parse_query('say "he said ""no"""')) is not None  # quotes inside never break the syntax


def test_search_actor_resolves_aliases_with_a_corpus(small_corpus):
    ruto = small_corpus.actor("Ruto")
    forms = {str(ruto.actor["name"]), *map(str, ruto.actor["aliases"])}
    res = tk.search(small_corpus, "actor:Ruto")
    assert set(ruto.articles["article_id"]) <= set(res["article_id"])
    assert any(f"**{f}**" in " ".join(res["snippet"]) or f in " ".join(res["snippet"]) for f in forms)
    both = tk.search(small_corpus, 'actor:"William Ruto" AND Haiti')
    assert set(both["article_id"]) == set(ruto.articles["article_id"]) & set(tk.search(small_corpus, "Haiti")[
        "article_id"])
    with pytest.raises(UnknownActorError):
        tk.search(small_corpus, "actor:Nobody-At-All")
    # on a plain frame actor:NAME is the phrase
    assert ids(tk.search(made_up(), 'actor:"Zoë Okafor"')) == ["z1"]


def test_search_index_is_kept_in_the_store_and_rebuilt_when_articles_change(small_corpus, tmp_path):
    store = tmp_path / "store"
    small_corpus.save(store)
    first = tk.open_corpus(store)
    assert first.store == str(store)
    res = tk.search(first, "Haiti")
    f = store / INDEX_FILE
    assert f.is_file()
    stamp = f.stat().st_mtime_ns
    again = tk.open_corpus(store)  # a new session's corpus: the file is reused, not rebuilt
    assert tk.search(again, "Haiti").equals(res) and f.stat().st_mtime_ns == stamp
    arts = again.articles.copy()
    i = int(np.flatnonzero(arts["article_id"].isin(res["article_id"]))[0])
    arts.loc[i, "text"] = "Nothing about that island any more."
    changed = tk.Corpus(**{**again.tables(), "articles": arts}, store=str(store))
    assert len(tk.search(changed, "Haiti")) == len(res) - 1
    assert f.stat().st_mtime_ns != stamp


def test_search_phrase_with_not_agrees_with_a_regular_expression(edited):
    res = tk.search(edited, '"prime minister" NOT election*')
    words = (edited["title"].fillna("") + "\n" + edited["text"].fillna("")).str.lower()
    pm = words.str.contains(r"\bprime\W+minister\b", regex=True)
    el = words.str.contains(r"\belection", regex=True)
    expected = set(edited.loc[(pm & ~el).to_numpy(), "article_id"])
    got = set(res["article_id"])
    assert len(expected) >= 50
    assert len(got & expected) / len(got | expected) >= 0.95


# --- attention -----------------------------------------------------------------------------------

def test_attention_counts_and_shares():
    out = tk.attention(made_up(), "rates", freq="month")
    assert list(out.columns) == ["period", "period_end", "source", "query", "n_matching", "n_articles", "share"]
    got = {(str(r.period.date()), r.source): (r.n_matching, r.n_articles) for r in out.itertuples()}
    assert got == {("2024-01-01", "Daily"): (1, 1), ("2024-01-01", "Weekly"): (1, 2),
                   ("2024-02-01", "Daily"): (2, 2), ("2024-02-01", "Weekly"): (0, 0)}
    assert out["share"].iloc[:3].tolist() == [1.0, 0.5, 1.0] and np.isnan(out["share"].iloc[3])
    assert (out["query"] == "rates").all()
    weekly = tk.attention(made_up(), "rates", freq="W", by=None)  # pandas codes work too
    assert set(weekly["source"]) == {"All sources"} and weekly["n_articles"].sum() == 5


def test_attention_counts_near_duplicates_once():
    marked = tk.near_duplicates(made_up())
    folded = tk.attention(marked, '"interest rate"', freq="year", by=None)
    kept = tk.attention(marked, '"interest rate"', freq="year", by=None, near_duplicates="keep")
    assert (folded["n_matching"].item(), folded["n_articles"].item()) == (1, 4)
    assert (kept["n_matching"].item(), kept["n_articles"].item()) == (2, 5)


def test_attention_by_outlet_and_month_on_bbc_with_edits(edited):
    out = tk.attention(edited, '"prime minister"', by="source", freq="month")
    share = out["share"].dropna()
    assert len(share) == 5 * 12 and share.between(0, 1).all() and (share > 0).any()
    assert out["n_articles"].sum() == len(edited)
    assert (out["n_matching"] <= out["n_articles"]).all()


def test_attention_of_an_actor(small_corpus):
    ruto = small_corpus.actor("Ruto")
    out = tk.attention(small_corpus, ruto, freq="year")
    assert out["n_matching"].sum() == ruto.articles["article_id"].nunique()
    assert set(out["query"]) == {ruto.actor["name"]}


def test_attention_options():
    with pytest.raises(InvalidOptionError):
        tk.attention(made_up(), "rates", freq="fortnight")
    with pytest.raises(InvalidOptionError):
        tk.attention(made_up(), "rates", by="author")
    with pytest.raises(InvalidOptionError):
        tk.attention(made_up(), 42)
    with pytest.raises(InvalidOptionError):
        tk.attention(made_up(), "rates", near_duplicates="drop")


def test_chart_attention_spec():
    frame = tk.attention(made_up(), "rates", freq="month")
    spec = ch.chart_attention(made_up(), "rates", freq="month").to_dict()
    assert spec["mark"] == {"type": "line", "point": True, "invalid": "break-paths-show-domains"}
    enc = spec["encoding"]
    assert (enc["x"]["field"], enc["y"]["field"], enc["color"]["field"]) == ("period", "share", "source")
    assert enc["y"]["axis"]["format"] == "%"
    data = next(iter(spec["datasets"].values()))
    assert len(data) == len(frame)
    assert [d["share"] for d in data] == [1.0, 0.5, 1.0, None]  # a break, not a zero, where nothing was published
    assert spec["params"][0]["name"] == "point"


# --- distinctive terms ---------------------------------------------------------------------------

def fightin_words(yi: float, yj: float, ni: float, nj: float, aw: float, a0: float) -> tuple[float, float]:
    """Monroe, Colaresi & Quinn (2008), eq. 16 and 18, written out once more for the check."""
    delta = np.log((yi + aw) / (ni + a0 - yi - aw)) - np.log((yj + aw) / (nj + a0 - yj - aw))
    return delta, delta / np.sqrt(1 / (yi + aw) + 1 / (yj + aw))


def test_distinctive_terms_by_outlet():
    frame = pd.DataFrame({
        "article_id": list("abcdef"), "source": ["North"] * 3 + ["South"] * 3,
        "text": ["Harbour cranes and harbour workers strike.", "The harbour strike goes on, workers say.",
                 "Harbour fees rise as the strike ends.", "Vineyard harvest starts early; workers arrive.",
                 "The vineyard owners hire workers.", "Harvest festival in the vineyard."]})
    out = tk.distinctive_terms(frame, n=3, min_count=2, ngrams=1)
    assert list(out.columns) == ["group", "rank", "term", "n_group", "n_rest", "log_odds", "z"]
    north = out[out["group"] == "North"]
    south = out[out["group"] == "South"]
    assert north["term"].iloc[0] == "harbour" and south["term"].iloc[0] == "vineyard"
    # used alike on both sides: far from distinctive
    assert out.loc[out["term"] == "workers", "z"].max() < 0.25 * out["z"].max()
    assert (out["z"] > 0).all() and north["z"].is_monotonic_decreasing
    # the z of "harbour" for North, by the formula: prior = the corpus counts
    counts = {"harbour": 4, "strike": 3, "workers": 4, "vineyard": 3, "harvest": 2}
    n_all = sum(counts.values())
    n_north = 4 + 3 + 2
    delta, z = fightin_words(4, 0, n_north, n_all - n_north, 4, n_all)
    row = north.iloc[0]
    assert row["log_odds"] == pytest.approx(delta, abs=1e-6) and row["z"] == pytest.approx(z, abs=1e-6)


def test_distinctive_terms_by_period_and_speaker(small_corpus):
    sample = tk.load_sample()
    by_year = tk.distinctive_terms(sample, by="period", freq="year", n=5)
    assert set(by_year["group"]) == {"2012", "2019", "2020", "2025"}
    by_speaker = tk.distinctive_terms(small_corpus, by="speaker", n=5, min_count=2, groups=3)
    assert 1 <= by_speaker["group"].nunique() <= 3
    assert set(by_speaker["group"]) <= set(small_corpus.quotes["speaker"].dropna())


def test_distinctive_terms_options():
    frame = made_up()
    for kw in ({"by": "author"}, {"n": 0}, {"ngrams": 3}, {"prior": 0}, {"freq": "decade"}, {"by": "speaker"}):
        with pytest.raises(InvalidOptionError):
            tk.distinctive_terms(frame, **kw)
    with pytest.raises(EmptyCorpusError):
        tk.distinctive_terms(frame.assign(source="Only one"), min_count=1)


def test_chart_distinctive_terms_spec():
    spec = ch.chart_distinctive_terms(tk.load_sample(), n=5).to_dict()
    assert spec["facet"]["field"] == "group" and spec["columns"] == 3
    assert spec["spec"]["encoding"]["x"]["field"] == "z"
    data = next(iter(spec["datasets"].values()))
    assert {d["group"] for d in data} == {"Wikinews", "Global Voices", "The Standard"}
    assert max(d["rank"] for d in data) == 5


# --- the explorer --------------------------------------------------------------------------------

def click(chart, selection: str, **fields):
    """A JupyterChart's selection state as its JavaScript sets it after a click on a point."""
    signal = {**{k: [v] for k, v in fields.items()}, "vlPoint": {"or": [fields]}}
    store = [{"unit": "", "fields": [{"field": k, "channel": k, "type": "E"} for k in fields],
              "values": list(fields.values())}]
    chart._vl_selections = {**chart._vl_selections, selection: {"value": signal, "store": store}}


def test_attention_explorer_follows_its_controls():
    frame = made_up()
    ex = AttentionExplorer(frame, freq="month")
    assert ex.attention.empty and "Type a query" in ex.sentences_view.value
    assert not any(isinstance(w, widgets.Output) for w in ex.children)
    ex.query.value = "rates"
    expected = tk.attention(frame, "rates", freq="month")
    pd.testing.assert_frame_equal(ex.attention, expected)
    # sentences of the texts only (two articles match "rates" by their titles alone)
    assert ex.n_sentences == len(tk.search(frame, "rates", by="sentence")) == 2
    assert ex.sentences_view.value.count("<li>") == 2 and "<mark" in ex.sentences_view.value
    assert list(ex.sentences.columns) == tk.tables.SENTENCE_COLUMNS + ["url"]
    assert all("**rates**" in s for s in ex.sentences["snippet"])  # as tk.search shows hits
    ex.outlets.value = ("Weekly",)
    assert set(ex.attention["source"]) == {"Weekly"} and ex.sentences.empty  # its one match is a title
    ex.query.value = "rate*"
    assert set(ex.sentences["article_id"]) == {"w2"} and set(ex.sentences["source"]) == {"Weekly"}
    ex.query.value = "rates"
    ex.outlets.value = ("Daily", "Weekly")
    ex.freq.value = "year"
    assert len(ex.attention) == 2 and ex.attention["n_articles"].sum() == 5
    click(ex.chart, "point", period=pd.Timestamp("2024-01-01").value // 10**6, source="Daily")
    assert ex.picked[1] == "Daily" and set(ex.sentences["article_id"]) == {"w3", "z1"}
    click(ex.chart, "point", period=pd.Timestamp("2024-01-01").value // 10**6, source="Weekly")
    assert ex.sentences.empty  # its "rates" article matched by title
    ex.pick(None)
    assert ex.n_sentences == 2
    ex.query.value = "NOT rates"
    assert "NOT needs something" in ex.message.value and ex.attention.empty and ex.n_sentences == 0


def test_attention_explorer_escapes_corpus_text():
    frame = pd.DataFrame({"article_id": ["x"], "source": ["<b>Outlet</b>"], "url": ["javascript:alert(1)"],
                          "title": ["<script>alert('t')</script>"],
                          "published": pd.to_datetime(["2024-01-01"], utc=True),
                          "text": ["A <img src=x onerror=alert(1)> rates story."]})
    ex = AttentionExplorer(frame, "rates")
    view = ex.sentences_view.value
    assert "<script" not in view and "<img" not in view and "javascript:" not in view.split("href")[0]
    assert html.escape("<img src=x onerror=alert(1)>") in view.replace("&#x27;", "'")
    assert 'href="javascript' not in view
    assert re.search(r"<mark[^>]*>rates</mark>", view)
