"""Word shape drawings: a figure an author drew with Word's shapes (a group of boxes and an
arrow, as DrawingML with its VML fallback or as VML alone) is read as one figure, given as a
one-drawing Word package that LibreOffice draws, with its caption; the words in its boxes are
its alt text, not body paragraphs. A text frame (one shape holding a text box) and a picture
grouped with its caption's box are read as before: text, and a picture with its caption; so
is a group whose box holds body text."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from PIL import Image as PILImage

from docx_samples import PNG_1PX, add_media, save
from docx_shapes import HEIGHT, LABELS, WIDTH, add_run, canvas_drawing, group_drawing, picture_with_arrow_and_label, picture_with_caption_box, text_frame, vml_group
from exporter.media.images import prepare, vector_pdf
from exporter.model import CHART_PACKAGE, Figure, Paragraph, Text, iter_inlines
from exporter.readers import read_document

from helpers import run_cli

needs_office = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftocairo") is None, reason="LibreOffice / pdftocairo not installed")
FRAMED = "Этот абзац основного текста автор поставил в рамку, и он остаётся текстом статьи."
PROSE = " ".join(["Абзац", "основного", "текста", "в", "рамке", "группы"] * 7)  # 42 words: body text, not a label


def _paper(tmp_path, run: str, anchor_text: str = "", caption: str = "Рис. 1. Схема обработки данных", extra=None):
    d = docx.Document()
    d.add_paragraph("Первое предложение основного текста статьи.")
    add_run(d.add_paragraph(anchor_text), run)
    d.add_paragraph(caption)
    if extra is not None:
        extra(d)
    d.add_paragraph("Последнее предложение статьи.")
    return save(d, tmp_path / "shapes.docx")


def _texts(doc) -> list[str]:
    return ["".join(n.text for n in iter_inlines(b.inlines) if isinstance(n, Text)) for b in doc.blocks if isinstance(b, Paragraph)]


def _with_text_in_frames_and_a_captioned_picture(d) -> None:
    add_run(d.add_paragraph(), text_frame(FRAMED))
    add_run(d.add_paragraph(), group_drawing(labels=(PROSE, "Выход")))
    rid = add_media(d, "image1.png", "image/png", PNG_1PX)
    add_run(d.add_paragraph(), picture_with_caption_box(rid, "Рис. 2. Логотип"))


def test_a_group_of_shapes_is_one_figure_with_its_caption_and_its_words_are_its_alt_text(tmp_path):
    path = _paper(tmp_path, group_drawing(), extra=_with_text_in_frames_and_a_captioned_picture)
    doc = read_document(str(path))
    drawn, logo = [b for b in doc.blocks if isinstance(b, Figure)]
    [image] = drawn.images
    assert (image.media_type, image.width, image.height, image.alt) == (CHART_PACKAGE, WIDTH, HEIGHT, "; ".join(LABELS))
    assert (drawn.number, "".join(n.text for n in drawn.caption if isinstance(n, Text))) == ("1", "Схема обработки данных")
    texts = _texts(doc)
    assert not set(LABELS) & set(texts)  # the boxes' words had been read as body paragraphs, the drawing lost
    assert FRAMED in texts  # a text frame's paragraph stays text
    assert PROSE in texts and "Выход" in texts  # and so does a group whose box holds body text
    assert [i.data for i in logo.images] == [PNG_1PX] and logo.number == "2"  # a picture grouped with its caption's box: as before
    assert [n.code for n in doc.notes] == []
    with zipfile.ZipFile(io.BytesIO(image.data)) as package:
        document = package.read("word/document.xml").decode()
        with zipfile.ZipFile(path) as source:
            assert package.read("word/styles.xml") == source.read("word/styles.xml")  # its boxes' text set in the paper's styles
    assert "wpg:wgp" in document and "<wp:inline" in document and "<wp:anchor" not in document  # set in the line of its own page
    assert all(f">{label}<" in document for label in LABELS)
    again = next(b for b in read_document(str(path)).blocks if isinstance(b, Figure))
    assert again.images[0].data == image.data  # the same drawing, the same bytes: converted once


def test_a_vml_group_anchored_beside_text_is_a_figure_after_that_text(tmp_path):
    words = "Данные проходят два шага."
    doc = read_document(str(_paper(tmp_path, f"<w:r>{vml_group()}</w:r>", anchor_text=words)))
    kinds = [(type(b).__name__, _texts(type(doc)(doc.path, doc.meta, (b,)))) for b in doc.blocks]
    at = kinds.index(("Paragraph", [words]))
    assert kinds[at + 1][0] == "Figure"  # placed on the page beside the text: after it, never inside its line
    figure = doc.blocks[at + 1]
    [image] = figure.images
    assert (image.media_type, image.width, image.height, image.alt, figure.number) == (CHART_PACKAGE, WIDTH, HEIGHT, "; ".join(LABELS), "1")
    assert not set(LABELS) & set(_texts(doc))
    with zipfile.ZipFile(io.BytesIO(image.data)) as package:
        group = package.read("word/document.xml").decode()
    assert "v:group" in group and "position:absolute;margin-left" not in group and f"width:{WIDTH}pt" in group


def test_a_caption_grouped_with_the_drawing_is_its_caption_not_part_of_its_picture(tmp_path):
    d = docx.Document()
    d.add_paragraph("Первое предложение основного текста статьи.")
    add_run(d.add_paragraph(), group_drawing(caption="Рис. 1 – Схема обработки данных"))
    d.add_paragraph("Последнее предложение статьи.")
    doc = read_document(str(save(d, tmp_path / "grouped.docx")))
    [figure] = [b for b in doc.blocks if isinstance(b, Figure)]
    [image] = figure.images
    assert (figure.number, "".join(n.text for n in figure.caption if isinstance(n, Text))) == ("1", "Схема обработки данных")
    assert image.alt == "; ".join(LABELS) and not any("Схема" in t for t in _texts(doc))  # read once, as the caption
    with zipfile.ZipFile(io.BytesIO(image.data)) as package:
        document = package.read("word/document.xml").decode()
    assert "Input" in document and "Схема" not in document  # not drawn into the picture too (nor by the VML fallback)


def test_a_drawing_captioned_figura_takes_its_caption_and_a_list_of_figury_is_none(tmp_path):
    """`Фигура 2 – …` labels a figure as `Рисунок 2 – …` does (LizaM19's graph drawings are
    numbered so); `Фигуры:` opening a list of shapes, with no number, is no caption."""
    def listed(d):
        d.add_paragraph("Фигуры:")
        d.add_paragraph("прямоугольник, эллипс, кривая.")

    doc = read_document(str(_paper(tmp_path, group_drawing(anchored=False), caption="Фигура 2 – Визуализация графа", extra=listed)))
    [figure] = [b for b in doc.blocks if isinstance(b, Figure)]
    assert (figure.number, "".join(n.text for n in figure.caption if isinstance(n, Text))) == ("2", "Визуализация графа")
    assert "Фигуры:" in _texts(doc)


def test_a_picture_grouped_with_an_arrow_and_its_label_is_one_drawing(tmp_path):
    """An arrow points at something: with it the group is a marked-up picture, drawn whole (a
    plain rule beside a picture and one box, a letterhead, is not: the first test)."""
    d = docx.Document()
    rid = add_media(d, "image1.png", "image/png", PNG_1PX)
    add_run(d.add_paragraph(), picture_with_arrow_and_label(rid, "Датчик"))
    d.add_paragraph("Рис. 1. Стенд")
    doc = read_document(str(save(d, tmp_path / "arrow.docx")))
    [figure] = [b for b in doc.blocks if isinstance(b, Figure)]
    [image] = figure.images
    assert (image.media_type, image.alt, figure.number) == (CHART_PACKAGE, "Датчик", "1")
    assert "Датчик" not in _texts(doc)
    with zipfile.ZipFile(io.BytesIO(image.data)) as package:
        assert package.read("word/media/image1.png") == PNG_1PX  # the picture it is drawn over, under its own name


def test_a_drawing_canvas_is_one_figure_and_travels_with_its_fallback(tmp_path):
    doc = read_document(str(_paper(tmp_path, canvas_drawing())))
    [figure] = [b for b in doc.blocks if isinstance(b, Figure)]
    [image] = figure.images
    assert (image.media_type, image.alt, figure.number) == (CHART_PACKAGE, "; ".join(LABELS), "1")
    assert not set(LABELS) & set(_texts(doc))
    with zipfile.ZipFile(io.BytesIO(image.data)) as package:
        document = package.read("word/document.xml").decode()
    assert "wpc:wpc" in document and 'editas="canvas"' in document  # LibreOffice draws the Choice it knows, else the VML


@needs_office
def test_a_group_drawn_in_libreoffice_and_saved_as_docx_is_one_figure(tmp_path):
    """Another producer's group: LibreOffice Writer saves its drawing (tests/data/shape_group.fodt)
    as a `wpg:wgp` with a VML fallback, its text in `wps:txbx` boxes."""
    source = Path(__file__).parent / "data" / "shape_group.fodt"
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([shutil.which("soffice"), "--headless", f"-env:UserInstallation={profile}", "--convert-to", "docx", "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=120)
    doc = read_document(str(tmp_path / "shape_group.docx"))
    [figure] = [b for b in doc.blocks if isinstance(b, Figure)]
    [image] = figure.images
    assert (image.media_type, image.alt, figure.number) == (CHART_PACKAGE, "; ".join(LABELS), "1")
    assert not set(LABELS) & set(_texts(doc))
    colours = _colours(vector_pdf(prepare(image)), tmp_path)
    assert colours["red"] and colours["blue"] and max(colours["red"]) < min(colours["blue"])


def _colours(pdf: bytes, tmp_path) -> dict[str, list[int]]:
    """x of every pure red and pure blue pixel of a one-page PDF drawn at 72 dpi."""
    (tmp_path / "p.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-singlefile", str(tmp_path / "p.pdf"), str(tmp_path / "p")], check=True)
    found: dict[str, list[int]] = {"red": [], "blue": []}
    with PILImage.open(tmp_path / "p.png") as page:
        rgb = page.convert("RGB")
        for y in range(rgb.height):
            for x in range(rgb.width):
                r, g, b = rgb.getpixel((x, y))
                if r > 200 and g < 60 and b < 60:
                    found["red"].append(x)
                elif b > 200 and r < 60 and g < 60:
                    found["blue"].append(x)
    return found


@needs_office
@pytest.mark.parametrize("run", [group_drawing(), f"<w:r>{vml_group()}</w:r>", canvas_drawing(), group_drawing(caption="Рис. 1 – Схема")], ids=["drawingml", "vml", "canvas", "caption grouped"])
def test_a_drawing_is_drawn_whole_at_its_size(tmp_path, run):
    doc = read_document(str(_paper(tmp_path, run)))
    [image] = next(b for b in doc.blocks if isinstance(b, Figure)).images
    picture = prepare(image)
    assert picture.kind == "svg" and picture.converted
    assert abs(picture.width / picture.height - WIDTH / HEIGHT) < 0.3  # cropped to what is drawn: the boxes' frame (a grouped caption's box left blank, not the others stretched over its place)
    colours = _colours(vector_pdf(picture), tmp_path)
    assert len(colours["red"]) > 500 and len(colours["blue"]) > 500  # both boxes, filled
    assert max(colours["red"]) < min(colours["blue"])  # the red box on the left, the blue on the right


@needs_office
def test_every_edition_prints_the_drawing(tmp_path):
    source = _paper(tmp_path, group_drawing())
    result = run_cli("build", str(source), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "out" / "shapes.docx") as package:
        names = package.namelist()
        svgs = [n for n in names if n.startswith("word/media/") and n.endswith(".svg")]
        assert len(svgs) == 1 and b"<svg" in package.read(svgs[0])
        assert not any(package.read(n)[:2] == b"PK" for n in names if n.startswith("word/media/"))  # never the package itself
        assert "Input" not in package.read("word/document.xml").decode().replace('descr="Input; Output"', "")  # no label left as text
    [vector] = list((tmp_path / "out" / "shapes.media").glob("picture*.pdf"))
    colours = _colours(vector.read_bytes(), tmp_path)
    assert colours["red"] and colours["blue"] and max(colours["red"]) < min(colours["blue"])
    assert "\\includegraphics" in (tmp_path / "out" / "shapes.tex").read_text(encoding="utf-8")
    colours = _colours((tmp_path / "out" / "shapes.pdf").read_bytes(), tmp_path)
    assert colours["red"] and colours["blue"]
