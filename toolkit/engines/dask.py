"""The Dask engine: per-article analysis on the workers of a ``dask.distributed`` cluster.

Each partition of articles is analysed on a worker, which loads the spaCy pipeline once (it stays
cached in the worker process) and sends back only the small per-article tables; with a cache
folder, the workers write those tables there as Parquet batches themselves (``on_batch``, a
picklable callable that runs on the worker). The corpus-wide steps
(actor merging, speakers, topics) then run on the gathered tables, as with the local engine, so
both engines give identical results.

Failures: a task whose worker dies is retried (``retries``); if it still fails the run stops with a
:class:`toolkit.errors.EngineError` and the store keeps only complete batches, never a finished
corpus built from partial results.
"""
from __future__ import annotations

import pandas as pd

from .. import pipeline
from ..errors import EngineError
from ..version import code_version


# For the local cluster analyze starts. The nanny's default MALLOC_TRIM_THRESHOLD_=65536 makes
# spaCy about 15 % slower (9.7 s instead of 8.4 s of CPU on 150 BBC articles), and the statistical
# profiler samples each task's stack 100 times a second for a dashboard nobody sees here.
LOCAL_CLUSTER_CONFIG = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
                        "distributed.worker.profile.enabled": False}


def _analyse_partition(records, model, quotes, aliases, batch_size, on_batch, expected=None):
    pipeline.check_code_version(expected)
    tables = pipeline.process_records(records, model=model, quotes=quotes, aliases=aliases, batch_size=batch_size)
    if on_batch is not None:
        on_batch(records, tables)
    return tables


def run_dask(records: list[tuple[str, str]], *, client=None, model=None, quotes=True, aliases=None,
             batch_size=32, n_workers: int = 2, partition_size: int = 64, on_batch=None, retries: int = 2,
             progress: bool | None = None) -> dict[str, pd.DataFrame]:
    """Analyse (article_id, text) pairs on a Dask cluster; returns the per-article tables.

    Without ``client`` a ``LocalCluster`` of ``n_workers`` single-threaded worker processes is
    started for the run and closed after it.
    """
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise EngineError("engine='dask' needs Dask: pip install 'news-toolkit[dask]' (or dask[distributed]); "
                          f"importing it failed with {exc}") from None

    own = None
    if client is None:
        import dask

        with dask.config.set(LOCAL_CLUSTER_CONFIG):
            cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
        own = client = Client(cluster)
    try:
        n_workers_now = max(1, len(client.scheduler_info().get("workers", {})) or n_workers)
        parts = pipeline.guided_chunks(records, partition_size, n_workers_now)
        expected = code_version()
        futures = []
        for i, part in enumerate(parts):
            futures.append(client.submit(_analyse_partition, part, model, quotes, aliases, batch_size,
                                         on_batch, expected,
                                         key=f"toolkit-analyse-{i}-{len(part)}-{part[0][0] if part else ''}",
                                         retries=retries, pure=False))
        bar = None
        show = progress if progress is not None else len(records) > 1000
        if show:
            from tqdm.auto import tqdm

            bar = tqdm(total=len(records), unit="articles", desc="analyze (dask)")
        results = {}
        index = {f.key: i for i, f in enumerate(futures)}
        try:
            for fut in as_completed(futures):
                try:
                    results[index[fut.key]] = fut.result()
                except Exception as exc:  # a task that failed after its retries, or a lost worker
                    for f in futures:
                        f.cancel()
                    raise EngineError(
                        f"the Dask engine failed on partition {index[fut.key]} after {retries} retries: "
                        f"{type(exc).__name__}: {exc}. Completed partitions are kept in the cache folder; "
                        "run again to resume") from exc
                if bar is not None:
                    bar.update(len(parts[index[fut.key]]))
        finally:
            if bar is not None:
                bar.close()
        ordered = [results[i] for i in range(len(parts))]
        return pipeline.concat_tables(ordered)
    finally:
        if own is not None:
            cluster = own.cluster
            own.close()
            cluster.close()
