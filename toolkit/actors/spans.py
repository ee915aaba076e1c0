"""Spans of names in one article: the model's entities cut to the name itself.

A name span loses a leading article, a possessive, punctuation and the title or role before it
("the Deputy Mayor Jo Ade's" -> "Jo Ade", title "Deputy Mayor"); a one-word person name takes the
capitalised first name the model left out ("Councillor Kito [Banda]" -> "Kito Banda"); a name
particle joins the parts of a name ("Amani wa Kesi"); a post-nominal title is cut ("Jo Ade MP");
two names the model ran together are split ("Coast FM and University of Lira", "the Farmers
Union Facebook group"); organisations the model missed are found by the word that heads their
name ("National Renewal Party"). Transcript speaker labels ("((XN))") and picture credits
("Image: Jo Ade.") are no mentions.
"""
from __future__ import annotations

import functools
import re

from .. import wordlists
from . import gazetteer

LEADING = re.compile(r"^(?:the|The|THE|\[?[Tt]\]he)\s+")  # "[T]he": an editor's capital in a quotation
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
INITIAL = re.compile(r"^[A-Z]\.?$")
SMALL_WORDS = wordlists.words("name_small_words")
# "Former Secretary of State": the role is "Secretary of State" whatever its time.
TIME_QUALIFIERS = wordlists.words("time_qualifiers")
# Lower-case words standing alone (not parts of "well-known" or "don't"): a capitalised word
# found among them is an ordinary word at the start of a sentence, not a name.
LOWER_WORDS = re.compile(r"(?<![\w'’\-])[a-z]+(?![\w'’\-])")
_SPEAKER_LABEL = re.compile(r"\(\([^()\n]{1,80}\)\)")
PLATFORMS = wordlists.words("platforms")
_INSTITUTIONS = wordlists.words("institutions")
NAME_PARTICLES = wordlists.words("name_particles")
_ORG_MODIFIERS = wordlists.words("org_modifiers")
ORG_HEADS = wordlists.words("org_heads")
GREETINGS = wordlists.words("greetings")
_PLACE_MODIFIERS = wordlists.words("place_modifiers")
_ORG_NOUNS = wordlists.words("org_nouns")  # "House Democrats", "Senate Republicans": members, not a party


@functools.lru_cache(maxsize=2)
def doc_text(doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins every token's text on each access)."""
    return doc.text


_CREDIT = re.compile(r"\b(?:%s)(?::|\s+by)\s+[^\n.:]{1,60}(?=\.|\n|$)" % "|".join(
    sorted(wordlists.words("credit_words"), key=len, reverse=True)))


def speaker_labels(text: str) -> list[tuple[int, int]]:
    """Spans that name no one in the news: a transcript's speaker labels ("((XN)) What brought you
    here?") and picture credits ("Image: Jo Ade.", "Photo by Jo Ade")."""
    out = [m.span() for m in _SPEAKER_LABEL.finditer(text)] if "((" in text else []
    out += [m.span() for m in _CREDIT.finditer(text)]
    return sorted(out)


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def _split_entity(doc, ent, label: str | None = None) -> list[tuple[int, int, str]]:
    """Token spans and labels of the names inside one entity: the model often runs two names
    together."""
    start, end = ent.start, ent.end
    label = label or ent.label_
    if label == "ORG" and end - start >= 2 and doc[end - 1].text in PLATFORMS:
        return [(start, end - 1, label), (end - 1, end, label)]  # a group's page: the group, and the platform
    if label == "ORG":
        for j in range(start + 2, end - 2):
            if doc[j].lower_ == "and" and doc[j + 1].text in _INSTITUTIONS and doc[j + 2].lower_ == "of":
                return [(start, j, label), (j + 1, end, label)]
    if end - start >= 3 and label in ("LOC", "GPE", "PERSON") and gazetteer.country_of_demonym(doc[start].text) \
            and all(t.is_title and t.text not in ORG_HEADS for t in doc[start + 1:end]):
        # "Kenyans Jo Ade": a demonym glued before a person's name
        rest = "PERSON" if end - start <= 4 and label in ("LOC", "GPE", "PERSON", "ORG") else label
        return [(start, start + 1, "NORP"), *((s, e, rest) for s, e in _split_at_lower_words(doc, start + 1, end))]
    if end - start == 2 and gazetteer.is_place(doc[start].text) and doc[start + 1].is_upper and len(doc[start + 1]) >= 2:
        return [(start, start + 1, "GPE"), (start + 1, end, "ORG")]  # "Lira KPU": a place, then an organisation's acronym
    if label == "PERSON" and end - start >= 3 and start > 0 and doc[start - 1].lower_ == "from" \
            and all(t.is_title for t in doc[start:end]):
        # "Senator from Lira Jo Ade": the place the senator is from, then the name
        return [(start, start + 1, "GPE"), (start + 1, end, label)]
    return [(s, e, label) for s, e in _split_at_lower_words(doc, start, end)]


def _joined(doc, j: int) -> bool:
    """Token j is glued by a hyphen to the word before ("ho" of "Min-ho", "upon" of "Stratford-upon-Avon")."""
    if j < 2:
        return False
    return doc[j - 1].text in ("-", "‐") and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_


def _split_at_lower_words(doc, start: int, end: int) -> list[tuple[int, int]]:
    """A name holds no ordinary lower-case word between its capitalised ones (particles and small
    words aside): "Kito rescues Lira United", a headline the model read as one name, is two."""
    parts, first = [], start
    for j in range(start + 1, end - 1):
        t = doc[j]
        if (t.is_alpha and t.is_lower and len(t) >= 3 and t.text not in SMALL_WORDS
                and t.text not in NAME_PARTICLES and not _joined(doc, j) and doc[j + 1].text[:1].isupper()):
            if j > first:
                parts.append((first, j))
            first = j + 1
    parts.append((first, end))
    return parts


def sentence_initial(doc, i: int) -> bool:
    """Token i opens its sentence, also after opening quotes, brackets or dashes ('"Hey Frank')."""
    while i >= 0 and not doc[i].is_sent_start:
        i -= 1
        if i >= 0 and not (doc[i].is_punct or doc[i].is_space):
            return False
    return True


def glued_name_start(doc, start: int, label: str) -> int:
    """Start of a name the model cut short before a country or party word: "Environment Canada"
    (an agency) and "Neo Democrats" (a party of its own) when the model tags "Canada" or
    "Democrats" alone. The word before must be a capitalised name word: not a stop word, a
    role, a region word ("Northern Canada" is a place), a greeting, a date or another name."""
    if start == 0:
        return start
    surface = doc[start:start + 3].text
    if not (gazetteer.is_country(doc[start].text) or gazetteer.party_of(doc[start].text)
            or gazetteer.is_country(surface)):
        return start
    prev = doc[start - 1]
    if (prev.is_alpha and prev.text[:1].isupper() and not prev.is_upper and not prev.ent_type_
            and not prev.is_stop and not gazetteer.is_role_word(prev.text) and prev.text not in _PLACE_MODIFIERS
            and prev.lower_ not in _ORG_NOUNS
            and prev.text not in GREETINGS and not gazetteer.country_of_demonym(prev.text)
            and not gazetteer.is_place(prev.text) and prev.whitespace_):
        return start - 1
    return start


def _headed_orgs(doc, rows: list[dict]) -> list[dict]:
    """Organisations the model missed, by the word that heads their name: capitalised words ending
    in "Party", "Front", "Council"... ("Opposition National Renewal Party" -> "National
    Renewal Party"; a role word, a stop word or another entity ends the name)."""
    def name_word(t) -> bool:
        return t.is_title and not t.ent_type_ and not t.is_stop and not gazetteer.is_role_word(t.text)

    out = []
    covered = sorted((r["start"], r["end"]) for r in rows)
    for tok in doc:
        if tok.text not in ORG_HEADS or tok.ent_type_ or tok.i == 0:
            continue
        i = tok.i - 1
        while i >= 0 and name_word(doc[i]) and not doc[i].is_sent_start:
            i -= 1
        if i >= 0 and name_word(doc[i]):
            i -= 1  # a name can open the sentence
        first = i + 1
        if first == tok.i:
            continue
        s, e = doc[first].idx, tok.idx + len(tok.text)
        if any(a < e and s < b for a, b in covered):
            continue
        out.append({"start": s, "end": e, "label": "ORG", "title": None})
    return out


def _span_row(doc, text: str, start: int, end: int, label: str, lower_words: set) -> dict | None:
    """Trim "the", possessives, titles and punctuation off an entity span; add the first name the
    model left out of a surname ("Kito" of "Councillor Kito Banda" when the model tagged only "Banda")."""
    title_tokens = []
    if label == "PERSON" and end - start == 1 and start > 0:
        prev = doc[start - 1]
        if (prev.is_title and prev.is_alpha and not prev.ent_type_ and not sentence_initial(doc, prev.i)
                and not prev.is_stop and prev.lower_ not in lower_words and not gazetteer.is_role_word(prev.text)
                and prev.text not in GREETINGS and not gazetteer.is_place(prev.text)
                and not gazetteer.country_of_demonym(prev.text)):
            start -= 1
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct
                           or (label == "PERSON" and end - start > 1 and doc[start].text in GREETINGS)):
        start += 1  # "Hey Frank": a greeting is no part of the name
    for j in range(start, end):  # "Coastal Trade Area (CTA": stop at the bracket
        if doc[j].text in ("(", "[") and j > start:
            end = j
            break
    while end > start and (not _joined(doc, end - 1) or (label == "PERSON" and doc[end - 1].is_digit)) and (
            doc[end - 1].is_punct or doc[end - 1].text in ("'s", "’s", "'", "’")
            or doc[end - 1].lower_ in ("of", "and", "the", "for", "in", "at")
            or (end - start > 1 and not any(ch.isupper() or ch.isdigit() for ch in doc[end - 1].text)
                and doc[end - 1].text.capitalize() not in ORG_HEADS)
            or (label == "PERSON" and end - start > 1 and doc[end - 1].is_digit)):
        # names end in a capitalised word (a lower-case or foreign-script tail is cut, not a
        # hyphenated part: "Lee Min-ho") or a head ("Democratic party"); a person's name ends in no
        # number ("Kito Banda 72", a minute of a match report; "Kito Banda 7-6", a set's score)
        end -= 1
    while label == "ORG" and end - start >= 3 and doc[start].lower_ in _ORG_MODIFIERS:
        start += 1  # "Opposition National Renewal Party": the party's name starts after
    while label != "PERSON" and end - start >= 3 and doc[start + 1].lower_ == "of" and doc[start].text.endswith("s") \
            and gazetteer.is_role_word(doc[start].text[:-1]):
        start += 2  # "Leaders of Lira Union": the people of the organisation, then its name
    if label == "ORG" and end - start >= 2 and doc[end - 1].lower_ == "summit":
        end -= 1  # "African Union Summit", "G8 Summit": the organisation that meets
    if label == "PERSON":
        start, end = _person_span(doc, start, end, title_tokens)
    if start >= end:
        return None
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    surface = POSSESSIVE.sub("", text[s:e])
    e = s + len(surface)
    first_alpha = next((ch for ch in surface if ch.isalpha()), None)
    if first_alpha is None or not (first_alpha.isupper() or surface[0].isdigit() or surface[0] == "@"):
        return None  # English names are capitalised; this also drops caseless scripts the model misreads
    title = " ".join(title_tokens) or None
    if label == "PERSON" and end - start >= 2 and doc[start].text in _PLACE_MODIFIERS:
        label = "GPE"  # "Old Lira", "North Kito": a place (people's names do not open with these words)
    elif label == "PERSON" and end - start >= 2 and doc[end - 1].is_title and doc[end - 1].lower_ in _ORG_NOUNS:
        label = "ORG"  # "Kito Administration", "Ade Foundation": no person's name ends so
    if label == "PERSON":
        before = _title_before(doc, text, start)
        if before:
            title = before if not title else f"{before} {title}"
    return {"start": s, "end": e, "label": label, "title": title, "tok": (start, end)}


def _person_span(doc, start: int, end: int, title_tokens: list) -> tuple[int, int]:
    """A person's name span: the part after a particle the model stopped at ("Amani wa Kesi"),
    without post-nominals ("Jo Ade MP"), a party or demonym before the title ("Lib Dem MP Jo
    Ade") or the title words (collected in ``title_tokens``)."""
    j = end
    while j < len(doc) - 1 and doc[j].text in NAME_PARTICLES and not doc[j].ent_type_:
        j += 1
    if j > end and doc[j].is_title and (doc[j].ent_type_ in ("", "PERSON") or (
            doc[j].ent_iob_ == "B" and (j + 1 == len(doc) or doc[j + 1].ent_iob_ != "I")
            and not gazetteer.is_place(doc[j].text))):
        end = j + 1  # the model stops at the particle: "Amani" of "Amani wa Kesi"
    while end - start > 1 and gazetteer.is_role_word(doc[end - 1].text) and (
            doc[end - 1].is_upper or doc[end - 1].text[:-1].isupper()):
        end -= 1  # post-nominals: "Jo Ade MP"; members: "Kito MPs" (the party's)
    for k in (2, 1):  # a party or demonym before the title: "Lib Dem MP Jo Ade"
        lead = doc[start:start + k].text
        if (start + k < end - 1 and gazetteer.is_role_word(doc[start + k].text)
                and (gazetteer.party_of(lead) or gazetteer.country_of_demonym(lead))):
            start += k
            break
    while end - start > 1 and gazetteer.is_role_word(doc[start].text):
        if doc[start].lower_ not in TIME_QUALIFIERS:
            title_tokens.append(doc[start].text)
        start += 1
    return start, end


def _title_before(doc, text: str, start: int) -> str | None:
    """Role words right before a person's name: "US Secretary of State" -> "Secretary of State"."""
    i = start - 1
    words = []
    while i >= 0 and start - i <= 8:
        tok = doc[i]
        if tok.ent_type_ in ("PERSON", "GPE", "NORP", "LOC") and not gazetteer.is_role_word(tok.text):
            break  # another name, or the country before a title ("US Secretary of State")
        # A run of role words joined by of/for/-, and by "and" only between role words ("Minister of
        # Interior Eli Yishai and Prime Minister Benjamin Netanyahu" -> "Prime Minister").
        joins = tok.lower_ in ("of", "for", "-") or (tok.lower_ == "and" and i > 0
                                                       and gazetteer.is_role_word(doc[i - 1].text))
        if gazetteer.is_role_word(tok.text) or joins or (tok.text == "." and words):
            words.append(tok)
            i -= 1
            continue
        break
    words.reverse()
    # The title runs from the first role word; leading country names or demonyms are not part of it.
    for j, tok in enumerate(words):
        if gazetteer.is_role_word(tok.text) and tok.lower_ not in TIME_QUALIFIERS:
            tail = words[j:]
            while tail and tail[-1].lower_ in ("of", "for", "and", "-"):
                tail.pop()
            if any(gazetteer.is_title_head(t.text) for t in tail):
                return text[tail[0].idx: tail[-1].idx + len(tail[-1].text)]
            return None
    return None


def _drop_title_words(text: str, rows: list[dict]) -> None:
    """Entities inside a person's title ("State" in "Secretary of State") are not actors."""
    spans = []
    for r in rows:
        if r["label"] == "PERSON" and r.get("title"):
            t_end = r["start"]
            t_start = text.rfind(r["title"], 0, t_end)
            if t_start >= 0:
                spans.append((t_start, t_start + len(r["title"])))
    if spans:
        rows[:] = [r for r in rows if r["label"] in ("GPE", "NORP", "PERSON")
                   or not any(s <= r["start"] and r["end"] <= e for s, e in spans)]


@functools.lru_cache(maxsize=1 << 18)  # the same surfaces recur across a corpus
def clean_surface(s: str) -> str:
    s = LEADING.sub("", s.strip())
    s = POSSESSIVE.sub("", s)
    return re.sub(r"\s+", " ", s).strip(" .,;:-–—\"“”'’")


def _dedupe(rows: list[dict]) -> list[dict]:
    """Drop mentions overlapping an earlier, longer one (same span found twice by two rules)."""
    out, last_end = [], -1
    for r in rows:
        if r["start"] < last_end:
            continue
        out.append(r)
        last_end = r["end"]
    return out
