"""Lines of a PDF (with their sizes, weights and places) -> Document: title, headings,
paragraphs, superscript citations, the paper's own list; positions as page and line."""

from __future__ import annotations

import bisect
import itertools
import dataclasses
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

import pypdfium2 as pdfium

from ...citations import MAX_LABELS, counts_in_order, find_citations, inlines_of, with_superscripts
from ...crossrefs import CONTINUATION, continued_table, crossrefs_of, find_crossrefs, roman_table_label, without_caption_label
from ...diagnostics import Diagnostic, InputError, frozen_args
from ...language import detect_language
from ...model import BulletList, Cell, Citation, Code, CrossRef, Document, Emph, Figure, Footnote, Heading, Image, Link, ListItem, Meta, Paragraph, Span, Strong, Superscript, Table, Text, inline_runs, plain_text
from ...references.ownlist import appendix_after_list, find_reference_list, is_reference_heading, read_reference_list
from ..plaintext import field_inlines, join_lines, read_plaintext
from ..plaintext import normalize as rules
from ..translations import translated
from ..plaintext.frontmatter import ABSTRACT, AUTHOR_LABEL, BARE_ABSTRACT_LABEL, CONTENTS_LINE, is_rubric, next_filled, past_title, prose_to_page_end, DATE_OR_KIND, KEYWORDS, ORCID_IN_BRACKETS, SUPERVISOR, UDC, FieldText, blocks_after_list, is_glossary, keywords_of, names_institution, names_side_by_side, paper_in_volume, raw_column, read_front_matter, script, split_authors
from ..plaintext.furniture import TEMPLATE_NOTICE
from ..plaintext.mojibake import repair_mojibake
from ...sourcefile import SourceText
from ..plaintext.roles import loaded_names
from ..plaintext.sections import heading_level as text_heading_level
from ..plaintext.sections import MAX_HEADING, continues_heading, numbering_level, top_number
from ..plaintext.titleblock import DISPLAY, apart_from_title, decide, emails_in, is_cover
from ..plaintext.titlepage import others_named, read_title_page
from .faces import code_block, code_groups, kept_hyphens, styled
from .formulas import PageFormula, find_formulas
from .images import PagePicture, find_pictures, loose_pictures, same_row, text_in_drawings
from .links import entry_with_links, linked
from .contents import without_contents
from .forms import body_rows
from .layout import BOLD, MAX_CHARS, Line, Page, TooMuchText, is_table_caption, mark_furniture, mark_notes, open_pdf, read_pages
from .sandbox import Exhausted, run_bounded
from .tables import Grid
from .linenumbers import blank_line_numbers
from .titleblock import blocks_under, by_line_of, front_items, without_smaller_name, without_superscripts

# A page of a text PDF holds hundreds of letters; a scan holds none (or a stray page number).
MIN_LETTERS_PER_PAGE = 20
MIN_UNMAPPED = 20  # characters without a character map worth a warning (PDF001)


def read_pdf(path: str, pictures: bool = True) -> Document:
    """Read a PDF's text layer into a Document (citations still unlinked). `pictures=False`:
    the same Document, but its figures' and formulas' pictures hold no bytes (a check reads the
    text only: encoding them was a tenth of a long paper's check)."""
    layer = read_text_layer(path, pictures)
    if any(note.code == "PDF001" for note in layer.notes) and (poppler := read_through_poppler(path, layer.lines)) is not None:
        return poppler
    return _document(path, layer.lines, layer.notes, layer.pictures, layer.tables, layer.formulas)


# Where fonts have no character map, PDFium and poppler guess their letters differently: a
# Russian journal's fonts (a cp1251 font's codes) that PDFium reads as `5?O4ON ?,AO?` poppler
# reads as `ÊÎÍÖÅÏÖÈß`, which the text reader's mojibake repair turns into `КОНЦЕПЦИЯ`.
# By `readable_share`, pdftotext's texts of the 287 unseen PDFs read 0.80 (median), 0.46 at the
# fifth percentile (formulas, tables, code and initials count against it), the lowest text with
# words 0.23 (a paper of formulas); PDFium's signs read under 0.05.
UNREADABLE = 0.15  # below this the layer's text reads as no words
READABLE = 0.5  # poppler's reading is taken only when this share of it reads as words
BETTER = 0.35  # … and that much more than PDFium's
_WORD_LIKE = re.compile(r"[«„“\"'(\[]*[^\W\d_]{2,}(?:[-'’][^\W\d_]+)*[»“”\"')\].,;:!?]*")
_VOWEL = re.compile(r"[aeiouyаеёиоуыэюяәіөүұ]", re.IGNORECASE)


def readable_share(text: str) -> float:
    """The share of a text's tokens that read as words: letters of one kind, a vowel among them."""
    tokens = text.split()
    words = sum(1 for token in tokens if _WORD_LIKE.fullmatch(token) and _VOWEL.search(token))
    return words / len(tokens) if tokens else 0.0


def read_through_poppler(path: str, lines: list[Line]) -> Document | None:
    """The Document the text reader makes of poppler's `pdftotext` reading of the PDF, where the
    layer PDFium read from fonts with no character map reads as no words and poppler's (its
    mojibake repaired) does; its places put back on the PDF's pages (a form feed parts them).
    The layout, pictures and tables are then not read, and a PDF001 note says so. None where
    PDFium's text reads, poppler is missing, or its reading is no better."""
    pdfium = readable_share(" ".join(line.text for line in lines))
    if pdfium >= UNREADABLE or shutil.which("pdftotext") is None:
        return None
    try:
        done = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None
    text = done.stdout.decode("utf-8", "replace")
    if done.returncode != 0 or not text.strip():
        return None
    try:
        document = read_plaintext(SourceText(path, text, "utf-8"))
    except InputError:
        return None
    repaired = repair_mojibake(text.split("\n"), path).lines
    if readable_share(" ".join(repaired)) < max(READABLE, pdfium + BETTER):
        return None
    on_pages = PageLines(text)
    note = Diagnostic("PDF001", path, 1, 1, page=1, variant="poppler")
    return on_pages.document(dataclasses.replace(document, notes=(note, *document.notes)))


class PageLines:
    """pdftotext's lines (1… across the text) put back on their pages: a form feed opens each
    page after the first, so a place's line counts on its page, as the PDF reader's do."""

    def __init__(self, text: str):
        self.where: list[tuple[int, int]] = []  # (page, line on it) of each line
        page, number = 1, 0
        for line in text.split("\n"):
            if line.startswith("\f"):
                page, number = page + line.count("\f"), 0
            number += 1
            self.where.append((page, number))

    def place(self, line: int) -> tuple[int, int]:
        return self.where[min(max(line, 1), len(self.where)) - 1]

    def span(self, span: Span) -> Span:
        (page, first), (_, last) = self.place(span.line), self.place(span.end_line)
        return dataclasses.replace(span, line=first, end_line=last, page=page)

    def document(self, document: Document) -> Document:
        """`document` with every place in it (spans of blocks, inlines, entries, notes) on its page."""
        return self._mapped(document)

    def _mapped(self, value):
        if isinstance(value, Span):
            return self.span(value)
        if isinstance(value, Diagnostic):
            page, line = self.place(value.line)
            return dataclasses.replace(value, line=line, page=page)
        if isinstance(value, tuple):
            return tuple(self._mapped(item) for item in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: new for f in dataclasses.fields(value) if f.init and (new := self._mapped(old := getattr(value, f.name))) is not old}
            return dataclasses.replace(value, **changes) if changes else value
        return value


def pdf_lines(path: str) -> list[Line]:
    """The text lines of a PDF in reading order, furniture left out, with an empty line where
    the layout parts them; a scan or a damaged file is refused in one line."""
    return read_text_layer(path).lines


@dataclass
class TextLayer:
    lines: list[Line]
    notes: list[Diagnostic]  # about the layer itself (PDF001)
    pictures: list[PagePicture]  # bound to figure captions, and those standing in the text uncaptioned (`caption` None)
    tables: dict[tuple[int, int], Grid] = field(default_factory=dict)  # (page, table on it) -> its grid, as lines' `cell` name them
    formulas: list[PageFormula] = field(default_factory=list)  # numbered display formulas, as pictures


def read_text_layer(path: str, pictures: bool = True) -> TextLayer:
    """The PDF's lines (furniture marked and left out), the findings about its text and the
    pictures of its figures (without their bytes unless `pictures`); a scan or a damaged file
    is refused in one line."""
    try:
        pages, figures, formulas = run_bounded(read_layer, path, pictures)
    except Exhausted as exc:
        raise InputError(path, exc.why) from None
    letters = sum(letters_in(line.text) for page in pages for line in page.lines)
    if letters < MIN_LETTERS_PER_PAGE * len(pages):
        dropped = sum(page.dropped for page in pages)
        if dropped:
            raise InputError(path, f"has {dropped} characters of text, all set askew (neither level nor at a right angle); exporter reads text set level or turned by a right angle")
        raise InputError(path, f"has no text layer ({len(pages)} page(s) of images: a scan?); it needs OCR first, e.g. `ocrmypdf {path} out.pdf`, then check out.pdf")
    mark_furniture(pages)
    blank_line_numbers(pages)
    keep_first_by_line(pages[0])
    in_drawings = text_in_drawings(pages, figures)
    lines = [line for page in pages for line in page.lines if not line.furniture and (page.number, line.number) not in in_drawings]
    body = body_size(lines)
    mark_notes(pages, body)
    lines = with_blank_lines(lines, body)
    lines, repaired = without_mojibake(lines, path)
    tables = {(page.number, k): grid for page in pages for k, grid in enumerate(page.tables)}
    return TextLayer(lines, layer_notes(path, pages) + repaired, figures, tables, formulas)


def keep_first_by_line(page: Page) -> None:
    """A line of personal names with initials in the first page's upper half that the running
    heads repeat is the by-line they repeat (`А. Н. Атаманов` above the title, then on every
    page's head), not furniture: it is read again. A journal's name in the head (`Силовая
    Электроника`) carries no initials."""
    for line in page.lines:
        if line.furniture and line.y > page.height / 2 and name_parts(line.text) and re.search(rf"(?<!\w)[{_UPPER}]\.", line.text):
            line.furniture = False


def without_mojibake(lines: list[Line], path: str) -> tuple[list[Line], list[Diagnostic]]:
    """The lines with words printed in the wrong font table re-read, line by line, as the text
    reader re-reads them (`repair_mojibake`: a display font without a Unicode map gives
    `Ï‡ÚÂÏ‡ÚË˜ÂÒÍ‡ˇ` for `математическая`), and its notes (TXT003, TXT005) placed on the
    line's page. Lengths stay: superscript offsets hold."""
    repair = repair_mojibake([line.text for line in lines], path)
    if not repair.notes:
        return lines, []
    fixed = [line if text == line.text else dataclasses.replace(line, text=text) for line, text in zip(lines, repair.lines)]
    notes = [dataclasses.replace(note, line=lines[note.line - 1].number, page=lines[note.line - 1].page) for note in repair.notes]
    return fixed, notes


def read_layer(path: str, pictures: bool = True) -> tuple[list[Page], list[PagePicture], list[PageFormula]]:
    """The pages' lines, the pictures bound to figure captions and those standing in the text
    uncaptioned, and the numbered display formulas' pictures (bytes left out unless
    `pictures`), read with PDFium (in the bounded child, see sandbox.py). Only PDFium's own
    refusals are the file's problem; any other error is ours and is raised."""
    doc, count = open_pdf(path)
    try:
        pages = read_pages(doc, count)
        figures, formulas = find_pictures(doc, pages, pictures), find_formulas(doc, pages, pictures)
        return pages, figures + loose_pictures(doc, pages, figures, formulas, pictures), formulas
    except TooMuchText as exc:
        raise InputError(path, f"holds more than {MAX_CHARS} characters of text (past page {exc.pages}); exporter reads papers, not whole volumes: split it") from None
    except pdfium.PdfiumError:  # a page PDFium cannot load or read
        raise InputError(path, "is a damaged PDF: a page cannot be read") from None
    finally:
        doc.close()


def layer_notes(path: str, pages: list[Page]) -> list[Diagnostic]:
    """PDF001 where a font without a character map printed characters: PDFium guesses
    their letters (a CID font's glyph numbers), so the text read may not be the text shown."""
    notes = []
    unmapped = [page for page in pages if page.unmapped]
    total = sum(len(line.text) for page in pages for line in page.lines)
    # A few symbols of a formula font (seen in 4 of the 25 corpus papers) say nothing of the text.
    if sum(page.unmapped for page in unmapped) >= max(MIN_UNMAPPED, 0.01 * total):
        first = unmapped[0]
        count = sum(page.unmapped for page in unmapped)  # at the first such page; `page` is also the message's
        notes.append(Diagnostic("PDF001", path, 1, 1, page=first.number, args=frozen_args({"count": count, "page": first.number})))
    return notes


def _entries(lines: list[Line], texts: list[str], found, lexicon) -> list:
    """The own list's entries (none without a list); an unnumbered one's split by its hanging
    indents where the page sets it so."""
    if found is None:
        return []
    first = found.heading + 1 if found.heading is not None else found.body_end  # a list with no heading starts at its first entry
    hanging = hanging_indents(lines, first, found.end) if not found.starts and found.lines is None else {}
    entries = read_reference_list(texts, found, lambda numbered, skip: join_lines(numbered, lexicon, skip, kept_hyphens([n - 1 for n, _ in numbered], lines, lexicon)), hanging)
    return [entry_with_links(entry, lines) for entry in entries]  # a linked title's address kept as the entry's field


_MARGIN_NUMBER = re.compile(r"\d{1,4} ")


def hanging_indents(lines: list[Line], begin: int, end: int) -> dict[int, bool]:
    """Of an unnumbered list set with hanging indents (its first line at its column's edge, an
    entry's later lines set in by one to four type sizes), each line's index and whether it
    opens an entry (at the edge) or carries one on (set in), read from the page: over a page
    break, and where a line's words look like an entry's opening (`Theunissen. 2017. …`).
    Empty for a list set otherwise: its first line set in, or fewer than a quarter of its
    lines set in (entries of one line each say nothing). Lines set in otherwise (a centred
    heading, a note) are left out, for the text's rules."""
    rows = [i for i in range(begin, min(end, len(lines))) if lines[i].text]
    edges: dict[tuple[int, str], float] = {}
    for i in rows:  # the column's edge, a manuscript's margin line numbers (`205 Elag, M.`) aside
        key = (lines[i].page, lines[i].side)
        if not _MARGIN_NUMBER.match(lines[i].text):
            edges[key] = min(edges.get(key, lines[i].x0), lines[i].x0)
    kinds: dict[int, bool] = {}
    for i in rows:
        inset = lines[i].x0 - edges.get((lines[i].page, lines[i].side), lines[i].x0)
        if inset < -lines[i].size:
            continue  # a margin number's line
        if inset < 0.3 * lines[i].size:
            kinds[i] = True
        elif lines[i].size <= inset <= 4 * lines[i].size:
            kinds[i] = False
    if not rows or not kinds.get(rows[0]) or sum(not v for v in kinds.values()) < 0.25 * len(rows):
        return {}
    return kinds


def with_blank_lines(lines: list[Line], body: float) -> list[Line]:
    """The lines with an empty line where the layout parts them, as pdftotext writes one.

    The shared list and front-matter rules read a blank line as a break (an entry complete,
    prose between entries, the end of an abstract). Rule: a break stands at a new page or
    column (not between lines of running type that only the sides set apart: `_runs_on`),
    and where the baseline drops by more than twice the type size (a paragraph space, a gap
    before a heading or a list). An empty line takes the place of the line after
    it, and holds no text, so no position ever points at it.
    """
    out: list[Line] = []
    for line in lines:
        if out:
            prev = out[-1]
            if prev.page != line.page or (prev.side != line.side and not _runs_on(prev, line, body)) or prev.y - line.y > 2 * max(prev.size, line.size) or prev.y < line.y:
                out.append(Line(line.page, "", line.x0, line.x0, line.y, line.size, False, line.side, line.number))
        out.append(line)
    return out


def _runs_on(upper: Line, lower: Line, body: float) -> bool:
    """Lines of one text in running type (not a display title), right under one another,
    one across the page and one keeping to a column, whatever the sides say: a paragraph's
    last line keeping left of the gutter of the columns below, and the next paragraph's
    first line (indented, or flush with a label: `Results:`), as in an abstract set above
    two columns; or a short last line whose sides say another column while it starts where
    the line above starts (a right column wider than the left: `extended.` under a 320 pt wide
    abstract, left of the page's middle). The first line above a short last one may be indented by
    up to four sizes (a 1.25 cm indent over 9 pt type: `Ключевые слова:
    …, эффективность тех-` indented over `нологического процесса.`)."""
    return (
        ("S" in (upper.side, lower.side) or abs(lower.x0 - upper.x0) < 0.5 * upper.size)
        and abs(upper.size - lower.size) < 0.5
        and upper.size <= 1.05 * body
        and 0 < upper.y - lower.y <= 2 * upper.size  # as close as the lines of one column
        and -4 * upper.size < lower.x0 - upper.x0 < 3 * upper.size
    )


# ---- positions ---------------------------------------------------------------------------


class Places:
    """Lines are numbered 1… across the document while joining; this maps them back to pages."""

    def __init__(self, lines: list[Line]):
        self.lines = lines

    def span(self, span: Span) -> Span:
        first, last = self.lines[span.line - 1], self.lines[min(span.end_line, len(self.lines)) - 1]
        return Span(first.number, span.column, last.number, span.end_column, page=first.page)

    def note(self, note: Diagnostic) -> Diagnostic:
        line = self.lines[note.line - 1]
        return dataclasses.replace(note, line=line.number, page=line.page)


# ---- evidence from sizes and weights ---------------------------------------------------------


# Type smaller than this is no body text: a rule drawn as a run of 1-pt underscores, or an
# invisible layer, must not become the measure every heading and title is found against.
MIN_BODY_SIZE = 4.0


def body_size(lines: list[Line]) -> float:
    """The size most of the text is set in, counted in letters (a rule of `____` or a row of
    dots holds none), among readable sizes when the paper has any."""
    sizes: Counter = Counter()
    for line in lines:
        sizes[line.size] += letters_in(line.text)
    readable = Counter({size: n for size, n in sizes.items() if size >= MIN_BODY_SIZE and n})
    chosen = readable or Counter({size: n for size, n in sizes.items() if n}) or Counter({line.size: 1 for line in lines})
    return chosen.most_common(1)[0][0]


_LETTER = re.compile(r"[^\W\d_]")


def letters_in(text: str) -> int:
    return len(_LETTER.findall(text))


_NOT_TITLE = re.compile(r"^(?:УДК|ӘОЖ|UDC|ГРНТИ|МРНТИ|IRSTI|DOI|Аннотация|Аңдатпа|Abstract|Ключевые слова|Кілт сөздер|Keywords|Key words)\b|@|https?://", re.IGNORECASE)
# Letters of names: Latin-1's accented ones (`Néstor García`, `Östen`) and Latin Extended-A's (`Tomáš`, `Łukasz`)
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ" + "".join(chr(c) for c in range(0x100, 0x180) if chr(c).isupper())
_LOWER = "a-zß-öø-ÿа-яёәғқңөұүһі’'" + "".join(chr(c) for c in range(0x100, 0x180) if chr(c).islower())
_NAME_WORD = re.compile(rf"^(?:[{_UPPER}]\.){{1,3}}$|^[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+)*\.?$")
_UDC = re.compile(r"^(?:УДК|ӘОЖ|UDC)\b", re.IGNORECASE)
_UDC_BESIDE = re.compile(r"^\s*(?:УДК|ӘОЖ|UDC)\s*:?\s*\d[\d.:/()+–-]*\s+(?=\S)", re.IGNORECASE)
# A name in capitals after its initials (`T. HIGUCHI`, `Н. А. КОЧУБЕЙ`): a title carries no initials.
_BARE_INITIAL_NAME = re.compile(rf"^[{_UPPER}]\s[{_UPPER}][{_LOWER}]+(?:[\s-][{_UPPER}][{_LOWER}]+)?$")
_CAPS_NAME = re.compile(rf"^(?:[{_UPPER}]\.\s?){{1,3}}[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})?$")


_LEADING_BULLET = re.compile(r"^\s*[•●▪■◦]\s+")
_ORDINAL_MARK = re.compile(r"^\s*\d{1,2}\s?(?:st|nd|rd|th)\s+(?=[^\W\d_])")


def in_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def name_parts(text: str) -> list[str]:
    """The personal names a line starts with (`Е. В. Буценко, канд. экон. наук` -> [`Е. В. Буценко`]).

    A name is two to five words, each an initial (`Р.`, `Р.А.`) or a capitalised word (a list
    of names with bare initials, `G Daniel, G Lissa`, is names too); a line
    set in capitals is a title, not names, but for names in capitals after their initials
    (`T. HIGUCHI`: `_CAPS_NAME`). A piece naming an institution (`Geophysics Research
    Laboratory`) is no name. Marks around names (`©`, `*`, digits, ORCID iDs in brackets) are dropped.
    """
    names = []
    text = re.sub(_LEADING_BULLET, "", text)  # authors set as a list's items (`• James Wengler`)
    text = re.sub(r"^\s*©\s*(?:\d{4}\s*г\.)?", "", text)  # `© 2019 г. Б. Г. Гольденберг`
    text = _ORDINAL_MARK.sub("", text)  # IEEE's author grid: `1st Vinh Phu Tran`, `2 nd …` (a superscript parted)
    if DATE_OR_KIND.search(text):
        return []  # a cover's date or the work's kind (`Master’s Thesis`, `Summer Term 2022`)
    text = _UDC_BESIDE.sub("", text)  # `УДК 519.711 Александров Илья Михайлович,`: two fields on one baseline
    capitals = in_capitals(text)
    bare = re.sub(r"[©*†‡⇤\d]+", " ", re.sub(ORCID_IN_BRACKETS, " ", text))  # an ORCID iD in brackets (LNCS) is a mark too
    bare = re.sub(r"^\s*By\s+(?=[A-Z])", "", bare)  # a magazine's `By Dina Youakim, Pere Ridao, …`
    parts = split_authors(re.sub(r"\s(?:and|и|және)\s*$", "", bare))  # a by-line going on to the next line (`Ann Lee1 and`)
    if len(parts) >= 2 and all(_BARE_INITIAL_NAME.match(part) for part in parts):
        return parts  # `G Daniel, G Lissa, D Medina Redondo`: initials without full stops (IOP), a list of them
    for k, part in enumerate(parts):
        words = part.split()
        if capitals and _CAPS_NAME.match(" ".join(words)):
            names.append(" ".join(words))
        elif not capitals and _full_name(part):
            names.append(" ".join(words))
        elif not capitals and names and len(words) == 1 and len(part) >= 3 and _NAME_WORD.match(part) and k + 1 < len(parts) and _full_name(parts[k + 1]):
            names.append(part)  # a mononym between names (`Akbari Aliakbar, Muhayyuddin, Leopold Palomo`)
        elif side := names_side_by_side(part):
            names.extend(side)  # `Vihnin F.   Antipov D.   Sinyachenko N.` on one baseline
        else:
            break
    return names


def _full_name(part: str) -> bool:
    """Two to five words, each an initial or a capitalised word, naming no institution."""
    words = part.split()
    return 2 <= len(words) <= 5 and all(_NAME_WORD.match(w) for w in words) and not names_institution(part)


def with_rest_of_by_line(chosen: list[str] | None, by_line: list[str]) -> list[str] | None:
    """The model's authors, or the layout's by-line where the model's names are its first ones
    only (`By Dina Youakim, Pere Ridao, Narcis Palomeras,` / `Francesco Spadafora, …`: the
    layout reads the by-line on over its next line)."""
    key = lambda name: re.sub(r"[\s.]", "", name).casefold()  # noqa: E731 (as the model compares names)
    if chosen and len(by_line) > len(chosen) and [key(a) for a in by_line[: len(chosen)]] == [key(a) for a in chosen]:
        return by_line
    return chosen


def _names_only(text: str) -> bool:
    """A line that holds names and nothing else (its words all in the names `name_parts` reads,
    but for `and`, marks and numbers), or opens with two names at least (`Robert Bell and Chris
    Volinsky, AT&T Labs—Research`): a by-line's next line, not an affiliation opening with one
    name-like pair (`Laboratoire Informatique, Image, Interaction`)."""
    names = name_parts(text)
    words = [w for w in re.findall(r"[^\W\d_]+", re.sub(r"^\s*By\s+", "", text)) if w.lower() not in ("and", "и", "және")]
    return len(names) >= 2 or bool(names) and len(words) <= len(re.findall(r"[^\W\d_]+", " ".join(names)))


def _style(line: Line) -> tuple:
    return (line.size, line.bold, in_capitals(line.text))


def by_label(text: str) -> bool:
    """A by-line given by its label (`Автор: Проводов Арсений`, `Научный руководитель: …`): a
    school paper sets it in its title's type; never a title's line."""
    text = text.strip()
    return bool(AUTHOR_LABEL.match(text) or SUPERVISOR.match(text))


def _style_blocks(lines: list[Line], indexes: list[int]) -> list[list[int]]:
    """Consecutive lines of one size, weight and case (capitals or not), with no gap between
    them, form a block; a by-line given by its label (`by_label`) opens a block of its own."""
    blocks: list[list[int]] = []
    for i in indexes:
        if not lines[i].text:  # a gap in the layout ends a block
            continue
        if blocks and blocks[-1][-1] == i - 1 and _style(lines[i - 1]) == _style(lines[i]) and len(blocks[-1]) < 6 and not by_label(lines[i].text):
            blocks[-1].append(i)
        else:
            blocks.append([i])
    return blocks


def find_title(lines: list[Line], body: float) -> list[int] | None:
    """The title's lines, from the first page's type.

    Rules, on the first half of the first page, after a UDC line where there is one (a
    journal's rubric above it is not the title), and after a reference list's heading where
    one stands there (a collection prints a paper under the previous one's end): lines of one style (size, weight, capitals)
    form blocks; a block is no title when it is a label line (UDC, DOI, abstract, keywords,
    an address), personal names, a single word (a journal's logo), or text that a line above it
    repeats (the journal's name, printed again in its imprint). Of the rest, the block set
    largest wins when it is 15% above the body size (the first in bold of several:
    `_largest_block`); else the first block set in bold or in
    capitals; else none.
    """
    first_page = [i for i, line in enumerate(lines) if line.page == lines[0].page]
    region = first_page[: max(len(first_page) // 2, 1)]
    listed = next((i for i in region if is_reference_heading(lines[i].text)), None)
    if listed is not None:  # the previous paper's end printed above this one (its list's heading): the title is below it
        rest = [i for i in first_page if i > listed]
        region = rest[: max(len(rest) // 2, 1)]
    udc = next((i for i in region if _UDC.match(lines[i].text.strip())), None)
    if udc is not None:  # below it on the page: a band's right column, read after the UDC in the left, may stand above it
        region = [i for i in region if i > udc and lines[i].y <= lines[udc].y]
    page_text = {i: " ".join(lines[i].text.split()).casefold() for i in region}
    candidates = []
    for block in _style_blocks(lines, region):
        text = " ".join(without_superscripts(lines[i]) for i in block)
        if len(text.split()) < 2 or letters_in(text) < 6 or _NOT_TITLE.search(text) or (name_parts(text) and not _display_title_case(lines[block[0]], text, body)):
            continue
        folded = text.casefold()
        if any(folded in other and len(other) < 2 * len(folded) for i, other in page_text.items() if i < block[0]):
            continue
        candidates.append(block)
    if not candidates:
        return None
    largest = _largest_block(lines, candidates)
    if lines[largest[0]].size >= DISPLAY * body:
        return with_display_neighbours(lines, largest, body)
    return next((b for b in candidates if lines[b[0]].bold or in_capitals(lines[b[0]].text)), None)


def _largest_block(lines: list[Line], candidates: list[list[int]]) -> list[int]:
    """The first block set in the largest size; of several in that size, the first set in bold
    when the first is not: a title page sets a university's name or a course's line in its
    title's size but upright, and the title in bold below them. A bold block in another script
    is the title's translation (`ПОСТРОЕНИЕ МОДЕЛИ …` over a bold `CONSTRUCTION OF THE MODEL …`)."""
    size = max(lines[b[0]].size for b in candidates)
    largest = [b for b in candidates if lines[b[0]].size == size]
    own = script(" ".join(lines[i].text for i in largest[0]))
    return next((b for b in largest if lines[b[0]].bold and script(" ".join(lines[i].text for i in b)) == own), largest[0])


def _display_title_case(line: Line, text: str, body: float) -> bool:
    """A line of capitalised Latin words set in display type that looks like names by form
    (`Timing Three Devices`) but holds no initial and no word the name lexicon knows: an
    English title in title case, not a by-line (set in display type, names are a magazine's)."""
    if line.size < DISPLAY * body or len(text.split()) < 3 or re.search(rf"[{_UPPER}]\.", text) or not text.isascii():
        return False  # two words are a journal's rubric as often (`Research Article`)
    names = loaded_names()
    return not any(word.casefold().strip(",;") in names.given or word.casefold().strip(",;") in names.family for word in text.split())


def _close_below(upper: Line, lower: Line) -> bool:
    """Whether `lower` is set right under `upper` on its page: its baseline no further down
    than one and a half of `upper`'s size (a title's leading), whatever column each was given."""
    return upper.page == lower.page and 0 < upper.y - lower.y <= 1.5 * upper.size


def with_display_neighbours(lines: list[Line], block: list[int], body: float) -> list[int]:
    """The title block widened to the display lines set close around it: above it, lines of its
    own style (size, weight, case: a first word set alone, `Упрощенная` over `математическая
    модель`, which a column split parts from the rest; a journal's name in another weight
    stays out); below it, lines in smaller display type (a magazine sets
    a title's second half smaller: `синхронного двигателя / с возбуждением постоянными
    магнитами`), none a label line, personal names or in another script (the title's translation)."""
    own = script(" ".join(lines[i].text for i in block))

    def fits(i: int, near: int, same_style: bool) -> bool:
        line, text = lines[i], without_superscripts(lines[i])
        size_ok = _style(line) == _style(lines[near]) if same_style else DISPLAY * body <= line.size <= lines[near].size + 0.5
        return bool(text) and size_ok and letters_in(text) >= 3 and script(text) == own and not _NOT_TITLE.search(text) and not name_parts(text) and not by_label(text)

    def next_text(i: int, step: int) -> int | None:
        j = i + step
        while 0 <= j < len(lines) and not lines[j].text:
            j += step
        return j if 0 <= j < len(lines) else None

    out = list(block)
    while (j := next_text(out[0], -1)) is not None and _close_below(lines[j], lines[out[0]]) and fits(j, out[0], True):
        out.insert(0, j)
    while (j := next_text(out[-1], 1)) is not None and _close_below(lines[out[-1]], lines[j]) and fits(j, out[-1], False):
        out.append(j)
    return out


def title_of(lines: list[Line], title: list[int]) -> str:
    """The title's lines joined: with a space, but none after a line ending in a hyphen after a
    letter (`… after cryoinjury-` / `induced myocardial infarction`: a compound broken at its hyphen)."""
    text = ""
    for i in title:
        line = without_superscripts(lines[i]).strip()
        text = text + line if re.search(r"[^\W\d_]-$", text) else f"{text} {line}".strip()
    return text


def _title_past_cover(lines: list[Line], body: float) -> list[int] | None:
    """`find_title`'s title, looked for past the first page when that page is a cover page (a
    publisher's download cover: `To cite this article:`, `You may also like` over other papers'
    titles and names) and the paper goes on."""
    first = [i for i, line in enumerate(lines) if line.page == lines[0].page] if lines else []
    if first and len(first) < len(lines) and is_cover([lines[i].text for i in first]):
        title = find_title(lines[len(first):], body)
        return [i + len(first) for i in title] if title else None
    return find_title(lines, body)


def find_authors(lines: list[Line], title: list[int]) -> list[str]:
    """The first by-line of personal names near the title: one of the two lines after it, else
    the first such line above it on its page (many Russian journals print the authors above);
    names in the title's script first (a Russian title's by-line above it, not the English
    `I. M. Aleksandrov` under the title's translation), else the first found. A by-line goes
    on over the next lines in its type that are names too (BMJ's twenty authors in three)."""
    page = lines[title[0]].page
    own = script(" ".join(lines[i].text for i in title))
    after = [i for i in range(title[-1] + 1, len(lines)) if lines[i].page == page and lines[i].text][:2]
    before = [i for i in range(0, title[0]) if lines[i].page == page]
    found = [_by_line(lines, i, names) for i in after + before if (names := name_parts(by_line_of(lines[i])))]
    return next((names for names in found if script(names[0]) == own), found[0] if found else [])


def _by_line(lines: list[Line], first: int, names: list[str]) -> list[str]:
    """The names of the by-line opening at line `first` (whose names are `names`), read on over
    the following lines of its page in its size that hold names only."""
    block, joined = [first], by_line_of(lines[first])
    for i in range(first + 1, len(lines)):
        line, text = lines[i], by_line_of(lines[i])
        cut = len(re.split(r"[,;]|\s(?:and|и|және)\s", joined)[-1].split()) == 1  # `…, Медет` / `Актаев2,6, …`; `…, Лурье` / `Ирина Анатольевна`: a name broken at the line's end
        if line.page != lines[first].page or abs(line.size - lines[first].size) > 0.5 or not (_names_only(text) or cut and len(name_parts(f"{joined} {text}")) > len(name_parts(joined))):
            break
        block.append(i)  # a line that ends in no separator ends a name (`Deborah A. Wallach` / `Mike Burrows`)
        joined += (" " if cut or _OPEN_BY_LINE.search(joined) else ", ") + text
    if len(block) == 1:
        return names + _grid_names(lines, first)
    return name_parts(joined) or names


GRID_REACH = 24  # lines an author grid's blocks span at most (four lines a block, six blocks)


def _grid_names(lines: list[Line], first: int) -> list[str]:
    """The names of an author grid's other blocks (IEEE, ACM: each author's name over their
    affiliation, city and e-mail, blocks side by side): after the first name's block, the lines
    of its page in the name's own type, set apart from the lines between (larger or bolder than
    them), that hold one name and nothing else, up to the abstract."""
    name = lines[first]
    between = [line for line in lines[first + 1 : first + 4] if line.page == name.page and line.text]
    if not between or all(_style(line) == _style(name) for line in between):
        return []  # no affiliation under the name in a type of its own: no grid
    found: list[str] = []
    for line in lines[first + 1 : first + 1 + GRID_REACH]:
        text = line.text.strip()
        if line.page != name.page or ABSTRACT.match(text) or KEYWORDS.match(text):
            break
        names = name_parts(by_line_of(line)) if _style(line) == _style(name) else []
        # one name, or one a block where the line crosses blocks set apart by wide gaps (a grid of four: `Christopher Groves    Pratik Harsh`)
        if names and len(names) in (1, len(line.breaks) + 1) and sum(map(len, names)) >= 0.7 * len(re.sub(r"[\d*†‡\s]|\b(?:st|nd|rd|th)\b", "", text)):
            found.extend(names)
    return found


_OPEN_BY_LINE = re.compile(r"(?:[,;&]|\b(?:and|и|және|und))\s*$", re.IGNORECASE)


@dataclass
class LabelledFields:
    udc: str | None = None
    abstracts: list[FieldText] = field(default_factory=list)
    keyword_sets: list[list[str]] = field(default_factory=list)
    last: int = -1  # index of the last line they take


def labelled_fields(lines: list[Line], texts: list[str], join, stop: int | None = None) -> LabelledFields:
    """UDC, abstracts and keywords on the first two pages, found by their labels, above line
    `stop` (the paper's reference list's heading: past it stand its translated blocks, which
    `blocks_after_list` reads, or the next paper of a journal's pages, whose fields are not
    this paper's and whose last line would end this paper's front matter below its body).

    The text reader's labels (`УДК`, `Аннотация`, `Abstract`, `Ключевые слова`, `Keywords`…)
    open the field; its text runs on over the following lines set in the same size, up to
    the next label, a heading-like line in another size or weight, or the end of the page.
    A label alone on its line (`Abstract` as a heading) takes the lines after it. `join`
    joins the lines as the body's are (line-end hyphens by the text reader's rules).
    """
    found = LabelledFields()
    early = [i for i, line in enumerate(lines) if line.page <= lines[0].page + 1 and (stop is None or i < stop)]
    i = 0
    while i < len(early):
        index = early[i]
        text = " ".join(texts[index].split())
        if m := UDC.match(text):
            found.udc = found.udc or m["value"]
            found.last = max(found.last, index)
        elif (info := _INFO_BESIDE_ABSTRACT.match(text)) and (m := ABSTRACT.match(text[info.end():])) and not m["value"]:
            _abstract_beside_info(lines, texts, index, m, join, found)
        elif not CONTENTS_LINE.search(text) and ((m := KEYWORDS.match(text)) or (m := ABSTRACT.match(text)) or (m := _bold_bare_label(lines[index], text))):  # not the contents' `Аннотация ..... 3`
            is_keywords = m.re is KEYWORDS
            parts, rows, j = _field_lines(lines, texts, index, m, is_keywords)
            value = join(parts).strip()
            if is_keywords and is_glossary(keywords_of(parts, not m["value"], value)):
                pass  # a glossary under the label (`Кредитный скоринг – это …`): no keywords, the body's
            elif value:
                if is_keywords:
                    found.keyword_sets.append(list(keywords_of(parts, not m["value"], value)))
                else:
                    skip = raw_column(texts[index], len(text) - len(m["value"])) if m["value"] else 0
                    found.abstracts.append(FieldText(detect_language(value), value, tuple(rows), skip))
                found.last = max(found.last, j - 1)
            while i + 1 < len(early) and early[i + 1] < j:
                i += 1
        i += 1
    return found


def _bold_bare_label(line: Line, text: str) -> re.Match | None:
    """An abstract's label set in bold with no mark after it, the text after a space in
    another face (`**Аннотация** Загрязнение поверхностных …`: a Kazakh proceedings' form);
    None where the label's word is no bold run of its own (`Abstract Algebra` in one face)."""
    m = BARE_ABSTRACT_LABEL.match(text)
    if m is None or text != line.text:
        return None
    label_end = len(text[: m.start("value")].rstrip())
    bold_label = any(start == 0 and end >= label_end and style & BOLD for start, end, style in line.styles)
    bold_after = any(start <= m.start("value") < end and style & BOLD for start, end, style in line.styles)
    return m if bold_label and not bold_after else None


def list_heading(texts: list[str], start: int) -> int | None:
    """The line of the heading of the paper's reference list found from line `start`, if it has one."""
    found = find_reference_list(texts, start)
    return found.heading if found is not None else None


# Elsevier's two-column front: the article's facts (history, keywords) under `ARTICLE INFO` on
# the left, the abstract under `ABSTRACT` on the right, both labels on one row (`A R T I C L E
# I N F O` letter-spaced in the journals, as it is read it from a PDF's runs).
_INFO_BESIDE_ABSTRACT = re.compile(r"^(?:A ?R ?T ?I ?C ?L ?E +I ?N ?F ?O|Article +info(?:rmation)?)\s+(?=\S)", re.IGNORECASE)


def _abstract_beside_info(lines: list[Line], texts: list[str], index: int, m: re.Match, join, found: LabelledFields) -> None:
    """The abstract under an `ARTICLE INFO  ABSTRACT` row (line `index`): the left column's
    lines come first in reading order, in one size; the abstract is the run set in the next size
    on the page. The left column's own labels (`Keywords:`) are read where they stand."""
    page = lines[index].page
    k = next((k for k in range(index + 1, len(lines)) if texts[k].strip() or lines[k].page != page), len(lines))
    if k == len(lines) or lines[k].page != page:
        return
    size = lines[k].size
    while k < len(lines) and lines[k].page == page and abs(lines[k].size - size) < 0.5:
        k += 1
    if k == len(lines) or lines[k].page != page:
        return
    parts, rows, j = _field_lines(lines, texts, k - 1, m, False)
    if value := join(parts).strip():
        found.abstracts.append(FieldText(detect_language(value), value, tuple(rows), 0))
        found.last = max(found.last, j - 1)


def _field_lines(lines: list[Line], texts: list[str], index: int, m: re.Match, is_keywords: bool) -> tuple[list[str], list[int], int]:
    """The lines of the field whose label `m` opens line `index`: (their texts, their indexes,
    the index after them). The text runs on over lines in one size on the label's page, up to a
    blank, the next label or (keywords) a sentence's end; an abstract whose sentence the page's
    end cuts goes on at the next page's top (ENU Bulletin's abstract beside its side bar). Under a label alone on its line an
    abstract may stand under the work's title repeated in capitals (a thesis's annotation page:
    the title is passed over) and run on over paragraphs of prose that end its page (`prose_to_page_end`)."""
    parts = [m["value"]] if m["value"] else []
    alone = not parts
    rows = [index] if parts else []
    j = index + 1
    size = lines[j].size if alone and j < len(lines) else lines[index].size
    page = lines[index].page
    later = lambda k: k < len(lines) and lines[k].page == page  # noqa: E731
    page_end = next((k for k in range(index, len(lines)) if lines[k].page != page), len(lines))
    while j < len(lines) and j - index <= 40:
        if lines[j].page != page:  # an abstract's sentence cut by the page's end goes on at the next page's top
            k = next_filled(texts, j)
            if is_keywords or not parts or rules.ends_sentence(parts[-1]) or k >= len(lines) or lines[k].page != page + 1:
                break
            page, j = lines[k].page, k
            page_end = next((n for n in range(j, len(lines)) if lines[n].page != page), len(lines))
        if abs(lines[j].size - size) >= 0.5:
            break
        nxt = " ".join(texts[j].split())
        if not nxt and not parts:  # the label alone, its text after a gap
            j += 1
            if not is_keywords and later(j) and (prose := past_title(texts, j, len(texts))) is not None and later(prose):
                j = prose
            continue
        if not nxt and alone and not is_keywords and parts[-1].endswith(".") and later(k := next_filled(texts, j)) and prose_to_page_end(texts, k, page_end):
            j = k  # the abstract's next paragraph, the abstract filling its page
            continue
        if not nxt or UDC.match(nxt) or KEYWORDS.match(nxt) or ABSTRACT.match(nxt) or (is_keywords and _keywords_end(parts)):
            break
        parts.append(nxt)
        rows.append(j)
        j += 1
    return parts, rows, j


def _keywords_end(parts: list[str]) -> bool:
    """The keywords read so far end their field: they end a sentence, but not on the semicolon
    that parts two keywords (`…; Byzantine robustness;` / `reproducible software; PyTorch`)."""
    last = parts[-1].rstrip() if parts else ""
    return rules.ends_sentence(last) and not last.endswith(";")


def unlabelled_abstract(lines: list[Line], texts: list[str], after: int, body: float, join) -> tuple[FieldText, int] | None:
    """(the abstract, its last line) of an abstract printed without its label, or None.

    Rule: on the first page, after the title, the first run of lines set smaller than the
    body (by 5% or more), unbroken by a gap or a label, of at least 150 characters — journals
    set the abstract in smaller type between the by-line and the text; or, right under the
    title, a lead paragraph set in bold (`bold_lead`).
    """
    lead = bold_lead(lines, texts, after, body, join)
    if lead is not None:
        return lead
    page = lines[after].page if after < len(lines) else None
    i = after
    while i < len(lines) and lines[i].page == page and not _body_text_from(lines, i, body):
        line = lines[i]
        if line.in_note:  # a footnote is small type too, but no abstract
            break
        if line.text and line.size < 0.95 * body and len(line.text) > 40:
            parts, j = [], i
            while j < len(lines) and lines[j].text and abs(lines[j].size - line.size) < 0.5 and not KEYWORDS.match(" ".join(texts[j].split())):
                parts.append(" ".join(texts[j].split()))
                j += 1
            text = join(parts)
            if len(text) >= 150:
                return FieldText(detect_language(text), text, tuple(range(i, j))), j - 1
            i = j
        i += 1
    return None


BODY_RUN = 3  # lines of body-size prose in a row: the text has begun (a by-line or an affiliation is shorter)


def _body_text_from(lines: list[Line], i: int, body: float) -> bool:
    """Whether the body text begins at line i: BODY_RUN lines in a row set in the body's size,
    each longer than a name or an affiliation. The abstract stands above the text, so small
    type below it (a footnote, a caption) is never the abstract."""
    run = lines[i:i + BODY_RUN]
    return len(run) == BODY_RUN and all(line.text and abs(line.size - body) < 0.5 and len(line.text) > 40 and line.page == run[0].page for line in run)


LEAD_LINES = 3  # a lead paragraph is prose: two bold lines under a title are more likely its translation


def bold_lead(lines: list[Line], texts: list[str], after: int, body: float, join) -> tuple[FieldText, int] | None:
    """(the lead, its last line) where the first text under the title is a run of at least
    LEAD_LINES lines and 150 characters, every one bold, none larger than the body or set in
    capitals, unbroken by a gap or a label: magazines print the lead paragraph (the standfirst)
    in bold under the title, where a journal prints its abstract; else None."""
    i = after
    while i < len(lines) and not lines[i].text:
        i += 1
    j = i
    while j < len(lines) and lines[j].text and lines[j].bold and lines[j].size <= body + 0.5 and not in_capitals(lines[j].text) \
            and not _NOT_TITLE.search(" ".join(texts[j].split())):
        j += 1
    parts = [" ".join(texts[k].split()) for k in range(i, j)]
    text = join(parts) if parts else ""
    if j - i < LEAD_LINES or len(text) < 150:
        return None
    return FieldText(detect_language(text), text, tuple(range(i, j))), j - 1


_EQUATION_NUMBER = re.compile(r"\s\(\d{1,3}[a-z]?\)$")
_RELATION = re.compile(r"[=≤≥≈≠<>]")
_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}\.)+\d{0,2}\.?\s|^[IVX]{1,4}\.\s")


def heading_level(line: Line, body: float, heading_sizes: list[float]) -> int | None:
    """The heading level of a line, or None for running text.

    Rule: a short line (at most 12 words, not ending in `.`, `,` or `;`) is a heading when it is
    set larger than the body (by 10% or more) or in bold where the body is not; levels follow
    the sizes, largest first (bold at body size is the lowest). A display formula is none,
    however it is set: a line ending in an equation's number (`… (4π/3)]. (1)`), or holding a
    relation (`=`, `≤`, `≈`) without a section number in front (`3.2. The case n = 2` is one).
    """
    text = line.text.strip()
    words = text.split()
    if not 1 <= len(words) <= 12 or letters_in(text) < 3 or text.endswith((".", ",", ";")):
        return None
    if _EQUATION_NUMBER.search(text) or (_RELATION.search(text) and not _SECTION_NUMBER.match(text)):
        return None
    if line.size >= 1.1 * body:
        return min(heading_sizes.index(line.size) + 1, 3) if line.size in heading_sizes else 1
    if line.bold and abs(line.size - body) < 0.5 and not _bold_piece(line, text):
        return min(len(heading_sizes) + 1, 3)
    return None


def numbered_subsection(lines: list[Line], i: int, last: int, groups: list[tuple[int | None, list[int]]]) -> int | None:
    """The level of a numbered section's line set in the body's own type: a section in capitals
    (IEEE sets `II. RELATED WORK` in small capitals of the body's size), or a subsection (Elsevier
    sets `1.1. Dimensional accounts …` in italic, a slope the layout does not read; IEEE letters
    its subsections, `A. Class Activation Map`, under roman-numbered sections), or None: a line
    the text rules read as a numbered heading two or three deep (`sections.heading_level`:
    short, a capital after the number, no sentence's end, after a finished sentence or a
    heading, no list's next item under it) whose first number is the open section's, the last heading numbered
    with one number (`1.1.` under `1. Introduction`); a level under that heading's."""
    text = lines[i].text.strip()
    lettered = _LETTERED.match(text)  # IEEE's `A. Class Activation Map` under `II. RELATED WORK`
    numbered = (2, lettered[2]) if lettered else numbering_level(text)
    if numbered is None or numbered[0] == 1 and not (in_capitals(numbered[1]) and len(numbered[1].split()) <= 8):
        return None  # a section in the body's type: only in capitals (IEEE's `II. RELATED WORK` in small capitals)
    after = next((l.text for l in lines[i + 1 : i + 4] if l.text and not l.in_note), "")
    # a heading, a caption, a table or a numbered formula above opens it as a blank line does
    under_heading = last < 0 or bool(groups) and groups[-1][0] is not None and groups[-1][0] != NOTE and groups[-1][1][-1] == last
    if text_heading_level(f"1.1 {lettered[2]}" if lettered else text, "" if under_heading else lines[last].text, after) is None:
        return None
    if lettered:  # a subsection lettered under a section numbered in roman figures, alone on its line
        section = next((lines[rows[0]].text.strip() for level, rows in reversed(groups) if level == 1), "")
        return 2 if re.match(r"[IVX]{1,5}\.\s", section) and not _LETTERED.match(after.strip() or "-") else None
    if numbered[0] == 1:
        return 1
    for level, rows in reversed(groups):
        above = numbering_level(lines[rows[0]].text.strip()) if level is not None and level > 0 else None
        if above is not None and above[0] == 1:
            return min(level + numbered[0] - 1, 3) if top_number(lines[rows[0]].text) == top_number(lines[i].text) else None
    return None


_LETTERED = re.compile(r"^([A-H])\.\s+([A-Z]\S*(?:\s+\S+){0,10})$")
_LEADING_NUMBER = re.compile(r"^(?:(?:\d{1,2}\.)*\d{1,2}\.?|[A-Z]\.?|[IVX]{1,4}\.)\s+")


def _bold_piece(line: Line, text: str) -> bool:
    """A bold line in the body's size that is a piece of something else, not a heading: a line of
    pseudo-code (`end if`, `13: else`: a keyword in lower case), a wrapped line of a bold paragraph
    or caption (it opens in lower case or ends in a word broken at its hyphen), a label that
    introduces what follows (`Input:`), or a line with a wide gap past its section number: a table's
    row (`Symbol     Value`) or a contents' entry with its page (`2 Literature Survey     3`)."""
    first = next((c for c in text if c.isalpha()), "")
    if first.islower() or text.endswith(":") or re.search(r"[^\W\d_]-$", text):
        return True
    number = _LEADING_NUMBER.match(text)
    return any(offset > (number.end() if number else 0) for offset in line.breaks)


# ---- paragraphs ----------------------------------------------------------------------------


def column_edges(lines: list[Line], body: float) -> dict[tuple[int, str], tuple[float, float]]:
    """Left and right edge of the text of each page column, from its body-size lines."""
    edges: dict[tuple[int, str], list[Line]] = {}
    for line in lines:
        if line.text and abs(line.size - body) < 0.5:
            edges.setdefault((line.page, line.side), []).append(line)
    out = {}
    for key, group in edges.items():
        lefts = sorted(l.x0 for l in group)
        rights = sorted(l.x1 for l in group)
        out[key] = (lefts[len(lefts) // 10], rights[-1 - len(rights) // 10])
    return out


def paragraph_indent(lines: list[Line], body: float, edges) -> float | None:
    """The body's first-line indent, measured: the median indent of body-size lines that run to
    their column's right edge right after a line that ended a sentence (None when under five
    such lines: too few to tell an indent from a hanging caption's)."""
    indents = []
    texted = [line for line in lines if line.text]
    for prev, line in zip(texted, texted[1:]):
        if not (abs(line.size - body) < 0.5 and prev.page == line.page and prev.side == line.side):
            continue
        left, right = edges.get((line.page, line.side), (line.x0, line.x1))
        if rules.ends_sentence(prev.text) and line.x0 - left > 0.8 * line.size and right - line.x1 < line.size:
            indents.append(line.x0 - left)
    return median(indents) if len(indents) >= 5 else None


def starts_new_paragraph(prev: Line, line: Line, spacing: float, edges) -> bool:
    """Where a paragraph ends, read from the layout.

    Rules: a different size starts a new block (a caption, a footnote); on the same page
    column, a gap over 1.6 times the usual line spacing does, and so does a first-line indent
    (the line starts at least one font size right of the column's edge) or a short line that
    ends a sentence before it. Across a page or column break the paragraph goes on unless
    the text before it ends a sentence (`rejoins_across_blank_line` of the text reader).
    """
    if abs(prev.size - line.size) > 0.15 * max(prev.size, line.size):
        return True
    left, right = edges.get((line.page, line.side), (line.x0, line.x1))
    indented = line.x0 - left > 0.8 * line.size
    if prev.page != line.page or prev.side != line.side or prev.y < line.y:
        return rules.ends_sentence(prev.text) and not rules.starts_lowercase(line.text) or indented and rules.ends_sentence(prev.text)
    if prev.y - line.y > 1.6 * spacing:
        return True
    prev_left, prev_right = edges.get((prev.page, prev.side), (prev.x0, prev.x1))
    if indented and rules.ends_sentence(prev.text):
        return True
    return prev.x1 < prev_right - 3 * prev.size and rules.ends_sentence(prev.text) and not rules.starts_lowercase(line.text)


def usual_spacing(lines: list[Line], body: float) -> float:
    gaps = [a.y - b.y for a, b in zip(lines, lines[1:]) if a.page == b.page and a.side == b.side and abs(a.size - body) < 0.5 and abs(b.size - body) < 0.5 and 0 < a.y - b.y < 3 * body]
    return median(gaps) if gaps else 1.2 * body


# ---- superscripts --------------------------------------------------------------------------

_SUPERSCRIPT_LABELS = re.compile(r"\d{1,3}(?:\s*[,–—-]\s*\d{1,3})*")


def superscript_places(joined, numbered: list[tuple[int, Line]]) -> list[tuple[int, int]]:
    """[start, end) offsets in the joined text of each superscript run of the lines."""
    out = []
    for number, line in numbered:
        for start, end in line.superscripts:
            i = bisect.bisect_right(joined.places, (number, start + 1)) - 1
            if i < 0 or joined.places[i][0] != number:
                continue
            offset = joined.offsets[i] + (start + 1 - joined.places[i][1])
            if 0 <= offset < len(joined.text):
                out.append((offset, offset + (end - start)))
    return out


def is_superscript_citation(text: str, before: str) -> bool:
    """A superscript number right after a word or its punctuation is a citation (`data¹²`,
    `shown.³⁻⁵`) in the styles that cite so; after a digit, a lone letter (`x²`, `м²`) or a
    space it is an exponent, a unit or a mark, not a citation. The reader applies it only to a
    paper that has no bracketed citations and has a list every label fits."""
    if not _SUPERSCRIPT_LABELS.fullmatch(text.strip()):
        return False
    word = re.search(r"([^\W\d_]+)[.,;:)»”\"]*$", before)
    return word is not None and len(word.group(1)) >= 2 and not before[-1:].isspace()


# ---- the document --------------------------------------------------------------------------


def _body_groups(lines: list[Line], start: int, end: int, inside: list[int], captioned: dict, formula_at: dict | None = None) -> list[tuple[int | None, list[int]]]:
    """The body's lines (and the prose the layout put between entries, `inside`) grouped into
    headings, paragraphs and figure captions: (heading level, FIGURE or None, line indexes).
    Headings are measured against the body's own type (not the list's or the title's).

    A figure's caption opens a block of its own. One met in the middle of a sentence (a
    figure at a column's top or foot, the paragraph going on past it: `assump-` … `Figure 1
    Flow chart …` … `tion of the model`) is held, and the paragraph goes on with the next
    body line; the caption follows the paragraph, as a float follows the text that calls it.
    A table and its caption met so (at the next page's top, `Dif-` … `Table 1` … `ferent`) too."""
    body_lines = lines[start:end] or lines
    body = body_size(body_lines)
    bold_share = sum(len(l.text) for l in body_lines if l.bold) / max(sum(len(l.text) for l in body_lines), 1)
    heading_sizes = sorted({l.size for l in lines[start:end] if l.size >= 1.1 * body and len(l.text.split()) <= 12}, reverse=True)
    spacing, edges = usual_spacing(lines, body), column_edges(lines, body)
    indent = paragraph_indent(body_lines, body, edges)
    groups: list[tuple[int | None, list[int]]] = []
    notes: list[list[int]] = []  # footnotes met inside the open block: they follow it
    held: list[tuple[int | None, list[int]]] = []  # captions met inside the open paragraph: they follow it
    paused: list[int] | None = None  # that paragraph's lines, while its captions are held

    def opening(group: tuple[int | None, list[int]]) -> None:
        nonlocal paused
        groups.extend((NOTE, rows) for rows in notes)
        groups.extend(held)
        notes.clear()
        held.clear()
        paused = None
        groups.append(group)

    last = -2  # the previous line with text
    for i in [*without_contents(lines, body_rows(lines, start, end)), *inside]:  # a thesis's forms (its cover, the assignment) left out
        line = lines[i]
        if not line.text:
            continue
        if line.in_note:  # a paragraph broken by a page's foot goes on over its notes
            _add_note_line(notes, i, line)
            continue
        block = _block_of(line, formula_at)
        mid_sentence = groups and groups[-1][0] is None and groups[-1][1][-1] == last and not rules.ends_sentence(lines[last].text) and not lines[groups[-1][1][0]].table_caption
        if block is not None:  # a ruled table's lines, cell by cell, are one block; a numbered formula's too
            if (same := _same_block(block, held[-1:] + groups[-1:], lines, formula_at)) is not None:
                same[1].append(i)
            elif block[0] == TABLE and (paused is not None or mid_sentence):  # a table floated into a sentence (`Dif-` … `ferent`)
                paused = paused if paused is not None else groups[-1][1]
                held.append((TABLE, [i]))
            else:
                opening((block[0], [i]))
            last = i
            continue
        figure = (line.page, line.number) in captioned
        # `… are shown in` / `Fig. 3. There was …` at the paragraph's own spacing: the sentence names the figure
        in_flow = mid_sentence and not figure and not line.table_caption and not starts_new_paragraph(lines[last], line, spacing, edges)
        if (figure or line.table_caption or is_figure_caption(line)) and not in_flow:  # a caption opens a block of its own
            group = (FIGURE if figure else None, [i])
            if paused is not None or mid_sentence:
                paused = paused if paused is not None else groups[-1][1]
                held.append(group)
            else:
                opening(group)
            last = i
            continue
        level = heading_level(dataclasses.replace(line, bold=line.bold and bold_share < 0.5), body, heading_sizes) or numbered_subsection(lines, i, last, groups) or _opens_item(line, lines[last] if last >= 0 else None, groups, lines)
        if held and held[-1][0] != TABLE and held[-1][1][-1] == last and level is None and _caption_goes_on(lines[held[-1][1][0]], lines[last], line, paused is not None, (spacing, edges, indent)):
            held[-1][1].append(i)  # the held caption's next line
        elif paused is not None and level is None and _goes_on(lines[paused[-1]], line, edges, after_table=any(g[0] == TABLE for g in held)):
            paused.append(i)  # the paragraph resumes after its figure (the caption held till it ends)
            paused = None
        elif level is not None:
            opening((level, [i]))
        elif groups and groups[-1][1][-1] == last and _carries_on(lines[groups[-1][1][0]], lines[last], line, groups[-1][0], captioned, (spacing, edges, indent)):
            groups[-1][1].append(i)
        else:
            opening((None, [i]))
        last = i
    groups.extend((NOTE, rows) for rows in notes)
    groups.extend(held)
    return groups


def _wrapped_headings(groups: list[tuple[int | None, list[int]]], lines: list[Line]) -> list[tuple[int | None, list[int]]]:
    """Groups with a heading wrapped over a second line made one heading: in capitals (`III.
    MDRPM (MARKET DRIVEN REQUIREMENT` / `PRIORITIZATION MODEL)`), or in bold (`bold_wrap`),
    the second line read as a heading of the same level when it opens in a small letter
    (`Министерство цифрового развития, связи и массовых` / `коммуникаций Российской Федерации`)."""
    out: list[tuple[int | None, list[int]]] = []
    for level, rows in groups:
        previous = out[-1] if out else None
        if level is None and previous is not None and (previous[0] or 0) > 0 and len(previous[1]) == 1 and previous[1][0] + 1 == rows[0] \
                and continues_heading(lines[previous[1][0]].text, lines[rows[0]].text):
            previous[1].append(rows[0])  # the paragraph under it, if the line opened one, keeps the rest
            rows = rows[1:]
        while level is None and rows and previous is not None and (previous[0] or 0) > 0 and previous[1][-1] + 1 == rows[0] and len(previous[1]) < 3 \
                and sum(len(lines[i].text) for i in previous[1]) <= 2 * MAX_HEADING and bold_wrap(lines[previous[1][-1]], lines[rows[0]]):
            previous[1].append(rows[0])
            rows = rows[1:]
        if level is not None and level == (previous or (None,))[0] and len(rows) == 1 and previous[1][-1] + 1 == rows[0] and lines[rows[0]].text[:1].islower() \
                and len(previous[1]) < 3 and bold_wrap(lines[previous[1][-1]], lines[rows[0]]):
            previous[1].append(rows[0])  # a heading's second line read as a heading of its own: a heading never opens in a small letter
            continue
        if level is None and rows and previous is not None and (previous[0] or 0) > 0 and len(previous[1]) == 1 and previous[1][0] < rows[0] \
                and not any(lines[k].text for k in range(previous[1][0] + 1, rows[0])) and run_in(lines[previous[1][0]], lines[rows[0]]):
            out[-1] = (None, previous[1] + rows)  # no heading: the paragraph's first word, set in bold
            continue
        if rows:
            out.append((level, rows))
    return out


SET_OFF_LINES = 4  # lines of a block set larger or in bold that make it a paragraph (a standfirst), not headings
SET_OFF_WORDS = 30


def set_off_paragraphs(groups: list[tuple[int | None, list[int]]], lines: list[Line]) -> list[tuple[int | None, list[int]]]:
    """Headings in a row that are one paragraph set off in a larger or bold type (a magazine's
    standfirst, a boxed summary: `As the Netflix Prize competition has dem-` / `onstrated, …`,
    eight bold lines read as three headings) made that paragraph: SET_OFF_LINES lines or more,
    each right under the one before in one column and one size, holding SET_OFF_WORDS words or
    more and closing a sentence, with a word broken at a line's end or a line ending inside a
    sentence (`…, matrix factorization models`): no heading runs on so, nor breaks its words."""
    out: list[tuple[int | None, list[int]]] = []
    k = 0
    while k < len(groups):
        end = k
        rows = list(groups[k][1])
        while (groups[k][0] or 0) > 0 and end + 1 < len(groups) and (groups[end + 1][0] or 0) > 0 and _right_under(lines[rows[-1]], lines[groups[end + 1][1][0]]) \
                and all(_right_under(lines[a], lines[b]) for a, b in zip(groups[end + 1][1], groups[end + 1][1][1:])):
            end += 1
            rows += groups[end][1]
        texts = [lines[i].text.strip() for i in rows]
        if end > k and len(rows) >= SET_OFF_LINES and len(" ".join(texts).split()) >= SET_OFF_WORDS and rules.ends_sentence(texts[-1]) \
                and any(re.search(r"[^\W\d_]-$", t) or t.endswith(",") for t in texts[:-1]):
            out.append((None, rows))
            k = end + 1
            continue
        out.append(groups[k])
        k += 1
    return out


def _right_under(above: Line, line: Line) -> bool:
    """`line` is the next line of `above`'s block: on its page and column, in its size, one line's
    spacing under it (at most 1.6 sizes), starting near its left edge."""
    return line.page == above.page and line.side == above.side and abs(line.size - above.size) < 0.5 \
        and 0 < above.y - line.y <= 1.6 * line.size and abs(line.x0 - above.x0) <= 2 * line.size


def run_in(first: Line, rest: Line) -> bool:
    """`first`, read as a bold heading, is the first word of the line `rest` goes on with: on its
    baseline, right after it (a word space, not a column's gap), in its size, opening in a small
    letter (JSS's bold `TIMP¹` / `is an R package …`, put in a column of its own by a gutter
    the page's other lines show)."""
    return first.page == rest.page and abs(first.y - rest.y) < 0.5 and abs(first.size - rest.size) < 0.5 \
        and 0 <= rest.x0 - first.x1 <= first.size and not rest.bold and next((c for c in rest.text if c.isalpha()), "").islower()


# Words a heading's line does not end on unless the heading goes on (`… Analysis of the` /
# `Problem`, `… риск-профилей разных поколений на` / `российском рынке`).
_GOES_ON = frozenset("a an the of and or for in on to with by from at as и или в во на по для с со о об к из от при без до за мен және пен бен".split())


def bold_wrap(heading: Line, line: Line) -> bool:
    """`line` is the second line of the bold heading above it: bold throughout as it is, in its
    size, right under it, unnumbered, and the heading's words go on into it (it opens in a
    small letter, or the heading's line ends on a word that leaves it unfinished)."""
    if not (heading.bold and line.bold and line.text and abs(heading.size - line.size) < 0.5 and heading.page == line.page):
        return False
    if not 0 < heading.y - line.y <= 2 * heading.size or numbering_level(line.text) is not None:
        return False
    last = heading.text.split()[-1].casefold() if heading.text.split() else ""
    return line.text[:1].islower() or last in _GOES_ON or heading.text.endswith(("-", "‐"))


def _add_note_line(notes: list[list[int]], i: int, line: Line) -> None:
    """A footnote's line: its mark opens a note, so does a template's notice (ACM's permission
    block under the authors' address: `TEMPLATE_NOTICE`), any other line goes on with the last one."""
    if line.note_mark or not notes or TEMPLATE_NOTICE.match(line.text.strip()):
        notes.append([i])
    else:
        notes[-1].append(i)


def _same_block(block: tuple, groups: list, lines: list[Line], formula_at: dict | None):
    """The first of `groups` whose lines are `block`'s (a table's cells met again), or None."""
    return next((g for g in groups if g[0] == block[0] and _block_of(lines[g[1][0]], formula_at) == block), None)


def _block_of(line: Line, formula_at: dict | None) -> tuple | None:
    """The block a line belongs to whatever stands around it: (TABLE, (page, table)) for a ruled
    table's cell, (FORMULA, (page, its first line)) for a numbered display formula's line."""
    if line.cell is not None:
        return TABLE, (line.page, line.cell[0])
    formula = formula_at.get((line.page, line.number)) if formula_at else None
    return (FORMULA, (line.page, formula.lines[0])) if formula is not None else None


def is_figure_caption(line: Line) -> bool:
    """Whether a line opens a figure's caption (`Рис. 3. …`, `Figure 1 Flow chart …`)."""
    starts = tuple(sorted({0, *line.breaks}))
    return any(f.defines and f.kind == "figure" for f in find_crossrefs(line.text, starts))


def _opens_caption(line: Line, captioned: dict) -> bool:
    return (line.page, line.number) in captioned or line.table_caption or is_figure_caption(line)


WIDEST_LETTER = 0.6  # a text face's average letter is about half an em wide: 0.6 errs towards the caption going on


_OPENS_WITH_WORD = re.compile(r"[^\W\d_]{2,}\b(?![)\]])")  # a word of two letters or more, no sub-figure's label


def _caption_goes_on(caption: Line, before: Line, line: Line, interrupted: bool, measures: tuple) -> bool:
    """Whether `line` is the next line of a held caption (`caption` its first line, `before` its
    last so far). A caption that ended its sentence does not take a line opening in lower case
    when it interrupted an open sentence: that sentence goes on there (`… we need a way` |
    `Figure 3: … remain the same.` | `of guaranteeing that it …`, ACM's captions in the body's type);
    a sub-figure's label (`б) при …`, `(b) Photo…`, `а – …`) goes on with the caption."""
    spacing, edges, indent = measures
    if interrupted and before.text.rstrip().endswith((".", "!", "?")) and _OPENS_WITH_WORD.match(line.text) and line.text[0].islower():
        return False
    return not starts_new_paragraph(before, line, spacing, edges) and not _leaves_caption(caption, before, line, edges, indent)


def _leaves_caption(caption: Line, before: Line, line: Line, edges, indent: float | None = None) -> bool:
    """Whether `line` is past the end of a caption (`caption` its first line, `before` its last
    so far), though no paragraph's gap or sentence's end says so (GOST's captions end with no
    full stop; a thesis's one-and-a-half spacing leaves the gap after one no wider than a line's):
    - a page or column ended it, and `line` opens a sentence: a caption stands by its figure,
      on one page;
    - `line` is a paragraph's first line (indented, running to the column's right edge) and
      either `before` was set short of both of the column's edges (centred, as GOST sets
      captions, not the label alone; a centred caption's next line is centred too, however
      wide), or `before` ended so far short of the right edge that `line`'s first word would
      have fitted there (a caption set as a paragraph ended on that line), or `line` is
      indented exactly as the body's paragraphs are (`indent`, measured) where `before` was
      not: a caption as wide as the column, then a paragraph (a hanging caption's next line
      stands under the caption's words, past its label, not at the paragraphs' indent)."""
    if before.page != line.page or before.side != line.side and line.y > before.y + before.size:
        return not rules.starts_lowercase(line.text)
    if before.side != line.side:  # side by side (a label in the margin, its text beside it)
        return False
    left, right = edges.get((before.page, before.side), (before.x0, before.x1))
    if before is caption and len(caption.text.split()) < 4:
        return False
    to_the_edge = right - line.x1 < before.size
    indented = (line.x0 - left) - (right - line.x1) > before.size
    if not (to_the_edge and indented):
        return False
    short_of_edges = before.x0 - left >= before.size and right - before.x1 >= before.size
    if short_of_edges:
        return line.x0 <= before.x0
    words = line.text.split()
    if right - before.x1 > len(words[0] if words else "") * WIDEST_LETTER * line.size + before.size:
        return True
    at_indent = indent is not None and abs(line.x0 - left - indent) < 0.3 * line.size
    return at_indent and abs(before.x0 - left - indent) >= 0.5 * line.size


# A list item's mark opening a line: a bullet (Word's Symbol-font bullets as PDFs map them too) or a dash
_ITEM_MARK = re.compile(r"^([•●▪◦■□❑◆❖➢➔►✓\uf0b7\uf0a7\uf0d8]|[-–—](?=\s)|o(?=\s+[A-ZА-ЯЁ]))\s*(?=\S)")  # `o`: Word's second-level bullet in Courier


# A numbered item's mark: a number or a letter with its stop or bracket (`1.`, `2)`, `а)`, `b)`)
_NUMBER_MARK = re.compile(r"^(?:(\d{1,2})[.)]|([а-яa-z])\))\s+(?=\S)")


def item_mark(text: str) -> int | None:
    """The length of the list item's mark opening `text` (with the space after it), or None."""
    m = _ITEM_MARK.match(text) or _NUMBER_MARK.match(text)
    return m.end() if m else None


def item_label(text: str) -> str:
    """A numbered item's mark as printed (`1.`, `а)`); empty for a bullet's or a dash's."""
    m = None if _ITEM_MARK.match(text) else _NUMBER_MARK.match(text)
    return m.group(0).strip() if m else ""


def _ordinal(text: str) -> tuple[str, int] | None:
    """(the numbering's kind, the item's place in it) of a numbered item's mark: `2)` is
    ("1)", 2), `в)` is ("а)", 3)."""
    m = _NUMBER_MARK.match(text)
    if m is None:
        return None
    if m[1]:
        return "1" + m[0].strip()[-1], int(m[1])
    alphabet = "абвгдежзиклмнопрстуфхцчшщэюя" if m[2] in "абвгдежзиклмнопрстуфхцчшщэюя" else "abcdefghijklmnopqrstuvwxyz"
    return alphabet[0] + ")", alphabet.index(m[2]) + 1 if m[2] in alphabet else 0


def _opens_numbered(line: Line, before: Line | None, groups: list, lines: list[Line]) -> bool:
    """Whether `line` opens a numbered item: its mark is the first of a numbering after a line
    that announced a list (`следующие задачи:` / `1. Изучение …`), or the next of the numbering
    the item before it opened (`2.` after the item `1.`, the items nested under that one between
    them: `1. Prepare:` / `• the data` / `2. Train`), words after it."""
    place = _ordinal(line.text)
    if place is None or not re.search(r"[^\W\d_]{2}", line.text[item_mark(line.text):]):
        return False
    kind, number = place
    if number == 1:
        return before is not None and before.text.rstrip().endswith(":")
    for level, rows in reversed(groups):
        if level != ITEM:
            return False
        if _ordinal(lines[rows[0]].text) == (kind, number - 1):
            return True
    return False


def _opens_item(line: Line, before: Line | None, groups: list, lines: list[Line] = ()) -> int | None:
    """ITEM when `line` opens a list item: it opens with a bullet, or with a dash after a line
    that closed a sentence, a clause or (in a list) an item (`такие как:` / `– первый;`): a
    dash that a wrapped sentence put at a line's start (`… страна` / `– это …`) opens none;
    or with a numbered item's mark (`_opens_numbered`)."""
    m = _ITEM_MARK.match(line.text)
    if m is None:
        return ITEM if lines and _opens_numbered(line, before, groups, lines) else None
    if not re.search(r"[^\W\d_]{2}", line.text[m.end():]):  # words, not a formula's minus signs
        return None
    if m.group(1) in "-–—" and before is not None:
        closing = (":", ";", ".", "!", "?") + ((",",) if groups and groups[-1][0] == ITEM else ())
        if not before.text.rstrip().endswith(closing):
            return None
    return ITEM


def _carries_on(first: Line, before: Line, line: Line, level: int | None, captioned: dict, measures: tuple) -> bool:
    """Whether `line` goes on with the open paragraph, caption or list item whose first line is
    `first` and last line `before`: a paragraph's or caption's as the layout says
    (starts_new_paragraph, _leaves_caption); a list item's when it opens in lower case, or the
    line before ran to the column's edge and left its sentence open or the line is set in past
    the item's mark (a hanging indent): a paragraph's first line after a list, set in as far as
    an item's text in Word's defaults, comes after an item's short last line, and is no item's.
    A numbered item's lines go on as a paragraph's do."""
    spacing, edges, indent = measures
    if level not in (None, FIGURE, ITEM) or starts_new_paragraph(before, line, spacing, edges):
        return False
    if level == ITEM and item_label(first.text):  # a numbered item goes on as a paragraph does (GOST sets each as one)
        return True
    if level == ITEM:
        _, right = edges.get((before.page, before.side), (before.x0, before.x1))
        cut = before.x1 >= right - 3 * before.size  # the line before ran to the column's edge
        return rules.starts_lowercase(line.text) or cut and (not rules.ends_sentence(before.text) or line.x0 > first.x0 + 0.5 * line.size)
    return not (_opens_caption(first, captioned) and _leaves_caption(first, before, line, edges, indent))


def _goes_on(before: Line, line: Line, edges, after_table: bool = False) -> bool:
    """Whether `line` carries on the paragraph whose last line is `before`, a figure standing
    between them: the sentence was left open, the line is in the paragraph's type, opens no
    caption and is not a paragraph's first line (set in from its column's edge, in capitals:
    `before` is then a paragraph left without its stop, a formula or code typed as text).
    Past a table (whose cells a page's layout may interleave with the text) only a word cut at
    the line's end or a line opening in lower case says the sentence goes on."""
    if rules.ends_sentence(before.text) or abs(before.size - line.size) > 0.15 * max(before.size, line.size) or is_table_caption(line) or is_figure_caption(line):
        return False
    left, _ = edges.get((line.page, line.side), (line.x0, line.x1))
    if line.x0 - left > 0.8 * line.size and not rules.starts_lowercase(line.text):
        return False
    return not after_table or before.text.rstrip().endswith(("-", "‐", ",")) or rules.starts_lowercase(line.text)


@dataclass
class _Note:
    inlines: tuple
    called: bool = False


def _placed_blocks(built: list, lines: list[Line], superscript_entries: int, places: Places, captioned: dict, formula_at: dict | None = None, loose: dict | None = None) -> list:
    """The grouped lines as blocks on the PDF's pages; superscript numbers up to
    `superscript_entries` are citations (0: the paper cites in brackets, or has no list).
    A footnote goes where its page's text raises its mark; one the text never calls stays a
    paragraph where it was met, but a title's or a by-line's (`_front_note`) is returned apart."""
    notes: dict[int, _Note] = {}  # by the note's group
    callable_notes: dict[tuple[int, str], _Note] = {}  # (page, mark) -> the page's first note so marked
    for k, (level, rows, joined, inlines) in enumerate(built):
        if level == NOTE:
            notes[k] = _Note(tuple(_placed(node, places) for node in inlines))
            first = lines[rows[0]]
            if first.note_mark:
                callable_notes.setdefault((first.page, first.note_mark), notes[k])
    def with_raised(rows: list[int], joined, inlines: tuple) -> tuple:
        """The inlines with their raised marks read (a note's call, a superscript citation), placed on the pages."""
        def raised_at(s: int, e: int):
            raw = joined.text[s:e]
            number, column = joined.position(s)
            page = lines[number - 1].page
            marks = re.split(r"\s*,\s*", raw.strip())
            # a note's call follows the word it annotates: a mark opening a line is an
            # affiliation's or a list's (`¹ CELCT, Trento`), whatever note shares its number
            notes_called = [callable_notes.get((page, mark)) for mark in marks] if column > 1 else []
            if any(note is not None and not note.called for note in notes_called):  # `¹⁴`, `⁹,¹⁰,¹¹`
                out = []
                for note, mark in zip(notes_called, marks):
                    if note is not None and not note.called:
                        note.called = True
                        out.append(Footnote(note.inlines))
                    else:  # a note called before: its mark again
                        out.append(Superscript((Text(mark),)))
                return tuple(out)
            if not (superscript_entries and is_superscript_citation(raw, joined.text[:s])):
                return None
            found, _ = find_citations(f"[{raw}]")
            if len(found) != 1 or any(not r.label.isdigit() or int(r.label) > superscript_entries for r in found[0].refs):
                return None
            refs = tuple(dataclasses.replace(r, start=_shift(r.start), end=_shift(r.end), item_start=_shift(r.item_start), item_end=_shift(r.item_end)) for r in found[0].refs)
            return Citation(raw, refs, places.span(joined.span(s, e)))

        runs = superscript_places(joined, [(i + 1, lines[i]) for i in rows])
        return tuple(_placed(node, places) for node in with_superscripts(inlines, runs, joined.text, raised_at))

    marks: dict[Span, tuple] = {}  # each item's mark: (its kind, page, column, left edge, size)
    blocks = []
    for k, (level, rows, joined, inlines) in enumerate(built):
        if level == TABLE:  # `joined` holds the grid and the table's span, `inlines` each cell's lines, text and words
            grid, span = joined
            words = {cell: with_raised(cell_rows, cell_joined, cell_inlines) for cell, (cell_rows, cell_joined, cell_inlines) in inlines.items()}
            blocks.append((table_of(grid, words, [lines[i] for i in rows], span), None))
            continue
        if level == NOTE:
            blocks.append((Paragraph(notes[k].inlines, places.span(joined.whole)), notes[k]))
            continue
        if level == PICTURE:  # pictures standing in the text uncaptioned, after the line they follow
            blocks.extend((figure_of(row, (), places.span(Span(rows[0] + 1, 1, rows[0] + 1, len(lines[rows[0]].text) + 1))), None) for row in loose[rows[0]])
            continue
        if level in (FORMULA, CODE):
            first = lines[rows[0]]
            span = places.span(Span(rows[0] + 1, 1, rows[-1] + 1, len(lines[rows[-1]].text) + 1))
            blocks.append((formula_paragraph(formula_at[(first.page, first.number)], span) if level == FORMULA else code_block([lines[i] for i in rows], span), None))
            continue
        inlines = with_raised(rows, joined, inlines)
        span = places.span(joined.whole)
        if level == FIGURE:
            first = lines[rows[0]]
            blocks.append((figure_of(captioned[(first.page, first.number)], inlines, span), None))
        elif level == ITEM:
            first = lines[rows[0]]
            blocks.append((ListItem(inlines, span, item_label(first.text)), None))
            marks[span] = (item_kind(first.text), first.page, first.side, first.x0, first.size)
        else:
            blocks.append((Heading(level, inlines, span) if level is not None else Paragraph(inlines, span), None))
    # the notes called in the text went into it; the others stand where they were met, but a
    # first page's note under a star or dagger (the title's or a by-line's: `⁎ Corresponding
    # author. E-mail …`, IEEE's `\\thanks`: the funding, `Manuscript received …`) is the front
    # matter's: returned apart, a note on the title (`_meta`), not in mid-paragraph
    kept = [(block, note) for block, note in blocks if note is None or not note.called]
    front = [k for k, (block, note) in enumerate(kept) if note is not None and _front_note(block, lines)]
    return with_table_captions(_lists([block for k, (block, _) in enumerate(kept) if k not in front], marks)), [kept[k][0] for k in front]


_FRONT_NOTE_MARKS = frozenset("*⁎∗†‡✉")


def _title_notes(meta: Meta, blocks: list, notes: list) -> tuple[Meta, list]:
    """The front matter's notes (`_placed_blocks`) as notes on the title; with no title to
    hang them on, they open the body; a template's notice (`TEMPLATE_NOTICE`) is neither."""
    notes = [note for note in notes if not TEMPLATE_NOTICE.match(plain_text(note.inlines))]  # ACM's permission block, IEEE's placeholder: out
    if not notes or not meta.title:
        return meta, notes + blocks
    return dataclasses.replace(meta, title=meta.title + tuple(Footnote(_unmarked(note.inlines)) for note in notes)), blocks


def _unmarked(inlines: tuple) -> tuple:
    """A title's note without the star or dagger it opens with, printed level (`*This work …`):
    the edition sets its own mark."""
    if inlines and isinstance(inlines[0], Text) and inlines[0].text[:1] in _FRONT_NOTE_MARKS:
        return (Text(inlines[0].text[1:].lstrip()), *inlines[1:]) if inlines[0].text[1:].strip() else inlines[1:]
    return inlines


def _front_note(block, lines: list[Line]) -> bool:
    """A footnote the text never called, on the document's first page, opening with a star or
    a dagger, or with no mark raised at all (IEEE's `\\thanks` under the first column: the
    funding, `Manuscript received …`, `• A. Author is with …`): the title's or a by-line's note."""
    first = next((l for l in lines if l.text and l.page == block.span.page and l.number == block.span.line), None)
    return first is not None and first.page == lines[0].page and (not first.note_mark or first.note_mark[:1] in _FRONT_NOTE_MARKS)


def item_kind(text: str) -> str:
    """The kind of an item's mark: its bullet (`•`, `◦`), a dash (`-`, `–` and `—` alike: a
    writer types them at random), or its numbering's (`1.`, `a)`)."""
    m = _ITEM_MARK.match(text)
    if m is not None:
        return "–" if m.group(1) in "-–—" else m.group(1)
    place = _ordinal(text)
    return place[0] if place else ""


NEST_INDENT = 0.5  # sizes: an item's mark set in this much past the item above opens a list nested in that one


def _lists(blocks: list, marks: dict | None = None) -> list:
    """Runs of list items made lists; a numbering that starts again opens a list of its own.

    An item of another kind than its list's (`•` or `a)` under `1.`) whose mark is set in past
    the item above it (NEST_INDENT, on one page and column: a list's own marks stand level)
    opens a list nested in that item, as pandoc reads an indented list; the next item of an
    enclosing list's kind (`2.`) goes back to that list. `marks` gives each item's mark by its
    span (see `_placed_blocks`)."""
    marks = marks or {}
    out: list = []
    open_lists: list[tuple[str, list]] = []  # the lists open, outermost first: (kind, [[item, its nested lists]])
    for block in blocks:
        if not isinstance(block, ListItem):
            open_lists.clear()
            out.append(block)
            continue
        mark = marks.get(block.span, ("",))
        depth = _list_depth(open_lists, mark, block.label[:-1] in ("1", "а", "a"), marks)  # `1.` again: a list of its own
        if depth is None:
            open_lists.clear()
            out.append([])
            open_lists.append((mark[0], out[-1]))
            depth = 0
        elif depth == len(open_lists):  # a list nested in the item above
            open_lists[-1][1][-1][1].append([])
            open_lists.append((mark[0], open_lists[-1][1][-1][1][-1]))
        del open_lists[depth + 1 :]
        open_lists[depth][1].append([block, []])
    return [_frozen_list(b) if isinstance(b, list) else b for b in out]


def _list_depth(open_lists: list, mark: tuple, restarts: bool, marks: dict) -> int | None:
    """The depth of the open list an item goes on: len(open_lists) for a new list nested in the
    last item, None for a list of its own (none open, or a numbering starting again)."""
    if not open_lists:
        return None
    kind = mark[0]
    above = marks.get(open_lists[-1][1][-1][0].span)
    if kind != open_lists[-1][0] and above is not None and len(mark) > 1 and mark[1:3] == above[1:3] and mark[3] - above[3] >= NEST_INDENT * mark[4]:
        return len(open_lists)
    if restarts:
        return None
    return next((d for d in range(len(open_lists) - 1, -1, -1) if open_lists[d][0] == kind), len(open_lists) - 1)


def _frozen_list(items: list) -> BulletList:
    """A list built as [[item, nested lists]] as a BulletList, its items holding their nested lists."""
    done = tuple(dataclasses.replace(item, blocks=tuple(_frozen_list(n) for n in nested)) if nested else item for item, nested in items)
    last = done[-1].blocks[-1].span if done[-1].blocks else done[-1].span
    return BulletList(done, dataclasses.replace(done[0].span, end_line=last.end_line, end_column=last.end_column))


def _abstracts_and_keywords(fm, fields, texts: list[str], references: list) -> tuple[list[FieldText], tuple]:
    """The abstracts and keyword sets the layout labels (else the text reader's), and a
    translated abstract and keywords printed after the list, as the text reader reads them
    (the title block over them joins `fm.translations`)."""
    front = list(fields.abstracts or fm.abstracts)
    keyword_sets = [(detect_language(" ".join(words)), tuple(words)) for words in fields.keyword_sets] or list(fm.keyword_sets)
    if references:
        have = {a.language for a in front} | {language for language, _ in keyword_sets}
        for late, late_keywords, block in blocks_after_list(texts, max(e.span.end_line for e in references), len(texts), have):
            front += [late] if late is not None and late.language not in {a.language for a in front} else []
            keyword_sets.append(late_keywords)
            fm.translations.append(block)
    return front, tuple(keyword_sets)


def _meta(fm, fields, title_text: str | None, authors: list[str], language: str, abstracts: tuple, keyword_sets: tuple, emails: list[str]) -> Meta:
    """The paper's metadata: the text reader's front matter (`fm`), completed by the fields
    the layout labels (`fields`) and the title and authors the layout found; the title block
    in other languages kept beside the title found (`translated`)."""
    meta = Meta(
        udc=fm.udc or fields.udc,
        irsti=fm.irsti,
        title=(Text(title_text),) if title_text else (),
        authors=tuple(authors),
        affiliations=tuple(fm.affiliations),
        position=fm.position,
        supervisor=fm.supervisor,
        language=language,
        keywords=tuple(fm.keywords) or (tuple(fields.keyword_sets[0]) if fields.keyword_sets else ()),
        abstracts=abstracts,
        keyword_sets=keyword_sets,
        emails=tuple(emails),
    )
    return dataclasses.replace(meta, translations=translated(meta, fm.translations))


def with_title_page(lines: list[Line], title: str | None, authors: list[str], fm=None, language: str | None = None) -> tuple[str | None, list[str], bool]:
    """The title and authors, those a thesis's title page names first (`read_title_page`): it
    names them as no title block does; never the title as an author (`apart_from_title`); and
    whether the first page is such a title page (a cover: it holds no abstract, and the front
    matter `fm` read from the lines keeps none there: `FrontMatter.off_cover`)."""
    page = read_title_page(first_page_texts(lines))
    if page is None:  # an article's page names its editors, a report's its checker: never authors
        others = others_named(first_page_texts(lines))
        authors = [a for a in authors if not others.names_other(a)] or authors
        return title, apart_from_title(authors, title), False
    if fm is not None:
        fm.off_cover(next((i for i, line in enumerate(lines) if line.page != lines[0].page), len(lines)), language)
    authors = [a for a in authors if not page.names_other(a)]  # never the supervisor's or a reviewer's name
    title = None if page.strikes_title(title) else title  # the cover's head, where the cover names no title
    return page.title or title, apart_from_title(page.with_author(authors), page.title or title), True


TITLE_PAGE_GAP = 1.8  # a gap between baselines this many times the type's size parts a title page's blocks
SPACING_SLACK = 1.25  # a gap this many times a page's narrowest is its line spacing still, not a parting


def first_page_texts(lines: list[Line]) -> list[str]:
    """The first page's lines as the title-page rules read them (`read_title_page`): a blank
    line where the layout put one or a gap wider than TITLE_PAGE_GAP lines parts two blocks,
    unless the page sets every line so far apart: a cover in double spacing parts its blocks by
    gaps wider than its line spacing (over SPACING_SLACK times its narrowest gap)."""
    first = next((line.page for line in lines if line.text.strip()), None)
    placed = _top_down([line for line in lines if line.page == first])
    gaps = [a.y - b.y for a, b in zip(placed, placed[1:]) if a.y - b.y > 0.5 * max(a.size, b.size, 1.0)]
    spacing = SPACING_SLACK * min(gaps) if gaps else 0.0
    out: list[str] = []
    above = None
    for line in placed:
        if not line.text.strip() or above is not None and above.y - line.y > max(TITLE_PAGE_GAP * max(line.size, above.size, 1.0), spacing):
            if out and out[-1]:
                out.append("")
        if line.text.strip():
            out.append(line.text)
            above = line
    return out


def _top_down(lines: list[Line]) -> list[Line]:
    """A title page's lines from the top down, those on one baseline from left to right (a
    form's label and the name set right of it: `доцент, к. ф.-м. н.` … `И. Ю. Выгодчикова`),
    whatever columns the layout read them in: a cover is one page of blocks, not columns.
    Blank lines (the layout's partings) are left out; the gaps part the blocks."""
    placed = sorted((line for line in lines if line.text.strip()), key=lambda line: -line.y)
    rows: list[list[Line]] = []
    for line in placed:
        if rows and _one_baseline(rows[-1][0], line):
            rows[-1].append(line)
        else:
            rows.append([line])
    return _stacks_kept([line for row in rows for line in sorted(row, key=lambda line: line.x0)])


def _one_baseline(a: Line, b: Line) -> bool:
    return abs(a.y - b.y) < 0.5 * max(a.size, b.size, 1.0)


STACK_GAP = 2.0  # lines this many sizes apart or closer, one over the other, are one block of a cover


def _stacks(ordered: list[Line]) -> list[list[int]]:
    """The cover's blocks: lines one over the other (their extents overlap across the page),
    each at most STACK_GAP sizes below the block's last line; indexes into `ordered`."""
    stacks: list[list[int]] = []
    for i, line in enumerate(ordered):
        home = next((s for s in reversed(stacks) if (last := ordered[s[-1]]).y > line.y and last.y - line.y <= STACK_GAP * max(last.size, line.size, 1.0)
                     and min(last.x1, line.x1) > max(last.x0, line.x0)), None)
        home.append(i) if home is not None else stacks.append([i])
    return stacks


def _interleaved(a: list[Line], b: list[Line]) -> bool:
    """Two blocks set side by side whose lines fall between each other's baselines (a cover's
    `Зав. кафедрой` / `… Волков М. В.` on the left, `Магистерская диссертация` / `студента 2 курса`
    / `Мухаметьянова Д. И.` on the right, half a line lower): each of two lines or more, apart
    across the page, over one stretch of it, fewer than half of the shorter's lines sharing a
    baseline with the other's (a form's rows, label and value on one baseline, are not)."""
    if min(len(a), len(b)) < 2 or not (min(x.x1 for x in a) <= max(x.x0 for x in b) or min(x.x1 for x in b) <= max(x.x0 for x in a)):
        return False
    if max(x.x0 for x in a) < min(x.x1 for x in b) and max(x.x0 for x in b) < min(x.x1 for x in a):
        return False  # the blocks overlap across the page
    if a[0].y < b[-1].y or b[0].y < a[-1].y:
        return False  # one stands wholly above the other
    shared = sum(any(_one_baseline(x, y) for y in b) for x in a)
    return shared < min(len(a), len(b)) / 2


def _stacks_kept(ordered: list[Line]) -> list[Line]:
    """`ordered` (row by row) with the lines of blocks set side by side and interleaved
    (`_interleaved`) read block by block, the higher block first, where the first of them stood."""
    stacks = _stacks(ordered)
    joined: dict[int, list[list[int]]] = {}  # the first stack of a group -> the group's stacks
    for k, stack in enumerate(stacks):
        partner = next((j for j in joined if any(_interleaved([ordered[i] for i in stack], [ordered[i] for i in other]) for other in joined[j])), None)
        joined.setdefault(k if partner is None else partner, []).append(stack)
    out: list[Line] = []
    done: set[int] = set()
    for i in range(len(ordered)):
        if i in done:
            continue
        group = next((g for g in joined.values() if any(i in stack for stack in g)), [[i]])
        members = [j for stack in sorted(group, key=lambda st: -ordered[st[0]].y) for j in stack] if len(group) > 1 else [i]
        out += [ordered[j] for j in members]
        done.update(members)
    return out


def past_volume_front(lines: list[Line]) -> list[Line]:
    """The lines from the paper's own title block on when the PDF opens with its volume's front
    matter (a proceedings' or a journal issue's cover, imprint and contents: `paper_in_volume`),
    else all: what stands above is no part of the paper, as the text reader's body starts past it."""
    starts = tuple(i for i, line in enumerate(lines) if i == 0 or line.page != lines[i - 1].page)
    begin = paper_in_volume([line.text for line in lines], starts) if len(starts) > 1 else None
    return lines[begin:] if begin else lines


def _document(path: str, lines: list[Line], layer: list[Diagnostic], pictures: list[PagePicture] = (), tables: dict | None = None, formulas: list[PageFormula] = ()) -> Document:
    tables = tables or {}
    lines = past_volume_front(lines)
    texts = [line.text for line in lines]
    places = Places(lines)
    body = body_size(lines)
    # The front matter ends before the first table (and its caption): a cell's `12.5` alone on its line is no UDC.
    before_tables = lines[: next((i for i, line in enumerate(lines) if line.cell is not None or line.table_caption), len(lines))]
    front_texts = texts[: len(before_tables)]
    language = detect_language("\n".join(texts)[:200_000])
    fm = read_front_matter(front_texts, language=language, page_breaks=tuple(i for i, line in enumerate(before_tables) if i and line.page != before_tables[i - 1].page))
    fm.choose(language)  # the abstract and keywords in the paper's language, as the text reader takes them
    title = _title_past_cover(before_tables, body) if not fm.labelled_title else None  # a title given by its label (`Статья: «…»`) stands over the layout's
    rows, items = front_items(before_tables, body)
    rules_title = title_of(lines, title) if title else " ".join(fm.title_lines) or None
    rules_authors = (layout_authors := find_authors(lines, title) if title else []) or list(fm.authors)
    display = title is not None and lines[title[0]].size >= DISPLAY * body
    choice = decide(items, language, rules_title, rules_authors, display)  # the model judges the rules' title and authors
    cut: list[str] = []
    if choice.title and not fm.labelled_title:
        title, cut = without_smaller_name(lines, [rows[i] for i in choice.title])
    if title is not None:
        title = list(itertools.dropwhile(lambda i: is_rubric(lines[i].text), title)) or title  # `ТЕХНИЧЕСКИЕ НАУКИ` set as the title is
        title_text = title_of(lines, title)
        authors = (None if blocks_under(lines, title) else with_rest_of_by_line(choice.authors, layout_authors)) or find_authors(lines, title) or list(fm.authors) or cut  # the layout's author blocks stand
        start = max(fm.body_start, title[-1] + 1)
    else:
        title_text = " ".join(fm.title_lines) or None
        authors = choice.authors or list(fm.authors)
        start = fm.body_start
    title_text, authors, cover = with_title_page(lines, title_text, authors, fm, language)
    lexicon = rules.attested_words(texts)

    def join_parts(parts: list[str]) -> str:
        return join_lines(list(enumerate(parts, start=1)), lexicon).text if any(p.strip() for p in parts) else ""

    fields = labelled_fields(before_tables, front_texts, join_parts, list_heading(texts, start))  # labels past the list: its translated blocks', the next paper's
    if not fields.abstracts and title is not None and not cover:  # a thesis's cover: its small or bold lines are the university's, the kind's
        found_abstract = unlabelled_abstract(before_tables, front_texts, title[-1] + 1, body, join_parts)
        if found_abstract is not None:
            fields.abstracts.append(found_abstract[0])
            fields.last = max(fields.last, found_abstract[1])
    start = max(start, fields.last + 1)  # the front matter is meta, not body text
    emails = list(dict.fromkeys(emails_in([without_superscripts(line) for line in lines[:start]]) + choice.emails))
    found = find_reference_list(texts, start)
    end = found.body_end if found else len(lines)
    labels = found.labels if found else frozenset()
    notes: list[Diagnostic] = []
    budget = [MAX_LABELS]

    references, inside = _entries_and_body_beside(lines, texts, found, lexicon)
    entries = (len(found.starts) or len(references) or None) if found else None  # also where the list's numbers stood apart
    captioned, formula_at = figure_pictures(pictures), {(f.page, n): f for f in formulas for n in f.lines}
    groups, loose = with_loose_pictures(code_groups(set_off_paragraphs(_wrapped_headings(_body_groups(lines, start, end, inside, captioned, formula_at), lines), lines), lines, CODE), lines, [p for p in pictures if p.caption is None], (start, end))

    words = lambda joined, **where: crossrefs_of(inlines_of(joined, path, notes, budget, entries, labels), joined, **where)  # noqa: E731
    built = _built_groups(groups, lines, tables, places, lexicon, words)

    heading = None if found is None else found.heading if found.heading is not None else found.body_end  # a list with no heading: its first entry's line
    front, keyword_sets = _abstracts_and_keywords(fm, fields, texts, references)
    brackets = sum(1 for level, *_, inlines in built for run in ([c[2] for c in inlines.values()] if level == TABLE else [inlines]) for node in run if isinstance(node, Citation))
    blocks, front_notes = _superscript_cited(bool(found and found.starts), built, lines, len(references) if brackets == 0 else 0, places, captioned, formula_at, loose)

    references = [dataclasses.replace(entry, span=places.span(entry.span), field_spans=tuple((name, places.span(span)) for name, span in entry.field_spans)) for entry in references]
    placed = lambda node: _placed(node, places)  # noqa: E731
    abstracts = tuple((a.language, field_inlines(a, texts, lexicon, path, notes, entries, placed, labels, lambda inlines, joined, a=a: linked(inlines, joined, {i + 1: lines[i] for i in a.rows}))) for a in front)  # its words' web links kept
    meta, blocks = _title_notes(_meta(fm, fields, title_text, authors, language, abstracts, keyword_sets, emails), blocks, front_notes)
    line = lines[heading] if heading is not None else None
    heading_span = Span(line.number, 1, line.number, len(line.text) + 1, page=line.page) if line is not None else None
    return Document(
        path=path,
        meta=meta,
        blocks=tuple(blocks),
        references=tuple(references),
        references_span=heading_span,
        end_line=lines[-1].number,
        encoding="pdf",  # no text file behind it: build checks glyphs on the model, as for a DOCX
        notes=tuple(layer) + tuple(places.note(n) for n in notes),
    )


def _superscript_cited(numbered: bool, built: list, lines: list[Line], entries: int, *placing) -> tuple[list, list]:
    """The blocks placed (`_placed_blocks`) with superscript numbers read as citations of the
    list's `entries` (0: none, the paper cites in brackets or has no list) where the list shows
    its numbers (`numbered`: its entries' starts), or where, its numbers unseen, the superscripts
    cite it in order of first citation (`counts_in_order`); else with none: an author–year list
    prints no numbers, and a unit's or a statistic's exponent (`316 km²`, `partial η²`) is no
    citation of its second entry."""
    blocks, notes = _placed_blocks(built, lines, entries, *placing)
    if entries and not numbered and not counts_in_order(_first_cited(blocks)):
        return _placed_blocks(built, lines, 0, *placing)
    return blocks, notes


def _first_cited(blocks: list) -> list[int]:
    """The numbers the blocks' superscript citations cite, each once, in order of first citation."""
    firsts: list[int] = []
    for block in blocks:
        for run in inline_runs(block):
            for node in run:
                cites = [n for n in node.inlines if isinstance(n, Citation)] if isinstance(node, Superscript) else []
                firsts.extend(int(r.label) for c in cites for r in c.refs if r.label.isdigit() and int(r.label) not in firsts)
    return firsts


def _entries_and_body_beside(lines: list[Line], texts: list[str], found, lexicon) -> tuple[list, list[int]]:
    """The list's entries, and the body's lines besides those before the list: the prose the
    layout put between entries, and an appendix printed after the list (read after it, as printed)."""
    inside = [i for begin, stop in (found.body_inside if found else ()) for i in range(begin, stop)]
    references = _entries(lines, texts, found, lexicon)
    appendix = appendix_after_list(texts, max(e.span.end_line for e in references) - 1) if references else None
    if appendix is not None:
        inside += range(*appendix)
    return references, inside


def _built_groups(groups: list, lines: list[Line], tables: dict, places: Places, lexicon, words) -> list:
    """Each group's lines joined and read into words (`words`: citations and cross-references
    found): (level, rows, joined, inlines); a table's: (TABLE, rows, (grid, span), its cells'
    lines, text and words)."""
    built = []
    for level, rows in groups:
        if level == TABLE:
            first = lines[rows[0]]
            grid = tables[(first.page, first.cell[0])]
            on_rows = {i + 1: lines[i] for i in rows}
            cells = _cell_texts(rows, lines, grid, lexicon, lambda numbered, glued: join_lines(numbered, lexicon, glued=glued), lambda joined, on=on_rows: linked(words(joined, at_start=False), joined, on))
            span = places.span(Span(rows[0] + 1, 1, rows[-1] + 1, len(lines[rows[-1]].text) + 1))
            built.append((TABLE, rows, (grid, span), cells))
            continue
        if level in (FORMULA, CODE, PICTURE):
            built.append((level, rows, None, ()))
            continue
        numbered = [(i + 1, lines[i].text) for i in rows]
        joined = join_lines(numbered, lexicon, len(lines[rows[0]].note_mark) if level == NOTE else item_mark(lines[rows[0]].text) or 0 if level == ITEM else 0, kept_hyphens(rows, lines, lexicon))
        breaks = [start for start, _ in superscript_places(joined, [(i + 1, dataclasses.replace(lines[i], superscripts=[(b, b + 1) for b in lines[i].breaks])) for i in rows])]
        inlines = words(joined, starts=breaks)
        first = lines[rows[0]]
        if level in (None, ITEM, NOTE) and not (first.table_caption or is_table_caption(first) or is_figure_caption(first)):
            inlines = styled(inlines, joined, {i + 1: lines[i] for i in rows})  # a paragraph's words in their styles; a heading's or caption's style is the venue's
        built.append((level, rows, joined, linked(inlines, joined, {i + 1: lines[i] for i in rows})))
    return built


FIGURE = 0  # a group of lines that is a figure's caption (heading levels start at 1)
ITEM = -4  # a group of lines that is a list item
CODE = -5  # a group of lines that is a block of code (set in a monospace face)
FORMULA = -3  # a group of lines that is a numbered display formula
NOTE = -1  # a group of lines that is a footnote
PICTURE = -6  # pictures standing in the text with no caption: the group's one row is the line they follow
TABLE = -2  # a group of lines that is a ruled table's cells


def figure_pictures(pictures) -> dict[tuple[int, int], list[PagePicture]]:
    """The pictures bound to each caption line, by (page, line number), left to right."""
    out: dict[tuple[int, int], list[PagePicture]] = {}
    for picture in pictures:
        if picture.caption is not None:
            out.setdefault((picture.page, picture.caption), []).append(picture)
    return out


def with_loose_pictures(groups: list, lines: list[Line], pictures: list[PagePicture], body: tuple[int, int]) -> tuple[list, dict[int, list[list[PagePicture]]]]:
    """The groups with the pictures standing in the text uncaptioned (images.loose_pictures)
    put where they stand: after the group holding the line they follow in reading order (the
    nearest line above them in their column; at a column's top, the line before its first one
    below them), pictures side by side on one row as one figure; and those pictures by that
    line's index, row by row. A picture outside the body's lines (`body`: from its first line to
    the list; the front matter's, the list's) is left."""
    at: dict[int, list[list[PagePicture]]] = {}
    for picture in sorted(pictures, key=lambda p: (p.page, -p.box[3], p.box[0])):
        anchor = _picture_anchor(lines, picture)
        if anchor is None or not body[0] - 1 <= anchor < body[1]:
            continue
        rows = at.setdefault(anchor, [])
        if rows and rows[-1][0].page == picture.page and same_row(rows[-1][0].box, picture.box):
            rows[-1].append(picture)
        else:
            rows.append([picture])
    if not at:
        return groups, at
    out = list(groups)
    for anchor in sorted(at, reverse=True):
        k = max((k for k, (_, rows) in enumerate(out) if min(rows) <= anchor), default=-1)
        out.insert(k + 1, (PICTURE, [max(anchor, 0)]))
    return out, {max(anchor, 0): rows for anchor, rows in at.items()}


def _picture_anchor(lines: list[Line], picture: PagePicture) -> int | None:
    """The index of the line a picture follows in reading order: the last line of its page
    standing above it over the same stretch, else the line before the first one below it."""
    left, bottom, right, top = picture.box
    beside = [i for i, l in enumerate(lines) if l.page == picture.page and l.text and min(l.x1, right) - max(l.x0, left) > 0]
    above = [i for i in beside if lines[i].y - 0.3 * lines[i].size >= top - 2]
    if above:
        return max(above)
    below = [i for i in beside if lines[i].y + lines[i].size <= bottom + 2]
    return min(below) - 1 if below else None


def formula_paragraph(formula: PageFormula, span: Span) -> Paragraph:
    """A display formula: its picture, marked as mathematics, and its number beside it if it has
    one (as a Word equation object's picture keeps its number)."""
    name = f"page{formula.page}-formula{formula.number or f'-line{formula.lines[0]}'}"
    picture = Image(formula.data, "image/png", formula.width, formula.height, name=name, formula=True, type_size=formula.type_size)
    return Paragraph((picture, Text(f"\u2003({formula.number})")) if formula.number else (picture,), span)


def figure_of(pictures: list[PagePicture], caption: tuple, span: Span) -> Figure:
    """A figure: its pictures at the size the page shows them, its caption's words and the
    number its caption's label gives (the label itself the editions print)."""
    images = tuple(Image(p.data, p.media_type, round(p.box[2] - p.box[0], 2), round(p.box[3] - p.box[1], 2), name=f"page{p.page}-figure{k}") for k, p in enumerate(pictures, start=1))
    words, number = without_caption_label(caption)
    return Figure(images, words, span, number=number)


def _cell_texts(rows: list[int], lines: list[Line], grid: Grid, lexicon: rules.Lexicon, join, inlines) -> dict[int, tuple[list[int], object, tuple]]:
    """Each cell's lines, text and words, by the cell's index in its grid: its lines joined as
    a paragraph's (citations and cross-references found in them)."""
    by_cell: dict[int, list[int]] = {}
    for i in rows:
        by_cell.setdefault(lines[i].cell[1], []).append(i)
    out = {}
    for cell, indexes in by_cell.items():
        _, col, _, span = grid.cells[cell]
        glued = glued_in_cell([lines[i] for i in indexes], grid.xs[col], grid.xs[col + span], lexicon)
        joined = join([(i + 1, lines[i].text) for i in indexes], glued)
        out[cell] = (indexes, joined, inlines(joined))
    return out


CELL_PADDING = 6.5  # points a cell keeps clear at each side: Word's 5.4, LaTeX's \tabcolsep 6


def glued_in_cell(cell_lines: list[Line], left: float, right: float, lexicon: rules.Lexicon) -> frozenset[int]:
    """The indexes of a cell's lines that go on a word the line before broke where it could
    not fit (`supercloud`/`storage`/`.com`): the line before is one token, not hyphenated,
    filling the cell between its paddings (room for less than one more letter), the line
    goes on in lower case, and the pieces joined make an address (a dot, a slash or an `@`
    inside) or a word the paper writes whole. A word that fits is moved whole to the next
    line, which a justified cell fills as well (`Максимальный`/`размер`): without an address
    or an attested word the space stays."""
    def head(line: Line) -> str:
        return line.text.split()[0] if line.text.split() else ""

    def goes_on(k: int) -> bool:
        before, token = cell_lines[k - 1], head(cell_lines[k])
        return (" " not in before.text and not before.text.endswith(("-", "‐")) and (token[:1].islower() or token[:1].isdigit())
                and before.x1 - before.x0 >= right - left - 2 * CELL_PADDING - before.size)

    glued: set[int] = set()
    k = 1
    while k < len(cell_lines):
        if not goes_on(k):
            k += 1
            continue
        chain = [k]
        while chain[-1] + 1 < len(cell_lines) and " " not in cell_lines[chain[-1]].text and goes_on(chain[-1] + 1):
            chain.append(chain[-1] + 1)
        word = "".join(cell_lines[i - 1].text for i in chain) + head(cell_lines[chain[-1]])
        if re.search(r"\w[./@]\w", word) or word.lower().strip(".,;:") in lexicon:
            glued.update(chain)
        k = chain[-1] + 1
    return frozenset(glued)


def table_of(grid: Grid, cells: dict[int, tuple], lines: list[Line], span: Span) -> Table:
    """A ruled table from its grid and its cells' words. Header rows: the rows a heading cell
    spans down from the first row (`Вероятность` over two rows beside `Ущерб` over four
    columns), else the first row when it is set in bold; a table that sets its headings
    like its data gets none (nothing on the page says which they are)."""
    rows: list[list[Cell]] = [[] for _ in range(len(grid.ys) - 1)]
    for k, (row, _col, rowspan, colspan) in enumerate(grid.cells):
        rows[row].append(Cell(cells.get(k, ()), rowspan, colspan))
    first = [(k, c) for k, c in enumerate(grid.cells) if c[0] == 0]
    header = max(c[2] for _, c in first)
    if grid.header_rows:  # the rows above a rule inside a rules-only table
        header = grid.header_rows
    elif header == 1:
        bold = [line.bold for line in lines if grid.cells[line.cell[1]][0] == 0]
        header = 1 if bold and all(bold) and len(rows) > 1 else 0
    header = header if header < len(rows) else 0
    # a row of one empty cell across the table is the gap between a double border's strokes
    empty = {r for r, row in enumerate(rows) if len(row) == 1 and row[0].colspan == len(grid.xs) - 1 and not plain_text(row[0].inlines).strip()}
    header -= sum(1 for r in empty if r < header)
    return Table(tuple(tuple(row) for r, row in enumerate(rows) if r not in empty), span, header, grid.widths)


def with_table_captions(blocks: list) -> list:
    """Each ruled table with its caption: the paragraph right above it that opens with a
    table's label (`Таблица 2. …`, `Table 1:`), or a label alone (`Таблица 1`, set flush
    right) with the title under it (up to MAX_TITLE_BLOCKS short blocks: a title in two
    headings, a note); else such a paragraph right below it. A table
    whose caption says it goes on (`Таблица 2. Окончание`, `Окончание табл. 1`) is the rest
    of that table, over a page break: its rows join it, less the heading rows it repeats."""
    out = list(blocks)
    taken: set[int] = set()
    for k, block in enumerate(out):
        if not isinstance(block, Table) or block.caption:
            continue
        for above in (*(tuple(range(k - n, k)) for n in range(1, MAX_TITLE_BLOCKS + 2)), (k + 1,)):
            if min(above) < 0 or max(above) >= len(out) or any(i in taken or not isinstance(out[i], (Paragraph, Heading)) for i in above):  # a title set bold or large reads as a heading
                continue
            words, number = _table_label(out[above[0]].inlines)
            title = [out[i].inlines for i in above[1:]]
            if number is None or (title and (words or any(len(plain_text(t).split()) > MAX_TITLE_WORDS or _table_label(t)[1] is not None for t in title))):
                continue
            caption = _joined(title) if title else words
            taken.update(above)
            earlier = next((i for i in range(k - 1, -1, -1) if isinstance(out[i], Table) and out[i].number == number and i not in taken), None)
            if earlier is not None and (not caption or CONTINUATION.match(plain_text(caption).strip()) is not None):
                out[earlier] = _continued(out[earlier], block)
                taken.add(k)
            else:
                out[k] = dataclasses.replace(block, caption=caption, number=number)
            break
    return [block for k, block in enumerate(out) if k not in taken]


# A label alone over its table (`Таблица 1`, `TABLE III`) may have its title in several blocks
# under it: a title set over two lines as two headings, a note under the title.
MAX_TITLE_BLOCKS = 3
MAX_TITLE_WORDS = 60


def _joined(parts: list[tuple]) -> tuple:
    """The inlines of several blocks as one run, a space between."""
    out: list = []
    for inlines in parts:
        if out:
            out.append(Text(" "))
        out.extend(inlines)
    return tuple(out)


def _continued(table: Table, rest: Table) -> Table:
    """`table` with the rows of its continuation on the next page; the continuation's first
    rows that repeat the table's own first rows (its headings, a row of column numbers) are
    left out. Column counts that differ keep both rows as they are."""
    repeated = 0
    while repeated < len(rest.rows) and repeated < len(table.rows) and _row_text(rest.rows[repeated]) == _row_text(table.rows[repeated]):
        repeated += 1
    if repeated == 0 and rest.rows and any(_row_text(rest.rows[0]) == _row_text(row) for row in table.rows[:3]):
        repeated = 1  # the column numbers (`1 2 3`) repeated, the headings above them not
    return dataclasses.replace(table, rows=table.rows + rest.rows[repeated:], span=dataclasses.replace(table.span, end_line=rest.span.end_line, end_column=rest.span.end_column))


def _row_text(row: tuple[Cell, ...]) -> tuple[str, ...]:
    return tuple("".join(plain_text(cell.inlines).split()) for cell in row)  # a word broken in a narrow cell is one


def _table_label(inlines: tuple) -> tuple[tuple, str | None]:
    """A caption's words and its number when the inlines open with a table's label; a
    continuation's line without one (`Окончание табл. 1`) gives no words and the number."""
    first = next((node for node in inlines if not (isinstance(node, Text) and not node.text.strip())), None)
    if isinstance(first, Text) and (roman := roman_table_label(first.text)) is not None:
        number, at = roman
        rest = first.text[at:]
        return ((Text(rest),) if rest else ()) + inlines[inlines.index(first) + 1 :], number
    if not (isinstance(first, CrossRef) and first.defines and first.kind == "table"):
        number = continued_table(plain_text(inlines))
        return ((), number) if number is not None and len(plain_text(inlines).split()) <= 4 else (inlines, None)
    return without_caption_label(inlines)


def _shift(offset: int | None) -> int | None:
    """Offsets of a label found in `[raw]` moved onto `raw` (the superscript has no bracket)."""
    return None if offset is None else offset - 1


def _placed(node, places: Places):
    """A citation's (a cross-reference's, code's) span moved from the joining's line numbers to its page and line."""
    if isinstance(node, (Citation, CrossRef, Code)) and node.span.page is None:
        return dataclasses.replace(node, span=places.span(node.span))
    if isinstance(node, Superscript | Footnote | Emph | Strong | Link):
        return dataclasses.replace(node, inlines=tuple(_placed(n, places) for n in node.inlines))
    return node
