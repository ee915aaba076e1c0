"""Charts: the aggregated frames and the Vega-Lite specs (``chart.to_dict()``), not pixels.

The corpus is the reference article plus 20 Wikinews articles of the sample, analysed once per
session (about 6 s). Topics come from a fixed synthetic assignment, so the topic charts are tested
whatever the topic model does.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace

import altair as alt
import numpy as np
import pandas as pd
import pytest

import toolkit as tk
from toolkit import charts as ch
from toolkit.corpus import Corpus
from toolkit.errors import EmptyCorpusError, InvalidOptionError, UnknownActorError


# --- fixtures ------------------------------------------------------------------------------------

def with_topics(corpus: Corpus, k: int = 4) -> Corpus:
    """A copy with k synthetic topics: article i (by id) is 0.7 topic i % k, 0.3 topic (i+1) % k."""
    ids = sorted(corpus.articles["article_id"])
    topics = pd.DataFrame({"topic_id": list(range(k)), "label": [f"topic {i}" for i in range(k)],
                           "terms": [[f"t{i}"] for i in range(k)], "n_articles": [0] * k})
    rows = [(a, (i + d) % k, w) for i, a in enumerate(ids) for d, w in ((0, 0.7), (1, 0.3))]
    article_topics = pd.DataFrame(rows, columns=["article_id", "topic_id", "weight"])
    return replace(corpus, topics=topics, article_topics=article_topics)


@pytest.fixture(scope="module")
def corpus(small_corpus):
    return small_corpus


@pytest.fixture(scope="module")
def topical(corpus):
    return with_topics(corpus)


def sentence_edges(corpus) -> pd.DataFrame:
    """Actor co-occurrence by sentence, computed here from mentions (a < b; a, b, a_name, b_name,
    count, n_articles), independent of toolkit.cooccurrence."""
    m = corpus.mentions.dropna(subset=["actor_id"])[["article_id", "sentence", "actor_id"]].drop_duplicates()
    pairs = m.merge(m, on=["article_id", "sentence"])
    pairs = pairs[pairs["actor_id_x"] < pairs["actor_id_y"]]
    e = pairs.groupby(["actor_id_x", "actor_id_y"]).agg(count=("sentence", "size"),
                                                        n_articles=("article_id", "nunique")).reset_index()
    e.columns = ["a", "b", "count", "n_articles"]
    names = dict(zip(corpus.actors["actor_id"], corpus.actors["name"]))
    return e.assign(a_name=e["a"].map(names), b_name=e["b"].map(names))


def data_of(spec: dict) -> list[list[dict]]:
    """The inline datasets of a spec."""
    return list(spec.get("datasets", {}).values())


def values(spec: dict) -> list[dict]:
    (rows,) = data_of(spec)
    return rows


# --- top actors ----------------------------------------------------------------------------------

def test_top_actors_counts_mentions(corpus):
    df = tk.top_actors(corpus, n=10)
    m = corpus.mentions.dropna(subset=["actor_id"])
    expected = m.groupby("actor_id").size().sort_values(ascending=False)
    assert len(df) == 10 and list(df["rank"]) == list(range(1, 11))
    assert df["n_mentions"].tolist() == sorted(df["n_mentions"], reverse=True)
    assert df["n_mentions"].iloc[0] == expected.iloc[0]
    for row in df.itertuples():
        assert row.n_mentions == expected[row.actor_id]
        assert row.n_articles == m.loc[m["actor_id"] == row.actor_id, "article_id"].nunique()
    assert df["label"].is_unique


def test_top_actors_of_a_filtered_copy_counts_what_it_keeps(corpus):
    seed_id = corpus.articles.loc[corpus.articles["source"] == "The Standard", "article_id"].iloc[0]
    only_seed = replace(corpus, mentions=corpus.mentions[corpus.mentions["article_id"] == seed_id])
    df = tk.top_actors(only_seed, n=5)
    expected = only_seed.mentions.groupby("actor_id").size()
    assert df["n_mentions"].tolist() == [expected[a] for a in df["actor_id"]]
    assert df["n_mentions"].iloc[0] == expected.max() < tk.top_actors(corpus, n=1)["n_mentions"].iloc[0]
    assert set(df["n_articles"]) == {1}
    # a bare mentions frame works too (names from its own name column)
    assert tk.top_actors(only_seed.mentions, n=5)["actor_id"].tolist() == df["actor_id"].tolist()


def test_top_actors_kind_and_by(corpus):
    people = tk.top_actors(corpus, n=5, kind="person")
    assert set(people["kind"]) == {"person"} and len(people) == 5
    by_kind = tk.top_actors(corpus, n=3, by="kind")
    assert by_kind.groupby("kind").size().max() == 3
    assert (by_kind.groupby("kind")["rank"].min() == 1).all()
    by_source = tk.top_actors(corpus, n=5, by="source")
    assert set(by_source["source"]) <= {"The Standard", "Wikinews"}
    totals = by_source.groupby("actor_id")["n_mentions"].sum()
    assert (totals == by_source.groupby("actor_id")["total"].first()).all()


def test_chart_top_actors_spec(corpus):
    spec = ch.chart_top_actors(corpus, n=8).to_dict()
    frame = tk.top_actors(corpus, n=8)
    assert spec["mark"]["type"] == "bar"
    enc = spec["encoding"]
    assert enc["x"]["field"] == "n_mentions" and enc["x"]["aggregate"] == "sum"
    assert enc["y"]["field"] == "label" and enc["y"]["sort"] == frame["label"].tolist()
    assert enc["color"]["field"] == "kind" and enc["color"]["scale"]["domain"] == list(tk.schema.KINDS)
    assert [t["field"] for t in enc["tooltip"]] == ["name", "kind", "n_mentions", "n_articles"]
    rows = values(spec)
    assert [r["actor_id"] for r in rows] == frame["actor_id"].tolist()
    assert [r["n_mentions"] for r in rows] == frame["n_mentions"].tolist()


def test_chart_top_actors_by_kind_and_source(corpus):
    spec = ch.chart_top_actors(corpus, n=3, by="kind").to_dict()
    assert spec["facet"]["row"]["field"] == "kind"
    assert spec["resolve"]["scale"]["y"] == "independent"
    assert spec["spec"]["mark"]["type"] == "bar"
    spec = ch.chart_top_actors(corpus, n=3, by="source").to_dict()
    assert spec["encoding"]["color"]["field"] == "source"
    assert {r["source"] for r in values(spec)} <= {"The Standard", "Wikinews"}


# --- timeline, voices, cues ----------------------------------------------------------------------

def test_actor_timeline_zero_filled(corpus):
    ids = tk.top_actors(corpus, n=2)["actor_id"].tolist()
    df = tk.actor_timeline(corpus, ids, freq="month")
    dated = corpus.mentions.merge(corpus.articles[["article_id", "published"]], on="article_id")
    dated = dated[dated["published"].notna() & dated["actor_id"].isin(ids)]
    assert df["n_mentions"].sum() == len(dated)
    per_actor = df.groupby("actor_id")["period"].apply(list)
    assert per_actor[ids[0]] == per_actor[ids[1]]  # one shared grid of months
    months = pd.Series(per_actor[ids[0]])
    # every month in which the corpus has articles, between the first and last mention, and no other
    active = set(corpus.articles["published"].dt.tz_convert(None).dt.to_period("M").dt.start_time)
    calendar = pd.period_range(months.min(), months.max(), freq="M").start_time
    assert (months.dt.day == 1).all() and months.tolist() == [m for m in calendar if m in active]
    assert len(months) < len(calendar)  # the years without articles (2021-2024) are not drawn as zeros
    assert df["actor_id"].drop_duplicates().tolist() == ids


def test_timeline_lines_break_over_years_without_articles(corpus):
    ids = tk.top_actors(corpus, n=2)["actor_id"].tolist()
    spec = ch.chart_actor_timeline(corpus, ids, freq="month").to_dict()
    assert spec["encoding"]["detail"] == {"field": "segment", "type": "nominal"}
    runs = {r["segment"] for r in values(spec)}
    assert len(runs) >= 2  # 2019-20 (Wikinews) and 2025 (The Standard) are separate runs


def test_chart_actor_timeline_spec(corpus):
    spec = ch.chart_actor_timeline(corpus, "william-ruto", freq="year").to_dict()
    assert spec["mark"] == {"type": "line", "point": True}
    assert spec["encoding"]["x"] == {"field": "period", "title": None, "type": "temporal"}
    assert spec["encoding"]["y"]["field"] == "n_mentions"
    assert values(spec) == [{"actor_id": "william-ruto", "name": "William Ruto", "label": "William Ruto",
                             "period": "2025-01-01", "n_mentions": values(spec)[0]["n_mentions"],
                             "n_articles": 1, "segment": 0}]
    with pytest.raises(UnknownActorError, match="nobody"):
        tk.actor_timeline(corpus, ["nobody"])


def test_timeline_too_fine_for_the_row_limit_names_coarser_freqs():
    days = pd.date_range("2000-01-01", "2019-12-31", freq="D", tz="UTC")
    arts = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(days))], "published": days, "source": "S"})
    mentions = pd.DataFrame({"article_id": arts["article_id"], "actor_id": "x", "start": 0, "name": "X",
                             "kind": "person"})
    c = {"articles": arts, "mentions": mentions}
    with pytest.raises(tk.errors.TooManyRowsError) as err:
        tk.actor_timeline(c, ["x"], freq="day")
    assert err.value.allowed == ("week", "month", "quarter", "year")
    assert "5,000-row" in str(err.value) and isinstance(err.value, InvalidOptionError)
    assert len(tk.actor_timeline(c, ["x"], freq="week")) <= tk.tables.MAX_ROWS


def test_voices(corpus):
    v = tk.voices(corpus)
    q = corpus.quotes.dropna(subset=["actor_id"])
    n_quotes = q.groupby("actor_id").size()
    assert v.set_index("actor_id")["n_quotes"].loc[n_quotes.index].tolist() == n_quotes.tolist()
    assert v["voice_share"].between(0, 1).all()
    assert (v["voice_share"] == v["n_quoted_articles"] / v["n_articles"]).all()
    assert v["n_quotes"].is_monotonic_decreasing
    ruto = v.set_index("actor_id").loc["william-ruto"]
    assert ruto["n_quotes"] >= 1 and ruto["voice_share"] == 1.0  # quoted in his one article


def test_chart_voices_spec(corpus):
    spec = ch.chart_voices(corpus, n=5, min_articles=1).to_dict()
    left, right = spec["hconcat"]
    bar, text = right["layer"]
    assert left["mark"]["type"] == bar["mark"]["type"] == "bar" and text["mark"]["type"] == "text"
    assert left["encoding"]["x"]["field"] == "n_quotes" and bar["encoding"]["x"]["field"] == "voice_share"
    assert bar["encoding"]["x"]["scale"]["domain"] == [0, 1]
    # both panels coloured by kind on one scale: the right one is no grey block read as "other"
    assert left["encoding"]["color"] == bar["encoding"]["color"] and bar["encoding"]["color"]["field"] == "kind"
    assert "color" not in bar["mark"]
    top = tk.voices(corpus).head(5)
    assert left["encoding"]["y"]["sort"] == top["label"].tolist() == bar["encoding"]["y"]["sort"]
    rows = values(spec)
    assert [r["n_quotes"] for r in rows] == top["n_quotes"].tolist()
    # counts beside the ratios
    assert text["encoding"]["text"]["field"] == "counts"
    assert [r["counts"] for r in rows] == [f"{q} of {n}" for q, n in zip(top["n_quoted_articles"], top["n_articles"])]


def test_chart_voices_leaves_out_speakers_of_too_few_articles(corpus):
    v = tk.voices(corpus)
    rows = values(ch.chart_voices(corpus, n=50).to_dict())  # default: at least 3 articles
    assert rows and all(r["n_articles"] >= 3 for r in rows)
    assert len(rows) == min(50, int(((v["n_quotes"] > 0) & (v["n_articles"] >= 3)).sum()))
    assert len(values(ch.chart_voices(corpus, n=50, min_articles=1).to_dict())) > len(rows)


def test_cue_lemmas():
    from toolkit.quotes import cue_lemma

    forms = {"said": "say", "says": "say", "saying": "say", "Said": "say", "told": "tell", "claimed": "claim",
             "denies": "deny", "admitted": "admit", "noted": "note", "argues": "argue", "tweeted": "tweet",
             "according to": "according to", "seems": "seem", "thinks": "think"}
    assert {f: cue_lemma(f) for f in forms} == forms


def test_cues(corpus):
    by_word = tk.cues(corpus, n=200, by="word")
    by_lemma = tk.cues(corpus, n=200)
    said = by_word[by_word["cue"].isin(["say", "said", "says", "saying"])].drop_duplicates("cue")["total"].sum()
    assert said > 0 and by_lemma[by_lemma["cue"] == "say"]["total"].iloc[0] == said
    with pytest.raises(InvalidOptionError, match="lemma"):
        tk.cues(corpus, by="verb")
    df = tk.cues(corpus, n=5, by="word")
    counts = corpus.quotes["cue"].dropna().str.strip().str.lower().value_counts()
    tops = df.drop_duplicates("cue")
    assert tops["total"].tolist() == sorted(tops["total"], reverse=True)
    for row in tops.itertuples():
        assert row.total == counts[row.cue]
    assert (df.groupby("cue")["n_quotes"].sum() == df.groupby("cue")["total"].first()).all()
    spec = ch.chart_cues(corpus, n=5, by="word").to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"] == ["direct", "mixed", "indirect"]
    assert spec["encoding"]["y"]["sort"] == tops["cue"].tolist()


# --- topics --------------------------------------------------------------------------------------

def test_topic_shares(topical):
    df = tk.topic_shares(topical, freq="year")
    sums = df.groupby("period")["share"].sum()
    assert np.allclose(sums[sums > 0], 1.0)
    assert set(df["topic_id"]) == {0, 1, 2, 3}
    assert len(df) == df["period"].nunique() * 4
    ranked = df.groupby("rank")["weight"].sum()
    assert ranked.is_monotonic_decreasing and list(ranked.index) == [1, 2, 3, 4]
    pooled = tk.topic_shares(topical, freq="year", n=2)  # topics 3 and 4 become "Other topics"
    assert pooled["label"].drop_duplicates().tolist()[-1] == "Other topics" and pooled["rank"].max() == 3
    assert pooled["topic_id"].isna().sum() == pooled["period"].nunique()
    assert np.allclose(pooled.groupby("period")["weight"].sum(), df.groupby("period")["weight"].sum())
    spec = ch.chart_topic_shares(topical, freq="year").to_dict()
    assert spec["mark"]["type"] == "rect"
    enc = spec["encoding"]
    assert (enc["x"]["field"], enc["x2"]["field"], enc["y"]["field"], enc["y2"]["field"]) == (
        "period", "period_end", "share_start", "share_end")
    assert all(r["share"] > 0 for r in values(spec))
    by_source = ch.chart_topic_shares(topical, freq="year", by="source").to_dict()
    assert by_source["facet"]["row"]["field"] == "source"
    assert by_source["resolve"]["scale"]["x"] == "independent"  # each outlet's axis spans its own dates


def test_topic_shares_choose_their_time_unit_from_the_date_span(topical):
    from toolkit.tables import auto_freq

    day = pd.Timestamp("2020-01-01", tz="UTC")
    assert auto_freq([day, day + pd.Timedelta(days=20)]) == "day"
    assert auto_freq([day, day + pd.Timedelta(days=200)]) == "week"
    assert auto_freq([day, day + pd.Timedelta(days=700)]) == "month"
    assert auto_freq([day, day + pd.Timedelta(days=6 * 365)]) == "quarter"
    assert auto_freq([day, day + pd.Timedelta(days=12 * 365)]) == "year"
    freq = auto_freq(topical.articles["published"])
    spec = ch.chart_topic_shares(topical).to_dict()  # freq="auto"
    assert spec["encoding"]["tooltip"][1]["title"] == freq
    assert values(spec) == values(ch.chart_topic_shares(topical, freq=freq).to_dict())


def test_topic_charts_need_topics(corpus):
    with pytest.raises(EmptyCorpusError, match="topics=True"):
        ch.chart_topic_shares(corpus)
    with pytest.raises(EmptyCorpusError):
        tk.actor_topics(corpus)


def test_actor_topics(topical):
    at = tk.actor_topics(topical)
    assert np.allclose(at.groupby("actor_id")["share"].sum(), 1.0)
    spec = ch.chart_actor_topics(topical, n=6).to_dict()
    assert spec["mark"]["type"] == "rect"
    assert spec["encoding"]["color"]["field"] == "share"
    rows = values(spec)
    assert len(rows) == 6 * 4  # every actor x topic cell, zeros included
    assert len(spec["encoding"]["y"]["sort"]) == 6


def test_actor_topics_matrix_too_large_for_the_row_limit(corpus):
    many = with_topics(corpus, k=300)
    with pytest.raises(tk.errors.TooManyRowsError) as err:
        ch.chart_actor_topics(many, n=20)  # 20 actors x 300 topics cells
    assert err.value.allowed == ("an int from 1 to 16",)
    assert len(values(ch.chart_actor_topics(many, n=16).to_dict())) == 16 * 300


# --- co-occurrence -------------------------------------------------------------------------------

def test_co_mentioned(corpus):
    df = tk.co_mentioned(corpus, "william-ruto", window="sentence")
    assert "marco-rubio" in set(df["actor_id"]) and "william-ruto" not in set(df["actor_id"])
    m = corpus.mentions
    ruto = set(map(tuple, m.loc[m["actor_id"] == "william-ruto", ["article_id", "sentence"]].to_numpy()))
    rubio = set(map(tuple, m.loc[m["actor_id"] == "marco-rubio", ["article_id", "sentence"]].to_numpy()))
    assert df.set_index("actor_id").loc["marco-rubio", "count"] == len(ruto & rubio)
    spec = ch.chart_co_mentioned(corpus, "william-ruto", n=5).to_dict()
    assert spec["params"] == [{"name": "pick", "select": {"type": "point", "clear": "dblclick", "fields": ["actor_id"],
                                                          "on": "click"}}]
    assert spec["encoding"]["opacity"]["condition"]["param"] == "pick"
    assert len(values(spec)) <= 5


def test_heatmap_spec(corpus):
    edges = sentence_edges(corpus)
    spec = ch.chart_cooccurrence_heatmap(edges, n=10).to_dict()
    assert spec["mark"]["type"] == "rect"
    assert spec["params"][0]["name"] == "cell"
    assert spec["params"][0]["select"]["fields"] == ["a", "b"]
    enc = spec["encoding"]
    assert enc["color"]["field"] == "count" and enc["x"]["field"] == "b_label" and enc["y"]["field"] == "a_label"
    assert enc["x"]["sort"] == enc["y"]["sort"] and len(enc["x"]["sort"]) == 10
    rows = values(spec)
    cells = {(r["a"], r["b"]): r["count"] for r in rows}
    assert all(cells[(b, a)] == c for (a, b), c in cells.items())  # mirrored: a square matrix
    assert len(rows) <= 10 * 9
    labels = set(enc["x"]["sort"])
    assert {r["a_label"] for r in rows} <= labels
    # the heaviest node (summed count) comes first
    ends = pd.concat([edges[["a", "count"]], edges[["b", "count"]].rename(columns={"b": "a"})])
    weight = ends.groupby("a")["count"].sum()
    names = dict(zip(corpus.actors["actor_id"], corpus.actors["name"]))
    assert enc["y"]["sort"][0] == names[weight.sort_values(ascending=False).index[0]]


def test_heatmap_bipartite_and_scores():
    edges = pd.DataFrame({"a": ["x", "x", "y"], "b": ["t1", "t2", "t1"], "a_name": ["X", "X", "Y"],
                          "b_name": ["T1", "T2", "T1"], "count": [3, 1, 2], "npmi": [0.5, -0.2, 0.1]})
    # "x" > "t1": not every a < b, and no id on both sides: an (actor, topic) table, not mirrored
    spec = ch.chart_cooccurrence_heatmap(edges, score="npmi").to_dict()
    assert len(values(spec)) == 3
    assert spec["encoding"]["y"]["sort"] == ["X", "Y"] and spec["encoding"]["x"]["sort"] == ["T1", "T2"]
    assert spec["encoding"]["color"]["field"] == "npmi"
    assert spec["encoding"]["color"]["scale"]["domainMid"] == 0
    # with tk.cooccurrence's kinds, no guessing: actor x topic is bipartite whatever the ids
    kinds = edges.assign(a=["a1", "a1", "a2"], b=["b1", "b2", "b1"], a_kind="person", b_kind="topic")
    assert len(values(ch.chart_cooccurrence_heatmap(kinds).to_dict())) == 3
    same = kinds.assign(b_kind="person")
    assert len(values(ch.chart_cooccurrence_heatmap(same).to_dict())) == 6  # mirrored
    with pytest.raises(tk.errors.MissingColumnError, match="jaccard"):
        ch.chart_cooccurrence_heatmap(edges, score="jaccard")


def test_network_spec(corpus):
    edges = sentence_edges(corpus)
    chart = ch.chart_network(edges, n=12, seed=1)
    spec = chart.to_dict()
    rules, circles, text = spec["layer"]
    assert (rules["mark"]["type"], circles["mark"]["type"], text["mark"]["type"]) == ("rule", "circle", "text")
    assert [rules["encoding"][k]["field"] for k in ("x", "y", "x2", "y2")] == ["x", "y", "x2", "y2"]
    (node,) = spec["params"]  # Altair lifts a layer's params to the top, bound to the circles' view
    assert node["name"] == "node" and node["select"]["fields"] == ["id"] and node["views"] == [circles["name"]]
    assert circles["encoding"]["opacity"]["condition"]["param"] == "node"
    nodes, links = tk.tables.network_layout(edges, n=12, seed=1)
    assert len(nodes) == 12
    pos = {i: (x, y) for i, x, y in zip(nodes["id"], nodes["x"], nodes["y"])}
    for r in links.itertuples():  # every edge is drawn between its two nodes
        assert (r.x, r.y) == pos[r.a] and (r.x2, r.y2) == pos[r.b]
    assert ch.chart_network(edges, n=12, seed=1).to_dict() == spec
    least = int(links["count"].min())
    assert spec["title"]["subtitle"] == (f"the {len(links):,} strongest pairs by count, each in at least "
                                         f"{least:,} window" + ("s" if least > 1 else ""))
    drawn = [r["id"] for d in data_of(spec) for r in d if "weight" in r and "id" in r]
    assert drawn and set(drawn) <= set(links["a"]) | set(links["b"])  # no node floats without an edge
    single = ch.chart_network(edges, n=12, seed=1, max_edges=1).to_dict()
    assert len({r["id"] for d in data_of(single) for r in d if "weight" in r and "id" in r}) == 2  # one edge, two ends
    assert tk.tables.network_layout(edges, n=12, seed=2)[0]["x"].tolist() != nodes["x"].tolist()


# --- options, determinism, size, safety ----------------------------------------------------------

@pytest.mark.parametrize("call, name", [
    (lambda c, e: ch.chart_top_actors(c, n=0), "n"),
    (lambda c, e: ch.chart_top_actors(c, n="20"), "n"),
    (lambda c, e: ch.chart_top_actors(c, n=True), "n"),
    (lambda c, e: ch.chart_top_actors(c, kind="people"), "kind"),
    (lambda c, e: ch.chart_top_actors(c, by="author"), "by"),
    (lambda c, e: ch.chart_actor_timeline(c, "william-ruto", freq="fortnight"), "freq"),
    (lambda c, e: ch.chart_voices(c, n=-1), "n"),
    (lambda c, e: ch.chart_cues(c, n=1000), "n"),
    (lambda c, e: ch.chart_topic_shares(c, by="kind"), "by"),
    (lambda c, e: ch.chart_co_mentioned(c, "william-ruto", window="document"), "window"),
    (lambda c, e: ch.chart_cooccurrence_heatmap(e, score="lift"), "score"),
    (lambda c, e: ch.chart_cooccurrence_heatmap(e, n=71), "n"),
    (lambda c, e: ch.chart_network(e, seed=-1), "seed"),
    (lambda c, e: ch.chart_network(e, n=500), "n"),
])
def test_invalid_options_list_the_allowed_values(corpus, call, name):
    with pytest.raises(InvalidOptionError) as err:
        call(corpus, sentence_edges(corpus))
    assert err.value.name == name
    assert "use one of" in str(err.value) and err.value.allowed


def all_charts(c, edges) -> dict:
    first, second = tk.top_actors(c, n=2)["actor_id"]
    return {
        "top": ch.chart_top_actors(c), "top_kind": ch.chart_top_actors(c, by="kind"),
        "top_source": ch.chart_top_actors(c, by="source"),
        "timeline": ch.chart_actor_timeline(c, [first, second], freq="month"),
        "voices": ch.chart_voices(c), "cues": ch.chart_cues(c),
        "topics": ch.chart_topic_shares(c), "topics_source": ch.chart_topic_shares(c, by="source"),
        "actor_topics": ch.chart_actor_topics(c), "comentions": ch.chart_co_mentioned(c, first),
        "heatmap": ch.chart_cooccurrence_heatmap(edges), "network": ch.chart_network(edges),
        "sources": ch.chart_sources(c), "sources_by_outlet": ch.chart_sources(c, by="source"),
        "women_share": ch.chart_women_share(c),
    }


def shuffled(c: Corpus, seed: int) -> Corpus:
    """The same corpus with every table's rows in another order."""
    return replace(c, **{f: getattr(c, f).sample(frac=1, random_state=seed).reset_index(drop=True)
                         for f in ("articles", "mentions", "actors", "quotes", "sentences", "article_topics")})


def test_specs_are_deterministic_whatever_the_row_order(topical):
    edges = sentence_edges(topical)
    first = {k: json.dumps(v.to_dict(), sort_keys=True) for k, v in all_charts(topical, edges).items()}
    again = {k: json.dumps(v.to_dict(), sort_keys=True) for k, v in all_charts(topical, edges).items()}
    other = shuffled(topical, 3)
    reordered = {k: json.dumps(v.to_dict(), sort_keys=True)
                 for k, v in all_charts(other, edges.sample(frac=1, random_state=4)).items()}
    assert first == again
    assert first == reordered


def big_corpus(n_articles: int = 10_000, seed: int = 0) -> Corpus:
    """A synthetic 10,000-article corpus: 40 sources, 3 years, 2,000 actors, ~25 mentions and ~5
    quotes per article, 20 topics."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"art{i:05d}" for i in range(n_articles)])
    published = pd.Timestamp("2021-01-01", tz="UTC") + pd.to_timedelta(rng.integers(0, 3 * 365, n_articles), "D")
    articles = pd.DataFrame({"article_id": ids, "source": [f"Outlet {i % 40}" for i in range(n_articles)],
                             "title": [f"Title {i}" for i in range(n_articles)], "published": published,
                             "text": "x" * 200})
    n_actors = 2000
    actor_ids = np.array([f"actor-{i:04d}" for i in range(n_actors)])
    kinds = np.array(["person", "organization", "place", "group"])[np.arange(n_actors) % 4]
    actors = pd.DataFrame({"actor_id": actor_ids, "name": [f"Actor {i}" for i in range(n_actors)], "kind": kinds,
                           "aliases": [[] for _ in range(n_actors)], "titles": [[] for _ in range(n_actors)]})
    n_m = n_articles * 25
    pick = np.minimum(rng.zipf(1.3, n_m) - 1, n_actors - 1)
    mentions = pd.DataFrame({"article_id": ids[rng.integers(0, n_articles, n_m)], "start": 0, "end": 1,
                             "actor_id": actor_ids[pick], "sentence": rng.integers(0, 20, n_m),
                             "paragraph": rng.integers(0, 8, n_m), "name": "", "kind": kinds[pick]})
    n_q = n_articles * 5
    qpick = np.minimum(rng.zipf(1.3, n_q) - 1, n_actors - 1)
    quotes = pd.DataFrame({"article_id": ids[rng.integers(0, n_articles, n_q)],
                           "quote_id": [f"q{i}" for i in range(n_q)],
                           "kind": np.array(tk.schema.QUOTE_KINDS)[rng.integers(0, 3, n_q)], "actor_id": actor_ids[qpick],
                           "cue": np.array(["said", "told", "added", "according to", "says"])[rng.integers(0, 5, n_q)]})
    topics = pd.DataFrame({"topic_id": range(20), "label": [f"topic {i}" for i in range(20)]})
    article_topics = pd.DataFrame({"article_id": np.repeat(ids, 2), "topic_id": rng.integers(0, 20, 2 * n_articles),
                                   "weight": np.tile([0.6, 0.4], n_articles)})
    return Corpus(articles=articles, mentions=mentions, actors=actors, quotes=quotes, sentences=pd.DataFrame(),
                  topics=topics, article_topics=article_topics)


def test_no_chart_hits_the_row_limit_on_10000_articles():
    big = big_corpus()
    assert len(big.mentions) > 40 * tk.tables.MAX_ROWS
    edges = sentence_edges(big)
    assert len(edges) > tk.tables.MAX_ROWS
    charts = all_charts(big, edges)
    charts["timeline"] = ch.chart_actor_timeline(big, ["actor-0000", "actor-0001"], freq="day")
    charts["heatmap_max"] = ch.chart_cooccurrence_heatmap(edges, n=70)
    charts["network_max"] = ch.chart_network(edges, n=100)
    for name, chart in charts.items():
        spec = chart.to_dict()  # raises MaxRowsError if any dataset is over the limit
        sizes = [len(d) for d in data_of(spec)]
        assert sizes and max(sizes) <= tk.tables.MAX_ROWS, (name, sizes)
    by_source = tk.top_actors(big, n=20, by="source")
    assert by_source["source"].nunique() == tk.tables.TOP_SOURCES + 1  # ten outlets and "Other sources"


def test_tooltips_carry_text_not_html(corpus):
    hostile = "<img src=x onerror=alert(1)>"
    actors = corpus.actors.copy()
    actors.loc[actors["actor_id"] == tk.top_actors(corpus, n=1)["actor_id"].iloc[0], "name"] = hostile
    spec = ch.chart_top_actors(replace(corpus, actors=actors)).to_dict()
    names = [r["name"] for r in values(spec)]
    assert hostile in names  # passed through as a data string; Vega-Lite renders it as text
    text = json.dumps(spec)
    assert "usermeta" not in text and "embedOptions" not in text  # no tooltip handler options at all


# --- offline rendering ---------------------------------------------------------------------------

def test_use_offline_switches_the_renderer_and_back():
    before, options = alt.renderers.active, dict(alt.renderers.options)
    try:
        ch.use_offline()
        assert alt.renderers.active == "jupyter" and alt.renderers.options == {"offline": True}
        ch.use_offline()  # twice: still restores what the user had
        ch.use_offline(False)
        assert alt.renderers.active == before and dict(alt.renderers.options) == options
    finally:
        alt.renderers.enable(before, **options)


FAKE_KERNEL = r"""
import IPython, altair as alt
class Shell:  # what get_ipython() returns inside a kernel: a shell with a kernel
    kernel = object()
IPython.get_ipython = lambda: Shell()
import toolkit as tk, toolkit.charts, toolkit.widgets
print(alt.renderers.active, alt.JupyterChart._is_offline)
tk.charts.use_offline()
print(alt.renderers.active, alt.renderers.options, alt.JupyterChart._is_offline)
jc = tk.charts.jupyter_chart(alt.Chart().mark_point())
print(alt.JupyterChart._is_offline, "esm.sh" in jc._esm)
"""


def test_import_in_a_kernel_changes_nothing_until_use_offline():
    out = subprocess.run([sys.executable, "-c", FAKE_KERNEL], capture_output=True, text=True, check=True,
                         cwd=str(os.path.dirname(os.path.dirname(__file__))))
    imported, switched, made = out.stdout.strip().splitlines()
    assert imported == "default False"  # importing charts and widgets leaves the user's renderer alone
    assert switched == "jupyter {'offline': True} False"  # cheap: the widget bundle waits for a JupyterChart
    assert made == "True False"  # a JupyterChart made by the toolkit loads nothing from a CDN


# --- whose voices ---------------------------------------------------------------------------------

def test_sources_count_people_per_article(corpus):
    pa = tk.tables.person_articles(corpus)
    persons = set(corpus.actors.loc[corpus.actors["kind"] == "person", "actor_id"])
    assert set(pa["actor_id"]) <= persons and not pa.duplicated(["article_id", "actor_id"]).any()
    q = corpus.quotes.dropna(subset=["actor_id"])
    q = q[q["actor_id"].isin(persons)]
    quoted = set(zip(q["article_id"], q["actor_id"]))
    assert set(zip(pa.loc[pa["quoted"], "article_id"], pa.loc[pa["quoted"], "actor_id"])) == quoted
    total = tk.sources(corpus, by=())
    assert total["n_people"].item() == len(pa) and total["n_sources"].item() == len(quoted)
    by_g = tk.sources(corpus)
    assert by_g["n_people"].sum() == len(pa) and by_g["n_sources"].sum() == len(quoted)
    assert set(by_g["gender"]) <= {"female", "male", "unknown"}
    assert (by_g["n_only_mentioned"] == by_g["n_people"] - by_g["n_sources"]).all()
    known = by_g[by_g["gender"] != "unknown"]
    assert np.isclose(known["source_share"].sum(), 1.0) and by_g.loc[by_g["gender"] == "unknown", "source_share"].isna().all()
    per = tk.sources(corpus, by=("source", "period", "gender"), freq="year")
    assert per["n_people"].sum() == len(pa) and list(per.columns[:3]) == ["source", "period", "gender"]
    with pytest.raises(InvalidOptionError):
        tk.sources(corpus, by="kind")


def test_sources_by_gender_on_a_made_up_corpus():
    texts = pd.DataFrame({"article_id": ["a", "b"], "source": ["Daily", "Weekly"],
                          "published": pd.to_datetime(["2020-01-05", "2020-03-01"], utc=True),
                          "text": ["Ms Wanjiru Kamau said the plan would fail. Peter Otieno watched.",
                                   "Mr Otieno said the road was closed. Ms Kamau was not there."]})
    c = tk.analyze(texts, topics=False)
    g = dict(zip(c.actors["name"], c.actors["gender"]))
    assert g["Wanjiru Kamau"] == "female" and g["Peter Otieno"] == "male"
    s = tk.sources(c).set_index("gender")
    assert s.loc["female", "n_people"] == 2 and s.loc["female", "n_sources"] == 1
    assert s.loc["male", "n_people"] == 2 and s.loc["male", "n_sources"] == 1
    spec = ch.chart_women_share(c, freq="month").to_dict()
    cells = {(r["source"], r["label"]): r for r in data_of(spec)[0]}
    assert cells[("Daily", "2020-01")]["share"] == 1.0 and cells[("Weekly", "2020-03")]["share"] == 0.0
    assert cells[("Daily", "2020-01")]["cell"] == "100% of 1"


def test_chart_sources_spec(corpus):
    spec = ch.chart_sources(corpus).to_dict()
    assert spec["mark"]["type"] == "bar" and spec["encoding"]["y"]["field"] == "gender"
    assert spec["encoding"]["color"]["field"] == "status"
    rows = values(spec)
    s = tk.sources(corpus)
    for g, n_src, n_only in zip(s["gender"], s["n_sources"], s["n_only_mentioned"]):
        got = {r["status"]: r["people"] for r in rows if r["gender"] == g}
        assert got == {"quoted": n_src, "only mentioned": n_only}
    by = ch.chart_sources(corpus, by="source").to_dict()
    assert by["facet"]["row"]["field"] == "source"
    assert by["facet"]["row"]["header"]["labelAngle"] == 0  # long outlet names read across


def test_chart_women_share_spec(corpus):
    spec = ch.chart_women_share(corpus).to_dict()
    rect, text = spec["layer"]
    assert rect["mark"]["type"] == "rect" and text["mark"]["type"] == "text"
    assert rect["encoding"]["color"]["field"] == "share"
    assert rect["encoding"]["color"]["scale"] == {"scheme": "purples", "domain": [0, 1]}  # sequential, 0-100%
    assert rect["encoding"]["y"]["field"] == "source"
    assert all(0 <= r["share"] <= 1 and r["n_known"] > 0 for r in values(spec))


def test_cooccurrence_list_sentence_does_not_swamp_the_pairs():
    names = ["Amara Obi", "Bela Kito", "Chen Ruiz", "Dana Sato", "Emil Diaz", "Fola Moyo", "Gita Lima",
             "Hugo Vance", "Ines Park", "Jon Abara"]
    listing = ", ".join(names[:-1]) + " and " + names[-1] + " signed the letter."
    texts = pd.DataFrame({"article_id": ["a"], "text": [
        listing + "\n\nAmara Obi met Bela Kito in Lagos. Amara Obi and Bela Kito spoke again."]})
    c = tk.analyze(texts, topics=False, quotes=False)
    capped = tk.cooccurrence(c, window="sentence")
    every = tk.cooccurrence(c, window="sentence", list_size=None)
    assert len(every) > 40 and len(capped) < 5  # the list adds its 45 pairs only when uncapped
    top = capped.iloc[0]
    assert {top["a_name"], top["b_name"]} == {"Amara Obi", "Bela Kito"} and top["count"] == 2


def test_heatmap_and_network_rank_with_a_minimum_count(corpus):
    edges = sentence_edges(corpus)
    edges = edges.assign(npmi=np.linspace(1, -1, len(edges)))
    spec = ch.chart_cooccurrence_heatmap(edges, score="npmi", min_count=2).to_dict()
    assert values(spec) and all(r["count"] >= 2 for r in values(spec))
    nodes, links = tk.tables.network_layout(edges, n=20, max_edges=10, score="npmi")
    assert len(links) == 10
    full = tk.tables.network_layout(edges, n=20, score="npmi")[1]
    assert sorted(links["npmi"], reverse=True) == sorted(full["npmi"], reverse=True)[:10]  # the strongest
    net = ch.chart_network(edges, n=20, labels=5).to_dict()
    text = net["layer"][2]
    assert text["encoding"]["text"]["field"] == "name_label"
    named = [r for d in data_of(net) for r in d if r.get("name_label")]
    assert len(named) == 5


# --- most mentioned, never quoted; renamed topics ------------------------------------------------

def test_never_quoted(corpus):
    nq = tk.never_quoted(corpus, n=10, min_mentions=2)
    quoted = set(corpus.quotes["actor_id"].dropna())
    counts = corpus.mentions.groupby("actor_id").size()
    assert len(nq) and not set(nq["actor_id"]) & quoted
    assert set(nq["kind"]) <= {"person", "organization"} and (nq["n_mentions"] >= 2).all()
    assert nq["n_mentions"].tolist() == counts.loc[nq["actor_id"]].tolist()
    assert nq["n_mentions"].is_monotonic_decreasing and nq["rank"].tolist() == list(range(1, len(nq) + 1))
    # nobody with as many mentions is missing from the list
    info = corpus.actors.set_index("actor_id")
    rest = counts[~counts.index.isin(quoted) & ~counts.index.isin(nq["actor_id"])]
    rest = rest[info.loc[rest.index, "kind"].isin(["person", "organization"]).to_numpy()]
    assert len(nq) == 10 or rest[rest >= 2].empty
    if len(nq) == 10:
        assert rest.max() <= nq["n_mentions"].min()
    places = tk.never_quoted(corpus, kinds=("place",), min_mentions=1)
    assert set(places["kind"]) == {"place"}
    with pytest.raises(InvalidOptionError):
        tk.never_quoted(corpus, kinds=("planet",))


def test_chart_never_quoted_states_its_minimum(corpus):
    spec = ch.chart_never_quoted(corpus, n=5, min_mentions=2).to_dict()
    assert spec["mark"]["type"] == "bar" and spec["encoding"]["x"]["field"] == "n_mentions"
    assert "at least 2 mentions" in spec["title"]["text"]
    top = tk.never_quoted(corpus, n=5, min_mentions=2)
    assert spec["encoding"]["y"]["sort"] == top["label"].tolist()
    assert "at least 3 mentions" in ch.chart_never_quoted(corpus).to_dict()["title"]["text"]


def test_rename_topics(topical):
    renamed = topical.rename_topics({0: "Elections", "topic 2": "Haiti mission"})
    assert renamed.topics["label"].tolist() == ["Elections", "topic 1", "Haiti mission", "topic 3"]
    assert topical.topics["label"].tolist() == ["topic 0", "topic 1", "topic 2", "topic 3"]  # unchanged
    assert set(tk.topic_shares(renamed, freq="year")["label"]) >= {"Elections", "Haiti mission"}
    spec = ch.chart_topic_shares(renamed, freq="year").to_dict()
    assert "Elections" in {r["label"] for r in values(spec)}
    with pytest.raises(InvalidOptionError, match="nope"):
        topical.rename_topics({"nope": "x"})
    with pytest.raises(InvalidOptionError):
        topical.rename_topics({0: "topic 1"})  # two topics alike
    with pytest.raises(InvalidOptionError):
        topical.rename_topics({0: "  "})
