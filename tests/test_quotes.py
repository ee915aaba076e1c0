"""Quotations and reported speech on real text with the real spaCy model."""
from __future__ import annotations

import re

import pytest

from toolkit.units import sentence_starts
from toolkit.quotes import extract_quotes, scan_quote_marks

KEYS = {"kind", "text", "start", "end", "speaker_text", "speaker_start", "speaker_end",
        "speaker_name", "cue", "cue_start", "cue_end", "sentence", "paragraph", "act"}


@pytest.fixture(scope="module")
def nlp():
    from toolkit import load_model

    return load_model()  # the toolkit's default pipeline (the medium model, paragraph breaks)


def check_rows(doc, rows):
    """Every row is well-formed: exact offsets, sorted, indices consistent with the text."""
    text = doc.text
    sent_starts = sentence_starts(doc) if len(doc) else []  # spaCy sentences split at paragraph breaks
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    for r in rows:
        assert set(r) == KEYS
        assert r["kind"] in ("direct", "mixed", "indirect")
        assert r["text"] and text[r["start"]:r["end"]] == r["text"]
        assert r["text"] == r["text"].strip()
        if r["speaker_start"] is not None:
            assert text[r["speaker_start"]:r["speaker_end"]] == r["speaker_text"]
        else:
            assert r["speaker_text"] is None and r["speaker_end"] is None
        if r["cue_start"] is not None:
            assert text[r["cue_start"]:r["cue_end"]] == r["cue"]
        else:
            assert r["cue"] is None and r["cue_end"] is None
        assert r["paragraph"] == text[:r["start"]].count("\n\n")
        assert sent_starts[r["sentence"]] <= r["start"]
        assert r["sentence"] + 1 == len(sent_starts) or sent_starts[r["sentence"] + 1] > r["start"]


def quotes(nlp, text, mentions=None):
    doc = nlp(text)
    rows = extract_quotes(doc, mentions=mentions)
    check_rows(doc, rows)
    return rows


def one(rows, fragment):
    found = [r for r in rows if fragment in r["text"]]
    assert len(found) == 1, (fragment, rows)
    return found[0]


def person_mentions(text, names):
    """Mentions as the actors step gives them: every surface form of a name, canonical name."""
    out = []
    for canonical, (pattern, kind) in names.items():
        for m in re.finditer(pattern, text):
            out.append({"start": m.start(), "end": m.end(), "label": "PERSON" if kind == "person"
                        else "GPE", "name": canonical, "kind": kind})
    return sorted(out, key=lambda m: m["start"])


# ---------------------------------------------------------------- the reference article
@pytest.fixture(scope="module")
def seed(nlp, seed_articles):
    text = seed_articles["text"].iloc[0]
    assert "READ MORE" not in text and text.startswith("President William Ruto")
    mentions = person_mentions(text, {
        "William Ruto": (r"(?:William )?Ruto", "person"),
        "Marco Rubio": (r"(?:Marco )?Rubio", "person"),
        "Rwanda": (r"Rwanda(?!n)", "place"),
        "Kinshasa": (r"Kinshasa", "place"),
        "Kigali": (r"Kigali", "place"),
    })
    doc = nlp(text)
    rows = extract_quotes(doc, mentions=mentions)
    check_rows(doc, rows)
    return text, rows


def test_seed_ruto_direct_quote(seed):
    text, rows = seed
    r = one(rows, "Our discussion confirmed")
    assert r["kind"] == "direct"
    assert r["text"].startswith("Our discussion confirmed that the United States")
    assert r["text"].endswith("restoring order,")
    assert text[r["start"] - 1] == "“" and text[r["end"]] == "”"
    assert (r["cue"], r["speaker_text"], r["speaker_name"]) == ("said", "Ruto", "William Ruto")


def test_seed_rubio_reported_statement(seed):
    _, rows = seed
    r = one(rows, "support for the security mission in Haiti")
    assert r["kind"] == "indirect"
    assert r["text"] == ("despite concerns over the US aid freeze, support for the security mission "
                         "in Haiti remains intact")
    assert (r["cue"], r["speaker_text"], r["speaker_name"]) == ("reiterated", "Rubio", "Marco Rubio")


def test_seed_rubio_quote_with_curly_open_and_straight_close(seed):
    text, rows = seed
    r = one(rows, "The mission needs to find a new direction")
    assert r["kind"] == "direct"
    assert r["text"].endswith("a large portion of Haitian territory,")
    assert text[r["start"] - 1] == "“" and text[r["end"]] == '"'
    assert (r["cue"], r["speaker_text"], r["speaker_name"]) == ("said", "Rubio", "Marco Rubio")


def test_seed_rwanda_claim_and_kinshasa_allegation(seed):
    _, rows = seed
    r = one(rows, "the DRC harbors")
    assert r["kind"] == "indirect" and r["cue"] == "claims"
    assert r["text"].startswith("the DRC harbors the Democratic Forces for the Liberation of Rwanda")
    assert (r["speaker_text"], r["speaker_name"]) == ("Rwanda", "Rwanda")
    r = one(rows, "backed by Rwanda")
    assert (r["cue"], r["speaker_name"]) == ("alleges", "Kinshasa")
    assert "Kigali" not in r["text"]


def test_seed_nothing_from_headings_or_scare_quotes(seed):
    _, rows = seed
    assert len(rows) <= 7
    assert all("DRC Crisis" not in (r["speaker_text"] or "") for r in rows)


# ---------------------------------------------------------------- formatting cases
def test_attribution_after_the_quote(nlp):
    rows = quotes(nlp, "“We will not allow the talks to collapse,” said Ruto.\n\n"
                       "\"The ceasefire must hold,\" Tshisekedi said on Friday.\n\n"
                       "“Nobody wants another war in the region,” Ruto, who chairs the EAC, said.")
    a, b, c = rows
    assert (a["text"], a["cue"], a["speaker_text"]) == (
        "We will not allow the talks to collapse,", "said", "Ruto")
    assert (b["text"], b["cue"], b["speaker_text"]) == ("The ceasefire must hold,", "said", "Tshisekedi")
    assert (c["cue"], c["speaker_text"], c["kind"]) == ("said", "Ruto", "direct")
    assert [r["paragraph"] for r in rows] == [0, 1, 2]


def test_attribution_before_the_quote_with_colon(nlp):
    rows = quotes(nlp, "Speaking in Nairobi on Tuesday, Ruto said: “Kenya will keep its troops "
                       "in Haiti until the job is done.”")
    r = one(rows, "Kenya will keep its troops")
    assert (r["kind"], r["cue"], r["speaker_text"]) == ("direct", "said", "Ruto")
    assert r["text"] == "Kenya will keep its troops in Haiti until the job is done."


def test_quote_paragraph_after_a_colon_paragraph(nlp):
    rows = quotes(nlp, "In a statement on Monday, the health minister declared:\n\n"
                       "“The outbreak is under control and schools will reopen next week.”")
    r = one(rows, "The outbreak is under control")
    assert (r["cue"], r["speaker_text"], r["paragraph"]) == ("declared", "the health minister", 1)


def test_attribution_inside_the_quote(nlp):
    text = ("President William Ruto spoke to reporters after the summit. “We have made progress,” "
            "he said, “but there is still a lot of work to do before the elections.”")
    rows = quotes(nlp, text, mentions=person_mentions(text, {"William Ruto": (r"William Ruto", "person")}))
    a, b = [r for r in rows if r["kind"] == "direct"]
    assert a["text"] == "We have made progress,"
    assert b["text"].startswith("but there is still a lot of work")
    for r in (a, b):
        assert (r["cue"], r["speaker_text"], r["speaker_name"]) == ("said", "he", "William Ruto")
    assert a["cue_start"] == b["cue_start"]


def test_trailing_dash_attribution(nlp):
    rows = quotes(nlp, "“Peace is not the absence of conflict but the presence of justice.” "
                       "— Amina Mohammed")
    r = one(rows, "Peace is not the absence")
    assert r["speaker_text"] == "Amina Mohammed" and r["cue"] == "—"


def test_according_to(nlp):
    rows = quotes(nlp, "Inflation fell to 3.6 percent in January, according to the Kenya National "
                       "Bureau of Statistics.")
    r = one(rows, "Inflation fell")
    assert r["kind"] == "indirect" and r["cue"] == "according to"
    assert r["text"] == "Inflation fell to 3.6 percent in January"
    assert "Bureau of Statistics" in r["speaker_text"]


def test_multi_paragraph_quote_shares_the_speaker(nlp):
    rows = quotes(nlp, "“We did not come here to make promises we cannot keep,” Tshisekedi told "
                       "the summit.\n\n“Our people have waited too long for peace in the east.\n\n"
                       "“The region needs a lasting solution, not another ceasefire.”")
    assert [r["paragraph"] for r in rows] == [0, 1, 2]
    assert {r["speaker_text"] for r in rows} == {"Tshisekedi"}
    assert rows[1]["text"] == "Our people have waited too long for peace in the east."
    assert all(r["kind"] == "direct" for r in rows)


def test_floating_quote_takes_the_surrounding_speaker(nlp):
    rows = quotes(nlp, "“The budget protects the poorest households,” said Finance Minister "
                       "John Mbadi.\n\n“We have cut spending on foreign travel by half this year.”")
    r = one(rows, "We have cut spending")
    assert r["speaker_text"].endswith("John Mbadi") and r["cue"] is None
    assert r["speaker_start"] < r["start"]


def test_nyt_double_apostrophe_marks(nlp):
    rows = quotes(nlp, "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist who served "
                       "as director of the Congressional Budget Office. ''It's anti-reform.''")
    r = one(rows, "This isn't tax reform")
    assert r["text"] == "This isn't tax reform," and r["cue"] == "said"
    assert "Holtz-Eakin" in r["speaker_text"]
    assert one(rows, "anti-reform")["speaker_text"] == r["speaker_text"]


def test_reported_speech_with_description_speaker(nlp):
    text = ("Interior Minister Kipchumba Murkomen visited the border town on Monday. The minister "
            "insisted that security forces had the situation under control.")
    rows = quotes(nlp, text, mentions=person_mentions(
        text, {"Kipchumba Murkomen": (r"Kipchumba Murkomen", "person")}))
    r = one(rows, "security forces had the situation under control")
    assert (r["kind"], r["cue"], r["speaker_text"]) == ("indirect", "insisted", "The minister")
    assert r["speaker_name"] == "Kipchumba Murkomen"


def test_reported_speech_verbs_beyond_said(nlp):
    rows = quotes(nlp, "The opposition leader warned that the new tax would hurt small traders. "
                       "The company denied that it had broken any rules. "
                       "Rubio tweeted that the aid freeze would be reviewed.")
    assert [r["cue"] for r in rows] == ["warned", "denied", "tweeted"]
    assert rows[1]["text"] == "it had broken any rules"
    assert rows[2]["speaker_text"] == "Rubio"


def test_mixed_quote(nlp):
    rows = quotes(nlp, "Odinga said the agreement was “a betrayal of the people of Kenya” and "
                       "vowed to challenge it in court.")
    r = one(rows, "betrayal")
    assert r["kind"] == "mixed" and r["cue"] == "said" and r["speaker_text"] == "Odinga"
    assert r["text"].startswith("the agreement was “a betrayal")
    assert not [x for x in rows if x["kind"] == "direct"]


def test_scare_quotes_and_titles_are_not_statements(nlp):
    rows = quotes(nlp, "Critics dismissed the so-called “deal” as a publicity stunt. "
                       "The plan, dubbed “Operation Safi,” began in March. "
                       "She appeared on “Meet the Press” last week.")
    assert not [r for r in rows if r["kind"] == "direct"]
    assert not [r for r in rows if r["text"] in ("deal", "Operation Safi,", "Meet the Press")]


# ---------------------------------------------------------------- robustness
@pytest.mark.parametrize("text", [
    "",
    " ",
    "\n\n\n",
    "“",
    "”Unbalanced closing first” and “an opening that never closes",
    '"' * 2000,
    "“" * 1000 + "”" * 1000,
    "'" * 999 + "''" * 500,
    "He said “yes\n\nand then” nothing 😀😀 “🎉” ‘’ ‚‛ «»",
    "قال الرئيس «نحن هنا» ثم غادر. \"مرحبا\" 😀",
    "\u200f\u202e“reversed”\u202c said נתניהו.",
    "“" + "word " * 3000,
    "a\x00b “c\x0bd” e\ufeff",
])
def test_hostile_input_never_raises(nlp, text):
    doc = nlp(text)
    rows = extract_quotes(doc)
    check_rows(doc, rows)


def test_random_unicode_soup_never_raises(nlp):
    import random

    pieces = list("“”‘’\"'`«»„ ,.:;—–-?!()abXY😀\u200f\u202eשלוםعربي\x00\t\n") + [
        "said", " Ruto ", "“We", "win,”", "''", "\n\n“", "according to", " he said, ", "\n\n"]
    rng = random.Random(11)
    for _ in range(150):
        doc = nlp("".join(rng.choice(pieces) for _ in range(rng.randint(0, 80))))
        check_rows(doc, extract_quotes(doc))


def test_unparsed_doc_does_not_raise(nlp):
    doc = nlp.make_doc("“We will win,” she said. The rest “is history”.")
    for r in extract_quotes(doc):
        assert doc.text[r["start"]:r["end"]] == r["text"]


def test_scanner_on_a_large_text():
    text = ("Paragraph “one quote,” said X, then ‘single’ and \"straight\" and ''nyt'' marks. " * 20
            + "\n\n") * 3000  # about 5 MB, 400,000 marks
    segs = scan_quote_marks(text)
    assert len(segs) == 3000 * 20 * 4
    for s in segs[:50]:
        assert text[s[0]:s[1]] in ("one quote,", "single", "straight", "nyt")


def test_many_quote_marks_in_a_long_doc(nlp):
    doc = nlp.make_doc(("“Quote number one,” he said. “" * 2 + "odd ” \" ' ") * 4000)
    rows = extract_quotes(doc)
    for r in rows:
        assert doc.text[r["start"]:r["end"]] == r["text"]
