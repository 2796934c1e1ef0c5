"""Where the PDF edition puts what stands inside a line, beside the text.

A picture inside a paragraph's line (an equation object's preview, `![](x.png) (1)`) taller
than the text: the PDF edition gives its line the room it needs, so it covers neither the
paragraph before nor the one after (found by looking at ru_dimitrov_balancing_robot's formulas,
which rose over the line above them).

Subscripts and superscripts at TeX's and Word's places: reportlab's own lowered a subscript by
half the font size, below the line and into a table's rule (the same paper's table of symbols)."""

from __future__ import annotations

import io

import pytest

from exporter.pipeline import read_and_link
from exporter.venue import Template
from exporter.writers import Edition, pdf

BEFORE = "First paragraph long enough to fill two lines of the page, so that its last line ends just above the picture that follows it here."
AFTER = "Third paragraph, whose first line stands right below the picture."


def _picture(width_px: int, height_px: int) -> bytes:
    from PIL import Image as PILImage

    out = io.BytesIO()
    PILImage.new("RGB", (width_px, height_px), (200, 40, 40)).save(out, "PNG", dpi=(144, 144))
    return out.getvalue()


def _boxes(data: bytes):
    """(picture bounds, {char index: box}, the page's text) of the first page, in PDF points (y up)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    page = pdfium.PdfDocument(data)[0]
    pictures = [obj.get_bounds() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]
    text = page.get_textpage()
    chars = "".join(text.get_text_range(i, 1) for i in range(text.count_chars()))
    return pictures, [text.get_charbox(i) for i in range(text.count_chars())], chars


@pytest.mark.parametrize("total_fit", [True, False])  # our line breaker, or reportlab's (another reportlab)
@pytest.mark.parametrize("height_px", [70, 140])  # 35 pt and 70 pt tall, the text is 12 pt
def test_a_tall_picture_in_a_line_covers_no_text(tmp_path, monkeypatch, height_px, total_fit):
    from exporter.typography import pdf as typeset

    monkeypatch.setattr(typeset, "TOTAL_FIT", total_fit)
    (tmp_path / "eq.png").write_bytes(_picture(658, height_px))
    paper = tmp_path / "paper.md"
    paper.write_text(f"# Title\n\n{BEFORE}\n\n![](eq.png) (1)\n\n{AFTER}\n", encoding="utf-8")
    data = pdf.render(Edition(read_and_link(str(paper)), Template.load("article")))
    pictures, boxes, chars = _boxes(data)
    assert len(pictures) == 1
    left, bottom, right, top = pictures[0]
    assert abs((top - bottom) - height_px / 2) < 0.5  # drawn at its size: 144 dpi is 2 px a point
    before = [boxes[i] for i in range(chars.find("First"), chars.find("here.") + 5) if chars[i].strip()]
    after = [boxes[i] for i in range(chars.find("Third"), chars.find("Third") + 5)]
    number = [boxes[i] for i in range(chars.find("(1)"), chars.find("(1)") + 3)]
    assert before and after and len(number) == 3
    assert top <= min(box[1] for box in before) + 0.5, "the picture rises over the paragraph before it"
    assert bottom >= max(box[3] for box in after) - 0.5, "the paragraph after it runs into the picture"
    assert all(bottom - 3 <= box[1] and box[3] <= top for box in number)  # `(1)` stands on the picture's line (its parenthesis a little below)


def _char_boxes(data: bytes):
    """[(character, font size, (left, bottom, right, top))] of the first page."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    text = pdfium.PdfDocument(data)[0].get_textpage()
    return [(text.get_text_range(i, 1), pdfium_c.FPDFText_GetFontSize(text.raw, i), text.get_charbox(i)) for i in range(text.count_chars())]


def test_subscripts_and_superscripts_stay_near_the_line_and_out_of_the_table_rules(tmp_path):
    from exporter.linker import Linked
    from exporter.model import Cell, Document, Meta, Paragraph, Span, Subscript, Superscript, Table, Text

    span = Span(1, 1, 0, 1)
    u_a = (Text("U"), Subscript((Text("a"),)))
    blocks = (
        Paragraph((*u_a, Text(" = 9,8 м/с"), Superscript((Text("2"),)), Text(" в строке.")), span),
        Table(((Cell((Text("P"),)), Cell((Text("V"),))), (Cell((Text("H"), Subscript((Text("x"),)))), Cell((Text("1"),)))), span, header_rows=1),
    )
    document = Document("s.docx", Meta(title=(Text("T"),), language="ru"), blocks)
    data = pdf.render(Edition(Linked(document, ()), Template.load("kz-conference")))
    chars = _char_boxes(data)
    text = "".join(c for c, _, _ in chars)
    at = text.find("Ua")
    (_, size, base), (_, sub_size, sub) = chars[at], chars[at + 1]
    assert 0.6 <= sub_size / size <= 0.75  # TeX: 7 pt beside 10 pt
    # U and a sit on their baselines (neither has a descender): the subscript's is lowered by
    # 0.1-0.2 of the size (TeX 0.15 em), not reportlab's 0.5
    assert 0.1 * size <= base[1] - sub[1] <= 0.2 * size
    two = text.find("с2") + 1
    assert 0.25 * size <= chars[two][2][1] - base[1] <= 0.45 * size  # raised about a third (Word 33 %, TeX 0.36-0.41 em)
    # in the table the subscript stays inside its row: above the rule under the cell
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    page = pdfium.PdfDocument(data)[0]
    rules = sorted({round(b[1], 1) for b in (o.get_bounds() for o in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH])) if b[3] - b[1] < 2})
    x = chars[text.find("Hx") + 1][2]
    assert rules and all(not (x[1] - 0.3 <= rule <= x[3]) for rule in rules), (x, rules)
