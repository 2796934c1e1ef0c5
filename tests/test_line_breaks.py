"""Line breaks the author makes inside a paragraph (Word's `w:br`: affiliations one per line, a
formula's legend) and a table cell's paragraphs: read as `LineBreak` and kept as line ends in the DOCX,
PDF and LaTeX editions (bench/unseen: conway_capnopred_title_docx's affiliations, kigitoru's
table of risks with one remedy per line; the text here is written for the test)."""

from __future__ import annotations

import io
import shutil
import subprocess

import docx
import pytest
from lxml import etree

from exporter.linker import Linked
from exporter.model import Cell, Document, LineBreak, Meta, Paragraph, Span, Table, Text, plain_text
from exporter.readers import read_document
from exporter.venue import Template
from exporter.writers import Edition
from exporter.writers import docx as docx_writer
from exporter.writers import html as html_writer
from exporter.writers import latex as latex_writer
from exporter.writers import pdf as pdf_writer

XELATEX = shutil.which("xelatex")
PDFTOTEXT = shutil.which("pdftotext")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PROSE = "Работа посвящена моделированию столкновения тел и проверке модели на опытах с установкой."


def _paper(path) -> str:
    document = docx.Document()
    document.add_paragraph().add_run("Моделирование столкновения тел").bold = True
    document.add_paragraph("А.А. Петров")
    document.add_paragraph(PROSE)
    lines = document.add_paragraph()
    lines.add_run("где m – масса тела, кг;")
    lines.add_run().add_break()
    lines.add_run("v – скорость тела, м/с.")
    lines.add_run().add_break()  # a break at the paragraph's end ends no line
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Риски"
    table.cell(0, 1).text = "- Обучить сотрудников."
    table.cell(0, 1).add_paragraph("- Нанять специалистов.")
    document.add_paragraph(PROSE)
    document.save(str(path))
    return str(path)


def test_a_line_break_and_a_cells_paragraphs_are_read_as_line_breaks(tmp_path):
    doc = read_document(_paper(tmp_path / "p.docx"))
    lines = next(b for b in doc.blocks if isinstance(b, Paragraph) and "масса" in plain_text(b.inlines))
    assert [type(n).__name__ for n in lines.inlines if not (isinstance(n, Text) and not n.text.strip())] == ["Text", "LineBreak", "Text"]
    assert plain_text(lines.inlines).split("\n") == ["где m – масса тела, кг;", "v – скорость тела, м/с. "]
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.rows[0][1].inlines == (Text("- Обучить сотрудников."), LineBreak(), Text("- Нанять специалистов."))


def test_a_break_inside_a_sentence_before_small_letters_is_a_space(tmp_path):
    """`… простой` / `в использовании …`: the author kept a preposition off the end of a line of
    their own page (bench/unseen: novozhilova_network_monitoring_report); on another page it is
    a gap in the middle of a line."""
    document = docx.Document()
    document.add_paragraph().add_run("Моделирование столкновения тел").bold = True
    document.add_paragraph("А.А. Петров")
    paragraph = document.add_paragraph()
    paragraph.add_run("Актуальна разработка простой ")
    paragraph.add_run().add_break()
    paragraph.add_run("в использовании системы, которая не требует настройки.")
    document.add_paragraph(PROSE)
    document.save(str(tmp_path / "s.docx"))
    block = next(b for b in read_document(str(tmp_path / "s.docx")).blocks if "простой" in plain_text(b.inlines))
    assert not any(isinstance(n, LineBreak) for n in block.inlines)
    assert " ".join(plain_text(block.inlines).split()) == "Актуальна разработка простой в использовании системы, которая не требует настройки."


def test_breaks_in_a_row_end_one_line_and_a_cells_paragraph_going_on_a_phrase_joins_it(tmp_path):
    document = docx.Document()
    document.add_paragraph().add_run("Моделирование столкновения тел").bold = True
    document.add_paragraph("А.А. Петров")
    paragraph = document.add_paragraph()
    paragraph.add_run("Результаты измерений.")
    for _ in range(4):  # empty lines typed to push the rest down the author's page
        paragraph.add_run().add_break()
    paragraph.add_run("Выводы по опытам.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Оценка личных"  # a header cell wrapped by hand
    table.cell(0, 0).add_paragraph("знаний")
    table.cell(0, 1).text = "79%"
    document.add_paragraph(PROSE)
    document.save(str(tmp_path / "r.docx"))
    doc = read_document(str(tmp_path / "r.docx"))
    block = next(b for b in doc.blocks if isinstance(b, Paragraph) and "Выводы" in plain_text(b.inlines))
    assert sum(isinstance(n, LineBreak) for n in block.inlines) == 1
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert " ".join(plain_text(table.rows[0][0].inlines).split()) == "Оценка личных знаний" and LineBreak() not in table.rows[0][0].inlines


def test_a_caption_under_its_picture_after_a_line_break_keeps_its_words(tmp_path):  # a guard: offsets count the break
    from PIL import Image as PILImage

    picture = tmp_path / "p.png"
    PILImage.new("RGB", (60, 40), "white").save(picture)
    document = docx.Document()
    document.add_paragraph().add_run("Моделирование столкновения тел").bold = True
    document.add_paragraph("А.А. Петров")
    document.add_paragraph(PROSE)
    paragraph = document.add_paragraph()
    paragraph.add_run().add_picture(str(picture))
    paragraph.add_run().add_break()
    paragraph.add_run("Рисунок 1 – Схема установки")
    document.add_paragraph(PROSE)
    document.save(str(tmp_path / "f.docx"))
    (figure,) = [b for b in read_document(str(tmp_path / "f.docx")).blocks if type(b).__name__ == "Figure"]
    assert plain_text(figure.caption).strip() == "Схема установки" and figure.number == "1"


def _edition() -> Edition:
    span = Span(1, 1, 1, 10)
    blocks = (
        Paragraph((Text("первая строка адреса"), LineBreak(), Text("вторая строка адреса")), span),
        Table(((Cell((Text("Риски"),)), Cell((Text("- обучить"), LineBreak(), Text("- нанять")))),), span),
    )
    return Edition(Linked(Document("b.txt", Meta(title=(Text("Заголовок"),), language="ru"), blocks), ()), Template.load("kz-conference"))


def test_the_docx_edition_breaks_the_line_where_the_source_does():
    data = docx_writer.render(_edition())
    body = etree.fromstring(_part(data, "word/document.xml"))
    texts = ["".join("\n" if e.tag == W + "br" else (e.text or "") for e in p.iter(W + "t", W + "br")).replace("\u00ad", "") for p in body.iter(W + "p")]
    assert "первая строка адреса\nвторая строка адреса" in texts
    assert "- обучить\n- нанять" in texts
    assert b"doNotExpandShiftReturn" in _part(data, "word/settings.xml")  # a line ended by hand is not stretched to the margin


def _part(data: bytes, name: str) -> bytes:
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read(name)


@pytest.mark.skipif(not PDFTOTEXT, reason="pdftotext not installed")
def test_the_pdf_edition_breaks_the_line_where_the_source_does(tmp_path):
    (tmp_path / "b.pdf").write_bytes(pdf_writer.render(_edition()))
    lines = [" ".join(line.split()) for line in subprocess.run([PDFTOTEXT, "-layout", "-enc", "UTF-8", str(tmp_path / "b.pdf"), "-"], capture_output=True, text=True, check=True).stdout.splitlines()]
    assert "первая строка адреса" in lines and "вторая строка адреса" in lines
    assert any(line.endswith("- обучить") for line in lines) and any(line.endswith("- нанять") for line in lines)


def test_the_latex_and_html_editions_break_the_line_where_the_source_does():
    tex = latex_writer.render(_edition()).decode("utf-8")
    assert "первая строка адреса\\newline{}вторая строка адреса" in tex
    assert "- обучить\\newline{}- нанять" in tex
    assert "первая строка адреса<br>вторая строка адреса" in html_writer.render(_edition()).decode("utf-8")


@pytest.mark.skipif(not (XELATEX and PDFTOTEXT), reason="xelatex/pdftotext not installed")
def test_the_latex_edition_with_line_breaks_compiles(tmp_path):  # `\\` in a cell would end its row
    (tmp_path / "b.tex").write_bytes(latex_writer.render(_edition()))
    run = subprocess.run([XELATEX, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "b.tex"], cwd=tmp_path, capture_output=True, text=True, errors="replace", timeout=300)
    assert run.returncode == 0, run.stdout[-2000:]
    lines = [" ".join(line.split()) for line in subprocess.run([PDFTOTEXT, "-layout", "-enc", "UTF-8", str(tmp_path / "b.pdf"), "-"], capture_output=True, text=True, check=True).stdout.splitlines()]
    assert "первая строка адреса" in lines and any(line.endswith("- нанять") for line in lines)
