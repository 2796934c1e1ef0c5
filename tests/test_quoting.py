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


def test_a_quote_keeps_the_cross_references_and_code_words(tmp_path):
    # A finding's quote is searched for in Word: words of a cross-reference (`рисунке 3`) or of
    # inline code must stay in it, else the quote is a sentence the paper never wrote.
    import docx

    d = docx.Document()
    d.add_paragraph("Введение")
    d.add_paragraph("Результат для множества на рисунке 3 представлен в [2].")
    d.add_paragraph("Список литературы")
    d.add_paragraph("1. Иванов И. И. Кластеризация. М.: Наука, 2020. 100 с.")
    d.save(tmp_path / "p.docx")
    linked = quote_places(link(read_document(str(tmp_path / "p.docx"))))
    (unresolved,) = [x for x in linked.diagnostics if x.code == "CIT001"]
    assert unresolved.context == "на рисунке 3 представлен в [2]."  # 30 characters back, to a whole word
