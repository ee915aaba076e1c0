"""Reported speech that no cue verb carries: "according to X"; evidentials without a source ("X
seems to …", "X is expected to …"); reporting nouns with a "that" clause ("Ade's claim that …");
hearsay adverbs ("The minister reportedly resigned"); and "Name: text" labels opening a line
(headlines, transcripts, quoted tweets).
"""
from __future__ import annotations

import bisect

from .. import wordlists
from .frames import content_span, frame
from .index import cue_span
from .labels import label_at, paragraphs, speaker_tokens
from .lexicon import BELIEF_LEMMAS, CUE_LEMMAS, verb_lemma

CUE_NOUNS = wordlists.mapping("cue_nouns", "word", "act")
OF_NOUNS = frozenset(r["word"] for r in wordlists.rows("cue_nouns") if r["of"] == "yes")
HEARSAY = wordlists.words("hearsay_adverbs")


def according(ix, v):
    """"according to X": X is the speaker of the clause the phrase modifies."""
    to = next((c for c in v.children if c.lower_ == "to"), None)
    if to is None:
        return
    src = next((c for c in to.children if c.dep_ == "pobj"), None)
    if src is None:
        return
    h = v.head
    if h.i == v.i:
        return
    # the statement is the sentence around the phrase, minus the phrase
    k = bisect.bisect_right(ix.sent_tok, v.i) - 1
    c0 = ix.sent_tok[k]
    c1 = (ix.sent_tok[k + 1] if k + 1 < len(ix.sent_tok) else ix.ntok) - 1
    p0, p1 = v.left_edge.i, max(v.right_edge.i, to.right_edge.i)
    if p0 <= c0 + 1:
        c0 = p1 + 1
    elif p1 >= c1 - 1:
        c1 = p0 - 1
    span = ix.clip(v, c0, c1)
    if span is None:
        return
    c0, c1 = content_span(ix, *span)
    if c1 < c0 or c1 - c0 < 2:
        return
    cue = cue_span(ix, v)
    frame(ix, v, src, c0, c1, cue, how="according")


def evidential(ix, v, lemma):
    """"X seems to …", "X is expected to …": an attribution without a source."""
    comp = next((c for c in v.rights if c.dep_ in ("xcomp", "acomp", "attr", "oprd",
                                                      "ccomp")), None)
    if comp is None:
        return
    if lemma == "expect" and not any(c.dep_ == "auxpass" for c in v.lefts):
        return
    subj = next((c for c in v.lefts if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    c0 = subj.left_edge.i if subj is not None else v.i + 1
    span = ix.clip(v, c0, comp.right_edge.i)
    if span is None:
        return
    c0, c1 = content_span(ix, *span)
    if c1 - c0 < 2:
        return
    frame(ix, v, None, c0, c1, cue_span(ix, v), how="evidential")


def nominal(ix, n):
    """"Ade's claim that the vote was rigged", "a warning from the ministry that prices will rise":
    a reporting noun (word list ``cue_nouns``) with a "that" clause, attributed to the noun's owner
    (its possessor, or "by" / "from" whom); no row when the text does not say whose it is ("She
    rejected the claim that …" is not her claim). With a possessor, an infinitive or an "of"
    object right after the noun is its content too ("Ade's call to scrap the tax", "Ade's
    announcement of new fares"; "of" only after the nouns marked so in ``cue_nouns`` and never a
    number or amount: "the airline's order of 20 jets" is a purchase)."""
    clause = next((c for c in n.rights if c.dep_ in ("acl", "ccomp", "relcl") and any(
        g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    owner = next((c for c in n.lefts if c.dep_ == "poss"), None)
    if clause is None and owner is not None and ix.qid[owner.i] < 0:
        # "Ade's call to scrap the tax", "the port's order to shut the quay", "Ade's announcement
        # of new fares": with a possessor, an infinitive or "of" object is what was said
        inner = next((c for c in n.rights if c.left_edge.i == n.i + 1 and (
            (c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.left_edge.lower_ == "to") or
            (c.dep_ == "prep" and c.lower_ == "of" and n.lemma_.lower() in OF_NOUNS and of_content(c)))), None)
        if inner is not None:
            head = inner if inner.dep_ != "prep" else next(g for g in inner.children if g.dep_ == "pobj")
            _frame_clause(ix, n, owner, head, line=n, how="noun")
        return
    if clause is None:
        return
    if owner is None:
        for c in n.rights:
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                owner = next((g for g in c.children if g.dep_ == "pobj"), None)
    if owner is None or ix.qid[owner.i] >= 0:
        return
    _frame_clause(ix, n, owner, clause, line=n, how="noun")


def of_content(prep) -> bool:
    """Is the object of "of" after a reporting noun something said, not a number or an amount?"""
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    return pobj is not None and not any(
        t.like_num or t.tag_ in ("$", "CD") or t.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL", "PERCENT")
        for t in pobj.subtree)


def _frame_clause(ix, cue, owner, head, *, line, how: str) -> None:
    """Frame the clause under ``head``, cut to the line of token ``line`` (its content of at least
    two tokens), as attributed by the word ``cue`` to ``owner`` (None: a source the text does not
    name)."""
    span = ix.clip(line, head.left_edge.i, head.right_edge.i)
    if span is None:
        return
    c0, c1 = content_span(ix, *span)
    if c1 - c0 < 2:
        return
    frame(ix, cue, owner, c0, c1, (cue.text, cue.idx, cue.idx + len(cue.text)), how=how)


def hearsay(ix, adv):
    """"The minister reportedly resigned": an adverb (word list ``hearsay_adverbs``) attributes the
    clause it modifies to a source the text does not name; not a cue verb's clause ("Ade
    reportedly said …": Ade's)."""
    h = adv.head
    if h.i == adv.i or h.pos_ not in ("VERB", "AUX"):
        return
    if verb_lemma(h) in CUE_LEMMAS or verb_lemma(h) in BELIEF_LEMMAS:
        return  # "The memo reportedly said: “…”": the verb is the cue, its subject the source
    _frame_clause(ix, adv, None, h, line=h, how="hearsay")


def headline_speakers(ix):
    """"Ade: Talks Will Go On" headlines, transcripts ("LIMA: Well, …") and quoted tweets
    ("@jo_ade: …"): a label (:func:`.labels.label_at`) opening a line, then what the named one
    says."""
    doc = ix.doc
    for t0, t_end in paragraphs(ix):
        lab = label_at(ix, t0, t_end)
        if lab is None or any(ix.qid[x] >= 0 for x in range(lab[0], lab[2])):
            continue
        first, last, j = lab
        c0, c1 = content_span(ix, j + 1, t_end - 1)
        if c1 - c0 < 2:
            continue
        if doc[c1].text == "." and not ix.is_mark[c1]:
            c1 -= 1
        colon = doc[j]
        frame(ix, colon, doc[last], c0, c1, (colon.text, colon.idx, colon.idx + 1), how="label",
              speaker=speaker_tokens(ix, first, last))
