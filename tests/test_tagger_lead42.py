"""Entries read as a new user met them on unseen papers (lead42): each entry invented, in the
form the papers printed."""

from helpers import entry_fields


def test_a_full_date_in_the_hosts_area_gives_the_year():
    # A report or a newspaper is dated to the day in GOST (`// Notes, 13.02.2008.`): the day's
    # year is the entry's year, where no year stands alone.
    got = entry_fields("Smith J., Brown K. Disks and tapes compared [Текст] // Storage Notes, Report #SN2010004, 13.02.2009. — 12 p.")
    assert got["year"] == "2009"
    got = entry_fields("Петров П. П. Новости отрасли // Известия. 12.03.2019. № 45. С. 3.")
    assert got["year"] == "2019"


def test_an_access_date_is_never_the_year():
    got = entry_fields("Иванов И. И. Обзор памяти [Электронный ресурс]. URL: http://example.ru/memory.html (дата обращения: 01.02.2020).")
    assert "year" not in got
    got = entry_fields("Memory overview. https://example.org/memory (20.05.2023)")
    assert "year" not in got


def test_the_issue_mark_after_a_journal_is_no_part_of_its_name():
    got = entry_fields("Иванов И.И. Об испытаниях. // Трубы, № 3, 2007.")
    assert got["journal"] == "Трубы"
    assert got["number"] == "3"


def test_an_access_date_named_in_words_after_what_was_read():
    # `Дата обращения к ресурсу: март 2022.`: the label names the resource, the date is a month.
    got = entry_fields("Испытания труб: https://example.ru/tests/. – Дата обращения к ресурсу: апрель 2022.")
    assert got["urldate"] == "апрель 2022"
    assert "year" not in got
    assert "journal" not in got  # (the label's words were read as a journal)
    got = entry_fields("Сидоров С. С. Трубопроводы [Электронный ресурс]. URL: https://example.ru/pipes (дата обращения: 5 марта 2021 г.).")
    assert got["urldate"] == "5 марта 2021 г."


def test_a_thesis_place_starts_after_its_specialty_code():
    # A Russian thesis names its specialty's code in brackets before the area's dash.
    got = entry_fields("Петров П.П. Расчёт прочности композитных оболочек: автореф. дис. на соиск. учен. степ. канд. техн. наук (01.02.04). – Пермь, 2012. – 17 с.")
    assert got["address"] == "Пермь"
    assert got["year"] == "2012"


def test_the_areas_dash_glued_to_the_issue_and_pages_marks():
    # `2022г. -№6-2. -с. 356-360.`: a double issue (6, part 2), then the pages; the dash glued to
    # each mark. Read as pages `6-2`, the entry got a false "page range runs backwards".
    got = entry_fields("Сидорова А.А. Доступ к данным массивов / Сидорова А.А., Орлова Ю.В. // Вестник экономики и права. - 2021г. -№5-2. -с. 256-260.")
    assert got["number"] == "5-2"
    assert got["pages"] == "256-260"


def test_ieees_web_page_named_in_quotes_before_its_year():
    # `“ros.org,” 2024. [Online]. Available: …`: a site's name (a domain) opens the entry; the
    # tagger took it for an address and read `[Online]. Available` as the title.
    got = entry_fields("“example.org,” 2023. [Online]. Available: https://example.org/tools")
    assert got["title"] == "example.org"
    assert got["year"] == "2023"
    assert got["url"] == "https://example.org/tools"
