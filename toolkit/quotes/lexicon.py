"""The words the quote rules use, from the word lists in ``toolkit/data/wordlists/``: reporting
verbs (cue, belief, act and evidential verbs), the nouns that describe a person or an organisation,
the words that open labels rather than speakers, and the pronouns with the kinds they can stand
for. Also :func:`cue_lemma`, which counts a cue's forms together.
"""
from __future__ import annotations

from .. import wordlists

# Verbs that report speech or writing. Open-ended on purpose: any verb that governs a quotation
# is a cue too; this list decides for reported speech without quote marks.
CUE_LEMMAS = wordlists.words("cue_verbs")
# Verbs of belief and knowledge: attributions too, but only when they take a clausal complement
# with a subject that is a named actor or a pronoun.
BELIEF_LEMMAS = wordlists.words("belief_verbs")
# Verbs whose object is what someone said, wanted or stood for ("endorsed the mayor", "urged
# him to resign"): attributions with a noun-phrase content.
ACT_LEMMAS = wordlists.words("act_verbs")
EVIDENTIAL = wordlists.words("evidential_verbs")
_ROLES = [(r["word"], role) for r in wordlists.rows("cue_roles") for role in r["roles"].split()]
LISTENER_VERBS = frozenset(w for w, r in _ROLES if r == "listener")  # "told reporters …"
REPORT_VERBS = frozenset(w for w, r in _ROLES if r == "report")      # "As the ministry noted, …"
POSTING_VERBS = frozenset(w for w, r in _ROLES if r == "posting")    # "tweeted a photo"
QUOTING_VERBS = frozenset(w for w, r in _ROLES if r == "quoting")    # "quoted Ade as saying"
IRREGULAR = wordlists.mapping("irregular_verbs", "form", "lemma")
KNOWN_VERBS = CUE_LEMMAS | BELIEF_LEMMAS | ACT_LEMMAS | EVIDENTIAL
_PREPS = {r["verb"]: frozenset(r["prepositions"].split()) for r in wordlists.rows("act_prepositions")}
PREPS_ANY = _PREPS.pop("*")
PREPS_BY_VERB = _PREPS
NOT_SPEAKERS = wordlists.words("not_speakers")
PERSON_NOUNS = wordlists.words("person_nouns") | wordlists.words("description_nouns")  # "the striker said"
ORG_NOUNS = wordlists.words("org_nouns")
NAME_TITLES = wordlists.words("name_titles")  # "Lord Ade", "Pope Leo": titles that are part of the name

PRONOUN_KINDS = {
    "he": ("person",), "him": ("person",), "she": ("person",), "her": ("person",),
    "i": ("person",), "me": ("person",),
    "they": ("organization", "group", "person"), "them": ("organization", "group", "person"),
    "we": ("organization", "group", "person"), "us": ("organization", "group", "person"),
    "it": ("organization",),
}
QUESTION_LEMMAS = frozenset({"ask", "question"})
RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
DASHES = frozenset({"—", "―", "–", "--", "-"})
FINAL = frozenset({".", "!", "?", ";"})


def cue_lemma(cue: str) -> str:
    """The verb of a one-word cue, so that its forms count together: "said", "says", "saying" ->
    "say"; "claimed" -> "claim". Limits: only the verbs of the cue, belief and act word lists and
    a few irregular forms; other cues ("according to", ":") come back lower-cased as they are."""
    w = str(cue).strip().lower()
    if " " in w or w in KNOWN_VERBS:
        return w
    if w in IRREGULAR:
        return IRREGULAR[w]
    stems = []
    if w.endswith(("ies", "ied")):
        stems.append(w[:-3] + "y")
    if w.endswith("ing"):
        stems += [w[:-3], w[:-3] + "e", w[:-4]]
    if w.endswith(("ed", "es")):
        stems += [w[:-2], w[:-1], w[:-3]]
    if w.endswith(("s", "d")):
        stems.append(w[:-1])
    return next((st for st in stems if st in KNOWN_VERBS), w)


def verb_lemma(tok) -> str:
    """The lemma of a verb token, checked against the word lists: the model's lemma when a list
    knows it, else the form's own stem ("hopes" → "hope" when the model says "hop")."""
    lemma = tok.lemma_.lower()
    if lemma in KNOWN_VERBS:
        return lemma
    guess = cue_lemma(tok.lower_)
    return guess if guess in KNOWN_VERBS else lemma
