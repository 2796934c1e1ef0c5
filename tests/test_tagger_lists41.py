"""Conventions read from batch 27's misses (bench/UNSEEN_LISTS.md), each tested on invented entries
or invented lists."""

from __future__ import annotations

from exporter.references.ownlist import is_reference_heading
from helpers import entry_fields as fields, linked_word_file as _word_file


def test_a_list_of_literature_and_links_is_headed_so():
    """`Список литературы и ссылок` (and `… и интернет-ресурсов`) heads a list."""
    assert is_reference_heading("Список литературы и ссылок")
    assert is_reference_heading("Список литературы и интернет-ресурсов")
    assert not is_reference_heading("Список литературы и ссылок на сайты коллег, которые помогли")


_BODY = "Работа описывает выдуманную систему учёта ульев и её испытания на пасеке в течение трёх сезонов. " * 6


def test_a_heading_in_a_list_of_the_papers_parts_does_not_open_the_list(tmp_path):
    """An assignment page names the report's parts, the list among them in other words than its
    own heading: the list stands under the heading near the end of the text."""
    paragraphs = [
        "ОТЧЁТ О ПРАКТИКЕ",
        "Содержание работы:",
        "Введение",
        "1 Обзор ульев",
        "Заключение",
        "Список используемых источников",
        "Приложение А",
        "1. Подготовить материалы по теме работы.",
        "2. Разработать программу учёта ульев.",
        "Введение",
        *[_BODY] * 8,
        "Список использованных источников",
        "1. Пчелкин И. И. Выдуманные ульи. – М.: Пасека, 2010. – 120 с.",
        "2. Медова А. А. Учёт пчёл // Вестник пчеловода. – 2015. – № 3. – С. 10–14.",
    ]
    refs = _word_file(tmp_path, paragraphs).document.references
    assert [e.text[:7] for e in refs] == ["Пчелкин", "Медова "]


def test_a_hosts_unbracketed_designation_is_no_part_of_its_name():
    """`// Пчеловодство: сайт.`, `// Journal: электронный журнал. – Дата публикации: 2019.`"""
    assert fields("Улей // Пчеловодство: сайт. – URL: https://bees.example.org/hive (дата обращения: 01.02.2023)").get("journal") == "Пчеловодство"
    got = fields("Counting Bees in Hives / A. Honey, B. Comb // Journal of Invented Apiculture: электронный журнал. – Дата публикации: 2019.")
    assert got.get("journal") == "Journal of Invented Apiculture"


def test_the_title_before_the_slash_and_latin_initials_after_it():
    """`Title / N. Family, P. Family // Host`: the title, then the authors."""
    got = fields("Counting Bees in Hives / A. Honey, B. Comb // Journal of Invented Apiculture: электронный журнал. – Дата публикации: 2019.")
    assert got.get("title") == "Counting Bees in Hives"
    assert got.get("author", "").startswith("Honey, A.")


def test_a_site_named_after_the_medium_without_a_double_slash():
    """`Title [Электронный ресурс] Пасечник. Энциклопедия. – URL: …`: the site is the container."""
    got = fields("Учёт выдуманных ульев на пасеке [Электронный ресурс] Пасечник. Энциклопедия. – URL: https://bees.example.org/uchet (дата обращения: 03.11.2022)")
    assert got.get("journal") == "Пасечник. Энциклопедия"
    assert got.get("title") == "Учёт выдуманных ульев на пасеке"


def test_an_edition_statement_closing_a_quoted_title_is_the_edition():
    """`И. Пчелкин «Title. Издание 3-е, стереотипное» - 2019г.`"""
    got = fields("И. И. Пчелкин «Выдуманные ульи. Практическое пособие. Издание 3-е, стереотипное» - 2019г.")
    assert got.get("title") == "Выдуманные ульи. Практическое пособие"
    assert got.get("edition", "").startswith("Издание 3")


def test_the_number_of_volumes_closes_no_title():
    """`Title: в 2 - х кн. Кн. 2 / Под ред. …`"""
    got = fields("Справочник по выдуманным ульям: в 2 - х кн. Кн. 2 / Под ред. И. И. Пчелкина. - М.: Пасека, 1988. - 488 с.")
    assert got.get("title") == "Справочник по выдуманным ульям"


def test_a_place_of_two_words_joined_by_na():
    """`Ростов на Дону: Publisher, 2005` (without the hyphens): one place."""
    got = fields("Пчелкин И.И. Выдуманные ульи / Пчелкин И.И., Медова А.А. - Ростов на Дону: Пасека, 2005. - 880 с.")
    assert got.get("address") == "Ростов на Дону"
    assert got.get("publisher") == "Пасека"
    assert "booktitle" not in got


def test_an_article_id_and_a_page_count():
    """Hindawi's `Journal Volume 2016, Article ID 8046529, 7 pages.`"""
    got = fields("Anna Honey and Ben Comb, “Counting Invented Bees at Night”, Journal of Invented Sensors Volume 2016, Article ID 1234567, 7 pages.")
    assert got.get("pages") == "1234567"
    assert got.get("volume") == "2016"


def test_a_patent_has_no_host_nor_volume():
    """`“Title,” US Pat. № 4 962 359, Sept.10, 1990.`"""
    got = fields("Anna B. Honey “Invented hive scale with a counter,” US Pat. № 4 123 456, Sept.10, 1990.")
    assert "booktitle" not in got and "journal" not in got and "volume" not in got
    assert got.get("year") == "1990"


def test_a_quoted_word_inside_an_apa_title():
    """`(2008). Concerns about “bees” in hives. J. Inv. Apic., 12(3), 45.`"""
    got = fields("Honey, A. B. (2008). Concerns about measuring “honey” in hives. J. Inv. Apic., 12(3), 45.")
    assert got.get("title") == "Concerns about measuring “honey” in hives"
    assert got.get("journal") == "J. Inv. Apic."


def test_a_journal_named_with_its_place_in_brackets():
    """PubMed's `Sensors (Basel, Switzerland)` after a title's full stop or its closing quote."""
    got = fields("Honey, Anna & Comb, Ben. (2019). Invented Bees Counted at Night. Sensors (Basel, Switzerland). 20. 10.3390/s20000001.")
    assert got.get("title") == "Invented Bees Counted at Night"
    assert got.get("journal") == "Sensors (Basel, Switzerland)"
    assert "address" not in got
    got = fields("Honey, Anna et al. “Invented Bees Counted at Night.”, Sensors (Basel, Switzerland) vol. 17,10 2199. 24 Sep. 2017, doi:10.3390/s17100001.")
    assert got.get("journal") == "Sensors (Basel, Switzerland)"
    assert got.get("title") == "Invented Bees Counted at Night"


def test_google_scholars_names_after_the_title():
    """`Title. C Honey, M Comb - Journal, 2000.`: the names are the authors."""
    got = fields("Counting Invented Bees. C Honey, M Comb - Journal of Invented Apiculture, 2000.")
    assert got.get("title") == "Counting Invented Bees"
    assert got.get("author", "").startswith("Honey, C")


def test_every_name_of_the_responsibility_before_the_double_slash():
    """`Title / N. Honey, P. Comb, J. Drone, S. Wax // Host`: the last author too."""
    got = fields("Deep Counting for Invented Hive Playing / N. Honey, P. Comb, J. Drone, S. Wax // IEEE Transactions on Bees: электронный журнал. – Дата публикации: 2019.")
    assert got.get("author") == "Honey, N. and Comb, P. and Drone, J. and Wax, S."
    assert got.get("title") == "Deep Counting for Invented Hive Playing"


def test_a_school_named_in_guillemets_after_its_legal_form():
    """`– Екатеринбург: ФГАОУ ВО «Выдуманный университет», 2020`: the whole name publishes."""
    got = fields("Пчелкин И. И. Анализ выдуманных ульев. – Екатеринбург: ФГАОУ ВО «Выдуманный пчеловодческий университет», 2020")
    assert got.get("publisher") == "ФГАОУ ВО «Выдуманный пчеловодческий университет»"


def test_an_issues_part_before_the_pages_is_no_page():
    """`(in Russian), Journal, 2011, №2 (24), P.1., pp. 219-222.`"""
    got = fields("Honey, A.B. “Counting invented bees,” (in Russian), Vestnik Invented Apiculture, 2011, №2 (24), P.1., pp. 219-222.")
    assert got.get("pages") == "219-222"


def test_an_edition_after_a_quoted_name_and_a_year_with_its_letter():
    """`«Title "Улей 8". Издание 2, стереотипное» - 2019г.`: the edition, the year, no host, no pages."""
    got = fields('И. И. Пчелкин, А. А. Медова «Учёт выдуманных ульев на платформе "Улей 8". Издание 2, стереотипное» - 2019г.')
    assert got.get("year") == "2019"
    assert "pages" not in got and "journal" not in got
    assert got.get("edition", "").startswith("Издание 2")
    assert got.get("title") == 'Учёт выдуманных ульев на платформе "Улей 8"'


def test_the_heading_name_before_the_title_stays_the_first_author():
    """`Family I.I. Title / I.I. Other, I.I. Family // Host`: the heading's name is the first author,
    whatever the order after the slash."""
    got = fields("Медова А.А. Учёт выдуманных ульев / И.И. Пчелкин, А.А. Медова // Вестник пчеловода. — 2018. — №11 (52).")
    assert got.get("author", "").startswith("Медова")
