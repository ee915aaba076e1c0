"""Tiny corpora of hand-made frames (no spaCy), for the store's fault tests; and the child of the
kill test, kept here so that a forked child imports no more than the toolkit."""
from __future__ import annotations

import pandas as pd

from toolkit import schema
from toolkit.corpus import Corpus


def tiny_tables(tag: str, *, rows: int = 3, articles: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Every table of schema.CORPUS_TABLES with ``rows`` rows whose text cells start with ``tag``,
    so a reopened corpus shows which save each table came from."""
    out = {}
    for name in schema.CORPUS_TABLES:
        cols = {}
        for col, t in schema.TABLES[name].items():
            if t == schema.STRING:
                cols[col] = [f"{tag}-{col}-{i}" for i in range(rows)]
            elif t in (schema.INT, schema.NULLABLE_INT):
                cols[col] = list(range(rows))
            elif t == schema.FLOAT:
                cols[col] = [i / 2 for i in range(rows)]
            elif t == schema.UTC:
                cols[col] = pd.date_range("2024-01-01", periods=rows, freq="D", tz="UTC")
            else:
                cols[col] = [[tag, str(i)] for i in range(rows)]
        out[name] = schema.typed(pd.DataFrame(cols), name)
    if articles is not None:
        out["articles"] = articles
    return out


def tiny_corpus(tag: str, **kw) -> Corpus:
    return Corpus(**tiny_tables(tag, **kw))


def tag_of(tables: dict[str, pd.DataFrame]) -> str:
    """The one tag of a reopened corpus's tables (fails on a mix of saves)."""
    tags = set()
    for name, df in tables.items():
        col = next(c for c, t in schema.TABLES[name].items() if t == schema.STRING)
        tags |= {v.split("-")[0] for v in df[col]}
    assert len(tags) == 1, f"a mix of saves: {sorted(tags)}"
    return tags.pop()


def save_forever(path: str, tags: list[str], started) -> None:
    """Save the tiny corpora of ``tags`` in turn until killed (the kill test's child)."""
    corpora = [tiny_corpus(t, rows=40) for t in tags]
    started.set()
    while True:
        for c in corpora:
            c.save(path)
