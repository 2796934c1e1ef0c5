"""Code in the model: read from Markdown and DOCX, drawn in a monospace face by every edition."""

from __future__ import annotations

import re
import shutil
import subprocess

import docx
import pytest

from exporter.model import Citation, Code, CodeBlock, Paragraph, Text, walk
from exporter.readers import read_document
from exporter.readers.docx.monospace import is_monospace

# ---- the DOCX reader ------------------------------------------------------------------------


def _docx_with_code(path):
    d = docx.Document()
    p = d.add_paragraph("The array ")
    p.add_run("state[764]").font.name = "Courier New"
    p.add_run(" is cited [1] here.")
    p = d.add_paragraph("Styled ")
    d.styles.add_style("HTML Code", 2)  # Word's built-in character style for code
    p.add_run("f[3]", style="HTML Code")
    p.add_run(" and a serif run [2].").font.name = "Times New Roman"
    d.add_paragraph("Before [4].")
    for line in ["def f(x):", "    return x[5]  # [6]", "", "print(f)"]:
        p = d.add_paragraph()
        if line:
            p.add_run(line).font.name = "Consolas"
    d.add_paragraph("After.")
    d.save(path)
    return path


def test_docx_monospace_runs_are_code_and_their_brackets_no_citations(tmp_path):
    doc = read_document(str(_docx_with_code(tmp_path / "code.docx")))
    first = doc.blocks[0]
    assert isinstance(first, Paragraph)
    code = [n for n in first.inlines if isinstance(n, Code)]
    assert [c.text for c in code] == ["state[764]"]
    # `The array ` is 10 characters: the code starts at column 11 of paragraph 1
    assert (code[0].span.paragraph, code[0].span.column, code[0].span.end_column) == (1, 11, 21)
    labels = [c.raw for c in walk(doc.blocks) if isinstance(c, Citation)]
    assert labels == ["[1]", "[2]", "[4]"]  # never [764], [3], [5], [6]
    second = doc.blocks[1]
    assert [n.text for n in second.inlines if isinstance(n, Code)] == ["f[3]"]  # by its style
    assert any(isinstance(n, Text) and "serif run" in n.text for n in second.inlines)


def test_docx_paragraphs_all_in_code_are_one_code_block(tmp_path):
    doc = read_document(str(_docx_with_code(tmp_path / "code.docx")))
    blocks = [b for b in doc.blocks if isinstance(b, CodeBlock)]
    assert len(blocks) == 1
    assert blocks[0].text == "def f(x):\n    return x[5]  # [6]\n\nprint(f)"  # the empty paragraph is its blank line
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Paragraph", "CodeBlock", "Paragraph"]


def test_a_paper_typed_all_in_a_monospace_face_is_not_all_code(tmp_path):
    d = docx.Document()
    d.styles["Normal"].font.name = "Courier New"
    d.add_paragraph("A typewritten paper cites [1].")
    d.save(tmp_path / "typed.docx")
    doc = read_document(str(tmp_path / "typed.docx"))
    assert not any(isinstance(n, Code) for n in walk(doc.blocks))
    assert [c.raw for c in walk(doc.blocks) if isinstance(c, Citation)] == ["[1]"]


def test_monospace_families_by_font_table_or_name():
    assert is_monospace("Courier New", frozenset()) and is_monospace("DejaVu Sans Mono", frozenset())
    assert is_monospace("Consolas", frozenset()) and is_monospace("Source Code Pro", frozenset())
    assert is_monospace("Menlo", frozenset()) and is_monospace("JetBrainsMono", frozenset())
    assert not is_monospace("Times New Roman", frozenset()) and not is_monospace("Monotype Corsiva", frozenset())
    assert is_monospace("Some House Font", frozenset({"some house font"}))  # the font table says fixed pitch


# ---- the editions ---------------------------------------------------------------------------

PAPER = (
    "---\ntitle: Code in a paper\nlang: en\n---\n\n"
    "# Method\n\n"
    "The counter `state[764]` and the word `әғқңөұүһі` are code; the identifier "
    "`a_very_long_identifier_name_that_is_never_hyphenated_anywhere` is too [1].\n\n"
    "```python\n"
    "def f(x):\n"
    "    return x[2]  # \\begin{x} { } % # $ _ ^ ~ & \\end{Verbatim}\n"
    "```\n\n"
    "A paragraph directly above a table.\n\n"
    "| A | B |\n|---|---|\n| 1 | 2 |\n\n"
    "# References\n\n1. Knuth D.E. The TeXbook. 1984.\n"
)
SPECIALS = r"\begin{x} { } % # $ _ ^ ~ & \end{Verbatim}"


def _code_edition(tmp_path):
    from exporter.pipeline import read_and_link
    from exporter.venue import Template
    from exporter.writers import Edition

    path = tmp_path / "code.md"
    path.write_text(PAPER, encoding="utf-8")
    return Edition(read_and_link(str(path)), Template.load("article"))


def _chars_with_fonts(pdf_path):
    """(character, font name, left, bottom) of every character PDFium reads on the first page."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument(str(pdf_path))
    textpage = document[0].get_textpage()
    out = []
    buffer = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    for i in range(textpage.count_chars()):
        n = pdfium_c.FPDFText_GetFontInfo(textpage.raw, i, buffer, 256, ctypes.byref(flags))
        name = buffer.raw[: max(n - 1, 0)].decode("utf-8", "replace")
        left, bottom, _, _ = textpage.get_charbox(i)
        out.append((chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)), name, left, bottom))
    return out


def _drawn_in(chars, text: str) -> set[str]:
    """The fonts the characters of `text` (where it first appears in the page's text) are drawn in."""
    joined = "".join(c for c, *_ in chars)
    at = joined.find(text)
    assert at >= 0, (text, joined[:400])
    return {font for _, font, *_ in chars[at : at + len(text)]}


def _fonts_embedded(pdf_path) -> str:
    return subprocess.run(["pdffonts", str(pdf_path)], capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) is not installed")
def test_pdf_draws_code_in_the_embedded_monospace_face(tmp_path):
    from exporter.writers import pdf

    out = tmp_path / "code.pdf"
    out.write_bytes(pdf.render(_code_edition(tmp_path)))
    fonts = _fonts_embedded(out)
    assert re.search(r"\+LiberationMono\s+TrueType.*\byes\s+yes\s+yes", fonts), fonts
    chars = _chars_with_fonts(out)
    assert all("LiberationMono" in f for f in _drawn_in(chars, "state[764]"))
    assert all("LiberationMono" in f for f in _drawn_in(chars, "әғқңөұүһі"))  # Liberation Mono has Kazakh's letters
    assert all("LiberationSerif" in f for f in _drawn_in(chars, "counter"))
    # Code is never hyphenated: the monospace face draws exactly the code's own characters.
    mono = "".join(c for c, font, *_ in chars if "LiberationMono" in font and not c.isspace())
    want = "state[764]әғқңөұүһіa_very_long_identifier_name_that_is_never_hyphenated_anywhere" + "deff(x):returnx[2]#" + SPECIALS.replace(" ", "")
    assert mono.replace("\ufffe", "").replace("\x02", "") == want


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) is not installed")
def test_pdf_code_block_keeps_its_indentation_and_tables_get_space_above(tmp_path):
    from reportlab.pdfbase import pdfmetrics

    from exporter.writers import pdf

    out = tmp_path / "code.pdf"
    edition = _code_edition(tmp_path)
    out.write_bytes(pdf.render(edition))
    chars = _chars_with_fonts(out)
    joined = "".join(c for c, *_ in chars)
    d = chars[joined.find("def f")]
    r = chars[joined.find("return x")]
    size = edition.venue.body.size_pt * pdf.CODE_SCALE
    advance = pdfmetrics.stringWidth(" ", "Courier", size)  # every monospace glyph is 0.6 em wide
    assert abs((r[2] - d[2]) - 4 * advance) < 1.5  # four spaces in, as written (ink boxes: `r` and `d` differ by < 1 pt)
    assert r[3] < d[3] - size  # on the next line
    # The table's top rule stands clear of the paragraph above: half a line (body 11 pt × 1.15 × 1.15 / 2 ≈ 7.3 pt).
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    page = pdfium.PdfDocument(str(out))[0]
    rules = [obj.get_bounds() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH])]
    above = chars[joined.find("directly above a table")]
    top_rule = max(top for _, bottom, _, top in rules if top < above[3])
    descent = 0.25 * edition.venue.body.size_pt
    assert above[3] - descent - top_rule > 5, (above[3], top_rule)


def test_docx_sets_code_in_pandocs_code_styles_with_the_monospace_face(tmp_path):
    import io

    from docx.oxml.ns import qn

    from exporter.writers import docx as docx_writer

    document = docx.Document(io.BytesIO(docx_writer.render(_code_edition(tmp_path))))
    runs = [r for p in document.paragraphs for r in p.runs]
    code = next(r for r in runs if r.text == "state[764]")
    assert code.style.name == "Verbatim Char"
    assert code.style.element.rPr.rFonts.get(qn("w:ascii")) == "Liberation Mono"
    block = next(p for p in document.paragraphs if "def f(x):" in p.text)
    assert block.style.name == "Source Code"
    assert block.style.element.rPr.rFonts.get(qn("w:hAnsi")) == "Liberation Mono"
    assert block.text == "def f(x):\n    return x[2]  # " + SPECIALS  # one paragraph, lines by w:br, spaces kept
    assert all(t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve" for t in block._p.iter(qn("w:t")))
    assert block.style.element.pPr.find(qn("w:suppressAutoHyphens")) is not None
    assert "\u00ad" not in "".join(r.text for r in runs if r.style is not None and r.style.name == "Verbatim Char")  # no soft hyphens in code


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdffonts") is None, reason="LibreOffice / pdffonts not installed")
def test_docx_code_shows_in_the_monospace_face_in_libreoffice(tmp_path):
    from exporter.writers import docx as docx_writer

    (tmp_path / "code.docx").write_bytes(docx_writer.render(_code_edition(tmp_path)))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path / "out"), str(tmp_path / "code.docx")],
                   capture_output=True, timeout=180, check=True)
    pdf_path = tmp_path / "out" / "code.pdf"
    assert "LiberationMono" in _fonts_embedded(pdf_path)
    chars = _chars_with_fonts(pdf_path)
    assert all("LiberationMono" in f for f in _drawn_in(chars, "state[764]"))
    assert all("LiberationMono" in f for f in _drawn_in(chars, "x[2]"))  # the code block


@pytest.mark.skipif(shutil.which("xelatex") is None or shutil.which("pdftotext") is None, reason="xelatex/pdftotext not installed")
def test_latex_code_compiles_and_prints_every_special_character(tmp_path):
    from exporter.writers import latex

    tex = latex.render(_code_edition(tmp_path)).decode("utf-8")
    assert "\\texttt{state{[}764{]}}" in tex or "\\texttt{state[764]}" in tex
    assert "\\begin{Verbatim}" in tex and "\\setmonofont{Liberation Mono}" in tex
    (tmp_path / "paper.tex").write_text(tex, encoding="utf-8")
    run = subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", "paper.tex"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    log = (tmp_path / "paper.log").read_text(encoding="utf-8", errors="replace")
    assert run.returncode == 0, log[-3000:]
    assert "Missing character" not in log
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "paper.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert SPECIALS in text  # every TeX special printed as written
    assert re.search(r"^( *)def f\(x\):\n\1    return x\[2\]", text, re.M)  # the indentation kept
    assert "state[764]" in text and "әғқңөұүһі" in text
    assert "LiberationMono" in _fonts_embedded(tmp_path / "paper.pdf")
    chars = _chars_with_fonts(tmp_path / "paper.pdf")
    assert all("LiberationMono" in f for f in _drawn_in(chars, "state[764]"))
    assert all("LiberationMono" in f for f in _drawn_in(chars, "әғқңөұүһі"))


def test_code_lines_expand_tabs_and_continue_long_lines():
    from exporter.writers import code_lines

    # a word longer than the line is cut at the limit, its continuations set in two columns
    assert code_lines("a\tb\n\n" + "x" * 20, 8) == ["a   b", "", "xxxxxxxx", "  xxxxxx", "  xxxxxx"]
    # a long line breaks at the last space that fits; the continuation stands two columns past
    # its line's own indent (`    int total = …` continues under `    ` + 2)
    line = "    int total = first_value_of_the_row + second_value_of_the_row;"
    assert code_lines(line, 40) == ["    int total = first_value_of_the_row +", "      second_value_of_the_row;"]
    assert all(len(piece) <= 40 for piece in code_lines(line * 3, 40))
