"""The bytes of the PDFs exporter writes (the edition, a vector picture's own PDF): embedded
font subsets without what no PDF viewer needs, dictionaries packed into object streams.

reportlab subsets a TrueType font to the glyphs a document uses but keeps the font's hinting:
its bytecode tables (`fpgm`, `prep`, `cvt `) and every glyph's instructions, and its whole
`name` table (licence text, URLs). For Liberation Serif that is 60 % of a subset: a subset of
150 glyphs is 23 KB deflated with them, 9 KB without (bench/FIDELITY.md, sizes). PDF viewers
rasterise glyphs without the font's bytecode (pdf.js, pdfium and poppler scale outlines), as
they do for the Type 1 and CFF fonts TeX embeds, so only what a viewer draws from is kept
(`GLYPH_TABLES`: outlines, their places, metrics, character map). `name`, `OS/2` and `post`
go too: ISO 32000-1 (9.9) requires none of them in an embedded TrueType program, FreeType
(poppler, pdfium) loads a program without them, pdf.js makes its own, and the PDF's font
descriptor carries the name and metrics a viewer reads. Ghostscript and pdfTeX embed
TrueType subsets the same way.

Measured and not taken: the same subsets as CFF-flavoured OpenType (`FontFile3`/`OpenType`,
each quadratic raised to the exact cubic, fontTools' T2CharStringPen) deflate 25–40 % larger
than these TrueType ones, and subroutinised (cffsubr 0.4) larger still (bench/FIDELITY.md).

The hook is `UnhintedFace.makeSubset`, the public method of reportlab's `TTFontFace` that
`addSubsetObjects` calls for each subset (reportlab 5.1); `tests/test_pdf_size.py` fails if
reportlab stops calling it (the PDF would then carry hinted subsets, larger but correct).
"""

from __future__ import annotations

import io
import re
from functools import cache, lru_cache
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTFontFace

from .. import speedups
from ..usercache import read_entry, write_entry

# reportlab's first subset of every font otherwise holds all of printable ASCII, used or not
# (so that a content stream's ASCII text reads as itself): 95 glyphs, 9 KB of FreeSerif for a
# formula picture that draws ten. A documented setting, read when a TTFont is made.
rl_config.ttfAsciiReadable = 0

# What a PDF viewer draws an embedded TrueType subset from (a simple TrueType font's codes go
# through its `cmap`); every other table is dropped.
GLYPH_TABLES = ("head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap")
HINTING_MAXP = ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions")


@lru_cache(maxsize=256)
def unhinted(program: bytes) -> bytes:
    """A TrueType program with only GLYPH_TABLES, its glyphs without hinting; the program
    unchanged if fontTools cannot read it (reportlab made it, so it should) or lacks one of them."""
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(io.BytesIO(program), recalcTimestamp=False)  # the same bytes on every run
        if not all(tag in font for tag in GLYPH_TABLES):
            return program
        font.getGlyphOrder()  # read from `post` before it goes: glyf and hmtx are written in it
        for tag in list(font.keys()):
            if tag not in GLYPH_TABLES and tag != "GlyphOrder":
                del font[tag]
        glyf = font["glyf"]
        for name in glyf.keys():
            glyf[name].removeHinting()
        maxp = font["maxp"]
        for attr in HINTING_MAXP:
            if hasattr(maxp, attr):
                setattr(maxp, attr, 1 if attr == "maxZones" else 0)
        out = io.BytesIO()
        font.save(out)
    except Exception:  # fontTools raises many kinds on a program it cannot read: keep reportlab's
        return program
    return out.getvalue()


class UnhintedFace(TTFontFace):
    """reportlab's face, its subsets made by `unhinted` (or taken from the user's cache)."""

    def makeSubset(self, subset):
        return unhinted_kept(super().makeSubset(subset), bytes(self.name))


# fontTools' parse and save of each subset is a third of the PDF's render (~80 ms for the
# shipped paper's three subsets). A rebuild of a paper (or of another that draws the same
# glyphs) makes the same subset programs, so what `unhinted` made of a program is kept in the
# user's cache (speed-up `subsets`): one file per face, its last few subsets by the program's
# digest. The key names fontTools' version and this module's own bytes, so a change to either
# is never answered from an old entry.
SUBSETS_KEPT = 16


def unhinted_kept(program: bytes, face: bytes) -> bytes:
    """`unhinted(program)`, from the user's cache when an earlier run made it."""
    if not speedups.enabled("subsets"):
        return unhinted(program)
    import hashlib

    name = f"unhinted-{hashlib.sha1(face).hexdigest()[:24]}.bin"
    digest = hashlib.sha256(program).digest()
    kept = read_entry(name, _kept_key())
    kept = kept if isinstance(kept, dict) else {}
    result = kept.get(digest)
    if isinstance(result, bytes):
        return result
    result = unhinted(program)
    kept[digest] = result
    while len(kept) > SUBSETS_KEPT:
        del kept[next(iter(kept))]  # the oldest
    write_entry(name, _kept_key(), kept)
    return result


@cache
def _kept_key() -> str:
    import hashlib

    import fontTools

    return "\0".join(("unhinted-1", fontTools.version, hashlib.sha1(Path(__file__).read_bytes()).hexdigest()))


def unhint_subsets(font) -> None:
    """Have a registered reportlab TTFont embed unhinted subsets (its face's class swapped for
    `UnhintedFace`, which adds no state); a face of another class is left as it is."""
    if type(font.face) is TTFontFace:
        font.face.__class__ = UnhintedFace


def unhint_drawing_fonts(drawing) -> None:
    """The TrueType fonts a reportlab Drawing's strings use (svglib registers one for an SVG's
    or a metafile's text) embed unhinted subsets too."""
    from reportlab.graphics.shapes import String
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    stack = [drawing]
    while stack:
        node = stack.pop()
        if isinstance(node, String):
            try:
                font = pdfmetrics.getFont(node.fontName)
            except KeyError:  # a standard font reportlab does not embed
                continue
            if isinstance(font, TTFont):
                unhint_subsets(font)
        else:
            stack.extend(getattr(node, "contents", ()))


# ---- object streams ------------------------------------------------------------------------
# reportlab writes every dictionary as plain text: the pages, each font's widths, the links,
# the outline and the document information (Cyrillic in UTF-16 as octal escapes, eight bytes a
# letter). In a text-only paper that is a quarter of the file (bench/FIDELITY.md, sizes). qpdf,
# through pikepdf (which already binds the volumes), moves them into object streams (PDF 1.5),
# deflated together. Before that, each content stream's strings are written compactly
# (`compact_strings`) and every deflated stream but the images is deflated again, harder
# (`RECOMPRESS_LEVEL`); images keep their bytes (a JPEG stays the source's bytes). The same
# input gives the same bytes (the file identifier is a digest of it).

# A subset's character codes are 0, 1, 2… in the order letters first appear, so the commonest
# letters of a paper have codes below 32, which reportlab writes as four-byte octal escapes
# (`\001`): a third of a page of Cyrillic text. A literal string may hold any byte as itself
# (ISO 32000-1, 7.3.4.2) but the backslash and parentheses, which keep their escapes, and an
# end of line, which a reader would take as a line feed, so CR and LF keep theirs too.
_ESCAPE = re.compile(rb"\\(?:([0-7]{1,3})|(.))", re.S)
_KEEP_ESCAPED = frozenset(b"\n\r()\\")
# An inline image (BI … ID binary EI) would put bytes that look like escapes outside a string.
_INLINE_IMAGE = re.compile(rb"(?:^|\s)ID\s")

# libdeflate's strongest level: 4–5 % smaller than zlib's 9 on a paper's content streams and
# font subsets, ~70 ms for a 13-page paper with formulas (bench/FIDELITY.md, sizes).
RECOMPRESS_LEVEL = 12


def compact_strings(content: bytes) -> bytes:
    """A content stream reportlab wrote, its literal strings' octal escapes written as the bytes
    they stand for (but those of `_KEEP_ESCAPED`); the stream itself when it holds an inline image."""
    if b"\\" not in content or _INLINE_IMAGE.search(content):
        return content

    def byte(match: re.Match) -> bytes:
        if match.group(1) is None:
            return match.group(0)  # \( \) \\ \n …: kept as written
        value = int(match.group(1), 8) & 0xFF
        return match.group(0) if value in _KEEP_ESCAPED else bytes((value,))

    return _ESCAPE.sub(byte, content)


def _content_streams(pdf) -> list:
    """The page content streams and form XObjects of a PDF (what holds text operators)."""
    import pikepdf

    found = {}
    for page in pdf.pages:
        contents = page.obj.get("/Contents")
        for stream in contents if isinstance(contents, pikepdf.Array) else [contents]:
            if isinstance(stream, pikepdf.Stream):
                found[stream.objgen] = stream
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and obj.stream_dict.get("/Subtype") == "/Form":
            found[obj.objgen] = obj
    return list(found.values())


def _recompress(pdf) -> None:
    """Every stream deflated alone (no predictor) but images, deflated again at
    RECOMPRESS_LEVEL; a content stream with compact strings. A stream that would not shrink
    keeps its bytes."""
    import deflate
    import pikepdf

    contents = {stream.objgen for stream in _content_streams(pdf)}
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        d = obj.stream_dict
        filters = d.get("/Filter")
        filters = list(filters) if isinstance(filters, pikepdf.Array) else [filters]  # reportlab writes [/FlateDecode]
        if filters != [pikepdf.Name.FlateDecode] or "/DecodeParms" in d or d.get("/Subtype") == "/Image":
            continue
        raw = obj.read_raw_bytes()
        data = obj.read_bytes()
        if obj.objgen in contents:
            data = compact_strings(data)
        again = bytes(deflate.zlib_compress(data, RECOMPRESS_LEVEL))
        if len(again) < len(raw):
            obj.write(again, filter=pikepdf.Name.FlateDecode)


def packed(data: bytes) -> bytes:
    """`data` with its streams deflated harder and its objects in object streams; `data` itself
    if qpdf cannot read it (then it was never a PDF to pack) or packing does not make it smaller."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            _recompress(pdf)
            out = io.BytesIO()
            pdf.save(
                out,
                object_stream_mode=pikepdf.ObjectStreamMode.generate,
                compress_streams=True,
                stream_decode_level=pikepdf.StreamDecodeLevel.none,
                recompress_flate=False,
                deterministic_id=True,
            )
    except pikepdf.PdfError:
        return data
    result = out.getvalue()
    return result if len(result) < len(data) else data
