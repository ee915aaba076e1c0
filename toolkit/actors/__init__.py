"""Actors: entity mentions found by spaCy, repaired with rules for news text, and merged into
canonical actors across the corpus.

Two steps, so that the per-article work can run anywhere (processes, Dask workers, a cache):

- :func:`extract_mentions` (one article's spaCy ``Doc`` -> mention rows with a local canonical
  ``name``, ``kind`` and ``title``), in named stages (:mod:`.extract`) over the modules
  :mod:`.spans` (name spans), :mod:`.acronyms`, :mod:`.labels` and :mod:`.names`;
- :func:`find_more_mentions` (:mod:`.recall`) and :func:`merge_actors` (:mod:`.merge`): all
  mention rows -> the ``actors`` table and an ``actor_id`` per mention.

The patterns each rule handles, with made-up examples:

- titles and roles before a name are kept apart ("Foreign Minister Ana Lima" -> name "Ana Lima",
  title "Foreign Minister"); a surname or first name used after the full name is a mention of that
  person, also where the model misses or mislabels it;
- acronyms defined in brackets ("Southern Trade Council (STC)") merge with their expansion, and so
  do undefined ones whose letters spell a name of the article or that another article defines;
- variants of country and institution names ("US", "U.S.", "the United States") are one actor; a
  leading "the" and a possessive "'s" are not part of names; demonyms ("Kenyan") are mentions of
  their country; capitals used for governments stay places;
- span repairs: name particles ("Amani wa Kesi"), a first name left out, a place glued before a
  name, a surname that is also a city (unless the article uses the word as a place), two names run
  together, post-nominal titles ("Jo Ade MP"), organisations the model missed found by their head
  word ("National Renewal Party"); transcript speaker labels and titles read as names ("MPs") are
  no mentions;
- short forms: "the Assembly" in an article naming the "Assembly of Lira", and the party words of
  US and UK news ("Democrats", "Tories").

Word lists are data files (``toolkit/data/wordlists/``). Measured on a hand-checked gold set and a
held-out one (``benchmarks/bench_actors.py``).

Limits: English only; no coreference beyond names (pronouns are handled in quotes); a bare surname
shared by two people of the corpus stays its own actor; one name for two actors is one actor unless
the article names it in full; a user alias table fixes what the rules cannot.
"""
from __future__ import annotations

from ..schema import KINDS
from .aliases import AliasTable, read_aliases
from .extract import extract_mentions
from .merge import merge_actors
from .names import ENTITY_LABELS, normalize_name
from .recall import find_more_mentions
from .spans import clean_surface

__all__ = ["extract_mentions", "merge_actors", "find_more_mentions", "read_aliases", "AliasTable",
           "normalize_name", "clean_surface", "ENTITY_LABELS", "KINDS"]
