"""Lexicon topics: topics the user names, found by keywords rather than fitted."""
from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np
import pandas as pd

from .. import units
from .frames import in_long_form, shares

def load_lexicon(lexicon) -> dict[str, list[str]]:
    """A lexicon as {topic name: [keywords]}, from a dict or the path of a YAML file.

    A keyword may be a phrase ("security mission"); a single string stands for a one-keyword list.
    Raises ValueError naming the topic at fault when a name or keyword list is empty or not text.
    """
    where = "lexicon"
    if isinstance(lexicon, (str, os.PathLike)):
        import yaml

        path = Path(lexicon)
        where = f"lexicon file {path}"
        with open(path, encoding="utf-8") as fh:
            lexicon = yaml.safe_load(fh)
    if not isinstance(lexicon, dict) or not lexicon:
        raise ValueError(f"{where} must map topic names to lists of keywords, e.g. "
                         "{'Haiti mission': ['Haiti', 'security mission']}; got " + type(lexicon).__name__)
    out = {}
    for name, words in lexicon.items():
        if isinstance(words, str):
            words = [words]
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{where}: topic name {name!r} must be non-empty text")
        if not isinstance(words, (list, tuple)) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise ValueError(f"{where}: topic {name!r} needs a non-empty list of keywords (text), got {words!r}")
        out[name.strip()] = list(dict.fromkeys(w.strip() for w in words))
    return out

def slugify(name: str) -> str:
    """A lexicon topic's id from its name (the toolkit's one slugifier)."""
    return units.slugify(name, default="topic")

def keyword_pattern(words: list[str]) -> re.Pattern:
    """One regex for a topic's keywords, case-insensitive, whole words only."""
    # Longest first so "security mission" wins over "security"; whitespace inside a phrase matches
    # any run of whitespace; (?<!\w)/(?!\w) rather than \b so keywords may end in "." ("U.S.").
    alts = [r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)

def lexicon_topic_ids(names: list[str], n_model: int) -> np.ndarray:
    """Slugs of the names, made unique and distinct from the model's ids t00, t01..."""
    topic_ids, used = [], {f"t{i:02d}" for i in range(n_model)}
    for name in names:
        tid, i = slugify(name), 2
        while tid in used:
            tid, i = f"{slugify(name)}-{i}", i + 1
        used.add(tid)
        topic_ids.append(tid)
    return np.array(topic_ids, dtype=object)

def lexicon_frames(lex, ids, units, min_weight, min_paragraph_weight, n_model):
    """(topics, article_topics, paragraph_topics) of the lexicon topics; weights are shares of
    keyword matches. ``units``: dict of text, article (row index) and paragraph (-1: title)."""
    names = list(lex)
    topic_ids = lexicon_topic_ids(names, n_model)
    hits = np.zeros((len(units["text"]), len(names)))
    for j, name in enumerate(names):
        rx = keyword_pattern(lex[name])
        hits[:, j] = [len(rx.findall(u)) if u else 0 for u in units["text"]]
    per_article = np.zeros((len(ids), len(names)))
    np.add.at(per_article, units["article"], hits)
    A = shares(per_article)
    n_art = (A >= max(min_weight, 1e-9)).sum(axis=0)
    topics_df = pd.DataFrame({"topic_id": topic_ids, "label": names, "terms": [list(lex[n]) for n in names],
                              "n_articles": n_art.astype(int), "origin": "lexicon"})
    r, tid, w = in_long_form(A, topic_ids, min_weight)
    art = pd.DataFrame({"article_id": ids[r], "topic_id": tid, "weight": w})
    is_par = units["paragraph"] >= 0
    r, tid, w = in_long_form(shares(hits[is_par]), topic_ids, min_paragraph_weight)
    par = pd.DataFrame({"article_id": ids[units["article"][is_par][r]], "paragraph": units["paragraph"][is_par][r],
                        "topic_id": tid, "weight": w})
    return topics_df, art, par
