"""A result store on disk: per-article tables cached by content, and the tables of a finished corpus.

Layout of a store folder::

    batches/<id>/{sentences,mentions,quotes}.parquet   per-article tables of a batch of articles
    batches/<id>.json                                   the batch's commit record, written last
    corpus/<table>.parquet + corpus/corpus.json         the finished corpus (tk.open_corpus)

A batch counts only once its commit record exists, and the record holds the SHA-256 of each file,
so a run killed at any moment leaves a readable store (the next run redoes the missing batches),
and a damaged file is detected, reported and recomputed instead of trusted. Each article is keyed
by a hash of its id and text plus the analysis fingerprint (toolkit code, model and the options
that change per-article results): a new article, an edited one, or another model or version is
recomputed; nothing else is.

The store reads and writes frames only; :mod:`toolkit.corpus` builds a ``Corpus`` from them.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
import warnings
from pathlib import Path

import pandas as pd

from .errors import StoreError
from .schema import CORPUS_TABLES, PER_ARTICLE, empty, list_columns, typed
from .version import code_version

SCHEMA = 1


def record_key(article_id: str, text: str, *, fingerprint: str) -> str:
    """The cache key of one article: its id, its text and the analysis fingerprint."""
    h = hashlib.sha1()
    for part in (fingerprint, article_id, text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def record_keys(records: list[tuple[str, str]], *, fingerprint: str) -> list[str]:
    """One key per (article_id, text) record."""
    return [record_key(a, t, fingerprint=fingerprint) for a, t in records]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _write_atomic(path: Path, write) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _write_json(path: Path, obj) -> None:
    _write_atomic(path, lambda p: p.write_text(json.dumps(obj, indent=1, sort_keys=True), encoding="utf-8"))


class Store:
    """The per-article cache of a store folder."""

    def __init__(self, path):
        self.path = Path(path)
        self.batches = self.path / "batches"
        self.problems: list[str] = []

    def index(self, fingerprint: str) -> dict[str, tuple[str, str]]:
        """key -> (batch id, article_id) for every committed, intact batch of this fingerprint."""
        out: dict[str, tuple[str, str]] = {}
        if not self.batches.is_dir():
            return out
        for rec_path in sorted(self.batches.glob("*.json")):
            try:
                rec = json.loads(rec_path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                self._problem(f"{rec_path}: unreadable commit record ({exc}); its articles are recomputed")
                continue
            if rec.get("fingerprint") != fingerprint or rec.get("schema") != SCHEMA:
                continue
            bid = rec_path.stem
            if not self._intact(bid, rec):
                continue
            for key, aid in rec["keys"].items():
                out.setdefault(key, (bid, aid))
        return out

    def _intact(self, bid: str, rec: dict) -> bool:
        for name, digest in rec.get("files", {}).items():
            f = self.batches / bid / f"{name}.parquet"
            if not f.is_file() or _sha256(f) != digest:
                self._problem(f"{f}: missing or damaged (checksum mismatch); its articles are recomputed")
                return False
        return True

    def _problem(self, msg: str) -> None:
        self.problems.append(msg)
        warnings.warn(msg, stacklevel=3)

    def write(self, tables: dict[str, pd.DataFrame], keys: dict[str, str], *, fingerprint: str) -> str:
        """Write one batch (key -> article_id) atomically; returns the batch id."""
        bid = hashlib.sha1("\n".join(sorted(keys)).encode()).hexdigest()[:20]
        folder = self.batches / bid
        folder.mkdir(parents=True, exist_ok=True)
        files = {}
        for name in PER_ARTICLE:
            f = folder / f"{name}.parquet"
            _write_atomic(f, lambda p, df=tables[name]: df.to_parquet(p, index=False))
            files[name] = _sha256(f)
        # The commit record goes last: until it exists the batch does not count.
        _write_json(self.batches / f"{bid}.json", {"schema": SCHEMA, "fingerprint": fingerprint, "keys": keys,
                                                   "files": files})
        return bid

    def write_records(self, records: list[tuple[str, str]], tables: dict[str, pd.DataFrame], *,
                      fingerprint: str) -> str:
        """Write the tables of a batch of (article_id, text) records; returns the batch id."""
        keys = dict(zip(record_keys(records, fingerprint=fingerprint), (a for a, _ in records)))
        return self.write(tables, keys, fingerprint=fingerprint)

    def read(self, wanted: dict[str, tuple[str, str]]) -> dict[str, pd.DataFrame]:
        """The per-article tables of the wanted (batch id, article_id) pairs."""
        by_batch: dict[str, set] = {}
        for bid, aid in wanted.values():
            by_batch.setdefault(bid, set()).add(aid)
        parts = {name: [] for name in PER_ARTICLE}
        for bid in sorted(by_batch):
            for name in PER_ARTICLE:
                df = pd.read_parquet(self.batches / bid / f"{name}.parquet")
                parts[name].append(df[df["article_id"].isin(by_batch[bid])])
        return {name: typed(pd.concat(p, ignore_index=True), PER_ARTICLE[name]) if p else empty(PER_ARTICLE[name])
                for name, p in parts.items()}


def write_batch(path, records: list[tuple[str, str]], tables: dict[str, pd.DataFrame], *, fingerprint: str) -> str:
    """``Store(path).write_records(...)``: picklable with functools.partial, for engine workers."""
    return Store(path).write_records(records, tables, fingerprint=fingerprint)


# --- the finished corpus ------------------------------------------------------------------------

def save_tables(tables: dict[str, pd.DataFrame], path, *, meta: dict | None = None) -> Path:
    """Write the corpus tables under ``path/corpus`` (atomically per file, manifest last) and
    return that folder."""
    folder = Path(path) / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for name in CORPUS_TABLES:
        f = folder / f"{name}.parquet"
        out = tables[name].copy()
        out.attrs = {}
        _write_atomic(f, lambda p, d=out: d.to_parquet(p, index=False))
        files[name] = _sha256(f)
    _write_json(folder / "corpus.json", {"schema": SCHEMA, "toolkit": code_version(), "files": files,
                                         **(meta or {})})
    return folder


def saved_fingerprint(path) -> str | None:
    """The fingerprint recorded with the finished corpus of a store, if any."""
    try:
        return json.loads((Path(path) / "corpus" / "corpus.json").read_text(encoding="utf-8")).get("fingerprint")
    except (OSError, ValueError):
        return None


def read_tables(path) -> dict[str, pd.DataFrame]:
    """The tables of the finished corpus in a store folder. Raises StoreError when the folder
    holds no finished corpus or a file is damaged."""
    folder = Path(path) / "corpus"
    manifest = folder / "corpus.json"
    if not manifest.is_file():
        raise StoreError(f"{path}: no finished corpus here (missing {manifest}); run "
                         f"tk.analyze(articles, cache={str(path)!r}) or `toolkit analyze ... --out {path}` first")
    try:
        meta = json.loads(manifest.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise StoreError(f"{manifest}: damaged manifest ({exc}); delete {folder} and analyse again") from None
    if meta.get("schema") != SCHEMA:
        raise StoreError(f"{manifest}: written with store schema {meta.get('schema')}, this toolkit reads "
                         f"{SCHEMA}; analyse again to rebuild it")
    tables = {}
    for name in CORPUS_TABLES:
        f = folder / f"{name}.parquet"
        if not f.is_file() or _sha256(f) != meta["files"].get(name):
            raise StoreError(f"{f}: missing or damaged (checksum mismatch); analyse again with the same cache "
                             "folder to rebuild it")
        df = pd.read_parquet(f)
        for col in list_columns(name):
            if col in df.columns:
                df[col] = df[col].map(lambda v: [] if v is None else list(v))
        tables[name] = df
    return tables


def remove(path) -> None:
    """Delete a store folder."""
    shutil.rmtree(path, ignore_errors=True)
