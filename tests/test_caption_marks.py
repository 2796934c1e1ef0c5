"""A numbered caption whose label the editions write (the source gave the number apart, as
Word's SEQ field does) joins its words with the venue's mark, the same in the three editions:
kz-conference follows GOST 7.32 (`Рисунок 2 – Функции …`), the plain article keeps `. `.
Before, the PDF and DOCX editions printed `Рисунок 2. …` for every venue and the LaTeX edition
babel's `Рис. 2 – …`."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest

from media_samples import media_edition

from exporter.writers import docx as docx_writer
from exporter.writers import latex as latex_writer
from exporter.writers import pdf as pdf_writer

XELATEX = shutil.which("xelatex")
PDFTOTEXT = shutil.which("pdftotext")
EXPECTED = {"kz-conference": "Рисунок 2 – Функции принадлежности и формула", "article": "Рисунок 2. Функции принадлежности и формула"}


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


@pytest.mark.parametrize("venue", sorted(EXPECTED))
def test_docx_caption_mark_is_the_venues(venue):
    import docx

    doc = docx.Document(io.BytesIO(docx_writer.render(media_edition(venue))))
    captions = [_flat(p.text) for p in doc.paragraphs if "Функции принадлежности" in p.text]
    assert captions == [EXPECTED[venue]]


@pytest.mark.skipif(not PDFTOTEXT, reason="pdftotext not installed")
@pytest.mark.parametrize("venue", sorted(EXPECTED))
def test_pdf_caption_mark_is_the_venues(venue, tmp_path):
    (tmp_path / "m.pdf").write_bytes(pdf_writer.render(media_edition(venue)))
    text = _flat(subprocess.run([PDFTOTEXT, "-enc", "UTF-8", str(tmp_path / "m.pdf"), "-"], capture_output=True, text=True, check=True).stdout)
    assert EXPECTED[venue] in text


@pytest.mark.skipif(not (XELATEX and PDFTOTEXT), reason="xelatex/pdftotext not installed")
@pytest.mark.parametrize("venue", sorted(EXPECTED))
def test_latex_caption_mark_is_the_venues(venue, tmp_path):
    from exporter.build import atomic_write_folder

    edition = media_edition(venue)
    edition.stem = "m"
    (tmp_path / "m.tex").write_bytes(latex_writer.render(edition))
    for folder, members in latex_writer.companions(edition).items():
        atomic_write_folder(tmp_path / folder, members)
    run = subprocess.run([XELATEX, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "m.tex"], cwd=tmp_path, capture_output=True, text=True, errors="replace", timeout=300)
    assert run.returncode == 0, run.stdout[-2000:]
    text = _flat(subprocess.run([PDFTOTEXT, "-enc", "UTF-8", str(tmp_path / "m.pdf"), "-"], capture_output=True, text=True, check=True).stdout)
    assert EXPECTED[venue] in text
    assert "Рис. 2" not in text  # babel's short name is not the editions' word
