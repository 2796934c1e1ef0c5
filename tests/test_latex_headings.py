"""A heading holding a resolved citation, an unresolved one, a link or a footnote compiles
(issue 17, item 6): written as pandoc writes it, `\\section[SHORT]{\\texorpdfstring{FULL}{PLAIN}}`."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from exporter.linker import Linked
from exporter.model import Citation, CiteRef, CrossRef, Document, Emph, Entry, Footnote, Heading, Link, Math, Meta, Paragraph, Span, Text
from exporter.venue import Template
from exporter.writers import Edition
from exporter.writers import latex as latex_writer

XELATEX = shutil.which("xelatex")


def _span(n: int) -> Span:
    return Span(n, 1, n, 10)


def _paper() -> Edition:
    blocks = []
    for level in (1, 2, 3, 4):
        cite = Citation("[1]", (CiteRef("1", entry="1", start=1, end=2, item_start=1, item_end=2),), _span(level))
        missing = Citation("[9]", (CiteRef("9", start=1, end=2, item_start=1, item_end=2),), _span(level))
        blocks.append(Heading(level, (
            Text(f"Results {level} "), cite, Text(" "), missing, Text(" "), Emph((Text("x"),)), Text(" "), Math("x^{2}"),
            Link("https://example.org/a_b%", (Text("site"),)), CrossRef("Fig. 1", "figure", "1", _span(level)),
            Footnote((Text(f"Note {level} on "), cite, Text(".")),),
        ), _span(level)))
        blocks.append(Paragraph((Text(f"Body {level}."),), _span(level)))
    entry = Entry("1", 1, _span(20), text="Author A. A book. 2020.")
    doc = Document("h.txt", Meta(title=(Text("Headings"),), language="en"), tuple(blocks), references=(entry,))
    return Edition(Linked(doc, ()), Template.load("article"))


def test_heading_markup_is_pandocs():
    tex = latex_writer.render(_paper()).decode()
    line = next(l for l in tex.splitlines() if l.startswith("\\section["))
    short, full = line[len("\\section["):].split("]{", 1)
    assert "\\footnote" not in short and "\\hyperlink" not in short  # the contents and running heads
    assert "\\protect\\footnote{Note 1 on [\\protect\\hyperlink{ref_1}{1}].}" in full
    assert "\\protect\\hyperlink{ref_1}{1}" in full and "\\protect\\exporterunresolved" in full
    assert "{Results 1 [1] [9] x x\\textasciicircum{}\\{2\\}siteFig. 1}" in line  # the bookmark's plain text, no note


@pytest.mark.skipif(not XELATEX, reason="xelatex not installed")
def test_headings_with_citations_and_notes_compile(tmp_path):
    (tmp_path / "h.tex").write_bytes(latex_writer.render(_paper()))
    for _ in range(2):
        run = subprocess.run([XELATEX, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "h.tex"], cwd=tmp_path, capture_output=True, text=True, errors="replace", timeout=300)
    assert run.returncode == 0, run.stdout[-3000:]
    text = subprocess.run(["pdftotext", str(tmp_path / "h.pdf"), "-"], capture_output=True, text=True).stdout
    for level in (1, 2, 3, 4):
        assert f"Note {level} on" in text and f"Results {level}" in text
