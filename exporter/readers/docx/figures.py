"""Figures, captions and numbered equations among the blocks the DOCX reader made.

Rules, each on the evidence the Word file gives:
- a paragraph holding only pictures (not formula objects) is a figure; one holding pictures and
  a caption is a figure with that caption;
- a table whose cells hold only pictures and captions (a layout table placing pictures side
  by side; a sub-caption may stand beside its picture or in the cell below it) is one
  figure — or one per caption when each picture has a numbered caption;
- a caption (see `captions`) binds to the figure or table beside it: a figure's caption to
  the figure above it, else below; a table's to the table below it, else above. A caption with
  no figure beside it takes the pictures of a text paragraph beside it. A label-only table
  caption (`Таблица 1`) takes the title line between it and the table (centred, or in the
  caption's style). An unbound caption stays a paragraph;
- a paragraph holding only formulas is display mathematics; with a number (`(4)`) the number
  goes on the formula.
"""

from __future__ import annotations

from dataclasses import replace

from ...model import CONTAINERS, CrossRef, Figure, Image, LineBreak, Math, Paragraph, Table, Text
from .body import MATH_MARK, Para, TableRec
from .captions import Caption, EquationNumber, caption_style, number_alone

_SIDES = {"figure": (-1, 1), "table": (1, -1), None: (-1, 1)}


class Source:
    """What a block was made from: a paragraph, or a table with its cells' paragraphs."""

    def __init__(self, para: Para | None = None, table: TableRec | None = None, cells: list | None = None):
        self.para = para
        self.table = table
        self.cells = cells or []  # for a table: (paragraph, its inlines) of every cell paragraph, in order


def _pictures(para: Para) -> list[Image]:
    return [a.image for a in para.atoms if a.kind == "image" and not a.formula]


def _ends_in_pictures(src: Source | None) -> bool:
    """A text paragraph whose last atoms are pictures (set after its last sentence, with tabs or
    spaces between: `… (рис. 7).` and two pictures, then the caption)."""
    if src is None or src.para is None:
        return False
    atoms = [a for a in src.para.atoms if not (a.kind == "text" and not a.text.strip())]
    return bool(atoms) and atoms[-1].kind == "image" and not atoms[-1].formula


def _pictures_after_text(para: Para) -> bool:
    """A caption's paragraph whose pictures all follow its text (`Figure 1. …`, then a picture
    wider than the line's rest, so Word sets it under the text): a picture under the caption, not
    over it. Word users put the next figure's picture there (its caption under it, in the next
    paragraph), or set a caption over its picture so."""
    kinds = [a.kind for a in para.atoms if not (a.kind == "text" and not a.text.strip())]
    last_text = max((k for k, kind in enumerate(kinds) if kind == "text"), default=-1)
    first_picture = next((k for k, kind in enumerate(kinds) if kind == "image"), len(kinds))
    return 0 <= last_text < first_picture


def _has_text(para: Para) -> bool:
    return bool(para.text.replace(MATH_MARK, "").strip())


def _length(node) -> int:
    if isinstance(node, Text):
        return len(node.text)
    if isinstance(node, CrossRef):  # a caption's own label, as the cross-reference stage marks it
        return len(node.raw)
    if isinstance(node, CONTAINERS):
        return sum(_length(n) for n in node.inlines)
    return 0 if isinstance(node, Image) else 1


def drop_prefix(inlines: tuple, count: int) -> tuple:
    """The run without its first `count` characters of text (a caption without `Рис. 3 – `),
    pictures left out (the figure holds them) and leading spaces trimmed."""
    out = []
    for node in inlines:
        if isinstance(node, Image):
            continue
        if count > 0 and isinstance(node, Text):
            cut = node.text[count:]
            count -= min(count, len(node.text))
            if cut:
                out.append(Text(cut))
        elif count > 0 and isinstance(node, CrossRef):
            count = max(0, count - len(node.raw))
        elif count > 0 and isinstance(node, LineBreak):  # one character of the text, as `w:br` is
            count -= 1
        elif count > 0 and isinstance(node, CONTAINERS):
            size = _length(node)
            inner = drop_prefix(node.inlines, count) if size > count else ()
            count = max(0, count - size)
            if inner:
                out.append(replace(node, inlines=inner))
        else:
            count = 0
            out.append(node)
    while out and (isinstance(out[0], Text) and not out[0].text.strip() or isinstance(out[0], LineBreak)):
        out.pop(0)
    if out and isinstance(out[0], Text):
        out[0] = Text(out[0].text.lstrip())
    return tuple(out)


def arrange(blocks: list, sources: list, captions: dict[int, Caption], equations: dict[int, EquationNumber]) -> list:
    """The blocks with figures made, captions bound and equations numbered (module docstring)."""
    blocks = list(blocks)
    sources = list(sources)
    subcaptions: dict[int, tuple] = {}  # id of a layout figure -> its pictures' sub-captions (`а)`, `б)`)
    for i, (block, src) in enumerate(zip(blocks, sources)):
        if isinstance(block, Paragraph) and src is not None and src.para is not None:
            blocks[i] = _paragraph(block, src.para, captions, equations)
        elif isinstance(block, Table) and src is not None and src.table is not None:
            blocks[i] = _equation_table(block, src, equations) or _layout_table(block, src, captions, subcaptions)
    return _bind(blocks, sources, captions, subcaptions)


def _paragraph(block: Paragraph, para: Para, captions, equations):
    pictures = _pictures(para)
    caption = captions.get(id(para))
    if pictures and not any(a.kind == "math" or a.formula for a in para.atoms if a.kind != "text"):
        if caption is not None and _pictures_after_text(para):  # binding decides whose they are: the next caption's, or this one's below it
            return [Paragraph(tuple(n for n in block.inlines if not isinstance(n, Image)), block.span), Figure(tuple(pictures), (), block.span)]
        if caption is not None:
            return Figure(tuple(pictures), drop_prefix(block.inlines, caption.text_start), block.span, caption.number, caption.label, kind=caption.kind or "figure")
        if not _has_text(para) and id(para) not in equations:
            return Figure(tuple(pictures), (), block.span)
    number = equations.get(id(para))
    only_formulas = any(a.kind == "math" for a in para.atoms) and not para.text.replace(MATH_MARK, "").strip(" \t\n,.;:")
    if number is None and not only_formulas:
        return block
    return Paragraph(_numbered(block.inlines, para, number), block.span)


def _numbered(inlines: tuple, para: Para, number: EquationNumber | None) -> tuple:
    """A formula paragraph's inlines: formulas on their own lines, the number on the last one."""
    maths = [k for k, n in enumerate(inlines) if isinstance(n, Math)]
    if not maths:  # formula pictures: their number stays text, shown beside them
        if number is None:
            return inlines
        # a picture numbered as a formula is one (a formula pasted as a picture): marked so, the
        # editions set it as they set an equation object's preview
        inlines = tuple(replace(n, formula=True) if isinstance(n, Image) else n for n in inlines)
        typed = f"({number.number})" in para.text.replace(" ", "")
        return inlines if typed else inlines + (Text(f"\u2003({number.number})"),)
    out = []
    for k, node in enumerate(inlines):
        if isinstance(node, Math):
            last = k == maths[-1]
            out.append(replace(node, display=True, number=number.number if number and last else None, label=number.label or None if number and last else None))
        elif isinstance(node, Text):
            kept = "".join(ch for ch in node.text if ch in ",.;:") if number else node.text.strip()
            if kept:
                out.append(Text(kept))
        else:
            out.append(node)
    return tuple(out)


def _equation_table(block: Table, src: Source, equations: dict[int, EquationNumber]) -> Paragraph | None:
    """A one-row table placing a formula and its number (`| x = y | (3) |`, an empty cell or two
    for margins): the numbered display formula it lays out, else None. A word or three beside
    the formulas in their cell (`x = y, где z = w`) stay where they stand, between displays."""
    if len(src.table.rows) != 1:
        return None
    filled = [p for cell in src.table.rows[0] for p in cell.paras if _has_text(p) or p.atoms and any(a.kind != "text" for a in p.atoms)]
    if len(filled) != 2:
        return None
    formula, number = filled
    shown = number_alone(number)
    words = formula.text.replace(MATH_MARK, " ").split()
    maths = any(a.kind == "math" for a in formula.atoms)
    if shown is None or not (maths or any(a.kind == "image" and a.formula for a in formula.atoms)):
        return None
    if len([w for w in words if w.strip(",.;:")]) > (3 if maths else 0):
        return None
    numbered = equations.get(id(formula)) or EquationNumber(shown, "")  # labelled when its number follows it
    inlines = next(inl for p, inl in src.cells if p is formula)
    if not maths:
        return Paragraph(_numbered(inlines, formula, numbered), block.span)
    last = max(k for k, n in enumerate(inlines) if isinstance(n, Math))
    shown_inlines = tuple(replace(n, display=True, number=numbered.number if k == last else None, label=(numbered.label or None) if k == last else None) if isinstance(n, Math)
                          else Text(n.text.strip()) if isinstance(n, Text) else n for k, n in enumerate(inlines) if not (isinstance(n, Text) and not n.text.strip()))
    return Paragraph(shown_inlines, block.span)


def _cell_paras(src: Source) -> list[Para]:
    return [p for p, _ in src.cells]


def _layout_table(block: Table, src: Source, captions, subcaptions: dict) -> Table | Figure | list:
    """A table placing pictures side by side (cells hold only pictures, captions and
    sub-captions beside pictures) becomes a figure."""
    paras = _cell_paras(src)
    if not any(_pictures(p) for p in paras):
        return block
    above: list[bool] = []  # per cell index: whether the cell above held pictures
    for row in src.table.rows:
        held = []
        for k, cell in enumerate(row):
            has_picture = any(_pictures(p) for p in cell.paras)
            under_picture = k < len(above) and above[k]  # a sub-caption (`а)`) below its picture
            held.append(has_picture)
            for p in cell.paras:
                if any(a.kind == "math" or a.formula for a in p.atoms if a.kind != "text") and not _pictures(p) and id(p) not in captions and not (has_picture and _has_text(p)):
                    return block  # a formula of its own in a cell: a table (words with a formula beside a picture are its legend)
                if _has_text(p) and not (has_picture or under_picture) and id(p) not in captions:
                    return block
        above = held
    inlines = dict((id(p), inl) for p, inl in src.cells)
    numbered = [p for p in paras if id(p) in captions and captions[id(p)].number]
    if len(numbered) >= 2:  # a row of figures, each with its own numbered caption (in its cell or the one below)
        figures = []
        pending: dict[int, list] = {}  # column -> pictures waiting for their caption below
        for row in src.table.rows:
            for k, cell in enumerate(row):
                pics = [img for p in cell.paras for img in _pictures(p)]
                cap = next((p for p in cell.paras if id(p) in captions and captions[id(p)].number), None)
                cap = cap or next((p for p in cell.paras if id(p) in captions), None)
                if cap is None:
                    pending.setdefault(k, []).extend(pics)
                    continue
                pics = pics or pending.pop(k, [])
                if pics:
                    c = captions[id(cap)]
                    text = _with_legend(drop_prefix(inlines[id(cap)], c.text_start), [inlines[id(p)] for p in cell.paras[cell.paras.index(cap) + 1 :] if _has_text(p)])
                    figures.append(Figure(tuple(pics), text, block.span, c.number, c.label, kind=c.kind or "figure"))
        figures.extend(Figure(tuple(pics), (), block.span) for _, pics in sorted(pending.items()) if pics)  # never a picture lost
        if figures:
            return figures
    images = tuple(img for p in paras for img in _pictures(p))
    cap = next((p for p in paras if id(p) in captions and captions[id(p)].number), None) or next((p for p in paras if id(p) in captions), None)
    if cap is not None:
        c = captions[id(cap)]
        text = _with_legend(drop_prefix(inlines[id(cap)], c.text_start), [inlines[id(p)] for p in paras[paras.index(cap) + 1 :] if _has_text(p) and id(p) not in captions])
        return Figure(images, text, block.span, c.number, c.label, kind=c.kind or "figure")
    joined: list = []
    for sub in (inlines[id(p)] for p in paras if _has_text(p)):
        if joined:
            joined.append(Text("; "))
        joined.extend(sub)
    figure = Figure(images, (), block.span)
    if joined:
        subcaptions[id(figure)] = tuple(joined)
    return figure


def _with_legend(caption: tuple, lines: list[tuple]) -> tuple:
    """A caption with the lines written under it in its cell (the title under a label-only
    `рис. 3`, a legend): joined by spaces, none lost."""
    out = list(caption)
    for line in lines:
        if out:
            out.append(Text(" "))
        out.extend(line)
    return tuple(out)


def _bind(blocks: list, sources: list, captions: dict[int, Caption], subcaptions: dict[int, tuple]) -> list:
    flat: list = []
    flat_sources: list = []
    for block, src in zip(blocks, sources):
        for b in block if isinstance(block, list) else [block]:
            flat.append(b)
            flat_sources.append(src)
    out = list(flat)
    consumed: set[int] = set()
    inserted: dict[int, Figure] = {}  # a figure pulled out of a text paragraph, placed after it
    order = [i for i, src in enumerate(flat_sources) if isinstance(flat[i], Paragraph) and src is not None and src.para is not None and id(src.para) in captions]
    order.sort(key=lambda i: captions[id(flat_sources[i].para)].weak)  # strong captions bind first
    for i in order:
        block, src = flat[i], flat_sources[i]
        caption = captions[id(src.para)]
        if caption.weak and not _uncaptioned_beside(out, flat_sources, i, caption, consumed):
            continue  # `Рисунок 10 иллюстрирует…` is a sentence unless an uncaptioned figure stands beside it (or pictures end the paragraph above)
        text = drop_prefix(block.inlines, caption.text_start)
        title_at = None
        if caption.label_only and _title_line(flat, flat_sources, i, caption, captions):
            title_at = i + 1
            text = flat[i + 1].inlines
        under = title_at is not None and caption.kind != "table" and i > 0 and isinstance(out[i - 1], Figure) and not out[i - 1].caption  # the figure above its label
        target = _target(out, flat_sources, i if title_at is None or under else title_at, caption, consumed)
        if target is None:
            continue
        k, how = target
        if how == "split":
            para = flat_sources[k].para
            pictures = tuple(_pictures(para))
            out[k] = Paragraph(tuple(n for n in out[k].inlines if not isinstance(n, Image)), out[k].span)
            inserted[k] = Figure(pictures, text, block.span, caption.number, caption.label, kind=caption.kind or "figure")
        elif isinstance(out[k], Table):
            out[k] = replace(out[k], caption=text, number=caption.number, label=caption.label, kind="figure" if caption.kind == "figure" else "table")
        else:
            sub = subcaptions.pop(id(out[k]), ())
            text = text + ((Text(": "),) + sub if sub else ())
            out[k] = replace(out[k], caption=text, number=caption.number, label=caption.label, kind=caption.kind or out[k].kind)
        consumed.update({i, k} | ({title_at} if title_at is not None else set()))
    for i, block in enumerate(out):  # layout figures no caption named: their sub-captions are theirs
        if isinstance(block, Figure) and id(block) in subcaptions:
            out[i] = replace(block, caption=subcaptions[id(block)])
    result = []
    for i, block in enumerate(out):
        if i in consumed and isinstance(block, Paragraph) and i not in inserted:
            continue
        result.append(block)
        if i in inserted:
            result.append(inserted[i])
    return result


def _uncaptioned_beside(blocks: list, sources: list, i: int, caption: Caption, consumed: set[int]) -> bool:
    """Whether a figure (or, for a table's caption or one of no kind, a table) with no caption
    stands beside the caption at `i`, or pictures end the paragraph above it."""
    kinds = (Figure,) if caption.kind == "figure" else (Table, Figure)
    for d in (-1, 1):
        k = i + d
        if 0 <= k < len(blocks) and k not in consumed and (isinstance(blocks[k], kinds) and not blocks[k].caption or d == -1 and _ends_in_pictures(sources[k])):
            return True
    return False


def _title_line(blocks: list, sources: list, i: int, caption: Caption, captions: dict) -> bool:
    """A label-only caption's title: the paragraph after it, between the label and its table
    (`Таблица 2` / `Параметры` / the table: set like the label, centred or in a caption style), or
    with its figure above or below (`рис. 1` / `Сравнение …`: in a caption style, APA's `Figure 1`
    / `Caption`, or centred under a centred label)."""
    if i + 1 >= len(blocks) or not isinstance(blocks[i + 1], Paragraph):
        return False
    if not (_uncaptioned(blocks, i + 2, Table) if caption.kind == "table" else _uncaptioned(blocks, i - 1, Figure) or _uncaptioned(blocks, i + 2, Figure)):
        return False
    title, label = sources[i + 1], sources[i]
    if title is None or title.para is None or id(title.para) in captions:
        return False
    same = title.para.style_name == label.para.style_name
    if caption.kind == "table":
        return title.para.centered or same or caption_style(title.para.style_name) is not None
    # a figure's: set as a caption, or centred under a centred label (a centred heading may follow a label)
    return caption_style(title.para.style_name) is not None or same and caption_style(label.para.style_name) is not None or title.para.centered and label.para.centered


def _uncaptioned(blocks: list, k: int, kind: type) -> bool:
    return 0 <= k < len(blocks) and isinstance(blocks[k], kind) and not blocks[k].caption


def _target(blocks: list, sources: list, i: int, caption: Caption, consumed: set[int]):
    """(index, how) of what the caption at `i` names: a figure or table beside it without a
    caption, else a text paragraph beside it holding pictures (`split`)."""
    sides = _SIDES[caption.kind]
    kinds = (Table, Figure) if caption.kind == "table" else (Figure,) if caption.kind == "figure" else (Figure, Table)
    for kind in kinds:
        for step in sides:
            k = i + step
            if 0 <= k < len(blocks) and k not in consumed and isinstance(blocks[k], kind) and not blocks[k].caption:
                return k, "bind"
    if caption.kind in ("figure", None):
        for step in sides:
            k = i + step
            if 0 <= k < len(blocks) and k not in consumed and isinstance(blocks[k], Paragraph) and sources[k] is not None \
                    and sources[k].para is not None and _pictures(sources[k].para):
                return k, "split"
    near = [blocks[k] for k in range(max(0, i - 2), min(len(blocks), i + 3)) if k != i]
    if caption.kind == "figure" and not caption.weak and not any(isinstance(b, Figure) for b in near):
        # a Word table the paper captions as a figure (`Рис. 5 – …`), no picture near the caption
        for step in sides:
            k = i + step
            if 0 <= k < len(blocks) and k not in consumed and isinstance(blocks[k], Table) and not blocks[k].caption:
                return k, "bind"
    return None
