"""Table helpers about actors: the most mentioned, mentions over time, who is mentioned with whom."""
from __future__ import annotations

import pandas as pd

from ..errors import UnknownActorError
from ..schema import FREQS, KINDS, WINDOWS
from .base import (MAX_ROWS, active_periods, actor_info, check_choice, check_count, fit_freq, need_columns, period_grid, periods,
                   pool_sources, ranked, resolved_mentions, table_of, unique_labels)

BY_ACTORS = (None, "kind", "source")


def top_actors(corpus_or_tables, *, n: int = 20, kind: str | None = None, by: str | None = None) -> pd.DataFrame:
    """The most mentioned actors, counted from the mentions given (so a filtered copy counts only
    what it keeps).

    Returns actor_id, name, kind, label (unique display name), n_mentions, n_articles, rank: the top
    ``n`` overall, or per kind with ``by="kind"``. ``by="source"`` adds a source column: one row per
    (actor, source) for the overall top ``n``, sources beyond the 10 largest pooled as "Other sources"
    (n_mentions and n_articles are then per source; total is the actor's n_mentions).
    ``kind`` keeps one kind of actor (person, organization, place, group, other).
    """
    check_count("n", n, 1, 200)
    check_choice("kind", kind, (None, *KINDS))
    check_choice("by", by, BY_ACTORS)
    m = resolved_mentions(corpus_or_tables)
    info = actor_info(corpus_or_tables)
    counts = (m.groupby("actor_id", observed=True)
              .agg(n_mentions=("article_id", "size"), n_articles=("article_id", "nunique")).reset_index())
    df = counts.merge(info, on="actor_id", how="left")
    if kind is not None:
        df = df[df["kind"] == kind]
    df = ranked(df, ["n_mentions", "n_articles"])
    df = (df.groupby("kind", sort=True, dropna=False).head(n) if by == "kind" else df.head(n)).copy()
    df["rank"] = (df.groupby("kind", dropna=False).cumcount() if by == "kind" else pd.Series(range(len(df)),
                                                                                                 index=df.index)) + 1
    df["label"] = unique_labels(df["actor_id"], df["name"], df["kind"]).to_numpy()
    cols = ["actor_id", "name", "kind", "label", "n_mentions", "n_articles", "rank"]
    if by != "source":
        return df[cols].reset_index(drop=True)
    arts = table_of(corpus_or_tables, "articles")
    need_columns(arts, ("article_id", "source"), "articles")
    sub = m[m["actor_id"].isin(df["actor_id"])][["actor_id", "article_id"]]
    sub = sub.merge(arts[["article_id", "source"]], on="article_id", how="left")
    all_src = m[["article_id"]].merge(arts[["article_id", "source"]], on="article_id", how="left")["source"]
    pooled = pool_sources(all_src)
    lookup = dict(zip(all_src.astype(object).fillna("(no source)"), pooled))
    sub["source"] = sub["source"].astype(object).fillna("(no source)").map(lookup)
    per = (sub.groupby(["actor_id", "source"]).agg(n_mentions=("article_id", "size"),
                                                   n_articles=("article_id", "nunique")).reset_index())
    out = per.merge(df[["actor_id", "name", "kind", "label", "rank", "n_mentions"]]
                    .rename(columns={"n_mentions": "total"}), on="actor_id")
    return (out.sort_values(["rank", "n_mentions", "source"], ascending=[True, False, True], kind="stable")
            [["actor_id", "name", "kind", "label", "source", "n_mentions", "n_articles", "total", "rank"]]
            .reset_index(drop=True))


def actor_timeline(corpus, actor_ids, *, freq: str = "month") -> pd.DataFrame:
    """Mentions of some actors per period.

    Returns actor_id, name, label, period (start, naive UTC), n_mentions, n_articles: one row per actor
    and period from the first to the last dated mention of any of them in which the corpus has
    dated articles, zeros included (so lines drop to zero rather than interpolate over silence);
    periods in which the corpus has no article at all are left out rather than drawn as zeros.
    Articles without a date are left out.
    """
    check_choice("freq", freq, tuple(FREQS))
    ids = [actor_ids] if isinstance(actor_ids, str) else list(actor_ids)
    info = actor_info(corpus)
    unknown = [a for a in ids if a not in set(info["actor_id"])]
    if unknown:
        raise UnknownActorError(f"no actor with actor_id {unknown[0]!r}; see corpus.actors for the ids")
    ids = list(dict.fromkeys(ids))
    m = resolved_mentions(corpus)
    m = m[m["actor_id"].isin(ids)][["actor_id", "article_id"]]
    arts = table_of(corpus, "articles")
    need_columns(arts, ("article_id", "published"), "articles")
    m = m.merge(arts[["article_id", "published"]], on="article_id")
    m = m[m["published"].notna()]
    sel = info[info["actor_id"].isin(ids)].set_index("actor_id").loc[ids].reset_index()
    sel["label"] = unique_labels(sel["actor_id"], sel["name"], sel["kind"]).to_numpy()

    m = m.assign(period=periods(m["published"], freq))
    def grid_of(f):  # the periods from the first to the last mention in which the corpus has articles
        g = period_grid(periods(m["published"], f), f)
        return g[g.isin(active_periods(arts["published"], f))]

    grid = grid_of(freq)
    if len(ids) * len(grid) > MAX_ROWS:
        fit_freq(lambda f: len(ids) * len(grid_of(f)), freq)
    full = pd.MultiIndex.from_product([ids, grid], names=["actor_id", "period"])
    agg = (m.groupby(["actor_id", "period"]).agg(n_mentions=("article_id", "size"),
                                                 n_articles=("article_id", "nunique"))
           .reindex(full, fill_value=0).reset_index())
    agg = agg.merge(sel[["actor_id", "name", "label"]], on="actor_id")
    order = {a: i for i, a in enumerate(ids)}
    agg = agg.sort_values(["actor_id", "period"], key=lambda s: s.map(order) if s.name == "actor_id" else s,
                          kind="stable")
    return agg[["actor_id", "name", "label", "period", "n_mentions", "n_articles"]].reset_index(drop=True)


def co_mentioned(corpus, actor_id: str, *, window: str = "article") -> pd.DataFrame:
    """The actors mentioned with one actor, in the same sentence, paragraph or article.

    Returns actor_id, name, kind, label, count (windows holding both), n_articles; sorted by count,
    then n_articles, then name.
    """
    check_choice("window", window, WINDOWS)
    m = resolved_mentions(corpus)
    key = ["article_id"] if window == "article" else ["article_id", window]
    mine = m.loc[m["actor_id"] == actor_id, key].drop_duplicates()
    others = m.loc[m["actor_id"] != actor_id, key + ["actor_id"]].merge(mine, on=key).drop_duplicates()
    agg = others.groupby("actor_id").agg(count=("article_id", "size"),
                                         n_articles=("article_id", "nunique")).reset_index()
    agg = agg.merge(actor_info(corpus), on="actor_id", how="left")
    agg["label"] = unique_labels(agg["actor_id"], agg["name"], agg["kind"]).to_numpy()
    agg = ranked(agg, ["count", "n_articles"])
    return agg[["actor_id", "name", "kind", "label", "count", "n_articles"]].reset_index(drop=True)
