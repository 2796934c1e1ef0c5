"""Word section headings set apart by a larger type alone (bench/unseen: galichenko_gravity,
`Введение`, `Постановка задачи` in 14 pt, neither bold nor styled, over 12 pt text; the lines
here are written for the test)."""

from __future__ import annotations

import docx
from docx.shared import Pt

from exporter.model import Heading, plain_text
from exporter.readers import read_document

PROSE = (
    "Гравитационный манёвр позволяет изменить траекторию полёта космического аппарата без затрат "
    "топлива, используя поле тяготения планеты, мимо которой он пролетает."
)


def _sized_docx(path, paragraphs: list[tuple[str, float]]) -> str:
    document = docx.Document()
    for text, size in paragraphs:
        document.add_paragraph().add_run(text).font.size = Pt(size)
    document.save(str(path))
    return str(path)


def _headings(path) -> list[tuple[int, str]]:
    return [(b.level, plain_text(b.inlines)) for b in read_document(path).blocks if isinstance(b, Heading)]


def test_lines_in_a_larger_type_alone_head_the_sections(tmp_path):
    path = _sized_docx(tmp_path / "p.docx", [
        ("Моделирование гравитационного манёвра", 16),
        ("К.С. Петрова", 12),
        ("Введение", 14), (PROSE, 12), (PROSE, 12),
        ("Постановка задачи", 14), (PROSE, 12),
        ("Результаты моделирования", 14), (PROSE, 12), (PROSE, 12),
    ])
    assert _headings(path) == [(1, "Введение"), (1, "Постановка задачи"), (1, "Результаты моделирования")]


def test_a_line_barely_larger_or_one_alone_is_no_heading(tmp_path):  # guards: a point at least, and several
    half_point = _sized_docx(tmp_path / "a.docx", [
        ("Моделирование гравитационного манёвра", 16), ("К.С. Петрова", 12),
        ("Введение", 12.5), (PROSE, 12), ("Постановка задачи", 12.5), (PROSE, 12),
    ])
    assert _headings(half_point) == []
    one = _sized_docx(tmp_path / "b.docx", [
        ("Моделирование гравитационного манёвра", 16), ("К.С. Петрова", 12),
        (PROSE, 12), ("Важное замечание", 14), (PROSE, 12), (PROSE, 12),
    ])
    assert _headings(one) == []


def test_sizes_set_by_a_style_alone_are_left_to_the_style(tmp_path):  # a guard: the rule reads the runs' own sizes
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.add_paragraph().add_run("Моделирование гравитационного манёвра").bold = True
    document.add_paragraph("К.С. Петрова")
    larger = document.styles.add_style("Крупный", WD_STYLE_TYPE.PARAGRAPH)
    larger.font.size = Pt(14)
    for heading in ("Введение", "Постановка задачи"):
        document.add_paragraph(heading, style=larger)
        document.add_paragraph(PROSE)
    document.save(str(tmp_path / "c.docx"))
    assert _headings(tmp_path / "c.docx") == []
