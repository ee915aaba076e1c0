"""Reported speech: a cue verb with a clausal complement or as a parenthetical ("The plan, she
said, is dead"), a speech-act verb with its object ("urged the council to resign"), belief verbs
whose subject is an actor or a pronoun, "according to X", evidentials without a source ("X seems
to …"), and "Name: text" headings and transcripts. A quotation inside the reported clause makes the
row mixed; a complement that is only a quotation attributes that quotation instead.
"""
from __future__ import annotations

import bisect

from .. import wordlists
from .index import add_row, cue_span
from .lexicon import (ACT_LEMMAS, BELIEF_LEMMAS, CUE_LEMMAS, EVIDENTIAL, FINAL, PREPS_ANY, PREPS_BY_VERB,
                      RELATIVE, verb_lemma)

NAMING_LEMMAS = wordlists.words("naming_verbs")
CUE_NOUNS = wordlists.mapping("cue_nouns", "word", "act")
HEARSAY = wordlists.words("hearsay_adverbs")
from .labels import label_at, paragraphs, speaker_tokens
from .speakers import speaker_of, subject


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
        span, how = clausal_complement(ix, v), "clause"
        if span is None and act and v.tag_ != "VBN" or (span is None and lemma in (
                "call", "ask", "urge", "accuse")):
            span, how = np_complement(ix, v, lemma), "object"
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


def nominal(ix, n):
    """"Ade's claim that the vote was rigged", "a warning from the ministry that prices will rise":
    a reporting noun (word list ``cue_nouns``) with a "that" clause, attributed to the noun's owner
    (its possessor, or "by" / "from" whom); no row when the text does not say whose it is ("She
    rejected the claim that …" is not her claim)."""
    clause = next((c for c in n.rights if c.dep_ in ("acl", "ccomp", "relcl") and any(
        g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    if clause is None:
        return
    owner = next((c for c in n.lefts if c.dep_ == "poss"), None)
    if owner is None:
        for c in n.rights:
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                owner = next((g for g in c.children if g.dep_ == "pobj"), None)
    if owner is None or ix.qid[owner.i] >= 0:
        return
    span = ix.clip(n, clause.left_edge.i, clause.right_edge.i)
    if span is None:
        return
    c0, c1 = content_span(ix, *span)
    if c1 - c0 < 2:
        return
    frame(ix, n, owner, c0, c1, (n.text, n.idx, n.idx + len(n.text)), how="noun")


def hearsay(ix, adv):
    """"The minister reportedly resigned": an adverb (word list ``hearsay_adverbs``) attributes the
    clause it modifies to a source the text does not name."""
    h = adv.head
    if h.i == adv.i or h.pos_ not in ("VERB", "AUX"):
        return
    span = ix.clip(h, h.left_edge.i, h.right_edge.i)
    if span is None:
        return
    c0, c1 = content_span(ix, *span)
    if c1 - c0 < 2:
        return
    frame(ix, adv, None, c0, c1, (adv.text, adv.idx, adv.idx + len(adv.text)), how="hearsay")


def naming(v) -> bool:
    """"a page called “Local News”", "a group known as X": a participle that names, no speech."""
    return v.tag_ == "VBN" and v.dep_ == "acl" and v.lemma_.lower() in NAMING_LEMMAS


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
    marked as parataxis."""
    span = parenthetical(ix, v)
    if span is not None:
        return span
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
    if span is None and v.dep_ == "parataxis" and v.head.pos_ in ("VERB", "AUX") \
            and v.i != v.head.i:
        h = v.head
        c0, c1 = h.left_edge.i, h.right_edge.i
        vl, vr = v.left_edge.i, v.right_edge.i
        # the statement is the part of the clause on the far side of the cue
        if v.i < h.i:
            c0 = max(c0, vr + 1)
        else:
            c1 = min(c1, vl - 1)
        span = ix.clip(v, c0, c1)
    return span


def np_complement(ix, v, lemma):
    """Token range of what a speech-act verb takes as object: "endorsed the mayor",
    "accused him of lying", "called the plan a fraud", "urged him to resign"."""
    preps = PREPS_ANY | PREPS_BY_VERB.get(lemma, frozenset())
    lo = hi = None
    for c in v.rights:
        if ix.qid[c.i] >= 0 and c.dep_ not in ("dobj", "xcomp", "oprd", "ccomp"):
            continue
        ok = c.dep_ in ("dobj", "xcomp", "oprd", "ccomp", "dative") or (
            c.dep_ in ("prep", "prt") and c.lower_ in preps and any(
                g.dep_ in ("pobj", "pcomp") for g in c.children))
        if not ok:
            if lo is not None and c.dep_ not in ("punct", "advmod", "npadvmod", "prep"):
                break
            continue
        if c.dep_ == "dative" and not any(x.dep_ in ("dobj", "xcomp") for x in v.rights):
            continue
        lo = c.left_edge.i if lo is None else lo
        hi = c.right_edge.i
    if lo is None:
        return None
    return ix.clip(v, lo, hi)


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


def frame(ix, v, spk_tok, c0, c1, cue, *, how, speaker=None):
    """A reported-speech frame: direct attribution of a quote, mixed, or indirect."""
    doc = ix.doc
    if speaker is None:
        speaker = speaker_of(ix, spk_tok)
    start = doc[c0].idx
    end = doc[c1].idx + len(doc[c1].text)
    k0 = bisect.bisect_right(ix.seg_starts, end - 1)
    inside = []
    for k in range(k0 - 1, -1, -1):
        s = ix.segs[k]
        if s.end <= start:
            # segments are sorted and disjoint
            if s.start < start:
                break
            continue
        if s.start < end:
            inside.append(s)
    inside.reverse()
    if inside and inside[0].start <= start + 1 and inside[0].close_end is not None \
            and ix.text[inside[0].end - 1] in ",.?!" and inside[0].end < end:
        # “…,” promising …: the complement starts with a whole quotation, the rest is
        # the parser attaching what follows the quote to it
        end = inside[0].end
        c1 = inside[0].t1 - 1
        inside = inside[:1]
    if inside and all(s.cue is not None and s.full for s in inside) and inside[0].start > start:
        # the quotation has its own cue: the frame is only the text before it
        end = inside[0].open_start
        while c1 >= c0 and doc[c1].idx >= end:
            c1 -= 1
        c0, c1 = content_span(ix, c0, c1)
        if c1 < c0 or not any(doc[i].is_alpha for i in range(c0, c1 + 1)):
            return
        start, end = doc[c0].idx, doc[c1].idx + len(doc[c1].text)
        inside = []
    if inside:
        quoted = sum(min(s.end, end) - max(s.start, start) for s in inside)
        outside_words = 0
        for i in range(c0, c1 + 1):
            t = doc[i]
            if ix.qid[i] < 0 and t.is_alpha and not (t.lower_ == "that" and i == c0):
                outside_words += 1
        if outside_words == 0 or quoted >= 0.95 * (end - start):
            # the complement is the quotation itself: "Ade said: “…”"
            for s in inside:
                if s.cue is None:
                    s.cue, s.speaker, s.verb, s.how = cue, speaker, v.i, how
            return
        for s in inside:
            s.absorbed = True
            if s.cue is None:
                s.cue, s.speaker, s.verb, s.how = cue, speaker, v.i, how
        start = min(start, inside[0].open_start)
        last = inside[-1]
        if last.close_end is not None and last.end >= end - 1:
            end = max(end, last.close_end)
        else:
            end = max(end, last.end)
        kind = "mixed"
    else:
        kind = "indirect"
    ix.reported_cues.add(v.i)
    add_row(ix, kind, start, end, speaker, cue, how=how, verb=v.i)


def content_span(ix, c0, c1):
    """Trim a token range [c0, c1] to its content: no edge punctuation, no "that"."""
    doc = ix.doc
    while c0 <= c1 and (doc[c0].is_punct or doc[c0].is_space) and not ix.is_mark[c0]:
        c0 += 1
    if c0 <= c1 and doc[c0].lower_ == "that" and doc[c0].dep_ == "mark":
        c0 += 1
    while c1 >= c0 and (doc[c1].is_punct or doc[c1].is_space) and not ix.is_mark[c1]:
        if doc[c1].text in ")]" and any(doc[i].text in "([" for i in range(max(c0, c1 - 30), c1)):
            break  # keep a bracket the content opened
        c1 -= 1
    # "… funded by the port—a claim the port denies": an apposition after a dash
    # comments on the statement, it is not part of it
    for i in range(c0 + 1, c1):
        if doc[i].text in ("—", "–", "--") and ix.qid[i] < 0:
            nxt = doc[i + 1]
            while nxt.dep_ == "det" and nxt.i < c1:
                nxt = doc[nxt.i + 1]
            if nxt.dep_ == "appos" and nxt.right_edge.i >= c1:
                c1 = i - 1
                break
    return c0, c1
