"""Engines: where the per-article step runs. ``local`` (this process, or a pool of worker
processes) and ``dask`` (the workers of a ``dask.distributed`` cluster; needs the ``dask`` extra).
Both take (article_id, text) records and hand back the per-article tables, batch by batch through
``on_batch`` (so a store can keep each as it finishes) or all together; both give identical results.
"""
from __future__ import annotations

from .local import iter_batches, run_local

ENGINES = ("local", "dask")

__all__ = ["ENGINES", "iter_batches", "run_local", "run_dask"]


def run_dask(*args, **kwargs):
    """:func:`toolkit.engines.dask.run_dask` (imported on first use: Dask is an optional extra)."""
    from .dask import run_dask as run

    return run(*args, **kwargs)
