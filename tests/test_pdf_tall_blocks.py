"""Blocks the PDF edition must place even where reportlab would not: a table row taller than a
page, a merged cell taller than what is left of one, a figure taller than a column cut short
under a wide float. Found on unseen papers (a Word paper's table cell, a PDF paper's 36-row
table with cells merged down 35 rows, two theses in the IEEE venue), each of which stopped the
PDF edition with a LayoutError."""

from __future__ import annotations

import pypdfium2 as pdfium
from reportlab.platypus import Table as RLTable

from exporter.linker import Linked
from exporter.model import Cell, Document, Figure, Image, Meta, Paragraph, Span, Table, Text
from exporter.venue import Template
from exporter.writers import Edition, pdf as pdf_writer
from exporter.writers.pdf import table_rules
from exporter.writers.pdf_pages import table_rows


def _pages_text(data: bytes) -> list[str]:
    return [" ".join(page.get_textpage().get_text_range().split()) for page in pdfium.PdfDocument(data)]


def _render(*blocks, venue: str = "kz-conference") -> list[str]:
    document = Document("t.txt", Meta(title=(Text("Таблица"),), language="ru"), (Paragraph((Text("Текст перед таблицей."),), Span(1, 1, 1, 1)), *blocks))
    return _pages_text(pdf_writer.render(Edition(Linked(document, ()), Template.load(venue))))


def test_a_row_taller_than_a_page_is_cut_across_pages():
    # 400 numbered words of ~12 characters in a half-width column: ~4 words a line at 12 pt,
    # ~100 lines of 14 pt, about two pages; nothing may be lost at the cut
    long_text = " ".join(f"слово{n:03d}текст" for n in range(400))
    rows = ((Cell((Text("Столбец"),)), Cell((Text("Описание"),))), (Cell((Text("A1"),)), Cell((Text(long_text),))))
    pages = _render(Table(rows, Span(2, 1, 2, 1), header_rows=1))
    assert len(pages) >= 2
    text = " ".join(pages)
    assert all(f"слово{n:03d}текст" in text for n in range(400))
    assert text.count("слово000текст") == 1  # each word once: the cut repeats nothing


def test_a_merged_cell_taller_than_a_page_lets_the_table_break():
    # 60 rows, the first column one cell merged down all of them (as a hierarchy's level name)
    rows = [(Cell((Text("Уровень"),)), Cell((Text("Показатель"),)))]
    rows.append((Cell((Text("L1"),), rowspan=60), Cell((Text("A000"),))))
    rows.extend((Cell((Text(f"A{n:03d}"),)),) for n in range(1, 60))
    pages = _render(Table(tuple(rows), Span(2, 1, 2, 1), header_rows=1, caption=(Text("Таблица 1 – Уровни"),), number="1"))
    text = " ".join(pages)
    assert len(pages) >= 2 and all(f"A{n:03d}" in text for n in range(60))
    assert text.count("L1") == 1  # the merged cell's text once, in its first row


def test_merged_rows_drawn_rather_than_merged_keep_every_rule_out_of_the_merged_cell():
    # 3 rows x 2 columns; (0, 0) merged down 3 rows. Worked out by hand: a box, the rule
    # between the columns, and the rules above rows 1 and 2 in column 1 only.
    placed = [(0, 0, Cell((Text("a"),), rowspan=3)), (0, 1, Cell((Text("b"),))), (1, 1, Cell((Text("c"),))), (2, 1, Cell((Text("d"),)))]
    drawn = table_rules(placed, 3, merged_rows=False)
    above = sorted((start, end) for op, start, end, *_ in drawn if op == "LINEABOVE")
    assert above == [((1, 1), (1, 1)), ((1, 2), (1, 2))]
    assert not any(op == "SPAN" for op, *_ in drawn)
    merged = table_rules(placed, 3)
    assert ("SPAN", (0, 0), (0, 2)) in merged and not any(op == "LINEABOVE" for op, *_ in merged)


def test_merged_rows_and_columns_drawn_keep_each_row_merged_across():
    # (0, 0) spans 2 rows and 2 columns of a 2 x 3 grid: each of its rows is merged across
    placed = [(0, 0, Cell((Text("a"),), rowspan=2, colspan=2)), (0, 2, Cell((Text("b"),))), (1, 2, Cell((Text("c"),)))]
    drawn = table_rules(placed, 2, merged_rows=False)
    assert [(start, end) for op, start, end, *_ in drawn if op == "SPAN"] == [((0, 0), (1, 0)), ((0, 1), (1, 1))]
    assert [(start, end) for op, start, end, *_ in drawn if op == "LINEABOVE"] == [((2, 1), (2, 1))]


def test_reportlab_still_counts_a_tables_rows_where_table_rows_reads_them():
    # table_rows reads reportlab's private `_cellvalues` (5.1.0); an upgrade that drops it makes
    # this fail, rather than quietly letting every captioned table break after one row
    assert table_rows(RLTable([["a"], ["b"], ["c"]])) == 3
    assert table_rows(object()) is None


def _picture(width: float, height: float) -> Image:
    from media_samples import drawn

    return Image(drawn("PNG", (int(width), int(height))), "image/png", width=width, height=height, name=f"media/{int(width)}x{int(height)}.png")


def test_a_figure_taller_than_a_column_cut_short_by_a_wide_float_waits_for_a_whole_one():
    """IEEE's two columns: a wide figure waits for the next page's top, taking over half its
    height; a column figure 240 x 400 pt met just after it no longer fits the rest of the
    column it was met in, nor the next column (cut short under the float), but fits a whole
    one. Wherever the two fall (1 to 14 paragraphs before them), both are placed (the PDF
    edition stopped with a LayoutError for some of these)."""
    wide = Figure((_picture(500, 330),), (Text("Рисунок 1 – Широкий рисунок"),), Span(30, 1, 30, 1), number="1")
    tall = Figure((_picture(240, 400),), (Text("Рисунок 2 – Высокий рисунок"),), Span(32, 1, 32, 1), number="2")
    after = Paragraph((Text("Текст после рисунка. " * 12),), Span(31, 1, 31, 1))
    for count in range(1, 15):
        before = [Paragraph((Text(f"Абзац {n}: " + "текст перед рисунками занимает колонку. " * 12),), Span(2 + n, 1, 2 + n, 1)) for n in range(count)]
        text = " ".join(_render(*before, wide, after, tall, after, venue="ieee-conference"))
        assert "Широкий рисунок" in text and "Высокий рисунок" in text, count


def test_a_list_item_of_three_pictures_taller_than_a_page_is_cut_across_pages():
    """A list item holding three pictures, each on a line of its own, 980 pt together on a
    frame of 728 (a real Word paper's bullet list of plots): no cut keeps the rules on widows
    and orphans, so at a fresh frame's top it is cut where the frame is full."""
    from exporter.model import BulletList, ListItem
    from media_samples import drawn

    pictures = tuple(Image(drawn("PNG", (400 + k, 300)), "image/png", width=400, height=330, name=f"plot{k}.png") for k in range(3))
    item = ListItem((pictures[0], Text(" "), pictures[1], Text(" "), pictures[2]), Span(2, 1, 2, 1))
    document = Document("t.docx", Meta(title=(Text("Графики"),), language="ru"), (Paragraph((Text("Текст перед списком."),), Span(1, 1, 1, 1)), BulletList((item,), Span(2, 1, 2, 1))))
    pdf = pdfium.PdfDocument(pdf_writer.render(Edition(Linked(document, ()), Template.load("kz-conference"))))
    import pypdfium2.raw as pdfium_c

    per_page = [len(list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))) for page in pdf]
    assert sum(per_page) == 3 and len([n for n in per_page if n]) == 2  # all three, over two pages
