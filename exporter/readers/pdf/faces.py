"""What a PDF's faces say: a block's words in the styles the page set them in (italic as
Emph, bold as Strong, a monospace face as Code, as pandoc's readers and the DOCX reader give
them), and the lines set in a monospace face throughout as blocks of code.

The styles come from the fonts each character was drawn in (layout.Line.styles); this module
maps them from the lines onto the block's joined text and wraps the Text nodes there. A block
set in bold throughout (a heading read as a paragraph, a bold abstract) gets no Strong: its
weight is the block's, and the venue's style decides it. Citations and cross-references stay
as they are, outside any wrapper (the checks count them at the block's top level)."""

from __future__ import annotations

import re
from itertools import groupby
from statistics import median

from ...citations import Joined
from ...model import Code, CodeBlock, Emph, Span, Strong, Text
from ..plaintext.normalize import Lexicon, bare_word
from .layout import BOLD, ITALIC, MONO, Line, joined_values, line_values


def _line_faces(line: Line) -> list[int]:
    return line_values(line, line.styles, 0)


def joined_faces(joined: Joined, lines: dict[int, Line]) -> list[int]:
    """The style of each character of `joined.text` (BOLD, ITALIC, MONO or'ed), read from the
    line each token stands on (`lines` by the joining's line numbers); a space between two
    characters of one style is theirs."""
    faces = joined_values(joined, lines, lambda line: line.styles, 0)
    faces = [MONO if f & MONO else f for f in faces]  # code is code, whatever its weight or slope
    for m in _SPACE.finditer(joined.text, 1, max(len(faces) - 1, 1)):
        k = m.start()
        if faces[k - 1] and faces[k - 1] == faces[k + 1]:
            faces[k] = faces[k - 1]
    return faces


_SPACE = re.compile(r"\s")


def styled(inlines: tuple, joined: Joined, lines: dict[int, Line]) -> tuple:
    """`inlines` (Text, Citation and CrossRef nodes covering `joined.text` in order) with each
    Text node cut where the style changes and its styled parts wrapped: Code for a monospace
    run (its span in the joining's numbering), else Emph for italic, Strong around for bold."""
    if not any(lines[n].styles for n in {number for number, _ in joined.places} if n in lines):
        return inlines
    faces = joined_faces(joined, lines)
    if not any(faces):
        return inlines
    letters = [f for f, ch in zip(faces, joined.text) if ch.isalpha()]
    for style in (BOLD, MONO):  # bold throughout: the block's weight; monospace throughout: a paper typed so
        if letters and all(f & style for f in letters):
            faces = [f & ~style for f in faces]
    if not any(faces):
        return inlines
    out: list = []
    offset = 0
    for node in inlines:
        length = len(node.text) if isinstance(node, Text) else len(getattr(node, "raw", ""))
        if not isinstance(node, Text):
            out.append(node)
        else:
            out.extend(_cut(node.text, faces[offset : offset + length], offset, joined))
        offset += length
    return tuple(out)


def _cut(text: str, faces: list[int], offset: int, joined: Joined) -> list:
    """`text` cut into runs of one style, each wrapped as its style says (a run with no letter
    or digit, a lone parenthesis or comma in italic, stays plain text)."""
    out: list = []
    start = 0
    for style, same in groupby(faces):
        k = start + len(list(same))
        part = text[start:k]
        if not style or not any(ch.isalnum() for ch in part):
            _plain(out, part)
        else:  # the spaces at a run's ends are the text's, not the style's
            inner = part.strip()
            lead = len(part) - len(part.lstrip())
            _plain(out, part[:lead])
            if style & MONO:
                out.append(Code(inner, joined.span(offset + start + lead, offset + start + lead + len(inner))))
            else:
                node = Emph((Text(inner),)) if style & ITALIC else Text(inner)
                out.append(Strong((node,)) if style & BOLD else node)
            _plain(out, part[lead + len(inner) :])
        start = k
    return out


def _plain(out: list, text: str) -> None:
    """`text` added as plain text, to the Text node before it when there is one."""
    if not text:
        return
    if out and isinstance(out[-1], Text):
        out[-1] = Text(out[-1].text + text)
    else:
        out.append(Text(text))


# A number opening a listing's line outside its monospace face (the listing's own line numbers,
# or the margin numbers blank_line_numbers left as spaces)
_LINE_NUMBER = re.compile(r"\s*\d{0,4}\s*")
# A web address set in the monospace face (LaTeX's \url): a word of its sentence, not code
_ADDRESS = re.compile(r"(?:\w+://|www\.)\S+|[\w-]+(?:\.[\w-]+)+/\S*")
_LAST_TOKEN = re.compile(r"\S+$")
_OPENS_WORD = re.compile(r"\s*\w")
_DOI_PREFIX = re.compile(r"^doi:\s*", re.IGNORECASE)


def kept_hyphens(rows: list[int], lines: list[Line], attested: Lexicon) -> frozenset[int]:
    """The places in `rows` (a block's lines) of the lines that go on the word the line before
    broke after a hyphen the word keeps: a hyphen of inline code, its letter before and the next
    line's first set in the monospace face (`foo-` + `bar` is `foo-bar`), or of a web address or
    DOI (`orcid.org/0000-` + `0003-4346`, `10.1046/j.1523-` + `5378`): neither has syllables a
    typesetter breaks. The document's own words decide first, as for prose
    (`join_line_end_hyphen`): a name written whole elsewhere (`ResFileSystemEntry`, a word
    processor hyphenating its code font too) is joined."""
    glued = set()
    for k in range(1, len(rows)):
        before, line = lines[rows[k - 1]], lines[rows[k]]
        text = before.text.rstrip()
        if len(text) < 2 or text[-1] != "-" or not text[-2].isalnum() or not _OPENS_WORD.match(line.text) or line.text.split()[0].endswith(":"):
            continue  # a next line opening with a label (`DOI:`) goes on no address
        token, first = _LAST_TOKEN.search(text).group(), len(line.text) - len(line.text.lstrip())
        in_code = _line_faces(before)[len(text) - 2] & MONO and _line_faces(line)[first] & MONO
        if not (in_code or _ADDRESS.fullmatch(_DOI_PREFIX.sub("", token.lstrip("(<[«\"")))):
            continue
        head, tail = bare_word(token[:-1]), bare_word(line.text.split()[0])
        if attested.has_compound(head, tail) or bare_word(token[:-1] + line.text.split()[0]) not in attested:
            glued.add(k)
    return frozenset(glued)


CODE_SHARE = 0.8  # a code line's characters are nearly all monospace (a comment's word in italic is still mono)


def _code_start(line: Line, faces: list[int]) -> int | None:
    """Where the monospace text of `line` begins past a line number, when nearly all of the
    line's characters are monospace (a web address alone on its line is a wrapped sentence's
    word, not code); None for any other line."""
    skip = _LINE_NUMBER.match(line.text).end()
    if any(f & MONO for f in faces[:skip]):
        skip = len(line.text) - len(line.text.lstrip())
    rest = [f for ch, f in zip(line.text[skip:], faces[skip:]) if not ch.isspace()]
    if not rest or sum(1 for f in rest if f & MONO) < CODE_SHARE * len(rest):
        return None
    mono = "".join(ch for ch, f in zip(line.text[skip:], faces[skip:]) if f & MONO).strip()
    if _ADDRESS.fullmatch(mono):
        return None
    return skip


def code_groups(groups: list, lines: list[Line], code: int) -> list:
    """The groups with each paragraph's runs of code lines (`_code_start`) made blocks of their
    own (level `code`) where `_is_block` says so, and code blocks that follow one another line
    after line made one (a listing's indented lines open paragraphs of their own). A line after
    a block that holds no more than a number is the numbered listing's empty line. A paper
    typed in a monospace face throughout (more than half its lines) has no code blocks."""
    starts = {i: _code_start(lines[i], _line_faces(lines[i])) for level, rows in groups if level is None for i in rows if any(style & MONO for _, _, style in lines[i].styles)}
    in_paragraphs = sum(len(rows) for level, rows in groups if level is None)
    if not starts or sum(1 for s in starts.values() if s is not None) > 0.5 * in_paragraphs:
        return groups
    out: list = []
    for level, rows in groups:
        if level is not None:
            out.append((level, rows))
            continue
        for is_code, run in _runs(rows, lambda i: starts.get(i) is not None):
            if is_code and _is_block(run, rows, lines):
                if out and out[-1][0] == code and all(not lines[k].text.strip() for k in range(out[-1][1][-1] + 1, run[0])):
                    out[-1][1].extend(run)
                else:
                    out.append((code, run))
            elif out and out[-1][0] == code and all(_LINE_NUMBER.fullmatch(lines[k].text) for k in run):
                out[-1][1].extend(run)  # a numbered listing's empty line
            elif out and out[-1][0] is None and out[-1][1][-1] in rows:
                out[-1][1].extend(run)  # a single code line between the paragraph's words: theirs
            else:
                out.append((None, run))
    return out


def _is_block(run: list[int], rows: list[int], lines: list[Line]) -> bool:
    """Whether a run of code lines in a paragraph's rows is a block of its own: the whole
    paragraph; else after a line that closed a sentence or a clause (or at the paragraph's
    start), two lines or more, or one after a colon. A run the sentence goes on into and out
    of (`… on 9 of the 26 benchmarks` / `(3d-morph, bitops-…,` / `…) and 2.5 times …`) is the
    sentence's code."""
    if len(run) == len(rows):
        return True
    before = lines[run[0] - 1].text.rstrip() if run[0] != rows[0] else ""
    if before.endswith(":"):
        return True
    closed = not before or before.endswith((".", "!", "?", ";"))
    return closed and len(run) >= 2


def _runs(rows: list[int], test) -> list[tuple[bool, list[int]]]:
    """`rows` cut into runs of rows alike by `test`."""
    out: list[tuple[bool, list[int]]] = []
    for i in rows:
        if out and out[-1][0] == test(i):
            out[-1][1].append(i)
        else:
            out.append((test(i), [i]))
    return out


def code_block(lines: list[Line], span: Span) -> CodeBlock:
    """A block of code from its lines: the monospace text of each past its line number, set in
    by as many spaces as its start stands right of the leftmost line of the block in its column
    (measured in the face's own advance, the width of its characters on the page)."""
    texts, xs, advances = [], [], []
    for line in lines:
        faces = _line_faces(line)
        start = _code_start(line, faces)
        start = start if start is not None else len(line.text) - len(line.text.lstrip())
        text = "" if _LINE_NUMBER.fullmatch(line.text) else line.text[start:].rstrip()
        x = _x_of(line, start)
        texts.append(text)
        xs.append(x)
        if len(text) >= 4:
            advances.append((line.x1 - x) / len(text))
    advance = median(advances) if advances else 0.6 * lines[0].size
    left: dict[tuple[int, str], float] = {}  # a listing carried over to the next column or page starts at that column's edge
    for line, x in zip(lines, xs):
        left[(line.page, line.side)] = min(x, left.get((line.page, line.side), x))
    indents = [max(round((x - left[(line.page, line.side)]) / advance), 0) for line, x in zip(lines, xs)]
    least = min((n for n, text in zip(indents, texts) if text), default=0)  # a margin number's width, where its lines all had one
    code = "\n".join(" " * (n - least) + text if text else "" for n, text in zip(indents, texts))
    return CodeBlock(code.rstrip("\n"), None, span)


def _x_of(line: Line, offset: int) -> float:
    """Where the character at `offset` of the line stands on the page: the line's left edge, a
    run's start after a wide gap, else in proportion along the line."""
    if offset == 0:
        return line.x0
    for at, x in zip(line.breaks, line.break_xs):
        if at in (offset, offset - 1):
            return x
    return line.x0 + (line.x1 - line.x0) * offset / max(len(line.text), 1)
