"""Table helpers: the frames behind every chart, explorer and notebook, in pandas only.

A user who wants the numbers imports these (``tk.top_actors(corpus)``) without Altair; the charts
(:mod:`toolkit.charts`) draw exactly these frames, and the explorers (:mod:`toolkit.widgets`) call
them and the charts, never private helpers. Every helper takes a ``Corpus`` (or a mapping of its
tables), aggregates so that a chart's data stays under Altair's 5,000-row limit, and sorts totally
(ties by name, then id) so results are the same on every run.
"""
from __future__ import annotations

from .attention import ATTENTION_COLUMNS, BY_ATTENTION, attention, counted_articles, normalize_freq
from .actors import BY_ACTORS, actor_timeline, co_mentioned, top_actors
from .base import MAX_ROWS, OTHER_SOURCES, TOP_SOURCES, check_choice, check_count, unique_labels
from .distinctive import BY_DISTINCTIVE, DISTINCTIVE_COLUMNS, distinctive_terms
from .cooccurrence import EDGE_COLUMNS, OF, PERIODS, cooccurrence, to_networkx
from .network import SCORES, heatmap_cells, is_symmetric, network_layout, passages
from .search import BY_SEARCH, SEARCH_COLUMNS, SENTENCE_COLUMNS, index_for, matching_ids, parse_query, search
from .sources import BY_SOURCES, SOURCES_COLUMNS, auto_freq, person_articles, sources
from .quotes import CUE_FORMS, QUOTE_VIEW, article_texts, cues, quote_frame, voices
from .unquoted import MIN_MENTIONS, SPEAKING_KINDS, never_quoted
from .names import fold, is_ambiguous, match_actors, speaker_groups, speaker_mask
from .about import about, source_summary
from .topics import BY_TOPICS, actor_topics, has_topics, main_topics, topic_shares, topic_tables

__all__ = ["top_actors", "actor_timeline", "co_mentioned", "voices", "cues", "quote_frame", "article_texts",
           "topic_shares", "actor_topics", "main_topics", "has_topics", "topic_tables", "cooccurrence", "to_networkx",
           "heatmap_cells", "network_layout", "passages", "is_symmetric", "unique_labels", "check_choice",
           "check_count", "MAX_ROWS", "TOP_SOURCES", "OTHER_SOURCES", "BY_ACTORS", "BY_TOPICS", "CUE_FORMS",
           "QUOTE_VIEW", "SCORES", "EDGE_COLUMNS", "OF", "PERIODS", "search", "matching_ids", "parse_query", "index_for",
           "attention", "counted_articles", "normalize_freq", "distinctive_terms", "BY_SEARCH", "SEARCH_COLUMNS",
           "SENTENCE_COLUMNS", "BY_ATTENTION", "ATTENTION_COLUMNS", "BY_DISTINCTIVE", "DISTINCTIVE_COLUMNS",
           "sources", "person_articles", "auto_freq", "BY_SOURCES", "SOURCES_COLUMNS",
           "never_quoted", "MIN_MENTIONS", "SPEAKING_KINDS", "fold", "is_ambiguous", "match_actors", "speaker_groups",
           "speaker_mask", "about", "source_summary"]
