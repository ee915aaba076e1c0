"""The analysed corpus: its tidy tables and the lookups over them; opening one from a store."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import store as store_mod
from .actors.lookup import find_actor
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
    """The analysed corpus: tidy tables (see DATA_MODEL.md) and lookups over them. ``store`` is the
    folder it was opened from or saved to (None otherwise): ``tk.search`` keeps its index there."""

    articles: pd.DataFrame
    mentions: pd.DataFrame
    actors: pd.DataFrame
    quotes: pd.DataFrame
    sentences: pd.DataFrame
    topics: pd.DataFrame = field(default_factory=pd.DataFrame)
    article_topics: pd.DataFrame = field(default_factory=pd.DataFrame)
    paragraph_topics: pd.DataFrame = field(default_factory=pd.DataFrame)
    store: str | None = field(default=None, repr=False, compare=False)
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

    def save(self, path, *, meta: dict | None = None, files: dict | None = None) -> None:
        """Write every table as Parquet under ``path`` (see :func:`toolkit.open_corpus`), replacing
        the corpus saved there before as a whole: a save killed at any moment, or failing on a full
        disk (StoreWriteError), leaves the previous corpus readable; saves at once take turns.
        ``files`` (name -> bytes or str) are saved with the tables and replaced with them. A field
        Parquet cannot hold as it is is stored as JSON text, with a warning (see
        :mod:`toolkit.load.fields`)."""
        store_mod.save_tables(self.tables(), path, meta=meta, files=files)
        self.store = str(path)

    def actor(self, name: str) -> ActorProfile:
        """Look an actor up by actor_id, name, any alias, or a word of a person's name (case,
        accents and dots ignored): ``corpus.actor("Lima")``. Of several matches, the actor whose
        mentions use the name most (at least twice as often as any other) is the one meant
        ("Trump": Donald Trump); a title before the name is set aside when the actor carries it
        ("President Lima").

        Raises UnknownActorError when nothing matches (with close names: "Presdient Lima") or when
        the name stays ambiguous (listing the candidates; the error's ``candidates`` holds them)."""
        row = find_actor(self.actors, self.mentions, name)
        aid = row["actor_id"]
        mentions = self.mentions[self.mentions["actor_id"] == aid]
        arts = self.articles[self.articles["article_id"].isin(mentions["article_id"])]
        quotes = self.quotes[self.quotes["actor_id"] == aid] if "actor_id" in self.quotes else self.quotes.iloc[:0]
        return ActorProfile(row, mentions.reset_index(drop=True), arts.reset_index(drop=True),
                            quotes.reset_index(drop=True))


def open_corpus(path) -> Corpus:
    """Open a store written by ``tk.analyze(..., cache=path)`` or ``corpus.save(path)`` without
    re-analysis. Raises StoreError when the folder holds no finished corpus or a file is damaged."""
    return Corpus(**store_mod.read_tables(path), store=str(path))
