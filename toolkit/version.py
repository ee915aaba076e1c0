"""Which analysis code computed a table: the key that keeps cached results honest.

:func:`code_version` hashes the *normalised syntax tree* of every module that computes tables
(docstrings dropped; comments and formatting never reach the tree) and the bytes of the word lists
they read. Editing a comment or a docstring therefore leaves an analysed store valid, while any
change to what the code does, or to a word list, recomputes it. Charts, widgets, loaders and the
CLI are not part of it: changing them invalidates nothing.
"""
from __future__ import annotations

import ast
import functools
import hashlib
from pathlib import Path

__version__ = "0.1.0"
ROOT = Path(__file__).parent
# Modules and subpackages whose code decides the content of the per-article and corpus tables.
ANALYSIS = ("schema.py", "units.py", "wordlists.py", "nlp.py", "pipeline.py", "analysis.py", "actors", "quotes",
            "topics")
DATA = ("data/wordlists",)


def normalized_source(source: str) -> str:
    """The syntax tree of ``source`` without docstrings, as text: the same for two versions of a
    module that differ only in comments, docstrings or layout."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant) \
                    and isinstance(body[0].value.value, str):
                node.body = body[1:] or [ast.Pass()]
    return ast.dump(tree, annotate_fields=False, include_attributes=False)


def _files(root: Path) -> list[Path]:
    out = []
    for name in ANALYSIS:
        p = root / name
        if p.is_dir():
            out.extend(sorted(p.rglob("*.py")))
        elif p.is_file():
            out.append(p)
    for name in DATA:
        out.extend(sorted(f for f in (root / name).rglob("*") if f.is_file()))
    return out


def code_hash(root: Path = ROOT) -> str:
    """SHA-1 (12 hex digits) of the analysis code under ``root`` as :func:`normalized_source`
    sees it, and of its word lists."""
    h = hashlib.sha1()
    for f in _files(root):
        h.update(f.relative_to(root).as_posix().encode())
        h.update(b"\0")
        if f.suffix == ".py":
            h.update(normalized_source(f.read_text(encoding="utf-8")).encode())
        else:
            h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:12]


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """The toolkit's version and :func:`code_hash` of the installed analysis code."""
    return f"{__version__}+{code_hash()}"
