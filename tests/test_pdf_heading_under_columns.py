"""A heading set at the foot of the left column, under both columns' last lines, over text set
across the page (a conference page: two columns of prose, then `Литература:` flush left and
the list in full width) heads what follows it: it is read after the right column. Read between
the columns, it put the right column inside the list, where its prose was lost. Pages drawn
here with reportlab; the second page as the unseen aralbaeva_vestnik_ogu sets it, a rule of
underscores over the heading."""

from __future__ import annotations

import pytest

from exporter.model import plain_text
from exporter.readers.pdf.reader import pdf_lines, read_pdf

from helpers import draw_text, pdf_canvas

LEFT = "Текст левой колонки о методах обучения, номер {k}."
RIGHT = "Правая колонка о результатах работы, строка {k}."
ENTRIES = [
    "1. Иванов И. И. Теория автоматического управления. – М.: Наука, 2010. – 300 с.",
    "2. Петров П. П. Методы распознавания образов. – СПб.: Питер, 2015. – 250 с.",
    "3. Сидоров С. С. Нейронные сети и их применение. – М.: Мир, 2018. – 400 с.",
]


def _page(path, heading_y: float = 212, rule: bool = False) -> str:
    c = pdf_canvas(path)
    draw_text(c, 60, 780, "Обучение нейронных сетей распознаванию образов", 16, bold=True)
    for k in range(50):
        draw_text(c, 60, 740 - 12.5 * k, "Первая страница статьи набрана в одну колонку, как её введение.", 9)
    c.showPage()  # the columns on a later page (a first page's layout is read by rules of its own)
    for k in range(40):
        draw_text(c, 60, 740 - 12.5 * k, LEFT.format(k=k), 9)
        draw_text(c, 310, 740 - 12.5 * k, RIGHT.format(k=k), 9)
    if rule:  # a journal's printed rule over its list's heading
        draw_text(c, 60, heading_y + 10, "_" * 27, 9)
    draw_text(c, 70, heading_y, "Литература:", 9)
    for k, entry in enumerate(ENTRIES):
        draw_text(c, 60, heading_y - 17 - 12.5 * k, entry, 9)
    c.save()
    return str(path)


@pytest.mark.parametrize("rule", [False, True])
def test_a_heading_under_both_columns_is_read_after_the_right_one(tmp_path, rule):
    path = _page(tmp_path / "columns.pdf", rule=rule)
    texts = [line.text for line in pdf_lines(path) if line.text and line.page == 2]
    assert texts.index("Литература:") == texts.index(RIGHT.format(k=39)) + 1 + rule  # (the rule between)
    document = read_pdf(path, False)
    body = " ".join(plain_text(b.inlines) for b in document.blocks if hasattr(b, "inlines"))
    assert "строка 39" in body and "строка 20" in body  # the right column is the paper's text
    assert len(document.references) == 3
