"""Rows that are never attributions, removed after the rules have run:

- headings and labels: a row that starts in a heading line ("READ MORE", "Energy Prices Rise",
  the headline and sub-headline that open an article);
- credits and stage directions: "Follow Jo Ade on Twitter", "(APPLAUSE)";
- the reporter's questions: "Asked about the budget, she said …" (the "asked" row), and in an
  interview or transcript the lines of the interviewer ("Q: Why now?"): a label whose every
  line is a question (but a statement that opens such a line stays, up to the question), and
  any labelled line that is only questions;
- a row nested in another row's content ("“… she told me she would go,” he said": one statement).
"""
from __future__ import annotations

import re

from .. import wordlists
from .acts import verb_act
from .lexicon import QUESTION_LEMMAS, verb_lemma

CREDIT_OPENERS = wordlists.words("credit_openers")
HEADING_WORDS = 15        # a line of at most this many words without final punctuation is a heading
HEADLINE_WORDS = 20       # the article's first paragraph, when this short, is its headline
HEADLINE_PARAGRAPHS = 3
HEADLINE_ECHO = 0.6       # share of a headline's longer words that its story repeats
INTERVIEWER_SHARE = 0.8   # a label whose lines are questions this often is the interviewer
_FINAL = tuple(".!?:;\"'”’»)…")
_WORD = re.compile(r"\w+")
_NOT_HEADING = re.compile(r"[@#]|https?:|www\.|[\"“”«»]")


def heading_lines(ix) -> list[tuple[int, int]]:
    """Character spans of the heading lines of the text: short lines without final punctuation,
    the article's headline (:func:`headline`, or a first line in headline style: "Senator backs
    plan.", or in headlinese: :func:`headlinese`), headline-style lines among the first paragraphs after a heading (a deck under the
    headline)."""
    text = ix.text
    lines = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line), line.strip()))
        pos += len(line) + 1
    out = []
    paragraph = 0
    for k, (a, b, t) in enumerate(lines):
        if k and "\n\n" in text[lines[k - 1][1]:a]:
            paragraph += 1
        n = len(_WORD.findall(t))
        if n <= HEADING_WORDS and not t.endswith(_FINAL) and not _NOT_HEADING.search(t):
            out.append((a, b))
        elif k < 2 and paragraph == 0 and n <= HEADLINE_WORDS and (
                headline(ix, lines, k) or (k + 1 < len(lines) and headline_style(ix, a))
                or (k == 0 and headlinese(ix, lines))
                or (k == 1 and out == [lines[0][:2]])):  # the second line of a headline (a deck)
            out.append((a, b))
        elif out and paragraph < HEADLINE_PARAGRAPHS and n <= HEADLINE_WORDS and headline_style(ix, a):
            out.append((a, b))
    return out


def headline(ix, lines, k) -> bool:
    """Is line k (of the first two) the article's headline or sub-headline? It is followed by
    more text and is in title case ("Talks Resume In Geneva"), or most of its words come back in
    the two paragraphs after the first blank line, as a headline's do in the story it tops."""
    text = ix.text
    a, b, t = lines[k]
    if k + 1 >= len(lines):
        return False
    words = [w for w in _WORD.findall(t) if len(w) > 3]
    if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
        return True
    blank = text.find("\n\n", a)
    if blank < 0:
        return False
    nxt = [p for p in text[blank:].split("\n\n") if p.strip()][:2]
    later = {w.lower() for w in _WORD.findall(" ".join(nxt))}
    return bool(words) and sum(w.lower() in later for w in words) >= HEADLINE_ECHO * len(words)


def headlinese(ix, lines) -> bool:
    """Is the first line, a paragraph of its own, a headline in sentence case: the present tense of
    a past event or a "Name: …" label ("Mayor backs plan for new bridge.", "Ade: We will win."),
    with most of its longer words (by their first five letters) coming back in the three paragraphs
    after it? A lead sentence reports in the past tense ("Ade said on Monday …")."""
    text = ix.text
    a, b, t = lines[0]
    if len(lines) < 2 or "\n\n" not in text[b:lines[1][0]]:
        return False
    i, j = ix.tok_at(a), ix.tok_at(b)
    toks = [x for x in ix.doc[i:j] if not x.is_space]
    label = re.match(r"^[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}: ", t) is not None
    present = any(x.dep_ == "ROOT" and x.tag_ == "VBZ" for x in toks)
    if not (label or present):
        return False
    words = [w.lower()[:5] for w in _WORD.findall(t) if len(w) > 3]
    nxt = " ".join([p for p in text[b:].split("\n\n") if p.strip()][:3])
    later = {w.lower()[:5] for w in _WORD.findall(nxt)}
    return bool(words) and sum(w in later for w in words) >= HEADLINE_ECHO * len(words)


def headline_style(ix, start: int) -> bool:
    """Does the line at ``start`` open with a bare singular noun as its subject, as headlines do
    ("Senator backs plan", "Minister says talks will resume")?"""
    i = ix.tok_at(start)
    if i >= ix.ntok:
        return False
    t = ix.doc[i]
    return t.tag_ == "NN" and t.is_title and t.dep_ in ("nsubj", "ROOT", "compound") and not any(
        c.dep_ == "det" for c in t.children)


def is_credit(text: str) -> bool:
    """A credit line, call to action or stage direction: "Photo: Jo Ade", "(CROSSTALK)"."""
    body = text.strip()
    if body[:1] in "([" and body.rstrip(".")[-1:] in ")]":
        return True
    words = _WORD.findall(body)
    return bool(words) and words[0].lower() in CREDIT_OPENERS and len(words) <= 20


def only_questions(text: str) -> bool:
    """Is ``text`` one or more questions and nothing else ("Why now? Who decided?")?"""
    body = text.strip().rstrip("\"'”’ ")
    if not body.endswith("?"):
        return False
    return not re.search(r"[.!](\s|$)", body)


def reporters_question(ix, row) -> bool:
    """"Asked about the vote, she said …", "When asked whether …": a participle "asked" without its
    own subject is the reporter's question."""
    v = row["_verb"]
    if v is None:
        return False
    t = ix.doc[v]
    return verb_lemma(t) in QUESTION_LEMMAS and t.tag_ in ("VBN", "VBD") and t.dep_ != "ROOT" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for c in t.children)


def line_of(ix, row) -> str:
    """The row's content to the end of its line (the content drops a final "?")."""
    end = ix.text.find("\n", row["end"])
    return ix.text[row["start"]:end if end >= 0 else len(ix.text)]


def interviewer_labels(ix, rows) -> set[str]:
    """Labels ("Q", "GV", "HOST") whose lines are questions, all or nearly all (an interviewer
    comments now and then: "Thanks. Now, the budget?")."""
    lines: dict[str, list[bool]] = {}
    for r in rows:
        if r["_how"] == "label" and r["speaker_text"]:
            asks = line_of(ix, r).rstrip("\"'”’ ").endswith("?")
            lines.setdefault(r["speaker_text"].lower(), []).append(asks)
    return {k for k, v in lines.items() if sum(v) >= INTERVIEWER_SHARE * len(v)}


def nested(ix, rows) -> set[int]:
    """Indexes of rows nested in another row's content, which then speaks for them: the inner row
    goes, unless the outer one is a finding or a belief and the inner a statement ("According to
    the report, the firm said it would close": the firm's statement stays, the report's row
    goes; so does "according to" a medium around a statement with its own speaker), or the inner one hangs on a noun of the outer one's object ("She condemned the plan,
    which she called a mistake": two statements), or the inner cue is a clause of its own that
    the parser tied to the outer content ("She said the talks failed and called the plan a
    mistake", "He said Ade was right when she said …": the outer content ends before it; not a
    belief: "He said he admired Ade and thought the plan was sound" is one statement)."""
    out = set()
    order = sorted(range(len(rows)), key=lambda i: (rows[i]["start"], -rows[i]["end"]))
    active: list[int] = []  # rows that started before and reach past the current start
    for i in order:
        r = rows[i]
        active = [j for j in active if rows[j]["end"] > r["start"]]
        for j in list(active):
            o = rows[j]
            if not (o["start"] <= r["start"] and r["end"] <= o["end"]) or j in out or \
                    (o["start"], o["end"]) == (r["start"], r["end"]):
                continue
            if (o["act"] in ("other", "belief") and r["act"] == "statement" and not refusal(ix, o)) or (
                    o["_how"] == "object" and r["_how"] == "noun") or (
                    o["_how"] == "according" and r["act"] == "statement" and r["_spk"] is not None
                    and r["_how"] != "according"):
                # "repeated her claim that …": the claim's own row says more; "Ade said …,
                # according to the Lira Times": the medium reports Ade's statement
                out.add(j)
            elif o["_how"] == "clause" and own_clause(ix, o, r):
                trim_before(ix, o, ix.doc[r["_verb"]].left_edge.i)
            elif not (o["_how"] == "object" and in_relative_clause(ix, r)):
                out.add(i)
            break
        active.append(i)
    return out


def own_clause(ix, outer, inner) -> bool:
    """Is the inner row's cue a coordinated or adverbial clause inside the outer content, past its
    start ("… and called the plan a mistake", "… when she said …")?"""
    v = inner["_verb"]
    if v is None or inner["_how"] not in ("clause", "object") or inner["act"] == "belief":
        # "He said he admired Ade and thought the plan was sound": a belief coordinated inside
        # the reported clause is part of what was said
        return False
    t = ix.doc[v]
    return t.dep_ in ("conj", "advcl") and outer["start"] < t.left_edge.idx and t.head.idx >= outer["start"]


def trim_before(ix, row, tok: int) -> None:
    """End ``row``'s content before token ``tok``, without the conjunction or comma before it."""
    doc = ix.doc
    k = tok - 1
    while k >= 0 and (doc[k].is_punct or doc[k].is_space or doc[k].dep_ in ("cc", "mark")) \
            and not ix.is_mark[k]:
        k -= 1
    end = doc[k].idx + len(doc[k].text) if k >= 0 else row["start"]
    if end > row["start"]:
        row["end"], row["text"] = end, ix.text[row["start"]:end]


def refusal(ix, row) -> bool:
    """A verb of the "other" class with an infinitive: "declined to say", "refused to comment"."""
    v = row["_verb"]
    if v is None:
        return False
    t = ix.doc[v]
    return verb_act(verb_lemma(t)) == "other" and any(c.dep_ == "xcomp" for c in t.children)


def in_relative_clause(ix, row) -> bool:
    """Is the row's cue verb in a relative clause ("the plan, which she called a mistake")?"""
    v = row["_verb"]
    if v is None:
        return False
    t = ix.doc[v]
    for _ in range(3):
        if t.dep_ in ("relcl", "acl"):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def drop_non_attributions(ix) -> None:
    """Remove from ``ix.rows`` every row that is never an attribution (see the module docstring)."""
    rows = ix.rows
    inner = nested(ix, rows)
    heads = heading_lines(ix)
    interviewers = interviewer_labels(ix, rows)
    keep = []
    for i, r in enumerate(rows):
        if i in inner or is_credit(r["text"]) or reporters_question(ix, r):
            continue
        at = r["cue_start"] if r["cue_start"] is not None else r["start"]
        if any(a <= at < b or a <= r["start"] < b for a, b in heads):
            continue
        if r["_how"] == "label" and (only_questions(line_of(ix, r)) or (
                (r["speaker_text"] or "").lower() in interviewers and not statement_before_question(ix, r))):
            continue
        keep.append(r)
    rows[:] = keep


_QUESTION_START = re.compile(r"(?<=[.!])\s+(?=[^.!?]*\?)")


def statement_before_question(ix, row) -> bool:
    """An interviewer's line that opens with a statement before its question ("NE: Your videos show
    daily life. Who films them?"): the row keeps the statement, up to the question."""
    text = line_of(ix, row)
    m = _QUESTION_START.search(text)
    if not text.rstrip("\"'”’ ").endswith("?") or m is None or m.start() < 20:
        return False
    end = row["start"] + m.start()
    row["end"], row["text"] = end, ix.text[row["start"]:end]
    return True
