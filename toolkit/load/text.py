"""Plain text files, and the text of documents (.docx, .rtf, .pdf): one article, or the articles of
a Nexis or Factiva export (see :mod:`toolkit.load.exports`)."""
from __future__ import annotations

from .. import clean
from . import exports
from .decode import read_text
from .paths import Input
from .records import add
from .run import Run


def read_plain(inp: Input, run: Run, source):
    raw = read_text(inp, run)
    if raw is None:
        run.n_inputs += 1
        return
    add_text(raw, inp, run, source)


def add_text(raw: str, inp: Input, run: Run, source, *, kind: str = "file"):
    """The articles of a decoded text: each document of an export, else the text as one article."""
    raw = clean.normalize_newlines(raw.replace("\x00", ""))  # old Mac CR-only files: blank lines seen
    export = exports.split_export(raw)
    if export is not None:
        _add_export(export, inp, run, source)
        return
    run.n_inputs += 1
    paras = clean.split_paragraphs(raw)
    header = None if clean.has_blank_lines(raw) else clean.parse_scraped_header(paras)
    rec = {"path": inp.name, "source": source}
    if header:
        rec.update(title=header["title"], section=header["section"], author=header["author"],
                   published=header["published"])
        body = header["body"]
    elif len(paras) >= 2 and (clean.is_headline_like(paras[0]) or (
            clean.has_blank_lines(raw) and len(paras[0].split()) <= 40)):
        rec["title"], body = paras[0], paras[1:]
    else:
        body = paras
    what = None if kind == "file" else f"no body text in the {kind} (after the title)"
    add(run, rec, body, path=inp.name, what=what)


def _add_export(export, inp: Input, run: Run, source):
    kind, docs = export
    if not docs:
        run.fail(inp.name, f"{kind} export without any document")
        return
    for n, doc in enumerate(docs, start=1):
        run.n_inputs += 1
        rec = {"path": inp.name, "source": doc.get("source") or source, "flags": []}
        for k in ("title", "author", "section", "published", "url", "language"):
            if doc.get(k):
                rec[k] = doc[k]
        extras = {"length": doc.get("length")} if doc.get("length") is not None else {}
        if doc.get("dateline"):
            extras["dateline"] = doc["dateline"]
        add(run, rec, doc["body"], path=inp.name, extras=extras,
            what=f"document {n} of the {kind} export (line {doc['start']}) has no body text")
