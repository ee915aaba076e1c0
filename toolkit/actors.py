"""Actors: entity mentions found by spaCy, repaired with rules for news text, and merged into
canonical actors across the corpus.

Two steps, so that the per-article work can run anywhere (processes, Dask workers, a cache):

- :func:`extract_mentions` (one article's spaCy ``Doc`` -> mention rows with a local canonical
  ``name``, ``kind`` and ``title``);
- :func:`merge_actors` (all mention rows -> the ``actors`` table and an ``actor_id`` per mention).

Rules, each meant to generalise rather than fit one text:
titles and roles before a name are kept apart ("US Secretary of State Marco Rubio" -> name
"Marco Rubio", title "Secretary of State"); a surname or first name that the model misses or
mislabels after the full name appeared is a mention of that person; acronyms defined in the text
("Democratic Republic of Congo (DRC)") merge with their expansion; common variants of country and
institution names ("US", "U.S.", "the United States") are one actor; a leading "the" and a
possessive "'s" are not part of names; demonyms ("Rwandan") become ``DEMONYM`` mentions of their
country; places the model labels as organisations (capitals used for governments: "Kinshasa")
keep their place identity.

Repairs of the model's spans and labels: name particles ("Bingu wa Mutharika"), a first name left
out ("Mutembo Nchito"), a full name read as a place or organisation when the article uses its
first name or surname as a person ("Royd Moonga"), a place glued before a name ("Vermont Bernie
Sanders"), a surname that is also a city ("Mr Amsterdam", unless the article says "in Amsterdam"),
two names run together ("Hot FM and University of Zambia", "EYOUTHM Facebook"), post-nominal
titles ("Paul Boateng MP"), and organisations the model missed, found by their head word
("National Restoration Party"). Not mentions: transcript speaker labels ("((WN))") and titles
read as names ("MPs"). Short forms: "House" in an article naming the "House of Representatives",
party words of US and UK news ("Democrats", "Tories", "Lib Dems"), an acronym used without
brackets whose initials spell a name of the article ("UPND"), and an acronym defined in another
article of the corpus.

Measured on a hand-checked gold set and a held-out one (``benchmarks/bench_actors.py``): actor
recall 95.5 % / 90.4 %, fragmentation 2.4 % / 4.1 %, over-merging 1.0 % / 1.6 %.

Limits: English only; no coreference beyond names (pronouns are handled in quotes); a bare surname
shared by two people of the corpus stays its own actor; one name for two actors ("Supreme Court"
of Zambia and of the United States in two articles) is one actor unless the article names it in
full; a user alias table fixes what the rules cannot.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pandas as pd

from . import gazetteer
from .errors import InvalidOptionError
from .nlp import sentence_starts

ENTITY_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
                 "FAC": "place", "NORP": "group"}
KINDS = ("person", "organization", "place", "group", "other")
MENTION_COLUMNS = ["article_id", "start", "end", "text", "label", "actor_id", "sentence", "paragraph",
                   "name", "kind", "title"]
ACTOR_COLUMNS = ["actor_id", "name", "kind", "aliases", "titles", "n_mentions", "n_articles"]

_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z0-9&\-]{1,9}$")  # "DRC", "AfCFTA"
_SMALL_WORDS = {"of", "the", "for", "and", "de", "du", "des", "la", "le", "in", "on", "to", "&", "at", "a", "an"}
# "Former Secretary of State": the role is "Secretary of State" whatever its time.
_TIME_QUALIFIERS = {"former", "acting", "interim", "outgoing", "incoming", "then", "late", "ex"}
_INITIAL = re.compile(r"^[A-Z]\.?$")
# Lower-case words standing alone (not parts of "well-known" or "don't"): a capitalised word
# found among them is an ordinary word at the start of a sentence, not a name.
_LOWER_WORDS = re.compile(r"(?<![\w'’\-])[a-z]+(?![\w'’\-])")
_SPEAKER_LABEL = re.compile(r"\(\([^()\n]{1,80}\)\)")


def _speaker_labels(text: str) -> list[tuple[int, int]]:
    """Spans of a transcript's speaker labels ("((WN)) What interested you in chess?"): no mentions."""
    return [m.span() for m in _SPEAKER_LABEL.finditer(text)] if "((" in text else []


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


# --- per article --------------------------------------------------------------------------------

def extract_mentions(doc, *, aliases: AliasTable | None = None) -> list[dict]:
    """Mentions of people, organisations, places and groups in one article.

    Returns dicts with start, end, text, label, sentence, paragraph, name (the name within the
    article: "William Ruto" for a mention "Ruto"), kind and title (e.g. "President", or None).
    ``aliases``: a user alias table from :func:`read_aliases`.
    """
    text = doc.text
    if not text.strip():
        return []
    sent_starts = sentence_starts(doc, text)
    para_starts = [0] + [m.end() for m in re.finditer(r"\n\n", text)]
    ents = list(doc.ents)  # doc.ents builds new spans on every access
    acronyms = _find_acronyms(doc, text, ents)
    lower_words = set(_LOWER_WORDS.findall(text))  # "said" is a word here; "Mutembo" is a name
    labels = _speaker_labels(text)
    rows: list[dict] = []
    taken = bytearray(len(text) + 1)

    for ent in ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        if labels and (ent.start_char - 2, ent.end_char + 2) in labels:
            continue  # the whole label is the entity: "((WN))"
        for start, end in _split_entity(doc, ent):
            row = _span_row(doc, text, start, end, ent.label_, lower_words)
            if row is not None:
                rows.append(row)

    _drop_title_words(text, rows)
    rows.extend(_headed_orgs(doc, rows))
    for acro, (s, e) in _implicit_acronyms(doc, ents, acronyms).items():
        acronyms[acro] = (text[s:e], "ORG")
        rows[:] = [r for r in rows if r["end"] <= s or r["start"] >= e]
        rows.append({"start": s, "end": e, "label": "ORG", "title": None})
    # Acronym expansions: the defining "(DRC)" and later bare uses are mentions of the expansion.
    for acro, (exp_name, exp_label) in acronyms.items():
        for m in re.finditer(r"(?<![\w.])" + re.escape(acro) + r"(?![\w])", text):
            if not any(r["start"] <= m.start() < r["end"] for r in rows):
                rows.append({"start": m.start(), "end": m.end(), "label": exp_label, "title": None})
    for r in rows:
        r["text"] = text[r["start"]:r["end"]]
        for i in range(r["start"], r["end"]):
            taken[i] = 1

    for a, b in labels:
        taken[a:b] = b"\x01" * (b - a)
    _relabel(rows, acronyms)
    persons = _person_names(rows, text)
    if _people_labelled_as_orgs(rows, text):
        persons = _person_names(rows, text)
    _add_missed_names(doc, rows, persons, taken)

    orgs = _org_heads(rows)
    out = []
    for r in sorted(rows, key=lambda r: (r["start"], r["end"])):
        name, kind, label = _local_name(r, persons, orgs, acronyms, aliases)
        if not name:
            continue
        out.append({
            "start": r["start"], "end": r["end"], "text": r["text"], "label": label,
            "sentence": _index(sent_starts, r["start"]), "paragraph": _index(para_starts, r["start"]),
            "name": name, "kind": kind, "title": r.get("title"),
        })
    return _dedupe(out)


# Social platforms named after a group or page ("Zambian People's Pact Facebook group").
_PLATFORMS = {"Facebook", "Twitter", "YouTube", "Instagram", "WhatsApp", "TikTok", "Telegram", "LinkedIn"}
# Institutions that start a second name after "and" ("Hot FM and University of Zambia").
_INSTITUTIONS = {"University", "Ministry", "Department", "Bank", "Council", "Commission", "Institute",
                 "College", "School", "Hospital", "Office", "Board", "Agency", "Court", "Parliament"}
# Lower-case particles inside personal names ("Bingu wa Mutharika", "Mohammad bin Salman").
_NAME_PARTICLES = {"wa", "bin", "ibn", "bint", "al", "el", "van", "von", "der", "den", "de", "da", "di", "du",
                   "del", "della", "dos", "das", "la", "le", "ter", "ten", "ould", "abu", "y"}


def _split_entity(doc, ent) -> list[tuple[int, int]]:
    """Token spans of the names inside one entity: the model often runs two names together."""
    start, end = ent.start, ent.end
    if ent.label_ == "ORG" and end - start >= 2 and doc[end - 1].text in _PLATFORMS:
        return [(start, end - 1), (end - 1, end)]  # a group's page: the group, and the platform
    if ent.label_ == "ORG":
        for j in range(start + 2, end - 2):
            if doc[j].lower_ == "and" and doc[j + 1].text in _INSTITUTIONS and doc[j + 2].lower_ == "of":
                return [(start, j), (j + 1, end)]
    return [(start, end)]


_ORG_MODIFIERS = {"opposition", "ruling", "former", "governing", "banned", "outlawed"}
_ORG_HEADS = {"Party", "Front", "Movement", "Union", "Council", "Commission", "Committee", "Ministry", "Agency",
              "Association", "Federation", "Foundation", "Institute", "University", "Court", "Bank", "Army",
              "Forces", "Police", "Church", "Network", "Alliance", "Congress", "Assembly", "Parliament", "Senate",
              "Organisation", "Organization", "Corporation", "Coalition", "League", "Authority", "Society"}


def _headed_orgs(doc, rows: list[dict]) -> list[dict]:
    """Organisations the model missed, by the word that heads their name: capitalised words ending
    in "Party", "Front", "Council"... ("Opposition National Restoration Party" -> "National
    Restoration Party"; a role word, a stop word or another entity ends the name)."""
    def name_word(t) -> bool:
        return t.is_title and not t.ent_type_ and not t.is_stop and not gazetteer.is_role_word(t.text)

    out = []
    covered = sorted((r["start"], r["end"]) for r in rows)
    for tok in doc:
        if tok.text not in _ORG_HEADS or tok.ent_type_ or tok.i == 0:
            continue
        i = tok.i - 1
        while i >= 0 and name_word(doc[i]) and not doc[i].is_sent_start:
            i -= 1
        if i >= 0 and name_word(doc[i]):
            i -= 1  # a name can open the sentence
        first = i + 1
        if first == tok.i:
            continue
        s, e = doc[first].idx, tok.idx + len(tok.text)
        if any(a < e and s < b for a, b in covered):
            continue
        out.append({"start": s, "end": e, "label": "ORG", "title": None})
    return out


def _span_row(doc, text: str, start: int, end: int, label: str, lower_words: set) -> dict | None:
    """Trim "the", possessives, titles and punctuation off an entity span; add the first name the
    model left out of a surname ("Mutembo" of "Director of Public Prosecutions Mutembo Nchito")."""
    title_tokens = []
    if label == "PERSON" and end - start == 1 and start > 0:
        prev = doc[start - 1]
        if (prev.is_title and prev.is_alpha and not prev.ent_type_ and not prev.is_sent_start and not prev.is_stop
                and prev.lower_ not in lower_words and not gazetteer.is_role_word(prev.text)
                and not gazetteer.is_place(prev.text) and not gazetteer.country_of_demonym(prev.text)):
            start -= 1
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    for j in range(start, end):  # "African Continental Free Trade Area (AfCFTA": stop at the bracket
        if doc[j].text in ("(", "[") and j > start:
            end = j
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text in ("'s", "’s", "'", "’")
                           or doc[end - 1].lower_ in ("of", "and", "the", "for", "in", "at")
                           or (end - start > 1 and not any(ch.isupper() or ch.isdigit() for ch in doc[end - 1].text)
                               and doc[end - 1].text.capitalize() not in _ORG_HEADS)):
        end -= 1  # names end in a capitalised word ("COVID-19 से" is cut) or a head ("Democratic party")
    while label == "ORG" and end - start >= 3 and doc[start].lower_ in _ORG_MODIFIERS:
        start += 1  # "Opposition National Restoration Party": the party's name starts after
    if label == "ORG" and end - start >= 2 and doc[end - 1].lower_ == "summit":
        end -= 1  # "African Union Summit", "G8 Summit": the organisation that meets
    if label == "PERSON":
        j = end
        while j < len(doc) - 1 and doc[j].text in _NAME_PARTICLES and not doc[j].ent_type_:
            j += 1
        if j > end and doc[j].is_title and (doc[j].ent_type_ in ("", "PERSON") or (
                doc[j].ent_iob_ == "B" and (j + 1 == len(doc) or doc[j + 1].ent_iob_ != "I")
                and not gazetteer.is_place(doc[j].text))):
            end = j + 1  # the model stops at the particle: "Bingu" of "Bingu wa Mutharika"
        while end - start > 1 and doc[end - 1].is_upper and gazetteer.is_role_word(doc[end - 1].text):
            end -= 1  # post-nominals: "Paul Boateng MP"
        for k in (2, 1):  # a party or demonym before the title: "Lib Dem MP Lembit Opik"
            lead = doc[start:start + k].text
            if (start + k < end - 1 and gazetteer.is_role_word(doc[start + k].text)
                    and (gazetteer.party_of(lead) or gazetteer.country_of_demonym(lead))):
                start += k
                break
        while end - start > 1 and gazetteer.is_role_word(doc[start].text):
            if doc[start].lower_ not in _TIME_QUALIFIERS:
                title_tokens.append(doc[start].text)
            start += 1
    if start >= end:
        return None
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    surface = _POSSESSIVE.sub("", text[s:e])
    e = s + len(surface)
    first_alpha = next((ch for ch in surface if ch.isalpha()), None)
    if first_alpha is None or not (first_alpha.isupper() or surface[0].isdigit() or surface[0] == "@"):
        return None  # English names are capitalised; this also drops caseless scripts the model misreads
    title = " ".join(title_tokens) or None
    if label == "PERSON":
        before = _title_before(doc, text, start)
        if before:
            title = before if not title else f"{before} {title}"
    return {"start": s, "end": e, "label": label, "title": title, "tok": (start, end)}


def _title_before(doc, text: str, start: int) -> str | None:
    """Role words right before a person's name: "US Secretary of State" -> "Secretary of State"."""
    i = start - 1
    words = []
    while i >= 0 and start - i <= 8:
        tok = doc[i]
        if tok.ent_type_ in ("PERSON", "GPE", "NORP", "LOC"):
            break  # another name, or the country before a title ("US Secretary of State")
        # A run of role words joined by of/for/-, and by "and" only between role words ("Minister of
        # Interior Eli Yishai and Prime Minister Benjamin Netanyahu" -> "Prime Minister").
        joins = tok.lower_ in ("of", "for", "-") or (tok.lower_ == "and" and i > 0
                                                       and gazetteer.is_role_word(doc[i - 1].text))
        if gazetteer.is_role_word(tok.text) or joins or (tok.text == "." and words):
            words.append(tok)
            i -= 1
            continue
        break
    words.reverse()
    # The title runs from the first role word; leading country names or demonyms are not part of it.
    for j, tok in enumerate(words):
        if gazetteer.is_role_word(tok.text) and tok.lower_ not in _TIME_QUALIFIERS:
            tail = words[j:]
            while tail and tail[-1].lower_ in ("of", "for", "and", "-"):
                tail.pop()
            if any(gazetteer.is_title_head(t.text) for t in tail):
                return text[tail[0].idx: tail[-1].idx + len(tail[-1].text)]
            return None
    return None


def _drop_title_words(text: str, rows: list[dict]) -> None:
    """Entities inside a person's title ("State" in "Secretary of State") are not actors."""
    spans = []
    for r in rows:
        if r["label"] == "PERSON" and r.get("title"):
            t_end = r["start"]
            t_start = text.rfind(r["title"], 0, t_end)
            if t_start >= 0:
                spans.append((t_start, t_start + len(r["title"])))
    if spans:
        rows[:] = [r for r in rows if r["label"] in ("GPE", "NORP", "PERSON")
                   or not any(s <= r["start"] and r["end"] <= e for s, e in spans)]


def _find_acronyms(doc, text: str, ents) -> dict[str, tuple[str, str]]:
    """Acronyms defined in parentheses after their expansion: acronym -> (expansion, spaCy label)."""
    found: dict[str, tuple[str, str]] = {}
    for i, tok in enumerate(doc[:-2]):
        if tok.text != "(" or doc[i + 2].text != ")":
            continue
        acro = doc[i + 1].text
        if not _ACRONYM.match(acro) or acro in found:
            continue
        letters = [c for c in acro if c.isupper()]
        # Walk back over the expansion, matching initials from the last letter.
        j, k = i - 1, len(letters) - 1
        while j >= 0 and k >= 0 and i - j <= 12:
            w = doc[j]
            if w.lower_ in _SMALL_WORDS and k < len(letters) - 1:
                j -= 1
                continue
            if w.text[:1].upper() == letters[k] and w.text[:1].isupper():
                k -= 1
                j -= 1
                continue
            break
        if k >= 0:
            first = _unordered_expansion(ents, i, letters)
            if first is None:
                continue
        else:
            first = j + 1
        while first < i and doc[first].lower_ in _SMALL_WORDS:
            first += 1
        expansion = text[doc[first].idx:doc[i - 1].idx + len(doc[i - 1].text)]
        label = "ORG"
        for ent in ents:
            if ent.start <= first < ent.end or first <= ent.start < i:
                label = ent.label_ if ent.label_ in ENTITY_LABELS else "ORG"
                break
        found[acro] = (expansion, label)
    return found


def _implicit_acronyms(doc, ents, defined: dict) -> dict[str, tuple[int, int]]:
    """Acronyms the article uses without defining them, whose letters are the initials of a name
    the model found (at least in part) as an organisation in the same article: "UPND" and
    "United Party for National Development". Returns acronym -> character span of that name."""
    acros = sorted({e.text for e in ents if e.label_ == "ORG" and len(e) == 1 and e.text.isalpha()
                    and e.text.isupper() and 3 <= len(e.text) <= 6}
                   - set(defined) - set(gazetteer.VARIANTS))
    out = {}
    if not acros:
        return out
    starts: dict[str, list[int]] = defaultdict(list)
    for tok in doc:
        if tok.is_title:
            starts[tok.text[0]].append(tok.i)
    for acro in acros:
        for i in starts.get(acro[0], ()):
            j, k = i, 0
            while j < len(doc) and k < len(acro):
                w = doc[j]
                if k > 0 and w.lower_ in _SMALL_WORDS:
                    j += 1
                elif w.text[:1] == acro[k] and w.is_title:
                    j += 1
                    k += 1
                else:
                    break
            if k < len(acro):
                continue
            types = {t.ent_type_ for t in doc[i:j]}
            if "ORG" in types and "PERSON" not in types:
                out[acro] = (doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text))
                break
    return out


def _unordered_expansion(ents, i: int, letters: list[str]) -> int | None:
    """Start of an organisation's name ending right before "(": an acronym in parentheses there
    defines it even when its letters come in another order or from another language
    ("Democratic Forces for the Liberation of Rwanda (FDLR)", "Kurdistan Workers' Party (PKK)")."""
    for ent in ents:
        if ent.end == i:
            initials = sorted(t.text[0] for t in ent if t.text[:1].isupper())
            if initials == sorted(letters) or (ent.label_ in ("ORG", "NORP") and initials[:1] and
                                               any(c in letters for c in initials)):
                return ent.start
            return None
    return None


def _relabel(rows: list[dict], acronyms: dict) -> None:
    """Fix labels the small model gets wrong on news; drop titles read as names ("MPs")."""
    surfaces = [_clean_surface(r["text"]) for r in rows]
    surnames = {sf.split()[-1] for r, sf in zip(rows, surfaces)
                if r["label"] == "PERSON" and " " in sf}  # "King" of "Martin Luther King"
    rows[:] = [r for r, sf in zip(rows, surfaces) if not gazetteer.is_not_actor(sf) and (
               " " in sf or sf in surnames or not gazetteer.is_title_head(sf))]
    for r in rows:
        surface = _clean_surface(r["text"])
        if gazetteer.party_of(surface):
            r["label"] = "NORP"  # "Lib Dems" is not a person, "Labour" is a party
            continue
        if surface in acronyms:
            r["label"] = acronyms[surface][1]
        elif r["label"] in ("ORG", "NORP", "PERSON") and gazetteer.is_place(surface):
            r["label"] = "GPE"  # capitals used for governments stay places
        if surface in _PLATFORMS:
            r["label"] = "ORG"  # the small model often reads "Twitter" as a person
        if r["label"] == "NORP" and gazetteer.country_of_demonym(surface):
            r["label"] = "DEMONYM"
        if r["label"] in ("GPE", "LOC") and any(ch.isdigit() for ch in surface):
            r["label"] = "ORG"  # places do not have digits in their names (M23, G20)


_ORG_WORDS = {"university", "foundation", "institute", "party", "inc", "corp", "company", "group", "ministry",
              "airport", "school", "college", "hospital", "centre", "center", "house", "street", "stadium", "fund"}


def _people_labelled_as_orgs(rows: list[dict], text: str) -> bool:
    """"Uhuru Kenyatta" labelled ORG beside "Margaret Kenyatta" (PERSON): a two- or three-word name
    ending in the surname of a person of the article is a person too. Returns whether any changed."""
    surnames = {_clean_surface(r["text"]).split()[-1] for r in rows
                if r["label"] == "PERSON" and len(_clean_surface(r["text"]).split()) >= 2}
    fulls = {_clean_surface(r["text"]) for r in rows
             if r["label"] == "PERSON" and len(_clean_surface(r["text"]).split()) >= 2}
    # One-word mentions the model read as a person: "Royd" after "Royd Moonga" (labelled GPE).
    singles = {_clean_surface(r["text"]) for r in rows
               if r["label"] == "PERSON" and len(_clean_surface(r["text"]).split()) == 1}
    changed = False
    extra = []
    for r in rows:
        if r["label"] == "PERSON":
            continue
        toks = _clean_surface(r["text"]).split()
        name_like = all(t[:1].isupper() for t in toks) and not any(t.lower() in _ORG_WORDS for t in toks)
        # "Vermont Bernie Sanders": a place or word glued before a person's full name, or before a
        # first name and a surname the article uses alone
        glued = next((f for f in fulls if r["text"].endswith(" " + f) and len(f) < len(r["text"])), None)
        if glued is None and len(toks) >= 3 and toks[-1] in singles and name_like and r["text"].endswith(toks[-1]):
            glued = " ".join(toks[-2:])
            if not r["text"].endswith(glued) or gazetteer.is_place(glued):
                glued = None
        if glued:
            head = r["text"][: len(r["text"]) - len(glued)].strip()
            if gazetteer.is_place(head) or _after_place_word(text[max(0, r["start"] - 20):r["start"]]):
                extra.append({"start": r["start"], "end": r["start"] + len(head), "text": head,
                              "label": "GPE", "title": None})
            r["start"] = r["end"] - len(glued)
            r["text"] = glued
            r["label"] = "PERSON"
            changed = True
            continue
        if (r["label"] in ("ORG", "GPE", "NORP") and 2 <= len(toks) <= 3 and name_like
                and (toks[-1] in surnames or toks[0] in singles or toks[-1] in singles)
                and not gazetteer.is_place(" ".join(toks))):
            r["label"] = "PERSON"
            changed = True
    rows.extend(extra)
    return changed


_PLACE_PREPOSITIONS = {"in", "at", "from", "to", "near", "of", "across", "into"}


def _after_place_word(before: str) -> bool:
    words = before.split()
    return bool(words) and words[-1].lower() in _PLACE_PREPOSITIONS


def _used_as_place(text: str, word: str) -> bool:
    return re.search(r"\b(?:%s)\s+(?:the\s+)?%s\b" % ("|".join(sorted(_PLACE_PREPOSITIONS)), re.escape(word)),
                     text, flags=re.IGNORECASE) is not None


def _person_names(rows: list[dict], text: str) -> dict[str, str]:
    """Names of people in an article -> the full name they stand for: a surname or first name used
    by one person only, a shorter form of a longer name ("John Luk" of "John Luk Jok"), and
    spellings with or without middle initials ("John R. Bolton", "John Bolton")."""
    fulls: list[str] = []
    for r in rows:
        if r["label"] == "PERSON":
            name = _clean_surface(r["text"])
            if len(name.split()) >= 2 and name not in fulls:
                fulls.append(name)
    core = {n: [t for t in n.split() if not _INITIAL.match(t)] for n in fulls}
    canon = {}
    for a in fulls:
        ta = core[a]
        longer = [b for b in fulls if len(core[b]) > len(ta) and core[b][:len(ta)] == ta]
        same = [b for b in fulls if normalize_name(b) == normalize_name(a)]
        if len(longer) == 1:
            canon[a] = longer[0]
        else:  # the spelling with the most words (initials included) stands for all
            canon[a] = max(same, key=lambda b: (len(b.split()), b))
    parts: dict[str, set] = defaultdict(set)
    for name in fulls:
        toks = core[name]
        if not toks:  # initials only ("J. K."): no surname or first name to look for
            continue
        for t in {toks[0], toks[-1]}:
            # "Amsterdam" of "Robert Amsterdam" is the lawyer, unless the article also uses the
            # word as a place ("in Amsterdam")
            if gazetteer.country_of_demonym(t) or (gazetteer.is_place(t) and _used_as_place(text, t)):
                continue
            parts[t].add(canon[name])
    out = {p: next(iter(names)) for p, names in parts.items() if len(names) == 1}
    out.update(canon)
    return out


def _add_missed_names(doc, rows: list[dict], persons: dict[str, str], taken: bytearray) -> None:
    """A surname or first name of a person named in full earlier in the article is a mention of
    that person, also where the model missed or mislabelled it."""
    if not persons:
        return
    first_seen = {}
    for r in rows:
        if r["label"] == "PERSON":
            first_seen.setdefault(_clean_surface(r["text"]), r["start"])
    by_start = {r["start"]: r for r in rows}
    for tok in doc:
        t = tok.text
        full = persons.get(t)
        if full is None or not tok.is_title or tok.idx <= first_seen.get(full, 1 << 60):
            continue
        r = by_start.get(tok.idx)
        if r is not None:
            if r["label"] != "PERSON" and r["end"] == tok.idx + len(t):
                r["label"] = "PERSON"
            continue
        if taken[tok.idx]:
            continue
        rows.append({"start": tok.idx, "end": tok.idx + len(t), "text": t, "label": "PERSON", "title": None})


_HEAD_OF = re.compile(r"^([A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*){0,2}) of (?:the )?[A-Z]")


def _org_heads(rows: list[dict]) -> dict[str, str]:
    """Short forms of an organisation named in full in the article: "House" of "House of
    Representatives", "Parliament" of "Parliament of Iraq" (when one organisation has that head)."""
    heads: dict[str, set] = defaultdict(set)
    for r in rows:
        if r["label"] in ("ORG", "FAC"):
            name = _clean_surface(r["text"])
            m = _HEAD_OF.match(name)
            if m and not gazetteer.is_role_word(m.group(1).split()[-1]):
                heads[m.group(1)].add(name)
    return {h: next(iter(names)) for h, names in heads.items() if len(names) == 1}


def _local_name(r: dict, persons: dict, orgs: dict, acronyms: dict, aliases: AliasTable | None):
    surface = _clean_surface(r["text"])
    label = r["label"]
    if aliases:
        hit = aliases.get(normalize_name(surface))
        if hit:
            name, kind = hit
            return name, kind or ENTITY_LABELS.get(label, "other"), label
    if label == "DEMONYM":
        return gazetteer.country_of_demonym(surface), "place", label
    if label == "NORP" and (party := gazetteer.party_of(surface)):
        return party, "organization", label
    if label == "NORP" and re.search(r"[a-rt-z]s$", surface):
        # "Muslims", "Kurds": one group with the singular ("Allies": "Ally")
        surface = surface[:-3] + "y" if surface.endswith("ies") else surface[:-1]
    if surface in acronyms:
        surface = acronyms[surface][0]
    if label == "PERSON":
        surface = persons.get(surface, surface)
    elif label == "ORG":
        surface = orgs.get(surface, surface)
        head = surface.rsplit(" ", 1)[-1]
        if " " in surface and head.islower() and head.capitalize() in _ORG_HEADS:
            surface = surface[: -len(head)] + head.capitalize()  # "Democratic party": one name, capitalised
    name = gazetteer.canonical_variant(surface)
    kind = ENTITY_LABELS.get(label, "other")
    if aliases:
        hit = aliases.get(normalize_name(name))
        if hit:
            return hit[0], hit[1] or kind, label
    return name, kind, label


def _clean_surface(s: str) -> str:
    s = _LEADING.sub("", s.strip())
    s = _POSSESSIVE.sub("", s)
    return re.sub(r"\s+", " ", s).strip(" .,;:-–—\"“”'’")


def _index(starts: list[int], pos: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, pos) - 1)


def _dedupe(rows: list[dict]) -> list[dict]:
    """Drop mentions overlapping an earlier, longer one (same span found twice by two rules)."""
    out, last_end = [], -1
    for r in rows:
        if r["start"] < last_end:
            continue
        out.append(r)
        last_end = r["end"]
    return out


# --- across the corpus --------------------------------------------------------------------------

def normalize_name(name: str) -> str:
    """Key for matching names: accents, case, dots and middle initials ignored."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = re.sub(r"[.'’`]", "", s)  # "People's" and "Peoples", "M'membe" and "Mmembe"
    s = re.sub(r"(?<=\w)-(?=\d)", "", s)  # "G-8" and "G8"
    toks = s.split()
    if len(toks) > 2:
        toks = [toks[0]] + [t for t in toks[1:-1] if len(t) > 1] + [toks[-1]]
    return " ".join(toks)


def slugify(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"['’`]", "", s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "actor"


def merge_actors(mentions: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Merge article-level names into corpus-wide actors.

    ``mentions`` needs article_id, text, name, kind, title. Returns (mentions with ``actor_id``,
    actors: actor_id, name, kind, aliases, titles, n_mentions, n_articles), sorted by
    n_mentions descending then name. Rules: names equal up to accents, case, dots and middle
    initials are one actor; a one-word person name joins the only full-name person of the corpus
    whose surname it is, and stays apart when there are several; two different
    full names never merge.
    """
    if mentions.empty:
        m = mentions.copy()
        m["actor_id"] = pd.Series(dtype="string")
        return m, pd.DataFrame({c: pd.Series(dtype="object") for c in ACTOR_COLUMNS})
    m = mentions.copy()
    keys = m["name"].map(normalize_name)
    # Kind of each key by majority of its mentions (ties: the order of KINDS).
    kind_votes = pd.crosstab(keys, m["kind"])
    key_kind = {k: max(row.index, key=lambda kd: (row[kd], -KINDS.index(kd) if kd in KINDS else -99))
                for k, row in kind_votes.iterrows()}
    person_full = [k for k, kd in key_kind.items() if kd == "person" and len(k.split()) >= 2]
    # A one-word name the model labelled a person at least once ("Trump", mostly read as ORG)
    # may join a person by surname, whatever its majority kind.
    ever_person = set(keys[(m["kind"] == "person").to_numpy()])
    part_owner: dict[str, set] = defaultdict(set)
    for k in person_full:
        toks = k.split()
        part_owner[toks[-1]].add(k)  # surnames only: first names are too often shared across a corpus
    target = {}
    for k, kd in key_kind.items():
        if (kd == "person" or k in ever_person) and len(k.split()) == 1 and len(part_owner.get(k, ())) == 1:
            target[k] = next(iter(part_owner[k]))
        else:
            target[k] = k
    target.update(_acronyms_defined_elsewhere(m["text"], keys, key_kind))
    m["_key"] = keys.map(target)

    # Display name: the most frequent full form among the key's names.
    names = m.groupby("_key")["name"].agg(lambda s: _display_name(s))
    kinds = m["_key"].map(lambda k: key_kind.get(k, "other"))
    m["_kind"] = kinds
    groups = m.groupby("_key", sort=True)
    actors = pd.DataFrame({
        "_key": list(groups.groups.keys()),
    })
    actors["name"] = actors["_key"].map(names)
    actors["kind"] = actors["_key"].map(lambda k: key_kind.get(k, "other"))
    # Plain lists in object columns: pandas would otherwise make Arrow list dtypes that Parquet
    # metadata cannot bring back.
    alias_sets, title_sets = defaultdict(set), defaultdict(set)
    for key, text, title in zip(m["_key"], m["text"], m["title"]):
        alias_sets[key].add(_clean_surface(str(text)))
        if isinstance(title, str) and title:
            title_sets[key].add(title)
    actors["aliases"] = pd.Series([sorted(alias_sets[k]) for k in actors["_key"]], index=actors.index, dtype=object)
    actors["titles"] = pd.Series([sorted(title_sets[k]) for k in actors["_key"]], index=actors.index, dtype=object)
    actors["n_mentions"] = actors["_key"].map(groups.size()).astype("int64")
    actors["n_articles"] = actors["_key"].map(groups["article_id"].nunique()).astype("int64")
    actors = actors.sort_values(["n_mentions", "name", "_key"], ascending=[False, True, True], kind="stable")
    # Stable slugs: by name; clashes numbered in the order above.
    used: dict[str, int] = {}
    ids = []
    for n in actors.sort_values(["name", "_key"], kind="stable")["name"]:
        base = slugify(n)
        used[base] = used.get(base, 0) + 1
        ids.append(base if used[base] == 1 else f"{base}-{used[base]}")
    id_by_key = dict(zip(actors.sort_values(["name", "_key"], kind="stable")["_key"], ids))
    actors["actor_id"] = actors["_key"].map(id_by_key).astype("string")
    m["actor_id"] = m["_key"].map(id_by_key).astype("string")
    actors = actors[ACTOR_COLUMNS].reset_index(drop=True)
    actors["name"] = actors["name"].astype("string")
    actors["kind"] = actors["kind"].astype("string")
    return m.drop(columns=["_key", "_kind"]), actors


def _acronyms_defined_elsewhere(texts: pd.Series, keys: pd.Series, key_kind: dict) -> dict[str, str]:
    """An acronym used bare in one article ("SADC") and defined in another ("Southern African
    Development Community (SADC)") is the defined actor, when the corpus defines it one way only
    (or as one name and longer forms of it)."""
    surf = texts.map(lambda t: _clean_surface(str(t)))
    is_acro = surf.str.fullmatch(r"[A-Z][A-Z0-9&\-]{1,9}").fillna(False).to_numpy(bool)
    if not is_acro.any():
        return {}
    expansions: dict[str, set] = defaultdict(set)
    for a, k in zip(surf[is_acro].map(normalize_name), keys[is_acro]):
        if k != a:
            expansions[a].add(k)
    out = {}
    for a, ks in expansions.items():
        shortest = min(ks, key=lambda k: (len(k), k))
        if not all(k == shortest or k.startswith(shortest + " ") for k in ks):
            continue  # "PA": Palestinian Authority here, Press Association there
        out.update({k: shortest for k in ks if k != shortest})
        if key_kind.get(a) not in (None, "person"):
            out[a] = shortest
    return out


def _display_name(names: pd.Series) -> str:
    counts = Counter(names)
    # Prefer names whose words are all capitalised, then multi-word forms (full names), then
    # frequency, then the accented/longer spelling.
    return max(counts, key=lambda n: (all(w[:1].isupper() or w[:1].isdigit() or w in _NAME_PARTICLES
                                          or w in _SMALL_WORDS for w in n.split()),
                                      len(n.split()) > 1, counts[n], len(n), n))


# --- user alias tables --------------------------------------------------------------------------

@dataclass(frozen=True)
class AliasTable:
    """A user alias table: ``names`` maps a normalised alias (and each canonical name) to
    (canonical name, kind or None); ``written`` keeps the aliases as written, to search texts for."""

    names: dict = field(default_factory=dict)
    written: dict = field(default_factory=dict)

    def get(self, key: str):
        return self.names.get(key)

    def __bool__(self) -> bool:
        return bool(self.names)


def read_aliases(aliases) -> AliasTable:
    """A user alias table (:class:`AliasTable`) from the forms users have.

    Accepts a dict (alias -> name, or alias -> {"name": ..., "kind": ...}), a DataFrame or a path
    to a CSV (columns alias, name, optional kind) or YAML file (the dict form).
    """
    if aliases is None:
        return AliasTable()
    if isinstance(aliases, AliasTable):
        return aliases
    if isinstance(aliases, (str, bytes)) or hasattr(aliases, "__fspath__"):
        from pathlib import Path

        from .errors import LoadError

        p = Path(aliases)
        if not p.is_file():
            raise LoadError(p, "alias table not found")
        if p.suffix.lower() in (".yml", ".yaml"):
            import yaml

            try:
                aliases = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as exc:
                raise LoadError(p, f"alias table is not valid YAML: {exc}") from None
        elif p.suffix.lower() == ".csv":
            aliases = pd.read_csv(p, dtype=str, keep_default_na=False)
        else:
            raise LoadError(p, "alias table must be .csv, .yml or .yaml")
    out, written = {}, {}
    if isinstance(aliases, pd.DataFrame):
        for col in ("alias", "name"):
            if col not in aliases.columns:
                from .errors import MissingColumnError

                raise MissingColumnError(col, "alias table", "give columns alias, name and optionally kind")
        rows = [(a, n, k) for a, n, k in zip(aliases["alias"], aliases["name"],
                                              aliases["kind"] if "kind" in aliases else [None] * len(aliases))]
    elif isinstance(aliases, dict):
        rows = []
        for a, v in aliases.items():
            if isinstance(v, dict):
                rows.append((a, v.get("name"), v.get("kind")))
            else:
                rows.append((a, v, None))
    else:
        raise InvalidOptionError("aliases", type(aliases).__name__, ("dict", "DataFrame", "path to .csv/.yaml"))
    for a, n, k in rows:
        if not a or not n:
            continue
        k = k or None
        if k is not None and k not in KINDS:
            raise InvalidOptionError(f"aliases[{a!r}].kind", k, KINDS)
        out[normalize_name(str(a))] = (str(n), k)
        out.setdefault(normalize_name(str(n)), (str(n), k))
        written[str(a).strip()] = (str(n), k)
    return AliasTable(out, written)


# --- a second look over the texts, with what the whole corpus taught -------------------------------

_LABEL_OF_KIND = {"person": "PERSON", "organization": "ORG", "place": "GPE", "group": "NORP", "other": "MISC"}
_CAP_WORD = re.compile(r"(?<![\w'’.\-])[A-Z][\w'’.\-]*[\w]|(?<![\w'’.\-])[A-Z](?![\w])")
_LOWER_WORD = re.compile(r"(?<![\w'’\-])[a-z][a-z'’\-]*")


def find_more_mentions(texts: dict[str, str], mentions: pd.DataFrame, sentences: pd.DataFrame,
                       aliases: AliasTable | None = None) -> pd.DataFrame:
    """Mentions the model missed, found with what the corpus knows: the surname of a person named
    in full anywhere in the corpus (its own actor when several people share it); other occurrences
    of an organisation's or place's name the model found in the same article, or in two or more
    places of the corpus ("Facebook" tagged once, missed seven times), or defined as an acronym;
    and the aliases of a user
    alias table. One-word names that also occur as lower-case words in the corpus ("Brown",
    "House") are left alone. Returns ``mentions`` with the new rows, in article and offset order.
    """
    if mentions.empty and not aliases:
        return mentions
    persons = mentions.loc[mentions["kind"] == "person", "name"].unique()
    owners: dict[str, set] = defaultdict(set)
    for n in persons:
        toks = [t for t in str(n).split() if not _INITIAL.match(t)]
        if len(toks) >= 2:
            owners[toks[-1]].add(n)
    lower_vocab: set[str] = set()
    for t in texts.values():
        lower_vocab.update(_LOWER_WORD.findall(t))
    # first word -> [(phrase, name, kind)] so that multi-word names are matched too
    lookup: dict[str, list] = defaultdict(list)
    local: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    named = mentions[~mentions["kind"].isin(["person"]) & ~mentions["label"].isin(["DEMONYM"])]
    if len(named):
        surf = named["text"].map(_clean_surface)
        ok = surf.map(lambda p: len(p) >= 2 and p[:1].isupper() and not gazetteer.is_role_word(p)
                      and (" " in p or p.lower() not in lower_vocab))
        named = named.assign(_p=surf)[ok.to_numpy()]
        counts = named.groupby("_p").size()
        best = named.groupby(["_p", "name", "kind", "label"]).size().reset_index(name="n")
        best = best.sort_values(["_p", "n", "name"], ascending=[True, False, True]).drop_duplicates("_p")
        for p, name, kind, label in zip(best["_p"], best["name"], best["kind"], best["label"]):
            # An acronym the corpus defines ("Southern African Development Community (SADC)") is
            # a name wherever it occurs, even when the model found it once.
            if counts[p] >= 2 or (p.isupper() and p.isalpha() and len(p) >= 3 and name != p):
                lookup[p.split()[0]].append((p, name, kind))
        for aid, p, name, kind in zip(named["article_id"], named["_p"], named["name"], named["kind"]):
            cands = local[aid][p.split()[0]]
            if (p, name, kind) not in cands:
                cands.append((p, name, kind))
    for surname, names in owners.items():
        if surname.lower() in lower_vocab or gazetteer.is_place(surname) or gazetteer.is_role_word(surname):
            continue
        name = next(iter(names)) if len(names) == 1 else surname
        lookup[surname].append((surname, name, "person"))
    for phrase, (name, kind) in _alias_phrases(aliases).items():
        lookup[phrase.split()[0]].insert(0, (phrase, name, kind or "other"))
    for cands in lookup.values():  # longest phrase first: "African Union" before "African"
        cands.sort(key=lambda c: -len(c[0]))
    if not lookup and not local:
        return mentions

    spans = {aid: (g["start"].to_numpy(), g["end"].to_numpy())
             for aid, g in mentions.sort_values(["article_id", "start"]).groupby("article_id", sort=False)}
    sent_starts = {aid: g["start"].to_numpy() for aid, g in sentences.sort_values(["article_id", "start"])
                   .groupby("article_id", sort=False)}
    import numpy as np

    new = []
    for aid, text in texts.items():
        starts, ends = spans.get(aid, (np.empty(0, int), np.empty(0, int)))
        here = local.get(aid, {})
        labels = _speaker_labels(text)
        for m in _CAP_WORD.finditer(text):
            word = m.group().rstrip(".'’")
            cands = here.get(word, []) + lookup.get(word, [])
            if not cands:
                continue
            cands.sort(key=lambda c: -len(c[0]))
            pos = m.start()
            for phrase, name, kind in cands:
                if not text.startswith(phrase, pos):
                    continue
                end = pos + len(phrase)
                if end < len(text) and (text[end].isalnum() or text[end] == "-"):
                    continue
                if labels and _inside(labels, pos):
                    break
                i = np.searchsorted(starts, end)  # any existing mention overlapping [pos, end)?
                if i > 0 and ends[i - 1] > pos:
                    break
                ss = sent_starts.get(aid)
                new.append({"article_id": aid, "start": pos, "end": end, "text": phrase,
                            "label": _LABEL_OF_KIND.get(kind, "MISC"),
                            "sentence": int(max(0, np.searchsorted(ss, pos, side="right") - 1)) if ss is not None else 0,
                            "paragraph": text.count("\n\n", 0, pos), "name": name, "kind": kind, "title": None})
                break
    if not new:
        return mentions
    out = pd.concat([mentions, pd.DataFrame(new, columns=mentions.columns).astype(mentions.dtypes.to_dict())],
                    ignore_index=True)
    return out.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


def _alias_phrases(aliases: AliasTable | None) -> dict[str, tuple[str, str | None]]:
    """Written forms of user aliases, to search the texts for."""
    return dict(aliases.written) if aliases else {}
