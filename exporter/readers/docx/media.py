"""Pictures in a Word body: DrawingML (`w:drawing`, inline or anchored), VML (`w:pict`,
`v:imagedata`), OLE objects (`w:object`: the preview picture Word shows, e.g. of an Equation 3.0
or MathType formula), `mc:AlternateContent` (the fallback picture of a chart, SmartArt or
group), and charts (`c:chart`). Pictures are found here as references; `PackageMedia` gives
their bytes unchanged, never decoding an image. A chart is no picture but data Word draws: it
is given as a Word package of its own holding the chart and the theme its colours come from
(`chart_package`), which the media stage has LibreOffice draw.

A text box (`w:txbxContent`, in a DrawingML shape or a VML one) holds paragraphs of its own —
often a figure's caption, or the figure itself: `text_boxes` gives them to the body walker to
read as paragraphs, and the pictures inside a box are left to those paragraphs (found once).

A shape drawing — a group (`wpg:wgp`, VML `v:group`) or a drawing canvas (`wpc:wpc`) of shapes
that draw, or of labelled boxes (`drawn_group`) — is a figure an author drew: it is given, as a
chart is, as a Word package of its own holding the drawing (`drawing_package`), and the text of
its boxes is part of it (and its alt text), not read as body text. A lone shape's text box is a
text frame: read as paragraphs, as before.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field, replace

from ...model import CHART_PACKAGE, Image
from .caption_labels import starts_as_caption
from .xml import R

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
V = "{urn:schemas-microsoft-com:vml}"
O = "{urn:schemas-microsoft-com:office:office}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
WPG = "{http://schemas.microsoft.com/office/word/2010/wordprocessingGroup}"
WPC = "{http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
C_CHART = "{%s}chart" % CHART_URI
SVG_BLIP = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_BOX = W_NS + "txbxContent"

EMU_PER_POINT = 12700
_LENGTH = re.compile(r"^\s*(-?[\d.]+)\s*(pt|in|cm|mm|px|pc|emu)?\s*$")
_POINTS = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75, "pc": 12.0, "emu": 1 / EMU_PER_POINT, None: 0.75}
EQUATION_PROGIDS = ("Equation.", "MathType")  # Equation.3, Equation.DSMT4, Equation.DSMT36 …


@dataclass(frozen=True)
class PictureRef:
    """A picture the body shows: its relationship id, size in points, alt text, and what it is."""

    rid: str
    width: float | None
    height: float | None
    alt: str = ""
    kind: str = "picture"  # picture; equation (an equation object's preview); object (another OLE object's); chart; drawing (shapes)
    anchored: bool = False
    drawing: object = field(default=None, compare=False, repr=False)  # a shape drawing's run-level element (`w:drawing`, `w:pict`, `mc:AlternateContent`)


@dataclass(frozen=True)
class Unshown:
    """A drawing that holds no picture to show (a chart or shape group written without a fallback):
    `what` is its kind as the file names it (`chart`, `wordprocessingGroup`), `linked` for a
    picture linked from outside the document, `ole` for an OLE object (`program`: its ProgID)."""

    what: str
    program: str = ""


def pictures_in(node) -> list:
    """The pictures (PictureRef) and unshowable drawings (Unshown) of one run-level element."""
    tag = node.tag
    if tag == W_NS + "drawing":
        return _drawing(node)
    if tag == W_NS + "pict":
        return _vml(node, "picture")
    if tag == W_NS + "object":
        return _ole(node)
    if tag == MC + "AlternateContent":
        return _alternate(node)
    return []


def text_boxes(node) -> list:
    """The outermost text boxes' contents (`w:txbxContent`) of one run-level element: of an
    `mc:AlternateContent`, those of the Choice, or of the Fallback when the Choice has none
    (both hold the same box)."""
    if node.tag == MC + "AlternateContent":
        for part in (node.find(MC + "Choice"), node.find(MC + "Fallback")):
            children = list(part) if part is not None else []
            found = [box for child in children for box in text_boxes(child)]
            if found or any(drawn_group(group) for child in children for group in _groups(child)):
                return found  # (the Choice's drawing holds the boxes the Fallback repeats)
        return []
    return [box for box in node.iter(TEXT_BOX) if not _in_box(box.getparent(), node) and (not _in_drawing(box, node) or caption_box(box))]


# A text box paragraph of this many words is body text set in a frame, not a label in a diagram.
PROSE_WORDS = 40
_GROUPS = (WPG + "wgp", WPC + "wpc", V + "group")
_NOTE_REFERENCES = (W_NS + "footnoteReference", W_NS + "endnoteReference")


def drawn_group(group) -> bool:
    """Whether a group or canvas (`wpg:wgp`, `wpc:wpc`, `v:group`) is a drawing shown as one
    picture: it holds a shape that draws (a rectangle, an oval, an arrow, a connector, a
    freeform: any shape but a text box or a straight line without an arrowhead) or two text
    boxes or more (labels set in a diagram; a box holding a caption is none: it is read as the
    figure's caption, `caption_box`). A group of pictures alone shows each picture, as before; pictures and lines
    with one text box are a picture with its text beside it (a caption grouped with its picture,
    a letterhead's logo and name): the pictures shown, the text read as paragraphs, as before.
    Nor is a group whose boxes hold body text — a paragraph of PROSE_WORDS words or more, or a
    note reference — drawn: its text stays text."""
    boxes, draws = 0, False
    for shape in group.iter(WPS + "wsp", *_VML_SHAPES):
        if _in_box(shape, group) or shape.find(V + "imagedata") is not None:
            continue
        box = shape.find(f".//{TEXT_BOX}")
        if box is not None:
            boxes += not caption_box(box)  # a caption grouped with the drawing is read as one, not drawn
        elif not _straight_line(shape):
            draws = True
    if not draws and boxes < 2:
        return False
    for box in group.iter(TEXT_BOX):
        if any(True for _ in box.iter(*_NOTE_REFERENCES)):
            return False
        for paragraph in box.iter(W_NS + "p"):
            if len("".join(t.text or "" for t in paragraph.iter(W_NS + "t")).split()) >= PROSE_WORDS:
                return False
    return True


_LINES = ("line", "straightConnector1")  # DrawingML's preset straight lines
_VML_LINE_TYPES = ("#_x0000_t32", "#_x0000_t20")  # VML's straight connector and line shape types


def _straight_line(shape) -> bool:
    """A straight line without an arrowhead (a rule, or a line beside a picture), as DrawingML
    or VML draws one. An arrow points at something: it draws."""
    if shape.tag == WPS + "wsp":
        geometry = shape.find(f"{WPS}spPr/{A}prstGeom")
        heads = [end.get("type") for end in shape.iterfind(f"{WPS}spPr/{A}ln/*") if end.tag in (A + "headEnd", A + "tailEnd")]
        return geometry is not None and geometry.get("prst") in _LINES and all(head in (None, "none") for head in heads)
    stroke = shape.find(V + "stroke")
    heads = [stroke.get(name) for name in ("startarrow", "endarrow")] if stroke is not None else []
    return (shape.tag == V + "line" or shape.get("type") in _VML_LINE_TYPES) and all(head in (None, "none") for head in heads)


_VML_SHAPES = tuple(V + name for name in ("shape", "rect", "roundrect", "oval", "line", "polyline", "arc", "curve"))


def _groups(node) -> list:
    """The outermost groups and canvases of a run-level element (not those inside a text box)."""
    return [g for g in node.iter(*_GROUPS) if not _in_box(g, node) and not any(a.tag in _GROUPS for a in _between(g, node))]


def _between(element, top) -> list:
    """The ancestors of `element` up to `top` (not `top`'s own ancestors)."""
    out = []
    for ancestor in element.iterancestors():
        out.append(ancestor)
        if ancestor is top:
            break
    return out


def _below(element, top) -> bool:
    """Whether `element` is `top` or stands under it."""
    return element is top or any(a is top for a in element.iterancestors())


def _drawn_text(node) -> str:
    """The words of a drawing's text boxes, box by box: what its picture says, as alt text."""
    boxes = [box for box in node.iter(TEXT_BOX) if not _in_box(box.getparent(), node) and not caption_box(box)]
    seen: list[str] = []
    for box in boxes:
        text = " ".join(" ".join("".join(t.text or "" for t in p.iter(W_NS + "t")) for p in box.iter(W_NS + "p")).split())
        if text:
            seen.append(text)
    return "; ".join(seen)


def caption_box(box) -> bool:
    """A text box holding a figure's or table's caption: its first paragraph with text holds a
    SEQ field or opens with a label and its number (`Рис. 3 – …`, `Figure 2.`)."""
    for paragraph in box.iter(W_NS + "p"):
        text = "".join(t.text or "" for t in paragraph.iter(W_NS + "t"))
        instructions = [f.get(W_NS + "instr") or "" for f in paragraph.iter(W_NS + "fldSimple")] + [i.text or "" for i in paragraph.iter(W_NS + "instrText")]
        seq = any(i.strip().upper().startswith("SEQ ") for i in instructions)
        if text.strip() or seq:
            return seq or starts_as_caption(text)
    return False


def _in_drawing(element, top) -> bool:
    """Whether `element` (under `top`) stands inside a group drawn as one picture."""
    return any(a.tag in _GROUPS and drawn_group(a) for a in _between(element, top))


def _in_box(element, top) -> bool:
    """Whether `element` (under `top`) stands inside a text box."""
    while element is not None and element is not top:
        if element.tag == TEXT_BOX:
            return True
        element = element.getparent()
    return False


def _alternate(node) -> list:
    """The Choice when it is a plain picture; otherwise the Fallback's picture (Word writes one
    for charts, SmartArt, shapes and groups so older readers can show them)."""
    choice = node.find(MC + "Choice")
    fallback = node.find(MC + "Fallback")
    chosen = _content(choice)
    if any(isinstance(p, PictureRef) and p.kind == "drawing" for p in chosen):
        # a drawing travels with its Fallback: LibreOffice draws the Choice it knows (a group),
        # else the VML (a canvas)
        return [replace(p, drawing=node) if isinstance(p, PictureRef) and p.kind == "drawing" else p for p in chosen]
    if chosen and all(isinstance(p, PictureRef) and p.kind != "chart" for p in chosen):
        return chosen  # (a chart's fallback is Word's own drawing of it: taken first)
    fallen = _content(fallback)
    if fallen and any(isinstance(p, PictureRef) for p in fallen):
        return [p for p in fallen if isinstance(p, PictureRef)]
    return chosen or fallen


def _content(part) -> list:
    out: list = []
    if part is None:
        return out
    for child in part.iterchildren():
        out.extend(pictures_in(child))
    return out


def _drawing(node) -> list:
    out: list = []
    for frame in node.iterchildren(WP + "inline", WP + "anchor"):
        extent = frame.find(WP + "extent")
        width = _emu(extent.get("cx")) if extent is not None else None
        height = _emu(extent.get("cy")) if extent is not None else None
        doc_pr = frame.find(WP + "docPr")
        alt = _alt(doc_pr.get("descr"), doc_pr.get("title")) if doc_pr is not None else ""
        anchored = frame.tag == WP + "anchor"
        drawn = [g for g in _groups(frame) if drawn_group(g)]
        if drawn:  # shapes an author drew: one picture, drawn whole (`drawing_package`)
            out.append(PictureRef("", width, height, alt=alt or _drawn_text(frame), kind="drawing", anchored=anchored, drawing=node))
            continue
        pics = [pic for pic in frame.iter(PIC + "pic") if not _in_box(pic, frame)]
        if len(pics) > 1:  # a group of pictures: each at its own size
            for pic in pics:
                ref = _blip(pic)
                if ref:
                    ext = pic.find(f"{PIC}spPr/{A}xfrm/{A}ext")
                    size = (_emu(ext.get("cx")), _emu(ext.get("cy"))) if ext is not None else (None, None)
                    out.append(PictureRef(ref, *size, alt=alt, anchored=anchored))
            continue
        ref = _blip(pics[0]) if pics else None
        if ref:
            out.append(PictureRef(ref, width, height, alt=alt, anchored=anchored))
        elif pics and pics[0].find(f".//{A}blip[@{R}link]") is not None:
            out.append(Unshown("linked"))  # a picture linked from outside the document
        elif frame.find(f".//{TEXT_BOX}") is None:  # a text box shows its paragraphs (text_boxes)
            data = frame.find(f"{A}graphic/{A}graphicData")
            uri = data.get("uri", "") if data is not None else ""
            chart = data.find(C_CHART) if uri == CHART_URI else None
            if chart is not None and chart.get(R + "id"):
                out.append(PictureRef(chart.get(R + "id"), width, height, alt=alt, kind="chart", anchored=anchored))
            else:
                out.append(Unshown(uri.rsplit("/", 1)[-1] or "drawing"))
    return out


def _blip(pic) -> str | None:
    """The picture's part: the SVG original when Word also stored one, else the blip's."""
    blip = pic.find(f".//{A}blip")
    if blip is None:
        return None
    svg = blip.find(f".//{SVG_BLIP}")
    if svg is not None and svg.get(R + "embed"):
        return svg.get(R + "embed")
    return blip.get(R + "embed")


def _vml(node, kind: str) -> list:
    out = []
    drawn = [g for g in _groups(node) if drawn_group(g)] if kind == "picture" else []
    for group in drawn:
        width, height = _vml_size(group.get("style", ""))
        alt = _alt(group.get("alt"), group.get(O + "title")) or _drawn_text(group)
        out.append(PictureRef("", width, height, alt=alt, kind="drawing", anchored="absolute" in group.get("style", ""), drawing=node))
    for data in node.iter(V + "imagedata"):
        if _in_box(data, node) or any(_below(data, group) for group in drawn):
            continue
        rid = data.get(R + "id") or data.get(R + "pict")
        if not rid:
            continue
        shape = data.getparent()
        width, height = _vml_size(shape.get("style", "") if shape is not None else "")
        alt = _alt(shape.get("alt") if shape is not None else None, data.get(O + "title"))
        out.append(PictureRef(rid, width, height, alt=alt, kind=kind))
    return out


def _ole(node) -> list:
    ole = node.find(O + "OLEObject")
    progid = (ole.get("ProgID") or "") if ole is not None else ""
    kind = "equation" if progid.startswith(EQUATION_PROGIDS) else "object"
    refs = _vml(node, kind)
    if not refs:
        return [Unshown("ole", progid)]
    return refs


def _emu(value: str | None) -> float | None:
    try:
        emu = int(value) if value is not None else None
    except ValueError:
        return None
    return round(emu / EMU_PER_POINT, 2) if emu is not None and 0 < emu < 10**11 else None


def _vml_size(style: str) -> tuple[float | None, float | None]:
    """`width:59.75pt;height:35.3pt` → (59.75, 35.3) in points."""
    values: dict[str, float] = {}
    for item in style.split(";"):
        key, _, value = item.partition(":")
        key = key.strip().lower()
        if key in ("width", "height") and (m := _LENGTH.match(value)):
            try:
                size = float(m.group(1)) * _POINTS[m.group(2)]
            except ValueError:
                continue
            if 0 < size < 10**6:
                values[key] = round(size, 2)
    return values.get("width"), values.get("height")


def _alt(*texts: str | None) -> str:
    return next((" ".join(t.split()) for t in texts if t and t.strip()), "")


# ---- the bytes --------------------------------------------------------------------------------

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"), (b"GIF8", "image/gif"), (b"BM", "image/bmp"),
    (b"II*\x00", "image/tiff"), (b"MM\x00*", "image/tiff"), (b"\xd7\xcd\xc6\x9a", "image/x-wmf"), (b"\x01\x00\t\x00", "image/x-wmf"),
    (b"\x02\x00\t\x00", "image/x-wmf"),
)
_BY_EXTENSION = {
    "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "jpe": "image/jpeg", "gif": "image/gif", "bmp": "image/bmp",
    "dib": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff", "svg": "image/svg+xml", "emf": "image/x-emf",
    "wmf": "image/x-wmf", "emz": "image/x-emz", "wmz": "image/x-wmz",
}


def media_type(data: bytes, name: str, declared: str = "") -> str:
    """What the bytes are (their first bytes decide; then the declared type, then the name)."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"\x01\x00\x00\x00" and data[40:44] == b" EMF":
        return "image/x-emf"
    head = data[:512].lstrip()
    if head.startswith((b"<svg", b"<?xml")) and b"<svg" in data[:4096]:
        return "image/svg+xml"
    declared = declared.lower()
    if declared.startswith("image/"):
        return {"image/x-wmf": "image/x-wmf", "image/wmf": "image/x-wmf", "image/emf": "image/x-emf"}.get(declared, declared)
    return _BY_EXTENSION.get(name.rsplit(".", 1)[-1].lower(), "application/octet-stream")


class PackageMedia:
    """Relationship ids of one part (the body, or the notes) → their pictures' bytes."""

    def __init__(self, part):
        self.part = part
        self.cache: dict[str, tuple[bytes, str, str] | None] = {}

    def image(self, ref: PictureRef) -> Image | None:
        """The picture as an Image, None when the id names no part (a linked or broken picture)."""
        if ref.kind == "drawing":
            data = drawing_package(ref.drawing, self._drawing_parts(ref.drawing), ref.width, ref.height)
            return Image(data=data, media_type=CHART_PACKAGE, width=ref.width, height=ref.height, alt=ref.alt, name=_drawing_name(ref.drawing))
        found = self._part(ref.rid)
        if found is None:
            return None
        data, kind, name = found
        if ref.kind == "chart":
            if not data.lstrip().startswith(b"<"):
                return None
            data, kind = chart_package(data, self._theme(), ref.width, ref.height), CHART_PACKAGE
        return Image(data=data, media_type=kind, width=ref.width, height=ref.height, alt=ref.alt, name=name, formula=ref.kind == "equation")

    def _drawing_parts(self, drawing) -> list[tuple[str, str, str, str, bytes]]:
        """What a shape drawing needs beside it, as (relationship id, type, part name, content
        type, bytes): the pictures it shows (by the ids it names; a picture linked from outside
        is left out, never fetched) and the document's styles, theme, numbering, settings and
        font table (its boxes' text is set in the document's styles)."""
        out = []
        main = getattr(self.part.package, "main_document_part", None) if self.part is not None else None
        for rel in (main.rels.values() if main is not None else ()):
            kind = rel.reltype.rsplit("/", 1)[-1]
            if kind in _DRAWING_CONTEXT and not rel.is_external:
                target = rel.target_part
                out.append((f"rIdContext{kind}", rel.reltype, str(target.partname), target.content_type, target.blob))
        named = {value for element in drawing.iter() for key, value in element.attrib.items() if key.startswith(R)}
        for rid in sorted(named):
            rel = self.part.rels.get(rid) if self.part is not None else None
            if rel is None or rel.is_external:
                continue
            target = rel.target_part
            out.append((rid, rel.reltype, str(target.partname), target.content_type, target.blob))
        return out

    def _theme(self) -> bytes | None:
        """The document's theme (`word/theme/theme1.xml`): a chart's colours are the theme's accents."""
        main = getattr(self.part.package, "main_document_part", None) if self.part is not None else None
        for rel in (main.rels.values() if main is not None else ()):
            if rel.reltype.endswith("/theme") and not rel.is_external:
                return rel.target_part.blob
        return None

    def part_name(self, rid: str) -> str | None:
        """The part a relationship id names (`word/afchunk.htm`), None when it names none."""
        rel = self.part.rels.get(rid) if self.part is not None else None
        if rel is None or rel.is_external:
            return None
        return str(rel.target_part.partname).lstrip("/")

    def _part(self, rid: str):
        if rid not in self.cache:
            self.cache[rid] = None
            rel = self.part.rels.get(rid) if self.part is not None else None
            if rel is not None and not rel.is_external:
                target = rel.target_part
                name = str(target.partname).lstrip("/")
                data = target.blob
                self.cache[rid] = (data, media_type(data, name, getattr(target, "content_type", "")), name)
        return self.cache[rid]


# ---- a chart, as a Word package of its own ----------------------------------------------------

CHART_SIZE = (432.0, 252.0)  # points: Word's default chart, 6 × 3.5 in, for a frame that states no size
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def chart_package(chart: bytes, theme: bytes | None, width: float | None, height: float | None) -> bytes:
    """A Word document whose one page is the chart at its size: the chart part as the source
    holds it (its cached values are what Word shows), the source's theme beside it (without it
    LibreOffice draws the theme's colours black). Its page leaves 1 pt around the chart."""
    w, h = (width or CHART_SIZE[0], height or CHART_SIZE[1])
    emu = lambda points: round(points * EMU_PER_POINT)  # noqa: E731
    twips = lambda points: round(points * 20)  # noqa: E731
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS[1:-1]}" xmlns:wp="{WP[1:-1]}" xmlns:a="{A[1:-1]}" xmlns:c="{CHART_URI}" xmlns:r="{_OFFICE_RELS}">'
        '<w:body><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:drawing>'
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{emu(w)}" cy="{emu(h)}"/><wp:docPr id="1" name="Chart 1"/>'
        f'<a:graphic><a:graphicData uri="{CHART_URI}"><c:chart r:id="rIdChart"/></a:graphicData></a:graphic></wp:inline>'
        '</w:drawing></w:r></w:p>'
        f'<w:sectPr><w:pgSz w:w="{twips(w) + 40}" w:h="{twips(h) + 40}"/>'
        '<w:pgMar w:top="20" w:right="20" w:bottom="20" w:left="20" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr></w:body></w:document>'
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>'
        + ('<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>' if theme else "")
        + "</Types>"
    )
    relation = lambda rid, kind, target: f'<Relationship Id="{rid}" Type="{_OFFICE_RELS}/{kind}" Target="{target}"/>'  # noqa: E731
    rels = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{_PACKAGE_RELS}">'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in (
            ("[Content_Types].xml", types),
            ("_rels/.rels", rels + relation("rId1", "officeDocument", "word/document.xml") + "</Relationships>"),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", rels + relation("rIdChart", "chart", "charts/chart1.xml") + (relation("rIdTheme", "theme", "theme/theme1.xml") if theme else "") + "</Relationships>"),
            ("word/charts/chart1.xml", chart),
            *((("word/theme/theme1.xml", theme),) if theme else ()),
        ):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # the same chart, the same bytes: one picture, converted once
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, data)
    return out.getvalue()


# ---- a shape drawing, as a Word package of its own --------------------------------------------

_DRAWING_CONTEXT = ("styles", "theme", "numbering", "settings", "fontTable")
DRAWING_MARGIN = 18.0  # points of page around a drawing: room for what its frame does not hold (a shadow, a box's overflowing text); the picture is cropped to what is drawn
_VML_PLACING = re.compile(r"^\s*(position|left|top|margin-left|margin-top|z-index|mso-position-[a-z-]+|mso-wrap-[a-z-]+)\s*$", re.I)


def _drawing_name(drawing) -> str:
    """What the source calls a drawing (Word's `Group 12`, a VML group's id), for messages."""
    doc_pr = next(drawing.iter(WP + "docPr"), None)
    if doc_pr is not None and doc_pr.get("name"):
        return doc_pr.get("name")
    group = next(drawing.iter(V + "group"), None)
    return (group.get("id") if group is not None else None) or "drawing"


def _in_line(drawing):
    """A copy of a drawing (`w:drawing`, `w:pict`, or `mc:AlternateContent` holding both) set in
    the line: an anchored DrawingML frame (placed on the source's page, beside its text) becomes
    an inline one of the same size and graphic; a VML group's or shape's placing on the page
    (`position:absolute`, margins, wrapping) is taken out of its style, its size kept; a caption's
    box grouped with it blanked (the reader reads it as the figure's caption)."""
    from copy import deepcopy

    drawing = deepcopy(drawing)
    for anchor in [a for a in drawing.iter(WP + "anchor") if not _in_box(a, drawing)]:
        inline = anchor.makeelement(WP + "inline", {"distT": "0", "distB": "0", "distL": "0", "distR": "0"})
        for name in ("extent", "effectExtent", "docPr", "cNvGraphicFramePr"):
            part = anchor.find(WP + name)
            if part is not None:
                inline.append(part)
        graphic = anchor.find(A + "graphic")
        if graphic is not None:
            inline.append(graphic)
        anchor.getparent().replace(anchor, inline)
    for box in [b for b in drawing.iter(TEXT_BOX) if not _in_box(b.getparent(), drawing) and caption_box(b)]:
        shape = next((a for a in box.iterancestors(WPS + "wsp", *_VML_SHAPES)), None)
        if shape is not None and shape.getparent() is not None and shape.getparent().tag in _GROUPS:
            _blank(shape, box)  # a caption grouped with the drawing: read as its caption, not drawn
    for pict in [p for p in drawing.iter(W_NS + "pict") if not _in_box(p, drawing)]:
        for element in pict.iterchildren():
            style = element.get("style")
            if style is not None:
                element.set("style", ";".join(item for item in style.split(";") if item.strip() and not _VML_PLACING.match(item.split(":", 1)[0])))
    return drawing


def _blank(shape, box) -> None:
    """A shape kept in its place but drawing nothing: no text, no fill, no outline (taken out,
    the group's other members would be stretched over its place: LibreOffice fits them to the
    group's frame)."""
    for paragraph in list(box):
        box.remove(paragraph)
    box.append(box.makeelement(W_NS + "p", {}))
    if shape.tag == WPS + "wsp":
        properties = shape.find(WPS + "spPr")
        if properties is not None:
            for element in list(properties):
                if element.tag in (A + "solidFill", A + "gradFill", A + "pattFill", A + "blipFill", A + "noFill", A + "ln", A + "effectLst"):
                    properties.remove(element)
            properties.append(properties.makeelement(A + "noFill", {}))
            line = properties.makeelement(A + "ln", {})
            line.append(line.makeelement(A + "noFill", {}))
            properties.append(line)
    else:
        shape.set("filled", "f")
        shape.set("stroked", "f")


def drawing_package(drawing, parts: list[tuple[str, str, str, str, bytes]], width: float | None, height: float | None) -> bytes:
    """A Word document whose one page holds a shape drawing (a `w:drawing`, `w:pict` or
    `mc:AlternateContent` element) set in the line, with the parts it names (`parts`: relationship id, type, part name, content
    type, bytes — its pictures, the document's styles and theme) under their own names."""
    from lxml import etree

    w, h = (width or CHART_SIZE[0], height or CHART_SIZE[1])
    twips = lambda points: round(points * 20)  # noqa: E731
    run = etree.tostring(_in_line(drawing), encoding="unicode")
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS[1:-1]}" xmlns:r="{_OFFICE_RELS}">'
        '<w:body><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr>'
        f'<w:r>{run}</w:r></w:p>'
        f'<w:sectPr><w:pgSz w:w="{twips(w + 2 * DRAWING_MARGIN)}" w:h="{twips(h + 2 * DRAWING_MARGIN)}"/>'
        f'<w:pgMar w:top="{twips(DRAWING_MARGIN)}" w:right="{twips(DRAWING_MARGIN)}" w:bottom="{twips(DRAWING_MARGIN)}" w:left="{twips(DRAWING_MARGIN)}" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr></w:body></w:document>'
    )
    members = {}
    overrides = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>']
    relations = []
    for rid, reltype, partname, content_type, data in parts:
        name = partname.lstrip("/")
        if name not in members:
            members[name] = data
            overrides.append(f'<Override PartName="/{_xml_attr(name)}" ContentType="{_xml_attr(content_type)}"/>')
        target = name[len("word/"):] if name.startswith("word/") else "../" + name
        relations.append(f'<Relationship Id="{_xml_attr(rid)}" Type="{_xml_attr(reltype)}" Target="{_xml_attr(target)}"/>')
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(overrides) + "</Types>"
    )
    rels = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{_PACKAGE_RELS}">'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in (
            ("[Content_Types].xml", types),
            ("_rels/.rels", rels + f'<Relationship Id="rId1" Type="{_OFFICE_RELS}/officeDocument" Target="word/document.xml"/></Relationships>'),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", rels + "".join(relations) + "</Relationships>"),
            *members.items(),
        ):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # the same drawing, the same bytes: converted once
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, data)
    return out.getvalue()


def _xml_attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
