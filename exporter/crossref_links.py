"""Linking cross-references to the figures, tables and equations they name, and reporting what
does not fit: a reference to nothing (XRF001), a figure or table never referred to (XRF002),
numbers out of order (XRF003) or given twice (XRF004). Format-blind: it reads the model.

What a number names comes from the model: a Figure, Table or display Math carrying a number,
or a caption's label written in the text (a CrossRef that `defines`: `Рис. 3.` opening the
caption line of a PDF or a plain-text paper). When no figure of a paper carries a number,
its captioned figures are numbered in order, as every edition prints them (the same for tables).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from .crossrefs import CONTINUATION
from .diagnostics import Diagnostic
from .model import CONTAINERS, Block, CrossRef, Figure, Heading, Inline, Math, Span, Table, inline_runs, iter_inlines, map_inlines, plain_text

_PREFIX = {"figure": "fig", "table": "tbl", "equation": "eq"}
_CYRILLIC = re.compile(r"[а-яёәіңғүұқөһ]", re.IGNORECASE)


@dataclass
class _Defined:
    kind: str
    number: str
    label: str
    span: Span
    caption: str | None = None  # for a caption's label written in the text: the words after it
    script: str = ""  # the label's script, `cyrillic` or `latin` (a bilingual journal prints `Рис. 2` and `Fig. 2`)


def link_crossrefs(blocks: tuple[Block, ...], path: str) -> tuple[tuple[Block, ...], list[Diagnostic]]:
    """The blocks with every CrossRef's `target` set (and labels given to numbered figures,
    tables and equations that had none), and the findings about them."""
    blocks = _listed_captions_refer(blocks)
    blocks = _number_in_order(blocks)
    blocks = _labelled(blocks)
    defined, findings = _definitions(blocks, path)
    by_key = {(d.kind, d.number): d for d in reversed(defined)}  # the first of a repeated number wins
    for d in defined:  # a figure captioned in parts (`Рисунок 3а`, `3б`) answers to its number too
        by_key.setdefault((d.kind, _whole(d.number)), d)
    kinds_defined = {d.kind for d in defined}
    referred: set[tuple[str, str]] = set()

    def link(node: Inline) -> Inline:
        if not isinstance(node, CrossRef):
            return node
        hit = by_key.get((node.kind, _part_written(node))) or by_key.get((node.kind, node.number))
        if node.defines:
            return dataclasses.replace(node, target=hit.label if hit else None)
        if hit is not None:
            referred.add((node.kind, _whole(hit.number)))
            return dataclasses.replace(node, target=hit.label)
        # Known to be missing only where the paper numbers some of its kind: a PDF's tables and
        # formulas may be pictures, whose captions and numbers no text layer holds.
        # A lettered number (`Fig. S1`, `Table A3`) is missing only where the paper numbers some
        # of its kind with that letter: a supplement's figures live in a file of their own.
        if node.kind in kinds_defined and _series(node.number) in {_series(d.number) for d in defined if d.kind == node.kind}:
            numbers = [d.number for d in defined if d.kind == node.kind]
            shown = ", ".join(numbers[:8]) + (", …" if len(numbers) > 8 else "")
            findings.append(Diagnostic.at("XRF001", path, node.span, variant=node.kind, written=node.raw or node.number, item=node.number, count=len(numbers), items=shown))
        return node

    blocks = map_inlines(link, blocks)
    for d in defined:
        if d.kind != "equation" and (d.kind, _whole(d.number)) not in referred and by_key[(d.kind, d.number)] is d:
            findings.append(Diagnostic.at("XRF002", path, d.span, variant=d.kind, item=d.number))
    return blocks, findings


# A figure's number as captions print it: dotted numbers and, for a part, one letter (`3а`, `2.1b`).
_NUMBER = re.compile(r"(\d+(?:\.\d+)*)([^\W\d_]?)")


def _series(number: str) -> str:
    """The letter an appendix's or a supplement's number opens with (`A` of `A1`, `А` of `А.1`),
    or "" for a number of the body's."""
    return number[:1] if number[:1].isalpha() else ""


def _whole(number: str) -> str:
    """A part's number without its letter (`3а` is a part of figure 3); any other as it is."""
    m = _NUMBER.fullmatch(number)
    return m[1] if m else number


def _part_written(node: CrossRef) -> str:
    """The part a reference names after its number (`рис. 3а` → `3а`; the finder's number is
    the figure's, `3`), or the number alone."""
    m = re.search(r"(\d+(?:\.\d+)*)([^\W\d_])$", node.raw or "")
    return m[1] + m[2] if m and m[1] == node.number else node.number


# ---- what the paper numbers ----------------------------------------------------------------

# A thesis's list of its figures or tables, under its heading: `LIST OF FIGURES`, `Список
# иллюстраций`, `Перечень таблиц`, `Суреттер тізімі`.
_LIST_OF_CAPTIONS = re.compile(
    r"\s*(?:list\s+of\s+(?:figures|tables|illustrations)(?:\s+and\s+tables)?|(?:список|перечень)\s+(?:рисунков|иллюстраций|таблиц)(?:\s+и\s+таблиц)?|(?:суреттер|кестелер)\s+тізімі)\s*",
    re.IGNORECASE,
)
_LEADERS_AND_PAGE = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}(?!\d)|…{2,}\s*\d{1,4}(?!\d)")


def _listed_captions_refer(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """A caption's label in a list of figures or tables (`Figure 23 Effect of … 55` under `LIST
    OF FIGURES`, or a block of such lines with dot leaders to their pages) names the figure, it
    does not number one: a reference to it, not a second figure 23 (a false XRF004, and the
    text's references linked to the list instead of the figure)."""
    out: list[Block] = []
    listing = False

    def refers(node: Inline) -> Inline:
        return dataclasses.replace(node, defines=False) if isinstance(node, CrossRef) and node.defines else node

    for block in blocks:
        if isinstance(block, Heading):
            listing = bool(_LIST_OF_CAPTIONS.fullmatch(plain_text(block.inlines)))
        elif listing or _lists_captions(block):
            block = map_inlines(refers, (block,))[0]
        out.append(block)
    return tuple(out)


def _lists_captions(block: Block) -> bool:
    """A block of two or more caption labels, most of them followed by dot leaders and a page."""
    labels = sum(1 for run in inline_runs(block) for n in iter_inlines(run) if isinstance(n, CrossRef) and n.defines)
    return labels >= 2 and 2 * len(_LEADERS_AND_PAGE.findall(plain_text(tuple(n for run in inline_runs(block) for n in run)))) > labels


def _number_in_order(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Captioned figures (tables) numbered in order when none of the paper's carries a
    number, as the editions print them; one without a caption is not numbered in print."""
    out = list(blocks)
    for kind in ("figure", "table"):
        indexes = [i for i, b in enumerate(out) if isinstance(b, (Figure, Table)) and _kind(b) == kind and b.caption]
        if indexes and all(out[i].number is None for i in indexes) and not _caption_labels(out, kind):
            for n, i in enumerate(indexes, start=1):
                out[i] = dataclasses.replace(out[i], number=str(n))
    return tuple(out)


def _caption_labels(blocks, kind: str) -> bool:
    """Whether the text names some figure (table) by a caption's label: then the model's
    unnumbered ones are pictures the text numbers elsewhere, not to be counted anew."""
    return any(isinstance(n, CrossRef) and n.defines and n.kind == kind for b in blocks for run in inline_runs(b) for n in iter_inlines(run))


def _labelled(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Numbered figures, tables and display formulas get a label (`fig:3`) when they have none."""

    def math(node: Inline) -> Inline:
        if isinstance(node, Math) and node.display and node.number and not node.label:
            return dataclasses.replace(node, label=f"eq:{node.number}")
        return node

    out = []
    for block in map_inlines(math, blocks):
        if isinstance(block, (Figure, Table)) and block.number and not block.label:
            block = dataclasses.replace(block, label=f"{_PREFIX[_kind(block)]}:{block.number}")
        out.append(block)
    return tuple(out)


def _kind(block: Figure | Table) -> str:
    """What the paper numbers it as: `table` for a table the source gives as a picture,
    `figure` for a table it captions as a figure."""
    return block.kind


def _definitions(blocks: tuple[Block, ...], path: str) -> tuple[list[_Defined], list[Diagnostic]]:
    """Every numbered figure, table and equation in reading order, and the findings about
    their numbers: out of order (XRF003) or repeated (XRF004)."""
    defined: list[_Defined] = []
    for block in blocks:
        own = None
        if isinstance(block, (Figure, Table)) and block.number:
            kind = _kind(block)
            own = (kind, block.number)
            defined.append(_Defined(kind, block.number, block.label, block.span))
        for run in inline_runs(block):
            nodes = [n for n in iter_inlines(run) if not isinstance(n, CONTAINERS)]  # a caption may be set in italics
            for i, node in enumerate(nodes):
                if isinstance(node, Math) and node.display and node.number:
                    defined.append(_Defined("equation", node.number, node.label, block.span))
                elif isinstance(node, CrossRef) and node.defines and (node.kind, node.number) != own:
                    words = " ".join(plain_text(tuple(nodes[i + 1 : i + 12])).split())[:60].strip(" .:–—-")
                    script = "cyrillic" if _CYRILLIC.search(node.raw) else "latin"
                    defined.append(_Defined(node.kind, node.number, f"{_PREFIX[node.kind]}:{node.number}", node.span, words, script))
    return defined, _number_findings(defined, path)




def _number_findings(defined: list[_Defined], path: str) -> list[Diagnostic]:
    """XRF004 for a number given twice (a table's continuation, a caption the text layer
    holds twice word for word, and one printed in two languages are one); XRF003 for figures, tables or formulas the model holds
    out of order. What a PDF's pages or text hold comes in the layout's order, where floats
    move (LaTeX puts figure 5 above figure 3), so its order is not checked."""
    findings = []
    for kind in ("figure", "table", "equation"):
        seen: dict[str, _Defined] = {}
        previous: _Defined | None = None
        for d in (d for d in defined if d.kind == kind):
            first = seen.get(d.number)
            if first is not None:
                if not (d.caption is not None and (CONTINUATION.match(d.caption) or d.caption == first.caption or d.script != first.script)):
                    where = {"line": first.span.line} if first.span.page is None else {"line": first.span.line, "page": first.span.page}
                    findings.append(Diagnostic.at("XRF004", path, d.span, variant=kind + ("-page" if "page" in where else ""), item=d.number, **where))
                continue
            seen[d.number] = d
            if d.caption is not None or d.span.page is not None:  # read from a page's layout
                if d.span.page is None:  # a caption in the text, where no layout moved it: the count goes on from it
                    previous = d  # (a Word paper's `Figure 3 –` under a drawing read as text, not as a figure)
                continue
            if previous is not None and not _follows(previous.number, d.number):
                findings.append(Diagnostic.at("XRF003", path, d.span, variant=kind, item=d.number, previous=previous.number))
            previous = d
    return findings




def _follows(previous: str, number: str) -> bool:
    """Whether `number` may come right after `previous`: the next number (`3` after `2`), the
    next in a chapter (`2.4` after `2.3`), or the first of a later chapter (`3.1` after `2.4`).
    A lettered part (`3а`, `3б`) is its number's: any part may follow the number or its other
    parts, and the next number follows it as it follows the number."""
    pa, pb = _NUMBER.fullmatch(previous), _NUMBER.fullmatch(number)
    if pa is None or pb is None:
        return True  # a number of another form: no order to check
    a, b = [int(p) for p in pa[1].split(".")], [int(p) for p in pb[1].split(".")]
    if a == b:
        return True  # parts of one number (a number given twice is XRF004's)
    if len(a) != len(b):
        return True  # numbering schemes mixed (a chapter's `2.1` beside a plain `3`): no order to check
    if a[:-1] == b[:-1]:
        return b[-1] == a[-1] + 1
    return b[:-1] > a[:-1] and b[-1] == 1
