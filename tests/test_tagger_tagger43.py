"""Conventions read from the development split's misses (train.py `is_development`; no held-out
line, no gold.xml line), each tested on invented entries."""

from __future__ import annotations

from exporter.references.tagger import Tagged
from exporter.references.tagger.conventions import corrected


def corrected_labels(*tokens: tuple[str, str], marginal: float = 0.9) -> list[str]:
    text, spans = "", []
    for word, _ in tokens:
        text += " " if text else ""
        spans.append((len(text), len(text) + len(word)))
        text += word
    tagged = Tagged(text, tuple(spans), tuple(label for _, label in tokens), tuple(marginal for _ in tokens))
    return list(corrected(tagged).labels)


A, T, J, V, D, P, PUB, LOC = "author", "title", "journal", "volume", "date", "pages", "publisher", "location"


def test_a_link_read_into_the_imprint_is_the_link():
    labels = corrected_labels(("Marsh", A), ("T", A), ("2001", D), ("Herons", T), ("(Lyon:", LOC), ("Harbour)", PUB),
                              ("(https://doi.org/10.1234/herons.5)", PUB))
    assert labels[-3:] == [LOC, PUB, "doi"]
    labels = corrected_labels(("Marsh,", A), ("T.", A), ("Herons,", T), ("Harbour", PUB), ("Institute,", PUB),
                              ("www.harbour.example/herons/counts,", PUB), ("2001.", D))
    assert labels[-4:] == [PUB, PUB, "url", D]
    # a firm's name with a dot (no address) stays the publisher's
    labels = corrected_labels(("Marsh,", A), ("T.", A), ("Herons,", T), ("Harbour.com", PUB), ("Inc.,", PUB), ("2001.", D))
    assert labels[-3:] == [PUB, PUB, D]


def test_the_last_family_name_of_an_initials_first_list_is_no_journals_word():
    labels = corrected_labels(("T.", A), ("Marsh,", A), ("K.", A), ("Oduya,", A), ("R.G.", A), ("Hale,", J), ("Science", J),
                              ("326", V), ("(2009)", D), ("1683.", P))
    assert labels[:7] == [A, A, A, A, A, A, J]
    # a journal's own first word (no comma after it) stays the journal's
    labels = corrected_labels(("T.", A), ("Marsh,", A), ("K.", A), ("Oduya,", A), ("R.G.", A), ("Hale", A), ("Phys.", J),
                              ("Rev.", J), ("326", V))
    assert labels[5:8] == [A, J, J]
    # a list in no initials-first form is left as read
    labels = corrected_labels(("Marsh", A), ("and", A), ("Oduya,", A), ("Herons,", J), ("Science", J), ("326", V))
    assert labels[3] == J


def test_a_vancouver_lists_last_name_without_its_comma_is_no_journals_word():
    labels = corrected_labels(("Marsh", A), ("T,", A), ("Oduya", A), ("K,", A), ("Hale", J), ("RG", J), ("Biochemistry", J),
                              ("1992;", D), ("31:", V), ("5172-5176.", P))
    assert labels[:7] == [A, A, A, A, A, A, J]
    # a journal of two words after the list's last comma: the second is no initials, left as read
    labels = corrected_labels(("Marsh", A), ("T,", A), ("Oduya", A), ("K,", A), ("Heron", J), ("Biology", J), ("1992;", D))
    assert labels[4:6] == [J, J]



def test_a_bracketed_role_closes_the_names_before_it():
    E = "editor"
    labels = corrected_labels(("T.", A), ("Marsh", A), ("and", A), ("K.-L.", A), ("Oduya", T), ("(editors).", T), ("Counting", T),
                              ("herons.", T), ("Harbour", PUB), ("Press,", PUB), ("1997.", D))
    assert labels[:8] == [E, E, E, E, E, E, T, T]
    labels = corrected_labels(("Tobias", A), ("Marsh,", A), ("Karl", T), ("Oduya", T), ("(Hg.):", T), ("Reiher", T), ("zählen.", T),
                              ("Lyon", LOC), ("2012.", D))
    assert labels[:7] == [E, E, E, E, E, T, T]
    # a bracket of no role after the first title word stays the title's
    labels = corrected_labels(("T.", A), ("Marsh", A), ("Herons", T), ("(review).", T), ("Counting", T), ("herons.", T))
    assert labels == [A, A, T, T, T, T]


def test_a_german_editors_bracket_is_no_part_of_their_names():
    from helpers import entry_fields as fields

    f = fields("Tobias Marsh, Karl Oduya (Hg.): Reiher zählen am Fluss. Lyon 2012.")
    assert f.get("editor", f.get("author")) in ("Marsh, Tobias and Oduya, Karl",)


def test_an_imprint_read_into_the_titles_last_sentence_is_the_publisher():
    title = [(w, T) for w in "Counting herons: a field guide.".split()]
    # a publishing house's word
    labels = corrected_labels(("Marsh", A), ("T.", A), *title, ("Editions", T), ("du", T), ("Marais.", T), ("Heron", J), ("Review,", J), ("12", V))
    assert labels[2:10] == [T] * 5 + [PUB] * 3
    # author-date: `Publisher, Place.` closing the entry
    labels = corrected_labels(("Marsh,", A), ("T.", A), ("1998.", D), *title, ("HeronSoft,", T), ("Natick,", LOC), ("Mass.", LOC))
    assert labels[3:11] == [T] * 5 + [PUB, LOC, LOC]
    # a capitalised subtitle before `Place Year` stays the title's
    labels = corrected_labels(("Marsh,", A), ("T.", A), *title, ("Reality,", T), ("Bergen", LOC), ("1995.", D))
    assert labels[2:8] == [T] * 6


def test_a_volume_or_chapter_closing_the_title_after_its_comma_is_no_title_word():
    title = [(w, T) for w in "Counting herons in spring,".split()]
    labels = corrected_labels(("Marsh,", A), *title, ("Chapter", T), ("14,", T), ("Section", T), ("14.2,", "issue"), ("pp.", P), ("512-518", P))
    assert labels[1:9] == [T] * 4 + [V] * 4
    labels = corrected_labels(("Marsh,", A), ("T.", A), *title, ("volume", T), ("4th.", T), ("Harbour", PUB), ("Press,", PUB))
    assert labels[2:8] == [T] * 4 + [V, V]
    # a part of the work's own name stays the title's (`…, Part I.`), and so does a mark with no number
    labels = corrected_labels(("Marsh,", A), *title, ("Part", T), ("I.", T), ("Heron", J), ("Review", J))
    assert labels[1:7] == [T] * 6
    labels = corrected_labels(("Marsh,", A), *title, ("volume", T), ("one", T), ("Harbour", PUB))
    assert labels[1:7] == [T] * 6


def test_a_meeting_after_the_titles_last_comma_is_the_host():
    title = [(w, T) for w in "Counting herons on a small river delta,".split()]
    labels = corrected_labels(("Marsh,", A), ("T.:", A), *title, ("European", T), ("Heron", T), ("Conference,", T), ("pages", P), ("23", P))
    assert labels[-5:] == ["container"] * 3 + [P, P]
    # no meeting's word: the title's own last words
    labels = corrected_labels(("Marsh,", A), ("T.:", A), *title, ("European", T), ("Heron", T), ("Counts,", T), ("pages", P), ("23", P))
    assert labels[-5:] == [T, T, T, P, P]
    # a host read already: left as read
    labels = corrected_labels(("Marsh,", A), *title, ("Heron", T), ("Workshop,", T), ("Heron", J), ("Review", J), ("12,", V), ("3-9", P))
    assert labels[8:10] == [T, T]


def test_words_opening_with_in_after_a_closed_quote_before_a_bracketed_imprint_are_the_host():
    C = "container"
    labels = corrected_labels(("Tobias", A), ("Marsh,", A), ("“Counting", T), ("Herons,”", T), ("in", T), ("The", T), ("Delta", T),
                              ("(Lyon:", LOC), ("Harbour,", PUB), ("1995),", D), ("181–97", P), marginal=0.95)
    assert labels[2:8] == [T, T, C, C, C, LOC]
    # no bracket after them: left as read
    labels = corrected_labels(("Tobias", A), ("Marsh,", A), ("“Counting", T), ("Herons,”", T), ("in", T), ("The", T), ("Delta", T),
                              ("Lyon:", LOC), ("Harbour,", PUB), marginal=0.95)
    assert labels[2:7] == [T] * 5


def test_pages_before_an_imprint_read_as_a_note_and_the_imprint():
    N = "note"
    labels = corrected_labels(("Marsh,", A), ("T.", A), ("1983.", D), ("Counting", T), ("herons.", T), ("Heron", "container"),
                              ("Studies,", "container"), ("13-42.", N), ("Paris:", N), ("Harbour.", N), ("(in", N), ("French)", N))
    assert labels[7:] == [P, LOC, PUB, N, N]
    # no city after the range: left as read
    labels = corrected_labels(("Marsh,", A), ("T.", A), ("1983.", D), ("Counting", T), ("herons.", T), ("Heron", "container"),
                              ("Studies,", "container"), ("13-42.", N), ("Reprinted", N), ("1990.", N))
    assert labels[7:] == [N, N, N]


def test_a_bracketed_imprints_place_read_in_two_is_one_place():
    labels = corrected_labels(("Title", T), ("(Harbour", PUB), ("Editrice", PUB), ("Lagunare,", PUB), ("Porto", PUB), ("de", PUB), ("la", PUB),
                              ("Garza,", LOC), ("1993)", D))
    assert labels == [T, PUB, PUB, PUB, LOC, LOC, LOC, LOC, D]
