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
    objects = [n for n in formulas if n.media_type == "image/x-wmf"]  # the equation objects' previews
    assert len(objects) == truth["objects"]["ole_equations"] == 9
    # and its formulas (1)-(3), pasted as PNG pictures each numbered `\t(n)`, are formulas too
    assert [n.media_type for n in formulas if n not in objects] == ["image/png"] * 3


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


# ---- a formula picture on a line of its own is set as a display formula -------------------------


@pytest.fixture(scope="module")
def displayed():
    numbered = Image(drawn("PNG", (240, 56)), "image/png", width=60, height=14, name="media/image7.png", formula=True)
    alone = Image(drawn("PNG", (240, 56)), "image/png", width=60, height=14, name="media/image8.png", formula=True)
    inline = Image(drawn("PNG", (240, 56)), "image/png", width=60, height=14, name="media/image9.png", formula=True)
    blocks = (
        Paragraph((Text("Модель записывается так:"),), Span(1, 1, 1, 20)),
        Paragraph((numbered, Text("\u2003(3)")), Span(2, 1, 2, 5)),
        Paragraph((alone,), Span(3, 1, 3, 2)),
        Paragraph((Text("Здесь "), inline, Text(" – скорость (3)."),), Span(4, 1, 4, 20)),
    )
    return Edition(Linked(Document("d.docx", Meta(language="ru"), blocks), ()), Template.load("kz-conference"), stem="d")


def test_docx_sets_a_formula_picture_alone_as_an_equation_paragraph(displayed):
    xml = zipfile.ZipFile(io.BytesIO(docx_writer.render(displayed))).read("word/document.xml").decode("utf-8")
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
    with_pictures = [p for p in paragraphs if "<wp:inline" in p]
    assert len(with_pictures) == 3
    numbered, alone, inline = with_pictures
    # the Equation style's centre tab before the picture, its right tab before the number
    assert 'w:val="Equation"' in numbered and numbered.count("<w:tab/>") == 2 and numbered.index("<w:tab/>") < numbered.index("<wp:inline") < numbered.rindex("<w:tab/>") < numbered.index(">(3)<")
    assert 'w:val="Equation"' in alone and alone.count("<w:tab/>") == 1
    assert 'w:val="Equation"' not in inline and "<w:tab/>" not in inline


def test_latex_sets_a_formula_picture_alone_in_an_equation_with_its_number(displayed):
    tex = latex_writer.render(displayed).decode("utf-8")
    assert re.search(r"\\begin\{equation\}\n\\vcenter\{\\hbox\{\\includegraphics\[[^]]*\]\{d\.media/formula\d+\.png\}\}\}\\tag\{3\}\n\\end\{equation\}", tex)
    assert re.search(r"\\begin\{center\}\n\\includegraphics\[[^]]*\]\{d\.media/formula\d+\.png\}\n\\end\{center\}", tex)
    assert re.search(r"Здесь \\includegraphics\[[^]]*\]\{d\.media/formula\d+\.png\}", tex)  # in its sentence, as before


def test_pdf_centres_a_formula_picture_alone_and_sets_its_number_at_the_right_margin(displayed):
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(pdf_writer.render(displayed))
    page = pdf[0]
    width = page.get_width()
    text = page.get_textpage()
    whole = text.get_text_range()
    pictures = sorted((obj.get_bounds() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])), key=lambda b: -b[3])
    assert len(pictures) == 3
    margin_right = width - 2.0 * 72 / 2.54  # kz-conference: 2 cm margins on both sides
    middle = width / 2
    for numbered_or_alone in pictures[:2]:  # centred in the text width, within a point
        assert abs((numbered_or_alone[0] + numbered_or_alone[2]) / 2 - middle) < 1.0
    number = whole.index("(3)")
    box = text.get_charbox(number + 2)  # the closing bracket: at the right margin, on the picture's height
    assert abs(box[2] - margin_right) < 1.0
    assert pictures[0][1] - 2 < (box[1] + box[3]) / 2 < pictures[0][3] + 2
    assert pictures[2][0] < middle - 60  # the one in a sentence stays in its line


def test_a_formula_picture_of_a_pages_type_is_scaled_to_the_editions_type():
    """A formula taken from a PDF set in 10.5 pt type keeps its size against the text in a
    14 pt edition (kz-conference): 60 x 14 pt becomes 80 x 18.67 pt; a picture with no type size
    (a Word equation object's preview) keeps the source's size."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    scaled = Image(drawn("PNG", (240, 56)), "image/png", width=60, height=14, name="f1.png", formula=True, type_size=10.5)
    kept = Image(drawn("PNG", (241, 56)), "image/png", width=60, height=14, name="f2.png", formula=True)
    blocks = (Paragraph((scaled, Text("\u2003(1)")), Span(1, 1, 1, 5)), Paragraph((kept, Text("\u2003(2)")), Span(2, 1, 2, 5)))
    edition = Edition(Linked(Document("s.docx", Meta(language="ru"), blocks), ()), Template.load("kz-conference"), stem="s")
    tex = latex_writer.render(edition).decode("utf-8")
    assert re.findall(r"\\includegraphics\[width=([\d.]+)pt,height=([\d.]+)pt\]", tex) == [("80.00", "18.67"), ("60.00", "14.00")]
    xml = zipfile.ZipFile(io.BytesIO(docx_writer.render(edition))).read("word/document.xml").decode("utf-8")
    assert [(int(cx), int(cy)) for cx, cy in re.findall(r'<wp:extent cx="(\d+)" cy="(\d+)"', xml)] == [(80 * 12700, round(18.6667 * 12700)), (60 * 12700, 14 * 12700)]
    page = pdfium.PdfDocument(pdf_writer.render(edition))[0]
    boxes = sorted((obj.get_bounds() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])), key=lambda b: -b[3])
    assert [(round(b[2] - b[0], 1), round(b[3] - b[1], 1)) for b in boxes] == [(80.0, 18.7), (60.0, 14.0)]


# ---- a formula picture in the line stands as far below the baseline as the source set it --------


@pytest.fixture(scope="module")
def lowered():
    """`x_i` as MathType's preview: 13 x 19 pt, its run lowered 6 pt (Word's `w:position -12`)
    so the letter's baseline meets the text's; the same picture set on the baseline beside it."""
    down = Image(drawn("PNG", (52, 76)), "image/png", width=13, height=19, name="media/image1.png", formula=True, lowered=6.0)
    level = Image(drawn("PNG", (53, 76)), "image/png", width=13, height=19, name="media/image2.png", formula=True)
    blocks = (Paragraph((Text("где "), down, Text(" и "), level, Text(" – точки выборки.")), Span(1, 1, 1, 30)),)
    return Edition(Linked(Document("l.docx", Meta(language="ru"), blocks), ()), Template.load("kz-conference"), stem="l")


def test_docx_sets_the_lowered_pictures_run_position(lowered):
    xml = zipfile.ZipFile(io.BytesIO(docx_writer.render(lowered))).read("word/document.xml").decode("utf-8")
    runs = [r for r in re.findall(r"<w:r>.*?</w:r>|<w:r [^>]*>.*?</w:r>", xml, re.S) if "<wp:inline" in r]
    assert len(runs) == 2
    assert '<w:position w:val="-12"/>' in runs[0] and "w:position" not in runs[1]


def test_latex_lowers_the_picture_in_a_raisebox(lowered):
    tex = latex_writer.render(lowered).decode("utf-8")
    assert re.search(r"где \\raisebox\{-6\.00pt\}\{\\includegraphics\[width=13\.00pt,height=19\.00pt\]\{l\.media/formula\d+\.png\}\} и \\includegraphics", tex)


def test_pdf_sets_the_lowered_picture_6_pt_below_the_one_on_the_baseline(lowered):
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    page = pdfium.PdfDocument(pdf_writer.render(lowered))[0]
    boxes = sorted((obj.get_bounds() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])), key=lambda b: b[0])
    assert len(boxes) == 2
    (_, down_bottom, _, down_top), (_, level_bottom, _, level_top) = boxes
    assert abs((level_bottom - down_bottom) - 6.0) < 0.05 and abs((level_top - down_top) - 6.0) < 0.05
    text = page.get_textpage()
    where = text.get_text_range().index("где")
    baseline = text.get_charbox(where)[1]  # `г` has no descender: its box's foot is on the baseline
    assert abs(level_bottom - baseline) < 1.0


def test_html_lowers_the_picture_by_its_vertical_align(lowered):
    from exporter.writers import html as html_writer

    page = html_writer.render(lowered).decode("utf-8")
    styles = re.findall(r'<img class="picture" [^>]*style="([^"]*)"', page)
    assert styles == ["max-width:100%;width:17px;vertical-align:-8.0px", "max-width:100%;width:17px"]  # 13 pt, 6 pt: 4/3 px a point


@pytest.fixture(scope="module")
def joined():
    """Two formula pictures joined by a comma with their number after (`ẋ = Ax + Bu, x = [φ ω]ᵀ
    (4)`), and a picture closing its sentence with a comma: each a display of its own."""
    first, second, closing = (Image(drawn("PNG", (240 + k, 56)), "image/png", width=60, height=14, name=f"media/image{k}.png", formula=True) for k in (1, 2, 3))
    blocks = (
        Paragraph((Text("Систему приводят к виду:"),), Span(1, 1, 1, 20)),
        Paragraph((first, Text(", "), second, Text(" (4)")), Span(2, 1, 2, 5)),
        Paragraph((closing, Text(",")), Span(3, 1, 3, 2)),
        Paragraph((Text("где "), closing, Text(", – матрица.")), Span(4, 1, 4, 20)),
    )
    return Edition(Linked(Document("j.docx", Meta(language="ru"), blocks), ()), Template.load("kz-conference"), stem="j")


def test_docx_sets_pictures_joined_by_punctuation_as_one_equation_paragraph(joined):
    xml = zipfile.ZipFile(io.BytesIO(docx_writer.render(joined))).read("word/document.xml").decode("utf-8")
    with_pictures = [p for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S) if "<wp:inline" in p]
    assert len(with_pictures) == 3
    pair, closing, inline = with_pictures
    assert 'w:val="Equation"' in pair and pair.count("<wp:inline") == 2 and pair.count("<w:tab/>") == 2
    assert pair.index("<wp:inline") < pair.index(">, <") < pair.rindex("<wp:inline") < pair.rindex("<w:tab/>") < pair.index(">(4)<")
    assert 'w:val="Equation"' in closing and closing.count("<w:tab/>") == 1 and ">,<" in closing
    assert 'w:val="Equation"' not in inline


def test_latex_sets_pictures_joined_by_punctuation_in_one_equation(joined):
    tex = latex_writer.render(joined).decode("utf-8")
    assert re.search(r"\\begin\{equation\}\n\\vcenter\{\\hbox\{\\includegraphics\[[^]]*\]\{j\.media/formula\d+\.png\}, \\includegraphics\[[^]]*\]\{j\.media/formula\d+\.png\}\}\}\\tag\{4\}\n\\end\{equation\}", tex)
    assert re.search(r"\\begin\{center\}\n\\includegraphics\[[^]]*\]\{j\.media/formula\d+\.png\},\n\\end\{center\}", tex)
    assert re.search(r"где \\includegraphics\[[^]]*\]\{j\.media/formula\d+\.png\}, – матрица", tex)


def test_pdf_centres_pictures_joined_by_punctuation_and_sets_their_number_at_the_margin(joined):
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    page = pdfium.PdfDocument(pdf_writer.render(joined))[0]
    middle = page.get_width() / 2
    boxes = sorted((obj.get_bounds() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])), key=lambda b: (-b[3], b[0]))
    assert len(boxes) == 4
    (a, b), closing, inline = boxes[:2], boxes[2], boxes[3]
    assert abs(a[1] - b[1]) < 0.5 and a[2] < b[0]  # one line, in order
    assert abs(((a[0] + b[2]) / 2) - middle) < 1.0  # centred: the pair's span, within a point
    text = page.get_textpage()
    box = text.get_charbox(text.get_text_range().index("(4)") + 2)
    assert abs(box[2] - (page.get_width() - 2.0 * 72 / 2.54)) < 1.0
    assert abs((closing[0] + closing[2]) / 2 - middle) < 4.0  # with its comma after it
    assert inline[0] < middle - 60


def test_a_word_formula_preview_drawn_in_12_pt_type_is_scaled_to_a_14_pt_docx_edition():
    """An equation object's preview, a metafile the DOCX edition carries for Word to draw, drawn
    in 12 pt type at 60 x 14 pt, becomes 70 x 16.33 pt in kz-conference's 14 pt type: its
    letters keep their size against the text's (the PDF and LaTeX editions scale the converted
    drawing as they scale any picture with a type size: test above)."""
    from docx_samples import WMF_TINY

    preview = Image(WMF_TINY, "image/x-wmf", width=60, height=14, name="media/image2.wmf", formula=True, type_size=12.0)
    blocks = (Paragraph((Text("Здесь "), preview, Text(" – матрица.")), Span(1, 1, 1, 5)),)
    edition = Edition(Linked(Document("w.docx", Meta(language="ru"), blocks), ()), Template.load("kz-conference"), stem="w")
    xml = zipfile.ZipFile(io.BytesIO(docx_writer.render(edition))).read("word/document.xml").decode("utf-8")
    assert [(int(cx), int(cy)) for cx, cy in re.findall(r'<wp:extent cx="(\d+)" cy="(\d+)"', xml)] == [(70 * 12700, round(14 * 14 / 12 * 12700))]


def test_a_number_typed_between_two_formula_pictures_is_the_displays_number():
    # `eq1,            (1)            eq2.` in one centred paragraph: the author pushed the
    # number to the first line's end with spaces and Word wrapped the second formula below it.
    from exporter.writers import display_picture

    first, second = (Image(drawn("PNG", (200 + k, 40)), "image/png", width=150, height=20, formula=True) for k in (1, 2))
    nodes, number = display_picture((Text("        "), first, Text(",            (1)              "), second, Text(".")))
    assert number == "1"
    assert [type(n).__name__ for n in nodes] == ["Image", "Text", "Image", "Text"]
    assert "(1)" not in "".join(n.text for n in nodes if isinstance(n, Text))
    # two numbers between pictures, or words, are no display of one formula
    assert display_picture((first, Text(" (1) "), second, Text(" (2) "), first)) is None
    assert display_picture((first, Text(" и (1) "), second)) is None
