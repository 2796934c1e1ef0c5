"""The PDF's title block for the line-role classifier: its first lines with their layout
(size over the body's, bold, centring, place on the page)."""

from __future__ import annotations

import re

from ..plaintext.frontmatter import author_names, clean
from ..plaintext.roles.features import Layout, LineItem
from ..plaintext.sections import is_introduction
from .layout import Line


def without_superscripts(line: Line) -> str:
    """The line's text with its superscript marks (affiliation letters, footnote stars) left out."""
    text = line.text
    for start, stop in reversed(line.superscripts):
        text = text[:start] + " " + text[stop:]
    return " ".join(text.split())

def by_line_text(line: Line) -> str:
    """The line's text as a by-line: its superscript marks left out and a comma where a run
    begins after a wide gap on the baseline (`breaks`): author blocks set side by side (IEEE's
    `Alexis Aguilar Celis` … `Hongjian Sun`) name one person each."""
    text = line.text
    cuts = [(start, stop, " ") for start, stop in line.superscripts] + [(at, at, " , ") for at in line.breaks]
    for start, stop, put in sorted(cuts, key=lambda cut: (cut[0], cut[1]), reverse=True):
        text = text[:start] + put + text[stop:]
    return re.sub(r"(?:\s*,\s*)+", ", ", " ".join(text.split())).strip(" ,")


def names_side_by_side(line: Line) -> bool:
    """The line's runs set apart by wide gaps on its baseline, with no separator printed between
    them, are each one person's name: a row of author blocks side by side (IEEE's `Alexis
    Aguilar Celis` … `Hongjian Sun`)."""
    if not line.breaks or re.search(r"[,;&]|\s(?:and|и)\s", without_superscripts(line)):
        return False  # the line parts its names itself: its wide gaps are no blocks' edges
    pieces = by_line_text(line).split(", ")
    return len(pieces) >= 2 and all((names := author_names(piece, strong_only=False)) and len(names) == 1 for piece in pieces)


def blocks_under(lines: list[Line], title: list[int]) -> bool:
    """The first line with text under the title is a row of author blocks (`names_side_by_side`):
    the layout shows the by-line the line-role model, reading lines, may miss."""
    below = next((line for line in lines[title[-1] + 1 :] if line.text.strip()), None)
    return below is not None and below.page == lines[title[-1]].page and names_side_by_side(below)


def by_line_of(line: Line) -> str:
    """The line's text as the by-line rules and the line-role model read it: without superscript
    marks, or the bullet of a name set as a list's item (`• James Wengler`); a row of author
    blocks (`names_side_by_side`) parted by commas as a by-line parts them."""
    text = by_line_text(line) if names_side_by_side(line) else without_superscripts(line)
    return text[2:] if text.startswith(("• ", "● ", "▪ ", "■ ")) and _LISTED_NAME.match(text[2:]) else text


# A name alone on a list item's line: two to four capitalised words or initials (`Stephen R. Piccolo`)
_LISTED_NAME = re.compile(r"^(?:[A-ZА-ЯЁ][^\W\d_]*\.?\s+){1,3}[A-ZА-ЯЁ][^\W\d_'’-]*(?:[-'’][^\W\d_]+)?$")


EXTRA_LINES = 15  # body lines after the introduction's heading: the model sees where the front ends
MAX_ITEMS = 140
FRONT_PAGES = 2


def _page_frames(lines: list[Line], body: float) -> dict[int, tuple[float, float, float, float]]:
    """(left, right, top, bottom) of each page's text, from its lines (body-size lines for the edges)."""
    frames: dict[int, list[Line]] = {}
    for line in lines:
        if line.text:
            frames.setdefault(line.page, []).append(line)
    out = {}
    for page, group in frames.items():
        sized = [l for l in group if abs(l.size - body) < 0.5] or group
        lefts = sorted(l.x0 for l in sized)
        rights = sorted(l.x1 for l in sized)
        ys = [l.y for l in group]
        out[page] = (lefts[len(lefts) // 10], rights[-1 - len(rights) // 10], max(ys), min(ys))
    return out


def front_items(lines: list[Line], body: float) -> tuple[list[int], list[LineItem]]:
    """(line indexes, items) of the first pages' lines with text, up to a few lines past the
    introduction's heading."""
    first = lines[0].page if lines else 1
    early = [l for l in lines if l.page < first + FRONT_PAGES]
    frames = _page_frames(early, body)
    largest: dict[int, float] = {}
    for l in early:
        if l.text and sum(ch.isalpha() for ch in l.text) >= 3:
            largest[l.page] = max(largest.get(l.page, 0.0), l.size)
    rows: list[int] = []
    items: list[LineItem] = []
    blank = False
    after = None
    for i, line in enumerate(lines):
        if line.page >= first + FRONT_PAGES or len(items) >= MAX_ITEMS or after is not None and i - after > EXTRA_LINES:
            break
        text = clean(by_line_of(line))
        if not text:
            blank = True
            continue
        left, right, top, bottom = frames[line.page]
        width = max(right - left, 1.0)
        middle = (line.x0 + line.x1) / 2
        centered = line.side == "S" and abs(middle - (left + right) / 2) < 0.04 * width and line.x1 - line.x0 < 0.85 * width
        layout = Layout(
            size=line.size / body if body else 1.0, bold=line.bold, centered=centered,
            top=(top - line.y) / max(top - bottom, 1.0), largest=line.size >= largest.get(line.page, 0) and line.size > 1.05 * body,
        )
        rows.append(i)
        items.append(LineItem(text, blank, line.page - first + 1, layout))
        blank = False
        if after is None and is_introduction(text):
            after = i
    return rows, items



SMALLER_TYPE = 0.85  # a line in type this much smaller than the title's first line is set apart from it


def without_smaller_name(lines: list[Line], title: list[int]) -> tuple[list[int], list[str]]:
    """The line-role model's title without the first line set in smaller type than the title's
    first that reads as names (a by-line the model ran on into the title: `… multiplayer
    hrách∗` in 17 pt over `Tomáš Drga` in 12 pt), and the names so cut off ([] where none is).
    A title keeps one type; a subtitle in smaller type that is no name stays."""
    head = lines[title[0]].size
    for k, i in enumerate(title[1:], start=1):
        text = without_superscripts(lines[i])
        if lines[i].size < SMALLER_TYPE * head and (names := author_names(text, strong_only=False)):
            return title[:k], names
    return title, []
