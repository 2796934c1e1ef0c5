"""Finding citations in paragraph text: `[12]`, `[1, 2]`, `[1–3]`, `[12, б. 45]`, `[@key]`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import CiteRef

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

    A locator belongs to the label just before it (`[12, б. 45]`, `[@a, p. 3; @b]`).
    """
    refs: list[CiteRef] = []
    problem = None
    for part in re.split(r"[,;]", body):
        m = _PART.fullmatch(part)
        if m is None:  # a locator with a comma inside, e.g. `pp. 4, 6`: keep it whole
            if refs:
                refs[-1] = _with_locator(refs[-1], part.strip())
            continue
        if m.group("loc") and refs and not (m.group("a") and not m.group("loc")):
            refs[-1] = _with_locator(refs[-1], m.group("loc").strip())
        elif m.group("key"):
            refs.append(CiteRef(m.group("key")))
        elif m.group("a"):
            first, last = int(m.group("a")), m.group("b")
            if last is None:
                refs.append(CiteRef(str(first)))
                continue
            last_n = int(last)
            if last_n < first or last_n - first >= MAX_RANGE:
                what = "reversed" if last_n < first else f"wider than {MAX_RANGE} entries"
                problem = f"range {m.group(0).strip()} is {what}"
                refs.append(CiteRef(m.group(0).strip(), valid=False))
            else:
                refs.extend(CiteRef(str(n)) for n in range(first, last_n + 1))
    return tuple(refs), problem


def _with_locator(ref: CiteRef, locator: str) -> CiteRef:
    joined = f"{ref.locator}, {locator}" if ref.locator else locator
    return CiteRef(ref.label, joined, ref.entry, ref.valid)
