"""The per-article step of the analysis: spaCy over article texts, and the tables each article
gives on its own (sentences, mentions with article-level names, quotes with article-level
speakers). Corpus-wide steps (actor merging, topics) happen afterwards on these small tables, so
this step can run in batches, in worker processes, on Dask workers, or be skipped for articles
whose tables are cached.
"""
from __future__ import annotations

import re

import pandas as pd

from .actors import AliasTable, extract_mentions
from .errors import EngineError
from .nlp import load_model
from .quotes import extract_quotes
from .schema import PER_ARTICLE, columns, empty, typed
from .units import index_of, paragraph_starts, sentence_starts
from .version import code_version

# Components each output needs; the rest are not run.
_NER_ONLY = ("tagger", "attribute_ruler", "lemmatizer", "parser")


def nlp_for(model: str | None, *, quotes: bool):
    """The spaCy pipeline with just the components the outputs need: quotes need the parser and
    lemmas; actors alone need NER and sentence boundaries (the fast ``senter``)."""
    if quotes:
        return load_model(model)
    nlp = load_model(model, disable=_NER_ONLY)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp


def doc_tables(doc, article_id: str, *, quotes: bool, aliases: AliasTable | None) -> dict[str, list[dict]]:
    """The tables of one analysed article, as lists of row dicts."""
    text = doc.text
    para_starts = paragraph_starts(text)
    sents = []
    starts = sentence_starts(doc, text)
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        end = start + len(text[start:end].rstrip())
        if end <= start:
            continue  # an empty text
        sents.append({"article_id": article_id, "sentence": i, "paragraph": index_of(para_starts, start),
                      "start": start, "end": end})
    mentions = extract_mentions(doc, aliases=aliases)
    for m in mentions:
        m["article_id"] = article_id
    out = {"sentences": sents, "mentions": mentions, "quotes": []}
    if quotes:
        qs = extract_quotes(doc, mentions=mentions)
        for q in qs:
            q["article_id"] = article_id
        out["quotes"] = qs
    return out


def frames(parts: list[dict[str, list[dict]]]) -> dict[str, pd.DataFrame]:
    """Concatenate per-article row lists into typed frames with fixed columns."""
    out = {}
    for name, table in PER_ARTICLE.items():
        rows = [r for p in parts for r in p[name]]
        out[name] = typed(pd.DataFrame(rows, columns=columns(table)), table) if rows else empty(table)
    return out


SEGMENT_CHARS = 50_000
RUN_CHARS = 500
_LONG_RUN = re.compile(r"\S{%d,}" % (2 * RUN_CHARS))


def segments(text: str, size: int = SEGMENT_CHARS) -> list[str]:
    """Cut a long text into pieces of at most ``size`` characters that concatenate back to it,
    preferably after a paragraph break, else after whitespace. Runs of 1,000 or more characters
    without whitespace are cut every 500: spaCy's tokenizer is quadratic on them (24,000 quote
    marks in a row took 49 s; cut, 1 s)."""
    out, i, n = [], 0, len(text)
    while n - i > size:
        window = text[i:i + size]
        cut = window.rfind("\n\n")
        cut = cut + 2 if cut > 0 else max(window.rfind("\n"), window.rfind(" ")) + 1
        if cut <= 0:
            cut = size
        out.append(text[i:i + cut])
        i += cut
    out.append(text[i:])
    if _LONG_RUN.search(text):
        out = [piece for seg in out for piece in _cut_runs(seg)]
    return out


def _cut_runs(seg: str) -> list[str]:
    cuts = [0]
    for m in _LONG_RUN.finditer(seg):
        cuts.extend(range(m.start() + RUN_CHARS, m.end(), RUN_CHARS))
    cuts.append(len(seg))
    return [seg[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]


def docs(nlp, records, *, batch_size: int):
    """(Doc, article_id) for (article_id, text) pairs, long texts analysed in segments and joined
    back into one Doc whose text is the article's text."""
    def pieces():
        for aid, text in records:
            segs = segments(text)
            for j, seg in enumerate(segs):
                yield seg, (aid, j, len(segs))

    pending = []
    for doc, (aid, j, n) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        if n == 1:
            yield doc, aid
            continue
        pending.append(doc)
        if j == n - 1:
            from spacy.tokens import Doc

            yield Doc.from_docs(pending, ensure_whitespace=False), aid
            pending = []


def process_records(records: list[tuple[str, str]], *, model: str | None, quotes: bool,
                    aliases: AliasTable | None, batch_size: int = 32, nlp=None) -> dict[str, pd.DataFrame]:
    """Analyse (article_id, text) pairs in this process; returns the per-article tables."""
    nlp = nlp or nlp_for(model, quotes=quotes)
    parts = []
    for doc, aid in docs(nlp, records, batch_size=batch_size):
        parts.append(doc_tables(doc, aid, quotes=quotes, aliases=aliases))
    return frames(parts)


def concat_tables(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """One frame per per-article table from the tables of several batches."""
    if not parts:
        return frames([])
    return {name: pd.concat([p[name] for p in parts], ignore_index=True) for name in PER_ARTICLE}


def guided_chunks(records: list, largest: int, n_process: int, smallest: int = 8) -> list[list]:
    """Chunks that shrink towards the end (guided scheduling): full-size chunks while much work
    remains, then a share of what is left, so that no worker idles through a last large chunk."""
    out, i, n = [], 0, len(records)
    while i < n:
        size = max(smallest, min(largest, -(-(n - i) // (2 * n_process))))
        out.append(records[i:i + size])
        i += size
    return out


def check_code_version(expected: str | None) -> None:
    """A worker process must run the analysis code the client hashed: its tables are cached under
    the client's fingerprint. Raises EngineError when the two differ (another toolkit installed on
    a Dask worker, or the toolkit edited on disk during a run)."""
    if expected is None:
        return
    here = code_version()
    if here != expected:
        raise EngineError(f"a worker runs toolkit analysis code {here}, the client {expected}: install the "
                          "same toolkit version on every worker, and do not edit the toolkit during a run")
