"""The bytes of the PDFs exporter writes (the edition, a vector picture's own PDF): embedded
font subsets without what no PDF viewer needs, dictionaries packed into object streams.

reportlab subsets a TrueType font to the glyphs a document uses but keeps the font's hinting:
its bytecode tables (`fpgm`, `prep`, `cvt `) and every glyph's instructions, and its whole
`name` table (licence text, URLs). For Liberation Serif that is 60 % of a subset: a subset of
150 glyphs is 23 KB deflated with them, 9 KB without (bench/FIDELITY.md, sizes). PDF viewers
rasterise glyphs without the font's bytecode (pdf.js, pdfium and poppler scale outlines), as
they do for the Type 1 and CFF fonts TeX embeds, so the outlines, metrics and character map
are kept and the rest is dropped.

The hook is `UnhintedFace.makeSubset`, the public method of reportlab's `TTFontFace` that
`addSubsetObjects` calls for each subset (reportlab 5.1); `tests/test_pdf_size.py` fails if
reportlab stops calling it (the PDF would then carry hinted subsets, larger but correct).
"""

from __future__ import annotations

import io
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

HINTING_TABLES = ("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX", "gasp")
KEPT_NAMES = frozenset(range(7))  # copyright, family, style, unique id, full name, version, PostScript name


@lru_cache(maxsize=256)
def unhinted(program: bytes) -> bytes:
    """A TrueType program with its hinting and its name table's long records removed; the
    program unchanged if fontTools cannot read it (reportlab made it, so it should)."""
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(io.BytesIO(program), recalcTimestamp=False)  # the same bytes on every run
        if "glyf" not in font:
            return program
        for tag in HINTING_TABLES:
            if tag in font:
                del font[tag]
        glyf = font["glyf"]
        for name in glyf.keys():
            glyf[name].removeHinting()
        maxp = font["maxp"]
        for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions"):
            if hasattr(maxp, attr):
                setattr(maxp, attr, 1 if attr == "maxZones" else 0)
        if "name" in font:
            font["name"].names = [record for record in font["name"].names if record.nameID in KEPT_NAMES]
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
# deflated together; every stream keeps its bytes (a JPEG stays the source's bytes, content
# streams are not rewritten). The same input gives the same bytes (the file identifier is a
# digest of it).


def packed(data: bytes) -> bytes:
    """`data` with its objects in object streams; `data` itself if qpdf cannot read it (then
    it was never a PDF to pack) or packing does not make it smaller."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
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
