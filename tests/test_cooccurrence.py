"""Co-occurrence of actors and topics, checked by hand on a three-article corpus."""
from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from toolkit.tables import EDGE_COLUMNS, cooccurrence, to_networkx
from toolkit.errors import InvalidOptionError


@pytest.fixture()
def corpus():
    """Windows (article: sentence/paragraph -> actors):

    a1 (source X, Jan): s0/p0 {A, B}; s1/p0 {A}; s2/p1 {C}       paragraph topics p0 t0, p1 t1
    a2 (source X, Jan): s0/p0 {A, B}; s1/p1 {C}                   paragraph topics p0 t0
    a3 (source Y, Feb): s0/p0 {B}; s1/p0 {C}; a third paragraph without sentences or actors
    """
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "a3"], "source": ["X", "X", "Y"],
        "published": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-03"], utc=True),
        "text": ["s0. s1.\n\ns2.", "s0.\n\ns1.", "s0. s1.\n\n\n\n"],
    })
    sentences = pd.DataFrame({"article_id": ["a1", "a1", "a1", "a2", "a2", "a3", "a3"],
                              "sentence": [0, 1, 2, 0, 1, 0, 1], "paragraph": [0, 0, 1, 0, 1, 0, 0],
                              "start": 0, "end": 1})
    mentions = pd.DataFrame({
        "article_id": ["a1", "a1", "a1", "a1", "a1", "a2", "a2", "a2", "a3", "a3", "a3"],
        "sentence": [0, 0, 0, 1, 2, 0, 0, 1, 0, 1, 1],
        "paragraph": [0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0],
        # a repeated mention (A twice in a1 s0) counts once; an unresolved mention (None) is ignored
        "actor_id": ["A", "A", "B", "A", "C", "A", "B", "C", "B", "C", None],
    }).assign(start=0, end=1, text="x", label="PERSON")
    actors = pd.DataFrame({"actor_id": ["A", "B", "C"], "name": ["Ann", "Bob", "Cy Corp"],
                           "kind": ["person", "person", "organization"]})
    article_topics = pd.DataFrame({"article_id": ["a1", "a1", "a2", "a3"], "topic_id": ["t0", "t1", "t0", "t1"],
                                   "weight": [0.6, 0.4, 1.0, 1.0]})
    paragraph_topics = pd.DataFrame({"article_id": ["a1", "a1", "a2", "a3"], "paragraph": [0, 1, 0, 0],
                                     "topic_id": ["t0", "t1", "t0", "t1"], "weight": 1.0})
    topics = pd.DataFrame({"topic_id": ["t0", "t1"], "label": ["police, reform", "floods, rain"]})
    return SimpleNamespace(articles=articles, mentions=mentions, actors=actors, sentences=sentences,
                           article_topics=article_topics, paragraph_topics=paragraph_topics, topics=topics)


def scores(c, n, n_a, n_b):
    pmi = math.log(c * n / (n_a * n_b))
    npmi = 1.0 if c == n else pmi / -math.log(c / n)
    return pytest.approx([pmi, npmi, c / (n_a + n_b - c)])


def row(edges, a, b):
    hit = edges[(edges["a"] == a) & (edges["b"] == b)]
    assert len(hit) == 1, f"no single edge {a}-{b} in\n{edges}"
    return hit.iloc[0]


def test_sentence_window_by_hand(corpus):
    e = cooccurrence(corpus)
    assert list(e.columns) == EDGE_COLUMNS
    assert e[["a", "b", "count", "n_articles"]].values.tolist() == [["A", "B", 2, 2]]
    # N = 7 sentences; A in 3 sentences, B in 3
    assert [e.pmi[0], e.npmi[0], e.jaccard[0]] == scores(2, 7, 3, 3)
    assert e.loc[0, ["a_name", "b_name", "a_kind", "b_kind", "window"]].tolist() == [
        "Ann", "Bob", "person", "person", "sentence"]


def test_paragraph_window_by_hand(corpus):
    e = cooccurrence(corpus, window="paragraph")
    assert e[["a", "b", "count", "n_articles"]].values.tolist() == [["A", "B", 2, 2], ["B", "C", 1, 1]]
    # N = 7 paragraphs (a1: 2, a2: 2, a3: 3 incl. an empty one); A in 2, B in 3, C in 3
    assert list(row(e, "A", "B")[["pmi", "npmi", "jaccard"]]) == scores(2, 7, 2, 3)
    assert list(row(e, "B", "C")[["pmi", "npmi", "jaccard"]]) == scores(1, 7, 3, 3)


def test_article_window_by_hand(corpus):
    e = cooccurrence(corpus, window="article")
    # sorted by count desc, then a, b
    assert e[["a", "b", "count", "n_articles"]].values.tolist() == [
        ["B", "C", 3, 3], ["A", "B", 2, 2], ["A", "C", 2, 2]]
    assert list(row(e, "A", "C")[["pmi", "npmi", "jaccard"]]) == scores(2, 3, 2, 3)
    assert row(e, "B", "C")["npmi"] == 1.0  # together in every window


def test_min_count_prunes(corpus):
    e = cooccurrence(corpus, window="article", min_count=3)
    assert e[["a", "b"]].values.tolist() == [["B", "C"]]
    assert cooccurrence(corpus, window="sentence", min_count=3).empty


def test_sources_and_kinds_filter(corpus):
    e = cooccurrence(corpus, window="article", sources="X")
    assert e[["a", "b", "count"]].values.tolist() == [["A", "B", 2], ["A", "C", 2], ["B", "C", 2]]
    assert list(row(e, "A", "B")[["pmi", "npmi"]]) == [0.0, 1.0]  # N = 2 articles, all in both
    e = cooccurrence(corpus, window="article", sources=["Y"])
    assert e[["a", "b", "count"]].values.tolist() == [["B", "C", 1]]
    e = cooccurrence(corpus, window="article", kinds=["person"])
    assert e[["a", "b"]].values.tolist() == [["A", "B"]]


def test_monthly_periods_have_their_own_counts(corpus):
    e = cooccurrence(corpus, window="article", freq="month")
    assert list(e.columns) == EDGE_COLUMNS + ["period"]
    jan, feb = pd.Timestamp("2024-01-01", tz="UTC"), pd.Timestamp("2024-02-01", tz="UTC")
    assert e[["period", "a", "b", "count"]].values.tolist() == [
        [jan, "A", "B", 2], [jan, "A", "C", 2], [jan, "B", "C", 2], [feb, "B", "C", 1]]
    # in January both articles hold A and C: N = 2 windows, always together
    assert list(row(e[e.period == jan], "A", "C")[["pmi", "npmi", "jaccard"]]) == scores(2, 2, 2, 2)


def test_weekly_periods_start_on_monday(corpus):
    e = cooccurrence(corpus, window="article", freq="week")
    assert sorted(e["period"].unique()) == [pd.Timestamp(d, tz="UTC") for d in ("2024-01-01", "2024-01-15", "2024-01-29")]


def test_undated_articles_are_left_out_of_periods(corpus):
    corpus.articles.loc[2, "published"] = pd.NaT
    e = cooccurrence(corpus, window="article", freq="month")
    assert e["period"].nunique() == 1 and e["count"].max() == 2


def test_topic_pairs_by_window(corpus):
    e = cooccurrence(corpus, of="topic", window="article")
    assert e[["a", "b", "a_name", "b_name", "count", "a_kind"]].values.tolist() == [
        ["t0", "t1", "police, reform", "floods, rain", 1, "topic"]]
    assert list(e.loc[0, ["pmi", "npmi", "jaccard"]]) == scores(1, 3, 2, 2)
    # paragraphs each carry one topic here, and a sentence takes its paragraph's topic
    assert cooccurrence(corpus, of="topic", window="paragraph").empty
    assert cooccurrence(corpus, of="topic", window="sentence").empty


def test_actor_topic_table_is_bipartite(corpus):
    e = cooccurrence(corpus, of=("actor", "topic"), window="sentence")
    assert set(e["a"]) <= {"A", "B", "C"} and set(e["b"]) <= {"t0", "t1"}
    # sentence topics: a1 s0,s1 and a2 s0 -> t0; a1 s2, a3 s0, s1 -> t1
    assert e[["a", "b", "count"]].values.tolist() == [
        ["A", "t0", 3], ["B", "t0", 2], ["C", "t1", 2], ["B", "t1", 1]]
    assert list(row(e, "A", "t0")[["pmi", "npmi", "jaccard"]]) == scores(3, 7, 3, 3)
    assert list(row(e, "B", "t1")[["pmi", "npmi", "jaccard"]]) == scores(1, 7, 3, 3)
    assert row(e, "C", "t1")[["a_name", "b_name", "a_kind", "b_kind"]].tolist() == [
        "Cy Corp", "floods, rain", "organization", "topic"]
    assert cooccurrence(corpus, of=["actor", "topic"], window="article").shape[0] == 6  # 3 actors x 2 topics


@pytest.mark.parametrize("kwargs, name", [
    ({"of": "actors"}, "of"), ({"of": ("topic", "actor")}, "of"), ({"window": "doc"}, "window"),
    ({"freq": "day"}, "freq"), ({"min_count": 0}, "min_count"), ({"kinds": ["persons"]}, "kinds"),
    ({"of": "topic", "kinds": "person"}, "kinds"),
])
def test_invalid_options_list_allowed_values(corpus, kwargs, name):
    with pytest.raises(InvalidOptionError, match=rf"^{name}=.*use one of") as err:
        cooccurrence(corpus, **kwargs)
    assert isinstance(err.value, ValueError)


def test_invalid_window_lists_all_windows(corpus):
    with pytest.raises(InvalidOptionError, match="'sentence', 'paragraph', 'article'"):
        cooccurrence(corpus, window="page")


def test_empty_result_keeps_columns_and_types(corpus):
    e = cooccurrence(corpus, min_count=99)
    assert list(e.columns) == EDGE_COLUMNS and e.empty
    assert e["count"].dtype == np.int64 and e["pmi"].dtype == float


def test_corpus_without_topics_gives_no_topic_edges(corpus):
    corpus.article_topics = pd.DataFrame()
    assert cooccurrence(corpus, of="topic", window="article").empty


def test_to_networkx_attributes(corpus):
    e = cooccurrence(corpus, of=("actor", "topic"), window="sentence")
    g = to_networkx(e)
    assert g.number_of_nodes() == 5 and g.number_of_edges() == 4
    assert g.nodes["C"] == {"name": "Cy Corp", "kind": "organization", "bipartite": 0}
    assert g.nodes["t1"] == {"name": "floods, rain", "kind": "topic", "bipartite": 1}
    edge = g.edges["A", "t0"]
    assert edge["count"] == edge["weight"] == 3 and edge["n_articles"] == 2
    assert [edge["pmi"], edge["npmi"], edge["jaccard"]] == scores(3, 7, 3, 3)
    assert g.graph["window"] == "sentence"


def test_to_networkx_wants_one_period(corpus):
    e = cooccurrence(corpus, window="article", freq="month")
    with pytest.raises(ValueError, match="several periods"):
        to_networkx(e)
    assert to_networkx(e[e["period"] == e["period"].min()]).number_of_edges() == 3


def test_same_input_same_edges(corpus):
    pd.testing.assert_frame_equal(cooccurrence(corpus, window="paragraph"), cooccurrence(corpus, window="paragraph"))


def test_works_on_topics_output():
    """End to end: topics() frames feed co-occurrence of topics inside articles."""
    from toolkit.topics import topics

    arts = pd.DataFrame({
        "article_id": [f"d{i}" for i in range(8)],
        "text": ["goal striker referee stadium\n\nstorm rainfall flooding hurricane"] * 4
                + ["goal striker referee stadium penalty"] * 2 + ["storm rainfall flooding winds"] * 2,
    })
    res = topics(arts, k=2)
    c = SimpleNamespace(articles=arts, mentions=pd.DataFrame(), actors=pd.DataFrame(), sentences=pd.DataFrame(),
                        article_topics=res.article_topics, paragraph_topics=res.paragraph_topics, topics=res.topics)
    art = cooccurrence(c, of="topic", window="article")
    assert art["count"].tolist() == [4] and art["n_articles"].tolist() == [4]  # the four mixed articles
    par = cooccurrence(c, of="topic", window="paragraph")
    assert par["count"].sum() <= 4 and (par["n_articles"] <= par["count"]).all()


def test_speed_100k_mentions():
    import time

    rng = np.random.default_rng(0)
    n_art, n = 5000, 100_000
    ids = np.array([f"a{i:05d}" for i in range(n_art)])
    sent = rng.integers(0, 20, n)
    c = SimpleNamespace(
        articles=pd.DataFrame({"article_id": ids, "text": "p\n\n" * 6 + "p"}),
        mentions=pd.DataFrame({"article_id": ids[rng.integers(0, n_art, n)], "sentence": sent, "paragraph": sent // 3,
                               "actor_id": np.char.add("P", np.minimum(rng.zipf(1.5, n), 3000).astype(str))}),
        actors=pd.DataFrame({"actor_id": [f"P{i}" for i in range(1, 3001)], "name": "x", "kind": "person"}),
        sentences=pd.DataFrame({"article_id": np.repeat(ids, 20), "sentence": np.tile(np.arange(20), n_art),
                                "paragraph": np.tile(np.arange(20) // 3, n_art)}),
        article_topics=pd.DataFrame(), paragraph_topics=pd.DataFrame())
    t = time.perf_counter()
    e = cooccurrence(c, window="sentence")
    assert time.perf_counter() - t < 2.0
    assert len(e) > 1000 and (e["count"] >= 1).all()


def test_reference_article_sentence_pairs(seed_articles):
    import toolkit as tk

    corpus = tk.analyze(seed_articles, quotes=False, topics=False)
    edges = tk.cooccurrence(corpus, of="actor", window="sentence")
    people = edges[(edges["a_kind"] == "person") & (edges["b_kind"] == "person")]
    top = people.sort_values(["count", "npmi"], ascending=False).iloc[0]
    assert {top["a_name"], top["b_name"]} == {"William Ruto", "Marco Rubio"}
    assert top["count"] > people[~people.index.isin([top.name])]["count"].max()
    pairs = {frozenset((a, b)) for a, b in zip(edges["a_name"], edges["b_name"])}
    assert frozenset(("Félix Tshisekedi", "Paul Kagame")) in pairs
    assert frozenset(("Democratic Republic of Congo", "Rwanda")) in pairs
    names = set(edges["a_name"]) | set(edges["b_name"])
    assert not names & {"Osaka", "Japan", "Nairobi", "TECNO", "Metropol", "KRA", "IGAD", "Trump", "WEF"}
