"""Rule-based quotations and reported speech with their speakers, over parsed spaCy Docs.

``extract_quotes(doc)`` finds three kinds of statement in one article:

- ``direct``: words between quotation marks that someone said or wrote;
- ``mixed``: reported speech that contains a quoted fragment
  (``Trump said the plan was “a disaster”``);
- ``indirect``: reported speech without quotation marks
  (``Rubio reiterated that support remains intact``, ``according to the ministry``).

It needs a Doc from a full pipeline (tagger, parser, NER) and walks its tokens once more; no
second NLP pass, linear in the text (bisect look-ups, bounded windows). The rules:

- quote marks: a one-pass scanner pairs double marks of any glyph (curly, straight, NYT ``''``),
  single marks outside double quotes, reopens multi-paragraph quotes, tolerates stray marks;
- attribution of a quotation: a cue in the stretch right after it (``…,” said X``,
  ``X, who …, said``, ``— X``) or right before it (``X said: “…”``, ``“A,” he said, “B”``),
  or a reported-speech frame whose complement is the quotation; unattributed quotes take the
  speaker of the preceding quote (same chain, or within two paragraphs);
- reported speech: a cue verb (``CUE_LEMMAS``) with a clausal complement or as a parenthetical;
  a speech-act verb (``ACT_LEMMAS``) with its object (``endorsed Clinton``, ``urged him to
  resign``); belief verbs (``BELIEF_LEMMAS``) when their subject is an actor or a pronoun;
  ``according to X``; ``X seems/is expected to …`` (no speaker); ``Name: text`` headings;
- quoted fragments of 1-3 words not governed by a cue, and quoted titles, are not statements.
"""
from __future__ import annotations

import bisect
import re

from .nlp import sentence_starts

__all__ = ["extract_quotes", "scan_quote_marks", "cue_lemma", "CUE_LEMMAS", "ACT_LEMMAS", "BELIEF_LEMMAS"]

# Verbs that report speech or writing. Open-ended on purpose: any verb that governs a
# quotation is a cue too, this list only decides for reported speech without quote marks.
CUE_LEMMAS = frozenset("""
say tell add note write state declare announce explain claim allege deny argue insist warn
reiterate sigh tweet post report confirm admit acknowledge concede assert contend maintain
suggest predict promise pledge vow threaten urge ask answer reply respond recall remark
comment observe complain boast brag joke quip shout yell scream whisper mutter murmur
testify tout charge accuse lament stress emphasize emphasise underscore indicate signal
disclose reveal repeat conclude describe caution advise recommend propose demand estimate
forecast counter retort rebut dispute question wonder speculate hint imply agree disagree
object protest inform assure reassure guarantee swear affirm opine posit confess exclaim
proclaim pronounce email text message blog write muse recount relate mention point
concur allow grant acknowledge caution plead beg vouch attest certify reckon figure
find show read tell reassert restate clarify specify contend charge
""".split())

# Verbs of belief and knowledge: attributions too (PolNeAR annotates them), but only when
# they take a clausal complement with a subject that is a named actor or a pronoun.
BELIEF_LEMMAS = frozenset("""
believe think feel hope fear worry expect know understand realize realise doubt suspect
assume consider recognize recognise see hear learn want
""".split())

# Verbs whose object is what someone said, wanted or stood for ("endorsed Clinton",
# "accused him of lying", "urged him to resign"): attributions with a noun-phrase content.
ACT_LEMMAS = frozenset("""
call describe accuse announce endorse criticize criticise defend urge cite praise propose
refuse support oppose seek offer promise blame reject dismiss attack want plan decline pledge
vow threaten ask demand back condemn slam blast mock question welcome applaud thank predict
admit deny acknowledge confirm reveal express highlight tout push champion advocate favor
favour prefer label dub brand characterize characterise hail laud lambaste chide rebuke
scold fault denounce decry deride ridicule challenge dispute refute concede apologize
congratulate invite encourage order request recommend mention vote hope intend refer warn
complain insist suggest
""".split())


_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
              "thought": "think", "knew": "know", "known": "know", "saw": "see", "seen": "see",
              "heard": "hear", "found": "find", "felt": "feel", "understood": "understand", "swore": "swear",
              "sworn": "swear", "shown": "show", "spoke": "speak", "spoken": "speak", "meant": "mean"}


def cue_lemma(cue: str) -> str:
    """The verb of a one-word cue, so that its forms count together: "said", "says", "saying" ->
    "say"; "claimed" -> "claim". Limits: only the verbs of ``CUE_LEMMAS``, ``BELIEF_LEMMAS`` and
    ``ACT_LEMMAS`` and a few irregular forms; other cues ("according to", ":") come back
    lower-cased as they are."""
    w = str(cue).strip().lower()
    if " " in w or w in _KNOWN_VERBS:
        return w
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    stems = []
    if w.endswith(("ies", "ied")):
        stems.append(w[:-3] + "y")
    if w.endswith("ing"):
        stems += [w[:-3], w[:-3] + "e", w[:-4]]
    if w.endswith(("ed", "es")):
        stems += [w[:-2], w[:-1], w[:-3]]
    if w.endswith(("s", "d")):
        stems.append(w[:-1])
    return next((st for st in stems if st in _KNOWN_VERBS), w)
_EVIDENTIAL = frozenset({"seem", "appear", "expect"})
_KNOWN_VERBS = CUE_LEMMAS | BELIEF_LEMMAS | ACT_LEMMAS | _EVIDENTIAL
_PREPS_ANY = frozenset({"of", "for", "as", "about", "against"})
_PREPS_BY_VERB = {
    "call": frozenset({"on", "out"}), "refer": frozenset({"to"}), "comment": frozenset({"on"}),
    "insist": frozenset({"on"}), "agree": frozenset({"with", "to", "on"}),
    "respond": frozenset({"to"}), "reply": frozenset({"to"}), "point": frozenset({"to"}),
    "hint": frozenset({"at"}), "object": frozenset({"to"}), "speak": frozenset({"out"}),
}
_NOT_SPEAKERS = frozenset("""
update updated watch breaking exclusive video photos photo live note correction listen read
related source sources editor transcript full text abstract subscribe share click see also
q a
""".split())

_PERSON_NOUNS = frozenset("""
minister president spokesman spokeswoman spokesperson official senator governor candidate
nominee secretary chairman chairwoman chair director leader lawmaker legislator congressman
congresswoman representative mayor ambassador diplomat adviser advisor aide analyst expert
economist professor lawyer attorney judge justice chief officer commissioner envoy general
manager founder executive ceo strategist pollster consultant campaigner activist author
writer reporter journalist source premier chancellor king queen prince pope cleric bishop
doctor scientist researcher businessman businesswoman billionaire candidate man woman
father mother son daughter wife husband brother sister owner head deputy
""".split())
_ORG_NOUNS = frozenset("""
ministry government company party campaign agency department group commission office
committee union firm administration council court bank board organization organisation
association authority police army military embassy team club network newspaper paper
magazine website site outlet channel station poll survey study report statement foundation
institute university school regime coalition alliance movement federation bureau service
house senate congress parliament legislature cabinet white
""".split())

_PRONOUN_KINDS = {
    "he": ("person",), "him": ("person",), "she": ("person",), "her": ("person",),
    "i": ("person",), "me": ("person",),
    "they": ("organization", "group", "person"), "them": ("organization", "group", "person"),
    "we": ("organization", "group", "person"), "us": ("organization", "group", "person"),
    "it": ("organization",),
}
_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})

_DASHES = frozenset({"—", "―", "–", "--", "-"})
_FINAL = frozenset({".", "!", "?", ";"})
_QUOTE_CHARS = "\"'“”„‟«»‘’‚‹›`"
_MARK_RE = re.compile(r"\n+|''|``|[\"“”„‟«»‘’‚‹›']")
_OPEN_CONTEXT = set("([{<—–-/\u2015") | set(_QUOTE_CHARS)
_CLOSE_CONTEXT = set(".,;:!?)]}>—–-/…\u2015") | set(_QUOTE_CHARS)

_MAX_STRETCH = 40       # tokens searched for an attribution next to a quote
_MAX_BACK_MENTIONS = 60  # mentions looked at when resolving a pronoun
_FLOAT_PARAGRAPHS = 2   # a floating quote takes the speaker of a quote this close before it


def extract_quotes(doc, mentions=None) -> list[dict]:
    """Quotations and reported statements in one parsed article, sorted by start.

    ``mentions``: the article's entity mentions as dicts with ``start``, ``end`` (char offsets),
    ``label``, ``name`` (canonical name in the article) and ``kind`` (person, organization,
    place, group, other). When None they are built from ``doc.ents``.

    Each row has the keys ``kind`` ("direct", "mixed" or "indirect"), ``text``, ``start``,
    ``end`` (the content without its outer quote marks; ``doc.text[start:end] == text``),
    ``speaker_text``, ``speaker_start``, ``speaker_end`` (the speaker as written, a pronoun or
    a description included; None if not found), ``speaker_name`` (the ``name`` of the mention
    the speaker resolves to, the speaker's own text for a proper noun no mention covers,
    None when unresolved), ``cue``, ``cue_start``, ``cue_end`` (reporting verb or phrase,
    the dash of "— Name"; None for a floating quote), ``sentence`` (index in ``doc.sents``)
    and ``paragraph`` (number of "\\n\\n" before ``start``).

    Limits: English news only; reported speech depends on the parser (a missed clausal
    complement is a missed statement, a wrong attachment a wrong content span); pronouns and
    descriptions ("the minister") resolve to the nearest preceding compatible mention outside
    quotes, without gender or number agreement; a relative pronoun speaker ("who") is given
    as written and named after its antecedent; the pieces of an interrupted quote ("“A,” he
    said, “B.”") and the paragraphs of a multi-paragraph quote are separate rows sharing
    speaker and cue; a floating quote's speaker span points at the earlier mention. Never
    raises on odd input; a Doc without a parse gives quote rows without attributions.
    """
    text = doc.text
    if not text or len(doc) == 0:
        return []
    return _Extractor(doc, mentions).run()


class _Seg:
    """One run of quoted text between two marks (or to a paragraph end)."""

    __slots__ = ("start", "end", "open_start", "close_end", "chain", "double",
                 "t0", "t1", "speaker", "cue", "absorbed", "full")

    def __init__(self, start, end, open_start, close_end, chain, double):
        self.start, self.end = start, end
        self.open_start, self.close_end = open_start, close_end
        self.chain, self.double = chain, double
        self.t0 = self.t1 = 0
        self.speaker = None   # (head token, start, end, name)
        self.cue = None       # (text, start, end)
        self.absorbed = False   # not a statement of its own: scare quote, title, part of mixed
        self.full = True        # begins a sentence or follows a colon, comma, dash or cue


def scan_quote_marks(text: str) -> list[tuple[int, int, int, int | None, int, bool]]:
    """Quoted runs in ``text`` as (start, end, open_start, close_end, chain, double).

    ``start``/``end`` delimit the content without marks; ``close_end`` is None for a run cut
    by a paragraph end (a multi-paragraph quote continues, or a mark is missing). Runs of one
    multi-paragraph quote share ``chain``. Double marks of any glyph pair with each other
    (a curly opening closes with a straight mark); single marks count only outside double
    quotes. One linear pass; never raises.
    """
    out = []
    n = len(text)
    d_open = None   # (content_start, open_start)
    s_open = None
    chain = 0
    cont_chain = None  # chain id the next opening continues, after a cut at a paragraph end
    cur_chain = None

    def emit(cs, ce, os_, close_end, ch, double):
        # strip whitespace so that text never starts or ends with a space
        while cs < ce and text[cs].isspace():
            cs += 1
        while ce > cs and text[ce - 1].isspace():
            ce -= 1
        if ce > cs:
            out.append((cs, ce, os_, close_end, ch, double))

    for m in _MARK_RE.finditer(text):
        i, j = m.start(), m.end()
        g = m.group()
        if g[0] == "\n":
            block_start = j
            if d_open is not None:
                nxt = _next_open_double(text, j)
                if nxt:
                    emit(d_open[0], i, d_open[1], None, cur_chain, True)
                    cont_chain = cur_chain
                elif d_open[2]:
                    # an unclosed quote that began its paragraph: the closing mark is missing
                    emit(d_open[0], i, d_open[1], None, cur_chain, True)
                    cont_chain = None
                else:
                    cont_chain = None
                d_open = None
            else:
                cont_chain = None
            s_open = None
            continue
        prev = text[i - 1] if i > 0 else "\n"
        nxt = text[j] if j < n else "\n"
        can_open = prev.isspace() or prev in _OPEN_CONTEXT
        can_close = nxt.isspace() or nxt in _CLOSE_CONTEXT
        k = i - 1
        while k >= 0 and text[k] in " \t\xa0":
            k -= 1
        at_block_start = k < 0 or text[k] == "\n"
        if g in ("“", "„", "‟", "«", "``"):
            role = "close" if (not can_open and can_close and g != "``") else "open"
            double = True
        elif g in ("”", "»"):
            role = "open" if (can_open and not can_close and (nxt.isalnum())) else "close"
            double = True
        elif g in ('"', "''"):
            double = True
            if can_open and not can_close:
                role = "open"
            elif can_close and not can_open:
                role = "close"
            elif can_open and can_close:
                role = "either"
            else:
                continue  # inside a word: 5"3, or an apostrophe pair
        else:
            double = False
            if g in ("‘", "‚", "‹"):
                if nxt.isspace():
                    continue
                role = "open"
            elif g in ("’", "›"):
                if prev.isspace() or nxt.isalpha():
                    continue  # apostrophe in a word: don’t
                role = "close"
            else:  # straight single quote, mostly apostrophes
                if can_open and nxt.isalpha():
                    role = "open"
                elif prev.isalnum() or prev in ".,!?":
                    if nxt.isalnum():
                        continue
                    role = "close"
                else:
                    continue
        if double:
            if d_open is None:
                if role != "close":
                    if cont_chain is not None and at_block_start:
                        cur_chain = cont_chain
                    else:
                        chain += 1
                        cur_chain = chain
                    cont_chain = None
                    d_open = (j, i, at_block_start)
                    s_open = None
            elif role != "open":
                emit(d_open[0], i, d_open[1], j, cur_chain, True)
                d_open = None
            else:
                # two openings in a row: the first lost its closing mark
                chain += 1
                cur_chain = chain
                d_open = (j, i, at_block_start)
        elif d_open is None:
            if s_open is None:
                if role == "open":
                    s_open = (j, i)
            elif role == "close":
                chain += 1
                emit(s_open[0], i, s_open[1], j, chain, False)
                s_open = None
            elif role == "open":
                s_open = (j, i)
    if d_open is not None and d_open[2]:
        emit(d_open[0], n, d_open[1], None, cur_chain, True)
    return out


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


class _Extractor:
    def __init__(self, doc, mentions):
        self.doc = doc
        self.text = doc.text
        self.ntok = len(doc)
        self.tok_starts = [t.idx for t in doc]
        self.mentions = sorted(_default_mentions(doc) if mentions is None else mentions,
                               key=lambda m: (m["start"], -m["end"]))
        self.m_starts = [m["start"] for m in self.mentions]
        self.surnames = {}
        for m in self.mentions:
            parts = str(m.get("name") or "").lower().split()
            if m.get("kind") == "person" and parts:
                self.surnames.setdefault(parts[-1], m["name"])
        self.sent_starts = []
        self.sent_tok = []
        try:
            for s in doc.sents:
                self.sent_starts.append(s.start_char)
                self.sent_tok.append(s.start)
        except ValueError:  # a Doc without parse or sentence boundaries: one sentence
            self.sent_starts, self.sent_tok = [0], [0]
        self.index_starts = sentence_starts(doc, self.text)  # the sentence numbers of the other tables
        self.par_breaks = []
        p = self.text.find("\n\n")
        while p >= 0:
            self.par_breaks.append(p)
            p = self.text.find("\n\n", p + 2)
        self.qid = [-1] * self.ntok
        self.breaks = [t.i for t in doc if t.is_space and "\n" in t.text]
        self.is_mark = [False] * self.ntok
        for t in doc:
            if t.text and all(c in _QUOTE_CHARS for c in t.text):
                self.is_mark[t.i] = True
        self.segs = []
        for cs, ce, os_, cend, ch, double in scan_quote_marks(self.text):
            s = _Seg(cs, ce, os_, cend, ch, double)
            s.t0 = bisect.bisect_left(self.tok_starts, cs)
            s.t1 = bisect.bisect_left(self.tok_starts, ce)
            if s.t1 <= s.t0:
                continue
            k = len(self.segs)
            for t in range(s.t0, s.t1):
                self.qid[t] = k
            self.segs.append(s)
        self.seg_starts = [s.start for s in self.segs]
        self.reported_cues = set()  # cue tokens of indirect/mixed rows
        self.rows = []

    # ------------------------------------------------------------------ helpers
    def tok_at(self, char: int) -> int:
        """Index of the first token starting at or after char."""
        return bisect.bisect_left(self.tok_starts, char)

    def boundary(self, t) -> bool:
        return t.is_space and "\n" in t.text

    def in_quote_char(self, pos: int) -> bool:
        k = bisect.bisect_right(self.seg_starts, pos) - 1
        return k >= 0 and self.segs[k].start <= pos < self.segs[k].end

    def clip(self, v, c0, c1):
        """Token range [c0, c1] cut to the line of token v (the parser sometimes joins a
        paragraph to the next one); None when nothing is left."""
        k = bisect.bisect_left(self.breaks, v.i)
        lo = self.breaks[k - 1] + 1 if k > 0 else 0
        hi = self.breaks[k] - 1 if k < len(self.breaks) else self.ntok - 1
        c0, c1 = max(c0, lo), min(c1, hi)
        return (c0, c1) if c0 <= c1 else None

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.par_breaks, char - 2)

    def sentence(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.index_starts, char) - 1)

    # ------------------------------------------------------------------ speakers
    def subject(self, v, depth=0):
        """The token naming who speaks through verb v, or None."""
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass") and self.qid[c.i] < 0 and not self.is_mark[c.i]:
                if c.dep_ == "nsubjpass":
                    continue
                return c
        for c in v.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj" and self.qid[g.i] < 0:
                        return g
        p = v.i - 1
        while p >= 0 and self.doc[p].is_space:
            p -= 1
        if p >= 1 and self.doc[p].text == "," and self.is_mark[p - 1]:
            p -= 1  # British style: ”, said X
        if p >= 0 and self.is_mark[p] and v.lemma_.lower() not in ACT_LEMMAS:
            # inverted attribution after a quote: "…,” said Ruto" (the parser may not call
            # Ruto a subject)
            for c in v.rights:
                if (c.dep_ in ("dobj", "attr", "npadvmod", "dative", "appos", "oprd", "nsubj")
                        and c.pos_ in ("PROPN", "NOUN", "PRON", "NUM") and self.qid[c.i] < 0):
                    return c
            if self.is_mark[p] and v.i + 1 < self.ntok:
                # the parser lost the inverted subject: take the noun right after the verb
                c = self.doc[v.i + 1]
                if c.pos_ == "DET" and v.i + 2 < self.ntok:
                    c = self.doc[v.i + 2]
                if c.pos_ in ("PROPN", "NOUN") and self.qid[c.i] < 0:
                    while c.dep_ in ("compound", "flat", "amod") and c.head.i > c.i and \
                            c.head.i - v.i < 6:
                        c = c.head
                    return c
        if depth >= 3 or v.head.i == v.i or self.qid[v.head.i] >= 0:
            return None
        h = v.head
        if v.dep_ in ("conj", "xcomp") and h.pos_ in ("VERB", "AUX"):
            return self.subject(h, depth + 1)
        if v.tag_ == "VBG" and v.dep_ in ("advcl", "pcomp", "acl", "conj"):
            # "…, saying that", "responded by saying", "a statement explaining": the subject
            # of the nearest verb above
            x = h
            for _ in range(3):
                if x.pos_ in ("VERB", "AUX") and self.qid[x.i] < 0:
                    return self.subject(x, depth + 1)
                if x.head.i == x.i:
                    break
                x = x.head
        return None

    def np_span(self, h):
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
                right = c.right_edge.i  # a name with "of" in it: Bureau of Statistics
        doc = self.doc
        for i in range(h.i - 1, left - 1, -1):
            if self.boundary(doc[i]):  # a heading the parser glued to the sentence
                left = i + 1
                break
        while left < h.i and (doc[left].is_punct or self.is_mark[left] or doc[left].is_space):
            left += 1
        while right > h.i and (doc[right].is_punct or doc[right].is_space):
            right -= 1
        # never let the speaker reach into a quotation
        while left < h.i and self.qid[left] >= 0:
            left += 1
        return doc[left].idx, doc[right].idx + len(doc[right].text)

    def speaker_of(self, h):
        """(head, start, end, name) for speaker head token h."""
        if h is None:
            return None
        if h.lower_ in _RELATIVE and h.dep_ in ("nsubj", "nsubjpass"):
            # "Ruto, who chairs the EAC, said": the relative pronoun as written, named by
            # the noun the relative clause hangs on
            v = h.head
            while v.dep_ in ("conj", "xcomp") and v.head.i != v.i:
                v = v.head
            ante = v.head if v.dep_ in ("relcl", "acl") and v.head.i != v.i else None
            name = None
            if ante is not None and ante.i != h.i:
                a0, a1 = self.np_span(ante)
                name = self.resolve(ante, a0, a1)
            return (h, h.idx, h.idx + len(h.text), name)
        start, end = self.np_span(h)
        return (h, start, end, self.resolve(h, start, end))

    def mention_at(self, start, end, head_idx):
        k = bisect.bisect_right(self.m_starts, end - 1)
        best = None
        for j in range(k - 1, max(-1, k - 1 - 8), -1):
            m = self.mentions[j]
            if m["end"] > start and m["start"] < end:
                if m["start"] <= head_idx < m["end"]:
                    return m
                best = best or m
        return best

    def resolve(self, h, start, end):
        m = self.mention_at(start, end, h.idx)
        if m is not None and m.get("kind") not in ("other", None) or (
                m is not None and h.pos_ == "PROPN"):
            return m.get("name")
        low = h.lower_
        kinds = None
        if low in _PRONOUN_KINDS:
            kinds = _PRONOUN_KINDS[low]
        elif h.pos_ == "NOUN":
            definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some", "any")
                           for c in h.lefts)
            lemma = h.lemma_.lower()
            if definite and lemma in _PERSON_NOUNS and h.tag_ != "NNS":
                kinds = ("person",)
            elif definite and lemma in _ORG_NOUNS:
                kinds = ("organization", "place", "group")
        elif h.pos_ == "PROPN":
            # a surname the mentions missed here but name elsewhere in the article
            name = self.surnames.get(h.text.lower())
            return name if name is not None else _clean_name(self.text[start:end])
        if kinds is None:
            return None
        k = bisect.bisect_left(self.m_starts, start)
        seen = 0
        for j in range(k - 1, -1, -1):
            m = self.mentions[j]
            if m["end"] > start:
                continue
            seen += 1
            if seen > _MAX_BACK_MENTIONS:
                break
            if m.get("kind") in kinds and not self.in_quote_char(m["start"]):
                return m.get("name")
        return None

    # ------------------------------------------------------------------ cues
    def cue_span(self, v):
        """(text, start, end) of a cue verb, with an adjacent particle ("point out")."""
        start, end = v.idx, v.idx + len(v.text)
        for c in v.rights:
            if c.dep_ == "prt" and c.i == v.i + 1:
                end = c.idx + len(c.text)
        if v.lower_ == "according":
            for c in v.rights:
                if c.lower_ == "to":
                    end = c.idx + len(c.text)
        return (self.text[start:end], start, end)

    def governs(self, v, seg) -> bool:
        """Is verb v linked by a dependency arc to a token of seg?"""
        if seg.t0 <= v.head.i < seg.t1:
            return True
        for c in v.children:
            if seg.t0 <= c.i < seg.t1:
                return True
        return False

    def stretch_after(self, seg):
        if seg.close_end is None:
            return []
        i = self.tok_at(seg.close_end)
        out = []
        doc = self.doc
        while i < self.ntok and len(out) < _MAX_STRETCH:
            t = doc[i]
            if self.boundary(t) or self.qid[i] >= 0:
                break
            if self.is_mark[i] and out and not out[-1].is_punct:
                break
            if self.is_mark[i] and i + 1 < self.ntok and self.qid[i + 1] >= 0:
                break
            if t.text in _FINAL:
                break
            out.append(t)
            i += 1
        return out

    def stretch_before(self, seg):
        i = self.tok_at(seg.open_start) - 1
        out = []
        doc = self.doc
        while i >= 0 and len(out) < _MAX_STRETCH:
            t = doc[i]
            if self.qid[i] >= 0 or (t.text in _FINAL and out):
                break
            if self.boundary(t):
                if out:
                    break
                # "he declared:" closing the paragraph before a quote paragraph
                k = i - 1
                while k >= 0 and doc[k].is_space:
                    k -= 1
                if k >= 0 and doc[k].text == ":" and self.qid[k] < 0:
                    i = k
                    continue
                break
            out.append(t)
            i -= 1
        out.reverse()
        while out and (out[0].text in _FINAL or out[0].is_space or self.is_mark[out[0].i]):
            out.pop(0)
        return out

    def in_subject_clause(self, t, stretch_ids) -> bool:
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

    def find_cue(self, seg, stretch, tight: bool, last: bool):
        """The reporting verb in a stretch next to a quote, or None."""
        ids = {t.i for t in stretch}
        cands = [t for t in stretch if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux"
                 and t.dep_ != "auxpass"]
        if last:
            cands.reverse()
        for v in cands:
            if self.in_subject_clause(v, ids):
                continue
            lemma = v.lemma_.lower()
            if lemma in CUE_LEMMAS or (self.governs(v, seg) and tight and v.pos_ == "VERB"):
                return v
            if not last:
                # the first main verb after a quote is the attribution or there is none
                return None
        if tight and not last and not cands:
            # "“…,” Bozell answers.": a cue the tagger took for a noun
            for t in stretch[:6]:
                if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in CUE_LEMMAS and \
                        t.lower_.endswith("s") | t.lower_.endswith("ed") | (t.lower_ == "said"):
                    return t
        return None

    # ------------------------------------------------------------------ passes
    def run(self):
        # reported speech first: a quote inside a reported clause makes it a mixed quote
        self.reported_speech()
        self.classify_quotes()
        self.direct_quotes()
        rows = self.rows
        rows.sort(key=lambda r: (r["start"], r["end"]))
        return rows

    def add_row(self, kind, start, end, speaker, cue):
        text = self.text
        row = {
            "kind": kind, "text": text[start:end], "start": start, "end": end,
            "speaker_text": None, "speaker_start": None, "speaker_end": None,
            "speaker_name": None, "cue": None, "cue_start": None, "cue_end": None,
            "sentence": self.sentence(start), "paragraph": self.paragraph(start),
        }
        if speaker is not None:
            _, s0, s1, name = speaker
            row.update(speaker_text=text[s0:s1], speaker_start=s0, speaker_end=s1,
                       speaker_name=name)
        if cue is not None:
            row.update(cue=cue[0], cue_start=cue[1], cue_end=cue[2])
        self.rows.append(row)

    def content_span(self, c0, c1):
        """Trim a token range [c0, c1] to its content: no edge punctuation, no "that"."""
        doc = self.doc
        while c0 <= c1 and (doc[c0].is_punct or doc[c0].is_space) and not self.is_mark[c0]:
            c0 += 1
        if c0 <= c1 and doc[c0].lower_ == "that" and doc[c0].dep_ == "mark":
            c0 += 1
        while c1 >= c0 and (doc[c1].is_punct or doc[c1].is_space) and not self.is_mark[c1]:
            if doc[c1].text in ")]" and any(doc[i].text in "([" for i in range(max(c0, c1 - 30), c1)):
                break  # keep a bracket the content opened
            c1 -= 1
        # "… backed by Rwanda—an accusation Kigali denies": an apposition after a dash
        # comments on the statement, it is not part of it
        for i in range(c0 + 1, c1):
            if doc[i].text in ("—", "–", "--") and self.qid[i] < 0:
                nxt = doc[i + 1]
                while nxt.dep_ == "det" and nxt.i < c1:
                    nxt = doc[nxt.i + 1]
                if nxt.dep_ == "appos" and nxt.right_edge.i >= c1:
                    c1 = i - 1
                    break
        return c0, c1

    def reported_speech(self):
        """Cue verbs with a clausal complement, parentheticals and "according to"."""
        doc = self.doc
        qid = self.qid
        for v in doc:
            if qid[v.i] >= 0:
                continue
            lower = v.lower_
            if lower == "according":
                self.according(v)
                continue
            if v.pos_ not in ("VERB", "AUX"):
                continue
            if self.after_quote(v) or self.before_quote(v):
                continue  # the quote's own cue, found with the quote
            lemma = v.lemma_.lower()
            if lemma in _EVIDENTIAL:
                self.evidential(v, lemma)
                continue
            belief = lemma in BELIEF_LEMMAS
            act = lemma in ACT_LEMMAS
            if lemma not in CUE_LEMMAS and not belief and not act:
                continue
            span = self.clausal_complement(v)
            if span is None and act and v.tag_ != "VBN" or (span is None and lemma in (
                    "call", "ask", "urge", "accuse")):
                span = self.np_complement(v, lemma)
            if span is None:
                continue
            spk_tok = self.subject(v)
            if belief and not act and (
                    spk_tok is None or spk_tok.pos_ not in ("PROPN", "PRON", "NOUN")):
                continue
            c0, c1 = self.content_span(*span)
            if c1 < c0 or not any(doc[i].is_alpha for i in range(c0, min(c1 + 1, c0 + 50))):
                continue
            self.frame(v, spk_tok, c0, c1, self.cue_span(v))
        self.headline_speakers()

    def after_quote(self, v) -> bool:
        """Does v attribute the quotation right before it ("“…,” said X", "“…?” Todd asked
        him", "“…,” Ruto, who chairs the EAC, said")?"""
        doc = self.doc
        p = v.i - 1
        steps = 0
        while p >= 0 and steps < 12 and not self.is_mark[p]:
            t = doc[p]
            if t.text in _FINAL or self.boundary(t) or self.qid[p] >= 0:
                return False
            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("relcl", "acl", "aux", "auxpass",
                                                            "amod"):
                return False
            p -= 1
            steps += 1
        if p < 1 or not self.is_mark[p] or self.qid[p - 1] < 0:
            return False
        seg = self.segs[self.qid[p - 1]]
        return seg.close_end is not None and self.text[seg.end - 1] in ",?!—–-"

    def before_quote(self, v) -> bool:
        """Is v followed by a colon and a quotation ("she said on Tuesday: “…”")?"""
        doc = self.doc
        for i in range(v.i + 1, min(v.i + 5, self.ntok)):
            if doc[i].text == ":":
                j = i + 1
                while j < self.ntok and doc[j].is_space:
                    j += 1
                return j < self.ntok and self.is_mark[j] and j + 1 < self.ntok and \
                    self.qid[j + 1] >= 0
            if doc[i].is_punct or self.qid[i] >= 0:
                return False
        return False

    def clausal_complement(self, v):
        """Token range of the clause v reports: its ccomp, or the host clause of a
        parenthetical ("The economy, he said, is fine")."""
        best = span = None
        for c in v.children:
            if c.dep_ != "ccomp":
                continue
            sp = self.clip(v, c.left_edge.i, c.right_edge.i)
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
            span = self.clip(v, c0, c1)
        return span

    def np_complement(self, v, lemma):
        """Token range of what a speech-act verb takes as object: "endorsed Clinton",
        "accused him of lying", "called Trump a fascist", "urged him to resign"."""
        preps = _PREPS_ANY | _PREPS_BY_VERB.get(lemma, frozenset())
        lo = hi = None
        for c in v.rights:
            if self.qid[c.i] >= 0 and c.dep_ not in ("dobj", "xcomp", "oprd", "ccomp"):
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
        return self.clip(v, lo, hi)

    def evidential(self, v, lemma):
        """"X seems to …", "X is expected to …": an attribution without a source."""
        comp = next((c for c in v.rights if c.dep_ in ("xcomp", "acomp", "attr", "oprd",
                                                          "ccomp")), None)
        if comp is None:
            return
        if lemma == "expect" and not any(c.dep_ == "auxpass" for c in v.lefts):
            return
        subj = next((c for c in v.lefts if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        c0 = subj.left_edge.i if subj is not None else v.i + 1
        span = self.clip(v, c0, comp.right_edge.i)
        if span is None:
            return
        c0, c1 = self.content_span(*span)
        if c1 - c0 < 2:
            return
        self.frame(v, None, c0, c1, self.cue_span(v))

    def headline_speakers(self):
        """"Pence: Flowers Won't Be at Debate" and transcripts ("KERRY: Well, …"): a name
        opening a paragraph, then a colon, then what the named one says."""
        doc = self.doc
        starts = [0] + [b + 1 for b in self.breaks]
        for k, t0 in enumerate(starts):
            t_end = self.breaks[k] if k < len(self.breaks) else self.ntok
            i = t0
            while i < t_end and (doc[i].is_space or self.is_mark[i]):
                i += 1
            j = i
            while j < t_end and j - i < 5 and doc[j].text != ":":
                t = doc[j]
                if not (t.is_title or t.is_upper or t.text in (".", "'s", "’s", "-")):
                    break
                j += 1
            if j == i or j >= t_end or doc[j].text != ":" or t_end - j < 4:
                continue
            if doc[i].lower_ in _NOT_SPEAKERS or doc[j - 1].lower_ in _NOT_SPEAKERS or \
                    not any(doc[x].pos_ == "PROPN" or doc[x].is_upper for x in range(i, j)):
                continue
            if any(self.qid[x] >= 0 for x in range(i, j)):
                continue
            c0, c1 = self.content_span(j + 1, t_end - 1)
            if c1 - c0 < 2:
                continue
            if doc[c1].text == "." and not self.is_mark[c1]:
                c1 -= 1
            head = doc[j - 1]
            colon = doc[j]
            self.frame(colon, head, c0, c1, (colon.text, colon.idx, colon.idx + 1),
                       speaker=(head, doc[i].idx, head.idx + len(head.text),
                                self.resolve(head, doc[i].idx, head.idx + len(head.text))))

    def according(self, v):
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
        k = bisect.bisect_right(self.sent_tok, v.i) - 1
        c0 = self.sent_tok[k]
        c1 = (self.sent_tok[k + 1] if k + 1 < len(self.sent_tok) else self.ntok) - 1
        p0, p1 = v.left_edge.i, max(v.right_edge.i, to.right_edge.i)
        if p0 <= c0 + 1:
            c0 = p1 + 1
        elif p1 >= c1 - 1:
            c1 = p0 - 1
        span = self.clip(v, c0, c1)
        if span is None:
            return
        c0, c1 = self.content_span(*span)
        if c1 < c0 or c1 - c0 < 2:
            return
        cue = self.cue_span(v)
        self.frame(v, src, c0, c1, cue)

    def frame(self, v, spk_tok, c0, c1, cue, speaker=None):
        """A reported-speech frame: direct attribution of a quote, mixed, or indirect."""
        doc = self.doc
        if speaker is None:
            speaker = self.speaker_of(spk_tok)
        start = doc[c0].idx
        end = doc[c1].idx + len(doc[c1].text)
        k0 = bisect.bisect_right(self.seg_starts, end - 1)
        inside = []
        for k in range(k0 - 1, -1, -1):
            s = self.segs[k]
            if s.end <= start:
                # segments are sorted and disjoint
                if s.start < start:
                    break
                continue
            if s.start < end:
                inside.append(s)
        inside.reverse()
        if inside and inside[0].start <= start + 1 and inside[0].close_end is not None \
                and self.text[inside[0].end - 1] in ",.?!" and inside[0].end < end:
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
            c0, c1 = self.content_span(c0, c1)
            if c1 < c0 or not any(doc[i].is_alpha for i in range(c0, c1 + 1)):
                return
            start, end = doc[c0].idx, doc[c1].idx + len(doc[c1].text)
            inside = []
        if inside:
            quoted = sum(min(s.end, end) - max(s.start, start) for s in inside)
            outside_words = 0
            for i in range(c0, c1 + 1):
                t = doc[i]
                if self.qid[i] < 0 and t.is_alpha and not (t.lower_ == "that" and i == c0):
                    outside_words += 1
            if outside_words == 0 or quoted >= 0.95 * (end - start):
                # the complement is the quotation itself: "Ruto said: “…”"
                for s in inside:
                    if s.cue is None:
                        s.cue, s.speaker = cue, speaker
                return
            for s in inside:
                s.absorbed = True
                if s.cue is None:
                    s.cue, s.speaker = cue, speaker
            start = min(start, inside[0].open_start)
            last = inside[-1]
            if last.close_end is not None and last.end >= end - 1:
                end = max(end, last.close_end)
            else:
                end = max(end, last.end)
            kind = "mixed"
        else:
            kind = "indirect"
        self.reported_cues.add(v.i)
        self.add_row(kind, start, end, speaker, cue)

    def classify_quotes(self):
        """Tell statements from fragments; drop scare quotes and quoted titles."""
        doc = self.doc
        for seg in self.segs:
            words = sum(1 for i in range(seg.t0, seg.t1) if doc[i].is_alpha)
            prev = self.tok_at(seg.open_start) - 1
            while prev >= 0 and doc[prev].is_space and "\n" not in doc[prev].text:
                prev -= 1
            pt = doc[prev] if prev >= 0 else None
            # a quote that begins a sentence, follows a colon/comma/dash or a reporting verb is
            # a statement; one in the middle of a clause is a fragment (title, scare quote)
            seg.full = (pt is None or self.boundary(pt) or pt.text in _FINAL or pt.text in ":,("
                        or pt.text in _DASHES or self.qid[prev] >= 0 or self.is_mark[prev]
                        or (pt.pos_ == "VERB" and pt.lemma_.lower() in CUE_LEMMAS))
            if seg.absorbed or seg.cue is not None:
                continue
            if not seg.full and words <= 3:
                seg.absorbed = True  # scare quote
            elif _title_like(doc, seg):
                seg.absorbed = True

    def direct_quotes(self):
        doc = self.doc
        segs = self.segs
        for seg in segs:
            if not seg.absorbed and seg.cue is None and seg.speaker is None:
                words = sum(1 for i in range(seg.t0, seg.t1) if doc[i].is_alpha)
                if seg.full or words >= 4:
                    self.attribute(seg)
        # a multi-paragraph quote shares the attribution found in any of its paragraphs
        by_chain = {}
        for seg in segs:
            if not seg.absorbed and seg.double and seg.cue is not None:
                by_chain.setdefault(seg.chain, seg)
        last = None
        for seg in segs:
            if seg.absorbed:
                if seg.speaker is not None and seg.cue is not None:
                    last = seg  # a mixed quote's speaker goes on talking in the next quotes
                continue
            if seg.cue is None and seg.speaker is None:
                src = by_chain.get(seg.chain) if seg.double else None
                if src is not None:
                    seg.cue, seg.speaker = src.cue, src.speaker
                elif last is not None and seg.full and \
                        self.paragraph(seg.start) - self.paragraph(last.start) <= _FLOAT_PARAGRAPHS:
                    seg.speaker = last.speaker  # floating quote
                    if self.paragraph(seg.start) == self.paragraph(last.start):
                        # “A,” said X. “B.”: one statement around one cue
                        seg.cue = last.cue
            if seg.speaker is not None:
                last = seg
            words = sum(1 for i in range(seg.t0, seg.t1) if doc[i].is_alpha)
            if seg.cue is None and seg.speaker is None and (not seg.full or words < 4):
                continue
            self.add_row("direct", seg.start, seg.end, seg.speaker, seg.cue)

    def attribute(self, seg):
        """Cue and speaker next to a quotation: after it ("…,” said X", "… — X"), else
        before it ("X said: “…”", "“A,” he said, “B”")."""
        doc = self.doc
        content_last = self.text[seg.end - 1] if seg.end > seg.start else ""
        after = self.stretch_after(seg)
        if after:
            first = after[0]
            open_end = content_last in ",?!—–-…:" or first.text in (",",) or first.text in _DASHES \
                or (first.is_lower and first.is_alpha) or content_last not in ".!?"
            if open_end:
                if first.text in _DASHES and len(after) > 1 and after[1].pos_ == "PROPN":
                    # "… — Ruto"
                    h = after[1]
                    while h.head.i != h.i and h.head.i in {t.i for t in after} and h.dep_ in (
                            "compound", "flat"):
                        h = h.head
                    if all(t.pos_ in ("PROPN", "PUNCT", "SPACE") for t in after[1:]) or \
                            h.ent_type_ in ("PERSON", "ORG"):
                        seg.cue = (first.text, first.idx, first.idx + len(first.text))
                        seg.speaker = self.speaker_of(h)
                        return
                v = self.find_cue(seg, after, tight=True, last=False)
                if v is not None and v.i not in self.reported_cues:
                    self.set_from_verb(seg, v)
                    return
        before = self.stretch_before(seg)
        if before:
            lastt = before[-1]
            if lastt.text in (":", ",") or (lastt.pos_ == "VERB") or lastt.text in _DASHES:
                v = self.find_cue(seg, before, tight=lastt.text in ":,", last=True)
                if v is not None and v.i not in self.reported_cues:
                    self.set_from_verb(seg, v)
                    return

    def set_from_verb(self, seg, v):
        seg.cue = self.cue_span(v)
        if v.lower_ == "according":
            to = next((c for c in v.children if c.lower_ == "to"), None)
            src = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            seg.speaker = self.speaker_of(src)
        else:
            h = self.subject(v)
            if h is None:
                h = self.nearby_noun(v)
            seg.speaker = self.speaker_of(h)

    def nearby_noun(self, v):
        """The speaker next to a cue the parser did not link: the closest name or noun
        before it (after a quote), else right after it."""
        doc = self.doc
        for i in range(v.i - 1, max(-1, v.i - 7), -1):
            t = doc[i]
            if self.is_mark[i] or self.qid[i] >= 0 or self.boundary(t) or t.text in _FINAL:
                break
            if t.pos_ in ("PROPN", "NOUN", "PRON") and t.dep_ != "compound":
                return t
        for i in range(v.i + 1, min(self.ntok, v.i + 4)):
            t = doc[i]
            if self.is_mark[i] or self.qid[i] >= 0 or t.is_punct:
                break
            if t.pos_ in ("PROPN", "NOUN", "PRON"):
                while t.dep_ in ("compound", "flat") and t.head.i > t.i and t.head.i - i < 4:
                    t = t.head
                return t
        return None


def _title_like(doc, seg) -> bool:
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


def _clean_name(s: str) -> str:
    s = s.strip()
    if s.lower().startswith("the "):
        s = s[4:]
    for suf in ("'s", "’s"):
        if s.endswith(suf):
            s = s[: -len(suf)]
    return s.strip()


_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
          "FAC": "place", "NORP": "group"}


def _default_mentions(doc) -> list[dict]:
    return [{"start": e.start_char, "end": e.end_char, "label": e.label_,
             "name": _clean_name(e.text), "kind": _KINDS.get(e.label_, "other")}
            for e in doc.ents]
