"""A thesis's annotation page and contents: the kind of work in brackets under the title
(`(бакалаврская работа)`) marks a title page; the annotation under a label alone on its page
passes over the work's title repeated in capitals and runs on over its paragraphs; a line of
the contents naming the annotation (`Аннотация ....... 3`) is no abstract's label. Text and
PDF (pages drawn here with reportlab)."""

from __future__ import annotations

from exporter.model import plain_text
from exporter.readers.pdf.reader import read_pdf
from exporter.readers.plaintext import read_plaintext
from exporter.sourcefile import SourceText

from helpers import draw_text, pdf_canvas

COVER = """Министерство науки и высшего образования Российской Федерации
Федеральное государственное бюджетное образовательное учреждение
высшего образования «Томский государственный университет»
Кафедра прикладной информатики

Анализ устойчивости сетей передачи данных
при отказах узлов
(бакалаврская работа)

Студент:
Иванов Пётр Сергеевич
Научный руководитель:
Петров Иван Иванович, к.т.н.

Томск 2022
"""
ANNOTATION = """АННОТАЦИЯ
АНАЛИЗ УСТОЙЧИВОСТИ СЕТЕЙ ПЕРЕДАЧИ ДАННЫХ
ПРИ ОТКАЗАХ УЗЛОВ
Работа посвящена анализу устойчивости сетей передачи данных при
отказах отдельных узлов и каналов связи.

Целью работы является построение модели отказов и оценка связности
сети при случайных и целенаправленных отказах.
"""
CONTENTS = """ОГЛАВЛЕНИЕ
Аннотация ........................................... 2
Введение ............................................ 4
1 Модель сети ......................................... 5
Список литературы ................................... 9
"""
BODY = """ВВЕДЕНИЕ
Сети передачи данных становятся всё сложнее, и отказы их узлов изучаются давно [1].

СПИСОК ЛИТЕРАТУРЫ
1. Иванов И. И. Надёжность сетей. – М.: Наука, 2010. – 200 с.
"""
ABSTRACT = (
    "Работа посвящена анализу устойчивости сетей передачи данных при отказах отдельных узлов и каналов связи. "
    "Целью работы является построение модели отказов и оценка связности сети при случайных и целенаправленных отказах."
)


def _meta(text: str):
    return read_plaintext(SourceText("thesis.txt", text, "utf-8")).meta


def test_the_annotation_passes_over_the_title_in_capitals_and_runs_over_its_paragraphs():
    meta = _meta("\f".join([COVER, ANNOTATION, CONTENTS, BODY]))
    assert meta.title_text == "Анализ устойчивости сетей передачи данных при отказах узлов"
    assert meta.authors[0] == "Иванов Пётр Сергеевич"
    assert plain_text(meta.abstract) == ABSTRACT


def test_a_contents_line_naming_the_annotation_is_no_abstract():
    meta = _meta("\f".join([COVER, CONTENTS, ANNOTATION, BODY]))
    assert plain_text(meta.abstract) == ABSTRACT


def _pdf(path) -> str:
    """The thesis's four pages, a line every 18 pt; the annotation's label centred."""
    c = pdf_canvas(path)
    for page in (COVER, CONTENTS, ANNOTATION, BODY):
        for k, line in enumerate(page.splitlines()):
            if line:
                draw_text(c, 250 if page is ANNOTATION and k == 0 else 80, 800 - 18 * k, line, 12)
        c.showPage()
    c.save()
    return str(path)


def test_the_pdf_reader_reads_the_annotation_page_past_the_contents(tmp_path):
    meta = read_pdf(_pdf(tmp_path / "thesis.pdf")).meta
    assert meta.title_text == "Анализ устойчивости сетей передачи данных при отказах узлов"
    assert plain_text(meta.abstract) == ABSTRACT


COURSE_COVER = """МОСКОВСКИЙ ГОСУДАРСТВЕННЫЙ УНИВЕРСИТЕТ
имени М.В. Ломоносова
Экономический факультет
Кафедра финансов и кредита

Курсовая работа по теме
«Модель ценообразования активов на основе методов машинного обучения»

Автор курсовой работы:
Студент группы Э-301
Барамия Никита Тенгизович
Научный руководитель:
Байбаков Владислав Игоревич

Москва 2020 г.
"""
COURSE_CONTENTS = """Оглавление
Введение .................................................................. 3
Обзор литературы .......................................................... 4
Первые теории ценообразования активов ...................................... 4
Развитие теории и эмпирические свидетельства ............................... 5
Bagging и Boosting ........................................................ 23
Random Forest ............................................................. 24
"""
COURSE_BODY = """Введение
Машинное обучение является одним из самых бурно развивающихся направлений в прикладной статистике [1].

Список литературы
1. Иванов И. И. Машинное обучение. – М.: Наука, 2019. – 300 с.
"""


def test_a_course_works_cover_and_contents_hold_no_abstract():
    meta = _meta("\f".join([COURSE_COVER, COURSE_CONTENTS, COURSE_BODY]))
    assert meta.title_text == "«Модель ценообразования активов на основе методов машинного обучения»"
    assert meta.authors[0] == "Барамия Никита Тенгизович"
    assert plain_text(meta.abstract) == ""


def test_the_contents_entry_split_over_two_lines_is_no_abstract_and_annotations_is_a_label():
    """pdftotext's contents with each page number on a line of its own (`Аннотация` / `3`) give
    no abstract `3`; a label in the plural (`Аннотации`, over an annotation in two languages)
    opens the abstract; a link's name alone (`GitHub.`) is no unlabelled abstract."""
    contents = "Содержание\nАннотация\n\n3\n\nВведение\n\n4\n"
    annotation = (
        "Аннотации\nВ данной работе проводится сравнительный анализ трёх моделей глубинного обучения для\n"
        "классификации аритмий по данным электрокардиограммы.\n"
    )
    meta = _meta("\f".join([COVER, contents, BODY]))
    assert plain_text(meta.abstract) == ""
    meta = _meta("\f".join([COVER, annotation, BODY]))
    assert plain_text(meta.abstract) == "В данной работе проводится сравнительный анализ трёх моделей глубинного обучения для классификации аритмий по данным электрокардиограммы."
    meta = _meta("\f".join([COVER, "Код доступен по адресу:\n\nGitHub.\n", BODY]))
    assert plain_text(meta.abstract) == ""
