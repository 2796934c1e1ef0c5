"""The lines the line-role classifier reads: the front of a text paper as LineItems."""

from __future__ import annotations

from .features import LineItem
from ..frontmatter import clean, front_window

EXTRA_LINES = 15  # body lines past the front window: the model sees where the front matter ends
MAX_ITEMS = 60  # a first page's lines: the title block stands there, and the check stays fast


def text_items(lines: list[str], page_starts: tuple[int, ...] = (0,)) -> tuple[list[int], list[LineItem]]:
    """(line indexes, items) of the non-blank lines of the front window and a few after it."""
    end, _ = front_window(lines, page_starts)
    rows: list[int] = []
    items: list[LineItem] = []
    blank = False
    after = 0
    pages = sorted(page_starts)
    for i, line in enumerate(lines):
        text = clean(line)
        if not text:
            blank = True
            continue
        if i >= end:
            after += 1
            if after > EXTRA_LINES:
                break
        page = sum(1 for s in pages if s <= i) or 1
        rows.append(i)
        items.append(LineItem(text, blank, page))
        blank = False
        if len(items) >= MAX_ITEMS:
            break
    return rows, items
