"""Author–year citations (APA, Harvard, Chicago author-date): found in the text, matched to the
entries of the list by first author and year, so an author-year paper is not told that every
entry is never cited, and a citation naming no entry is reported (CIT007) in the reader's
language. The papers here are invented; expected values are read off them by eye."""

from __future__ import annotations

import pytest

from exporter.author_year import author_year_citations, matches
from exporter.pipeline import read_and_link
from exporter.report import check_json, summary_line


def found(text: str) -> list[tuple[str, str, bool]]:
    return [(c.family, c.year, c.sure) for c in author_year_citations(text)]


@pytest.mark.parametrize("text, expected", [
    ("as volume does (Hammarström et al. 2020). Total", [("Hammarström", "2020", True)]),
    ("the final model(Matuschek et al. 2017).", [("Matuschek", "2017", True)]),
    ("shown before (Smith, 2019; Jones and Brown 2020a, p. 4; see Lee et al., 2018, 2019)",
     [("Smith", "2019", True), ("Jones", "2020", True), ("Lee", "2018", True), ("Lee", "2019", True)]),
    ("Smith et al. (2019) showed it", [("Smith", "2019", True)]),
    ("Иванов и Петров (2020а, с. 5) показали", [("Иванов", "2020", True)]),
    ("(Иванов, 2019; Петров и др., 2020)", [("Иванов", "2019", True), ("Петров", "2020", True)]),
    ("(Сейітов және т.б., 2021) зерттеген", [("Сейітов", "2021", True)]),
    ("(van der Berg, 2001) and (World Health Organization, 2020)", [("van der Berg", "2001", True), ("World Health Organization", "2020", True)]),
    # lists of authors, in brackets and in the sentence; words leading to a bracket's citation
    ("a minimal effects test (Murphy, Myors, & Wolach, 2014).", [("Murphy", "2014", True)]),
    ("replicating Shih, Pittinsky, and Ambady (1999), they", [("Shih", "1999", True)]),
    ("limitations (for a discussion, see Baguley, 2009). When", [("Baguley", "2009", True)]),
    ("in R (Version 3.4.3; R Core Team, 2017)", [("R Core Team", "2017", True)]),
    ("For example, Burriss and colleagues (2015) examined", [("Burriss", "2015", True)]),
    # the sentence's citation with more in its bracket: both are read
    ("was introduced by Burton, Jenkins and Schweinberger (2011; see also Jenkins, White, & Burton, 2011) to",
     [("Burton", "2011", True), ("Jenkins", "2011", True)]),
    ("to change (Boudreau, MacIntyre, &Dewaele, 2018) and", [("Boudreau", "2018", True)]),  # PDF text lost a space
    # a name and a number with nothing else may be a product and its year: found, never sure
    ("it ran on (Windows 2000)", [("Windows", "2000", False)]),
    # a family name that starts like a month is a name
    ("as shown (Mayer, 2019; Marchetti & Junge, 2020)", [("Mayer", "2019", True), ("Marchetti", "2020", True)]),
    ("stability (May, 1976)", [("May", "1976", True)]),  # a comma before the year: a May cited, not a month
    # comma-separated author-date styles (AOS, CSE): a comma after a year before a name parts two
    ("declining (Lambert et al. 2008, King et al. 2008) in", [("Lambert", "2008", True), ("King", "2008", True)]),
    ("(Bisson and Limoges 1996, McLaren 2007a, Stewart 2015)", [("Bisson", "1996", True), ("McLaren", "2007", False), ("Stewart", "2015", False)]),
    ("as (Smith 2019, 2020a, p. 4)", [("Smith", "2019", False), ("Smith", "2020", False)]),
    # the year in square brackets inside a parenthesis
    ("of Oregon (but see Marshall et al. [2003]).", [("Marshall", "2003", True)]),
])
def test_author_year_citations_in_sentences(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "levels rose (Figure 1B, 0 min) and fell (Table 2, 15 min)",
    "in (2019) and [12], from 1990 to 2000",
    "the range (10, 2000) and the point (x, 2019)",
    # months before a year are a date; the paper's own author under a figure names no entry
    "wet (November, December and January 2025) and dry months (April and May 2025)",
    "sourcing control (Source: Author, 2012) and the dashboard (Source: Authors, 2012)",
    "по данным (Автор, 2021) и (май 2020)",
    "Author (2012) built the tool",
])
def test_what_is_no_author_year_citation(text):
    assert found(text) == []


def test_an_entry_matches_by_its_first_authors_family_name_and_year():
    (citation,) = author_year_citations("(Hammarstrom et al., 2020)")
    assert matches(citation, ["Hammarström", "Øfsteng"], "2020")  # accents folded
    assert not matches(citation, ["Hammarström"], "2022")
    assert not matches(citation, ["Øfsteng", "Hammarström"], "2020")  # the first author only


def test_a_sentences_opening_word_before_a_list_of_names_is_told_by_the_entries():
    # `Similarly,` is a word, `Hyde,` the first author: both open a sentence before a comma
    (word,) = author_year_citations("Similarly, Norman, Sloan, and Wyrwich (2003) proposed it.")
    (name,) = author_year_citations("Hyde, Lindberg, Linn, and Williams (2008) report it.")
    assert matches(word, ["Norman", "Sloan"], "2003") and matches(name, ["Hyde", "Lindberg"], "2008")
    assert not matches(word, ["Sloan"], "2003")
    assert word.family == "Norman"  # what a finding names when no entry fits
    # inside a sentence, a list's first name is the first author
    (mid,) = author_year_citations("as Shih, Pittinsky, and Ambady (1999) did")
    assert not matches(mid, ["Pittinsky"], "1999") and matches(mid, ["Shih"], "1999")


PAPER = """Glucose and training

Introduction

Training volume matters (Hammarström et al., 2020; Bates and Walker 2014). Smith et al. (2018)
found the same, as did an earlier study (Nobody et al., 2011).

References

Bates D, Walker S (2014) Fitting linear mixed-effects models using lme4. J Stat Softw 67:1–48
Hammarström D, Øfsteng SJ, Jacobsen NB (2020) Ribosome accumulation in humans. Acta Physiol 228:13–25
Smith J, Jones K (2018) A study of training. J Appl Physiol 12:100–110
Unused A (2015) An entry no one cites. Sport Sci 3:1–9
"""


def test_an_author_year_paper_links_its_citations_and_reports_what_fits_nothing(tmp_path):
    paper = tmp_path / "paper.txt"
    paper.write_text(PAPER, encoding="utf-8")
    linked = read_and_link(str(paper))
    codes = sorted((d.code, d.line) for d in linked.diagnostics if d.code.startswith("CIT"))
    # the unused entry (line 13) is never cited; `Nobody et al., 2011` names no entry (line 5)
    assert codes == [("CIT002", 13), ("CIT007", 5)]
    (missing,) = [d for d in linked.diagnostics if d.code == "CIT007"]
    assert missing.text("en") == "Nobody et al., 2011: no entry by Nobody from 2011 in the reference list"
    assert missing.text("ru") == "Nobody et al., 2011: в списке литературы нет работы автора Nobody 2011 года"
    assert "(Nobody et al., 2011)" in missing.context
    assert paper.read_text(encoding="utf-8") == PAPER  # the input is never changed


def test_a_numeric_paper_is_not_read_for_author_year_citations(tmp_path):
    # Narrative mentions beside bracket citations are the text's, never a finding.
    paper = tmp_path / "paper.txt"
    paper.write_text("A study\n\nIntroduction\n\nAs Nobody et al. (2011) and [1] show.\n\nReferences\n\n"
                     "1. Smith J. A study of training // J Appl Physiol. 2018. Vol. 12. P. 100–110.\n", encoding="utf-8")
    codes = [d.code for d in read_and_link(str(paper)).diagnostics if d.code.startswith("CIT")]
    assert codes == []


def test_the_json_report_lists_them_and_counts_what_they_cite_as_used(tmp_path):
    paper = tmp_path / "paper.txt"
    paper.write_text(PAPER, encoding="utf-8")
    report = check_json(read_and_link(str(paper)))
    # Hammarström et al., 2020 -> entry 2; Bates and Walker 2014 -> 1; Smith et al. (2018) -> 3; Nobody: none
    assert [(c["written"], c["entries"]) for c in report["author_year_citations"]] == [
        ("Hammarström et al., 2020", ["2"]), ("Bates and Walker 2014", ["1"]), ("Smith et al. (2018)", ["3"]), ("Nobody et al., 2011", [])]
    assert report["unused"] == ["4"] and report["citations"] == []
    assert summary_line(report).endswith("paper.txt: 4 citations, 3 resolved, 0 unresolved labels, 4 entries, 0 errors, 2 warnings")


def test_a_year_in_square_brackets_is_no_numeric_citation_of_an_author_year_paper(tmp_path):
    # `Marshall et al. [2003]` in an author-year paper: before, the one bracket made the paper
    # numeric — every entry "never cited", and `[2003]` "no entry 2003".
    paper = tmp_path / "paper.txt"
    paper.write_text(PAPER.replace("as did an earlier study (Nobody et al., 2011).", "but see Smith et al. [2018] and (Unused 2015)."), encoding="utf-8")
    linked = read_and_link(str(paper))
    assert [d.code for d in linked.diagnostics if d.code.startswith("CIT")] == []
    assert {e for link_ in linked.author_year for e in link_.entries} == {e.key for e in linked.document.references}
    assert [(c.written, c.entries) for c in linked.author_year][3:] == [("Smith et al. [2018]", ("3",)), ("Unused 2015", ("4",))]
    assert summary_line(check_json(linked)).endswith("5 citations, 5 resolved, 0 unresolved labels, 4 entries, 0 errors, 0 warnings")


def test_a_year_in_square_brackets_of_a_numeric_paper_is_no_entry_number(tmp_path):
    # A number no entry of the list can have that is a year: the text's, never `no entry 2003`.
    paper = tmp_path / "paper.txt"
    paper.write_text("A study\n\nIntroduction\n\nAs shown in [1] and by the 2003 survey [2003].\n\nReferences\n\n"
                     "1. Smith J. A study of training // J Appl Physiol. 2018. Vol. 12. P. 100–110.\n", encoding="utf-8")
    linked = read_and_link(str(paper))
    assert [d.code for d in linked.diagnostics if d.code.startswith("CIT")] == []
    assert summary_line(check_json(linked)).endswith("1 citation, 1 resolved, 0 unresolved labels, 1 entry, 0 errors, 0 warnings")
