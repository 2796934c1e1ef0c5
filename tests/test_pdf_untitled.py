"""A paper with no title and no by-line (bench/unseen: kigitoru_ai_finance opens with `1. Введение`):
the PDF edition printed its file's name as a heading over the text; the DOCX and LaTeX editions
print nothing there. The name stays the outline's first entry only."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest

from exporter.linker import Linked
from exporter.model import Document, Heading, Meta, Paragraph, Span, Text
from exporter.venue import Template
from exporter.writers import Edition
from exporter.writers import pdf as pdf_writer

PDFTOTEXT = shutil.which("pdftotext")


@pytest.mark.skipif(not PDFTOTEXT, reason="pdftotext not installed")
def test_an_untitled_paper_gets_no_title_printed_from_its_file_name(tmp_path):
    from pypdf import PdfReader

    span = Span(1, 1, 1, 10)
    blocks = (Heading(1, (Text("1. Введение"),), span), Paragraph((Text("Нейросетевые технологии стали полезными помощниками."),), span))
    document = Document("/papers/untitled_finance_paper.docx", Meta(language="ru"), blocks)
    data = pdf_writer.render(Edition(Linked(document, ()), Template.load("kz-conference")))
    (tmp_path / "u.pdf").write_bytes(data)
    text = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", str(tmp_path / "u.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "untitled_finance_paper" not in text and text.lstrip().startswith("1. Введение")
    outline = PdfReader(io.BytesIO(data)).outline
    assert outline[0].title == "untitled_finance_paper"  # the outline still has its first entry
