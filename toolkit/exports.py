"""Exports of tables as files people open in spreadsheets: CSV (and Excel) that cannot run formulas.

A cell that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) gets a leading ``'``, so it shows as text (OWASP's advice on CSV injection).
"""
from __future__ import annotations

import pandas as pd

CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")  # OWASP CSV injection: spreadsheets evaluate these


def neutralize_csv(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy in which every text cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage
    return gets a leading ``'``, so spreadsheets show it instead of running it as a formula."""
    out = frame.copy()
    for c in out.columns:
        s = out[c]
        if pd.api.types.is_string_dtype(s) or s.dtype == object:
            out[c] = s.map(lambda v: "'" + v if isinstance(v, str) and v.startswith(CSV_TRIGGERS) else v)
    return out
