"""The DOCX edition: python-docx for the document, OXML where python-docx has no API.

What python-docx lacks and is built here as OXML: the East-Asian font slot (`w:eastAsia`),
run languages, internal links (`w:bookmarkStart`/`w:bookmarkEnd` around each entry, a
`w:hyperlink w:anchor` around each linked citation number), highlighting and the page-number
field. Unresolved citations are highlighted and carry a Word comment naming the missing labels.

The package is re-zipped in a fixed member order with fixed dates, so the same edition always
gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from copy import deepcopy

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import StyleFactory
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from lxml import etree

from .. import speedups
from ..media.formulas import FormulaError
from ..media.images import MediaError, display_size, fit, lowered_by, prepare
from ..media.omml import tex_to_omml
from ..model import (
    CHART_PACKAGE, Bibliography, BulletList, Citation, Code, CodeBlock, CrossRef, Emph, Figure, Footnote, Heading, Image, LineBreak, Link, Math, Paragraph, Quote, Strong,
    Subscript, Superscript, Table, Text,
)
from ..venue import language
from ..typography.addresses import with_address_breaks
from ..typography.hyphenation import Hyphenator, explicit_languages
from . import LIST_MARK, LIST_MARK_ROOM_CM, Display, Edition, list_room_cm, Walker, display_picture, label_anchor, math_text, split_display_math, table_grid, table_layout
from .docx_media import PictureParts, display_math_element, inline_math, omml_element, seq_field
from .docx_package import trim_package

# ---- constants -----------------------------------------------------------------------------

EAST_ASIAN_TAG = "zh-CN"
LINE_HEIGHT = 1.15  # a body line's height in sizes of its font at single spacing (the PDF edition's)

# The venue's alignment names (venue.ALIGNMENTS) as python-docx's constants.
ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}

BODY_STYLE = "Body Text"
TITLE_STYLE = "Title"
HEADING_STYLE = "Heading 1"
HEADING_LEVELS = 6  # `Heading 1` … `Heading 6`; deeper headings take the last
TABLE_STYLE = "Table Grid"
CAPTION_STYLE = "Caption"
FIGURE_STYLE = "Figure"  # the paragraph holding a figure's pictures: centred, kept with its caption
EQUATION_STYLE = "Equation"  # a display formula: centred, its number at a right tab
FOOTNOTE_TEXT_STYLE, FOOTNOTE_TEXT_ID = "footnote text", "FootnoteText"
FOOTNOTE_REF_STYLE, FOOTNOTE_REF_ID = "footnote reference", "FootnoteReference"
LIST_STYLE = "List Bullet"
QUOTE_STYLE = "Quote"
BIBLIOGRAPHY_STYLE = "Bibliography"
UNRESOLVED_STYLE = "Unresolved Citation"
LINK_STYLE = "Hyperlink"
ZERO_WIDTH_SPACE = "\u200b"
CODE_STYLE = "Source Code"  # a code block's paragraph, as pandoc names it
CODE_CHAR_STYLE = "Verbatim Char"  # inline code, as pandoc names it
CODE_GROUND = "F2F2F2"  # a code block's light grey ground (the PDF edition's)

COMMENT_AUTHOR = "exporter"
COMMENT_INITIALS = "ex"

ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# Characters XML 1.0 cannot hold (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF);
# tab, LF and CR would become w:tab / w:br in python-docx, so they turn into spaces too.
_NOT_XML = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_CJK = re.compile("[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]")


def xml_safe(text: str) -> str:
    """Text an XML 1.0 document can hold: control characters become spaces (as the reader does)."""
    return _NOT_XML.sub(" ", text)


def render(edition: Edition) -> bytes:
    return DocxWriter(edition).render()


# ---- OXML helpers --------------------------------------------------------------------------

_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _child(parent, tag: str, first: bool = False):
    """The child `tag` of `parent`, created (last, or first) if missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def set_fonts(rpr, family: str, east_asian_hint: bool = False) -> None:
    """Name `family` in every font slot of `rpr`, dropping theme fonts (which would win)."""
    fonts = rpr.get_or_add_rFonts()
    for slot in _THEME_SLOTS:
        fonts.attrib.pop(qn(slot), None)
    for slot in _FONT_SLOTS:
        fonts.set(qn(slot), family)
    if east_asian_hint:
        fonts.set(qn("w:hint"), "eastAsia")


def set_lang(rpr, value: str | None = None, east_asia: str | None = None) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    if value:
        lang.set(qn("w:val"), value)
    if east_asia:
        lang.set(qn("w:eastAsia"), east_asia)


def set_highlight(rpr, colour: str = "yellow") -> None:
    rpr.get_or_add_highlight().set(qn("w:val"), colour)


def _reset_style(style) -> None:
    """Drop a built-in style's paragraph and run properties (theme colours, borders, sizes)."""
    element = style.element
    for tag in ("w:pPr", "w:rPr"):
        for old in element.findall(qn(tag)):
            element.remove(old)


# ---- the writer ----------------------------------------------------------------------------


class DocxWriter(Walker):
    def __init__(self, edition: Edition):
        self.edition = edition
        self.template = edition.template
        self.body = edition.venue.body
        self.main_family = self.template.main_faces["regular"].family
        self.main_face = self.template.fonts.main
        self.lang = language(edition.language).tag
        self.doc = docx.Document()
        self.current = None  # the python-docx paragraph being filled
        self._bookmark_id = 0
        self._style_ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}
        self._body_end = None  # the body's closing `w:sectPr`, once found
        self._after_table = False  # the next body paragraph stands below a table: room above it
        # Inline styles the walk is inside of (Emph, Strong, Superscript, Subscript): depth counts.
        self.in_italic = self.in_bold = self.in_super = self.in_sub = 0
        self.part = self.doc.part  # where relationships of links go: the document, or the footnotes part
        self._footnotes = None  # the footnotes part's `w:footnotes`, made on the first note
        self.in_footnote = False
        self.pictures = PictureParts(self.doc.part)
        # Word hyphenates the document's language itself (w:autoHyphenation); words it has no
        # dictionary for (Kazakh, and other languages' words in this one) get soft hyphens.
        self.hyphenator, self.hyphenate = Hyphenator(edition.language), explicit_languages(edition.language)
        self.unhyphenated = False
        self.line_start = False  # just after a line break: the spaces the source typed there are not shown

    @property
    def text_width(self) -> int:
        """The page's text width in EMU, as the section holds it (twips, read back)."""
        section = self.doc.sections[0]
        return section.page_width - section.left_margin - section.right_margin

    @property
    def column_width(self) -> int:
        """The body's measure in EMU: a column's width on a two-column page (figures and tables fit it)."""
        page = self.edition.venue.page
        return int((self.text_width - Cm(page.column_gap_cm) * (page.columns - 1)) / page.columns)

    # -- the whole document --

    def render(self) -> bytes:
        self._drop_template_leftovers()
        self._page()
        self._styles()
        self._title_block()
        self.walk(self.edition.document.blocks)  # the bibliography lists are its last blocks
        self._core_properties()
        self._hyphenation()
        self._unstretched_line_breaks()
        trim_package(self.doc)
        if speedups.enabled("docxzip"):
            return zip_members(package_members(self.doc))
        out = io.BytesIO()
        self.doc.save(out)
        return normalize_zip(out.getvalue())

    def _drop_template_leftovers(self) -> None:
        """python-docx's template carries a thumbnail of an empty page and Word 2010 style copies."""
        part = self.doc.part
        for rid, rel in list(part.rels.items()):
            if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
                part.drop_rel(rid)
        package = part.package
        for rid, rel in list(package.rels.items()):
            if rel.reltype.endswith("/thumbnail"):
                del package.rels[rid]
        body = self.doc.element.body
        for p in body.findall(qn("w:p")):  # the template's body is empty, but be sure
            body.remove(p)

    def _page(self) -> None:
        page = self.edition.venue.page
        section = self.doc.sections[0]
        width, height = page.size_cm
        section.page_width, section.page_height = Cm(width), Cm(height)
        margins = page.margins_cm
        section.top_margin = Cm(margins.top)
        section.bottom_margin = Cm(margins.bottom)
        section.left_margin = Cm(margins.left)
        section.right_margin = Cm(margins.right)
        section.header_distance = Cm(1.0)
        section.footer_distance = Cm(1.0)
        if page.page_numbers:
            footer = section.footer.paragraphs[0]
            footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
            footer._p.append(_page_field())
        if self.edition.venue.running_head is not None:
            self._running_heads(section)
        if page.columns > 1:
            self._columns(section)

    def _running_heads(self, section) -> None:
        """The venue's running heads: odd pages' text ending at the right, even pages' at the
        left, the page number (a PAGE field) at the outer edge when asked; none on the first
        page unless asked (Word's different first page, even and odd headers)."""
        head = self.edition.venue.running_head
        odd, even = self.edition.template.running_heads(self.edition.document.meta)
        self.doc.settings.odd_and_even_pages_header_footer = True
        section.different_first_page_header_footer = not head.first_page
        width = self.text_width
        indent = Cm(1.166) if head.page_numbers else 0
        for header, text, right in ((section.header, odd, True), (section.even_page_header, even, False)):
            p = header.paragraphs[0]
            p.style = self.doc.styles["Normal"]  # not "Header": its tab stops (centre, right at 6.5 in) would come first
            tabs = p.paragraph_format.tab_stops
            if right:  # `⇥ text ⇥ page`: the text ends short of the number, the number at the edge
                tabs.add_tab_stop(width - indent, WD_TAB_ALIGNMENT.RIGHT)
                tabs.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
                parts = ["tab", text] + (["tab", "page"] if head.page_numbers else [])
            else:  # `page ⇥ text`
                tabs.add_tab_stop(indent, WD_TAB_ALIGNMENT.LEFT)
                parts = (["page", "tab"] if head.page_numbers else []) + [text]
            for part in parts:
                if part == "tab":
                    p._p.add_r().append(OxmlElement("w:tab"))
                elif part == "page":
                    p._p.append(_page_field())
                else:
                    self.add_text(p, part)
            for r in p._p.iter(qn("w:r")):
                Run(r, p).font.size = Pt(head.size_pt)

    # -- styles --

    def _document_defaults(self, styles) -> None:
        """The main family in all four slots and the paper's language as the defaults; no theme fonts."""
        defaults = styles.element.find(qn("w:docDefaults"))
        rpr_default = _child(_child(defaults, "w:rPrDefault", first=True), "w:rPr")
        set_fonts(rpr_default, self.main_family)
        set_lang(rpr_default, self.lang, EAST_ASIAN_TAG)
        ppr_default = _child(_child(defaults, "w:pPrDefault"), "w:pPr")
        for old in ppr_default.findall(qn("w:spacing")):
            ppr_default.remove(old)
        ppr_default.append(_spacing(after=0, line=240))

        # No style may name a theme font: the theme's Calibri/Cambria would win over the defaults.
        for fonts in styles.element.iter(qn("w:rFonts")):
            for slot in _THEME_SLOTS:
                fonts.attrib.pop(qn(slot), None)
            if not any(fonts.get(qn(s)) for s in _FONT_SLOTS):
                fonts.getparent().remove(fonts)

    def _styles(self) -> None:
        styles = self.doc.styles
        size = Pt(self.body.size_pt)
        indent = Cm(self.body.first_line_indent_cm)
        spacing = self.body.line_spacing
        black = RGBColor(0, 0, 0)

        self._document_defaults(styles)

        normal = styles["Normal"]
        _reset_style(normal)
        normal.font.size = size
        normal.font.color.rgb = black
        set_fonts(normal.element.get_or_add_rPr(), self.main_family)
        pf = normal.paragraph_format
        pf.space_before, pf.space_after = Pt(0), Pt(0)
        pf.line_spacing = spacing
        pf.widow_control = True
        # No extra gap between the Chinese runs and the Kazakh/Latin text around them.
        ppr = normal.element.get_or_add_pPr()
        for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
            off = OxmlElement(tag)
            off.set(qn("w:val"), "0")
            ppr.insert_element_before(off, *_PPR_AFTER_AUTOSPACE[tag])

        body = styles[BODY_STYLE]
        _reset_style(body)
        pf = body.paragraph_format
        pf.alignment = ALIGNMENTS[self.body.align]
        pf.first_line_indent = indent
        pf.space_after = Pt(self.body.space_after_pt)
        pf.line_spacing = spacing

        title = styles[TITLE_STYLE]
        _reset_style(title)
        title.font.size = size
        title.font.color.rgb = black
        pf = title.paragraph_format
        pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pf.space_before, pf.space_after = Pt(0), Pt(0)
        pf.first_line_indent = Cm(0)
        pf.keep_with_next = True
        _suppress_hyphenation(title)
        self._reset_linked_char_style("TitleChar")

        # Heading n: bold, the body's size, outline level n - 1
        # (Word's navigation pane and PDF export bookmarks read it). Level 1 is also the
        # references' heading, centred as the venues print it; deeper ones start left.
        for n in range(1, HEADING_LEVELS + 1):
            heading = styles[f"Heading {n}"]
            _reset_style(heading)
            heading.font.size = size
            heading.font.bold = True
            heading.font.italic = None
            heading.font.color.rgb = black
            pf = heading.paragraph_format
            pf.alignment = WD_ALIGN_PARAGRAPH.CENTER if n == 1 else WD_ALIGN_PARAGRAPH.LEFT
            pf.space_before, pf.space_after = Pt(12), Pt(6)
            pf.first_line_indent = Cm(0)
            pf.keep_with_next = True
            ppr = heading.element.get_or_add_pPr()
            level = OxmlElement("w:outlineLvl")
            level.set(qn("w:val"), str(n - 1))
            ppr.insert_element_before(level, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
            _suppress_hyphenation(heading)
            self._reset_linked_char_style(f"Heading{n}Char", bold=True)
            spec = self.edition.venue.heading(n)
            if spec is not None:  # the venue's own: size, alignment, weight, slant, capitals
                heading.font.size = Pt(spec.size_pt or self.body.size_pt)
                heading.font.bold = spec.bold
                heading.font.italic = spec.italic
                heading.font.all_caps = spec.upper or None
                pf.alignment = ALIGNMENTS[spec.align]
                pf.space_before = Pt(12 if spec.space_before_pt is None else spec.space_before_pt)
                pf.space_after = Pt(6 if spec.space_after_pt is None else spec.space_after_pt)

        listing = styles[LIST_STYLE]  # keeps its numbering (the template's bullet list)
        numbering = deepcopy(listing.element.pPr.find(qn("w:numPr"))) if listing.element.pPr is not None else None
        _reset_style(listing)
        if numbering is not None:
            listing.element.get_or_add_pPr().append(numbering)
        pf = listing.paragraph_format
        pf.alignment = ALIGNMENTS[self.body.align]
        pf.left_indent = indent + Cm(LIST_MARK_ROOM_CM)
        pf.first_line_indent = -Cm(LIST_MARK_ROOM_CM)
        pf.space_after = Pt(self.body.space_after_pt)
        if numbering is not None:
            self._list_mark(numbering, indent)

        # a block quotation as the PDF and LaTeX editions set it: upright, indented on both
        # sides by the body's indent, no first-line indent, half a line above and below
        quote = styles[QUOTE_STYLE]
        _reset_style(quote)
        quote.font.color.rgb = black
        pf = quote.paragraph_format
        pf.alignment = ALIGNMENTS[self.body.align]
        pf.left_indent = pf.right_indent = indent
        pf.first_line_indent = Cm(0)
        pf.space_before, pf.space_after = self.half_line, max(self.half_line, Pt(self.body.space_after_pt))
        self._reset_linked_char_style("QuoteChar")

        bibliography = _style(styles, BIBLIOGRAPHY_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        bibliography.base_style = normal
        bibliography.font.size = Pt(self.edition.venue.bibliography.size_pt or self.body.size_pt)
        pf = bibliography.paragraph_format
        pf.alignment = ALIGNMENTS[self.body.align]
        pf.first_line_indent = indent

        unresolved = _style(styles, UNRESOLVED_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        unresolved.base_style = bibliography
        self._code_styles(styles, normal)

        # Figures, captions and display formulas: centred, no first-line indent.
        caption = _style(styles, CAPTION_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        _reset_style(caption)
        caption.base_style = normal
        caption.font.color.rgb = black
        pf = caption.paragraph_format
        pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pf.first_line_indent = Cm(0)
        pf.space_before, pf.space_after = Pt(3), Pt(self.body.space_after_pt + 6)
        figure = _style(styles, FIGURE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        figure.base_style = normal
        pf = figure.paragraph_format
        pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pf.first_line_indent = Cm(0)
        pf.keep_with_next = True
        pf.space_before = Pt(6)
        equation = _style(styles, EQUATION_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        equation.base_style = normal
        pf = equation.paragraph_format
        pf.alignment = WD_ALIGN_PARAGRAPH.LEFT
        pf.first_line_indent = Cm(0)
        pf.space_before, pf.space_after = Pt(6), Pt(6)
        pf.tab_stops.add_tab_stop(int(self.column_width / 2), WD_TAB_ALIGNMENT.CENTER)
        pf.tab_stops.add_tab_stop(int(self.column_width), WD_TAB_ALIGNMENT.RIGHT)

        link = _style(styles, LINK_STYLE, WD_STYLE_TYPE.CHARACTER)
        link.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)

        # The comment styles the comments part refers to (python-docx's template lacks them).
        comment_text = _style(styles, "annotation text", WD_STYLE_TYPE.PARAGRAPH, style_id="CommentText")
        comment_text.base_style = normal
        comment_text.font.size = Pt(10)
        comment_ref = _style(styles, "annotation reference", WD_STYLE_TYPE.CHARACTER, style_id="CommentReference")
        comment_ref.font.size = Pt(8)

        # The footnote styles Word uses (python-docx's template lacks them).
        note_text = _style(styles, FOOTNOTE_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH, style_id=FOOTNOTE_TEXT_ID)
        note_text.base_style = normal
        note_text.font.size = Pt(max(8, self.body.size_pt - 2))
        note_text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        note_ref = _style(styles, FOOTNOTE_REF_STYLE, WD_STYLE_TYPE.CHARACTER, style_id=FOOTNOTE_REF_ID)
        note_ref.font.superscript = True

    def _code_styles(self, styles, normal) -> None:
        """`Verbatim Char` (inline code) and `Source Code` (a code block: left-aligned, never
        hyphenated, on a light ground), both in the venue's monospace family, as pandoc names them."""
        mono = self.template.mono_faces["regular"].family
        char = _style(styles, CODE_CHAR_STYLE, WD_STYLE_TYPE.CHARACTER, style_id="VerbatimChar")
        set_fonts(char.element.get_or_add_rPr(), mono)
        block = _style(styles, CODE_STYLE, WD_STYLE_TYPE.PARAGRAPH, style_id="SourceCode")
        block.base_style = normal
        set_fonts(block.element.get_or_add_rPr(), mono)
        block.font.size = Pt(round(self.body.size_pt * 0.9 * 2) / 2)  # a little smaller, as the PDF edition's
        pf = block.paragraph_format
        pf.alignment = WD_ALIGN_PARAGRAPH.LEFT
        pf.first_line_indent = Cm(0)
        pf.line_spacing = 1.0
        pf.space_before, pf.space_after = Pt(6), Pt(6)
        _suppress_hyphenation(block)
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), CODE_GROUND)
        successors = ("w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", *_PPR_AFTER_AUTOSPACE["w:autoSpaceDE"])
        block.element.get_or_add_pPr().insert_element_before(shading, *successors)

    def _reset_linked_char_style(self, style_id: str, bold: bool = False, italic: bool = False) -> None:
        for element in self.doc.styles.element.style_lst:  # as `for style in styles`, without a proxy per style
            if element.get(qn("w:styleId")) == style_id:
                style = StyleFactory(element)
                _reset_style(style)
                style.font.bold = bold or None
                style.font.italic = italic or None

    # -- fast paths around python-docx --

    def _style_id(self, name: str, kind: WD_STYLE_TYPE) -> str | None:
        """A style's id, looked up once: python-docx scans every style of the document for the
        type's default on each `paragraph.style = name` (half the DOCX time of a long paper)."""
        key = (name, kind)
        if key not in self._style_ids:
            self._style_ids[key] = self.doc.part.get_style_id(name, kind)
        return self._style_ids[key]

    def add_paragraph(self, style: str):
        """`doc.add_paragraph(style=style)`: the same `w:p`, put where python-docx puts it (before
        the body's `w:sectPr`), but without python-docx's search for that `w:sectPr` among all
        the body's children on every call (quadratic: seconds for a book), and with the style
        id looked up once."""
        body = self.doc.element.body
        if self._body_end is None or self._body_end.getparent() is not body:
            self._body_end = body.find(qn("w:sectPr"))
        p = OxmlElement("w:p")
        if self._body_end is not None:
            self._body_end.addprevious(p)
        else:
            body.append(p)
        p.style = self._style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        paragraph = DocxParagraph(p, self.doc._body)
        if self._after_table:
            self._after_table = False
            self._room(paragraph, "space_before")
        return paragraph

    @property
    def half_line(self) -> Pt:
        """Half a body line: the room above and below a table, as in the PDF edition."""
        return Pt(round(self.body.size_pt * LINE_HEIGHT * self.body.line_spacing / 2, 1))

    def _room(self, paragraph, side: str) -> None:
        """At least half a line of space on `side` (space_before, space_after) of `paragraph`:
        Word and LibreOffice put no room around a table, so the paragraphs beside it give it
        (as pandoc's Body Text does, 9 pt above and below). A larger space of its style stays."""
        style = self.doc.styles.element.get_by_id(paragraph._p.style) if paragraph._p.style else None
        own = getattr(StyleFactory(style).paragraph_format, side) if style is not None else None
        setattr(paragraph.paragraph_format, side, max(own or 0, self.half_line))

    # -- runs --

    def add_text(self, container, text: str, size: Pt | None = None, bold: bool | None = None, italic: bool | None = None, fonts=None) -> list:
        """Append `text` to `container` (a paragraph) as runs, one per font; return the runs.
        `fonts`: the font set to draw in (code's monospace one), else the venue's main one."""
        text = xml_safe(text)
        if not text:
            return []
        fonts = fonts or self.template.fonts
        pieces = fonts.runs(text)
        runs = []
        for face, chunk in pieces:
            # `container.add_run(chunk)` feeds python-docx's text appender one character at a
            # time, looking for tabs and line breaks; `xml_safe` has turned those into spaces,
            # so the run's single `w:t` is added directly (the same XML).
            r = container._p.add_r()
            r.add_t(chunk)
            run = Run(r, container)
            if bold or self.in_bold:
                run.bold = True
            if italic or self.in_italic:
                run.italic = True
            if self.in_super or self.in_sub:  # both at once cannot be shown: subscript wins
                run.font.superscript = bool(self.in_super) and not self.in_sub
                run.font.subscript = bool(self.in_sub)
            if size is not None:
                run.font.size = size
            if face is not fonts.main and face.family not in (self.main_family, fonts.main.family):
                cjk = bool(_CJK.search(chunk))
                rpr = run._r.get_or_add_rPr()
                set_fonts(rpr, face.family, east_asian_hint=cjk)
                if cjk:
                    set_lang(rpr, east_asia=EAST_ASIAN_TAG)
            runs.append(run)
        return runs

    # -- the walk --

    def paragraph(self, block: Paragraph) -> None:
        for part in split_display_math(block.inlines):
            if isinstance(part, Display):
                self.display_math(part.math, part.closing)
            elif (shown := display_picture(part)) is not None:
                self.display_formula_picture(*shown)
            else:
                self.current = self.add_paragraph(BODY_STYLE)
                self.inlines(part)

    def code_block(self, block: CodeBlock) -> None:
        """One `Source Code` paragraph, its lines joined by line breaks (as pandoc writes it),
        every space kept, tabs to 4-column stops."""
        self.current = p = self.add_paragraph(CODE_STYLE)
        for n, line in enumerate(block.text.expandtabs(4).split("\n")):
            if n:
                p._p.add_r().append(OxmlElement("w:br"))
            for run in self.add_text(p, line, fonts=self.template.mono_fonts):
                for t in run._r.findall(qn("w:t")):
                    t.set(qn("xml:space"), "preserve")

    def code(self, node: Code) -> None:
        """Inline code: runs in `Verbatim Char` (the monospace family), every space kept, no soft hyphens."""
        style = self._style_id(CODE_CHAR_STYLE, WD_STYLE_TYPE.CHARACTER)
        for run in self.add_text(self.current, node.text, fonts=self.template.mono_fonts):
            run._r.style = style
            for t in run._r.findall(qn("w:t")):
                t.set(qn("xml:space"), "preserve")

    def quote(self, block: Quote) -> None:
        self.current = self.add_paragraph(QUOTE_STYLE)
        self.inlines(block.inlines)

    def bullet_list(self, block: BulletList, inset_cm: float | None = None) -> None:
        """The items, each a paragraph of the list style; a nested list (an item's `blocks`)
        has its marks at its parent item's text (`inset_cm`), typed as a number is."""
        room_cm = list_room_cm(block, self.body.size_pt)
        left_cm = self.body.first_line_indent_cm if inset_cm is None else inset_cm
        for item in block.items:
            self.current = self.add_paragraph(LIST_STYLE)
            if item.label or inset_cm is not None:  # the author's number (or a nested list's mark), typed: no bullet (numId 0), the text at a tab after it
                self.current._p.get_or_add_pPr().insert(0, _no_numbering())
                pf = self.current.paragraph_format
                pf.left_indent = Cm(left_cm + room_cm)
                pf.first_line_indent = -Cm(room_cm)
                pf.tab_stops.add_tab_stop(pf.left_indent)
                self.current.add_run(xml_safe(item.label or LIST_MARK) + "\t")
            self.inlines(item.inlines)
            for child in item.blocks:
                if isinstance(child, BulletList):
                    self.bullet_list(child, left_cm + room_cm)
                else:
                    self.block(child)

    def _list_mark(self, num_pr, indent) -> None:
        """The list style's mark as the other editions draw it: LIST_MARK in the body's font at
        the first-line indent, the text LIST_MARK_ROOM_CM after it (the template's level drew
        a Symbol-font bullet at its own indents, which win over the style's)."""
        num_id = num_pr.find(qn("w:numId"))
        numbering = self.doc.part.numbering_part.element
        num = next((n for n in numbering.findall(qn("w:num")) if num_id is not None and n.get(qn("w:numId")) == num_id.get(qn("w:val"))), None)
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val")) if num is not None else None
        abstract = next((a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id), None)
        level = next((lvl for lvl in abstract.findall(qn("w:lvl")) if lvl.get(qn("w:ilvl")) == "0"), None) if abstract is not None else None
        if level is None:
            return
        for tag in ("w:lvlText", "w:pPr", "w:rPr"):
            for old in level.findall(qn(tag)):
                level.remove(old)
        text = OxmlElement("w:lvlText")
        text.set(qn("w:val"), LIST_MARK)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(round((indent + Cm(LIST_MARK_ROOM_CM)) / 635)))  # EMU to twentieths of a point
        ind.set(qn("w:hanging"), str(round(Cm(LIST_MARK_ROOM_CM) / 635)))
        ppr.append(ind)
        rpr = OxmlElement("w:rPr")
        fonts = OxmlElement("w:rFonts")
        for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attribute), self.main_family)
        rpr.append(fonts)
        level.append(text)  # lvl's children in the schema's order: …, lvlText, lvlJc, pPr, rPr
        jc = level.find(qn("w:lvlJc"))
        if jc is not None:
            level.remove(jc)
            level.append(jc)
        level.append(ppr)
        level.append(rpr)

    def heading(self, block: Heading) -> None:
        self.current = self.add_paragraph(f"Heading {min(max(block.level, 1), HEADING_LEVELS)}")
        self.unhyphenated = True  # headings are not hyphenated (nor is the title block)
        try:
            self.inlines(block.inlines)
        finally:
            self.unhyphenated = False

    def table(self, block: Table) -> None:
        """A Word table (Table Grid): merged cells (gridSpan, vMerge), the source's column widths,
        its caption above it with a SEQ Table number; header rows bold and repeated on each page."""
        placed, columns, rows = table_grid(block)
        if not columns:
            return
        self.caption(block, "Figure" if block.kind == "figure" else "Table")
        before = self.doc.element.body.find(qn("w:sectPr"))
        before = before.getprevious() if before is not None else None
        if self.edition.caption(block) is None and before is not None and before.tag == qn("w:p"):
            self._room(DocxParagraph(before, self.doc._body), "space_after")  # the text above never touches the rule
        table = self.doc.add_table(rows=rows, cols=columns)
        table.style = self.doc.styles[TABLE_STYLE]
        table.autofit = False
        tables = self.edition.venue.tables
        layout = table_layout(block, columns, self.column_width / 12700, tables.size(self.body.size_pt), tables.floor(self.body.size_pt))  # EMU to points
        widths = [int(self.column_width * share) for share in layout.shares]
        for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
            grid_col.set(qn("w:w"), str(int(width / 635)))  # EMU to twentieths of a point
        # The grid's cells taken once, before any merge: `Table.cell` walks the whole table on
        # each call, which made a 500-cell table take minutes (a merge keeps the other cells).
        grid = [row.cells for row in table.rows]
        for row in grid:
            for cell, width in zip(row, widths):
                cell.width = width
        for n in range(min(block.header_rows, rows)):
            table.rows[n]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        outer = self.current
        for r, c, source in placed:
            cell = grid[r][c]
            if source.rowspan > 1 or source.colspan > 1:
                cell = cell.merge(grid[r + source.rowspan - 1][c + source.colspan - 1])
            self.current = cell.paragraphs[0]
            if r < block.header_rows:
                self._styled("in_bold", source.inlines)
            else:
                self.inlines(source.inlines)
        self.current = outer
        if layout.size != self.body.size_pt:  # every run and paragraph mark of its cells in the table's size
            _sized(table._tbl, layout.size)
        self._body_end = None  # python-docx put the table before `w:sectPr`: look it up again
        self._after_table = True

    def caption(self, block, identifier: str) -> None:
        """A caption paragraph (style Caption): its word, a SEQ field with the source's number,
        its text; a bookmark around it when cross-references can point at it."""
        caption = self.edition.caption(block)
        if caption is None:
            return
        self.current = p = self.add_paragraph(CAPTION_STYLE)
        if isinstance(block, Table):  # above its table: room above it, close to the table, kept with it
            p.paragraph_format.keep_with_next = True
            self._room(p, "space_before")
            p.paragraph_format.space_after = Pt(3)
        self.add_text(p, caption.word)
        if caption.number:
            seq_field(p._p, identifier, caption.number)
        self.add_text(p, caption.separator)
        self.inlines(caption.rest)
        if block.label:
            self.bookmark(p, label_anchor(block.label))

    def figure(self, block: Figure) -> None:
        """The pictures in one centred paragraph kept with the caption below them (SEQ Figure)."""
        self.current = p = self.add_paragraph(FIGURE_STYLE)
        section = self.doc.sections[0]
        text_width = self.column_width / 12700
        text_height = (section.page_height - section.top_margin - section.bottom_margin) / 12700
        count = max(1, len(block.images))
        for n, image in enumerate(block.images):
            if n:
                self.add_text(p, " ")
            self.picture(image, (text_width - 6 * (count - 1)) / count, text_height * 0.8)
        if self.edition.caption(block) is None and block.label:
            self.bookmark(p, label_anchor(block.label))
        self.caption(block, "Table" if block.kind == "table" else "Figure")  # Word renumbers each kind on its own

    def picture(self, image: Image, max_width: float, max_height: float) -> None:
        """A Word picture: the source's bytes, fitted to the box (never enlarged)."""
        try:
            picture = prepare(image) if image.media_type not in ("image/x-wmf", "image/x-emf") else None
        except MediaError as exc:
            self._broken(exc)
            return
        if picture is None:  # a metafile: Word draws it itself; its size is the source's, or the converted one's
            try:
                size = display_size(image, prepare(image), type_size=self.body.size_pt) if not (image.width and image.height) else (image.width, image.height)
            except MediaError:
                size = (image.width or 72.0, image.height or 72.0)
            if image.width and image.height and image.type_size:  # a formula's preview drawn in the source's type: in the edition's
                size = (size[0] * self.body.size_pt / image.type_size, size[1] * self.body.size_pt / image.type_size)
        else:
            size = display_size(image, picture, max_width, self.body.size_pt)
        width, height = fit(size, max_width, max_height)
        try:
            alt = image.alt or ("formula" if image.formula else "")
            # A chart comes as a package Word cannot show as a picture: its drawing goes in instead.
            data, media_type = (picture.data, "image/svg+xml") if image.media_type == CHART_PACKAGE and picture is not None else (image.data, image.media_type)
            drawing = self.pictures.inline(data, media_type, width, height, xml_safe(image.name), xml_safe(alt), picture, "Formula" if image.formula else "Picture")
        except MediaError as exc:
            self._broken(exc)
            return
        run = self.current._p.add_r()
        run.append(drawing)
        lowered = lowered_by(image, picture, height) if picture is not None else image.lowered * height / (image.height or height)
        if round(lowered * 2):  # Word's run position, in half-points: up when positive
            position = OxmlElement("w:position")
            position.set(qn("w:val"), str(-round(lowered * 2)))
            run.get_or_add_rPr().append(position)

    def _broken(self, exc: MediaError) -> None:
        """A picture that cannot be carried: said in red where it stood (MED001 reports it)."""
        for run in self.add_text(self.current, f"[{exc}]"):
            run.font.color.rgb = RGBColor(0xC0, 0, 0)

    def image(self, node: Image) -> None:
        section = self.doc.sections[0]
        self.picture(node, self.column_width / 12700, (section.page_height - section.top_margin - section.bottom_margin) / 25400)

    def cross_ref(self, node: CrossRef) -> None:
        """`рис. 3`: a link to the caption's bookmark when the figure exists."""
        target = self.edition.cross_ref_target(node)
        runs = self.add_text(self.current, node.raw)
        if target and runs:
            link = OxmlElement("w:hyperlink")
            link.set(qn("w:anchor"), target)
            link.set(qn("w:history"), "1")
            runs[0]._r.addprevious(link)
            for run in runs:
                run._r.style = self._style_id(LINK_STYLE, WD_STYLE_TYPE.CHARACTER)
                link.append(run._r)

    def _styled(self, attr: str, nodes) -> None:
        setattr(self, attr, getattr(self, attr) + 1)
        try:
            self.inlines(nodes)
        finally:
            setattr(self, attr, getattr(self, attr) - 1)

    def emph(self, node: Emph) -> None:
        self._styled("in_italic", node.inlines)

    def strong(self, node: Strong) -> None:
        self._styled("in_bold", node.inlines)

    def superscript(self, node: Superscript) -> None:
        self._styled("in_super", node.inlines)

    def subscript(self, node: Subscript) -> None:
        self._styled("in_sub", node.inlines)

    def link(self, node: Link) -> None:
        """A `w:hyperlink` to the URL (an external relationship of the part it stands in)."""
        p = self.current._p
        mark = len(p)
        self.inlines(node.inlines)
        added = list(p)[mark:]
        if not added:
            return
        link = OxmlElement("w:hyperlink")
        if node.url.startswith("#"):  # a bookmark of this document (a citation's entry)
            link.set(qn("w:anchor"), node.url[1:])
        else:
            link.set(qn("r:id"), self.part.relate_to(node.url, RT.HYPERLINK, is_external=True))
        link.set(qn("w:history"), "1")
        added[0].addprevious(link)
        link_style = self._style_id(LINK_STYLE, WD_STYLE_TYPE.CHARACTER)
        for child in added:
            if child.tag == qn("w:hyperlink"):  # a citation's own link inside: links do not nest
                for r in list(child):
                    link.append(r)
                p.remove(child)
                continue
            if child.tag == qn("w:r"):
                child.style = link_style
            link.append(child)

    def equation(self, node: Math, display: bool):
        """The formula as a Word equation: the source's OMML, else made from its TeX; None if neither works."""
        if node.omml:
            element = omml_element(node.omml)
            if element is not None:
                return element
        try:
            return omml_element(tex_to_omml(node.tex, display))
        except FormulaError:
            return None

    def math(self, node: Math) -> None:
        element = self.equation(node, display=False)
        if element is None:  # TeX no converter reads: its text, as one unit
            self.add_text(self.current, math_text(node.tex))
            return
        self.current._p.append(inline_math(element))
        if node.label:
            self.bookmark(self.current, label_anchor(node.label))

    def display_math(self, node: Math, closing: str = "") -> None:
        """A paragraph of its own (style Equation): the formula at a centre tab, its number `(4)`
        at a right tab; an unnumbered one as an equation paragraph (`m:oMathPara`). The
        punctuation closing its sentence is set inside the formula, at its end."""
        self.current = p = self.add_paragraph(EQUATION_STYLE)
        element = self.equation(node, display=not node.number)
        if element is not None and closing:
            _close_formula(element, closing)
        if element is None:
            self.add_text(p, math_text(node.tex) + closing)
        elif node.number:
            p._p.add_r().append(OxmlElement("w:tab"))
            p._p.append(inline_math(element))
            p._p.add_r().append(OxmlElement("w:tab"))
        else:
            p._p.append(display_math_element(element))
        if node.number:
            self.add_text(p, f"({node.number})")
        if node.label:
            self.bookmark(p, label_anchor(node.label))

    def display_formula_picture(self, nodes: tuple, number: str | None) -> None:
        """Formula pictures on a line of their own, set as display_math sets a formula (style
        Equation): at the centre tab, the number `(4)` at the right tab."""
        self.current = p = self.add_paragraph(EQUATION_STYLE)
        p._p.add_r().append(OxmlElement("w:tab"))
        self.inlines(nodes)
        if number:
            p._p.add_r().append(OxmlElement("w:tab"))
            self.add_text(p, f"({number})")

    def line_break(self, node: LineBreak) -> None:
        """Word's own line break (`w:br`)."""
        self.current._p.add_r().append(OxmlElement("w:br"))
        self.line_start = True

    def footnote(self, node: Footnote) -> None:
        """A real Word footnote: a `w:footnoteReference` here, its text in the footnotes part."""
        notes = self.footnotes_element()
        note_id = len(notes.findall(qn("w:footnote"))) - 1  # after the separators -1 and 0
        ref_style = self._style_id(FOOTNOTE_REF_STYLE, WD_STYLE_TYPE.CHARACTER)
        r = self.current._p.add_r()
        r.style = ref_style
        reference = OxmlElement("w:footnoteReference")
        reference.set(qn("w:id"), str(note_id))
        r.append(reference)

        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(note_id))
        notes.append(note)
        p = OxmlElement("w:p")
        note.append(p)
        p.style = self._style_id(FOOTNOTE_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        mark = p.add_r()
        mark.style = ref_style
        mark.append(OxmlElement("w:footnoteRef"))
        p.add_r().add_t(" ")
        outer, outer_part, outer_flag = self.current, self.part, self.in_footnote
        self.current, self.part, self.in_footnote = DocxParagraph(p, None), self._footnotes_part, True
        try:
            self.inlines(node.inlines)
        finally:
            self.current, self.part, self.in_footnote = outer, outer_part, outer_flag

    def footnotes_element(self):
        """The footnotes part's root, created with Word's two separator notes on first use."""
        if self._footnotes is None:
            xml = (
                f"<w:footnotes {nsdecls('w', 'r')}>"
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                "</w:footnotes>"
            )
            part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(xml), self.doc.part.package)
            self.doc.part.relate_to(part, RT.FOOTNOTES)
            self._footnotes_part, self._footnotes = part, part.element
        return self._footnotes

    def text(self, text: str) -> None:
        """The text with its soft hyphens, and a zero-width space (U+200B, a break Word and
        LibreOffice honour) after an address's marks: without them an address too long for
        what is left of a line moves whole to the next and leaves a justified line stretched."""
        if self.line_start:
            text = text.lstrip(" ")
            self.line_start = not text
        text = with_address_breaks(text, ZERO_WIDTH_SPACE)
        self.add_text(self.current, text if self.unhyphenated else self.hyphenator.soft_hyphens(text, self.hyphenate))

    def citation(self, cite: Citation) -> None:
        """The citation as the bibliography transform rendered it (labels linked); one with no
        entry highlighted, with a comment saying so."""
        p = self.current._p
        mark = len(p)
        outer, self.unhyphenated = self.unhyphenated, True  # a label is never divided
        try:
            self.inlines(cite.inlines or (Text(cite.raw),))
        finally:
            self.unhyphenated = outer
        if cite.note is None:
            return
        runs = [Run(r, self.current) for child in list(p)[mark:] for r in ([child] if child.tag == qn("w:r") else child.iter(qn("w:r")))]
        if runs:
            for run in runs:
                set_highlight(run._r.get_or_add_rPr())
            if not self.in_footnote:  # python-docx anchors comments in the document part only
                self.comment(runs, cite.note)

    def comment(self, runs: list, note: str) -> None:
        note = xml_safe(note)
        if hasattr(self.doc, "add_comment"):
            comment = self.doc.add_comment(runs, text=note, author=COMMENT_AUTHOR, initials=COMMENT_INITIALS)
            comment._comment_elm.date = self.edition.date.replace(microsecond=0)
        else:  # python-docx before 1.2: no comments part to write into
            raise RuntimeError("the DOCX writer needs python-docx >= 1.2 for comments")

    # -- title block, the lists the bibliography transform appended --

    def _title_block(self) -> None:
        """One paragraph per title line (a borderless table for author groups side by side).
        With two columns, the page-wide lines close a one-column section (a continuous section
        break) and the column lines open the two-column body."""
        lines = self.edition.title_lines
        two_columns = self.edition.venue.page.columns > 1
        if two_columns:
            lines = [line for line in lines if line.span == "page"] + [line for line in lines if line.span != "page"]
        after = Pt(self.edition.venue.title_block.space_after_pt)
        last_wide = None
        for i, line in enumerate(lines):
            p = self._title_cells(line) if line.cells else self._title_paragraph(line, line.inlines)
            if i == len(lines) - 1 and after:
                p.paragraph_format.space_after = after
            if line.span == "page":
                last_wide = p
        if two_columns and last_wide is not None:
            self._end_page_wide_section(last_wide)

    def _title_paragraph(self, line, inlines, container=None):
        """A title line's paragraph (in `container`'s first paragraph when given: a table cell)."""
        p = self.add_paragraph(TITLE_STYLE) if container is None else container
        if container is not None:
            p.style = self.doc.styles[TITLE_STYLE]
        p.alignment = ALIGNMENTS[line.align]
        if line.space_before_pt and container is None:
            p.paragraph_format.space_before = Pt(line.space_before_pt)
        if line.indent_cm:
            p.paragraph_format.left_indent = p.paragraph_format.right_indent = Cm(line.indent_cm)
        outer, self.current, self.unhyphenated = self.current, p, True
        try:
            self.inlines(inlines)  # the title's and abstract's citations link, a note on the title is a footnote
        finally:
            self.current, self.unhyphenated = outer, False
        for r in p._p.iter(qn("w:r")):  # the line's size and weight on every run it holds
            run = Run(r, p)
            run.font.size = Pt(line.size_pt)
            if line.bold:
                run.bold = True
            if line.italic:
                run.italic = True
        return p

    def _title_cells(self, line):
        """Author groups side by side: a borderless table across the page, three cells a row;
        returns the paragraph after it (a line's spacing goes there)."""
        per_row = min(len(line.cells), 3)
        rows = [line.cells[i:i + per_row] for i in range(0, len(line.cells), per_row)]
        if line.space_before_pt:
            self._spacer(line.space_before_pt)
        table = self.doc.add_table(rows=len(rows), cols=per_row)
        table.autofit = False
        table.alignment = 1  # centred
        width = int(self.text_width / per_row)
        for grid_col in table._tbl.tblGrid.findall(qn("w:gridCol")):
            grid_col.set(qn("w:w"), str(int(width / 635)))
        for r, cells in enumerate(rows):
            for c, cell_lines in enumerate(cells):
                cell = table.cell(r, c)
                cell.width = width
                for n, inlines in enumerate(cell_lines):
                    self._title_paragraph(line, inlines, cell.paragraphs[0] if n == 0 else cell.add_paragraph())
        self._body_end = None  # python-docx put the table before `w:sectPr`: look it up again
        return self._spacer(1)

    def _spacer(self, height_pt: float):
        """An empty title paragraph exactly `height_pt` high (room around a table; the holder
        of a section break)."""
        p = self.add_paragraph(TITLE_STYLE)
        p.paragraph_format.line_spacing = Pt(height_pt)
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        return p

    def _columns(self, section) -> None:
        """The section in the venue's columns (`w:cols`: their number, the gap between them)."""
        page = self.edition.venue.page
        sect = section._sectPr
        cols = sect.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            sect.insert_element_before(cols, *_SECT_AFTER_COLS)
        cols.set(qn("w:num"), str(page.columns))
        cols.set(qn("w:space"), str(round(page.column_gap_cm / 2.54 * 1440)))  # twentieths of a point

    def _end_page_wide_section(self, p) -> None:
        """Close a one-column section after paragraph `p` (a copy of the body's section
        properties: page, margins, headers, footers) and make the body, in the venue's columns,
        a continuous section after it."""
        body = self.doc.sections[0]._sectPr
        wide = deepcopy(body)
        for cols in wide.findall(qn("w:cols")):
            cols.set(qn("w:num"), "1")
        p._p.get_or_add_pPr().insert_element_before(wide, "w:pPrChange")
        start = body.find(qn("w:type"))
        if start is None:
            start = OxmlElement("w:type")
            body.insert_element_before(start, *_SECT_AFTER_TYPE)
        start.set(qn("w:val"), "continuous")

    def bibliography(self, block: Bibliography) -> None:
        """A list closing the edition: its heading, then one paragraph per item (its label, its
        text, a bookmark citations link to)."""
        self.doc.add_paragraph(xml_safe(block.title), style=HEADING_STYLE)
        style = UNRESOLVED_STYLE if block.kind == "unresolved" else BIBLIOGRAPHY_STYLE
        for item in block.items:
            p = self.current = self.add_paragraph(style)
            if item.label:
                self.add_text(p, f"{item.label} ")
            # only the references are divided: a note ends in `file:line:col`, which soft hyphens
            # would break, and a romanised entry is in no language the hyphenator knows
            self.unhyphenated = block.kind != "references"
            self.inlines(item.inlines)
            self.unhyphenated = False
            if item.anchor:
                self.bookmark(p, item.anchor)

    def bookmark(self, p, name: str) -> None:
        """A bookmark named `name` around the whole paragraph `p`; ids count up from 0."""
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self._bookmark_id))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self._bookmark_id))
        self._bookmark_id += 1
        ppr = p._p.pPr
        if ppr is not None:
            ppr.addnext(start)
        else:
            p._p.insert(0, start)
        p._p.append(end)

    def _hyphenation(self) -> None:
        """Word's automatic hyphenation on (capitals, i.e. abbreviations, left whole)."""
        settings = self.doc.settings.element
        after = settings.find(qn("w:defaultTabStop"))  # python-docx's template has it; ours follow it
        for tag in ("w:doNotHyphenateCaps", "w:autoHyphenation"):
            after.addnext(OxmlElement(tag))

    def _unstretched_line_breaks(self) -> None:
        """A justified line the author ends with a line break is not stretched to the margin
        (`w:doNotExpandShiftReturn`, which LibreOffice reads too): the PDF and LaTeX editions
        end such a line where its words end."""
        settings = self.doc.settings.element
        compat = settings.find(qn("w:compat"))  # python-docx's template has one
        compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))  # first in the schema's order

    # -- metadata --

    def _core_properties(self) -> None:
        meta = self.edition.document.meta
        props = self.doc.core_properties
        props.title = _property(meta.title_text or "")
        props.author = _property(", ".join(meta.authors))
        udc = f"{self.edition.labels.udc} {meta.udc}" if meta.udc else ""
        props.subject = _property(udc)
        props.keywords = _property(", ".join(meta.keywords))
        props.language = self.lang
        props.comments = ""
        props.category = ""
        props.last_modified_by = COMMENT_AUTHOR
        props.revision = 1
        date = self.edition.date.replace(microsecond=0, tzinfo=None)
        props.created = date
        props.modified = date
        props.last_printed = date


# What follows `w:type` and `w:cols` in a section's properties (ECMA-376, CT_SectPr's sequence).
_SECT_AFTER_COLS = ("w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")
_SECT_AFTER_TYPE = ("w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", *_SECT_AFTER_COLS)
_PPR_TAIL = ("w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_PPR_AFTER_AUTOSPACE = {
    "w:autoSpaceDE": ("w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", *_PPR_TAIL),
    "w:autoSpaceDN": ("w:bidi", "w:adjustRightInd", "w:snapToGrid", *_PPR_TAIL),
}


def _suppress_hyphenation(style) -> None:
    """`w:suppressAutoHyphens` in a paragraph style (titles and headings are not hyphenated)."""
    element = OxmlElement("w:suppressAutoHyphens")
    style.element.get_or_add_pPr().insert_element_before(element, *_PPR_AFTER_AUTOSPACE["w:autoSpaceDE"][:0], "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", *_PPR_AFTER_AUTOSPACE["w:autoSpaceDE"])


def _page_field():
    """A PAGE field (`w:fldSimple`) showing 1 until Word or LibreOffice counts the pages."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    return field


def _spacing(after: int, line: int):
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:before"), "0")
    spacing.set(qn("w:after"), str(after))
    spacing.set(qn("w:line"), str(line))
    spacing.set(qn("w:lineRule"), "auto")
    return spacing


OMML_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


def _close_formula(element, closing: str) -> None:
    """`closing` (`,` `.`) as a last run of the formula's (last) `m:oMath`."""
    formulas = [e for e in element.iter(OMML_NS + "oMath")]
    if not formulas:
        return
    run = etree.SubElement(formulas[-1], OMML_NS + "r")
    etree.SubElement(run, OMML_NS + "t").text = closing


def _sized(table, size_pt: float) -> None:
    """Every run inside `table` (text and formula runs) and every paragraph mark set in
    `size_pt`: a table's size is its own, not a style's, as one table may need a smaller one
    than the others (the mark's size is an empty cell's height)."""
    half_points = str(round(size_pt * 2))
    for p in table.iter(qn("w:p")):
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            ppr = OxmlElement("w:pPr")
            p.insert(0, ppr)
        if ppr.find(qn("w:rPr")) is None:
            mark = OxmlElement("w:rPr")
            _insert_before(ppr, mark, {qn("w:sectPr"), qn("w:pPrChange")})
    for run in [*table.iter(qn("w:r")), *table.iter(qn("m:r"))]:
        if run.find(qn("w:rPr")) is None:
            run.insert(1 if run.tag == qn("m:r") and len(run) and run[0].tag == qn("m:rPr") else 0, OxmlElement("w:rPr"))
    for rpr in table.iter(qn("w:rPr")):
        for tag in ("w:sz", "w:szCs"):
            element = rpr.find(qn(tag))
            if element is None:
                element = OxmlElement(tag)
                _insert_before(rpr, element, _RPR_AFTER_SIZE | ({qn("w:szCs")} if tag == "w:sz" else set()))
            element.set(qn("w:val"), half_points)


def _insert_before(parent, child, later: set[str]) -> None:
    """`child` appended to `parent`, but before its first child whose tag is in `later`."""
    following = next((element for element in parent if element.tag in later), None)
    if following is None:
        parent.append(child)
    else:
        following.addprevious(child)


# The children of w:rPr that come after w:sz and w:szCs (ECMA-376 CT_RPr's order).
_RPR_AFTER_SIZE = {qn(f"w:{tag}") for tag in ("highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")}


def _style(styles, name: str, kind, style_id: str | None = None):
    """The style `name`, added when the template lacks it (with `style_id` when given)."""
    for element in styles.element.style_lst:  # `style.name`, `style.style_id` of each, read directly
        name_element = element.find(qn("w:name"))
        internal = name_element.get(qn("w:val")) if name_element is not None else None
        ui_name = BabelFish.internal2ui(internal) if internal is not None else None
        if ui_name == name or (style_id and element.get(qn("w:styleId")) == style_id):
            return StyleFactory(element)
    style = styles.add_style(name, kind)
    if style_id:
        style.element.set(qn("w:styleId"), style_id)
    if name in _BUILT_IN_NAMES:  # Word knows these names: not custom styles
        style.element.attrib.pop(qn("w:customStyle"), None)
    return style


_BUILT_IN_NAMES = {"Bibliography", "Hyperlink", "annotation text", "annotation reference", "Caption"}


class _Members:
    """A stand-in for python-docx's zip writer that keeps each member's bytes."""

    def __init__(self):
        self.members: dict[str, bytes] = {}

    def write(self, pack_uri, blob: bytes) -> None:
        self.members[pack_uri.membername] = blob

    def close(self) -> None:
        pass


def package_members(document) -> dict[str, bytes]:
    """The members `document.save()` would write, by name, without zipping them: saving
    deflates every part only for `normalize_zip` to inflate and deflate them again.
    This is `OpcPackage.save` with `PackageWriter.write`'s private steps (python-docx 1.2):
    the `docxzip` speed-up; `normalize_zip` after `save` is the plain path, same bytes."""
    from docx.opc.pkgwriter import PackageWriter

    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    parts, writer = package.parts, _Members()
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, parts)
    return writer.members


def normalize_zip(data: bytes) -> bytes:
    """Re-zip a saved package: members in a fixed order, fixed dates and attributes, deflated
    (the plain path, when the `docxzip` speed-up is off)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    return zip_members(members)


def zip_members(members: dict[str, bytes]) -> bytes:
    """A package from its members: in a fixed order, fixed dates and attributes, deflated."""
    order = sorted(members, key=lambda name: (name != "[Content_Types].xml", not name.startswith("_rels/"), name))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, members[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


# OPC core properties hold at most 255 characters (python-docx refuses longer ones); the
# document itself keeps the whole text, the file's properties a shortened one.
_PROPERTY_LIMIT = 255


def _property(text: str) -> str:
    """`text` fit for a core property: XML-safe, cut at a word before 255 characters."""
    text = xml_safe(text)
    if len(text) <= _PROPERTY_LIMIT:
        return text
    cut = text[: _PROPERTY_LIMIT - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > _PROPERTY_LIMIT // 2 else cut).rstrip(" ,;") + "…"


def _no_numbering():
    """`<w:numPr><w:numId w:val="0"/></w:numPr>`: the style's list numbering switched off."""
    num_pr = OxmlElement("w:numPr")
    num_id = OxmlElement("w:numId")
    num_id.set(qn("w:val"), "0")
    num_pr.append(num_id)
    return num_pr
