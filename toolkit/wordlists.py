"""Word lists the rules use, read from the CSV files in ``toolkit/data/wordlists/``.

Each file opens with ``#`` lines saying what the list is for and where it came from, then a CSV
header and one entry per row. The lists are data, not code: extend or replace them there (or,
for actors, with a user alias table), and ``tests/test_wordlists.py`` checks that every file has
its header and no duplicate entries.

>>> "say" in words("cue_verbs")
True
>>> mapping("name_variants", "variant", "canonical")["U.S."]
'United States'
"""
from __future__ import annotations

import csv
import functools
from pathlib import Path

FOLDER = Path(__file__).parent / "data" / "wordlists"


def path(name: str) -> Path:
    return FOLDER / f"{name}.csv"


@functools.lru_cache(maxsize=None)
def rows(name: str) -> tuple[dict, ...]:
    """The rows of word list ``name`` as dicts keyed by its header (comment lines skipped)."""
    with open(path(name), encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#") and line.strip()]
    return tuple(dict(r) for r in csv.DictReader(lines))


def header(name: str) -> list[str]:
    """The ``#`` lines at the top of word list ``name``, without the ``#``."""
    out = []
    with open(path(name), encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                break
            out.append(line[1:].strip())
    return out


@functools.lru_cache(maxsize=None)
def words(name: str, column: str = "word") -> frozenset[str]:
    """The entries of one column of word list ``name``."""
    return frozenset(r[column] for r in rows(name))


@functools.lru_cache(maxsize=None)
def mapping(name: str, key: str, value: str) -> dict[str, str]:
    """Word list ``name`` as a dict from column ``key`` to column ``value`` (first row wins)."""
    out: dict[str, str] = {}
    for r in rows(name):
        out.setdefault(r[key], r[value])
    return out


def names() -> list[str]:
    """Every word list shipped."""
    return sorted(p.stem for p in FOLDER.glob("*.csv"))
