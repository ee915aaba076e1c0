"""Topic quality on BBC News against baselines measured in the same run, and topic/co-occurrence speed.

Quality: normalised mutual information (NMI) between each article's main topic and its gold
category (the BBC folder: business, entertainment, politics, sport, tech), for
  toolkit k=5     - toolkit.topics(articles, k=5)            target >= 0.86
  toolkit k=None  - toolkit.topics(articles), k chosen        target >= 0.80
  NMF baseline    - TfidfVectorizer(stop_words="english") + NMF(5)     (0.81 measured elsewhere)
  LDA baseline    - CountVectorizer(stop_words="english", min_df=2) + LatentDirichletAllocation(5)  (0.62)
Speed: toolkit.topics(k=None) on 10,000 articles (BBC repeated with distinct ids), target < 30 s;
cooccurrence() of actors by sentence on 100,000 synthetic mentions, target < 2 s.

Data: $NEWS_TOOLKIT_DATA/bbc/<category>/*.txt (default data root: ../shared/data from the
repository root); first line = title, then paragraphs separated by blank lines. The BBC text is
copyright: it stays in the data folder and is never copied into the repository.

    .venv/bin/python benchmarks/bench_topics.py [--seed N]

Exits 1 when a target is missed, 2 when the data is missing.
"""
from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._data import bbc_folder  # noqa: E402


def read_bbc(folder: Path) -> pd.DataFrame:
    """article_id, title, text (paragraphs joined by blank lines), category."""
    rows = []
    for cat_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        for f in sorted(cat_dir.glob("*.txt")):
            raw = f.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:  # sport/199.txt holds one Latin-1 byte
                text = raw.decode("latin-1")
            title, _, body = text.strip().partition("\n")
            paras = [p.strip() for p in body.split("\n") if p.strip()]
            rows.append({"article_id": f"bbc-{cat_dir.name}-{f.stem}", "source": "BBC", "title": title.strip(),
                         "text": "\n\n".join(paras), "category": cat_dir.name})
    return pd.DataFrame(rows)


def main_topic(article_topics: pd.DataFrame, ids: pd.Series) -> np.ndarray:
    top = article_topics.sort_values(["article_id", "weight"], ascending=[True, False], kind="stable")
    main = top.drop_duplicates("article_id").set_index("article_id")["topic_id"]
    return main.reindex(ids).fillna("(none)").to_numpy()


def synthetic_corpus(n_mentions: int = 100_000, n_articles: int = 5000, n_actors: int = 3000, seed: int = 0):
    """Mentions with Zipf-distributed actors over 20 sentences (7 paragraphs) per article."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"a{i:05d}" for i in range(n_articles)])
    sent = rng.integers(0, 20, n_mentions)
    actor = np.char.add("P", np.minimum(rng.zipf(1.5, n_mentions), n_actors).astype(str))
    return SimpleNamespace(
        articles=pd.DataFrame({"article_id": ids, "source": "synthetic", "text": "p\n\n" * 6 + "p",
                               "published": pd.Timestamp("2024-01-01", tz="UTC")
                               + pd.to_timedelta(rng.integers(0, 365, n_articles), unit="D")}),
        mentions=pd.DataFrame({"article_id": ids[rng.integers(0, n_articles, n_mentions)], "start": 0, "end": 1,
                               "text": "x", "label": "PERSON", "actor_id": actor, "sentence": sent,
                               "paragraph": sent // 3}),
        actors=pd.DataFrame({"actor_id": [f"P{i}" for i in range(1, n_actors + 1)],
                             "name": [f"Actor {i}" for i in range(1, n_actors + 1)], "kind": "person"}),
        sentences=pd.DataFrame({"article_id": np.repeat(ids, 20), "sentence": np.tile(np.arange(20), n_articles),
                                "paragraph": np.tile(np.arange(20) // 3, n_articles), "start": 0, "end": 1}),
        article_topics=pd.DataFrame(columns=["article_id", "topic_id", "weight"]),
        paragraph_topics=pd.DataFrame(columns=["article_id", "paragraph", "topic_id", "weight"]),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    folder = bbc_folder()

    from sklearn.decomposition import NMF, LatentDirichletAllocation
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.metrics import normalized_mutual_info_score as nmi

    from toolkit.tables import cooccurrence
    from toolkit.topics import topics

    arts = read_bbc(folder)
    gold = arts["category"].to_numpy()
    docs = (arts["title"] + "\n\n" + arts["text"]).tolist()
    print(f"BBC: {len(arts)} articles in {arts['category'].nunique()} categories from {folder}")
    failures = []

    def report(name, score, seconds, target=None, note=""):
        verdict = "" if target is None else ("ok" if score >= target else "MISSED")
        tgt = f">= {target:.2f}" if target is not None else ""
        print(f"  {name:<16} NMI {score:.3f}  {tgt:<8} {verdict:<6} ({seconds:5.1f} s) {note}")
        if verdict == "MISSED":
            failures.append(name)

    print("Main topic vs gold category (NMI):")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = time.perf_counter()
        W = NMF(5, random_state=args.seed).fit_transform(TfidfVectorizer(stop_words="english").fit_transform(docs))
        report("NMF baseline k=5", nmi(gold, W.argmax(axis=1)), time.perf_counter() - t, note="(0.81 elsewhere)")
        t = time.perf_counter()
        counts = CountVectorizer(stop_words="english", min_df=2).fit_transform(docs)
        W = LatentDirichletAllocation(5, random_state=args.seed).fit_transform(counts)
        report("LDA baseline k=5", nmi(gold, W.argmax(axis=1)), time.perf_counter() - t, note="(0.62 elsewhere)")
    for k, target in ((5, 0.86), (None, 0.80)):
        t = time.perf_counter()
        res = topics(arts, k=k, seed=args.seed)
        seconds = time.perf_counter() - t
        report(f"toolkit k={k}", nmi(gold, main_topic(res.article_topics, arts["article_id"])), seconds, target,
               note=f"k={res.k}: " + " | ".join(res.topics["label"]))

    print("Speed:")
    reps = -(-10_000 // len(arts))
    big = pd.concat([arts.assign(article_id=arts["article_id"] + f"-{i}") for i in range(reps)],
                    ignore_index=True).head(10_000)
    t = time.perf_counter()
    res = topics(big, seed=args.seed)
    seconds = time.perf_counter() - t
    ok = seconds < 30
    print(f"  topics(k=None) on {len(big):,} articles: {seconds:.1f} s (target < 30 s) {'ok' if ok else 'MISSED'}"
          f"  [k={res.k}, {len(res.paragraph_topics):,} paragraph weights]")
    if not ok:
        failures.append("topics speed")

    corpus = synthetic_corpus(seed=args.seed)
    best = []
    for _ in range(3):
        t = time.perf_counter()
        edges = cooccurrence(corpus, of="actor", window="sentence")
        best.append(time.perf_counter() - t)
    seconds = min(best)
    ok = seconds < 2
    print(f"  cooccurrence(window='sentence') on {len(corpus.mentions):,} mentions: {seconds:.2f} s best of 3 "
          f"(target < 2 s) {'ok' if ok else 'MISSED'}  [{len(edges):,} edges]")
    if not ok:
        failures.append("cooccurrence speed")

    if failures:
        print("MISSED: " + ", ".join(failures))
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
