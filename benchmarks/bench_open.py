"""Opening an analysed store of about 10,000 articles: target under 1 s.

    python benchmarks/bench_open.py [--store results/sample] [--reps 18]

Builds a ~10,000-article store by repeating the analysed sample corpus (`make sample-store`) with
distinct ids, then times `tk.open_corpus` (lazy: the manifest only), `tk.open_corpus(lazy=False)`
(every table, checksums checked, list columns restored) against plainly reading the same Parquet
files with pandas in the same run, and one `corpus.sql` aggregation over the files in place.
Exit 1 if the target (opening under 1 s, eagerly too) is missed.
"""
import argparse
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

import toolkit as tk
from toolkit import store
from toolkit.schema import CORPUS_TABLES



def repeat(df: pd.DataFrame, reps: int) -> pd.DataFrame:
    parts = []
    for i in range(reps):
        d = df.copy()
        for col in ("article_id", "quote_id"):
            if col in d:
                d[col] = d[col] + f"-r{i}"
        parts.append(d)
    return pd.concat(parts, ignore_index=True)


def best(fn, n=3) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", default="results/sample")
    ap.add_argument("--reps", type=int, default=18)
    args = ap.parse_args()
    if not (Path(args.store) / "corpus" / "corpus.json").is_file():
        sys.exit(f"no analysed store at {args.store}: run `make sample-store` first")
    c = tk.open_corpus(args.store)
    per_article = ("articles", "mentions", "quotes", "sentences", "article_topics", "paragraph_topics")
    big = tk.Corpus(**{n: repeat(getattr(c, n), args.reps) if n in per_article else getattr(c, n)
                       for n in CORPUS_TABLES})
    with tempfile.TemporaryDirectory() as d:
        big.save(d)
        lazy = best(lambda: tk.open_corpus(d))
        opened = best(lambda: tk.open_corpus(d, lazy=False))
        folder = store.current_folder(d)  # the version the pointer names
        plain = best(lambda: [pd.read_parquet(folder / f"{n}.parquet") for n in CORPUS_TABLES])
        query = "select source, count(*) as n from articles join quotes using (article_id) group by source"
        sql = best(lambda: tk.open_corpus(d).sql(query))
    ok = opened < 1.0 and lazy < 1.0
    print(f"store of {len(big.articles):,} articles, {len(big.mentions):,} mentions, {len(big.quotes):,} quotes")
    print(f"tk.open_corpus (lazy) {lazy:.4f} s; tk.open_corpus(lazy=False) {opened:.3f} s; plain pd.read_parquet "
          f"of the same files {plain:.3f} s (ratio {opened / plain:.2f}); open + corpus.sql quotes per source "
          f"{sql:.3f} s; target < 1 s: {'PASS' if ok else 'MISS'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
