"""Conventions read from batch 18's misses (bench/UNSEEN_LISTS.md), each tested on invented entries:
a list number typed inside a word processor's own numbered list, GOST's parallel title after ` = `,
initials closing an author run, a month before the year after the title's full stop, GOST's
publisher in guillemets after the place's colon, a Latin `M.:` typed for Cyrillic `М.:`."""

from __future__ import annotations

import pytest

from exporter.references.fields import family_names, parse_entry
from helpers import entry_fields as fields


@pytest.mark.parametrize(
    "number, entry",
    [
        ("4. ", "Грег Хилл Применение шаблонов в проектировании программ. — М.: Вильямс, 2008. — С. 512."),
        ("2. ", "Стив Бронский Надёжный код. Практическое руководство. — М.: Русская редакция, 2010. — 896 с."),
        ("[12] ", "Грег Хилл Применение шаблонов в проектировании программ. — М.: Вильямс, 2008. — С. 512."),
    ],
)
def test_a_list_number_left_at_the_start_of_an_entry_is_no_part_of_it(number, entry):
    """`3. Марк Гранд Шаблоны …` in Word's item 3 (printed `3. 3. Марк Гранд …`): the typed number
    is read apart, so the entry reads as it does without it (the tagger took the names for the
    title's words when it saw the number before them)."""
    assert fields(number + entry) == fields(entry)


def test_a_typed_list_number_before_given_family_names():
    f = fields("4. Грег Хилл Применение шаблонов в проектировании программ. — М.: Вильямс, 2008. — С. 512.")
    assert family_names(f["author"]) == ["Хилл"]
    assert f["title"] == "Применение шаблонов в проектировании программ"


def test_gost_parallel_title_after_an_equals_sign_is_no_part_of_the_title():
    """GOST 7.1's `Title proper = Parallel title` (the title in another language): the title is the
    title proper, the parallel title its addon."""
    f = fields("Ремизова Я. Основы программирования = Programming Basics: A First Course. — М.: Вильямс, 2016. — 400 с.")
    assert f["title"] == "Основы программирования"
    assert f["titleaddon"] == "Programming Basics: A First Course"
    assert f["publisher"] == "Вильямс"
    g = fields("Smith J. Fast Fourier methods = Быстрые методы Фурье. — Berlin: Springer, 2001.")
    assert g["title"] == "Fast Fourier methods"


@pytest.mark.parametrize(
    "entry",
    [
        "Smith J. Solving x = Ax + b in sparse form. SIAM J. Matrix Anal. 2001;5:1-10.",
        "Петров А. Уравнение a = b в конечных группах. — М.: Наука, 2001. — 120 с.",
    ],
)
def test_an_equals_sign_inside_a_title_of_one_script_stays(entry):
    """An equation is no parallel title: the sides are not a title in each of two scripts."""
    assert " = " in fields(entry)["title"]


@pytest.mark.parametrize(
    "entry, families, title",
    [
        ("А. Б. Петров, В. Г. Сидоров, Дж. Смит Методы оптимизации в экономике. — М.: Наука, 2003. — 210 с.", ["Петров", "Сидоров", "Смит"], "Методы оптимизации в экономике"),
        ("Е. Иванова, Дж. Браун Теория графов и её приложения. — СПб.: Питер, 2012. — 180 с.", ["Иванова", "Браун"], "Теория графов и её приложения"),
    ],
)
def test_initials_closing_an_author_run_take_the_family_name_after_them(entry, families, title):
    """In an initials-first list every name's initials come before its family name, so an author
    run that ends on initials (`…, Дж. Смит Методы …`: the last name printed without its comma)
    goes on to the capitalised word after them."""
    f = fields(entry)
    assert family_names(f["author"]) == families
    assert f["title"] == title


@pytest.mark.parametrize("month", ["Май", "Октябрь"])
def test_a_month_before_the_year_after_the_titles_full_stop_is_the_date(month):
    """`Title. Май 2014. URL: …` (biblatex's date in the list's language after an English title):
    the month is the date's, never the title's last word nor a journal."""
    f = fields(f"Helen Black. Why Facebook Doesn’t Move Fast Anymore. {month} 2014. URL: https://example.org/teams")
    assert f["title"] == "Why Facebook Doesn’t Move Fast Anymore"
    assert f["year"] == "2014"
    g = fields(f"Helen Black. Mark Twain Explains Why Teams Fail. {month} 2019. URL: https : / / www . example.org/teams-2019.")
    assert "journal" not in g
    assert g["title"] == "Mark Twain Explains Why Teams Fail"


def test_a_quoted_publisher_after_the_places_colon():
    """GOST's `— М.: «Новое знание», 2004.`: the words in guillemets between the place's colon and
    the year are the publisher (the tagger read them as the title's)."""
    f = fields("Хилл Г. Применение шаблонов на практике. — М.: «Новое знание», 2004. — С. 560.")
    assert f["publisher"] == "«Новое знание»" or f["publisher"] == "Новое знание"
    assert f["title"] == "Применение шаблонов на практике"


def test_a_latin_m_typed_for_moscow_in_a_cyrillic_entry():
    """`— M.: Новое знание, 2004. — C. 560.` typed with Latin `M` and `C`: read as GOST's `М.:` and
    `С.` (the tagger learned the Cyrillic marks); an English entry's `M.` stays an initial."""
    f = fields("Хилл Г. Применение шаблонов = Applying Patterns in Practice. — M.: «Новое знание», 2004. — C. 560.")
    assert f["publisher"].strip("«»") == "Новое знание"
    assert f["pages"] == "560"
    g = fields("Duckett J. HTML and CSS. Design and build websites, trans. by M. A. Reitman. Wiley, 2011.")
    assert family_names(g["author"]) == ["Duckett"]


def test_words_read_with_the_editors_before_their_role_mark_are_the_hosts():
    """biblatex's Russian `В: Host. Под ред. I. Family …`: the editors' statement opens with its
    role, so `Methods.` read among the editors before `Под ред.` is the host's last word."""
    f = fields("Анна Иванова. “Fast sorting in practice”. В: Applied Algorithm Methods. Под ред. John Smith и Anna Brown. Cham: Springer International Publishing, 2015, с. 3—11.")
    assert f["booktitle"] == "Applied Algorithm Methods"


@pytest.mark.parametrize("prefix", ["Helen Black и Paul Green", "Helen Black and Paul Green"])
def test_biblatex_volume_and_number_before_the_bracketed_year(prefix):
    """biblatex's standard `Journal 2.1 (1973)`: volume 2, number 1, never the journal's or a page."""
    f = fields(f"{prefix}. “Balanced search trees”. В: SIAM journal on Algorithms 2.1 (1973), с. 33—43.")
    assert f["journal"] == "SIAM journal on Algorithms"
    assert f["volume"] == "2"
    assert f["pages"] == "33—43"


# Batch 19's classes (read after its first run was kept).


@pytest.mark.parametrize(
    "entry, title",
    [
        ("Основы теории кодов: Учебное пособие. 2-е изд. – М.: Наука, 2003. – 210 с. Петров А.П., Смирнов Б.В.", "Основы теории кодов"),
        ("Безопасность сетей. Учебное пособие, 2015. Петров А.П., Смирнов Б.В.", "Безопасность сетей"),
    ],
)
def test_the_kind_of_work_closing_the_title_is_its_type(entry, title):
    """GOST's kind of work after the title proper (`: Учебное пособие`, `. Учебное пособие,`),
    capitalised as students print it, is the work's type: no part of the title, no host."""
    f = fields(entry)
    assert f["title"] == title
    assert f["type"].lower() == "учебное пособие"
    assert "booktitle" not in f and "journal" not in f


def test_no_name_follows_et_al():
    """`Smith J. et al. Zebra: A fast tool …`: `et al.` (`и др.`) closes the names, so the word
    after it, closed by a colon, is the title's first part, never one more author."""
    f = fields("Smith J. et al. Zebra: A fast tool for genome assembly //Bioinformatics. – 2019. – Т. 35. – №. 2. – С. 1-10.")
    assert family_names(f["author"]) == ["Smith", "others"] or family_names(f["author"]) == ["Smith"]
    assert f["title"] == "Zebra: A fast tool for genome assembly"


def test_the_area_dash_ends_the_host_before_the_publisher():
    """Google Scholar's GOST `//Host: Proceedings. – Springer, 2013. – С. 6-10.`: the words before
    the area's dash are the host's, not the publisher's."""
    f = fields("Petrov A. Fast codes for channels //Advances in Coding 2013: Proceedings. – Springer, 2013. – С. 6-10.")
    assert f["publisher"] == "Springer"
    assert f["booktitle"] == "Advances in Coding 2013: Proceedings"


@pytest.mark.parametrize("word", ["Веб-сайт", "Сайт", "Website"])
def test_the_kind_of_resource_alone_before_an_address_is_no_title(word):
    """`Веб-сайт https://…` (a bare address with the word for what it is): no title."""
    f = fields(f"{word} https://example.org/blog/123/")
    assert "title" not in f
    assert f["url"] == "https://example.org/blog/123/"


def test_one_word_closed_by_a_colon_after_a_family_first_name_with_its_comma():
    """`Petrov V., Kotlin: The practice …`: the comma after the initials leaves no doubt of the
    name's form (family first), so a capitalised word after it closed by a colon, right before the
    title, is the title's first part, never a second author."""
    f = fields("Petrov V., Kotlin: The practice of writing mobile apps. St. Petersburg, Piter Publ., 523 p., 2016.")
    assert family_names(f["author"]) == ["Petrov"]
    assert f["title"] == "Kotlin: The practice of writing mobile apps"


@pytest.mark.parametrize(
    "entry, place, publisher",
    [
        ("Petrov V., Kotlin in practice. St. Petersburg, BHV-Petersburg, 523 p., 2019 (in Russian)", "St. Petersburg", "BHV-Petersburg"),
        ("Orlov P., Rust in practice. St. Petersburg, DMK-Press, 448 p., 2021 (in Russian)", "St. Petersburg", "DMK-Press"),
    ],
)
def test_a_publisher_read_as_the_places_last_comma_part(entry, place, publisher):
    """`City, Publisher, 523 p., 2019` read whole as the place: in a book's imprint (its page count
    printed) a last comma part naming no place (no city, country or code) after a city is the
    publisher."""
    f = fields(entry)
    assert f["address"] == place
    assert f["publisher"] == publisher


@pytest.mark.parametrize("entry", ["Petrov V. Kotlin in practice. Berlin, Germany, 2019. 320 p.", "Petrov V. Kotlin in practice. Cambridge, MA, 2019. 320 p."])
def test_a_country_or_state_after_the_city_stays_in_the_place(entry):
    assert "publisher" not in fields(entry) or fields(entry)["publisher"] not in ("Germany", "MA")


def test_a_roman_numbered_parts_name_inside_a_word_list_belongs_to_no_entry(tmp_path):
    """GOST R 7.0.100 lists in parts under roman-numbered names (`II. Учебная и научная
    литература`, `IV. Отчётность и внутренние документы ООО «Ромашка»`), typed as unnumbered
    bold paragraphs between Word-numbered entries: no entry, and no part of the entry before."""
    import docx
    from docx_samples import save

    from exporter.pipeline import read_and_link

    d = docx.Document()
    d.add_paragraph("Текст со ссылками [1], [2] и [3].")
    d.add_paragraph("Список использованных источников")
    d.add_paragraph("I. Нормативные правовые акты").runs[0].bold = True
    d.add_paragraph("Федеральный закон от 01.02.2003 № 10-ФЗ «О примерах» (с изм.).", style="List Number")
    d.add_paragraph("II. Учебная и научная литература").runs[0].bold = True
    d.add_paragraph("Петров П. П. Базы данных / П. П. Петров. — СПб.: Питер, 2012.", style="List Number")
    d.add_paragraph("IV. Отчётность и внутренние документы ООО «Ромашка»").runs[0].bold = True
    d.add_paragraph("Годовой отчёт ООО «Ромашка» за 2020 г.", style="List Number")
    texts = [e.text for e in read_and_link(str(save(d, tmp_path / "parts.docx"))).document.references]
    assert texts == [
        "Федеральный закон от 01.02.2003 № 10-ФЗ «О примерах» (с изм.).",
        "Петров П. П. Базы данных / П. П. Петров. — СПб.: Питер, 2012.",
        "Годовой отчёт ООО «Ромашка» за 2020 г.",
    ]


@pytest.mark.parametrize("line", ["I. Goodfellow, Y. Bengio, A. Courville. Deep learning sources", "Материалы сайта «Хабр»", "II. Материалы конференции «Наука» 2019"])
def test_lines_that_are_no_numbered_part_name(line):
    from exporter.references.ownlist import is_numbered_list_part

    assert not is_numbered_list_part(line)


def test_a_laws_amendment_note_is_no_publisher():
    """`Федеральный закон от … «Name» (с изм.).`: the bracket says the act is cited with its
    amendments (`(с изм.)`, `(с изм. и доп.)`, `(ред. от …)`): a note, never the publisher nor
    the title's."""
    f = fields("Федеральный закон от 12.03.2004 № 15-ФЗ «О примерных договорах» (с изм.).")
    assert f["title"] == "О примерных договорах"
    assert f["year"] == "2004"
    assert "publisher" not in f


@pytest.mark.parametrize(
    "entry, year",
    [
        ("Письмо Министерства финансов от 11.05.2015 № 03-04/1123 «О порядке учёта расходов».", "2015"),
        ("Положение Министерства финансов «О порядке учёта расходов» от 11.05.2015 № 34-П.", "2015"),
    ],
)
def test_a_regulators_letter_or_regulation_is_read_as_a_legal_act(entry, year):
    """A regulator's letter or regulation (`Письмо …`, `Положение …`, its date and number before
    or after the quoted name): the quoted name is the title, the date's year the year."""
    f = fields(entry)
    assert f["title"] == "О порядке учёта расходов"
    assert f["year"] == year
