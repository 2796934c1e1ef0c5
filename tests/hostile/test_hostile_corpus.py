"""The hostile-input corpus: every case in `corpus/` gets exactly its expected outcome.

Each case runs in a copy of its folder, in-process through `exporter.cli.main`, and must
give its exit code, its exact stderr line (or none), its exact findings and citations, or
editions with exactly the expected text. Around every run: no traceback, the inputs are
byte for byte unchanged, and nothing is written outside the output folder.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest

import make_corpus
from exporter.cli import main

CORPUS = make_corpus.CORPUS
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "case.json").is_file())
PDFTOTEXT = shutil.which("pdftotext")
CONTROL = re.compile("[\x00-\x1f\x7f\ufffe\uffff]")


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder under `folder`, with file contents."""
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() and not p.is_symlink() else None) for p in sorted(folder.rglob("*"))}


SPECIAL = {"fifo": stat.S_ISFIFO, "null-device": stat.S_ISCHR}


def make_special(path: Path, kind: str) -> None:
    """A file git cannot hold: a named pipe, or a character device like /dev/null (root only)."""
    if kind == "fifo":
        os.mkfifo(path)
        return
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def docx_text(path: Path) -> tuple[str, str]:
    """(paragraph texts, one per line; every XML part as text) of a .docx."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name).decode("utf-8") for name in z.namelist() if name.endswith((".xml", ".rels"))}
    paragraphs = []
    for p in re.findall(r"<w:p[ >].*?</w:p>", parts["word/document.xml"], flags=re.S):
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))
        text = text.replace("\u00ad", "")  # soft hyphens: invisible unless a line breaks there
        paragraphs.append(text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&"))
    return "\n".join(paragraphs), "".join(parts.values())


def pdf_text(path: Path) -> str:
    text = subprocess.run([PDFTOTEXT, "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def check_outputs(out: Path, expect: dict) -> None:
    assert sorted(p.name for p in out.iterdir()) == expect["files"]
    for name, rules in expect.items():
        if name == "files":
            continue
        path = out / name
        if name.endswith(".tex"):
            text = path.read_text(encoding="utf-8")
            assert not CONTROL.search(text.replace("\n", "")), f"{name} holds a control character"
            # the places an address may break (`http://\allowbreak{}x.\allowbreak{}org`) print nothing:
            # the text is compared as printed
            text = text.replace("\\allowbreak{}", "").replace("\\penalty1000{}", "")
        elif name.endswith(".docx"):
            text, xml = docx_text(path)
            assert not CONTROL.search(xml.replace("\n", "").replace("\r", "")), f"{name} holds a control character"
        else:
            if PDFTOTEXT is None:
                pytest.skip("pdftotext not installed (the README's setup installs it)")
            text = pdf_text(path)
        for needle in rules["contains"]:
            assert needle in text, f"{name} lacks {needle!r}"
        for needle in rules["absent"]:
            assert needle not in text, f"{name} holds {needle!r}"


@pytest.mark.parametrize("name", CASES)
def test_case(name, tmp_path, monkeypatch):
    spec = json.loads((CORPUS / name / "case.json").read_text(encoding="utf-8"))
    expect = spec["expect"]
    work = tmp_path / "case"
    shutil.copytree(CORPUS / name, work)
    (work / "case.json").unlink()
    for name, kind in spec.get("special", {}).items():
        make_special(work / name, kind)
    out = tmp_path / "out"
    argv = [arg.replace("{out}", str(out)) for arg in spec["argv"]]
    before = snapshot(work)
    monkeypatch.chdir(work)

    code, stdout, stderr = run(argv)

    assert "Traceback" not in stdout + stderr
    assert (code, stderr) == (expect["exit"], expect["stderr"])
    if "stdout" in expect:
        assert stdout == expect["stdout"]
    if code == 2:
        assert len(stderr.splitlines()) == 1
    # The inputs are never modified, and nothing appears beside them; a pipe or a device is still one.
    assert snapshot(work) == before
    for name, kind in spec.get("special", {}).items():
        assert SPECIAL[kind](os.lstat(work / name).st_mode), f"{name} was replaced"
    if any(key in expect for key in ("report", "diagnostics", "citations", "model")):
        data = json.loads(stdout)
        for key, value in expect.get("report", {}).items():
            assert data[key] == value, key
        for key, value in expect.get("model", {}).items():
            assert data[key] == value, key
        if "diagnostics" in expect:
            assert [[d["code"], d["file"], d["line"], d["column"], d["message"]] for d in data["diagnostics"]] == expect["diagnostics"]
        if "citations" in expect:
            assert [[c["label"], c["line"], c["column"], c["entry"]] for c in data["citations"]] == expect["citations"]
    if "outputs" in expect:
        check_outputs(out, expect["outputs"])
    elif out.exists():
        assert list(out.iterdir()) == [], "an error left files behind"


def test_corpus_holds_at_least_150_cases():
    assert len(CASES) >= 150


def test_corpus_files_are_what_make_corpus_writes(tmp_path):
    """The committed folders and the table in make_corpus.py never drift apart."""
    make_corpus.write(tmp_path / "corpus")
    assert snapshot(tmp_path / "corpus") == snapshot(CORPUS)
