"""A paper's contents in its plain text kept out of the body (lead, round 51), whatever form the
extraction gave its entries."""

from __future__ import annotations

from exporter.model import Heading, plain_text
from exporter.readers import read_document


LATEX_CONTENTS = """Московский государственный университет
Выпускная квалификационная работа
«Повышение эффективности алгоритма поиска пути»

Содержание
1 Введение

2

2 Постановка задачи

4

2.1

Базовый вариант . . . . . . . . . . . . . . . . . . . . . . . .

5

3 Заключение

8

\f1

Введение

Алгоритм поиска пути широко применяется в робототехнике и планировании движения.
Его эффективность зависит от оценок множеств достижимости.

2 Постановка задачи

Задача состоит в построении пути между двумя состояниями системы.

2.1 Базовый вариант

Базовый вариант алгоритма строит дерево случайных состояний.

3 Заключение

В работе предложен способ ускорить алгоритм.
"""


def _text_doc(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(str(path))


def _all_text(doc) -> str:
    return "\n".join(plain_text(b.inlines) for b in doc.blocks if hasattr(b, "inlines"))


def test_a_latex_contents_extracted_without_its_layout_is_not_body(tmp_path):
    """pdftotext without `-layout` prints a LaTeX contents' number, name, leaders and page each on
    a line of its own: 25 of 312 unseen text papers printed their contents (or its pieces) as the
    first paragraphs of every edition. Its entries' names come back below as the headings."""
    doc = _text_doc(tmp_path, "latex.txt", LATEX_CONTENTS)
    text = _all_text(doc)
    assert ". . . ." not in text and "Содержание" not in text
    assert "Алгоритм поиска пути широко применяется" in text and "Базовый вариант алгоритма строит" in text
    assert [plain_text(b.inlines) for b in doc.blocks if isinstance(b, Heading)][:1] in (["Введение"], ["1 Введение"])


def test_text_printed_after_the_contents_page_stays(tmp_path):
    """An acknowledgement on the page after the contents is text: the contents ends at its last
    entry's line, never at the first heading of the text below."""
    text = LATEX_CONTENTS.replace(
        "\f1\n\nВведение",
        "Благодарности\nАвтор благодарит научного руководителя за помощь в работе\nи коллег за обсуждение результатов.\n\f1\n\nВведение",
    )
    doc = _text_doc(tmp_path, "thanks.txt", text)
    assert "Автор благодарит научного руководителя" in _all_text(doc)
    assert ". . . ." not in _all_text(doc)


def test_a_heading_named_contents_over_prose_is_not_dropped(tmp_path):
    """`Содержание` heading a section of prose (what a report contains) is no contents: none of its
    lines' names come back as headings below."""
    text = (
        "Отчёт о практике\n\nСодержание\nВ отчёте описана работа студента на предприятии.\n"
        "Рассмотрены задачи отдела и способы их решения.\nПриведены результаты практики.\n\n"
        "Введение\n\nПрактика проходила в отделе разработки.\n"
    )
    doc = _text_doc(tmp_path, "prose.txt", text)
    assert "В отчёте описана работа студента на предприятии." in _all_text(doc).replace("\n", " ")


def test_a_contents_of_numbered_headings_without_pages_is_not_body(tmp_path):
    """A short article's LaTeX contents with no page numbers (`1 Введение` / `2 IMU Cluster` …)
    was printed as its first paragraphs; the abstract under it stays."""
    text = (
        "Using an IMU array for cycle slip detection\nArtem Novichkov, Ilya Goncharov\n\n"
        "Содержание\n1 Введение\n2 IMU Cluster\n3 Оценка выходных погрешностей\n4 Интеграция ИНС/ГНСС\n"
        "Аннотация\nВ работе рассматривается интеграция инерциального кластера и приёмника.\n\n"
        "1\n\nВведение\n\nРежимы PPP и RTK являются одними из самых точных режимов позиционирования.\n\n"
        "2\n\nIMU Cluster\n\nКластер состоит из четырёх микромеханических блоков.\n\n"
        "3\n\nОценка выходных погрешностей\n\nПогрешности оценены по данным испытаний.\n\n"
        "4\n\nИнтеграция ИНС/ГНСС\n\nИнтеграция выполнена по слабосвязанной схеме.\n"
    )
    doc = _text_doc(tmp_path, "numbered.txt", text)
    assert "2 IMU Cluster" not in _all_text(doc)
    assert "Режимы PPP и RTK являются" in _all_text(doc)
