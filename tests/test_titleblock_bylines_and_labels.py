"""Failure classes of an unseen batch of papers (issue 16; bench/unseen/papers.json), text and title-page rules. Each title
block or cover is invented after the form the batch showed, not copied from one paper; each test
fails without its rule (the guards marked so pass either way).

- Springer LNCS by-lines: an ORCID iD in brackets glued to each name
  (`Ann Smith1[0000-0002-1825-0097] and`), the by-line broken after `and`: nothing read, or the
  first name run on into the title.
- A degree's line on a cover (`BSC (HON) COMPUTER GAMES TECHNOLOGY`) taken for the title.
- A title page's title whose second line, after a preposition, holds more Latin than Cyrillic
  letters (`… блокировки на` / `основе БД Cassandra`): cut as if a translation.
- A Russian journal's rubric in capitals above the UDC line taken by the line-role model for the
  title (the by-line and the title under the UDC).
- A name after its rank under another person's label (`Зав. кафедрой` / `профессор Титов С. Н.`)
  read as an author.
"""

from __future__ import annotations

import pytest

from exporter.readers.plaintext import read_plaintext, roles
from exporter.sourcefile import SourceText


def read(text: str, model: bool = True):
    roles.ENABLED = model
    try:
        return read_plaintext(SourceText("p.txt", text, "utf-8")).meta
    finally:
        roles.ENABLED = True


# ---- LNCS: ORCID iDs in brackets, a by-line broken after `and` -------------------------------

LNCS = """Measuring River Sediment Transport
with Low-Cost Acoustic Sensors
Marta Lopes Ferreira1[0000−0001−2345−6789] and
Joao P. Almeida2[0000−0002−3456−7890]
1

University of Coimbra, Coimbra, Portugal
2
Polytechnic Institute of Leiria, Leiria, Portugal
{mlf,jpa}@example.org

Abstract. Sediment transport in rivers is hard to measure continuously. We
describe a network of cheap acoustic sensors and compare it with samplers.
Keywords: Sediment · Acoustics · Sensor networks.

1

Introduction

Rivers carry sediment that shapes their beds and harbours [1].
"""


@pytest.mark.parametrize("model", [False, True])
def test_orcid_ids_in_brackets_are_marks_of_an_lncs_by_line(model):
    meta = read(LNCS, model)
    assert meta.title_text == "Measuring River Sediment Transport with Low-Cost Acoustic Sensors"
    assert meta.authors[:2] == ("Marta Lopes Ferreira", "Joao P. Almeida")


@pytest.mark.parametrize("model", [False, True])
def test_a_marked_by_line_broken_after_and_is_not_the_titles_last_line(model):
    text = LNCS.replace("[0000−0001−2345−6789]", "").replace("[0000−0002−3456−7890]", "")
    meta = read(text, model)
    assert meta.title_text == "Measuring River Sediment Transport with Low-Cost Acoustic Sensors"
    assert meta.authors[:2] == ("Marta Lopes Ferreira", "Joao P. Almeida")


def test_a_title_line_ending_on_and_still_goes_on():
    text = "Rivers and\nHarbours of the North Sea\nOlga Lee1, Ivan Petrov2\n1 University of Oslo\n\nAbstract. Text of the abstract goes here.\n"
    meta = read(text, model=False)
    assert meta.title_text == "Rivers and Harbours of the North Sea"
    assert meta.authors[0] == "Olga Lee"


# ---- a degree's line is never the title ---------------------------------------------------------

def test_a_degree_line_is_never_the_title():
    from exporter.readers.plaintext.titleblock import vetoes_title

    for line in ("BSC (HON) COMPUTER GAMES TECHNOLOGY", "BSc (Hons) Software Engineering", "Master of Science in Data Analytics", "MSc Thesis"):
        assert vetoes_title(line), line
    for line in ("Master of Puppets: A Study of Stage Marionettes", "Science of Games and Play"):
        assert not vetoes_title(line), line


# ---- a title page's title going on after a preposition ------------------------------------------

def test_a_title_pages_title_going_on_after_a_preposition_is_read_whole():
    from exporter.readers.plaintext.titlepage import read_title_page

    lines = ["Министерство науки и высшего образования Российской Федерации", "", "Кафедра информатики", "",
             "Хранение журналов событий на", "основе СУБД ClickHouse", "", "Допустить к защите:", "",
             "Магистерская диссертация", "студента 2 курса", "Соколова П. Р.", "", "Научный руководитель:", "Орлов В. В.", "", "Томск", "2021 год"]
    page = read_title_page(lines)
    assert page.title == "Хранение журналов событий на основе СУБД ClickHouse"
    assert page.author == "Соколова П. Р."


def test_a_translation_under_a_title_page_title_stays_out():
    from exporter.readers.plaintext.titlepage import read_title_page

    lines = ["Кафедра информатики", "", "Хранение журналов событий", "STORING EVENT LOGS", "", "Выпускная квалификационная работа", "", "Выполнил:", "Соколов Павел Романович"]
    assert read_title_page(lines).title == "Хранение журналов событий"


# ---- a rubric above the UDC line ---------------------------------------------------------------

JOURNAL_PAGE = """54

Вестник НГТУ. 2014. № 2 (31)

ТЕХНИЧЕСКИЕ
И ПРИКЛАДНЫЕ
НАУКИ

УДК 004.056

И.П. Соколова*

МОДЕЛЬ УГРОЗ ДЛЯ СЕТИ
МАЛОГО ПРЕДПРИЯТИЯ
Рассматривается модель угроз для сети малого предприятия, предлагаются меры защиты, оценивается их стоимость.
Ключевые слова: угрозы, защита информации, малое предприятие.

Рост числа атак на малые предприятия заставляет их владельцев задумываться о защите сети [1]. Модель угроз помогает выбрать меры защиты и оценить их стоимость.
"""


@pytest.mark.parametrize("model", [False, True])
def test_the_rubric_above_the_udc_line_is_not_the_title(model):
    meta = read(JOURNAL_PAGE, model)
    assert meta.title_text == "МОДЕЛЬ УГРОЗ ДЛЯ СЕТИ МАЛОГО ПРЕДПРИЯТИЯ"
    assert meta.authors[:1] == ("И.П. Соколова",)


def test_a_name_after_a_rank_under_another_persons_label_is_theirs():
    from exporter.readers.plaintext.titlepage import others_named

    page = others_named(["Зав. кафедрой", "доктор технических наук,", "профессор Титов С. Н.", "", "Выполнил:", "Соколов Павел Романович"])
    assert page.names_other("Титов С. Н.")
    assert not page.names_other("Соколов Павел Романович")
