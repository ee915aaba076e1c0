"""General knowledge the actor rules use: countries with their demonyms and capitals, common name
variants, party words, and the words of titles and roles, read from the word lists in
``toolkit/data/wordlists/`` (countries, name_variants, party_words, title_words, title_modifiers,
not_actors). Not tuned to any text; extend with a user alias table.
"""
from __future__ import annotations

import functools

from .. import wordlists


@functools.lru_cache(maxsize=1)
def _tables():
    places, demonyms, capitals = set(), {}, set()
    for r in wordlists.rows("countries"):
        places.add(r["country"])
        for d in r["demonyms"].split(","):
            if d:
                demonyms.setdefault(d, r["country"])
        if r["capital"]:
            places.add(r["capital"])
            capitals.add(r["capital"])
    for v, c in variants().items():
        if c in places:
            places.add(v)
    return places, demonyms, capitals


def variants() -> dict[str, str]:
    """Variant -> canonical name: "U.S." -> "United States"."""
    return wordlists.mapping("name_variants", "variant", "canonical")


def is_role_word(word: str) -> bool:
    """A capitalised word that can be part of a title or role ("Vice", "President", "Sen.")."""
    return word[:1].isupper() and word.lower() in wordlists.words("title_words")


def is_title_head(word: str) -> bool:
    """A capitalised word that makes a run of role words a title ("President", "Secretary"),
    as opposed to modifiers that also occur in ordinary names ("General", "Chief", "State")."""
    return is_role_word(word) and word.lower() not in wordlists.words("title_modifiers")


def is_place(name: str) -> bool:
    """A country, capital city or common variant of one ("Nairobi", "U.S.")."""
    return name in _tables()[0]


def country_of_demonym(word: str) -> str | None:
    """The country of a demonym: "Rwandan" -> "Rwanda"; None when unknown (e.g. "Hutu")."""
    table = _tables()[1]
    return table.get(word) or (table.get(word[:-1]) if word.endswith("s") else None)


@functools.lru_cache(maxsize=1)
def _not_actors() -> frozenset:
    return frozenset(w.casefold() for w in wordlists.words("not_actors"))


def is_not_actor(name: str) -> bool:
    """A name the model tags that is no actor: a disease such as "Ebola"."""
    return name.casefold() in _not_actors()


def party_of(word: str) -> str | None:
    """The party of a member or adjective: "Democrats" -> "Democratic Party"; None otherwise."""
    return wordlists.mapping("party_words", "word", "party").get(word)


def canonical_variant(name: str) -> str:
    """The canonical form of a common name variant: "U.S." -> "United States"."""
    return variants().get(name, name)
