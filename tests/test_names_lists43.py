"""Name reading classes from the unseen lists' first-author misses (lists43; issue 16): a Cyrillic
`Family Дж. Word` with no comma is two names, a Cyrillic `Family Given` in full keeps its family
name first, an entry opening with a body's name closed by `Board.` or `Team.` has it as its
author. Every entry here is invented; the expected names were read off them by hand."""

from __future__ import annotations

import pytest

from exporter.references.fields import parse_entry


def author(text: str) -> str | None:
    return dict((n, v) for n, v, *_ in parse_entry(text).fields).get("author")


def test_a_cyrillic_family_name_and_initials_then_another_name_are_two_names():
    # `Дж.` (J) is one initial of two letters; the word after it is no family name of that initial
    assert author("Рейн Дж. Мортон. Основы игрового звука. - Москва: Питер, 2018. - 320 с.").startswith("Рейн, Дж.")
    # the Latin `Given I. Family` keeps its form
    assert author("Donald E. Knuth. The Art of Computer Programming. Addison-Wesley, 1997.") == "Knuth, Donald E."
    # and so do the usual GOST forms
    assert author("Иванов И. И. Теория управления. – М.: Наука, 2010. – 300 с.") == "Иванов, И. И."
    assert author("И. И. Иванов, П. П. Петров. Теория управления. – М.: Наука, 2010.") == "Иванов, И. И. and Петров, П. П."


@pytest.mark.parametrize(
    "text, family",
    [
        ("Гончар Сергей Погружение в теорию графов. — 2019.", "Гончар"),
        ("Кравец Андрей Паттерны проектирования. Explained simply — 2020.", "Кравец"),
    ],
)
def test_a_cyrillic_family_name_before_a_given_name_in_full(text, family):
    assert author(text).split(",")[0] == family


def test_the_name_reader_on_its_own():
    from exporter.references.tagger.normalise import names

    assert names("Лесная Ольга") == "Лесная, Ольга"
    assert names("Ольга Лесная") == "Лесная, Ольга"  # the given name first: the known one tells
    assert names("Бонд Дж. Гибсон") == "Бонд, Дж. and Гибсон"
    assert names("Мария К. Лесная") == "Мария, К. and Лесная"  # (the form a Russian list never prints)
    assert names("Merrill I. Skolnik") == "Skolnik, Merrill I."


def test_a_latin_given_name_in_full_stays_first():
    assert author("Jacob Ziv. Coding theorems for individual sequences. IEEE Trans. Inf. Theory, 24(4):405–410, 1978.") == "Ziv, Jacob"


def test_a_board_or_a_team_closing_the_opening_words_is_the_author():
    assert author("Lake Ice Survey Investigation Board. Final Report on the Winter Season. 2003.") == "{Lake Ice Survey Investigation Board}"
    assert author("Limnic Data Team. Ice onset records for northern lakes. Version 2. 2021.").strip("{}") == "Limnic Data Team"


def test_a_full_stop_after_a_given_family_name_closes_the_names():
    # labels as the tagger gave them to an unseen entry (`Drake Baer. Mark Zuckerberg Explains …`),
    # on invented words: the title's opening name read as a third name word
    from test_tagger import corrected_labels

    A, T, D = "author", "title", "date"
    tokens = [("Dana", A, 0.9), ("Voss.", A, 0.9), ("Mark", A, 0.6), ("Hollis", T, 0.7), ("Explains", T, 0.9), ("Lakes.", T, 0.9), ("2014.", D, 0.9)]
    assert corrected_labels(*tokens) == [A, A, T, T, T, T, D]
    # names after a comma or `and` go on; a last name closed by its full stop keeps its place;
    # an initial's full stop (`J.`, `Дж.`) closes no name
    for words in (["Dana", "Voss,", "Mark", "Hollis."], ["Dana", "Voss", "and", "Mark", "Hollis."], ["Voss", "J.", "Hollis", "M."], ["Бонд", "Дж.", "Гибсон."]):
        tokens = [(w, A, 0.9) for w in words] + [("Explains", T, 0.9), ("Lakes.", T, 0.9), ("2014.", D, 0.9)]
        assert corrected_labels(*tokens) == [A] * len(words) + [T, T, D], words
    assert author("Jacob Ziv and Abraham Lempel. A universal algorithm for sequential data compression. IEEE Trans. Inf. Theory, 23(3):337–343, 1977.") == "Ziv, Jacob and Lempel, Abraham"
