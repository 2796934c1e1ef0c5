"""A journal's pages hold the paper and, under its list, the next paper's title block: its
abstract and `Ключевые слова:` are that paper's, not this one's. Taken for this paper's front
matter (its fields are read on the first two pages), the next paper's keywords line ended the
front matter below this paper's whole body, which was lost (the unseen klochek_cloud: two pages
of a students' journal, 64 of 81 paragraphs lost). Labels past the paper's list are not read as
its fields (the translated blocks printed after a list are `blocks_after_list`'s). Pages drawn
here with reportlab; the words are made up."""

from __future__ import annotations

from exporter.model import plain_text
from exporter.readers.pdf.reader import read_pdf

from helpers import draw_text, pdf_canvas

BODY = "Облачные вычисления предоставляют пользователю ресурсы в виде интернет сервиса номер {k}."
NEXT = "В современном мире каждому компьютеру в сети присваивается свой адрес номер {k}."


def _pages(path) -> str:
    c = pdf_canvas(path)
    draw_text(c, 60, 780, "УДК 004", 11)
    draw_text(c, 150, 760, "Клочек Мария Сергеевна, студент 3 курса", 11)
    draw_text(c, 150, 745, "Башкирский государственный университет (Россия, г. Уфа)", 11)
    draw_text(c, 150, 720, "ОБЛАЧНЫЕ ТЕХНОЛОГИИ: ВИДЫ И ТИПЫ", 12, bold=True)
    draw_text(c, 60, 700, "В данной статье рассмотрены облачные технологии, их виды и типы.", 10)
    draw_text(c, 60, 686, "Ключевые слова: облачные вычисления, облачные технологии.", 10)
    for k in range(40):
        draw_text(c, 60, 660 - 14 * k, BODY.format(k=k), 10)
    c.showPage()
    for k in range(40, 50):
        draw_text(c, 60, 780 - 14 * (k - 40), BODY.format(k=k), 10)
    draw_text(c, 250, 630, "Список литературы", 10)
    draw_text(c, 60, 615, "1. Облачный сервис [Электронный ресурс]. URL: https://1cloud.ru (дата обращения: 12.01.18).", 9)
    draw_text(c, 60, 603, "2. Портал образовательных ресурсов [Электронный ресурс]. URL: http://wiki.vspu.ru.", 9)
    draw_text(c, 60, 570, "УДК 004", 11)
    draw_text(c, 150, 550, "Клочек Мария Сергеевна, студент 3 курса", 11)
    draw_text(c, 150, 535, "Башкирский государственный университет (Россия, г. Уфа)", 11)
    draw_text(c, 250, 510, "IP - АДРЕС", 12, bold=True)
    draw_text(c, 60, 490, "В данной статье рассмотрен IP-адрес, его типы и виды.", 10)
    draw_text(c, 60, 476, "Ключевые слова: IP-адрес, статический адрес, динамический адрес.", 10)
    for k in range(10):
        draw_text(c, 60, 450 - 14 * k, NEXT.format(k=k), 10)
    c.save()
    return str(path)


def test_the_next_papers_keywords_do_not_end_this_papers_front_matter(tmp_path):
    document = read_pdf(_pages(tmp_path / "pages.pdf"), False)
    body = " ".join(plain_text(b.inlines) for b in document.blocks if hasattr(b, "inlines"))
    assert "сервиса номер 0." in body and "сервиса номер 49." in body
    assert document.meta.keywords[:1] == ("облачные вычисления",)
