"""Pictures a PDF embeds, bound to the captions printed next to them (`Рис. 3. …`, `Figure 2:`).

PDFium lists a page's image objects with their place on the page; a figure is the pictures
standing right above a figure caption's line (or right below it, for a caption set above; or
beside it, for a caption set in a narrow column of its own, once every other caption is served).
A JPEG is taken as the PDF stores it (no re-encoding); any other picture is decoded by
PDFium and written as PNG. Pictures no caption claims (a journal's logo, a scanned page
behind its text, a formula set as a picture, a 1-pixel rule) are not figures and are left.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ...crossrefs import find_crossrefs
from ...imagefile import MAX_BYTES, MAX_PIXELS, NotAPicture, identify
from .layout import TURNS, Line, Page, shown_origin
from .tables import page_bounds

# A caption stands within this distance of its picture (measured on the corpus: 0–18 pt,
# 41 pt under a figure with a row of panel labels).
MAX_CAPTION_GAP = 48.0
# A caption set beside its figure stands in a narrow column of its own: its first line's ragged
# end may stop this far short of the picture (BMJ: 16–43 pt).
MAX_SIDE_GAP = 72.0
MIN_SIDE = 30.0  # points: smaller pictures are icons, bullets and rules drawn as images
PANEL_GAP = 6.0  # points: rows of one figure's panels stand this close (a row of panel labels between is a figure's own)
MIN_FIGURE_WIDTH = 72.0  # points: a figure's pictures together are at least an inch wide
MIN_PIXELS = 16  # a picture of fewer pixels a side is a fill or a rule
MAX_PAGE_SHARE = 0.8  # a picture covering most of the page is a scanned page behind its text


@dataclass(slots=True)
class PagePicture:
    """A picture bound to a caption: where it stands (turned like the page's text), its bytes."""

    page: int
    caption: int | None  # the caption line's number on its page; None for a picture standing in the text uncaptioned (loose_pictures)
    box: tuple[float, float, float, float]  # left, bottom, right, top, in points
    data: bytes
    media_type: str
    drawn: bool = False  # rendered from the page's region: the text standing in `box` is in the picture


@dataclass(slots=True)
class _Placed:
    obj: object
    box: tuple[float, float, float, float]


def find_pictures(doc: pdfium.PdfDocument, pages: list[Page], pictures: bool = True) -> list[PagePicture]:
    """The pictures of every page that has a figure caption, bound to their captions.
    `pictures=False` binds the same pictures but leaves a region rendered from the page (a
    drawing, rows of panels) unencoded (`data` b""): a reading that checks the text never shows
    it, nor the PNG of an embedded picture PDFium decodes, unless imagefile.identify could
    refuse it (_png_surely_taken): whether it can be decoded and taken decides whether it is kept."""
    out: list[PagePicture] = []
    for page in pages:
        captions = [(line, extent) for line in page.lines if (extent := _caption_extent(line)) is not None]
        if not captions:
            continue
        pdf_page = doc[page.number - 1]
        try:
            placed = _pictures_on(pdf_page, page)
            taken: set[int] = set()
            bound = [_bind(line, extent, placed, taken) for line, extent in captions]
            for k, (line, _) in enumerate(captions):  # then a caption set beside its picture, from what is left
                bound[k] = bound[k] or _bind_beside(line, placed, taken)
            for (line, _), bound_to in zip(captions, bound):
                if page.angle == 0 and any(not same_row(placed[bound_to[0]].box, placed[i].box) for i in bound_to):
                    out.append(_region(pdf_page, page, line, _union([placed[i].box for i in bound_to]), pictures))  # rows of panels: one picture
                    continue
                for i in bound_to:
                    picture = _picture(placed[i], page, line, pictures)
                    if picture is not None:
                        out.append(picture)
                if not bound_to and page.angle == 0:
                    drawing = _drawing_above(pdf_page, page, line, pictures)
                    if drawing is not None:
                        out.append(drawing)
        finally:
            pdf_page.close()
    return out


def text_in_drawings(pages: list[Page], pictures: list[PagePicture]) -> set[tuple[int, int]]:
    """The lines, by (page, line number), standing inside a picture rendered from its page (a
    drawing's labels, axis ticks, legend): the picture shows them, so the body's text does not.
    A ruled table's cells stay: a table the picture overlaps is read as a table still."""
    out: set[tuple[int, int]] = set()
    for picture in pictures:
        if picture.drawn:
            page = pages[picture.page - 1]
            out.update((page.number, l.number) for l in page.lines if l.number != picture.caption and l.cell is None and _inside(_middle(l), picture.box))
    return out


def _figure_labels(line: Line) -> list:
    """The figure captions' labels opening the line or one of its runs."""
    starts = tuple(sorted({0, *line.breaks}))
    return [f for f in find_crossrefs(line.text, starts) if f.defines and f.kind == "figure"]


def _caption_extent(line: Line) -> tuple[float, float] | None:
    """Where on the line a figure caption stands, (left, right), or None: the whole line, or,
    when the layout set another run beside it (two captions side by side on one baseline),
    only its own run."""
    found = next(iter(_figure_labels(line)), None)
    if found is None:
        return None
    lefts = [line.x0, *line.break_xs]
    offsets = [0, *line.breaks]
    k = max(i for i, offset in enumerate(offsets) if offset <= found.start)
    return lefts[k], lefts[k + 1] if k + 1 < len(lefts) else line.x1


def _pictures_on(pdf_page, page: Page, min_side: float = MIN_SIDE) -> list[_Placed]:
    """The page's image objects (inside form XObjects too) large enough to be figures (each side
    at least `min_side` points), their boxes turned as the page's text was."""
    width, height = pdf_page.get_size()
    turn = TURNS[page.angle]
    ox, oy = shown_origin(pdf_page)
    out = []
    for obj in pdf_page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        if min(obj.get_px_size()) < MIN_PIXELS:  # a colour fill stretched over an area
            continue
        left, bottom, right, top = page_bounds(obj)
        left, bottom, right, top = left - ox, bottom - oy, right - ox, top - oy
        (ax, ay), (bx, by) = turn(left, bottom, width, height), turn(right, top, width, height)
        box = (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
        w, h = box[2] - box[0], box[3] - box[1]
        if w < min_side or h < min_side or w * h > MAX_PAGE_SHARE * page.width * page.height:
            continue
        out.append(_Placed(obj, box))
    return out


def _bind(line: Line, extent: tuple[float, float], placed: list[_Placed], taken: set[int]) -> list[int]:
    """The pictures a caption names: the nearest above it within MAX_CAPTION_GAP that shares
    its stretch of the line (else the nearest below), and those beside that one in a row (panels)."""
    top = line.y + line.size

    def beside(box) -> bool:
        return min(box[2], extent[1]) - max(box[0], extent[0]) > 0

    above = [(p.box[1] - top, i) for i, p in enumerate(placed) if i not in taken and beside(p.box) and -line.size <= p.box[1] - top <= MAX_CAPTION_GAP]
    below = [(line.y - p.box[3], i) for i, p in enumerate(placed) if i not in taken and beside(p.box) and 0 <= line.y - p.box[3] <= MAX_CAPTION_GAP]
    nearest = min(above or below, default=None)
    if nearest is None:
        return []
    first = placed[nearest[1]].box
    row = _row(sorted((i for i, p in enumerate(placed) if i not in taken and beside(p.box) and same_row(first, p.box)), key=lambda i: placed[i].box[0]), placed, taken)
    return _stacked(row, placed, taken, upward=bool(above)) if row else row


def _stacked(row: list[int], placed: list[_Placed], taken: set[int], upward: bool) -> list[int]:
    """A figure's rows of panels: from the row nearest its caption, each next row of pictures
    that touches it (within PANEL_GAP, away from the caption) and stands over the same stretch
    (a waveform over its spectrogram), taken with it, top row first."""
    rows = [row]
    while True:
        edge = max(placed[i].box[3] for i in rows[-1]) if upward else min(placed[i].box[1] for i in rows[-1])
        left, right = min(placed[i].box[0] for i in rows[-1]), max(placed[i].box[2] for i in rows[-1])
        near = [i for i, p in enumerate(placed) if i not in taken and min(p.box[2], right) - max(p.box[0], left) > 0.5 * min(p.box[2] - p.box[0], right - left)
                and -PANEL_GAP <= ((p.box[1] - edge) if upward else (edge - p.box[3])) <= PANEL_GAP]
        if not near:
            break
        first = placed[near[0]].box
        rows.append(sorted((i for i in near if same_row(first, placed[i].box)), key=lambda i: placed[i].box[0]))
        taken.update(rows[-1])
    return [i for r in (reversed(rows) if upward else rows) for i in r]


def _bind_beside(line: Line, placed: list[_Placed], taken: set[int]) -> list[int]:
    """The pictures of a caption set in a narrow column beside its figure (BMJ's, Elsevier's):
    the nearest left or right of it, within MAX_SIDE_GAP, whose height spans the caption's
    first line, and those beside that one in a row."""
    top = line.y + line.size
    extent = (line.x0, line.x1)  # the whole line: its label may be a run of its own (bold `Figure 2`)
    near = []
    for i, p in enumerate(placed):
        if i in taken or not p.box[1] <= top <= p.box[3] + line.size:
            continue
        gap = p.box[0] - extent[1] if p.box[0] >= extent[1] - 1 else extent[0] - p.box[2] if p.box[2] <= extent[0] + 1 else None
        if gap is not None and gap <= MAX_SIDE_GAP:
            near.append((gap, i))
    if not near:
        return []
    first = placed[min(near)[1]].box
    return _row(sorted((i for i, p in enumerate(placed) if i not in taken and same_row(first, p.box) and (p.box[0] >= extent[1] - 1) == (first[0] >= extent[1] - 1)), key=lambda i: placed[i].box[0]), placed, taken)


def _row(row: list[int], placed: list[_Placed], taken: set[int]) -> list[int]:
    """The pictures of one figure, taken; none when together they are too small to be one
    (an icon inside a vector diagram)."""
    if not row:
        return []
    union = (min(placed[i].box[0] for i in row), min(placed[i].box[1] for i in row), max(placed[i].box[2] for i in row), max(placed[i].box[3] for i in row))
    if union[2] - union[0] < MIN_FIGURE_WIDTH or union[3] - union[1] < MIN_SIDE:
        return []
    taken.update(row)
    return row


def same_row(a, b) -> bool:
    """Two pictures side by side: their heights overlap by more than half the smaller one."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap > 0.5 * min(a[3] - a[1], b[3] - b[1])


def _picture(placed: _Placed, page: Page, caption: Line | None, pictures: bool = True) -> PagePicture | None:
    """The picture's bytes: a grey or RGB JPEG as stored, anything else decoded by PDFium (its
    mask and colour space applied) and written as PNG; None for one too large to decode or
    that PDFium cannot decode. Without `pictures`, the same picture (or None) with no bytes
    when it is surely kept: PDFium still decodes it (it may refuse), but a PNG that
    imagefile.identify takes whatever its pixels is not written (see _png_surely_taken)."""
    obj, number = placed.obj, caption.number if caption is not None else None
    w, h = obj.get_px_size()
    if w <= 0 or h <= 0 or w * h > MAX_PIXELS:
        return None
    try:
        filters = obj.get_filters()
        if filters[-1:] == ["DCTDecode"] and all(f in obj.SIMPLE_FILTERS for f in filters[:-1]) and obj.get_metadata().colorspace in _AS_STORED:
            data = bytes(obj.get_data(decode_simple=True))  # ASCII85, Flate… undone; the JPEG stays as stored
        else:
            bitmap = obj.get_bitmap(render=True)
            if not pictures and _png_surely_taken(bitmap):
                return PagePicture(page.number, number, placed.box, b"", "image/png")
            data = png(bitmap.to_pil())
        media_type = identify(data).media_type
    except (pdfium.PdfiumError, NotAPicture):
        return None
    return PagePicture(page.number, number, placed.box, data, media_type)


def _png_surely_taken(bitmap) -> bool:
    """Whether the PNG `png` writes of a decoded picture passes imagefile.identify whatever its
    pixels: an RGBA one (PDFium's BGRA) of at most MAX_PIXELS pixels whose PNG cannot exceed
    MAX_BYTES even if nothing compresses (4 bytes a pixel and a filter byte a row, deflate's
    and the chunks' overhead under 0.1 %, 2 KB of header)."""
    w, h = bitmap.width, bitmap.height
    return bitmap.mode == "BGRA" and 0 < w * h <= MAX_PIXELS and (4 * w * h + h) * 1.001 + 2048 <= MAX_BYTES


# A JPEG in these colour spaces looks the same outside the PDF; a CMYK one (often stored
# inverted, its look set by the PDF's /Decode) is decoded by PDFium instead.
_AS_STORED = (pdfium_c.FPDF_COLORSPACE_DEVICEGRAY, pdfium_c.FPDF_COLORSPACE_DEVICERGB)


def png(image) -> bytes:
    out = BytesIO()
    image.save(out, "PNG", compress_level=1)  # measured on butsenko's ten figures: 0.36 s less than level 6, and 14 % smaller
    return out.getvalue()


# ---- drawings: a figure made of vector paths, rendered from its region -------------------------

RENDER_DPI = 200  # a drawing rendered for the editions: sharp in print at its size on the page
MIN_PATHS = 4  # a drawing holds several strokes; one or two are a rule or a box around text
MARGIN = 0.07  # the page's outer share at top and bottom: running heads, their rules, page numbers
LABEL_REACH = 12.0  # points around the strokes where a drawing's labels stand (axis ticks, a legend)
MAX_TEXT_SHARE = 0.3  # a drawing's labels cover a small part of it; text covering more is a page of text


def _drawing_above(pdf_page, page: Page, caption: Line, pictures: bool = True) -> PagePicture | None:
    """A figure drawn with vector paths above its caption, rendered from its region; None
    when the region cannot be bounded reliably.

    Rule: the region spans the caption's column, from the caption up to the nearest line of
    body text above it (a line in the body's size, mostly letters, filling most of the
    column), another caption, a ruled table, or the page's top. The drawing is the box of the path objects inside the region
    (and small pictures; at least MIN_PATHS, none in the page's outer 7 %: a running head's rules) and of
    the text lines inside that box (its labels). It is refused when prose stands inside the
    box (two or more lines in the body's size filling half its width, or text covering 30 %
    of it), or when a stroke crossing the box runs out of the region (the drawing would be
    cut): better no picture than a wrong one.
    """
    body = page_body_size(page)
    column = [l for l in page.lines if l.side == caption.side and abs(l.size - body) < 0.5] or page.lines
    if caption.breaks and (caption.side == "S" or len(_figure_labels(caption)) > 1):
        return None  # a caption sharing its baseline with another caption or across columns: its column is not known
    left, right = min(l.x0 for l in column), max(l.x1 for l in column)
    left, right = min(left, caption.x0), max(right, caption.x1)  # a caption set out into the margin (a book's page): the figure stands as wide
    all_paths = [b for b in _drawn_boxes(pdf_page) if b[1] > MARGIN * page.height and b[3] < (1 - MARGIN) * page.height]
    ceiling = _ceiling(page, caption, (left, right), all_paths, body)
    region = (left - 2, caption.y + caption.size * 0.8, right + 2, ceiling)
    if region[3] - region[1] < MIN_SIDE:
        return None
    boxes = [b for b in all_paths if _inside(b, region)]
    if len(boxes) < MIN_PATHS:
        return None
    paths = _union(boxes)
    inside = _labels(page, caption, region, paths, body)
    prose = [l for l in inside if _prose(l, body) and l.x1 - l.x0 >= 0.5 * (paths[2] - paths[0]) and len(l.text.split()) >= 8]
    if len(prose) >= 2:
        return None
    box = _union([paths] + [_extent(l) for l in inside])
    box = (max(box[0] - 2, 0), max(box[1] - 2, 0), min(box[2] + 2, page.width), min(box[3] + 2, page.height))
    if box[2] - box[0] < MIN_FIGURE_WIDTH or box[3] - box[1] < MIN_SIDE:
        return None
    text = sum(0.5 * l.size * l.size * len(l.text.replace(" ", "")) for l in inside)  # its letters' area (a line's extent overstates labels scattered along it)
    if text > MAX_TEXT_SHARE * (box[2] - box[0]) * (box[3] - box[1]):  # mostly text: not a drawing
        return None
    slack = (region[0] - 2, region[1] - 2, region[2] + 2, region[3] + 2)  # a frame's edge grazing the text above is not cut
    if any(_overlaps(b, box) and not _inside(b, slack) for b in all_paths):  # the drawing runs on past the region: it would be cut
        return None
    return _rendered(pdf_page, page, caption, box, pictures)


def _ceiling(page: Page, caption: Line, column: tuple[float, float], all_paths, body: float) -> float:
    """The top of a drawing's region above `caption` (see _drawing_above): below the nearest
    line of text above it that fills most of the column (strokes crossing it: a label) and the
    lines of its paragraph under it at the body's line spacing from the column's edge (a
    paragraph's short last line is no label), below another caption or a ruled table, else the page's top margin."""
    left, right = column
    ceiling = page.height * (1 - MARGIN)
    sides = (caption.side, "S") if caption.side != "S" else ("S", "L", "M", "R")  # a caption across the page: every column ends above it
    above = sorted((l for l in page.lines if l.y > caption.y + caption.size and l.side in sides), key=lambda l: l.y)
    gaps = sorted(a.y - b.y for a, b in zip(page.lines, page.lines[1:]) if a.side == b.side and _prose(a, body) and _prose(b, body) and 0 < a.y - b.y < 3 * body)
    spacing = gaps[len(gaps) // 2] if gaps else 1.2 * body  # the body's line spacing on this page
    for k, line in enumerate(above):
        crossed = any(b[1] < line.y < b[3] and min(b[2], line.x1) > max(b[0], line.x0) for b in all_paths)
        if not crossed and (_prose(line, body) and line.x1 - line.x0 >= 0.6 * (right - left) or _caption_extent(line) is not None):
            while k > 0 and _prose(above[k - 1], body) and abs(above[k - 1].x0 - left) < body and line.y - above[k - 1].y < 1.25 * spacing and not _caption_extent(line):
                k, line = k - 1, above[k - 1]  # the paragraph goes on below
            ceiling = min(ceiling, line.y - 0.3 * line.size)  # below its descenders
            break
    for grid in page.tables:  # a ruled table standing above the caption ends the region: its rules are no drawing's
        if caption.y < grid.box[1] < ceiling and min(grid.box[2], right) > max(grid.box[0], left):
            ceiling = grid.box[1] - 1
    return ceiling


def _labels(page: Page, caption: Line, region, paths, body: float) -> list[Line]:
    """A drawing's labels: the lines inside its strokes' box grown by LABEL_REACH, then, as long
    as more are found, the region's lines that the box of strokes and labels so far, grown the
    same, touches (an axis's title beyond its ticks, a tick's label reaching out to the left),
    but for lines of prose (four words or more in the body's type)."""
    inside = [l for l in page.lines if _inside(_middle(l), _grown(paths)) and _inside(_middle(l), region)]
    taken = {id(l) for l in inside}
    candidates = [l for l in page.lines if l is not caption and id(l) not in taken and _inside(_middle(l), region) and not (_prose(l, body) and len(l.text.split()) >= 4)]
    while True:
        reach = _grown(_union([paths] + [_extent(l) for l in inside]))
        more = [l for l in candidates if id(l) not in taken and _overlaps(_extent(l), reach)]
        if not more:
            return inside
        inside += more
        taken.update(id(l) for l in more)


def _middle(line: Line) -> tuple[float, float, float, float]:
    """The box of a line's lower half, from its baseline: what must lie in a region for the line to."""
    return line.x0, line.y, line.x1, line.y + 0.5 * line.size


def _extent(line: Line) -> tuple[float, float, float, float]:
    """The box a line's letters fill, descenders to capitals."""
    return line.x0, line.y - 0.3 * line.size, line.x1, line.y + line.size


def _grown(box):
    return box[0] - LABEL_REACH, box[1] - LABEL_REACH, box[2] + LABEL_REACH, box[3] + LABEL_REACH


def _prose(line: Line, body: float) -> bool:
    """A line in the body's size whose characters are mostly letters: a line of text, not a
    drawing's row of axis ticks (`0,01 0,1 1 10 100`), which is as wide and as large."""
    shown = [c for c in line.text if not c.isspace()]
    return abs(line.size - body) < 0.5 and sum(c.isalpha() for c in shown) >= 0.5 * len(shown)


def _region(pdf_page, page: Page, caption: Line, boxes: tuple[float, float, float, float], pictures: bool = True) -> PagePicture:
    """A figure of several rows of pictures rendered from the page as one picture (a figure
    holds one row of sub-figures): the pictures' box, with the short lines of text inside it or
    at its edge (panel labels, axis ticks) and 2 points around."""
    labels = [_extent(l) for l in page.lines if l is not caption and _inside(_middle(l), _grown(boxes))]
    box = _union([boxes, *labels])
    return _rendered(pdf_page, page, caption, (max(box[0] - 2, 0), max(box[1] - 2, 0), min(box[2] + 2, page.width), min(box[3] + 2, page.height)), pictures)


def _rendered(pdf_page, page: Page, caption: Line, box: tuple[float, float, float, float], pictures: bool = True) -> PagePicture:
    """The page's region `box` rendered at RENDER_DPI as the caption's picture (still rendered
    without `pictures`, as PDFium may refuse to, but neither converted nor encoded)."""
    width, height = pdf_page.get_size()  # the crop box's, whose corner every position is measured from
    bitmap = pdf_page.render(scale=RENDER_DPI / 72, crop=(box[0], box[1], width - box[2], height - box[3]))
    return PagePicture(page.number, caption.number, box, png(bitmap.to_pil()) if pictures else b"", "image/png", drawn=True)


def _drawn_boxes(pdf_page) -> list[tuple[float, float, float, float]]:
    """The boxes of the page's paths and pictures (a drawing may hold small pictures), from the
    crop box's corner."""
    kinds = [pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE]
    ox, oy = shown_origin(pdf_page)
    return [(a - ox, b - oy, c - ox, d - oy) for a, b, c, d in map(page_bounds, pdf_page.get_objects(filter=kinds))]



def _inside(box, region) -> bool:
    return box[0] >= region[0] and box[2] <= region[2] and box[1] >= region[1] and box[3] <= region[3]


def _overlaps(a, b) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _union(boxes):
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


# ---- pictures standing in the text with no caption -----------------------------------------------

LOOSE_MIN_SIDE = 8.0  # points: a picture standing in the text is at least this tall (a line of code shown as a picture: 11-25 pt)
LOOSE_MIN_SHARE = 0.25  # of its column's width: a narrower picture is an icon, a bullet, a symbol
LOOSE_MAX_GAP = 36.0  # points between the picture and the line of body text above or below it
LOOSE_REPEATS = 2  # a picture at the same place on this many pages is the template's (a logo, a frame)
TILE_GAP = 1.0  # points: pictures this close are tiles of one picture (a figure cut into pieces; panels stand apart)
MIN_CONTRAST = 16  # grey levels: a picture whose lightest and darkest pixels differ less shows one colour


def loose_pictures(doc: pdfium.PdfDocument, pages: list[Page], taken: list[PagePicture], formulas, pictures: bool = True) -> list[PagePicture]:
    """The pictures an author put in the text without a caption (code shown as a screenshot
    between two paragraphs, a photo, a plot), each an uncaptioned figure (`caption` None) where
    it stands; without `pictures`, as find_pictures, their bytes left out where they surely decode.

    Rule, measured on 287 unseen PDFs (bench/PDF_FIGURES.md): a picture no caption took and no
    formula covers, standing in the body's text column (_in_text: a line of body text, or
    another picture so kept, right above or below it in its column; no text over or beside it;
    at least LOOSE_MIN_SHARE of the column wide and LOOSE_MIN_SIDE tall), not on the first page
    above its text (the journal's header band, a logo), not at the same place on LOOSE_REPEATS
    pages (a template's logo or frame), not touching another picture (_unclaimed: a tile of a
    picture cut into pieces), and not of one colour (a white patch of a drawing)."""
    claimed = [(p.page, p.box) for p in taken] + [(f.page, f.box) for f in formulas]
    found: list[tuple[int, tuple[float, float, float, float]]] = []  # (page, box): the objects close with their page
    for page in pages:
        body = page_body_size(page)
        prose = [l for l in page.lines if l.cell is None and _prose(l, body)]
        if not prose:
            continue
        pdf_page = doc[page.number - 1]
        try:
            boxes = [p.box for p in _pictures_on(pdf_page, page, LOOSE_MIN_SIDE)]
        finally:
            pdf_page.close()
        found += [(page.number, box) for box in _standing_in_text(_unclaimed(boxes, [box for n, box in claimed if n == page.number]), page, prose)]
    places = [tuple(round(v) for v in box) for _, box in found]
    kept = {(n, box) for (n, box), place in zip(found, places) if places.count(place) < LOOSE_REPEATS}
    out = []
    for page in pages:
        if not any(n == page.number for n, _ in kept):
            continue
        pdf_page = doc[page.number - 1]
        try:
            chosen = [p for p in _pictures_on(pdf_page, page, LOOSE_MIN_SIDE) if (page.number, p.box) in kept and not _one_colour(p.obj)]
            out += [picture for p in chosen if (picture := _picture(p, page, None, pictures)) is not None]
        finally:
            pdf_page.close()
    return out


def _unclaimed(boxes: list, claimed: list) -> list:
    """The boxes no figure's or formula's picture covers, and that touch no other picture
    (within TILE_GAP): a picture cut into tiles (perfiliev_samara_izvestia's diagram, 47 tiles
    of 54 x 65 pt under a caption the layer garbles) is one figure or none, never loose pieces."""
    return [b for k, b in enumerate(boxes) if not any(_overlaps(b, c) for c in claimed)
            and not any(j != k and _overlaps(_grown_by(b, TILE_GAP), o) for j, o in enumerate(boxes))]


def _grown_by(box, reach: float):
    return box[0] - reach, box[1] - reach, box[2] + reach, box[3] + reach


def _standing_in_text(boxes: list, page: Page, prose: list[Line]) -> list:
    """The boxes standing in the text (_in_text), a picture under or over one so found (a stack
    of screenshots) too."""
    kept: list[tuple] = []  # (bottom, top, left, right, its column's (left, right))
    passed: set[int] = set()
    while True:
        more = False
        for k, box in enumerate(boxes):
            if k not in passed and (column := _in_text(box, page, prose, kept)) is not None:
                passed.add(k)
                kept.append((box[1], box[3], box[0], box[2], column))
                more = True
        if not more:
            return [box for k, box in enumerate(boxes) if k in passed]


def _in_text(box, page: Page, prose: list[Line], kept: list[tuple]) -> tuple[float, float] | None:
    """The column (left, right) a picture stands in when it stands in the body's text
    (loose_pictures), else None: a line of body text (`prose`, in the page's body size) or a
    picture `kept` so right above or below it within LOOSE_MAX_GAP, over the same stretch; on
    the first page one above it (below the header band); no line of text over it or beside it
    on its band within the column the lines above and below span (a scan behind the text, a
    picture in a line: a symbol, a formula with its number); at least LOOSE_MIN_SHARE of that
    column wide."""
    edges = [(l.y - 0.3 * l.size, l.y + l.size, l.x0, l.x1, (l.x0, l.x1)) for l in prose] + kept
    over = [e for e in edges if min(e[3], box[2]) - max(e[2], box[0]) > 0]
    above = min((e for e in over if e[0] >= box[3] - 2), key=lambda e: e[0], default=None)
    below = max((e for e in over if e[1] <= box[1] + 2), key=lambda e: e[1], default=None)
    near = [e for e, gap in ((above, above and above[0] - box[3]), (below, below and box[1] - below[1])) if e is not None and gap <= LOOSE_MAX_GAP]
    if not near or (page.number == 1 and above is None):
        return None
    left, right = min(e[4][0] for e in near), max(e[4][1] for e in near)
    if box[2] - box[0] < LOOSE_MIN_SHARE * (right - left):
        return None
    band = [l for l in page.lines if l.text.strip() and min(l.y + 0.7 * l.size, box[3]) - max(l.y, box[1]) > 0.3 * l.size]
    return None if any(min(l.x1, right) - max(l.x0, left) > 0 for l in band) else (left, right)


def _one_colour(obj) -> bool:
    """A picture showing one colour on white (a white or transparent patch a drawing is built
    of, a filled box): nothing to show. One PDFium cannot decode is left to _picture."""
    from PIL import Image  # only for the few pictures standing in the text: a check of a paper without any loads no PIL

    try:
        image = obj.get_bitmap(render=True).to_pil()
    except pdfium.PdfiumError:
        return False
    if image.mode in ("RGBA", "LA"):
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, image.convert("RGBA"))
    low, high = image.convert("L").getextrema()
    return high - low < MIN_CONTRAST


def page_body_size(page: Page) -> float:
    """The size most of the page's letters are set in."""
    sizes: dict[float, int] = {}
    for line in page.lines:
        sizes[line.size] = sizes.get(line.size, 0) + sum(map(str.isalpha, line.text))
    return max(sizes, key=sizes.__getitem__) if sizes else 10.0
