"""``extract_quotes``: the quote rules over one parsed Doc, in their order."""
from __future__ import annotations

from .acts import decide_acts
from .coref import name_speakers
from .direct import classify_quotes, direct_quotes
from .filters import drop_non_attributions
from .index import DocIndex
from .labels import blockquotes, inline_labels, inline_posts, markup_posts, signatures
from .reported import reported_speech


def extract_quotes(doc, mentions=None) -> list[dict]:
    """Every attribution in one parsed article, sorted by start.

    ``mentions``: the article's entity mentions as dicts with ``start``, ``end`` (char offsets),
    ``label``, ``name`` (canonical name in the article), ``kind`` (person, organization, place,
    group, other) and optionally ``text`` and ``title``. When None they are built from ``doc.ents``.

    Each row has the keys ``kind`` ("direct", "mixed" or "indirect"), ``act`` ("statement",
    "belief" or "other"), ``text``, ``start``, ``end`` (the content without its outer quote
    marks; ``doc.text[start:end] == text``), ``speaker_text``, ``speaker_start``,
    ``speaker_end`` (the speaker as written, a pronoun or a description included; None if the
    text gives none), ``speaker_name`` (the article-level name the speaker stands for: a
    mention's full name, a handle or proper noun no mention covers, two names joined by "and";
    None when the text does not say who speaks: "officials", an unresolved "they"), ``cue``,
    ``cue_start``, ``cue_end`` (reporting verb, noun or phrase, the colon of a label, the dash of
    "— Name"; None for a floating quote), ``sentence`` (index in the toolkit's sentences) and
    ``paragraph`` (number of "\\n\\n" before ``start``).

    Limits: English news only; reported speech depends on the parser (a missed clausal
    complement is a missed statement, a wrong attachment a wrong content span); gender comes
    from the article's own titles and pronouns only; the pieces of an interrupted quote ("“A,”
    he said, “B.”") and the paragraphs of a multi-paragraph quote are separate rows sharing
    speaker and cue; a floating quote's speaker span points at the earlier mention. Never raises
    on odd input; a Doc without a parse gives quote rows without attributions.
    """
    text = doc.text
    if not text or len(doc) == 0:
        return []
    return [{k: v for k, v in r.items() if not k.startswith("_")} for r in run(DocIndex(doc, mentions))]


def run(ix) -> list[dict]:
    """The rows of one indexed Doc, with their private keys: reported speech first (a quote inside
    a reported clause makes it a mixed quote), then quote marks told apart from fragments, direct
    quotes, signatures and block quotations; then the speakers' names (a pronoun looks at the
    statement before it), each row's act, and the rows that are never attributions go."""
    reported_speech(ix)
    classify_quotes(ix)
    direct_quotes(ix)
    signatures(ix)
    blockquotes(ix)
    inline_labels(ix)
    inline_posts(ix)
    markup_posts(ix)
    name_speakers(ix)
    decide_acts(ix)
    drop_non_attributions(ix)
    rows = ix.rows
    rows.sort(key=lambda r: (r["start"], r["end"]))
    return rows
