"""Who is talked about but never heard: the actors mentioned most whose words the corpus never
quotes, the list journalists look for first when they ask whose voices the coverage carries."""
from __future__ import annotations

import pandas as pd

from ..schema import KINDS
from .base import check_choice, check_count
from .quotes import voices

SPEAKING_KINDS = ("person", "organization")  # places and "other" are not expected to speak
MIN_MENTIONS = 3  # one or two mentions say little: a passing name is not a silenced voice


def never_quoted(corpus, *, n: int = 20, min_mentions: int = MIN_MENTIONS,
                 kinds: tuple[str, ...] = SPEAKING_KINDS) -> pd.DataFrame:
    """The most mentioned actors of ``kinds`` with no quote (statement) resolved to them.

    Returns actor_id, name, kind, label, n_mentions, n_articles, rank: the ``n`` actors with at
    least ``min_mentions`` mentions and no row in ``corpus.quotes``, by n_mentions then n_articles.
    A speaker the quote extraction did not resolve to the actor (a pronoun, a title alone) leaves
    them here: read their articles before saying they were not heard.
    """
    check_count("n", n, 1, 200)
    check_count("min_mentions", min_mentions, 1, 1_000_000)
    kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    for k in kinds:
        check_choice("kinds", k, KINDS)
    v = voices(corpus)
    v = v[(v["n_quotes"] == 0) & (v["n_mentions"] >= min_mentions) & v["kind"].isin(kinds).to_numpy(dtype=bool)]
    v = v.sort_values(["n_mentions", "n_articles", "name", "actor_id"], ascending=[False, False, True, True],
                      kind="stable").head(n).copy()
    v["rank"] = range(1, len(v) + 1)
    return v[["actor_id", "name", "kind", "label", "n_mentions", "n_articles", "rank"]].reset_index(drop=True)


__all__ = ["never_quoted", "SPEAKING_KINDS", "MIN_MENTIONS"]
