"""An Equation 3.0 / MathType object reaches the editions as its preview picture marked as a
formula: `Image.formula` from the DOCX reader, `Formula N` in the DOCX edition, `formulaN` beside
the .tex, `/Formula` marked content in the PDF."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from exporter.linker import Linked
from exporter.model import Document, Image, Meta, Paragraph, Span, Text, walk
from exporter.venue import Template
from exporter.writers import Edition
from exporter.writers import docx as docx_writer
from exporter.writers import latex as latex_writer
from exporter.writers import pdf as pdf_writer
from media_samples import drawn

CORPUS = Path("/work/shared/corpus/docx")
DIMITROV = CORPUS / "ru_dimitrov_balancing_robot.docx"


@pytest.mark.skipif(not DIMITROV.is_file(), reason="the development corpus is not here")
def test_the_docx_reader_marks_each_equation_objects_picture_as_a_formula():
    from exporter.readers import read_document

    truth = json.loads(DIMITROV.with_suffix("").with_suffix(".truth.json").read_text(encoding="utf-8"))
    doc = read_document(str(DIMITROV))
    formulas = [n for n in walk(doc.blocks) if isinstance(n, Image) and n.formula]
    assert len(formulas) == truth["objects"]["ole_equations"] == 9
    assert all(n.media_type == "image/x-wmf" for n in formulas)


@pytest.fixture(scope="module")
def edition():
    formula = Image(drawn("PNG"), "image/png", width=60, height=14, name="media/image5.png", formula=True)
    figure_like = Image(drawn("PNG", (120, 80)), "image/png", width=60, height=14, name="media/image6.png", alt="icon")
    blocks = (Paragraph((Text("Сила "), formula, Text(" и значок "), figure_like, Text(".")), Span(1, 1, 1, 20)),)
    return Edition(Linked(Document("f.docx", Meta(language="ru"), blocks), ()), Template.load("kz-conference"), stem="f")


def test_docx_edition_names_the_picture_a_formula(edition):
    xml = zipfile.ZipFile(io.BytesIO(docx_writer.render(edition))).read("word/document.xml").decode("utf-8")
    names = re.findall(r'<wp:docPr id="\d+" name="([^"]+)" descr="([^"]*)"', xml)
    assert [(n.split()[0], d) for n, d in names] == [("Formula", "formula"), ("Picture", "icon")]


def test_latex_edition_files_the_picture_as_a_formula(edition):
    files = latex_writer.companions(edition)["f.media"]
    assert sorted(files) == ["formula1.png", "picture2.png"]
    assert "\\includegraphics" in latex_writer.render(edition).decode("utf-8")


def test_pdf_edition_marks_the_picture_as_a_formula(edition):
    from pypdf import PdfReader

    stream = PdfReader(io.BytesIO(pdf_writer.render(edition))).pages[0].get_contents().get_data().decode("latin-1")
    alts = [bytes.fromhex(a).decode("utf-16-be").lstrip("\ufeff") for a in re.findall(r"/Formula <</Alt <([0-9A-F]*)>>> BDC", stream)]
    assert alts == ["formula"]
