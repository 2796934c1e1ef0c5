"""Conventions read from batch 35's misses (bench/UNSEEN_LISTS.md), each tested on invented entries
or papers of the same forms (no line of the batch's papers)."""

from __future__ import annotations

from exporter.pipeline import read_and_link
from exporter.references.fields import parse_entry
from exporter.references.ownlist import is_reference_heading


def _fields(text: str) -> dict[str, str]:
    return {name: value for name, value, _, _ in parse_entry(text).fields}


def test_heading_in_capitals_with_its_words_run_together(tmp_path):
    """A PDF's text layer may lose the space between a capitals heading's words
    (`СПИСОК ИСПОЛЬЗУЕМЫХИСТОЧНИКОВ`): still the list's heading; words in small letters run
    together are no heading."""
    assert is_reference_heading("СПИСОК ИСПОЛЬЗОВАННЫХИСТОЧНИКОВ")
    assert is_reference_heading("СПИСОКЛИТЕРАТУРЫ")
    assert not is_reference_heading("Списоклитературы")
    lines = [
        "Мосты и реки",
        "",
        "Мосты считали раньше [1, 2].",
        "",
        "СПИСОК ИСПОЛЬЗУЕМЫХИСТОЧНИКОВ",
        "1. Холмов А. Б. Мосты и реки. – Казань : Речной мост, 2020. – 120 с.",
        "2. Крылов В. Г. Счёт мостов // Речной вестник. – 2019. – № 3. – С. 11-19.",
    ]
    path = tmp_path / "paper.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    refs = read_and_link(str(path)).document.references
    assert [e.text.split(" ")[0] for e in refs] == ["Холмов", "Крылов"]


def test_kind_of_work_after_a_material_designation_glued_to_its_colon():
    """GOST's `Title [Текст]: учебное пособие / Names.` (the colon run into the designation): the
    title ends at the designation, the kind of work is no part of it."""
    fields = _fields("Холмов А. Б. Мосты и реки [Текст]: учебное пособие / А. Б. Холмов. – Казань : Речной мост, 2020. – 120 с.")
    assert fields["title"] == "Мосты и реки"
    assert fields["type"] == "учебное пособие"


def test_teaching_and_methods_manual_is_a_kind_of_work():
    """`учебно-методическое пособие` (and `учебнометодическое`, the hyphen lost at a line's end)
    after the title's colon is the kind of work, not a journal."""
    for kind in ("учебно-методическое пособие", "учебнометодическое пособие"):
        fields = _fields(f"Холмов А. Б. Мосты и реки [Текст] : {kind} / А. Б. Холмов. – Казань : Речной мост, 2020. – 120 с.")
        assert fields["title"] == "Мосты и реки"
        assert "journal" not in fields and "booktitle" not in fields, kind


def test_date_of_the_last_visit_is_the_access_date():
    """`(Дата последнего посещения 7 ноября 2019)`, `(дата последнего обращения: …)`: the day the
    page was read, not the work's year; the site before `URL` stays the host."""
    fields = _fields("Bridges counted list [Электронный ресурс] // Bridges URL: https://bridges.example/news/counted (Дата последнего посещения 7 ноября 2019).")
    assert fields["urldate"] == "7 ноября 2019"
    assert "year" not in fields
    assert fields["journal"] == "Bridges"
    assert _fields("Счёт мостов [Электронный ресурс] // Мосты. URL: https://bridges.example/a (дата последнего обращения: 12.03.2021).")["urldate"] == "12.03.2021"


def test_day_and_month_after_a_harvard_host_are_its_date():
    """Cite Them Right's newspaper or blog, `‘Title’, The River Times, 12 March, p. 5.` and
    `‘Title’, Bridgenote, 1 January. Available at: …`: the host is the name before the day and
    month."""
    cases = [
        ("Holm, A. (2020). ‘Counting invented bridges’, Bridgenote, 1 January. Available at: https://bridges.example/a (Accessed 19 November 2020).", "Bridgenote"),
        ("Holm, A. (2019) ‘Counting invented bridges’, The River Times, 12 March, p. 5.", "The River Times"),
        ("Holm, A. (2019) ‘Counting invented bridges’, The Guardian, 12 March. Available at: https://bridges.example/b (Accessed: 3 May 2020).", "The Guardian"),
    ]
    for text, host in cases:
        fields = _fields(text)
        assert fields["title"] == "Counting invented bridges", text
        assert fields.get("journal", fields.get("booktitle")) == host, text


def test_bracketed_year_closing_a_springer_entry_is_its_date():
    """Springer's `Names: Title, june 12, 1925. Journal 27(4), 12–19 (2006)`: the date inside the
    title is the title's; the entry's year is the bracketed one closing it."""
    fields = _fields("Holm, A., Crane, B.: Counting invented bridges on the lower river, june 12, 1925. Bridge Review 27(4), 12–19 (2006)")
    assert fields["year"] == "2006"
    assert fields["title"] == "Counting invented bridges on the lower river, june 12, 1925"
    assert fields["journal"] == "Bridge Review"


def test_margin_numbers_printed_out_of_order_are_no_part_of_the_entries(tmp_path):
    """pdftotext's text of a line-numbered manuscript sets some margin numbers out of their run
    (`203`, then `200`, `201` after an entry): every lone number near the run's is the margin's."""
    lines = ["Counting Invented Bridges", "", "Bridges were counted before [1-4].", "", "References", "", "192", "193", "", "196", "",
             "[1] Holm, A., Crane, B.: Counting invented bridges. Bridge Review 27(4), 12–19 (2006)", "", "202", "",
             "[2] Holm, A.: Spans of invented bridges. In: Readings in Bridges, pp. 431–450. Springer, Berlin (1981)", "", "203", "",
             "[3] Crane, B., et al.: What is an invented bridge (2007)", "", "200", "201", "", "204", "205", "", "206", "207", "",
             "208", "209", "", "210", "211", "", "212", "213", "",
             "[4] Stone, C.: Generality in invented bridges. River Notes 30(12), 1030–1035 (1987)",
             "[5] Vale, D.: Bridges and rivers. River Notes 31(2), 10–15 (1988)"]
    path = tmp_path / "paper.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    refs = read_and_link(str(path)).document.references
    assert [e.text.rsplit(" ", 1)[-1] for e in refs] == ["(2006)", "(1981)", "(2007)", "(1987)", "(1988)"]


def test_heading_printed_initials_first_before_the_title():
    """A home-made GOST heading initials first with no mark before the title (`A. B. Holm Title /
    A. B. Holm, C. D. Crane // Journal`), its family name of one word or two: the name the
    statement after the slash begins with is the author, the title starts after it."""
    fields = _fields("A. B. Holm Counting invented bridges on the lower river [Текст] / A. B. Holm, C. D. Crane // Bridge Review. – 2010. – С. 4-21")
    assert fields["author"].startswith("Holm, A. B.")
    assert fields["title"] == "Counting invented bridges on the lower river"
    fields = _fields("Ж. Ван Мостов Мосты и реки нижнего течения [Текст] / Ж. Ван Мостов – СПб. : Речной мост, 2018. – 576 с.")
    assert fields["author"] == "Ван Мостов, Ж."
    assert fields["title"] == "Мосты и реки нижнего течения"


def test_publisher_before_springers_missing_place_mark():
    """Springer Nature's BibTeX styles print `???` for a book's missing place (`Title. Apress, ???
    (2019)`): the words before it are the publisher, not a journal and no part of the title or
    the publisher's name."""
    for text in ("Holm, A.: Counting invented bridges. Apress, ??? (2019)", "Holm, A.: Counting invented bridges. Bridge Press, ??? (2019)"):
        fields = _fields(text)
        assert fields["title"] == "Counting invented bridges", text
        assert fields["publisher"] in ("Apress", "Bridge Press"), text
        assert "journal" not in fields, text


def test_conference_acronym_closes_a_scholar_gost_host():
    """Google Scholar's GOST export of a proceedings paper (`//2019 International Conference on …
    and River Technologies (BridgeCon). – IEEE, 2019. – С. 1-5.`): the host runs to the
    acronym's bracket, the publisher follows the area's dash."""
    for host in (
        "2019 International Multi-Conference on Bridge Engineering and River Technologies (BridgeCon)",
        "2019 IEEE Conference of Young Researchers in Bridge and River Engineering (BRConRus)",
    ):
        fields = _fields(f"Holm A. B., Crane C. D. Counting invented bridges on rivers //{host}. – IEEE, 2019. – С. 1-5.")
        assert fields["booktitle"] == host
        assert fields["publisher"] == "IEEE"
        assert "editor" not in fields


def test_place_comma_publisher_after_the_area_dash():
    """A home-made GOST imprint with a comma for the colon (`– Санкт-Петербург, Речной мост,
    2001.`, `– London, Bridge Books, 2001.`): a known place, then the publisher."""
    for text, place, publisher in (
        ("Холмов А. Б. Мосты и реки / А. Б. Холмов. – Санкт-Петербург, Речной мост, 2001. – 304 с.", "Санкт-Петербург", "Речной мост"),
        ("Holm A. Bridges / A. Holm. – London, Bridge Books, 2001. – 304 p.", "London", "Bridge Books"),
    ):
        fields = _fields(text)
        assert (fields.get("address"), fields.get("publisher")) == (place, publisher), text
        assert "journal" not in fields, text


def test_publisher_in_guillemets_after_the_place_and_its_comma():
    """The older GOST imprint `– М., «Мир», 1965.` (7.1-76, 7.1-84, and students copying it): the
    name in guillemets after the place's comma is the publisher."""
    for text, place, publisher in (
        ("Холмов А. Б. Мосты и реки / А. Б. Холмов. – М., «Речной мост», 1965. – 174 с.", "М.", "Речной мост"),
        ("Холмов А. Б. Мосты и реки / А. Б. Холмов. – Москва, «Речной мост», 1965. – 174 с.", "Москва", "Речной мост"),
    ):
        fields = _fields(text)
        assert (fields.get("address"), fields.get("publisher")) == (place, publisher), text


def test_imprint_is_after_the_dash_not_inside_the_responsibility():
    """`Title / А. Холмов, Б. Крылов, М. Дале – СПб.: Речной мост, 2017.` (the statement of
    responsibility ends with no full stop, its last initial `М.` as Moscow's): the place and the
    publisher are those after the area's dash."""
    for text in (
        "Холмов А. Мосты и реки / А. Холмов, Б. Крылов, М. Дале – СПб.: Речной мост, 2017. – 376 с.",
        "Холмов А. Мосты и реки / А. Холмов, Б. Крылов, М. Али – СПб.: Речной мост, 2017. – 376 с.",
    ):
        fields = _fields(text)
        assert (fields.get("address"), fields.get("publisher")) == ("СПб.", "Речной мост"), text


def test_entry_with_combining_accents_is_read_as_composed():
    """pdftotext's `Scho\u0308lkopf`, `Herna\u0301ndez-Lobato` (a letter and its accent apart): the entry
    is read as if composed, its fields' offsets those of the text as given."""
    text = ("Anna Holm, Bruno Crane, Bernhard Scho\u0308lkopf, and Jose\u0301 Miguel Herna\u0301ndez-Lobato. "
            "bridgeflows: A package for counting invented bridges. Journal of Invented Bridges, 8(86).")
    parsed = parse_entry(text)
    fields = {name: value for name, value, _, _ in parsed.fields}
    assert fields["title"] == "bridgeflows: A package for counting invented bridges"
    assert fields["author"].endswith("Herna\u0301ndez-Lobato, Jose\u0301 Miguel".replace("a\u0301", "á").replace("e\u0301", "é"))
    for _, value, s, e in parsed.fields:
        if value == fields["title"]:
            assert text[s:e] == value
