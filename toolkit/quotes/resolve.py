"""Speakers across the corpus: each quote's speaker tied to its canonical actor, with a quote_id."""
from __future__ import annotations

import pandas as pd

from ..actors import normalize_name
from ..schema import columns


def resolve_speakers(raw: pd.DataFrame, mentions: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Quotes with quote_id, the speaker's actor_id and canonical name (the columns of the quotes table).

    The speaker's actor is the actor of the article's mentions that carry the speaker's article-level
    name (``speaker_name``: the full name a surname, pronoun or description stands for, see
    :mod:`.coref`), else the actor of that name or alias in the corpus. ``speaker`` is the actor's
    name, else the article-level name (a proper noun no mention covers: "@jo_ade"); NA when the text
    does not say who speaks ("officials", an unresolved "he"); ``speaker_text`` keeps the words as
    written."""
    q = raw.sort_values(["article_id", "start", "end"], kind="stable").reset_index(drop=True)
    q["quote_id"] = (q["article_id"] + ":q" + q.groupby("article_id").cumcount().astype(str)).astype("string")
    actor_ids = pd.Series(pd.NA, index=q.index, dtype="string")
    if len(q) and len(mentions):
        actor_ids = actor_ids.fillna(_by_article_name(q, mentions))
        actor_ids = actor_ids.fillna(_by_corpus_name(q, actors))
    q["actor_id"] = actor_ids
    display = dict(zip(actors["actor_id"], actors["name"]))
    # astype before fillna: with no actors map() gives an all-NA double column that rejects strings
    q["speaker"] = q["actor_id"].map(display).astype("string").fillna(q["speaker_name"]).astype("string")
    if "act" not in q.columns:
        q["act"] = "statement"
    q["act"] = q["act"].fillna("statement").astype("string")
    return q[columns("attributions")]


def _by_article_name(q: pd.DataFrame, mentions: pd.DataFrame) -> pd.Series:
    local = mentions.drop_duplicates(["article_id", "name"]).set_index(["article_id", "name"])["actor_id"]
    keys = list(zip(q["article_id"].tolist(), q["speaker_name"].tolist()))
    return pd.Series([local.get(k, pd.NA) if isinstance(k[1], str) else pd.NA for k in keys],
                     index=q.index, dtype="string")


def _by_corpus_name(q: pd.DataFrame, actors: pd.DataFrame) -> pd.Series:
    names = {}
    for aid, name, aliases in zip(actors["actor_id"].tolist(), actors["name"].tolist(), actors["aliases"].tolist()):
        for n in [name, *aliases]:
            names.setdefault(normalize_name(str(n)), aid)
    return q["speaker_name"].map(lambda n: names.get(normalize_name(n)) if isinstance(n, str)
                                 else None).astype("string")
