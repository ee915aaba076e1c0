"""Whose voices: people and sources by gender (``actors.gender``, ``tk.sources``) against the blind
statement gold (tests/gold/quotes_gold.jsonl: per article, every person named with the gender the
text gives them, and every statement's canonical speaker; dev and validation) and statement
development sets 2 to 6 (tests/gold/quotes_dev2.jsonl, quotes_dev3.jsonl, quotes_dev6.jsonl: BBC and
PolNeAR train articles; quotes_dev4.jsonl, quotes_dev5.jsonl: Global Voices and Wikinews sample articles), side by side, next to the name list alone (the first name's gender, nothing else) as a baseline.

The metric is the Gender Gap Tracker's: per article, the set of names of each gender, matched one to
one (names agree when equal up to case and accents, or when one's last word is a word of the
other: annotators keep the fullest name, the toolkit sometimes a surname), summed over articles.

- people: every person actor mentioned or quoted in the article (the gold's ``people``);
- sources: person actors who speak at least one statement there (the gold's canonical speakers of
  ``act == "statement"`` rows whose ``speaker_type`` is person), with the gender of ``people``;
- ``gender%``: of the gold people the toolkit found (any gender), the share given the gold's gender
  (unknown when the gold says unknown), which isolates the gender step from finding people.

The gold articles are analysed as one corpus of their own (gender votes come from them only). The
validation split is only scored: ``--errors`` lists dev mismatches, never validation ones.

    .venv/bin/python benchmarks/bench_voices.py [--cache DIR] [--errors]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._data import data_root  # noqa: E402
from benchmarks.bench_quotes import DEV2, DEV3, DEV4, DEV5, DEV6, SPLITS, _norm, load_statement_gold, parse  # noqa: E402


def load_gold(root):
    """The statement gold (dev, validation) and statement development sets 2 to 6 (splits "dev2",
    "dev3", "dev6": BBC and PolNeAR train articles, texts from the data folder; "dev4", "dev5": sample
    articles), each text checked against its SHA-1."""
    gold = load_statement_gold(root)
    for path in (DEV2, DEV3, DEV4, DEV5, DEV6):
        gold += load_statement_gold(root, path)
    return gold


GENDERS = ("female", "male")


def analyse_corpus(docs, ids):
    """The toolkit's corpus over parsed Docs (per-article step, then ``analysis.finish``)."""
    import pandas as pd

    from toolkit.analysis import finish
    from toolkit.pipeline import doc_tables, frames

    parts = [doc_tables(doc, aid, quotes=True, aliases=None) for doc, aid in zip(docs, ids)]
    tables = frames(parts)
    arts = pd.DataFrame({"article_id": pd.Series(ids, dtype="string"),
                         "text": pd.Series([d.text for d in docs], dtype="string")})
    return finish(arts, list(zip(ids, (d.text for d in docs))), tables, quotes=True, topics=False, k=None,
                  lexicon=None, seed=0)


def predicted(corpus, ids):
    """Per article: (people {name: gender}, sources {name: gender}) of the toolkit, and the same
    with the name list's gender only."""
    from toolkit.actors.gender import first_name_gender
    from toolkit.tables import person_articles

    pa = person_articles(corpus)
    out = {aid: ({}, {}, {}, {}) for aid in ids}
    for r in pa.itertuples(index=False):
        people, srcs, base_people, base_srcs = out[r.article_id]
        base = first_name_gender(r.name) or "unknown"
        people[r.name] = r.gender
        base_people[r.name] = base
        if r.quoted:
            srcs[r.name] = r.gender
            base_srcs[r.name] = base
    return out


def gold_sets(g):
    people = {p["name"]: p["gender"] for p in g["people"]}
    srcs = {}
    for a in g["attributions"]:
        if a.get("act") == "statement" and a.get("speaker_type") == "person" and a.get("speaker"):
            srcs[a["speaker"]] = people.get(a["speaker"], "unknown")
    return people, srcs


def _words(s):
    return [w.strip(".,:;'") for w in _norm(s).replace("'s", "").split()]


def agree(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and (wa == wb or wa[-1] in wb or wb[-1] in wa)


def match(pred: list[str], gold: list[str]) -> list[tuple[str, str]]:
    """One-to-one matches: exact names first, then agreeing ones, in order."""
    pairs, used_p, used_g = [], set(), set()
    for exact in (True, False):
        for g in gold:
            if g in used_g:
                continue
            for p in pred:
                if p in used_p:
                    continue
                if (_norm(p) == _norm(g)) if exact else agree(p, g):
                    pairs.append((p, g))
                    used_p.add(p)
                    used_g.add(g)
                    break
    return pairs


def score(pairs_of_sets) -> dict:
    """P/R/F1 per gender and for any gender, and gender% on the people found, summed over articles."""
    tot = {k: [0, 0, 0] for k in (*GENDERS, "any")}
    right = found = 0
    for pred, gold in pairs_of_sets:
        for g in GENDERS:
            p = [n for n, x in pred.items() if x == g]
            gg = [n for n, x in gold.items() if x == g]
            tp = len(match(p, gg))
            tot[g][0] += tp
            tot[g][1] += len(p)
            tot[g][2] += len(gg)
        pairs = match(list(pred), list(gold))
        tot["any"][0] += len(pairs)
        tot["any"][1] += len(pred)
        tot["any"][2] += len(gold)
        found += len(pairs)
        right += sum(pred[p] == gold[g] for p, g in pairs)
    out = {}
    for k, (tp, np_, ng) in tot.items():
        p = 100 * tp / np_ if np_ else 0.0
        r = 100 * tp / ng if ng else 0.0
        out[k] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, ng)
    out["gender%"] = 100 * right / found if found else 0.0
    return out


def print_rows(title, rows):
    print(f"\n{title}")
    head = f"{'system':<10} {'split':<16}" + "".join(f"{k + ' P/R/F1 (n)':>26}" for k in (*GENDERS, "any")) + \
        f"{'gender%':>9}"
    print(head)
    for system, split, s in rows:
        cells = "".join(f"{s[k][0]:7.1f}{s[k][1]:6.1f}{s[k][2]:6.1f} ({s[k][3]:3d})" for k in (*GENDERS, "any"))
        print(f"{system:<10} {split:<16}{cells}{s['gender%']:8.1f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", default=str(ROOT / "benchmarks" / "out"), help="folder for parsed Docs")
    ap.add_argument("--errors", action="store_true", help="list dev mismatches (never validation)")
    args = ap.parse_args(argv)
    gold = load_gold(data_root())
    ids = [g["id"] for g in gold]
    docs, _ = parse([g["text"] for g in gold], "voices_gold", args.cache)
    corpus = analyse_corpus(docs, ids)
    pred = predicted(corpus, ids)
    for what, k in (("Sources (people quoted in statements)", 1), ("People (mentioned or quoted)", 0)):
        rows = []
        for split in SPLITS:
            idx = [i for i, g in enumerate(gold) if g["split"] == split]
            for system, off in (("toolkit", 0), ("name list", 2)):
                pairs = [(pred[ids[i]][k + off], gold_sets(gold[i])[k]) for i in idx]
                rows.append((system, f"{split} ({len(idx)})", score(pairs)))
        print_rows(f"{what}, {len(gold)} gold articles: P / R / F1 (gold count)", rows)
    if args.errors:
        actors = corpus.actors.set_index("name")
        for i, g in enumerate(gold):
            if g["split"] == "validation":
                continue  # validation is only scored
            people, _ = gold_sets(g)
            pp = pred[ids[i]][0]
            lines = []
            for p, gname in match(list(pp), list(people)):
                if pp[p] != people[gname]:
                    ev = actors["gender_evidence"].get(p, "")
                    lines.append(f"  {gname!r} gold {people[gname]}, toolkit {p!r} {pp[p]} ({ev})")
            if lines:
                print(f"\n## {g['doc']}")
                print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
