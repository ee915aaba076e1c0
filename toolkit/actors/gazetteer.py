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
    places, demonyms, capitals, countries = set(), {}, set(), set()
    for r in wordlists.rows("countries"):
        places.add(r["country"])
        if r["capital"]:  # continents have none
            countries.add(r["country"])
        for d in r["demonyms"].split(","):
            if d:
                demonyms.setdefault(d, r["country"])
        if r["capital"]:
            places.add(r["capital"])
            capitals.add(r["capital"])
    for v, c in variants().items():
        if c in places:
            places.add(v)
        if c in countries:
            countries.add(v)
    return places, demonyms, capitals, countries


def whole_country(country: str) -> str:
    """The country a nation is part of ("Scotland" -> "United Kingdom"), else itself."""
    return wordlists.mapping("country_parts", "part", "country").get(country, country)


def is_country(name: str) -> bool:
    """A country or a common variant of one ("Kenya", "U.S."), not a capital."""
    return name in _tables()[3]


def country_of(name: str) -> str | None:
    """The country a country name, variant, capital or demonym stands for ("U.S.", "Nairobi",
    "Kenyan" -> "United States", "Kenya", "Kenya"); None otherwise."""
    name = canonical_variant(name)
    if name in _tables()[3]:
        return name
    country = _capital_country().get(name) or country_of_demonym(name)
    return country if country in _tables()[3] else None


@functools.lru_cache(maxsize=1)
def _capital_country() -> dict[str, str]:
    return {r["capital"]: r["country"] for r in wordlists.rows("countries") if r["capital"]}


def variants() -> dict[str, str]:
    """Variant -> canonical name: "U.S." -> "United States"."""
    return wordlists.mapping("name_variants", "variant", "canonical")


@functools.lru_cache(maxsize=1)
def _undotted_variants() -> dict[str, str]:
    return {v.replace(".", ""): c for v, c in variants().items()}


def is_role_word(word: str) -> bool:
    """A capitalised word that can be part of a title or role ("Vice", "President", "Sen.")."""
    return word[:1].isupper() and word.lower() in wordlists.words("title_words")


def is_title_head(word: str) -> bool:
    """A capitalised word that makes a run of role words a title ("President", "Secretary"),
    as opposed to modifiers that also occur in ordinary names ("General", "Chief", "State")."""
    return is_role_word(word) and word.lower() not in wordlists.words("title_modifiers")


def is_job_head(word: str) -> bool:
    """A capitalised word that can head a job title: "Secretary", "Manager", "Director" (a title
    or a noun for a person), not a modifier such as "State" or "Foreign"."""
    return word[:1].isupper() and (is_title_head(word) or word.lower() in wordlists.words("person_nouns"))


def is_place(name: str) -> bool:
    """A country, capital city or common variant of one ("Nairobi", "U.S.")."""
    return name in _tables()[0]


@functools.lru_cache(maxsize=1)
def _adjectives() -> frozenset:
    return frozenset(r["demonyms"].split(",")[0] for r in wordlists.rows("countries") if r["demonyms"])


def demonym_adjective(word: str) -> str | None:
    """``word`` when it is the adjective of a country ("Kenyan", "Swiss"), else None."""
    return word if word in _adjectives() else None


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
    """The canonical form of a common name variant, with or without its dots: "U.S.", "U.S" and
    "US" -> "United States", "U.N" (a sentence's last word loses its dot) -> "United Nations",
    "Fla" (of "Kito, Fla.") -> "Florida"."""
    hit = variants().get(name)
    if hit is None and ("." in name or name.isupper()):
        hit = _undotted_variants().get(name.replace(".", ""))
    if hit is None and name[-1:].isalpha() and " " not in name:
        hit = variants().get(name + ".")  # "Fla" of "Kito, Fla.": the name's clean-up took its dot
    return hit or name


def party_words() -> list[str]:
    """Every party word ("Democrats", "Tories", "Lib Dem")."""
    return list(wordlists.mapping("party_words", "word", "party"))


def party_words_of(party: str) -> list[str]:
    """The words of a party: "Conservative Party" -> ["Tory", "Tories", "Conservative", ...]."""
    return [w for w, p in wordlists.mapping("party_words", "word", "party").items() if p == party]


def party_country(word: str) -> str | None:
    """The country whose news a party word belongs to: "Tories" -> "United Kingdom"."""
    return wordlists.mapping("party_words", "word", "country").get(word)


@functools.lru_cache(maxsize=1)
def _religions() -> frozenset:
    return wordlists.words("religions")


def is_religion(name: str) -> bool:
    """A religion as a belief ("Islam", "Catholicism"): no actor; its believers are a group."""
    return name in _religions() or (name.endswith("ism") and name[:1].isupper() and " " not in name)
