"""The DOCX reader's pictures, formulas, merged cells, captions and cross-references: small
documents made for each rule, and the counts issue 15 asks for on the real corpus."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Emu

from docx_samples import (
    M_NS, PNG_1PX, R_NS, W_NS, WMF_TINY, add_media, add_ole, append_xml, equation_object, field, save, vml_picture,
)
from exporter.model import Citation, CrossRef, Figure, Heading, Image, Math, Paragraph, Table, plain_text, walk
from exporter.pipeline import read_and_link
from exporter.readers import read_document
from exporter.readers.docx.media import media_type

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "docx"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus/docx")
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the development corpus is not on this machine")


def parse_run(text: str):
    from docx.oxml import parse_xml

    return parse_xml(f'<w:r xmlns:w="{W_NS}"><w:t>{text}</w:t></w:r>')


def paper():
    """A document with a title and a first body sentence, so what a test adds is body."""
    d = docx.Document()
    d.add_heading("Заголовок статьи о схемах", level=0)
    d.add_paragraph("Первое предложение основного текста статьи.")
    return d


def blocks(d, tmp_path, name="m.docx"):
    return read_document(str(save(d, tmp_path / name))).blocks[1:]  # after the first sentence


def picture_paragraph(d, width_pt: float = 100, alt: str = ""):
    p = d.add_paragraph()
    p.add_run().add_picture(io.BytesIO(PNG_1PX), width=Emu(int(width_pt * 12700)))
    if alt:
        p._p.xpath(".//wp:docPr")[0].set("descr", alt)
    return p


# ---- pictures ------------------------------------------------------------------------------


def test_picture_alone_is_a_figure_with_the_caption_below(tmp_path):
    d = paper()
    d.add_paragraph("Схема показана ниже.")
    picture_paragraph(d, 100, alt="схема")
    d.add_paragraph("Рисунок 1 – Схема установки")
    fig = next(b for b in blocks(d, tmp_path) if isinstance(b, Figure))
    [image] = fig.images
    assert (image.data, image.media_type, image.width, image.height, image.alt) == (PNG_1PX, "image/png", 100.0, 100.0, "схема")
    assert image.name.startswith("word/media/")
    assert (fig.number, fig.label, fig.kind) == ("1", "fig:1", "figure")
    assert [getattr(n, "text", None) for n in fig.caption] == ["Схема установки"]


def test_caption_above_a_figure_binds_too_and_a_sentence_starting_with_a_label_does_not(tmp_path):
    d = paper()
    d.add_paragraph("Рис. 1. График функции.")  # a caption above (the corpus has such papers)
    picture_paragraph(d)
    d.add_paragraph("Рисунок 2 иллюстрирует движение.")  # a sentence: no separator after the number
    picture_paragraph(d)
    d.add_paragraph("Рисунок 2 – Движение")
    out = blocks(d, tmp_path)
    figures = [b for b in out if isinstance(b, Figure)]
    assert [(f.number, f.caption[0].text) for f in figures] == [("1", "График функции."), ("2", "Движение")]
    assert any(isinstance(b, Paragraph) and plain_text(b.inlines).startswith("Рисунок 2 иллюстрирует") for b in out)


def test_weak_caption_binds_only_beside_an_uncaptioned_figure(tmp_path):
    """`Рис. 1 Схема` (no separator) is a caption when it stands beside a figure with none."""
    d = paper()
    picture_paragraph(d)
    d.add_paragraph("Рис. 1 Схема архитектуры")
    [fig] = [b for b in blocks(d, tmp_path) if isinstance(b, Figure)]
    assert (fig.number, fig.caption[0].text) == ("1", "Схема архитектуры")


def test_weak_caption_pulls_out_the_pictures_that_end_the_paragraph_above(tmp_path):
    """`… (рис. 2).` then two pictures separated by tabs in the same paragraph, then `Рис. 2
    Слева …, справа …` (no separator after the number): the pictures are the figure (an
    unseen thesis lost its figure 7 and reported `figure 8 follows figure 6`)."""
    d = paper()
    p = d.add_paragraph("Удаление строк даёт тот же эффект (рис. 2).")
    p.add_run().add_picture(io.BytesIO(PNG_1PX), width=Emu(12700 * 75))
    p.add_run("\t\t")
    p.add_run().add_picture(io.BytesIO(PNG_1PX), width=Emu(12700 * 75))
    d.add_paragraph("Рис. 2 Слева восстановленный знак, справа исходный")
    out = blocks(d, tmp_path)
    assert isinstance(out[0], Paragraph) and plain_text(out[0].inlines).strip() == "Удаление строк даёт тот же эффект (рис. 2)."
    assert isinstance(out[1], Figure) and (out[1].number, len(out[1].images)) == ("2", 2)
    assert plain_text(out[1].caption) == "Слева восстановленный знак, справа исходный"


def test_a_sentence_starting_with_a_label_leaves_a_picture_inside_the_text_above(tmp_path):  # a guard
    d = paper()
    p = d.add_paragraph("Иконка ")
    p.add_run().add_picture(io.BytesIO(PNG_1PX), width=Emu(127000))
    p.add_run(" стоит в тексте.")
    d.add_paragraph("Рисунок 2 иллюстрирует движение.")
    out = blocks(d, tmp_path)
    assert not any(isinstance(b, Figure) for b in out)


def test_picture_inside_text_is_an_inline_image_and_a_caption_pulls_it_out(tmp_path):
    d = paper()
    p = d.add_paragraph("Иконка ")
    p.add_run().add_picture(io.BytesIO(PNG_1PX), width=Emu(127000))
    p.add_run(" в тексте.")
    q = d.add_paragraph("Окно регистрации показано на рисунке.")
    q.add_run().add_picture(io.BytesIO(PNG_1PX), width=Emu(12700 * 200))
    d.add_paragraph("Fig. 1. Registration window")
    out = blocks(d, tmp_path)
    assert isinstance(out[0], Paragraph) and any(isinstance(n, Image) and n.width == 10.0 for n in out[0].inlines)
    assert isinstance(out[1], Paragraph) and not any(isinstance(n, Image) for n in out[1].inlines)
    assert isinstance(out[2], Figure) and out[2].images[0].width == 200.0 and out[2].caption[0].text == "Registration window"
    assert len(out) == 3


def test_vml_picture_and_its_size_in_other_units(tmp_path):
    d = paper()
    rid = add_media(d, "image9.png", "image/png", PNG_1PX)
    append_xml(d.add_paragraph(), vml_picture(rid, "width:1in;height:2.54cm", alt="a plot"))
    d.add_paragraph("Figure 3: A plot")
    [fig] = [b for b in blocks(d, tmp_path) if isinstance(b, Figure)]
    assert (fig.images[0].width, fig.images[0].height, fig.images[0].alt, fig.number) == (72.0, 72.0, "a plot", "3")


def test_a_picture_alone_with_an_equation_number_is_a_formula_not_a_figure(tmp_path):
    """ru_dimitrov_balancing_robot's formulas (1)–(3) are pictures followed by `\t(1)`."""
    d = paper()
    rid = add_media(d, "image3.png", "image/png", PNG_1PX)
    append_xml(d.add_paragraph(), vml_picture(rid) + "<w:r><w:tab/><w:t>(1)</w:t></w:r>")
    [para] = blocks(d, tmp_path)
    assert isinstance(para, Paragraph) and isinstance(para.inlines[0], Image) and para.inlines[-1].text.endswith("(1)")
    assert para.inlines[0].formula  # marked a formula: the editions centre it and set its number at the margin


def test_equation_object_is_its_preview_inline_at_its_size_and_one_character(tmp_path):
    """Equation 3.0 / MathType: the WMF preview, as an inline picture; like a formula it takes
    one character, so the citation after it keeps Word's column."""
    d = paper()
    p = d.add_paragraph("Здесь ")
    append_xml(p, equation_object(add_media(d, "image2.wmf", "image/x-wmf", WMF_TINY), add_ole(d, "oleObject1.bin")))
    append_xml(p, '<w:r><w:t xml:space="preserve"> – матрица [1].</w:t></w:r>')
    [para] = blocks(d, tmp_path)
    [image] = [n for n in para.inlines if isinstance(n, Image)]
    assert (image.media_type, image.width, image.height) == ("image/x-wmf", 60.75, 14.25)
    [cite] = [n for n in para.inlines if isinstance(n, Citation)]
    assert cite.span.column == len("Здесь ") + 1 + len(" – матрица ") + 1
    assert "⟨formula⟩" not in json.dumps([getattr(n, "text", "") for n in para.inlines], ensure_ascii=False)


def test_an_equation_objects_run_position_lowers_its_preview_and_a_plain_run_leaves_it_on_the_baseline(tmp_path):
    """MathType sets `w:position` (half-points, up when positive) on its object's run so the
    preview's baseline meets the text's: `-12` is 6 pt below; a run without one is on the
    baseline, and a raised run (`6`) stands 3 pt above."""
    d = paper()
    p = d.add_paragraph("Здесь ")
    lowered = equation_object(add_media(d, "image2.wmf", "image/x-wmf", WMF_TINY), add_ole(d, "oleObject1.bin"))
    append_xml(p, lowered.replace("<w:r>", '<w:r><w:rPr><w:position w:val="-12"/></w:rPr>', 1))
    append_xml(p, equation_object(add_media(d, "image3.wmf", "image/x-wmf", WMF_TINY), add_ole(d, "oleObject2.bin")))
    raised = vml_picture(add_media(d, "image4.png", "image/png", PNG_1PX))
    append_xml(p, raised.replace("<w:r>", '<w:r><w:rPr><w:position w:val="6"/></w:rPr>', 1))
    [para] = blocks(d, tmp_path)
    assert [n.lowered for n in para.inlines if isinstance(n, Image)] == [6.0, 0.0, -3.0]


def test_an_equation_objects_preview_carries_the_type_size_it_was_drawn_in(tmp_path):
    """MathType draws its preview in the text's type: the run's own size when it sets one
    (`w:sz 28`: 14 pt), else the paragraph style's (Normal at 12 pt here); the editions scale
    the picture from it to their own body type."""
    from docx.shared import Pt

    d = paper()
    d.styles["Normal"].font.size = Pt(12)
    p = d.add_paragraph("Здесь ")
    eq = equation_object(add_media(d, "image2.wmf", "image/x-wmf", WMF_TINY), add_ole(d, "oleObject1.bin"))
    append_xml(p, eq)
    append_xml(p, equation_object(add_media(d, "image3.wmf", "image/x-wmf", WMF_TINY), add_ole(d, "oleObject2.bin")).replace("<w:r>", '<w:r><w:rPr><w:sz w:val="28"/></w:rPr>', 1))
    append_xml(p, vml_picture(add_media(d, "image4.png", "image/png", PNG_1PX)))
    [para] = blocks(d, tmp_path)
    assert [n.type_size for n in para.inlines if isinstance(n, Image)] == [12.0, 14.0, None]  # a plain picture is no text


def test_alternate_content_takes_the_fallback_picture_of_a_shape_and_notes_a_chart_without_one(tmp_path):
    d = paper()
    rid = add_media(d, "image5.png", "image/png", PNG_1PX)
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    wps = '<w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="12700" cy="12700"/><wp:docPr id="1" name="s"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"/></a:graphic></wp:inline></w:drawing>'
    append_xml(d.add_paragraph(), f'<w:r><mc:AlternateContent xmlns:mc="{mc}"><mc:Choice Requires="wps">{wps}</mc:Choice><mc:Fallback>{vml_picture(rid)[5:-6]}</mc:Fallback></mc:AlternateContent></w:r>')
    chart = wps.replace("word/2010/wordprocessingShape", "drawingml/2006/chart")
    append_xml(d.add_paragraph("A chart follows."), f"<w:r>{chart}</w:r>")
    doc = read_document(str(save(d, tmp_path / "ac.docx")))
    [fig] = [b for b in doc.blocks if isinstance(b, Figure)]
    assert (fig.images[0].data, fig.images[0].width) == (PNG_1PX, 72.0)
    assert [(n.code, n.paragraph) for n in doc.notes] == [("DOC001", 3)]
    assert "chart holds no picture" in doc.notes[0].message


MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _text_box_shape(inner: str) -> str:
    """A DrawingML text box (wps) holding `inner` paragraphs, as Word 2010+ writes one."""
    return (
        '<w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0" '
        'simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:align>center</wp:align></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2540000" cy="635000"/><wp:wrapTopAndBottom/><wp:docPr id="7" name="Text Box 7"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:cNvSpPr txBox="1"/><wps:spPr/>'
        f'<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
    )


def _vml_text_box(inner: str) -> str:
    return f'<w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:200pt;height:50pt"><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict>'


def test_a_caption_in_a_text_box_is_read_once_and_binds_to_its_figure(tmp_path):
    # Word writes a text box twice (DrawingML in mc:Choice, VML in mc:Fallback): its paragraphs are
    # read once, after the paragraph it is anchored in, and the box itself is no "drawing with
    # nothing to show"; the caption binds to the picture above (pandoc's image_with_textbox_caption)
    d = paper()
    picture_paragraph(d, 100)
    caption = "<w:p><w:r><w:t>Рисунок 1 – Схема в надписи</w:t></w:r></w:p>"
    box = f'<w:r><mc:AlternateContent xmlns:mc="{MC_NS}"><mc:Choice Requires="wps">{_text_box_shape(caption)}</mc:Choice><mc:Fallback>{_vml_text_box(caption)}</mc:Fallback></mc:AlternateContent></w:r>'
    append_xml(d.add_paragraph(), box)
    d.add_paragraph("Текст после рисунка.")
    doc = read_document(str(save(d, tmp_path / "box.docx")))
    [fig] = [b for b in doc.blocks if isinstance(b, Figure)]
    assert plain_text(fig.caption) == "Схема в надписи" and fig.number == "1"  # the label is the edition's to print
    assert sum("Схема в надписи" in plain_text(getattr(b, "inlines", ())) for b in doc.blocks) == 0  # not also a paragraph
    assert not doc.notes


def test_a_picture_inside_a_text_box_is_a_figure(tmp_path):
    # a VML text box holding a DrawingML picture (pandoc's textbox_image): the picture is found
    # once, through the box's paragraph
    d = paper()
    d.add_paragraph("Рисунок ниже.")
    holder = picture_paragraph(d, 100)
    picture_run = holder._p.xpath("./w:r")[0]
    holder._p.remove(picture_run)
    from lxml import etree

    inner = "<w:p>" + etree.tostring(picture_run, encoding="unicode") + "</w:p>"
    append_xml(holder, f"<w:r>{_vml_text_box(inner)}</w:r>")
    d.add_paragraph("Рисунок выше.")
    doc = read_document(str(save(d, tmp_path / "boxpic.docx")))
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert len(figures) == 1 and figures[0].images[0].data == PNG_1PX
    texts = [plain_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts.index("Рисунок ниже.") < texts.index("Рисунок выше.")
    assert doc.blocks.index(figures[0]) == doc.blocks.index(next(b for b in doc.blocks if isinstance(b, Paragraph) and plain_text(b.inlines) == "Рисунок ниже.")) + 1


def test_a_picture_above_the_title_is_kept(tmp_path):
    # a picture before the first line of text (a logo or a figure above the title) reaches the
    # editions as the first block of the body, never dropped unsaid
    d = docx.Document()
    picture_paragraph(d, 80)
    d.add_heading("Заголовок статьи о схемах", level=0)
    d.add_paragraph("Первое предложение основного текста статьи.")
    doc = read_document(str(save(d, tmp_path / "logo.docx")))
    assert plain_text(doc.meta.title) == "Заголовок статьи о схемах"
    assert sum(isinstance(b, Figure) for b in doc.blocks) == 1


def test_doc001_only_for_what_cannot_be_shown(tmp_path):
    d = paper()
    picture_paragraph(d)
    linked = picture_paragraph(d)
    blip = linked._p.xpath(".//a:blip")[0]
    blip.set(f"{{{R_NS}}}link", blip.get(f"{{{R_NS}}}embed"))
    del blip.attrib[f"{{{R_NS}}}embed"]
    doc = read_document(str(save(d, tmp_path / "l.docx")))
    assert [(n.code, n.paragraph) for n in doc.notes] == [("DOC001", 2)]  # the linked one; the embedded one is read
    assert "linked from outside the document" in doc.notes[0].message
    assert sum(isinstance(b, Figure) for b in doc.blocks) == 1


def test_svg_original_is_preferred_to_its_png_rendering(tmp_path):
    d = paper()
    p = picture_paragraph(d)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    rid = add_media(d, "image7.svg", "image/svg+xml", svg)
    blip = p._p.xpath(".//a:blip")[0]
    ext = f'<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:ext uri="{{96DAC541-7B7A-43D3-8B79-37D633B846F1}}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" xmlns:r="{R_NS}" r:embed="{rid}"/></a:ext></a:extLst>'
    from docx.oxml import parse_xml

    blip.append(parse_xml(ext))
    [fig] = [b for b in blocks(d, tmp_path) if isinstance(b, Figure)]
    assert (fig.images[0].media_type, fig.images[0].data) == ("image/svg+xml", svg)


def test_media_type_comes_from_the_bytes_first():
    assert media_type(PNG_1PX, "x.jpeg", "image/jpeg") == "image/png"
    assert media_type(WMF_TINY, "image1.wmf") == "image/x-wmf"
    emf = b"\x01\x00\x00\x00" + b"\0" * 36 + b" EMF" + b"\0" * 40
    assert media_type(emf, "image1.bin") == "image/x-emf"
    assert media_type(b"\xff\xd8\xff\xe0", "a") == "image/jpeg"
    assert media_type(b"????", "image3.tif") == "image/tiff"


# ---- formulas --------------------------------------------------------------------------------


def omml(text: str) -> str:
    return f'<m:oMath xmlns:m="{M_NS}"><m:r><m:t>{text}</m:t></m:r></m:oMath>'


def test_formula_alone_with_its_number_is_display_math_numbered(tmp_path):
    d = paper()
    p = d.add_paragraph()
    append_xml(p, f'<w:r><w:tab/></w:r>{omml("E=mc²")}<w:r><w:t>,</w:t></w:r><w:r><w:tab/><w:t>(4)</w:t></w:r>')
    q = d.add_paragraph("Inline ")
    append_xml(q, omml("x") + '<w:r><w:t xml:space="preserve"> here.</w:t></w:r>')
    out = blocks(d, tmp_path)
    [m] = [n for n in out[0].inlines if isinstance(n, Math)]
    assert (m.tex, m.display, m.number, m.label) == ("E=mc^{2}", True, "4", "eq:4")
    assert m.omml.startswith("<m:oMath") and "E=mc²" in m.omml
    assert [n.text for n in out[0].inlines if not isinstance(n, Math)] == [","]  # the number is on the formula now
    [inline] = [n for n in out[1].inlines if isinstance(n, Math)]
    assert (inline.display, inline.number) == (False, None)


def test_math_para_is_display_and_a_number_paragraph_after_it_numbers_it(tmp_path):
    d = paper()
    append_xml(d.add_paragraph(), f'<m:oMathPara xmlns:m="{M_NS}">{omml("x=1")}</m:oMathPara>')
    p = d.add_paragraph()
    append_xml(p, '<w:bookmarkStart w:id="0" w:name="_Ref1"/><w:r><w:t>(</w:t></w:r>' + field(" SEQ Формула \\* ARABIC ", "7") + '<w:r><w:t>)</w:t></w:r><w:bookmarkEnd w:id="0"/>')
    s = d.add_paragraph("See ")
    append_xml(s, field(" REF _Ref1 \\h ", "(7)") + '<w:r><w:t>.</w:t></w:r>')
    out = blocks(d, tmp_path)
    assert len(out) == 2  # the number's own paragraph is read into the formula
    [m] = out[0].inlines
    assert (m.display, m.number, m.label) == (True, "7", "_Ref1")
    [xref] = [n for n in out[1].inlines if isinstance(n, CrossRef)]
    assert (xref.raw, xref.kind, xref.number, xref.target) == ("(7)", "equation", "7", "_Ref1")


def test_a_formulas_number_in_the_caption_style_numbers_the_formula(tmp_path):
    """Russian thesis templates set the number's paragraph (a tab, `(`, STYLEREF, `.`, SEQ
    Формула, `)`) in Word's Caption style: it had been read as a weak caption and printed as a
    paragraph `(2.2)` under the formula, the formula unnumbered."""
    d = paper()
    append_xml(d.add_paragraph(), f'<m:oMathPara xmlns:m="{M_NS}">{omml("x=1")}</m:oMathPara>')
    p = d.add_paragraph(style="Caption")
    append_xml(p, '<w:r><w:tab/><w:t>(</w:t></w:r>' + field(" STYLEREF 1 \\s ", "2") + '<w:r><w:t>.</w:t></w:r>' + field(" SEQ Формула \\* ARABIC \\s 1 ", "2") + '<w:r><w:t>)</w:t></w:r>')
    d.add_paragraph("Формула (2.2) задаёт начальное условие.")
    out = blocks(d, tmp_path)
    assert len(out) == 2  # the number's paragraph is read into the formula
    [m] = out[0].inlines
    assert (m.display, m.number, m.label) == (True, "2.2", "eq:2.2")
    [xref] = [n for n in out[1].inlines if isinstance(n, CrossRef)]
    assert (xref.kind, xref.number) == ("equation", "2.2")


def test_mathtype_number_in_a_macrobutton_field(tmp_path):
    """MathType writes `(1)` as a MACROBUTTON's display text around a SEQ field: read, and
    kept beside the formula's picture."""
    d = paper()
    p = d.add_paragraph()
    eq = equation_object(add_media(d, "image2.wmf", "image/x-wmf", WMF_TINY), add_ole(d, "oleObject1.bin"))
    macro = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MACROBUTTON MTPlaceRef \\* MERGEFORMAT </w:instrText></w:r>'
             '<w:r><w:instrText>(</w:instrText></w:r>' + field(" SEQ MTEqn \\c \\* Arabic ", "1") + '<w:r><w:instrText>)</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    append_xml(p, f"<w:r><w:tab/></w:r>{eq}<w:r><w:tab/></w:r>{macro}")
    [para] = blocks(d, tmp_path)
    assert isinstance(para, Paragraph) and isinstance(para.inlines[1], Image)
    assert para.inlines[-1].text.endswith("(1)")


def test_mathtype_number_whose_seq_result_is_written_as_instruction_text(tmp_path):
    """MathType also writes the SEQ field's result inside its MACROBUTTON as `w:instrText` (the
    whole button is the outer field's instruction), after a hidden `SEQ MTEqn \\h`: Word shows
    `(2)`, and so does the reader."""
    d = paper()
    p = d.add_paragraph()
    eq = equation_object(add_media(d, "image2.wmf", "image/x-wmf", WMF_TINY), add_ole(d, "oleObject1.bin"))
    begin, separate, end = (f'<w:r><w:fldChar w:fldCharType="{k}"/></w:r>' for k in ("begin", "separate", "end"))
    instr = lambda text: f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>'  # noqa: E731
    macro = (begin + instr(" MACROBUTTON MTPlaceRef \\* MERGEFORMAT ") + begin + instr(" SEQ MTEqn \\h \\* MERGEFORMAT ") + end
             + instr("(") + begin + instr(" SEQ MTEqn \\c \\* Arabic \\* MERGEFORMAT ") + separate + instr("2") + end + instr(")") + end)
    append_xml(p, f"<w:r><w:tab/></w:r>{eq}<w:r><w:tab/></w:r>{macro}")
    [para] = blocks(d, tmp_path)
    assert isinstance(para, Paragraph) and isinstance(para.inlines[1], Image)
    assert para.inlines[-1].text.endswith("(2)")


# ---- tables ------------------------------------------------------------------------------------


def test_merged_cells_widths_and_header_rows(tmp_path):
    """A 3×3 grid: the header's first cell spans two rows (vMerge), its second two columns
    (gridSpan); cells only where they start, widths as shares of the grid."""
    d = paper()
    d.add_paragraph("Таблица 1 – Результаты")
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(1, 0)).text = "R"
    t.cell(0, 1).merge(t.cell(0, 2)).text = "Точность"
    t.cell(1, 1).text, t.cell(1, 2).text = "a", "b"
    t.cell(2, 0).text, t.cell(2, 1).text, t.cell(2, 2).text = "1", "2", "3"
    from docx.oxml import parse_xml

    t.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader xmlns:w="{W_NS}"/>'))
    for col, width in zip(t._tbl.tblGrid.iterchildren(), (1000, 2000, 2000)):
        col.set(f"{{{W_NS}}}w", str(width))
    [table] = [b for b in blocks(d, tmp_path) if isinstance(b, Table)]
    shape = [[(c.inlines[0].text if c.inlines else "", c.rowspan, c.colspan) for c in row] for row in table.rows]
    assert shape == [[("R", 2, 1), ("Точность", 1, 2)], [("a", 1, 1), ("b", 1, 1)], [("1", 1, 1), ("2", 1, 1), ("3", 1, 1)]]
    assert table.widths == (0.2, 0.4, 0.4) and table.header_rows == 1
    assert (table.number, table.label, table.caption[0].text) == ("1", "tab:1", "Результаты")


def test_a_row_skipping_grid_columns_keeps_its_cells_in_their_columns(tmp_path):
    # `w:gridBefore`/`w:gridAfter`: a row that starts one grid column in (pandoc's
    # table_gridbefore.docx) has an empty cell there, so its cells stay under their headings
    d = paper()
    t = d.add_table(rows=2, cols=3)
    t.cell(0, 0).text, t.cell(0, 1).text, t.cell(0, 2).text = "№", "Бит", "Имя"
    row = t.rows[1]._tr
    row.remove(row.tc_lst[0])  # the second row has two cells, after one skipped grid column
    row.tc_lst[0].xpath("./w:p")[0].append(parse_run("7"))
    row.tc_lst[1].xpath("./w:p")[0].append(parse_run("TEXT"))
    from docx.oxml import parse_xml

    row.get_or_add_trPr().append(parse_xml(f'<w:gridBefore xmlns:w="{W_NS}" w:val="1"/>'))
    [table] = [b for b in blocks(d, tmp_path) if isinstance(b, Table)]
    shape = [[plain_text(c.inlines) for c in r] for r in table.rows]
    assert shape == [["№", "Бит", "Имя"], ["", "7", "TEXT"]]


def test_a_table_with_a_column_a_few_points_wide_is_set_in_the_pdf_edition(tmp_path):
    # a Word grid column of 1 % of the width (table_gridbefore.docx: 5 pt) left reportlab a
    # negative width inside its padding: the build stopped with an internal error
    from exporter.linker import Linked
    from exporter.model import Cell, Document, Meta, Span, Text
    from exporter.venue import Template
    from exporter.writers import NARROWEST_CELL_PT, Edition, pdf

    rows = tuple(tuple(Cell((Text(str(c)),)) for c in range(11)) for _ in range(3))
    table = Table(rows, Span(1, 1, 1, 1), widths=(0.0111,) + (0.043,) * 9 + (0.6015,))
    document = Document("t.docx", Meta(title=(Text("T"),), language="en"), (table,))
    data = pdf.render(Edition(Linked(document, ()), Template.load("kz-conference")))
    import pypdfium2 as pdfium

    text = pdfium.PdfDocument(data)[0].get_textpage().get_text_range()
    assert "0 1 2 3 4 5 6 7 8 9 10" in " ".join(text.split())
    from exporter.writers import column_shares

    shares = column_shares(table, 11, least=NARROWEST_CELL_PT / 400)
    assert abs(sum(shares) - 1) < 1e-9 and min(shares) * 400 >= NARROWEST_CELL_PT - 1e-6
    assert shares[-1] > shares[1] >= shares[0]  # the wide column gave the room, the order of widths kept


def test_label_only_table_caption_takes_its_title_line(tmp_path):
    d = paper()
    d.add_paragraph("Таблица 2")
    title = d.add_paragraph("Параметры модели")
    title.alignment = 1  # centred
    d.add_table(rows=1, cols=1).cell(0, 0).text = "x"
    out = blocks(d, tmp_path)
    assert len(out) == 1 and (out[0].number, out[0].caption[0].text) == ("2", "Параметры модели")


def test_layout_table_of_pictures_is_one_figure_or_a_row_of_figures(tmp_path):
    d = paper()
    t = d.add_table(rows=2, cols=2)
    for col in range(2):
        t.cell(0, col).paragraphs[0].add_run().add_picture(io.BytesIO(PNG_1PX), width=Emu(12700 * 50))
        t.cell(1, col).text = f"{'аб'[col]})"
    d.add_paragraph("Рис. 4. Две проекции")
    u = d.add_table(rows=2, cols=2)
    for col in range(2):
        u.cell(0, col).paragraphs[0].add_run().add_picture(io.BytesIO(PNG_1PX), width=Emu(12700 * 50))
        u.cell(1, col).text = f"Рисунок {5 + col} – Вид {col + 1}"
    out = blocks(d, tmp_path)
    assert not any(isinstance(b, Table) for b in out)
    first = out[0]
    assert isinstance(first, Figure) and len(first.images) == 2 and first.number == "4"
    assert [n.text for n in first.caption] == ["Две проекции", ": ", "а)", "; ", "б)"]
    assert [(f.number, len(f.images), f.caption[0].text) for f in out[1:]] == [("5", 1, "Вид 1"), ("6", 1, "Вид 2")]


# ---- captions and cross-references -------------------------------------------------------------


def test_caption_style_and_seq_numbers_and_ref_fields(tmp_path):
    """A Caption-style paragraph whose number is a SEQ field left empty (Word fills it on update):
    numbered as Word counts; a REF field to its bookmark is a cross-reference to it."""
    d = paper()
    picture_paragraph(d)
    picture_paragraph(d)
    for n in (1, 2):
        cap = d.paragraphs[n - 1]._p.addnext if False else None
    p1 = d.add_paragraph(style="Caption")
    append_xml(p1, '<w:bookmarkStart w:id="1" w:name="_Ref11"/><w:r><w:t xml:space="preserve">Рисунок </w:t></w:r>' + field(" SEQ Рисунок \\* ARABIC ", "") + '<w:bookmarkEnd w:id="1"/><w:r><w:t xml:space="preserve"> Первая схема</w:t></w:r>')
    s = d.add_paragraph("Как видно на ")
    append_xml(s, field(" REF _Ref11 \\h ", "Рисунок 1") + '<w:r><w:t>, всё верно.</w:t></w:r>')
    out = blocks(d, tmp_path)
    figures = [b for b in out if isinstance(b, Figure)]
    assert figures[1].number == "1" and figures[1].label == "_Ref11" and figures[1].caption[0].text == "Первая схема"
    assert figures[0].caption == ()  # the caption sits below the second picture
    [xref] = [n for n in walk(tuple(out)) if isinstance(n, CrossRef)]
    assert (xref.raw, xref.kind, xref.number, xref.target) == ("Рисунок 1", "figure", "1", "_Ref11")


def test_a_ref_field_holding_only_the_number_is_one_cross_reference_with_the_word_before(tmp_path):
    """`на рисунке ` typed, then a REF field whose bookmark holds only the caption's SEQ number
    (unseen danilasolovev_glonass_vkr, 55 times): the text's `рисунке 1` and the field's `1`
    are one cross-reference, to the field's caption; each had been a cross-reference of its
    own, and the number printed twice (`на рисунке 11`)."""
    d = paper()
    picture_paragraph(d)
    p1 = d.add_paragraph(style="Caption")
    append_xml(p1, '<w:r><w:t xml:space="preserve">Рисунок </w:t></w:r><w:bookmarkStart w:id="1" w:name="_Ref12"/>' + field(" SEQ Рисунок \\* ARABIC ", "1") + '<w:bookmarkEnd w:id="1"/><w:r><w:t xml:space="preserve"> – Пример работы системы</w:t></w:r>')
    s = d.add_paragraph("Пример системы приведен на рисунке ")
    append_xml(s, field(" REF _Ref12 \\* MERGEFORMAT ", "1") + '<w:r><w:t>.</w:t></w:r>')
    out = blocks(d, tmp_path)
    [xref] = [n for n in walk(tuple(out)) if isinstance(n, CrossRef)]
    assert (xref.raw, xref.kind, xref.number, xref.target) == ("рисунке 1", "figure", "1", "_Ref12")
    [paragraph] = [b for b in out if isinstance(b, Paragraph) and "Пример системы" in plain_text(b.inlines)]
    assert plain_text(paragraph.inlines) == "Пример системы приведен на рисунке 1."


def test_a_paragraph_whose_mark_is_hidden_runs_on_into_the_next(tmp_path):
    """Word's style separator (the paragraph mark hidden: `w:vanish`/`w:specVanish` in its
    `w:pPr/w:rPr`) shows two paragraphs as one: `Рисунок` then ` 1 – Схема` holding the SEQ
    field is the caption `Рисунок 1 – Схема` (unseen danilasolovev_glonass_vkr: 41 captions set
    so had been a label alone and an unnumbered line, and each cross-reference to them an
    error). A heading's hidden mark (a run-in heading) keeps the heading apart."""
    from docx.oxml import parse_xml

    d = paper()
    picture_paragraph(d)
    label = d.add_paragraph()
    append_xml(label, '<w:pPr><w:jc w:val="center"/><w:rPr><w:vanish/><w:specVanish/></w:rPr></w:pPr><w:r><w:t>Рисунок</w:t></w:r>')
    number = d.add_paragraph(style="Caption")
    append_xml(number, '<w:r><w:t xml:space="preserve"> </w:t></w:r>' + field(" SEQ Рисунок \\* ARABIC ", "1") + '<w:r><w:t xml:space="preserve"> – Пример работы навигационной системы</w:t></w:r>')
    heading = d.add_heading("Принцип работы", level=2)
    heading._p.get_or_add_pPr().append(parse_xml(f'<w:rPr xmlns:w="{W_NS}"><w:vanish/></w:rPr>'))
    d.add_paragraph("Сигнал со спутников непрерывно поступает в терминал, как показано на рис. 1.")
    out = blocks(d, tmp_path)
    [figure] = [b for b in out if isinstance(b, Figure)]
    assert (figure.number, plain_text(figure.caption)) == ("1", "Пример работы навигационной системы")
    assert not any(isinstance(b, Paragraph) and plain_text(b.inlines).strip() in ("Рисунок", "1 – Пример работы навигационной системы") for b in out)
    assert [plain_text(b.inlines) for b in out if isinstance(b, Heading)] == ["Принцип работы"]
    assert any(isinstance(b, Paragraph) and plain_text(b.inlines).startswith("Сигнал со спутников") for b in out)


def test_a_formula_whose_mark_is_hidden_keeps_its_number(tmp_path):
    """The corpus's ru_frolovskaya_particle_filter hides the marks of a sentence, of the formula
    under it and of the formula's number (`(2.12)`) before the `где …` paragraph: run on, they
    had made one paragraph of text, formula and number, the number lost. A formula's paragraph
    and its neighbours stay apart; the number is the formula's."""
    from docx.oxml import parse_xml

    d = paper()
    hidden = f'<w:rPr xmlns:w="{W_NS}"><w:vanish/><w:specVanish/></w:rPr>'
    text = d.add_paragraph("Вычислить оценку текущего состояния как среднюю частиц:")
    formula = d.add_paragraph()
    append_xml(formula, f'<m:oMathPara xmlns:m="{M_NS}">{omml("x=1")}</m:oMathPara>')
    number = d.add_paragraph("(2.12)")
    for p in (text, formula, number):
        p._p.get_or_add_pPr().append(parse_xml(hidden))
    d.add_paragraph("где x — оценка состояния.")
    out = blocks(d, tmp_path)
    [m] = [n for b in out for n in getattr(b, "inlines", ()) if isinstance(n, Math)]
    assert (m.display, m.number) == (True, "2.12")


def test_a_table_given_as_a_picture_is_a_figure_of_kind_table(tmp_path):
    d = paper()
    d.add_paragraph("Таблица 1. Сравнение характеристик")
    picture_paragraph(d)
    [fig] = blocks(d, tmp_path)
    assert (fig.kind, fig.number, fig.label) == ("table", "1", "tab:1")


def test_a_label_and_a_dash_without_a_number_is_a_caption_beside_a_figure(tmp_path):
    d = paper()
    picture_paragraph(d)
    d.add_paragraph("Рисунок – Молекула кислорода у поверхности")
    d.add_paragraph("Рисунок – это не подпись: рядом нет рисунка без подписи.")
    out = blocks(d, tmp_path)
    assert (out[0].number, out[0].label, out[0].caption[0].text) == (None, "fig:u1", "Молекула кислорода у поверхности")
    assert isinstance(out[1], Paragraph)


def test_shown_pictures_counts_a_quote_fields_picture_once():
    picture = '<w:pict><v:imagedata r:id="rId1"/></w:pict>'
    begin, separate, end = ('<w:fldChar w:fldCharType="%s"/>' % k for k in ("begin", "separate", "end"))
    assert shown_pictures(begin + picture + separate + picture + end) == 1  # the result is shown
    assert shown_pictures(begin + picture + end) == 1  # no result: the quoted picture
    assert shown_pictures('<wp:inline/><wp:anchor/>' + picture) == 3


def test_labels_stay_unique(tmp_path):
    d = paper()
    for _ in range(2):
        picture_paragraph(d)
        d.add_paragraph("Рис. 1. Повтор")
    assert [b.label for b in blocks(d, tmp_path)] == ["fig:1", "fig:1-2"]


# ---- the real corpus ---------------------------------------------------------------------------

def _bench():
    """bench/docx_media.py: its picture count (read from document.xml's text, apart from the reader) is the one asserted."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_docx_media", Path(__file__).resolve().parent.parent / "bench" / "docx_media.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


shown_pictures = _bench().shown_pictures


# Captions counted by reading each paper (figures and tables; see `tests/test_docx_media.py` notes):
CAPTIONS = {
    "en_slipchenko_bone_age_ml": 8, "en_sobic_dog_walk": 7, "ru_dimitrov_balancing_robot": 16, "ru_frolovskaya_particle_filter": 2,
    "ru_fuzzy_infosec_uncertainty": 8, "ru_grechikhin_knn_vba": 2, "ru_hybrid_models_grpc": 5, "ru_kolbaya_storage_devices": 4,
    "ru_perminova_visitor_counting": 6, "ru_sukhikh_student_site": 12, "ru_tyurnin_mobile_build": 1, "ru_zhilyakov_tracking": 0,
}
PAPERS = sorted(CAPTIONS)


def _model(name: str):
    doc = read_document(str(CORPUS / f"{name}.docx"))
    nodes = list(walk(doc.blocks))
    images = [i for b in doc.blocks if isinstance(b, Figure) for i in b.images] + [n for n in nodes if isinstance(n, Image)]
    return doc, nodes, images


@needs_corpus
@pytest.mark.parametrize("name", PAPERS)
def test_corpus_every_picture_equation_merged_cell_and_caption(name):
    xml = zipfile.ZipFile(CORPUS / f"{name}.docx").read("word/document.xml").decode("utf-8")
    doc, nodes, images = _model(name)
    assert len(images) == shown_pictures(xml)  # 100 % of pictures reach the model
    maths = [n for n in nodes if isinstance(n, Math)]
    assert len(maths) == len(re.findall(r"<m:oMath>", xml))  # every Word equation, as TeX
    assert all(m.tex.strip() and m.omml and "⟨" not in m.tex for m in maths)
    formula_pictures = [i for i in images if i.media_type in ("image/x-wmf", "image/x-emf")]
    assert len(formula_pictures) >= len(re.findall(r'ProgID="Equation', xml))  # every Equation 3.0/MathType object as its picture
    spans = sum(1 for b in doc.blocks if isinstance(b, Table) for row in b.rows for c in row if c.colspan > 1 or c.rowspan > 1)
    merged = len(re.findall(r'<w:gridSpan w:val="(?!1")\d+"', xml)) + len(re.findall(r'<w:vMerge w:val="restart"', xml))
    assert spans == merged  # every merged cell
    captioned = [b for b in doc.blocks if isinstance(b, (Figure, Table)) and b.caption]
    assert len(captioned) == CAPTIONS[name]  # every caption bound
    assert all(b.number and b.label for b in captioned)
    labels = [b.label for b in captioned] + [m.label for m in maths if m.label]
    assert len(labels) == len(set(labels))


@needs_corpus
def test_corpus_mathtype_papers_match_their_truth_objects():
    for name in ("ru_dimitrov_balancing_robot", "en_slipchenko_bone_age_ml"):
        truth = json.loads((CORPUS / f"{name}.truth.json").read_text(encoding="utf-8")).get("objects")
        doc, nodes, images = _model(name)
        if truth:
            wmf = [i for i in images if i.media_type == "image/x-wmf"]
            assert len(wmf) >= truth["ole_equations"]
            assert sum(isinstance(b, Table) for b in doc.blocks) == truth["tables"]
            assert not any(isinstance(n, Math) for n in nodes) and truth["omml_equations"] == 0


@needs_corpus
def test_corpus_equation_numbers_and_ref_cross_references():
    """ru_frolovskaya_particle_filter numbers its formulas (2.1)…(3.2) in paragraphs of their
    own and refers to them with REF fields."""
    doc, nodes, _ = _model("ru_frolovskaya_particle_filter")
    numbered = [m.number for m in nodes if isinstance(m, Math) and m.number]
    assert numbered[:4] == ["2.1", "2.2", "2.3", "2.4"] and "3.2" in numbered and len(numbered) >= 20
    xrefs = [n for n in nodes if isinstance(n, CrossRef) and n.target]  # the REF fields (text references are linked later)
    targets = {m.label for m in nodes if isinstance(m, Math) and m.label}
    assert len(xrefs) >= 25 and all(x.kind == "equation" and x.target in targets for x in xrefs)


def test_body_text_in_the_caption_style_yields_to_the_figures_numbered_caption(tmp_path):
    """An author who set a body paragraph in Word's Caption style (no label, no SEQ field) above
    a picture whose own caption (`рис. ` and a SEQ field) stands below it: the numbered caption
    names the figure and the body paragraph stays text; a Caption-style line with no label
    still names an uncaptioned figure or table beside it."""
    d = paper()
    d.add_paragraph("Очевидно, что при нескольких лампах одна лампа перекрывает другую. Задачу можно упростить.", style="Caption")
    picture_paragraph(d)
    cap = d.add_paragraph(style="Caption")
    append_xml(cap, '<w:r><w:t xml:space="preserve">рис. </w:t></w:r>' + field(" SEQ рис. \\* ARABIC ", "1"))
    picture_paragraph(d)
    d.add_paragraph("Схема второй установки", style="Caption")
    out = blocks(d, tmp_path)
    figures = [b for b in out if isinstance(b, Figure)]
    assert [(f.number, plain_text(f.caption)) for f in figures] == [("1", ""), (None, "Схема второй установки")]
    assert any(isinstance(b, Paragraph) and plain_text(b.inlines).startswith("Очевидно, что") for b in out)
    d = paper()
    d.add_table(rows=1, cols=2).rows[0].cells[0].text = "данные"
    d.add_paragraph("Сводка результатов", style="Caption")
    [table] = [b for b in blocks(d, tmp_path, "t.docx") if isinstance(b, Table)]
    assert plain_text(table.caption) == "Сводка результатов"


def test_layout_table_cells_with_a_label_only_caption_and_its_title_lines_below(tmp_path):
    """Each cell: the picture (its paragraph in the Caption style), `рис. N` (a SEQ field), then
    the caption's words and a legend on lines of their own: one figure per cell, numbered, with
    those words; a body paragraph in the Caption style above the table stays text."""
    d = paper()
    d.add_paragraph("Очевидно, что одна лампа перекрывает другую. Задачу можно упростить.", style="Caption")
    t = d.add_table(rows=1, cols=2)
    for col, (title, legend) in enumerate((("Сечение облучателя.", "Тёмные круги – стойки."), ("Вид сверху.", ""))):
        cell = t.cell(0, col)
        cell.paragraphs[0].style = d.styles["Caption"]
        cell.paragraphs[0].add_run().add_picture(io.BytesIO(PNG_1PX), width=Emu(12700 * 50))
        label = cell.add_paragraph(style="Caption")
        append_xml(label, '<w:r><w:t xml:space="preserve">рис. </w:t></w:r>' + field(" SEQ рис. \\* ARABIC ", str(col + 1)))
        cell.add_paragraph(title)
        if legend:
            cell.add_paragraph(legend)
    out = blocks(d, tmp_path)
    assert isinstance(out[0], Paragraph) and plain_text(out[0].inlines).startswith("Очевидно")
    figures = [b for b in out if isinstance(b, Figure)]
    assert [(f.number, len(f.images), plain_text(f.caption)) for f in figures] == [("1", 1, "Сечение облучателя. Тёмные круги – стойки."), ("2", 1, "Вид сверху.")]


def test_a_table_laying_out_a_formula_and_its_number_is_a_numbered_display(tmp_path):
    """`| E=mc² | (3) |` (and `| | x=1 | (4) |` with an empty margin cell): a one-row table placing a
    formula and its number, as many Russian theses do, is that numbered display formula, and
    `формулы (3)` in the text finds it; a table holding a formula beside words stays a table."""
    d = paper()
    t = d.add_table(rows=1, cols=2)
    append_xml(t.cell(0, 0).paragraphs[0], omml("E=mc²"))
    t.cell(0, 1).text = "(3)"
    u = d.add_table(rows=1, cols=3)
    append_xml(u.cell(0, 1).paragraphs[0], omml("x=1") + "<w:r><w:t>,</w:t></w:r>")
    u.cell(0, 2).text = "(4)"
    d.add_paragraph("Из формулы (3) следует оценка.")
    w = d.add_table(rows=1, cols=2)
    append_xml(w.cell(0, 0).paragraphs[0], omml("a=b") + '<w:r><w:t xml:space="preserve">, где </w:t></w:r>' + omml("b=c"))
    w.cell(0, 1).text = "(5)"
    v = d.add_table(rows=1, cols=2)
    append_xml(v.cell(0, 0).paragraphs[0], omml("y=2"))
    v.cell(0, 1).text = "где y – выход"
    out = blocks(d, tmp_path)
    first, second = out[0].inlines[0], out[1].inlines[0]
    assert isinstance(out[0], Paragraph) and (first.tex, first.display, first.number, first.label) == ("E=mc^{2}", True, "3", "eq:3")
    assert isinstance(out[1], Paragraph) and (second.display, second.number) == (True, "4")
    assert [n.text for n in out[1].inlines[1:]] == [","]
    [xref] = [n for n in out[2].inlines if isinstance(n, CrossRef)]
    assert (xref.kind, xref.number) == ("equation", "3")
    lead = out[3].inlines  # a word between the formulas stays between them
    assert [(type(n).__name__, getattr(n, "text", None) or getattr(n, "number", None)) for n in lead] == [("Math", None), ("Text", ", где"), ("Math", "5")]
    assert isinstance(out[4], Table)
    from exporter.pipeline import read_and_link

    linked = read_and_link(str(tmp_path / "m.docx"))
    assert not [d.code for d in linked.diagnostics if d.code.startswith("XRF")]  # `(3)` finds its formula


def test_a_formula_holding_only_a_line_break_is_that_break_and_an_empty_formula_is_nothing(tmp_path):
    """Word lets a line break stand inside an equation (`<m:oMath><m:r><w:br/></m:r></m:oMath>`):
    it breaks the line and is no formula (it was read as an empty one the editions could not
    typeset); an equation with nothing in it shows nothing."""
    d = paper()
    p = d.add_paragraph()
    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    append_xml(p, omml("a=b") + f'<m:oMath xmlns:m="{M_NS}" xmlns:w="{W}"><m:r><w:br/></m:r></m:oMath><w:r><w:t>where a is a constant.</w:t></w:r>'
               + f'<m:oMath xmlns:m="{M_NS}"><m:r><m:t> </m:t></m:r></m:oMath>')
    [para] = blocks(d, tmp_path)
    maths = [n for n in para.inlines if isinstance(n, Math)]
    assert [m.tex for m in maths] == ["a=b"]
    assert "where a is a constant." in plain_text(para.inlines)


def test_a_word_table_captioned_as_a_figure_is_a_table_numbered_as_a_figure(tmp_path):
    """`Рисунок 5 – …` under a Word table (no picture near): the table is what the caption names,
    numbered among the figures; a `Таблица 2` caption beside another table binds as a table."""
    d = paper()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(1, 0).text = "Параметр", "Скорость"
    d.add_paragraph("Рисунок 5 – Сравнение атрибутов двух позиций")
    d.add_paragraph("Таблица 2 – Итоги")
    u = d.add_table(rows=1, cols=1)
    u.cell(0, 0).text = "итого"
    out = blocks(d, tmp_path)
    tables = [b for b in out if isinstance(b, Table)]
    assert [(b.kind, b.number, plain_text(b.caption)) for b in tables] == [("figure", "5", "Сравнение атрибутов двух позиций"), ("table", "2", "Итоги")]
    assert not any(isinstance(b, Paragraph) and plain_text(b.inlines).startswith("Рисунок 5") for b in out)
    # a figure's caption between a table and the pictures it names (a sub-label between): not the table's
    d = paper()
    d.add_table(rows=1, cols=2).cell(0, 0).text = "x"
    d.add_paragraph("Figure 1: Features generated by the simulator")
    d.add_paragraph("a) Price")
    picture_paragraph(d)
    assert [b.kind for b in blocks(d, tmp_path, "near.docx") if isinstance(b, Table)] == ["table"]
    assert not [b.caption for b in blocks(d, tmp_path, "near.docx") if isinstance(b, Table) and b.caption]


def test_a_list_of_figures_names_captions_without_numbering_or_citing_them(tmp_path):
    """A thesis's list of figures (Word's `TOC \\c "Figure"` field, lines in the `table of
    figures` style, page numbers after a tab) repeats each caption: those lines neither number
    the figures (no `figure 1 is numbered twice`) nor refer to them, and the source's page
    numbers (PAGEREF fields) are left out."""
    from exporter.model import CrossRef
    from exporter.pipeline import read_and_link

    d = paper()
    d.add_paragraph("LIST OF FIGURES")
    begin = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\h \\z \\c "Figure" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    first = d.add_paragraph()
    append_xml(first, begin + '<w:r><w:t xml:space="preserve">Figure 1: Vector mapping</w:t></w:r><w:r><w:tab/></w:r>' + field(" PAGEREF _Toc1 \\h ", "3"))
    second = d.add_paragraph(style=d.styles.add_style("table of figures", 1))
    append_xml(second, '<w:r><w:t xml:space="preserve">Figure 2: Binary mapping</w:t></w:r><w:r><w:tab/></w:r>' + field(" PAGEREF _Toc2 \\h ", "5") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    d.add_paragraph("The mapping is shown below.")
    picture_paragraph(d)
    d.add_paragraph("Figure 1: Vector mapping")
    picture_paragraph(d)
    d.add_paragraph("Figure 2: Binary mapping")
    path = save(d, tmp_path / "lof.docx")
    linked = read_and_link(str(path))
    assert not [x.code for x in linked.diagnostics if x.code in ("XRF003", "XRF004")]
    out = linked.document.blocks
    assert [(b.number, plain_text(b.caption)) for b in out if isinstance(b, Figure)] == [("1", "Vector mapping"), ("2", "Binary mapping")]
    lines = [b for b in out if isinstance(b, Paragraph) and plain_text(b.inlines).startswith("Figure ")]
    assert len(lines) == 2 and not [n for b in lines for n in walk((b,)) if isinstance(n, CrossRef)]
    # their page numbers (PAGEREF fields) are the source's pages, not the edition's: left out
    assert [plain_text(b.inlines).strip() for b in lines] == ["Figure 1: Vector mapping", "Figure 2: Binary mapping"]


def test_a_picture_set_in_a_sentence_about_its_figure_takes_the_caption_under_it(tmp_path):
    """`Figure 8 shows how …` with the chart or picture in that paragraph, and `Figure 8 – Early
    fitness` under it (an honours thesis): the sentence had been the figure's weak caption (a
    label and a number, no separator) and the real caption a stray paragraph."""
    d = paper()
    p = d.add_paragraph("Figure 8 shows how the algorithm was steadily learning over the iterations.")
    p.add_run().add_picture(io.BytesIO(PNG_1PX), width=Emu(100 * 12700))
    d.add_paragraph("Figure 8 – Early fitness factor")
    out = blocks(d, tmp_path)
    [figure] = [b for b in out if isinstance(b, Figure)]
    assert (figure.number, plain_text(figure.caption)) == ("8", "Early fitness factor")
    assert any(isinstance(b, Paragraph) and plain_text(b.inlines).startswith("Figure 8 shows how") for b in out)


def test_weak_table_caption_binds_beside_an_uncaptioned_table(tmp_path):
    """`Table 1 Top ten causes` (no separator after the number, BMC's form) names the table
    right below it; only an uncaptioned figure had been looked for beside a weak caption."""
    d = paper()
    d.add_paragraph("Table 1 Top ten causes of death and the best models")
    d.add_table(rows=1, cols=2).cell(0, 0).text = "Malaria"
    out = blocks(d, tmp_path)
    assert len(out) == 1 and isinstance(out[0], Table)
    assert (out[0].number, plain_text(out[0].caption)) == ("1", "Top ten causes of death and the best models")


def test_caption_styles_of_their_own_name_the_kind(tmp_path):
    """Pandoc's `Image Caption`/`Table Caption` and a Russian template's `Подпись к картинке`
    are caption styles: a caption set in one with no label (`Биометрические методы`) names the
    uncaptioned figure or table beside it, of the kind the style says; `Подпись` is no
    caption style."""
    from docx.enum.style import WD_STYLE_TYPE

    d = paper()
    d.add_paragraph("Статья описывает методы биометрической аутентификации пользователей и сравнивает их по точности, стоимости и удобству для пользователей.")
    for name in ("Подпись к картинке", "Table Caption", "Подпись"):
        d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    picture_paragraph(d)
    d.add_paragraph("Биометрические методы аутентификации", style="Подпись к картинке")
    d.add_paragraph("Текст между рисунком и таблицей идёт дальше.")
    d.add_paragraph("Participant characteristics", style="Table Caption")
    d.add_table(rows=1, cols=1).cell(0, 0).text = "x"
    picture_paragraph(d)
    d.add_paragraph("Схема нарисована автором по данным опроса", style="Подпись")
    out = blocks(d, tmp_path)
    kinds = [(type(b).__name__, b.kind, plain_text(b.caption)) for b in out if isinstance(b, (Figure, Table))]
    assert kinds == [("Figure", "figure", "Биометрические методы аутентификации"), ("Table", "table", "Participant characteristics"), ("Figure", "figure", "")]
    assert plain_text(out[-1].inlines) == "Схема нарисована автором по данным опроса"


def test_caption_style_names():
    from exporter.readers.docx.captions import caption_style

    assert [caption_style(n) for n in ("Caption", "Image Caption", "Table Caption", "MDPI_4.1_table_caption", "подпись к рисунку", "подписи картинок", "Подпись таблицы")] == [
        "caption", "figure", "table", "table", "figure", "figure", "table"]
    assert [caption_style(n) for n in ("Captioned Figure", "Подпись", "Подпись автора", "Normal", "table of figures")] == [None] * 5


def test_appendix_numbers_caption_and_are_referred_to(tmp_path):
    """BMC's appendix captions `Table A1 …` and `Fig. B1 …` (a capital before the number, no
    separator) name the table and the figure beside them, and the text's `Table A1` and
    `Fig. B1` link to them, with no finding; they had stayed paragraphs, the table and the
    figure uncaptioned."""
    d = paper()
    d.add_paragraph("The codes are listed in Table A1 and the sampling is drawn in Fig. B1 below.")
    d.add_paragraph("Table A1 CGHR-10 codes for adults (12-69 years).")
    d.add_table(rows=1, cols=2).cell(0, 0).text = "Tuberculosis"
    picture_paragraph(d)
    d.add_paragraph("Fig. B1 Detailed flow diagram of the sampling")
    linked = read_and_link(str(save(d, tmp_path / "a.docx")))
    captioned = [(type(b).__name__, b.number, plain_text(b.caption)) for b in linked.document.blocks if isinstance(b, (Figure, Table))]
    assert captioned == [("Table", "A1", "CGHR-10 codes for adults (12-69 years)."), ("Figure", "B1", "Detailed flow diagram of the sampling")]
    refs = [(n.number, n.target) for n in walk(linked.document.blocks) if isinstance(n, CrossRef) and not n.defines]
    assert [r[0] for r in refs] == ["A1", "B1"] and all(r[1] for r in refs)
    assert not [f for f in linked.diagnostics if f.code.startswith("XRF")]


def test_an_appendix_formulas_number_numbers_it(tmp_path):
    """`| | CSMF_j = … | (B1) |`: an appendix's formula numbered with its letter (BMC's appendix
    B) is that numbered display, not a table, and `Equation (B1)` finds it."""
    d = paper()
    t = d.add_table(rows=1, cols=3)
    append_xml(t.cell(0, 1).paragraphs[0], omml("x=1"))
    t.cell(0, 2).text = "(B1)"
    d.add_paragraph("Equation (B1) gives the share of each cause.")
    out = blocks(d, tmp_path)
    formula = out[0].inlines[0]
    assert isinstance(out[0], Paragraph) and (formula.display, formula.number) == (True, "B1")
    [xref] = [n for n in out[1].inlines if isinstance(n, CrossRef)]
    assert (xref.kind, xref.number) == ("equation", "B1")


def test_a_caption_styles_label_alone_keeps_its_title_and_a_letter_is_no_caption(tmp_path):
    """`рис. 1` then `Сравнение …`, both in a template's caption style (`подписи картинок`),
    then sub-figure letters in it: the title under the label alone is the caption's text, not a
    caption of its own, and `А` names no figure (they had taken the figure's caption from the
    label's title)."""
    from docx.enum.style import WD_STYLE_TYPE

    d = paper()
    d.add_paragraph("Статья описывает облучатели и сравнивает расчёт с измерениями на стенде для нескольких компоновок ламп разной мощности.")
    d.styles.add_style("подписи картинок", WD_STYLE_TYPE.PARAGRAPH)
    picture_paragraph(d)
    d.add_paragraph("рис. 1", style="подписи картинок")
    d.add_paragraph("Сравнение измеренного и расчётного распределения", style="подписи картинок")
    picture_paragraph(d)
    d.add_paragraph("А", style="подписи картинок")
    out = blocks(d, tmp_path)
    figures = [(f.number, plain_text(f.caption)) for f in out if isinstance(f, Figure)]
    assert figures == [("1", "Сравнение измеренного и расчётного распределения"), (None, "")]


def test_a_figures_label_alone_and_its_title_above_the_figure(tmp_path):
    """`Рисунок 3` / `Схема стенда`, both centred, above the picture: the figure's number and
    title; a centred heading under a figure's label is none (`Рис. 9` / `КРАТКИЕ БИОГРАФИИ …`)."""
    d = paper()
    d.add_paragraph("Статья описывает облучатели и сравнивает расчёт с измерениями на стенде для нескольких компоновок ламп разной мощности.")
    d.add_paragraph("Рисунок 3").alignment = 1
    d.add_paragraph("Схема стенда").alignment = 1
    picture_paragraph(d)
    out = blocks(d, tmp_path)
    assert [(f.number, plain_text(f.caption)) for f in out if isinstance(f, Figure)] == [("3", "Схема стенда")]
    assert not any(isinstance(b, Paragraph) and plain_text(b.inlines) in ("Рисунок 3", "Схема стенда") for b in out)
    d = paper()
    d.add_paragraph("Статья описывает облучатели и сравнивает расчёт с измерениями на стенде для нескольких компоновок ламп разной мощности.")
    picture_paragraph(d)
    d.add_paragraph("Рис. 9")
    d.add_paragraph("КРАТКИЕ БИОГРАФИИ АВТОРОВ").alignment = 1
    d.add_paragraph("Иванов Иван Иванович окончил университет в 2001 году и с тех пор работает в институте инженером отдела расчётов.")
    out = blocks(d, tmp_path, "b.docx")
    assert [(f.number, plain_text(f.caption)) for f in out if isinstance(f, Figure)] == [("9", "")]


def test_apa_figure_label_title_and_picture(tmp_path):
    """APA 7 as its Word template sets it: `Figure 1` in a style with an outline level
    (`FigureTitle`), the title under it in the Caption style, the picture below: figure 1 with
    that title (the label had been read as a heading and the title as body text)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    d = paper()
    d.add_paragraph("Статья описывает облучатели и сравнивает расчёт с измерениями на стенде для нескольких компоновок ламп разной мощности.")
    style = d.styles.add_style("FigureTitle", WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl xmlns:w="{W_NS}" w:val="2"/>'))
    d.add_paragraph("Figure\u00a01", style="FigureTitle")
    d.add_paragraph("Marginal distributions for all conditions", style="Caption")
    picture_paragraph(d)
    d.add_paragraph("Figure\u00a01 shows the model-implied marginal distributions of the conditions.")
    out = blocks(d, tmp_path)
    assert [(f.number, plain_text(f.caption)) for f in out if isinstance(f, Figure)] == [("1", "Marginal distributions for all conditions")]
    assert not any(isinstance(b, Heading) for b in out)
