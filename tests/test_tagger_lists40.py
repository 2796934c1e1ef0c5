"""Conventions read from batch 26's misses (bench/UNSEEN_LISTS.md), each tested on invented entries
or invented lists."""

from __future__ import annotations
from helpers import entry_fields as fields, linked_word_file as _word_file


_MLA_TYPED = [
    "Works Cited",
    "",
    "Marsh, Tilda. “Rivers We Remember: Counting Herons on the Invented River in the Dry ",
    "        Years.” Journal of Invented Hydrology 12.3 (2001): 45+. Invented Index. Web. 2 ",
    "        May 2010.",
    "",
    "Oduya, Kofi. The Last Heron. Springfield: Invented Press, 1999. Print.",
    "",
    "Zeller, Anna. “Herons Return.” heron.example.org. Invented Heron Society. 3 Jun. 2005. ",
    "        Web. 4 Apr. 2010.",
]


def test_a_word_file_holding_only_a_works_cited_list_is_read_as_the_list(tmp_path):
    """A Word file that opens with `Works Cited` holds a list, not a paper's front matter: the
    heading is neither the title nor an author, and it opens the list."""
    result = _word_file(tmp_path, _MLA_TYPED)
    assert "Works Cited" not in result.document.meta.authors
    assert [e.text[:6] for e in result.document.references] == ["Marsh,", "Oduya,", "Zeller"]


def test_lines_of_an_entry_typed_with_an_indent_of_spaces_continue_it(tmp_path):
    """MLA typed by hand: each line of an entry its own paragraph, the hanging indent typed as
    spaces; the indented paragraphs are lines of the entry above them."""
    refs = _word_file(tmp_path, _MLA_TYPED).document.references
    assert len(refs) == 3
    assert refs[0].text.endswith("Web. 2 May 2010.")
    assert "Dry Years.”" in refs[0].text


def test_mla_medium_and_access_date_are_no_element_of_the_work():
    """`… 45+. Invented Index. Web. 2 May 2010.`: the database, `Web.` and the day the page was
    read close the entry; the year is the article's, the database no publisher."""
    got = fields("Marsh, Tilda. “Rivers We Remember.” Journal of Invented Hydrology 12.3 (2001): 45-67. Invented Index. Web. 2 May 2010.")
    assert got.get("year") == "2001"
    assert got.get("publisher") is None
    assert got.get("urldate") == "2 May 2010"
    got = fields("Oduya, Kofi. The Last Heron. Springfield: Invented Press, 1999. Print.")
    assert (got.get("year"), got.get("publisher")) == ("1999", "Invented Press")


def test_volume_issue_bracketed_date_and_pages_after_its_colon():
    """MLA's `Journal 110.9 (Sept. 2002): A512.` and `12.3 (2001): 45+.`: volume, issue, and the
    pages after the date's colon (a section letter's page, `45+`)."""
    got = fields("Marsh, Tilda. “Rivers.” Journal of Invented Hydrology 110.9 (Sept. 2002): A512. Invented Index. Web. 2 May 2010.")
    assert (got.get("volume"), got.get("number"), got.get("pages")) == ("110", "9", "A512")
    got = fields("Marsh, Tilda. “Counting Herons in Dry Years.” Invented Review of Waters 12.3 (2001): 45+. Invented Index. Web. 2 May 2010.")
    assert (got.get("volume"), got.get("pages")) == ("12", "45+")


def test_mla_web_page_site_publisher_and_day():
    """`“Title.” heron.example.org. Invented Heron Society. 3 Jun. 2005. Web. …`: the domain is
    the site, the body after it the publisher, and the day before the month no volume."""
    got = fields("Zeller, Anna. “Herons Return to the River.” heron.example.org. Invented Heron Society. 3 Jun. 2005. Web. 4 Apr. 2010.")
    assert got.get("journal") == "heron.example.org"
    assert got.get("publisher") == "Invented Heron Society"
    assert got.get("volume") is None
    assert got.get("year") == "2005"


def test_an_mla_access_date_stays_the_year_when_the_work_has_no_date_of_its_own():
    """`Title. Site. Web. 25 Mar. 2010.` with no other date: that date is the one the entry has
    (AnyStyle's labels read it as the year), so the medium's tail is not cut away."""
    got = fields("Marsh, Tilda. Counting Herons. The Invented Heron Archive. Web. 25 Mar. 2010.")
    assert got.get("year") == "2010"


def _text_refs(tmp_path, text: str):
    from exporter.pipeline import read_and_link

    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    return read_and_link(str(path)).document.references


def test_acl_entries_run_together_in_a_paragraph_are_parted_at_each_given_name_opening(tmp_path):
    """ACL's unnumbered list as pdftotext gives a column: entries follow one another with no
    blank line, each opening `Given Family, Given Family, and Given Family. 2019.`, the names
    wrapped over lines (one cut at a hyphen) before the year."""
    text = (
        "Counting herons\n\nTilda Marsh\n\n1 Introduction\n\nHerons were counted on the river (Marsh et al., 2019;\n"
        "Oduya et al., 2020; Zeller et al., 2021). The counts rose.\n\nReferences\n\n"
        "Tilda Marsh, Kofi Oduya, and Anna Zeller. 2019. Herons: counting birds on an invented\n"
        "river. arXiv preprint arXiv:1901.00001.\n"
        "Kofi Oduya, Bruno Castellanos-Ferreira, Carla Dunn, Malak-\n"
        "ai Ostrowski, and Anna Zeller. 2020. Rivers we remember. Journal of\n"
        "Invented Hydrology, 12(3):45–67.\n"
        "Anna Zeller, Tilda Marsh, Kofi Oduya, Bruno Cole,\n"
        "Carla Dunn, and Dana Ek.\n"
        "2021. The last heron. In Proceedings of the Invented Conference, pages 1–9.\n"
    )
    refs = _text_refs(tmp_path, text)
    assert [e.text.split(",")[0] for e in refs] == ["Tilda Marsh", "Kofi Oduya", "Anna Zeller"]


def test_given_names_run_to_the_year_and_the_title_follows_it():
    """`Given Family, …, and Given Family. 2020. Title. …`: the names end at the year, the
    sentence after the year is the title, where the tagger cut the names short or read no title."""
    got = fields("Tilda Marsh, Kofi Oduya, Bruno Castellanos, Carla Dunn, Dana Ek, Malakai Ostrowski, Anna Zeller, Ivo Petrov, Lina Sato, Omar Haddad, et al. 2017. Mixed precision training. arXiv preprint arXiv:1710.00001.")
    assert got.get("title") == "Mixed precision training"
    assert got.get("journal") is None
    got = fields("Ilias Marsh, Manos Oduya, Prodromos Castellanakis, Nikolaos Dunnetis, and Ion Zelleropoulos. 2020. Heron-bert: The herons straight out of the river. arXiv preprint arXiv:2010.00001.")
    assert got.get("author", "").endswith("and Zelleropoulos, Ion")
    assert got.get("title") == "Heron-bert: The herons straight out of the river"
    got = fields("Priya OPBROEK, Lisa N. HOWARD and Lars DANN. Structural Complexity I. BioTech. 1980. Vol. 314, p. 287")
    assert got.get("title") == "Structural Complexity I"


def test_words_without_a_name_form_before_the_designation_are_the_title():
    """GOST's page described under its title, `Title (Java SE 17) [Электронный ресурс] // Site.`:
    no initial, no name's comma, no ` / ` before or after the designation: no author."""
    got = fields("HeronMap (Bird Kit 17 & API 17) [Электронный ресурс] // Invented Birds. — URL: https://birds.example.org/heronmap.html (дата посещения: 2.12.2023).")
    assert got.get("author") is None
    assert got.get("title", "").startswith("HeronMap (Bird Kit 17")
    got = fields("List of Herons – Invented Wiki [Электронный ресурс] // Invented Wiki. — URL: https://wiki.example.org/herons (дата посещения: 3.12.2023).")
    assert (got.get("author"), got.get("title")) == (None, "List of Herons – Invented Wiki")
    got = fields("Тильда Марш. Цапли за неделю [Книга] / Тильда Марш. — Издательство: Выдумка, 2018. — 367 с.")
    assert got.get("author") == "Марш, Тильда"
    got = fields("UNHERON. Global heron & stork statistics — 2025 fact sheet [Электронный ресурс]. – Geneva: UNHERON, 2025. – 4 p. – Режим доступа: https://www.unheron.example/facts")
    assert got.get("author") == "UNHERON"  # a body's name in capitals is a name (a guard: main reads it so too)


def test_the_heading_named_again_after_the_slash_is_the_author():
    """`Given I. Family Title [Текст] / Given I. Family — 1-е изд.`: the names the statement of
    responsibility repeats at the entry's start are its author, the rest to the designation its title."""
    got = fields("Kofi P. Oduya Heron Engineering for River Developers [Текст] / Kofi P. Oduya — 1-е изд.. — : , 2005 — 890 c.")
    assert got.get("author") == "Oduya, Kofi P."
    assert got.get("title") == "Heron Engineering for River Developers"


def test_a_site_name_with_a_country_domain_in_capitals_is_one_corporate_author():
    """`Gov.UK. 2019. “Title.”`: a site's name as its author, its country domain in capitals, is
    one corporate name, not a family name and an initial."""
    from exporter.references.fields import family_names

    got = fields("Herons.UK. 2019. “Heron Counts.” Accessed November 23. https://herons.example.uk/counts.")
    assert family_names(got.get("author")) == ["Herons.UK"]


def test_a_quoted_title_runs_to_its_closing_quote():
    """`2014. “Kurtosis as Peakedness, 1905 – 2014. R.I.P.” Journal`: the title is all the
    quoted words, dates and full stops inside the quotes too."""
    got = fields("Marsh, Tilda K. 2014. “Herons as Counters, 1905 – 2014. R.I.P.” The Invented Naturalist 68 (3): 191–95. doi:10.1000/12345.")
    assert got.get("title") == "Herons as Counters, 1905 – 2014. R.I.P"
    assert (got.get("year"), got.get("journal")) == ("2014", "The Invented Naturalist")


def test_a_web_pages_site_after_its_quoted_title_is_the_container():
    """Chicago's web page as Zotero writes it: `“Title.” 2019. Site. Accessed …` and `“Title.”
    Text/html. Site. https://…`: the site is the container; `Accessed …` is none."""
    got = fields("“Heron Fallacy Epidemiology.” 2019. Encyclopedia Inventica. Accessed November 23. https://www.inventica.example/heron-fallacy.")
    assert got.get("journal") == "Encyclopedia Inventica"
    got = fields("heronsite. 2019. “Safe Nests.” Text/html. Heronsite. https://www.heronsite.example/safe-nests.")
    assert got.get("journal") == "Heronsite"
    got = fields("Marsh, Tilda. 2019. “Counting the Herons: What the Numbers Say.” Accessed November 23. https://blog.example.org/herons/.")
    assert got.get("journal") is None
    got = fields("Marsh, Tilda. 2016. “Behind the Herons’ Return: Divisions by River, Season, Weather,” November. https://www.heronresearch.example/2016/11/09/return/.")
    assert got.get("journal") is None  # the page's month is no site


def test_the_other_title_information_ends_at_the_areas_dash_glued_to_its_last_word():
    """`Title [Электронный ресурс]: Other information- Режим доступа: …`: the area's dash typed
    glued to the last word still ends the other title information, which is the title's."""
    got = fields("Herons [Электронный ресурс]: Счёт цапель на реке- Режим доступа: https://herons.example.ru/ (дата обращения: 17.05.2020)")
    assert got.get("title") == "Herons: Счёт цапель на реке"


def test_chicago_book_in_a_series_title_series_publisher():
    """`2016. Title. Invented Election Series. Publisher UK. doi:…`: the series between the title
    and the publisher is neither the title's nor a host's nor the publisher's."""
    got = fields("Marsh, Tilda, and Kofi Oduya. 2016. The Invented Heron Count of 2015. Invented Heron Count Series. Heron Macmillan UK. doi:10.1000/9781137366115.")
    assert got.get("title") == "The Invented Heron Count of 2015"
    assert got.get("publisher") == "Heron Macmillan UK"
    assert got.get("journal") is None and got.get("booktitle") is None


def test_a_justified_entrys_first_line_set_above_its_lone_number_is_that_entrys(tmp_path):
    """pdftotext's text of a justified list whose numbers stand alone: an entry's first line set
    above its number (`Title / [Электронный` / blank / `2.` / blank / `ресурс] // …`), after a line
    that ended the entry before, opens the entry under the number; under the heading too."""
    text = (
        "Цапли\n\nВведение\n\nЦапли считались на реке [1, 2].\n\nСПИСОК ИСПОЛЬЗОВАННЫХ ИСТОЧНИКОВ\n"
        "Марш Т. Счёт цапель на реке: от гнезда до стаи /\n\n1.\n\nМарш Т. [Электронный ресурс] // Цапли : [сайт]. — URL:\n"
        "https://herons.example.ru/counts/ (дата обращения: 22.06.2024).\n"
        "Почему цапли улетают на юг? / [Электронный\n\n2.\n\nресурс] // Цапли : [сайт]. — URL: https://herons.example.ru/south/\n"
        "(дата обращения: 22.06.2024).\n"
    )
    refs = _text_refs(tmp_path, text)
    assert [e.text[:12] for e in refs] == ["Марш Т. Счёт", "Почему цапли"]


def test_the_site_before_its_designation_is_the_container():
    """`Title / I. Family [Электронный ресурс] // HeronOpen : [сайт]. — URL: …`: the name before
    GOST 7.0.100's `[сайт]` is the site, though read as a place."""
    got = fields("Luiz F. C. Heron development life cycle: a systematic review / Luiz F. C. [Электронный ресурс] // HeronOpen : [сайт]. — URL: https://heronopen.example.com/articles/10.1000/s4041 (дата обращения: 22.06.2024).")
    assert got.get("journal") == "HeronOpen"
    assert got.get("address") is None


def test_a_year_the_title_names_is_no_year_and_a_number_after_a_quoted_title_is_its_pages():
    """`The top 10 heron counts of 2022. — Текст: электронный // Site` has no year of its own;
    `“Title,” 4.` closing the entry gives the pages."""
    got = fields("The top 10 heron counts of 2022. — Текст: электронный // Heronsutra: [сайт]. — URL: https://www.heronsutra.example/view/news/287546 (дата обращения: 22.06.2024).")
    assert got.get("year") is None
    got = fields("Marsh, Tilda, and Kofi Oduya. 2017. “Heron Minorities at the 2017 Invented River Count,” 4.")
    assert got.get("pages") == "4"
