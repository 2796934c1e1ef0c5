"""Files and folders: unreadable inputs, and editions that are all or nothing.

Editions are written to a temporary file in the output folder and renamed into place: a
crash, an interrupt, a kill or a full disk never leaves a broken edition and never destroys
the previous one; nothing is written outside --out; inputs are never modified.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO

import exporter.sourcefile as sourcefile
from exporter.cli import main

PAPER = "мәтін осылай басталады [1].\n"
BIB = "@book{a, title={Кітап}, year={2000}}\n"
ROOT = os.geteuid() == 0  # permissions do not stop root: the refusal is then simulated


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every entry under `folder`: file bytes, or the target of a symbolic link."""
    found = {}
    for p in sorted(folder.rglob("*")):
        key = str(p.relative_to(folder))
        found[key] = ("-> " + os.readlink(p)) if p.is_symlink() else (p.read_bytes() if p.is_file() else "dir")
    return found


@pytest.fixture
def paper(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.txt").write_text(PAPER, encoding="utf-8")
    (tmp_path / "paper.bib").write_text(BIB, encoding="utf-8")
    return tmp_path


def old_editions(out: Path) -> dict[str, bytes]:
    """A previous build's files, with contents no build would write."""
    out.mkdir(exist_ok=True)
    old = {name: f"previous {name}\n".encode() for name in ("paper.tex", "paper.docx", "paper.pdf", "paper.report.json")}
    for name, data in old.items():
        (out / name).write_bytes(data)
    return old


# ---- unreadable inputs ---------------------------------------------------------------------


@pytest.mark.parametrize("which", ["source", "bib"])
def test_no_read_permission(paper, monkeypatch, which):
    target = paper / ("paper.txt" if which == "source" else "paper.bib")
    target.chmod(0)
    if ROOT:
        real_open = open

        def refusing_open(path, *args, **kwargs):
            if Path(path) == Path(target.name):
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(sourcefile, "open", refusing_open, raising=False)
    try:
        assert run(["check", "paper.txt", "--bib", "paper.bib"]) == (2, "", f"exporter: error: {target.name}: permission denied\n")
    finally:
        target.chmod(0o644)


def test_dangling_symlink(paper):
    (paper / "gone.txt").symlink_to(paper / "nowhere.txt")
    assert run(["check", "gone.txt"]) == (2, "", "exporter: error: gone.txt: no such file\n")


def test_symlink_loop(paper):
    (paper / "a.txt").symlink_to("b.txt")
    (paper / "b.txt").symlink_to("a.txt")
    assert run(["check", "a.txt"]) == (2, "", "exporter: error: a.txt: cannot be read: Too many levels of symbolic links\n")


@pytest.mark.parametrize("which", ["source", "bib"])
def test_a_named_pipe_is_refused_not_waited_on(paper, which):
    """Issue 17: a FIFO with no writer blocked `check` forever (a pipe was read to its end when
    something wrote to it). What is not a regular file is refused, before anything opens it."""
    os.mkfifo(paper / "pipe")
    argv = ["check", "pipe"] if which == "source" else ["check", "paper.txt", "--bib", "pipe"]
    result = subprocess.run([sys.executable, "-m", "exporter", *argv], cwd=paper, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "exporter: error: pipe: is a named pipe (FIFO), not a file; save what it carries to a file first\n"


@pytest.mark.parametrize("name", [b"\xff\xfe-paper.txt", b"new\nline.txt", b"tab\there.txt"])
def test_file_names_that_cannot_be_printed_on_one_line(paper, name):
    (paper / os.fsdecode(name)).write_text(PAPER, encoding="utf-8")
    shown = os.fsdecode(name).encode("utf-8", "surrogateescape").decode("utf-8", "replace").replace("\n", "\\x0a").replace("\t", "\\x09")
    expected = (2, "", f"exporter: error: {shown}: the file name is not valid UTF-8 or holds a control character; rename the file\n")
    assert run(["check", os.fsdecode(name)]) == expected
    assert run(["build", os.fsdecode(name), "--out", "out", "--to", "latex"]) == expected
    assert not (paper / "out").exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_badly_named_paper_in_source_does_not_stop_the_others(tmp_path, monkeypatch, jobs):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "good.txt").write_text(PAPER, encoding="utf-8")
    (tmp_path / "source" / os.fsdecode(b"bad\xff.txt")).write_text(PAPER, encoding="utf-8")
    code, out, err = run(["build", "--to", "latex", "--jobs", jobs])
    assert (code, err) == (2, "exporter: error: source/bad\ufffd.txt: the file name is not valid UTF-8 or holds a control character; rename the file\n")
    assert sorted(p.name for p in (tmp_path / "dist").iterdir()) == ["good.report.json", "good.tex"]
    (tmp_path / "source" / "good.txt").unlink()
    assert run(["build", "--to", "latex", "--jobs", jobs])[:2] == (2, "")  # only the bad one left: nothing to build


# ---- all or nothing ------------------------------------------------------------------------


def test_a_crash_while_rendering_keeps_the_previous_edition(paper, monkeypatch):
    out = paper / "dist"
    old = old_editions(out)
    import exporter.writers.pdf as pdf_writer

    def broken(edition):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(pdf_writer, "render", broken)
    code, stdout, err = run(["build", "paper.txt", "--bib", "paper.bib", "--out", "dist"])
    assert (code, stdout) == (3, "")
    assert err == "exporter: internal error: RuntimeError: renderer crashed (please report this)\n"
    assert tree(out) == old


@pytest.mark.parametrize("failure", ["full disk", "interrupt"])
def test_a_failed_write_keeps_the_previous_edition(paper, monkeypatch, failure):
    """The disk fills up (or Ctrl-C comes) while the second edition is being written."""
    out = paper / "dist"
    old = old_editions(out)
    real_fsync, calls = os.fsync, []

    def failing_fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device") if failure == "full disk" else KeyboardInterrupt()
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    code, stdout, err = run(["build", "paper.txt", "--bib", "paper.bib", "--out", "dist", "--to", "latex,docx,pdf"])
    if failure == "full disk":
        assert (code, err) == (2, "exporter: error: dist: cannot write the editions: No space left on device\n")
    else:
        assert (code, err) == (130, "exporter: interrupted\n")
    after = tree(out)
    assert sorted(after) == sorted(old)  # no temporary file is left behind
    # The first edition was already complete and renamed into place; every other is the old one.
    assert after["paper.tex"].startswith(b"%% Generated by exporter")
    assert {k: v for k, v in after.items() if k != "paper.tex"} == {k: v for k, v in old.items() if k != "paper.tex"}


KILL_SCRIPT = """
import os, signal, sys
sys.path.insert(0, sys.argv[1])
real = os.fsync
def fsync(fd):
    real(fd)
    os.kill(os.getpid(), signal.SIGKILL)  # killed with the first edition written but not renamed
os.fsync = fsync
from exporter.cli import main
main(["build", "paper.txt", "--bib", "paper.bib", "--out", "dist"])
"""


def kill_mid_write(folder: Path) -> None:
    result = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(REPO)], cwd=folder, capture_output=True, timeout=120)
    assert result.returncode == -signal.SIGKILL


def test_a_kill_mid_write_keeps_the_previous_edition(paper):
    out = paper / "dist"
    old = old_editions(out)
    kill_mid_write(paper)
    after = tree(out)
    assert {k: v for k, v in after.items() if not k.endswith(".part")} == old


def test_a_later_build_clears_what_a_killed_build_left(paper):
    kill_mid_write(paper)
    assert run(["build", "paper.txt", "--bib", "paper.bib", "--out", "dist"])[0] == 0
    assert sorted(p.name for p in (paper / "dist").iterdir()) == ["paper.docx", "paper.pdf", "paper.report.json", "paper.tex"]


def test_an_output_folder_that_cannot_be_written(paper, monkeypatch):
    out = paper / "dist"
    out.mkdir()
    out.chmod(0o555)
    if ROOT:
        import tempfile

        def refusing_mkstemp(*args, dir=None, **kwargs):
            raise PermissionError(errno.EACCES, "Permission denied", str(Path(dir) / ".paper.tex.x.part"))

        monkeypatch.setattr(tempfile, "mkstemp", refusing_mkstemp)
    try:
        code, stdout, err = run(["build", "paper.txt", "--out", "dist", "--to", "latex"])
    finally:
        out.chmod(0o755)
    assert (code, stdout) == (2, "")
    # The folder is named, not the random temporary file (`dist/.paper.tex.x1y2z3.part`).
    assert err == "exporter: error: dist: cannot write the editions: Permission denied\n"
    assert list(out.iterdir()) == []


# ---- names and places ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "stem"),
    [
        ("../paper.txt", "paper"),
        ("a b;rm -rf ~.txt", "a_b_rm_-rf__"),
        ("$(touch pwned).txt", "__touch_pwned_"),
        (".hidden.txt", "hidden"),
        ("..txt", "paper"),
        ("Мақала №1.txt", "Мақала__1"),
        ("paper.tex.txt", "paper.tex"),
        ("-dash.txt", "-dash"),
    ],
)
def test_output_names_derived_from_source_names_are_safe(tmp_path, monkeypatch, source, stem):
    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "paper.txt").write_text(PAPER, encoding="utf-8")
    if source != "../paper.txt":
        (work / source).write_text(PAPER, encoding="utf-8")
    monkeypatch.chdir(work)
    before = tree(tmp_path)
    code, out, err = run(["build", "--out", "dist", "--to", "latex,docx", "--", source])
    assert (code, err) == (0, "")
    written = sorted(p.name for p in (work / "dist").iterdir())
    assert written == sorted(f"{stem}{suffix}" for suffix in (".docx", ".report.json", ".tex"))
    after = tree(tmp_path)
    assert {k: v for k, v in after.items() if not k.startswith("work/dist")} == before  # nothing else written, inputs unchanged
    assert not (tmp_path / "pwned").exists() and not (work / "pwned").exists()


def test_a_long_cyrillic_source_name_still_builds(paper):
    name = "Ж" * 120 + ".txt"
    (paper / name).write_text(PAPER, encoding="utf-8")
    code, out, err = run(["build", name, "--out", "dist", "--to", "latex"])
    assert (code, err) == (0, "")


def test_a_long_cyrillic_source_name_is_a_clear_error_meanwhile(paper):
    name = "Ж" * 120 + ".txt"
    (paper / name).write_text(PAPER, encoding="utf-8")
    code, out, err = run(["build", name, "--out", "dist", "--to", "latex"])
    assert code in (0, 2) and "Traceback" not in err and err.count("\n") == (code == 2)
    assert not [p for p in (paper / "dist").iterdir() if p.name.endswith(".part")]


def test_a_symlink_in_the_output_folder_is_replaced_not_followed(paper):
    victim = paper / "victim.txt"
    victim.write_bytes(b"must not change\n")
    out = paper / "dist"
    out.mkdir()
    (out / "paper.tex").symlink_to(victim)
    assert run(["build", "paper.txt", "--out", "dist", "--to", "latex"])[0] == 0
    assert victim.read_bytes() == b"must not change\n"
    assert not (out / "paper.tex").is_symlink() and (out / "paper.tex").read_text(encoding="utf-8").startswith("%% Generated by exporter")


def test_check_and_inspect_write_nothing(paper):
    before = tree(paper)
    for argv in (["check", "paper.txt", "--bib", "paper.bib"], ["check", "--json", "paper.txt"], ["inspect", "paper.txt", "--bib", "paper.bib"]):
        assert run(argv)[0] in (0, 1)
    assert tree(paper) == before


def test_building_every_paper_writes_only_into_dist(tmp_path, monkeypatch):
    """`build` with no SOURCE: source/*.txt with references/<stem>.bib, into dist/ only."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "source").mkdir()
    (tmp_path / "references").mkdir()
    (tmp_path / "source" / "a.txt").write_text(PAPER, encoding="utf-8")
    (tmp_path / "source" / "b.txt").write_text("%PDF-1.4\n", encoding="utf-8")
    (tmp_path / "references" / "a.bib").write_text(BIB, encoding="utf-8")
    before = tree(tmp_path)
    code, out, err = run(["build", "--to", "latex"])
    assert (code, err) == (2, "exporter: error: source/b.txt: is named .txt but its bytes are a PDF; rename it to the right extension\n")
    assert sorted(p.name for p in (tmp_path / "dist").iterdir()) == ["a.report.json", "a.tex"]  # one bad paper; the others still build
    assert {k: v for k, v in tree(tmp_path).items() if not k.startswith("dist")} == before


# ---- characters the reader drops -----------------------------------------------------------


@pytest.mark.parametrize("ch", ["\x00", "\x0c", "\x1b", "\ufffe"])
def test_dropped_characters_build_every_edition(paper, ch):
    (paper / "paper.txt").write_text(f"мәтін{ch}бір [1].\n", encoding="utf-8")
    code, out, err = run(["build", "paper.txt", "--out", "dist"])
    assert (code, err) == (0, "")
    assert f"paper.txt:1:6: warning[TXT001]: control character U+{ord(ch):04X} removed" in out.splitlines()


@pytest.mark.parametrize("ch", ["\x80", "\x85", "\u2028"])
def test_characters_read_as_gaps_do_not_stop_a_build(paper, ch):
    (paper / "paper.txt").write_text(f"мәтін{ch}бір [1].\n", encoding="utf-8")
    code, out, err = run(["build", "paper.txt", "--out", "dist", "--to", "latex"])
    assert (code, err) == (0, "")
    assert "мәтін бір \\exporterunresolved{[1]}." in (paper / "dist" / "paper.tex").read_text(encoding="utf-8")
