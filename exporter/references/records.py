"""Records of a CSL-JSON or RIS file into numbered `Entry` values, by the rules .bib loading uses.

A format's reader turns its file into `Record`s (one per item, with its line, or with the
reason it could not be read); `entries_of` numbers them and raises the same findings a .bib
file raises (BIB001 duplicate, BIB002 unreadable record, BIB003 no title).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic
from ..model import Entry, Span
from .bibtex import Bibliography


@dataclass
class Record:
    """One item of the file: its fields (BibTeX-named, plain text), or why it was not read."""

    line: int
    column: int
    key: str = ""
    entry_type: str = "misc"
    fields: dict[str, str] = field(default_factory=dict)
    end_line: int | None = None
    error: tuple[str, dict] | None = None  # why the record is skipped: a BIB002 variant and its arguments


class LineIndex:
    """Offsets of a text to (line, column), lines ended by CRLF, CR or LF as editors count them."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


def entry_number(key: str, place: int) -> int:
    """`[n]` means entry n: a record whose id is a number is that entry, any other record is
    numbered by its place in the file (the rule of .bib files)."""
    key = key.strip()
    return int(key) if key.isdecimal() and len(key) < 10 else place


def entries_of(path: str, records: list[Record], origin: str, result: Bibliography) -> Bibliography:
    """Number the records and report the broken ones; a skipped record still holds its place,
    so one broken record never renumbers the rest."""
    taken: dict[int, str] = {}
    keys: set[str] = set()
    for place, record in enumerate(records, start=1):
        if record.error:
            variant, args = record.error
            result.diagnostics.append(Diagnostic.at_line("BIB002", path, record.line, record.column, variant=variant, **args))
            continue
        key = record.key or str(place)
        if key in keys:
            result.diagnostics.append(Diagnostic.at_line("BIB001", path, record.line, record.column, variant="id", key=key))
            continue
        keys.add(key)
        number = entry_number(record.key, place)
        if number in taken:
            result.diagnostics.append(Diagnostic.at_line("BIB001", path, record.line, record.column, variant="record-number", key=key, number=number, other=taken[number]))
        taken.setdefault(number, key)
        if not record.fields.get("title"):
            result.diagnostics.append(Diagnostic.at_line("BIB003", path, record.line, record.column, variant="record", key=key))
        result.entries.append(
            Entry(
                key=key,
                number=number,
                span=Span(record.line, record.column, record.end_line or record.line, 1),
                entry_type=record.entry_type,
                fields=tuple((k, v) for k, v in record.fields.items() if v),
                origin=origin,
            )
        )
    return result
