"""actors.gender: the gender the text gives each person, on made-up articles (never gold text)."""
from __future__ import annotations

import re

import pandas as pd
import pytest

import toolkit as tk
from toolkit.actors.gender import (decide, described_people, first_name_gender, lone_first_name_gender,
                                   pronoun_votes, read_genders, title_votes)


def analysed(*texts, **kw):
    arts = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": list(texts)})
    return tk.analyze(arts, topics=False, **kw)


def gender_of(c, name):
    row = c.actors[c.actors["name"] == name]
    assert len(row) == 1, (name, c.actors["name"].tolist())
    return row["gender"].iloc[0], row["gender_evidence"].iloc[0]


@pytest.fixture(scope="module")
def corpus():
    return analysed(
        "Ms Wanjiru said the water plan would fail. She added that the county had not listened.",
        "Peter Otieno opened the new shop on Monday. Customers queued outside.",
        "Odhiambo spoke at the rally. The crowd cheered.",
        "The Lakeside Cooperative opened a new office. Akinyi Mwangi, a retired businesswoman, cut the ribbon.",
        "Ruth Achieng met the governor. Later Tom Baraka and Ruth Achieng visited the clinic, where he waved.",
    )


def test_honorific_and_pronoun(corpus):
    g, ev = gender_of(corpus, "Wanjiru")
    assert g == "female" and "honorific" in ev and "pronoun" in ev


def test_first_name_alone(corpus):
    assert gender_of(corpus, "Peter Otieno") == ("male", "first name")


def test_surname_alone_stays_unknown(corpus):
    assert gender_of(corpus, "Odhiambo") == ("unknown", "none")


def test_role_word_in_apposition(corpus):
    g, ev = gender_of(corpus, "Akinyi Mwangi")
    assert g == "female" and ev.startswith("role word")


def test_pronoun_after_two_people_is_no_evidence(corpus):
    # "he" follows a sentence naming Tom Baraka and Ruth Achieng: it tells neither apart
    _, ev = gender_of(corpus, "Tom Baraka")
    assert "pronoun" not in str(ev)
    _, ev = gender_of(corpus, "Ruth Achieng")
    assert "pronoun" not in str(ev)


def test_non_persons_have_no_gender(corpus):
    org = corpus.actors[corpus.actors["kind"] != "person"]
    assert len(org) and org["gender"].isna().all() and org["gender_evidence"].isna().all()
    assert str(corpus.actors["gender"].dtype) == "string"


def test_pronouns_inside_quotation_marks_do_not_count():
    c = analysed('Kiprono Ngetich spoke first. "She is wrong about the budget," Ngetich said.')
    assert "pronoun" not in str(gender_of(c, "Kiprono Ngetich")[1])


def test_votes_over_all_mentions_across_articles():
    c = analysed("Kiprono Ngetich arrived in Kisumu. He spoke to traders.",
                 "Kiprono Ngetich left Kisumu on Friday. He was tired.", "Kiprono Ngetich came back.")
    assert first_name_gender("Kiprono Ngetich") is None
    g, ev = gender_of(c, "Kiprono Ngetich")
    assert g == "male" and ev == "pronoun 2"


def test_user_table_overrides(tmp_path):
    text = "Odhiambo spoke at the rally. The crowd cheered."
    c = analysed(text, genders={"Odhiambo": "female"})
    assert gender_of(c, "Odhiambo") == ("female", "user")
    csv = tmp_path / "genders.csv"
    csv.write_text("name,gender\nOdhiambo,male\n", encoding="utf-8")
    assert gender_of(analysed(text, genders=csv), "Odhiambo") == ("male", "user")
    assert read_genders(pd.DataFrame({"actor_id": ["odhiambo"], "gender": ["Female"]})).get("odhiambo", "x") == "female"


def test_decision_rule():
    assert decide({}, None) == ("unknown", "none")
    assert decide({}, "female") == ("female", "first name")
    assert decide({"male": {"pronoun": 6}}, "female") == ("male", "pronoun 6")
    assert decide({"male": {"pronoun": 2}, "female": {"pronoun": 1}}, "male") == ("male", "pronoun 2, first name")
    # a single pronoun against a first name the list is sure of: the name; two: unknown; four: the text
    assert decide({"male": {"pronoun": 1}}, "female") == ("female", "first name")
    assert decide({"male": {"pronoun": 2}}, "female")[0] == "unknown"
    assert decide({"male": {"pronoun": 4}}, "female") == ("male", "pronoun 4")
    assert decide({"female": {"honorific": 1}}, "male") == ("female", "honorific 1")
    # conflicting text evidence: unknown
    g, ev = decide({"male": {"pronoun": 2}, "female": {"pronoun": 2}}, None)
    assert g == "unknown" and ev.startswith("conflicting")
    assert decide({"female": {"honorific": 1, "pronoun": 1}, "male": {"pronoun": 1}}, None) == (
        "female", "pronoun 1, honorific 1")
    assert first_name_gender("Welshman Ray Reardon") == "male"  # a demonym noun is no first name


def test_first_names_never_surnames():
    assert first_name_gender("Mary Atieno") == "female" and first_name_gender("John Kamau") == "male"
    assert first_name_gender("Kamau") is None and first_name_gender("J. Kamau") is None
    assert first_name_gender("Mr Kamau") is None  # an honorific is no first name


def test_a_lone_word_counts_only_as_a_woman_s_first_name_the_list_is_sure_of():
    # a source who goes by her first name; never "male" from one word: men's first names are
    # surnames too ("Warren", "James"); a name the list is unsure of or an acronym says nothing
    assert lone_first_name_gender("Yolanda") == "female" and lone_first_name_gender("Agnieszka") == "female"
    assert lone_first_name_gender("Warren") is None and lone_first_name_gender("James") is None
    assert lone_first_name_gender("Kim") is None and lone_first_name_gender("YOLANDA") is None
    assert lone_first_name_gender("Yolanda Ruiz") is None  # two words: first_name_gender decides


def test_a_role_word_after_capitalised_adjectives_in_the_apposition():
    text = "She praised George Okafor, a Lagos-born businesswoman who runs the port."
    start = text.index("George Okafor")
    assert title_votes(text, start, start + len("George Okafor"), None, "George Okafor") == [("female", "role word")]


def test_a_kin_noun_after_a_possessive_or_before_of_a_name_is_a_referent_too():
    # "her son … he" and "The son of Ana Obi … he": the son, not Ana Obi
    text = "Ana Obi said her son had won a prize, and he would study abroad. The son of Ana Obi said he was proud."
    names = [m.end() for m in re.finditer(r"Ana Obi", text)]
    found = described_people(text, names)
    assert [g for _, g in found] == ["male", "male"]
    assert found[1][0] > names[1]  # the window starts after "of Ana Obi"
    pronouns = [(m.start(), "male") for m in re.finditer(r"\bhe\b", text)]
    persons = [(m.start(), "obi") for m in re.finditer(r"Ana Obi", text)]
    assert list(pronoun_votes(pronouns, persons, lambda pos: 0, found)) == []


def test_pronoun_votes_one_person_in_the_window():
    persons = [(0, "ade"), (30, "obi"), (35, "lima")]
    pronouns = [(20, "female"), (40, "male"), (90, "male")]
    got = list(pronoun_votes(pronouns, persons, lambda pos: max(0, pos - 25)))
    assert got == [("ade", "female", 20)]  # 40: obi and lima; 90: nobody in its window


def test_a_described_person_starts_the_pronoun_window_afresh():
    text = ("Jo Ade wrote the letter. The old fisherman who read it called himself a fan. The Duke of Lira "
            "came with the spokesman Tom Obi and the husband, Sam Ade. Ana Obi, a mother of two, spoke. "
            "Ana Obi is a mother of two. On Monday, a woman sang. Jo Ade left the club and a man who saw it waved.")
    names = [m.end() for m in re.finditer(r"(?:Jo|Tom|Sam|Ana) (?:Ade|Obi)", text)]
    found = described_people(text, names)
    # "The Duke" is a name; the spokesman, the husband and the mother are titles, appositions or
    # predicates of names; a sentence's opening phrase ("On Monday,") is no name
    assert [(text[e - len(w):e], g) for (e, g), w in zip(found, ("fisherman", "woman", "man"))] == [
        ("fisherman", "male"), ("woman", "female"), ("man", "male")]
    pronouns = [(text.index("himself"), "male")]
    assert list(pronoun_votes(pronouns, [(0, "ade")], lambda pos: 0)) == [("ade", "male", pronouns[0][0])]
    assert list(pronoun_votes(pronouns, [(0, "ade")], lambda pos: 0, found)) == []
    # a described man starts no window for "she": "Jo Ade met a man. She left." is Ade's vote
    she = [(text.index("himself"), "female")]
    assert list(pronoun_votes(she, [(0, "ade")], lambda pos: 0, found)) == [("ade", "female", she[0][0])]
