"""news-toolkit: who is in the news, who gets quoted saying what, which topics travel together."""
from . import errors
from .clean import clean_text
from .load import load_articles, load_report, load_sample, sample_path
from .nlp import load_model

__version__ = "0.1.0"

__all__ = ["errors", "clean_text", "load_articles", "load_report", "load_sample", "sample_path", "load_model"]
from .corpus import Corpus, analyze
from .actors import merge_actors, extract_mentions
from .store import open_corpus
__all__ += ["Corpus", "analyze", "merge_actors", "extract_mentions", "open_corpus"]
