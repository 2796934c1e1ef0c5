"""Raw HTML in a Markdown paper is read for what it shows (readers/markdown_html.py): comments
show nothing, formatting tags format, `<img>` is a picture, block HTML lays out paragraphs,
headings, lists, tables and figures; what a page cannot show is left out and reported (HTM001)."""

from __future__ import annotations

import struct
import zlib

import pytest

from exporter.diagnostics import InputError
from exporter.model import BulletList, Citation, CodeBlock, Quote, Emph, Figure, Heading, Image, Link, Paragraph, Strong, Subscript, Superscript, Table, Text, plain_text, walk
from exporter.pipeline import read_and_link
from exporter.readers import read_document


def png(width: int, height: int) -> bytes:
    """A real PNG of one colour, made here from its definition (zlib + CRC)."""
    raw = b"".join(b"\x00" + b"\x10\x80\xf0" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def paper(tmp_path, body: str, references: str = "# References\n\n1. Smith J. A book. 2001.\n2. Jones K. Another book. 2002.\n"):
    path = tmp_path / "p.md"
    path.write_text(f"---\ntitle: T\n---\n\n{body}\n\n{references}", encoding="utf-8")
    return path


def blocks(path):
    return read_document(str(path)).blocks


def test_a_comment_shows_nothing_and_hides_no_citation(tmp_path):
    path = paper(tmp_path, "Text before.<!-- a remark [2] --> Text after [1].\n\n<!--\nA paragraph put aside [2].\n-->\n")
    linked = read_and_link(path)
    (para,) = linked.document.blocks
    assert plain_text(para.inlines) == "Text before. Text after [1]."
    (cite,) = [n for n in walk(linked.document.blocks) if isinstance(n, Citation)]
    # `[1]` stands on line 5 (after 4 lines of front matter and a blank line), after 12 + 21 + 12 characters
    assert (cite.span.line, cite.span.column) == (5, 46)
    assert [d.code for d in linked.diagnostics] == ["CIT002"]  # [2], only in comments, is never cited


def test_formatting_tags_format(tmp_path):
    path = paper(tmp_path, 'H<sub>2</sub>O, mc<sup>2</sup>, <b>bold [1]</b>, <i>slanted</i>,<br>a <a href="https://x.org">link</a>, <a name="x">anchor</a>.')
    (para,) = blocks(path)
    kinds = [type(n) for n in para.inlines]
    assert Subscript in kinds and Superscript in kinds and Strong in kinds and Emph in kinds and Link in kinds
    assert plain_text(para.inlines) == "H2O, mc2, bold [1], slanted, a link, anchor."
    (link,) = [n for n in para.inlines if isinstance(n, Link)]
    assert link.url == "https://x.org"
    (strong,) = [n for n in para.inlines if isinstance(n, Strong)]
    assert any(isinstance(n, Citation) for n in strong.inlines)


def test_a_name_that_is_no_element_is_text(tmp_path):
    (para,) = blocks(paper(tmp_path, "The <T> parameter and <Widget id=3> stay [1]."))
    assert plain_text(para.inlines) == "The <T> parameter and <Widget id=3> stay [1]."


def test_an_img_alone_is_a_figure_at_its_size(tmp_path):
    (tmp_path / "chart.png").write_bytes(png(300, 150))
    (figure,) = blocks(paper(tmp_path, '<img src="chart.png" alt="Sales by year" width="200">'))
    assert isinstance(figure, Figure) and plain_text(figure.caption) == "Sales by year"
    (image,) = figure.images
    # 200 CSS pixels are 150 points; the height keeps the picture's 2:1 proportion
    assert (image.media_type, image.width, image.height, image.alt) == ("image/png", 150.0, 75.0, "Sales by year")


def test_figure_with_figcaption_is_numbered_from_its_caption(tmp_path):
    (tmp_path / "a.png").write_bytes(png(40, 20))
    (tmp_path / "b.png").write_bytes(png(40, 20))
    body = '<figure>\n<img src="a.png"> <img src="b.png">\n<figcaption>Figure 3. Two views [1]</figcaption>\n</figure>\n\nAs Figure 3 shows.'
    figure, para = blocks(paper(tmp_path, body))
    assert isinstance(figure, Figure) and len(figure.images) == 2
    assert figure.number == "3" and plain_text(figure.caption) == "Two views [1]"
    assert plain_text(para.inlines) == "As Figure 3 shows."


def test_an_img_follows_the_picture_rules(tmp_path):
    with pytest.raises(InputError) as missing:
        blocks(paper(tmp_path, 'Text.\n\n<img src="nowhere.png">'))
    assert "nowhere.png" in str(missing.value) and "does not exist" in str(missing.value)
    assert missing.value.line == 7
    with pytest.raises(InputError, match="outside the paper's folder"):
        blocks(paper(tmp_path, '<img src="../secret.png">'))


def test_html_table_keeps_header_and_spans(tmp_path):
    body = (
        "<table>\n<caption>Table 1 – Results</caption>\n<tr><th>Year</th><th>Sales</th><th>Note</th></tr>\n"
        '<tr><td rowspan="2">2001</td><td colspan="2">All &amp; more [1]</td></tr>\n<tr><td>12</td><td>x</td></tr>\n</table>'
    )
    (table,) = blocks(paper(tmp_path, body))
    assert isinstance(table, Table) and table.header_rows == 1
    assert [[plain_text(c.inlines) for c in row] for row in table.rows] == [["Year", "Sales", "Note"], ["2001", "All & more [1]"], ["12", "x"]]
    assert (table.rows[1][0].rowspan, table.rows[1][1].colspan) == (2, 2)
    assert table.number == "1" and plain_text(table.caption) == "Results"


def test_html_headings_and_lists(tmp_path):
    heading, items = blocks(paper(tmp_path, "<h2>Method</h2>\n\n<ul>\n<li>first [1]</li>\n<li>second</li>\n</ul>"))
    assert isinstance(heading, Heading) and heading.level == 2 and plain_text(heading.inlines) == "Method"
    assert isinstance(items, BulletList) and [plain_text(i.inlines) for i in items.items] == ["first [1]", "second"]


def test_what_a_page_cannot_show_is_left_out_and_reported(tmp_path):
    body = 'Before [1].\n\n<video src="talk.mp4">Cannot play this [2].</video>\n\nInline <script>var x = "[2]";</script>text.\n\n<svg width="10"><text>label</text></svg>\n'
    linked = read_and_link(paper(tmp_path, body))
    texts = [plain_text(b.inlines) for b in linked.document.blocks]
    assert texts == ["Before [1].", "Inline text."]  # no empty paragraph where the video stood
    found = [(d.code, d.line, d.args) for d in linked.diagnostics if d.code == "HTM001"]
    assert found == [("HTM001", 7, (("element", "video"),)), ("HTM001", 11, (("element", "svg"),))]
    assert "CIT002" in {d.code for d in linked.diagnostics}  # [2] stood only inside them


def test_a_table_of_markdown_still_reads_pipes(tmp_path):
    """Raw HTML on: a `<br>` inside a Markdown table cell is a line break, not text."""
    (table,) = blocks(paper(tmp_path, "| a | b |\n|---|---|\n| one<br>two | 3 [1] |"))
    assert [[plain_text(c.inlines) for c in row] for row in table.rows] == [["a", "b"], ["one two", "3 [1]"]]


def test_a_link_to_a_place_in_the_paper_keeps_its_words_and_builds(tmp_path):
    """`[there](#nowhere)` and `<a href="#note_1">` crashed the PDF edition (exit 3: reportlab
    has no such destination); the editions' `#…` targets are their own (a citation's entry)."""
    path = paper(tmp_path, 'See [there](#nowhere), <a href="#note_1">the note</a> and [nothing]() [1].')
    (para,) = blocks(path)
    assert plain_text(para.inlines) == "See there, the note and nothing [1]."
    assert not [n for n in walk((para,)) if isinstance(n, Link)]
    from helpers import run_cli

    result = run_cli("build", str(path), "--to", "pdf", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "p.pdf").read_bytes().startswith(b"%PDF-")


def test_pre_is_code_and_blockquote_a_quote(tmp_path):
    body = "<pre><code>sub status {\n    print &quot;working&quot;;\n}\n</code></pre>\n\n<blockquote>\n<p>Quoted [1].</p>\n</blockquote>"
    code, quote = blocks(paper(tmp_path, body))
    assert isinstance(code, CodeBlock) and code.text == 'sub status {\n    print "working";\n}'
    assert isinstance(quote, Quote) and plain_text(quote.inlines) == "Quoted [1]."


def test_line_ends_inside_block_html_are_spaces(tmp_path):
    (para,) = blocks(paper(tmp_path, "<p>One line\n   and the next [1],\nlast.</p>"))
    assert plain_text(para.inlines) == "One line and the next [1], last."
    (cite,) = [n for n in walk((para,)) if isinstance(n, Citation)]
    assert (cite.span.line, cite.span.column) == (6, 17)  # `   and the next [1],` is line 6
