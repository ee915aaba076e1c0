"""The command line: the main job without a notebook.

    toolkit analyze INPUT... --out DIR [--model M] [--n-process N] [--engine dask --scheduler ADDR]
    toolkit analyze --sample --out DIR
    toolkit info DIR

Each input that could not be loaded is printed with its reason, then one summary line; nothing is
written before an article loaded, and the --out folder is never read back as input.
Exit codes: 0 done; 1 some inputs were skipped (see DIR/load_report.csv); 2 bad usage or no
article could be loaded; 3 a toolkit error (model missing, damaged store, ...).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import ToolkitError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="toolkit", description="Analyse folders of news articles.")
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("analyze", help="load articles, analyse them, write the tables to a store folder")
    a.add_argument("inputs", nargs="*", help="files, folders or globs of articles")
    a.add_argument("--sample", action="store_true", help="analyse the sample corpus shipped with the toolkit")
    a.add_argument("--out", required=True, help="store folder for the tables (reused as a cache on re-runs)")
    a.add_argument("--model", default=None, help="spaCy model name or path (default: en_core_web_sm)")
    a.add_argument("--n-process", type=int, default=1, help="worker processes for spaCy (default 1)")
    a.add_argument("--batch-size", type=int, default=32)
    a.add_argument("--source", default=None, help="outlet name for inputs that do not give one")
    a.add_argument("--aliases", default=None, help="alias table (.csv or .yaml): alias -> canonical name")
    a.add_argument("--no-quotes", action="store_true", help="skip quote extraction (no parser: faster)")
    a.add_argument("--no-topics", action="store_true", help="skip the topic model")
    a.add_argument("--k", type=int, default=None, help="number of topics (default: chosen automatically)")
    a.add_argument("--engine", choices=("local", "dask"), default="local")
    a.add_argument("--scheduler", default=None, help="Dask scheduler address (with --engine dask)")
    i = sub.add_parser("info", help="print what a store folder holds")
    i.add_argument("store")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _analyze(args) if args.command == "analyze" else _info(args)
    except ToolkitError as exc:
        print(f"toolkit: error: {exc}", file=sys.stderr)
        return 3


def _analyze(args) -> int:
    import toolkit as tk

    if not args.inputs and not args.sample:
        print("toolkit: error: give INPUT paths or --sample", file=sys.stderr)
        return 2
    out = Path(args.out)
    frames = []
    if args.sample:
        frames.append(tk.load_sample())
    if args.inputs:
        # The output folder is never read back as input (an --out inside an input folder).
        frames.append(tk.load_articles(args.inputs, source=args.source, exclude=[out]))
    import pandas as pd

    articles = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    report = pd.concat([tk.load_report(f) for f in frames], ignore_index=True)
    skipped = _print_report(report, n_inputs=sum(f.attrs["n_inputs"] for f in frames), n_loaded=len(articles))
    if articles.empty:
        # Nothing is created before something loaded: a mistyped path leaves no empty store behind.
        print("toolkit: error: no article could be loaded; nothing written", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    report.to_csv(out / "load_report.csv", index=False)
    client = None
    if args.engine == "dask":
        from dask.distributed import Client

        client = Client(args.scheduler) if args.scheduler else None
    kwargs = dict(model=args.model, n_process=args.n_process, batch_size=args.batch_size, aliases=args.aliases,
                  quotes=not args.no_quotes, topics=not args.no_topics, k=args.k, cache=out)
    if args.engine == "dask":
        kwargs.update(engine="dask", client=client)
    corpus = tk.analyze(articles, **kwargs)
    summary = _summary(out, corpus, skipped=skipped)
    (out / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    print(_format(summary))
    if skipped:
        print(f"{skipped} inputs were skipped: see {out / 'load_report.csv'}", file=sys.stderr)
        return 1
    return 0


def _print_report(report, *, n_inputs: int, n_loaded: int) -> int:
    """Each skipped input with its reason, then one summary line (stderr); returns the number skipped."""
    status = report["status"]
    for row in report[status == "skipped"].itertuples(index=False):
        where = row.path if _missing(row.line) else f"{row.path}, line {row.line}"
        print(f"skipped: {where}: {row.reason}", file=sys.stderr)
    skipped = int((status == "skipped").sum())
    foreign = int(report["reason"].str.contains("not English", regex=False).sum())
    print(f"loaded {n_loaded} articles from {n_inputs} inputs: {skipped} skipped, "
          f"{int((status == 'duplicate').sum())} duplicates (kept, flagged), {int((status == 'note').sum())} notes"
          + (f" ({foreign} articles not in English, left out of the analysis)" if foreign else ""), file=sys.stderr)
    return skipped


def _missing(v) -> bool:
    import pandas as pd

    return v is None or bool(pd.isna(v))


def _summary(out: Path, corpus, *, skipped: int = 0) -> dict:
    top = corpus.actors.head(10)
    return {
        "store": str(out),
        "articles": int(len(corpus.articles)),
        "skipped_inputs": skipped,
        "mentions": int(len(corpus.mentions)),
        "actors": int(len(corpus.actors)),
        "quotes": int(len(corpus.quotes)),
        "topics": int(len(corpus.topics)),
        "top_actors": [f"{n} ({k}, {m})" for n, k, m in zip(top["name"], top["kind"], top["n_mentions"])],
    }


def _format(summary: dict) -> str:
    lines = [f"{k}: {v}" for k, v in summary.items() if k != "top_actors"]
    lines.append("top actors: " + "; ".join(summary["top_actors"]))
    return "\n".join(lines)


def _info(args) -> int:
    import toolkit as tk

    corpus = tk.open_corpus(args.store)
    summary = _summary(Path(args.store), corpus)
    report = Path(args.store) / "load_report.csv"
    if report.is_file():
        import pandas as pd

        summary["skipped_inputs"] = int((pd.read_csv(report)["status"] == "skipped").sum())
    print(_format(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
