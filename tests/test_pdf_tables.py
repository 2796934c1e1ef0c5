"""Ruled tables in a PDF are read as tables: cells, merged cells, caption and number, the
citations inside them; a grid with no table caption stays text (docs/formats.md)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace

import docx
import pytest
from docx.shared import Pt

from exporter.crossrefs import continued_table, roman_table_label
from exporter.model import Cell, Citation, CrossRef, Heading, Paragraph, Span, Table, Text, inline_runs, iter_inlines, plain_text
from exporter.readers.pdf.layout import Line, Page, is_table_caption, mark_furniture
from exporter.readers.pdf.reader import glued_in_cell, read_pdf, with_table_captions
from exporter.readers.plaintext.normalize import Lexicon
from exporter.writers import pdf as pdf_writer
from media_samples import media_document, media_edition


def _rows(table: Table) -> list[list[tuple[str, int, int]]]:
    return [[(" ".join(plain_text(c.inlines).split()), c.rowspan, c.colspan) for c in row] for row in table.rows]


def _word_paper():
    """A Word paper with a captioned table (a cell merged down, one merged across, a
    citation in a cell) and an uncaptioned 2 x 2 grid, as an author would write it."""
    paper = docx.Document()
    paper.styles["Normal"].font.size = Pt(12)
    paper.add_paragraph("Результаты опыта. " + "Измерения проводились трижды на каждом образце. " * 4)
    paper.add_paragraph("Таблица 1 – Результаты измерений")
    table = paper.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Образец"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Параметры"
    table.cell(1, 1).text, table.cell(1, 2).text = "Длина, мм", "Масса, г"
    for r, row in enumerate((("А-1", "12,5", "7/20"), ("Б-2 по методу [1]", "13,1", "8,4")), start=2):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    paper.add_paragraph("После таблицы текст продолжается, как описано в работе [1]. " * 3)
    frame = paper.add_table(rows=2, cols=2)
    frame.style = "Table Grid"
    for (r, c), text in zip(((0, 0), (0, 1), (1, 0), (1, 1)), ("альфа", "бета", "гамма", "дельта")):
        frame.cell(r, c).text = text
    paper.add_paragraph("Список литературы")
    paper.add_paragraph("1. Иванов И. И. Методы измерений. – М.: Наука, 2010. – 200 с.")
    paper.add_paragraph("2. Петров П. П. Точность весов // Измерительная техника. – 2012. – № 3. – С. 40–12.")
    return paper


def _printed_by_libreoffice(paper, path) -> str:
    """The Word paper saved at `path` and printed to PDF beside it by LibreOffice."""
    paper.save(path)
    folder = path.parent
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/lo", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(path)],
                   capture_output=True, timeout=180, check=True)
    return str(path.with_suffix(".pdf"))


@pytest.fixture(scope="module")
def word_pdf(tmp_path_factory) -> str:
    """The Word paper printed to PDF by LibreOffice."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed")
    return _printed_by_libreoffice(_word_paper(), tmp_path_factory.mktemp("word") / "paper.docx")


def test_a_word_table_printed_by_libreoffice_is_read_as_a_table(word_pdf):
    document = read_pdf(word_pdf)
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert len(tables) == 1  # the uncaptioned grid is no table
    table = tables[0]
    assert table.number == "1" and plain_text(table.caption).strip() == "Результаты измерений"
    assert _rows(table) == [
        [("Образец", 2, 1), ("Параметры", 1, 2)],
        [("Длина, мм", 1, 1), ("Масса, г", 1, 1)],
        [("А-1", 1, 1), ("12,5", 1, 1), ("7/20", 1, 1)],
        [("Б-2 по методу [1]", 1, 1), ("13,1", 1, 1), ("8,4", 1, 1)],
    ]
    assert table.header_rows == 2  # the heading merged down over two rows
    assert len(table.widths) == 3 and abs(sum(table.widths) - 1) < 0.01
    cited = [n for run in inline_runs(table) for n in iter_inlines(run) if isinstance(n, Citation)]
    assert [(r.label, c.span.page) for c in cited for r in c.refs] == [("1", 1)]
    text = " ".join(plain_text(b.inlines) for b in document.blocks if isinstance(b, Paragraph))
    for word in ("Образец", "12,5", "Таблица 1", "Результаты измерений"):
        assert word not in text  # no cell or caption left behind as a paragraph
    for word in ("альфа", "бета", "гамма", "дельта"):
        assert word in text  # the grid without a caption stays text


def test_list_fields_stand_at_their_page_and_line(word_pdf):
    """A finding on an entry's field (REF012 on its pages) points at the page and the line
    on it, as the entry itself does (the field's place was a line counted over the whole
    paper: `paper.pdf:941:11` for a list on page 11)."""
    document = read_pdf(word_pdf)
    entry = document.references[1]
    pages = dict(entry.field_spans)["pages"]
    lines = subprocess.run(["pdftotext", "-layout", word_pdf, "-"], capture_output=True, text=True, check=True).stdout.split("\f")[0].splitlines()
    counted = list(enumerate((l for l in lines if l.strip()), start=1))  # the page's own line count (no running heads on it)
    assert pages.page == entry.span.page == 1
    assert entry.span.line == next(k for k, line in counted if "Петров" in line)
    assert pages.line == next(k for k, line in counted if "40–12" in line)  # lines after a table: each of its rows is one


def test_a_table_the_pdf_edition_prints_reads_back_with_its_spans(tmp_path):
    """Our own PDF edition (ReportLab) of the media sample: its table, merged cells and all."""
    sample = media_document()
    document = replace(sample, blocks=tuple(b for b in sample.blocks if isinstance(b, (Paragraph, Table))))
    (tmp_path / "e.pdf").write_bytes(pdf_writer.render(media_edition(document=document)))
    tables = [b for b in read_pdf(str(tmp_path / "e.pdf")).blocks if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].number == "1"
    assert "Сравнение методов" in plain_text(tables[0].caption)
    assert _rows(tables[0]) == [
        [("Метод", 2, 1), ("Ошибка, м", 1, 2)],
        [("средняя", 1, 1), ("макс.", 1, 1)],
        [("ФЧ", 1, 1), ("0,42", 1, 1), ("1,3", 1, 1)],
        [("ФК", 1, 1), ("0,57", 1, 1), ("2,1", 1, 1)],
    ]


def _span(line: int, page: int = 1) -> Span:
    return Span(line, 1, line, 2, page=page)


def _cells(*rows: tuple[str, ...]) -> tuple[tuple[Cell, ...], ...]:
    return tuple(tuple(Cell((Text(t),)) for t in row) for row in rows)


def test_a_table_going_on_over_a_page_joins_its_first_part():
    label = CrossRef("Таблица 2", "table", "2", _span(1), defines=True)
    blocks = [
        Paragraph((label, Text(". Итоги опыта")), _span(1)),
        Table(_cells(("№", "Итог"), ("1", "2"), ("а", "10")), _span(2)),
        Paragraph((Text("Окончание табл. 2"),), _span(1, page=2)),
        Table(_cells(("1", "2"), ("б", "20"), ("в", "30")), _span(2, page=2)),  # the column numbers again
    ]
    out = with_table_captions(blocks)
    assert len(out) == 1
    assert plain_text(out[0].caption).strip() == "Итоги опыта" and out[0].number == "2"
    assert [[plain_text(c.inlines) for c in row] for row in out[0].rows] == [["№", "Итог"], ["1", "2"], ["а", "10"], ["б", "20"], ["в", "30"]]


def test_a_caption_below_and_a_label_over_its_title_are_taken():
    below = with_table_captions([Table(_cells(("a", "b"), ("c", "d")), _span(1)), Paragraph((Text("TABLE IV. Timings"),), _span(3))])
    assert len(below) == 1 and below[0].number == "4" and plain_text(below[0].caption) == "Timings"
    label = CrossRef("Таблица 1", "table", "1", _span(1), defines=True)
    stacked = with_table_captions([Paragraph((label,), _span(1)), Paragraph((Text("Логика связи"),), _span(2)), Table(_cells(("a", "b"), ("c", "d")), _span(3))])
    assert len(stacked) == 1 and stacked[0].number == "1" and plain_text(stacked[0].caption) == "Логика связи"
    bold_title = with_table_captions([Paragraph((label,), _span(1)), Heading(1, (Text("Сравнение носителей"),), _span(2)), Table(_cells(("a", "b"), ("c", "d")), _span(3))])
    assert len(bold_title) == 1 and plain_text(bold_title[0].caption) == "Сравнение носителей"  # a title set in bold reads as a heading
    plain = [Paragraph((Text("Обычный абзац."),), _span(1)), Table(_cells(("a", "b"), ("c", "d")), _span(2))]
    assert with_table_captions(plain) == plain  # no caption: nothing taken


def test_caption_labels():
    assert roman_table_label("TABLE II") == ("2", 8)
    assert roman_table_label("TABLE IV. Results")[0] == "4"
    assert roman_table_label("Table XL")[0] == "40"
    assert roman_table_label("TABLES II") is None and roman_table_label("Table Iran") is None
    assert continued_table("Окончание табл. 1") == "1" and continued_table("Продолжение таблицы 3.2") == "3.2"
    assert continued_table("2-кестенің жалғасы") == "2"
    assert continued_table("Окончание работы 1") is None and continued_table("Таблица 1") is None


def test_a_cell_in_the_page_margin_is_no_page_number():
    """`7/20` alone in a table's cell at a page's top reads like `page 7 of 20` to the
    furniture rule; a cell is never furniture (the same line outside a table is)."""
    def page(number: int, cell) -> Page:
        lines = [Line(number, "7/20", 300, 320, 780, 10, False, cell=cell)] + [Line(number, f"body {k}", 60, 500, 700 - 14 * k, 10, False) for k in range(20)]
        return Page(number, 595, 842, lines)

    in_table, alone = page(1, (0, 3)), page(2, None)
    mark_furniture([in_table, alone])
    assert not in_table.lines[0].furniture
    assert alone.lines[0].furniture


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_an_address_broken_in_a_narrow_cell_is_one_word_again(tmp_path):
    """LibreOffice breaks an address too long for its cell anywhere (`supercloudstorageser` /
    `vice.com`): the pieces are one word again; the cell's other lines keep their spaces."""
    paper = docx.Document()
    paper.styles["Normal"].font.size = Pt(12)
    paper.add_paragraph("Сервисы хранения сравниваются по их сайтам и ограничениям. " * 3)
    paper.add_paragraph("Таблица 1 – Сервисы")
    table = paper.add_table(rows=2, cols=3)
    table.style = "Table Grid"
    rows = (("Сервис", "Сайт", "Ограничения"), ("Облако", "supercloudstorageservice.com", "Наибольший размер загружаемого файла определяется тарифом владельца хранилища"))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    paper.add_paragraph("Текст после таблицы продолжает рассуждение. " * 3)
    _printed_by_libreoffice(paper, tmp_path / "t.docx")
    printed = subprocess.run(["pdftotext", "-layout", str(tmp_path / "t.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "supercloudstorageservice.com" not in printed  # the address is broken on the page
    (table,) = [b for b in read_pdf(str(tmp_path / "t.pdf")).blocks if isinstance(b, Table)]
    cells = _rows(table)
    assert cells[1][1][0] == "supercloudstorageservice.com"
    assert cells[1][2][0] == "Наибольший размер загружаемого файла определяется тарифом владельца хранилища"


def test_a_line_of_one_word_filling_its_cell_goes_on_only_with_evidence():
    """A word that fits is moved whole to the next line, so a line of one word filling its
    cell may end a word or break one: joined only for an address or an attested word."""
    def cell(*texts: str, widths=None) -> list[Line]:
        return [Line(1, t, 106.0, 106.0 + (widths or {}).get(t, 30.0), 700 - 14 * k, 10, False) for k, t in enumerate(texts)]

    full = {"Максимальный": 67.0, "supercloud": 67.0, "storage": 67.0, "Максималь": 67.0}  # the cell: 100..180, its text 86.5 - 2 * 6.5 wide
    lexicon = Lexicon(["размер", "файла"])
    assert glued_in_cell(cell("supercloud", "storage", "service.com", widths=full), 100, 180, lexicon) == {1, 2}
    assert glued_in_cell(cell("Максимальный", "размер файла", widths=full), 100, 180, lexicon) == set()
    assert glued_in_cell(cell("Максималь", "ный размер", widths=full), 100, 180, Lexicon(["максимальный"])) == {1}
    assert glued_in_cell(cell("Максималь", "ный размер", widths=full), 100, 180, lexicon) == set()  # no evidence: the space stays
    assert glued_in_cell(cell("supercloud", "storage.com"), 100, 180, lexicon) == set()  # a short line ends a word


BOOKTABS = r"""\documentclass{article}
\usepackage{booktabs}
\title{Timing Three Devices}
\author{Ann Smith}
\date{}
\begin{document}
\maketitle
\section{Results}
The measurements of the three devices are summarised in Table~1, and they agree with the
values reported earlier [1]. The text goes on for a while to make a paragraph of prose.

\begin{table}[h]
\centering
\caption{Timings of the devices}
\begin{tabular}{p{2.2cm}rrr}
\toprule
 & \multicolumn{2}{c}{Time, ms} & \\
\cmidrule(lr){2-3}
Device & mean & max & Runs \\
\midrule
Alpha board & 12.5 & 20.1 & 30 \\
Beta & 7.25 & 9.0 & 28 \\
Gamma unit & 101.0 & 140.5 & 5 \\
Delta \newline board & 3.5 & 4.0 & 12 \\
\bottomrule
\end{tabular}
\end{table}

After the table the text goes on, as a paragraph of prose does, for a few more words.

\begin{thebibliography}{1}
\bibitem{a} A. Author, A book about devices. Springer, 2010.
\end{thebibliography}
\end{document}
"""


@pytest.mark.skipif(shutil.which("xelatex") is None, reason="XeLaTeX not installed")
def test_a_booktabs_table_printed_by_latex_is_read_as_a_table(tmp_path):
    """Rules only, no vertical stroke: the columns are where no word crosses, the heading the
    rows above the first inner rule, a heading over two columns one cell, a row's label
    wrapped onto a second line (in lower case) the same row."""
    (tmp_path / "t.tex").write_text(BOOKTABS, encoding="utf-8")
    subprocess.run(["xelatex", "-interaction=nonstopmode", "t.tex"], cwd=tmp_path, capture_output=True, timeout=180, check=True)
    document = read_pdf(str(tmp_path / "t.pdf"))
    assert plain_text(document.meta.title) == "Timing Three Devices" and document.meta.authors == ("Ann Smith",)  # a title in title case is no by-line
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert table.number == "1" and plain_text(table.caption).strip() == "Timings of the devices"
    assert _rows(table) == [
        [("", 1, 1), ("Time, ms", 1, 2), ("", 1, 1)],
        [("Device", 1, 1), ("mean", 1, 1), ("max", 1, 1), ("Runs", 1, 1)],
        [("Alpha board", 1, 1), ("12.5", 1, 1), ("20.1", 1, 1), ("30", 1, 1)],
        [("Beta", 1, 1), ("7.25", 1, 1), ("9.0", 1, 1), ("28", 1, 1)],
        [("Gamma unit", 1, 1), ("101.0", 1, 1), ("140.5", 1, 1), ("5", 1, 1)],
        [("Delta board", 1, 1), ("3.5", 1, 1), ("4.0", 1, 1), ("12", 1, 1)],  # a label wrapped in its cell
    ]
    assert table.header_rows == 2
    assert table.widths == ()  # no strokes set them: the editions size the columns to their type


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_a_caption_written_in_the_tables_first_row_is_its_caption(tmp_path):
    """Authors (and magazines) put the caption in a first row merged across the table."""
    paper = docx.Document()
    paper.styles["Normal"].font.size = Pt(12)
    paper.add_heading("Микросхемы энергонезависимой памяти", 0)
    paper.add_paragraph("И. И. Иванов")
    paper.add_heading("Введение", 1)
    paper.add_paragraph("Параметры микросхем приведены ниже и сравниваются по объёму. " * 3)
    table = paper.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Таблица 1. Параметры микросхем"
    for r, row in enumerate((("Микросхема", "Объём"), ("MR2A16A", "4 Мбит")), start=1):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    paper.add_paragraph("Текст после таблицы продолжает рассуждение. " * 3)
    _printed_by_libreoffice(paper, tmp_path / "t.docx")
    (table,) = [b for b in read_pdf(str(tmp_path / "t.pdf")).blocks if isinstance(b, Table)]
    assert table.number == "1" and plain_text(table.caption).strip() == "Параметры микросхем"
    assert _rows(table) == [[("Микросхема", 1, 1), ("Объём", 1, 1)], [("MR2A16A", 1, 1), ("4 Мбит", 1, 1)]]


def test_a_caption_printed_in_the_wrong_font_table_is_a_caption():
    """`Òàáëèöà 1` is `Таблица 1` read through Latin-1 (a cp1251 font without a Unicode map):
    the lines are repaired after the layout, so the caption is told before."""
    assert is_table_caption(Line(1, "Òàáëèöà 1. Ïàðàìåòðû ðåøåíèÿ", 50, 300, 700, 10, False))
    assert is_table_caption(Line(1, "Таблица 1. Параметры решения", 50, 300, 700, 10, False))
    assert not is_table_caption(Line(1, "Ïàðàìåòðû ðåøåíèÿ", 50, 300, 700, 10, False))


def test_columns_the_source_gives_no_widths_are_sized_by_their_text():
    """A table read without widths (a rules-only PDF table, Markdown's pipes): a column of
    years stays narrow, a column of prose takes the room; equal shares only without a width."""
    from exporter.writers import column_shares

    prose = "Ориентировочная достигаемая скорость передачи данных при записи на ленту"
    table = Table(_cells(("Год", "Описание", "Итог"), ("2005", prose, "да"), ("2010", "Коротко", "нет")), _span(1))
    shares = column_shares(table, 3, chars=70)
    assert abs(sum(shares) - 1) < 1e-9
    assert shares[1] > 2 * shares[0] and shares[1] > 2 * shares[2]
    assert shares[0] * 70 >= 4 + 2  # `2005` and a cell's padding fit
    assert column_shares(table, 3) == [1 / 3] * 3  # no measure given: equal, as before
    wide = Table(_cells(("Длинноесловобезпробелов", "Ещёоднодлинноеслово", "12")), _span(1))
    narrow_first = column_shares(wide, 3, chars=20)  # the longest words alone are too wide
    assert narrow_first[2] * 20 >= 2 + 2  # the number keeps its room, the words break


def test_a_label_alone_takes_its_title_over_several_blocks():
    """A title set in two bold lines reads as two headings (alexkron_diplom); IEEE's title in
    small capitals and a note under it are two paragraphs (ku4_place): all of it is the caption."""
    label = CrossRef("Таблица 1", "table", "1", _span(1), defines=True)
    two_headings = with_table_captions([
        Paragraph((label,), _span(1)), Heading(1, (Text("Сравнительный анализ параметров"),), _span(2)),
        Heading(1, (Text("для различных методов"),), _span(3)), Table(_cells(("a", "b"), ("c", "d")), _span(4)),
    ])
    assert len(two_headings) == 1 and two_headings[0].number == "1"
    assert plain_text(two_headings[0].caption) == "Сравнительный анализ параметров для различных методов"
    ieee = with_table_captions([
        Paragraph((Text("TABLE III"),), _span(1)), Paragraph((Text("COMBINED MODELS EVALUATION ON TEST DATA."),), _span(2)),
        Paragraph((Text("NOTE: S.P. = SUPERPOINT."),), _span(3)), Table(_cells(("a", "b"), ("c", "d")), _span(4)),
    ])
    assert len(ieee) == 1 and ieee[0].number == "3" and plain_text(ieee[0].caption) == "COMBINED MODELS EVALUATION ON TEST DATA. NOTE: S.P. = SUPERPOINT."
    prose = [Paragraph((label,), _span(1)), Paragraph((Text("Слово " * 70),), _span(2)), Table(_cells(("a", "b"), ("c", "d")), _span(3))]
    assert with_table_captions(prose)[-1].number is None  # a long paragraph under a label is text, not its title


def test_a_ruled_table_under_a_label_and_a_title_of_several_lines_is_read(tmp_path):
    """IEEE: `TABLE II` in 8 pt, three lines of title in 6.4 pt under it, then the ruled table,
    40 pt below the label: farther than a label and one title line stand."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from helpers import LIBERATION

    pdfmetrics.registerFont(TTFont("LiberationSerif", str(LIBERATION / "LiberationSerif-Regular.ttf")))
    path = tmp_path / "ieee.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    c.setFont("LiberationSerif", 10)
    for i in range(6):
        c.drawString(50, 780 - 12 * i, "The results of the methods on the laboratory data are presented in Table II below.")
    c.setFont("LiberationSerif", 8)
    c.drawCentredString(175, 690, "TABLE II")
    c.setFont("LiberationSerif", 6.4)
    for i, line in enumerate(("MODELS EVALUATION ON TEST DATA (LABORATORY ENVIRONMENT).", "TRUE POSITIVE HERE IS WHEN TWO POINTS ARE CLOSE TO EACH OTHER", "(WITHIN 3 METERS) AND ORIENTED IN THE SAME DIRECTION.")):
        c.drawCentredString(175, 681 - 9 * i, line)
    top, rows, xs = 655, (("Method", "Precision", "Recall"), ("DBoW2", "0.941", "0.324"), ("Scan Context", "0.708", "0.348")), (80, 170, 230, 280)
    c.setFont("LiberationSerif", 8)
    for r, row in enumerate(rows):
        for x, text in zip(xs, row):
            c.drawString(x + 3, top - 10 * r - 8, text)
    c.setLineWidth(0.5)
    for r in range(len(rows) + 1):
        c.line(xs[0], top - 10 * r, xs[-1], top - 10 * r)
    for x in xs:
        c.line(x, top, x, top - 10 * len(rows))
    c.save()
    (table,) = [b for b in read_pdf(str(path)).blocks if isinstance(b, Table)]
    assert table.number == "2" and plain_text(table.caption).startswith("MODELS EVALUATION ON TEST DATA (LABORATORY ENVIRONMENT). TRUE POSITIVE")
    assert _rows(table)[1] == [("DBoW2", 1, 1), ("0.941", 1, 1), ("0.324", 1, 1)]


def test_a_table_floated_into_a_sentence_is_held_and_the_paragraph_goes_on(tmp_path):
    """A two-column paper floats a table to the next column's top, in the middle of a word
    (`assump-` … `Table 1` and its grid … `tion of the model`): the paragraph is one again, the
    table (with its caption) follows it; before, the paragraph ended at `assump-`."""
    from helpers import draw_text, pdf_canvas

    path = tmp_path / "float.pdf"
    c = pdf_canvas(path)
    draw_text(c, 50, 780, "Heterogeneity of the trials", 16, True)
    left = ["For results showing significant heterogeneity a random", "effects meta-analysis was also performed with the method", "of DerSimonian and Laird. The underlying assump-"]
    for i, line in enumerate(left):
        draw_text(c, 50, 740 - 14 * i, line, 10, False)
    draw_text(c, 320, 740, "Table 1. Trials by arm", 9, False)
    for y in (725, 705, 685, 665):  # three rows of two cells, each border a stroke of its own (as Word's)
        c.line(320, y, 540, y)
    for x in (320, 420, 540):
        c.line(x, 725, x, 665)
    for r, (a, b) in enumerate((("Arm", "Trials"), ("Placebo", "12"), ("Drug", "14"))):
        draw_text(c, 325, 711 - 20 * r, a, 9, False)
        draw_text(c, 425, 711 - 20 * r, b, 9, False)
    right = ["tion of the model is that the studies come from one", "population and that their variance is one estimate, the", "studies weighted by their precision throughout."]
    for i, line in enumerate(right):
        draw_text(c, 320, 640 - 14 * i, line, 10, False)
    c.save()
    blocks = read_pdf(str(path)).blocks
    texts = [" ".join(plain_text(b.inlines).split()) for b in blocks if isinstance(b, Paragraph)]
    paragraph = next(t for t in texts if t.startswith("For results"))
    assert "The underlying assumption of the model is that the studies come from one" in paragraph
    assert paragraph.endswith("weighted by their precision throughout.")
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].number == "1" and plain_text(tables[0].caption) == "Trials by arm"
    assert blocks.index(tables[0]) > next(k for k, b in enumerate(blocks) if isinstance(b, Paragraph) and plain_text(b.inlines).startswith("For results"))


def _boxed_block_table(path, body_rows, widths=(60, 60, 90), in_form=False):
    """A table drawn as LaTeX's `|l|c|c|` tabular ruled around blocks only: a frame, the column
    strokes, a rule under the head; the body's lines between no rules. `in_form`: the whole
    page drawn inside a Form XObject, as a proceedings volume stamps its papers' pages."""
    from helpers import draw_text, pdf_canvas

    c = pdf_canvas(path)
    if in_form:
        c.beginForm("page")
    draw_text(c, 60, 780, "Patients and their measures", 16, True)
    for i in range(4):
        draw_text(c, 60, 750 - 14 * i, "Body text of the paper runs across the page from the left margin to the right.", 10, False)
    draw_text(c, 100, 680, "Table 1: Patients information", 9, False)
    xs = [100]
    for w in widths:
        xs.append(xs[-1] + w)
    top, head = 670, 655
    bottom = head - 12 * len(body_rows) - 4
    for y in (top, head, bottom):
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, top, x, bottom)
    for k, text in enumerate(("Subject", "Age", "Speaking rate")):
        draw_text(c, xs[k] + 3, 659, text, 9, False)
    for i, row in enumerate(body_rows):
        for k, text in enumerate(row):
            if text:
                draw_text(c, xs[k] + 3, head - 11 - 12 * i, text, 9, False)
    for i in range(4):
        draw_text(c, 60, bottom - 30 - 14 * i, "Body text of the paper runs across the page from the left margin to the right.", 10, False)
    if in_form:
        c.endForm()
        c.doForm("page")
    c.save()
    return path


def test_lines_between_no_rules_of_a_ruled_table_are_its_rows(tmp_path):
    """Every cell of a drawn row holds the same baselines, none wrapped: each line is a row
    (the cell's lines had been joined, `53.9` and `6.4` read as `53.96.4`)."""
    path = _boxed_block_table(tmp_path / "t.pdf", [("A01", "55", "235.7"), ("A02", "52", "164.2"), ("Mean", "53.9", "186.1")])
    (table,) = [b for b in read_pdf(str(path)).blocks if isinstance(b, Table)]
    assert [[plain_text(cell.inlines) for cell in row] for row in table.rows] == [
        ["Subject", "Age", "Speaking rate"], ["A01", "55", "235.7"], ["A02", "52", "164.2"], ["Mean", "53.9", "186.1"]]


def test_cells_of_wrapped_text_keep_their_row(tmp_path):  # a guard: lines filling their cells are wrapped text
    rows = [("Average speech of", "Slow speech in most", "Mean of"), ("all patients", "recorded tasks", "all")]
    path = _boxed_block_table(tmp_path / "t.pdf", rows, widths=(73, 80, 50))  # the first lines fill 92 % of their cells
    (table,) = [b for b in read_pdf(str(path)).blocks if isinstance(b, Table)]
    assert [[plain_text(cell.inlines) for cell in row] for row in table.rows][1] == ["Average speech of all patients", "Slow speech in most recorded tasks", "Mean of all"]


def test_a_table_drawn_inside_a_form_is_read(tmp_path):
    """A proceedings volume draws each paper's page inside a Form XObject: the table's strokes
    are the form's, placed where the page shows them (no table had been found)."""
    path = _boxed_block_table(tmp_path / "t.pdf", [("A01", "55", "235.7"), ("A02", "52", "164.2")], in_form=True)
    (table,) = [b for b in read_pdf(str(path)).blocks if isinstance(b, Table)]
    assert [plain_text(cell.inlines) for cell in table.rows[2]] == ["A02", "52", "164.2"]


def test_in_narrow_columns_two_numbers_are_two_rows_and_a_range_cut_at_its_dash_is_one(tmp_path):
    """The fit test alone cannot tell in a narrow column (`63.5 8.7` does not fit): a line that
    reads on (ends with a dash, the next opens in lower case) is wrapped text, two values are rows."""
    numbers = _boxed_block_table(tmp_path / "n.pdf", [("Mean", "63.5", "189.8"), ("Std", "8.7", "16.5")], widths=(60, 24, 60))
    (table,) = [b for b in read_pdf(str(numbers)).blocks if isinstance(b, Table)]
    assert [[plain_text(cell.inlines) for cell in row] for row in table.rows][1:] == [["Mean", "63.5", "189.8"], ["Std", "8.7", "16.5"]]
    ranges = _boxed_block_table(tmp_path / "r.pdf", [("DRAM", "-40 –", "-40 –"), ("cells", "+110", "+100")], widths=(60, 24, 24))
    (table,) = [b for b in read_pdf(str(ranges)).blocks if isinstance(b, Table)]
    assert [[plain_text(cell.inlines) for cell in row] for row in table.rows][1:] == [["DRAM cells", "-40 – +110", "-40 – +100"]]
