"""Topics: what the articles are about, per article and per paragraph.

Method. Non-negative matrix factorisation (NMF) of a TF-IDF matrix, as in scikit-learn, with
choices measured on the BBC corpus (5 gold categories, normalised mutual information between an
article's main topic and its category, k=5):

* plain NMF on default TF-IDF: 0.77-0.81; LDA on counts: 0.59-0.62 (worse on news, and slower);
* this module: 0.875 -- sublinear term frequency, terms in at most half of the articles, news stop
  words (said, told, weekdays...), unigrams plus bigrams of adjacent content words (a bigram never
  spans punctuation or a stop word, so phrases read like "security mission", not "bank england"),
  and NNDSVD initialisation, which makes the result deterministic.

Choosing k (``k=None``): for each k from ``min_k`` to ``max_k`` an NMF is fitted on a sample of at
most 2,000 articles; every article goes to its main topic and the cosine similarity between the
mean TF-IDF vectors of each pair of topics is measured. The k whose *most similar pair* is least
similar wins (ties: the larger k). Splitting a real topic in two makes two near-duplicate topics;
merging two real topics makes a blurred topic close to the others; both raise the score. On BBC it
picks 5 (and 3 or 4 on subsets of 3 or 4 categories). Weakness: on a corpus without clusters (a
general news feed) the score keeps falling with k, so it picks ``max_k`` or near it, and it cannot
find 2 clusters with the default ``min_k=3``. ``TopicResult.k_scores`` shows the curve.

Limits: English stop words and tokenisation (letters only, digits dropped); ``k=None`` tries at
most a third of the articles as k (so fewer than 6 articles give one topic); 10,000 BBC-sized
articles take about 8 s on 2 cores with ``k=None``, 4 s with a given k.
"""
from __future__ import annotations

import os
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer
from threadpoolctl import threadpool_limits

from .errors import EmptyCorpusError, InvalidOptionError, MissingColumnError

__all__ = ["TopicResult", "topics", "load_lexicon", "TOPIC_COLUMNS", "ARTICLE_TOPIC_COLUMNS",
           "PARAGRAPH_TOPIC_COLUMNS"]

METHODS = ("nmf",)
TOPIC_COLUMNS = ["topic_id", "label", "terms", "n_articles", "origin"]
ARTICLE_TOPIC_COLUMNS = ["article_id", "topic_id", "weight"]
PARAGRAPH_TOPIC_COLUMNS = ["article_id", "paragraph", "topic_id", "weight"]

# Words that are frequent in news whatever the subject; max_df alone keeps some ("mr", "told").
NEWS_STOP_WORDS = frozenset("""
said says saying told tell tells asked added according including also just like would could
mr mrs ms dr new year years month months week weeks day days today yesterday tomorrow time
monday tuesday wednesday thursday friday saturday sunday make made way going use used set
want wanted did does got get gets think know ve ll don didn doesn isn wasn won
actually really yeah lot lots thing things kind sort maybe pretty
""".split())
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | NEWS_STOP_WORDS

# A word (letters, with inner apostrophes) or one punctuation mark, which breaks bigrams.
_TOKEN = re.compile(r"(?<!\d)[^\W\d_]+(?:['\u2019][^\W\d_]+)*|[^\w\s]")
_SAMPLE_FOR_K = 2000
_VOCAB_FOR_K = 5000
_N_TERMS = 10


@dataclass
class TopicResult:
    """What :func:`topics` returns.

    topics: topic_id, label, terms (list of str, most distinctive first), n_articles (articles
        with a weight >= min_weight), origin ("model" or "lexicon").
    article_topics: article_id, topic_id, weight (0..1).
    paragraph_topics: article_id, paragraph (index in text.split("\\n\\n")), topic_id, weight.
    k: number of model topics fitted. k_scores: with ``k=None``, the score of each k tried
        (k, max_similarity, chosen); else empty.
    """

    topics: pd.DataFrame
    article_topics: pd.DataFrame
    paragraph_topics: pd.DataFrame
    k: int = 0
    k_scores: pd.DataFrame = field(default_factory=lambda: _no_scores())

    def __repr__(self):
        return (f"<TopicResult: {len(self.topics)} topics, {len(self.article_topics)} article weights, "
                f"{len(self.paragraph_topics)} paragraph weights>")


def topics(articles: pd.DataFrame, *, k: int | None = None, lexicon=None, seed: int = 0,
           exclude_terms=None, method: str = "nmf", min_k: int = 3, max_k: int = 12,
           min_weight: float = 0.1, min_paragraph_weight: float = 0.2) -> TopicResult:
    """Find topics in ``articles`` (needs ``article_id`` and ``text``; ``title`` is used when present).

    k: number of model topics; ``None`` chooses it (see the module doc: topic separation, between
        ``min_k`` and ``max_k``, never more than a third of the articles); ``0`` fits no model, for
        lexicon topics alone.
    lexicon: dict or path of a YAML file, topic name -> list of keywords or phrases. Each name
        becomes a topic (topic_id = slug of the name, origin "lexicon") found by case-insensitive
        whole-word matches of its keywords, beside the model's topics or alone with ``k=0``.
    seed: seeds the SVD initialisation and the sample used to choose k; same input and seed give
        the same frames.
    exclude_terms: words or names (e.g. actor names) removed from the vocabulary before the model
        is fitted, so topics are about issues, not people; every word of a multi-word entry goes.
    method: "nmf" (the only model: LDA scored 0.59-0.62 against 0.875 here on BBC, see module doc).
    min_weight, min_paragraph_weight: smaller weights are dropped from article_topics and
        paragraph_topics. Paragraphs have a higher floor: a short paragraph spreads small weights
        over many topics, which would make every topic co-occur with every other.

    Weights: for model topics, the topic's share of the article's (paragraph's) NMF weights; for
    lexicon topics, the topic's share of the lexicon keyword matches in it. Each family sums to at
    most 1 per article or paragraph. Model topic ids are "t00", "t01"... by n_articles (descending)
    then label. Paragraph weights come from the article model applied to each paragraph alone.

    Small corpora: with fewer than 6 articles ``k=None`` gives one topic (for a single article: its
    own most distinctive words), so ``analyze()`` works on one article.

    Raises EmptyCorpusError when the articles have no words to model (no rows, empty texts) or
    fewer articles with words than ``k``; InvalidOptionError for a bad ``k``, ``method``,
    ``min_k``/``max_k``, ``min_weight`` or ``min_paragraph_weight``.
    """
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

    ids = articles["article_id"].astype(str).to_numpy()
    texts = articles["text"].fillna("").astype(str).tolist()
    titles = (articles["title"].fillna("").astype(str).tolist() if "title" in articles.columns
              else [""] * len(texts))
    paras = [t.split("\n\n") for t in texts]
    # Units: each article's title (paragraph -1), then its paragraphs; articles are sums of units.
    unit_article = np.repeat(np.arange(len(texts)), [len(p) + 1 for p in paras])
    unit_para = np.concatenate([np.arange(-1, len(p)) for p in paras])
    unit_text = [u for title, p in zip(titles, paras) for u in (title, *p)]

    parts = []  # (topics, article_topics, paragraph_topics) per family
    chosen_k, k_scores = 0, _no_scores()
    if k != 0:
        model = _fit_model(unit_text, unit_article, len(texts), k=k, seed=seed, exclude=exclude_terms,
                           min_k=min_k, max_k=max_k)
        chosen_k, k_scores = model["k"], model["k_scores"]
        parts.append(_model_frames(model, ids, unit_article, unit_para, min_weight, min_paragraph_weight))
    if lex:
        parts.append(_lexicon_frames(lex, ids, unit_text, unit_article, unit_para, min_weight,
                                     min_paragraph_weight, n_model=chosen_k))

    topics_df = pd.concat([p[0] for p in parts], ignore_index=True)[TOPIC_COLUMNS]
    order = pd.Series(np.arange(len(ids)), index=pd.Index(ids)).groupby(level=0).first()
    art = _sorted(pd.concat([p[1] for p in parts], ignore_index=True), order, ["weight"])
    par = _sorted(pd.concat([p[2] for p in parts], ignore_index=True), order, ["paragraph", "weight"])
    return TopicResult(topics=topics_df, article_topics=art[ARTICLE_TOPIC_COLUMNS].reset_index(drop=True),
                       paragraph_topics=par[PARAGRAPH_TOPIC_COLUMNS].reset_index(drop=True),
                       k=chosen_k, k_scores=k_scores)


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


def _no_scores() -> pd.DataFrame:
    return pd.DataFrame({"k": pd.Series(dtype=int), "max_similarity": pd.Series(dtype=float),
                         "chosen": pd.Series(dtype=bool)})


# --- model topics ---------------------------------------------------------------------------

def _analyzer(stop: frozenset):
    def analyze(text: str) -> list[str]:
        out, prev = [], None
        for tok in _TOKEN.findall(text.lower()):
            if tok.endswith(("'s", "\u2019s")):
                tok = tok[:-2]
            if len(tok) < 2 or tok in stop or not tok[0].isalpha() or "'" in tok or "\u2019" in tok:
                prev = None  # punctuation, stop words and excluded words break phrases
                continue
            out.append(tok)
            if prev is not None:
                out.append(prev + " " + tok)
            prev = tok
        return out
    return analyze


def _exclusions(exclude_terms) -> frozenset:
    if exclude_terms is None:
        return frozenset()
    if isinstance(exclude_terms, str):
        exclude_terms = [exclude_terms]
    words = set()
    for term in exclude_terms:
        if term is None or (isinstance(term, float) and np.isnan(term)):
            continue
        for tok in _TOKEN.findall(str(term).lower()):
            if tok.endswith(("'s", "\u2019s")):
                tok = tok[:-2]
            if tok[:1].isalpha():
                words.add(tok)
    return frozenset(words)


def _tfidf(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    x = counts.astype(np.float64)
    x.data = 1.0 + np.log(x.data)  # sublinear tf: a word said ten times is not ten times the topic
    x = x @ sp.diags(idf)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ x)


def _fit_model(unit_text, unit_article, n_articles, *, k, seed, exclude, min_k, max_k) -> dict:
    vec = CountVectorizer(analyzer=_analyzer(STOP_WORDS | _exclusions(exclude)), dtype=np.float64)
    try:
        units = vec.fit_transform(unit_text).tocsr()
    except ValueError:  # scikit-learn's "empty vocabulary"
        units = None
    if units is None or units.nnz == 0:
        raise EmptyCorpusError("articles has no words to model (empty texts, or only stop words and "
                               "excluded terms): pass articles with text, or use k=0 with a lexicon")
    to_article = sp.csr_matrix((np.ones(len(unit_article)), (unit_article, np.arange(len(unit_article)))),
                               shape=(n_articles, len(unit_article)))
    counts = (to_article @ units).tocsr()
    has_words = np.asarray(counts.sum(axis=1)).ravel() > 0
    n = int(has_words.sum())
    if k is not None and k > n:
        raise EmptyCorpusError(f"k={k} is more than the {n} article(s) with words: pass k <= {n} or k=None")

    df = np.asarray((counts[has_words] > 0).sum(axis=0)).ravel()
    # Small corpora keep every word: a df floor or ceiling would empty the vocabulary.
    min_df = 2 if n >= 20 else 1
    max_df = 0.5 * n if n >= 10 else n
    keep = np.flatnonzero((df >= min_df) & (df <= max_df))
    if len(keep) < 2:
        keep = np.flatnonzero(df > 0)
    if len(keep) > 100_000:  # enough for any k; bounds memory and time on big corpora
        total = np.asarray(counts[:, keep].sum(axis=0)).ravel()
        keep = np.sort(keep[np.argsort(-total, kind="stable")[:100_000]])
    terms = vec.get_feature_names_out()[keep]
    idf = np.log((1 + n) / (1 + df[keep])) + 1.0
    X = _tfidf(counts[:, keep], idf)
    rows = np.flatnonzero(has_words & (np.asarray(X.sum(axis=1)).ravel() > 0))
    if k is not None and k > len(rows):
        raise EmptyCorpusError(f"k={k} is more than the {len(rows)} article(s) with modelled words: "
                               f"pass k <= {len(rows)} or k=None")

    # OpenBLAS with 2 threads is 10-30x slower than with 1 on these small dense products.
    with threadpool_limits(limits=1, user_api="blas"), warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        # scikit-learn's error of an exact fit (e.g. one article) can round below 0 before sqrt
        warnings.filterwarnings("ignore", "invalid value encountered in sqrt", RuntimeWarning)
        k_scores = _no_scores()
        if k is None:
            # Single words only: bigrams add thousands of rare columns that blur topic centroids.
            uni = np.array([" " not in t for t in terms])
            k, k_scores = _choose_k(_tfidf(counts[rows][:, keep[uni]], idf[uni]), seed=seed,
                                    min_k=min_k, max_k=max_k)
        k = min(k, len(terms))
        nmf = NMF(n_components=k, init="nndsvd", random_state=seed, max_iter=400, tol=1e-4)
        W = np.zeros((n_articles, k))
        W[rows] = nmf.fit_transform(X[rows])
        unit_X = _tfidf(units[:, keep], idf)
        unit_rows = np.flatnonzero(np.diff(unit_X.indptr) > 0)
        U = np.zeros((unit_X.shape[0], k))
        if len(unit_rows):
            U[unit_rows] = nmf.transform(unit_X[unit_rows])
    return dict(k=k, k_scores=k_scores, W=W, U=U, H=nmf.components_, terms=terms)


def _choose_k(X: sp.csr_matrix, *, seed: int, min_k: int, max_k: int) -> tuple[int, pd.DataFrame]:
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    if n > _SAMPLE_FOR_K:
        X = X[np.sort(rng.choice(n, _SAMPLE_FOR_K, replace=False))]
    df = np.diff(X.tocsc().indptr)
    if X.shape[1] > _VOCAB_FOR_K:  # the commonest words carry the cluster structure; 10x faster
        X = X[:, np.sort(np.argsort(-df, kind="stable")[:_VOCAB_FOR_K])]
    n = X.shape[0]
    hi = max(1, min(max_k, n // 3, X.shape[1]))
    lo = min(min_k, hi)
    if hi < 2:
        return 1, pd.DataFrame({"k": [1], "max_similarity": [np.nan], "chosen": [True]})
    scores = []
    for kk in range(lo, hi + 1):
        W = NMF(n_components=kk, init="nndsvd", random_state=seed, max_iter=200, tol=1e-4).fit_transform(X)
        main = W.argmax(axis=1)
        main[W.max(axis=1) == 0] = -1
        sizes = np.bincount(main[main >= 0], minlength=kk)
        if (sizes == 0).any():  # a topic that is nobody's main topic: k is past what the data holds
            scores.append(np.inf)
            continue
        member = sp.csr_matrix((np.ones(int((main >= 0).sum())), (main[main >= 0], np.flatnonzero(main >= 0))),
                               shape=(kk, X.shape[0]))
        C = np.asarray((member @ X).todense())
        C /= np.maximum(np.linalg.norm(C, axis=1, keepdims=True), 1e-12)
        S = C @ C.T
        np.fill_diagonal(S, -1.0)
        scores.append(float(S.max()))
    scores = np.round(np.array(scores), 6)  # ties on rounding noise go to the larger k, below
    ks = np.arange(lo, hi + 1)
    best = int(ks[len(ks) - 1 - int(np.argmin(scores[::-1]))])
    frame = pd.DataFrame({"k": ks, "max_similarity": scores, "chosen": ks == best})
    return best, frame


def _top_terms(H: np.ndarray, terms: np.ndarray, n: int) -> list[list[str]]:
    # Relevance = weight x share of the word's weight across topics: words common to every topic
    # (e.g. "government" in a politics-heavy corpus) sink below the topic's own words.
    share = H / np.maximum(H.sum(axis=0, keepdims=True), 1e-12)
    rel = H / np.maximum(H.max(axis=1, keepdims=True), 1e-12) * share
    out = []
    for t in range(H.shape[0]):
        picked: list[str] = []
        for j in np.argsort(-rel[t], kind="stable")[: n * 4]:
            if rel[t, j] <= 0 or len(picked) >= n:
                break
            term = str(terms[j])
            words = term.split()
            if _stem(term) in {_stem(p) for p in picked}:
                continue  # "award" after "awards"
            if len(words) == 1:
                if any(term in p.split() for p in picked):
                    continue  # already inside a phrase
                picked.append(term)
            else:
                inside = [p for p in picked if p in words]
                if inside:  # the phrase replaces its first word, keeping that word's rank
                    picked[picked.index(inside[0])] = term
                    picked = [p for p in picked if p not in inside[1:]]
                elif term not in picked:
                    picked.append(term)
        out.append(list(dict.fromkeys(picked))[:n])
    return out


def _stem(term: str) -> str:
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                    for w in term.split())


def _label(terms: list[str]) -> str:
    return ", ".join(terms[:3]) if terms else "(no terms)"


def _shares(M: np.ndarray) -> np.ndarray:
    total = M.sum(axis=1, keepdims=True)
    return np.divide(M, total, out=np.zeros_like(M), where=total > 0)


def _long(weights: np.ndarray, topic_ids: np.ndarray, min_weight: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r, c = np.nonzero((weights >= max(min_weight, 1e-9)))
    return r, topic_ids[c], weights[r, c]


def _model_frames(model, ids, unit_article, unit_para, min_weight, min_paragraph_weight):
    k = model["k"]
    terms = _top_terms(model["H"], model["terms"], _N_TERMS)
    labels = [_label(t) for t in terms]
    A = _shares(model["W"])
    n_art = (A >= max(min_weight, 1e-9)).sum(axis=0)
    order = sorted(range(k), key=lambda t: (-n_art[t], labels[t], t))
    new_id = np.empty(k, dtype=object)
    for rank, t in enumerate(order):
        new_id[t] = f"t{rank:02d}"
    topics_df = pd.DataFrame({"topic_id": [new_id[t] for t in order], "label": [labels[t] for t in order],
                              "terms": [terms[t] for t in order], "n_articles": [int(n_art[t]) for t in order],
                              "origin": "model"})
    r, tid, w = _long(A, new_id, min_weight)
    art = pd.DataFrame({"article_id": ids[r], "topic_id": tid, "weight": w})
    is_par = unit_para >= 0
    P = _shares(model["U"][is_par])
    r, tid, w = _long(P, new_id, min_paragraph_weight)
    par = pd.DataFrame({"article_id": ids[unit_article[is_par][r]], "paragraph": unit_para[is_par][r],
                        "topic_id": tid, "weight": w})
    return topics_df, art, par


# --- lexicon topics -------------------------------------------------------------------------

def _slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "topic"


def _keyword_pattern(words: list[str]) -> re.Pattern:
    # Longest first so "security mission" wins over "security"; whitespace inside a phrase matches
    # any run of whitespace; (?<!\w)/(?!\w) rather than \b so keywords may end in "." ("U.S.").
    alts = [r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)


def _lexicon_frames(lex, ids, unit_text, unit_article, unit_para, min_weight, min_paragraph_weight, n_model):
    names = list(lex)
    topic_ids, used = [], {f"t{i:02d}" for i in range(n_model)}
    for name in names:
        tid, i = _slug(name), 2
        while tid in used:
            tid, i = f"{_slug(name)}-{i}", i + 1
        used.add(tid)
        topic_ids.append(tid)
    topic_ids = np.array(topic_ids, dtype=object)
    hits = np.zeros((len(unit_text), len(names)))
    for j, name in enumerate(names):
        rx = _keyword_pattern(lex[name])
        hits[:, j] = [len(rx.findall(u)) if u else 0 for u in unit_text]
    per_article = np.zeros((len(ids), len(names)))
    np.add.at(per_article, unit_article, hits)
    A = _shares(per_article)
    n_art = (A >= max(min_weight, 1e-9)).sum(axis=0)
    topics_df = pd.DataFrame({"topic_id": topic_ids, "label": names, "terms": [list(lex[n]) for n in names],
                              "n_articles": n_art.astype(int), "origin": "lexicon"})
    r, tid, w = _long(A, topic_ids, min_weight)
    art = pd.DataFrame({"article_id": ids[r], "topic_id": tid, "weight": w})
    is_par = unit_para >= 0
    P = _shares(hits[is_par])
    r, tid, w = _long(P, topic_ids, min_paragraph_weight)
    par = pd.DataFrame({"article_id": ids[unit_article[is_par][r]], "paragraph": unit_para[is_par][r],
                        "topic_id": tid, "weight": w})
    return topics_df, art, par


def _sorted(df: pd.DataFrame, order: pd.Series, by: list[str]) -> pd.DataFrame:
    if df.empty:
        return df
    df = df.assign(_pos=df["article_id"].map(order).to_numpy())
    asc = [True] + [c != "weight" for c in by] + [True]
    out = df.sort_values(["_pos", *by, "topic_id"], ascending=asc, kind="stable").drop(columns="_pos")
    out["weight"] = out["weight"].astype(float)
    if "paragraph" in out:
        out["paragraph"] = out["paragraph"].astype(int)
    return out
