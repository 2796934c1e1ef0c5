"""Failure classes of an unseen batch of papers (issue 16; bench/unseen/papers.json) in Word papers. Each cover or form is
invented after the form the batch showed, not copied from one paper; each test fails without its
rule (the guards marked so pass either way).

- A thesis cover with the author's name in capitals over the title in capitals
  (`MARIA SANTOS` / `GRAPH METHODS FOR …`): the name read as the title.
- A cover's degree line under the title (a guard: the veto of tests/test_titleblock_bylines_and_labels.py).
- A form of labelled lines (`Тематика: …`, `Автор: …`) with no title line: the front matter
  ended at its first line, the author missed.
"""

from __future__ import annotations

import pytest
from helpers import title_block_docx

from exporter.readers import read_document
from exporter.readers.plaintext import roles


# ---- a Word cover: the name in capitals over the title ---------------------------------------

@pytest.mark.parametrize("model", [False, True])
def test_a_name_in_capitals_over_a_title_in_capitals_is_the_author(tmp_path, model):
    path = title_block_docx(tmp_path / "cover.docx", [
        ("NORTHERN UNIVERSITY", {"center": True}),
        ("MARIA SANTOS", {"center": True}),
        ("GRAPH METHODS FOR ROUTING DELIVERY VANS IN LARGE CITIES", {"center": True}),
        ("SCHOOL OF ENGINEERING", {"center": True}),
        ("MSc THESIS", {"center": True}),
        ("Academic year: 2019-20", {}),
    ], body=("ABSTRACT", "Delivery vans drive long routes in cities; we compare graph methods for planning them."))
    roles.ENABLED = model
    try:
        meta = read_document(path).meta
    finally:
        roles.ENABLED = True
    assert meta.title_text == "GRAPH METHODS FOR ROUTING DELIVERY VANS IN LARGE CITIES"
    assert meta.authors and "santos" in meta.authors[0].casefold()


def test_a_title_in_capitals_of_two_words_is_still_a_title(tmp_path):
    path = title_block_docx(tmp_path / "t.docx", [("QUANTUM GRAVITY", {"center": True, "bold": True}), ("Ivan Petrov", {"center": True})],
                            body=("Abstract", "We review quantum gravity for students of physics."))
    assert read_document(path).meta.title_text == "QUANTUM GRAVITY"


def test_a_word_cover_with_its_degree_under_the_title_keeps_the_title(tmp_path):  # a guard: read right before the veto too
    path = title_block_docx(tmp_path / "cover.docx", [
        ("A Study of Path Finding Methods in Strategy Games", {"size": 36}),
        ("BSC (HON) COMPUTER GAMES TECHNOLOGY", {"size": 14}),
        ("Ewan Brodie", {"size": 12}),
        ("2018", {"size": 12}),
    ], body=("Contents", "1. Introduction", "Path finding in strategy games must be fast and look natural to players."))
    meta = read_document(path).meta
    assert meta.title_text == "A Study of Path Finding Methods in Strategy Games"


# ---- a form of labelled lines with no title ----------------------------------------------------

@pytest.mark.parametrize("model", [False, True])
def test_the_author_label_under_a_forms_labelled_lines_is_read(tmp_path, model):
    path = title_block_docx(tmp_path / "form.docx", [
        ("Тематика:\u00a0Биология", {"size": 12}),
        ("Автор:\u00a0Смирнова Ольга Петровна", {"size": 12}),
        ("Руководитель:\u00a0Кузнецов Иван Ильич", {"size": 12}),
        ("Учреждение: г. Тверь, МБОУ СОШ №5", {"size": 12}),
        ("Класс:\u00a08", {"size": 12}),
    ], body=("Цель: Изучить рост фасоли при разном освещении", "Введение", "Растения нуждаются в свете для роста."))
    roles.ENABLED = model
    try:
        meta = read_document(path).meta
    finally:
        roles.ENABLED = True
    assert meta.authors[:1] == ("Смирнова Ольга Петровна",)
