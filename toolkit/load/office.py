"""Word (.docx, python-docx), RTF (striprtf) and PDF (pdfminer.six) files: their text, paragraph by
paragraph, then read as one article or as the articles of a Nexis / Factiva export.

Limits: a PDF's paragraphs are pdfminer's text boxes (lines close together), so a paragraph
split over two pages is two paragraphs; a scanned PDF (images, no text layer) is reported as
having no text; tables inside a .docx are read row by row after the paragraphs.
"""
from __future__ import annotations

import re

from .decode import read_bytes, read_text
from .optional import require
from .paths import Input
from .run import Run
from .text import add_text

# Page furniture of PDF exports: "Page 2 of 14", a bare page number.
_PAGE_LINE = re.compile(r"^\s*(?:Page\s+\d+\s+of\s+\d+|\d{1,4})\s*$", re.I)


def read_docx(inp: Input, run: Run, source):
    docx = require("docx", "python-docx", ".docx files", inp.name, run)
    if docx is None:
        return
    try:
        doc = docx.Document(inp.seekable())
    except Exception as exc:  # python-docx raises zipfile, KeyError and XML errors on damaged files
        run.fail(inp.name, f"not a readable .docx file: {type(exc).__name__}: {str(exc)[:200]}")
        return
    paras = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            paras.append(" | ".join(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip())))
    _add_paragraphs(paras, inp, run, source, "document")


def read_rtf(inp: Input, run: Run, source):
    striprtf = require("striprtf.striprtf", "striprtf", ".rtf files", inp.name, run)
    if striprtf is None:
        return
    raw = read_text(inp, run)
    if raw is None:
        run.n_inputs += 1
        return
    if not raw.lstrip().startswith("{\\rtf"):
        run.fail(inp.name, "not an RTF file (it does not start with {\\rtf)")
        return
    try:
        text = striprtf.rtf_to_text(raw, errors="replace")
    except Exception as exc:  # striprtf raises on unknown code pages and broken escapes
        run.fail(inp.name, f"RTF could not be read: {type(exc).__name__}: {str(exc)[:200]}")
        return
    _add_paragraphs(text.split("\n"), inp, run, source, "document")


def read_pdf(inp: Input, run: Run, source):
    high_level = require("pdfminer.high_level", "pdfminer.six", "PDF files", inp.name, run)
    if high_level is None:
        return
    from pdfminer.layout import LAParams

    data = read_bytes(inp, run)
    if data is None:
        run.n_inputs += 1
        return
    import io

    try:
        text = high_level.extract_text(io.BytesIO(data), laparams=LAParams())
    except Exception as exc:  # pdfminer raises its own PDFSyntaxError, PSEOF, ... on damaged files
        run.fail(inp.name, f"not a readable PDF file: {type(exc).__name__}: {str(exc)[:200]}")
        return
    # Text boxes are separated by blank lines; pages by form feeds.
    boxes = [b for b in re.split(r"\n\s*\n|\f", text)]
    lines = []
    for box in boxes:
        kept = [l for l in box.split("\n") if not _PAGE_LINE.match(l)]
        if any(l.strip() for l in kept):
            lines.append("\n".join(kept))
    _add_paragraphs(lines, inp, run, source, "PDF", sep_lines=True)


def _add_paragraphs(paras, inp: Input, run: Run, source, kind: str, *, sep_lines: bool = False):
    paras = [p.strip() for p in paras if p and p.strip()]
    if not paras:
        run.fail(inp.name, f"no text in the {kind} (a scanned {kind} without a text layer?)"
                 if kind == "PDF" else f"no text in the {kind}")
        return
    add_text("\n\n".join(paras), inp, run, source, kind=kind)
