"""A result store on disk: per-article tables cached by content, and the finished corpus.

Layout of a store folder::

    batches/<id>/{sentences,mentions,quotes}.parquet   per-article tables of a batch of articles
    batches/<id>.json                                   the batch's commit record, written last
    corpus/<table>.parquet + corpus/corpus.json         the finished corpus (tk.open_corpus)

A batch counts only once its commit record exists, and the record holds the SHA-256 of each file,
so a run killed at any moment leaves a readable store (the next run redoes the missing batches),
and a damaged file is detected, reported and recomputed instead of trusted. Each article is keyed
by a hash of its id and text plus the model and toolkit version and the options that change
per-article results: a new article, an edited one, or another model or version is recomputed;
nothing else is.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import uuid
import warnings
from pathlib import Path

import pandas as pd

from .errors import StoreError

SCHEMA = 1
PER_ARTICLE = ("sentences", "mentions", "quotes")
CORPUS_TABLES = ("articles", "mentions", "actors", "quotes", "sentences", "topics", "article_topics",
                 "paragraph_topics")
LIST_COLUMNS = {"actors": ("aliases", "titles"), "topics": ("terms",)}


ANALYSIS_MODULES = ("actors", "corpus", "gazetteer", "nlp", "pipeline", "quotes", "store", "topics")


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """The toolkit's version and a hash of the source of the modules that compute the tables, so
    that results cached by another version (or an edited checkout) are recomputed rather than
    trusted; changes to charts, widgets or loaders invalidate nothing."""
    from . import __version__

    h = hashlib.sha1()
    for name in ANALYSIS_MODULES:
        f = Path(__file__).parent / f"{name}.py"
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return f"{__version__}+{h.hexdigest()[:12]}"


def article_keys(articles: pd.DataFrame, *, fingerprint: str) -> list[str]:
    """One key per article: its id, its text and the analysis fingerprint."""
    out = []
    for aid, text in zip(articles["article_id"].astype(str), articles["text"].fillna("").astype(str)):
        h = hashlib.sha1()
        for part in (fingerprint, aid, text):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\0")
        out.append(h.hexdigest())
    return out


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
        from . import pipeline

        return {name: pipeline.typed(pd.concat(p, ignore_index=True), name) if p else pipeline.frames([])[name]
                for name, p in parts.items()}


# --- the finished corpus ------------------------------------------------------------------------

def save_corpus(corpus, path, *, meta: dict | None = None) -> Path:
    """Write every table of ``corpus`` as Parquet under ``path/corpus`` (atomically per file,
    manifest last) and return that folder."""
    folder = Path(path) / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for name in CORPUS_TABLES:
        df = getattr(corpus, name)
        f = folder / f"{name}.parquet"
        out = df.copy()
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


def open_corpus(path):
    """Open a store written by ``tk.analyze(..., cache=path)`` or ``corpus.save(path)`` without
    re-analysis. Raises StoreError when the folder holds no finished corpus or a file is damaged."""
    from .corpus import Corpus

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
        for col in LIST_COLUMNS.get(name, ()):
            if col in df.columns:
                df[col] = df[col].map(lambda v: [] if v is None else list(v))
        tables[name] = df
    return Corpus(**tables)


def remove(path) -> None:
    """Delete a store folder."""
    shutil.rmtree(path, ignore_errors=True)
