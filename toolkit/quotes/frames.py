"""The reported-speech frame every reported rule ends in: the content span trimmed to its words,
a direct attribution when the content is only a quotation ("Ade said: “…”"), a mixed row when
quoted words sit in the reported clause ("Ade said the plan was “a disaster”"), else an indirect
row.
"""
from __future__ import annotations

import bisect

from .index import add_row
from .speakers import speaker_of


def frame(ix, v, spk_tok, c0, c1, cue, *, how, speaker=None):
    """A reported-speech frame over tokens [c0, c1]: direct attribution of a quote, mixed, or
    indirect (see the module docstring)."""
    doc = ix.doc
    if speaker is None:
        speaker = speaker_of(ix, spk_tok)
    start = doc[c0].idx
    end = doc[c1].idx + len(doc[c1].text)
    inside = runs_inside(ix, start, end)
    if inside and inside[0].start <= start + 1 and inside[0].close_end is not None \
            and (ix.text[inside[0].end - 1] in ",.?!" or ix.text[inside[0].close_end:inside[0].close_end + 1]
                 in (",", ".")) and inside[0].end < end:
        # “…,” promising … (or "…", promising …, the comma after the mark): the complement
        # starts with a whole quotation, the rest is the parser attaching what follows the quote to it
        end = inside[0].end
        c1 = inside[0].t1 - 1
        inside = inside[:1]
    inside_own = [s for s in inside if not outer_claim(ix, s, v, c0, c1, how)]
    if inside and all(s.cue is not None and s.full for s in inside_own) and inside_own and inside[0].start > start:
        # the quotation has its own cue: the frame is only the text before it
        end = inside[0].open_start
        while c1 >= c0 and doc[c1].idx >= end:
            c1 -= 1
        c0, c1 = content_span(ix, c0, c1)
        if c1 < c0 or not any(doc[i].is_alpha for i in range(c0, c1 + 1)):
            return
        start, end = doc[c0].idx, doc[c1].idx + len(doc[c1].text)
        inside = []
    kind = "indirect"
    if inside:
        if only_quoted(ix, inside, c0, c1, start, end):
            # the complement is the quotation itself: "Ade said: “…”"
            for s in inside:
                if s.cue is None or outer_claim(ix, s, v, c0, c1, how):
                    s.cue, s.speaker, s.verb, s.how = cue, speaker, v.i, how
            return
        for s in inside:
            s.absorbed = True
            if s.cue is None or outer_claim(ix, s, v, c0, c1, how):
                s.cue, s.speaker, s.verb, s.how = cue, speaker, v.i, how
        start = min(start, inside[0].open_start)
        last = inside[-1]
        end = max(end, last.close_end if last.close_end is not None and last.end >= end - 1 else last.end)
        kind = "mixed"
    ix.reported_cues.add(v.i)
    add_row(ix, kind, start, end, speaker, cue, how=how, verb=v.i)


def outer_claim(ix, seg, v, c0, c1, how) -> bool:
    """Was quotation seg claimed by the frame of a cue that governs cue v? A reported clause or
    object takes the quotes inside it, those of a cue nested in it too ("Ade reported that sales
    fell and called the slump “brutal”", "urged voters to back Lira, whom she describes as “a
    fighter”"): the nearer cue, v, says them (a cue verb with a clause or object of its own, the
    outer cue outside it: [c0, c1])."""
    if seg.verb is None or seg.verb == v.i or seg.how not in ("clause", "object") or \
            how not in ("clause", "object") or c0 <= seg.verb <= c1:
        return False
    outer = ix.doc[seg.verb]
    return any(a.i == outer.i for a in v.ancestors)


def runs_inside(ix, start: int, end: int) -> list:
    """The quoted runs that overlap [start, end), in order (bisect on the sorted, disjoint runs)."""
    k0 = bisect.bisect_right(ix.seg_starts, end - 1)
    inside = []
    for k in range(k0 - 1, -1, -1):
        s = ix.segs[k]
        if s.end <= start:
            if s.start < start:
                break
            continue
        if s.start < end:
            inside.append(s)
    inside.reverse()
    return inside


def only_quoted(ix, inside, c0, c1, start, end) -> bool:
    """Is the content [c0, c1] nothing but its quotations (a leading "that" aside)?"""
    doc = ix.doc
    quoted = sum(min(s.end, end) - max(s.start, start) for s in inside)
    outside_words = sum(1 for i in range(c0, c1 + 1) if ix.qid[i] < 0 and doc[i].is_alpha
                        and not (doc[i].lower_ == "that" and i == c0))
    return outside_words == 0 or quoted >= 0.95 * (end - start)


def content_span(ix, c0, c1):
    """Trim a token range [c0, c1] to its content: no edge punctuation, no "that", no language tag
    in front ("wrote [fr] that …"; when the parser took the tag for the whole complement, the
    content is the rest of the sentence after it)."""
    doc = ix.doc
    tag = language_tag_end(doc, c0)
    if tag is not None:
        if tag >= c1:
            k = bisect.bisect_right(ix.sent_tok, tag)
            c1 = (ix.sent_tok[k] if k < len(ix.sent_tok) else ix.ntok) - 1
        c0 = tag + 1
    while c0 <= c1 and (doc[c0].is_punct or doc[c0].is_space) and not ix.is_mark[c0]:
        c0 += 1
    if c0 <= c1 and doc[c0].lower_ == "that" and (doc[c0].dep_ == "mark" or tag is not None):
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


def language_tag_end(doc, i: int) -> int | None:
    """The index of the closing bracket of a language tag at token i ("[fr]", "[ru]", or "fr]"
    when the bracket before it fell outside the range), else None."""
    if i < len(doc) and doc[i].text == "[":
        i += 1
    if i + 1 < len(doc) and doc[i].is_alpha and doc[i].is_lower and len(doc[i]) <= 3 and doc[i + 1].text == "]" \
            and i > 0 and doc[i - 1].text == "[":
        return i + 1
    return None
