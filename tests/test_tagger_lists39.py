"""Conventions read from batch 25's misses (bench/UNSEEN_LISTS.md), each tested on invented entries
or invented lists."""

from __future__ import annotations

import pytest
from helpers import entry_fields as fields


def _word_refs(tmp_path, heading: str, items: list[str]):
    import docx
    from docx_samples import save

    from exporter.pipeline import read_and_link

    d = docx.Document()
    d.add_paragraph("Body text (Marsh, 2001; Oduya, 1999; Zeller, 2005).")
    d.add_paragraph("Conclusion")
    d.add_paragraph("Herons were counted.")
    d.add_paragraph(heading)
    for item in items:
        d.add_paragraph(item)
    return read_and_link(str(save(d, tmp_path / "paper.docx"))).document.references


_APA = [
    "Marsh, T. (2001). Rivers we remember. Journal of Invented Hydrology, 12(3), 45-67.",
    "Oduya, K. & Marsh, T. (1999). Counting herons. The Invented Naturalist, 3, 1-9.",
    "Zeller, A. (2005). The last heron. Invented Nature, 9(1), 10-19.",
]


@pytest.mark.parametrize("heading", ["Reference", "REFERENCE", "5.REFERENCES:", "6.References"])
def test_a_singular_heading_or_a_number_run_into_it_opens_the_list(tmp_path, heading):
    """`Reference` (the singular, in the body's own style) and `5.REFERENCES:` (the section's
    number run into the name) head the list as `References` and `5. REFERENCES` do."""
    refs = _word_refs(tmp_path, heading, _APA)
    assert [e.text[:6] for e in refs] == ["Marsh,", "Oduya,", "Zeller"]


def _text_refs(tmp_path, text: str):
    from exporter.pipeline import read_and_link

    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    return read_and_link(str(path)).document.references


def test_a_list_in_headed_parts_opens_at_its_heading_not_at_its_last_part(tmp_path):
    """`6 Bibliography` / `Dataset:` / one entry / `Literature:` / entries: the parts' names closed by
    a colon name parts of one list (`Literature:` is a heading's word too); the first part's entry
    is the list's, and no part's name is an entry or a piece of one."""
    text = (
        "Body text (Marsh, 2001; Oduya, 1999; Panel Team, 2016).\n\n6 Bibliography\nDataset:\n"
        "Panel, Anna, Bruno Cole & Carla Dunn. 2016. The Invented Panel Study. Data Archive, Springfield. Version 2.0.\n\n"
        "Literature:\n"
        "Marsh, T. (2001). Rivers we remember. Journal of Invented Hydrology, 12(3), 45-67.\n"
        "Oduya, K. (1999). Counting herons. The Invented Naturalist, 3, 1-9.\n"
    )
    refs = _text_refs(tmp_path, text)
    assert [e.text[:6] for e in refs] == ["Panel,", "Marsh,", "Oduya,"]


def test_a_numbered_attachment_heading_ends_an_unnumbered_list(tmp_path):
    """A thesis's numbered `7 Attachment` after its unnumbered list, as `Appendix` does."""
    text = (
        "Body text (Marsh, 2001; Oduya, 1999).\n\nReferences\n"
        "Marsh, T. (2001). Rivers we remember. Journal of Invented Hydrology, 12(3), 45-67.\n"
        "Oduya, K. (1999). Counting herons. The Invented Naturalist, 3, 1-9.\n\n"
        "7 Attachment\nQuestionnaire items of wave 3 (question 12 | variable q12)\n"
    )
    refs = _text_refs(tmp_path, text)
    assert [e.text[:6] for e in refs] == ["Marsh,", "Oduya,"]


def test_apa_dated_and_undated_openings_after_an_address_open_entries(tmp_path):
    """Inside a paragraph of an unnumbered list, after a line ending in an address: an organisation
    with APA's day and month (`Statbureau. (2018, March 28).`) or no date (`(n.d.)`) opens an entry."""
    text = (
        "Body text (Statbureau, 2015; Statbureau, 2018; Statbureau, n.d.).\n\nReferences\n"
        "Statbureau. (2015). Women in the invented region gave birth\nlater. https://invented.example.org/news/2015/births.html\n"
        "Statbureau. (2018, March 28). Births in the\nyear 2016. https://invented.example.org/news/2018/births.pdf\n"
        "Statbureau. (n.d.). Maternal health 1892 to\n2015. https://invented.example.org/maternal\n"
    )
    refs = _text_refs(tmp_path, text)
    assert [e.text[12:18] for e in refs] == ["(2015)", "(2018,", "(n.d.)"]


def test_a_dois_tail_wrapped_to_its_own_line_ends_the_entry(tmp_path):
    """`… https://doi.org/10.1111/j.1728-` / `4457.2016.00128.x` / `Grundy, E., & …`: the DOI's tail
    alone on its line ends the entry as the address would, and the next line opens one."""
    text = (
        "Body text (Marsh, 2016; Oduya, 2007).\n\nReferences\n"
        "Marsh, T. (2016). Rivers we remember. Invented Review, 42(2), 245–269. https://doi.org/10.1111/j.1728-\n"
        "4457.2016.00128.x\n"
        "Oduya, K., & Zeller, A. (2007). Counting herons. The Invented Naturalist, 3, 1-9.\n"
    )
    refs = _text_refs(tmp_path, text)
    assert [e.text[:6] for e in refs] == ["Marsh,", "Oduya,"]


def test_a_sites_designation_after_the_host_mark_is_no_word_of_its_name():
    """`Title // Сайт Invented.com. 9 апреля (https://…)`: `Сайт` names the kind of resource; the host
    is the site's name, though it reads as an address; the day before the month is the date's."""
    f = fields("Ivan Petrov (2019) A history of invented clouds // Сайт Inventedweekly.com. 9 апреля (https://inventedweekly.com/clouds) Просмотрено: 11.12.2021.")
    assert f.get("journal") in ("Inventedweekly.com", "Inventedweekly.com.")
    assert "volume" not in f
    f = fields("Anna Berg (2002) Herons are hard to count // Сайт Arxiv.org. 21 октября (https://arxiv.org/abs/0000) Просмотрено: 11.12.2021")
    assert f.get("journal", "").rstrip(".") == "Arxiv.org"


def test_a_users_real_name_in_brackets_is_no_second_author():
    """`Herongit (Mads Olsen) (2021) Title.`: the bracketed name after a user's name is that user's."""
    f = fields("Herongit (Mads Olsen) (2021) Heron counter written in Python. // Сайт Github.com. 22 октября (https://github.com/herongit/counter) Просмотрено: 01.02.2022")
    assert f["author"] == "Herongit"


def test_users_names_before_a_bracketed_year_are_the_authors():
    """`heron-lab, birder7 (2020) Title.`: lower-case users' names, a hyphen or a number in each."""
    f = fields("heron-brain, birder0 (2020) Reinforcement Learning Library: herolearning. // Сайт Pypi.org. 13 июля (https://pypi.org/project/herolearning/) Просмотрено: 01.02.2022")
    assert f.get("author", "").startswith("heron-brain")
    assert f.get("title", "").startswith("Reinforcement Learning Library")


def test_apas_date_bracket_closed_after_a_space_opens_no_title():
    f = fields("Marsh, T., & Oduya, K. (2013, August 25th ). Counting herons on invented rivers. Invented Conference on Birds, 12-19.")
    assert f["title"].startswith("Counting herons")


@pytest.mark.parametrize("entry, title", [
    ("Marsh, I. (2017). The Visual Discourse of Heron Movements on Rivers: The Case of Hong Kong 2014. Media and Communication, 5(4), 26 – 36. Doi: 10.0000/mac.v5i4.1020",
     "The Visual Discourse of Heron Movements on Rivers: The Case of Hong Kong 2014"),
    ("Marsh, T. (n.d.). Herons counted in Springfield, 1892 to 2015. https://invented.example.org/herons",
     "Herons counted in Springfield, 1892 to 2015"),
])
def test_years_inside_an_apa_title_are_the_titles(entry, title):
    """APA's date is the bracket after the authors; a year inside the title after it is the title's."""
    f = fields(entry)
    assert f["title"] == title
    assert f.get("year") in (None, "2017")


def test_a_title_read_as_the_publisher_after_apas_date():
    f = fields("Marsh, T. (2005). Herons & Lifestyles. Heron & Francis e-Library.")
    assert f["title"] == "Herons & Lifestyles"


def test_a_journal_read_as_a_publisher_before_the_pages():
    """`Title. New herons & Society, 1 -19.`: a name before the pages, with no place nor year after the
    title, is the journal."""
    f = fields("Marsh, S. (2011). Herons and social movements: Facebook and an online heron movement that moved offline. New media & Society, 1 -19. Doi: 10.0000/1461444811410408")
    assert f.get("journal") == "New media & Society"


@pytest.mark.parametrize("entry, title, host", [
    ("Marsh, T. (1992). Counting herons with shallow, river-specific methods. Heron-based counting systems: Current research and practice in invented ornithology, 227-242.",
     "Counting herons with shallow, river-specific methods", "Heron-based counting systems: Current research and practice in invented ornithology"),
    ("Oduya, K. (2013). Heron Trajectories and Rivers: A Life Course Perspective. European Journal of Herons / Revue Européenne des Hérons, 29(4), 357–385.",
     "Heron Trajectories and Rivers: A Life Course Perspective", "European Journal of Herons / Revue Européenne des Hérons"),
])
def test_a_hosts_sentence_read_into_the_title(entry, title, host):
    f = fields(entry)
    assert f["title"] == title
    assert (f.get("journal") or f.get("booktitle")) == host


def test_a_cyrillic_page_mark_after_a_latin_publisher():
    f = fields("Marsh, Steven (2001) The Ultimate History of Heron Games: From Pong to Pokemon: The Story Behind the Craze That Touched Our Rivers (1st ed.). Three Rivers Press. С. 377-381.")
    assert f["publisher"].rstrip(".") == "Three Rivers Press"
    assert f["pages"] == "377-381"


@pytest.mark.parametrize("entry, host, volume", [
    ("D. V. Marsh и K. Oduya. “Counting herons on a directed river”. В: Invented Notes 113.3–4 (апр. 2023), с. 538—551.", "Invented Notes", "113"),
    ("Tom Marsh и Kofi Oduya. “Polynomial approximation for the number of all possible herons of a random walk on a metric river”. "
     "В: Electronic Notes in Discrete Mathematics 70 (2018). THRN 2018 – 2nd IMA Conference on Theoretical and Computational Ornithology, "
     "University of Derby, с. 31—35. issn: 1571-0653.", "Electronic Notes in Discrete Mathematics", "70"),
])
def test_biblatex_volume_number_and_host_after_in(entry, host, volume):
    f = fields(entry)
    assert (f.get("journal") or f.get("booktitle")) == host
    assert f["volume"] == volume


@pytest.mark.parametrize("entry, journal", [
    ("Marsh T. Counting herons: an overview / T. Marsh, K. Oduya // African Journal of Herons, 2007. – 141 p.", "African Journal of Herons"),
    ("Herons on rivers / T. Marsh, K. Oduya // Sci Heron Life Sci, 2014. – 390 p.", "Sci Heron Life Sci"),
])
def test_a_journals_name_after_the_host_mark_before_a_page_count_stays_the_journal(entry, journal):
    """`// Name, 2007. – 141 p.` is read as a book's publisher (`// ДМК Пресс, 2006. — 496 с.`), but a
    name with a journal's word (`Journal`, `Sci`) is a journal's."""
    f = fields(entry)
    assert f.get("journal") == journal
    assert "publisher" not in f


def test_a_sites_name_read_as_a_doi_after_its_designation():
    f = fields("Tom Marsh (2015) Herons, Springfield’s Open Source Birds, Signals Big Changes in Rivers Too. // Сайт Wired.com. 10 ноября (https://www.wired.com/2015/11/herons/) Просмотрено: 02.02.2022")
    assert f.get("journal", "").rstrip(".") == "Wired.com"


@pytest.mark.parametrize("entry, title, volume", [
    ("Marsh, T., Oduya, K., & Zeller, A. (2007). Computation of Standard Values for Heron Counts Using the RIVER Version of HC-12v2 (Vol. 1, pp. 171–182). Duncker & Humboldt.",
     "Computation of Standard Values for Heron Counts Using the RIVER Version of HC-12v2", "1"),
    ("Marsh, T., Oduya, K., & Zeller, A. (2016). The Invented Heron Panel: Study Design and Cumulated Field Report (Waves 1 to 7) (pp. 1–35).",
     "The Invented Heron Panel: Study Design and Cumulated Field Report (Waves 1 to 7)", None),
])
def test_the_words_before_apas_part_bracket_are_the_titles(entry, title, volume):
    """APA's book or report part prints its volume and pages in one bracket after the title
    (`(Vol. 1, pp. 171–182).`); the words before it are the title's, the name after it the publisher."""
    f = fields(entry)
    assert f["title"] == title
    assert f.get("volume") == volume
    assert "journal" not in f


def test_a_data_sets_title_read_as_a_note_after_the_year():
    """`Family, Given & Given Family. 2016. Title (short). Archive, City. …`: a data set cited with the
    year and its full stop after the names; the first sentence after the year is the title."""
    f = fields("Marsh, Tom, Kofi Oduya & Anna Zeller. 2016. The Invented Heron Panel (heronpan). Heron Data Archive, Springfield. ZA0000 Data file Version 7.0.0, doi:10.0000/heronpan.0000.7.0.0.")
    assert f["title"] == "The Invented Heron Panel (heronpan)"
    assert f["year"] == "2016"
