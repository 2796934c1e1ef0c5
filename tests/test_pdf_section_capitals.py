"""Section headings an IEEE paper sets in small capitals of the body's size (`II. RELATED
WORK`), neither larger nor bold: a numbered line in capitals, alone between a finished
sentence (or a caption) and a capitalised line, is a level-1 heading; one wrapped over a second
line in capitals is one heading; under such a section a lettered line alone (`A. Counts at
Dawn`) is its subsection; a numbered list item in lower case stays text."""

from __future__ import annotations

from helpers import draw_text, pdf_canvas

from exporter.model import Heading, Paragraph, plain_text
from exporter.readers import read_document

_SENTENCES = (
    "Migration counts were taken at three coastal stations during the spring.",
    "Observers recorded every bird that crossed the line of sight of the station.",
    "The counts were checked against radar echoes recorded on the same nights.",
)


def _ieee_pdf(path):
    c = pdf_canvas(path)
    y = 780

    def line(text, size=10, bold=False, gap=13, x=60):
        nonlocal y
        draw_text(c, x, y, text, size=size, bold=bold)
        y -= gap

    line("Seasonal Patterns of Bird Migration on the Coast", size=16, bold=True, gap=24)
    line("Anna Kowalska", size=11, gap=24)
    for heading in ("I. INTRODUCTION", "II. STATIONS AND OBSERVERS", "III. MARKET DRIVEN REQUIREMENT"):
        line(heading, gap=14, x=120)  # centred in the column, the body's size, not bold
        if heading.startswith("III"):
            line("PRIORITIZATION MODEL", gap=14, x=140)
        for s in _SENTENCES:
            line(s)
        y -= 6
    line("A. Counts at Dawn", gap=14)  # IEEE's lettered subsection, alone on its line
    for s in _SENTENCES:
        line(s)
    y -= 6
    line("1. counts were repeated at dawn and dusk", gap=13)  # a list item in lower case
    line(_SENTENCES[0])
    c.save()
    return str(path)


def test_a_numbered_line_in_capitals_of_the_body_size_is_a_section_heading(tmp_path):
    blocks = read_document(_ieee_pdf(tmp_path / "ieee.pdf")).blocks
    headings = [(b.level, plain_text(b.inlines).strip()) for b in blocks if isinstance(b, Heading)]
    assert headings == [(1, "I. INTRODUCTION"), (1, "II. STATIONS AND OBSERVERS"), (1, "III. MARKET DRIVEN REQUIREMENT PRIORITIZATION MODEL"),
                        (2, "A. Counts at Dawn")]
    assert any(isinstance(b, Paragraph) and "1. counts were repeated" in plain_text(b.inlines) for b in blocks)
