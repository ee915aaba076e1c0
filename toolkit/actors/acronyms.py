"""Acronyms: defined in brackets after their expansion ("Southern Trade Council (STC)"), used
without definition where their letters are the initials of a name in the article ("the STC" beside
"Southern Trade Council"), and defined in another article of the corpus.
"""
from __future__ import annotations

import re
from collections import defaultdict

import pandas as pd

from . import gazetteer
from .names import ENTITY_LABELS, normalize_name
from .spans import SMALL_WORDS, clean_surface

ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z0-9&\-]{1,9}$")  # "STC", "AfTRA"
TITLE_ACRONYM = re.compile(r"^[A-Z][a-z]{2,7}$")  # "Stc", "Kitra": acronyms written as words


def _find_acronyms(doc, text: str, ents) -> dict[str, tuple[str, str]]:
    """Acronyms defined in parentheses after their expansion: acronym -> (expansion, spaCy label)."""
    found: dict[str, tuple[str, str]] = {}
    for i, tok in enumerate(doc[:-2]):
        if tok.text != "(" or doc[i + 2].text != ")":
            continue
        acro = doc[i + 1].text
        if acro in found:
            continue
        if not ACRONYM.match(acro):
            first = _word_acronym_start(doc, i, acro) if TITLE_ACRONYM.match(acro) else None
            if first is not None:
                found[acro] = (text[doc[first].idx:doc[i - 1].idx + len(doc[i - 1].text)], "ORG")
            continue
        letters = [c for c in acro if c.isupper()]
        # Walk back over the expansion, matching initials from the last letter.
        j, k = i - 1, len(letters) - 1
        while j >= 0 and k >= 0 and i - j <= 12:
            w = doc[j]
            if w.lower_ in SMALL_WORDS and k < len(letters) - 1:
                j -= 1
                continue
            if w.text[:1].upper() == letters[k] and w.text[:1].isupper():
                k -= 1
                j -= 1
                continue
            break
        if k >= 0:
            first = _unordered_expansion(ents, i, letters)
            if first is None:
                continue
        else:
            first = j + 1
        while first < i and doc[first].lower_ in SMALL_WORDS:
            first += 1
        expansion = text[doc[first].idx:doc[i - 1].idx + len(doc[i - 1].text)]
        expansion = re.sub(r"\s*(?:['’]s|['’\"”])$", "", expansion)  # "the Kito Union's (KU) leaders"
        label = "ORG"
        for ent in ents:
            if ent.start <= first < ent.end or first <= ent.start < i:
                label = ent.label_ if ent.label_ in ENTITY_LABELS else "ORG"
                break
        found[acro] = (expansion, label)
    return found


def _spells(acro: str, words: list[str]) -> bool:
    """Whether ``acro`` is the words' beginnings in order, each word giving one or more letters
    ("kitra": KIto TRade Association), every word giving some."""
    if not words:
        return not acro
    w = words[0]
    return any(acro[:n] == w[:n] and _spells(acro[n:], words[1:]) for n in range(1, min(len(w), len(acro)) + 1))


def _word_acronym_start(doc, i: int, acro: str) -> int | None:
    """Start of an organisation's name ending before "(" whose words' beginnings spell an acronym
    written as a word: "Kito Trade Association (Kitra)", "Lira Council for Open Data (Lcod)" --
    styles that write acronyms with one capital. At least two capitalised words; the longest
    such name within 12 tokens; small words ("for", "and") are skipped."""
    low = acro.lower()
    best = None
    for j in range(i - 1, max(-1, i - 13), -1):
        w = doc[j]
        if not (w.is_title or w.lower_ in SMALL_WORDS):
            break
        if not w.is_title:
            continue
        words = [t.lower_ for t in doc[j:i] if t.is_title]
        if len(words) >= 2 and _spells(low, words):
            best = j
    return best


def _implicit_acronyms(doc, ents, defined: dict) -> dict[str, tuple[int, int]]:
    """Acronyms the article uses without defining them, whose letters are the initials of a name
    the model found (at least in part) as an organisation in the same article: "UDP" and
    "United Party for National Development"; two letters only for a two-word organisation the
    model found whole ("KA" and "Kito Association"). Returns acronym -> character span of that name."""
    acros = sorted({e.text for e in ents if e.label_ == "ORG" and len(e) == 1 and e.text.isalpha()
                    and e.text.isupper() and 2 <= len(e.text) <= 6}
                   - set(defined) - set(gazetteer.variants()))
    # Two letters spell too many names: only an organisation the model found whole, of two words
    # ("KA" and "Kito Association").
    whole = {(e.start + (e[0].lower_ == "the"), e.end) for e in ents if e.label_ == "ORG"}
    out = {}
    if not acros:
        return out
    starts: dict[str, list[int]] = defaultdict(list)
    for tok in doc:
        if tok.is_title:
            starts[tok.text[0]].append(tok.i)
    for acro in acros:
        for i in starts.get(acro[0], ()):
            j, k = i, 0
            while j < len(doc) and k < len(acro):
                w = doc[j]
                if k > 0 and w.lower_ in SMALL_WORDS:
                    j += 1
                elif w.text[:1] == acro[k] and w.is_title:
                    j += 1
                    k += 1
                else:
                    break
            if k < len(acro) or (len(acro) == 2 and (i, j) not in whole):
                continue
            types = {t.ent_type_ for t in doc[i:j]}
            if "ORG" in types and "PERSON" not in types:
                out[acro] = (doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text))
                break
    return out


def _unordered_expansion(ents, i: int, letters: list[str]) -> int | None:
    """Start of an organisation's name ending right before "(": an acronym in parentheses there
    defines it even when its letters come in another order or from another language
    ("Front for the Liberation of Ruritania (FLR)" in another order, "Partido Verde (GP)" translated)."""
    for ent in ents:
        if ent.end == i:
            initials = sorted(t.text[0] for t in ent if t.text[:1].isupper())
            if initials == sorted(letters) or (ent.label_ in ("ORG", "NORP") and initials[:1] and
                                               any(c in letters for c in initials)):
                return ent.start
            return None
    return None


def _acronyms_defined_elsewhere(texts: pd.Series, keys: pd.Series, key_kind: dict) -> dict[str, str]:
    """An acronym used bare in one article ("STC") and defined in another ("Southern Trade
    Council (STC)") is the defined actor, when the corpus defines it one way only
    (or as one name and longer forms of it)."""
    surf = texts.map(lambda t: clean_surface(str(t)))
    is_acro = surf.str.fullmatch(r"[A-Z][A-Z0-9&\-]{1,9}").fillna(False).to_numpy(bool)
    if not is_acro.any():
        return {}
    expansions: dict[str, set] = defaultdict(set)
    for a, k in zip(surf[is_acro].map(normalize_name), keys[is_acro]):
        if k != a:
            expansions[a].add(k)
    out = {}
    for a, ks in expansions.items():
        shortest = min(ks, key=lambda k: (len(k), k))
        if not all(k == shortest or k.startswith(shortest + " ") for k in ks):
            continue  # "PA": a Port Authority here, a Press Association there
        out.update({k: shortest for k in ks if k != shortest})
        if key_kind.get(a) not in (None, "person"):
            out[a] = shortest
    return out
