"""How ``tk.analyze`` scales: throughput against bare spaCy, worker processes, the result cache,
memory on 20,000 articles and the Dask engine; every ratio against a baseline measured in the
same run.

Checks (``--only NAME`` runs one; ``--skip NAME`` leaves one out)
  e2e      tk.analyze(articles, topics=False) on the BBC corpus (quotes=True: NER + parser) against
           bare ``nlp.pipe`` with the same model and components (``toolkit.pipeline.nlp_for(None,
           quotes=True)``), same batch_size and n_process, over the same texts (the loader flags
           139 of the 2,225 articles as duplicates and analyze skips them; the baseline gets the
           2,086 others). ratio = toolkit words/s / spaCy words/s, target >= 0.85, at n_process=1
           and n_process=2.
  scaling  tk.analyze n_process=2 against n_process=1: speed-up = t(1) / t(2), target >= 1.7.
           The speed-up of bare nlp.pipe is printed beside it, and how many cores two busy
           processes actually get right now (a 2-second spin probe; 2.0 on an idle 2-core machine).
  warm     tk.analyze(..., cache=DIR) again over the unchanged corpus: cold time / warm time (best
           of 3), target >= 50. Informative (no target): a re-run with one article edited, which
           reads the per-article cache and redoes the corpus-wide steps.
  memory   20,000 articles (BBC repeated with distinct ids "<id>-r<i>" and a distinct suffix
           " (r<i>)" on the text, so none is a duplicate) analysed with quotes=False, topics=False,
           cache=DIR in a child process. Peak memory = high-water mark of the summed RSS of the
           child and its worker processes (psutil, sampled every 0.2 s); the sum of each
           process's own high-water mark (VmHWM, an upper bound) must stay under the target too.
           (getrusage's ru_maxrss is printed but not used: the child inherits the parent's
           high-water mark across fork+exec, and the forkserver's workers are not its children.)
           Target < 3 GB. Its time is estimated and printed first (12 minutes measured with
           about 1.2 free cores); ``--memory-n`` changes N.
  dask     tk.analyze(engine="dask", n_process=2) (LocalCluster started by analyze, start-up
           included) against the local engine at n_process=2: t(dask) / t(local), target <= 1.2.

Timings are wall-clock seconds of one run each (``--repeat N``: best of N). CPU seconds of the
process tree, the load average and the cores-available probe are printed with them because
other work on a shared machine skews them, n_process=2 most of all. The whole run takes about
10 minutes plus the memory check on an idle 2-core machine. ``--quick`` runs everything on 300
BBC articles (memory on 2,000) as a smoke test; its ratios are not meaningful (start-up costs
dominate).

Data: $NEWS_TOOLKIT_DATA/bbc (default data root: ../shared/data from the repository root). The
BBC text is copyright: it is read from there and never written into the repository; caches go to
a temporary folder (``--workdir``, e.g. benchmarks/out/, which git ignores, to keep them).

    .venv/bin/python benchmarks/bench_scale.py [--quick] [--only NAME] [--skip NAME] [--repeat N]
                                               [--memory-n N] [--memory-n-process N] [--workdir DIR]

Exits 1 when a target is missed, 2 when the data is missing.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._data import bbc_folder  # noqa: E402

CHECKS = ("e2e", "scaling", "warm", "memory", "dask")
BATCH_SIZE = 32  # tk.analyze's default, used for the baselines too
GB = 1024 ** 3


def load_bbc(quick: int | None):
    """The BBC articles as tk.load_articles gives them (duplicates flagged), or an even spread of
    ``quick`` of them."""
    import toolkit as tk

    arts = tk.load_articles(bbc_folder(), source="BBC")
    if quick:
        step = max(1, len(arts) // quick)
        arts = arts.iloc[::step].head(quick).reset_index(drop=True)
    return arts


def analysed_texts(arts) -> list[str]:
    """The texts tk.analyze runs spaCy over: the articles not flagged as duplicates."""
    if "duplicate_of" in arts.columns:
        arts = arts[arts["duplicate_of"].isna()]
    return [t if isinstance(t, str) else "" for t in arts["text"]]


def repeated(arts, n: int):
    """``n`` distinct articles: the non-duplicate BBC articles repeated with ids "<id>-r<i>" and a
    distinct suffix on the text."""
    import pandas as pd

    base = arts[arts["duplicate_of"].isna()].drop(columns=["duplicate_of"]) if "duplicate_of" in arts else arts
    reps = -(-n // len(base))
    parts = [base.assign(article_id=base["article_id"].astype(str) + f"-r{i}", text=base["text"] + f" (r{i})")
             for i in range(reps)]
    return pd.concat(parts, ignore_index=True).head(n)


# --- measuring --------------------------------------------------------------------------------------

def loadavg() -> str:
    try:
        return "/".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def _spin(seconds: float) -> float:
    t, c = time.perf_counter(), time.process_time()
    while time.perf_counter() - t < seconds:
        pass
    return time.process_time() - c


def cores_available(seconds: float = 2.0) -> float:
    """How many cores two busy processes actually get right now (2.0 on an idle 2-core machine):
    the CPU seconds of two spinning processes over the wall time. Other work on a shared machine
    lowers it, and with it every n_process=2 figure."""
    import multiprocessing as mp

    try:
        ctx = mp.get_context("fork")
    except ValueError:
        ctx = mp.get_context()
    with ctx.Pool(2) as pool:
        return sum(pool.map(_spin, [seconds, seconds])) / seconds


class Phases:
    """Wall time spent in tk.analyze's steps, by wrapping the module functions it calls (the
    toolkit is not changed; the wrappers are removed afterwards)."""

    NAMES = {"toolkit.analysis": ("run_engine", "run_cached", "finish", "corpus_fingerprint", "open_corpus"),
             "toolkit.store": ("save_tables", "saved_fingerprint")}

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self.hwm: dict[str, int] = {}  # this process's VmHWM after each step
        self._saved = []

    def __enter__(self):
        import importlib

        for mod_name, names in self.NAMES.items():
            mod = importlib.import_module(mod_name)
            for name in names:
                fn = getattr(mod, name)
                self._saved.append((mod, name, fn))
                setattr(mod, name, self._wrap(name, fn))
        return self

    def _wrap(self, name, fn):
        def timed(*a, **kw):
            t = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t
                self.hwm[name] = TreeMonitor._vmhwm(os.getpid())
        return timed

    def __exit__(self, *exc):
        for mod, name, fn in self._saved:
            setattr(mod, name, fn)

    def __str__(self):
        return ", ".join(f"{k} {v:.2f} s" for k, v in self.seconds.items() if v >= 0.005) or "-"


class TreeMonitor:
    """Samples this process (or ``pid``) and all its descendants every ``interval`` seconds with
    psutil: CPU seconds used (per process, last value seen; a process that ends between two samples
    loses at most one interval), the peak of the summed RSS, and each process's own high-water mark
    (VmHWM from /proc/<pid>/status, reset on exec, so unlike ru_maxrss it does not inherit the
    parent's size across fork+exec, and it also covers workers that are not our direct children,
    such as those of the forkserver)."""

    def __init__(self, pid: int | None = None, interval: float = 0.2):
        self.pid = pid or os.getpid()
        self.interval = interval
        self.cpu0: dict[int, float] = {}
        self.cpu: dict[int, float] = {}
        self.hwm: dict[int, int] = {}
        self.peak_rss = self.peak_main = self.peak_others = 0
        self._stop = threading.Event()
        self._thread = None

    @staticmethod
    def _vmhwm(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) * 1024
        except (OSError, ValueError):
            pass
        return 0

    def sample(self, first: bool = False):
        import psutil

        try:
            root = psutil.Process(self.pid)
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            return
        total = others = 0
        for p in procs:
            try:
                with p.oneshot():
                    t = p.cpu_times()
                    rss = p.memory_info().rss
            except psutil.Error:
                continue
            used = t.user + t.system
            if first:
                self.cpu0[p.pid] = used
            self.cpu[p.pid] = used
            total += rss
            if p.pid == self.pid:
                self.peak_main = max(self.peak_main, rss)
            else:
                others += rss
            self.hwm[p.pid] = max(self.hwm.get(p.pid, 0), self._vmhwm(p.pid))
        self.peak_rss = max(self.peak_rss, total)
        self.peak_others = max(self.peak_others, others)

    def _run(self):
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self):
        self.sample(first=True)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.sample()

    @property
    def cpu_seconds(self) -> float:
        return sum(v - self.cpu0.get(pid, 0.0) for pid, v in self.cpu.items())

    @property
    def hwm_sum(self) -> int:
        """Sum of the processes' own high-water marks: an upper bound of the simultaneous peak."""
        return sum(self.hwm.values())


def timed(fn, label: str = ""):
    """Wall time of fn(), the CPU seconds of this process and its descendants (sampled), their
    peak summed RSS, tk.analyze's phases, and the load average after it."""
    with TreeMonitor() as mon, Phases() as ph:
        t0 = time.perf_counter()
        result = fn()
        wall = time.perf_counter() - t0
    m = {"wall": wall, "cpu": mon.cpu_seconds, "rss": mon.peak_rss, "phases": dict(ph.seconds), "result": result}
    if label:
        print(f"    {label}: {wall:.2f} s wall, {m['cpu']:.1f} s CPU ({m['cpu'] / wall:.2f} cores), peak RSS "
              f"{mon.peak_rss / GB:.2f} GB (processes: {len(mon.cpu)}), load {loadavg()}", flush=True)
    return m


def best(runs: list[dict]) -> dict:
    return min(runs, key=lambda m: m["wall"])


class Bench:
    """The measurements, each taken once and shared by the checks that need it."""

    def __init__(self, args, workdir: Path):
        self.args = args
        self.workdir = workdir
        self.cache: dict[str, dict] = {}
        self.arts = load_bbc(300 if args.quick else None)
        self.texts = analysed_texts(self.arts)
        self.words = sum(len(t.split()) for t in self.texts)
        print(f"BBC: {len(self.arts):,} articles loaded, {len(self.texts):,} analysed (not flagged as "
              f"duplicates), {self.words:,} words", flush=True)
        from toolkit.pipeline import nlp_for

        t = time.perf_counter()
        self.nlp = nlp_for(None, quotes=True)  # the same cached Language tk.analyze uses in this process
        self.model_load = time.perf_counter() - t
        list(self.nlp.pipe(self.texts[:16], batch_size=BATCH_SIZE))  # warm-up
        self.results = []

    def _bare_run(self, n_process: int):
        def run():
            for _ in self.nlp.pipe(self.texts, batch_size=BATCH_SIZE, n_process=n_process):
                pass
        return lambda: timed(run, f"nlp.pipe n_process={n_process}")

    def _tk_run(self, n_process: int, engine: str = "local"):
        import toolkit as tk

        def run():
            return tk.analyze(self.arts, topics=False, n_process=n_process, batch_size=BATCH_SIZE,
                              engine=engine, progress=False)
        return lambda: timed(run, f"tk.analyze n_process={n_process} engine={engine}")

    def measure(self, *runs):
        """Best of --repeat runs of each (key, run) given, alternated so that load changes on the
        machine hit them alike; measured once per benchmark and shared by the checks."""
        todo = [(k, r) for k, r in runs if k not in self.cache]
        got: dict[str, list] = {k: [] for k, _ in todo}
        for _ in range(self.args.repeat):
            for k, r in todo:
                got[k].append(r())
        for k, ms in got.items():
            self.cache[k] = best(ms)
        return [self.cache[k] for k, _ in runs]

    def pair(self, n_process: int):
        """(bare nlp.pipe, tk.analyze) at n_process."""
        return self.measure((f"bare{n_process}", self._bare_run(n_process)),
                            (f"tk{n_process}local", self._tk_run(n_process)))

    def dask_pair(self):
        """(local, dask) tk.analyze at n_process=2."""
        return self.measure(("tk2local", self._tk_run(2)), ("tk2dask", self._tk_run(2, "dask")))

    def record(self, check, measured, baseline, ratio, target, ok, note=""):
        self.results.append({"check": check, "measured": measured, "baseline": baseline, "ratio": ratio,
                             "target": target, "ok": ok, "note": note})
        print(f"  => {check}: {measured} vs {baseline}: ratio {ratio:.3g} (target {target}) "
              f"{'PASS' if ok else 'MISS'}", flush=True)


# --- the checks -------------------------------------------------------------------------------------

def check_e2e(b: Bench):
    print("\n[e2e] tk.analyze(topics=False, quotes=True) vs bare nlp.pipe, same texts, model, components, "
          f"batch_size={BATCH_SIZE}; pipes: {', '.join(b.nlp.pipe_names)}", flush=True)
    for n in (1, 2):
        sp, tk_ = b.pair(n)
        wps_sp, wps_tk = b.words / sp["wall"], b.words / tk_["wall"]
        ratio = wps_tk / wps_sp
        print(f"  n_process={n}: spaCy {sp['wall']:.1f} s = {wps_sp:,.0f} words/s; toolkit {tk_['wall']:.1f} s = "
              f"{wps_tk:,.0f} words/s; toolkit steps: {_phases(tk_)}")
        print(f"  CPU seconds (less sensitive to other load than wall time): spaCy {sp['cpu']:.0f} s, toolkit "
              f"{tk_['cpu']:.0f} s, ratio spaCy/toolkit {sp['cpu'] / max(tk_['cpu'], 1e-9):.2f}")
        b.record(f"e2e words/s n_process={n}", f"{wps_tk:,.0f} w/s", f"{wps_sp:,.0f} w/s", ratio, ">= 0.85",
                 ratio >= 0.85, f"toolkit {tk_['wall']:.1f} s, spaCy {sp['wall']:.1f} s")


def _phases(m) -> str:
    return ", ".join(f"{k} {v:.2f} s" for k, v in m["phases"].items() if v >= 0.005) or "-"


def check_scaling(b: Bench):
    print("\n[scaling] tk.analyze n_process=2 vs n_process=1 (same run)", flush=True)
    s1, t1 = b.pair(1)
    s2, t2 = b.pair(2)
    speedup, bare_speedup = t1["wall"] / t2["wall"], s1["wall"] / s2["wall"]
    print(f"  tk.analyze: {t1['wall']:.1f} s -> {t2['wall']:.1f} s (CPU {t1['cpu']:.0f} s -> {t2['cpu']:.0f} s); "
          f"bare nlp.pipe: {s1['wall']:.1f} s -> {s2['wall']:.1f} s, speed-up {bare_speedup:.2f}x")
    cap = cores_available()
    print(f"  cores available to two processes now: {cap:.2f}" +
          (" - fewer than 1.8: this machine is busy, the speed-up cannot reach the target and the check says little"
           if cap < 1.8 else ""))
    b.record("scaling n_process 2 vs 1", f"{t2['wall']:.1f} s", f"{t1['wall']:.1f} s", speedup, ">= 1.7",
             speedup >= 1.7, f"bare nlp.pipe speed-up {bare_speedup:.2f}x; cores available {cap:.2f}")


def check_warm(b: Bench):
    import toolkit as tk

    n = 2
    cache = b.workdir / "warm-cache"
    shutil.rmtree(cache, ignore_errors=True)
    print(f"\n[warm] tk.analyze(topics=False, n_process={n}, cache=DIR): cold run, then re-runs over the unchanged "
          f"corpus", flush=True)

    def run(arts=b.arts):
        return tk.analyze(arts, topics=False, n_process=n, batch_size=BATCH_SIZE, cache=cache, progress=False)

    cold = timed(run, "cold")
    warm = best([timed(run, "warm") for _ in range(3)])
    size = sum(f.stat().st_size for f in cache.rglob("*") if f.is_file())
    print(f"  cold {cold['wall']:.2f} s ({_phases(cold)}); warm best {warm['wall']:.3f} s ({_phases(warm)}); "
          f"store {size / 2 ** 20:.1f} MiB")
    same = len(cold["result"].mentions) == len(warm["result"].mentions) and \
        len(cold["result"].quotes) == len(warm["result"].quotes)
    if not same:
        print("  WARNING: the warm corpus differs from the cold one (mentions/quotes counts)")
    # informative: one article edited -> the per-article cache is read, one article re-analysed,
    # the corpus-wide steps redone
    edited = b.arts.copy()
    i = int(edited.index[edited["duplicate_of"].isna()][0]) if "duplicate_of" in edited else 0
    edited.loc[i, "text"] = edited.loc[i, "text"] + " (edited)"
    part = timed(lambda: run(edited), "one article edited")
    print(f"  one article edited: {part['wall']:.2f} s ({_phases(part)}) - no target, for reference")
    ratio = cold["wall"] / warm["wall"]
    b.record("warm re-run (cache)", f"{warm['wall']:.3f} s", f"{cold['wall']:.1f} s", ratio, ">= 50",
             ratio >= 50 and same, f"one article edited: {part['wall']:.1f} s")
    shutil.rmtree(cache, ignore_errors=True)


def check_dask(b: Bench):
    print("\n[dask] tk.analyze(engine='dask', n_process=2) vs the local engine at n_process=2", flush=True)
    local, dask = b.dask_pair()
    ratio = dask["wall"] / local["wall"]
    same = len(local["result"].mentions) == len(dask["result"].mentions) and \
        len(local["result"].quotes) == len(dask["result"].quotes)
    if not same:
        print("  WARNING: the Dask corpus differs from the local one (mentions/quotes counts)")
    print(f"  local {local['wall']:.1f} s, dask {dask['wall']:.1f} s (steps: {_phases(dask)})")
    b.record("dask vs local (n_process=2)", f"{dask['wall']:.1f} s", f"{local['wall']:.1f} s", ratio, "<= 1.2",
             ratio <= 1.2 and same)


def estimate_memory_run(b: Bench, n: int, n_process: int) -> float:
    """Seconds the memory check should take: the quotes=False pipeline timed on a few articles here,
    scaled to n articles over the cores n_process workers get on this machine now."""
    from toolkit.pipeline import process_records

    recs = [(str(i), t) for i, t in enumerate(b.texts[:60])]
    words = sum(len(t.split()) for _, t in recs)
    process_records(recs[:8], model=None, quotes=False, aliases=None, batch_size=BATCH_SIZE)  # loads the pipeline
    t = time.process_time()
    process_records(recs, model=None, quotes=False, aliases=None, batch_size=BATCH_SIZE)
    per_word = (time.process_time() - t) / words  # CPU seconds
    avg_words = b.words / max(1, len(b.texts))
    # the workers get about min(n_process, cores available) cores; +10% corpus-wide steps, + start-up
    share = max(0.5, min(n_process, cores_available()))
    return n * avg_words * per_word / share * 1.1 + 15


def check_memory(b: Bench):
    args = b.args
    n, n_process = args.memory_n, args.memory_n_process
    est = estimate_memory_run(b, n, n_process)
    print(f"\n[memory] {n:,} articles, quotes=False, topics=False, cache=DIR, n_process={n_process}, in a child "
          f"process; estimated {est / 60:.1f} min at the machine's current load", flush=True)
    cache = b.workdir / "memory-cache"
    shutil.rmtree(cache, ignore_errors=True)
    out = b.workdir / "memory-child.json"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--memory-child", str(n), "--memory-n-process",
           str(n_process), "--child-cache", str(cache), "--child-out", str(out)]
    if args.quick:
        cmd.append("--quick")
    import subprocess

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd)
    with TreeMonitor(proc.pid) as mon:
        rc = proc.wait()
    wall = time.perf_counter() - t0
    if rc != 0 or not out.exists():
        print(f"  the child process failed (exit {rc})")
        b.record(f"memory {n:,} articles", "failed", "-", float("nan"), "< 3 GB", False)
        return
    child = json.loads(out.read_text())
    print(f"  {n:,} articles in {wall:.0f} s ({child['seconds']:.0f} s in tk.analyze: {child['phases']}); "
          f"{child['mentions']:,} mentions, {child['actors']:,} actors; store {child['store_mib']:.0f} MiB; "
          f"CPU {mon.cpu_seconds:.0f} s ({mon.cpu_seconds / wall:.2f} cores)")
    print(f"  peak RSS, sampled every 0.2 s: all processes together {mon.peak_rss / GB:.2f} GB (main "
          f"{mon.peak_main / GB:.2f} GB, workers together {mon.peak_others / GB:.2f} GB); sum of each process's "
          f"own high-water mark (VmHWM, upper bound) {mon.hwm_sum / GB:.2f} GB over {len(mon.hwm)} processes; "
          f"main VmHWM {child['vmhwm_self'] / GB:.2f} GB (after each step: {child['hwm_steps']})")
    print(f"  before analysis (toolkit imported, {n:,} articles in a frame): {child['rss_before'] / GB:.2f} GB. "
          f"ru_maxrss (not used: it inherits the parent's size across fork+exec, and the forkserver's workers "
          f"are not the child's children): self {child['maxrss_self'] / GB:.2f} GB, children "
          f"{child['maxrss_children'] / GB:.2f} GB")
    measured = mon.peak_rss
    ok = measured < 3 * GB and mon.hwm_sum < 3 * GB
    b.record(f"memory {n:,} articles", f"{measured / GB:.2f} GB", "3 GB target", measured / (3 * GB), "< 3 GB",
             ok, f"{wall:.0f} s; upper bound {mon.hwm_sum / GB:.2f} GB")
    shutil.rmtree(cache, ignore_errors=True)


def memory_child(args) -> int:
    """Runs in the child process of the memory check; writes its figures as JSON."""
    import resource

    import psutil

    import toolkit as tk

    arts = repeated(load_bbc(300 if args.quick else None), args.memory_child)
    rss_before = psutil.Process().memory_info().rss
    t = time.perf_counter()
    with Phases() as ph:
        corpus = tk.analyze(arts, quotes=False, topics=False, n_process=args.memory_n_process,
                            batch_size=BATCH_SIZE, cache=args.child_cache, progress=True)
    seconds = time.perf_counter() - t
    cache = Path(args.child_cache)
    store = sum(f.stat().st_size for f in cache.rglob("*") if f.is_file())
    kib = 1024  # ru_maxrss is in KiB on Linux
    Path(args.child_out).write_text(json.dumps({
        "seconds": seconds, "phases": str(ph), "vmhwm_self": TreeMonitor._vmhwm(os.getpid()),
        "hwm_steps": ", ".join(f"{k} {v / GB:.2f} GB" for k, v in ph.hwm.items()),
        "mentions": len(corpus.mentions), "actors": len(corpus.actors),
        "store_mib": store / 2 ** 20, "rss_before": rss_before,
        "maxrss_self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kib,
        "maxrss_children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * kib}))
    return 0


# --- report -----------------------------------------------------------------------------------------

def machine(b: Bench | None) -> str:
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        import psutil

        ram = f"{psutil.virtual_memory().total / GB:.1f} GB"
    except ImportError:
        pass
    import spacy

    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:
        affinity = os.cpu_count()
    model = f"{b.nlp.meta.get('lang')}_{b.nlp.meta.get('name')} {b.nlp.meta.get('version')}" if b else "?"
    import importlib.metadata as md

    def ver(p):
        try:
            return md.version(p)
        except md.PackageNotFoundError:
            return "-"
    return (f"machine: {os.cpu_count()} cores ({affinity} usable), RAM {ram}, CPU {cpu}; Python "
            f"{platform.python_version()}, spaCy {spacy.__version__}, model {model}, pandas {ver('pandas')}, "
            f"dask {ver('distributed')}, toolkit {ver('news-toolkit')}")


def summary(results) -> str:
    rows = [("check", "measured", "baseline", "ratio", "target", "result")]
    rows += [(r["check"], r["measured"], r["baseline"], f"{r['ratio']:.3g}", r["target"], "PASS" if r["ok"] else "MISS")
             for r in results]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def code_version_now() -> str:
    """The toolkit's source hash as on disk now (version.code_version is cached per process)."""
    from toolkit.version import code_version

    return code_version.__wrapped__()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="300 BBC articles (memory: 2,000) for a smoke run")
    ap.add_argument("--only", choices=CHECKS, action="append", help="run only this check (repeatable)")
    ap.add_argument("--skip", choices=CHECKS, action="append", default=[], help="leave this check out")
    ap.add_argument("--repeat", type=int, default=1, help="timed runs per measurement; the best is kept")
    ap.add_argument("--memory-n", type=int, default=None, help="articles for the memory check (default 20,000)")
    ap.add_argument("--memory-n-process", type=int, default=2, help="n_process for the memory check")
    ap.add_argument("--workdir", default=None, help="folder for caches (default: a temporary folder, removed)")
    ap.add_argument("--memory-child", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--child-cache", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--child-out", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.memory_child:
        return memory_child(args)
    if args.memory_n is None:
        args.memory_n = 2000 if args.quick else 20000
    checks = [c for c in (args.only or CHECKS) if c not in args.skip]

    bbc_folder()  # exits 2 with a message when the data is missing
    t_start = time.perf_counter()
    own_tmp = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="bench_scale-")) if own_tmp else Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    load0, cap0 = loadavg(), cores_available()
    print(f"bench_scale: checks {', '.join(checks)}{' (quick)' if args.quick else ''}; load average {load0}; "
          f"cores available to two processes {cap0:.2f} (2.0 = idle); caches in {workdir}", flush=True)
    from toolkit.version import code_version as _cv

    code_version = _cv()
    try:
        b = Bench(args, workdir)
        print(f"toolkit source {code_version}")
        print(machine(b))
        print(f"model loaded in {b.model_load:.1f} s", flush=True)
        for name in checks:
            try:
                {"e2e": check_e2e, "scaling": check_scaling, "warm": check_warm, "memory": check_memory,
                 "dask": check_dask}[name](b)
            except Exception as exc:  # one broken check must not hide the others' results
                import traceback

                traceback.print_exc()
                b.record(name, "error", "-", float("nan"), "-", False, f"{type(exc).__name__}: {exc}")
    finally:
        if own_tmp:
            shutil.rmtree(workdir, ignore_errors=True)
    total = time.perf_counter() - t_start
    print(f"\nSummary ({len(b.texts):,} BBC articles analysed{', QUICK: ratios not meaningful' if args.quick else ''}; "
          f"timings are single wall-clock runs{f' (best of {args.repeat})' if args.repeat > 1 else ''} on a machine "
          f"that may be shared: load average {load0} at the start, {loadavg()} now; cores available to two busy "
          f"processes {cap0:.2f} at the start, {cores_available():.2f} now, 2.0 = idle)")
    print(summary(b.results))
    print(machine(b))
    now = code_version_now()
    print(f"toolkit source {code_version}" + ("" if now == code_version else
          f" -> {now}: WARNING, the toolkit's files changed during the run; worker processes import them afresh, "
          "so measurements after the change ran other code"))
    print(f"total {total / 60:.1f} min")
    missed = [r["check"] for r in b.results if not r["ok"]]
    print("targets: " + ("all met" if not missed else "MISSED: " + "; ".join(missed)))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
