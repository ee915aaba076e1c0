"""Attention over time: the share of each outlet's articles per period that match a query or
name an actor, normalised by the outlet's own output (as Media Cloud's attention charts are), so
that a large outlet does not look more attentive merely for publishing more."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InvalidOptionError
from ..schema import FREQS
from .base import check_choice, fit_freq, need_columns, period_grid, periods, pool_sources, table_of
from .search import matching_ids

BY_ATTENTION = (None, "source")
NEAR_DUPLICATES = ("fold", "keep")
FREQ_NAMES = {code: name for name, code in FREQS.items()}  # "W" -> "week": pandas codes work too
ATTENTION_COLUMNS = ["period", "period_end", "source", "query", "n_matching", "n_articles", "share"]


def normalize_freq(freq) -> str:
    """A time unit's name ("week") from its name or its pandas code ("W")."""
    check_choice("freq", freq, tuple(FREQS) + tuple(FREQ_NAMES))
    return FREQ_NAMES.get(freq, freq)


def counted_articles(obj, *, near_duplicates: str = "fold") -> pd.DataFrame:
    """The articles each counted once: without the loader's exact copies (``duplicate_of``) and,
    with ``near_duplicates="fold"``, without the copies :func:`toolkit.near_duplicates` marked."""
    check_choice("near_duplicates", near_duplicates, NEAR_DUPLICATES)
    arts = obj if isinstance(obj, pd.DataFrame) else table_of(obj, "articles")
    keep = np.ones(len(arts), dtype=bool)
    if "duplicate_of" in arts.columns:
        keep &= arts["duplicate_of"].isna().to_numpy(dtype=bool)
    if near_duplicates == "fold" and "near_duplicate_of" in arts.columns:
        # a copy whose first article is not counted (an exact duplicate) stands for its story
        of = arts["near_duplicate_of"]
        first = set(arts.loc[keep, "article_id"].astype(str))
        keep &= ~(of.notna() & of.isin(first)).to_numpy(dtype=bool)
    return arts[keep]


def matched_ids(obj, query_or_actor, *, index=None) -> tuple[set, str]:
    """The ids of the articles that match (a query string, or an actor's profile from
    ``corpus.actor(...)``: the articles naming that actor), and a label for them."""
    if hasattr(query_or_actor, "actor") and hasattr(query_or_actor, "mentions"):  # an ActorProfile
        return set(query_or_actor.mentions["article_id"].astype(str)), str(query_or_actor.actor["name"])
    if not isinstance(query_or_actor, str):
        raise InvalidOptionError("query_or_actor", query_or_actor, ("a query string", "corpus.actor(name)"))
    return set(matching_ids(obj, query_or_actor, index=index).astype(str)), query_or_actor


def attention(articles_or_corpus, query_or_actor, *, by: str | None = "source", freq: str = "week",
              near_duplicates: str = "fold", index=None) -> pd.DataFrame:
    """The share of each outlet's articles per period that match a query (or name an actor).

    ``query_or_actor``: a search query (see :func:`toolkit.search`: words, "phrases", AND / OR /
    NOT, ``actor:NAME``) or an actor's profile (``corpus.actor("Ruto")``: the articles whose
    mentions were resolved to that actor). ``by="source"`` gives one series per outlet (beyond
    the 10 largest pooled as "Other sources"); ``by=None`` one for all. ``freq``: "day", "week",
    "month", "quarter", "year" (or the pandas codes "D", "W", "M", "Q", "Y").

    Returns period, period_end (start of the next period), source ("All sources" with
    ``by=None``), query (the query, or the actor's name), n_matching, n_articles (the outlet's
    dated articles that period) and share (n_matching / n_articles, in [0, 1]; NaN where the outlet
    published nothing that period, so that a line breaks rather than dropping to zero): one row
    per period and outlet, from the first to the last dated article. Each article counts once:
    exact copies (``duplicate_of``) are left out, and so are near-duplicates marked by
    :func:`toolkit.near_duplicates` unless ``near_duplicates="keep"``. Undated articles are left out.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"article_id": list("abcd"), "source": ["Daily", "Daily", "Weekly", "Weekly"],
    ...     "published": pd.to_datetime(["2024-01-02", "2024-01-03", "2024-01-02", "2024-02-05"], utc=True),
    ...     "text": ["Floods in the north.", "A budget vote.", "Floods again.", "Drought and floods."]})
    >>> attention(frame, "flood*", freq="month")[["period", "source", "n_matching", "n_articles", "share"]]
          period  source  n_matching  n_articles  share
    0 2024-01-01   Daily           1           2    0.5
    1 2024-01-01  Weekly           1           1    1.0
    2 2024-02-01   Daily           0           0    NaN
    3 2024-02-01  Weekly           1           1    1.0
    """
    freq = normalize_freq(freq)
    check_choice("by", by, BY_ATTENTION)
    hits, label = matched_ids(articles_or_corpus, query_or_actor, index=index)
    arts = counted_articles(articles_or_corpus, near_duplicates=near_duplicates)
    need_columns(arts, ("article_id", "published") + (("source",) if by else ()), "articles")
    a = arts[arts["published"].notna()]
    a = pd.DataFrame({
        "source": pool_sources(a["source"]).to_numpy() if by else "All sources",
        "published": a["published"].to_numpy(),
        "hit": a["article_id"].astype(str).isin(hits).to_numpy(),
    })
    n_groups = max(a["source"].nunique(), 1)
    fit_freq(lambda f: len(period_grid(periods(a["published"], f), f)) * n_groups, freq)
    a["period"] = periods(a["published"], freq)
    grid = pd.MultiIndex.from_product([period_grid(a["period"], freq), sorted(a["source"].unique())],
                                      names=["period", "source"])
    counts = a.groupby(["period", "source"]).agg(n_matching=("hit", "sum"), n_articles=("hit", "size"))
    out = counts.reindex(grid, fill_value=0).reset_index()
    out["n_matching"] = out["n_matching"].astype("int64")
    out["n_articles"] = out["n_articles"].astype("int64")
    out["share"] = out["n_matching"] / out["n_articles"].where(out["n_articles"] > 0)
    out["period_end"] = (out["period"].dt.to_period(FREQS[freq]) + 1).dt.start_time
    out["source"] = out["source"].astype("string")
    out["query"] = pd.Series(label, index=out.index, dtype="string")
    return out[ATTENTION_COLUMNS]


__all__ = ["attention", "counted_articles", "matched_ids", "normalize_freq", "BY_ATTENTION", "NEAR_DUPLICATES",
           "ATTENTION_COLUMNS", "FREQ_NAMES"]
