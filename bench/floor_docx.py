"""The DOCX floor: python-docx alone lays out the same paragraphs, with no checking.

    python bench/floor_docx.py PARAGRAPHS.json OUT.docx

PARAGRAPHS.json is a list of strings (see floor_reportlab.py). Same page (A4, 2 cm margins)
and body (14 pt Liberation Serif, justified, 1.25 cm first-line indent); CJK runs (picked by
a Unicode-range regex) name WenQuanYi Micro Hei in every font slot, as the DOCX edition does
(a DOCX names its fonts; it does not embed them). The plain python-docx way: one
`add_paragraph` and `add_run` per piece, the library's default template, `save`.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

CJK = re.compile("([\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+)")
CONTROL = re.compile("[\x00-\x1f\x7f]")  # XML 1.0 cannot hold them


def main(source: str, out: str) -> None:
    paragraphs = json.loads(Path(source).read_text(encoding="utf-8"))
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(2.0)
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Serif"
    normal.font.size = Pt(14)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.first_line_indent = Cm(1.25)
    for text in paragraphs:
        paragraph = document.add_paragraph()
        for n, piece in enumerate(CJK.split(CONTROL.sub(" ", text))):
            if not piece:
                continue
            run = paragraph.add_run(piece)
            if n % 2:  # a CJK stretch: the fallback family in every slot
                fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
                for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                    fonts.set(qn(slot), "WenQuanYi Micro Hei")
    document.save(out)


if __name__ == "__main__":
    main(*sys.argv[1:3])
