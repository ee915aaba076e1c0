"""Names within one article and keys across the corpus: the full name a surname or first name
stands for, short forms of organisations named in full ("the Assembly" of "Assembly of Lira"),
the local name and kind of each mention, and the key that matches names up to accents, case, dots
and middle initials.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

import pandas as pd

from . import gazetteer
from .labels import _used_as_place
from .spans import INITIAL, NAME_PARTICLES, ORG_HEADS, SMALL_WORDS, clean_surface

ENTITY_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
                 "FAC": "place", "NORP": "group"}


def _person_names(rows: list[dict], text: str) -> dict[str, str]:
    """Names of people in an article -> the full name they stand for: a surname or first name used
    by one person only, a shorter form of a longer name ("Ana Maria" of "Ana Maria Lopes"), and
    spellings with or without middle initials ("Jo K. Ade", "Jo Ade")."""
    fulls: list[str] = []
    for r in rows:
        if r["label"] == "PERSON":
            name = clean_surface(r["text"])
            if len(name.split()) >= 2 and name not in fulls:
                fulls.append(name)
    core = {n: [t for t in n.split() if not INITIAL.match(t)] for n in fulls}
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
            # "Lisbon" of "Carla Lisbon" is the person, unless the article also uses the
            # word as a place ("in Lisbon")
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
            first_seen.setdefault(clean_surface(r["text"]), r["start"])
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
    Representatives", "Assembly" of "Assembly of Lira" (when one organisation has that head)."""
    heads: dict[str, set] = defaultdict(set)
    for r in rows:
        if r["label"] in ("ORG", "FAC"):
            name = clean_surface(r["text"])
            m = _HEAD_OF.match(name)
            if m and not gazetteer.is_role_word(m.group(1).split()[-1]):
                heads[m.group(1)].add(name)
    return {h: next(iter(names)) for h, names in heads.items() if len(names) == 1}


def _local_name(r: dict, persons: dict, orgs: dict, acronyms: dict, aliases):
    surface = clean_surface(r["text"])
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
        if " " in surface and head.islower() and head.capitalize() in ORG_HEADS:
            surface = surface[: -len(head)] + head.capitalize()  # "Democratic party": one name, capitalised
    name = gazetteer.canonical_variant(surface)
    kind = ENTITY_LABELS.get(label, "other")
    if aliases:
        hit = aliases.get(normalize_name(name))
        if hit:
            return hit[0], hit[1] or kind, label
    return name, kind, label


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


def _display_name(names: pd.Series) -> str:
    counts = Counter(names)
    # Prefer names whose words are all capitalised, then multi-word forms (full names), then
    # frequency, then the accented/longer spelling.
    return max(counts, key=lambda n: (all(w[:1].isupper() or w[:1].isdigit() or w in NAME_PARTICLES
                                          or w in SMALL_WORDS for w in n.split()),
                                      len(n.split()) > 1, counts[n], len(n), n))
