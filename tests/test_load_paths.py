"""Inputs that are not plain files: compressed files and archives, symbolic links and loops, file
names that are not UTF-8, FIFOs and sockets, store folders; streaming (long files read block by
block give the same frame as short ones read whole); the CLI's report. Files are written in tmp_path.
"""
from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import socket
import zipfile

import pandas as pd
import pytest

import toolkit as tk
from toolkit import cli, store
from toolkit.errors import LoadError
from toolkit.load import decode, run as run_mod

from test_load import accounted, jsonl, skipped, write

RECORDS = [{"id": f"r{i}", "title": f"Title {i}", "text": f"Body number {i} of the test records.", "date": "2021-02-03"}
           for i in range(3)]


def article(i: int) -> str:
    return f"Headline {i}\n\nThe council met on day {i} to discuss the budget for the coming year.\n"


def notes(report) -> pd.DataFrame:
    return report[report["status"] == "note"].reset_index(drop=True)


# --- compression and archives ---------------------------------------------------------------------

def test_compressed_inputs_read_through(tmp_path):
    data = jsonl(*RECORDS).encode()
    gz = write(tmp_path / "a.jsonl.gz", gzip.compress(data))
    bz = write(tmp_path / "b.csv.bz2", bz2.compress(b"title,text\nCSV one,Body of the bz2 CSV.\n"))
    xz = write(tmp_path / "c.txt.xz", lzma.compress(article(9).encode()))
    f = tk.load_articles([gz, bz, xz], errors="raise")
    accounted(f)
    assert list(f["title"]) == ["Title 0", "Title 1", "Title 2", "CSV one", "Headline 9"]
    assert list(f["path"]) == [str(gz)] * 3 + [str(bz), str(xz)]
    assert f["published"].iloc[0] == pd.Timestamp("2021-02-03", tz="UTC")


def test_zip_archive_is_a_folder_of_members(tmp_path):
    arc = tmp_path / "exports.zip"
    with zipfile.ZipFile(arc, "w") as zf:
        zf.writestr("day1/a.txt", article(1))
        zf.writestr("b.jsonl.gz", gzip.compress(jsonl(*RECORDS[:2]).encode()))
        zf.writestr("notes.bin", b"\x00\x01")
        zf.writestr("README.md", "About")
    f = tk.load_articles(arc)
    report = accounted(f)
    assert sorted(f["path"].unique()) == [f"{arc}/b.jsonl.gz", f"{arc}/day1/a.txt"]
    assert len(f) == 3
    sk = skipped(report)
    assert sorted(sk["path"]) == [f"{arc}/README.md", f"{arc}/notes.bin"]
    assert "supported: " in sk.loc[sk["path"].str.endswith("notes.bin"), "reason"].iloc[0]


def test_damaged_compressed_files_reported(tmp_path):
    good = gzip.compress(jsonl(*RECORDS).encode())
    cut = write(tmp_path / "cut.jsonl.gz", good[: len(good) // 2])
    junk = write(tmp_path / "junk.txt.gz", b"not gzip at all")
    badzip = write(tmp_path / "bad.zip", b"PK\x03\x04 broken")
    f = tk.load_articles([cut, junk, badzip])
    sk = skipped(accounted(f))
    assert list(sk["path"]) == [str(cut), str(junk), str(badzip)]
    assert "cannot read file" in sk.loc[0, "reason"] and "ZIP" in sk.loc[2, "reason"]
    with pytest.raises(LoadError, match="cannot read file"):
        tk.load_articles(junk, errors="raise")


def test_unsupported_file_names_the_formats(tmp_path):
    f = tk.load_articles(write(tmp_path / "x.odt", b"?"))
    reason = skipped(accounted(f)).loc[0, "reason"]
    for ext in (".docx", ".pdf", ".rtf", ".xlsx", ".sqlite", ".jsonl", ".gz", ".zip"):
        assert ext in reason


# --- links, special files, names ------------------------------------------------------------------

def test_folder_with_links_loops_and_odd_names(tmp_path):
    root = tmp_path / "corpus"
    write(root / "real" / "a.txt", article(1))
    write(root / "real" / "deep" / "b.txt", article(2))
    outside = write(tmp_path / "elsewhere" / "c.txt", article(3)).parent
    (root / "linked").symlink_to(outside, target_is_directory=True)       # a symlinked sub-folder: read once
    (root / "real" / "deep" / "loop").symlink_to(root, target_is_directory=True)  # a loop back to the top
    (root / "alias").symlink_to(root / "real", target_is_directory=True)  # the same folder again
    (root / "broken").symlink_to(tmp_path / "nowhere")
    bad_name = os.fsencode(str(root)) + b"/caf\xe9-\xff.txt"              # not valid UTF-8
    with open(bad_name, "w", encoding="utf-8") as fh:
        fh.write(article(4))
    os.mkfifo(root / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "sock"))
    try:
        f = tk.load_articles(root)
    finally:
        sock.close()
    report = accounted(f)
    assert sorted(f["title"]) == ["Headline 1", "Headline 2", "Headline 3", "Headline 4"]  # each article once
    assert f"{root}/caf\\xe9-\\xff.txt" in set(f["path"])
    f.to_parquet(tmp_path / "ok.parquet")  # the escaped name stores
    sk = skipped(report).set_index("path")["reason"]
    assert "broken symbolic link" in sk[str(root / "broken")]
    assert "FIFO" in sk[str(root / "pipe.txt")] and "socket" in sk[str(root / "sock")]
    n = notes(report).set_index("path")["reason"]
    assert "not valid UTF-8" in n[f"{root}/caf\\xe9-\\xff.txt"]
    # "alias" sorts first: the real folder is read through it, then met again as "real" and through the loop
    assert "folder already read" in n[str(root / "alias" / "deep" / "loop")]
    assert "folder already read" in n[str(root / "real")]
    with pytest.raises(LoadError, match="broken symbolic link"):
        tk.load_articles(root, errors="raise")


def test_recursive_glob_does_not_follow_loops(tmp_path):
    root = tmp_path / "g"
    write(root / "x" / "001.txt", article(1))
    write(root / "002.txt", article(2))
    (root / "x" / "up").symlink_to(root, target_is_directory=True)
    (root / "x" / "up2").symlink_to(root / "x", target_is_directory=True)
    f = tk.load_articles(str(root / "**" / "*.txt"))
    report = accounted(f)
    assert sorted(f["title"]) == ["Headline 1", "Headline 2"] and skipped(report).empty
    assert list(tk.load_articles(str(root / "*.txt"))["title"]) == ["Headline 2"]


def test_fifo_given_directly_is_not_opened(tmp_path):
    os.mkfifo(tmp_path / "p.jsonl")
    f = tk.load_articles(tmp_path / "p.jsonl")
    assert "FIFO" in skipped(accounted(f)).loc[0, "reason"]


def test_missing_path_fails_loudly(tmp_path):
    with pytest.raises(LoadError, match="does not exist"):
        tk.load_articles(tmp_path / "typo.jsonl", errors="raise")
    f = tk.load_articles(tmp_path / "typo.jsonl")
    assert len(f) == 0 and "does not exist" in skipped(accounted(f)).loc[0, "reason"]


def test_unreadable_folder_reported(tmp_path, monkeypatch):
    write(tmp_path / "in" / "sub" / "a.txt", article(1))
    real = os.scandir

    def deny(path):
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr("toolkit.load.paths.os.scandir", deny)
    f = tk.load_articles(tmp_path / "in")
    assert "cannot list folder: Permission denied" in skipped(accounted(f)).loc[0, "reason"]


def test_store_and_excluded_folders_not_read(tmp_path):
    write(tmp_path / "in" / "a.txt", article(1))
    store = tmp_path / "in" / "results"
    write(store / "corpus" / "corpus.json", "{}")
    write(store / "corpus" / "mentions.parquet", b"PAR1")
    write(tmp_path / "in" / "out2" / "load_report.csv", "path,line,status,reason\n")
    f = tk.load_articles(tmp_path / "in", exclude=[tmp_path / "in" / "out2"])
    report = accounted(f)
    assert list(f["title"]) == ["Headline 1"] and skipped(report).empty
    reasons = " ".join(notes(report)["reason"])
    assert "toolkit store folder" in reasons and "output folder of this run" in reasons


# --- streaming ------------------------------------------------------------------------------------

STREAM_CASES = {
    "mixed.jsonl": (jsonl(*RECORDS).encode() + '{"text": "Caf\u00e9 \u201cquoted\u201d."}\n'.encode()
                    + b'{"text": "Legacy \x93quotes\x94 and \xa35."}\n' + b"not json\n" * 2),
    "crlf.csv": "title,text\r\nOne,\"Body, one.\r\nStill one.\"\r\nTwo,Body two £.\r\n".encode("cp1252"),
    "cr.csv": b"title;text\rOne;Body one.\rTwo;\"Body\rtwo.\"\r",
    "bom.jsonl": "\ufeff".encode() + jsonl(*RECORDS).encode(),
    "utf16.csv": "title\ttext\nOne\tBody ü one.\nTwo\tBody two.\n".encode("utf-16"),
}


@pytest.mark.parametrize("name", sorted(STREAM_CASES))
def test_streamed_equals_whole(tmp_path, monkeypatch, name):
    path = write(tmp_path / name, STREAM_CASES[name])
    whole = tk.load_articles(path)
    monkeypatch.setattr(decode, "BLOCK", 7)  # every file is "long": decoded block by block
    streamed = tk.load_articles(path)
    accounted(streamed)
    pd.testing.assert_frame_equal(streamed, whole)
    def same_form(r):  # a streamed file's encoding note comes once the file is read, not before its rows
        r = r.assign(reason=r["reason"].str.replace(r" at byte \d+", "", regex=True))
        return r.sort_values(["status", "reason", "line"]).reset_index(drop=True)

    pd.testing.assert_frame_equal(same_form(tk.load_report(streamed)), same_form(tk.load_report(whole)))


def test_legacy_byte_offset_when_streamed(tmp_path, monkeypatch):
    path = write(tmp_path / "l.jsonl", jsonl(*RECORDS).encode() + b'{"text": "Bad \x93byte."}\n')
    monkeypatch.setattr(decode, "BLOCK", 16)
    offset = path.read_bytes().index(b"\x93")
    reason = notes(tk.load_report(tk.load_articles(path))).loc[0, "reason"]
    assert f"not valid UTF-8 at byte {offset}; decoded as cp1252" == reason


def test_rows_typed_in_chunks_equal_one_frame(tmp_path, monkeypatch):
    recs = [{"text": f"Article {i} about the harbour.", "n": i, **({"tag": ["x"]} if i % 4 == 0 else {})}
            for i in range(11)]
    path = write(tmp_path / "c.jsonl", jsonl(*recs))
    one = tk.load_articles(path)
    monkeypatch.setattr(run_mod, "CHUNK_ROWS", 3)
    chunked = tk.load_articles(path)
    pd.testing.assert_frame_equal(chunked, one)


# --- the CLI --------------------------------------------------------------------------------------

def test_cli_nothing_loaded_creates_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    code = cli.main(["analyze", str(tmp_path / "missing.jsonl"), str(write(tmp_path / "e.txt", "")), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == cli.NOTHING_LOADED == 4 and not out.exists()
    assert f"skipped: {tmp_path / 'missing.jsonl'}: path does not exist" in err
    assert f"skipped: {tmp_path / 'e.txt'}: empty file" in err
    assert "loaded 0 articles from 2 inputs: 2 skipped" in err and "nothing written" in err


def test_cli_never_reads_its_own_output(tmp_path, capsys):
    folder = tmp_path / "in"
    write(folder / "a.txt", "Council meets\n\nAngela Merkel met Emmanuel Macron in Paris on Tuesday.\n")
    out = folder / "results"
    args = ["analyze", str(folder), "--out", str(out), "--no-topics", "--no-quotes"]
    assert cli.main(args) == 0
    assert cli.main(args) == 0  # the second run finds results/ inside the input folder and leaves it alone
    err = capsys.readouterr().err
    assert err.count("loaded 1 articles from 1 inputs: 0 skipped") == 2
    assert json.loads(store.read_file(out, "summary.json"))["articles"] == 1
    report = pd.read_csv(io.BytesIO(store.read_file(out, "load_report.csv")))
    assert report["reason"].str.contains("output folder of this run").any()
