"""Finding an actor by what a user types: ``corpus.actor("Trump")``.

A query matches an actor by id, by name, by an alias (a form its mentions use) or by a word of a
person's name (case, accents and dots ignored). When several actors match, the one named exactly
so wins ("Amsterdam" the city beside the lawyer Jo Amsterdam), unless it is a bare surname the
corpus could not tie to one person; otherwise the one whose
mentions use the query most is the one readers mean, if it uses it at least twice as often as any
other ("Trump": Donald Trump, not a bare "Trump" of a few articles the corpus could not resolve);
otherwise the query is ambiguous and :class:`~toolkit.errors.UnknownActorError` lists the
candidates ("Kenyatta": Uhuru Kenyatta, Margaret Kenyatta). A title before the name is no part
of it ("President Ade" finds Jo Ade when Jo Ade carries that title). Nothing found: the error
suggests close names (difflib), also for a misspelt title ("Presdient Ade").
"""
from __future__ import annotations

import difflib
from collections import Counter

import pandas as pd

from ..errors import UnknownActorError
from . import gazetteer
from .names import normalize_name
from .spans import clean_surface


def find_actor(actors: pd.DataFrame, mentions: pd.DataFrame, query: str) -> pd.Series:
    """The row of ``actors`` the query names; raises UnknownActorError (with ``candidates``)."""
    if actors.empty:
        raise _error(f"no actor named {query!r}: the corpus has no actors", [])
    hit = actors[actors["actor_id"] == query]
    if len(hit):
        return hit.iloc[0]
    key = normalize_name(clean_surface(query))
    cands = _candidates(actors, key)
    if not cands.empty:
        return _choose(cands, mentions, key, query)
    titled = _without_title(actors, query)
    if titled is not None:
        return titled
    close = suggestions(actors, query)
    raise _error(f"no actor named {query!r}" + (f"; did you mean: {', '.join(close)}?" if close else
                 "; see corpus.actors for the names and aliases"), close)


def _candidates(actors: pd.DataFrame, key: str) -> pd.DataFrame:
    names = actors["name"].astype(str).map(normalize_name)
    exact = names == key
    alias = actors["aliases"].map(lambda al: any(normalize_name(str(x)) == key for x in al))
    part = (actors["kind"] == "person") & names.map(lambda n: key in n.split())
    return actors[exact | alias | part]


def _choose(cands: pd.DataFrame, mentions: pd.DataFrame, key: str, query: str) -> pd.Series:
    if len(cands) == 1:
        return cands.iloc[0]
    full_people = ((cands["kind"] == "person") & cands["name"].astype(str).str.contains(" ")).any()
    exact = cands[cands["name"].astype(str).map(normalize_name) == key]
    if len(exact) == 1 and not (exact.iloc[0]["kind"] in ("person", "organization") and " " not in key and full_people):
        return exact.iloc[0]  # "Amsterdam" the city, not the lawyer Jo Amsterdam
    uses = Counter()
    sub = mentions[mentions["actor_id"].isin(cands["actor_id"])]
    for aid, text in zip(sub["actor_id"], sub["text"]):
        if normalize_name(clean_surface(str(text))) == key:
            uses[aid] += 1
    ranked = sorted(cands["actor_id"], key=lambda a: -uses[a])
    first, second = uses[ranked[0]], uses[ranked[1]]
    top = cands[cands["actor_id"] == ranked[0]].iloc[0]
    # a bare surname the corpus could not tie to one of its people is the ambiguity itself
    unresolved = top["kind"] in ("person", "organization") and " " not in str(top["name"]) and full_people
    if first >= 1 and first >= 2 * second and not unresolved:
        return top
    listed = [f"{n} ({k}, {m} mentions)" for n, k, m in zip(cands["name"], cands["kind"], cands["n_mentions"])]
    raise _error(f"{query!r} is ambiguous: it may be {'; '.join(listed)}. Ask for one by its full name or "
                 "actor_id, or resolve it with an alias table", list(cands["name"]))


def _without_title(actors: pd.DataFrame, query: str) -> pd.Series | None:
    """The actor a titled query names ("President Ade") when the rest names one actor that
    carries the title."""
    words = query.split()
    k = 0
    while k < len(words) - 1 and gazetteer.is_role_word(words[k]):
        k += 1
    if k == 0:
        return None
    title, rest = " ".join(words[:k]), normalize_name(" ".join(words[k:]))
    cands = _candidates(actors, rest)
    cands = cands[cands["titles"].map(lambda ts: any(title.lower() in str(t).lower() for t in ts))]
    return cands.iloc[0] if len(cands) == 1 else None


def suggestions(actors: pd.DataFrame, query: str, n: int = 5) -> list[str]:
    """Close names for a query that matches none: names and aliases within difflib's reach, also
    once a (possibly misspelt) title is set aside ("Presdient Ade" -> "Jo Ade")."""
    by_form: dict[str, str] = {}
    for name, aliases, count in zip(actors["name"], actors["aliases"], actors["n_mentions"]):
        for form in [name, *aliases]:
            f = str(form).casefold()
            if f not in by_form:
                by_form[f] = str(name)
    forms = list(by_form)
    tries = [query.casefold()]
    words = query.split()
    if len(words) > 1:
        tries.append(" ".join(words[1:]).casefold())  # a title, perhaps misspelt, before the name
    out: list[str] = []
    for q in tries:
        for f in difflib.get_close_matches(q, forms, n=n, cutoff=0.8):
            if by_form[f] not in out:
                out.append(by_form[f])
    return out[:n]


def _error(message: str, candidates: list[str]) -> UnknownActorError:
    err = UnknownActorError(message)
    err.candidates = candidates
    return err
