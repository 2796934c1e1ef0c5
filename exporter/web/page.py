"""The report page: the paper as read, each citation marked, beside it the findings (HTML)."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..diagnostics import Diagnostic
from ..linker import Linked
from ..media.formulas import FormulaError, mathml
from ..media.images import MediaError, prepare
from ..messages import SOURCE_LANGUAGE, language_of, word
from ..messages.english import WORDS
from ..model import (BulletList, Citation, Code, CodeBlock, CrossRef, Emph, Figure, Footnote, Heading, Image, Link, Math, Paragraph, Quote,
                     Strong, Subscript, Superscript, Table, Text)
from ..report import summary_line
from ..venue import available, meta_view
from ..writers import anchor, caption_of, label_anchor, table_grid, targets
from .jobs import venue

# Pictures are inlined as data: URIs, within bounds: a page stays a page, not an archive.
PICTURE_LIMIT = 2 << 20  # bytes of one picture shown
PAGE_PICTURES_LIMIT = 12 << 20  # bytes of all pictures on one page
DATA_TYPES = {"jpeg": "image/jpeg", "png": "image/png", "svg": "image/svg+xml"}

# The languages a reader can choose, each named in itself.
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
MISSING_SYMBOL = "⚠"  # an unresolved label is marked by colour and by this sign


@cache
def environment() -> Environment:
    return Environment(loader=PackageLoader("exporter.web", "templates"), autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)


def labels_for(language: str) -> dict:
    """The page's own words in a language: `page.title` as `title`, `form.heading` as `form_heading`."""
    return {key.removeprefix("page.").replace(".", "_"): word(key, language) for key in WORDS if key.startswith(("page.", "form.", "error."))}


def page_language(document_language: str | None) -> str:
    """The report page's language when the reader chose none: the paper's, else English."""
    return language_of(document_language) or SOURCE_LANGUAGE


def _place(span) -> tuple[int, int, int]:
    """Where a span or finding starts, comparable across pages (a DOCX counts paragraphs as lines)."""
    return (span.page or 0, span.line, span.column)


class PaperView:
    """The document as HTML, remembering where each block and citation stands so that a
    finding can link to the element at its place."""

    def __init__(self, linked: Linked, words: dict):
        self.linked, self.words = linked, words
        self.entries = {e.key: e for e in linked.document.references}
        self.citations: dict[tuple, str] = {}  # place -> element id
        self.blocks: list[tuple[tuple, tuple, str]] = []  # (start, end, element id)
        self.targets = targets(linked.document.blocks)
        self.picture_bytes = 0

    # -- blocks --
    def blocks_html(self) -> Markup:
        return Markup("\n").join(self.block(b) for b in self.linked.document.blocks)

    def _block_id(self, span) -> str:
        element_id = f"b{len(self.blocks) + 1}"
        self.blocks.append((_place(span), (span.page or 0, span.end_line, span.end_column), element_id))
        return element_id

    def block(self, block) -> Markup:
        if isinstance(block, Heading):
            level = min(block.level + 2, 6)  # the page's own h1/h2 come first
            return Markup(f'<h{level} id="{self._block_id(block.span)}">{self.inlines(block.inlines)}</h{level}>')
        if isinstance(block, Paragraph):
            return Markup(f'<p id="{self._block_id(block.span)}">{self.inlines(block.inlines)}</p>')
        if isinstance(block, Quote):
            return Markup(f'<blockquote id="{self._block_id(block.span)}">{self.inlines(block.inlines)}</blockquote>')
        if isinstance(block, BulletList):
            items = "".join(f'<li id="{self._block_id(item.span)}">{self.inlines(item.inlines)}</li>' for item in block.items)
            return Markup(f'<ul>{items}</ul>')
        if isinstance(block, Table):
            placed, _, count = table_grid(block)
            rows: list[list[str]] = [[] for _ in range(count)]
            for r, _, cell in placed:
                tag = "th" if r < block.header_rows else "td"
                spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
                rows[r].append(f"<{tag}{spans}>{self.inlines(cell.inlines)}</{tag}>")
            caption = self.caption(block)
            caption = f"<caption>{caption}</caption>" if caption else ""
            return Markup(f'<table id="{self._block_id(block.span)}"{self.target_id(block)}>{caption}' + "".join(f"<tr>{''.join(r)}</tr>" for r in rows) + "</table>")
        if isinstance(block, Figure):
            pictures = Markup(" ").join(self.picture(image) for image in block.images)
            caption = self.caption(block)
            caption = Markup(f"<figcaption>{caption}</figcaption>") if caption else ""
            return Markup(f'<figure id="{self._block_id(block.span)}"{self.target_id(block)}>{pictures}{caption}</figure>')
        if isinstance(block, CodeBlock):
            return Markup('<pre id="{}"><code>{}</code></pre>').format(self._block_id(block.span), block.text)
        raise TypeError(f"report page has no rule for block {type(block).__name__}")

    # -- inlines --
    def inlines(self, nodes) -> Markup:
        return Markup("").join(self.inline(node) for node in nodes)

    def inline(self, node) -> Markup:
        if isinstance(node, Text):
            return escape(node.text)
        if isinstance(node, Citation):
            return self.citation(node)
        wrap = {Emph: "em", Strong: "strong", Superscript: "sup", Subscript: "sub"}.get(type(node))
        if wrap:
            return Markup(f"<{wrap}>{self.inlines(node.inlines)}</{wrap}>")
        if isinstance(node, Link):
            return Markup('<a href="{}" rel="nofollow noopener">{}</a>').format(node.url if node.url.startswith(("http://", "https://", "mailto:")) else "#", self.inlines(node.inlines))
        if isinstance(node, Math):
            return self.math(node)
        if isinstance(node, Image):
            return self.picture(node)
        if isinstance(node, CrossRef):
            if node.target and node.target in self.targets:
                return Markup('<a class="xref" href="#{}">{}</a>').format(label_anchor(node.target), node.raw)
            return escape(node.raw)
        if isinstance(node, Code):
            return Markup("<code>{}</code>").format(node.text)
        if isinstance(node, Footnote):
            return Markup('<small class="footnote">[{}]</small>').format(self.inlines(node.inlines))
        raise TypeError(f"report page has no rule for inline {type(node).__name__}")

    # -- figures, tables, formulas --
    def target_id(self, block) -> str:
        """` data-target="…"`, the name cross-references link to, on the element itself."""
        return f' data-label="{escape(label_anchor(block.label))}"' if block.label else ""

    def caption(self, block) -> Markup:
        caption = caption_of(block, self.linked.document.meta.language)
        if caption is None:
            return Markup("")
        anchor_name = Markup(f'<a id="{escape(label_anchor(block.label))}"></a>') if block.label else Markup("")
        return anchor_name + escape(caption.word + (caption.number or "") + caption.separator) + self.inlines(caption.rest)

    def picture(self, image: Image) -> Markup:
        """The picture as a data: URI (JPEG, PNG, SVG; other formats as converted), within the
        page's bounds; past them, or if it cannot be drawn, a note in its place."""
        try:
            picture = prepare(image)
        except MediaError as exc:
            return Markup('<span class="picture-missing">[{}]</span>').format(str(exc))
        if len(picture.data) > PICTURE_LIMIT or self.picture_bytes + len(picture.data) > PAGE_PICTURES_LIMIT:
            return Markup('<span class="picture-missing">[{}: {} KB, not shown on this page]</span>').format(image.name or "picture", len(picture.data) // 1024)
        self.picture_bytes += len(picture.data)
        import base64

        uri = f"data:{DATA_TYPES[picture.kind]};base64," + base64.b64encode(picture.data).decode("ascii")
        width = min(picture.width if not image.width else image.width, 640)
        return Markup('<img class="picture" src="{}" alt="{}" style="max-width:100%;width:{}px">').format(uri, image.alt or image.name, round(width * 4 / 3))

    def math(self, node: Math) -> Markup:
        """MathML from the TeX (browsers draw it natively); the TeX itself if it cannot be read."""
        try:
            markup = _safe_mathml(mathml(node.tex, node.display))
        except FormulaError:
            return Markup('<code class="math">{}</code>').format(node.tex)
        anchor_name = Markup(f'<a id="{escape(label_anchor(node.label))}"></a>') if node.label else Markup("")
        number = Markup('<span class="eq-number">({})</span>').format(node.number) if node.number else Markup("")
        if node.display:
            return Markup('<span class="display-math">{}{}{}</span>').format(anchor_name, markup, number)
        return anchor_name + markup

    def citation(self, cite: Citation) -> Markup:
        """`[12, б. 45]`: each label links to its entry (its text on hover) or is flagged."""
        element_id = f"c{len(self.citations) + 1}"
        self.citations.setdefault(_place(cite.span), element_id)
        marks = sorted((r.start, r.end, r) for r in cite.refs if r.start is not None)
        unplaced = [r for r in cite.refs if r.start is None and r.entry is None]
        out, cursor = [], 0
        for start, end, ref in marks:
            if start < cursor:
                continue
            out.append(escape(cite.raw[cursor:start]))
            out.append(self.label(cite.raw[start:end], ref.label, ref.entry))
            cursor = end
        out.append(escape(cite.raw[cursor:]))
        inner = Markup("").join(out)
        if unplaced:  # a label the reader could not place inside the bracket: flag the whole bracket
            return Markup("").join([Markup(f'<span class="cite" id="{element_id}">'), self.label(inner, ",".join(r.label for r in unplaced), None), Markup("</span>")])
        return Markup(f'<span class="cite" id="{element_id}">{inner}</span>')

    def label(self, text, label: str, entry_key: str | None) -> Markup:
        if entry_key is not None and entry_key in self.entries:
            entry = self.entries[entry_key]
            return Markup('<a class="label ok" href="#{}" title="{}">{}</a>').format(anchor(entry_key), entry_text(entry), text)
        return Markup('<mark class="label missing" data-label="{}" title="[{}]: {}"><span class="sym" aria-hidden="true">{}</span>{}</mark>').format(
            label, label, self.words["no_entry"], MISSING_SYMBOL, text)

    # -- findings --
    def target(self, finding: dict) -> str:
        """The element a finding points at: its citation, else the block holding its place, else
        the nearest block before it; a .bib finding points at its entry in the list."""
        linked = self.linked
        if linked.bib_path and finding["file"] == linked.bib_path:
            before = [e for e in linked.document.references if e.span.line <= finding["line"]]
            return anchor(max(before, key=lambda e: e.span.line).key) if before else "references"
        place = (finding.get("page") or 0, finding["line"], finding["column"])
        if place in self.citations:
            return self.citations[place]
        for entry in linked.document.references:  # an entry of the paper's own list
            if entry.origin == "list" and _place(entry.span) <= place <= (entry.span.page or 0, entry.span.end_line, entry.span.end_column):
                return anchor(entry.key)
        best = "paper"
        for start, end, element_id in self.blocks:
            if start <= place <= end:
                return element_id
            if start <= place:
                best = element_id
        return best


def _safe_mathml(source: str) -> Markup:
    """latex2mathml's MathML with nothing a browser would act on: only MathML elements, no
    event handlers, no links."""
    from lxml import etree

    root = etree.fromstring(source.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    for element in root.iter():
        if not isinstance(element.tag, str) or etree.QName(element).namespace != "http://www.w3.org/1998/Math/MathML":
            raise FormulaError("not MathML")
        for attr in list(element.attrib):
            name = etree.QName(attr).localname.lower()
            if name.startswith("on") or name in ("href", "src", "style", "xlink:href") or etree.QName(attr).namespace:
                del element.attrib[attr]
    return Markup(etree.tostring(root, encoding="unicode"))


def entry_text(entry) -> str:
    """An entry as one line: as printed in the paper, or its .bib fields."""
    if entry.text:
        return entry.text
    fields = dict(entry.fields)
    parts = [fields.get(name) for name in ("author", "title", "journal", "booktitle", "publisher", "year", "pages") if fields.get(name)]
    return ". ".join(p.strip("{} ") for p in parts) or entry.key


def render_report(linked: Linked, report: dict, template_name: str, resend: dict, annotated: bool, language: str = SOURCE_LANGUAGE) -> str:
    """The report page, its words and findings in `language` (the paper's own labels, such as
    its abstract's heading, stay in the paper's language)."""
    doc = linked.document
    words = labels_for(language)
    try:
        venue_labels = venue(template_name).labels(page_language(doc.meta.language))
    except Exception:
        venue_labels = {}
    view = PaperView(linked, words)
    body = view.blocks_html()  # first: it records where blocks and citations stand
    # the title and abstract as the body's runs are drawn: their citations link or are flagged
    meta = meta_view(doc.meta)
    meta.title, meta.abstract = view.inlines(doc.meta.title), view.inlines(doc.meta.abstract)
    findings = [
        {**d, "where": finding.where, "shown": finding.shown(language), "target": view.target(d), "severity_word": words.get(d["severity"], d["severity"])}
        for d, finding in ((d, Diagnostic.from_json(d)) for d in report["diagnostics"])
    ]
    entries = [(anchor(e.key), e, entry_text(e)) for e in sorted(doc.references, key=lambda e: e.number)]
    kinds = ["pdf", "docx", "latex", "json"] + (["annotated"] if annotated else [])
    return environment().get_template("report.html").render(
        lang=language, paper_lang=page_language(doc.meta.language), words=words, venue_labels=venue_labels, meta=meta, body=body, findings=findings,
        entries=entries, summary=summary_line(report, language), report=report, kinds=kinds, resend=resend,
        template_name=template_name, venues=list(available()),
    )


def render_form(venues: dict[str, str], default: str, language: str = SOURCE_LANGUAGE, chosen: str | None = None) -> str:
    """The upload form in `language`; `chosen`, the language the reader picked, goes on with the upload."""
    return environment().get_template("form.html").render(lang=language, words=labels_for(language), venues=venues, default=default,
                                                          languages=LANGUAGE_NAMES, chosen=chosen)


def render_error(status: int, message: str, language: str = SOURCE_LANGUAGE) -> str:
    return environment().get_template("error.html").render(lang=language, words=labels_for(language), status=status, message=message)
