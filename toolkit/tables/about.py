"""What a corpus is made of, for an "about this data" panel: per source the articles and the
dates they cover, the counts of every table, the toolkit and model that analysed it, and what
the extraction is known to get wrong."""
from __future__ import annotations

import pandas as pd

from .. import store as store_mod
from ..errors import ToolkitError
from ..version import __version__, code_version
from .base import table_of

# measured on annotated news that is not the sample (README, "Quality"); kept short and plain
LIMITS = {
    "quotes": "Quotes and reported statements are found by rules over spaCy's parse. On annotated news they reach "
              "a lenient F1 of about 75 on news their rules were not written on, higher (about 88) on direct quotes in quote marks: "
              "some rows are not statements, some statements are missed, and a speaker can be wrong or missing. "
              "Read a quote in its article (the “Open” control) before citing it.",
    "speakers": "Speakers are the names as written, resolved to actors where the article says who they are; a "
                "speaker left unresolved (“the campaign”, “officials”) counts under its own words, not an actor.",
    "actors": "Actors are names merged by rules: one person can still be two actors (a surname apart from the full "
              "name in another article) and two people sharing a name can be one; kinds (person, organisation, "
              "place) can be wrong. A name that several actors share is shown as ambiguous in the search.",
    "gender": "Gender is how the text refers to a person (pronouns after the name, honorifics, gendered role "
              "words, then the first name against an offline name list), a binary label and not the person's "
              "identity; name lists know some cultures' names far better than others', so their people are more "
              "often unknown or wrong. Who counts as a source depends on the quotes and speakers above.",
    "time": "Outlets can cover different periods: compare outlets over time only where their dates overlap "
            "(the date range per source is above).",
}


def source_summary(corpus) -> pd.DataFrame:
    """Per source: n_articles, first and last publication date, n_words, n_mentions, n_quotes;
    by n_articles then source. Articles without a source count under "(no source)"."""
    arts = table_of(corpus, "articles")
    src = arts["source"].astype(object).fillna("(no source)")
    by = pd.DataFrame({"article_id": arts["article_id"].to_numpy(), "source": src.to_numpy(),
                       "published": pd.to_datetime(arts["published"], utc=True).to_numpy()
                       if "published" in arts.columns else pd.NaT,
                       "n_words": arts["n_words"].to_numpy() if "n_words" in arts.columns else 0})
    out = by.groupby("source").agg(n_articles=("article_id", "size"), first=("published", "min"),
                                   last=("published", "max"), n_words=("n_words", "sum")).reset_index()
    where = dict(zip(by["article_id"], by["source"]))
    for name, col in (("mentions", "n_mentions"), ("quotes", "n_quotes")):
        t = table_of(corpus, name, required=False)
        per = (t["article_id"].map(where).value_counts() if t is not None and len(t) else pd.Series(dtype="int64"))
        out[col] = out["source"].map(per).fillna(0).astype("int64")
    out["n_words"] = out["n_words"].fillna(0).astype("int64")
    return out.sort_values(["n_articles", "source"], ascending=[False, True], kind="stable").reset_index(drop=True)


def about(corpus) -> dict:
    """The facts of an "about this data" panel: ``sources`` (:func:`source_summary`), ``counts``
    (articles, mentions, actors, quotes, attributions, topics), ``toolkit`` and ``code`` (this
    toolkit's version and analysis-code version), ``model`` (the spaCy model analyses use here),
    ``analysed_with`` (the toolkit version recorded in the store the
    corpus was opened from, if any), ``store``, and ``limits`` (:data:`LIMITS`)."""
    counts = {}
    for name in ("articles", "mentions", "actors", "quotes", "attributions", "topics"):
        t = table_of(corpus, name, required=False)
        counts[name] = 0 if t is None else len(t)
    store = getattr(corpus, "store", None)
    meta = store_mod.saved_meta(store) if store else None
    return {"sources": source_summary(corpus), "counts": counts, "toolkit": __version__, "code": code_version(),
            "analysed_with": (meta or {}).get("toolkit"), "model": model_name(), "store": store,
            "limits": dict(LIMITS)}


def model_name() -> str | None:
    """The spaCy model (and version) analyses use here, without loading it; None without one."""
    from ..nlp import model_fingerprint

    try:
        return model_fingerprint()
    except (ToolkitError, ImportError, OSError):
        return None


__all__ = ["about", "source_summary", "LIMITS"]
