"""Rule-based attributions with their speakers and what they report, over parsed spaCy Docs.

``extract_quotes(doc)`` finds every attribution in one article, each with an ``act``:
``"statement"`` (speech or writing with content), ``"belief"`` (a thought, opinion, wish,
intention or expectation) or ``"other"`` (a finding of a report, study or poll; a refusal
without content); and a ``kind``:

- ``direct``: words between quotation marks that someone said or wrote;
- ``mixed``: reported speech that contains a quoted fragment
  (``The mayor said the plan was “a disaster”``);
- ``indirect``: reported speech without quotation marks
  (``The minister reiterated that support remains``, ``according to the ministry``).

Across the corpus, ``corpus.attributions`` holds them all and ``corpus.quotes`` the statements.

It needs a Doc from a full pipeline (tagger, parser, NER) and walks its tokens once more; no
second NLP pass, linear in the text (bisect look-ups, bounded windows). The stages, one module
each, over a per-document index (:mod:`.index`), in the order :mod:`.extract` runs them:

- :mod:`.marks`: quote marks paired by a one-pass scanner (any glyph; multi-paragraph quotes;
  a curly quote within a straight one; stray marks tolerated);
- :mod:`.reported`: cue verbs with a clausal complement, as a parenthetical or in a relative
  clause; speech-act verbs with their object; belief verbs; :mod:`.phrases`: "according to X",
  evidentials, reporting nouns ("her claim that …"), hearsay adverbs, "Name: text" labels;
  :mod:`.frames`: the frame each of them ends in (indirect, mixed, or the quotation's own cue);
- :mod:`.direct`: a cue right after a quotation ("…,” said X", "— X") or right before it ("X
  said: “…”"), transcript labels inside quotes; unattributed quotes take the speaker of the
  preceding quote; scare quotes and quoted titles are no statements; :mod:`.labels`: tweets
  signed by a handle, block quotations after "X explains:", "X wrote:", "X is critical of Y:";
- :mod:`.speakers`: the speaker's noun phrase as written; :mod:`.coref` (with :mod:`.names`):
  the name it stands for, once every row of the article is known (surnames, pronouns by
  agreement and continuity, descriptions, documents to their issuer, relative "who");
- :mod:`.acts`: each row's act; :mod:`.filters`: the rows that are never attributions
  (headings, credits, the reporter's questions, interviewers, nested rows);
- :mod:`.resolve`: across the corpus, each speaker tied to its canonical actor.
"""
from __future__ import annotations

from .extract import extract_quotes
from .acts import verb_act
from .lexicon import ACT_LEMMAS, BELIEF_LEMMAS, CUE_LEMMAS, cue_lemma
from .marks import scan_quote_marks
from .resolve import resolve_speakers

__all__ = ["extract_quotes", "scan_quote_marks", "cue_lemma", "verb_act", "resolve_speakers", "CUE_LEMMAS",
           "ACT_LEMMAS", "BELIEF_LEMMAS"]
