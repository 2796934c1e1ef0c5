"""Title pages of front25's unseen batch's failure classes (issue 16): a cover set as a ruled
form (`Студент ______ Name _`), the work's kind broken over three lines, a topic label with its
title in guillemets running on past a line in another script. The covers are invented after
those forms (MISiS, a plain diploma cover), not copied from one paper; each test fails without
its rule."""

from __future__ import annotations

from exporter.readers.plaintext import read_plaintext
from exporter.readers.plaintext.titlepage import read_title_page
from exporter.sourcefile import SourceText


def read(text: str):
    return read_plaintext(SourceText("p.txt", text, "utf-8")).meta


RULED_FORM = """МИНИСТЕРСТВО НАУКИ И ВЫСШЕГО ОБРАЗОВАНИЯ РОССИЙСКОЙ ФЕДЕРАЦИИ
ФЕДЕРАЛЬНОЕ ГОСУДАРСТВЕННОЕ БЮДЖЕТНОЕ ОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ ВЫСШЕГО ОБРАЗОВАНИЯ
«ПРИВОЛЖСКИЙ ТЕХНИЧЕСКИЙ УНИВЕРСИТЕТ»

ИНСТИТУТ КОМПЬЮТЕРНЫХ НАУК ___________
КАФЕДРА ПРИКЛАДНОЙ ИНФОРМАТИКИ __________________
НАПРАВЛЕНИЕ 09.03.04 ПРОГРАММНАЯ ИНЖЕНЕРИЯ _____

ВЫПУСКНАЯ
КВАЛИФИКАЦИОННАЯ
РАБОТА БАКАЛАВРА
на тему: «Разработка службы проверки библиографических ссылок
в научных статьях» ________________________
__________________________________________________________________________
Студент _______________________________________ Воронцова Дарья Игоревна _
Руководитель работы _____________________________ Лебедев Олег Петрович _
Нормоконтроль проведен _________________________ Орлов К.С. _____________

Казань, 2024
"""


def test_ruled_form_with_its_kind_over_three_lines():
    page = read_title_page(RULED_FORM.split("\n"))
    assert page is not None
    assert page.title == "«Разработка службы проверки библиографических ссылок в научных статьях»"
    assert page.author == "Воронцова Дарья Игоревна"
    meta = read(RULED_FORM)
    assert meta.authors[0] == "Воронцова Дарья Игоревна"


QUOTED_TOPIC = """Дипломная работа
на тему: «Обзор средств вёрстки научных текстов:
LaTeX, Typst и Markdown»




Выполнил студент:

Соколов Иван Андреевич




2024
"""


def test_topic_in_guillemets_runs_on_past_another_script():
    page = read_title_page(QUOTED_TOPIC.split("\n"))
    assert page is not None
    assert page.title == "«Обзор средств вёрстки научных текстов: LaTeX, Typst и Markdown»"
    assert page.author == "Соколов Иван Андреевич"
    assert read(QUOTED_TOPIC).title_text == page.title


def test_a_closed_quote_still_ends_the_title_at_another_script():
    closed = QUOTED_TOPIC.replace("«Обзор средств вёрстки научных текстов:", "«Обзор средств вёрстки научных текстов»")
    page = read_title_page(closed.split("\n"))
    assert page is not None and page.title == "«Обзор средств вёрстки научных текстов»"
