"""A PDF's numbered display formula reaches the model as a picture of mathematics (Image.formula,
as a Word equation object's preview does), its number beside it; the prose around it, a prose
line ending in a bracketed number, a sentence explaining the symbols and a formula whose region
would cut another line stay text. Pages drawn here with reportlab: a fraction set as three
lines (numerator, the line with the number, denominator) with a rule, as TeX and Word set it."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

from PIL import Image as PILImage

from exporter.model import Image, Paragraph, Text, plain_text, walk
from exporter.readers import read_document
from helpers import draw_text, pdf_canvas

PROSE = [
    "Рассмотрим модель изменения площади поверхности, покрытой пеплом, с течением",
    "времени; площадь меняется по закону, который мы запишем в следующем виде:",
]
AFTER = [
    "где k – коэффициент пропорциональности изменения площади размерности метров,",
    "а время t измеряется в годах от начала наблюдения за изменениями площади (2)",
    "Далее определим закон изменения температуры на поверхности Земли со временем",
    "и рассмотрим его подробно в следующем разделе этой работы вместе с выводами.",
]


def _fraction(c, y: float, numerator: str, rest: str, denominator: str, number: str | None) -> None:
    """`numerator / denominator rest (number)`, centred on x = 250, the number at the right margin."""
    draw_text(c, 240, y + 7, numerator, 9)
    c.setLineWidth(0.5)
    c.line(238, y + 3.5, 256, y + 3.5)
    draw_text(c, 260, y, rest, 11)
    draw_text(c, 241, y - 8, denominator, 9)
    if number:
        draw_text(c, 520, y, number, 11)


def _prose_after(c, y: float) -> None:
    """AFTER's lines from `y` down, then more prose, so the column's edges are known."""
    for line in AFTER:
        draw_text(c, 50, y, line)
        y -= 14
    for k in range(12):
        draw_text(c, 50, y - 14 * k, "Текст статьи продолжается обычными строками основного текста без формул.")


def make_paper(path: Path, number: str | None = "(1)", between: float = 14) -> Path:
    c = pdf_canvas(path)
    draw_text(c, 50, 800, "Модель пеплового покрова Земли", 16, bold=True)
    y = 760
    for line in PROSE:
        draw_text(c, 50, y, line)
        y -= 14
    y -= 12
    _fraction(c, y, "dS", "= k S t", "dt", number)
    y -= between + 10
    _prose_after(c, y)
    c.save()
    return path


def _blocks(path: Path):
    return read_document(str(path)).blocks


def test_a_numbered_display_formula_is_its_picture_with_the_number_beside(tmp_path):
    blocks = _blocks(make_paper(tmp_path / "f.pdf"))
    formulas = [b for b in blocks if isinstance(b, Paragraph) and any(isinstance(n, Image) and n.formula for n in b.inlines)]
    assert len(formulas) == 1
    picture, number = formulas[0].inlines
    assert isinstance(number, Text) and number.text.strip() == "(1)"
    assert picture.media_type == "image/png" and picture.formula
    # the picture is the formula only: about 40 pt wide (dS/dt and `= k S t`), three lines high, no number in it
    assert 30 < picture.width < 80 and 14 < picture.height < 30, (picture.width, picture.height)
    shown = PILImage.open(io.BytesIO(picture.data))
    assert shown.size[0] > 100  # rendered finer than the page's points
    # the formula's fragments are gone from the text; the prose around it, and its words, stay
    text = "\n".join(plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph))
    assert "dS" not in text and "= k S t" not in text
    assert "в следующем виде:" in text and "где k – коэффициент" in text
    assert formulas[0].span.page == 1


def test_a_reading_without_pictures_is_the_same_document_with_empty_picture_bytes(tmp_path):
    """`check` reads a PDF with pictures=False: every block, line and size as the full reading
    has them, only the pictures' bytes left out (none rendered into PNG)."""
    path = str(make_paper(tmp_path / "f.pdf"))
    full, bare = read_document(path), read_document(path, pictures=False)
    images = [n for b in full.blocks if isinstance(b, Paragraph) for n in b.inlines if isinstance(n, Image)]
    bare_images = [n for b in bare.blocks if isinstance(b, Paragraph) for n in b.inlines if isinstance(n, Image)]
    assert len(images) == 1 and images[0].data.startswith(b"\x89PNG")
    assert [n.data for n in bare_images] == [b""]
    assert [dataclasses.replace(n, data=b"") for n in images] == bare_images
    assert [b for b in full.blocks if b not in bare.blocks] == [b for b in full.blocks if isinstance(b, Paragraph) and any(isinstance(n, Image) for n in b.inlines)]
    assert dataclasses.replace(full, blocks=()) == dataclasses.replace(bare, blocks=())


def test_a_formula_on_a_turned_page_stays_text_and_the_page_is_read(tmp_path):
    """A page turned by its /Rotate (a landscape sheet, a booklet's) renders in its turned frame,
    not the text layer's: its formula stays text (it failed the whole read, `Crop exceeds page
    dimensions`, on a real thesis abstract set sideways)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(make_paper(tmp_path / "f.pdf")).pages:
        writer.add_page(page.rotate(90))
    with open(tmp_path / "turned.pdf", "wb") as out:
        writer.write(out)
    blocks = _blocks(tmp_path / "turned.pdf")
    assert not [n for n in walk(blocks) if isinstance(n, Image)]
    assert "в следующем виде:" in "\n".join(plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph))


def test_a_prose_line_ending_in_a_bracketed_number_is_no_formula(tmp_path):
    blocks = _blocks(make_paper(tmp_path / "f.pdf"))
    text = "\n".join(plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph))
    assert "от начала наблюдения за изменениями площади (2)" in text
    assert sum(1 for n in walk(blocks) if isinstance(n, Image)) == 1


def test_a_formula_without_a_number_in_the_texts_font_stays_text(tmp_path):
    """Set in the prose's own font (as reportlab draws it here), nothing marks it as mathematics."""
    blocks = _blocks(make_paper(tmp_path / "f.pdf", number=None))
    assert not any(isinstance(n, Image) for n in walk(blocks))
    text = "\n".join(plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph))
    assert "dS" in text and "k S t" in text


def test_a_region_that_would_cut_the_next_line_leaves_the_formula_as_text(tmp_path):
    # the prose line below stands so close that a picture of the formula would take its top
    blocks = _blocks(make_paper(tmp_path / "f.pdf", between=-2))
    assert not any(isinstance(n, Image) for n in walk(blocks))


def test_a_sums_limit_in_smaller_type_below_the_line_is_the_formulas(tmp_path):
    # `n` over and `i=1` under a sum, in 8 pt, further below its line than a body line's gap
    # would allow (14 pt for 11 pt type): both belong to the formula, no `i=1` is left as text
    path = tmp_path / "sum.pdf"
    c = pdf_canvas(path)
    y = 760
    for line in PROSE:
        draw_text(c, 50, y, line)
        y -= 14
    y -= 16
    draw_text(c, 236, y + 11, "n", 8)
    draw_text(c, 230, y, "S = Σ x", 11)
    draw_text(c, 232, y - 14, "i=1", 8)
    draw_text(c, 520, y, "(2)", 11)
    y -= 34
    _prose_after(c, y)
    c.save()
    blocks = _blocks(path)
    pictures = [n for n in walk(blocks) if isinstance(n, Image) and n.formula]
    assert len(pictures) == 1 and pictures[0].height > 24  # the line and both limits
    text = "\n".join(plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph))
    assert "i=1" not in text and "Σ" not in text


# ---- display formulas with no number, found by their mathematics fonts -------------------------

LATEX_PAPER = r"""\documentclass[11pt]{article}
\usepackage[T2A]{fontenc}\usepackage[utf8]{inputenc}\usepackage[russian,english]{babel}
\begin{document}
\section{Model}
The surface covered by ash changes with time, and we write the law it follows in the form
below, where every quantity is measured in the units the survey of the region used:
\[ \frac{a+b}{c} = \sum_{i=1}^{n} x_i^2 \]
The sum runs over the samples taken, and the inline quantity $x_i$ with its square $x_i^2$
stays in the sentence that names it, as does $\alpha+\beta=\gamma$ in this one here too.
    Every paragraph of the paper begins with an indent: its first line runs to the right edge.
The law of the temperature then follows from the first by integrating it over the year:
\begin{equation} y = \int_0^1 f(t)\,dt \end{equation}
The text goes on in ordinary lines of prose, so that the column's edges are known well, and
the paper ends after a few more lines of prose that hold no formula of any kind at all here.
\end{document}
"""


def _latex_paper(tmp_path: Path, source: str = LATEX_PAPER) -> Path:
    import shutil
    import subprocess

    if shutil.which("pdflatex") is None:
        import pytest

        pytest.skip("pdflatex is not installed")
    (tmp_path / "p.tex").write_text(source, encoding="utf-8")
    subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "p.tex"], cwd=tmp_path, capture_output=True, check=True, timeout=120)
    return tmp_path / "p.pdf"


def test_a_display_formula_in_mathematics_fonts_is_its_picture_even_without_a_number(tmp_path):
    r"""TeX's `\[ … \]` (CMMI, CMSY, CMEX fonts, no number): the picture alone, no number beside it;
    the numbered one keeps its `(1)`; inline mathematics in prose lines stays text."""
    blocks = _blocks(_latex_paper(tmp_path))
    formulas = [b for b in blocks if isinstance(b, Paragraph) and any(isinstance(n, Image) and n.formula for n in b.inlines)]
    assert len(formulas) == 2, [plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph)]
    unnumbered, numbered = formulas
    assert len(unnumbered.inlines) == 1 and unnumbered.inlines[0].formula  # the picture alone
    assert plain_text(numbered.inlines).strip().endswith("(1)")
    picture = unnumbered.inlines[0]
    # a fraction beside a sum with both limits: wider than tall, about three lines of 11 pt high
    assert 60 < picture.width < 200 and 20 < picture.height < 60, (picture.width, picture.height)
    text = "\n".join(plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph))
    assert "stays in the sentence that names it" in text and "by integrating it over the year" in text
    assert "Every paragraph of the paper begins with an indent" in text
    assert not any(piece in text for piece in ("a+b", "a + b")), text


def test_the_rows_of_an_unnumbered_display_are_one_picture(tmp_path):
    """`align*`: rows more than a body line apart, each in mathematics fonts; taken row by row,
    each picture would cut into the next row's ink (and was refused): one picture of all."""
    aligned = LATEX_PAPER.replace(r"\[ \frac{a+b}{c} = \sum_{i=1}^{n} x_i^2 \]",
                                  r"\begin{align*} u &= \frac{a+b}{c} + \sum_{i=1}^{n} x_i^2 \\ &= \frac{p}{q} - \int_0^1 g(t)\,dt \\ &= w_0 \end{align*}")
    aligned = aligned.replace(r"\begin{document}", r"\usepackage{amsmath}\begin{document}")
    blocks = _blocks(_latex_paper(tmp_path, aligned))
    formulas = [b for b in blocks if isinstance(b, Paragraph) and any(isinstance(n, Image) and n.formula for n in b.inlines)]
    assert len(formulas) == 2, [plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph)]
    picture = formulas[0].inlines[0]
    assert len(formulas[0].inlines) == 1 and picture.height > 45, (picture.width, picture.height)  # three rows, fractions and limits
    text = "\n".join(plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph))
    assert "w0" not in text.replace(" ", "") and "= p" not in text, text


def _line(text: str, x0: float, x1: float, math: int, **kw) -> "Line":
    from exporter.readers.pdf.layout import Line

    return Line(1, text, x0, x1, 500.0, 11.0, False, math=math, **kw)


def test_which_lines_in_mathematics_fonts_are_display_formulas():
    """The column runs from 50 to 500 pt, its type 11 pt."""
    from exporter.readers.pdf.formulas import _display_line

    def display(line):
        return _display_line(line, 50.0, 500.0, 11.0)

    assert display(_line("y = f (x) + g(x)", 220, 330, 10))  # centred, clear of both edges
    # the first line of an indented paragraph with inline mathematics runs to the right edge
    assert not display(_line("Функцию φ(x) = ψ(x) определим таким", 85, 500, 12))
    assert not display(_line("y = f(x)", 70, 120, 5))  # a fragment at the left, off the centre
    assert not display(_line("• • • • •", 200, 350, 5))  # bullets: no letter nor digit
    assert not display(_line("Пассажиропоток", 230, 320, 14))  # a word typed in an equation
    assert not display(_line("y = f(x) + g(x)", 220, 330, 2))  # mostly in the text's font
    assert not display(_line("y = f(x) + g(x)", 220, 330, 10, cell=(0, 1)))  # a ruled table's cell
    assert display(_line("sup Span{X, Y} = Z", 220, 330, 12))  # short words of mathematics are no prose


def test_a_formula_region_holding_another_line_of_the_page_is_refused():
    """A text layer that cut a page's lines into pieces read as other columns: a piece of prose
    standing inside the region would be taken into the picture."""
    from exporter.readers.pdf.formulas import _holds_other_lines
    from exporter.readers.pdf.layout import Page

    formula = _line("y = f(x)", 250, 300, 6)
    formula.number = 5
    prose = _line("Lemma 3.11 satisfies the bias variance decomposition", 90, 480, 0)
    prose.number, prose.y, prose.side = 6, 490.0, "R"
    page = Page(1, 595.0, 842.0, [formula, prose])
    region = (48.0, 480.0, 502.0, 515.0)
    assert _holds_other_lines(page, (5,), region)
    assert not _holds_other_lines(page, (5, 6), region)  # the formula's own lines
    prose.y = 470.0  # below the region: the prose line under the formula
    assert not _holds_other_lines(page, (5,), region)


def _stacked_sums(path: Path, bracket_below: bool) -> Path:
    """Two numbered sums set one under the other as Word's equation editor sets them (each with
    `I`/`J` above and `i=1 j=1` below in 8 pt: the first's lower limits stand as far from the
    second's upper limits as from their own line), then, if asked, a third numbered formula
    whose tall bracket (22 pt) rises above its line's capitals, close under the second."""
    c = pdf_canvas(path)
    y = 760
    for line in PROSE:
        draw_text(c, 50, y, line)
        y -= 14
    y -= 14
    for number in ("(1)", "(2)"):
        draw_text(c, 236, y + 11, "I  J", 8)
        draw_text(c, 230, y, "ΣΣ c x ⇒ min", 11)
        draw_text(c, 232, y - 12, "i=1 j=1", 8)
        draw_text(c, 520, y, number, 11)
        y -= 36
    if bracket_below:
        draw_text(c, 200, y, "[", 22)
        draw_text(c, 214, y, "max Σ t x ⇒ min", 11)
        draw_text(c, 520, y, "(3)", 11)
        y -= 14
    y -= 10
    _prose_after(c, y)
    c.save()
    return path


def _numbers_of_pictures(blocks) -> list[str]:
    out = []
    for b in blocks:
        if isinstance(b, Paragraph) and any(isinstance(n, Image) and n.formula for n in b.inlines):
            out.append(plain_text(b.inlines).strip())
    return out


def test_two_numbered_sums_one_under_the_other_are_two_pictures(tmp_path):
    # the upper limits of (2) are nearer (2)'s line than (1)'s lower limits: they are (2)'s,
    # so (1)'s picture stops above them (taken into (1), they cut (2)'s ink: both stayed text)
    blocks = _blocks(_stacked_sums(tmp_path / "sums.pdf", bracket_below=False))
    assert _numbers_of_pictures(blocks) == ["(1)", "(2)"]
    pictures = [n for n in walk(blocks) if isinstance(n, Image) and n.formula]
    assert all(24 < p.height < 40 for p in pictures), [p.height for p in pictures]  # a line and both limits each
    text = "\n".join(plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph))
    assert "i=1" not in text and "I  J" not in text


def test_a_tall_bracket_rising_from_the_line_below_does_not_cost_the_formula_its_picture(tmp_path):
    blocks = _blocks(_stacked_sums(tmp_path / "bracket.pdf", bracket_below=True))
    assert {"(1)", "(2)"} <= set(_numbers_of_pictures(blocks))
    second = [n for n in walk(blocks) if isinstance(n, Image) and n.formula][1]
    assert second.height < 40, second.height  # the bracket below is not in it


# ---- displays set over several lines (LaTeX's multline and split), one after another -----------

# Pieces (x, baseline, text) of a page of displays as pdfTeX set them in a Russian paper (10 pt
# type, the text layer's places): a `split` whose number stands between its lines, `multline`s
# with the number on the last line and a fraction there, integrals over a fraction; no prose
# between them. Drawn in STIX Two Math (a font made for mathematics, as TeX's CMMI is).
SPLIT_2 = [(309.6, 717.7, "sin νt"), (375.5, 717.7, "sin νt"), (210.1, 711.0, "Φ(t) = Φ(0) cos νt +"),
           (333.9, 711.0, "δV(0) +"), (399.7, 711.0, "ξ+"), (314.7, 704.1, "νR"), (384.5, 704.1, "ν"),
           (543.6, 699.8, "(2)"), (280.8, 693.7, "1 − cos νt"), (297.7, 687.0, "2R"), (322.8, 687.0, "B(0)"),
           (292.2, 680.1, "ν")]
SPLIT_3 = [(355.1, 665.3, "tg ϕ sin νt"), (192.9, 658.5, "Φ(t) = Φ(0)U cos ϕt + Φ(0) tg ϕ +"), (397.8, 658.5, "δV(0)−"),
           (369.5, 651.7, "νR"), (243.3, 641.0, "sin νt"), (329.4, 641.0, "1 − cos νt"), (543.6, 641.0, "(3)"),
           (223.1, 634.3, "(t −"), (267.8, 634.3, ") tg ϕξ + tg ϕ"), (346.3, 634.3, "2R"), (371.4, 634.3, "B(0)+"),
           (252.3, 627.5, "ν"), (340.8, 627.5, "ν"), (289.0, 615.1, "Φ(0) + ξt")]
MULTLINE_4 = [(185.6, 595.2, "δV(t) = −Φ(0)R sin νt + δV(0) cos νt − ξR(1 − cos νt)+"), (284.5, 581.0, "sin νt"),
              (543.6, 581.0, "(4)"), (318.3, 574.2, "B(0)"), (298.2, 567.4, "ν")]
MULTLINE_5 = [(x, y - 44.2, text.replace("(4)", "(5)").replace("−Φ", "+Φ")) for x, y, text in MULTLINE_4]
INTEGRAL_6 = [(302.3, 514.6, "∫"), (317.0, 507.8, "δV(t)"), (271.9, 501.1, "λ(t) ="), (346.4, 501.1, "dt"),
              (543.6, 501.1, "(6)"), (315.0, 494.2, "R cos ϕ")]
INTEGRAL_7 = [(x, y - 32.9, text.replace("(6)", "(7)").replace("λ", "ϕ")) for x, y, text in INTEGRAL_6]
WIDE_PROSE = [
    "Для связи выходных параметров инерциальной навигационной системы (крен, тангаж, курс, широта,",
    "долгота) с погрешностями её чувствительных элементов в данной работе использованы следующие",
    "зависимости, полученные из уравнений ошибок системы при малых углах отклонения платформы и",
    "при постоянных значениях смещений нулей акселерометров и дрейфов гироскопов на интервале:",
]


def _math_face() -> str:
    """STIX Two Math (ziamath's copy), registered with reportlab; its name marks it a mathematics font."""
    import ziamath
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("STIXTwoMath", str(Path(ziamath.__file__).parent / "fonts" / "STIXTwoMath-Regular.ttf")))
    return "STIXTwoMath"


def _displays_paper(path: Path, *displays: list[tuple[float, float, str]]) -> Path:
    """Prose, the displays' pieces (numbers in the text's font, the rest in mathematics fonts), prose."""
    c = pdf_canvas(path)
    face = _math_face()
    for k, line in enumerate(WIDE_PROSE):
        draw_text(c, 71, 788 - 12 * k, line, 10)
    lowest = 800.0
    for x, y, text in (piece for display in displays for piece in display):
        if NUMBER_PIECE.fullmatch(text):
            draw_text(c, x, y, text, 10)
        else:
            c.setFont(face, 10)
            c.drawString(x, y, text)
        lowest = min(lowest, y)
    draw_text(c, 86, lowest - 30, "где ν – шулеровская частота колебания, R – радиус Земли;", 10)
    for k, line in enumerate(WIDE_PROSE * 2):
        draw_text(c, 71, lowest - 54 - 12 * k, line, 10)
    c.save()
    return path


NUMBER_PIECE = re.compile(r"\(\d\)")


def _formula_pictures(blocks) -> list:
    return [n for n in walk(blocks) if isinstance(n, Image) and n.formula]


def test_a_multline_display_is_one_picture_with_its_number_on_the_last_line(tmp_path):
    """`multline`: line 2 (a fraction and the number) stands 1.42 body lines under line 1, no
    nearer than a line of prose would: both lines are the formula's (line 1 was left as text,
    the picture only line 2's)."""
    blocks = _blocks(_displays_paper(tmp_path / "multline.pdf", MULTLINE_4))
    assert _numbers_of_pictures(blocks) == ["(4)"]
    (picture,) = _formula_pictures(blocks)
    # from line 1's capitals to the fraction's denominator: about 36 pt; as wide as line 1
    assert picture.height > 30 and picture.width > 230, (picture.width, picture.height)
    text = "\n".join(plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph))
    assert "δV(t) =" not in text and "B(0)" not in text, text
    assert "зависимости, полученные" in text and "где ν – шулеровская" in text


def test_displays_over_several_lines_one_after_another_are_a_picture_each(tmp_path):
    """Six numbered displays with no prose between (a `split` with its number between its
    lines, `multline`s, integrals over a fraction): the lines of one display stand as far from
    the next display's as from each other (a denominator `ν` 1.48 body lines over the next
    numerator): each display is its lines up to the widest gap between two numbers, a picture
    of all of them with its number (they were taken by the display above, or cut)."""
    blocks = _blocks(_displays_paper(tmp_path / "displays.pdf", SPLIT_2, SPLIT_3, MULTLINE_4, MULTLINE_5, INTEGRAL_6, INTEGRAL_7))
    assert _numbers_of_pictures(blocks) == ["(2)", "(3)", "(4)", "(5)", "(6)", "(7)"]
    heights = [p.height for p in _formula_pictures(blocks)]
    # (2): two lines with fractions; (3): three lines; (4), (5): two lines; (6), (7): the integral over a fraction
    assert 40 < heights[0] < 55 and 55 < heights[1] < 70 and all(30 < h < 42 for h in heights[2:4]) and all(20 < h < 34 for h in heights[4:]), heights
    text = "\n".join(plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph))
    assert not any(piece in text for piece in ("Φ(", "cos", "δV", "dt")), text
    assert "при постоянных значениях" in text and "где ν – шулеровская" in text


def test_a_sums_limit_set_close_under_the_prose_line_above_is_taken_clear_of_its_descenders(tmp_path):
    """A sum's upper limit set so close under the sentence above that it stands within that
    line's descenders (`у`, `р`, `д` reach down to it, no blank row between): the letters
    entering the region from above are the sentence's, taken out, and the formula is its
    picture, the limit whole (it had been left as text: `N` / `S = Σ x (3)` / `i=1`)."""
    path = tmp_path / "tight.pdf"
    c = pdf_canvas(path)
    y = 760
    for line in PROSE:
        draw_text(c, 50, y, line)
        y -= 14
    draw_text(c, 50, y, "группу устройств рядом друг с другом, у которой доля рудных пород дана ниже:")
    draw_text(c, 334, y - 7, "N", 8)  # where no descender above touches it (one that did would be refused: one stroke)
    draw_text(c, 330, y - 18, "S = Σ x", 11)
    draw_text(c, 332, y - 30, "i=1", 8)
    draw_text(c, 520, y - 18, "(3)", 11)
    _prose_after(c, y - 52)
    c.save()
    blocks = _blocks(path)
    pictures = [n for n in walk(blocks) if isinstance(n, Image) and n.formula]
    assert len(pictures) == 1 and pictures[0].height > 20  # the line and both limits
    picture = PILImage.open(io.BytesIO(pictures[0].data)).convert("L")
    top_row = [picture.getpixel((x, 0)) for x in range(picture.width)]
    assert min(top_row) > 200  # trimmed to the formula's ink: no descender cut off at its top
    text = "\n".join(plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph))
    assert "i=1" not in text and "S = Σ" not in text and "рудных пород дана ниже" in text


def test_the_neighbours_letters_are_taken_out_but_a_stroke_running_on_is_not():
    from exporter.readers.pdf.formulas import _neighbours_out

    mask = PILImage.new("L", (40, 30), 0)
    for x in (3, 10):  # descenders from the line above, down 5 rows
        for r in range(0, 5):
            mask.putpixel((x, r), 255)
    for r in range(3, 20):  # the formula's own stroke, rising into that depth but not to the top
        mask.putpixel((20, r), 255)
    for r in range(26, 30):  # a tall letter of the line below, up 4 rows from the foot
        mask.putpixel((30, r), 255)
    out = _neighbours_out(mask, 8, 6)
    assert [out.getpixel((x, 3)) for x in (3, 10, 20)] == [0, 0, 255] and out.getpixel((30, 28)) == 0
    assert all(out.getpixel((20, r)) == 255 for r in range(3, 20))
    for r in range(0, 12):  # a stroke from the top past the depth: a formula's line the region cut
        mask.putpixel((35, r), 255)
    assert _neighbours_out(mask, 8, 6).tobytes() == mask.tobytes()


# ---- a formula's lines a numbered line's run missed: a system's brace, a sign above ------------

SPACED_PROSE = [
    "Для неё заданы квантили распределения. Также есть случайная величина с",
    "тремя значениями, которая задана следующим образом, и мы хотим найти её",
    "распределение с сохранением первых двух моментов исходного, для чего",
    "нужно найти вероятности, чтобы следующие равенства были верными для них.",
]
# A system in a thesis set one and a half lines apart (12 pt type, prose lines 21.7 pt apart), as
# XeLaTeX's `cases` reached the text layer of a real one (the places read from it): the brace in
# pieces on lines of their own, rows 26 pt (2.17 body sizes) apart, the number on the middle row.
SYSTEM = [(214.7, 397.8, "⎧"), (212.2, 387.0, "⎪⎪⎨"), (220.4, 379.1, "p₁ + p₂ + p₃ = 1,"), (221.1, 353.1, "m = p₁x₁ + p₂x₂ + p₃x₃ = m,"),
          (525.0, 353.1, "(1)"), (214.7, 347.6, "⎪⎪⎩"), (221.4, 330.6, "s² = p₁x₁² + p₂x₂² + p₃x₃² − m² = s².")]


def _spaced_paper(path: Path, pieces: list[tuple[float, float, str]], size: float = 12, leading: float = 21.7) -> Path:
    """Prose set `leading` points apart down to the pieces (numbers in the text's font, the rest
    in a mathematics font), then prose again under them."""
    c = pdf_canvas(path)
    face = _math_face()
    top, low = max(y for _, y, _ in pieces), min(y for _, y, _ in pieces)
    for k, line in enumerate(SPACED_PROSE * 3):
        y = top + 1.5 * leading + leading * (len(SPACED_PROSE) * 3 - 1 - k)
        if y < 800:
            draw_text(c, 85, y, line, size)
    for x, y, text in pieces:
        if NUMBER_PIECE.fullmatch(text):
            draw_text(c, x, y, text, size)
        else:
            c.setFont(face, size)
            c.drawString(x, y, text)
    for k, line in enumerate(SPACED_PROSE * 2):
        draw_text(c, 85, low - 1.4 * leading - leading * k, line, size)
    c.save()
    return path


def test_a_systems_rows_set_one_and_a_half_lines_apart_and_its_brace_are_one_picture(tmp_path):
    """The rows of a system in a text set one and a half lines apart stand 2.17 body sizes from
    the numbered row, as far as the text's lines stand (21.7 pt at 12 pt): the display's rows
    stand that much wider apart too, so its rows are the formula's, and the brace's pieces on
    lines of their own (`⎧`, `⎪⎪⎩`: no letter among them) join it. The picture holds the brace
    and the three rows, its number beside it (it was refused: the rows above and below, and the
    brace's top, would have been cut)."""
    blocks = _blocks(_spaced_paper(tmp_path / "system.pdf", SYSTEM))
    assert _numbers_of_pictures(blocks) == ["(1)"]
    (picture,) = _formula_pictures(blocks)
    assert picture.height > 60, picture.height  # from the brace's top to the last row's foot: about 78 pt
    text = "\n".join(plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph))
    assert "p₁ + p₂" not in text and "⎧" not in text and "s² =" not in text, text
    assert "чтобы следующие равенства" in text


# An integral as a TeX report set it (10.9 pt type): its sign, set larger, stands on a baseline
# of its own 14.9 pt above its row's (1.37 body sizes: no nearer than a line of prose would).
INTEGRAL = [(288.2, 450.1, "∫"), (250.1, 435.2, "V(t) =    d³x H(x, t),"), (525.0, 435.2, "(2)")]


def test_a_large_signs_line_above_the_numbered_line_is_the_formulas(tmp_path):
    """A line holding an integral's sign alone (no letter or digit in it) 1.37 body sizes over
    the numbered line is the formula's: the picture holds the sign whole (it was refused: the
    region stopped at that line and cut the sign)."""
    blocks = _blocks(_spaced_paper(tmp_path / "integral.pdf", INTEGRAL, 10.9, 14.6))
    assert _numbers_of_pictures(blocks) == ["(2)"]
    (picture,) = _formula_pictures(blocks)
    assert picture.height > 18, picture.height  # the sign's top to the row's foot
    text = "\n".join(plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph))
    assert "∫" not in text and "V(t)" not in text, text


def test_ink_standing_alone_in_the_neighbours_rows_is_theirs_too():
    """Within the descenders' depth, the foot of a `≤` of the line above touches no row's edge;
    under the formula's lowest baseline, the tilde over the line below's `B̃` stands alone too:
    both are taken out, with the descenders; the formula's stroke rising into the depth stays."""
    from exporter.readers.pdf.formulas import _neighbours_out

    mask = PILImage.new("L", (40, 40), 0)
    for x in range(2, 8):  # the foot of a `≤` above: rows 3-4, within the top 8 rows, touching neither edge
        for r in (3, 4):
            mask.putpixel((x, r), 255)
    for r in range(5, 20):  # the formula's own stroke rising into the depth
        mask.putpixel((20, r), 255)
    for x in range(25, 31):  # a tilde of the line below, alone, under row 26
        mask.putpixel((x, 30), 255)
    out = _neighbours_out(mask, 8, 6, alone=26)
    assert [out.getpixel((4, 3)), out.getpixel((27, 30))] == [0, 0]
    assert all(out.getpixel((20, r)) == 255 for r in range(5, 20))
    assert _neighbours_out(mask, 8, 6).getpixel((27, 30)) == 255  # no `alone` row given: kept


def test_an_index_over_the_prose_line_under_a_formula_is_that_lines():
    """A run of indices in smaller type standing 4.4 pt over the baseline of the prose line
    under a numbered formula (`µ°ᵢ = µᵍᵢ` of `Since the gas phase imposes …`, as a real paper's
    text layer has it, a line of its own) is that line's, though the nearest line to the
    formula's: it was taken into the formula's lines and lost from the sentence. A sum's lower
    limit as near the formula's line, and clear of the prose, is the formula's."""
    from exporter.readers.pdf.formulas import _joins
    from exporter.readers.pdf.layout import Line

    formula = Line(1, "−A dπ + n dµ = 0 at constant T. (8)", 217.7, 498.2, 266.4, 12.0, False, math=13)
    index = Line(1, "° g", 376.5, 407.5, 249.7, 8.0, False, math=2)
    limit = Line(1, "i=1", 300.0, 312.0, 257.0, 8.0, False, math=3)
    prose = [287.4, 245.3]  # the baselines of the sentences above and under the formula
    assert not _joins(index, formula, 111.0, 12.0, prose, 12.0)
    assert _joins(limit, formula, 111.0, 12.0, prose, 12.0)
