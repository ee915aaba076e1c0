"""The per-article stage: one spaCy Doc -> mention rows with their name within the article.

Four named stages, each a function of the article's rows so far:

1. :func:`entity_spans` -- the model's entities cut to the names in them (``spans``);
2. :func:`missed_organisations` -- organisations found by their head word, acronyms used without
   definition, and every later use of an acronym (``spans``, ``acronyms``);
3. :func:`fix_labels` -- labels from what the article shows, persons the model read as
   organisations, surnames and first names the model missed (``labels``, ``names``);
4. :func:`local_names` -- each mention's name within the article and its kind (``names``).
"""
from __future__ import annotations

import re

from .. import wordlists
from ..units import index_of, paragraph_starts, sentence_starts
from .acronyms import _find_acronyms, _implicit_acronyms
from . import gazetteer
from .aliases import AliasTable
from .context import article_context
from .evidence import judge_kinds
from .gender import name_list_gender
from .homonyms import is_generic, teams_and_states
from .missed import headline_names, introduced_names, missed_party_words
from .labels import _demonym_surnames, _people_labelled_as_orgs, _relabel
from .names import ENTITY_LABELS, _local_name, _org_heads, handle_names
from .people import (add_missed_names, cut_headline_names, cut_sentence_words, named_after_people, person_names,
                     without_suffixes)
from .spans import (LOWER_WORDS, ORG_HEADS, clean_surface, doc_text, inside, _dedupe, _drop_title_words, _headed_orgs, _span_row, _split_entity, glued_name_start,
                    speaker_labels)


def extract_mentions(doc, *, aliases: AliasTable | None = None) -> list[dict]:
    """Mentions of people, organisations, places and groups in one article.

    Returns dicts with start, end, text, label, sentence, paragraph, name (the name within the
    article: "Ana Lima" for a mention "Lima" after "Foreign Minister Ana Lima"), kind and title
    (e.g. "Foreign Minister", or None). ``aliases``: a user alias table from :func:`read_aliases`.
    Works on any Doc with entities (``nlp.pipe`` output); sentences come from the parser or the
    senter when present.
    """
    text = doc_text(doc)
    if not text.strip():
        return []
    ents = list(doc.ents)  # doc.ents builds new spans on every access
    labels = speaker_labels(text)
    rows = entity_spans(doc, ents, labels)
    acronyms = _find_acronyms(doc, text, ents)
    missed_organisations(doc, ents, rows, acronyms)
    rows = join_nicknames(text, join_elided_surnames(text, join_name_suffixes(text, join_party_words(text, rows))))
    rows = coordinated_given_names(text, rows)
    rows = sorted(rows + introduced_names(text, rows), key=lambda r: (r["start"], r["end"]))
    persons = fix_labels(doc, rows, acronyms, labels)
    return local_names(doc, rows, persons, acronyms, aliases)


_WORD_BEFORE = re.compile(r"([A-Z][a-z]+) $")


def join_party_words(text: str, rows: list[dict]) -> list[dict]:
    """A party word the model split from the word before it, when the two make another party's
    word ("Liberal" + "Democrat": "Liberal Democrat", not the US "Democrat"): one mention, and a
    mention ending with that word (also one holding a table's junk before it) dropped."""
    drop = set()
    for r in rows:
        surface = clean_surface(r["text"])
        if not gazetteer.party_of(surface):
            continue
        m = _WORD_BEFORE.search(text[max(0, r["start"] - 30):r["start"]])
        if not m or not gazetteer.party_of(f"{m.group(1)} {surface}"):
            continue
        start = r["start"] - 1 - len(m.group(1))
        drop |= {id(o) for o in rows if o is not r and o["start"] < r["start"] and start < o["end"] <= r["start"]}
        r["text"], r["start"] = text[start:r["end"]], start
    return [r for r in rows if id(r) not in drop] if drop else rows


_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV)\.?$")
_SUFFIX_AFTER = re.compile(r" (?:Jr|Sr|II|III|IV)\b(?![\w'’\-])")


def join_name_suffixes(text: str, rows: list[dict]) -> list[dict]:
    """A generational suffix the model split from the name before it, or left out ("Jo L Ade" +
    "Jr"), is part of that name ("Jo L Ade Jr"); after a comma it is no mention of its own."""
    ends = {r["end"]: r for r in rows if r["label"] == "PERSON"}
    taken = {r["start"] for r in rows}
    for end, r in list(ends.items()):
        m = _SUFFIX_AFTER.match(text, end)
        if m and end + 1 not in taken:
            r["end"], r["text"] = m.end(), text[r["start"]:m.end()]
            ends[m.end()] = r
    drop = set()
    for r in rows:
        if not _SUFFIX.match(r["text"]):
            continue
        prev = ends.get(r["start"] - 1) if text[r["start"] - 1:r["start"]] == " " else None
        if prev is not None and prev is not r:
            prev["end"], prev["text"] = r["end"], text[prev["start"]:r["end"]]
            drop.add(id(r))
        elif text[max(0, r["start"] - 2):r["start"]] == ", " and r["start"] - 2 in ends:
            drop.add(id(r))
    return [r for r in rows if id(r) not in drop] if drop else rows


_ELIDED_AFTER = re.compile(r" (?:[DLNO]|Mc)['’][A-Z][a-z]+(?:-[A-Z][a-z]+)?(?![\w'’])")


def join_elided_surnames(text: str, rows: list[dict]) -> list[dict]:
    """A surname with an elided particle ("O’Hara", "D’Costa", "N’Diaye") that the model cut off
    at the apostrophe ("Rory" of "Rory O’Hara") is part of the name before it."""
    starts = {r["start"] for r in rows}
    for r in rows:
        if r["label"] != "PERSON":
            continue
        m = _ELIDED_AFTER.match(text, r["end"])
        if m and r["end"] + 1 not in starts:
            r["end"], r["text"] = m.end(), text[r["start"]:m.end()]
    return rows


_NICKNAME = r"\s+['‘\"“][A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*){0,2}['’\"”]\s+"  # a nickname in quotation marks: " 'Tiger' "
_NICKNAME_BETWEEN = re.compile(_NICKNAME + "$")
_NICKNAME_AFTER = re.compile(_NICKNAME + r"([A-Z][a-z][\w'’\-]*)\b")


def join_nicknames(text: str, rows: list[dict]) -> list[dict]:
    """A nickname in quotation marks between a first name and a surname ("Ana 'Tiger' Ruiz") is
    part of one name, where the model made two of it ("Ana", "Ruiz")."""
    drop = set()
    starts = {r["start"] for r in rows}
    for k, a in enumerate(rows):
        if a["label"] != "PERSON" or id(a) in drop:
            continue
        b = rows[k + 1] if k + 1 < len(rows) else None
        if b is not None and b["label"] == "PERSON" and " " not in b["text"].strip() \
                and b["start"] - a["end"] <= 30 and _NICKNAME_BETWEEN.match(text[a["end"]:b["start"]]):
            a["end"], a["text"] = b["end"], text[a["start"]:b["end"]]
            drop.add(id(b))
            continue
        m = _NICKNAME_AFTER.match(text, a["end"])  # the surname the model left out
        if m and m.start(1) not in starts and " " not in a["text"].strip():
            a["end"], a["text"] = m.end(1), text[a["start"]:m.end(1)]
    return [r for r in rows if id(r) not in drop] if drop else rows


_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w.'’\-]*\s+$")
_GIVEN_AND = re.compile(r"(?<![\w'’\-])([A-Z][a-z]+)\s+(?:and|&)\s+$")


def coordinated_given_names(text: str, rows: list[dict]) -> list[dict]:
    """A given name joined by "and" to the full name of another person shares that person's
    surname: "Jo and Kito Ade" are Jo Ade and Kito Ade (couples, siblings, twins). The given name
    (one the offline name list knows, :func:`.gender.name_list_gender`, and no place or role
    word) becomes a person mention, whatever the model made of it or whether it saw it at all,
    with the name ``given_name_of`` for :func:`.names._local_name`."""
    by_start = {r["start"]: r for r in rows}
    added = []
    for r in rows:
        words = clean_surface(r["text"]).split()
        if r["label"] != "PERSON" or len(words) < 2 or r.get("title"):
            continue
        m = _GIVEN_AND.search(text[max(0, r["start"] - 30):r["start"]])
        if not m:
            continue
        given = m.group(1)
        if (not name_list_gender(given) and not any(
                o["label"] == "PERSON" and clean_surface(o["text"]) == given for o in rows)) \
                or gazetteer.is_role_word(given) or gazetteer.is_place(given) or given in words:
            continue
        start = r["start"] - len(m.group(0))
        end = start + len(given)
        if _CAPITALISED_BEFORE.search(text[max(0, start - 30):start]):
            continue  # "Prince Jo and Kito Ade", "Lira's Jo and ...": a title or a longer name before it
        surname = without_suffixes(words)[-1]
        row = by_start.get(start)
        if row is None:
            if any(o["start"] < end and start < o["end"] for o in rows):
                continue  # part of another name ("Lira Bank and Jo Ade")
            row = {"start": start, "end": end, "title": None}
            added.append(row)
        elif row["end"] != end:
            continue
        row.update(text=text[start:end], label="PERSON", given_name_of=f"{given} {surname}")
    return sorted(rows + added, key=lambda r: (r["start"], r["end"])) if added else rows


def entity_spans(doc, ents, labels: list[tuple[int, int]]) -> list[dict]:
    """Rows (start, end, label, title) for the names inside the model's entities."""
    text = doc_text(doc)
    lower_words = set(LOWER_WORDS.findall(text))  # "said" is a word here; a capitalised "Kito" is a name
    rows: list[dict] = []
    for ent in _joined_possessives(doc, ents):
        if ent.label_ not in ENTITY_LABELS:
            continue
        if labels and inside(labels, ent.start_char):
            continue  # a transcript's speaker label: "((XN))", "((Jo Ade))"
        label = ent.label_
        first = glued_name_start(doc, ent.start, label) if label in ("GPE", "NORP") else ent.start
        if first < ent.start:  # "Environment Canada", "Neo Democrats": a name of its own
            label, ent = "ORG", doc[first:ent.end]
        for start, end, part_label in split_possessive(doc, ent, label) or _split_entity(doc, ent, label):
            row = _span_row(doc, text, start, end, part_label, lower_words)
            if row is not None:
                rows.append(row)
    _drop_title_words(text, rows)
    return rows


_COMMON_NOUNS = wordlists.words("org_nouns") | wordlists.words("person_nouns")
_THE = re.compile(r"\b[Tt]he\s+$")


def split_possessive(doc, ent, label: str) -> list[tuple[int, int, str]]:
    """"Kito Bank's Jo Ade", one name to the model: the organisation (or place), then its person,
    when the two or three title-case words after the possessive open with a first name of the name
    list ("People's Liberation Army" stays whole); else []."""
    start, end = ent.start, ent.end
    poss = next((j for j in range(start + 1, end - 2) if doc[j].lower_ in ("'s", "’s")), None)
    if label not in ("ORG", "PERSON") or poss is None or end - poss - 1 not in (2, 3) \
            or not all(t.is_title for t in doc[poss + 1:end]) or not name_list_gender(doc[poss + 1].text):
        return []
    before = "GPE" if gazetteer.is_place(doc[start:poss].text) else "ORG"
    return [(start, poss, before), (poss + 1, end, "PERSON")]


def _common_noun(text: str, r: dict, name: str) -> bool:
    """"the Administration", "the Campaign": a capitalised common noun, no name (unless it heads
    organisations' names, "the Senate", or stands for one named in full in the article)."""
    return (" " not in name and name.lower() in _COMMON_NOUNS and name not in ORG_HEADS
            and not is_generic(name) and _THE.search(text[max(0, r["start"] - 5):r["start"]]) is not None)


def _joined_possessives(doc, ents):
    """Two organisations the model cut at a possessive are one: "Lira People's" + "Pact" ->
    "Lira People's Pact"."""
    from spacy.tokens import Span  # spaCy loads with the model, not with the toolkit
    out = []
    for ent in ents:
        prev = out[-1] if out else None
        if (prev is not None and prev.label_ == "ORG" and ent.label_ == "ORG" and prev.end == ent.start
                and doc[prev.end - 1].text in ("'s", "’s", "'", "’")):
            out[-1] = Span(doc, prev.start, ent.end, label="ORG")
            continue
        out.append(ent)
    return out


def missed_organisations(doc, ents, rows: list[dict], acronyms: dict) -> None:
    """Add organisations by their head word, undefined acronyms that spell a name of the article,
    and every bare use of a known acronym (a mention of its expansion)."""
    text = doc_text(doc)
    rows.extend(_headed_orgs(doc, rows))
    rows.extend(missed_party_words(doc, rows))
    rows.extend(headline_names(doc, rows))
    for acro, (s, e) in _implicit_acronyms(doc, ents, acronyms).items():
        acronyms[acro] = (text[s:e], "ORG")
        rows[:] = [r for r in rows if r["end"] <= s or r["start"] >= e]
        rows.append({"start": s, "end": e, "label": "ORG", "title": None})
    for acro, (expansion, exp_label) in acronyms.items():
        _whole_expansion(text, rows, acro, expansion, exp_label)
        for m in re.finditer(r"(?<![\w.])" + re.escape(acro) + r"(?![\w])", text):
            if not any(r["start"] <= m.start() < r["end"] for r in rows):
                rows.append({"start": m.start(), "end": m.end(), "label": exp_label, "title": None})
    for r in rows:
        r["text"] = text[r["start"]:r["end"]]


def _whole_expansion(text: str, rows: list[dict], acro: str, expansion: str, label: str) -> None:
    """The expansion before "(ACRONYM)" is one name, also where the model cut it in two
    ("Lira Bank" + "Kito" of "Lira Bank of Kito (LBK)"), and where the model kept only its start
    ("Kito Union for Roads" of "Kito Union for Roads and Rails (Kurr)")."""
    m = re.search(re.escape(expansion) + r"\s*\(\s*" + re.escape(acro) + r"\s*\)", text)
    if m is None:
        return
    s, e = m.start(), m.start() + len(expansion)
    inside = [r for r in rows if s <= r["start"] and r["end"] <= e]
    cut = len(inside) >= 2 or (len(inside) == 1 and inside[0]["start"] == s)
    if cut and not any(r["start"] == s and r["end"] == e for r in inside):
        rows[:] = [r for r in rows if not (s <= r["start"] and r["end"] <= e)]
        rows.append({"start": s, "end": e, "label": label if label in ("ORG", "GPE", "LOC", "FAC", "NORP") else "ORG",
                     "title": None})


def fix_labels(doc, rows: list[dict], acronyms: dict, labels: list[tuple[int, int]]) -> dict[str, str]:
    """Relabel rows from the article's evidence and add surnames or first names the model missed;
    returns the article's person names (a surname or short form -> the full name)."""
    text = doc_text(doc)
    taken = bytearray(len(text) + 1)
    for r in rows:
        taken[r["start"]:r["end"]] = b"\x01" * (r["end"] - r["start"])
    for a, b in labels:
        taken[a:b] = b"\x01" * (b - a)
    _relabel(rows, acronyms)
    _demonym_surnames(doc, rows)
    cut_headline_names(text, rows)
    cut_sentence_words(text, rows)
    named_after_people(rows)
    persons = person_names(rows, text)
    if _people_labelled_as_orgs(rows, text):
        persons = person_names(rows, text)
    add_missed_names(doc, rows, persons, taken)
    return persons


def local_names(doc, rows: list[dict], persons: dict, acronyms: dict, aliases) -> list[dict]:
    """The mention rows in text order with their name within the article, kind, sentence and
    paragraph; a mention overlapping an earlier, longer one is dropped."""
    text = doc_text(doc)
    sent_starts = sentence_starts(doc, text)
    para_starts = paragraph_starts(text)
    orgs = _org_heads(rows, doc.vocab)
    ctx = article_context(rows)
    out = []
    for r in sorted(rows, key=lambda r: (r["start"], r["end"])):
        name, kind, label, how = _local_name(r, persons, orgs, acronyms, aliases, ctx)
        if not name or (how is None and _common_noun(text, r, name)):
            continue
        out.append({
            "start": r["start"], "end": r["end"], "text": r["text"], "label": label,
            "sentence": index_of(sent_starts, r["start"]), "paragraph": index_of(para_starts, r["start"]),
            "name": name, "kind": kind, "title": r.get("title"), "resolved_by": how,
        })
    out = handle_names(text, _dedupe(out))
    for r in out:
        if r["resolved_by"] == "handle":
            r["sentence"], r["paragraph"] = index_of(sent_starts, r["start"]), index_of(para_starts, r["start"])
    out = judge_kinds(doc, out)
    teams_and_states(text, out)
    return out
