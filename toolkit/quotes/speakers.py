"""Speakers: who speaks through a cue verb (its subject, the agent of a passive, the name right
after an inverted "…,” said party leader Jo Ade", the one quoted in "Ade was quoted in the paper
saying", the subject of "Ade is alleged to have said"), and the noun phrase of that speaker without
relative clauses, as written. The name it stands for is decided in :mod:`.coref`.
"""
from __future__ import annotations

import bisect

from .lexicon import ACT_LEMMAS, CUE_LEMMAS, FINAL, PERSON_NOUNS, QUOTING_VERBS, RELATIVE, verb_lemma
from .names import TITLE_WORDS


# ------------------------------------------------------------------ speakers
def subject(ix, v, depth=0):
    """The token naming who speaks through verb v, or None; never across a line break (a heading or
    the next paragraph the parser joined to the sentence)."""
    s = _subject(ix, v, depth)
    if s is None and depth == 0:
        s = named_before(ix, v)
    return s if s is None or ix.same_line(s.i, v.i) else None


SKIPPED_BEFORE = frozenset({"ADV", "PART"})


def named_before(ix, v, window=6):
    """A person or organisation named just before cue verb v that the parser did not make its
    subject, with at most adverbs, a time phrase, a bracketed handle or a language tag between
    them: "Okoro on Tuesday again argued …", "Kito Rail (@kitorail) [es] insists …", a surname the
    tagger read as another word ("Might wrote that …", "Shall said …"). The window counts words
    outside brackets. None across other punctuation, a conjunction or a quotation."""
    doc = ix.doc
    i, depth, seen = v.i - 1, 0, 0
    while i >= 0 and seen < window:
        t = doc[i]
        if ix.is_mark[i] or ix.qid[i] >= 0 or ix.boundary(t) or t.is_space:
            return None
        if t.text in (")", "]"):
            depth += 1
        elif t.text in ("(", "["):
            depth -= 1
        elif depth == 0:
            seen += 1
            if named_at(ix, t):
                return t
            if not (t.pos_ in SKIPPED_BEFORE or t.dep_ in ("npadvmod", "advmod") or
                    (t.head.dep_ == "npadvmod" and t.head.i <= v.i and t.dep_ in ("det", "amod"))):
                return None
        i -= 1
    return None


def _subject(ix, v, depth=0):
    if after_mark(ix, v) and verb_lemma(v) in CUE_LEMMAS:
        named = name_after(ix, v)  # "…,” said study co-author Jo Ade": the name, not "co"
        if named is not None:
            return named
    for c in v.children:
        if c.dep_ in ("nsubj", "nsubjpass") and ix.qid[c.i] < 0 and not ix.is_mark[c.i]:
            if c.dep_ == "nsubjpass":
                continue
            return c
    for c in v.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj" and ix.qid[g.i] < 0:
                    return g
    inverted = inverted_cue(ix, v)
    if inverted is not None:
        return inverted[2]
    if v.dep_ == "ROOT" and (v.tag_ in ("VBD", "VBZ", "VBP") or v.tag_ == "VBN" and any(
            c.dep_ == "aux" for c in v.children)):
        named = name_before_apposition(ix, v)
        if named is not None:
            return named
    p = v.i - 1
    while p >= 0 and ix.doc[p].is_space:
        p -= 1
    if p >= 1 and ix.doc[p].text == "," and ix.is_mark[p - 1]:
        p -= 1  # British style: ”, said X
    lemma = verb_lemma(v)
    if p >= 0 and ix.is_mark[p] and (lemma not in ACT_LEMMAS or lemma in CUE_LEMMAS):
        # inverted attribution after a quote: "…,” said Ade" (the parser may not call
        # Ade a subject)
        for c in v.rights:
            if (c.dep_ in ("dobj", "attr", "npadvmod", "dative", "appos", "oprd", "nsubj")
                    and c.pos_ in ("PROPN", "NOUN", "PRON", "NUM") and ix.qid[c.i] < 0):
                return c
        if ix.is_mark[p] and v.i + 1 < ix.ntok:
            # the parser lost the inverted subject: take the noun right after the verb
            c = ix.doc[v.i + 1]
            if c.pos_ == "DET" and v.i + 2 < ix.ntok:
                c = ix.doc[v.i + 2]
            if c.pos_ in ("PROPN", "NOUN") and ix.qid[c.i] < 0:
                while c.dep_ in ("compound", "flat", "amod") and c.head.i > c.i and \
                        c.head.i - v.i < 6 and ix.same_line(c.i, c.head.i):
                    c = c.head
                return c
    if depth >= 3 or v.head.i == v.i:
        return None
    if ix.qid[v.head.i] >= 0:
        # "X said “…” and called …": the parser tied the second cue to the quoted words; the
        # subject is that of the cue outside the quotation that governs them
        x = v.head
        while ix.qid[x.i] >= 0 and x.head.i != x.i:
            x = x.head
        if v.dep_ == "conj" and ix.qid[x.i] < 0 and x.pos_ in ("VERB", "AUX") and verb_lemma(x) in CUE_LEMMAS:
            return subject(ix, x, depth + 1)
        prev = ix.segs[ix.qid[v.head.i]]
        if v.tag_ == "VBG" and v.dep_ in ("advcl", "conj", "xcomp") and prev.verb is not None and \
                prev.verb != v.i and ix.qid[prev.verb] < 0:
            # "X said, “A,” adding, “B”": the parser hung the participle on the quotation
            # before it, whose speaker goes on
            return subject(ix, ix.doc[prev.verb], depth + 1)
        return None
    h = v.head
    if v.dep_ == "conj" and h.dep_ == "ccomp" and verb_lemma(h) not in CUE_LEMMAS and \
            verb_lemma(h.head) in CUE_LEMMAS and h.head.i != h.i:
        # "X said the talks failed and called …": the parser tied the second cue to the content
        return subject(ix, h.head, depth + 1)
    if v.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in v.children):
        # "Ade is alleged to have said …", "was reported to have told …": the subject of the
        # passive is the one who spoke (not "is expected to report": an expectation)
        s = passive_subject(ix, h, pos=None)
        if s is not None:
            return s
    if v.dep_ in ("conj", "xcomp") and h.pos_ in ("VERB", "AUX"):
        return subject(ix, h, depth + 1)
    if v.dep_ == "advcl" and h.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return subject(ix, h, depth + 1)  # "She went on to add …", "he paused to reply …"
    if v.tag_ == "VBG" and v.dep_ == "pcomp" and h.lower_ == "for" and h.head.pos_ in ("VERB", "AUX"):
        # "The club fined Ade for saying …", "Ade was suspended for saying …": the one fined or
        # praised said it, not the club
        x = h.head
        obj = next((c for c in x.children if c.dep_ in ("dobj", "nsubjpass") and c.i < h.i
                    and c.pos_ in ("PROPN", "NOUN", "PRON") and ix.qid[c.i] < 0), None)
        if obj is not None:
            return obj
    if v.tag_ == "VBG" and v.dep_ in ("advcl", "pcomp"):
        # "Ade was quoted in the paper saying …", "… was quoted by the agency as saying": the one
        # quoted says it, not the medium
        x = h.head if h.lower_ == "as" and v.dep_ == "pcomp" else h
        quoted = passive_quoted(ix, x)
        if quoted is not None:
            return quoted
    if v.tag_ == "VBG" and v.dep_ == "pcomp" and h.lower_ == "as" and h.head.pos_ == "VERB" and \
            h.head.lemma_.lower() in QUOTING_VERBS:
        # "The paper quoted Ade as saying …", "cited the mayor as saying": the one quoted says it
        # (only after quote, cite, report: "Analysts read the result as saying …" is not the result's)
        obj = next((c for c in h.head.children if c.dep_ == "dobj" and c.i < h.i and ix.qid[c.i] < 0), None)
        if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
            return obj
    if v.tag_ == "VBG" and v.dep_ in ("advcl", "pcomp", "acl", "conj"):
        # "…, saying that", "responded by saying", "a statement explaining": the subject
        # of the nearest verb above
        x = h
        for _ in range(3):
            if x.pos_ in ("VERB", "AUX") and ix.qid[x.i] < 0:
                controller = passive_controller(ix, x)
                return controller if controller is not None else subject(ix, x, depth + 1)
            if x.head.i == x.i:
                break
            x = x.head
    return None


def passive_quoted(ix, x):
    """The subject of a passive quoting verb x ("Ade was quoted", "was cited"), or None."""
    if x.pos_ not in ("VERB", "AUX") or x.lemma_.lower() not in QUOTING_VERBS or ix.qid[x.i] >= 0:
        return None
    return passive_subject(ix, x)


def passive_controller(ix, x):
    """The subject of passive verb x that is no cue ("Ade was arrested after saying …",
    "They were taken to hospital after claiming …": Ade, They), or None; the subject of a
    passive cue is its listener ("Ade was told …") and says nothing."""
    if verb_lemma(x) in CUE_LEMMAS or verb_lemma(x) in ACT_LEMMAS:
        return None
    return passive_subject(ix, x)


def passive_subject(ix, x, pos=("PROPN", "NOUN", "PRON")):
    """The subject of x when x is passive (outside quotation marks; of a part of speech in
    ``pos`` unless None), or None."""
    if not any(c.dep_ == "auxpass" for c in x.children):
        return None
    return next((c for c in x.children if c.dep_ == "nsubjpass" and (pos is None or c.pos_ in pos)
                 and ix.qid[c.i] < 0 and not ix.is_mark[c.i]), None)


def after_mark(ix, v) -> bool:
    """Does verb v follow a closing quote mark ("…,” said", "…”, said")?"""
    p = v.i - 1
    while p >= 0 and ix.doc[p].is_space:
        p -= 1
    if p >= 1 and ix.doc[p].text == "," and ix.is_mark[p - 1]:
        p -= 1
    return p >= 0 and ix.is_mark[p]


def name_after(ix, v, window=8):
    """The last token of the first person or organisation named right after verb v, on its line and
    before any punctuation ("said party leader Jo Ade" → Ade), or None. An organisation that
    premodifies a noun for a person names no speaker: "said the Lira Bank chairman" → chairman,
    unless the person's name follows ("said Lira Bank sales director Jo Ade" → Ade, "says Lira
    Bank's Jo Ade" → Ade)."""
    doc = ix.doc
    described = None
    i = v.i + 1
    while i < min(ix.ntok, v.i + 1 + window):
        t = doc[i]
        if (t.is_punct and t.text not in ("-", ".")) or ix.boundary(t) or ix.qid[i] >= 0:
            break
        k = bisect.bisect_right(ix.m_starts, t.idx) - 1
        if k >= 0 and ix.mentions[k]["start"] <= t.idx < ix.mentions[k]["end"] and \
                ix.mentions[k].get("kind") in ("person", "organization"):
            last = max(i, ix.tok_at(ix.mentions[k]["end"]) - 1)
            if ix.mentions[k].get("kind") != "person" and last + 2 < ix.ntok and \
                    doc[last + 1].lower_ in ("'s", "’s") and named_at(ix, doc[last + 2], ("person",)):
                i = last + 2  # "says Lira Bank's Jo Ade": the bank's person
                continue
            noun = person_noun_after(ix, last) if ix.mentions[k].get("kind") == "organization" else None
            if described is None and noun is not None:
                described = noun
                i = noun.i + 1
                continue
            return doc[last]
        i += 1
    return described


def person_noun_after(ix, last: int):
    """The noun for a person in the lower-case words right after token ``last`` ("sales director",
    "founder") or a capitalised title word there ("Secretary"), or None."""
    doc = ix.doc
    for j in range(last + 1, min(ix.ntok, last + 4)):
        t = doc[j]
        if t.is_title and t.lower_ in TITLE_WORDS:
            return t  # "Culture Secretary", "Trade Minister": a department the model took for a body
        if not (t.is_lower and t.pos_ in ("NOUN", "ADJ")):
            return None
        if t.pos_ == "NOUN" and t.lemma_.lower() in PERSON_NOUNS:
            return t
    return None


def inverted_cue(ix, v):
    """(c0, c1, speaker) of a cue verb inverted after the clause it reports, its speaker after it
    ("Prices rose in May, reported officials, …", "…, reported the Kito Times."), which the parser
    reads as the verb's object; else None. The cue follows a comma, has no subject of its own, and
    the noun phrase after it ends the sentence or is followed by a comma; the clause before holds
    a finite verb."""
    doc = ix.doc
    if verb_lemma(v) not in CUE_LEMMAS or v.tag_ not in ("VBD", "VBZ", "VBP") or v.i < 3 or \
            doc[v.i - 1].text != "," or ix.qid[v.i] >= 0 or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return None
    obj = next((c for c in v.rights if c.dep_ in ("dobj", "nsubj", "attr")), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or obj.left_edge.i != v.i + 1 or ix.qid[obj.i] >= 0:
        return None
    after = obj.right_edge.i + 1
    if after < ix.ntok and doc[after].text not in (",", ".", ";") and not doc[after].is_space:
        return None
    k = bisect.bisect_right(ix.sent_tok, v.i) - 1
    s0 = ix.sent_tok[k]
    c1 = v.i - 2
    if c1 - s0 < 3 or not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[s0:c1 + 1]) or \
            any(ix.is_mark[t.i] for t in doc[s0:c1 + 1]):
        return None
    return s0, c1, obj


APPOSITION_TOKENS = 15


def name_before_apposition(ix, v):
    """The name before the apposition that ends right before verb v, when the parser gave v no
    subject ("At a rally in the port, Jo Ade, the head of the dockers' union, rejected …": the
    parser read Ade as an apposition of the port), or None. The apposition holds no verb, no
    quotation and no other name."""
    doc = ix.doc
    i = min([c.i for c in v.children if c.dep_ in ("aux", "neg") and c.i < v.i] + [v.i]) - 1
    if i < 1 or doc[i].text != ",":
        return None
    t = doc[i - 1]
    if named_at(ix, t) and ix.qid[t.i] < 0 and ix.same_line(t.i, v.i):
        # no apposition: "Mayor Jo Ade, had warned …" (a stray comma), only for a name that
        # is no object of a preposition and a verb with an auxiliary or in the past
        if t.dep_ == "pobj" or t.head.pos_ == "ADP" or not (v.tag_ == "VBD" or any(c.dep_ == "aux" for c in v.children)):
            return None
        return t
    j = i - 1
    while j >= 0 and i - j <= APPOSITION_TOKENS and doc[j].text != ",":
        t = doc[j]
        if t.pos_ in ("VERB", "AUX") or ix.qid[j] >= 0 or ix.is_mark[j] or ix.boundary(t) or named_at(ix, t) \
                and t.ent_type_ == "PERSON":
            return None
        j -= 1
    if j < 1 or doc[j].text != "," or j == i - 1:
        return None
    t = doc[j - 1]
    if not named_at(ix, t) or ix.qid[t.i] >= 0 or not ix.same_line(t.i, v.i):
        return None
    return t


def named_at(ix, t, kinds=("person", "organization")) -> bool:
    """Does a mention of one of ``kinds`` (a person or organisation) cover token t?"""
    k = bisect.bisect_right(ix.m_starts, t.idx) - 1
    return k >= 0 and ix.mentions[k]["start"] <= t.idx < ix.mentions[k]["end"] and \
        ix.mentions[k].get("kind") in kinds


def np_span(ix, h):
    """Char span of the noun phrase headed by h, without relative clauses or appositions."""
    left, right = h.i, h.i
    for c in h.lefts:
        if c.dep_ in ("compound", "det", "amod", "poss", "nmod", "nummod", "quantmod",
                      "flat", "case", "punct") or (c.dep_ == "nn"):
            if c.dep_ == "punct" and c.i < left - 1:
                continue
            left = min(left, c.left_edge.i)
    for c in h.rights:
        if c.dep_ in ("compound", "flat", "case") and c.i == right + 1:
            right = c.right_edge.i
        elif c.dep_ == "prep" and c.lower_ == "of" and c.i == right + 1 and h.pos_ == "PROPN" \
                and any(g.pos_ == "PROPN" for g in c.children):
            right = c.right_edge.i  # a name with "of" in it: "Office of Fisheries"
    doc = ix.doc
    for i in range(h.i - 1, left - 1, -1):
        if ix.boundary(doc[i]):  # a heading the parser glued to the sentence
            left = i + 1
            break
    while left < h.i and (doc[left].is_punct or ix.is_mark[left] or doc[left].is_space):
        left += 1
    while right > h.i and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    # never let the speaker reach into a quotation
    while left < h.i and ix.qid[left] >= 0:
        left += 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def speaker_of(ix, h):
    """(head, start, end, None) for speaker head token h: the noun phrase as written (a relative
    pronoun alone: "who"); the name it stands for is decided by :mod:`.coref` once every row of
    the article is known."""
    if h is None:
        return None
    if h.lower_ in RELATIVE and h.dep_ in ("nsubj", "nsubjpass"):
        return (h, h.idx, h.idx + len(h.text), None)
    start, end = np_span(ix, h)
    return (h, start, end, None)


def nearby_noun(ix, v):
    """The speaker next to a cue the parser did not link: the closest name or noun
    before it (after a quote), else right after it."""
    doc = ix.doc
    for i in range(v.i - 1, max(-1, v.i - 7), -1):
        t = doc[i]
        if ix.is_mark[i] or ix.qid[i] >= 0 or ix.boundary(t) or t.text in FINAL:
            break
        if (t.pos_ in ("PROPN", "NOUN", "PRON") and t.dep_ != "compound") or named_at(ix, t):
            return t  # a name the tagger read as another word counts: "…,” Will wrote"
    for i in range(v.i + 1, min(ix.ntok, v.i + 4)):
        t = doc[i]
        if ix.is_mark[i] or ix.qid[i] >= 0 or t.is_punct:
            break
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            while t.dep_ in ("compound", "flat") and t.head.i > t.i and t.head.i - i < 4:
                t = t.head
            return t
    return None
