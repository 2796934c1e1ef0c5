"""The paper's own reference list: finding its heading and splitting it into entries."""

from __future__ import annotations

import re

from ..model import Entry
from .fields import with_fields

# Blank as the readers see it: white space and control characters only.
_BLANK = re.compile(r"[\s\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]*")


def _is_blank(line: str) -> bool:
    return _BLANK.fullmatch(line) is not None

REFERENCES_HEADING = re.compile(
    r"^(?:Әдебиеттер\s+тізімі|Пайдаланылған\s+әдебиеттер(?:\s+тізімі)?|Әдебиеттер|Қолданылған\s+әдебиеттер(?:\s+тізімі)?|"
    r"Список\s+литературы|Библиографический\s+список|Список\s+использованной\s+литературы|Список\s+использованных\s+источников|Литература|"
    r"References|Bibliography|Literature|Works\s+cited)\s*:?$",
    re.IGNORECASE,
)
_ENTRY_NUMBER = re.compile(r"^\s*(?:\[(\d{1,6})\]|(\d{1,6})[.)])\s*(?=\S)")


def find_reference_heading(lines: list[str], start: int) -> int | None:
    """Index of the last line that is a reference-list heading, at or after `start`."""
    for i in range(len(lines) - 1, start - 1, -1):
        line = lines[i]
        if len(line) < 120 and REFERENCES_HEADING.match(line.strip()):
            return i
    return None


def read_reference_list(lines: list[str], heading: int, join) -> list[Entry]:
    """Entries under the heading: numbered `1.`, `1)` or `[1]`, each possibly wrapped over lines.

    A wrapped line that happens to start with a number (`2004. 1090 p.`) continues its entry
    unless it is the next number in sequence, repeats the current number (a duplicate, which
    the linker reports), or follows a blank line.

    Unnumbered lists take one entry per paragraph (or per line when no blank line separates
    them) and are numbered in order. `join(numbered_lines, skip)` is the reader's own line
    joining (it knows the source's hyphenation); it returns a `Joined`.
    """
    groups: list[tuple[int | None, list[int]]] = []
    rows = range(heading + 1, len(lines))
    numbered = any(_ENTRY_NUMBER.match(lines[i]) for i in rows)
    # Unnumbered and never separated by a blank line: one entry per line.
    filled = [i for i in rows if not _is_blank(lines[i])]
    one_per_line = not numbered and len(filled) == (filled[-1] - filled[0] + 1 if filled else 0)
    previous_blank = True
    for i in range(heading + 1, len(lines)):
        if _is_blank(lines[i]):
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
        joined = join([(i + 1, lines[i]) for i in rows], m.end() if m else 0)
        n = number if number is not None else index
        entries.append(with_fields(Entry(key=str(n), number=n, span=joined.whole, text=joined.text), joined))
    return entries
