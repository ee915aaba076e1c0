"""Write the curated notebooks from their cells below, run them, and store them with outputs.

    python scripts/build_notebooks.py [NAME ...]     # default: all

Outputs are produced with the same settings as the test run (strict nbval), and saved widget state
is stripped so the stored notebooks stay small.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NB_DIR = ROOT / "notebooks"
sys.path.insert(0, str(ROOT / "scripts"))
from notebook_cells import NOTEBOOKS  # noqa: E402


def build(name: str) -> Path:
    cells = []
    for kind, src in NOTEBOOKS[name]:
        src = src.strip("\n")
        cells.append(nbformat.v4.new_markdown_cell(src) if kind == "md" else nbformat.v4.new_code_cell(src))
    for i, cell in enumerate(cells):
        cell.id = f"{name[:2]}-{i:02d}"  # stable ids: a rebuild changes only what the outputs change
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(NB_DIR)}}).execute()
    nb.metadata.pop("widgets", None)  # saved widget state (with the offline chart bundle) would weigh MBs
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    path = NB_DIR / f"{name}.ipynb"
    nbformat.write(nb, path)
    size = path.stat().st_size
    print(f"{path.relative_to(ROOT)}: {size / 1024:.0f} KB")
    if size > 1_000_000:
        sys.exit(f"{path} is over 1 MB: show less output")
    return path


if __name__ == "__main__":
    for name in sys.argv[1:] or sorted(NOTEBOOKS):
        build(name)
