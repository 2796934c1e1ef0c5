"""Fixing a paper on request: renumbering sources in order of first citation, written as a copy.

Edits are made on the source's own text at the spans the reader recorded, so every byte
outside the changed citations and the reference list stays as it was (encoding, line ends).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .linker import Linked, iter_citations
from .model import Citation, Entry

_DASHES = "–—-"


class FixRefused(Exception):
    """The paper cannot be renumbered without inventing or losing a mapping (exit 1)."""


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
    between entries stay where they were, so the list keeps its layout.
    """
    ordered = sorted(entries, key=lambda e: e.span.line)
    starts = [_marker_line(lines, e, ordered[i - 1].span.end_line if i else 0) for i, e in enumerate(ordered)]
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


def _marker_line(lines: list[str], entry: Entry, floor: int) -> int:
    """The line holding the entry's number (it may stand alone above the entry's text)."""
    pattern = re.compile(rf"^\s*\[?{entry.number}\s*[.)\]]")
    for line_no in range(entry.span.line, max(floor, entry.span.line - 3), -1):
        if pattern.match(lines[line_no - 1]):
            return line_no
    return entry.span.line


def _renumber_marker(line: str, old: int, new: int) -> str:
    return re.sub(rf"^(\s*\[?){old}(?=\s*[.)\]])", lambda m: f"{m.group(1)}{new}", line, count=1)


def renumber_text(text: str, linked: Linked, plan: Renumbering, ranges: bool = True) -> str:
    """The source text renumbered: citations rewritten at their spans, the list reordered."""
    lines = split_keeping_ends(text)
    numbers = {e.key: e.number for e in linked.document.references}
    edits = []
    for cite in iter_citations(linked.document):
        new = renumbered_citation(cite, plan, numbers, ranges)
        if new != cite.raw:
            edits.append((cite.span, new))
    if linked.bib_path is None and plan.changes:
        reorder_list_lines(lines, linked.document.references, plan)  # keeps the line count: citations stay put
    for span, new in sorted(edits, key=lambda e: (e[0].line, e[0].column), reverse=True):
        first, last = lines[span.line - 1], lines[span.end_line - 1]
        head = _content(first)[: span.column - 1]
        tail = _content(last)[span.end_column - 1 :] + _ending(last)
        lines[span.line - 1 : span.end_line] = [head + new + tail]
    return "".join(lines)


# ---- a .bib file ----------------------------------------------------------------------------


def renumber_bib(text: str, entries: tuple[Entry, ...], plan: Renumbering) -> str:
    """The .bib with its entries in the new order (numeric keys renumbered); @string, @preamble
    and @comment blocks first, as they were, so every macro is defined before it is used."""
    import bibtexparser

    library = bibtexparser.parse_string(text, parse_stack=[])
    by_key = {e.key: e for e in entries}
    others = sorted(library.strings + library.preambles + library.comments, key=lambda b: b.start_line or 0)
    ordered = sorted(library.entries, key=lambda b: plan.mapping.get(by_key[b.key].number, 10**9) if b.key in by_key else 10**9)
    newline = "\r\n" if "\r\n" in text else "\n"
    parts = [b.raw.strip() for b in others]
    for block in ordered:
        raw = block.raw.strip()
        entry = by_key.get(block.key)
        if entry is not None and block.key.isdecimal():
            raw = re.sub(r"^(@\s*\w+\s*[{(]\s*)" + re.escape(block.key), lambda m: m.group(1) + str(plan.mapping[entry.number]), raw, count=1)
        parts.append(raw)
    return (newline * 2).join(parts) + newline


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

    edits: dict[int, list] = {}
    for cite in iter_citations(linked.document):
        new = renumbered_citation(cite, plan, numbers, ranges)
        if new == cite.raw:
            continue
        para = paragraph(cite.span.paragraph, cite.raw, cite.span.column)
        if para is None:
            raise InputError(source, f"¶{cite.span.paragraph}: cannot find {cite.raw} in the file's text to renumber it; not renumbered")
        edits.setdefault(id(para), [para, []])[1].append((cite.span.column - 1, len(cite.raw), new))
    for para, places in edits.values():
        for start, length, new in sorted(places, reverse=True):  # right to left: earlier offsets hold
            _replace_text(para, start, start + length, new, split_run, W)
    if linked.bib_path is None and plan.changes:
        _reorder_list_paragraphs(linked.document.references, plan, paragraph, source, lambda para, a, b, new: _replace_text(para, a, b, new, split_run, W))

    return write_package(archive, {main: serialize(document)}, source)


def _replace_text(para, start: int, end: int, new: str, split_run, W: str) -> None:
    """Paragraph text [start, end) becomes `new`, in the first run of that stretch."""
    split_run(para, start)
    split_run(para, end)
    runs = [element for offset, element in para.places if start <= offset < end]
    if not runs or any(r.tag != W + "r" for r in runs):
        return  # a formula or a field code in the way: leave the bracket as written
    first, *rest = runs
    texts = [c for c in first if c.tag == W + "t"]
    if not texts:
        return
    texts[0].text = new
    texts[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    for extra in texts[1:]:
        first.remove(extra)
    for run in rest:
        run.getparent().remove(run)


def _reorder_list_paragraphs(entries, plan: Renumbering, paragraph, source: str, replace) -> None:
    """Move the entries' paragraphs into the new order, within the slots they held."""
    from .diagnostics import InputError

    paras = [paragraph(e.span.paragraph) for e in entries]
    elements = [p.element if p is not None else None for p in paras]
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
            replace(para, start, marker.end(), str(plan.mapping[entry.number]))
