"""The corpus-wide merge: article-level names into canonical actors with stable ids.

``merge_actors`` is a function of the mention rows (and, for the outlet-and-date evidence, of the
articles' source and published columns): bare surnames are first resolved by evidence
(:mod:`.resolve`), same-named actors of different countries or contexts told apart
(:mod:`.homonyms`), then names equal up to accents, case, dots and middle initials become one
actor. Each actor's kind is the vote of all its mentions, whose kinds come from the evidence of
their articles (:mod:`.evidence`); actors whose mentions mostly say they are no actor (kind
"other": products, works, laws) are dropped, unless a user alias table gave that kind; a place
of the corpus inside the name of a law or award stays a mention of that place ("Kito" of "Kito
Water Act").
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

import pandas as pd

from ..schema import KINDS, columns
from ..units import slugify
from .acronyms import _acronyms_defined_elsewhere
from .evidence import NON_ACTOR_HEADS, is_job_or_belief
from .homonyms import tell_homonyms_apart
from .names import _display_name, normalize_name
from .resolve import resolve_surnames
from .spans import POSSESSIVE, clean_surface


def merge_actors(mentions: pd.DataFrame, articles: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Merge article-level names into corpus-wide actors.

    ``mentions`` needs article_id, text, name, kind, title (and resolved_by, label when present).
    Returns (mentions with ``actor_id`` and ``resolved_by``, actors: actor_id, name, kind,
    aliases, titles, n_mentions, n_articles), sorted by n_mentions descending then name.
    """
    if mentions.empty:
        m = mentions.copy()
        m["actor_id"] = pd.Series(dtype="string")
        m["resolved_by"] = pd.Series(dtype="string")
        return m, pd.DataFrame({c: pd.Series(dtype="object") for c in columns("actors")})
    m = mentions.copy()
    if "resolved_by" not in m:
        m["resolved_by"] = pd.Series(pd.NA, index=m.index, dtype="string")
    m["resolved_by"] = m["resolved_by"].astype("string")
    m = tell_homonyms_apart(m)
    m = resolve_surnames(m, articles)
    keys = m["name"].map(normalize_name)
    key_kind = _kind_votes(keys, m["kind"])
    target = _acronyms_defined_elsewhere(m["text"], keys, key_kind)
    m["_key"] = keys.map(lambda k: target.get(k, k))
    m.loc[(keys != m["_key"]) & m["resolved_by"].isna(), "resolved_by"] = "acronym"
    key_kind = _kind_votes(m["_key"], m["kind"])
    m = _places_inside_non_actors(m, key_kind)
    m = _drop_non_actors(m, key_kind)
    return _actor_table(m, key_kind)


def _kind_votes(keys: pd.Series, kinds: pd.Series) -> dict[str, str]:
    """Kind of each key by the vote of its mentions (ties: the order of KINDS)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for k, kd in zip(keys.tolist(), kinds.tolist()):  # lists: iterating Arrow strings is slow
        votes[k][kd] += 1
    rank = {kd: -i for i, kd in enumerate(KINDS)}
    return {k: max(c, key=lambda kd: (c[kd], rank.get(kd, -99))) for k, c in votes.items()}


def _places_inside_non_actors(m: pd.DataFrame, key_kind: dict, max_words: int = 3) -> pd.DataFrame:
    """A mention row of each place of the corpus written inside the name of a law, award or
    accord ("Kito" of "Kito Water Act", when "Kito" is a place actor of the corpus: kind "other"
    by its last word, :data:`.evidence.NON_ACTOR_HEADS`), with the span of the place's words; the
    longest place wins, once per name. The non-actor's own row is dropped after
    (:func:`_drop_non_actors`)."""
    # not products, whose names borrow any word ("Kito Linux")
    other = m[m["_key"].map(lambda k: key_kind.get(k) == "other")
              & m["name"].map(lambda n: str(n).rsplit(" ", 1)[-1] in NON_ACTOR_HEADS)]
    if other.empty:
        return m
    places = {k for k, kd in key_kind.items() if kd == "place"}
    hits = {}
    for idx, text in zip(other.index, other["text"].tolist()):
        hit = _place_inside(str(text), places, max_words)
        if hit:
            hits[idx] = (str(text), *hit)
    if not hits:
        return m
    # the place's most frequent name (ties: the first written), for the places hit only
    wanted = {h[-1] for h in hits.values()}
    counts: dict[str, Counter] = defaultdict(Counter)
    for k, n in zip(m["_key"].tolist(), m["name"].tolist()):
        if k in wanted:
            counts[k][n] += 1
    name_of = {k: c.most_common(1)[0][0] for k, c in counts.items()}
    new = []
    for idx, (text, a, b, key) in hits.items():
        row = m.loc[idx].copy()
        row["start"], row["end"] = row["start"] + a, row["start"] + b
        row["text"], row["label"], row["kind"] = text[a:b], "GPE", "place"
        row["name"], row["_key"], row["resolved_by"] = name_of[key], key, pd.NA
        new.append(row)
    out = pd.concat([m, pd.DataFrame(new).astype(m.dtypes.to_dict())])
    return out.sort_values(["article_id", "start"], kind="stable")


def _place_inside(text: str, places: set, max_words: int) -> tuple[int, int, str] | None:
    """(start, end, key) of the longest run of words of ``text`` (fewer than all of them) that is
    a place key, without a possessive; the leftmost of equal length."""
    words = [(w.start(), w.end()) for w in re.finditer(r"\S+", text)]
    for n in range(min(max_words, len(words) - 1), 0, -1):
        for i in range(len(words) - n + 1):
            a, b = words[i][0], words[i + n - 1][1]
            b = a + len(POSSESSIVE.sub("", text[a:b]))
            key = normalize_name(text[a:b])
            if key in places:
                return a, b, key
    return None


def _drop_non_actors(m: pd.DataFrame, key_kind: dict) -> pd.DataFrame:
    """Mentions of actors whose mentions mostly say they are no actor (kind "other" from the
    evidence), or that a job title names (an acronym defined as one in another article: "RSM"
    for "Regional Sales Manager"), unless a user alias table set the kind."""
    alias_keys = set(m.loc[m["resolved_by"] == "alias", "_key"])
    jobs = {k for k, n in zip(m["_key"].tolist(), m["name"].tolist()) if key_kind.get(k) != "person" and is_job_or_belief(str(n), "ORG")}
    drop = {k for k, kd in key_kind.items() if (kd == "other" or k in jobs) and k not in alias_keys}
    if not drop:
        return m
    return m[~m["_key"].isin(drop)]


def _actor_table(m: pd.DataFrame, key_kind: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    if m.empty:
        return merge_actors(m.drop(columns=["_key"]).iloc[:0])
    by_key: dict[str, list] = defaultdict(list)  # one pass, not a Python function per group
    for k, n in zip(m["_key"].tolist(), m["name"].tolist()):
        by_key[k].append(n)
    names = {k: _display_name(v) for k, v in by_key.items()}
    plural = _group_plurals(m, key_kind)
    groups = m.groupby("_key", sort=True)
    actors = pd.DataFrame({"_key": list(groups.groups.keys())})
    actors["name"] = actors["_key"].map(lambda k: plural.get(k) or names[k])
    actors["kind"] = actors["_key"].map(lambda k: key_kind.get(k, "other"))
    # Plain lists in object columns: pandas would otherwise make Arrow list dtypes that Parquet
    # metadata cannot bring back.
    alias_sets, title_sets = defaultdict(set), defaultdict(set)
    for key, text, title in zip(m["_key"].tolist(), m["text"].tolist(), m["title"].tolist()):
        alias_sets[key].add(clean_surface(str(text)))
        if isinstance(title, str) and title:
            title_sets[key].add(title)
    actors["aliases"] = pd.Series([sorted(alias_sets[k]) for k in actors["_key"]], index=actors.index, dtype=object)
    actors["titles"] = pd.Series([sorted(title_sets[k]) for k in actors["_key"]], index=actors.index, dtype=object)
    actors["n_mentions"] = actors["_key"].map(groups.size()).astype("int64")
    actors["n_articles"] = actors["_key"].map(groups["article_id"].nunique()).astype("int64")
    actors = actors.sort_values(["n_mentions", "name", "_key"], ascending=[False, True, True], kind="stable")
    # Stable slugs: by name; clashes numbered in the order above.
    used: dict[str, int] = {}
    ids = []
    by_name = actors.sort_values(["name", "_key"], kind="stable")
    for n in by_name["name"]:
        base = slugify(n)
        used[base] = used.get(base, 0) + 1
        ids.append(base if used[base] == 1 else f"{base}-{used[base]}")
    id_by_key = dict(zip(by_name["_key"], ids))
    actors["actor_id"] = actors["_key"].map(id_by_key).astype("string")
    m = m.assign(actor_id=m["_key"].map(id_by_key).astype("string"))
    actors = actors.reindex(columns=columns("actors")).reset_index(drop=True)  # gender: see .gender
    actors["name"] = actors["name"].astype("string")
    actors["kind"] = actors["kind"].astype("string")
    return m.drop(columns=["_key"]), actors


def _group_plurals(m: pd.DataFrame, key_kind: dict) -> dict[str, str]:
    """Groups are named in the plural when their mentions use it ("Palestinians", "Muslims")."""
    out = {}
    sub = m[m["_key"].map(lambda k: key_kind.get(k) == "group")]
    for key, texts in sub.groupby("_key")["text"]:
        plurals = Counter(t for t in texts.map(clean_surface) if t.endswith("s") and normalize_name(t[:-1]) == key)
        if plurals:
            out[key] = plurals.most_common(1)[0][0]
    return out
