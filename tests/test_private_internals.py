"""Library internals we lean on (exporter/speedups.py, the PDF link fix in writers/pdf.py):
each is checked once (library version, names present), falls back to the public path when the
check fails, and both paths are tested here. The first test fails when an upgrade of a pinned
library changes them: then re-read the internals and the version in the table. (reportlab's
`Table._cellvalues`, read by writers/pdf_pages.py `table_rows`, is checked in
tests/test_pdf_tall_blocks.py.)"""

from __future__ import annotations

import pytest

from helpers import DEMO, DEMO_BIB

from exporter import speedups
from exporter.pipeline import read_and_link
from exporter.venue import Template
from exporter.writers import Edition, docx as docx_writer, pdf


@pytest.fixture(scope="module")
def demo() -> Edition:
    return Edition(read_and_link(str(DEMO), str(DEMO_BIB)), Template.load("kz-conference"))


@pytest.fixture
def fresh_check(monkeypatch):
    """`speedups.supported` checks once per process: forget around a test that changes a library."""
    monkeypatch.delenv("EXPORTER_PLAIN", raising=False)
    speedups.supported.cache_clear()
    yield
    speedups.supported.cache_clear()


def test_the_pinned_libraries_still_have_what_we_use(fresh_check):
    assert speedups.supported("docxzip") and speedups.supported("rlfont")
    assert speedups.enabled("docxzip")
    assert pdf.LINK_FIX and pdf.link_fix_applies()


def test_the_fast_docx_path_is_the_one_taken(fresh_check, monkeypatch, demo):
    def not_expected(data):
        raise AssertionError("the plain path ran")

    monkeypatch.setattr(docx_writer, "normalize_zip", not_expected)
    assert docx_writer.render(demo)[:2] == b"PK"


@pytest.mark.parametrize("change", ["helper renamed", "another version"])
def test_a_docx_build_falls_back_to_the_public_path(fresh_check, monkeypatch, demo, change):
    """Issue 17, item 11: with python-docx's private helper renamed every DOCX build exited 3."""
    fast = docx_writer.render(demo)
    speedups.supported.cache_clear()
    if change == "helper renamed":
        from docx.opc.pkgwriter import PackageWriter, PhysPkgWriter

        renamed = PackageWriter._write_parts

        def write(pkg_file, pkg_rels, parts):  # the library's public method, calling its renamed helper
            phys_writer = PhysPkgWriter(pkg_file)
            PackageWriter._write_content_types_stream(phys_writer, parts)
            PackageWriter._write_pkg_rels(phys_writer, pkg_rels)
            renamed(phys_writer, parts)
            phys_writer.close()

        monkeypatch.setattr(PackageWriter, "write", staticmethod(write))
        monkeypatch.delattr(PackageWriter, "_write_parts")
    else:
        import docx

        monkeypatch.setattr(docx, "__version__", "1.3.0")  # where speedups reads python-docx's version
    assert not speedups.supported("docxzip") and not speedups.enabled("docxzip")
    assert docx_writer.render(demo) == fast  # the plain path: the same bytes


@pytest.mark.parametrize("change", ["hook gone", "another version"])
def test_the_link_fix_sees_when_reportlab_no_longer_calls_its_hook(monkeypatch, change):
    from reportlab.platypus import paragraph

    if change == "hook gone":
        def _putFragLine(cur_x, tx, line, last, pKind):  # a reportlab that never asks for `_linkRecord`
            return None

        monkeypatch.setattr(paragraph, "_putFragLine", _putFragLine)
    else:
        monkeypatch.setattr(pdf.reportlab, "Version", "5.2.0")
    assert not pdf.link_fix_applies()


def test_without_the_link_fix_every_citation_still_links_to_its_entry(monkeypatch, demo):
    """The public path: reportlab's own link rectangles (too far left in a justified line, the
    bug the fix works around), every link still there and leading where it did."""
    from io import BytesIO

    from pypdf import PdfReader

    def links(data: bytes) -> list[tuple[int, list]]:
        reader = PdfReader(BytesIO(data))
        pages = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
        out = []
        for page in reader.pages:
            for ref in page.get("/Annots") or []:
                annot = ref.get_object()
                if annot.get("/Subtype") == "/Link":
                    dest = annot["/Dest"]
                    out.append((pages[dest[0].idnum], [float(v) for v in dest[2:]]))
        return out

    fixed = links(pdf.render(demo))
    monkeypatch.setattr(pdf, "LINK_FIX", False)
    plain = links(pdf.render(demo))
    assert len(fixed) == 8 and plain == fixed


def test_the_versions_read_from_the_packages_are_those_installed():
    """speedups reads a pinned library's version from its package (VERSION_ATTRIBUTE) rather
    than importlib.metadata: the two agree for every one of them."""
    from importlib import metadata

    for distribution in speedups.VERSION_ATTRIBUTE:
        assert speedups.installed_version(distribution) == metadata.version(distribution), distribution
