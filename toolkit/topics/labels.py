"""Readable topic labels: a topic's most distinctive terms, phrases before their words.

A term's relevance to a topic is its weight in the topic (scaled to the topic's top term) times
its share of the term's weight over all topics, so words common to every topic (e.g. "government"
in a politics-heavy corpus) sink below the topic's own words. A phrase ("interest rates") takes the
place of its first word when both rank, and a plural after its singular ("award", "awards") is
skipped.
"""
from __future__ import annotations

import numpy as np

N_TERMS = 10


def top_terms(H: np.ndarray, terms: np.ndarray, n: int = N_TERMS) -> list[list[str]]:
    """The ``n`` most distinctive terms of each topic (row of H), most distinctive first."""
    share = H / np.maximum(H.sum(axis=0, keepdims=True), 1e-12)
    rel = H / np.maximum(H.max(axis=1, keepdims=True), 1e-12) * share
    return [_pick_terms(rel[t], terms, n) for t in range(H.shape[0])]


def _pick_terms(rel: np.ndarray, terms: np.ndarray, n: int) -> list[str]:
    picked: list[str] = []
    for j in np.argsort(-rel, kind="stable")[: n * 4]:
        if rel[j] <= 0 or len(picked) >= n:
            break
        term = str(terms[j])
        words = term.split()
        if stem(term) in {stem(p) for p in picked}:
            continue  # "award" after "awards"
        if len(words) == 1:
            if any(term in p.split() for p in picked):
                continue  # already inside a phrase
            picked.append(term)
        else:
            inside = [p for p in picked if p in words]
            if inside:  # the phrase replaces its first word, keeping that word's rank
                picked[picked.index(inside[0])] = term
                picked = [p for p in picked if p not in inside[1:]]
            elif term not in picked:
                picked.append(term)
    return list(dict.fromkeys(picked))[:n]


def stem(term: str) -> str:
    """A crude plural-folding stem, enough to tell "award" and "awards" apart from other words."""
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                    for w in term.split())


def make_label(terms: list[str]) -> str:
    """The label shown for a topic: its first three terms ("rates, interest, bank")."""
    return ", ".join(terms[:3]) if terms else "(no terms)"
