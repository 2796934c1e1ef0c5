"""What a picture is, from its own bytes: media type, intrinsic size, and whether it is whole.

Readers hand a picture's bytes here before they put it in the model, so an edition never
receives a file that is not the picture it claims to be (a truncated PNG, a text file named
`.png`, a 30000×30000 header that would take gigabytes to decode). Pillow reads the headers
and checks the data; SVG is read as XML without a DTD; EMF/WMF by their magic numbers.
"""

from __future__ import annotations

import re
import struct
import warnings
from dataclasses import dataclass
from io import BytesIO

# A paper's picture is never this large; past it decoding one costs more memory than a
# paper may (40 Mpx: a 600 dpi A4 scan, 120 MB as RGB while it is checked).
MAX_PIXELS = 40_000_000
MAX_BYTES = 64 * 1024 * 1024
DEFAULT_DPI = 96.0  # what CSS, pandoc and Word assume for a picture that names no resolution

_PILLOW_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "BMP": "image/bmp", "DIB": "image/bmp", "TIFF": "image/tiff"}


class NotAPicture(ValueError):
    """The bytes are not a picture an edition can carry; the message says what they are."""


@dataclass(frozen=True, slots=True)
class Picture:
    media_type: str
    width: float  # points (1/72 in) at the resolution the file names, else at 96 dpi
    height: float
    pixels: tuple[int, int] | None = None  # raster size; None for vector formats


def identify(data: bytes) -> Picture:
    """The picture these bytes hold, checked whole; NotAPicture says why not."""
    if len(data) > MAX_BYTES:
        raise NotAPicture(f"is {len(data)} bytes; pictures of at most {MAX_BYTES} bytes are read")
    if not data:
        raise NotAPicture("is empty")
    head = data[:64]
    if head.startswith(b"\x01\x00\x00\x00") and data[40:44] == b" EMF":
        return _metafile(data, "image/x-emf")
    if head.startswith(b"\xd7\xcd\xc6\x9a") or head[:6] in (b"\x01\x00\x09\x00\x00\x03", b"\x02\x00\x09\x00\x00\x03"):
        return _metafile(data, "image/x-wmf")
    if _looks_like_svg(data):
        return _svg(data)
    return _raster(data)


# ---- raster pictures (Pillow) ------------------------------------------------------------


def _pillow_errors():
    from PIL import Image, UnidentifiedImageError

    # What Pillow raises on bytes it cannot read (its decoders use these builtins).
    return (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError, KeyError, TypeError, ZeroDivisionError)


def _raster(data: bytes) -> Picture:
    from PIL import Image

    errors = _pillow_errors()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow's size warnings: the limit below decides
        try:
            with Image.open(BytesIO(data)) as im:
                kind = im.format
                width, height = im.size
                dpi = im.info.get("dpi")
        except Image.DecompressionBombError:  # Pillow's own limit, far above ours
            raise NotAPicture(f"declares far more than {MAX_PIXELS // 1_000_000} megapixels; pictures of at most {MAX_PIXELS // 1_000_000} megapixels are read") from None
        except errors:
            raise NotAPicture(_what_it_is(data)) from None
        if kind not in _PILLOW_TYPES:
            raise NotAPicture(f"is a {kind} picture, which the editions do not carry: save it as PNG or JPEG")
        if width <= 0 or height <= 0 or width * height > MAX_PIXELS:
            raise NotAPicture(f"is {width}×{height} pixels; pictures of at most {MAX_PIXELS // 1_000_000} megapixels are read")
        try:
            _check_whole(data, kind)
        except errors:
            raise NotAPicture(f"is a damaged or truncated {kind} picture") from None
    x_dpi, y_dpi = _resolution(dpi)
    return Picture(_PILLOW_TYPES[kind], width * 72 / x_dpi, height * 72 / y_dpi, (width, height))


def _check_whole(data: bytes, kind: str) -> None:
    """Read every byte of the picture's data: a truncated or corrupt file raises here."""
    from PIL import Image, ImageFile

    ImageFile.LOAD_TRUNCATED_IMAGES = False  # Pillow's default; a truncated picture must fail
    with Image.open(BytesIO(data)) as im:
        if kind == "PNG":
            im.verify()  # every chunk's CRC, without decoding the pixels
            return
        if kind == "JPEG":
            im.draft("L", (max(im.size[0] // 8, 1), max(im.size[1] // 8, 1)))  # decode at 1/8: reads the whole stream
        im.load()


def _resolution(dpi) -> tuple[float, float]:
    """The file's own resolution when it is plausible (producers write 0, 1 or 65535)."""
    try:
        x, y = (float(dpi[0]), float(dpi[1])) if dpi else (DEFAULT_DPI, DEFAULT_DPI)
    except (TypeError, ValueError, IndexError):
        return DEFAULT_DPI, DEFAULT_DPI
    good = lambda v: 30 <= v <= 4800  # noqa: E731
    # PNG stores dots per metre: 150 dpi comes back as 149.9869; a whole number was meant.
    whole = lambda v: float(round(v)) if abs(v - round(v)) < 0.1 else v  # noqa: E731
    return (whole(x) if good(x) else DEFAULT_DPI), (whole(y) if good(y) else DEFAULT_DPI)


_SIGNATURES = ((b"%PDF-", "a PDF"), (b"PK\x03\x04", "a zip archive (a Word or other Office file?)"), (b"RIFF", "a RIFF file (WebP or audio)"), (b"\x00\x00\x00", "binary data that is no picture format"))


def _what_it_is(data: bytes) -> str:
    """Why the bytes are no picture, in words a user can act on."""
    for magic, name in _SIGNATURES:
        if data.startswith(magic):
            return f"is not a picture: it is {name}"
    if data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8\xff"):
        return "is a damaged or truncated picture (its header cannot be read)"
    try:
        data[:4096].decode("utf-8")
        return "is not a picture: it is text"
    except UnicodeDecodeError:
        return "is not a picture in a format the editions carry (PNG, JPEG, GIF, BMP, TIFF, SVG, EMF, WMF)"


# ---- vector pictures -----------------------------------------------------------------------


def _metafile(data: bytes, media_type: str) -> Picture:
    """EMF/WMF: the frame from the header (EMF: its frame in 0.01 mm; placeable WMF: its
    bounding box in units of its own per-inch count)."""
    try:
        if media_type == "image/x-emf":
            left, top, right, bottom = struct.unpack_from("<4i", data, 24)
            width, height = (right - left) / 100 / 25.4 * 72, (bottom - top) / 100 / 25.4 * 72
        elif data.startswith(b"\xd7\xcd\xc6\x9a"):
            left, top, right, bottom, inch = struct.unpack_from("<4hH", data, 6)
            inch = inch or 1440
            width, height = abs(right - left) / inch * 72, abs(bottom - top) / inch * 72
        else:  # a WMF without a placeable header names no size
            width = height = 0.0
    except struct.error:
        raise NotAPicture(f"is a truncated {media_type[8:].upper()} picture") from None
    if width < 0 or height < 0 or width > 14_400 or height > 14_400:  # past 5 m: a corrupt header
        raise NotAPicture(f"is a {media_type[8:].upper()} picture with an impossible size in its header")
    return Picture(media_type, width, height)


_SVG_ROOT = re.compile(rb"<svg[\s>]")


def _looks_like_svg(data: bytes) -> bool:
    """XML (it opens with `<`, after a byte-order mark) naming an `<svg` element early on."""
    head = data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    return head.startswith(b"<") and _SVG_ROOT.search(head) is not None


_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?\d+)?)\s*(px|pt|pc|mm|cm|in|)\s*$")
_UNIT_PT = {"": 0.75, "px": 0.75, "pt": 1.0, "pc": 12.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0}


def _svg(data: bytes) -> Picture:
    """An SVG's size from its root's width/height (or its viewBox). A DTD or an entity is
    refused before parsing: an SVG needs neither, and either can read files or explode."""
    if re.search(rb"<!DOCTYPE|<!ENTITY", data[:65536], re.IGNORECASE):
        raise NotAPicture("is an SVG that declares a DTD or entities; refused (they can read local files)")
    from xml.etree.ElementTree import ParseError, XMLPullParser

    parser = XMLPullParser(events=("start",))
    root = None
    try:
        for at in range(0, len(data), 65536):
            parser.feed(data[at : at + 65536])
            for _, element in parser.read_events():
                root = element
                break
            if root is not None:
                break
        if root is None:
            parser.close()
    except ParseError as exc:
        raise NotAPicture(f"is not a well-formed SVG ({exc})") from None
    if root is None or not root.tag.endswith("svg"):
        raise NotAPicture("is not an SVG picture (its root element is not <svg>)")
    width, height = _svg_length(root.get("width")), _svg_length(root.get("height"))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if (width is None or height is None) and len(box) == 4:
        try:
            bw, bh = float(box[2]), float(box[3])
        except ValueError:
            bw = bh = 0.0
        if bw > 0 and bh > 0:
            width = width if width is not None else (height * bw / bh if height is not None else bw * 0.75)
            height = height if height is not None else width * bh / bw
    if not width or not height or width > 14_400 or height > 14_400:
        width, height = width or 0.0, height or 0.0
    return Picture("image/svg+xml", width, height)


def _svg_length(value: str | None) -> float | None:
    m = _LENGTH.match(value or "")
    return float(m.group(1)) * _UNIT_PT[m.group(2)] if m else None
