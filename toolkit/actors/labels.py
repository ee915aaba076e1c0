"""Labels the small model gets wrong on news, fixed from what the article itself shows: a party
word is a party, a capital used for its government stays a place, platforms are organisations, a
demonym is its country, places have no digits in their names, and a two-word name ending in the
surname of a person of the article is a person ("Ruth Okafor" read as an organisation beside
"Daniel Okafor"); a place glued before a person's name is cut off ("Lagos Ruth Okafor"); a
demonym that is the surname of a person of the article, used as a name, is that person ("Jo
Kenyan ... Kenyan said").
"""
from __future__ import annotations

from .. import wordlists
from . import gazetteer
from .spans import PLATFORMS, clean_surface

_ORG_WORDS = wordlists.words("org_words")
_PLACE_PREPOSITIONS = wordlists.words("place_prepositions")
_HONORIFICS = wordlists.words("honorifics")
_ADJECTIVAL_NEXT = {"NOUN", "PROPN", "ADJ", "NUM"}


def _relabel(rows: list[dict], acronyms: dict) -> None:
    """Fix labels the small model gets wrong on news; drop titles read as names ("MPs")."""
    surfaces = [clean_surface(r["text"]) for r in rows]
    surnames = {sf.split()[-1] for r, sf in zip(rows, surfaces)
                if r["label"] == "PERSON" and " " in sf}  # "King" of "Martin Luther King"
    rows[:] = [r for r, sf in zip(rows, surfaces) if not gazetteer.is_not_actor(sf) and (
               " " in sf or sf in surnames or not gazetteer.is_title_head(sf))]
    for r in rows:
        surface = clean_surface(r["text"])
        if gazetteer.party_of(surface):
            r["label"] = "NORP"  # "Lib Dems" is not a person, "Labour" is a party
            continue
        if r["label"] == "NORP" and " " in surface and gazetteer.party_of(surface.rsplit(" ", 1)[1]):
            r["label"] = "ORG"  # "Neo Democrats": a party of its own name, not a group
            continue
        if surface in acronyms:
            r["label"] = acronyms[surface][1]
        elif r["label"] in ("ORG", "NORP", "PERSON") and gazetteer.is_place(surface):
            r["label"] = "GPE"  # capitals used for governments stay places
        if surface in PLATFORMS:
            r["label"] = "ORG"  # the small model often reads "Twitter" as a person
        if r["label"] == "NORP" and gazetteer.country_of_demonym(surface):
            r["label"] = "DEMONYM"
        if r["label"] in ("GPE", "LOC") and any(ch.isdigit() for ch in surface):
            r["label"] = "ORG"  # places do not have digits in their names (M23, G20)


def _demonym_surnames(doc, rows: list[dict]) -> None:
    """A demonym that is the surname of a person the article names in full, used as a name, is that
    person's surname, not the country: "Ana Kenyan ... Kenyan said", "Mr Kenyan" (surnames such as
    Irish, English, French or German). Used as a name: after an honorific or a title, or with no
    article before it and no noun after it ("the Kenyan team", "Kenyan officials" stay the country)."""
    surnames = {clean_surface(r["text"]).split()[-1] for r in rows
                if r["label"] == "PERSON" and " " in clean_surface(r["text"])}
    if not surnames:
        return
    for r in rows:
        surface = clean_surface(r["text"])
        if r["label"] not in ("NORP", "DEMONYM") or surface not in surnames:
            continue
        span = doc.char_span(r["start"], r["start"] + len(surface), alignment_mode="expand")
        if span is None:
            continue
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end] if span.end < len(doc) else None
        if prev is not None and (prev.text in _HONORIFICS or gazetteer.is_role_word(prev.text)):
            r["label"] = "PERSON"
        elif prev is not None and prev.lower_ in ("the", "a", "an"):
            continue
        elif nxt is None or nxt.pos_ not in _ADJECTIVAL_NEXT:
            r["label"] = "PERSON"


def _people_labelled_as_orgs(rows: list[dict], text: str) -> bool:
    """"Ruth Okafor" labelled ORG beside "Daniel Okafor" (PERSON): a two- or three-word name
    ending in the surname of a person of the article is a person too. Returns whether any changed."""
    surnames = {clean_surface(r["text"]).split()[-1] for r in rows
                if r["label"] == "PERSON" and len(clean_surface(r["text"]).split()) >= 2}
    fulls = {clean_surface(r["text"]) for r in rows
             if r["label"] == "PERSON" and len(clean_surface(r["text"]).split()) >= 2}
    # One-word mentions the model read as a person: "Tobi" after "Tobi Adeyemi" (labelled GPE).
    singles = {clean_surface(r["text"]) for r in rows
               if r["label"] == "PERSON" and len(clean_surface(r["text"]).split()) == 1}
    changed = False
    extra = []
    for r in rows:
        if r["label"] == "PERSON":
            continue
        toks = clean_surface(r["text"]).split()
        name_like = all(t[:1].isupper() for t in toks) and not any(t.lower() in _ORG_WORDS for t in toks)
        # "Lagos Ruth Okafor": a place or word glued before a person's full name, or before a
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


def _after_place_word(before: str) -> bool:
    words = before.split()
    return bool(words) and words[-1].lower() in _PLACE_PREPOSITIONS
