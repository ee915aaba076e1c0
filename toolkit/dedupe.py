"""Near-duplicates: one wire story reprinted with small edits, found so that it is counted once.

The loader flags exact copies (``duplicate_of``: the same normalised text). A reprint is rarely
exact: an outlet drops a sentence, changes a word, adds its credit line. :func:`near_duplicates`
finds those by the Jaccard similarity of the articles' word shingles (runs of ``shingle``
consecutive words, case and accents folded), estimated with MinHash and looked up with
locality-sensitive hashing (datasketch's ``MinHash`` and ``MinHashLSH``), then checked exactly on
the shingle sets, so an LSH near-miss never links two articles below ``threshold``.

Clusters are built leader-first: articles are taken in order of publication (undated ones last,
ties in frame order), and each one either joins the most similar earlier *leader* (the first
article of a cluster) with a similarity of at least ``threshold``, or becomes a leader itself.
So every copy is similar to the article it points at, not merely to a chain of copies in between
(a chain A ~ B ~ C with A and C far apart never puts C under A).

>>> import pandas as pd
>>> wire = "The central bank raised its main rate by half a point on Tuesday, the third rise this year."
>>> frame = pd.DataFrame({
...     "article_id": ["a", "b", "c"],
...     "text": [wire + " Markets fell.", wire + " Markets fell. (Reporting by a wire desk)",
...              "A new footbridge over the river opens to walkers next spring, the council said."]})
>>> near_duplicates(frame)[["article_id", "near_duplicate_of", "near_duplicate_cluster"]]
  article_id near_duplicate_of near_duplicate_cluster
0          a              <NA>                      a
1          b                 a                      a
2          c              <NA>                   <NA>

Limits: similarity is lexical, so a rewrite of the same story in other words is not a
near-duplicate, and two short items of the same template (scores, weather) can be. Texts under
20 words (``min_words``) are never flagged. MinHash with LSH misses a pair just above the threshold
now and then (fewer than 1 in 100 at 0.1 above it); pairs found are never below it.
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .errors import InvalidOptionError, MissingColumnError

NUM_PERM = 64
SEED = 1  # fixed: the same articles give the same clusters on every run and machine
FLAG = "near_duplicate"
COLUMNS = ("near_duplicate_of", "near_duplicate_cluster", "near_duplicate_similarity")
MIN_WORDS = 20
CHUNK = 5000  # articles tokenised at once (Arrow's string kernels run on the whole chunk)
_NOT_WORD = r"[^\p{L}\p{N}_]+"


class _Shingles:
    """Word shingles as exact 64-bit ids: each word gets a vocabulary number, and a run of k
    words the number (w1 * V + w2) * V + w3 ... with V = 2**21, one-to-one while the vocabulary
    stays under two million words (past that, ids may collide, rarely)."""

    V = np.uint64(1 << 21)

    def __init__(self, k: int):
        self.k = k
        self.vocab: dict[str, int] = {}

    def words(self, texts: list) -> tuple[np.ndarray, np.ndarray]:
        """Vocabulary numbers of the words of ``texts`` (case and accents folded, in Arrow), and
        where each text's words start (len(texts) + 1 offsets)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        arr = pa.array([t if isinstance(t, str) else None for t in texts], type=pa.large_string())
        arr = pc.utf8_lower(pc.replace_substring_regex(pc.utf8_normalize(arr, form="NFKD"), r"\p{Mn}+", ""))
        parts = pc.split_pattern_regex(arr, _NOT_WORD)
        flat = pc.list_flatten(parts)
        parent = pc.list_parent_indices(parts).to_numpy()
        keep = pc.not_equal(flat, "").to_numpy(zero_copy_only=False)
        flat = flat.filter(pa.array(keep))
        codes, uniques = pd.factorize(flat.to_numpy(zero_copy_only=False))
        vocab = self.vocab
        glob = np.fromiter((vocab.setdefault(w, len(vocab)) for w in uniques), dtype=np.uint64, count=len(uniques))
        counts = np.bincount(parent[keep], minlength=len(texts))
        return glob[codes] if len(codes) else np.empty(0, np.uint64), np.concatenate([[0], np.cumsum(counts)])

    def sets(self, texts: list):
        """The shingle ids of each text (with repeats), one array per text."""
        ids, starts = self.words(texts)
        k = self.k
        for lo, hi in zip(starts[:-1], starts[1:]):
            w = ids[lo:hi]
            if len(w) < k:
                yield np.empty(0, dtype=np.uint64)
                continue
            out = w[: len(w) - k + 1].copy()
            for j in range(1, k):
                out = out * self.V + w[j: len(w) - k + 1 + j]
            yield out


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    inter = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - inter
    return inter / union if union else 0.0


def _fold32(s: np.ndarray) -> np.ndarray:
    """Shingle ids folded to 32 bits, sorted and unique: MinHash's affine32 scheme takes 32-bit
    inputs (datasketch mixes them with MurmurHash3's finaliser before permuting)."""
    return np.unique(((s >> np.uint64(32)) ^ (s & np.uint64(0xFFFFFFFF))).astype(np.uint32))


def near_duplicates(articles: pd.DataFrame, *, threshold: float = 0.5, shingle: int = 3,
                    min_words: int = MIN_WORDS) -> pd.DataFrame:
    """The articles with their near-duplicates marked: reprints of one story with small edits.

    Returns a copy of ``articles`` with ``near_duplicate_of`` (the article_id of the first article
    of its cluster; NA for that first one and for articles without near-duplicates),
    ``near_duplicate_cluster`` (that first article's id for every member of a cluster of two or
    more; NA otherwise), ``near_duplicate_similarity`` (the Jaccard similarity of the copy's
    shingles with the first article's; NaN where ``near_duplicate_of`` is NA), and the flag
    "near_duplicate" added to the ``flags`` of every copy. ``tk.analyze`` analyses the first
    article of each cluster only (``near_duplicates="keep"`` analyses every copy).

    ``threshold``: the least Jaccard similarity of word ``shingle``-grams (0 < threshold <= 1;
    default 0.5). A dropped sentence, a few changed words and a credit line leave a 400-word
    article at about 0.85 and a 150-word one at about 0.7; two different stories on the same
    subject share under 0.1. ``shingle``: words per shingle (1 to 10; default 3). Texts of fewer
    than ``min_words`` words (default 20) are never flagged: one-line briefs, captions and
    scores of one template are alike without being reprints.
    The first article is the earliest published (undated ones last, ties in frame order).
    Exact copies (the loader's ``duplicate_of``) are near-duplicates too, of similarity 1.
    On 100,000 articles it takes about a minute and a few hundred MB (benchmarks/bench_attention.py).
    """
    from datasketch import MinHash, MinHashLSH  # a heavy import, only when used

    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 < threshold <= 1:
        raise InvalidOptionError("threshold", threshold, ("a number in (0, 1]",))
    if isinstance(shingle, bool) or not isinstance(shingle, (int, np.integer)) or not 1 <= shingle <= 10:
        raise InvalidOptionError("shingle", shingle, ("an int from 1 to 10",))
    if isinstance(min_words, bool) or not isinstance(min_words, (int, np.integer)) or min_words < 1:
        raise InvalidOptionError("min_words", min_words, ("a positive int",))
    for col in ("article_id", "text"):
        if col not in articles.columns:
            raise MissingColumnError(col, "articles")
    n = len(articles)
    texts = articles["text"].tolist()
    if "published" in articles.columns:
        published = pd.to_datetime(articles["published"], utc=True)
        order = np.lexsort((np.arange(n), published.isna().to_numpy(), published.fillna(pd.Timestamp(0, tz="UTC"))
                            .astype("int64").to_numpy()))
    else:
        order = np.arange(n)
    shingles = _Shingles(shingle)
    # LSH below the threshold (recall first): its candidates are then checked exactly.
    lsh = MinHashLSH(threshold=max(0.05, threshold * 0.8), num_perm=NUM_PERM, weights=(0.2, 0.8))
    permutations = MinHash(num_perm=NUM_PERM, seed=SEED).permutations  # made once, shared
    # every leader's shingles, kept for the exact check (as 32-bit folds: half the memory, and a
    # collision among a few hundred shingles of two articles is too rare to move a similarity)
    leader_sets: dict[int, np.ndarray] = {}
    leader_of = np.full(n, -1, dtype=np.int64)
    similarity = np.full(n, np.nan)
    for lo in range(0, n, CHUNK):
        chunk = order[lo: lo + CHUNK]
        for pos, s in zip(chunk, shingles.sets([texts[i] for i in chunk])):
            if not len(s) or len(s) + shingle - 1 < min_words:  # a shingle starts at every word but the last k - 1
                continue
            m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, permutations=permutations, scheme="affine32")
            s = _fold32(s)
            m.update_batch(s.tolist())
            best, best_sim = -1, 0.0
            for cand in sorted(lsh.query(m)):
                sim = _jaccard(s, leader_sets[cand])
                if sim > best_sim:  # ties: the earlier leader (candidates are in position order)
                    best, best_sim = cand, sim
            if best >= 0 and best_sim >= threshold:
                leader_of[pos], similarity[pos] = best, best_sim
            else:
                lsh.insert(int(pos), m, check_duplication=False)
                leader_sets[int(pos)] = s
    ids = articles["article_id"].astype("string").reset_index(drop=True)
    copy = leader_of >= 0
    of = pd.Series(pd.NA, index=range(n), dtype="string")
    of[copy] = ids.to_numpy()[leader_of[copy]]
    cluster = of.copy()
    leaders = np.unique(leader_of[copy])
    cluster[leaders] = ids.to_numpy()[leaders]
    out = articles.copy()
    out["near_duplicate_of"] = of.to_numpy()
    out["near_duplicate_cluster"] = cluster.to_numpy()
    out["near_duplicate_similarity"] = similarity.round(4)
    for c in ("near_duplicate_of", "near_duplicate_cluster"):
        out[c] = out[c].astype("string")
    flags = out["flags"] if "flags" in out.columns else pd.Series([[] for _ in range(n)], index=out.index)
    out["flags"] = [(_listed(f) + [FLAG] if c and FLAG not in _listed(f) else _listed(f))
                    for f, c in zip(flags, copy)]
    return out


def _listed(v) -> list:
    return list(v) if isinstance(v, (list, tuple, np.ndarray)) else []


def fold_copies(articles: pd.DataFrame, *, stacklevel: int = 2) -> pd.DataFrame:
    """``articles`` with each cluster of near-duplicates once (its first article), warning how
    many copies were left out. The frame's own ``near_duplicate_of`` column is used when it has
    one; otherwise :func:`near_duplicates` finds them (and its columns are not added)."""
    given = "near_duplicate_of" in articles.columns
    marked = articles if given else near_duplicates(articles)
    # a copy whose first article is not in the frame (left out as an exact duplicate or in another
    # language) stands for its story
    of = marked["near_duplicate_of"]
    copy = (of.notna() & of.isin(set(marked["article_id"].astype(str)))).to_numpy(dtype=bool)
    if copy.any():
        n_stories = of[copy].nunique()
        warnings.warn(f"{int(copy.sum())} near-duplicate articles (reprints of {n_stories} "
                      f"{'story' if n_stories == 1 else 'stories'} with small edits) counted once: only the first "
                      "copy of each is analysed; tk.near_duplicates(articles) lists them, and "
                      "near_duplicates='keep' analyses every copy", stacklevel=stacklevel)
    return articles[~copy]


__all__ = ["near_duplicates", "fold_copies", "COLUMNS", "FLAG"]
