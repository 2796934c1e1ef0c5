"""A picture an author put in the text without a caption (code shown as a screenshot between two
paragraphs) is an uncaptioned figure where it stands; a logo in the page's margin is not, and
the captioned figures keep their numbers (docs/formats.md, PDF figures).

Pages drawn here with reportlab: every position is known by construction."""

from __future__ import annotations

from io import BytesIO

from exporter.model import Figure, Paragraph, plain_text
from exporter.readers.pdf.reader import read_pdf

from helpers import draw_text, pdf_canvas

ABOVE = ("Для установки библиотеки выполним в командной строке команду, показанную ниже на снимке",
         "экрана; она загружает пакет из репозитория и ставит его вместе со всеми зависимостями:")
BELOW = ("Библиотека может быть импортирована в программу под коротким именем, как принято в её",
         "документации; дальше в статье мы пользуемся именно этим именем во всех примерах кода.")


def _png(size: tuple[int, int], colour: tuple[int, int, int], ink: bool = False) -> BytesIO:
    from PIL import Image as PILImage, ImageDraw

    image = PILImage.new("RGB", size, colour)
    if ink:  # a screenshot's line of code: dark strokes on the grey box
        draw = ImageDraw.Draw(image)
        for k in range(12):
            draw.rectangle((30 + 60 * k, 40, 70 + 60 * k, 70), fill=(20, 20, 20))
    out = BytesIO()
    image.save(out, "PNG")
    out.seek(0)
    return out


def _paper(path) -> str:
    """A logo in the running head, a paragraph, a screenshot (no caption), a paragraph, a
    captioned photo (`Рис. 1`) and a line of text under it."""
    from reportlab.lib.utils import ImageReader

    c = pdf_canvas(path)
    c.drawImage(ImageReader(_png((64, 64), (200, 0, 0))), 50, 790, 40, 40)  # the journal's logo
    draw_text(c, 100, 805, "Вестник университета, 2024, № 3", 9)
    draw_text(c, 120, 770, "Библиотеки Python для анализа данных", 16, bold=True)
    draw_text(c, 250, 750, "А. Б. Иванов")
    draw_text(c, 50, 725, "Введение", bold=True)
    y = 705
    for text in ABOVE:
        draw_text(c, 50, y, text)
        y -= 14
    c.drawImage(ImageReader(_png((900, 110), (230, 230, 230), ink=True)), 50, 630, 400, 49)  # `pip install …` as a picture
    y = 610
    for text in BELOW:
        draw_text(c, 50, y, text)
        y -= 14
    c.drawImage(ImageReader(_png((320, 200), (30, 120, 200))), 100, 370, 320, 200)
    draw_text(c, 150, 350, "Рис. 1. Синий прямоугольник", 10)
    draw_text(c, 50, 320, "Как видно на рис. 1, прямоугольник синий, и это последняя строка текста статьи.")
    c.save()
    return str(path)


def test_an_uncaptioned_picture_between_paragraphs_is_a_figure_where_it_stands_and_a_logo_is_not(tmp_path):
    doc = read_pdf(_paper(tmp_path / "code.pdf"))
    blocks = [b for b in doc.blocks if isinstance(b, (Paragraph, Figure))]
    kinds = [("figure", b.number, len(b.images)) if isinstance(b, Figure) else plain_text(b.inlines)[:20] for b in blocks]
    assert kinds == ["Для установки библио", ("figure", None, 1), "Библиотека может быт", ("figure", "1", 1), "Как видно на рис. 1,"]
    screenshot = blocks[1]
    assert screenshot.caption == () and screenshot.label is None
    assert (screenshot.images[0].width, screenshot.images[0].height) == (400.0, 49.0)
    assert not any(code.startswith("XRF") for code in (n.code for n in doc.notes))
