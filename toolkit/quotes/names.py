"""Who the people of one article are, for naming speakers: each person's full name, the titles and
descriptions the article gives them, and their gender as the text shows it.

- a surname or first name stands for the full name given in the article ("Ana Ruiz … Ruiz said"),
  and with two people of one surname for the one the mention's title or the nearest preceding
  full mention points to ("Sen. Ana Ruiz … her father, Luis Ruiz … Senator Ruiz said" → Ana
  Ruiz); a person the article calls by first name alone ("Luis") is not the bare surname;
- a description stands for the person introduced with it ("Mayor Jo Ade … the mayor said",
  "Jo Ade, a professor at the college … the professor added");
- gender comes from titles and nouns next to the name ("Mrs Ade", "Ade, the spokeswoman") and
  from the pronouns that follow a sentence about one person only ("Ade arrived. She said …"); where
  the text says nothing, a pronoun still never stands for a person whose first name the offline
  name list gives the other gender (:func:`toolkit.actors.gender.first_name_gender`).

Built once per article from the mentions the actors stage gives (``name``, ``kind``, ``title``).
"""
from __future__ import annotations

import bisect
import re

from .. import wordlists
from ..actors.gender import PRONOUN_GENDER, described_people, first_name_gender, pronoun_votes
from ..actors.people import introduced_as_relative
from .lexicon import ORG_NOUNS, PERSON_NOUNS

GENDERED = wordlists.mapping("gendered_words", "word", "gender")
ABBREVIATIONS = wordlists.mapping("title_abbreviations", "abbreviation", "word")
TITLE_WORDS = wordlists.words("title_words")
HANDLE_PREFIXES = wordlists.words("handle_prefixes")  # "realJoAde", "TheJoAde"
TITLE_WINDOW = 4  # tokens before a name searched for its titles
OFFICES = wordlists.mapping("office_qualifiers", "word", "role")
OFFICE_QUALIFIERS = frozenset(w for w, r in OFFICES.items() if r == "qualifier")  # "Vice President" is no "president"
OFFICE_SUFFIXES = frozenset(w for w, r in OFFICES.items() if r == "suffix")  # "President-elect"


def offices(words: list[str]) -> list[str]:
    """Title words in text order, a qualified office joined into one: ["former", "Vice",
    "President"] → ["former Vice President"], ["President", "-", "elect"] → ["President-elect"],
    ["Mrs", "Senator"] → ["Mrs", "Senator"]."""
    out, pending = [], []
    for k, w in enumerate(words):
        low = w.lower()
        if w == "-":
            continue
        if low in OFFICE_SUFFIXES and k > 0 and words[k - 1] == "-" and out:
            out[-1] = out[-1] + "-" + low
        elif low.rstrip("-") in OFFICE_QUALIFIERS:
            pending.append(w.rstrip("-"))
        else:
            out.append(" ".join(pending + [w]))
            pending = []
    return out


def title_key(word: str) -> str:
    """A title or description as one lower-case noun: "Sen." → "senator", "Ministers" → "minister"."""
    w = word.lower().strip(".")
    w = ABBREVIATIONS.get(w, w)
    return w[:-1] if w.endswith("s") and w[:-1] in PERSON_NOUNS else w


class People:
    """The persons of one article (see the module docstring)."""

    def __init__(self, ix):
        self.ix = ix
        self.persons = [m for m in ix.mentions if m.get("kind") == "person" and m.get("name")]
        self.starts = [m["start"] for m in self.persons]
        self.full = {}       # lower-case word tuple of a full name -> full name
        self.first_use = {}  # full name -> offset of its first mention
        for m in self.persons:
            words = tuple(m["name"].lower().split())
            if len(words) >= 2:
                self.full.setdefault(words, m["name"])
                self.first_use.setdefault(m["name"], m["start"])
        self.titles = {}     # full name -> set of title keys
        self.gender = {}     # full name -> "male" / "female"
        self.by_first_name = set()  # full names the article also calls by first name alone
        self.relatives = set()      # full names introduced as someone's relative ("her husband, Tom Ade")
        self.known = set()          # every person named
        votes: dict[str, dict[str, int]] = {}
        for m in self.persons:
            name = self.full_name(m["name"], m["start"])
            for w in self.title_words(m):
                self.titles.setdefault(name, set()).add(title_key(w))
                g = GENDERED.get(w.lower())
                if g:
                    votes.setdefault(name, {}).setdefault(g, 0)
                    votes[name][g] += 3
            if introduced_as_relative(ix.text, m["start"]):
                self.relatives.add(name)
            said = str(m.get("text") or "").split()
            first = name.split()[0].lower()
            if len(said) == 1 and not ix.in_quote_char(m["start"]) and len(name.split()) > 1 and first == said[0].lower():
                self.by_first_name.add(name)
        self.known = {self.full_name(m["name"], m["start"]) for m in self.persons}
        for name, g in self.pronoun_votes():
            votes.setdefault(name, {}).setdefault(g, 0)
            votes[name][g] += 1
        for name, v in votes.items():
            best = max(v, key=v.get)
            if all(v[best] > n for g, n in v.items() if g != best):
                self.gender[name] = best

    # ------------------------------------------------------------------ evidence
    def title_words(self, m) -> list[str]:
        """Titles and descriptions next to mention m: its ``title``, the title words and person
        nouns just before it ("Vatican archbishop Jo Ade"), an apposition after it ("Jo Ade, a
        professor at …"; not the subject of the next clause: "with Jo Ade, the mayor said") or
        before it ("the mayor, Jo Ade,"). A qualified office is one title ("Vice President",
        "former Governor", "President-elect": not "the president" or "the governor")."""
        out = offices(str(m.get("title") or "").replace("-", " - ").split())
        ix = self.ix
        doc = ix.doc
        i = ix.tok_at(m["start"])
        j = i - 1
        before = []
        while j >= 0 and i - j <= TITLE_WINDOW:
            t = doc[j]
            low = t.lower_
            if low in TITLE_WORDS or low.strip(".") in ABBREVIATIONS or t.lemma_.lower() in PERSON_NOUNS \
                    or low in GENDERED or (low in OFFICE_SUFFIXES and j > 0 and doc[j - 1].text == "-"):
                before.append(t.lemma_ if t.pos_ == "NOUN" else t.text)
            elif t.text == "-":
                before.append("-")
            elif not (t.pos_ in ("PROPN", "ADJ", "DET") or t.text in ("'s", "’s")):
                break
            j -= 1
        out += offices(before[::-1])
        k = ix.tok_at(m["end"])
        if k < ix.ntok and doc[k].text == ",":
            for t in doc[k + 1:min(ix.ntok, k + 6)]:
                if t.pos_ == "NOUN":
                    # "in Lira, the mayor said": the noun after the comma is the next clause's
                    # subject, no apposition of the name
                    if t.dep_ in ("nsubj", "nsubjpass"):
                        break
                    if t.lemma_.lower() in PERSON_NOUNS or t.lower_ in GENDERED:
                        out.append(t.lemma_)
                    break
                if t.pos_ not in ("DET", "ADJ", "PROPN", "NUM") and t.text != "-":
                    break
        return out

    def pronoun_votes(self):
        """(full name, gender) for each he/she that follows, in the same or the previous sentence,
        mentions of one person only (outside quotation marks): the rule ``actors.gender`` votes
        with too (:func:`toolkit.actors.gender.pronoun_votes`)."""
        ix = self.ix
        pronouns = [(t.idx, PRONOUN_GENDER[t.lower_]) for t in ix.doc
                    if t.lower_ in PRONOUN_GENDER and ix.qid[t.i] < 0]
        persons = [(m["start"], self.full_name(m["name"], m["start"])) for m in self.persons
                   if not ix.in_quote_char(m["start"])]

        def window_start(pos):
            k = bisect.bisect_right(ix.sent_tok, ix.tok_at(pos)) - 1
            return ix.doc[ix.sent_tok[max(0, k - 1)]].idx

        described = [(e, g) for e, g in described_people(ix.text, [m["end"] for m in self.persons])
                     if not ix.in_quote_char(e - 1)]
        for name, g, _ in pronoun_votes(pronouns, persons, window_start, described):
            yield name, g

    # ------------------------------------------------------------------ look-ups
    def full_name(self, name: str, pos: int, titles=()) -> str:
        """The full name a surname or first name at ``pos`` stands for (see the module docstring);
        the name itself when it is full or the article gives no fuller one."""
        words = tuple(name.lower().split())
        n = len(words)
        cands = [full for key, full in self.full.items()
                 if len(key) > n and (key[-n:] == words or key[:n] == words)]
        if not cands:
            return self.full.get(words, name)
        if len(cands) > 1:
            wanted = {title_key(w) for w in titles}
            titled = [c for c in cands if wanted & self.titles.get(c, set())]
            if titled:
                cands = titled
            else:  # not the one introduced as the other's relative, nor one called by first name
                cands = [c for c in cands if c not in self.relatives] or cands
                cands = [c for c in cands if c not in self.by_first_name] or cands
        if len(cands) > 1:
            before = [c for c in cands if self.first_use[c] < pos]
            cands = before or cands
            # the nearest preceding full mention
            cands.sort(key=lambda c: -self.last_full_use(c, pos))
        return cands[0]

    def last_full_use(self, full: str, pos: int) -> int:
        k = bisect.bisect_left(self.starts, pos)
        for m in reversed(self.persons[:k]):
            if m["name"] == full:
                return m["start"]
        return -1

    def described(self, noun: str, pos: int) -> str | None:
        """The person introduced with description ``noun`` ("minister") nearest before ``pos``."""
        key = title_key(noun)
        k = bisect.bisect_left(self.starts, pos)
        for m in reversed(self.persons[:k]):
            name = self.full_name(m["name"], m["start"])
            if key in self.titles.get(name, ()):
                return name
        return None

    def is_surname(self, name: str) -> bool:
        """Is ``name`` the surname or first name of a person the article names in full?"""
        return self.full_name(name, 0) != name

    def compatible(self, name: str | None, gender: str | None) -> bool:
        """``name`` may be the referent of a pronoun of ``gender``: the text gives it no other
        gender, nor, when the text says nothing, does its first name ("she" is no "Jo Ade" of a
        silent text when the name list holds Jo as a man's name)."""
        if name is None:
            return False
        if gender is None:
            return True
        if name in self.gender:
            return self.gender[name] == gender
        return first_name_gender(name) in (None, gender)


def org_described(ix, noun: str, pos: int) -> str | None:
    """The organisation a definite description ("the ministry", "the company") stands for: the
    nearest earlier organisation whose name holds that noun ("Ministry of Health"), else the
    nearest earlier organisation within a few sentences. A noun of no organisation word list
    stands only for an earlier organisation whose name ends in it ("the observatory" for "Kito
    Observatory", "the conservancy" for "Lira Wetlands Conservancy")."""
    if noun not in ORG_NOUNS:
        last = re.compile(r"\b%ss?$" % re.escape(noun), re.I)
        return earlier_org(ix, pos, last.search)
    word = re.compile(r"\b%s" % re.escape(noun), re.I)
    k = bisect.bisect_left(ix.m_starts, pos)
    near = None
    lo = ix.sent_starts[max(0, bisect.bisect_right(ix.sent_starts, pos) - 6)]
    for m in reversed(ix.mentions[:k]):
        if m.get("kind") not in ("organization", "group") or ix.in_quote_char(m["start"]):
            continue
        if word.search(str(m.get("name") or "")):
            return m["name"]
        if near is None and m["start"] >= lo:
            near = m["name"]
    return near


def org_short_form(ix, word: str, pos: int) -> str | None:
    """The organisation named earlier in the article whose name of several words holds ``word``
    ("the Alliance" after "Kito Alliance for Clean Water", "the Observatory" after "Lira Drone
    Observatory"), the nearest one; None when no such name precedes."""
    return earlier_org(ix, pos, lambda name: word in name.split())


def earlier_org(ix, pos: int, fits) -> str | None:
    """The name of the nearest organisation of several words named before ``pos``, outside
    quotation marks, for which ``fits(name)`` holds; else None."""
    k = bisect.bisect_left(ix.m_starts, pos)
    for m in reversed(ix.mentions[:k]):
        name = str(m.get("name") or "")
        if m.get("kind") == "organization" and len(name.split()) > 1 and not ix.in_quote_char(m["start"]) \
                and fits(name):
            return name
    return None


def _letters(s: str) -> str:
    return re.sub(r"[^a-z]", "", s.casefold())


_HANDLE_PARTS = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+|\d+")


def handle_person(ix, handle: str) -> str | None:
    """The person a post's handle stands for: the one person of the article whose full name, else
    surname (four letters or more), the handle spells ("realJoAde", "AdeForMayor" for Jo Ade);
    else the name a camel-case handle reads as, titles and a short code around it dropped, when
    its first word is a first name of the name list ("GovJoAdeNY" → "Jo Ade"); else None."""
    key = _letters(handle)
    names = {str(m["name"]) for m in ix.mentions if m.get("kind") == "person" and " " in str(m.get("name") or "")}
    spelt = {n for n in names if _letters(n) in key}
    if len(spelt) == 1:
        return spelt.pop()
    if spelt:
        return None
    surnames = {n for n in names if len(_letters(n.split()[-1])) >= 4 and _letters(n.split()[-1]) in key}
    if surnames:
        return surnames.pop() if len(surnames) == 1 else None
    parts = _HANDLE_PARTS.findall(handle)
    while parts and (parts[0].lower() in TITLE_WORDS or parts[0].lower() in HANDLE_PREFIXES):
        parts = parts[1:]
    while parts and (parts[-1].isupper() and len(parts[-1]) <= 3 or parts[-1].isdigit()):
        parts = parts[:-1]
    if len(parts) in (2, 3) and all(p[0].isupper() and p[1:].islower() for p in parts):
        name = " ".join(parts)
        return name if first_name_gender(name) is not None else None
    return None
