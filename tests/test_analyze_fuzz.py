"""Property tests of ``tk.analyze(frame, topics=False)``: whatever the text, no exception and
tables whose offsets point into the article text.

Invariants checked on every corpus (:func:`check_corpus`):
- mentions: ``text[start:end] == mention text``; ``actor_id`` in ``corpus.actors``; ``sentence``
  is the sentence (of the sentences table) the mention starts in; ``paragraph ==
  text.count("\\n\\n", 0, start)``; the actors' counts add up to the mentions;
- quotes: ``text[start:end] == quote text``; speaker and cue spans, when not null, equal
  ``speaker_text`` and ``cue``; ``quote_id`` unique across the corpus; ``actor_id`` null or in
  ``corpus.actors``; sentence and paragraph indices as for mentions;
- sentences: numbered 0..n-1 per article, ordered, inside the text, paragraph as above.

Texts interleave realistic news fragments (names, titles, quotes with cues) with arbitrary Unicode:
emoji, Arabic and Hebrew, bidi controls, combining marks, zero-width characters, control
characters, random code points (no surrogates), "\\n\\n" paragraph breaks and long runs of quote
marks of every kind. Each example analyses a list of 1-8 texts in one call, so the spaCy model
(loaded once per process) works on batches.

Deterministic: ``derandomize=True``, a fixed number of examples. Run with
``--hypothesis-show-statistics`` to see the cases each property ran: any text 150 (of which about
a fifth have ids equal as str, which must raise InvalidOptionError), actors only 50, segmented 30,
determinism 20; plus one 2 MB article (about 140k tokens, 40 segments, quotes off) and 8,000
one-line articles (quotes off). Throughput at scale is measured in benchmarks/, not here.

Bugs these found (fixed; each has an ``@example``):
1. corpus.resolve_speakers: quotes in a corpus without any actor crashed (ArrowInvalid: the
   speaker column, mapped from an empty dict, was numeric);
2. corpus.analyze: article ids 1 and "1" passed the uniqueness check, then collided as str
   (InvalidIndexError); now InvalidOptionError;
3. corpus.finish: a text that is not a str (None, NaN, bytes) is analysed as "", but the corpus-wide
   surname search read str(text) and added mentions into it;
4. actors._person_names: a person named by initials only ("J. K.") crashed (IndexError).
5. spaCy's tokenizer is quadratic on long runs without whitespace (24,000 quote marks in a row
   took 49 s); pipeline.segments now cuts such runs every 500 characters.
"""
from __future__ import annotations

import bisect
from unittest import mock

import pandas as pd
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

import toolkit as tk
from toolkit import pipeline
from toolkit.errors import InvalidOptionError

SETTINGS = settings(derandomize=True, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.large_base_example])

# --- strategies ------------------------------------------------------------------------------

NEWS = [
    "President Joe Biden said", "“We will win,” she said.", "the U.S.", "Kinshasa alleges",
    "US Secretary of State Marco Rubio", "Rubio reiterated that support remains intact.",
    "“It is a disaster,” said Ruto.", "Ruto said: “We are ready.”", "according to the ministry,",
    "The Democratic Republic of Congo (DRC)", "the DRC", "Rwandan troops", "M23 rebels",
    "William Ruto", "Ruto's", "Trump said the plan was “a disaster”", "— Félix Tshisekedi",
    "“A,” he said, “B.”", "'We will fight,' the minister said.", "«Non», a dit Macron.",
    "Kagame denied the claims.", "KERRY: Well, I think so.", "he declared:", "Biden.", "Biden,",
    "the East African Community (EAC)", "Former President Uhuru Kenyatta", "Margaret Kenyatta",
    "‘No comment,’ the spokesman told reporters.", "''Absolutely not,'' Mr. Smith said.",
    "``I won't,'' she said.", "Kigali", "the United States", "U.S.", "The White House said",
    "who chairs the EAC,", "Secretary of State", "Dr.", "Mr", "Ms. Harris", "Harris",
    "Southern African Development Community (SADC)", "5\"3", "don’t", "rock ’n’ roll",
    "J. K.", "The letter was signed by A. J.", "E. O. Wilson said", "Dr. Anthony Fauci", "(AP) —",
    "Jean-Pierre Bemba", "O'Brien", "Bashar al-Assad", "BIDEN:", "U.S.-backed", "St. Louis", "the UN's",
    "President-elect Donald Trump", "Ruto’s", "Biden Biden Biden", "Mr. Biden", "MONUSCO", "The (TO)",
]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"]
QUOTE_MARKS = ["“", "”", '"', "‘", "’", "«", "»", "''", "``", "„", "‟", "‹", "›", "‚", "'", "`"]
SCRIPTS = ["قال الرئيس إن الوضع خطير", "وزير الخارجية", "שלום עולם", "אמר ראש הממשלה",
           "\u200f", "\u200e", "\u202e", "\u202c", "\u2066", "\u2069"]
COMBINING = ["\u0301", "\u0308", "\u0327", "\u20dd", "\u0336", "e\u0301", "A\u030a", "\u0300\u0301\u0302\u0303"]
EMOJI = ["😀", "👍🏽", "👨‍👩‍👧", "🇺🇸", "🏳️‍🌈", "🤷‍♀️", "\U0001f600" * 3]
CONTROLS = ["\x00", "\x07", "\x0b", "\x0c", "\r", "\r\n", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\t"]
BREAKS = ["\n\n", "\n", "\n\n\n", " \n\n ", "\n \n"]

unicode_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
# up to 2,000 marks in a row, with or without spaces (spaCy's tokenizer is quadratic on a long
# run without whitespace: 24,000 marks in a row take it about 50 s, so the runs stop at 2,000)
quote_run = st.builds(lambda marks, n, sep: sep.join(marks * n),
                      st.lists(st.sampled_from(QUOTE_MARKS), min_size=1, max_size=8),
                      st.integers(1, 250), st.sampled_from(["", "", " ", "\n"]))
# marks around words: pairing, nesting, missing closers
quote_storm = st.lists(st.tuples(st.sampled_from(QUOTE_MARKS), st.sampled_from(NEWS + ["a", "we", "X"] + EMOJI),
                                 st.sampled_from(QUOTE_MARKS), st.sampled_from(["", " ", ", ", "\n\n"])),
                       max_size=60).map(lambda xs: "".join(a + w + b + s for a, w, b, s in xs))

NAMES = ["President Joe Biden", "Joe Biden", "Biden", "William Ruto", "Ruto", "Marco Rubio", "Kinshasa",
         "the U.S.", "Félix Tshisekedi", "the ministry", "She", "He", "The spokesman", "Paul Kagame", "Kagame"]
CUES = ["said", "alleges", "told reporters", "added", "warned", "denied", "wrote on X"]
CONTENT = ["We will win", "the plan is a disaster", "support remains intact", "no comment",
           "Kigali backs M23", "the U.S. will not leave", "نحن هنا", "😀 yes", "I never met Biden"]
# sentences as in the news, the pieces shuffled by the choice of pattern
news_sentence = st.builds(
    lambda pattern, name, cue, content, q: pattern.format(name=name, cue=cue, content=content,
                                                          o=q[0], c=q[1]),
    st.sampled_from(["{o}{content},{c} {name} {cue}.", "{name} {cue}: {o}{content}.{c}",
                     "{name} {cue} that {content}.", "{o}{content},{c} {cue} {name}.",
                     "{name} {cue} {content} {o}{content}{c}.", "{o}{content}{c} — {name}",
                     "{name}, who chairs the EAC, {cue} {o}{content}.{c}", "According to {name}, {content}."]),
    st.sampled_from(NAMES), st.sampled_from(CUES), st.sampled_from(CONTENT),
    st.sampled_from([("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("''", "''"), ("``", "''"), ("“", '"'),
                     ("“", ""), ("", "”")]))

fragment = st.one_of(
    st.sampled_from(NEWS), st.sampled_from(NEWS), news_sentence, news_sentence, news_sentence,
    st.sampled_from(ZERO_WIDTH), st.sampled_from(SCRIPTS), st.sampled_from(COMBINING),
    st.sampled_from(EMOJI), st.sampled_from(CONTROLS), st.sampled_from(BREAKS),
    st.sampled_from(QUOTE_MARKS), unicode_text, quote_run, quote_storm,
)
separator = st.sampled_from([" ", " ", " ", "", "\n\n", "\n", "  ", "\u00a0", "\u200b"])
news_text = st.lists(st.tuples(fragment, separator), min_size=3, max_size=50).map(
    lambda xs: "".join(f + s for f, s in xs))
texts_batch = st.lists(news_text, min_size=1, max_size=8)
# ids of several types (analyze keys articles by str(id)): the id of article i is "a{i}:q é",
# the int i or the str "{i-1}", which is the str of the previous article's int id now and then;
# texts missing or not str now and then
ID_FORMS = {"str": lambda i: f"a{i}:q é\u200b", "int": lambda i: i, "prev": lambda i: str(i - 1)}
article_text = st.one_of(*[news_text] * 8, st.sampled_from([None, float("nan"), pd.NA, 7]),
                         news_text.map(str.encode))
articles_batch = st.lists(st.tuples(st.sampled_from(["str", "str", "int", "prev"]), article_text),
                          min_size=1, max_size=8).map(
    lambda rows: [(ID_FORMS[form](i), t) for i, (form, t) in enumerate(rows)])


def frame(texts, ids=None) -> pd.DataFrame:
    ids = ids if ids is not None else [f"a{i}" for i in range(len(texts))]
    return pd.DataFrame({"article_id": ids, "text": list(texts)})


# --- invariants ----------------------------------------------------------------------------------

def _na(x) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and x != x)


def _sentence_of(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _paragraph_counter(text: str):
    """pos -> text.count("\n\n", 0, pos), in log time (the greedy matches of a prefix are the
    matches of the whole text that end inside it)."""
    ends, p = [], text.find("\n\n")
    while p >= 0:
        ends.append(p + 2)
        p = text.find("\n\n", p + 2)
    return lambda pos: bisect.bisect_right(ends, pos)


def check_corpus(df: pd.DataFrame, c, *, quotes: bool = True) -> None:
    texts = {str(a): (t if isinstance(t, str) else "") for a, t in zip(df["article_id"], df["text"])}
    paragraphs = {}

    def paragraph_of(aid, pos):
        if aid not in paragraphs:
            paragraphs[aid] = _paragraph_counter(texts[aid])
        return paragraphs[aid](pos)
    assert len(c.articles) == len(df)
    empty = {a for a, t in texts.items() if not t.strip()}
    for table in (c.mentions, c.quotes, c.sentences):
        assert set(table["article_id"]) <= set(texts)
    assert not empty & set(c.mentions["article_id"]) and not empty & set(c.quotes["article_id"])

    # sentences: 0..n-1 per article, in order, inside the text
    sents = c.sentences
    sent_starts: dict[str, list[int]] = {}
    for aid, g in sents.groupby("article_id", sort=False):
        text = texts[aid]
        assert list(g["sentence"]) == list(range(len(g))), aid
        starts = g["start"].tolist()
        assert starts == sorted(starts)
        for s, e, p in zip(g["start"], g["end"], g["paragraph"]):
            assert 0 <= s < e <= len(text), (aid, s, e)
            assert p == paragraph_of(aid, s), (aid, s, p)
        sent_starts[aid] = starts
    assert set(sents["article_id"]) <= set(texts)

    def check_position(aid, start, sentence, paragraph, what):
        assert paragraph == paragraph_of(aid, start), (what, aid, start, paragraph)
        ss = sent_starts.get(aid)
        assert ss is not None, (what, aid, "no sentences")
        assert 0 <= sentence < len(ss), (what, aid, sentence, len(ss))
        assert sentence == _sentence_of(ss, start), (what, aid, start, sentence)

    # mentions: in article and offset order, none overlapping another
    m = c.mentions
    for aid, g in m.groupby("article_id", sort=False):
        st_, en = g["start"].tolist(), g["end"].tolist()
        assert st_ == sorted(st_), aid
        assert all(e <= s2 for e, s2 in zip(en, st_[1:])), (aid, list(zip(st_, en)))
    actor_ids = set(c.actors["actor_id"])
    assert c.actors["actor_id"].is_unique
    for row in m.itertuples(index=False):
        text = texts[row.article_id]
        assert 0 <= row.start < row.end <= len(text), row
        assert text[row.start:row.end] == row.text, (row, text[row.start:row.end])
        assert row.actor_id in actor_ids, row
        check_position(row.article_id, row.start, row.sentence, row.paragraph, "mention")
    if len(m):
        assert c.actors["n_mentions"].sum() == len(m)
        per_actor = m.groupby("actor_id")["article_id"].nunique()
        assert dict(zip(c.actors["actor_id"], c.actors["n_articles"])) == per_actor.to_dict()
    else:
        assert c.actors.empty

    # quotes
    q = c.quotes
    if not quotes:
        assert q.empty
    assert q["quote_id"].is_unique
    for row in q.itertuples(index=False):
        text = texts[row.article_id]
        assert 0 <= row.start < row.end <= len(text), row
        assert text[row.start:row.end] == row.text, (row, text[row.start:row.end])
        assert row.quote_id.startswith(f"{row.article_id}:q")
        assert _na(row.actor_id) or row.actor_id in actor_ids, row
        spans = [("speaker", row.speaker_start, row.speaker_end, row.speaker_text),
                 ("cue", row.cue_start, row.cue_end, row.cue)]
        for what, s, e, t in spans:
            assert _na(s) == _na(e) == _na(t), (what, row)
            if not _na(s):
                assert 0 <= s <= e <= len(text), (what, row)
                assert text[s:e] == t, (what, row, text[s:e])
        check_position(row.article_id, row.start, row.sentence, row.paragraph, "quote")


def describe(texts, c) -> None:
    """Events for --hypothesis-show-statistics: how big and how rich the generated cases were."""
    chars = sum(len(t) for t in texts if isinstance(t, str))
    event("chars: " + ("<100" if chars < 100 else "<1000" if chars < 1000 else "<10000" if chars < 10_000
                       else ">=10000"))
    event("with mentions" if len(c.mentions) else "no mentions")
    event("with quotes" if len(c.quotes) else "no quotes")
    if len(c.quotes) and c.quotes["speaker_start"].notna().any():
        event("with attributed quotes")


def analyze_checked(texts, ids=None, **kw):
    df = frame(texts, ids)
    # every text analysed, repeats too: these properties are about offsets (folding reprints is
    # tested in test_attention.py)
    c = tk.analyze(df, topics=False, near_duplicates="keep", **kw)
    check_corpus(df, c, quotes=kw.get("quotes", True))
    return c


# --- properties ----------------------------------------------------------------------------------

@settings(SETTINGS, max_examples=150)
@given(articles_batch)
# bug 1: quotes but no actor in the whole corpus -> resolve_speakers crashed (ArrowInvalid)
@example([("a0", "“We will win,” she said. ")])
# bug 2: ids 1 and "1" passed the uniqueness check, then crashed in_article_order (InvalidIndexError)
@example([(1, "Joe Biden said “no.”"), ("1", "Joe Biden left.")])
# bug 3: a text that is not a str is analysed as "", but the corpus-wide surname search read str(text)
# and added mentions into it ("Biden" in b"Mr Biden met ...")
@example([("a", "Joe Biden said he would go."), ("b", b"Mr Biden met Joe Biden"), ("c", None)])
# bug 4: a person named by initials only ("J. K.") crashed extract_mentions (IndexError)
@example([("a0", "President Joe Biden said President Joe Biden said J. K. ")])
def test_analyze_any_text_offsets_valid(rows):
    ids = [a for a, _ in rows]
    texts = [t for _, t in rows]
    if len({str(a) for a in ids}) < len(ids):
        event("ids equal as str: InvalidOptionError")
        with pytest.raises(InvalidOptionError):
            tk.analyze(frame(texts, ids), topics=False)
        return
    c = analyze_checked(texts, ids)
    describe(texts, c)


@settings(SETTINGS, max_examples=50)
@given(texts_batch)
def test_analyze_actors_only_offsets_valid(texts):
    analyze_checked(texts, quotes=False)


@settings(SETTINGS, max_examples=30)
@given(texts_batch, st.sampled_from([7, 40, 300]))
def test_analyze_segmented_offsets_valid(texts, size):
    """Long articles are analysed in segments joined back into one Doc (pipeline.docs): with
    segments of a few characters every text here takes that path, cut anywhere."""
    orig = pipeline.segments
    with mock.patch.object(pipeline, "segments", lambda text: orig(text, size)):
        c = analyze_checked(texts)
    describe(texts, c)


@settings(SETTINGS, max_examples=20)
@given(texts_batch)
def test_analyze_deterministic(texts):
    df = frame(texts)
    a = tk.analyze(df, topics=False)
    b = tk.analyze(df.copy(), topics=False)
    for name in ("mentions", "actors", "quotes", "sentences"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)


def test_long_runs_without_whitespace_are_cut():
    run = "“”\"'" * 6_000  # 24,000 marks
    text = "President William Ruto said " + run + " Ruto met Paul Kagame in Kigali."
    segs = pipeline.segments(text)
    assert "".join(segs) == text and max(len(s) for s in segs) <= 1_000
    c = analyze_checked([text])
    ruto = c.actor("Ruto").actor
    assert ruto["name"] == "William Ruto" and ruto["n_mentions"] == 2
    assert c.mentions["start"].iloc[-1] == text.index("Kigali")


# --- scale ----------------------------------------------------------------------------------------

def _words(n_chars: int) -> str:
    """Deterministic news-like text of about n_chars, words of 10-20 characters, names, quotes and
    paragraph breaks."""
    import random

    rng = random.Random(5)
    alphabet = "abcdefghijklmnopqrstuvwxyz"
    # a vocabulary, as in real text (a new string for every token would mostly time the tokenizer)
    vocab = ["".join(rng.choice(alphabet) for _ in range(rng.randint(10, 20))) for _ in range(5000)]
    names = ["Kinshasa", "Washington", "Marco Rubio", "William Ruto", "Félix Tshisekedi", "Rwanda", "the U.S."]
    parts, size, k = [], 0, 0
    while size < n_chars:
        k += 1
        if k % 60 == 0:
            w = "\n\n"
        elif k % 37 == 0:
            w = rng.choice(names) + (" said." if k % 3 else ",")
        elif k % 97 == 0:
            w = "“" + rng.choice(vocab) + ",” " + rng.choice(["\u200b", "😀", "עברית"])
        else:
            w = rng.choice(vocab)
        w += " "
        parts.append(w)
        size += len(w)
    return "".join(parts)[:n_chars]


def test_analyze_single_2mb_article():
    # 40 segments of spaCy's 50,000-character pieces, joined back into one Doc
    text = _words(2_000_000)
    assert len(text) == 2_000_000
    c = analyze_checked([text], quotes=False)
    assert len(c.sentences) > 1000 and len(c.mentions) > 1000
    # the segments join back into one article: sentences cover it to the end
    assert c.sentences["end"].max() <= len(text)
    assert c.sentences["start"].is_monotonic_increasing


def test_analyze_many_one_line_articles():
    names = ["Biden", "Ruto", "Rubio", "Kagame", "Tshisekedi", "Kinshasa", "Nairobi", "Kigali", "Rwanda", "Kenya",
             "Obama"]
    verbs = ["visited", "criticised", "praised", "left", "met"]
    n = 8_000  # many tiny articles: every batch mixes odd lines with normal ones (speed: benchmarks/)
    odd = ["", " ", "\u200b 😀 ''", "“", "שלום Biden", "\n\nRuto\n\n"]
    texts = [f"{names[i % 11]} {verbs[i % 5]} {names[(i // 11) % 11]}." if i % 101 else odd[(i // 101) % len(odd)]
             for i in range(n)]
    ids = [f"line-{i}" for i in range(n)]
    # a bigger spaCy batch than the default: short texts, the same results
    c = analyze_checked(texts, ids=ids, quotes=False, batch_size=256, progress=False)
    assert len(c.articles) == n
    nonblank = {a for a, t in zip(ids, texts) if any(ch.isalnum() for ch in t)}
    assert set(c.sentences["article_id"]) <= set(ids)
    assert nonblank <= set(c.sentences["article_id"])
    assert c.sentences.groupby("article_id").size().max() <= 3
    # every line names two actors; the model may miss one now and then, not most of them
    assert c.mentions["article_id"].nunique() > 0.9 * len(nonblank)
    assert len(c.mentions) <= 2 * len(nonblank)
    assert c.actors["n_mentions"].sum() == len(c.mentions)
