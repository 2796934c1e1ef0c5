"""Quoting the place of each finding in a paragraph-numbered source (DOCX), so a person can
find it with Word's search: a few words around the citation, the entry's first words."""

from __future__ import annotations

import dataclasses

from ...model import CONTAINERS, Citation, Math, Text, inline_runs
from .reader import context_at


def _run_places(inlines, out: dict, texts: list[str]) -> None:
    """Append the run's text to `texts`; note where each citation starts in it."""
    for node in inlines:
        offset = sum(len(t) for t in texts)
        if isinstance(node, Citation):
            if node.span.paragraph is not None:
                out.setdefault((node.span.paragraph, node.span.column), (texts, offset, offset + len(node.raw)))
            texts.append(node.raw)
        elif isinstance(node, Text):
            texts.append(node.text)
        elif isinstance(node, Math):
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
