"""Shared fixtures: where the shared data folder is, and helpers to find files in it.

The data live outside the repository (licences forbid copying BBC and PolNeAR): by default in
``../shared/data`` beside the project, or wherever ``NEWS_TOOLKIT_DATA`` points. Missing data is a
failure, never a skip.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"


def data_folder() -> Path:
    """The shared data folder: $NEWS_TOOLKIT_DATA, else ../shared/data beside the repository."""
    return Path(os.environ.get("NEWS_TOOLKIT_DATA", DEFAULT_DATA))


@pytest.fixture(scope="session")
def data_root() -> Path:
    root = data_folder()
    if not root.is_dir():
        pytest.fail(
            f"shared data folder not found at {root}: put the shared data there "
            f"(default {DEFAULT_DATA}) or set NEWS_TOOLKIT_DATA to its path",
            pytrace=False,
        )
    return root


def need(path: Path) -> Path:
    """``path``, failing the test with a clear message when it is not in the data folder."""
    if not path.exists():
        pytest.fail(f"{path} is missing from the shared data folder; restore it or set NEWS_TOOLKIT_DATA",
                    pytrace=False)
    return path


def seed_file(root: Path) -> Path:
    """The reference article (The Standard, Kenya, 2025-02-07) in the data folder."""
    return need(root / "seed" / "000_6d4597893878630f.txt")


@pytest.fixture(scope="session")
def seed_articles(data_root):
    """The reference article loaded as an articles frame (one row), as other test modules use it."""
    import toolkit as tk

    return tk.load_articles(seed_file(data_root), source="The Standard", errors="raise")


@pytest.fixture(scope="session")
def seed_path(data_root) -> Path:
    """Path of the reference article in the shared data folder."""
    return seed_file(data_root)


@pytest.fixture(scope="session")
def small_corpus(seed_articles):
    """The reference article + the first 20 Wikinews articles of the sample (by id), analysed
    without topics; shared by the chart and widget tests."""
    import pandas as pd

    import toolkit as tk

    sample = tk.load_sample()
    wikinews = sample[sample["source"] == "Wikinews"].sort_values("article_id").head(20)
    return tk.analyze(pd.concat([seed_articles, wikinews], ignore_index=True), topics=False)
