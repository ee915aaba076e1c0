"""Names the model misses, found by what they look like.

- Party words ("the Lib Dems would back it"): a plural anywhere, a singular inside a sentence (a
  capitalised "Conservative" may open one as an adjective).
- Headlines: the model reads a headline ("Kito, Ade clash over Lira deal") far worse than running
  text, and misses the surnames that open it. In a headline (a line of at most 20 words without a
  final full stop, or a text of one such line), a capitalised word the model's vocabulary does not
  know (a rare word: "Kito", "Wa-Ade", "Ole'Ade") is a name: a person's, or an organisation's when
  written in capitals ("KPLA"); and a common variant of a name ("AU", "UN") is that name.
- People introduced by a given name only: "a resident named Ana", "a teacher identified only as
  Kito B." (the first word a given name of the offline name list): the model often misses them,
  and the pronouns that follow are theirs.
"""
from __future__ import annotations

import re

from . import gazetteer
from .evidence import _KIND_NOUNS
from .spans import doc_text

_PARTY_WORD = re.compile(r"(?<![\w'’\-])(?:%s)(?![\w'’\-])" % "|".join(
    re.escape(w) for w in sorted(gazetteer.party_words(), key=len, reverse=True)))
_LINE = re.compile(r"[^\n]+")
_INTRODUCED = re.compile(r"\b([a-z]+),?\s+(?:named|called|identified\s+(?:only\s+)?as|known\s+only\s+as)\s+"
                         r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)((?:\s+(?:[A-Z]\.|[A-Z][a-z]+))?)(?![\w'’\-])")
MAX_HEADLINE_WORDS = 20


def missed_party_words(doc, rows: list[dict]) -> list[dict]:
    """Rows (NORP) for party words no row covers."""
    taken = sorted((r["start"], r["end"]) for r in rows)
    starts = {s.start_char for s in doc.sents} if doc.has_annotation("SENT_START") else {0}
    out = []
    for m in _PARTY_WORD.finditer(doc_text(doc)):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken):
            continue
        if not m.group().endswith("s") and (s in starts or s == 0):
            continue
        out.append({"start": s, "end": e, "label": "NORP", "title": None})
    return out


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Character spans of the lines that read as headlines."""
    out = []
    for m in _LINE.finditer(text):
        line = m.group().strip()
        words = line.split()
        if 2 <= len(words) <= MAX_HEADLINE_WORDS and not line.endswith((".", "?\"", ".\"", ".”", ":")) \
                and not line.isupper():
            out.append(m.span())
    return out


def headline_names(doc, rows: list[dict]) -> list[dict]:
    """Rows for the names of headlines the model missed (see the module docstring)."""
    lines = headline_lines(doc_text(doc))
    if not lines:
        return []
    covered = bytearray(len(doc_text(doc)) + 1)
    for r in rows:
        covered[r["start"]:r["end"]] = b"\x01" * (r["end"] - r["start"])
    out = []
    for a, b in lines:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        i = span.start
        while i < span.end:
            j = i
            while j < span.end and _unknown_name_word(doc[j]) and not covered[doc[j].idx]:
                j += 1
            if j > i:
                out.append(_row(doc, i, j))
                i = j
                continue
            tok = doc[i]
            if not covered[tok.idx] and tok.is_upper and len(tok) >= 2 and gazetteer.canonical_variant(tok.text) != tok.text:
                label = "GPE" if gazetteer.is_place(tok.text) else "ORG"
                out.append({"start": tok.idx, "end": tok.idx + len(tok), "label": label, "title": None})
            i += 1
    return out


def _unknown_name_word(tok) -> bool:
    t = tok.text
    return (len(t) >= 3 and t[:1].isupper() and tok.is_oov and not tok.is_stop and not tok.like_num
            and re.fullmatch(r"[A-Z][\w'’\-]*\w", t) is not None and not gazetteer.is_role_word(t)
            and not gazetteer.country_of_demonym(t))


def _row(doc, i: int, j: int) -> dict:
    s, e = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
    words = doc[i:j]
    acronym = j - i == 1 and sum(ch.isupper() for ch in words[0].text) >= 2
    return {"start": s, "end": e, "label": "ORG" if acronym else "PERSON", "title": None}


def introduced_names(text: str, rows: list[dict]) -> list[dict]:
    """PERSON rows for people the text introduces by a given name ("a resident named Ana", "a
    driver identified only as Kito B."): the given name must be one the offline name list knows,
    and the noun before it no thing's ("a town named Ana" is a place). A row of the model's on
    exactly that name becomes a person ("Ana" read as a place); returns the rows to add."""
    from spacy.lang.en.stop_words import STOP_WORDS  # here: importing the toolkit loads no spaCy

    from .gender import name_list_gender

    out = []
    for m in _INTRODUCED.finditer(text):
        s, e = m.start(2), m.end(3) if m.group(3) else m.end(2)
        if m.group(1) in STOP_WORDS or _KIND_NOUNS.get(m.group(1), "person") != "person" \
                or not name_list_gender(m.group(2).split("-")[0]):
            # "was named May's player", "a town named Ana": no person introduced
            continue
        over = [r for r in rows if r["start"] < e and s < r["end"]]
        if not over:
            out.append({"start": s, "end": e, "text": text[s:e], "label": "PERSON", "title": None})
        elif len(over) == 1 and (over[0]["start"], over[0]["end"]) == (s, e):
            over[0]["label"] = "PERSON"
    return out
