"""`exporter volume`'s volume.tex: compiled with XeLaTeX (twice, as the README says) in the output
folder as written, and checked from the PDF it gives — outline, contents, page numbers, running
heads, author index, citation links, pictures, hyphenation — on papers made here."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from helpers import DEMO, DEMO_BIB, REPO, SEED, run_cli
from test_volume import first_line, make_papers, outline, words

from exporter.diagnostics import InputError
from exporter.writers.latex_volume import PaperTex, merged_hyphenation, split_shell

XELATEX = shutil.which("xelatex")
needs_tex = pytest.mark.skipif(not XELATEX, reason="xelatex is not installed (.ci/setup installs it)")
RUSSIAN = REPO / "tests" / "cases" / "ru-own-list" / "input.txt"


def compile_tex(folder: Path) -> tuple[PdfReader, str]:
    """xelatex volume.tex twice in `folder` (the second run fills in contents and index): the PDF and the last log."""
    for _ in range(2):
        run = subprocess.run([XELATEX, "-interaction=nonstopmode", "-halt-on-error", "volume.tex"], cwd=folder, capture_output=True, timeout=600)
        log = (folder / "volume.log").read_text(encoding="utf-8", errors="replace")
        assert run.returncode == 0, log[-3000:]
    return PdfReader(folder / "volume.pdf"), log


def letters(text: str) -> str:
    """Letters and digits only, lower-case: text compared across line breaks, hyphens and spacing."""
    return re.sub(r"[\W_]+", "", text).casefold()


def figure_paper(path: Path, title: str, author: str) -> Path:
    """A Russian DOCX paper with a picture in a numbered figure, two citations and a list of two."""
    import docx
    from docx.shared import Emu
    from media_samples import drawn

    d = docx.Document()
    d.add_heading(title, level=0)
    d.add_paragraph(author)
    d.add_paragraph("В статье рассматривается схема сбора данных [1], описанная ниже.")
    d.add_heading("Введение", level=1)
    d.add_paragraph("Схема сети, описанная в работе [2], показана на рисунке.")
    d.add_paragraph().add_run().add_picture(io.BytesIO(drawn("PNG")), width=Emu(12700 * 200))
    d.add_paragraph("Рисунок 1 – Схема исследования")
    d.add_heading("Список литературы", level=1)
    d.add_paragraph("Сыроежкин К. Л. Казахстан – Китай: от приграничной торговли к стратегическому партнерству. Алматы: КИСИ, 2010.", style="List Number")
    d.add_paragraph("Лаумулин М. Т. Центральная Азия в зарубежной политологии и мировой геополитике. Алматы: КИСИ, 2009.", style="List Number")
    d.save(path)
    return path


# ---- the small parts ---------------------------------------------------------------------------


def test_split_shell_takes_what_stands_between_the_document_lines():
    tex = "\\documentclass{article}\n\\usepackage{x}\n  \\begin{document}\nbody \\begin{document} in text\n\\end{document}\n"
    assert split_shell(tex, "s.j2") == ("\\documentclass{article}\n\\usepackage{x}\n", "body \\begin{document} in text\n")
    with pytest.raises(InputError, match=r"s\.j2.*no such lines"):
        split_shell("\\documentclass{article}\nno document here\n", "s.j2")


def test_merged_hyphenation_keeps_each_language_apart_and_the_words_most_papers_use():
    def paper(babel, *words):
        return PaperTex("b.tex", "p-", babel, tuple(words), "digest")

    papers = [paper("kazakh", "қа-ла", "да-ла"), paper("kazakh", "қа-ла", "ба-ла"), paper("russian", "го-род", "қа-ла")]
    assert merged_hyphenation(papers) == {"kazakh": ["ба-ла", "да-ла", "қа-ла"], "russian": ["го-род", "қа-ла"]}
    # Room for two: `қа-ла` (two Kazakh papers) first, then the first of the rest in order.
    assert merged_hyphenation(papers, limit=2) == {"kazakh": ["ба-ла", "қа-ла"]}


def test_anchor_prefix_puts_every_target_and_label_of_the_latex_edition_in_its_namespace(tmp_path):
    from exporter.pipeline import read_and_link
    from exporter.venue import Template
    from exporter.writers import Edition
    from exporter.writers import latex as latex_writer

    source = figure_paper(tmp_path / "f.docx", "Схема обработки данных", "Иванов И.И.")
    template = Template.load("kz-conference")
    for linked, prefix in ((read_and_link(str(DEMO), str(DEMO_BIB)), "paper007-"), (read_and_link(str(source), None), "paper012-")):
        plain = latex_writer.render(Edition(linked, template)).decode("utf-8")
        spaced = latex_writer.render(Edition(linked, template, anchor_prefix=prefix)).decode("utf-8")
        names = re.findall(r"\\(?:hyperlink|hypertarget|label)\{([^}]*)\}|\\hyperref\[([^]]*)\]", spaced)
        names = [a or b for a, b in names]
        assert names and all(n.startswith(prefix) for n in names)
        # the same edition but for the names: nothing else changes
        assert spaced.replace(prefix, "") == plain


# ---- a volume compiled -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tex_volume(tmp_path_factory):
    """Six papers in three languages — Kazakh made here (one to three pages), the English demo
    with its .bib, a Russian paper, two Russian DOCX papers with a picture each — compiled."""
    folder = tmp_path_factory.mktemp("volume-tex")
    made = make_papers(folder / "papers", 3, sentences=lambda n: 20 + 60 * (n % 3))
    figures = [figure_paper(folder / "papers" / f"fig{n}.docx", title, author) for n, (title, author) in enumerate(
        [("Модель сети датчиков", "Петров П.П."), ("Схема обработки данных", "Сидорова А.Б.")])]
    sources = [made[0][0], DEMO, made[1][0], RUSSIAN, figures[0], made[2][0], figures[1]]
    out = folder / "out"
    result = run_cli("volume", *map(str, sources), "--bib-dir", str(DEMO_BIB.parent), "--title", "Конференция материалдары",
                     "--editors", "Редактор: А. Әбілов", "--out", str(out), "--jobs", "2")
    assert result.returncode == 0, result.stderr
    tex = (out / "volume.tex").read_text(encoding="utf-8")
    report = json.loads((out / "volume.report.json").read_text(encoding="utf-8"))
    build = folder / "build"
    shutil.copytree(out, build)  # compiled in a copy: the output folder stays as written
    reader, log = compile_tex(build) if XELATEX else (None, "")
    return {"sources": sources, "made": made, "out": out, "tex": tex, "report": report, "reader": reader, "log": log}


def paper_pages(reader: PdfReader) -> list[tuple[str, int, int, list[tuple[str, int]]]]:
    """Each paper's outline entry: title, first and last page index, its children."""
    entries = outline(reader)[1:-1]
    ends = [page for _, page, _ in entries[1:]] + [outline(reader)[-1][1]]
    return [(title, page, end - 1, children) for (title, page, children), end in zip(entries, ends)]


@needs_tex
def test_two_runs_compile_with_every_target_name_used_once(tex_volume):
    log = tex_volume["log"]
    assert "multiply defined" not in log  # \label: each paper's in its namespace
    assert "same identifier" not in log  # hyperref anchors: the same
    assert "Rerun to get" not in log and "may have changed" not in log  # two runs are enough


@needs_tex
def test_outline_one_entry_per_paper_with_its_sections_below(tex_volume):
    reader, report = tex_volume["reader"], tex_volume["report"]
    entries = outline(reader)
    assert entries[0][0] == "Мазмұны" and entries[-1][0] == "Авторлар көрсеткіші"  # the book is mostly Kazakh
    papers = paper_pages(reader)
    assert [words(t) for t, _, _, _ in papers] == [words(p["title"]) for p in report["papers"]]
    for (title, first, last, children), source in zip(papers, tex_volume["sources"]):
        assert all(first <= page <= last for _, page in children), title
        if source in [p for p, _, _ in tex_volume["made"]]:
            assert [c for c, _ in children] == ["Кіріспе", "Нәтижелер", "Әдебиеттер тізімі"]  # not its title again
    labels = reader.page_labels
    front = labels.index("1")
    assert labels[:front] == ["i", "ii", "iii"][:front] and labels[front:] == [str(n) for n in range(1, len(labels) - front + 1)]


@needs_tex
def test_contents_numbers_are_the_pages_each_title_stands_on(tex_volume):
    reader, report = tex_volume["reader"], tex_volume["report"]
    labels = reader.page_labels
    contents = words(" ".join(reader.pages[i].extract_text() for i in range(1, labels.index("1"))))
    for paper in report["papers"]:
        found = re.search(re.escape(words(paper["title"])) + r"[\s.]*(\d+)", contents)
        assert found, paper["title"]
        start = labels.index(found.group(1))
        assert letters(paper["title"]) in letters(reader.pages[start].extract_text())
        if labels[start - 1].isdigit():  # the page before is another paper's (not the contents)
            assert letters(paper["title"]) not in letters(reader.pages[start - 1].extract_text())
    # and each entry links to that page
    targets = []
    for index in range(1, labels.index("1")):
        for annot in reader.pages[index].get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link" and "/A" in annot and annot["/A"].get("/S") == "/GoTo":
                targets.append(str(annot["/A"]["/D"]))  # an entry over two lines is two rectangles, one target
    assert [reader.get_destination_page_number(reader.named_destinations[t]) for t in dict.fromkeys(targets)] == [page for _, page, _, _ in paper_pages(reader)]


@needs_tex
def test_running_heads_title_on_odd_authors_on_even_none_on_first_pages(tex_volume):
    reader = tex_volume["reader"]
    labels = reader.page_labels
    seen = 0
    made = {words(title): author for _, title, author in tex_volume["made"]}
    for title, first, last, _ in paper_pages(reader):
        if words(title) not in made:
            continue
        assert words(first_line(reader, first)).startswith("әож")  # its own first line, no head
        for page in range(first + 1, last + 1):
            expected = made[words(title)] if int(labels[page]) % 2 == 0 else title
            assert words(first_line(reader, page)) == words(expected)
            seen += 1
    assert seen >= 2


@needs_tex
def test_author_index_names_each_author_with_the_page_their_paper_starts(tex_volume):
    reader = tex_volume["reader"]
    labels = reader.page_labels
    index_at = outline(reader)[-1][1]
    index = words(" ".join(reader.pages[i].extract_text() for i in range(index_at, len(reader.pages))))
    starts = {words(title): labels[first] for title, first, _, _ in paper_pages(reader)}
    for _, title, author in tex_volume["made"]:
        initials, family = author.split(" ")
        assert re.search(rf"{re.escape(words(family))}, {re.escape(words(initials))}\s+{starts[words(title)]}\b", index)
    assert re.search(rf"sadykova, aigerim\s+{starts[words('CHECKING CITATIONS BEFORE TYPESETTING')]}\b", index)
    # Kazakh order (Ә, Б before Latin): the order author_index() gives the PDF volume too
    assert index.index("әбілов") < index.index("бекова") < index.index("sadykova")


@needs_tex
def test_citation_links_of_each_paper_land_in_its_own_reference_list(tex_volume):
    reader, report = tex_volume["reader"], tex_volume["report"]
    papers = paper_pages(reader)
    for number, ((title, first, last, children), paper) in enumerate(zip(papers, report["papers"]), start=1):
        reference_list = [page for name, page in children if name in ("Әдебиеттер тізімі", "References", "Список литературы", "Литература")]
        links = []
        for page in range(first, last + 1):
            for annot in reader.pages[page].get("/Annots") or []:
                annot = annot.get_object()
                action = annot.get("/A")
                if action is not None and action.get("/S") == "/GoTo" and str(action["/D"]).startswith("paper"):
                    links.append((str(action["/D"]), reader.get_destination_page_number(reader.named_destinations[action["/D"]])))
        cites = [c for c in paper["report"]["citations"] if c["resolved"]]
        assert len([name for name, _ in links if "-ref" in name]) == len(cites), title
        for name, target in links:
            assert name.startswith(f"paper{number:03d}-")  # this paper's namespace
            assert first <= target <= last  # lands in this paper
        if cites:
            assert reference_list and {t for n, t in links if "-ref" in n} <= set(range(reference_list[0], last + 1))


@needs_tex
def test_each_paper_keeps_its_pictures_in_its_own_media_folder(tex_volume):
    out, reader = tex_volume["out"], tex_volume["reader"]
    papers = paper_pages(reader)
    for number, source in enumerate(tex_volume["sources"], start=1):
        folder = out / f"paper{number:03d}.media"
        if source.suffix == ".docx":
            assert sorted(p.name for p in folder.iterdir()) == ["picture1.png"]
            assert f"\\includegraphics[width=200.00pt,height=133.33pt]{{paper{number:03d}.media/picture1.png}}" in tex_volume["tex"]
            _, first, last, _ = papers[number - 1]
            assert sum(len(reader.pages[p].images) for p in range(first, last + 1)) == 1
        else:
            assert not folder.exists()


def test_every_language_is_provided_and_each_paper_set_in_its_own(tex_volume):
    from exporter.pipeline import read_and_link
    from exporter.venue import Template
    from exporter.writers import Edition
    from exporter.writers.latex import hyphenation_exceptions

    tex = tex_volume["tex"]
    preamble = tex[:tex.index("\\begin{document}")]
    assert "\\babelprovide[import, main]{kazakh}" in preamble
    for babel in ("english", "russian"):
        assert f"\\ifcsname l@{babel}\\endcsname\\babelprovide[import]{{{babel}}}" in preamble
    chosen = re.findall(r"^\\exporterpaper\{(\d+)\}\{paper\d+-\}\{(\w+)\}", tex, re.M)
    assert [b for _, b in chosen] == ["kazakh", "english", "kazakh", "russian", "russian", "kazakh", "russian"]
    # every word a Kazakh paper's own LaTeX edition hyphenates is in the book's Kazakh list
    listed = set(re.search(r"\\babelhyphenation\[kazakh\]\{([^}]*)\}", preamble).group(1).split())
    template = Template.load("kz-conference")
    for path, _, _ in tex_volume["made"]:
        own = str(hyphenation_exceptions(Edition(read_and_link(str(path), None), template))).split()
        assert own and set(own) <= listed


@needs_tex
def test_kazakh_is_divided_by_its_own_list_when_the_book_is_in_another_language(tmp_path):
    """The English demo first, the Kazakh seed second: English is the book's language. Babel lent
    Kazakh (no patterns in TeX Live) the English set, whose exceptions stood for both: no Kazakh
    word was divided at a line end."""
    from exporter.typography.hyphenation import Hyphenator

    out = tmp_path / "out"
    result = run_cli("volume", str(DEMO), str(SEED), "--bib-dir", str(DEMO_BIB.parent), "--to", "latex", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "\\babelprovide[import, main]{english}" in (out / "volume.tex").read_text(encoding="utf-8")
    reader, _ = compile_tex(out)
    title, first, last, _ = paper_pages(reader)[1]
    assert title.startswith("ҚАЗАҚСТАН")
    hyphenator = Hyphenator("kk")
    seed = SEED.read_text(encoding="utf-8").lower()
    divided = 0
    for page in range(first, last + 1):
        lines = reader.pages[page].extract_text().splitlines()
        for line, after in zip(lines, lines[1:]):
            end = re.search(r"(\w+)-$", line.strip())
            start = re.match(r"([^\W\d_]+)", after.strip())  # the next line of text (not a page number)
            if end and start and re.fullmatch(r"[а-яёәғқңөұүһі]+", end.group(1).lower()):
                if f"{end.group(1)}-{start.group(1)}".lower() in seed:
                    continue  # a hyphen of the text itself (`қарым-қатынасы`), not a division
                word = end.group(1) + start.group(1)
                assert len(end.group(1)) in hyphenator.positions(word.lower()), word
                divided += 1
    assert divided >= 5


# ---- the same bytes, what --to writes, refusals -------------------------------------------------


def test_same_papers_same_files_with_one_worker_or_two(tex_volume, tmp_path):
    again = tmp_path / "again"
    result = run_cli("volume", *map(str, tex_volume["sources"]), "--bib-dir", str(DEMO_BIB.parent), "--title", "Конференция материалдары",
                     "--editors", "Редактор: А. Әбілов", "--out", str(again), "--jobs", "1")
    assert result.returncode == 0, result.stderr

    def files(folder):
        return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    first, second = files(tex_volume["out"]), files(again)
    assert sorted(first) == sorted(second) and "volume.tex" in first and "paper005.media/picture1.png" in first
    assert [name for name in first if first[name] != second[name]] == []


def test_to_chooses_the_books_editions(tmp_path):
    papers = [str(p) for p, _, _ in make_papers(tmp_path / "papers", 2)]
    for editions, expected in (("pdf", ["volume.pdf", "volume.report.json"]), ("latex", ["volume.report.json", "volume.tex"])):
        out = tmp_path / editions
        result = run_cli("volume", *papers, "--to", editions, "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert sorted(p.name for p in out.iterdir()) == expected
    both = tmp_path / "both"
    assert run_cli("volume", *papers, "--out", str(both)).returncode == 0
    # the .tex's namespaces and media names do not reach volume.pdf
    assert (both / "volume.pdf").read_bytes() == (tmp_path / "pdf" / "volume.pdf").read_bytes()
    result = run_cli("volume", *papers, "--to", "pdf,docx", "--out", str(tmp_path / "no"))
    assert result.returncode == 2 and "--to: unknown edition docx; choose from pdf, latex" in result.stderr and not (tmp_path / "no").exists()


def _venue_with_shell(tmp_path: Path, change) -> Path:
    """A copy of kz-conference whose own LaTeX shell is the shared one changed by `change`."""
    venue = tmp_path / "venue"
    shutil.copytree(REPO / "templates" / "kz-conference", venue)
    shell = (REPO / "templates" / "shared" / "document.tex.j2").read_text(encoding="utf-8")
    (venue / "document.tex.j2").write_text(change(shell), encoding="utf-8")
    return venue


@pytest.mark.parametrize("change, message", [
    # a paper's own matter in the preamble: every paper would get the first one's
    (lambda s: s.replace("\\begin{document}", "\\newcommand{\\entrycount}{<< entries | length >>}\n\\begin{document}", 1),
     r"document\.tex\.j2: the preamble \(before \\begin\{document\}\) differs between .*paper000\.txt and .*demo-typesetting\.txt"),
    (lambda s: s.replace("\\begin{document}", "\\begin{document}%", 1), r"document\.tex\.j2: a volume binds what the LaTeX shell puts between"),
])
def test_a_shell_the_volume_cannot_bind_is_refused_naming_it(tmp_path, change, message):
    venue = _venue_with_shell(tmp_path, change)
    papers = [str(p) for p, _, _ in make_papers(tmp_path / "papers", 1)]
    out = tmp_path / "out"
    result = run_cli("volume", *papers, str(DEMO), "--bib-dir", str(DEMO_BIB.parent), "--template", str(venue), "--out", str(out))
    assert result.returncode == 2, result.stderr
    assert re.search(message, result.stderr) and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


# ---- every venue's class -----------------------------------------------------------------------


def _venues() -> list[str]:
    from exporter.venue import available

    return sorted(available())


@needs_tex
@pytest.mark.parametrize("venue", _venues())
def test_the_volume_compiles_with_each_venues_class(venue, tmp_path):
    """The same parts with whatever class a venue's shell loads (scrartcl; IEEEtran, llncs…):
    one outline entry per paper, contents pages that are the titles' pages."""
    made = make_papers(tmp_path / "papers", 2, sentences=lambda n: 20 + 60 * n)
    out = tmp_path / "out"
    result = run_cli("volume", str(made[0][0]), str(DEMO), str(made[1][0]), "--bib-dir", str(DEMO_BIB.parent), "--template", venue, "--to", "latex", "--out", str(out))
    assert result.returncode == 0, result.stderr
    reader, log = compile_tex(out)
    assert "multiply defined" not in log and "same identifier" not in log
    report = json.loads((out / "volume.report.json").read_text(encoding="utf-8"))
    papers = paper_pages(reader)
    assert [words(t) for t, _, _, _ in papers] == [words(p["title"]) for p in report["papers"]]
    labels = reader.page_labels
    contents = words(" ".join(reader.pages[i].extract_text() for i in range(1, labels.index("1"))))
    for title, first, _, _ in papers:
        found = re.search(re.escape(words(title)) + r"[\s.]*(\d+)", contents)
        assert found and found.group(1) == labels[first], title
        assert letters(title) in letters(reader.pages[first].extract_text())
