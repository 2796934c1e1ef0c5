"""The Markdown reader: front matter, structure, citations with their source positions."""

from __future__ import annotations

import pytest

from helpers import REPO, run_cli

from exporter.diagnostics import InputError
from exporter.model import Citation, Code, CodeBlock, Emph, Figure, Footnote, Heading, Math, Paragraph, Strong, Table, Text, plain_text, walk
from exporter.pipeline import read_and_link
from exporter.readers import choose_reader, read_document

DEMO_MD = REPO / "source" / "demo-markdown.md"


def _citations(doc):
    return [n for n in walk(doc.blocks) if isinstance(n, Citation)]


def test_front_matter_becomes_meta():
    meta = read_document(str(DEMO_MD)).meta
    assert meta.title_text == "Reading a paper written in Markdown"
    assert meta.authors == ("Aigerim Sadykova",)
    assert meta.affiliations == ("Demo University of Document Engineering",)
    assert meta.udc == "004.912" and meta.language == "en"
    assert meta.keywords == ("Markdown", "citations", "CommonMark")
    assert meta.abstract_text.startswith("A short paper written to demonstrate the Markdown reader")


def test_structure_headings_emphasis_table_footnote():
    doc = read_document(str(DEMO_MD))
    headings = [b for b in doc.blocks if isinstance(b, Heading)]
    # `# References` is the list's heading, not a section of the body.
    assert [(h.level, h.inlines) for h in headings] == [(1, (Text("Introduction"),)), (1, (Text("Method"),)), (1, (Text("Conclusion"),))]
    nodes = list(walk(doc.blocks))
    assert Emph((Text("CommonMark"),)) in nodes and Strong((Text("pandoc"),)) in nodes
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.header_rows == 1 and len(table.rows) == 3
    assert any(isinstance(n, Citation) and n.raw == "[3]" for cell in table.rows[1] for n in cell.inlines)
    (note,) = [n for n in nodes if isinstance(n, Footnote)]
    assert note.inlines == (Text("Brackets inside code and mathematics are never citations."),)


def test_citations_carry_the_line_and_column_of_their_bracket():
    lines = DEMO_MD.read_text(encoding="utf-8").split("\n")
    cites = _citations(read_document(str(DEMO_MD)))
    assert [c.raw for c in cites] == ["[1]", "[2, p. 12]", "[1–3]", "[3]", "[4]"]
    for cite in cites:
        line = lines[cite.span.line - 1]
        assert line[cite.span.column - 1 :].startswith(cite.raw), (cite.raw, line)


def test_math_and_code_brackets_are_not_citations():
    doc = read_document(str(DEMO_MD))
    nodes = list(walk(doc.blocks))
    assert Math(r"x \in [0, 1]") in nodes
    assert "state[764]" not in [c.raw for c in _citations(doc)]
    codes = [n for n in nodes if isinstance(n, Code)]
    assert [c.text for c in codes] == ["state[764]", "[1]", "[1, p. 12]"]  # the prose and the table's cells
    assert not any(isinstance(n, Text) and "state[764]" in n.text for n in nodes)


def _code_paper(tmp_path):
    path = tmp_path / "code.md"
    path.write_text(
        "Text `` a`b `` and ` x ` and `multi\nline` end [1].\n"  # lines 1-2
        "\n"
        "```python {.numberLines}\n"  # line 4
        "def f(x):\n"
        "    return x[2]  # [3] is no citation\n"
        "\ttab\n"
        "```\n"  # line 8
        "\n"
        "    indented [4]\n"  # line 10
        "    block\n",
        encoding="utf-8",
    )
    return path


def test_code_spans_are_code_at_the_place_of_their_text(tmp_path):
    path = _code_paper(tmp_path)
    lines = path.read_text(encoding="utf-8").split("\n")
    doc = read_document(str(path))
    codes = [n for n in walk(doc.blocks) if isinstance(n, Code)]
    assert [c.text for c in codes] == ["a`b", "x", "multi line"]
    # CommonMark strips one space each side of `` a`b `` and ` x `: the span is the text's own.
    a, x, multi = (c.span for c in codes)
    assert (a.line, a.column, a.end_column) == (1, 9, 12) and lines[0][a.column - 1 : a.end_column - 1] == "a`b"
    assert lines[0][x.column - 1 : x.end_column - 1] == "x"
    assert (multi.line, multi.end_line) == (1, 2) and lines[0][multi.column - 1 :] == "multi" and lines[1][: multi.end_column - 1] == "line"
    assert [c.raw for c in _citations(doc)] == ["[1]"]


def test_fenced_and_indented_blocks_are_code_blocks(tmp_path):
    doc = read_document(str(_code_paper(tmp_path)))
    fenced, indented = [b for b in doc.blocks if isinstance(b, CodeBlock)]
    assert fenced.text == "def f(x):\n    return x[2]  # [3] is no citation\n\ttab"  # spaces and the tab kept
    assert fenced.language == "python"
    assert (fenced.span.line, fenced.span.end_line) == (4, 8)  # from fence to fence
    assert indented.text == "indented [4]\nblock" and indented.language is None
    assert (indented.span.line, indented.span.column, indented.span.end_line) == (10, 5, 11)
    assert [c.raw for c in _citations(doc)] == ["[1]"]  # no bracket in code is a citation


def test_own_list_under_a_references_heading_resolves_every_citation():
    linked = read_and_link(str(DEMO_MD))
    refs = linked.document.references
    assert [e.number for e in refs] == [1, 2, 3, 4]
    assert refs[3].text == "Knuth D.E. The TeXbook. Reading, MA: Addison-Wesley, 1984. 483 p."
    assert all(ref.entry for c in _citations(linked.document) for ref in c.refs)
    assert [d.code for d in linked.diagnostics] == []


def test_crlf_source_gives_the_same_positions(tmp_path):
    crlf = tmp_path / "p.md"
    crlf.write_bytes(DEMO_MD.read_bytes().replace(b"\n", b"\r\n"))
    assert [c.span for c in _citations(read_document(str(crlf)))] == [c.span for c in _citations(read_document(str(DEMO_MD)))]


def test_front_matter_bibliography_is_used_when_no_bib_is_given(tmp_path):
    (tmp_path / "refs.bib").write_text("@book{knuth, author = {Knuth, Donald}, title = {The TeXbook}, year = 1984}\n", encoding="utf-8")
    paper = tmp_path / "p.md"
    paper.write_text("---\ntitle: T\nbibliography: refs.bib\n---\n\nAs shown [@knuth], and [@nobody].\n", encoding="utf-8")
    linked = read_and_link(str(paper))
    assert [(r.label, r.entry) for c in _citations(linked.document) for r in c.refs] == [("@knuth", "knuth"), ("@nobody", None)]
    assert linked.bib_path == str(tmp_path / "refs.bib")


def test_bad_front_matter_is_one_line_with_its_line(tmp_path):
    paper = tmp_path / "p.md"
    paper.write_text("---\ntitle: [unclosed\n---\n\nText.\n", encoding="utf-8")
    result = run_cli("check", str(paper))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"exporter: error: {paper}:") and "YAML" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_format_chosen_by_extension_and_confirmed_by_bytes(tmp_path):
    assert choose_reader(str(DEMO_MD)) == "markdown"
    txt = tmp_path / "notes.txt"
    txt.write_text("# Not a heading for the text reader [1]\n", encoding="utf-8")
    assert choose_reader(str(txt)) == "plaintext"
    fake = tmp_path / "paper.md"
    fake.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    with pytest.raises(InputError) as err:
        read_document(str(fake))
    assert "PDF" in str(err.value)


# ---- escapes, entities and `\|` in table cells (issue 17, item 1) ------------------------------

LIST_OF_TWO = "\n\n# References\n\n1. One.\n2. Two.\n"


@pytest.mark.parametrize("written", ["5\\%", "\\$5", "a\\_b", "Tom &amp; Jerry", "5&nbsp;%", "&#8212;", "\\[x\\]"])
def test_an_escape_or_an_entity_hides_no_citation(tmp_path, written):
    """`Costs rose by 5\\% in 2020 [1, 9].` read nothing: [1] was reported never cited and
    the missing [9] went unreported. Every citation is read, at the column it is written."""
    line = f"Costs rose by {written} in 2020 [1, 9]."
    paper = tmp_path / "p.md"
    paper.write_text(line + LIST_OF_TWO, encoding="utf-8")
    result = run_cli("check", "--json", str(paper))
    assert result.returncode == 1, result.stderr
    import json

    report = json.loads(result.stdout)
    column = line.index("[1, 9]") + 1
    assert [(c["label"], c["line"], c["column"], c["entry"]) for c in report["citations"]] == [("1", 1, column, "1"), ("9", 1, column, None)]
    assert [(d["code"], d["line"], d["column"]) for d in report["diagnostics"]] == [("CIT001", 1, column), ("CIT002", 6, 1)]  # entry 2 stands on line 6


def test_text_after_an_escape_keeps_its_source_columns(tmp_path):
    line = "A \\* B &amp; C [1] and \\` D [2]."
    paper = tmp_path / "p.md"
    paper.write_text(line + "\n", encoding="utf-8")
    cites = _citations(read_document(str(paper)))
    assert [(c.raw, c.span.line, c.span.column, c.span.end_column) for c in cites] == [
        ("[1]", 1, line.index("[1]") + 1, line.index("[1]") + 4), ("[2]", 1, line.index("[2]") + 1, line.index("[2]") + 4)]
    text = "".join(n.text for n in read_document(str(paper)).blocks[0].inlines if isinstance(n, Text))
    assert text == "A * B & C  and ` D ."


def test_a_citation_after_an_escaped_pipe_in_a_table_cell_has_its_column(tmp_path):
    row = "| x \\| y [1] | z \\| [2] |"
    paper = tmp_path / "p.md"
    paper.write_text("| a | b |\n|---|---|\n" + row + "\n" + LIST_OF_TWO, encoding="utf-8")
    cites = _citations(read_document(str(paper)))
    assert [(c.raw, c.span.line, c.span.column) for c in cites] == [("[1]", 3, row.index("[1]") + 1), ("[2]", 3, row.index("[2]") + 1)]


def test_a_citation_broken_over_two_lines_is_read(tmp_path):
    paper = tmp_path / "p.md"
    paper.write_text("As shown [1,\n2] here.\n", encoding="utf-8")
    (cite,) = _citations(read_document(str(paper)))
    assert cite.raw == "[1, 2]" and (cite.span.line, cite.span.column, cite.span.end_line, cite.span.end_column) == (1, 10, 2, 3)


def test_fix_renumber_edits_the_right_bytes_after_escapes_and_escaped_pipes(tmp_path):
    """The reader's spans point at the brackets, so `fix --renumber` edits them and nothing
    else (before: `x \\|[1][3]` in the table, and the escaped citations left unchanged)."""
    source = ("# Intro\n\nRates rose 5\\% [2] and &amp; 10\\% [1].\n\n| a | b |\n|---|---|\n| x \\| y [3] | z |\n"
              "\n# References\n\n1. Alpha.\n2. Beta.\n3. Gamma.\n")
    paper = tmp_path / "p.md"
    paper.write_text(source, encoding="utf-8")
    result = run_cli("fix", str(paper), "--renumber", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "p.md").read_text(encoding="utf-8") == (
        "# Intro\n\nRates rose 5\\% [1] and &amp; 10\\% [2].\n\n| a | b |\n|---|---|\n| x \\| y [3] | z |\n"
        "\n# References\n\n1. Beta.\n2. Alpha.\n3. Gamma.\n")


# ---- pictures, formulas, captions (issue 15) --------------------------------------------------


def _png(tmp_path, name: str, size=(300, 150), dpi=(150, 150), kind="PNG") -> bytes:
    from io import BytesIO

    from PIL import Image as PILImage

    out = BytesIO()
    PILImage.new("RGB", size, (200, 30, 30)).save(out, kind, dpi=dpi)
    (tmp_path / name).write_bytes(out.getvalue())
    return out.getvalue()


def _blocks(tmp_path, text: str):
    paper = tmp_path / "p.md"
    paper.write_text(text, encoding="utf-8")
    return read_document(str(paper)).blocks


def test_a_picture_alone_in_its_paragraph_is_a_figure_with_its_bytes_type_and_size(tmp_path):
    data = _png(tmp_path, "scheme.png")
    (figure,) = _blocks(tmp_path, "![Scheme of the rig [1]](scheme.png){#fig:rig}\n")
    assert isinstance(figure, Figure) and figure.label == "fig:rig" and figure.number == "1"  # numbered as pandoc-crossref does
    (image,) = figure.images
    # 300 × 150 pixels at 150 dpi: 2 × 1 inches, 144 × 72 points
    assert (image.data, image.media_type, image.width, image.height, image.name) == (data, "image/png", 144.0, 72.0, "scheme.png")
    assert image.alt == "Scheme of the rig [1]"
    (cite,) = [n for n in figure.caption if isinstance(n, Citation)]
    assert (cite.raw, cite.span.line, cite.span.column) == ("[1]", 1, len("![Scheme of the rig ") + 1)


def test_the_media_type_comes_from_the_bytes_not_the_name(tmp_path):
    _png(tmp_path, "photo.png", size=(96, 96), dpi=(96, 96), kind="JPEG")
    (figure,) = _blocks(tmp_path, "![](photo.png)\n")
    assert (figure.images[0].media_type, figure.images[0].width) == ("image/jpeg", 72.0)


def test_a_picture_inside_text_is_an_inline_image(tmp_path):
    _png(tmp_path, "icon.png", size=(16, 16), dpi=(96, 96))
    (para,) = _blocks(tmp_path, "Press ![the icon](icon.png) to start [1].\n")
    assert isinstance(para, Paragraph)
    assert [type(n).__name__ for n in para.inlines] == ["Text", "Image", "Text", "Citation", "Text"]
    assert para.inlines[1].alt == "the icon" and para.inlines[1].width == 12.0
    assert para.inlines[3].span.column == len("Press ![the icon](icon.png) to start ") + 1


def test_a_caption_paragraph_under_a_picture_is_its_caption_and_number(tmp_path):
    _png(tmp_path, "a.png")
    blocks = _blocks(tmp_path, "![](a.png)\n\nРисунок 3 – Схема установки\n\nText.\n")
    figure, para = blocks
    assert isinstance(figure, Figure) and figure.number == "3"
    assert plain_text(figure.caption) == "Схема установки"  # its label the editions print
    assert plain_text(para.inlines) == "Text."


def test_table_captions_pandoc_before_or_after_and_gost_above(tmp_path):
    table = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    (after,) = _blocks(tmp_path, table + "\nTable: Results of the runs {#tbl:runs}\n")
    assert (plain_text(after.caption), after.label, after.number) == ("Results of the runs", "tbl:runs", "1")
    (before,) = _blocks(tmp_path, ": Before the table\n\n" + table)
    assert plain_text(before.caption) == "Before the table" and before.number is None
    (gost,) = _blocks(tmp_path, "Таблица 2 – Сравнение методов\n\n" + table)
    assert (plain_text(gost.caption), gost.number) == ("Сравнение методов", "2")
    # a paragraph that merely mentions a table stays a paragraph
    blocks = _blocks(tmp_path, "In Table 2 the values rise.\n\n" + table)
    assert isinstance(blocks[0], Paragraph) and blocks[1].caption == ()


def test_formulas_in_every_delimiter_with_numbers_and_labels(tmp_path):
    blocks = _blocks(tmp_path, (
        "Inline $E = mc^2$, \\(a_1\\), display $$\\sum x$$ and costs $20 and $30.\n\n"
        "$$\nx = 1\n$$ {#eq:first}\n\n"
        "$$ y = 2 $$ (2.1)\n\n"
        "\\[\nz = 3 \\tag{7}\n\\]\n\n"
        "$$ w = 4 $$ {#eq:next}\n"))
    inline = [n for n in blocks[0].inlines if isinstance(n, Math)]
    assert inline == [Math("E = mc^2"), Math("a_1"), Math("\\sum x", display=True)]
    assert "$20 and $30" in plain_text(blocks[0].inlines)
    shown = [b.inlines[0] for b in blocks[1:]]
    assert shown == [
        Math("x = 1", display=True, number="1", label="eq:first"),
        Math("y = 2", display=True, number="2.1"),
        Math("z = 3", display=True, number="7"),
        Math("w = 4", display=True, number="8", label="eq:next"),  # pandoc-crossref counts on from the last number
    ]


def test_a_display_formula_does_not_swallow_the_paper_past_a_blank_line(tmp_path):
    blocks = _blocks(tmp_path, "$$\nx = 1\n\nText after [1].\n\n$$ y $$\n")
    assert any(isinstance(b, Paragraph) and any(isinstance(n, Citation) for n in b.inlines) for b in blocks)


@pytest.mark.parametrize("attributes, size, share", [
    ("{width=50%}", (144.0, 72.0), 0.5),  # pandoc's own example: half the text width
    ("{ width=50% }", (144.0, 72.0), 0.5),
    ('{width="3cm"}', (85.04, 42.52), None),  # 3 cm = 85.04 pt, the height in proportion
    ("{#fig:rig .wide height=1.5in}", (216.0, 108.0), None),
    ("{width=240}", (180.0, 90.0), None),  # a bare number is pixels: 240 px = 180 pt
])
def test_pandoc_size_attributes_after_a_picture(tmp_path, attributes, size, share):
    # the block is the picture's (pandoc's grammar: `50%`, `2.5in` as bare values), never text;
    # the attrs plugin alone refused `50%` and printed `{width=50%}` after the picture
    _png(tmp_path, "scheme.png")  # 144 × 72 pt as it stands
    (figure,) = _blocks(tmp_path, f"![Scheme of the rig](scheme.png){attributes}\n")
    assert isinstance(figure, Figure) and plain_text(figure.caption) == "Scheme of the rig"
    (image,) = figure.images
    assert ((image.width, image.height), image.share) == (size, share)


def test_a_share_of_the_text_width_is_honoured_by_every_edition(tmp_path):
    import io
    import re
    import zipfile

    from exporter.venue import Template
    from exporter.writers import Edition, docx as docx_writer, latex, pdf

    _png(tmp_path, "scheme.png", size=(3000, 1500), dpi=(300, 300))  # 720 × 360 pt: wider than any page
    paper = tmp_path / "p.md"
    paper.write_text("# T\n\nText.\n\n![Half](scheme.png){width=50%}\n", encoding="utf-8")
    edition = Edition(read_and_link(str(paper)), Template.load("article"))
    tex = latex.render(edition).decode("utf-8")
    (width,) = [float(w) for w in re.findall(r"\\includegraphics\[width=([\d.]+)pt", tex)]
    with zipfile.ZipFile(io.BytesIO(docx_writer.render(edition))) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    (cx,) = [int(c) for c in re.findall(r'<wp:extent cx="(\d+)"', xml)]
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    page = pdfium.PdfDocument(pdf.render(edition))[0]
    (bounds,) = [o.get_bounds() for o in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]
    # each half of its own text width (A4 less the venue's margins: between 200 and 300 pt), not the
    # picture's own 720 pt fitted to the full width
    for shown in (width, cx / 12700, bounds[2] - bounds[0]):
        assert 200 <= shown <= 300, shown


def test_pandoc_divs_and_spans_show_their_words_not_their_markup(tmp_path):
    """`::: {.note}` … `:::` and `[words]{.smallcaps}` are pandoc's markup: the fences and the
    attributes were printed as text; citations after them keep their places."""
    paper = tmp_path / "p.md"
    paper.write_text("::: {.note}\nA note [1] with [small caps]{.smallcaps} and [see]{#x} [2].\n:::\n\n::: {#refs}\n:::\n", encoding="utf-8")
    linked = read_and_link(str(paper))
    (para,) = linked.document.blocks
    assert plain_text(para.inlines) == "A note [1] with small caps and see [2]."
    cites = [n for n in walk(linked.document.blocks) if isinstance(n, Citation)]
    line = "A note [1] with [small caps]{.smallcaps} and [see]{#x} [2]."
    assert [(c.raw, c.span.line, c.span.column) for c in cites] == [("[1]", 2, line.index("[1]") + 1), ("[2]", 2, line.index("[2]") + 1)]


def test_an_unnumbered_list_written_as_paragraphs_under_the_references_heading(tmp_path):
    # a word processor's Markdown export (APA: one paragraph an entry, italics as `_…_`, HTML
    # entities left in): each paragraph that opens as an entry and holds a year is one; the note
    # before them is none (lists35: an unseen essay's list was not read at all)
    paper = tmp_path / "essay.md"
    paper.write_text(
        "# Reading in two languages\n\nAs shown before (Okafor, 2019; Lind &amp; Berg, 2021).\n\n### References\n\n"
        "Sources are listed in alphabetical order.\n\n"
        "Lind, P., &amp; Berg, S. (2021). Reading in a second language. _Language Learning_, _71_(2), 101-130.\n\n"
        "Okafor, B. (2019). _Bilingual minds_. Routledge.\n",
        encoding="utf-8",
    )
    doc = read_document(str(paper))
    texts = [e.text for e in doc.references]
    assert texts == [
        "Lind, P., & Berg, S. (2021). Reading in a second language. Language Learning, 71(2), 101-130.",
        "Okafor, B. (2019). Bilingual minds. Routledge.",
    ]


def test_an_interval_opening_at_zero_is_no_citation_when_the_list_is_known(tmp_path):
    """`normalised to [0, 1]` beside a list of two entries: the Markdown reader read its body
    without the list's size and cited a missing entry 0 (CIT001), as the Word reader once did."""
    paper = tmp_path / "p.md"
    paper.write_text(
        "---\ntitle: A test\n---\n\nValues are normalised to [0, 1] as in [1] and [2].\n\n# References\n\n"
        "1. Smith J. A paper. Journal, 2001, 1, 1-2.\n2. Doe J. Another paper. Journal, 2002, 2, 3-4.\n", encoding="utf-8")
    linked = read_and_link(str(paper))
    assert [c.raw for c in _citations(linked.document)] == ["[1]", "[2]"]
    assert [d.code for d in linked.diagnostics if d.code.startswith("CIT")] == []
