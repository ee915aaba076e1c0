"""Quotation marks: a one-pass scanner that pairs double marks of any glyph (curly, straight, the
doubled ``''`` of some wire copy), single marks outside double quotes, reopens quotes that run over
several paragraphs (also where the paragraph break between them was lost: "“A.  “B.”") and
tolerates stray or missing marks.
"""
from __future__ import annotations

import re


QUOTE_CHARS = "\"'“”„‟«»‘’‚‹›`"
_MARK_RE = re.compile(r"\n+|''|``|[\"“”„‟«»‘’‚‹›']")
_OPEN_CONTEXT = set("([{<—–-/\u2015") | set(QUOTE_CHARS)
INNER_QUOTE_CHARS = 2000  # a quote within a quote is looked for this far
_CLOSE_CONTEXT = set(".,;:!?)]}>—–-/…\u2015") | set(QUOTE_CHARS)


class Seg:
    """One run of quoted text between two marks (or to a paragraph end)."""

    __slots__ = ("start", "end", "open_start", "close_end", "chain", "double",
                 "t0", "t1", "speaker", "cue", "absorbed", "full", "verb", "how")

    def __init__(self, start, end, open_start, close_end, chain, double):
        self.start, self.end = start, end
        self.open_start, self.close_end = open_start, close_end
        self.chain, self.double = chain, double
        self.t0 = self.t1 = 0
        self.speaker = None   # (head token, start, end, name)
        self.cue = None       # (text, start, end)
        self.absorbed = False   # not a statement of its own: scare quote, title, part of mixed
        self.full = True        # begins a sentence or follows a colon, comma, dash or cue
        self.verb = None        # token index of the cue verb, when the cue is a verb
        self.how = None         # the rule that attributed the run


def scan_quote_marks(text: str) -> list[tuple[int, int, int, int | None, int, bool]]:
    """Quoted runs in ``text`` as (start, end, open_start, close_end, chain, double).

    ``start``/``end`` delimit the content without marks; ``close_end`` is None for a run cut
    by a paragraph end (a multi-paragraph quote continues, or a mark is missing). Runs of one
    multi-paragraph quote share ``chain``. Double marks of any glyph pair with each other
    (a curly opening closes with a straight mark), except a curly pair inside a straight quote,
    which is a quote within the quote ("PENCE: She thinks this is “a show” and …"); single marks
    count only outside double quotes. One linear pass; never raises.
    """
    return _Scanner(text).run()


class _Scanner:
    """The state of one pass of :func:`scan_quote_marks`."""

    def __init__(self, text: str):
        self.text, self.n, self.out = text, len(text), []
        self.d_open = None   # (content_start, open_start, at_block_start, glyph)
        self.s_open = None
        self.chain = 0
        self.cont_chain = None  # chain id the next opening continues, after a cut at a paragraph end
        self.cur_chain = None
        self.skip_to = -1       # marks before this offset belong to a quote within the quote

    def run(self):
        text = self.text
        for m in _MARK_RE.finditer(text):
            i, j = m.start(), m.end()
            g = m.group()
            if g[0] == "\n":
                self.newline(i, j)
                continue
            if i < self.skip_to:
                continue
            prev = text[i - 1] if i > 0 else "\n"
            nxt = text[j] if j < self.n else "\n"
            k = i - 1
            while k >= 0 and text[k] in " \t\xa0":
                k -= 1
            role, double = mark_role(g, prev, nxt)
            if role is None:
                continue
            if double:
                self.double(g, i, j, role, k < 0 or text[k] == "\n")
            elif self.d_open is None:
                self.single(i, j, role)
        if self.d_open is not None and self.d_open[2]:
            self.emit(self.d_open[0], self.n, self.d_open[1], None, self.cur_chain, True)
        return self.out

    def emit(self, cs, ce, os_, close_end, ch, double):
        # strip whitespace so that text never starts or ends with a space
        text = self.text
        while cs < ce and text[cs].isspace():
            cs += 1
        while ce > cs and text[ce - 1].isspace():
            ce -= 1
        if ce > cs:
            self.out.append((cs, ce, os_, close_end, ch, double))

    def newline(self, i, j):
        d = self.d_open
        self.cont_chain = None
        if d is not None:
            if _next_open_double(self.text, j):
                self.emit(d[0], i, d[1], None, self.cur_chain, True)
                self.cont_chain = self.cur_chain
            elif d[2]:
                # an unclosed quote that began its paragraph: the closing mark is missing
                self.emit(d[0], i, d[1], None, self.cur_chain, True)
            self.d_open = None
        self.s_open = None
        self.skip_to = -1

    def double(self, g, i, j, role, at_block_start):
        d = self.d_open
        if d is None:
            if role != "close":
                if self.cont_chain is not None and at_block_start:
                    self.cur_chain = self.cont_chain
                else:
                    self.chain += 1
                    self.cur_chain = self.chain
                self.cont_chain = None
                self.d_open = (j, i, at_block_start, g)
                self.s_open = None
        elif role != "open":
            self.emit(d[0], i, d[1], j, self.cur_chain, True)
            self.d_open = None
        elif d[3] in ('"', "''") and g == "“" and self.inner_close(j) is not None:
            self.skip_to = self.inner_close(j) + 1  # a curly quote within a straight one
        elif self.run_on_paragraph(d, i):
            # 'said: "A sentence. "Another one."': two paragraphs of one quote run together (the
            # paragraph break lost, as in some archives): the first ends there, the second continues
            self.emit(d[0], i, d[1], None, self.cur_chain, True)
            self.d_open = (j, i, at_block_start, g)
        else:
            # two openings in a row: the first lost its closing mark
            self.chain += 1
            self.cur_chain = self.chain
            self.d_open = (j, i, at_block_start, g)

    def run_on_paragraph(self, d, i) -> bool:
        """Does the opening mark at i follow a finished sentence of the open quote d ("… end. “Next")?"""
        text = self.text
        k = i - 1
        while k > d[0] and text[k] in " \t\xa0":
            k -= 1
        return k > d[0] and k < i - 1 and text[k] in ".!?…"

    def inner_close(self, j):
        """Offset of the curly closing mark soon after j on the same line, before any straight mark
        (a bounded look: the pass stays linear)."""
        text = self.text
        k = text.find("”", j, j + INNER_QUOTE_CHARS)
        if k < 0 or text.find("\n", j, k) >= 0 or text.find('"', j, k) >= 0:
            return None
        return k

    def single(self, i, j, role):
        if self.s_open is None:
            if role == "open":
                self.s_open = (j, i)
        elif role == "close":
            self.chain += 1
            self.emit(self.s_open[0], i, self.s_open[1], j, self.chain, False)
            self.s_open = None
        elif role == "open":
            self.s_open = (j, i)


def _next_open_double(text: str, j: int) -> bool:
    """Does the paragraph starting at j open with a double quotation mark?"""
    k = j
    n = len(text)
    while k < n and text[k] in " \t\xa0":
        k += 1
    if k >= n:
        return False
    c = text[k]
    return c in "“„‟«\"" or text.startswith("''", k) or text.startswith("``", k) or (
        c == "”" and k + 1 < n and text[k + 1].isalnum())


def mark_role(g: str, prev: str, nxt: str) -> tuple[str | None, bool]:
    """(role, double) of quote mark ``g`` between the characters ``prev`` and ``nxt``: role
    "open", "close", "either" (a straight mark with space or punctuation on both sides), or None
    for a mark that is no quotation mark (an apostrophe in "don’t", inches in 5"3)."""
    can_open = prev.isspace() or prev in _OPEN_CONTEXT
    can_close = nxt.isspace() or nxt in _CLOSE_CONTEXT
    if g in ("“", "„", "‟", "«", "``"):
        return ("close" if (not can_open and can_close and g != "``") else "open"), True
    if g in ("”", "»"):
        return ("open" if (can_open and not can_close and nxt.isalnum()) else "close"), True
    if g in ('"', "''"):
        if can_open and not can_close:
            return "open", True
        if can_close and not can_open:
            return "close", True
        return ("either" if can_open and can_close else None), True
    if g in ("‘", "‚", "‹"):
        return (None if nxt.isspace() else "open"), False
    if g in ("’", "›"):
        return (None if prev.isspace() or nxt.isalpha() else "close"), False  # don’t: an apostrophe
    # a straight single quote, mostly apostrophes
    if can_open and nxt.isalpha():
        return "open", False
    if prev.isalnum() or prev in ".,!?":
        return (None if nxt.isalnum() else "close"), False
    return None, False
