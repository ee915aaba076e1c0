"""The name each row's speaker stands for, decided once every row of the article is known (so that
a pronoun can look at the statement before it). The speaker as written stays in ``speaker_text``;
``speaker_name`` becomes the article-level name, or None when the text does not say who speaks:

- a mention under the speaker's head word gives its name, a surname or first name the full name
  (:class:`.names.People`): "Team coach Ana Ruiz said" → Ana Ruiz, "Ruiz added" → Ana Ruiz;
- a place is a speaker only as the subject of its cue ("Lima rejects the claim", a government),
  never as a location picked up near a cue ("In Lima, officials said"): None;
- "he" and "she" stand for the subject of their sentence before them when the gender agrees
  ("Ade was right when he said"), else for the person who is the subject of the sentence just
  before ("Ade left the room. He said"), unless a statement ended in that sentence, else for the
  speaker of the previous statement when the gender agrees (speaker continuity), else for the
  nearest earlier person the text gives that gender, else for the nearest earlier person of no
  known gender; never for a person named in the reporter's question ("Asked whether Ade would
  stay, he said"), nor for one the pronoun's own statement speaks of ("Ade has failed, he said,
  saying …");
- "they" and "it" stand for the organisation, country or group that is the subject of a clause
  just before them (this or the previous sentence: "The union met. It said …"), else for the
  previous speaker when it was an organisation or group in this or the previous paragraph, else
  for nobody named (they stand for plural descriptions, "officials", as often as for a body); "I",
  "we", "you" outside quotation marks stand for nobody named;
- a coordination names both: "Ade and the union said" → "Jo Ade and Teachers Union";
- a relative "who" for the noun its clause hangs on ("Ade, who chairs the board, said");
- "Her brother, Sam Okoro, said" → Sam Okoro (the apposition names the description);
- a definite description for the person or organisation introduced with it ("the minister",
  "the ministry"), else for the person the sentence before is about ("Jo Ade won. The
  34-year-old said", "The champion said"); in a lead that describes before it names, also an
  indefinite one, for the person named next ("A former minister has called for an audit. Jo Ade
  said …");
- a document or release for its issuer: "A statement from the union said" → the union, "the
  court's ruling said" → the court, "The council issued a statement … The statement said" → the
  council;
- any other proper noun keeps its own words ("@jo_ade", a blog's name); any other common noun
  ("officials", "a friend") stands for nobody named.
"""
from __future__ import annotations

import bisect

from .acts import DOC_FAMILY, document_kind
from .lexicon import NAME_TITLES, NOT_SPEAKERS, ORG_NOUNS, PERSON_NOUNS, PRONOUN_KINDS, RELATIVE
from .names import ABBREVIATIONS, OFFICE_QUALIFIERS, PRONOUN_GENDER, TITLE_WORDS, People, org_described, org_short_form

CONTINUITY_PARAGRAPHS = 2   # a pronoun continues a statement at most this many paragraphs back
BACK_SENTENCES = 4          # sentences searched back for a pronoun's antecedent
LEAD_SENTENCES = 2          # sentence index (from 0, a headline included) up to which a lead describes before it names
ISSUER_SENTENCES = 12       # sentences searched back for the issuer of "the statement"
SUBJECTS = ("nsubj", "nsubjpass")
CONTINUING = frozenset({"added", "adds", "continued", "continues", "went", "goes"})  # "added", "went on": the last speaker goes on


def name_speakers(ix) -> None:
    """Set ``speaker_name`` (and the private ``_kind``) on every row of ``ix.rows``."""
    people = People(ix)
    kinds = {}
    for m in ix.mentions:
        kinds.setdefault(m.get("name"), m.get("kind"))
    cache: dict[int, tuple] = {}
    prev = None
    for row in sorted(ix.rows, key=lambda r: (r["start"], r["end"])):
        h = row["_spk"]
        if h is None:
            # a post's markup names its author, no token does
            row["speaker_name"] = row["speaker_name"] if row["_how"] == "markup" else None
            row["_kind"] = "person" if row["speaker_name"] else None
            continue
        if h not in cache or row["_how"] not in ("float", "chain"):
            cache[h] = Resolver(ix, people, kinds, row, prev).name(ix.doc[h])
        row["speaker_name"], row["_kind"] = cache[h]
        if row["speaker_name"] is not None and row["act"] == "statement":
            prev = (row["speaker_name"], row["_kind"], row["paragraph"])


def age_description(h) -> bool:
    """Is h the head of "the 34-year-old" (a person described by age, the article's way of
    varying a name it has just given)?"""
    doc = h.doc
    return h.lower_ in ("old", "year-old") and h.i >= 2 and any(
        c.lower_ in ("the", "this") for c in h.lefts) and any(
        doc[j].lower_ in ("year", "-year") for j in range(max(0, h.i - 3), h.i))


class Resolver:
    """Names one speaker head token (see the module docstring)."""

    def __init__(self, ix, people, kinds, row, prev):
        self.ix, self.people, self.kinds, self.row, self.prev = ix, people, kinds, row, prev

    def name(self, h, depth=0) -> tuple[str | None, str | None]:
        ix = self.ix
        low = h.lower_
        if low in RELATIVE and h.dep_ in SUBJECTS and depth == 0 and head_mention(ix, h) is None:  # "WHO said": a name
            ante = antecedent(h)
            return self.name(ante, 1) if ante is not None else (None, None)
        handle = handle_at(ix, h)
        if handle is None and h.pos_ == "NOUN" and h.i + 1 < ix.ntok and ix.doc[h.i + 1].text.startswith("@"):
            handle = handle_at(ix, ix.doc[h.i + 1])  # "a post by user @jo_ade": the parser left the handle out
        if handle is not None:
            return handle, "person"  # a handle, also one the tokenizer cut ("@jo-ade_V")
        m = head_mention(ix, h)
        if m is not None:
            name, kind = self.from_mention(h, m)
            if name and " " not in name and kind in ("organization", None) and m.get("kind") == "organization":
                name = org_short_form(ix, name, m["start"]) or name  # "the Alliance" for its full name
            other = self.joint(h, depth) if name else None
            return (f"{name} and {other}", "group") if other else (name, kind)
        if low in PRONOUN_KINDS or low in PRONOUN_GENDER:
            return self.pronoun(h) if ix.qid[h.i] < 0 else (None, None)
        if age_description(h):
            return self.described_person("year-old", h)  # "Jo Ade won. The 34-year-old said …"
        if h.pos_ == "NOUN":
            return self.description(h, depth)
        if h.pos_ == "PROPN" and low not in NOT_SPEAKERS:
            text = proper_words(ix, h)
            words = text.split()
            if all(w.lower() in TITLE_WORDS for w in words):
                anchor = apposition(ix, h)  # "The Chief Minister of Lira, Ana Ruiz, said"
                if anchor is not None:
                    return self.from_mention(anchor[0], anchor[1])
                return self.described_person(h.lemma_.lower(), h)  # "the Chief Minister"
            titled = False
            while len(words) > 1 and words[0] not in NAME_TITLES and (
                    words[0].lower() in TITLE_WORDS or words[0].lower().strip(".") in ABBREVIATIONS):
                words, titled = words[1:], True  # "Mr Ade", "Sen. Ade": the name without its title
                # (not "Lord Ade", "Pope Leo": those titles are part of the name)
            text = " ".join(words)
            named = self.initials(text)
            if named is not None:
                return named  # "Jo Ade (JA) … JA: …": an interviewer's initials
            full = self.people.full_name(text, h.idx)
            if full == text and " " not in text and not titled:
                org = org_short_form(ix, text, h.idx)
                if org is not None:
                    return org, "organization"  # "the Alliance" for "Kito Alliance for Clean Water"
            return full, self.kinds.get(full, "person" if full != text or titled else None)
        return None, None

    def initials(self, text: str) -> tuple[str, str] | None:
        """(name, kind) of the one name of two to four words the article gives whose initials are
        ``text`` ("JA" for "Jo Ade"), or None."""
        if not (2 <= len(text) <= 4 and text.isupper() and text.isalpha()):
            return None
        found = {(m["name"], m.get("kind")) for m in self.ix.mentions if m.get("kind") in ("person", "organization")
                 and 2 <= len(str(m.get("name") or "").split()) <= 4
                 and "".join(w[0] for w in str(m["name"]).split()).upper() == text}
        return found.pop() if len(found) == 1 else None

    def joint(self, h, depth):
        """The name of the speaker coordinated with h ("Ade and Lima said"), or None."""
        for c in h.children:
            if c.dep_ == "conj" and head_mention(self.ix, c) is not None and depth < 2:
                name, _ = self.name(c, depth + 1)
                return name
        return None

    def from_mention(self, h, m):
        kind = m.get("kind")
        if kind != "person" and h.pos_ == "PROPN" and self.people.is_surname(m["name"]):
            kind = "person"  # a surname the model took for a place or an organisation
        if kind == "person":
            words = self.people.title_words(m)
            return self.people.full_name(m["name"], m["start"], words), "person"
        if kind == "place" and not (h.dep_ in SUBJECTS + ("poss",) or self.row["_how"] in (
                "label", "dash", "according")):
            return None, None  # a place used as a location
        if kind == "other" and h.pos_ != "PROPN":
            return None, None
        return m["name"], kind

    def pronoun(self, h):
        ix = self.ix
        low = h.lower_
        gender = PRONOUN_GENDER.get(low)
        prev = self.prev
        recent = prev is not None and self.row["paragraph"] - prev[2] <= CONTINUITY_PARAGRAPHS
        if gender is not None:
            # "Asked whether Ade would stay, he said": the reporter's question names the topic,
            # not the one who answers
            asked = {self.people.full_name(m["name"], m["start"]) for m in self.earlier(h, ("person",), sentences=0)
                     if in_question(m_head(ix, m))}
            for m in self.earlier(h, ("person",), sentences=0):
                name = self.people.full_name(m["name"], m["start"])
                if self.people.compatible(name, gender) and head_mention(ix, m_head(ix, m)) is m \
                        and m_head(ix, m).dep_ in SUBJECTS and name not in asked and not self.reported(m, h):
                    return name, "person"  # "Ade was right when he said": the subject just before
            before = self.person_subject_before(h, gender)
            if before is not None and before not in asked and not (recent and self.prev_in_sentence_before(h)):
                return before, "person"  # "Ade walked out. He said …": the subject of the sentence before
            if recent and prev[1] == "person" and self.people.compatible(prev[0], gender) and prev[0] not in asked:
                return prev[0], "person"
            unknown = None
            for m in self.earlier(h, ("person",)):
                name = self.people.full_name(m["name"], m["start"])
                if self.people.gender.get(name) == gender and name not in asked:
                    return name, "person"
                if unknown is None and self.people.compatible(name, gender) and name not in asked:
                    unknown = name
            return (unknown, "person") if unknown else (None, None)
        if low in ("they", "them", "it", "its", "their"):
            body = self.body_subject(h)
            if body is not None:
                return body
            if prev is not None and self.row["paragraph"] - prev[2] <= 1 and \
                    prev[1] in ("organization", "group") and prev[0] not in self.people.known:
                return prev[0], prev[1]
        return None, None

    def body_subject(self, h):
        """"it" or "they" for the organisation, country or group that is the subject of a clause
        just before it, in its sentence or the one before ("The union met on Monday. It said …",
        "Lira has called for talks, which it describes as overdue"; the subject "the report" for
        its issuer). The nearest earlier subject of a main clause decides: a noun naming nobody
        ("officials") gives (None, None), nobody named; a person, or no such subject, None (the
        pronoun is left to speaker continuity)."""
        ix = self.ix
        doc = ix.doc
        k = bisect.bisect_right(ix.sent_tok, h.i) - 1
        lo = ix.sent_tok[max(0, k - 1)]
        singular = h.lower_ in ("it", "its")
        for t in reversed(doc[lo:h.i]):
            if t.dep_ not in SUBJECTS or t.pos_ not in ("PROPN", "NOUN") or ix.qid[t.i] >= 0 \
                    or not main_clause(t.head):
                continue  # subjects of main clauses only, not of reported content ("said Lira would")
            m = head_mention(ix, t)
            if m is not None:
                if m.get("kind") not in ("organization", "place", "group") or (singular and t.tag_ == "NNPS"):
                    return None
                return m["name"], m.get("kind")
            if t.pos_ == "NOUN" and not (singular and t.tag_ == "NNS"):
                name, kind = self.description(t, 1)
                return (name, kind) if kind != "person" else None  # (None, None): "officials", nobody named
            return None
        return None

    def earlier(self, h, kinds, sentences=BACK_SENTENCES):
        """Mentions of ``kinds`` before token h, nearest first, outside quotation marks and outside
        the content of the row being named ("Ade has failed, he said": Ade is what he spoke of), in
        the same and the ``sentences`` previous sentences."""
        ix = self.ix
        k = bisect.bisect_right(ix.sent_tok, h.i) - 1
        lo = ix.sent_starts[max(0, k - sentences)]
        j = bisect.bisect_left(ix.m_starts, h.idx)
        own = (self.row["start"], self.row["end"])
        for m in reversed(ix.mentions[:j]):
            if m["start"] < lo:
                return
            if m.get("kind") in kinds and m["end"] <= h.idx and not ix.in_quote_char(m["start"]) \
                    and not own[0] <= m["start"] < own[1]:
                yield m

    def description(self, h, depth):
        ix = self.ix
        kind = document_kind(h)
        if kind in ("issued", "report"):
            src = issuer(ix, h)
            return self.name(src, depth + 1) if src is not None and depth < 3 else (None, None)
        anchor = apposition(ix, h)
        if anchor is not None:
            return self.from_mention(anchor[0], anchor[1])
        definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some", "any")
                       for c in h.lefts)
        lemma = h.lemma_.lower()
        named = [c for c in h.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if named and kind is None and lemma in ORG_NOUNS and not definite:
            # "Lira police said", "Kito government sources": a body its name premodifies, no article
            return ix.text[named[0].idx:h.idx + len(h.text)], "organization"
        if not definite and h.tag_ == "NN" and kind is None and h.lemma_.lower() in PERSON_NOUNS:
            name = self.named_next(h)  # "A former minister has called for … Jo Ade said"
            return (name, "person") if name else (None, None)
        if not definite or h.tag_ == "NNS" or kind is not None:
            return None, None
        if named and lemma not in PERSON_NOUNS:
            # "the Ade administration", "the Lima campaign": a body named by its premodifier
            return ix.text[named[0].idx:h.idx + len(h.text)], "organization"
        if lemma in PERSON_NOUNS:
            return self.described_person(lemma, h)
        prev = self.prev
        if prev is not None and prev[1] == "person" and self.row["paragraph"] - prev[2] <= 1 and h.tag_ == "NN" \
                and lemma not in ORG_NOUNS and str(self.row.get("cue") or "").lower() in CONTINUING:
            return prev[0], "person"  # "…,” said Jo Ade. The tournament debutant added …": Ade goes on
        name = org_described(ix, lemma, h.idx)
        return (name, self.kinds.get(name, "organization")) if name else (None, None)

    def described_person(self, lemma, h):
        """"the minister": the person introduced as minister; else, for a cue that goes on
        ("added"), the speaker of the statement just before ("…,” said Jo Ade. The professor added,
        …"); else the person who is the subject of the sentence before ("Jo Ade met the mayor. The
        senator said …", "Ade quit as minister. The ex-minister said …": nearer than an earlier
        speaker); else the speaker of the statement just before."""
        qualifiers = [c.lower_ for c in h.lefts if c.lower_.rstrip("-") in OFFICE_QUALIFIERS]
        name = self.people.described(" ".join(qualifiers + [lemma]), h.idx)  # "the vice president"
        if name:
            return name, "person"
        prev = self.prev
        near = prev is not None and prev[1] == "person" and self.row["paragraph"] - prev[2] <= 1
        if near and str(self.row.get("cue") or "").lower() in CONTINUING:
            return prev[0], "person"  # "…,” said Jo Ade. Sam Okoro nodded. The senator added …": Ade goes on
        name = self.person_subject_before(h) or (prev[0] if near else None) or self.named_next(h)
        return (name, "person") if name else (None, None)

    def named_next(self, h) -> str | None:
        """The delayed identification of a news lead: a person the opening sentences describe
        before anyone is named ("A retired judge has called for an inquiry into the tender. Jo Ade
        said …", "… was announced by the minister. Jo Ade wants …") is the person named next, as
        the subject of one of the two sentences after. Only in the lead (the first three
        sentences, a headline included) and only while no person has been named in the body."""
        ix = self.ix
        k = bisect.bisect_right(ix.sent_tok, h.i) - 1
        if k > LEAD_SENTENCES:
            return None
        head_end = ix.par_starts[1] if len(ix.par_starts) > 1 else 0  # persons in a headline do not count
        if any(head_end <= m["start"] < h.idx for m in self.people.persons):
            return None
        hi = ix.sent_tok[k + 3] if k + 3 < len(ix.sent_tok) else ix.ntok
        lo = ix.sent_tok[k + 1] if k + 1 < len(ix.sent_tok) else ix.ntok
        for t in ix.doc[lo:hi]:
            if t.dep_ in SUBJECTS and main_clause(t.head) and ix.qid[t.i] < 0:
                m = head_mention(ix, t)
                if m is not None and m.get("kind") == "person":
                    return self.people.full_name(m["name"], m["start"])
        return None

    def person_subject_before(self, h, gender=None) -> str | None:
        """The person named as the subject of the sentence before h's, of a gender the pronoun
        allows: "Jo Ade met the mayor on Monday. The senator said …" (a description varies the
        name just given); a fragment with no subject between them is skipped ("Ade had one word
        for the plan: No. The senator said …")."""
        ix = self.ix
        k = bisect.bisect_right(ix.sent_tok, h.i) - 1
        for j in range(k - 1, max(-1, k - 3), -1):
            for t in ix.doc[ix.sent_tok[j]:ix.sent_tok[j + 1]]:
                if t.dep_ in SUBJECTS and main_clause(t.head) and ix.qid[t.i] < 0:
                    m = head_mention(ix, t)
                    if m is not None and m.get("kind") == "person" and not (gender and self.reported(m, h)):
                        name = self.people.full_name(m["name"], m["start"])
                        return name if self.people.compatible(name, gender) else None
                    return None
        return None

    def reported(self, m, h) -> bool:
        """Is mention m inside the content of a row that speaker token h says ("Ade has failed, he
        said, saying he …": Ade is what he speaks of; not "Lin said Ade was right when he spoke",
        Lin's content)?"""
        return any(r["_spk"] == h.i and r["start"] <= m["start"] < r["end"] for r in self.ix.rows)

    def prev_in_sentence_before(self, h) -> bool:
        """Does a statement with a named speaker end in the sentence before h's (so that speaker
        continuity, not that sentence's subject, decides a pronoun)?"""
        ix = self.ix
        k = bisect.bisect_right(ix.sent_tok, h.i) - 1
        lo = ix.sent_starts[max(0, k - 1)]
        return any(lo <= r["end"] <= h.idx and r.get("speaker_name") and r["act"] == "statement"
                   for r in ix.rows if r is not self.row)


def in_question(t) -> bool:
    """Is token t inside a reporter's question ("Asked whether Ade would stay, …")?"""
    x = t
    for _ in range(6):
        if x.lemma_.lower() == "ask" and x.tag_ == "VBN" and x.dep_ in ("advcl", "ROOT", "ccomp"):
            return True
        if x.head.i == x.i:
            return False
        x = x.head
    return False


def main_clause(v) -> bool:
    """Is verb v the root of its sentence or coordinated with it?"""
    return v.dep_ == "ROOT" or (v.dep_ == "conj" and v.head.dep_ == "ROOT")


def m_head(ix, m):
    """The last token of mention m (the head of a name)."""
    return ix.doc[max(ix.tok_at(m["start"]), ix.tok_at(m["end"]) - 1)]


def head_mention(ix, h):
    """The mention that holds token h, if any."""
    k = bisect.bisect_right(ix.m_starts, h.idx)
    for j in range(k - 1, max(-1, k - 6), -1):
        m = ix.mentions[j]
        if m["start"] <= h.idx < m["end"]:
            return m
    return None


def antecedent(h):
    """The noun a relative pronoun's clause hangs on ("Ade, who chairs the board")."""
    v = h.head
    while v.dep_ in ("conj", "xcomp") and v.head.i != v.i:
        v = v.head
    if v.dep_ in ("relcl", "acl") and v.head.i != v.i and v.head.i != h.i:
        return v.head
    return None


def apposition(ix, h):
    """(token, mention) of the name a description is in apposition with: "Her brother, Sam Okoro,"
    (the name follows) or "Ade, a professor at the college," (the name comes first; not "with
    Ade, the mayor said", where the description is the subject of its own clause)."""
    for c in h.rights:
        if c.dep_ == "appos":
            m = head_mention(ix, c)
            if m is not None and m.get("kind") in ("person", "organization"):
                return c, m
    j = h.i + 1
    if j + 1 < ix.ntok and ix.doc[j].text == ",":
        m = head_mention(ix, ix.doc[j + 1])
        if m is not None and m.get("kind") == "person" and m["start"] == ix.doc[j + 1].idx:
            return ix.doc[j + 1], m
    i = h.left_edge.i - 1
    while i >= 0 and ix.doc[i].is_space:
        i -= 1
    if i >= 1 and ix.doc[i].text == "," and not (h.dep_ in SUBJECTS and h.head.i != i - 1):
        # not the subject of its own clause after a name: "At a dinner with Ade, the mayor said"
        m = head_mention(ix, ix.doc[i - 1])
        if m is not None and m.get("kind") in ("person", "organization") and m["end"] <= ix.doc[i].idx:
            return ix.doc[i - 1], m
    return None


def handle_at(ix, h) -> str | None:
    """The social-media handle token h belongs to ("@jo_ade"; "@jo-ade" in three tokens), or None."""
    doc = ix.doc
    a = b = h.i
    while a > 0 and doc[a - 1].whitespace_ == "" and not doc[a - 1].is_space and doc[a - 1].text not in _HANDLE_STOPS \
            and not doc[a].text.startswith("@"):
        a -= 1
    while b + 1 < ix.ntok and doc[b].whitespace_ == "" and doc[b + 1].text not in _HANDLE_STOPS:
        b += 1
    first = doc[a].text
    if not first.startswith("@") or len(ix.text[doc[a].idx:doc[b].idx + len(doc[b].text)]) <= 2:
        return None
    return ix.text[doc[a].idx:doc[b].idx + len(doc[b].text)]


_HANDLE_STOPS = set(":,;.!?()[]\"“”'’‘…") | {"'s", "’s"}


def proper_words(ix, h) -> str:
    """The proper noun run around h ("Hic Sunt Leones", "@jo_ade"), without the words around it."""
    doc = ix.doc
    a = b = h.i
    while a > 0 and doc[a - 1].pos_ == "PROPN" and not doc[a - 1].is_space and ix.qid[a - 1] < 0:
        a -= 1
    while b + 1 < ix.ntok and doc[b + 1].pos_ == "PROPN" and ix.qid[b + 1] < 0:
        b += 1
    return ix.text[doc[a].idx:doc[b].idx + len(doc[b].text)]


def issuer(ix, h, depth=0):
    """The token naming who issued a document: "the union's statement", "a statement from the
    union", "a Reuters report", "the decree signed by the mayor"; else the issuer of an earlier
    text of the same family ("The council filed a lawsuit … The complaint says"), or the subject
    of the verb the noun comes from ("The court ruled … The ruling said")."""
    explicit = explicit_issuer(ix, h)
    if explicit is not None or depth:
        return explicit
    family = DOC_FAMILY.get(h.lemma_.lower())
    stem = _stem(h.lemma_.lower())
    k = bisect.bisect_right(ix.sent_tok, h.i) - 1
    lo = ix.sent_tok[max(0, k - ISSUER_SENTENCES)]
    for t in reversed(ix.doc[lo:h.i]):
        lemma = t.lemma_.lower()
        if t.pos_ == "VERB" and _stem(lemma) == stem and len(stem) >= 4:
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
        if t.pos_ != "NOUN" or DOC_FAMILY.get(lemma) != family or family is None:
            continue
        found = explicit_issuer(ix, t)
        if found is not None:
            return found
        v = t.head if t.dep_ in ("dobj", "nsubjpass") else t.head.head if t.dep_ == "pobj" else None
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None) if v is not None else None
        if subj is not None:
            return subj
    return None


def explicit_issuer(ix, h):
    for c in h.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
        if c.dep_ == "compound" and head_mention(ix, c) is not None:
            return c
        if c.dep_ == "acl" and c.tag_ == "VBN":  # "the decree signed by the mayor"
            agent = next((g for g in c.children if g.dep_ == "agent"), None)
            obj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            if obj is not None:
                return obj
    return None


def _stem(word: str) -> str:
    for suffix in ("ation", "ment", "ing", "ion", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word
