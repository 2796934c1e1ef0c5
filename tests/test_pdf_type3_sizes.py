"""A PDF set in Type 3 fonts whose size reads as none: old TeX output through dvips sets its
bitmap fonts at 0.1 pt and draws their glyphs a hundred times larger with the font's own
matrix, which PDFium does not apply to the size it gives. Read at 0.1 pt, every gap between
letters was a word gap (`М о с ко в с к и й`) and every line a paragraph of its own. The
characters' boxes give the size the page shows. Pages written here, byte by byte: a Type 3
font of rectangles, glyphs 100 units to the em under an identity font matrix."""

from __future__ import annotations

import unicodedata

from exporter.model import Paragraph, plain_text
from exporter.readers.pdf.reader import pdf_lines, read_pdf

ASCENDERS, DESCENDERS = set("bdfhklt"), set("gjpqy")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def type3_pdf(lines: list[str], size: float = 0.1, leading: float = 14.0, slots: tuple[int, ...] = ()) -> bytes:
    """One A4 page of `lines`, set at `size` pt in a Type 3 font whose glyphs (rectangles: a
    letter's x-height, ascender or descender) are 100 units to the em, so they print as large
    as 10 pt type; code 127 draws a hyphen under a glyph name no table knows (PDFium gives U+007F),
    as do the codes below 32 in `slots` (named as dvips names them, `/a28`: PDFium gives the byte)."""
    procs = {}
    for ch in LETTERS:
        top, bottom = (70, 0) if ch in ASCENDERS else (45, -20) if ch in DESCENDERS else (45, 0)
        procs[ch] = f"50 0 0 {bottom} 45 {top} d1 0 {bottom} 45 {top - bottom} re f".encode()
    procs["space"] = b"30 0 0 0 0 0 d1"
    procs["hyphen"] = procs["g127"] = b"30 0 0 20 25 30 d1 0 20 25 10 re f"
    codes = {32: "space", 45: "hyphen", 127: "g127", **{97 + i: ch for i, ch in enumerate(LETTERS)}, **{code: f"a{code}" for code in slots}}
    procs.update({f"a{code}": procs["g127"] for code in slots})
    widths = [0] * 128
    for code, name in codes.items():
        widths[code] = 50 if len(name) == 1 else 30
    differences = " ".join(f"{code} /{name}" for code, name in sorted(codes.items()))
    content = "BT\n" + "".join(
        f"/T3 {size} Tf 1 0 0 1 60 {760 - leading * k} Tm ({_escaped(line)}) Tj\n" for k, line in enumerate(lines)
    ) + "ET"
    names = list(procs)
    charprocs = " ".join(f"/{name} {6 + k} 0 R" for k, name in enumerate(names))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /T3 5 0 R >> >> /Contents 4 0 R >>",
        _stream(content.encode()),
        (f"<< /Type /Font /Subtype /Type3 /FontBBox [0 -20 50 70] /FontMatrix [1 0 0 1 0 0] /CharProcs << {charprocs} >>"
         f" /Encoding << /Type /Encoding /Differences [{differences}] >> /FirstChar 0 /LastChar 127 /Widths [{' '.join(map(str, widths))}] >>").encode(),
        *(_stream(procs[name]) for name in names),
    ]
    out, offsets = b"%PDF-1.4\n", []
    for k, body in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (k + 1, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def _escaped(line: str) -> str:
    """A line as a PDF string's text: bytes below 32 and 127 written in octal."""
    return "".join(f"\\{ord(ch):03o}" if ord(ch) < 32 or ord(ch) == 127 else ch for ch in line)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


LINES = [
    "the quick brown fox jumps over the lazy dog and schr\x7fodinger",
    "keeps on running through the fields of early sum\x7f",
    "mer light until the whole of the day is done with",
]


def test_a_type3_font_at_a_tenth_of_a_point_reads_as_the_type_its_glyphs_show(tmp_path):
    """… and its code 127 at a line's end is the Cyrillic TeX fonts' hyphen; inside a line it
    stays what it is (an OT1 font's diaeresis over the next letter: `Shr\\x7fodinger`)."""
    path = tmp_path / "type3.pdf"
    path.write_bytes(type3_pdf(LINES))
    lines = pdf_lines(str(path))
    assert [line.text for line in lines] == [LINES[0], LINES[1].replace("\x7f", "-"), LINES[2]]
    assert all(9 <= line.size <= 12 for line in lines)
    blocks = [b for b in read_pdf(str(path), False).blocks if isinstance(b, Paragraph)]
    assert len(blocks) == 1  # one paragraph, not a paragraph a line
    assert "lazy dog and" in plain_text(blocks[0].inlines) and "fields of early summer light until the whole" in plain_text(blocks[0].inlines)



def test_a_tex_fonts_ligatures_without_a_character_map_read_by_its_encoding(tmp_path):
    """dvips's Type 3 bitmap fonts name their glyphs `/a28` and carry no character map: PDFium
    gives a ligature's byte, below 32, which had been left out (`efficient` read `ecient`,
    `find` read `nd`: unseen attila_robonaut, and pdftotext reads it so too). The font's TeX
    encoding is told by the slots it uses: T1's ligatures at 27-31 and quotes at 16-17, OT1's
    ligatures at 11-15. Only a nameless font's (a Type 3 font's), and only where most of its
    low bytes stand inside words: a mathematics font's Greek at the same slots stands alone."""
    t1 = ["an e\x1ecient way to \x1cnd the \x10o\x1b\x11 state", "and the \x1dow of the \x1cnal \x1bles in o\x1eces"]
    path = tmp_path / "t1.pdf"
    path.write_bytes(type3_pdf(t1, slots=(16, 17, 27, 28, 29, 30)))
    assert [_letters(line.text) for line in pdf_lines(str(path))] == ["an efficient way to find the “off” state", "and the flow of the final ffles in offices"]
    ot1 = ["an e\x0ecient way to \x0cnd the o\x0b state", "and the \x0dow of the \x0bles"]
    path = tmp_path / "ot1.pdf"
    path.write_bytes(type3_pdf(ot1, slots=(11, 12, 13, 14)))
    assert [_letters(line.text) for line in pdf_lines(str(path))] == ["an efficient way to find the off state", "and the flow of the ffles"]


def _letters(text: str) -> str:
    """The ligatures' presentation forms (`ﬃ`, as the line gives them) as their letters."""
    return unicodedata.normalize("NFKC", text)


def test_low_bytes_of_a_font_among_single_letters_stay_out(tmp_path):
    """A mathematics font's low slots are Greek letters (cmmi: 11 α, 12 β …), set alone or
    beside one letter or digit (`α x`, `β2`): read as ligatures they would garble formulas
    (`ﬀ x`); they stay left out, the space before them kept (`any α.` had read `any.` in a
    first version, `for λ under` `forλ under`)."""
    path = tmp_path / "math.pdf"
    path.write_bytes(type3_pdf(["let \x0b x and \x0c y be such that \x0d z holds", "where \x0e is small and \x0b x is large at any \x0b."], slots=(11, 12, 13, 14)))
    texts = [line.text for line in pdf_lines(str(path))]
    assert texts == ["let x and y be such that z holds", "where is small and x is large at any ."]  # the space before a byte left out stays
