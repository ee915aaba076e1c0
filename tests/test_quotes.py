"""Quotations and reported speech on real text with the real spaCy model."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


def test_quote_paragraphs_run_together_share_the_speaker(nlp):
    text = ('The coach Ana Ruiz was pleased. Ruiz said: "We pressed high from the first minute and it paid off. '
            '"The young players showed real character in the second half." The club play again on Sunday.')
    runs = [(a, b, close, chain) for a, b, _o, close, chain, _d in scan_quote_marks(text)]
    assert len(runs) == 2 and runs[0][2] is None and runs[0][3] == runs[1][3]  # one quote, two paragraphs
    assert text[runs[0][0]:runs[0][1]].endswith("it paid off.")
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Ana Ruiz": (r"Ana Ruiz|Ruiz", "person")}))
    assert [(r["kind"], r["speaker_name"]) for r in rows] == [("direct", "Ana Ruiz")] * 2


def test_a_cue_without_content_introduces_the_next_quote(nlp):
    text = ("The vote was close.\n\nAna Ruiz, the spokeswoman for the Lira council, said in a statement. “There will be "
            "no recount, because every ballot was checked twice.”")
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Ana Ruiz": (r"Ana Ruiz", "person")}))
    r = one(rows, "There will be no recount")
    assert (r["kind"], r["cue"], r["speaker_name"]) == ("direct", "said", "Ana Ruiz")


def test_a_second_cue_the_parser_tied_into_the_quote_and_a_name_read_as_a_verb(nlp):
    text = ('Kito Foods, in a statement on Monday, reported that "most shops are still running out of flour by noon", '
            'and called the demand "extraordinary".\n\n'
            'Columnist Ana Will replied in the evening. "The shortage was foreseeable and the ministry ignored every '
            'warning it was given," Will wrote.')
    mentions = person_mentions(text, {"Kito Foods": (r"Kito Foods", "organization"), "Ana Will": (r"Ana Will|Will(?= wrote)", "person")})
    rows = quotes(nlp, text, mentions=mentions)
    assert one(rows, "the demand")["speaker_name"] == "Kito Foods"
    assert one(rows, "The shortage was foreseeable")["speaker_name"] == "Ana Will"


def test_an_organisation_before_a_person_noun_is_no_speaker(nlp):
    text = ('Tomas Okafor said sales had doubled since 1990. "We never chased the charts and we never will," said the '
            'Kito Records founder. "Customers deserve better," said Kito Records sales director Ana Ruiz.')
    mentions = person_mentions(text, {"Tomas Okafor": (r"Tomas Okafor", "person"), "Ana Ruiz": (r"Ana Ruiz", "person"),
                                      "Kito Records": (r"Kito Records", "organization")})
    rows = quotes(nlp, text, mentions=mentions)
    assert one(rows, "chased the charts")["speaker_name"] == "Tomas Okafor"
    assert one(rows, "Customers deserve better")["speaker_name"] == "Ana Ruiz"


def test_floating_quote_takes_the_surrounding_speaker(nlp):
    rows = quotes(nlp, "“The budget protects the poorest households,” said Finance Minister "
                       "John Mbadi.\n\n“We have cut spending on foreign travel by half this year.”")
    r = one(rows, "We have cut spending")
    assert r["speaker_text"].endswith("John Mbadi") and r["cue"] is None
    assert r["speaker_start"] < r["start"]


def test_a_floating_quote_after_reported_speech_takes_its_speaker(nlp):
    # the reported statement just before speaks on, not the quote a paragraph earlier; and the
    # pronoun after the floating quote continues with the same speaker
    text = ('"We will not back down," said Tomas Okafor.\n\nAna Ruiz, who chairs the board, said she had '
            'suspended him on Friday. "He stays suspended while the complaint is being looked into by the board." '
            'She said the members would decide next month.')
    mentions = person_mentions(text, {"Tomas Okafor": (r"Tomas Okafor|\bhim\b", "person"),
                                      "Ana Ruiz": (r"Ana Ruiz", "person")})
    rows = quotes(nlp, text, mentions=mentions)
    r = one(rows, "He stays suspended")
    assert r["speaker_name"] == "Ana Ruiz" and r["cue"] is None
    assert one(rows, "members would decide")["speaker_name"] == "Ana Ruiz"


def test_quoted_in_a_paper_and_alleged_to_have_said(nlp):
    # "X was quoted in/by a medium (as) saying": X speaks; "is alleged to have said": the subject
    text = ('Tomas Okafor was quoted in the Kito Herald saying: "The council has overreacted to all of this." '
            'Ana Ruiz was quoted by the Lira Times as saying the vote had been rigged. '
            'Jo Ade is alleged to have said that the tax should be doubled for everyone.')
    mentions = person_mentions(text, {"Tomas Okafor": (r"Tomas Okafor", "person"), "Ana Ruiz": (r"Ana Ruiz", "person"),
                                      "Jo Ade": (r"Jo Ade", "person"),
                                      "Kito Herald": (r"Kito Herald", "organization"),
                                      "Lira Times": (r"Lira Times", "organization")})
    rows = quotes(nlp, text, mentions=mentions)
    assert one(rows, "overreacted")["speaker_name"] == "Tomas Okafor"
    assert one(rows, "had been rigged")["speaker_name"] == "Ana Ruiz"
    r = one(rows, "tax should be doubled")
    assert r["speaker_name"] == "Jo Ade" and r["cue"] == "said"


def test_a_department_before_a_title_and_an_age_description(nlp):
    # "Culture Secretary Ana Ruiz" with "Culture" tagged as a body: the person speaks;
    # "the 34-year-old", "the double champion": the person the sentence before is about
    text = ('"Children deserve to be protected from harm," said Culture Secretary Ana Ruiz after the meeting. '
            'Jo Ade has been forced out of the final after an injury. The double champion said: "I am very '
            'disappointed that I have had to withdraw this week." Sam Okoro won the race on Sunday. '
            'The 34-year-old said: "I am very happy with this win after such a long wait."')
    mentions = person_mentions(text, {"Ana Ruiz": (r"Ana Ruiz", "person"), "Jo Ade": (r"Jo Ade", "person"),
                                      "Sam Okoro": (r"Sam Okoro", "person"),
                                      "Culture": (r"Culture(?= Secretary)", "organization")})
    rows = quotes(nlp, text, mentions=mentions)
    assert one(rows, "protected from harm")["speaker_name"] == "Ana Ruiz"
    assert one(rows, "very disappointed")["speaker_name"] == "Jo Ade"
    assert one(rows, "very happy")["speaker_name"] == "Sam Okoro"


def test_reportedly_said_and_fined_for_saying(nlp):
    # a hearsay adverb on a cue verb leaves the attribution to the verb; "fined X for saying": X
    text = ('Tomas Okafor reportedly told colleagues that the deal was dead. '
            'The club fined Ana Ruiz for saying that the referee had been bribed by the other side.')
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Tomas Okafor": (r"Tomas Okafor", "person"),
                                                             "Ana Ruiz": (r"Ana Ruiz", "person")}))
    r = one(rows, "the deal was dead")
    assert r["cue"] == "told" and r["speaker_name"] == "Tomas Okafor"
    assert not [r for r in rows if r["cue"] == "reportedly"]
    assert one(rows, "referee had been bribed")["speaker_name"] == "Ana Ruiz"
    # the subject of a passive that is no cue says what the clause after it reports
    rows = quotes(nlp, "Jo Ade was arrested after saying that the president should be removed from office.",
                  mentions=person_mentions("Jo Ade", {"Jo Ade": (r"Jo Ade", "person")}))
    assert one(rows, "president should be removed")["speaker_name"] == "Jo Ade"


def test_called_for_a_passive_clause_and_claimed_to_have(nlp):
    rows = quotes(nlp, "Jo Ade has called for an independent body to be set up to monitor the prisons. "
                       "Ana Ruiz claimed to have seen the driver leave the scene before the police arrived. "
                       "Sam Okoro promised to help the families. Ade was expected to report the incident to the police.")
    assert one(rows, "independent body")["cue"] == "called"
    r = one(rows, "seen the driver")
    assert r["cue"] == "claimed" and r["text"].startswith("to have seen")
    assert not [r for r in rows if r["cue"] == "report"]  # an expectation, not a report


def test_block_quotes_after_a_language_tag_and_a_stance_verb(nlp):
    # Global Voices style: the parser makes "[pt]:" a sentence of its own; a verb whose object is
    # what was said ("backed the strikers") introduces the block, which then has no row of its own
    text = ("Ana Ruiz defended the strikers [pt]:\n\nHow long must they work without pay? They have families "
            "to feed, like all of us. Enough!\n\n"
            "A charity, Lira Aid, welcomed the ruling:\n\n"
            "The court sat for three days, and the hearing ended on Friday afternoon.")
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Ana Ruiz": (r"Ana Ruiz", "person")}))
    r = one(rows, "How long must they")
    assert r["kind"] == "direct" and r["cue"] == "defended" and r["speaker_name"] == "Ana Ruiz"
    assert not [r for r in rows if r["text"] == "the strikers"]
    # a page that dropped the quotation goes on with the story: no voice of its own, no statement
    assert not [r for r in rows if "court sat" in r["text"]]
    # the author's own introduction quotes nobody
    rows = quotes(nlp, "As I wrote last spring in a column, \"Rivers Have No Owners\":\n\n"
                       "This article is part of our series on water.")
    assert not [r for r in rows if "our series" in r["text"]]


def test_a_relative_cue_before_a_quote_and_a_participle_after_it(nlp):
    text = ('The plan has few friends, among them the retired engineer Jo Ade, who declared on his blog, '
            '"At last the council has changed its mind," adding, "We will rebuild the bridge." '
            'Ana Ruiz said, "To my knowledge, no town has ever paid so much for so little", adding, '
            '"For Lirania, this contract is a scandal".')
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Jo Ade": (r"Jo Ade", "person"),
                                                             "Ana Ruiz": (r"Ana Ruiz", "person")}))
    first, second = one(rows, "changed its mind"), one(rows, "rebuild the bridge")
    assert first["cue"] == "declared" and second["cue"] == "adding"
    assert first["speaker_name"] == second["speaker_name"] == "Jo Ade"
    # the comma after the closing mark: two quotations, not one mixed clause over both
    a, b = one(rows, "so much for so little"), one(rows, "contract is a scandal")
    assert a["kind"] == b["kind"] == "direct" and a["speaker_name"] == b["speaker_name"] == "Ana Ruiz"


def test_a_subject_the_parser_lost_and_an_inverted_cue_after_the_clause(nlp):
    text = ("At a meeting in the harbour town, Ana Ruiz, the chair of the dockers' union, rejected "
            "the company's account of the accident, insisting that the crane had failed twice before. "
            "The water level rose to six metres on Tuesday, reported officials, with two villages cut off.")
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Ana Ruiz": (r"Ana Ruiz", "person")}))
    r = one(rows, "crane had failed")
    assert r["cue"] == "insisting" and r["speaker_name"] == "Ana Ruiz" and r["act"] == "statement"
    r = one(rows, "water level rose")
    assert r["cue"] == "reported" and r["speaker_text"] == "officials" and r["text"].endswith("on Tuesday")


def test_a_language_tag_is_no_content_and_descriptions_of_named_bodies(nlp):
    rows = quotes(nlp, "The news site Kito Daily covered the story, adding [fr] that the film was a success. "
                       "The Lira Drone Observatory counts every strike. The observatory said that 40 people were "
                       "killed this year. The Kito Weather Service issued a warning on Monday. The KWS advisory said "
                       "that heavy rain would fall on the coast.")
    assert one(rows, "the film was a success")["text"] == "the film was a success"
    assert not [r for r in rows if r["text"] in ("fr", "[fr]")]
    # "the observatory": the organisation named before whose name ends in the noun (no word list)
    assert one(rows, "40 people were killed")["speaker_name"] == "Lira Drone Observatory"
    # an advisory speaks for its issuer (here its acronym; the actors step merges it with the name)
    assert one(rows, "heavy rain")["speaker_name"] == "KWS"
    # "the Alliance": the earlier organisation whose name holds the word
    rows = quotes(nlp, "The Kenya Alliance for Clean Water tested 63 wells last year. The Alliance warned "
                       "that half of them are unsafe.")
    assert one(rows, "half of them")["speaker_name"] == "Kenya Alliance for Clean Water"


def test_a_tweet_printed_after_a_sentence_that_says_it_was_posted(nlp):
    text = ("The match ended late in the evening.\n\nJo Ade (@joade) posted from the stadium that night.\n\n"
            "Still in my seat, an hour after the final whistle. We sang until we lost our voices. Nobody wants to go home.\n\n"
            "A post by user @kito_bo read [sw]:\n\nWhat a night for the city! I have waited twenty years "
            "for this.\n\n"
            "The club posted on Monday.\n\nThe trophy was shown in the town hall and the players went home.")
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Jo Ade": (r"Jo Ade", "person")}))
    r = one(rows, "We sang until")
    assert r["kind"] == "direct" and r["cue"] == "posted" and r["speaker_name"] == "Jo Ade"
    assert one(rows, "waited twenty years")["speaker_name"] == "@kito_bo"  # the handle the parser left out
    # the page goes on with the story: no voice of its own, no quotation
    assert not [r for r in rows if "town hall" in r["text"]]


def test_went_on_to_say_and_an_advert_for_its_issuer(nlp):
    text = ('Jo Ade said the bridge was finished. She went on to say the tolls would end in June. '
            'A reader sent in an old poster. The leaflet, paid for by the Kito water board, said, '
            '"Clean water is the right of every child. Boil it, and keep it covered."')
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Jo Ade": (r"Jo Ade", "person")}))
    r = one(rows, "tolls would end")
    assert r["act"] == "statement" and r["speaker_name"] == "Jo Ade"
    assert one(rows, "keep it covered")["speaker_name"] == "Kito water board"


def test_a_post_titled_and_a_language_tag_inside_the_introduction(nlp):
    # the parser starts a sentence at "[ru]"; the introduction still reaches back to its speaker,
    # and the quoted column title is a title, not a statement
    text = ('Pavel Orlov, a teacher and frequent writer for the local weekly, wrote a column [ru] '
            'titled, "Enough is enough," where he compared the new school fees to the taxes of 1890, as well as '
            'the famine of 1921:\n\nI will put it plainly -- this is theft. I hope that every parent '
            'sees it now.')
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Pavel Orlov": (r"Pavel Orlov", "person")}))
    r = one(rows, "put it plainly")
    assert r["kind"] == "direct" and r["speaker_name"] == "Pavel Orlov"
    assert not [r for r in rows if "Enough is enough" in r["text"]]


def test_embedded_posts_printed_inline_one_after_another(nlp):
    # a page that flattened its embedded tweets: each introduction with a handle label opens a
    # quotation that runs to the next introduction; a translation under the same handle stays in
    text = ("Fans were furious.\n\nOmar tweeted: @OmarK: The referee should be banned for life. @OmarK: "
            "Ban this referee, he stole the final Lina Sauer wrote: @linas: The club has been robbed of a "
            "trophy and in the end nobody will answer for it Peter Wanjala, Chairman of the Lira Football "
            "Supporters Trust declared: @pwanjala: We will write to the federation. We will take this to court.")
    rows = quotes(nlp, text)
    first, second, third = one(rows, "banned for life"), one(rows, "robbed of a"), one(rows, "take this to court")
    assert "stole the final" in first["text"] and "Lina Sauer" not in first["text"]
    assert second["text"].endswith("answer for it") and second["speaker_name"] == "Lina Sauer"
    assert third["cue"] == "declared" and third["speaker_name"] == "Peter Wanjala"


def test_a_stray_comma_after_the_subject_and_a_belief_that_introduces_a_block(nlp):
    text = ("Before the vote, opposition mayor Jo Ade, had warned of a water shortage with two causes: "
            "old pipes and a dry season.\n\n"
            "Before the budget, Ana Ruiz thought it was doubtful that the council would fund the clinics:\n\n"
            "Who will pay for the nurses? We have asked for years, and we are still asking.")
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Jo Ade": (r"Jo Ade", "person"),
                                                             "Ana Ruiz": (r"Ana Ruiz", "person")}))
    r = one(rows, "water shortage")
    assert r["act"] == "statement" and r["speaker_name"] == "Jo Ade"
    block = one(rows, "Who will pay for")
    assert block["kind"] == "direct" and block["act"] == "statement" and block["speaker_name"] == "Ana Ruiz"
    assert one(rows, "it was doubtful")["act"] == "belief"


def test_a_block_quotation_ends_where_the_page_names_its_speaker_again(nlp):
    # the page ran its story on inside the quotation's paragraph: the quoted rarely name themselves
    text = ("The strike entered its second week. In a post on his blog the next morning, the teacher Oleg Petrov "
            "wrote:\n\nWe will march again on Friday. I will not go back to a classroom "
            "without heating. Petrov's post drew many replies, among them one from the retired engineer Ana Ruiz, "
            "who declared on her blog, \"At last the council has changed its mind,\" adding, \"We will win.\"")
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Oleg Petrov": (r"Oleg Petrov|Petrov", "person"),
                                                             "Ana Ruiz": (r"Ana Ruiz", "person")}))
    block = one(rows, "march again on Friday")
    assert block["text"].endswith("without heating.") and block["speaker_name"] == "Oleg Petrov"
    assert one(rows, "changed its mind")["speaker_name"] == "Ana Ruiz"


def test_a_colon_after_a_cue_whose_content_came_first_introduces_only_a_voice(nlp):
    # "…, Ana Ruiz tweeted:" says its content before the cue; when the page then goes on with the
    # story (a dropped embed), the paragraph after the colon is no quotation
    text = ("The strike went on for a week after the ruling.\n\nThe strike is about fair pay, Ana Ruiz "
            "tweeted:\n\nThe following photo from the march shows the crowd at the harbour on Sunday.\n\n"
            "The strike is about fair pay, Jo Ade tweeted:\n\nWe will be back at the harbour "
            "tomorrow, and we will not leave!")
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Jo Ade": (r"Jo Ade", "person"),
                                                             "Ana Ruiz": (r"Ana Ruiz", "person")}))
    assert not [r for r in rows if "following photo" in r["text"]]
    assert one(rows, "we will not leave")["speaker_name"] == "Jo Ade"
    # the series note that closes the page is the publisher's, whatever introduced it
    text = ("The strike went on for a week after the ruling.\n\nIn a post on her blog, the lawyer Ana Ruiz wrote "
            "about our hopes:\n\nThis article is part of our series on labour.")
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Ana Ruiz": (r"Ana Ruiz", "person")}))
    assert not [r for r in rows if "our series" in r["text"]]


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


# ---------------------------------------------------------------- what each attribution reports
def acts_of(rows):
    return {r["text"]: r["act"] for r in rows}


def test_non_speech_verb_with_an_object_is_no_row(nlp):
    assert quotes(nlp, "The brewery offers thirty beers on tap. The council voted to close the pool.") == []


def test_refusal_without_content_is_other(nlp):
    r = one(quotes(nlp, "The company declined to discuss the case on Friday."), "discuss the case")
    assert r["act"] == "other" and r["cue"] == "declined"


def test_beliefs_wishes_and_intentions(nlp):
    rows = quotes(nlp, "Both parties think they have the public with them. The firm plans to open two "
                       "new stores. Ade hopes the strike will end soon.")
    assert sorted(r["act"] for r in rows) == ["belief", "belief", "belief"]


def test_belief_with_quoted_words_is_a_statement(nlp):
    r = one(quotes(nlp, "Ade wants to speak “directly to the farmers” before the vote."), "directly")
    assert r["kind"] == "mixed" and r["act"] == "statement"


def test_evidential_in_the_articles_voice_is_never_a_statement(nlp):
    r = one(quotes(nlp, "Relations between the two capitals seem to have warmed since the summit."),
            "Relations")
    assert r["act"] == "belief" and r["speaker_text"] is None


def test_description_is_the_person_just_before_not_the_previous_speaker(nlp):
    text = ("“Prices will stay low,” said grocer Lira Kito. Ruiz Okoro left the post of fisheries minister "
            "in June. In a letter to members, the ex-fisheries minister said she had balanced the "
            "accounts every year.")
    mentions = person_mentions(text, {"Lira Kito": (r"Lira Kito", "person"),
                                      "Ruiz Okoro": (r"Ruiz Okoro", "person")})
    r = one(quotes(nlp, text, mentions), "balanced the accounts")
    assert r["speaker_text"] == "the ex-fisheries minister" and r["speaker_name"] == "Ruiz Okoro"


def test_as_clause_reports_the_clause_it_modifies(nlp):
    before = one(quotes(nlp, "As the weather office noted on Tuesday, rainfall in the north has doubled "
                             "since spring."), "rainfall")
    assert (before["text"], before["speaker_text"], before["cue"], before["act"]) == (
        "rainfall in the north has doubled since spring", "the weather office", "noted", "statement")
    after = one(quotes(nlp, "Bus fares will go up in April, as the transport board warned in January."),
                "Bus fares")
    assert (after["text"], after["speaker_text"], after["cue"]) == (
        "Bus fares will go up in April", "the transport board", "warned")
    assert quotes(nlp, "As he said those words, the lights went out.") == []  # temporal "as", with an object


def test_clause_the_parser_hung_on_the_listener(nlp):
    r = one(quotes(nlp, "Keeper Leo Kito told the zoo's nightly television programme it is normal for "
                        "lions to sleep all afternoon."), "lions")
    assert (r["text"], r["speaker_text"], r["cue"], r["act"]) == (
        "it is normal for lions to sleep all afternoon", "Keeper Leo Kito", "told", "statement")
    # a real relative clause on the listener is not what was said
    rows = quotes(nlp, "The minister told reporters who had gathered outside that she would resign.")
    assert [r["text"] for r in rows] == ["she would resign"]


def test_cue_verb_with_a_picture_as_object_is_no_row(nlp):
    rows = quotes(nlp, "The blogger Jo Ade tweeted a photo of the flooded market. The union posted pictures "
                       "from the rally on its website. Ade tweeted that the market would stay closed.")
    assert [r["text"] for r in rows] == ["the market would stay closed"]


def test_belief_coordinated_inside_a_reported_clause_is_part_of_it(nlp):
    rows = quotes(nlp, "Lira Ruiz said on Sunday she trusted the new referee and believed his calls "
                       "were fair.")
    assert [(r["text"], r["act"]) for r in rows] == [
        ("she trusted the new referee and believed his calls were fair", "statement")]


def test_action_verb_with_quoted_words_in_its_object_is_a_statement(nlp):
    rows = quotes(nlp, "The choir invited pupils to sing “a tune from their grandparents” at the spring "
                       "concert.")
    r = one(rows, "tune from their grandparents")
    assert (r["kind"], r["act"], r["cue"]) == ("mixed", "statement", "invited")
    assert quotes(nlp, "The choir invited pupils to the spring concert.") == []


def test_block_after_an_object_with_a_verb_keeps_both_statements(nlp):
    rows = quotes(nlp, "Nurse Lira Okoro urged the hospital board to hire more staff for the night "
                       "shifts:\n\nPatients wait for hours on the wards and the nurses on duty are exhausted.")
    assert [(r["kind"], r["cue"], r["text"]) for r in rows] == [
        ("indirect", "urged", "the hospital board to hire more staff for the night shifts"),
        ("direct", ":", "Patients wait for hours on the wards and the nurses on duty are exhausted.")]
    rows = quotes(nlp, "Nurse Lira Okoro explains the plan:\n\nThe new wing will open in 2031 and will "
                       "hold two hundred beds.")
    assert [(r["kind"], r["cue"]) for r in rows] == [("direct", "explains")]


def test_cue_without_any_source_is_other(nlp):
    r = one(quotes(nlp, "It was announced on Monday that the bridge will close for repairs."), "the bridge")
    assert r["act"] == "other" and r["speaker_text"] is None and r["cue"] == "announced"


def test_surname_the_tagger_read_as_a_verb_is_the_speaker(nlp):
    text = ("Columnist Martin Might has long opposed the toll. Might wrote that the council should scrap it "
            "before the summer. The housing minister Rosa Shall visited the site. Shall said the flats "
            "would be ready by spring.")
    mentions = person_mentions(text, {"Martin Might": (r"Martin Might|Might(?= wrote)", "person"),
                                      "Rosa Shall": (r"Rosa Shall|Shall(?= said)", "person")})
    rows = quotes(nlp, text, mentions)
    wrote, said = one(rows, "scrap it"), one(rows, "the flats")
    assert (wrote["speaker_text"], wrote["speaker_name"], wrote["act"]) == ("Might", "Martin Might", "statement")
    assert (said["speaker_text"], said["speaker_name"], said["act"]) == ("Shall", "Rosa Shall", "statement")


def test_hearsay_adverb_without_speech_is_other(nlp):
    rows = quotes(nlp, "The head of the rowing club reportedly quit after the scandal. Fishermen were "
                       "reportedly mending their nets on the quay before the storm.")
    hearsay = [r for r in rows if r["cue"] == "reportedly"]
    assert len(hearsay) == 2 and {r["act"] for r in hearsay} == {"other"}
    assert all(r["speaker_text"] is None for r in hearsay)


def test_hearsay_adverb_on_quoted_words_stays_a_statement(nlp):
    rows = quotes(nlp, "The captain reportedly told her crew that the voyage was “only just beginning.”")
    assert one(rows, "only just beginning")["act"] == "statement"


def test_study_poll_and_report_findings_are_other(nlp):
    rows = quotes(nlp, "The budget report concluded that spending rose by a tenth. A survey of "
                       "farmers found that most had lost their harvest. Rents doubled in the city "
                       "centre last year, according to the latest census.")
    assert set(acts_of(rows).values()) == {"other"} and len(rows) == 3


def test_a_statement_speaks_for_its_issuer(nlp):
    text = ("The Teachers Union met on Monday. A statement from the Teachers Union said the strike "
            "would go on. The Harbour Authority issued a statement late on Friday. The statement "
            "said the port would reopen.")
    ments = person_mentions(text, {"Teachers Union": (r"Teachers Union", "organization"),
                                   "Harbour Authority": (r"Harbour Authority", "organization")})
    rows = quotes(nlp, text, mentions=ments)
    a, b = one(rows, "strike would go on"), one(rows, "port would reopen")
    assert a["act"] == b["act"] == "statement"
    assert (a["speaker_text"], a["speaker_name"]) == ("A statement", "Teachers Union")
    assert (b["speaker_text"], b["speaker_name"]) == ("The statement", "Harbour Authority")


def test_authors_first_person_is_a_belief_and_you_no_row(nlp):
    rows = quotes(nlp, "I believe the plan will fail. Do you think the council will listen?")
    assert [(r["text"], r["act"]) for r in rows] == [("the plan will fail", "belief")]


def test_reporting_noun_with_an_owner(nlp):
    text = "Ana Ruiz repeated her claim that the count was flawed. Ben Ode rejected the claim that he had lied."
    rows = quotes(nlp, text, mentions=person_mentions(
        text, {"Ana Ruiz": (r"Ana Ruiz", "person"), "Ben Ode": (r"Ben Ode", "person")}))
    r = one(rows, "the count was flawed")
    assert r["cue"] == "claim" and r["speaker_name"] == "Ana Ruiz"
    assert not [x for x in rows if x["cue"] == "claim" and "he had lied" in x["text"]]


def test_speech_act_in_the_perfect_takes_its_object(nlp):
    r = one(quotes(nlp, "Both ministers have confirmed their attendance at the summit."), "attendance")
    assert (r["cue"], r["act"], r["text"]) == ("confirmed", "statement", "their attendance at the summit")


def test_naming_participle_is_no_attribution(nlp):
    rows = quotes(nlp, "She runs a page called “Local News Daily” and a group known as the Ten.")
    assert not [r for r in rows if r["cue"] in ("called", "known")]


def test_quoted_term_governed_by_a_verb_is_no_statement(nlp):
    rows = quotes(nlp, "At its best, “Harbour Run” mixes racing with puzzles. The “tip of the iceberg” "
                       "rises slowly.")
    assert rows == []


def test_naming_passive_and_phrasal_call(nlp):
    rows = quotes(nlp, "This is called a relay race. Called a “summer classic” by its fans, the race "
                       "returns. Two divers were called in to help.")
    assert not [r for r in rows if r["cue"] and r["cue"].lower().startswith("call")]


# ---------------------------------------------------------------- never a row
def test_headings_and_read_more_lists_are_no_rows(nlp):
    text = ("Port Talks Resume In Coastal Town\n\nThe harbour master said the talks would resume on "
            "Monday after a week of strikes.\n\nREAD MORE\n\nFerry firm says fares will rise next month\n\n"
            "Dockers' union says it will keep striking\n\nThe union said its members had not been paid.")
    rows = quotes(nlp, text)
    assert [r["cue"] for r in rows] == ["said", "said"]
    assert all("READ MORE" not in r["text"] and "fares" not in r["text"] for r in rows)


def test_headline_repeated_by_the_story_is_no_row(nlp):
    text = ("Mayor says new bridge will open in May.\n\nThe new bridge over the river will open in May, "
            "the mayor said on Tuesday, two months later than planned.")
    rows = quotes(nlp, text)
    assert [r["paragraph"] for r in rows] == [1]


def test_credits_and_stage_directions_are_no_rows(nlp):
    text = ("“We will not give up on this town,” Ade said.\n\n“(APPLAUSE)”\n\n"
            "“Follow Jo Ade on Twitter for more updates from the campaign trail.”")
    rows = quotes(nlp, text)
    assert [r["text"] for r in rows] == ["We will not give up on this town,"]


def test_reporters_question_is_no_row(nlp):
    rows = quotes(nlp, "Asked what she would tell voters, Ruiz said she would keep fighting for the mill.")
    assert [(r["cue"], r["text"]) for r in rows] == [("said", "she would keep fighting for the mill")]


def test_interviewers_questions_are_no_rows(nlp):
    text = ("Global Report interviewed the founder of a farm school.\n\n"
            "GR: Why did you start the school?\n\nGR: How many pupils do you teach now?\n\n"
            "GR: Thank you. And what comes next for the school?\n\n"
            "ADE: We plan to open a second school in the north next year.")
    rows = quotes(nlp, text)
    assert [(r["speaker_text"], r["cue"]) for r in rows] == [("ADE", ":")]
    assert rows[0]["text"].startswith("We plan to open a second school")


def test_nested_quote_makes_one_row(nlp):
    rows = quotes(nlp, "“My neighbour told me she was leaving the country for good,” Ade said on the radio.")
    assert len(rows) == 1 and rows[0]["cue"] == "said"


def test_second_cue_tied_to_the_content_stays_a_row(nlp):
    rows = quotes(nlp, "The ministry said the clinics would reopen next week and called the strike "
                       "“deeply regrettable”.")
    assert sorted(r["cue"] for r in rows) == ["called", "said"]
    assert one(rows, "clinics")["text"] == "the clinics would reopen next week"


# ---------------------------------------------------------------- layout attributes speech
def test_transcript_labels_inside_quotes(nlp):
    text = ('A partial transcript follows.\n\n"HOST: Let us begin with the budget. It passed last night.\n\n'
            '"MAYOR ADE: We are very pleased with the vote and we thank the council for its work.')
    rows = quotes(nlp, text)
    assert [(r["speaker_text"], r["cue"]) for r in rows] == [("HOST", ":"), ("MAYOR ADE", ":")]
    assert rows[1]["text"].startswith("We are very pleased")


def test_tweet_labels_and_signatures(nlp):
    text = ("Readers answered on social media.\n\n@jo_ade [fr]: The new tram line is the best thing "
            "to happen to this city in years.\n\nThe fares are far too high for students like me.\n\n"
            "@ben_ode.")
    rows = quotes(nlp, text)
    assert [r["speaker_text"] for r in rows] == ["@jo_ade", "@ben_ode"]
    assert rows[0]["text"].startswith("The new tram line") and rows[1]["text"].startswith("The fares")


def test_block_quotation_after_a_colon_paragraph(nlp):
    text = ("The local blog Harbour Notes explains the history:\n\nThe port was built in the last "
            "century by fishermen who wanted a safe place for their boats in winter.")
    rows = quotes(nlp, text)
    r = one(rows, "The port was built")
    assert (r["kind"], r["cue"]) == ("direct", "explains") and "Harbour Notes" in r["speaker_text"]
    assert not [x for x in rows if x["text"] == "the history"]


def test_block_quotation_after_a_statement_of_its_own(nlp):
    text = ("The blog Harbour Notes points out that the port was once the busiest on the coast:\n\nIn the last "
            "century fishermen from six villages landed their catch here every morning before dawn.")
    rows = quotes(nlp, text)
    intro, block = one(rows, "busiest on the coast"), one(rows, "fishermen from six villages")
    assert (intro["cue"], block["cue"], block["kind"]) == ("points out", ":", "direct")
    assert "Harbour Notes" in block["speaker_text"]


def test_block_quotation_after_a_cue_without_content(nlp):
    text = ("Fares rose in May.\n\nActivist Jo Ade wrote on her blog:\n\nWe cannot afford the new tram "
            "line, and the buses are already full every morning.\n\nLira Okoro, a teacher, "
            "tweeted [fr]:\n\nWhy should my pupils pay twice as much as last year?")
    rows = quotes(nlp, text)
    a, b = one(rows, "We cannot afford"), one(rows, "Why should my pupils")
    assert (a["kind"], a["cue"], a["speaker_text"]) == ("direct", "wrote", "Activist Jo Ade")
    assert a["text"].endswith("full every morning.")
    assert (b["kind"], b["cue"], b["speaker_name"]) == ("direct", "tweeted", "Lira Okoro")
    # reported speech without a named speaker inside the quotation is its own words
    r = one(quotes(nlp, "Fares rose in May.\n\nActivist Jo Ade wrote on her blog:\n\nNobody asked the "
                        "students of this city what we need from a tram line."), "Nobody asked")
    assert (r["kind"], r["cue"], r["speaker_text"]) == ("direct", "wrote", "Activist Jo Ade")


def test_block_quotation_after_a_named_stance(nlp):
    text = ("Fares rose in May.\n\nThe blogger Jo Ade [fr] is critical of the new fares:\n\nAs "
            "students we pay more every year, and the trams are no faster than before.")
    r = one(quotes(nlp, text), "As students we pay")
    assert (r["kind"], r["cue"], r["speaker_name"]) == ("direct", ":", "Jo Ade")
    # a stance of people the text does not name introduces nothing
    assert quotes(nlp, "Fares rose in May.\n\nMany students are critical of the new fares:\n\nAs "
                       "students we pay more every year, and the trams are no faster than before.") == []


def test_block_quotation_after_a_handle_and_language_tag_the_parser_breaks(nlp):
    # the bracketed handle and language tag cut the short line apart: the verb has no subject, or
    # the tagger reads it as a noun
    block = "\n\nWhy should we pay twice as much for a tram that is never on time?"
    for intro, cue in (("Jo Ade (@jo_ade) [es] says:", "says"), ("Jo Ade [es] wonders:", ":"),
                       ("Jo Ade (@jo_ade) wonders:", ":"), ("@jo_ade [es] wonders:", ":")):
        text = "Fares rose in May.\n\n" + intro + block
        rows = quotes(nlp, text, mentions=person_mentions(text, {"Jo Ade": (r"Jo Ade", "person")}))
        r = one(rows, "never on time")
        assert (r["kind"], r["cue"]) == ("direct", cue), intro
        assert r["speaker_name"] in ("Jo Ade", "@jo_ade"), intro
    # the parser may take the tag's opening bracket for the subject of a stance
    text = ("The debate went on all week in Lira.\n\n@joade [es] is ironic:\n\nGood morning, are we still "
            "talking about the bridge?")
    r = one(quotes(nlp, text), "still talking")
    assert (r["cue"], r["speaker_name"]) == (":", "@joade")


def test_introduction_glued_to_the_end_of_a_block_quotation(nlp):
    # a page that ran a quoted post (ending in a hashtag and a link) into the next introduction
    text = ("Fares rose in May.\n\nJo Ade notes that the tram is late again:\n\nThe tram was late again "
            "this morning, we waited an hour #lira http://t.co/abc Ben Okoro (@ben_ok) [fr] says:\n\nWe "
            "need a second line through the old town, and soon!")
    rows = quotes(nlp, text)
    a, b = one(rows, "we waited an hour"), one(rows, "second line")
    assert a["text"].endswith("http://t.co/abc") and a["speaker_name"] == "Jo Ade"
    assert (b["cue"], b["speaker_name"]) == ("says", "Ben Okoro")
    # no link, hashtag, handle or full stop before the name: the introduction is its whole sentence
    text = ("Fares rose in May.\n\nJo Ade notes that the tram is late again:\n\nThe tram was late again "
            "this morning and we waited an hour, and the driver Ben Okoro said:\n\nWe need a second line "
            "through the old town, and soon!")
    rows = quotes(nlp, text)
    assert not [r for r in rows if "we waited an hour" in r["text"]]
    assert one(rows, "second line")["cue"] == "said"


def test_no_block_quotation_when_the_page_dropped_it(nlp):
    # the quotation an introduction announced is missing: the next paragraph is the story going
    # on (no voice of its own), or the next introduction
    text = ("Fares rose in May.\n\nActivist Jo Ade wrote on her blog:\n\nThe council voted on the new "
            "fares on Monday and the trams will run every ten minutes from June.")
    assert [r for r in quotes(nlp, text) if "council voted" in r["text"]] == []
    text = ("Fares rose in May.\n\nActivist Jo Ade tweeted:\n\nLira Okoro, a teacher, said that we "
            "should all take the bus instead.")
    r = one(quotes(nlp, text), "take the bus")
    assert (r["speaker_name"], r["cue"], r["kind"]) == ("Lira Okoro", "said", "indirect")
    # a negated cue introduces no statement
    rows = quotes(nlp, "Fares rose in May.\n\nJo Ade did not comment:\n\nWe cannot afford the new tram line at all.")
    assert not [r for r in rows if "We cannot afford" in r["text"]]


def test_a_headline_and_its_deck_in_sentence_case_are_no_rows(nlp):
    text = ("Regulator urges new dam on the river;\nMember of the water board says the floods will only get worse.\n\n"
            "Senator Ana Ruiz said on Monday that the dam would be built within five years, and the water board "
            "agreed that work should start in the spring.")
    rows = quotes(nlp, text)
    assert rows and all(r["start"] > text.index("\n\n") for r in rows)


def test_relative_clause_cue(nlp):
    rows = quotes(nlp, "The town faces raids by armed groups, which the governor alleges are paid by "
                       "smugglers.")
    r = one(rows, "are paid by smugglers")
    assert (r["cue"], r["speaker_text"]) == ("alleges", "the governor")


def test_cue_verbs_outside_the_lexicon_and_postposed_cues(nlp):
    rows = quotes(nlp, "“That is simply not true,” Ade countered.\n\n"
                       "The bridge will close for repairs in May, officials said.")
    assert [(r["cue"], r["speaker_text"]) for r in rows] == [("countered", "Ade"), ("said", "officials")]


# ---------------------------------------------------------------- speakers
def test_surname_and_premodifier_to_the_full_name(nlp):
    text = "Team coach Ana Ruiz said the club would appeal. Later, Ruiz added that the players were tired."
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Ana Ruiz": (r"(?:Ana )?Ruiz", "person")}))
    assert [r["speaker_name"] for r in rows] == ["Ana Ruiz", "Ana Ruiz"]
    assert rows[0]["speaker_text"] == "Team coach Ana Ruiz" and rows[1]["speaker_text"] == "Ruiz"


def test_two_people_of_one_surname(nlp):
    text = ("Senator Ana Ruiz arrived with her father, Luis Ruiz. Luis spoke first. Senator Ruiz said "
            "the bill would pass. Ruiz added that the vote was close.")
    ments = [dict(m, text=text[m["start"]:m["end"]]) for m in person_mentions(text, {
        "Ana Ruiz": (r"Ana Ruiz|(?<=Senator )Ruiz(?= said)|Ruiz(?= added)", "person"),
        "Luis Ruiz": (r"Luis Ruiz|Luis(?= spoke)", "person")})]
    rows = quotes(nlp, text, mentions=ments)
    assert [r["speaker_name"] for r in rows] == ["Ana Ruiz", "Ana Ruiz"]


def test_a_bare_surname_is_not_the_relative_of_two_people_of_one_surname(nlp):
    # the nearest full mention is the husband, but he was introduced as her relative
    text = ("Mayor Ana Ruiz opened the fair on Sunday with her husband, former senator Luis Ruiz. "
            "Ruiz said the town had waited years for it.")
    rows = quotes(nlp, text, mentions=person_mentions(
        text, {"Ana Ruiz": (r"Ana Ruiz", "person"), "Luis Ruiz": (r"Luis Ruiz", "person"),
               "Ruiz": (r"(?<=\. )Ruiz", "person")}))
    assert one(rows, "waited years")["speaker_name"] == "Ana Ruiz"


def test_an_acronym_spelt_like_a_relative_pronoun_is_a_name():
    import pandas as pd

    q = analyzed("The World Health Organization (WHO) met in Lira on Monday. WHO said the outbreak was "
                 "slowing. Doctors, who treated the first cases, said they were tired.")
    rows = q.to_dict("records")
    assert one(rows, "outbreak was slowing")["speaker"] == "World Health Organization"
    assert pd.isna(one(rows, "they were tired")["speaker"])  # a real "who": the doctors, nobody named


def test_pronouns_by_agreement_and_continuity(nlp):
    text = ("Ana Ruiz spoke first. She said the club would appeal. Tom Lee, the captain, agreed. He said "
            "the team was ready.\n\nShe added that the fans had been patient.")
    rows = quotes(nlp, text, mentions=person_mentions(
        text, {"Ana Ruiz": (r"Ana Ruiz", "person"), "Tom Lee": (r"Tom Lee", "person")}))
    assert [(r["speaker_text"], r["speaker_name"]) for r in rows] == [
        ("She", "Ana Ruiz"), ("He", "Tom Lee"), ("She", "Ana Ruiz")]


def test_a_pronoun_skips_the_previous_speaker_whose_first_name_is_the_other_gender(nlp):
    text = ("Tom Okafor, a reporter, said the rally was loud. A teacher, Grace Ade, stood at the back.\n\n"
            "\u201cWe came to listen,\u201d she said.")
    rows = quotes(nlp, text, mentions=person_mentions(
        text, {"Tom Okafor": (r"Tom Okafor", "person"), "Grace Ade": (r"Grace Ade", "person")}))
    assert one(rows, "We came to listen")["speaker_name"] == "Grace Ade"


def test_an_unnamed_person_described_between_takes_the_pronoun_vote(nlp):
    # "herself" stands for "A woman", not for the reporter named before her: Tom keeps no text
    # gender, so "she" skips him as the previous speaker and finds the woman named afterwards
    text = ("\u201cThe vote was close,\u201d wrote Tom Baker in the Lira Times.\n\n"
            "A woman who spoke at the meeting identified herself as a teacher named Ana Kito.\n\n"
            "\u201cHe listens to us,\u201d she said of the mayor.")
    rows = quotes(nlp, text, mentions=person_mentions(
        text, {"Tom Baker": (r"Tom Baker", "person"), "Ana Kito": (r"Ana Kito", "person")}))
    assert one(rows, "He listens to us")["speaker_name"] == "Ana Kito"


def test_appositive_names_the_description(nlp):
    text = "Her brother, Sam Okoro, said the family would appeal."
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Sam Okoro": (r"Sam Okoro", "person")}))
    assert rows[0]["speaker_name"] == "Sam Okoro"


def test_the_subject_after_a_comma_is_no_apposition(nlp):
    text = ("Mayor Ana Ruiz opened the bridge on Monday. At a dinner with Tom Okafor, the mayor said the "
            "roads would be repaired.")
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Ana Ruiz": (r"Ana Ruiz", "person"),
                                                             "Tom Okafor": (r"Tom Okafor", "person")}))
    assert one(rows, "roads would be repaired")["speaker_name"] == "Ana Ruiz"


def test_a_handle_the_tokenizer_cuts_is_the_speaker(nlp):
    text = ("Bloggers answered at once.\n\n@lira-Kito: The new bridge is far too expensive for a town of this size.\n\n"
            "@ana_ruiz: The bridge will pay for itself within ten years.")
    rows = quotes(nlp, text)
    assert [r["speaker_name"] for r in rows] == ["@lira-Kito", "@ana_ruiz"]


def test_it_and_they_for_the_subject_of_the_clause_before(nlp):
    text = ("The Lira Farmers Union met ministers on Monday. It said the new tariff would ruin small growers. "
            "Officials in Kito said the plan was fair, and they said talks would go on.")
    mentions = person_mentions(text, {"Lira Farmers Union": (r"Lira Farmers Union", "organization")})
    rows = quotes(nlp, text, mentions=mentions)
    assert one(rows, "ruin small growers")["speaker_name"] == "Lira Farmers Union"
    assert one(rows, "talks would go on")["speaker_name"] is None  # "officials": nobody named


def test_a_speaker_no_mention_covers_loses_its_title(nlp):
    text = '"We trained every night in the old hall," said Mr Kitobo, who won the title twice.'
    rows = quotes(nlp, text, mentions=[])
    assert rows[0]["speaker_name"] == "Kitobo"


def test_a_title_in_apposition_with_a_name(nlp):
    text = "The Chief Minister of Lira, Ms. Kitobo, has vowed that the new bridge will open in May."
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Kitobo": (r"Kitobo", "person")}))
    assert one(rows, "the new bridge will open")["speaker_name"] == "Kitobo"


def test_a_description_varies_the_subject_of_the_sentence_before(nlp):
    text = ("Ana Ruiz met the fishermen of Kito on Saturday. The opposition candidate said the new quotas would "
            "empty the villages.")
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Ana Ruiz": (r"Ana Ruiz", "person")}))
    assert one(rows, "empty the villages")["speaker_name"] == "Ana Ruiz"


def test_according_to_a_medium_around_a_statement_with_its_own_speaker(nlp):
    text = "According to the Lira Times, the mayor Ana Ruiz said that the bridge would close for a month."
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Ana Ruiz": (r"Ana Ruiz", "person")}))
    assert [(r["cue"], r["speaker_name"]) for r in rows] == [("said", "Ana Ruiz")]


def test_the_person_named_in_the_reporters_question_does_not_answer(nlp):
    text = ('Tom Lee praised the coach on Sunday. Asked if Sam Okoro would stay at the club, he replied: '
            '"We have not spoken about the contract yet."')
    mentions = person_mentions(text, {"Tom Lee": (r"Tom Lee", "person"), "Sam Okoro": (r"Sam Okoro", "person")})
    rows = quotes(nlp, text, mentions=mentions)
    assert one(rows, "not spoken about the contract")["speaker_name"] == "Tom Lee"


def test_a_negated_cue_or_a_failure_to_speak_is_no_statement(nlp):
    text = ("Kito Holdings did not disclose that its chief executive had sold shares. The firm also failed to "
            "disclose payments to a consultant. Its chairman said that the board would review the accounts.")
    rows = quotes(nlp, text)
    acts = {r["cue"]: r["act"] for r in rows}
    assert acts.get("disclose") == "other" and acts.get("said") == "statement"
    assert all(r["act"] == "other" for r in rows if r["cue"] == "disclose")


def test_a_verb_joined_by_or_to_a_negated_cue_is_negated_too(nlp):
    text = ("The mayor did not confirm or deny that the bridge would close. Her deputy said that the roads "
            "would be repaired.")
    acts = {r["cue"]: r["act"] for r in quotes(nlp, text)}
    assert acts.get("deny") == "other" and acts.get("said") == "statement"


def test_narrow_frames_of_the_reporting_rules(nlp):
    # an "as" clause of a verb that is no verb of reporting is a time clause
    rows = quotes(nlp, "As she testified on Friday, the committee chair left the hall.")
    assert not [r for r in rows if r["act"] == "statement"]
    # a relative clause on a thing, not on a listener, is no content
    rows = quotes(nlp, "The mayor denied the charges she faced in the Kito court.")
    assert all(r["text"] != "she faced in the Kito court" for r in rows)
    # a picture is a thing shown only for a verb of posting: condemning it says something
    acts = {r["cue"]: r["act"] for r in quotes(nlp, "The minister condemned the video as a fake.")}
    assert acts.get("condemned") == "statement"
    acts = {r["cue"]: r["act"] for r in quotes(nlp, "Ade tweeted a photo of the flooded market in Lira.")}
    assert "tweeted" not in acts


def test_a_continuing_cue_keeps_the_last_speaker_over_the_sentence_before(nlp):
    text = ("\u201cWe will win the seat,\u201d said Jo Ade. Sam Okoro met the students at the gate. "
            "The senator added that the campaign would visit every village.")
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Jo Ade": (r"Jo Ade", "person"),
                                                             "Sam Okoro": (r"Sam Okoro", "person")}))
    assert one(rows, "every village")["speaker_name"] == "Jo Ade"


def test_a_qualified_office_is_not_the_office(nlp):
    # "the president" is the person titled President, not the Vice President or the President-elect
    text = ("Vice President Ana Ruiz met President-elect Sam Okoro and President Tom Lee in Kito. Ruiz praised "
            "the talks. The president said the treaty would be signed in May. The vice president said the "
            "vote would come later.")
    names = {"Ana Ruiz": (r"(?:Ana )?Ruiz", "person"), "Sam Okoro": (r"Sam Okoro", "person"),
             "Tom Lee": (r"Tom Lee", "person")}
    ments = person_mentions(text, names)
    for m in ments:
        m["title"] = {"Ana Ruiz": "Vice President", "Sam Okoro": "President-elect", "Tom Lee": "President"}[m["name"]] \
            if m["start"] < 80 else None
    rows = quotes(nlp, text, mentions=ments)
    assert one(rows, "treaty would be signed")["speaker_name"] == "Tom Lee"
    assert one(rows, "vote would come later")["speaker_name"] == "Ana Ruiz"


def test_he_prefers_a_person_the_text_calls_male_over_one_of_no_known_gender(nlp):
    text = ("Mr Tom Lee opened the meeting in Lira. A clerk brought Tom Lee's files, and Kim Sato signed them.\n\n"
            "He said the deal was done.")
    mentions = person_mentions(text, {"Tom Lee": (r"Tom Lee", "person"), "Kim Sato": (r"Kim Sato", "person")})
    for m in mentions:
        if m["name"] == "Tom Lee":
            m["title"] = "Mr"
    rows = quotes(nlp, text, mentions=mentions)
    assert one(rows, "the deal was done")["speaker_name"] == "Tom Lee"


def test_a_body_its_name_premodifies_without_an_article(nlp):
    text = "Lira police said the driver had fled before officers arrived."
    rows = quotes(nlp, text)
    assert one(rows, "the driver had fled")["speaker_name"] == "Lira police"


def test_an_interviewers_statement_before_the_question_and_initials_as_labels(nlp):
    text = ("Our correspondent Jo Ade (JA) spoke to the farmer Kito Okafor (KO).\n\n"
            "JA: Your farm has doubled its harvest in three years. How did you do it?\n\n"
            "KO: We changed the seeds and dug new wells.\n\n"
            "JA: What comes next?\n\n"
            "KO: A cooperative with our neighbours.")
    mentions = person_mentions(text, {"Jo Ade": (r"Jo Ade", "person"), "Kito Okafor": (r"Kito Okafor", "person")})
    rows = quotes(nlp, text, mentions=mentions)
    assert one(rows, "doubled its harvest")["text"] == "Your farm has doubled its harvest in three years."
    assert one(rows, "doubled its harvest")["speaker_name"] == "Jo Ade"
    assert not [r for r in rows if "What comes next" in r["text"] or "How did you" in r["text"]]
    assert one(rows, "changed the seeds")["speaker_name"] == "Kito Okafor"


def test_relative_who_names_its_antecedent(nlp):
    text = "“The strike will go on,” Ana Ruiz, who leads the union, said."
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Ana Ruiz": (r"Ana Ruiz", "person")}))
    assert rows[0]["speaker_name"] == "Ana Ruiz"


def test_a_place_as_location_is_never_the_speaker(nlp):
    text = "In Lima, officials said the talks had failed. Lima rejects the claim."
    rows = quotes(nlp, text, mentions=person_mentions(text, {"Lima": (r"Lima", "place")}))
    r = one(rows, "the talks had failed")
    assert r["speaker_text"] == "officials" and r["speaker_name"] is None
    assert one(rows, "the claim")["speaker_name"] == "Lima"  # a capital as a government speaks


def test_unresolved_pronoun_has_no_name(nlp):
    rows = quotes(nlp, "“We will be back next year,” they said.")
    assert rows[0]["speaker_text"] == "they" and rows[0]["speaker_name"] is None


def test_joint_speakers(nlp):
    text = "Ana Ruiz and Tom Lee said the club would appeal."
    rows = quotes(nlp, text, mentions=person_mentions(
        text, {"Ana Ruiz": (r"Ana Ruiz", "person"), "Tom Lee": (r"Tom Lee", "person")}))
    assert rows[0]["speaker_name"] == "Ana Ruiz and Tom Lee"


# ---------------------------------------------------------------- corpus tables
@pytest.fixture(scope="module")
def small_corpus():
    import pandas as pd

    import toolkit as tk

    arts = pd.DataFrame({"article_id": ["a1", "a2"], "text": [
        "Ana Ruiz, the mayor of Porto Alto, met the press on Monday. “The bridge will open in May,” Ruiz "
        "said. She thinks the council will back the plan. The council declined to comment.",
        "The survey found that most residents want the bridge. Tom Lee said the works were late. "
        "“We lost two months,” he said.",
    ]})
    return tk.analyze(arts, topics=False, progress=False)


def test_quotes_are_the_statements_of_attributions(small_corpus):
    from toolkit.schema import columns

    att, q = small_corpus.attributions, small_corpus.quotes
    assert list(att.columns) == columns("attributions") and list(q.columns) == columns("quotes")
    assert set(att["act"]) == {"statement", "belief", "other"}
    statements = att[att["act"] == "statement"][columns("quotes")].reset_index(drop=True)
    assert statements.equals(q.reset_index(drop=True))
    assert att["quote_id"].is_unique


def test_speaker_is_the_actor_or_na(small_corpus):
    q = small_corpus.quotes
    bridge = q[q["text"].str.contains("The bridge will open")].iloc[0]
    assert bridge["speaker"] == "Ana Ruiz" and bridge["speaker_text"] == "Ruiz"
    lost = q[q["text"].str.contains("We lost two months")].iloc[0]
    assert lost["speaker"] == "Tom Lee" and lost["speaker_text"] == "he"
    assert not q["speaker"].isin(["he", "she", "they", "it", "who", "that"]).any()


def test_voices_count_statements(small_corpus):
    import toolkit as tk

    v = tk.voices(small_corpus).set_index("name")
    assert v.loc["Ana Ruiz", "n_quotes"] == 1 and v.loc["Tom Lee", "n_quotes"] == 2


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


MARKS = "\"'“”‘’«»„‚‹›`"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(list(MARKS) + ["''", "``", " ", "\n", "\n\n", ",", ".", ":", "—", "?", "said",
                                               " Ade ", "We win", "he said, ", "according to", "😀", "x"]),
                max_size=60))
def test_property_random_quote_mark_strings(nlp, pieces):
    """No / only / unbalanced / mixed quote marks: never an exception, offsets index the text exactly."""
    doc = nlp("".join(pieces))
    check_rows(doc, extract_quotes(doc))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=MARKS + "ab \n.,", max_size=400))
def test_property_scanner_runs_are_inside_the_text(text):
    for start, end, open_start, close_end, _chain, _double in scan_quote_marks(text):
        assert 0 <= open_start < start < end <= len(text)
        assert close_end is None or end < close_end <= len(text)
        assert text[start:end] == text[start:end].strip() and text[start:end]


def test_a_2_mb_article(nlp):
    paragraph = ("“The port will reopen on Monday and all the ferries will sail again,” the harbour master "
                 "said, adding that ‘most’ ships had "
                 "left. Officials said the \"backlog\" was cleared. She said: “We are ready.\n\n")
    text = paragraph * (2_000_000 // len(paragraph))
    assert len(text) > 1_900_000
    doc = nlp.tokenizer(text)  # the tokenizer only: the pipeline parses a 2 MB text in segments
    rows = extract_quotes(doc)
    assert len(rows) >= text.count("The port will reopen")
    for r in rows[:200] + rows[-200:]:
        assert text[r["start"]:r["end"]] == r["text"]


def test_many_quote_marks_in_a_long_doc(nlp):
    doc = nlp.make_doc(("“Quote number one,” he said. “" * 2 + "odd ” \" ' ") * 4000)
    rows = extract_quotes(doc)
    text = doc.text  # (built afresh on every access)
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]


# ---------------------------------------------------------------- the statement gold set
GOLD = Path(__file__).resolve().parent / "gold" / "quotes_gold.jsonl"
# Floors a few points under the figures reached (benchmarks/bench_quotes.py prints them); dev and
# validation side by side: validation is only scored, never read for errors.
FLOORS = {
    "dev": {"F1.len": 78.0, "F1.str": 74.0, "spk%": 88.0, "name%": 72.0, "act%": 92.0},
    "validation": {"F1.len": 70.0, "F1.str": 63.0, "spk%": 88.0, "name%": 68.0, "act%": 92.0},
}
GOLD_KEYS = ["act", "cue_end", "cue_start", "end", "group", "kind", "speaker", "speaker_end", "speaker_start",
             "speaker_type", "start"]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_quotes", Path(__file__).resolve().parents[1]
                                                  / "benchmarks" / "bench_quotes.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def statement_gold(data_root):
    return _bench().load_statement_gold(data_root)  # texts from the sample and PolNeAR, SHA-1 checked


def check_gold_spans(a, text):
    """One gold attribution: a known act and kind, content, speaker and cue spans inside the text."""
    assert a["act"] in ("statement", "belief", "other") and a["kind"] in ("direct", "mixed", "indirect")
    assert 0 <= a["start"] < a["end"] <= len(text)
    for k in ("speaker", "cue"):
        s, e = a[f"{k}_start"], a[f"{k}_end"]
        assert (s is None) == (e is None) and (s is None or 0 <= s < e <= len(text))


def test_statement_gold_file_is_well_formed(statement_gold):
    docs = [g["doc"] for g in statement_gold]
    assert docs == sorted(docs) and len(set(docs)) == len(docs) == 48
    assert {g["split"] for g in statement_gold} == {"dev", "validation"}
    assert sum(g["split"] == "dev" for g in statement_gold) == 30
    for g in statement_gold:
        text = g["text"]
        for a in g["attributions"]:
            sample = g["doc"].startswith("sample:")
            assert sorted(set(a) - {"text", "cue", "speaker_text"}) == GOLD_KEYS, g["doc"]
            assert sample or not {"text", "cue", "speaker_text"} & set(a), "PolNeAR rows hold offsets only"
            assert not sample or text[a["start"]:a["end"]] == a["text"], (g["doc"], a["start"])
            check_gold_spans(a, text)


STATEMENT_SETS = ("quotes_gold.jsonl", "quotes_dev2.jsonl", "quotes_dev3.jsonl", "quotes_dev4.jsonl",
                  "quotes_dev5.jsonl", "quotes_dev6.jsonl")


@pytest.mark.parametrize("name,split,n", [("quotes_dev2.jsonl", "dev2", 27), ("quotes_dev3.jsonl", "dev3", 20),
                                          ("quotes_dev6.jsonl", "dev6", 20)])
def test_statement_development_sets_hold_offsets_into_the_shared_data(data_root, name, split, n):
    rows = _bench().load_statement_gold(data_root, GOLD.parent / name)  # SHA-1 of each text checked
    assert [g["doc"] for g in rows] == sorted({g["doc"] for g in rows}) and len(rows) == n
    others = {g["doc"] for other in STATEMENT_SETS if other != name
              for g in _bench().load_statement_gold(data_root, GOLD.parent / other)}
    assert not others & {g["doc"] for g in rows}, "every set holds articles no other set has"
    for g in rows:
        assert g["split"] == split and g["doc"].split(":")[0] in ("bbc", "polnear")
        assert not g["doc"].startswith("polnear:dev/"), "the dev split's articles are the gold's"
        for a in g["attributions"]:
            assert sorted(a) == GOLD_KEYS, g["doc"]  # offsets only: BBC and PolNeAR may not be copied
            check_gold_spans(a, g["text"])


@pytest.mark.parametrize("split,n", [("dev4", 20), ("dev5", 16)])
def test_statement_development_sets_4_and_5_hold_sample_articles_no_other_set_has(data_root, split, n):
    rows = _bench().load_statement_gold(data_root, GOLD.parent / f"quotes_{split}.jsonl")  # SHA-1 checked
    assert [g["doc"] for g in rows] == sorted({g["doc"] for g in rows}) and len(rows) == n
    others = {g["doc"] for name in sorted(set(STATEMENT_SETS) - {f"quotes_{split}.jsonl"})
              for g in _bench().load_statement_gold(data_root, GOLD.parent / name)}
    assert not others & {g["doc"] for g in rows}
    for g in rows:
        assert g["split"] == split and g["doc"].startswith("sample:")
        for a in g["attributions"]:
            assert sorted(a) == sorted(GOLD_KEYS + ["cue", "speaker_text", "text"]), g["doc"]
            check_gold_spans(a, g["text"])
            # CC BY sample texts: the strings are kept so that the offsets can be re-anchored
            assert g["text"][a["start"]:a["end"]] == a["text"]
            assert a["speaker_text"] == (None if a["speaker_start"] is None
                                         else g["text"][a["speaker_start"]:a["speaker_end"]])
            assert a["cue"] == (None if a["cue_start"] is None else g["text"][a["cue_start"]:a["cue_end"]])


@pytest.fixture(scope="module")
def gold_figures(statement_gold):
    bench = _bench()
    docs, _ = bench.parse([g["text"] for g in statement_gold], "statement_gold", None)
    atts, quotes, _ = bench.analyse(docs, [g["doc"] for g in statement_gold])
    out = {}
    for split in ("dev", "validation"):
        idx = [i for i, g in enumerate(statement_gold) if g["split"] == split]
        out[split] = bench.score_statements([statement_gold[i] for i in idx], [quotes[i] for i in idx],
                                            [atts[i] for i in idx])
    return out


@pytest.mark.parametrize("split", ["dev", "validation"])
def test_statement_gold_figures_stay_above_their_floors(gold_figures, split):
    got = gold_figures[split]
    low = {k: round(got[k], 1) for k, floor in FLOORS[split].items() if got[k] < floor}
    assert not low, f"{split}: {low} under the floors {FLOORS[split]}"


def test_object_of_a_speech_act_keeps_what_the_parser_hung_on_the_verb(nlp):
    # a phrase or infinitive right after the object, a second object joined by "and"
    r = one(quotes(nlp, "The drummer thanked his neighbours \"for putting up with the noise every night\"."),
            "neighbours")
    assert r["kind"] == "mixed" and r["text"].endswith("every night\"")
    r = one(quotes(nlp, "The harbour board announced a new levy to fund the repair of the pier."), "levy")
    assert r["text"] == "a new levy to fund the repair of the pier"
    r = one(quotes(nlp, "The clinic reported a 70% uptake in the north, and the first outbreak in the south."),
            "uptake")
    assert r["text"] == "a 70% uptake in the north, and the first outbreak in the south"
    r = one(quotes(nlp, "Instead, Okoro called for tenants to withhold their rent until the lift works."),
            "tenants")
    assert r["text"] == "for tenants to withhold their rent until the lift works"


def test_quote_in_a_nested_cue_belongs_to_the_nearer_cue(nlp):
    rows = quotes(nlp, "The union announced that from May, \"all night buses will stop at midnight\", and "
                       "called the cut \"a scandal\", while the mayor, in a radio interview, called it "
                       "\"regrettable\".")
    assert one(rows, "the cut")["text"] == "the cut \"a scandal\""
    assert one(rows, "regrettable")["text"] == "it \"regrettable\""
    rows = quotes(nlp, "Instead, Ade called for voters to back Lira Okoro, whom she described as owning "
                       "\"a fighter's heart and a banker's head.\"")
    r = next(r for r in rows if r["cue"] == "described")
    assert r["kind"] == "mixed" and r["text"].endswith("banker's head.\"")


def test_verbs_of_ruling_exhorting_instructing_and_pointing_report(nlp):
    r = one(quotes(nlp, "The appeals panel ruled that the county's maps break the voting law."), "maps")
    assert (r["cue"], r["act"], r["kind"]) == ("ruled", "statement", "indirect")
    r = one(quotes(nlp, "The coach exhorted his players to \"run until your legs give out\" in the final."), "legs")
    assert (r["cue"], r["kind"]) == ("exhorted", "mixed")
    r = one(quotes(nlp, "The memo instructs managers to report every leak within a day."), "managers")
    assert r["cue"] == "instructs" and r["speaker_text"] == "The memo"
    r = one(quotes(nlp, "The senator criticised the budget, pointing to a sharp rise in rents across the city."),
            "sharp rise")
    assert r["cue"] == "pointing" and r["speaker_text"] == "The senator"


def test_passive_speech_act_with_its_agent_reports_its_subject(nlp):
    r = one(quotes(nlp, "New night fares were announced by the rail board on Friday."), "fares")
    assert (r["text"], r["speaker_text"], r["cue"], r["act"]) == (
        "New night fares", "the rail board", "announced", "statement")
    # no agent, nobody who says it
    assert all(r["speaker_text"] is None for r in quotes(nlp, "New night fares were announced on Friday."))


def test_verbs_of_deeming_and_pronouncing_take_their_content(nlp):
    r = one(quotes(nlp, "The watchdog deemed the bank's fee claims misleading."), "fee claims")
    assert (r["cue"], r["speaker_text"], r["act"]) == ("deemed", "The watchdog", "statement")
    r = one(quotes(nlp, "The judge pronounced that the contract was void."), "contract")
    assert (r["cue"], r["speaker_text"]) == ("pronounced", "The judge")


def test_quoted_as_saying_gives_the_one_quoted(nlp):
    rows = quotes(nlp, "The Lira Times quoted Jo Ade, a former harbour master, as saying \"the pier will not "
                       "survive another storm\".")
    r = one(rows, "the pier")
    assert (r["speaker_text"], r["speaker_name"], r["cue"]) == ("Jo Ade", "Jo Ade", "saying")


def test_handle_label_after_a_cue_is_a_direct_quote_of_the_paragraph(nlp):
    rows = quotes(nlp, "Lira councillor Jo Ade tweeted: @jo_ade: Polls close at six tonight. Go and vote early, "
                       "everyone!\n\nTurnout was high.")
    r = one(rows, "Polls close")
    assert (r["kind"], r["text"], r["speaker_text"], r["cue"]) == (
        "direct", "Polls close at six tonight. Go and vote early, everyone!", "Lira councillor Jo Ade", "tweeted")


def test_reporting_noun_with_a_possessor_takes_its_infinitive(nlp):
    rows = quotes(nlp, "Fares rose in May.\n\nDespite the mayor's call to scrap the tax, it stays.")
    r = one(rows, "scrap")
    assert (r["text"], r["cue"], r["act"]) == ("to scrap the tax", "call", "statement")
    assert r["speaker_text"].startswith("the mayor")
    # no possessor, nobody who says it
    assert quotes(nlp, "Fares rose in May.\n\nDespite a call to scrap the tax, it stays.") == []


def test_clauses_the_parser_hung_side_by_side_on_the_cue_are_one_statement(nlp):
    rows = quotes(nlp, "Fares rose in May.\n\nBut Ade said Lira has \"great respect\" for the staff and her harsh "
                       "remark was instead a sign of anger with the board.")
    r = one(rows, "great respect")
    assert r["kind"] == "mixed" and r["text"].endswith("a sign of anger with the board")
    rows = quotes(nlp, "Fares rose in May.\n\nAt a briefing, the engineer stated the dam is far too old to know if "
                       "it has moved, and there is \"no cause for alarm\" yet in the valley.")
    r = next(r for r in rows if r["cue"] == "stated")
    assert r["kind"] == "mixed" and "no cause for alarm" in r["text"]


# ---------------------------------------------------------------- narrowed quotes4 rules (made-up sentences)
def analyzed(text):
    """The attributions of a one-article corpus (tk.analyze), as the notebook sees them."""
    import pandas as pd

    import toolkit as tk

    corpus = tk.analyze(pd.DataFrame({"article_id": ["a1"], "text": [text]}), topics=False, progress=False)
    return corpus.attributions


def test_a_joined_clause_with_its_own_reporting_subject_is_not_the_first_speakers():
    att = analyzed("The mayor said the road will reopen, and fans called the delay \"a joke\". Okoro said the "
                   "talks went well, and the unions welcomed the \"first real offer\". The coach said the team is "
                   "ready, and the fans want \"a win at last\".")
    said = att[att["cue"] == "said"]
    assert len(said) == 3 and not said["text"].str.contains("joke|offer|win at last").any()
    # the other speakers' rows are back
    for cue, who, fragment in [("called", "fans", "a joke"), ("welcomed", "the unions", "first real offer"),
                               ("want", "the fans", "a win at last")]:
        r = att[att["cue"] == cue]
        assert len(r) == 1 and r.iloc[0]["speaker_text"] == who and fragment in r.iloc[0]["text"], (cue, att)
    # the speaker's own "there is …" still joins
    att = analyzed("The engineer said the dam is old, and there is \"no cause for alarm\" yet.")
    assert "no cause for alarm" in att[att["cue"] == "said"].iloc[0]["text"]


def test_the_agent_of_an_ordinary_passive_says_nothing():
    att = analyzed("The suspect was questioned by police for three hours. The batsman was dismissed by Jo Okoro "
                   "for 12. The driver was cited by police. The town was attacked by rebels. The photo was posted "
                   "by a fan. The striker was thanked by the crowd. The budget was rejected by parliament. The plan "
                   "was backed by 40 senators. The bill was supported by most farmers. The festival was planned by "
                   "a team of volunteers.")
    assert att.empty, att[["speaker_text", "cue", "text"]]
    att = analyzed("New night fares were announced by the rail board on Friday.")
    assert list(att["speaker_text"]) == ["the rail board"]


def test_physical_pointing_is_no_statement():
    att = analyzed("The police pointed their guns at the crowd. The striker pointed to the sky after scoring. "
                   "The guide pointed to a cave on the hillside.")
    assert att.empty, att[["speaker_text", "cue", "text"]]
    att = analyzed("The senator criticised the budget, pointing to a sharp rise in rents.")
    assert "pointing" in set(att["cue"])


def test_a_purchase_or_price_of_a_possessor_is_no_statement():
    att = analyzed("The airline's order of 20 new jets was delayed. The firm's charge of $5 per bag angered "
                   "travellers.")
    assert att.empty, att[["speaker_text", "cue", "text"]]


def test_pronounce_and_instruct_in_their_other_senses_are_no_rows():
    att = analyzed("She cannot pronounce his name. The victim was pronounced dead by paramedics. The coach "
                   "instructs children in swimming on weekends.")
    assert att.empty, att[["speaker_text", "cue", "text"]]
    att = analyzed("The memo instructs managers to report every leak within a day.")
    assert list(att["cue"]) == ["instructs"]


def test_reading_something_as_saying_gives_it_no_voice():
    att = analyzed("Analysts read the result as saying voters want change.")
    assert not (att["cue"] == "saying").any() and "the result" not in set(att["speaker_text"])


def test_an_object_keeps_the_phrase_after_it_time_included():
    # statement annotators keep the time phrase in the content
    att = analyzed("The chief thanked the crew for their help on Tuesday.")
    assert list(att["text"]) == ["the crew for their help on Tuesday"]
    att = analyzed("The drummer thanked his neighbours \"for putting up with the noise throughout the years\".")
    assert att.iloc[0]["text"].endswith("the years\"")


def test_a_lead_that_describes_before_it_names_gives_the_person_named_next():
    # delayed identification: the lead describes, the next sentence names
    att = analyzed("Harbour levy row\n\nA former deputy mayor has called for an audit of the harbour levy.\n\n"
                   "Tomas Wendt said the fees had doubled in two years. He wants the council to publish them.")
    first = att[att["cue"] == "called"]
    assert len(first) == 1 and first.iloc[0]["speaker"] == "Tomas Wendt", att
    att = analyzed("Ferry timetable cut\n\nA new timetable for the island ferries was announced by the transport "
                   "minister.\n\nIlse Marand said fewer crossings would run in winter.")
    assert att[att["cue"] == "announced"].iloc[0]["speaker"] == "Ilse Marand", att
    # not past the lead, nor once someone has been named
    att = analyzed("Ferry timetable cut\n\nIlse Marand spoke first. A ferry captain said the crossings were "
                   "too few.\n\nTomas Wendt said the fees had doubled.")
    import pandas as pd

    assert pd.isna(att[att["cue"] == "said"].iloc[0]["speaker"]), att


def test_a_pronoun_prefers_the_subject_of_the_sentence_just_before():
    att = analyzed("Marek Santos took the floor after the break. \"The tender was fair,\" Santos said.\n\n"
                   "The chairman, Viktor Haldane, then read the auditors' letter aloud. Haldane turned to the "
                   "press bench.\n\nHe said: \"We will publish every contract.\"")
    row = att[att["text"].str.contains("publish every contract")]
    assert len(row) == 1 and row.iloc[0]["speaker"] == "Viktor Haldane", att


def test_a_post_kept_as_markup_is_its_authors_direct_quotation():
    text = ("Candidates reacted on Tuesday to the flood in Port Ellis. Senator Nadia Frostad urged help:\n\n"
            '<tweet author="SenNadiaFrostad" timestamp="1449075600" tweet_id="1">Our hearts are with Port Ellis '
            'tonight. Send the boats now. -NF https://t.co/abc123</tweet>.\n\n'
            '<tweet pic="" author="GovOwenMarlowNV" tweet_id="2">Praying for every family in the valley.</tweet>.\n\n'
            '<tweet id="3" author="@x7k9q" datetime="2015-12-02">Water still rising on Dock Street</tweet>.\n\n'
            '<tweet tweet-author="@harbourwatch" tweet-date="May 2, 2016">Dock Street closed until Friday<tweet/>.')
    att = analyzed(text)
    posts = att[att["cue"] == "tweet"].sort_values("start")
    assert list(posts["text"]) == ["Our hearts are with Port Ellis tonight. Send the boats now.",
                                   "Praying for every family in the valley.", "Water still rising on Dock Street",
                                   "Dock Street closed until Friday"]
    assert (posts["kind"] == "direct").all() and (posts["act"] == "statement").all()
    # the article's person the handle spells, a camel-case name of the name list, else the handle
    assert list(posts["speaker"]) == ["Nadia Frostad", "Owen Marlow", "@x7k9q", "@harbourwatch"], posts
    # nothing from the markup itself
    assert not att["text"].str.contains("author=|tweet_id").any(), att


def test_a_pronoun_never_names_the_person_its_own_statement_is_about():
    att = analyzed("Ivan Vale has run the port badly, opposition leader Tomas Brekke said on Monday.\n\n"
                   "Vale has failed to fix the cranes, he claimed, saying he has the wrong plan for the docks.")
    rows = att[att["cue"].isin(["claimed", "saying"])]
    assert len(rows) == 2 and set(rows["speaker"]) == {"Tomas Brekke"}, att
    # but the subject inside another speaker's content can be the one who speaks in it
    att = analyzed("Retired judge Karl Ostby said Ivan Vale was right when he said the cranes were unsafe.")
    assert att.loc[att["text"].str.startswith("the cranes"), "speaker"].tolist() == ["Ivan Vale"], att


def test_a_description_after_a_fragment_takes_the_subject_before_it():
    att = analyzed("Mara Lindqvist has one answer for the ferry plan: No.\n\n"
                   "The opposition leader rejected the timetable on Tuesday, calling it \"a fantasy.\"")
    assert att.loc[att["cue"] == "rejected", "speaker"].tolist() == ["Mara Lindqvist"], att


def test_a_floating_quote_continues_the_outer_speaker_not_a_clause_inside_her_statement():
    att = analyzed("Farmers by nature wanted the valley to stay green and quiet, Ms Karin Holt said. "
                   "\"Our part in the water board is what keeps it so.\"")
    row = att[att["text"].str.startswith("Our part")]
    assert len(row) == 1 and row.iloc[0]["speaker"] == "Karin Holt", att


def test_a_cue_before_an_organisations_person_names_the_person():
    att = analyzed('"The levy had been an issue for years," says Nordstern Bank\'s Simon Tarrant.')
    assert att["speaker"].tolist() == ["Simon Tarrant"], att


def test_a_description_of_no_word_list_with_a_cue_that_goes_on_is_the_last_speaker():
    att = analyzed('"I felt at home on the clay from the first day," said Ilse Marand after her win.\n\n'
                   'The qualifier added: "The crowd carried me through the third set."')
    row = att[att["text"].str.startswith("The crowd")]
    assert row["speaker"].tolist() == ["Ilse Marand"], att


def test_a_clause_around_a_quotation_before_a_postposed_cue_is_one_mixed_statement():
    text = ('By spring the ferry plan was "dead in the water," Ilse Marand said on Monday.\n\n'
            '"We will try again next year," she added.')
    att = analyzed(text)
    first = att[att["cue"] == "said"].iloc[0]
    assert first["kind"] == "mixed" and first["text"] == 'By spring the ferry plan was "dead in the water,"', att
    second = att[att["cue"] == "added"].iloc[0]
    assert second["kind"] == "direct" and second["text"] == "We will try again next year,", att
    # quoted fragments inside the clause belong to it
    att = analyzed('The council met at noon. Despite this "cheap trick," the harbour bill stood "no chance of '
                   'passing before the vote," Ilse Marand said.')
    row = att[att["cue"] == "said"].iloc[0]
    assert row["kind"] == "mixed" and row["text"].startswith('Despite this "cheap trick,"'), att


def test_a_sentence_case_headline_in_the_present_tense_gives_no_row():
    head = "Marand blasts boards over 'absurd' ferry charges."
    att = analyzed(head + "\n\nMayor Ilse Marand on Monday blasted the harbour board over what she called an "
                   "absurd charge, saying ferry fares would double.\n\nThe harbour board said the plan would cut "
                   "costs.")
    assert not (att["start"] < len(head)).any(), att
    assert (att["cue"] == "saying").any() and (att["cue"] == "said").any()
    # a lead in the past tense is the story, not its headline
    att = analyzed("Mayor Ilse Marand said on Monday the harbour plan would double ferry costs.\n\n"
                   "The harbour board said the plan would cut costs.")
    assert (att["start"] < 40).any(), att
