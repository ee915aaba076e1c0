"""Rule-based quotations and reported speech with their speakers, over parsed spaCy Docs.

``extract_quotes(doc)`` finds three kinds of statement in one article:

- ``direct``: words between quotation marks that someone said or wrote;
- ``mixed``: reported speech that contains a quoted fragment
  (``The mayor said the plan was “a disaster”``);
- ``indirect``: reported speech without quotation marks
  (``The minister reiterated that support remains``, ``according to the ministry``).

It needs a Doc from a full pipeline (tagger, parser, NER) and walks its tokens once more; no
second NLP pass, linear in the text (bisect look-ups, bounded windows). The stages, one module
each, over a per-document index (:mod:`.index`):

- :mod:`.marks`: quote marks paired by a one-pass scanner (any glyph; multi-paragraph quotes;
  stray marks tolerated);
- :mod:`.reported`: a cue verb (word list ``cue_verbs``) with a clausal complement or as a
  parenthetical; a speech-act verb (``act_verbs``) with its object ("endorsed the mayor", "urged
  him to resign"); belief verbs (``belief_verbs``) when their subject is an actor or a pronoun;
  "according to X"; "X seems / is expected to …" (no speaker); "Name: text" headings;
- :mod:`.direct`: a cue right after a quotation ("…,” said X", "X, who …, said", "— X") or right
  before it ("X said: “…”", "“A,” he said, “B”"), or a reported-speech frame whose complement is
  the quotation; unattributed quotes take the speaker of the preceding quote (same chain, or
  within two paragraphs); quoted fragments of 1-3 words not governed by a cue, and quoted titles,
  are no statements;
- :mod:`.speakers`: the speaker's noun phrase and the name it stands for;
- :mod:`.resolve`: across the corpus, each quote's speaker tied to its canonical actor.
"""
from __future__ import annotations

from .extract import extract_quotes
from .lexicon import ACT_LEMMAS, BELIEF_LEMMAS, CUE_LEMMAS, cue_lemma
from .marks import scan_quote_marks
from .resolve import resolve_speakers

__all__ = ["extract_quotes", "scan_quote_marks", "cue_lemma", "resolve_speakers", "CUE_LEMMAS", "ACT_LEMMAS",
           "BELIEF_LEMMAS"]
