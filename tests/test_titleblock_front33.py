"""Failure classes of front33's unseen batch (issue 16; bench/unseen/papers.json), each read as a
general convention. Every page here is invented after the form the batch showed, not copied
from one paper; each test fails without its rule (the guards marked so pass either way).

- A heading set in small capitals, whose text layer sets its large first letter apart
  (`I NTRODUCTION`, `R ELATED W ORK`: IEEEtran's compsoc journal shape through pdftotext): read
  as no heading, the front matter ran on past it and a later heading became the title.
- A Ukrainian or Bulgarian cover (a lab report's `ЗВІТ` / `з лабораторної роботи`, a course
  work's `Курсова робота`, `Курсов проект`, `на тема: „…”`, `Виконав:` / `Перевірив:`):
  the Russian cover's words in the sister languages, which the title-page rules did not know.
- A student's record number after the name on the student's row (`Студент: … ФН 61234`,
  `фак. № 12345`, `зал. кн. № 0417`): the name is the words before it.
"""

from __future__ import annotations

import pytest
from helpers import title_block_docx

from exporter.readers import read_document
from exporter.readers.plaintext import roles
from exporter.readers.plaintext.sections import is_introduction, is_section_name
from exporter.readers.plaintext.titlepage import read_title_page


@pytest.fixture(params=[False, True], ids=["rules", "shipped"])
def model(request):
    roles.ENABLED = request.param
    yield request.param
    roles.ENABLED = True


# ---- a heading in small capitals, its first letter set apart --------------------------------

_PROSE = (
    "Elivery vans drive long routes through the streets of large cities every day, and a\n"
    "plan that saves a few minutes on each stop saves many hours a week for the company.\n"
    "This paper compares three graph methods for planning such routes on real city maps.\n"
) * 7
# a page number, the title, the author, the rule's diamond read as a letter, the section's
# number apart from its heading, a drop cap apart from its word
_SMALL_CAPS = """1

Graph Methods for Routing Delivery Vans
in Large Northern Cities
Maria Santos

F

1

{intro}

D

""" + _PROSE + """
2
2.1

{second}

Building the street graph
T he first method builds a graph of the streets and searches it with a heap of open
nodes, while the second method learns a cost for each street from past deliveries.
"""


@pytest.mark.parametrize("intro, second", [
    ("I NTRODUCTION", "P ROPOSED M ETHOD"),
    ("I NTRODUCTION", "M ETHODS OF ROUTING"),
])
def test_a_small_capitals_heading_with_its_initial_apart_ends_the_front_matter(tmp_path, model, intro, second):
    path = tmp_path / "paper.txt"
    path.write_text(_SMALL_CAPS.format(intro=intro, second=second), encoding="utf-8")
    meta = read_document(str(path)).meta
    assert meta.title_text == "Graph Methods for Routing Delivery Vans in Large Northern Cities"
    assert meta.authors and meta.authors[0] == "Maria Santos"


@pytest.mark.parametrize("line", ["I NTRODUCTION", "1 I NTRODUCTION", "В ВЕДЕНИЕ", "I. I NTRODUCTION"])
def test_small_capitals_introduction_is_the_introduction(line):
    assert is_introduction(line)


def test_small_capitals_section_name_is_a_section_name():
    assert is_section_name("R ELATED W ORK")
    assert is_section_name("C ONCLUSION")


@pytest.mark.parametrize("line", ["A NEW INTRODUCTION", "I N TRODUCTION TO GRAPHS", "A BSTRACT ALGEBRA"])
def test_words_that_only_look_split_stay_apart(line):  # a guard: only a known name glued is one
    assert not is_introduction(line)


# ---- Ukrainian and Bulgarian covers -----------------------------------------------------------

_UK_COVER = [
    "Міністерство освіти і науки України",
    "Харківський національний університет радіоелектроніки",
    "Кафедра програмної інженерії",
    "",
    "ЗВІТ",
    "з лабораторної роботи №2",
    "з дисципліни «Об’єктно-орієнтоване програмування»",
    "на тему: «Класи та об’єкти в мові C++»",
    "",
    "{by}",
    "Перевірив:                                   доц. Шевченко Ігор Петрович",
    "",
    "Харків – 2023",
]


@pytest.mark.parametrize("by", [
    "Виконав:                                      Коваленко Є. О.",
    "Виконав: ст. гр. ПЗПІ-22-1\nКоваленко Євген Олегович",
    "Виконала:                                     Є. О. Коваленко",
])
def test_a_ukrainian_lab_report_cover(by):
    lines = [line for entry in _UK_COVER for line in entry.format(by=by).split("\n")]
    page = read_title_page(lines)
    assert page is not None
    assert page.title == "«Класи та об’єкти в мові C++»"  # a title page's title keeps its quotes (tests/test_titlepage.py)
    assert page.author and "Коваленко" in page.author
    assert any("Шевченко" in other for other in page.others)


_BG_COVER = [
    ("Технически университет – Варна", {"center": True}),
    ("Факултет по изчислителна техника и автоматизация", {"center": True}),
    ("Курсова работа", {"center": True, "bold": True, "size": 20}),
    ("по дисциплината „Алгоритми и структури от данни”", {"center": True}),
    ("на тема: „Сравнение на методи за сортиране на масиви”", {"center": True}),
    ("{student}", {}),
    ("Ръководител: доц. Георги Димитров", {}),
    ("Варна, 2024", {"center": True}),
]


@pytest.mark.parametrize("student", [
    "Студент: Мария Петрова Иванова, ФН 61234",
    "Студент: Мария Петрова Иванова фак. № 191234",
    "Изготвил: Мария Петрова Иванова",
])
def test_a_bulgarian_course_work_cover_in_word(tmp_path, model, student):
    paragraphs = [(text.format(student=student), options) for text, options in _BG_COVER]
    path = title_block_docx(tmp_path / "cover.docx", paragraphs, body=(
        "Въведение",
        "Сортирането на масиви е една от най-честите задачи в програмирането и има много методи.",
    ))
    meta = read_document(path).meta
    assert meta.title_text == "„Сравнение на методи за сортиране на масиви”"
    assert meta.authors and meta.authors[0] == "Мария Петрова Иванова"


def test_a_ukrainian_cover_in_word(tmp_path, model):
    paragraphs = [(line.format(by="Виконала:                                  Є. О. Коваленко"), {"center": k < 8}) for k, line in enumerate(_UK_COVER) if line]
    path = title_block_docx(tmp_path / "cover.docx", paragraphs, body=(
        "Мета: навчитися створювати класи та об’єкти в мові C++.",
        "Хід роботи",
    ))
    meta = read_document(path).meta
    assert meta.title_text == "«Класи та об’єкти в мові C++»"
    assert meta.authors and meta.authors[0] == "Є. О. Коваленко"


def test_a_report_without_topic_or_student_is_no_cover():  # a guard, as for `Отчёт …` alone
    assert read_title_page(["Звіт про виконання плану на 2023 рік", "", "У 2023 році відділ виконав усі заплановані роботи вчасно та якісно."]) is None


# ---- an exercise's variant under the title ----------------------------------------------------

@pytest.mark.parametrize("variant", ["Вариант №7", "Варіант 7", "Variant 7", "Вариант 12."])
def test_an_exercises_variant_under_the_topic_is_no_part_of_the_title(variant):
    page = read_title_page([
        "Московский технический университет",
        "Кафедра прикладной математики",
        "ОТЧЁТ",
        "по лабораторной работе №3",
        "на тему: «Сортировка массивов слиянием»",
        variant,
        "Выполнил: студент группы ПМ-21 Сидоров И. А.",
        "Москва 2022",
    ])
    assert page is not None and page.title == "«Сортировка массивов слиянием»"
    assert page.author == "Сидоров И. А."


# ---- the paper's kind under its title -------------------------------------------------------

_KIND_UNDER = """Fast Approximate Search in Large Compressed Text Collections
{kind}
Anna Kowalska
Dept. of Computer Science
Northern Technical University
Springfield
anna.kowalska@ntu.example.edu

Abstract

We show how to search text that is stored compressed without decompressing it first, with an
index that costs a few percent of the text's size and answers most queries in microseconds.

1. Introduction

Search engines keep their text compressed to save space, and every query must then pay for
decompressing the parts it reads; we show how to avoid that cost for most queries.
"""


@pytest.mark.parametrize("kind", ["EXTENDED ABSTRACT", "Extended Abstract", "POSITION PAPER"])
def test_the_papers_kind_under_its_title_is_no_part_of_it(tmp_path, model, kind):
    path = tmp_path / "paper.txt"
    path.write_text(_KIND_UNDER.format(kind=kind), encoding="utf-8")
    meta = read_document(str(path)).meta
    assert meta.title_text == "Fast Approximate Search in Large Compressed Text Collections"
    assert meta.authors and meta.authors[0] == "Anna Kowalska"
