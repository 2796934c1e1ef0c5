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


# ---- a name's institution in brackets (congress theses' by-lines) ---------------------------

THESES = """УДК 004.8

ПРИМЕНЕНИЕ ГРАФОВЫХ НЕЙРОННЫХ СЕТЕЙ ДЛЯ ПОИСКА
ДУБЛИКАТОВ В БИБЛИОГРАФИЧЕСКИХ БАЗАХ
Нгуен Ван Минь Тхань (СПбГУ)
Научный руководитель – Орлова Елена Викторовна (СПбГУ)

Введение. Библиографические базы растут быстро, и дубликаты записей мешают поиску. В работе
предложен метод их поиска на основе графовых нейронных сетей и оценена его точность на открытых данных.
Основная часть. Записи представлены вершинами графа, а совпадения полей рёбрами между ними.
"""


def test_name_with_its_institution_in_brackets_is_a_by_line():
    meta = read(THESES)
    assert meta.title_text == "ПРИМЕНЕНИЕ ГРАФОВЫХ НЕЙРОННЫХ СЕТЕЙ ДЛЯ ПОИСКА ДУБЛИКАТОВ В БИБЛИОГРАФИЧЕСКИХ БАЗАХ"
    assert meta.authors[0] == "Нгуен Ван Минь Тхань"


def test_an_abbreviation_in_brackets_does_not_make_a_title_a_name():
    from exporter.readers.plaintext.frontmatter import author_names

    assert author_names("Орлова Е.В. (МГТУ), Петров П.П. (Университет ИТМО)", strong_only=True) == ["Орлова Е.В.", "Петров П.П."]
    assert author_names("Метод конечных элементов (МКЭ)", strong_only=False) is None
    assert author_names("Анализ данных (Big Data)", strong_only=False) is None
    assert author_names("Deep Residual Networks (CNN)", strong_only=True) is None
    assert author_names("Chen Wei (Tsinghua University)", strong_only=True) == ["Chen Wei"]


# ---- a PDF cover whose names stand right of the labels' column -------------------------------

# The geometry of a Saratov abstract's cover (x0, baseline, text), in the order the layout read
# it: the lines spanning the page, then the labels' column (L), then the names set right (R).
COVER_IN_COLUMNS = [
    (223, 771, "МИНОБРНАУКИ РОССИИ"), (142, 611, "Кафедра вычислительной математики"),
    (107, 531, "МОДЕЛИРОВАНИЕ ТЕПЛОПЕРЕНОСА В МНОГОСЛОЙНЫХ"), (88, 510, "СТЕНКАХ ЗДАНИЙ"),
    (162, 480, "АВТОРЕФЕРАТ БАКАЛАВРСКОЙ РАБОТЫ"),
    (72, 401, "Студентки 4 курса 421 группы"), (71, 380, "направления 01.03.02 — Прикладная математика"),
    (190, 343, "механико-математического факультета"),
    (72, 234, "Научный руководитель"), (71, 213, "доцент, к. ф.-м. н."), (72, 178, "Заведующий кафедрой"), (71, 157, "профессор, д. ф.-м. н."),
    (220, 321, "Орловой Марии Андреевны"), (414, 213, "В. П. Сомов"), (463, 157, "Н. Г. Лебедев"), (271, 85, "Самара 2023"),
]


def test_pdf_cover_is_read_top_down_whatever_its_columns():
    from exporter.readers.pdf.layout import Line
    from exporter.readers.pdf.reader import first_page_texts, with_title_page

    lines = [Line(1, text, x, x + 7 * len(text), y, 14.3, False) for x, y, text in COVER_IN_COLUMNS]
    page = read_title_page(first_page_texts(lines))
    assert page is not None and page.title == "МОДЕЛИРОВАНИЕ ТЕПЛОПЕРЕНОСА В МНОГОСЛОЙНЫХ СТЕНКАХ ЗДАНИЙ"
    assert page.author == "Орловой Марии Андреевны"
    assert set(page.others) == {"В. П. Сомов", "Н. Г. Лебедев"}
    title, authors, cover = with_title_page(lines, None, ["В. П. Сомов", "Н. Г. Лебедев"])  # what a model misread
    assert cover  # a title page: it holds no abstract
    assert authors == ["Орловой Марии Андреевны"]


def test_a_name_under_a_supervisors_label_alone_is_no_author():
    cover = """Министерство образования Республики Беларусь
Учреждение образования
Белорусский государственный университет

Информационная система учёта заявок

АВТОРЕФЕРАТ
на соискание степени магистра техники и технологии

Научный руководитель
Королёва Анна Сергеевна
кандидат технических наук, доцент

Минск 2019
"""
    page = read_title_page(cover.split("\n"))
    assert page is not None and page.others == ("Королёва Анна Сергеевна",)
    assert not any("Королёва" in a for a in read(cover).authors)


# ---- a school paper: pupils' by-line with their class, a title given by its label --------------

SCHOOL = """Соколова Дарья, Ким Артём - 9 «Б»
Тема: Разработка датчика влажности почвы для школьной теплицы
(на основе платы Arduino).
Влажность почвы - главный показатель для полива растений, и её измеряют
датчиками разных типов.

Цель: создать недорогой датчик и проверить его в теплице.
"""


def test_pupils_by_line_with_their_class_and_a_labelled_title_ending_at_its_full_stop():
    meta = read(SCHOOL)
    assert meta.authors[:2] == ("Соколова Дарья", "Ким Артём")
    assert meta.title_text == "Разработка датчика влажности почвы для школьной теплицы (на основе платы Arduino)."


# ---- an essay's cover; a name broken after the family name; a master's student's label ---------

ESSAY = """Министерство науки и высшего образования Российской Федерации
«ПРИВОЛЖСКИЙ ФЕДЕРАЛЬНЫЙ УНИВЕРСИТЕТ»

Кафедра программной инженерии

РЕФЕРАТ
На тему: «Шаблон Наблюдатель: подписка на события в приложениях
на языке Python»
Выполнил:
Абдыкадырова Айпери Маратовна
2 курс, группа ПИ-б-о-22-1
Проверил:
Семёнов И.А., канд. техн. наук, доцент

Казань, 2024 г.
"""


def test_an_essays_cover_gives_its_topic_and_student():
    page = read_title_page(ESSAY.split("\n"))
    assert page is not None
    assert page.title == "«Шаблон Наблюдатель: подписка на события в приложениях на языке Python»"
    assert page.author == "Абдыкадырова Айпери Маратовна"


def test_an_abstract_labelled_referat_is_no_cover():
    paper = """УДК 004.9

МЕТОД ПОИСКА ДУБЛИКАТОВ ЗАПИСЕЙ

И.И. Петров

Реферат
Предложен метод поиска дубликатов записей в библиографических базах данных.
"""
    assert read_title_page(paper.split("\n")) is None
    assert read(paper).title_text == "МЕТОД ПОИСКА ДУБЛИКАТОВ ЗАПИСЕЙ"


SPLIT_NAME = """Министерство образования Республики Беларусь
Белорусский государственный университет информатики и радиоэлектроники

УДК 004.8

Жуковская
Ольга, Андреевна

Система учёта заявок на ремонт оборудования

АВТОРЕФЕРАТ
на соискание степени магистра техники и технологии

Научный руководитель
Королёв Антон Сергеевич

Минск 2020
"""


def test_a_name_broken_after_the_family_name_and_a_masters_students_label():
    page = read_title_page(SPLIT_NAME.split("\n"))
    assert page is not None and page.author == "Жуковская Ольга Андреевна"
    labelled = SPLIT_NAME.replace("Научный руководитель", "Магистрант О.А. Жуковская\n\nНаучный руководитель").replace("Жуковская\nОльга, Андреевна\n", "")
    page = read_title_page(labelled.split("\n"))
    assert page is not None and page.author == "О.А. Жуковская"


# ---- course works: a translation under the title, the student's label in the kind's line, names
# without patronymics under `Выполнили:` ----------------------------------------------------------

TRANSLATED = """«НАЦИОНАЛЬНЫЙ ИССЛЕДОВАТЕЛЬСКИЙ УНИВЕРСИТЕТ»
Институт экономики и финансов

Смирнова Алина Петровна
МОДЕЛИ ЗАРАЖЕНИЯ В СЕТЯХ
МЕЖБАНКОВСКИХ КРЕДИТОВ
CONTAGION MODELS IN INTERBANK
LENDING NETWORKS
Курсовая работа
по направлению подготовки 38.04.01 «Экономика»

Москва 2020
"""


def test_the_titles_translation_above_the_kind_is_left_out():
    page = read_title_page(TRANSLATED.split("\n"))
    assert page is not None
    assert page.title == "МОДЕЛИ ЗАРАЖЕНИЯ В СЕТЯХ МЕЖБАНКОВСКИХ КРЕДИТОВ"
    assert page.author == "Смирнова Алина Петровна"


LABEL_IN_KIND = """МОСКОВСКИЙ ГОСУДАРСТВЕННЫЙ УНИВЕРСИТЕТ
ФАКУЛЬТЕТ БИОИНЖЕНЕРИИ

Механизмы устойчивости бактерий
к антибиотикам

Курсовая работа студентки 2-го курса
Соловьёвой Марины Игоревны

Научный руководитель:
к.б.н. Д.А. Петров

Москва 2019
"""

WEAK_NAMES = """НАЦИОНАЛЬНЫЙ ИССЛЕДОВАТЕЛЬСКИЙ УНИВЕРСИТЕТ
Кафедра ПМИ

КУРСОВАЯ РАБОТА
по дисциплине: «Численные методы»
на тему:
«Сравнение методов интерполяции»

Выполнили:
студенты 3 курса группы А-01-21
Орлова Мария
Ким Денис
Преподаватель:
доцент кафедры ПМИ
Белова Ирина Сергеевна
"""


def test_the_students_label_in_the_kinds_line_and_names_without_patronymics():
    page = read_title_page(LABEL_IN_KIND.split("\n"))
    assert page is not None and page.author == "Соловьёвой Марины Игоревны"
    page = read_title_page(WEAK_NAMES.split("\n"))
    assert page is not None and page.title == "«Сравнение методов интерполяции»" and page.author == "Орлова Мария"
