"""A Word heading centred by hand with typed spaces (`      SRAM`, `  1. Введение `) reaches the
model without them, inside bold too: the venue sets headings itself, and the spaces pushed the
edition's heading off its place. Invented documents."""

from __future__ import annotations

import docx

from exporter.model import Heading, Strong, Text, plain_text
from exporter.readers.docx import read


def test_spaces_typed_around_a_heading_are_not_its_text(tmp_path):
    d = docx.Document()
    d.add_paragraph("   Введение  ", style="Heading 1")
    d.add_paragraph("Мәтін бірінші абзацта жазылған.")
    bold = d.add_paragraph(style="Heading 2")
    bold.add_run("        SRAM ").bold = True
    d.add_paragraph("Статическая память хранит бит в триггере.")
    path = tmp_path / "h.docx"
    d.save(path)
    headings = [b for b in read(str(path)).blocks if isinstance(b, Heading)]
    assert [plain_text(h.inlines) for h in headings] == ["Введение", "SRAM"]
    inner = [n for h in headings for n in h.inlines if isinstance(n, Strong)]
    assert inner and all(isinstance(t, Text) and t.text == t.text.strip() for s in inner for t in s.inlines)
