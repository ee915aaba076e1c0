"""Across the corpus: a bare surname to the full name most readers mean, by evidence.

An article that names "Ade" but never in full leaves the surname to the corpus (when the
article's evidence says "Ade" is a person, or only the model's label says it is an organisation). When the corpus names one person with that surname
("Jo Ade"), the surname is that person when the article shares some context with those naming Jo
Ade in full (two other actors, not the commonest of the corpus; or the outlet within 30 days),
or when Jo Ade is named in full in three articles or more and a tenth of the corpus at least:
"corpus: only full name". When it names
several ("Jo Ade", "Kito Ade"), the article's evidence decides, in this order, and
``resolved_by`` says which:

- "corpus: title": the article's title for the surname ("President Ade") is a title of exactly
  one of them (honorifics, "Mr", "Dr", tell no one apart);
- "corpus: co-mentions": the article names the same actors as the articles naming one of them in
  full, far more than for the others (twice the overlap, at least two actors);
- "corpus: outlet and date": only one of them is named in full by the same outlet within 30 days;
- "corpus: dominant": one of them is named in full at least three times as often as any other
  (and at least five times), and an article naming them shares an actor with this one.

An article that names some of them in full itself ("Jo Ade" and "Kito Ade", its bare "Ade" left
undecided by the article) chooses among those only: a third "Ade" named elsewhere in the corpus,
however often, is not whom it means. Otherwise the surname stays an actor of its own
(``corpus.actor`` then lists the candidates).
Surnames only: first names are too often shared across a corpus.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict

import pandas as pd

from .. import wordlists
from .names import normalize_name

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
WINDOW_DAYS = 30
HONORIFICS = wordlists.words("honorifics")  # "Mr Ade" tells no Ade from another


def surname_key(key: str) -> str | None:
    """The surname of a normalised full name ("jo ade jr" -> "ade"); None for one word."""
    toks = [t for t in key.split() if t not in _SUFFIXES]
    return toks[-1] if len(toks) >= 2 else None


def resolve_surnames(m: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """``m`` (mention rows with article_id, name, kind, title, resolved_by) with the bare surnames
    of people named in full elsewhere in the corpus resolved by evidence (module docstring)."""
    if m.empty:
        return m
    keys = m["name"].map(normalize_name)
    person = (m["kind"] == "person").to_numpy()
    owners: dict[str, Counter] = defaultdict(Counter)
    for k, n in keys[person & keys.str.contains(" ").to_numpy()].value_counts().items():
        s = surname_key(k)
        if s:
            owners[s][k] = n
    # the model often reads a bare surname as an organisation ("Ade said"): such a surname of the
    # corpus's people is resolved too, and becomes a person when it is
    surname_org = ((m["kind"] == "organization") & (m["label"] == "ORG")).to_numpy() & ~keys.str.contains(" ").to_numpy()
    bare = (person | surname_org) & keys.isin(list(owners)).to_numpy()
    if not bare.any():
        return m
    ev = _Evidence(m, keys, articles)
    names = dict(zip(keys[person].tolist(), m.loc[person, "name"].tolist()))
    # the decisions are gathered and written once: a write per group into an Arrow-backed column
    # copies the column each time, quadratic in the corpus
    rows, hit_names, hows = [], [], []
    for (aid, k), idx in m[bare].groupby([m["article_id"][bare], keys[bare]]).groups.items():
        titles = {t for t in m.loc[idx, "title"] if isinstance(t, str) and t} - HONORIFICS
        hit, how = ev.decide(aid, k, owners[k], titles)
        if hit is not None:
            rows.extend(idx)
            hit_names.extend([names.get(hit, hit)] * len(idx))
            hows.extend([how] * len(idx))
    if not rows:
        return m
    out_name, out_how, out_kind = m["name"].copy(), m["resolved_by"].copy(), m["kind"].copy()
    out_name.loc[rows] = pd.Series(hit_names, index=rows, dtype=out_name.dtype)
    out_how.loc[rows] = pd.Series(hows, index=rows, dtype=out_how.dtype)
    out_kind.loc[rows] = "person"
    return m.assign(name=out_name, resolved_by=out_how, kind=out_kind)


class _Evidence:
    """What the corpus knows of each full name: titles, co-mentioned actors, outlets and dates."""

    def __init__(self, m: pd.DataFrame, keys: pd.Series, articles: pd.DataFrame | None):
        self.titles: dict[str, set] = defaultdict(set)
        for k, t in zip(keys.tolist(), m["title"].tolist()):
            if isinstance(t, str) and t:
                self.titles[k].add(t)
        self.in_article: dict[str, set] = defaultdict(set)
        for aid, k in zip(m["article_id"].tolist(), keys.tolist()):
            self.in_article[aid].add(k)
        self.articles_of: dict[str, set] = defaultdict(set)
        for aid, ks in self.in_article.items():
            for k in ks:
                self.articles_of[k].add(aid)
        self.source, self.date = {}, {}
        if articles is not None and "article_id" in articles:
            ids = articles["article_id"].astype(str)
            if "source" in articles:
                self.source = dict(zip(ids, articles["source"]))
            if "published" in articles:
                self.date = dict(zip(ids, pd.to_datetime(articles["published"], errors="coerce", utc=True)))

    def decide(self, aid: str, key: str, cands: Counter, titles: set) -> tuple[str | None, str | None]:
        own = self.in_article[aid] & set(cands)
        if len(own) >= 2:  # the article's own people of that surname: the corpus chooses among them
            cands = Counter({c: n for c, n in cands.items() if c in own})
        if len(cands) == 1:  # one person of the corpus has the surname: the article must share some context
            only = next(iter(cands))
            if self._shared(aid, key, only) or self._outlet_and_date(aid, cands) or self._prominent(only):
                return only, "corpus: only full name"
            return None, None
        if titles:
            same = [c for c in cands if (self.titles[c] - HONORIFICS) & titles]
            if len(same) == 1:
                return same[0], "corpus: title"
        hit = self._co_mentions(aid, key, cands)
        if hit:
            return hit, "corpus: co-mentions"
        hit = self._outlet_and_date(aid, cands)
        if hit:
            return hit, "corpus: outlet and date"
        (first, n1), *rest = cands.most_common()
        if n1 >= 5 and n1 >= 3 * (rest[0][1] if rest else 0) and self._shared(aid, key, first):
            return first, "corpus: dominant"
        return None, None

    def _shared(self, aid: str, key: str, cand: str) -> bool:
        """The article names two actors that articles naming ``cand`` in full name too, leaving
        out the actors of more than a quarter of a corpus's articles ("United States" in US
        news tells nothing)."""
        here = self.in_article[aid] - {key, cand} - self._common()
        seen = set()
        for other in self.articles_of[cand] - {aid}:
            seen |= here & self.in_article[other]
            if len(seen) >= 2:
                return True
        return False

    def _prominent(self, cand: str) -> bool:
        """``cand`` is named in full in three articles or more and in a tenth of the corpus at
        least: a bare surname no one else of the corpus bears is that person, whatever else the
        article names (a campaign story's "Ade leads the polls" in a corpus about Jo Ade)."""
        n = len(self.articles_of[cand])
        return n >= 3 and n * 10 >= len(self.in_article)

    def _common(self) -> set:
        """The actors of more than a quarter of the articles (of a corpus of eight or more); once."""
        if self.__dict__.get("_common_keys") is None:
            n = len(self.in_article)
            self._common_keys = {k for k, a in self.articles_of.items() if len(a) * 4 > n} if n >= 8 else set()
        return self._common_keys

    def _co_mentions(self, aid: str, key: str, cands: Counter) -> str | None:
        """The candidate whose articles name most of this article's other actors, each weighted
        by its rarity (an actor of every other article, "United States", tells little)."""
        here = self.in_article[aid] - {key} - set(cands)
        n = max(len(self.in_article), 2)
        scores = {}
        for c in cands:
            seen = set()
            for other in self.articles_of[c] - {aid}:
                seen |= self.in_article[other]
            shared = here & seen
            scores[c] = (len(shared), sum(math.log(n / len(self.articles_of[k])) for k in shared))
        ranked = sorted(scores.items(), key=lambda kv: -kv[1][1])
        (best, (k1, w1)), (_, (_, w2)) = ranked[0], ranked[1]
        if k1 >= 2 and w1 >= 2 * w2 and w1 > 0:
            return best
        return None

    def _outlet_and_date(self, aid: str, cands: Counter) -> str | None:
        src, day = self.source.get(aid), self.date.get(aid)
        if src is None or day is None or pd.isna(day):
            return None
        near = []
        for c in cands:
            for other in self.articles_of[c] - {aid}:
                d = self.date.get(other)
                if self.source.get(other) == src and d is not None and not pd.isna(d) \
                        and abs((d - day).days) <= WINDOW_DAYS:
                    near.append(c)
                    break
        return near[0] if len(near) == 1 else None
