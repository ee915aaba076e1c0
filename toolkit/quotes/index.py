"""The per-document index the quote rules share: token offsets, the article's mentions sorted by
start, sentence and paragraph starts, the quoted runs found by :mod:`.marks` (which token lies in
which run), line breaks, and the rows found so far. Built once per Doc by :class:`DocIndex`; the
rule modules (:mod:`.reported`, :mod:`.direct`, :mod:`.speakers`) are functions over it.
"""
from __future__ import annotations

import bisect

from ..units import index_of, paragraph_starts, sentence_starts
from .marks import QUOTE_CHARS, Seg, scan_quote_marks


class DocIndex:
    """What the quote rules look up in one Doc; ``segs`` (the quoted runs) and ``rows`` change as
    the rules attribute runs and add rows."""

    def __init__(self, doc, mentions):
        self.doc = doc
        self.text = doc.text
        self.ntok = len(doc)
        self.tok_starts = [t.idx for t in doc]
        self.mentions = sorted(default_mentions(doc) if mentions is None else mentions,
                               key=lambda m: (m["start"], -m["end"]))
        self.m_starts = [m["start"] for m in self.mentions]
        self.sent_starts = []
        self.sent_tok = []
        try:
            for s in doc.sents:
                self.sent_starts.append(s.start_char)
                self.sent_tok.append(s.start)
        except ValueError:  # a Doc without parse or sentence boundaries: one sentence
            self.sent_starts, self.sent_tok = [0], [0]
        self.index_starts = sentence_starts(doc, self.text)  # the sentence numbers of the other tables
        self.par_starts = paragraph_starts(self.text)
        self.qid = [-1] * self.ntok
        self.breaks = [t.i for t in doc if t.is_space and "\n" in t.text]
        self.is_mark = [False] * self.ntok
        for t in doc:
            if t.text and all(c in QUOTE_CHARS for c in t.text):
                self.is_mark[t.i] = True
        self.segs = []
        for cs, ce, os_, cend, ch, double in scan_quote_marks(self.text):
            s = Seg(cs, ce, os_, cend, ch, double)
            s.t0 = bisect.bisect_left(self.tok_starts, cs)
            s.t1 = bisect.bisect_left(self.tok_starts, ce)
            if s.t1 <= s.t0:
                continue
            k = len(self.segs)
            for t in range(s.t0, s.t1):
                self.qid[t] = k
            self.segs.append(s)
        self.seg_starts = [s.start for s in self.segs]
        self.reported_cues = set()  # cue tokens of indirect/mixed rows
        self.rows = []

    # ------------------------------------------------------------------ helpers
    def tok_at(self, char: int) -> int:
        """Index of the first token starting at or after char."""
        return bisect.bisect_left(self.tok_starts, char)

    def boundary(self, t) -> bool:
        return t.is_space and "\n" in t.text

    def in_quote_char(self, pos: int) -> bool:
        k = bisect.bisect_right(self.seg_starts, pos) - 1
        return k >= 0 and self.segs[k].start <= pos < self.segs[k].end

    def clip(self, v, c0, c1):
        """Token range [c0, c1] cut to the line of token v (the parser sometimes joins a
        paragraph to the next one); None when nothing is left."""
        k = bisect.bisect_left(self.breaks, v.i)
        lo = self.breaks[k - 1] + 1 if k > 0 else 0
        hi = self.breaks[k] - 1 if k < len(self.breaks) else self.ntok - 1
        c0, c1 = max(c0, lo), min(c1, hi)
        return (c0, c1) if c0 <= c1 else None

    def same_line(self, a: int, b: int) -> bool:
        """Are tokens a and b on one line (no line break between them)?"""
        lo, hi = min(a, b), max(a, b)
        k = bisect.bisect_left(self.breaks, lo)
        return k >= len(self.breaks) or self.breaks[k] >= hi

    def paragraph(self, char: int) -> int:
        return index_of(self.par_starts, char)

    def sentence(self, char: int) -> int:
        return index_of(self.index_starts, char)


# ------------------------------------------------------------------ cues
def cue_span(ix, v):
    """(text, start, end) of a cue verb, with an adjacent particle ("point out")."""
    start, end = v.idx, v.idx + len(v.text)
    for c in v.rights:
        if c.dep_ == "prt" and c.i == v.i + 1:
            end = c.idx + len(c.text)
    if v.lower_ == "according":
        for c in v.rights:
            if c.lower_ == "to":
                end = c.idx + len(c.text)
    return (ix.text[start:end], start, end)


def add_row(ix, kind, start, end, speaker, cue, *, how, verb=None, act="statement"):
    """Append a row; ``how`` (the rule that found it) and ``verb`` (the cue verb's token index)
    stay on the row as private keys (``_how``, ``_verb``, ``_spk``) until :mod:`.acts` has decided."""
    text = ix.text
    row = {
        "kind": kind, "text": text[start:end], "start": start, "end": end,
        "speaker_text": None, "speaker_start": None, "speaker_end": None,
        "speaker_name": None, "cue": None, "cue_start": None, "cue_end": None,
        "sentence": ix.sentence(start), "paragraph": ix.paragraph(start), "act": act,
        "_how": how, "_verb": verb, "_spk": None,
    }
    if speaker is not None:
        head, s0, s1, name = speaker
        row.update(speaker_text=text[s0:s1], speaker_start=s0, speaker_end=s1,
                   speaker_name=name, _spk=head.i if head is not None else None)
    if cue is not None:
        row.update(cue=cue[0], cue_start=cue[1], cue_end=cue[2])
    ix.rows.append(row)
    return row


def clean_name(s: str) -> str:
    s = s.strip()
    if s.lower().startswith("the "):
        s = s[4:]
    for suf in ("'s", "’s"):
        if s.endswith(suf):
            s = s[: -len(suf)]
    return s.strip()


_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
          "FAC": "place", "NORP": "group"}


def default_mentions(doc) -> list[dict]:
    return [{"start": e.start_char, "end": e.end_char, "label": e.label_,
             "name": clean_name(e.text), "kind": _KINDS.get(e.label_, "other")}
            for e in doc.ents]
