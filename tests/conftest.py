"""Fixtures shared by the test modules (helpers live in helpers.py)."""

from __future__ import annotations

import os

import pytest

# Findings speak the locale's language (LC_ALL, LC_MESSAGES, LANG): the tests read them in
# English, and a test that wants another language asks for it.
for _name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

from helpers import SEED


@pytest.fixture(scope="session")
def seed_lines() -> list[str]:
    """The seed paper's lines, numbered as an editor numbers them (index 0 is line 1)."""
    from exporter.sourcefile import split_lines

    return split_lines(SEED.read_text(encoding="utf-8"))
