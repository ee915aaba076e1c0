"""Every corpus chart of ``tk.charts`` drawn to PNG, to look at before a chart change is done.

    python scripts/chart_gallery.py --store results/sample --out /tmp/gallery
    python scripts/chart_gallery.py --pages ../shared/data/html --out /tmp/gallery_pages

``--store`` opens an analysed store; ``--pages`` loads a folder of saved web pages (every file
below it matching ``--glob``, default ``*.html``), analyses them into ``<out>/store`` first and prints the load report. The
PNGs are rendered by vl-convert (the Vega engine the browser runs, without a browser); the page
``<out>/index.html`` shows them in one column with each chart's title.
"""
from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import toolkit as tk  # noqa: E402


def charts_of(corpus) -> dict:
    """Name -> chart for every chart drawn from a whole corpus (actor-specific ones on its top actor)."""
    c = tk.charts
    top = tk.top_actors(corpus, n=1)
    edges = tk.cooccurrence(corpus, window="sentence")
    out = {
        "top_actors": lambda: c.chart_top_actors(corpus),
        "actor_timeline": lambda: c.chart_actor_timeline(corpus, list(top["actor_id"])),
        "voices": lambda: c.chart_voices(corpus),
        "never_quoted": lambda: c.chart_never_quoted(corpus),
        "sources": lambda: c.chart_sources(corpus),
        "sources_by_outlet": lambda: c.chart_sources(corpus, by="source"),
        "women_share": lambda: c.chart_women_share(corpus),
        "cues": lambda: c.chart_cues(corpus),
        "topic_shares": lambda: c.chart_topic_shares(corpus),
        "topic_shares_by_outlet": lambda: c.chart_topic_shares(corpus, by="source"),
        "actor_topics": lambda: c.chart_actor_topics(corpus),
        "co_mentioned": lambda: c.chart_co_mentioned(corpus, top["actor_id"].iloc[0]),
        "cooccurrence_heatmap": lambda: c.chart_cooccurrence_heatmap(edges),
        "network": lambda: c.chart_network(edges),
        "distinctive_terms": lambda: c.chart_distinctive_terms(corpus),
    }
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--store", help="an analysed store")
    src.add_argument("--pages", help="a folder of saved web pages to load and analyse first")
    ap.add_argument("--glob", default="*.html", help="pages to load below --pages (default *.html)")
    ap.add_argument("--out", required=True, help="folder for the PNGs and index.html")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.pages:
        articles = tk.load_articles(sorted(Path(args.pages).rglob(args.glob)))
        print(tk.load_report(articles).to_string())
        corpus = tk.analyze(articles, cache=out / "store")
    else:
        corpus = tk.open_corpus(args.store)
    rows, failed = [], 0
    for name, make in charts_of(corpus).items():
        try:
            make().save(str(out / f"{name}.png"), scale_factor=1.5)
            rows.append(f'<h2>{html.escape(name)}</h2><img src="{html.escape(name)}.png">')
        except Exception as exc:  # a chart that cannot draw on this corpus is a finding, not a stop
            failed += 1
            rows.append(f"<h2>{html.escape(name)}</h2><pre>{html.escape(repr(exc))}</pre>")
            print(f"{name}: {exc!r}", file=sys.stderr)
    (out / "index.html").write_text("<html><body>" + "\n".join(rows) + "</body></html>", encoding="utf-8")
    print(f"{len(rows) - failed} charts in {out} ({failed} failed)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
