"""Table helpers about quotes: who gets a say, the reporting verbs, and the quotes with their
articles' metadata as the explorers show them."""
from __future__ import annotations

import pandas as pd

from ..quotes import cue_lemma
from ..schema import QUOTE_KINDS
from .base import actor_info, check_choice, check_count, need_columns, ranked, resolved_mentions, table_of, unique_labels
from .topics import main_topics

CUE_FORMS = ("lemma", "word")
QUOTE_VIEW = ["quote_id", "article_id", "published", "source", "title", "url", "speaker", "actor_id", "kind",
              "cue", "text", "topic_id", "topic", "start", "end", "speaker_start", "speaker_end", "cue_start",
              "cue_end"]


def voices(corpus) -> pd.DataFrame:
    """Who is quoted, next to who is mentioned.

    Returns actor_id, name, kind, label, n_mentions, n_articles (articles mentioning or quoting the
    actor), n_quotes, n_quoted_articles, voice_share (n_quoted_articles / n_articles: in how many of
    the articles where the actor appears they also get a say), for every actor; sorted by n_quotes,
    then n_mentions. Quotes whose speaker is not a resolved actor are not counted.
    """
    m = resolved_mentions(corpus)
    q = table_of(corpus, "quotes")
    need_columns(q, ("article_id", "actor_id"), "quotes")
    q = q[q["actor_id"].notna()]
    info = actor_info(corpus)
    men = m.groupby("actor_id").agg(n_mentions=("article_id", "size")).reset_index()
    quo = q.groupby("actor_id").agg(n_quotes=("article_id", "size"),
                                    n_quoted_articles=("article_id", "nunique")).reset_index()
    both = pd.concat([m[["actor_id", "article_id"]], q[["actor_id", "article_id"]]]).drop_duplicates()
    arts = both.groupby("actor_id").agg(n_articles=("article_id", "size")).reset_index()
    df = info.merge(men, on="actor_id", how="left").merge(arts, on="actor_id", how="left").merge(
        quo, on="actor_id", how="left")
    for c in ("n_mentions", "n_articles", "n_quotes", "n_quoted_articles"):
        df[c] = df[c].fillna(0).astype("int64")
    df = df[df["n_articles"] > 0]
    df["voice_share"] = (df["n_quoted_articles"] / df["n_articles"]).astype("float64")
    df["label"] = unique_labels(df["actor_id"], df["name"], df["kind"]).to_numpy()
    df = ranked(df, ["n_quotes", "n_mentions"])
    return df[["actor_id", "name", "kind", "label", "n_mentions", "n_articles", "n_quotes", "n_quoted_articles",
               "voice_share"]].reset_index(drop=True)


def cues(corpus, *, n: int = 15, by: str = "lemma") -> pd.DataFrame:
    """Reporting verbs: quotes per cue and kind of quote.

    ``by="lemma"`` counts the forms of a verb together ("said", "says", "saying" -> "say"; see
    :func:`toolkit.quotes.cue_lemma`); ``by="word"`` counts each lower-cased cue as written.
    Returns cue, kind, n_quotes, total (the cue's quotes of all kinds), rank, for the ``n`` most used
    cues; quotes without a cue are left out.
    """
    check_count("n", n, 1, 200)
    check_choice("by", by, CUE_FORMS)
    q = table_of(corpus, "quotes")
    need_columns(q, ("cue", "kind"), "quotes")
    q = q[q["cue"].notna()]
    cue = q["cue"].astype(str).str.strip().str.lower()
    if by == "lemma":
        cue = cue.map(cue_lemma)
    per = pd.DataFrame({"cue": cue.to_numpy(), "kind": q["kind"].astype(object).to_numpy()})
    per = per.groupby(["cue", "kind"]).size().rename("n_quotes").reset_index()
    tot = per.groupby("cue")["n_quotes"].sum().rename("total").reset_index()
    tot = tot.sort_values(["total", "cue"], ascending=[False, True], kind="stable").head(n)
    tot["rank"] = range(1, len(tot) + 1)
    out = per.merge(tot, on="cue")
    kind_order = out["kind"].map({k: i for i, k in enumerate(QUOTE_KINDS)}).fillna(len(QUOTE_KINDS))
    out = out.assign(_k=kind_order).sort_values(["rank", "_k", "kind"], kind="stable")
    return out[["cue", "kind", "n_quotes", "total", "rank"]].reset_index(drop=True)


def quote_frame(corpus) -> pd.DataFrame:
    """Quotes with their article's published, source, title, url and main topic; newest first."""
    arts = corpus.articles
    cols = [c for c in ("article_id", "published", "source", "title", "url") if c in arts.columns]
    q = corpus.quotes.merge(arts[cols], on="article_id", how="left")
    q = q.merge(main_topics(corpus), on="article_id", how="left")
    for c in QUOTE_VIEW:
        if c not in q.columns:
            q[c] = pd.NA
    q = q.sort_values(["published", "article_id", "start", "quote_id"], ascending=[False, True, True, True],
                      na_position="last", kind="stable")
    return q[QUOTE_VIEW].reset_index(drop=True)


def article_texts(corpus) -> dict:
    return dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
