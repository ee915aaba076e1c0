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


# --- BBC with light edits (near-duplicates, search) -----------------------------------------------

# Made-up words and credit lines for the edited copies (never text of a data set).
SWAP_WORDS = ("officials", "reportedly", "residents", "observers", "meanwhile", "analysts", "initially", "recently")
CREDITS = ("(Reporting by Ana Lima; editing by Tom Okafor)", "Additional reporting by the wire desk.",
           "(Compiled by our correspondent; editing by Mei Chen)", "Copyright the News Agency. All rights reserved.")
_SENTENCE = __import__("re").compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
_LONG_WORD = __import__("re").compile(r"\b[a-z]{5,}\b")


def edited(text: str, rng) -> str:
    """``text`` with light edits, as a reprint makes them: one sentence dropped, three words
    changed and a credit line added."""
    paragraphs = [p.split("\n") for p in text.split("\n\n")]
    sentences = [(i, j, s) for i, p in enumerate(paragraphs) for j, line in enumerate(p)
                 for s in _SENTENCE.split(line)]
    if len(sentences) > 2:
        drop = sentences[int(rng.integers(1, len(sentences)))][2]  # never the first: the headline stays
        text = text.replace(drop, "", 1)
    words = list(_LONG_WORD.finditer(text))
    for k in sorted(rng.choice(len(words), size=min(3, len(words)), replace=False), reverse=True) if words else []:
        m = words[int(k)]
        text = text[:m.start()] + SWAP_WORDS[int(rng.integers(len(SWAP_WORDS)))] + text[m.end():]
    return text.rstrip() + "\n\n" + CREDITS[int(rng.integers(len(CREDITS)))]


def bbc_with_edits(n: int, *, seed: int = 0, originals=None):
    """``n`` articles: the BBC articles (first copies, exact duplicates dropped) followed by edited
    copies of them (see :func:`edited`) in random order, with a column ``original`` (the
    article_id each copy was made from; NA for the originals) and a source per copy
    ("Outlet 1" ... "Outlet 5") and a made-up date in 2005 (originals in January, copies later, so
    each original is published before its copies), so attention can be counted by outlet and month."""
    import numpy as np
    import pandas as pd

    import toolkit as tk

    base = originals if originals is not None else tk.load_articles(bbc_folder(), errors="report")
    base = base[base["duplicate_of"].isna()].reset_index(drop=True)
    rng = np.random.default_rng(seed)
    n_copies = max(0, n - len(base))
    pick = rng.integers(0, len(base), size=n_copies)
    copies = base.iloc[pick].copy().reset_index(drop=True)
    copies["original"] = copies["article_id"]
    copies["text"] = [edited(t, rng) for t in copies["text"]]
    copies["article_id"] = [f"copy-{i:06d}" for i in range(n_copies)]
    both = pd.concat([base.assign(original=pd.NA), copies], ignore_index=True).head(n)
    both["original"] = both["original"].astype("string")
    both["duplicate_of"] = pd.Series(pd.NA, index=both.index, dtype="string")
    both["source"] = pd.Series([f"Outlet {i}" for i in rng.integers(1, 6, size=len(both))], dtype="string")
    is_copy = both["original"].notna().to_numpy()
    days = np.where(is_copy, rng.integers(31, 365, size=len(both)), rng.integers(0, 31, size=len(both)))
    both["published"] = pd.Timestamp("2005-01-01", tz="UTC") + pd.to_timedelta(days, unit="D")
    both["n_words"] = both["text"].str.split().str.len().astype("int64")
    return both
