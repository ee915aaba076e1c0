"""Bytes -> text: UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252 (latin-1 for the bytes
cp1252 leaves undefined), noted in the report; in a file that mixes UTF-8 with such bytes, the
valid UTF-8 stays UTF-8. Binary content is reported as undecodable, a file of whitespace, BOM or
NUL characters only as empty.

Two ways in: :func:`read_text` decodes a whole file (text, HTML, JSON, exports), :func:`open_lines`
streams lines (JSON Lines, CSV). A file of at most ``BLOCK`` bytes is decoded whole either way,
so both give the same text; a longer one is decoded block by block with the same rules, deciding
"binary" from its first block.
"""
from __future__ import annotations

import codecs
import re
import threading

from .paths import READ_ERRORS, Input
from .run import Run

BLOCK = 1 << 20
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _legacy_byte(exc: UnicodeDecodeError):
    """Decode error handler: bytes that are not UTF-8 read as cp1252 (latin-1 where cp1252 has no character)."""
    bad = exc.object[exc.start:exc.end]
    out = []
    latin1 = False
    for b in bad:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(bytes([b]).decode("latin-1"))
            latin1 = True
    tracker = getattr(_TRACK, "current", None)
    if tracker is not None:
        tracker.saw(exc.start, exc.end - exc.start, latin1)
    return "".join(out), exc.end


# The streaming decoder learns where the first bad byte was through this (one decode at a time per thread).
_TRACK = threading.local()
codecs.register_error("toolkit-legacy", _legacy_byte)


def read_bytes(inp: Input, run: Run) -> bytes | None:
    try:
        return inp.read_bytes()
    except READ_ERRORS as exc:
        run.skip(inp.name, _read_error(exc))
        return None


def _read_error(exc) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read file: {exc.strerror}"
    return f"cannot read file (damaged compressed data or archive?): {type(exc).__name__}: {exc}"


def read_text(inp: Input, run: Run) -> str | None:
    """The decoded text of a whole file, or None when it was reported (unreadable, empty, binary)."""
    data = read_bytes(inp, run)
    return None if data is None else decode_bytes(data, inp.name, run)


def decode_bytes(data: bytes, name: str, run: Run) -> str | None:
    if not data.strip():
        run.skip(name, "empty file")
        return None
    text = None
    bad_at = 0
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if text is None:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            bad_at = exc.start
    if text is not None:
        if not text.replace("\ufeff", "").replace("\x00", "").strip():  # a BOM, NULs or Unicode spaces only
            run.skip(name, "empty file")
            return None
        return text
    if _binary(data):
        run.skip(name, f"undecodable bytes (not UTF-8 at byte {bad_at}, and binary content): not a text file")
        return None
    # Valid UTF-8 sequences stay UTF-8 (files pasted together from several sources); the other bytes
    # are cp1252, or latin-1 for the five bytes cp1252 leaves undefined.
    tracker = _Tracker()
    _TRACK.current = tracker
    try:
        text = data.decode("utf-8-sig", errors="toolkit-legacy")
    finally:
        _TRACK.current = None
    # Each bad byte became one character: more non-ASCII characters than that is valid UTF-8 too.
    mixed = len(text) - len(text.encode("ascii", "ignore")) > tracker.n_bad
    run.note(name, _legacy_note(bad_at, mixed, not tracker.latin1))
    return text


def _binary(data: bytes) -> bool:
    """NUL bytes or many control bytes: a binary file, not text in a legacy encoding."""
    controls = sum(data.count(bytes([b])) for b in range(0, 9)) + data.count(b"\x0e") + data.count(b"\x7f")
    return controls > max(2, len(data) // 200)


def _legacy_note(bad_at: int, mixed: bool, cp1252_only: bool) -> str:
    legacy = "cp1252" if cp1252_only else "cp1252/latin-1"
    if mixed:
        return (f"not valid UTF-8 at byte {bad_at}; mixed encodings: kept the valid UTF-8, "
                f"decoded the other bytes as {legacy}")
    return f"not valid UTF-8 at byte {bad_at}; decoded as {legacy}"


def open_lines(inp: Input, run: Run, *, universal: bool):
    """The lines of a file, streamed; None when the file was reported (unreadable, empty, binary).

    ``universal=False`` splits on "\\n" only (JSON Lines: JSON strings may hold U+2028 or a lone CR);
    ``universal=True`` splits on "\\r\\n", "\\r" and "\\n" and keeps the line ends, as ``csv`` wants.
    A read error after the first block is reported as a skipped input with the line it stopped at."""
    try:
        stream = inp.open()
        first = stream.read(BLOCK)
    except READ_ERRORS as exc:
        run.skip(inp.name, _read_error(exc))
        return None
    if len(first) < BLOCK:
        stream.close()
        text = decode_bytes(first, inp.name, run)
        return None if text is None else _split([text], universal)
    if first.startswith(_UTF16_BOMS):
        decoder = codecs.getincrementaldecoder("utf-16")(errors="replace")
    elif _binary(first):
        stream.close()
        run.skip(inp.name, "undecodable bytes (binary content in the first block): not a text file")
        return None
    else:
        decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="toolkit-legacy")
    return _split(_decoded_blocks(first, stream, decoder, inp, run), universal)


class _Tracker:
    """What the legacy handler saw while a block was decoded: where the first bad byte was."""

    def __init__(self):
        self.base = 0
        self.first_bad = None
        self.n_bad = 0
        self.latin1 = False

    def saw(self, start: int, n: int, latin1: bool):
        if self.first_bad is None:
            self.first_bad = self.base + start
        self.n_bad += n
        self.latin1 = self.latin1 or latin1


def _decoded_blocks(first, stream, decoder, inp: Input, run: Run):
    tracker = _Tracker()
    consumed = 0
    non_ascii = 0
    block = first
    try:
        while True:
            pending = decoder.getstate()[0] if hasattr(decoder, "getstate") else b""
            tracker.base = consumed - len(pending)
            _TRACK.current = tracker
            try:
                text = decoder.decode(block, final=not block)
            finally:
                _TRACK.current = None
            consumed += len(block)
            if not text.isascii():
                non_ascii += len(text) - len(text.encode("ascii", "ignore"))
            if text:
                yield text
            if not block:
                break
            block = stream.read(BLOCK)
    except READ_ERRORS as exc:
        run.fail(inp.name, _read_error(exc) + " (stopped there; the lines before it are loaded)")
    finally:
        stream.close()
    if tracker.first_bad is not None:
        # Each bad byte became one character: more non-ASCII characters than that is valid UTF-8 too.
        run.note(inp.name, _legacy_note(tracker.first_bad, non_ascii > tracker.n_bad, not tracker.latin1))


_LINE_END = re.compile(r"\r\n|\r|\n")


def _split(blocks, universal: bool):
    """Lines of a stream of text blocks (a line may span blocks)."""
    carry = ""
    for block in blocks:
        buf = carry + block
        if universal:
            lines, carry = _universal_lines(buf)
            yield from lines
        else:
            parts = buf.split("\n")
            carry = parts.pop()
            yield from parts
    if carry:
        yield carry


def _universal_lines(buf: str):
    """(complete lines with their ends, the rest); a final "\\r" waits: it may be half of "\\r\\n"."""
    lines, start = [], 0
    for m in _LINE_END.finditer(buf):
        if m.group() == "\r" and m.end() == len(buf):
            break
        lines.append(buf[start:m.end()])
        start = m.end()
    return lines, buf[start:]
