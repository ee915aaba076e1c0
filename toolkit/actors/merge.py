"""The corpus-wide merge: article-level names into canonical actors with stable ids."""
from __future__ import annotations

from collections import defaultdict

import pandas as pd

from ..schema import KINDS, columns
from ..units import slugify
from .acronyms import _acronyms_defined_elsewhere
from .names import _display_name, normalize_name
from .spans import clean_surface


def merge_actors(mentions: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Merge article-level names into corpus-wide actors.

    ``mentions`` needs article_id, text, name, kind, title. Returns (mentions with ``actor_id``,
    actors: actor_id, name, kind, aliases, titles, n_mentions, n_articles), sorted by
    n_mentions descending then name. Rules: names equal up to accents, case, dots and middle
    initials are one actor; a one-word person name joins the only full-name person of the corpus
    whose surname it is, and stays apart when there are several; two different
    full names never merge.
    """
    if mentions.empty:
        m = mentions.copy()
        m["actor_id"] = pd.Series(dtype="string")
        return m, pd.DataFrame({c: pd.Series(dtype="object") for c in columns("actors")})
    m = mentions.copy()
    keys = m["name"].map(normalize_name)
    # Kind of each key by majority of its mentions (ties: the order of KINDS).
    kind_votes = pd.crosstab(keys, m["kind"])
    key_kind = {k: max(row.index, key=lambda kd: (row[kd], -KINDS.index(kd) if kd in KINDS else -99))
                for k, row in kind_votes.iterrows()}
    person_full = [k for k, kd in key_kind.items() if kd == "person" and len(k.split()) >= 2]
    # A one-word name the model labelled a person at least once (a surname mostly read as ORG)
    # may join a person by surname, whatever its majority kind.
    ever_person = set(keys[(m["kind"] == "person").to_numpy()])
    part_owner: dict[str, set] = defaultdict(set)
    for k in person_full:
        toks = k.split()
        part_owner[toks[-1]].add(k)  # surnames only: first names are too often shared across a corpus
    target = {}
    for k, kd in key_kind.items():
        if (kd == "person" or k in ever_person) and len(k.split()) == 1 and len(part_owner.get(k, ())) == 1:
            target[k] = next(iter(part_owner[k]))
        else:
            target[k] = k
    target.update(_acronyms_defined_elsewhere(m["text"], keys, key_kind))
    m["_key"] = keys.map(target)

    # Display name: the most frequent full form among the key's names.
    names = m.groupby("_key")["name"].agg(lambda s: _display_name(s))
    kinds = m["_key"].map(lambda k: key_kind.get(k, "other"))
    m["_kind"] = kinds
    groups = m.groupby("_key", sort=True)
    actors = pd.DataFrame({
        "_key": list(groups.groups.keys()),
    })
    actors["name"] = actors["_key"].map(names)
    actors["kind"] = actors["_key"].map(lambda k: key_kind.get(k, "other"))
    # Plain lists in object columns: pandas would otherwise make Arrow list dtypes that Parquet
    # metadata cannot bring back.
    alias_sets, title_sets = defaultdict(set), defaultdict(set)
    for key, text, title in zip(m["_key"], m["text"], m["title"]):
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
    for n in actors.sort_values(["name", "_key"], kind="stable")["name"]:
        base = slugify(n)
        used[base] = used.get(base, 0) + 1
        ids.append(base if used[base] == 1 else f"{base}-{used[base]}")
    id_by_key = dict(zip(actors.sort_values(["name", "_key"], kind="stable")["_key"], ids))
    actors["actor_id"] = actors["_key"].map(id_by_key).astype("string")
    m["actor_id"] = m["_key"].map(id_by_key).astype("string")
    actors = actors[columns("actors")].reset_index(drop=True)
    actors["name"] = actors["name"].astype("string")
    actors["kind"] = actors["kind"].astype("string")
    return m.drop(columns=["_key", "_kind"]), actors
