"""Conventions read from the development split's misses (train.py `is_development`; no held-out
line, no gold.xml line), each tested on invented entries."""

from __future__ import annotations

from helpers import corrected_labels as shared_corrected_labels
from helpers import entry_fields as fields


def corrected_labels(*tokens: tuple[str, str]) -> list[str]:
    return shared_corrected_labels(*tokens, confidence=0.9)


T, J, V, D, P = "title", "journal", "volume", "date", "pages"


def test_a_journals_abbreviations_after_an_open_titles_last_word_are_the_journals():
    title = [(w, T) for w in "Counting the herons of a small river delta in spring".split()]
    # an abbreviation read as the title's last word, the journal's next word after it
    assert corrected_labels(*title, ("Ornithol.", T), ("Lett.", J), ("12", V), ("45-67", P))[-5:] == [T, J, J, V, P]
    # a sentence-case title: the journal's capitalised word before its abbreviation goes with it
    assert corrected_labels(*title, ("Wetland", T), ("Ecol.,", T), ("12", V), ("(2001),", D))[-5:] == [T, J, J, V, D]
    # glued abbreviations (`J.Stat`) before the journal's other word
    assert corrected_labels(*title, ("J.Stat", T), (".Mech", J), ("12", V))[-4:] == [T, J, J, V]
    f = fields("Marsh T, Oduya K 2001 Counting the herons of a small river delta in spring Ornithol. Lett. 12 45-67")
    assert (f.get("title"), f.get("journal")) == ("Counting the herons of a small river delta in spring", "Ornithol. Lett.")


def test_a_title_closed_by_a_capitalised_word_and_its_full_stop_keeps_it():
    # `Coot.`, `Finland.`, `Use.` close a title's sentence: no ISO 4 abbreviation, they stay the title's
    for last in ("Finland.", "Use.", "Coot."):
        title = [(w, T) for w in f"Counting the herons of a small river delta: the example of {last}".split()]
        assert corrected_labels(*title, ("Acta", J), ("Ornithol.", J), ("12", V))[-4:] == [T, J, J, V]
    # a title-case title's capitalised last word cannot be told from the journal's first: left as read
    title = [(w, T) for w in "Counting the Herons of the River Delta".split()]
    assert corrected_labels(*title, ("Bull.", T), ("Ornithol.", J), ("12", V))[-4:] == [T, T, J, V]


def test_a_series_volume_or_a_publishing_house_keeps_the_publisher():
    # the volume is the series' number: the name after it is the book's publisher, not a journal
    f = fields("Oduya, K., in: T. Marsh (Ed.), Herons of the Delta, in: Lecture Notes in Ornithology 412, Springer Verlag, 2010, p. 223.")
    assert (f.get("publisher"), f.get("journal")) == ("Springer Verlag", None)
    # an imprint in brackets after the pages
    f = fields("Marsh, High Speed Heron Counts, Chapter 14, Section 14.2, pp. 512-518 (Harbour House 1997)")
    assert (f.get("publisher"), f.get("journal")) == ("Harbour House", None)
    # still: one name with a volume and pages and nothing else is the journal
    f = fields("Marsh T. Counting herons [J]. Simulation, 2001, 76(2): 60-68.")
    assert f.get("journal") == "Simulation" and "publisher" not in f


def test_the_second_part_of_a_bracketed_imprint_is_the_place():
    f = fields("T. Marsh and K. Oduya, in Proceedings of the Second Heron Society Meeting, Lyon, May 1993, Vol. 2, edited by P. DORMAN (Dorman Editrice Lagunare, Porto de la Garza, 1993) p. 301.")
    assert (f.get("publisher"), f.get("address")) == ("Dorman Editrice Lagunare", "Porto de la Garza")
    f = fields("T. Marsh, in Heron Studies, edited by K. Oduya (Harbour Scientific, Villanueva del Rio, 2001), pp. 3-9.")
    assert (f.get("publisher"), f.get("address")) == ("Harbour Scientific", "Villanueva del Rio")
    # a firm's suffix after the comma, or Chicago's place before the colon, stay as read
    labels = corrected_labels(("Title", T), ("(Harbour", "publisher"), ("House,", "publisher"), ("Inc.,", "publisher"), ("1993)", D))
    assert labels == [T, "publisher", "publisher", "publisher", D]
    labels = corrected_labels(("Title", T), ("(Ithaca,", "location"), ("NY:", "location"), ("Harbour", "publisher"), ("Press,", "publisher"), ("1993)", D))
    assert labels == [T, "location", "location", "publisher", "publisher", D]
    # two publishers in the bracket: the second is a publishing house's name, no place
    labels = corrected_labels(("Title", T), ("(Harbour", "publisher"), ("Institute,", "publisher"), ("Springer-Verlag,", "publisher"), ("1977)", D))
    assert labels == [T, "publisher", "publisher", "publisher", D]


def test_a_link_word_and_names_opening_an_abbreviated_journal_close_the_title():
    title = [(w, T) for w in "On the counts of Marsh".split()]
    labels = corrected_labels(*title, ("and", J), ("Oduya", J), ("Ornithol.", J), ("Lett.", J), ("40", V))
    assert labels[-5:] == [T, T, J, J, V]
    # a journal's capitalised words with no abbreviation after them stay the journal's
    labels = corrected_labels(*title, ("and", J), ("Herons", J), ("Review", J), ("40", V))
    assert labels[-3:] == [J, J, V]


def test_iso_690s_unbracketed_medium_after_the_title_is_no_word_of_it():
    f = fields("MARSH, Thomas and ODUYA, Kim, 2013. Counting herons in the delta. Online. Riverbank Press. Available from: https://example.org/herons [Accessed 17 May 2018].")
    assert f.get("title") == "Counting herons in the delta"
    # a title's own last word `Online` (no full stop before it) stays the title's
    assert corrected_labels(("Learning", T), ("to", T), ("count", T), ("online.", T), ("2013.", D))[:4] == [T, T, T, T]
    assert corrected_labels(("Herons", T), ("seen", T), ("Online.", T), ("2013.", D))[:3] == [T, T, T]
