"""A second look over the texts with what the whole corpus taught: names the model missed."""
from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
import pandas as pd

from ..units import index_of, paragraph_starts
from . import gazetteer
from .aliases import AliasTable, _alias_phrases
from .evidence import names_no_actor
from .names import normalize_name
from .people import without_suffixes
from .spans import INITIAL, clean_surface, inside, speaker_labels

_LABEL_OF_KIND = {"person": "PERSON", "organization": "ORG", "place": "GPE", "group": "NORP", "other": "MISC"}
_CAP_WORD = re.compile(r"(?<![\w'’.\-])[A-Z][\w'’.\-]*[\w]|(?<![\w'’.\-])[A-Z](?![\w])")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_LOWER_WORD = re.compile(r"(?<![\w'’\-])[a-z][a-z'’\-]*")


def find_more_mentions(texts: dict[str, str], mentions: pd.DataFrame, sentences: pd.DataFrame,
                       aliases: AliasTable | None = None) -> pd.DataFrame:
    """Mentions the model missed, found with what the corpus knows: the surname of a person named
    in full anywhere in the corpus, and a one-word name the model read as a person twice or more
    (as the bare name, for :mod:`.resolve` to tie to a person on the evidence; never after
    "the"); other occurrences
    of an organisation's or place's name the model found in the same article, or in two or more
    places of the corpus ("Facebook" tagged once, missed seven times), or defined as an acronym;
    and the aliases of a user
    alias table. One-word names that also occur as lower-case words in the corpus ("Brown",
    "House") are left alone. Returns ``mentions`` with the new rows, in article and offset order.
    """
    if mentions.empty and not aliases:
        return mentions
    lower_vocab: set[str] = set()
    for t in texts.values():
        lower_vocab.update(_LOWER_WORD.findall(t))
    lookup, local = _corpus_names(mentions, lower_vocab, aliases)
    if not lookup and not local:
        return mentions
    new = _scan(texts, mentions, sentences, lookup, local)
    if not new:
        return mentions
    out = pd.concat([mentions, pd.DataFrame(new, columns=mentions.columns).astype(mentions.dtypes.to_dict())],
                    ignore_index=True)
    return out.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


def _corpus_names(mentions: pd.DataFrame, lower_vocab: set, aliases) -> tuple[dict, dict]:
    """(lookup, local): first word -> [(phrase, name, kind)] for the whole corpus and, per article,
    for the names found in that article; longest phrase first."""
    persons = mentions.loc[mentions["kind"] == "person", "name"].unique()
    owners: dict[str, set] = defaultdict(set)
    for n in persons:
        toks = without_suffixes([t for t in str(n).split() if not INITIAL.match(t)])  # "Jo Ade Jr": "Ade"
        if len(toks) >= 2:
            owners[toks[-1]].add(n)
    # first word -> [(phrase, name, kind)] so that multi-word names are matched too
    lookup: dict[str, list] = defaultdict(list)
    local: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    named = mentions[~mentions["kind"].isin(["person"]) & ~mentions["label"].isin(["DEMONYM"])]
    if len(named):
        surf = named["text"].map(clean_surface)
        ok = surf.map(lambda p: len(p) >= 2 and p[:1].isupper() and not gazetteer.is_role_word(p)
                      and (" " in p or p.lower() not in lower_vocab))
        named = named.assign(_p=surf)[ok.to_numpy()]
        counts = named.groupby("_p").size()
        best = named.groupby(["_p", "name", "kind", "label"]).size().reset_index(name="n")
        best = best.sort_values(["_p", "n", "name"], ascending=[True, False, True]).drop_duplicates("_p")
        for p, name, kind, label in zip(best["_p"].tolist(), best["name"].tolist(), best["kind"].tolist(), best["label"].tolist()):
            # An acronym the corpus defines ("Southern Trade Council (STC)") is
            # a name wherever it occurs, even when the model found it once.
            if counts[p] >= 2 or (p.isupper() and p.isalpha() and len(p) >= 3 and name != p):
                lookup[p.split()[0]].append((p, name, kind))
        for aid, p, name, kind in zip(named["article_id"].tolist(), named["_p"].tolist(), named["name"].tolist(), named["kind"].tolist()):
            cands = local[aid][p.split()[0]]
            if (p, name, kind) not in cands:
                cands.append((p, name, kind))
    # one-word names of people the model found twice or more ("Kito said"): found again where it missed them
    bare = mentions.loc[(mentions["kind"] == "person").to_numpy(), "text"].map(clean_surface)
    for word, n in bare[~bare.str.contains(" ")].value_counts().items():
        if n >= 2 and word not in owners and word[:1].isupper() and len(word) >= 3:
            owners.setdefault(word, set())
    for surname, names in owners.items():
        if surname.lower() in lower_vocab or gazetteer.is_place(surname) or gazetteer.is_role_word(surname):
            continue
        # the bare surname: the corpus-wide resolution decides whose it is, on the evidence
        lookup[surname].append((surname, surname, "person"))
    for phrase, (name, kind) in _alias_phrases(aliases).items():
        lookup[phrase.split()[0]].insert(0, (phrase, name, kind or "other"))
    for cands in lookup.values():  # longest phrase first: "Coastal Union" before "Coastal"
        cands.sort(key=lambda c: -len(c[0]))
    return lookup, local


def _how(phrase: str, name: str, kind: str) -> str | None:
    """How a mention found by the second look is tied to its name ("Ade" -> "Jo Ade": the only
    full name of the corpus with that surname)."""
    if normalize_name(phrase) == normalize_name(name):
        return None
    return "corpus: only full name" if kind == "person" else "corpus: known name"


def _own_names(mentions: pd.DataFrame) -> dict[str, dict[str, tuple[str, str]]]:
    """article_id -> written form -> (name, kind) of the article's own mentions of that form, so
    that a form found again takes the article's reading ("Trump" a person here, whatever the
    model read elsewhere)."""
    out: dict[str, dict] = defaultdict(dict)
    for aid, text, name, kind in zip(mentions["article_id"].tolist(), mentions["text"].tolist(), mentions["name"].tolist(), mentions["kind"].tolist()):
        out[aid].setdefault(clean_surface(str(text)), (name, kind))
    return out


def _scan(texts: dict[str, str], mentions: pd.DataFrame, sentences: pd.DataFrame, lookup: dict,
          local: dict) -> list[dict]:
    """New mention rows: capitalised words of each text that start a known phrase no mention covers."""
    spans = {aid: (g["start"].to_numpy(), g["end"].to_numpy())
             for aid, g in mentions.sort_values(["article_id", "start"]).groupby("article_id", sort=False)}
    sent_starts = {aid: g["start"].to_numpy() for aid, g in sentences.sort_values(["article_id", "start"])
                   .groupby("article_id", sort=False)}
    own = _own_names(mentions)
    new = []
    for aid, text in texts.items():
        starts, ends = spans.get(aid, (np.empty(0, int), np.empty(0, int)))
        here = local.get(aid, {})
        mine = own.get(aid, {})
        labels = speaker_labels(text)
        paragraphs = None
        for m in _CAP_WORD.finditer(text):
            word = m.group().rstrip(".'’")
            cands = here.get(word, []) + lookup.get(word, [])
            if not cands:
                continue
            cands.sort(key=lambda c: -len(c[0]))
            pos = m.start()
            for phrase, name, kind in cands:
                if not text.startswith(phrase, pos):
                    continue
                end = pos + len(phrase)
                if end < len(text) and (text[end].isalnum() or text[end] == "-"):
                    continue
                if labels and inside(labels, pos):
                    break
                if kind == "person" and _THE_BEFORE.search(text[max(0, pos - 4):pos]):
                    break  # "The Hill": a surname after "the" names no person
                i = np.searchsorted(starts, end)  # any existing mention overlapping [pos, end)?
                if i > 0 and ends[i - 1] > pos:
                    break
                if names_no_actor(text, {"start": pos, "end": end, "text": phrase, "label": _LABEL_OF_KIND.get(kind, "MISC")}):
                    break  # "(1500 UTC)": a time zone here, whatever the name is elsewhere
                name, kind = mine.get(phrase, (name, kind))  # what the article itself makes of the name
                ss = sent_starts.get(aid)
                paragraphs = paragraph_starts(text) if paragraphs is None else paragraphs
                new.append({"article_id": aid, "start": pos, "end": end, "text": phrase,
                            "label": _LABEL_OF_KIND.get(kind, "MISC"),
                            "sentence": int(max(0, np.searchsorted(ss, pos, side="right") - 1)) if ss is not None else 0,
                            "paragraph": index_of(paragraphs, pos), "name": name, "kind": kind, "title": None,
                            "resolved_by": _how(phrase, name, kind)})
                break
    return new
