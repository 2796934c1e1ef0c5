"""Reading an entry of the paper's own list into BibTeX-named fields, each with its place and
the tagger's confidence in it (tagger/: a CRF labels the tokens, normalisers make the fields)."""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from .. import compile_cache
from ..model import Entry
from .parsed import Parsed


def parse_entry(text: str) -> Parsed:
    """Fields of one entry of the paper's own list, with their offsets in `text`."""
    # The patterns the parser compiles (its modules' at their import, the inline ones on a list's
    # first entries) taken from the user's cache as `exporter` takes them (compile_cache.py), in a
    # Python caller's process: a no-op after the first call, or in a command.
    compile_cache.warm_for_a_caller("parse")
    before = compile_cache.held()
    # The tagger and the rule parser (their patterns, lexicons, pycrfsuite) are imported when a
    # paper has a list to read: a check of a paper without one, or with a .bib, never needs them.
    from .tagger.normalise import read_entry

    composed = _composed(text) if _COMBINING_MARK.search(text) else None
    if composed is not None and composed[0] != text:
        parsed = read_entry(composed[0])
        where = composed[1]
        parsed = dataclasses.replace(parsed, fields=tuple((name, value, where[s], where[e]) for name, value, s, e in parsed.fields))
    else:
        parsed = read_entry(text)
    compile_cache.note_compiled(before)
    return parsed


# pdftotext prints a TeX font's accented letters as the letter and a combining accent apart
# (`Scho\u0308lkopf`, `Herna\u0301ndez`): the entry is read with them composed (NFC), as the
# list finder reads its lines, its fields' offsets those of the text as given.
_COMBINING_MARK = re.compile(r"[\u0300-\u036f]")


def _composed(text: str) -> tuple[str, list[int]]:
    """`text` with each letter and its combining marks composed (NFC), and for each offset of
    the composed text (and its end) the offset in `text`."""
    out: list[str] = []
    where: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j]) if j > i + 1 else text[i]
        for k, ch in enumerate(piece):
            out.append(ch)
            where.append(min(i + k, j - 1))
        i = j
    where.append(len(text))
    return "".join(out), where


def with_fields(entry: Entry, joined=None) -> Entry:
    """An own-list entry with its fields, form, type and (given the reader's `Joined`) spans."""
    if entry.origin != "list" or not entry.text:
        return entry
    parsed = parse_entry(entry.text)
    spans = tuple((name, joined.span(s, e)) for name, _, s, e in parsed.fields) if joined is not None else ()
    return dataclasses.replace(
        entry,
        entry_type=parsed.entry_type,
        fields=tuple((name, value) for name, value, _, _ in parsed.fields),
        form=parsed.form,
        field_spans=spans,
        field_confidence=parsed.confidence,
    )


def entry_values(entry: Entry, render: bool = True) -> dict[str, str]:
    """An entry's fields as plain text under BibTeX names, whatever its origin: own-list fields
    as parsed, .bib fields decoded from LaTeX (`{\\"o}` -> ö, `--` -> –).

    `render=False` strips LaTeX markup instead of rendering it (`{\\"o}` -> o): enough to test
    and compare values, and a thousand times cheaper than pylatexenc (a 50 000-entry .bib
    is checked in seconds, not minutes)."""
    if entry.origin == "bibtex":
        if not render:
            return {name: _strip_latex(value) for name, value in entry.fields}
        from .bibtex import latex_to_unicode  # on use: only a .bib's entries need it (and a check without one never loads it)

        return {name: latex_to_unicode(value) for name, value in entry.fields}
    return dict(entry.fields)


def _strip_latex(value: str) -> str:
    if "\\" not in value and "{" not in value and "$" not in value:
        return " ".join(value.split())
    value = re.sub(r"\\[a-zA-Z]+\*?\s?|\\.|[{}$]", "", value)
    return " ".join(value.split())


def family_names(author: str | None) -> list[str]:
    """Family names from a BibTeX author field (`Family, I. and Given Family and {Body} and others`)."""
    if not author:
        return []
    out = []
    for name in re.split(r"\s+and\s+(?![^{}]*\})", author):  # (an `and` inside a body's braces is its name's: `{Centers for Disease Control and Prevention}`)
        name = name.strip()
        if not name or name == "others":
            continue
        if name.startswith("{") and name.endswith("}"):  # a body's name, never split (`{World Health Organization}`)
            out.append(name[1:-1].strip())
        else:
            out.append(name.split(",")[0].strip() if "," in name else name.split()[-1])
    return out
