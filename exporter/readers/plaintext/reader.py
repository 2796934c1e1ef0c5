"""Reader for plain text extracted from a PDF: front matter, repaired paragraphs, lists, references."""

from __future__ import annotations

import re
from statistics import median

from . import normalize as rules
from ...citations import MAX_LABELS, Joined, inlines_of
from ...diagnostics import Diagnostic, InputError
from ...language import detect_language
from ...model import BulletList, Document, ListItem, Meta, Paragraph, Quote, Span
from ...references.ownlist import find_reference_list, read_reference_list
from .frontmatter import read_front_matter
from .sourcefile import SourceText

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


def _blocks(lines: list[str], chunks: list[list[int]], lexicon: rules.Lexicon, path: str, notes: list[Diagnostic], entries: int | None = None):
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
        inlines = inlines_of(joined, path, notes, budget, entries)
        if marker is not None:
            items.append(ListItem(inlines, joined.whole))
            continue
        close_list()
        kind = Quote if _QUOTE.match(joined.text) else Paragraph
        blocks.append(kind(inlines, joined.whole))
    close_list()
    return blocks


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
    found = find_reference_list(lines, fm.body_start)
    body_end = found.body_end if found else len(lines)
    lexicon = rules.attested_words(lines)
    chunks = _merge_page_breaks(lines, _chunks(lines, fm.body_start, body_end))
    for begin, end in found.body_inside if found else ():  # prose the extraction put inside the list
        chunks += _chunks(lines, begin, end)
    blocks = _blocks(lines, chunks, lexicon, path, notes, len(found.starts) if found and found.starts else None)
    references = read_reference_list(lines, found, lambda numbered, skip: join_lines(numbered, lexicon, skip)) if found else []
    heading = None if found is None else found.heading if found.heading is not None else found.starts[0].line
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
