"""Conventions read from the development split's misses (train.py `is_development`; no held-out
line, no gold.xml line), each tested on invented entries: APA's and Chicago's `City, State:
Publisher` is one place before the colon."""

from __future__ import annotations

from exporter.references.tagger import Tagged
from exporter.references.tagger.conventions import corrected
from helpers import entry_fields as fields
from helpers import tagged_tokens


def corrected_labels(*tokens: tuple[str, str, float]) -> list[str]:
    text, spans = "", []
    for word, _, _ in tokens:
        text += " " if text else ""
        spans.append((len(text), len(text) + len(word)))
        text += word
    tagged = Tagged(text, tuple(spans), tuple(label for _, label, _ in tokens), tuple(p for _, _, p in tokens))
    return list(corrected(tagged).labels)


T, L, PB, D = "title", "location", "publisher", "date"


def test_a_city_and_its_state_before_the_colon_are_the_place():
    # the state's short form read into the publisher, or the city read as the publisher
    assert corrected_labels(("Title.", T, 1.0), ("Oxford,", L, 0.9), ("MS:", PB, 0.6), ("Riverbank", PB, 0.9), ("Press.", PB, 0.9)) == [T, L, L, PB, PB]
    assert corrected_labels(("Title", T, 1.0), ("(ed.", "editor", 1.0), ("Doe;", "editor", 1.0), ("Peabody,", PB, 0.5), ("Ma.:", L, 0.6), ("Hendrickson,", PB, 0.9), ("1991),", D, 1.0)) == [T, "editor", "editor", L, L, PB, D]
    assert corrected_labels(("Title.", T, 1.0), ("Upper", PB, 0.5), ("Saddle", PB, 0.5), ("River,", PB, 0.5), ("NJ:", PB, 0.5), ("Hall,", PB, 0.9), ("2004.", D, 1.0)) == [T, L, L, L, L, PB, D]
    f = fields("Dorman, K. (2004). A short history of rivers. Oxford, MS: Riverbank Press.")
    assert (f.get("address"), f.get("publisher")) == ("Oxford, MS", "Riverbank Press")
    f = fields("Dorman K. A short history of rivers. Oxford (MS): Riverbank Press; 2004.")
    assert (f.get("address"), f.get("publisher")) == ("Oxford (MS)", "Riverbank Press")


def test_a_publishers_colon_and_capitals_that_name_no_state_are_left_as_read():
    # MDPI's `Publisher: City, Country`: the colon closes the publisher, no comma before it
    assert corrected_labels(("Engineering;", "container", 1.0), ("Harbourline", PB, 0.9), ("Books:", PB, 0.9), ("London,", L, 0.9), ("UK,", L, 0.9), ("2022.", D, 1.0)) == ["container", PB, PB, L, L, D]
    # capitals that are no state's or country's code (`ACM:`) after a comma: a publisher's
    assert corrected_labels(("Title.", T, 1.0), ("Riverbank,", PB, 0.9), ("ACM:", PB, 0.9), ("Oslo,", L, 0.9), ("2022.", D, 1.0)) == [T, PB, PB, L, D]


def read_as_labelled(monkeypatch, *tokens: tuple[str, str]) -> dict[str, str]:
    """The fields the assembly makes of tokens labelled so (the tagger's reading stood in for)."""
    from exporter.references.tagger import normalise

    tagged = tagged_tokens(*tokens)
    monkeypatch.setattr(normalise, "_tagged", lambda t: tagged)
    return fields(tagged.text)


def test_the_next_elements_mark_is_no_part_of_the_publisher(monkeypatch):
    # a page, edition, volume or number mark the tagger left at the publisher's end
    C = "container"
    f = read_as_labelled(monkeypatch, ("Tidal", T), ("flats.", T), ("In:", C), ("Coasts.", C), ("Harbourline", PB), ("Press,", PB), ("pp", PB), ("875–911", "pages"))
    assert f.get("publisher") == "Harbourline Press"
    f = read_as_labelled(monkeypatch, ("Tidal", T), ("flats", T), ("(Kaito", PB), ("Shobo", PB), ("Co.,", PB), ("Ltd)", PB), ("pp", PB), ("2–35", "pages"))
    assert f.get("publisher") == "Kaito Shobo Co., Ltd"
    f = read_as_labelled(monkeypatch, ("Tidal", T), ("Flats", T), ("(Harbourline,", PB), ("ed.", PB), ("5,", "edition"), ("1911).", D))
    assert (f.get("publisher"), f.get("edition")) == ("Harbourline", "5")
    # a publisher's own abbreviation stays (`Co.`), and a capitalised `Ed.` may end a name
    f = read_as_labelled(monkeypatch, ("Tidal", T), ("flats.", T), ("Harbourline", PB), ("Co.", PB))
    assert f.get("publisher") == "Harbourline Co."


def test_the_editors_or_a_series_mark_is_no_part_of_the_host(monkeypatch):
    # `ed`, `eds`, `in` in lower case after the host's name open the next element
    C, ED = "container", "editor"
    f = read_as_labelled(monkeypatch, ("Tidal", T), ("flats.", T), ("In", C), ("Coastal", C), ("Systems,", C), ("ed", C), ("Jane", ED), ("Stow.", ED), ("8–16", "pages"))
    assert f.get("booktitle") == "Coastal Systems"
    f = read_as_labelled(monkeypatch, ("Tidal", T), ("flats.", T), ("In", C), ("Coastal", C), ("Systems", C), ("(ed.", C), ("J.", ED), ("Stow;", ED), ("1991),", D), ("8–16", "pages"))
    assert f.get("booktitle") == "Coastal Systems"
    f = read_as_labelled(monkeypatch, ("“Tidal", T), ("flats”,", T), ("in", C), ("Proceedings", C), ("of", C), ("Coasts,", C), ("in", C), ("Coastal", "collection"), ("Series,", "collection"), ("1959,", D))
    assert f.get("booktitle") == "Proceedings of Coasts"
    # a capitalised word is the name's own
    f = read_as_labelled(monkeypatch, ("Tidal", T), ("flats.", T), ("In", C), ("Coastal", C), ("Studies", C), ("In", C), ("1959,", D))
    assert f.get("booktitle") == "Coastal Studies In"


def test_the_book_title_after_in_and_its_editors_is_the_host():
    # APA's `In M. Roe (Ed.), Book title (pp. 32–42).` with the book's title read as a note
    ED, N = "editor", "note"
    labels = corrected_labels(("Title.", T, 1.0), ("In", ED, 1.0), ("M.", ED, 1.0), ("Roe", ED, 1.0), ("(Ed.),", ED, 1.0), ("Coastal", N, 0.5), ("studies", N, 0.5), ("(pp.", "pages", 1.0), ("32-42).", "pages", 1.0))
    assert labels[5:7] == ["container", "container"]
    # with a host read elsewhere, or no `In`, the note stays
    labels = corrected_labels(("Title.", T, 1.0), ("Journal,", "journal", 1.0), ("M.", ED, 1.0), ("Roe", ED, 1.0), ("(Ed.),", ED, 1.0), ("Reprinted", N, 0.5), ("1990.", N, 0.5))
    assert labels[5:7] == [N, N]


def test_a_city_its_colon_and_a_name_read_as_a_note_are_the_imprint():
    N = "note"
    labels = corrected_labels(("Studies,", "container", 1.0), ("13-42.", "pages", 1.0), ("Oxford:", N, 0.5), ("Riverbank", N, 0.5), ("Press.", N, 0.5), ("(in", N, 0.9), ("Hebrew)", N, 0.9))
    assert labels[2:] == [L, PB, PB, N, N]
    # no city before the colon, or a publisher read already: left as read
    labels = corrected_labels(("Studies,", "container", 1.0), ("13-42.", "pages", 1.0), ("Reprint:", N, 0.5), ("Riverbank", N, 0.5), ("Press.", N, 0.5))
    assert labels[2:] == [N, N, N]
    labels = corrected_labels(("Title.", T, 1.0), ("Harbourline,", PB, 1.0), ("1990.", D, 1.0), ("Oxford:", N, 0.5), ("Reprint", N, 0.5), ("Press.", N, 0.5))
    assert labels[3:] == [N, N, N]


def test_a_host_opened_by_in_after_the_title():
    C = "container"
    # a second title run opening with `In` and a capitalised word, after the title and the year
    labels = corrected_labels(("Tidal", T, 1.0), ("maps", T, 1.0), ("2007", D, 1.0), ("In", T, 0.6), ("Proceedings", T, 0.6), ("of", T, 0.6), ("Coasts", T, 0.6))
    assert labels[3:] == [C, C, C, C]
    # IEEE's `Title, in Proceedings of …` (or PDF text's glued `inproceedings`) read into the title
    labels = corrected_labels(("Tidal", T, 1.0), ("flats", T, 1.0), ("maps,", T, 1.0), ("in", T, 0.6), ("Proceedings", T, 0.6), ("of", T, 0.6), ("Coasts,", T, 0.6), ("2017.", D, 1.0))
    assert labels[:3] == [T, T, T] and labels[3:7] == [C, C, C, C]
    f = fields("Hana Roe and Jan Lind, Timing jitter of tidal flats detectors, inproceedings of the Conference on Coasts ,COAST2017, 14 -19 May2017,San Jose ,California , USA.")
    assert (f["title"], f.get("booktitle")) == ("Timing jitter of tidal flats detectors", "proceedings of the Conference on Coasts")
    # `in` inside a title with no proceedings after it, and a first title opening with `In`, stay
    assert corrected_labels(("Learning,", T, 1.0), ("in", T, 1.0), ("theory", T, 1.0), ("and", T, 1.0), ("practice.", T, 1.0)) == [T] * 5
    assert corrected_labels(("Roe,", "author", 1.0), ("In", T, 1.0), ("Search", T, 1.0), ("of", T, 1.0), ("Time.", T, 1.0)) == ["author", T, T, T, T]


def test_a_page_range_closing_the_entry_is_no_part_of_the_host():
    C = "container"
    labels = corrected_labels(("Maps", T, 1.0), ("2007", D, 1.0), ("In", C, 0.9), ("Proceedings", C, 0.9), ("of", C, 0.9), ("Coasts", C, 0.9), ("407--410", C, 0.5))
    assert labels[-1] == "pages"
    # a range of years, or pages read elsewhere, stay
    assert corrected_labels(("Maps", T, 1.0), ("In", C, 0.9), ("Coasts", C, 0.9), ("1995-2003", C, 0.5))[-1] == C
    assert corrected_labels(("Maps", T, 1.0), ("pp.", "pages", 1.0), ("4-9", "pages", 1.0), ("Coasts", C, 0.9), ("12-18", C, 0.5))[-1] == C
