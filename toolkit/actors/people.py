"""People within one article: the full names it gives, and what each shorter form stands for.

A surname, a first name, a surname with its particles ("van Dijk" of "Ana van Dijk", also "Van
Dijk" opening a sentence), the last words of a longer name ("Lopes Silva" of "Ana Lopes Silva"), an
initial with the surname ("A. Lopes") and spellings with or without middle initials all stand for
the full name, wherever they occur in the article (a headline uses the surname before the text
names the person in full). When two people of the article share a surname ("Jo Ade" and "Kito
Ade"), a bare "Ade" is the one with the same title ("President Ade" beside "President Jo Ade"), else
the one the article names far more often (twice as often, at least twice), else it stays a bare
surname for the corpus to resolve (:mod:`.resolve`).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import gazetteer
from .labels import _used_as_place
from .spans import INITIAL, LOWER_WORDS, NAME_PARTICLES, clean_surface


@dataclass
class People:
    """``full``: each written full form -> the canonical full name; ``parts``: a shorter form used
    by one person -> that person; ``shared``: a shorter form several people use -> their names, the
    most named first; ``counts``: mentions of each full name; ``titles``: their titles."""

    full: dict = field(default_factory=dict)
    parts: dict = field(default_factory=dict)
    shared: dict = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)
    titles: dict = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.full)

    def forms(self) -> list[str]:
        """Every form that names someone, longest first (to search the text for)."""
        return sorted(set(self.full) | set(self.parts) | set(self.shared), key=lambda f: (-len(f), f))

    def get(self, surface: str, default=None):
        return self.resolve(surface)[0] if self.knows(surface) else default

    def knows(self, surface: str) -> bool:
        return surface in self.full or surface in self.parts or surface in self.shared

    def resolve(self, surface: str, title: str | None = None) -> tuple[str, str | None]:
        """(full name, how) for a form of the article; (surface, None) when it stays bare."""
        if surface in self.full:
            name = self.full[surface]
            return name, ("article full name" if len(name.split()) > len(surface.split()) else None)
        if surface in self.parts:
            return self.parts[surface], "article full name"
        cands = self.shared.get(surface)
        if not cands:
            return surface, None
        if title:
            same = [c for c in cands if title in self.titles.get(c, ())]
            if len(same) == 1:
                return same[0], "article: title"
        first, second = self.counts[cands[0]], self.counts[cands[1]]
        if first >= 2 and first >= 2 * second:
            return cands[0], "article: dominant full name"
        return surface, None


def person_names(rows: list[dict], text: str) -> People:
    """The people of an article from its mention rows (label PERSON, two words or more)."""
    people = People()
    written = []
    for r in rows:
        if r["label"] == "PERSON":
            name = clean_surface(r["text"])
            if len(name.split()) >= 2:
                written.append((name, r.get("title")))
    fulls = list(dict.fromkeys(n for n, _ in written))
    core = {n: [t for t in n.split() if not INITIAL.match(t)] for n in fulls}
    for a in fulls:
        ta = core[a]
        longer = [b for b in fulls if len(core[b]) > len(ta) and core[b][:len(ta)] == ta]
        if len(longer) != 1:  # "Van Dijk", "A. Lopes": a shorter form of one longer name
            longer = [b for b in fulls if len(core[b]) > len(ta) and a in _parts(core[b])]
        same = [b for b in fulls if _key(b) == _key(a)]
        # a shorter form of one longer name is that name; else the spelling with the most words
        people.full[a] = longer[0] if len(longer) == 1 else max(same, key=lambda b: (len(b.split()), b))
    for a in fulls:  # chains: "Ana Lopes" -> "Ana Lopes Silva" -> ...
        while people.full[people.full[a]] != people.full[a]:
            people.full[a] = people.full[people.full[a]]
    for name, title in written:
        canon = people.full[name]
        people.counts[canon] += 1
        if title:
            people.titles.setdefault(canon, set()).add(title)
    owners: dict[str, set] = defaultdict(set)
    for name in fulls:
        for part in _parts(core[name]):
            if part in people.full or gazetteer.country_of_demonym(part) or (
                    gazetteer.is_place(part) and _used_as_place(text, part)):
                continue  # "Lisbon" of "Carla Lisbon" is the person, unless the article says "in Lisbon"
            owners[part].add(people.full[name])
    for part, names in owners.items():
        if len(names) == 1:
            people.parts[part] = next(iter(names))
        else:
            order = {n: i for i, n in enumerate(fulls)}
            people.shared[part] = sorted(names, key=lambda n: (-people.counts[n], order.get(n, 0)))
    return people


def _parts(toks: list[str]) -> list[str]:
    """Shorter forms of a full name's words: first name, surname, surname with its particles
    (and capitalised, as a sentence opens), the last words, initial and surname."""
    if not toks:
        return []  # initials only ("J. K."): nothing to look for
    out = {toks[0], toks[-1]}
    for i in range(1, len(toks) - 1):
        tail = toks[i:]
        out.add(" ".join(tail))  # "Lopes Silva" of "Ana Lopes Silva", "van Dijk" of "Ana van Dijk"
        if tail[0] in NAME_PARTICLES:
            out.add(" ".join([tail[0].capitalize(), *tail[1:]]))
    if len(toks) >= 2 and toks[0][:1].isalpha():
        out.update({f"{toks[0][0]}. {toks[-1]}", f"{toks[0][0]} {toks[-1]}"})
    return [p for p in out if p[:1].isupper() or p.split()[0] in NAME_PARTICLES]


def _key(name: str) -> str:
    from .names import normalize_name

    return normalize_name(name)


def add_missed_names(doc, rows: list[dict], people: People, taken: bytearray) -> None:
    """Every form of a person of the article is a mention of that person, also where the model
    missed it or gave it another label ("Ade" read as an organisation). A form that is also an
    ordinary word of the article ("Will", "Rose") counts only inside a sentence."""
    if not people:
        return
    text = doc.text
    lower = set(LOWER_WORDS.findall(text))
    by_span = {(r["start"], r["end"]): r for r in rows}
    sent_starts = {s.start_char for s in doc.sents} if doc.has_annotation("SENT_START") else {0}
    pattern = re.compile(r"(?<![\w'’\-])(?:%s)(?![\w\-])" % "|".join(re.escape(f) for f in people.forms()))
    for m in pattern.finditer(text):
        s, e, form = m.start(), m.end(), m.group()
        r = by_span.get((s, e))
        if r is not None:
            if r["label"] != "PERSON":
                r["label"] = "PERSON"
            continue
        if taken[s] or taken[e - 1]:
            continue
        if form.lower() in lower and _opens_sentence(text, s, sent_starts):
            continue
        rows.append({"start": s, "end": e, "text": form, "label": "PERSON", "title": None})
        taken[s:e] = b"\x01" * (e - s)


def _opens_sentence(text: str, pos: int, sent_starts: set) -> bool:
    i = pos
    while i > 0 and not text[i - 1].isalnum() and text[i - 1] not in ".!?\n":
        i -= 1
    return i == 0 or i in sent_starts or text[i - 1] in ".!?\n" or pos in sent_starts
