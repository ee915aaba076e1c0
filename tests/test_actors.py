"""Actors on real text with the real spaCy model: made-up sentences, real outcomes."""
import json
from pathlib import Path

import pandas as pd
import pytest

import toolkit as tk
from toolkit import actors as actors_mod
from toolkit.units import slugify
from toolkit.errors import InvalidOptionError, MissingColumnError, UnknownActorError

READ_MORE_NAMES = ["Osaka", "Japan", "Nairobi", "Clean-Air Forum", "Trump", "Metropol", "KBA", "TECNO", "SPARK",
                   "Helio", "IGAD", "AU", "Cybervergent", "WEF", "KRA"]


@pytest.fixture(scope="module")
def seed_corpus(seed_articles):
    return tk.analyze(seed_articles, quotes=False, topics=False)


def _frame(*texts, ids=None):
    ids = ids or [f"a{i}" for i in range(len(texts))]
    return pd.DataFrame({"article_id": ids, "text": list(texts)})


def _actors(*texts, ids=None):
    """The corpus of ``texts`` with actors only (no quotes, no topics)."""
    return tk.analyze(_frame(*texts, ids=ids), quotes=False, topics=False)


def test_reference_article_actors(seed_corpus):
    c = seed_corpus
    names = set(c.actors["name"])
    for expected in ["William Ruto", "Marco Rubio", "Félix Tshisekedi", "Paul Kagame", "United States", "Haiti",
                     "Democratic Republic of Congo", "Rwanda", "M23", "Tanzania"]:
        assert expected in names, expected
    # acronyms merge with their expansions
    assert c.actor("SADC").actor["name"] == "Southern African Development Community"
    assert c.actor("EAC").actor["name"] == "East African Community"
    assert c.actor("FDLR").actor["name"] == "Democratic Forces for the Liberation of Rwanda"
    assert c.actor("DRC").actor["n_mentions"] == 7  # and a sub-heading "DRC Crisis" of its own
    # every mention of each person merged: Ruto 4 times (the model misses the bare surname)
    ruto = c.actor("Ruto")
    assert ruto.actor["name"] == "William Ruto" and ruto.actor["n_mentions"] == 4
    assert ruto.actor["titles"] == ["President"]
    rubio = c.actor("Rubio")
    assert rubio.actor["n_mentions"] == 4 and rubio.actor["titles"] == ["Secretary of State"]
    assert c.actor("Tshisekedi").actor["n_mentions"] == 2
    assert c.actor("Kagame").actor["titles"] == ["President"]
    us = c.actor("U.S.")
    assert us.actor["name"] == "United States" and set(us.actor["aliases"]) == {"US", "United States"}
    for person in ["William Ruto", "Marco Rubio", "Félix Tshisekedi", "Paul Kagame"]:
        assert c.actor(person).actor["kind"] == "person"
    # nothing from the READ MORE headlines; no title word as an actor
    assert not names & set(READ_MORE_NAMES)
    assert "State" not in names


def test_reference_article_is_unchanged(seed_corpus):
    """The reference article's mentions (spans, actors, kinds) and actors are those of
    tests/gold/reference_snapshot.json: a rule change that moves them must say why there."""
    snap = json.loads((Path(__file__).parent / "gold" / "reference_snapshot.json").read_text(encoding="utf-8"))
    m = seed_corpus.mentions
    got = [{"start": int(s), "end": int(e), "text": t, "actor_id": a, "kind": k}
           for s, e, t, a, k in zip(m["start"], m["end"], m["text"], m["actor_id"], m["kind"])]
    assert got == snap["mentions"]
    a = seed_corpus.actors
    got_actors = [{"actor_id": i, "name": n, "kind": k, "n_mentions": int(c), "titles": list(t)}
                  for i, n, k, c, t in zip(a["actor_id"], a["name"], a["kind"], a["n_mentions"], a["titles"])]
    assert got_actors == snap["actors"]


def test_reference_mentions_offsets_and_labels(seed_corpus, seed_articles):
    text = seed_articles["text"].iloc[0]
    m = seed_corpus.mentions
    assert all(text[s:e] == t for s, e, t in zip(m["start"], m["end"], m["text"]))
    assert list(m.columns[:8]) == ["article_id", "start", "end", "text", "label", "actor_id", "sentence", "paragraph"]
    rwandan = m[m["text"] == "Rwandan"].iloc[0]
    assert rwandan["label"] == "DEMONYM" and rwandan["actor_id"] == seed_corpus.actor("Rwanda").actor["actor_id"]
    kinshasa = m[m["text"] == "Kinshasa"].iloc[0]
    assert kinshasa["kind"] == "place" and kinshasa["label"] == "GPE"
    assert m[m["text"] == "Kigali"].iloc[0]["kind"] == "place"
    # "the United States": no leading article in the span
    assert "the United States" not in set(m["text"]) and "United States" in set(m["text"])
    # the sub-heading is its own paragraph; paragraph and sentence indices are in order
    assert m["paragraph"].is_monotonic_increasing and m["sentence"].is_monotonic_increasing
    drc_crisis_para = text.split("\n\n").index("DRC Crisis")
    assert drc_crisis_para in set(m["paragraph"])


def test_titles_and_possessives():
    c = _actors(
        "Former Secretary of State Hillary Clinton met Vice President Mike Pence in Washington. "
        "Clinton's aides said the talks went well, and Pence agreed.")
    clinton = c.actor("Hillary Clinton")
    assert clinton.actor["n_mentions"] == 2 and "Secretary of State" in clinton.actor["titles"]
    assert "Clinton's" not in set(c.mentions["text"])
    pence = c.actor("Pence")
    assert pence.actor["name"] == "Mike Pence" and pence.actor["titles"] == ["Vice President"]


def test_merge_across_articles_and_ambiguity():
    c = _actors(
        "President William Ruto spoke in Nairobi on Monday about the budget of Kenya.",
        "Ruto later travelled from Nairobi to Mombasa for a rally with supporters in Kenya.",
        "Uhuru Kenyatta met Margaret Kenyatta at the State House in Nairobi.",
        "Kenyatta said the meeting was productive.",
    )
    ruto = c.actor("Ruto")  # a unique surname joins across articles that share some context
    assert ruto.actor["n_articles"] == 2
    assert set(ruto.mentions["resolved_by"].dropna()) == {"corpus: only full name"}
    kenyattas = c.actors[c.actors["name"].str.contains("Kenyatta")]
    # two Kenyattas: the bare surname in another article stays apart, and full names never merge
    assert set(kenyattas["name"]) == {"Uhuru Kenyatta", "Margaret Kenyatta", "Kenyatta"}
    with pytest.raises(UnknownActorError, match="ambiguous") as err:
        c.actor("Kenyatta")
    assert {"Uhuru Kenyatta", "Margaret Kenyatta"} <= set(err.value.candidates)


def test_user_aliases_override(tmp_path):
    texts = _frame("Barack Obama met Angela Merkel in Berlin on Monday.",
                   "POTUS said the talks with the German chancellor were good.")
    c = tk.analyze(texts, quotes=False, topics=False, aliases={"POTUS": {"name": "Barack Obama", "kind": "person"}})
    assert c.actor("Barack Obama").actor["n_articles"] == 2
    csv = tmp_path / "aliases.csv"
    csv.write_text("alias,name,kind\nPOTUS,Barack Obama,person\n", encoding="utf-8")
    c2 = tk.analyze(texts, quotes=False, topics=False, aliases=csv)
    assert c2.actor("POTUS").actor["name"] == "Barack Obama"
    yml = tmp_path / "aliases.yaml"
    yml.write_text("POTUS: Barack Obama\n", encoding="utf-8")
    assert tk.analyze(texts, quotes=False, topics=False, aliases=yml).actor("POTUS").actor["n_articles"] == 2
    with pytest.raises(InvalidOptionError, match="kind"):
        actors_mod.read_aliases({"X": {"name": "Y", "kind": "alien"}})


def test_bad_input_gives_empty_rows():
    texts = _frame("", "   ", "Der Bundestag hat am Dienstag über den Haushalt beraten, sagte die Sprecherin.",
                   "it is raining and nobody knows why, the end.", "नमस्ते दुनिया हैं " * 50,
                   "Nairobi. " * 2_000 + "abcdefghijklmnopqrstuvwxyz0123456789 " * 54_000)  # 2 MB
    c = tk.analyze(texts, quotes=False, topics=False)
    assert c.mentions[c.mentions["article_id"].isin(["a0", "a1", "a3", "a4"])].empty
    m = c.mentions
    for aid, text in zip(texts["article_id"], texts["text"]):
        sub = m[m["article_id"] == aid]
        assert all(text[s:e] == t for s, e, t in zip(sub["start"], sub["end"], sub["text"]))


def test_errors_and_lookup(seed_corpus):
    with pytest.raises(MissingColumnError, match="text"):
        tk.analyze(pd.DataFrame({"article_id": ["x"]}))
    with pytest.raises(UnknownActorError, match="Ruto"):
        seed_corpus.actor("Rutoo")
    with pytest.raises(InvalidOptionError, match="n_process"):
        tk.analyze(_frame("x"), n_process=0)


def test_ids_stable_and_unique(seed_articles):
    a = tk.analyze(seed_articles, quotes=False, topics=False)
    b = tk.analyze(seed_articles, quotes=False, topics=False)
    pd.testing.assert_frame_equal(a.actors, b.actors)
    pd.testing.assert_frame_equal(a.mentions, b.mentions)
    assert a.actors["actor_id"].is_unique
    assert a.actor("Ruto").actor["actor_id"] == "william-ruto"


def _names_of(c, text_):
    """Canonical names of the mentions whose text is ``text_``."""
    return set(c.mentions.loc[c.mentions["text"] == text_, "name"])


def test_name_particles_and_person_read_as_place():
    c = _actors(
        "When Malawian President Bingu wa Mutharika died on 5 April, 2012, the then Vice-President "
        "Joyce Banda became the new leader in line with the constitution. But the events before and "
        "immediately after Bingu's death would not lead to an easy transition.",
        "Czar has a logical explanation:\n\nRoyd Moonga shares his displeasure on Zambian People’s Pact "
        "Facebook group:\n\nRoyd's sentiment is echoed by a few others.")
    bingu = c.actor("Bingu")
    assert bingu.actor["name"] == "Bingu wa Mutharika" and bingu.actor["n_mentions"] == 2
    assert bingu.actor["kind"] == "person"
    royd = c.actor("Royd")  # the model labels "Royd Moonga" a place, "Royd" a person
    assert royd.actor["name"] == "Royd Moonga" and royd.actor["kind"] == "person"
    assert royd.actor["n_mentions"] == 2
    # the group and the platform of its page are two actors
    assert {"Zambian People’s Pact", "Facebook"} <= set(c.mentions["text"])


def test_surname_that_is_a_place_and_glued_place():
    c = _actors(
        "On May 11, the offices of international lawyer Robert Amsterdam, representing the son of a former "
        "president, were raided. The government demanded compensation for statements made by Mr Amsterdam "
        "on the pursuit of political opponents.",
        "On Monday, United States Senator from Vermont Bernie Sanders endorsed former Vice President Joe "
        "Biden for president. The move came after Sanders ended his own presidential bid last week.",
        "The delegation flew from Nairobi to Amsterdam for the talks.",
    )
    lawyer = c.actor("Robert Amsterdam")
    assert lawyer.actor["n_mentions"] == 2 and lawyer.actor["kind"] == "person"
    assert c.actor("Amsterdam").actor["kind"] == "place"  # the city of the third article stays a place
    sanders = c.actor("Sanders")
    assert sanders.actor["name"] == "Bernie Sanders" and sanders.actor["n_mentions"] == 2
    assert "Vermont" in set(c.mentions["text"])


def test_short_forms_of_organisations_and_parties():
    c = tk.analyze(_frame(
        "The House of Representatives will open an impeachment inquiry, Speaker Nancy Pelosi said. "
        "Until the full House votes to authorize an inquiry, nobody is conducting a formal inquiry, "
        "Democratic committee chairman Jerrold Nadler said. Every Democrat and many Republicans agreed.",
        "President Sata recently sued United Party for National Development leader Hakainde Hichilema "
        "over remarks the UPND leader made on radio station Hot FM and University of Zambia lecturer "
        "Cholwe Beyani for defamation. Leaders of Malawi met at the African Union Summit."),
        quotes=False, topics=False)
    house = c.actor("House of Representatives")
    assert house.actor["n_mentions"] == 2
    assert _names_of(c, "Democrat") == _names_of(c, "Democratic") == {"Democratic Party"}
    assert _names_of(c, "Republicans") == {"Republican Party"}
    upnd = c.actor("UPND")  # an acronym used without brackets, its name spelled out elsewhere
    assert upnd.actor["name"] == "United Party for National Development" and upnd.actor["n_mentions"] == 2
    assert {"Hot FM", "University of Zambia"} <= set(c.mentions["text"])
    assert "African Union" in set(c.mentions["text"])


def test_acronym_defined_in_another_article():
    c = _actors(
        "Leaders of the Southern African Development Community (SADC) met in Harare on Friday.",
        "The summit of SADC leaders ended without a statement on the crisis in Mozambique.",
        "The Islamic State (ISIS) claimed the attack. ISIS fighters fled north.",
        "Hundreds of ISIS fighters escaped from a camp, according to Kurdish officials.",
    )
    sadc = c.actor("SADC")
    assert sadc.actor["name"] == "Southern African Development Community" and sadc.actor["n_articles"] == 2
    assert c.actor("ISIS").actor["name"] == "Islamic State" and c.actor("ISIS").actor["n_articles"] == 2


def test_acronym_written_as_a_word():
    # "Kitra" spells the beginnings of its name's words; the model may keep only the start of a
    # name with "and" in it
    c = _actors(
        "A lecturer at the Kisumu Technical Academy (Kitea) was arrested on Monday. Kitea students "
        "protested outside the court in Kisumu.",
        "The Lakeside Union for Roads and Railways (Lurr) opened talks with the ministry. Lurr "
        "officials said the talks would go on until Friday.",
    )
    kitea = c.actor("Kitea")
    assert kitea.actor["name"] == "Kisumu Technical Academy" and kitea.actor["n_mentions"] == 3
    lurr = c.actor("Lurr")
    assert lurr.actor["name"] == "Lakeside Union for Roads and Railways" and lurr.actor["n_mentions"] == 3


def test_handles_stand_for_the_name_they_follow_or_spell():
    c = _actors(
        "Bloggers reacted at once. Wanjiru Otieno (@wanjotis) wrote that the ban was a mistake, and "
        "Kamau Njoroge (@kamanjo_22) agreed with her.",
        "Supporters in Eldoret cheered for @petermwangi as he arrived. Peter Mwangi told the crowd "
        "that the election was not over.",
    )
    m = c.mentions
    ids = {t: set(m.loc[m["text"] == t, "actor_id"]) for t in m["text"]}
    assert ids["@wanjotis"] == ids["Wanjiru Otieno"] and len(ids["@wanjotis"]) == 1
    assert ids["@kamanjo_22"] == ids["Kamau Njoroge"] and ids["@kamanjo_22"] != ids["@wanjotis"]
    assert ids["@petermwangi"] == ids["Peter Mwangi"]


def test_two_letter_acronym_of_a_two_word_organisation():
    c = _actors(
        "The Boxing Council will review the fight. A BC official said on Monday that the BC would "
        "publish the review in June.",
    )
    bc = c.actor("BC")
    assert bc.actor["name"] == "Boxing Council" and bc.actor["n_mentions"] == 3


def test_names_equal_up_to_hyphens():
    assert actors_mod.normalize_name("Kenyan-Somalis") == actors_mod.normalize_name("Kenyan Somalis")
    assert actors_mod.normalize_name("G-20") == actors_mod.normalize_name("G20")
    c = _actors(
        "Thousands of Korean Americans marched in Los Angeles. Korean-American groups said the march was peaceful.",
        "Jean-Marc Otieno spoke first. Later Jean Marc Otieno left the hall.",
    )
    m = c.mentions
    assert set(m.loc[m["text"].isin(["Korean Americans", "Korean-American"]), "actor_id"]) == {"korean-americans"}
    assert m.loc[m["text"].str.contains("Marc"), "actor_id"].nunique() == 1


def test_editorial_bracket_before_the_is_no_part_of_a_name():
    assert actors_mod.clean_surface("[T]he Kito Assembly") == "Kito Assembly"
    assert actors_mod.clean_surface("T]he Kito Assembly") == "Kito Assembly"
    c = _actors(
        'The Kito Assembly met on Tuesday. "[T]he Kito Assembly will not be silenced," its speaker said.',
    )
    assert c.actor("Kito Assembly").actor["n_mentions"] == 2


def test_team_after_a_result_to():
    # "lost to Uganda" is a result (the team); "travelled to Uganda" a journey (the place)
    c = _actors(
        "Kenya beat Uganda 3-1 in the final on Saturday. The coach said his squad had lost to Uganda "
        "in the group stage, but the players scored twice in the first half. Kenya fans travelled to "
        "Uganda for the match, and the league season starts next week.",
    )
    m = c.mentions[c.mentions["text"] == "Uganda"].sort_values("start")
    assert list(m["actor_id"]) == ["uganda-team", "uganda-team", "uganda"]


def test_party_national_convention_is_the_party():
    c = _actors(
        "Delegates from Ohio cheered at the Republican National Convention on Tuesday night. "
        "Republicans in the Senate said the platform would pass.",
    )
    m = c.mentions
    conv = m[m["text"].str.contains("Convention")]
    assert list(conv["actor_id"]) == ["republican-party"]


def test_broadcaster_without_its_medium_word():
    c = _actors(
        "The governor sued the radio station Radio Maisha and the newspaper Daily Times over an "
        "interview aired on Tuesday. Lawyers for Radio Maisha Television said the claim was weak.",
    )
    m = c.mentions
    assert m.loc[m["text"].str.startswith("Radio Maisha"), "actor_id"].nunique() == 1


def test_us_state_abbreviation_and_nickname():
    c = _actors(
        "The senator flew to Orlando, Fla., on Monday for a rally. Polls in Florida show him ahead, and "
        "his team expects to win the Sunshine State by ten points.",
    )
    m = c.mentions
    assert set(m.loc[m["text"].isin(["Fla.", "Florida", "Sunshine State"]), "actor_id"]) == {"florida"}


def test_one_name_with_its_own_handle_is_another_person():
    # "Hassan (@hassan_kb)": introduced by its own handle, not short for "Amina Hassan (@aminah)"
    c = _actors(
        "Blogger Amina Hassan (@aminah) said the vote was fair. Hassan (@hassan_kb) disagreed, "
        "writing that many stations opened late.",
    )
    ids = dict(zip(c.mentions["text"], c.mentions["actor_id"]))
    assert ids["@aminah"] == ids["Amina Hassan"]
    assert ids["@hassan_kb"] == ids["Hassan"] != ids["Amina Hassan"]


def test_acronym_after_a_possessive_names_the_organisation():
    c = _actors(
        "On Thursday, the Lakeside Workers Union's (LWU) leaders walked out of the talks. The LWU "
        "said it would strike.",
    )
    m = c.mentions
    assert set(m["actor_id"]) == {"lakeside-workers-union"} and len(m) == 3
    assert set(m["text"]) == {"Lakeside Workers Union", "LWU"}


def test_names_equal_up_to_apostrophes():
    assert actors_mod.normalize_name("Zambian People’s Pact") == actors_mod.normalize_name("Zambian Peoples Pact")
    assert slugify("People's Protection Units") == "peoples-protection-units"


def test_transcript_speaker_labels_and_platforms():
    c = tk.analyze(_frame(
        "Dorsa Derakhshani is a chess player from Iran who now plays for the United States.\n\n"
        "((WN)) What interested you in chess?\n\n"
        "((Dorsa Derakhshani)) My dad taught me. Activists shared the video on Twitter, where it was viewed 2 million times."),
        quotes=False, topics=False)
    assert c.actor("Dorsa Derakhshani").actor["n_mentions"] == 1  # the speaker labels are not mentions
    assert "WN" not in set(c.mentions["text"])
    assert c.actor("Twitter").actor["kind"] == "organization"


def test_first_names_the_model_left_out_and_organisations_by_their_head_word():
    c = _actors(
        "The Development Bank of Zambia (DBZ) had sued the Director of Public Prosecutions Mutembo Nchito "
        "with his lawyer brother Nchima Nchito and others.",
        "He was followed closely by Ethiopians Dejene Debela, 2:05:46, and Asefa Mengstu, 2:05:48.",
        "Opposition National Restoration Party president and lawyer, Elias Chipimo Jr, called on political "
        "parties to act.")
    names = set(c.actors["name"])
    assert {"Mutembo Nchito", "Nchima Nchito", "Dejene Debela"} <= names
    party = c.actor("National Restoration Party").actor  # "Opposition" is a role word, not the name
    assert party["kind"] == "organization" and party["n_mentions"] == 1


def test_uk_parties_and_post_nominal_titles():
    c = _actors(
        "The Tories and Labour clashed over the plan. Conservative leader Michael Howard said the Lib Dems "
        "would back it, and Lib Dem MP Lembit Opik agreed.",
        "The minister, Paul Boateng MP, said the plans were sound. Several MPs disagreed, and Boateng "
        "said the Conservatives had no plan of their own.")
    assert _names_of(c, "Tories") == _names_of(c, "Conservatives") == {"Conservative Party"}
    assert _names_of(c, "Labour") == {"Labour Party"} and _names_of(c, "Lib Dems") == {"Liberal Democrats"}
    assert c.actor("Conservative Party").actor["kind"] == "organization"
    opik = c.actor("Opik").actor
    assert opik["name"] == "Lembit Opik" and opik["titles"] == ["MP"]
    boateng = c.actor("Boateng").actor  # "MP" after a name is a title, not a surname
    assert boateng["name"] == "Paul Boateng" and boateng["n_mentions"] == 2
    assert not {"MP", "MPs"} & set(c.mentions["text"])


def test_diseases_are_not_actors_and_names_end_in_a_capital():
    c = tk.analyze(_frame(
        "COVID-19 has killed thousands in Brazil, where President Jair Bolsonaro played down the virus.",
        "The Democratic party said COVID-19 had changed the campaign, and Joe Biden agreed."),
        quotes=False, topics=False)
    assert not {"COVID-19", "COVID"} & set(c.mentions["text"])
    assert c.actor("Jair Bolsonaro").actor["kind"] == "person"
    assert _names_of(c, "Democratic party") == {"Democratic Party"}


def test_hyphenated_given_names_greetings_and_dotted_variants():
    c = _actors(
        "Lee Min-ho arrived in Seoul on Monday. Lee Min-jung, his co-star, was already there. "
        "Min-ho said the film was done.",
        "\"Hey Frank, come here,\" she shouted. Frank Osei laughed and Frank said he was tired.",
        "The U.N. said it would send aid, and a spokesman for the U.N. agreed.")
    # the lower-case tail of a hyphenated name is no trailing word to trim: two people, not one "Lee Min"
    assert {"Lee Min-ho", "Lee Min-jung"} <= set(c.actors["name"]) and "Lee Min" not in set(c.actors["name"])
    assert c.actor("Min-ho").actor["name"] == "Lee Min-ho"
    assert "Hey Frank" not in set(c.mentions["text"]) and c.actor("Frank Osei").actor["n_mentions"] == 3
    assert _names_of(c, "U.N.") == {"United Nations"}


def test_surnames_the_model_mislabels_and_headline_first_surnames():
    c = tk.analyze(_frame(
        "Okonjo wins vote\n\nFinance Minister Ada Okonjo said on Monday that the vote was fair. Okonjo thanked voters.",
        "Senator Ross McAllister spoke to reporters in Lira. Later, MacDonald and McAllister met Ewan MacDonald's aides."),
        quotes=False, topics=False)
    okonjo = c.actor("Ada Okonjo")  # the headline names her before the text does
    assert okonjo.actor["n_mentions"] == 3 and set(okonjo.mentions["resolved_by"].dropna()) == {"article full name"}
    assert c.actor("McAllister").actor["name"] == "Ross McAllister"
    assert c.actor("MacDonald").actor["kind"] == "person"


def test_party_words_and_agencies_named_after_a_country():
    c = _actors(
        "The Neo Democrats won the election in Ruritania. The Democrats promised lower taxes, and the Neo "
        "Democrats leader Ana Lima thanked voters.",
        "Environment Canada issued a storm warning for Ontario on Tuesday. Canada's prime minister spoke.",
        "Democrats in Congress rejected the bill, and Republicans in the Senate backed it.")
    neo = _names_of(c, "Democrats")
    assert "Democratic Party" in neo and "Neo Democrats" in neo  # the US party only in the US article
    m = c.mentions
    assert set(m.loc[m["article_id"] == "a0", "name"]) >= {"Neo Democrats"}
    assert "Democratic Party" not in set(m.loc[m["article_id"] == "a0", "name"])
    assert c.actor("Environment Canada").actor["kind"] == "organization"
    assert c.actor("Canada").actor["n_mentions"] == 1  # the agency's name is not a mention of the country


def test_plural_demonyms_are_groups():
    c = _actors(
        "The Palestinians rejected the plan. Palestinian officials said Israel had not consulted them.",
        "Thousands of Kenyans marched in Nairobi, where Kenyan police watched.")
    pal = c.actor("Palestinians").actor
    assert pal["kind"] == "group" and pal["name"] == "Palestinians"
    assert _names_of(c, "Palestinian") == {"Palestine"} and _names_of(c, "Kenyan") == {"Kenya"}
    assert c.actor("Kenyans").actor["kind"] == "group"


def test_surnames_that_are_demonyms():
    c = _actors(
        "Bakery owner Tomas Kenyan opened a second shop in Lira. Kenyan said sales had doubled, and Mr Kenyan "
        "thanked the Kenyan tourists who queue every morning.",
        "Kenyan officials met the delegation in Nairobi.")
    owner = c.actor("Tomas Kenyan").actor
    assert owner["kind"] == "person" and owner["n_mentions"] == 3  # "Kenyan said", "Mr Kenyan"
    m = c.mentions
    assert set(m.loc[m["article_id"] == "a1", "name"]) >= {"Kenya"}  # the adjective stays the country
    tourists = m[(m["article_id"] == "a0") & (m["start"] > 100) & (m["text"] == "Kenyan")]
    assert set(tourists["name"]) == {"Kenya"}  # "the Kenyan tourists": the adjective, not the owner


def test_royal_papal_and_peerage_titles_with_one_name():
    c = _actors(
        "Lord Kitobo opened the debate in the upper house. Kitobo said the bill went too far.",
        "Pope Anselm visited the hospital on Sunday. Anselm blessed the staff.",
        "Ana Kitobo, the minister, spoke later. Lady Kitobo thanked the nurses.")
    m = c.mentions
    a0 = m[m["article_id"] == "a0"]
    assert set(a0["name"]) == {"Lord Kitobo"} and set(a0["text"]) == {"Kitobo"}  # the span keeps no title
    assert set(m.loc[m["article_id"] == "a1", "name"]) == {"Pope Anselm"}
    assert set(m.loc[(m["article_id"] == "a2") & (m["kind"] == "person"), "name"]) == {"Ana Kitobo"}  # the fuller name


def test_royal_title_goes_with_a_given_name_not_another_persons():
    # "Prince Anselm" is not the "Anselm Tarrow" of the same article: a royal title goes with a given
    # name, and the bare "Anselm" is the prince the article names more often
    c = _actors(
        "Prince Anselm and his fiancee were greeted in Kitobo on Monday. Opposition leader Anselm Tarrow "
        "said the wedding was a private matter. Prince Anselm thanked the crowd. Anselm said he was delighted. "
        "Later, Anselm spoke to reporters.")
    m = c.mentions.set_index("start")
    tarrow = m[m["text"] == "Anselm Tarrow"]
    bare = m[m["text"] == "Anselm"]
    assert len(tarrow) == 1 and len(bare) == 4
    assert tarrow["actor_id"].iloc[0] not in set(bare["actor_id"])
    assert set(bare["name"]) == {"Prince Anselm"}


def test_organisation_named_after_a_person_keeps_its_own_name():
    # the band "Tarrowby" is not the poet "Ada Tarrowby" it is named after: the short form's evidence
    # (a band) disagrees with the person's; in another article the surname still goes to the poet
    c = _actors(
        "The band Tarrowby released a new album on Friday. The band took its name from the poet Ada Tarrowby, "
        "who lived in Kitobo. Tarrowby's singer said the band would tour. Critics praised the band Tarrowby "
        "for its sound.",
        "Poet Ada Tarrowby died on Friday. Tarrowby wrote ten books. Tarrowby said in 1990 that she wrote "
        "at night.")
    m = c.mentions
    a0, a1 = m[m["article_id"] == "a0"], m[m["article_id"] == "a1"]
    band = a0[a0["text"] == "Tarrowby"]
    assert len(band) == 3 and set(band["kind"]) == {"organization"} and set(band["name"]) == {"Tarrowby"}
    poet = a0.loc[a0["text"] == "Ada Tarrowby", "actor_id"].iloc[0]
    assert poet not in set(band["actor_id"])
    assert set(a1.loc[a1["text"] == "Tarrowby", "actor_id"]) == {poet}


def test_party_word_split_from_the_word_before_it():
    # the model reads "Liberal" and "Democrat" apart: together they are the UK party, not the US one
    c = _actors(
        "The proposal was welcomed by Labour, as did Conservative leader Jo Marlow and Liberal Democrat leader "
        "Ana Kitobo in London.")
    m = c.mentions
    assert "Liberal Democrat" in set(m["text"]) and not {"Liberal", "Democrat"} & set(m["text"])
    assert set(m.loc[m["text"] == "Liberal Democrat", "name"]) == {"Liberal Democrats"}
    assert "Democratic Party" not in set(m["name"])


def test_surname_over_first_word_suffixes_and_middle_names():
    c = tk.analyze(_frame(
        # a bare name is the surname of one person before the first word of another name
        "Comedian Dan Marlowe will not face charges, prosecutors said. Marlowe denied the claims. His show, "
        "Marlowe Kids, ran for years. Marlowe thanked his fans.",
        # a generational suffix is part of the name, and the surname is the word before it
        "District judge Ana L Kitobo Jr dismissed the case on Monday. The lawyer Tom Reyes said Kitobo was right.",
        # first name and surname without the middle name
        "Senator Joseph Amani Otieno died on Sunday. Joseph Otieno was first elected in 1990. Otieno was 80."),
        quotes=False, topics=False)
    m = c.mentions
    name_of = lambda aid, t: set(m.loc[(m["article_id"] == aid) & (m["text"] == t), "name"])  # noqa: E731
    assert name_of("a0", "Marlowe") == {"Dan Marlowe"}
    assert name_of("a1", "Ana L Kitobo Jr") == {"Ana L Kitobo Jr"} and name_of("a1", "Kitobo") == {"Ana L Kitobo Jr"}
    assert "Jr" not in set(m["text"])
    assert name_of("a2", "Joseph Otieno") == name_of("a2", "Otieno") == {"Joseph Amani Otieno"}
    assert set(m.loc[m["article_id"] == "a2", "resolved_by"].dropna()) == {"article full name"}


def test_shared_surname_is_not_the_relative_introduced_in_passing():
    c = tk.analyze(_frame(
        "Mayor Ana Ruiz opened the fair on Sunday with her husband, former senator Luis Ruiz. Ruiz said "
        "the town had waited years for it. Ruiz thanked the volunteers.",
        "Judge Kemi Obi retired from the high court in Lira after thirty years. Her son, Samuel Obi, "
        "spoke at the farewell dinner. Obi said she would write a book about the court.",
        "The singer Rosa Alvo won the prize for best album on Saturday night. Like her mother, Nina Alvo "
        "sang at the ceremony. Alvo thanked her fans."), quotes=False, topics=False)
    m = c.mentions
    bare = m[m["text"].isin(["Ruiz", "Obi"])]
    assert len(bare) == 3 and set(bare["name"]) == {"Ana Ruiz", "Kemi Obi"}
    assert set(bare["resolved_by"]) == {"article: the other a relative"}
    assert set(m.loc[m["text"] == "Luis Ruiz", "name"]) == {"Luis Ruiz"}
    # a comparison introduces no relative: the bare surname is not resolved by this rule
    assert "article: the other a relative" not in set(m.loc[m["text"] == "Alvo", "resolved_by"].dropna())


def test_a_surname_before_the_noun_it_modifies_is_no_place():
    # "in the Kade administration" uses Kade as a modifier, not as a place ("in Kade"): the bare
    # surname stays the president's, and so do the statements it speaks
    c = tk.analyze(_frame(
        "President Tom Kade spoke on Monday. Officials in the Kade administration said the talks would go on. "
        "Kade said the negotiators had done well."), topics=False)
    m = c.mentions
    assert set(m.loc[m["text"] == "Kade", "name"]) == {"Tom Kade"}
    assert set(c.quotes.loc[c.quotes["speaker_text"] == "Kade", "speaker"]) == {"Tom Kade"}


def test_shared_surname_goes_to_the_person_named_first():
    # the bare surname is used before the second person of that surname is named: it is the first one's
    c = tk.analyze(_frame(
        "Former diplomat Tomas Okafor has died aged 78. Okafor served in Lira for twenty years. Okafor later "
        "wrote two books. Okafor's wife Grace Okafor said he died at home. Okafor is survived by three children."),
        quotes=False, topics=False)
    m = c.mentions
    bare = m[m["text"] == "Okafor"]
    assert len(bare) >= 3 and set(bare["name"]) == {"Tomas Okafor"}
    assert set(bare["resolved_by"]) == {"article: named first"}
    assert set(m.loc[m["text"] == "Grace Okafor", "name"]) == {"Grace Okafor"}


def test_surname_after_into_or_around_is_still_the_person():
    # "an inquiry into Marlowe", "revolved around Marlowe": people, not places, follow these words
    c = tk.analyze(_frame(
        "The court cleared former aide Rita Dana Marlowe on Monday. The case revolved around Marlowe and her "
        "emails. Lawyers said the inquiry into Marlowe had taken two years. Marlowe thanked her family."),
        quotes=False, topics=False)
    m = c.mentions
    assert set(m.loc[m["text"] == "Marlowe", "name"]) == {"Rita Dana Marlowe"}


def test_surnames_written_with_either_apostrophe():
    c = _actors(
        "Police chief Dara O’Kafor spoke first. O'Kafor said the road was closed, and O'Kafor asked drivers "
        "to wait.")
    chief = c.actor("Dara O’Kafor").actor
    assert chief["kind"] == "person" and chief["n_mentions"] == 3


def test_a_sentence_word_glued_before_a_surname():
    c = _actors(
        "Police chief Dara Kitobo said the search went on. \"We will find them.\" Said Kitobo: \"Nobody is above the law.\"",
        "Said Okafor is the new coach of the club.")
    chief = c.actor("Dara Kitobo").actor
    assert chief["n_mentions"] == 2 and "Said Kitobo" not in set(c.actors["name"])
    assert "Said Okafor" in set(c.actors["name"])  # a first name "Said": no "Jo Okafor" beside it


def test_a_describing_noun_outweighs_one_label_when_the_name_agrees():
    # the model reads such names as the other kind now and then (seen in tweets quoted in blog
    # posts, firms named once); the mentions here carry that label by hand
    from toolkit.actors.evidence import judge_kinds
    from toolkit.nlp import load_model

    text = ("Veteran journalist Grace Lomu said the plan had failed. The news source Daily Lomu agreed. "
            "The online supermarket Kitomart cut prices, and the retailer Ruth Kito followed.")
    doc = load_model(disable=("parser",))(text)
    labels = {"Grace Lomu": "ORG", "Daily Lomu": "ORG", "Kitomart": "PERSON", "Ruth Kito": "PERSON"}
    rows = [{"start": text.index(n), "end": text.index(n) + len(n), "text": n, "name": n, "label": lab,
             "kind": "person" if lab == "PERSON" else "organization", "title": None} for n, lab in labels.items()]
    kinds = {r["name"]: r["kind"] for r in judge_kinds(doc, rows)}
    # "Daily" is no first name the list is sure of, "Ruth" is: their labels stand
    assert kinds == {"Grace Lomu": "person", "Daily Lomu": "organization", "Kitomart": "organization",
                     "Ruth Kito": "person"}


def test_kinds_come_from_the_evidence_of_all_mentions():
    c = tk.analyze(_frame(
        "Players love Kitocraft, a sandbox game released in 2012. Kitocraft is an open-source game, and "
        "Kitocraft version 5 came out last week.",
        "The earthquake struck at 7:40 p.m. local time (1640 UTC) on Friday. A second tremor followed at 2100 UTC.",
        "The Regional Sales Manager (RSM) said sales rose. The RSM added that the Clean Water Act would help. "
        "She converted to Islam in 2010 and gave the interview in French.",
        "President Trump said on Monday he would win. Trump told supporters that Trump would not lose."),
        quotes=False, topics=False)
    names = set(c.actors["name"])
    # a game, a time zone, a job title (and its acronym), a law, a religion, a language: no actors
    assert not names & {"Kitocraft", "UTC", "RSM", "Regional Sales Manager", "Clean Water Act", "Islam", "French"}
    assert c.actor("Trump").actor["kind"] == "person"  # the model reads "Trump" as an organisation here


def test_place_prepositions_and_labels_weigh_as_shares_of_the_mentions():
    c = _actors(
        "Professors at Kesterfield Polytechnic built the robot. Students from Kesterfield Polytechnic tested it. "
        "A visitor to Kesterfield Polytechnic filmed it. Kesterfield Polytechnic said the robot was safe. Funding "
        "came to Kesterfield Polytechnic from donors.",
        "Fighting spread in Korvania. Refugees from Korvania crossed the border. Aid flew to Korvania. Korvania has "
        "closed its airports.",
        "Arduvio SRL makes circuit boards. Marco Bellini founded Arduvio SRL in 2008, and Arduvio SRL now sells "
        "them worldwide.")
    kind = dict(zip(c.actors["name"], c.actors["kind"]))
    # "at", "from", "to" four times do not outweigh the model's four organisation labels in five;
    # "in Korvania" with place labels stays a place; a legal form ends a company's name, whatever
    # the model's person labels say
    assert kind["Kesterfield Polytechnic"] == "organization"
    assert kind["Korvania"] == "place"
    assert kind["Arduvio SRL"] == "organization" and kind["Marco Bellini"] == "person"


def test_people_of_one_surname_across_the_corpus():
    c = _actors(
        "President Daniel Mwangi of Lirania met Finance Minister Otieno Kamau in Nyeri on Monday. Daniel Mwangi "
        "said the budget was sound.",
        "Grace Mwangi, a singer from Mombasa, released a new album with the Lirania Music Group on Friday.",
        "President Mwangi told the Lirania parliament in Nyeri that Otieno Kamau would present the budget.",
        "Mwangi sang three songs in Mombasa for the Lirania Music Group, her label.")
    m = c.mentions.set_index("article_id")
    assert m.loc["a2"].query("text == 'Mwangi'")["name"].tolist() == ["Daniel Mwangi"]
    assert m.loc["a2"].query("text == 'Mwangi'")["resolved_by"].tolist() == ["corpus: title"]
    assert m.loc["a3"].query("text == 'Mwangi'")["name"].tolist() == ["Grace Mwangi"]
    assert m.loc["a3"].query("text == 'Mwangi'")["resolved_by"].tolist() == ["corpus: co-mentions"]
    assert "Mwangi" not in set(c.actors["name"])


def test_article_people_of_one_surname_are_not_overruled_by_the_corpus():
    texts = ["President Jomo Ade of Lirania opened a dam in Nyeri. Ade said Kisumu would get water next.",
             "Jomo Ade, the president, flew from Kisumu to Nyeri for the Lirania harvest fair on Sunday.",
             "Lirania's Jomo Ade signed the roads bill in Kisumu; workers in Nyeri cheered the new law.",
             "Teachers in Nyeri went on strike. Jomo Ade promised them a raise in a speech in Kisumu, Lirania.",
             "A Kisumu court fined a Nyeri trader. President Jomo Ade of Lirania pardoned him a week later.",
             "Jomo Ade named a new cabinet for Lirania, with two ministers from Kisumu and none from Nyeri."]
    texts.append("Kito Ade and Sara Ade, two farmers from Nyeri, sued the Lirania government in Kisumu. "
                 "Ade told reporters the case would take a year.")
    m = _actors(*texts).mentions
    bare = m[(m["article_id"] == "a6") & (m["text"] == "Ade")]
    assert len(bare) == 1
    assert bare["name"].iloc[0] != "Jomo Ade"  # neither Kito nor Sara is the president named elsewhere
    assert set(m.loc[m["article_id"] == "a0", "name"]) >= {"Jomo Ade"}


def test_a_place_inside_the_name_of_a_law_stays_a_mention_of_the_place():
    text = "The Lirania Land Reform Act angered farmers in Lirania."
    c = _actors(text, "Farmers in Lirania and Uganda protested.")
    m = c.mentions[c.mentions["article_id"] == "a0"]
    assert m["text"].tolist() == ["Lirania", "Lirania"]
    assert m["start"].iloc[0] == 4 and text[m["start"].iloc[0]:m["end"].iloc[0]] == "Lirania"
    assert set(m["actor_id"]) == {c.actor("Lirania").actor["actor_id"]}
    assert not c.actors["name"].str.contains("Act").any()


def test_a_place_inside_the_name_of_an_event_stays_a_mention_of_the_place():
    # events named after their host city are no actors, but the city is (like a law's place)
    text = "She won the Kisumu Marathon in April, two years after the Nakuru Summit."
    c = _actors(text, "Traffic was stopped in Kisumu and in Nakuru for the race.")
    m = c.mentions[c.mentions["article_id"] == "a0"]
    assert m["text"].tolist() == ["Kisumu", "Nakuru"]
    assert set(c.mentions["name"]) == {"Kisumu", "Nakuru"}
    assert not c.actors["name"].str.contains("Marathon|Summit").any()


def test_bare_surname_of_the_corpus_prominent_person():
    c = _actors("President Jomo Ade of Lirania opened a dam in Nyeri on Monday.",
                "Jomo Ade flew from Kisumu to the harvest fair on Sunday.",
                "Teachers went on strike in Mombasa, and Jomo Ade promised them a raise.",
                "Jomo Ade named a new cabinet with two ministers from Eldoret.",
                "Polls show Ade far ahead of his rivals in the coastal towns of Malindi and Lamu.")
    bare = c.mentions[(c.mentions["article_id"] == "a4") & (c.mentions["text"] == "Ade")]
    assert bare["name"].tolist() == ["Jomo Ade"]
    assert bare["resolved_by"].tolist() == ["corpus: only full name"]


@pytest.mark.parametrize("quotes", [False, True])  # without tags (NER only) and with the parser
def test_the_subject_after_a_fronted_phrase_describes_no_place(quotes):
    texts = ["On the second day of a tour of Lirania, the minister predicted a vaccine would be ready.",
             "Kito, a sandbox game, was released on Friday by Lira Soft."]
    c = tk.analyze(_frame(*texts), quotes=quotes, topics=False)
    m = c.mentions.set_index("text")
    assert m.loc["Lirania", "kind"] == "place"  # not a product for the "vaccine" of the next clause
    assert "Kito" not in set(c.actors["name"])  # the apposition still says what Kito is


def test_ranges_of_quantities_are_no_match_scores():
    text = ("Clinics in Lirania see 20-30 patients a day and wait 2-3 weeks for drugs from Uganda. "
            "Nurses aged 25-30 try to help; 4-5% of them left for Uganda last year, and 18-19 years ago for Kenya.")
    m = _actors(text).mentions
    assert set(m.loc[m["text"] == "Uganda", "name"]) == {"Uganda"}  # a country, not its national team
    sport = _actors("Kenya beat Uganda 3-1 on Sunday and drew 1-1 with Tanzania. The coach praised the squad "
                    "and the captain after the match.").mentions
    assert "Uganda (team)" in set(sport["name"])


def test_given_name_coordinated_with_a_full_name_shares_its_surname():
    c = _actors("Mark and Patricia Otieno, a couple from Kisumu, met Mark Wanjiru in Nairobi. "
                "Later, Prince Kito and Ana Lima Ruiz arrived, and Lira Bank and Jo Ade signed the deal.")
    m = c.mentions.set_index("start")
    assert m.loc[0, "text"] == "Mark" and m.loc[0, "name"] == "Mark Otieno"
    assert m.loc[0, "resolved_by"] == "article: shared surname"
    assert "Mark Wanjiru" in set(c.actors["name"]) and "Kito Ruiz" not in set(c.mentions["name"])
    assert "Lira Ade" not in set(c.mentions["name"])


def test_a_score_after_a_players_name_is_no_part_of_it():
    c = _actors("Ivan Petrov beat Tommy Robles 7-6 (8-6) 6-2 in the final dead rubber, and Lee Min-ho watched.")
    assert {"Ivan Petrov", "Tommy Robles", "Lee Min-ho"} <= set(c.mentions["name"])
    assert not c.mentions["text"].str.contains(r"\d").any()


def test_people_introduced_by_a_given_name():
    c = tk.analyze(_frame("The protest was led by a 40-year-old Kisumu resident named Caroline. "
                          "\u201cWe will be back,\u201d she said."), topics=False)
    m = c.mentions
    assert m.loc[m["text"] == "Caroline", "kind"].tolist() == ["person"]
    assert c.quotes["speaker"].tolist() == ["Caroline"]
    missed = _actors("She met a 30-year-old resident named Precious in Lira.",  # the model sees no name
                     "Jo Ade was named May's player of the month in Lira.", "A town named Ivy lies near Lira.")
    assert missed.mentions.loc[missed.mentions["text"] == "Precious", "kind"].tolist() == ["person"]
    assert not missed.mentions["text"].isin(["May", "Ivy"]).any()


def test_actor_lookup_prefers_the_actor_readers_mean():
    texts = [f"President Jomo Ade of Lirania spoke in Nyeri on day {i}. Ade said the talks in Nyeri went well."
             for i in range(4)]
    texts += ["Kito Ade, a farmer, sold maize in Lirania.", "Ade met farmers in Lirania and Nyeri."]
    c = _actors(*texts)
    assert c.actor("Ade").actor["name"] == "Jomo Ade"
    assert c.actor("President Ade").actor["name"] == "Jomo Ade"  # a title is no part of the name
    with pytest.raises(UnknownActorError, match="did you mean: Jomo Ade") as err:
        c.actor("Presdient Jomo Ade")  # a misspelt title
    assert err.value.candidates[0] == "Jomo Ade"
    with pytest.raises(UnknownActorError, match="Jomo Ade"):
        c.actor("Jomo Adee")


def test_same_name_different_actors_by_context():
    c = _actors(
        "Kenya's Supreme Court ruled on the election petition in Nairobi. The Supreme Court said Kenya's "
        "electoral body had erred, and Kenyan lawyers welcomed it.",
        "Uganda's Supreme Court in Kampala dismissed the case. The Supreme Court said Uganda's army acted "
        "lawfully, and Ugandan lawyers disagreed.",
        "England beat France 24-18 at Twickenham on Saturday. The England coach praised the squad after the "
        "match, and the France captain said his side lacked a try in the first half of the championship.",
        "France and England signed a trade deal in Paris. France will cut tariffs on English cheese.",
        "She spoke in Albany, New York, on Monday, and later flew to New York City.")
    courts = set(c.mentions.loc[c.mentions["text"] == "Supreme Court", "name"])
    assert courts == {"Supreme Court (Kenya)", "Supreme Court (Uganda)"}
    m = c.mentions
    sport = set(m.loc[(m["article_id"] == "a2") & (m["text"] == "France"), "name"])
    trade = set(m.loc[(m["article_id"] == "a3") & (m["text"] == "France"), "name"])
    assert sport == {"France (team)"} and trade == {"France"}
    assert c.actor("France (team)").actor["kind"] == "organization"


def test_headlines_surnames_only():
    heads = ["Okonjo, Mutiso clash over Lira port deal", "Mutiso: I will not resign from KPLA",
             "Okonjo hosts Wanyonyi at State House", "Wanyonyi, Mutiso meet in Kisumu ahead of rally"]
    c = _actors(*heads)
    m = c.mentions
    for aid, head in zip(["a0", "a1", "a2", "a3"], heads):
        found = set(m.loc[m["article_id"] == aid, "text"])
        for name in ("Okonjo", "Mutiso", "Wanyonyi", "KPLA"):
            if name in head:
                assert name in found, (head, name)


def test_names_given_after_people_expansions_cut_in_two_and_leaders_of():
    c = _actors(
        "Author Jo Ade published Ade Cash, a book on party funds, in Lira. Ade Cash sold well.",
        "Staff of the Cooperative Bank of Kitoland (CBK) went on strike. The CBK said talks would resume.",
        "Leaders of Lira Farmers Union met in Kito on Monday.")
    assert c.actor("Jo Ade").actor["n_mentions"] == 1  # the book is not the author
    cbk = c.actor("CBK").actor
    assert cbk["name"] == "Cooperative Bank of Kitoland" and cbk["n_mentions"] == 3
    assert "Lira Farmers Union" in set(c.actors["name"])


def test_picture_credits_are_no_mentions():
    c = _actors("Fans of Kito Banda filled the hall in Lira.\n\nImage: Jomo Otieno.\n\nA costume. "
                          "Image: Jomo Otieno.\n\nPhoto by Jomo Otieno")
    assert "Jomo Otieno" not in set(c.actors["name"]) and "Kito Banda" in set(c.actors["name"])


def test_a_surname_with_an_elided_particle_stays_in_the_name():
    c = _actors("The fund's chair, Marc D’Ambrosio, resigned on Friday. D’Ambrosio said the audit was unfair.",
                "Harbour board member Aoife O’Dwyer voted against the plan. O’Dwyer wants a new survey.")
    m = c.mentions
    assert {"Marc D’Ambrosio", "Aoife O’Dwyer"} <= set(m["name"]), m[["text", "name"]]
    assert not ({"Marc", "Aoife"} & set(m["name"])), m[["text", "name"]]


def test_a_headline_name_run_on_is_cut_at_a_full_name_the_body_labels_otherwise():
    from toolkit.actors.people import cut_headline_names

    text = "Checkers Say Dan Okafor Was Right On Potholes\n\nThe checkers backed Dan Okafor's count of potholes."
    head = {"start": 13, "end": 45, "text": text[13:45], "label": "PERSON", "title": None}
    body = {"start": 73, "end": 83, "text": "Dan Okafor", "label": "ORG", "title": None}  # the model's label
    rows = [head, body]
    assert cut_headline_names(text, rows) and head["text"] == "Dan Okafor" and head["end"] == 23


def test_an_organisations_person_after_a_possessive_is_a_person_of_their_own():
    import spacy
    from spacy.tokens import Span

    from toolkit.actors.extract import split_possessive

    doc = spacy.blank("en")("Harwick Capital's Simon Tarrant said so. The People's Liberation Army met.")
    whole = Span(doc, 0, 5, label="ORG")  # the model ran the firm and its analyst into one name
    assert [(doc[a:b].text, lab) for a, b, lab in split_possessive(doc, whole, "ORG")] == [
        ("Harwick Capital", "ORG"), ("Simon Tarrant", "PERSON")]
    army = Span(doc, 9, 13, label="ORG")  # no first name after the possessive: one name
    assert split_possessive(doc, army, "ORG") == []


def test_a_nickname_in_quotation_marks_stays_inside_the_name():
    c = _actors("Former drummer Mikko 'Hammer' Salo has quit the band. Salo said he needed rest.",
                "Prosecutors say Joaquin \"The Fox\" Ibarra ran the port. Ibarra denies it.")
    m = c.mentions
    assert set(m.loc[m["text"] == "Salo", "name"]) == {"Mikko 'Hammer' Salo"}, m[["text", "name"]]
    assert set(m.loc[m["text"] == "Ibarra", "name"]) == {"Joaquin \"The Fox\" Ibarra"}, m[["text", "name"]]
    assert "Mikko" not in set(m["name"])
