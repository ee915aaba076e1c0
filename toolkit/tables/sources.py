"""Whose voices: the people an article mentions against the people it quotes (its sources), by
gender, outlet and period. Gender is ``actors.gender`` (how the text refers to each person, see
:mod:`toolkit.actors.gender`), not anyone's identity."""
from __future__ import annotations

import pandas as pd

from ..errors import InvalidOptionError
from ..schema import FREQS
from .base import need_columns, periods, pool_sources, table_of

BY_SOURCES = ("gender", "source", "period")
SOURCES_COLUMNS = ["n_people", "n_sources", "n_only_mentioned", "n_quotes", "quoted_share", "people_share",
                   "source_share"]
# the time unit for a date span: the finest whose periods number at most about 40
AUTO_FREQS = (("day", 45), ("week", 40 * 7), ("month", 40 * 31), ("quarter", 40 * 92))


def auto_freq(published) -> str:
    """The time unit for dates ``published``: "day" for spans up to 45 days, "week" up to 40
    weeks, "month" up to 40 months, "quarter" up to 10 years, else "year" (so a chart holds at
    most about 40 periods: a ten-year corpus is not 120 empty months)."""
    ts = pd.to_datetime(pd.Series(published), utc=True, errors="coerce").dropna()
    if ts.empty:
        return "month"
    span = (ts.max() - ts.min()).days
    for freq, days in AUTO_FREQS:
        if span <= days:
            return freq
    return "year"


def person_articles(corpus) -> pd.DataFrame:
    """One row per person actor and article that mentions or quotes them: article_id, actor_id,
    name, gender, quoted (bool: the speaker of at least one statement there), n_quotes."""
    m = table_of(corpus, "mentions")
    q = table_of(corpus, "quotes")
    actors = table_of(corpus, "actors")
    need_columns(m, ("article_id", "actor_id"), "mentions")
    need_columns(q, ("article_id", "actor_id"), "quotes")
    info = actors[actors["kind"] == "person"][["actor_id", "name"]].copy()
    info["gender"] = (actors.loc[info.index, "gender"] if "gender" in actors.columns else pd.NA)
    info["gender"] = info["gender"].astype(object).where(info["gender"].notna(), "unknown")
    persons = set(info["actor_id"].astype(str))
    men = m.loc[m["actor_id"].notna(), ["article_id", "actor_id"]].astype(str)
    men = men[men["actor_id"].isin(persons)].drop_duplicates()
    quo = q.loc[q["actor_id"].notna(), ["article_id", "actor_id"]].astype(str)
    quo = quo[quo["actor_id"].isin(persons)]
    nq = quo.groupby(["article_id", "actor_id"]).size().rename("n_quotes").reset_index()
    pairs = pd.concat([men, nq[["article_id", "actor_id"]]]).drop_duplicates()
    out = pairs.merge(nq, on=["article_id", "actor_id"], how="left")
    out["n_quotes"] = out["n_quotes"].fillna(0).astype("int64")
    out["quoted"] = out["n_quotes"] > 0
    info["actor_id"] = info["actor_id"].astype(str)
    out = out.merge(info, on="actor_id", how="left")
    return out.sort_values(["article_id", "actor_id"], kind="stable").reset_index(drop=True)[
        ["article_id", "actor_id", "name", "gender", "quoted", "n_quotes"]]


def sources(corpus, *, by=("gender",), freq: str = "auto") -> pd.DataFrame:
    """People mentioned against people quoted (sources), by gender, outlet and period.

    A *source* of an article is a person actor who is the speaker of at least one statement
    (``corpus.quotes``) in it; a person *mentioned* is any person actor named or quoted there. The
    unit is a person in an article (as the Gender Gap Tracker counts: per-article sets of names,
    summed over articles), so someone quoted in five articles counts five times.

    ``by``: any of ``"gender"``, ``"source"`` (the outlet; all but the 10 largest pooled as "Other
    sources") and ``"period"`` (a string or a tuple); ``freq``: the period's time unit ("day" ...
    "year", or "auto": chosen from the corpus's date span, see :func:`auto_freq`).

    Returns the ``by`` columns (``period`` as the period's start), then: n_people (persons
    mentioned or quoted), n_sources (persons quoted), n_only_mentioned (n_people - n_sources),
    n_quotes (their statements), quoted_share (n_sources / n_people); with ``"gender"`` in ``by``
    also people_share and source_share: this gender's share of the people and of the sources *of
    known gender* in the same outlet and period (NA on the "unknown" row). Sorted by the ``by``
    columns (genders female, male, unknown, then others).
    """
    by = (by,) if isinstance(by, str) else tuple(by)
    for b in by:
        if b not in BY_SOURCES:
            raise InvalidOptionError("by", b, BY_SOURCES)
    if freq != "auto" and freq not in FREQS:
        raise InvalidOptionError("freq", freq, ("auto", *FREQS))
    pa = person_articles(corpus)
    arts = table_of(corpus, "articles")
    if "source" in by or "period" in by:
        cols = ["article_id"] + [c for c in ("source", "published") if c in arts.columns]
        meta = arts[cols].copy()
        meta["article_id"] = meta["article_id"].astype(str)
        if "source" in by:
            meta["source"] = pool_sources(meta["source"] if "source" in meta else pd.Series(pd.NA, index=meta.index))
        if "period" in by:
            if "published" not in meta:
                raise InvalidOptionError("by", "period", ("articles with a published date",))
            f = auto_freq(meta["published"]) if freq == "auto" else freq
            meta["period"] = periods(meta["published"], f)
        pa = pa.merge(meta, on="article_id", how="left")
        if "period" in by:
            pa = pa[pa["period"].notna()]
    keys = list(by)
    if keys:
        g = pa.groupby(keys, dropna=False, sort=False)
        out = g.agg(n_people=("actor_id", "size"), n_sources=("quoted", "sum"), n_quotes=("n_quotes", "sum"))
        out = out.reset_index()
    else:
        out = pd.DataFrame({"n_people": [len(pa)], "n_sources": [int(pa["quoted"].sum())],
                            "n_quotes": [int(pa["n_quotes"].sum())]})
    for c in ("n_people", "n_sources", "n_quotes"):
        out[c] = out[c].astype("int64")
    out["n_only_mentioned"] = out["n_people"] - out["n_sources"]
    out["quoted_share"] = (out["n_sources"] / out["n_people"].where(out["n_people"] > 0)).astype("float64")
    cols = keys + ["n_people", "n_sources", "n_only_mentioned", "n_quotes", "quoted_share"]
    if "gender" in keys:
        rest = [k for k in keys if k != "gender"]
        known = out["gender"] != "unknown"
        for col, share in (("n_people", "people_share"), ("n_sources", "source_share")):
            tot = out[col].where(known, 0)
            tot = tot.groupby([out[k] for k in rest], dropna=False).transform("sum") if rest else \
                pd.Series(tot.sum(), index=out.index)
            out[share] = (out[col] / tot.where(tot > 0)).where(known).astype("float64")
        cols += ["people_share", "source_share"]
        order = {"female": 0, "male": 1, "unknown": 3}
        out["_g"] = out["gender"].map(lambda g: order.get(g, 2))
    sort = [("_g" if k == "gender" else k) for k in keys]
    if sort:
        out = out.sort_values(sort + (["gender"] if "gender" in keys else []), kind="stable")
    return out[cols].reset_index(drop=True)


__all__ = ["sources", "person_articles", "auto_freq", "BY_SOURCES", "SOURCES_COLUMNS"]
