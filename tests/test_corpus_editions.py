"""Corpus Word papers full of formulas: every edition carries each equation as a formula object,
and the LaTeX edition and the zip package compile (issue 15). Counted from the files, as
bench/fidelity.py counts them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from exporter.build import build_one
from exporter.venue import Template
from media_samples import corpus_docx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import fidelity  # noqa: E402

CORPUS = corpus_docx()
XELATEX = shutil.which("xelatex")
pytestmark = pytest.mark.skipif(CORPUS is None or not XELATEX, reason="the corpus or xelatex is not on this machine")


@pytest.mark.parametrize("paper", ["ru_frolovskaya_particle_filter", "ru_perminova_visitor_counting"])
def test_every_equation_reaches_every_edition_and_it_compiles(paper, tmp_path):
    source = CORPUS / f"{paper}.docx"
    counts = fidelity.docx_counts(source.read_bytes())
    built = build_one(str(source), None, Template.load("kz-conference"), ["docx", "pdf", "latex", "zip"], tmp_path)
    files = {p.suffix: p for p in built.files}
    assert fidelity.docx_counts(files[".docx"].read_bytes())["equations"] == counts["equations"]
    assert fidelity.pdf_counts(files[".pdf"].read_bytes())["equations"] == counts["equations"]
    assert fidelity.latex_counts(files[".tex"].read_text(encoding="utf-8"))["equations"] == counts["equations"]
    for folder in (tmp_path, tmp_path / "zip"):
        if folder.name == "zip":
            zipfile.ZipFile(files[".zip"]).extractall(folder)
        run = subprocess.run([XELATEX, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", f"{paper}.tex"], cwd=folder, capture_output=True, text=True, errors="replace", timeout=600)
        assert run.returncode == 0, run.stdout[-2000:]
