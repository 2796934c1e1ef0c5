"""Fixtures shared by the test modules (helpers live in helpers.py)."""

from __future__ import annotations

import pytest

from helpers import SEED


@pytest.fixture(scope="session")
def seed_lines() -> list[str]:
    """The seed paper's lines, numbered as an editor numbers them (index 0 is line 1)."""
    from exporter.readers.plaintext.sourcefile import split_lines

    return split_lines(SEED.read_text(encoding="utf-8"))
