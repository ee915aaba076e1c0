"""``tk.analyze``: articles in, the corpus of tidy tables out."""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import pandas as pd

from . import actors as actors_mod
from . import pipeline
from .errors import InvalidOptionError, MissingColumnError, StoreError, UnknownActorError

ENGINES = ("local", "dask")


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

    def __repr__(self):
        return (f"<Corpus: {len(self.articles)} articles, {len(self.mentions)} mentions of "
                f"{len(self.actors)} actors, {len(self.quotes)} quotes, {len(self.topics)} topics>")

    def save(self, path) -> None:
        """Write every table as Parquet under ``path`` (see :func:`toolkit.open_corpus`)."""
        from .store import save_corpus

        save_corpus(self, path)

    def actor(self, name: str) -> ActorProfile:
        """Look an actor up by actor_id, name, any alias, or a word of one actor's name only
        (case and accents ignored): ``corpus.actor("Ruto")``.

        Raises UnknownActorError naming close matches when nothing matches."""
        key = actors_mod.normalize_name(name)
        a = self.actors
        hit = a[(a["actor_id"] == name) | (a["name"].map(actors_mod.normalize_name) == key)]
        if hit.empty:
            hit = a[a["aliases"].map(lambda al: any(actors_mod.normalize_name(x) == key for x in al))]
        if hit.empty:  # a surname or first name of exactly one actor
            parts = a[a["name"].map(lambda n: key in actors_mod.normalize_name(n).split())]
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


def analyze(articles: pd.DataFrame, *, model: str | None = None, n_process: int = 1, batch_size: int = 32,
            aliases=None, quotes: bool = True, topics: bool = True, k: int | None = None, lexicon=None,
            seed: int = 0, cache=None, engine: str = "local", client=None,
            progress: bool | None = None) -> Corpus:
    """Analyse articles: actor mentions merged into actors, quotes with speakers, topics.

    ``articles`` is any DataFrame with ``article_id`` and ``text`` (offsets in the result index
    ``text`` as given; it is never rewritten). Rows flagged ``duplicate_of`` by the loader are left
    out so that nothing is counted twice, and rows whose ``language`` is not English, with a
    warning. ``aliases`` is a user alias table (dict, DataFrame, or a CSV/YAML path: alias ->
    canonical name, optional kind) that overrides the automatic merge.
    ``quotes=False`` skips the parser (about 1.4 times as fast; NER dominates); ``topics=False`` skips the topic model.
    ``k``, ``lexicon`` and ``seed`` go to :func:`toolkit.topics`. ``cache`` is a store folder:
    per-article results found there are reused, new ones are added as each batch finishes (a killed
    run resumes), and the finished corpus is saved there for :func:`toolkit.open_corpus`.
    ``engine="dask"`` analyses partitions on a Dask cluster: ``client`` (an existing
    ``dask.distributed.Client``, e.g. connected to a scheduler address) or, without one, a local
    cluster of ``n_process`` worker processes; ``articles`` may then be a Dask DataFrame. Results
    are identical to the local engine.
    Progress is shown for corpora over 1,000 articles unless ``progress=False``.

    Returns a :class:`Corpus` with articles, mentions, actors, quotes, sentences, topics,
    article_topics and paragraph_topics.
    """
    if engine not in ENGINES:
        raise InvalidOptionError("engine", engine, ENGINES)
    if hasattr(articles, "dask") and hasattr(articles, "compute"):
        articles = articles.compute()  # the corpus-wide steps need the articles in one frame
    for col in ("article_id", "text"):
        if col not in articles.columns:
            raise MissingColumnError(col, "articles", "load articles with tk.load_articles, or name your columns "
                                     "article_id and text")
    if not isinstance(n_process, int) or n_process < 1:
        raise InvalidOptionError("n_process", n_process, ("a positive int",))
    if not isinstance(batch_size, int) or batch_size < 1:
        raise InvalidOptionError("batch_size", batch_size, ("a positive int",))
    arts = articles
    if "duplicate_of" in arts.columns:
        arts = arts[arts["duplicate_of"].isna()]
    if "language" in arts.columns:  # the models are English: other languages would give noise, not actors
        foreign = arts["language"].notna() & (arts["language"].astype("string") != "en")
        if foreign.any():
            counts = arts.loc[foreign, "language"].value_counts()
            warnings.warn(f"{int(foreign.sum())} articles not in English left out of the English analysis "
                          f"({', '.join(f'{k}: {v}' for k, v in counts.items())}); to analyse one anyway, "
                          "set its language to 'en'", stacklevel=2)
            arts = arts[~foreign]
    ids = arts["article_id"].astype(str)  # the tables key articles by str(id): 1 and "1" are one id
    if not ids.is_unique:
        dup = arts.loc[ids.duplicated(), "article_id"].iloc[0]
        raise InvalidOptionError("articles.article_id", dup, ("unique ids: each article once",))
    arts = _typed_articles(arts.reset_index(drop=True))
    alias_table = actors_mod.read_aliases(aliases)
    records = [(str(a), t if isinstance(t, str) else "") for a, t in zip(arts["article_id"], arts["text"])]

    run = dict(model=model, n_process=n_process, batch_size=batch_size, quotes=quotes, aliases=alias_table,
               progress=progress, engine=engine, client=client)
    if cache is None:
        tables = run_engine(records, **run)
        return finish(arts, tables, quotes=quotes, topics=topics, k=k, lexicon=lexicon, seed=seed, aliases=alias_table)
    from . import store as store_mod

    whole = corpus_fingerprint(arts, fingerprint(model=model, quotes=quotes, aliases=alias_table),
                               topics=topics, k=k, lexicon=lexicon, seed=seed)
    if store_mod.saved_fingerprint(cache) == whole:
        try:
            return store_mod.open_corpus(cache)  # nothing changed: no work at all
        except StoreError as exc:
            warnings.warn(f"{exc}; recomputing", stacklevel=2)
    tables = run_cached(arts, records, cache, **run)
    corpus = finish(arts, tables, quotes=quotes, topics=topics, k=k, lexicon=lexicon, seed=seed, aliases=alias_table)
    store_mod.save_corpus(corpus, cache, meta={"fingerprint": whole})
    return corpus


def corpus_fingerprint(arts: pd.DataFrame, per_article: str, **options) -> str:
    """Hash of everything the finished corpus depends on: the articles (all columns), the
    per-article fingerprint and the corpus-wide options."""
    import hashlib

    h = hashlib.sha1(per_article.encode())
    h.update(repr(sorted((k, repr(v)) for k, v in options.items())).encode())
    plain = arts[[c for c in arts.columns if arts[c].dtype != object]]
    h.update(pd.util.hash_pandas_object(plain, index=False).to_numpy().tobytes())
    for c in arts.columns:
        if arts[c].dtype == object:
            h.update(repr(arts[c].tolist()).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _typed_articles(arts: pd.DataFrame) -> pd.DataFrame:
    """One string dtype for every text column, whichever engine or library built the frame."""
    conv = {c: "string" for c, t in arts.dtypes.items() if isinstance(t, pd.StringDtype) and t.na_value is not pd.NA}
    return arts.astype(conv) if conv else arts


def fingerprint(*, model, quotes: bool, aliases: "actors_mod.AliasTable") -> str:
    """What per-article results depend on besides the text: toolkit and model versions, options."""
    import hashlib
    import json

    from .nlp import model_fingerprint
    from .store import code_version

    table = [aliases.names, aliases.written] if aliases else {}
    alias_hash = hashlib.sha1(json.dumps(table, sort_keys=True, default=str).encode()).hexdigest()[:12]
    return f"toolkit={code_version()}|model={model_fingerprint(model)}|quotes={quotes}|aliases={alias_hash}"


def run_engine(records, *, engine, client, **run) -> dict[str, pd.DataFrame]:
    if engine == "dask":
        from .engine import run_dask

        return run_dask(records, client=client, model=run["model"], quotes=run["quotes"], aliases=run["aliases"],
                        batch_size=run["batch_size"], n_workers=run["n_process"], progress=run["progress"],
                        partition_size=run["batch_size"] * 2)
    return run_local(records, **run)


def run_cached(arts, records, cache, *, model, n_process, batch_size, quotes, aliases, progress, engine, client):
    """Per-article tables from the store, analysing only the articles it does not hold."""
    from . import store as store_mod

    fp = fingerprint(model=model, quotes=quotes, aliases=aliases)
    st = store_mod.Store(cache)
    index = st.index(fp)
    keys = store_mod.article_keys(arts, fingerprint=fp)
    key_of = dict(zip((a for a, _ in records), keys))
    missing = [r for r, k in zip(records, keys) if k not in index]
    if missing and engine == "dask":
        from .engine import run_dask

        run_dask(missing, client=client, model=model, quotes=quotes, aliases=aliases, batch_size=batch_size,
                 n_workers=n_process, cache=cache, fingerprint=fp, key_of=key_of, progress=progress,
                 partition_size=batch_size * 2)
        index = st.index(fp)  # the workers wrote the batches
    elif missing:
        def save(chunk, tables):
            batch_keys = {key_of[a]: a for a, _ in chunk}
            bid = st.write(tables, batch_keys, fingerprint=fp)
            index.update({k: (bid, a) for k, a in batch_keys.items()})

        run_local(missing, model=model, n_process=n_process, batch_size=batch_size, quotes=quotes,
                  aliases=aliases, progress=progress, on_chunk=save, keep=False)
    return st.read({k: index[k] for k in keys})


def run_local(records, *, model, n_process, batch_size, quotes, aliases, progress, on_chunk=None,
              keep: bool = True) -> dict[str, pd.DataFrame]:
    show = progress if progress is not None else len(records) > 1000
    bar = None
    if show:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(records), unit="articles", desc="analyze")
    parts = []
    try:
        for chunk, t in pipeline.iter_batches(records, model=model, quotes=quotes, aliases=aliases,
                                              batch_size=batch_size, n_process=n_process):
            if on_chunk is not None:
                on_chunk(chunk, t)
            if keep:
                parts.append(t)
            if bar is not None:
                bar.update(len(chunk))
    finally:
        if bar is not None:
            bar.close()
    return concat_tables(parts)


def concat_tables(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    if not parts:
        return pipeline.frames([])
    return {name: pd.concat([p[name] for p in parts], ignore_index=True) for name in pipeline.TABLES}


def finish(arts: pd.DataFrame, tables: dict[str, pd.DataFrame], *, quotes: bool, topics: bool, k, lexicon,
           seed, aliases: "actors_mod.AliasTable | None" = None) -> Corpus:
    """Corpus-wide steps on the per-article tables: actors, speakers, topics."""
    tables = in_article_order(arts, tables)
    # as analysed (run records): a text that is not a str (None, NaN, bytes, a number) is empty
    texts = dict(zip(arts["article_id"].astype(str), (t if isinstance(t, str) else "" for t in arts["text"])))
    raw = actors_mod.find_more_mentions(texts, tables["mentions"], tables["sentences"], aliases)
    mentions, actors = actors_mod.merge_actors(raw)
    mentions = mentions[actors_mod.MENTION_COLUMNS].reset_index(drop=True)
    q = resolve_speakers(tables["quotes"], mentions, actors)
    corpus = Corpus(articles=arts, mentions=mentions, actors=actors, quotes=q, sentences=tables["sentences"])
    if topics:
        from .topics import topics as fit_topics

        # People's names out of topic terms, so topics are about issues; organisation names stay
        # (their words - "bank", "party" - are often the issue).
        people = actors.loc[actors["kind"] == "person", "name"] if len(actors) else []
        exclude = sorted({w for n in people for w in str(n).split()}) or None
        res = fit_topics(arts, k=k, lexicon=lexicon, seed=seed, exclude_terms=exclude)
        corpus.topics, corpus.article_topics = res.topics, res.article_topics
        corpus.paragraph_topics = res.paragraph_topics
    return corpus


def in_article_order(arts: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Tables sorted by the articles' order and then by position, whatever order batches came in."""
    pos = pd.Series(range(len(arts)), index=arts["article_id"].astype(str).to_numpy())
    out = {}
    for name, df in tables.items():
        by = ["sentence"] if name == "sentences" else ["start", "end"]
        df = df.assign(_pos=df["article_id"].astype(str).map(pos).to_numpy())
        out[name] = df.sort_values(["_pos", *by], kind="stable").drop(columns="_pos").reset_index(drop=True)
    return out


QUOTE_COLUMNS = ["article_id", "quote_id", "kind", "text", "start", "end", "speaker", "speaker_text",
                 "speaker_start", "speaker_end", "actor_id", "cue", "cue_start", "cue_end", "sentence", "paragraph"]


def resolve_speakers(raw: pd.DataFrame, mentions: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Quotes with quote_id, the speaker's actor_id and canonical name.

    The speaker's actor is the mention its span falls in, else the mention of the article with
    the same article-level name, else the actor of that name or alias in the corpus."""
    q = raw.sort_values(["article_id", "start", "end"], kind="stable").reset_index(drop=True)
    q["quote_id"] = (q["article_id"] + ":q" + q.groupby("article_id").cumcount().astype(str)).astype("string")
    actor_ids = pd.Series(pd.NA, index=q.index, dtype="string")
    if len(q) and len(mentions):
        m = mentions[["article_id", "start", "end", "actor_id"]]
        # by span: the mention that starts at or before the speaker and covers it
        left = q.loc[q["speaker_start"].notna(), ["article_id", "speaker_start"]].copy()
        left["pos"] = left["speaker_start"].astype("int64")
        left["qi"] = left.index
        hits = pd.merge_asof(left.sort_values("pos"), m.rename(columns={"start": "pos"}).sort_values("pos"),
                             on="pos", by="article_id", direction="backward")
        hits = hits[hits["pos"] < hits["end"]]
        actor_ids.loc[hits["qi"].to_numpy()] = hits["actor_id"].to_numpy()
        # by article-level name
        local = mentions.drop_duplicates(["article_id", "name"]).set_index(["article_id", "name"])["actor_id"]
        keys = list(zip(q["article_id"], q["speaker_name"]))
        by_name = pd.Series([local.get(k, pd.NA) if isinstance(k[1], str) else pd.NA for k in keys],
                            index=q.index, dtype="string")
        actor_ids = actor_ids.fillna(by_name)
        # by corpus-wide name or alias
        names = {}
        for aid, name, aliases in zip(actors["actor_id"], actors["name"], actors["aliases"]):
            for n in [name, *aliases]:
                names.setdefault(actors_mod.normalize_name(str(n)), aid)
        by_corpus = q["speaker_name"].map(lambda n: names.get(actors_mod.normalize_name(n)) if isinstance(n, str)
                                          else None).astype("string")
        actor_ids = actor_ids.fillna(by_corpus)
    q["actor_id"] = actor_ids
    display = dict(zip(actors["actor_id"], actors["name"]))
    # astype before fillna: with no actors map() gives an all-NA double column that rejects strings
    q["speaker"] = (q["actor_id"].map(display).astype("string").fillna(q["speaker_name"])
                    .fillna(q["speaker_text"]).astype("string"))
    return q[QUOTE_COLUMNS]
