"""Actors: entity mentions found by spaCy, repaired with rules for news text, typed by evidence and
merged into canonical actors across the corpus.

Two steps, so that the per-article work can run anywhere (processes, Dask workers, a cache):

- :func:`extract_mentions` (one article's spaCy ``Doc`` -> mention rows with a local canonical
  ``name``, ``kind``, ``title`` and ``resolved_by``), in named stages (:mod:`.extract`) over
  :mod:`.spans` (name spans), :mod:`.missed` (names the model misses), :mod:`.acronyms`,
  :mod:`.labels`, :mod:`.people` (the people of the article and their short forms),
  :mod:`.names` (local names), :mod:`.evidence` (kinds) and :mod:`.homonyms` (teams, states);
- :func:`find_more_mentions` (:mod:`.recall`) and :func:`merge_actors` (:mod:`.merge`, over
  :mod:`.homonyms` and :mod:`.resolve`): all mention rows -> the ``actors`` table and an
  ``actor_id`` per mention; :func:`~.lookup.find_actor` behind ``corpus.actor``.

The patterns each rule handles, with made-up examples:

- titles and roles before a name are kept apart ("Foreign Minister Ana Lima" -> name "Ana Lima",
  title "Foreign Minister"); a greeting is no part of a name ("Hey Ana"); a surname with an elided
  particle the model cut at its apostrophe is ("Rory O’Hara", not "Rory"), and so is a nickname in
  quotation marks ("Ana 'Tiger' Ruiz"); "Kito Bank's Jo Ade", one name to the model, is the bank
  and its person (a first name of the name list after the possessive);
- within an article, a surname, a first name, a surname with its particles ("van Dijk"), the last
  words of a name, an initial and surname ("A. Lima") and a misspelt surname stand for the full
  name, wherever they occur (a headline names the person before the text does); two people of one
  surname: the titled one, the one named far more often or first, the one not introduced as the
  other's relative ("her husband, Kito Ade"), else the bare surname stays; a given
  name joined to another's full name shares its surname ("Jo and Kito Ade": Jo Ade);
- across the corpus, a bare surname goes to the full name by evidence (title, co-mentioned
  actors, outlet and date, dominance, a person the corpus names in full in many articles),
  recorded in ``resolved_by`` (:mod:`.resolve`); an article naming two people of that surname
  keeps the choice among them;
- kinds come from the words around all mentions of a name (titles, pronouns, "Ltd", "is a
  company", "the game X", "in X", "the X", the model's labels): products, works, laws, job titles
  and religions as beliefs are kind "other" and are dropped after the merge (a place of the corpus
  inside a law's or award's name stays a mention of it: "Kito" of "Kito Water Act"); time zones and
  languages are no mentions at all. Plural demonyms are groups ("the Palestinians"); adjectives
  are their country ("Palestinian officials");
- acronyms defined in brackets ("Southern Trade Council (STC)") merge with their expansion, also
  those written as a word ("Kito Trade Association (Kitra)") and expansions the model cut at "and";
  so do undefined ones whose letters spell a name of the article (two letters: a two-word name,
  "the BC" of "the Boxing Council") or that another article defines;
- social-media handles after a name in brackets ("Ana Lima (@anal_k)") or spelling a full name
  ("@analima") are mentions of that person; one name with its own handle ("Lima (@lima_k)") is
  not short for the article's "Ana Lima";
- variants of country and institution names ("US", "U.S.", "U.S", "the United States") are one
  actor, and so are US states by AP abbreviation and nickname ("Fla.", "Sunshine State"); names
  equal up to hyphens between words ("Kito-Liran", "Kito Liran") are one; a leading "the" (also
  "[T]he") and a possessive "'s" are not part of names; a party's "National Convention" is the party; capitals used for
  governments stay places; a country inside an agency's name is no mention of the country
  ("Environment Kito");
- span repairs: hyphenated names keep their lower-case part ("Lee Min-ho"), name particles
  ("Amani wa Kesi"), a first name left out, a place or demonym glued before a name, two names run
  together, post-nominal titles ("Jo Ade MP"), organisations the model missed found by their head
  word ("National Renewal Party"), headline words run into a name ("Ade Slams Plan"); transcript
  speaker labels and titles read as names ("MPs") are no mentions;
- short forms: "the Assembly" of the "Assembly of Lira", "Kito" of "Kito Holdings", "US Lira
  Agency" as "Lira Agency"; the party words of US and UK news ("Democrats", "Tories"), in their
  country's news only, and a party named in full ("Neo Democrats") for its own word;
- each person's gender as the text gives it (``actors.gender``, :mod:`.gender`): pronouns,
  honorifics and role words over all its mentions, then the first name; a user gender table;
- one name, several actors: generic institutions by the article's country ("Supreme Court
  (Lira)"), national teams in sports reports ("Lira (team)", also after "lost to"), a state
  beside its city.

Word lists are data files (``toolkit/data/wordlists/``). Measured on three hand-checked gold sets
(development, held-out, blind validation: ``benchmarks/bench_actors.py``). The rules read the
model's entities, tokens, sentence starts and vocabulary only (no tags or parses), so they work
on the NER-only pipeline of ``quotes=False`` too.

Limits: English only; no coreference beyond names (pronouns are handled in quotes); a bare surname
without evidence stays its own actor; a user alias table fixes what the rules cannot.
"""
from __future__ import annotations

from ..schema import KINDS
from .aliases import AliasTable, read_aliases
from .extract import extract_mentions
from .gender import GenderTable, actor_gender, read_genders
from .merge import merge_actors
from .names import ENTITY_LABELS, normalize_name
from .recall import find_more_mentions
from .lookup import find_actor
from .spans import clean_surface

__all__ = ["extract_mentions", "merge_actors", "find_more_mentions", "read_aliases", "AliasTable",
           "normalize_name", "clean_surface", "ENTITY_LABELS", "KINDS", "find_actor", "actor_gender", "read_genders",
           "GenderTable"]
