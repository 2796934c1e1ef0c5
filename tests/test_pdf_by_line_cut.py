"""A by-line over three lines whose first two end on a given name alone, the family name
opening the next line (`…, Нурлан Мухамедияров2,3,4,5, Медет` / `Актаев2,6, Касым Дускаев1, …`:
the ENU Bulletin's template, unseen temirzhanova_enu_vestnik). The layout's by-line reader
stopped at the first line, whose last piece is no name alone: three authors of eight."""

from __future__ import annotations

from helpers import draw_text, pdf_canvas

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
