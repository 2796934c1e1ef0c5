"""The glyph policy: one check over everything an edition renders.

A character that no font of the venue draws never stops a build: every edition shows the
same replacement (`FontSet.replacement`, U+FFFD) in its place, and each such character is
reported once per source line as GLY001 at `file:line:col` (under `build --strict` it fails
the build's exit status).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..diagnostics import Diagnostic
from ..model import Bibliography, Citation, Code, CodeBlock, Math, Span, Text, inline_runs, iter_inlines
from . import Edition


def rendered_texts(edition: Edition) -> Iterator[tuple[str, str, Span | None]]:
    """Every text an edition draws, with the file and place it comes from: the title block,
    the body (text, citations, formulas, notes), the entries, the venue's labels, the notes of
    the unresolved list (which print the paper's path)."""
    doc = edition.document
    for line in edition.title_lines:
        for node in (node for run in line.runs() for node in iter_inlines(run)):
            if isinstance(node, Text):
                yield node.text, doc.path, None
            elif isinstance(node, Citation):
                yield node.raw, doc.path, node.span
    venue = str(edition.template.folder / "template.toml")
    for block in doc.blocks:
        if isinstance(block, Bibliography):  # its heading is the venue's word; its items come from the entries or the citations
            yield block.title, venue, None
            path = doc.path if block.kind == "unresolved" else edition.linked.bib_path or doc.path
            for item in block.items:
                for node in iter_inlines(item.inlines):
                    if isinstance(node, Text):
                        yield node.text, path, item.span
            continue
        for run in inline_runs(block):
            for node in iter_inlines(run):
                if isinstance(node, Text):
                    yield node.text, doc.path, block.span
                elif isinstance(node, Citation):
                    yield node.raw, doc.path, node.span
                elif isinstance(node, Math):
                    yield node.tex, doc.path, block.span
                elif isinstance(node, Code):
                    yield node.text, doc.path, node.span
        if isinstance(block, CodeBlock):
            yield block.text, doc.path, block.span
    odd, even = edition.template.running_heads(doc.meta)
    yield odd + even, venue, None
    labels = edition.labels
    for word in (labels.references, labels.unresolved, labels.notes):  # (a list's heading is yielded with the list)
        yield word, venue, None


def _source_lines(path: str) -> list[str] | None:
    """The source's lines when it is a text format (plain text, Markdown: a column means
    something), else None (a DOCX or PDF: findings take the paragraph's or page's place)."""
    from ..diagnostics import InputError
    from ..readers import choose_reader, reader
    from ..sourcefile import read_source, split_lines

    try:
        if not getattr(reader(choose_reader(path)), "TEXT", False):
            return None
        return split_lines(read_source(path).text)
    except InputError:
        return None


def glyph_findings(edition: Edition) -> list[Diagnostic]:
    """GLY001 for each character of the edition that no font of its venue has."""
    fonts = edition.template.fonts
    first_seen: dict[str, tuple[str, Span | None]] = {}
    for text, path, span in rendered_texts(edition):
        if fonts.uncovered(text) is None:  # the common case: one regex pass, nothing missing
            continue
        for ch in text:
            if ch not in first_seen and fonts.face_for(ch) is None:
                first_seen[ch] = (path, span)
    if not first_seen:
        return []
    shown = fonts.replacement[1]
    venue = edition.template.name
    doc_path = edition.document.path
    lines = _source_lines(doc_path)
    findings = []
    for ch, (path, span) in first_seen.items():
        said = {"template": venue, "codepoint": f"U+{ord(ch):04X}", "character": ch, "replacement": shown}
        places = []
        if path == doc_path and lines is not None:
            for number, line in enumerate(lines, start=1):
                column = line.find(ch)
                if column >= 0:
                    places.append((number, column + 1))
        if places:
            findings.extend(Diagnostic.at_line("GLY001", doc_path, line, column, **said) for line, column in places)
        elif ch in doc_path and span is not None:  # only in the file's name, printed by the unresolved list
            findings.append(Diagnostic.at("GLY001", doc_path, span, variant="file-name", name=Path(doc_path).name, **said))
        elif span is not None:
            findings.append(Diagnostic.at("GLY001", path, span, **said))
        else:
            findings.append(Diagnostic.at_line("GLY001", path, 1, 1, **said))
    return findings
