"""The README and docs/ say what the tool does: every finding code documented with an example the
tool really prints, every command line of the README run, every option the pages name one that
the command's --help lists, every relative link pointing at a file."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

import pytest

from helpers import REPO, run_cli

import findings_examples
from exporter.diagnostics import CODES

README = REPO / "README.md"
DOCS = sorted((REPO / "docs").glob("*.md"))
COMMANDS = ("check", "inspect", "build", "fix", "bib", "annotate", "volume", "templates", "serve")


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _code_lines(path: Path) -> list[str]:
    """The lines inside the page's fenced code blocks."""
    lines, inside = [], False
    for line in _text(path).splitlines():
        if line.startswith("```"):
            inside = not inside
        elif inside:
            lines.append(line)
    return lines


def _command_lines(path: Path) -> list[list[str]]:
    """Each `exporter …` command line of a page's code blocks, as argv after `exporter` (the
    comment after `#` dropped; `$ ` prompts and `.venv/bin/` prefixes allowed)."""
    found = []
    for line in _code_lines(path):
        line = re.sub(r"^\$ ", "", line.strip())
        line = re.sub(r"^(?:\S+=\S+ )*(?:bash \.ci/setup && )?(?:\.venv/bin/)?", "", line)
        if not line.startswith("exporter "):
            continue
        found.append(shlex.split(line, comments=True)[1:])
    return found


# ---- the README -------------------------------------------------------------------------------


def test_the_readme_is_short_and_points_at_every_docs_page():
    text = _text(README)
    assert len(text.splitlines()) <= 150
    for page in DOCS:
        assert f"](docs/{page.name})" in text, f"README does not link docs/{page.name}"


def test_the_readme_test_command_is_what_ci_runs():
    text = _text(README)
    command = "bash .ci/setup && .venv/bin/python -m pytest"
    assert command in text
    assert command in _text(REPO / ".ci" / "run")
    assert "bash .ci/setup && .venv/bin/exporter build" in text


def test_the_readme_shows_one_example_of_every_command():
    shown = {argv[0] for argv in _command_lines(README)}
    assert set(COMMANDS) <= shown, f"no example of {set(COMMANDS) - shown}"


def _readme_examples() -> list[list[str]]:
    return [argv for argv in _command_lines(README) if argv[0] != "serve" and argv != ["build"]]


@pytest.mark.parametrize("argv", _readme_examples(), ids=lambda argv: " ".join(argv)[:60])
def test_each_readme_example_runs(argv, tmp_path):
    """Run as written from the repository (outputs under /tmp/ go to a temporary folder)."""
    argv = [a.replace("/tmp/", f"{tmp_path}/") for a in argv]
    result = run_cli(*argv)
    assert result.returncode in (0, 1), result.stderr  # 1: the shipped paper's unresolved citations
    assert "Traceback" not in result.stderr and "error:" not in result.stderr
    if "--out" in argv:
        out = Path(argv[argv.index("--out") + 1])
        assert out.exists() and (out.is_file() or any(out.iterdir()))


def test_the_server_and_build_all_lines_are_real_commands():
    """`serve` and `build` with no SOURCE (it writes dist/ in the checkout) are not run here
    (tests/test_web_server.py and tests/test_build.py run them); their --help must work."""
    for command in ("serve", "build"):
        assert run_cli(command, "--help").returncode == 0


# ---- every command line of every page ----------------------------------------------------------


@cache
def _help(command: str) -> str:
    result = run_cli(command, "--help")
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("page", [README, *DOCS], ids=lambda p: p.name)
def test_every_option_a_page_names_is_one_the_command_has(page):
    for argv in _command_lines(page):
        assert argv[0] in COMMANDS, f"{page.name}: no command {argv[0]!r}: exporter {' '.join(argv)}"
        for option in re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-[a-z])(?![\w-])", " ".join(argv[1:])):  # also in [--opt X]
            assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", _help(argv[0])), f"{page.name}: exporter {argv[0]} has no option {option}"


def test_the_options_table_names_every_option_of_every_command():
    text = _text(REPO / "docs" / "commands.md")
    for command in COMMANDS:
        for option in set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", _help(command))) - {"--help"}:
            assert f"`{option}" in text, f"docs/commands.md does not document {command} {option}"


@pytest.mark.parametrize("page", [README, *DOCS], ids=lambda p: p.name)
def test_every_relative_link_points_at_a_file(page):
    prose = re.sub(r"`[^`\n]*`", "", re.sub(r"^```.*?^```", "", _text(page), flags=re.S | re.M))  # not inside code
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", prose):
        if not re.match(r"[a-z]+:", target):
            assert (page.parent / target).exists(), f"{page.name}: {target} does not exist"


# ---- the findings page ------------------------------------------------------------------------


def _examples_part() -> str:
    page = _text(findings_examples.FINDINGS_MD)
    return page[page.index(findings_examples.BEGIN) : page.index(findings_examples.END) + len(findings_examples.END)]


def test_every_code_has_a_row_and_an_example_on_the_findings_page():
    page = _text(findings_examples.FINDINGS_MD)
    examples = _examples_part()
    for code, (severity, _) in CODES.items():
        assert f"| {code} | {severity.value} |" in page, f"docs/findings.md has no row for {code}"
        assert f"{severity.value}[{code}]" in examples, f"docs/findings.md shows no example of {code}"


def _this_year_aside(text: str) -> str:
    """VEN007 names the years counted as recent, which move with the calendar."""
    return re.sub(r"\b\d{4}–\d{4}(?=; the venue asks)", "YEAR–YEAR", text)


def test_the_examples_are_what_the_tool_prints():
    outputs = [(example, findings_examples.run(example)) for example in findings_examples.EXAMPLES]
    assert findings_examples.codes_of([line for _, lines in outputs for line in lines]) == set(CODES)
    # A changed message changes the page: rerun `python tests/findings_examples.py --write` and read the diff.
    assert _this_year_aside(findings_examples.markdown(outputs)) == _this_year_aside(_examples_part()), "docs/findings.md's examples differ from the tool's output: run python tests/findings_examples.py --write"


# ---- the server page's curl lines ---------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_the_server_pages_curl_lines_work(tmp_path):
    """docs/server.md's curl lines, run against `exporter serve` on a free port (its
    `paper.docx` is the shipped Word demo)."""
    lines = [line for line in _code_lines(REPO / "docs" / "server.md") if line.startswith("curl ")]
    assert len(lines) >= 3
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(REPO), TMPDIR=str(tmp_path), EXPORTER_CACHE_DIR=str(tmp_path / "cache"))
    server = subprocess.Popen([sys.executable, "-m", "exporter", "serve", "--port", str(port), "--workers", "1"], env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.1)
        for line in lines:
            argv = shlex.split(line.replace("127.0.0.1:8000", f"127.0.0.1:{port}").replace("@paper.docx", "@source/demo-word.docx"), comments=True)
            argv = [str(tmp_path / a) if a == "paper.pdf" else a for a in argv]
            result = subprocess.run(argv[:1] + ["-sS", "--fail"] + argv[1:], cwd=REPO, capture_output=True, timeout=180)
            assert result.returncode == 0, (line, result.stderr)
            if "/api/check" in line:
                report = json.loads(result.stdout)
                assert report["file"] == "kz-china-relations.txt" and len(report["citations"]) == 8
                cyrillic = any("а" <= ch <= "я" for ch in report["diagnostics"][0]["message"])
                assert cyrillic == ("ru" in line)
            else:
                assert (tmp_path / "paper.pdf").read_bytes().startswith(b"%PDF-")
    finally:
        server.terminate()
        server.wait(30)
