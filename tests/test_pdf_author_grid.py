"""An IEEE conference paper's author grid: under the title, each author's block (name, then
affiliation, city and e-mail in smaller type, each line centred on the block's axis) stands
two to a row over the two columns, the abstract under them. The blocks are read row by row as
the by-line, every name an author (`1st`, `2nd` marks dropped), and none of them lands in the
right column's text (they were read after the left column, as the body's)."""

from __future__ import annotations

from helpers import draw_text, pdf_canvas
from reportlab.pdfbase.pdfmetrics import stringWidth

from exporter.model import Heading, Paragraph, plain_text
from exporter.readers import read_document

_LEFT = ("Class activation maps show the region of an object that a classifier uses for its guess.",
         "The original work extended this method to object localization with weak labels only.",
         "Results have shown that the maps cover only the most telling part of the object.")
_RIGHT = ("In summary, the contributions of this paper are the following three changes to it.",
          "We propose a way to extend the maps to object detection instead of localization.",
          "We show how a threshold found by Otsu's method changes the result of the method.")


def _centred(c, axis: float, y: float, text: str, size: float, bold: bool = False) -> None:
    draw_text(c, axis - stringWidth(text, "LiberationSerif-Bold" if bold else "LiberationSerif", size) / 2, y, text, size=size, bold=bold)


def _grid_pdf(path):
    c = pdf_canvas(path)
    _centred(c, 297, 780, "Weakly Supervised Object Detection Using Activation Maps", 20)
    blocks = (("1st Anna Kowalska", "a.kowalska@uni.example"), ("2nd Jan Nowak", "j.nowak@uni.example"),
              ("3rd Maria Lis", "m.lis@uni.example"), ("4th Piotr Wrona", "p.wrona@uni.example"))
    for k, (name, mail) in enumerate(blocks):
        axis, top = (170 if k % 2 == 0 else 420), (740 if k < 2 else 680)
        _centred(c, axis, top, name, 11)
        _centred(c, axis, top - 12, "University of Technology", 9.5)
        _centred(c, axis, top - 24, "Warsaw, Poland", 9.5)
        _centred(c, axis, top - 36, mail, 9.5)
    y = 600
    draw_text(c, 50, y + 14, "Abstract—Activation maps are made to find objects.", size=9)
    for left, right in zip(_LEFT * 3, _RIGHT * 3):  # two columns of body text under the grid
        draw_text(c, 50, y, left[:52], size=10)
        draw_text(c, 310, y, right[:52], size=10)
        y -= 12
    c.save()
    return str(path)


def test_an_author_grid_is_the_by_line_and_no_part_of_the_columns(tmp_path):
    doc = read_document(_grid_pdf(tmp_path / "grid.pdf"))
    assert list(doc.meta.authors) == ["Anna Kowalska", "Jan Nowak", "Maria Lis", "Piotr Wrona"]
    body = " ".join(plain_text(b.inlines) for b in doc.blocks if isinstance(b, (Paragraph, Heading)))
    assert "Nowak" not in body and "Wrona" not in body and "uni.example" not in body


def test_four_author_blocks_in_one_row_are_four_authors(tmp_path):
    """Four blocks side by side (IEEEtran's four to a row; a real IEEE paper's geometry: the
    second block's affiliation crosses the page's middle): the layout reads the two left names
    as one line and the two right ones as another, each pair parted by a wide gap. The second
    pair was no grid name (a grid line was to hold one name): two authors of four were read."""
    path = tmp_path / "four.pdf"
    c = pdf_canvas(path)
    _centred(c, 297, 780, "Optimal Placement of Solar Panels on Residential Roofs", 20)
    names = ("Anna Kowalska", "Jan Nowak", "Maria Lisowska", "Piotr Wrona")
    for k, name in enumerate(names):
        axis = 110 + 125 * k
        _centred(c, axis, 740, name, 11)
        _centred(c, axis, 728, "School of Engineering and Computing", 9.5)
        _centred(c, axis, 716, "Durham University", 9.5)
        _centred(c, axis, 704, f"{name.split()[1].lower()}@uni.example", 9.5)
    y = 640
    draw_text(c, 50, y + 14, "Abstract—Panels are placed where they gather most light.", size=9)
    for left, right in zip(_LEFT * 3, _RIGHT * 3):
        draw_text(c, 50, y, left[:52], size=10)
        draw_text(c, 310, y, right[:52], size=10)
        y -= 12
    c.save()
    doc = read_document(str(path))
    assert list(doc.meta.authors) == list(names)
