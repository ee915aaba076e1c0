"""news-toolkit: who is in the news, who gets quoted saying what, which topics travel together.

The flat API: loading (``load_articles``, ``load_sample``, ``load_report``), analysis
(``analyze`` -> :class:`Corpus`, ``open_corpus``), the extractors on their own over a spaCy ``Doc``
(``extract_mentions``, ``extract_quotes``), topics and co-occurrence (``topics``, ``cooccurrence``,
``to_networkx``), and the table helpers behind every chart (``top_actors``, ``voices``, ``cues``,
``topic_shares``, ``sources`` (whose voices, by gender), ...), and attention across outlets (``near_duplicates``, ``search``, ``attention``,
``distinctive_terms``). ``tk.charts`` and ``tk.widgets`` (imported on first use) hold the Altair
charts and the explorers; ``tk.charts.use_offline()`` renders charts without a network.
See ARCHITECTURE.md for the layers.
"""
import importlib

from . import errors
from .actors import extract_mentions, merge_actors
from .analysis import analyze
from .clean import clean_text
from .corpus import Corpus, open_corpus
from .dedupe import near_duplicates
from .load import load_articles, load_report, load_sample, sample_path
from .nlp import load_model
from .quotes import extract_quotes
from .tables import (actor_timeline, actor_topics, attention, co_mentioned, cooccurrence, cues, distinctive_terms,
                     passages, search, sources, to_networkx, top_actors, topic_shares, voices)
from .tables import about, match_actors, never_quoted
from .topics import topics
from .version import __version__

__all__ = ["errors", "clean_text", "load_articles", "load_report", "load_sample", "sample_path", "load_model",
           "Corpus", "analyze", "open_corpus", "extract_mentions", "extract_quotes", "merge_actors", "topics",
           "cooccurrence", "to_networkx", "top_actors", "actor_timeline", "actor_topics", "co_mentioned", "voices",
           "cues", "sources", "topic_shares", "passages", "near_duplicates", "search", "attention", "distinctive_terms",
           "charts", "widgets", "__version__", "never_quoted", "match_actors", "about"]


def __getattr__(name):
    # Altair and ipywidgets load only when charts or explorers are used.
    if name in ("charts", "widgets"):
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
