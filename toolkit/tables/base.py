"""What every table helper shares: argument checks, the tables of a corpus (or of a mapping of
tables), unique display labels, time periods and pooled sources. Nothing here draws."""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..errors import InvalidOptionError, MissingColumnError, TooManyRowsError
from ..schema import FREQS

MAX_ROWS = 5000  # Altair's default MaxRowsError threshold: every chart's data stays below it
TOP_SOURCES = 10  # sources beyond the 10 largest are pooled, so colour legends and facets stay readable
OTHER_SOURCES = "Other sources"


def check_choice(name: str, value, allowed) -> None:
    if not any(value is a or (type(value) is type(a) and value == a) for a in allowed):
        raise InvalidOptionError(name, value, allowed)


def check_count(name: str, value, lo: int, hi: int) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not lo <= value <= hi:
        raise InvalidOptionError(name, value, (f"an int from {lo} to {hi}",))


def table_of(obj, name: str, *, required: bool = True) -> pd.DataFrame | None:
    """Table ``name`` of a Corpus, any object with that attribute, or a mapping of tables."""
    t = obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)
    if t is None and required:
        raise MissingColumnError(name, "corpus", f"pass a Corpus or a mapping with a {name!r} table")
    return t


def need_columns(df: pd.DataFrame, cols, frame: str) -> None:
    for c in cols:
        if c not in df.columns:
            raise MissingColumnError(c, frame)


def unique_labels(ids: pd.Series, names: pd.Series, kinds: pd.Series | None = None) -> pd.Series:
    """Unique display labels: the name, then "name (kind)", then "name [id]" for names still shared;
    a nominal axis keyed on a shared name would merge two actors into one bar."""
    lab = names.astype(object).where(names.notna(), ids.astype(object)).astype(str)
    if kinds is not None:
        dup = lab.duplicated(keep=False)
        lab = lab.where(~dup, lab + " (" + kinds.astype(object).fillna("?").astype(str) + ")")
    dup = lab.duplicated(keep=False)
    return lab.where(~dup, lab + " [" + ids.astype(str) + "]")


def actor_info(tables) -> pd.DataFrame:
    """actor_id, name, kind for every actor: the actors table, else the mentions' own names."""
    actors = table_of(tables, "actors", required=False) if not isinstance(tables, pd.DataFrame) else None
    if actors is not None and len(actors.columns):
        return actors[["actor_id", "name", "kind"]].drop_duplicates("actor_id")
    m = resolved_mentions(tables)
    return (m.dropna(subset=["actor_id"]).sort_values(["actor_id", "start"], kind="stable")
            .drop_duplicates("actor_id")[["actor_id", "name", "kind"]])


def resolved_mentions(tables) -> pd.DataFrame:
    m = tables if isinstance(tables, pd.DataFrame) else table_of(tables, "mentions")
    need_columns(m, ("article_id", "actor_id"), "mentions")
    return m[m["actor_id"].notna()]


def ranked(df: pd.DataFrame, by: list[str], label: str = "name") -> pd.DataFrame:
    """Sorted by the count columns ``by`` (descending), ties by label then actor/id (ascending)."""
    ident = [c for c in ("actor_id", "topic_id", "id") if c in df.columns][:1]
    cols = by + [label] + ident
    return df.sort_values(cols, ascending=[False] * len(by) + [True] * (1 + len(ident)), kind="stable")


def periods(published: pd.Series, freq: str) -> pd.Series:
    """Start of each date's period (naive UTC timestamps)."""
    ts = pd.to_datetime(published, utc=True).dt.tz_localize(None)
    return ts.dt.to_period(FREQS[freq]).dt.start_time


def period_grid(periods: pd.Series, freq: str) -> pd.DatetimeIndex:
    if periods.dropna().empty:
        return pd.DatetimeIndex([])
    lo, hi = periods.min(), periods.max()
    return pd.period_range(lo.to_period(FREQS[freq]), hi.to_period(FREQS[freq]), freq=FREQS[freq]).start_time


def active_periods(published: pd.Series, freq: str) -> pd.DatetimeIndex:
    """The starts of the periods holding at least one dated article: a timeline drawn over them
    shows no zeros for years in which the corpus has nothing."""
    p = periods(published.dropna(), freq)
    return pd.DatetimeIndex(sorted(p.dropna().unique()))


def fit_freq(n_rows_for, freq: str) -> None:
    """Raise TooManyRowsError when ``freq`` would exceed the row limit, naming coarser ones that fit."""
    n = n_rows_for(freq)
    if n <= MAX_ROWS:
        return
    order = list(FREQS)
    ok = [f for f in order[order.index(freq) + 1:] if n_rows_for(f) <= MAX_ROWS]
    raise TooManyRowsError("freq", freq, ok, n)


def pool_sources(source: pd.Series) -> pd.Series:
    """Source names with all but the TOP_SOURCES most frequent pooled as "Other sources"."""
    src = source.astype(object).fillna("(no source)")
    size = src.value_counts().rename("w").reset_index()
    size.columns = ["source", "w"]
    keep = set(size.sort_values(["w", "source"], ascending=[False, True], kind="stable")["source"].head(TOP_SOURCES))
    return src.where(src.isin(keep), OTHER_SOURCES)
