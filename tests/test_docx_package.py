"""The DOCX edition's package: only the styles, lists and parts the edition uses, and every
style or list a part names defined (a style named but missing makes Word fall back to Normal)."""

from __future__ import annotations

import io
import posixpath
import zipfile

import pytest
from lxml import etree
from PIL import Image as PILImage

from exporter.pipeline import read_and_link
from exporter.venue import Template
from exporter.writers import Edition
from exporter.writers.docx import render

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


# Every construct the DOCX writer gives a style of its own: title block, headings (two levels),
# body, a table with its caption, a figure and its caption, display and inline math, a quote,
# a bullet list, a code block and inline code, a footnote, links, a cross-reference, a resolved
# and an unresolved citation (a comment), the reference list.
PAPER = """---
title: Every construct
authors: [Ivan Petrov]
language: en
---

# Introduction

Text citing [1] and a missing entry [9], with a note.[^1] See <https://example.org>.

Table 1 – Results

| Method | Error |
|---|---|
| A | 0.1 |

Inline code `x = 1` and inline math $a^2 + b^2 = c^2$.

$$\\sum_{i=1}^{n} x_i$$

> A quotation.

- first item
- second item

```
def f(x):
    return x
```

![Figure 1 – A picture](fig.png)

## Second level

As Fig. 1 and Table 1 show.

[^1]: The footnote.

# References

1. Smith J. A book. Publisher, 2020. 100 p.
"""


@pytest.fixture(scope="module")
def every_construct(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("every")
    PILImage.new("RGB", (40, 20), "white").save(folder / "fig.png")
    (folder / "paper.md").write_text(PAPER, encoding="utf-8")
    return render(Edition(read_and_link(str(folder / "paper.md")), Template.load("kz-conference")))


@pytest.fixture(scope="module")
def one_word() -> bytes:
    from exporter.linker import Linked
    from exporter.model import Document, Meta, Text

    doc = Document("empty.docx", Meta(title=(Text("Title"),), language="en"), ())
    return render(Edition(Linked(doc, ()), Template.load("kz-conference")))


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def xml_parts(data: bytes) -> dict[str, etree._Element]:
    return {name: etree.fromstring(blob) for name, blob in members(data).items() if name.endswith((".xml", ".rels"))}


def named_styles(root) -> set[str]:
    return {e.get(w("val")) for e in root.iter(w("pStyle"), w("rStyle"), w("tblStyle"), w("numStyleLink"), w("styleLink"))}


def test_every_style_and_list_named_is_defined(every_construct):
    parts = xml_parts(every_construct)
    styles = {s.get(w("styleId")): s for s in parts["word/styles.xml"].iter(w("style"))}
    named = set()
    for name, root in parts.items():
        named |= named_styles(root)
    # the constructs above reach the styles the writer gives them
    assert {"Title", "Heading1", "Heading2", "BodyText", "TableGrid", "Caption", "Figure", "Equation", "Quote", "ListBullet", "SourceCode", "VerbatimChar",
            "FootnoteText", "FootnoteReference", "Hyperlink", "CommentText", "CommentReference", "Bibliography", "UnresolvedCitation", "Footer"} <= named
    assert named <= set(styles), f"named but not defined: {sorted(named - set(styles))}"
    for sid, style in styles.items():  # what a style is based on, links to, or hands the next paragraph
        for tag in ("basedOn", "link", "next"):
            ref = style.find(w(tag))
            assert ref is None or ref.get(w("val")) in styles, (sid, tag)
    numbering = parts["word/numbering.xml"]
    nums = {n.get(w("numId")): n.find(w("abstractNumId")).get(w("val")) for n in numbering.iter(w("num"))}
    abstracts = {a.get(w("abstractNumId")) for a in numbering.iter(w("abstractNum"))}
    used = {e.get(w("val")) for root in parts.values() for e in root.iter(w("numId"))}
    assert used and used <= set(nums)
    assert set(nums.values()) <= abstracts


def test_only_the_styles_the_edition_uses_are_written(every_construct, one_word):
    for data in (every_construct, one_word):
        parts = xml_parts(data)
        root = parts["word/styles.xml"]
        assert root.find(w("latentStyles")) is None and root.find(w("docDefaults")) is not None
        styles = {s.get(w("styleId")): s for s in root.iter(w("style"))}
        needed = set()
        for name, part in parts.items():
            if name != "word/styles.xml":
                needed |= named_styles(part)
        needed |= {sid for sid, s in styles.items() if s.get(w("default")) == "1"}
        while True:  # and what those are based on
            based = {styles[sid].find(w("basedOn")).get(w("val")) for sid in needed if sid in styles and styles[sid].find(w("basedOn")) is not None}
            if based <= needed:
                break
            needed |= based
        assert set(styles) == needed
        # Word's defaults of each kind stay
        assert {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"} <= set(styles)
    # the one-word paper uses no list: no list definitions
    assert "word/numbering.xml" not in members(one_word)


def test_parts_no_reader_needs_are_dropped_and_nothing_dangles(every_construct):
    found = members(every_construct)
    for gone in ("word/theme/theme1.xml", "word/fontTable.xml", "word/webSettings.xml", "docProps/app.xml", "word/stylesWithEffects.xml", "docProps/thumbnail.jpeg"):
        assert gone not in found
    types = etree.fromstring(found["[Content_Types].xml"])
    overrides = {o.get("PartName").lstrip("/") for o in types.iter(f"{{{CT_NS}}}Override")}
    assert overrides <= set(found), "a content type names a part the package lacks"
    for name in found:
        if not name.endswith(".rels"):
            continue
        base = posixpath.dirname(posixpath.dirname(name))
        for rel in etree.fromstring(found[name]).iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
            assert path in found, f"{name} points at {target}, which the package lacks"
    settings = etree.fromstring(found["word/settings.xml"])
    assert settings.find(w("rsids")) is None and settings.find(w("clrSchemeMapping")) is None
    assert settings.find(w("autoHyphenation")) is not None  # what the writer set stays


def test_a_one_word_paper_costs_a_few_kilobytes(one_word):
    # python-docx's template alone made it 19.5 KB (styles.xml: 343 KB inflated, 11.4 KB deflated);
    # what is left: the zip's directory, content types, relationships, core properties, the
    # settings, ten small styles, a footer and the one paragraph.
    assert len(one_word) < 6000
    assert len(members(one_word)["word/styles.xml"]) < 4000
