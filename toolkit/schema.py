"""The tables the toolkit promises: every table's columns and dtypes, in one place.

Every room of the package hands the next one these tidy frames (see DATA_MODEL.md), so this module
is the one definition of their columns, of the fixed vocabularies that appear in them (actor kinds,
quote kinds, co-occurrence windows, time units), and of typed empty tables. It imports nothing
from the rest of the toolkit.

One string dtype everywhere: ``"string"`` (missing values are ``pd.NA``), so a comparison such as
``quotes["actor_id"] == "x"`` behaves the same in every table.

>>> empty("sentences").dtypes.astype(str).to_dict()
{'article_id': 'string', 'sentence': 'int64', 'paragraph': 'int64', 'start': 'int64', 'end': 'int64'}
"""
from __future__ import annotations

import pandas as pd

STRING = "string"
INT = "int64"
NULLABLE_INT = "Int64"
FLOAT = "float64"
LIST = "list"       # an object column of Python lists (Parquet gives arrays back: see store)
UTC = "datetime64[ns, UTC]"

KINDS = ("person", "organization", "place", "group", "other")
QUOTE_KINDS = ("direct", "mixed", "indirect")
# What an attribution reports: a statement (speech or writing with content), a belief (thought,
# opinion, wish, intention, expectation) or another attribution (a report's finding, a refusal).
ACTS = ("statement", "belief", "other")
WINDOWS = ("sentence", "paragraph", "article")
GENDERS = ("female", "male", "unknown")  # actors.gender of persons (a user table may add labels)
# Time units of charts and table helpers -> pandas period codes.
FREQS = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}

TABLES: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": STRING, "source": STRING, "title": STRING, "section": STRING, "author": STRING,
        "published": UTC, "url": STRING, "path": STRING, "text": STRING, "n_words": INT, "language": STRING,
        "flags": LIST, "duplicate_of": STRING,
    },
    "sentences": {"article_id": STRING, "sentence": INT, "paragraph": INT, "start": INT, "end": INT},
    # the per-article step's mentions: names within the article, before the corpus-wide merge
    "raw_mentions": {
        "article_id": STRING, "start": INT, "end": INT, "text": STRING, "label": STRING, "sentence": INT,
        "paragraph": INT, "name": STRING, "kind": STRING, "title": STRING, "resolved_by": STRING,
    },
    # resolved_by: how a mention that does not spell its actor's name out was tied to it ("article
    # full name", "acronym", "corpus: title", "corpus: dominant", ...; see toolkit.actors); NA otherwise
    "mentions": {
        "article_id": STRING, "start": INT, "end": INT, "text": STRING, "label": STRING, "actor_id": STRING,
        "sentence": INT, "paragraph": INT, "name": STRING, "kind": STRING, "title": STRING, "resolved_by": STRING,
    },
    "actors": {
        "actor_id": STRING, "name": STRING, "kind": STRING, "aliases": LIST, "titles": LIST, "n_mentions": INT,
        "n_articles": INT, "gender": STRING, "gender_evidence": STRING,
    },
    # gender: "female", "male" or "unknown" for persons (how the text refers to them: see
    # toolkit.actors.gender), NA for other kinds; gender_evidence: why ("pronoun 3, first name")
    # the per-article step's quotes: speakers named within the article
    "raw_quotes": {
        "article_id": STRING, "kind": STRING, "text": STRING, "start": INT, "end": INT, "speaker_text": STRING,
        "speaker_start": NULLABLE_INT, "speaker_end": NULLABLE_INT, "speaker_name": STRING, "cue": STRING,
        "cue_start": NULLABLE_INT, "cue_end": NULLABLE_INT, "sentence": INT, "paragraph": INT, "act": STRING,
    },
    # statements only: the rows of ``attributions`` whose act is "statement", with the same quote_ids
    "quotes": {
        "article_id": STRING, "quote_id": STRING, "kind": STRING, "text": STRING, "start": INT, "end": INT,
        "speaker": STRING, "speaker_text": STRING, "speaker_start": NULLABLE_INT, "speaker_end": NULLABLE_INT,
        "actor_id": STRING, "cue": STRING, "cue_start": NULLABLE_INT, "cue_end": NULLABLE_INT, "sentence": INT,
        "paragraph": INT,
    },
    # every attribution (statements, beliefs, others) with its act
    "attributions": {
        "article_id": STRING, "quote_id": STRING, "kind": STRING, "text": STRING, "start": INT, "end": INT,
        "speaker": STRING, "speaker_text": STRING, "speaker_start": NULLABLE_INT, "speaker_end": NULLABLE_INT,
        "actor_id": STRING, "cue": STRING, "cue_start": NULLABLE_INT, "cue_end": NULLABLE_INT, "sentence": INT,
        "paragraph": INT, "act": STRING,
    },
    "topics": {"topic_id": STRING, "label": STRING, "terms": LIST, "n_articles": INT, "origin": STRING},
    "article_topics": {"article_id": STRING, "topic_id": STRING, "weight": FLOAT},
    "paragraph_topics": {"article_id": STRING, "paragraph": INT, "topic_id": STRING, "weight": FLOAT},
    "edges": {
        "a": STRING, "b": STRING, "a_name": STRING, "b_name": STRING, "a_kind": STRING, "b_kind": STRING,
        "count": INT, "n_articles": INT, "pmi": FLOAT, "npmi": FLOAT, "jaccard": FLOAT, "window": STRING,
    },
}

# The per-article tables the pipeline produces and the store caches, and the corpus's tables.
PER_ARTICLE = {"sentences": "sentences", "mentions": "raw_mentions", "quotes": "raw_quotes"}
CORPUS_TABLES = ("articles", "mentions", "actors", "quotes", "attributions", "sentences", "topics", "article_topics",
                 "paragraph_topics")


def columns(name: str) -> list[str]:
    """The column names of table ``name``, in order."""
    return list(TABLES[name])


def list_columns(name: str) -> list[str]:
    """The columns of table ``name`` that hold lists."""
    return [c for c, t in TABLES[name].items() if t == LIST]


def empty(name: str) -> pd.DataFrame:
    """A typed table ``name`` with no rows."""
    return pd.DataFrame({c: pd.Series(dtype=object if t == LIST else t) for c, t in TABLES[name].items()})


def typed(df: pd.DataFrame, name: str, *, extra: bool = False) -> pd.DataFrame:
    """``df`` with the columns of table ``name`` in order and their dtypes; other columns are
    dropped unless ``extra`` (they then follow, text columns as ``"string"``)."""
    spec = TABLES[name]
    out = df.reindex(columns=list(spec) + ([c for c in df.columns if c not in spec] if extra else []))
    conv = {}
    for c in out.columns:
        t = spec.get(c)
        if t is None:
            if out[c].dtype != object and pd.api.types.is_string_dtype(out[c]):
                conv[c] = STRING
        elif t == LIST:
            out[c] = pd.Series([list(v) if isinstance(v, (list, tuple)) or hasattr(v, "tolist") and
                                not isinstance(v, str) else [] for v in out[c]], index=out.index, dtype=object)
        elif str(out[c].dtype) != t:
            conv[c] = t
    return out.astype(conv) if conv else out


def as_strings(df: pd.DataFrame) -> pd.DataFrame:
    """Every ``str`` column of ``df`` (NaN for missing values) as ``"string"`` (``pd.NA``)."""
    conv = {c: STRING for c, t in df.dtypes.items() if isinstance(t, pd.StringDtype) and t.na_value is not pd.NA}
    return df.astype(conv) if conv else df
