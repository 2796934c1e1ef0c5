"""Failure classes of a second unseen batch of papers (issue 16; bench/unseen/papers.json): English thesis covers. Each cover
is invented after the form the batch showed, not copied from one paper; each test fails without
its rule (the guards marked so pass either way).

- `By` alone on its line over the author's name in capitals (an American thesis's cover): the
  name missed, the term's line `Summer Term 2022` read as a name instead.
- A cover's date or place line with its year, and a work's kind (`Master’s Thesis`), read as names.
- A cover's title of a few capitalised words read as the first author too.
- A field's label in capitals (`ABSTRACT OF`) read as a name by the loose reading.
- A Russian thesis cover whose kind is an explanatory note over two lines (`РАСЧЕТНО-ПОЯСНИТЕЛЬНАЯ
  ЗАПИСКА` / `К ВЫПУСКНОЙ КВАЛИФИКАЦИОННОЙ РАБОТЕ` / `НА ТЕМУ:`), the student's name typed on the
  form's row after the group's code (`Студент ИУ7И-84Б ____ Ву Минь Куанг____`); a supervisor's
  label under the student's (`Руководитель ВКР`) read as the student's name.
"""

from __future__ import annotations

import pytest

from exporter.readers.plaintext import read_plaintext, roles
from exporter.readers.plaintext.frontmatter import author_names
from exporter.readers.plaintext.titleblock import line_names
from exporter.readers.plaintext.titlepage import read_title_page
from exporter.sourcefile import SourceText


def read(text: str, model: bool = True):
    roles.ENABLED = model
    try:
        return read_plaintext(SourceText("p.txt", text, "utf-8")).meta
    finally:
        roles.ENABLED = True


BY_COVER = """LEARNING TO RANK SEARCH RESULTS
FOR SMALL LIBRARIES

By

MARIA ELENA ROSSI

A thesis submitted in partial fulfillment of the requirements
for the Honors in the Major Program in Computer Science
at the University of Springfield
Springfield, Ohio

Spring Term 2021

ABSTRACT

Small libraries rank search results by title alone; we learn a ranking from their loans.
"""


@pytest.mark.parametrize("model", [False, True])
def test_the_name_under_by_alone_is_the_author(model):
    meta = read(BY_COVER, model)
    assert meta.title_text == "LEARNING TO RANK SEARCH RESULTS FOR SMALL LIBRARIES"
    assert meta.authors[:1] == ("Maria Elena Rossi",)


def test_a_year_or_a_kind_of_work_makes_no_by_line():
    for line in ("Spring Term 2021", "Нижний Новгород 2005", "Master’s Thesis", "Project Report"):
        assert author_names(line, strong_only=False) is None, line
        assert line_names(line) == [], line
    assert author_names("Ivan Petrov, Olga Lee", strong_only=False) == ["Ivan Petrov", "Olga Lee"]
    assert author_names("Иванов И.И., Петров П.П.", strong_only=True) == ["Иванов И.И.", "Петров П.П."]


COVER_TITLE_OF_NAMES = """FACULTY OF INFORMATICS
OF THE TECHNICAL UNIVERSITY OF SPRINGFIELD

Master’s Thesis in Informatics

Adaptive Caching Map Tiles

Lena Hoffmann

\f"""


@pytest.mark.parametrize("model", [False, True])
def test_no_paper_is_written_by_its_title(model):
    meta = read(COVER_TITLE_OF_NAMES, model)
    assert meta.title_text == "Adaptive Caching Map Tiles"
    assert "Adaptive Caching Map Tiles" not in meta.authors


def test_a_fields_label_in_capitals_is_no_name():
    assert line_names("ABSTRACT OF") == []
    assert line_names("ANDREW W. APPEL") == ["ANDREW W. APPEL"]


NOTE_COVER_ROWS = ["Министерство науки и высшего образования Российской Федерации", "Северный технический университет", "",
                   "ФАКУЛЬТЕТ ____Информатика и системы управления____", "", "РАСЧЕТНО-ПОЯСНИТЕЛЬНАЯ ЗАПИСКА", "К ВЫПУСКНОЙ КВАЛИФИКАЦИОННОЙ РАБОТЕ", "",
                   "НА ТЕМУ:", "Планирование маршрутов складских роботов", "на основе графа состояний", "",
                   "Студент ИУ5-82Б _________________ Ле Тхи Хоа_____", "(Группа) (Подпись, дата) (И.О.Фамилия)", "",
                   "Руководитель ВКР _________________ Сомов П.Р.___", "(Подпись, дата) (И.О.Фамилия)", "", "2024 г."]


def test_an_explanatory_notes_kind_over_two_lines_and_the_name_typed_after_the_group():
    page = read_title_page(NOTE_COVER_ROWS)
    assert page is not None
    assert page.title == "Планирование маршрутов складских роботов на основе графа состояний"
    assert page.author == "Ле Тхи Хоа"
    assert page.names_other("Сомов П.Р.")


def test_another_persons_label_under_the_students_is_never_the_students_name():
    rows = ["РАСЧЕТНО-ПОЯСНИТЕЛЬНАЯ ЗАПИСКА", "К ВЫПУСКНОЙ КВАЛИФИКАЦИОННОЙ РАБОТЕ", "НА ТЕМУ:", "Планирование маршрутов складских роботов", "",
            "Студент", "ИУ5-82Б", "(Группа)", "Руководитель ВКР", "(Подпись, дата)", "Нормоконтролер"]
    page = read_title_page(rows)
    assert page is not None and page.author is None
