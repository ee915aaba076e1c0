"""The language of each article: given by the record, else detected offline by py3langid.

py3langid ships its model inside the wheel (no download at run time). It needs some text to be
right: texts with fewer than ``MIN_LETTERS`` letters, and texts where no language reaches
``MIN_PROBABILITY``, get no language (NA) rather than a guess, and are analysed as English.
Only the first ``SAMPLE_CHARS`` characters are read in the first pass, and most English texts
are known as such from their commonest words before the model is asked (see ``detect_language``).
Measured on the shared data: BBC, Wikinews and PolNeAR are all English (3,446 articles); of 407
Global Voices posts, the one in Spanish (its covenant) is found and the English ones quoting
Arabic or Russian bloggers at length stay English; the pages of the HTML set in Czech, Spanish,
French, Portuguese, German and Japanese are found. Limits: a language py3langid does not know
is given its nearest neighbour; an article shorter than ``MIN_LETTERS`` letters gets none.
"""
from __future__ import annotations

import functools
import re

MIN_LETTERS = 40
MIN_PROBABILITY = 0.5
SAMPLE_CHARS = 800
SHARE_CHARS = 6000
MIN_SENTENCE_LETTERS = 20
# An English report that quotes bloggers at length in their own language is still English.
ENGLISH_SHARE = 0.15
ENGLISH = "en"
NOT_ENGLISH = "not_english"  # the flag of an article the English analysis leaves out
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile(r"(?<=[.!?؟।。！？])\s+|\n+")
# Language names as exports write them (Nexis "LANGUAGE: ENGLISH", GDELT "English", Factiva "LA English").
_NAMES = {
    "english": "en", "french": "fr", "francais": "fr", "français": "fr", "german": "de", "deutsch": "de",
    "spanish": "es", "espanol": "es", "español": "es", "portuguese": "pt", "italian": "it", "dutch": "nl",
    "swedish": "sv", "norwegian": "no", "danish": "da", "finnish": "fi", "polish": "pl", "czech": "cs",
    "russian": "ru", "ukrainian": "uk", "turkish": "tr", "greek": "el", "arabic": "ar", "hebrew": "he",
    "persian": "fa", "farsi": "fa", "hindi": "hi", "bengali": "bn", "bangla": "bn", "urdu": "ur",
    "chinese": "zh", "mandarin": "zh", "japanese": "ja", "korean": "ko", "indonesian": "id", "malay": "ms",
    "swahili": "sw", "kiswahili": "sw", "vietnamese": "vi", "thai": "th", "romanian": "ro", "hungarian": "hu",
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# The commonest English words. A text that is mostly made of them is English without asking the
# model (the model walks every byte in Python: 1-2 ms an article). Measured on the shared data,
# English articles have 25-45% of their words in this list, pages in other languages at most 7%.
_ENGLISH_WORDS = frozenset(
    "the of and to a in is that for on with as was it by at he his from be have has are said an this not but "
    "they were had which their or who will its been we would more after one also there about over into than "
    "up out when can all she her new two".split())
FAST_SHARE = 0.2
_CODE = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$")


@functools.lru_cache(maxsize=1)
def _identifier():
    # Loading the model takes about 2 s (it is xz-compressed); done once per process, on first use.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The ISO 639 code of ``text``'s language, or None when the text is too short to tell.

    A text of which ``FAST_SHARE`` of the words are common English words is English; otherwise
    one pass of the model over the first ``SAMPLE_CHARS`` characters; only when it says "not English" are
    the paragraphs weighed one by one, so that an English report quoting Russian or Arabic bloggers
    stays English: English wins when its paragraphs hold ``ENGLISH_SHARE`` of the letters or more.

    >>> detect_language("The county council on Tuesday approved a plan to extend piped water to twelve villages.")
    'en'
    >>> detect_language("Le conseil municipal a approuvé mardi un plan pour étendre l'eau courante à douze villages.")
    'fr'
    >>> detect_language("Body.") is None
    True
    """
    sample = text[:SAMPLE_CHARS]
    # (Letters are counted in short texts only: a text of 400 characters has 40 letters.)
    if len(sample) < 10 * MIN_LETTERS and len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    words = _WORD.findall(sample.lower())
    if len(words) >= MIN_LETTERS // 2 and sum(w in _ENGLISH_WORDS for w in words) >= FAST_SHARE * len(words):
        return ENGLISH
    lang, prob = _identifier().classify(sample)
    if lang == ENGLISH:
        return lang
    shares = _paragraph_shares(text)
    if shares.get(ENGLISH, 0.0) >= ENGLISH_SHARE:
        return ENGLISH
    if shares:
        return max(shares, key=shares.get)
    return lang if prob >= MIN_PROBABILITY else None


def _paragraph_shares(text: str) -> dict[str, float]:
    """Share of the letters of each language, sentence by sentence, over the first ``SHARE_CHARS``
    (sentences, not paragraphs: a quote and its translation often share a paragraph)."""
    letters: dict[str, int] = {}
    for part in _SENTENCE_END.split(text[:SHARE_CHARS]):
        n = len(_LETTER.findall(part))
        if n >= MIN_SENTENCE_LETTERS:
            lang = _identifier().classify(part)[0]
            letters[lang] = letters.get(lang, 0) + n
    total = sum(letters.values())
    return {k: v / total for k, v in letters.items()} if total else {}


def normalize_language(value) -> str | None:
    """A language given by a record as a code: "en", "EN", "en-US", "English", "ENGLISH" -> "en";
    None for a value that is neither a code nor a known name (the text is then detected)."""
    if not isinstance(value, str) or not value.strip():
        return None
    v = value.strip().lower()
    if v in _NAMES:
        return _NAMES[v]
    m = _CODE.match(v)
    return m.group(1) if m else None
