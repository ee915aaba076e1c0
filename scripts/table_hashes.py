"""Content hashes of every table of the analysed sample corpus, to prove a refactor changed nothing.

    python scripts/table_hashes.py > before.json     # on the commit before the change
    python scripts/table_hashes.py --compare before.json   # after it: exits 1 naming any table that differs

Each table is hashed by its values as text (column names, then the rows in their order), so a
change of dtype that keeps the values (``str`` vs ``string``) does not count, while any changed,
added, dropped or reordered row or column does. ``--store DIR`` hashes a store folder instead of
analysing the sample afresh.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys

import pandas as pd

TABLES = ("articles", "mentions", "actors", "quotes", "attributions", "sentences", "topics", "article_topics",
          "paragraph_topics")


def _cell(v) -> str:
    if isinstance(v, (list, tuple)) or hasattr(v, "tolist") and not isinstance(v, str):
        try:
            return json.dumps([_cell(x) for x in list(v)])
        except TypeError:
            pass
    try:
        if pd.isna(v):
            return "<NA>"
    except (TypeError, ValueError):
        pass
    if isinstance(v, float):
        return repr(round(v, 9))
    return str(v)


def table_hash(df: pd.DataFrame) -> str:
    h = hashlib.sha256()
    h.update("\x1f".join(map(str, df.columns)).encode())
    for row in df.itertuples(index=False, name=None):
        h.update(b"\x1e")
        h.update("\x1f".join(_cell(v) for v in row).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def corpus_hashes(corpus) -> dict[str, dict]:
    out = {}
    for name in TABLES:
        df = getattr(corpus, name, None)
        if df is None:
            continue
        out[name] = {"rows": int(len(df)), "sha256": table_hash(df)}
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--compare", help="a JSON file written by an earlier run: report the tables that differ")
    p.add_argument("--store", help="hash the finished corpus of this store folder instead of analysing the sample")
    p.add_argument("--n-process", type=int, default=2)
    args = p.parse_args(argv)
    import toolkit as tk

    if args.store:
        corpus = tk.open_corpus(args.store)
    else:
        corpus = tk.analyze(tk.load_sample(), n_process=args.n_process, progress=False)
    hashes = corpus_hashes(corpus)
    if not args.compare:
        json.dump(hashes, sys.stdout, indent=1, sort_keys=True)
        print()
        return 0
    with open(args.compare, encoding="utf-8") as fh:
        before = json.load(fh)
    differ = [n for n in sorted(set(before) | set(hashes)) if before.get(n) != hashes.get(n)]
    for n in sorted(hashes):
        print(f"{n:18} {hashes[n]['rows']:>7} rows  {'DIFFERS' if n in differ else 'same'}")
    if differ:
        print("tables that differ: " + ", ".join(differ), file=sys.stderr)
        return 1
    print("every table identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
