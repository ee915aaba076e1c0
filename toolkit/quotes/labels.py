"""Statements that layout attributes rather than a verb:

- labels: a name, then a colon, opening a paragraph or a quotation: transcripts ("ADE: Well, we
  tried."), interviews, tweets quoted with their handle ("@jo_ade: Polls close at six");
- signatures: a paragraph that is only a handle ("@jo_ade.") signs the paragraph before it, as
  reader tweets are printed; so does an embedded tweet's "— Jo Ade (@jo_ade) May 2, 2020";
- labels after a cue: "Ade tweeted: @jo_ade: Polls close at six" (a tweet printed inline after the
  sentence that introduces it) is a direct quotation of what follows the label in its paragraph,
  not a reported clause that starts with the handle;
- block quotations: a paragraph that ends with a cue and a colon ("Her blog explains the
  history:") introduces the next paragraph, which the page printed without quotation marks; when
  the cue has content of its own ("Ade notes that the plan failed:", "Ade urged the council to
  act now:", an object with a verb of its own) the two are two statements, and the colon is the
  block's cue. An introduction that says nothing itself ("Jo Ade wrote on her blog:", "He
  added:", "Ade [fr] tweeted:", or a named person's or organisation's stance: "Jo Ade is critical
  of the plan:", the colon its cue) introduces the next paragraph too, when that paragraph reads
  as someone's own words (a first- or second-person pronoun, a question or exclamation) and does
  not open with an introduction of its own: pages often drop the quotation (an embedded post)
  and go on with the story, which is no statement. A page may also run a quoted post into the
  next introduction ("… #lira http://t.co/x Jo Ade (@jo_ade) [fr] says:"): the block ends before
  the name, and the introduction starts there; and a block ends before a later sentence of it that
  names its own speaker (the story resumed in the quotation's paragraph). A sentence that only says
  a named person posted or wrote something ("Jo Ade wrote on her blog.") introduces the next
  paragraph the same way, when that paragraph has a voice of its own;
- inline posts: embedded posts a page flattened into one paragraph ("Ade tweeted: @jo_ade: … Bo Lin
  wrote: @bolin: …") are one quotation each, up to the next introduction;
- posts as markup: an element a corpus kept for an embedded post (``<tweet author="jo_ade" …>Polls
  close at six.</tweet>``, as PolNeAR's texts print them) is a direct quotation of its author, the
  person of the article whose name the handle spells ("realJoAde", "AdeForMayor"), else the handle.
"""
from __future__ import annotations

import bisect
import re

from .acts import shows_media, verb_act
from .index import add_row, cue_span
from .names import handle_person
from .lexicon import ACT_LEMMAS, BELIEF_LEMMAS, CUE_LEMMAS, FINAL, KNOWN_VERBS, NOT_SPEAKERS, POSTING_VERBS, verb_lemma
from .speakers import named_at, speaker_of, subject

LABEL_TOKENS = 5
_HANDLE = re.compile(r"@\w{2,}")
_SIGNATURE = re.compile(r"^\s*(?:[—–-]\s*[^\n]{0,60}?\(?(@\w{2,})\)?[^\n]{0,40}|(@\w{2,})\.?)\s*$")


def label_at(ix, i: int, t_end: int):
    """(first, last, colon) tokens of a "Name:" label starting at token i (quote marks and spaces
    skipped) and ending before t_end, or None. A label is up to five capitalised words or a handle,
    one of them a proper noun, all capitals or a handle, followed by a colon and some words."""
    doc = ix.doc
    while i < t_end and (doc[i].is_space or ix.is_mark[i]):
        i += 1
    j = i
    while j < t_end and j - i < LABEL_TOKENS and doc[j].text not in (":", "["):
        t = doc[j]
        if not (t.is_title or t.is_upper or _HANDLE.fullmatch(t.text) or t.text in (".", "'s", "’s", "-")):
            return None
        j += 1
    last = j - 1
    if j + 2 < t_end and doc[j].text == "[" and doc[j + 2].text == "]" and doc[j + 1].is_lower:
        j += 3  # a language tag after the name: "@jo_ade [fr]:"
    if j == i or j >= t_end or doc[j].text != ":" or t_end - j < 4:
        return None
    if doc[i].lower_ in NOT_SPEAKERS or doc[j - 1].lower_ in NOT_SPEAKERS:
        return None
    if not any(doc[x].pos_ == "PROPN" or doc[x].is_upper or _HANDLE.fullmatch(doc[x].text) for x in range(i, last + 1)):
        return None
    return i, last, j


def paragraphs(ix):
    """(first token, end token) of every line of the text."""
    starts = [0] + [b + 1 for b in ix.breaks]
    for k, t0 in enumerate(starts):
        yield t0, ix.breaks[k] if k < len(ix.breaks) else ix.ntok


class Covered:
    """The rows' spans, sorted, to ask whether a new span would overlap one (bisect look-ups)."""

    def __init__(self, rows):
        self.spans = sorted((r["start"], r["end"]) for r in rows)
        self.reach = []  # longest end among the spans up to each one
        for _, e in self.spans:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def __call__(self, start: int, end: int) -> bool:
        """Does a row overlap [start, end) other than by lying inside it (an inner row goes later,
        as a nested one)?"""
        k = bisect.bisect_left(self.spans, (start, -1))
        if k and self.reach[k - 1] > start:
            return True  # a row that starts before and reaches in
        j = bisect.bisect_left(self.spans, (end, -1))
        return any(e > end or (s, e) == (start, end) for s, e in self.spans[k:j])


def speaker_tokens(ix, first, last):
    doc = ix.doc
    return doc[last], doc[first].idx, doc[last].idx + len(doc[last].text), None


def signatures(ix) -> None:
    """A handle alone on a line signs the paragraph before it (see the module docstring)."""
    doc = ix.doc
    covered = Covered(ix.rows)
    prev = None
    for t0, t_end in paragraphs(ix):
        if t0 >= t_end:
            continue
        line = ix.text[doc[t0].idx:doc[t_end - 1].idx + len(doc[t_end - 1].text)]
        m = _SIGNATURE.match(line)
        if m and prev is not None:
            handle = next(t for t in doc[t0:t_end] if t.text.lstrip("(").startswith("@"))
            a, b = prev
            start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
            while end > start and ix.text[end - 1] in " \t":
                end -= 1
            if end > start and not covered(start, end) and sum(doc[x].is_alpha for x in range(a, b)) >= 3:
                add_row(ix, "direct", start, end, (handle, handle.idx, handle.idx + len(handle.text), None),
                        None, how="signature")
        prev = None if m else (t0, t_end)


# the publisher's note that closes a page of a series ("This article is part of our series on
# water."): the page's own voice, never the quotation an introduction announced
SERIES_NOTE = re.compile(r"(?:This|The) (?:post|article|story|report|piece|interview|page)\b[^.\n]{0,40}?"
                         r"\b(?:is|was|forms) (?:a )?part of\b[^\n]*$")

INTRO_TOKENS = 20  # an introduction glued to a quotation is looked for this far before its colon


def intro_start(ix, colon: int, lo: int) -> int:
    """The first token of the introduction that ends in the colon at token ``colon`` (not before
    token lo): the start of its sentence, or, when the page glued the introduction to a quotation
    that ends in a link, hashtag or handle without a full stop ("… http://t.co/x Jo Ade (@jo_ade)
    [fr] wrote:"), the speaker's words right before its verb (the nearest cue verb, else the nearest
    verb): names, a description, brackets and handles."""
    doc = ix.doc
    k = bisect.bisect_right(ix.sent_tok, colon) - 1
    start = max(lo, ix.sent_tok[k])
    while k > 0 and start > lo and (only_brackets(doc, start, colon) or (
            doc[start].text in ("[", "(") and doc[start - 1].text not in FINAL)):
        # "Jo Ade backed the plan [fr]:", "Ade wrote a column [es] about the strike:": the parser began a
        # sentence at the language tag
        k -= 1
        start = max(lo, ix.sent_tok[k])
    verbs = [i for i in range(colon - 1, max(lo, colon - INTRO_TOKENS) - 1, -1)
             if doc[i].pos_ in ("VERB", "AUX") and doc[i].dep_ not in ("aux", "auxpass")]
    v = next((i for i in verbs if verb_lemma(doc[i]) in CUE_LEMMAS), verbs[0] if verbs else None)
    if v is None:
        return start
    p, depth = v, 0
    while p - 1 >= lo:
        t = doc[p - 1]
        if t.text in (")", "]"):
            depth += 1
        elif t.text in ("(", "["):
            depth -= 1
        elif depth == 0 and (t.like_url or hashtag(doc, p - 1) or not (
                t.pos_ in ("PROPN", "DET", "NOUN", "ADJ", "PRON") or _HANDLE.fullmatch(t.text))):
            break
        p -= 1
    if p == v or p <= lo or depth != 0:
        return start
    t = doc[p - 1]
    glued = t.like_url or hashtag(doc, p - 1) or _HANDLE.fullmatch(t.text) or t.text in (".", "!", "?", "…")
    return p if glued and ix.same_line(p, colon) else start


def only_brackets(doc, i: int, j: int) -> bool:
    """Are tokens i to j-1 only bracketed groups and punctuation ("[fr]", "(video)")?"""
    depth = 0
    for t in doc[i:j]:
        if t.text in ("(", "["):
            depth += 1
        elif t.text in (")", "]"):
            depth -= 1
        elif depth <= 0 and not (t.is_punct or t.is_space):
            return False
    return True


def hashtag(doc, i: int) -> bool:
    """Is token i a hashtag or the word of one ("#", "lira" in "#lira")?"""
    return doc[i].text.startswith("#") or (i > 0 and doc[i - 1].text == "#" and doc[i - 1].idx + 1 == doc[i].idx)


def before_brackets(doc, i: int) -> int:
    """The token before the bracketed groups that end right before token i ("Jo Ade (@jo_ade)
    [fr] says": "Ade" for "says"), or -1."""
    j = i - 1
    while j >= 0 and doc[j].text in (")", "]"):
        depth = 0
        while j >= 0:
            depth += doc[j].text in (")", "]")
            depth -= doc[j].text in ("(", "[")
            j -= 1
            if depth == 0:
                break
    return j


def block_end(ix, c0, d):
    """The last token of a block quotation from c0 to d, without a closing sentence that ends in a
    colon (the introduction of the next one, glued to it: :func:`intro_start`)."""
    doc = ix.doc
    toks = [x for x in range(c0, d) if not doc[x].is_space]
    if not toks:
        return None
    end = toks[-1]
    if doc[end].text == ":":
        end = intro_start(ix, end, c0) - 1
        while end >= c0 and doc[end].is_space:
            end -= 1
    return end if end >= c0 else None


def has_verb(doc, row) -> bool:
    """Does an object row's content hold a clause of its own ("urged the council to act now",
    not "explains the history" or "explains the growing crisis", whose participle is no clause)?"""
    span = doc.char_span(row["start"], row["end"], alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("xcomp", "ccomp", "relcl", "advcl")
                                    for t in span)


def bare_cue(ix, s0, colon):
    """(verb, cue, speaker token) of the introduction that ends in the colon at token ``colon``, in
    the sentence from token s0, when no row of its own says anything: the last verb of speech or
    writing before the colon with a speaker ("Jo Ade wrote on her blog:", "He added:", "Ade, a
    teacher, tweeted [fr]:"; the verb is the cue), else the main verb of a named person or
    organisation ("Jo Ade is critical of the plan:", "Lira Watch was shocked:"; the colon is the
    cue); None for a negated verb, a verb that shows a picture or link ("posted a photo:"), or a
    speaker the text does not name ("Many were shocked:")."""
    doc = ix.doc
    taken = {r["_verb"] for r in ix.rows}
    for i in range(colon - 1, s0 - 1, -1):
        v = doc[i]
        if ix.qid[i] >= 0 or ix.is_mark[i] or i in taken or v.dep_ in ("aux", "auxpass", "amod") or \
                v.pos_ not in ("VERB", "AUX") and not tagged_noun_after_brackets(doc, i):
            continue
        lemma = verb_lemma(v)
        cue = lemma in CUE_LEMMAS and verb_act(lemma) == "statement"
        if not cue and not (v.dep_ == "ROOT" or v.head.i < s0 or v.pos_ == "NOUN"):
            continue  # (a verb read as a noun has no reliable head either)
        if any(c.dep_ == "neg" for c in v.children) or shows_media(v):
            return None
        spk = subject(ix, v)
        if spk is None and i > 0 and doc[i - 1].text in (")", "]"):
            spk = speaker_before_brackets(ix, i)  # "@jo_ade [es] wonders:": a handle the parser left alone
        elif spk is not None and spk.i > 1 and (doc[spk.i - 1].text == "[" or spk.text == "["):
            # "Jo Ade [fr] is critical of the plan:", "Jo Ade (@jo_ade) [fr] says:", "@jo_ade
            # [es] is ironic:": the parser took the language tag or its bracket for the subject
            close = next((k for k in range(spk.i, i) if doc[k].text == "]"), None)
            spk = speaker_before_brackets(ix, close + 1) if close is not None else None
        if spk is None or ix.qid[spk.i] >= 0 or author(spk):
            return None  # (the author's own "As I wrote last year:" quotes no source)
        if cue:
            return v, cue_span(ix, v), spk
        if named_at(ix, spk) or _HANDLE.fullmatch(spk.text) or spk.lower_ in ("he", "she"):
            col = doc[colon]
            return v, (col.text, col.idx, col.idx + len(col.text)), spk
        return None
    return None


def posted_without_content(ix, a, last):
    """(verb, speaker) when the paragraph from token a ends in a sentence that says only that a
    named person or organisation posted or wrote something ("Jo Ade (@jo_ade) posted from the
    stadium.", "Lira Watch wrote on its blog."): a verb of posting or writing with no object and
    no clause, the page's quotation after it without the colon; else None."""
    doc = ix.doc
    k = bisect.bisect_right(ix.sent_tok, last) - 1
    s0 = max(a, ix.sent_tok[k])
    if doc[last].text != ".":
        return None
    for v in doc[s0:last]:
        if v.pos_ != "VERB" or ix.qid[v.i] >= 0 or verb_lemma(v) not in POSTING_VERBS | {"write", "blog"}:
            continue
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "neg", "dative") for c in v.children):
            return None
        spk = subject(ix, v)
        if spk is None or ix.qid[spk.i] >= 0 or not (named_at(ix, spk) or _HANDLE.fullmatch(spk.text)):
            return None
        return v, spk
    return None


def author(t) -> bool:
    """Is token t the author's own "I" or "we" (outside quotation marks, as the callers ask)?"""
    return t.pos_ == "PRON" and t.lower_ in ("i", "we")


def speaker_before_brackets(ix, i: int):
    """The name or handle right before the bracketed groups that end before token i, on its line
    ("Jo Ade" or "@jo_ade" of "Jo Ade (@jo_ade) [fr] says"), or None."""
    j = before_brackets(ix.doc, i)
    if j < 0 or not ix.same_line(j, i):
        return None
    t = ix.doc[j]
    return t if named_at(ix, t) or _HANDLE.fullmatch(t.text) else None


def tagged_noun_after_brackets(doc, i: int) -> bool:
    """Is token i a verb of the word lists in the third person or past that the tagger read as a
    noun after a bracketed handle or language tag ("Jo Ade [es] wonders:", "Jo Ade (@jo_ade)
    replies:")? The brackets break the parse of the short line."""
    t = doc[i]
    return t.pos_ == "NOUN" and i > 0 and doc[i - 1].text in (")", "]") and \
        t.lower_.endswith(("s", "ed")) and verb_lemma(t) in KNOWN_VERBS


def narrated(ix, c0, end_tok) -> bool:
    """Is the paragraph from token c0 to end_tok the author's narration rather than the quotation
    an introduction without content announced? It attributes words to a named speaker in its first
    sentence (a row whose cue lies there: "Jo Ade expressed her concerns: …", the next
    introduction; not "Nobody asked us what we need.", the quotation's own words), or it has no voice of its own: no first- or second-person pronoun, question or
    exclamation outside quote marks (a page that dropped the quotation goes on with the story:
    "The vote was held on Sunday.")."""
    doc = ix.doc
    k = bisect.bisect_right(ix.sent_tok, c0)
    s1 = min(end_tok + 1, ix.sent_tok[k] if k < len(ix.sent_tok) else ix.ntok)
    if any(r["_verb"] is not None and c0 <= r["_verb"] < s1 and r["_spk"] is not None and (
            named_at(ix, doc[r["_spk"]]) or doc[r["_spk"]].pos_ == "PROPN") for r in ix.rows):
        return True
    return not has_voice(ix, c0, end_tok)


def narrator_resumes(ix, c0, end_tok, spk) -> int:
    """The last token of a block quotation from c0 to end_tok, cut before a later sentence of it
    that names its own speaker ("… we will march again. Ade's post drew many replies, …": the page ran
    the story on in the quotation's paragraph; the quoted rarely name themselves)."""
    doc = ix.doc
    m = None
    for t in [spk] + [t for t in spk.subtree if t.i != spk.i and ix.same_line(t.i, spk.i)]:
        k = bisect.bisect_right(ix.m_starts, t.idx) - 1  # the name of "the journalist Jo Ade" too
        if k >= 0 and ix.mentions[k]["start"] <= t.idx < ix.mentions[k]["end"] and \
                ix.mentions[k].get("kind") in ("person", "organization"):
            m = ix.mentions[k]
            break
    if m is None:
        return end_tok
    own = str(m.get("name") or "").split()
    if not own:
        return end_tok
    surname = own[-1]
    j = bisect.bisect_right(ix.sent_tok, c0)
    for n, s0 in enumerate(ix.sent_tok[j:], start=j):
        if s0 > end_tok:
            break
        s1 = ix.sent_tok[n + 1] if n + 1 < len(ix.sent_tok) else ix.ntok
        if any(doc[t].text == surname and ix.qid[t] < 0 and named_at(ix, doc[t]) for t in range(s0, min(s1, end_tok + 1))):
            e = s0 - 1
            while e >= c0 and doc[e].is_space:
                e -= 1
            return e if e >= c0 else end_tok
    return end_tok


def has_voice(ix, c0, end_tok) -> bool:
    """Do tokens c0 to end_tok read as someone's own words: a first- or second-person pronoun, a
    question or an exclamation outside quote marks?"""
    return any(ix.qid[t.i] < 0 and not ix.is_mark[t.i] and (t.text in ("?", "!") or (
        t.pos_ == "PRON" and set(t.morph.get("Person")) & {"1", "2"})) for t in ix.doc[c0:end_tok + 1])


def blockquotes(ix) -> None:
    """A paragraph ending in "cue:" introduces the next paragraph (see the module docstring)."""
    doc = ix.doc
    covered = Covered(ix.rows)
    pars = [p for p in paragraphs(ix) if p[0] < p[1] and any(not doc[x].is_space for x in range(*p))]
    for (a, b), (c, d) in zip(pars, pars[1:]):
        last = max(x for x in range(a, b) if not doc[x].is_space)
        first = next(x for x in range(c, d) if not doc[x].is_space)
        if ix.qid[last] >= 0 or ix.is_mark[first] or ix.qid[first] >= 0:
            continue
        if doc[last].text != ":":
            post = posted_without_content(ix, a, last)
            lab = label_at(ix, c, d)
            c0 = lab[2] + 1 if lab else c
            while c0 < d and doc[c0].is_space:
                c0 += 1
            end_tok = block_end(ix, c0, d) if post is not None else None
            if end_tok is not None and sum(doc[x].is_alpha for x in range(c0, end_tok + 1)) >= 3 and \
                    has_voice(ix, c0, end_tok) and not narrated(ix, c0, end_tok):
                start, end = doc[c0].idx, doc[end_tok].idx + len(doc[end_tok].text)
                if not covered(start, end) and not SERIES_NOTE.match(ix.text, start, end):
                    add_row(ix, "direct", start, end, speaker_of(ix, post[1]), cue_span(ix, post[0]),
                            how="block", verb=post[0].i)
            continue
        # the cue of the sentence that ends in the colon, the nearest one; else one before it
        s0 = intro_start(ix, last, a)
        # a cue verb, or a verb whose object is what was said ("Ade backed the plan [fr]:")
        cues = [r for r in ix.rows if r["_verb"] is not None and a <= r["_verb"] < last and r["_spk"] is not None
                and (verb_lemma(doc[r["_verb"]]) in CUE_LEMMAS
                     or r["_how"] == "object" and verb_lemma(doc[r["_verb"]]) in ACT_LEMMAS
                     or r["_how"] == "clause" and verb_lemma(doc[r["_verb"]]) in BELIEF_LEMMAS)]
        near = [r for r in cues if r["_verb"] >= s0]
        cue = max(near, key=lambda r: r["_verb"]) if near else (cues[0] if cues else None)
        bare = bare_cue(ix, s0, last) if cue is None or cue["_verb"] < s0 else None
        if cue is None and bare is None:
            continue
        lab = label_at(ix, c, d)
        c0 = lab[2] + 1 if lab else c
        while c0 < d and doc[c0].is_space:
            c0 += 1
        end_tok = block_end(ix, c0, d)
        if end_tok is None or sum(doc[x].is_alpha for x in range(c0, end_tok + 1)) < 3:
            continue
        end_tok = narrator_resumes(ix, c0, end_tok, bare[2] if bare is not None else doc[cue["_spk"]])
        start, end = doc[c0].idx, doc[end_tok].idx + len(doc[end_tok].text)
        if covered(start, end) or SERIES_NOTE.match(ix.text, start, end):
            continue
        if bare is not None and not narrated(ix, c0, end_tok):
            # "Jo Ade wrote on her blog:", "Jo Ade is critical of the plan:": no content of its own
            add_row(ix, "direct", start, end, speaker_of(ix, bare[2]), bare[1], how="block", verb=bare[0].i)
            continue
        if cue is None:
            continue
        head = doc[cue["_spk"]]
        if author(head):
            continue
        if verb_lemma(doc[cue["_verb"]]) not in CUE_LEMMAS and not has_voice(ix, c0, end_tok):
            continue  # "Lira Aid welcomed the decision:" and the page goes on with the story
        if cue["_how"] == "object" and not has_verb(doc, cue):
            ix.rows.remove(cue)  # "explains the history:": the history is what follows
            said = (cue["cue"], cue["cue_start"], cue["cue_end"])
        else:
            # "Ade notes that the plan failed:": a statement of its own; the colon introduces the
            # block, a second statement
            if cue["end"] <= cue["cue_start"] and narrated(ix, c0, end_tok):
                continue  # "…, Ade tweeted:" with its content before the cue, then the story goes on
            colon = doc[last]
            said = (colon.text, colon.idx, colon.idx + len(colon.text))
        add_row(ix, "direct", start, end, (head, cue["speaker_start"], cue["speaker_end"], None),
                said, how="block", verb=cue["_verb"])


INTRO_NAME_TOKENS = 14  # an introduction's speaker is looked for this far before its verb


def inline_posts(ix) -> None:
    """Embedded posts a page printed inline, one after another in one paragraph ("Ade tweeted:
    @jo_ade: Polls close at six. Bo Lin wrote: @bolin: Queues are long …"): each introduction
    whose colon is followed by a handle label opens a direct quotation that runs to the next
    introduction (its speaker's name, found before its verb) or the end of the paragraph; a
    second label of the same handle (a translation after the original) stays inside it. Rows
    the parser made across these quotations go."""
    doc = ix.doc
    for a, b in paragraphs(ix):
        intros = []
        for k in range(a + 1, b):
            if doc[k].text != ":" or ix.qid[k] >= 0:
                continue
            lab = label_at(ix, k + 1, b)
            if lab is None or not _HANDLE.fullmatch(doc[lab[0]].text):
                continue
            # a cue verb, or any verb right before the colon: the handle label says a post follows
            v = next((i for i in range(k - 1, max(a, k - 8) - 1, -1) if ix.qid[i] < 0 and (
                doc[i].pos_ in ("VERB", "NOUN") and verb_lemma(doc[i]) in CUE_LEMMAS
                or doc[i].pos_ == "VERB" and k - i <= 2)), None)
            if v is None:
                continue
            lo = intros[-1][3] if intros else a
            # the nearest person or handle before the verb ("Jo Ade, director of Lira Aid,
            # affirmed:"), else the nearest organisation
            near = [doc[i] for i in range(v - 1, max(lo, v - INTRO_NAME_TOKENS) - 1, -1)
                    if (named_at(ix, doc[i]) or _HANDLE.fullmatch(doc[i].text)) and ix.qid[i] < 0]
            spk = next((t for t in near if _HANDLE.fullmatch(t.text) or t.ent_type_ == "PERSON"), near[0] if near else None)
            if spk is None:
                continue
            first = spk.i
            while first - 1 > lo and named_at(ix, doc[first - 1]) and not doc[first - 1].is_punct:
                first -= 1
            intros.append((first, v, spk, lab[2] + 1))
        if len(intros) < 2:
            continue
        bounds = [i[0] for i in intros[1:]] + [b]
        for (first, v, spk, c0), stop in zip(intros, bounds):
            while c0 < stop and doc[c0].is_space:
                c0 += 1
            end_tok = max((x for x in range(c0, stop) if not doc[x].is_space), default=None)
            if end_tok is None or sum(doc[x].is_alpha for x in range(c0, end_tok + 1)) < 3:
                continue
            start, end = doc[c0].idx, doc[end_tok].idx + len(doc[end_tok].text)
            ix.rows[:] = [r for r in ix.rows if r["_verb"] != v and not (
                r["start"] < end and r["end"] > start and (r["start"] < start or r["end"] > end))]
            add_row(ix, "direct", start, end, speaker_of(ix, spk), cue_span(ix, doc[v]), how="block", verb=v)


def inline_labels(ix) -> None:
    """A reported row whose cue is followed by a colon and a handle label ("Ade tweeted:
    @jo_ade: Polls close at six. Vote early!") becomes a direct quotation of what follows the label
    in its paragraph (see the module docstring)."""
    doc = ix.doc
    pars = list(paragraphs(ix))
    starts = [a for a, _ in pars]
    for row in list(ix.rows):
        v = row["_verb"]
        if v is None or row["_how"] not in ("clause", "object") or row["_spk"] is None:
            continue
        a, b = pars[bisect.bisect_right(starts, v) - 1]
        colon = next((i for i in range(v + 1, min(v + 6, b)) if doc[i].text == ":"), None)
        if colon is None or any(ix.qid[i] >= 0 or ix.is_mark[i] for i in range(v + 1, colon + 1)):
            continue
        lab = label_at(ix, colon + 1, b)
        if lab is None or not _HANDLE.fullmatch(doc[lab[0]].text):
            continue
        c0 = lab[2] + 1
        while c0 < b and doc[c0].is_space:
            c0 += 1
        last = max((x for x in range(c0, b) if not doc[x].is_space), default=None)
        if last is None or sum(doc[x].is_alpha for x in range(c0, last + 1)) < 3:
            continue
        ix.rows.remove(row)
        add_row(ix, "direct", doc[c0].idx, doc[last].idx + len(doc[last].text),
                (doc[row["_spk"]], row["speaker_start"], row["speaker_end"], None),
                (row["cue"], row["cue_start"], row["cue_end"]), how="block", verb=v)


_MARKUP_POST = re.compile(r'<(tweet|post)\b[^<>]*?\bauthor="@?([^"<>\s]{1,60})"[^<>]*>(.{1,4000}?)(?:</\1>|<\1\s*/>)',
                          re.S | re.I)  # closed by "</tweet>" or, in some of PolNeAR's texts, "<tweet/>"
_TRAILING_LINKS = re.compile(r"(?:\s+-\w{1,3})?(?:\s*(?:https?://|pic\.twitter\.com/)\S*)+\s*$")


def markup_posts(ix) -> None:
    """Embedded posts kept as markup (see the module docstring): the element's text without its
    trailing links and sign-off ("… now. -H https://t.co/x") is a direct quotation, cue the
    element's name; the rows the parser made over the element go."""
    for m in _MARKUP_POST.finditer(ix.text):
        inner = m.group(3)
        body = _TRAILING_LINKS.sub("", inner).rstrip()
        lead = len(body) - len(body.lstrip())
        if len(re.findall(r"[^\W\d_]{2,}", body)) < 2:
            continue
        start, end = m.start(3) + lead, m.start(3) + len(body)
        ix.rows[:] = [r for r in ix.rows if not (r["start"] < m.end() and r["end"] > m.start())]
        row = add_row(ix, "direct", start, end, None, (m.group(1), m.start(1), m.end(1)), how="markup")
        handle = m.group(2)
        row.update(speaker_text=handle, speaker_start=m.start(2), speaker_end=m.end(2),
                   speaker_name=handle_person(ix, handle) or "@" + handle)
