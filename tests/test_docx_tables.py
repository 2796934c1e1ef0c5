"""Room around a DOCX edition's tables: Word and LibreOffice put none around a `w:tbl`, so the
paragraphs beside it give it (pandoc's Body Text: 9 pt above and below); the PDF edition leaves
half a line above and below a table."""

from __future__ import annotations

import io

import docx
import pytest
from docx.shared import Pt

from exporter.pipeline import read_and_link
from exporter.venue import Template
from exporter.writers import Edition
from exporter.writers.docx import render

PAPER = """---
title: Tables
language: en
---

Text above a captioned table.

Table 1 – Results

| Method | Error |
|---|---|
| A | 0.1 |

Text below it.

Text above a table with no caption.

| X | Y |
|---|---|
| 1 | 2 |

# A heading right below a table
"""


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tables")
    (folder / "paper.md").write_text(PAPER, encoding="utf-8")
    template = Template.load("kz-conference")
    data = render(Edition(read_and_link(str(folder / "paper.md")), template))
    return docx.Document(io.BytesIO(data)), template.venue.body


def spacing(paragraph, side: str) -> float:
    """The paragraph's space on `side` in points: its own, else its style's (and the styles it is based on)."""
    value = getattr(paragraph.paragraph_format, side)
    style = paragraph.style
    while value is None and style is not None:
        value, style = getattr(style.paragraph_format, side), style.base_style
    return (value or 0) / Pt(1)


def neighbours(doc):
    """(paragraph before, paragraph after) each table of the body, in order."""
    body = list(doc.element.body.iterchildren())
    paragraphs = {p._p: p for p in doc.paragraphs}
    found = []
    for n, element in enumerate(body):
        if element.tag.endswith("}tbl"):
            found.append((paragraphs.get(body[n - 1]), paragraphs.get(body[n + 1])))
    return found


def test_room_above_and_below_every_table(document):
    doc, body = document
    half_line = body.size_pt * 1.15 * body.line_spacing / 2  # the PDF edition's half line
    (caption, below), (plain_above, heading) = neighbours(doc)
    assert caption.style.name == "Caption" and caption.text.startswith("Table")
    assert spacing(caption, "space_before") >= half_line - 0.1  # the text above never touches the caption
    assert spacing(caption, "space_after") <= 3 and caption.paragraph_format.keep_with_next  # the caption stays by its table
    assert below.text == "Text below it." and spacing(below, "space_before") >= half_line - 0.1
    assert plain_above.text == "Text above a table with no caption." and spacing(plain_above, "space_after") >= half_line - 0.1
    assert heading.style.name == "Heading 1" and spacing(heading, "space_before") == 12  # a larger space of its style stays
    # only the paragraphs beside tables are spaced: the body's own paragraphs keep the venue's spacing
    first = next(p for p in doc.paragraphs if p.text == "Text above a captioned table.")
    assert spacing(first, "space_after") == body.space_after_pt
