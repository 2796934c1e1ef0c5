"""A thesis's title page and the other failure classes of front21's unseen batch (issue 16):
university covers read as a title block, a LaTeX T2A text layer, a patronymic, a role in
brackets, an APA running head, margin line numbers, an MLA running head, an affiliation broken
inside a name, a title set right above the text, a topic in quotes, names side by side on one
baseline. Each test fails without its rule; the lines are written after the covers' forms
(ITMO, HSE, UrFU, LETI, Mordovia, a dissertation's abstract), not copied from one paper."""

from __future__ import annotations

from pathlib import Path

import docx

from exporter.readers import read_document
from exporter.readers.plaintext import read_plaintext
from exporter.readers.plaintext.frontmatter import STRONG_NAME, TITLE_LABEL, author_names
from exporter.readers.plaintext.mojibake import repair_mojibake
from exporter.readers.plaintext.titleblock import vetoes_title
from exporter.readers.plaintext.titlepage import read_title_page
from exporter.sourcefile import SourceText

from helpers import draw_text, pdf_canvas


def read(text: str):
    return read_plaintext(SourceText("p.txt", text, "utf-8")).meta


# ---- the title page ------------------------------------------------------------------------

TITLE_UNDER_KIND = """Министерство науки и высшего образования Российской Федерации
ФЕДЕРАЛЬНОЕ ГОСУДАРСТВЕННОЕ АВТОНОМНОЕ ОБРАЗОВАТЕЛЬНОЕ
УЧРЕЖДЕНИЕ ВЫСШЕГО ОБРАЗОВАНИЯ
НАЦИОНАЛЬНЫЙ ИССЛЕДОВАТЕЛЬСКИЙ УНИВЕРСИТЕТ

ВЫПУСКНАЯ КВАЛИФИКАЦИОННАЯ РАБОТА
GRADUATION THESIS
Разработка модуля проверки ссылок для редактора статей
Обучающийся / Student Смирнова Анна Петровна
Факультет/институт/кластер/ Faculty/Institute/Cluster факультет информационных
технологий и программирования
Руководитель ВКР/ Thesis supervisor Иванов Иван Иванович, доцент

Санкт-Петербург
2021
\fВведение
Ссылки в научных статьях проверяются вручную, что занимает много времени у редакторов.
"""

TITLE_ABOVE_KIND = """Министерство образования и науки РФ
Институт фундаментального образования
Кафедра интеллектуальных информационных технологий
К ЗАЩИТЕ ДОПУСТИТЬ
Заведующий кафедрой
___________И. Н. Петров
« ____»_________20___ г.

ПОСТРОЕНИЕ РАСПИСАНИЯ ЗАНЯТИЙ
МЕТОДОМ ИМИТАЦИИ ОТЖИГА

ВЫПУСКНАЯ КВАЛИФИКАЦИОННАЯ РАБОТА
Пояснительная записка

Руководитель
С. С. Сидоров

Студент гр. ИТ–401

М. В. Кузнецова

Екатеринбург – 2016
\fВведение
Расписание занятий составляется каждый семестр заново.
"""


def test_the_title_under_the_works_kind_and_the_name_after_the_students_label():
    page = read_title_page(TITLE_UNDER_KIND.split("\n"))
    assert page.title == "Разработка модуля проверки ссылок для редактора статей"
    assert page.author == "Смирнова Анна Петровна"  # not the supervisor's `Иванов Иван Иванович`


def test_the_title_above_the_works_kind_and_the_name_under_the_students_label():
    page = read_title_page(TITLE_ABOVE_KIND.split("\n"))
    assert page.title == "ПОСТРОЕНИЕ РАСПИСАНИЯ ЗАНЯТИЙ МЕТОДОМ ИМИТАЦИИ ОТЖИГА"
    assert page.author == "М. В. Кузнецова"


def test_a_dissertations_abstract_passes_over_the_speciality_and_takes_the_name_above():
    lines = [
        "На правах рукописи", "", "Орлов Пётр Сергеевич", "", "Методы сжатия изображений", "на основе вейвлет-преобразования",
        "", "Специальность 05.13.18 —", "«Математическое моделирование, численные методы", "и комплексы программ»", "",
        "Автореферат", "диссертации на соискание учёной степени", "кандидата технических наук", "", "Москва — 2020",
    ]
    page = read_title_page(lines)
    assert page.title == "Методы сжатия изображений на основе вейвлет-преобразования"
    assert page.author == "Орлов Пётр Сергеевич"


def test_the_name_above_the_title_and_never_the_supervisors():
    lines = [
        "Факультет вычислительной математики и кибернетики", "", "Ахметов Ерлан Серикулы", "",
        "«Об одной задаче для уравнения теплопроводности»", "", "Выпускная квалификационная работа", "",
        "Научный руководитель:", "профессор кафедры", "Петров П. П.",
    ]
    page = read_title_page(lines)
    assert page.title == "«Об одной задаче для уравнения теплопроводности»"
    assert page.author == "Ахметов Ерлан Серикулы"


def test_a_topic_label_and_the_title_under_it_and_the_field_after_it():
    lines = [
        "ВЫПУСКНАЯ КВАЛИФИКАЦИОННАЯ РАБОТА БАКАЛАВРА", "по теме:", "РАЗРАБОТКА СИСТЕМЫ УЧЁТА ЗАЯВОК", "Автор бакалаврской работы",
        "______________________", "Д.С. Волков", "подпись, дата", "Руководитель работы", "Т.Ф. Маркова",
    ]
    assert read_title_page(lines) == read_title_page(lines[:3] + lines[3:])  # deterministic
    page = read_title_page(lines)
    assert (page.title, page.author) == ("РАЗРАБОТКА СИСТЕМЫ УЧЁТА ЗАЯВОК", "Д.С. Волков")
    hse = ["ВЫПУСКНАЯ КВАЛИФИКАЦИОННАЯ РАБОТА", "Анализ тональности отзывов о товарах", "по направлению подготовки Прикладная математика",
           "Выполнила:", "Студентка группы МАНБД", "Петрова Алина Игоревна", "Руководитель:", "Сидоров Олег Викторович"]
    page = read_title_page(hse)
    assert (page.title, page.author) == ("Анализ тональности отзывов о товарах", "Петрова Алина Игоревна")


def test_a_kind_broken_over_two_lines_or_with_its_degree_in_brackets_and_a_topic_on_a_forms_row():
    spbpu = ["Министерство науки и высшего образования Российской Федерации", "Институт компьютерных наук и технологий",
             "ВЫПУСКНАЯ КВАЛИФИКАЦИОННАЯ", "РАБОТА БАКАЛАВРА", "Разработка модуля проверки орфографии", "для редакторов научных текстов",
             "Студент гр. 3530901/60202 А.С. Миронова", "Руководитель", "доцент, к.т.н. В.М. Петров", "Санкт-Петербург", "2020"]
    page = read_title_page(spbpu)
    assert (page.title, page.author) == ("Разработка модуля проверки орфографии для редакторов научных текстов", "А.С. Миронова")
    form = ["МИНОБРНАУКИ РОССИИ", "Институт", "Кафедра", "ЭнМИ", "РМДиПМ", "ВЫПУСКНАЯ КВАЛИФИКАЦИОННАЯ РАБОТА", "(БАКАЛАВРСКАЯ РАБОТА)",
            "Направление", "15.03.03 Прикладная механика", "Форма обучения", "очная", "Тема:", "Расчёт прочности сварной балки", "Студент", "С-06-18"]
    assert read_title_page(form).title == "Расчёт прочности сварной балки"


def test_no_title_page_without_the_works_kind():
    assert read_title_page(["ИССЛЕДОВАНИЕ СИСТЕМ ХРАНЕНИЯ", "И. И. Иванов", "Аннотация. В статье рассмотрены системы хранения."]) is None
    # the kind in a sentence is no cover's line
    assert read_title_page(["Выпускная квалификационная работа посвящена анализу систем хранения данных в облаке."]) is None


def test_the_text_reader_takes_the_title_page_over_the_ministrys_lines():
    meta = read(TITLE_UNDER_KIND)
    assert meta.title_text == "Разработка модуля проверки ссылок для редактора статей"
    assert meta.authors[0] == "Смирнова Анна Петровна"
    meta = read(TITLE_ABOVE_KIND)
    assert meta.title_text == "ПОСТРОЕНИЕ РАСПИСАНИЯ ЗАНЯТИЙ МЕТОДОМ ИМИТАЦИИ ОТЖИГА"
    assert meta.authors[0] == "М. В. Кузнецова"


def test_the_word_reader_reads_the_student_in_the_covers_table(tmp_path):
    d = docx.Document()
    for text in ("Министерство науки и высшего образования Российской Федерации", "Кафедра прикладной математики",
                 "ВЫПУСКНАЯ КВАЛИФИКАЦИОННАЯ РАБОТА БАКАЛАВРА", "по теме:", "РАЗРАБОТКА СИСТЕМЫ УЧЁТА ЗАЯВОК"):
        d.add_paragraph(text)
    table = d.add_table(rows=3, cols=2)
    for row, (label, name) in enumerate((("Автор бакалаврской работы", "Д.С. Волков"), ("Руководитель работы", "Т.Ф. Маркова"), ("Нормоконтроль", "Е.Е. Егорова"))):
        table.cell(row, 0).text = label
        table.cell(row, 1).text = name
    d.add_paragraph("Саранск 2026")
    d.add_heading("Введение", level=1)
    d.add_paragraph("Заявки пользователей учитываются в журнале, который ведётся вручную и часто теряется.")
    path = tmp_path / "cover.docx"
    d.save(path)
    meta = read_document(str(path)).meta
    assert meta.title_text == "РАЗРАБОТКА СИСТЕМЫ УЧЁТА ЗАЯВОК"
    assert meta.authors[0] == "Д.С. Волков"


def test_the_pdf_reader_reads_a_cover_page(tmp_path):
    path = tmp_path / "cover.pdf"
    c = pdf_canvas(path)
    for y, text in ((800, "Министерство науки и высшего образования Российской Федерации"), (784, "НАЦИОНАЛЬНЫЙ ИССЛЕДОВАТЕЛЬСКИЙ УНИВЕРСИТЕТ"),
                    (700, "Петрова Алина Игоревна"), (660, "ВЫПУСКНАЯ КВАЛИФИКАЦИОННАЯ РАБОТА"),
                    (630, "Анализ тональности отзывов о товарах"), (616, "методами машинного обучения"),
                    (590, "по направлению 01.04.02 Прикладная математика и информатика"), (500, "Студент"), (486, "А.И. Петрова"),
                    (460, "Научный руководитель"), (446, "О.В. Сидоров"), (100, "Москва 2024")):
        draw_text(c, 120, y, text, 12)
    c.showPage()
    draw_text(c, 50, 800, "Введение", 12, bold=True)
    draw_text(c, 50, 780, "Отзывы покупателей о товарах содержат мнения, полезные производителям.", 11)
    c.save()
    meta = read_document(str(path)).meta
    assert meta.title_text == "Анализ тональности отзывов о товарах методами машинного обучения"
    assert meta.authors[0] == "А.И. Петрова"


# ---- the other classes -----------------------------------------------------------------------

def test_a_latex_t2a_text_layer_is_repaired_with_its_guillemets_and_yo():
    # T2A: Windows-1251's letters, `ё` at 0xBC, guillemets at 0xBE and 0xBF
    lines = [
        "¾Èññëåäîâàíèå íåëîêàëüíîé çàäà÷è¿",
        "Íàçîâ¼ì çàäà÷ó íåëîêàëüíîé çàäà÷åé.",
        "Ðåøåíèå çàäà÷è ñóùåñòâóåò è åäèíñòâåííî.",
        "Èññëåäîâàíèå çàäà÷è ïðîâåäåíî âûøå.",
    ]
    fixed = repair_mojibake(lines, "p.txt").lines
    assert fixed[0] == "«Исследование нелокальной задачи»"
    assert fixed[1] == "Назовём задачу нелокальной задачей."


def test_a_full_name_with_a_patronymic_is_a_certain_name_and_never_a_title():
    assert STRONG_NAME.match("Каратач Сергей Александрович") and STRONG_NAME.match("Кабдуали Бек Ильясулы")
    assert author_names("Путьков Дмитрий Александрович", strong_only=True) == ["Путьков Дмитрий Александрович"]
    assert not STRONG_NAME.match("Разработка Системы Учёта") and vetoes_title("Путьков Дмитрий Александрович")


def test_a_role_in_brackets_after_a_name():
    names = author_names("Мокрецов Р.М. (магистрант 1 года, каф. МОЭВМ, СПБГЭТУ)", strong_only=True)
    assert names == ["Мокрецов Р.М."]
    assert author_names("Заславский М. М. (аспирант 3 года, каф. ИПМ-1, НИУ ИТМО)", strong_only=True) == ["Заславский М. М."]


def test_an_apa_running_head_and_margin_line_numbers():
    text = (
        "Running head: PATTERNS OF SLEEP\n\n1\n\n1\n\nPatterns of Sleep and Memory: A Longitudinal Study of\n\n2\n\n"
        "Older Adults in Three Countries\n\n3\n\nMaria Lopez1 , Jan Novak2 , & Anna Berg1\n\n4\n\n"
        "1 Department of Psychology, University of Oslo, Norway\n\nAbstract\n\n"
        "Sleep changes with age. We followed older adults for ten years and measured their memory.\n"
    )
    meta = read(text)
    assert meta.title_text == "Patterns of Sleep and Memory: A Longitudinal Study of Older Adults in Three Countries"
    assert vetoes_title("Running head: PATTERNS OF SLEEP")


def test_an_mla_running_head_of_the_surname_and_page_is_no_title():
    text = (
        "Научная статья\n\nПутьков 1\n\nПутьков Дмитрий Александрович\nЗаславский Марк Маркович\n"
        "Каф. МО ЭВМ, Программная инженерия,\n15 декабря, 2017г.\n\nСбор статистики с репозиториев Github\n\nАннотация\n"
        "В данной статье описаны исследования возможных решений для сбора информации с репозиториев.\n"
    )
    meta = read(text)
    assert meta.title_text == "Сбор статистики с репозиториев Github"
    assert meta.authors[0] == "Путьков Дмитрий Александрович"


def test_an_affiliation_broken_inside_a_name_and_a_title_set_right_above_the_text():
    text = (
        "УДК 004.42\nК.В. Петров\n"
        "Санкт-Петербургский государственный электротехнический университет «ЛЭТИ» им. В.\nИ. Ульянова (Ленина)\n\n"
        "Анализ средств планирования траекторий движений\nпроизвольного количества роботов\n"
        "В настоящее время автономные роботы получают широкое применение, и очень остро стоит проблема автоматического\n"
        "планирования траектории их передвижения, будь то робот-манипулятор или колесный робот. Для решения этой\n"
        "проблемы существуют различные средства, но задача приобретает несколько другое направление.\n"
    )
    meta = read(text)
    assert meta.title_text == "Анализ средств планирования траекторий движений произвольного количества роботов"
    assert meta.affiliations[0].endswith("им. В. И. Ульянова (Ленина)")


def test_a_topic_in_quotes_is_a_labelled_title():
    assert TITLE_LABEL.match("Реферат литературы по теме «Семантика союза то есть»")["value"] == "«Семантика союза то есть»"
    assert TITLE_LABEL.match("Тезисы на тему «Облачные технологии»")["value"] == "«Облачные технологии»"
    assert TITLE_LABEL.match("Тема Родины в лирике") is None


def test_names_side_by_side_on_one_baseline_are_read_left_to_right():
    """Three names on one baseline of a two-column page, the middle one across the gutter (an
    IEEE by-line), their baselines a ten-thousandth of a point apart as a PDF's coordinates
    give them, the rightmost highest: they are read left to right."""
    from exporter.readers.pdf.layout import _Fragment, _reading_order

    def run(x0, x1, y, text="a"):
        return _Fragment([(text, x0, x1, y, 10.0, False, False)] * 20, x0, x1, y, 10.0)

    names = [run(428, 500, 633.5951, "R"), run(271, 345, 633.5950, "S"), run(115, 180, 633.5949, "L")]
    body = [run(50, 290, 600 - 12 * k) for k in range(30)] + [run(310, 550, 600 - 12 * k) for k in range(30)]
    order = [line[0].chars[0][0] for _, line in _reading_order(names + body, 600) if line[0].chars[0][0] != "a"]
    assert order.index("L") < order.index("S") < order.index("R")


def test_the_models_first_author_printed_under_the_rules_first_leaves_the_rules_first():
    """A by-line block of full names one to a line, the first beside the UDC (`УДК 519.711
    Петров Иван Сергеевич,`): the model, reading that line as a code, proposes the names
    under it; the first name printed is the first author."""
    from exporter.readers.plaintext.roles import Role
    from exporter.readers.plaintext.titleblock import Proposal, judge_authors

    texts = ["УДК 519.711 Петров Иван Сергеевич,", "инженер, Ангарская техническая академия,", "Сидоров Павел Андреевич,",
             "доцент, Ангарская техническая академия,", "НЕЙРО-НЕЧЁТКАЯ СИСТЕМА ПОДДЕРЖКИ РЕШЕНИЙ", "Аннотация. В статье рассмотрены системы."]
    labels = [Role("code", 0.8, 0.0, 0.3), Role("affiliation", 0.9, 0.0, 0.0), Role("author", 0.9, 0.0, 0.9),
              Role("affiliation", 0.9, 0.0, 0.0), Role("title", 0.9, 0.9, 0.0), Role("abstract", 0.9, 0.0, 0.0)]
    proposal = Proposal(title=[4], authors=["Сидоров Павел Андреевич"], labels=labels)
    assert judge_authors(proposal, texts, ["Петров Иван Сергеевич"]) is None
    # a name under the title is no by-line of the same block: the model's stands
    below = Proposal(title=[1], authors=["Сидоров Павел Андреевич"], labels=[labels[0], Role("title", 0.9, 0.9, 0.0), *labels[2:]])
    assert judge_authors(below, texts, ["Петров Иван Сергеевич"]) == ["Сидоров Павел Андреевич"]


def test_a_cover_naming_the_student_in_the_genitive_and_a_title_in_quotes():
    lines = ["колледж связи", "Курсовая работа", "«Устройство жёсткого диска»", "студента 2 курса", "Петрова Ивана Сергеевича", "Москва 2020"]
    page = read_title_page(lines)
    assert (page.title, page.author) == ("«Устройство жёсткого диска»", "Петрова Ивана Сергеевича")


def test_the_line_role_models_features_read_names_as_it_was_trained():
    """The model was trained with names certain only by their initials and notes in brackets
    kept: the rules' patronymics and dropped notes do not change what it sees."""
    from exporter.readers.plaintext.roles.features import LineItem, NameLexicon, sequence_features

    features = sequence_features([LineItem("Новикова Полина Витальевна"), LineItem("Мокрецов Р.М. (магистрант 1 года, каф. МОЭВМ)")], NameLexicon())
    assert "names_weak" in features[0] and "names_strong" not in features[0]
    assert not any(k.startswith("names") for k in features[1])


def test_the_models_guessed_author_under_the_rules_first_leaves_the_rules_first():
    """No line labelled a by-line: the model's guess (`_likely_authors`, the line it thinks
    likeliest one) is the supervisor's name under the student's (`Путьков Дмитрий
    Александрович` over `Заславский Марк Маркович`); the first name printed stands."""
    from exporter.readers.plaintext.roles import Role
    from exporter.readers.plaintext.titleblock import Proposal, judge_authors

    texts = ["Петров Иван Сергеевич", "Сидоров Павел Андреевич", "Каф. МО ЭВМ, Программная инженерия,", "Сбор статистики с репозиториев", "Аннотация"]
    labels = [Role("rubric", 0.5, 0.27, 0.03), Role("rubric", 0.5, 0.01, 0.26), Role("body", 0.2, 0.0, 0.0), Role("body", 0.5, 0.18, 0.0), Role("abstract", 1.0, 0.0, 0.0)]
    guess = Proposal(title=[], authors=["Сидоров Павел Андреевич"], labels=labels)
    assert judge_authors(guess, texts, ["Петров Иван Сергеевич"]) is None
