"""Conventions read from batch 21's misses (bench/UNSEEN_LISTS.md), each tested on invented entries:
a standard's date of coming into force is no year of the work; GOST's publisher after the place's
colon keeps a firm's legal form with its quoted name; a publisher printed alone after the area's
dash before the year (no place)."""

from __future__ import annotations

import pytest
from helpers import entry_fields as fields


@pytest.mark.parametrize(
    "entry, year, publisher",
    [
        ("ГОСТ 2.105-95 ЕСКД. Общие требования к текстовым документам. – Введ. 1996-07-01. – М.: Изд-во стандартов, 1995. – 36 с.", "1995", "Изд-во стандартов"),
        ("ГОСТ 7.32-2001 СИБИД. Отчёт о научно-исследовательской работе. – Введ. 2002-07-01. – Минск: Межгос. совет по стандартизации, 2001. – 18 с.", "2001", None),
        ("ГОСТ Р 52872-2019 Интернет-ресурсы. Требования доступности. – Введ. 01.04.2020. – М.: Стандартинформ, 2019. – 32 с.", "2019", "Стандартинформ"),
        ("ГОСТ 34.601-90. Автоматизированные системы. Стадии создания. – Введ. впервые 1992-01-01. – М.: Стандартинформ, 2009. – 6 с.", "2009", "Стандартинформ"),
    ],
)
def test_a_standards_date_of_coming_into_force_is_no_year(entry, year, publisher):
    """GOST 7.1's `– Введ. 1996-07-01. –` (введён: the date a standard came into force) is a note; the
    year of the work is the imprint's (`М.: Изд-во стандартов, 1995`), never that date, nor is the
    note the publisher."""
    f = fields(entry)
    assert f["year"] == year
    assert "Введ" not in f.get("publisher", "")
    if publisher:
        assert f["publisher"] == publisher


def test_a_standards_date_of_coming_into_force_stays_the_year_without_an_imprint():
    """With no other date printed the only date is kept (nothing to tell it from)."""
    f = fields("ГОСТ 2.105-95 ЕСКД. Общие требования к текстовым документам. – Введ. 1996-07-01.")
    assert f["year"] == "1996"


@pytest.mark.parametrize(
    "entry, publisher",
    [
        ('Петров, А. Б. Программирование в системе 1С:Бухгалтерия / А.Б. Петров. – М.: ООО "Альфа-Пресс", 2019. – 320 с.', 'ООО "Альфа-Пресс"'),
        ('Сидорова, В. Г. Основы учёта / В. Г. Сидорова. – СПб.: ЗАО "Книжный дом", 2011. – 210 с.', 'ЗАО "Книжный дом"'),
        ("Орлов, Д. Е. Сети ЭВМ / Д. Е. Орлов. – М.: ООО “Новые технологии”, 2015. – 140 с.", "ООО “Новые технологии”"),
    ],
)
def test_a_firm_and_its_quoted_name_after_the_places_colon_is_the_publisher(entry, publisher):
    """GOST's imprint `Место: Издательство, Год`: a firm's legal form (`ООО`, `ЗАО`) and its name in
    straight or curly quotes, after the place's colon and before the year's comma, are the
    publisher whole (the quoted name was read as a title)."""
    f = fields(entry)
    assert f["publisher"] == publisher
    assert f["year"] in entry


@pytest.mark.parametrize(
    "entry, title, publisher",
    [
        ("Иванов С. Машинное обучение на практике. — Питер, 2018. — С. 400.", "Машинное обучение на практике", "Питер"),
        ("Смирнова К. Анализ данных с помощью Pandas и NumPy. — ООО”Диалектика”, 2020. — С. 512.", "Анализ данных с помощью Pandas и NumPy", "ООО”Диалектика”"),
        ("Браун Т. Алгоритмы на языке C++. — БХВ-Петербург, 2016. — С. 380.", "Алгоритмы на языке C++", "БХВ-Петербург"),
    ],
)
def test_a_publisher_alone_after_the_areas_dash_before_the_year(entry, title, publisher):
    """biblatex-gost with no place: `Title. — Publisher, 2018. — С. 400.`: capitalised words after the
    area's dash, closed by a comma right before the year, naming no place, are the publisher (the
    tagger read them into the title)."""
    f = fields(entry)
    assert f["title"] == title
    assert f["publisher"] == publisher
    assert f["year"] in entry


def test_a_place_alone_after_the_areas_dash_stays_the_place():
    f = fields("Иванов С. Машинное обучение на практике. — Москва, 2018. — 400 с.")
    assert f.get("publisher") is None
    assert f["title"] == "Машинное обучение на практике"


def test_a_journal_read_after_the_areas_dash_stays_the_journal():
    """A journal printed where a book's imprint stands (`– Journal, 2002. – 417–427 с.`) read as the
    host keeps that reading: only words read into the title become the publisher."""
    f = fields("Сергеева, Л. М. Теорема о неподвижной точке / Л. М. Сергеева. – Математические заметки, 2005. – 112–120 с.")
    assert f.get("publisher") is None
    assert f["journal"] == "Математические заметки"


def corrected_labels(tokens: list[tuple[str, str]]) -> list[str]:
    """The labels `corrected` gives invented tokens labelled as the tagger might have."""
    from exporter.references.tagger import Tagged
    from exporter.references.tagger.conventions import corrected

    spans, at = [], 0
    for word, _ in tokens:
        spans.append((at, at + len(word)))
        at += len(word) + 1
    text = " ".join(word for word, _ in tokens)
    labels = tuple(label for _, label in tokens)
    return list(corrected(Tagged(text, tuple(spans), labels, (0.5,) * len(tokens))).labels)


def test_no_host_opens_in_the_middle_of_the_titles_sentence():
    """A host is named after a mark (full stop, comma, colon, quote, `//`, `In`); words read as one
    right after a title word with no mark, to the sentence's full stop, are the title's."""
    words = "Miller, T. (2023) Digital Nudges: The Design That Shapes and Guides Us. Available at https://example.org/n".split()
    given = ["author", "author", "date"] + ["title"] * 4 + ["container"] * 5 + ["note", "note", "url"]
    assert corrected_labels(list(zip(words, given))) == ["author", "author", "date"] + ["title"] * 9 + ["note", "note", "url"]


@pytest.mark.parametrize(
    "words, given",
    [
        ("Smith, T. (2023) Nudges at work. Behavioural Science Review. Available at https://example.org/n", ["author", "author", "date", "title", "title", "title", "container", "container", "container", "note", "note", "url"]),
        ("Smith, T. (2023) Nudges at work, Behavioural Science Review. Available", ["author", "author", "date", "title", "title", "title", "container", "container", "container", "note"]),
        ("Smith, T. (2023) Nudges at work In Behavioural Science Review.", ["author", "author", "date", "title", "title", "title", "container", "container", "container", "container"]),
        ("Smith T. Nudges at work Behav Sci Rev 12 34-40.", ["author", "author", "title", "title", "title", "journal", "journal", "journal", "volume", "pages"]),
    ],
)
def test_a_host_after_a_mark_stays_the_host(words, given):
    """After the title's full stop or comma, after `In`, or with its volume and pages after it, a
    host read as such stays one."""
    assert corrected_labels(list(zip(words.split(), given))) == given


def test_a_sites_name_before_its_address_with_no_label_is_the_container():
    """`Title [Электронный ресурс] // site.ru. https://site.ru/… – Режим доступа:` (pdftotext set the
    address before its label): what stands between `//` and the address is the site, as before
    `URL:` or `Режим доступа:`."""
    f = fields("Работа с регистрами сведений [Электронный ресурс] // example-1c.ru. https://example-1c.ru/articles/42/. – Режим доступа:")
    assert f["journal"] == "example-1c.ru"
    assert f["url"].startswith("https://example-1c.ru/articles/42")


def test_an_address_label_right_after_the_double_slash_names_no_site():
    f = fields("Svelte // URL: https://svelte.dev/ (дата обращения: 05.09.2025).")
    assert "journal" not in f and "booktitle" not in f
    assert f["title"] == "Svelte"


@pytest.mark.parametrize(
    "words, given, host",
    [
        ("Okafor, B. (2022) Remote work and wellbeing: a survey of teams, Frontiers in Psychology, 13(845210).",
         ["author", "author", "date"] + ["title"] * 8 + ["title"] * 3 + ["note"], 3),
        ("Okafor, B. (2022) Remote work and wellbeing: a survey of teams, The Daily Herald, 4 March.",
         ["author", "author", "date"] + ["title"] * 8 + ["title"] * 3 + ["date", "date"], 3),
    ],
)
def test_a_host_after_the_titles_last_comma_before_its_volume_or_day(words, given, host):
    """Harvard typed with commas for full stops: capitalised words after the title's last comma,
    before a volume with its issue or a day and a month, are the host."""
    got = corrected_labels(list(zip(words.split(), given)))
    assert len(got) == len(words.split())
    assert got[11 : 11 + host] == ["journal"] * host
    assert got[3:11] == ["title"] * 8


def test_a_title_with_a_comma_before_its_last_words_and_no_volume_keeps_them():
    words = "Okafor, B. (2022) Remote work and wellbeing: a survey of teams, Northern Europe Edition. Available at https://example.org".split()
    given = ["author", "author", "date"] + ["title"] * 11 + ["note", "note", "url"]
    assert len(given) == len(words)
    assert corrected_labels(list(zip(words, given))) == given


def test_a_quoted_titles_last_words_after_a_comma_stay_the_titles():
    words = "UNDP, (2016) “Report of the Working Group on water, Maria Lopez”, 12 May 2016.".split()
    given = ["author", "date"] + ["title"] * 9 + ["date", "date", "date"]
    assert len(given) == len(words)
    assert corrected_labels(list(zip(words, given))) == given


def test_mla_volume_before_the_bracketed_year_and_pages_after_its_colon():
    """MLA's `Journal 30.1-7 (1998): 107-117.`: the number before `(1998):` is the volume (issue
    after its full stop), the range after the colon the pages."""
    words = 'Okafor, Bola. "Reading in two languages." Journal of Second Language Studies 12.1-4 (2011): 45-67.'.split()
    given = ["author", "author", "title", "title", "title", "title", "journal", "journal", "journal", "journal", "journal", "pages", "date", "pages"]
    assert len(given) == len(words)
    assert corrected_labels(list(zip(words, given)))[-3:] == ["volume", "date", "pages"]
    words = 'Okafor, Bola. "Reading." Energies 15.3 (2022): 797.'.split()
    given = ["author", "author", "title", "journal", "volume", "date", "volume"]
    assert corrected_labels(list(zip(words, given)))[-3:] == ["volume", "date", "pages"]
