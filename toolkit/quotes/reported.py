"""Reported speech carried by a cue verb: a clausal complement ("Ade warned that …"), a parenthetical
("The plan, she said, is dead": the sentence around it), a relative clause ("groups which the
ministry says are armed"), a speech-act verb with its object ("urged the council to resign"),
belief verbs whose subject is an actor or a pronoun. The verb loop also hands "according to",
evidentials, reporting nouns, hearsay adverbs and labels to :mod:`.phrases`. Each rule ends in a
frame (:mod:`.frames`): a quotation inside the reported clause makes the row mixed; a complement
that is only a quotation attributes that quotation instead.
"""
from __future__ import annotations

import bisect

from .. import wordlists
from .index import cue_span
from .lexicon import (ACT_LEMMAS, BELIEF_LEMMAS, CUE_LEMMAS, EVIDENTIAL, FINAL, LISTENER_VERBS, PRONOUN_KINDS, QUOTING_VERBS,
                      REPORT_VERBS, PREPS_ANY, PREPS_BY_VERB, RELATIVE, verb_lemma)

from .frames import content_span, frame
from .phrases import CUE_NOUNS, HEARSAY, according, evidential, headline_speakers, hearsay, nominal
from .speakers import inverted_cue, subject

NAMING_LEMMAS = wordlists.words("naming_verbs")
PASSIVE_LEMMAS = wordlists.words("passive_verbs")


def reported_speech(ix):
    """Cue verbs with a clausal complement, parentheticals and "according to"."""
    doc = ix.doc
    qid = ix.qid
    for v in doc:
        if qid[v.i] >= 0:
            continue
        lower = v.lower_
        if lower == "according":
            according(ix, v)
            continue
        if lower in HEARSAY and v.dep_ == "advmod":
            hearsay(ix, v)
            continue
        verbal = v.pos_ in ("VERB", "AUX") or (v.pos_ == "NOUN" and any(
            c.dep_ == "nsubj" for c in v.children) and any(c.dep_ == "ccomp" for c in v.children))
        if not verbal and v.pos_ == "NOUN" and v.lemma_.lower() in CUE_NOUNS:
            nominal(ix, v)
            continue
        if not verbal or naming(v):
            continue  # (a cue the tagger took for a noun still heads its clause: "the mayor alleges")
        if after_quote(ix, v) or before_quote(ix, v):
            continue  # the quote's own cue, found with the quote
        lemma = verb_lemma(v)
        if lemma in EVIDENTIAL:
            evidential(ix, v, lemma)
            continue
        belief = lemma in BELIEF_LEMMAS
        act = lemma in ACT_LEMMAS
        if lemma not in CUE_LEMMAS and not belief and not act:
            continue
        if not narrow_sense(v, lemma):
            continue
        span, how = clausal_complement(ix, v), "clause"
        perfect = v.tag_ != "VBN" or any(c.dep_ == "aux" for c in v.children)  # "has confirmed", not "confirmed cases"
        if span is None and act and perfect or (span is None and lemma in (
                "call", "ask", "urge", "accuse")):
            span, how = np_complement(ix, v, lemma), "object"
        if span is None and lemma in CUE_LEMMAS:
            span, how = perfect_infinitive(ix, v), "object"
        if span is None and lemma in PASSIVE_LEMMAS:
            span, how = passive_object(ix, v), "object"
        if span is None:
            continue
        spk_tok = subject(ix, v)
        if belief and not act and (
                spk_tok is None or spk_tok.pos_ not in ("PROPN", "PRON", "NOUN")):
            continue
        c0, c1 = content_span(ix, *span)
        if c1 < c0 or not any(doc[i].is_alpha for i in range(c0, min(c1 + 1, c0 + 50))):
            continue
        frame(ix, v, spk_tok, c0, c1, cue_span(ix, v), how=how)
    headline_speakers(ix)


def narrow_sense(v, lemma) -> bool:
    """Is v, of a verb with a sense that does not report, used in its reporting sense? "point" only
    as "point out" or as "pointing to …" after a cue ("criticised the budget, pointing to a rise in
    rents"; not "the police pointed their guns", "pointed to the sky"); "pronounce" only "on"
    something or with a "that" clause (not "cannot pronounce his name", "was pronounced dead");
    "instruct" only with an object and an infinitive ("instructs managers to report leaks"; not
    "instructs children in swimming"). "X as saying" only after quote, cite, report ("quoted Ade
    as saying"; not "read the result as saying")."""
    kids = list(v.children)
    h = v.head
    if v.tag_ == "VBG" and v.dep_ == "pcomp" and h.lower_ == "as" and h.head.pos_ == "VERB" and \
            h.head.lemma_.lower() not in QUOTING_VERBS:
        return False  # "Analysts read the result as saying …": a reading, nobody says it
    if lemma == "point":
        if any(c.dep_ == "prt" and c.lower_ == "out" for c in kids):
            return True  # "pointed out that …", "the complaint pointed out"
        return v.tag_ == "VBG" and v.dep_ in ("advcl", "xcomp", "conj") and verb_lemma(v.head) in (
            CUE_LEMMAS | ACT_LEMMAS | BELIEF_LEMMAS) and verb_lemma(v.head) != "point" and any(
            c.dep_ == "prep" and c.lower_ == "to" for c in kids)
    if lemma == "pronounce":
        return any(c.dep_ == "prep" and c.lower_ == "on" and not any(
            t.ent_type_ in ("DATE", "TIME") for t in c.subtree) for c in kids) or any(
            c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in kids)
    if lemma == "instruct":
        return any(c.dep_ == "dobj" for c in kids) and any(
            c.dep_ in ("advcl", "xcomp", "ccomp") and c.i > v.i and any(
                g.dep_ == "aux" and g.lower_ == "to" and g.i < c.i for g in c.children) for c in kids)
    return True


def naming(v) -> bool:
    """"a page called “Local News”", "Called a “rhythm game” by its makers, …", "This is called a
    relay", "a group known as X": a participle or passive that names, no speech; "called in to
    help", "called off the strike": a phrasal verb, no speech either."""
    if verb_lemma(v) not in NAMING_LEMMAS:
        return False
    if any(c.dep_ == "prt" and c.lower_ in ("in", "off", "up") for c in v.children):
        return True
    passive = any(c.dep_ == "auxpass" for c in v.children)
    bare = v.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in v.children)
    return passive or bare or (v.tag_ == "VBN" and v.dep_ == "acl")


def after_quote(ix, v) -> bool:
    """Does v attribute the quotation right before it ("“…,” said X", "“…?” the host asked
    him", "“…,” Ade, who chairs the board, said")?"""
    doc = ix.doc
    p = v.i - 1
    steps = 0
    while p >= 0 and steps < 12 and not ix.is_mark[p]:
        t = doc[p]
        if t.text in FINAL or ix.boundary(t) or ix.qid[p] >= 0:
            return False
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("relcl", "acl", "aux", "auxpass",
                                                        "amod"):
            return False
        p -= 1
        steps += 1
    if p < 1 or not ix.is_mark[p] or ix.qid[p - 1] < 0:
        return False
    seg = ix.segs[ix.qid[p - 1]]
    return seg.close_end is not None and ix.text[seg.end - 1] in ",?!—–-"


def before_quote(ix, v) -> bool:
    """Is v followed by a colon and a quotation ("she said on Tuesday: “…”")?"""
    doc = ix.doc
    for i in range(v.i + 1, min(v.i + 5, ix.ntok)):
        if doc[i].text == ":":
            j = i + 1
            while j < ix.ntok and doc[j].is_space:
                j += 1
            return j < ix.ntok and ix.is_mark[j] and j + 1 < ix.ntok and \
                ix.qid[j + 1] >= 0
        if doc[i].is_punct or ix.qid[i] >= 0:
            return False
    return False


def parenthetical(ix, v):
    """Token range of the sentence around a cue set off by commas inside it ("If rain falls, she
    said, the match moves to Sunday", "The plan, officials said on Friday, was dropped"): the
    statement is the whole sentence on both sides of the interruption, or None."""
    doc = ix.doc
    subj = next((c for c in v.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    a = subj.left_edge.i if subj is not None else v.i
    b = v.i
    while b + 1 < ix.ntok and b - v.i < 4 and doc[b + 1].head.i in (v.i, b) and doc[b + 1].dep_ in (
            "npadvmod", "advmod", "prt", "prep", "pobj", "compound", "det", "amod"):
        b += 1
    if a < 1 or b + 1 >= ix.ntok or doc[a - 1].text != "," or doc[b + 1].text != ",":
        return None
    k = bisect.bisect_right(ix.sent_tok, v.i) - 1
    s0 = ix.sent_tok[k]
    s1 = (ix.sent_tok[k + 1] if k + 1 < len(ix.sent_tok) else ix.ntok) - 1
    left = [t for t in doc[s0:a - 1] if t.is_alpha]
    right = [t for t in doc[b + 2:s1 + 1] if t.is_alpha]
    if len(left) < 2 or len(right) < 2 or any(ix.is_mark[t.i] or ix.qid[t.i] >= 0 for t in doc[s0:a]):
        return None
    return ix.clip(v, s0, s1)


def clausal_complement(ix, v):
    """Token range of the clause v reports: the sentence around a parenthetical cue
    (:func:`parenthetical`), else its ccomp, else the host clause of a parenthetical the parser
    marked as parataxis or of an "as" clause (:func:`as_clause`), else a clause hung on the
    listener (:func:`listener_clause`)."""
    span = parenthetical(ix, v)
    if span is not None:
        return span
    inverted = inverted_cue(ix, v)
    if inverted is not None:
        return ix.clip(v, inverted[0], inverted[1])
    best = span = None
    for c in v.children:
        if c.dep_ != "ccomp":
            continue
        sp = ix.clip(v, c.left_edge.i, c.right_edge.i)
        if sp is not None and sp[0] < v.i <= sp[1] and all(
                t.lower_ in RELATIVE for t in c.subtree if t.i < v.i and t.head.i == c.i):
            # "groups which the ministry says are armed": the relative pronoun is the subject of
            # what is said; the statement is what follows the cue
            sp = (v.i + 1, sp[1]) if v.i + 1 <= sp[1] else None
        if sp is None or sp[0] <= v.i <= sp[1]:
            continue
        dist = min(abs(sp[0] - v.i), abs(sp[1] - v.i))
        if best is None or dist < best:
            best, span = dist, sp
    if span is not None:
        span = joined_complements(ix, v, span)
    if span is None and v.dep_ in ("parataxis", "advcl") and v.head.pos_ in ("VERB", "AUX") \
            and v.i != v.head.i and (v.dep_ == "parataxis" or as_clause(v)):
        h = v.head
        c0, c1 = h.left_edge.i, h.right_edge.i
        vl, vr = v.left_edge.i, v.right_edge.i
        # the statement is the part of the clause on the far side of the cue
        if v.i < h.i:
            c0 = max(c0, vr + 1)
        else:
            c1 = min(c1, vl - 1)
        span = ix.clip(v, c0, c1)
    if span is None and verb_lemma(v) in CUE_LEMMAS:
        span = listener_clause(ix, v)
    return span


def joined_complements(ix, v, span):
    """Token range [c0, c1] of a cue's clause grown over the complements the parser hung on the cue
    beside it ("Ade said the fund was empty and the audit was late": two ccomps of "said"; "said it
    would re-open": "re", "-" and "open" each a complement), and a clause of its own joined to the
    cue with quoted words in it ("said the dam is safe, and there is “no cause for alarm”"):
    those after the clause with only "and", "but", a comma or a hyphen between."""
    doc = ix.doc
    c0, c1 = span
    for c in sorted(v.rights, key=lambda t: t.i):
        quoted_conj = c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and own_clause(ix, v, c) and any(
            ix.qid[i] >= 0 for i in range(c.i, c.right_edge.i + 1))
        if (c.dep_ not in ("ccomp", "xcomp") and not quoted_conj) or c.left_edge.i <= c1 or ix.qid[c.i] >= 0:
            continue
        gap = doc[c1 + 1:c.left_edge.i]
        if not all(t.lower_ in ("and", "but", ",", "-") or t.is_space for t in gap):
            break
        grown = ix.clip(v, c0, c.right_edge.i)
        if grown is None or grown[1] <= c1:
            break
        c1 = grown[1]
    return c0, c1


def own_clause(ix, v, c) -> bool:
    """Is clause c, joined to cue v, still the speaker's words? Only "there is/are …" or a clause
    whose subject is the cue's speaker again or a pronoun ("said the dam is safe, and there is “no
    cause for alarm”", "said the dam is safe and she has “no fears”"), never a verb of its own that
    reports or believes ("said the road will reopen, and fans called the delay “a joke”": the
    fans' row)."""
    lemma = verb_lemma(c)
    if lemma in CUE_LEMMAS or lemma in ACT_LEMMAS or lemma in BELIEF_LEMMAS:
        return False
    subj = next((g for g in c.children if g.dep_ in ("nsubj", "expl")), None)
    if subj is None or ix.qid[subj.i] >= 0:
        return False
    if subj.dep_ == "expl" or subj.lower_ in PRONOUN_KINDS:
        return True
    spk = subject(ix, v)
    return spk is not None and spk.pos_ != "PRON" and subj.lemma_.lower() == spk.lemma_.lower()


def listener_clause(ix, v):
    """Token range of a clause the parser hung on the listener of cue v as a relative clause
    without a relative pronoun ("Ade told the local radio station it was too early", "told
    reporters they would appeal"), or None."""
    if verb_lemma(v) not in LISTENER_VERBS:  # "denied the claims she faced": a thing, no listener
        return None
    for c in v.children:
        if c.dep_ not in ("dobj", "dative") or c.i < v.i:
            continue
        for r in c.rights:
            if r.dep_ != "relcl" or r.pos_ not in ("VERB", "AUX") or any(
                    g.dep_ in ("ccomp", "dobj") for g in r.children):
                # "told the workers she met that …": the relative clause has a content or object of its own
                continue
            subj = next((g for g in r.lefts if g.dep_ in ("nsubj", "nsubjpass", "expl")), None)
            first = r.left_edge
            if subj is None or subj.lower_ in RELATIVE or first.lower_ in RELATIVE or first.i <= c.i \
                    or ix.doc[first.i - 1].is_punct:
                continue
            return ix.clip(v, first.i, r.right_edge.i)
    return None


def as_clause(v) -> bool:
    """Is cue v the verb of an "as" clause with no object of its own that reports the clause it
    modifies ("As the ministry noted on Friday, prices rose", "prices rose, as Ade said", "As
    stated in the report, …"), not a temporal one ("As she said this, the crowd cheered", "As he
    testified, the chair left": only the verbs of reporting of word list ``cue_roles``)?"""
    return verb_lemma(v) in REPORT_VERBS and any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children) \
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "dative") for c in v.children)


def np_complement(ix, v, lemma):
    """Token range of what a speech-act verb takes as object: "endorsed the mayor",
    "accused him of lying", "called the plan a fraud", "urged him to resign", with what the
    parser hung on the verb right after the object (:func:`object_tail`)."""
    preps = PREPS_ANY | PREPS_BY_VERB.get(lemma, frozenset())
    lo = hi = None
    for c in v.rights:
        tail = lo is not None and object_tail(ix, c, hi)
        if ix.qid[c.i] >= 0 and c.dep_ not in ("dobj", "xcomp", "oprd", "ccomp") and not tail:
            continue
        ok = tail or c.dep_ in ("dobj", "xcomp", "oprd", "ccomp", "dative") or (
            c.dep_ in ("prep", "prt") and c.lower_ in preps and any(
                g.dep_ in ("pobj", "pcomp") for g in c.children)) or (
            c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in preps and g.i < c.i for g in c.children)
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))  # "called for a body to be set up"
        if not ok:
            if lo is not None and c.dep_ not in ("punct", "advmod", "npadvmod", "prep", "cc"):
                break
            continue
        if c.dep_ == "dative" and not any(x.dep_ in ("dobj", "xcomp") for x in v.rights):
            continue
        lo = c.left_edge.i if lo is None else lo
        hi = c.right_edge.i
    if lo is None:
        return None
    return ix.clip(v, lo, hi)


def perfect_infinitive(ix, v):
    """Token range of a cue verb's perfect infinitive ("claimed to have seen the driver",
    "denied to have known"): a past event the subject reports; None for other infinitives
    ("promised to help": an intention, "refused to comment")."""
    if any(c.dep_ == "auxpass" for c in v.children):
        return None  # "is alleged to have said …": the inner verb is the cue
    for c in v.rights:
        if c.dep_ == "xcomp" and ix.qid[c.i] < 0 and verb_lemma(c) not in CUE_LEMMAS | ACT_LEMMAS:
            aux = [g.lower_ for g in c.children if g.dep_ == "aux" and g.i < c.i]
            if aux[:2] == ["to", "have"] and c.tag_ == "VBN":
                return ix.clip(v, c.left_edge.i, c.right_edge.i)
    return None


def passive_object(ix, v):
    """Token range of the object of a speech-act verb in the passive with its agent: "New fares
    were announced by the rail board on Friday", "The leak was confirmed by the utility": the
    subject is what was said, the agent (:func:`.speakers.subject`) says it; None without an
    agent. Only verbs of making something known (word list ``passive_verbs``): "was questioned by
    police", "was backed by 40 senators" say nothing."""
    if not any(c.dep_ == "auxpass" for c in v.children):
        return None
    agent = next((c for c in v.rights if c.dep_ == "agent" and any(g.dep_ == "pobj" for g in c.children)), None)
    subj = next((c for c in v.lefts if c.dep_ == "nsubjpass"), None)
    if agent is None or subj is None or subj.pos_ == "PRON" or ix.qid[subj.i] >= 0:
        return None
    return ix.clip(v, subj.left_edge.i, subj.right_edge.i)


def object_tail(ix, c, hi) -> bool:
    """Does child c of a speech-act verb go on the object that ends at token hi? The parser hangs
    on the verb what belongs to the object: a phrase right after it ("thanked the crew “for
    staying late”", "voiced anger at the delay"; a time phrase too, as annotators of statements
    keep it: "thanked the crew for their help on Tuesday"), an infinitive right after it
    ("unveiled a plan to close two schools"), a second object joined by "and" ("reported 40
    cases, and the first death")."""
    doc = ix.doc
    between = [doc[i] for i in range(hi + 1, c.left_edge.i)]
    adjacent = all(t.is_space or ix.is_mark[t.i] for t in between)
    if c.dep_ == "prep":
        return adjacent and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
    if c.dep_ == "advcl":
        return adjacent and c.pos_ == "VERB" and c.left_edge.lower_ == "to" and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
    if c.dep_ == "conj":
        return c.pos_ in ("NOUN", "PROPN", "NUM") and any(t.dep_ == "cc" for t in between) and all(
            t.is_space or ix.is_mark[t.i] or t.is_punct or t.dep_ == "cc" for t in between)
    return False
