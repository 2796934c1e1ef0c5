"""Reader for plain text extracted from a PDF: front matter, repaired paragraphs, lists, references."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from statistics import median

from .. import normalize as rules
from ..citations import MAX_LABELS, TooManyLabels, find_citations
from ..diagnostics import Diagnostic, InputError
from ..frontmatter import read_front_matter
from ..model import BulletList, Citation, Document, Entry, Inline, ListItem, Meta, Paragraph, Quote, Span, Text
from ..sourcefile import SourceText

REFERENCES_HEADING = re.compile(
    r"^(?:Әдебиеттер\s+тізімі|Пайдаланылған\s+әдебиеттер(?:\s+тізімі)?|Әдебиеттер|Қолданылған\s+әдебиеттер(?:\s+тізімі)?|"
    r"Список\s+литературы|Список\s+использованной\s+литературы|Список\s+использованных\s+источников|Литература|"
    r"References|Bibliography|Literature|Works\s+cited)\s*:?$",
    re.IGNORECASE,
)
_ENTRY_NUMBER = re.compile(r"^\s*(?:\[(\d{1,6})\]|(\d{1,6})[.)])\s*(?=\S)")


@dataclass
class Joined:
    """A block's text after repair, and where each of its tokens stood in the source."""

    text: str
    offsets: list[int]  # offset in `text` where each token starts
    places: list[tuple[int, int]]  # (line, column) of that token in the source
    end: tuple[int, int]  # (line, column) just past the last character

    def position(self, offset: int) -> tuple[int, int]:
        i = max(bisect.bisect_right(self.offsets, offset) - 1, 0)
        line, column = self.places[i]
        return line, column + (offset - self.offsets[i])

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(end - 1)
        return Span(line, column, end_line, end_column + 1)

    @property
    def whole(self) -> Span:
        return Span(*self.places[0], *self.end)


def join_lines(numbered: list[tuple[int, str]], lexicon: rules.Lexicon, skip: int = 0) -> Joined:
    """Join hard-wrapped lines into one text, repairing line-end hyphens and spaced dashes.

    `numbered` holds (1-based line number, line); `skip` characters of the first line (a list
    marker) are left out. One pass over the tokens; each token remembers where it stood.
    """
    parts: list[str] = []  # tokens and the single spaces between them
    offsets: list[int] = []
    places: list[tuple[int, int]] = []
    finditer, dashes, dash = rules.TOKEN.finditer, rules.SPACED_DASHES, rules.DASH
    length = 0
    broken = False  # the previous line ended in a word broken by a hyphen
    end = (numbered[0][0], 1)
    last = len(numbered) - 1
    for index, (number, line) in enumerate(numbered):
        found = [(m.start(), m.group()) for m in finditer(line, skip if index == 0 else 0)]
        if not found:
            continue
        tokens = [dash if token in dashes else token for _, token in found]
        first = 0
        if broken:  # glue this line's first token to the broken word
            left, token = parts[-1], found[0][1]
            joined = rules.join_line_end_hyphen(left, token, lexicon)
            parts[-1] = joined[: len(joined) - len(token)]
            length += len(parts[-1]) - len(left)
            offsets.append(length)
            parts.append(token)
            length += len(token)
            first = 1
        for token in tokens[first:]:  # each after a single space
            if parts:
                parts.append(" ")
                length += 1
            offsets.append(length)
            parts.append(token)
            length += len(token)
        places.extend([(number, start + 1) for start, _ in found])
        end = (number, found[-1][0] + len(found[-1][1]) + 1)
        broken = index < last and rules.ends_with_line_break_hyphen(parts[-1])
    return Joined("".join(parts), offsets, places, end)


def inlines_of(joined: Joined, path: str, notes: list[Diagnostic], budget: list[int] | None = None) -> tuple[Inline, ...]:
    """Split repaired text into Text and Citation nodes, each citation with its source span.

    `budget` holds the labels the paper may still cite (see MAX_LABELS); it is used up here.
    """
    try:
        found, malformed = find_citations(joined.text, budget[0] if budget else MAX_LABELS)
    except TooManyLabels as exc:
        raise InputError(path, f"holds more than {MAX_LABELS} citation labels (each number of a range counts); split it into smaller files", joined.position(exc.start)[0]) from None
    if budget:
        budget[0] -= sum(len(cite.refs) for cite in found) + len(malformed)
    for bad in malformed:
        line, column = joined.position(bad.start)
        notes.append(Diagnostic("CIT005", f"{bad.raw} looks like a citation but cannot be read; kept as text", path, line, column))
    inlines: list[Inline] = []
    cursor = 0
    for cite in found:
        if cite.start > cursor:
            inlines.append(Text(joined.text[cursor:cite.start]))
        span = joined.span(cite.start, cite.end)
        if cite.problem:
            notes.append(Diagnostic("CIT004", f"{cite.raw}: {cite.problem}", path, span.line, span.column))
        inlines.append(Citation(cite.raw, cite.refs, span))
        cursor = cite.end
    if cursor < len(joined.text):
        inlines.append(Text(joined.text[cursor:]))
    return tuple(inlines)


def _chunks(lines: list[str], start: int, end: int) -> list[list[int]]:
    """Runs of non-blank lines, split further where a short sentence-ending line closes a paragraph."""
    body = [len(lines[i].strip()) for i in range(start, end) if not rules.is_blank(lines[i])]
    width = median(body) if body else 80
    chunks: list[list[int]] = []
    current: list[int] = []
    for i in range(start, end):
        if rules.is_blank(lines[i]):
            if current:
                chunks.append(current)
            current = []
            continue
        if current and (
            rules.ends_paragraph_without_blank(lines[current[-1]], lines[i], width)
            or rules.list_item_marker(lines[i]) is not None and rules.ends_sentence(lines[current[-1]])
        ):
            chunks.append(current)
            current = []
        current.append(i)
    if current:
        chunks.append(current)
    return chunks


def _merge_page_breaks(lines: list[str], chunks: list[list[int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for chunk in chunks:
        if merged and rules.list_item_marker(lines[chunk[0]]) is None and rules.rejoins_across_blank_line(
            lines[merged[-1][-1]], lines[chunk[0]]
        ):
            merged[-1] = merged[-1] + chunk
        else:
            merged.append(chunk)
    return merged


_QUOTE = re.compile(r"^«[^«»]*»[\s\d\[\],.;–-]*$")


def _blocks(lines: list[str], chunks: list[list[int]], lexicon: rules.Lexicon, path: str, notes: list[Diagnostic]):
    blocks: list = []
    items: list[ListItem] = []
    budget = [MAX_LABELS]

    def close_list() -> None:
        if items:
            blocks.append(BulletList(tuple(items), Span(items[0].span.line, items[0].span.column, items[-1].span.end_line, items[-1].span.end_column)))
            items.clear()

    for chunk in chunks:
        numbered = [(i + 1, lines[i]) for i in chunk]
        marker = rules.list_item_marker(lines[chunk[0]])
        joined = join_lines(numbered, lexicon, skip=marker or 0)
        inlines = inlines_of(joined, path, notes, budget)
        if marker is not None:
            items.append(ListItem(inlines, joined.whole))
            continue
        close_list()
        kind = Quote if _QUOTE.match(joined.text) else Paragraph
        blocks.append(kind(inlines, joined.whole))
    close_list()
    return blocks


def find_reference_heading(lines: list[str], start: int) -> int | None:
    """Index of the last line that is a reference-list heading, at or after `start`."""
    for i in range(len(lines) - 1, start - 1, -1):
        line = lines[i]
        if len(line) < 120 and REFERENCES_HEADING.match(line.strip()):
            return i
    return None


def read_reference_list(lines: list[str], heading: int, lexicon: rules.Lexicon, path: str) -> list[Entry]:
    """Entries under the heading: numbered `1.`, `1)` or `[1]`, each possibly wrapped over lines.

    A wrapped line that happens to start with a number (`2004. 1090 p.`) continues its entry
    unless it is the next number in sequence, repeats the current number (a duplicate, which
    the linker reports), or follows a blank line.

    Unnumbered lists take one entry per paragraph (or per line when no blank line separates
    them) and are numbered in order.
    """
    groups: list[tuple[int | None, list[int]]] = []
    rows = range(heading + 1, len(lines))
    numbered = any(_ENTRY_NUMBER.match(lines[i]) for i in rows)
    # Unnumbered and never separated by a blank line: one entry per line.
    filled = [i for i in rows if not rules.is_blank(lines[i])]
    one_per_line = not numbered and len(filled) == (filled[-1] - filled[0] + 1 if filled else 0)
    previous_blank = True
    for i in range(heading + 1, len(lines)):
        if rules.is_blank(lines[i]):
            previous_blank = True
            continue
        m = _ENTRY_NUMBER.match(lines[i])
        if m and groups and groups[-1][0] is not None and int(m[1] or m[2]) not in (groups[-1][0], groups[-1][0] + 1) and not previous_blank:
            m = None  # `2004. 1090 p.` continuing an entry is a year, not entry 2004
        starts = bool(m) if numbered else (previous_blank or one_per_line)
        if starts or not groups:
            groups.append((int(m[1] or m[2]) if m else None, [i]))
        else:
            groups[-1][1].append(i)
        previous_blank = False
    entries = []
    for index, (number, rows) in enumerate(groups, start=1):
        m = _ENTRY_NUMBER.match(lines[rows[0]])
        joined = join_lines([(i + 1, lines[i]) for i in rows], lexicon, skip=m.end() if m else 0)
        n = number if number is not None else index
        entries.append(Entry(key=str(n), number=n, span=joined.whole, text=joined.text))
    return entries


def detect_language(text: str) -> str:
    """kk when Kazakh-only letters occur, ru for other Cyrillic, en for Latin script."""
    kazakh = sum(ch in "әғқңөұүһіӘҒҚҢӨҰҮҺІ" for ch in text)
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in text)
    latin = sum("a" <= ch.lower() <= "z" for ch in text)
    if cyrillic > latin:
        return "kk" if kazakh > 0.005 * cyrillic else "ru"
    return "en"


def control_characters(lines: list[str], path: str) -> list[Diagnostic]:
    """One TXT001 finding per line holding control characters (they are read as spaces)."""
    found = []
    for number, line in enumerate(lines, start=1):
        m = rules.CONTROL_CHARS.search(line)
        if m:
            count = len(rules.CONTROL_CHARS.findall(line))
            found.append(Diagnostic("TXT001", f"control character U+{ord(m.group()):04X} removed" + (f" (and {count - 1} more on this line)" if count > 1 else ""), path, number, m.start() + 1))
    return found


def read_plaintext(source: SourceText) -> Document:
    """Read a paper's plain text into a Document (citations still unlinked)."""
    lines = source.lines
    path = source.path
    if not source.text:
        raise InputError(path, "is empty")
    if all(rules.is_blank(line) for line in lines):
        raise InputError(path, "contains no text (only whitespace or control characters)")
    notes = control_characters(lines, path)
    if source.encoding not in ("utf-8", "utf-8-sig", "utf-16"):
        notes.append(Diagnostic("TXT002", f"not UTF-8: decoded as {source.encoding}", path, 1, 1))
    fm = read_front_matter(lines)
    heading = find_reference_heading(lines, fm.body_start)
    body_end = heading if heading is not None else len(lines)
    lexicon = rules.attested_words(lines)
    chunks = _merge_page_breaks(lines, _chunks(lines, fm.body_start, body_end))
    blocks = _blocks(lines, chunks, lexicon, path, notes)
    references = read_reference_list(lines, heading, lexicon, path) if heading is not None else []
    meta = Meta(
        udc=fm.udc,
        irsti=fm.irsti,
        title=" ".join(fm.title_lines) or None,
        authors=tuple(fm.authors),
        affiliations=tuple(fm.affiliations),
        position=fm.position,
        supervisor=fm.supervisor,
        language=detect_language(source.text[:200_000]),
        abstract=fm.abstract,
        keywords=tuple(fm.keywords),
    )
    heading_span = None
    if heading is not None:
        col = len(lines[heading]) - len(lines[heading].lstrip()) + 1
        heading_span = Span(heading + 1, col, heading + 1, col + len(lines[heading].strip()))
    return Document(
        path=path,
        meta=meta,
        blocks=tuple(blocks),
        references=tuple(references),
        references_span=heading_span,
        end_line=max((i + 1 for i, line in enumerate(lines) if not rules.is_blank(line)), default=1),
        encoding=source.encoding,
        notes=tuple(notes),
    )
