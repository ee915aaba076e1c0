"""Direct quotations: the cue and speaker next to a quoted run, after it ("…,” said Jo Ade",
"… — Jo Ade") or before it ("Jo Ade said: “…”", "“A,” she said, “B”"); statements apart from
fragments (scare quotes, quoted titles); multi-paragraph quotes sharing their attribution; and
floating quote paragraphs that take the speaker of the quote before them, or of the reported
statement between ("Jo Ade said the plan had failed. “We tried everything.”": Ade).
"""
from __future__ import annotations

import bisect
import re

from .index import add_row, cue_span
from .marks import QUOTE_CHARS
from .labels import label_at, speaker_tokens
from .lexicon import CUE_LEMMAS, DASHES, FINAL, verb_lemma
from .speakers import nearby_noun, speaker_of, subject

CONTENT_DEPS = ("ccomp", "dobj", "xcomp", "dative", "oprd")  # a cue with these says something itself
MAX_STRETCH = 40       # tokens searched for an attribution next to a quote
FRAGMENT_WORDS = 6     # a quoted run of at most this many words inside a sentence's clause is part of it
_FRAGMENT = re.compile(r"[\"“‘'][^\"“”‘’]{0,60}[\"”’']")
FLOAT_PARAGRAPHS = 2   # a floating quote takes the speaker of a quote this close before it
FIRST_SECOND = frozenset("i me we us you".split())  # in an interview, the voice of either side
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
TITLING = frozenset({"titled", "entitled", "headlined", "subtitled"})
FLOAT_WORDS = 8        # a quotation without a cue of its own is a statement from this many words on
                       # (shorter ones are titles, slogans and signs more often than not)


def classify_quotes(ix):
    """Tell statements from fragments; drop scare quotes and quoted titles."""
    doc = ix.doc
    for seg in ix.segs:
        words = sum(1 for i in range(seg.t0, seg.t1) if doc[i].is_alpha)
        prev = ix.tok_at(seg.open_start) - 1
        while prev >= 0 and doc[prev].is_space and "\n" not in doc[prev].text:
            prev -= 1
        pt = doc[prev] if prev >= 0 else None
        # a quote that begins a sentence, follows a colon/comma/dash or a reporting verb is
        # a statement; one in the middle of a clause is a fragment (title, scare quote)
        seg.full = (pt is None or ix.boundary(pt) or pt.text in FINAL or pt.text in ":,("
                    or pt.text in DASHES or ix.qid[prev] >= 0 or ix.is_mark[prev]
                    or (pt.pos_ == "VERB" and verb_lemma(pt) in CUE_LEMMAS))
        if seg.absorbed or seg.cue is not None:
            continue
        k = prev - 1 if pt is not None and pt.text == "," else prev
        if k >= 0 and doc[k].lower_ in TITLING:
            seg.absorbed = True  # "a column titled, “Why We March,”": a title, whatever its words
        elif not seg.full and words <= 3:
            seg.absorbed = True  # scare quote
        elif title_like(doc, seg):
            seg.absorbed = True


def transcript_label(ix, seg) -> bool:
    """A quotation that opens with a label ("“ADE: Well, we tried.”", a transcript): the label
    speaks, the content starts after the colon."""
    lab = label_at(ix, seg.t0, seg.t1)
    if lab is None:
        return False
    first, last, colon = lab
    c0 = colon + 1
    while c0 < seg.t1 and ix.doc[c0].is_space:
        c0 += 1
    if c0 >= seg.t1:
        return False
    seg.start, seg.t0 = ix.doc[c0].idx, c0
    col = ix.doc[colon]
    seg.cue, seg.speaker, seg.how = (col.text, col.idx, col.idx + 1), speaker_tokens(ix, first, last), "label"
    return True


def direct_quotes(ix):
    doc = ix.doc
    segs = ix.segs
    for seg in segs:
        if not seg.absorbed and seg.cue is None and seg.speaker is None and seg.full and transcript_label(ix, seg):
            continue
        if not seg.absorbed and seg.cue is None and seg.speaker is None:
            words = sum(1 for i in range(seg.t0, seg.t1) if doc[i].is_alpha)
            if seg.full or words >= 4:
                attribute(ix, seg)
    # a multi-paragraph quote shares the attribution of its nearest attributed paragraph before
    # (a transcript's label), else after ("“A.¶“B,” she said.")
    before, after = {}, {}
    for seg in segs:
        if not seg.absorbed and seg.double and seg.cue is not None:
            after.setdefault(seg.chain, seg)
    last = None
    for seg in segs:
        if seg.absorbed:
            if seg.speaker is not None and seg.cue is not None:
                last = seg  # a mixed quote's speaker goes on talking in the next quotes
            continue
        if seg.double and seg.cue is not None:
            before[seg.chain] = seg
        if seg.cue is None and seg.speaker is None:
            src = (before.get(seg.chain) or after.get(seg.chain)) if seg.double else None
            if src is not None:
                seg.cue, seg.speaker, seg.verb, seg.how = src.cue, src.speaker, src.verb, "chain"
            elif (said := reported_between(ix, last, seg)) is not None and seg.full and \
                    not same_speaker(ix, said, last):
                # "Ade said the plan had failed. “We tried everything.”": the speaker of the
                # reported statement just before goes on (its cue stays its own)
                seg.speaker, seg.how = reported_speaker(ix, said), "float"
            elif last is not None and seg.full and \
                    ix.paragraph(seg.start) - ix.paragraph(last.start) <= FLOAT_PARAGRAPHS:
                seg.speaker, seg.how = last.speaker, "float"  # floating quote
                if ix.paragraph(seg.start) == ix.paragraph(last.start):
                    # “A,” said X. “B.”: one statement around one cue
                    seg.cue, seg.verb = last.cue, last.verb
        if seg.speaker is not None:
            last = seg
        words = sum(1 for i in range(seg.t0, seg.t1) if doc[i].is_alpha)
        if seg.cue is None and (words < FLOAT_WORDS or (seg.speaker is None and not seg.full)):
            continue
        start, kind = seg.start, "direct"
        if seg.how == "after" and seg.verb is not None:
            start, kind = mixed_start(ix, seg)
        end = seg.close_end if kind == "mixed" and seg.close_end is not None else seg.end
        add_row(ix, kind, start, end, seg.speaker, seg.cue, how=seg.how or "direct", verb=seg.verb)


def mixed_start(ix, seg) -> tuple[int, str]:
    """Where a statement whose cue follows its closing mark begins: a sentence that opens with the
    speaker's own clause around the quotation ("Right now the plan is “a mess”, she said") is
    one mixed statement from the sentence's start; a quotation that opens its sentence is direct."""
    text = ix.text
    k = bisect.bisect_right(ix.sent_starts, seg.open_start) - 1
    a = ix.sent_starts[k] if k >= 0 else 0
    a = max(a, text.rfind("\n", 0, seg.open_start) + 1)
    lead = text[a:seg.open_start]
    # quoted words in the clause before are fragments of it ("Despite this “trick,” the bill
    # stood “no chance,” he said"), not a quotation of their own
    fragments = _FRAGMENT.findall(lead)
    if any(ch in QUOTE_CHARS for ch in _FRAGMENT.sub("", lead)) \
            or any(len(f.split()) > FRAGMENT_WORDS for f in fragments) \
            or len(re.findall(r"[^\W\d_]{2,}", lead)) < 2:
        return seg.start, "direct"
    if any(r["start"] <= a < r["end"] or a <= r["start"] < seg.open_start for r in ix.rows):
        return seg.start, "direct"  # the words before are a statement of their own
    while a < seg.open_start and text[a].isspace():
        a += 1
    return a, "mixed"


def reported_between(ix, last, seg):
    """The last reported-speech row with a speaker that ends after the quote ``last`` (or any,
    without one) and before ``seg``, or None; not a row whose speaker is inside another row's
    content ("Patriots wanted a strong country, Ade said. “…”": Ade speaks on, not the patriots)."""
    lo = last.end if last is not None else -1
    best = None
    for r in ix.rows:
        if r["kind"] != "direct" and lo <= r["start"] and r["end"] <= seg.open_start \
                and (best is None or r["end"] > best["end"]) and not _inside_content(ix, r):
            best = r
    if best is None or best["_spk"] is None:
        return None
    h = ix.doc[best["_spk"]]
    if h.pos_ not in ("PROPN", "PRON") or h.lower_ in FIRST_SECOND or h.dep_ == "poss" or \
            h.ent_type_ in NOT_NAMES or ix.paragraph(seg.start) - best["paragraph"] > 1:
        return None  # a name or "he", "she", "they" speaks on; not "officials", "I", nor a date
    return best


def _inside_content(ix, row) -> bool:
    """Is the row's speaker within another row's content (a clause of what someone else said)?"""
    pos = row["speaker_start"]
    return pos is not None and any(o is not row and o["start"] <= pos < o["end"] for o in ix.rows)


def same_speaker(ix, row, last) -> bool:
    """Does reported-speech ``row`` continue the speaker of quote ``last`` ("“A,” said Jo Ade. Ade
    said B. “C.”": C joins A under its cue): a pronoun in the paragraph of ``last``, or the same
    last word?"""
    if last is None or last.speaker is None:
        return False
    if ix.doc[row["_spk"]].pos_ == "PRON":
        return ix.paragraph(last.start) == row["paragraph"]  # "he" right after Ade's quote: Ade
    _, s0, s1, _ = last.speaker
    words = ix.text[s0:s1].split()
    return bool(words) and words[-1] == str(row["speaker_text"]).split()[-1]


def reported_speaker(ix, row):
    """A row's speaker in the form :func:`.index.add_row` takes."""
    return ix.doc[row["_spk"]], row["speaker_start"], row["speaker_end"], row["speaker_name"]


def attribute(ix, seg):
    """Cue and speaker next to a quotation: after it ("…,” said X", "… — X"), else
    before it ("X said: “…”", "“A,” he said, “B”")."""
    content_last = ix.text[seg.end - 1] if seg.end > seg.start else ""
    after = stretch_after(ix, seg)
    if after:
        first = after[0]
        open_end = content_last in ",?!—–-…:" or first.text in (",",) or first.text in DASHES \
            or (first.is_lower and first.is_alpha) or content_last not in ".!?"
        if open_end:
            if first.text in DASHES and len(after) > 1 and after[1].pos_ == "PROPN":
                # "… — Jo Ade"
                h = after[1]
                while h.head.i != h.i and h.head.i in {t.i for t in after} and h.dep_ in (
                        "compound", "flat"):
                    h = h.head
                if all(t.pos_ in ("PROPN", "PUNCT", "SPACE") for t in after[1:]) or \
                        h.ent_type_ in ("PERSON", "ORG"):
                    seg.cue = (first.text, first.idx, first.idx + len(first.text))
                    seg.speaker, seg.how = speaker_of(ix, h), "dash"
                    return
            v = find_cue(ix, seg, after, tight=True, last=False)
            if v is not None and v.i not in ix.reported_cues and not (
                    v.tag_ == "VBG" and _cue_before(ix, seg) is not None):
                set_from_verb(ix, seg, v, "after")
                return
    before = stretch_before(ix, seg)
    if before:
        lastt = before[-1]
        if lastt.text in (":", ",") or (lastt.pos_ == "VERB") or lastt.text in DASHES:
            v = find_cue(ix, seg, before, tight=lastt.text in ":,", last=True)
            if v is not None and v.i not in ix.reported_cues:
                set_from_verb(ix, seg, v, "before")
                return
        if lastt.text == "." and ix.same_line(lastt.i, ix.tok_at(seg.open_start)) and not after_a_quote(ix, before[0]):
            # "Ade said in a statement. “…”": a cue without content of its own, in the sentence
            # right before the quotation, introduces it (after "“…,” Ade said." the quotation
            # floats on that cue instead)
            v = find_cue(ix, seg, before, tight=False, last=True)
            if v is not None and v.i not in ix.reported_cues and not any(
                    c.dep_ in CONTENT_DEPS for c in v.children):
                set_from_verb(ix, seg, v, "before")


def _cue_before(ix, seg):
    """The cue verb right before a quotation that ends in a colon or comma ("Ade said, “…”"), or
    None: a participle after the quotation ("“…,” adding, “…”") then introduces the next one."""
    before = stretch_before(ix, seg)
    if not before or before[-1].text not in (":", ","):
        return None
    v = find_cue(ix, seg, before, tight=True, last=True)
    return v if v is not None and v.i not in ix.reported_cues else None


def after_a_quote(ix, t) -> bool:
    """Does a quotation end right before token t (spaces and commas between)?"""
    p = t.i - 1
    while p >= 0 and (ix.doc[p].is_space or ix.doc[p].text == ","):
        p -= 1
    return p >= 0 and (ix.is_mark[p] or ix.qid[p] >= 0)


def set_from_verb(ix, seg, v, how):
    seg.cue, seg.verb, seg.how = cue_span(ix, v), v.i, how
    if v.lower_ == "according":
        to = next((c for c in v.children if c.lower_ == "to"), None)
        src = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        seg.speaker = speaker_of(ix, src)
    else:
        h = subject(ix, v)
        if h is None:
            h = nearby_noun(ix, v)
        seg.speaker = speaker_of(ix, h)


def stretch_after(ix, seg):
    if seg.close_end is None:
        return []
    i = ix.tok_at(seg.close_end)
    out = []
    doc = ix.doc
    while i < ix.ntok and len(out) < MAX_STRETCH:
        t = doc[i]
        if ix.boundary(t) or ix.qid[i] >= 0:
            break
        if ix.is_mark[i] and out and not out[-1].is_punct:
            break
        if ix.is_mark[i] and i + 1 < ix.ntok and ix.qid[i + 1] >= 0:
            break
        if t.text in FINAL:
            break
        out.append(t)
        i += 1
    return out


def stretch_before(ix, seg):
    i = ix.tok_at(seg.open_start) - 1
    out = []
    doc = ix.doc
    while i >= 0 and len(out) < MAX_STRETCH:
        t = doc[i]
        if ix.qid[i] >= 0 or (t.text in FINAL and out):
            break
        if ix.boundary(t):
            if out:
                break
            # "he declared:" closing the paragraph before a quote paragraph
            k = i - 1
            while k >= 0 and doc[k].is_space:
                k -= 1
            if k >= 0 and doc[k].text == ":" and ix.qid[k] < 0:
                i = k
                continue
            break
        out.append(t)
        i -= 1
    out.reverse()
    while out and (out[0].text in FINAL or out[0].is_space or ix.is_mark[out[0].i]):
        out.pop(0)
    return out


def in_subject_clause(ix, t, stretch_ids) -> bool:
    """Is t inside a relative clause or apposition of a noun in the stretch?"""
    x = t
    for _ in range(6):
        if x.dep_ in ("relcl", "acl", "appos", "amod", "advcl", "prep", "pcomp") and \
                x.head.i in stretch_ids and x.head.pos_ in ("PROPN", "NOUN", "PRON"):
            return True
        if x.dep_ in ("relcl", "acl", "appos") and x.head.i in stretch_ids:
            return True
        if x.head.i == x.i or x.head.i not in stretch_ids:
            return False
        x = x.head
    return False


def find_cue(ix, seg, stretch, tight: bool, last: bool):
    """The reporting verb in a stretch next to a quote, or None."""
    ids = {t.i for t in stretch}
    cands = [t for t in stretch if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux"
             and t.dep_ != "auxpass"]
    if last:
        cands.reverse()
    for v in cands:
        if in_subject_clause(ix, v, ids) and not (last and cue_of_relative(ix, v, seg)):
            continue
        lemma = verb_lemma(v)
        if lemma in CUE_LEMMAS or (governs(ix, v, seg) and tight and v.pos_ == "VERB" and spoken(ix, seg)):
            return v  # a verb outside the lexicon that governs a spoken quotation: "“…,” she countered"
        if not last:
            # the first main verb after a quote is the attribution or there is none
            return None
    if tight and not last and not cands:
        # "“…,” Ade answers.": a cue the tagger took for a noun
        for t in stretch[:6]:
            if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in CUE_LEMMAS and \
                    t.lower_.endswith("s") | t.lower_.endswith("ed") | (t.lower_ == "said"):
                return t
    return None


def cue_of_relative(ix, v, seg) -> bool:
    """Is v a cue verb in a relative clause that runs up to the quotation, no other verb between
    them ("…, among them the poet Jo Ade, who wrote [fr] on Sunday, “…”": Ade's words,
    not a verb inside a description of the speaker as in "Ade, who chairs the board, said “…”")?"""
    doc = ix.doc
    if v.dep_ != "relcl" or verb_lemma(v) not in CUE_LEMMAS or not any(
            c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that") for c in v.children):
        return False
    return not any(doc[k].pos_ in ("VERB", "AUX") for k in range(v.i + 1, ix.tok_at(seg.open_start)))


def spoken(ix, seg) -> bool:
    """Does the quotation read as speech (it opens a sentence or follows a colon or dash, and has
    four words or its own comma, question or exclamation mark) rather than a quoted term ("the
    “tip of the iceberg” pierces", "“Harbour Run” mixes")?"""
    words = sum(1 for i in range(seg.t0, seg.t1) if ix.doc[i].is_alpha)
    return seg.full and (words >= 4 or ix.text[seg.end - 1:seg.end] in (",", "?", "!"))


def governs(ix, v, seg) -> bool:
    """Is verb v linked by a dependency arc to a token of seg?"""
    if seg.t0 <= v.head.i < seg.t1:
        return True
    for c in v.children:
        if seg.t0 <= c.i < seg.t1:
            return True
    return False


def title_like(doc, seg) -> bool:
    """A quoted title: a few words, mostly capitalised, no sentence-final punctuation."""
    words = [doc[i] for i in range(seg.t0, seg.t1) if doc[i].is_alpha]
    if not 2 <= len(words) <= 12:
        return False
    last = doc[seg.t1 - 1].text
    if last in (".", "!", "?"):
        return False
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "with", "at", "by"}
    caps = sum(1 for w in words if w.text[0].isupper() or w.lower_ in small)
    return caps >= len(words) and sum(1 for w in words if w.text[0].isupper()) >= 2
