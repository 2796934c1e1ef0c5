"""Reading a Markdown paper: CommonMark (markdown-it-py) with YAML front matter, tables, footnotes,
mathematics and pictures (see markdown_syntax.py for the grammar, markdown_inlines.py for
the text, markdown_media.py for the pictures)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ...citations import MAX_LABELS, Joined, cited_numbers, inlines_of
from ...crossrefs import without_caption_label
from ...diagnostics import Diagnostic, InputError
from ...language import detect_language
from ...model import (
    BulletList, Cell, Citation, CodeBlock, CrossRef, Document, Entry, Figure, Footnote, Heading, ListItem, Math, Meta, Paragraph, Quote, Span, Table, TitleTranslation,
    Text,
    map_inlines,
    plain_text,
)
from ...references.ownlist import (
    REFERENCES_HEADING,
    alpha_entries,
    author_date_opening,
    entry_start_strength,
    looks_like_reference,
    opens_author_date_entry,
    reads_as_author_date_list,
    keyed_by_alpha_labels,
    reads_as_reference,
)
from ...sourcefile import control_characters, read_source
from ..markdown_inlines import InlineReader, SourceLines, after_label, inline_math, sub_map
from ..markdown_html import HtmlBlock
from ..markdown_media import Pictures
from ..markdown_syntax import MAX_NESTING, parser
from ..translations import translated

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


# A paper's table is a few dozen columns wide; markdown-it makes four tokens of every cell,
# so a 10,000-column table of a few rows took 49 s and 1 GB. Wider tables, or more cells in
# all, are refused before parsing.
MAX_TABLE_COLUMNS = 200
MAX_TABLE_CELLS = 100_000
_DELIMITER_ROW = re.compile(r"[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?[ \t]*")


def _refuse_huge_tables(lines: list[str], path: str) -> None:
    """Tables are sized from their delimiter rows (`|---|---|`) before markdown-it reads them."""
    cells = 0
    for number, line in enumerate(lines):
        if "|" not in line or "-" not in line or not _DELIMITER_ROW.fullmatch(line):
            continue
        columns = len(re.findall(r"-+", line))
        if columns > MAX_TABLE_COLUMNS:  # named at its header row, the line above
            raise InputError(path, f"has a table {columns} columns wide; tables of at most {MAX_TABLE_COLUMNS} columns are read", max(number, 1))
        rows = 2
        while number + rows - 1 < len(lines) and lines[number + rows - 1].strip():
            rows += 1
        cells += columns * rows
        if cells > MAX_TABLE_CELLS:
            raise InputError(path, f"has tables of more than {MAX_TABLE_CELLS} cells in all; split the paper or its tables", max(number, 1))


class _Builder:
    """Tokens to model nodes; every piece of text placed by its offset in the token's content."""

    def __init__(self, path: str, lines: list[str], notes: list[Diagnostic]):
        self.path, self.notes, self.lines = path, notes, lines
        self.source = SourceLines(lines)
        self.footnotes: dict[int, tuple] = {}
        self.pictures = Pictures(path, notes)
        self.reader = InlineReader(path, notes, [MAX_LABELS], self.footnotes, self.pictures)
        self.row_line = 0

    def inlines(self, token) -> tuple:
        """An inline token's children as inlines (a table cell's row line set by the caller)."""
        first = self.row_line if token.map is None else token.map[0]
        return self.reader.inlines(token.children, token.content, self.source.content_map(token.content, first))

    def paragraph(self, token, span: Span):
        """A paragraph's block: a Figure when it holds only pictures, a display formula when it
        holds only one (`$$…$$ {#eq:x}`, or a LaTeX environment: `\\begin{equation}…`), else
        None (an ordinary paragraph)."""
        environment = tex_environment(token.content, span)
        if environment is not None:
            return Paragraph((environment,), span)
        children = [c for c in token.children or [] if not (c.type in ("text", "softbreak") and not c.content.strip())]
        if children and all(c.type == "image" for c in children):
            if any(self.pictures.is_remote(c.attrGet("src")) for c in children):
                return None  # reported where the paragraph's text is read
            return self._figure(token, children, span)
        if children and children[0].type == "math_inline_double" and len(children) <= 2:
            tail = _EQUATION_TAIL.fullmatch(children[1].content) if len(children) == 2 and children[1].type == "text" else None
            if len(children) == 1 or tail:
                number, label = (tail.group("number"), tail.group("id")) if tail else (None, None)
                return Paragraph((inline_math(children[0].content, True, label, number),), span)
        return None

    def html_blocks(self, token) -> list:
        """A block of raw HTML as the blocks it lays out (markdown_html.py)."""
        content = token.content
        source = self.source.content_map(content, token.map[0])

        def inlines(pieces, start: int, end: int) -> tuple:
            return self.reader.inlines(pieces, content[start:end], sub_map(source, start, end))

        def unshown(element: str, place: tuple[int, int]) -> None:
            self.notes.append(Diagnostic.at_line("HTM001", self.path, *place, element=element))

        return HtmlBlock(content, inlines, source.position, self.pictures, unshown).read()

    def _figure(self, token, images, span: Span) -> Figure:
        content = token.content
        source = self.source.content_map(content, token.map[0])
        pictures, captions, labels = [], [], []
        cursor = 0
        for child in images:
            start = content.find("![", cursor)
            label_end = start + 2 + len(child.content)
            caption = self.reader.inlines(child.children, child.content, sub_map(source, start + 2, label_end))
            pictures.append(self.pictures(child, plain_text(caption), source.position(start)))
            captions.append(caption)
            labels.append(child.attrGet("id"))
            cursor = after_label(content, label_end, True)
        one = len(pictures) == 1
        return Figure(tuple(pictures), captions[0] if one else (), span, label=labels[0] if one else None)


# A LaTeX display environment written as a paragraph of its own, as papers written for pandoc's
# LaTeX output hold them (pandoc passes them to LaTeX and drops them from DOCX).
_TEX_ENVIRONMENT = re.compile(
    r"\s*\\begin\{(?P<env>equation|align|alignat|flalign|gather|multline|eqnarray|displaymath)(?P<star>\*?)\}"
    r"(?:\{\d+\})?(?P<body>.*?)\\end\{(?P=env)(?P=star)\}\s*",
    re.DOTALL,
)
# What each environment's lines become inside one display formula: aligned columns, or centred rows.
_AS_FORMULA = {"align": "aligned", "alignat": "aligned", "flalign": "aligned", "eqnarray": "aligned", "gather": "gathered", "multline": "gathered"}
_NO_NUMBER = re.compile(r"\\(?:nonumber|notag)\b")


def tex_environment(content: str, span: Span) -> Math | None:
    """A display formula from a LaTeX environment (`equation`, `align`, `gather`, `multline`,
    `eqnarray`, `displaymath`, starred or not), or None. Its `\\label` labels it; an unstarred
    one is numbered as LaTeX numbers it (one number for the whole formula)."""
    m = _TEX_ENVIRONMENT.fullmatch(content)
    if m is None:
        return None
    body = _NO_NUMBER.sub("", m.group("body")).strip()
    wrapper = _AS_FORMULA.get(m.group("env"))
    tex = f"\\begin{{{wrapper}}}{body}\\end{{{wrapper}}}" if wrapper and "\\\\" in body else body
    formula = inline_math(tex, True)
    numbered = not m.group("star") and m.group("env") != "displaymath"
    if numbered and formula.label is None and formula.number is None:
        formula = replace(formula, label=f"eq:line-{span.line}")  # numbered by `number_equations`, as labelled ones are
    return formula


# `(2.1)` or `{#eq:energy}` after a display formula's closing `$$` (as the block rule reads them).
_EQUATION_TAIL = re.compile(r"\s*(?:\((?P<number>[^()\n]{1,40})\)|\{#(?P<id>[^}\s]+)[^}\n]*\})\s*")


def _code_block(token, lines: list[str]) -> CodeBlock:
    """A fenced or indented block: its lines as written (tabs kept), the fence's first word as
    its language (```` ```python {.x} ````); the span covers the fences too."""
    info = (token.info or "").strip().split()
    language = info[0].strip("{}.") if info else None
    return CodeBlock(token.content.rstrip("\n"), language or None, _span(token, lines))


def _span(token, lines: list[str]) -> Span:
    first, last = token.map
    last = max(last - 1, first)
    end_text = lines[last] if last < len(lines) else ""
    start_text = lines[first] if first < len(lines) else ""
    return Span(first + 1, len(start_text) - len(start_text.lstrip()) + 1, last + 1, len(end_text.rstrip()) + 1)


# ---- captions and numbers ------------------------------------------------------------------

# pandoc's table caption: a paragraph `Table: …` or `: …` next to the table.
_PANDOC_CAPTION = re.compile(r"^\s*(?:[Tt]able)?:\s+")
# pandoc-crossref's label at a caption's end: `{#tbl:results}`.
_CAPTION_ID = re.compile(r"\s*\{#(?P<id>[^}\s]+)[^}\n]*\}\s*$")


def _caption_kind(block) -> str | None:
    """`pandoc` for a `Table: …` paragraph; `figure` or `table` for a paragraph that opens
    with a caption's label (`Рисунок 2 – …`, `Таблица 1.`); else None."""
    if not isinstance(block, Paragraph) or not block.inlines:
        return None
    first = block.inlines[0]
    if isinstance(first, Text) and _PANDOC_CAPTION.match(first.text):
        return "pandoc"
    if isinstance(first, CrossRef) and first.defines:
        return first.kind
    return None


def _as_caption(inlines: tuple) -> tuple[tuple, str | None, str | None]:
    """(caption, number, label) of a caption paragraph's inlines: pandoc's `Table:` cut off,
    a trailing `{#tbl:x}` taken as the label, its own label (`Таблица 2 – `) cut off and its
    number kept (the editions print the label)."""
    inlines = list(inlines)
    label = None
    if inlines and isinstance(inlines[0], Text) and _PANDOC_CAPTION.match(inlines[0].text):
        inlines[0] = Text(_PANDOC_CAPTION.sub("", inlines[0].text, count=1))
    if inlines and isinstance(inlines[-1], Text) and (m := _CAPTION_ID.search(inlines[-1].text)):
        label = m.group("id")
        inlines[-1] = Text(inlines[-1].text[: m.start()])
    inlines = [node for node in inlines if not (isinstance(node, Text) and not node.text)]
    caption, number = without_caption_label(tuple(inlines))
    return caption, number, label


def bind_captions(blocks: list) -> list:
    """Caption paragraphs joined to what they caption: a table's (pandoc's `Table: …` before or
    after it, or `Таблица 2 – …` just before it, as GOST sets it) and a figure's
    (`Рисунок 2 – …` just below the picture); a picture's own caption gives its number when it
    opens with a figure's label."""
    out: list = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        if isinstance(block, Table):
            if out and _caption_kind(out[-1]) in ("pandoc", "table"):
                block = _captioned(block, out.pop())
            elif _caption_kind(after) == "pandoc":
                block, i = _captioned(block, after), i + 1
        elif isinstance(block, Figure):
            if _caption_kind(after) == "figure":
                block, i = _captioned(block, after), i + 1
            else:
                caption, number, _ = _as_caption(block.caption)
                block = replace(block, caption=caption, number=number or block.number)
        out.append(block)
        i += 1
    return out


def _captioned(block, paragraph: Paragraph):
    caption, number, label = _as_caption(paragraph.inlines)
    return replace(block, caption=caption, number=number, label=block.label or label)


def number_equations(blocks: list) -> list:
    """Labelled things without a printed number get the next one, as pandoc-crossref numbers
    them (`{#eq:x}`, `{#fig:x}`, `{#tbl:x}`); a printed number (`\\tag{4}`, `(2.1)`,
    `Рисунок 3`) sets the count."""
    counts = {Figure: 0, Table: 0, Math: 0}
    out = []
    for block in blocks:
        target = block.inlines[0] if isinstance(block, Paragraph) and len(block.inlines) == 1 and isinstance(block.inlines[0], Math) else block
        kind = type(target)
        if kind in counts and (not isinstance(target, Math) or target.display):
            if target.number is not None:
                counts[kind] = int(target.number) if target.number.isdecimal() else counts[kind]
            elif target.label is not None:
                counts[kind] += 1
                target = replace(target, number=str(counts[kind]))
                block = Paragraph((target,), block.span) if kind is Math else target
        out.append(block)
    return out


# pandoc-crossref's references: `[@fig:x]`, `[@tbl:x]`, `[@eq:x]` (`@Fig:x` capitalised,
# `[-@fig:x]` the number alone, `[@fig:x; @fig:y]` several), and the words it prints before
# the number in each language the editions are made in.
_CROSSREF_PREFIXES = {"fig": "figure", "tbl": "table", "eq": "equation"}
_CROSSREF_WORDS = {
    "en": {"figure": ("fig.", "figs."), "table": ("tbl.", "tbls."), "equation": ("eq.", "eqns.")},
    "ru": {"figure": ("рис.", "рис."), "table": ("табл.", "табл."), "equation": ("формула", "формулы")},
    "kk": {"figure": ("сурет", "суреттер"), "table": ("кесте", "кестелер"), "equation": ("формула", "формулалар")},
}


def crossref_citations(blocks: list, language: str) -> list:
    """pandoc-crossref's `[@fig:x]` read as the cross-reference it is, not a citation of an
    entry keyed `fig:x` (which the list never has: every one was reported CIT001), when the
    paper labels a figure, table or display formula `fig:x`; it shows as pandoc-crossref
    prints it (`fig. 2`, `рис. 2`; an equation's number in brackets). A label the paper does
    not define stays a citation, and is reported as one."""
    numbers: dict[str, tuple[str, str]] = {}
    for block in blocks:
        target = block.inlines[0] if isinstance(block, Paragraph) and len(block.inlines) == 1 and isinstance(block.inlines[0], Math) else block
        kind = {Figure: "figure", Table: "table", Math: "equation"}.get(type(target))
        if kind and target.label and target.number:
            numbers[target.label] = (kind, target.number)
    words = _CROSSREF_WORDS.get(language, _CROSSREF_WORDS["en"])

    def tex_refs(node: Text, span: Span):
        """`\\eqref{eq:x}`, `\\ref{fig:x}` in text: LaTeX's references, where the label is defined."""
        out, at = [], 0
        for m in _TEX_REF.finditer(node.text):
            if m.group("label") not in numbers:
                continue
            kind, number = numbers[m.group("label")]
            shown = f"({number})" if m.group("eq") else number
            out += [Text(node.text[at : m.start()])] if m.start() > at else []
            out.append(CrossRef(shown, kind, number, span, target=m.group("label")))
            at = m.end()
        return node if not out else tuple(out + ([Text(node.text[at:])] if at < len(node.text) else []))

    def read(node, span: Span):
        if isinstance(node, Text) and "ref{" in node.text:
            return tex_refs(node, span)
        if not isinstance(node, Citation) or not node.refs:
            return node
        keys = [ref.label.lstrip("@") for ref in node.refs]
        found = [numbers.get(key[:1].lower() + key[1:]) for key in keys]
        kinds = {f[0] for f in found if f}
        if not all(found) or len(kinds) != 1 or not all(key.split(":")[0].lower() in _CROSSREF_PREFIXES for key in keys):
            return node
        kind = kinds.pop()
        word = words[kind][len(found) > 1]
        if keys[0][:1].isupper():
            word = word[:1].upper() + word[1:]
        bare = node.raw.lstrip("[").lstrip().startswith("-@")  # `[-@fig:x]`: the number alone
        out: list = []
        for k, (key, (_, number)) in enumerate(zip(keys, found)):
            shown = f"({number})" if kind == "equation" else number
            if k == 0 and not bare:
                shown = f"{word} {shown}"
            out += [Text(", ")] if k else []
            out.append(CrossRef(shown, kind, number, node.span, target=key[:1].lower() + key[1:]))
        return tuple(out)

    out = []
    for block in blocks:  # block by block: a reference written in text takes its block's span
        span = getattr(block, "span", None)
        out += map_inlines(lambda node: read(node, span), (block,))
    return out


_TEX_REF = re.compile(r"\\(?P<eq>eq)?ref\{(?P<label>[^{}\s]+)\}")


def _front_matter(text: str, path: str) -> dict:
    import yaml

    try:
        # Every scalar as written: a UDC `004.912` is not the number 4.912, a year not an int.
        data = yaml.load(text, Loader=yaml.BaseLoader) or {}
    except RecursionError:  # PyYAML composes nested collections recursively
        raise InputError(path, "front matter nests lists or mappings too deeply to read", 2) from None
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


# The title block in another language, by key (`title-ru`, `abstract-kk`, `keywords-en`,
# `author-ru` / `authors-ru`, `affiliation-ru` / `affiliations-ru`): the language is the key's,
# as the author declares it; the paper's own title block stays `title`, `abstract`, … .
_LANGUAGE_KEY = re.compile(r"^(title|abstract|keywords|authors?|affiliations?)-(kk|ru|en)$")


@dataclass
class _OtherLanguages:
    abstracts: list = field(default_factory=list)
    keyword_sets: list = field(default_factory=list)
    translations: list = field(default_factory=list)


def _other_languages(front: dict, lines: list[str], path: str, notes: list[Diagnostic]) -> _OtherLanguages:
    """The front matter's blocks in other languages (`_LANGUAGE_KEY`), in the order their keys
    stand: abstracts and keyword sets by language, and one `TitleTranslation` per language
    with its title, authors and affiliations (none filled in where the key is absent)."""
    out = _OtherLanguages()
    parts: dict[str, dict] = {}
    for key in front:
        m = _LANGUAGE_KEY.match(str(key))
        if m is None:
            continue
        kind, lang = m[1].rstrip("s") if m[1] != "keywords" else m[1], m[2]
        block = parts.setdefault(lang, {"title": (), "authors": [], "affiliations": []})
        if kind == "abstract" and (run := front_inlines(_text(front, key, path), key, lines, path, notes)):
            out.abstracts.append((lang, run))
        elif kind == "keywords" and (words := tuple(_strings(front[key]))):
            out.keyword_sets.append((lang, words))
        elif kind == "title":
            block["title"] = front_inlines(_text(front, key, path), key, lines, path, notes)
        elif kind == "author":
            names, places = _names(front[key])
            block["authors"] += names
            block["affiliations"] += places
        elif kind == "affiliation":
            block["affiliations"] += _strings(front[key])
    out.translations = [TitleTranslation(lang, b["title"], tuple(b["authors"]), tuple(b["affiliations"])) for lang, b in parts.items() if b["title"] or b["authors"] or b["affiliations"]]
    return out


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


def _read_footnotes(tokens, build: _Builder) -> None:
    """Footnote texts first: a reference can come before its note."""
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


class _Read:
    """What the block tokens give: the body, the paper's own list, the front matter."""

    def __init__(self, labels: frozenset[str] = frozenset()):
        self.blocks: list = []
        self.references: list[Entry] = []
        self.references_span: Span | None = None
        self.front: dict = {}
        self.labels = labels  # the list's alphabetic labels (`_alpha_labels`)


def _close_list(read: _Read, list_stack: list[dict], done: dict, in_references: bool) -> None:
    """A list ends: the outermost under the references heading is the paper's own list
    (numbered as printed, else in order), another outermost one a block; a nested list's
    items join its parent item's text."""
    if in_references and not list_stack:
        for n, item in enumerate(done["items"], start=done["start"] or 1):
            entry_text = plain_text(tuple(item["inlines"])).strip()
            read.references.append(Entry(key=str(n), number=n, span=item["span"], text=entry_text))
    elif not list_stack:
        labels = [f"{n}{done['delimiter']}" for n in range(done["start"], done["start"] + len(done["items"]))] if done["ordered"] else []
        read.blocks.append(BulletList(tuple(ListItem(tuple(i["inlines"]), i["span"], labels[k] if labels else "") for k, i in enumerate(done["items"])), done["span"]))
    else:
        parent = list_stack[-1]["items"][-1]["inlines"]
        for item in done["items"]:
            parent.extend([Text(" "), *item["inlines"]])


_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
_LABEL_OPENING = re.compile(r"^\[([^\]\s]+)\]")


def _opens_entry(text: str, labels: frozenset[str]) -> bool:
    """Whether a paragraph under the references heading is an entry (`_paragraph_entry`): one
    opening with the list's alphabetic label (`[Köt16] T. Kötzing. …`, year or not), or one
    holding a year that opens as an entry does or reads as a reference."""
    label = _LABEL_OPENING.match(text)
    if label and label[1] in labels:
        return True
    return bool(_YEAR.search(text)) and (opens_author_date_entry(text) or entry_start_strength(text) == 2 or reads_as_reference(text))


def _list_size(tokens, labels: frozenset[str]) -> int | None:
    """How many entries the list under the references heading holds (its outermost list's items,
    or its paragraphs that are entries), read off the block tokens before any inline is read: the
    body's brackets are read knowing it (`[0, 1]` is no citation of an entry 0), as the other
    readers read theirs. None without such a heading."""
    size, inside, heading, depth = None, False, False, 0
    for t in tokens:
        if t.type == "heading_open":
            heading = True
        elif t.type == "inline" and heading:
            heading = False
            inside = bool(REFERENCES_HEADING.match(t.content.strip()))
            size = 0 if inside and size is None else size
        elif not inside:
            continue
        elif t.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            depth += 1
        elif t.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            depth -= 1
        elif t.type == "list_item_open" and depth == 1:
            size += 1
        elif t.type == "inline" and depth == 0 and _opens_entry(t.content.strip(), labels):
            size += 1
    return size or None
_ITEM_MARK = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")


def _alpha_labels(tokens, lines: list[str]) -> frozenset[str]:
    """The alphabetic labels of the list under the references heading (`[Köt16] T. Kötzing. …`,
    an entry a paragraph or a list item: `alpha_entries`), read off the source's lines under
    the heading (the parser's headings give where it and the next one stand) before the body is
    read, so the body's `[Köt16]` is read as a citation (CommonMark leaves a bracket with no
    link definition as text). None for any other list."""
    headings = [(t.map, tokens[k + 1].content) for k, t in enumerate(tokens) if t.type == "heading_open" and t.map and k + 1 < len(tokens)]
    for n, (where, text) in enumerate(headings):
        if REFERENCES_HEADING.match(text.strip()):
            end = headings[n + 1][0][0] if n + 1 < len(headings) else len(lines)
            items = [_ITEM_MARK.sub("", line, count=1) for line in lines]
            return frozenset(s.label for s in alpha_entries(items, where[1], end))
    return frozenset()


def _paragraph_entry(read: _Read, text: str, span: Span) -> None:
    """Under the references heading, a paragraph that opens as an entry does (an author–date
    opening, a name and initials) and holds a year, or that reads as a reference, is the next
    entry of an unnumbered list (APA's, as a word processor's Markdown export writes it: one
    paragraph an entry); other prose there is no entry."""
    if not _opens_entry(text, read.labels):
        return
    n = len(read.references) + 1
    read.references.append(Entry(key=str(n), number=n, span=span, text=text))


def _read_blocks(tokens, build: _Builder, labels: frozenset[str] = frozenset()) -> _Read:
    """Block tokens to blocks; the list under a references heading (`labels`: its alphabetic labels) becomes the paper's own list."""
    read, lines, path = _Read(labels), build.lines, build.path
    blocks = read.blocks
    in_references = False
    quote_depth = 0
    list_stack: list[dict] = []
    table: dict | None = None
    heading_level = 0
    skip_footnotes = 0
    for t in tokens:
        kind = t.type
        if kind == "front_matter":
            read.front = _front_matter(t.content, path)
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
            list_stack.append({"items": [], "start": start, "span": _span(t, lines), "ordered": start is not None, "delimiter": "."})
        elif kind == "list_item_open":
            list_stack[-1]["items"].append({"inlines": [], "span": _span(t, lines)})
            list_stack[-1]["delimiter"] = t.markup or "."  # `1.` or `1)`: one list keeps one delimiter (CommonMark)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            _close_list(read, list_stack, list_stack.pop(), in_references)
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
            blocks.append(_code_block(t, lines))
        elif kind == "html_block" and not in_references:
            blocks.extend(build.html_blocks(t))
        elif kind == "math_block":
            meta = t.meta or {}
            blocks.append(Paragraph((inline_math(t.content, True, meta.get("id"), meta.get("number")),), _span(t, lines)))
        elif kind == "inline":
            if table is not None:
                table["rows"][-1].append(build.inlines(t))
                continue
            if heading_level:
                inlines = build.inlines(t)
                heading_text = plain_text(inlines).strip()
                if REFERENCES_HEADING.match(heading_text):
                    in_references, read.references_span = True, heading_span
                else:
                    in_references = False
                    blocks.append(Heading(heading_level, inlines, heading_span))
                heading_level = 0
            elif list_stack:
                item = list_stack[-1]["items"][-1]["inlines"]
                if item:
                    item.append(Text(" "))
                item.extend(build.inlines(t))
            elif in_references:
                _paragraph_entry(read, plain_text(build.inlines(t)).strip(), _span(t, lines))
            else:
                span = _span(t, lines)
                special = None if quote_depth else build.paragraph(t, span)
                inlines = () if special else build.inlines(t)
                if special or any(not isinstance(i, Text) or i.text.strip() for i in inlines):  # raw HTML alone may show nothing
                    blocks.append(special or (Quote if quote_depth else Paragraph)(inlines, span))
    return read


def _body_text(blocks: list) -> str:
    return " ".join(plain_text(b.inlines) for b in blocks if hasattr(b, "inlines"))


def _headless_list(blocks: list) -> tuple[list, list[Entry], Span | None]:
    """With no references heading: the paper's own list printed with none after its last paragraph.
    An ordered list that ends the paper, numbered 1, 2, …, whose items read as references by
    GOST's marks (two or more: `reads_as_reference`), or three or more whose numbers the body cites
    in brackets, at least half, at least half of which read as references in any style
    (`looks_like_reference`); or paragraphs that end the paper, each opening with names and a date,
    that an editor takes for an author–date list (`reads_as_author_date_list`). A numbered list of
    steps or findings, numbered headings (`#` headings here) are never taken. Returns the blocks
    without the list, its entries, and the span of its first entry (where the list starts)."""
    last = blocks[-1] if blocks else None
    if isinstance(last, BulletList) and last.items:
        numbers = [re.fullmatch(r"(\d+)[.)]", item.label) for item in last.items]
        texts = [plain_text(item.inlines).strip() for item in last.items]
        if all(numbers) and [int(m[1]) for m in numbers] == list(range(1, len(texts) + 1)):
            cited = cited_numbers(_body_text(blocks[:-1]))
            sure = len(texts) >= 2 and all(map(reads_as_reference, texts))
            if sure or len(texts) >= 3 and 2 * len(cited & set(range(1, len(texts) + 1))) >= len(texts) and 2 * sum(map(looks_like_reference, texts)) >= len(texts):
                entries = [Entry(key=str(n), number=n, span=item.span, text=text) for n, (item, text) in enumerate(zip(last.items, texts), start=1)]
                return blocks[:-1], entries, last.items[0].span
        return blocks, [], None
    k = len(blocks)
    openings = []
    while k > 0 and type(blocks[k - 1]) is Paragraph and (opening := author_date_opening(plain_text(blocks[k - 1].inlines))) is not None and opening[1]:
        openings.insert(0, opening)
        k -= 1
    if not openings or not reads_as_author_date_list(openings, _body_text(blocks[:k])):
        return blocks, [], None
    entries = [Entry(key=str(n), number=n, span=b.span, text=plain_text(b.inlines).strip()) for n, b in enumerate(blocks[k:], start=1)]
    return blocks[:k], entries, blocks[k].span


def read_markdown(path: str) -> Document:
    """Read a Markdown paper into a Document (citations still unlinked)."""
    source = read_source(path)
    text, lines = source.text, source.lines
    if not text.strip():
        raise InputError(path, "is empty" if not text else "contains no text (only whitespace)")
    _refuse_deep_nesting(lines, path)
    _refuse_huge_tables(lines, path)
    notes = control_characters(lines, path)
    if source.encoding not in ("utf-8", "utf-8-sig", "utf-16"):
        notes.append(Diagnostic.at_line("TXT002", path, 1, 1, encoding=source.encoding))
    # markdown-it ends lines at LF only; the file's own CR and CRLF ends become LF, line for line.
    tokens = parser().parse("\n".join(lines))
    build = _Builder(path, lines, notes)
    labels = build.reader.labels = _alpha_labels(tokens, lines)
    build.reader.entries = _list_size(tokens, labels)
    _read_footnotes(tokens, build)
    read = _read_blocks(tokens, build, labels)
    blocks, references, references_span, front = read.blocks, read.references, read.references_span, read.front
    if labels:
        references = keyed_by_alpha_labels(references)
    if not references and references_span is None:
        blocks, references, references_span = _headless_list(blocks)
    blocks = number_equations(bind_captions(blocks))

    authors, affiliations = _names(front.get("author") or front.get("authors"))
    affiliations += _strings(front.get("affiliation") or front.get("affiliations"))
    body = " ".join(plain_text(r) for b in blocks for r in ([b.inlines] if hasattr(b, "inlines") else []))
    fields = {key: _text(front, key, path) for key in ("title", "udc", "irsti", "supervisor", "abstract", "lang", "bibliography")}
    language = (fields["lang"] or "")[:2].lower() or detect_language((fields["title"] or "") + " " + body[:200_000])
    language = language if language in ("kk", "ru", "en") else "en"
    abstract = front_inlines(fields["abstract"], "abstract", lines, path, notes)
    keywords = tuple(_strings(front.get("keywords")))
    blocks = crossref_citations(blocks, language)
    other = _other_languages(front, lines, path, notes)
    meta = Meta(
        udc=fields["udc"],
        irsti=fields["irsti"],
        title=front_inlines(fields["title"], "title", lines, path, notes),
        authors=tuple(authors),
        affiliations=tuple(affiliations),
        supervisor=fields["supervisor"],
        language=language,
        keywords=keywords,
        abstracts=(((language, abstract),) if abstract else ()) + tuple((lang, run) for lang, run in other.abstracts if lang != language or not abstract),
        keyword_sets=(((language, keywords),) if keywords else ()) + tuple((lang, words) for lang, words in other.keyword_sets if lang != language or not keywords),
        emails=tuple(_emails(front)),
    )
    meta = replace(meta, translations=translated(meta, other.translations))
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
