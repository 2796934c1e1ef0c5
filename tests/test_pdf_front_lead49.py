"""A by-line over three lines whose first two end on a given name alone, the family name
opening the next line (`…, Нурлан Мухамедияров2,3,4,5, Медет` / `Актаев2,6, Касым Дускаев1, …`:
the ENU Bulletin's template, unseen temirzhanova_enu_vestnik). The layout's by-line reader
stopped at the first line, whose last piece is no name alone: three authors of eight."""

from __future__ import annotations

from helpers import draw_text, pdf_canvas
from reportlab.pdfbase.pdfmetrics import stringWidth

from exporter.readers import read_document

BY_LINE = (
    "Арай Темиржанова1,2, Жанат Байгазинов2,3*, Нурлан Мухамедияров2,3,4,5, Медет",
    "Актаев2,6, Касым Дускаев1, Динара Тургалиева2, Назира Берикбол2,3, Арайлым",
    "Ануарбекова2",
)
BODY = (
    "Река Шаган является одним из основных поверхностных водных объектов на территории СИП.",
    "Она протекает вдоль его восточной границы, имеет протяженность более 200 км и является",
    "левым притоком реки Ертис. Основным фактором формирования стока является накопление",
    "запасов влаги в снежном покрове в холодный период года, а весной её питают талые воды.",
)


def test_a_by_line_cut_inside_a_name_reads_every_author(tmp_path):
    """A by-line over three lines whose first two end on a given name alone, the family name
    opening the next (`…, Нурлан Мухамедияров2,3,4,5, Медет` / `Актаев2,6, Касым Дускаев1, …`:
    the ENU Bulletin's template, unseen temirzhanova_enu_vestnik). The layout's by-line reader
    stopped at the first line, whose last piece is no name alone: three authors of eight."""
    path = tmp_path / "p.pdf"
    c = pdf_canvas(path)
    draw_text(c, 60, 780, "Гидрохимические параметры загрязненных участков реки Шаган", size=14, bold=True)
    for k, line in enumerate(BY_LINE):
        draw_text(c, 60, 750 - 14 * k, line, size=11)
    draw_text(c, 60, 690, "Аннотация: В статье представлены данные о распределении основных ионов.", size=10)
    for k, line in enumerate(BODY):
        draw_text(c, 60, 650 - 13 * k, line, size=10)
    c.save()
    meta = read_document(str(path)).meta
    assert meta.authors == ("Арай Темиржанова", "Жанат Байгазинов", "Нурлан Мухамедияров", "Медет Актаев", "Касым Дускаев",
                            "Динара Тургалиева", "Назира Берикбол", "Арайлым Ануарбекова")


def test_an_abstract_label_in_bold_with_no_mark_after_it_opens_the_abstract(tmp_path):
    """`**Аннотация** Загрязнение поверхностных …` (a Kazakh proceedings' form, unseen
    temirzhanova_zhandaev_kaznu): no colon or full stop after the label, only its bold face.
    The label went unread, the small-type affiliations under the by-line were taken for an
    unlabelled abstract, and the abstract itself was lost."""
    path = tmp_path / "p.pdf"
    c = pdf_canvas(path)
    draw_text(c, 60, 780, "Особенности загрязнения поверхностного водотока", size=13, bold=True)
    draw_text(c, 60, 760, "А.Е. Темиржанова, Н.Ж. Мухамедияров", size=11, bold=True)
    draw_text(c, 60, 745, "Казахский национальный университет имени аль-Фараби, г. Алматы, Казахстан", size=9)
    draw_text(c, 60, 720, "Аннотация", size=11, bold=True)
    draw_text(c, 60 + stringWidth("Аннотация ", "LiberationSerif-Bold", 11), 720, "Загрязнение поверхностных водотоков полигона представляет", size=11)
    draw_text(c, 60, 706, "собой важную экологическую проблему, обусловленную ядерными испытаниями.", size=11)
    draw_text(c, 60, 680, "Введение", size=11, bold=True)
    for k, line in enumerate(BODY):
        draw_text(c, 60, 660 - 13 * k, line, size=11)
    c.save()
    meta = read_document(str(path)).meta
    assert meta.abstract_text.startswith("Загрязнение поверхностных водотоков полигона")
    assert "аль-Фараби" not in meta.abstract_text
