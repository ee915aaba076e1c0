"""Table helpers about topics: shares over time, the topics of each actor's articles, each
article's main topic."""
from __future__ import annotations

import pandas as pd

from ..errors import EmptyCorpusError
from ..schema import FREQS
from .base import (actor_info, check_choice, check_count, fit_freq, need_columns, period_grid, periods, pool_sources,
                   resolved_mentions, table_of)

BY_TOPICS = (None, "source")


def topic_tables(corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    topics = table_of(corpus, "topics", required=False)
    at = table_of(corpus, "article_topics", required=False)
    if topics is None or at is None or topics.empty or at.empty:
        raise EmptyCorpusError("the corpus has no topics: run tk.analyze(articles, topics=True)")
    need_columns(topics, ("topic_id", "label"), "topics")
    need_columns(at, ("article_id", "topic_id", "weight"), "article_topics")
    return topics, at


def topic_shares(corpus, *, freq: str = "month", by: str | None = None, n: int = 10) -> pd.DataFrame:
    """Each topic's share of the coverage per period (and source).

    Returns period, period_end (start of the next period), (source,) topic_id, label, rank (of the
    topic by total weight, 1 = largest), weight (summed article_topics weight), share (weight over
    all topics' weight in that period and source; 0 in periods without articles), n_articles (dated
    articles in the period and source), one row for every period x topic (x source).
    Topics beyond the ``n`` largest are pooled as "Other topics" (topic_id NA); sources beyond the 10
    largest as "Other sources": this keeps legends readable and the data under the row limit.
    """
    check_choice("freq", freq, tuple(FREQS))
    check_choice("by", by, BY_TOPICS)
    check_count("n", n, 1, 50)
    topics, at = topic_tables(corpus)
    arts = table_of(corpus, "articles")
    need_columns(arts, ("article_id", "published") + (("source",) if by else ()), "articles")
    a = arts[arts["published"].notna()][["article_id", "published"] + (["source"] if by else [])].copy()
    if by:
        a["source"] = pool_sources(a["source"]).to_numpy()
    keys = ["source"] if by else []
    w = at[["article_id", "topic_id", "weight"]].merge(a, on="article_id")
    # rank topics by total weight (ties by id); the tail becomes one "other" topic
    total = w.groupby("topic_id")["weight"].sum().reindex(topics["topic_id"], fill_value=0.0)
    order = total.rename("w").reset_index().sort_values(["w", "topic_id"], ascending=[False, True], kind="stable")
    ranks = {t: min(i + 1, n + 1) for i, t in enumerate(order["topic_id"])}
    n_ranks = min(len(ranks), n + 1)
    n_groups = a["source"].nunique() if by else 1
    fit_freq(lambda f: len(period_grid(periods(a["published"], f), f)) * n_ranks * max(n_groups, 1), freq)
    a["period"] = periods(a["published"], freq)
    w = w.assign(period=periods(w["published"], freq), rank=w["topic_id"].map(ranks))
    grid = period_grid(a["period"], freq)
    cols = ["period", *keys, "rank"]
    groups = [grid, *([sorted(a["source"].unique())] if by else []), range(1, n_ranks + 1)]
    full = pd.MultiIndex.from_product(groups, names=cols)
    agg = w.groupby(cols)["weight"].sum().reindex(full, fill_value=0.0).reset_index()
    tot = agg.groupby(["period", *keys])["weight"].transform("sum")
    agg["share"] = (agg["weight"] / tot.where(tot > 0)).fillna(0.0)
    n_art = a.groupby(["period", *keys])["article_id"].nunique().rename("n_articles")
    agg = agg.merge(n_art.reset_index(), on=["period", *keys], how="left")
    agg["n_articles"] = agg["n_articles"].fillna(0).astype("int64")
    named = order.head(n).assign(rank=range(1, min(n, len(order)) + 1)).merge(
        topics[["topic_id", "label"]], on="topic_id", how="left")[["rank", "topic_id", "label"]]
    named["topic_id"] = named["topic_id"].astype(object)  # ints stay ints beside the NA of "other"
    agg = agg.merge(named, on="rank", how="left")
    agg["label"] = agg["label"].astype(object).where(agg["rank"] <= n, "Other topics")
    agg["period_end"] = (agg["period"].dt.to_period(FREQS[freq]) + 1).dt.start_time
    cols = ["period", "period_end", *keys, "topic_id", "label", "rank", "weight", "share", "n_articles"]
    return agg[cols].reset_index(drop=True)


def actor_topics(corpus) -> pd.DataFrame:
    """The topics of the articles naming each actor.

    Returns actor_id, name, topic_id, topic (label), weight (summed article_topics weight over the
    actor's articles), n_articles (the actor's articles that have topics), share (weight over the
    actor's total weight), one row per actor and topic with weight > 0.
    """
    topics, at = topic_tables(corpus)
    m = resolved_mentions(corpus)[["actor_id", "article_id"]].drop_duplicates()
    w = m.merge(at[["article_id", "topic_id", "weight"]], on="article_id")
    agg = w.groupby(["actor_id", "topic_id"])["weight"].sum().reset_index()
    agg = agg[agg["weight"] > 0]
    agg["share"] = agg["weight"] / agg.groupby("actor_id")["weight"].transform("sum")
    n_art = w.groupby("actor_id")["article_id"].nunique().rename("n_articles").reset_index()
    info = actor_info(corpus)[["actor_id", "name"]]
    agg = agg.merge(n_art, on="actor_id").merge(info, on="actor_id", how="left").merge(
        topics[["topic_id", "label"]].rename(columns={"label": "topic"}), on="topic_id", how="left")
    agg = agg.sort_values(["actor_id", "share", "topic_id"], ascending=[True, False, True], kind="stable")
    return agg[["actor_id", "name", "topic_id", "topic", "weight", "n_articles", "share"]].reset_index(drop=True)


def main_topics(corpus) -> pd.DataFrame:
    """article_id, topic_id, topic: each article's main topic (highest weight; ties by topic_id)."""
    topics = getattr(corpus, "topics", None)
    at = getattr(corpus, "article_topics", None)
    if topics is None or at is None or topics.empty or at.empty:
        return pd.DataFrame({"article_id": pd.Series(dtype="string"), "topic_id": pd.Series(dtype=object),
                             "topic": pd.Series(dtype="string")})
    top = at.sort_values(["article_id", "weight", "topic_id"], ascending=[True, False, True], kind="stable")
    top = top.drop_duplicates("article_id")[["article_id", "topic_id"]]
    return top.merge(topics[["topic_id", "label"]].rename(columns={"label": "topic"}), on="topic_id", how="left")


def has_topics(corpus) -> bool:
    t = getattr(corpus, "topics", None)
    return t is not None and not t.empty
