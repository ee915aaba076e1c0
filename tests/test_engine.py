"""The Dask engine and parallel processing give the same tables as one local process."""
import os
import signal
import threading
import time

import pandas as pd
import pytest
from dask.distributed import Client, LocalCluster

import toolkit as tk

TABLES = ["articles", "mentions", "actors", "quotes", "sentences"]


def assert_same(a, b):
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)


@pytest.fixture(scope="module")
def articles():
    return tk.load_sample().iloc[:40].reset_index(drop=True)


@pytest.fixture(scope="module")
def local(articles):
    return tk.analyze(articles, topics=False, batch_size=4)


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_two_processes_same_as_one(articles, local):
    assert_same(local, tk.analyze(articles, topics=False, batch_size=4, n_process=2))


def test_dask_engine_same_as_local(articles, local, client, tmp_path):
    import dask.dataframe as dd

    assert_same(local, tk.analyze(articles, topics=False, batch_size=4, engine="dask", client=client))
    import dask

    # Dask turns object columns (here lists of categories) into strings unless told not to.
    with dask.config.set({"dataframe.convert-string": False}):
        ddf = dd.from_pandas(articles, npartitions=3)
    cached = tk.analyze(ddf, topics=False, batch_size=4, engine="dask", client=client, cache=tmp_path / "s")
    assert_same(local, cached)
    # the workers wrote partitioned Parquet batches into the store
    assert len(list((tmp_path / "s" / "batches").glob("*/mentions.parquet"))) >= 1
    assert_same(local, tk.open_corpus(tmp_path / "s"))


def test_lost_worker_is_retried(articles, local, client):
    pids = list(client.run(os.getpid).values())

    def kill_one():
        time.sleep(2.0)  # let a partition start
        os.kill(pids[0], signal.SIGKILL)

    t = threading.Thread(target=kill_one)
    t.start()
    try:
        result = tk.analyze(articles, topics=False, batch_size=4, engine="dask", client=client)
    finally:
        t.join()
    assert_same(local, result)
    assert pids[0] not in client.run(os.getpid).values()  # the worker was really lost (and restarted)


def test_worker_with_other_toolkit_code_is_refused(articles, client):
    """Tables from a worker that runs other analysis code would be cached under the client's
    fingerprint: the worker refuses, in a local process pool and on a Dask worker alike."""
    from toolkit.engines import dask as engine
    from toolkit.engines import local
    from toolkit.errors import EngineError
    from toolkit.version import code_version

    records = list(zip(articles["article_id"].astype(str), articles["text"]))[:2]
    with pytest.raises(EngineError, match="install the same toolkit version on every worker"):
        local._worker((records, None, False, None, 8, "0.0+not-this-code"))
    fut = client.submit(engine._analyse_partition, records, None, False, None, 8, None,
                        "0.0+not-this-code", pure=False)
    with pytest.raises(EngineError, match="not-this-code"):
        fut.result()
    ok = client.submit(engine._analyse_partition, records, None, False, None, 8, None,
                       code_version(), pure=False).result()
    assert set(ok["mentions"]["article_id"]) <= {a for a, _ in records} and len(ok["sentences"]) > 0
