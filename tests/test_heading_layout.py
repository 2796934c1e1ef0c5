"""A venue's page and headings look the same in its three editions (the PDF, the DOCX and the compiled
LaTeX): kz-conference centres a section's heading and, as Russian and Kazakh papers are set,
indents the paragraph after it by the body's 1.25 cm. Before, each edition kept its own default:
the PDF set the heading at the left, the DOCX centred it, and the LaTeX class printed it larger,
at the left, and took the indent off the paragraph after it; the PDF set its text 6 pt inside the
margins, and the LaTeX shell began it a line lower and ended it three lines higher."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest

from helpers import run_cli

XELATEX = shutil.which("xelatex")
PDFTOTEXT = shutil.which("pdftotext")
CM = 72 / 2.54
PAPER = """ТАҚЫРЫП ТУРАЛЫ

Иванов И. И.

1 Кіріспе

Бірінші абзац осында басталады және бірнеше жолға созылады, себебі мәтін ұзын. Бірінші абзац осында басталады және бірнеше жолға созылады.

Екінші абзац та бар. Тізім:
- алғашқы тармақ;
- екінші тармақ.

1.1 Әдістер

Үшінші абзац [1].

Әдебиеттер тізімі

1. Иванов И. И. Металлополимерные трубы в нефтегазовой отрасли: свойства, испытания и опыт эксплуатации на промыслах Казахстана. – Алматы: Ғылым, 2019. – 240 с.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("headings")
    (folder / "h.txt").write_text(PAPER, encoding="utf-8")
    result = run_cli("build", "h.txt", "--out", "out", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "out"


def _words(pdf) -> list[tuple[str, float, float]]:
    """(word, left, right) of every word on page 1, in points."""
    html = subprocess.run([PDFTOTEXT, "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [(w, float(a), float(b)) for a, b, w in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html)]


def _layout(pdf) -> tuple[float, float, float]:
    """The centre of the heading `1 Кіріспе`, the left of the paragraph after it, and the left of
    the subsection's heading `1.1 Әдістер`, in points from the page's left edge."""
    words = _words(pdf)
    number = next(i for i, (w, _, _) in enumerate(words) if w == "Кіріспе") - 1
    centre = (words[number][1] + words[number + 1][2]) / 2
    first = next(left for w, left, _ in words if w == "Бірінші")
    sub = next(left for w, left, _ in words if w == "1.1")
    return centre, first, sub


def _entry_lines(pdf) -> tuple[float, float]:
    """The left of the reference entry's first line (its number) and of its second line."""
    words = _words(pdf)
    number = max(i for i, (w, _, _) in enumerate(words) if w == "Иванов") - 1  # the entry's, not the by-line's
    second = next(left for w, left, _ in words[number:] if left < words[number][1] - 10)
    return words[number][1], second


def _list_item(pdf) -> tuple[float, float]:
    """The left of a list item's mark and of its text."""
    words = _words(pdf)
    n = next(i for i, (w, _, _) in enumerate(words) if w == "алғашқы")
    return words[n - 1][1], words[n][1]


def _top_and_folio(pdf) -> tuple[float, float, float]:
    """The top of the page's first word, of the body's first word (after the title block and
    its space) and of its page number (the last word), in points."""
    html = subprocess.run([PDFTOTEXT, "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)<', html)
    body = next(float(y) for y, w in words if w == "1")  # the first section's number
    return float(words[0][0]), body, float(words[-1][0])


def _expected() -> tuple[float, float, float]:
    page, margin = 21.0 * CM, 2.0 * CM  # A4, kz-conference's 2 cm margins
    return page / 2, margin + 1.25 * CM, margin


def _close(got, want, tolerance=2.5) -> bool:
    return all(abs(g - w) <= tolerance for g, w in zip(got, want))


@pytest.mark.skipif(not PDFTOTEXT, reason="pdftotext not installed")
def test_pdf_edition_centres_the_section_and_indents_the_paragraph_after_it(built):
    assert _close(_layout(built / "h.pdf"), _expected()), _layout(built / "h.pdf")


@pytest.mark.skipif(not (XELATEX and PDFTOTEXT), reason="xelatex/pdftotext not installed")
def test_latex_edition_sets_headings_as_the_pdf_edition(built, tmp_path):
    shutil.copy(built / "h.tex", tmp_path / "h.tex")
    run = subprocess.run([XELATEX, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "h.tex"], cwd=tmp_path, capture_output=True, text=True, errors="replace", timeout=300)
    assert run.returncode == 0, run.stdout[-2000:]
    assert _close(_layout(tmp_path / "h.pdf"), _expected()), _layout(tmp_path / "h.pdf")
    # a reference entry as a paragraph: its number indented as the body's first lines, its next line at the margin
    margin = 2.0 * CM
    assert _close(_entry_lines(tmp_path / "h.pdf"), (margin + 1.25 * CM, margin)), _entry_lines(tmp_path / "h.pdf")
    assert _close(_entry_lines(built / "h.pdf"), (margin + 1.25 * CM, margin)), _entry_lines(built / "h.pdf")
    # a list item: its en dash at the body's indent, its text half a centimetre further
    assert _close(_list_item(tmp_path / "h.pdf"), (margin + 1.25 * CM, margin + 1.75 * CM)), _list_item(tmp_path / "h.pdf")
    assert _close(_list_item(built / "h.pdf"), (margin + 1.25 * CM, margin + 1.75 * CM)), _list_item(built / "h.pdf")
    # the first line at the top margin and the page number half way down the bottom one, in both
    assert _close(_top_and_folio(tmp_path / "h.pdf"), _top_and_folio(built / "h.pdf")), (_top_and_folio(tmp_path / "h.pdf"), _top_and_folio(built / "h.pdf"))


def test_docx_edition_sets_headings_as_the_venue_says(built):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = docx.Document(io.BytesIO((built / "h.docx").read_bytes()))
    styles = {p.text: p.style for p in doc.paragraphs}
    section, subsection = styles["1 Кіріспе"], styles["1.1 Әдістер"]
    assert section.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert subsection.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert section.font.size == subsection.font.size == Pt(14) and section.font.bold and subsection.font.bold
    body = next(p for p in doc.paragraphs if p.text.replace("\u00ad", "").startswith("Бірінші"))  # soft hyphens
    indent = body.paragraph_format.first_line_indent or body.style.paragraph_format.first_line_indent
    assert abs(indent.cm - 1.25) < 0.01
    # a list item's mark is the other editions' en dash, at the body's indent, its text 0.5 cm on
    numbering = doc.part.numbering_part.element.xml
    item = next(p for p in doc.paragraphs if p.text.replace("\u00ad", "").startswith("алғашқы"))
    assert item.style.name == "List Bullet"
    assert '<w:lvlText w:val="\u2013"/>' in numbering and '<w:ind w:left="992" w:hanging="283"/>' in numbering  # twips: 1.75 cm, 0.5 cm


def test_latex_title_block_ends_with_the_venues_space(built):
    """kz-conference's `[title_block] space_after_pt = 14`, as the PDF and DOCX editions leave
    it (the shell wrote a fixed 12 pt)."""
    tex = (built / "h.tex").read_text(encoding="utf-8")
    title_block_end = tex.index("\\par}\n}", tex.index("\\begin{document}")) + len("\\par}\n}")
    assert tex[title_block_end:].lstrip().startswith("\\vspace{14pt}")


QUOTED = """---
title: Цитата
author: Иванов И. И.
---

# Введение

Абзац перед цитатой, достаточно длинный, чтобы занять больше одной строки на странице издания и показать отступ.

> Цитируемые слова автора, которые тоже занимают больше одной строки, чтобы показать отступы слева и справа у цитаты.

Абзац после цитаты.
"""


@pytest.mark.skipif(not (XELATEX and PDFTOTEXT), reason="xelatex/pdftotext not installed")
def test_a_block_quotation_is_set_alike(tmp_path):
    """Upright, indented by the body's 1.25 cm on both sides, its first line not indented again:
    the PDF edition's quotation, now also the DOCX's (it was italic) and the LaTeX shell's (its
    `quote` took the class's 2.5 em margins)."""
    import docx

    (tmp_path / "q.md").write_text(QUOTED, encoding="utf-8")
    result = run_cli("build", "q.md", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (tmp_path / "tex").mkdir()
    shutil.copy(tmp_path / "out" / "q.tex", tmp_path / "tex" / "q.tex")
    run = subprocess.run([XELATEX, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "q.tex"], cwd=tmp_path / "tex", capture_output=True, text=True, errors="replace", timeout=300)
    assert run.returncode == 0, run.stdout[-2000:]
    margin = 2.0 * CM
    for pdf in (tmp_path / "out" / "q.pdf", tmp_path / "tex" / "q.pdf"):
        words = _words(pdf)
        first = next(left for w, left, _ in words if w == "Цитируемые")
        second = next(left for w, left, _ in words if w == "строки,")
        assert _close((first, second), (margin + 1.25 * CM, margin + 1.25 * CM)), (first, second)
    quote = next(p for p in docx.Document(str(tmp_path / "out" / "q.docx")).paragraphs if p.text.replace("\u00ad", "").startswith("Цитируемые"))
    assert quote.style.name == "Quote" and not quote.style.font.italic
    assert quote.style.paragraph_format.first_line_indent == 0 and abs(quote.style.paragraph_format.left_indent.cm - 1.25) < 0.01
