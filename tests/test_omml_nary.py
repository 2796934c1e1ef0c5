"""Big operators (∑ ∏ ∫ with limits) written as Word n-aries (`m:nary`): the operand is a whole
term, so a bracket never stands in it without its close (LibreOffice shows such a formula's
halves as `¿`, its sign for a formula it cannot parse)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from lxml import etree

from exporter.media.omml import tex_to_omml

M = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def m(name: str) -> str:
    return f"{{{M}}}{name}"


def text(element) -> str:
    return "".join(t.text or "" for t in element.iter(m("t")))


def naries(tex: str):
    root = etree.fromstring(tex_to_omml(tex, display=True).encode())
    return root, list(root.iter(m("nary")))


@pytest.mark.parametrize("tex, operand, after", [
    (r"\sum_{i=1}^{n} x_i", "xi", ""),
    (r"\sum_{i=1}^{n} (x_i + 1)", "(xi+1)", ""),  # was "(" alone, then "xi+1)" after the n-ary
    (r"\sum_{i=1}^{n} (x_i + 1) = S", "(xi+1)", "=S"),
    (r"\prod_{k} [a (b) c] d", "[a(b)c]", "d"),  # brackets nest
    (r"\sum_{i} -x_i + 1", "−xi", "+1"),  # a sign with what it signs
    (r"\sum_{i=1}^{n} x_i = S", "xi", "=S"),
])
def test_nary_operand_is_a_whole_term(tex, operand, after):
    root, found = naries(tex)
    nary = found[0]
    assert nary.find(f"{m('naryPr')}/{m('chr')}").get(m("val")) in "∑∏"
    assert [_local(c) for c in nary] == ["naryPr", "sub", "sup", "e"]  # CT_Nary's order
    assert text(nary.find(m("e"))) == operand
    math = root.find(m("oMath"))
    assert "".join(text(c) for c in list(math)[list(math).index(nary) + 1:]) == after


def _local(element) -> str:
    return etree.QName(element).localname


def test_nested_sums_are_naries_inside_naries():
    root, found = naries(r"\sum_{i} \sum_{j} a_{ij} + 1")
    assert len(found) == 2 and found[1].getparent().getparent() is found[0]  # the inner one is the outer's m:e
    assert text(found[1].find(m("e"))) == "aij"


def test_libreoffice_draws_a_sum_of_a_bracket_without_an_error(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or pdftotext is not installed")
    from exporter.pipeline import read_and_link
    from exporter.venue import Template
    from exporter.writers import Edition
    from exporter.writers.docx import render

    paper = tmp_path / "sums.md"
    paper.write_text("---\ntitle: Sums\nlanguage: en\n---\n\nThe total:\n\n$$\\sum_{i=1}^{n} (x_i + 1)$$\n", encoding="utf-8")
    (tmp_path / "sums.docx").write_bytes(render(Edition(read_and_link(str(paper)), Template.load("kz-conference"))))
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "sums.docx")],
                   capture_output=True, timeout=300)
    assert (tmp_path / "sums.pdf").is_file(), "LibreOffice did not convert the DOCX"
    page = subprocess.run(["pdftotext", str(tmp_path / "sums.pdf"), "-"], capture_output=True, text=True, timeout=60).stdout
    assert "∑" in page and "¿" not in page
