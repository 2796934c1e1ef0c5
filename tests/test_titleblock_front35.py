"""Failure classes of front35's unseen batch (issue 16; bench/unseen/papers.json), each read as a
general convention. Every page here is invented after the form the batch showed, not copied
from one paper; each test fails without its rule (the guards marked so pass either way).

- An arrow as the corresponding-author mark right after a name (`Anna Kowalska ⇑, Peter Novak`:
  Elsevier's mark as pdftotext gives it): the line was no by-line, and the second name was
  read as the first author.
- A by-line the author gave by its label in Word (`Authors: …`): a bold two-word line above the
  title (`Data Article`) was read as a name before the labelled ones.
- A German thesis cover (`DIPLOMARBEIT` over the title, the supervisors under `Unter der
  Anleitung von`, the author under `durch`): the kind ran into the title and an institute's
  line was read as the author.
- Section headings typed with their numbers into plain Word paragraphs (`1. Введение`,
  `2.1 Results`, no heading style): read as paragraphs, so the paper had no sections.
"""

from __future__ import annotations

import pytest
from helpers import title_block_docx

from exporter.model import Heading, Paragraph, plain_text
from exporter.readers import read_document
from exporter.readers.plaintext import roles
from exporter.readers.plaintext.frontmatter import author_names


@pytest.fixture(params=[False, True], ids=["rules", "shipped"])
def model(request):
    roles.ENABLED = request.param
    yield request.param
    roles.ENABLED = True


# ---- an arrow as the corresponding-author mark ---------------------------------------------

@pytest.mark.parametrize("line", ["Anna Kowalska ⇑, Peter Novak, Jan Berg ⇑", "Anna Kowalska ⇑ , Peter Novak", "Anna Kowalska →, Peter Novak"])
def test_an_arrow_after_a_name_is_a_mark(line):
    assert author_names(line, strong_only=False)[:2] == ["Anna Kowalska", "Peter Novak"]


_JOURNAL_PAGE = """Journal of Northern Studies 12 (2019) 101–112

Contents lists available at ScienceDirect

Journal of Northern Studies
journal homepage: www.example.com/locate/jns

Original Articles

Seasonal patterns of bird migration over the northern coast
of the Baltic Sea
Anna Kowalska ⇑, Peter Novak, Jan Berg ⇑
Department of Biology, Northern University, Turku, Finland

a r t i c l e   i n f o

Article history:
Received 2 April 2018

1. Introduction

Birds that cross the Baltic Sea each spring and autumn follow the coast where they can, and
the counts made at coastal stations over forty years show how their routes have changed.
"""


def test_a_by_line_with_arrow_marks_names_its_first_author(tmp_path, model):
    path = tmp_path / "paper.txt"
    path.write_text(_JOURNAL_PAGE, encoding="utf-8")
    meta = read_document(str(path)).meta
    assert meta.authors and meta.authors[0] == "Anna Kowalska"


# ---- a by-line given by its label in Word --------------------------------------------------

def test_a_labelled_by_line_in_word_names_the_authors(tmp_path, model):
    path = title_block_docx(tmp_path / "paper.docx", [
        ("Instructions to authors: delete this text before you submit the paper to the journal.", {}),
        ("Data Article", {"bold": True}),
        ("Title: Seasonal Prices of Grain in Small Markets", {"bold": True}),
        ("Authors: Maria Souza Lima; Pedro Alves Costa", {"bold": True}),
        ("Abstract", {"bold": True}),
        ("We describe a data set of grain prices gathered weekly in twelve small markets over five years.", {}),
    ], body=("Introduction", "Prices of grain in small markets move with the seasons and with the roads."))
    meta = read_document(path).meta
    assert meta.title_text == "Seasonal Prices of Grain in Small Markets"
    assert list(meta.authors[:2]) == ["Maria Souza Lima", "Pedro Alves Costa"]


# ---- a German thesis cover -------------------------------------------------------------------

_GERMAN_COVER = """DIPLOMARBEIT

Gardens in the City
Planning Green Roofs for Old Town Houses

Ausgeführt am Institut

Institute of Urban Planning
Landscape Group
der Technischen Universität Graz

Unter der Anleitung von

Univ.Prof. Dr. Karl Brenner
und
Dipl.-Ing. Eva Huber

{by}

Thomas Gruber
thomas.gruber@example.at

Hauptstraße 12/3
A-8010 Graz

__________________          __________________
Datum                       Unterschrift

Abstract

Old town houses in Graz have flat roofs that stay empty; this thesis plans green roofs for them.
"""


@pytest.mark.parametrize("by", ["durch", "vorgelegt von"])
def test_a_german_thesis_cover(tmp_path, model, by):
    path = tmp_path / "thesis.txt"
    path.write_text(_GERMAN_COVER.format(by=by), encoding="utf-8")
    meta = read_document(str(path)).meta
    assert meta.title_text.startswith("Gardens in the City")
    assert meta.authors and meta.authors[0] == "Thomas Gruber"


# ---- section headings typed with their numbers in Word ---------------------------------------

_PROSE = "Данные о ценах собирались каждую неделю на двенадцати рынках в течение пяти лет, и их можно сравнить."
_NUMBERED_BODY = (
    "1. Введение",
    _PROSE,
    "2. Сбор данных на рынках.",
    _PROSE,
    "Данные прошли три шага:",
    "1. Проверку дат;",
    "2. Удаление повторов;",
    "3. Перевод в рубли.",
    _PROSE,
    "2.1 Выбор рынков",
    _PROSE,
    "3. Выводы",
    _PROSE,
    "Список литературы",
    "1. Иванов И.И. Цены на зерно. М.: Наука, 2019. 120 с.",
    "2. Петров П.П. Рынки России // Экономика. 2020. № 3. С. 10–20.",
)


def test_numbered_headings_typed_in_plain_word_paragraphs_are_headings(tmp_path):
    path = title_block_docx(tmp_path / "paper.docx", [("Цены на зерно на малых рынках", {"bold": True, "center": True})], body=_NUMBERED_BODY)
    document = read_document(path)
    headings = [(b.level, plain_text(b.inlines).strip()) for b in document.blocks if isinstance(b, Heading)]
    assert headings == [(1, "1. Введение"), (1, "2. Сбор данных на рынках."), (2, "2.1 Выбор рынков"), (1, "3. Выводы")]
    assert len(document.references) == 2  # the list is still the list


def test_a_typed_numbered_list_stays_text(tmp_path):  # a guard: items standing together are no headings
    path = title_block_docx(tmp_path / "paper.docx", [("Цены на зерно на малых рынках", {"bold": True, "center": True})], body=_NUMBERED_BODY)
    blocks = read_document(path).blocks
    assert not any(isinstance(b, Heading) and "Проверку" in plain_text(b.inlines) for b in blocks)
    assert any(isinstance(b, Paragraph) and plain_text(b.inlines).strip() == "3. Перевод в рубли." for b in blocks)


# ---- a numbered subsection set in the PDF body's own type -----------------------------------

_SENTENCES = [
    "Birds that cross the sea each spring follow the coast where they can do so safely.",
    "The counts made at coastal stations over forty years show how their routes changed.",
    "Each station counted every bird that passed during the first hour after sunrise.",
]


def _subsection_pdf(path):
    from helpers import draw_text, pdf_canvas

    c = pdf_canvas(path)
    y = 780
    def line(text, size=10, bold=False, gap=13):
        nonlocal y
        draw_text(c, 60, y, text, size=size, bold=bold)
        y -= gap
    line("Seasonal Patterns of Bird Migration on the Coast", size=16, bold=True, gap=24)
    line("Anna Kowalska", size=11, gap=24)
    for heading, sub in (("1. Introduction", "1.1. Seasonal counts at the stations"), ("2. Methods", "2.1. Stations and observers")):
        line(heading, bold=True, gap=16)
        for s in _SENTENCES:
            line(s)
        y -= 6
        line(sub, gap=16)  # set in the body's type: no size, no bold
        for s in _SENTENCES:
            line(s)
        y -= 10
    c.save()
    return str(path)


def test_a_numbered_subsection_in_the_body_type_of_a_pdf_is_a_heading(tmp_path):
    blocks = read_document(_subsection_pdf(tmp_path / "paper.pdf")).blocks
    headings = [(b.level, plain_text(b.inlines).strip()) for b in blocks if isinstance(b, Heading)]
    top = {text: level for level, text in headings}
    assert "1.1. Seasonal counts at the stations" in top and "2.1. Stations and observers" in top
    assert top["1.1. Seasonal counts at the stations"] > top["1. Introduction"]


# ---- headings set apart in bold alone in Word --------------------------------------------------

def _bold_headed_docx(path, headings, style=None):
    import docx

    document = docx.Document()
    title = document.add_paragraph()
    title.add_run("Платформа для разметки видеозаписей операций").bold = True
    for heading in headings:
        paragraph = document.add_paragraph(style=style) if style else document.add_paragraph()
        paragraph.add_run(heading).bold = True
        document.add_paragraph(_PROSE)
        document.add_paragraph(_PROSE)
    document.save(str(path))
    return str(path)


def test_bold_paragraphs_alone_head_the_sections_of_a_paper_without_heading_styles(tmp_path):
    blocks = read_document(_bold_headed_docx(tmp_path / "p.docx", ["Актуальность", "Цель исследования", "Текущие результаты"])).blocks
    assert [plain_text(b.inlines) for b in blocks if isinstance(b, Heading)] == ["Актуальность", "Цель исследования", "Текущие результаты"]


def test_a_bold_line_over_a_short_sentence_opening_a_list_heads_a_section(tmp_path):
    import docx

    path = _bold_headed_docx(tmp_path / "p.docx", ["Актуальность", "Текущие результаты"])
    document = docx.Document(path)
    heading = document.add_paragraph()
    heading.add_run("Перспективы развития запоминающих устройств").bold = True
    document.add_paragraph().add_run("Распространенные виды RAM:").bold = True  # shorter, bold: a label opening a list
    document.add_paragraph("DRAM", style="List Number")
    document.save(path)
    headings = [plain_text(b.inlines) for b in read_document(path).blocks if isinstance(b, Heading)]
    assert headings == ["Актуальность", "Текущие результаты", "Перспективы развития запоминающих устройств"]


def test_a_bold_line_over_a_short_sentence_is_a_heading(tmp_path):
    import docx

    path = _bold_headed_docx(tmp_path / "p.docx", ["Актуальность", "Текущие результаты"])
    document = docx.Document(path)
    document.add_paragraph().add_run("Итоги наблюдений за год").bold = True
    document.add_paragraph("Данные сведены.")  # shorter than the heading, but a sentence
    document.save(path)
    headings = [plain_text(b.inlines) for b in read_document(path).blocks if isinstance(b, Heading)]
    assert headings[-1] == "Итоги наблюдений за год"


def test_bold_lines_centred_head_sections_and_bold_lines_from_the_indent_their_subsections(tmp_path):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    path = _bold_headed_docx(tmp_path / "p.docx", ["Виды памяти", "Оптические накопители", "Дисковые накопители", "Облачное хранение"])
    document = docx.Document(path)
    for paragraph in document.paragraphs:
        if paragraph.text in ("Виды памяти", "Облачное хранение"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.save(path)
    levels = [(b.level, plain_text(b.inlines)) for b in read_document(path).blocks if isinstance(b, Heading)]
    assert levels == [(1, "Виды памяти"), (2, "Оптические накопители"), (2, "Дисковые накопители"), (1, "Облачное хранение")]


def test_bold_lines_all_from_the_indent_are_all_sections(tmp_path):  # a guard: no centred one, one level
    levels = [b.level for b in read_document(_bold_headed_docx(tmp_path / "p.docx", ["Актуальность", "Цель", "Итоги"])).blocks if isinstance(b, Heading)]
    assert levels == [1, 1, 1]


def test_one_bold_line_alone_is_emphasis(tmp_path):  # a guard: a paper's sections are several
    blocks = read_document(_bold_headed_docx(tmp_path / "p.docx", ["Важное замечание"])).blocks
    assert not any(isinstance(b, Heading) for b in blocks)


def test_bold_lines_in_a_paper_with_heading_styles_stay_text(tmp_path):  # a guard: its sections are the styled ones
    import docx

    path = _bold_headed_docx(tmp_path / "p.docx", ["Первый шаг", "Второй шаг"])
    document = docx.Document(path)
    document.paragraphs[1].insert_paragraph_before("Введение", style="Heading 1")
    document.save(path)
    headings = [plain_text(b.inlines) for b in read_document(path).blocks if isinstance(b, Heading)]
    assert headings == ["Введение"]


def test_the_contents_typed_with_numbers_and_pages_are_no_headings(tmp_path):  # a guard
    contents = ("Содержание", "1. Введение\t3", "1.1 Задача\t4", "2. Сбор данных на рынках\t6", "2.1 Выбор рынков\t7", "3. Выводы\t9")
    path = title_block_docx(tmp_path / "paper.docx", [("Цены на зерно на малых рынках", {"bold": True, "center": True})], body=contents + _NUMBERED_BODY)
    headings = [plain_text(b.inlines).strip() for b in read_document(path).blocks if isinstance(b, Heading)]
    assert headings == ["1. Введение", "2. Сбор данных на рынках.", "2.1 Выбор рынков", "3. Выводы"]


def test_a_numbered_step_of_two_sentences_is_no_heading(tmp_path):  # the sentence's end may follow a bracket
    body = ("1. Введение", _PROSE, "1. Откройте меню [Пуск - Выполнить]. Появится окно запуска программ", _PROSE, "2. Выводы", _PROSE)
    path = title_block_docx(tmp_path / "paper.docx", [("Цены на зерно на малых рынках", {"bold": True, "center": True})], body=body)
    headings = [plain_text(b.inlines).strip() for b in read_document(path).blocks if isinstance(b, Heading)]
    assert headings == ["1. Введение", "2. Выводы"]
