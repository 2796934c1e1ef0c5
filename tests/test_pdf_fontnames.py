"""A font's weight and shape read off its name (exporter/readers/pdf/fontnames.py) and what the PDF
reader makes of it: TeX's Computer Modern bold (`CMBX12`) is bold like `Times-Bold`."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporter.readers.pdf.fontnames import font_style

BOLD = [
    # TeX's METAFONT codes: Computer Modern, the CS fonts, EC/DC and cm-super's Type 1 (SF…)
    "ABCDEF+CMBX12", "CMBX10", "cmbx5", "CMB10", "CMSSBX10", "CMSSDC10", "CMBXTI10", "CMBXSL10", "CMMIB10", "CMBSY7",
    "csbx12", "ecbx1200", "dcbx1000", "SFBX1200", "QWERTY+SFBX1440", "SFBI1000", "SFBL1000", "SFRB1000", "SFXC1000", "SFSX1000",
    "SFSO1000",
    # URW's four-letter styles; Libertine's and Advent's letters
    "NimbusRomNo9L-Medi", "NimbusRomNo9L-MediItal", "URWBookmanL-DemiBold", "URWGothicL-Demi",
    "LinLibertineTB", "LinLibertineTZ", "LinLibertineTBI", "LinBiolinumTB", "LinBiolinumTBO", "LinLibertineOB",
    "AdvOT1a2b3c4d.B", "AdvTT0f0f0f0f.B+fb", "AdvOT1a2b3c4d.BI",
    # words and their abbreviations
    "Times-Bold", "TimesNewRomanPS-BoldMT", "Arial-BoldItalicMT", "Calibri,Bold", "Quuxserif,BoldItalic",
    "Quuxserif-Semibold", "Quuxserif-Black", "Quuxserif-Heavy", "Quuxserif-Demi", "Quuxserif-ExtraBold",
    "QuuxsansLTStd-BdCn", "QuuxsansLTStd-Bd", "QuuxsansPro-Blk", "QuuxsansStd-Hv", "QuuxsansStd-Smbd",
    "Quuxerville-Bol", "Quuxserif-B", "QuuxKakuPro-W6", "HelveticaBold", "LMRomanDemi10-Regular", "LMRoman10-Bold-Identity-H",
]
REGULAR = [
    "CMR10", "ABCDEF+CMR17", "CMTI10", "CMSL10", "CMCSC10", "CMSS10", "CMTT10", "CMMI12", "CMSY10", "csr10", "cssl10",
    "SFRM1000", "SFTI1200", "SFCC1000", "SFSS1000", "SFTT1000", "ecrm1000",
    "NimbusRomNo9L-Regu", "NimbusRomNo9L-ReguItal", "URWPalladioL-Roma", "URWChanceryL-MediItal",
    "LinLibertineT", "LinLibertineTI", "LinBiolinumT", "LinBiolinumTO", "LinLibertineO", "LinLibertineI7",
    "AdvOT1a2b3c4d", "AdvOT1a2b3c4d.I", "AdvOT1a2b3c4d+20",
    "Times-Roman", "TimesNewRomanPSMT", "TimesNewRomanPS-ItalicMT", "ArialMT", "Calibri,Italic", "Quuxserif-Medium",
    "Quuxserif-Light", "QuuxKakuPro-W3", "NotoSansCJKjp-DemiLight", "QuuxsansLTStd-MdCn", "Quuxserif-Book",
]
SLOPED = [
    "CMTI10", "CMSL10", "CMBXTI10", "CMBXSL10", "CMMI10", "CMSSI10", "CMITT10", "CMU10", "cssl10", "SFTI1200", "SFSL1000",
    "SFBI1000", "SFSI1000", "SFIT1000", "NimbusRomNo9L-ReguItal", "NimbusRomNo9L-MediItal", "NimbusMonL-ReguObli",
    "URWPalladioL-Ital", "LinLibertineTI", "LinLibertineTBI", "LinBiolinumTO", "AdvTT0f0f0f0f.I", "Times-Italic",
    "Arial-BoldItalicMT", "Quuxserif,Italic", "QuuxPro-BoldIt", "QuuxPro-It", "Helvetica-Oblique", "QuuxRomNo9L-Regu-Slant_167",
]
UPRIGHT = [
    "CMBX12", "CMR10", "CMCSC10", "SFBX1200", "SFRM1000", "SFCC1000", "NimbusRomNo9L-Medi", "NimbusRomNo9L-Regu",
    "LinLibertineTB", "LinLibertineTZ", "AdvOT1a2b3c4d.B", "Times-Bold", "TimesNewRomanPS-BoldMT", "ArialMT", "Quuxserif,Bold",
    "QuuxsansLTStd-BdCn",
]


@pytest.mark.parametrize("name", BOLD)
def test_a_bold_face_is_read_bold_by_its_name(name):
    assert font_style(name)[0] is True


@pytest.mark.parametrize("name", REGULAR)
def test_a_regular_face_is_not_read_bold(name):
    assert font_style(name)[0] is False


@pytest.mark.parametrize("name", SLOPED)
def test_an_italic_slanted_or_oblique_face_is_read_sloped(name):
    assert font_style(name)[1] is True


@pytest.mark.parametrize("name", UPRIGHT)
def test_an_upright_face_is_not_read_sloped(name):
    assert font_style(name)[1] is False


TITLE_PAGE = r"""\documentclass[11pt]{article}
\begin{document}
\begin{center}
{\Large UNIVERSITY OF QUUXVILLE\\
Seminar on Invented Systems, Spring Term, Prof. Ann Example\\
\bfseries How a made-up variable changes the waiting time\\ in an imaginary network model}\\[14pt]
{\large Jane Placeholder, John Example}
\end{center}
\section*{Abstract}
We study an invented question with an invented method and report invented results for the test.
\section{Introduction}
Every sentence of this paper is written for a test and says nothing of substance at all, so the
body of it is long enough to be read as the body of a paper and set in the text's own size.
\end{document}
"""


def _latex_pdf(tmp_path: Path, source: str) -> Path:
    import shutil
    import subprocess

    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed")
    (tmp_path / "p.tex").write_text(source, encoding="utf-8")
    subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "p.tex"], cwd=tmp_path, capture_output=True, check=True, timeout=120)
    return tmp_path / "p.pdf"


def test_a_latex_title_in_computer_modern_bold_is_bold_and_stands_apart_from_the_lines_above(tmp_path):
    """pdflatex sets `\\bfseries` in CMBX12: the title's lines are bold, the university's and the
    seminar's lines set close above them in the title's size are not, and the title is the bold
    lines alone (read as upright, the three lines were one block and the title their run)."""
    from exporter.model import plain_text
    from exporter.readers import read_document
    from exporter.readers.pdf.reader import pdf_lines
    from exporter.readers.plaintext import roles

    path = _latex_pdf(tmp_path, TITLE_PAGE)
    lines = {line.text: line.bold for line in pdf_lines(str(path)) if line.page == 1}
    assert lines["How a made-up variable changes the waiting time"] is True
    assert lines["UNIVERSITY OF QUUXVILLE"] is False and lines["Jane Placeholder, John Example"] is False
    assert lines["1 Introduction"] is True  # a section's heading, CMBX12 too
    for model in (False, True):  # the rules alone, and the readers as shipped
        roles.ENABLED = model
        try:
            meta = read_document(str(path)).meta
        finally:
            roles.ENABLED = True
        assert plain_text(meta.title) == "How a made-up variable changes the waiting time in an imaginary network model", (model, meta.title)
        assert meta.authors[0] == "Jane Placeholder"


@pytest.mark.parametrize("text, breaks", [
    ("end if", []), ("13: end for", []), ("else", []),  # pseudo-code's keywords, set in bold
    ("Input:", []),  # a label introducing what follows
    ("ated to activity labels (boxed). Activated events", []), ("Corresponding label with different embodiment in-", []),  # a bold caption's wrapped lines
    ("2 Literature Survey 3", [2, 20]), ("Введение 5", [9]),  # contents' entries: the page after a wide gap
    ("Symbol Value", [7]),  # a table's row
])
def test_a_bold_line_in_the_body_size_that_is_a_piece_of_something_else_is_no_heading(text, breaks):
    from exporter.readers.pdf.layout import Line
    from exporter.readers.pdf.reader import heading_level

    assert heading_level(Line(1, text, 72, 300, 500, 10.0, True, breaks=breaks), 10.0, []) is None


@pytest.mark.parametrize("text, breaks", [("1 Introduction", [2]), ("2.1 Team Ant Colony Optimization", [4]), ("Results", []), ("Введение", []), ("Experiment 2", [])])
def test_a_bold_heading_in_the_body_size_stays_a_heading(text, breaks):
    from exporter.readers.pdf.layout import Line
    from exporter.readers.pdf.reader import heading_level

    assert heading_level(Line(1, text, 72, 300, 500, 10.0, True, breaks=breaks), 10.0, []) == 1


def test_a_bold_translation_of_the_title_in_its_size_does_not_take_the_title(tmp_path):
    """A Russian title upright, its English translation below it in the same size in bold: the
    bold block in another script is the translation; the title is the Russian one."""
    from helpers import draw_text, pdf_canvas

    from exporter.model import plain_text
    from exporter.readers import read_document
    from exporter.readers.plaintext import roles

    path = tmp_path / "p.pdf"
    c = pdf_canvas(path)
    draw_text(c, 72, 780, "И. И. Примеров", 12)
    draw_text(c, 90, 740, "ПОСТРОЕНИЕ ВЫДУМАННОЙ МОДЕЛИ", 14)
    draw_text(c, 110, 724, "ДЛЯ ПРОВЕРКИ ЧТЕНИЯ", 14)
    draw_text(c, 90, 690, "CONSTRUCTION OF AN INVENTED MODEL", 14, bold=True)
    draw_text(c, 110, 674, "FOR A READING TEST", 14, bold=True)
    body = "Рассматривается построение выдуманной модели для проверки того, как читается заголовок статьи."
    for k in range(12):
        draw_text(c, 72, 640 - 14 * k, body, 11)
    c.save()
    for model in (False, True):
        roles.ENABLED = model
        try:
            meta = read_document(str(path)).meta
        finally:
            roles.ENABLED = True
        assert plain_text(meta.title) == "ПОСТРОЕНИЕ ВЫДУМАННОЙ МОДЕЛИ ДЛЯ ПРОВЕРКИ ЧТЕНИЯ", (model, meta.title)
