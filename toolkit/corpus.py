"""The analysed corpus: its tidy tables and the lookups over them; opening one from a store."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import store as store_mod
from .actors import normalize_name
from .errors import UnknownActorError
from .schema import CORPUS_TABLES, columns, typed


@dataclass
class ActorProfile:
    """One actor: its row of the actors table, its mentions, the articles naming it and its quotes."""

    actor: pd.Series
    mentions: pd.DataFrame
    articles: pd.DataFrame
    quotes: pd.DataFrame

    def __repr__(self):
        a = self.actor
        return (f"<Actor {a['actor_id']}: {a['name']} ({a['kind']}), {a['n_mentions']} mentions in "
                f"{a['n_articles']} articles, {len(self.quotes)} quotes>")


@dataclass
class Corpus:
    """The analysed corpus: tidy tables (see DATA_MODEL.md) and lookups over them."""

    articles: pd.DataFrame
    mentions: pd.DataFrame
    actors: pd.DataFrame
    quotes: pd.DataFrame
    sentences: pd.DataFrame
    topics: pd.DataFrame = field(default_factory=pd.DataFrame)
    article_topics: pd.DataFrame = field(default_factory=pd.DataFrame)
    paragraph_topics: pd.DataFrame = field(default_factory=pd.DataFrame)
    # every attribution (statements, beliefs, others) with its ``act``; ``quotes`` holds its statements.
    # A corpus built without it takes its quotes as statements.
    attributions: pd.DataFrame | None = None

    def __post_init__(self):
        if self.attributions is None:
            q = self.quotes
            if set(columns("quotes")) <= set(q.columns):
                self.attributions = typed(q.assign(act="statement"), "attributions")
            else:
                self.attributions = q.assign(act="statement")

    def __repr__(self):
        return (f"<Corpus: {len(self.articles)} articles, {len(self.mentions)} mentions of "
                f"{len(self.actors)} actors, {len(self.quotes)} quotes, {len(self.topics)} topics>")

    def tables(self) -> dict[str, pd.DataFrame]:
        """The corpus's tables by name."""
        return {name: getattr(self, name) for name in CORPUS_TABLES}

    def save(self, path, *, meta: dict | None = None) -> None:
        """Write every table as Parquet under ``path`` (see :func:`toolkit.open_corpus`)."""
        store_mod.save_tables(self.tables(), path, meta=meta)

    def actor(self, name: str) -> ActorProfile:
        """Look an actor up by actor_id, name, any alias, or a word of one actor's name only
        (case and accents ignored): ``corpus.actor("Lima")``.

        Raises UnknownActorError naming close matches when nothing matches."""
        key = normalize_name(name)
        a = self.actors
        hit = a[(a["actor_id"] == name) | (a["name"].map(normalize_name) == key)]
        if hit.empty:
            hit = a[a["aliases"].map(lambda al: any(normalize_name(x) == key for x in al))]
        if hit.empty:  # a surname or first name of exactly one actor
            parts = a[a["name"].map(lambda n: key in normalize_name(n).split())]
            hit = parts if len(parts) == 1 else hit
        if hit.empty:
            close = a[a["name"].str.contains(name, case=False, regex=False, na=False)]["name"].head(5).tolist()
            raise UnknownActorError(f"no actor named {name!r}" + (f"; did you mean: {', '.join(close)}?" if close else
                                    "; see corpus.actors for the names and aliases"))
        row = hit.iloc[0]
        aid = row["actor_id"]
        mentions = self.mentions[self.mentions["actor_id"] == aid]
        arts = self.articles[self.articles["article_id"].isin(mentions["article_id"])]
        quotes = self.quotes[self.quotes["actor_id"] == aid] if "actor_id" in self.quotes else self.quotes.iloc[:0]
        return ActorProfile(row, mentions.reset_index(drop=True), arts.reset_index(drop=True),
                            quotes.reset_index(drop=True))


def open_corpus(path) -> Corpus:
    """Open a store written by ``tk.analyze(..., cache=path)`` or ``corpus.save(path)`` without
    re-analysis. Raises StoreError when the folder holds no finished corpus or a file is damaged."""
    return Corpus(**store_mod.read_tables(path))
