"""The shared model pieces every reader and writer stands on: label offsets and the one walk."""

from __future__ import annotations

import pytest

from exporter.citations import find_citations
from exporter.model import (
    BulletList, Cell, Citation, CiteRef, Emph, Footnote, Heading, ListItem, Math, Paragraph, Span, Table, Text,
    map_inlines, plain_text, walk,
)
from exporter.transforms.bibliography import Piece, anchor, citation_pieces

SPAN = Span(1, 1, 1, 2)


def _linked(raw: str) -> Citation:
    """The bracket as the reader finds it, each label linked to the entry of its own number."""
    (found,), _ = find_citations(raw)
    refs = tuple(CiteRef(r.label, r.locator, r.label, r.valid, r.start, r.end, r.item_start, r.item_end) for r in found.refs)
    return Citation(found.raw, refs, SPAN)


@pytest.mark.parametrize(
    "raw, linked",
    [
        ("[1, p. 1]", ["1"]),  # the page 1 is not entry 1 (bug: it used to be linked)
        ("[2, pp. 2–3]", ["2"]),  # nor the 2 of the page range
        ("[12, б. 45]", ["12"]),
        ("[3–5]", ["3", "5"]),  # a range shows its ends; 4 has no text of its own
        ("[4, 5, 45 б.]", ["4", "5"]),
    ],
)
def test_only_labels_are_linked_never_a_locator(raw, linked):
    pieces = citation_pieces(_linked(raw))
    assert "".join(p.text for p in pieces) == raw  # nothing lost or added
    assert [p.text for p in pieces if p.target] == linked
    assert all(p.target == anchor(p.text) for p in pieces if p.target)


def test_label_offsets_point_at_the_label_in_the_bracket():
    (found,), _ = find_citations("see [7, с. 7; 17]")
    assert [(found.raw[r.start:r.end], r.locator) for r in found.refs] == [("7", "с. 7"), ("17", None)]
    (found,), _ = find_citations("[10–12]")
    assert {found.raw[r.item_start:r.item_end] for r in found.refs} == {"10–12"}


def test_walk_reaches_citations_in_every_kind_of_block_and_container():
    cite = Citation("[1]", (CiteRef("1"),), SPAN)
    blocks = (
        Heading(1, (Text("Intro "), cite), SPAN),
        Paragraph((Emph((Text("a"), cite)), Footnote((cite,))), SPAN),
        BulletList((ListItem((cite,), SPAN),), SPAN),
        Table(((Cell((Text("x"),)), Cell((cite,))),), SPAN),
    )
    assert sum(isinstance(n, Citation) for n in walk(blocks)) == 5
    relabelled = map_inlines(lambda n: Text("<c>") if isinstance(n, Citation) else n, blocks)
    assert not any(isinstance(n, Citation) for n in walk(relabelled))
    assert plain_text(relabelled[1].inlines) == "a<c><c>"


def test_walk_refuses_an_unknown_block():
    with pytest.raises(TypeError):
        list(walk((object(),)))
    assert plain_text((Text("x = "), Math("[0, 1]"))) == "x = [0, 1]"
