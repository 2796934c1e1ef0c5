"""A figure drawn with vector paths (a chart, a diagram) is one picture rendered from its page
region: its labels, axis ticks and legend are in the picture, so not in the body's text; the
region stops at the text and the ruled table above it (docs/formats.md, PDF figures).

Pages drawn here with reportlab: every position is known by construction."""

from __future__ import annotations

from exporter.model import Figure, Paragraph, Table, plain_text
from exporter.readers.pdf.reader import read_pdf

from helpers import draw_text, pdf_canvas

PROSE = "Текст статьи идёт по всей ширине полосы набора от левого поля до правого поля страницы."
TICKS = "0,01     0,1     1     10     100     1000     10000"  # the x axis's ticks, one wide line of figures


def _chart(c, left: float, bottom: float) -> None:
    """A chart: a frame 300 x 150 pt at (left, bottom), a falling curve, a legend inside, tick
    labels under and left of it (the left ones 20 pt out), the axis's title 24 pt under the ticks."""
    c.rect(left, bottom, 300, 150)
    points = [(left + 10 * k, bottom + 140 - 4 * k) for k in range(30)]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        c.line(x0, y0, x1, y1)
    for k in range(1, 6):  # grid ticks
        c.line(left + 50 * k, bottom, left + 50 * k, bottom + 4)
    draw_text(c, left + 200, bottom + 130, "ADEV_acc_1", 8)
    draw_text(c, left + 200, bottom + 120, "ADEV_acc_2", 8)
    for k, label in enumerate(("0,001", "0,01", "0,1", "1")):
        draw_text(c, left - 26, bottom + 5 + 45 * k, label, 10)
    draw_text(c, left, bottom - 12, TICKS, 10)
    draw_text(c, left + 120, bottom - 36, "tau (sec)", 12)


def _title_page(path):
    """A canvas whose first page holds a title, its author and prose: the figure's page is the second."""
    c = pdf_canvas(path)
    draw_text(c, 120, 780, "Кластер инерциальных датчиков", 16, bold=True)
    draw_text(c, 120, 760, "И. И. Иванов", 11)
    for k in range(5):
        draw_text(c, 60, 720 - 14 * k, PROSE, 10)
    c.showPage()
    return c


def _paper(path, table_above: bool = True):
    c = _title_page(path)
    for k in range(3):
        draw_text(c, 60, 790 - 14 * k, PROSE, 10)
    draw_text(c, 60, 748, "алгоритмы.", 10)  # the paragraph's short last line, right above the chart when no table stands between
    if table_above:
        draw_text(c, 150, 725, "Таблица 1 – Смещение нуля", 10)
        xs, top = (150, 250, 350), 715
        for r in range(4):
            c.line(xs[0], top - 14 * r, xs[-1], top - 14 * r)
        for x in xs:
            c.line(x, top, x, top - 42)
        for r, (a, b) in enumerate((("Ось", "Среднее"), ("X", "0,0686"), ("Y", "-0,0250"))):
            draw_text(c, xs[0] + 3, top - 11 - 14 * r, a, 10)
            draw_text(c, xs[1] + 3, top - 11 - 14 * r, b, 10)
        _chart(c, 150, 500)
    else:
        _chart(c, 150, 580)
    caption_y = 440 if table_above else 520
    draw_text(c, 200, caption_y, "Рис. 2: Девиация Аллана", 10)
    for k in range(3):
        draw_text(c, 60, caption_y - 30 - 14 * k, PROSE, 10)
    c.save()
    return str(path)


def _figure(document) -> Figure:
    (figure,) = [b for b in document.blocks if isinstance(b, Figure)]
    return figure


def _body_text(document) -> str:
    return " ".join(plain_text(b.inlines) for b in document.blocks if isinstance(b, Paragraph))


def test_a_charts_labels_ticks_and_axis_titles_are_in_its_picture_not_in_the_text(tmp_path):
    document = read_pdf(_paper(tmp_path / "chart.pdf", table_above=False))
    figure = _figure(document)
    picture = figure.images[0]
    # the frame spans 150..450 x 580..730; the left ticks reach out to 124, the axis title
    # down to 580 - 36 = 544 less its descenders: the picture holds them all
    assert picture.width >= 450 - 124 and picture.height >= 730 - 541
    text = _body_text(document)
    for label in ("ADEV", "tau", "0,001", "10000"):
        assert label not in text
    assert "алгоритмы." in text  # the paragraph's last line above is no label


def test_a_ruled_table_above_a_chart_is_neither_in_its_picture_nor_lost(tmp_path):
    document = read_pdf(_paper(tmp_path / "table.pdf"))
    picture = _figure(document).images[0]
    # the chart with its labels is about 190 pt high; with the table above it, 270 pt
    assert picture.height < 215
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert [[plain_text(c.inlines) for c in row] for row in table.rows][1] == ["X", "0,0686"]
    assert "ADEV" not in _body_text(document) and "tau" not in _body_text(document)


def test_an_indented_paragraph_after_a_figure_does_not_resume_the_unstopped_one_before(tmp_path):
    """A paragraph left without its stop (a formula typed as text) before a figure: the
    indented paragraph opening in capitals after the figure is a paragraph of its own; a line
    at the column's edge in lower case still carries the sentence on."""
    path = tmp_path / "resume.pdf"
    c = _title_page(path)
    draw_text(c, 60, 790, PROSE, 10)
    draw_text(c, 60, 776, "y = Sin [Sin [Cos [x]]] + Sin [Abs [x]] +", 10)
    c.rect(150, 600, 300, 150)
    for k in range(5):
        c.line(150 + 60 * k, 600, 210 + 60 * k, 750)
    draw_text(c, 200, 580, "Рис. 6 – График функции", 10)
    draw_text(c, 85, 550, "На графике видно, что функция совпадает с заданной функцией во всех точках выборки.", 10)
    draw_text(c, 60, 536, "Это подтверждает точность метода на всех наборах данных, что важно для практики.", 10)
    c.save()
    document = read_pdf(str(path))
    paragraphs = [plain_text(b.inlines) for b in document.blocks if isinstance(b, Paragraph)]
    assert any(p.startswith("На графике видно") for p in paragraphs)
    assert not any("Abs [x]] + На графике" in p for p in paragraphs)


BOOK_PROSE = "The network matches the data at the middle layer and organizes them."


def test_a_drawing_as_wide_as_its_caption_set_out_into_the_margin_is_one_picture(tmp_path):
    """A book's page (Springer's chapters) sets its text in from the left margin and its figures
    and captions out to it: a diagram reaching left of the text's column, its caption flush with
    the margin, is the figure's picture still, its labels (`reference`, out at the left) in it,
    not in the text (unseen malcangi_biometric_chapter, whose label `reference` was then taken for
    the reference list's heading). The region spans the caption's width where it is wider."""
    path = tmp_path / "book.pdf"
    c = _title_page(path)
    for k in range(4):
        draw_text(c, 160, 790 - 14 * k, BOOK_PROSE, 10)
    for k in range(6):  # dashed bounds fanning out from a reference point at the left margin
        c.line(105, 420, 300 + 25 * k, 650 - 20 * k)
    c.rect(260, 560, 120, 70)
    draw_text(c, 82, 425, "reference", 8)
    draw_text(c, 300, 640, "search space", 8)
    draw_text(c, 52, 393, "Fig. 2 Boundaries for fingerprint matching", 9)
    for k in range(6):
        draw_text(c, 160, 350 - 14 * k, BOOK_PROSE, 10)
    c.save()
    document = read_pdf(str(path))
    figure = _figure(document)
    assert figure.images[0].width >= 380 - 82
    text = _body_text(document)
    assert "reference" not in text and "search space" not in text
