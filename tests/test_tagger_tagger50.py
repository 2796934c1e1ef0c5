"""Conventions written from the misses of folds 3 and 4 (each tenth of the training lines read by a
model trained without it: train.py `--development --fold N`), checked on every fold; each tested on
invented entries, as labels the tagger could give them (the model is not read)."""

from __future__ import annotations

from helpers import corrected_labels as _corrected


A, T, C, J, P, L, D, V, I, G = "author", "title", "container", "journal", "publisher", "location", "date", "volume", "issue", "pages"


def test_host_after_a_closed_quote_before_the_year_and_the_volume():
    # `"Title", Journal, 2012, n° 54, vol. 1, pp. 39-60.`: the words read on past the quote are the host
    assert _corrected(("Quell", A), ("Ann,", A), ('"Counting', T), ('herons",', T), ("Marsh", T), ("studies,", T), ("2012,", D), ("vol.", V), ("1,", V), ("pp.", G), ("39-60.", G)) \
        == [A, A, T, T, C, C, D, V, V, G, G]
    # a year then a link, no numbers: left
    assert _corrected(("Quell", A), ("Ann,", A), ('"Counting', T), ('herons",', T), ("Marsh", T), ("studies,", T), ("2012,", D), ("http://x.org", "url")) \
        == [A, A, T, T, T, T, D, "url"]


def test_journal_as_the_titles_last_comma_part_before_the_volume():
    # `Title, Journal, 60, 1952), 31-59.` and Vancouver's `Title, Journal. 2003; 5(1): 315-321.`, no host read
    assert _corrected(("Quell,", A), ("A.,", A), ("Counting", T), ("the", T), ("herons,", T), ("Mitteilungen", T), ("des", T), ("Marschvereins,", T), ("60,", V), ("31-59.", G)) \
        == [A, A, T, T, T, J, J, J, V, G]
    assert _corrected(("Quell", A), ("A.", A), ("Counting", T), ("the", T), ("herons,", T), ("Perspectives", T), ("on", T), ("marshes.", T), ("2003;", D), ("5", V), ("(1):", I), ("315-321.", G)) \
        == [A, A, T, T, T, J, J, J, D, V, I, G]
    # a host read, a part in small letters, a quoted title, no numbers after: left
    assert _corrected(("Quell,", A), ("A.,", A), ("Counting", T), ("the", T), ("herons,", T), ("Marsh", T), ("birds,", T), ("Heron", J), ("Letters,", J), ("60,", V)) \
        == [A, A, T, T, T, T, T, J, J, V]
    assert _corrected(("Quell,", A), ("A.,", A), ("Counting", T), ("the", T), ("herons,", T), ("marsh", T), ("birds,", T), ("60,", V), ("31-59.", G)) == [A, A, T, T, T, T, T, V, G]
    assert _corrected(("Quell,", A), ("A.,", A), ("“Counting", T), ("the", T), ("herons,", T), ("Marsh", T), ("birds,”", T), ("60,", V)) == [A, A, T, T, T, T, T, V]
    assert _corrected(("Quell,", A), ("A.,", A), ("Counting", T), ("the", T), ("herons,", T), ("Marsh", T), ("birds,", T), ("2003.", D)) == [A, A, T, T, T, T, T, D]


def test_title_of_a_book_cited_by_its_editors():
    # the words read on as the editors' past their role are the title
    E = "editor"
    assert _corrected(("Quell,", E), ("Ann", E), ("(ed.),", E), ("Counting", E), ("Herons", E), ("(Marsh", P), ("Press,", P), ("1986).", D)) == [E, E, E, T, T, P, P, D]
    assert _corrected(("A.", E), ("Quell,", E), ("Editor.", E), ("Counting", E), ("Herons.", E), ("Reedville,", L), ("1889.", D)) == [E, E, E, T, T, L, D]
    # APA's `Names (Eds.). (1990). Book (3rd ed.). Place: Publisher`: the host read after them is the title
    assert _corrected(("Quell,", E), ("A.", E), ("(Eds.).", E), ("(1990).", D), ("Counting", C), ("herons", C), ("Reedville:", L), ("Marsh", P), ("Press", P)) \
        == [E, E, E, D, T, T, L, P, P]
    # `In Names (Ed.), Proceedings …` (a chapter's title lost), a title read, a proceedings volume: left
    assert _corrected(("In", E), ("Quell,", E), ("A.", E), ("(Ed.),", E), ("Proceedings", C), ("of", C), ("Herons", C)) == [E, E, E, E, C, C, C]
    assert _corrected(("Quell,", E), ("A.", E), ("(Eds.).", E), ("Counting", T), ("herons.", T), ("Marsh", C), ("Series", C)) == [E, E, E, T, T, C, C]
    assert _corrected(("Quell,", E), ("A.", E), ("(Eds.).", E), ("(1990).", D), ("Proceedings", C), ("of", C), ("the", C), ("Heron", C), ("Workshop.", C)) \
        == [E, E, E, D, C, C, C, C, C]
