"""`build --to zip`: the submission package compiles on its own (issue 15)."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import pytest

from exporter.writers import package
from helpers import DEMO, DEMO_BIB, run_cli
from media_samples import media_edition

XELATEX = shutil.which("xelatex")


def _compile(folder, stem: str) -> subprocess.CompletedProcess:
    for _ in range(2):
        run = subprocess.run([XELATEX, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", f"{stem}.tex"], cwd=folder, capture_output=True, text=True, errors="replace", timeout=300)
    return run


def test_package_holds_tex_media_and_the_cited_entries():
    edition = media_edition()
    edition.stem = "paper"
    data = package.render(edition)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "paper.tex" in names and "paper.bib" in names
    assert sum(n.startswith("paper.media/picture") for n in names) == 3
    bib = zipfile.ZipFile(io.BytesIO(data)).read("paper.bib").decode()
    assert bib.count("@") == 1 and "particle filtering" in bib
    assert package.render(edition) == data  # the same bytes every time


@pytest.mark.skipif(not XELATEX, reason="xelatex not installed")
def test_built_zip_compiles_on_its_own(tmp_path):
    out = tmp_path / "out"
    result = run_cli("build", str(DEMO), "--bib", str(DEMO_BIB), "--to", "zip", "--out", str(out))
    assert result.returncode == 0, result.stderr
    archive = out / f"{DEMO.stem}.zip"
    assert sorted(p.name for p in out.iterdir()) == sorted([archive.name, f"{DEMO.stem}.report.json"])
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(archive).extractall(unpacked)
    run = _compile(unpacked, DEMO.stem)
    assert run.returncode == 0, run.stdout[-2000:]
    assert (unpacked / f"{DEMO.stem}.bib").read_text().count("@") >= 1


@pytest.mark.skipif(not XELATEX, reason="xelatex not installed")
def test_media_zip_compiles_on_its_own(tmp_path):
    edition = media_edition()
    edition.stem = "media"
    zipfile.ZipFile(io.BytesIO(package.render(edition))).extractall(tmp_path)
    run = _compile(tmp_path, "media")
    assert run.returncode == 0, run.stdout[-2000:]
    listing = subprocess.run(["pdfimages", "-list", str(tmp_path / "media.pdf")], capture_output=True, text=True).stdout.splitlines()[2:]
    assert len(listing) >= 2
