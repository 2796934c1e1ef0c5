"""A venue's rules (`[rules]` in template.toml) checked by `check --template`: each rule firing
and not firing on real papers, the expected counts read off the papers themselves."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers import DEMO, DEMO_BIB, REPO, SEED, run_cli

from exporter.venue_rules import Range, count_words, heading_name

CORPUS = Path("/work/shared/corpus/pdf")
if not CORPUS.is_dir():
    CORPUS = REPO.parent.parent / "shared" / "corpus" / "pdf"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the development corpus is not here")

# ru_levin_interval_optimization, read by hand: UDC 62–50:519.7/8, 5 keywords (lines 32–33),
# headings Введение … Заключение, 26 entries dated 1964–2015, a Russian abstract (and an English
# one at the end, after the list, which the reader does not take as the paper's abstract).
LEVIN = CORPUS / "ru_levin_interval_optimization.txt"
# ru_radionov_fuzzy_adaptive: a «Введение» heading and no concluding section (no «Заключение» or
# «Выводы» anywhere in its text). ru_korotin: no UDC printed (its truth file: udc null).
RADIONOV = CORPUS / "ru_radionov_fuzzy_adaptive.txt"
KOROTIN = CORPUS / "ru_korotin_ram_vulnerabilities.txt"


def venue_with(tmp_path: Path, rules: str) -> Path:
    """The kz-conference venue with a `[rules]` table added."""
    folder = tmp_path / "venue"
    shutil.copytree(REPO / "templates" / "kz-conference", folder)
    with open(folder / "template.toml", "a", encoding="utf-8") as handle:
        handle.write("\n[rules]\n" + rules + "\n")
    return folder


def findings(tmp_path, source, rules: str, *extra: str) -> tuple[int, list[dict]]:
    result = run_cli("check", str(source), "--json", "--template", str(venue_with(tmp_path, rules)), *extra)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, [d for d in json.loads(result.stdout)["diagnostics"] if d["code"].startswith("VEN")]


def codes(items) -> list[str]:
    return [d["code"] for d in items]


# ---- the small rules ----------------------------------------------------------------------------


def test_words_are_counted_as_an_editor_counts_them():
    # Бұл / мақалада / ғылыми-техникалық / 2 / әдіс / қарастырылады: the dash is no word, a number is
    assert count_words("Бұл мақалада — ғылыми-техникалық 2 әдіс қарастырылады.") == 6
    assert count_words("It's a well-known one.") == 4  # It's / a / well-known / one


def test_heading_names_drop_numbering_case_and_punctuation():
    assert heading_name("1. Введение") == heading_name("ВВЕДЕНИЕ") == "введение"
    assert heading_name("IV. Conclusion.") == "conclusion"
    assert heading_name("2.1 Materials and methods") == "materials and methods"


def test_ranges_say_which_side_is_broken():
    assert Range(3, 10).breach(2) == "fewer" and Range(3, 10).breach(11) == "more" and Range(3, 10).breach(3) is None
    assert str(Range(3, 10)) == "3–10" and str(Range(min=30)) == "at least 30"


# ---- each rule on real papers -------------------------------------------------------------------


@needs_corpus
def test_reference_count(tmp_path):
    code, found = findings(tmp_path, LEVIN, "references = { min = 30 }")
    assert codes(found) == ["VEN006"] and "26 entries" in found[0]["message"] and code == 1
    assert findings(tmp_path / "b", LEVIN, "references = { min = 20, max = 30 }")[1] == []


@needs_corpus
def test_required_udc(tmp_path):
    assert findings(tmp_path, LEVIN, 'required = ["udc", "title", "authors", "keywords"]')[1] == []
    _, found = findings(tmp_path / "b", KOROTIN, 'required = ["udc"]')
    assert codes(found) == ["VEN004"] and "UDC" in found[0]["message"]


@needs_corpus
def test_required_sections_in_any_language_and_numbering(tmp_path):
    sections = 'sections = ["Introduction|Введение|Кіріспе", "Conclusion|Заключение|Выводы|Қорытынды"]'
    assert findings(tmp_path, LEVIN, sections)[1] == []
    _, found = findings(tmp_path / "b", RADIONOV, sections)
    assert codes(found) == ["VEN005"] and "Conclusion" in found[0]["message"]


@needs_corpus
def test_keyword_count(tmp_path):
    # five Russian keywords, and five English ones printed after the transliterated list
    # (`Keywords: conflict, cooperation, neutrality, logic algebra, logical investigations…`)
    _, found = findings(tmp_path, LEVIN, "keywords = { min = 6 }")
    assert codes(found) == ["VEN003", "VEN003"] and all("are 5" in f["message"] for f in found)
    assert [f["message"].split(" keywords")[0] for f in found] == ["the Russian", "the English"]
    assert findings(tmp_path / "b", LEVIN, "keywords = { min = 3, max = 10 }")[1] == []


@needs_corpus
def test_abstract_length_and_languages(tmp_path):
    # the Russian abstract, and the English one printed after the transliterated list under its
    # title and by-line (`Relevance. Here the problem…`, unlabelled): both over 50 words
    _, found = findings(tmp_path, LEVIN, "abstract_words = { max = 50 }")
    assert codes(found) == ["VEN001", "VEN001"]
    assert [f["message"].split(" abstract")[0] for f in found] == ["the Russian", "the English"]
    assert findings(tmp_path / "b", LEVIN, "abstract_words = { min = 50, max = 1000 }")[1] == []
    _, found = findings(tmp_path / "c", LEVIN, 'abstract_languages = ["ru", "kk"]')
    assert codes(found) == ["VEN002"] and "no abstract in Kazakh" in found[0]["message"]


@needs_corpus
def test_share_of_recent_references(tmp_path):
    # All 26 entries are dated 1964–2015: none is from the last ten years.
    _, found = findings(tmp_path, LEVIN, "recent = { years = 10, share = 0.5 }")
    assert codes(found) == ["VEN007"] and found[0]["message"].startswith("0 of 26 entries")
    assert findings(tmp_path / "b", LEVIN, "recent = { years = 100, share = 0.5 }")[1] == []


@needs_corpus
def test_page_limit_of_the_pdf_edition(tmp_path):
    _, found = findings(tmp_path, LEVIN, "pages = { max = 2 }")
    assert codes(found) == ["VEN009"]
    assert findings(tmp_path / "b", LEVIN, "pages = { max = 100 }")[1] == []


def test_doi_on_journal_articles(tmp_path):
    # demo-typesetting.bib holds one @article (goedel1931), without a DOI.
    _, found = findings(tmp_path, DEMO, "doi_for_articles = true", "--bib", str(DEMO_BIB))
    assert codes(found) == ["VEN008"] and found[0]["severity"] == "warning"
    bib = tmp_path / "with-doi.bib"
    bib.write_text(DEMO_BIB.read_text(encoding="utf-8").replace("@article{goedel1931,", "@article{goedel1931,\n  doi = {10.1007/BF01700692},"), encoding="utf-8")
    assert findings(tmp_path / "b", DEMO, "doi_for_articles = true", "--bib", str(bib))[1] == []


def test_no_rules_no_findings_and_the_seed_is_unchanged():
    plain = run_cli("check", str(SEED), "--json")
    with_venue = run_cli("check", str(SEED), "--json", "--template", "kz-conference")
    assert json.loads(plain.stdout)["diagnostics"] == json.loads(with_venue.stdout)["diagnostics"]


def test_build_reports_rule_findings_and_strict_exits_1(tmp_path):
    venue = venue_with(tmp_path, "references = { min = 30 }")
    out = tmp_path / "out"
    result = run_cli("build", str(DEMO), "--bib", str(DEMO_BIB), "--template", str(venue), "--to", "pdf", "--out", str(out))
    assert result.returncode == 0 and "error[VEN006]" in result.stdout
    report = json.loads((out / "demo-typesetting.report.json").read_text(encoding="utf-8"))
    assert [d["code"] for d in report["diagnostics"] if d["code"].startswith("VEN")] == ["VEN006"]
    strict = run_cli("build", str(DEMO), "--bib", str(DEMO_BIB), "--template", str(venue), "--to", "pdf", "--out", str(out), "--strict")
    assert strict.returncode == 1


@pytest.mark.parametrize("rules, message", [
    ('required = ["orcid"]', "rules.required"),
    ("recent = { years = 5, share = 2 }", "rules.recent.share"),
    ("pages = { max = -1 }", "rules.pages.max"),
    ("colour = 3", "rules.colour: unknown setting"),
])
def test_a_bad_rule_is_one_line_naming_it(tmp_path, rules, message):
    result = run_cli("check", str(DEMO), "--template", str(venue_with(tmp_path, rules)))
    assert result.returncode == 2 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1
