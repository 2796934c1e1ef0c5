"""PDF text layer -> lines in reading order, each with its page, position, font size and weight.

PDFium (pypdfium2) gives every character with its box, baseline, size and weight; the rules
here turn them into lines: runs on one baseline, split at a column gutter, ordered column by
column, with running headers, footers and page numbers marked as furniture.
"""

from __future__ import annotations

import bisect
import ctypes
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ...crossrefs import continued_table, find_crossrefs, roman_table_label
from ...diagnostics import InputError
from ..plaintext.furniture import TEMPLATE_NOTICE, heads_with_folios, is_credit_line
from ..plaintext.mojibake import MAPPINGS, SUSPECT_WORD, remap
from ...symbol_encoding import ADOBE_CORPORATE_USE, SYMBOL_PRIVATE_USE
from ..plaintext.normalize import VARIATION_SELECTORS
from .fontnames import font_style
from .tables import Grid, Run, rows_by_baseline, ruled_grids, rules_only_grid, strokes_and_marks

# A producer's mark for a line-end hyphen (PDFium reports a soft hyphen as U+FFFE or U+0002).
_HYPHEN_MARKS = {0xFFFE, 0x02, 0xAD}
# A Cyrillic TeX font's hyphen (its slot 127) reaches PDFium as U+007F; an OT1 font's 127 is
# the diaeresis put over the next letter (`Shr\x7fodinger`): it reads as a hyphen at a line's end only.
_TEX_HYPHEN = 0x7F
# A TeX font with no character map (dvips's Type 3 bitmap fonts: glyphs named `/a28`) gives
# PDFium its byte: below 32 that is a ligature, a quote or a dash by the font's TeX encoding,
# OT1 (`\x0c` fi, `\x0e` ffi) or T1 (`\x1c` fi, `\x1e` ffi, `\x10` “). Which one is told by
# the slots the font uses on the page (`_tex_slots_read`); left out, `efficient` read `ecient`.
_OT1_SLOTS = {11: "ﬀ", 12: "ﬁ", 13: "ﬂ", 14: "ﬃ", 15: "ﬄ", 16: "ı", 17: "ȷ", 25: "ß", 26: "æ", 27: "œ", 28: "ø", 29: "Æ", 30: "Œ", 31: "Ø"}
_T1_SLOTS = {16: "“", 17: "”", 18: "„", 19: "«", 20: "»", 21: "–", 22: "—", 25: "ı", 26: "ȷ", 27: "ﬀ", 28: "ﬁ", 29: "ﬂ", 30: "ﬃ", 31: "ﬄ"}
_OT1_ONLY, _T1_ONLY = set(range(11, 16)), {16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31}
TEX_TEXT_SHARE = 0.6  # of a TeX text font's low bytes at least this share stand inside words (a ligature does; a quote or a dash at a word's edge may not)
MAX_PAGES = 2000  # past this a file is refused: bounded time (a page takes ~10–30 ms)
# Past this much text a file is refused: a 2,000-page book held a worker for a minute. A long
# thesis holds 400,000 characters; this is four of them.
MAX_CHARS = 1_600_000


@dataclass(slots=True)
class Line:
    """One line of text on a page, in reading order; `chars` are its characters' facts."""

    page: int  # 1-based
    text: str
    x0: float
    x1: float
    y: float  # baseline, PDF units from the bottom of the page
    size: float  # the size most of its characters are set in
    bold: bool  # every letter of it is bold
    side: str = "S"  # "L" / "M" / "R" column of a page in two (three) columns, "S" spanning or single column
    number: int = 0  # line on its page, 1-based, in reading order
    furniture: bool = False  # running header or footer, page number
    note_mark: str = ""  # the mark a footnote opens with (`1`, `*`), on the note's first line
    in_note: bool = False  # a line of a footnote at the foot of its page or column
    superscripts: list[tuple[int, int]] = field(default_factory=list)  # [start, end) offsets in `text`
    styles: list[tuple[int, int, int]] = field(default_factory=list)  # [start, end) offsets in `text` set in a style: BOLD, ITALIC, MONO (or'ed)
    math: int = 0  # characters set in a font made for mathematics (MATH_FONT): a formula's line holds mostly these
    # Offsets in `text` where a run begins after a wide gap on the baseline (a table cell, a
    # caption set beside another, a formula's number): where a caption's label can stand.
    breaks: list[int] = field(default_factory=list)
    break_xs: list[float] = field(default_factory=list)  # where each of those runs begins on the page
    cell: tuple[int, int] | None = None  # (table on its page, cell of that table's grid) for a line in a ruled table
    table_caption: bool = False  # the line a ruled table's caption opens with
    links: list[tuple[int, int, str]] = field(default_factory=list)  # [start, end) offsets in `text` a web link covers, and its address


@dataclass(slots=True)
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    outermost: set = field(default_factory=set)  # baselines of the three top and three bottom lines
    dropped: int = 0  # characters left out: set at another angle than the page's text
    unmapped: int = 0  # characters of fonts without a character map (their text may be wrong)
    angle: int = 0  # the direction the page's text runs in, turned to read level (TURNS)
    tables: list[Grid] = field(default_factory=list)  # the ruled tables its lines' `cell` name


# ---- opening ----------------------------------------------------------------------------


def open_pdf(path: str) -> tuple[pdfium.PdfDocument, int]:
    """Open a PDF, an encrypted one too when it opens with the empty password, and count the
    pages it really holds; refuse the rest in one line."""
    try:
        doc = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise InputError(path, "is encrypted and needs a password; exporter takes no passwords: save a decrypted copy first (e.g. `qpdf --decrypt --password=… in.pdf out.pdf`)") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise InputError(path, "uses an unsupported encryption (security handler); save a decrypted copy first") from None
        raise InputError(path, "is not a readable PDF (corrupt or truncated)") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror or exc}") from None
    count = len(doc) if len(doc) <= MAX_PAGES else _pages_held(doc, MAX_PAGES + 1)
    if count == 0:
        doc.close()
        raise InputError(path, "is a PDF with no pages")
    if count > MAX_PAGES:
        doc.close()
        raise InputError(path, f"has more than {MAX_PAGES} pages; exporter reads papers of at most {MAX_PAGES} pages")
    return doc, count


def _pages_held(doc: pdfium.PdfDocument, at_most: int) -> int:
    """How many pages load, up to `at_most`: the page tree's /Count may claim a million pages
    over one (PDFium takes the claim), so the last page that loads is found by halving."""
    def loads(index: int) -> bool:
        try:
            doc[index].close()
            return True
        except pdfium.PdfiumError:
            return False

    high = min(len(doc), at_most)
    if loads(high - 1):
        return high
    low = 0  # at least `low` pages load; fewer than `high` do
    while low < high - 1:
        middle = (low + high) // 2
        if loads(middle - 1):
            low = middle
        else:
            high = middle
    return low


# ---- characters -> fragments -------------------------------------------------------------


def _native(function, restype, *argtypes):
    """The same PDFium function, called with plain integers for handles: pypdfium2's typed
    pointers cost a conversion per call, and the reader calls these once per character."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_DOUBLE_P = ctypes.POINTER(ctypes.c_double)
_GET_OBJECT = _native(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
_GET_BOX = _native(pdfium_c.FPDFText_GetCharBox, ctypes.c_int, ctypes.c_void_p, ctypes.c_int, _DOUBLE_P, _DOUBLE_P, _DOUBLE_P, _DOUBLE_P)
_GET_FONT = _native(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p, ctypes.c_void_p)
# Fonts made for mathematics, by their base names (a subset's `ABCDEF+` prefix aside): TeX's
# math italic, symbols and extension (`CMMI10`, `CMSY7`, `CMEX10`), the AMS ones (`MSBM10`,
# `MSAM10`, `EUFM10`, `BBOLD7`), MathTime (`MTMI`, `MTSY`, `MTEX`, `RMTMI`), every `…Math` font
# (`CambriaMath` of Word's equations, `PazoMath`, `LatinModernMath`, `STIXMath`, the TeX Gyre
# ones), `LMMathItalic…`, `STIX…`, `XITS…` and MathType's `Euclid…` and `MT Extra`. Symbol is
# not one: Word sets bullets and Greek letters of the prose in it.
MATH_FONT = re.compile(r"^(?:CM(?:MI|SY|EX|BSY|MIB)\d|MSBM|MSAM|EUFM|EUSM|EUEX|BBOLD|RSFS|R?MT(?:MI|SY|EX)|STIX|XITS|Euclid|MT-?Extra|LMMath)|Math", re.IGNORECASE)
# Monospace (typewriter) fonts, by their base names: Courier and its clones (`CourierNewPSMT`,
# URW's `NimbusMonL`, `NimbusMono…`), every `…Mono` family (`LiberationMono`, `DejaVuSansMono`,
# `LMMono10`, `PTMono`, `BeraSansMono`), Consolas, Menlo, Monaco, Inconsolata, Lucida's console
# and typewriter faces, the `…Code` families (`SourceCodePro`, `FiraCode`, `CascadiaCode`), and TeX's
# typewriter fonts by their METAFONT codes (`CMTT10`, `CMSLTT10`, `SFTT1000`, `ECTT1000`, `txtt`,
# `pcrr8r`). The FixedPitch flag is no evidence: CJK text fonts carry it too.
MONO_FONT = re.compile(
    r"courier|nimbusmon|mono(?!type)|consol|menlo|monaco|inconsolata|lucida\s*(?:console|sans\s*typewriter)|typewriter|(?:source|fira|cascadia|jetbrains)\s*code|"
    r"^(?:CM(?:SL|I)?TT|SFTT|ECTT|EC(?:IT|ST)|TCTT|txtt|pcr[rb])\d*",
    re.IGNORECASE,
)
# A character's face beside its weight (the `face` of its facts): set in a mathematics font, in an
# italic (oblique, slanted) face, in a monospace one. A Line's `styles` give BOLD, ITALIC and MONO.
MATH, ITALIC, MONO, BOLD = 1, 2, 4, 8


def _font_facts(font: int) -> tuple[bool, int, int]:
    """(bold, kind, face) of a font: bold by its name (fontnames.font_style: `Times-Bold`,
    `…,Bold`, TeX's `CMBX12` and `SFBX1200`, URW's `NimbusRomNo9L-Medi`, `LinLibertineTB`) or its
    ForceBold flag; its kind SYMBOL when it is a Symbol font (its private-use codes are Symbol's),
    DINGBATS when it is a font of pictures (its glyphs are shapes: _dingbat), else 0; the
    face MATH when its name is a mathematics font's (MATH_FONT), else ITALIC by its name or its
    Italic flag, MONO by its name (MONO_FONT).

    The weight PDFium reports is no evidence: for a Type 1 font without /FontWeight it is
    derived from the stem width, and Times-Roman comes out at 792 (measured on the corpus).
    """
    handle = ctypes.cast(font, pdfium_c.FPDFFont_GetFlags.argtypes[0])
    flags = pdfium_c.FPDFFont_GetFlags(handle)
    size = pdfium_c.FPDFFont_GetBaseFontName(handle, None, 0)
    buffer = ctypes.create_string_buffer(max(size, 1))
    pdfium_c.FPDFFont_GetBaseFontName(handle, buffer, size)
    name = buffer.value.decode("latin-1")
    base = name.split("+", 1)[1] if re.match(r"[A-Z]{6}\+", name) else name
    bold, sloped = font_style(name)
    if MATH_FONT.search(base):
        face = MATH
    else:
        face = (ITALIC if sloped or flags & (1 << 6) else 0) | (MONO if MONO_FONT.search(base) else 0)
    kind = SYMBOL if "symbol" in name.lower() else DINGBATS if _DINGBAT_FONT.search(base) else 0
    return bool(flags & (1 << 18)) or bold, kind, face


SYMBOL, DINGBATS = 1, 2  # a font's kind (_font_facts): Adobe's Symbol, or one of pictures (Wingdings, Zapf Dingbats)
_DINGBAT_FONT = re.compile(r"wingding|dingbat", re.IGNORECASE)
# A pictures font's bytes as the shapes they draw, the ones lists open with (Word's Wingdings
# bullets, LaTeX's `\ding`): `l` a dot, `n` a square, `§` a small square, `Ø` an arrowhead, `ü`
# a tick. Any other of its glyphs reads as a bullet `•`: no letter is drawn in such a font.
_DINGBAT_SHAPES = {0x6C: "●", 0x6E: "■", 0x6F: "□", 0x71: "❑", 0x75: "◆", 0x76: "❖", 0x9F: "•", 0xA7: "▪", 0xA8: "□", 0xD8: "➢", 0xE8: "➔", 0xFC: "✓"}


def _dingbat(code: int) -> str:
    """A pictures font's glyph (its byte, or the private-use code U+F000 + byte PDFium gives
    for it) as its shape: _DINGBAT_SHAPES. A real Unicode character is kept."""
    if 0x20 < code < 0x100 or 0xF020 < code <= 0xF0FF:
        return _DINGBAT_SHAPES.get(code & 0xFF, "•")
    return chr(code)


def _object_facts(textpage, index: int, font: int, fonts: dict[int, tuple[bool, bool, int]]) -> tuple:
    """(size, bold, angle, baseline, symbol font, unmapped, mirrored, face) of the text object holding character `index`.

    The size as printed is the font size times the vertical scale of the character's matrix
    (a producer may set 1 pt type scaled by 9). The angle is the direction the text runs in,
    0, 90, 180 or 270 degrees (None for text set askew). A negative font size draws each
    glyph turned in place and advances leftwards (`mirrored`): the text is still in the
    order the content stream gives it. `unmapped`: PDFium knows no Unicode for the object's
    characters (a CID font without a character map: what it returns may be other letters).
    """
    facts = fonts.get(font)
    if facts is None:
        facts = fonts[font] = _font_facts(font) if font else (False, False, 0)
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFText_GetMatrix(textpage, index, matrix)
    scale = math.hypot(matrix.c, matrix.d) or 1.0
    size = pdfium_c.FPDFText_GetFontSize(textpage, index)
    degrees = math.degrees(math.atan2(matrix.b, matrix.a))
    angle = round(degrees / 90) % 4 * 90
    if abs((degrees - angle + 180) % 360 - 180) > 3:  # askew: a stamp or a rotated label
        angle = None
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(textpage, index, x, y)
    unmapped = pdfium_c.FPDFText_HasUnicodeMapError(textpage, index) == 1
    return round(abs(size) * scale, 1), facts[0], angle, (x.value, y.value), facts[1], unmapped, size < 0, facts[2]


def _page_text(textpage, count: int) -> list[int]:
    """The code point of every character index, in one call.

    PDFium gives a character outside the Basic Multilingual Plane (a mathematical italic `𝑘`,
    U+1D458, as unicode-math and Typst set a variable) two indices, its UTF-16 surrogates:
    the pair's code point goes to the first index, the second keeps its low surrogate, which
    the reader skips. Older PDFium builds gave the pair one index: then the decoded text is one
    code point an index."""
    buffer = (ctypes.c_ushort * (2 * count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    units = list(buffer[: max(written - 1, 0)])
    if len(units) != count:
        text = bytes(memoryview(buffer).cast("B")[: max(written - 1, 0) * 2]).decode("utf-16-le", "replace")
        units = [ord(ch) for ch in text]
        if len(units) == count:
            return units
        units = [pdfium_c.FPDFText_GetUnicode(textpage, i) for i in range(count)]  # a producer whose text does not fold
    return joined_surrogates(units)


def joined_surrogates(units: list[int]) -> list[int]:
    """`units` with each high surrogate followed by a low one replaced by the pair's code point."""
    for i in range(len(units) - 1):
        high, low = units[i], units[i + 1]
        if 0xD800 <= high < 0xDC00 and 0xDC00 <= low < 0xE000:
            units[i] = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    return units


@dataclass(slots=True)
class PageChars:
    """A page's characters turned upright: runs of (text, x0, x1, baseline, size, bold, space
    before), the page's size as read, and what was left out."""

    runs: list[list[tuple]]
    width: float
    height: float
    angle: int = 0  # the direction most of the page's text runs in, now turned to 0
    dropped: int = 0  # characters at another angle (a margin stamp, a rotated label)
    unmapped: int = 0  # characters of fonts without a character map


def shown_origin(pdf_page) -> tuple[float, float]:
    """The lower-left corner of the page's crop box (what a viewer shows and PDFium renders) in
    the page's own space. The reader measures every position from it: a journal's page with
    bleed sets it in from the media box's corner (cermine_test5: 28 pt), and the page's size
    is the crop box's."""
    left, bottom, _, _ = pdf_page.get_cropbox()
    return left, bottom


# ---- web links ---------------------------------------------------------------------------

MAX_LINKS = 2000  # link annotations read on a page, at most: past it a page's links are left (a hostile file's million)
LINK_ROW = 8.0  # points: a link's area is looked up by the rows of this height it covers
# Characters of a word between two of one link that stand outside its area are the link's, up
# to this many: an underscore's box hangs 1.2 pt under a tight rectangle (`view_only`,
# pargent_gold_items_apa). (Letting a box's middle stand outside an area took the line above's
# commas into a tall one: temirzhanova_enu_vestnik.)
LINK_GAP = 2
_SCHEME = re.compile(r"(?i)https?://[^/?#\s]*\w|mailto:[^@\s]+@\S+")
_DOI_URI = re.compile(r"(?i)(?:doi:\s*|(?:https?://)?(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)")


def web_address(raw: bytes) -> str | None:
    """The address a link's URI action opens, when it is a web page's (http, https; `www.…`
    without its scheme gets `http://`), an e-mail's (`mailto:`) or a DOI's (`doi:10.…` or a
    bare `10.…/…`, opened at https://doi.org/); None for anything else (a file, a script, a
    jump inside the document) and for what is no address (control characters, no host).
    Spaces inside an address (a producer's) are escaped."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    text = text.strip()
    if not text or any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        return None
    text = re.sub(r"\s", "%20", text)
    if text[:4].lower() == "www." and "." in text[4:]:
        text = "http://" + text
    doi = _DOI_URI.fullmatch(text)
    if doi is not None and not text.lower().startswith(("http", "www")):
        return "https://doi.org/" + doi.group(1)
    return text if _SCHEME.match(text) else None


def page_links(doc: pdfium.PdfDocument, page: pdfium.PdfPage) -> list[tuple[tuple[float, float, float, float], str]]:
    """The page's web links: (left, bottom, right, top) in the page's own space of each area a
    link annotation opens a web address from (`web_address`), with that address. A link set
    over two lines names each line's area by its quadrilaterals (QuadPoints); one without them
    its rectangle. A link that jumps inside the document, and a malformed one, is left out."""
    out = []
    start, link = ctypes.c_int(0), pdfium_c.FPDF_LINK()
    for _ in range(MAX_LINKS):
        if not pdfium_c.FPDFLink_Enumerate(page.raw, start, link):
            break
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
            continue
        size = pdfium_c.FPDFAction_GetURIPath(doc.raw, action, None, 0)
        if not 0 < size <= 8192:
            continue
        buffer = ctypes.create_string_buffer(size)
        pdfium_c.FPDFAction_GetURIPath(doc.raw, action, buffer, size)
        address = web_address(buffer.value)
        if address is not None:
            out.extend((area, address) for area in _link_areas(link))
    return out


def _link_areas(link) -> list[tuple[float, float, float, float]]:
    """The areas of a link annotation: each quadrilateral's bounding box, else its rectangle;
    an empty or non-finite one left out."""
    boxes = []
    quads = pdfium_c.FPDFLink_CountQuadPoints(link)
    for k in range(min(max(quads, 0), 64)):
        quad = pdfium_c.FS_QUADPOINTSF()
        if pdfium_c.FPDFLink_GetQuadPoints(link, k, quad):
            xs, ys = (quad.x1, quad.x2, quad.x3, quad.x4), (quad.y1, quad.y2, quad.y3, quad.y4)
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
    if not boxes:
        rect = pdfium_c.FS_RECTF()
        if pdfium_c.FPDFLink_GetAnnotRect(link, rect):
            boxes.append((min(rect.left, rect.right), min(rect.bottom, rect.top), max(rect.left, rect.right), max(rect.bottom, rect.top)))
    return [box for box in boxes if all(math.isfinite(v) and abs(v) < 1e6 for v in box) and box[2] > box[0] and box[3] > box[1]]


def link_finder(links: list[tuple[tuple, str]], origin: tuple[float, float] = (0.0, 0.0)):
    """A function giving a character's link address (its box's middle inside the link's area),
    or None: the character as `_page_chars` reads it (its box measured from `origin`, in the
    page's own space, before any turn). None when the page has no links."""
    if not links:
        return None
    ox, oy = origin
    rows: dict[int, list[tuple[float, float, float, float, str]]] = {}
    tall: list[tuple[float, float, float, float, str]] = []  # an area over a hundred rows: asked for every character
    for (left, bottom, right, top), address in links:
        area = (left - ox, bottom - oy, right - ox, top - oy, address)
        first, last = math.floor(area[1] / LINK_ROW), math.floor(area[3] / LINK_ROW)
        if last - first > 100:
            tall.append(area)
            continue
        for row in range(first, last + 1):
            rows.setdefault(row, []).append(area)

    def link_at(char: tuple) -> str | None:
        x, y = (char[1] + char[2]) / 2, (char[3] + char[4]) / 2
        for areas in (rows.get(math.floor(y / LINK_ROW), ()), tall):
            for left, bottom, right, top, address in areas:
                if left <= x <= right and bottom <= y <= top:
                    return address
        return None

    return link_at


def _page_chars(textpage, width: float, height: float, origin: tuple[float, float] = (0.0, 0.0), links: list[tuple[tuple, str]] = ()) -> PageChars:
    """Runs of characters as PDFium emits them, broken where it breaks lines, turned upright,
    measured from the crop box's corner `origin`; each with the web address of the link
    (`links`, as `page_links` reads them) its box stands in, or None.

    Size, weight, angle and baseline are read once per text object (one font, one matrix,
    one baseline). The angle most characters run at is the page's: a landscape table or a
    page set sideways (or upside down, as a negative font size draws it) is read as if
    upright; characters at other angles (a margin stamp set vertically) are left out.
    """
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return PageChars([], width, height)
    codes = _page_text(textpage, count)
    ox, oy = origin
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    boxes = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    handle = ctypes.cast(textpage, ctypes.c_void_p).value
    get_box, get_object = _GET_BOX, _GET_OBJECT
    objects: dict[int, tuple] = {}
    fonts: dict[int, tuple[bool, bool, int]] = {}
    runs: list[list[tuple]] = []
    run: list[tuple] = []
    space = False
    unsized: list[tuple[list[tuple], int, int]] = []  # (run, index in it, font) of characters whose size reads as no type
    slots: list[tuple[list[tuple], int, int]] = []  # (run, index in it, font) of a TeX font's bytes below 32
    for i in range(count):
        code = codes[i]
        obj = get_object(handle, i)
        if not obj and code not in _HYPHEN_MARKS:  # generated by PDFium: a space or a line break
            if code in (10, 13):
                if run:
                    runs.append(run)
                run, space = [], False
            else:
                space = True
            continue
        if code in (32, 0xA0, 9):
            space = True
            continue
        if code < 32 and code not in _HYPHEN_MARKS and not (11 <= code and obj) or 0xD800 <= code < 0xE000 or code in VARIATION_SELECTORS:
            continue
        facts = objects.get(obj)
        if facts is None:
            size, bold, angle, (x, y), symbol, unmapped, mirrored, face = _object_facts(textpage, i, _GET_FONT(obj) if obj else 0, fonts)
            facts = objects[obj] = size, bold, angle, (x - ox, y - oy), symbol, unmapped, mirrored, face
        size, bold, angle, baseline, symbol, unmapped, mirrored, face = facts
        get_box(handle, i, *boxes)
        x0, x1 = left.value - ox, right.value - ox
        if mirrored:
            x0, x1 = 2 * baseline[0] - x1, 2 * baseline[0] - x0
        if code == _TEX_HYPHEN and (i + 1 == count or codes[i + 1] in (10, 13)):
            code = 0xAD
        # a Symbol font without a ToUnicode map reaches PDFium as U+F0xx, its byte's private-use code
        if code in _HYPHEN_MARKS:
            ch = "-"
        elif symbol == DINGBATS:
            ch = _dingbat(code)
        else:
            ch = SYMBOL_PRIVATE_USE[code] if symbol == SYMBOL and code in SYMBOL_PRIVATE_USE else ADOBE_CORPORATE_USE.get(code, chr(code))
        if ch == " ":  # a Symbol font's own space
            space = True
            continue
        if size < MIN_PRINTED_SIZE:
            unsized.append((run, len(run), _GET_FONT(obj) or 0))
        if code < 32 and ch == chr(code):
            slots.append((run, len(run), _GET_FONT(obj) or 0))
        run.append((ch, x0, x1, bottom.value - oy, top.value - oy, baseline, size, bold, space, angle, unmapped, face))
        space = False
    if run:
        runs.append(run)
    if unsized:
        _sized_from_glyphs(unsized)
    if slots:
        runs = _tex_slots_read(runs, slots)
    return _upright(runs, width, height, link_finder(links, origin))


def _tex_slots_read(runs: list[list[tuple]], slots: list[tuple[list[tuple], int, int]]) -> list[list[tuple]]:
    """`runs` with each TeX font's bytes below 32 read by its encoding: T1 where the font uses
    more of T1's own slots (its quotes, dashes and ligatures at 16-31) than of OT1's (its
    ligatures at 11-15), else OT1; a byte the encoding leaves without a letter (an accent, a
    tie) is left out, as is every byte of a font whose slots tell neither.

    Only a dvips bitmap text font's: nameless (a Type 3 font carries no base font name), and
    most of its low bytes inside words (two Latin letters beside them on one side:
    `e\x1ecient`). A named font's low bytes (a subset numbering its glyphs from 1, a Cyrillic
    font read as Windows-1251) and a mathematics font's (cmmi's Greek at 11-33 stand among
    single letters and digits) are left out as before."""
    by_font: dict[int, list[str]] = {}
    worded: dict[int, int] = {}
    for run, k, font in slots:
        by_font.setdefault(font, []).append(run[k][0])
        worded[font] = worded.get(font, 0) + _inside_word(run, k)
    tables = {}
    for font, chars in by_font.items():
        ot1 = sum(ord(ch) in _OT1_ONLY for ch in chars)
        t1 = sum(ord(ch) in _T1_ONLY for ch in chars)
        text_font = worded[font] >= TEX_TEXT_SHARE * len(chars) and _nameless(font)
        tables[font] = {} if not text_font else _OT1_SLOTS if ot1 > t1 else _T1_SLOTS if t1 > ot1 else {}
    for run, k, font in slots:  # in reading order: a space before a byte left out goes to the next character
        letter = tables[font].get(ord(run[k][0])) if _beside_latin(run, k) else None
        if letter:
            run[k] = (letter, *run[k][1:])
        else:
            if run[k][8] and k + 1 < len(run):
                run[k + 1] = (*run[k + 1][:8], True, *run[k + 1][9:])
            run[k] = (None, *run[k][1:])
    return [kept for run in runs if (kept := [c for c in run if c[0] is not None])]


def _beside_latin(run: list[tuple], k: int) -> bool:
    """Whether a Latin letter touches character `k` of `run` (no space between): a ligature's
    or a quote's place; a byte among Cyrillic letters read as Latin-1 (`кон?еренции` in a T2A
    font) or standing alone is none."""
    before = k > 0 and not run[k][8] and _latin(run[k - 1][0])
    after = k + 1 < len(run) and not run[k + 1][8] and _latin(run[k + 1][0])
    return before or after


def _latin(ch: str | None) -> bool:
    """A Latin letter, or a ligature already read (`ﬀ` before a closing quote)."""
    return ch is not None and ch.isalpha() and (ch.isascii() or "\ufb00" <= ch <= "\ufb04")


def _inside_word(run: list[tuple], k: int) -> bool:
    """Whether two Latin letters stand right before or right after character `k` of `run`,
    no space between (a character's ninth fact: a space before it)."""
    def letter(j: int) -> bool:
        return 0 <= j < len(run) and run[j][0] is not None and run[j][0].isascii() and run[j][0].isalpha()
    before = letter(k - 1) and letter(k - 2) and not run[k][8] and not run[k - 1][8]
    after = letter(k + 1) and letter(k + 2) and not run[k + 1][8] and not run[k + 2][8]
    return before or after


def _nameless(font: int) -> bool:
    """A font with no base font name: a Type 3 font (dvips's bitmap fonts are)."""
    return bool(font) and pdfium_c.FPDFFont_GetBaseFontName(ctypes.cast(font, pdfium_c.FPDFFont_GetFlags.argtypes[0]), None, 0) <= 1


# No type is printed smaller than this; a size below it is a font's size before a scale PDFium
# does not apply: a Type 3 font's own matrix (old TeX output through dvips sets its bitmap fonts
# at 0.1 pt and draws their glyphs a hundred times larger). Read as given, every gap between
# letters is wider than a size: `М о с ко в с к и й`, each line a paragraph of its own.
MIN_PRINTED_SIZE = 1.0
# A font's letters stand this share of its size high at their 98th percentile (capitals,
# ascenders, descenders): 0.68-0.76 in 25 unseen PDFs' body fonts, 0.71 their median (the 90th
# percentile spreads more, 0.58-0.72: a Cyrillic text has fewer ascenders than a Latin one).
GLYPH_HEIGHT = 0.71


def _sized_from_glyphs(unsized: list[tuple[list[tuple], int, int]]) -> None:
    """Give characters whose size reads below MIN_PRINTED_SIZE the size their font's glyphs on
    the page show: the 98th percentile of its letters' heights (across the text's direction)
    over GLYPH_HEIGHT, to half a point, so that one font reads as one size."""
    heights: dict[int, list[float]] = {}
    for run, k, font in unsized:
        ch, x0, x1, bottom, top, angle = run[k][0], run[k][1], run[k][2], run[k][3], run[k][4], run[k][9]
        if ch.isalpha():
            heights.setdefault(font, []).append(x1 - x0 if angle in (90, 270) else top - bottom)
    sizes = {}
    for font, values in heights.items():
        values.sort()
        sizes[font] = round(values[min(int(0.98 * len(values)), len(values) - 1)] / GLYPH_HEIGHT * 2) / 2
    fallback = median(sizes.values()) if sizes else 0.0
    for run, k, font in unsized:
        size = sizes.get(font, fallback)
        if size >= MIN_PRINTED_SIZE:
            char = run[k]
            run[k] = (*char[:6], size, *char[7:])


def _upright(runs: list[list[tuple]], width: float, height: float, link_at=None) -> PageChars:
    """The characters at the page's main angle, their boxes turned so they read left to right
    and top to bottom in a page of the turned size, each with its link's address (`link_at`,
    asked before the turn: a link's area is in the page's own space); the rest counted and
    left out."""
    angles = Counter(c[9] for run in runs for c in run if c[9] is not None)
    angle = angles.most_common(1)[0][0] if angles else 0
    turn = TURNS[angle]
    out = PageChars([], height if angle in (90, 270) else width, width if angle in (90, 270) else height, angle)
    for run in runs:
        if angle == 0:  # most pages: nothing to turn
            kept = [(c[0], c[1], c[2], c[5][1], c[6], c[7], c[8], c[11], link_at and link_at(c)) for c in run if c[9] == 0]
            out.unmapped += sum(c[10] for c in run if c[9] == 0)
        else:
            kept = []
            for c in run:
                ch, x0, x1, y0, y1, origin, size, bold, space, char_angle, unmapped, face = c
                if char_angle != angle:
                    continue
                out.unmapped += unmapped
                ax, bx = turn(x0, y0, width, height)[0], turn(x1, y1, width, height)[0]
                kept.append((ch, min(ax, bx), max(ax, bx), turn(*origin, width, height)[1], size, bold, space, face, link_at and link_at(c)))
        out.dropped += len(run) - len(kept)
        if kept:
            out.runs.append(kept)
    return out


# A point of a page turned so that text running at the angle runs left to right: (x, y, page
# width, page height) -> (x, y) on the turned page.
TURNS = {
    0: lambda x, y, w, h: (x, y),
    90: lambda x, y, w, h: (y, w - x),
    180: lambda x, y, w, h: (w - x, h - y),
    270: lambda x, y, w, h: (h - y, x),
}


def _split_run(run: list[tuple]) -> list[list[tuple]]:
    """Split a run where the next character is far away: a column gutter, a jump back, a new baseline.

    Rule: within one line, neighbours are at most about one font size apart; a wider gap is a
    gutter or a table cell, a move left a new line, a baseline change over 0.6 size a new line
    (superscripts rise about 0.35 size and stay).
    """
    pieces: list[list[tuple]] = []
    current: list[tuple] = []
    for char in run:
        if current:
            prev = current[-1]
            size = max(prev[4], char[4], 1.0)
            gap = char[1] - prev[2]
            if gap > 1.0 * size or char[1] < prev[1] - size or abs(char[3] - prev[3]) > 0.6 * size:
                pieces.append(current)
                current = []
        current.append(char)
    if current:
        pieces.append(current)
    return pieces


_GREEK = re.compile("[\u0370-\u03ff]|.[\u0370-\u03ff]")
FACE_CHANGE_GAP = 0.12  # sizes: a gap this wide between letters set in two faces is a word gap (`Fountoulakis` | `et al.`)


def _face(char: tuple) -> tuple:
    return char[5], char[7] if len(char) > 7 else 0


def spaced_at_face_change(piece: list[tuple]) -> list[tuple]:
    """A piece's characters with a word gap marked where the face changes between two letters
    of one size that stand apart: PDFium puts no space where a family name set in one face
    ends and `et al.` in another begins when the producer moved the second run along
    instead of printing a space (`Fountoulakis` | `et al.`, 0.27 of the size apart), while
    letters of one word in two faces touch (`*Fig*ure`, an italic correction: under 0.05).
    A formula's letters (a mathematics font or a Greek letter on either side) are left as
    they are: TeX and Word set `Δt`, `‖X‖`, `(ΔG)` with gaps as wide between a symbol and a
    letter; so is code (a monospace face's narrow letters stand apart in their cells).
    """
    faces = [c[5:8:2] for c in piece]
    out = piece
    for k in [k for k in range(1, len(faces)) if faces[k] != faces[k - 1]]:  # where the face changes
        prev, char = piece[k - 1], piece[k]
        if char[6] or not (prev[0].isalpha() and char[0].isalpha()) or (_face(prev)[1] | _face(char)[1]) & (MATH | MONO) or _GREEK.match(prev[0] + char[0]):
            continue
        if abs(prev[4] - char[4]) <= 0.1 * char[4] and char[1] - prev[2] > FACE_CHANGE_GAP * char[4]:
            if out is piece:
                out = list(piece)
            out[k] = char[:6] + (True,) + char[7:]
    return out


LETTER_SPACED = 4  # single letters in a row, each set apart, that are one letter-spaced word or more (`A B S T R A C T`)
TRACKING_SHARE = 0.75  # a letter-spaced run's gaps are narrower than this share of its line's word gaps


def joined_letter_spacing(piece: list[tuple]) -> list[tuple]:
    """A piece's characters with the gaps of letter-spaced words unmarked: a label set with
    wide tracking (Elsevier's `A R T I C L E  I N F O`, `A B S T R A C T`) reaches PDFium as
    single letters, each after a word gap. Rule: LETTER_SPACED or more single letters in a row,
    of one size, face and baseline, none of a mathematics font, are letter-spaced when the
    piece has no other word gaps or its gaps between them are narrower than those
    (TRACKING_SHARE: `поколений Y и Z в контексте` is four words at the line's word gaps),
    and, set in italic, are capitals (italic small letters in a row are a formula's variables,
    `a b a a b b`, `i k j l`, as a word processor's equation sets them); one gap clearly wider than the run's usual (twice it, and a quarter of the size more)
    parts two words.
    """
    if b"\x01" * (LETTER_SPACED - 1) not in bytes(c[6] for c in piece[1:]):  # most pieces: no single letters in a row
        return piece
    runs = []
    k = 0
    while k < len(piece):
        end = _single_letters_from(piece, k)
        if end - k >= LETTER_SPACED:
            runs.append((k, end))
        k = max(end, k + 1)
    if not runs:
        return piece
    inside = {j for k, end in runs for j in range(k + 1, end)}
    others = [piece[j][1] - piece[j - 1][2] for j in range(1, len(piece)) if piece[j][6] and j not in inside]
    out = list(piece)
    for k, end in runs:
        gaps = [piece[j][1] - piece[j - 1][2] for j in range(k + 1, end)]
        usual, size = median(gaps), piece[k][4]
        if others and usual >= TRACKING_SHARE * median(others):
            continue
        if _face(piece[k])[1] & ITALIC and not all(piece[j][0].isupper() for j in range(k, end)):  # a formula's variables
            continue
        for j, gap in zip(range(k + 1, end), gaps):
            if gap <= max(2 * usual, usual + 0.25 * size):
                out[j] = piece[j][:6] + (False,) + piece[j][7:]
    return out


def _single_letters_from(piece: list[tuple], k: int) -> int:
    """The end of the run of single letters (each a word of its own, all alike in size, face and
    baseline, no mathematics) that opens at `k`: `k` itself when there is none."""
    first = piece[k]
    if not (k == 0 or first[6]) or not first[0].isalpha() or _face(first)[1] & MATH:
        return k
    end = k
    while end < len(piece):
        char = piece[end]
        if not char[0].isalpha() or (end > k and not char[6]) or _face(char) != _face(first) or char[4] != first[4] or abs(char[3] - first[3]) > 0.1 * first[4]:
            break
        if end + 1 < len(piece) and not piece[end + 1][6]:  # the next character goes on this word: no single letter
            break
        end += 1
    return end


@dataclass(slots=True)
class _Fragment:
    chars: list[tuple]
    x0: float
    x1: float
    y: float
    size: float


def _fragment(chars: list[tuple]) -> _Fragment:
    """A run's size is the one most of its characters have; its baseline theirs."""
    sizes: dict[float, int] = {}
    for c in chars:
        sizes[c[4]] = sizes.get(c[4], 0) + 1
    size = max(sizes, key=sizes.__getitem__)
    y = next(c[3] for c in chars if c[4] == size)
    return _Fragment(chars, min(c[1] for c in chars), max(c[2] for c in chars), y, round(size, 1))


DRAWN_BULLET = "•"
BULLET_GAP = 2.5  # sizes: at most this far left of a line's first letter its drawn bullet stands


def drawn_bullets(fragments: list[_Fragment], marks: list[tuple[float, float, float, float]]) -> list[_Fragment]:
    """The fragments with a bullet (`•`) opening each one a drawn mark stands before: a list's
    bullets drawn as small shapes (tables.strokes_and_marks) instead of printed as characters
    (a browser's or a Markdown editor's PDF, a designed report). A mark stands at most
    BULLET_GAP sizes left of its fragment's first character, no taller than its letters, centred
    between its baseline and its letters' top, with nothing on the baseline just left of it (a
    line's start), the only one before its fragment, and the fragment opens with a word; and a
    list has two items at least: another mark of its size stands at its left with its own
    fragment starting where this one does. A
    plot's markers beside their numbers (`• 3000`), a legend's one key, an icon before a
    paragraph open nothing."""
    found = [(mark, k) for mark in marks if (k := _bulleted(fragments, mark)) is not None]
    taken = Counter(k for _, k in found)
    found = [(mark, k) for mark, k in found if taken[k] == 1]  # shapes in a row before one line: a drawing's, not a bullet
    out = list(fragments)
    for mark, k in found:
        left, bottom, right, top = mark
        if not any(other is not mark and abs(other[0] - left) <= 1.0 and abs((other[3] - other[1]) - (top - bottom)) <= 0.5 and abs(fragments[j].x0 - fragments[k].x0) <= 1.0 for other, j in found):
            continue
        f = out[k]
        first = f.chars[0]
        bullet = (DRAWN_BULLET, left, right, f.y, f.size, False, False, 0, None)
        out[k] = _Fragment([bullet, first[:6] + (True,) + first[7:]] + f.chars[1:], left, f.x1, f.y, f.size)
    return out


def _bulleted(fragments: list[_Fragment], mark: tuple[float, float, float, float]) -> int | None:
    """The fragment a drawn mark stands before as its bullet (drawn_bullets), or None."""
    left, bottom, right, top = mark
    middle = (bottom + top) / 2
    best = None
    for k, f in enumerate(fragments):
        size = f.size
        if f.x0 >= right - 0.1 * size and f.x0 - right <= BULLET_GAP * size and 0.15 * size <= top - bottom <= 0.8 * size and f.y < middle < f.y + 0.75 * size:
            if best is None or f.x0 < fragments[best].x0:
                best = k
    if best is None:
        return None
    f = fragments[best]
    words = "".join((" " if c[6] else "") + c[0] for c in f.chars[:40]).split()  # a character's flag [6]: a word gap before it
    if not f.chars[0][0].isalpha() or sum(any(ch.isalpha() for ch in w) for w in words) < 2:
        return None  # a plot's marker before its number, a lone letter
    reach = left - BULLET_GAP * f.size
    if any(g is not f and abs(g.y - f.y) < 0.5 * f.size and g.x1 > reach and g.x0 < f.x0 for g in fragments):
        return None
    return best


# ---- fragments -> lines in reading order ---------------------------------------------------


def find_gutter(fragments: list[_Fragment], width: float) -> float | None:
    """The x of the gutter of a two-column page, or None for a page in one column.

    Rule: among the page's longer text runs (15 characters or more), a vertical line with at
    least three runs keeping left of it and three right of it, where the two sides overlap in
    height, and at most half as many runs as its poorer side crossing it within that height
    (a title, an abstract or a list set across the page above or below the columns do not
    count), is a gutter; of the lines in the middle third of the page the one with the most
    runs on its poorer side wins. The gutter is found, not assumed at the page's middle: a
    margin column (a magazine's side bar) moves it. Where no line passes, the same is asked
    of the runs that stand beside a run on the other side (within two type sizes of its
    height) only: an abstract's short last line, or a by-line set flush right above the
    title, stands alone on its side and no longer stretches the height over the abstract
    set across the page, above two columns that begin low on a first page. Last, runs crossing
    the line count only beside runs of both sides: a journal's page where one paper's list ends
    in two columns, the next paper's title block and abstract span the page, and its text
    opens in two columns again (unseen aleksandrov_neurofuzzy: the block had stretched the
    height over both, and the columns were read as one, line by line across the gutter).
    """
    long = [f for f in fragments if len(f.chars) >= 15]
    if len(long) < 6:
        return None
    return _gutter(long, 0, width, paired=False) or _gutter(long, 0, width, paired=True) or _gutter(long, 0, width, paired=True, banded=True)


def find_gutters(fragments: list[_Fragment], width: float) -> list[float]:
    """The gutters of the page, left to right: none, one (two columns) or two (three).

    A third column is a gutter found by `find_gutter`'s first rule again among the runs of
    one of the two sides (a magazine's page in three columns: the first gutter found parts
    one column from the other two), when the three columns are about as wide as one another
    (the widest at most 1.3 times the narrowest): a table's columns inside one column of two
    are not."""
    gutter = find_gutter(fragments, width)
    if gutter is None:
        return []
    long = [f for f in fragments if len(f.chars) >= 15]
    left, right = min(f.x0 for f in long), max(f.x1 for f in long)
    for low, high in ((left, gutter), (gutter, right)):
        inner = _gutter([f for f in long if f.x0 >= low - 1 and f.x1 <= high + 1], low, high, paired=False)
        if inner is not None:
            gutters = sorted((gutter, inner))
            widths = [gutters[0] - left, gutters[1] - gutters[0], right - gutters[1]]
            if max(widths) <= 1.3 * min(widths):
                return gutters
    margin = _margin_column([f for f in fragments if f.x1 <= gutter + 1], left, gutter)
    return sorted((gutter, margin)) if margin is not None else [gutter]


def _margin_column(fragments: list[_Fragment], low: float, high: float) -> float | None:
    """The gutter of a narrow column at the left of [low, high] in smaller type than its
    neighbour (a journal's side bar of affiliations beside the abstract: BMJ's first page), or
    None. Told from a table's columns by its lines: a side bar keeps its own leading, so few
    of its baselines meet its neighbour's, where a table's cells stand on shared rows."""
    long = [f for f in fragments if len(f.chars) >= 15]
    if len(long) < 6:
        return None
    for edge in sorted({round(f.x1 + 1) for f in long if f.x1 < low + (high - low) / 3}):
        bar = [f for f in fragments if f.x1 <= edge + 1]
        rest = [f for f in fragments if f.x0 >= edge - 1]
        crossing = [f for f in fragments if f.x0 < edge - 1 and f.x1 > edge + 1]
        bar_long, rest_long = [f for f in bar if len(f.chars) >= 15], [f for f in rest if len(f.chars) >= 15]
        if len(bar_long) < 3 or len(rest_long) < 3 or len(crossing) > 0.1 * (len(bar) + len(rest)):
            continue
        gap = min(f.x0 for f in rest) - max(f.x1 for f in bar)
        bar_size, rest_size = median(f.size for f in bar), median(f.size for f in rest)
        if gap < 0.5 * rest_size or bar_size > 0.9 * rest_size:
            continue
        rest_ys = sorted(f.y for f in rest)
        shared = sum(1 for f in bar if _near(rest_ys, f.y, 1.0))
        if shared <= 0.5 * len(bar):
            return (max(f.x1 for f in bar) + min(f.x0 for f in rest)) / 2
    return None


SIDE_BAR_SIZE = 0.85  # a side bar's type is at most this share of the column's
SIDE_BAR_WIDTH = 0.5  # and its strip at most this share of the column's width


@dataclass(slots=True)
class SideBar:
    """A narrow strip of smaller type beside a page's one column (`side_bar`)."""

    runs: set[int]  # ids of its fragments
    side: str  # "L" left of the column, "R" right of it
    top: float  # baselines of its first and last runs
    bottom: float


def side_bar(fragments: list[_Fragment]) -> SideBar | None:
    """A side bar beside the page's one column, or None: a narrow strip of runs in smaller type
    standing left (or right) of the column's lines with a gap between (ENU Bulletin's first
    page: the citation, the editor, the dates and the licence at 9 pt beside the 12 pt
    abstract), read line by line across the gap before, each of its lines glued to the
    column's. Rule: the column is where the runs of the page's body size (the size of most
    characters, ten runs of 15 characters at least) start flush; the strip's runs, at most
    0.85 of that size, keep half a size or more clear of the column's edge, the strip at most
    half as wide as the column; a block of them one under another with no run of the column's
    starting left of its edge between them (a heading's lines, a by-line set across the page
    part two blocks), three of them words (a listing's line numbers, a list's bullets are
    none), three at least within two sizes of a column's line in height, few of them on a
    column line's baseline (a table's first column shares its rows). The block of the most
    such runs wins."""
    sizes: Counter = Counter()
    for f in fragments:
        sizes[f.size] += len(f.chars)
    if not sizes:
        return None
    body = max(sizes, key=sizes.__getitem__)
    main = [f for f in fragments if abs(f.size - body) <= 0.1 * body and len(f.chars) >= 15]
    if len(main) < 10:
        return None
    best: SideBar | None = None
    for side in ("L", "R"):
        ends = Counter(round(f.x0 if side == "L" else f.x1) for f in main)
        for edge in sorted(k for k in ends if ends[k - 1] + ends[k] + ends[k + 1] >= 3):
            for block in _strip_blocks(fragments, side, edge, body):
                if (best is None or len(block) > len(best.runs)) and _bar_beside(block, main, side, edge, body):
                    best = SideBar({id(f) for f in block}, side, block[0].y, block[-1].y)
    return best


def _strip_blocks(fragments: list[_Fragment], side: str, edge: float, body: float) -> list[list[_Fragment]]:
    """The runs in smaller type clear of a column's edge on `side`, top down, in blocks parted
    by any other run reaching past that edge into the strip (`side_bar`)."""
    blocks: list[list[_Fragment]] = [[]]
    for f in sorted(fragments, key=lambda f: -f.y):
        clear = f.x1 <= edge - 0.5 * body if side == "L" else f.x0 >= edge + 0.5 * body
        if clear and f.size <= SIDE_BAR_SIZE * body:
            blocks[-1].append(f)
        elif (f.x0 < edge - 1) if side == "L" else (f.x1 > edge + 1):
            blocks.append([])
    return [block for block in blocks if len(block) >= 3]


def _bar_beside(block: list[_Fragment], main: list[_Fragment], side: str, edge: float, body: float) -> bool:
    """`side_bar`'s tests of one block of small runs beside the column whose lines keep to `edge`."""
    column = [f for f in main if (f.x0 >= edge - 1 if side == "L" else f.x1 <= edge + 1)]
    width = max(f.x1 for f in column) - edge if side == "L" else edge - min(f.x0 for f in column)
    if max(f.x1 for f in block) - min(f.x0 for f in block) > SIDE_BAR_WIDTH * width:
        return False
    if sum(_wordy(f) and sum(c[0].isalpha() for c in f.chars) >= 4 for f in block) < 3:
        return False  # a code listing's or a draft's line numbers, a list's bullets: no words
    ys = sorted(f.y for f in column)
    beside = [f for f in block if _near(ys, f.y, 2 * body)]
    if len(beside) < 3:
        return False
    shared = sum(1 for f in beside if _near(ys, f.y, 1.0))
    return shared <= 0.5 * len(beside)


def _near(ys: list[float], y: float, tolerance: float) -> bool:
    i = bisect.bisect_left(ys, y - tolerance)
    return i < len(ys) and ys[i] <= y + tolerance


def _gutter(long: list[_Fragment], low_x: float, high_x: float, paired: bool, banded: bool = False) -> float | None:
    """`find_gutter`'s rule over the runs `long`, for a gutter in the middle third of [low_x, high_x];
    `banded`: a crossing run counts only within two sizes of a run on each side, and each
    side's runs must start flush as a column's lines do (`_flush`)."""
    def beside(f: _Fragment, ys: list[float]) -> bool:
        i = bisect.bisect_left(ys, f.y - 2 * f.size)
        return i < len(ys) and ys[i] <= f.y + 2 * f.size

    third = (high_x - low_x) / 3
    # the score: runs on the poorer side, then on both (of two lines as good, the one right of
    # a column's longest lines: at the first, those lines would cross the gutter)
    best, best_score = None, (0, 0)
    for candidate in sorted({round(f.x1 + 1) for f in long if low_x + third < f.x1 < high_x - third}):
        left = [f for f in long if f.x1 <= candidate + 1]
        right = [f for f in long if f.x0 >= candidate - 1]
        if min(len(left), len(right)) < max(best_score[0], 3) or (min(len(left), len(right)), len(left) + len(right)) <= best_score:
            continue
        if paired:
            left_ys, right_ys = sorted(f.y for f in left), sorted(f.y for f in right)
            left, right = [f for f in left if beside(f, right_ys)], [f for f in right if beside(f, left_ys)]
        score = (min(len(left), len(right)), len(left) + len(right))
        if len(left) < 3 or len(right) < 3 or score <= best_score or banded and not (_flush(left) and _flush(right)):
            continue
        low, high = max(min(f.y for f in left), min(f.y for f in right)), min(max(f.y for f in left), max(f.y for f in right))
        if low > high:
            continue
        sides_ys = (sorted(f.y for f in left), sorted(f.y for f in right)) if banded else None
        cross = sum(1 for f in long if f.x0 < candidate - 1 and f.x1 > candidate + 1 and low <= f.y <= high and (sides_ys is None or all(beside(f, ys) for ys in sides_ys)))
        if cross <= 0.5 * min(len(left), len(right)):
            best, best_score = candidate, score
    return best


def _flush(runs: list[_Fragment]) -> bool:
    """Most of the runs (three at least, and two in five) start on one left edge, as a column's
    lines do; the pieces of formulas set on a page in one column start anywhere."""
    edges = Counter(round(f.x0 / 2) for f in runs)
    most = max(edges[k - 1] + edges[k] + edges[k + 1] for k in edges)
    return most >= max(3, 0.4 * len(runs))


_SIDES = {1: ("L", "R"), 2: ("L", "M", "R")}  # the columns of a page with one or two gutters


def _side(f: _Fragment, gutters: list[float]) -> str:
    """The column a run keeps to ("L", "M", "R"), or "S" for one crossing a gutter."""
    edges = [-math.inf, *gutters, math.inf]
    for name, left, right in zip(_SIDES[len(gutters)], edges, edges[1:]):
        if f.x0 >= left - 1 and f.x1 <= right + 1:
            return name
    return "S"


def _centre(line: list[_Fragment]) -> float:
    return (line[0].x0 + max(f.x1 for f in line)) / 2


def _centred_blocks(lines: list[list[_Fragment]]) -> int:
    """How many of `lines`, from the first, are blocks of lines centred on one axis (each block
    three lines or more, a blank line between blocks): an author grid's cells."""
    k = 0
    while k < len(lines):
        axis, n = _centre(lines[k]), 1
        while k + n < len(lines) and abs(_centre(lines[k + n]) - axis) < 0.4 * lines[k][0].size \
                and lines[k + n - 1][0].y - lines[k + n][0].y < 2 * lines[k][0].size:
            n += 1
        if n < 3:
            break
        k += n
    return k


def _grid_rows(sides: dict[str, list[list[_Fragment]]]) -> list[tuple[str, list[_Fragment]]]:
    """The lines of an author grid opening the first page's columns (under the title), taken
    out of `sides`: blocks of lines centred on their own axis side by side (IEEE's `1st Name` /
    affiliation / city / e-mail, two to a row), read row by row, each row's left block then its
    right one, as the by-line is read; the columns' text below them (`Abstract—…`) is read as
    columns. None when either side does not open with such a block at the other's height."""
    left, right = sides.get("L", []), sides.get("R", [])
    a, b = _centred_blocks(left), _centred_blocks(right)
    if a < 3 or b < 3 or abs(left[0][0].y - right[0][0].y) > 0.5 * left[0][0].size:
        return []
    grid = sorted([("L", line) for line in left[:a]] + [("R", line) for line in right[:b]], key=lambda item: -item[1][0].y)
    spacing = min(abs(p[1][0].y - q[1][0].y) for p, q in zip(grid, grid[1:]) if abs(p[1][0].y - q[1][0].y) > 0.5 * p[1][0].size) if len(grid) > 2 else 0
    rows: list[list[tuple[str, list[_Fragment]]]] = [[grid[0]]]
    for previous, item in zip(grid, grid[1:]):
        if previous[1][0].y - item[1][0].y > 1.8 * spacing:  # a blank line between the rows of blocks
            rows.append([])
        rows[-1].append(item)
    del left[:a], right[:b]
    return [item for row in rows for side in ("L", "R") for item in row if item[0] == side]


def _lines_of(fragments: list[_Fragment]) -> list[list[_Fragment]]:
    """Fragments on one baseline (within 0.4 size) joined, top to bottom, left to right."""
    ordered = sorted(fragments, key=lambda f: (-f.y, f.x0))
    lines: list[list[_Fragment]] = []
    for f in ordered:
        if lines and abs(lines[-1][0].y - f.y) < 0.4 * max(f.size, lines[-1][0].size):
            lines[-1].append(f)
        else:
            lines.append([f])
    return _lowered_runs_joined(_raised_runs_joined([sorted(line, key=lambda f: f.x0) for line in lines]))


def _raised_runs_joined(lines: list[list[_Fragment]]) -> list[list[_Fragment]]:
    """A line of smaller type only that stands less than 0.6 of the next line's size above
    its baseline, right beside its text, is a superscript the layout parted from its line (a
    citation run set apart by a justified line's wide space: `RCTs25` … `28 30`): it joins
    that line, which reads it as raised (`_make_line`)."""
    return _runs_joined(lines, _raised_beside)


def _runs_joined(lines: list[list[_Fragment]], belongs) -> list[list[_Fragment]]:
    """`lines` with each one that `belongs(line before, line)` joined to the line before."""
    out: list[list[_Fragment]] = []
    for line in lines:
        if out and belongs(out[-1], line):
            out[-1] = sorted(out[-1] + line, key=lambda f: f.x0)
        else:
            out.append(line)
    return out


def _lowered_runs_joined(lines: list[list[_Fragment]]) -> list[list[_Fragment]]:
    """A line of smaller type only that stands less than 0.45 of the line's size below the
    baseline of the line above, within its width, is that line's subscripts the layout parted
    from it (`F` over a stacked `q`, `g⊤` over `i·`: a subscript under a superscript sits lower
    than the line's other ones): it joins that line, inline, when its characters are fewer than
    half the line's (a display formula's denominators are as many: bench/PDF_FORMULAS.md lost
    two of en_aurzada's numbered formulas to that). A line's next line stands a whole line's
    spacing lower."""
    return _runs_joined(lines, _lowered_under)


def _lowered_under(line: list[_Fragment], marks: list[_Fragment]) -> bool:
    main = max(line, key=lambda f: (f.size, len(f.chars)))
    if 2 * sum(len(f.chars) for f in marks) > sum(len(f.chars) for f in line):
        return False  # a fraction's denominator under its formula's line, not a few subscripts: the formula's own line
    drop = main.y - marks[0].y
    if not 0 < drop <= 0.45 * main.size or any(f.size >= 0.85 * main.size or abs(f.y - marks[0].y) > 0.1 * main.size for f in marks):
        return False
    return min(f.x0 for f in line) <= min(f.x0 for f in marks) and max(f.x1 for f in marks) <= max(f.x1 for f in line)


def _raised_beside(marks: list[_Fragment], line: list[_Fragment]) -> bool:
    size = max(f.size for f in line)
    rise = marks[0].y - line[0].y
    if not 0 < rise <= 0.6 * size or any(f.size >= 0.85 * size or abs(f.y - marks[0].y) > 0.1 * size for f in marks):
        return False
    reach = (min(f.x0 for f in line) - size, max(f.x1 for f in line) + size)
    for f in marks:  # in order, each run starts within a size of the line or of the run before
        if not reach[0] <= f.x0 <= reach[1]:
            return False
        reach = (reach[0], max(reach[1], f.x1 + size))
    return True


def line_values(line: Line, ranges: list[tuple], empty) -> list:
    """Each character of the line's text given the value of the (start, end, value) range over
    it (`Line.styles`, `Line.links`), or `empty`."""
    values = [empty] * len(line.text)
    for start, end, value in ranges:
        values[start:end] = [value] * (min(end, len(values)) - start)
    return values


def joined_values(joined, lines: dict[int, "Line"], ranges_of, empty) -> list:
    """Each character of `joined.text` (a citations.Joined) given the value `line_values` gives
    it on the line its token stands on (`lines` by the joining's line numbers), or `empty`."""
    values = [empty] * len(joined.text)
    per_line: dict[int, list] = {}
    bounds = [*joined.offsets[1:], len(joined.text)]
    for offset, stop, (number, column) in zip(joined.offsets, bounds, joined.places):
        line = lines.get(number)
        if line is None or not ranges_of(line):
            continue
        on_line = per_line.get(number)
        if on_line is None:
            on_line = per_line[number] = line_values(line, ranges_of(line), empty)
        piece = on_line[column - 1 : column - 1 + (stop - offset)] if column >= 1 else []
        values[offset : offset + len(piece)] = piece
    return values


def _reading_order(fragments: list[_Fragment], width: float, first_page: bool = False) -> list[tuple[str, list[_Fragment]]]:
    """(side, fragments of one line) in reading order.

    On a page in two (three) columns, runs crossing a gutter (a title, a full-width figure
    caption) part the page into bands; in each band the columns are read left to right. A page
    in one column with a side bar (`side_bar`) reads the bar's lines whole, after the lines
    above it and before the column's beside and under it.
    """
    gutters = find_gutters(fragments, width)
    if not gutters:
        bar = side_bar(fragments)
        if bar is None:
            return [("S", line) for line in _lines_of(fragments)]
        # the page's lines above the bar, the bar's, then the column's beside it and under it
        rest = [f for f in fragments if id(f) not in bar.runs]
        above = [("S", line) for line in _lines_of([f for f in rest if f.y > bar.top])]
        return above + [(bar.side, line) for line in _lines_of([f for f in fragments if id(f) in bar.runs])] + [("S", line) for line in _lines_of([f for f in rest if f.y <= bar.top])]
    out: list[tuple[str, list[_Fragment]]] = []
    band: list[_Fragment] = []
    blocks = _beside_left_column(fragments, gutters, width) if first_page and len(gutters) == 1 else []
    beside = {id(f) for run, _ in blocks for f in run}
    bottoms = sorted((end for _, end in blocks), reverse=True)  # a band ends under each such block
    across = _across_gutter(fragments, gutters) if first_page else set()  # a by-line over the columns: a first page's

    def side_of(f: _Fragment) -> str:
        return "R" if id(f) in beside else "S" if id(f) in across else _side(f, gutters)

    def close_band() -> None:
        sides = {side: _lines_of([f for f in band if side_of(f) == side]) for side in _SIDES[len(gutters)]}
        if first_page and len(gutters) == 1 and out and all(side == "S" for side, _ in out):  # right under the title
            out.extend(_grid_rows(sides))
        for side, lines in sides.items():
            out.extend((side, line) for line in lines)
        band.clear()

    # On one baseline (to a tenth of a point) left to right: names set side by side, the middle one crossing the gutter
    # (`Ivan Efremov   Ramil Khafizov   Ramil Khusainov`), are read in their order.
    for f in sorted(fragments, key=lambda f: (-round(f.y, 1), f.x0)):
        if bottoms and f.y < bottoms[0]:
            bottoms.pop(0)
            close_band()
        if side_of(f) == "S":
            heading = _heading_over_spanning(band, f, side_of) if len(gutters) == 1 else []
            close_band()
            out.extend(("L", line) for line in _lines_of(heading))
            out.append(("S", [f]))
        else:
            band.append(f)
    close_band()
    # spanning runs on one baseline (a centred title broken by PDFium) become one line again
    merged: list[tuple[str, list[_Fragment]]] = []
    for side, line in out:
        if merged and side == "S" and merged[-1][0] == "S" and abs(merged[-1][1][0].y - line[0].y) < 0.4 * line[0].size:
            merged[-1] = ("S", sorted(merged[-1][1] + line, key=lambda f: f.x0))
        else:
            merged.append((side, line))
    return merged


def _across_gutter(fragments: list[_Fragment], gutters: list[float]) -> set[int]:
    """The ids of runs on one baseline, in one size, each no more than a word space from the ones
    before it (half the type's size; a gutter is wider: 8.5 pt between 12 pt columns is
    j4k7_paper's; an accent set over a letter aside), that keep to different columns: one line
    across the gutter, parted there by the producer (a by-line centred over two columns:
    `Mohammed Hamzah Abed1, Ali H. Alsaeedi1` | `, Ali D. Alfoudi1,2, …`). An article-info
    column set 4 pt from the abstract is in smaller type; author blocks side by side whose
    lines run over one another are no line. Only in the upper half of the page's text (the
    reader asks on a first page only): a table's cells lower down may stand as close."""
    out: set[int] = set()
    rows: list[list[_Fragment]] = []
    for f in sorted(fragments, key=lambda f: -f.y):  # runs on one baseline (within a tenth of their size), then left to right
        if rows and abs(rows[-1][0].y - f.y) < 0.1 * f.size:
            rows[-1].append(f)
        else:
            rows.append([f])
    middle = (max(f.y for f in fragments) + min(f.y for f in fragments)) / 2
    for row in rows:
        if row[0].y < middle:
            break  # the title block's part of the page only: lower down, table cells set close are no line
        chain: list[_Fragment] = []
        for f in [*sorted(row, key=lambda f: f.x0), None]:  # an accent set over the chain's letters goes on it; runs set over one another do not
            tiny = f is not None and len(f.chars) <= 2
            if f is not None and chain and (tiny or abs(f.size - chain[0].size) < 0.5) and (-math.inf if tiny else -1.0) <= f.x0 - max(c.x1 for c in chain) < 0.5 * min(f.size, chain[-1].size):
                chain.append(f)
                continue
            if len({_side(c, gutters) for c in chain}) > 1:  # runs in one type touching across a gutter: one line
                out.update(id(c) for c in chain)
            chain = [f] if f is not None else []
    return out


def _heading_over_spanning(band: list[_Fragment], below: _Fragment, side_of) -> list[_Fragment]:
    """The runs of a heading that stands at the foot of the left column, under both columns'
    last lines and over text set across the page (`Литература:` over a list set full width,
    `Заключение` under a table of two columns): taken out of `band`, to be read after the
    right column, as the heading of what follows it; before, it was read between the columns.
    Rule: the left column's one line standing lower than the right column's last line (with a
    printed rule over it, `______`, at most: a journal's line over its list), short
    (under 70 % of the column's width), words opening with a capital, past a number (no
    caption's label: `Fig. 4`), set apart from the column's lines above by more than a line's
    space (1.4 sizes) and under two lines of running text (70 % of the width or more: not a
    table's cells), with a line of words across the page right under it (half a size to 2.5
    sizes lower: a run on its own baseline is the rest of its line).
    A left column running on below a short right one keeps its order: more of it stands there,
    with no gap."""
    left = _lines_of([f for f in band if side_of(f) == "L"])
    right = [f for f in band if side_of(f) == "R"]
    if not right or len(left) < 2 or len(below.chars) < 15 or not _wordy(below):
        return []
    bottom = min(f.y for f in right)
    tail = [line for line in left if line[0].y < bottom - 0.5 * line[0].size]
    texts = [" ".join("".join(c[0] for c in f.chars) for f in line).strip() for line in tail]
    if not (len(tail) == 1 or len(tail) == 2 and _PRINTED_RULE.match(texts[0])):
        return []  # the heading, a printed rule over it (`______`) at most
    line, text, size = tail[-1], texts[-1], tail[-1][0].size
    above = left[-len(tail) - 1]
    width = max(f.x1 for row in left for f in row) - min(f.x0 for row in left for f in row)
    if above[0].y - tail[0][0].y <= 1.4 * size or not 0.5 * size < line[0].y - below.y <= 2.5 * size or max(f.x1 for f in line) - line[0].x0 >= 0.7 * width:
        return []
    if len(left) < len(tail) + 2 or any(max(f.x1 for f in row) - row[0].x0 < 0.7 * width for row in left[-len(tail) - 2 : -len(tail)]):
        return []  # the column over it is no running text (a table's cells)
    opening = _HEADING_NUMBER.sub("", text)[:1]
    if not opening.isupper() or _CAPTION_LABEL.match(text) or sum(ch.isalpha() for ch in text) < 4:
        return []
    taken = {id(f) for row in tail for f in row}
    band[:] = [f for f in band if id(f) not in taken]
    return [f for row in tail for f in row]


_PRINTED_RULE = re.compile(r"^[_\-–—=]{5,}$")
_HEADING_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})(?:\.\s*|\s+)")
_CAPTION_LABEL = re.compile(r"^(?:Fig\.?|Figure|Table|Рис\.?|Рисунок|Таблица|Сурет|Кесте)\s*(?:[A-Z]?\d|[IVX]{1,4}\b)", re.IGNORECASE)  # `Table S2`, `TABLE I.`


def _beside_left_column(fragments: list[_Fragment], gutters: list[float], width: float) -> list[tuple[list[_Fragment], float]]:
    """The runs crossing the gutter that stand beside a narrow left column rather than across
    the page (Elsevier's first page: the `ARTICLE INFO` column of keywords left of the abstract,
    which starts at a third of the page and runs over the gutter): blocks of runs, top down,
    each with the height its band ends at (under it and under the left column's runs going on
    beside it); each is read as the right column of a band of its own, after the left one.
    Rule: three or more such runs of words one under another (a line apart or less), starting
    at one edge (a paragraph's indent aside), two thirds of them lines of text across 40 % of the
    page or more (an author grid's centred cells are narrower), with two or more left column
    runs ending half a size or more before that edge at their heights (a justified column of
    keywords runs close to it) and none reaching past it."""
    spanning = sorted((f for f in fragments if _side(f, gutters) == "S" and _wordy(f)), key=lambda f: -f.y)
    lefts = sorted((f for f in fragments if _side(f, gutters) == "L"), key=lambda f: -f.y)
    out: list[tuple[list[_Fragment], float]] = []
    run: list[_Fragment] = []
    for f in [*spanning, None]:
        if f is not None and run and run[-1].y - f.y < 2 * f.size and -1 <= f.x0 - min(g.x0 for g in run) <= 2 * f.size:
            run.append(f)
            continue
        if len(run) >= 3 and sum(g.x1 - g.x0 >= 0.4 * width for g in run) >= 2 / 3 * len(run):
            top, bottom, edge = run[0].y + run[0].size, run[-1].y - run[-1].size, min(g.x0 for g in run)
            left = [g for g in lefts if bottom <= g.y <= top]
            if sum(g.x1 < edge - 0.5 * g.size for g in left) >= 2 and all(g.x1 < edge for g in left):
                end = min(run[-1].y, left[-1].y)
                for g in lefts:  # the left column going on under the block at its own spacing
                    if g.y < end and end - g.y < 2 * g.size and g.x1 < edge:
                        end = g.y
                out.append((run, end - 0.5 * run[-1].size))
        run = [f] if f is not None else []
    return out


def _wordy(f: _Fragment) -> bool:
    """A run of words, mostly letters (not a contents line's dot leaders, not a row of figures)."""
    shown = [c[0] for c in f.chars if not c[0].isspace()]
    return sum(c.isalpha() for c in shown) >= 0.5 * len(shown)


# Spacing accents TeX sets as glyphs of their own over or under a letter (`Gr´egory`, `Franc¸ois`),
# and the combining marks they stand for.
_SPACING_ACCENTS = {"\u00b4": "\u0301", "`": "\u0300", "\u00a8": "\u0308", "\u02c6": "\u0302", "\u02dc": "\u0303", "\u00b8": "\u0327", "\u02c7": "\u030c", "\u02d8": "\u0306", "\u02da": "\u030a", "\u02dd": "\u030b", "\u02db": "\u0328"}


_DOTTED = {"ı": "i", "ȷ": "j"}  # TeX accents the dotless letters (`\\'\\i`): the accented letter is the dotted one's


def compose_accents(chars: list[tuple]) -> list[tuple]:
    """A spacing accent set over (or under) a neighbouring letter is joined to it: `c` + `¸` -> `ç`.

    Rule: the accent's horizontal middle lies within the letter's box, the letter just
    before it or just after it (TeX draws the accent first or last). Otherwise it stays.
    """
    out: list[tuple] = []
    i = 0
    while i < len(chars):
        char = chars[i]
        mark = _SPACING_ACCENTS.get(char[0])
        if mark is not None:
            middle = (char[1] + char[2]) / 2
            after = chars[i + 1] if i + 1 < len(chars) else None
            if after is not None and after[0].isalpha() and after[1] - 0.5 <= middle <= after[2] + 0.5:
                composed = unicodedata.normalize("NFC", _DOTTED.get(after[0], after[0]) + mark)
                if len(composed) == 1:
                    # a word gap before it where the letter stands apart from the one before (the accent's kerning is none)
                    spaced = after[1] - out[-1][2] > 0.2 * max(after[4], 1.0) if out else char[6] or after[6]
                    out.append((composed,) + after[1:6] + (spaced,) + after[7:])
                    i += 2
                    continue
            home = _letter_under(out, middle)
            if home is not None:
                composed = unicodedata.normalize("NFC", _DOTTED.get(out[home][0], out[home][0]) + mark)
                if len(composed) == 1:
                    out[home] = (composed,) + out[home][1:]
                    if after is not None and after[6] and home < len(out) - 1 and after[1] - out[-1][2] <= 0.2 * max(after[4], 1.0):
                        chars = chars[: i + 1] + [after[:6] + (False,) + after[7:]] + chars[i + 2 :]  # the gap was the accent's, not a word's
                    i += 1
                    continue
        out.append(char)
        i += 1
    return out


ACCENT_REACH = 3  # letters back an accent drawn after its letter may stand over (`Fre` `d` `´`: over the `e`)


def _letter_under(out: list[tuple], middle: float) -> int | None:
    """The place in `out` of the letter whose box holds an accent's `middle`: the last letter, or
    one of the ACCENT_REACH before it in the same word (a producer draws the accent after the
    next letter: `Fred´` with the `´` over the `e`)."""
    for k in range(len(out) - 1, max(len(out) - 1 - ACCENT_REACH, -1), -1):
        if not out[k][0].isalpha():
            return None
        if out[k][1] - 0.5 <= middle <= out[k][2] + 0.5:
            return k
        if out[k][6]:  # a word gap before this letter: the accent's letter is not in an earlier word
            return None
    return None


_AFTER_MARK = frozenset(".,;:!?)]»”")


def _accents_placed(fragments: list[_Fragment]) -> list[_Fragment]:
    """The line's runs with each run of spacing accents alone (TeX's `´` over `e`, drawn apart
    from its word: `Fred´ eric`, `Universite ´`) put before the letter whose box holds its
    middle, in that letter's run, where `compose_accents` joins them (`Frédéric`); an accent
    over no letter stays a run of its own."""
    accents = [f for f in fragments if len(f.chars) <= 2 and all(c[0] in _SPACING_ACCENTS for c in f.chars)]
    if not accents or len(accents) == len(fragments):
        return fragments
    kept = [_Fragment(list(f.chars), f.x0, f.x1, f.y, f.size) for f in fragments if not any(f is a for a in accents)]  # copies: runs are shared
    for accent in accents:
        for char in accent.chars:
            middle = (char[1] + char[2]) / 2
            home = next(((f, k) for f in kept for k, c in enumerate(f.chars) if c[0].isalpha() and c[1] - 0.5 <= middle <= c[2] + 0.5), None)
            if home is None:
                kept.append(_Fragment([char], char[1], char[2], accent.y, accent.size))
            else:
                home[0].chars.insert(home[1], char)
    glued: list[_Fragment] = []
    for f in sorted(kept, key=lambda f: f.x0):  # a word the accent's kerning parted (`P` | `érez`, `Fred´` | `eric`) is one run again
        last = glued[-1] if glued else None
        if last is not None and abs(last.y - f.y) < 0.1 * f.size and f.x0 - last.x1 < 0.15 * f.size and (_has_accent(last) or _has_accent(f)):
            glued[-1] = _Fragment(last.chars + f.chars, last.x0, max(last.x1, f.x1), last.y, last.size)
        else:
            glued.append(f)
    return glued


def _has_accent(f: _Fragment) -> bool:
    return any(c[0] in _SPACING_ACCENTS for c in f.chars[:1] + f.chars[-1:])


def _make_line(page: int, side: str, fragments: list[_Fragment]) -> Line:
    """The line's text (a space where the producer put one or PDFium found a word gap, and between runs), and its facts."""
    fragments = _accents_placed(fragments)
    size = Counter({f.size: 0 for f in fragments})
    for f in fragments:
        size[f.size] += len(f.chars)
    size = size.most_common(1)[0][0]
    y = next(f.y for f in fragments if f.size == size)
    text: list[str] = []
    superscripts: list[tuple[int, int]] = []
    letters = bold = in_math = 0
    prev = None
    sup_start = None
    length = 0
    breaks: list[int] = []
    break_xs: list[float] = []
    faces: list[int | None] = []  # each character's style (BOLD, ITALIC, MONO); None for a space put between words
    addresses: list[str | None] = []  # each character's link (its address), None for none or a space put between words
    for f in fragments:
        chars = compose_accents(f.chars) if any(c[0] in _SPACING_ACCENTS for c in f.chars) else f.chars
        for char in chars:
            ch, x0, x1, baseline, csize, is_bold, spaced = char[:7]
            face = char[7] if len(char) > 7 else 0  # a character made elsewhere (a test's) has no font
            in_math += face & MATH
            raised = csize < 0.85 * size and baseline - y > 0.2 * size
            # a raised mark's punctuation follows it with no space (`страны¹.`), whatever the gap
            closes = sup_start is not None and not raised and ch in _AFTER_MARK
            if prev is not None and (spaced or chars[0] is char) and not closes:
                text.append(" ")
                length += 1
                faces.append(None)
                addresses.append(None)
            if prev is not None and chars[0] is char:
                breaks.append(length)
                break_xs.append(x0)
            if raised and sup_start is None:
                sup_start = length
            elif not raised and sup_start is not None:
                superscripts.append((sup_start, length))
                sup_start = None
            text.append(ch)
            length += len(ch)
            faces.extend([0 if face & MATH else face & (ITALIC | MONO) | (BOLD if is_bold else 0)] * len(ch))
            addresses.extend([char[8] if len(char) > 8 else None] * len(ch))
            if ch.isalpha():
                letters += 1
                bold += is_bold
            prev = char
    if sup_start is not None:
        superscripts.append((sup_start, length))
    joined = "".join(text)
    # a superscript run never begins or ends with the space before or after it
    superscripts = [(s + (joined[s] == " "), e - (joined[e - 1] == " ")) for s, e in superscripts]
    superscripts = [(s, e) for s, e in superscripts if s < e]
    return Line(page, joined, min(f.x0 for f in fragments), max(f.x1 for f in fragments), y, size, letters > 0 and bold == letters, side, superscripts=superscripts, breaks=breaks, break_xs=break_xs, math=in_math, styles=style_runs(faces), links=link_runs(addresses, joined))


def style_runs(faces: list[int | None]) -> list[tuple[int, int, int]]:
    """[start, end, style) runs of the styled characters (BOLD, ITALIC, MONO) of a line; a space
    between two characters of one style is theirs (`cold starts` is one italic run)."""
    runs: list[tuple[int, int, int]] = []
    start, current = 0, 0
    for k, face in enumerate([*faces, 0]):
        if face is None:
            continue
        if face != current:
            if current:
                end = k
                while faces[end - 1] is None:
                    end -= 1
                runs.append((start, end, current))
            start, current = k, face
    return runs


def link_runs(addresses: list[str | None], text: str) -> list[tuple[int, int, str]]:
    """[start, end, address) runs of the linked characters of a line's `text`; a space between
    two characters of one link is the link's (`Permanent link` is one run), and so are up to
    LINK_GAP characters of a word between two of its characters."""
    runs: list[tuple[int, int, str]] = []
    if not any(addresses):  # most lines
        return runs
    for k, address in enumerate(addresses):
        if address is None:
            continue
        gap = text[runs[-1][1] : k] if runs else ""
        if runs and runs[-1][2] == address and (not gap or gap.isspace() or (len(gap) <= LINK_GAP and not any(ch.isspace() for ch in gap))):
            runs[-1] = (runs[-1][0], k + 1, address)
        else:
            runs.append((k, k + 1, address))
    return runs


class TooMuchText(Exception):
    """More text than a paper holds (see MAX_CHARS); `pages` were read before it."""

    def __init__(self, pages: int):
        super().__init__(pages)
        self.pages = pages


def read_pages(doc: pdfium.PdfDocument, pages: int | None = None) -> list[Page]:
    """Every page's lines in reading order, numbered on their page (the first `pages` pages).

    Raises TooMuchText past MAX_CHARS characters, counted first: PDFium counts a page's
    characters in a few milliseconds, reading them takes ten times that.
    """
    count = len(doc) if pages is None else pages
    total = 0
    for index in range(count):
        page = doc[index]
        textpage = page.get_textpage()
        total += max(pdfium_c.FPDFText_CountChars(textpage.raw), 0)
        textpage.close()
        page.close()
        if total > MAX_CHARS:
            raise TooMuchText(index + 1)
    out = []
    for index in range(count):
        page = doc[index]
        width, height = page.get_size()
        origin = shown_origin(page)
        textpage = page.get_textpage()
        chars = _page_chars(textpage.raw, width, height, origin, page_links(doc, page))
        textpage.close()
        horizontal, vertical, marks = strokes_and_marks(page, origin) if chars.angle == 0 else ([], [], [])
        page.close()
        fragments = [_fragment(joined_letter_spacing(spaced_at_face_change(piece))) for run in chars.runs for piece in _split_run(run)]
        if marks:
            fragments = drawn_bullets(fragments, marks)
        lines = [_make_line(index + 1, side, frags) for side, frags in _reading_order(fragments, chars.width, first_page=index == 0)]
        tables = [table for grid in ruled_grids(horizontal, vertical) if (table := _captioned_table(grid, fragments, lines)) is not None]
        tables += _rules_only_tables(horizontal, vertical, fragments, lines, tables, chars.height)
        if tables:
            lines = _lines_with_tables(index + 1, fragments, tables, chars.width)
        _number(lines)
        out.append(Page(index + 1, chars.width, chars.height, lines, dropped=chars.dropped, unmapped=chars.unmapped, angle=chars.angle, tables=[table.grid for table in tables]))
    return out


def _number(lines: list[Line]) -> None:
    """Number a page's lines 1… in reading order, as a reader counts them on the page: the
    lines of a table's cells that stand on one baseline are one line of the page (a row)."""
    number = 0
    k = 0
    while k < len(lines):
        if lines[k].cell is None:
            number += 1
            lines[k].number = number
            k += 1
            continue
        end = k
        while end < len(lines) and lines[end].cell is not None and lines[end].cell[0] == lines[k].cell[0]:
            end += 1
        baselines: list[float] = []  # the table's, top to bottom
        for line in sorted(lines[k:end], key=lambda l: -l.y):
            if not baselines or baselines[-1] - line.y > 0.4 * line.size:
                baselines.append(line.y)
        for line in lines[k:end]:
            line.number = number + 1 + min(range(len(baselines)), key=lambda i: abs(baselines[i] - line.y))
        number += len(baselines)
        k = end


# ---- ruled tables ----------------------------------------------------------------------------

CAPTION_REACH = 4.0  # sizes of the caption's type: how far above a table its caption may stand (a label, then a title line)


@dataclass(frozen=True)
class _Captioned:
    """A ruled table and where its caption stands: the caption's first line's baseline, and
    whether it stands above the grid (a label, maybe a title line under it) or below."""

    grid: Grid
    caption: tuple[float, float, float]  # the caption's first line: left, right, baseline
    above: bool

    def holds_caption(self, char: tuple) -> bool:
        """Whether a character is the caption's: over the grid's and the caption line's width
        (a caption set flush right may run past the table), from the caption's first line down
        to the grid (above it), or on the caption's line (below it)."""
        left, bottom, right, top = self.grid.box
        x, y, size = (char[1] + char[2]) / 2, char[3], char[4]
        if not min(left, self.caption[0]) - size <= x <= max(right, self.caption[1]) + size:
            return False
        caption_y = self.caption[2]
        if self.above:
            return top < y <= caption_y + 0.4 * size
        return abs(y - caption_y) <= 0.4 * size


def _captioned_table(grid: Grid, fragments: list[_Fragment], lines: list[Line]) -> _Captioned | None:
    """The table a ruled grid draws, when text stands in two or more of its cells and a
    table's caption (`Таблица 2`, `Table 1:`, `TABLE II`, `Окончание табл. 1`) stands right
    above it (a title line may stand between), right below it, over its width, or in a
    first row drawn across the table (a magazine's frame around caption and table). Strokes
    alone also draw charts, frames and boxed formulas: None for those. A drawn row whose lines
    are rows of their own is split into them (`rows_by_baseline`)."""
    grid = rows_by_baseline(grid, [c[:5] for f in fragments for c in f.chars if not c[0].isspace()])
    first = grid.cells[0]
    if first[3] == len(grid.xs) - 1 and len(grid.ys) > 3:  # a first row across the table may hold its caption
        inside = [l for l in lines if grid.ys[1] < l.y < grid.ys[0] and grid.xs[0] <= l.x0 < grid.xs[-1]]
        if inside and is_table_caption(max(inside, key=lambda l: l.y)):
            grid = grid.without_first_row()
            caption = max(inside, key=lambda l: l.y)
            return _Captioned(grid, (caption.x0, caption.x1, caption.y), True)
    filled = {grid.cell_at((c[1] + c[2]) / 2, c[3]) for f in fragments for c in f.chars if not c[0].isspace()}
    if len(filled - {None}) < 2:
        return None
    left, bottom, right, top = grid.box
    for line in sorted(lines, key=lambda l: abs(l.y - (top if l.y > top else bottom))):  # nearest first
        if min(line.x1, right) <= max(line.x0, left):
            continue
        above = 0 < line.y - top <= CAPTION_REACH * line.size
        below = 0 < bottom - line.y <= 2 * line.size
        if (above or below) and is_table_caption(line):
            return _Captioned(grid, (line.x0, line.x1, line.y), above)
    block = _label_over_title(grid.box, lines)
    if block is None:
        return None
    return _Captioned(grid, (min(l.x0 for l in block), max(l.x1 for l in block), block[-1].y), True)


MAX_TITLE_LINES = 6  # a caption's title under its label: IEEE's run to three or four lines


def _label_over_title(box: tuple[float, float, float, float], lines: list[Line]) -> list[Line] | None:
    """A table's label over its title of several lines (IEEE's `TABLE II` / two to four lines
    of title in small capitals / the table): going up from the table, the title's lines each
    close to the one below (within two of its sizes), then the label; the lines from the
    table up to the label (a title line wider than the table is still the caption's)."""
    left, _, right, top = box
    over = sorted((l for l in lines if l.y > top and min(l.x1, right) > max(l.x0, left)), key=lambda l: l.y)
    block: list[Line] = []
    for line in over[: MAX_TITLE_LINES + 1]:
        reach = 2 * line.size if block else CAPTION_REACH * line.size
        if line.y - (block[-1].y if block else top) > reach:
            return None
        block.append(line)
        if is_table_caption(line):
            return block
    return None


def is_table_caption(line: Line) -> bool:
    """Whether a line opens a table's caption: `Таблица 2. …`, `Table 1:`, `2-кесте`,
    `TABLE II`, or a continuation's `Окончание табл. 1` — also printed in the wrong font
    table (`Òàáëèöà 1`, repaired line by line only later: mojibake.py)."""
    texts = [line.text]
    if SUSPECT_WORD.search(line.text):
        texts += [SUSPECT_WORD.sub(lambda m, mp=mapping: remap(m.group(), mp) or m.group(), line.text) for mapping in MAPPINGS]
    starts = tuple(sorted({0, *line.breaks}))
    return any(continued_table(text) or roman_table_label(text) or any(f.defines and f.kind == "table" for f in find_crossrefs(text, starts)) for text in texts)


def _rules_only_tables(horizontal, vertical, fragments: list[_Fragment], lines: list[Line], found: list[_Captioned], height: float) -> list[_Captioned]:
    """Tables drawn with horizontal rules only (booktabs, journals' styles), each under a
    table's caption no grid took, with text in two or more of its cells, clear of the grids."""
    taken = {table.caption[2] for table in found}
    runs: list[Run] | None = None  # the page's phrases, made for its first caption (most pages have none)
    out: list[_Captioned] = []
    for line in lines:
        if line.y in taken or not is_table_caption(line):
            continue
        if runs is None:
            runs = [run for f in fragments for run in _phrases(f)]
        grid = rules_only_grid(Run(line.x0, line.x1, line.y, line.size), horizontal, vertical, runs, height)
        if grid is None or any(_overlap(grid.box, table.grid.box) for table in found + out):
            continue
        filled = {grid.cell_at((c[1] + c[2]) / 2, c[3]) for f in fragments for c in f.chars if not c[0].isspace()}
        if len(filled - {None}) >= 2:
            out.append(_Captioned(grid, (line.x0, line.x1, line.y), True))
    return out


def _phrases(f: _Fragment) -> list[Run]:
    """A fragment's phrases: its words parted where the gap is wider than half its size (a
    word space is a third of it; columns of figures stand an em or more apart); spaces left
    out."""
    out: list[Run] = []
    words: list[list[tuple]] = [[]]
    for char in f.chars:
        if words[-1] and char[1] - words[-1][-1][2] > 0.5 * f.size:
            words.append([])
        if not char[0].isspace():
            words[-1].append(char)
    for chars in words:
        if chars:
            out.append(Run(chars[0][1], max(c[2] for c in chars), f.y, f.size, tuple(_word_boxes(chars, f.size)), chars[0][0].islower()))
    return out


def _word_boxes(chars: list[tuple], size: float) -> list[tuple[float, float]]:
    """The left and right of each word of a phrase (parted where the producer or PDFium put a
    space, or the gap is a fifth of the size or more)."""
    boxes: list[list[float]] = []
    for k, char in enumerate(chars):
        if boxes and not char[6] and char[1] - chars[k - 1][2] < 0.2 * size:
            boxes[-1][1] = max(boxes[-1][1], char[2])
        else:
            boxes.append([char[1], char[2]])
    return [(a, b) for a, b in boxes]


def _overlap(a: tuple, b: tuple) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _lines_with_tables(page: int, fragments: list[_Fragment], tables: list[_Captioned], width: float) -> list[Line]:
    """The page's lines again, with each table's characters taken out of the flow and set as
    lines of its cells, cell by cell in reading order, with its caption's lines before (or
    after) them, where the table stands on the page (its caption's first line marked)."""
    cells: list[dict[int, list[tuple]]] = [{} for _ in tables]
    captions: list[list[tuple]] = [[] for _ in tables]
    kept: list[_Fragment] = []
    for f in fragments:
        outside = []
        for char in f.chars:
            x, y = (char[1] + char[2]) / 2, char[3]
            k, cell = next(((k, cell) for k, table in enumerate(tables) if (cell := table.grid.cell_at(x, y)) is not None), (None, None))
            if k is not None:
                cells[k].setdefault(cell, []).append(char)
            elif (k := next((k for k, table in enumerate(tables) if table.holds_caption(char)), None)) is not None:
                captions[k].append(char)
            else:
                outside.append(char)
        if len(outside) == len(f.chars):
            kept.append(f)
        elif any(not c[0].isspace() for c in outside):
            kept.extend(_fragment(piece) for piece in _split_run(outside))
    anchors = []
    for k, table in enumerate(tables):  # one mark where the table stands: reading order puts it among the lines
        left, bottom, right, top = table.grid.box
        size = Counter(c[4] for chars in cells[k].values() for c in chars).most_common(1)[0][0]
        anchors.append(_Fragment([("\ufffc", left, right, (top + bottom) / 2, size, False, False)], left, right, (top + bottom) / 2, size))
    lines = []
    for side, frags in _reading_order(kept + anchors, width, first_page=page == 1):  # a first page with a table reads its title block as one without
        k = next((k for k, anchor in enumerate(anchors) if any(f is anchor for f in frags)), None)
        others = [f for f in frags if k is None or f is not anchors[k]]
        if others:
            lines.append(_make_line(page, side, others))
        if k is None:
            continue
        caption = [_make_line(page, side, row) for row in _rows_of(captions[k])]
        if caption:
            caption[0].table_caption = True
        lines.extend(caption if tables[k].above else [])
        for index in range(len(tables[k].grid.cells)):
            for row in _rows_of(cells[k].get(index, [])):
                line = _make_line(page, side, row)
                line.cell = (k, index)
                lines.append(line)
        lines.extend([] if tables[k].above else caption)
    return lines


def _rows_of(chars: list[tuple]) -> list[list[_Fragment]]:
    """Characters taken out of the flow as lines of fragments, top to bottom."""
    return _lines_of([_fragment(piece) for piece in _split_run(chars) if any(not c[0].isspace() for c in piece)])


# ---- page furniture ----------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:(?:page|стр\.?|с\.|бет)\s*)?\d{1,4}(?:\s*(?:of|из|/)\s*\d{1,4})?(?:\s*[-–—])?$", re.IGNORECASE)
MARGIN = 0.12  # the outer share of the page height where running heads and feet stand


def _furniture_key(text: str) -> str:
    """A line's text with digits and spaces left out: `Вестник № 3, 2015` matches on every page."""
    return re.sub(r"[\d\s]+", "", text).lower()


def mark_furniture(pages: list[Page]) -> None:
    """Mark running headers, footers, page numbers and the first page's credit line.

    Rule: a line standing in the top or bottom 12% of its page, among the three outermost
    lines at either end, is furniture when it is a bare
    page number (`12`, `- 12 -`, `Page 3 of 9`), or when the same text, digits aside, stands in
    that margin on at least two pages and on at least a third of the pages (a journal's running
    head, a letter-spaced author line, a conference footer), or, on the first page, when it is
    a publisher's credit line (`is_credit_line`): left in, it was glued to the column's text.
    """
    def in_margin(page: Page, line: Line) -> bool:
        return line.cell is None and (line.y > page.height * (1 - MARGIN) or line.y < page.height * MARGIN) and line.y in page.outermost  # a table's cell (`7/20`) is none

    def margin_rows(page: Page) -> list[list[Line]]:
        """The page's margin lines by baseline (within half a line): a head split by a gutter,
        or set in two sizes, is one row again."""
        rows: list[list[Line]] = []
        for line in sorted((l for l in page.lines if in_margin(page, l)), key=lambda l: l.y):
            if rows and line.y - rows[-1][-1].y <= 0.5 * line.size:
                rows[-1].append(line)
            else:
                rows.append([line])
        return rows

    for page in pages:
        heights = sorted({line.y for line in page.lines if line.cell is None})
        page.outermost = set(heights[:3] + heights[-3:])
    rows_by_page = [margin_rows(page) for page in pages]
    # Each row's text and each of its lines' own (a first page's foot sets the credit line
    # beside the running foot: `…/$26.00©2011IEEE` | `IEEE SIGNAL PROCESSING MAGAZINE [111]`).
    seen: Counter = Counter()
    for rows in rows_by_page:
        seen.update({_furniture_key(" ".join(l.text for l in sorted(row, key=lambda l: l.x0))) for row in rows} - {""})
        seen.update({"\0" + _furniture_key(line.text) for row in rows if len(row) > 1 for line in row} - {"\0"})
    needed = max(2, len(pages) / 3)
    for rows in rows_by_page:
        for row in rows:
            key = _furniture_key(" ".join(l.text for l in sorted(row, key=lambda l: l.x0)))
            for line in row:
                own = _furniture_key(line.text)
                if _PAGE_NUMBER.match(line.text.strip()) or (key and seen[key] >= needed) or (own and seen[own] + seen["\0" + own] >= needed):
                    line.furniture = True
    for row in rows_by_page[0] if pages else ():
        for line in row:
            if is_credit_line("   ".join(_runs(line))):  # the runs the layout set apart, apart
                line.furniture = True
    if pages:
        _credit_block(pages[0])
    # A head with a folio is told by its evidence (the number runs with the pages), so the
    # outermost line at either end counts wherever it stands (a report class's head 1.4 inches down).
    ends = [(n, line) for n, page in enumerate(pages) for line in _end_lines(page)]
    for k in heads_with_folios([(n, line.text) for n, line in ends]):
        ends[k][1].furniture = True


def _credit_block(page: Page) -> None:
    """A first page's credits run on past the three outermost lines (Elsevier's foot: the DOI,
    the article's history, `Available online …`, the ISSN and licence, a line each): going in
    from the page's edge through furniture, each credit line met in the margin is furniture
    too, up to the first line that is neither."""
    bottom = sorted((l for l in page.lines if l.cell is None and l.text.strip() and l.y < page.height * MARGIN), key=lambda l: l.y)
    top = sorted((l for l in page.lines if l.cell is None and l.text.strip() and l.y > page.height * (1 - MARGIN)), key=lambda l: -l.y)
    for edge in (bottom, top):
        for line in edge:
            if not (line.furniture or is_credit_line("   ".join(_runs(line)))):
                break
            line.furniture = True


def _end_lines(page: Page) -> list[Line]:
    """The page's top and bottom lines outside tables (one if the page has one)."""
    lines = sorted((l for l in page.lines if l.cell is None and l.text.strip()), key=lambda l: l.y)
    return lines[:1] + lines[-1:] if len(lines) > 1 else lines


def _runs(line: Line) -> list[str]:
    """A line's runs as the layout set them apart (`line.breaks`)."""
    ends = [0, *line.breaks, len(line.text)]
    return [line.text[a:b].strip() for a, b in zip(ends, ends[1:]) if line.text[a:b].strip()]


# ---- footnotes ---------------------------------------------------------------------------

_NOTE_MARK = re.compile(r"[*∗†‡§¶]{1,3}|\d{1,3}")
NOTE_SIZE = 0.9  # a footnote is set smaller than the body: at most this share of its size
UNMARKED_NOTE_LINES = 12  # an unmarked note (a correspondence address) is short
_CAPTION = re.compile(r"(?:fig(?:ure)?|table|рис(?:унок)?|табл(?:ица)?|сурет|кесте)\b", re.IGNORECASE)


def mark_notes(pages: list[Page], body: float) -> None:
    """Mark the footnotes at the foot of each page (or column).

    Rule: under a column's (or the page's) last line of body type, the lines set smaller
    than the body are footnotes from the first of them that opens with a raised mark (`¹`,
    `*`, `†`) down: each such line starts a note, the lines under it continue it. Smaller
    lines above that first mark (a table, a caption set small) are not notes. A foot whose
    lines open with no raised mark is one unmarked note under a column of a two-column page
    (a correspondence address under the first column) when it is short prose (no caption, no figure's labels), stands in the
    lower part of the page and is set apart from the text above it by more than a line's space. Whether a note's mark
    is called in the text is for the reader to find.
    """
    for page in pages:
        for side in {line.side for line in page.lines}:
            column = sorted((l for l in page.lines if l.side == side and not l.furniture and l.text.strip()), key=lambda l: l.y)
            foot = []
            for line in column:
                if line.size > NOTE_SIZE * body or line.cell is not None:  # a table's small type is no note
                    break
                foot.append(line)
            opened = [i for i, line in enumerate(foot) if line.superscripts and line.superscripts[0][0] == 0 and _NOTE_MARK.fullmatch(line.text[: line.superscripts[0][1]])]
            if not opened:
                if _template_foot(foot, column) or side != "S" and _unmarked_note(foot, column, page):
                    for line in foot:
                        line.in_note = True
                continue
            for line in foot[: opened[-1] + 1]:  # from the topmost mark down
                line.in_note = True
            for i in opened:
                foot[i].note_mark = foot[i].text[: foot[i].superscripts[0][1]]
        _notes_run_on(page)


def _notes_run_on(page: Page) -> None:
    """A marked note's short last line that its sides put in another column (`package.`, left of
    a gutter found on the page) goes on with the note: it stands right under the note's line, in
    its size, flush with it. (An unmarked note is a guess of its own: nothing is added to it.)"""
    lines = sorted((l for l in page.lines if l.text.strip() and not l.furniture), key=lambda l: -l.y)
    marked = False  # the line above belongs to a note opened by a mark
    for above, line in zip(lines, lines[1:]):
        marked = above.in_note and (bool(above.note_mark) or marked)
        if marked and not line.in_note and 0 < above.y - line.y <= 1.6 * above.size and abs(above.size - line.size) < 0.5 and abs(above.x0 - line.x0) < above.size:
            line.in_note = True


def _template_foot(foot: list[Line], column: list[Line]) -> bool:
    """The small lines at a column's (or a one-column page's) foot hold a publisher's template
    notice (ACM's permission block, `TEMPLATE_NOTICE`, with the authors' address, the © and DOI
    lines about it): a note, never the body's text, however many lines it takes."""
    return 0 < len(foot) < len(column) and any(TEMPLATE_NOTICE.match(line.text.strip()) for line in foot)


def _unmarked_note(foot: list[Line], column: list[Line], page: Page) -> bool:
    """The small lines at a column's foot (bottom first) make an unmarked note (see `mark_notes`)."""
    if not foot or len(foot) > UNMARKED_NOTE_LINES or len(foot) == len(column):
        return False
    top, above = foot[-1], column[len(foot)]
    prose = sum(len(line.text) for line in foot) >= 30 * len(foot)  # not a figure's labels or a table's cells
    return top.y < 0.4 * page.height and above.y - top.y > 1.5 * above.size and prose and not any(_CAPTION.match(line.text.strip()) for line in foot)

