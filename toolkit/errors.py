"""Errors the toolkit raises. Every message names the file, line, field or argument at fault
and says what to do about it.

All errors derive from :class:`ToolkitError`, so ``except tk.errors.ToolkitError`` catches them all.
"""
from __future__ import annotations


class ToolkitError(Exception):
    """Base class of every error raised on purpose by the toolkit."""


class InvalidOptionError(ToolkitError, ValueError):
    """An argument has a value outside its fixed set of allowed values."""

    def __init__(self, name: str, value, allowed):
        self.name, self.value, self.allowed = name, value, tuple(allowed)
        super().__init__(
            f"{name}={value!r} is not allowed; use one of: "
            + ", ".join(repr(a) for a in self.allowed)
        )


class LoadError(ToolkitError):
    """An input could not be loaded (raised with ``errors="raise"``)."""

    def __init__(self, path, reason: str, *, line: int | None = None):
        self.path, self.reason, self.line = str(path), reason, line
        where = f"{self.path}, line {line}" if line is not None else self.path
        super().__init__(
            f"{where}: {reason}. Fix or remove this input, or pass errors='report' "
            "to load the rest and list the skipped inputs."
        )


class MissingColumnError(ToolkitError, KeyError):
    """A DataFrame lacks a column the function needs."""

    def __init__(self, column: str, frame: str = "articles", hint: str = ""):
        self.column = column
        msg = f"the {frame} frame has no {column!r} column"
        super().__init__(msg + (f"; {hint}" if hint else ""))

    def __str__(self):  # KeyError would quote the whole message
        return self.args[0]


class ModelNotFoundError(ToolkitError, OSError):
    """No spaCy model could be loaded."""


class DataNotFoundError(ToolkitError, FileNotFoundError):
    """A data set the tests or benchmarks need is not where they look for it."""


class EmptyCorpusError(ToolkitError, ValueError):
    """The corpus is too small or empty for the requested analysis."""


class StoreError(ToolkitError, OSError):
    """A result store on disk is missing, corrupt or written by an incompatible version.

    ``tk.analyze`` answers one by recomputing what it cannot read."""

    batch: str | None = None  # the per-article batch at fault, when it is one


class StoreWriteError(StoreError):
    """A store could not be written: disk full, a read-only folder, no permission, or another save
    holding its lock too long. Whatever was saved there before is left as it was.

    ``errno`` is that of the failed write (``errno.ENOSPC`` for a full disk), or None."""

    def __init__(self, message: str, *, errno: int | None = None):
        super().__init__(message)
        self.errno = errno

    def __str__(self):  # OSError would show "[Errno ...]" only when built with two arguments
        return self.args[0]


class ExportError(ToolkitError, ValueError):
    """A table cannot be exported in the format asked for (too many rows for a spreadsheet, ...)."""


class UnknownActorError(ToolkitError, KeyError):
    """No actor matches the name or alias asked for."""

    def __str__(self):
        return self.args[0] if self.args else ""


class EngineError(ToolkitError, RuntimeError):
    """The distributed engine could not complete a run; completed batches stay in the cache."""


class TooManyRowsError(InvalidOptionError):
    """A chart's aggregated data would exceed Altair's 5,000-row limit at this option value."""

    def __init__(self, name, value, allowed, n_rows: int, limit: int = 5000):
        super().__init__(name, value, allowed)
        self.n_rows = n_rows
        self.args = (f"{name}={value!r} gives {n_rows:,} rows, over the {limit:,}-row chart limit; use one of: "
                     + ", ".join(repr(a) for a in allowed),)


class QueryError(ToolkitError, ValueError):
    """A search query that cannot be read: an unclosed quote or parenthesis, an operator with
    nothing on one side, or NOT with nothing to take away from; or SQL (``corpus.sql``) that DuckDB
    refuses."""
