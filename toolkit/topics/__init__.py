"""Topics: what the articles are about, per article and per paragraph.

Method (``method="cluster"``, the default). Articles are clustered on two views at once, the
TF-IDF weighted mean of their words' md vectors and an LSA of their TF-IDF, and the TF-IDF is then
reweighted, three times, by how much each term leans to some clusters rather than all (see
:mod:`toolkit.topics.models`). Word vectors let two short items that share no word meet ("striker"
and "goal"); the reweighting fades words spread over every topic, such as the agency credits and
datelines that open wire items. ``k=None`` chooses k by stability across samples
(:mod:`toolkit.topics.choose_k`). Labels are each topic's most distinctive terms in the reweighted
TF-IDF, phrases included.

Measured (normalised mutual information of the main topic with the gold category, seed 0,
``benchmarks/bench_topics.py``; BBC full and BBC cut to title + first paragraph were the
development corpora, the other cuts were not tuned on):

=========================  ==========  ==========  =====  =====
corpus                     cluster k   cluster     nmf    LDA
                           = gold      k chosen    k=gold k=gold
=========================  ==========  ==========  =====  =====
BBC full (5)               0.89        0.81 (7)    0.875  0.59
BBC title + 1st par. (5)   0.74        0.74 (5)    0.50   0.09
held out: title + 1st sent 0.73        0.73 (5)    0.49   0.09
held out: short, 4 cat.    0.79        0.79 (4)    0.49   0.13
held out: short + credits  0.75        0.75 (5)    0.48   0.13
=========================  ==========  ==========  =====  =====

``method="nmf"``: the previous model, NMF of the tuned TF-IDF with k by topic separation. It is
as good on long articles of one collection (BBC: 0.875) but falls on short items (0.50 above) and
on feeds whose items share boilerplate, and its k drifts to ``max_k`` on a general feed.

Without the md model (no word vectors) ``"cluster"`` runs on LSA alone and
``TopicResult.description`` says so; it is then weaker on short texts (BBC title + first paragraph
about 0.6).

Limits: English stop words and tokenisation (letters only, digits dropped); ``k=None`` tries at
most a third of the articles as k (so fewer than 6 articles give one topic); corpora above 2,000
articles are fitted on a sample of 2,000 and every article then joins its nearest topic.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import EmptyCorpusError, InvalidOptionError, MissingColumnError
from .frames import (ARTICLE_TOPIC_COLUMNS, PARAGRAPH_TOPIC_COLUMNS, TOPIC_COLUMNS, model_frames,
                     sort_rows)
from .lexicon import lexicon_frames, load_lexicon

__all__ = ["TopicResult", "topics", "load_lexicon", "TOPIC_COLUMNS", "ARTICLE_TOPIC_COLUMNS",
           "PARAGRAPH_TOPIC_COLUMNS", "METHODS", "STOP_WORDS", "NEWS_STOP_WORDS"]

METHODS = ("cluster", "nmf")


def __getattr__(name):
    # scikit-learn's stop words load with the model code, on first use: importing the toolkit
    # (a dashboard's first paint) does not wait for scikit-learn.
    if name in ("STOP_WORDS", "NEWS_STOP_WORDS"):
        from . import vectorize
        return getattr(vectorize, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def no_scores() -> pd.DataFrame:
    """The empty k-scores table (see :func:`.choose_k.no_scores`)."""
    from .choose_k import no_scores as empty
    return empty()


@dataclass
class TopicResult:
    """What :func:`topics` returns.

    topics: topic_id, label, terms (list of str, most distinctive first), n_articles (articles
        with a weight >= min_weight), origin ("model" or "lexicon").
    article_topics: article_id, topic_id, weight (0..1).
    paragraph_topics: article_id, paragraph (index in text.split("\\n\\n")), topic_id, weight.
    k: number of model topics fitted. k_scores: with ``k=None``, the score of each k tried
        (k, score, chosen: stability for "cluster", the larger the better; the most similar
        pair's similarity for "nmf", the smaller the better); else empty.
    description: what ran, e.g. "cluster on en_core_web_md vectors + LSA", or a note that the
        md model was missing and LSA alone was used.
    """

    topics: pd.DataFrame
    article_topics: pd.DataFrame
    paragraph_topics: pd.DataFrame
    k: int = 0
    k_scores: pd.DataFrame = field(default_factory=no_scores)
    description: str = ""

    def __repr__(self):
        return (f"<TopicResult: {len(self.topics)} topics, {len(self.article_topics)} article weights, "
                f"{len(self.paragraph_topics)} paragraph weights>")


def topics(articles: pd.DataFrame, *, k: int | None = None, lexicon=None, seed: int = 0,
           exclude_terms=None, method: str = "cluster", min_k: int = 3, max_k: int = 12,
           min_weight: float = 0.1, min_paragraph_weight: float = 0.2) -> TopicResult:
    """Find topics in ``articles`` (needs ``article_id`` and ``text``; ``title`` is used when present).

    k: number of model topics; ``None`` chooses it (stability, between ``min_k`` and ``max_k``,
        never more than a third of the articles); ``0`` fits no model, for lexicon topics alone.
    lexicon: dict or path of a YAML file, topic name -> list of keywords or phrases. Each name
        becomes a topic (topic_id = slug of the name, origin "lexicon") found by case-insensitive
        whole-word matches of its keywords, beside the model's topics or alone with ``k=0``.
    seed: seeds k-means, the SVD and the samples; same input and seed give the same frames.
    exclude_terms: words or names (e.g. actor names) removed from the vocabulary before the model
        is fitted, so topics are about issues, not people; every word of a multi-word entry goes.
    method: "cluster" (word vectors + LSA, refined; see the module doc) or "nmf" (the previous
        NMF model, kept for long articles of one collection and for comparison).
    min_weight, min_paragraph_weight: smaller weights are dropped from article_topics and
        paragraph_topics. Paragraphs have a higher floor: a short paragraph spreads small weights
        over many topics, which would make every topic co-occur with every other.

    Weights: for model topics, the topic's share of the article's (paragraph's) weights W in
    X ~ W H, X its TF-IDF and H the topics' term profiles; for lexicon topics, the topic's share of
    the lexicon keyword matches in it. Each family sums to at most 1 per article or paragraph.
    Model topic ids are "t00", "t01"... by n_articles (descending) then label. Paragraphs are
    weighed alone against the article topics, so a long article about a match and a storm has
    its first paragraphs on one topic and its last on the other, e.g.
    ``[(0, "t01", 1.0), (1, "t01", 0.8), (2, "t03", 0.9)]``.

    Small corpora: with fewer than 6 articles ``k=None`` gives one topic (for a single article: its
    own most distinctive words), so ``analyze()`` works on one article.

    Raises EmptyCorpusError when the articles have no words to model (no rows, empty texts) or
    fewer articles with words than ``k``; InvalidOptionError for a bad ``k``, ``method``,
    ``min_k``/``max_k``, ``min_weight`` or ``min_paragraph_weight``.
    """
    lex = _check_options(articles, k=k, lexicon=lexicon, method=method, min_k=min_k, max_k=max_k,
                         min_weight=min_weight, min_paragraph_weight=min_paragraph_weight)
    ids = articles["article_id"].astype(str).to_numpy()
    units = _units(articles)
    parts = []  # (topics, article_topics, paragraph_topics) per family
    chosen_k, k_scores, description = 0, no_scores(), "lexicon only"
    if k != 0:
        from .fit import fit_model
        model = fit_model(units, len(ids), method=method, k=k, seed=seed, exclude=exclude_terms,
                          min_k=min_k, max_k=max_k)
        chosen_k, k_scores, description = model["k"], model["k_scores"], model["description"]
        parts.append(model_frames(model, ids, units, min_weight, min_paragraph_weight))
    if lex:
        parts.append(lexicon_frames(lex, ids, units, min_weight, min_paragraph_weight, n_model=chosen_k))

    topics_df = pd.concat([p[0] for p in parts], ignore_index=True)[TOPIC_COLUMNS]
    order = pd.Series(np.arange(len(ids)), index=pd.Index(ids)).groupby(level=0).first()
    art = sort_rows(pd.concat([p[1] for p in parts], ignore_index=True), order, ["weight"])
    par = sort_rows(pd.concat([p[2] for p in parts], ignore_index=True), order, ["paragraph", "weight"])
    return TopicResult(topics=topics_df, article_topics=art[ARTICLE_TOPIC_COLUMNS].reset_index(drop=True),
                       paragraph_topics=par[PARAGRAPH_TOPIC_COLUMNS].reset_index(drop=True),
                       k=chosen_k, k_scores=k_scores, description=description)


def _check_options(articles, *, k, lexicon, method, min_k, max_k, min_weight, min_paragraph_weight):
    """The lexicon (or {}), after every option and the articles' columns are checked."""
    if method not in METHODS:
        raise InvalidOptionError("method", method, METHODS)
    if k is not None and (isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 0):
        raise InvalidOptionError("k", k, ["None (choose)", "0 (lexicon only)", "a positive integer"])
    for name, v in (("min_k", min_k), ("max_k", max_k)):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 2:
            raise InvalidOptionError(name, v, ["an integer >= 2"])
    if max_k < min_k:
        raise InvalidOptionError("max_k", max_k, [f"an integer >= min_k ({min_k})"])
    for name, v in (("min_weight", min_weight), ("min_paragraph_weight", min_paragraph_weight)):
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not (0 <= v < 1):
            raise InvalidOptionError(name, v, ["a number in [0, 1)"])
    for col in ("article_id", "text"):
        if col not in articles.columns:
            raise MissingColumnError(col, "articles", "pass the frame returned by load_articles()")
    lex = load_lexicon(lexicon) if lexicon is not None else {}
    if k == 0 and not lex:
        raise InvalidOptionError("k", k, ["None (choose)", "a positive integer",
                                          "0 together with lexicon= (lexicon topics only)"])
    if len(articles) == 0:
        raise EmptyCorpusError("articles is empty: pass at least one article with text")
    return lex


def _units(articles: pd.DataFrame) -> dict:
    """Each article's title (paragraph -1), then its paragraphs; an article is the sum of its units."""
    texts = articles["text"].fillna("").astype(str).tolist()
    titles = (articles["title"].fillna("").astype(str).tolist() if "title" in articles.columns
              else [""] * len(texts))
    paras = [t.split("\n\n") for t in texts]
    return dict(text=[u for title, p in zip(titles, paras) for u in (title, *p)],
                article=np.repeat(np.arange(len(texts)), [len(p) + 1 for p in paras]),
                paragraph=np.concatenate([np.arange(-1, len(p)) for p in paras]))
