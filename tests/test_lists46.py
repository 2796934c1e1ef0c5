"""Entry and list conventions read from batch 30's misses (bench/UNSEEN_LISTS.md), each tested on
invented entries of the same forms (no line of the batch's papers)."""

from __future__ import annotations

from exporter.pipeline import read_and_link
from exporter.references.fields import parse_entry


def _fields(text: str) -> dict[str, str]:
    return {name: value for name, value, _, _ in parse_entry(text).fields}


def test_a_transliterated_arabic_name_opens_a_chicago_entry(tmp_path):
    """`al-Ğisrī. 2007. Title.` and `Dār al-Ğisr al-Madīna. 1980-1998. Title.`: a name's article in
    small letters, glued by a hyphen, and a range of years open an entry as `Holm, Anna. 2003.` does."""
    lines = [
        "Counting Invented Bridges",
        "",
        "The invented survey counts bridges of an imaginary town (Holm 2003; al-Ğisrī 2007).",
        "",
        "References",
        "Crane, Boris. 2001. Bridges of the Invented East. Springfield: Invented Press.",
        "Dār al-Ğisr al-Madīna. 1980-1998. al-Ğusūr al-Kubrā. al-Qāhira: Wizārat",
        "al-Ğusūr.",
        "Holm, Anna. 2003. Counting: The Bridges of an Invented Town. Springfield:",
        "Invented House.",
        "al-Ğisrī. 2007. Kitāb al-ğusūr wa’l-anhār. Bayrūt: Dār al-Ğisr.",
        "Stone, Dana. 2011. The Last Invented Bridge. London: Routledge.",
    ]
    path = tmp_path / "paper.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    refs = read_and_link(str(path)).document.references
    assert [e.text.split(".")[0] for e in refs] == ["Crane, Boris", "Dār al-Ğisr al-Madīna", "Holm, Anna", "al-Ğisrī", "Stone, Dana"]


def test_chicago_names_with_an_arabic_article_and_a_range_of_years():
    f = _fields("Dār al-Ğisr al-Madīna. 1980-1998. al-Ğusūr al-Kubrā. al-Qāhira: Wizārat al-Ğusūr.")
    assert f["author"] == "al-Madīna, Dār al-Ğisr"
    assert f["year"] == "1980"
    assert f["title"] == "al-Ğusūr al-Kubrā"
    assert f["publisher"] == "Wizārat al-Ğusūr"
    f = _fields("Holm, Anna. 2001-2002. “Counting invented bridges”. Journal of Invented Bridges 4: 49-110.")
    assert f["year"] == "2001"


def test_chicagos_place_and_publisher_after_a_transliterated_title():
    """`Name. 2003. al-Ğisr fi’l-madīna. al-Qāhira: Maṭba‘at al-Ğisr.`: place and publisher, no title's."""
    f = _fields("Holm, Anna. 2003. al-Ğisr fi’l-madīna. al-Qāhira: Maṭba‘at al-Ğisr.")
    assert f["title"] == "al-Ğisr fi’l-madīna"
    assert f["address"] == "al-Qāhira"
    assert f["publisher"] == "Maṭba‘at al-Ğisr"


def test_a_quoted_title_by_names_then_a_description():
    """`"Title" by Given Family - what the book is`: the names after `by` are the authors."""
    f = _fields("\"Counting Invented Bridges\" by Anna Holm - Основы подсчёта мостов, примеры и практики.")
    assert f["title"] == "Counting Invented Bridges"
    assert f["author"] == "Holm, Anna"
    f = _fields("\"Bridges at Dusk: Patterns for Counting Spans\" by Boris Crane and Dana Stone - Руководство по подсчёту.")
    assert f["author"] == "Crane, Boris and Stone, Dana"
    assert f["title"] == "Bridges at Dusk: Patterns for Counting Spans"


def test_a_quoted_title_then_its_authors_name():
    """`«Title» Given Family`: the name is the author's, no publisher or host."""
    f = _fields("«Счёт выдуманных мостов» Анна Холм")
    assert f == {"title": "Счёт выдуманных мостов", "author": "Холм, Анна"}
    f = _fields("«Мосты в сумерках. Искусство подсчёта пролётов.» Борис Кран.")
    assert f["author"] == "Кран, Борис" and "publisher" not in f and "journal" not in f


def test_the_page_cited_before_the_books_page_count():
    """`– С. 42. – 380 с.`: 42 is the page cited, 380 the book's page count."""
    f = _fields("Холм Анна Борисовна. Счёт выдуманных мостов. – Выдуманное издательство, 2015. – С. 42. – 380 с.")
    assert f["pages"] == "42"
    assert f["pagetotal"] == "380"


def test_a_books_publisher_after_the_titles_comma():
    """`Names. Title, Invented Media, 2009. – 312 с.`: a book (a page count) with its publisher after a comma."""
    f = _fields("Анна Холм, Борис Кран. Выдуманные мосты, Invented Media, 2009. – 312 с.")
    assert f["title"] == "Выдуманные мосты"
    assert f["publisher"] == "Invented Media"
    assert "journal" not in f


def test_the_roles_abbreviation_is_no_part_of_the_title():
    """`Title, Volume 2, ed. trans. Name.`: `ed` opens the editor's statement."""
    f = _fields("Holm, Anna. 1980. The Counting of Bridges, Volume 2, ed. trans. Boris Crane. Springfield: Invented House.")
    assert f["title"] == "The Counting of Bridges, Volume 2"
