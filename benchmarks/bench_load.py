"""Time loading the full BBC folder (2,225 articles) against a plain-Python baseline in the same run.

Baselines, measured on the same files right before the loader:
  read    - read every file's bytes (os.walk + open().read()): the I/O floor;
  decode  - read + decode UTF-8 (cp1252 fallback) + split into paragraphs with str methods: the
            least a text loader has to do.
The loader does more (headers, link blocks, datelines, bylines, dates, ids, duplicates, a typed
DataFrame); the ratio says how much more it costs. Target: the full BBC folder in under 5 s.

Data: $NEWS_TOOLKIT_DATA/bbc (default data root: ../shared/data from the repository root).

    .venv/bin/python benchmarks/bench_load.py [--repeat N] [--target SECONDS]

Exits 1 when the loader's best time is over the target, 2 when the data is missing.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._data import bbc_folder  # noqa: E402


def baseline_read(folder: Path) -> int:
    n = 0
    for dirpath, _, files in os.walk(folder):
        for name in files:
            with open(os.path.join(dirpath, name), "rb") as fh:
                n += len(fh.read())
    return n


def baseline_decode(folder: Path) -> int:
    n = 0
    for dirpath, _, files in os.walk(folder):
        for name in files:
            with open(os.path.join(dirpath, name), "rb") as fh:
                data = fh.read()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("cp1252", errors="replace")
            n += len([p for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()])
    return n


def timed(fn, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement (best and median shown)")
    ap.add_argument("--target", type=float, default=5.0, help="seconds the loader must stay under")
    args = ap.parse_args(argv)

    folder = bbc_folder()

    import toolkit as tk

    tk.load_articles(folder / "tech" / "001.txt", source="BBC")  # imports and regex compilation out of the timing
    n_files = sum(len(f) for _, _, f in os.walk(folder))
    r_best, r_med, n_bytes = timed(lambda: baseline_read(folder), args.repeat)
    d_best, d_med, n_paras = timed(lambda: baseline_decode(folder), args.repeat)
    l_best, l_med, frame = timed(lambda: tk.load_articles(folder, source="BBC"), args.repeat)
    report = tk.load_report(frame)

    print(f"BBC folder: {folder} ({n_files} files, {n_bytes / 1e6:.1f} MB); best / median of {args.repeat} runs")
    print(f"  baseline read bytes        {r_best:7.3f} s / {r_med:7.3f} s")
    print(f"  baseline decode + split    {d_best:7.3f} s / {d_med:7.3f} s   ({n_paras} paragraphs)")
    print(f"  tk.load_articles           {l_best:7.3f} s / {l_med:7.3f} s   ({len(frame)} articles, "
          f"{int((report['status'] == 'skipped').sum())} skipped, {int((report['status'] == 'duplicate').sum())} "
          f"duplicates, {int((report['status'] == 'note').sum())} notes)")
    print(f"  ratio load / read   {l_best / r_best:8.1f}x")
    print(f"  ratio load / decode {l_best / d_best:8.1f}x")
    print(f"  {len(frame) / l_best:,.0f} articles/s")
    ok = l_best < args.target
    print(f"  target < {args.target:g} s: {'PASS' if ok else 'FAIL'} ({l_best:.3f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
