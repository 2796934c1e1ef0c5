"""Conventions read from batch 24's misses (bench/UNSEEN_LISTS.md), each tested on invented entries
or invented lists: an appendix's heading ends a numbered list; what journals print after a list
(`Figure captions:`, `Figure 1.`) ends a Word list too."""

from __future__ import annotations

import pytest
from helpers import entry_fields as fields


def test_an_appendix_heading_ends_a_numbered_list(tmp_path):
    """A thesis prints its appendix after the list, and the appendix numbers its own items the same
    way (`1. T0 = {…}`, …, `11. T10 = {…}`): from the appendix's heading alone on its line on, no
    line is an entry, though `4.` would follow the list's `3.`."""
    from exporter.pipeline import read_and_link

    items = [f"{n}. Иванов И. И. Статья номер {n} // Вестник науки. — 2015. — Т. 3. — С. 1—9." for n in range(1, 4)]
    appendix = ["Приложение А", "Таблица значений", *(f"{n}. X{n} = {{0, 1, {n}}}" for n in range(1, 6))]
    text = "Текст [1-3].\n\nСписок литературы\n" + "\n".join(items) + "\n\n12\n\n" + "\n".join(appendix) + "\n"
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    refs = read_and_link(str(path)).document.references
    assert [e.number for e in refs] == [1, 2, 3]
    assert refs[2].text.endswith("С. 1—9.")


def test_the_first_number_set_above_the_heading_numbers_the_text_under_it(tmp_path):
    """pdftotext may set a list's first number, alone on its line, above the heading (`1.` / blank /
    `СПИСОК ИСТОЧНИКОВ` / blank / text / blank / `2.`): the text between the heading and `2.` is
    entry 1, not lost."""
    from exporter.pipeline import read_and_link

    body = "Текст [1, 2, 3].\n\n1.\n\nСПИСОК ИСПОЛЬЗОВАННЫХ ИСТОЧНИКОВ\n\n"
    items = ["Иванов И. И. Первая книга // Москва. Наука. 1990. с. 10–20.", "2.", "Петров П. П. Вторая книга // Наука. 1991.", "3.", "Сидоров С. С. Третья книга // Наука. 1992."]
    path = tmp_path / "paper.txt"
    path.write_text(body + "\n\n".join(items) + "\n", encoding="utf-8")
    refs = read_and_link(str(path)).document.references
    assert [(e.number, e.text[:6]) for e in refs] == [(1, "Иванов"), (2, "Петров"), (3, "Сидоро")]


def test_blocks_of_margin_line_numbers_in_an_unnumbered_list_are_no_entries(tmp_path):
    """A manuscript's margin line numbers that pdftotext set apart from the text, a block on each
    page (`286` / `287` / `288`, blank, the entries): a paragraph of bare numbers is no entry."""
    from exporter.pipeline import read_and_link

    text = (
        "Body text (Marsh, 2001; Oduya, 1999).\n\nReferences\n\n286\n287\n288\n\n"
        "Marsh, T., Lane, P., 2001. Rivers we remember. J. Invent. Hydrol. 12, 45–67.\n"
        "Oduya, K., 1999. Counting herons. Invent. Nat. 3, 1–9.\n\n14\n\n\f315\n316\n317\n\n"
        "Zeller, A., 2005. The last heron. Invent. Nat. 9, 10–19.\n"
    )
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    refs = read_and_link(str(path)).document.references
    assert [e.text[:6] for e in refs] == ["Marsh,", "Oduya,", "Zeller"]


def test_figure_captions_after_an_unnumbered_word_list_are_no_entries(tmp_path):
    """A manuscript's Word file puts the figure captions after an unnumbered list in the body's own
    style (`Figure captions:`, `Figure 1. …`): they end the list, as in a text list."""
    import docx
    from docx_samples import save

    from exporter.pipeline import read_and_link

    d = docx.Document()
    d.add_paragraph("Body text (Marsh 2001; Oduya 1999).")
    d.add_paragraph("Literature Cited", style="Heading 1")
    d.add_paragraph("Marsh, T. (2001). Rivers we remember. Invented Press, Springfield, IL, USA.")
    d.add_paragraph("Oduya, K., and T. Marsh (1999). Counting herons. The Invented Naturalist 12:101-109.")
    d.add_paragraph("Figure captions:")
    d.add_paragraph("Figure 1. Herons counted on the river (black circles) in June 2018.")
    refs = read_and_link(str(save(d, tmp_path / "captions.docx"))).document.references
    assert [e.text[:6] for e in refs] == ["Marsh,", "Oduya,"]


def test_a_place_after_the_host_mark_opens_a_books_imprint():
    """`Title // Москва. Наука. 1988. с. 26.`: no host's name opens with a city's name closed by a
    full stop or colon: after `//` it is the place of a book's imprint, the words to the year its
    publisher."""
    got = fields("Смирнов А. Б. Теория волн в океане // Москва. Морское издательство. 1988. с. 40–52.")
    assert got.get("publisher") == "Морское издательство"
    assert "journal" not in got and "booktitle" not in got
    assert got["year"] == "1988" and got["pages"] == "40–52"


def test_the_number_after_issn_is_no_page_range():
    """`…, 2015, ISSN 1234-5678, с. 77.`: the ISSN's hyphen reads as a range, but the number after
    `ISSN` is the identifier's; the pages are the page mark's."""
    got = fields("Петров П. П. Новая книга о звёздах. М.: Звезда, 2015, ISSN 1234-5678, с. 77.")
    assert got.get("pages") == "77"


@pytest.mark.parametrize(
    "entry, title, volume",
    [
        ("Кузнецов К. К. Теория чисел: Том 2. — М.: Наука, 1980.", "Теория чисел", "2"),
        ("Орлов О. О. Основы механики. Ч. 1. / Орлов О. О. – Томск: Изд-во ТГУ, 2010. – 80 с.", "Основы механики", "1"),
        ("Орлов О. О. Основы механики. Часть 3. / Орлов О. О. – Томск: Изд-во ТГУ, 2012. – 64 с.", "Основы механики", "3"),
    ],
)
def test_a_part_or_volume_closing_a_book_title_is_the_volume(entry, title, volume):
    """A book's volume or part, its mark and number right after the title's full stop or colon and
    before GOST's ` / ` or the area's dash, is the volume, no word of the title."""
    got = fields(entry)
    assert (got.get("title"), got.get("volume")) == (title, volume)


def test_a_translation_statement_opens_no_title_word():
    """`Title (subtitle): пер. с нем. …, под ред. …`: `пер.` opens the statement of responsibility."""
    assert fields("Шмидт Г. Теория множеств (основы): пер. с нем. А. Иванова, под ред. Б. Петрова. — 1975.")["title"] == "Теория множеств (основы)"


def test_a_bracketed_series_closing_the_entry_is_no_host():
    """GOST's series area in brackets after the page count: `– 250, с.:ил – (Серия «…»).`."""
    got = fields("Иванов И. И. Программирование игр на C#. – Москва: Питер, 2018. – 250, с.:ил – (Серия «Библиотека программиста»).")
    assert "journal" not in got and "booktitle" not in got
    assert got.get("series") == "Серия «Библиотека программиста»"


@pytest.mark.parametrize(
    "entry, publisher",
    [
        ("Marsh, T., and K. Oduya (1991). The birds of the valley. University Press of New England, Hanover, NH, USA.", "University Press of New England"),
        ("Marsh, T. (2004). The heron atlas, Version 2003. Invented Lab of Ornithology, Ithaca, NY, USA.", "Invented Lab of Ornithology"),
        ("Oduya, K. (1996). A guide to the herons. Invented Press, San Diego, CA, USA.", "Invented Press"),
    ],
)
def test_the_publisher_before_a_us_place_at_the_entrys_end(entry, publisher):
    """The AOS's imprint `Publisher, City, ST, USA.`: the words before the city's comma, back to the
    title's full stop, are the publisher (`New England` no part of the place)."""
    assert fields(entry).get("publisher") == publisher


def test_a_version_number_is_the_titles_not_the_date():
    """`The Heron Dataset, Version 2003.` after the bracketed year: the version is the title's."""
    got = fields("Marsh, T. (2004). The Heron Dataset, Version 2003. Invented Lab of Ornithology, Ithaca, NY, USA.")
    assert (got["title"], got["year"]) == ("The Heron Dataset, Version 2003", "2004")


def test_in_and_bracketed_editors_after_the_title_open_the_host():
    """AOS's chapter `Title. In Book (I. Family and I. Family, Editors). Publisher, Place.`."""
    got = fields("Marsh, T. (2009). Grey Heron. In The Atlas of Invented Birds (K. Oduya and P. Lane, Editors). Invented Society, Toronto, ON, Canada.")
    assert got.get("title") == "Grey Heron"
    assert got.get("booktitle") == "The Atlas of Invented Birds"


def relabelled(text: str, labels: str) -> list[str]:
    """The conventions' labels for an entry's tokens, given the tagger's labels (one letter a token,
    `a`uthor, `t`itle, `j`ournal, `d`ate, `v`olume, `p`ages, `u`rl): the tagger's reading of
    batch 24's entries, with invented words."""
    from exporter.references.tagger import Tagged
    from exporter.references.tagger.conventions import corrected

    from exporter.references.tagger.features import tokenize

    names = {"a": "author", "t": "title", "j": "journal", "d": "date", "v": "volume", "p": "pages", "u": "doi"}
    spans = tokenize(text)
    assert len(spans) == len(labels)
    tagged = Tagged(text, tuple(spans), tuple(names[c] for c in labels), tuple(0.9 for _ in labels))
    return list(corrected(tagged).labels)


@pytest.mark.parametrize(
    "entry, tagged, title_words",
    [
        ("Holm T. Use of clinics between 2016 and 2017. Invent Prim Care 2019;4:12. https://doi.org/10.1/w.",
         "aattttdddjjjdvpu", ["2016", "and", "2017."]),
        ("Berg K, et al. Uptake of vaccine 2016 in Norway. Therapeutics 2018. https://doi.org/10.1/v.",
         "aaaatttdttjdu", ["2016"]),
        ("Novak J. Regional Recovery Plan 2021-2026 2021.", "aatttdd", ["2021-2026"]),
    ],
)
def test_years_inside_a_vancouver_title_are_the_titles(entry, tagged, title_words):
    """Vancouver prints the year after the journal's name (`Journal 2019;4:12`, `Journal 2018.`) or
    after a report's title with no mark (`Title 2021-2026 2021.`): years read inside the title, or
    closing it, before that year are the title's words."""
    from exporter.references.tagger.features import tokenize

    words = [entry[a:b] for a, b in tokenize(entry)]
    labels = relabelled(entry, tagged)
    assert [w for w, label, was in zip(words, labels, tagged) if was == "d" and label == "title"] == title_words
    assert sum(1 for label in labels if label == "date") == 1


def test_title_words_read_as_a_journal_before_a_year_in_the_title():
    """`et al. Uptake of vaccine 2016 in Norway. Therapeutics 2018.`, the tagger reading the title's
    first words as a journal before the year inside it: with Vancouver's host and year after the
    title, those words and the year are the title's."""
    entry = "Berg K, et al. Uptake of vaccine 2016 in Norway. Therapeutics 2018. https://doi.org/10.1/v."
    labels = relabelled(entry, "aaaajjjdttjdu")
    assert labels[4:10] == ["title"] * 6
    assert labels[10:12] == ["journal", "date"]


def test_a_centre_opening_the_entry_is_its_corporate_author():
    """Vancouver's corporate author closed by an organisation's word: `… Information Centre. Title.`."""
    got = fields("Nordic Parliament Information Centre. Timeline of the invented flood in Norway. Invent Spotlight 2021. https://example.org/x.")
    assert got.get("author") == "{Nordic Parliament Information Centre}"
    assert got.get("title") == "Timeline of the invented flood in Norway"


def test_a_bracketed_place_in_an_nlm_journal_abbreviation_is_the_journals():
    """`Appl. Sci. (Basel) 12, 720.`, `Sensors (Basel) 21, 3698.`: NLM's place qualifier is part of
    the journal's name."""
    for entry, journal in [
        ("Marsh, T., Oduya, K., 2020. Counting herons from the air with invented drones. Appl. Sci. (Basel) 12, 720. doi:10.3390/rs1.", "Appl. Sci. (Basel)"),
        ("Marsh, T., Oduya, K., 2021. Counting herons with invented drones. Sensors (Basel) 21, 3698. doi:10.3390/s1.", "Sensors (Basel)"),
    ]:
        got = fields(entry)
        assert got.get("journal") == journal
        assert "address" not in got


def test_a_lower_case_word_closing_the_title_opens_no_journal():
    """`… and environmental research. Sci. Rep. 13, 19812.`: the lower-case word is the title's."""
    got = fields("Marsh, T., Oduya, K., Lane, P., 2023. Applying invented imaging on heron feathers for archaeological and environmental research. Sci. Rep. 13, 19812. doi:10.1038/x.")
    assert got.get("title", "").endswith("environmental research")
    assert got.get("journal") == "Sci. Rep."


def test_a_city_and_its_colon_opening_a_publisher_run_is_the_place():
    """`– Саратов: Издательство Саратовский государственный университет, 2009.`: the city before the
    imprint's colon is the place, not the publisher's first word."""
    got = fields("Орлов О.О. Численные методы механики. Монография. / Орлов О.О. – Саратов: Издательство Саратовский государственный университет, 2009. – 140 с.")
    assert got.get("publisher") == "Издательство Саратовский государственный университет"
    assert got.get("address") == "Саратов"


def test_gosts_place_letter_with_a_colon_after_the_host_mark_opens_the_imprint():
    """`Title // М: Наука, 1999, с. 12.`: GOST's abbreviated place with its full stop left out."""
    got = fields("Смирнов А. Б. Волны в океане — угроза побережью // М: Наука, 1999, ISSN 1234-5678, с. 12.")
    assert got.get("publisher") == "Наука"
    assert "journal" not in got


def test_a_copyright_lines_by_is_no_word_of_the_publisher():
    """`// 2008 by The Invented Press Companies.`: the copyright line's `by` is left out of the name."""
    got = fields("Oduya K. Heron Handbook // 2008 by The Invented-Press Companies. ISBN 978-0-00-000000-0")
    assert got.get("publisher") == "The Invented-Press Companies"


def test_an_organisations_word_closing_the_opening_names_is_the_authors():
    """`Q Stats Team. Q V2.1: A System …` read as a name `Q Stats` and a title opening with `Team.`:
    an organisation's word closed by a full stop after capitalised names with no initials ends them
    (one corporate name), as `R Core Team.` prints."""
    entry = "Q Stats Team. Q V2.1: A System for Invented Computing. 2020."
    labels = relabelled(entry, "aattttttttd")
    assert labels[:3] == ["author"] * 3
    assert labels[3] == "title"


def test_a_place_before_a_publishers_name_after_a_comma_is_the_place():
    """`- Бостон, Invented River Press, 2011.`: a one-word place written with a comma for GOST's colon
    before a name ending in a publisher's word is the place, no word of the publisher."""
    got = fields("Marsh, T. Heron Studies for Beginners. - Бостон, Invented River Press, 2011. - 240 с.")
    assert (got.get("address"), got.get("publisher")) == ("Бостон", "Invented River Press")
