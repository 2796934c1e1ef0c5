"""`exporter volume`: one book from many papers, tested from the PDF it writes (outline, page
labels, contents, running heads, author index, links) and on papers made here with known
titles and authors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from helpers import DEMO, DEMO_BIB, REPO, SEED, run_cli

from exporter.collation import collation_key
from exporter.volume import Part, author_index, index_name, page_numbers
from exporter.writers.pdf_volume import short_authors

CORPUS = REPO.parent.parent / "shared" / "corpus" / "pdf"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus/pdf")

FAMILIES = ["Әбілов", "Бекова", "Ғаббасов", "Ермеков", "Жұмабаев", "Қасымов", "Нұрланова", "Өтебаев", "Сәрсенов", "Үсенова", "Ivanov", "Smith"]
TOPICS = ["ТЕКСЕРУ", "ТАЛДАУ", "ӘДІСТЕРІ", "МОДЕЛЬДЕУ", "ЖҮЙЕЛЕРІ", "ДЕРЕКТЕРІ"]


def paper_text(n: int, sentences: int) -> tuple[str, str, str]:
    """A Kazakh paper numbered `n`: its text, title and author (`И.О. Family`)."""
    t = len(TOPICS)  # 216 distinct titles (a title holding a number ≥ 100 is not read as one: a reader bug of its own)
    title = f"{TOPICS[n % t]} {TOPICS[n // t % t]} {TOPICS[n // t // t % t]} ЖАЙЛЫ"
    family = FAMILIES[n % len(FAMILIES)]
    k = n // len(FAMILIES)  # a distinct pair of initials for each paper of the same family
    author = f"{'АБЕЖҚМНСТ'[k % 9]}.{'КЛМНОПРС'[k // 9 % 8]}. {family}"
    body = " ".join(["Ғылыми мақалаларда әдебиетке сілтемелер жиі кездеседі [1]."] * sentences)
    text = f"""ӘОЖ 004.912

{title}

{author}

Әл-Фараби атындағы Қазақ ұлттық университеті, Алматы

Аңдатпа. Бұл мақалада ғылыми мақалалардағы сілтемелерді тексеру әдістері қарастырылады.

Кіріспе

{body}

Нәтижелер

Біз ұсынған әдіс барлық сілтемелерді тексереді және қателерді табады.

Әдебиеттер тізімі

1. Әбілов А. Қазақ тарихы. – Алматы: Білім, 2010. – 200 б.
"""
    return text, title, author


def make_papers(folder: Path, count: int, sentences=lambda n: 3) -> list[tuple[Path, str, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(count):
        text, title, author = paper_text(n, sentences(n))
        path = folder / f"paper{n:03d}.txt"
        path.write_text(text, encoding="utf-8")
        out.append((path, title, author))
    return out


def words(text: str) -> str:
    return " ".join(text.split()).casefold()


def outline(reader: PdfReader) -> list[tuple[str, int, list[tuple[str, int]]]]:
    """Top-level outline entries (title, page index, children as (title, page index))."""
    out = []
    items = reader.outline
    for n, item in enumerate(items):
        if isinstance(item, list):
            continue
        children = items[n + 1] if n + 1 < len(items) and isinstance(items[n + 1], list) else []
        out.append((item.title, reader.get_destination_page_number(item), [(c.title, reader.get_destination_page_number(c)) for c in children if not isinstance(c, list)]))
    return out


def first_line(reader: PdfReader, index: int) -> str:
    """The text drawn highest on the page (by position, not by order in the content stream)."""
    found: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append((round(cm[5] + tm[5] * cm[3], 0), text))

    reader.pages[index].extract_text(visitor_text=visit)
    top = max(y for y, _ in found)
    return "".join(t for y, t in found if y == top).strip()


# ---- the small rules ----------------------------------------------------------------------------


@pytest.mark.parametrize("author, expected", [
    ("А.Б. Әбілов", "Әбілов, А.Б."),
    ("Әбілов А.Б.", "Әбілов, А.Б."),
    ("A. Aho", "Aho, A."),
    ("Jacob Ziv", "Ziv, Jacob"),
    ("Иванов Иван Иванович", "Иванов, Иван Иванович"),
    ("Иван Сергеевич Барынкин", "Барынкин, Иван Сергеевич"),  # the patronymic second: the family name last
    ("Айгүл Серікқызы Жақан", "Жақан, Айгүл Серікқызы"),
    ("Жақан Айгүл Серікқызы", "Жақан, Айгүл Серікқызы"),
    ("Жақан Жанар", "Жақан, Жанар"),
    ("Plato", "Plato"),
])
def test_index_name_puts_the_family_name_first(author, expected):
    assert index_name(author) == expected


def test_index_collates_in_kazakh_alphabet_order_then_latin():
    names = ["Smith, J.", "Бекова, Б.", "Әбілов, А.", "Абаев, А.", "Ғаббасов, Ғ.", "Гаев, Г.", "Үсенова, Ү.", "Ұлықбек, Ұ.", "Уәлиев, У.", "Ivanov, I.", "Іргебаев, І.", "Ыбыраев, Ы."]
    ordered = sorted(names, key=collation_key)
    # Kazakh order: А Ә Б … Г Ғ … У Ұ Ү … Ы І …; Latin after Cyrillic.
    assert ordered == ["Абаев, А.", "Әбілов, А.", "Бекова, Б.", "Гаев, Г.", "Ғаббасов, Ғ.", "Уәлиев, У.", "Ұлықбек, Ұ.", "Үсенова, Ү.", "Ыбыраев, Ы.", "Іргебаев, І.", "Ivanov, I.", "Smith, J."]


def test_author_index_merges_an_author_of_several_papers_and_numbers_pages_from_one():
    def part(authors, pages):
        return Part("x", "t", tuple(authors), pages, (), {"diagnostics": []}, "x.pdf")

    parts = [part(["А.Б. Әбілов", "J. Smith"], 3), part(["Smith J."], 5), part(["Бекова Б."], 2)]
    firsts = page_numbers(parts)
    assert firsts == [1, 4, 9]
    assert author_index(parts, firsts) == [("Әбілов, А.Б.", [1]), ("Бекова, Б.", [9]), ("Smith, J.", [1, 4])]


def test_running_head_authors_shorten_past_three():
    assert short_authors(["A", "B", "C"]) == "A, B, C"
    assert short_authors(["A", "B", "C", "D"]) == "A et al."


# ---- a volume of papers made here ------------------------------------------------------------


@pytest.fixture(scope="module")
def made_volume(tmp_path_factory):
    folder = tmp_path_factory.mktemp("volume")
    papers = make_papers(folder / "papers", 6, sentences=lambda n: 20 + 60 * (n % 3))  # one to three pages
    out = folder / "out"
    result = run_cli("volume", *(str(p) for p, _, _ in papers), "--title", "Конференция материалдары", "--editors", "Редактор: А. Әбілов", "--out", str(out), "--jobs", "2")
    assert result.returncode == 0, result.stderr
    return papers, out, PdfReader(out / "volume.pdf"), json.loads((out / "volume.report.json").read_text(encoding="utf-8"))


def test_outline_has_contents_each_paper_with_its_sections_and_the_index(made_volume):
    papers, _, reader, _ = made_volume
    entries = outline(reader)
    # The papers are Kazakh, so is the book's furniture (the venue's labels).
    assert entries[0][0] == "Мазмұны" and entries[-1][0] == "Авторлар көрсеткіші"
    assert [words(t) for t, _, _ in entries[1:-1]] == [words(title) for _, title, _ in papers]
    for title, page, children in entries[1:-1]:
        assert [c for c, _ in children] == ["Кіріспе", "Нәтижелер", "Әдебиеттер тізімі"]
        assert all(page <= p for _, p in children)
    pages = [page for _, page, _ in entries[1:-1]]
    assert pages == sorted(pages) and len(set(pages)) == len(pages)


def test_page_labels_roman_front_matter_then_continuous_numbers(made_volume):
    _, _, reader, report = made_volume
    labels = reader.page_labels
    front = next(i for i, label in enumerate(labels) if label == "1")
    assert labels[:front] == ["i", "ii", "iii", "iv"][:front]
    assert labels[front:] == [str(n) for n in range(1, len(labels) - front + 1)]
    # The printed number at each page's foot is its label.
    for index in (front, len(labels) - 1):
        text = reader.pages[index].extract_text()
        assert re.search(rf"(^|\n)\s*{labels[index]}\s*$", text.strip()) or labels[index] in text.split()


def test_contents_lists_each_title_with_the_page_its_paper_starts_on(made_volume):
    papers, _, reader, report = made_volume
    labels = reader.page_labels
    contents = words(reader.pages[1].extract_text())
    for (_, title, _), entry in zip(papers, report["papers"]):
        assert words(title) in contents
        first = entry["first_page"]
        start = labels.index(str(first))
        # The paper's title stands on the page the contents names, and not on the page before.
        assert words(title) in words(reader.pages[start].extract_text())
        if labels[start - 1].isdigit():  # the page before is another paper's
            assert words(title) not in words(reader.pages[start - 1].extract_text())
        assert re.search(rf"{re.escape(words(title))}.*?\b{first}\b", contents, re.S)


def test_contents_entries_link_to_the_papers_first_pages(made_volume):
    _, _, reader, report = made_volume
    labels = reader.page_labels
    targets = []
    for annot in reader.pages[1].get("/Annots") or []:
        annot = annot.get_object()
        if annot.get("/Subtype") == "/Link" and "/Dest" in annot:
            targets.append(labels[reader.get_page_number(annot["/Dest"][0].get_object())])
    assert targets == [str(p["first_page"]) for p in report["papers"]]


def test_running_heads_alternate_authors_and_title_and_skip_first_pages(made_volume):
    papers, _, reader, report = made_volume
    labels = reader.page_labels
    seen = 0
    for (_, title, author), entry in zip(papers, report["papers"]):
        start = labels.index(str(entry["first_page"]))
        assert words(first_line(reader, start)).startswith("әож")  # the paper's own first line, no head
        for k in range(1, entry["pages"]):
            printed = entry["first_page"] + k
            head = first_line(reader, start + k)
            assert words(head) == words(author if printed % 2 == 0 else title)
            seen += 1
    assert seen >= 2  # the made papers are long enough to have later pages


def test_author_index_names_every_author_with_their_first_page(made_volume):
    papers, _, reader, report = made_volume
    index = words(reader.pages[len(reader.pages) - 1].extract_text())
    for (_, _, author), entry in zip(papers, report["papers"]):
        initials, family = author.split(" ")
        assert re.search(rf"{re.escape(words(family))}, {re.escape(words(initials))} {entry['first_page']}\b", index)


def test_report_keeps_every_papers_findings(made_volume):
    papers, _, _, report = made_volume
    assert [Path(p["source"]).name for p in report["papers"]] == [p.name for p, _, _ in papers]
    for paper, (path, _, _) in zip(report["papers"], papers):
        # every "[1]" of the made paper is a citation, linked to its one entry
        assert len(paper["report"]["citations"]) == path.read_text(encoding="utf-8").count("[1]")
        assert paper["report"]["entries"] == 1 and not paper["report"]["unresolved"]


def test_same_papers_give_the_same_bytes(made_volume, tmp_path):
    papers, out, _, _ = made_volume
    again = tmp_path / "again"
    result = run_cli("volume", *(str(p) for p, _, _ in papers), "--title", "Конференция материалдары", "--editors", "Редактор: А. Әбілов", "--out", str(again), "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert (again / "volume.pdf").read_bytes() == (out / "volume.pdf").read_bytes()


# ---- refusals -----------------------------------------------------------------------------------


def test_strict_refuses_a_paper_with_unresolved_citations_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    result = run_cli("volume", str(DEMO), str(SEED), "--bib-dir", str(DEMO_BIB.parent), "--strict", "--out", str(out))
    assert result.returncode == 1
    assert f"{SEED}: to fix before binding: CIT001" in result.stderr
    assert str(DEMO) + ":" not in result.stderr  # the demo's citations all resolve with its .bib
    assert not out.exists()


def test_bib_dir_gives_each_paper_its_bibliography(tmp_path):
    result = run_cli("volume", str(DEMO), "--bib-dir", str(DEMO_BIB.parent), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "volume.report.json").read_text(encoding="utf-8"))
    assert report["papers"][0]["report"]["unresolved"] == [] and report["papers"][0]["report"]["bibliography"].endswith("demo-typesetting.bib")


@pytest.mark.parametrize("args, message", [
    (["missing.txt"], "missing.txt"),
    (["--bib-dir", "nowhere", "x.txt"], "nowhere: is not a folder"),
])
def test_bad_input_is_one_line_naming_it(tmp_path, args, message):
    result = run_cli("volume", *args, "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# ---- real papers and a large volume ----------------------------------------------------------------


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the development corpus is not here")
def test_five_corpus_papers_bind_with_their_own_titles_and_pages(tmp_path):
    names = ["ru_digilina_uncertainty_planning", "en_kopp_gadr_lncs", "ru_goldenberg_synchrotron_station", "ru_voronkin_chatgpt_dataset", "ru_zenchenko_storage_systems"]
    sources = [str(CORPUS / f"{n}.txt") for n in names]
    result = run_cli("volume", *sources, "--title", "Proceedings", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(tmp_path / "volume.pdf")
    report = json.loads((tmp_path / "volume.report.json").read_text(encoding="utf-8"))
    labels = reader.page_labels
    entries = outline(reader)[1:-1]
    assert [words(t) for t, _, _ in entries] == [words(p["title"]) for p in report["papers"]]
    total = sum(p["pages"] for p in report["papers"])
    index_pages = len(labels) - labels.index("1") - total
    assert index_pages >= 1
    for (title, page, _), paper in zip(entries, report["papers"]):
        assert labels[page] == str(paper["first_page"])
        # The paper's first page in the book is the first page of its own edition: same words.
        assert words(paper["title"])[:20] in words(reader.pages[page].extract_text())


def test_two_hundred_papers_bind_with_contents_outline_and_index(tmp_path):
    from exporter.venue import Template
    from exporter.volume import build_volume

    papers = make_papers(tmp_path / "papers", 200)
    volume = build_volume([(str(p), None) for p, _, _ in papers], Template.load("kz-conference"), tmp_path / "out", "Proceedings", workers=2)
    reader = PdfReader(tmp_path / "out" / "volume.pdf")
    entries = outline(reader)
    assert len(entries) == 202
    assert [words(t) for t, _, _ in entries[1:-1]] == [words(t) for _, t, _ in papers]
    labels = reader.page_labels
    for (_, page, _), first in zip(entries[1:-1], volume.first_pages):
        assert labels[page] == str(first)
    index_text = words(" ".join(reader.pages[i].extract_text() for i in range(entries[-1][1], len(reader.pages))))
    for (_, _, author), first in zip(papers, volume.first_pages):
        initials, family = author.split(" ")
        assert f"{words(family)}, {words(initials)} {first}" in index_text


def test_an_output_folder_under_a_file_is_named(tmp_path):
    (tmp_path / "dist").write_text("a file", encoding="utf-8")
    result = run_cli("volume", str(DEMO), "--out", str(tmp_path / "dist" / "book"))
    assert result.returncode == 2 and "book: cannot be created: Not a directory" in result.stderr and "File exists" not in result.stderr
