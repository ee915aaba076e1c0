"""Text units: where paragraphs and sentences start, and which unit a character offset is in.

One implementation for every table: a paragraph starts at 0 and after each "\\n\\n" (the loaders
join paragraphs with exactly that); a sentence starts where spaCy starts one and at every
paragraph start, so that no sentence runs across a paragraph break. Also the one slugifier that
makes stable ids from names.

>>> paragraph_starts("One.\\n\\nTwo.")
[0, 6]
>>> index_of([0, 6], 7)
1
>>> slugify("Zoë O'Neil")
'zoe-oneil'
"""
from __future__ import annotations

import bisect
import re
import unicodedata

_BREAK = re.compile(r"\n\n")
_PARAGRAPH_START = re.compile(r"\n\n(?=\S)")


def paragraph_starts(text: str) -> list[int]:
    """Offsets where the paragraphs of ``text`` start (0, then after every "\\n\\n")."""
    return [0] + [m.end() for m in _BREAK.finditer(text)]


def index_of(starts: list[int], pos: int) -> int:
    """Index of the unit (of sorted ``starts``) that holds offset ``pos``; 0 before the first."""
    return max(0, bisect.bisect_right(starts, pos) - 1)


def sentence_starts(doc, text: str | None = None) -> list[int]:
    """Character offsets where sentences start: spaCy's boundaries, plus every paragraph start, so
    that no sentence runs across a paragraph break (the small model's sentences sometimes do,
    e.g. after a sub-heading)."""
    text = doc.text if text is None else text
    try:
        starts = {s.start_char for s in doc.sents}
    except ValueError:  # no sentence boundaries at all
        starts = {0}
    starts.update(m.end() for m in _PARAGRAPH_START.finditer(text))
    ordered = sorted(starts)
    bounds = ordered[1:] + [len(text)]
    # a "sentence" of whitespace only (spaCy gives some around line breaks) is no sentence
    kept = [s for s, e in zip(ordered, bounds) if text[s:e].strip()]
    return kept or [0]


def slugify(name: str, *, default: str = "actor") -> str:
    """A stable id from a name: accents dropped, lower case, apostrophes removed, other runs of
    non-alphanumerics as "-"."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"['’`]", "", s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or default
