"""Where the benchmarks find the shared data: ``$NEWS_TOOLKIT_DATA``, else ``../shared/data``
beside the repository. BBC and PolNeAR are read from there and never copied into the repository."""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def data_root() -> Path:
    return Path(os.environ.get("NEWS_TOOLKIT_DATA") or DEFAULT_DATA)


def bbc_folder(hint: str = "") -> Path:
    """The BBC folder (bbc/<category>/*.txt); exits with status 2 and says where to put it when
    it is missing. ``hint``: what else the user can do (e.g. an option that skips the BBC part)."""
    folder = data_root() / "bbc"
    if not folder.is_dir():
        print(f"BBC data not found at {folder}.\nPut the BBC News folder (bbc/<category>/*.txt, 2,225 articles) "
              f"under <data root>/bbc and set NEWS_TOOLKIT_DATA=<data root> (default data root: {DEFAULT_DATA})"
              f"{', ' + hint if hint else ''}. Do not copy it into the repository.", file=sys.stderr)
        sys.exit(2)
    return folder
