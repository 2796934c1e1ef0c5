"""Aligned equations (`aligned`, `alignedat`) reach every edition: latex2mathml 3.81 wrote their
column `&` into the MathML bare (no XML), so a paper holding one died in the DOCX edition with
an internal error (exit 3). They are read as `split` (the same two-sided alignment); the Word
table justifies its columns as the MathML asks, and no empty run stands in it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile

import pytest
from lxml import etree

from exporter.media.formulas import FormulaError, mathml
from exporter.media.omml import tex_to_omml
from helpers import run_cli

M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
ALIGNED = r"\begin{aligned} a &= b + c \\ d &= e \end{aligned}"


@pytest.mark.parametrize("tex", [ALIGNED, r"\begin{alignedat}{2} a &= b \\ d &= e \end{alignedat}"])
def test_aligned_mathml_is_a_table_of_two_rows(tex):
    root = ET.fromstring(mathml(tex, display=True))
    ns = "{http://www.w3.org/1998/Math/MathML}"
    rows = root.findall(f".//{ns}mtr")
    assert len(rows) == 2 and [td.get("columnalign") for td in rows[0].findall(f"{ns}mtd")] == ["right", "left"]
    assert "".join(rows[1].itertext()) == "d=e"


def test_mathml_that_is_no_xml_is_a_formula_error(monkeypatch):
    import latex2mathml.converter

    monkeypatch.setattr(latex2mathml.converter, "convert", lambda tex, display="inline": "<math><mi>&</mi></math>")
    with pytest.raises(FormulaError, match="not well-formed"):
        mathml("a & b")


def test_word_table_justifies_columns_and_has_no_empty_run():
    root = etree.fromstring(tex_to_omml(ALIGNED, display=True).encode())
    jc = [e.get(f"{{{M}}}val") for e in root.iter(f"{{{M}}}mcJc")]
    assert jc == ["right", "left"]
    assert all((t.text or "") for t in root.iter(f"{{{M}}}t"))
    rows = list(root.iter(f"{{{M}}}mr"))
    assert ["".join(t.text for t in r.iter(f"{{{M}}}t")) for r in rows] == ["a=b+c", "d=e"]


def test_a_paper_with_an_aligned_equation_builds_every_edition(tmp_path):
    paper = tmp_path / "al.md"
    paper.write_text(f"---\ntitle: T\n---\n\nThe sums:\n\n$${ALIGNED}$$\n", encoding="utf-8")
    result = run_cli("build", str(paper), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "out" / "al.docx") as z:
        body = etree.fromstring(z.read("word/document.xml"))
    (table,) = body.iter(f"{{{M}}}m")
    assert [e.get(f"{{{M}}}val") for e in table.iter(f"{{{M}}}mcJc")] == ["right", "left"]
    assert "\\begin{aligned}" in (tmp_path / "out" / "al.tex").read_text(encoding="utf-8")
