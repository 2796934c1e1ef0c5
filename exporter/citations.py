"""Finding citations in paragraph text: `[12]`, `[1, 2]`, `[1–3]`, `[12, б. 45]`, `[@key]`."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .diagnostics import Diagnostic, InputError
from .model import Citation, CiteRef, Inline, Span, Text

# A range wider than this is taken for a typo, not expanded: `[1–100000]` must not eat memory.
MAX_RANGE = 200
# Labels (each number of a range counts) one paper may hold: `[1–199]` repeated would
# otherwise turn a 100 KB file into gigabytes of findings.
MAX_LABELS = 500_000

_DASH = r"[-–—]"
_NUM = r"\d{1,12}"
# Locators: `p. 45`, `pp. 4–5`, `с. 45`, `б. 45`, `стр. 3`, `S. 7`, or `45 б.` written after the number.
_LOC_WORD = r"(?:pp?|P|S|s|с|c|б|бб|стр|т|Т|vol|ch|гл|§)\.?"
_LOC_NUM = rf"[\dIVXLCivxlc]+(?:\s*{_DASH}\s*[\dIVXLCivxlc]+)?"
_LOCATOR = rf"(?:{_LOC_WORD}\s*{_LOC_NUM}|{_NUM}(?:\s*{_DASH}\s*{_NUM})?\s*(?:б|с|p|pp|бб)\.)"
_ITEM = rf"(?P<a>{_NUM})(?:\s*{_DASH}\s*(?P<b>{_NUM}))?"
_KEY = r"@[\w:./+-]*\w"

# Any bracket without nested brackets; its content is then read by the grammar below.
_BRACKET = re.compile(r"\[([^\[\]\n]{0,200})\]")
_NUMERIC_BODY = re.compile(
    rf"\s*{_NUM}(?:\s*{_DASH}\s*{_NUM})?(?:\s*[,;]\s*(?:{_LOCATOR}|{_NUM}(?:\s*{_DASH}\s*{_NUM})?))*\s*"
)
_KEY_BODY = re.compile(rf"\s*{_KEY}(?:\s*,\s*{_LOCATOR})?(?:\s*;\s*{_KEY}(?:\s*,\s*{_LOCATOR})?)*\s*")
_PART = re.compile(rf"\s*(?:(?P<loc>{_LOCATOR})|{_ITEM}|(?P<key>{_KEY}))\s*")
_LOOKS_NUMERIC = re.compile(r"\s*\d")


@dataclass(frozen=True, slots=True)
class Found:
    """A citation found in text: its offsets, the raw bracket, its refs, and any problem."""

    start: int
    end: int
    raw: str
    refs: tuple[CiteRef, ...]
    problem: str | None = None  # a message for CIT004 (bad range)


@dataclass(frozen=True, slots=True)
class Malformed:
    start: int
    raw: str


class TooManyLabels(Exception):
    """More than `limit` labels and unreadable brackets; `start` is the offset of the one too many."""

    def __init__(self, start: int):
        super().__init__(start)
        self.start = start


def find_citations(text: str, limit: int = MAX_LABELS) -> tuple[list[Found], list[Malformed]]:
    """Return the citations in `text` in order, and brackets that look numeric but do not parse.

    Raises TooManyLabels past `limit` labels and unreadable brackets, before they fill memory.
    """
    found: list[Found] = []
    malformed: list[Malformed] = []
    count = 0
    for match in _BRACKET.finditer(text):
        body = match.group(1)
        if _NUMERIC_BODY.fullmatch(body) or _KEY_BODY.fullmatch(body):
            refs, problem = _parse_body(body)
            found.append(Found(match.start(), match.end(), match.group(0), refs, problem))
            count += len(refs)
        elif _LOOKS_NUMERIC.match(body) and re.fullmatch(r"[\d\s,;.\-–—]+", body):
            malformed.append(Malformed(match.start(), match.group(0)))
            count += 1
        if count > limit:
            raise TooManyLabels(match.start())
    return found, malformed


def _parse_body(body: str) -> tuple[tuple[CiteRef, ...], str | None]:
    """Split a citation body into refs: each number, each number of a range, each key.

    A locator belongs to the label just before it (`[12, б. 45]`, `[@a, p. 3; @b]`). Each ref
    carries the offsets, in the bracket as written (`[` is offset 0), of its own text and of
    the item it comes from, so nothing downstream reads the bracket again.
    """
    refs: list[CiteRef] = []
    problem = None
    base = 1  # the body starts after `[`
    for piece in re.finditer(r"[^,;]+|(?<=[,;])(?=[,;]|$)", body):
        part = piece.group()
        at = base + piece.start()
        m = _PART.fullmatch(part)
        if m is None:  # a locator with a comma inside, e.g. `pp. 4, 6`: keep it whole
            if refs:
                refs[-1] = _with_locator(refs[-1], part.strip())
            continue
        if m.group("loc") and refs and not (m.group("a") and not m.group("loc")):
            refs[-1] = _with_locator(refs[-1], m.group("loc").strip())
        elif m.group("key"):
            start, end = at + m.start("key"), at + m.end("key")
            refs.append(CiteRef(m.group("key"), start=start, end=end, item_start=start, item_end=end))
        elif m.group("a"):
            first, last = int(m.group("a")), m.group("b")
            a_start, a_end = at + m.start("a"), at + m.end("a")
            if last is None:
                refs.append(CiteRef(str(first), start=a_start, end=a_end, item_start=a_start, item_end=a_end))
                continue
            b_start, b_end = at + m.start("b"), at + m.end("b")
            last_n = int(last)
            if last_n < first or last_n - first >= MAX_RANGE:
                what = "reversed" if last_n < first else f"wider than {MAX_RANGE} entries"
                written = body[a_start - 1 : b_end - 1]
                problem = f"range {written} is {what}"
                refs.append(CiteRef(written, valid=False, start=a_start, end=b_end, item_start=a_start, item_end=b_end))
            else:
                for n in range(first, last_n + 1):
                    place = (a_start, a_end) if n == first else (b_start, b_end) if n == last_n else (None, None)
                    refs.append(CiteRef(str(n), start=place[0], end=place[1], item_start=a_start, item_end=b_end))
    return tuple(refs), problem


def _with_locator(ref: CiteRef, locator: str) -> CiteRef:
    from dataclasses import replace

    return replace(ref, locator=f"{ref.locator}, {locator}" if ref.locator else locator)


# ---- from found citations to inline nodes, for any reader ---------------------------------


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
