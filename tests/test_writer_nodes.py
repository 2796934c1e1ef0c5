"""Every writer renders every node of the model: a document built by hand, read back from each edition."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import dataclass

import pytest

from exporter.linker import Linked
from exporter.model import (
    BulletList, Cell, Citation, CiteRef, Document, Emph, Entry, Footnote, Heading, Link, Math, Meta, Paragraph, Span,
    Strong, Subscript, Superscript, Table, Text,
)
from exporter.venue import Template
from exporter.writers import Edition, Walker
from exporter.writers import docx as docx_writer
from exporter.writers import latex as latex_writer
from exporter.writers import pdf as pdf_writer

from helpers import without_soft_hyphens

XELATEX = shutil.which("xelatex")
PDFTOTEXT = shutil.which("pdftotext")


def span(line: int) -> Span:
    return Span(line, 1, line, 40)


ENTRY = Entry("1", 1, span(20), text="Әбілов А. Қазақ тарихы. – Алматы, 2010. – 200 б.")
CITE = Citation("[1, б. 5]", (CiteRef("1", "б. 5", entry="1", start=1, end=2, item_start=1, item_end=2),), span(3))
FORMULA = "𝐸 = 𝑚𝑐² → ∑ αᵢ"


def node_document() -> Document:
    blocks = (
        Heading(1, (Text("Кіріспе"),), span(1)),
        Paragraph((
            Text("Мәтін "), Emph((Text("көлбеу"),)), Text(" және "), Strong((Text("жуан"),)), Text(" H"),
            Subscript((Text("2"),)), Text("O, x"), Superscript((Text("3"),)), Text(" "), CITE, Text(" "),
            Link("https://example.org/a?b=1&c=50%#frag", (Text("сілтеме"),)), Text(" формула "), Math(FORMULA),
            Text(" соңы"), Footnote((Text("Ескерту мәтіні "), Emph((Text("көлбеу"),)))), Text("."),
        ), span(3)),
        Heading(2, (Text("Әдістер"),), span(5)),
        Heading(3, (Text("Деректер"),), span(6)),
        Table(((Cell((Text("Аты"),)), Cell((Text("Саны"),))), (Cell((Text("алма"),)), Cell((Text("12"),))), (Cell((Text("алмұрт"),)),)), span(7), header_rows=1),
        BulletList((), span(9)),
    )
    meta = Meta(title=(Text("Түйіндер"),), language="kk")
    return Document("nodes.txt", meta, blocks, references=(ENTRY,))


@pytest.fixture(scope="module")
def edition() -> Edition:
    return Edition(Linked(node_document(), ()), Template.load("kz-conference"))


# ---- DOCX --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def docx_doc(edition):
    import docx

    return docx.Document(io.BytesIO(without_soft_hyphens(docx_writer.render(edition))))


def test_docx_headings_use_heading_styles_with_outline_levels(docx_doc):
    headings = [(p.style.name, p.text) for p in docx_doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == [("Heading 1", "Кіріспе"), ("Heading 2", "Әдістер"), ("Heading 3", "Деректер")]
    from docx.oxml.ns import qn

    for n in (1, 2, 3):
        level = docx_doc.styles[f"Heading {n}"].element.pPr.find(qn("w:outlineLvl"))
        assert level.get(qn("w:val")) == str(n - 1)


def test_docx_inline_styles(docx_doc):
    body = next(p for p in docx_doc.paragraphs if p.text.startswith("Мәтін"))
    runs = {r.text: r for r in body.iter_inner_content() if hasattr(r, "bold")}
    assert runs["көлбеу"].italic and not runs["көлбеу"].bold
    assert runs["жуан"].bold and not runs["жуан"].italic
    assert runs["2"].font.subscript and runs["3"].font.superscript


def test_docx_link_is_a_real_hyperlink(docx_doc):
    body = next(p for p in docx_doc.paragraphs if p.text.startswith("Мәтін"))
    links = body.hyperlinks
    external = [h for h in links if h.address]
    assert [(h.address, h.text) for h in external] == [("https://example.org/a?b=1&c=50%", "сілтеме")] or [(h.url, h.text) for h in external] == [("https://example.org/a?b=1&c=50%#frag", "сілтеме")]
    internal = [h for h in links if not h.address]
    assert [h.text for h in internal] == ["1"]  # the label, not the locator's 5


def test_docx_math_is_a_word_equation_with_its_glyphs(docx_doc):
    from docx.oxml.ns import qn

    body = next(p for p in docx_doc.paragraphs if p.text.startswith("Мәтін"))
    (equation,) = body._p.findall(qn("m:oMath"))
    text = "".join(t.text for t in equation.iter(qn("m:t")))
    assert all(ch in text for ch in "𝐸𝑚𝑐→∑α")


def test_docx_footnote_is_a_real_footnote(docx_doc):
    from docx.oxml.ns import qn

    part = docx_doc.part
    rels = [r for r in part.rels.values() if r.reltype.endswith("/footnotes")]
    assert len(rels) == 1
    notes = rels[0].target_part
    assert notes.content_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    ref = part.element.body.findall(".//" + qn("w:footnoteReference"))
    assert [r.get(qn("w:id")) for r in ref] == ["1"]
    xml = notes.blob.decode("utf-8")
    assert 'w:id="1"' in xml and "Ескерту мәтіні" in xml and "<w:footnoteRef/>" in xml


def test_docx_table(docx_doc):
    (table,) = docx_doc.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [["Аты", "Саны"], ["алма", "12"], ["алмұрт", ""]]
    assert all(r.bold for r in table.rows[0].cells[0].paragraphs[0].runs)


def test_docx_table_cells_are_found_once_not_per_cell(monkeypatch):
    # python-docx's Table.cell walks the whole table on every call: a 948-row table (Apache POI's
    # bug65649.docx) took over five minutes. The writer takes the grid once; merges still land.
    import io

    import docx
    from docx.table import Table as DocxTable

    from exporter.linker import Linked
    from exporter.model import Cell, Document, Meta, Span, Table, Text
    from exporter.venue import Template
    from exporter.writers import Edition

    def refuse(*args, **kwargs):
        raise AssertionError("Table.cell called")

    monkeypatch.setattr(DocxTable, "cell", refuse)
    rows = ((Cell((Text("A"),), rowspan=2), Cell((Text("B"),), colspan=2)), (Cell((Text("c"),)), Cell((Text("d"),))), (Cell((Text("1"),)), Cell((Text("2"),)), Cell((Text("3"),))))
    document = Document("t.docx", Meta(title=(Text("T"),), language="en"), (Table(rows, Span(1, 1, 1, 1), header_rows=1),))
    data = docx_writer.render(Edition(Linked(document, ()), Template.load("kz-conference")))
    monkeypatch.undo()
    (table,) = docx.Document(io.BytesIO(data)).tables
    assert [[c.text for c in row.cells] for row in table.rows] == [["A", "B", "B"], ["A", "c", "d"], ["1", "2", "3"]]


def test_docx_package_opens_in_libreoffice(edition, tmp_path):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        pytest.skip("LibreOffice not installed")
    (tmp_path / "n.docx").write_bytes(docx_writer.render(edition))
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "html", "--outdir", str(tmp_path), str(tmp_path / "n.docx")], capture_output=True, timeout=180)
    text = (tmp_path / "n.html").read_text(encoding="utf-8").replace("\u00ad", "").replace("&shy;", "")  # soft hyphens
    assert "Ескерту мәтіні" in text and "алмұрт" in text


# ---- PDF ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_bytes(edition) -> bytes:
    return pdf_writer.render(edition)


def test_pdf_outline_has_the_headings_nested(pdf_bytes):
    from pypdf import PdfReader

    outline = PdfReader(io.BytesIO(pdf_bytes)).outline

    def titles(items, depth=0):
        for item in items:
            if isinstance(item, list):
                yield from titles(item, depth + 1)
            else:
                yield depth, item.title

    got = list(titles(outline))
    assert (0, "Кіріспе") in got and (1, "Әдістер") in got and (2, "Деректер") in got


@pytest.mark.skipif(not PDFTOTEXT, reason="pdftotext not installed")
def test_pdf_text_has_every_node(pdf_bytes, tmp_path):
    (tmp_path / "n.pdf").write_bytes(pdf_bytes)
    text = subprocess.run([PDFTOTEXT, "-raw", "-enc", "UTF-8", str(tmp_path / "n.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for words in ("көлбеу", "жуан", "сілтеме", "Аты", "Саны", "алмұрт", "Ескерту мәтіні"):
        assert words in flat, words
    assert "Ескертпелер" not in flat  # the note stands at the foot of its page, not under "Notes" at the end
    # The formula is typeset (ziamath's STIX Two Math outlines) and drawn as a form, not as text.
    assert "∑" not in text
    from pypdf import PdfReader

    streams = "".join(page.get_contents().get_data().decode("latin-1") for page in PdfReader(io.BytesIO(pdf_bytes)).pages)
    assert streams.count("/Formula <</Alt") == 1
    fonts = subprocess.run(["pdffonts", str(tmp_path / "n.pdf")], capture_output=True, text=True).stdout
    assert "Helvetica" not in fonts and all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # every font embedded


def test_pdf_link_and_footnote_targets(pdf_bytes):
    from pypdf import PdfReader

    annots = []
    for page in PdfReader(io.BytesIO(pdf_bytes)).pages:
        for a in page.get("/Annots") or []:
            a = a.get_object()
            action = a.get("/A")
            annots.append(action.get("/URI") if action else a.get("/Dest"))
    assert "https://example.org/a?b=1&c=50%#frag" in annots


# ---- LaTeX -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tex(edition) -> str:
    return latex_writer.render(edition).decode("utf-8")


def test_latex_markup_of_every_node(tex):
    assert "\\section{Кіріспе}" in tex and "\\subsection{Әдістер}" in tex and "\\subsubsection{Деректер}" in tex
    assert "\\emph{көлбеу}" in tex and "\\textbf{жуан}" in tex
    assert "\\textsubscript{2}" in tex and "\\textsuperscript{3}" in tex
    assert "\\href{https://example.org/a?b=1\\&c=50\\%#frag}{сілтеме}".replace("#", "\\#") in tex
    assert "\\footnote{Ескерту мәтіні \\emph{көлбеу}}" in tex
    cell = "\\raggedright\\let\\\\\\tabularnewline\\hspace{0pt}"  # ragged right, `\\` still the row's end
    assert "\\begin{longtable}" in tex and f"{cell}\\textbf{{Аты}} & {cell}\\textbf{{Саны}}" in tex and f"{cell}алмұрт &  \\\\" in tex
    assert f"${FORMULA}$" in tex  # mathematics, as TeX


@pytest.mark.skipif(not (XELATEX and PDFTOTEXT), reason="xelatex/pdftotext not installed")
def test_latex_compiles_and_shows_every_node(tex, tmp_path):
    (tmp_path / "n.tex").write_text(tex, encoding="utf-8")
    for _ in range(2):
        run = subprocess.run([XELATEX, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "n.tex"], cwd=tmp_path, capture_output=True, text=True, errors="replace", timeout=300)
    assert run.returncode == 0, run.stdout[-2000:]
    log = (tmp_path / "n.log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log
    text = subprocess.run([PDFTOTEXT, "-raw", "-enc", "UTF-8", str(tmp_path / "n.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for words in ("Кіріспе", "көлбеу", "сілтеме", "алмұрт", "Ескерту мәтіні"):
        assert words in flat, words


# ---- the walk ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Strange:
    text: str


@pytest.mark.parametrize("writer", ["docx", "pdf", "latex"])
@pytest.mark.parametrize("where", ["block", "inline"])
def test_every_writer_refuses_an_unknown_node(writer, where):
    doc = node_document()
    blocks = (Strange("x"),) if where == "block" else (Paragraph((Text("a"), Strange("x")), span(1)),)
    edition = Edition(Linked(Document(doc.path, doc.meta, blocks), ()), Template.load("kz-conference"))
    module = {"docx": docx_writer, "pdf": pdf_writer, "latex": latex_writer}[writer]
    with pytest.raises(TypeError, match="Strange"):
        module.render(edition)


def test_walker_names_a_method_for_every_model_node():
    import exporter.model as model

    assert set(Walker.BLOCKS) == set(model.Block.__args__)
    assert set(Walker.INLINES) == set(model.Inline.__args__)
