"""A result store on disk: per-article tables cached by content, and the tables of a finished corpus.

Layout of a store folder::

    batches/<id>/{sentences,mentions,quotes}.parquet   per-article tables of a batch of articles
    batches/<id>.json                                   the batch's commit record, written last
    corpus/corpus.json                                  the finished corpus: which version, checksums
    corpus/v-<time>-<random>/<table>.parquet            that version's tables (tk.open_corpus), and
                                                        files saved with them (the CLI's load report)
    corpus/.lock                                        held by the save in progress

A batch counts only once its commit record exists, and the record holds the SHA-256 of each file,
so a run killed at any moment leaves a readable store (the next run redoes the missing batches),
and a damaged file is detected, reported and recomputed instead of trusted. Each article is keyed
by a hash of its id and text plus the analysis fingerprint (toolkit code, model and the options
that change per-article results): a new article, an edited one, or another model or version is
recomputed; nothing else is.

A finished corpus is replaced as a whole: a save writes a new version folder beside the old one,
then switches the one pointer, ``corpus/corpus.json`` (an atomic rename), then removes the old
version. A reader therefore sees the old corpus or the new one, never a mix; a save killed, or
failing on a full disk, at any moment leaves the previous corpus readable. Saves of one store take
its lock file in turn (a lock the operating system releases when its holder dies, so a killed save
never blocks the next); the save holding the lock removes what killed saves left behind.

Every file of a store that cannot be read -- missing, damaged, truncated, or refused by Arrow -- is
a :class:`StoreError`, which ``tk.analyze`` answers by recomputing. A write that fails (disk full,
read-only folder, no permission) is a :class:`StoreWriteError` naming the errno.

Limits: the lock needs a file system with ``flock`` (local disks, NFSv4, SMB); where there is none,
saves are not serialised (with a warning) and nothing is swept. Readers do not lock: a reader that
loses its version to a newer save reads the newer one. The store reads and writes frames only;
:mod:`toolkit.corpus` builds a ``Corpus`` from them.
"""
from __future__ import annotations

import contextlib
import errno as errno_mod
import hashlib
import json
import os
import re
import shutil
import time
import uuid
import warnings
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import InvalidOptionError, StoreError, StoreWriteError
from .load.fields import as_json_text, storable
from .schema import CORPUS_TABLES, PER_ARTICLE, columns, empty, list_columns, typed
from .version import code_version

SCHEMA = 1
CORPUS = "corpus"
MANIFEST = "corpus.json"
LOCK = ".lock"
READ_RETRIES = 100  # versions a reader follows while saves replace the one it reads
LOCK_TIMEOUT = 600.0   # seconds a save waits for another save of the same store
STALE_AFTER = 3600.0   # seconds before a batch's temporary file counts as left by a dead run
_VERSION = re.compile(r"^v-\d{8}T\d{6}Z-[0-9a-f]{12}$")
# What a failed read of a store file can raise (pyarrow's errors, pandas' metadata, truncated JSON).
_READ_ERRORS = (OSError, pa.ArrowException, ValueError, TypeError, KeyError, IndexError, RecursionError)
_WRITE_TODO = {
    errno_mod.ENOSPC: ("no space left on the device", "free some space and save again"),
    errno_mod.EDQUOT: ("disk quota exceeded", "free some space and save again"),
    errno_mod.EROFS: ("the file system is read-only", "save to a folder you can write to"),
    errno_mod.EACCES: ("permission denied", "save to a folder you can write to"),
    errno_mod.EPERM: ("operation not permitted", "save to a folder you can write to"),
}


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


def error_errno(exc: BaseException) -> int | None:
    """The errno of a failed write; pyarrow's own I/O errors carry it only in their message."""
    if getattr(exc, "errno", None):
        return exc.errno
    m = re.search(r"\[errno (\d+)\]", str(exc), flags=re.IGNORECASE)
    return int(m.group(1)) if m else None


def write_error(path, exc: OSError, *, what: str = "the store") -> StoreWriteError:
    """A failed write as a StoreWriteError that says what happened and what to do."""
    code = error_errno(exc)
    reason, todo = _WRITE_TODO.get(code, (getattr(exc, "strerror", None) or str(exc), "fix that and try again"))
    return StoreWriteError(f"{path}: cannot write {what}: {reason}; {todo}. What {what} held before is unchanged",
                           errno=code)


def _fsync_dir(folder: Path) -> None:
    # The rename that switched a file in is durable once its folder is synced (POSIX only).
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename itself is still atomic
    finally:
        os.close(fd)


def _write_file(path: Path, write) -> None:
    """``write(fh)`` into a new file at ``path``, synced to disk (through a Python file, so that a
    full disk raises an OSError with its errno)."""
    with open(path, "wb") as fh:
        write(fh)
        fh.flush()
        os.fsync(fh.fileno())


def _write_atomic(path: Path, write) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        _write_file(tmp, write)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _write_json(path: Path, obj) -> None:
    data = json.dumps(obj, indent=1, sort_keys=True).encode("utf-8")
    _write_atomic(path, lambda fh: fh.write(data))
    _fsync_dir(path.parent)


def _read_parquet(f: Path, what: str) -> pd.DataFrame:
    try:
        return pd.read_parquet(f)
    except _READ_ERRORS as exc:
        first = (str(exc).splitlines() or [""])[0][:200]
        raise StoreError(f"{f}: {what} cannot be read ({type(exc).__name__}: {first})") from None


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
                if not isinstance(rec, dict):
                    raise ValueError(f"a JSON {type(rec).__name__}, not an object")
            except (OSError, ValueError) as exc:
                self._problem(f"{rec_path}: unreadable commit record ({exc}); its articles are recomputed")
                continue
            if rec.get("fingerprint") != fingerprint or rec.get("schema") != SCHEMA:
                continue
            keys, files = rec.get("keys"), rec.get("files")
            if not isinstance(keys, dict) or not isinstance(files, dict):
                self._problem(f"{rec_path}: commit record without keys or files; its articles are recomputed")
                continue
            bid = rec_path.stem
            if not self._intact(bid, files):
                continue
            for key, aid in keys.items():
                out.setdefault(key, (bid, aid))
        return out

    def _intact(self, bid: str, files: dict) -> bool:
        for name in PER_ARTICLE:
            f = self.batches / bid / f"{name}.parquet"
            try:
                ok = f.is_file() and _sha256(f) == files.get(name)
            except OSError:
                ok = False
            if not ok:
                self._problem(f"{f}: missing or damaged (checksum mismatch); its articles are recomputed")
                return False
        return True

    def _problem(self, msg: str) -> None:
        self.problems.append(msg)
        warnings.warn(msg, stacklevel=3)

    def write(self, tables: dict[str, pd.DataFrame], keys: dict[str, str], *, fingerprint: str) -> str:
        """Write one batch (key -> article_id) atomically; returns the batch id.
        Raises StoreWriteError when the disk is full or the folder cannot be written."""
        bid = hashlib.sha1("\n".join(sorted(keys)).encode()).hexdigest()[:20]
        folder = self.batches / bid
        try:
            folder.mkdir(parents=True, exist_ok=True)
            files = {}
            for name in PER_ARTICLE:
                f = folder / f"{name}.parquet"
                _write_atomic(f, lambda fh, df=tables[name]: df.to_parquet(fh, index=False))
                files[name] = _sha256(f)
            # The commit record goes last: until it exists the batch does not count.
            _write_json(self.batches / f"{bid}.json", {"schema": SCHEMA, "fingerprint": fingerprint, "keys": keys,
                                                       "files": files})
        except StoreError:
            raise
        except OSError as exc:
            raise write_error(folder, exc) from exc
        return bid

    def write_records(self, records: list[tuple[str, str]], tables: dict[str, pd.DataFrame], *,
                      fingerprint: str) -> str:
        """Write the tables of a batch of (article_id, text) records; returns the batch id."""
        keys = dict(zip(record_keys(records, fingerprint=fingerprint), (a for a, _ in records)))
        return self.write(tables, keys, fingerprint=fingerprint)

    def read(self, wanted: dict[str, tuple[str, str]]) -> dict[str, pd.DataFrame]:
        """The per-article tables of the wanted (batch id, article_id) pairs. Raises StoreError,
        with ``batch`` set, for a batch file that cannot be read (see :meth:`discard`)."""
        by_batch: dict[str, set] = {}
        for bid, aid in wanted.values():
            by_batch.setdefault(bid, set()).add(aid)
        parts = {name: [] for name in PER_ARTICLE}
        for bid in sorted(by_batch):
            for name in PER_ARTICLE:
                try:
                    df = _read_parquet(self.batches / bid / f"{name}.parquet", "a batch table")
                except StoreError as exc:
                    exc.batch = bid
                    raise
                parts[name].append(df[df["article_id"].isin(by_batch[bid])])
        return {name: typed(pd.concat(p, ignore_index=True), PER_ARTICLE[name]) if p else empty(PER_ARTICLE[name])
                for name, p in parts.items()}

    def discard(self, bid: str) -> None:
        """Forget a batch (its commit record goes), so that its articles are recomputed."""
        self._problem(f"{self.batches / bid}: a batch that cannot be read; its articles are recomputed")
        with contextlib.suppress(OSError):
            (self.batches / f"{bid}.json").unlink()

    def sweep(self, *, older_than: float = STALE_AFTER) -> int:
        """Remove what killed runs left in ``batches/``: temporary files and batch folders never
        committed, older than ``older_than`` seconds (younger ones may be another run's, being
        written now). Returns the number of entries removed."""
        if not self.batches.is_dir():
            return 0
        now, n = time.time(), 0
        committed = {p.stem for p in self.batches.glob("*.json")}

        def old(p: Path) -> bool:
            try:
                return now - p.stat().st_mtime > older_than
            except OSError:
                return False

        for entry in list(self.batches.iterdir()):
            if entry.is_file() and entry.name.startswith(".") and entry.name.endswith(".tmp") and old(entry):
                n += _remove(entry)
            elif entry.is_dir():
                inner = list(entry.iterdir())
                if entry.name not in committed and old(entry) and all(old(p) for p in inner):
                    n += _remove(entry)
                else:
                    n += sum(_remove(p) for p in inner if p.name.endswith(".tmp") and old(p))
        return n


def write_batch(path, records: list[tuple[str, str]], tables: dict[str, pd.DataFrame], *, fingerprint: str) -> str:
    """``Store(path).write_records(...)``: picklable with functools.partial, for engine workers."""
    return Store(path).write_records(records, tables, fingerprint=fingerprint)


def _remove(p: Path) -> int:
    try:
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p)
        else:
            p.unlink()
        return 1
    except OSError:
        return 0


# --- the finished corpus ------------------------------------------------------------------------

@contextlib.contextmanager
def _lock(folder: Path, *, timeout: float | None = None):
    """Hold the store's lock file (waiting up to ``timeout``, default LOCK_TIMEOUT seconds);
    yields False where the file system has no locks."""
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    path = folder / LOCK
    try:
        fh = open(path, "a+b")
    except OSError as exc:
        raise write_error(path, exc) from exc
    held = False
    try:
        held = _acquire(fh, path, timeout)
        yield held
    finally:
        if held:
            _release(fh)
        fh.close()


def _acquire(fh, path: Path, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if os.name == "nt":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as exc:
            if exc.errno not in (errno_mod.EAGAIN, errno_mod.EACCES, errno_mod.EWOULDBLOCK, errno_mod.EDEADLK):
                warnings.warn(f"{path}: this file system has no file locks ({exc.strerror}); saves of this store "
                              "are not serialised: do not save it from two processes at once", stacklevel=4)
                return False
        if time.monotonic() > deadline:
            raise StoreWriteError(f"{path}: another save of this store has held its lock for {timeout:.0f} s; "
                                  "wait for it to finish (or stop it) and save again", errno=errno_mod.EAGAIN)
        time.sleep(0.05)


def _release(fh) -> None:
    if os.name == "nt":
        import msvcrt

        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _new_version() -> str:
    return time.strftime("v-%Y%m%dT%H%M%SZ-", time.gmtime()) + uuid.uuid4().hex[:12]


def storable_tables(tables: dict[str, pd.DataFrame]) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """The corpus tables in a form Parquet can store (the guard for frames built by hand: fields a
    loader would have converted, see :mod:`toolkit.load.fields`), and a note per change."""
    frames, notes = {}, []
    for name in CORPUS_TABLES:
        out, changes = storable(tables[name], keep=columns(name))
        if out is tables[name]:
            out = out.copy(deep=False)
        out.attrs = {}
        frames[name] = out
        notes += [f"{name}: {reason}" for _, reason in changes]
    return frames, notes


_DATA_ERRORS = (pa.ArrowException, ValueError, TypeError, UnicodeError, OverflowError, RecursionError)


def _data_failure(f: Path, df: pd.DataFrame) -> Exception | None:
    """Write ``df`` to ``f``; the exception when the data failed (not the disk: that raises)."""
    try:
        _write_file(f, lambda fh: df.to_parquet(fh, index=False))
    except OSError as exc:
        if isinstance(exc, pa.ArrowException) and not error_errno(exc):
            return exc  # Arrow's own complaint about the data, not the disk's
        raise
    except _DATA_ERRORS as exc:
        return exc
    return None


def _write_table(f: Path, df: pd.DataFrame, name: str, notes: list[str]) -> None:
    failure = _data_failure(f, df)
    if failure is None:
        return
    # The data: look at every column this time (the text of the schema's columns too) and, if that
    # finds nothing, store every extra column as JSON text.
    fixed, changes = storable(df, keep=columns(name), check="all")
    if not changes:
        fixed = df.copy(deep=False)
        for c in [c for c in df.columns if c not in columns(name) and df[c].dtype == object]:
            fixed[c] = pd.Series(as_json_text(df[c].to_numpy(dtype=object))[0], index=df.index, dtype="string")
            changes.append((c, f"field {c!r} could not be stored ({type(failure).__name__}): stored as JSON text"))
    notes += [f"{name}: {reason}" for _, reason in changes]
    again = _data_failure(f, fixed)
    if again is not None:
        raise StoreError(f"{f}: the {name} table cannot be stored ({type(again).__name__}: {again}); a toolkit "
                         "bug: please report it with this message") from again


def save_tables(tables: dict[str, pd.DataFrame], path, *, meta: dict | None = None,
                files: dict[str, bytes | str] | None = None) -> Path:
    """Save the corpus tables under ``path/corpus`` as a new version and switch to it (see the
    module docstring); returns the new version's folder.

    ``meta`` goes into the manifest (``tk.analyze`` puts its fingerprint there). ``files`` are
    saved in the same version, switched in with the tables (name -> bytes or str: the CLI's
    ``load_report.csv`` and ``summary.json``). A column Parquet cannot hold as it is is stored as
    :mod:`toolkit.load.fields` stores it, with a warning. Raises StoreWriteError when the disk is
    full or the folder cannot be written; the corpus saved before is then left as it was.
    """
    folder = Path(path) / CORPUS
    for name in files or {}:
        if not isinstance(name, str) or not re.fullmatch(r"[\w][\w.-]*", name) or name.endswith(".parquet"):
            raise InvalidOptionError("files", name, ("plain file names (letters, digits, '.', '-', '_'), not "
                                                     "ending in .parquet",))
    frames, notes = storable_tables(tables)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(folder, exc) from exc
    with _lock(folder) as held:
        version = _new_version()
        vdir = folder / version
        try:
            vdir.mkdir()
            hashes = {}
            for name, df in frames.items():
                f = vdir / f"{name}.parquet"
                _write_table(f, df, name, notes)
                hashes[name] = _sha256(f)
            attached = {}
            for fname, data in (files or {}).items():
                raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
                _write_file(vdir / fname, lambda fh, raw=raw: fh.write(raw))
                attached[fname] = hashlib.sha256(raw).hexdigest()
            _fsync_dir(vdir)
            manifest = {**(meta or {}), "schema": SCHEMA, "toolkit": code_version(), "version": version,
                        "files": hashes, "attached": attached, "notes": notes}
            _write_json(folder / MANIFEST, manifest)  # the switch: from here on, readers see this version
        except BaseException as exc:
            if _current_version(folder) != version:  # killed before the switch: this version never counted
                shutil.rmtree(vdir, ignore_errors=True)
            if isinstance(exc, OSError) and not isinstance(exc, StoreError):
                raise write_error(vdir, exc) from exc
            raise
        if held:
            _sweep(folder, keep=version)
    if notes:
        warnings.warn(f"{folder}: stored in a form Parquet can hold: " + "; ".join(notes), stacklevel=3)
    return vdir


def _current_version(folder: Path) -> str | None:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError, AttributeError):
        return None


def _sweep(folder: Path, *, keep: str) -> None:
    """Under the lock: remove other versions (the replaced one, and those of killed saves),
    temporary files, and the tables of the layout before versions (corpus/<table>.parquet)."""
    for entry in folder.iterdir():
        name = entry.name
        if name in (keep, MANIFEST, LOCK):
            continue
        if entry.is_dir() and _VERSION.match(name):
            _remove(entry)
        elif entry.is_file() and (name.endswith(".parquet") or (name.startswith(".") and name.endswith(".tmp"))):
            _remove(entry)


def _manifest(path) -> tuple[dict, Path, bytes]:
    """The manifest of a store's finished corpus, the folder of its tables, and its raw bytes."""
    folder = Path(path) / CORPUS
    manifest = folder / MANIFEST
    if not manifest.is_file():
        raise StoreError(f"{path}: no finished corpus here (missing {manifest}); run "
                         f"tk.analyze(articles, cache={str(path)!r}) or `toolkit analyze ... --out {path}` first")
    try:
        raw = manifest.read_bytes()
        meta = json.loads(raw)
    except OSError as exc:
        raise StoreError(f"{manifest}: cannot be read ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise StoreError(f"{manifest}: damaged manifest ({exc}); analyse again with the same cache folder to "
                         "rebuild it") from None
    if not isinstance(meta, dict) or not isinstance(meta.get("files"), dict):
        raise StoreError(f"{manifest}: damaged manifest (no table checksums); analyse again with the same cache "
                         "folder to rebuild it")
    if meta.get("schema") != SCHEMA:
        raise StoreError(f"{manifest}: written with store schema {meta.get('schema')}, this toolkit reads "
                         f"{SCHEMA}; analyse again to rebuild it")
    version = meta.get("version")
    if version is None:
        return meta, folder, raw  # a store saved before versions: the tables beside the manifest
    if not isinstance(version, str) or not _VERSION.match(version):
        raise StoreError(f"{manifest}: damaged manifest (version {version!r}); analyse again with the same cache "
                         "folder to rebuild it")
    return meta, folder / version, raw


def _retrying(path, read):
    """``read(meta, folder)`` on the current version; again on the newer one when a save replaced
    (and removed) the version while it was being read. Each retry follows a finished save, so a
    reader among saves in a row keeps up with them (up to READ_RETRIES of them)."""
    manifest = Path(path) / CORPUS / MANIFEST
    for _ in range(READ_RETRIES):
        meta, folder, raw = _manifest(path)
        try:
            return read(meta, folder)
        except StoreError:
            try:
                changed = manifest.read_bytes() != raw
            except OSError:
                changed = False
            if not changed:
                raise
    return read(*_manifest(path)[:2])


def saved_meta(path) -> dict | None:
    """The manifest of a store's finished corpus (toolkit version, fingerprint, version, notes),
    or None when there is none."""
    try:
        return dict(_manifest(path)[0])
    except StoreError:
        return None


def saved_fingerprint(path) -> str | None:
    """The fingerprint recorded with the finished corpus of a store, if any."""
    try:
        fp = _manifest(path)[0].get("fingerprint")
    except StoreError:
        return None
    return fp if isinstance(fp, str) else None


def current_folder(path) -> Path:
    """The folder of the finished corpus's current version (its tables, and the files saved with
    them). It is replaced by the next save: read through :func:`read_tables` or :func:`read_file`
    to be sure of a whole version."""
    return _manifest(path)[1]


def read_file(path, name: str) -> bytes:
    """A file saved with the finished corpus (``files=`` of :func:`save_tables`), checked against
    its checksum. Raises StoreError when there is none or it is damaged."""
    def read(meta, folder):
        digest = (meta.get("attached") or {}).get(name)
        f = folder / name
        if digest is None:
            raise StoreError(f"{f}: not saved with this corpus")
        try:
            data = f.read_bytes()
        except OSError as exc:
            raise StoreError(f"{f}: cannot be read ({exc.strerror or exc})") from None
        if hashlib.sha256(data).hexdigest() != digest:
            raise StoreError(f"{f}: damaged (checksum mismatch); analyse again to rebuild it")
        return data

    return _retrying(path, read)


def read_tables(path) -> dict[str, pd.DataFrame]:
    """The tables of the finished corpus in a store folder, all of one version. Raises StoreError
    when the folder holds no finished corpus or a file is missing, damaged or unreadable."""
    return _retrying(path, _read_version)


def _read_version(meta: dict, folder: Path) -> dict[str, pd.DataFrame]:
    return {name: _read_table(meta, folder, name) for name in CORPUS_TABLES}


def _checked_file(meta: dict, folder: Path, name: str) -> Path:
    """The Parquet file of one table, once its checksum is the manifest's."""
    f = folder / f"{name}.parquet"
    try:
        ok = f.is_file() and _sha256(f) == meta["files"].get(name)
    except OSError:
        ok = False
    if not ok:
        raise StoreError(f"{f}: missing or damaged (checksum mismatch); analyse again with the same cache "
                         "folder to rebuild it")
    return f


def _read_table(meta: dict, folder: Path, name: str) -> pd.DataFrame:
    f = _checked_file(meta, folder, name)
    df = _read_parquet(f, f"the {name} table")
    for col in list_columns(name):
        if col in df.columns:
            df[col] = df[col].map(lambda v: [] if v is None else list(v))
    known = set(columns(name))
    extras = [c for c in df.columns if c not in known and df[c].dtype == object]
    if extras:
        # pandas gives lists back as arrays and the integers of an object with a missing row
        # as floats; Arrow's own Python values are the loader's exactly
        try:
            values = pq.read_table(f, columns=extras)
        except _READ_ERRORS as exc:
            raise StoreError(f"{f}: the {name} table cannot be read ({type(exc).__name__}: {exc})") from None
        for col in extras:
            df[col] = pd.Series(values.column(col).to_pylist(), index=df.index, dtype=object)
    return df


class StoredTables:
    """The tables of one version of a store's finished corpus, each read when first asked for.

    Opening reads the manifest and looks that every table file is there: constant time, whatever
    the corpus size. A table's checksum is checked when it is first read (:meth:`read`) or first
    queried (:meth:`file`), once. A save to the same folder switches to a new version and removes
    this one: a table not read by then raises StoreError saying to open the store again.
    """

    def __init__(self, path):
        self.path = Path(path)
        self.meta, self.folder, _ = _manifest(path)
        if not self.folder.is_dir():
            raise StoreError(f"{self.folder}: the corpus version named by the manifest is missing; analyse again "
                             "with the same cache folder to rebuild it")
        for name in CORPUS_TABLES:
            if not (self.folder / f"{name}.parquet").is_file():
                raise StoreError(f"{self.folder / (name + '.parquet')}: missing; analyse again with the same cache "
                                 "folder to rebuild it")
        self._checked: set[str] = set()

    def _still_there(self, name: str) -> Path:
        f = self.folder / f"{name}.parquet"
        if not f.is_file() and not self.folder.is_dir():
            raise StoreError(f"{self.path}: saved again since this corpus was opened (version {self.folder.name} "
                             "was replaced); open it again with tk.open_corpus")
        return f

    def file(self, name: str) -> Path:
        """The checked Parquet file of a table (for queries that read it in place)."""
        self._still_there(name)
        if name not in self._checked:
            _checked_file(self.meta, self.folder, name)
            self._checked.add(name)
        return self.folder / f"{name}.parquet"

    def read(self, name: str) -> pd.DataFrame:
        """One table as the eager :func:`read_tables` gives it."""
        self._still_there(name)
        df = _read_table(self.meta, self.folder, name)
        self._checked.add(name)
        return df

    def n_rows(self, name: str) -> int:
        """A table's row count from its Parquet footer, without reading the table."""
        f = self._still_there(name)
        try:
            return pq.ParquetFile(f).metadata.num_rows
        except _READ_ERRORS as exc:
            raise StoreError(f"{f}: the {name} table cannot be read ({type(exc).__name__}: {exc})") from None


def remove(path) -> None:
    """Delete a store folder."""
    shutil.rmtree(path, ignore_errors=True)
