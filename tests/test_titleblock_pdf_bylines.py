"""Failure classes of an unseen batch of papers (issue 16; bench/unseen/papers.json) in PDF papers. Each page is drawn after
the form the batch showed, not copied from one paper; each test fails without its rule (the
guards marked so pass either way).

- Springer LNCS by-lines with ORCID iDs in brackets, raised in small type: the PDF reader's
  by-line names lost the first author.
- IEEE's author blocks, four side by side under the title: the layout reads two columns, two
  names on each line (`Maria Lopez Garcia   Wei Zhang`); the rules read them as one name, the
  line-role model took the right column's line for the by-line.
- A cover's two blocks set side by side, half a line apart (`Зав. кафедрой` … on the left,
  `Магистерская диссертация` / `студента 2 курса` / the name on the right): read row by row,
  their lines interleaved, the student's name fell under the head of department's label.
- A manuscript's margin line numbers, which PDFium glues before each line's text
  (`1 Descriptive norms …`): the title opened with its line's number.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import draw_text, pdf_canvas

from exporter.readers import read_document
from exporter.readers.plaintext import roles


def _lncs_pdf(path: Path) -> Path:
    c = pdf_canvas(path)
    draw_text(c, 150, 760, "Measuring River Sediment Transport", 14, True)
    draw_text(c, 160, 742, "with Low-Cost Acoustic Sensors", 14, True)
    for x, y, name, mark, tail in ((130, 718, "Marta Lopes Ferreira", "1[0000−0001−2345−6789]", " and"), (160, 705, "Joao P. Almeida", "2[0000−0002−3456−7890]", "")):
        draw_text(c, x, y, name, 10)  # the marks raised in small type, as LaTeX sets them
        x += c.stringWidth(name, "LiberationSerif", 10)
        draw_text(c, x, y + 3.5, mark, 7)
        draw_text(c, x + c.stringWidth(mark, "LiberationSerif", 7), y, tail, 10)
    draw_text(c, 170, 688, "1 University of Coimbra, Coimbra, Portugal", 9)
    draw_text(c, 160, 676, "2 Polytechnic Institute of Leiria, Leiria, Portugal", 9)
    draw_text(c, 200, 664, "{mlf,jpa}@example.org", 9)
    draw_text(c, 100, 630, "Abstract. Sediment transport in rivers is hard to measure continuously. We describe", 9)
    draw_text(c, 100, 619, "a network of cheap acoustic sensors and compare it with samplers.", 9)
    draw_text(c, 100, 600, "Keywords: Sediment · Acoustics · Sensor networks.", 9)
    draw_text(c, 100, 570, "1 Introduction", 12, True)
    body = ("Rivers carry sediment that shapes their beds and harbours [1]. Measuring it needs",
            "samplers that are costly to run, so records are short and sparse in most basins.",
            "We propose cheap sensors that listen to the sediment hitting a plate on the bed.")
    for i, line in enumerate(body):
        draw_text(c, 100, 550 - 12 * i, line, 10)
    draw_text(c, 100, 490, "References", 12, True)
    draw_text(c, 100, 475, "1. Smith, J.: Sediment in rivers. J. Hydrol. 12, 1–10 (2001)", 9)
    c.save()
    return path


def test_the_pdf_reader_reads_an_lncs_by_line_with_orcid_ids(tmp_path):
    meta = read_document(str(_lncs_pdf(tmp_path / "lncs.pdf"))).meta
    assert meta.title_text == "Measuring River Sediment Transport with Low-Cost Acoustic Sensors"
    assert meta.authors[:2] == ("Marta Lopes Ferreira", "Joao P. Almeida")


def test_the_pdf_readers_by_line_names_drop_an_orcid_id_and_the_and_going_on():
    from exporter.readers.pdf.reader import name_parts

    assert name_parts("Marta Lopes Ferreira1[0000−0001−2345−6789] and") == ["Marta Lopes Ferreira"]
    assert name_parts("Joao P. Almeida2[0000−0002−3456−7890]") == ["Joao P. Almeida"]


# ---- IEEE: four author blocks side by side ------------------------------------------------------

def _four_blocks_pdf(path: Path) -> Path:
    c = pdf_canvas(path)
    for k, line in enumerate(("Wind turbine wake steering based on power", "curves and turbulence intensity in", "offshore farms")):
        draw_text(c, 70, 770 - 26 * k, line, 24)
    y = 680
    for x, name in ((75, "Maria Lopez Garcia"), (215, "Wei Zhang"), (340, "Peter Olsen"), (470, "Anna Berg")):
        draw_text(c, x, y, name, 11)
        draw_text(c, x - 5, y - 12, "School of Engineering", 10)
        draw_text(c, x, y - 24, "Aalborg University", 10)
        draw_text(c, x, y - 36, "Aalborg, Denmark", 10)
    draw_text(c, 60, y - 70, "Abstract—Wake steering turns upstream turbines to raise the farm's output. We", 9)
    draw_text(c, 60, y - 81, "model it from power curves and measured turbulence.", 9)
    draw_text(c, 60, y - 100, "I. INTRODUCTION", 10)
    for i, line in enumerate(("Offshore wind farms lose power in the wakes of their turbines [1]. Steering", "the wakes away raises the output of the farm as a whole.")):
        draw_text(c, 60, y - 115 - 12 * i, line, 10)
    draw_text(c, 60, y - 160, "REFERENCES", 10)
    draw_text(c, 60, y - 174, '[1] J. Smith, "Wakes," Wind Energy, vol. 1, pp. 1-10, 2001.', 9)
    c.save()
    return path


@pytest.mark.parametrize("model", [False, True])
def test_author_blocks_side_by_side_are_one_name_each_and_the_first_row_comes_first(tmp_path, model):
    path = _four_blocks_pdf(tmp_path / "ieee.pdf")
    roles.ENABLED = model
    try:
        meta = read_document(str(path)).meta
    finally:
        roles.ENABLED = True
    assert meta.title_text == "Wind turbine wake steering based on power curves and turbulence intensity in offshore farms"
    assert meta.authors[:2] == ("Maria Lopez Garcia", "Wei Zhang")


# ---- a cover's blocks side by side, half a line apart --------------------------------------------

def _cover_pdf(path: Path) -> Path:
    c = pdf_canvas(path)
    draw_text(c, 110, 780, "Министерство науки и высшего образования Российской Федерации", 12)
    draw_text(c, 150, 764, "Сибирский государственный университет", 12)
    draw_text(c, 170, 735, "Кафедра вычислительной техники", 12)
    draw_text(c, 110, 660, "Хранение журналов событий на", 17, bold=True)
    draw_text(c, 170, 640, "основе СУБД ClickHouse", 17, bold=True)
    left = ("Допустить к защите:", "", "Зав. кафедрой", "доктор технических наук,", "профессор Титов С. Н.")
    for k, line in enumerate(left):
        if line:
            draw_text(c, 70, 545 - 14.8 * k, line, 12)
    for k, line in enumerate(("Магистерская диссертация", "студентки 2 курса", "Лебедевой А. К.")):
        draw_text(c, 400, 543.4 - 16.6 * k, line, 12)
    draw_text(c, 410, 450, "Научный руководитель:", 12)
    draw_text(c, 460, 434, "Орлов В. В.", 12)
    draw_text(c, 260, 120, "Новосибирск", 12)
    draw_text(c, 275, 104, "2021 год", 12)
    c.showPage()
    draw_text(c, 70, 780, "Введение", 14, bold=True)
    draw_text(c, 70, 760, "Журналы событий растут быстро, и их хранение требует особых решений [1].", 12)
    draw_text(c, 70, 700, "Список литературы", 14, bold=True)
    draw_text(c, 70, 680, "1. Иванов И. И. Базы данных. – М.: Наука, 2015. – 300 с.", 12)
    c.save()
    return path


@pytest.mark.parametrize("model", [False, True])
def test_a_covers_blocks_side_by_side_are_read_block_by_block(tmp_path, model):
    path = _cover_pdf(tmp_path / "cover.pdf")
    roles.ENABLED = model
    try:
        meta = read_document(str(path)).meta
    finally:
        roles.ENABLED = True
    assert meta.title_text == "Хранение журналов событий на основе СУБД ClickHouse"
    assert meta.authors == ("Лебедевой А. К.",)


def test_a_form_keeps_its_rows_label_and_value_on_one_baseline():
    from exporter.readers.pdf.layout import Line
    from exporter.readers.pdf.reader import first_page_texts

    rows = [("Студент группы ИС-31", 70, 200, 500.0), ("Орлова В. Н.", 400, 480, 500.0), ("Руководитель", 70, 150, 480.0), ("Карпов С. В.", 400, 480, 480.0),
            ("Консультант", 70, 140, 460.0), ("Белов Н. Н.", 400, 480, 460.0)]
    lines = [Line(page=1, text=t, x0=x0, x1=x1, y=y, size=12.0, bold=False) for t, x0, x1, y in rows]
    assert first_page_texts(lines) == [t for t, *_ in rows]


# ---- a manuscript's margin line numbers ----------------------------------------------------------

def _numbered_manuscript(path: Path) -> Path:
    c = pdf_canvas(path)
    draw_text(c, 72, 800, "Running head: TEA AND SLEEP", 10)
    lines = [("Drinking green tea in the evening shortens sleep in older adults", 12), ("", 0),
             ("Olga Lindqvist1, Peter M. Haas2, & Rita Moreno1", 11), ("1 Department of Psychology, Lund University, Sweden", 10),
             ("2 Department of Medicine, University of Vienna, Austria", 10), ("", 0),
             ("Correspondence concerning this article should be addressed to Olga Lindqvist.", 10),
             ("Abstract", 11), ("Evening tea is popular among older adults, yet its caffeine may shorten their sleep.", 10),
             ("We followed 120 adults for four weeks and measured their sleep with wrist sensors.", 10),
             ("Those who drank tea after six slept 23 minutes less than those who did not [1].", 10)]
    y, number = 740, 1
    for text, size in lines:
        if text:
            draw_text(c, 40, y, str(number), 8)
            draw_text(c, 90 if size == 12 else 72, y, text, size)
            number += 1
        y -= 22
    draw_text(c, 72, y - 20, "References", 11)
    draw_text(c, 72, y - 40, "1. Smith, J. (2001). Tea and sleep. Sleep, 12, 1-10.", 10)
    c.save()
    return path


def test_margin_line_numbers_are_no_part_of_the_title(tmp_path):
    meta = read_document(str(_numbered_manuscript(tmp_path / "ms.pdf"))).meta
    assert meta.title_text == "Drinking green tea in the evening shortens sleep in older adults"
    assert meta.authors[:1] == ("Olga Lindqvist",)


def test_a_numbered_list_of_a_few_lines_keeps_its_numbers():
    from exporter.readers.pdf.layout import Line, Page
    from exporter.readers.pdf.linenumbers import blank_line_numbers

    lines = [Line(page=1, text=f"{k} Item number {k}", x0=40, x1=300, y=700.0 - 20 * k, size=10.0, bold=False, breaks=[2]) for k in range(1, 4)]
    blank_line_numbers([Page(1, 595.0, 842.0, lines)])
    assert [line.text for line in lines] == ["1 Item number 1", "2 Item number 2", "3 Item number 3"]


def test_margin_numbers_set_close_to_the_text_are_blanked_over_a_pages_worth_of_lines():
    # A manuscript's margin numbers with no wide gap after them (PDFium sees none): a run of a
    # page's lines is the margin's; `Figure` ending one line is not `Figure 168` with the next
    from exporter.readers.pdf.layout import Line, Page
    from exporter.readers.pdf.linenumbers import blank_line_numbers

    def numbered(first: int, count: int, **extra) -> list[Line]:
        return [Line(page=1, text=f"{k} words of the line {k} as in Figure", x0=53, x1=500, y=760.0 - 24 * (k - first), size=12.0, bold=False, **extra)
                for k in range(first, first + count)]

    lines = numbered(144, 27)
    blank_line_numbers([Page(1, 612.0, 792.0, lines)])
    assert lines[0].text == "    words of the line 144 as in Figure" and lines[-1].text.startswith("    words of the line 170")
    # a list (or a table's column) of a few such lines keeps its numbers, as a ruled table's cells do
    few = numbered(1, 8)
    cells = numbered(1, 30, cell=(0, 0))
    blank_line_numbers([Page(1, 612.0, 792.0, few + cells)])
    assert [line.text.split()[0] for line in few] == [str(k) for k in range(1, 9)]
    assert cells[-1].text.startswith("30 words")


def test_only_runs_with_no_separator_printed_between_are_blocks_side_by_side():
    from exporter.readers.pdf.layout import Line
    from exporter.readers.pdf.titleblock import names_side_by_side

    def line(text: str, breaks: list[int]) -> Line:
        return Line(page=1, text=text, x0=70, x1=500, y=700.0, size=11.0, bold=False, breaks=breaks)

    assert names_side_by_side(line("Maria Lopez Garcia Wei Zhang", [19]))
    assert not names_side_by_side(line(", Roberta Coelho, Eiji Adachi", [17]))  # a by-line broken at its marks goes on
    assert not names_side_by_side(line("УДК 519.711 Александров Илья Михайлович,", [12]))  # a UDC beside the first name
    assert not names_side_by_side(line("Maria Lopez Garcia Wei Zhang", []))


def test_a_reference_lists_bare_numbers_are_no_margin_numbering():
    # `1   The future is big graphs / …` over its further lines: GOST's numbers set apart with no
    # full stop label the entries' first lines only; they stay (they were blanked before)
    from exporter.readers.pdf.layout import Line, Page
    from exporter.readers.pdf.linenumbers import blank_line_numbers

    lines, y = [], 760.0
    for k in range(1, 9):
        lines.append(Line(page=1, text=f"{k} Author A. Title of work {k} // Journal of things. —", x0=84, x1=500, y=y, size=12.0, bold=False, breaks=[len(str(k)) + 1]))
        lines.append(Line(page=1, text="2021. — Vol. 64, no. 9. — P. 62–71.", x0=106, x1=500, y=y - 21, size=12.0, bold=False))
        y -= 50
    blank_line_numbers([Page(1, 612.0, 792.0, lines)])
    assert [line.text.split()[0] for line in lines[::2]] == [str(k) for k in range(1, 9)]


def test_numbered_section_headings_a_page_apart_keep_their_numbers():
    # LNCS's `1   Introduction` … `5   Problem Instance`, each set apart by a wide gap, each on
    # a page of its own: five numbers one after another, but no margin's numbering (blanked before)
    from exporter.readers.pdf.layout import Line, Page
    from exporter.readers.pdf.linenumbers import blank_line_numbers

    names = ["Introduction", "Background", "Related Works", "Proposed Model", "Problem Instance"]
    pages = [Page(k, 595.0, 842.0, [Line(page=k, text=f"{k} {name}", x0=135, x1=250, y=600.0, size=12.0, bold=True, breaks=[2]),
                                    Line(page=k, text="Running text of the section set in the body's type.", x0=135, x1=480, y=580.0, size=10.0, bold=False)])
             for k, name in enumerate(names, start=1)]
    blank_line_numbers(pages)
    assert [page.lines[0].text for page in pages] == [f"{k} {name}" for k, name in enumerate(names, start=1)]
