"""Kinds from evidence: what the words around all mentions of a name in an article say it is, not
the model's label of each mention alone and never a list of names.

Each mention of a name adds to a score per kind:

- the model's label (its share of all the name's occurrences, those labelled a product, a work or
  a law included: the model often flips between labels, and fifty mentions are not fifty votes);
- a place preposition before it, also as a share ("in Kito"; "at", "from" and "to" half, as they
  go with organisations as often: "engineers at Kito Polytechnic"); "based in Kito" in full;
- a legal form or organisation head ending the name ("Kito Holdings", "Lira Soft SRL"), over the
  labels;
- a title or honorific right before it ("President Kito", "Mr Kito": person), an age after it
  ("Kito, 45,": person), a personal pronoun soon after it ("Kito said he": person);
- a noun that describes it, right before it ("software company Lira Soft", "the game Kito"), as
  an apposition ("Kito, a sandbox game,") or after "is a" ("Kito is a company"): the noun's kind
  (``kind_nouns``, ``person_nouns``); the noun right before outweighs the model's labels (which
  add up to one strong cue over all mentions) when the name agrees: a person noun before a name whose first word the name list gives a gender
  ("journalist Ana Kito"), another noun before a name without one ("supermarket Kitomart");
- a word right after it ("Kito Ltd", "Kito's spokesman": organization; "Kito version 2": other);
- a leading "the" (not a person).

The kind with the highest score is the name's kind in the article; "other" marks no actor
(products, works, laws and awards by their last word, methods; also job titles the model read as
organisations, "Regional Sales Manager", and religions as beliefs, "Islam"): such actors are
dropped after the corpus-wide merge when most of their mentions say so (:mod:`.merge`; a user
alias table's kind "other" is kept). Mentions that name nothing at all are dropped at once: a
time zone after a clock time ("(1500 UTC)"), a language ("an interview in French.").
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from .. import wordlists
from . import gazetteer
from .gender import first_name_gender
from .spans import ORG_HEADS, clean_surface, doc_text

_KIND_NOUNS = dict(wordlists.mapping("kind_nouns", "word", "kind"))
for _w in wordlists.words("person_nouns"):
    _KIND_NOUNS.setdefault(_w, "person")
_KIND_AFTER = wordlists.mapping("kind_after", "word", "kind")
NON_ACTOR_HEADS = wordlists.words("non_actor_heads")
_PLACE_PREPOSITIONS = wordlists.words("place_prepositions")
_CORPORATE = wordlists.words("corporate_words")
_ORG_OR_PLACE = {"at", "from", "to"}
_LABEL_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place",
               "NORP": "group", "DEMONYM": "place"}
_OTHER_LABELS = {"PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE", "EVENT"}
_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
_CLOCK = re.compile(r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?|local time|[(\[{]\s*\d{3,4}|\b(?!19\d\d|20\d\d)\d{4})\s*[(\[{]?\s*$", re.I)
_AGE = re.compile(r"^,\s*\d{1,3}\s*,")
_DESCRIBED = re.compile(r"^(?:\s*,\s*|\s+(?:is|was|are|were|remains|became)\s+)(?:a|an|the)\s+((?:[\w\-’']+ ?){1,5})")
_NP_END = {"that", "which", "who", "whose", "where", "of", "for", "in", "on", "at", "with", "by", "from", "and", "or",
           "to", "based", "founded", "known", "called", "named"}
_LANGUAGE_BEFORE = {"in", "into", "speak", "speaks", "spoke", "spoken", "speaking", "fluent", "learn", "learned",
                    "learning", "translated", "dubbed", "subtitled", "teach", "taught"}
STRONG = 3.0
_FINITE = {"VBD", "VBZ", "VBP", "MD"}


def judge_kinds(doc, rows: list[dict]) -> list[dict]:
    """``rows`` (the article's mentions with name, kind, label) with each name's kind from the
    evidence of all its mentions; mentions that name no actor at all dropped."""
    text = doc_text(doc)
    rows = [r for r in rows if not names_no_actor(text, r)]
    other_labels = Counter(clean_surface(e.text) for e in doc.ents if e.label_ in _OTHER_LABELS)
    by_name: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        if r.get("resolved_by") != "alias":
            by_name[r["name"]].append(r)
    _split_namesakes(doc, text, by_name, other_labels)
    for name, group in by_name.items():
        if is_job_or_belief(name, group[0]["label"]):
            for r in group:
                r["kind"] = "other"
            continue
        scores = _scores(doc, text, group, other_labels)
        kind = max(scores, key=lambda k: (scores[k], k == group[0]["kind"]))
        if kind == "other":
            for r in group:
                r["kind"] = "other"
        elif kind != "group" and all(r["kind"] != "group" for r in group):
            for r in group:
                r["kind"] = kind
    others = {n for n, g in by_name.items() if g[0]["kind"] == "other"}
    for name, group in by_name.items():
        if " " in name and name.rsplit(" ", 1)[1] in others:
            for r in group:  # "Lira Soft Kito": an edition of the product "Kito"
                r["kind"] = "other"
    return rows


def _split_namesakes(doc, text: str, by_name: dict, other_labels: Counter) -> None:
    """A short form the evidence says is an organisation or a place, while the full name it was
    resolved to is a person, names something called after that person (the band "Kito" of an
    article saying it took its name from "Ana Kito"; "the Kito club" beside the player "Jo
    Kito"): those mentions keep their own name, in place of ``by_name``."""
    for name in list(by_name):
        group = by_name[name]
        if " " not in name:
            continue
        short = [r for r in group if r.get("resolved_by") == "article full name" and clean_surface(r["text"]) != name]
        full = [r for r in group if r not in short]
        if not short or not full:
            continue
        s_full, s_short = _scores(doc, text, full, other_labels), _scores(doc, text, short, other_labels)
        k_full = max(s_full, key=lambda k: (s_full[k], k == full[0]["kind"]))
        k_short = max(s_short, key=lambda k: (s_short[k], k == short[0]["kind"]))
        if k_full != "person" or k_short not in ("organization", "place"):
            continue
        by_name[name] = full
        for r in short:
            r["name"], r["resolved_by"] = clean_surface(r["text"]), None
            by_name.setdefault(r["name"], []).append(r)


def _scores(doc, text: str, group: list[dict], other_labels: Counter) -> Counter:
    scores: Counter = Counter()
    n = len(group)
    # The labels' shares over every occurrence of the name, those the model labelled a product, a
    # work or a law included: at most 3 in all, so a name said fifty times is not fifty times as
    # sure, and a game the model calls a product three times in five is a product.
    surfaces = {clean_surface(r["text"]) for r in group} | {group[0]["name"]}
    n_other = sum(other_labels.get(s, 0) for s in surfaces)
    for r in group:
        scores[_LABEL_KIND.get(r["label"], r["kind"])] += STRONG / (n + n_other)
    scores["other"] += STRONG * n_other / (n + n_other)
    last = group[0]["name"].split()[-1]
    if last in NON_ACTOR_HEADS:
        scores["other"] += 2 * STRONG  # "Lira Water Act", "Golden Harp Award"
    elif " " in group[0]["name"] and (last in _CORPORATE or last in ORG_HEADS):
        scores["organization"] += STRONG + 1  # "Lira Holdings Ltd", "Kito Party": the name says it, over the labels
    prepositions = 0
    for r in group:
        for kind, weight in _cues(doc, text, r):
            if kind == "in":
                prepositions += weight
            else:
                scores[kind] += weight
    # Place prepositions weigh as a share of the mentions, like the labels: a company named forty
    # times, often after "to" or "at", stays a company, and a place the model calls an
    # organisation in most of its mentions, but always "in Kito", still becomes a place.
    scores["place"] += STRONG * prepositions / n
    return scores


def _cues(doc, text: str, r: dict):
    """(kind, weight) pairs the words around one mention give."""
    s, e = r["start"], r["end"]
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return
    i, j = span.start, span.end
    if r.get("title") or (i > 0 and gazetteer.is_title_head(doc[i - 1].text)):
        yield "person", STRONG
    prev = doc[i - 1] if i > 0 else None
    if prev is not None and prev.lower_ in ("the", "a", "an"):
        yield "person", -1.0  # "the Kito": not a person
    elif prev is not None and prev.is_lower and prev.lower_ in _KIND_NOUNS:
        kind = _KIND_NOUNS[prev.lower_]  # "software company Kito", "the game Kito"
        # The noun outweighs the model's labels when the name agrees with it: a person noun
        # before a name whose first word the name list gives a gender ("journalist Ana Kito" the
        # model read as an organisation), any other noun before a name that opens with no such
        # first name ("supermarket Kitomart" the model read as a person)
        sure = (first_name_gender(r["text"]) is not None) == (kind == "person")
        yield kind, STRONG + (0.5 if sure else 0.0)
    after = text[e:e + 120]
    if _AGE.match(after):
        yield "person", STRONG
    m = _DESCRIBED.match(after)
    if m:
        words = _description(doc, after, e, m)
        nouns = [w for w in words if w in _KIND_NOUNS]
        if nouns:  # the last noun heads the description: "a software company" -> company
            yield _KIND_NOUNS[nouns[-1]], STRONG + 1
    if prev is not None and prev.lower_ in _PLACE_PREPOSITIONS and prev.lower_ != "of" and r["label"] != "PERSON":
        if i > 1 and doc[i - 2].lower_ in ("based", "born", "headquartered"):
            yield "place", STRONG  # "based in Lira"
        else:  # "in Lira": counted as a share of the name's mentions (see _scores); "at", "from"
            # and "to" go with organisations as often ("engineers at Kito", "sold to Kito"): half
            yield "in", 0.5 if prev.lower_ in _ORG_OR_PLACE else 1.0
    nxt = doc[j] if j < len(doc) else None
    if nxt is not None and nxt.text in ("'s", "’s") and j + 1 < len(doc):
        nxt = doc[j + 1]
    if nxt is not None and nxt.text in _KIND_AFTER:
        yield _KIND_AFTER[nxt.text], STRONG
    elif nxt is not None and nxt.is_digit and not doc[j - 1].whitespace_ == "" and len(nxt) <= 2:
        yield "other", 1.0  # "Kito 8": a version
    for t in doc[j:min(len(doc), j + 8)]:
        if t.is_sent_start or t.ent_type_ == "PERSON":
            break
        if t.lower_ in _PRONOUNS:
            yield "person", 1.0
            break


def _description(doc, after: str, e: int, m) -> list[str]:
    """The words of the description after a name ("Kito, a sandbox game," -> sandbox game), cut at
    a word that ends a noun phrase or at a finite verb. "On a tour of Lira, the chancellor
    predicted a vaccine" describes no Lira: a definite noun phrase running into a verb (with tags;
    without them, past the five words read without a close) is the subject of the clause after a
    fronted phrase; an indefinite one stays a description ("Kito, a media group has said")."""
    words = []
    closed = False
    for w in m.group(1).split():
        if w in _NP_END:
            closed = True
            break
        words.append(w)
    definite = after[:m.start(1)].split()[-1].lower() == "the"
    if doc.has_annotation("TAG"):
        desc = doc.char_span(e + m.start(1), e + m.end(1), alignment_mode="expand")
        for k, t in enumerate(desc if desc is not None else ()):
            if k >= len(words):
                break
            if t.tag_ in _FINITE or t.pos_ == "AUX":
                return [] if definite else words[:k]
        return words
    if definite and not closed and len(words) >= 5 and re.match(r"\s*[\w\-’']", after[m.end(1):]):
        return []
    return words


def head_word(name: str) -> str:
    """The word that heads a name: the last before "of" or "for" ("Secretary" of "Secretary of State")."""
    words = name.split()
    for k, w in enumerate(words[1:], 1):
        if w in ("of", "for"):
            return words[k - 1]
    return words[-1] if words else ""


def is_job_or_belief(name: str, label: str) -> bool:
    """A job title the model read as an organisation ("Regional Sales Manager", "Secretary of
    State", also by its acronym), or a religion as a belief ("Islam"): kind other."""
    if label in ("ORG", "FAC", "NORP") and gazetteer.is_job_head(head_word(name)):
        return True
    return gazetteer.is_religion(name)


def names_no_actor(text: str, r: dict) -> bool:
    """A mention that names nothing at all: a time zone after a clock time ("(1500 UTC)"), a
    language ("an interview in French.")."""
    surface = clean_surface(r["text"])
    if (r["label"] in ("ORG", "GPE", "NORP") and surface.isupper() and len(surface) <= 4
            and _CLOCK.search(text[max(0, r["start"] - 25):r["start"]])):
        return True  # "10:00 UTC", "3 p.m. EST", "(1500 GMT)"; not "in 2011, UNDP said"
    if r["label"] in ("NORP", "DEMONYM") and " " not in surface:
        before = text[max(0, r["start"] - 20):r["start"]].split()
        after = text[r["end"]:r["end"] + 12]
        if before and before[-1].lower() in _LANGUAGE_BEFORE and re.match(r"^(?:\s*[.,;:)!?]|\s+(?:and|or|language)\b|\s*$)", after):
            return True  # "an interview in French.", "she speaks Swahili and English"
    return False
