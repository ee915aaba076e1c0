"""Rebuild the sample corpus in toolkit/data/sample/ from the shared data folder.

    python scripts/build_sample.py [DATA_ROOT]     # default: $NEWS_TOOLKIT_DATA or ../shared/data

Takes the reference article, every Wikinews article (CC BY 2.5), and the Global Voices posts of 2012
about politics, rights, conflict or Africa (CC BY 3.0) without their "> " block-quoted third-party
excerpts, and writes ATTRIBUTION.md with each article's URL, author and licence.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "toolkit" / "data" / "sample"
TOPICAL = re.compile(r"politic|election|governance|protest|rights|conflict|\bwar\b|refugee|africa", re.I)


def main(argv: list[str]) -> None:
    data = Path(argv[1] if len(argv) > 1 else os.environ.get("NEWS_TOOLKIT_DATA", ROOT.parent / "shared" / "data"))
    if not (data / "seed").is_dir():
        sys.exit(f"no data at {data}: put the shared data folder there or pass its path")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "the-standard").mkdir(exist_ok=True)
    seed = sorted((data / "seed").glob("*.txt"))[0]
    shutil.copyfile(seed, OUT / "the-standard" / seed.name)

    wikinews = [json.loads(l) for l in open(data / "wikinews" / "articles.jsonl", encoding="utf-8") if l.strip()]
    gv = []
    for line in open(data / "globalvoices" / "articles.jsonl", encoding="utf-8"):
        rec = json.loads(line)
        if not rec["date"].startswith("2012") or not any(TOPICAL.search(c) for c in rec["categories"]):
            continue
        rec["text"] = "\n".join(l for l in rec["text"].split("\n") if not l.startswith(">"))
        rec.pop("blockquote_lines", None)
        gv.append(rec)
    for name, recs in (("wikinews.jsonl", wikinews), ("globalvoices.jsonl", gv)):
        with open(OUT / name, "w", encoding="utf-8") as fh:
            for rec in recs:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")

    lines = [
        "# Attribution of the sample corpus",
        "",
        "- `the-standard/`: the reference article, *What Ruto discussed with US State Secretary Rubio*, "
        "Sharon Wanga, The Standard (Kenya), 7 February 2025; included with the project user's permission.",
        f"- `wikinews.jsonl`: {len(wikinews)} articles from Wikinews (https://en.wikinews.org), by Wikinews "
        "contributors, licensed CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/). Unchanged.",
        f"- `globalvoices.jsonl`: {len(gv)} posts of 2012 from Global Voices (https://globalvoices.org), "
        "licensed CC BY 3.0 (https://creativecommons.org/licenses/by/3.0/). Changed: block-quoted excerpts of "
        "third-party text (lines starting with `>`) were removed, since they are not Global Voices' own.",
        "",
        "| id | title | author | licence | url |",
        "|---|---|---|---|---|",
    ]
    for rec, lic in [(r, "CC BY 2.5") for r in wikinews] + [(r, "CC BY 3.0") for r in gv]:
        title = rec["title"].replace("|", "\\|")
        lines.append(f"| {rec['id']} | {title} | {rec.get('author') or ''} | {lic} | {rec['url']} |")
    (OUT / "ATTRIBUTION.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(wikinews)} Wikinews, {len(gv)} Global Voices articles and the reference article to {OUT}")


if __name__ == "__main__":
    main(sys.argv)
