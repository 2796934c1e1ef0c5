"""The check report: findings as `file:line:col` lines for people and as JSON for CI."""

from __future__ import annotations

from collections import Counter

from .diagnostics import Diagnostic
from .linker import Linked, iter_citations
from .messages import SOURCE_LANGUAGE, word
from .model import BulletList, CodeBlock, Document, Entry, Figure, Heading, Image, Inline, Paragraph, Quote, Span, Table, plain_text


def _label_order(label: str) -> tuple:
    return (0, int(label), "") if label.isdecimal() and len(label) < 19 else (1, 0, label)


def check_json(linked: Linked, language: str = SOURCE_LANGUAGE) -> dict:
    """The `check --json` object (a public interface: see the README), messages in `language`."""
    doc = linked.document
    citations = []
    unresolved: set[str] = set()
    for cite in iter_citations(doc):
        for ref in cite.refs:
            item = {
                "label": ref.label,
                "line": cite.span.line,
                "column": cite.span.column,
                "resolved": ref.entry is not None,
                "entry": ref.entry,
            }
            if ref.locator:
                item["locator"] = ref.locator
            if cite.span.page is not None:
                item["page"] = cite.span.page
            if cite.span.paragraph is not None:
                item["paragraph"] = cite.span.paragraph
            if ref.metadata:  # what a Zotero/Mendeley citation field says the item is
                item["metadata"] = dict(ref.metadata)
            citations.append(item)
            if ref.entry is None:
                unresolved.add(ref.label)
    author_year = [_author_year_json(link) for link in linked.author_year]
    used = {c["entry"] for c in citations if c["entry"]} | {key for c in author_year for key in c["entries"]}
    counts = Counter(d.severity.value for d in linked.diagnostics)
    return {
        "file": doc.path,
        "bibliography": linked.bib_path,
        "encoding": doc.encoding,
        "citations": citations,
        "author_year_citations": author_year,
        "unresolved": sorted(unresolved, key=_label_order),
        "unused": [e.key for e in doc.references if e.key not in used],
        "entries": len(doc.references),
        "diagnostics": [d.to_json(language) for d in linked.diagnostics],
        "summary": {"errors": counts["error"], "warnings": counts["warning"], "notes": counts["note"]},
    }


def _author_year_json(link) -> dict:
    """An author–year citation as `check --json` gives it: as written, its paragraph's place,
    the keys of the entries it names (empty: none, and a CIT007 says so)."""
    item = {"written": link.written, "line": link.span.line, "column": link.span.column, "resolved": bool(link.entries), "entries": list(link.entries)}
    for name in ("page", "paragraph"):
        if getattr(link.span, name) is not None:
            item[name] = getattr(link.span, name)
    return item


def in_language(report: dict, language: str) -> dict:
    """A `check --json` object with its messages in `language` (reports cross processes as JSON)."""
    return {**report, "diagnostics": [Diagnostic.from_json(d).to_json(language) for d in report["diagnostics"]]}


def summary_line(report: dict, language: str = SOURCE_LANGUAGE) -> str:
    """`paper.txt: 8 citations, 0 resolved, 7 unresolved labels (1, 2, …), 0 entries, 8 errors, 4 warnings`."""
    s = report["summary"]
    unresolved = report["unresolved"]
    cited = report["citations"] + report.get("author_year_citations", [])  # a report written before them has none
    parts = [
        word("summary.citations", language, count=len(cited)),
        word("summary.resolved", language, count=sum(c["resolved"] for c in cited)),
        word("summary.unresolved", language, count=len(unresolved)) + (f" ({', '.join(unresolved[:12])}{', …' if len(unresolved) > 12 else ''})" if unresolved else ""),
        word("summary.entries", language, count=report["entries"]),
        word("summary.errors", language, count=s["errors"]),
        word("summary.warnings", language, count=s["warnings"]),
    ]
    return f"{report['file']}: " + ", ".join(parts)


def text_lines(linked: Linked, language: str = SOURCE_LANGUAGE) -> list[str]:
    return [d.format(language) for d in linked.diagnostics]


# ---- the `inspect` view of the model ----------------------------------------------------


def inline_text(inlines: tuple[Inline, ...]) -> str:
    """The text of a run as written: citations keep their brackets (`[13]`)."""
    return plain_text(inlines)


def _span(span: Span) -> dict:
    out = {"line": span.line, "column": span.column, "end_line": span.end_line, "end_column": span.end_column}
    if span.page is not None:
        out["page"] = span.page
    if span.paragraph is not None:
        out["paragraph"] = span.paragraph
    return out


def _image_json(image: Image) -> dict:
    return {"media_type": image.media_type, "width": image.width, "height": image.height, "bytes": len(image.data), "name": image.name, "alt": image.alt}


def _table_json(block: Table) -> dict:
    """A table's cells as text; its caption, number, label, column shares and merged cells when it has them."""
    out = {"type": "table", **_span(block.span), "header_rows": block.header_rows, "rows": [[inline_text(cell.inlines) for cell in row] for row in block.rows]}
    if block.caption or block.number or block.label:
        out.update(caption=inline_text(block.caption), number=block.number, label=block.label)
    if block.kind != "table":
        out["kind"] = block.kind  # a table the paper captions as a figure
    if block.widths:
        out["widths"] = list(block.widths)
    spans = [[r, c, cell.rowspan, cell.colspan] for r, row in enumerate(block.rows) for c, cell in enumerate(row) if cell.rowspan > 1 or cell.colspan > 1]
    if spans:
        out["spans"] = spans  # [row, cell index in that row, rowspan, colspan]
    return out


def _entry_json(entry: Entry) -> dict:
    item = {"key": entry.key, "number": entry.number, **_span(entry.span), "type": entry.entry_type}
    if entry.text:
        item["text"] = entry.text
    if entry.fields:
        item["fields"] = dict(entry.fields)
    if entry.form:
        item["form"] = entry.form
    if entry.field_spans:
        item["field_spans"] = {name: _span(span) for name, span in entry.field_spans}
    if entry.field_confidence:
        item["field_confidence"] = dict(entry.field_confidence)
    if entry.links:
        item["links"] = [{"text": words, "address": address} for words, address in entry.links]
    return item


def _list_json(block: BulletList) -> dict:
    """A list for `inspect`: its items, each with the lists nested in it (`lists`) when it holds any."""
    items = []
    for i in block.items:
        item = {**_span(i.span), **({"label": i.label} if i.label else {}), "text": inline_text(i.inlines)}
        nested = [_list_json(b) for b in i.blocks if isinstance(b, BulletList)]
        items.append({**item, "lists": nested} if nested else item)
    return {"type": "list", **_span(block.span), "items": items}


def model_json(doc: Document) -> dict:
    """The `inspect` object (a public interface: see the README)."""
    m = doc.meta
    blocks = []
    for block in doc.blocks:
        if isinstance(block, BulletList):
            blocks.append(_list_json(block))
        elif isinstance(block, Table):
            blocks.append(_table_json(block))
        elif isinstance(block, Figure):
            blocks.append({"type": "figure", "kind": block.kind, **_span(block.span), "number": block.number, "label": block.label,
                           "caption": inline_text(block.caption), "images": [_image_json(i) for i in block.images]})
        elif isinstance(block, CodeBlock):
            blocks.append({"type": "code", **_span(block.span), "language": block.language, "text": block.text})
        elif isinstance(block, Heading):
            blocks.append({"type": "heading", "level": block.level, **_span(block.span), "text": inline_text(block.inlines)})
        else:
            kind = {Paragraph: "paragraph", Quote: "quote"}[type(block)]
            blocks.append({"type": kind, **_span(block.span), "text": inline_text(block.inlines)})
    return {
        "file": doc.path,
        "encoding": doc.encoding,
        "meta": {
            "udc": m.udc,
            "irsti": m.irsti,
            "title": m.title_text,
            "authors": list(m.authors),
            "affiliations": list(m.affiliations),
            "position": m.position,
            "supervisor": m.supervisor,
            "language": m.language,
            "abstract": m.abstract_text,
            "keywords": list(m.keywords),
            # every abstract and keyword set by language, and the title block in other languages
            "abstracts": [{"language": lang, "text": inline_text(run)} for lang, run in m.abstracts],
            "keyword_sets": [{"language": lang, "keywords": list(words)} for lang, words in m.keyword_sets],
            "translations": [
                {"language": t.language, "title": t.title_text, "authors": list(t.authors), "affiliations": list(t.affiliations)} for t in m.translations
            ],
        },
        "blocks": blocks,
        "references": [_entry_json(e) for e in doc.references],
    }
