"""LaTeX writer: the body as escaped LaTeX, poured into the venue's `document.tex.j2` shell.

Every character from the source or the .bib is escaped, so no text can run TeX code; the
shell is compiled with XeLaTeX (fontspec, babel, hyperref).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..media.images import MediaError, Picture, display_size, fit, lowered_by, vector_pdf
from ..model import (
    CONTAINERS, Bibliography, BulletList, Citation, Code, CodeBlock, CrossRef, Emph, Figure, Footnote, Heading, Image, LineBreak, Link, Math, Paragraph, Quote, Strong,
    Subscript, Superscript, Table, Text, iter_inlines, plain_text, walk,
)
from ..latex_text import TexSafe, escape_tex, tex_url
from ..typography.addresses import URL_PENALTY, address_breaks, is_address
from ..typography.hyphenation import Hyphenator, explicit_languages
from ..venue import author_groups, language, meta_view
from . import LIST_MARK, LIST_MARK_ROOM_CM, NARROWEST_CELL_PT, Display, Edition, list_room_cm, margin_label, Walker, code_lines, display_picture, label_anchor, math_text, spans_columns, split_display_math, table_grid, table_layout
from .latex_math import breakable_inline, math_tex

PT_PER_CM = 72.27 / 2.54  # TeX points
_WORD = re.compile(r"\S+")
CELL_START = "\\raggedright\\let\\\\\\tabularnewline\\hspace{0pt}"  # array's \arraybackslash, spelt out: not every class loads array
MONO_ADVANCE = 0.6  # a monospace glyph's width in em (Liberation Mono, Courier): a code line's columns
_CODE_BREAKS = re.compile(r"\\_|[/.]")  # in escaped code text: `_` is `\_`
SECTIONS = ("section", "subsection", "subsubsection")


# A heading's alignment as the shell's \sectionlinesformat sets it (KOMA-Script's sections are ragged right).
HEADING_ALIGN = {"left": "\\raggedright", "center": "\\centering", "right": "\\raggedleft", "justify": ""}


def heading_style(command: str, spec, body_size_pt: float) -> dict:
    """The venue's style of one heading level for the shared shell, as the PDF edition reads it:
    size, weight, slant, alignment, capitals and the space around (None: the body's size before,
    half of it after)."""
    before = body_size_pt if spec.space_before_pt is None else spec.space_before_pt
    after = body_size_pt / 2 if spec.space_after_pt is None else spec.space_after_pt
    return {
        "command": command, "size_pt": _number(spec.size_pt or body_size_pt), "bold": spec.bold, "italic": spec.italic,
        "align": TexSafe(HEADING_ALIGN[spec.align]), "upper": spec.upper, "before_pt": _number(before), "after_pt": _number(after),
    }


def fallback_macros(fonts) -> dict[str, str]:
    """The macro that switches to each fallback font (`\\exporterfontA`…), by the font's name."""
    return {face.name: f"\\exporterfont{chr(ord('A') + i)}" for i, face in enumerate(fonts.fallbacks)}


def font_text(fonts, text: str, macros: dict[str, str] | None = None) -> TexSafe:
    """Escaped text, with runs the main font lacks switched to a fallback font."""
    macros = macros or fallback_macros(fonts)
    parts = []
    for face, run in fonts.runs(text):
        escaped = escape_tex(run)
        parts.append(escaped if face is fonts.main else f"{{{macros[face.name]} {escaped}}}")
    return TexSafe("".join(parts))


# In a code block (fancyvrb's Verbatim with `commandchars=\\\{\}`) only these three are read
# as TeX: every other character (`%`, `#`, `$`, `_`, `^`, `~`, `&`) is printed as it is.
_VERBATIM = str.maketrans({"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", **{chr(c): " " for c in range(32)}, "\x7f": " ", "\ufffe": " ", "\uffff": " "})


def verbatim_line(fonts, line: str, macros: dict[str, str]) -> str:
    """One line of a code block for Verbatim: `\\`, `{`, `}` escaped, runs the monospace face
    lacks switched to a fallback font."""
    parts = []
    for face, run in fonts.runs(line):
        escaped = run.translate(_VERBATIM)
        parts.append(escaped if face is fonts.main else f"{{{macros[face.name]} {escaped}}}")
    return "".join(parts)


# A wide picture's break after it (`image`), where punctuation follows: never a line opening with `,`.
_NO_BREAK_BEFORE = re.compile(r"\\allowbreak\{\}(?=[,.;:!?)\]])")

class _Body(Walker):
    def __init__(self, edition: Edition):
        self.edition = edition
        self.fonts = edition.template.fonts
        self.fallback_macro = fallback_macros(self.fonts)
        self.mono = edition.template.mono_fonts  # code: \texttt and Verbatim, the shell's \setmonofont
        self.out: list[str] = []
        self.lists: dict[str, list[dict]] = {}  # the bibliography lists by kind, as TeX for the shell
        self.lists_at: int | None = None  # where in `out` the lists stood: what follows (an appendix) the shell sets after them
        self.in_heading = False  # moving arguments (headings, captions): fragile commands get \protect
        self.toc = False  # the heading's short form: no notes, no links
        page = edition.venue.page
        self.columns = page.columns
        self.page_width = page.text_width_cm * PT_PER_CM
        self.text_width = page.column_width_cm * PT_PER_CM  # a column's, on a two-column page
        self.text_height = (page.size_cm[1] - page.margins_cm.top - page.margins_cm.bottom) * PT_PER_CM
        self.thanks = False  # a note on the title: `\thanks` (the class sets it with the title)
        self.media = {(image.media_type, image.data): (media_name(edition, n, image, picture), picture) for n, (image, picture) in enumerate(edition.pictures)}

    def protect(self) -> str:
        return "\\protect" if self.in_heading else ""

    def anchor(self, name: str) -> str:
        """A link target or label in the edition's namespace (`Edition.anchor_prefix`)."""
        return self.edition.anchor_prefix + name

    def tex(self, text: str) -> str:
        return font_text(self.fonts, text, self.fallback_macro)

    def collect(self, nodes) -> str:
        mark = len(self.out)
        self.inlines(nodes)
        text = _NO_BREAK_BEFORE.sub("", "".join(self.out[mark:]))
        del self.out[mark:]
        return text

    def paragraph(self, block: Paragraph) -> None:
        first = True
        for part in split_display_math(block.inlines):
            if isinstance(part, Display):
                self.out.append(self.display(part.math, part.closing))
            elif (shown := display_picture(part)) is not None:
                self.out.append(self.display_formula_picture(*shown))
            else:
                self.out.append(("" if first else "\\noindent ") + self.collect(part) + "\n\n")
            first = False

    def display(self, node: Math, closing: str = "") -> str:
        """`equation` with the source's number as `\\tag`, or `\\[…\\]` (the punctuation closing
        its sentence inside, as TeX sets it); escaped text if the TeX is unsafe."""
        tex = math_tex(node.tex)
        label = f"\\label{{{self.anchor(label_anchor(node.label))}}}" if node.label else ""
        if tex is None:
            number = f"\\hfill({self.tex(node.number)})" if node.number else ""
            return f"\\begin{{center}}{label}\\mbox{{{self.tex(math_text(node.tex) + closing)}}}{number}\\end{{center}}\n\n"
        tex += closing
        if node.number:
            return f"\\begin{{equation}}\n{tex}\\tag{{{self.tex(node.number)}}}{label}\n\\end{{equation}}\n\n"
        if label:
            return f"\\begin{{equation*}}\n{tex}{label}\n\\end{{equation*}}\n\n"
        return f"\\[\n{tex}\n\\]\n\n"

    def display_formula_picture(self, nodes: tuple, number: str | None) -> str:
        """Formula pictures on a line of their own, set as `display` sets a formula: centred in
        an `equation` with the source's number as `\\tag`, or in `center` (one picture at most
        0.85 of the text width; several, with the punctuation between them, each in the line)."""
        if len(nodes) == 1:
            graphic = self.graphic(nodes[0], self.text_width * 0.85, self.text_height * 0.8)
        else:
            graphic = self.collect(nodes)
        if number:
            return f"\\begin{{equation}}\n\\vcenter{{\\hbox{{{graphic}}}}}\\tag{{{self.tex(number)}}}\n\\end{{equation}}\n\n"
        return f"\\begin{{center}}\n{graphic}\n\\end{{center}}\n\n"

    def bibliography(self, block: Bibliography) -> None:
        """A list closing the edition: kept aside for the venue's shell, which sets it."""
        if self.lists_at is None:
            self.lists_at = len(self.out)
        self.lists[block.kind] = [
            {"number": item.number, "label": item_label(self, item.label or ""), "anchor": TexSafe(self.anchor(item.anchor)) if item.anchor else None,
             "tex": TexSafe(self.collect(item.inlines))}
            for item in block.items
        ]
    def code_block(self, block: CodeBlock) -> None:
        """fancyvrb's Verbatim on a light ground (pandoc's `Shaded`): lines and spaces as written
        (tabs to 4-column stops), a line wider than the text continued on the next, never hyphenated."""
        columns = int(self.text_width // (MONO_ADVANCE * self.edition.venue.body.size_pt)) - 1
        lines = "\n".join(verbatim_line(self.mono, line, self.fallback_macro) for line in code_lines(block.text, columns))
        self.out.append("\\begin{exportercode}\n\\begin{Verbatim}[commandchars=\\\\\\{\\}]\n" + lines + "\n\\end{Verbatim}\n\\end{exportercode}\n\n")

    def quote(self, block: Quote) -> None:
        self.out.append("\\begin{quote}\n" + self.collect(block.inlines) + "\n\\end{quote}\n\n")

    def bullet_list(self, block: BulletList) -> None:
        if block.items:  # an empty itemize is a LaTeX error
            self.out.append(self._itemize(block, nested=False) + "\n")

    def _itemize(self, block: BulletList, nested: bool) -> str:
        """The list's `itemize`, an item's nested lists (its `blocks`) inside the item; a nested
        list's left margin is measured from its parent item's text, as LaTeX nests lists."""
        items = "".join(f"  \\item{self._label(item)} {self.collect(item.inlines)}\n" + "".join(self._nested(child) for child in item.blocks) for item in block.items)
        options = ""
        if any(item.label for item in block.items):  # the numbers as the author's list printed them
            room = list_room_cm(block, self.edition.venue.body.size_pt)
            options = f"[labelwidth={_number(room)}cm, leftmargin={_number(round((0 if nested else self.edition.venue.body.first_line_indent_cm) + room, 4))}cm]"
        return f"\\begin{{itemize}}{options}\n" + items + "\\end{itemize}\n"

    def _nested(self, child) -> str:
        """A block an item holds, as text inside the item."""
        if isinstance(child, BulletList):
            return self._itemize(child, nested=True) if child.items else ""
        saved, self.out = self.out, []
        try:
            self.block(child)
            return "".join(self.out)
        finally:
            self.out = saved

    def _label(self, item) -> str:
        """`[{1.}]`; a number too long for the room is set before the text: `[] {MMMDCCLXVII.}`."""
        if not item.label:
            return ""
        label = f"{{{self.collect((Text(item.label),))}}}"
        return f"[{label}]" if margin_label(item) else f"[] {label}"

    def moving(self, inlines) -> tuple[str, str]:
        """Inlines for a moving argument (a heading's, a caption's): in full, fragile commands
        `\\protect`ed, and in short, without notes or links, for the contents and lists."""
        self.in_heading = True
        try:
            full = self.collect(inlines)
            self.toc = True
            short = self.collect(inlines)
        finally:
            self.in_heading = self.toc = False
        return full, short

    def heading(self, block: Heading) -> None:
        """As pandoc writes a heading that holds notes or links: `\\section[SHORT]{\\texorpdfstring{FULL}{PLAIN}}`
        — the table of contents and running heads take SHORT (no notes, no links), the PDF
        bookmarks PLAIN; fragile commands in FULL are `\\protect`ed (issue 17, item 6)."""
        command = SECTIONS[min(max(block.level, 1), len(SECTIONS)) - 1]
        full, short = self.moving(block.inlines)
        plain = self.tex(" ".join(_bookmark_text(block.inlines).split()))
        if full == short == plain:  # text only: nothing fragile, nothing for the bookmarks to drop
            self.out.append(f"\\{command}{{{full}}}\n\n")
            return
        self.out.append(f"\\{command}[\\texorpdfstring{{{short}}}{{{plain}}}]{{\\texorpdfstring{{{full}}}{{{plain}}}}}\n\n")

    def table(self, block: Table) -> None:
        """A `longtable` (breaks across pages): the source's column shares, `\\multicolumn` and
        `\\multirow` for merged cells, header rows repeated (`\\endhead`), its caption and label."""
        placed, columns, rows = table_grid(block)
        if not columns:
            return
        # on a two-column page a wide table floats across both (table*), else it is a column wide
        star = "*" if self.columns > 1 and spans_columns(block, self.text_width) else ""
        body, tables = self.edition.venue.body.size_pt, self.edition.venue.tables
        layout = table_layout(block, columns, self.page_width if star else self.text_width, tables.size(body), tables.floor(body), least=NARROWEST_CELL_PT)
        shares = layout.shares
        # the table's type, set before the table starts so that its rows' struts are of it too
        # (and its caption, as `{\\small\\begin{longtable}` sets it)
        size = "" if layout.size == body else f"\\fontsize{{{layout.size:g}}}{{{layout.size * 1.2:g}}}\\selectfont\n"
        # a column's share of the line, less its padding and its part of the columns + 1 rules
        rules = (columns + 1) / columns
        # n columns merged: their shares, one cell's padding, their rules' part less the n - 1 inside
        width = lambda c, n: f"\\dimexpr {sum(shares[c:c + n]):.4f}\\linewidth-2\\tabcolsep-{n * rules - (n - 1):.4f}\\arrayrulewidth\\relax"
        # a merged cell draws its left rule only at the table's left edge (the column before it has one)
        merged = lambda c, n, text: f"\\multicolumn{{{n}}}{{{'|' if c == 0 else ''}p{{{width(c, n)}}}|}}{{{text}}}"
        spec = "|" + "".join(f"p{{{width(c, 1)}}}|" for c in range(columns))
        starts = {(r, c): cell for r, c, cell in placed}
        covered: dict[tuple[int, int], tuple[int, int]] = {}
        for r, c, cell in placed:
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if (dr, dc) != (0, 0):
                        covered[(r + dr, c + dc)] = (r, c)
        lines = []
        for r in range(rows):
            cells, c = [], 0
            while c < columns:
                cell = starts.get((r, c))
                if cell is None:
                    origin = covered.get((r, c))
                    span = starts[origin].colspan if origin and origin[1] == c else 1
                    cells.append(merged(c, span, "") if span > 1 else "")
                    c += span
                    continue
                text = self.collect(cell.inlines)
                if r < block.header_rows and text:
                    text = f"\\textbf{{{text}}}"
                if text:  # set ragged right, as the other editions set cells (a narrow cell justified
                    # gapes), `\\` still ending the row; glue before the first word: TeX hyphenates no
                    # word that opens a paragraph, and a narrow column's first word ran into the next.
                    # Outside \textbf: a paragraph takes the \rightskip in force where it ends.
                    text = CELL_START + text
                if cell.rowspan > 1:
                    text = f"\\multirow{{{cell.rowspan}}}{{=}}{{{text}}}"
                if cell.colspan > 1:
                    text = merged(c, cell.colspan, text)
                cells.append(text)
                c += cell.colspan
            lines.append(" & ".join(cells) + " \\\\ " + self._rule_below(r, rows, columns, covered) + "\n")
            if r + 1 == block.header_rows:
                lines.append("\\endhead\n")
        caption = self._caption(block)
        number = f"\\renewcommand{{\\thetable}}{{{self.tex(self._number(block))}}}" if self._number(block) else ""
        number += self._caption_label(block)
        if self.columns > 1:  # longtable cannot be set in two columns: a float
            rows_tex = "".join(line for line in lines if line != "\\endhead\n")
            self.out.append(
                f"{{{number}\\begin{{table{star}}}[htbp]\n\\centering\n{size}{caption}\n\\begin{{tabular}}{{{spec}}}\n\\hline\n"
                + rows_tex + f"\\end{{tabular}}\n\\end{{table{star}}}}}\n\n"
            )
            return
        head = f"{caption}\\\\\n" if caption else ""
        self.out.append(f"{{{number}{size}\\begin{{longtable}}{{{spec}}}\n{head}\\hline\n" + "".join(lines) + "\\end{longtable}}\n\n")

    @staticmethod
    def _rule_below(r: int, rows: int, columns: int, covered) -> str:
        """`\\hline`, or `\\cline`s around the columns a row span continues through."""
        through = [c for c in range(columns) if (r + 1, c) in covered and covered[(r + 1, c)][0] <= r]
        if r + 1 >= rows or not through:
            return "\\hline"
        ranges, start = [], None
        for c in range(columns + 1):
            free = c < columns and c not in through
            if free and start is None:
                start = c
            elif not free and start is not None:
                ranges.append(f"\\cline{{{start + 1}-{c}}}")
                start = None
        return "".join(ranges)

    def _number(self, block) -> str | None:
        caption = self.edition.caption(block)
        return caption.number if caption else None

    def _caption(self, block) -> str:
        """`\\caption{…}\\label{…}` (numbered with the source's number), `\\caption*{…}`, or a bare label."""
        caption = self.edition.caption(block)
        label = f"\\label{{{self.anchor(label_anchor(block.label))}}}" if block.label else ""
        if caption is None:
            return label and f"\\phantomsection{label}"
        # a moving argument, as a heading's: the list of figures given the short form
        # (`\\hyperlink` there stopped xelatex)
        text, short = self.moving(caption.rest)
        if not caption.number:
            return f"\\caption*{{{text}}}{label}"
        if short == text:
            return f"\\caption{{{text}}}{label}"
        return f"\\caption[{{{short}}}]{{{text}}}{label}"  # braced: a citation's `]` would end it

    def _caption_label(self, block) -> str:
        """`\\exportercaptionlabel{TYPE}{WORD}{MARK}`: a numbered caption's word and mark as the
        PDF and DOCX editions print them (`Рисунок 3 – `), set before the float or longtable
        (a longtable's \\caption must open its row); a class that names its own captions
        defines the command to do nothing."""
        caption = self.edition.caption(block)
        if caption is None or not caption.number:
            return ""
        mark = ("~" if caption.separator[:1].isspace() else "") + self.tex(caption.separator.strip()) + ("\\ " if caption.separator[-1:].isspace() else "")
        kind = "figure" if isinstance(block, Figure) else "table"
        return f"\\exportercaptionlabel{{{kind}}}{{{self.tex(caption.word.strip())}}}{{{mark}}}"

    def figure(self, block: Figure) -> None:
        """A `figure` float: the pictures side by side, each fitted to its share of the text width
        (never enlarged), the source's number on `\\caption`, and a `\\label`; pictures with no
        caption are set in place, centred, not floated."""
        count = max(1, len(block.images))
        gap = 6 if count > 1 else 0
        star = "*" if self.columns > 1 and spans_columns(block, self.text_width) else ""  # across both columns
        width = self.page_width if star else self.text_width
        pictures = [self.graphic(image, (width - gap * (count - 1)) / count, self.text_height * (0.45 if star else 0.75)) for image in block.images]
        number = self._number(block)
        if self.edition.caption(block) is None and not star:
            # no caption: the pictures stay where the text has them, as Word and pandoc set them (as
            # floats they drifted from their sentence, and a thesis's hundred of them overflowed
            # LaTeX's 18 waiting floats: "Too many unprocessed floats")
            self.out.append("\\begin{center}\n" + "\\hfill\n".join(p + "\n" for p in pictures) + self._caption(block) + "\\end{center}\n\n")
            return
        renumber = f"\\renewcommand{{\\thefigure}}{{{self.tex(number)}}}{self._caption_label(block)}\n" if number else ""
        self.out.append(
            f"\\begin{{figure{star}}}[htbp]\n\\centering\n" + "\\hfill\n".join(p + "\n" for p in pictures)
            + renumber + self._caption(block) + f"\n\\end{{figure{star}}}\n\n"
        )

    def graphic(self, image: Image, max_width: float, max_height: float, in_line: bool = False) -> str:
        """`\\includegraphics` at the picture's size; in the line, lowered as the source set it."""
        name, picture = self.media[(image.media_type, image.data)]
        if isinstance(picture, MediaError):  # MED001 reports it; shown where it stood
            return f"\\fbox{{\\parbox{{0.8\\linewidth}}{{\\textcolor{{red}}{{{self.tex('[' + str(picture) + ']')}}}}}}}"
        width, height = fit(display_size(image, picture, max_width, self.edition.venue.body.size_pt), max_width, max_height)
        graphic = f"\\includegraphics[width={width:.2f}pt,height={height:.2f}pt]{{{name}}}"
        lowered = lowered_by(image, picture, height) if in_line else 0.0
        return f"\\raisebox{{{-lowered:.2f}pt}}{{{graphic}}}" if abs(lowered) >= 0.01 else graphic

    def image(self, node: Image) -> None:
        """A picture in the line (a formula's preview): on the baseline, or as far below it as the
        source set it. One wider than half the line may have a line of its own: TeX breaks a
        line only at a space or a penalty, and the text glued to it ran into the margin."""
        graphic = self.graphic(node, self.text_width, self.text_height / 2, in_line=True)
        width = re.search(r"width=([\d.]+)pt", graphic)
        wide = width is not None and float(width.group(1)) > self.text_width / 2
        self.out.append(f"\\allowbreak{{}}{graphic}\\allowbreak{{}}" if wide else graphic)

    def cross_ref(self, node: CrossRef) -> None:
        target = self.edition.cross_ref_target(node)
        text = self.tex(node.raw)
        self.out.append(f"{self.protect()}\\hyperref[{self.anchor(target)}]{{{text}}}" if target and not self.toc else text)

    def code(self, node: Code) -> None:
        """`\\texttt{…}` in the monospace face: every character escaped; every space a control
        space, which TeX neither drops (the second of two) nor widens (after a full stop)."""
        parts = []
        for face, run in self.mono.runs(node.text):
            text = escape_tex(run).replace(" ", "\\ ")
            if len(node.text) > 20:  # a long name or path may break after `_`, `/`, `.` (no hyphen), as in the PDF edition
                text = _CODE_BREAKS.sub(r"\g<0>\\allowbreak{}", text)
            parts.append(text if face is self.mono.main else f"{{{self.fallback_macro[face.name]} {text}}}")
        self.out.append(f"\\texttt{{{''.join(parts)}}}")

    def emph(self, node: Emph) -> None:
        self.out.append(f"\\emph{{{self.collect(node.inlines)}}}")

    def strong(self, node: Strong) -> None:
        self.out.append(f"\\textbf{{{self.collect(node.inlines)}}}")

    def superscript(self, node: Superscript) -> None:
        self.out.append(f"\\textsuperscript{{{self.collect(node.inlines)}}}")

    def subscript(self, node: Subscript) -> None:
        self.out.append(f"\\textsubscript{{{self.collect(node.inlines)}}}")

    def link(self, node: Link) -> None:
        if self.toc:
            self.out.append(self.collect(node.inlines))
            return
        if node.url.startswith("#"):  # a place in this edition (a citation's entry), in its namespace
            self.out.append(f"{self.protect()}\\hyperlink{{{self.anchor(node.url[1:])}}}{{{self.collect(node.inlines)}}}")
            return
        self.out.append(f"{self.protect()}\\href{{{tex_url(node.url)}}}{{{self.collect(node.inlines)}}}")

    def math(self, node: Math) -> None:
        """`$…$` from the source's TeX when it is safe; else its text, escaped, in one box."""
        tex = math_tex(node.tex)
        label = f"{self.protect()}\\label{{{self.anchor(label_anchor(node.label))}}}" if node.label and not self.toc else ""
        if tex is None:
            self.out.append(f"\\mbox{{{self.tex(math_text(node.tex))}}}{label}")
        else:
            self.out.append(f"${breakable_inline(tex)}${label}")

    def line_break(self, node: LineBreak) -> None:
        """`\\newline` (a line ended inside a paragraph or a table's cell, where `\\\\` would end
        the row); a space in the contents and running heads."""
        self.out.append(" " if self.toc else "\\newline{}")

    def footnote(self, node: Footnote) -> None:
        if self.toc:  # no note in the table of contents or a running head
            return
        self.out.append(f"{self.protect()}\\{'thanks' if self.thanks else 'footnote'}{{{self.collect(node.inlines)}}}")

    def text(self, text: str) -> None:
        """The text escaped; an address in it (a URL or DOI written out, as reference lists
        print them) may break after its marks with no hyphen, as the PDF edition breaks it,
        rather than run into the margin (TeX would never break it)."""
        out, done = [], 0
        for m in _WORD.finditer(text):
            word = m.group()
            breaks = address_breaks(word) if is_address(word) else []
            if not breaks:
                continue
            out.append(self.tex(text[done:m.start()]))
            cut = 0
            for at, penalty, *_ in breaks:
                out.append(self.tex(word[cut:at]) + ("\\allowbreak{}" if penalty <= URL_PENALTY else "\\penalty1000{}"))
                cut = at
            out.append(self.tex(word[cut:]))
            done = m.end()
        out.append(self.tex(text[done:]))
        self.out.append("".join(out))

    def citation(self, cite: Citation) -> None:
        """The citation as the bibliography transform rendered it; one with no entry flagged."""
        body = self.collect(cite.inlines or (Text(cite.raw),))
        if cite.resolved or self.toc:
            self.out.append(body)
        else:  # visible where it stands, and still compiles: a coloured box and a raised `?`
            self.out.append(f"{self.protect()}\\exporterunresolved{{{body}}}")


def item_label(body: _Body, label: str) -> TexSafe:
    """A list item's label for `\\item[…]`: braced when it holds brackets (`[12]`)."""
    tex = body.tex(label)
    return TexSafe(f"{{{tex}}}" if "[" in label or "]" in label else tex)


def _bookmark_text(inlines) -> str:
    """A heading's text for PDF bookmarks: as written, without its notes."""

    def without_notes(nodes):
        return tuple(replace(n, inlines=without_notes(n.inlines)) if isinstance(n, CONTAINERS) else n for n in nodes if not isinstance(n, Footnote))

    return plain_text(without_notes(inlines))


def media_folder(edition: Edition) -> str:
    return f"{edition.stem}.media"


def media_name(edition: Edition, index: int, image: Image, picture) -> str:
    """`<stem>.media/picture3.png`: the n-th distinct picture (`formula3.pdf` for a formula's
    picture); vectors as PDF (what \\includegraphics takes)."""
    extension = ".pdf" if isinstance(picture, Picture) and picture.kind == "svg" else (picture.extension if isinstance(picture, Picture) else ".bin")
    return f"{media_folder(edition)}/{'formula' if image.formula else 'picture'}{index + 1}{extension}"


def companions(edition: Edition) -> dict[str, dict[str, bytes]]:
    """The files the `.tex` needs beside it: `{"<stem>.media": {"picture1.png": bytes, …}}`."""
    files = {}
    for n, (image, picture) in enumerate(edition.pictures):
        if isinstance(picture, Picture):
            data = vector_pdf(picture) if picture.kind == "svg" else picture.data
            files[media_name(edition, n, image, picture).split("/", 1)[1]] = data
    return {media_folder(edition): files} if files else {}


def _number(value: float) -> int | float:
    """`14` for 14.0, `1.15` for 1.15: how a length reads in TeX."""
    return int(value) if float(value).is_integer() else value


def hyphenation_exceptions(edition: Edition) -> TexSafe:
    """`\\babelhyphenation` words (letters and hyphens only): every Kazakh word of the paper
    (TeX Live has no Kazakh patterns) and the words of the other languages babel will not
    hyphenate, each divided by exporter/typography."""
    # not the romanised list: its Latin letters stand for the paper's language, which babel sets it in
    blocks = tuple(b for b in edition.document.blocks if not (isinstance(b, Bibliography) and b.kind == "romanised"))
    texts = [node.text for node in walk(blocks) if isinstance(node, Text)]
    texts += [node.text for line in edition.title_lines for run in line.runs() for node in iter_inlines(run) if isinstance(node, Text)]
    return hyphenation_list(Hyphenator(edition.language).exceptions(texts, explicit_languages(edition.language)))


def hyphenation_list(words: list[str]) -> TexSafe:
    """Divided words as `\\babelhyphenation` takes them, eight to a line."""
    return TexSafe("\n".join(" ".join(words[i:i + 8]) for i in range(0, len(words), 8)))


def title_groups(edition: Edition, body: _Body) -> list[dict]:
    """The title block's lines for the shared shell, in groups: one; or, in two columns, the
    page-wide lines (set in \\twocolumn's argument) and those that open the first column."""
    def context(line) -> dict:
        return {
            "tex": title_line_tex(body, line), "indent_cm": _number(line.indent_cm), "align": line.align, "bold": line.bold, "italic": line.italic,
            "size_pt": _number(line.size_pt), "space_before_pt": _number(line.space_before_pt),
        }

    lines = edition.title_lines
    if edition.venue.page.columns == 1:
        return [{"page_wide": False, "lines": [context(line) for line in lines]}]
    wide = [context(line) for line in lines if line.span == "page"]
    rest = [context(line) for line in lines if line.span != "page"]
    return ([{"page_wide": True, "lines": wide}] if wide else []) + [{"page_wide": False, "lines": rest}]


def title_line_tex(body: _Body, line) -> TexSafe:
    """A title line as TeX: its inlines, or its cells (author groups) side by side, each a
    one-column tabular of its lines."""
    if not line.cells:
        return TexSafe(body.collect(line.inlines))
    cells = ["\\begin{tabular}[t]{c}" + "\\\\ ".join(body.collect(inlines) for inlines in cell) + "\\end{tabular}" for cell in line.cells]
    return TexSafe("\\hfil ".join(cells))


def front_matter(edition: Edition, body: _Body) -> dict:
    """The front matter as TeX, for a venue's shell that gives it to its class (`\\title`,
    `\\author`, the `abstract` environment): the title (a note on it as `\\thanks`), the abstract
    (its citations linked), keywords, authors grouped by affiliation, the running heads."""
    meta = edition.document.meta
    tex = lambda text: TexSafe(body.tex(text))
    body.thanks = True
    try:
        title = TexSafe(body.collect(meta.title))
    finally:
        body.thanks = False
    odd, even = edition.template.running_heads(meta)
    return {
        "title": title,
        "abstract": TexSafe(body.collect(meta.abstract)),
        "keywords": [tex(k) for k in meta.keywords],
        "author_groups": [
            {"number": g.number, "names": [tex(n) for n in g.names], "affiliation": tex(g.affiliation), "emails": [tex(e) for e in g.emails]}
            for g in author_groups(meta)
        ],
        "running_odd": tex(odd),
        "running_even": tex(even),
    }


def render(edition: Edition) -> bytes:
    return render_shell(edition.template, shell_context(edition)).encode("utf-8")


def render_shell(template, context: dict) -> str:
    """The venue's LaTeX shell (`document.tex.j2`) filled with `context`; a shell that does not
    set what follows the lists (`after_lists`: an appendix) gets it at the body's end."""
    if context.get("after_lists") and "after_lists" not in template.latex_names("document.tex.j2"):
        context = context | {"body": TexSafe(context["body"] + "\n" + context["after_lists"]), "after_lists": ""}
    return template.render_latex("document.tex.j2", context)


def shell_context(edition: Edition) -> dict:
    """What the venue's LaTeX shell is given: the paper as TeX (body, title lines, entries) and
    the settings of its preamble (page, fonts, language, hyphenation, PDF title)."""
    body = _Body(edition)
    body.walk(edition.document.blocks)
    meta = edition.document.meta
    venue = edition.venue
    lang = language(meta.language)
    labels = {name: TexSafe(body.tex(getattr(edition.labels, name))) for name in ("references", "unresolved", "notes", "romanised", "abstract", "keywords")}
    bib_size = venue.bibliography.size_pt or venue.body.size_pt
    return {
        "meta": meta_view(meta),
        "labels": labels,
        "babel_language": lang.babel,
        "hyphenation": hyphenation_exceptions(edition),
        "pdf_lang": lang.tag,
        "page": {
            "size": venue.page.size, "page_numbers": venue.page.page_numbers,
            "columns": venue.page.columns, "column_gap_cm": _number(venue.page.column_gap_cm),
            "margins_cm": {side: _number(getattr(venue.page.margins_cm, side)) for side in ("top", "bottom", "left", "right")},
        },
        "body_style": {
            "size_pt": _number(venue.body.size_pt), "line_spacing": _number(venue.body.line_spacing),
            "first_line_indent_cm": _number(venue.body.first_line_indent_cm),
        },
        "bibliography_style": {"size_pt": _number(bib_size)},
        # an unordered list as the PDF and DOCX editions set it (the shared shell's \setlist)
        "list_mark": LIST_MARK, "list_mark_room_cm": _number(LIST_MARK_ROOM_CM),
        "list_left_cm": _number(round(venue.body.first_line_indent_cm + LIST_MARK_ROOM_CM, 4)),
        # the venue's heading sizes and weights for the shared shell's KOMA-Script sections
        "headings": [heading_style(command, spec, venue.body.size_pt) for command, spec in ((command, venue.heading(level)) for level, command in enumerate(SECTIONS, start=1)) if spec is not None],
        "main_family": edition.template.main_faces["regular"].family,
        "mono_family": edition.template.mono_faces["regular"].family,
        "fallbacks": [{"macro": TexSafe(body.fallback_macro[f.name]), "family": f.family} for f in body.fonts.fallbacks],
        "title_groups": title_groups(edition, body),
        "title_space_after_pt": _number(venue.title_block.space_after_pt),
        "title": meta.title_text or "",
        "authors": ", ".join(meta.authors),
        "front": front_matter(edition, body),
        "body": TexSafe("".join(body.out[: body.lists_at]).rstrip() + "\n"),
        "after_lists": TexSafe("".join(body.out[body.lists_at :]).rstrip() + "\n") if body.lists_at is not None and body.out[body.lists_at :] else "",
        "entries": body.lists.get("references", []),
        "romanised": body.lists.get("romanised", []),
        "unresolved": [item["tex"] for item in body.lists.get("unresolved", [])],
    }
