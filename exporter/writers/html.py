"""The HTML edition: one self-contained HTML5 page walked from the model like every edition.

Pictures are `data:` URIs inside the page (one file to send or open, as the DOCX and PDF
editions are; no folder to lose beside it); formulas are MathML, which browsers draw
natively, with their TeX in `<code class="math">` when it cannot be read; notes are numbered
and set at the end, each linked both ways; citations link to their entries, which the
bibliography transform appended as the last blocks. The web report page walks the paper with
the same class (exporter/web/page.py), adding its findings.
"""

from __future__ import annotations

import base64

from markupsafe import Markup, escape

from ..media.formulas import FormulaError, mathml
from ..media.images import MediaError, prepare
from ..model import (
    Bibliography, BulletList, Citation, Code, CodeBlock, CrossRef, Emph, Figure, Footnote, Heading, Image, LineBreak, Link, Math, Paragraph, Quote, Strong,
    Subscript, Superscript, Table, Text,
)
from ..venue import language
from . import Edition, Walker, caption_of, label_anchor, table_grid, targets

DATA_TYPES = {"jpeg": "image/jpeg", "png": "image/png", "svg": "image/svg+xml"}
# A link the page follows: to the web or mail; a `#name` is a place of the page itself.
SAFE_SCHEMES = ("http://", "https://", "mailto:")
MATHML = "http://www.w3.org/1998/Math/MathML"
ALIGN = {"justify": "justify", "center": "center", "centre": "center", "left": "left", "right": "right"}


def safe_mathml(source: str) -> Markup:
    """MathML with nothing a browser would act on: only MathML elements, no event handlers,
    no links; FormulaError otherwise."""
    from lxml import etree

    root = etree.fromstring(source.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    for element in root.iter():
        if not isinstance(element.tag, str) or etree.QName(element).namespace != MATHML:
            raise FormulaError("not MathML")
        for attr in list(element.attrib):
            name = etree.QName(attr).localname.lower()
            if name.startswith("on") or name in ("href", "src", "style", "xlink:href") or etree.QName(attr).namespace:
                del element.attrib[attr]
    return Markup(etree.tostring(root, encoding="unicode"))


class HtmlWalker(Walker):
    """Blocks and inlines to HTML markup, collected in `self.out`.

    Hooks for the web report page: `block_id` names a block's element, `heading_offset`
    shifts heading levels under the page's own, `picture_limit`/`page_pictures_limit` bound
    the pictures' bytes (None: no bound)."""

    heading_offset = 1  # the title is the page's h1
    picture_limit: int | None = None
    page_pictures_limit: int | None = None

    def __init__(self, document_language: str, cross_ref_targets: set[str]):
        self.language = document_language
        self.targets = cross_ref_targets
        self.out: list[str] = []
        self.notes: list[str] = []  # footnotes' markup, numbered in order
        self.picture_bytes = 0

    def collect(self, nodes) -> Markup:
        mark = len(self.out)
        self.inlines(nodes)
        text = "".join(self.out[mark:])
        del self.out[mark:]
        return Markup(text)

    def block_id(self, block) -> str:
        """` id="…"` for a block's element; none in the edition."""
        return ""

    # -- blocks --
    def paragraph(self, block: Paragraph) -> None:
        self.out.append(f"<p{self.block_id(block)}>{self.collect(block.inlines)}</p>\n")

    def heading(self, block: Heading) -> None:
        level = min(block.level + self.heading_offset, 6)
        self.out.append(f"<h{level}{self.block_id(block)}>{self.collect(block.inlines)}</h{level}>\n")

    def quote(self, block: Quote) -> None:
        self.out.append(f"<blockquote{self.block_id(block)}>{self.collect(block.inlines)}</blockquote>\n")

    def code_block(self, block: CodeBlock) -> None:
        language = f' class="language-{escape(block.language)}"' if block.language else ""
        self.out.append(f"<pre{self.block_id(block)}><code{language}>{escape(block.text)}</code></pre>\n")

    def bullet_list(self, block: BulletList) -> None:
        items = "".join(f"<li{self.block_id(item)}>{self._label(item)}{self.collect(item.inlines)}{self._nested(item.blocks)}</li>" for item in block.items)
        numbered = ' style="list-style: none"' if any(item.label for item in block.items) else ""  # the author's numbers are the marks
        self.out.append(f"<ul{numbered}>{items}</ul>\n")

    def _nested(self, blocks: tuple) -> str:
        """The blocks an item holds (a nested list), inside its `li`."""
        if not blocks:
            return ""
        saved, self.out = self.out, []
        try:
            self.walk(blocks)
            return "".join(self.out).rstrip("\n")
        finally:
            self.out = saved

    @staticmethod
    def _label(item) -> str:
        return f'<span class="list-label">{escape(item.label)}</span> ' if item.label else ""

    def table(self, block: Table) -> None:
        placed, _, count = table_grid(block)
        rows: list[list[str]] = [[] for _ in range(count)]
        for r, _, cell in placed:
            tag = "th" if r < block.header_rows else "td"
            spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
            rows[r].append(f"<{tag}{spans}>{self.collect(cell.inlines)}</{tag}>")
        caption = self.caption(block)
        caption = f"<caption>{caption}</caption>" if caption else ""
        body = "".join(f"<tr>{''.join(r)}</tr>" for r in rows)
        self.out.append(f"<table{self.block_id(block)}{self.target_attr(block)}>{caption}{body}</table>\n")

    def figure(self, block: Figure) -> None:
        pictures = Markup(" ").join(self.picture(image) for image in block.images)
        caption = self.caption(block)
        caption = f"<figcaption>{caption}</figcaption>" if caption else ""
        self.out.append(f"<figure{self.block_id(block)}{self.target_attr(block)}>{pictures}{caption}</figure>\n")

    def bibliography(self, block: Bibliography) -> None:
        """A list closing the edition: its heading, then each item with its label and link target."""
        items = []
        for item in block.items:
            target = f' id="{escape(item.anchor)}"' if item.anchor else ""
            label = f'<span class="label">{escape(item.label)}</span> ' if item.label else ""
            items.append(f"<li{target}>{label}{self.collect(item.inlines)}</li>")
        level = min(1 + self.heading_offset, 6)
        self.out.append(
            f'<section class="bibliography {escape(block.kind)}" id="{escape(block.kind)}">\n<h{level}>{escape(block.title)}</h{level}>\n'
            f'<ol>\n{chr(10).join(items)}\n</ol>\n</section>\n'
        )

    # -- inlines --
    def text(self, text: str) -> None:
        self.out.append(str(escape(text)))

    def code(self, node: Code) -> None:
        self.out.append(f"<code>{escape(node.text)}</code>")

    def _wrap(self, tag: str, nodes) -> None:
        self.out.append(f"<{tag}>{self.collect(nodes)}</{tag}>")

    def emph(self, node: Emph) -> None:
        self._wrap("em", node.inlines)

    def strong(self, node: Strong) -> None:
        self._wrap("strong", node.inlines)

    def superscript(self, node: Superscript) -> None:
        self._wrap("sup", node.inlines)

    def subscript(self, node: Subscript) -> None:
        self._wrap("sub", node.inlines)

    def link(self, node: Link) -> None:
        """A link to the web or mail, or to a place of the page (`#…`); any other address
        (`javascript:`, a local file) is not followed."""
        inner = self.collect(node.inlines)
        if node.url.startswith("#"):
            self.out.append(f'<a href="{escape(node.url)}">{inner}</a>')
        else:
            href = node.url if node.url.startswith(SAFE_SCHEMES) else "#"
            self.out.append(f'<a href="{escape(href)}" rel="nofollow noopener">{inner}</a>')

    def citation(self, cite: Citation) -> None:
        """As the bibliography transform rendered it; one with no entry marked, its note on hover."""
        inner = self.collect(cite.inlines or (Text(cite.raw),))
        if cite.note is None:
            self.out.append(f'<span class="cite">{inner}</span>')
        else:
            self.out.append(f'<mark class="cite unresolved" title="{escape(cite.note)}">{inner}</mark><sup class="flag">?</sup>')

    def cross_ref(self, node: CrossRef) -> None:
        if node.target and node.target in self.targets:
            self.out.append(f'<a class="xref" href="#{escape(label_anchor(node.target))}">{escape(node.raw)}</a>')
        else:
            self.text(node.raw)

    def line_break(self, node: LineBreak) -> None:
        self.out.append("<br>")

    def footnote(self, node: Footnote) -> None:
        """A raised number linked to the note, which is set with the others at the end."""
        self.notes.append(self.collect(node.inlines))
        n = len(self.notes)
        self.out.append(f'<sup class="fnref" id="fnref{n}"><a href="#fn{n}">{n}</a></sup>')

    def notes_html(self) -> str:
        if not self.notes:
            return ""
        items = "".join(f'<li id="fn{n}">{note} <a class="back" href="#fnref{n}">↩</a></li>' for n, note in enumerate(self.notes, start=1))
        return f'<section class="footnotes"><hr><ol>{items}</ol></section>\n'

    def image(self, node: Image) -> None:
        self.out.append(str(self.picture(node)))

    def math(self, node: Math) -> None:
        self.out.append(str(self.formula(node)))

    # -- figures, tables, formulas --
    def target_attr(self, block) -> str:
        """` data-label="…"`: the name cross-references link to, on the element itself."""
        return f' data-label="{escape(label_anchor(block.label))}"' if block.label else ""

    def caption(self, block) -> Markup:
        caption = caption_of(block, self.language)
        if caption is None:
            return Markup("")
        name = Markup(f'<a id="{escape(label_anchor(block.label))}"></a>') if block.label else Markup("")
        return name + escape(caption.word + (caption.number or "") + caption.separator) + self.collect(caption.rest)

    def picture(self, image: Image) -> Markup:
        """The picture as a data: URI (JPEG, PNG, SVG; other formats as converted); a note in
        its place when it cannot be drawn or passes the bounds."""
        try:
            picture = prepare(image)
        except MediaError as exc:
            return Markup('<span class="picture-missing">[{}]</span>').format(str(exc))
        size = len(picture.data)
        if (self.picture_limit is not None and size > self.picture_limit) or (
                self.page_pictures_limit is not None and self.picture_bytes + size > self.page_pictures_limit):
            return Markup('<span class="picture-missing">[{}: {} KB, not shown on this page]</span>').format(image.name or "picture", size // 1024)
        self.picture_bytes += size
        uri = f"data:{DATA_TYPES[picture.kind]};base64," + base64.b64encode(picture.data).decode("ascii")
        lowered = 0.0
        if image.share:  # a share of the text width: of the page's column here
            shown = f"{round(min(image.share, 1.0) * 100, 1):g}%"
        else:
            width = picture.width if not image.width else image.width
            shown = f"{round(min(width, 640) * 4 / 3)}px"
            lowered = image.lowered * min(width, 640) / width if width > 0 else 0.0  # below the baseline, as the source set it
        style = f"max-width:100%;width:{shown}" + (f";vertical-align:{-lowered * 4 / 3:.1f}px" if abs(lowered) >= 0.01 else "")
        return Markup('<img class="picture" src="{}" alt="{}" style="{}">').format(uri, image.alt or image.name, style)

    def formula(self, node: Math) -> Markup:
        """MathML from the TeX; the TeX itself in `<code class="math">` if it cannot be read."""
        try:
            markup = safe_mathml(mathml(node.tex, node.display))
        except FormulaError:
            return Markup('<code class="math">{}</code>').format(node.tex)
        name = Markup(f'<a id="{escape(label_anchor(node.label))}"></a>') if node.label else Markup("")
        number = Markup('<span class="eq-number">({})</span>').format(node.number) if node.number else Markup("")
        if node.display:
            return Markup('<span class="display-math">{}{}{}</span>').format(name, markup, number)
        return name + markup


STYLE = """body{{margin:0 auto;max-width:{width}cm;padding:2em 1em;font-family:"{family}",serif;font-size:{size}pt;line-height:{leading}}}
main>p{{text-align:{align};text-indent:{indent}cm;margin:0 0 {after}pt}}
.title-block p{{margin:0;text-indent:0}}
h2,h3,h4,h5,h6{{font-size:1em}}
.display-math{{display:block;position:relative;text-align:center;margin:.5em 0}} .eq-number{{position:absolute;right:0;top:50%;transform:translateY(-50%)}}
figure{{text-align:center;margin:1em 0}} table{{border-collapse:collapse;margin:1em auto}} td,th{{border:1px solid #444;padding:.2em .4em}}
.bibliography h2{{text-align:center}} .bibliography ol{{list-style:none;padding:0;font-size:{bib_size}pt}} .bibliography li{{text-indent:{indent}cm;text-align:{align}}}
.unresolved li{{color:#b00020}}
mark.unresolved{{background:#ffe08a;color:#b00020}} sup.flag{{color:#b00020}}
a{{color:#1a4fa0}}
"""


def title_block(walker: HtmlWalker, edition: Edition) -> str:
    """The venue's title block, line by line, as the other editions set it."""
    lines = []
    for line in edition.title_lines:
        style = f"text-align:{ALIGN.get(line.align, 'left')};font-size:{line.size_pt:g}pt"
        if line.space_before_pt:
            style += f";margin-top:{line.space_before_pt:g}pt"
        if line.indent_cm:
            style += f";margin-left:{line.indent_cm:g}cm;margin-right:{line.indent_cm:g}cm"
        runs = [line.inlines] if not line.cells else [run for cell in line.cells for run in cell]
        shown = []
        for run in runs:
            inner = walker.collect(run)
            if line.italic:
                inner = Markup(f"<em>{inner}</em>")
            shown.append(Markup(f"<strong>{inner}</strong>") if line.bold else inner)
        if line.cells:  # author groups side by side, each its lines
            cells, at = [], 0
            for cell in line.cells:
                cells.append('<div class="cell">' + "<br>".join(shown[at:at + len(cell)]) + "</div>")
                at += len(cell)
            lines.append(f'<div class="title-line cells" style="{style};display:flex;justify-content:space-around">{"".join(cells)}</div>')
        else:
            lines.append(f'<p class="title-line" style="{style}">{shown[0]}</p>')
    return '<header class="title-block">\n' + "\n".join(lines) + "\n</header>\n" if lines else ""


def render(edition: Edition) -> bytes:
    document = edition.document
    walker = HtmlWalker(document.meta.language, targets(document.blocks))
    header = title_block(walker, edition)
    walker.walk(document.blocks)
    venue = edition.venue
    page = venue.page
    style = STYLE.format(
        width=round(page.size_cm[0] - page.margins_cm.left - page.margins_cm.right, 2),
        family=edition.template.main_faces["regular"].family.replace('"', ""),
        size=f"{venue.body.size_pt:g}", leading=f"{1.15 * venue.body.line_spacing:g}", align=ALIGN.get(venue.body.align, "justify"),
        indent=f"{venue.body.first_line_indent_cm:g}", after=f"{venue.body.space_after_pt:g}",
        bib_size=f"{venue.bibliography.size_pt or venue.body.size_pt:g}",
    )
    title = document.meta.title_text or document.path.rsplit("/", 1)[-1]
    page_html = (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(language(edition.language).tag)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="exporter">\n'
        f"<title>{escape(title)}</title>\n<style>\n{style}</style>\n</head>\n<body>\n"
        f"{header}<main>\n{''.join(walker.out)}</main>\n{walker.notes_html()}</body>\n</html>\n"
    )
    return page_html.encode("utf-8")
