"""Output at a terminal: `check` colours severities, `build` of several papers shows a progress
bar; through a pipe (or with NO_COLOR) the output is the plain lines, nothing added.

The terminal is a real pseudo-terminal (`pty`), as a person's shell gives."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import subprocess
import sys

from helpers import DEMO, DEMO_BIB, REPO, SEED, run_cli

ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def run_in_terminal(*args: str, cwd=REPO, **env: str) -> tuple[int, str]:
    """`python -m exporter ARGS` with its output on a pseudo-terminal: exit status and what it wrote."""
    master, slave = pty.openpty()
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS")}
    environ.update(PYTHONPATH=str(REPO), TERM="xterm-256color", COLUMNS="200", **env)
    proc = subprocess.Popen([sys.executable, "-m", "exporter", *args], cwd=cwd, env=environ, stdout=slave, stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(30), b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def test_check_colours_severities_on_a_terminal():
    status, out = run_in_terminal("check", "source/kz-china-relations.txt")
    plain = run_cli("check", "source/kz-china-relations.txt")
    assert status == plain.returncode == 1
    assert ESCAPE.sub("", out) == plain.stdout  # the same lines once the colours are taken out
    first = out.splitlines()[0]
    # `error[CIT001]` alone is coloured (red), the place and the message are not.
    assert re.fullmatch(r"source/kz-china-relations\.txt:283:17: \x1b\[[0-9;]*31m(?:\x1b\[[0-9;]*m)*error\[CIT001\]\x1b\[0m: \[9\] has no entry: there is no reference list", first), repr(first)
    assert any("\x1b[33mwarning[CIT003]" in line for line in out.splitlines())
    assert "\x1b" not in plain.stdout


def test_no_color_turns_colours_off():
    status, out = run_in_terminal("check", "source/kz-china-relations.txt", NO_COLOR="1")
    assert status == 1
    assert "\x1b" not in out
    assert out == run_cli("check", "source/kz-china-relations.txt").stdout


def test_build_of_several_papers_shows_a_progress_bar_on_a_terminal(tmp_path):
    for f in (SEED, DEMO, DEMO_BIB):
        shutil.copyfile(f, tmp_path / f.name)
    args = ("build", SEED.name, DEMO.name, "--to", "latex", "--out", "dist")
    status, out = run_in_terminal(*args, cwd=tmp_path)
    assert status == 0
    shown = ESCAPE.sub("", out)
    assert re.search(r"building ━+ 0/2", shown) and re.search(r"building ━+ 2/2", shown)
    piped = run_cli(*args, cwd=tmp_path)
    assert piped.returncode == 0 and "\x1b" not in piped.stdout and "building" not in piped.stdout and "2/2" not in piped.stdout
    # Once the bar is gone, the terminal holds the same lines as the pipe.
    for line in piped.stdout.splitlines():
        assert line in shown


def test_one_paper_has_no_bar(tmp_path):
    shutil.copyfile(SEED, tmp_path / SEED.name)
    status, out = run_in_terminal("build", SEED.name, "--to", "latex", "--out", "dist", cwd=tmp_path)
    assert status == 0 and "building" not in out and "━" not in out


def test_a_build_shows_no_librarys_log_records(tmp_path):
    """A formula (typeset by ziamath: ziafont calls `logging.debug`, which set up a stderr
    handler on Python's root logger) and characters that need the fallback fonts, built with
    an empty cache: fontTools' warnings about a font subset's dates reached the user's screen
    (`WARNING:fontTools.ttLib.tables._h_e_a_d:'created' timestamp seems very low`)."""
    import os
    import subprocess
    import sys

    from helpers import REPO

    paper = tmp_path / "p.md"
    paper.write_text("---\ntitle: Test\n---\n\nA formula $x^2 + y_1$, a word 中文, a circled Ⓐ and ⩽ here.\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO), XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONIOENCODING="utf-8")
    env.pop("EXPORTER_CACHE_DIR", None)
    result = subprocess.run([sys.executable, "-m", "exporter", "build", str(paper), "--to", "pdf", "--out", str(tmp_path / "out")],
                            cwd=tmp_path, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "p.pdf").is_file()
    assert "WARNING" not in result.stderr and "fontTools" not in result.stderr, result.stderr
