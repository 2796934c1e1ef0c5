"""Markdown inline tokens -> model inlines, every character placed at its line and column.

markdown-it gives each inline token's text after unescaping (`5\\%` -> `5%`, `&amp;` -> `&`,
a table cell's `\\|` -> `|`); the reader keeps, for every piece of text, where its source
characters stand, so the citations and cross-references found in the text (the shared
stages) carry the place the author wrote them, and nothing is added without being read.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..citations import Joined, inlines_of
from ..crossrefs import crossrefs_of
from ..diagnostics import Diagnostic
from ..model import Code, Emph, Footnote, Inline, Link, Math, Strong, Subscript, Superscript, Text, plain_text
from .markdown_html import UNSHOWN, VOID, WRAPPERS, is_text, parse_tag

_WRAPPERS = {"em": Emph, "strong": Strong, "link": Link, "s": Emph, "sup": Superscript, "sub": Subscript}


# ---- where an inline token's content stands in the source ---------------------------------


class SourceLines:
    """Maps the content of inline tokens back to the source file's lines."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.cursor: dict[int, int] = {}  # per source line: where the next search starts (table cells)

    def content_map(self, content: str, first_line: int) -> Joined:
        """A position map for `content`, whose k-th line is a piece of source line first_line + k
        (markdown-it cuts block markers and indentation, and unescapes `\\|` in table cells)."""
        offsets: list[int] = []
        places: list[tuple[int, int]] = []
        at = 0
        pieces = content.split("\n")
        for k, piece in enumerate(pieces):
            line = first_line + k
            text = self.lines[line] if line < len(self.lines) else ""
            chunks = _locate(piece, text, self.cursor.get(line, 0))
            if chunks is None:  # not found as written: the line's text start stands for it
                chunks = [(0, len(text) - len(text.lstrip()))]
            else:
                self.cursor[line] = chunks[-1][1] + len(piece) - chunks[-1][0]
            for piece_offset, column in chunks:
                offsets.append(at + piece_offset)
                places.append((line + 1, column + 1))
            at += len(piece) + 1
        last_line, last_column = places[-1]
        tail = len(pieces[-1]) - (offsets[-1] - (at - len(pieces[-1]) - 1))
        return Joined(content, offsets, places, (last_line, last_column + tail))


def _locate(piece: str, text: str, start: int) -> list[tuple[int, int]] | None:
    """Chunks (offset in piece, column in text) where `piece` stands in `text` from `start`:
    one chunk when it stands as written; one more after each `|` written `\\|` (a table cell)."""
    if not piece:
        return None
    found = text.find(piece, start)
    if found >= 0:
        return [(0, found)]
    if "|" not in piece:
        return None
    pattern = "".join(r"\\?\|" if ch == "|" else re.escape(ch) for ch in piece)
    m = re.compile(pattern).search(text, start)
    if m is None:
        return None
    chunks = [(0, m.start())]
    column = m.start()
    for offset, ch in enumerate(piece):
        if ch == "|" and text[column] == "\\":
            column += 1
            chunks.append((offset, column))
        column += 1
    return chunks


def sub_map(joined: Joined, start: int, end: int) -> Joined:
    """The position map of `joined.text[start:end]`."""
    i = max(bisect.bisect_right(joined.offsets, start) - 1, 0)
    offsets, places = [0], [joined.position(start)]
    for k in range(i + 1, len(joined.offsets)):
        if joined.offsets[k] >= end:
            break
        offsets.append(joined.offsets[k] - start)
        places.append(joined.places[k])
    last = joined.position(max(end - 1, start))
    return Joined(joined.text[start:end], offsets, places, (last[0], last[1] + (end > start)))


# ---- runs of text: read for citations and cross-references -------------------------------


@dataclass
class _TextRun:
    """Consecutive text pieces (plain, escapes, entities, line breaks) read as one text."""

    pieces: list[tuple[str, int, bool]] = field(default_factory=list)  # (text, content offset, as written)

    def add(self, text: str, at: int, literal: bool) -> None:
        if text:
            self.pieces.append((text, at, literal))

    def joined(self, source: Joined) -> Joined:
        """The run's text and where each of its pieces stands in the source: a piece as written
        maps character for character; an escape or an entity maps to where it starts."""
        offsets: list[int] = []
        places: list[tuple[int, int]] = []
        length = 0
        for text, at, literal in self.pieces:
            cuts = [0]
            if literal:  # a piece crossing a chunk of the source map is cut there
                i = bisect.bisect_right(source.offsets, at)
                while i < len(source.offsets) and source.offsets[i] < at + len(text):
                    cuts.append(source.offsets[i] - at)
                    i += 1
            for cut in cuts:
                offsets.append(length + cut)
                places.append(source.position(at + cut))
            length += len(text)
        text, at, literal = self.pieces[-1]
        last = source.position(at + len(text) - 1) if literal else source.position(at)
        return Joined("".join(p[0] for p in self.pieces), offsets, places, (last[0], last[1] + 1))


class InlineReader:
    """Inline tokens to model inlines; `pictures` turns a picture token into an Image (or None)."""

    def __init__(self, path: str, notes: list[Diagnostic], budget: list[int], footnotes: dict, pictures):
        self.path, self.notes, self.budget = path, notes, budget
        self.footnotes = footnotes
        self.pictures = pictures
        self.labels: frozenset[str] = frozenset()  # the list's alphabetic labels, when it is labelled so (`[Köt16]`)
        self.entries: int | None = None  # the size of the paper's own list, when it has one

    def read_run(self, run: _TextRun, source: Joined) -> list[Inline]:
        """The run's text read for citations, then for cross-references (a caption's label
        counts only where the run opens a line of the token's text)."""
        if not run.pieces:
            return []
        if not any("[" in text or any(ch.isdigit() for ch in text) for text, _, _ in run.pieces):
            text = "".join(p[0] for p in run.pieces)  # no bracket, no number: nothing to find
            run.pieces.clear()
            return [Text(text)]
        joined = run.joined(source)
        first = run.pieces[0][1]
        at_start = first == 0 or source.text[first - 1 : first] == "\n"
        found = inlines_of(joined, self.path, self.notes, self.budget, self.entries, self.labels)
        run.pieces.clear()
        return list(crossrefs_of(found, joined, at_start))

    def inlines(self, children, content: str, source: Joined) -> tuple[Inline, ...]:
        """The children of an inline token (whose text is `content`, placed by `source`)."""
        stack: list[tuple[str, object, list]] = [("root", None, [])]
        run = _TextRun()
        cursor = 0
        silent = None  # inside raw HTML that shows nothing (`<script>`, `<video>`): its end tag's name
        gap = False  # raw HTML that shows nothing was just left out
        for child in children or []:
            kind = child.type
            if silent is not None:
                cursor, silent = _past_silent(child, content, cursor, silent)
                gap = True
                continue
            if kind == "text":
                start = content.find(child.content, cursor)
                text, at = child.content, max(start, cursor)
                if gap and text[:1] == " " and run.pieces and run.pieces[-1][0][-1:].isspace():
                    text, at = text[1:], at + 1  # `A <!-- x --> b`: one space where the remark stood
                run.add(text, at, start >= 0)
                cursor = start + len(child.content) if start >= 0 else cursor
                gap = False
                continue
            if kind == "text_special":  # an escape (`\%`) or an entity (`&amp;`): its source is the markup
                start = content.find(child.markup, cursor)
                run.add(child.content, max(start, cursor), False)
                cursor = start + len(child.markup) if start >= 0 else cursor
                continue
            if kind in ("softbreak", "hardbreak"):
                start = content.find("\n", cursor)
                run.add(" ", max(start, cursor), False)
                cursor = start + 1 if start >= 0 else cursor
                continue
            if kind == "html_inline":
                start = content.find(child.content, cursor)
                cursor = start + len(child.content) if start >= 0 else cursor
                if is_text(child.content):  # `<T>`: no element, text as written
                    run.add(child.content, start, start >= 0)
                else:
                    tag = parse_tag(child.content)
                    silent = self._html_tag(tag, stack, run, source, max(start, 0))
                    gap = tag is None or silent is not None or tag.name not in WRAPPERS and tag.name not in ("br", "img")
                continue
            out = stack[-1][2]
            out.extend(self.read_run(run, source))
            gap = False
            if kind == "code_inline":  # code is shown as written, never read for citations
                start, end, cursor = _code_text(content, child, cursor)
                out.append(Code(child.content, source.span(start, end) if end > start else source.span(start, start + 1)))
            elif kind in ("math_inline", "math_inline_double"):
                out.append(inline_math(child.content, display=kind == "math_inline_double"))
                cursor = _after_math(content, child, cursor)
            elif kind == "image":
                start = content.find("![", cursor)
                start = start if start >= 0 else cursor
                caption = self.inlines(child.children, child.content, sub_map(source, start + 2, start + 2 + len(child.content)))
                picture = self.pictures(child, plain_text(caption), source.position(start))
                out.append(picture if picture is not None else Text(plain_text(caption)))
                cursor = after_label(content, start + 2 + len(child.content), _has_attributes(child))
            elif kind == "link_open":
                stack.append(("link", child.attrGet("href"), []))
                cursor = _after(content, "<" if child.markup == "autolink" else "[", cursor)
            elif kind == "link_close" and len(stack) > 1:
                self._close(stack)
                cursor = _after(content, ">", cursor) if child.markup == "autolink" else after_label(content, content.find("]", cursor))
            elif kind.endswith("_open") and kind[:-5] in _WRAPPERS:
                stack.append((kind[:-5], None, []))
                cursor = _after(content, child.markup, cursor)
            elif kind.endswith("_close") and kind[:-6] in _WRAPPERS and len(stack) > 1:
                self._close(stack)
                cursor = _after(content, child.markup, cursor)
            elif kind == "footnote_ref":
                out.append(Footnote(self.footnotes.get(child.meta["id"], ())))
                cursor = _after(content, "]", content.find("[^", cursor))
        stack[-1][2].extend(self.read_run(run, source))
        while len(stack) > 1:  # an unclosed wrapper (cannot come from markdown-it): keep its text
            _, _, inner = stack.pop()
            stack[-1][2].extend(inner)
        return tuple(stack[0][2])

    def _html_tag(self, tag, stack, run: _TextRun, source: Joined, start: int) -> str | None:
        """A tag of raw HTML (markdown_html.py): `<br>` a space in the text, `<img>` a picture,
        a formatting tag opens or closes its wrapper; any other tag, a comment, shows nothing.
        Returns the name of an element whose content shows nothing (`script`, `video`)."""
        if tag is None:
            return None
        if tag.name in UNSHOWN and not tag.closing:
            self.notes.append(Diagnostic.at_line("HTM001", self.path, *source.position(start), element=tag.name))
        if tag.silences:
            return tag.name
        if not (tag.name in ("br", "img") or tag.name in WRAPPERS):
            return None
        if tag.name == "br":
            run.add(" ", start, False)
            return None
        if tag.name == "a" and not tag.closing and not tag.attrs.get("href"):
            return None  # `<a name="x">`: an anchor, no link
        out = stack[-1][2]
        out.extend(self.read_run(run, source))
        if tag.name == "img":
            if not tag.closing:
                alt = tag.attrs.get("alt", "")
                picture = self.pictures(tag, alt, source.position(start))
                out.append(picture if picture is not None else Text(alt))
        elif tag.closing:
            wrapper = WRAPPERS[tag.name]
            depth = next((k for k in range(len(stack) - 1, 0, -1) if stack[k][0] == wrapper), None)
            while depth is not None and len(stack) - 1 > depth:  # unclosed tags inside: their text stays
                _, _, inner = stack.pop()
                stack[-1][2].extend(inner)
            if depth is not None:
                self._close(stack)
        elif tag.name not in VOID and not tag.empty:
            stack.append((WRAPPERS[tag.name], tag.attrs.get("href"), []))
        return None

    @staticmethod
    def _close(stack) -> None:
        name, href, inner = stack.pop()
        wrapper = _WRAPPERS[name]
        if wrapper is not Link:
            stack[-1][2].append(wrapper(tuple(inner)))
        elif not str(href or "").strip() or str(href).startswith("#"):
            # `[text](#intro)`, `[text]()`: no address the editions can link to (`#…` are their own
            # targets, a citation's entry): the words stay, unlinked
            stack[-1][2].extend(inner)
        else:
            stack[-1][2].append(Link(str(href), tuple(inner)))


# ---- skipping markup between texts -------------------------------------------------------


def _past_silent(token, content: str, cursor: int, silent: str) -> tuple[int, str | None]:
    """Past a token inside an element that shows nothing; None once it is the element's end tag."""
    written = token.markup if token.type == "text_special" else token.content
    found = content.find(written, cursor) if written else -1
    cursor = found + len(written) if found >= 0 else cursor
    if token.type == "html_inline":
        tag = parse_tag(token.content)
        if tag is not None and tag.closing and tag.name == silent:
            return cursor, None
    return cursor, silent


def _after(content: str, markup: str, cursor: int) -> int:
    if cursor < 0:
        return 0
    found = content.find(markup, cursor) if markup else -1
    return found + len(markup) if found >= 0 else cursor


def _code_text(content: str, token, cursor: int) -> tuple[int, int, int]:
    """(start, end) of an inline code span's text in `content`, and the offset past its closing
    run of exactly as many backticks. CommonMark strips one space on each side when both are
    there (`` ` a ` ``), so the text starts after it."""
    ticks = token.markup
    start = content.find(ticks, cursor)
    if start < 0:
        return cursor, cursor, cursor
    m = re.compile(rf"(?<!`){re.escape(ticks)}(?!`)").search(content, start + len(ticks))
    if m is None:
        return cursor, cursor, cursor
    inner_start, inner_end = start + len(ticks), m.start()
    inner = content[inner_start:inner_end]
    if len(inner) > 2 and inner[0] in " \n" and inner[-1] in " \n" and inner.strip(" \n"):
        inner_start, inner_end = inner_start + 1, inner_end - 1
    return inner_start, inner_end, m.end()


def _after_math(content: str, token, cursor: int) -> int:
    opening = token.markup or "$"
    closing = {"\\(": "\\)", "\\[": "\\]"}.get(opening, opening)
    start = content.find(opening, cursor)
    if start < 0:
        return cursor
    end = content.find(closing, start + len(opening) + len(token.content))
    return end + len(closing) if end >= 0 else cursor


def after_label(content: str, close: int, attributes: bool = False) -> int:
    """Past a link's or picture's `](destination "title")` (or `][ref]`) from the `]` at
    `close`, and past the `{…}` attributes that follow a picture that has them."""
    from markdown_it.helpers import parseLinkDestination, parseLinkTitle

    if close < 0 or close >= len(content) or content[close] != "]":
        return max(close, 0)
    pos = close + 1
    end = len(content)
    if pos < end and content[pos] == "(":
        pos = _skip_space(content, pos + 1)
        dest = parseLinkDestination(content, pos, end)
        if dest.ok:
            pos = _skip_space(content, dest.pos)
            title = parseLinkTitle(content, pos, end)
            if title.ok:
                pos = _skip_space(content, title.pos)
        if pos < end and content[pos] == ")":
            pos += 1
    elif pos < end and content[pos] == "[":
        ref = content.find("]", pos)
        pos = ref + 1 if ref >= 0 else pos
    while attributes and pos < end and content[pos] == "{":
        close_brace = content.find("}", pos)
        if close_brace < 0:
            break
        pos = close_brace + 1
    return pos


def _skip_space(content: str, pos: int) -> int:
    while pos < len(content) and content[pos] in " \t\n":
        pos += 1
    return pos


def _has_attributes(token) -> bool:
    return any(key not in ("src", "alt", "title") for key in (token.attrs or {}))


# ---- mathematics ---------------------------------------------------------------------------

_TAG = re.compile(r"\\tag\*?\{([^{}]*)\}")
_LABEL = re.compile(r"\\label\{([^{}]*)\}")


def inline_math(tex: str, display: bool = False, label: str | None = None, number: str | None = None) -> Math:
    """A formula; `\\tag{4}` gives its number and `\\label{eq:x}` its label (both stay in the
    TeX only when nothing else can carry them)."""
    tag = _TAG.search(tex)
    mark = _LABEL.search(tex)
    if display and tag:
        number = number or tag.group(1).strip() or None
        tex = _TAG.sub("", tex)
    if display and mark:
        label = label or mark.group(1).strip() or None
        tex = _LABEL.sub("", tex)
    return Math(tex.strip(), display=display, number=number, label=label)
