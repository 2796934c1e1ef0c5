"""Pictures checked, sized and put in a form every edition can carry.

JPEG and PNG stay as the source's bytes (the PDF and LaTeX editions pass a JPEG through
without re-encoding); GIF, BMP and TIFF become PNG; SVG is kept once it is known to refer to
nothing outside itself; WMF and EMF are converted to SVG (vectors stay vectors), and so is a
Word chart or shape drawing (drawn by LibreOffice from what Word stored). Work is
bounded: a picture of more than `MAX_PIXELS` is refused from its header, before decoding.
"""

from __future__ import annotations

import io
import re
import struct
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from ..model import CHART_PACKAGE, Image
from .convert import ConversionError, emf_to_svg, metafile_by_office, metafiles_by_office, wmf_to_svg

# A 600 dpi scan of an A3 page has 70 million pixels; a picture in a paper has far fewer.
# Refused from the header, so a 30000 × 30000 JPEG costs nothing to turn away.
MAX_PIXELS = 80_000_000
DEFAULT_DPI = 96  # what Word assumes for a picture that states no resolution
RASTER = {"image/png", "image/jpeg", "image/gif", "image/bmp", "image/tiff"}
METAFILE = {"image/x-wmf", "image/x-emf"}
SVG = "image/svg+xml"
KINDS = RASTER | METAFILE | {SVG, CHART_PACKAGE}
# What LibreOffice is given for each kind it draws: the file's extension.
BY_OFFICE = {"image/x-emf": "emf", CHART_PACKAGE: "docx"}
EXTENSIONS = {"jpeg": ".jpg", "png": ".png", "svg": ".svg"}


class MediaError(Exception):
    """A picture no edition can draw: `reason` says why in a few words."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name or 'a picture'}: {reason}")
        self.name, self.reason = name, reason

    def __reduce__(self):  # pickled with its own arguments (a build's PDF child is sent the refusals)
        return type(self), (self.name, self.reason)


@dataclass(frozen=True)
class Picture:
    """A picture ready for the editions: `kind` is jpeg, png or svg; `data` its bytes in that
    form; `width`/`height` its natural size in points; `converted` when the source held
    another format (a WMF's SVG, a GIF's PNG)."""

    kind: str
    data: bytes
    width: float
    height: float
    converted: bool = False

    def drawing(self):
        """svglib's drawing of an SVG picture."""
        return svg_drawing(self.data)

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.kind]


def prepare(image: Image) -> Picture:
    """The picture as editions carry it, or MediaError (once per distinct picture in a process)."""
    if image.media_type not in KINDS:
        raise MediaError(image.name, f"{image.media_type or 'an unknown format'} is not a picture format the editions can carry")
    if not image.data:
        raise MediaError(image.name, "the picture is empty")
    key = (image.media_type, image.data)
    if key in _REFUSED:  # each edition asks again: a converter is not run again to fail again
        raise MediaError(image.name, _REFUSED[key])
    if key in _SENT:
        return _SENT[key]
    try:
        return _prepare(image.data, image.media_type, image.name)
    except MediaError as exc:
        if len(_REFUSED) >= 64:
            _REFUSED.clear()
        _REFUSED[key] = exc.reason
        raise


_REFUSED: dict[tuple[str, bytes], str] = {}  # (media type, bytes) -> why `_prepare` refused it (lru_cache keeps no exception)
_SENT: dict[tuple[str, bytes], Picture] = {}  # pictures another process prepared (`remember`)


def remember(prepared) -> None:
    """Pictures prepared in another process, as (Image, Picture or MediaError) pairs (a build's
    PDF child is sent its parent's: Edition.pictures): `prepare` returns them as they are, so
    no converter runs twice for one picture (a LibreOffice run is a second or more)."""
    _SENT.clear()
    for image, result in prepared:
        key = (image.media_type, image.data)
        if isinstance(result, MediaError):
            _REFUSED[key] = result.reason
        else:
            _SENT[key] = result


# EMF pictures converted together by `prepare_all` (the SVG, or why not), for `prepare`: kept
# for the next edition of the same paper, at most MAX_CONVERTED of them (a long-lived server).
_CONVERTED: dict[bytes, bytes | ConversionError] = {}
MAX_CONVERTED = 32


def prepare_all(images) -> None:
    """Convert a document's EMF pictures and charts in one LibreOffice run a kind before
    `prepare` takes each (its start is most of a conversion: ten pictures took 13 s one by one,
    2 s together). When the run itself fails, each is left to `prepare`, which tries it alone."""
    for media_type, extension in BY_OFFICE.items():
        pending = list(dict.fromkeys(i.data for i in images if i.media_type == media_type and i.data and i.data not in _CONVERTED))
        if len(pending) < 2:
            continue
        try:
            converted = metafiles_by_office(pending, extension)
        except ConversionError:
            continue
        if len(_CONVERTED) + len(pending) > MAX_CONVERTED:
            _CONVERTED.clear()
        _CONVERTED.update(zip(pending, converted))


@lru_cache(maxsize=64)
def _prepare(data: bytes, media_type: str, name: str) -> Picture:
    if media_type in RASTER:
        return _raster(data, media_type, name)
    if media_type == SVG:
        return _svg(data, name, converted=False)
    try:
        if media_type == "image/x-wmf":
            svg = wmf_to_svg(data)
        else:
            svg = _CONVERTED.get(data) or (emf_to_svg(data) if media_type == "image/x-emf" else metafile_by_office(data, BY_OFFICE[media_type]))
        if isinstance(svg, ConversionError):
            raise svg
    except ConversionError as exc:
        what = "the chart or drawing could not be drawn" if media_type == CHART_PACKAGE else "the metafile could not be converted"
        raise MediaError(name, f"{what}: {exc}") from None
    return _svg(svg, name, converted=True)


def display_size(image: Image, picture: Picture, text_width: float | None = None, type_size: float | None = None) -> tuple[float, float]:
    """The size the source shows the picture at, in points (its natural size if it sets none;
    one side given: the other in proportion; a share of the text width, when it gives one and
    the text width is known); a picture of text set in the source's body type (`type_size`),
    scaled to the edition's body type when it is given."""
    w, h = _source_size(image, picture, text_width)
    if image.type_size and type_size and image.type_size > 0:
        return w * type_size / image.type_size, h * type_size / image.type_size
    return w, h


def _source_size(image: Image, picture: Picture, text_width: float | None) -> tuple[float, float]:
    if image.share and text_width and picture.width > 0:
        w = min(image.share, 1.0) * text_width
        return w, w * picture.height / picture.width
    w, h = image.width, image.height
    if w and h and w > 0 and h > 0:
        return w, h
    if w and w > 0:
        return w, w * picture.height / picture.width
    if h and h > 0:
        return h * picture.width / picture.height, h
    return picture.width, picture.height


def lowered_by(image: Image, picture: Picture, shown_height: float) -> float:
    """How far below the baseline a picture in the line stands at the height it is shown at:
    the source's `lowered`, scaled with the picture (a formula's preview set smaller keeps its
    baseline on the text's)."""
    if not image.lowered:
        return 0.0
    source_height = _source_size(image, picture, None)[1]
    return image.lowered * shown_height / source_height if source_height > 0 else image.lowered


def fit(size: tuple[float, float], max_width: float, max_height: float) -> tuple[float, float]:
    """`size` scaled down to fit the box, proportions kept; never scaled up."""
    w, h = size
    scale = min(1.0, max_width / w if w > 0 else 1.0, max_height / h if h > 0 else 1.0)
    return w * scale, h * scale


# ---- raster ---------------------------------------------------------------------------------


def _raster(data: bytes, media_type: str, name: str) -> Picture:
    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    try:
        with PILImage.open(io.BytesIO(data)) as pil:
            width, height = pil.size
            if width < 1 or height < 1:
                raise MediaError(name, "the picture has no pixels")
            if width * height > MAX_PIXELS:
                raise MediaError(name, f"{width * height} pixels ({width} × {height}) is more than a paper's picture holds (at most {MAX_PIXELS // 1_000_000} million)")
            dpi = _dpi(pil.info.get("dpi"))
            fmt = pil.format
            if fmt == "JPEG":
                pil.draft("RGB", (max(1, width // 8), max(1, height // 8)))  # decode at 1/8: a truncated file still shows
            pil.load()
            kind, out = _carried(pil, fmt, data)
    except MediaError:
        raise
    except PILImage.DecompressionBombError as exc:  # Pillow's own limit, met before ours when the header is absurd
        pixels = re.search(r"\((\d+) pixels\)", str(exc))
        raise MediaError(name, f"{pixels.group(1) if pixels else 'so many'} pixels is more than a paper's picture holds (at most {MAX_PIXELS // 1_000_000} million)") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, struct.error, MemoryError, PILImage.DecompressionBombError) as exc:
        raise MediaError(name, f"the picture cannot be decoded ({_reason(exc)})") from None
    return Picture(kind, out, width * 72 / dpi, height * 72 / dpi, converted=out is not data)


def _carried(pil, fmt: str, data: bytes) -> tuple[str, bytes]:
    """JPEG and PNG as they are; anything else as PNG (its first frame)."""
    if fmt == "JPEG":
        return "jpeg", data
    if fmt == "PNG":
        return "png", data
    frame = pil
    if frame.mode not in ("1", "L", "LA", "RGB", "RGBA", "P"):
        frame = frame.convert("RGBA" if "A" in frame.mode else "RGB")
    out = io.BytesIO()
    frame.save(out, "PNG", optimize=False)
    return "png", out.getvalue()


def _dpi(value) -> float:
    try:
        dpi = float(value[0])
    except (TypeError, ValueError, IndexError):
        return DEFAULT_DPI
    return dpi if 30 <= dpi <= 2400 else DEFAULT_DPI


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:80]
    return text or type(exc).__name__


# ---- SVG ------------------------------------------------------------------------------------

_OUTSIDE = re.compile(r"^\s*(?!#|data:)", re.I)


def _svg(data: bytes, name: str, converted: bool) -> Picture:
    """An SVG that refers to nothing outside itself (no entities, no outside files), with its size."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise MediaError(name, f"the SVG is not well-formed XML ({_reason(exc)})") from None
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise MediaError(name, "the SVG declares XML entities (which could read outside files); refused")
    if etree.QName(root).localname != "svg":
        raise MediaError(name, "the file is XML but not an SVG")
    for element in root.iter():
        for attr, value in element.attrib.items():
            if etree.QName(attr).localname == "href" and _OUTSIDE.match(value):
                raise MediaError(name, f"the SVG refers to an outside file ({value[:60]!r}); refused")
    _set_fonts(root)
    _masks_applied(root)
    data = etree.tostring(root, encoding="utf-8", xml_declaration=True)
    drawing = svg_drawing(data)
    if drawing is None:
        raise MediaError(name, "the SVG has nothing svglib can draw")
    return Picture("svg", data, drawing.width, drawing.height, converted=converted)


_MASK_URL = re.compile(r"^url\(#([^)]+)\)$")
_DATA_URI = re.compile(r"^data:image/(?:png|jpeg);base64,(.*)$", re.S)


def _masks_applied(root) -> None:
    """A picture drawn through a mask that is itself a picture (pdftocairo writes a PDF's soft
    mask so: a chart's 3D walls, a shadow) made one picture with the mask as its alpha. svglib
    draws no masks: the picture showed unmasked, black where the mask made it clear."""
    from lxml import etree

    href = "{http://www.w3.org/1999/xlink}href"
    by_id = {element.get("id"): element for element in root.iter() if element.get("id")}

    def picture_of(element):  # an <image> of a data URI, or a <use> of one
        if element is not None and etree.QName(element).localname == "use":
            element = by_id.get((element.get(href) or element.get("href") or "").lstrip("#"))
        if element is None or etree.QName(element).localname != "image":
            return None
        m = _DATA_URI.match(element.get(href) or element.get("href") or "")
        return (element, m.group(1)) if m else None

    for element in list(root.iter()):
        m = _MASK_URL.match(element.get("mask") or "")
        mask = by_id.get(m.group(1)) if m else None
        shown = picture_of(element)
        alpha = picture_of(mask[0]) if mask is not None and len(mask) == 1 else None
        if shown is None or alpha is None:
            continue
        try:
            merged = _with_alpha(shown[1], alpha[1])
        except (ValueError, OSError):  # an undecodable picture: left as svglib draws it
            continue
        image = etree.SubElement(shown[0].getparent(), shown[0].tag, {k: v for k, v in shown[0].attrib.items() if k not in ("id", href, "href")})
        image.set("id", f"{shown[0].get('id') or 'image'}-{m.group(1)}")
        image.set(href, "data:image/png;base64," + merged)
        if etree.QName(element).localname == "use":
            element.set(href, "#" + image.get("id"))
        else:  # an <image> itself masked: drawn in place as the merged one
            element.set(href, image.get(href))
            image.getparent().remove(image)
        del element.attrib["mask"]


def _with_alpha(picture: str, mask: str) -> str:
    """Base64 PNG of `picture` (base64 PNG or JPEG) with `mask`'s luminance as its alpha (a
    luminance mask, as SVG reads one), the mask scaled to the picture's pixels."""
    import base64

    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(base64.b64decode(picture))) as shown, PILImage.open(io.BytesIO(base64.b64decode(mask))) as alpha:
        if shown.width * shown.height > MAX_PIXELS:
            raise ValueError("too many pixels")
        merged = shown.convert("RGBA")
        merged.putalpha(alpha.convert("L").resize(shown.size))
        out = io.BytesIO()
        merged.save(out, "PNG", optimize=False)
    return base64.b64encode(out.getvalue()).decode("ascii")


# Text in an SVG is drawn in one of three embedded families with wide coverage (Latin, Greek,
# Cyrillic, mathematical operators): never a font the PDF does not embed, never a font that
# depends on what the machine has installed (svglib would ask fontconfig).
SVG_FAMILIES = {
    "exporter-serif": ("FreeSerif.ttf", "FreeSerifBold.ttf", "FreeSerifItalic.ttf", "FreeSerifBoldItalic.ttf"),
    "exporter-sans": ("FreeSans.ttf", "FreeSansBold.ttf", "FreeSansOblique.ttf", "FreeSansBoldOblique.ttf"),
    "exporter-mono": ("FreeMono.ttf", "FreeMonoBold.ttf", "FreeMonoOblique.ttf", "FreeMonoBoldOblique.ttf"),
}
_SANS = re.compile(r"sans|arial|helvetica|verdana|tahoma|calibri|segoe|dejavu sans|liberation sans", re.I)
_MONO = re.compile(r"mono|courier|consolas", re.I)
_FAMILY_IN_CSS = re.compile(r"(font-family\s*:\s*)([^;}\"]+)")


def _family(value: str) -> str:
    return "exporter-mono" if _MONO.search(value) else "exporter-sans" if _SANS.search(value) else "exporter-serif"


def _set_fonts(root) -> None:
    """Every font family the SVG names, in attributes, style attributes and style sheets, as one of ours."""
    from lxml import etree

    if root.get("font-family") is None:  # inherited by text that names no family (svglib: Helvetica)
        root.set("font-family", "exporter-serif")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.get("font-family") is not None:
            element.set("font-family", _family(element.get("font-family")))
        if element.get("style") and "font-family" in element.get("style"):
            element.set("style", _FAMILY_IN_CSS.sub(lambda m: m.group(1) + _family(m.group(2)), element.get("style")))
        if etree.QName(element).localname == "style" and element.text:
            element.text = _FAMILY_IN_CSS.sub(lambda m: m.group(1) + _family(m.group(2)), element.text)


@lru_cache(maxsize=1)
def register_svg_fonts() -> str:
    """Our three SVG families registered with svglib (and reportlab); the name of the serif one,
    which drawings start in (reportlab's graphics would otherwise name Helvetica, unembedded)."""
    from svglib.fonts import register_font

    from ..fonts import find_font

    for family, files in SVG_FAMILIES.items():
        for (weight, style), filename in zip((("normal", "normal"), ("bold", "normal"), ("normal", "italic"), ("bold", "italic")), files):
            register_font(family, str(find_font(filename)), weight=weight, style=style)
    return "exporter-serif"


@lru_cache(maxsize=256)
def svg_drawing(data: bytes):
    """svglib's drawing of an SVG (reportlab graphics); None if nothing can be drawn."""
    import logging

    from svglib.svglib import svg2rlg

    # Here, not at the top: pdfsize imports reportlab (~25 ms), which a paper without an SVG or
    # metafile picture never needs outside the PDF edition; imported before svglib makes fonts
    # (it sets reportlab's `ttfAsciiReadable`, read when a TTFont is made).
    from .pdfsize import unhint_drawing_fonts

    logging.getLogger("svglib.svglib").setLevel(logging.ERROR)  # it logs each unsupported attribute
    alpha_bitmaps()
    initial_font = register_svg_fonts()
    try:
        drawing = svg2rlg(io.BytesIO(data))
    except Exception:  # svglib raises whatever its parser meets; the picture is then refused
        return None
    if drawing is None or drawing.width <= 0 or drawing.height <= 0:
        return None
    drawing.initialFontName = initial_font  # read by reportlab's renderer as its first font
    unhint_drawing_fonts(drawing)  # the fonts svglib registered for its text embed unhinted subsets
    return drawing


@lru_cache(maxsize=1)
def alpha_bitmaps() -> bool:
    """Teach reportlab's renderPDF to draw a Drawing's bitmap with its alpha. It draws each as an
    inline image, which carries none: a picture with clear parts (an SVG's masked image, made one
    RGBA picture by `_masks_applied`: a chart's 3D walls) showed black there. A bitmap with alpha
    is drawn instead as an image XObject with its alpha as soft mask (the canvas's public
    `drawImage(…, mask="auto")`); any other as before. This touches renderPDF's private
    `_PDFRenderer`: where a reportlab has none, nothing changes (the bitmap shows unmasked).
    True when renderPDF draws alpha."""
    from reportlab.graphics import renderPDF
    from reportlab.lib.utils import ImageReader

    renderer = getattr(renderPDF, "_PDFRenderer", None)
    inline = getattr(renderer, "drawImage", None)
    if inline is None:
        return False
    if getattr(inline, "draws_alpha", False):
        return True

    def draw_image(self, image):
        bitmap = image.path
        if getattr(bitmap, "mode", None) in ("RGBA", "LA"):
            self._canvas.drawImage(ImageReader(bitmap), image.x, image.y, image.width, image.height, mask="auto")
        else:
            inline(self, image)

    draw_image.draws_alpha = True
    renderer.drawImage = draw_image
    return True


@contextmanager
def bitmaps_as_text():
    """While reportlab's renderPDF draws a Drawing: it draws a bitmap inside one (an SVG's
    <image>, a metafile's) as an inline image, whose data reportlab 5.1 appends to the stream as
    bytes when `useA85` is off — and joining the page's or form's stream then fails. Those
    images are written as ASCII85 text; `useA85` is as it was after."""
    from reportlab import rl_config

    binary, rl_config.useA85 = rl_config.useA85, 1
    try:
        yield
    finally:
        rl_config.useA85 = binary


def vector_pdf(picture: Picture) -> bytes:
    """An SVG picture as a one-page PDF of its own size (what `\\includegraphics` takes)."""
    from reportlab.graphics import renderPDF

    from .pdfsize import packed

    # Inside bitmaps_as_text whatever the process set before: the same bytes whether or not
    # the PDF edition (which turns useA85 off) was rendered in this process.
    with bitmaps_as_text():
        return packed(renderPDF.drawToString(picture.drawing(), invariant=1))
