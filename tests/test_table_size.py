"""A table is set in the venue's table size, and smaller when its words need it, so that no
word runs over its column's rule (docs/editions.md "Tables")."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from exporter.linker import Linked
from exporter.model import Cell, Document, Meta, Paragraph, Span, Table, Text
from exporter.readers.pdf.tables import strokes
from exporter.venue import Template
from exporter.venue.settings import Tables
from exporter.writers import Edition, column_shares, docx as docx_writer, latex as latex_writer, pdf as pdf_writer, table_layout

BODY = "Результаты измерений приведены в таблице ниже, по странам и годам наблюдений. " * 3
# Nine columns of words a column must hold whole: capitals, joined symbols, long names
ROWS = (
    ("Reference", "Year", "Age", "Country", "Size", "Regimen", "Method", "Degree", "Timing"),
    ("Choe YH", "1999", "10e17", "Bangladesh", "13", "B+A+M", "Histology", "Moderate", "Sequential"),
    ("Chen LH", "2005", "17e72", "South Korea", "62", "O+A+C", "UBT/histology", "Marked", "8 weeks"),
)
# The source's columns as a small-type PDF drew them: equal and narrow for these words at 14 pt
SOURCE_WIDTHS = (0.11,) * 9


def _table() -> Table:
    cells = tuple(tuple(Cell((Text(text),)) for text in row) for row in ROWS)
    return Table(cells, Span(2, 1, 4, 1), widths=SOURCE_WIDTHS, header_rows=1)


def _edition(venue: str) -> Edition:
    document = Document("t.txt", Meta(title=(Text("Таблица"),), language="ru"), (Paragraph((Text(BODY),), Span(1, 1, 1, 1)), _table()))
    return Edition(Linked(document, ()), Template.load(venue))


def test_a_table_too_wide_for_its_words_is_set_smaller_down_to_the_floor():
    # Worked out by hand: 10 letters at 1.15 average characters each and 2.5 of padding is
    # 14 characters a column; 9 columns are 126 characters, 63 em; 400 pt hold 63 em of
    # 6.35 pt type: from 12 pt down by half points, 6.0 is the first size at or under it.
    words = tuple(Cell((Text("abcdefghij"),)) for _ in range(9))
    table = Table((words,), Span(1, 1, 1, 1))
    assert table_layout(table, 9, 400.0, 12.0, 5.0).size == 6.0
    assert table_layout(table, 9, 400.0, 12.0, 10.0).size == 10.0  # never below the floor
    assert table_layout(table, 9, 2000.0, 12.0, 5.0).size == 12.0  # room enough: the venue's size


def test_the_source_widths_give_way_to_a_word_that_needs_more():
    cells = ((Cell((Text("1"),)), Cell((Text("Bangladesh"),)), Cell((Text("2"),))),)
    table = Table(cells, Span(1, 1, 1, 1), widths=(0.6, 0.1, 0.3))
    shares = column_shares(table, 3, chars=60)
    # `Bangladesh`: 1.6 + 9 × 1.15 + 2.5 = 14.45 characters of 60
    assert shares[1] == pytest.approx(14.45 / 60)
    assert abs(sum(shares) - 1) < 1e-9
    assert shares[0] > shares[2] > 4 / 60  # the others keep their order and their digit's room
    assert column_shares(table, 3) == [0.6, 0.1, 0.3]  # no measure given: the source's


def test_the_venue_says_the_table_size_and_its_floor():
    assert Tables().size(14) == 14 and Tables().floor(14) == 10.5  # the body's, and three quarters of it
    assert Tables(size_pt=12, min_size_pt=10).floor(14) == 10
    assert Tables(size_pt=8, min_size_pt=9).floor(10) == 8  # a floor above the size is the size
    venue = Template.load("kz-conference").venue
    assert (venue.tables.size_pt, venue.body.size_pt) == (12, 14)


def _chars(page) -> list[tuple[str, float, tuple[float, float, float, float]]]:
    """Each printed character of the page: text, font size, tight box (left, bottom, right, top)."""
    text = page.get_textpage()
    out = []
    for i in range(text.count_chars()):
        ch = text.get_text_range(i, 1)
        if ch.strip():
            out.append((ch, pdfium_c.FPDFText_GetFontSize(text.raw, i), text.get_charbox(i)))
    return out


def _overruns(inside, vertical) -> list:
    """Characters of a table that run over a rule: one across a rule, one outside the outer
    rules, two on one line drawn over each other (a cell's text run into the next cell's)."""
    left, right = min(x for x, *_ in vertical), max(x for x, *_ in vertical)
    found = [(ch, box) for ch, box in inside if box[0] < left or box[2] > right]
    found += [(ch, box) for ch, box in inside for x, _, _ in vertical if box[0] + 0.3 < x < box[2] - 0.3]
    for n, (ch, box) in enumerate(inside):
        found += [(ch + other, box) for other, b in inside[n + 1:] if abs(b[1] - box[1]) < 1 and min(box[2], b[2]) - max(box[0], b[0]) > 0.5]
    return found


def test_no_word_of_a_wide_table_crosses_a_rule_in_the_pdf_edition():
    """kz-conference sets tables in 12 pt (the body in 14): these nine columns do not hold their
    words at 12 pt, so the table is set smaller; every character lies between two rules."""
    page = pdfium.PdfDocument(pdf_writer.render(_edition("kz-conference")))[0]
    _, vertical = strokes(page)
    assert len({round(x) for x, *_ in vertical}) == 10  # the nine columns' ten rules
    inside = [(ch, size, box) for ch, size, box in _chars(page) if any(b <= box[1] and box[3] <= t for _, b, t in vertical)]
    assert "".join(ch for ch, *_ in inside).count("Bangladesh") == 1
    sizes = {round(size, 1) for _, size, _ in inside}
    assert len(sizes) == 1 and 10 <= sizes.pop() < 12  # one size, smaller than the venue's, not below its floor
    body = [size for ch, size, box in _chars(page) if ch == "Р"]
    assert body and all(round(size) == 14 for size in body)  # the body keeps its size
    assert _overruns([(ch, box) for ch, _, box in inside], vertical) == []


def test_a_table_that_fits_is_set_in_the_venue_table_size():
    """IEEE's 8 pt table copy, in a two-column page, for a small table."""
    cells = ((Cell((Text("Year"),)), Cell((Text("Total"),))), (Cell((Text("2005"),)), Cell((Text("62"),))))
    document = Document("t.txt", Meta(title=(Text("Title"),), language="en"), (Paragraph((Text("Text. " * 40),), Span(1, 1, 1, 1)), Table(cells, Span(2, 1, 3, 1))))
    page = pdfium.PdfDocument(pdf_writer.render(Edition(Linked(document, ()), Template.load("ieee-conference"))))[0]
    sizes = {ch: round(size, 1) for ch, size, _ in _chars(page) if ch in "Y6"}
    assert sizes["Y"] == 8.0 and sizes["6"] == 8.0
    assert {round(size) for ch, size, _ in _chars(page) if ch == "x"} == {10}  # `Text.` in the 10 pt body


def test_the_docx_edition_sets_the_table_runs_in_the_table_size():
    data = docx_writer.render(_edition("kz-conference"))
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    table = xml[xml.index("<w:tbl>"):xml.index("</w:tbl>")]
    sizes = set(re.findall(r'<w:sz w:val="(\d+)"/>', table))
    assert len(sizes) == 1 and 20 <= int(sizes.pop()) < 24  # half points: under the venue's 12 pt, at least 10
    # 27 cells, each one paragraph of one run: 27 runs and 27 paragraph marks, each sized
    assert table.count("<w:rPr>") == table.count("<w:sz ") == table.count("<w:szCs ") == 2 * 27
    body = xml[xml.rindex("<w:p>", 0, xml.index("Результаты")):xml.index("<w:tbl>")]
    assert "<w:sz " not in body  # the paragraph before it keeps the style's 14 pt


@pytest.mark.skipif(shutil.which("xelatex") is None, reason="xelatex not installed")
def test_the_latex_edition_sets_the_table_smaller_and_tex_finds_no_overfull_cell(tmp_path):
    tex = latex_writer.render(_edition("kz-conference")).decode("utf-8")
    table = tex[tex.index("\\begin{longtable}") - 60:tex.index("\\end{longtable}")]
    size = float(table.split("\\fontsize{")[1].split("}")[0])
    assert 10 <= size < 12
    (tmp_path / "paper.tex").write_text(tex, encoding="utf-8")
    run = subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "paper.tex"], cwd=tmp_path, capture_output=True, text=True, errors="replace", timeout=300)
    assert run.returncode == 0, run.stdout[-2000:]
    log = (tmp_path / "paper.log").read_text(encoding="utf-8", errors="replace")
    assert "Overfull \\hbox" not in log


def test_a_word_wider_than_its_column_at_the_smallest_size_breaks_inside_the_column():
    """A code no hyphenation point breaks, three to a row, too wide for the page even at the
    floor: it breaks between characters (no hyphen added) instead of running over the rules."""
    code = "QWERTYUIOPASDFGHJKLZXCVBNM1234567890QWERTY"
    cells = (tuple(Cell((Text(code),)) for _ in range(3)),)
    document = Document("t.txt", Meta(title=(Text("Коды"),), language="ru"), (Paragraph((Text(BODY),), Span(1, 1, 1, 1)), Table(cells, Span(2, 1, 2, 1), widths=(0.1, 0.45, 0.45))))
    page = pdfium.PdfDocument(pdf_writer.render(Edition(Linked(document, ()), Template.load("kz-conference"))))[0]
    _, vertical = strokes(page)
    inside = [(ch, box) for ch, _, box in _chars(page) if any(b <= box[1] and box[3] <= t for _, b, t in vertical)]
    assert "".join(ch for ch, _ in inside).count("Q") == 3 * code.count("Q")  # every character printed
    assert "-" not in "".join(ch for ch, _ in inside) and "\u00ad" not in "".join(ch for ch, _ in inside)
    assert _overruns(inside, vertical) == []


def _pages_text(data: bytes) -> list[str]:
    document = pdfium.PdfDocument(data)
    return [" ".join(page.get_textpage().get_text_range().split()) for page in document]


def test_a_captioned_table_starts_where_it_stands_and_breaks_with_its_caption_kept_to_two_rows():
    """A 25-row table after 1 to 14 paragraphs of filler: wherever it falls, its caption stands
    over its head and two rows at least (never alone at a page's foot); where the rest of a
    page holds the caption, head and two rows, the table starts there and goes on over the next
    page under its repeated head, rather than leaving the page's foot empty."""
    filler = "Результаты измерений приведены в таблице ниже по странам и годам наблюдений. " * 6
    rows = (("Страна", "Год"),) + tuple((f"r{n:02d}", str(2000 + n)) for n in range(1, 26))
    table = Table(tuple(tuple(Cell((Text(t),)) for t in row) for row in rows), Span(90, 1, 90, 1), header_rows=1,
                  caption=(Text("Таблица 1 – Итоги наблюдений"),), number="1")
    started_on_a_text_page = False
    for paragraphs in range(1, 15):
        body = tuple(Paragraph((Text(filler),), Span(n + 1, 1, n + 1, 1)) for n in range(paragraphs))
        document = Document("t.txt", Meta(title=(Text("Таблица"),), language="ru"), (*body, table))
        pages = _pages_text(pdf_writer.render(Edition(Linked(document, ()), Template.load("kz-conference"))))
        first = next(n for n, text in enumerate(pages) if "Итоги наблюдений" in text)
        assert "r01" in pages[first] and "r02" in pages[first], paragraphs  # two rows at least under the caption
        last = next(n for n, text in enumerate(pages) if "r25" in text)
        if last > first:
            assert pages[last].count("Страна") == 1  # the head repeated over the rest
            started_on_a_text_page |= "наблюдений." in pages[first].split("Итоги наблюдений")[0]
    assert started_on_a_text_page
