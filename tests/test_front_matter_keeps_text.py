"""Text is never lost to the front matter (lead45). The front matter's end was taken as the
last line any field read: a field read far below (a supervisor's line under a short paper's
text, a keywords label under an abstract's cut-off paragraphs) took everything above it, and
what no field read was neither front matter nor body. The layouts are those of unseen papers
(a Kurgan students' paper in Word: title, by-line, affiliation, text, `Научный руководитель – …`
last; a corpus PDF's text, ru_voronkin_chatgpt_dataset: a structured abstract parted by the
blank lines pdftotext left, keywords, then `Актуальность исследований:` before `Введение`);
the words are made up here."""

from __future__ import annotations

import docx

from exporter.model import Paragraph
from exporter.readers import read_document
from exporter.readers.plaintext import read_plaintext
from exporter.report import inline_text
from exporter.sourcefile import SourceText

TEXT = (
    "Территории предприятий, требующие ограничения доступа, защищаются различными методами, и "
    "с приходом в общее пользование микроконтроллеров появилась возможность собрать такую систему "
    "своими силами из недорогих модулей."
)


def _docx(path, paragraphs: list[str], bold: tuple[str, ...] = ()) -> str:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph().add_run(text).bold = text in bold
    document.save(str(path))
    return str(path)


def _body(doc) -> list[str]:
    return [inline_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph)]


def test_a_supervisor_line_under_a_short_papers_text_leaves_the_text_in_the_body(tmp_path):
    path = _docx(tmp_path / "short.docx", [
        "УДК: 62-785",
        "",
        "Модель системы контроля доступа на предприятии на базе микроконтроллера",
        "",
        "Я. М. Иванов, И. И. Петров",
        "Курганский государственный университет",
        "",
        TEXT,
        "В ходе разработки нами были изучены промышленные аналоги.",
        "Собранная модель позволяет обеспечить контроль доступа.",
        "",
        "Научный руководитель – старший преподаватель В. В. Сидоров",
    ])
    doc = read_document(path)
    assert doc.meta.title_text == "Модель системы контроля доступа на предприятии на базе микроконтроллера"
    assert doc.meta.authors == ("Я. М. Иванов", "И. И. Петров")
    assert doc.meta.supervisor == "старший преподаватель В. В. Сидоров"
    assert _body(doc) == [TEXT, "В ходе разработки нами были изучены промышленные аналоги.", "Собранная модель позволяет обеспечить контроль доступа."]


def test_a_sentence_between_the_title_and_the_by_line_stays_text(tmp_path):
    path = _docx(tmp_path / "between.docx", [
        "Модель системы контроля доступа на предприятии на базе микроконтроллера",
        TEXT,
        "Я. М. Иванов, И. И. Петров",
        "Курганский государственный университет",
        "Введение",
        "Системы контроля доступа широко применяются.",
    ], bold=("Модель системы контроля доступа на предприятии на базе микроконтроллера", "Введение"))
    doc = read_document(path)
    assert doc.meta.authors == ("Я. М. Иванов", "И. И. Петров")
    body = _body(doc)
    assert body[0] == TEXT
    assert body.count(TEXT) == 1 and "Я. М. Иванов, И. И. Петров" not in body  # the by-line printed once, as front matter


def _read_text(text: str):
    return read_plaintext(SourceText("t.txt", text, "utf-8"))


STRUCTURED = """\
Исследование генерации набора данных для задач машинного обучения
Иванов Р. А., Петрова Д. А.
Постановка задачи: проблема заключается в отсутствии моделей, способных описывать
генерацию связанного набора данных для машинного обучения.
Цель работы: исследование возможностей модели для генерации набора данных.

Результат: разработан релевантный и

связанный набор данных, который можно использовать в задачах машинного обучения.
Практическая значимость: полученные результаты позволят ускорить разметку данных.
Ключевые слова: выборка, набор данных, машинное обучение

Актуальность исследований:
Проблема, рассматриваемая в данном исследовании, заключается в отсутствии адекватных
моделей генерации данных для использования в области машинного

обучения
Несмотря на прорывы в этой области, задача остается нерешенной в контексте моделей.

Введение
Модели генерации текста обучаются на больших корпусах.
"""


def test_a_structured_abstracts_parts_parted_by_blank_lines_stay_in_the_abstract():
    doc = _read_text(STRUCTURED)
    assert doc.meta.title_text == "Исследование генерации набора данных для задач машинного обучения"
    abstract = doc.meta.abstract_text
    assert abstract.startswith("Постановка задачи:")
    assert "Результат: разработан релевантный и связанный набор данных" in abstract
    assert abstract.endswith("позволят ускорить разметку данных.")
    assert doc.meta.keywords == ("выборка", "набор данных", "машинное обучение")


def test_text_between_the_keywords_and_the_first_heading_is_body_however_its_lines_end():
    body = " ".join(_body(_read_text(STRUCTURED)))
    assert "Проблема, рассматриваемая в данном исследовании" in body  # its paragraph ends on no mark
    assert "Несмотря на прорывы в этой области" in body
    assert "Модели генерации текста обучаются" in body
    assert "Практическая значимость" not in body  # the abstract's, printed once


REVIEW = """\
Сглаживание временных рядов с помощью вейвлетов
Иванов Р.А., Петров В.И.
Постановка задачи: что такое вейвлет-преобразование и в каких областях оно применяется.
Цель работы: изучить вейвлет-преобразования на языке программирования Python.
Ключевые слова: вейвлет-преобразования, анализ данных,
сигналы, декомпозиция.
Свою статью я позиционирую как обзорную статью по материалам, которые были
прочитаны и преобразованы для дальнейшей работы.
1) Что такое вейвлет-преобразование?
Если переводить это слово дословно, то это небольшая волна, всплеск.

Самое первое упоминание вейвлетов в литературе было в 1984 году, в
работах о цифровой обработке сигналов.
"""


def test_a_line_cut_inside_a_sentence_under_the_text_after_the_keywords_is_no_header():
    """ru_bogadurov_wavelets_python's layout (a corpus text): the text after the keywords, then a
    line cut inside its sentence holding a year and a comma, which had read as a journal's header
    line and made the text above it front matter, lost."""
    doc = _read_text(REVIEW)
    assert doc.meta.keywords == ("вейвлет-преобразования", "анализ данных", "сигналы", "декомпозиция")
    body = " ".join(_body(doc)) + " " + " ".join(inline_text(b.inlines) for b in doc.blocks if hasattr(b, "inlines"))
    assert "Свою статью я позиционирую" in body
    assert "Если переводить это слово дословно" in body
    assert "Самое первое упоминание вейвлетов" in body


def test_a_line_ending_on_a_preposition_is_no_journal_header():
    from exporter.readers.plaintext.frontmatter import is_header

    assert not is_header("Самое первое упоминание вейвлетов в литературе было в 1984 году, в")
    assert not is_header("The first mention of wavelets dates from 1984, in the work of")
    assert is_header("Вестник КазНУ. Серия математическая, 2019, № 3")
    assert is_header("Journal of Complexity 53 (2019), 133–161")


def test_author_blocks_parted_by_column_breaks_give_every_author(tmp_path):
    """The IEEE conference template's Word by-line: one `Author` paragraph, each author's block
    (name, department, university, city, e-mail, lines broken by hand) parted from the next by a
    column break (ru_sukhikh_student_site, a corpus paper of the dev half: its second author had
    been read as the first block's e-mail line's tail, and lost)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.styles.add_style("Author", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Development of a site assistant for students", style="Title")
    by_line = document.add_paragraph(style="Author")
    for n, block in enumerate([["Anna Petrova", "Department of Computer Systems", "Moscow, Russia", "anna@example.org"],
                               ["Ivan Sidorov", "Department of Computer Systems", "Moscow, Russia", "ivan@example.org"]]):
        if n:
            by_line.add_run().add_break(WD_BREAK.COLUMN)
        for k, line in enumerate(block):
            run = by_line.add_run(line)
            if k < len(block) - 1:
                run.add_break(WD_BREAK.LINE)
    document.add_paragraph("Abstract — The article is devoted to the development of a web resource for students and teachers.")
    document.add_paragraph("Introduction", style="Heading 1")
    document.add_paragraph("Most students look for help on the web.")
    document.save(str(tmp_path / "ieee.docx"))
    doc = read_document(str(tmp_path / "ieee.docx"))
    assert doc.meta.authors == ("Anna Petrova", "Ivan Sidorov")


def test_author_style_lines_naming_an_institution_or_an_orcid_id_are_no_authors(tmp_path):
    """Word's `Author` style set on every line of a by-line block (unseen papers ko_glmm, ouafik,
    ayush): a line naming an institution is an affiliation, an ORCID iD or a link no name; they
    had been read as authors (`1Department of Psychology, LMU Munich`, `ORCID: https://…`)."""
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.styles.add_style("Author", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Counting invented bridges with mixed models", style="Title")
    for line in ("Anna Petrova", "Department of Digital Technologies, Invented University", "ORCID: https://orcid.org/0000-0000-0000-0000",
                 "Ivan Sidorov", "Institute of Behavioral Science, University of Springfield"):
        document.add_paragraph(line, style="Author")
    document.add_paragraph("Introduction", style="Heading 1")
    document.add_paragraph("Bridges are counted by hand.")
    document.save(str(tmp_path / "by-line.docx"))
    doc = read_document(str(tmp_path / "by-line.docx"))
    assert doc.meta.authors == ("Anna Petrova", "Ivan Sidorov")
