"""The state of one ``load_articles`` call: the report, the rows kept, and the typed frame they become.

Rows are turned into typed frames ``CHUNK_ROWS`` at a time (strings into Arrow-backed ``"string"``
columns), so that a long JSON Lines or CSV file never holds all its rows as Python dicts at once:
memory grows with the rows kept, not with the file read.

Extra fields are made storable once, on the whole frame (:mod:`.fields`): a field's type can
change from one chunk to the next, and only the whole column says what Parquet must hold.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import LoadError
from ..schema import STRING, TABLES, columns
from .fields import storable

COLUMNS = columns("articles")
STRING_COLUMNS = [c for c, t in TABLES["articles"].items() if t == STRING]
REPORT_COLUMNS = ["path", "line", "status", "reason"]
CHUNK_ROWS = 2000


@dataclass
class Run:
    errors: str
    default_source: str | None
    table: str | None = None
    query: str | None = None
    exclude: tuple = ()
    rows: list = field(default_factory=list)
    frames: list = field(default_factory=list)
    report: list = field(default_factory=list)
    n_inputs: int = 0
    seen_text: dict = field(default_factory=dict)  # digest of the normalised text -> first article_id
    seen_id: set = field(default_factory=set)
    # From the first web page on, articles wait here in input order (web pages with their site)
    # until the whole call is read, so that what a site repeats on its pages can go from all of
    # them (toolkit.load.web.release); None while nothing waits.
    held: list | None = None

    def skip(self, path, reason, line=None, status="skipped"):
        if self.errors == "raise":
            raise LoadError(path, reason, line=line)
        self.report.append({"path": str(path), "line": line, "status": status, "reason": reason})

    def fail(self, path, reason, line=None):
        """An input counted and skipped (an input that could not be read at all)."""
        self.n_inputs += 1
        self.skip(path, reason, line=line)

    def note(self, path, reason, line=None):
        self.report.append({"path": str(path), "line": line, "status": "note", "reason": reason})

    def text_digest(self, key: str) -> bytes:
        # A digest, not the normalised text itself: the seen-texts table would otherwise hold a
        # second copy of every article.
        return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).digest()

    def keep(self, rec: dict) -> None:
        self.rows.append(rec)
        if len(self.rows) >= CHUNK_ROWS:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.frames.append(typed_frame(self.rows))
            self.rows = []

    def frame(self) -> pd.DataFrame:
        self.flush()
        if not self.frames:
            df = typed_frame([])
        elif len(self.frames) == 1:
            df = self.frames[0]
        else:
            df = pd.concat(self.frames, ignore_index=True)
            extras = [c for c in df.columns if c not in COLUMNS]
            df = df[COLUMNS + extras]
            none_for_missing(df)
        self.frames = []
        df = self.make_storable(df)
        df.attrs = {"load_report": self.report, "n_inputs": self.n_inputs}
        return df


    def make_storable(self, df: pd.DataFrame) -> pd.DataFrame:
        """Extra fields Parquet cannot hold as they are in a form it can, each change noted."""
        df, notes = storable(df, keep=COLUMNS)
        for col, reason in notes:
            has = df[col].notna()
            paths = df.loc[has, "path"].dropna().unique() if has.any() else []
            where = paths[0] if len(paths) else "(DataFrame)"
            n = len(paths)
            self.note(where, reason + (f"; the field comes from {n} inputs, this is the first" if n > 1 else ""))
        return df


def missing(v) -> bool:
    """None, NaN, NA or NaT (a scalar; lists and arrays are never missing)."""
    if v is None:
        return True
    if isinstance(v, (list, tuple, dict, np.ndarray)):
        return False
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def none_for_missing(df: pd.DataFrame) -> pd.DataFrame:
    """Missing values of list- or dict-valued fields as None, as Parquet gives them back."""
    for c in df.columns:
        if c not in COLUMNS and df[c].dtype == object:
            df[c] = df[c].where(df[c].map(lambda v: not missing(v)), None)
    return df


def typed_frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    for c in COLUMNS:
        if c not in df.columns:
            df[c] = None
    extras = [c for c in df.columns if c not in COLUMNS]
    df = df[COLUMNS + extras]
    df = df.astype({c: "string" for c in STRING_COLUMNS})
    df["published"] = pd.to_datetime(df["published"], utc=True).astype("datetime64[ns, UTC]")
    df["n_words"] = df["n_words"].fillna(0).astype("int64")
    df["flags"] = [list(f) if isinstance(f, (list, tuple, np.ndarray)) else [] for f in df["flags"]]
    for c in extras:
        # pandas makes whole numbers with a missing value floats, which rounds ids past 2**53
        # (a tweet id): nullable integers keep them exact
        if df[c].dtype.kind == "f":
            raw = [r.get(c) for r in rows]
            if all(v is None or _whole(v) for v in raw) and any(_whole(v) for v in raw):
                df[c] = pd.array(raw, dtype="Int64")
    none_for_missing(df)
    return df.reset_index(drop=True)


def _whole(v) -> bool:
    return isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_))
