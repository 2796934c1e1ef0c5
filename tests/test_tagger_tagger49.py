"""Conventions written from the misses of the development split and of the other folds' lines, each
read by a model trained without them (train.py `--development --fold N`), checked on every fold;
each tested on invented entries, as labels the tagger could give them (the model is not read)."""

from __future__ import annotations

from helpers import corrected_labels as _corrected


A, T, C, J, P, L, D, E, N, G = "author", "title", "container", "journal", "publisher", "location", "date", "editor", "note", "pages"


def test_acs_imprint_after_the_semicolon_is_publisher_colon_place():
    # `Title; Publisher: Place, Year;`: the place and the publisher read swapped, or the publisher's initials as a name
    assert _corrected(("Quell,", A), ("Ann.", A), ("Counting", T), ("Herons;", T), ("Marsh", L), ("Books:", L), ("Reedville,", L), ("1999;", D), ("p", G), (".", G)) \
        == [A, A, T, T, P, P, L, D, G, G]
    assert _corrected(("Quell,", A), ("Ann.", A), ("Counting", T), ("Herons;", T), ("Q.", A), ("R.", A), ("Marsh", L), ("Verlag:", L), ("Reedville.", L), ("USA,", L), ("1999;", D)) \
        == [A, A, T, T, P, P, P, P, L, L, D]
    assert _corrected(("Quell,", A), ("Ann.", A), ("Counting", T), ("Herons;", T), ("Heron", P), ("Academic:", P), ("The", P), ("Marsh,", L), ("Fenland,", L), ("1999;", D)) \
        == [A, A, T, T, P, P, L, L, L, D]
    # after the editors' role closed by the semicolon, the names read on are the publisher
    assert _corrected(("Quell,", A), ("Ann.", A), ("Herons.", T), ("In", C), ("Heron", C), ("Workshop;", C), ("P.", E), ("Fenn,", E), ("Ed.;", E), ("Marsh", E), ("Books,", E), ("1973;", D)) \
        == [A, A, T, C, C, C, E, E, E, P, P, D]
    # another style's `; Place: Publisher`, and a place alone after the role read as the place: left
    assert _corrected(("Quell,", A), ("Ann.", A), ("Herons;", T), ("London:", L), ("Marsh", P), ("Books,", P), ("1999;", D)) == [A, A, T, L, P, P, D]
    assert _corrected(("Quell,", A), ("Ann.", A), ("Herons.", T), ("In", C), ("Workshop;", C), ("P.", E), ("Fenn,", E), ("eds.;", E), ("Reedville,", L), ("1901;", D)) \
        == [A, A, T, C, C, E, E, E, L, D]


def test_springers_publisher_after_the_pages_full_stop():
    # LNCS: `In: Proceedings …. pp. 517–520. Publisher (Year).`
    assert _corrected(("Quell,", A), ("A.:", A), ("Herons.", T), ("In:", C), ("Heron", C), ("Workshop.", C), ("pp.", G), ("517–520.", G), ("Marsh", G), ("Books", G), ("(1981).", D)) \
        == [A, A, T, C, C, C, G, G, P, P, D]
    # words in small letters or with digits there, or nothing before the year: left
    assert _corrected(("Quell,", A), ("A.:", A), ("Herons.", T), ("In:", C), ("Workshop.", C), ("pp.", G), ("517–520.", G), ("in", G), ("press", G), ("(1981).", D)) \
        == [A, A, T, C, C, G, G, G, G, D]
    assert _corrected(("Quell,", A), ("A.:", A), ("Herons.", T), ("In:", C), ("Workshop.", C), ("pp.", G), ("517–520.", G), ("(1981).", D)) == [A, A, T, C, C, G, G, D]


def test_acs_imprint_leaves_a_city_and_its_state_before_the_colon():
    assert _corrected(("Quell,", A), ("Ann.", A), ("Herons;", T), ("Reedville,", L), ("NJ:", L), ("Marsh", P), ("Books,", P), ("1999;", D)) == [A, A, T, L, L, P, P, D]


def test_a_publisher_closing_the_host_before_the_place():
    # Elsevier's `in: Ed. (Ed.), Book, Publisher, Place, Year: pp.`
    assert _corrected(("Quell,", A), ("Herons,", T), ("in:", E), ("P.", E), ("Fenn", E), ("(Ed.),", E), ("Proceedings", C), ("of", C), ("the", C), ("Heron", C), ("Workshop,", C), ("Marsh", C), ("Books,", C), ("Bern,", L), ("2010:", D), ("pp.", G), ("1–27.", G)) \
        == [A, T, E, E, E, E, C, C, C, C, C, P, P, L, D, G, G]
    # PDF text's comma apart, a city of two words after a book's bracketed title
    assert _corrected(("Quell,", A), ("Herons,", T), ("Heron", C), ("Workshop", C), ("Mechanics,", C), ("Marsh", C), ("Books", C), (",", C), (",Milano", L), (",Italy", L), (",1988", D)) \
        == [A, T, C, C, C, P, P, P, L, L, D]
    assert _corrected(("Quell,", A), ("“Herons,”", T), ("[The", C), ("Book", C), ("of", C), ("Herons].", C), ("Marsh", C), ("Books,", C), ("New", L), ("York", L), ("(2000).", D)) \
        == [A, T, C, C, C, C, P, P, L, L, D]
    # one word (it may close the host's name), a meeting's or part's word, a place, a short host: left
    assert _corrected(("Quell,", A), ("Herons,", T), ("in", C), ("Heron", C), ("Studies:", C), ("Structures,", C), ("Exegesis,", C), ("Bern,", L), ("2010.", D)) == [A, T, C, C, C, C, C, L, D]
    assert _corrected(("Quell,", A), ("Herons,", T), ("in", C), ("Heron", C), ("Studies,", C), ("Marsh", C), ("Workshop,", C), ("Bern,", L), ("2010.", D)) == [A, T, C, C, C, C, C, L, D]
    assert _corrected(("Quell,", A), ("Herons,", T), ("Heron", C), ("Conference,", C), ("Marsh", C), ("Po,", C), ("Paris,", L), ("2015.", D)) == [A, T, C, C, C, C, L, D]


def test_editors_read_into_the_host_are_the_editors():
    # `in Names, eds., Book`, `in Name, ed. Book`, `in: Names (ed.), Book`
    assert _corrected(("Quell,", A), ("“Herons,”", T), ("in", C), ("Ann", C), ("Fenn", C), ("and", C), ("Bo", C), ("Marsh,", C), ("eds.,", C), ("Heron", C), ("Studies", C), ("(Reedville:", L)) \
        == [A, T, E, E, E, E, E, E, E, C, C, L]
    assert _corrected(("Quell,", A), ("“Herons.”", T), ("in", C), ("Bill", C), ("Fenn,", C), ("ed.", C), ("Heron", C), ("Studies,", C), ("Vol.", "volume"), ("1.", "volume")) \
        == [A, T, E, E, E, E, C, C, "volume", "volume"]
    assert _corrected(("Quell,", A), ("“Herons”,", T), ("in:", C), ("Ann", C), ("Fenn", C), ("e", C), ("Bo", C), ("Marsh", C), ("(ed.),", C), ("Heron", C), ("Studies.", C)) \
        == [A, T, E, E, E, E, E, E, E, C, C]
    # an edition's `ed.` after a title's words, a role with no comma or bracket before it: left
    assert _corrected(("Quell,", A), ("Herons.", T), ("In", C), ("The", C), ("Heron", C), ("Book,", C), ("ed.", C), ("Marsh", C), ("Studies.", C)) == [A, T, C, C, C, C, C, C, C]
    assert _corrected(("Quell,", A), ("Herons.", T), ("In", C), ("Heron", C), ("Book", C), ("2nd,", C), ("ed.", C), ("Marsh", C), ("Studies.", C)) == [A, T, C, C, C, C, C, C, C]


def test_a_host_part_joined_by_and_goes_on_the_host():
    assert _corrected(("Quell,", A), ("Herons.", T), ("In", C), ("Proceedings", C), ("of", C), ("the", C), ("Conference", C), ("on", C), ("AI,", C), ("Herons", C), ("and", C), ("Society,", C),
                      ("New", L), ("York,", L), ("2019.", D)) == [A, T] + [C] * 10 + [L, L, D]
    assert _corrected(("Quell,", A), ("Herons,", T), ("in:", C), ("Heron", C), ("Studies", C), ("Today,", C), ("Marsh", C), ("and", C), ("Sons,", C), ("Bern,", L), ("2010.", D)) \
        == [A, T, C, C, C, C, P, P, P, L, D]
