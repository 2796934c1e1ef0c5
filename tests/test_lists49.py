"""Entry conventions read from batches 33's and 34's misses (bench/UNSEEN_LISTS.md), each tested on
invented entries of the same forms (no line of the batches' papers)."""

from __future__ import annotations

from exporter.pipeline import read_and_link
from exporter.references.fields import parse_entry


def _fields(text: str) -> dict[str, str]:
    return {name: value for name, value, _, _ in parse_entry(text).fields}


def test_year_opening_a_proceedings_name_is_the_names():
    """`// 2019 IEEE 7th Symposium on …. – 2019.` (GOST) and `Title. 2022 IEEE/ACM Conference on …,
    pages 10–18, 2021.` (natbib): the year before the proceedings' name is the name's own; the
    entry's year is the other one printed."""
    gost = _fields(
        "Invented bridges counted by machines / A. Holm, B. Crane, C. Stone [et al.]. – DOI: 10.1000/xyz.2019.1 // "
        "2019 IEEE 7th Symposium on Invented Bridges and Rivers (SIBR). – 2019. – P. 101-109."
    )
    assert gost["booktitle"] == "2019 IEEE 7th Symposium on Invented Bridges and Rivers (SIBR)"
    assert gost["year"] == "2019"
    natbib = _fields(
        "Anna Holm, Bruno Crane, and Clara Stone. Counting bridges with invented machines. "
        "2022 IEEE/ACM Conference on Invented Bridges Workshops (IBW), pages 10–18, 2021."
    )
    assert natbib["booktitle"] == "2022 IEEE/ACM Conference on Invented Bridges Workshops (IBW)"
    assert natbib["year"] == "2021"


def test_vancouver_title_runs_to_the_sentence_before_the_journal():
    """PLOS/NLM `Title ending in Capitalised Words. Journal. 2019;14: 1–9.`: where the tagger ran
    the title's last capitalised words into the journal, the journal is the sentence before the date."""
    entries = [
        ("Holm AB, Crane C. Early spans of invented bridges on the lower river, Idaho. Journal of Invented Bridges and Spans. 2016;12: 40–48.",
         "Early spans of invented bridges on the lower river, Idaho", "Journal of Invented Bridges and Spans"),
        ("Holm AB, Crane C. Invented bridge counts in the Gulf of Maine, Massachusetts. Bridge Review. 2016;12: 40–48.",
         "Invented bridge counts in the Gulf of Maine, Massachusetts", "Bridge Review"),
    ]
    for text, title, journal in entries:
        fields = _fields(text)
        assert (fields["title"], fields["journal"]) == (title, journal), text


def test_given_name_initials_and_family_word_are_one_person():
    """natbib's names given first (`Anna B. C. Holm, Bruno Crane, and Clara Stone.`): a given name,
    two initials and one family word are one person, not `Anna B. C.` and `Holm`."""
    fields = _fields("Anna B. C. Holm, Bruno Crane, and Clara Stone. Counting invented bridges, 2020.")
    assert fields["author"].startswith("Holm, Anna B. C. and Crane, Bruno")


def test_sentence_after_given_first_names_with_only_a_year_is_the_title():
    """natbib's plainnat preprint with no venue (`Names. Title, 2019.`): the sentence after the names
    is the title, not a journal."""
    fields = _fields("Anna Holm, Bruno Crane, Clara Stone, and Dario Vale. Neural bridge flows, 2019.")
    assert fields["title"] == "Neural bridge flows"
    assert "journal" not in fields and "booktitle" not in fields


def test_accented_last_name_closes_the_names_before_a_small_letter_title():
    """`…, and José María Núñez-Olmo. bridgeflows: A package …`: the last name (accented letters) is
    the names', the title opens in small letters after its full stop."""
    fields = _fields(
        "Anna Holm, Bruno Crane, Clara Stone, and José María Núñez-Olmo. bridgeflows: A package for counting "
        "invented bridges. Journal of Invented Software, 4(12)."
    )
    assert fields["title"] == "bridgeflows: A package for counting invented bridges"
    assert fields["author"].endswith("Núñez-Olmo, José María")


def test_conference_place_and_dates_are_the_hosts_in_gost():
    """`// Host : сборник … конференции, Казань, 14–15 марта 2019 года. – Казань : Publisher, 2020.`:
    the conference's place and dates are the host's name's; the imprint gives the place and year."""
    fields = _fields(
        "Холмова, А.Б. Мосты и пролёты / А.Б. Холмова // Мосты и реки : сборник научных трудов по материалам "
        "VII Международной научной конференции, Казань, 14–15 марта 2019 года. – Казань : Речной мост, 2020. – С. 11-19."
    )
    assert fields["booktitle"].endswith("конференции, Казань, 14–15 марта 2019 года")
    assert fields["year"] == "2020"
    assert fields["publisher"] == "Речной мост"


def test_words_alone_before_the_host_mark_are_the_title():
    """GOST's `Title // Site URL: …` with a one-word title (`HMAC // site.ru: Блог …`): the word
    before `//`, read as an author with no title, is the title."""
    for text, title in [
        ("HMAC // kaspersky.ru: Блог Лаборатории Касперского URL: https://www.kaspersky.ru/blog/hmac/ (дата обращения: 10.05.2019).", "HMAC"),
        ("Kotlin // Сайт разработчиков URL: https://kotlinlang.org (дата обращения: 11.04.2020).", "Kotlin"),
    ]:
        fields = _fields(text)
        assert fields.get("title") == title and "author" not in fields, text


def test_author_date_entry_opening_with_decomposed_accents(tmp_path):
    """pdftotext's text of a TeX list prints `Côté` as `Co` + U+0302 + `te` + U+0301: a line opening
    so is still an author-date entry's first line, not the carried-on end of the one before."""
    lines = [
        "Counting Invented Bridges",
        "",
        "Bridges were counted before (Albin, 2008; Crane, 2012; Co\u0302te\u0301, 2014; Dale, 2014; Fox, 2011).",
        "",
        "REFERENCES",
        "",
        "Albin, M. and Holm, M. (2008). Invented bridges reduce river crossings. Bridge Res., 367:233–238.",
        "Crane, J., Stone, M., and Vale, S. (2012). Progression of invented bridges in river",
        "and delta habitats. Bridge Res., 448:119–129.",
        "Co\u0302te\u0301, I. M., Lund, L., and Park, S. J. (2014). Setting the record",
        "straight on invented bridges: Counting works. Bridge Notes.",
        "Dale, K. A. and Reed, W. F. (2014). Spans of rapidly expanding invented bridges. Bridge Notes, 9(8):e105852.",
        "Fox, E. S. and Berg, S. J. (2011). Invented bridges are longer on invaded rivers. River Res, 13(9):2045–2051.",
    ]
    path = tmp_path / "paper.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    refs = read_and_link(str(path)).document.references
    assert [e.text.split(",")[0] for e in refs] == ["Albin", "Crane", "Co\u0302te\u0301", "Dale", "Fox"]


def test_bare_numbered_entry_whose_title_opens_in_figures(tmp_path):
    """GOST 7.32's bare numbers (`2 Title / Names …`): the next number before a title whose first
    word opens in figures (`3D-bridges: …`, `5G`) opens an entry when the line before ends one."""
    lines = [
        "Мосты и реки",
        "",
        "Мосты считали раньше [1, 2, 3].",
        "",
        "СПИСОК ИСПОЛЬЗОВАННЫХ ИСТОЧНИКОВ",
        "1 Холмов А. Б. Мосты и реки. – Казань : Речной мост, 2020. – 120 с.",
        "2 Counting invented bridges / A. Holm, B. Crane. – 2019. – P. 11-19. – URL: https://bridges.example/2 (дата обращения: 13.05.2024).",
        "3 3d-bridgenet: Learning to count invented bridges / C. Stone, D. Vale. – 2021. – P. 4790-4796.",
    ]
    path = tmp_path / "paper.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    refs = read_and_link(str(path)).document.references
    assert [e.text.split(" ")[0] for e in refs] == ["Холмов", "Counting", "3d-bridgenet:"]


def test_author_biography_after_the_list_ends_it(tmp_path):
    """SAGE's author biography printed after the list with no heading (`Anna Holm is a PhD candidate
    …`) is no entry: the list ends before it."""
    lines = [
        "Counting Invented Bridges",
        "",
        "Bridges were counted before (Crane, 2012; Dale, 2014).",
        "",
        "References",
        "",
        "Crane J (2012) Progression of invented bridges in river and delta habitats. Bridge Research 448: 119–129.",
        "Dale KA and Reed WF (2014) Spans of rapidly expanding invented bridges. Bridge Notes 9(8): 105–111.",
        "",
        "Anna Holm is a PhD candidate in Bridge Studies at the University of Invented Towns. Her",
        "dissertation examines the counting of bridges over rivers.",
    ]
    path = tmp_path / "paper.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    refs = read_and_link(str(path)).document.references
    assert [e.text.split(" ")[0] for e in refs] == ["Crane", "Dale"]
