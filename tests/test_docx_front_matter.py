"""DOCX front matter (issue 16, front17): an unlabelled abstract longer than a body paragraph
usually is, right above labelled keywords — ru_dimitrov_balancing_robot's layout (dev half):
title, by-line, a 724-character abstract without its label, `Ключевые слова: …`, `Введение`."""

from __future__ import annotations

import docx
from docx.shared import Pt

from exporter.readers import read_document

ABSTRACT = (
    "В данной статье изучается математическая модель объекта «перевернутый маятник» на примере "
    "неустойчивого электромеханического балансирующего робота на колёсной паре. Рассматриваются "
    "особенности модели реального робота, разработанного авторами, и уточняются её параметры "
    "логико-эмпирическим методом: по результатам опытов с устройством выявляются несоответствия "
    "теоретической модели и поведения реального объекта, после чего в модель вводятся поправки, "
    "учитывающие трение в редукторе сервомотора, люфт и задержку в канале измерения угла. "
    "Полученная модель проверена на опытах с роботом и показала хорошее совпадение с результатами "
    "измерений, что позволяет использовать её для синтеза регулятора с обратной связью."
)
KEYWORDS = "Ключевые слова: ОБРАТНАЯ СВЯЗЬ, УПРАВЛЕНИЕ, АВТОМАТИКА, ПЕРЕВЕРНУТЫЙ МАЯТНИК"
BODY = [
    ("Введение", True),
    ("Задача стабилизации перевернутого маятника крайне важна [1]. Существует множество технических устройств.", False),
    ("Литература", True),
    ("1. Иванов И. И. Теория автоматического управления. – М.: Наука, 2010. – 300 с.", False),
]


def _docx(path, paragraphs: list[tuple[str, bool]]) -> str:
    document = docx.Document()
    for text, bold in paragraphs:
        run = document.add_paragraph().add_run(text)
        run.bold = bold
        run.font.size = Pt(14)
    document.save(str(path))
    return str(path)


def test_a_long_unlabelled_abstract_above_the_keywords_is_the_abstract(tmp_path):
    assert len(ABSTRACT) > 600  # longer than the front matter's paragraphs usually are
    path = _docx(tmp_path / "a.docx", [
        ("Уточнение модели балансирующего робота логико-эмпирическим методом", True),
        ("Любомир Ванков Димитров", False),
        (ABSTRACT, False),
        (KEYWORDS, False),
        *BODY,
    ])
    doc = read_document(path)
    assert doc.meta.title_text == "Уточнение модели балансирующего робота логико-эмпирическим методом"
    assert doc.meta.abstract_text == ABSTRACT
    assert doc.meta.keywords == ("ОБРАТНАЯ СВЯЗЬ", "УПРАВЛЕНИЕ", "АВТОМАТИКА", "ПЕРЕВЕРНУТЫЙ МАЯТНИК")
    texts = [" ".join(getattr(node, "text", "") for node in block.inlines).strip() for block in doc.blocks if hasattr(block, "inlines")]
    assert not any(t.startswith("В данной статье") or t.startswith("Ключевые слова") for t in texts)  # front matter, not body


def test_a_long_paragraph_without_keywords_under_it_still_begins_the_body(tmp_path):
    path = _docx(tmp_path / "b.docx", [
        ("Уточнение модели балансирующего робота логико-эмпирическим методом", True),
        ("Любомир Ванков Димитров", False),
        (ABSTRACT, False),
        *BODY,
    ])
    doc = read_document(path)
    assert doc.meta.keywords == ()
    texts = [" ".join(getattr(node, "text", "") for node in block.inlines).strip() for block in doc.blocks if hasattr(block, "inlines")]
    assert any(t.startswith("В данной статье") for t in texts)


# ---- a title given by its label (bench/unseen: aifuyo_science_article, a student report's
# cover; dimonenm_photo_tables, `Название: «…»`; lines written here in their shape) ----------

COVER = [
    ("МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ РОССИЙСКОЙ ФЕДЕРАЦИИ", True),
    ("Кафедра «Информатика и программное обеспечение»", False),
    ("Исследовательская работа", False),
    ("Дисциплина", False),
    ("Программирование", False),
    ("Тема", False),
    ("Разработка обучающей системы средствами языка Си", False),
    ("Выполнили студенты гр. 17-ПРИ", False),
    ("Трунников М. В., Молчанова Н. С.", False),
]


def test_the_paragraph_under_a_title_label_is_the_title_not_the_ministry_above(tmp_path):
    """The paper this follows printed the ministry in a text box (read as the title); set here
    as a paragraph, the model and the rules also read the title right without the label."""
    path = _docx(tmp_path / "cover.docx", COVER + BODY)
    assert read_document(path).meta.title_text == "Разработка обучающей системы средствами языка Си"


def test_a_title_given_after_its_label_loses_the_label(tmp_path):
    path = _docx(tmp_path / "named.docx", [
        ("Название: «Использование программного обеспечения для производства фототаблиц»", False),
        ("План:", False),
        *BODY,
    ])
    assert read_document(path).meta.title_text == "«Использование программного обеспечения для производства фототаблиц»"


def test_code_or_a_title_beginning_with_the_word_is_no_label(tmp_path):
    from exporter.readers.plaintext.frontmatter import TITLE_LABEL

    assert TITLE_LABEL.match("Тема Родины в лирике Есенина") is None  # a title, no colon
    assert TITLE_LABEL.match("Тема работы:") and TITLE_LABEL.match("Title: Adaptive filters")["value"] == "Adaptive filters"
    path = _docx(tmp_path / "code.docx", [
        ("Flutter – Splitting App into Widgets", True),
        ("One of the key features of Flutter is its ability to split an app into smaller widgets.", False),
        ("title: 'Tutorials Point',", False),
        *BODY,
    ])
    title = read_document(path).meta.title_text
    assert title.startswith("Flutter – Splitting App into Widgets") and "Tutorials Point" not in title


# ---- the supervisor's line without a separator after its label (bench/unseen: sogimu_diploma,
# `Научный руководитель Ф.Е. Татарский, ассистент каф. АИКС, НИТПУ`; lines written here) ----


def test_a_supervisor_labelled_without_a_colon_is_the_supervisor_and_kept(tmp_path):
    path = _docx(tmp_path / "s.docx", [
        ("Программный каркас для создания анимации в браузере", True),
        ("А.С. Петров, О.К. Сидоров", False),
        ("Научный руководитель Б.Е. Иванов, ассистент каф. ВТ", False),
        ("Томский государственный университет", False),
        ("Введение", True),
        ("С появлением новых стандартов разработчики браузеров получили средства для анимации [1].", False),
        ("Литература", True),
        ("1. Иванов И. И. Теория анимации. – М.: Наука, 2010. – 300 с.", False),
    ])
    doc = read_document(path)
    assert doc.meta.supervisor == "Б.Е. Иванов, ассистент каф. ВТ"
    assert doc.meta.authors == ("А.С. Петров", "О.К. Сидоров")


def test_a_sentence_opening_with_the_words_of_the_label_is_no_supervisor(tmp_path):
    path = _docx(tmp_path / "n.docx", [
        ("Программный каркас для создания анимации в браузере", True),
        ("А.С. Петров, О.К. Сидоров", False),
        ("Научный руководитель проекта предложил использовать новые стандарты.", False),
        ("Введение", True),
        ("С появлением новых стандартов разработчики браузеров получили средства для анимации [1].", False),
    ])
    assert read_document(path).meta.supervisor is None


# ---- an abstract typed a line per paragraph under its label alone (bench/unseen: galichenko_gravity,
# `Аннотация` / `Работа посвящена … на языке` / `программирования Python. …`; lines written here) ----


def test_an_abstract_typed_a_line_per_paragraph_is_read_whole(tmp_path):
    path = _docx(tmp_path / "a.docx", [
        ("Гравитационный манёвр спутника", True),
        ("К.С. Петрова", False),
        ("Аннотация", False),
        ("Работа посвящена моделированию гравитационного манёвра на языке", False),
        ("программирования Python. Результат показывает перелёт спутника к Урану.", False),
        ("Введение", True),
        ("Гравитационный манёвр позволяет изменить траекторию полёта аппарата без затрат топлива.", False),
        ("Цель работы", True),
        ("Построить модель манёвра и проверить её на данных о полёте.", False),
    ])
    doc = read_document(path)
    assert doc.meta.abstract_text == (
        "Работа посвящена моделированию гравитационного манёвра на языке программирования Python. "
        "Результат показывает перелёт спутника к Урану."
    )
    texts = [" ".join(getattr(node, "text", "") for node in block.inlines).strip() for block in doc.blocks if hasattr(block, "inlines")]
    assert not any(t.startswith("программирования") for t in texts)


def test_a_paragraph_after_an_abstract_ending_its_sentence_is_the_body(tmp_path):  # a guard
    path = _docx(tmp_path / "b.docx", [
        ("Гравитационный манёвр спутника", True),
        ("К.С. Петрова", False),
        ("Аннотация", False),
        ("Работа посвящена моделированию гравитационного манёвра.", False),
        ("программа написана на языке Python и проверена на данных о полёте.", False),
        ("Введение", True),
        ("Гравитационный манёвр позволяет изменить траекторию полёта аппарата без затрат топлива.", False),
    ])
    assert read_document(path).meta.abstract_text == "Работа посвящена моделированию гравитационного манёвра."


def test_running_heads_marked_lrh_and_rrh_are_no_title(tmp_path):
    # A manuscript's left and right running heads by their usual marks, above the title (an
    # unseen AOS Word paper): the right one had been read as the title's first line.
    path = _docx(tmp_path / "rh.docx", [
        ("LRH: J.D. Lloyd", False),
        ("RRH: Fox Sparrow range expansion", False),
        ("The recent expansion of Fox Sparrow breeding range into the northeastern United States", True),
        ("John D. Lloyd", False),
        ("Abstract", True),
        ("The breeding range of the Red Fox Sparrow is generally recognized as comprising the boreal forest of Canada.", False),
        ("Introduction", True),
        ("Fox Sparrow is a polytypic species that breeds in montane and boreal forest.", False),
    ])
    meta = read_document(path).meta
    assert meta.title_text == "The recent expansion of Fox Sparrow breeding range into the northeastern United States"
    assert meta.authors == ("John D. Lloyd",)


def test_a_short_papers_short_sentences_stay_its_body_with_the_name_under_them(tmp_path):
    """A page of short sentences (under fifteen words each) and a table, the author's name last:
    the name is the author, the sentences and the table are the body (every block had been lost:
    the front matter ran to the name and only prose of fifteen words began the body)."""
    d = docx.Document()
    d.add_heading("Заголовок статьи о схемах", level=0)
    d.add_paragraph("Первое предложение основного текста статьи.")
    d.add_paragraph("Второе предложение основного текста статьи идёт здесь.")
    d.add_table(rows=1, cols=1).cell(0, 0).text = "x"
    d.add_paragraph("Третье предложение основного текста статьи идёт здесь.")
    d.add_paragraph("Иванов И. И.")
    d.save(str(tmp_path / "s.docx"))
    doc = read_document(str(tmp_path / "s.docx"))
    assert doc.meta.authors == ("Иванов И. И.",)
    kinds = [(type(b).__name__, " ".join(getattr(n, "text", "") for n in getattr(b, "inlines", ())).strip()) for b in doc.blocks]
    assert kinds == [
        ("Paragraph", "Первое предложение основного текста статьи."),
        ("Paragraph", "Второе предложение основного текста статьи идёт здесь."),
        ("Table", ""),
        ("Paragraph", "Третье предложение основного текста статьи идёт здесь."),
    ]


def test_a_forms_labelled_line_over_the_title_is_no_title_and_range_marks_keep_a_name(tmp_path):
    """A conference's abstract form (unseen chernenkov_inm_theses): `Желаемые секции: «…»` in
    body type over the title set bold and centred, then a by-line whose second name carries the
    marks of three affiliations as a range (`Владимирович` + raised `2-4, **`). The form's line
    had been the title and the real title lost from the paper; the second author had been lost
    (`Владимирович-4`: the range's dash stayed on the name)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = docx.Document()
    d.add_paragraph().add_run("Желаемые секции: «Разработка компонент модели системы Земля», «Процессы на поверхности суши»").italic = True
    title = d.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("Модификация почвенно-снежного блока климатической модели").bold = True
    by_line = d.add_paragraph()
    by_line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, raised in (("Черненков Алексей Юрьевич", False), ("1, *", True), (", Кострыкин Сергей ", False), ("Владимирович", False), ("2-4, **", True), (", Володин Евгений Михайлович", False), ("2, ***", True)):
        run = by_line.add_run(text)
        run.bold, run.font.superscript = True, raised or None
    for text in ("1Московский физико-технический институт, Долгопрудный, Россия", "2Институт вычислительной математики РАН, Москва, Россия"):
        affiliation = d.add_paragraph(text)
        affiliation.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph().add_run("1. Введение").bold = True
    d.add_paragraph("В последние десятилетия активно развивается моделирование климата. Для корректного описания круговорота воды важно, чтобы модели правильно обрабатывали сезонный снежный покров.")
    d.save(str(tmp_path / "form.docx"))
    meta = read_document(str(tmp_path / "form.docx")).meta
    assert meta.title_text == "Модификация почвенно-снежного блока климатической модели"
    assert meta.authors == ("Черненков Алексей Юрьевич", "Кострыкин Сергей Владимирович", "Володин Евгений Михайлович")


def test_a_by_line_in_a_heading_style_and_a_structured_abstract_are_front_matter(tmp_path):
    """A manuscript (unseen lian_ribose_manuscript) sets its by-line in `Heading 6` under the
    title in `Heading 1`, then the affiliation, `Abstract` in `Heading 2` and a structured
    abstract (`Purpose:` … `Conclusion:`, a paragraph each) over its keywords. The by-line
    had ended the front matter as the body's first heading (the names printed twice: in the
    title block and as a heading), with the affiliation as the body's first paragraph."""
    d = docx.Document()
    d.add_heading("Glucose ingestion before and after resistance training does not augment ribosome biogenesis", level=1)
    d.add_heading("Kristian Lian1, Daniel Hammarström1, Håvard Hamarsland1, Stian Ellefsen1", level=6)
    d.add_paragraph("1Section for Health and Exercise Physiology, Inland Norway University of Applied Sciences, Lillehammer, Norway")
    d.add_heading("Abstract", level=2)
    parts = [
        "Purpose: Muscle hypertrophy, induced by resistance training, is determined by ribosomal biogenesis. High-glucose treatment may augment the transcription of ribosomal RNA.",
        "Methods: Sixteen healthy, moderately trained individuals participated in a within-participant trial with unilateral resistance training with glucose- and placebo supplementation.",
        "Results: Between conditions, there were no significant differences in increases of total RNA and ribosomal RNA.",
        "Conclusion: Glucose supplementation before and after resistance training does not augment ribosome biogenesis.",
    ]
    for part in parts:
        d.add_paragraph(part)
    d.add_paragraph("Keywords: Glucose; hypertrophy; resistance training; ribosome; skeletal muscle.")
    d.add_heading("Introduction", level=3)
    d.add_paragraph("Responses to systematic resistance training vary widely between individuals, with as much as 10-15% showing impaired skeletal muscle growth.")
    d.save(str(tmp_path / "m.docx"))
    doc = read_document(str(tmp_path / "m.docx"))
    assert doc.meta.authors == ("Kristian Lian", "Daniel Hammarström", "Håvard Hamarsland", "Stian Ellefsen")
    assert doc.meta.affiliations == ("Section for Health and Exercise Physiology, Inland Norway University of Applied Sciences, Lillehammer, Norway",)
    assert doc.meta.abstract_text == " ".join(parts)
    assert doc.meta.keywords == ("Glucose", "hypertrophy", "resistance training", "ribosome", "skeletal muscle")
    first = doc.blocks[0]
    assert type(first).__name__ == "Heading" and " ".join(getattr(n, "text", "") for n in first.inlines).strip() == "Introduction"


def test_a_by_line_closed_by_a_full_stop_keeps_its_last_name(tmp_path):
    """A by-line ending the sentence (`Д.Е. Науменко, В.А. Левченко, А.И. Васильев.`, unseen
    ananasi_article): the full stop after the last family name is the line's, not the name's;
    the last author had been dropped as no name (`Васильев.`), printing two authors of three.
    An initial's full stop (`Smith J.`) stays the name's."""
    def authors(name: str, title: str, by_line: str, heading: str, body: str) -> tuple:
        d = docx.Document()
        d.add_heading(title, level=1)
        d.add_paragraph(by_line)
        d.add_heading(heading, level=1)
        d.add_paragraph(body)
        d.save(str(tmp_path / name))
        return read_document(str(tmp_path / name)).meta.authors

    assert authors("a.docx", "Создание модели для расчёта распределения ультрафиолетового излучения в пространстве вокруг напольных облучателей",
                   "Д.Е. Науменко, В.А. Левченко, А.И. Васильев.", "Введение",
                   "Одно из главных применений ультрафиолетового излучения в наше время – обеззараживание помещений, в том числе различных поверхностей.") == ("Д.Е. Науменко", "В.А. Левченко", "А.И. Васильев")
    assert authors("b.docx", "Ultraviolet irradiation of rooms by floor-standing units", "Naumenko D.E., Vasiliev A.I.", "Introduction",
                   "One of the main uses of ultraviolet radiation today is the disinfection of rooms and of their surfaces.") == ("Naumenko D.E.", "Vasiliev A.I.")


def test_a_supervisor_label_alone_heads_the_rank_and_name_under_it(tmp_path):
    """A diploma's cover (unseen elenaapo_audio_diploma_docx): `Научный руководитель:` with
    nothing after it, then `доктор технических наук,` and `доцент М.И. Вашкевич.`. The label's
    empty value had been the supervisor, and the name under it, once a by-line's closing full
    stop no longer hid it, an author's."""
    d = docx.Document()
    for text in ("БЕЛОРУССКИЙ ГОСУДАРСТВЕННЫЙ УНИВЕРСИТЕТ", "Кафедра математической кибернетики", "Апочкина Елена Федоровна",
                 "МЕТОДЫ СПЕКТРАЛЬНОГО АНАЛИЗА ГОЛОСОВЫХ СИГНАЛОВ ДЛЯ СИСТЕМ МЕДИЦИНСКОЙ ДИАГНОСТИКИ", "Дипломная работа",
                 "Научный руководитель: ", "доктор технических наук,", "доцент М.И. Вашкевич.", "Минск, 2023"):
        d.add_paragraph(text)
    d.add_heading("ВВЕДЕНИЕ", level=1)
    d.add_paragraph("Голосовые сигналы несут сведения о состоянии голосового аппарата, и их анализ применяется в медицинской диагностике.")
    d.save(str(tmp_path / "c.docx"))
    meta = read_document(str(tmp_path / "c.docx")).meta
    assert meta.authors == ("Апочкина Елена Федоровна",)
    assert meta.supervisor == "доктор технических наук, доцент М.И. Вашкевич"
