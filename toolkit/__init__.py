"""news-toolkit: who is in the news, who gets quoted saying what, which topics travel together.

The flat API: loading (``load_articles``, ``load_sample``, ``load_report``), analysis
(``analyze`` -> :class:`Corpus`, ``open_corpus``), topics and co-occurrence (``topics``,
``cooccurrence``, ``to_networkx``); ``tk.charts`` and ``tk.widgets`` (imported on first use, which
also switches Altair to offline rendering inside a kernel) hold the charts and explorers.
"""
import importlib

from . import errors
from .actors import extract_mentions, merge_actors
from .clean import clean_text
from .cooccurrence import cooccurrence, to_networkx
from .corpus import Corpus, analyze
from .load import load_articles, load_report, load_sample, sample_path
from .nlp import load_model
from .store import open_corpus
from .topics import topics

__version__ = "0.1.0"

__all__ = ["errors", "clean_text", "load_articles", "load_report", "load_sample", "sample_path", "load_model",
           "Corpus", "analyze", "open_corpus", "extract_mentions", "merge_actors", "topics", "cooccurrence",
           "to_networkx", "charts", "widgets"]


def __getattr__(name):
    # Altair and ipywidgets load only when charts or explorers are used.
    if name in ("charts", "widgets"):
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
