"""Quoting a finding's place in words, for sources whose spans number paragraphs (a DOCX):
a person finds a paragraph number by searching for the words around it, not by going to a
line. Everything it needs is in the model (the spans and the inlines): it is format-blind."""

from __future__ import annotations

import dataclasses

from .model import CONTAINERS, Citation, Code, CrossRef, LineBreak, Math, Text, inline_runs

# Unicode's OBJECT REPLACEMENT CHARACTER: a reader's stand-in for an embedded object (the DOCX
# reader's formulas) in a paragraph's text; a gap between words when quoted.
OBJECT = "\ufffc"


def context_at(text: str, start: int, end: int | None = None, width: int = 30) -> str:
    """A few whole words around `text[start:end]`, to find the place with Word's search."""
    end = start if end is None else end
    left = max(0, start - width)
    right = min(len(text), end + width)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    return " ".join(text[left:right].replace(OBJECT, " ").split())


def _run_places(inlines, out: dict, texts: list[str]) -> None:
    """Append the run's text to `texts`; note where each citation starts in it."""
    for node in inlines:
        offset = sum(len(t) for t in texts)
        if isinstance(node, Citation):
            if node.span.paragraph is not None:
                out.setdefault((node.span.paragraph, node.span.column), (texts, offset, offset + len(node.raw)))
            texts.append(node.raw)
        elif isinstance(node, (Text, Code)):
            texts.append(node.text)
        elif isinstance(node, CrossRef):  # `рисунке 3` as written: a quote without it is not found by Word's search
            texts.append(node.raw)
        elif isinstance(node, (Math, LineBreak)):
            texts.append(" ")
        elif isinstance(node, CONTAINERS):
            _run_places(node.inlines, out, texts)


def quote_places(linked):
    """The same findings, each with a paragraph and no context given a few words of context."""
    if not any(d.paragraph is not None and d.context is None for d in linked.diagnostics):
        return linked
    doc = linked.document
    cites: dict = {}
    paragraphs: dict[int, str] = {}
    for block in doc.blocks:
        for run in inline_runs(block):
            texts: list[str] = []
            _run_places(run, cites, texts)
            if block.span.paragraph is not None:
                paragraphs.setdefault(block.span.paragraph, "".join(texts))
    entries = {(e.span.paragraph, e.span.column): e.text for e in doc.references if e.span.paragraph is not None}
    out = []
    for d in linked.diagnostics:
        if d.paragraph is not None and d.context is None:
            key = (d.paragraph, d.column)
            if key in cites:
                texts, start, end = cites[key]
                context = context_at("".join(texts), start, end)
            elif key in entries:
                context = " ".join(entries[key].split()[:8])
            elif d.paragraph in paragraphs:
                context = context_at(paragraphs[d.paragraph], max(d.column - 1, 0))
            else:
                context = None
            d = dataclasses.replace(d, context=context or None)
        out.append(d)
    return dataclasses.replace(linked, diagnostics=tuple(out))
