"""Conventions read from batch 23's misses (bench/UNSEEN_LISTS.md), each tested on invented entries
or invented lists: a number and a tab typed before a Word paragraph's text is its list number
(citeproc's numeric styles as pandoc writes them to Word); in a text list numbered in one mark
(`1)`), a number in another mark (`10.`) at a line's start opens no entry."""

from __future__ import annotations

import pytest
from helpers import entry_fields as fields


def test_a_number_and_a_tab_before_a_word_paragraph_is_its_list_number(tmp_path):
    """pandoc's Word output of a numeric CSL style (Vancouver, BMJ, AMA) types each entry's number
    and a tab before its text (`1<tab>Family AB, …`), with no Word numbering: the number is the
    entry's label, no part of its text (it was read as the pages or the title's first word)."""
    import docx
    from docx_samples import save

    from exporter.pipeline import read_and_link

    d = docx.Document()
    d.add_paragraph("Body text citing [1] and [2].")
    d.add_paragraph("References", style="Heading 1")
    d.add_paragraph("1 \tKowalczyk P, Brandt O, et al. Sleep and memory in older adults. Journal of Invented Studies 2015;12:101–9.")
    d.add_paragraph("2\tNordic Modelling Group. Tool: a program for modelling. Published Online First: 2020.")
    refs = read_and_link(str(save(d, tmp_path / "tabbed.docx"))).document.references
    assert [e.text for e in refs] == [
        "Kowalczyk P, Brandt O, et al. Sleep and memory in older adults. Journal of Invented Studies 2015;12:101–9.",
        "Nordic Modelling Group. Tool: a program for modelling. Published Online First: 2020.",
    ]
    assert [e.number for e in refs] == [1, 2]


def test_a_number_in_another_mark_inside_a_paren_numbered_text_list_opens_no_entry(tmp_path):
    """pdftotext sets a justified entry's words each on its own line (`№` / `10.` / `—` / `С.`): in
    a list numbered `1)`, `2)`, … a line `10.` goes on with the entry (the issue's number), even
    when 10 is the next entry's number."""
    from exporter.pipeline import read_and_link

    items = [f"{n}) Иванов И. И. Статья номер {n} // Вестник науки. — 2015. — № 3. — С. 1-9." for n in range(1, 10)]
    items[8] = "9) Сидоров С. С. Статья / С. С. Сидоров // Молодой учёный. — 2015. — №\n\n10.\n\n—\n\nС.\n\n6-9."
    items.append("10) Петров П. П. Другая статья // Юный учёный. — 2016. — № 6. — С. 40-41.")
    text = "Текст [1-10].\n\nСписок литературы\n" + "\n".join(items) + "\n"
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    refs = read_and_link(str(path)).document.references
    assert [e.number for e in refs] == list(range(1, 11))
    assert refs[8].text.endswith("С. 6-9.")
    assert refs[9].text.startswith("Петров")


@pytest.mark.parametrize(
    "entry, container",
    [
        ("Marsh, T. and Oduya, K. (2019) Rivers we remember. Journal of Invented Hydrology [Online], 12 (3), pp. 45–67. Available from: <https://example.org/a> [Accessed 2 May 2020].", "Journal of Invented Hydrology"),
        ("Lind, P. (2008) Small towns at night. Urban Studies Review [online], 4 (1), pp. 1–20.", "Urban Studies Review"),
    ],
)
def test_harvards_online_mark_after_the_journal_is_no_part_of_its_name(entry, container):
    """Leeds Beckett's and other UK Harvard guides mark an online journal `Journal [Online], 12 (3)`:
    `[Online]` is the medium's designation, no part of the journal's name."""
    assert fields(entry)["journal"] == container


@pytest.mark.parametrize(
    "entry, author, title",
    [
        ("Gardenly.com (n.d.) Growing tomatoes indoors [Online]. Gardenly.com. Available from: <https://gardenly.com/tomatoes> [Accessed 3 April 2026].", "{Gardenly.com}", "Growing tomatoes indoors"),
        ("Shopfinder.net (2019) A survey of shoppers [Online]. Shopfinder.net. Available from: <https://shopfinder.net/s.pdf> [Accessed 22 December 2025].", "{Shopfinder.net}", "A survey of shoppers"),
        ("Europol (n.d.) Joint investigation teams [Online]. Europol. Available from: <https://www.europol.europa.eu/jit> [Accessed 14 May 2026].", "Europol", "Joint investigation teams"),
        ("Brandt (n.d.) “Pearson’s correlation” Brandt Statistics. Retrieved 27/12/2013 from https://stats.example.com/p", "Brandt", None),
    ],
)
def test_a_body_or_site_before_the_bracketed_date_is_the_author(entry, author, title):
    """Harvard's `Author (Year) Title`: the words before the bracketed year or `(n.d.)` (no date,
    with or without a full stop after it) are the authors, also one word or a site's name
    (`Name.com`, one corporate name) that the tagger read as a host or an address."""
    f = fields(entry)
    assert f.get("author") == author
    assert "year" not in f or f["year"] == "2019"
    if title:
        assert f["title"] == title


@pytest.mark.parametrize(
    "entry, year, title, host",
    [
        ("Okoro, T. and Lind, B. (2016/9/12-2016/9/14) Routing in mesh networks. In: 2016 International Conference on Invented Networks, 2016/9/12-2016/9/14. IEEE.", "2016", "Routing in mesh networks", "2016 International Conference on Invented Networks"),
        ("Sato, K. (2021/03/02) Notes on lattices. In: Proceedings of the Invented Workshop, 2021/03/02. Springer, pp. 1–9.", "2021", "Notes on lattices", "Proceedings of the Invented Workshop"),
    ],
)
def test_a_year_first_date_or_range_in_the_years_brackets_is_the_date(entry, year, title, host):
    """A reference manager's Harvard prints a meeting's dates year first (`(2016/9/12-2016/9/14)`)
    where the year stands, and again after the proceedings' name: the first year is the year,
    the brackets no part of the title, and the dates after the host's name no part of it."""
    f = fields(entry)
    assert (f.get("year"), f.get("title"), f.get("booktitle")) == (year, title, host)


@pytest.mark.parametrize(
    "entry, title, host",
    [
        ("Park, J (July 26, 2013) “Bees learn to count to four in a maze” Boston Herald. Retrieved 11/12/2013 from http://www.example.com/bees", "Bees learn to count to four in a maze", "Boston Herald"),
        ("Lowe (n.d.) “Kendall’s Tau Explained Simply” Lowe Statistics. Retrieved 27/12/2013 from https://stats.example.org/k", "Kendall’s Tau Explained Simply", "Lowe Statistics"),
        ("Ward, R (2005) “The Long Quiet: Notes on Remote Islands” Harbour Books, United Kingdom.", "The Long Quiet: Notes on Remote Islands", None),
    ],
)
def test_a_quote_after_the_date_closed_with_no_mark_still_ends_the_title(entry, title, host):
    """A home-made Harvard quotes the title right after the bracketed date and closes the quote
    with no full stop (`(2013) “Title” Boston Herald. Retrieved …`): the title ends at the quote;
    a short capitalised element after it is no part of it."""
    f = fields(entry)
    assert f["title"] == title
    if host:
        assert (f.get("journal") or f.get("booktitle")) == host


def test_scare_quotes_at_a_titles_start_stay_in_the_title():
    """Two quoted words opening a title (`“Poor man’s” TeX for beginners`) are scare quotes."""
    assert "beginners" in fields("Smith, J. (2010) “Poor man’s” TeX for beginners. Journal of Typesetting 3(2), 1-10.")["title"]


@pytest.mark.parametrize(
    "entry, title, volume",
    [
        ("Айвазов С. А. Прикладная статистика. Основы эконометрики. Том 1. - 2-е изд. - М.: Юнити, 2001. - 432 с.", "Прикладная статистика. Основы эконометрики", "1"),
        ("Петров П. П. Теория чисел. Том 2. – 3-е изд. – М.: Наука, 2005. – 400 с.", "Теория чисел", "2"),
        ("Kowalski J. Linear algebra for engineers. Vol. 3. Berlin: Springer, 2001. 210 p.", "Linear algebra for engineers", "3"),
    ],
)
def test_a_books_volume_closing_its_title_is_the_volume(entry, title, volume):
    """`Title. Том 1. – 2-е изд.`: a volume mark and its number after the title's full stop are
    the book's volume, no part of its title."""
    f = fields(entry)
    assert (f["title"], f.get("volume")) == (title, volume)


@pytest.mark.parametrize(
    "entry, editor, title",
    [
        ("Moreau JPT, Lind J, Okafor C, et al., editors. Handbook for invented reviews version 2.1. Cochrane 2020.", "Moreau, JPT and Lind, J and Okafor, C and others", "Handbook for invented reviews version 2.1"),
        ("Moreau J, Lind J, eds. Handbook for invented reviews. 2nd ed. London: Invented Press; 2019.", "Moreau, J and Lind, J", "Handbook for invented reviews"),
        ("Moreau JPT, Lind J, editors. Handbook for invented reviews. London: Invented Press; 2019.", "Moreau, JPT and Lind, J", "Handbook for invented reviews"),
    ],
)
def test_names_closed_by_the_editors_role_word_are_the_editors(entry, editor, title):
    """Vancouver's and BMJ's edited book cited whole: `Family AB, Family C, et al., editors. Title.`
    names its editors first; they are no authors, and the words after the role word the title."""
    f = fields(entry)
    assert "author" not in f
    assert f["editor"] == editor
    assert f["title"].startswith(title)


@pytest.mark.parametrize(
    "entry, publisher",
    [
        ("Banda, R. (2025) The Kernel, an Overview. In: Building Secure Systems. Cham: Springer Nature Switzerland, pp. 19–106.", "Springer Nature Switzerland"),
        ("Cho, J. (2012) Analysis of browsers. In: Lecture Notes in Invented Engineering. Dordrecht: Springer Netherlands, pp. 207–214.", "Springer Netherlands"),
    ],
)
def test_a_country_joined_to_the_publishers_name_is_the_names(entry, publisher):
    """After the place's colon the publisher's name runs to its comma: a national imprint's
    country (`Springer Nature Switzerland,`) is part of the name, not a second place."""
    assert fields(entry)["publisher"] == publisher


def test_a_country_after_the_publishers_comma_stays_a_place():
    assert fields("Petrov V. Kotlin in practice. Berlin: Springer, Germany, 2019. 320 p.")["publisher"] == "Springer"


def test_the_words_before_harvards_online_mark_are_the_journal_in_any_case():
    """`(2007) Title. annals of broadcasting - annales de la radiodiffusion [Online], 62 (3–4), pp.`:
    with no host read, the words after the title's last full stop up to `[Online],` and the
    volume are the journal's name, printed in lower case as it is."""
    f = fields("Lambert, T. and Osei, K. (2007) Radio 2.0: Early Listeners, Early Habits. annals of broadcasting - annales de la radiodiffusion [Online], 62 (3–4), pp. 283–304. Available from: <https://doi.org/10.1000/x>.")
    assert f["title"] == "Radio 2.0: Early Listeners, Early Habits"
    assert f["journal"] == "annals of broadcasting - annales de la radiodiffusion"


@pytest.mark.parametrize(
    "entry, author",
    [
        ("Фант мл., Г., Лильенкрантс, Й. (1985). Анализ речи.", "Фант, мл, Г. and Лильенкрантс, Й."),
        ("Smith Jr., J. and Lee, K. (1985). Speech analysis.", "Smith, Jr, J. and Lee, K."),
        ("Knapp FF Jr, Mirzadeh S. Reactor-made isotopes. Clin Invented Res. 1999;5:1-9.", "Knapp, FF and Mirzadeh, S."),
    ],
)
def test_a_generational_suffix_stays_with_its_family_name(entry, author):
    """`Smith Jr., J.`, `Фант мл., Г.`: the suffix after a family name, before the comma of
    `Family, Given`, is part of that name (BibTeX's `Family, Jr, Given`), no name of its own;
    after Vancouver's initials (`Knapp FF Jr,`) it is left out, the name `Knapp FF`."""
    from exporter.references.fields import family_names

    f = fields(entry)
    assert f["author"] == author
    assert family_names(f["author"])[0] in ("Фант", "Smith", "Knapp")


@pytest.mark.parametrize(
    "entry, title, year",
    [
        ("Nordic Modelling Group. Tool: a program for modelling. Published Online First: 2020.https://www.example.org/", "Tool: a program for modelling", "2020"),
        ("Lind J, Okafor C. How to model rivers: A practical tutorial. Published Online First: 2019.", "How to model rivers: A practical tutorial", "2019"),
    ],
)
def test_published_online_first_is_no_title_or_journal(entry, title, year):
    """BMJ's `Title. Published Online First: 2020.`: the words introduce the date; they are no
    part of the title and no journal."""
    f = fields(entry)
    assert (f["title"], f.get("year"), f.get("journal")) == (title, year, None)


def test_a_page_mark_closing_a_line_waits_for_its_number(tmp_path):
    """The last entry of a justified list, its words each on a line of its own in pdftotext's text
    (`— С.` / blank / `40-41.`): a page mark closing a line is no entry's end; its number on the
    next line is the entry's, not left out of the list."""
    from exporter.pipeline import read_and_link

    items = [f"{n}) Иванов И. И. Статья номер {n} // Вестник науки. — 2015. — № 3. — С. 1-9." for n in range(1, 4)]
    items.append("4) Петров П. П. Другая статья // Юный учёный. — 2016. — № 6. — С.\n\n40-41.\n\nhttps://example.org/a (дата обращения: 14.03.2023).\n")
    path = tmp_path / "paper.txt"
    path.write_text("Текст [1-4].\n\nСписок литературы\n" + "\n".join(items), encoding="utf-8")
    refs = read_and_link(str(path)).document.references
    assert len(refs) == 4
    assert "С. 40-41." in refs[3].text


def test_a_bracketed_word_before_the_title_opens_the_title():
    """`Family, I. I. [Антикейс] Title / I. I. Family.`: a site's rubric in square brackets after
    the names opens the title as printed; it is no name, and the title keeps its brackets."""
    f = fields("Соколов, П. В. [Антикейс] Прогнозирование спроса на воду с помощью deep learning (опыт) / П. В. Соколов. — Текст : электронный // Хабр : [сайт]. — URL: https://habr.com/ru/articles/5/ (дата обращения: 29.04.2023).")
    assert f["author"] == "Соколов, П. В."
    assert f["title"] == "[Антикейс] Прогнозирование спроса на воду с помощью deep learning (опыт)"
