"""Names within one article and keys across the corpus: the full name a surname or first name
stands for, short forms of organisations named in full ("the Assembly" of "Assembly of Lira"),
the local name and kind of each mention, and the key that matches names up to accents, case, dots
and middle initials.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict

import pandas as pd

from . import gazetteer
from .. import wordlists
from .spans import NAME_PARTICLES, ORG_HEADS, SMALL_WORDS, clean_surface

_CORPORATE = wordlists.words("corporate_words")

ENTITY_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
                 "FAC": "place", "NORP": "group"}


_HEAD_OF = re.compile(r"^([A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*){0,2}) of (?:the )?[A-Z]")


_NOT_SHORT = {"House", "Party", "Group", "News", "Office", "State", "National", "New", "United"}


def _org_heads(rows: list[dict], vocab=None) -> dict[str, str]:
    """Short forms of an organisation named in full in the article (when one organisation has
    that short form): its head before "of" ("Assembly" of "Assembly of Lira"), its last word
    when that is the head of organisations' names or a rare word ("Commission" of "Kito
    Commission", "Kitorovers" of "Lira Kitorovers"; not "House", "Party" nor a common word such as
    "Post"), its name without a corporate word ("Kito" of "Kito Holdings"), its rare first word
    ("Kitoameer" of "Kitoameer Rights Group"), and its name without a leading country ("US Lira
    Agency" is "Lira Agency" when the article names that). ``vocab``: the model's vocabulary, which
    tells rare words (no vector) from common ones."""
    def rare(word: str) -> bool:
        return vocab is not None and vocab[word].is_oov and not word.isupper()

    names = {clean_surface(r["text"]) for r in rows if r["label"] in ("ORG", "FAC")}
    short: dict[str, set] = defaultdict(set)
    for name in names:
        m = _HEAD_OF.match(name)
        if m and not gazetteer.is_role_word(m.group(1).split()[-1]):
            short[m.group(1)].add(name)
        words = name.split()
        if len(words) < 2:
            continue
        if words[-1][:1].isupper() and words[-1] not in _NOT_SHORT and not gazetteer.is_role_word(words[-1]) \
                and (words[-1] in ORG_HEADS or rare(words[-1])):
            short[words[-1]].add(name)
        if rare(words[0]) and not gazetteer.is_place(words[0]):
            short[words[0]].add(name)
        k = len(words)
        while k > 1 and words[k - 1] in _CORPORATE:
            k -= 1
        if k < len(words) and not gazetteer.is_place(" ".join(words[:k])):
            short[" ".join(words[:k])].add(name)
        if gazetteer.is_country(words[0]) and " ".join(words[1:]) in names:
            short[name].add(" ".join(words[1:]))
    return {h: next(iter(n)) for h, n in short.items() if len(n) == 1 and next(iter(n)) != h}


_CONVENTION = re.compile(r"^(\w+) National Convention$")


def _local_name(r: dict, persons: dict, orgs: dict, acronyms: dict, aliases, ctx=None):
    """(name within the article, kind, label, how the name was resolved or None) of one row."""
    surface = clean_surface(r["text"])
    label = r["label"]
    if aliases:
        hit = aliases.get(normalize_name(surface))
        if hit:
            name, kind = hit
            return name, kind or ENTITY_LABELS.get(label, "other"), label, "alias"
    if r.get("given_name_of"):  # "Jo" of "Jo and Kito Ade" (extract.coordinated_given_names)
        return r["given_name_of"], "person", "PERSON", "article: shared surname"
    if label == "DEMONYM":
        if _plural_demonym(surface):  # "the Palestinians": the people, a group
            return _singular(surface), "group", label, None
        return gazetteer.country_of_demonym(surface), "place", label, "demonym"
    if label == "NORP" and gazetteer.party_of(surface):
        party = ctx.party(surface) if ctx is not None else gazetteer.party_of(surface)
        return (party, "organization", label, "party word") if party else (surface, "organization", label, None)
    if label == "NORP" and re.search(r"[a-rt-z]s$", surface):
        surface = _singular(surface)  # "Muslims", "Kurds": one group with the singular ("Allies": "Ally")
    m = _CONVENTION.match(surface) if label == "ORG" else None
    if m and gazetteer.party_of(m.group(1)):  # a known party word before "National Convention": its meeting
        party = ctx.party(m.group(1)) if ctx is not None else gazetteer.party_of(m.group(1))
        if party:
            return party, "organization", label, "party word"
    how = None
    if surface in acronyms:
        surface, how = acronyms[surface][0], "acronym"
    if label == "PERSON" and persons:
        surface, how = persons.resolve(surface, r.get("title"))
    elif label == "ORG":
        short = surface
        surface = orgs.get(surface, surface)
        how = "article short form" if surface != short else how
        head = surface.rsplit(" ", 1)[-1]
        if " " in surface and head.islower() and head.capitalize() in ORG_HEADS:
            surface = surface[: -len(head)] + head.capitalize()  # "Democratic party": one name, capitalised
    name = gazetteer.canonical_variant(surface)
    if name != surface and how is None:
        how = "variant"
    kind = ENTITY_LABELS.get(label, "other")
    if aliases:
        hit = aliases.get(normalize_name(name))
        if hit:
            return hit[0], hit[1] or kind, label, "alias"
    return name, kind, label, how


_HANDLE = re.compile(r"@\w{2,30}")
_BRACKETED_HANDLE = re.compile(r"\s*\(\s*(@\w{2,30})\s*\)")


def handle_names(text: str, rows: list[dict]) -> list[dict]:
    """A social-media handle stands for the name it follows in brackets ("Ana Lima (@anal_k)") or
    spells in full ("@analima" beside "Ana Lima"): it is a mention (also where the model missed
    it) with that mention's name, label and kind. ``rows``: the article's mention rows in text
    order, with their local names; returns them with the handles, in text order."""
    spelt = {}
    for r in rows:
        if r["label"] == "PERSON" and " " in r["name"]:
            spelt.setdefault(re.sub(r"\W", "", normalize_name(r["name"])), r)
    starts = {r["start"]: r for r in rows}
    covered = bytearray(len(text) + 1)
    for r in rows:
        covered[r["start"]:r["end"]] = b"\x01" * (r["end"] - r["start"])
    added = []

    def take(r: dict, src: dict) -> None:
        r["name"], r["label"], r["kind"], r["resolved_by"], r["title"] = (
            src["name"], src["label"], src["kind"], "handle", None)

    for r in rows:
        if _HANDLE.fullmatch(r["text"]):
            continue
        m = _BRACKETED_HANDLE.match(text, r["end"])
        if m is None:
            continue
        surface = clean_surface(r["text"])
        if r["label"] == "PERSON" and " " not in surface and r["name"] != surface:
            # "Ade (@ade_k)": a person introduced by one name and handle, not the article's "Jo Ade"
            r["name"], r["resolved_by"] = surface, None
        h = starts.get(m.start(1))
        if h is None and not any(covered[m.start(1):m.end(1)]):
            h = dict(r, start=m.start(1), end=m.end(1), text=m.group(1))
            added.append(h)
        if h is not None and h["end"] == m.end(1):
            take(h, r)
    for m in _HANDLE.finditer(text):
        src = spelt.get(m.group()[1:].casefold())
        if src is None or (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "(")):
            continue
        h = starts.get(m.start())
        if h is None and not any(covered[m.start():m.end()]):
            h = dict(src, start=m.start(), end=m.end(), text=m.group())
            added.append(h)
        if h is not None and h["end"] == m.end() and h.get("resolved_by") != "handle":
            take(h, src)
    if not added:
        return rows
    return sorted(rows + added, key=lambda r: (r["start"], r["end"]))


def _singular(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]


def _plural_demonym(surface: str) -> bool:
    """"Kenyans", "Palestinians": a demonym in the plural (a noun for the people), not the
    adjective ("Kenyan", "Swiss")."""
    return (surface.endswith("s") and not surface.endswith("ss") and " " not in surface
            and gazetteer.demonym_adjective(surface) != surface)


@functools.lru_cache(maxsize=1 << 18)  # a corpus writes the same names over and over
def normalize_name(name: str) -> str:
    """Key for matching names: accents, case, dots, middle initials and hyphens between words
    ignored ("Kito-Liran" and "Kito Liran")."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = re.sub(r"[.'’`]", "", s)  # "People's" and "Peoples", "M'membe" and "Mmembe"
    s = re.sub(r"(?<=\w)-(?=\d)", "", s)  # "G-8" and "G8"
    s = re.sub(r"(?<=[^\W\d])[-‐‑](?=[^\W\d])", " ", s)  # "Kito-Lirans" and "Kito Lirans"
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
