"""Which runs of a DOCX are code: set in a monospace family, or in one of Word's code styles."""

from __future__ import annotations

import re

from .xml import W, attr, parse

# A family is monospace when the document's own font table says so (`w:pitch w:val="fixed"`:
# Word records it for every font the document uses) or when its name says so (Courier,
# Consolas, Lucida Console, Menlo, Monaco, `… Mono`, `… Code`), for a file with no font table.
_MONO_NAME = re.compile(r"courier|consol|menlo|monaco|inconsolata|andale|typewriter|fixedsys|\bmono\b|mono$|monospace|\bcode\b", re.I)
# East-Asian fonts are fixed pitch too (MS Mincho, SimSun): their charset marks them, and they are not code.
_EAST_ASIAN_CHARSETS = {"80", "81", "86", "88", "82"}  # Shift-JIS, Hangul, GB2312, Big5, Johab
# Word's built-in character and paragraph styles for code (and pandoc's names for them).
CODE_STYLES = frozenset(
    name.lower() for name in ("HTML Code", "HTML Preformatted", "HTML Keyboard", "HTML Typewriter", "HTML Sample", "Verbatim Char", "Source Code", "Code", "Macro Text")
)
FONT_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"


def fixed_pitch_families(document_part) -> frozenset[str]:
    """The families the document's font table marks fixed pitch (lower-cased), East-Asian ones left out."""
    for rel in document_part.rels.values():
        if rel.reltype == FONT_TABLE and not rel.is_external:
            try:
                root = parse(rel.target_part.blob)
            except Exception:  # a damaged font table: names alone decide
                return frozenset()
            out = set()
            for font in root.iterchildren(W + "font"):
                pitch = attr(font.find(W + "pitch"), "val")
                charset = attr(font.find(W + "charset"), "val")
                if pitch == "fixed" and (charset or "").upper() not in _EAST_ASIAN_CHARSETS and attr(font, "name"):
                    out.add(attr(font, "name").lower())
            return frozenset(out)
    return frozenset()


def is_monospace(family: str | None, fixed: frozenset[str]) -> bool:
    """Whether `family` is a monospace face: by the font table, else by its name."""
    if not family:
        return False
    return family.lower() in fixed or bool(_MONO_NAME.search(family))
