"""One name, several actors: told apart by the context of each article, so that the merge joins
same-named actors only when kind and context agree.

- Generic institutions: a name made only of words every country uses for its institutions
  ("Supreme Court", "Parliament", "Ministry of Health"; ``generic_institutions``) is the
  institution of the article's country when the corpus uses it in articles of several countries:
  "Supreme Court (Lira)" and "Supreme Court (Kito)" are two actors. An article without a clear
  country keeps the bare name, and so does one that names a specific institution with that head
  ("Council" beside "Kito Council").
- Parties: the US and UK party names ("Labour Party", "Democratic Party") written in another
  country's news (three quarters of its country mentions name it, and none the party's own
  country) are that country's party.
- National teams: in a sports report (match scores and sports words), a country's name that is
  not the place of something ("in Lira") is its national team: "Lira (team)", an organisation.
- A state and its city: "Lira, Lira" (a city, then its state) and "Lira state" name the state,
  "Lira (state)".
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

import pandas as pd

from .. import wordlists
from . import gazetteer
from .spans import SMALL_WORDS, clean_surface

_GENERIC = wordlists.words("generic_institutions")
_SPORT_WORDS = wordlists.words("sport_words")
# a match score ("won 2-1"), not a range of a quantity ("2-3 days", "18-19 years old", "4-5%")
_UNITS = "|".join(re.escape(w) + (r"\b" if w[-1].isalnum() else "")
                  for w in sorted(wordlists.words("quantity_units"), key=len, reverse=True))
_SCORE = re.compile(r"(?<![0-9\-/.:])[0-9]{1,2}-[0-9]{1,2}(?![0-9\-/.:])(?!\s*(?:%s))" % _UNITS)
_WORD = re.compile(r"[a-z][a-z\-]+")
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|to|from|at|across|near|into|visit|visited|visiting)\s+(?:the\s+)?)$", re.I)
# "lost to Lira", "fell to Lira": a result, the team (not a journey to the place)
_RESULT_TO = re.compile(r"\b(?:lost|lose|loses|losing|fell|fall|falls|went down|go down|goes down|slipped)\s+to\s+(?:the\s+)?$", re.I)


def is_generic(name: str) -> bool:
    """A name made only of generic institution words: "Supreme Court", "Ministry of Health"."""
    words = [w for w in name.split() if w.lower() not in SMALL_WORDS]
    return bool(words) and all(w in _GENERIC for w in words)


def article_countries(m: pd.DataFrame, min_mentions: int = 2, share: float = 0.5) -> dict[str, str]:
    """article_id -> its country: the one that ``share`` of its country mentions name (at least
    ``min_mentions``); a nation of a country counts as that country ("Scotland": United Kingdom)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for aid, name, kind in zip(m["article_id"].tolist(), m["name"].tolist(), m["kind"].tolist()):
        if kind == "place":
            c = gazetteer.country_of(str(name))
            if c:
                counts[aid][gazetteer.whole_country(c)] += 1
    out = {}
    for aid, c in counts.items():
        (top, n), total = c.most_common(1)[0], sum(c.values())
        if n >= min_mentions and share * total <= n:
            out[aid] = top
    return out


def tell_homonyms_apart(m: pd.DataFrame) -> pd.DataFrame:
    """``m`` with the names of generic institutions and foreign namesakes of the US and UK parties
    qualified by their article's country (see the module docstring)."""
    if m.empty:
        return m
    country = article_countries(m)
    names = m["name"].astype(str)
    generic = names.map(is_generic) & (m["kind"] == "organization").to_numpy()
    home = names.map(lambda n: _party_home(n))
    arts = m["article_id"].map(country).astype(object)
    out = names.copy()
    if generic.any():
        spread = pd.DataFrame({"n": names[generic], "c": arts[generic]}).dropna().groupby("n")["c"].nunique()
        several = set(spread[spread >= 2].index)
        # "Council" in an article naming the "Kito Council": short for that one, not the country's
        heads = defaultdict(set)
        for aid, n, g in zip(m["article_id"].tolist(), names.tolist(), generic.tolist()):
            if not g and " " in n:
                heads[aid].add(n.split()[-1])
        named = pd.Series([n in heads[a] for a, n in zip(m["article_id"].tolist(), names.tolist())], index=m.index)
        sel = generic & names.isin(several) & arts.notna() & ~named
        out[sel] = names[sel] + " (" + arts[sel].astype(str) + ")"
    clear = m["article_id"].map(article_countries(m, 3, 0.75)).astype(object)
    foreign = home.notna() & clear.notna() & (home != clear)
    if foreign.any():
        mentioned = defaultdict(set)
        for aid, n in zip(m["article_id"].tolist(), names.tolist()):
            c = gazetteer.country_of(n)
            if c:
                mentioned[aid].add(gazetteer.whole_country(c))
        sel = foreign & pd.Series([h not in mentioned[a] for a, h in zip(m["article_id"].tolist(), home)], index=m.index)
        out[sel] = names[sel] + " (" + clear[sel].astype(str) + ")"
    return m.assign(name=out.astype("string"))


def _party_home(name: str) -> str | None:
    words = gazetteer.party_words_of(name)
    return gazetteer.party_country(words[0]) if words else None


def is_sport_report(text: str) -> bool:
    """Several distinct sports words (five), or fewer with match scores: "Lira beat Kito 2-1 ...
    the coach said the squad ..."."""
    words = len(set(_WORD.findall(text.lower())) & _SPORT_WORDS)
    scores = len(_SCORE.findall(text))
    return words >= 5 or (scores >= 1 and words >= 3) or (scores >= 3 and words >= 1)


def teams_and_states(text: str, rows: list[dict]) -> None:
    """Name national teams in a sports report ("Lira (team)") and states named beside their city
    ("Lira, Lira", "Lira state": "Lira (state)"), in place."""
    sport = None
    for k, r in enumerate(rows):
        if r["kind"] != "place" or r.get("resolved_by") == "alias":
            continue
        name = r["name"]
        after = text[r["end"]:r["end"] + 7]
        prev = rows[k - 1] if k else None
        if (prev is not None and prev["name"] == name and text[prev["end"]:r["start"]] == ", ") \
                or (re.match(r"^\s+state\b", after) and not gazetteer.is_country(name)):
            r["name"] = f"{name} (state)"
            continue
        if r["label"] in ("GPE", "ORG") and gazetteer.is_country(clean_surface(r["text"])):
            if sport is None:
                sport = is_sport_report(text)
            before = text[max(0, r["start"] - 20):r["start"]]
            if sport and (not _PLACE_BEFORE.search(before) or _RESULT_TO.search(before)):
                r["name"], r["kind"] = f"{name} (team)", "organization"
