"""Golden cases: the `inspect` and `check --json` output of whole papers, reviewed by a person.

Layout of tests/cases/<case>/:

    input.txt             the paper, or
    source.txt            one line: the paper's path relative to the repository (no copy kept)
    input.bib             optional BibTeX file, or
    source-bib.txt        one line: its path relative to the repository
    expected-model.json   `python -m exporter inspect input.txt [--bib input.bib]`
    expected-report.json  `python -m exporter check --json input.txt [--bib input.bib]`

Each case is copied byte for byte into a temporary folder as input.txt / input.bib and the CLI
runs there, so every path in the JSON is the stable relative `input.txt` / `input.bib`.

After a deliberate change, review the diff, then refresh the expected files with

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py

and read the changed JSON before committing it.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from helpers import REPO, run_cli

CASES = Path(__file__).resolve().parent / "cases"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def _inputs(case: Path) -> tuple[Path, Path | None]:
    def pick(name: str, pointer: str) -> Path | None:
        if (case / name).exists():
            return case / name
        if (case / pointer).exists():
            return REPO / (case / pointer).read_text(encoding="utf-8").strip()
        return None

    paper = pick("input.txt", "source.txt")
    assert paper is not None and paper.is_file(), f"{case.name}: needs input.txt or source.txt"
    return paper, pick("input.bib", "source-bib.txt")


def _pretty(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def _compare(case: Path, name: str, actual: dict) -> list[str]:
    """Compare with the expected file (or write it under UPDATE_GOLDEN=1); return problems."""
    path = case / name
    if UPDATE:
        path.write_text(_pretty(actual), encoding="utf-8")
        return []
    if not path.exists():
        return [f"{path.relative_to(REPO)} is missing"]
    expected = json.loads(path.read_text(encoding="utf-8"))
    if expected == actual:
        return []
    diff = difflib.unified_diff(
        _pretty(expected).splitlines(keepends=True),
        _pretty(actual).splitlines(keepends=True),
        fromfile=f"expected: {path.relative_to(REPO)}",
        tofile="actual",
        n=4,
    )
    return ["".join(diff)]


@pytest.mark.parametrize("case", sorted(p for p in CASES.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_golden(case: Path, tmp_path: Path):
    paper, bib = _inputs(case)
    shutil.copyfile(paper, tmp_path / "input.txt")
    args = ["input.txt"]
    if bib is not None:
        shutil.copyfile(bib, tmp_path / "input.bib")
        args += ["--bib", "input.bib"]

    inspect = run_cli("inspect", *args, cwd=tmp_path)
    check = run_cli("check", "--json", *args, cwd=tmp_path)
    for result in (inspect, check):
        assert "Traceback" not in result.stderr, result.stderr
    assert inspect.returncode == 0, inspect.stderr
    model, report = json.loads(inspect.stdout), json.loads(check.stdout)

    # Checks that hold whatever the goldens say: exit code, and every citation position
    # points at its opening bracket in the input as a text editor counts it.
    assert check.returncode == (1 if report["unresolved"] else 0), check.stderr
    lines = re.split(r"\r\n|\r|\n", (tmp_path / "input.txt").read_text(encoding="utf-8-sig"))
    for cite in report["citations"]:
        assert lines[cite["line"] - 1][cite["column"] - 1] == "[", cite

    problems = _compare(case, "expected-model.json", model) + _compare(case, "expected-report.json", report)
    if problems:
        pytest.fail(
            "\n".join(problems)
            + f"\nIf this change is intended, review it, then refresh the goldens with:\n"
            f"    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py -k {case.name}\n",
            pytrace=False,
        )
