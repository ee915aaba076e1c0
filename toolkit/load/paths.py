"""Inputs: paths, folders, globs, archives, compressed files, DataFrames and database URLs -> ``Input``s.

Folders are walked in sorted order. Symbolic links are followed once: a folder (or file) reached
again through a link or a loop is noted, not read again. FIFOs, devices, sockets and broken links
are reported, never opened (reading a FIFO would block). File names that are not valid UTF-8 are
read and shown with ``\\x`` escapes. ``.gz``, ``.bz2`` and ``.xz`` files are read through (the format
is the extension before: ``articles.jsonl.gz``); a ``.zip`` is read like a folder of its members.
A toolkit store folder (the output of ``toolkit analyze``) and the folders in ``exclude`` are not read.
"""
from __future__ import annotations

import bz2
import contextlib
import fnmatch
import glob as globmod
import gzip
import io
import lzma
import os
import re
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .run import Run

COMPRESSIONS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
# Errors of damaged compressed data or archives (OSError covers gzip.BadGzipFile and read errors).
READ_ERRORS = (OSError, EOFError, lzma.LZMAError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError)
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
# Files kept beside data sets that are not articles; reported, never loaded by accident.
_DOC_FILE = re.compile(r"^(readme|license|licence|copying|changelog|notice|attribution)(\.|$)", re.I)


@dataclass
class Input:
    """One input: a file on disk, a member of a ZIP archive, a DataFrame or a database URL."""

    name: str                      # as shown in the path column and the report (never invalid UTF-8)
    file: Path | None = None       # the file on disk (the archive, for a member)
    root: Path | None = None       # the folder it was found in: the default source
    walked: bool = False           # found by walking a folder, a glob or an archive
    member: str | None = None      # the member of the ZIP archive ``file``
    frame: pd.DataFrame | None = None
    url: str | None = None

    @property
    def inner_name(self) -> str:
        """The file name without a compression extension: ``a.jsonl.gz`` -> ``a.jsonl``."""
        name = self.member.rsplit("/", 1)[-1] if self.member else (self.file.name if self.file else "")
        suffix = Path(name).suffix.lower()
        return name[: -len(suffix)] if suffix in COMPRESSIONS else name

    @property
    def suffix(self) -> str:
        return Path(self.inner_name).suffix.lower()

    @property
    def compression(self) -> str | None:
        name = self.member or (self.file.name if self.file else "")
        suffix = Path(name).suffix.lower()
        return suffix if suffix in COMPRESSIONS else None

    def open(self):
        """A binary stream of the (decompressed) content; the caller closes it."""
        if self.member is not None:
            archive = zipfile.ZipFile(self.file)
            raw = io.BufferedReader(_ClosingMember(archive.open(self.member), archive))
        else:
            raw = open(self.file, "rb")
        if self.compression:
            return COMPRESSIONS[self.compression](raw)
        return raw

    def read_bytes(self) -> bytes:
        with self.open() as fh:
            return fh.read()

    def seekable(self):
        """A file name or a seekable stream, for libraries that seek (Parquet, Excel, docx, PDF)."""
        if self.member is None and not self.compression:
            return self.file
        return io.BytesIO(self.read_bytes())

    @contextlib.contextmanager
    def local_file(self):
        """A real file of the content (SQLite opens files by name): a temporary copy when compressed."""
        if self.member is None and not self.compression:
            yield self.file
            return
        with tempfile.TemporaryDirectory(prefix="toolkit-load-") as tmp:
            target = Path(tmp) / self.inner_name
            with self.open() as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
            yield target


class _ClosingMember(io.RawIOBase):
    """A ZIP member stream that closes its archive with it."""

    def __init__(self, member, archive):
        self._member, self._archive = member, archive

    def readable(self):
        return True

    def readinto(self, b):
        data = self._member.read(len(b))
        b[: len(data)] = data
        return len(data)

    def close(self):
        self._member.close()
        self._archive.close()
        super().close()


def safe_name(path) -> str:
    """``path`` as text that can always be shown and stored: bytes that are not UTF-8 as ``\\xNN``."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def is_url(item) -> bool:
    return isinstance(item, str) and bool(_URL.match(item)) and not item.lower().startswith("file://")


def expand(paths, run: Run):
    """Every input in a stable order; what cannot be read is reported on the way."""
    if isinstance(paths, (str, os.PathLike, pd.DataFrame)):
        paths = [paths]
    walker = _Walker(run)
    n_frames = 0
    for item in paths:
        if isinstance(item, pd.DataFrame):
            n_frames += 1
            yield Input(name=f"<DataFrame {n_frames}>", frame=item)
        elif is_url(item):
            yield Input(name=_masked(item), url=item)
        else:
            yield from walker.item(item)


def _masked(url: str) -> str:
    """The URL with its password hidden, for the report."""
    return re.sub(r"(://[^/:@]+:)[^@/]*@", r"\1***@", url)


class _Walker:
    def __init__(self, run: Run):
        self.run = run
        self.seen: dict = {}  # (device, inode) of every folder and file read -> where it was read first
        self.exclude = {_key(p) for p in run.exclude if _key(p) is not None}

    def item(self, item):
        p = Path(item)
        try:
            st = p.stat()
        except OSError:
            st = None
        if st is not None and stat.S_ISDIR(st.st_mode):
            yield from self.folder(p, p)
        elif st is not None and stat.S_ISREG(st.st_mode):
            yield from self.file(p, p.parent, walked=False)
        elif st is not None:
            self.run.fail(safe_name(p), _special(st.st_mode))
        elif globmod.has_magic(str(item)):
            yield from self.glob(str(item))
        elif p.is_symlink():
            self.run.fail(safe_name(p), f"broken symbolic link (points to {safe_name(os.readlink(p))}, which does not exist)")
        else:
            self.run.fail(safe_name(p), "path does not exist (no file, folder or glob match)")

    def folder(self, folder: Path, root: Path):
        key = _key(folder)
        name = safe_name(folder)
        if key in self.exclude:
            self.run.note(name, "the output folder of this run: not read as input")
            return
        if key in self.seen:
            self.run.note(name, f"folder already read as {self.seen[key]} (a symbolic link or a link loop): "
                          "not read again")
            return
        self.seen[key] = name
        if _is_store(folder):
            self.run.note(name, "a toolkit store folder (output of toolkit analyze / tk.analyze(cache=)): "
                          "not read as articles; open it with tk.open_corpus")
            return
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            self.run.fail(name, f"cannot list folder: {exc.strerror or exc}")
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                st = path.stat()  # follows symbolic links
            except OSError as exc:
                if path.is_symlink():
                    target = safe_name(os.readlink(path))
                    self.run.fail(safe_name(path), f"broken symbolic link (points to {target}, which does not exist)")
                else:
                    self.run.fail(safe_name(path), f"cannot read: {exc.strerror or exc}")
                continue
            if stat.S_ISDIR(st.st_mode):
                yield from self.folder(path, root)
            elif stat.S_ISREG(st.st_mode):
                yield from self.file(path, root, walked=True)
            else:
                self.run.fail(safe_name(path), _special(st.st_mode))

    def file(self, path: Path, root: Path, *, walked: bool):
        key = _key(path)
        name = safe_name(path)
        if key in self.seen and walked:
            self.run.note(name, f"same file as {self.seen[key]}, already read (a symbolic or hard link): not read again")
            return
        self.seen.setdefault(key, name)
        if name != str(path):
            self.run.note(name, "file name is not valid UTF-8: read, and shown with \\x escapes for its bytes")
        if path.suffix.lower() == ".zip":
            yield from self.archive(path, root, name)
            return
        yield Input(name=name, file=path, root=root, walked=walked)

    def archive(self, path: Path, root: Path, name: str):
        try:
            with zipfile.ZipFile(path) as zf:
                members = sorted(i.filename for i in zf.infolist() if not i.is_dir())
        except READ_ERRORS as exc:
            self.run.fail(name, f"not a readable ZIP archive: {exc}")
            return
        if not members:
            self.run.fail(name, "ZIP archive holds no files")
        for m in members:
            yield Input(name=f"{name}/{m}", file=path, root=root, walked=True, member=m)

    def glob(self, pattern: str):
        """A glob, with ``**`` matched over the loop-safe walk (glob's own ``**`` follows link loops)."""
        parts = Path(pattern).parts
        i = next(i for i, part in enumerate(parts) if globmod.has_magic(part))
        base = Path(*parts[:i]) if i else Path(".")
        matches = []
        if base.is_dir():
            for path in _loop_safe_paths(base):
                rel = path.parts[len(base.parts):] if i else path.parts
                if _match(rel, parts[i:]):
                    matches.append(path)
        if not matches:
            self.run.fail(pattern, "path does not exist (no file, folder or glob match)")
        for path in sorted(matches, key=str):
            try:
                mode = path.stat().st_mode
            except OSError:
                self.run.fail(safe_name(path), "broken symbolic link")
                continue
            if stat.S_ISDIR(mode):
                yield from self.folder(path, path)
            elif stat.S_ISREG(mode):
                yield from self.file(path, path.parent, walked=True)
            else:
                self.run.fail(safe_name(path), _special(mode))


def _loop_safe_paths(base: Path):
    """Every path under ``base`` (files and folders), each folder entered once (by device and inode)."""
    seen = set()
    stack = [base]
    while stack:
        folder = stack.pop()
        key = _key(folder)
        if key in seen:
            continue
        seen.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name, reverse=True)
        except OSError:
            continue
        for e in entries:
            p = Path(e.path)
            yield p
            try:
                if e.is_dir(follow_symlinks=True):
                    stack.append(p)
            except OSError:
                pass


def _match(rel: tuple, pattern: tuple) -> bool:
    """Path parts against glob parts: ``**`` any number of folders, other parts as ``fnmatch``
    (case-sensitive; a leading dot matched only by a pattern with one, as in ``glob``)."""
    if not pattern:
        return not rel
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        for i in range(len(rel) + 1):
            if _match(rel[i:], rest):
                return True
            if i < len(rel) and rel[i].startswith("."):
                return False
        return False
    if not rel:
        return False
    if rel[0].startswith(".") and not head.startswith("."):
        return False
    return fnmatch.fnmatchcase(rel[0], head) and _match(rel[1:], rest)


def _key(path):
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a regular file: not read"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file: not read"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device file, not a regular file: not read"
    return "not a regular file or folder: not read"


def _is_store(folder: Path) -> bool:
    # A finished corpus, or the batches of a run not finished yet (a commit record; the CLI of
    # earlier versions also wrote load_report.csv there first).
    batches = folder / "batches"
    return (folder / "corpus" / "corpus.json").is_file() or batches.is_dir() and (
        (folder / "load_report.csv").is_file() or next(batches.glob("*.json"), None) is not None)


def is_doc_file(inp: Input) -> bool:
    return inp.walked and bool(_DOC_FILE.match(inp.inner_name))
