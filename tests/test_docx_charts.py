"""Word charts: a chart Word stores as data (a `c:chart` part with cached values) and no picture
of it is read as a figure, drawn by LibreOffice in the media stage, and printed in every
edition; a chart with Word's fallback picture keeps that picture. SVG pictures drawn through a
mask (how pdftocairo writes a PDF's soft mask) keep their clear parts clear in the PDF."""

from __future__ import annotations

import base64
import io
import shutil
import subprocess
import zipfile

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.shared import Emu
from PIL import Image as PILImage

from docx_samples import PNG_1PX, add_media, append_xml, save, vml_picture
from exporter.media.images import alpha_bitmaps, prepare, vector_pdf
from exporter.model import CHART_PACKAGE, Figure, Image
from exporter.readers import read_document

from helpers import run_cli

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
needs_office = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftocairo") is None, reason="LibreOffice / pdftocairo not installed")


def _points(category: str, values: list) -> str:
    return f'<c:ptCount val="{len(values)}"/>' + "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(values))


# A column chart as Word writes one: three regions, one series in pure red, values cached.
CHART = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="{C_NS}" xmlns:a="{A_NS}" xmlns:r="{R_NS}">'
    '<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
    '<c:ser><c:idx val="0"/><c:order val="0"/><c:spPr><a:solidFill><a:srgbClr val="FF0000"/></a:solidFill></c:spPr>'
    f'<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$4</c:f><c:strCache>{_points("cat", ["North", "South", "East"])}</c:strCache></c:strRef></c:cat>'
    f'<c:val><c:numRef><c:f>Sheet1!$B$2:$B$4</c:f><c:numCache><c:formatCode>General</c:formatCode>{_points("val", [30, 10, 20])}</c:numCache></c:numRef></c:val>'
    '</c:ser><c:gapWidth val="150"/><c:axId val="1"/><c:axId val="2"/></c:barChart>'
    '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>'
    '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>'
    '</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>'
).encode()
WIDTH, HEIGHT = 288, 144  # points: the chart's frame, 4 × 2 in


def chart_drawing(rid: str) -> str:
    return (
        '<w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        f'<wp:extent cx="{WIDTH * 12700}" cy="{HEIGHT * 12700}"/><wp:docPr id="7" name="Chart 1" descr="Sales by region"/>'
        f'<a:graphic xmlns:a="{A_NS}"><a:graphicData uri="{C_NS}"><c:chart xmlns:c="{C_NS}" xmlns:r="{R_NS}" r:id="{rid}"/></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing>"
    )


def paper_with_chart(tmp_path, fallback: bool = False):
    d = docx.Document()
    d.add_heading("Продажи по регионам", level=0)
    d.add_paragraph("Первое предложение основного текста статьи.")
    part = Part(PackURI("/word/charts/chart1.xml"), "application/vnd.openxmlformats-officedocument.drawingml.chart+xml", CHART, d.part.package)
    rid = d.part.relate_to(part, RT.CHART)
    if fallback:
        picture = add_media(d, "image9.png", "image/png", PNG_1PX)
        run = f'<w:r><mc:AlternateContent xmlns:mc="{MC_NS}"><mc:Choice Requires="c14">{chart_drawing(rid)}</mc:Choice><mc:Fallback>{vml_picture(picture)[5:-6]}</mc:Fallback></mc:AlternateContent></w:r>'
    else:
        run = f"<w:r>{chart_drawing(rid)}</w:r>"
    append_xml(d.add_paragraph(), run)
    d.add_paragraph("Рис. 1. Продажи по регионам")
    return save(d, tmp_path / "chart.docx")


def _theme(path) -> bytes:
    with zipfile.ZipFile(path) as package:
        return package.read("word/theme/theme1.xml")


def test_a_chart_without_a_fallback_picture_is_a_figure_holding_the_chart_and_its_theme(tmp_path):
    path = paper_with_chart(tmp_path)
    doc = read_document(str(path))
    assert [n.code for n in doc.notes] == []  # it had been DOC001: "a chart holds no picture … it is left out"
    [figure] = [b for b in doc.blocks if isinstance(b, Figure)]
    [image] = figure.images
    assert (image.media_type, image.width, image.height, image.alt, image.name) == (CHART_PACKAGE, WIDTH, HEIGHT, "Sales by region", "word/charts/chart1.xml")
    with zipfile.ZipFile(io.BytesIO(image.data)) as package:
        assert package.read("word/charts/chart1.xml") == CHART  # the chart as the source holds it
        assert package.read("word/theme/theme1.xml") == _theme(path)  # the colours a chart takes from the theme
        document = package.read("word/document.xml").decode()
    assert f'cx="{WIDTH * 12700}" cy="{HEIGHT * 12700}"' in document and f'w:w="{WIDTH * 20 + 40}"' in document
    again = next(b for b in read_document(str(path)).blocks if isinstance(b, Figure))
    assert again.images[0].data == image.data  # the same chart, the same bytes: converted once


def test_a_chart_with_words_fallback_picture_keeps_the_picture(tmp_path):
    doc = read_document(str(paper_with_chart(tmp_path, fallback=True)))
    [figure] = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [(i.media_type, i.data) for i in figure.images] == [("image/png", PNG_1PX)]


def _red_columns(pdf: bytes, tmp_path) -> list[int]:
    """Heights in pixels of the runs of pure red columns across the middle band of a one-page PDF drawn at 72 dpi."""
    (tmp_path / "p.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-singlefile", str(tmp_path / "p.pdf"), str(tmp_path / "p")], check=True)
    with PILImage.open(tmp_path / "p.png") as page:
        rgb = page.convert("RGB")
        heights = []
        for x in range(rgb.width):
            column = sum(1 for y in range(rgb.height) if (lambda p: p[0] > 200 and p[1] < 60 and p[2] < 60)(rgb.getpixel((x, y))))
            heights.append(column)
    runs, current = [], []
    for h in heights + [0]:
        if h:
            current.append(h)
        elif current:
            runs.append(max(current))
            current = []
    return runs


@needs_office
def test_a_chart_is_drawn_from_its_cached_values_at_its_size(tmp_path):
    doc = read_document(str(paper_with_chart(tmp_path)))
    [image] = next(b for b in doc.blocks if isinstance(b, Figure)).images
    picture = prepare(image)
    assert picture.kind == "svg" and picture.converted
    assert abs(picture.width / picture.height - WIDTH / HEIGHT) < 0.1  # cropped to what is drawn: the chart's frame
    columns = _red_columns(vector_pdf(picture), tmp_path)
    assert len(columns) == 3  # three red columns, North, South, East
    north, south, east = columns
    assert abs(north / south - 3) < 0.35 and abs(east / south - 2) < 0.3  # 30 : 10 : 20


@needs_office
def test_every_edition_prints_the_chart(tmp_path):
    source = paper_with_chart(tmp_path)
    result = run_cli("build", str(source), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "out" / "chart.docx") as package:
        names = package.namelist()
        svgs = [n for n in names if n.startswith("word/media/") and n.endswith(".svg")]
        assert len(svgs) == 1 and b"<svg" in package.read(svgs[0])  # Word's picture of it, with a PNG preview beside
        assert not any(package.read(n)[:2] == b"PK" for n in names if n.startswith("word/media/"))  # never the package itself
    media = tmp_path / "out" / "chart.media"
    [vector] = list(media.glob("picture*.pdf"))
    assert len(_red_columns(vector.read_bytes(), tmp_path)) == 3
    assert "\\includegraphics" in (tmp_path / "out" / "chart.tex").read_text(encoding="utf-8")
    assert len(_red_columns((tmp_path / "out" / "chart.pdf").read_bytes(), tmp_path)) == 3


def _png(image: PILImage.Image) -> str:
    out = io.BytesIO()
    image.save(out, "PNG")
    return base64.b64encode(out.getvalue()).decode()


def test_a_masked_picture_in_an_svg_is_clear_where_its_mask_is_black(tmp_path):
    """As pdftocairo writes a PDF's soft mask: a black picture drawn through a mask whose left
    half is white (shown) and right half black (clear). svglib ignores masks: the whole square
    had been drawn black."""
    shown = PILImage.new("L", (40, 40), 0)
    mask = PILImage.new("L", (40, 40), 0)
    mask.paste(255, (0, 0, 20, 40))
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40pt" height="40pt" viewBox="0 0 40 40"><defs>'
        f'<image id="m" width="40" height="40" xlink:href="data:image/png;base64,{_png(mask)}"/>'
        '<mask id="mask0"><use xlink:href="#m"/></mask>'
        f'<image id="s" width="40" height="40" xlink:href="data:image/png;base64,{_png(shown)}"/></defs>'
        '<use xlink:href="#s" mask="url(#mask0)"/></svg>'
    ).encode()
    picture = prepare(Image(data=svg, media_type="image/svg+xml", name="masked.svg"))
    assert b"mask=" not in picture.data.split(b"</defs>")[-1]
    assert alpha_bitmaps()  # reportlab's renderPDF draws a bitmap's alpha (its private renderer is patched)
    (tmp_path / "m.pdf").write_bytes(vector_pdf(picture))
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-singlefile", str(tmp_path / "m.pdf"), str(tmp_path / "m")], check=True)
    with PILImage.open(tmp_path / "m.png") as page:
        gray = page.convert("L")
        assert gray.getpixel((10, 20)) < 40  # the shown half: black
        assert gray.getpixel((30, 20)) > 215  # the clear half: the page's white, not black
