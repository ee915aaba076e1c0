"""The local engine: the per-article step in this process, or in a pool of worker processes that
each load the spaCy pipeline once and send back only the small tables."""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

import pandas as pd

from .. import pipeline
from ..version import code_version


def _worker(args):
    records, model, quotes, aliases, batch_size, expected = args
    pipeline.check_code_version(expected)
    return pipeline.process_records(records, model=model, quotes=quotes, aliases=aliases, batch_size=batch_size)


def iter_batches(records: list[tuple[str, str]], *, model: str | None, quotes: bool, aliases,
                 batch_size: int = 32, n_process: int = 1, chunk: int | None = None):
    """Yield (chunk of records, tables) for successive chunks of ``records``, in order.

    With ``n_process > 1`` chunks go to worker processes that each load the pipeline once; only the
    small tables come back, not spaCy Docs. Memory stays bounded by the chunk size. A script that
    uses ``n_process > 1`` needs an ``if __name__ == "__main__":`` guard (worker processes start by
    importing the main module).
    """
    chunk = chunk or max(batch_size * 4, 16)
    if n_process > 1:
        chunks = pipeline.guided_chunks(records, chunk, n_process)
    else:
        chunks = [records[i:i + chunk] for i in range(0, len(records), chunk)]
    if n_process <= 1 or len(chunks) <= 1:
        nlp = pipeline.nlp_for(model, quotes=quotes)
        for c in chunks:
            yield c, pipeline.process_records(c, model=model, quotes=quotes, aliases=aliases, batch_size=batch_size,
                                              nlp=nlp)
        return
    import multiprocessing as mp

    ctx = mp.get_context("spawn" if os.name == "nt" else "forkserver")
    with ProcessPoolExecutor(max_workers=n_process, mp_context=ctx) as pool:
        expected = code_version()
        args = ((c, model, quotes, aliases, batch_size, expected) for c in chunks)
        for c, tables in zip(chunks, pool.map(_worker, args)):
            yield c, tables


def run_local(records, *, model, n_process, batch_size, quotes, aliases, progress, on_batch=None,
              keep: bool = True) -> dict[str, pd.DataFrame]:
    """The per-article tables of ``records``; ``on_batch(chunk, tables)`` is called as each batch
    finishes; ``keep=False`` returns empty tables (the batches went to ``on_batch``)."""
    show = progress if progress is not None else len(records) > 1000
    bar = None
    if show:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(records), unit="articles", desc="analyze")
    parts = []
    try:
        for chunk, t in iter_batches(records, model=model, quotes=quotes, aliases=aliases,
                                     batch_size=batch_size, n_process=n_process):
            if on_batch is not None:
                on_batch(chunk, t)
            if keep:
                parts.append(t)
            if bar is not None:
                bar.update(len(chunk))
    finally:
        if bar is not None:
            bar.close()
    return pipeline.concat_tables(parts)
