"""The Markdown reader: CommonMark (markdown-it-py) with YAML front matter, tables, footnotes, math."""

from __future__ import annotations

import bisect
import re
from functools import cache

from ..citations import MAX_LABELS, Joined, inlines_of
from ..diagnostics import Diagnostic, InputError
from ..language import detect_language
from ..model import (
    BulletList, Cell, Document, Emph, Entry, Footnote, Heading, Link, ListItem, Math, Meta, Paragraph, Quote, Span, Strong,
    Subscript, Superscript, Table, Text, plain_text,
)
from ..references.ownlist import REFERENCES_HEADING
from .plaintext.reader import control_characters
from .plaintext.sourcefile import read_source

EXTENSIONS = (".md", ".markdown")
TEXT = True  # a text format: confirmed by being text, never claimed from bytes alone


def sniff(head: bytes) -> bool:
    return b"\x00" not in head[:1024]


# markdown-it silently drops what lies deeper than its nesting limit; deeper sources are
# refused (see `_refuse_deep_nesting`) so no text is ever lost without a word.
MAX_NESTING = 100
_LEAD = re.compile(r"[ \t>*+-]*")


def _refuse_deep_nesting(lines: list[str], path: str) -> None:
    """A line whose quote markers and list indentation go deeper than the parser reads is refused."""
    for number, line in enumerate(lines, start=1):
        lead = _LEAD.match(line).group()
        if len(lead) < MAX_NESTING // 2:
            continue
        # A quote marker is one level; a nested list costs two (list and item) per two columns.
        depth = lead.count(">") + len(re.sub(r">[ \t]?", "", lead).expandtabs(4))
        if depth > MAX_NESTING - 11:
            raise InputError(path, f"nests block quotes or lists about {depth} levels deep; at most {MAX_NESTING - 11} are read", number)


@cache
def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    # No raw HTML: a paper's `<b>` is text we show, never markup we pass through.
    return MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING}).enable("table").use(front_matter_plugin).use(footnote_plugin).use(dollarmath_plugin)


class _Lines:
    """Where the lines of an inline token's content stand in the source file."""

    def __init__(self, source_lines: list[str]):
        self.source = source_lines
        self.cursor: dict[int, int] = {}  # per source line: where the next search starts (table cells)

    def joined(self, content: str, first_line: int) -> Joined:
        """A position map for `content`, whose k-th line is a piece of source line first_line + k."""
        offsets, places = [], []
        at = 0
        line = first_line
        for k, piece in enumerate(content.split("\n")):
            line = first_line + k
            text = self.source[line] if line < len(self.source) else ""
            start = self.cursor.get(line, 0)
            found = text.find(piece, start) if piece else -1
            column = found if found >= 0 else max(len(text) - len(text.lstrip()), 0)
            if found >= 0:
                self.cursor[line] = found + len(piece)
            offsets.append(at)
            places.append((line + 1, column + 1))
            at += len(piece) + 1
        last_line, last_column = places[-1]
        end = (last_line, last_column + len(content.split("\n")[-1]))
        return Joined(content, offsets, places, end)


def _sub(joined: Joined, start: int, end: int) -> Joined:
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


class _Builder:
    """Tokens to model nodes; every citation placed by its offset in the token's content."""

    def __init__(self, path: str, lines: list[str], notes: list[Diagnostic]):
        self.path, self.notes = path, notes
        self.lines = _Lines(lines)
        self.budget = [MAX_LABELS]
        self.footnotes: dict[int, tuple] = {}

    def inlines(self, token) -> tuple:
        """An inline token's children as inlines (emphasis nests; text is split at citations)."""
        if token.map is None:  # a table cell: its row's map was set by the caller
            first = self.row_line
        else:
            first = token.map[0]
        joined = self.lines.joined(token.content, first)
        stack: list[tuple[str, object, list]] = [("root", None, [])]
        cursor = 0
        for child in token.children or []:
            kind = child.type
            out = stack[-1][2]
            if kind == "text":
                start = token.content.find(child.content, cursor)
                if start < 0:  # an escape changed the text (`\[`): place it at the cursor
                    start = cursor
                    out.append(Text(child.content))
                    continue
                end = start + len(child.content)
                out.extend(inlines_of(_sub(joined, start, end), self.path, self.notes, self.budget))
                cursor = end
            elif kind in ("softbreak", "hardbreak"):
                out.append(Text(" "))
            elif kind == "code_inline":
                out.append(Text(child.content))  # code is shown as written, never read for citations
                cursor = _advance(token.content, child.content, cursor)
            elif kind in ("math_inline", "math_inline_double"):
                out.append(Math(child.content))
                cursor = _advance(token.content, child.content, cursor)
            elif kind.endswith("_open") and kind[:-5] in _WRAPPERS:
                stack.append((kind[:-5], child.attrGet("href") if kind == "link_open" else None, []))
            elif kind.endswith("_close") and kind[:-6] in _WRAPPERS and len(stack) > 1:
                name, href, content = stack.pop()
                wrapper = _WRAPPERS[name]
                stack[-1][2].append(Link(str(href or ""), tuple(content)) if wrapper is Link else wrapper(tuple(content)))
            elif kind == "footnote_ref":
                out.append(Footnote(self.footnotes.get(child.meta["id"], ())))
            elif kind == "image":
                out.append(Text(child.content or ""))
            elif kind == "html_inline":
                out.append(Text(child.content))
        while len(stack) > 1:  # an unclosed wrapper (cannot come from markdown-it): keep its text
            _, _, content = stack.pop()
            stack[-1][2].extend(content)
        return tuple(stack[0][2])


_WRAPPERS = {"em": Emph, "strong": Strong, "link": Link, "s": Emph, "sup": Superscript, "sub": Subscript}


def _advance(content: str, piece: str, cursor: int) -> int:
    found = content.find(piece, cursor)
    return found + len(piece) if found >= 0 else cursor


def _span(token, lines: list[str]) -> Span:
    first, last = token.map
    last = max(last - 1, first)
    end_text = lines[last] if last < len(lines) else ""
    start_text = lines[first] if first < len(lines) else ""
    return Span(first + 1, len(start_text) - len(start_text.lstrip()) + 1, last + 1, len(end_text.rstrip()) + 1)


def _front_matter(text: str, path: str) -> dict:
    import yaml

    try:
        # Every scalar as written: a UDC `004.912` is not the number 4.912, a year not an int.
        data = yaml.load(text, Loader=yaml.BaseLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(path, f"front matter is not valid YAML: {getattr(exc, 'problem', None) or exc}", mark.line + 2 if mark else 1) from None
    if not isinstance(data, dict):
        raise InputError(path, "front matter must be a YAML mapping (title: …, author: …)", 2)
    return data


def _text(front: dict, key: str, path: str) -> str | None:
    """A front-matter value that must be one piece of text (`title`, `udc`, …)."""
    value = front.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(path, f"front matter: '{key}' must be text, not a {'list' if isinstance(value, list) else 'mapping'}", 2)
    return " ".join(value.split()) or None


_INLINE_NOTE = re.compile(r"\^\[([^\[\]]*)\]")  # pandoc's inline note: `title: "A paper^[Grant 123.]"`


def front_inlines(value: str | None, key: str, lines: list[str], path: str, notes: list[Diagnostic]) -> tuple:
    """A front-matter text (the title, the abstract) as inlines: its citations found as the
    body's are, placed where the value stands when it is written on its key's line (else at that
    line's start), and pandoc's inline notes (`^[…]`) as footnotes (a grant acknowledgement)."""
    if not value:
        return ()
    row = next((i for i, line in enumerate(lines[:200]) if re.match(rf"\s*{re.escape(key)}\s*:", line)), 0)
    line = lines[row] if row < len(lines) else ""
    column = line.find(value) + 1 if value in line else 1
    out: list = []
    cursor = 0
    for m in [*_INLINE_NOTE.finditer(value), None]:
        piece = value[cursor : m.start() if m else len(value)]
        if piece:
            start = column + cursor if column > 1 else 1
            joined = Joined(piece, [0], [(row + 1, start)], (row + 1, start + len(piece)))
            out.extend(inlines_of(joined, path, notes, [MAX_LABELS]))
        if m:
            out.append(Footnote((Text(m.group(1).strip()),)))
            cursor = m.end()
    return tuple(out)


def _emails(front: dict) -> list[str]:
    """The authors' e-mail addresses: `email:` of each {name, email} author, and `email:` or
    `emails:` of the front matter (a string or a list), in order, each once."""
    found: list[str] = []
    authors = front.get("author") or front.get("authors")
    for item in authors if isinstance(authors, list) else []:
        if isinstance(item, dict):
            found += _strings(item.get("email"))
    found += _strings(front.get("email")) + _strings(front.get("emails"))
    return list(dict.fromkeys(" ".join(e.split()) for e in found if "@" in e))


def _names(value) -> tuple[list[str], list[str]]:
    """`author:` as a string, a list of strings, or a list of {name, affiliation}."""
    authors, affiliations = [], []
    for item in value if isinstance(value, list) else [value] if value else []:
        if isinstance(item, dict):
            if isinstance(item.get("name"), str) and item["name"].strip():
                authors.append(" ".join(item["name"].split()))
            affiliations.extend(_strings(item.get("affiliation")))
        elif isinstance(item, str) and item.strip():
            authors.append(" ".join(item.split()))
    return authors, affiliations


def _strings(value) -> list[str]:
    if isinstance(value, list):
        return [" ".join(v.split()) for v in value if isinstance(v, str) and v.strip()]
    if isinstance(value, str):
        return [k.strip() for k in value.replace(";", ",").split(",") if k.strip()]
    return [] if value is None else [str(value)]


def read(path: str) -> Document:
    """Read a Markdown paper into a Document (citations still unlinked)."""
    source = read_source(path)
    text, lines = source.text, source.lines
    if not text.strip():
        raise InputError(path, "is empty" if not text else "contains no text (only whitespace)")
    _refuse_deep_nesting(lines, path)
    notes = control_characters(lines, path)
    if source.encoding not in ("utf-8", "utf-8-sig", "utf-16"):
        notes.append(Diagnostic.at_line("TXT002", path, 1, 1, encoding=source.encoding))
    # markdown-it ends lines at LF only; the file's own CR and CRLF ends become LF, line for line.
    tokens = _parser().parse("\n".join(lines))
    build = _Builder(path, lines, notes)
    front: dict = {}
    # Footnote texts first: a reference can come before its note.
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.type == "footnote_open":
            note_id, content = t.meta["id"], []
            i += 1
            while i < len(tokens) and tokens[i].type != "footnote_close":
                if tokens[i].type == "inline":
                    if content:
                        content.append(Text(" "))
                    content.extend(build.inlines(tokens[i]))
                i += 1
            build.footnotes[note_id] = tuple(content)
        i += 1

    blocks: list = []
    references: list[Entry] = []
    references_span: Span | None = None
    in_references = False
    quote_depth = 0
    list_stack: list[dict] = []
    table: dict | None = None
    heading_level = 0
    skip_footnotes = 0
    for t in tokens:
        kind = t.type
        if kind == "front_matter":
            front = _front_matter(t.content, path)
        elif kind == "footnote_block_open":
            skip_footnotes += 1
        elif kind == "footnote_block_close":
            skip_footnotes -= 1
        elif skip_footnotes:
            continue
        elif kind == "heading_open":
            heading_level = int(t.tag[1:])
            heading_span = _span(t, lines)
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            start = int(t.attrGet("start") or 1) if kind == "ordered_list_open" else None
            list_stack.append({"items": [], "start": start, "span": _span(t, lines), "ordered": start is not None})
        elif kind == "list_item_open":
            list_stack[-1]["items"].append({"inlines": [], "span": _span(t, lines)})
        elif kind in ("bullet_list_close", "ordered_list_close"):
            done = list_stack.pop()
            if in_references and not list_stack:  # the paper's own list: numbered as printed, else in order
                for n, item in enumerate(done["items"], start=done["start"] or 1):
                    entry_text = plain_text(tuple(item["inlines"])).strip()
                    references.append(Entry(key=str(n), number=n, span=item["span"], text=entry_text))
            elif not list_stack:
                blocks.append(BulletList(tuple(ListItem(tuple(i["inlines"]), i["span"]) for i in done["items"]), done["span"]))
            else:  # a nested list's items join its parent item's text
                parent = list_stack[-1]["items"][-1]["inlines"]
                for item in done["items"]:
                    parent.extend([Text(" "), *item["inlines"]])
        elif kind == "table_open":
            table = {"rows": [], "header": 0, "span": _span(t, lines)}
        elif kind == "tr_open" and table is not None:
            table["rows"].append([])
            build.row_line = t.map[0] if t.map else table["span"].line - 1
        elif kind == "thead_close" and table is not None:
            table["header"] = len(table["rows"])
        elif kind == "table_close" and table is not None:
            blocks.append(Table(tuple(tuple(Cell(cell) for cell in row) for row in table["rows"]), table["span"], table["header"]))
            table = None
        elif kind in ("fence", "code_block"):
            blocks.append(Paragraph((Text(t.content.rstrip("\n")),), _span(t, lines)))
        elif kind in ("math_block", "math_block_label"):
            blocks.append(Paragraph((Math(t.content.strip(), display=True),), _span(t, lines)))
        elif kind == "inline":
            if table is not None:
                table["rows"][-1].append(build.inlines(t))
                continue
            inlines = build.inlines(t)
            if heading_level:
                heading_text = plain_text(inlines).strip()
                if REFERENCES_HEADING.match(heading_text):
                    in_references, references_span = True, heading_span
                else:
                    in_references = False
                    blocks.append(Heading(heading_level, inlines, heading_span))
                heading_level = 0
            elif list_stack:
                item = list_stack[-1]["items"][-1]["inlines"]
                if item:
                    item.append(Text(" "))
                item.extend(inlines)
            elif in_references:
                continue  # prose under the reference heading that is not a numbered list
            else:
                blocks.append((Quote if quote_depth else Paragraph)(inlines, _span(t, lines)))

    authors, affiliations = _names(front.get("author") or front.get("authors"))
    affiliations += _strings(front.get("affiliation") or front.get("affiliations"))
    body = " ".join(plain_text(r) for b in blocks for r in ([b.inlines] if hasattr(b, "inlines") else []))
    fields = {key: _text(front, key, path) for key in ("title", "udc", "irsti", "supervisor", "abstract", "lang", "bibliography")}
    language = (fields["lang"] or "")[:2].lower() or detect_language((fields["title"] or "") + " " + body[:200_000])
    language = language if language in ("kk", "ru", "en") else "en"
    abstract = front_inlines(fields["abstract"], "abstract", lines, path, notes)
    keywords = tuple(_strings(front.get("keywords")))
    meta = Meta(
        udc=fields["udc"],
        irsti=fields["irsti"],
        title=front_inlines(fields["title"], "title", lines, path, notes),
        authors=tuple(authors),
        affiliations=tuple(affiliations),
        supervisor=fields["supervisor"],
        language=language,
        keywords=keywords,
        abstracts=((language, abstract),) if abstract else (),
        keyword_sets=((language, keywords),) if keywords else (),
        emails=tuple(_emails(front)),
    )
    bibliography = fields["bibliography"]
    return Document(
        path=path,
        meta=meta,
        blocks=tuple(blocks),
        references=tuple(references),
        references_span=references_span,
        end_line=max((i + 1 for i, line in enumerate(lines) if line.strip()), default=1),
        encoding=source.encoding,
        notes=tuple(notes),
        bibliography=bibliography,
    )
