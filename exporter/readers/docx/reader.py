"""The DOCX reader: a Word manuscript into the document model.

Positions: `¶n` is the n-th paragraph of the body that holds text, counted as Word lays the
body out — paragraphs inside content controls count in their place, empty paragraphs and
paragraphs holding only a formula or a picture do not; a table's cells carry the number of the
last counted paragraph before the table. Columns count characters of the paragraph's visible
text, tracked changes accepted (a tab, a line break and a whole formula are one character
each; for ordinary paragraphs this is python-docx's text).
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass, replace

from ...citations import MAX_LABELS, Joined, cited_numbers, find_citations, inlines_of
from ...crossrefs import crossrefs_of
from ...diagnostics import Diagnostic, InputError
from ...language import detect_language
from ...model import (
    BulletList, Cell, Citation, Code, CodeBlock, CrossRef, Document, Emph, Entry, Footnote, Heading, LineBreak, Link, ListItem, Math, Meta,
    Paragraph, Quote, Span, Strong, Subscript, Superscript, Table, Text, cut_inlines, map_run, plain_text,
)
from ...quoting import context_at
from ...references.ownlist import (
    REFERENCES_HEADING,
    author_date_opening,
    ends_list,
    keyed_by_alpha_labels,
    is_list_subheading,
    is_numbered_list_part,
    looks_like_reference,
    reads_as_author_date_list,
    reads_as_list_heading,
    reads_as_reference,
)
from ..plaintext.frontmatter import (
    ABSTRACT, AUTHOR_LABEL, BARE_ABSTRACT_LABEL, CONTENTS_HEADING, EMAIL, IRSTI, KEYWORDS, SUPERVISOR, TITLE_LABEL, UDC, WORK_KIND, WORK_VOLUME, affiliation_entries, supervisor_after, supervisor_below, is_institution, is_name, is_place, is_role, is_rubric, names_venue,
    is_title_line, names_affiliation, names_institution, opens_with_institution, script, split_authors, trailing_name, without_position,
)
from ..plaintext.roles.features import Layout, LineItem
from ..plaintext.sections import is_section_name
from ..plaintext.roles import loaded_names
from ..plaintext.titleblock import apart_from_title, emails_in, judge_authors, judge_title, known_names, propose
from ..plaintext.titlepage import cover_end, cover_supervisor, names_person, others_named, read_title_page
from ..translations import may_be_title, translated, translation
from .body import MATH_MARK, Atom, BodyWalker, Para, Styles, TableRec, csl_metadata
from .captions import number_things
from .figures import Source, arrange
from .headings import CONTENTS_LINE, running_text, section_headings
from .media import PackageMedia
from .monospace import fixed_pitch_families
from .numbering import Numbering
from .package import read_package
from .xml import W, parse

_RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_RT_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
_RT_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
# A form's labelled line: a label of one or two words written with a capital, a colon, its value
# (`Тематика: Информатика`, `Учреждение: г. Тверь, МБОУ СОШ №5`).
_FORM_FIELD = re.compile(r"^[^\W\d_][^\W\d_-]*(?:\s[^\W\d_]+)?\s*:\s*\S")
_BARE_NUMBERS = re.compile(r"\d{1,4}(?:\s*[,;–-]\s*\d{1,4})*")
# A number typed before a paragraph's text: `[1]`, `1.`, `1)`, or `1` and a tab (citeproc's numeric
# styles as pandoc writes them to Word: `1<tab>Family AB, …`, no Word numbering).
_TYPED_LABEL = re.compile(r"^\s*(?:\[(\d{1,6})\]|(\d{1,6})[.)]|(\d{1,6}) ?\t)\s*(?=\S)")
_TYPED_TWICE = re.compile(r"^\s*(?:\[(\d{1,6})\]|(\d{1,6})[.)])\s")  # a typed number, then a space: not `1.5 mm`
_SECTION_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.)\s+")


def _damage(data: bytes) -> str | None:
    """Which XML part of the package is not well-formed XML, and where (`word/header2.xml, line
    2, column 3288`: a bare `&` in a header), as the one-line refusal says it; None when every
    part parses (the damage is elsewhere)."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                try:
                    etree.fromstring(archive.read(name), etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
                except etree.XMLSyntaxError as exc:
                    line, column = exc.position
                    return f"is not a readable Word document: its part {name} is not well-formed XML at line {line}, column {column} ({exc.msg.split(',')[0]}); Word would offer to repair it"
    return None


def _open(path: str):
    """python-docx's view of the package (parts, relationships, styles) and the body element,
    parsed again from the part's bytes as plain lxml: walking python-docx's element classes
    costs several times more per node."""
    import zipfile

    import docx

    data = read_package(path)
    try:
        document = docx.Document(io.BytesIO(data))
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = parse(archive.read(str(document.part.partname).lstrip("/")))
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged package
        raise InputError(path, _damage(data) or f"is not a readable Word document ({type(exc).__name__}: {' '.join(str(exc).split())[:120]})") from None
    from .xml import W

    body = root.find(W + "body")
    if body is None:
        raise InputError(path, "has no document body")
    return document, body


def _note_part(document, reltype: str):
    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part
    return None


def _links(document) -> dict[str, str]:
    return {rid: rel.target_ref for rid, rel in document.part.rels.items() if rel.reltype == _RT_HYPERLINK}


def _notes(document, walker_factory) -> dict[tuple[str, str], list[Para]]:
    """Footnote and endnote paragraphs by (kind, id)."""
    from .xml import W, attr

    out: dict[tuple[str, str], list[Para]] = {}
    for kind, reltype in (("footnote", _RT_FOOTNOTES), ("endnote", _RT_ENDNOTES)):
        part = _note_part(document, reltype)
        if part is None:
            continue
        media = PackageMedia(part)
        for note in parse(part.blob).iterchildren(W + kind):
            if attr(note, "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            walker = walker_factory(media)
            out[(kind, attr(note, "id") or "")] = [p for p in walker.walk_body(note) if isinstance(p, Para)]
    return out


class _Builder:
    """Turns Para records into inlines with citations, keeping the findings' places."""

    def __init__(self, path: str, notes_by_id, notes: list[Diagnostic], targets: dict | None = None):
        self.path = path
        self.targets = targets or {}  # bookmark -> (kind, number, label) of captions and numbered equations
        self.notes_by_id = notes_by_id
        self.notes = notes
        self.budget = [MAX_LABELS]
        self.labels: frozenset[str] = frozenset()  # the list's alphabetic labels (`Köt16`), once it is read
        self.field_items: dict[str, tuple[dict, Span]] = {}  # label -> (CSL item, first citation's span)
        self.entries: int | None = None  # the size of the paper's own list, once read (the body is read after it)

    def inlines(self, para: Para, number: int, note_column: int | None = None) -> tuple:
        # Code is blanked out (same length, so offsets hold): a bracket in code is never a citation.
        text = "".join(MATH_MARK * len(a.text) if a.kind == "text" and a.code else a.text if a.kind == "text" else MATH_MARK * a.size for a in para.atoms)
        if note_column is None:
            joined = Joined(text, [0], [(number, 1)], (number, len(text) + 1))
        else:  # a note's citations are placed at its reference mark in the body paragraph
            joined = Joined(text, list(range(max(len(text), 1))), [(number, note_column)] * max(len(text), 1), (number, note_column + 1))
        before = len(self.notes)
        flat = inlines_of(joined, self.path, self.notes, self.budget, self.entries, labels=self.labels)
        if not para.in_contents:  # a contents line names figures and tables, never refers to or numbers them
            flat = crossrefs_of(flat, joined)
        for i in range(before, len(self.notes)):
            d = self.notes[i]
            offset = d.column - 1 if note_column is None else 0
            self.notes[i] = replace(d, paragraph=number, line=number, context=context_at(para.text, offset))
        cites = []
        offset = 0
        for node in flat:  # citations and cross-references, placed over the runs below
            size = len(node.raw) if isinstance(node, (Citation, CrossRef)) else len(node.text)
            if isinstance(node, (Citation, CrossRef)):
                span = replace(node.span, paragraph=number, line=number, end_line=number)
                cites.append((offset, offset + size, replace(node, span=span)))
            offset += size
        cites = sorted(cites + self._bare_field_citations(para, cites, joined, number), key=lambda c: c[0])
        return _edge_breaks_as_spaces(self._overlay(para, cites, number))

    def _bare_field_citations(self, para: Para, cites, joined: Joined, number: int):
        """A citation field whose result is bare numbers (`1`, `2, 5`, `3–6`, often superscript)
        is a citation all the same: the citation manager says so."""
        out = []
        pos = 0
        text = para.text
        runs: list[tuple[int, int, object]] = []  # (start, end, field) of each field's result text
        for atom in para.atoms:
            size = atom.size
            if atom.kind == "text" and atom.cite is not None and atom.cite.kind == "csl-citation":
                if runs and runs[-1][2] is atom.cite and runs[-1][1] == pos:
                    runs[-1] = (runs[-1][0], pos + size, atom.cite)
                else:
                    runs.append((pos, pos + size, atom.cite))
            pos += size
        for start, end, _ in runs:
            raw = text[start:end]
            lead = len(raw) - len(raw.lstrip())
            raw = raw.strip()
            if not _BARE_NUMBERS.fullmatch(raw) or any(c[0] < end and start < c[1] for c in cites):
                continue
            found, _ = find_citations(f"[{raw}]")
            if not found:
                continue
            a = start + lead
            refs = tuple(replace(r, start=r.start - 1 if r.start is not None else None, end=r.end - 1 if r.end is not None else None,
                                 item_start=r.item_start - 1 if r.item_start is not None else None, item_end=r.item_end - 1 if r.item_end is not None else None)
                         for r in found[0].refs)
            span = replace(joined.span(a, a + len(raw)), paragraph=number, line=number, end_line=number)
            out.append((a, a + len(raw), Citation(raw, refs, span)))
        return out

    def _overlay(self, para: Para, cites, number: int):
        """The paragraph's atoms with their formatting, cut where citations stand."""
        out = []
        pos = 0
        ci = 0
        cites, covered = self._refs_in_crossrefs(para, cites)
        text = para.text  # built once: per atom it made reading quadratic in the runs of a paragraph
        kept = {i for i, ch in enumerate(text) if ch == "\n" and ends_a_line(text, i)}
        for atom in para.atoms:
            if atom.kind == "note":
                note = self.notes_by_id.get(atom.note, [])
                inner: list = []
                for i, p in enumerate(note):
                    if i and inner:
                        inner.append(Text(" "))
                    inner.extend(self.inlines(p, number, note_column=pos + 1))
                if inner and isinstance(inner[0], Text):  # Word puts a space after the note mark
                    inner[0] = Text(inner[0].text.lstrip())
                out.append(Footnote(tuple(inner)))
                continue
            if atom.kind == "math":
                out.append(Math(atom.tex, display=atom.display, omml=atom.omml))
                pos += 1
                continue
            if atom.kind == "image":
                if atom.image is not None:
                    out.append(atom.image)
                pos += atom.size
                continue
            start, end = pos, pos + len(atom.text)
            if atom.code and atom.text:  # code as written, in its own node
                out.append(_wrap(Code(atom.text.replace("\n", " ").replace("\t", " "), Span(number, start + 1, number, end + 1, paragraph=number)), atom))
                pos = end
                continue
            if atom.cite is not None and atom.cite.kind == "ref" and atom.cite.target in self.targets and atom.text.strip() and start not in covered:
                out.append(self._cross_ref(atom, start, number))
                pos = end
                continue
            cur = start
            while cur < end:
                while ci < len(cites) and cites[ci][1] <= cur:
                    if cites[ci][0] == cites[ci][1] == cur:  # a number a range implies (`рис. 8–10`: 9)
                        out.append(cites[ci][2])
                    ci += 1
                if ci < len(cites) and cites[ci][0] <= cur:
                    c_start, c_end, cite = cites[ci]
                    if c_start == cur:
                        if c_end <= end:
                            out.append(_wrap(_with_metadata(cite, atom, self.field_items), atom))
                        else:
                            out.append(_with_metadata(cite, atom, self.field_items))
                    cur = min(end, c_end)
                    continue
                stop = min(end, cites[ci][0]) if ci < len(cites) else end
                out.extend(_lines_of(text[cur:stop].replace("\t", " "), atom, cur, kept))
                cur = stop
            pos = end
        return out


    def _refs_in_crossrefs(self, para: Para, cites) -> tuple[list, set[int]]:
        """`cites` with each cross-reference found in the text (`на рисунке 1`) that ends over a
        REF field's result (the `1` Word shows for a caption's bookmark) pointed at that field's
        target, and the starts of those fields' results: the text's cross-reference stands for
        them (the field's own had printed its number a second time: `на рисунке 11`)."""
        covered: set[int] = set()
        pos = 0
        out = list(cites)
        for atom in para.atoms:
            if atom.kind == "text" and atom.cite is not None and atom.cite.kind == "ref" and atom.cite.target in self.targets:
                for k, (a, b, cite) in enumerate(out):
                    if isinstance(cite, CrossRef) and a < pos and pos + len(atom.text.rstrip()) <= b:
                        out[k] = (a, b, replace(cite, target=self.targets[atom.cite.target][2]))
                        covered.add(pos)
            pos += atom.size
        return out, covered

    def _cross_ref(self, atom: Atom, start: int, number: int) -> CrossRef:
        """A Word REF field's result pointing at a caption's or an equation's bookmark."""
        kind, target_number, label = self.targets[atom.cite.target]
        shown = re.search(r"\d+(?:[.\-]\d+)*[a-zа-я]?", atom.text)
        span = Span(number, start + 1, number, start + len(atom.text) + 1, paragraph=number)
        return CrossRef(atom.text, kind, shown.group(0) if shown else (target_number or ""), span, target=label)


def _blank(node) -> bool:
    """Spaces only (plain or formatted), and no line break."""
    return isinstance(node, (Text, Strong, Emph, Superscript, Subscript)) and not plain_text((node,)).strip()


def _edge_breaks_as_spaces(out: list) -> tuple:
    """A paragraph's inlines with the line breaks that end no line as spaces: those before its
    text and after it, and all but the first of breaks in a row (empty lines typed to space
    the author's page) — one character each still, so offsets into the paragraph's text hold."""
    for order in (range(len(out)), range(len(out) - 1, -1, -1)):
        for k in order:
            if isinstance(out[k], LineBreak):
                out[k] = Text(" ")
            elif not _blank(out[k]):
                break
    after_break = False
    for k, node in enumerate(out):
        if isinstance(node, LineBreak) and after_break:
            out[k] = Text(" ")
        elif not _blank(node):
            after_break = isinstance(node, LineBreak)
    return tuple(out)


# What ends a line of its own before a break: a sentence's or a clause's end (`… кг;`, `Адрес:`).
_LINE_END = re.compile(r"[.:;!?…][)\]»”\"']*$")


def ends_a_line(text: str, at: int) -> bool:
    """The line break at `text[at]` ends a line the author meant (an affiliation, a legend's
    line, a list's item): the text before it ends with a sentence's or clause's mark, or the
    text after it does not go on the sentence. A break inside a sentence, before its next word
    in small letters, a bracket or a dash (`простой` / `в использовании`, `компонентов` /
    `(см. Рисунок 1)`, set so a preposition or a bracket would not end the author's line),
    fitted the author's own page only: a space in any other."""
    after = text[at + 1 :].lstrip(" \t\n")
    before = text[:at].rstrip(" \t")
    goes_on = after[:1].islower() or after[:1] in ("(", "[", "–", "—")
    return not goes_on or bool(_LINE_END.search(before))


def _lines_of(piece: str, atom: Atom, start: int, kept: set[int]) -> list:
    """A piece of a run's text from offset `start` of its paragraph, its line breaks (`w:br`)
    at the offsets in `kept` as `LineBreak` nodes, the others as spaces (one character each,
    as the offsets into the paragraph's text count)."""
    out: list = []
    line_start = 0
    for j, ch in enumerate(piece):
        if ch == "\n" and start + j in kept:
            if j > line_start:
                out.append(_wrap(Text(piece[line_start:j].replace("\n", " ")), atom))
            out.append(LineBreak())
            line_start = j + 1
    if len(piece) > line_start:
        out.append(_wrap(Text(piece[line_start:].replace("\n", " ")), atom))
    return out


def _wrap(node, atom: Atom):
    if atom.vert == "superscript":
        node = Superscript((node,))
    elif atom.vert == "subscript":
        node = Subscript((node,))
    if atom.italic:
        node = Emph((node,))
    if atom.bold:
        node = Strong((node,))
    if atom.link:
        node = Link(atom.link, (node,))
    return node


def _with_metadata(cite: Citation, atom: Atom, seen: dict | None = None) -> Citation:
    """A citation written by Zotero or Mendeley carries each cited item's CSL fields (the
    items pair with the labels in order; one item goes with every label)."""
    field = atom.cite
    if field is None or field.kind != "csl-citation" or not field.items or not isinstance(cite, Citation):
        return cite
    items = field.items
    refs = []
    for i, ref in enumerate(cite.refs):
        item = items[i] if len(items) == len(cite.refs) else items[0] if len(items) == 1 else None
        refs.append(replace(ref, metadata=csl_metadata(item)) if item is not None else ref)
        if item is not None and seen is not None and ref.label.isdecimal():
            seen.setdefault(ref.label, (item, cite.span))
    return replace(cite, refs=tuple(refs))


def field_entries(field_items: dict) -> list[Entry]:
    """Entries made from the citation fields' own data when the paper has no list of its
    own (a Zotero or Mendeley paper whose bibliography was never inserted): one per numeric
    label, numbered by it, origin "field". Nothing is made up: every field is the item's."""
    from ...references.csljson import item_fields
    from ...references.csljson import RecordError

    entries = []
    for label in sorted(field_items, key=int):
        item, span = field_items[label]
        try:
            _, entry_type, fields = item_fields(item)
        except RecordError:
            continue
        parts = [fields.get("author"), fields.get("title"), fields.get("journal") or fields.get("booktitle") or fields.get("publisher"), fields.get("year"), fields.get("doi") or fields.get("url")]
        text = ". ".join(p.strip().rstrip(".") for p in parts if p and p.strip())
        entries.append(Entry(key=label, number=int(label), span=span, entry_type=entry_type, fields=tuple(fields.items()), text=text + "." if text else "", origin="field"))
    return entries


# ---- front matter ---------------------------------------------------------------------------


def _is_heading_style(para: Para) -> bool:
    return para.outline is not None and 0 <= para.outline < 9


def _heading_level(para: Para) -> int | None:
    """The level of a paragraph's heading style or outline level; none for running text set in
    one (`running_text`)."""
    if running_text(para):
        return None
    name = para.style_name.lower()
    if m := re.fullmatch(r"heading\s*(\d)", name):
        return int(m.group(1))
    if _is_heading_style(para):
        return para.outline + 1
    return None


def _is_heading(para: Para) -> bool:
    """A heading holds text: an empty paragraph left in a heading style (a blank line typed
    after `Литература` that kept its outline level) heads nothing."""
    return _heading_level(para) is not None and bool(para.text.replace(MATH_MARK, "").strip())


def _body_heading_level(para: Para, typed: int | None, captions: dict) -> int | None:
    """A body paragraph's heading level: its heading style's, else one made without a style
    (`typed`); none for a caption's label in a style with an outline level only (APA's
    `FigureTitle`: `Figure 1`)."""
    level = _heading_level(para) or typed
    caption = captions.get(id(para))
    if level is not None and caption is not None and not caption.weak and not re.fullmatch(r"heading\s*\d", para.style_name.lower()):
        return None
    return level


def _bold_all(para: Para, shown: bool = True) -> bool:
    """Every word of the paragraph bold on the page (`shown`: by its runs or its style), or by
    its runs' own formatting (as the line-role model's training data read Word's bold)."""
    texts = [a for a in para.atoms if a.kind == "text" and a.text.strip()]
    return bool(texts) and all(a.looks_bold if shown else a.bold for a in texts)


def _clean_name(text: str) -> str:
    """An author line without affiliation marks, e-mails and roles: `Sobic1,` -> `Sobic,`; a
    name's transliteration in brackets and the letter marking its affiliation after them
    (`Кумсков Михаил Иванович (Kumskov Mikhail Ivanovich)a, *`) are the same person's, dropped."""
    text = re.sub(r"\S+@\S+", " ", text)
    text = re.sub(r"\s*\(([^()]{3,80})\)[a-h]?(?=[\s,;*]|$)", lambda m: "" if is_name(" ".join(m[1].split())) else m[0], text)
    text = re.sub(r"(?<=[^\W\d_])\d+(?:[-–,]\d+)*\b|[*†‡]", "", text)  # `Владимирович2-4`, `Smith1,2`: marks of several affiliations
    text = re.sub(r"(?<=[^\W\d_]{2})\.\s*$", "", text.strip(" ,;"))  # the line's full stop after a whole word (`…, А.И. Васильев.`), never an initial's
    return " ".join(text.split()).strip(" ,;")


def _author_names(text: str) -> list[str]:
    """The names of a by-line, each piece's name without a class or group after it
    (`Ошаров Александр Андреевич 10П`); [] when its first piece names nobody (an institution's
    name in two capitalised words, `Софийски Университет`, names nobody)."""
    names = []
    for part in split_authors(without_position(_clean_name(text))):  # `Студ. М.Н. Сивак`: the position is not the name's
        part = re.sub(r"(?:\s+\S*\d\S*)+$", "", part)
        if is_name(part) and not is_institution(part):  # `Софийски Университет`: two capitalised words, an institution's
            names.append(part)
        elif names or not part:
            continue
        else:
            return []
    return names


def _label_form(text: str) -> str:
    """Labelled fields as matched: an em dash after a label (`Keywords—`, `Abstract——`) read as a dash."""
    return text.replace("—", "–")


def _keywords_next(region: list[Para], i: int) -> bool:
    """Whether the next paragraph with text after `i` is labelled keywords: a long paragraph
    just above them is the abstract printed without its label, not the body's first one."""
    following = next((p for p in region[i + 1:] if p.text.strip()), None)
    return following is not None and KEYWORDS.match(_label_form(" ".join(following.text.split()))) is not None


def _looks_like_authors(line: str) -> bool:
    """A line of names; a line in capitals without initials (`УСТРОЙСТВА ХРАНЕНИЯ ДАННЫХ`)
    is read as a title, since names in a by-line carry initials or mixed case."""
    names = _author_names(line)
    if not names:
        return False
    return not (is_title_line(line) and len(line.split()) >= 3 and not re.search(r"(?<!\w)\w\.", line))


def _names_first(para: Para, text: str) -> bool:
    """A by-line paragraph: a line of names, or names on the first of lines broken by hand with
    the position and institution under them (`Новикова Полина Витальевна` / `студент, кафедра …`)."""
    head = " ".join(para.text.split("\n")[0].split())
    return len(text) < 200 and _looks_like_authors(text) or head != text and len(head) < 200 and _looks_like_authors(head)


def _one_line(inlines: tuple) -> tuple:
    """A title's inlines with its line breaks as spaces: a title broken by hand over lines
    (`… АУТЕНТИФИКАЦИИ:` / `ОБЗОР, АНАЛИЗ …`) is one title, and the venue sets its lines."""
    return map_run(lambda node: Text(" ") if isinstance(node, LineBreak) else node, inlines)


def _bold_bare_label(para: Para, text: str) -> re.Match | None:
    """An abstract's label in bold with no mark after it, its text after a space in another face
    (`**Аннотация** В данной работе …`), read as `ABSTRACT` reads `Аннотация: …`; None where the
    label's word is not set apart so (`Abstract algebra …` in one face)."""
    m = BARE_ABSTRACT_LABEL.match(text)
    texts = [a for a in para.atoms if a.kind == "text" and a.text.strip()]
    bold = "".join(a.text for a in itertools.takewhile(lambda a: a.looks_bold, texts))
    if m is None or not bold or len(bold) >= len("".join(a.text for a in texts)):
        return None
    return m if " ".join(bold.split()) == " ".join(text[: m.start("value")].split()) else None


def _after_label(inlines: tuple, label: re.Pattern = ABSTRACT) -> tuple:
    """A paragraph's inlines after its label (`Abstract— `, `Аннотация: `; `Тема: ` with `TITLE_LABEL`)."""
    text = _label_form(plain_text(inlines).replace("\n", " ").replace("\t", " "))
    m = label.match(text.lstrip())
    if m is None or m["value"] is None:
        return inlines
    start = len(text) - len(text.lstrip()) + m.start("value")
    start += len(m["value"]) - len(m["value"].lstrip("–-: "))
    return cut_inlines(inlines, start)


def _without_superscripts(para: Para) -> str:
    """A paragraph's text with superscript marks (`Sobic¹`, `¹radomir@…`) set apart by a space."""
    return " ".join("".join(f" {a.text} " if a.vert == "superscript" else a.text for a in para.atoms if a.kind == "text").split())


FRONT_PARAGRAPHS = 30  # the front matter stands among the first paragraphs
# Paragraph styles named for a title block's parts, in our languages and Word's French one
# (`Название доклада`, `Titre`, `Авторы`, `Адреса`); a caption's style (`Название таблицы`) is not.
_TITLE_STYLE = re.compile(r"title|titre|название|заглавие|тақырып", re.IGNORECASE)
_NOT_TITLE_STYLE = re.compile(r"sub|подзагол|таблиц|рисун|figure|table|caption|подпис", re.IGNORECASE)
_AUTHOR_STYLE = re.compile(r"author|автор", re.IGNORECASE)
_AFFILIATION_STYLE = re.compile(r"affiliation|адрес|организац", re.IGNORECASE)


def _title_style(para: Para) -> bool:
    return _TITLE_STYLE.search(para.style_name) is not None and _NOT_TITLE_STYLE.search(para.style_name) is None


def _set_alike(first: Para, other: Para) -> bool:
    """Whether `other` is set as `first` is (style, size, bold, centring): a title set in two
    paragraphs keeps its setting, so a paragraph set otherwise under it (a by-line in plain
    type under a bold title, the text under a heading) does not go on the title."""
    return (first.style_name, first.size, _bold_all(first), first.centered) == (other.style_name, other.size, _bold_all(other), other.centered)


def _by_line_note(text: str) -> bool:
    """A line a by-line block holds under a name: a position (`Аспирант`, `Senior Lecturer`;
    any line of two words or fewer not in capitals), an institution, a place or an e-mail."""
    return is_role(text) or is_institution(text) or is_place(text) or EMAIL.search(text) is not None or len(text.split()) <= 2 and not is_title_line(text)


def front_items(paras: list[Para]) -> list[LineItem]:
    """The first paragraphs as the line-role classifier reads them: text (up to its first line
    break), and as layout the size over the body's, bold, centring and the style's name."""
    region = paras[: FRONT_PARAGRAPHS + 10]
    sizes = sorted(p.size for p in region if p.size)
    body = sizes[len(sizes) // 2] if sizes else None
    largest = sizes[-1] if sizes else None
    items = []
    for p in region:
        text = " ".join(p.text.replace(MATH_MARK, " ").split("\n")[0].split())
        size = p.size / body if p.size and body else 1.0
        layout = Layout(size, _bold_all(p, shown=False), p.centered, 0.0, bool(p.size) and p.size == largest and largest != body, p.style_name.lower())
        items.append(LineItem(text, False, 1, layout))
    return items


_QUOTED = re.compile(r"«[^«»]{8,}»|“[^“”]{8,}”|\"[^\"]{8,}\"")  # a paragraph wholly in quotes


def _marked_title(region: list[Para]) -> tuple[int | None, bool]:
    """(the title's paragraph, whether the author marked it so, past the model's judging).

    The author's own marks: a title given by its label (`Тема: …`, `Название: «…»`, the work's
    kind: `Научно-исследовательская статья: …`), or the paragraph under the label alone (`Тема`
    over the title, on a student paper's cover, where a ministry's name stands above in
    capitals), or a title in quotes under the work's kind alone (`Курсовая работа` over
    `«…»`); else a paragraph in a Title style, unless it
    holds names. Else the first paragraph set apart (`_title_set_apart`), not marked."""
    for i, p in enumerate(region):
        first = " ".join(p.text.split("\n")[0].split())
        if is_section_name(first):
            break  # the body begins (`Введение`): a `title:` below is code or text, not a label
        m = TITLE_LABEL.match(first) if first[:1].isupper() else None  # a label is written with a capital: `title: 'Demo',` is code
        under = next((j for j in range(i + 1, len(region)) if region[j].text.strip()), None)
        if m is not None and (m["value"] is not None or under is not None):
            return (i if m["value"] is not None else under), True
        if WORK_KIND.match(first) and under is not None and _QUOTED.fullmatch(" ".join(region[under].text.split())):
            return under, True  # `Научно-исследовательская работа` over `«Память компьютера»` on a cover page
    title_at = next((i for i, p in enumerate(region) if _title_style(p)), None)
    if title_at is not None:
        return title_at, not _looks_like_authors(" ".join(region[title_at].text.split()))
    return _title_set_apart(region), False


def _title_set_apart(region: list[Para]) -> int | None:
    """The first paragraph set apart by a heading style, a larger font, bold type, capitals or
    centring over a paragraph not centred (`_centred_alone`),
    with only labelled fields, a rubric and by-lines before it (names, each with the position,
    institution, place and e-mail lines under it: `_by_line_note`); None when a section name
    (`Введение`), the contents' heading or another paragraph comes first. A paragraph opening with an institution's
    name (`Муниципальное бюджетное общеобразовательное учреждение`: a cover's top) is passed over."""
    labelled = lambda t: UDC.match(t) or IRSTI.match(t) or ABSTRACT.match(t) or KEYWORDS.match(t) or SUPERVISOR.match(t)  # noqa: E731
    sizes = [p.size for p in region if p.size]
    body_size = sorted(sizes)[len(sizes) // 2] if sizes else None
    by_line = False  # the paragraph above is a name, or a note under one
    firsts = [" ".join(p.text.split("\n")[0].split()) for p in region]
    for i, p in enumerate(region):
        first = " ".join(p.text.split("\n")[0].split())
        if is_section_name(first) or CONTENTS_HEADING.match(first):
            return None  # `Введение`, `Abstract`, `Содержание`: the body, a labelled field or the contents begins; no title before it
        named = _looks_like_authors(first) or AUTHOR_LABEL.match(first) is not None or _name_in_capitals_over(region, i)
        if named or by_line and _by_line_note(first):
            by_line = True
            continue
        if len(first) < 8 or labelled(_label_form(first)) or p.number is not None or is_rubric(first) or opens_with_institution(first) or names_venue(firsts, i):
            continue
        big = body_size is not None and p.size is not None and p.size > body_size
        set_apart = p.outline is not None or big or _bold_all(p) or is_title_line(first) or _centred_alone(region, i) or _name_set_apart(p) is not None
        if len(first) <= 400 and not is_reference_heading(first) and set_apart:
            return i
        if not _form_field(first, i):
            return None  # only labelled lines and by-lines come before a title
    return None  # a form's labelled lines in body type (`Секция: …`) come before a title set apart


def _name_in_capitals_over(region: list[Para], i: int) -> bool:
    """Paragraph `i` is its author's name set in capitals over the title (a thesis cover:
    `MARIA SANTOS` over `GRAPH METHODS FOR …`): one line of two to four words, all in capitals,
    that reads as a name the name lexicon knows (`known_names`: a known given name first), and
    the next paragraph with text is longer and set in capitals or bold."""
    first = " ".join(region[i].text.split())
    under = next((p for p in region[i + 1 :] if p.text.strip()), None)
    if under is None or "\n" in region[i].text.strip() or not 2 <= len(first.split()) <= 4 or not is_title_line(first):
        return False
    below = " ".join(under.text.split("\n")[0].split())
    return len(below) > len(first) and (is_title_line(below) or _bold_all(under)) and known_names(first, loaded_names())


def _name_set_apart(para: Para) -> int | None:
    """Where the name ending a paragraph starts when the text before it is bold and the name is
    not: a title and its author's name in one paragraph (`… больших данных` in bold, then
    `Бобряков А.С.`); None otherwise (`… о А.С. Пушкине` set alike is the title's end)."""
    text = para.text
    cut = trailing_name(text)
    if cut is None:
        return None
    before, after, at = [], [], 0
    for atom in para.atoms:
        size = len(atom.text) if atom.kind == "text" else atom.size
        if atom.kind == "text" and atom.text.strip():
            (before if at + len(atom.text) - len(atom.text.lstrip()) < cut else after).append(atom.looks_bold)
        at += size
    return cut if before and after and all(before) and not any(after) else None


def _centred_alone(region: list[Para], i: int) -> bool:
    """Whether paragraph `i` is centred, one line of at most 200 characters, and the paragraph
    with text under it is not centred: a title in the body's plain type set apart only by its
    centring (`Задача о встрече трёх объектов.` over `Формулировка задачи: …`)."""
    under = next((p for p in region[i + 1:] if p.text.strip()), None)
    return region[i].centered and "\n" not in region[i].text.strip() and len(region[i].text) <= 200 and under is not None and not under.centered


def _title_rows(region: list[Para], proposal, texts: list[str], language: str) -> tuple[int | None, list[int]]:
    """(the title's paragraph, the paragraphs it goes on into): the rules' (`_marked_title`),
    judged by the line-role model unless the author marked it; the model's own title loses
    its first paragraphs where they open with an institution's name (a cover's top) or head the
    contents (`СОДЕРЖАНИЕ`), and goes
    on only into paragraphs set as its first (`_set_alike`)."""
    title_at, styled = _marked_title(region)
    if styled:
        return title_at, []
    model_title = judge_title(proposal, texts, " ".join(region[title_at].text.split("\n")[0].split()) if title_at is not None else None, language)
    rows = [i for i in model_title or () if i < len(region)]
    firsts = [p.text.split("\n")[0] for p in region]
    while rows and (opens_with_institution(firsts[rows[0]]) or names_venue(firsts, rows[0]) or CONTENTS_HEADING.match(" ".join(firsts[rows[0]].split()))):
        rows = rows[1:]
    if not model_title or not rows:
        return title_at, _goes_on(region, title_at, [])
    if title_at in rows and _form_field(firsts[rows[0]], rows[0]) and not _set_alike(region[rows[0]], region[title_at]):
        rows = rows[rows.index(title_at):]  # the model ran the title up into a form's labelled line (`Секция: …`) set otherwise
    title_at, *more = rows
    kept = next((k for k, i in enumerate(more) if not _set_alike(region[title_at], region[i])), len(more))
    return title_at, _goes_on(region, title_at, more[:kept])


def _goes_on(region: list[Para], title_at: int | None, more: list[int]) -> list[int]:
    """`more` with the paragraphs right after the title that go on with it: set as its first
    and opening in lower case (`Разработка мультиязычной обучающей программы` / `авиационные
    двигатели (…)`, both bold in 16 pt)."""
    if title_at is None:
        return more
    at = (more[-1] if more else title_at) + 1
    while at < len(region) and region[at].text.strip()[:1].islower() and _set_alike(region[title_at], region[at]):
        more, at = [*more, at], at + 1
    return more


def read_front_matter(paras: list[Para], language: str, inlines=lambda p: (Text(p.text),)) -> tuple[Meta, int, set[int]]:
    """`read_meta` on the paragraphs before the reference list's heading, when one stands among
    the first 30: the list's heading ends the front matter (a file holding only a list, `Works
    Cited` first, has none)."""
    heading = next((i for i, p in enumerate(paras[:30]) if is_reference_heading(p.text)), None)
    if heading == 0:
        return Meta(language=language), 0, set()
    return read_meta(paras[:heading] if heading is not None else paras, language, inlines)


def read_meta(paras: list[Para], language: str, inlines=lambda p: (Text(p.text),)) -> tuple[Meta, int, set[int]]:
    """Front matter from the first paragraphs; returns it, the index where the body starts, and
    the paragraphs from there on read into the front matter (the body leaves them out).

    The title is the paragraph in a Title style (`Title`, `paper title`), else the first one
    set apart by a heading style, a larger font, bold type, or capitals, with only labelled
    fields (UDC…), a journal's rubric (`RESEARCH ARTICLE`) and lines of names before it
    (`Ross G. DOUGLAS, …` above the title); a section name (`Введение`) is never the title. Labelled fields (UDC, abstract, keywords…) use the plain-text
    reader's patterns, the label alone on its paragraph taking the next one unless a section's name (`Introduction`: the abstract is empty, the body starts); an unlabelled
    paragraph just before the keywords is the abstract. Authors are lines of names (affiliation digits, e-mails and roles dropped), from a by-line's label on where it has
    one (`Authors: …`), or paragraphs in an Author style. `inlines(paragraph)` reads a paragraph as the body's are (citations, notes): the title and the abstract keep them.
    The body starts at the first paragraph of sentences after the title that no field took
    (a short paper's text, a supervisor's line under it: the text is never lost to the front matter).
    """
    region = paras[:30]
    fields: dict = {"udc": None, "irsti": None, "title": None, "authors": [], "labelled": [], "affiliations": [], "supervisor": None, "abstract": None, "keywords": ()}
    items = front_items(paras)
    texts = [item.text for item in items]
    proposal = propose(items, language)  # the model judges the rules' title and authors, and proposes its own
    title_at, more = _title_rows(region, proposal, texts, language)
    last = _read_title(region, title_at, more, inlines, fields)
    after_title = title_at if title_at is not None else -1
    pending_abstract = False
    unlabelled: int | None = None
    skipped: list[int] = []  # paragraphs no field took
    supervised: set[int] = set()  # the lines a supervisor's label alone heads
    label_texts = [_label_form(" ".join(q.text.split())) for q in region]
    for i, p in enumerate(region):
        if i == title_at or i in more or i in supervised:
            continue
        text = label_texts[i]
        if not text:
            continue
        if pending_abstract and is_section_name(text):
            break
        if pending_abstract:
            pending_abstract = _under_abstract_label(fields, p, text, i, inlines)
        elif m := UDC.match(text):
            fields["udc"] = m["value"]
        elif m := IRSTI.match(text):
            fields["irsti"] = m["value"]
        elif below := supervisor_below(label_texts, i, len(region)):
            fields["supervisor"] = fields["supervisor"] or below[0]
            supervised.update(range(i, below[1]))  # the name and rank under the label: never an author's
            last = max(last, below[1] - 1)
        elif (value := m["value"] if (m := SUPERVISOR.match(text)) else supervisor_after(text)) is not None:  # the label before the name or after it
            fields["supervisor"] = value if m else fields["supervisor"] or value
        elif m := KEYWORDS.match(text):
            if not fields["keywords"]:
                fields["keywords"] = tuple(k.strip().rstrip(".") for k in re.split(r"[,;]", m["value"]) if k.strip())
                if fields["abstract"] is None and unlabelled is not None and unlabelled == i - 1:
                    fields["abstract"] = inlines(region[unlabelled])
                    skipped.remove(unlabelled)
        elif m := ABSTRACT.match(text) or _bold_bare_label(p, text):
            if fields["abstract"] is None:
                fields["abstract"] = _after_label(inlines(p), m.re) if m["value"].lstrip("–-: ").strip() else None
                pending_abstract, fields["abstract_at"], fields["referat"] = fields["abstract"] is None, i, text.casefold().startswith("реферат")
        elif _structured_part(fields, i, text, plain_text(fields["abstract"] or ())):
            fields["abstract"], fields["abstract_at"] = (*fields["abstract"], Text(" "), *inlines(p)), i
        elif i > after_title and (_heading_level(p) is not None and p.number is None and not _by_line_in_heading(region, i, text, after_title) or len(text) > 600 and not _keywords_next(region, i)):
            break
        elif (m := AUTHOR_LABEL.match(text)) and i <= after_title + 4:
            fields["labelled"].append(len(fields["authors"]))  # a name read before the author's labelled by-line is none
            fields["authors"].extend(_author_names(m["value"]) or [_clean_name(m["value"])])
        elif (names := _by_line_names(region, i, text, after_title)) is not None:
            fields["authors"].extend(names)
        elif _read_affiliation(fields, p, i, text, title_at):
            pass
        else:
            if i > after_title + 8 or title_at is None and not _form_field(text, i):
                break
            unlabelled = i if title_at is not None else unlabelled
            skipped.append(i)
            continue
        last = max(last, i)
    abstract, last, went_on = _abstract_going_on(region, fields.get("abstract_at"), fields["abstract"], inlines, last, fields.get("referat", False))
    fields["affiliations"] = affiliation_entries([_label_form(" ".join(p.text.split())) for p in region], fields["affiliations"], frozenset({title_at, *more}))  # an address set over paragraphs is one
    fields["authors"] = apart_from_title(_judged_authors(region, proposal, texts, fields["authors"][fields["labelled"][0] if fields["labelled"] else 0:], title_at), plain_text(fields["title"] or ()))
    emails = list(dict.fromkeys(emails_in([_without_superscripts(p) for p in region[: last + 1]]) + emails_in([_without_superscripts(p) for p in region[: proposal.front_end]])))
    return (_meta(fields, abstract, language, emails), *_body_start(region, [i for i in skipped if i not in went_on], after_title, last))  # the abstract's own paragraphs are no text


def _read_affiliation(fields: dict, p: Para, i: int, text: str, title_at: int | None) -> bool:
    """Paragraph `i` read into `fields` as an affiliation's, where it names an institution (or
    is set in an Affiliation style) under a by-line or title, or is the city under the
    institution's line (`г. Вологда`, `Г. Вологда`): its anchor goes on to take it."""
    if (names_affiliation(text) or _AFFILIATION_STYLE.search(p.style_name)) and len(text) < 250 and (fields["authors"] or title_at is not None):
        fields["affiliations"].append((i, i + 1))
        return True
    if is_place(text) and fields["affiliations"] and fields["affiliations"][-1][1] == i:
        fields["affiliations"][-1] = (fields["affiliations"][-1][0], i + 1)
        return True
    return False


def _read_title(region: list[Para], title_at: int | None, more: list[int], inlines, fields: dict) -> int:
    """The title of paragraph `title_at` and those it goes on into (`more`) read into `fields`,
    with its author where it names one at its end; the last paragraph read, or -1."""
    if title_at is None:
        return -1
    cut = _name_set_apart(region[title_at]) if not more else None
    title = inlines(region[title_at]) if cut is None else cut_inlines(inlines(region[title_at]), 0, cut)
    fields["title"] = _after_label(_one_line(title), TITLE_LABEL)
    for i in more:  # a title set in two paragraphs
        fields["title"] = (*fields["title"], Text(" "), *_one_line(inlines(region[i])))
    if cut is not None:  # the title's author named at its end
        fields["authors"].append(" ".join(region[title_at].text[cut:].split()))
    return max([title_at, *more])


def _meta(fields: dict, abstract: tuple | None, language: str, emails: list[str]) -> Meta:
    return Meta(
        udc=fields["udc"], irsti=fields["irsti"], title=fields["title"] or (), authors=tuple(fields["authors"]),
        affiliations=tuple(fields["affiliations"]), supervisor=fields["supervisor"], language=language,
        keywords=tuple(fields["keywords"]), abstracts=((language, abstract),) if abstract and plain_text(abstract).strip() else (),
        emails=tuple(emails),
    )


def _body_start(region: list[Para], skipped: list[int], after_title: int, last: int) -> tuple[int, set[int]]:
    """Where the body starts, and the paragraphs from there to the front matter's `last` that a
    field took (the body leaves them out): at the first paragraph of sentences after the title
    that no field took (`skipped`), else after `last`."""
    text_at = next((i for i in skipped if after_title < i <= last and _text_begun(" ".join(region[i].text.split()))), None)
    if text_at is None:
        return last + 1, set()
    return text_at, {i for i in range(text_at, last + 1) if i not in skipped}


def _under_abstract_label(fields: dict, p: Para, text: str, i: int, inlines) -> bool:
    """Paragraph `i` under an abstract's label alone (`Аннотация`, `РЕФЕРАТ`) read into `fields`:
    the abstract, or, before it, GOST 7.32's volume line (`Пояснительная записка 56 стр., 10 рис.,
    …`: no abstract) and its unlabelled keywords in capitals. Whether the abstract is still to come."""
    if WORK_VOLUME.search(text):
        return True
    if not fields["keywords"] and text == text.upper() and text.count(",") >= 2 and len(text) < 600:
        fields["keywords"] = tuple(k.strip().rstrip(".") for k in re.split(r"[,;]", text) if k.strip())
        return True
    fields["abstract"], fields["abstract_at"] = inlines(p), i
    return False


def _abstract_going_on(region: list[Para], at: int | None, abstract: tuple | None, inlines, last: int, referat: bool = False) -> tuple[tuple | None, int, range]:
    """The abstract read at paragraph `at`, with the paragraphs after it that go on its
    sentence: the one before ends on a word, with no mark, and the next opens in small letters
    (`… на языке` / `программирования Python. …`: an abstract typed a line per paragraph); and
    the last paragraph of the front matter. Under GOST 7.32's `РЕФЕРАТ` (`referat`), whose text
    is several paragraphs (the object, the aim, the methods, the results), each paragraph of
    sentences up to a label (`ABSTRACT`), a heading or a section's name (`СОДЕРЖАНИЕ`) too."""
    if abstract is None or at is None:
        return abstract, last, range(0)
    k = at + 1
    while k < len(region) and (_sentence_goes_on(region[k - 1].text, region[k].text) or referat and _referat_goes_on(region[k])):
        abstract = (*abstract, Text(" "), *inlines(region[k]))
        last, k = max(last, k), k + 1
    return abstract, last, range(at + 1, k)


def _referat_goes_on(p: Para) -> bool:
    """A paragraph of the referat's text: sentences, no label, no heading, no section's name."""
    text = " ".join(p.text.split())
    labelled = ABSTRACT.match(text) or KEYWORDS.match(text)
    return text.endswith(".") and len(text.split()) >= 5 and not labelled and _heading_level(p) is None and not is_section_name(text)


def _sentence_goes_on(before: str, after: str) -> bool:
    """`after` is the rest of the sentence `before` broke off: `before` ends on a letter and
    `after` opens with a small one."""
    return before.rstrip()[-1:].isalpha() and after.lstrip()[:1].islower()


def _form_field(text: str, i: int) -> bool:
    """Paragraph `i` (one of the first four) is a form's labelled line (`Тематика: Информатика`,
    `Класс: 9`): where no title was found, the front matter goes on past it to its `Автор:` line."""
    return i < 4 and text[:1].isupper() and _FORM_FIELD.match(text) is not None


def _structured_part(fields: dict, i: int, text: str, abstract: str) -> bool:
    """Paragraph `i` goes on a structured abstract: the abstract read so far opens with a part's
    label (`Purpose: …`) and ends on the paragraph just above, this one opens with the next
    part's (`Methods: …`, `Results: …`), and the parts are at most `ABSTRACT_PARAGRAPHS`."""
    at = fields.get("abstract_at")
    if at != i - 1 or not abstract or _FORM_FIELD.match(abstract) is None or _FORM_FIELD.match(text) is None:
        return False
    fields["parts"] = fields.get("parts", 1) + 1
    return fields["parts"] <= ABSTRACT_PARAGRAPHS


def _by_line_in_heading(region: list[Para], i: int, text: str, after_title: int) -> bool:
    """Paragraph `i`, in a heading style, is the by-line right under the title: names each
    with an affiliation's mark (`Kristian Lian1, Daniel Hammarström1, …` in `Heading 6`), not a
    section's heading, so the front matter goes on past it to the affiliations and abstract."""
    return i <= after_title + 2 and bool(re.search(r"[^\W\d_]\d", region[i].text)) and bool(_by_line_names(region, i, text, after_title))


def _by_line_names(region: list[Para], i: int, text: str, after_title: int) -> list[str] | None:
    """The names of paragraph `i` where it is a by-line: its author's name in capitals over the
    title (`ALEX WOOLFORD`, read `Alex Woolford`), a paragraph in an Author style, or names
    first (`_names_first`) up to four paragraphs under the title; None where it is none."""
    p = region[i]
    if i < after_title and _name_in_capitals_over(region, i):
        return [text.title()]
    if _AUTHOR_STYLE.search(p.style_name) or _names_first(p, text) and i <= after_title + 4:
        firsts = [line for block in _author_blocks(p) for line in _name_lines(block)]
        if not any(map(_author_names, firsts)) and all(names_affiliation(f) or _NO_NAME.search(f) for f in firsts):
            return None  # an Author-style line naming an institution (`Amity University`) or an ORCID iD: no author
        return [name for first in firsts for name in _author_names(first) or _unknown_name(first)]
    return None


def _name_lines(block: str) -> list[str]:
    """A by-line block's lines that name its authors: the first, and those under it that are names
    too (`Кумсков Михаил Иванович (…)a, *,` / `Арсланова Алина Рустямовна (…)a, **,`, broken by
    hand), up to the first that is none (the IEEE block's affiliation under its name)."""
    lines = [line for line in block.split("\n") if line.strip()]
    named = list(itertools.takewhile(lambda line: _author_names(line), lines[1:]))
    return lines[:1] + named


def _unknown_name(line: str) -> list[str]:
    """A by-line's text no name pattern knows, read as one person's name where it can be one:
    two to five words and no comma (`Noida, Uttar Pradesh` is a place, `ASET` an acronym)."""
    name = _clean_name(line)
    return [name] if 2 <= len(name.split()) <= 5 and "," not in name else []


_NO_NAME = re.compile(r"https?://|\bORCID\b|@", re.IGNORECASE)  # a link, an ORCID iD, an e-mail address: no person's name


def _author_blocks(p: Para) -> list[str]:
    """A by-line paragraph's author blocks: parted by column breaks (the IEEE template sets its
    authors side by side so, each block a name over its affiliation and e-mail), else one."""
    text, cuts = p.text, [0, *p.column_breaks, len(p.text)]
    return [part for a, b in zip(cuts, cuts[1:]) if (part := text[a:b].strip("\n ").strip())]


def _judged_authors(region: list[Para], proposal, texts: list[str], authors: list[str], title_at: int | None) -> list[str]:
    """The rules' `authors` as the model judges them (`judge_authors`), never a name set under
    another person's label (`Руководитель – учитель информатики` over `Соколов Игорь
    Петрович`: `others_named`), whoever read it."""
    others = others_named([" ".join(p.text.split()) for p in region])
    judged = judge_authors(proposal, texts, authors, script(region[title_at].text) if title_at is not None else None) or ()
    kept = [a for a in judged if not others.names_other(a)]
    return kept or [a for a in authors if not others.names_other(a)] or authors


# ---- the title block in other languages --------------------------------------------------------

BLOCK_REACH = 12  # paragraphs above a block's abstract or keywords its title and by-line stand in
UNLABELLED_REACH = 3  # paragraphs of another language between keywords and their unlabelled abstract


@dataclass
class _Label:
    """A labelled abstract or keywords paragraph: where the label stands, where its text is
    (the same paragraph, or the next under a label alone), the text and its language."""

    at: int
    value_at: int
    text: str
    language: str


def _labelled(texts: list[str], pattern: re.Pattern) -> list[_Label]:
    """Every paragraph `pattern` labels, with its text: after the label, else the next
    paragraph's when the label stands alone and no other label opens that one."""
    out = []
    for i, text in enumerate(texts):
        m = pattern.match(text)
        if m is None:
            continue
        value, at = (m["value"] or "").lstrip("–-: ").strip(), i
        if not value and i + 1 < len(texts) and not (ABSTRACT.match(texts[i + 1]) or KEYWORDS.match(texts[i + 1])):
            value, at = texts[i + 1], i + 1
            if pattern is ABSTRACT and len(value.split()) < LONE_LABEL_WORDS:
                continue  # `Реферат` over `По теме: «…»`: a cover's kind of work, no abstract's label
        if pattern is ABSTRACT and WORK_VOLUME.search(value):
            continue  # GOST 7.32's volume line under `РЕФЕРАТ` is no abstract
        if value:  # the label is the block's text too: `Ключевые слова: React, Tailwind CSS, blob, …` is Russian
            out.append(_Label(i, at, value, detect_language(value if at != i or pattern is not KEYWORDS else text)))
    return out


LONE_LABEL_WORDS = 12  # the text under an abstract's label alone on its line: sentences, not a cover's line
MIN_ABSTRACT_WORDS = 5  # fewer is no abstract (an e-mail address read as one)
ABSTRACT_PARAGRAPHS = 6  # a structured abstract's parts (`Purpose:` … `Conclusion:`) over its keywords
# An abstract's label run into its text with no mark (`Аннотация В данной работе …`).
_RUN_IN_LABEL = re.compile(r"^(?:Аңдатпа|Аннотация|Abstract|Annotation)\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")


def _text_begun(text: str) -> bool:
    """A paragraph of the text, not of a title block: prose, or a short paragraph of sentences
    (`Второе предложение идёт здесь.`: four words or more, mostly in small letters, ending on a
    sentence's mark; a cover's `Москва, 2024` or `Руководитель: доцент` is none)."""
    if _prose(text):
        return True
    words = text.split()
    small = sum(w[:1].islower() for w in words)
    return len(words) >= 4 and small * 2 > len(words) and text.endswith((".", "!", "?", "…")) and not names_affiliation(text) and not EMAIL.search(text)


def _prose(text: str) -> bool:
    """A paragraph of sentences: 15 words or more, no address nor e-mail (`Пермский
    государственный … университет, 614990, Россия, г. Пермь` over the keywords is none)."""
    return len(text.split()) >= 15 and not names_affiliation(text) and not EMAIL.search(text)


def _abstract_rest(texts: list[str], a: "_Label", keyword_labels: list["_Label"]) -> list[int]:
    """The paragraphs after a labelled abstract's first that go on it: all up to the keywords
    in its language when at most `ABSTRACT_PARAGRAPHS` stand between, each in its language and
    none a label (a structured abstract: `Purpose:` / `Methods:` / … / `Keywords:`)."""
    k = next((k.at for k in keyword_labels if k.language == a.language and 0 < k.at - a.value_at <= ABSTRACT_PARAGRAPHS), None)
    if k is None:
        return []
    rest = [i for i in range(a.value_at + 1, k) if texts[i]]
    ok = all(detect_language(texts[i]) == a.language and not (ABSTRACT.match(texts[i]) or KEYWORDS.match(texts[i])) for i in rest)
    return rest if ok else []


def _keyword_list(text: str) -> tuple[str, ...]:
    return tuple(k.strip().rstrip(".") for k in re.split(r"[,;·]", text) if k.strip())


_ADDRESS_OR_LABELLED = re.compile(r"^\S+:\s|\d.*,.*,|,.*,.*\d")  # `Spokesperson: …`, `RC Module, Russia, Moscow, 3 …`


def _block_title_like(p: Para, text: str, title: Para | None) -> bool:
    """A paragraph set as a title is: short, and in capitals, in a Title style, bold
    throughout, or in the paper's own title's size; or set as that title is, when it is
    no address (commas and a number) nor a labelled line (`Докладчик: …`)."""
    if len(text) >= 300:
        return False
    if is_title_line(text) or _title_style(p) or _bold_all(p) or title is not None and title.size is not None and p.size is not None and p.size >= title.size:
        return True  # `title` None: this strong evidence only
    return title is not None and _set_alike(title, p) and not _ADDRESS_OR_LABELLED.search(text)


def _set_as_title(p: Para, title: Para | None, text: Para) -> bool:
    """`p` is set as the paper's title is, where that stands out from the text (`text`, a
    paragraph of the block's abstract or keywords): in its size or larger, or both in a
    heading style."""
    if title is None:
        return False
    if title.size is not None and p.size is not None and p.size >= title.size and (text.size or 0) < title.size:
        return True
    return _is_heading_style(title) and _is_heading_style(p)


def _block_names(p: Para, text: str) -> list[str]:
    """The names of a by-line paragraph in a translated block (`_names_first`): never an
    institution's (`Volgograd State Technical University`), and the names must be most of its
    first line unless the rest is a position or an affiliation (`Polina Novikova student,
    Department …`): `Data Mining and Machine Learning in aviation` is a title."""
    head = text.split("\n")[0]
    if not _names_first(p, text) or is_institution(head.split(",")[0]) or is_place(head):
        return []
    names = _author_names(p.text.split("\n")[0]) or [_clean_name(p.text.split("\n")[0])]
    letters = lambda t: sum(ch.isalpha() for ch in t)  # noqa: E731
    if letters("".join(names)) < 0.6 * letters(head) and not (names_affiliation(head) or is_role(head)):
        return []
    return names


def _block_above(paras: list[Para], texts: list[str], top: int, language: str, title: Para | None, stop: int) -> tuple[int | None, list[str], list[str], set[int]]:
    """The title and by-line of the block in `language` whose abstract or keywords open at
    `top`: walking up at most `BLOCK_REACH` paragraphs (not above `stop`), past paragraphs in
    another script (the other language's block printed alongside: `Title` / `Название` /
    `Abstract` / `Аннотация`) and labelled fields, the names and affiliations in the block's
    script are read; the title is the nearest paragraph in `language` set as a title in
    capitals, a Title style, bold or the title's size, else the nearest set as the paper's own
    title (`_block_title_like`), with the by-line right above it (`V.S. Ivanov` over `SERVICE
    FOR …`). A paragraph of prose in the block's script, or a title in another language of that
    script, ends the walk. Returns (title's row, names, affiliations, rows read)."""
    own = script(texts[top]) if language != "en" else "latin"
    names: list[str] = []
    places: list[str] = []
    rows: set[int] = set()
    weak = None  # the nearest paragraph set only as the paper's title is
    at = None
    for i in range(top - 1, max(stop, top - BLOCK_REACH) - 1, -1):
        text = texts[i]
        if not text or script(text) != own or UDC.match(text) or IRSTI.match(text) or SUPERVISOR.match(text) or ABSTRACT.match(text) or KEYWORDS.match(text):
            continue
        strong = _block_title_like(paras[i], text, None) or _set_as_title(paras[i], title, paras[top])
        if block_names := _block_names(paras[i], text):
            names[:0] = block_names
        elif names_affiliation(text) or _by_line_note(text) or EMAIL.search(text):
            places[:0] = [text] if names_affiliation(text) else []
        elif detect_language(text) == language and may_be_title(text) and (strong or _block_title_like(paras[i], text, title)):
            if strong:
                at = i
                break
            weak = i if weak is None else weak
            continue
        elif len(text) > 200 or strong:
            break  # the body's prose, or another language's title: the block is above nothing more
        else:
            continue
        rows.add(i)
    at = at if at is not None else weak
    if at is None:
        return None, names, places, rows
    rows.add(at)
    for k in range(at - 1, max(stop, at - 4) - 1, -1) if not names else ():  # the by-line over the title, its notes under it
        text = texts[k]
        if not text or script(text) != own:
            break
        if block_names := _block_names(paras[k], text):
            names = block_names
        elif not (names_affiliation(text) or _by_line_note(text) or EMAIL.search(text)):
            break
        rows.add(k)
        if names:
            break
    return at, names, places, rows


def other_languages(paras: list[Para], meta: Meta, body_start: int, inlines) -> tuple[Meta, int, set[int]]:
    """`meta` with every abstract and keyword set the paper prints in a language it lacks, and
    the title block in each language other than the title's (`_block_above`); the body start
    moved past such a block printed right under the front matter (the English block under the
    Russian one). Keywords are found by their label anywhere (a translated block after the
    list, or the whole paper printed again in English); an abstract by its label among the
    first paragraphs or right above those keywords, else, unlabelled, as the paragraph of prose
    in their language right above them (past at most `UNLABELLED_REACH` paragraphs of another
    language: `Аннотация` / `Abstract` / `Ключевые слова` / `Keywords`); a label with no
    text is no abstract. Each block's language is its text's. Also returns the paragraphs read
    into the front matter here: the body leaves them out wherever they stand (a block after the
    list had been printed twice, as front matter and as body)."""
    texts = [_label_form(" ".join(p.text.replace(MATH_MARK, " ").split())) for p in paras]
    keyword_labels = [k for k in _labelled(texts, KEYWORDS) if _keyword_list(k.text)]
    abstract_labels = [a for a in _labelled(texts, ABSTRACT) if a.at < FRONT_PARAGRAPHS or any(0 < k.at - a.value_at <= 3 for k in keyword_labels)]
    abstracts = [(detect_language(plain_text(run)), run) for _, run in meta.abstracts if len(plain_text(run).split()) >= MIN_ABSTRACT_WORDS]
    own_set = next((k for k in keyword_labels if _keyword_list(k.text) == tuple(meta.keywords)), None)  # the front matter's own set, its language with its label
    keyword_sets = [(own_set.language if own_set else detect_language(" ".join(meta.keywords)), tuple(meta.keywords))] if meta.keywords else []
    used: set[int] = set()  # the paragraphs read into the front matter here
    read = lambda i: inlines(paras[i])  # noqa: E731  (read once: the body leaves it out)
    starts: dict[str, int] = {}  # each language's block: its first row
    for k in keyword_labels:
        if k.language in {lang for lang, _ in keyword_sets}:
            continue
        keyword_sets.append((k.language, _keyword_list(k.text)))
        used.update({k.at, k.value_at})
        starts[k.language] = min(starts.get(k.language, k.at), k.at)
    for a in abstract_labels:
        if a.language not in {lang for lang, _ in abstracts}:
            run = _after_label(read(a.value_at)) if a.value_at == a.at else read(a.value_at)
            for i in _abstract_rest(texts, a, keyword_labels):
                run = (*run, Text(" "), *read(i))
                used.add(i)
            abstracts.append((a.language, run))
            used.update({a.at, a.value_at})
            starts[a.language] = min(starts.get(a.language, a.at), a.at)
    for k in keyword_labels:
        if k.language in {lang for lang, _ in abstracts}:
            continue
        i, passed = k.at - 1, 0
        while i >= 0 and passed <= UNLABELLED_REACH and (not texts[i] or detect_language(texts[i]) != k.language or KEYWORDS.match(texts[i])):
            passed += bool(texts[i])
            i -= 1
        if i >= 0 and passed <= UNLABELLED_REACH and _prose(texts[i]) and not ABSTRACT.match(texts[i]) and not _block_title_like(paras[i], texts[i], None):
            first = i - 1 if i > 0 and _RUN_IN_LABEL.match(texts[i - 1]) and detect_language(texts[i - 1]) == k.language else i
            run = tuple(node for n in range(first, i + 1) for node in (*((Text(" "),) if n > first else ()), *read(n)))
            if label := _RUN_IN_LABEL.match(plain_text(run).lstrip()):
                run = cut_inlines(run, len(plain_text(run)) - len(plain_text(run).lstrip()) + label.end() - 1)
            abstracts.append((k.language, run))
            used.update(range(first, i + 1))
            starts[k.language] = min(starts.get(k.language, first), first)
    title = next((p for p in paras[:FRONT_PARAGRAPHS] if meta.title_text and " ".join(p.text.split()) and " ".join(p.text.split()) in meta.title_text), None)
    found = []
    for language, top in starts.items():
        if language == meta.title_language:
            continue
        at, names, places, rows = _block_above(paras, texts, top, language, title, 0)
        found.append(translation((Text(texts[at]),) if at is not None else None, names, places))
        used |= rows | set(range(min(rows | {top}), top))
    while body_start < len(paras) and (body_start in used or not texts[body_start]):
        body_start += 1  # a block right under the front matter is front matter
    translations = translated(meta, (b for b in found if b is not None and b.language in starts))
    return replace(meta, abstracts=tuple(abstracts), keyword_sets=tuple(keyword_sets), translations=translations), body_start, used


# ---- the reference list ---------------------------------------------------------------------


def is_reference_heading(text: str) -> bool:
    """The shared heading forms (`Список литературы`, `Әдебиеттер тізімі`, `References`…),
    also with a section number before them (`5. Список литературы`, `VI. REFERENCES`)."""
    text = " ".join(text.split())
    return len(text) < 120 and bool(REFERENCES_HEADING.match(_SECTION_NUMBER.sub("", text, count=1)))


def _typed_number(text: str) -> tuple[int | None, int]:
    m = _TYPED_LABEL.match(text)
    return (int(m.group(1) or m.group(2) or m.group(3)), m.end()) if m else (None, 0)


def _word_number(para: Para) -> int | None:
    n = para.number
    return n.value if n is not None and n.fmt not in ("bullet", "none") else None


def _numbered_twice(para: Para) -> bool:
    """Whether Word's list numbers the paragraph and its text opens with the same number typed
    (`1. Sufian…` under Word's `1.`: the page shows `1. 1. Sufian…`)."""
    word = _word_number(para)
    m = _TYPED_TWICE.match(para.text) if word is not None else None
    return m is not None and int(m.group(1) or m.group(2)) == word


def _twice_notes(path: str, paras: list[Para], numbers: list[int]) -> list[Diagnostic]:
    """DOC002 once for each run of paragraphs numbered twice (a list's paragraphs in a row;
    a paragraph with text that is not, or the end, closes the run)."""
    out, run = [], []
    for k, para in enumerate(paras + [None]):
        if para is not None and _numbered_twice(para):
            run.append(k)
        elif run and (para is None or para.text.strip()):
            n = numbers[run[0]]
            out.append(Diagnostic.at_line("DOC002", path, n, 1, paragraph=n, count=len(run), list_number=paras[run[0]].number.label))
            run = []
    return out


def find_list(paras: list[Para], start: int) -> tuple[int | None, list[int], int]:
    """(heading index, entry paragraph indexes, index where the list ends) among `paras`.

    A bibliography field or content control (Mendeley, Zotero, Word's own) marks its entries
    itself. Otherwise the first reference heading opens the list; it ends at the next heading
    style (unless that paragraph is itself an entry: `_entry_in_heading_style`), reference
    heading (a transliterated copy) or paragraph in a Title style (the title block in English), at what journals print after a list in any style (`ends_list`:
    `Figure captions:`, `Figure 1. …`), or after the last numbered paragraph
    of a numbered list. A heading whose words recur later is a line of the paper's contents
    (`План:`, `Содержание`): the list stands under the last of them; a line of Word's own
    contents (a TOC field's result) never opens it.
    """
    marked = [i for i in range(start, len(paras)) if paras[i].in_bibliography]
    heading = _past_a_list_of_parts(paras, next((i for i in range(start, len(paras)) if is_reference_heading(paras[i].text) and not paras[i].in_contents), None))
    if heading is not None:
        words = " ".join(paras[heading].text.split()).casefold()
        heading = max(i for i in range(heading, len(paras)) if " ".join(paras[i].text.split()).casefold() == words)
    if marked and (heading is None or heading > marked[-1]):
        heading = marked[0] - 1 if marked[0] > 0 and is_reference_heading(paras[marked[0] - 1].text) else None
        entries = [i for i in marked if paras[i].text.strip() and not is_reference_heading(paras[i].text)]
        return heading, entries, marked[-1] + 1
    if heading is None:
        heading = _heading_in_other_words(paras, start)
    if heading is None:
        found = _headless_list(paras, start)
        return found if found[1] else _headless_author_date_list(paras, start)
    rows = []
    end = heading + 1
    for i in range(heading + 1, len(paras)):
        if _is_heading(paras[i]) and not paras[i].in_bibliography and not _entry_in_heading_style(paras[i]) or is_reference_heading(paras[i].text):
            break
        if _title_style(paras[i]) and paras[i].text.strip() and not paras[i].in_bibliography:
            break  # a title after the list opens a block of its own (the paper's title block in English)
        if ends_list(paras[i].text) and not paras[i].in_bibliography and _word_number(paras[i]) is None:  # `Figure captions:`, `Figure 1. …`
            break
        rows.append(i)
        end = i + 1
    numbered = [i for i in rows if _word_number(paras[i]) is not None or _typed_number(paras[i].text)[0] is not None]
    if numbered and not any(paras[i].in_bibliography for i in rows):
        end = numbered[-1] + 1
        rows = [i for i in rows if i >= numbered[0] and i < end]
    return heading, [i for i in rows if paras[i].text.strip()], end


def _past_a_list_of_parts(paras: list[Para], heading: int | None) -> int | None:
    """A reference heading in the first fifth of the paper's text (counted in characters, so that
    title pages of short lines weigh little) is a line of a list of its parts typed by hand (a
    contents or an assignment's `Содержание работы`, in other words than the list's own heading:
    `Список используемых источников` there, `Список использованных источников` over the list)
    when another reference heading follows past that fifth: the list stands under that one. A
    paper's own list is never in its first fifth."""
    if heading is None:
        return None
    sizes = [len(p.text) for p in paras]
    total, before = sum(sizes), sum(sizes[:heading])
    if 5 * before >= total:
        return heading
    for i in range(heading + 1, len(paras)):
        before += sizes[i - 1]
        if 5 * before >= total and is_reference_heading(paras[i].text) and not paras[i].in_contents:
            return i
    return heading


def _heading_in_other_words(paras: list[Para], start: int) -> int | None:
    """With no heading in the known wordings: the last paragraph that names the paper's sources
    in other words (`reads_as_list_heading`: `Перечень информационных источников`) followed by
    at least two paragraphs, most of the first three of which read as references."""
    for i in range(len(paras) - 1, start - 1, -1):
        if not reads_as_list_heading(paras[i].text):
            continue
        after = [p.text for p in paras[i + 1 :] if p.text.strip()][:3]
        if len(after) >= 2 and 2 * sum(map(reads_as_reference, after)) > len(after):
            return i
    return None


_OPENS_WITH_ADDRESS = re.compile(r"(?:\d+[.)]?\s+)?(?:https?://|www\.)\S+")


def _entry_in_heading_style(para: Para) -> bool:
    """A paragraph in a heading style under the list's heading that is an entry: a list pasted
    from a web page keeps the page's heading styles on its items. It reads as a reference (a
    year and a reference's mark) or opens with a web address (`https://… - Title (Authors)`);
    a section's heading after the list (`Приложение А`) does neither."""
    text = " ".join(para.text.split())
    return reads_as_reference(text) or bool(_OPENS_WITH_ADDRESS.match(text))


# Lines a collection prints after a paper's last entry (its section's name, a page number).
_HEADLESS_TRAIL = 3


def bibliography_table_rows(items: list) -> list:
    """Word's own bibliography (a content control) may set its entries as a table, a row each:
    the number in one cell, the entry in the next (`[1] | Костюченко С.В., … 1229-1235.`). Each
    row of such a table is read as one paragraph of the list, its cells' text joined by a space."""
    out: list = []
    for item in items:
        cells = [p for row in item.rows for cell in row for p in cell.paras] if isinstance(item, TableRec) else []
        if not cells or not all(p.in_bibliography for p in cells):
            out.append(item)
            continue
        for row in item.rows:
            filled = [p for cell in row for p in cell.paras if p.text.strip()]
            if filled:
                atoms = [a for k, p in enumerate(filled) for a in ([Atom("text", " ")] if k else []) + p.atoms]
                out.append(replace(filled[0], atoms=atoms, in_table=False))
    return out


def _headless_list(paras: list[Para], start: int) -> tuple[None, list[int], int]:
    """A list printed with no heading: numbered paragraphs 1, 2, … that end the paper, a few short
    lines aside; two or more, each of which reads as a reference by GOST's marks
    (`reads_as_reference`), or three or more whose numbers the body cites in brackets, at least
    half of them, and at least half of which read as references in any style
    (`looks_like_reference`): numbered steps, findings or a table of contents do not."""
    filled = [i for i in range(start, len(paras)) if paras[i].text.strip()]
    def number(i: int) -> int | None:
        word = _word_number(paras[i])
        return word if word is not None else _typed_number(paras[i].text)[0]
    k = len(filled) - 1
    while k >= 0 and len(filled) - 1 - k < _HEADLESS_TRAIL and number(filled[k]) is None and len(paras[filled[k]].text) < 100:
        k -= 1
    run: list[int] = []
    while k >= 0 and number(filled[k]) is not None:
        run.insert(0, filled[k])
        k -= 1
    if len(run) < 2 or [number(i) for i in run] != list(range(1, len(run) + 1)):
        return None, [], len(paras)
    if all(reads_as_reference(paras[i].text) for i in run):
        return None, run, run[-1] + 1
    texts = [paras[i].text[_typed_number(paras[i].text)[1] if _word_number(paras[i]) is None else 0 :] for i in run]
    cited = cited_numbers(" ".join(paras[i].text for i in range(start, run[0])))
    if len(run) >= 3 and 2 * len(cited & set(range(1, len(run) + 1))) >= len(run) and 2 * sum(map(looks_like_reference, texts)) >= len(run):
        return None, run, run[-1] + 1
    return None, [], len(paras)


def _headless_author_date_list(paras: list[Para], start: int) -> tuple[None, list[int], int]:
    """A list printed with no heading and no numbers: the paragraphs that end the paper (a few short
    ones aside), each opening with names and a date (`author_date_opening`), taken as the list when
    an editor would (`reads_as_author_date_list`: five or more, sorted by first author, half of
    them cited by author and year in the body before them)."""
    filled = [i for i in range(start, len(paras)) if paras[i].text.strip()]
    k = len(filled) - 1
    while k >= 0 and len(filled) - 1 - k < _HEADLESS_TRAIL and author_date_opening(paras[filled[k]].text) is None and len(paras[filled[k]].text) < 100:
        k -= 1
    run: list[int] = []
    openings = []
    while k >= 0 and _word_number(paras[filled[k]]) is None and (opening := author_date_opening(paras[filled[k]].text)) is not None and opening[1]:
        run.insert(0, filled[k])
        openings.insert(0, opening)
        k -= 1
    if not run or not reads_as_author_date_list(openings, " ".join(paras[i].text for i in range(start, run[0]))):
        return None, [], len(paras)
    return None, run, run[-1] + 1


def read_entries(paras: list[Para], rows: list[int], numbers: list[int]) -> list[Entry]:
    """One entry per numbered paragraph (Word's number, else the typed one), an unnumbered
    paragraph inside a numbered list continuing the entry before it; an unnumbered list takes
    one entry per paragraph, numbered in order. An unnumbered paragraph that names a part of the
    list (`Электронные ресурсы:`, `Дополнительные источники`: `is_list_subheading`; under a roman
    number, `II. Учебная и научная литература`: `is_numbered_list_part`) belongs to no entry."""
    numbered = any(_word_number(paras[i]) is not None or _typed_number(paras[i].text)[0] is not None for i in rows)
    formats = [paras[i].number.fmt for i in rows if _word_number(paras[i]) is not None]
    main = max(set(formats), key=formats.count) if formats else None
    groups: list[tuple[int, list[int]]] = []
    for i in rows:
        word = _word_number(paras[i])
        if word is not None and groups and _broken_off(paras[groups[-1][1][-1]], paras[i], main):
            word = None
        typed, _ = _typed_number(paras[i].text)
        n = word if word is not None else typed
        if n is None and (is_list_subheading(paras[i].text) or is_numbered_list_part(paras[i].text)):
            continue
        if not numbered and groups and _typed_indent(paras[i].text) > max(1, _typed_indent(paras[groups[-1][1][0]].text)):
            groups[-1][1].append(i)  # a line of the entry before it, its hanging indent typed as spaces
        elif not numbered and groups and _rest_indented(paras[groups[-1][1][0]], paras[groups[-1][1][-1]], paras[i]):
            groups[-1][1].append(i)
        elif not numbered:
            groups.append((len(groups) + 1, [i]))
        elif n is not None or not groups:
            groups.append((n if n is not None else len(groups) + 1, [i]))
        else:
            groups[-1][1].append(i)
    entries = []
    for n, members in groups:
        parts = []
        for k, i in enumerate(members):
            text = _entry_text(paras[i])
            if k == 0 and (_word_number(paras[i]) is None or _numbered_twice(paras[i])):
                # the typed number (DOC002 reports one typed under Word's); the entry's text has
                # its tabs as spaces, so a number typed before a tab is found in the paragraph's own
                skip = _typed_number(text)[1]
                if not skip and _typed_number(paras[i].text)[0] is not None:
                    skip = re.match(r"\s*\d+\s*", text).end()
                text = text[skip:]
            parts.append(text)
        text = " ".join(" ".join(parts).split())
        first, last = numbers[members[0]], numbers[members[-1]]
        span = Span(first, 1, last, len(paras[members[-1]].text) + 1, paragraph=first)
        entries.append(Entry(key=str(n), number=n, span=span, text=text))
    return entries


def _broken_off(before: Para, para: Para, main: str | None) -> bool:
    """A paragraph Word numbers in a list of letters (or roman numbers) inside a list of numbered
    entries, right after an entry left unfinished (`…, С. С. Соколов,` / `…методы /`), is the rest
    of that entry: Word's AutoFormat made a list of a line that began with an initial (`В. С.
    Белоусов // Вестн. …` became item `A.`), or a converter did. It is no entry of its own (read
    so, its counter gave three entries numbered 1, 2, 3 a second time)."""
    fmt = para.number.fmt if para.number is not None else None
    return main == "decimal" and fmt in ("lowerLetter", "upperLetter", "lowerRoman", "upperRoman") and before.text.rstrip().endswith((",", "/", ":", ";", "–", "—", "-"))


# How a paragraph left unfinished ends: a letter, a comma, a colon, an ampersand, a hyphen or dash.
_UNFINISHED = re.compile(r"(?:[^\W\d_]|[,:;&\-–—])\s*$")


def _left_indent(para: Para) -> int:
    """The paragraph's own left indent in twips (`w:ind` left or start; its style's aside)."""
    ppr = para.element.find(W + "pPr") if para.element is not None else None
    ind = ppr.find(W + "ind") if ppr is not None else None
    if ind is None:
        return 0
    value = ind.get(W + "left") or ind.get(W + "start") or "0"
    return int(value) if value.lstrip("-").isdigit() else 0


def _rest_indented(first: Para, before: Para, para: Para) -> bool:
    """In an unnumbered list, an entry typed as two paragraphs, its first line flush and the rest
    indented by the paragraph's own left indent (a hanging indent made by hand): the paragraph
    indented further than the entry's first, after a paragraph that stops mid-sentence (a word,
    a comma, `&`, a hyphen: no full stop, no closing bracket, no number) or itself opening in small
    letters, is the rest of that entry."""
    if _left_indent(para) <= _left_indent(first):
        return False
    text = para.text.strip()
    return bool(_UNFINISHED.search(before.text.rstrip())) or bool(text) and text[0].islower()


def _typed_indent(text: str) -> int:
    """The width of the spaces and tabs typed before a paragraph's text (a tab as four)."""
    lead = text[: len(text) - len(text.lstrip(" \t\u00a0"))]
    return len(lead) + 3 * lead.count("\t")


def _entry_text(para: Para) -> str:
    return "".join(a.text if a.kind in ("text", "math") else "" for a in para.atoms).replace("\t", " ").replace("\n", " ")


# ---- the document ---------------------------------------------------------------------------


def _walk(path: str):
    """(items of the body, notes by id, parts left unread) of a DOCX, or an InputError."""
    document, body = _open(path)
    try:
        styles = Styles(document.styles.element)
        styles.fixed_pitch = fixed_pitch_families(document.part)
        try:
            numbering_root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            numbering_root = None
        numbering = Numbering(numbering_root)
        links = _links(document)
        walker = BodyWalker(styles, numbering, links, PackageMedia(document.part))
        items = walker.walk_body(body)
        notes_by_id = _notes(document, lambda media: BodyWalker(styles, Numbering(numbering_root), links, media))
    except InputError:
        raise
    except (ValueError, KeyError, AttributeError, TypeError) as exc:
        raise InputError(path, f"is not a readable Word document ({type(exc).__name__}: {' '.join(str(exc).split())[:120]})") from None
    return items, notes_by_id, walker.unread


def read_docx(path: str) -> Document:
    return build_document(path, *_walk(path))


def front_items_of(path: str) -> tuple[list[int], list[LineItem]]:
    """(indexes among the paragraphs holding text, items) of a DOCX's first paragraphs, as the
    line-role classifier reads them (the training data's builder reads them so too)."""
    paras, _, _ = count_paragraphs(_walk(path)[0])
    filled = [p for p in paras if p.text.replace(MATH_MARK, "").strip()]
    items = front_items(filled)
    return list(range(len(items))), items


def _sample(paras: list[Para], size: int = 20_000) -> str:
    """The first `size` characters of text: enough to tell kk, ru and en apart."""
    parts, total = [], 0
    for p in paras:
        parts.append(p.text)
        total += len(parts[-1])
        if total >= size:
            break
    return " ".join(parts)[:size]


def count_paragraphs(items: list) -> tuple[list[Para], list[int], dict[int, int]]:
    """Body paragraphs in order, each one's ¶ number, and for each table the ¶ before it."""
    paras: list[Para] = []
    numbers: list[int] = []
    table_at: dict[int, int] = {}
    n = 0
    for index, item in enumerate(items):
        if isinstance(item, TableRec):
            table_at[index] = max(n, 1)
            continue
        if item.text.replace(MATH_MARK, "").strip():
            n += 1
        paras.append(item)
        numbers.append(max(n, 1))
    return paras, numbers, table_at


def _unread_notes(path: str, unread: list, paras: list[Para], numbers: list[int]) -> list[Diagnostic]:
    """DOC001 for what the body holds but the reader could not read: a drawing with no picture
    to show, an embedded HTML part, a citation field's data nested too deep."""
    index = {id(p): k for k, p in enumerate(paras)}
    out = []
    for para, variant, args in unread:
        k = index.get(id(para))
        n = numbers[k] if k is not None else 1
        out.append(Diagnostic.at_line("DOC001", path, n, 1, variant=variant, paragraph=n, **args))
    return out


def with_title_page(meta: Meta, items: list) -> Meta:
    """`meta` with the title and author a thesis's title page names (`read_title_page`), read
    from the first paragraphs, those of the cover's tables (`Студент` / `Федоров А.М.` in a
    form's cells) included, each line of a paragraph broken by hand a line of its own."""
    lines = [line for p in _all_paragraphs(items)[:FRONT_PARAGRAPHS * 3] for line in p.text.replace(MATH_MARK, " ").split("\n")]
    supervisor = meta.supervisor if meta.supervisor and names_person(meta.supervisor) else cover_supervisor(lines) or meta.supervisor  # a rank alone names nobody
    page = read_title_page(lines)
    if page is None:
        return replace(meta, supervisor=supervisor)
    title = (Text(page.title),) if page.title else () if page.strikes_title(meta.title_text) else meta.title  # the cover's head is no title
    kept = tuple(a for a in meta.authors if not page.names_other(a))  # never the supervisor's or a reviewer's name
    authors = tuple(page.with_author(list(kept)))
    return replace(meta, title=title, authors=authors, supervisor=supervisor)


def _all_paragraphs(items: list) -> list[Para]:
    """Every paragraph in reading order, those of table cells included."""
    out: list[Para] = []
    for item in items:
        if isinstance(item, TableRec):
            out.extend(p for row in item.rows for cell in row for p in cell.paras)
        else:
            out.append(item)
    return out


def _table(item: TableRec, k: int, builder: "_Builder") -> tuple[Table, Source]:
    """A table with its merged cells: a cell where a `vMerge` restarts spans the rows whose
    cell in that grid column continues it; a continuing cell is not repeated."""
    rows: list[list[list]] = []  # [inlines, rowspan, colspan] per starting cell
    cell_inlines: list = []
    open_merge: dict[int, list] = {}  # grid column -> the cell spanning down from it
    for row in item.rows:
        out_row: list[list] = []
        column = 0
        for cell in row:
            inl: list = []
            before = ""
            for p in cell.paras:
                run = builder.inlines(p, k)
                cell_inlines.append((p, run))
                if inl and run:  # the cell's next paragraph starts a line of its own, unless it goes on a sentence
                    code = all(a.code for a in p.atoms if a.kind == "text" and a.text.strip())  # a program's lines stay lines
                    inl.append(LineBreak() if code or ends_a_line(f"{before}\n{p.text}", len(before)) else Text(" "))
                if run:
                    before = p.text
                inl.extend(run)
            if cell.merge == "continue" and column in open_merge:
                open_merge[column][1] += 1
            else:
                record = [tuple(inl), 1, cell.colspan]
                out_row.append(record)
                for c in range(column, column + cell.colspan):
                    open_merge.pop(c, None)
                if cell.merge == "restart":
                    open_merge[column] = record
            column += cell.colspan
        rows.append(out_row)
    table = Table(
        tuple(tuple(Cell(inl, rowspan, colspan) for inl, rowspan, colspan in row) for row in rows),
        Span(k, 1, k, 1, paragraph=k), item.header_rows, item.widths,
    )
    return table, Source(table=item, cells=cell_inlines)


_PROSE = re.compile(r"^[^\W\d_]\S*(?:\s+\S+){4,}.*[.!?:…][)»”\"]?$", re.DOTALL)


def _unindented(block):
    """A paragraph of prose without the tabs or spaces its author typed before it for an indent
    (`⇥С появлением …`): the venue indents its paragraphs, and the DOCX edition showed them as
    a wider indent. Prose: five words at least, opening with a capital letter and ending its
    sentence; a line of a program keeps its indent."""
    if not isinstance(block, Paragraph) or not block.inlines or not isinstance(block.inlines[0], Text):
        return block
    first = block.inlines[0].text
    text = plain_text(block.inlines).strip()
    if first[:1] not in (" ", "\t") or not text[:1].isupper() or not _PROSE.match(text):
        return block
    rest = first.lstrip(" \t")
    return replace(block, inlines=((Text(rest),) if rest else ()) + block.inlines[1:])


def _trimmed(inlines: tuple) -> tuple:
    """A heading's inlines without the spaces typed before and after its words (`      SRAM`,
    centred by hand: the venue sets headings itself), inside bold or italic too."""

    def edge(nodes: tuple, first: bool) -> tuple:
        if not nodes:
            return nodes
        k = 0 if first else len(nodes) - 1
        node = nodes[k]
        if isinstance(node, Text):
            node = Text(node.text.lstrip() if first else node.text.rstrip())
        elif isinstance(node, (Strong, Emph)):
            node = replace(node, inlines=edge(node.inlines, first))
        return nodes[:k] + (node,) + nodes[k + 1 :]

    return edge(edge(tuple(inlines), True), False)


def _shows_something(para: Para) -> bool:
    return bool(para.text.strip()) or any(a.kind == "image" for a in para.atoms)


class _BodyBlocks:
    """The body's blocks in order, each with the paragraph it came from (None for a list);
    list paragraphs in a row gather into one list."""

    def __init__(self):
        self.blocks: list = []
        self.sources: list = []
        self.items_open: list[ListItem] = []
        self.last_code = -2  # the paragraph index the last code block ends at

    def close_list(self) -> None:
        if self.items_open:
            first, last = self.items_open[0].span, self.items_open[-1].span
            self.blocks.append(BulletList(tuple(self.items_open), Span(first.line, first.column, last.end_line, last.end_column, paragraph=first.paragraph)))
            self.sources.append(None)
            self.items_open.clear()

    def add(self, block, source) -> None:
        self.close_list()
        self.blocks.append(block)
        self.sources.append(source)

    def add_code_line(self, item, k: int, span: Span, paras: list) -> None:
        """A paragraph all in code is a line of a code block; the next such paragraph (past
        empty ones, which are its blank lines) goes on the same block."""
        text = "".join(a.text for a in item.atoms if a.kind == "text")
        previous = self.blocks[-1] if self.blocks and not self.items_open else None
        if isinstance(previous, CodeBlock) and self.last_code < k and all(not paras[j].text.strip() for j in range(self.last_code + 1, k)):
            joined = previous.text + "\n" * (k - self.last_code) + text
            self.blocks[-1] = CodeBlock(joined, None, Span(previous.span.line, 1, span.end_line, span.end_column, paragraph=previous.span.paragraph))
        else:
            self.add(CodeBlock(text, None, span), Source(item))
        self.last_code = k


CONTENTS_RUN = 3  # typed contents lines in a row (`Введение ....... 3`, `2. Методы<tab>7`) that are the paper's contents


def contents_rows(paras: list[Para], filled: list[int]) -> set[int]:
    """The paragraphs of the paper's contents, which no edition prints as its text (pandoc drops
    a TOC field's result too): a TOC field's result, a contents style's or Word's contents block
    (`in_contents`, two lines in a row at least), a run of CONTENTS_RUN typed contents lines or more (a title, leaders or a
    tab, a page number; the pages going up), and the contents' heading above either (`СОДЕРЖАНИЕ`). Typed lines are
    marked `in_contents` (the list's heading is never looked for among them). A list of figures
    or tables stays: its lines are the captions, printed without their pages."""
    rows: set[int] = set()
    run: list[int] = []
    for i in filled + [None]:
        if i is not None and CONTENTS_LINE.search(paras[i].text.rstrip()) and not paras[i].in_table:
            run.append(i)
            continue
        pages = [int(re.search(r"(\d+)\s*$", paras[k].text)[1]) for k in run]
        if len(run) >= CONTENTS_RUN and pages == sorted(pages) and pages[-1] > pages[0]:  # pages going up: not a table's column of values
            for k in run:
                paras[k].in_contents = True
        run = []
    flagged = [paras[i].in_contents and not paras[i].in_figure_list for i in filled]
    # a contents style alone among the text is a heading set in it (`Abstract` in `TOC Heading`, `ABSTRACT` in `toc 1`)
    rows = {i for k, i in enumerate(filled) if flagged[k] and (k and flagged[k - 1] or k + 1 < len(filled) and flagged[k + 1])}
    for place, i in enumerate(filled[1:], 1):
        above = filled[place - 1]
        if i in rows and above not in rows and CONTENTS_HEADING.match(paras[above].text.strip()):
            rows.add(above)
    return rows


COVER_LINES = 40  # a cover page's lines at most: a longer cover block holds the paper (typed into Word's cover page)


def cover_rows(paras: list[Para], filled: list[int]) -> set[int]:
    """The lines of Word's cover page block (`in_cover`) that stand before the paper's first
    other line: the title page, read into the front matter, never the body (its signature
    rules, `(подпись)`, the city and year); none when the block holds more than COVER_LINES."""
    first = next((i for i in filled if not paras[i].in_cover), len(paras))
    rows = {i for i in filled if i < first and paras[i].in_cover}
    return (rows if len(rows) <= COVER_LINES else set()) | _cover_by_form(paras, filled)


def _cover_by_form(paras: list[Para], filled: list[int]) -> set[int]:
    """The first paragraphs down to a cover's city and year, where they have a cover's form
    (`cover_end`: labels, signature rules, the city and year, whatever words name the work's
    kind): the title page, read into the front matter, never the body."""
    end = cover_end([paras[i].text.replace(MATH_MARK, " ").replace("\n", " ") for i in filled[:COVER_PARAGRAPHS]])
    return set(filled[:end]) if end else set()


COVER_PARAGRAPHS = 80  # a cover's paragraphs at most, from the document's first


def _next_filled(paras: list[Para], k: int) -> int:
    """The first paragraph from `k` on with text (past the empty ones under a table)."""
    return next((j for j in range(k, len(paras)) if paras[j].text.replace(MATH_MARK, "").strip()), k)


def build_document(path: str, items: list, notes_by_id, unread: list | None = None) -> Document:
    items = bibliography_table_rows(items)
    paras, numbers, table_at = count_paragraphs(items)
    filled = [i for i, p in enumerate(paras) if p.text.replace(MATH_MARK, "").strip()]
    if not filled and not table_at:
        raise InputError(path, "contains no text")
    language = detect_language(_sample(paras))
    notes: list[Diagnostic] = []
    captions, equations, targets, number_paras = number_things(_all_paragraphs(items))
    builder = _Builder(path, notes_by_id, notes, targets)
    number_of = {id(p): numbers[k] for k, p in enumerate(paras)}
    meta, body_start_filled, in_front = read_front_matter([paras[i] for i in filled], language, lambda p: builder.inlines(p, number_of[id(p)]))
    meta = with_title_page(meta, items)
    meta, body_start_filled, used = other_languages([paras[i] for i in filled], meta, body_start_filled, lambda p: builder.inlines(p, number_of[id(p)]))
    body_start = filled[body_start_filled] if body_start_filled < len(filled) else len(paras)
    front_rows = {filled[i] for i in used | in_front} | contents_rows(paras, filled) | (cover := cover_rows(paras, filled))  # the title block wherever it stands, the contents, the cover
    heading, rows, list_end = find_list(paras, body_start)
    in_list = set(rows) | ({heading} if heading is not None else set())
    list_start = min(in_list) if in_list else len(paras)
    # A second reference heading after the list (a transliterated copy) and what follows it is not body.
    tail_stop = next((i for i in range(list_end, len(paras)) if is_reference_heading(paras[i].text)), len(paras))
    entries = keyed_by_alpha_labels(read_entries(paras, rows, numbers)) if rows else []
    builder.entries = len(entries) or None  # as the text and PDF readers know it: `[0, 1]` is no citation in a numbered paper
    builder.labels = frozenset(e.key for e in entries if not e.key.isdecimal())
    typed = section_headings(paras, body_start, list_start, {k for k, p in enumerate(paras) if id(p) in captions})
    body = _BodyBlocks()
    add, items_open = body.add, body.items_open
    para_index = {id(p): k for k, p in enumerate(paras)}
    for index, item in enumerate(items):
        if isinstance(item, TableRec):
            k = table_at[index]
            following = next((para_index[id(x)] for x in items[index + 1:] if not isinstance(x, TableRec)), len(paras))
            if following < body_start or _next_filled(paras, following) in cover or list_start < following < list_end or following > tail_stop:
                continue  # a table inside the front matter (an author grid, a cover's signatures), the list, or a copy of it
            add(*_table(item, k, builder))
            continue
        k = para_index[id(item)]
        if k < body_start and _shows_something(item) and not item.text.replace(MATH_MARK, "").strip():
            pass  # a picture or formula alone among (or above) the front matter's lines: kept as body
        elif k < body_start or k in in_list or list_start <= k < list_end or k >= tail_stop or k in front_rows:
            continue
        if not _shows_something(item) or id(item) in number_paras:
            continue
        n = numbers[k]
        inlines = builder.inlines(item, n)
        span = Span(n, 1, n, len(item.text) + 1, paragraph=n)
        level = _body_heading_level(item, typed.get(k), captions)
        name = item.style_name.lower()
        if level is not None and item.text.replace(MATH_MARK, "").strip():
            add(Heading(min(level, 6), _trimmed(inlines), span), Source(item))
        elif item.number is not None and id(item) not in captions:
            # Word shows a bullet or number only where numbering applies (the paragraph's or its
            # style's): a `List Paragraph` with none is a plain paragraph on the page.
            items_open.append(ListItem(inlines, span, item.number.label if item.number is not None else ""))
        elif inlines and item.number is None and all(isinstance(node, Code) for node in inlines):
            body.add_code_line(item, k, span, paras)
        elif "quote" in name:
            add(Quote(inlines, span), Source(item))
        else:
            add(Paragraph(inlines, span), Source(item))
    body.close_list()
    blocks = [_unindented(b) for b in arrange(body.blocks, body.sources, captions, equations)]
    notes.extend(_unread_notes(path, unread or [], paras, numbers))
    notes.extend(_twice_notes(path, paras, numbers))
    if not entries and builder.field_items:
        entries = field_entries(builder.field_items)
    heading_span = None
    if heading is not None:
        n = numbers[heading]
        heading_span = Span(n, 1, n, len(paras[heading].text) + 1, paragraph=n)
    return Document(
        path=path,
        meta=meta,
        blocks=tuple(blocks),
        references=tuple(entries),
        references_span=heading_span,
        end_line=max(numbers) if numbers else 1,
        encoding="docx",
        notes=tuple(notes),
    )
