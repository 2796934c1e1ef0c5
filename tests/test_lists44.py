"""List finding read from batch 28's misses (bench/UNSEEN_LISTS.md), each tested on invented
headings and an invented text paper."""

from __future__ import annotations

from exporter.pipeline import read_and_link
from exporter.references.ownlist import find_reference_list, is_reference_heading
from helpers import linked_word_file as _word_file


def test_references_typed_with_a_letter_left_out_still_head_a_list():
    """`Refrences`, `Referances`, `Refernces`: a list's heading as students type it, alone on its line."""
    for typed in ("Refrences", "REFRENCES", "Referances", "Refernces", "Referenes", "4. Refrences"):
        assert is_reference_heading(typed), typed
    assert not is_reference_heading("Refrences to the earlier chapters are kept short")
    assert not is_reference_heading("Referendum")


_BODY_EN = "The invented survey counts bicycles crossing three bridges of an imaginary town over a year. " * 6


def test_a_word_paper_under_a_misspelt_heading_has_its_list(tmp_path):
    paragraphs = [
        "Counting Bicycles on Imaginary Bridges",
        "Introduction:",
        *[_BODY_EN] * 6,
        "Refrences",
        "(1) \tHolm, A. B.; Crane, D. Bridges and Bicycles. Journal of Invented Transport 2011, 4 (2), 11–19.",
        "(2) \tTown Cycling Counts — Data.example.org.",
    ]
    refs = _word_file(tmp_path, paragraphs).document.references
    assert len(refs) == 2
    assert "Holm" in refs[0].text and "Town Cycling" in refs[1].text


def test_a_tables_reference_column_over_one_bare_number_is_no_list(tmp_path):
    """A table's `Reference` column, and under it (among the cells) a row's bare `4.`: one entry not
    numbered 1 with a later heading is no list; the later heading's unnumbered list is."""
    lines = [
        "Invented Results",
        "Table 2. Parameters of the invented sorbents.",
        "Sorbent",
        "Reference",
        "",
        "13.41",
        "",
        "Present work",
        "",
        "4.",
        "",
        "Second order",
        "",
        "Conclusion text of the invented paper goes on here for a while.",
        "",
        "References",
        "HOLM, A. B. and CRANE, D. Bridges and bicycles. Journal of Invented Transport, v. 4, n. 2,",
        "p. 11–19, 2011.",
        "STONE, E. Counting wheels. Invented Letters, v. 2, p. 1–5, 2009.",
    ]
    found = find_reference_list(lines, 0)
    assert found is not None and lines[found.heading] == "References"
    path = tmp_path / "paper.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    refs = read_and_link(str(path)).document.references
    assert [e.text[:5] for e in refs] == ["HOLM,", "STONE"]



def test_a_site_named_by_its_host_name_after_a_dash_is_the_container():
    """Zotero's web page in ACS: `Title — Site.org.`; words with no name's form before it are the
    title, a `Family, I.` before the title stays the author; the entry is a page of a site."""
    from exporter.references.fields import parse_entry

    page = parse_entry("Harbour Ferry Timetables Archive — Ferries.example.org.")
    assert dict(page.fields and [(n, v) for n, v, *_ in page.fields]) == {"title": "Harbour Ferry Timetables Archive", "journal": "Ferries.example.org"}
    assert page.entry_type == "online"
    named = {n: v for n, v, *_ in parse_entry("Marsh, T. Counting Swans on the Lower River — Birds.example.net.").fields}
    assert named["author"] == "Marsh, T." and named["title"] == "Counting Swans on the Lower River" and named["journal"] == "Birds.example.net"


def test_a_dash_before_words_or_an_address_is_no_site():
    """A spaced dash before words (`— a review`) or before a full address is not a site's host name."""
    from exporter.references.fields import parse_entry

    review = {n: v for n, v, *_ in parse_entry("Marsh, T. Swans and Geese — a Review. Journal of Invented Birds, 2010, 4, 1–9.").fields}
    assert review.get("journal") == "Journal of Invented Birds"
    assert _site_is_no_container("Ferry Tables — https://ferries.example.org/tables")


def _site_is_no_container(text: str) -> bool:
    from exporter.references.fields import parse_entry

    fields = {n: v for n, v, *_ in parse_entry(text).fields}
    return fields.get("journal") != "ferries.example.org/tables" and "Ferries" not in (fields.get("journal") or "")
