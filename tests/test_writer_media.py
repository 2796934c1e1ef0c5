"""Figures, tables with merged cells, formulas and cross-references in the three editions,
read back from each edition's own bytes (issue 15, writers)."""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from exporter.media.images import MediaError, fit, prepare
from exporter.model import Figure, Image, Math, Paragraph, Span, Text
from exporter.writers import docx as docx_writer
from exporter.writers import latex as latex_writer
from exporter.writers import pdf as pdf_writer
from media_samples import FORMULAS, drawn, media_document, media_edition, metafile, photo

XELATEX = shutil.which("xelatex")
SPAN = Span(1, 1, 1, 2)


@pytest.fixture(scope="module")
def edition():
    return media_edition()


# ---- PDF ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_bytes(edition):
    return pdf_writer.render(edition)


def _xobjects(pdf: bytes):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    for number, page in enumerate(reader.pages, start=1):
        for name, ref in (page["/Resources"].get("/XObject") or {}).items():
            yield number, name, ref.get_object()


def test_pdf_passes_the_jpeg_through_unchanged(pdf_bytes):
    jpegs = [x for _, _, x in _xobjects(pdf_bytes) if x.get("/Filter") in ("/DCTDecode", ["/DCTDecode"])]
    assert jpegs and jpegs[0]._data == photo().data  # the source's bytes, not re-encoded


def pdf_formulas(pdf: bytes) -> list[str]:
    """The TeX of every formula the PDF draws (marked content `/Formula` with the TeX as `/Alt`)."""
    from pypdf import PdfReader

    found = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        stream = page.get_contents().get_data().decode("latin-1")
        found += [bytes.fromhex(alt).decode("utf-16-be").lstrip("\ufeff") for alt in re.findall(r"/Formula <</Alt <([0-9A-F]*)>>> BDC", stream)]
    return found


def test_pdf_draws_every_picture_and_formula(pdf_bytes):
    images = [n for _, n, x in _xobjects(pdf_bytes) if x.get("/Subtype") == "/Image"]
    assert len(images) >= 2  # the photograph and the screenshot (the WMF is a vector form)
    formulas = pdf_formulas(pdf_bytes)
    assert sorted(formulas) == sorted([r"p(x_{k}|z_{1:k})", FORMULAS[0], FORMULAS[1], FORMULAS[2], FORMULAS[3]])
    assert not [n for _, n, _ in _xobjects(pdf_bytes) if str(n).startswith("/FormXob.glyph_")]  # no form per outline
    from pypdf import PdfReader

    fonts = {str(f.get_object()["/BaseFont"]) for page in PdfReader(io.BytesIO(pdf_bytes)).pages for f in (page["/Resources"].get("/Font") or {}).values()}
    assert any("+ExporterMath-" in name for name in fonts)  # the outlines are the glyphs of one embedded font



def test_pdf_caption_stands_on_the_page_of_its_picture(pdf_bytes, tmp_path):
    (tmp_path / "m.pdf").write_bytes(pdf_bytes)
    pages = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "m.pdf"), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    figure_pages = {n for n, _, x in _xobjects(pdf_bytes) if x.get("/Subtype") == "/Image"}
    caption_pages = {n + 1 for n, text in enumerate(pages) if "Рисунок 1 – Траектория" in text or "Функции принадлежности и формула" in text}
    assert caption_pages and caption_pages <= figure_pages


def test_pdf_display_number_at_the_right_margin(pdf_bytes, edition, tmp_path):
    (tmp_path / "m.pdf").write_bytes(pdf_bytes)
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(tmp_path / "m.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    page = edition.venue.page
    right = (page.size_cm[0] - page.margins_cm.right) / 2.54 * 72  # the venue's margin itself, as in the DOCX and LaTeX editions
    ends = [float(m.group(1)) for m in re.finditer(r'xMax="([\d.]+)"[^>]*>\((?:1|2)\)<', html)]
    assert len(ends) == 2 and all(abs(end - right) < 1 for end in ends)
    lines = [float(x) for x in re.findall(r'xMax="([\d.]+)"', html)]
    assert sum(abs(x - right) < 1 for x in lines) >= 3  # where the justified lines end too


def test_pdf_cross_references_link_to_their_targets(pdf_bytes):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf_bytes))
    links = [a.get_object() for page in reader.pages for a in page.get("/Annots") or [] if "/Dest" in a.get_object()]
    assert len(links) >= 4  # the citation, рис. 1, табл. 1, (2)


def test_pdf_fonts_all_embedded(pdf_bytes, tmp_path):
    (tmp_path / "m.pdf").write_bytes(pdf_bytes)
    rows = subprocess.run(["pdffonts", str(tmp_path / "m.pdf")], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), rows


def test_pictures_fit_the_text_width_and_are_never_enlarged():
    small = prepare(Image(drawn("PNG", (96, 48)), "image/png"))
    assert (small.width, small.height) == pytest.approx((72, 36), abs=0.01)  # 96 px at 96 dpi: one inch
    assert fit((72, 36), 400, 600) == (72, 36)
    assert fit((1000, 500), 400, 600) == (400, 200)
    assert fit((100, 1000), 400, 600) == (60, 600)


# ---- DOCX --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def docx_bytes(edition):
    return docx_writer.render(edition)


def test_docx_pictures_equations_captions_and_merges(docx_bytes):
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
        media = {n: z.read(n) for n in z.namelist() if n.startswith("word/media/")}
    assert xml.count("<pic:pic>") == 3
    assert photo().data in media.values()  # the source's bytes
    if metafile() is not None:
        assert metafile().data in media.values()  # the WMF stays a WMF
    assert xml.count("<m:oMath>") + xml.count("<m:oMath ") == 5
    assert xml.count("SEQ Figure") == 2 and xml.count("SEQ Table") == 1
    assert 'w:gridSpan w:val="2"' in xml and 'w:vMerge w:val="restart"' in xml
    assert re.search(r"<m:f>.*?<m:num>.*?1.*?</m:num>.*?<m:den>.*?0.*?</m:den>", xml)  # 1/0 as a fraction, not `10`


def test_docx_keeps_the_source_omml():
    omml = '<m:oMath><m:r><m:t>ω</m:t></m:r></m:oMath>'  # as a reader keeps it: no namespace declarations
    doc = replace(media_document(), blocks=(Paragraph((Text("a "), Math("x", omml=omml)), SPAN),))
    xml = zipfile.ZipFile(io.BytesIO(docx_writer.render(media_edition(document=doc)))).read("word/document.xml").decode()
    assert "<m:t>ω</m:t>" in xml and "<m:t>x</m:t>" not in xml


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_docx_opens_in_libreoffice(docx_bytes, tmp_path):
    (tmp_path / "m.docx").write_bytes(docx_bytes)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "m.docx")], capture_output=True, timeout=240)
    text = subprocess.run(["pdftotext", str(tmp_path / "m.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Траектория объекта" in text and "Сравнение методов" in text
    images = subprocess.run(["pdfimages", "-list", str(tmp_path / "m.pdf")], capture_output=True, text=True).stdout.splitlines()[2:]
    assert len(images) >= 2


# ---- LaTeX -------------------------------------------------------------------------------------


def test_latex_markup(edition):
    tex = latex_writer.render(edition).decode()
    assert tex.count("\\includegraphics") == 3
    assert "\\multirow{2}{=}" in tex and "\\multicolumn{2}" in tex
    assert "\\tag{1}" in tex and "\\tag{2}" in tex and "\\frac{1}{0}" in tex
    assert "\\renewcommand{\\thefigure}{1}" in tex and "\\caption{Траектория объекта}" in tex
    assert "\\hyperref[" in tex


@pytest.mark.skipif(not XELATEX, reason="xelatex not installed")
def test_latex_compiles_as_written_in_the_output_folder(tmp_path):
    from exporter.build import atomic_write_folder

    edition = media_edition()
    edition.stem = "paper"
    (tmp_path / "paper.tex").write_bytes(latex_writer.render(edition))
    for folder, members in latex_writer.companions(edition).items():
        atomic_write_folder(tmp_path / folder, members)
    # the photo as its JPEG, the screenshot as PNG, the metafile converted to a vector PDF (or a second photo)
    assert sorted(p.name for p in (tmp_path / "paper.media").iterdir()) == ["picture1.jpg", "picture2.png", "picture3.pdf" if metafile() else "picture3.jpg"]
    for _ in range(2):
        run = subprocess.run([XELATEX, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "paper.tex"], cwd=tmp_path, capture_output=True, text=True, errors="replace", timeout=300)
    assert run.returncode == 0, run.stdout[-2000:]
    log = (tmp_path / "paper.log").read_text(errors="replace")
    assert "Missing character" not in log and "undefined" not in log.lower().replace("undefined references", "")
    images = subprocess.run(["pdfimages", "-list", str(tmp_path / "paper.pdf")], capture_output=True, text=True).stdout.splitlines()[2:]
    assert len(images) >= 2


@pytest.mark.skipif(not XELATEX, reason="xelatex not installed")
def test_latex_compiles_captions_that_cite_a_source(tmp_path):
    # Found on unseen papers: a caption citing [5] wrote `\\hyperlink` into `\\caption`'s moving
    # argument and xelatex stopped (`Argument of \\caption@ydblarg has an extra }`)
    doc = media_document()
    cite = next(node for block in doc.blocks if isinstance(block, Paragraph) for node in block.inlines if type(node).__name__ == "Citation")
    blocks = tuple(replace(b, caption=(*b.caption, Text(" по данным "), cite, Text("."))) if isinstance(b, Figure) and b.number == "1" else b for b in doc.blocks)
    edition = media_edition(document=replace(doc, blocks=blocks))
    edition.stem = "paper"
    tex = latex_writer.render(edition).decode()
    caption = next(line for line in tex.splitlines() if line.startswith("\\caption[") and "Траектория" in line)
    assert "\\hyperlink" in caption.split("]{", 1)[1] and "\\hyperlink" not in caption.split("]{", 1)[0]  # the link in the figure, not the list
    from exporter.build import atomic_write_folder

    (tmp_path / "paper.tex").write_text(tex, encoding="utf-8")
    for folder, members in latex_writer.companions(edition).items():
        atomic_write_folder(tmp_path / folder, members)
    run = subprocess.run([XELATEX, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "paper.tex"], cwd=tmp_path, capture_output=True, text=True, errors="replace", timeout=300)
    assert run.returncode == 0, run.stdout[-2000:]


def test_latex_refuses_unsafe_tex_as_mathematics():
    from exporter.writers.latex_math import math_tex

    assert math_tex(FORMULAS[1]) == FORMULAS[1]
    assert math_tex("x = 100% # $") == "x = 100\\% \\# \\$"  # the signs themselves
    for bad in ("\\input{/etc/passwd}", "x^^5cinput", "\\def\\a{b}", "a & b", "\\begin{document}", "{", "\\catcode`\\@=11", "\\write18{ls}"):
        assert math_tex(bad) is None, bad
    assert math_tex("\\mathrm{\\Delta}t") == "\\symrm{\\Delta}t"
    assert math_tex("x \\text{пр}") == "x \\text{\\text{пр}}"


# ---- bad pictures ------------------------------------------------------------------------------


def _truncated_png() -> bytes:
    return drawn("PNG")[:300]


def _huge_jpeg() -> bytes:
    data = bytearray(drawn("JPEG", (64, 64)))
    sof = data.index(b"\xff\xc0")  # baseline frame header: height and width follow the length and precision
    data[sof + 5:sof + 9] = (30000).to_bytes(2, "big") * 2
    return bytes(data)


EVIL_SVG = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&x;</text></svg>'
OUTSIDE_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image xlink:href="/etc/hosts" width="5" height="5"/></svg>'


@pytest.mark.parametrize("data, media_type, reason", [
    (_truncated_png(), "image/png", "cannot be decoded"),
    (_huge_jpeg(), "image/jpeg", "900000000 pixels is more than a paper's picture holds"),
    (EVIL_SVG, "image/svg+xml", "declares XML entities"),
    (OUTSIDE_SVG, "image/svg+xml", "outside file"),
    (b"\xd7\xcd\xc6\x9a" + b"\x00" * 40, "image/x-wmf", "could not be converted"),
    (b"", "image/png", "empty"),
])
def test_bad_pictures_are_refused_with_a_reason(data, media_type, reason):
    with pytest.raises(MediaError, match=reason):
        prepare(Image(data, media_type, name="bad"))


def test_bad_pictures_become_findings_and_framed_notes(tmp_path):
    images = (Image(_truncated_png(), "image/png", name="broken.png"), Image(_huge_jpeg(), "image/jpeg", name="huge.jpg"))
    doc = replace(media_document(), blocks=(Figure(images, (Text("Bad"),), SPAN, number="1"), Paragraph((Math("\\unknowncommand x"),), SPAN)))
    edition = media_edition(document=doc)
    from exporter.writers.mediacheck import media_findings

    found = media_findings(edition)
    assert [d.code for d in found] == ["MED001", "MED001", "MED002"]
    assert "broken.png" in found[0].message and "huge.jpg" in found[1].message
    for module in (pdf_writer, docx_writer, latex_writer):
        assert module.render(edition)  # the editions are written, the pictures shown as notes
    pdf = pdf_writer.render(edition)
    (tmp_path / "b.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(tmp_path / "b.pdf"), "-"], capture_output=True, text=True).stdout
    assert "broken.png" in text and "huge.jpg" in text


# ---- OMML from TeX -----------------------------------------------------------------------------


def test_omml_grammar():
    from exporter.media.omml import tex_to_omml

    assert "<m:f><m:num><m:r><m:t xml:space=\"preserve\">1</m:t></m:r></m:num>" in tex_to_omml("\\frac{1}{0}")
    nary = tex_to_omml("\\sum_{i=1}^{N} x_i")
    assert '<m:chr m:val="∑"/>' in nary and "<m:sub>" in nary and "<m:sup>" in nary and "<m:e><m:sSub>" in nary
    fenced = tex_to_omml("p\\left( x \\middle| z \\right)")
    assert '<m:begChr m:val="("/><m:sepChr m:val="|"/><m:endChr m:val=")"/>' in fenced and fenced.count("<m:e>") == 2
    assert "<m:rad>" in tex_to_omml("\\sqrt[3]{x}") and "<m:deg><m:r>" in tex_to_omml("\\sqrt[3]{x}")
    matrix = tex_to_omml("\\begin{matrix} a & b \\\\ c & d \\end{matrix}")  # two columns, centred as MathML's default
    assert matrix.count("<m:mr>") == 2 and matrix.count("<m:mcJc m:val=\"center\"/>") == 2 and "<m:m><m:mPr>" in matrix
    assert '<m:pos m:val="top"/>' in tex_to_omml("\\overline{x}")
    assert "<m:oMathPara" in tex_to_omml("x", display=True)


def test_media_folder_written_atomically_and_never_over_foreign_files(tmp_path):
    from exporter.build import atomic_write_folder
    from exporter.diagnostics import InputError

    folder = tmp_path / "paper.media"
    atomic_write_folder(folder, {"picture1.png": b"one", "picture2.pdf": b"two"})
    atomic_write_folder(folder, {"picture1.png": b"new"})
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == {"picture1.png": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["paper.media"]  # no temporary folder left
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="did not write"):
        atomic_write_folder(folder, {"picture1.png": b"x"})
    assert (folder / "notes.txt").read_text() == "mine"


def test_media_folder_with_formula_pictures_is_ours_to_replace(tmp_path):
    """A LaTeX edition built again into the same folder: its formula pictures (`formula3.pdf`,
    writers/latex.py's media_name) are files exporter wrote, not an author's."""
    from exporter.build import atomic_write_folder

    folder = tmp_path / "paper.media"
    atomic_write_folder(folder, {"formula1.pdf": b"one", "picture2.png": b"two"})
    atomic_write_folder(folder, {"formula1.pdf": b"new", "picture2.png": b"two"})
    assert (folder / "formula1.pdf").read_bytes() == b"new"


# ---- the web report page -----------------------------------------------------------------------


def test_report_page_shows_figures_formulas_and_merged_cells():
    from exporter.linker import Linked
    from exporter.report import check_json
    from exporter.web.page import PICTURE_LIMIT, render_report

    linked = Linked(media_document(), ())
    html = render_report(linked, check_json(linked), "kz-conference", {}, False)
    assert html.count('<img class="picture" src="data:image/') == 3
    assert html.count("<math ") == 5 and "<mfrac>" in html
    assert 'rowspan="2"' in html and 'colspan="2"' in html
    assert "<figcaption>" in html and "Рисунок 1 – Траектория объекта" in html
    assert 'class="xref" href="#' in html
    big = Image(drawn("PNG", (2400, 2400)) + b"\0" * PICTURE_LIMIT, "image/png", name="big.png")
    doc = replace(media_document(), blocks=(Figure((big,), (Text("Big"),), SPAN),))
    page = render_report(Linked(doc, ()), check_json(Linked(doc, ())), "kz-conference", {}, False)
    assert "big.png" in page and "not shown on this page" in page and "data:image/png" not in page


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftocairo")), reason="LibreOffice or poppler not installed")
def test_emf_becomes_a_cropped_vector_with_its_text(tmp_path):
    """An EMF (made here by LibreOffice from an SVG) is drawn as vectors at its own size, its text kept."""
    (tmp_path / "e.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect x="10" y="10" width="80" height="50" fill="red"/>'
                                    '<text x="20" y="90" font-family="Arial" font-size="14">EMF words</text></svg>')
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "emf", "--outdir", str(tmp_path), str(tmp_path / "e.svg")], capture_output=True, timeout=240)
    picture = prepare(Image((tmp_path / "e.emf").read_bytes(), "image/x-emf", name="e.emf"))
    assert picture.kind == "svg" and 50 < picture.width < 250 and 20 < picture.height < 120  # not an A4 page
    from exporter.media.images import vector_pdf

    (tmp_path / "e.pdf").write_bytes(vector_pdf(picture))
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-singlefile", str(tmp_path / "e.pdf"), str(tmp_path / "e")], capture_output=True)
    from PIL import Image as PILImage

    with PILImage.open(tmp_path / "e.png") as drawn_page:
        colours = drawn_page.convert("RGB").getcolors(100000)
    assert any(r > 200 and g < 60 and b < 60 for _, (r, g, b) in colours)  # the red rectangle
    assert any(r < 80 and g < 80 and b < 80 for _, (r, g, b) in colours)  # the text, as outlines


def test_the_same_document_gives_the_same_bytes(tmp_path, monkeypatch):
    """Every edition, twice: once typesetting every formula afresh (an empty user cache), once
    from the cache: the same bytes."""
    from exporter.media import formulas

    monkeypatch.setenv("EXPORTER_CACHE_DIR", str(tmp_path / "cache"))
    outputs = []
    for _ in range(2):
        formulas._typeset.cache_clear()
        outputs.append([module.render(media_edition()) for module in (pdf_writer, docx_writer, latex_writer)])
    assert outputs[0] == outputs[1]
    assert any((tmp_path / "cache").iterdir())  # the second round read the formulas back


def test_inline_picture_stands_in_the_line_in_every_edition():
    """A picture inside a line (an Equation 3.0 object's preview, as a reader passes it)."""
    wmf = metafile() or Image(drawn("PNG", (60, 20)), "image/png", name="inline.png")
    doc = replace(media_document(), blocks=(Paragraph((Text("Let "), replace(wmf, width=60, height=20), Text(" hold.")), SPAN),), references=())
    edition = media_edition(document=doc)
    names = [str(n) for _, n, x in _xobjects(pdf_writer.render(edition))]
    assert any(n.startswith("/FormXob.pic_") for n in names) or any(x.get("/Subtype") == "/Image" for _, _, x in _xobjects(pdf_writer.render(edition)))
    xml = zipfile.ZipFile(io.BytesIO(docx_writer.render(edition))).read("word/document.xml").decode()
    paragraph = next(p for p in re.findall(r"<w:p>.*?</w:p>|<w:p .*?</w:p>", xml) if "Let " in p)
    assert "<wp:inline" in paragraph and "hold." in paragraph
    tex = latex_writer.render(edition).decode()
    assert re.search(r"Let \\includegraphics\[width=60\.00pt,height=20\.00pt\]\{paper\.media/picture1\.\w+\} hold\.", tex)


SHAPES_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect x="5" y="5" width="50" height="40" fill="#c00"/>'
              b'<text x="60" y="40" font-family="Helvetica" font-size="12">axis</text></svg>')


def test_svg_figure_is_a_vector_everywhere():
    svg = Image(SHAPES_SVG, "image/svg+xml", name="shapes.svg")
    doc = replace(media_document(), blocks=(Figure((svg,), (Text("Shapes"),), SPAN, number="1"),), references=())
    edition = media_edition(document=doc)
    pdf = pdf_writer.render(edition)
    assert any(str(n).startswith("/FormXob.pic_") for _, n, _ in _xobjects(pdf)) and not any(x.get("/Subtype") == "/Image" for _, _, x in _xobjects(pdf))
    with zipfile.ZipFile(io.BytesIO(docx_writer.render(edition))) as z:
        xml = z.read("word/document.xml").decode()
        media = {n: z.read(n) for n in z.namelist() if n.startswith("word/media/")}
    assert "asvg:svgBlip" in xml and SHAPES_SVG in media.values()  # the SVG itself, over a PNG preview
    assert any(data.startswith(b"\x89PNG") for data in media.values())
    files = latex_writer.companions(edition)["paper.media"]
    assert list(files) == ["picture1.pdf"] and files["picture1.pdf"].startswith(b"%PDF")


def test_a_transparent_vector_picture_keeps_its_graphics_state(tmp_path):
    """A picture with transparency drawn as a form: every graphics state its drawing names is in
    the form's resources (reportlab 5.1 dropped them: poppler reported "ExtGState 'gRLs0' is
    unknown" on en_slipchenko_bone_age_ml's charts, drawn opaque)."""
    import re as _re

    import pikepdf
    from reportlab.graphics.shapes import Drawing, Rect
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    from exporter.writers.pdf_media import draw_vector

    drawing = Drawing(100, 50)
    drawing.add(Rect(0, 0, 60, 40, fillColor=colors.red, fillOpacity=0.5, strokeColor=None))
    out = tmp_path / "form.pdf"
    canvas = Canvas(str(out))
    for y in (100, 300):  # drawn twice: one form, placed twice
        draw_vector(canvas, drawing, 50, y, 100, 50, "pic_half")
    canvas.save()
    with pikepdf.open(out) as pdf:
        forms = [x for x in pdf.pages[0].Resources.XObject.values() if x.get("/Subtype") == "/Form"]
        assert len(forms) == 1
        named = set(_re.findall(rb"/(gRLs\d+) gs", forms[0].read_bytes()))
        assert named, "the drawing sets a graphics state"
        states = forms[0].Resources.get("/ExtGState", {})
        assert {n.decode() for n in named} <= {k.lstrip("/") for k in states.keys()}
        assert all(float(states["/" + n.decode()].get("/ca", 1)) == 0.5 for n in named)


def test_a_vector_picture_painted_with_a_gradient_keeps_its_shading(tmp_path):
    """A picture whose SVG fills a box with a gradient (as LibreOffice draws a Word drawing's
    gradient-filled shapes) drawn as a form: every shading it paints with is in the form's
    resources (reportlab 5.1 kept them only on a page: poppler reported "Shading 'Sh0' is
    unknown" and the boxes printed black)."""
    import re as _re

    import pikepdf
    from reportlab.pdfgen.canvas import Canvas

    from exporter.media.images import svg_drawing
    from exporter.writers.pdf_media import draw_vector

    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">'
           b'<stop offset="0" stop-color="#4f81bd"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>'
           b'<rect x="0" y="0" width="100" height="50" fill="url(#g)"/></svg>')
    out = tmp_path / "form.pdf"
    canvas = Canvas(str(out))
    draw_vector(canvas, svg_drawing(svg), 50, 100, 100, 50, "pic_gradient")
    canvas.save()
    with pikepdf.open(out) as pdf:
        [form] = [x for x in pdf.pages[0].Resources.XObject.values() if x.get("/Subtype") == "/Form"]
        named = set(_re.findall(rb"/(Sh\d+) sh", form.read_bytes()))
        assert named, "the drawing paints with a shading"
        shadings = form.Resources.get("/Shading", {})
        assert {n.decode() for n in named} <= {k.lstrip("/") for k in shadings.keys()}


def test_the_form_states_workaround_is_still_needed():
    """pdf_media patches reportlab's PDFFormXObject.format on the versions known to drop a form's
    graphics states: an upgrade fails here until it is re-read (kept, widened or removed)."""
    import inspect

    import reportlab
    from reportlab.pdfbase import pdfdoc

    from exporter.writers import pdf_media

    assert reportlab.Version in pdf_media.FORM_STATES_DROPPED, f"re-read PDFFormXObject.format of reportlab {reportlab.Version}"
    assert "ExtGState" not in inspect.getsource(pdfdoc.PDFFormXObject.format.original)
    assert "Shading" not in inspect.getsource(pdfdoc.PDFFormXObject.format.original)


def test_a_bitmap_inside_a_vector_picture_reaches_the_pdf_and_latex_editions(tmp_path):
    """A bitmap inside an SVG (as pdftocairo writes an EMF holding a photo) is drawn by renderPDF
    as an inline image, whose data reportlab 5.1 appended as bytes while the edition had turned
    ASCII85 off: `build` stopped with an internal error (pandoc's image_with_textbox_caption.docx)."""
    import base64

    from exporter.linker import Linked
    from exporter.model import Document, Figure, Image, Meta, Span, Text
    from exporter.venue import Template
    from exporter.writers import Edition, pdf

    from media_samples import drawn

    png = base64.b64encode(drawn("PNG", (60, 40))).decode("ascii")
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="80">'
           f'<rect x="0" y="0" width="120" height="80" fill="none" stroke="black"/>'
           f'<image x="10" y="10" width="60" height="40" xlink:href="data:image/png;base64,{png}"/></svg>').encode()
    figure = Figure((Image(svg, "image/svg+xml", 120, 80, name="photo-in-svg.svg"),), (Text("A photo inside a drawing"),), Span(1, 1, 1, 1), number="1")
    document = Document("p.docx", Meta(title=(Text("T"),), language="en"), (figure,))
    edition = Edition(Linked(document, ()), Template.load("article"))
    data = pdf.render(edition)  # turns ASCII85 off for the process, as a build does
    from exporter.media.images import prepare, vector_pdf

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    for made in (data, vector_pdf(prepare(figure.images[0]))):  # the PDF edition; the LaTeX edition's media
        page = pdfium.PdfDocument(made)[0]
        images = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=6))
        assert len(images) == 1  # the photo, drawn inside the picture


def _emfs(tmp_path, colours: list[str]) -> list[bytes]:
    """EMFs made by LibreOffice from SVGs, one rectangle of each colour."""
    names = []
    for k, colour in enumerate(colours):
        (tmp_path / f"r{k}.svg").write_text(f'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect x="10" y="10" width="80" height="50" fill="{colour}"/></svg>')
        names.append(str(tmp_path / f"r{k}.svg"))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "emf", "--outdir", str(tmp_path), *names], capture_output=True, timeout=240)
    return [(tmp_path / f"r{k}.emf").read_bytes() for k in range(len(colours))]


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftocairo")), reason="LibreOffice or poppler not installed")
def test_a_documents_emf_pictures_are_converted_in_one_libreoffice_run(tmp_path, monkeypatch):
    """LibreOffice's start is most of an EMF's conversion: a document's EMFs go through one run,
    each picture keeps its own drawing, and one LibreOffice cannot read (a bare header and end
    record here; an EMF+-only file it leaves blank) is refused once, without a run of its own
    for each edition."""
    from exporter.media import convert, images

    red, blue = _emfs(tmp_path, ["red", "blue"])
    blank = struct.pack("<II", 1, 108) + b"\0" * 100 + struct.pack("<IIIII", 14, 20, 0, 0, 20)  # a header and EMR_EOF
    runs = []
    real_run = convert._run
    monkeypatch.setattr(convert, "_run", lambda command, *rest: (runs.append(Path(command[0]).name), real_run(command, *rest))[1])
    pictures = [Image(red, "image/x-emf", name="red.emf"), Image(blue, "image/x-emf", name="blue.emf"), Image(blank, "image/x-emf", name="blank.emf")]
    images.prepare_all(pictures)
    assert runs.count("soffice") == 1
    for image, colour in zip(pictures[:2], ("ff0000", "0000ff")):
        picture = prepare(image)
        assert picture.kind == "svg" and colour in picture.data.decode("utf-8").lower().replace("rgb(100%,0%,0%)", "ff0000").replace("rgb(0%,0%,100%)", "0000ff")
    for _ in range(2):  # asked again by the next edition: refused without another run
        with pytest.raises(MediaError, match="could not be converted: LibreOffice could not read the EMF"):
            prepare(pictures[2])
    assert runs.count("soffice") == 1


def test_pictures_prepared_in_another_process_are_taken_as_they_are(monkeypatch):
    """A build's PDF child is sent the pictures its parent prepared: it converts none again."""
    from exporter.media import images

    done = images.Picture("svg", b"<svg/>", 10.0, 5.0, converted=True)
    sent = Image(b"EMF bytes", "image/x-emf", name="sent.emf")
    refused = Image(b"other EMF bytes", "image/x-emf", name="refused.emf")
    monkeypatch.setattr(images, "_prepare", lambda *args: pytest.fail("converted again"))
    images.remember([(sent, done), (refused, MediaError("refused.emf", "the metafile could not be converted: it draws nothing"))])
    assert prepare(sent) is done
    with pytest.raises(MediaError, match="it draws nothing"):
        prepare(refused)


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftocairo")), reason="LibreOffice or poppler not installed")
def test_a_second_edition_of_the_same_paper_converts_its_emfs_no_more(tmp_path, monkeypatch):
    """Another venue's edition of the same paper (a new Edition, its pictures asked again) finds
    the EMFs the first one converted: no LibreOffice run."""
    from exporter.media import convert, images

    pictures = [Image(data, "image/x-emf", name=f"{colour}.emf") for data, colour in zip(_emfs(tmp_path, ["green", "yellow"]), ("green", "yellow"))]
    runs = []
    real_run = convert._run
    monkeypatch.setattr(convert, "_run", lambda command, *rest: (runs.append(Path(command[0]).name), real_run(command, *rest))[1])
    images.prepare_all(pictures)
    first = [prepare(p) for p in pictures]
    images._prepare.cache_clear()  # as after many other pictures pushed these out of the cache
    images.prepare_all(pictures)
    assert [prepare(p).data for p in pictures] == [f.data for f in first]
    assert runs.count("soffice") == 1
