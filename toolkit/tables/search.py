"""Full-text search over the articles: words, "quoted phrases", AND / OR / NOT, parentheses,
prefixes (``elect*``) and actors (``actor:Ruto``), backed by an SQLite FTS5 index.

The index is SQLite's own full-text engine (the ``sqlite3`` module of the standard library):
the ``unicode61`` tokenizer with diacritics removed, so case and accents are folded ("Zoë" finds
"ZOE"), and punctuation separates words ("COVID-19" is the phrase "covid 19"). Titles and texts are
indexed (a title match counts twice as much in the score); sentences get their own index, built on
the first ``by="sentence"`` search.

An index is built once per articles frame and kept for the session; for a corpus opened from a
store (``tk.open_corpus(path)`` or ``tk.analyze(..., cache=path)``) it is written to
``<store>/search.sqlite`` and reused by the next session, and rebuilt when the articles change
(the file records a fingerprint of their ids, titles and texts).

The query language (operators in capitals; lower-case "and" / "or" / "not" are words):

- ``climate change`` -- both words (AND is implied between terms)
- ``"climate change"`` -- the phrase: the words next to each other, in this order
- ``flood OR drought``, ``flood AND drought``, ``(flood OR drought) NOT insurance``
- ``elect*`` -- words starting with "elect"
- ``actor:Ruto`` or ``actor:"William Ruto"`` -- with a corpus, any way the actor was written (the
  actor's name and aliases, found as ``corpus.actor`` finds them); with a plain frame, the phrase.

Limits: no stemming ("rate" does not find "rates"; write ``rate*``), no proximity operator, and
NOT must follow something it takes away from (``NOT sport`` alone is refused). An actor's aliases
that are common English words ("US" for the United States reads as "us") are left out of the
expansion, so those mentions are not found by ``actor:``; namesakes written the same are.
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
import weakref
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import InvalidOptionError, MissingColumnError, QueryError
from .base import check_choice

BY_SEARCH = ("article", "sentence")
INDEX_FILE = "search.sqlite"
SCHEMA = 1
TOKENIZER = "unicode61 remove_diacritics 2"
SNIPPET_TOKENS = 24
SNIPPETS = 200  # rows of a search result that get a snippet by default
MARKS = ("**", "**")  # around each hit in a snippet (a Markdown bold: readable in a table)
SEARCH_COLUMNS = ["article_id", "score", "snippet", "source", "published", "title"]
SENTENCE_COLUMNS = ["article_id", "sentence", "start", "end", "score", "snippet", "source", "published", "title"]
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9À-Þ])")
_PARAGRAPH = re.compile(r"\n\s*\n")


# --- the query language --------------------------------------------------------------------------

@dataclass(frozen=True)
class Leaf:
    kind: str  # "term", "phrase" or "actor"
    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Node:
    op: str  # "AND", "OR" or "NOT" (NOT has one child)
    children: tuple


_TOKEN = re.compile(r'\s*(?:(?P<actor>actor:(?:"[^"]*"|[^\s()"]+))|(?P<phrase>"[^"]*"\*?)|(?P<open>\()|(?P<close>\))|'
                    r'(?P<word>[^\s()"]+))')


def _tokens(query: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    query = query.strip()
    while pos < len(query):
        m = _TOKEN.match(query, pos)
        if m is None or m.end() == pos:
            if query[pos:].lstrip().startswith('"'):
                raise QueryError(f"unclosed quote in the query {query!r}: close the phrase with a second \"")
            raise QueryError(f"cannot read the query {query!r} at {query[pos:pos + 20]!r}")
        kind = m.lastgroup
        value = m.group(kind)
        if kind == "word" and value in ("AND", "OR", "NOT"):
            kind = value
        out.append((kind, value))
        pos = m.end()
    return out


def parse_query(query: str):
    """The syntax tree of a query (:class:`Leaf` and :class:`Node`); raises QueryError.

    >>> tree = parse_query('"interest rates" NOT housing')
    >>> tree.op, tree.children[0], tree.children[1].op
    ('AND', Leaf(kind='phrase', text='interest rates', prefix=False), 'NOT')
    """
    if not isinstance(query, str) or not query.strip():
        raise QueryError("an empty query: give words, \"phrases\", AND / OR / NOT or actor:NAME")
    toks = _tokens(query)
    pos = 0

    def peek():
        return toks[pos][0] if pos < len(toks) else None

    def take():
        nonlocal pos
        pos += 1
        return toks[pos - 1]

    def or_expr():
        parts = [and_expr()]
        while peek() == "OR":
            take()
            if peek() in (None, "close", "OR", "AND"):
                raise QueryError(f"OR needs a term after it in {query!r}")
            parts.append(and_expr())
        return parts[0] if len(parts) == 1 else Node("OR", tuple(parts))

    def and_expr():
        parts = [unary()]
        while peek() not in (None, "close", "OR"):
            if peek() == "AND":
                take()
                if peek() in (None, "close", "OR", "AND"):
                    raise QueryError(f"AND needs a term after it in {query!r}")
            parts.append(unary())
        return parts[0] if len(parts) == 1 else Node("AND", tuple(parts))

    def unary():
        if peek() == "NOT":
            take()
            if peek() in (None, "close", "OR", "AND"):
                raise QueryError(f"NOT needs a term after it in {query!r}")
            return Node("NOT", (unary(),))
        return primary()

    def primary():
        kind = peek()
        if kind is None:
            raise QueryError(f"the query {query!r} ends too early")
        if kind in ("AND", "OR"):
            raise QueryError(f"{kind} needs a term before it in {query!r}")
        if kind == "close":
            raise QueryError(f"a ')' without its '(' in {query!r}")
        _, value = take()
        if kind == "open":
            inner = or_expr()
            if peek() != "close":
                raise QueryError(f"a '(' without its ')' in {query!r}")
            take()
            return inner
        if kind == "actor":
            return Leaf("actor", value[len("actor:"):].strip('"'))
        if kind == "phrase":
            return Leaf("phrase", value.rstrip("*").strip('"'), prefix=value.endswith("*"))
        return Leaf("term", value.rstrip("*"), prefix=value.endswith("*") and len(value) > 1)

    tree = or_expr()
    if pos < len(toks):
        raise QueryError(f"a ')' without its '(' in {query!r}")
    _check_not(tree, query)
    return tree


def _check_not(node, query: str) -> None:
    """NOT only inside an AND that keeps something: FTS5's NOT takes away from a left side."""
    if isinstance(node, Leaf):
        return
    if node.op == "NOT":
        raise QueryError(f"NOT needs something to take away from in {query!r}: write e.g. 'climate NOT sport'")
    if node.op == "AND":
        positive = [c for c in node.children if not (isinstance(c, Node) and c.op == "NOT")]
        if not positive:
            raise QueryError(f"NOT needs something to take away from in {query!r}: write e.g. 'climate NOT sport'")
        for c in node.children:
            _check_not(c.children[0] if isinstance(c, Node) and c.op == "NOT" else c, query)
        return
    for c in node.children:
        _check_not(c, query)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def to_fts(tree, actors=None) -> str | None:
    """The FTS5 query of a syntax tree: every term quoted (so "COVID-19" or "don't" never reads
    as syntax), every group parenthesised. ``actors(name)`` gives the phrases an actor leaf stands
    for. None when nothing in it can match (a term of punctuation only)."""
    if isinstance(tree, Leaf):
        if tree.kind == "actor":
            phrases = actors(tree.text) if actors else [tree.text]
            parts = [_quoted(p) for p in phrases if _has_word(p)]
            return None if not parts else parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"
        if not _has_word(tree.text):
            return None
        return _quoted(tree.text) + (" *" if tree.prefix else "")
    if tree.op == "OR":
        parts = [p for p in (to_fts(c, actors) for c in tree.children) if p]
        return None if not parts else parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"
    keep = [to_fts(c, actors) for c in tree.children if not (isinstance(c, Node) and c.op == "NOT")]
    drop = [to_fts(c.children[0], actors) for c in tree.children if isinstance(c, Node) and c.op == "NOT"]
    keep = [k for k in keep if k]  # a term of punctuation only constrains nothing
    if not keep:
        return None
    out = " AND ".join(keep)
    for d in drop:
        if d:
            out = f"({out}) NOT {d}"
    return "(" + out + ")" if len(keep) > 1 or drop else out


def actor_phrases(corpus):
    """A function name -> the phrases the actor is written as (name and aliases), for
    :func:`to_fts`; names are resolved as ``corpus.actor`` resolves them."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    def phrases(name: str) -> list[str]:
        profile = corpus.actor(name)  # raises UnknownActorError naming close matches
        forms = [str(profile.actor["name"]), *map(str, _as_list(profile.actor.get("aliases")))]
        out, seen = [], set()
        for f in forms:
            key = " ".join(_folded_words(f))
            if key and key not in seen and key not in ENGLISH_STOP_WORDS:
                seen.add(key)
                out.append(f)
        return out or [name]

    return phrases


def _as_list(v) -> list:
    return list(v) if isinstance(v, (list, tuple, np.ndarray)) else []


def _folded_words(text: str) -> list[str]:
    import unicodedata

    s = unicodedata.normalize("NFKD", text.casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.findall(r"\w+", s)


# --- the index -----------------------------------------------------------------------------------

def fingerprint(articles: pd.DataFrame) -> str:
    """What the index depends on: the ids, titles and texts of the articles, in order."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"schema={SCHEMA}|{TOKENIZER}|{len(articles)}".encode())
    titles = articles["title"] if "title" in articles.columns else pd.Series([None] * len(articles))
    for a, t, x in zip(articles["article_id"].astype(str), titles, articles["text"]):
        for part in (a, t if isinstance(t, str) else "", x if isinstance(x, str) else ""):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\0")
    return h.hexdigest()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` without spaCy: a break after . ! ? before a
    capital or digit, and at every blank line. Used when no sentences table is given."""
    spans = []
    pos = 0
    for para in _PARAGRAPH.split(text):
        lo = text.find(para, pos) if para else pos
        pos = lo + len(para)
        cut = lo
        for m in _SENTENCE_END.finditer(para):
            spans.append((cut, lo + m.start()))
            cut = lo + m.end()
        spans.append((cut, lo + len(para)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


class SearchIndex:
    """The FTS5 index of one articles frame (rowid = position in the frame + 1); see the module."""

    def __init__(self, articles: pd.DataFrame, *, path=None, sentences: pd.DataFrame | None = None,
                 fingerprint_: str | None = None):
        for col in ("article_id", "text"):
            if col not in articles.columns:
                raise MissingColumnError(col, "articles")
        keep = [c for c in ("article_id", "title", "text", "source", "published") if c in articles.columns]
        self.articles = articles[keep].reset_index(drop=True)  # no data copied (copy on write)
        # without attrs: pandas deep-copies them (a load report of thousands of rows) on every take
        self.articles.attrs = {}
        self.ids = self.articles["article_id"].astype(str).to_numpy()
        self._sentences = sentences
        self.fingerprint = fingerprint_ or fingerprint(self.articles)
        self.path = None if path is None else Path(path)
        self.db = self._open()

    # building
    def _open(self) -> sqlite3.Connection:
        if self.path is not None:
            db = self._open_file()
            if db is not None:
                return db
        db = sqlite3.connect(":memory:" if self.path is None else str(self.path), check_same_thread=False)
        self._build(db)
        return db

    def _open_file(self) -> sqlite3.Connection | None:
        """The saved index when it is intact and of these articles; else None (after removing it)."""
        if not self.path.is_file():
            return None
        try:
            db = sqlite3.connect(str(self.path), check_same_thread=False)
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("fingerprint") == self.fingerprint and meta.get("schema") == str(SCHEMA):
                return db
            db.close()
        except sqlite3.DatabaseError:
            pass  # damaged or not ours: built again
        self.path.unlink(missing_ok=True)
        return None

    def _build(self, db: sqlite3.Connection) -> None:
        if self.path is not None:
            db.execute("PRAGMA journal_mode=OFF")
            db.execute("PRAGMA synchronous=OFF")
        db.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
        db.execute(f"CREATE VIRTUAL TABLE docs USING fts5(title, text, tokenize='{TOKENIZER}')")
        titles = self.articles["title"] if "title" in self.articles.columns else [None] * len(self.articles)
        rows = ((i + 1, t if isinstance(t, str) else "", x if isinstance(x, str) else "")
                for i, (t, x) in enumerate(zip(titles, self.articles["text"])))
        db.executemany("INSERT INTO docs(rowid, title, text) VALUES (?, ?, ?)", rows)
        db.execute("INSERT INTO docs(docs) VALUES ('optimize')")  # one segment: faster queries
        db.executemany("INSERT INTO meta VALUES (?, ?)", [("fingerprint", self.fingerprint), ("schema", str(SCHEMA)),
                                                          ("sentences", "0")])
        db.commit()

    def _has_sentences(self) -> bool:
        return self.db.execute("SELECT value FROM meta WHERE key = 'sentences'").fetchone()[0] == "1"

    def _build_sentences(self) -> None:
        db = self.db
        db.execute("DROP TABLE IF EXISTS sents")
        db.execute("DROP TABLE IF EXISTS sent_pos")
        db.execute(f"CREATE VIRTUAL TABLE sents USING fts5(text, tokenize='{TOKENIZER}')")
        db.execute("CREATE TABLE sent_pos(rowid INTEGER PRIMARY KEY, doc INTEGER, sentence INTEGER, start INTEGER, "
                   "end_ INTEGER)")
        texts = self.articles["text"].tolist()
        spans = self._sentence_spans(texts)
        rowid = 0
        batch_text, batch_pos = [], []
        for doc, (text, sp) in enumerate(zip(texts, spans)):
            if not isinstance(text, str):
                continue
            for k, (s, e) in enumerate(sp):
                rowid += 1
                batch_text.append((rowid, text[s:e]))
                batch_pos.append((rowid, doc + 1, k, s, e))
            if len(batch_text) > 50_000:
                db.executemany("INSERT INTO sents(rowid, text) VALUES (?, ?)", batch_text)
                db.executemany("INSERT INTO sent_pos VALUES (?, ?, ?, ?, ?)", batch_pos)
                batch_text, batch_pos = [], []
        db.executemany("INSERT INTO sents(rowid, text) VALUES (?, ?)", batch_text)
        db.executemany("INSERT INTO sent_pos VALUES (?, ?, ?, ?, ?)", batch_pos)
        db.execute("INSERT INTO sents(sents) VALUES ('optimize')")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'sentences'")
        db.commit()

    def _sentence_spans(self, texts: list) -> list[list[tuple[int, int]]]:
        s = self._sentences
        if s is None or s.empty:
            return [split_sentences(t) if isinstance(t, str) else [] for t in texts]
        # the corpus's own sentences (spaCy's, cut at paragraphs): start of each, end = next start
        s = s[["article_id", "sentence", "start", "end"]].sort_values(["article_id", "sentence"], kind="stable")
        by_id = {a: list(zip(g["start"].tolist(), g["end"].tolist())) for a, g in s.groupby("article_id", sort=False)}
        out = []
        for a, t in zip(self.ids, texts):
            sp = by_id.get(a)
            out.append([(int(x), int(y)) for x, y in sp] if sp else (split_sentences(t) if isinstance(t, str) else []))
        return out

    # searching
    def match(self, fts: str | None) -> np.ndarray:
        """Positions (0-based, in the frame) of the articles matching an FTS5 query, in order."""
        if fts is None:
            return np.empty(0, dtype=np.int64)
        rows = self.db.execute("SELECT rowid FROM docs WHERE docs MATCH ?", (fts,)).fetchall()
        return np.sort(np.fromiter((r[0] - 1 for r in rows), dtype=np.int64, count=len(rows)))

    def _ranked(self, table: str, score: str, fts: str, limit: int | None, snippet: str, marks,
                snippets: int | None, extra: str = "", join: str = "") -> list:
        """Rows of an FTS table matching ``fts``, best first (ties by rowid), with the snippet
        column filled for the first ``snippets`` rows only (None: all): a snippet costs about
        40 microseconds a row, a score almost nothing."""
        order = f" ORDER BY s DESC, {table}.rowid" + (" LIMIT ?" if limit is not None else "")
        lim = (limit,) if limit is not None else ()
        if snippets is None or (limit is not None and limit <= snippets):
            sql = f"SELECT {table}.rowid, {score} AS s, {snippet}{extra} FROM {table}{join} WHERE {table} MATCH ?"
            return self.db.execute(sql + order, (marks[0], marks[1], fts) + lim).fetchall()
        sql = f"SELECT {table}.rowid, {score} AS s, NULL{extra} FROM {table}{join} WHERE {table} MATCH ?"
        rows = self.db.execute(sql + order, (fts,) + lim).fetchall()
        if snippets and rows:
            sql = (f"SELECT {table}.rowid, {score} AS s, {snippet} FROM {table} WHERE {table} MATCH ? "
                   f"ORDER BY s DESC, {table}.rowid LIMIT ?")
            best = dict((r[0], r[2]) for r in self.db.execute(sql, (marks[0], marks[1], fts, snippets)))
            rows = [(r[0], r[1], best.get(r[0]), *r[3:]) for r in rows]
        return rows

    def articles_matching(self, fts: str | None, *, limit: int | None, marks=MARKS,
                          snippets: int | None = None) -> pd.DataFrame:
        cols = {"pos": "int64", "score": "float64", "snippet": "string"}
        if fts is None:
            return pd.DataFrame({c: pd.Series(dtype=t) for c, t in cols.items()})
        rows = self._ranked("docs", "-bm25(docs, 2.0, 1.0)", fts, limit,
                            f"snippet(docs, 1, ?, ?, '…', {SNIPPET_TOKENS})", marks, snippets)
        out = pd.DataFrame(rows, columns=["pos", "score", "snippet"]).astype(cols)
        out["pos"] -= 1
        return out

    def sentences_matching(self, fts: str | None, *, limit: int | None, marks=MARKS,
                           snippets: int | None = None) -> pd.DataFrame:
        cols = {"pos": "int64", "sentence": "int64", "start": "int64", "end": "int64", "score": "float64",
                "snippet": "string"}
        if fts is None:
            return pd.DataFrame({c: pd.Series(dtype=t) for c, t in cols.items()})
        if not self._has_sentences():
            self._build_sentences()
        rows = self._ranked("sents", "-bm25(sents)", fts, limit, "highlight(sents, 0, ?, ?)", marks, snippets,
                            extra=", p.doc, p.sentence, p.start, p.end_",
                            join=" JOIN sent_pos p ON p.rowid = sents.rowid")
        out = pd.DataFrame([(r[3] - 1, r[4], r[5], r[6], r[1], r[2]) for r in rows], columns=list(cols))
        return out.astype(cols)

    def close(self) -> None:
        self.db.close()


# one index per articles frame and session, keyed by the frame's identity and checked by a
# signature that costs no scan of the texts: the arrays holding ids and texts (an edit in place
# gives a text column a new Arrow array) and the texts' total length in bytes
_INDEXES: dict[int, tuple] = {}


def _signature(articles: pd.DataFrame) -> tuple:
    text, ids = articles["text"].array, articles["article_id"].array
    arrow = getattr(text, "_pa_array", None)
    if arrow is not None:
        import pyarrow.compute as pc

        size = pc.sum(pc.binary_length(arrow)).as_py() or 0
    else:  # an object column: its lengths, in Python
        size = int(articles["text"].map(lambda t: len(t) if isinstance(t, str) else -1).sum())
    return len(articles), id(text), id(arrow), id(ids), id(getattr(ids, "_pa_array", None)), size


def _drop(key: int) -> None:
    entry = _INDEXES.pop(key, None)
    if entry is not None:
        entry[2].close()


def index_for(obj, *, index=None, rebuild: bool = False) -> SearchIndex:
    """The search index of a Corpus or an articles frame: from this session's cache, from the
    store's ``search.sqlite``, or built now. ``index``: a folder (the file is
    ``<folder>/search.sqlite``) or a ``.sqlite`` path to keep it in; default the corpus's store,
    else memory."""
    from .base import table_of

    articles = obj if isinstance(obj, pd.DataFrame) else table_of(obj, "articles")
    sentences = None if isinstance(obj, pd.DataFrame) else table_of(obj, "sentences", required=False)
    where = index if index is not None else getattr(obj, "store", None)
    path = None
    if where is not None:
        where = Path(where)
        path = where if where.suffix in (".sqlite", ".db") else where / INDEX_FILE
    key = id(articles)
    sig = _signature(articles)
    entry = _INDEXES.get(key)
    if entry is not None and not rebuild and entry[0]() is articles and entry[1] == sig and \
            (path is None or entry[2].path == path):
        return entry[2]
    _drop(key)
    if rebuild and path is not None:
        path.unlink(missing_ok=True)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    idx = SearchIndex(articles, path=path, sentences=sentences)
    _INDEXES[key] = (weakref.ref(articles), sig, idx)
    weakref.finalize(articles, _drop, key)
    return idx


def compile_query(obj, query: str) -> str | None:
    """The FTS5 query for ``query`` over a Corpus (actors resolved) or a frame (actor:NAME is the phrase)."""
    tree = parse_query(query)
    actors = None if isinstance(obj, pd.DataFrame) or not hasattr(obj, "actor") else actor_phrases(obj)
    return to_fts(tree, actors)


def search(articles_or_corpus, query: str, *, by: str = "article", limit: int | None = None,
           snippets: int | None = SNIPPETS, index=None, rebuild: bool = False,
           marks: tuple[str, str] = MARKS) -> pd.DataFrame:
    """The articles (or sentences) matching a query, best first.

    ``query``: words, "quoted phrases", AND / OR / NOT, parentheses, ``word*`` prefixes and
    ``actor:NAME`` (with a Corpus: the actor's name and aliases); case and accents are folded.
    Returns, with ``by="article"``: article_id, score (BM25: higher is a better match; a title
    match counts double), snippet (the best passage with hits between ``**``), source,
    published, title -- one row per matching article. With ``by="sentence"``: article_id,
    sentence (index in the article: the corpus's sentences when given a Corpus, else a split at
    sentence punctuation), start, end (offsets in the article's text), score, snippet (the sentence,
    hits between ``**``), source, published, title -- one row per matching sentence.
    Ties are broken by position in the articles frame. ``limit`` keeps the best rows only.
    ``snippets``: how many of the best rows get a snippet (default 200; the others have NA;
    None for every row): scores cost almost nothing, a snippet about 40 microseconds a row, so a
    query matching 20,000 articles answers in tens of milliseconds with the default and in about
    a second with ``snippets=None``. ``marks`` are the two strings put around each hit.

    The index is built on the first search of a frame (about 15 s for 100,000 articles) and
    reused; ``index`` says where to keep it (a folder or a .sqlite path: default the corpus's
    store, else memory); ``rebuild=True`` builds it again.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"article_id": ["a", "b", "c"], "title": ["Rates", "Floods", "Rates and homes"],
    ...                       "text": ["The bank raised interest rates again.", "Rain flooded the valley.",
    ...                                "Higher interest rates cooled housing."]})
    >>> search(frame, '"interest rates" NOT housing')[["article_id", "snippet"]]
      article_id                                    snippet
    0          a  The bank raised **interest rates** again.

    Raises QueryError for a query it cannot read (an unclosed quote, a NOT with nothing before it).
    """
    check_choice("by", by, BY_SEARCH)
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, (int, np.integer)) or limit < 1):
        raise InvalidOptionError("limit", limit, ("None", "a positive int"))
    if not (isinstance(marks, tuple) and len(marks) == 2 and all(isinstance(m, str) for m in marks)):
        raise InvalidOptionError("marks", marks, ("a pair of str, e.g. ('**', '**')",))
    fts = compile_query(articles_or_corpus, query)
    idx = index_for(articles_or_corpus, index=index, rebuild=rebuild)
    if snippets is not None and (isinstance(snippets, bool) or not isinstance(snippets, (int, np.integer))
                                 or snippets < 0):
        raise InvalidOptionError("snippets", snippets, ("None", "an int >= 0"))
    hits = (idx.articles_matching(fts, limit=limit, marks=marks, snippets=snippets) if by == "article"
            else idx.sentences_matching(fts, limit=limit, marks=marks, snippets=snippets))
    return _with_articles(idx, hits, SEARCH_COLUMNS if by == "article" else SENTENCE_COLUMNS)


def _with_articles(idx: SearchIndex, hits: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    a = idx.articles
    pos = hits["pos"].to_numpy()
    out = hits.drop(columns="pos")
    out.insert(0, "article_id", pd.array(idx.ids[pos], dtype="string"))
    for c in ("source", "published", "title"):
        # take, not to_numpy: the cost follows the hits, not the corpus
        out[c] = (a[c].take(pos).to_numpy() if c in a.columns else pd.Series(pd.NA, index=out.index, dtype="string"))
        if c in a.columns:
            out[c] = out[c].astype(a[c].dtype)
    out["score"] = out["score"].round(6)
    return out[cols].reset_index(drop=True)


def matching_ids(articles_or_corpus, query: str, *, index=None) -> pd.Series:
    """The article_ids of the articles matching ``query`` (frame order), without scores or snippets."""
    fts = compile_query(articles_or_corpus, query)
    idx = index_for(articles_or_corpus, index=index)
    return pd.Series(idx.ids[idx.match(fts)], dtype="string", name="article_id")


__all__ = ["search", "matching_ids", "parse_query", "to_fts", "index_for", "SearchIndex", "split_sentences",
           "BY_SEARCH", "MARKS", "SEARCH_COLUMNS", "SENTENCE_COLUMNS", "INDEX_FILE"]
