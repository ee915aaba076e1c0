"""The gender the text gives each person: ``actors.gender`` and ``actors.gender_evidence``.

What this is, plainly: a name-and-pronoun method. It gives a *binary label of how the text refers
to someone* ("she", "Mrs", "chairwoman", a first name that a name list calls female), not their
gender identity, which no text method can know. Name lists cover some cultures far better than
others: the offline list used here (nomquamgender's, 720,000 names from 36 sources, mostly
registries and author lists of Europe, the Americas and Asia) knows "Mary" and "Wanjiru" but many
African, Arabic and Chinese given names thinly or as another culture's name ("Raila" is a Finnish
woman's name there), so people of those cultures are more often ``"unknown"`` or wrong unless the
text itself gives evidence. Chinese given names are ambiguous as written in Latin letters. Correct what you know
better with a user gender table (``tk.analyze(..., genders=...)``, like the alias table).

Values: ``"female"``, ``"male"`` or ``"unknown"`` for persons; ``<NA>`` for every other kind
(organisations, places, groups). ``gender_evidence`` says why, in order of trust, with counts:
``"pronoun 3, honorific 1"``, ``"first name"``, ``"user"``; for unknown persons ``"none"`` or
``"conflicting (female 2, male 2)"``.

Evidence, most trusted first, voted over *all* mentions of the actor across the corpus (a
decision per actor, never per mention):

- pronouns that refer to the person: a "he/him/his" or "she/her/hers" outside quotation marks
  whose sentence and the sentence before it mention one person only, before the pronoun ("Jo Ade
  arrived late. She said …" → Ade female). This is the rule the quote speakers use
  (:func:`pronoun_votes` is shared with ``toolkit.quotes.names``), and the pronoun speakers the
  quote step resolved to the person ("…," she said → the speaker before); weight 1 each;
- honorifics before the name or in its title ("Ms Ade", "Sir Jo Ade", "Lord Ade"); weight 4;
- gendered role words next to the name: just before it ("actress Jo Ade", "his wife, Jo Ade") or
  in an apposition after it ("Jo Ade, a retired businessman,"), a demonym noun ("Welshman Jo
  Ade"); weight 4. Honorifics and role
  words come from ``gendered_words.csv`` (a word in ``honorifics.csv`` counts as an honorific);
- the first name, when the actor's name has one (two words or more, the first not an initial):
  nomquamgender's offline list gives p(female) for a name; at least :data:`NAME_P` (female) or at
  most 1 - :data:`NAME_P` (male), over at least :data:`NAME_COUNT` people, counts (its own
  default threshold); anything less sure gives nothing. Once per actor. A surname alone ("Ade")
  is never evidence. The list loads on first use (about 2 s).

Decision: with evidence from the text, every piece weighted (pronoun 1, honorific 4, role word 4,
first name 2), the gender with the most weight if it holds at least :data:`MIN_SHARE` (two
thirds) of it, else ``"unknown"`` (conflicting). So one stray pronoun does not overturn a first
name the list is sure of (2 against 1: the name), two do not either (unknown), four do; an
honorific or role word outweighs a first name and two pronouns; "he" once and "she" once is
unknown. Without evidence
from the text, the first name decides; without a first name the list knows, ``"unknown"``, except
for a person the corpus names by one word that is a woman's first name the list is all but sure of
(``"first name alone"``: :func:`lone_first_name_gender`; never male, as men's first names are
often surnames).
A user table overrides everything (evidence ``"user"``).
"""
from __future__ import annotations

import bisect
import itertools
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd

from .. import wordlists
from ..errors import InvalidOptionError
from ..schema import GENDERS
from .names import normalize_name

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "himself": "male",
                  "she": "female", "her": "female", "hers": "female", "herself": "female"}
GENDERED = wordlists.mapping("gendered_words", "word", "gender")
HONORIFICS = frozenset(w.lower() for w in wordlists.words("honorifics"))
WEIGHTS = {"pronoun": 1, "honorific": 4, "role word": 4, "first name": 2}
TRUST = ("user", "pronoun", "honorific", "role word", "first name")
MIN_SHARE = 2 / 3  # share of the weighted votes the winning gender needs; else "unknown"
NAME_P = 0.9      # p(female) a first name needs in the name list to count as female (1 - NAME_P: male)
NAME_COUNT = 10   # people the name list must have seen with that first name
LONE_P = 0.97     # p(female) a lone word needs to count as a woman's first name (see lone_first_name_gender)
LONE_COUNT = 1000 # people the list must have seen with that lone word

_PRONOUN = re.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.I)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
_WORD = re.compile(r"[A-Za-z][\w.'’-]*")
# a determiner and the three words after it, read without consuming them (a determiner among
# them starts its own match): "the woman", "a retired fisherman" (see described_people)
_DESCRIBED = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)\s+"
                        r"(?=((?:[\w'’-]+\s+){0,2}[\w'’-]+))")
_OF_NAME = re.compile(r"\s+of\s+(?:[A-Z][\w'’.-]*\s*){1,4}")
_COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were|be|been|being|became|becomes|become|remains|remained)\s+$", re.I)
_NAME_AFTER = re.compile(r"\s*,?\s*[A-Z]")
_COMMA_BEFORE = re.compile(r"\s*,\s*$")
_NOT_MODIFIERS = frozenset("of in on at by for to with who which that and or said says".split())
_DESCRIBING = frozenset(w for w in GENDERED if w not in HONORIFICS and w.isalpha())
_APPOS = re.compile(r"\s*,\s*(?:(?:the|a|an|his|her|their|its)\s+)?((?:[A-Za-z][\w'’-]*\b\s*){1,4})")
_APPOS_STOP = frozenset("of for at in on who whose which that and or with to from said says by".split())


def described_people(text: str, name_ends=()) -> list[tuple[int, str]]:
    """``(end offset, gender)`` of each unnamed person a text describes with a gendered noun after
    a determiner ("the woman", "a 52-year-old mother", "another businessman", "his daughter"; "the
    daughter of Jo Ade" ends after the name): a referent that a
    pronoun of that gender after it may stand for as well as a name before it. Not a title or an
    apposition of a name ("the spokesman Jo Ade", "the husband, Jo Ade", "Jo Ade, a spokesman,":
    ``name_ends`` are the end offsets of the person mentions), nor a predicate ("Jo Ade is a
    mother of two"). Made-up example: "Jo Ade wrote it. The woman who read it called herself a
    fan." → the offset after "woman", "female"."""
    ends = sorted(name_ends)
    out = []
    for m in _DESCRIBED.finditer(text):
        k = bisect.bisect_right(ends, m.start()) - 1
        if k >= 0 and _COMMA_BEFORE.fullmatch(text, ends[k], m.start()):
            continue  # "Jo Ade, a spokesman,": the apposition of a name
        if _COPULA_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "Jo Ade is a mother": the name's own description
        for w in re.finditer(r"\S+", m.group(1)):
            word = w.group()
            if word in _DESCRIBING:
                end = m.start(1) + w.end()
                if not _NAME_AFTER.match(text, end):  # "the spokesman Jo Ade": a title
                    of = _OF_NAME.match(text, end)  # "the daughter of Jo Ade … she": the daughter
                    out.append((of.end() if of else end, GENDERED[word]))
                break
            if not word.islower() or word.isalpha() and word in _NOT_MODIFIERS:
                break
    return out


def pronoun_votes(pronouns, persons, window_start, described=()):
    """``(person, gender, offset)`` for each pronoun whose window names one person only.

    ``pronouns``: ``(offset, gender)`` of each he/she/... outside quotation marks, in text order;
    ``persons``: ``(start, key)`` of each person mention outside quotation marks, sorted by start;
    ``window_start(offset)``: where the window of the pronoun at ``offset`` begins (the start of
    the sentence before its own); ``described``: :func:`described_people`, each of which starts
    the window of a pronoun of its gender afresh (the pronoun may stand for the unnamed person).
    Made-up examples: "Jo Ade spoke. She left." → (Ade, female); "Jo Ade spoke. A woman said she
    left." → no vote; "Jo Ade met a man. She left." → (Ade, female).
    """
    starts = [p[0] for p in persons]
    by_gender = defaultdict(list)
    for end, g in sorted(described):
        by_gender[g].append(end)
    for pos, g in pronouns:
        lo = window_start(pos)
        same = by_gender.get(g, ())
        d = bisect.bisect_right(same, pos) - 1
        if d >= 0:
            lo = max(lo, same[d])
        a = bisect.bisect_left(starts, lo)
        b = bisect.bisect_left(starts, pos)
        keys = {k for _, k in persons[a:b]}
        if len(keys) == 1:
            yield keys.pop(), g, pos


@functools.lru_cache(maxsize=1)
def _name_list() -> dict[str, float]:
    """nomquamgender's names -> p(female), for the names seen often enough (see NAME_COUNT)."""
    return {k: p for k, (p, _) in _name_counts().items()}


@functools.lru_cache(maxsize=1)
def _name_counts() -> dict[str, tuple[float, int]]:
    """nomquamgender's names -> (p(female), people seen), for the names seen often enough."""
    import importlib.util
    import json
    from pathlib import Path

    # the file only: importing the package would load its data a second time
    spec = importlib.util.find_spec("nomquamgender")
    with open(Path(list(spec.submodule_search_locations)[0]) / "name_data.json", encoding="utf-8") as fh:
        data = json.load(fh)
    return {k: (float(v[2]), int(v[1])) for k, v in data.items() if v[1] >= NAME_COUNT and v[2] == v[2]}


def lone_first_name_gender(name: str) -> str | None:
    """"female" for a person the corpus names by one word only when that word is a woman's first
    name the list is all but sure of (p(female) >= LONE_P over at least LONE_COUNT people:
    "Yolanda", "Agnieszka" for a blogger or a source who goes by her first name), else None. Never
    "male": surnames grow from men's first names far more often than from women's ("Warren",
    "James", "Carson" are surnames of women too), so a lone word that is a man's name says
    nothing."""
    from unidecode import unidecode

    words = str(name).split()
    if len(words) != 1 or not words[0][:1].isupper() or words[0].isupper():
        return None
    hit = _name_counts().get(unidecode(words[0]).lower())
    return "female" if hit is not None and hit[0] >= LONE_P and hit[1] >= LONE_COUNT else None


def name_list_gender(first: str) -> str | None:
    """"female", "male" or None for one first name, from the offline name list alone."""
    from unidecode import unidecode

    p = _name_list().get(unidecode(first).lower().strip())
    if p is None:
        return None
    return "female" if p >= NAME_P else "male" if p <= 1 - NAME_P else None


def first_name_gender(name: str) -> str | None:
    """The gender the offline name list gives the first name of ``name``, or None: never for a
    single word (a surname alone), an initial, or a name the list does not know well."""
    words = [w for w in str(name).split() if w.lower() not in HONORIFICS and w.lower() not in GENDERED]
    if len(words) < 2:
        return None
    first = words[0]
    if len(first.strip(".")) < 2 or first.isupper() or not first[0].isalpha():
        return None
    return name_list_gender(first) or (name_list_gender(first.split("-")[0]) if "-" in first else None)


def _word_kind(word: str):
    w = word.lower()
    g = GENDERED.get(w) or GENDERED.get(w.rstrip("."))
    if g is None:
        return None
    return g, "honorific" if (w in HONORIFICS or w.rstrip(".") in HONORIFICS or w + "." in HONORIFICS) else "role word"


def title_votes(text: str, start: int, end: int, title, surface) -> list[tuple[str, str]]:
    """(gender, kind) from the words next to one mention (see the module docstring)."""
    out = []
    words = str(title).split() if isinstance(title, str) else []
    words += str(surface).split()[:1] if isinstance(surface, str) else []
    before = _WORD.findall(text[max(0, start - 40):start])
    gap = text[max(0, start - 3):start]
    if before and (gap.endswith(" ") or gap.endswith(", ")):
        words.append(before[-1])
    for w in words:
        hit = _word_kind(w)
        if hit:
            out.append(hit)
            break
    m = _APPOS.match(text, end)
    if m:
        for w in m.group(1).split():
            if w in _APPOS_STOP:
                break
            hit = _word_kind(w)
            if hit and hit[1] == "role word":
                out.append(hit)
                break
    return out


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The runs inside double quotation marks (curly, or straight within a line)."""
    return [m.span() for m in _QUOTED.finditer(text)]


def _inside(spans, starts, pos) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def article_votes(text: str, persons: pd.DataFrame, sentence_starts: list[int]):
    """(actor_id, gender, (kind, pronoun offset or None)) votes of one article. ``persons``: its person mentions (actor_id,
    start, end, title, text) sorted by start; ``sentence_starts``: sorted sentence start offsets."""
    spans = quoted_spans(text)
    qstarts = [s for s, _ in spans]
    if isinstance(persons, pd.DataFrame):
        persons = persons.itertuples(index=False)
    rows = [r for r in persons if not _inside(spans, qstarts, r.start)]
    for r in rows:
        for g, kind in title_votes(text, r.start, r.end, r.title, r.text):
            yield r.actor_id, g, (kind, None)
    pronouns = [(m.start(), PRONOUN_GENDER[m.group(1).lower()]) for m in _PRONOUN.finditer(text)
                if not _inside(spans, qstarts, m.start())]

    def window_start(pos):
        k = bisect.bisect_right(sentence_starts, pos) - 1
        return sentence_starts[max(0, k - 1)] if sentence_starts else 0

    described = [(e, g) for e, g in described_people(text, [r.end for r in rows])
                 if not _inside(spans, qstarts, e - 1)]
    for actor, g, pos in pronoun_votes(pronouns, [(r.start, r.actor_id) for r in rows], window_start, described):
        yield actor, g, ("pronoun", pos)


@dataclass(frozen=True)
class GenderTable:
    """A user gender table: normalised name or actor_id -> gender label."""

    names: dict = field(default_factory=dict)

    def get(self, actor_id: str, name: str):
        return self.names.get(str(actor_id)) or self.names.get(normalize_name(str(name)))

    def __bool__(self) -> bool:
        return bool(self.names)


def read_genders(genders) -> GenderTable:
    """A user gender table from a dict (name or actor_id -> gender), a DataFrame or a CSV/YAML path
    (columns ``name`` or ``actor_id``, and ``gender``), as :func:`~.aliases.read_aliases` reads
    alias tables. The label is the user's: "female", "male", "unknown" or any other word."""
    if genders is None:
        return GenderTable()
    if isinstance(genders, GenderTable):
        return genders
    if isinstance(genders, (str, bytes)) or hasattr(genders, "__fspath__"):
        from pathlib import Path

        from ..errors import LoadError

        p = Path(genders)
        if not p.is_file():
            raise LoadError(p, "gender table not found")
        if p.suffix.lower() in (".yml", ".yaml"):
            import yaml

            try:
                genders = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as exc:
                raise LoadError(p, f"gender table is not valid YAML: {exc}") from None
        elif p.suffix.lower() == ".csv":
            genders = pd.read_csv(p, dtype=str, keep_default_na=False)
        else:
            raise LoadError(p, "gender table must be .csv, .yml or .yaml")
    if isinstance(genders, pd.DataFrame):
        key = "actor_id" if "actor_id" in genders.columns else "name"
        for col in (key, "gender"):
            if col not in genders.columns:
                from ..errors import MissingColumnError

                raise MissingColumnError(col, "gender table", "give columns name (or actor_id) and gender")
        pairs = list(zip(genders[key], genders["gender"]))
    elif isinstance(genders, dict):
        pairs = list(genders.items())
    else:
        raise InvalidOptionError("genders", type(genders).__name__, ("dict", "DataFrame", "path to .csv/.yaml"))
    out = {}
    for k, g in pairs:
        if not k or not isinstance(g, str) or not g.strip():
            continue
        out[str(k).strip()] = g.strip().lower()
        out[normalize_name(str(k))] = g.strip().lower()
    return GenderTable(out)


def decide(votes: dict[str, dict[str, int]], first: str | None) -> tuple[str, str]:
    """(gender, evidence) from one actor's vote counts per gender and kind of evidence from the
    text, and its first name's gender (see the module docstring)."""
    weight = defaultdict(float)
    for g, kinds in votes.items():
        for kind, n in kinds.items():
            weight[g] += WEIGHTS[kind] * n
    if not weight:
        return (first, "first name") if first else ("unknown", "none")
    if first:
        weight[first] += WEIGHTS["first name"]
    total = sum(weight.values())
    best = max(sorted(weight), key=weight.get)
    if weight[best] < MIN_SHARE * total:
        parts = ", ".join(f"{g} {weight[g]:g}" for g in sorted(weight))
        return "unknown", f"conflicting ({parts})"
    kinds = votes.get(best, {})
    parts = [f"{k} {kinds[k]}" for k in TRUST if kinds.get(k)]
    if first == best:
        parts.append("first name")
    return best, ", ".join(parts)


def actor_gender(actors: pd.DataFrame, mentions: pd.DataFrame, articles: pd.DataFrame,
                 sentences: pd.DataFrame | None = None, genders=None,
                 attributions: pd.DataFrame | None = None) -> pd.DataFrame:
    """``actors`` with ``gender`` and ``gender_evidence`` (see the module docstring).

    ``mentions``: the merged mentions (``actor_id``, ``article_id``, ``start``, ``end``, ``kind``,
    ``title``, ``text``); ``articles``: ``article_id`` and ``text``; ``sentences``: sentence start
    offsets per article (without it, each pronoun's window is the text since the previous full
    stop); ``genders``: a user gender table (:func:`read_genders`); ``attributions``: the quote
    rows, whose pronoun speakers resolved to a person ("…," she said → Jo Ade) vote as pronouns
    (the quotes' own resolution; a pronoun the window rule already counted counts once).
    """
    table = read_genders(genders)
    out = actors.copy()
    if not len(out):
        out["gender"] = pd.Series(dtype="string")
        out["gender_evidence"] = pd.Series(dtype="string")
        return out
    persons = set(out.loc[out["kind"] == "person", "actor_id"].astype(str))
    votes: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    m = mentions[mentions["actor_id"].astype("string").isin(persons).fillna(False)]
    counted: set = set()
    if len(m):
        texts = dict(zip(articles["article_id"].astype(str), articles["text"]))
        sent = {}
        if sentences is not None and len(sentences):
            for aid, start in zip(sentences["article_id"].astype(str), sentences["start"].tolist()):
                sent.setdefault(aid, []).append(int(start))
            for v in sent.values():
                v.sort()
        cols = ["actor_id", "start", "end", "title", "text"]
        # one conversion and one sort for the corpus, then the rows of each article in turn (pandas
        # work per article would cost milliseconds each)
        rows_all = m[cols].astype(object).where(m[cols].notna(), None)
        rows_all.insert(0, "aid", m["article_id"].astype(str).to_numpy())
        rows_all = rows_all.sort_values(["aid", "start"], kind="stable")
        for aid, rows in itertools.groupby(rows_all.itertuples(index=False), key=lambda r: r.aid):
            text = texts.get(aid)
            if not isinstance(text, str):
                continue
            starts = sent.get(aid) or [0] + [x.end() for x in re.finditer(r"[.!?]\s+", text)]
            for actor, gender, (kind, pos) in article_votes(text, list(rows), starts):
                votes[str(actor)][gender][kind] += 1
                if pos is not None:
                    counted.add((aid, pos))
    if attributions is not None and len(attributions) and "speaker_text" in attributions:
        a = attributions[attributions["actor_id"].notna() & attributions["speaker_start"].notna()]
        seen = set()
        for aid, actor, spk, start in zip(a["article_id"].astype(str), a["actor_id"].astype(str),
                                          a["speaker_text"], a["speaker_start"]):
            g = PRONOUN_GENDER.get(str(spk).lower()) if isinstance(spk, str) else None
            key = (aid, int(start))
            if g is None or actor not in persons or key in counted or key in seen:
                continue
            seen.add(key)
            votes[actor][g]["pronoun"] += 1
    genders_out, evidence = [], []
    for aid, name, kind in zip(out["actor_id"].astype(str), out["name"].tolist(), out["kind"].tolist()):
        if not isinstance(kind, str) or kind != "person":
            genders_out.append(pd.NA)
            evidence.append(pd.NA)
            continue
        user = table.get(aid, name) if table else None
        if user:
            genders_out.append(user)
            evidence.append("user")
            continue
        first = first_name_gender(name)
        g, ev = decide(votes.get(aid, {}), first)
        if g == "unknown" and ev == "none" and first is None and lone_first_name_gender(name):
            g, ev = "female", "first name alone"
        genders_out.append(g)
        evidence.append(ev)
    out["gender"] = pd.Series(genders_out, index=out.index, dtype="string")
    out["gender_evidence"] = pd.Series(evidence, index=out.index, dtype="string")
    return out


__all__ = ["actor_gender", "read_genders", "GenderTable", "pronoun_votes", "first_name_gender", "GENDERS",
           "lone_first_name_gender",
           "PRONOUN_GENDER", "MIN_SHARE", "NAME_P", "NAME_COUNT", "name_list_gender"]
