"""The PDF edition's pages: which frames each page has, what is drawn at its top and foot.

One column: one frame per page, as SimpleDocTemplate makes it. Two columns (a venue's
`page.columns = 2`, IEEE's layout): page 1 holds the title block's page-wide lines in a frame
across the page, measured before the layout, and two column frames below it; later pages
hold two column frames. A figure or table wider than a column is a `WideFloat` in the flow:
where the flow passes it, it waits for the next page and is set across both columns at that
page's top (as LaTeX's `figure*` does), the columns starting below it.

Footnotes are set at the foot of the page that calls them: each page's frames are shortened by
the height its notes took in the previous layout pass (`reserve`), and the notes whose marks
landed on the page are drawn across the text width when the page ends.
"""

from __future__ import annotations

from reportlab.platypus import Frame, SimpleDocTemplate
from reportlab.platypus.doctemplate import ActionFlowable, FrameBreak
from reportlab.platypus.flowables import Flowable

# platypus.Frame pads its content by 6 pt on every side by default: the text then stood 6 pt
# inside the venue's margins (2 cm printed as 2.21 cm) and two columns 12 pt further apart
# than the venue's gap, unlike the DOCX and LaTeX editions. Our frames have none.
NO_PADDING = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
FLOAT_AREA = 0.75  # the most of a page's text height wide floats may take at its top
FLOAT_SEPARATION = 12.0  # points between a page-top float and the columns below it (LaTeX's \textfloatsep is 20 pt ± 4 with 10 pt type)


class WideFloat(Flowable):
    """A figure or table set across both columns: nothing where it stands in the flow; its
    flowables (`content`, at the full text width) go to the top of the next page."""

    def __init__(self, content: list):
        super().__init__()
        self.content = content

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        pass

    def height_at(self, width: float, page_height: float) -> float:
        """Its height across `width`, as `PagedDoc` draws it (no space above the first part)."""
        return sum(part.wrap(width, page_height)[1] + (part.getSpaceBefore() if n else 0) + part.getSpaceAfter() for n, part in enumerate(self.content))


MIN_ROWS_WITH_CAPTION = 2  # body rows a table's caption keeps with it at a page's foot


def table_rows(table) -> int | None:
    """The rows of a reportlab `Table` (a part of a split one included), or None when unknown.
    reportlab has no public count: `_cellvalues` is the table's rows since 3.x (read on 5.1.0;
    tests/test_pdf_pages.py fails when an upgrade drops it); without it the caller falls back to
    letting the table break wherever it must."""
    rows = getattr(table, "_cellvalues", None)
    return len(rows) if isinstance(rows, list) else None


class CaptionedTable(Flowable):
    """A table with its caption above it, breaking across pages as the table does: at a page's
    foot the caption goes with the table's head and at least MIN_ROWS_WITH_CAPTION rows, or
    with the whole table to the next page. (reportlab's `keepWithNext` moved a caption and a
    table that did not fit on the rest of a page to the next one whole, leaving the page half
    empty.) When even a whole frame (`frame_height`) cannot hold the caption, head and those
    rows (rows taller than a page), the table breaks wherever it must rather than nowhere."""

    def __init__(self, caption: Flowable, table, header_rows: int, frame_height: float, splits: bool = True):
        super().__init__()
        self.caption, self.table, self.header_rows, self.splits = caption, table, header_rows, splits
        self.frame_height = frame_height
        self.table_height = 0.0

    def getSpaceBefore(self):
        return self.caption.getSpaceBefore()

    def getSpaceAfter(self):
        return self.table.getSpaceAfter()

    def _above(self, width: float, height: float) -> float:
        return self.caption.wrap(width, height)[1] + self.caption.getSpaceAfter()

    def wrap(self, available_width, available_height):
        above = self._above(available_width, available_height)
        _, self.table_height = self.table.wrap(available_width, available_height - above)
        self.width, self.height = available_width, above + self.table_height
        return self.width, self.height

    def _holds_enough(self, part) -> bool:
        rows = table_rows(part)
        return rows is None or rows >= self.header_rows + MIN_ROWS_WITH_CAPTION

    def split(self, available_width, available_height):
        if not self.splits:
            return []
        above = self._above(available_width, available_height)
        parts = self.table.split(available_width, available_height - above)
        if len(parts) < 2:
            return []
        if not self._holds_enough(parts[0]):
            on_a_whole_frame = self.table.split(available_width, self.frame_height - above)
            if not on_a_whole_frame or self._holds_enough(on_a_whole_frame[0]):
                return []  # too few rows would stand under the caption: all to the next page
        return [CaptionedTable(self.caption, parts[0], self.header_rows, self.frame_height, splits=False), *parts[1:]]

    def draw(self):
        self.caption.drawOn(self.canv, 0, self.table_height + self.caption.getSpaceAfter())
        self.table.drawOn(self.canv, 0, 0)


MAX_FRAME_MOVES = 4  # frames a figure waits for one whole enough to hold it


class WholeFigure(Flowable):
    """A figure's pictures and caption on one frame. Where the rest of a frame cannot hold it
    but a whole frame can, it goes on to the next frame, and to the next while that one is cut
    short (under a wide float on a two-column page, above a page's notes): reportlab's
    KeepTogether moved it once and then stopped the edition (LayoutError). A figure no frame
    holds lets its parts flow."""

    def __init__(self, content: list, frame_height: float):
        super().__init__()
        self.content, self.frame_height = content, frame_height
        self.moves = 0
        self.sizes: list[tuple[float, float]] = []

    def getSpaceBefore(self):
        return self.content[0].getSpaceBefore() if self.content else 0.0

    def getSpaceAfter(self):
        return self.content[-1].getSpaceAfter() if self.content else 0.0

    def wrap(self, available_width, available_height):
        self.sizes = [part.wrap(available_width, available_height) for part in self.content]
        gaps = sum(part.getSpaceBefore() for part in self.content[1:]) + sum(part.getSpaceAfter() for part in self.content[:-1])
        self.width, self.height = available_width, sum(h for _, h in self.sizes) + gaps
        return self.width, self.height

    def split(self, available_width, available_height):
        self.wrap(available_width, available_height)
        if self.height <= self.frame_height and self.moves < MAX_FRAME_MOVES:
            self.moves += 1
            return [FrameBreak(), self]
        return list(self.content)

    def draw(self):
        y = self.height
        for n, (part, (width, height)) in enumerate(zip(self.content, self.sizes)):
            y -= (part.getSpaceBefore() if n else 0) + height
            x = (self.width - width) / 2 if getattr(part, "hAlign", "LEFT") == "CENTER" else 0.0
            part.drawOn(self.canv, x, y)
            y -= part.getSpaceAfter()


class FlushFloats(ActionFlowable):
    """At the end of the story: a page more when wide floats still wait for one."""

    def __init__(self):
        super().__init__(("flushFloats",))


def title_height(flowables: list, width: float, page_height: float) -> float:
    """The height a frame needs for `flowables` (the page-wide title lines)."""
    height = 2.0  # 2 pt of slack for rounding in the frame's own arithmetic
    for n, flowable in enumerate(flowables):
        _, h = flowable.wrap(width, page_height)
        height += h + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if n else 0)
    return min(height, page_height * 0.9)


class PagedDoc(SimpleDocTemplate):
    """Adds outline entries for flowables tagged `_outline = (key, title, level)` as they are
    placed, lays each page out in one or two columns, sets wide floats at page tops and
    footnotes at page feet."""

    reserve: dict[int, float] = {}  # page -> points kept for its notes
    notes: list = []  # (number, Paragraph) of every footnote
    note_gap = 0.0  # space between the text and the notes' rule
    columns = 1
    column_gap = 0.0  # points between two columns
    head_height = 0.0  # page 1: the height of the page-wide title frame (two columns)

    def beforeDocument(self):
        self.waiting: list[WideFloat] = []  # wide floats the flow has passed, not yet placed
        self.placed: list[tuple[WideFloat, float]] = []  # this page's floats and their top edge

    @property
    def column_width(self) -> float:
        return (self.width - self.column_gap * (self.columns - 1)) / self.columns

    def handle_pageBegin(self):
        page = self.page + 1  # the page about to begin
        kept = self.reserve.get(page, 0.0)
        bottom, top = self.bottomMargin + kept, self.bottomMargin + self.height
        if self.columns == 1:
            self.pageTemplate.frames = [Frame(self.leftMargin, bottom, self.width, top - bottom, id="normal", **NO_PADDING)]
            super().handle_pageBegin()
            return
        frames = []
        if page == 1 and self.head_height:
            frames.append(Frame(self.leftMargin, top - self.head_height, self.width, self.head_height, id="head", **NO_PADDING))
            top -= self.head_height
        top = self._place_floats(top)
        width = self.column_width
        for n in range(self.columns):
            frames.append(Frame(self.leftMargin + n * (width + self.column_gap), bottom, width, max(top - bottom, 0.0), id=f"column{n + 1}", **NO_PADDING))
        self.pageTemplate.frames = frames
        super().handle_pageBegin()
        self._draw_floats()

    def _place_floats(self, top: float) -> float:
        """Take the waiting floats that fit at this page's top (the first always); the top of
        the columns below them."""
        self.placed = []
        room = self.height * FLOAT_AREA
        inner = self.width
        while self.waiting:
            height = self.waiting[0].height_at(inner, self.height)
            if self.placed and height > room:
                break
            self.placed.append((self.waiting.pop(0), top))
            top -= height + FLOAT_SEPARATION
            room -= height + FLOAT_SEPARATION
        return top

    def _draw_floats(self) -> None:
        inner = self.width
        for wide, top in self.placed:
            y = top
            for n, part in enumerate(wide.content):
                width, height = part.wrap(inner, self.height)
                y -= (part.getSpaceBefore() if n else 0) + height
                x = self.leftMargin + (inner - width) / 2
                part.drawOn(self.canv, x, y)
                y -= part.getSpaceAfter()

    def handle_flushFloats(self):
        if self.waiting:
            self.handle_pageBreak()

    def afterPage(self):
        canvas = self.canv
        marks = canvas.note_pages or {}
        here = [(n, para) for n, para in self.notes if marks.get(n) == self.page]
        if not here:
            return
        y = self.bottomMargin
        canvas.saveState()
        blocks = []
        for n, para in here:
            _, height = para.wrap(self.width, self.height)
            blocks.append((para, height))
        top = y + sum(h for _, h in blocks)
        canvas.setLineWidth(0.5)
        canvas.line(self.leftMargin, top + self.note_gap / 2, self.leftMargin + self.width / 3, top + self.note_gap / 2)
        for para, height in blocks:
            top -= height
            para.drawOn(canvas, self.leftMargin, top)
        canvas.restoreState()

    def afterFlowable(self, flowable):
        if isinstance(flowable, WideFloat):
            self.waiting.append(flowable)
            return
        outline = getattr(flowable, "_outline", None)
        if outline:
            key, title, level = outline  # the paragraph drew `<a name="key"/>`: the outline points there
            self.canv.addOutlineEntry(title, key, level=level)
