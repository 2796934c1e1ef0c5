"""Title blocks of the failure classes front27's unseen batch showed (issue 16): a report's
cover (`Отчет … на тему:` over the title), a cover's place over its year read as the title, a
cover set in double spacing, a magazine's display title against a heading in text type or its
author's name above it, a title pdftotext broke at its wide word gaps under a by-line of full
names, a by-line given by its label in the title's type, a school cover naming its school in
quotes and the conference above the title. Every example is invented after those forms (no
paper's lines copied); each test fails without its rule."""

from __future__ import annotations

from pathlib import Path

from exporter.readers import read_document
from exporter.readers.pdf.layout import Line
from exporter.readers.pdf.reader import first_page_texts
from exporter.readers.plaintext import roles, titleblock
from exporter.readers.plaintext.frontmatter import names_venue, opens_with_institution
from exporter.readers.plaintext.roles import Role
from exporter.readers.plaintext.roles.features import Layout, LineItem
from exporter.readers.plaintext.titlepage import read_title_page

from helpers import draw_text, pdf_canvas, text_front_matter, title_block_docx


def read_txt(text: str):
    from exporter.readers.plaintext import read_plaintext
    from exporter.sourcefile import SourceText

    return read_plaintext(SourceText("p.txt", text, "utf-8")).meta

# ---- a report's cover ------------------------------------------------------------------------

REPORT_COVER = """МИНИСТЕРСТВО НАУКИ И ВЫСШЕГО ОБРАЗОВАНИЯ РОССИЙСКОЙ ФЕДЕРАЦИИ
Северный государственный университет
Институт математики и информатики

Отчет о научно-исследовательской работе на тему:
Методы сжатия разреженных матриц

Выполнил:
студент группы ПМ-31
Кузнецов Павел Олегович

Руководитель:
Смирнова Ольга Викторовна

Архангельск 2024
"""


def test_a_reports_cover_gives_the_title_under_its_topic_label():
    page = read_title_page(REPORT_COVER.split("\n"))
    assert page is not None and page.title == "Методы сжатия разреженных матриц"
    meta = read_txt(REPORT_COVER)
    assert meta.title_text == "Методы сжатия разреженных матриц"
    assert meta.authors[0] == "Кузнецов Павел Олегович"


def test_a_reports_kind_with_its_topic_on_one_line():
    cover = REPORT_COVER.replace("Отчет о научно-исследовательской работе на тему:\nМетоды сжатия разреженных матриц",
                                 "ОТЧЁТ по учебной практике на тему: «Методы сжатия разреженных матриц»")
    page = read_title_page(cover.split("\n"))
    assert page is not None and page.title == "«Методы сжатия разреженных матриц»"


def test_a_report_named_without_a_topic_is_no_cover():
    lines = ["Отчёт о практике по вычислительной математике", "", "Первая глава описывает разностные схемы, вторая сравнивает их устойчивость."]
    assert read_title_page(lines) is None


# ---- a cover's place over its year ---------------------------------------------------------

ABSTRACT_COVER = [
    "На правах рукописи", "", "Зайцева Ольга Николаевна", "", "ОПТИМИЗАЦИЯ МАРШРУТОВ ДОСТАВКИ", "В ГОРОДСКИХ ТРАНСПОРТНЫХ СЕТЯХ", "",
    "Специальность 05.13.01", "Системный анализ, управление и обработка информации", "(технические науки)", "",
    "АВТОРЕФЕРАТ", "диссертации на соискание ученой степени", "кандидата технических наук", "", "Великий Новгород", "2011",
]


def test_the_covers_place_over_its_year_is_no_title():
    page = read_title_page(ABSTRACT_COVER)
    assert page is not None
    assert page.title == "ОПТИМИЗАЦИЯ МАРШРУТОВ ДОСТАВКИ В ГОРОДСКИХ ТРАНСПОРТНЫХ СЕТЯХ"
    assert page.author == "Зайцева Ольга Николаевна"


def test_the_covers_place_at_its_foot_with_no_year_under_it_is_no_title():
    page = read_title_page(ABSTRACT_COVER[:-1])  # a PDF's layout took the year for a page number
    assert page is not None and page.title == "ОПТИМИЗАЦИЯ МАРШРУТОВ ДОСТАВКИ В ГОРОДСКИХ ТРАНСПОРТНЫХ СЕТЯХ"


def test_a_title_under_the_kind_stays_a_title():
    lines = ["ВЫПУСКНАЯ КВАЛИФИКАЦИОННАЯ РАБОТА", "", "Анализ тональности отзывов о товарах", "", "Студент", "Петров Илья Сергеевич", "", "Томск 2022"]
    page = read_title_page(lines)
    assert page is not None and page.title == "Анализ тональности отзывов о товарах"


def test_a_pdf_cover_in_double_spacing_is_read_in_its_blocks():
    # every line 24 pt below the last (twice the type's size and more), the blocks 60 pt apart
    ys, y, lines = [], 760.0, []
    for block in ABSTRACT_COVER[:-1]:  # the layout took the year at the foot for a page number
        if not block:
            y -= 60
            continue
        lines.append(Line(1, block, 100, 100 + 6 * len(block), y, 10.0, False))
        y -= 24
    texts = first_page_texts(lines)
    assert texts[4:6] == ["ОПТИМИЗАЦИЯ МАРШРУТОВ ДОСТАВКИ", "В ГОРОДСКИХ ТРАНСПОРТНЫХ СЕТЯХ"]  # one block, no blank between
    page = read_title_page(texts)
    assert page is not None and page.title == "ОПТИМИЗАЦИЯ МАРШРУТОВ ДОСТАВКИ В ГОРОДСКИХ ТРАНСПОРТНЫХ СЕТЯХ"


def test_a_single_spaced_pdf_cover_keeps_its_partings():
    lines = [Line(1, "Первая строка блока", 100, 300, 700, 12.0, False), Line(1, "вторая строка блока", 100, 300, 686, 12.0, False),
             Line(1, "Следующий блок", 100, 300, 640, 12.0, False)]
    assert first_page_texts(lines) == ["Первая строка блока", "вторая строка блока", "", "Следующий блок"]

# ---- a by-line given by its label in the title's type ----------------------------------------


def test_a_labelled_by_line_in_the_titles_type_is_no_title_line(tmp_path):
    path = tmp_path / "s.pdf"
    c = pdf_canvas(path)
    for y, line in [(520, "Программа для моделирования движения"), (495, "маятника"), (462, "Автор: Соколов Дмитрий"), (429, "9 класс"),
                    (396, "Лицей информационных технологий №2"), (364, "Научный руководитель: Жукова Анна"), (339, "Сергеевна")]:
        draw_text(c, 100, y, line, 20)
    c.showPage()
    draw_text(c, 100, 760, "1. Аннотация", 20)
    y = 730
    for _ in range(6):
        draw_text(c, 100, y, "Проект создан для наглядного изучения колебаний маятника на уроках физики.", 16)
        y -= 20
    c.showPage()
    c.save()
    meta = read_document(str(path)).meta
    assert meta.title_text == "Программа для моделирования движения маятника"
    assert meta.authors[0] == "Соколов Дмитрий"

# ---- a magazine's display title -------------------------------------------------------------

MAGAZINE_TEXT = [
    "Описанные в литературе схемы фильтрации являются идеализациями реальных устройств,",
    "поэтому при их воплощении нужно учесть ограничения, которые накладывает техника.",
    "К таким ограничениям относятся конечный диапазон сигналов, шум датчиков, дискретность",
    "отсчётов по времени и разброс параметров элементов от образца к образцу.",
    "Далее рассматриваются способы, которыми эти ограничения преодолевают на практике.",
]


def _magazine_pdf(path: Path) -> str:
    c = pdf_canvas(path)
    draw_text(c, 60, 800, "ПРАКТИЧЕСКИЕ ЗАМЕТКИ", 9)
    draw_text(c, 160, 770, "Олег Васильев", 12)
    draw_text(c, 160, 730, "Цифровые фильтры:", 28, bold=True)
    draw_text(c, 160, 700, "выбор и настройка", 28, bold=True)
    draw_text(c, 60, 660, "ЧАСТЬ 2", 8)
    draw_text(c, 60, 640, "ПОГРЕШНОСТИ, ВНОСИМЫЕ", 8)
    draw_text(c, 60, 628, "ДИСКРЕТИЗАЦИЕЙ СИГНАЛА", 8)
    y = 612
    for _ in range(8):
        for line in MAGAZINE_TEXT:
            draw_text(c, 60, y, line, 9)
            y -= 12
        y -= 6
    c.showPage()
    c.save()
    return str(path)


def test_a_magazines_author_above_its_display_title_is_no_title_line(tmp_path):
    meta = read_document(_magazine_pdf(tmp_path / "m.pdf")).meta
    assert meta.title_text == "Цифровые фильтры: выбор и настройка"
    assert meta.authors[0] == "Олег Васильев"


def test_a_display_title_stands_against_a_title_the_model_reads_in_text_type(monkeypatch):
    texts = ["Олег Васильев", "Цифровые фильтры:", "выбор и настройка", "ЧАСТЬ 2", "ПОГРЕШНОСТИ, ВНОСИМЫЕ", "ДИСКРЕТИЗАЦИЕЙ СИГНАЛА", *MAGAZINE_TEXT]
    sizes = [1.33, 3.1, 3.1, 0.9, 0.9, 0.9] + [1.0] * len(MAGAZINE_TEXT)
    items = [LineItem(t, layout=Layout(size=s)) for t, s in zip(texts, sizes)]
    labels = [Role("other", 0.9, 0.1, 0.0)] * len(items)
    labels[4] = labels[5] = Role("title", 0.7, 0.7, 0.0)
    # what the model read on such a page: the heading in 8 pt capitals under the title as the title
    monkeypatch.setattr(titleblock, "propose", lambda items, language=None: titleblock.Proposal(title=[4, 5], labels=labels, front_end=6))
    choice = titleblock.decide(items, "ru", "Цифровые фильтры: выбор и настройка", ["Олег Васильев"], display=True)
    assert choice.title is None  # the rules' title stands
    choice = titleblock.decide(items, "ru", "Цифровые фильтры: выбор и настройка", ["Олег Васильев"], display=False)
    assert choice.title == [4, 5]  # not in display type: the model's judgement as before

# ---- a title broken at its word gaps ---------------------------------------------------------

GAPPED_TITLE = """Сидоренко Павел Андреевич, Ковальчук Ирина Олеговна, Мельник
Татьяна Викторовна
Одесский политехнический институт, г. Одесса, 2019 год

Методы

защиты веб-приложений от атак и их

сравнительный анализ.
В

статье

рассматриваются

основные

виды атак на веб-приложения и способы защиты от них.

Введение
Веб-приложения стали основой работы многих организаций, и их защита требует внимания.
"""


def test_a_title_broken_at_its_word_gaps_under_a_by_line_of_full_names():
    for model in (False, True):
        roles.ENABLED = model
        try:
            meta = read_txt(GAPPED_TITLE)
        finally:
            roles.ENABLED = True
        assert meta.title_text == "Методы защиты веб-приложений от атак и их сравнительный анализ."
        assert meta.authors[0] == "Сидоренко Павел Андреевич"


def test_a_word_alone_over_a_capitalised_line_is_left_alone():
    fm = text_front_matter(["УДК 004.8", "", "Нейросети", "", "Обзор методов обучения нейронных сетей", "", "И. И. Иванов", "",
                            "Аннотация. В статье рассмотрены методы обучения.", "", "Введение", "Текст."])
    assert fm.title_text == "Обзор методов обучения нейронных сетей"

# ---- a school cover in Word ------------------------------------------------------------------


def test_an_institution_in_quotes_and_a_conference_are_no_title():
    assert opens_with_institution("«Средняя общеобразовательная школа №7»")
    texts = ["Городская научно-практическая конференция школьников", "«Шаг в науку»", "Сравнение алгоритмов сортировки"]
    assert names_venue(texts, 0) and names_venue(texts, 1) and not names_venue(texts, 2)
    assert not names_venue(["Введение", "«Мастер и Маргарита»"], 1)


def test_a_school_cover_in_word_names_its_school_and_conference_above_the_title(tmp_path):
    path = title_block_docx(tmp_path / "s.docx", [
        ("Муниципальное автономное общеобразовательное учреждение", {"center": True}),
        ("«Средняя общеобразовательная школа №7»", {"center": True}),
        ("Городская научно-практическая конференция школьников", {"center": True}),
        ("«Шаг в науку»", {"center": True}),
        ("Сравнение алгоритмов сортировки на больших массивах данных.", {"center": True}),
        ("Выполнили ученицы 9а класса", {}),
        ("Лебедева Мария и Орлова Анна", {}),
        ("Руководитель – учитель информатики", {}),
        ("Соколов Игорь Петрович", {}),
        ("Казань – 2021", {"center": True}),
    ])
    meta = read_document(path).meta
    assert meta.title_text == "Сравнение алгоритмов сортировки на больших массивах данных."
    assert meta.authors[0] == "Лебедева Мария"


# ---- a report's cover with no topic: the exercise's number, the student's group --------------

EXERCISE_COVER = """МИНОБРНАУКИ РОССИИ
Уральский технический университет
Кафедра прикладной информатики

ОТЧЁТ ПО ЛАБОРАТОРНОЙ РАБОТЕ
по дисциплине «Операционные системы»

Лабораторная работа № 3

Студент группы

ПИ-22-1 Морозов К.А.

Преподаватель

Белова Т.Н.

Екатеринбург 2023
"""


def test_a_reports_cover_naming_its_student_and_exercise_but_no_topic():
    page = read_title_page(EXERCISE_COVER.split("\n"))
    assert page is not None
    assert page.title is None  # `Лабораторная работа № 3` goes on the kind's line: no title
    assert page.author == "Морозов К.А."  # the group's code before the name left out
    assert page.names_other("Белова Т.Н.")
    assert read_txt(EXERCISE_COVER).authors[0] == "Морозов К.А."


# ---- front27's third batch: a letter-spaced kind, a by-line broken at a mark ----------------

SPACED_KIND = ["Министерство науки и высшего образования Российской Федерации", "Южный федеральный университет", "",
               "Р Е Ф Е Р А Т", "На тему: «Шифрование данных в облачных хранилищах»", "", "Выполнила:", "Смирнова Алина Игоревна", "",
               "Проверил:", "Кузьмин П.А.", "", "Ростов-на-Дону 2022"]


def test_a_letter_spaced_kind_on_a_cover():
    page = read_title_page(SPACED_KIND)
    assert page is not None
    assert page.title == "«Шифрование данных в облачных хранилищах»"
    assert page.author == "Смирнова Алина Игоревна"


def test_a_by_line_broken_at_a_mark_keeps_its_first_author():
    texts = ["Measuring Cache Effects in", "Stream Processing Engines", "Anna Berg , Paul Weiss", "∗", ", Maria Lopez , Tom Hale",
             "Department of Computer Science", "Northern University", "anna@nu.edu, paul@nu.edu", "Abstract—We measure cache effects."]
    labels = [Role("title", 0.9, 0.9, 0.0)] * 2 + [Role("title", 0.6, 0.6, 0.2), Role("title", 0.6, 0.6, 0.0), Role("author", 0.99, 0.0, 0.99)] + [Role("affiliation", 0.9, 0.0, 0.0)] * 4
    proposal = titleblock.Proposal(title=[0, 1], authors=["Maria Lopez", "Tom Hale"], labels=labels, front_end=8)
    assert titleblock.judge_authors(proposal, texts, ["Anna Berg", "Paul Weiss"]) is None  # the rules' first stands
    texts[4] = "Maria Lopez , Tom Hale"  # a line of its own, not a by-line's continuation: the model's judgement as before
    assert titleblock.judge_authors(proposal, texts, ["Anna Berg", "Paul Weiss"]) == ["Maria Lopez", "Tom Hale"]
