"""Finding actors and speakers by a name as a journalist types it: partial, any case, accents
folded ("jose" finds "José"), and through every alias an actor was written as, with every match
listed so that a name held by several actors ("Biden": Joe Biden, Hunter Biden, ...) is shown as
ambiguous instead of silently picking one.

Nothing here draws; the explorers (:mod:`toolkit.widgets`) render these frames."""
from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from .base import table_of

NAME_MATCH_COLUMNS = ["actor_id", "name", "kind", "n_mentions", "n_quotes", "matched", "how"]
SPEAKER_GROUP_COLUMNS = ["group", "actor_id", "kind", "n_quotes", "how"]
HOW = ("name", "alias", "partial")  # how an actor matched, best first
_SPACE = re.compile(r"[\s\-‐‑–—_.,'’`]+")


def fold(text) -> str:
    """``text`` lower-cased with accents, case and punctuation between words folded away:
    "José Muñoz-Díaz" -> "jose munoz diaz". NA -> ""."""
    if text is None or text is pd.NA or (isinstance(text, float) and np.isnan(text)):
        return ""
    s = str(text)
    if s.isascii():  # most names: no accents to fold
        s = s.lower()
    else:
        s = unicodedata.normalize("NFKD", s)
        s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    return _SPACE.sub(" ", s).strip()


def fold_series(s: pd.Series) -> pd.Series:
    """:func:`fold` of every cell, as a string Series with the same index."""
    return pd.Series([fold(v) for v in s.tolist()], index=s.index, dtype="string")


def _aliases(v) -> list:
    return [str(x) for x in v] if isinstance(v, (list, tuple, np.ndarray)) else []


def _contains_all(key: str, words: list[str]) -> bool:
    return all(w in key for w in words)


def actor_keys(actors: pd.DataFrame) -> list[list[str]]:
    """Per actor (in the order of ``actors``), the folded name then its folded aliases: what
    :func:`match_actors` compares a query with (an explorer computes them once)."""
    return [[fold(w) for w in [name, *_aliases(al)]] for name, al in zip(actors["name"], actors["aliases"])]


def match_actors(corpus, query: str, *, keys: list[list[str]] | None = None) -> pd.DataFrame:
    """The actors whose name or an alias matches ``query``: every folded word of the query
    (see :func:`fold`) is part of that name or alias ("biden" matches "Joe Biden" and "Hunter
    Biden"; "trum" matches "Donald Trump").

    Returns actor_id, name, kind, n_mentions, n_quotes (quotes resolved to the actor), matched (the
    name or alias that matched), how ("name": the query is the whole name; "alias": a whole alias
    or a whole word of the name; "partial": part of one); best first: by how, then n_mentions,
    n_quotes, name, actor_id. An empty query matches nothing. ``keys`` is
    ``actor_keys(corpus.actors)`` if already computed.
    """
    words = fold(query).split()
    actors = table_of(corpus, "actors")
    if not words or actors is None or actors.empty:
        return pd.DataFrame({c: pd.Series(dtype="string" if c in ("actor_id", "name", "kind", "matched", "how")
                                          else "int64") for c in NAME_MATCH_COLUMNS})
    q = " ".join(words)
    keys = actor_keys(actors) if keys is None else keys
    rows = []
    for aid, name, kind, aliases, n, folded in zip(actors["actor_id"], actors["name"], actors["kind"],
                                                   actors["aliases"], actors["n_mentions"], keys):
        if not any(_contains_all(k, words) for k in folded):
            continue
        best = None
        for i, (written, key) in enumerate(zip([name, *_aliases(aliases)], folded)):
            if not _contains_all(key, words):
                continue
            how = (0 if i == 0 else 1) if key == q else 1 if q in key.split() or all(
                w in key.split() for w in words) else 2
            rank = (how, key != q)  # among equals, the name or alias written exactly as typed
            if best is None or rank < best[0]:
                best = (rank, str(written))
        if best is not None:
            rows.append((aid, name, kind, int(n), best[1], HOW[best[0][0]], best[0][0]))
    out = pd.DataFrame(rows, columns=["actor_id", "name", "kind", "n_mentions", "matched", "how", "_rank"])
    quotes = table_of(corpus, "quotes", required=False)
    per = (quotes["actor_id"].dropna().value_counts() if quotes is not None and len(quotes)
           else pd.Series(dtype="int64"))
    out["n_quotes"] = out["actor_id"].map(per).fillna(0).astype("int64")
    out = out.sort_values(["_rank", "n_mentions", "n_quotes", "name", "actor_id"],
                          ascending=[True, False, False, True, True], kind="stable")
    for c in ("actor_id", "name", "kind", "matched", "how"):
        out[c] = out[c].astype("string")
    return out[NAME_MATCH_COLUMNS].reset_index(drop=True)


def speaker_mask(quotes: pd.DataFrame, query: str, actors: pd.DataFrame | None = None, *,
                 folded_speakers: pd.Series | None = None) -> np.ndarray:
    """Which rows of ``quotes`` (with speaker and actor_id columns) a speaker search for ``query``
    keeps: quotes of every actor in ``actors`` (a :func:`match_actors` frame), and quotes whose
    speaker as written holds every folded word of the query (speakers not resolved to an actor,
    such as "Biden campaign", included). ``folded_speakers`` is ``fold_series(quotes["speaker"])``
    if already computed (an explorer folds once)."""
    words = fold(query).split()
    if not words:
        return np.ones(len(quotes), dtype=bool)
    sp = fold_series(quotes["speaker"]) if folded_speakers is None else folded_speakers
    m = np.ones(len(quotes), dtype=bool)
    for w in words:
        m &= sp.str.contains(w, regex=False).fillna(False).to_numpy(dtype=bool)
    if actors is not None and len(actors):
        m |= quotes["actor_id"].isin(set(actors["actor_id"])).fillna(False).to_numpy(dtype=bool)
    return m


def speaker_groups(quotes: pd.DataFrame, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """The quotes of a speaker search grouped by who speaks: one row per actor (group: the
    actor's name), and one per speaker as written for quotes not resolved to an actor.

    Returns group, actor_id (NA for a speaker as written), kind, n_quotes, how (the actor's
    :func:`match_actors` match, "speaker" for a speaker as written, "resolved" for an actor
    reached through a matching speaker); by n_quotes, then group."""
    if quotes.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "n_quotes" else "string")
                             for c in SPEAKER_GROUP_COLUMNS})
    info = {} if actors is None else {a: (n, k, h) for a, n, k, h in zip(
        actors["actor_id"], actors["name"], actors["kind"], actors["how"])}
    resolved = quotes[quotes["actor_id"].notna()]
    loose = quotes[quotes["actor_id"].isna()]
    rows = []
    for aid, g in resolved.groupby("actor_id", sort=True):
        name, kind, how = info.get(aid, (g["speaker"].dropna().astype(str).mode().iloc[0]
                                         if g["speaker"].notna().any() else aid, pd.NA, "resolved"))
        rows.append((str(name), aid, kind, len(g), how))
    for sp, g in loose.groupby(loose["speaker"].astype(object).fillna("(no speaker)"), sort=True):
        rows.append((str(sp), pd.NA, pd.NA, len(g), "speaker"))
    out = pd.DataFrame(rows, columns=SPEAKER_GROUP_COLUMNS)
    out = out.sort_values(["n_quotes", "group"], ascending=[False, True], kind="stable").reset_index(drop=True)
    for c in ("group", "actor_id", "kind", "how"):
        out[c] = out[c].astype("string")
    out["n_quotes"] = out["n_quotes"].astype("int64")
    return out


def is_ambiguous(actors: pd.DataFrame) -> bool:
    """A search is ambiguous when it matches several actors and not exactly one by its whole name
    ("biden": Joe Biden, Hunter Biden, ...; "Joe Biden" is not)."""
    return len(actors) > 1 and int((actors["how"] == "name").sum()) != 1


__all__ = ["fold", "fold_series", "actor_keys", "match_actors", "speaker_mask", "speaker_groups", "is_ambiguous",
           "NAME_MATCH_COLUMNS", "SPEAKER_GROUP_COLUMNS"]
