"""The report page: the paper as read, each citation marked, beside it the findings (HTML)."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..diagnostics import Diagnostic, InputError
from ..linker import Linked
from ..messages import SOURCE_LANGUAGE, language_of, word
from ..messages.english import WORDS
from ..model import Bibliography, Citation, Footnote
from ..report import summary_line
from ..venue import Template, available, meta_view
from ..transforms.bibliography import add_bibliography, anchor, entry_as_read
from ..writers import targets
from ..writers.html import HtmlWalker

# Pictures are inlined as data: URIs, within bounds: a page stays a page, not an archive.
PICTURE_LIMIT = 2 << 20  # bytes of one picture shown
PAGE_PICTURES_LIMIT = 12 << 20  # bytes of all pictures on one page

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


class PaperView(HtmlWalker):
    """The document as HTML through the HTML edition's walk, remembering where each block and
    citation stands so that a finding can link to the element at its place; each label links
    to its entry (its text on hover) or is flagged, a note is shown in place."""

    heading_offset = 2  # the page's own h1/h2 come first
    picture_limit = PICTURE_LIMIT
    page_pictures_limit = PAGE_PICTURES_LIMIT

    def __init__(self, linked: Linked, words: dict, document=None):
        document = document or linked.document
        super().__init__(document.meta.language, targets(document.blocks))
        self.linked, self.words = linked, words
        self.entries = {e.key: e for e in linked.document.references}
        self.citations: dict[tuple, str] = {}  # place -> element id
        self.blocks: list[tuple[tuple, tuple, str]] = []  # (start, end, element id)
        self.references = Markup("")  # the reference list, set by the page after the body

    # -- blocks --
    def blocks_html(self, blocks=None) -> Markup:
        self.walk(self.linked.document.blocks if blocks is None else blocks)
        body, self.out = Markup("\n").join(Markup(part.rstrip("\n")) for part in self.out), []
        return body

    def block_id(self, block) -> str:
        span = block.span
        element_id = f"b{len(self.blocks) + 1}"
        self.blocks.append((_place(span), (span.page or 0, span.end_line, span.end_column), element_id))
        return f' id="{element_id}"'

    def bibliography(self, block: Bibliography) -> None:
        """The reference list as read, each entry its own target (set apart: the page places it)."""
        if block.kind != "references":
            return
        self.references = Markup("").join(
            Markup('<li id="{}" value="{}">{}</li>\n').format(item.anchor, item.number, self.collect(item.inlines)) for item in block.items)

    # -- inlines --
    def inlines_html(self, nodes) -> Markup:
        return self.collect(nodes)

    def footnote(self, node: Footnote) -> None:
        self.out.append(Markup('<small class="footnote">[{}]</small>').format(self.collect(node.inlines)))

    def citation(self, cite: Citation) -> None:
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
            inner = self.label(inner, ",".join(r.label for r in unplaced), None)
        self.out.append(Markup('<span class="cite" id="{}">{}</span>').format(element_id, inner))

    def label(self, text, label: str, entry_key: str | None) -> Markup:
        if entry_key is not None and entry_key in self.entries:
            entry = self.entries[entry_key]
            return Markup('<a class="label ok" href="#{}" title="{}">{}</a>').format(anchor(entry_key), entry_as_read(entry), text)
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


def render_report(linked: Linked, report: dict, template_name: str, resend: dict, annotated: bool, language: str = SOURCE_LANGUAGE,
                  venue_labels: dict | None = None, template: Template | None = None) -> str:
    """The report page, its words and findings in `language` (the paper's own labels, such as
    its abstract's heading, stay in the paper's language: `venue_labels`, the venue's words in
    `page_language` of the paper, from the venue chosen as `template_name`)."""
    doc = linked.document
    words = labels_for(language)
    if template is None:  # the caller's loaded venue, else the one named (a name not listed: none)
        try:
            template = Template.load(template_name)
        except InputError:
            template = None
    # the same transform as the editions', with the entries as read (no style) and no list of
    # unresolved citations: the findings list them
    document = add_bibliography(doc, template, as_read=True) if template is not None else doc
    view = PaperView(linked, words, document)
    body = view.blocks_html(document.blocks)  # first: it records where blocks and citations stand
    # the title and abstract as the body's runs are drawn: their citations link or are flagged
    meta = meta_view(doc.meta)
    meta.title, meta.abstract = view.inlines_html(document.meta.title), view.inlines_html(document.meta.abstract)
    findings = [
        {**d, "where": finding.where, "shown": finding.shown(language), "target": view.target(d), "severity_word": words.get(d["severity"], d["severity"])}
        for d, finding in ((d, Diagnostic.from_json(d)) for d in report["diagnostics"])
    ]
    kinds = ["pdf", "docx", "latex", "html", "json"] + (["annotated"] if annotated else [])
    return environment().get_template("report.html").render(
        lang=language, paper_lang=page_language(doc.meta.language), words=words, venue_labels=venue_labels or {}, meta=meta, body=body, findings=findings,
        references=view.references, summary=summary_line(report, language), report=report, kinds=kinds, resend=resend,
        template_name=template_name, venues=list(available()),
    )


def render_form(venues: dict[str, str], default: str, language: str = SOURCE_LANGUAGE, chosen: str | None = None) -> str:
    """The upload form in `language`; `chosen`, the language the reader picked, goes on with the upload."""
    return environment().get_template("form.html").render(lang=language, words=labels_for(language), venues=venues, default=default,
                                                          languages=LANGUAGE_NAMES, chosen=chosen)


def render_error(status: int, message: str, language: str = SOURCE_LANGUAGE) -> str:
    return environment().get_template("error.html").render(lang=language, words=labels_for(language), status=status, message=message)
