"""The proceedings volume as one PDF: the book's own pages (title, contents, author index)
drawn with the venue's fonts, the papers' PDFs bound between them by pypdf, every page
stamped with its number and (on the papers' later pages) a running head, an outline with one
entry per paper and its sections below, page labels (i, ii… for the front matter) and links
from the contents and the index to the pages they name.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

import pikepdf

from ..venue import Template
from ..venue import language as language_tag
from . import source_date
from .pdf import ALIGN, LINE_HEIGHT, PdfFonts

GAP = 0.6 * cm  # between contents entries, and between the index's two columns


@dataclass
class _Geometry:
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right


@dataclass(frozen=True)
class _LinkBox:
    page: int  # page of the book's own pages (0-based) the box is on
    rect: tuple[float, float, float, float]
    target: int  # page of the volume (0-based) it goes to


class _Pages:
    """The book's own pages, drawn on one canvas: each `new_page` starts a page."""

    def __init__(self, template: Template, fonts: PdfFonts, geometry: _Geometry):
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=(geometry.width, geometry.height), invariant=1, initialFontName=fonts.regular)
        self.fonts, self.g = fonts, geometry
        self.size = template.venue.body.size_pt
        self.count = 0
        self.y = 0.0
        self.links: list[_LinkBox] = []

    def style(self, name: str, size: float, align: str = "left", **extra) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=self.fonts.regular, fontSize=size, leading=size * LINE_HEIGHT, alignment=ALIGN[align], **extra)

    def new_page(self) -> None:
        if self.count:
            self.canvas.showPage()
        self.count += 1
        self.y = self.g.height - self.g.top

    def place(self, para: Paragraph, width: float, x: float | None = None) -> tuple[float, float]:
        """Draw `para` at the cursor (a new page when it does not fit); its (bottom, top)."""
        _, h = para.wrap(width, self.g.height)
        if self.y - h < self.g.bottom:
            self.new_page()
        top = self.y
        para.drawOn(self.canvas, self.g.left if x is None else x, top - h)
        self.y = top - h
        return self.y, top

    def finish(self) -> bytes:
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()


def _markup(fonts: PdfFonts, text: str) -> str:
    return fonts.markup(" ".join(text.split()))


def _front(parts, template: Template, fonts: PdfFonts, g: _Geometry, title: str, editors: str, labels, first_pages: list[int], offset: int):
    """Title page and contents; `first_pages` are printed numbers, `offset` the volume index
    of printed page 1 (the links need it)."""
    pages = _Pages(template, fonts, g)
    size = pages.size
    pages.new_page()
    pages.y = g.height * 0.62
    pages.place(Paragraph(f"<b>{_markup(fonts, title)}</b>", pages.style("vtitle", size * 1.8, "center")), g.text_width)
    if editors:
        pages.y -= size * 2
        pages.place(Paragraph(_markup(fonts, editors), pages.style("veditors", size * 1.1, "center")), g.text_width)

    pages.new_page()
    pages.place(Paragraph(f"<b>{_markup(fonts, labels.contents)}</b>", pages.style("vcontents", size * 1.3, "center", spaceAfter=size)), g.text_width)
    pages.y -= size
    number_width = fonts.width("0000", size) + GAP
    entry = pages.style("ventry", size)
    who = pages.style("vauthors", size * 0.9)
    for part, first in zip(parts, first_pages):
        head = Paragraph(_markup(fonts, part.title), entry)
        names = Paragraph(f"<i>{_markup(fonts, ', '.join(part.authors))}</i>", who) if part.authors else None
        h = head.wrap(g.text_width - number_width, g.height)[1] + (names.wrap(g.text_width - number_width, g.height)[1] if names else 0)
        if pages.y - h < g.bottom:
            pages.new_page()
        _, top = pages.place(head, g.text_width - number_width)
        baseline = top - size  # the title's first line
        pages.canvas.setFont(fonts.regular, size)
        pages.canvas.drawRightString(g.width - g.right, baseline, str(first))
        bottom = pages.place(names, g.text_width - number_width)[0] if names else pages.y
        pages.links.append(_LinkBox(pages.count - 1, (g.left, bottom, g.width - g.right, top), offset + first - 1))
        pages.y -= GAP
    return pages


def _index(entries, template: Template, fonts: PdfFonts, g: _Geometry, labels, offset: int) -> _Pages:
    """The author index in two columns: `Family, I.  12, 45`, each page number a link."""
    pages = _Pages(template, fonts, g)
    size = pages.size * 0.9
    pages.new_page()
    pages.place(Paragraph(f"<b>{_markup(fonts, labels.author_index)}</b>", pages.style("vindex", pages.size * 1.3, "center")), g.text_width)
    pages.y -= pages.size
    column = (g.text_width - GAP) / 2
    style = pages.style("ventry", size, firstLineIndent=-size, leftIndent=size)
    top_of_columns, col = pages.y, 0
    for name, numbers in entries:
        para = Paragraph(f"{_markup(fonts, name)}  {', '.join(map(str, numbers))}", style)
        _, h = para.wrap(column, g.height)
        if pages.y - h < g.bottom:
            if col == 0:
                col, pages.y = 1, top_of_columns
            else:
                pages.new_page()
                col, top_of_columns = 0, pages.y
        x = g.left + col * (column + GAP)
        top = pages.y
        para.drawOn(pages.canvas, x, top - h)
        pages.y = top - h
        pages.links.append(_LinkBox(pages.count - 1, (x, pages.y, x + column, top), offset + numbers[0] - 1))
    return pages


def _stamps(total: int, plan: list[tuple[str, str | None]], fonts: PdfFonts, g: _Geometry, size: float) -> bytes:
    """One overlay page per volume page: its printed number at the foot, a running head on top."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(g.width, g.height), invariant=1, initialFontName=fonts.regular)
    for n in range(total):
        number, head = plan[n]
        if number:
            canvas.setFont(fonts.regular, size)
            canvas.drawCentredString(g.width / 2, g.bottom / 2, number)
        if head:
            canvas.setFont(fonts.regular, size * 0.85)
            y = g.height - g.top / 2
            canvas.drawCentredString(g.width / 2, y, head)
            canvas.setLineWidth(0.4)
            canvas.line(g.left, y - size * 0.4, g.width - g.right, y - size * 0.4)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _fit(fonts: PdfFonts, text: str, size: float, width: float) -> str:
    """`text` cut at a word to fit `width`, with an ellipsis when cut."""
    text = " ".join(text.split())
    if fonts.width(text, size) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1 and fonts.width(" ".join(words) + " …", size) > width:
        words.pop()
    return " ".join(words) + " …"


def short_authors(authors) -> str:
    """The running head's authors: all of up to three, else the first and `et al.`"""
    authors = list(authors)
    return ", ".join(authors) if len(authors) <= 3 else f"{authors[0]} et al."


def bind_volume(parts, first_pages: list[int], index_entries, template: Template, title: str, editors: str, language: str) -> bytes:
    """The volume's PDF: `parts` (rendered papers) starting at the printed `first_pages`,
    `index_entries` the author index (name, page numbers).

    qpdf (through pikepdf) copies the papers' pages with their links, remapping each link's
    target page, and stamps the overlays, in C++: binding 200 papers takes about 2 s where a
    pure-Python PDF library took 20 s (bench/VOLUME.md)."""
    fonts = PdfFonts(template)
    page = template.venue.page
    m = page.margins_cm
    g = _Geometry(page.size_cm[0] * cm, page.size_cm[1] * cm, m.left * cm, m.right * cm, m.top * cm, m.bottom * cm)
    labels = template.labels(language)
    index_first = first_pages[-1] + parts[-1].pages
    # The contents' length does not depend on the numbers it prints: lay it out once to count
    # its pages, then again with the links' targets known.
    front_count = _front(parts, template, fonts, g, title, editors, labels, first_pages, 0).count
    front = _front(parts, template, fonts, g, title, editors, labels, first_pages, front_count)
    index = _index(index_entries, template, fonts, g, labels, front_count)

    out = pikepdf.new()
    sources = [pikepdf.open(io.BytesIO(front.finish()))]
    out.pages.extend(sources[0].pages)
    for part in parts:
        sources.append(pikepdf.open(part.pdf))
        out.pages.extend(sources[-1].pages)
    index_at = len(out.pages)
    sources.append(pikepdf.open(io.BytesIO(index.finish())))
    out.pages.extend(sources[-1].pages)
    total = len(out.pages)

    size = template.venue.body.size_pt
    plan: list[tuple[str, str | None]] = [("" if i == 0 else _roman(i + 1), None) for i in range(front_count)]
    for part, first in zip(parts, first_pages):
        verso_head = _fit(fonts, short_authors(part.authors), size * 0.85, g.text_width)
        recto_head = _fit(fonts, part.title, size * 0.85, g.text_width)
        for k in range(part.pages):
            printed = first + k
            head = None if k == 0 else (verso_head if printed % 2 == 0 else recto_head) or None
            plan.append((str(printed), head))
    plan += [(str(index_first + k), None) for k in range(total - index_at)]
    stamps = pikepdf.open(io.BytesIO(_stamps(total, plan, fonts, g, size)))
    for target, stamp in zip(out.pages, stamps.pages):
        _overlay(out, target, stamp)

    for box in front.links:
        _link(out, box.page, box.rect, box.target)
    for box in index.links:
        _link(out, index_at + box.page, box.rect, box.target)

    with out.open_outline() as outline:
        outline.root.append(pikepdf.OutlineItem(labels.contents, 1))
        for part, first in zip(parts, first_pages):
            start = front_count + first - 1
            parents = {0: pikepdf.OutlineItem(part.title, start)}
            outline.root.append(parents[0])
            for section in part.sections:  # each under the nearest entry above it one level up
                parent = parents[max(level for level in parents if level < section.level)]
                parents = {level: item for level, item in parents.items() if level < section.level}
                parents[section.level] = pikepdf.OutlineItem(section.title, start + section.page)
                parent.children.append(parents[section.level])
        outline.root.append(pikepdf.OutlineItem(labels.author_index, index_at))

    out.Root.PageLabels = pikepdf.Dictionary(Nums=[0, pikepdf.Dictionary(S=pikepdf.Name.r), front_count, pikepdf.Dictionary(S=pikepdf.Name.D, St=1)])
    out.Root.PageMode = pikepdf.Name.UseOutlines
    out.Root.Lang = pikepdf.String(language_tag(language).tag)
    stamp = source_date().strftime("D:%Y%m%d%H%M%S+00'00'")
    out.docinfo = out.make_indirect(pikepdf.Dictionary(
        Title=pikepdf.String(title), Author=pikepdf.String(editors), Creator=pikepdf.String("exporter volume"),
        Producer=pikepdf.String("exporter (ReportLab, qpdf)"), CreationDate=pikepdf.String(stamp), ModDate=pikepdf.String(stamp),
    ))
    buffer = io.BytesIO()
    out.save(buffer, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()


def _overlay(pdf, page, stamp) -> None:
    """`stamp` drawn over `page` as a form XObject under a fixed name (pikepdf's own
    `add_overlay` names it at random, and the same papers must give the same bytes)."""
    form = pdf.copy_foreign(stamp.as_form_xobject())
    page.add_resource(form, pikepdf.Name.XObject, pikepdf.Name("/ExporterStamp"))
    page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
    page.contents_add(pdf.make_stream(b"\nQ\nq /ExporterStamp Do Q\n"))


def _link(pdf, page: int, rect, target: int) -> None:
    """A borderless link annotation on `page` going to the top of page `target`."""
    annot = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=list(rect), Border=[0, 0, 0],
        Dest=[pdf.pages[target].obj, pikepdf.Name.Fit],
    ))
    holder = pdf.pages[page].obj
    if "/Annots" not in holder:
        holder.Annots = pdf.make_indirect(pikepdf.Array())
    holder.Annots.append(annot)
