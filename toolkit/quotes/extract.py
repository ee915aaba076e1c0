"""``extract_quotes``: the quote rules over one parsed Doc, in their order."""
from __future__ import annotations

from .acts import decide_acts
from .coref import name_speakers
from .direct import classify_quotes, direct_quotes
from .filters import drop_non_attributions
from .labels import blockquotes, signatures
from .index import DocIndex
from .reported import reported_speech


def extract_quotes(doc, mentions=None) -> list[dict]:
    """Quotations and reported statements in one parsed article, sorted by start.

    ``mentions``: the article's entity mentions as dicts with ``start``, ``end`` (char offsets),
    ``label``, ``name`` (canonical name in the article) and ``kind`` (person, organization,
    place, group, other). When None they are built from ``doc.ents``.

    Each row has the keys ``kind`` ("direct", "mixed" or "indirect"), ``text``, ``start``,
    ``end`` (the content without its outer quote marks; ``doc.text[start:end] == text``),
    ``speaker_text``, ``speaker_start``, ``speaker_end`` (the speaker as written, a pronoun or
    a description included; None if not found), ``speaker_name`` (the ``name`` of the mention
    the speaker resolves to, the speaker's own text for a proper noun no mention covers,
    None when unresolved), ``cue``, ``cue_start``, ``cue_end`` (reporting verb or phrase,
    the dash of "— Name"; None for a floating quote), ``sentence`` (index in ``doc.sents``)
    and ``paragraph`` (number of "\\n\\n" before ``start``).

    Limits: English news only; reported speech depends on the parser (a missed clausal
    complement is a missed statement, a wrong attachment a wrong content span); pronouns and
    descriptions ("the minister") resolve to the nearest preceding compatible mention outside
    quotes, without gender or number agreement; a relative pronoun speaker ("who") is given
    as written and named after its antecedent; the pieces of an interrupted quote ("“A,” he
    said, “B.”") and the paragraphs of a multi-paragraph quote are separate rows sharing
    speaker and cue; a floating quote's speaker span points at the earlier mention. Never
    raises on odd input; a Doc without a parse gives quote rows without attributions.
    """
    text = doc.text
    if not text or len(doc) == 0:
        return []
    return [{k: v for k, v in r.items() if not k.startswith("_")} for r in run(DocIndex(doc, mentions))]


def run(ix) -> list[dict]:
    """The rows of one indexed Doc: reported speech first (a quote inside a reported clause makes it a
    mixed quote), then quote marks told apart from fragments, then direct quotes."""
    # reported speech first: a quote inside a reported clause makes it a mixed quote
    reported_speech(ix)
    classify_quotes(ix)
    direct_quotes(ix)
    signatures(ix)
    blockquotes(ix)
    name_speakers(ix)
    decide_acts(ix)
    drop_non_attributions(ix)
    rows = ix.rows
    rows.sort(key=lambda r: (r["start"], r["end"]))
    return rows
