"""``tk.analyze``: articles in, the corpus of tidy tables out.

Orchestration only: the per-article step runs on an engine (:mod:`toolkit.engines`), its tables
are cached in a store (:mod:`toolkit.store`), and the corpus-wide steps -- a second look for names,
the actor merge, speakers, topics -- run on the gathered tables (:func:`finish`).
"""
from __future__ import annotations

import functools
import hashlib
import json
import warnings

import pandas as pd

from . import store as store_mod
from .dedupe import fold_copies
from .actors import AliasTable, actor_gender, find_more_mentions, merge_actors, read_aliases, read_genders
from .corpus import Corpus, open_corpus
from .engines import ENGINES, run_dask, run_local
from .errors import InvalidOptionError, MissingColumnError, StoreError
from .load.fields import storable
from .nlp import model_fingerprint
from .quotes import resolve_speakers
from .schema import as_strings, columns, empty, typed
from .version import code_version


def analyze(articles: pd.DataFrame, *, model: str | None = None, n_process: int = 1, batch_size: int = 32,
            aliases=None, genders=None, quotes: bool = True, topics: bool = True, k: int | None = None, lexicon=None,
            seed: int = 0, cache=None, engine: str = "local", client=None,
            progress: bool | None = None, files=None, near_duplicates: str = "fold") -> Corpus:
    """Analyse articles: actor mentions merged into actors, quotes with speakers, topics.

    ``articles`` is any DataFrame with ``article_id`` and ``text`` (offsets in the result index
    ``text`` as given; it is never rewritten). Rows flagged ``duplicate_of`` by the loader are left
    out so that nothing is counted twice, and rows whose ``language`` is not English, with a
    warning. Near-duplicates (one story reprinted with small edits: see :func:`toolkit.near_duplicates`,
    whose ``near_duplicate_of`` column is used when the frame has one) are counted once too: only
    the first article of each cluster is analysed, with a warning saying how many copies were left
    out; ``near_duplicates="keep"`` analyses every copy. ``aliases`` is a user alias table (dict,
    DataFrame, or a CSV/YAML path: alias -> canonical name, optional kind) that overrides the
    automatic merge. ``genders`` is a user gender table (dict, DataFrame, or a CSV/YAML path: name
    or actor_id -> gender) that overrides ``actors.gender`` (see :mod:`toolkit.actors.gender`).
    ``quotes=False`` skips the parser (about 1.4 times as fast; NER dominates); ``topics=False`` skips the topic model.
    ``k``, ``lexicon`` and ``seed`` go to :func:`toolkit.topics`. ``cache`` is a store folder:
    per-article results found there are reused, new ones are added as each batch finishes (a killed
    run resumes), and the finished corpus is saved there for :func:`toolkit.open_corpus`,
    replacing the one saved before as a whole; a store file that cannot be read is recomputed.
    ``files`` (with ``cache`` only): files saved with the finished corpus and switched in with it,
    a dict name -> bytes or str, or a function of the corpus returning one (the CLI's load report
    and summary). Extra fields of ``articles`` that Parquet cannot store as they are (an empty
    object, a list in one row and a number in the next, nesting over 64 levels) become JSON text,
    with a warning, as :func:`toolkit.load_articles` does (see :mod:`toolkit.load.fields`).
    ``engine="dask"`` analyses partitions on a Dask cluster: ``client`` (an existing
    ``dask.distributed.Client``, e.g. connected to a scheduler address) or, without one, a local
    cluster of ``n_process`` worker processes; ``articles`` may then be a Dask DataFrame. Results
    are identical to the local engine. ``n_process > 1`` in a script needs an
    ``if __name__ == "__main__":`` guard.
    Progress is shown for corpora over 1,000 articles unless ``progress=False``.

    Returns a :class:`Corpus` with articles, mentions, actors, quotes, sentences, topics,
    article_topics and paragraph_topics.
    """
    if engine not in ENGINES:
        raise InvalidOptionError("engine", engine, ENGINES)
    if near_duplicates not in NEAR_DUPLICATES:
        raise InvalidOptionError("near_duplicates", near_duplicates, NEAR_DUPLICATES)
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
    if files is not None and (cache is None or not (isinstance(files, dict) or callable(files))):
        raise InvalidOptionError("files", files, ("None", "a dict or a function of the corpus, with cache="))
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
    arts = as_strings(arts.reset_index(drop=True))
    # A frame of ids and texts alone still gets the columns every chart and explorer reads (source,
    # title, url, published), empty: an explorer says "no dates" instead of failing on a missing column.
    blank = empty("articles")
    missing = [c for c in ("source", "title", "url", "published") if c not in arts.columns]
    if missing:
        arts = arts.assign(**{c: pd.Series(index=arts.index, dtype=blank[c].dtype) for c in missing})
    # A frame built by hand may hold fields Parquet cannot store; converted here rather than at the
    # save, so that the corpus returned is the one a re-run opens from the cache.
    arts, changes = storable(arts, keep=columns("articles"))
    if changes:
        warnings.warn("articles: stored in a form Parquet can hold: " + "; ".join(r for _, r in changes),
                      stacklevel=2)
    alias_table = read_aliases(aliases)
    run = dict(model=model, n_process=n_process, batch_size=batch_size, quotes=quotes, aliases=alias_table,
               progress=progress, engine=engine, client=client)
    gender_table = read_genders(genders)
    wide = dict(quotes=quotes, topics=topics, k=k, lexicon=lexicon, seed=seed, aliases=alias_table,
                genders=gender_table)
    corpus = None
    if cache is not None:
        whole = corpus_fingerprint(arts, fingerprint(model=model, quotes=quotes, aliases=alias_table),
                                   topics=topics, k=k, lexicon=lexicon, seed=seed, near_duplicates=near_duplicates,
                                   **({"genders": sorted(gender_table.names.items())} if gender_table else {}))
        if store_mod.saved_fingerprint(cache) == whole:
            try:
                corpus = open_corpus(cache, lazy=False)  # nothing changed: no work at all
            except StoreError as exc:
                warnings.warn(f"{exc}; recomputing", stacklevel=2)
            if corpus is not None and files is None:
                return corpus
    if corpus is None:
        if near_duplicates == "fold":  # after the cache check: an unchanged corpus is not searched again
            arts = fold_copies(arts, stacklevel=3).reset_index(drop=True)
        # as analysed: a text that is not a str (None, NaN, bytes, a number) is empty
        records = [(str(a), t if isinstance(t, str) else "") for a, t in zip(arts["article_id"], arts["text"])]
        if cache is None:
            return finish(arts, records, run_engine(records, **run), **wide)
        corpus = finish(arts, records, run_cached(records, cache, **run), **wide)
    corpus.save(cache, meta={"fingerprint": whole}, files=files(corpus) if callable(files) else files)
    return corpus


NEAR_DUPLICATES = ("fold", "keep")


def corpus_fingerprint(arts: pd.DataFrame, per_article: str, **options) -> str:
    """Hash of everything the finished corpus depends on: the articles (all columns), the
    per-article fingerprint and the corpus-wide options."""
    h = hashlib.sha1(per_article.encode())
    h.update(repr(sorted((k, repr(v)) for k, v in options.items())).encode())
    plain = arts[[c for c in arts.columns if arts[c].dtype != object]]
    h.update(pd.util.hash_pandas_object(plain, index=False).to_numpy().tobytes())
    for c in arts.columns:
        if arts[c].dtype == object:
            h.update(repr(arts[c].tolist()).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def fingerprint(*, model, quotes: bool, aliases: AliasTable) -> str:
    """What per-article results depend on besides the text: toolkit and model versions, options."""
    table = [aliases.names, aliases.written] if aliases else {}
    alias_hash = hashlib.sha1(json.dumps(table, sort_keys=True, default=str).encode()).hexdigest()[:12]
    return f"toolkit={code_version()}|model={model_fingerprint(model)}|quotes={quotes}|aliases={alias_hash}"


def run_engine(records, *, engine, client, **run) -> dict[str, pd.DataFrame]:
    if engine == "dask":
        return run_dask(records, client=client, model=run["model"], quotes=run["quotes"], aliases=run["aliases"],
                        batch_size=run["batch_size"], n_workers=run["n_process"], progress=run["progress"],
                        partition_size=run["batch_size"] * 2)
    return run_local(records, **run)


def run_cached(records, cache, *, model, n_process, batch_size, quotes, aliases, progress, engine, client,
               retries: int = 3):
    """Per-article tables from the store, analysing only the articles it does not hold."""
    fp = fingerprint(model=model, quotes=quotes, aliases=aliases)
    st = store_mod.Store(cache)
    st.sweep()  # what killed runs left behind
    index = st.index(fp)
    keys = store_mod.record_keys(records, fingerprint=fp)
    missing = [r for r, k in zip(records, keys) if k not in index]
    if missing and engine == "dask":
        # the workers write their batches to the store themselves
        run_dask(missing, client=client, model=model, quotes=quotes, aliases=aliases, batch_size=batch_size,
                 n_workers=n_process, progress=progress, partition_size=batch_size * 2,
                 on_batch=functools.partial(store_mod.write_batch, str(cache), fingerprint=fp))
        index = st.index(fp)
    elif missing:
        def save(chunk, tables):
            bid = st.write_records(chunk, tables, fingerprint=fp)
            index.update({k: (bid, a) for k, (a, _) in zip(store_mod.record_keys(chunk, fingerprint=fp), chunk)})

        run_local(missing, model=model, n_process=n_process, batch_size=batch_size, quotes=quotes,
                  aliases=aliases, progress=progress, on_batch=save, keep=False)
    try:
        return st.read({k: index[k] for k in keys})
    except StoreError as exc:
        if exc.batch is None or retries == 0:
            raise
        # A batch that passed its checksum but cannot be read: forget it and analyse its articles again.
        st.discard(exc.batch)
        return run_cached(records, cache, model=model, n_process=n_process, batch_size=batch_size, quotes=quotes,
                          aliases=aliases, progress=progress, engine=engine, client=client, retries=retries - 1)


def finish(arts: pd.DataFrame, records, tables: dict[str, pd.DataFrame], *, quotes: bool, topics: bool, k, lexicon,
           seed, aliases: AliasTable | None = None, genders=None) -> Corpus:
    """Corpus-wide steps on the per-article tables: actors, speakers, genders, topics."""
    tables = in_article_order(arts, tables)
    raw = find_more_mentions(dict(records), tables["mentions"], tables["sentences"], aliases)
    mentions, actors = merge_actors(raw, arts)
    mentions = mentions[columns("mentions")].reset_index(drop=True)
    att = typed(resolve_speakers(tables["quotes"], mentions, actors), "attributions")
    actors = actor_gender(actors, mentions, arts, tables["sentences"], genders, att)
    statements = att[att["act"] == "statement"].reset_index(drop=True)
    corpus = Corpus(articles=arts, mentions=typed(mentions, "mentions"), actors=typed(actors, "actors"),
                    quotes=typed(statements, "quotes"), attributions=att, sentences=tables["sentences"],
                    topics=empty("topics"), article_topics=empty("article_topics"),
                    paragraph_topics=empty("paragraph_topics"))
    if topics:
        from .topics import topics as fit_topics

        # People's names out of topic terms, so topics are about issues; organisation names stay
        # (their words - "bank", "party" - are often the issue).
        people = actors.loc[actors["kind"] == "person", "name"] if len(actors) else []
        exclude = sorted({w for n in people for w in str(n).split()}) or None
        res = fit_topics(arts, k=k, lexicon=lexicon, seed=seed, exclude_terms=exclude)
        corpus.topics = typed(res.topics, "topics")
        corpus.article_topics = typed(res.article_topics, "article_topics")
        corpus.paragraph_topics = typed(res.paragraph_topics, "paragraph_topics")
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


__all__ = ["analyze", "finish", "fingerprint", "corpus_fingerprint"]
