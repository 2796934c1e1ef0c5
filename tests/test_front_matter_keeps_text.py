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
