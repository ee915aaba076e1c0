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
from .actors import AliasTable, find_more_mentions, merge_actors, read_aliases
from .corpus import Corpus, open_corpus
from .engines import ENGINES, run_dask, run_local
from .errors import InvalidOptionError, MissingColumnError, StoreError
from .nlp import model_fingerprint
from .quotes import resolve_speakers
from .schema import as_strings, columns, empty, typed
from .version import code_version


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
    are identical to the local engine. ``n_process > 1`` in a script needs an
    ``if __name__ == "__main__":`` guard.
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
    arts = as_strings(arts.reset_index(drop=True))
    alias_table = read_aliases(aliases)
    # as analysed: a text that is not a str (None, NaN, bytes, a number) is empty
    records = [(str(a), t if isinstance(t, str) else "") for a, t in zip(arts["article_id"], arts["text"])]

    run = dict(model=model, n_process=n_process, batch_size=batch_size, quotes=quotes, aliases=alias_table,
               progress=progress, engine=engine, client=client)
    wide = dict(quotes=quotes, topics=topics, k=k, lexicon=lexicon, seed=seed, aliases=alias_table)
    if cache is None:
        return finish(arts, records, run_engine(records, **run), **wide)
    whole = corpus_fingerprint(arts, fingerprint(model=model, quotes=quotes, aliases=alias_table),
                               topics=topics, k=k, lexicon=lexicon, seed=seed)
    if store_mod.saved_fingerprint(cache) == whole:
        try:
            return open_corpus(cache)  # nothing changed: no work at all
        except StoreError as exc:
            warnings.warn(f"{exc}; recomputing", stacklevel=2)
    corpus = finish(arts, records, run_cached(records, cache, **run), **wide)
    corpus.save(cache, meta={"fingerprint": whole})
    return corpus


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


def run_cached(records, cache, *, model, n_process, batch_size, quotes, aliases, progress, engine, client):
    """Per-article tables from the store, analysing only the articles it does not hold."""
    fp = fingerprint(model=model, quotes=quotes, aliases=aliases)
    st = store_mod.Store(cache)
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
    return st.read({k: index[k] for k in keys})


def finish(arts: pd.DataFrame, records, tables: dict[str, pd.DataFrame], *, quotes: bool, topics: bool, k, lexicon,
           seed, aliases: AliasTable | None = None) -> Corpus:
    """Corpus-wide steps on the per-article tables: actors, speakers, topics."""
    tables = in_article_order(arts, tables)
    raw = find_more_mentions(dict(records), tables["mentions"], tables["sentences"], aliases)
    mentions, actors = merge_actors(raw)
    mentions = mentions[columns("mentions")].reset_index(drop=True)
    att = typed(resolve_speakers(tables["quotes"], mentions, actors), "attributions")
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
