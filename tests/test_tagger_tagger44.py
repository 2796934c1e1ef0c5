"""Names read from the development split's first-author misses (train.py `is_development`; no
held-out line, no gold.xml line), each tested on invented names: a Cyrillic name in capitals with
its patronymic, a patronymic in `-ич` without `-в-`, a family name and a known given name both in
capitals, and a list of initials before family names in capitals (GB/T 7714's, IOP's)."""

from __future__ import annotations

from helpers import corrected_labels as _corrected

from exporter.references.fields import family_names
from exporter.references.tagger.normalise import names


def test_a_patronymic_in_capitals_closes_a_family_first_name():
    assert family_names(names("ЗАРЕЧНЫЙ ПЁТР ВИКТОРОВИЧ")) == ["Заречный"]
    assert family_names(names("ТОКАЕВА ГҮЛНАР ЕРЛАНҚЫЗЫ, ЛИСИЦЫН ОЛЕГ ПЕТРОВИЧ")) == ["Токаева", "Лисицын"]
    assert family_names(names("Зареченко Пётр Кузьмич")) == ["Зареченко"]
    assert family_names(names("Зареченко Иван Ильич, Борцова Анна Ильинична")) == ["Зареченко", "Борцова"]
    # a given name, the patronymic, then the family name: as read before
    assert family_names(names("Пётр Викторович Заречный")) == ["Заречный"]


def test_a_family_name_and_a_known_given_name_both_in_capitals_are_family_first():
    assert family_names(names("ЗАРЕЧНАЯ ВЕРА")) == ["Заречная"]
    assert family_names(names("QUINTERRA MICHELLE, OSBALDO JENNIFER")) == ["Quinterra", "Osbaldo"]
    # the known given name first: given first, as before
    assert family_names(names("DAVID QUINTERRA")) == ["Quinterra"]
    assert family_names(names("Michelle Quinterra")) == ["Quinterra"]


def test_initials_before_family_names_in_capitals_are_no_small_capitals():
    assert family_names(names("S QUIMBOROW, W FRANZEL, C STOLTERN")) == ["Quimborow", "Franzel", "Stoltern"]
    assert family_names(names("A OKU, S M LEVRAN, D E K PREIMAN")) == ["Oku", "Levran", "Preiman"]
    assert family_names(names("Н ЗАРЕЧНАЯ, П А ЛИСИЦЫН")) == ["Заречная", "Лисицын"]
    # pdftotext's small capitals, the given part after the comma: still one family name
    assert family_names(names("L AMPORT, L.")) == ["Lamport"]


def test_a_bare_list_number_before_the_names_is_none_of_them():
    assert family_names(names("1 Hanne E. Marlow, George Hippel, and Steven Sjoberg")) == ["Marlow", "Hippel", "Sjoberg"]
    assert family_names(names("12 I.P. von Steenkamp")) == ["von Steenkamp"]
    # a number that is a body's name stays
    assert family_names(names("1000 Genomes Project Consortium")) != []


T, C, J, V, D = "title", "container", "journal", "volume", "date"


def test_proceedings_words_read_as_a_title_between_in_and_the_host_are_the_hosts():
    assert _corrected(("Counting", T), ("herons.", T), ("In", C), ("Proceedings", T), ("of", T), ("the", T), ("Heron", C), ("Workshop;", C), ("1999;", D)) == [T, T, C, C, C, C, C, C, D]
    assert _corrected(("Counting", T), ("herons.", T), ("In", C), (":", T), ("Proceedings", C), ("of", C), ("Herons.", C), ("1999.", D)) == [T, T, C, C, C, C, C, D]
    # a title run closed by its own full stop after `In` is a title (a chapter's book title read so): left
    assert _corrected(("Counting", T), ("herons.", T), ("In", C), ("Birds", T), ("of", T), ("Lakes.", T), ("Heron", C), ("Workshop;", C), ("1999;", D)) == [T, T, C, T, T, T, C, C, D]


def test_a_volume_term_closing_the_host_is_the_volumes():
    assert _corrected(("Counting", T), ("herons//Heron", C), ("Studies:", C), ("卷", C), ("691.", V), ("1982.", D)) == [T, C, C, V, V, D]


def test_iso_690s_medium_after_the_journal_is_no_word_of_its_name():
    assert _corrected(("Counting", T), ("herons.", T), ("Heron", J), ("Studies.", J), ("Online.", J), ("1993.", D)) == [T, T, J, J, "medium", D]
    # `Online` inside the name, no full stop before it: the name's
    assert _corrected(("Counting", T), ("herons.", T), ("Heron", J), ("Studies", J), ("Online.", J), ("1993.", D)) == [T, T, J, J, J, D]


def test_et_al_glued_to_the_next_elements_mark_is_no_family_name():
    assert names("/ Л.Г. Заречная [и др.]:") == "Заречная, Л. Г. and others"
    assert names("/ Я.О. Лисицын [и др.]//") == "Лисицын, Я. О. and others"
    assert names("А. Д. Зареченко [т.б.] ;") == "Зареченко, А. Д. and others"
    assert names("Quinterra J, et al.:") == "Quinterra, J and others"


def test_a_family_name_in_capitals_before_the_given_name_and_its_initial():
    assert family_names(names("HARRISON Kent S., MCCLURE Robert M.")) == ["Harrison", "Mcclure"]
    assert family_names(names("DE LA QUINTERRA Noam T.")) == ["De La Quinterra"]
    assert family_names(names("DE LA QUINTERRA Noam, ESCARTO Sarah")) == ["De La Quinterra", "Escarto"]
    # initials after a family name in small letters, or a short capital word (initials): as before
    assert family_names(names("Harrison Kent S.")) == ["Harrison Kent"]
    assert family_names(names("TD Hodge J.")) == ["TD Hodge"]
