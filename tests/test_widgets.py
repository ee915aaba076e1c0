"""Explorers driven the way a user (or the browser) drives them: set a control's ``.value``, or
set a JupyterChart's selection state as the frontend does, then read the explorer's frames.

Real corpus: the reference article + 20 Wikinews articles (shared with test_charts through the
session's temp folder). Hostile strings and CSV injection use a small hand-made corpus whose
offsets are computed from its text.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import replace
from html.parser import HTMLParser

import ipywidgets as widgets
import numpy as np
import pandas as pd
import pytest

import toolkit as tk
from toolkit import widgets as W
from toolkit.corpus import Corpus
from toolkit.schema import columns
from toolkit.errors import UnknownActorError
from toolkit.widgets import TABLE_ROWS, ActorExplorer, CooccurrenceExplorer, QuoteExplorer


# --- fixtures and helpers ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus(small_corpus) -> Corpus:
    return small_corpus


@pytest.fixture(scope="module")
def topical(corpus) -> Corpus:
    """The corpus with 4 synthetic topics: article i (by id) is 0.7 topic i % 4 and 0.3 topic i+1."""
    ids = sorted(corpus.articles["article_id"])
    topics = pd.DataFrame({"topic_id": range(4), "label": [f"topic {i}" for i in range(4)]})
    rows = [(a, (i + d) % 4, w) for i, a in enumerate(ids) for d, w in ((0, 0.7), (1, 0.3))]
    article_topics = pd.DataFrame(rows, columns=["article_id", "topic_id", "weight"])
    return replace(corpus, topics=topics, article_topics=article_topics)


def local_cooccurrence(corpus, of="actor", window="sentence", min_count=1) -> pd.DataFrame:
    """Actor co-occurrence computed here from mentions, shaped like tk.cooccurrence's edges, so the
    explorer is tested independently of toolkit.cooccurrence."""
    assert of == "actor"
    m = corpus.mentions[corpus.mentions["actor_id"].notna()]
    key = ["article_id"] if window == "article" else ["article_id", window]
    occ = m[key + ["actor_id"]].drop_duplicates()
    occ = occ.assign(w=occ[key].astype(str).agg("|".join, axis=1))
    n_windows = occ["w"].nunique()
    pairs = occ.merge(occ, on="w")
    pairs = pairs[pairs["actor_id_x"] < pairs["actor_id_y"]]
    e = pairs.groupby(["actor_id_x", "actor_id_y"]).agg(count=("w", "size"),
                                                        n_articles=("article_id_x", "nunique")).reset_index()
    e.columns = ["a", "b", "count", "n_articles"]
    e = e[e["count"] >= min_count]
    freq = occ.groupby("actor_id")["w"].size()
    fa, fb = e["a"].map(freq).astype(float), e["b"].map(freq).astype(float)
    p_ab = e["count"] / n_windows
    e["pmi"] = np.log(p_ab / ((fa / n_windows) * (fb / n_windows)))
    e["npmi"] = np.where(p_ab < 1, e["pmi"] / -np.log(p_ab), 1.0)
    e["jaccard"] = e["count"] / (fa + fb - e["count"])
    names = dict(zip(corpus.actors["actor_id"], corpus.actors["name"]))
    e["a_name"], e["b_name"], e["window"] = e["a"].map(names), e["b"].map(names), window
    return e[["a", "b", "a_name", "b_name", "count", "n_articles", "pmi", "npmi", "jaccard", "window"]].reset_index(
        drop=True)


def click(chart, selection: str, **fields):
    """Set a JupyterChart's selection state exactly as its JavaScript does after a click on a mark
    whose data has ``fields`` (the Vega signal value and the selection's store)."""
    signal = {**{k: [v] for k, v in fields.items()}, "vlPoint": {"or": [fields]}}
    store = [{"unit": "", "fields": [{"field": k, "channel": k, "type": "E"} for k in fields],
              "values": list(fields.values())}]
    chart._vl_selections = {**chart._vl_selections, selection: {"value": signal, "store": store}}


def clear(chart, selection: str):
    """The state the frontend sends when it (re)renders a chart: nothing selected."""
    chart._vl_selections = {**chart._vl_selections, selection: {"value": None, "store": []}}


def all_widgets(w):
    yield w
    for child in getattr(w, "children", ()):
        yield from all_widgets(child)


def test_no_output_widgets_in_any_explorer(corpus):
    """Output widgets (and interactive_output) put captured output in cells: strict nbval fails."""
    for explorer in (QuoteExplorer(corpus), ActorExplorer(corpus),
                     CooccurrenceExplorer(corpus, cooccurrence=local_cooccurrence), W.VoicesPanel(corpus)):
        assert isinstance(explorer, widgets.VBox)
        assert not any(isinstance(w, widgets.Output) for w in all_widgets(explorer))


# --- QuoteExplorer -------------------------------------------------------------------------------

def n_rows(html: str) -> int:
    return html.count("<tr>") - 1  # minus the header row


def test_quote_explorer_starts_with_every_quote(corpus):
    qe = QuoteExplorer(corpus)
    assert qe.n_matches == len(corpus.quotes) == len(qe.quotes)
    assert set(qe.quotes["quote_id"]) == set(corpus.quotes["quote_id"])
    assert n_rows(qe.table.value) == TABLE_ROWS
    assert f"<b>{len(corpus.quotes):,}</b> quotes; rows 1–{TABLE_ROWS}" in qe.table.value
    dates = qe.quotes["published"]
    assert dates.is_monotonic_decreasing  # newest first


def test_quote_filters(corpus):
    qe = QuoteExplorer(corpus)
    q = corpus.quotes.merge(corpus.articles[["article_id", "source", "published"]], on="article_id")
    qe.kind.value = "direct"
    assert set(qe.quotes["kind"]) == {"direct"} and qe.n_matches == (q["kind"] == "direct").sum()
    qe.kind.value = ""
    qe.source.value = "The Standard"
    assert set(qe.quotes["source"]) == {"The Standard"} and qe.n_matches == (q["source"] == "The Standard").sum()
    qe.speaker.value = "Marco Rubio"  # a name from the list: exactly that speaker
    assert set(qe.quotes["speaker"]) == {"Marco Rubio"} and qe.n_matches >= 2
    qe.speaker.value = "rubio"  # anything else: part of a name, any case
    assert set(qe.quotes["speaker"]) == {"Marco Rubio"}
    qe.speaker.value, qe.source.value = "", ""
    qe.search.value = "HAITI"
    expected = q["text"].str.lower().str.contains("haiti", regex=False)
    assert qe.n_matches == expected.sum() > 0
    assert qe.quotes["text"].str.lower().str.contains("haiti").all()
    qe.search.value = ""
    qe.start.value = qe.end.value = dt.date(2025, 2, 7)  # one day, both ends inclusive
    day = q["published"].dt.date == dt.date(2025, 2, 7)
    assert qe.n_matches == day.sum() > 0
    qe.start.value = None
    assert qe.n_matches == (q["published"].dt.date <= dt.date(2025, 2, 7)).sum()
    qe.end.value = None
    assert qe.n_matches == len(corpus.quotes)


def test_combined_filters_and_no_match(corpus):
    qe = QuoteExplorer(corpus)
    qe.source.value = "Wikinews"
    qe.kind.value = "indirect"
    assert len(qe.quotes) and (qe.quotes["source"] == "Wikinews").all() and (qe.quotes["kind"] == "indirect").all()
    qe.search.value = "no quote says this 9f8e7d"
    assert qe.n_matches == 0 and qe.quotes.empty
    assert qe.table.value == "<p><b>0</b> quotes</p>"


def test_topic_filter_uses_the_article_main_topic(topical):
    qe = QuoteExplorer(topical)
    assert not qe.topic.disabled and [v for _, v in qe.topic.options] == ["", 0, 1, 2, 3]
    qe.topic.value = 1
    main = topical.article_topics.sort_values("weight", ascending=False).drop_duplicates("article_id")
    arts = set(main.loc[main["topic_id"] == 1, "article_id"])
    assert set(qe.quotes["article_id"]) <= arts
    assert qe.n_matches == topical.quotes["article_id"].isin(arts).sum()
    assert set(qe.quotes["topic"]) == {"topic 1"}


def test_no_topics_disables_the_topic_filter(corpus):
    assert QuoteExplorer(corpus).topic.disabled


def test_quote_table_highlights_speaker_and_cue(corpus):
    qe = QuoteExplorer(corpus)
    qe.source.value = "The Standard"
    html = qe.table.value
    assert 'title="speaker">Ruto</mark>' in html and 'title="cue">said</mark>' in html
    assert 'title="speaker">Rubio</mark> <mark style="background:#cfe5ff" title="cue">reiterated</mark>' in html
    assert '<i class="tk-quote">despite concerns over the US aid freeze' in html


def test_export_csv_writes_the_filtered_rows(corpus, tmp_path):
    qe = QuoteExplorer(corpus)
    qe.kind.value = "direct"
    path = tmp_path / "quotes.csv"
    assert qe.export_csv(path) == qe.n_matches
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["quote_id"] for r in rows] == qe.quotes["quote_id"].tolist()
    assert {r["kind"] for r in rows} == {"direct"}


# --- ActorExplorer -------------------------------------------------------------------------------

def test_actor_explorer_starts_with_the_most_mentioned(corpus):
    ae = ActorExplorer(corpus)
    top = corpus.actors.sort_values(["n_mentions", "name"], ascending=[False, True]).iloc[0]
    assert ae.actor_id == top["actor_id"] == ae.actor.value
    assert ae.profile["name"] == top["name"]
    check_views(ae, corpus)


def check_views(ae: ActorExplorer, corpus):
    """Every frame and view of the explorer describes ae.actor_id."""
    aid = ae.actor_id
    dated = corpus.mentions.merge(corpus.articles[["article_id", "published"]], on="article_id")
    dated = dated[(dated["actor_id"] == aid) & dated["published"].notna()]
    assert ae.timeline["n_mentions"].sum() == len(dated) and set(ae.timeline["actor_id"]) == {aid}
    pd.testing.assert_frame_equal(ae.comentions, tk.co_mentioned(corpus, aid, window=ae.window.value))
    assert (ae.quotes["actor_id"] == aid).all()
    assert len(ae.quotes) == (corpus.quotes["actor_id"] == aid).sum()
    assert ae.header.value.startswith(f"<h3>{ae.profile['name']}")
    spec = ae.comentions_chart.spec
    assert spec["params"][0]["name"] == "pick"
    assert [r["actor_id"] for r in next(iter(spec["datasets"].values()))] == ae.comentions["actor_id"].head(15).tolist()
    assert ae.timeline_chart.spec["mark"]["type"] == "line"


def test_search_narrows_the_list_and_moves_to_the_best_match(corpus):
    ae = ActorExplorer(corpus)
    ae.search.value = "rubio"
    ids = [v for _, v in ae.actor.options]
    assert "marco-rubio" in ids and ae.actor_id == ids[0]
    assert all("rubio" in label.lower() or v == ae.actor_id for label, v in ae.actor.options)
    ae.actor.value = "marco-rubio"
    assert ae.actor_id == "marco-rubio" and "Marco Rubio" in ae.header.value
    check_views(ae, corpus)
    ae.search.value = ""  # the list widens again; the current actor stays
    assert ae.actor_id == "marco-rubio" == ae.actor.value and len(ae.actor.options) > len(ids)


def test_window_change_recomputes_comentions(corpus):
    ae = ActorExplorer(corpus, "william-ruto")
    by_article = ae.comentions
    ae.window.value = "sentence"
    pd.testing.assert_frame_equal(ae.comentions, tk.co_mentioned(corpus, "william-ruto", window="sentence"))
    # together in a sentence implies together in an article; the counts are now of sentences
    assert set(ae.comentions["actor_id"]) < set(by_article["actor_id"])
    assert ae.actor_id == "william-ruto"


def test_clicking_a_comentioned_actor_moves_the_explorer(corpus):
    ae = ActorExplorer(corpus, "william-ruto")
    clear(ae.comentions_chart, "pick")  # the frontend's first message: nothing selected, nothing moves
    assert ae.actor_id == "william-ruto"
    target = ae.comentions["actor_id"].iloc[0]
    click(ae.comentions_chart, "pick", actor_id=target)
    assert ae.actor_id == target == ae.actor.value
    check_views(ae, corpus)
    # the chart was replaced, and with it its selections: a second click must still be heard
    clear(ae.comentions_chart, "pick")
    back = ae.comentions["actor_id"].iloc[-1]
    click(ae.comentions_chart, "pick", actor_id=back)
    assert ae.actor_id == back
    check_views(ae, corpus)


def test_actor_topics_view(corpus, topical):
    plain = ActorExplorer(corpus, "william-ruto")
    assert plain.topics.empty and "topics=True" in plain.topics_note.value
    ae = ActorExplorer(topical, "william-ruto")
    assert np.isclose(ae.topics["share"].sum(), 1.0) and set(ae.topics["actor_id"]) == {"william-ruto"}
    assert ae.topics_note.value == ""


def test_unknown_actor(corpus):
    with pytest.raises(UnknownActorError, match="nobody"):
        ActorExplorer(corpus, "nobody")
    ae = ActorExplorer(corpus)
    with pytest.raises(UnknownActorError):
        ae.select("nobody")


# --- CooccurrenceExplorer ------------------------------------------------------------------------

def mentions_in(corpus, actor_id, article_id, start, end) -> bool:
    m = corpus.mentions
    hit = m[(m["actor_id"] == actor_id) & (m["article_id"] == article_id) & (m["start"] >= start) & (m["end"] <= end)]
    return not hit.empty


def test_cooccurrence_explorer_heatmap_and_click(corpus):
    ce = CooccurrenceExplorer(corpus, cooccurrence=local_cooccurrence)
    pd.testing.assert_frame_equal(ce.edges, local_cooccurrence(corpus, window="sentence"))
    spec = ce.heatmap.spec
    assert spec["mark"]["type"] == "rect" and spec["params"][0]["name"] == "cell"
    assert ce.pair is None and ce.passages.empty
    top = ce.edges.sort_values(["count", "a", "b"], ascending=[False, True, True]).iloc[0]
    clear(ce.heatmap, "cell")
    click(ce.heatmap, "cell", a=top["b"], b=top["a"])  # the mirrored cell: same pair
    assert ce.pair == (top["b"], top["a"])
    assert len(ce.passages) == top["count"]
    for r in ce.passages.itertuples():
        assert mentions_in(corpus, top["a"], r.article_id, r.start, r.end)
        assert mentions_in(corpus, top["b"], r.article_id, r.start, r.end)
    assert f"<b>{len(ce.passages)}</b> passage" in ce.passages_view.value
    assert ce.passages_view.value.count("<mark") >= 2 * min(len(ce.passages), TABLE_ROWS)


def test_cooccurrence_explorer_controls(corpus):
    ce = CooccurrenceExplorer(corpus, cooccurrence=local_cooccurrence)
    assert [v for _, v in ce.of.options] == ["actor"]  # no topics in this corpus
    ce.window.value = "paragraph"
    assert set(ce.edges["window"]) == {"paragraph"}
    pair = ce.edges.iloc[0]
    click(ce.heatmap, "cell", a=pair["a"], b=pair["b"])  # a refreshed chart still hears clicks
    assert ce.pair == (pair["a"], pair["b"]) and len(ce.passages) == pair["count"]
    assert ce.passages["unit"].notna().all()
    ce.kind.value = "person"
    kinds = dict(zip(corpus.actors["actor_id"], corpus.actors["kind"]))
    assert len(ce.edges) and {kinds[x] for x in pd.concat([ce.edges["a"], ce.edges["b"]])} == {"person"}
    assert ce.pair is None  # a new heatmap clears the reading pane
    ce.score.value = "npmi"
    assert ce.heatmap.spec["encoding"]["color"]["field"] == "npmi"
    ce.kind.value, ce.window.value = "", "article"
    pair = ce.edges.sort_values("count").iloc[-1]
    ce.show(pair["a"], pair["b"])
    assert set(ce.passages["article_id"]) == set(
        corpus.mentions.loc[corpus.mentions["actor_id"] == pair["a"], "article_id"]) & set(
        corpus.mentions.loc[corpus.mentions["actor_id"] == pair["b"], "article_id"])


def test_passages_of_topics_use_paragraph_topics(topical):
    s = topical.sentences
    paras = s[["article_id", "paragraph"]].drop_duplicates()
    # paragraph p carries topics p % 4 and (p + 1) % 4: topics 0 and 1 meet in paragraphs 0, 4, 8...
    pt = pd.concat([paras.assign(topic_id=(paras["paragraph"] + d) % 4, weight=0.5) for d in (0, 1)])
    c = replace(topical, paragraph_topics=pt.reset_index(drop=True))
    both = paras[paras["paragraph"] % 4 == 0]
    got = W.passages(c, "0", "1", of="topic", window="paragraph")  # ids as a heatmap click sends them
    assert sorted(map(tuple, got[["article_id", "unit"]].to_numpy())) == sorted(map(tuple, both.to_numpy()))
    text = dict(zip(c.articles["article_id"], c.articles["text"]))
    for r in got.itertuples():
        assert r.text.strip() == text[r.article_id].split("\n\n")[r.unit].strip()  # the whole paragraph
    # an actor and a topic, by sentence: the actor's sentences in paragraphs holding the topic
    mixed = W.passages(c, "william-ruto", "2", of=("actor", "topic"), window="sentence")
    m = c.mentions[c.mentions["actor_id"] == "william-ruto"]
    expected = m[(m["paragraph"] % 4).isin([1, 2])][["article_id", "sentence"]].drop_duplicates()
    assert sorted(map(tuple, mixed[["article_id", "unit"]].to_numpy())) == sorted(map(tuple, expected.to_numpy()))
    # by article, with no actor to point at: each article's lead sentence
    lead = W.passages(c, "0", "1", of="topic", window="article")
    assert set(lead["unit"]) == {0} and lead["article_id"].is_unique
    with pytest.raises(tk.errors.InvalidOptionError):
        W.passages(c, "0", "1", of="people")


def test_passages_agree_with_toolkit_cooccurrence(topical):
    """Two independent counts of the same thing: the edge's count of shared windows and the
    passages the explorer finds for it, for actors, topics and actor-topic pairs."""
    from toolkit.tables import cooccurrence

    s = topical.sentences
    paras = s[["article_id", "paragraph"]].drop_duplicates()
    pt = pd.concat([paras.assign(topic_id=(paras["paragraph"] + d) % 4, weight=0.5) for d in (0, 1)])
    c = replace(topical, paragraph_topics=pt.reset_index(drop=True))
    for of in ("actor", "topic", ("actor", "topic")):
        for window in ("sentence", "paragraph"):
            edges = cooccurrence(c, of=of, window=window)
            for e in edges.head(3).itertuples():
                got = W.passages(c, e.a, e.b, of=of, window=window)
                assert len(got) == e.count, (of, window, e.a, e.b)
    ce = CooccurrenceExplorer(c)  # the default: toolkit.cooccurrence
    ce.of.value = ("actor", "topic")
    top = ce.edges.iloc[0]
    click(ce.heatmap, "cell", a=top["a"], b=top["b"])
    assert len(ce.passages) == top["count"]


def test_cooccurrence_explorer_offers_topics_when_there_are_some(topical):
    ce = CooccurrenceExplorer(topical, cooccurrence=local_cooccurrence)
    assert [v for _, v in ce.of.options] == ["actor", "topic", ("actor", "topic")]


def test_cooccurrence_explorer_uses_toolkit_cooccurrence_by_default(corpus, monkeypatch):
    calls = []

    def fake(c, *, of, window):
        calls.append((of, window))
        return local_cooccurrence(c, of=of, window=window)

    import importlib

    monkeypatch.setattr(importlib.import_module("toolkit.widgets.cooccurrence"), "default_cooccurrence", fake)
    ce = CooccurrenceExplorer(corpus)
    ce.window.value = "article"
    ce.window.value = "sentence"  # cached: not asked again
    assert calls == [("actor", "sentence"), ("actor", "article")]


# --- hostile strings and CSV injection -----------------------------------------------------------

EVIL_NAME = "<img src=x onerror=alert(1)>"
EVIL_QUOTE = "<script>alert(2)</script> and javascript:alert(3)"
EVIL_TITLE = '<script>alert("title")</script> & friends'
EVIL_SOURCE = "<b onmouseover=alert(4)>Source</b>"


def hostile_corpus() -> Corpus:
    """Two articles whose titles, names, quotes and URLs are attacks, with exact offsets."""
    t1 = f'{EVIL_NAME} said "{EVIL_QUOTE}" on Monday.\n\nBob met {EVIL_NAME} later.'
    t2 = ('Bob said "=HYPERLINK(""http://evil"")". Carol said "+SUM(A1)". Dan said "-2+3". '
          'Erin said "@cmd". Frank said "plain words".')
    articles = pd.DataFrame({
        "article_id": ["h1", "h2"], "source": [EVIL_SOURCE, "=Outlet"], "title": [EVIL_TITLE, "@title"],
        "published": pd.to_datetime(["2024-01-02", "2024-01-03"], utc=True),
        "url": ["javascript:alert(document.cookie)", 'https://example.org/?a=<b>&c="x"'], "text": [t1, t2]})
    p1_end = t1.index("\n\n")
    sentences = pd.DataFrame({"article_id": ["h1", "h1", "h2"], "sentence": [0, 1, 0], "paragraph": [0, 1, 0],
                              "start": [0, p1_end + 2, 0], "end": [p1_end, len(t1), len(t2)]})
    second = t1.index(EVIL_NAME, 1)
    mentions = pd.DataFrame([
        ("h1", 0, len(EVIL_NAME), EVIL_NAME, "PERSON", "mallory", 0, 0, EVIL_NAME, "person", None),
        ("h1", p1_end + 2, p1_end + 5, "Bob", "PERSON", "bob", 1, 1, "Bob", "person", None),
        ("h1", second, second + len(EVIL_NAME), EVIL_NAME, "PERSON", "mallory", 1, 1, EVIL_NAME, "person", None),
        ("h2", 0, 3, "Bob", "PERSON", "bob", 0, 0, "Bob", "person", None),
    ], columns=["article_id", "start", "end", "text", "label", "actor_id", "sentence", "paragraph", "name", "kind",
                "title"])
    actors = pd.DataFrame({"actor_id": ["mallory", "bob"], "name": [EVIL_NAME, "Bob"], "kind": ["person", "person"],
                           "aliases": [[EVIL_NAME, "javascript:alert(5)"], ["Bob"]], "titles": [["<i>Dr</i>"], []],
                           "n_mentions": [2, 2], "n_articles": [1, 2]})
    rows = []

    def quote(aid, text, content, speaker, actor_id, after=0):
        s = text.index(speaker, after)
        cue = text.index("said", s)
        start = text.index(content, cue)
        rows.append({"article_id": aid, "quote_id": f"{aid}:q{len([r for r in rows if r['article_id'] == aid])}",
                     "kind": "direct", "text": content, "start": start, "end": start + len(content),
                     "speaker": speaker, "speaker_text": speaker, "speaker_start": s, "speaker_end": s + len(speaker),
                     "actor_id": actor_id, "cue": "said", "cue_start": cue, "cue_end": cue + 4, "sentence": 0,
                     "paragraph": 0})

    quote("h1", t1, EVIL_QUOTE, EVIL_NAME, "mallory")
    quote("h2", t2, '=HYPERLINK(""http://evil"")', "Bob", "bob")
    quote("h2", t2, "+SUM(A1)", "Carol", None)
    quote("h2", t2, "-2+3", "Dan", None)
    quote("h2", t2, "@cmd", "Erin", None)
    quote("h2", t2, "plain words", "Frank", None)
    quotes = pd.DataFrame(rows)[columns("quotes")]
    for c in ("speaker_start", "speaker_end", "cue_start", "cue_end"):
        quotes[c] = quotes[c].astype("Int64")
    return Corpus(articles=articles, mentions=mentions, actors=actors, quotes=quotes, sentences=sentences)


class TagAudit(HTMLParser):
    """Collects every tag and attribute of an HTML string, as a browser would parse it."""

    def __init__(self):
        super().__init__()
        self.tags, self.attrs = set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += [(tag, k, v) for k, v in attrs]


SAFE_TAGS = {"p", "b", "i", "small", "br", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "a", "mark",
             "ol", "ul", "li", "span", "div"}
SAFE_ATTRS = {"style", "title", "class", "href", "target", "rel", "start", "download"}
DOWNLOAD_URIS = ("data:text/csv;charset=utf-8;base64,", "data:application/vnd.openxmlformats-officedocument")


def assert_safe(html: str):
    audit = TagAudit()
    audit.feed(html)
    assert audit.tags <= SAFE_TAGS, audit.tags - SAFE_TAGS
    for tag, name, value in audit.attrs:
        assert name in SAFE_ATTRS, (tag, name, value)
        if name == "href":
            assert value.startswith(("https://", *DOWNLOAD_URIS)), value
        if name == "start":
            assert value.isdigit(), value
    lowered = html.lower()
    assert "<script" not in lowered and "<img" not in lowered and "onerror=alert(1)>" not in lowered


def test_hostile_strings_show_as_text_everywhere():
    c = hostile_corpus()
    qe = QuoteExplorer(c)
    html = qe.table.value
    assert_safe(html)
    assert html.count("&lt;img src=x onerror=alert(1)&gt;") >= 2  # speaker column and highlighted speaker
    assert "&lt;script&gt;alert(2)&lt;/script&gt; and javascript:alert(3)" in html
    assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; friends" in html  # the title, unlinked
    assert 'href="https://example.org/?a=&lt;b&gt;&amp;c=&quot;x&quot;"' in html
    assert "&lt;b onmouseover=alert(4)&gt;Source&lt;/b&gt;" in html

    ae = ActorExplorer(c, "mallory")
    for view in (ae.header.value, ae.quotes_table.value):
        assert_safe(view)
    assert "javascript:alert(5)" in ae.header.value and "&lt;i&gt;Dr&lt;/i&gt;" in ae.header.value
    click(ae.comentions_chart, "pick", actor_id="bob")
    assert ae.actor_id == "bob"
    assert_safe(ae.quotes_table.value)

    ce = CooccurrenceExplorer(c, cooccurrence=local_cooccurrence)
    click(ce.heatmap, "cell", a="bob", b="mallory")
    assert len(ce.passages) == 1
    assert_safe(ce.passages_view.value)
    assert "<mark style=\"background:#ffe08a\">&lt;img src=x onerror=alert(1)&gt;</mark>" in ce.passages_view.value

    vp = W.VoicesPanel(c)  # actors without a gender column: everyone "unknown"
    assert_safe(vp.table.value)
    assert "&lt;img src=x onerror=alert(1)&gt;" in vp.table.value and "<img" not in vp.table.value
    vp.source.value = EVIL_SOURCE
    assert_safe(vp.table.value)


def test_export_csv_neutralises_formulas(tmp_path):
    qe = QuoteExplorer(hostile_corpus())
    qe.source.value = "=Outlet"
    path = tmp_path / "out.csv"
    assert qe.export_csv(path) == 5
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    texts = {r["speaker"]: r["text"] for r in rows}
    assert texts == {"Bob": "'=HYPERLINK(\"\"http://evil\"\")", "Carol": "'+SUM(A1)", "Dan": "'-2+3", "Erin": "'@cmd",
                     "Frank": "plain words"}
    assert {r["source"] for r in rows} == {"'=Outlet"} and {r["title"] for r in rows} == {"'@title"}
    for r in rows:  # no cell of the file starts a formula
        assert not any(v.startswith(("=", "+", "-", "@")) for v in r.values())


# --- VoicesPanel -----------------------------------------------------------------------------------

def test_voices_panel_shows_sources_by_gender_per_outlet(corpus):
    vp = W.VoicesPanel(corpus)
    assert vp.frame.equals(tk.sources(corpus))
    rows = vp.chart.chart.to_dict()["datasets"]
    (data,) = rows.values()
    assert {r["gender"] for r in data} == set(vp.frame["gender"])
    people = vp.people
    assert (people["n_quoted_articles"] > 0).all() and people.groupby("gender").size().max() <= vp.rows
    outlet = sorted(corpus.articles["source"].dropna().unique())[0]
    vp.source.value = outlet
    by = tk.sources(corpus, by=("source", "gender"))
    assert vp.frame["n_people"].sum() == by.loc[by["source"] == outlet, "n_people"].sum()
    assert "not their identity" in vp.table.value
    # the download: counts and every person quoted in the outlet, formula-safe
    vp.make_download()
    links = re.findall(r'download="([^"]+)" href="data:[^;]+(?:;charset=utf-8)?;base64,([^"]+)"', vp.download.value)
    files = {name: base64.b64decode(data) for name, data in links}
    stem = "voices-" + "".join(ch if ch.isalnum() else "-" for ch in outlet.lower())
    assert set(files) == {f"{stem}-counts.csv", f"{stem}-counts.xlsx", f"{stem}-people.csv", f"{stem}-people.xlsx"}
    people_csv = pd.read_csv(io.StringIO(files[f"{stem}-people.csv"].decode("utf-8")))
    assert len(people_csv) == len(vp.quoted_people()) >= len(vp.people)
    assert people_csv["n_quoted_articles"].min() > 0
    vp.source.value = ""
    assert vp.download.value == ""


# --- finding, paging, sorting, downloading, reading (the analysed sample store) ----------------

import base64
import io
from pathlib import Path

from toolkit.tables.names import fold, is_ambiguous, match_actors
from toolkit.widgets.attention import AttentionExplorer
from toolkit.widgets.quotes import BY_SPEAKER

SAMPLE_STORE = Path(__file__).resolve().parents[1] / "results" / "sample"


@pytest.fixture(scope="module")
def sample():
    """The analysed sample corpus (`make sample-store`; `make test` builds it first)."""
    if not (SAMPLE_STORE / "corpus").exists():  # `make test` builds it: its absence is a failure
        pytest.fail("no analysed sample store: run `make sample-store`")
    return tk.open_corpus(SAMPLE_STORE)


def decoded(html: str, cls: str) -> bytes:
    """The bytes of the data: link of class ``cls`` in a download widget's HTML."""
    href = html.split(f'class="{cls}"', 1)[1].split('href="', 1)[1].split('"', 1)[0]
    return base64.b64decode(href.split(";base64,", 1)[1])


def download_frames(html: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    text = decoded(html, "tk-download-csv").decode("utf-8")
    return (pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False),
            pd.read_excel(io.BytesIO(decoded(html, "tk-download-xlsx")), dtype=str, keep_default_na=False))


def test_fold_removes_case_accents_and_dashes():
    assert fold("José Muñoz-Díaz") == "jose munoz diaz"
    assert fold("  ÉLYSÉE ") == "elysee" and fold(pd.NA) == ""


def test_match_actors_is_partial_folded_and_alias_aware(sample):
    biden = match_actors(sample, "biden")
    assert biden["actor_id"].iloc[0] == "joe-biden" and biden["matched"].iloc[0] == "Biden"  # an alias
    assert {"joe-biden", "hunter-biden"} <= set(biden["actor_id"]) and is_ambiguous(biden)
    assert match_actors(sample, "BIDEN ").equals(biden)
    assert not is_ambiguous(match_actors(sample, "Joe Biden"))
    assert match_actors(sample, "Joe Biden")["how"].iloc[0] == "name"
    assert "donald-trump" in set(match_actors(sample, "trum")["actor_id"])
    jose = match_actors(sample, "jose")
    assert (jose["name"].str.contains("José")).any() and (jose["name"].str.contains("Jose")).any()
    assert match_actors(sample, "JOSÉ").equals(jose)
    assert match_actors(sample, "").empty and match_actors(sample, "zzqx nobody").empty


def test_speaker_biden_lists_every_biden_grouped_and_counted(sample):
    qe = QuoteExplorer(sample)
    qe.speaker.value = "biden"
    q = sample.quotes
    bidens = set(match_actors(sample, "biden")["actor_id"])
    of_actors = q["actor_id"].isin(bidens).fillna(False)
    as_written = q["speaker"].str.lower().str.contains("biden").fillna(False)
    assert qe.n_matches == int((of_actors | as_written).sum()) > int((q["actor_id"] == "joe-biden").sum())
    assert set(q.loc[of_actors, "quote_id"]) <= set(qe.quotes["quote_id"])
    g = qe.speaker_groups
    assert g["n_quotes"].sum() == qe.n_matches and g["group"].iloc[0] == "Joe Biden"
    assert g.loc[g["group"] == "Joe Biden", "n_quotes"].item() == (q["actor_id"] == "joe-biden").sum()
    assert "Biden campaign" in set(g["group"])  # a speaker never resolved to an actor still counts
    assert qe.ambiguous and "is ambiguous" in qe.matches.value and "Hunter Biden" in qe.matches.value
    assert "Joe Biden <b>" in qe.matches.value
    # the rows are grouped by speaker, most quoted first
    assert qe.rows.sort.value == BY_SPEAKER
    assert qe.rows.rows["_group_rank"].is_monotonic_increasing
    # narrowing to one of them
    assert ("Joe Biden (64)" if (q["actor_id"] == "joe-biden").sum() == 64 else None) in (
        None, *[lab for lab, _ in qe.only.options])
    qe.only.value = ("actor", "joe-biden")
    assert set(qe.quotes["actor_id"]) == {"joe-biden"} and qe.n_matches == (q["actor_id"] == "joe-biden").sum()
    qe.only.value = ("speaker", "Biden campaign")
    assert set(qe.quotes["speaker"]) == {"Biden campaign"} and qe.quotes["actor_id"].isna().all()
    qe.speaker.value = "Joe Biden"
    assert not qe.ambiguous and qe.only.value == "" and "ambiguous" not in qe.matches.value
    assert "joe-biden" in set(qe.quotes["actor_id"])


def test_partial_speaker_finds_the_full_name(sample):
    qe = QuoteExplorer(sample)
    qe.speaker.value = "trum"
    partial = set(qe.quotes["quote_id"])
    qe.speaker.value = "Trump"
    assert set(qe.quotes["quote_id"]) == partial
    assert (sample.quotes["actor_id"] == "donald-trump").sum() <= qe.n_matches


def test_quote_pages_reach_every_row_and_sorts_order_them(sample):
    qe = QuoteExplorer(sample)
    rv = qe.rows
    assert rv.n_pages == -(-len(sample.quotes) // TABLE_ROWS)
    seen = []
    for p in range(rv.n_pages):
        rv.page.value = p
        seen += rv.page_rows["quote_id"].tolist()
        assert f"rows {p * TABLE_ROWS + 1:,}–" in qe.table.value
    assert sorted(seen) == sorted(sample.quotes["quote_id"]) and len(seen) == len(set(seen))
    assert rv.next.disabled and not rv.previous.disabled
    rv.turn(-1)
    assert rv.page.value == rv.n_pages - 2
    rv.sort.value = "oldest first"
    assert rv.page.value == 0 and rv.rows["published"].is_monotonic_increasing
    rv.sort.value = "speaker A–Z"
    sp = rv.rows["speaker"].dropna().str.casefold()
    assert sp.is_monotonic_increasing


def test_searched_words_are_marked_and_escaped(sample):
    qe = QuoteExplorer(sample)
    qe.search.value = "election"
    html = qe.table.value
    assert qe.n_matches > 0 and html.count('<mark class="tk-hit"') >= min(qe.n_matches, TABLE_ROWS)
    assert re_hits(html) <= {"election"}
    assert 'style="color:#0645ad;text-decoration:underline"' in html  # visible links


def re_hits(html: str) -> set[str]:
    import re
    return {m.lower() for m in re.findall(r'<mark class="tk-hit"[^>]*>([^<]*)</mark>', html)}


def test_article_view_marks_mentions_and_quotes(sample):
    qe = QuoteExplorer(sample)
    qe.speaker.value = "Joe Biden"
    qe.search.value = "Trump"
    aid = qe.rows.open.options[1][1]
    assert aid in set(qe.rows.page_rows["article_id"])
    qe.rows.open.value = aid
    html = qe.rows.article.value
    art = sample.articles.set_index("article_id").loc[aid]
    n_mentions = int((sample.mentions["article_id"] == aid).sum())
    n_quotes = int((sample.quotes["article_id"] == aid).sum())
    # a mark split by another's edge reopens in each piece: at least one tag per mention and quote
    assert html.count('class="tk-mention"') >= n_mentions > 0 and html.count('class="tk-quote') >= n_quotes > 0
    assert f"{n_mentions:,} mentions" in html and f"{n_quotes:,} quotes" in html
    assert 'class="tk-quote tk-picked"' in html and '<mark class="tk-hit"' in html
    assert esc_text(art["title"]) in html
    assert_safe(html)
    qe.search.value = "no quote says this 9f8e7d"
    assert qe.rows.article.value == ""  # the article is not among the rows any more


def esc_text(s: str) -> str:
    import html
    return html.escape(s, quote=True)


def test_quote_download_holds_the_rows_in_view(sample):
    qe = QuoteExplorer(sample)
    qe.speaker.value = "biden"
    assert qe.rows.download.value == ""
    qe.rows.prepare.click()
    assert_safe(qe.rows.download.value)
    csv_rows, xlsx_rows = download_frames(qe.rows.download.value)
    assert sorted(csv_rows["quote_id"]) == sorted(qe.quotes["quote_id"]) == sorted(xlsx_rows["quote_id"])
    assert list(csv_rows.columns) == W.EXPORT_COLUMNS
    qe.kind.value = "direct"
    assert qe.rows.download.value == ""  # new rows: the old files are gone


def test_every_explorer_downloads_its_rows(sample):
    ae = ActorExplorer(sample)
    ae.search.value = "biden"
    assert ae.actor_id == "joe-biden" and "is ambiguous" in ae.search_note.value
    assert "hunter-biden" in [v for _, v in ae.actor.options]
    ae.quotes_rows.prepare.click()
    csv_rows, _ = download_frames(ae.quotes_rows.download.value)
    assert sorted(csv_rows["quote_id"]) == sorted(ae.quotes["quote_id"]) and len(csv_rows) > 0

    ce = CooccurrenceExplorer(sample, cooccurrence=local_cooccurrence)
    ce.edge_rows.prepare.click()
    edges, _ = download_frames(ce.edge_rows.download.value)
    assert len(edges) == len(ce.edges)
    a, b = ce.edges.iloc[0][["a", "b"]]
    ce.show(a, b)
    ce.passage_rows.prepare.click()
    passages, _ = download_frames(ce.passage_rows.download.value)
    assert len(passages) == len(ce.passages) > 0
    ce.passage_rows.open.value = ce.passage_rows.open.options[1][1]
    assert 'class="tk-mention"' in ce.passage_rows.article.value

    xe = AttentionExplorer(sample, "climate")
    xe.sentence_rows.prepare.click()
    sentences, _ = download_frames(xe.sentence_rows.download.value)
    assert len(sentences) == xe.n_sentences > 0 and "marked" not in sentences.columns
    xe.sentence_rows.open.value = xe.sentence_rows.open.options[1][1]
    assert '<mark class="tk-hit"' in xe.sentence_rows.article.value


def test_downloads_are_formula_safe():
    qe = QuoteExplorer(hostile_corpus())
    qe.source.value = "=Outlet"
    qe.rows.prepare.click()
    for frame in download_frames(qe.rows.download.value):
        assert len(frame) == 5
        for col in frame.columns:
            assert not frame[col].str.startswith(("=", "+", "-", "@")).any(), col


def test_hostile_article_view_is_text():
    c = hostile_corpus()
    qe = QuoteExplorer(c)
    qe.rows.open.value = "h1"
    html = qe.rows.article.value
    assert_safe(html)
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


# --- the dashboard ---------------------------------------------------------------------------------

def test_dashboard_builds_the_first_tab_only_then_each_on_selection(sample):
    d = W.Dashboard(sample, extra={"Mine": ("A tab of my own.", lambda c: widgets.HTML("mine"))})
    assert d.titles == ["Quotes", "Actors", "Together", "Voices", "Mine", "About this data"]
    assert list(d.built) == ["Quotes"] and isinstance(d.built["Quotes"], QuoteExplorer)
    helps = [slot.children[0].value for slot in d.tabs.children]
    assert all(h.startswith("<p") and len(h) > 40 for h in helps) and "ambiguous" in helps[0]
    assert d.tabs.children[1].children[1].value == "<p><i>Loading…</i></p>"
    d.tabs.selected_index = 1
    assert list(d.built) == ["Quotes", "Actors"] and d.tabs.children[1].children[1] is d.built["Actors"]
    d.tabs.selected_index = 4
    assert d.built["Mine"].value == "mine"
    d.tabs.selected_index = 3
    assert isinstance(d.built["Voices"], W.VoicesPanel) and "not their identity" in d.built["Voices"].table.value
    d.tabs.selected_index = 1  # built once
    assert list(d.built) == ["Quotes", "Actors", "Mine", "Voices"]


def test_dashboard_paints_without_altair_then_preloads_the_other_tabs(tmp_path):
    # a fresh Python: the first tab is built before Altair loads; the other tabs' imports follow
    # in the background, so the second tab does not wait for them
    import subprocess
    import sys
    code = ("import sys, time, pandas as pd, toolkit as tk\n"
            "c = tk.analyze(pd.DataFrame({'article_id': ['a'], 'text': ['\"We will win,\" said Jane Smith.']}),"
            " topics=False)\n"
            "d = tk.widgets.Dashboard(c)\n"
            "print('altair' in sys.modules)\n"
            "for _ in range(300):\n"
            "    if 'toolkit.widgets.voices' in sys.modules: break\n"
            "    time.sleep(0.1)\n"
            "print('toolkit.widgets.voices' in sys.modules and 'altair' in sys.modules)\n"
            "n = tk.widgets.Dashboard(c, preload=False)\n"
            "for t in n.titles:\n"  # ids and texts alone: no dates, sources or titles, every tab builds
            "    n.build(t)\n"
            "print(n.built['Quotes'].n_matches)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert out.stdout.split() == ["False", "True", "1"], out.stderr


def test_about_this_data_is_built_from_the_corpus(sample):
    html = W.about_html(sample)
    assert_safe(html)
    arts = sample.articles
    for source, g in arts.groupby("source"):
        first = g["published"].min().strftime("%Y-%m-%d")
        last = g["published"].max().strftime("%Y-%m-%d")
        assert f"<td>{esc_text(source)}</td><td style='text-align:right'>{len(g):,}</td><td>{first}</td><td>{last}</td>" \
            in html
    assert f"{len(arts):,} articles" in html and f"{len(sample.quotes):,} quotes" in html
    assert "No two sources here cover the same dates" in html  # 2012, 2019-20 and 2025
    assert tk.__version__ in html and "Quotes." in html and "Actors." in html
    s = tk.about(sample)["sources"]
    assert s["n_quotes"].sum() == len(sample.quotes) and s["n_mentions"].sum() == len(sample.mentions)


def test_hostile_text_is_escaped_before_the_search_marks():
    qe = QuoteExplorer(hostile_corpus())
    qe.search.value = "script>"
    assert qe.n_matches >= 1
    html = qe.table.value
    assert_safe(html)
    assert '<mark class="tk-hit" style="background:#ffd54f;font-weight:bold">script&gt;</mark>' in html and "<script" not in html
    qe.rows.open.value = qe.rows.open.options[1][1]
    assert_safe(qe.rows.article.value) and '<mark class="tk-hit"' in qe.rows.article.value
    qe.rows.prepare.click()
    assert_safe(qe.rows.download.value)


def test_rows_controls_step_aside_without_rows(corpus):
    qe = QuoteExplorer(corpus)
    assert qe.rows.bar.layout.display is None and qe.rows.open.layout.display is None
    qe.search.value = "no quote says this 9f8e7d"
    assert qe.rows.bar.layout.display == "none" and qe.rows.open.layout.display == "none"
    qe.search.value = ""
    assert qe.rows.bar.layout.display is None


def test_actor_search_does_not_depend_on_the_actors_order(sample):
    shuffled = replace(sample, actors=sample.actors.sample(frac=1, random_state=3).reset_index(drop=True))
    ae = ActorExplorer(shuffled)
    ae.search.value = "biden"
    assert ae.actor_id == "joe-biden" and "hunter-biden" in [v for _, v in ae.actor.options]
    assert set(ae.matches["actor_id"]) == set(match_actors(sample, "biden")["actor_id"])
