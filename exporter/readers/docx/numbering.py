"""Word's automatic numbering: the numbers Word shows before list paragraphs, computed from
`numbering.xml`, since they are not in the paragraph text.

A paragraph is numbered by its own `w:numPr` or, when it has none, by its style's (through
the style's `basedOn` chain). `numId` 0 switches numbering off. Each `w:num` instance keeps
its counters (paragraphs of two styles sharing one `numId` continue one sequence); a level's
counter restarts when a shallower level advances; `w:start` and `w:startOverride` give the
first value.
"""

from __future__ import annotations

from dataclasses import dataclass

from .xml import W, attr, child

# Word's bounds: list levels 0–8, a first value at most 32767. Larger numbers in a file are
# damage (or an attack: roman numerals of 999,999,999,999 take forever to write); clamped.
MAX_LEVEL = 8
MAX_VALUE = 32767
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


@dataclass(frozen=True)
class Level:
    start: int
    fmt: str  # decimal, lowerLetter, upperRoman, bullet, none, …
    text: str  # `%1.`, `[%1]`, `%1.%2.`
    style: str | None  # a paragraph style linked to this level (w:pStyle)


@dataclass(frozen=True)
class Number:
    """The number Word shows: `value` at the paragraph's level, `label` as printed (`3.`, `[3]`)."""

    value: int
    level: int
    fmt: str
    label: str


def _int(value: str | None, default: int) -> int:
    try:
        number = int(value) if value is not None and len(value) < 20 else default
    except ValueError:
        return default
    return max(-MAX_VALUE, min(number, MAX_VALUE))


def format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        n = max(value, 1)
        while n:
            n, r = divmod(n - 1, 26)
            s = chr(ord("a") + r) + s
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s, n = "", max(value, 1)
        for size, letters in _ROMAN:
            while n >= size:
                s, n = s + letters, n - size
        return s.upper() if fmt == "upperRoman" else s
    if fmt in ("bullet", "none"):
        return ""
    return str(value)  # decimal and its variants (decimalZero, …) read as numbers


class Numbering:
    """Counters over the document, fed paragraphs in order by `number(num_id, level)`."""

    def __init__(self, root):
        self.abstract: dict[str, dict[int, Level]] = {}
        self.num_abstract: dict[str, str] = {}
        self.overrides: dict[str, dict[int, int]] = {}
        self.style_level: dict[str, tuple[str, int]] = {}  # style id -> (abstract id, level)
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for node in root.iterchildren(W + "abstractNum"):
            levels = {}
            for lvl in node.iterchildren(W + "lvl"):
                ilvl = _int(attr(lvl, "ilvl"), 0)
                if not 0 <= ilvl <= MAX_LEVEL:
                    continue
                style = attr(child(lvl, "pStyle"), "val")
                levels[ilvl] = Level(
                    _int(attr(child(lvl, "start"), "val"), 1),
                    attr(child(lvl, "numFmt"), "val") or "decimal",
                    attr(child(lvl, "lvlText"), "val") or "",
                    style,
                )
                if style:
                    self.style_level[style] = (attr(node, "abstractNumId") or "", ilvl)
            self.abstract[attr(node, "abstractNumId") or ""] = levels
        for num in root.iterchildren(W + "num"):
            num_id = attr(num, "numId") or ""
            self.num_abstract[num_id] = attr(child(num, "abstractNumId"), "val") or ""
            for override in num.iterchildren(W + "lvlOverride"):
                start = child(override, "startOverride")
                if start is not None:
                    self.overrides.setdefault(num_id, {})[_int(attr(override, "ilvl"), 0)] = _int(attr(start, "val"), 1)

    def level_of_style(self, style_id: str | None) -> int | None:
        """The list level a paragraph style is linked to, when its numbering names no level."""
        hit = self.style_level.get(style_id or "")
        return hit[1] if hit else None

    def number(self, num_id: str, level: int) -> Number | None:
        """Advance the list `num_id` at `level` and return the number shown; None if unnumbered."""
        if num_id in ("", "0") or num_id not in self.num_abstract:
            return None
        levels = self.abstract.get(self.num_abstract[num_id], {})
        if level not in levels:
            return None
        counters = self.counters.setdefault(num_id, {})
        starts = {i: self.overrides.get(num_id, {}).get(i, lvl.start) for i, lvl in levels.items()}
        counters[level] = min(counters[level] + 1, MAX_VALUE + 100_000) if level in counters else starts[level]
        for deeper in [i for i in counters if i > level]:
            del counters[deeper]
        spec = levels[level]
        label = spec.text
        for i in range(level + 1):
            value = counters.get(i, starts.get(i, 1))
            fmt = levels[i].fmt if i in levels else "decimal"
            label = label.replace(f"%{i + 1}", format_number(value, fmt))
        if spec.fmt == "bullet":
            label = ""
        return Number(counters[level], level, spec.fmt, label.strip())
