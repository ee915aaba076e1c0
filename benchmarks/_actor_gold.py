"""The three actor gold sets as one format, and the head-aware scoring the issue's targets use.

Sets (``tests/gold/README.md``):
  dev        - ``actors_gold.jsonl``: 25 sample articles; the rules were developed on it.
  heldout    - ``actors_heldout.jsonl``: 10 sample articles annotated after the rules were written.
  validation - ``actors_validation.jsonl``: 30 articles of sources no rule was written on (20 BBC,
               10 PolNeAR dev), annotated blind, offsets only into the raw files of the shared data
               folder (``bbc/<cat>/<n>.txt`` decoded as UTF-8, else Latin-1;
               ``polnear/data/dev/text/<stem>.txt``); the texts never enter the repository.

Every set comes back as a list of documents ``{"article_id", "source", "text", "mentions": [{start,
end, text, canonical, kind}]}``; the texts are what the systems are given.

Head-aware matching (the issue's "actor" figures): a predicted mention matches a gold mention when
their spans overlap and the prediction contains the gold span's head, its last capitalised token
("President William Ruto" predicted for gold "William Ruto" matches, and so does "Ruto"; "William"
alone does not). The head comes before a post-modifier ("of", "for", "and"...): "Court" of "Supreme
Court of Zambia", so that "Zambia" alone does not match the court. Pairs are one-to-one, largest
overlap first.

  actor recall - share of gold actors (canonical names) with at least one matched mention;
  merged       - share of those found whose matched mentions all carry one predicted actor;
  over-merged  - share of predicted actors with a matched mention whose matched mentions belong to
                 two or more gold actors.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from benchmarks._data import data_root

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "gold"
FILES = {"dev": GOLD_DIR / "actors_gold.jsonl", "heldout": GOLD_DIR / "actors_heldout.jsonl",
         "validation": GOLD_DIR / "actors_validation.jsonl", "dev2": GOLD_DIR / "actors_dev2.jsonl"}
# Made-up headlines in the style of Kenyan news (surnames alone, colons, lists of names): how the
# toolkit reads one sentence with no text around it. Written by the developers of issue 14: the
# "dev" split (50) while writing the headline rules, the "fresh" split (20) after them.
HEADLINES = GOLD_DIR / "headlines_made_up.jsonl"
SETS = tuple(FILES)


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def raw_text(doc: str, root: Path | None = None) -> str:
    """The text of a validation document id ("bbc:politics/044", "polnear:dev/<stem>")."""
    root = root or data_root()
    corpus, rest = doc.split(":", 1)
    if corpus == "bbc":
        data = (root / "bbc" / f"{rest}.txt").read_bytes()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    if corpus == "polnear":
        split, stem = rest.split("/", 1)
        return (root / "polnear" / "data" / split / "text" / f"{stem}.txt").read_text(encoding="utf-8")
    raise ValueError(f"unknown document {doc!r}")


_PLURAL = re.compile(r"^[A-Z][a-z\u00c0-\u024f\-]+[a-rt-z]s$")


def plural_demonyms_as_groups(mentions: list[dict]) -> list[dict]:
    """The actors issue's convention for plural demonyms (issue 14): "the Palestinians" is a group
    of people, kind group, not the place its annotators tied it to ("Palestinians" -> Palestine).
    A mention is taken for a plural demonym when it is one capitalised word ending in "s" that the
    annotators gave to a differently spelled place ("Ethiopians" -> Ethiopia, "Americans" -> United
    States; not "Philippines" -> Philippines nor "Emirates" -> United Arab Emirates). It becomes a
    group named by its singular ("Ethiopian"), so that the plural and the adjective of one people
    are one group. Reads the gold only, never any system output."""
    out = []
    for m in mentions:
        t = m["text"]
        if (m["kind"] == "place" and _PLURAL.match(t) and t != m["canonical"]
                and not m["canonical"].endswith(t)):
            m = {**m, "canonical": f"{t[:-1]} (people)", "kind": "group"}
        out.append(m)
    return out


def load_set(name: str, sample=None, *, plural_demonyms: str = "group") -> list[dict]:
    """One gold set in the common format (texts from the sample corpus or the shared data).
    ``plural_demonyms="group"`` applies :func:`plural_demonyms_as_groups`; ``"place"`` keeps the
    annotators' original guideline."""
    docs = _load_set(name, sample)
    if plural_demonyms == "group":
        for d in docs:
            d["mentions"] = plural_demonyms_as_groups(d["mentions"])
    return docs


def _load_set(name: str, sample=None) -> list[dict]:
    rows = read_jsonl(FILES[name])
    if name in ("validation", "dev2"):   # offsets into the shared data folder
        out = []
        for r in rows:
            text = raw_text(r["doc"])
            if hashlib.sha1(text.encode("utf-8")).hexdigest() != r["text_sha1"]:
                raise LookupError(f"{r['doc']}: the text in the data folder is not the annotated one")
            ms = [{"start": m["start"], "end": m["end"], "text": text[m["start"]:m["end"]],
                   "canonical": m["canonical"], "kind": m["kind"]} for m in r["mentions"]]
            source = "BBC" if r["doc"].startswith("bbc:") else "PolNeAR"
            out.append({"article_id": r["doc"], "source": source, "text": text, "mentions": ms})
        return out
    import toolkit as tk

    sample = tk.load_sample() if sample is None else sample
    texts = dict(zip(sample["article_id"], sample["text"]))
    missing = [r["article_id"] for r in rows if r["article_id"] not in texts]
    if missing:
        raise LookupError(f"gold articles not in the sample corpus: {missing}")
    return [{"article_id": r["article_id"], "source": r["source"], "text": texts[r["article_id"]],
             "mentions": r["mentions"]} for r in rows]


def gold_mentions(docs: list[dict]) -> list[dict]:
    return [{"article_id": d["article_id"], "source": d["source"], **m} for d in docs for m in d["mentions"]]


_TOKEN = re.compile(r"[^\s\-–]+")


_POSTMODIFIER = {"of", "for", "in", "on", "at", "to", "against", "and"}


def head_span(text: str, start: int) -> tuple[int, int]:
    """Character span of the head of a gold mention: its last capitalised token before a
    post-modifier ("Ruto" of "William Ruto", "Court" of "Supreme Court of Zambia", "State" of
    "Islamic State of Iraq and Syria"); the whole span when no token is capitalised."""
    toks = [(start + m.start(), start + m.end(), m.group()) for m in _TOKEN.finditer(text)]
    cut = next((k for k, t in enumerate(toks) if k > 0 and t[2] in _POSTMODIFIER), len(toks))
    toks = toks[:cut]
    caps = [t for t in toks if t[2][:1].isupper()]
    if not caps:
        return start, start + len(text)
    s, e, tok = caps[-1]
    tail = re.search(r"(?:['’]s?|[.,;:])$", tok)  # "Workers'" -> "Workers"
    return s, (e - len(tail.group()) if tail and len(tail.group()) < len(tok) else e)


def head_match(gold_m: list[dict], pred_m: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs under head-aware matching."""
    by_art = defaultdict(list)
    for j, p in enumerate(pred_m):
        by_art[p["article_id"]].append(j)
    cands = []
    for i, g in enumerate(gold_m):
        gs, ge = g["start"], g["end"]
        hs, he = head_span(g["text"], gs)
        for j in by_art.get(g["article_id"], ()):
            ps, pe = pred_m[j]["start"], pred_m[j]["end"]
            if ps <= hs and pe >= he:
                ov = min(ge, pe) - max(gs, ps)
                cands.append((-ov, abs((ge - gs) - (pe - ps)), gs, ps, i, j))
    used_g, used_p, pairs = set(), set(), []
    for *_, i, j in sorted(cands):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def head_scores(gold_m: list[dict], pred_m: list[dict]) -> dict:
    """Actor recall, merged and over-merged (counts) under head-aware matching, with the cases."""
    pairs = head_match(gold_m, pred_m)
    gold_actors = Counter(g["canonical"] for g in gold_m)
    ids_of_gold: dict[str, Counter] = defaultdict(Counter)
    golds_of_id: dict[str, Counter] = defaultdict(Counter)
    for i, j in pairs:
        ids_of_gold[gold_m[i]["canonical"]][pred_m[j]["actor"]] += 1
        golds_of_id[pred_m[j]["actor"]][gold_m[i]["canonical"]] += 1
    found = [c for c in gold_actors if ids_of_gold.get(c)]
    whole = [c for c in found if len(ids_of_gold[c]) == 1]
    over = [a for a, cs in golds_of_id.items() if len(cs) > 1]
    return {"recall": (len(found), len(gold_actors)), "merged": (len(whole), len(found)),
            "over_merged": (len(over), len(golds_of_id)),
            "h_missed": sorted(((gold_actors[c], c) for c in gold_actors if c not in ids_of_gold), reverse=True),
            "h_split": {c: dict(ids_of_gold[c]) for c in found if len(ids_of_gold[c]) > 1},
            "h_over": {a: dict(golds_of_id[a]) for a in over}}


def load_headlines() -> list[dict]:
    """The made-up headlines: dicts with id, text and actors (start, end, text)."""
    return read_jsonl(HEADLINES)


def headline_recall(heads: list[dict], pred: dict[str, list[tuple[int, int]]]) -> tuple[int, int]:
    """(found, listed): a listed actor is found when a predicted span of its headline contains
    the actor's head (last capitalised token)."""
    found = listed = 0
    for h in heads:
        spans = pred.get(h["id"], [])
        for a in h["actors"]:
            listed += 1
            hs, he = head_span(a["text"], a["start"])
            found += any(ps <= hs and pe >= he for ps, pe in spans)
    return found, listed
