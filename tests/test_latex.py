"""The LaTeX edition: escaping, links and flags in the .tex, and a real XeLaTeX compile."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import DEMO, DEMO_BIB, SEED

from exporter.pipeline import read_and_link
from exporter.venue import Template
from exporter.writers import Edition
from exporter.latex_text import escape_tex
from exporter.writers.latex import render

XELATEX = shutil.which("xelatex")
PDFTOTEXT = shutil.which("pdftotext")
needs_tex = pytest.mark.skipif(not (XELATEX and PDFTOTEXT), reason="xelatex/pdftotext not installed (the README's setup installs them)")

HOSTILE = r"""\input{/etc/passwd} \write18{touch pwned-shell} \immediate\write\exportout{x} \catcode`\{=12
^^5c^^5cinput ^^5cend \def\x{y} \x { unbalanced } } { % # & $ _ ^ ~ \ {} a--b '' `` <<>> |"""


def tex_for(source: Path, bib: Path | None = None, template: str = "kz-conference") -> str:
    return render(Edition(read_and_link(str(source), str(bib) if bib else None), Template.load(template))).decode("utf-8")


def compile_tex(tex: str, folder: Path) -> tuple[subprocess.CompletedProcess, str]:
    (folder / "paper.tex").write_text(tex, encoding="utf-8")
    for _ in range(2):  # twice, so that hyperref's links and bookmarks settle
        run = subprocess.run(
            [XELATEX, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "paper.tex"],
            cwd=folder, capture_output=True, text=True, errors="replace", timeout=300,
        )
    log = (folder / "paper.log").read_text(encoding="utf-8", errors="replace")
    return run, log


def pdf_text(pdf: Path) -> str:
    return subprocess.run([PDFTOTEXT, "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def words(text: str) -> list[str]:
    # TeX breaks words at line ends with a hyphen (and at a compound's own hyphen): join
    # line-end hyphens, then drop hyphens on both sides so `сондай-ақ` compares either way.
    text = re.sub(r"\n\d+\n\f", "\n", text)  # a page's footer number, then the page break
    text = re.sub(r"-\s*\n", "", text)
    return re.findall(r"\w+", text.replace("-", "").replace("\u00ad", ""))


def missing_in_order(expected: list[str], actual: list[str]) -> list[str]:
    """Words of `expected` not found, in order, in `actual` (extra words in `actual` are allowed)."""
    it = iter(actual)
    missing = []
    for i, w in enumerate(expected):
        if not any(w == a for a in it):
            return expected[i : i + 10]
    return missing


def test_escape_tex_prints_every_special_literally():
    assert escape_tex(r"50% & $x_1^2$ #1 ~ \cmd {a}") == (
        r"50\% \& \$x\_1\textasciicircum{}2\$ \#1 \textasciitilde{} \textbackslash{}cmd \{a\}"
    )
    # TeX ligatures would turn `--` into a dash and `''` into a quote: broken apart.
    assert escape_tex("a--b ''") == "a-{}-b '{}'"
    assert escape_tex("tab\tnul\x00ff\x0c") == "tab nul ff "


def test_unresolved_citations_are_flagged_in_place():
    tex = tex_for(SEED)
    flagged = re.findall(r"\\exporterunresolved\{(\[\d+\])\}", tex)
    assert flagged == ["[9]", "[5]", "[11]", "[12]", "[13]", "[13]", "[1]", "[2]"]
    assert "\\hyperlink" not in tex.split("\\begin{document}")[1]
    # the venue lists them at the end, under the Kazakh heading
    assert "Әдебиеттер тізімінде жоқ сілтемелер" in tex


def test_resolved_citations_link_to_their_entries():
    tex = tex_for(DEMO, DEMO_BIB)
    targets = re.findall(r"\\hyperlink\{(ref_\w+)\}\{(\w+)\}", tex)
    anchors = set(re.findall(r"\\hypertarget\{(ref_\w+)\}", tex))
    assert [label for _, label in targets] == ["1", "2", "3", "4", "5", "6", "1", "2"]
    assert {t for t, _ in targets} == anchors == {f"ref_{k}" for k in ("knuth1984", "lamport1994", "mittelbach2004", "bringhurst1992", "patashnik1988", "goedel1931")}
    assert "exporterunresolved{" not in tex.split("\\begin{document}")[1]


def test_chinese_runs_switch_to_the_fallback_font():
    tex = tex_for(SEED)
    assert "{\\exporterfontA 孔子学院}" in tex
    assert "{\\exporterfontA 学学不如近学}" in tex
    assert "\\newfontfamily\\exporterfontA{WenQuanYi Micro Hei}" in tex


@needs_tex
@pytest.mark.parametrize("case", ["seed", "demo"])
def test_compiles_with_xelatex_and_shows_every_character(case, tmp_path):
    source, bib = (SEED, None) if case == "seed" else (DEMO, DEMO_BIB)
    linked = read_and_link(str(source), str(bib) if bib else None)
    run, log = compile_tex(tex_for(source, bib), tmp_path)
    assert run.returncode == 0, log[-3000:]
    assert "Missing character" not in log
    text = pdf_text(tmp_path / "paper.pdf")
    from exporter.report import model_json

    model = model_json(linked.document)
    body = " ".join(b.get("text", "") or " ".join(i["text"] for i in b.get("items", [])) for b in model["blocks"])
    # every word of the body is in the PDF, in order (page numbers and headings may interleave)
    assert missing_in_order(words(body), words(text)) == []
    if case == "seed":
        for s in ("孔子学院", "学学不如近学", "西域", "ҚАЗАҚСТАН МЕН ҚЫТАЙ"):
            assert s in text


@needs_tex
def test_hostile_text_prints_literally_and_runs_nothing(tmp_path):
    paper = tmp_path / "hostile.txt"
    paper.write_text("ТАҚЫРЫП\n\nAuthor Name\n\nText with " + HOSTILE + " and a citation [1].\n\nReferences\n\n1. " + HOSTILE + "\n", encoding="utf-8")
    tex = tex_for(paper)
    build = tmp_path / "tex"
    build.mkdir()
    run, log = compile_tex(tex, build)
    assert run.returncode == 0, log[-3000:]
    text = pdf_text(build / "paper.pdf")
    flat = " ".join(text.split())
    for literal in (r"\input{/etc/passwd}", r"\write18{touch pwned-shell}", r"\catcode`\{=12", "^^5c^^5cinput", r"\def\x{y}", "% # & $ _ ^ ~ \\", "a--b ''"):
        assert literal in flat, literal
    assert "root:" not in text  # /etc/passwd was not read
    # nothing but XeLaTeX's own files was written
    assert sorted(p.name for p in build.iterdir()) == ["paper.aux", "paper.log", "paper.out", "paper.pdf", "paper.tex"]
    assert not (tmp_path / "pwned-shell").exists() and not (build / "pwned-shell").exists()


@needs_tex
def test_a_narrow_table_column_hyphenates_its_first_word(tmp_path):
    # TeX hyphenates no word that opens a paragraph, and each p-column cell is one: without glue
    # before it, `Параметр` in a column a tenth of the page wide ran into the next column
    # (found on ru_dimitrov_balancing_robot's table of symbols)
    from exporter.linker import Linked
    from exporter.model import Cell, Document, Meta, Span, Table, Text

    rows = ((Cell((Text("Параметрический"),)), Cell((Text("Значение"),))), (Cell((Text("Электродвигатель"),)), Cell((Text("1"),))))
    table = Table(rows, Span(1, 1, 0, 1), header_rows=1, widths=(0.1, 0.9))
    document = Document("t.docx", Meta(title=(Text("Таблица"),), language="ru"), (table,))
    tex = render(Edition(Linked(document, ()), Template.load("kz-conference"))).decode("utf-8")
    run, log = compile_tex(tex, tmp_path)
    assert run.returncode == 0, log[-2000:]
    assert "Overfull \\hbox" not in log  # each long word broken inside its column
    joined = " ".join(words(pdf_text(tmp_path / "paper.pdf")))
    assert "Параметрический" in joined and "Электродвигатель" in joined  # broken with a hyphen, rejoined


@needs_tex
def test_an_address_written_out_breaks_after_its_marks_instead_of_running_into_the_margin(tmp_path):
    # A reference list's bare address (found on a PubMed paper's list: 52 pt into the margin):
    # TeX never breaks `http://whqlibdoc…`; the edition gives it url.sty's breaks, no hyphen.
    from exporter.linker import Linked
    from exporter.model import Document, Meta, Paragraph, Span, Text

    address = "http://whqlibdoc.who.int/publications/2008/9789241596657_eng.pdf"
    text = "World Health Organization. World prevalence of anaemia 1993-2005. Available at " + address + ", accessed 2008."
    document = Document("t.txt", Meta(title=(Text("Anaemia"),), language="en"), (Paragraph((Text(text),), Span(1, 1, 1, 1)),))
    tex = render(Edition(Linked(document, ()), Template.load("kz-conference"))).decode("utf-8")
    assert "http://\\allowbreak{}whqlibdoc.\\allowbreak{}who." in tex  # after `//` and `.`, never inside `http://`
    assert "prevalence of anaemia 1993-2005" in tex  # words that are no address are as they were
    run, log = compile_tex(tex, tmp_path)
    assert run.returncode == 0, log[-2000:]
    assert "Overfull \\hbox" not in log
    lines = pdf_text(tmp_path / "paper.pdf").splitlines()
    assert "".join(line.strip() for line in lines if "who" in line or "9789" in line or "eng.pdf" in line).count("9789241596657_eng.pdf") == 1
    assert not any(line.rstrip().endswith("-") and "who" in line for line in lines)  # no hyphen added


def test_links_take_the_pdf_editions_colours():
    # hyperref's defaults printed an address magenta and a relative one cyan; the LaTeX edition
    # colours addresses as the PDF edition does and leaves places in the paper in the text's colour
    from exporter.writers.pdf import LINK_COLOUR

    tex = tex_for(DEMO, DEMO_BIB)
    assert f"\\definecolor{{exporterlink}}{{HTML}}{{{LINK_COLOUR.lstrip('#')}}}" in tex
    setup = re.search(r"\\hypersetup\{(.*)\}", tex).group(1)
    assert "urlcolor=exporterlink" in setup and "filecolor=exporterlink" in setup
    assert "linkcolor=black" in setup and "citecolor=black" in setup
