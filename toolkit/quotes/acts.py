"""What each attribution reports: its ``act``, ``"statement"`` (speech or writing with content),
``"belief"`` (a thought, opinion, wish, intention or expectation) or ``"other"`` (a finding of a
report, study or poll; a refusal without content); or no row at all (an action that reports
nobody's words). Decided by general patterns over the row's cue verb and its speaker:

- the verb's class (word lists ``cue_acts``, ``belief_verbs``): "The brewery offers thirty beers"
  is no attribution, nor is a cue verb whose object is a picture, recording or link (word list
  ``media_nouns``: "She tweeted a photo of the flood"); "Both parties think they will win" and "The firm plans to expand" are
  beliefs; "The council declined to comment" is a refusal, "other";
- the speaker's kind (word list ``document_nouns``): "The survey found that prices rose" and
  "according to the census" are findings ("other"); "A statement from the union said" is the
  union's statement (see :mod:`.names` for the issuer);
- a belief with quoted words in it was said: "She wants to speak “directly to voters”" is a
  statement; so is the object of an action verb with quoted words in it ("The group invited
  voters to tell “the story of our town”"), which alone is no attribution;
- a negated cue or a failure to speak says nothing: "The firm did not disclose that fees rose",
  "failed to disclose the fees" are "other";
- evidentials ("Relations seem to have warmed", "The vote is expected to pass") have no source:
  beliefs, never statements;
- a reported clause or object without quoted words whose cue has no speaker at all ("It was
  announced that the plant will close", "a duty of reporting abuse", "calls to propose reforms")
  is an attribution without a source ("other"), never a statement (no source, no statement);
- hearsay adverbs ("The mayor reportedly resigned", "the funds were allegedly diverted") give a
  clause to a source the text never names: an attribution ("other"), never a statement (no
  source, no statement); unless words were quoted or spoken ("He reportedly told aides “…”",
  "she allegedly said that …"): a statement;
- the author's own first person outside quotation marks ("I believe the plan fails" in an
  opinion piece) is the author's opinion, a belief; a "you" speaker is a question put to someone
  ("Do you think the plan fails?"): no row.
"""
from __future__ import annotations

from .. import wordlists
from .lexicon import BELIEF_LEMMAS, CUE_LEMMAS, POSTING_VERBS, verb_lemma

CUE_ACTS = wordlists.mapping("cue_acts", "word", "act")
DOCUMENTS = wordlists.mapping("document_nouns", "word", "kind")
NOUN_ACTS = wordlists.mapping("cue_nouns", "word", "act")
MEDIA = wordlists.words("media_nouns")
DOC_FAMILY = {w: f for w, f in wordlists.mapping("document_nouns", "word", "family").items() if f}
AUTHOR = frozenset({"i", "we", "me", "us"})
ADDRESSEE = frozenset({"you"})
REPORTED = frozenset({"clause", "object", "according", "evidential", "noun"})


def verb_act(lemma: str | None) -> str:
    """The act a cue verb reports: its class in ``cue_acts``, else "belief" for a belief verb that
    is no cue verb ("think"), else "statement"."""
    if lemma is None:
        return "statement"
    if lemma in CUE_ACTS:
        return CUE_ACTS[lemma]
    if lemma in BELIEF_LEMMAS and lemma not in CUE_LEMMAS:
        return "belief"
    return "statement"


def document_kind(tok) -> str | None:
    """"finding", "issued" or "report" when token ``tok`` is a noun naming a text ("the study",
    "a statement"), else None."""
    if tok is None or tok.pos_ not in ("NOUN", "VERB"):
        return None
    low = tok.lower_
    return DOCUMENTS.get(tok.lemma_.lower()) or DOCUMENTS.get(low[:-1] if low.endswith("s") else low)


def row_act(ix, row) -> str | None:
    """The act of one row, or None when the row is no attribution."""
    doc = ix.doc
    how = row["_how"]
    if how == "evidential":
        return "belief"
    if how == "hearsay":
        head = doc[row["_verb"]].head
        spoken = row["kind"] != "indirect" or verb_lemma(head) in CUE_LEMMAS
        return "statement" if spoken else "other"
    v = doc[row["_verb"]] if row["_verb"] is not None else None
    if how == "noun":
        return NOUN_ACTS.get(v.lemma_.lower(), "statement")
    lemma = verb_lemma(v) if v is not None and v.pos_ in ("VERB", "AUX", "NOUN") else None
    act = verb_act(lemma) if how in REPORTED else "statement"
    if act == "none" and how not in REPORTED:
        act = "statement"  # a verb that governs a quotation reports it
    if act == "none" and how == "object" and row["kind"] == "mixed":
        act = "statement"  # "invited voters to tell “the story of our town”": quoted words were said
    if act == "none" or (how == "object" and v is not None and shows_media(v)):
        return None
    if act == "statement" and how in ("clause", "object") and v is not None and not_said(v):
        return "other"  # "The firm did not disclose that …", "failed to disclose the fees": nothing was said
    spk = doc[row["_spk"]] if row["_spk"] is not None else None
    if spk is None and row["speaker_start"] is None and how in ("clause", "object") and row["kind"] == "indirect":
        return "other"  # "It was announced that …", "reporting abuse": no source, no statement
    if spk is not None and ix.qid[spk.i] < 0:
        low = spk.lower_
        if low in ADDRESSEE and how in REPORTED:
            return None
        if low in AUTHOR and spk.pos_ == "PRON" and how in REPORTED:
            return "belief"
    kind = document_kind(spk)
    if kind == "finding" or (kind == "report" and row.get("speaker_name") is None):
        return "other" if act == "statement" else act
    if act == "belief" and row["kind"] == "mixed" and how in ("clause", "object"):
        return "statement"  # "she wants to speak “directly to voters”": the quoted words were said
    return act


def shows_media(v) -> bool:
    """Is cue v a verb of posting (word list ``cue_roles``) whose direct object is a picture,
    recording or link (``media_nouns``: "tweeted a photo of the flood", "posted pictures from the
    rally"; not "condemned the video as a fake", which says something about it)?"""
    return verb_lemma(v) in POSTING_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in MEDIA
                                            for c in v.children)


def not_said(v) -> bool:
    """Is cue verb v negated ("did not say", "never disclosed"), the complement of a failure
    ("failed to disclose") or joined by "or"/"nor" to a negated verb ("did not deny or confirm
    that …": the negation covers both)?"""
    if any(c.dep_ == "neg" for c in v.children):
        return True
    if v.dep_ == "conj" and v.head.i != v.i and any(c.dep_ == "cc" and c.lower_ in ("or", "nor")
                                                     for c in v.head.children):
        return not_said(v.head)
    return v.dep_ == "xcomp" and verb_lemma(v.head) == "fail"


def decide_acts(ix) -> None:
    """Set ``act`` on every row of ``ix.rows``; drop the rows that are no attribution."""
    keep = []
    for row in ix.rows:
        act = row_act(ix, row)
        if act is not None:
            row["act"] = act
            keep.append(row)
    ix.rows[:] = keep
