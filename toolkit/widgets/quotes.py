"""The quote explorer."""
from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd

from ..exports import to_csv
from ..schema import QUOTE_KINDS
from ..tables import article_texts, has_topics, quote_frame
from ..tables.names import actor_keys, fold_series, is_ambiguous, match_actors, speaker_groups, speaker_mask
from .html import TABLE_ROWS, esc, quotes_table_html
from .rows import RowsView

ANY = ""  # the "no filter" value of the filter dropdowns
EXPORT_COLUMNS = ["quote_id", "article_id", "published", "source", "title", "url", "speaker", "actor_id", "kind",
                  "cue", "text", "topic"]
BY_SPEAKER = "who speaks (most quoted first)"
SORTS = {"newest first": [("published", False)], "oldest first": [("published", True)],
         BY_SPEAKER: [("_group_rank", True), ("published", False)],
         "speaker A–Z": [("speaker", True), ("published", False)], "source": [("source", True), ("published", False)],
         "kind": [("kind", True), ("published", False)]}
SHOWN_MATCHES = 12  # matching actors listed by name above the table


def export_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The columns a quote download holds, dates as ISO UTC text."""
    out = rows[EXPORT_COLUMNS].copy()
    out["published"] = pd.to_datetime(out["published"], utc=True).dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    return out


def plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def matches_html(query: str, actors: pd.DataFrame, groups: pd.DataFrame) -> str:
    """What a speaker search found: the speakers quoted (grouped, counted) and every actor the
    name matches, with a warning when the name is ambiguous."""
    if not query.strip():
        return ""
    quoted = ", ".join(f"{esc(g)} <b>{n:,}</b>" for g, n in zip(groups["group"].head(SHOWN_MATCHES),
                                                                   groups["n_quotes"].head(SHOWN_MATCHES)))
    more = f" and {len(groups) - SHOWN_MATCHES:,} more" if len(groups) > SHOWN_MATCHES else ""
    out = (f"<p>Quoted: {quoted}{more}.</p>" if len(groups) else
           f"<p>No quotes by a speaker matching “{esc(query.strip())}”.</p>")
    if is_ambiguous(actors):
        names = ", ".join(f"{esc(nm)} ({esc(k)}; {plural(m, 'mention')}, {plural(q, 'quote')})" for nm, k, m, q in zip(
            actors["name"].head(SHOWN_MATCHES), actors["kind"].head(SHOWN_MATCHES),
            actors["n_mentions"].head(SHOWN_MATCHES), actors["n_quotes"].head(SHOWN_MATCHES)))
        extra = f" and {len(actors) - SHOWN_MATCHES:,} more" if len(actors) > SHOWN_MATCHES else ""
        out += (f"<p style='color:#8a4b00'>⚠ “{esc(query.strip())}” is ambiguous: it names {len(actors):,} actors "
                f"— {names}{extra}. All their quotes are listed; pick one under “Only”.</p>")
    return out


class QuoteExplorer(widgets.VBox):
    """Filter the corpus's quotes; a sorted, paged table with speaker, cue and searched words
    highlighted, a download of the rows, and the article of any row.

    Controls (set ``.value`` to drive them): ``speaker`` (a name, or part of one: case, accents
    and aliases folded, every matching actor's quotes; see :func:`toolkit.tables.names.match_actors`),
    ``only`` (one of the speakers found: ("actor", actor_id) or ("speaker", name as written), or
    "" for all), ``kind``, ``source``, ``topic`` (the article's main topic), ``start`` / ``end``
    (dates, inclusive, UTC), ``search`` (text of the quote, case-insensitive), and the rows'
    ``rows.sort``, ``rows.page``, ``rows.open`` (an article_id) and ``rows.prepare`` (download).
    Frames: ``quotes`` (every match, newest first; columns QUOTE_VIEW), ``n_matches``,
    ``speaker_actors`` (the actors the speaker matches), ``speaker_groups`` (the quotes found per
    speaker); ``ambiguous`` says the name has several actors; ``table`` and ``matches`` are HTML.
    """

    def __init__(self, corpus, *, rows: int = TABLE_ROWS):
        super().__init__()
        self._frame = quote_frame(corpus)
        self.article_texts = article_texts(corpus)
        f = self._frame
        # lower-cased once: filtering 50,000 quotes per keystroke must stay fast
        self.corpus = corpus
        self._speaker_folded = fold_series(f["speaker"])
        self._actor_keys = actor_keys(corpus.actors)
        self.speaker_actors = match_actors(corpus, "")
        self.speaker_groups = speaker_groups(f.iloc[:0])
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
        self.only = widgets.Dropdown(options=[("every speaker found", ANY)], value=ANY, description="Only",
                                     disabled=True, layout=widgets.Layout(width="420px"))
        self.matches = widgets.HTML()
        self.rows = RowsView(self._render, SORTS, export=export_rows, stem="quotes", corpus=corpus,
                             words=lambda: [self.search.value] if self.search.value.strip() else [],
                             quote_ids=lambda: set(self.quotes["quote_id"]), page_size=rows)
        self.table = self.rows.table
        self._mask = np.ones(len(f), dtype=bool)
        self._syncing = False
        for w in self.controls:
            w.observe(self._on_change, names="value")
        self.speaker.observe(self._on_speaker, names="value")
        self.only.observe(self._on_change, names="value")
        self.children = [widgets.HBox([self.speaker, self.kind, self.source]),
                         widgets.HBox([self.topic, self.start, self.end]), widgets.HBox([self.search, self.only]),
                         self.matches, self.rows]
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

    @property
    def ambiguous(self) -> bool:
        return bool(self.speaker.value.strip()) and is_ambiguous(self.speaker_actors)

    def _on_change(self, _change=None):
        if not self._syncing:
            self.refresh()

    def _on_speaker(self, _change=None):
        """A new speaker search: find the actors it names, offer each speaker found under "Only"."""
        who = self.speaker.value
        self.speaker_actors = match_actors(self.corpus, who, keys=self._actor_keys)
        found = speaker_mask(self._frame, who, self.speaker_actors, folded_speakers=self._speaker_folded)
        self.speaker_groups = speaker_groups(self._frame.loc[found], self.speaker_actors) if who.strip() else \
            speaker_groups(self._frame.iloc[:0])
        g = self.speaker_groups
        self._syncing = True
        try:
            self.only.options = [("every speaker found", ANY)] + [
                (f"{grp} ({n:,})", ("actor", aid) if isinstance(aid, str) else ("speaker", grp))
                for grp, aid, n in zip(g["group"], g["actor_id"].astype(object).where(g["actor_id"].notna(), None),
                                       g["n_quotes"])]
            self.only.value = ANY
            self.only.disabled = len(g) < 2
            if who.strip() and self.rows.sort.value == "newest first":  # a name search lists its speakers grouped
                self.rows.sort.value = BY_SPEAKER
        finally:
            self._syncing = False
        self.refresh()

    def mask(self) -> np.ndarray:
        """Boolean mask of the quotes matching the current filters."""
        f = self._frame
        m = np.ones(len(f), dtype=bool)
        who = self.speaker.value.strip()
        if who:
            m &= speaker_mask(f, who, self.speaker_actors, folded_speakers=self._speaker_folded)
            if self.only.value != ANY:
                side, key = self.only.value
                m &= ((f["actor_id"] == key) if side == "actor" else
                      (f["actor_id"].isna() & (f["speaker"] == key))).fillna(False).to_numpy(dtype=bool)
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
        """Re-apply the filters and redraw the table (one page of rows is rendered)."""
        self._mask = self.mask()
        self.matches.value = matches_html(self.speaker.value, self.speaker_actors, self.speaker_groups)
        view = self.quotes
        if self.speaker.value.strip() and len(self.speaker_groups):
            order = {(("actor", a) if isinstance(a, str) else ("speaker", g)): i for i, (g, a) in enumerate(zip(
                self.speaker_groups["group"], self.speaker_groups["actor_id"].astype(object).where(
                    self.speaker_groups["actor_id"].notna(), None)))}
            keys = [("actor", a) if isinstance(a, str) else ("speaker", s) for a, s in zip(
                view["actor_id"].astype(object).where(view["actor_id"].notna(), None), view["speaker"])]
            view = view.assign(_group_rank=[order.get(k, len(order)) for k in keys])
        self.rows.set_rows(view)

    def _render(self, page: pd.DataFrame, total: int, first: int) -> str:
        words = [self.search.value] if self.search.value.strip() else []
        return quotes_table_html(page, self.article_texts, total=total, limit=self.rows.page_size, first=first,
                                 words=words)

    def export_csv(self, path) -> int:
        """Write the matching quotes (EXPORT_COLUMNS) to a UTF-8 CSV that cannot run formulas and
        keeps each quote one record (see :func:`toolkit.exports.to_csv`). ``path`` is a file path or
        an open text file. Returns the number of rows written."""
        return to_csv(export_rows(self.quotes), path)
