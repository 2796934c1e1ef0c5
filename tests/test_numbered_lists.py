"""A numbered list keeps the author's numbers in every edition: read as each item's label (from
Word's numbering or Markdown's `1.`/`1)`), printed in place of the bullet (`1. Text`, never
`– 1. Text` nor an unnumbered dash list). The papers are invented."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn

from exporter.linker import link
from exporter.model import BulletList
from exporter.readers.docx import read as read_docx
from exporter.readers.markdown import read as read_markdown
from exporter.venue import Template
from exporter.writers import Edition
from exporter.writers import docx as docx_writer
from exporter.writers import html as html_writer
from exporter.writers import latex as latex_writer
from exporter.writers import pdf as pdf_writer

MARKDOWN = """\
# Введение

Свойства ресурсов:

1. Ограниченность мощностей.
2. Неравномерность спроса.

Прочее:

- первый пункт;
- второй пункт.

9) девятый;
10) десятый.
"""


def lists(doc) -> list[BulletList]:
    return [b for b in doc.blocks if isinstance(b, BulletList)]


@pytest.fixture(scope="module")
def markdown_doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("md") / "lists.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    return read_markdown(str(path))


def test_markdown_numbers_are_the_items_labels(markdown_doc):
    numbered, bullets, tens = lists(markdown_doc)
    assert [(i.label, i.inlines[0].text) for i in numbered.items] == [("1.", "Ограниченность мощностей."), ("2.", "Неравномерность спроса.")]
    assert [i.label for i in bullets.items] == ["", ""]
    assert [i.label for i in tens.items] == ["9)", "10)"]


def test_word_numbering_is_the_label_not_text(tmp_path):
    d = docx.Document()
    d.add_paragraph("Введение")
    d.add_paragraph("Ограниченность мощностей.", style="List Number")
    d.add_paragraph("Неравномерность спроса.", style="List Number")
    d.add_paragraph("Конец.")
    path = tmp_path / "lists.docx"
    d.save(path)
    (numbered,) = lists(read_docx(str(path)))
    assert [i.label for i in numbered.items] == ["1.", "2."]
    assert [i.inlines[0].text for i in numbered.items] == ["Ограниченность мощностей.", "Неравномерность спроса."]


@pytest.fixture(scope="module")
def edition(markdown_doc):
    return Edition(link(markdown_doc), Template.load("kz-conference"))


def test_latex_prints_the_numbers_as_item_labels(edition):
    tex = latex_writer.render(edition).decode()
    assert "\\item[{1.}] Ограниченность мощностей." in tex and "\\item[{10)}] десятый." in tex
    assert "\\item первый пункт;" in tex  # a bullet list keeps the venue's dash


def test_docx_prints_the_number_with_no_bullet(edition):
    document = docx.Document(io.BytesIO(docx_writer.render(edition)))
    paragraphs = {p.text: p for p in document.paragraphs}
    numbered = paragraphs["1.\tОграниченность мощностей."]
    num_id = numbered._p.pPr.find(qn("w:numPr")).find(qn("w:numId"))
    assert num_id.get(qn("w:val")) == "0"  # the style's dash switched off
    assert "первый пункт;" in paragraphs and paragraphs["первый пункт;"]._p.pPr.find(qn("w:numPr")) is None  # the style's numbering: the dash


def test_html_shows_the_numbers(edition):
    page = html_writer.render(edition).decode()
    assert '<span class="list-label">1.</span> Ограниченность' in page


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is not installed")
def test_pdf_prints_the_number_in_place_of_the_dash(edition, tmp_path):
    path = tmp_path / "lists.pdf"
    path.write_bytes(pdf_writer.render(edition))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^\s*1\.\s+Ограниченность мощностей\.", text, re.M) and re.search(r"^\s*10\)\s+десятый\.", text, re.M)
    assert "–" not in text.split("Прочее")[0]
    assert re.search(r"^\s*–\s+первый пункт;", text, re.M)


def test_a_number_too_long_for_the_room_is_set_before_the_text(tmp_path):
    # `1234567.` would need 5 cm of room: printed before the item's words in every edition,
    # never over them (LaTeX's label box would overlap the text)
    path = tmp_path / "long.md"
    path.write_text("Текст.\n\n1234567. первый;\n1234568. второй.\n", encoding="utf-8")
    long = Edition(link(read_markdown(str(path))), Template.load("kz-conference"))
    tex = latex_writer.render(long).decode()
    assert "\\item[] {1234567.} первый;" in tex and "leftmargin=1.75cm" in tex  # the dash list's room
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(pdf_writer.render(long))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert re.search(r"1234567\. первый;", text)
