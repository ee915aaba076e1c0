"""Statements and attributions: the toolkit's ``corpus.quotes`` and ``corpus.attributions`` against
the blind statement gold (tests/gold/quotes_gold.jsonl, dev and validation, and development sets 2
to 6, tests/gold/quotes_dev2.jsonl, quotes_dev3.jsonl and quotes_dev6.jsonl, BBC and PolNeAR train,
quotes_dev4.jsonl, Global Voices and Wikinews sample articles, and quotes_dev5.jsonl, Global Voices,
side by side) and
PolNeAR dev, next to textacy's direct quotations; and the cost of the quote step on top of spaCy.

Scoring follows the Gender Gap Tracker evaluation: a prediction matches a gold attribution when
it covers more than 30% (lenient) or 80% (strict) of the gold content's characters, with greedy
one-to-one matching (largest coverage first). Pieces of one attribution (the gold's ``group``; the
predicted rows sharing a cue span, for every system) are scored as one attribution with
discontinuous content.

- statements: ``corpus.quotes`` (statements only) against the gold's ``act == "statement"`` rows;
  ``spk%`` = speaker mention right on matched statements (spans overlap, or the names agree: one
  contains the other's last word); ``name%`` = canonical speaker right (the corpus's ``speaker``
  equals the gold's canonical name up to case and accents, or the gold is a word of it, as
  annotators keep surnames; an unnamed gold source and an NA speaker agree);
- ``act%``: ``corpus.attributions`` against every gold attribution, the share of matched ones whose
  ``act`` is the gold's;
- PolNeAR dev: ``corpus.attributions`` (every act) against PolNeAR's attributions (beliefs and
  intentions included); ``--train`` scores the PolNeAR train split from its BRAT files instead.

The validation split is only scored: ``--errors`` lists dev (or dev2 to dev6) mismatches and never
validation ones.
Exits 1 when a target is missed (statements lenient F1 >= 85, strict >= 78, speaker >= 90%,
canonical name >= 85% on dev and validation; PolNeAR attributions lenient F1 >= 70; quote step
<= 15% of the spaCy pass).

    .venv/bin/python benchmarks/bench_quotes.py [--cache DIR] [--no-textacy] [--train] [--limit N]
                                                [--errors {dev,dev2,...,dev6,train}] [--only gold|polnear]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._data import data_root  # noqa: E402

QUOTE_CHARS = "\"'“”‘’«»„`"
GOLD = ROOT / "tests" / "gold" / "quotes_gold.jsonl"
DEV2 = ROOT / "tests" / "gold" / "quotes_dev2.jsonl"
DEV3 = ROOT / "tests" / "gold" / "quotes_dev3.jsonl"
DEV4 = ROOT / "tests" / "gold" / "quotes_dev4.jsonl"
DEV5 = ROOT / "tests" / "gold" / "quotes_dev5.jsonl"
DEV6 = ROOT / "tests" / "gold" / "quotes_dev6.jsonl"
SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "validation")
TARGETS = {"F1.len": 85.0, "F1.str": 78.0, "spk%": 90.0, "name%": 85.0}
POLNEAR_TARGET = 70.0
SPEED_TARGET = 15.0


# ---------------------------------------------------------------------------- data
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


def load_statement_gold(root: Path, path: Path = GOLD) -> list[dict]:
    """The statement gold's articles with their texts: sample texts from ``tk.load_sample()``,
    PolNeAR texts from the data folder; each text checked against its ``text_sha1``."""
    import toolkit as tk

    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    sample = None
    out = []
    for r in rows:
        src, _, ref = r["doc"].partition(":")
        if src == "sample":
            if sample is None:
                sample = tk.load_sample().set_index("article_id")["text"]
            text = str(sample[ref])
        elif src == "bbc":
            from benchmarks._actor_gold import raw_text

            text = raw_text(r["doc"], root)
        else:
            split, _, stem = ref.partition("/")
            text = (root / "polnear" / "data" / split / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != r["text_sha1"]:
            sys.exit(f"{r['doc']}: the text changed since the gold was annotated (SHA-1 differs)")
        out.append(dict(r, text=text, id=r["doc"]))
    return out


def gold_groups(atts: list[dict]) -> list[dict]:
    """Gold attributions with the pieces of one ``group`` joined into one."""
    out, by_group = [], {}
    for a in atts:
        g = a.get("group")
        if g is not None and g in by_group:
            by_group[g]["spans"].append([a["start"], a["end"]])
            continue
        row = dict(a, spans=[[a["start"], a["end"]]])
        out.append(row)
        if g is not None:
            by_group[g] = row
    return out


# ---------------------------------------------------------------------------- analysis
def parse(texts: list[str], name: str, cache: str | None):
    """Parsed Docs (the toolkit's pipeline, long texts in segments) and the spaCy seconds, cached
    as a DocBin with the seconds beside it."""
    from spacy.tokens import DocBin

    from toolkit.pipeline import docs as pipe_docs, nlp_for

    nlp = nlp_for(None, quotes=True)
    key = hashlib.sha1("\0".join(texts).encode("utf-8", "surrogatepass")).hexdigest()[:10]
    path = Path(cache) / f"{name}_{len(texts)}_{key}.spacy" if cache else None
    if path is not None and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        return docs, json.loads(path.with_suffix(".json").read_text())["seconds"]
    t0 = time.perf_counter()
    docs = [d for d, _ in pipe_docs(nlp, [(str(i), t) for i, t in enumerate(texts)], batch_size=16)]
    seconds = time.perf_counter() - t0
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=False).to_disk(path)
        path.with_suffix(".json").write_text(json.dumps({"seconds": seconds}))
    return docs, seconds


def analyse(docs, ids: list[str]):
    """The toolkit's corpus over parsed Docs: (attributions rows per article, quotes rows per
    article, seconds of the quote step). Runs the per-article step and ``analysis.finish``."""
    import pandas as pd

    from toolkit.analysis import finish
    from toolkit.pipeline import doc_tables, frames
    from toolkit.quotes import extract_quotes

    t_quotes = 0.0
    parts = []
    for doc, aid in zip(docs, ids):
        part = doc_tables(doc, aid, quotes=False, aliases=None)
        mentions = part["mentions"]
        t0 = time.perf_counter()
        qs = extract_quotes(doc, mentions=mentions)
        t_quotes += time.perf_counter() - t0
        part["quotes"] = [dict(q, article_id=aid) for q in qs]
        parts.append(part)
    tables = frames(parts)
    arts = pd.DataFrame({"article_id": pd.Series(ids, dtype="string"),
                         "text": pd.Series([d.text for d in docs], dtype="string")})
    corpus = finish(arts, list(zip(ids, (d.text for d in docs))), tables, quotes=True, topics=False, k=None,
                    lexicon=None, seed=0)
    per = {}
    for name in ("attributions", "quotes"):
        df = getattr(corpus, name)
        rows = df.astype(object).where(df.notna(), None).to_dict("records")
        grouped = {aid: [] for aid in ids}
        for r in rows:
            grouped[r["article_id"]].append(r)
        per[name] = [grouped[aid] for aid in ids]
    return per["attributions"], per["quotes"], t_quotes


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


def _norm(s) -> str:
    s = unicodedata.normalize("NFKD", str(s))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")
    return " ".join(s.replace(".", " ").split()).lstrip("@")


def canonical_ok(pred, gold) -> bool:
    """The predicted canonical speaker against the gold's: equal up to case, accents, middle
    initials and a leading "The" (actor names drop it: "The Hill" is "Hill"), or the gold is one word of the predicted name (annotators keep surnames and first names), a handle
    with or without its "@"; an unnamed gold source and no predicted speaker agree."""
    if not gold:
        return not pred
    if not pred:
        return False
    p, g = (_without_initials(re.sub(r"^the ", "", _norm(x))) for x in (pred, gold))
    return p == g or (" " not in g and g in p.split())


def _without_initials(name: str) -> str:
    """"james b comey" -> "james comey": a middle initial is no other name."""
    words = name.split()
    return " ".join([words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]) if len(words) > 2 else name


def speaker_ok(pred: dict, gold: dict) -> bool:
    """The speaker mention: spans overlap, or the names agree (the mention as written, or the name
    the toolkit resolved it to: a pronoun resolved to the right person is right); without a gold
    span (a floating quote), the canonical names."""
    gs, ge = gold.get("speaker_start"), gold.get("speaker_end")
    ps, pe = pred.get("speaker_start"), pred.get("speaker_end")
    if gs is None:
        if gold.get("speaker") and "speaker_type" in gold:
            return canonical_ok(pred.get("speaker") or pred.get("speaker_name"), gold.get("speaker")) or \
                _names_agree(pred.get("speaker_text"), gold.get("speaker"))
        return ps is None
    if ps is not None and ps < ge and gs < pe:
        return True
    return any(_names_agree(p, g) for p in (pred.get("speaker_name"), pred.get("speaker_text"), pred.get("speaker"))
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
        self.n_pred = self.n_gold = self.tp_l = self.tp_s = self.spk_ok = self.name_ok = 0
        self.act_ok = self.act_n = 0
        self.names = False

    def add(self, preds, golds, *, names=False, acts=False):
        self.n_pred += len(preds)
        self.n_gold += len(golds)
        for cov, p, g in match(preds, golds):
            if cov > 0.3:
                self.tp_l += 1
                self.spk_ok += speaker_ok(p, g)
                if names:
                    self.names = True
                    self.name_ok += canonical_ok(p.get("speaker"), g.get("speaker"))
                if acts:
                    self.act_n += 1
                    self.act_ok += p.get("act") == g.get("act")
            if cov > 0.8:
                self.tp_s += 1

    @staticmethod
    def prf(tp, n_pred, n_gold):
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def figures(self) -> dict:
        pl, rl, fl = self.prf(self.tp_l, self.n_pred, self.n_gold)
        ps, rs, fs = self.prf(self.tp_s, self.n_pred, self.n_gold)
        acc = self.spk_ok / self.tp_l if self.tp_l else 0.0
        name = self.name_ok / self.tp_l if self.tp_l else 0.0
        out = {"P.len": 100 * pl, "R.len": 100 * rl, "F1.len": 100 * fl, "P.str": 100 * ps, "R.str": 100 * rs,
               "F1.str": 100 * fs, "spk%": 100 * acc, "pred": self.n_pred, "gold": self.n_gold}
        if self.names:
            out["name%"] = 100 * name
        return out

    def row(self):
        f = self.figures()
        return [f[k] for k in ("P.len", "R.len", "F1.len", "P.str", "R.str", "F1.str", "spk%")] + \
            [self.n_pred, self.n_gold]


def score_statements(articles, quotes_rows, attribution_rows=None) -> dict:
    """Statements (and, with attribution rows, act accuracy) on statement-gold articles."""
    s, a = Score(), Score()
    for art, rows in zip(articles, quotes_rows):
        golds = gold_groups([g for g in art["attributions"] if g["act"] == "statement"])
        s.add(group_by_cue(rows), golds, names=True)
    f = s.figures()
    if attribution_rows is not None:
        for art, rows in zip(articles, attribution_rows):
            a.add(group_by_cue(rows), gold_groups(art["attributions"]), acts=True)
        f["act%"] = 100 * a.act_ok / a.act_n if a.act_n else 0.0
    return f


def statement_errors(art, rows, attributions) -> list[str]:
    """Readable mismatches of one dev article: missed and spurious statements, wrong speakers."""
    text = art["text"]
    golds = gold_groups([g for g in art["attributions"] if g["act"] == "statement"])
    preds = group_by_cue(rows)
    out = []
    matched = match(preds, golds)
    mg = {id(g) for c, _, g in matched if c > 0.3}
    mp = {id(p) for c, p, _ in matched if c > 0.3}
    acts = {(r["start"], r["end"]): r.get("act") for r in attributions}
    for g in golds:
        if id(g) not in mg:
            out.append(f"MISS  [{g['kind']}] {g['speaker']!r} {text[g['start']:g['end']][:160]!r}")
    for p in preds:
        if id(p) not in mp:
            out.append(f"EXTRA [{p['kind']}] {p.get('speaker_text')!r} cue={p.get('cue')!r} "
                       f"{text[p['start']:p['end']][:160]!r}")
    for cov, p, g in matched:
        if cov <= 0.3:
            continue
        if not speaker_ok(p, g) or not canonical_ok(p.get("speaker"), g.get("speaker")):
            out.append(f"SPK   gold={g['speaker']!r} pred={p.get('speaker')!r} text={p.get('speaker_text')!r} "
                       f"cue={p.get('cue')!r} {text[p['start']:p['end']][:90]!r}")
        elif cov <= 0.8:
            out.append(f"SPAN  cov={cov:.2f} gold={text[g['start']:g['end']][:90]!r} "
                       f"pred={text[p['start']:p['end']][:90]!r}")
    _ = acts
    return out


# ---------------------------------------------------------------------------- textacy
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
        spk = " ".join(t.text for t in sp) if sp else None
        rows.append({
            "kind": "direct", "start": start, "end": end, "act": "statement",
            "speaker_text": spk, "speaker": spk,
            "speaker_start": sp[0].idx if sp else None,
            "speaker_end": sp[-1].idx + len(sp[-1].text) if sp else None,
            "speaker_name": None,
            "cue_start": cue[0].idx if cue else None,
            "cue_end": cue[-1].idx + len(cue[-1].text) if cue else None,
        })
    return rows


# ---------------------------------------------------------------------------- report
COLS = ("P.len", "R.len", "F1.len", "P.str", "R.str", "F1.str", "spk%", "name%", "act%")


def print_table(title: str, rows: list[tuple[str, str, dict]]) -> None:
    print(f"\n{title}")
    head = f"{'system':18s} {'set':11s} " + " ".join(f"{c:>6s}" for c in COLS) + f" {'pred':>5s} {'gold':>5s}"
    print(head)
    print("-" * len(head))
    for system, subset, f in rows:
        vals = " ".join(f"{f[c]:6.1f}" if c in f else f"{'':6s}" for c in COLS)
        print(f"{system:18s} {subset:11s} {vals} {f['pred']:5d} {f['gold']:5d}")


def run_gold(args, root) -> tuple[list[str], float, float]:
    gold = [g for path in (GOLD, DEV2, DEV3, DEV4, DEV5, DEV6) for g in load_statement_gold(root, path)]
    if args.limit:
        gold = gold[: args.limit]
    docs, t_nlp = parse([g["text"] for g in gold], "statement_gold", args.cache)
    atts, quotes, t_q = analyse(docs, [g["id"] for g in gold])
    rows, missed = [], []
    tx = [textacy_rows(d) for d in docs] if not args.no_textacy else None
    for split in SPLITS:
        idx = [i for i, g in enumerate(gold) if g["split"] == split]
        if not idx:
            continue
        f = score_statements([gold[i] for i in idx], [quotes[i] for i in idx], [atts[i] for i in idx])
        rows.append(("toolkit", split, f))
        if split in ("dev", "validation"):  # the targets are the gold's; dev2 to dev6 are development data only
            missed += [f"statements {split} {k} {f[k]:.1f} < {t}" for k, t in TARGETS.items() if f[k] < t]
        if tx is not None:
            rows.append(("textacy", split, score_statements([gold[i] for i in idx], [tx[i] for i in idx])))
        if args.by_source:
            def family(i):
                return "PolNeAR" if gold[i]["source"].startswith("PolNeAR") else gold[i]["source"]

            for src in sorted({family(i) for i in idx}):
                sub = [i for i in idx if family(i) == src]
                rows.append((f"  {src[:16]}", split, score_statements([gold[i] for i in sub], [quotes[i] for i in sub],
                                                                    [atts[i] for i in sub])))
    print_table(f"Statements ({len(gold)} gold articles; corpus.quotes; act% on corpus.attributions)", rows)
    if args.errors in SPLITS[:-1]:
        for i, g in enumerate(gold):
            if g["split"] != args.errors:
                continue  # validation is only scored
            errs = statement_errors(g, quotes[i], atts[i])
            if errs:
                print(f"\n## {g['doc']}")
                print("\n".join(errs))
    return missed, t_nlp, t_q


def run_polnear(args, root) -> tuple[list[str], float, float]:
    articles = load_brat_split(root, "train") if args.train else load_dev(root)
    if args.limit:
        articles = articles[: args.limit]
    name = "train" if args.train else "dev"
    docs, t_nlp = parse([a["text"] for a in articles], f"polnear_{name}", args.cache)
    atts, quotes, t_q = analyse(docs, [str(i) for i in range(len(docs))])
    systems = {"toolkit": atts}
    if not args.no_textacy:
        systems["textacy"] = [textacy_rows(d) for d in docs]
    rows = []
    for sysname, per_doc in systems.items():
        s_all, s_dir = Score(), Score()
        for art, rs in zip(articles, per_doc):
            golds = [dict(q, spans=q.get("spans") or [[q["start"], q["end"]]]) for q in art["quotes"]]
            s_all.add(group_by_cue(rs), golds)
            s_dir.add(group_by_cue([r for r in rs if is_direct_pred(art["text"], r)]),
                      [g for g in golds if is_direct_gold(art["text"], g)])
        rows += [(sysname, "all", s_all.figures()), (sysname, "direct", s_dir.figures())]
    print_table(f"PolNeAR {name}: {len(articles)} articles, corpus.attributions (every act)", rows)
    missed = []
    f = rows[0][2]
    if not args.train and not args.limit and f["F1.len"] < POLNEAR_TARGET:
        missed.append(f"PolNeAR dev attributions F1.len {f['F1.len']:.1f} < {POLNEAR_TARGET}")
    if args.errors == "train" and args.train:
        for art, rs in zip(articles, atts):
            polnear_errors(art, rs)
    return missed, t_nlp, t_q


def polnear_errors(art, rows) -> None:
    text = art["text"]
    golds = [dict(q, spans=q.get("spans") or [[q["start"], q["end"]]]) for q in art["quotes"]]
    preds = group_by_cue(rows)
    m = match(preds, golds)
    mg = {id(g) for c, _, g in m if c > 0.3}
    mp = {id(p) for c, p, _ in m if c > 0.3}
    out = [f"MISS  {g.get('cue')!r} {text[g['start']:g['end']][:140]!r}" for g in golds if id(g) not in mg]
    out += [f"EXTRA {p.get('act')} {p.get('cue')!r} {text[p['start']:p['end']][:140]!r}"
            for p in preds if id(p) not in mp]
    if out:
        print(f"\n## {art['id']}\n" + "\n".join(out))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="score the first N articles only")
    ap.add_argument("--train", action="store_true", help="score PolNeAR train instead of dev")
    ap.add_argument("--no-textacy", action="store_true", help="skip the textacy baseline")
    ap.add_argument("--cache", help="folder to keep parsed Docs in between runs (DocBin)")
    ap.add_argument("--only", choices=("gold", "polnear"), help="run one part only")
    ap.add_argument("--by-source", action="store_true", help="statement scores per source too")
    ap.add_argument("--errors", choices=SPLITS[:-1] + ("train",),
                    help="list mismatches of the statement gold's dev split, of development set 2 or 3 or of "
                         "PolNeAR train")
    args = ap.parse_args(argv)
    root = data_root()
    missed, t_nlp, t_q = [], 0.0, 0.0
    for part, fn in (("gold", run_gold), ("polnear", run_polnear)):
        if args.only in (None, part):
            m, a, b = fn(args, root)
            missed += m
            t_nlp += a
            t_q += b
    share = 100 * t_q / max(t_nlp, 1e-9)
    print(f"\nspeed: spaCy pass {t_nlp:.1f} s, extract_quotes {t_q:.2f} s ({share:.1f}% on top of spaCy; "
          f"target <= {SPEED_TARGET:.0f}%)")
    if not args.no_textacy and TEXTACY_BAILED:
        print(f"textacy gave up on {len(TEXTACY_BAILED)} texts (odd number of quote marks)")
    if share > SPEED_TARGET:
        missed.append(f"speed {share:.1f}% > {SPEED_TARGET}%")
    if args.limit or args.train or args.only:
        return 0
    for m in missed:
        print("TARGET MISSED: " + m, file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
