"""A real browser: JupyterLab and Voila in Debian's headless Chromium, driven by Playwright.

Every curated notebook is run in JupyterLab (on a copy: Lab autosaves over the nbval reference);
every chart must draw (Vega marks in the DOM), every widget render, no cell show an error; a
dropdown change must round-trip to the kernel and update a view. The dashboard is opened in Voila
the same way. Screenshots go to tests/artifacts/browser/ for a person to look at. Every server
started here is stopped here.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = REPO / "tests" / "artifacts" / "browser"
NOTEBOOKS = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))
MARKS = ".vega-embed svg.marks, .vega-embed canvas.marks"
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"no answer from {url} within {timeout} s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def expected_charts(nb_path: Path) -> int:
    """Charts a notebook displays, from its stored outputs."""
    n = 0
    for cell in json.loads(nb_path.read_text(encoding="utf-8"))["cells"]:
        for out in cell.get("outputs", []):
            if "JupyterChart object" in "".join(out.get("data", {}).get("text/plain", "")):
                n += 1
    return n


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A copy of the notebooks beside the analysed sample store, and Lab settings without news."""
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(REPO / "notebooks", root / "notebooks")
    store = REPO / "results"
    if not (store / "sample" / "corpus" / "corpus.json").is_file():
        subprocess.run([sys.executable, "-m", "toolkit.cli", "analyze", "--sample", "--out",
                        str(store / "sample"), "--n-process", "2"], check=True, capture_output=True)
    (root / "results").symlink_to(store, target_is_directory=True)
    settings = root / "settings" / "@jupyterlab"
    (settings / "apputils-extension").mkdir(parents=True)
    (settings / "apputils-extension" / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    # every cell in the DOM (no windowing), so prompts and outputs of all cells can be checked
    (settings / "notebook-extension").mkdir(parents=True)
    (settings / "notebook-extension" / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    SHOTS.mkdir(parents=True, exist_ok=True)
    return root


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: `apt-get install -y chromium` (make test does it)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def lab(workdir):
    port, token = free_port(), "toolkit-browser-test"
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(workdir / "settings")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}", f"--ServerApp.token={token}",
         "--ServerApp.ip=127.0.0.1", "--allow-root", f"--ServerApp.root_dir={workdir}"],
        cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_http(f"http://127.0.0.1:{port}/api/status?token={token}", proc)
        yield f"http://127.0.0.1:{port}", token
    finally:
        stop(proc)


def run_all(page) -> None:
    page.locator(".lm-MenuBar-item", has_text="Run").first.click()
    page.locator(".lm-Menu-item:visible", has_text="Run All Cells").first.click()


def execution_counts(page) -> list[str]:
    return page.locator(f"{PANEL} .jp-CodeCell .jp-InputArea-prompt").all_inner_texts()


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_in_jupyterlab(name, lab, browser, workdir):
    url, token = lab
    n_code = sum(c["cell_type"] == "code" for c in json.loads((workdir / "notebooks" / name).read_text())["cells"])
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(f"{url}/lab/tree/notebooks/{name}?reset&token={token}")
        page.wait_for_selector(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        page.wait_for_timeout(1000)  # let the panel settle before using the menu
        run_all(page)
        deadline = time.time() + 240
        while time.time() < deadline:
            counts = execution_counts(page)
            if len(counts) == n_code and all(re.fullmatch(r"\[\d+\]:", c.strip()) for c in counts):
                break
            time.sleep(0.5)
        counts = execution_counts(page)
        assert all(re.fullmatch(r"\[\d+\]:", c.strip()) for c in counts) and len(counts) == n_code, counts
        # no cell shows an error
        assert page.locator(f"{PANEL} [data-mime-type='application/vnd.jupyter.error']").count() == 0
        stderr = " ".join(page.locator(f"{PANEL} [data-mime-type='application/vnd.jupyter.stderr']").all_inner_texts())
        assert "Error" not in stderr and "Traceback" not in stderr, stderr[:2000]
        # every chart drew
        want = expected_charts(workdir / "notebooks" / name)
        if want:
            page.wait_for_function(f"document.querySelectorAll(`{PANEL} .vega-embed svg.marks, {PANEL} "
                                   f".vega-embed canvas.marks`).length >= {want}", timeout=120_000)
        if name in ("00_start_here.ipynb", "03_quotes.ipynb", "06_dashboard.ipynb"):
            page.wait_for_selector(f"{PANEL} .jupyter-widgets select", timeout=60_000)
        if name == "00_start_here.ipynb":
            dropdown_round_trip(page)
        page.screenshot(path=str(SHOTS / name.replace(".ipynb", ".png")), full_page=False)
        assert not errors, errors
    finally:
        page.close()


def dropdown_round_trip(page) -> None:
    """Pick another actor in the explorer: the kernel answers and the header shows them."""
    select = page.locator(f"{PANEL} .widget-dropdown select").first
    labels = [t.replace("\xa0", " ") for t in select.locator("option").all_inner_texts()]  # widgets use nbsp
    target = next((i for i, label in enumerate(labels) if label.startswith("Marco Rubio")), None)
    assert target is not None, labels
    select.select_option(index=target)
    page.wait_for_function(
        f"Array.from(document.querySelectorAll(`{PANEL} .widget-html-content`))"
        ".some(e => e.innerText.includes('Marco Rubio') && e.innerText.includes('Secretary of State'))",
        timeout=60_000)


def test_dashboard_in_voila(workdir, browser):
    """The dashboard in Voila: the first tab paints (its time written beside the screenshots:
    benchmarks/bench_widgets.py --browser reports it), the other tabs build when clicked, a speaker
    search shows the ambiguity, the download link saves the rows, and a row's article opens."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "voila", "notebooks/06_dashboard.ipynb", f"--port={port}", "--no-browser",
         "--Voila.ip=127.0.0.1"],
        cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    try:
        wait_http(f"http://127.0.0.1:{port}/", proc, timeout=180)
        t0 = time.perf_counter()
        page.goto(f"http://127.0.0.1:{port}/", timeout=300_000)
        page.wait_for_selector("table.tk-quotes", timeout=240_000)
        first_paint = time.perf_counter() - t0
        (SHOTS / "06_dashboard_first_paint.json").write_text(json.dumps({"first_paint_s": round(first_paint, 2)}))
        assert page.locator(".widget-html-content", has_text="Find quotes").count() >= 1  # the help line
        page.screenshot(path=str(SHOTS / "06_dashboard_quotes.png"))
        assert page.locator("[data-mime-type='application/vnd.jupyter.error']").count() == 0
        # a filter change goes to the kernel and back: the quote table shows the new count
        table = "document.querySelector('table.tk-quotes').closest('.widget-html-content').innerText"
        kind = page.locator(".widget-dropdown", has_text="Kind").locator("select").first
        before = page.evaluate(table)
        kind.select_option(value=kind.locator("option").nth(1).get_attribute("value"))
        page.wait_for_function(f"(before) => {table} !== before", arg=before, timeout=60_000)
        kind.select_option(index=0)
        # part of a name: every Biden, and the ambiguity said
        page.locator(".widget-combobox input, input[placeholder='speaker']").first.fill("biden")
        page.wait_for_selector(".widget-html-content:has-text('“biden” is ambiguous')", timeout=60_000)
        assert "Hunter Biden" in page.locator(".widget-html-content", has_text="“biden” is ambiguous").first.inner_text()
        # the download: the button makes the links, the link saves the rows in view
        page.locator("button", has_text="Download rows").first.click()
        link = page.locator("a.tk-download-csv").first
        link.wait_for(timeout=60_000)
        with page.expect_download() as info:
            link.click()
        saved = Path(info.value.path()).read_text(encoding="utf-8")
        assert info.value.suggested_filename == "quotes.csv" and saved.startswith("quote_id,")
        assert "Joe Biden" in saved
        # a row's article, whole, with its mentions and quotes marked
        opener = page.locator(".widget-dropdown", has_text="Open").locator("select").first
        opener.select_option(index=1)
        page.wait_for_selector(".tk-article .tk-mention", timeout=60_000)
        page.screenshot(path=str(SHOTS / "06_dashboard_quotes_biden.png"), full_page=True)
        for tab, shot in (("Actors", "actors"), ("Together", "together"), ("Voices", "voices"),
                          ("About this data", "about")):
            page.locator(".lm-TabBar-tab", has_text=tab).first.click()
            if tab == "About this data":
                page.wait_for_selector("table.tk-about", state="visible", timeout=60_000)
            else:  # a chart of this tab drew (the other tabs' charts are hidden now)
                page.wait_for_function(f"Array.from(document.querySelectorAll(`{MARKS}`))"
                                       ".some(e => e.getClientRects().length > 0 && e.checkVisibility())",
                                       timeout=120_000)
            page.screenshot(path=str(SHOTS / f"06_dashboard_{shot}.png"))
        assert page.locator("[data-mime-type='application/vnd.jupyter.error']").count() == 0
        page.screenshot(path=str(SHOTS / "06_dashboard_voila.png"))
    finally:
        page.close()
        stop(proc)


HOSTILE_CELLS = [
    """import pandas as pd
import toolkit as tk

tk.charts.use_offline()
payload = '<img src=x onerror="window.__xss = 1">'
articles = pd.DataFrame({
    "article_id": ["x1", "x2"],
    "source": ["<b onmouseover=\\"window.__xss = 2\\">Daily</b>", "Wire"],
    "title": ["<script>window.__xss = 3</script>Budget vote", "Second story " + payload],
    "url": ["javascript:window.__xss = 4", "https://example.org/a"],
    "published": pd.to_datetime(["2024-05-01", "2024-05-02"], utc=True),
    "text": ['President Joe Biden said: "We will <script>window.__xss = 5</script> win the vote ' + payload + '."',
             '"The <a href=\\"javascript:window.__xss = 6\\">budget</a> is fair," said Senator Jane Smith.'],
})
corpus = tk.analyze(articles, topics=False)
explorer = tk.widgets.QuoteExplorer(corpus)
explorer""",
    "tk.charts.chart_top_actors(corpus)",
    "corpus.quotes[['speaker', 'text']]",
]


def test_hostile_text_shows_as_text_and_runs_no_script(lab, browser, workdir):
    """Titles, quotes and names with HTML and script show as text in widgets, tables and charts."""
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in HOSTILE_CELLS])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, workdir / "notebooks" / "hostile.ipynb")
    url, token = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(f"{url}/lab/tree/notebooks/hostile.ipynb?reset&token={token}")
        page.wait_for_selector(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        page.wait_for_timeout(1000)
        run_all(page)
        page.wait_for_function(
            f"Array.from(document.querySelectorAll(`{PANEL} .jp-CodeCell .jp-InputArea-prompt`))"
            ".every(e => /\\[\\d+\\]:/.test(e.innerText))", timeout=240_000)
        page.wait_for_selector(f"{PANEL} .widget-html-content table", timeout=60_000)
        page.wait_for_selector(f"{PANEL} {MARKS.split(',')[0]}", timeout=60_000)
        page.wait_for_timeout(1500)
        shown = " ".join(page.locator(f"{PANEL} .widget-html-content").all_inner_texts())
        assert "<script>window.__xss = 3</script>Budget vote" in shown  # the title, as text
        assert 'onerror="window.__xss = 1"' in shown
        table = " ".join(page.locator(f"{PANEL} .jp-RenderedHTMLCommon table").all_inner_texts())
        assert "<script>window.__xss = 5</script>" in table
        assert page.evaluate("window.__xss === undefined"), page.evaluate("window.__xss")
        assert page.locator(f"{PANEL} .widget-html-content script, {PANEL} .widget-html-content img").count() == 0
        assert page.locator(f"{PANEL} a[href^='javascript']").count() == 0
        assert not dialogs
        page.screenshot(path=str(SHOTS / "hostile.png"))
    finally:
        page.close()
