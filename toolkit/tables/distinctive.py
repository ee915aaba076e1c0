"""Distinctive language: the words and two-word phrases that set one group (an outlet, a period,
an actor's quotes) apart from the rest, by the log-odds ratio with an informative Dirichlet prior
(Monroe, Colaresi & Quinn 2008, "Fightin' Words", Political Analysis 16(4)).

For a term w, group i and the rest j (all other groups together), with counts y and totals n,
and a prior alpha_w proportional to w's count in the whole corpus (alpha_0 their sum)::

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    z_w     = delta_w / sqrt(1 / (y_iw + a_w) + 1 / (y_jw + a_w))

The prior shrinks the log-odds of rare terms towards zero, so a term said twice by one outlet and
never elsewhere does not top the list, and z weighs the difference by its evidence. Terms are
lower-cased words without accents; stop words are left out, and a two-word phrase is kept when
neither of its words is one.
"""
from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from ..errors import EmptyCorpusError, InvalidOptionError
from .attention import counted_articles, normalize_freq
from .base import check_choice, check_count, need_columns, periods, table_of

BY_DISTINCTIVE = ("source", "period", "speaker")
DISTINCTIVE_COLUMNS = ["group", "rank", "term", "n_group", "n_rest", "log_odds", "z"]
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _fold(text: str) -> str:
    s = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in s if not unicodedata.combining(ch)) if not s.isascii() else s


def terms(text, *, ngrams: int = 2, stop=frozenset()) -> list[str]:
    """The terms of ``text``: words (letters, an inner apostrophe) of two letters or more, not stop
    words, and with ``ngrams=2`` the pairs of adjacent such words.

    >>> terms("The Central Bank's rate rose; the rate.", stop={"the"})
    ['central', "bank's", 'rate', 'rose', 'rate', "central bank's", "bank's rate", 'rate rose']
    """
    if not isinstance(text, str):
        return []
    words = [w.replace("’", "'") for w in _WORDS.findall(_fold(text))]
    ok = [len(w) > 1 and w not in stop for w in words]
    out = [w for w, k in zip(words, ok) if k]
    if ngrams >= 2:
        out += [f"{a} {b}" for a, b, ka, kb in zip(words, words[1:], ok, ok[1:]) if ka and kb]
    return out


def _group_texts(obj, by: str, freq: str, groups: int) -> tuple[pd.Series, pd.Series]:
    """(texts, group label of each text), for the ``groups`` largest groups and the rest (label NA)."""
    if by == "speaker":
        q = table_of(obj, "quotes")
        need_columns(q, ("text", "actor_id", "speaker"), "quotes")
        if q.empty:
            raise EmptyCorpusError("the corpus has no quotes: run tk.analyze(articles, quotes=True)")
        label = q["speaker"].astype("string").where(q["actor_id"].notna())
        texts = q["text"]
    else:
        arts = counted_articles(obj)
        need_columns(arts, ("text", "source" if by == "source" else "published"), "articles")
        if by == "source":
            label = arts["source"].astype("string")
        else:
            arts = arts[arts["published"].notna()]
            start = periods(arts["published"], freq)
            fmt = {"year": "%Y", "quarter": None, "month": "%Y-%m", "week": "%Y-%m-%d", "day": "%Y-%m-%d"}[freq]
            label = pd.Series([f"{t.year}-Q{t.quarter}" for t in start] if fmt is None else start.dt.strftime(fmt),
                              index=arts.index, dtype="string")
        texts = arts["text"]
    size = label.value_counts()
    size = size.rename("n").reset_index()
    size.columns = ["label", "n"]
    top = size.sort_values(["n", "label"], ascending=[False, True], kind="stable")["label"].head(groups)
    label = label.where(label.isin(set(top)))
    return texts.reset_index(drop=True), label.reset_index(drop=True)


def distinctive_terms(articles_or_corpus, *, by: str = "source", freq: str = "year", n: int = 15, ngrams: int = 2,
                      min_count: int = 5, groups: int = 10, prior: float = 1.0) -> pd.DataFrame:
    """The terms that set each group apart from the rest, by log-odds with an informative
    Dirichlet prior (Monroe, Colaresi & Quinn 2008; see the module).

    ``by``: "source" (each outlet against the other outlets), "period" (each ``freq`` period,
    "year" by default, against the other periods) or "speaker" (each speaker's quotes against
    everyone else's; needs a Corpus). The ``groups`` largest groups (default 10) are compared,
    each against all the other texts. ``ngrams``: 1 for words, 2 for words and two-word phrases.
    ``min_count``: terms used fewer times in all are left out. ``prior``: the prior's weight,
    alpha_w = prior x the term's count in the whole corpus (1.0, as tidylo does; smaller trusts
    the counts more). Articles are counted once (no exact copies; near-duplicates folded when
    marked).

    Returns group, rank (1 = most distinctive), term, n_group (uses in the group), n_rest (in the
    other texts), log_odds (delta: above 0 when the group uses the term more), z (delta over its
    standard error; above 2 is unlikely by chance): the ``n`` terms of highest z per group (z > 0
    only), groups in order of size.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"article_id": list("abcdef"), "source": ["North"] * 3 + ["South"] * 3,
    ...     "text": ["Harbour cranes and harbour workers.", "The harbour strike goes on.", "Harbour fees rise.",
    ...              "Vineyard harvest starts.", "The vineyard owners.", "Harvest festival in the vineyard."]})
    >>> distinctive_terms(frame, n=2, min_count=3, ngrams=1)[["group", "rank", "term", "n_group", "n_rest"]]
       group  rank      term  n_group  n_rest
    0  North     1   harbour        4       0
    1  South     1  vineyard        3       0

    Limits: lexical counts only (no lemmas: "rate" and "rates" are two terms); a group of a few
    short texts has little evidence, so its z-scores stay small.
    """
    from scipy import sparse
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

    check_choice("by", by, BY_DISTINCTIVE)
    freq = normalize_freq(freq)
    check_count("n", n, 1, 200)
    check_count("ngrams", ngrams, 1, 2)
    check_count("min_count", min_count, 1, 10**9)
    check_count("groups", groups, 1, 50)
    if isinstance(prior, bool) or not isinstance(prior, (int, float)) or not prior > 0:
        raise InvalidOptionError("prior", prior, ("a number above 0",))
    if by == "speaker" and isinstance(articles_or_corpus, pd.DataFrame):
        raise InvalidOptionError("by", by, ("source", "period") + (" ('speaker' needs a Corpus with quotes)",))
    texts, label = _group_texts(articles_or_corpus, by, freq, groups)
    names = [g for g in label.dropna().value_counts().sort_index().sort_values(ascending=False, kind="stable").index]
    if not names or (len(names) == 1 and label.notna().all()):
        raise EmptyCorpusError(f"distinctive terms need two groups or more; the texts have {len(names)} {by}")
    stop = frozenset(ENGLISH_STOP_WORDS)
    vec = CountVectorizer(analyzer=lambda t: terms(t, ngrams=ngrams, stop=stop), min_df=1)
    x = vec.fit_transform(texts.tolist())
    total = np.asarray(x.sum(axis=0)).ravel()
    keep = np.flatnonzero(total >= min_count)
    vocab = vec.get_feature_names_out()[keep]
    x, total = x[:, keep], total[keep].astype(float)
    code = pd.Categorical(label, categories=names).codes
    ind = sparse.csr_matrix((np.ones(int((code >= 0).sum())), (code[code >= 0], np.flatnonzero(code >= 0))),
                            shape=(len(names), x.shape[0]))
    y = np.asarray((ind @ x).todense(), dtype=float)  # groups x terms
    alpha = prior * total
    a0, n_all = alpha.sum(), total.sum()
    rows = []
    for g, name in enumerate(names):
        yi, yj = y[g], total - y[g]
        ni, nj = yi.sum(), n_all - yi.sum()
        delta = (np.log((yi + alpha) / (ni + a0 - yi - alpha)) - np.log((yj + alpha) / (nj + a0 - yj - alpha)))
        z = delta / np.sqrt(1.0 / (yi + alpha) + 1.0 / (yj + alpha))
        order = np.lexsort((vocab, -z))  # ties by term, so the table is the same on every run
        best = [i for i in order[:n] if z[i] > 0]
        for r, i in enumerate(best, 1):
            rows.append((name, r, vocab[i], int(yi[i]), int(yj[i]), round(float(delta[i]), 6), round(float(z[i]), 6)))
    out = pd.DataFrame(rows, columns=DISTINCTIVE_COLUMNS)
    return out.astype({"group": "string", "term": "string", "rank": "int64", "n_group": "int64", "n_rest": "int64",
                       "log_odds": "float64", "z": "float64"})


__all__ = ["distinctive_terms", "terms", "BY_DISTINCTIVE", "DISTINCTIVE_COLUMNS"]
