"""Quoting a finding's place in words (exporter/quoting.py): format-blind, from the model."""

from __future__ import annotations

from helpers import SEED

from exporter.linker import link
from exporter.quoting import OBJECT, context_at, quote_places
from exporter.readers import read_document
from exporter.readers.docx.body import MATH_MARK


def test_whole_words_around_the_place_and_an_object_is_a_gap():
    text = f"one two three{OBJECT}four [4] five six"
    start = text.index("[4]")
    # 12 characters each side reach into `two` (left): the quote starts at the next whole word
    assert context_at(text, start, start + 3, width=12) == "three four [4] five six"
    assert context_at(text, start, start + 3, width=2) == "[4]"


def test_the_docx_readers_formula_mark_is_the_object_quoting_knows():
    assert MATH_MARK == OBJECT == "\ufffc"


def test_a_source_numbered_by_lines_passes_unchanged():
    linked = link(read_document(str(SEED)))
    assert linked.diagnostics and all(d.paragraph is None for d in linked.diagnostics)
    assert quote_places(linked) is linked
