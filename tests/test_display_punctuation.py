"""The punctuation that closes a sentence right after a display formula (`E = mc², (4)` then
`где m – масса`) is set with the formula, inside it, as TeX and Word set it: it made a line of
its own (`\\noindent ,` in the LaTeX edition, a lone `,` line in the PDF)."""

from __future__ import annotations

import io
import re
import zipfile

import pypdfium2 as pdfium

from exporter.linker import Linked
from exporter.model import Document, Math, Meta, Paragraph, Span, Text
from exporter.venue import Template
from exporter.writers import Display, Edition, split_display_math
from exporter.writers import docx as docx_writer
from exporter.writers import latex as latex_writer
from exporter.writers import pdf as pdf_writer

NUMBERED = Math("E=mc^{2}", display=True, number="4", label="eq:4")
PLAIN = Math("a=b", display=True)


def edition():
    blocks = (
        Paragraph((Text("Имеем"),), Span(1, 1, 1, 6)),
        Paragraph((NUMBERED, Text(", где m – масса.")), Span(2, 1, 2, 20)),
        Paragraph((PLAIN, Text(".")), Span(3, 1, 3, 3)),
    )
    return Edition(Linked(Document("j.docx", Meta(language="ru"), blocks), ()), Template.load("kz-conference"), stem="j")


def test_the_display_takes_the_punctuation_after_it_and_the_words_go_on_below():
    assert split_display_math((NUMBERED, Text(", где m – масса."))) == [Display(NUMBERED, ","), (Text("где m – масса."),)]
    assert split_display_math((PLAIN, Text(" ."))) == [Display(PLAIN, ".")]
    assert split_display_math((PLAIN, Text(" и далее"))) == [Display(PLAIN, ""), (Text(" и далее"),)]


def test_latex_sets_the_comma_inside_the_equation():
    tex = latex_writer.render(edition()).decode("utf-8")
    assert re.search(r"E=mc\^\{2\},\\tag\{4\}", tex) and "\\[\na=b.\n\\]" in tex
    assert "\\noindent ," not in tex and "\\noindent где m" in tex


def test_pdf_sets_no_line_of_punctuation_alone():
    page = pdfium.PdfDocument(pdf_writer.render(edition()))[0]
    lines = [line.strip() for line in page.get_textpage().get_text_range().splitlines() if line.strip()]
    assert not [line for line in lines if re.fullmatch(r"[,.;:]+", line)]
    assert "где m – масса." in lines


def test_docx_sets_the_punctuation_as_the_formulas_last_run():
    xml = zipfile.ZipFile(io.BytesIO(docx_writer.render(edition()))).read("word/document.xml").decode("utf-8")
    formulas = re.findall(r"<m:oMath>.*?</m:oMath>", xml, re.S)
    assert len(formulas) == 2
    assert formulas[0].endswith("<m:r><m:t>,</m:t></m:r></m:oMath>") and formulas[1].endswith("<m:r><m:t>.</m:t></m:r></m:oMath>")


def test_a_words_display_formula_is_an_equation_paragraph_in_the_docx_edition():
    """A display formula read from Word keeps its own `m:oMath`; set alone in the edition's
    paragraph it stood at the line's start (the Equation style is left-aligned for its tabs):
    it is wrapped in `m:oMathPara`, which Word and LibreOffice centre."""
    omml = '<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>a=b</m:t></m:r></m:oMath>'
    blocks = (Paragraph((Math("a=b", display=True, omml=omml),), Span(1, 1, 1, 3)),)
    edition = Edition(Linked(Document("w.docx", Meta(language="ru"), blocks), ()), Template.load("kz-conference"), stem="w")
    xml = zipfile.ZipFile(io.BytesIO(docx_writer.render(edition))).read("word/document.xml").decode("utf-8")
    assert re.search(r"<m:oMathPara>\s*<m:oMath[ >].*?a=b.*?</m:oMath>\s*</m:oMathPara>", xml, re.S)
