"""The libraries of the ``formats`` extra, imported when a file needs one.

A missing one is reported for the file that needs it (or raised with ``errors="raise"``) with
the command that installs it, never a bare ``ModuleNotFoundError``.
"""
from __future__ import annotations

import importlib

from .run import Run

EXTRA = "formats"
INSTALL = f"pip install 'news-toolkit[{EXTRA}]'"


def require(module: str, package: str, what: str, name: str, run: Run):
    """The imported ``module``, or None after reporting ``name`` as needing ``package``."""
    try:
        return importlib.import_module(module)
    except ImportError:
        run.fail(name, f"reading {what} needs the {package} package, part of the {EXTRA!r} extra: "
                 f"run {INSTALL} (or pip install {package})")
        return None
