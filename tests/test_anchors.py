"""Link targets: every entry its own anchor, whatever its key (issue 17, item 3)."""

from __future__ import annotations

import io
import re

import pytest

from exporter.linker import Linked
from exporter.model import Citation, CiteRef, Document, Entry, Meta, Paragraph, Span, Text
from exporter.venue import Template
from exporter.transforms.bibliography import anchor, unique_anchors
from exporter.writers import Edition

SPAN = Span(1, 1, 1, 2)
# Zotero item URIs as citation keys (as a DOCX citation field gives them): 60 items whose
# ends differ only in the order of their digits, the case an order-blind sum cannot tell apart.
ZOTERO = [f"http://zotero.org/users/4711/items/doi:10.1016.j.jss.2020.01.{n:03d}" for n in range(60)]


def test_the_issue_pair_gets_two_targets():
    a, b = "http://zotero.org/users/4711/items/10.1016/j.jss.2020.01.001", "http://zotero.org/users/4711/items/10.1016/j.jss.2020.01.010"
    assert sum(map(ord, a)) == sum(map(ord, b))  # what the old name keyed on: the same
    assert anchor(a) != anchor(b)


def test_anchor_names_are_safe_short_and_stable():
    for key in [*ZOTERO, "smith2020", "Әбілов 2010", "a b", "a_b", "x" * 200]:
        name = anchor(key)
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,39}", name), name
        assert anchor(key) == name  # the same key, the same name, in every edition
    assert anchor("smith2020") == "ref_smith2020"  # a plain key stays readable
    assert anchor("a b") != anchor("a_b")  # substitution never merges two keys


def test_sixty_zotero_keys_sixty_targets():
    assert len(set(unique_anchors(ZOTERO))) == 60


def test_a_clash_is_refused_not_written():
    import exporter.transforms.bibliography as writers

    original = writers.anchor
    writers.anchor = lambda key: "ref_same"
    try:
        with pytest.raises(AssertionError, match="clash"):
            unique_anchors(["a", "b"])
    finally:
        writers.anchor = original


def _zotero_edition() -> Edition:
    entries = tuple(Entry(key, n, Span(10 + n, 1, 10 + n, 5), text=f"Author {n}. Title number {n}. 2020.") for n, key in enumerate(ZOTERO, start=1))
    cites = []
    for n, key in enumerate(ZOTERO, start=1):
        raw = f"[{n}]"
        cites += [Citation(raw, (CiteRef(str(n), entry=key, start=1, end=1 + len(str(n))),), SPAN), Text(" ")]
    doc = Document("z.txt", Meta(title=(Text("Z"),), language="en"), (Paragraph(tuple(cites), SPAN),), references=entries)
    return Edition(Linked(doc, ()), Template.load("article"))


def test_pdf_each_citation_links_to_its_own_entry():
    """Read the PDF back: the link on label n lands on the page line of entry n."""
    from pypdf import PdfReader

    from exporter.writers import pdf

    reader = PdfReader(io.BytesIO(pdf.render(_zotero_edition())))
    # each link's destination: (page object, top); sixty entries stand on sixty lines
    targets = [tuple(map(str, a.get_object()["/Dest"])) for page in reader.pages for a in page.get("/Annots") or [] if "/Dest" in a.get_object()]
    assert len(targets) == 60 and len(set(targets)) == 60


def test_docx_each_citation_link_has_its_own_bookmark():
    import docx
    from docx.oxml.ns import qn

    from exporter.writers import docx as docx_writer

    document = docx.Document(io.BytesIO(docx_writer.render(_zotero_edition())))
    body = document.element.body
    bookmarks = [b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))]
    links = [h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink"))]
    assert len(set(bookmarks)) == 60 and links == [anchor(k) for k in ZOTERO]
    assert set(links) <= set(bookmarks)
