"""The quote explorer."""
from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd

from ..exports import to_csv
from ..schema import QUOTE_KINDS
from ..tables import article_texts, has_topics, quote_frame
from .html import TABLE_ROWS, quotes_table_html

ANY = ""  # the "no filter" value of the filter dropdowns
EXPORT_COLUMNS = ["quote_id", "article_id", "published", "source", "title", "url", "speaker", "actor_id", "kind",
                  "cue", "text", "topic"]


class QuoteExplorer(widgets.VBox):
    """Filter the corpus's quotes; a table of the first matches with speaker and cue highlighted.

    Controls (set ``.value`` to drive them): ``speaker`` (a name, or part of one), ``kind``,
    ``source``, ``topic`` (the article's main topic), ``start`` / ``end`` (dates, inclusive, UTC),
    ``search`` (text of the quote, case-insensitive). ``quotes`` is the frame of every match
    (columns QUOTE_VIEW), ``n_matches`` its length, ``table`` the HTML view.
    """

    def __init__(self, corpus, *, rows: int = TABLE_ROWS):
        super().__init__()
        self.rows = rows
        self._frame = quote_frame(corpus)
        self.article_texts = article_texts(corpus)
        f = self._frame
        # lower-cased once: filtering 50,000 quotes per keystroke must stay fast
        self._speaker_lc = f["speaker"].astype("string").fillna("").str.lower()
        self._text_lc = f["text"].astype("string").fillna("").str.lower()
        self._published = pd.to_datetime(f["published"], utc=True)
        speakers = f["speaker"].dropna().value_counts()
        speakers = speakers.rename("n").reset_index().sort_values(["n", "speaker"], ascending=[False, True],
                                                                  kind="stable")
        self.speaker = widgets.Combobox(options=speakers["speaker"].head(500).tolist(), placeholder="speaker",
                                        ensure_option=False, description="Speaker")
        self.kind = widgets.Dropdown(options=[("any kind", ANY), *[(k, k) for k in QUOTE_KINDS]],
                                     value=ANY, description="Kind")
        sources = sorted(f["source"].dropna().astype(str).unique())
        self.source = widgets.Dropdown(options=[("any source", ANY), *[(s, s) for s in sources]], value=ANY,
                                       description="Source")
        topics = (corpus.topics.sort_values("topic_id", kind="stable") if has_topics(corpus)
                  else pd.DataFrame({"topic_id": [], "label": []}))
        self.topic = widgets.Dropdown(
            options=[("any topic", ANY), *[(str(l), t) for t, l in zip(topics["topic_id"], topics["label"])]],
            value=ANY, description="Topic", disabled=topics.empty)
        self.start = widgets.DatePicker(description="From")
        self.end = widgets.DatePicker(description="To")
        self.search = widgets.Text(placeholder="words in the quote", description="Text")
        self.table = widgets.HTML()
        self._mask = np.ones(len(f), dtype=bool)
        for w in self.controls:
            w.observe(self._on_change, names="value")
        self.children = [widgets.HBox([self.speaker, self.kind, self.source]),
                         widgets.HBox([self.topic, self.start, self.end]), self.search, self.table]
        self.refresh()

    @property
    def controls(self) -> list[widgets.Widget]:
        return [self.speaker, self.kind, self.source, self.topic, self.start, self.end, self.search]

    @property
    def quotes(self) -> pd.DataFrame:
        """Every quote matching the filters (newest first)."""
        return self._frame.loc[self._mask].reset_index(drop=True)

    @property
    def n_matches(self) -> int:
        return int(self._mask.sum())

    def _on_change(self, _change=None):
        self.refresh()

    def mask(self) -> np.ndarray:
        """Boolean mask of the quotes matching the current filters."""
        f = self._frame
        m = np.ones(len(f), dtype=bool)
        who = self.speaker.value.strip().lower()
        if who:
            exact = (self._speaker_lc == who).to_numpy(dtype=bool)
            # an exact name (picked from the list) means that speaker; anything else is a substring
            m &= exact if exact.any() else self._speaker_lc.str.contains(who, regex=False).to_numpy(dtype=bool)
        if self.kind.value != ANY:
            m &= (f["kind"] == self.kind.value).fillna(False).to_numpy(dtype=bool)
        if self.source.value != ANY:
            m &= (f["source"] == self.source.value).fillna(False).to_numpy(dtype=bool)
        if self.topic.value != ANY:
            m &= (f["topic_id"] == self.topic.value).fillna(False).to_numpy(dtype=bool)
        if self.start.value is not None:
            lo = pd.Timestamp(self.start.value, tz="UTC")
            m &= (self._published >= lo).fillna(False).to_numpy(dtype=bool)
        if self.end.value is not None:
            hi = pd.Timestamp(self.end.value, tz="UTC") + pd.Timedelta(days=1)
            m &= (self._published < hi).fillna(False).to_numpy(dtype=bool)
        words = self.search.value.strip().lower()
        if words:
            m &= self._text_lc.str.contains(words, regex=False).to_numpy(dtype=bool)
        return m

    def refresh(self):
        """Re-apply the filters and redraw the table (only its first ``rows`` rows are rendered)."""
        self._mask = self.mask()
        first = self._frame.iloc[np.flatnonzero(self._mask)[: self.rows]]  # never copy all matches
        self.table.value = quotes_table_html(first, self.article_texts, total=self.n_matches, limit=self.rows)

    def export_csv(self, path) -> int:
        """Write the matching quotes (EXPORT_COLUMNS) to a UTF-8 CSV that cannot run formulas and
        keeps each quote one record (see :func:`toolkit.exports.to_csv`). ``path`` is a file path or
        an open text file. Returns the number of rows written."""
        rows = self.quotes[EXPORT_COLUMNS].copy()
        rows["published"] = pd.to_datetime(rows["published"], utc=True).dt.strftime("%Y-%m-%dT%H:%M:%SZ")
        return to_csv(rows, path)
