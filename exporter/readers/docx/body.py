"""Walking a Word document's body XML in order: paragraphs (also those inside content controls,
which `Document.paragraphs` never lists), tables, runs with their formatting, fields, notes
and equations. The result is a flat list of `Para` records holding `Atom`s; `reader` turns
them into blocks.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field, replace

from lxml import etree

from ...model import Image
from ...quoting import OBJECT
from .media import PackageMedia, Unshown, pictures_in, text_boxes
from .numbering import Number, Numbering
from .omml import omml_to_tex, split_word_number
from .symbols import sym_character
from .monospace import CODE_STYLES, is_monospace
from .xml import M, R, W, attr, child

MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
PICTURE_TAGS = (W + "drawing", W + "pict", W + "object", MC_ALTERNATE)

# A formula is one character in the text citations are searched in: a bracket inside it is
# never seen, and offsets after it stay close to what Word's search counts.
MATH_MARK = OBJECT


@dataclass
class Field:
    """A Word field: its instruction and, for the kinds we read, what it stands for."""

    instruction: str
    kind: str = "other"  # csl-citation, csl-bibliography, bibliography, contents, pageref, ref, noteref, hyperlink, seq, macrobutton, other
    items: tuple = ()  # CSL items (each a dict of itemData) for a citation field
    target: str | None = None  # bookmark of REF/NOTEREF; URL of HYPERLINK; identifier of SEQ
    in_result: bool = False
    shown: list = field(default_factory=list)  # a MACROBUTTON's display text, in pieces
    unread: str | None = None  # why its data was not read, when it was not (a DOC001 variant)
    pictures: list = field(default_factory=list)  # pictures in its instruction part (a QUOTE field's), with their run


@dataclass
class Atom:
    """A piece of a paragraph: text with its formatting, a formula, a picture, or a note reference."""

    kind: str  # text, math, image, note
    text: str = ""
    bold: bool = False
    style_bold: bool = False  # bold by the paragraph's style alone: shown, never printed as emphasis
    italic: bool = False
    vert: str | None = None  # superscript / subscript
    link: str | None = None
    code: bool = False  # set in a monospace family or a code style (monospace.py): never read for citations
    cite: Field | None = None  # the citation field (CSL or REF) this text is the result of
    note: tuple[str, str] | None = None  # (footnote|endnote, id)
    tex: str = ""  # a formula's TeX
    omml: str | None = None  # a Word formula's own XML
    display: bool = False  # a formula Word sets on its own line (m:oMathPara)
    number: str | None = None  # a formula's number typed in it by Word's own numbering (`E = mc^2#(1)`)
    image: Image | None = None
    formula: bool = False  # an image that is a formula (an equation object's preview): one character, as a formula
    pieces: list = field(default_factory=list, repr=False)  # text of the runs merged into this one, until the paragraph ends

    @property
    def looks_bold(self) -> bool:
        """Bold on the page: by the run's own formatting or its paragraph's style."""
        return self.bold or self.style_bold

    def close(self) -> None:
        if self.pieces:
            self.text += "".join(self.pieces)
            self.pieces = []

    @property
    def size(self) -> int:
        """Characters it takes in the paragraph's text: a formula one, a picture none."""
        if self.kind == "math" or self.kind == "image" and self.formula:
            return 1
        return 0 if self.kind in ("image", "note") else len(self.text)


@dataclass
class Para:
    style_id: str | None
    style_name: str
    atoms: list[Atom]
    number: Number | None = None
    outline: int | None = None  # 0-based outline level from the paragraph or its style
    centered: bool = False
    size: int | None = None  # largest run font size in half-points, when set
    in_bibliography: bool = False  # inside a bibliography field or content control
    in_contents: bool = False  # a line of the contents or of a list of figures (a TOC field's result, a `toc N` or `table of figures` style, Word's contents block)
    in_cover: bool = False  # a line of Word's cover page block (a content control of the `Cover Pages` gallery)
    in_figure_list: bool = False  # a line of a list of figures or tables (`TOC \\c "Figure"`, the `table of figures` style): in_contents too
    in_table: bool = False
    bookmarks: list[str] = field(default_factory=list)
    element: object = None  # the w:p, for `annotate`
    # (offset in `text`, XML element) where each run's or formula's text starts, for `annotate`
    places: list = field(default_factory=list)
    length: int = 0
    field_texts: list = field(default_factory=list)  # what MACROBUTTON fields show (MathType's equation numbers)
    seq: list = field(default_factory=list)  # identifiers of the SEQ fields it holds (`Figure`, `Таблица`)
    column_breaks: list = field(default_factory=list)  # offsets in `text` of its column breaks (the IEEE template's author blocks side by side)
    mark_hidden: bool = False  # its paragraph mark is hidden (`w:vanish`, Word's style separator): Word shows it run on into the next

    def run_on(self, after: "Para") -> None:
        """`after` read into this paragraph, whose hidden mark joins them on the page (`Рисунок`
        then ` 1 – Схема` with its SEQ field: one caption as Word shows it); offsets shift."""
        shift = self.length
        self.atoms.extend(after.atoms)
        self.places.extend((offset + shift, element) for offset, element in after.places)
        self.column_breaks.extend(offset + shift for offset in after.column_breaks)
        self.length += after.length
        self.bookmarks.extend(after.bookmarks)
        self.field_texts.extend(after.field_texts)
        self.seq.extend(after.seq)
        self.size = max(filter(None, (self.size, after.size)), default=None)
        self.centered = self.centered or after.centered
        self.mark_hidden = after.mark_hidden

    @property
    def text(self) -> str:
        return "".join(a.text if a.kind == "text" else MATH_MARK * a.size for a in self.atoms)


@dataclass
class CellRec:
    paras: list  # its paragraphs (a nested table's in reading order)
    colspan: int = 1
    merge: str | None = None  # vMerge: "restart" starts a cell spanning rows down, "continue" is covered by it


@dataclass
class TableRec:
    rows: list[list[CellRec]]
    header_rows: int
    widths: tuple[float, ...] = ()  # the grid's columns as shares of the table's width


class Styles:
    """Paragraph styles by id: name, base style, numbering, outline level, run properties."""

    def __init__(self, root):
        self.nodes = {}
        self.default_paragraph = None
        self._cache: dict = {}  # (question, style id) -> answer: styles are asked once per paragraph
        self.fixed_pitch: frozenset[str] = frozenset()  # families the font table marks monospace (monospace.py)
        self.defaults_family: str | None = None  # the document default's font (w:docDefaults)
        self.defaults_size: int | None = None
        if root is None:
            return
        defaults = child(child(child(root, "docDefaults"), "rPrDefault"), "rPr")
        fonts = child(defaults, "rFonts")
        self.defaults_family = attr(fonts, "ascii") or attr(fonts, "hAnsi")
        self.defaults_size = _int_or_none(attr(child(defaults, "sz"), "val"))  # half-points
        for style in root.iterchildren(W + "style"):
            sid = attr(style, "styleId")
            if sid is None:
                continue
            self.nodes[sid] = style
            if attr(style, "type") == "paragraph" and attr(style, "default") in ("1", "true"):
                self.default_paragraph = sid

    def name(self, sid: str | None) -> str:
        key = ("name", sid)
        if key not in self._cache:
            self._cache[key] = self._name(sid)
        return self._cache[key]

    def _name(self, sid: str | None) -> str:
        node = self.nodes.get(sid or self.default_paragraph or "")
        return (attr(child(node, "name"), "val") or sid or "") if node is not None else (sid or "")

    def chain(self, sid: str | None):
        """The style and its bases, nearest first (a cycle in a damaged file is cut)."""
        seen = set()
        sid = sid or self.default_paragraph
        while sid and sid in self.nodes and sid not in seen:
            seen.add(sid)
            yield self.nodes[sid]
            sid = attr(child(self.nodes[sid], "basedOn"), "val")

    def ppr_value(self, sid: str | None, path: tuple[str, ...]):
        key = ("ppr", sid, path)
        if key not in self._cache:
            self._cache[key] = self._ppr_value(sid, path)
        return self._cache[key]

    def _ppr_value(self, sid: str | None, path: tuple[str, ...]):
        for node in self.chain(sid):
            target = node.find(W + "pPr")
            for name in path:
                target = child(target, name)
            if target is not None:
                return target
        return None

    def numbering(self, sid: str | None) -> tuple[str | None, int | None]:
        key = ("num", sid)
        if key not in self._cache:
            self._cache[key] = self._numbering(sid)
        return self._cache[key]

    def _numbering(self, sid: str | None) -> tuple[str | None, int | None]:
        for node in self.chain(sid):
            numpr = child(child(node, "pPr"), "numPr")
            if numpr is not None:
                return attr(child(numpr, "numId"), "val"), _int_or_none(attr(child(numpr, "ilvl"), "val"))
        return None, None

    def family(self, sid: str | None) -> str | None:
        """The font family a style (or its bases) names for Latin text; None when none does."""
        key = ("family", sid)
        if key not in self._cache:
            found = None
            for node in self.chain(sid):
                fonts = child(child(node, "rPr"), "rFonts")
                found = attr(fonts, "ascii") or attr(fonts, "hAnsi")
                if found:
                    break
            self._cache[key] = found
        return self._cache[key]

    def code(self, para_sid: str | None, char_sid: str | None, run_family: str | None) -> bool:
        """Whether a run is code: in one of Word's code styles, or in a monospace family while
        the document's body font is not one (a paper typed all in Courier is not all code)."""
        key = ("code", para_sid, char_sid, run_family)
        if key not in self._cache:
            names = {self.name(sid).lower() for sid in (para_sid, char_sid) if sid}
            body = self.family(self.default_paragraph) or self.defaults_family
            family = run_family or (self.family(char_sid) if char_sid else None) or self.family(para_sid) or self.defaults_family
            self._cache[key] = bool(names & CODE_STYLES) or (is_monospace(family, self.fixed_pitch) and not is_monospace(body, self.fixed_pitch))
        return self._cache[key]

    def size(self, sid: str | None) -> float:
        """The type size a paragraph style (or its bases, or the document's defaults) sets, in
        points; Word's 10 pt when none does."""
        key = ("size", sid)
        if key not in self._cache:
            found = next((v for node in self.chain(sid) if (v := _int_or_none(attr(child(child(node, "rPr"), "sz"), "val")))), None)
            self._cache[key] = (found or self.defaults_size or 20) / 2
        return self._cache[key]

    def run_flag(self, sid: str | None, name: str) -> bool | None:
        """A run property's flag (`b`, `i`) as a style or its bases set it; None where none does."""
        key = ("run", sid, name)
        if key not in self._cache:
            self._cache[key] = self._run_flag(sid, name)
        return self._cache[key]

    def _run_flag(self, sid: str | None, name: str) -> bool | None:
        for node in self.chain(sid):
            flag = child(child(node, "rPr"), name)
            if flag is not None:
                return _on(flag)
        return None


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _on(flag) -> bool:
    """A toggle property (`<w:b/>`, `<w:b w:val="0"/>`) is on unless its value says off."""
    return attr(flag, "val") not in ("0", "false", "off", "none")


_CSL = re.compile(r"^\s*ADDIN\s+(?:ZOTERO_ITEM\s+)?CSL_CITATION\s*(\{.*)$", re.S)


def _unshown(ref: Unshown) -> tuple[str, dict]:
    """The DOC001 variant and arguments saying which drawing shows nothing."""
    if ref.what == "linked":
        return "linked-drawing", {}
    if ref.what == "ole":
        return ("ole", {"program": ref.program}) if ref.program else ("ole-bare", {})
    return "drawing", {"drawing": ref.what}


def read_field(instruction: str) -> Field:
    """Classify a field by its instruction: citation managers' fields, Word's cross-references
    and bibliography, hyperlinks; anything else keeps only its shown result."""
    words = instruction.split()
    head = words[0].upper() if words else ""
    if m := _CSL.match(instruction):
        try:
            return Field(instruction, "csl-citation", items=_csl_items(m.group(1)))
        except RecursionError:
            return Field(instruction, "csl-citation", unread="nested-field")
    if "CSL_BIBLIOGRAPHY" in instruction or "ZOTERO_BIBL" in instruction:
        return Field(instruction, "csl-bibliography")
    if head == "BIBLIOGRAPHY":
        return Field(instruction, "bibliography")
    if head == "TOC":  # the contents, or a list of figures or tables (`TOC \\c "Figure"`)
        return Field(instruction, "contents")
    if head == "PAGEREF":
        return Field(instruction, "pageref")
    if head in ("REF", "NOTEREF") and len(words) > 1:
        return Field(instruction, head.lower(), target=words[1])
    if head == "SEQ" and len(words) > 1:
        return Field(instruction, "seq", target=words[1])
    if head == "MACROBUTTON":
        return Field(instruction, "macrobutton")
    if head == "HYPERLINK" and len(words) > 1:
        url = re.search(r'"([^"]*)"', instruction)
        return Field(instruction, "hyperlink", target=url.group(1) if url else words[1])
    return Field(instruction)


def _csl_items(payload: str) -> tuple:
    """The cited items of a CSL citation field's JSON (trailing text after the object ignored;
    RecursionError for JSON nested deeper than Python's decoder goes)."""
    try:
        data, _ = json.JSONDecoder().raw_decode(payload)
    except ValueError:
        return ()
    items = data.get("citationItems") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return ()
    return tuple(item.get("itemData") or {} for item in items if isinstance(item, dict))


def csl_metadata(item: dict) -> tuple[tuple[str, str], ...]:
    """Flat CSL fields of one cited item: title, author, issued, container-title, DOI, URL…"""
    out: list[tuple[str, str]] = []
    if not isinstance(item, dict):
        return ()
    for key in ("type", "title", "container-title", "publisher", "volume", "issue", "page", "DOI", "URL", "ISBN", "ISSN"):
        value = item.get(key)
        if isinstance(value, (str, int)) and str(value).strip():
            out.append((key, str(value)))
    authors = item.get("author")
    if isinstance(authors, list):
        names = []
        for a in authors:
            if isinstance(a, dict):
                name = ", ".join(p for p in (a.get("family"), a.get("given")) if isinstance(p, str) and p) or a.get("literal")
                if isinstance(name, str) and name:
                    names.append(name)
        if names:
            out.append(("author", "; ".join(names)))
    issued = item.get("issued")
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            year = str(parts[0][0])
            if year.strip() not in ("", "0"):
                out.append(("issued", year))
    return tuple(out)


class BodyWalker:
    """One pass over the body in document order; field state carries across paragraphs."""

    def __init__(self, styles: Styles, numbering: Numbering, links: dict[str, str], media: PackageMedia | None = None):
        self.styles = styles
        self.numbering = numbering
        self.links = links  # relationship id -> URL
        self.media = media or PackageMedia(None)
        self.unread: list[tuple[Para, str, dict]] = []  # what was not read, and where: (paragraph, DOC001 variant, its arguments)
        self.fields: list[Field] = []  # open complex fields, outermost first
        self.items: list = []  # Para and TableRec, in order
        self.bookmarks: dict[str, Para] = {}
        self.boxes: list = []  # text boxes met in the paragraph being read, read after it
        self.floating: list = []  # shape drawings anchored in the paragraph being read (placed on the page, not in its line)

    # ---- block level

    def walk_body(self, body) -> list:
        self._blocks(body, self.items, in_bibliography=False)
        return self.items

    def _blocks(self, parent, out: list, in_bibliography: bool, in_table: bool = False) -> None:
        for node in parent.iterchildren():
            tag = node.tag
            if tag == W + "p":
                para = self.paragraph(node, in_bibliography, in_table)
                before = out[-1] if out else None
                if isinstance(before, Para) and before.mark_hidden and not (_apart(before) or _apart(para)):
                    before.run_on(para)  # one paragraph on the page
                    para = before
                else:
                    out.append(para)
                floating, self.floating = self.floating, []
                if floating and para.text.replace(MATH_MARK, "").strip():  # a drawing beside the text: a paragraph of its own after it
                    out.append(Para(para.style_id, para.style_name, floating, in_bibliography=para.in_bibliography, in_table=in_table, element=node))
                elif floating:
                    para.atoms.extend(floating)
                boxes, self.boxes = self.boxes, []
                for box in boxes:  # a text box's paragraphs follow the paragraph it is anchored in
                    self._blocks(box, out, in_bibliography, in_table)
            elif tag == W + "tbl":
                out.append(self.table(node, in_bibliography))
            elif tag == W + "sdt":
                props = node.find(W + "sdtPr")
                biblio = props is not None and (
                    props.find(W + "bibliography") is not None
                    or any(attr(g, "val") == "Bibliographies" for g in props.iter(W + "docPartGallery"))
                )
                content = node.find(W + "sdtContent")
                if content is not None:
                    start = len(out)
                    self._blocks(content, out, in_bibliography or biblio, in_table)
                    _mark_part(props, out[start:])
            elif tag in (W + "customXml", W + "ins", W + "moveTo"):
                self._blocks(node, out, in_bibliography, in_table)
            elif tag == W + "altChunk":
                self._alt_chunk(node, out)

    def _alt_chunk(self, node, out: list) -> None:
        """An embedded HTML/RTF/MHT part Word merges in when it opens the file: not read, said so
        (noted at the paragraph before it)."""
        name = self.media.part_name(node.get(R + "id") or "")
        where = next((p for p in reversed(out) if isinstance(p, Para)), None)
        self.unread.append((where, "altchunk", {"part": name}) if name else (where, "altchunk-missing", {}))

    def table(self, node, in_bibliography: bool) -> TableRec:
        rows: list[list[CellRec]] = []
        header = 0
        for tr in node.iterchildren(W + "tr"):
            cells = []
            row_props = child(tr, "trPr")
            before, after = (min(max(_int_or_none(attr(child(row_props, name), "val")) or 0, 0), MAX_COLUMNS) for name in ("gridBefore", "gridAfter"))
            if before:  # grid columns the row skips before its first cell: an empty cell over them
                cells.append(CellRec([], before))
            for tc in tr.iter(W + "tc"):
                if tc.getparent() is not tr and tc.getparent().tag != W + "sdtContent":
                    continue
                paras: list = []
                self._blocks(tc, paras, in_bibliography, in_table=True)
                props = child(tc, "tcPr")
                span = _int_or_none(attr(child(props, "gridSpan"), "val")) or 1
                merge = child(props, "vMerge")
                merge_kind = None if merge is None else ("restart" if attr(merge, "val") == "restart" else "continue")
                cells.append(CellRec(_flatten(paras), min(max(span, 1), MAX_COLUMNS), merge_kind))
            if after:
                cells.append(CellRec([], after))
            if child(row_props, "tblHeader") is not None and len(rows) == header:
                header += 1
            rows.append(cells)
        return TableRec(rows, header, _grid_widths(child(node, "tblGrid")))

    def paragraph(self, node, in_bibliography: bool, in_table: bool) -> Para:
        ppr = child(node, "pPr")
        sid = attr(child(ppr, "pStyle"), "val") or self.styles.default_paragraph
        para = Para(sid, self.styles.name(sid), [], in_table=in_table, element=node)
        para.number = self._number(ppr, sid)
        outline = child(ppr, "outlineLvl")
        if outline is None:
            outline = self.styles.ppr_value(sid, ("outlineLvl",))
        para.outline = _int_or_none(attr(outline, "val")) if outline is not None else None
        jc = child(ppr, "jc")
        if jc is None:
            jc = self.styles.ppr_value(sid, ("jc",))
        para.centered = attr(jc, "val") == "center"
        mark = child(ppr, "rPr")
        vanish = child(mark, "vanish")
        para.mark_hidden = vanish is not None and _on(vanish) or child(mark, "specVanish") is not None
        self._inline(node, para, fmt={"sid": sid})
        for atom in para.atoms:
            atom.close()
        para.in_bibliography = para.in_bibliography or in_bibliography
        name = para.style_name.lower()
        para.in_contents = para.in_contents or name.startswith("toc ") or name == "table of figures"
        para.in_figure_list = para.in_figure_list or name == "table of figures"
        return para

    def _number(self, ppr, sid) -> Number | None:
        numpr = child(ppr, "numPr")
        num_id = attr(child(numpr, "numId"), "val") if numpr is not None else None
        level = _int_or_none(attr(child(numpr, "ilvl"), "val")) if numpr is not None else None
        if num_id is None:
            num_id, style_level = self.styles.numbering(sid)
            if level is None:
                level = style_level
        if num_id is None:
            return None
        if level is None:
            level = self.numbering.level_of_style(sid) or 0
        return self.numbering.number(num_id, level)

    # ---- inline level

    def _inline(self, parent, para: Para, fmt: dict) -> None:
        for node in parent.iterchildren():
            tag = node.tag
            if tag == W + "r":
                self._run(node, para, fmt)
            elif tag == W + "hyperlink":
                rid = node.get(R + "id")
                url = self.links.get(rid) if rid else None
                if url is None and attr(node, "anchor"):
                    url = None  # an internal jump: its text is ordinary text
                self._inline(node, para, {**fmt, "link": url or fmt.get("link")})
            elif tag == W + "fldSimple":
                f = read_field(attr(node, "instr") or "")
                f.in_result = True
                if f.kind == "seq":
                    para.seq.append(f.target)
                self.fields.append(f)
                self._inline(node, para, fmt)
                self.fields.pop()
            elif tag in (W + "ins", W + "moveTo", W + "smartTag", W + "customXml", W + "dir", W + "bdo"):
                self._inline(node, para, fmt)
            elif tag == W + "sdt":
                content = node.find(W + "sdtContent")
                if content is not None:
                    self._inline(content, para, fmt)
            elif tag in (M + "oMath", M + "oMathPara"):
                self._omml(para, node)
            elif tag == MC_ALTERNATE:
                self._pictures(para, node, node)
            elif tag == W + "bookmarkStart":
                name = attr(node, "name")
                if name:
                    para.bookmarks.append(name)
                    self.bookmarks.setdefault(name, para)

    def _hidden(self) -> bool:
        """Text inside a field's instruction part is never shown; nor a PAGEREF's result (a
        contents line's page number: the source's page, not the edition's)."""
        return any(not f.in_result or f.kind == "pageref" for f in self.fields)

    def _macrobutton(self) -> Field | None:
        """The MACROBUTTON whose display text is being read (MathType writes equation numbers so)."""
        hiding = [f for f in self.fields if not f.in_result]
        return hiding[-1] if hiding and _is_macrobutton(hiding[-1]) else None

    def _citing_field(self) -> Field | None:
        for f in reversed(self.fields):
            if f.kind in ("csl-citation", "ref", "noteref"):
                return f
        return None

    def _flag(self, props: dict, char_style: str | None, name: str) -> bool | None:
        """A run's flag (`b`, `i`): its own setting, else its character style's; None where neither sets it."""
        node = props.get(W + name)
        if node is not None:
            return _on(node)
        return self.styles.run_flag(char_style, name) if char_style else None

    def _run(self, run, para: Para, fmt: dict) -> None:
        first = run[0] if len(run) else None
        props = {node.tag: node for node in first} if first is not None and first.tag == W + "rPr" else {}
        char_style = attr(props.get(W + "rStyle"), "val")
        vert = attr(props.get(W + "vertAlign"), "val")
        size = _int_or_none(attr(props.get(W + "sz"), "val"))
        if size and (para.size is None or size > para.size):
            para.size = size
        link = fmt.get("link")
        for f in reversed(self.fields):
            if f.kind == "hyperlink" and f.in_result:
                link = link or f.target
        fonts = props.get(W + "rFonts")
        code = self.styles.code(para.style_id, char_style, attr(fonts, "ascii") or attr(fonts, "hAnsi"))
        bold = self._flag(props, char_style, "b")
        # the paragraph style's bold, which the page shows where the run sets none (`**Аннотация**`
        # in a bold `Heading 1`): read as type that sets a label apart, never printed as emphasis
        # (the venue styles its paragraphs, as pandoc reads only the runs' own bold)
        style_bold = bold is None and bool(self.styles.run_flag(para.style_id, "b"))
        style = dict(bold=bool(bold), style_bold=style_bold, italic=bool(self._flag(props, char_style, "i")), vert=vert if vert in ("superscript", "subscript") else None, link=link, code=code)
        for node in run.iterchildren():
            tag = node.tag
            if tag == W + "fldChar":
                kind = attr(node, "fldCharType")
                if kind == "begin":
                    self.fields.append(Field(""))
                elif kind == "separate" and self.fields:
                    top = self.fields[-1]
                    parsed = read_field(top.instruction)
                    parsed.in_result = True
                    self.fields[-1] = parsed
                    if parsed.unread:
                        self.unread.append((para, parsed.unread, {}))
                    if parsed.kind == "seq":
                        para.seq.append(parsed.target)
                elif kind == "end" and self.fields:
                    top = self.fields.pop()
                    if not top.in_result and _is_macrobutton(top):
                        para.field_texts.append(macrobutton_text("".join(top.shown)))
                    if not top.in_result and top.pictures and not self._hidden():
                        for picture, element in top.pictures:  # a field with no result shows what it quotes
                            self._pictures(para, picture, element)
            elif tag == W + "instrText":
                if self.fields and not self.fields[-1].in_result:
                    self.fields[-1].instruction += node.text or ""
                    if _is_macrobutton(self.fields[-1]):
                        self.fields[-1].shown.append(node.text or "")
                elif (macro := self._macrobutton()) is not None:
                    # a nested field's result written as instruction text, as MathType writes its
                    # `SEQ MTEqn` number inside the MACROBUTTON: part of what the button shows
                    macro.shown.append(node.text or "")
            elif self._hidden():
                macro = self._macrobutton()
                if macro is not None and tag == W + "t":  # a field's result inside a MACROBUTTON's display text
                    macro.shown.append(node.text or "")
                elif tag in PICTURE_TAGS and not self.fields[-1].in_result:
                    self.fields[-1].pictures.append((node, run))  # shown only if the field has no result of its own
                continue
            elif tag == W + "t":
                self._text(para, node.text or "", style, run)
            elif tag in (W + "tab", W + "ptab"):
                self._text(para, "\t", style, run)
            elif tag in (W + "br", W + "cr"):
                if tag == W + "br" and attr(node, "type") == "column":
                    para.column_breaks.append(para.length)
                self._text(para, "\n", style, run)  # as python-docx shows it; a space in the model's text
            elif tag == W + "noBreakHyphen":
                self._text(para, "-", style, run)
            elif tag == W + "sym":
                self._symbol(para, node, style, run)
            elif tag in (W + "footnoteReference", W + "endnoteReference"):
                kind = "footnote" if tag == W + "footnoteReference" else "endnote"
                para.atoms.append(Atom("note", note=(kind, attr(node, "id") or "")))
            elif tag in PICTURE_TAGS:
                self._pictures(para, node, run)
            elif tag in (M + "oMath", M + "oMathPara"):
                self._omml(para, node, run)

    def _symbol(self, para: Para, node, style: dict, run) -> None:
        """A character inserted from a symbol font (Insert > Symbol): `∈`, `±`, `α`."""
        font, code = attr(node, "font") or "", attr(node, "char") or ""
        character = sym_character(font, code)
        if character is None:
            self.unread.append((para, "symbol", {"font": font, "char": code}))
            return
        self._text(para, character, style, run)

    def _omml(self, para: Para, node, element=None) -> None:
        """A Word formula (each `m:oMath` of an `m:oMathPara` is one, set on its own line)."""
        formulas = list(node.iterchildren(M + "oMath")) if node.tag == M + "oMathPara" else [node]
        for formula in formulas:
            if not "".join(formula.itertext()).strip():
                if next(formula.iter(W + "br", W + "cr"), None) is not None:  # a formula holding only a line break: Word breaks the line there
                    self._text(para, "\n", dict(bold=False, style_bold=False, italic=False, vert=None, link=None, code=False), element if element is not None else node)
                continue  # an empty formula shows nothing
            number = None
            if (numbered := split_word_number(formula)) is not None:
                formula, number = numbered
            omml = etree.tostring(formula, encoding="unicode")
            atom = Atom("math", _math_text(formula), tex=omml_to_tex(formula), omml=omml, display=node.tag == M + "oMathPara", number=number)
            self._add_formula(para, atom, element if element is not None else node)

    def _add_formula(self, para: Para, atom: Atom, element) -> None:
        if atom.size:
            para.places.append((para.length, element))
            para.length += atom.size
        para.atoms.append(atom)

    def _pictures(self, para: Para, node, element) -> None:
        """Pictures of a drawing, VML shape or OLE object; an equation object's preview is one
        character of text, as a formula is; a drawing with nothing to show is noted."""
        self.boxes.extend(text_boxes(node))
        for ref in pictures_in(node):
            if isinstance(ref, Unshown):
                self.unread.append((para, *_unshown(ref)))
                continue
            image = self.media.image(ref)
            if image is None and self.media.part is not None:
                self.unread.append((para, "picture", {"relationship": ref.rid}))
                continue  # (without a package, as `annotate` walks, the atom still holds its place)
            if image is not None and (lowered := _lowered(element)):
                image = replace(image, lowered=lowered)
            if image is not None and ref.kind == "equation":  # its preview is drawn in the text's type
                image = replace(image, type_size=_run_size(element) or self.styles.size(para.style_id))
            if ref.kind == "drawing" and ref.anchored:
                self.floating.append(Atom("image", image=image))
                continue
            self._add_formula(para, Atom("image", image=image, formula=ref.kind == "equation"), element)

    def _text(self, para: Para, text: str, style: dict, run) -> None:
        if not text:
            return
        if not para.places or para.places[-1][1] is not run:
            para.places.append((para.length, run))
        para.length += len(text)
        cite = self._citing_field()
        if any(f.kind in ("bibliography", "csl-bibliography") and f.in_result for f in self.fields):
            para.in_bibliography = True
        if any(f.kind == "contents" and f.in_result for f in self.fields):
            para.in_contents = True
            para.in_figure_list = para.in_figure_list or any(f.kind == "contents" and f.in_result and re.search(r"\\[ca]\b", f.instruction) for f in self.fields)
        last = para.atoms[-1] if para.atoms else None
        if last is not None and last.kind == "text" and last.cite is cite and (last.bold, last.style_bold, last.italic, last.vert, last.link, last.code) == tuple(style[k] for k in ("bold", "style_bold", "italic", "vert", "link", "code")):
            last.pieces.append(text)  # joined once the paragraph ends: `+=` here was quadratic in its runs
            return
        para.atoms.append(Atom("text", text, cite=cite, **style))


def _mark_part(props, items: list) -> None:
    """The paragraphs of one of Word's building blocks marked by its gallery: the contents
    (`Table of Contents`: its heading too, outside the TOC field) and the cover page (`Cover
    Pages`: the title page's lines, signatures, city and year)."""
    galleries = {attr(g, "val") for g in props.iter(W + "docPartGallery")} if props is not None else set()
    for item in items:
        if isinstance(item, Para):
            item.in_contents = item.in_contents or "Table of Contents" in galleries
            item.in_cover = item.in_cover or "Cover Pages" in galleries


def _apart(para: Para) -> bool:
    """A paragraph a hidden mark does not run on: a heading's (a run-in heading stays a
    heading), a formula's, or a formula's number alone (`(2.12)`: read into the formula)."""
    text = para.text.strip()
    return para.outline is not None or any(a.kind == "math" for a in para.atoms) or text.startswith("(") and text.endswith(")") and len(text) <= 12


def _run_size(run) -> float | None:
    """The type size a run sets itself (`w:sz`, half-points), in points."""
    if run is None or run.tag != W + "r":
        return None
    value = _int_or_none(attr(run.find(f"{W}rPr/{W}sz"), "val"))
    return value / 2 if value else None


def text_sizes(para: Para) -> list[float | None]:
    """The type size each run of the paragraph with visible text sets itself (`w:sz`, in
    points), None for a run that takes its size from a style."""
    runs = [element for _, element in para.places if element is not None and element.tag == W + "r"]
    return [_run_size(run) for run in runs if "".join(t.text or "" for t in run.iter(W + "t")).strip()]


def _lowered(run) -> float:
    """How far below the baseline the run sets what it holds, in points (its `w:position`, in
    half-points, up when positive): MathType sets it on its formula's run so the preview's
    baseline meets the text's. 0 for a run that sets none or an element that is no run."""
    if run is None or run.tag != W + "r":
        return 0.0
    value = _int_or_none(attr(run.find(f"{W}rPr/{W}position"), "val"))
    return -value / 2 if value else 0.0


MAX_COLUMNS = 1000  # Word's grid holds at most 63 columns; a larger span is damage


def _grid_widths(grid) -> tuple[float, ...]:
    """`w:gridCol` widths as shares of their sum; none when any is missing or zero."""
    if grid is None:
        return ()
    widths = [_int_or_none(attr(col, "w")) for col in grid.iterchildren(W + "gridCol")]
    if not widths or len(widths) > MAX_COLUMNS or any(w is None or w <= 0 for w in widths):
        return ()
    total = sum(widths)
    return tuple(round(w / total, 4) for w in widths)


def _is_macrobutton(f: Field) -> bool:
    return f.instruction.lstrip()[:11].upper() == "MACROBUTTON"


def macrobutton_text(instruction: str) -> str:
    """What a MACROBUTTON shows: its instruction after the macro's name, switches dropped."""
    words = instruction.split()[2:]
    shown = []
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word.startswith("\\"):
            skip = word in ("\\*", "\\#", "\\@")
        else:
            shown.append(word)
    return "".join(shown)


def _flatten(items: list) -> list[Para]:
    """Paragraphs of a cell, a nested table's paragraphs in reading order."""
    out = []
    for item in items:
        if isinstance(item, TableRec):
            for row in item.rows:
                for cell in row:
                    out.extend(cell.paras)
        else:
            out.append(item)
    return out


def _math_text(node) -> str:
    """A formula's characters; the invisible operators OMML keeps (U+2061 function application…) dropped."""
    text = "".join(t.text or "" for t in node.iter(M + "t"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return text


