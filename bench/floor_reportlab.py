"""The PDF floor: reportlab alone lays out the same paragraphs, with no checking.

    python bench/floor_reportlab.py PARAGRAPHS.json OUT.pdf

PARAGRAPHS.json is a list of strings (the paper's title lines and blocks, as `exporter
inspect` reads them; `bench/run.py` writes it). Same page (A4, 2 cm margins), same body
(14 pt Liberation Serif, justified, 1.25 cm first-line indent) and the same fonts embedded
as subsets: Liberation Serif regular and bold, and WenQuanYi Micro Hei for CJK characters
(picked by a Unicode-range regex, not by reading the fonts' coverage). No citation links,
flags, outline or metadata: what any reportlab program pays to set this text.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

CJK = re.compile("([\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+)")
FONTS = {"Serif": "LiberationSerif-Regular.ttf", "Serif-Bold": "LiberationSerif-Bold.ttf", "CJK": "wqy-microhei.ttc"}


def font_path(name: str) -> str:
    for root in ("/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".local/share/fonts")):
        for path in Path(root).rglob(name):
            return str(path)
    raise SystemExit(f"floor: font {name} not found")


def main(source: str, out: str) -> None:
    paragraphs = json.loads(Path(source).read_text(encoding="utf-8"))
    for name, filename in FONTS.items():
        pdfmetrics.registerFont(TTFont(name, font_path(filename), subfontIndex=0))
    pdfmetrics.registerFontFamily("Serif", normal="Serif", bold="Serif-Bold", italic="Serif", boldItalic="Serif-Bold")
    body = ParagraphStyle("body", fontName="Serif", fontSize=14, leading=14 * 1.15, alignment=TA_JUSTIFY, firstLineIndent=1.25 * cm)
    story = [Paragraph(CJK.sub(r'<font name="CJK">\1</font>', escape(text)), body) for text in paragraphs]
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm, bottomMargin=2 * cm, invariant=1)
    doc.build(story)


if __name__ == "__main__":
    main(*sys.argv[1:3])
