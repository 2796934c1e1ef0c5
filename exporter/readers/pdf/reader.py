"""Lines of a PDF (with their sizes, weights and places) -> Document: title, headings,
paragraphs, superscript citations, the paper's own list; positions as page and line."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from statistics import median

from ...citations import MAX_LABELS, find_citations, inlines_of
from ...diagnostics import Diagnostic, InputError
from ...language import detect_language
from ...model import Citation, Document, Heading, Meta, Paragraph, Span, Superscript, Text
from ...references.ownlist import find_reference_heading, read_reference_list
from ..plaintext import join_lines
from ..plaintext import normalize as rules
from ..plaintext.frontmatter import read_front_matter, split_authors
from .layout import Line, mark_furniture, open_pdf, read_pages

# A page of a text PDF holds hundreds of letters; a scan holds none (or a stray page number).
MIN_LETTERS_PER_PAGE = 20


def read_pdf(path: str) -> Document:
    """Read a PDF's text layer into a Document (citations still unlinked)."""
    doc = open_pdf(path)
    try:
        pages = read_pages(doc)
    except InputError:
        raise
    except Exception as exc:  # PDFium refusing a damaged page: the file's problem, in one line
        raise InputError(path, f"is a damaged PDF: a page cannot be read ({type(exc).__name__})") from None
    finally:
        doc.close()
    letters = sum(ch.isalpha() for page in pages for line in page.lines for ch in line.text)
    if letters < MIN_LETTERS_PER_PAGE * len(pages):
        raise InputError(path, f"has no text layer ({len(pages)} page(s) of images: a scan?); it needs OCR first, e.g. `ocrmypdf {path} out.pdf`, then check out.pdf")
    mark_furniture(pages)
    lines = [line for page in pages for line in page.lines if not line.furniture]
    return _document(path, lines)


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


def body_size(lines: list[Line]) -> float:
    """The size most of the text is set in (counted in characters)."""
    sizes: Counter = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0]


def letters_in(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def find_title(lines: list[Line], body: float) -> tuple[int, int] | None:
    """[start, end) of the title lines: the largest type on the first page.

    Rule: among the first page's lines with at least three letters, in its first half, the
    largest size, when it is at least 15% above the body size, sets the title; the title is
    the first run of consecutive lines in that size (a journal's name in the same size comes
    later or is furniture).
    """
    first_page = [i for i, line in enumerate(lines) if line.page == lines[0].page]
    first_half = first_page[: max(len(first_page) // 2, 1)]
    candidates = [i for i in first_half if letters_in(lines[i].text) >= 3]
    if not candidates:
        return None
    largest = max(lines[i].size for i in candidates)
    if largest < 1.15 * body:
        return None
    start = next(i for i in candidates if lines[i].size >= largest - 0.5)
    end = start + 1
    while end < len(lines) and lines[end].page == lines[start].page and abs(lines[end].size - lines[start].size) <= 0.5 and end - start < 6:
        end += 1
    return start, end


_MARKERS = re.compile(r"[\d*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰,]+$")


def authors_after_title(lines: list[Line], end: int) -> list[str]:
    """Names on the line after the title, without their affiliation marks (`Гавдан1`, `Smith*`).

    Rule: the line after the title is the author line when each of its comma/`and`-separated
    parts is two to five words, each starting with a capital (an initial counts).
    """
    if end >= len(lines):
        return []
    line = lines[end]
    text = line.text
    for start, stop in reversed(line.superscripts):
        text = text[:start] + " " + text[stop:]
    parts = [_MARKERS.sub("", p.strip()).strip() for p in split_authors(text)]
    parts = [p for p in parts if p]
    if not parts or len(text) > 250:
        return []
    for part in parts:
        words = part.split()
        if not 2 <= len(words) <= 5 or not all(w[:1].isupper() for w in words):
            return []
    return parts


def heading_level(line: Line, body: float, heading_sizes: list[float]) -> int | None:
    """The heading level of a line, or None for running text.

    Rule: a short line (at most 12 words, not ending in `.`, `,` or `;`) is a heading when it is
    set larger than the body (by 10% or more) or in bold where the body is not; levels follow
    the sizes, largest first (bold at body size is the lowest).
    """
    text = line.text.strip()
    words = text.split()
    if not 1 <= len(words) <= 12 or letters_in(text) < 3 or text.endswith((".", ",", ";")):
        return None
    if line.size >= 1.1 * body:
        return min(heading_sizes.index(line.size) + 1, 3) if line.size in heading_sizes else 1
    if line.bold and abs(line.size - body) < 0.5:
        return min(len(heading_sizes) + 1, 3)
    return None


# ---- paragraphs ----------------------------------------------------------------------------


def column_edges(lines: list[Line], body: float) -> dict[tuple[int, str], tuple[float, float]]:
    """Left and right edge of the text of each page column, from its body-size lines."""
    edges: dict[tuple[int, str], list[Line]] = {}
    for line in lines:
        if abs(line.size - body) < 0.5:
            edges.setdefault((line.page, line.side), []).append(line)
    out = {}
    for key, group in edges.items():
        lefts = sorted(l.x0 for l in group)
        rights = sorted(l.x1 for l in group)
        out[key] = (lefts[len(lefts) // 10], rights[-1 - len(rights) // 10])
    return out


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


def with_superscripts(inlines: tuple, runs: list[tuple[int, int]], text: str, cite_at) -> tuple:
    """Split Text nodes at the superscript runs; each run becomes a Superscript node holding
    a Citation (when `cite_at(start, end)` gives one) or its text."""
    if not runs:
        return inlines
    out = []
    offset = 0
    runs = sorted(runs)
    for node in inlines:
        length = len(node.text) if isinstance(node, Text) else len(node.raw) if isinstance(node, Citation) else 0
        if not isinstance(node, Text):
            out.append(node)
            offset += length
            continue
        cursor = 0
        for start, end in runs:
            if start < offset + cursor or end > offset + length:
                continue
            local_start, local_end = start - offset, end - offset
            if local_start > cursor:
                out.append(Text(node.text[cursor:local_start]))
            inner = cite_at(start, end)
            out.append(Superscript((inner,) if inner is not None else (Text(text[start:end]),)))
            cursor = local_end
        if cursor < length:
            out.append(Text(node.text[cursor:]))
        offset += length
    return tuple(out)


# ---- the document --------------------------------------------------------------------------


def _document(path: str, lines: list[Line]) -> Document:
    texts = [line.text for line in lines]
    places = Places(lines)
    body = body_size(lines)
    title = find_title(lines, body)
    fm = read_front_matter(texts)
    if title is not None:
        title_text = " ".join(texts[i].strip() for i in range(*title))
        authors = authors_after_title(lines, title[1]) or list(fm.authors)
        start = max(fm.body_start, title[1] + (1 if authors else 0))
    else:
        title_text = " ".join(fm.title_lines) or None
        authors = list(fm.authors)
        start = fm.body_start
    heading = find_reference_heading(texts, start)
    end = heading if heading is not None else len(lines)
    lexicon = rules.attested_words(texts)
    notes: list[Diagnostic] = []
    budget = [MAX_LABELS]

    # headings and paragraphs
    bold_share = sum(len(l.text) for l in lines if l.bold) / max(sum(len(l.text) for l in lines), 1)
    heading_sizes = sorted({l.size for l in lines[start:end] if l.size >= 1.1 * body and len(l.text.split()) <= 12}, reverse=True)
    spacing = usual_spacing(lines, body)
    edges = column_edges(lines, body)
    groups: list[tuple[int | None, list[int]]] = []  # (heading level or None, line indexes)
    for i in range(start, end):
        line = lines[i]
        level = heading_level(dataclasses.replace(line, bold=line.bold and bold_share < 0.5), body, heading_sizes)
        if level is not None:
            groups.append((level, [i]))
        elif groups and groups[-1][0] is None and not starts_new_paragraph(lines[groups[-1][1][-1]], line, spacing, edges):
            groups[-1][1].append(i)
        else:
            groups.append((None, [i]))

    built = []
    for level, rows in groups:
        numbered = [(i + 1, texts[i]) for i in rows]
        joined = join_lines(numbered, lexicon)
        inlines = inlines_of(joined, path, notes, budget)
        built.append((level, rows, joined, inlines))

    references = read_reference_list(texts, heading, lambda numbered, skip: join_lines(numbered, lexicon, skip)) if heading is not None else []
    brackets = sum(1 for *_, inlines in built for node in inlines if isinstance(node, Citation))
    cite_superscripts = brackets == 0 and bool(references)
    blocks = []
    for level, rows, joined, inlines in built:
        runs = superscript_places(joined, [(i + 1, lines[i]) for i in rows])

        def cite_at(s: int, e: int, joined=joined):
            raw = joined.text[s:e]
            if not (cite_superscripts and is_superscript_citation(raw, joined.text[:s])):
                return None
            found, _ = find_citations(f"[{raw}]")
            if len(found) != 1 or any(not r.label.isdigit() or int(r.label) > len(references) for r in found[0].refs):
                return None
            refs = tuple(dataclasses.replace(r, start=_shift(r.start), end=_shift(r.end), item_start=_shift(r.item_start), item_end=_shift(r.item_end)) for r in found[0].refs)
            return Citation(raw, refs, places.span(joined.span(s, e)))

        inlines = with_superscripts(inlines, runs, joined.text, cite_at)
        inlines = tuple(_placed(node, places) for node in inlines)
        span = places.span(joined.whole)
        blocks.append(Heading(level, inlines, span) if level is not None else Paragraph(inlines, span))

    references = [dataclasses.replace(entry, span=places.span(entry.span)) for entry in references]
    meta = Meta(
        udc=fm.udc,
        irsti=fm.irsti,
        title=title_text,
        authors=tuple(authors),
        affiliations=tuple(fm.affiliations),
        position=fm.position,
        supervisor=fm.supervisor,
        language=detect_language("\n".join(texts)[:200_000]),
        abstract=fm.abstract,
        keywords=tuple(fm.keywords),
    )
    heading_span = None
    if heading is not None:
        line = lines[heading]
        heading_span = Span(line.number, 1, line.number, len(line.text) + 1, page=line.page)
    return Document(
        path=path,
        meta=meta,
        blocks=tuple(blocks),
        references=tuple(references),
        references_span=heading_span,
        end_line=lines[-1].number,
        encoding="utf-8",
        notes=tuple(places.note(n) for n in notes),
    )


def _shift(offset: int | None) -> int | None:
    """Offsets of a label found in `[raw]` moved onto `raw` (the superscript has no bracket)."""
    return None if offset is None else offset - 1


def _placed(node, places: Places):
    """A citation's span moved from the joining's line numbers to its page and line."""
    if isinstance(node, Citation) and node.span.page is None:
        return dataclasses.replace(node, span=places.span(node.span))
    if isinstance(node, Superscript):
        return dataclasses.replace(node, inlines=tuple(_placed(n, places) for n in node.inlines))
    return node
