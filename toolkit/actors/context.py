"""What an article is about, as far as names go: the countries it mentions and the parties it names
in full. Rules that read a name differently by country use it: a party word stands for the US or UK
party only in news of that country ("the Democrats" of an article on Ruritania's "Neo Democrats"
are that party), and a generic institution ("Parliament", "the Supreme Court") is the one of the
article's country (see :mod:`.merge`).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from . import gazetteer
from .spans import clean_surface


@dataclass
class ArticleContext:
    """``countries``: mentions per country (names, variants, capitals and demonyms); ``parties``:
    party word -> the party named in full in the article whose name ends in it."""

    countries: Counter = field(default_factory=Counter)
    parties: dict = field(default_factory=dict)

    def country(self) -> str | None:
        """The article's country: the most mentioned one, when it has at least two mentions and
        more than any other."""
        top = self.countries.most_common(2)
        if not top or top[0][1] < 2 or (len(top) == 2 and top[1][1] == top[0][1]):
            return None
        return top[0][0]

    def party(self, word: str) -> str | None:
        """The party a party word stands for here: one named in full in the article ("Neo
        Democrats" for "Democrats"), else the US or UK party, unless the article is clearly
        another country's news (three quarters of its country mentions, at least three, name one
        other country, and none names the party's country or a part of it): None then."""
        if word in self.parties:
            return self.parties[word]
        party = gazetteer.party_of(word)
        if party is None:
            return None
        home = gazetteer.party_country(word)
        if any(gazetteer.whole_country(c) == home for c in self.countries):
            return party
        top = self.countries.most_common(1)
        total = sum(self.countries.values())
        if top and top[0][1] >= 3 and 4 * top[0][1] >= 3 * total:
            return None  # clearly another country's news, which never mentions the party's country
        return party


def article_context(rows: list[dict]) -> ArticleContext:
    """The context of an article from its mention rows (start, end, text, label)."""
    ctx = ArticleContext()
    for r in rows:
        surface = clean_surface(r["text"])
        if r["label"] in ("GPE", "NORP", "DEMONYM", "LOC"):
            country = gazetteer.country_of(surface)
            if country:
                ctx.countries[country] += 1
        words = surface.split()
        party = gazetteer.party_of(words[-1]) if len(words) >= 2 and r["label"] in ("ORG", "NORP") else None
        if party and not gazetteer.party_of(surface):
            for word in gazetteer.party_words_of(party):  # "Neo Democrats" for "Democrat(s)"
                ctx.parties.setdefault(word, surface)
    return ctx
