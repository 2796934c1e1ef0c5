"""The real-paper corpus (issue 9): the scorer runs on every truth file and the txt form meets
the issue's targets.

The targets are the issue's own; the corpus is read-only material outside the repository
(found by bench/corpus.py: $EXPORTER_CORPUS or shared/corpus). Timing is not asserted here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

import corpus as bench  # noqa: E402

CORPUS = bench.corpus_dir()
needs_corpus = pytest.mark.skipif(CORPUS is None, reason="the development corpus is not on this machine (set EXPORTER_CORPUS)")

# Targets not reached yet (expected to fail until they are); every other target of issue 9 is
# held on the txt form.
PENDING: dict[str, str] = {
}


@pytest.fixture(scope="module")
def results():
    return bench.run(CORPUS, build=True)  # every form a reader takes: txt, pdf and docx targets are held below


@pytest.fixture(scope="module")
def txt_totals(results):
    return bench.totals("txt", results["txt"])


@needs_corpus
def test_every_truth_file_is_scored_in_txt_form(results):
    truths = sorted(p.name[: -len(".truth.json")] for p in (CORPUS / "pdf").glob("*.truth.json"))
    assert [s.paper for s in results["txt"]] == truths
    assert all(s.error is None for s in results["txt"]), [s.error for s in results["txt"] if s.error]


@needs_corpus
@pytest.mark.parametrize(
    "target",
    [pytest.param(key, marks=pytest.mark.xfail(reason=PENDING[key], strict=False)) if key in PENDING else key for key in bench.TARGETS],
)
def test_txt_target(txt_totals, target):
    value = txt_totals.value(target)
    assert value is not None and value >= bench.TARGETS[target], f"{bench.TARGET_NAMES[target]}: {value} < {bench.TARGETS[target]}"


@needs_corpus
def test_report_starts_with_total_and_lists_every_paper(results):
    text = bench.render(results)
    assert text.startswith("Total")
    for score in results["txt"]:
        assert f"| {score.paper} |" in text


def test_forms_follow_the_reader_registry(tmp_path, monkeypatch):
    """A paper is scored in each form a registered reader takes: a new reader needs no change here."""
    (tmp_path / "README.md").write_text("corpus")
    truth = {"reference_entries": 0, "labels_cited": [], "body_citation_groups": []}
    (tmp_path / "a.truth.json").write_text(json.dumps(truth))
    for ext in ("txt", "pdf", "docx"):
        (tmp_path / f"a.{ext}").write_text("x")
    monkeypatch.setattr(bench, "readable_extensions", lambda: {".txt": "txt", ".docx": "docx"})
    [paper] = bench.papers(tmp_path)
    assert sorted(paper.sources) == ["docx", "txt"]


def test_group_text_ignores_space_and_dash_forms():
    # ru_levin line 80 prints `[1–8]`; a reader may give `[1-8]` or `[1 – 8]`.
    assert bench.group_text("[1 – 8]") == bench.group_text("[1-8]") == "[1-8]"
    assert bench.group_text("[2, 8, 13]") != bench.group_text("[2, 8]")


def test_pages_of_pdftotext_lines(tmp_path):
    txt = tmp_path / "a.txt"
    txt.write_text("one\ntwo\n\fthree\n\ffour\n", encoding="utf-8")
    assert bench._pages(txt) == [1, 1, 2, 3, 3]


# ---- the docx form (issue 10): the same targets, read from the Word files directly ----------

DOCX_PENDING: dict[str, str] = {}  # every target holds on the docx form


@pytest.fixture(scope="module")
def docx_totals(results):
    return bench.totals("docx", results["docx"])


@needs_corpus
def test_every_docx_paper_is_scored(results):
    truths = sorted(p.name[: -len(".truth.json")] for p in (CORPUS / "docx").glob("*.truth.json"))
    assert [s.paper for s in results["docx"]] == truths
    assert all(s.error is None for s in results["docx"]), [s.error for s in results["docx"] if s.error]


@needs_corpus
@pytest.mark.parametrize(
    "target",
    [pytest.param(key, marks=pytest.mark.xfail(reason=DOCX_PENDING[key], strict=False)) if key in DOCX_PENDING else key for key in bench.TARGETS],
)
def test_docx_target(docx_totals, target):
    value = docx_totals.value(target)
    assert value is not None and value >= bench.TARGETS[target], f"docx {bench.TARGET_NAMES[target]}: {value} < {bench.TARGETS[target]}"


@needs_corpus
def test_docx_lists_are_exact_in_every_paper(results):
    # Word numbers the lists itself: every list count must match the truth, not 90 %.
    assert [s.paper for s in results["docx"] if not s.list_exact] == []


# ---- the pdf form (issue 10): the same targets, read from the PDF files directly ------------

PDF_PENDING: dict[str, str] = {}  # every target holds on the pdf form


@pytest.fixture(scope="module")
def pdf_totals(results):
    return bench.totals("pdf", results["pdf"])


@needs_corpus
def test_every_pdf_paper_is_scored(results):
    truths = sorted(p.name[: -len(".truth.json")] for p in (CORPUS / "pdf").glob("*.truth.json"))
    assert [s.paper for s in results["pdf"]] == truths
    assert all(s.error is None for s in results["pdf"]), [s.error for s in results["pdf"] if s.error]


@needs_corpus
@pytest.mark.parametrize(
    "target",
    [pytest.param(key, marks=pytest.mark.xfail(reason=PDF_PENDING[key], strict=False)) if key in PDF_PENDING else key for key in bench.TARGETS],
)
def test_pdf_target(pdf_totals, target):
    value = pdf_totals.value(target)
    assert value is not None and value >= bench.TARGETS[target], f"pdf {bench.TARGET_NAMES[target]}: {value} < {bench.TARGETS[target]}"


@needs_corpus
def test_pdf_titles_and_authors_beat_the_text_form(pdf_totals, txt_totals):
    # the PDF knows the type sizes and weights the text file lost; the text form now finds
    # every title and first author, so the PDF can only match it there
    assert pdf_totals.value("title") >= min(txt_totals.value("title"), 0.8)
    assert pdf_totals.value("first_author") >= min(txt_totals.value("first_author"), 0.8)


# ---- the fixed dev / held-out split (issue 16) ----------------------------------------------


@needs_corpus
def test_every_corpus_paper_is_in_exactly_one_half():
    split = json.loads(bench.SPLIT_FILE.read_text(encoding="utf-8"))
    dev, held = set(split["dev"]), set(split["held_out"])
    names = {p.name[: -len(".truth.json")] for p in CORPUS.rglob("*.truth.json")}
    assert not dev & held
    assert dev | held == names


@needs_corpus
def test_split_is_stratified_by_form_and_language():
    # each (form folder, language) group is dealt alternately: the halves differ by at most one per group
    split = bench.corpus_split()
    groups: dict[tuple[str, str], list[str]] = {}
    for truth in CORPUS.rglob("*.truth.json"):
        language = json.loads(truth.read_text(encoding="utf-8"))["language"]
        groups.setdefault((truth.parent.name, language), []).append(split[truth.name[: -len(".truth.json")]])
    for group, halves in groups.items():
        assert abs(halves.count("dev") - halves.count("held_out")) <= 1, group
