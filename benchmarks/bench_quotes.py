"""Quote and attribution extraction quality on PolNeAR dev, next to textacy's direct quotations.

Scoring follows the Gender Gap Tracker evaluation: a prediction matches a gold attribution when
it covers more than 30% (lenient) or 80% (strict) of the gold content's characters, with greedy
one-to-one matching (largest coverage first). The speaker of a matched pair is right when the
predicted and gold speaker spans overlap or the names agree (case-insensitive; one containing
the other's last token is enough). "direct" = gold content that begins or ends at a quotation
mark, scored against predicted rows of kind "direct" and mixed rows that begin or end at a
quote mark.

PolNeAR annotates one attribution per cue, with discontinuous content ("“A,” he said. “B.”"):
predicted rows sharing a cue span are scored as one attribution, for both systems.

Data: $NEWS_TOOLKIT_DATA/polnear/gold_dev.jsonl (default data root: ../shared/data from the
repository root). ``--train`` scores the PolNeAR train split from its BRAT files instead (for
developing rules without looking at dev).

    .venv/bin/python benchmarks/bench_quotes.py [--limit N] [--train] [--no-textacy] [--cache DIR]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._data import data_root  # noqa: E402

QUOTE_CHARS = "\"'“”‘’«»„`"


def load_dev(root: Path) -> list[dict]:
    path = root / "polnear" / "gold_dev.jsonl"
    if not path.exists():
        sys.exit(f"PolNeAR dev gold not found at {path}.\nPut the data under "
                 f"<data root>/polnear/gold_dev.jsonl and set NEWS_TOOLKIT_DATA=<data root> "
                 f"(default {ROOT.parent / 'shared' / 'data'}).")
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_brat_split(root: Path, split: str) -> list[dict]:
    """PolNeAR text + BRAT attributions as rows shaped like gold_dev.jsonl."""
    base = root / "polnear" / "data" / split
    if not (base / "text").is_dir():
        sys.exit(f"PolNeAR {split} split not found at {base}: put PolNeAR's data/{split} "
                 f"folder there or set NEWS_TOOLKIT_DATA.")
    rows = []
    for txt in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        spans, events = {}, []
        for line in anns[0].read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            if line.startswith("T"):
                label, _, rng = parts[1].partition(" ")
                spans[parts[0]] = (label, sorted(tuple(map(int, r.split())) for r in rng.split(";")))
            elif line.startswith("E"):
                events.append(dict(x.split(":", 1) for x in parts[1].split() if ":" in x))
        quotes = []
        for e in events:
            content = spans.get(e.get("Content"))
            if not content or content[0] != "Content":
                continue
            src, cue = spans.get(e.get("Source")), spans.get(e.get("Cue"))
            cs = content[1]
            q = {"spans": cs, "start": cs[0][0], "end": cs[-1][1],
                 "speaker_start": src[1][0][0] if src else None,
                 "speaker_end": src[1][-1][1] if src else None}
            q["speaker"] = q["speaker_surface"] = (
                text[q["speaker_start"]:q["speaker_end"]] if src else None)
            q["cue"] = text[cue[1][0][0]:cue[1][-1][1]] if cue else None
            quotes.append(q)
        rows.append({"id": txt.stem, "text": text, "quotes": quotes})
    return rows


# ---------------------------------------------------------------------------- scoring
def _merge(spans):
    out = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


def _overlap(xs, ys) -> int:
    i = j = total = 0
    while i < len(xs) and j < len(ys):
        a, b = max(xs[i][0], ys[j][0]), min(xs[i][1], ys[j][1])
        if b > a:
            total += b - a
        if xs[i][1] < ys[j][1]:
            i += 1
        else:
            j += 1
    return total


def _last_token(s: str) -> str:
    toks = s.lower().replace("’s", "").replace("'s", "").split()
    return toks[-1].strip(".,:;") if toks else ""


def _names_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    a, b = a.lower().strip(), b.lower().strip()
    return a == b or (_last_token(b) and _last_token(b) in a.split()) or (
        _last_token(a) and _last_token(a) in b.split())


def speaker_ok(pred: dict, gold: dict) -> bool:
    gs, ge = gold.get("speaker_start"), gold.get("speaker_end")
    ps, pe = pred.get("speaker_start"), pred.get("speaker_end")
    if gs is None:
        return ps is None
    if ps is not None and ps < ge and gs < pe:
        return True
    return any(_names_agree(p, g) for p in (pred.get("speaker_name"), pred.get("speaker_text"))
               for g in (gold.get("speaker"), gold.get("speaker_surface")))


def group_by_cue(rows: list[dict]) -> list[dict]:
    """Rows sharing a cue span are one attribution with discontinuous content."""
    groups, by_cue = [], {}
    for r in rows:
        key = (r.get("cue_start"), r.get("cue_end"))
        if key[0] is not None and key in by_cue:
            by_cue[key]["spans"].append((r["start"], r["end"]))
            continue
        g = dict(r, spans=[(r["start"], r["end"])])
        groups.append(g)
        if key[0] is not None:
            by_cue[key] = g
    for g in groups:
        g["spans"] = _merge(g["spans"])
    return groups


def match(preds: list[dict], golds: list[dict]) -> list[tuple[float, dict, dict]]:
    """Greedy one-to-one matching by coverage of the gold content."""
    pairs = []
    for gi, g in enumerate(golds):
        gsp = _merge(g["spans"])
        glen = sum(b - a for a, b in gsp) or 1
        for pi, p in enumerate(preds):
            ov = _overlap(p["spans"], gsp)
            if ov:
                pairs.append((ov / glen, gi, pi))
    pairs.sort(key=lambda x: -x[0])
    used_g, used_p, out = set(), set(), []
    for cov, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((cov, preds[pi], golds[gi]))
    return out


def is_direct_gold(text: str, q: dict) -> bool:
    return text[q["start"]:q["start"] + 1] in QUOTE_CHARS or text[q["end"] - 1:q["end"]] in QUOTE_CHARS


def is_direct_pred(text: str, r: dict) -> bool:
    """Direct rows, and mixed rows that begin or end at a quote mark (as for the gold)."""
    return r["kind"] == "direct" or (r["kind"] == "mixed" and is_direct_gold(text, r))


class Score:
    def __init__(self):
        self.n_pred = self.n_gold = self.tp_l = self.tp_s = self.spk_ok = 0

    def add(self, preds, golds):
        self.n_pred += len(preds)
        self.n_gold += len(golds)
        for cov, p, g in match(preds, golds):
            if cov > 0.3:
                self.tp_l += 1
                self.spk_ok += speaker_ok(p, g)
            if cov > 0.8:
                self.tp_s += 1

    @staticmethod
    def prf(tp, n_pred, n_gold):
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def row(self):
        pl, rl, fl = self.prf(self.tp_l, self.n_pred, self.n_gold)
        ps, rs, fs = self.prf(self.tp_s, self.n_pred, self.n_gold)
        acc = self.spk_ok / self.tp_l if self.tp_l else 0.0
        return [100 * x for x in (pl, rl, fl, ps, rs, fs, acc)] + [self.n_pred, self.n_gold]


TEXTACY_BAILED: list[int] = []


def textacy_rows(doc) -> list[dict]:
    import textacy.extract.triples as triples

    rows = []
    try:
        triples_found = list(triples.direct_quotations(doc))
    except ValueError:
        # textacy bails out on an odd number of quote marks: it finds nothing in that text
        TEXTACY_BAILED.append(1)
        return rows
    for sp, cue, content in triples_found:
        start, end = content.start_char, content.end_char
        # textacy's content keeps its quote marks; ours does not: strip them for a fair count
        text = doc.text
        while start < end and text[start] in QUOTE_CHARS:
            start += 1
        while end > start and text[end - 1] in QUOTE_CHARS:
            end -= 1
        rows.append({
            "kind": "direct", "start": start, "end": end,
            "speaker_text": " ".join(t.text for t in sp) if sp else None,
            "speaker_start": sp[0].idx if sp else None,
            "speaker_end": sp[-1].idx + len(sp[-1].text) if sp else None,
            "speaker_name": None,
            "cue_start": cue[0].idx if cue else None,
            "cue_end": cue[-1].idx + len(cue[-1].text) if cue else None,
        })
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="score the first N articles only")
    ap.add_argument("--train", action="store_true", help="score PolNeAR train instead of dev")
    ap.add_argument("--no-textacy", action="store_true", help="skip the textacy baseline")
    ap.add_argument("--cache", help="folder to keep parsed Docs in between runs (DocBin)")
    ap.add_argument("--dump", help="write predictions and gold per article to this JSONL file")
    args = ap.parse_args(argv)

    root = data_root()
    articles = load_brat_split(root, "train") if args.train else load_dev(root)
    if args.limit:
        articles = articles[: args.limit]

    from toolkit.quotes import extract_quotes
    from spacy.tokens import DocBin

    from toolkit import load_model

    nlp = load_model()
    texts = [a["text"] for a in articles]
    t0 = time.perf_counter()
    cache = Path(args.cache) / f"{'train' if args.train else 'dev'}_{len(texts)}.spacy" \
        if args.cache else None
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(texts, batch_size=16, n_process=1))
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=docs).to_disk(cache)
    t_nlp = time.perf_counter() - t0

    t0 = time.perf_counter()
    ours = [extract_quotes(d) for d in docs]
    t_ours = time.perf_counter() - t0

    systems = {"toolkit.quotes": ours}
    if not args.no_textacy:
        systems["textacy direct_quotations"] = [textacy_rows(d) for d in docs]

    scores = {}
    for name, per_doc in systems.items():
        s_all, s_dir = Score(), Score()
        for art, rows in zip(articles, per_doc):
            golds = [dict(q, spans=q.get("spans") or [[q["start"], q["end"]]]) for q in art["quotes"]]
            s_all.add(group_by_cue(rows), golds)
            s_dir.add(group_by_cue([r for r in rows if is_direct_pred(art["text"], r)]),
                      [g for g in golds if is_direct_gold(art["text"], g)])
        scores[name] = (s_all, s_dir)

    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for art, rows in zip(articles, ours):
                fh.write(json.dumps({"id": art["id"], "pred": rows, "gold": art["quotes"]}) + "\n")

    split = "train" if args.train else "dev"
    print(f"PolNeAR {split}: {len(articles)} articles, "
          f"{sum(len(a['quotes']) for a in articles)} gold attributions")
    head = (f"{'system':27s} {'subset':7s} {'P.len':>6s} {'R.len':>6s} {'F1.len':>6s} "
            f"{'P.str':>6s} {'R.str':>6s} {'F1.str':>6s} {'spk%':>6s} {'pred':>6s} {'gold':>6s}")
    print(head)
    print("-" * len(head))
    for name, (s_all, s_dir) in scores.items():
        for subset, s in (("all", s_all), ("direct", s_dir)):
            vals = s.row()
            print(f"{name:27s} {subset:7s} " + " ".join(f"{v:6.1f}" for v in vals[:7])
                  + f" {vals[7]:6d} {vals[8]:6d}")
    if not args.no_textacy:
        print(f"\ntextacy gave up on {len(TEXTACY_BAILED)} of {len(docs)} texts "
              f"(odd number of quote marks)")
    print(f"spaCy pass {t_nlp:.1f} s{' (cached)' if cache is not None and t_nlp < 5 else ''}; "
          f"extract_quotes {t_ours:.2f} s "
          f"({100 * t_ours / max(t_nlp, 1e-9):.1f}% of the spaCy pass)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
