"""Time loading the full BBC folder (2,225 articles) against a plain-Python baseline in the same run.

Baselines, measured on the same files right before the loader:
  read    - read every file's bytes (os.walk + open().read()): the I/O floor;
  decode  - read + decode UTF-8 (cp1252 fallback) + split into paragraphs with str methods: the
            least a text loader has to do.
The loader does more (headers, link blocks, datelines, bylines, dates, ids, language, duplicates,
a typed DataFrame); the ratio says how much more it costs. Target: the full BBC folder in under 5 s.

Memory: a JSON Lines file of ``--memory-mb`` MB (default 100; the sample's Wikinews records
repeated, each made unique) is loaded in a fresh process; the peak resident memory (VmHWM, reset
after the imports and a warm-up load) minus the resident memory before the load, per MB of input.
Target: under 2.5 MB per MB (JSON Lines and CSV are streamed: memory grows with the rows kept).

Data: $NEWS_TOOLKIT_DATA/bbc (default data root: ../shared/data from the repository root); the
memory measurement needs only the package.

    .venv/bin/python benchmarks/bench_load.py [--repeat N] [--target SECONDS] [--memory-mb MB] [--memory-only]

Exits 1 when a target is missed, 2 when the data is missing.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
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


# Run in a fresh process so that nothing loaded before counts: prints rows, seconds, MB before, peak MB.
_MEASURE = r"""
import gc, sys, time
import toolkit as tk
def mb(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) / 1024
tk.load_articles(tk.sample_path() / "the-standard")  # imports, regexes and the language model out of the way
gc.collect()
open("/proc/self/clear_refs", "w").write("5")  # resets VmHWM to the current resident size
before = mb("VmRSS")
t0 = time.perf_counter()
frame = tk.load_articles(sys.argv[1])
print(len(frame), time.perf_counter() - t0, before, mb("VmHWM"))
"""


def write_jsonl(path: Path, megabytes: float) -> int:
    """The sample's Wikinews records repeated up to ``megabytes``; each copy gets its own id and a
    different first sentence (no duplicates: the report stays one row per problem, not per copy)."""
    from toolkit.load import sample_path

    records = [json.loads(l) for l in (sample_path() / "wikinews.jsonl").read_text("utf-8").splitlines() if l.strip()]
    size, n = 0, 0
    with open(path, "w", encoding="utf-8") as fh:
        while size < megabytes * 1e6:
            rec = dict(records[n % len(records)])
            rec["id"], rec["text"] = f"{rec['id']}-{n}", f"Copy {n}. " + rec["text"]
            line = json.dumps(rec) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return n


def measure_memory(megabytes: float, target: float) -> bool:
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        path = Path(tmp) / "articles.jsonl"
        n = write_jsonl(path, megabytes)
        size = path.stat().st_size / 1e6
        env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        out = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, env=env,
                             check=True).stdout.split()
    rows, seconds, before, peak = int(out[0]), float(out[1]), float(out[2]), float(out[3])
    per_mb = (peak - before) / size
    print(f"JSON Lines of {size:.1f} MB ({n} records): {rows} articles in {seconds:.1f} s; resident "
          f"{before:.0f} MB before, peak {peak:.0f} MB")
    ok = per_mb < target
    print(f"  peak growth {peak - before:.0f} MB = {per_mb:.2f} MB per MB of input; target < {target:g}: "
          f"{'PASS' if ok else 'FAIL'}")
    return ok


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
    ap.add_argument("--memory-mb", type=float, default=100, help="size of the JSON Lines file of the memory check")
    ap.add_argument("--memory-target", type=float, default=2.5, help="peak MB of memory per MB of input")
    ap.add_argument("--memory-only", action="store_true", help="only the memory check (no BBC data needed)")
    args = ap.parse_args(argv)

    mem_ok = measure_memory(args.memory_mb, args.memory_target)
    if args.memory_only:
        return 0 if mem_ok else 1
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
    return 0 if ok and mem_ok else 1


if __name__ == "__main__":
    sys.exit(main())
