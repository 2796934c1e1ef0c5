"""Fixing a paper on request: renumbering sources in order of first citation, written as a copy.

Edits are made on the source's own text at the spans the reader recorded, so every byte
outside the changed citations and the reference list stays as it was (encoding, line ends).
"""

from __future__ import annotations

import bisect
import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .linker import Linked, iter_citations
from .model import Citation, Entry, Span

_DASHES = "–—-"


class FixRefused(Exception):
    """The paper cannot be renumbered without inventing or losing a mapping, or without
    editing text that is not the citation or entry it was read as (exit 1). `place` is where
    (`12:5`, `¶14:35`), when one place is the reason."""

    def __init__(self, message: str, place: str | None = None):
        super().__init__(message)
        self.place = place


@dataclass(frozen=True)
class Renumbering:
    mapping: dict[int, int]  # old entry number -> new entry number
    cited: int  # how many entries are cited (they come first, in order of first citation)

    @property
    def changes(self) -> bool:
        return any(old != new for old, new in self.mapping.items())


def plan_renumbering(linked: Linked) -> Renumbering:
    """New numbers: cited entries in order of first citation, then the uncited in their old order.

    Refused when there is no list, or when a citation has no entry: a mapping is never guessed.
    """
    entries = linked.document.references
    if not entries:
        raise FixRefused("the paper has no reference list (and no --bib was given): there is nothing to renumber")
    unresolved = sorted({ref.label for cite in iter_citations(linked.document) for ref in cite.refs if ref.entry is None})
    if unresolved:
        shown = ", ".join(f"[{label}]" for label in unresolved[:10]) + (", …" if len(unresolved) > 10 else "")
        raise FixRefused(f"{len(unresolved)} cited label(s) have no entry ({shown}); fix those first, renumbering would lose them")
    numbers = [e.number for e in entries]
    if len(set(numbers)) != len(numbers):
        raise FixRefused("two entries share a number (BIB001); renumbering would merge them")
    by_key = {e.key: e.number for e in entries}
    order: list[int] = []
    for cite in iter_citations(linked.document):
        for ref in cite.refs:
            number = by_key[ref.entry]
            if number not in order:
                order.append(number)
    cited = len(order)
    order += sorted(n for n in numbers if n not in order)
    return Renumbering({old: new for new, old in enumerate(order, start=1)}, cited)


# ---- citations ----------------------------------------------------------------------------


def compact(numbers: list[int], dash: str, ranges: bool, separator: str = ", ") -> str:
    """`[3, 1, 2, 5]` -> `1–3, 5`: sorted, each number once, runs of three or more as ranges."""
    ordered = sorted(set(numbers))
    parts: list[str] = []
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        if ranges and j - i >= 2:
            parts.append(f"{ordered[i]}{dash}{ordered[j]}")
            i = j + 1
        else:
            parts.append(str(ordered[i]))
            i += 1
    return separator.join(parts)


def renumbered_citation(cite: Citation, plan: Renumbering, numbers: dict[str, int], ranges: bool) -> str:
    """The bracket as it reads after renumbering.

    A bracket of bare numbers is rewritten compactly (sorted; ranges where allowed). One with
    locators, words or keys keeps its shape: each written item (a number or a range) is
    replaced where it stands.
    """
    raw = cite.raw
    dash = next((ch for ch in raw if ch in _DASHES), "–")
    dash = "–" if dash == "-" and not ranges else dash
    old = [numbers[ref.entry] for ref in cite.refs if ref.entry in numbers and ref.label.isdecimal()]
    new = [plan.mapping[n] for n in old]
    if new == old:  # nothing renumbered here: the bracket stays as the author wrote it
        return raw
    bare = all(ref.label.isdecimal() and ref.locator is None for ref in cite.refs) and re.fullmatch(r"\[[\d\s,;–—-]+\]", raw)
    if bare:
        separator = "; " if ";" in raw and "," not in raw else ", "
        return f"[{compact(new, dash, ranges, separator)}]"
    items: dict[tuple[int, int], list[int]] = {}
    for ref in cite.refs:
        if ref.entry in numbers and ref.label.isdecimal() and ref.item_start is not None:
            items.setdefault((ref.item_start, ref.item_end), []).append(plan.mapping[numbers[ref.entry]])
    out = raw
    for (start, end), values in sorted(items.items(), reverse=True):
        consecutive = len(values) > 1 and values == list(range(values[0], values[0] + len(values)))
        text = f"{values[0]}{dash}{values[-1]}" if consecutive and ranges else ", ".join(map(str, values))
        out = out[:start] + text + out[end:]
    return out


# ---- the text of the source ---------------------------------------------------------------

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")


def split_keeping_ends(text: str) -> list[str]:
    """Lines with their own line ends (CRLF, CR or LF), as the readers count them."""
    lines = [m.group() for m in _LINE.finditer(text)]
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _content(line: str) -> str:
    return line.rstrip("\r\n")


def _ending(line: str) -> str:
    return line[len(_content(line)) :]


def reorder_list_lines(lines: list[str], entries: tuple[Entry, ...], plan: Renumbering) -> None:
    """Put the list's entries in their new order and renumber their markers, in place.

    Each entry is the run of lines from its marker to the next entry's marker; blank lines
    between entries stay where they were, so the list keeps its layout. Refused (FixRefused)
    when an entry's text is not on the lines it was read from, or when some entries print
    their number and others do not: lines would move that are not the entries.
    """
    ordered = sorted(entries, key=lambda e: e.span.line)
    for entry in ordered:
        _check_entry_text(lines, entry)
    markers = [_marker_line(lines, e, ordered[i - 1].span.end_line if i else 0) for i, e in enumerate(ordered)]
    missing = [e for e, (_, found) in zip(ordered, markers) if not found]
    if missing and len(missing) < len(ordered):  # all unnumbered is a list numbered by position
        entry = missing[0]
        raise FixRefused(f"entry [{entry.number}] is read as number {entry.number}, but its line does not print that number; renumber the list by hand", _place(entry.span))
    starts = [line for line, _ in markers]
    last = ordered[-1].span.end_line  # 1-based, inclusive
    segments = []
    for i, entry in enumerate(ordered):
        first = starts[i]
        stop = starts[i + 1] - 1 if i + 1 < len(ordered) else last
        body = lines[first - 1 : stop]
        while len(body) > 1 and not _content(body[-1]).strip():
            body = body[:-1]
        segments.append((entry, first, stop, len(body)))
    slots = [(first, first + size - 1) for _, first, _, size in segments]
    gaps = [lines[first + size - 1 : stop] for _, first, stop, size in segments]  # blank lines after each slot
    new_order = sorted(segments, key=lambda seg: plan.mapping[seg[0].number])
    rebuilt: list[str] = []
    for slot_index, (entry, first, _, size) in enumerate(new_order):
        body = list(lines[first - 1 : first - 1 + size])
        body[0] = _renumber_marker(body[0], entry.number, plan.mapping[entry.number])
        # A moved last entry may lack a line end; the slot it lands in decides.
        slot_end = _ending(lines[slots[slot_index][1] - 1])
        body[-1] = _content(body[-1]) + slot_end
        rebuilt.extend(body)
        rebuilt.extend(gaps[slot_index])
    lines[starts[0] - 1 : last] = rebuilt


def _marker_line(lines: list[str], entry: Entry, floor: int) -> tuple[int, bool]:
    """The line holding the entry's number (it may stand alone above the entry's text), and
    whether it was found (else the entry's first line)."""
    pattern = re.compile(rf"^\s*\[?{entry.number}\s*[.)\]]")
    for line_no in range(entry.span.line, max(floor, entry.span.line - 3), -1):
        if pattern.match(lines[line_no - 1]):
            return line_no, True
    return entry.span.line, False


def _renumber_marker(line: str, old: int, new: int) -> str:
    return re.sub(rf"^(\s*\[?){old}(?=\s*[.)\]])", lambda m: f"{m.group(1)}{new}", line, count=1)


# ---- checking a position against the file ---------------------------------------------------------

_MARKER = re.compile(r"\s*(?:\[\s*\d+\s*\]|\d+\s*[.)]|[-*+•])\s*")
_LINK_TARGET = re.compile(r"\]\([^()\s]*\)")  # Markdown's `](url)`: the entry's text holds only the link's words


def _place(span: Span) -> str:
    return f"{span.line}:{span.column}"


def _skeleton(text: str) -> str:
    """Letters and digits only, compatibility-folded: what survives every repair a reader makes
    that keeps the words (joined line-end hyphens, ligatures, removed control characters)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def _source_text(lines: list[str], span: Span) -> str | None:
    """The file's text from the span's start to its end (line ends included); None when the
    span lies outside the file."""
    if not (1 <= span.line <= span.end_line <= len(lines)) or span.column < 1:
        return None
    if span.line == span.end_line:
        return _content(lines[span.line - 1])[span.column - 1 : span.end_column - 1]
    middle = lines[span.line : span.end_line - 1]
    return "".join([lines[span.line - 1][span.column - 1 :], *middle, _content(lines[span.end_line - 1])[: span.end_column - 1]])


def _check_citation(lines: list[str], cite: Citation) -> None:
    """Refuse unless the file holds this citation where it was read (white space aside)."""
    found = _source_text(lines, cite.span)
    if found is None or " ".join(found.split()) != " ".join(cite.raw.split()):
        shown = " ".join((found or "").split())
        shown = shown if len(shown) <= 40 else shown[:40] + "…"
        raise FixRefused(f"the citation {cite.raw} was read here, but the file holds «{shown}» there; renumbering would overwrite other text", _place(cite.span))


def _check_entry_text(lines: list[str], entry: Entry) -> None:
    """Refuse unless the entry's first words are on the line it was read from."""
    if not 1 <= entry.span.line <= len(lines):
        raise FixRefused(f"entry [{entry.number}] lies outside the file", _place(entry.span))
    tail = "".join(lines[entry.span.line - 1 : entry.span.end_line])[max(entry.span.column - 1, 0) :]
    tail = _LINK_TARGET.sub("]", tail)
    marker = _MARKER.match(tail)
    found, wanted = _skeleton(tail[marker.end() if marker else 0 :]), _skeleton(entry.text)
    k = min(6, len(wanted))
    if found[:k] != wanted[:k]:
        raise FixRefused(f"entry [{entry.number}] was read here, but the file's line does not start with its words; moving lines would move other text", _place(entry.span))


# ---- the text of a source -------------------------------------------------------------------------

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def source_codec(data: bytes, encoding: str) -> tuple[bytes, str]:
    """(the byte-order mark the file starts with, the codec of the bytes after it), for the
    encoding its reader named: `utf-16` is written back in the byte order it came in."""
    if encoding in ("utf-8", "utf-8-sig", "utf-16"):
        for bom, codec in _BOMS:
            if data.startswith(bom) and (codec == "utf-8") == encoding.startswith("utf-8"):
                return bom, codec
    return b"", {"utf-8-sig": "utf-8", "utf-16": "utf-16-le"}.get(encoding, encoding)


def renumber_text(data: bytes, encoding: str, linked: Linked, plan: Renumbering, ranges: bool = True) -> bytes:
    """The source renumbered: citations rewritten at their spans, the list reordered; every
    other byte as it was (byte-order mark, encoding, line ends).

    Each citation to rewrite and each entry to move is first checked against the file's own
    text; FixRefused, and nothing written, when one is not where it was read (a line repaired
    from mojibake, a Markdown escape before it).
    """
    bom, codec = source_codec(data, encoding)
    try:
        text = data[len(bom) :].decode(codec)
    except UnicodeDecodeError:
        raise FixRefused("the file changed since it was read; run the fix again") from None
    if bom + text.encode(codec) != data:
        raise FixRefused(f"its bytes do not survive decoding as {encoding} and encoding again; nothing is written")
    lines = split_keeping_ends(text)
    numbers = {e.key: e.number for e in linked.document.references}
    edits = []
    for cite in iter_citations(linked.document):
        new = renumbered_citation(cite, plan, numbers, ranges)
        if new != cite.raw:
            _check_citation(lines, cite)
            edits.append((cite.span, new))
    if linked.bib_path is None and plan.changes:
        entries = linked.document.references
        first, last = min(e.span.line for e in entries), max(e.span.end_line for e in entries)
        inside = next((span for span, _ in edits if span.end_line >= first and span.line <= last), None)
        if inside is not None:
            raise FixRefused("a citation to rewrite stands among the lines of the reference list, which move", _place(inside))
        reorder_list_lines(lines, entries, plan)  # keeps the line count: citations stay put
    for span, new in sorted(edits, key=lambda e: (e[0].line, e[0].column), reverse=True):
        first_line, last_line = lines[span.line - 1], lines[span.end_line - 1]
        head = _content(first_line)[: span.column - 1]
        tail = _content(last_line)[span.end_column - 1 :] + _ending(last_line)
        lines[span.line - 1 : span.end_line] = [head + new + tail]
    return bom + "".join(lines).encode(codec)


# ---- a .bib file ----------------------------------------------------------------------------


def renumber_bib(path: str, data: bytes, entries: tuple[Entry, ...], plan: Renumbering) -> bytes:
    """The .bib with its entries in the new order (numeric keys renumbered); @string, @preamble
    and @comment blocks (and text between blocks) first, as they were, so every macro is defined
    before it is used. Each block keeps its own bytes; the file keeps its encoding.

    Nothing is dropped: a file holding an entry the .bib reader skipped (BIB002, a duplicate
    key) is refused, since it holds a number no plan can move.
    """
    import bibtexparser

    from .sourcefile import CONTROL_CHARS, decode
    from .references.bibtex import holds_place

    bom, codec = source_codec(data, decode(path, data).encoding)
    text = data[len(bom) :].decode(codec)
    lines = split_keeping_ends(text)
    flat = "\n".join(_content(line) for line in lines)  # as the .bib reader parses it (LF line ends)
    parsed = CONTROL_CHARS.sub(lambda m: " " * len(m.group()), flat)
    library = bibtexparser.parse_string(parsed, parse_stack=[])
    by_key = {e.key: e for e in entries}
    for block in library.failed_blocks:
        if holds_place(block):
            raise FixRefused("this entry cannot be read (BIB002 or BIB001 in `check`); fix it first: renumbering cannot tell which number it holds", f"{(block.start_line or 0) + 1}")
    unread = next((b for b in library.entries if b.key not in by_key), None)
    if unread is not None:
        raise FixRefused(f"entry '{' '.join(unread.key.split())}' is skipped by the reader (BIB002 in `check`); fix it first", f"{(unread.start_line or 0) + 1}")
    pieces = _block_texts(text, lines, parsed, library.blocks)
    newline = next((_ending(line) for line in lines if _ending(line)), "\n")
    entry_blocks = {id(b) for b in library.entries}
    parts = [piece for block, piece in pieces if id(block) not in entry_blocks]
    for block, piece in sorted(((b, p) for b, p in pieces if id(b) in entry_blocks), key=lambda bp: plan.mapping[by_key[bp[0].key].number]):
        entry = by_key[block.key]
        if block.key.isdecimal():
            piece = re.sub(r"^(@\s*\w+\s*[{(]\s*)" + re.escape(block.key), lambda m: m.group(1) + str(plan.mapping[entry.number]), piece, count=1)
        parts.append(piece)
    return bom + ((newline * 2).join(parts) + newline).encode(codec)


def _block_texts(text: str, lines: list[str], parsed: str, blocks) -> list[tuple[object, str]]:
    """Each block with its text as the file holds it (its own line ends); FixRefused when
    anything but white space lies outside the blocks (it would be lost)."""
    flat_starts, file_starts = [0], [0]
    for line in lines:
        flat_starts.append(flat_starts[-1] + len(_content(line)) + 1)
        file_starts.append(file_starts[-1] + len(line))

    def in_file(offset: int) -> int:
        i = bisect.bisect_right(flat_starts, offset) - 1
        return file_starts[i] + offset - flat_starts[i]

    out, pos = [], 0
    for block in blocks:
        raw = (block.raw or "").strip()
        start = parsed.find(raw, pos) if raw else -1
        if start < 0 or parsed[pos:start].strip():
            raise FixRefused("the .bib holds text outside its blocks that would be lost; nothing is written", f"{(block.start_line or 0) + 1}")
        pos = start + len(raw)
        out.append((block, text[in_file(start) : in_file(pos)]))
    if parsed[pos:].strip():
        raise FixRefused("the .bib holds text after its last block that would be lost; nothing is written")
    return out


def table(plan: Renumbering) -> list[str]:
    """`old → new` lines, in the new order."""
    width = len(str(max(plan.mapping)))
    rows = [f"  {old:>{width}} → {new}" + ("" if new <= plan.cited else "  (not cited)") for old, new in sorted(plan.mapping.items(), key=lambda kv: kv[1])]
    return ["old → new", *rows]


def output_path(out: Path, source: str) -> Path:
    return out / Path(source).name


# ---- a .docx: the same edits on the author's own file -----------------------------------------


def renumber_docx(source: str, data: bytes, linked: Linked, plan: Renumbering, ranges: bool = True) -> bytes:
    """The package with citations rewritten in their runs and the list's paragraphs reordered.

    Only the main document part changes; every other member is copied byte for byte. A
    citation's text is put in the first run it covers (keeping that run's formatting) and the
    rest of its runs are removed. The list's paragraphs move as whole `w:p` elements, so Word's
    automatic numbering follows them; typed numbers (`1.`) are renumbered in their text.
    """
    from .readers.docx.xml import W, parse
    from .wordpackage import Anchors, main_part, open_package, read_member, serialize, split_run, write_package

    archive = open_package(source, data)
    main = main_part(archive, source)
    document = parse(read_member(archive, main, source))
    body = document.find(W + "body")
    anchors = Anchors(body)
    numbers = {e.key: e.number for e in linked.document.references}

    def paragraph(n: int, raw: str | None = None, column: int = 1):
        for para in anchors.by_number.get(n, []):
            if raw is None or para.text[column - 1 : column - 1 + len(raw)] == raw:
                return para
        return None

    def entry_paragraph(entry: Entry):
        """The entry's paragraph: at its ¶ number, starting with its words (after a typed number)."""
        wanted = _skeleton(entry.text)[:6]
        for para in anchors.by_number.get(entry.span.paragraph, []):
            marker = _MARKER.match(para.text)
            if _skeleton(para.text[marker.end() if marker else 0 :]).startswith(wanted):
                return para
        raise FixRefused(f"entry [{entry.number}] was read here, but the paragraph there does not start with its words; renumber the list by hand", f"¶{entry.span.paragraph}")

    def replace(para, start: int, end: int, new: str, place: str) -> None:
        if not _replace_text(para, start, end, new, split_run, W):
            raise FixRefused(f"a formula, field or picture stands inside {para.text[start:end]}; renumber it by hand", place)

    edits: dict[int, list] = {}
    for cite in iter_citations(linked.document):
        new = renumbered_citation(cite, plan, numbers, ranges)
        if new == cite.raw:
            continue
        para = paragraph(cite.span.paragraph, cite.raw, cite.span.column)
        place = f"¶{cite.span.paragraph}:{cite.span.column}"
        if para is None:
            raise FixRefused(f"the citation {cite.raw} was read here, but the paragraph's text does not hold it there; renumbering would overwrite other text", place)
        edits.setdefault(id(para), [para, []])[1].append((cite.span.column - 1, len(cite.raw), new, place))
    for para, places in edits.values():
        for start, length, new, place in sorted(places, reverse=True):  # right to left: earlier offsets hold
            replace(para, start, start + length, new, place)
    if linked.bib_path is None and plan.changes:
        _reorder_list_paragraphs(linked.document.references, plan, entry_paragraph, source, replace)

    return write_package(archive, {main: serialize(document)}, source)


def _replace_text(para, start: int, end: int, new: str, split_run, W: str) -> bool:
    """Paragraph text [start, end) becomes `new`, in the first run of that stretch; False (and
    nothing changed) when a formula, a field or a run without text stands there."""
    split_run(para, start)
    split_run(para, end)
    runs = [element for offset, element in para.places if start <= offset < end]
    if not runs or any(r.tag != W + "r" for r in runs):
        return False
    first, *rest = runs
    texts = [c for c in first if c.tag == W + "t"]
    if not texts:
        return False
    texts[0].text = new
    texts[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    for extra in texts[1:]:
        first.remove(extra)
    for run in rest:
        run.getparent().remove(run)
    return True


def _reorder_list_paragraphs(entries, plan: Renumbering, paragraph, source: str, replace) -> None:
    """Move the entries' paragraphs into the new order, within the slots they held."""
    from .diagnostics import InputError

    paras = [paragraph(e) for e in entries]
    elements = [p.element for p in paras]
    parent = elements[0].getparent() if elements and elements[0] is not None else None
    if parent is None or any(el is None or el.getparent() is not parent for el in elements):
        raise InputError(source, "its reference list is a field or content control (a reference manager's); renumber it there")
    slots = sorted(parent.index(el) for el in elements)
    moved = sorted(zip(entries, elements, paras), key=lambda item: plan.mapping[item[0].number])
    for _, element, _ in moved:
        parent.remove(element)
    for slot, (entry, element, para) in zip(slots, moved):
        parent.insert(slot, element)
        marker = re.match(rf"\s*\[?{entry.number}(?=\s*[.)\]])", para.text)
        if marker:  # a typed number, not Word's numbering
            start = marker.end() - len(str(entry.number))
            replace(para, start, marker.end(), str(plan.mapping[entry.number]), f"¶{entry.span.paragraph}")
