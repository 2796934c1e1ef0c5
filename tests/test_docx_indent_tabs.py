"""A tab typed before a paragraph for its indent (bench/unseen: sogimu_diploma, `⇥С появлением …`):
the venue indents paragraphs itself, and the DOCX edition showed the tab's space as a wider
indent. The text here is written for the test."""

from __future__ import annotations

import docx

from exporter.model import Paragraph, Text, plain_text
from exporter.readers import read_document

PROSE = "С появлением нового стандарта разработчики браузеров получили средства для анимации страниц."


def _paper(path, lines: list[str]) -> str:
    document = docx.Document()
    document.add_paragraph().add_run("Программный каркас для анимации").bold = True
    document.add_paragraph("А.С. Петров")
    document.add_paragraph().add_run("Введение").bold = True
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return str(path)


def _paragraphs(path) -> list[Paragraph]:
    return [b for b in read_document(path).blocks if isinstance(b, Paragraph)]


def test_a_tab_typed_before_a_paragraph_of_prose_is_no_part_of_its_text(tmp_path):
    (first, *_) = [p for p in _paragraphs(_paper(tmp_path / "p.docx", ["\t" + PROSE, PROSE])) if "появлением" in plain_text(p.inlines)]
    assert isinstance(first.inlines[0], Text) and first.inlines[0].text.startswith("С появлением")


def test_a_line_of_a_program_keeps_its_indent(tmp_path):  # a guard: no sentence, its indent is its structure
    paragraphs = _paragraphs(_paper(tmp_path / "c.docx", [PROSE, "Если Значение = 0 Тогда", "\tВозврат Значение;", "КонецЕсли;", PROSE]))
    line = next(p for p in paragraphs if "Возврат" in plain_text(p.inlines))
    assert plain_text(line.inlines).startswith(" Возврат")
