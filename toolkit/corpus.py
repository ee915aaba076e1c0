"""The analysed corpus: its tidy tables and the lookups over them; opening one from a store."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from . import store as store_mod
from .actors.lookup import find_actor
from .errors import EmptyCorpusError, InvalidOptionError, QueryError
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
    # (a factory, not ``= None``: a class attribute would hide an opened store's unread table)
    attributions: pd.DataFrame | None = field(default_factory=lambda: None)

    def __post_init__(self):
        if self.attributions is None:
            q = self.quotes
            if set(columns("quotes")) <= set(q.columns):
                self.attributions = typed(q.assign(act="statement"), "attributions")
            else:
                self.attributions = q.assign(act="statement")

    def __getattr__(self, name):
        # only reached when ``name`` is not set: a table of an opened store not read yet
        stored = self.__dict__.get("_stored")
        if stored is None or name not in CORPUS_TABLES:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        df = stored.read(name)
        self.__dict__[name] = df
        return df

    def _n(self, name: str) -> int:
        if name in self.__dict__ or self.__dict__.get("_stored") is None:
            return len(getattr(self, name))
        return self.__dict__["_stored"].n_rows(name)

    def __repr__(self):
        n = self._n
        return (f"<Corpus: {n('articles')} articles, {n('mentions')} mentions of "
                f"{n('actors')} actors, {n('quotes')} quotes, {n('topics')} topics>")

    @property
    def loaded(self) -> tuple[str, ...]:
        """The tables in memory. A corpus opened from a store reads each table on first use."""
        return tuple(name for name in CORPUS_TABLES if name in self.__dict__)

    def sql(self, query: str) -> pd.DataFrame:
        """Run a DuckDB SQL query over the corpus's tables, each a view by its name (``articles``,
        ``mentions``, ``actors``, ``quotes``, ``attributions``, ``sentences``, ``topics``,
        ``article_topics``, ``paragraph_topics``; columns in DATA_MODEL.md) and return the result.

        On a corpus opened from a store the views read the Parquet files in place, so a filter or
        an aggregation never loads a whole table into pandas (a table already in memory is queried
        as it is there). Each file's checksum is checked on its first query::

            >>> corpus.sql("select kind, count(*) as n from actors group by kind order by n desc")
                     kind     n
            0      person  1385
            1         org   845
            ...

        Raises QueryError naming DuckDB's complaint (a syntax error, an unknown table or column).
        """
        import duckdb

        if not isinstance(query, str) or not query.strip():
            raise QueryError(f"corpus.sql needs a SQL query as text, got {query!r}")
        stored = self.__dict__.get("_stored")
        con = duckdb.connect()
        try:
            for name in CORPUS_TABLES:
                if stored is not None and name not in self.__dict__:
                    f = str(stored.file(name)).replace("'", "''")
                    con.execute(f"create view {name} as select * from read_parquet('{f}')")
                else:
                    con.register(name, getattr(self, name))
            try:
                return con.execute(query).df()
            except duckdb.Error as exc:
                first = (str(exc).splitlines() or [""])[0]
                raise QueryError(f"corpus.sql: {first} (tables: {', '.join(CORPUS_TABLES)}; see DATA_MODEL.md "
                                 "for their columns)") from None
        finally:
            con.close()

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

    def rename_topics(self, labels: dict) -> "Corpus":
        """A copy of the corpus whose topics carry the labels you give: ``labels`` maps a topic_id
        or a current label to the new label (``corpus = corpus.rename_topics({"t00": "Elections",
        "haiti, mission, kenya": "Haiti mission"})``). Every chart, table and explorer then shows
        the new labels; topics not named keep theirs. The corpus itself is unchanged; saving the copy
        saves the labels. Raises InvalidOptionError for a key that is no topic, and for labels that
        would name two topics alike."""
        t = self.topics
        if t is None or t.empty or "topic_id" not in t.columns:
            raise EmptyCorpusError("the corpus has no topics to rename: run tk.analyze(articles, topics=True)")
        ids, old = t["topic_id"].tolist(), t["label"].astype(str).tolist()
        by_label = dict(zip(old, ids))
        new = dict(zip(ids, old))
        for key, label in dict(labels).items():
            if key in new:  # a topic_id first, then a current label
                tid = key
            elif isinstance(key, str) and key in by_label:
                tid = by_label[key]
            else:
                raise InvalidOptionError("labels", key, [*ids, *old])
            if not isinstance(label, str) or not label.strip():
                raise InvalidOptionError(f"labels[{key!r}]", label, ("a non-empty label",))
            new[tid] = label.strip()
        dup = pd.Series(list(new.values())).duplicated(keep=False)
        if dup.any():
            raise InvalidOptionError("labels", sorted(set(pd.Series(list(new.values()))[dup])),
                                     ("labels naming one topic each",))
        topics = t.copy()
        topics["label"] = pd.Series([new[i] for i in ids], index=t.index, dtype=t["label"].dtype)
        return replace(self, topics=topics)

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


def open_corpus(path, *, lazy: bool = True) -> Corpus:
    """Open a store written by ``tk.analyze(..., cache=path)`` or ``corpus.save(path)`` without
    re-analysis. Opening reads only the manifest (constant time, whatever the corpus size); each
    table is read on first use, and :meth:`Corpus.sql` queries the files in place.
    ``lazy=False`` reads every table now.

    Raises StoreError when the folder holds no finished corpus or a table file is missing; a
    damaged table raises it when first used (at once with ``lazy=False``)."""
    if lazy not in (True, False):
        raise InvalidOptionError("lazy", lazy, (True, False))
    if not lazy:
        return Corpus(**store_mod.read_tables(path), store=str(path))
    corpus = Corpus.__new__(Corpus)
    corpus.__dict__.update(_stored=store_mod.StoredTables(path), store=str(path))
    return corpus
