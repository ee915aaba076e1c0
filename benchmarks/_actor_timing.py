"""Timing of the actor step for ``bench_actors.py --bbc N``: ``nlp.pipe`` alone with the components
the toolkit runs for actors versus ``toolkit.pipeline.process_records(..., quotes=False)`` over the
same BBC texts, and the corpus-wide steps (``find_more_mentions`` + ``merge_actors``)."""
from __future__ import annotations

import time

from benchmarks._data import bbc_folder


def bbc_records(n: int) -> list[tuple[str, str]]:
    import toolkit as tk

    folder = bbc_folder("or run with --bbc 0 to skip the timing")
    arts = tk.load_articles(folder, source="BBC")
    if "duplicate_of" in arts.columns:
        arts = arts[arts["duplicate_of"].isna()]
    arts = arts.sort_values("path" if "path" in arts.columns else "article_id", kind="stable").head(n)
    return [(str(a), str(t)) for a, t in zip(arts["article_id"], arts["text"])]


def timing(records: list[tuple[str, str]], repeat: int) -> dict:
    from toolkit import actors as actors_mod
    from toolkit import pipeline

    nlp = pipeline.nlp_for(None, quotes=False)
    texts = [t for _, t in records]
    for _ in nlp.pipe(texts[:16], batch_size=32):  # warm-up
        pass
    t_spacy, t_tk, t_merge = [], [], []
    tables = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        t_spacy.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        tables = pipeline.process_records(records, model=None, quotes=False, aliases=None, batch_size=32, nlp=nlp)
        t_tk.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        raw = actors_mod.find_more_mentions(dict(records), tables["mentions"], tables["sentences"], None)
        actors_mod.merge_actors(raw)
        t_merge.append(time.perf_counter() - t0)
    return {"n": len(records), "pipes": ",".join(nlp.pipe_names), "spacy": min(t_spacy), "toolkit": min(t_tk),
            "merge": min(t_merge), "mentions": len(tables["mentions"]) if tables else 0}
