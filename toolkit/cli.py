"""The command line: the main job without a notebook.

    toolkit analyze INPUT... --out DIR [--model M] [--n-process N] [--engine dask --scheduler ADDR]
    toolkit analyze --sample --out DIR
    toolkit info DIR
    (any of them with --debug: tracebacks and warnings in full)

Each input that could not be loaded is printed with its reason, then one summary line; nothing is
written before an article loaded, and the --out folder is never read back as input. DIR is a
store (see :mod:`toolkit.store`): a run's outputs -- the tables, ``load_report.csv`` and
``summary.json`` -- are saved together as one version of its corpus, ``DIR/corpus/v-.../``, and
switched into place at once, so two runs with the same --out never mix (the last to finish wins)
and a run that fails leaves the previous outputs as they were. The run prints that folder;
``toolkit info DIR`` prints it again.

Every failure is one line on stderr, ``toolkit: error: <what>; <what to do>``, without a traceback
unless --debug. Exit codes, one meaning each:

    0    done: every input loaded, the outputs written
    1    done, but some inputs were skipped (each printed, and listed in load_report.csv)
    2    bad usage: an unknown option or a bad value, no INPUT and no --sample
    3    a toolkit error: a missing model, an alias table or a store that cannot be read
    4    no article could be loaded: nothing written
    5    the output could not be written: disk full, read-only folder, no permission, store lock held
    6    data the toolkit could not store or decode (an Arrow or Unicode error): a toolkit bug;
         run again with --debug and report the traceback
    70   any other unexpected error (a bug): run again with --debug and report the traceback
    130  interrupted (Ctrl-C): finished batches stay in DIR, and the next run resumes from them
"""
from __future__ import annotations

import argparse
import contextlib
import errno
import io
import json
import sys
import traceback
import warnings
from pathlib import Path

from .errors import InvalidOptionError, StoreError, StoreWriteError, ToolkitError

OK, SKIPPED, USAGE, TOOLKIT, NOTHING_LOADED, CANNOT_WRITE, DATA, BUG, INTERRUPTED = 0, 1, 2, 3, 4, 5, 6, 70, 130
EXIT_CODES = {
    OK: "done: every input loaded, the outputs written",
    SKIPPED: "done, but some inputs were skipped (listed in load_report.csv)",
    USAGE: "bad usage: an unknown option or a bad value, no INPUT and no --sample",
    TOOLKIT: "a toolkit error: a missing model, an alias table or a store that cannot be read",
    NOTHING_LOADED: "no article could be loaded: nothing written",
    CANNOT_WRITE: "the output could not be written: disk full, read-only folder, no permission, store lock held",
    DATA: "data the toolkit could not store or decode (an Arrow or Unicode error): a toolkit bug",
    BUG: "any other unexpected error (a bug)",
    INTERRUPTED: "interrupted (Ctrl-C)",
}
# errnos that only a write gives (a read of a missing or locked file gives others)
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM}
REPORT_HINT = "run again with --debug and report the traceback"


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", help="show tracebacks and warnings in full")
    p = argparse.ArgumentParser(prog="toolkit", description="Analyse folders of news articles.",
                                epilog="exit codes: " + "; ".join(f"{k} {v}" for k, v in EXIT_CODES.items()))
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("analyze", parents=[common],
                       help="load articles, analyse them, write the tables to a store folder")
    a.add_argument("inputs", nargs="*", help="files, folders or globs of articles")
    a.add_argument("--sample", action="store_true", help="analyse the sample corpus shipped with the toolkit")
    a.add_argument("--out", required=True, help="store folder for the tables (reused as a cache on re-runs)")
    a.add_argument("--model", default=None, help="spaCy model name or path (default: en_core_web_md if installed, else en_core_web_sm)")
    a.add_argument("--n-process", type=int, default=1, help="worker processes for spaCy (default 1)")
    a.add_argument("--batch-size", type=int, default=32)
    a.add_argument("--source", default=None, help="outlet name for inputs that do not give one")
    a.add_argument("--aliases", default=None, help="alias table (.csv or .yaml): alias -> canonical name")
    a.add_argument("--genders", default=None, help="gender table (.csv or .yaml): name or actor_id -> gender")
    a.add_argument("--no-quotes", action="store_true", help="skip quote extraction (no parser: faster)")
    a.add_argument("--no-topics", action="store_true", help="skip the topic model")
    a.add_argument("--k", type=int, default=None, help="number of topics (default: chosen automatically)")
    a.add_argument("--engine", choices=("local", "dask"), default="local")
    a.add_argument("--scheduler", default=None, help="Dask scheduler address (with --engine dask)")
    i = sub.add_parser("info", parents=[common], help="print what a store folder holds")
    i.add_argument("store")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _safe_streams()
    with _warnings(debug=args.debug):
        try:
            return _analyze(args) if args.command == "analyze" else _info(args)
        except KeyboardInterrupt:
            print("toolkit: interrupted; finished batches stay in the store, and the next run resumes from them",
                  file=sys.stderr)
            return INTERRUPTED
        except Exception as exc:  # every failure: one line and an exit code that says which kind
            code, message = explain(exc, out=getattr(args, "out", None))
            print(f"toolkit: error: {message}", file=sys.stderr)
            if args.debug:
                traceback.print_exc()
            return code


def explain(exc: BaseException, *, out=None) -> tuple[int, str]:
    """The exit code and the one-line message of a failure."""
    import pyarrow as pa

    text = _one_line(exc)
    if isinstance(exc, InvalidOptionError):
        return USAGE, text
    causes, cause = [], exc
    while cause is not None and len(causes) < 10:  # a worker's full disk comes back inside an EngineError
        causes.append(cause)
        cause = cause.__cause__
    if any(isinstance(c, StoreWriteError) for c in causes):
        return CANNOT_WRITE, text
    if any(isinstance(c, OSError) and not isinstance(c, ToolkitError) and _is_write_failure(c, out)
           for c in causes[1:]):
        return CANNOT_WRITE, text
    if isinstance(exc, ToolkitError) and any(isinstance(c, (pa.ArrowException, UnicodeError)) for c in causes[1:]):
        return DATA, f"{text}; {REPORT_HINT}"  # a table the store could not write even as JSON text
    if isinstance(exc, ToolkitError):
        return TOOLKIT, text
    if isinstance(exc, OSError) and _is_write_failure(exc, out):
        from .store import write_error

        where = exc.filename if getattr(exc, "filename", None) else (out or "the output folder")
        return CANNOT_WRITE, _one_line(write_error(where, exc, what="the output"))
    if isinstance(exc, (pa.ArrowException, UnicodeError)):
        return DATA, f"data the toolkit could not store or decode ({type(exc).__name__}: {text}); {REPORT_HINT}"
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        return TOOLKIT, f"{where}{exc.strerror or text}; check the path and its permissions"
    if isinstance(exc, MemoryError):
        return BUG, f"out of memory; analyse fewer articles at a time (or lower --n-process), or {REPORT_HINT}"
    return BUG, f"unexpected {type(exc).__name__}: {text}; {REPORT_HINT}"


def _is_write_failure(exc: OSError, out) -> bool:
    """A failed write: an errno only writes give, or permission denied inside (or above) --out."""
    from .store import error_errno

    code = error_errno(exc)
    if code in _WRITE_ERRNOS:
        return True
    if code not in _DENIED:
        return False
    name = getattr(exc, "filename", None)
    if name is None or out is None:
        return True
    try:
        a, b = Path(name).resolve(), Path(out).resolve()
    except (OSError, ValueError):
        return True
    return a == b or b in a.parents or a in b.parents


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 600 else text[:597] + "..."


def _safe_streams() -> None:
    # A terminal that is not UTF-8 must not turn a name into a UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")


@contextlib.contextmanager
def _warnings(*, debug: bool):
    """Warnings as one line each (``toolkit: warning: ...``), unless --debug."""
    with warnings.catch_warnings():
        if not debug:
            def show(message, category, filename, lineno, file=None, line=None):
                print(f"toolkit: warning: {' '.join(str(message).split())}", file=sys.stderr)

            warnings.showwarning = show
        yield


def _analyze(args) -> int:
    import pandas as pd

    import toolkit as tk

    from .exports import to_csv

    if not args.inputs and not args.sample:
        print("toolkit: error: give INPUT paths or --sample", file=sys.stderr)
        return USAGE
    out = Path(args.out)
    frames = []
    if args.sample:
        frames.append(tk.load_sample())
    if args.inputs:
        # The output folder is never read back as input (an --out inside an input folder).
        frames.append(tk.load_articles(args.inputs, source=args.source, exclude=[out]))
    articles = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    report = pd.concat([tk.load_report(f) for f in frames], ignore_index=True)
    skipped = _print_report(report, n_inputs=sum(f.attrs["n_inputs"] for f in frames), n_loaded=len(articles))
    if articles.empty:
        # Nothing is created before something loaded: a mistyped path leaves no empty store behind.
        print("toolkit: error: no article could be loaded; nothing written", file=sys.stderr)
        return NOTHING_LOADED
    out.mkdir(parents=True, exist_ok=True)
    client = None
    if args.engine == "dask":
        from dask.distributed import Client

        client = Client(args.scheduler) if args.scheduler else None
    summary = {}

    def outputs(corpus) -> dict[str, str]:
        """The run's files, saved with its tables in one switch."""
        summary.update(_summary(out, corpus, skipped=skipped))
        buf = io.StringIO()
        to_csv(report, buf)
        return {"load_report.csv": buf.getvalue(), "summary.json": json.dumps(summary, indent=1)}

    kwargs = dict(model=args.model, n_process=args.n_process, batch_size=args.batch_size, aliases=args.aliases,
                  genders=args.genders,
                  quotes=not args.no_quotes, topics=not args.no_topics, k=args.k, cache=out, files=outputs)
    if args.engine == "dask":
        kwargs.update(engine="dask", client=client)
    tk.analyze(articles, **kwargs)
    print(_format(summary))
    print(f"outputs: {_run_folder(out)}")
    if skipped:
        print(f"{skipped} inputs were skipped: see load_report.csv in {_run_folder(out)}", file=sys.stderr)
        return SKIPPED
    return OK


def _run_folder(out: Path) -> str:
    from . import store

    try:
        return str(store.current_folder(out))
    except StoreError:
        return str(out)


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
    import pandas as pd

    import toolkit as tk

    from . import store

    corpus = tk.open_corpus(args.store)
    summary = _summary(Path(args.store), corpus)
    legacy = Path(args.store) / "load_report.csv"  # where versions before the run folders put it
    try:
        report = pd.read_csv(io.BytesIO(store.read_file(args.store, "load_report.csv")), dtype=str)
    except StoreError:  # saved by tk.analyze or corpus.save, not by the command line
        report = pd.read_csv(legacy, dtype=str) if legacy.is_file() else None
    if report is not None:
        summary["skipped_inputs"] = int((report["status"] == "skipped").sum())
    print(_format(summary))
    print(f"outputs: {store.current_folder(args.store)}")
    return OK


if __name__ == "__main__":
    sys.exit(main())
