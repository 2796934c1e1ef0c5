"""Front matter as inlines (issues 15 and 17.5): a citation in an abstract is found, linked and
checked like the body's; a note on the title (a grant acknowledgement) reaches every edition.

Expected values are read off the sources written here: `[2]` in the abstract stands at line 7,
column 29 of TEXT (two spaces, `Abstract.`, three spaces, `Earlier tools `).
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from docx_samples import add_footnotes, append_xml, save
from exporter.build import build_one
from exporter.linker import iter_citations, link
from exporter.model import Citation, Footnote, Meta, Text, cut_inlines, plain_text, walk_document
from exporter.pipeline import read_and_link
from exporter.readers.plaintext import read_plaintext
from exporter.sourcefile import SourceText
from exporter.report import check_json
from exporter.venue import Template

TEXT = (
    "UDC 004.91\n\nCHECKING CITATIONS IN ABSTRACTS\n\nA. Smith\n\n"
    "  Abstract.   Earlier tools [2] miss what abstracts cite; see also\nthe survey in [3].\n\n"
    "Keywords: citations, abstracts\n\nIntroduction\n\nThe body cites [1] and [3] only.\n\n"
    "References\n1. A. One. First title. 2001.\n2. B. Two. Second title. 2002.\n3. C. Three. Third title. 2003.\n"
)


def read_text(text: str):
    return read_plaintext(SourceText("p.txt", text, "utf-8"))


def test_an_abstract_citation_is_found_with_its_place():
    doc = read_text(TEXT)
    assert doc.meta.abstract_text == "Earlier tools [2] miss what abstracts cite; see also the survey in [3]."
    cites = [(c.raw, c.span.line, c.span.column) for c in iter_citations(doc)]
    assert cites == [("[2]", 7, 29), ("[3]", 8, 15), ("[1]", 14, 16), ("[3]", 14, 24)]


def test_an_entry_cited_only_in_the_abstract_is_cited():
    linked = link(read_text(TEXT))
    codes = [(d.code, d.line) for d in linked.diagnostics]
    assert ("CIT002", 18) not in codes  # entry 2 (line 18) is cited, in the abstract
    assert [c.refs[0].entry for c in iter_citations(linked.document)][:2] == ["2", "3"]
    # the abstract is read first: [2] there precedes the body's [1]
    assert ("CIT003", 14) in codes


def test_an_unresolved_abstract_citation_is_reported_at_its_place():
    linked = link(read_text(TEXT.replace("the survey in [3]", "the survey in [9]")))
    (cit001,) = [d for d in linked.diagnostics if d.code == "CIT001"]
    assert (cit001.line, cit001.column) == (8, 15) and "[9]" in cit001.message
    report = check_json(linked)
    assert {"label": "9", "line": 8, "column": 15, "resolved": False, "entry": None} in report["citations"]


def test_without_an_abstract_citation_the_entry_is_never_cited():
    # the finding the issue calls a false positive fires where it should: nothing cites entry 2
    linked = link(read_text(TEXT.replace("Earlier tools [2] miss", "Earlier tools miss")))
    assert ("CIT002", 18) in [(d.code, d.line) for d in linked.diagnostics]


def test_plain_text_views_leave_the_title_note_out():
    meta = Meta(title=(Text("A title"), Footnote((Text("Grant AP123."),))), abstracts=(("en", (Text("An abstract."),)),))
    assert meta.title_text == "A title"
    assert meta.abstract_text == "An abstract."
    assert [type(n).__name__ for n in walk_document_of(meta)] == ["Text", "Footnote", "Text", "Text"]


def walk_document_of(meta: Meta):
    from exporter.model import Document

    return list(walk_document(Document("x.txt", meta, ())))


def test_abstract_in_the_papers_language_is_the_abstract():
    meta = Meta(language="ru", abstracts=(("en", (Text("English."),)), ("ru", (Text("Русский."),))))
    assert meta.abstract_text == "Русский."
    assert Meta(language="kk", abstracts=(("en", (Text("English."),)),)).abstract_text == "English."
    assert Meta().abstract == () and Meta().abstract_text is None


def test_cut_inlines_keeps_nodes_inside_the_part():
    cite = Citation("[5]", (), None)
    run = (Text("Abstract. Text "), cite, Text(" end"))
    assert cut_inlines(run, 10) == (Text("Text "), cite, Text(" end"))
    assert cut_inlines(run, 0, 9) == (Text("Abstract."),)


# ---- the title block keeps citations and notes -----------------------------------------------


def test_title_lines_carry_the_nodes_through_jinja_filters():
    note = Footnote((Text("Grant AP123."),))
    meta = Meta(title=(Text("Checking citations"), note), language="en", abstracts=(("en", (Text("See "), Citation("[1]", (), None), Text("."))),))
    lines = Template.load("kz-conference").title_lines(meta)  # its title line is `meta.title | upper`
    assert lines[0].inlines == (Text("CHECKING CITATIONS"), note)
    abstract = lines[-1].inlines
    assert plain_text(abstract) == "Abstract. See [1]."
    assert any(isinstance(n, Citation) for n in abstract)


def test_a_private_use_mark_in_the_source_is_not_taken_for_a_node():
    # the marks stand in Unicode's Supplementary Private Use Area-B; a paper's own is replaced
    meta = Meta(title=(Text("Title \U00100000 here"),), language="en")
    (line,) = [line for line in Template.load("article").title_lines(meta) if "Title" in plain_text(line.inlines)]
    assert plain_text(line.inlines) == "Title \ufffd Here".replace("Here", "here")
    assert all(isinstance(n, Text) for n in line.inlines)


# ---- a Word paper with a note on its title and a citation in its abstract ------------------


def word_paper(path: Path) -> Path:
    d = docx.Document()
    title = d.add_heading("Checking citations in Word", level=0)
    append_xml(title, '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>')
    d.add_paragraph("Abstract. Earlier tools [2] ignore what an abstract cites.")
    d.add_paragraph("Keywords: citations, abstracts")
    d.add_heading("Introduction", level=1)
    d.add_paragraph("The body cites [1] only.")
    d.add_heading("References", level=1)
    d.add_paragraph("A. One. First title. 2001.", style="List Number")
    d.add_paragraph("B. Two. Second title. 2002.", style="List Number")
    add_footnotes(d, {1: "Supported by grant AP123 of the Ministry of Science."})
    return save(d, path)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fm")
    source = word_paper(folder / "paper.docx")
    (folder / "out").mkdir()
    result = build_one(str(source), None, Template.load("kz-conference"), ["docx", "pdf", "latex"], folder / "out")
    return folder / "out", result


def test_word_title_note_and_abstract_citation_are_read(tmp_path):
    linked = read_and_link(str(word_paper(tmp_path / "p.docx")))
    meta = linked.document.meta
    assert meta.title_text == "Checking citations in Word"
    notes = [n for n in meta.title if isinstance(n, Footnote)]
    assert [plain_text(n.inlines) for n in notes] == ["Supported by grant AP123 of the Ministry of Science."]
    assert meta.abstract_text == "Earlier tools [2] ignore what an abstract cites."
    (cite,) = [n for n in meta.abstract if isinstance(n, Citation)]
    assert cite.refs[0].entry == "2" and cite.span.paragraph == 2 and cite.span.column == 25
    assert "CIT002" not in [d.code for d in linked.diagnostics]


def test_docx_edition_has_the_title_note_as_a_footnote(built):
    out, _ = built
    with zipfile.ZipFile(out / "paper.docx") as z:
        document, notes = z.read("word/document.xml").decode(), z.read("word/footnotes.xml").decode()
    assert "Supported by grant AP123" in notes
    title_block = document[: document.index("Earlier")]  # the title block comes first
    assert "CHECKING CITATIONS IN WORD" in title_block and "w:footnoteReference" in title_block
    assert 'w:anchor="ref_2"' in document[document.index("Earlier"): document.index("ignore")]


def test_latex_edition_has_the_title_note_and_links_the_abstract_citation(built):
    out, _ = built
    tex = (out / "paper.tex").read_text(encoding="utf-8")
    title_line = next(line for line in tex.splitlines() if "CHECKING CITATIONS IN WORD" in line)
    assert "\\footnote{Supported by grant AP123 of the Ministry of Science.}" in title_line
    assert "Earlier tools [\\hyperlink{ref_2}{2}]" in tex


@pytest.mark.skipif(subprocess.run(["which", "xelatex"], capture_output=True).returncode != 0, reason="no xelatex")
def test_latex_edition_with_a_title_note_compiles(built, tmp_path):
    out, _ = built
    tex = tmp_path / "paper.tex"
    tex.write_bytes((out / "paper.tex").read_bytes())
    run = subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", tex.name], cwd=tmp_path, capture_output=True, timeout=240)
    assert run.returncode == 0, run.stdout[-2000:]
    text = subprocess.run(["pdftotext", str(tmp_path / "paper.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Supported by grant AP123" in text


def test_pdf_edition_prints_the_title_note(built):
    out, _ = built
    text = subprocess.run(["pdftotext", str(out / "paper.pdf"), "-"], capture_output=True, text=True).stdout
    assert "CHECKING CITATIONS IN WORD1" in text  # the note's number raised after the title
    assert "Supported by grant AP123 of the Ministry of Science." in text


def test_markdown_front_matter_citation_and_inline_note(tmp_path):
    source = tmp_path / "p.md"
    source.write_text(
        '---\ntitle: "Checking citations^[Supported by grant AP123.]"\nabstract: "Earlier tools [2] miss what abstracts cite."\n---\n\n'
        "# Introduction\n\nText cites [1].\n\n# References\n\n1. A. One. Title. 2001.\n2. B. Two. Title. 2002.\n",
        encoding="utf-8",
    )
    linked = read_and_link(str(source))
    meta = linked.document.meta
    assert meta.title_text == "Checking citations"
    assert [plain_text(n.inlines) for n in meta.title if isinstance(n, Footnote)] == ["Supported by grant AP123."]
    (cite,) = [n for n in meta.abstract if isinstance(n, Citation)]
    assert (cite.span.line, cite.span.column, cite.refs[0].entry) == (3, 26, "2")  # `abstract: "` is 11 characters
    assert "CIT002" not in [d.code for d in linked.diagnostics]


def test_cut_inlines_cuts_inside_emphasis():
    # ru_sukhikh ¶3 (dev half): `Abstract - The article…` set in one italic or bold run
    from exporter.model import Emph, Strong

    run = (Emph((Text("Abstract - The article"),)), Text(" is devoted"))
    assert cut_inlines(run, 11) == (Emph((Text("The article"),)), Text(" is devoted"))
    assert cut_inlines((Strong((Text("Abstract"),)), Text(" - Text")), 11) == (Text("Text"),)
