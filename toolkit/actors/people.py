"""People within one article: the full names it gives, and what each shorter form stands for.

A surname, a first name, a surname with its particles ("van Dijk" of "Ana van Dijk", also "Van
Dijk" opening a sentence), the last words of a longer name ("Lopes Silva" of "Ana Lopes Silva"), an
initial with the surname ("A. Lopes") and spellings with or without middle initials all stand for
the full name, wherever they occur in the article (a headline uses the surname before the text
names the person in full). When two people of the article share a surname ("Jo Ade" and "Kito
Ade"), a bare "Ade" is the one with the same title ("President Ade" beside "President Jo Ade"; an
honorific such as "Mr" tells no one apart), else
the one the article names far more often (twice as often, at least twice), else the one named in
full first when the article uses the bare surname before naming the other, else the one not
introduced as the other's relative ("her husband, Kito Ade"), else it stays a bare
surname for the corpus to resolve (:mod:`.resolve`). A bare name is a surname before it is another
name's first word; a generational suffix ("Jo Ade Jr") is no surname.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from dataclasses import dataclass, field

from .. import wordlists
from . import gazetteer
from .resolve import _SUFFIXES
from .spans import INITIAL, LOWER_WORDS, NAME_PARTICLES, ORG_HEADS, clean_surface, doc_text

_ORG_WORDS = wordlists.words("org_words")
_ORG_NOUNS = wordlists.words("org_nouns")
_CORPORATE = wordlists.words("corporate_words")


HONORIFICS = wordlists.words("honorifics")
NAME_TITLES = wordlists.words("name_titles")
# royal and papal styles go with a given name ("Prince Ana"), peerage ones with a surname ("Lord Kito")
_GIVEN_NAME_TITLES = frozenset(t for t, n in wordlists.mapping("name_titles", "word", "names").items() if n == "given")
_REGNAL = re.compile(r"^(?:[IVX]+|\d+(?:st|nd|rd|th)?)$")
_KINSHIP = wordlists.words("kinship_nouns")
_LOWER_TITLES = sorted({w.lower() for w in wordlists.words("title_words")} | set(wordlists.mapping("office_qualifiers", "word", "role")),
                       key=len, reverse=True)
# "her husband, ", "Ade's late daughter, former minister ": a possessed noun of kinship (after at
# most "late", "former" or "ex-"), a comma, at most three title words or capitalised words, the
# name; not after "like", "as" or "unlike" ("Like her mother, Jo Ade ...": no relative)
_RELATIVE_BEFORE = re.compile(
    r"(?<!\blike )(?<!\bLike )(?<!\bas )(?<!\bAs )(?<!\bunlike )(?<!\bUnlike )"
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w'’-]*['’]s)\s+(?:late\s+|former\s+|ex-)?(?:%s)\s*,\s*"
    r"(?:(?:[A-Z][\w.'’-]*|%s)\s+){0,3}$"
    % ("|".join(sorted(map(re.escape, _KINSHIP), key=len, reverse=True)), "|".join(map(re.escape, _LOWER_TITLES))))
_TITLE_BEFORE = re.compile(r"\b(%s)\.?\s+$" % "|".join(sorted(NAME_TITLES)))


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
    first: dict = field(default_factory=dict)  # a shared form -> the person it named before the others were named
    principal: dict = field(default_factory=dict)  # a form two people share -> the one not introduced as the other's relative

    def __bool__(self) -> bool:
        return bool(self.full or self.parts)

    def forms(self) -> list[str]:
        """Every form that names someone, longest first (to search the text for)."""
        return sorted(set(self.full) | set(self.parts) | set(self.shared), key=lambda f: (-len(f), f))

    def get(self, surface: str, default=None):
        return self.resolve(surface)[0] if self.knows(surface) else default

    def knows(self, surface: str) -> bool:
        return self._known(surface) or self._known(_other_apostrophe(surface))

    def _known(self, surface: str) -> bool:
        return surface in self.full or surface in self.parts or surface in self.shared

    def resolve(self, surface: str, title: str | None = None) -> tuple[str, str | None]:
        """(full name, how) for a form of the article; (surface, None) when it stays bare. A form
        written with the other apostrophe ("O'Kito" beside "Jo O’Kito") is the same form."""
        if not self._known(surface) and self._known(_other_apostrophe(surface)):
            surface = _other_apostrophe(surface)
        if surface in self.full:
            name = self.full[surface]
            return name, ("article full name" if len(name.split()) > len(surface.split()) else None)
        if surface in self.parts:
            return self.parts[surface], "article full name"
        cands = self.shared.get(surface)
        if not cands:
            near = self._near_part(surface)
            return (near, "article full name") if near else (surface, None)
        if title and title not in HONORIFICS:
            same = [c for c in cands if title in self.titles.get(c, ())]
            if len(same) == 1:
                return same[0], "article: title"
        first, second = self.counts[cands[0]], self.counts[cands[1]]
        if first >= 2 and first >= 2 * second:
            return cands[0], "article: dominant full name"
        if surface in self.first:
            return self.first[surface], "article: named first"
        if surface in self.principal:
            return self.principal[surface], "article: the other a relative"
        return surface, None


    def _near_part(self, surface: str) -> str | None:
        """The person whose surname ``surface`` misspells by a letter or two ("Adeyemmi" for
        "Adeyemi"): one such person, names of six letters or more, not a plural ("Ades")."""
        if " " in surface or len(surface) < 6:
            return None
        near = {p for part, p in self.parts.items() if " " not in part and len(part) >= 6 and part + "s" != surface
                and SequenceMatcher(None, part, surface).ratio() >= 0.85}
        return next(iter(near)) if len(near) == 1 else None


def _other_apostrophe(s: str) -> str:
    """The form with the other apostrophe: "O'Kito" <-> "O’Kito" (articles mix them)."""
    return s.replace("'", "\0").replace("’", "'").replace("\0", "’")


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
    titled = _titled_names(rows, text, fulls)
    core = {n: [t for t in n.split() if not INITIAL.match(t)] for n in fulls}
    for a in fulls:
        ta = core[a]
        longer = [b for b in fulls if len(core[b]) > len(ta) and core[b][:len(ta)] == ta]
        if len(longer) != 1:  # "Van Dijk", "A. Lopes": a shorter form of one longer name
            longer = [b for b in fulls if len(core[b]) > len(ta) and a in _parts(core[b])]
        same = [b for b in fulls if _key(b) == _key(a)]
        # a shorter form of one longer name is that name; else the spelling with the most words
        people.full[a] = longer[0] if len(longer) == 1 else max(same, key=lambda b: (len(b.split()), b))
    _same_person_spelt_twice(fulls, written, people.full)
    for a in fulls:  # chains: "Ana Lopes" -> "Ana Lopes Silva" -> ...
        while people.full[people.full[a]] != people.full[a]:
            people.full[a] = people.full[people.full[a]]
    for name, title in written:
        canon = people.full[name]
        people.counts[canon] += 1
        if title:
            people.titles.setdefault(canon, set()).add(title)
    # a demonym is a person's part only where the article uses it alone as a name ("Ana Kenyan ...
    # Kenyan said", see labels._demonym_surnames); elsewhere "Kenyan" is the country's
    alone = {clean_surface(r["text"]) for r in rows if r["label"] == "PERSON" and " " not in clean_surface(r["text"])}
    owners: dict[str, set] = defaultdict(set)
    for name in fulls:
        for part in _parts(core[name]):
            if part in people.full or (gazetteer.country_of_demonym(part) and part not in alone) \
                    or _in_place(text, part):
                continue  # "Lisbon" of "Carla Lisbon" is the person, unless the article says "in Lisbon"
            owners[part].add(people.full[name])
    for name in titled:  # "Kito" of "Lord Kito" (the mention keeps its span, the title before it)
        people.counts[name] += 1
        owners[name.split(" ", 1)[1]].add(name)
    for part, names in owners.items():
        by_surname = [n for n in names if _surname(n) == part]
        if len(names) > 1 and len(by_surname) == 1 and all(n.split()[0] == part for n in names - set(by_surname)):
            names = set(by_surname)  # "Ade" of "Jo Ade" beside an "Ade Kito": a bare name is a surname first
        if len(names) == 1:
            people.parts[part] = next(iter(names))
        else:
            order = {n: i for i, n in enumerate(fulls)}
            people.shared[part] = sorted(names, key=lambda n: (-people.counts[n], order.get(n, 0)))
    _named_first(rows, people)
    _principals(rows, text, people)
    return people


def _principals(rows: list[dict], text: str, people: People) -> None:
    """A form two people share is the one not introduced as someone's relative: "Mayor Jo Ade
    opened the fair with her husband, former senator Kito Ade. Ade said ..." is the mayor (the
    relative is named in passing). Only when exactly one of the two is introduced so."""
    pairs = {part: names for part, names in people.shared.items() if len(names) == 2}
    if not pairs:
        return
    related = {people.full.get(clean_surface(r["text"])) for r in rows if r["label"] == "PERSON"
               and introduced_as_relative(text, r["start"])}
    for part, names in pairs.items():
        others = [n for n in names if n not in related]
        if len(others) == 1:
            people.principal[part] = others[0]


def introduced_as_relative(text: str, start: int) -> bool:
    """Is the name at offset ``start`` the apposition of a possessed noun of kinship ("her husband,
    former minister Tom Ade", "Ade's daughter, Jo Ade"; not "Like her mother, Jo Ade")?"""
    return _RELATIVE_BEFORE.search(text, max(0, start - 80), start) is not None


def _named_first(rows: list[dict], people: People) -> None:
    """A form two people share ("Ade" of "Jo Ade" and "Kito Ade") is the one named in full first
    when the article uses the bare form before it names the other: "Jo Ade died on Monday. Ade
    was 80 ... Ade's wife Kito Ade said ..." (the reader knew one Ade only). When the counts of
    full names decide (:meth:`People.resolve`), they come first."""
    if not people.shared:
        return
    at: dict[str, int] = {}
    for r in rows:
        if r["label"] == "PERSON":
            name = people.full.get(clean_surface(r["text"]))
            if name is not None and " " in clean_surface(r["text"]):
                at[name] = min(at.get(name, r["start"]), r["start"])
    for part, names in people.shared.items():
        starts = sorted((at[n], n) for n in names if n in at)
        if len(starts) != len(names) or len(starts) < 2:
            continue
        (a, who), (b, _) = starts[0], starts[1]
        if any(a < r["start"] < b and clean_surface(r["text"]) == part for r in rows):
            people.first[part] = who


def _titled_names(rows: list[dict], text: str, fulls: list[str]) -> list[str]:
    """Persons named by a royal, papal or peerage title and one name ("Lord Kito", "Pope Leo",
    "Queen Ana"): that is their name in the article ("Kito said" stands for "Lord Kito"), unless the
    article gives a fuller name with that word ("Ana Kito ... Lady Kito"). A royal or papal title
    goes with a given name, so only a fuller name with that word after the given name ("Jo Ana")
    or with a regnal number ("Ana II") is the same person: "Prince Ana" of an article that also
    names an "Ana Kito" is the prince, and a bare "Ana" there the one named more often."""
    words = {w for n in fulls for w in n.split()}
    later = {w for n in fulls for w in n.split()[1:] if not _REGNAL.match(w)}
    regnal = {n.split()[0] for n in fulls if len(n.split()) == 2 and _REGNAL.match(n.split()[1])}
    out = []
    for r in rows:
        name = clean_surface(r["text"])
        if r["label"] != "PERSON" or " " in name or not name[:1].isupper():
            continue
        m = _TITLE_BEFORE.search(text[max(0, r["start"] - 20):r["start"]])
        if not m:
            continue
        fuller = (name in later or name in regnal) if m.group(1) in _GIVEN_NAME_TITLES else name in words
        if not fuller:
            out.append(f"{m.group(1)} {name}")
    return out


# "in Lira", "in the Lira" (not "in the Ade administration": a name before a noun it modifies)
_PLACE_USE = re.compile(r"\b(?:in|near|across|outside)\s+(?:([A-Z][\w'’\-]*)\b(?!['’])|the\s+([A-Z][\w'’\-]*)\b(?!['’]|\s+[A-Za-z]))")


@functools.lru_cache(maxsize=4)
def _places_used(text: str) -> frozenset:
    return frozenset(a or b for a, b in _PLACE_USE.findall(text))


def _in_place(text: str, word: str) -> bool:
    """The article uses ``word`` as a place: "in Lira", "near Lira" (not "in Lira's view", "in the
    Ade administration"; not "into" or "around", which people follow as often: "an inquiry into
    Ade", "rallied around Ade")."""
    return word in _places_used(text)


def _same_person_spelt_twice(fulls: list[str], written: list, full: dict) -> None:
    """Two full names of one article that differ by a letter or two in one word ("Viktor Ade" and
    "Victor Ade") are one person, under the spelling used more often (difflib ratio >= 0.8)."""
    counts = Counter(n for n, _ in written)
    for i, a in enumerate(fulls):
        for b in fulls[i + 1:]:
            ta, tb = a.split(), b.split()
            if len(ta) != len(tb) or a == b or full[a] != a or full[b] != b:
                continue
            same = sum(x == y for x, y in zip(ta, tb))
            if same == len(ta) - 1 and all(SequenceMatcher(None, x, y).ratio() >= 0.8 for x, y in zip(ta, tb)):
                keep, drop = (a, b) if (counts[a], -fulls.index(a)) >= (counts[b], -fulls.index(b)) else (b, a)
                full[drop] = keep


def _parts(toks: list[str]) -> list[str]:
    """Shorter forms of a full name's words: first name, surname, surname with its particles
    (and capitalised, as a sentence opens), the last words, initial and surname."""
    if not toks:
        return []  # initials only ("J. K."): nothing to look for
    bare = without_suffixes(toks)  # "Jo Ade Jr": the surname is "Ade", not "Jr"
    if len(bare) < len(toks):
        return [*_parts(bare), " ".join([bare[-1], *toks[len(bare):]])]
    out = {toks[0], toks[-1]}
    for i in range(1, len(toks) - 1):
        tail = toks[i:]
        out.add(" ".join(tail))  # "Lopes Silva" of "Ana Lopes Silva", "van Dijk" of "Ana van Dijk"
        if tail[0] in NAME_PARTICLES:
            out.add(" ".join([tail[0].capitalize(), *tail[1:]]))
    if len(toks) >= 2 and toks[0][:1].isalpha():
        out.update({f"{toks[0][0]}. {toks[-1]}", f"{toks[0][0]} {toks[-1]}"})
    if len(toks) >= 3 and toks[-2] not in NAME_PARTICLES:
        out.add(f"{toks[0]} {toks[-1]}")  # "Jo Ade" of "Jo Kito Ade": the middle name left out
    return [p for p in out if p[:1].isupper() or p.split()[0] in NAME_PARTICLES]


def without_suffixes(toks: list[str]) -> list[str]:
    """The words of a name without its generational suffixes ("Jr", "Jr.", "Sr", "III"), keeping
    two words at least: ["Jo", "Ade", "Jr"] → ["Jo", "Ade"]."""
    while len(toks) > 2 and toks[-1].rstrip(".").lower() in _SUFFIXES:
        toks = toks[:-1]
    return toks


def _surname(name: str) -> str:
    return without_suffixes(name.split())[-1]


@functools.lru_cache(maxsize=4096)
def _key(name: str) -> str:
    from .names import normalize_name

    return normalize_name(name)


def add_missed_names(doc, rows: list[dict], people: People, taken: bytearray) -> None:
    """Every form of a person of the article is a mention of that person, also where the model
    missed it or gave it another label ("Ade" read as an organisation). A form that is also an
    ordinary word of the article ("Will", "Rose") counts only inside a sentence."""
    if not people:
        return
    text = doc_text(doc)
    lower = set(LOWER_WORDS.findall(text))
    by_span = {(r["start"], r["end"]): r for r in rows}
    by_start = {r["start"]: r for r in rows}
    sent_starts = {s.start_char for s in doc.sents} if doc.has_annotation("SENT_START") else {0}
    # either apostrophe: "O'Kito" is a form of "Jo O’Kito"
    pattern = re.compile(r"(?<![\w'’\-])(?:%s)(?![\w\-])" % "|".join(
        re.sub("['’]", "['’]", re.escape(f)) for f in people.forms()))
    for m in pattern.finditer(text):
        s, e, form = m.start(), m.end(), m.group()
        r = by_span.get((s, e)) or _with_number(by_start.get(s), text, e)
        if gazetteer.country_of_demonym(form) and (r is None or r["label"] != "PERSON"):
            continue  # a surname that is a demonym: only where it reads as a name ("the Kenyan team")
        if r is not None:
            r["label"], r["end"], r["text"] = "PERSON", e, form
            continue
        if taken[s] or taken[e - 1]:
            continue
        if form.lower() in lower and _opens_sentence(text, s, sent_starts):
            continue
        rows.append({"start": s, "end": e, "text": form, "label": "PERSON", "title": None})
        taken[s:e] = b"\x01" * (e - s)


def _with_number(r: dict | None, text: str, end: int) -> dict | None:
    """The row when it is the form and a number only ("Ade 75": a minute of a match report)."""
    return r if r is not None and re.fullmatch(r"\s+\d{1,3}", text[end:r["end"]]) else None


def cut_sentence_words(text: str, rows: list[dict]) -> None:
    """"Said Ade:" opening a sentence: a first word the article also writes in lower case ("said",
    "asked"), glued before the surname of a person it names in full ("Jo Ade"), is no part of the
    name (a first name such as "Said" in "Said Kito" stays: no "Jo Kito" beside it)."""
    fulls = {clean_surface(r["text"]) for r in rows if r["label"] == "PERSON"}
    surnames = {n.split()[-1] for n in fulls if len(n.split()) >= 2}
    if not surnames:
        return
    lower = None
    for r in rows:
        words = r["text"].split()
        if r["label"] != "PERSON" or len(words) != 2 or words[1] not in surnames:
            continue
        if any(n.split()[-1] == words[1] and n != r["text"] for n in fulls if len(n.split()) >= 2):
            lower = lower if lower is not None else set(LOWER_WORDS.findall(text))
            before = text[max(0, r["start"] - 3):r["start"]]
            if words[0].lower() in lower and re.search(r"(?:^|[.!?\n\"“”]\s*)$", before):
                r["start"] = r["end"] - len(words[1])
                r["text"] = words[1]


def named_after_people(rows: list[dict]) -> None:
    """A "name" opening with the surname of a person of the article names something after them
    ("Ade Cash", a book, beside "Jo Ade"; "Ade Tower"): an organisation's or work's name, not a
    person's (its kind is left to the evidence)."""
    fulls = {clean_surface(r["text"]) for r in rows if r["label"] == "PERSON"}
    fulls = {n for n in fulls if len(n.split()) >= 2}
    surnames = {n.split()[-1] for n in fulls}
    for r in rows:
        words = clean_surface(r["text"]).split()
        if r["label"] == "PERSON" and len(words) >= 2 and words[0] in surnames:
            r["label"] = "ORG"


def cut_headline_names(text: str, rows: list[dict]) -> bool:
    """In a headline in title case, a name the model ran into the headline's words is cut to the
    person ("Ade Slams Kito Plan" -> "Ade", "Rebuffs Jo Ade" -> "Jo Ade"); names of
    organisations after a person ("Ade Foundation") stay. The people are those the article names
    outside its headlines. Returns whether a name was cut."""
    heads = [r for r in rows if " " in r["text"] and _title_case_line(text, r["start"])]
    if not heads:
        return False
    body = [r for r in rows if not any(r is h for h in heads)]
    people = person_names(body, text)
    # a person's full name the body gives under another label ("Jo Ade" read as an organisation
    # there) still cuts a person's name run into a headline ("Jo Ade Is Right")
    written = sorted({clean_surface(r["text"]) for r in body if r["label"] != "PERSON"
                      and len(clean_surface(r["text"]).split()) >= 2}, key=len, reverse=True)
    if not people and not written:
        return False
    forms, cut = people.forms(), False
    for r in heads:
        t = r["text"]
        if people.knows(t):
            continue
        head = next((f for f in forms if t.startswith(f + " ")), None)
        if head is None and r["label"] == "PERSON":
            head = next((f for f in written if t.startswith(f + " ") and not _org_word(f.split()[-1])), None)
        rest = t[len(head) + 1:].split()[0] if head is not None else ""
        if head is not None and not _org_word(rest) and not people.knows(rest):  # "Jo Ade", not "Jo"
            r["end"], r["text"], r["label"] = r["start"] + len(head), head, "PERSON"
            cut = True
            continue
        tail = next((f for f in forms if t.endswith(" " + f)), None)
        if tail is not None:
            r["start"], r["text"], r["label"] = r["end"] - len(tail), tail, "PERSON"
            cut = True
    return cut


def _org_word(word: str) -> bool:
    """A word that makes a person's name into an organisation's: "Ade Foundation", "Ade Campaign"."""
    return word in ORG_HEADS or word.lower() in _ORG_WORDS or word.lower() in _ORG_NOUNS or word in _CORPORATE


def _title_case_line(text: str, pos: int) -> bool:
    """The line holding ``pos`` is a headline in title case: most of its longer words capitalised."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", text[a:b if b >= 0 else len(text)]) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _opens_sentence(text: str, pos: int, sent_starts: set) -> bool:
    i = pos
    while i > 0 and not text[i - 1].isalnum() and text[i - 1] not in ".!?\n":
        i -= 1
    return i == 0 or i in sent_starts or text[i - 1] in ".!?\n" or pos in sent_starts
