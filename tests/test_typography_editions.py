"""Hyphenation and line breaking as the editions show them: the PDF's justified lines, its page
breaks, the DOCX's hyphenation settings and soft hyphens, the LaTeX edition's exception list."""

from __future__ import annotations

import io
import re
import shutil
import statistics
import subprocess
import zipfile

import pytest
import reportlab
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate

from exporter.typography import pdf as typeset
from exporter.typography.hyphenation import SOFT_HYPHEN

from helpers import SEED

PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(not PDFTOTEXT, reason="pdftotext not installed")


@pytest.fixture(scope="module")
def seed_edition():
    from exporter.pipeline import read_and_link
    from exporter.venue import Template
    from exporter.writers import Edition

    return Edition(read_and_link(str(SEED)), Template.load("kz-conference"))


@pytest.fixture(scope="module")
def seed_pdf(seed_edition) -> bytes:
    from exporter.writers import pdf as pdf_writer

    return pdf_writer.render(seed_edition)


@pytest.fixture(scope="module")
def seed_bytes(seed_edition) -> bytes:
    from exporter.writers import docx as docx_writer

    return docx_writer.render(seed_edition)


@pytest.fixture(scope="module")
def body_font() -> str:
    """The venue's main face, registered with reportlab under a name of this test's own."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from exporter.venue import Template

    face = Template.load("kz-conference").fonts.main
    pdfmetrics.registerFont(TTFont("TypographyTestSerif", str(face.path), subfontIndex=face.index))
    return "TypographyTestSerif"


def test_reportlab_is_the_version_whose_line_protocol_was_read():
    # typography/pdf.py writes reportlab's FragLine as reportlab 5.1.0 reads it. Another
    # version falls back to reportlab's own breaking; check the protocol again, then move this.
    assert reportlab.Version == typeset.CHECKED_REPORTLAB
    assert typeset.TOTAL_FIT


def bbox_lines(pdf: bytes, tmp_path) -> list[list[list[tuple[float, float, str]]]]:
    """Per page, its lines as (xMin, xMax, text) word boxes, from pdftotext -bbox-layout."""
    path = tmp_path / "x.pdf"
    path.write_bytes(pdf)
    out = subprocess.run([PDFTOTEXT, "-bbox-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        lines = []
        for line in re.findall(r"<line[^>]*>(.*?)</line>", page, re.S):
            words = [(float(a), float(b), t) for a, b, t in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</word>', line)]
            if words:
                lines.append(words)
        pages.append(lines)
    return pages


KAZAKH = (
    "Қазақстан мен Қытай жақын көрші және ортақ таулармен және өзендермен байланысқан. Екі "
    "елдің достығы мен тату көршілігінің тамыры тереңде жатыр. Бүкіл әлемге әйгілі Ұлы Жібек "
    "жолы екі ел арасындағы ғасырларға жалғасқан достықтың нақты айғағы. Біздің еліміз "
    "Қазақстанның тәуелсіздігін алғашқылардың бірі болып таныды және онымен дипломатиялық "
    "қарым-қатынас орнатты. "
)


def render(story, width_cm=12.0) -> bytes:
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=(width_cm * 28.3465 + 72, 500), leftMargin=36, rightMargin=36, topMargin=36, bottomMargin=36, invariant=1)
    doc.build(story)
    return out.getvalue()


@needs_pdftotext
def test_justified_lines_reach_the_margin_and_keep_every_inline_feature(tmp_path, body_font):
    ts = typeset.Typesetter("kk")
    style = ParagraphStyle("b", fontName=body_font, fontSize=11, leading=13, alignment=TA_JUSTIFY, allowWidows=0)
    markup = (
        '<a name="here"/>' + KAZAKH + '<b>Қалың</b> <i>әріптестік</i> <a href="https://example.org" color="blue">сілтеме</a> '
        '[<a href="#here">1</a>]<super>?</super> <span backColor="#FFE08A" textColor="#C00000">белгі</span> ' + KAZAKH
    )
    data = render([ts.paragraph(markup, style)])
    pages = bbox_lines(data, tmp_path)
    lines = [line for page in pages for line in page]
    right = max(line[-1][1] for line in lines)
    assert len(lines) > 8
    for line in lines[:-1]:  # every line but the last is justified to the margin
        assert line[-1][1] == pytest.approx(right, abs=0.6), " ".join(w for _, _, w in line)
    words = " ".join(w for line in lines for _, _, w in line)
    text = re.sub(SOFT_HYPHEN + " ", "", words)  # a divided word, joined again
    for piece in ("Қалың", "әріптестік", "сілтеме", "белгі", "қарым-қатынас"):
        assert piece in text
    assert any(w.endswith(SOFT_HYPHEN) for line in lines for _, _, w in line[-1:])  # hyphenated
    # the web link, and the internal link to the anchor at the paragraph's top (where
    # reportlab's own Paragraph puts it)
    from pypdf import PdfReader
    from reportlab.platypus import Paragraph

    def links(pdf: bytes):
        out = []
        for page in PdfReader(io.BytesIO(pdf)).pages:
            for a in page.get("/Annots", []):
                a = a.get_object()
                out.append(a["/A"]["/URI"] if "/A" in a else tuple(a["/Dest"][1:]))
        return sorted(out, key=str)

    # (a link broken across two lines is two rectangles: compare the targets)
    assert set(links(data)) == set(links(render([Paragraph(markup, style)])))
    assert "https://example.org" in links(data) and len(set(links(data))) == 2


@pytest.mark.parametrize("width", [200, 300])
def test_a_page_break_leaves_no_line_alone(width, body_font):
    ts = typeset.Typesetter("kk")
    style = ParagraphStyle("b", fontName=body_font, fontSize=11, leading=13, alignment=TA_JUSTIFY, allowWidows=0)
    para = ts.paragraph(KAZAKH * 2, style)
    _, full = para.wrap(width, 10_000)
    lines = round(full / 13)
    for room in range(13, lines * 13, 13):  # every place the page could end
        parts = para.split(width, room + 1)
        if parts and len(parts) == 2:
            first = len(parts[0].breakLines([width, width]).lines)
            second = len(parts[1].breakLines([width, width]).lines)
            assert first >= 2 and second >= 2 and first + second == lines
        elif room < 2 * 13:
            assert parts == []  # one line would be an orphan: the paragraph moves on


def word_gaps(pdf_pages) -> list[float]:
    """Mean word gap (in em of the 14 pt body) of each justified line of the body."""
    gaps = []
    for lines in pdf_pages:
        full = [line for line in lines if len(line) >= 4]
        if not full:
            continue
        edge = statistics.mode(round(line[-1][1] * 2) / 2 for line in full)
        for line in full:
            if line[-1][1] >= edge - 0.5:
                spaces = [b[0] - a[1] for a, b in zip(line, line[1:])]
                gaps.append(sum(spaces) / len(spaces) / 14)
    return gaps


@needs_pdftotext
def test_the_shipped_kazakh_paper_has_no_gaping_lines(seed_pdf, tmp_path):
    gaps = word_gaps(bbox_lines(seed_pdf, tmp_path))
    assert len(gaps) > 400
    assert statistics.quantiles(gaps, n=100)[98] <= 0.6  # issue 18: 1.5 em before


# -- DOCX -----------------------------------------------------------------------------------------
def docx_part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


def test_docx_turns_on_hyphenation_and_marks_kazakh_words(seed_bytes):
    settings = docx_part(seed_bytes, "word/settings.xml")
    assert "<w:autoHyphenation/>" in settings and "<w:doNotHyphenateCaps/>" in settings
    document = docx_part(seed_bytes, "word/document.xml")
    assert "Қа\u00adзақс\u00adтан" in document  # Word has no Kazakh dictionary: soft hyphens
    assert "ҚАЗАҚСТАН МЕН ҚЫТАЙ" in document  # the title is not hyphenated
    styles = docx_part(seed_bytes, "word/styles.xml")
    heading = re.search(r'<w:style [^>]*w:styleId="Heading1".*?</w:style>', styles, re.S).group()
    assert "<w:suppressAutoHyphens/>" in heading


def test_docx_of_a_russian_paper_leaves_russian_words_to_word(tmp_path):
    from exporter.linker import Linked
    from exporter.model import Document, Meta, Paragraph, Span, Text
    from exporter.venue import Template
    from exporter.writers import Edition
    from exporter.writers import docx as docx_writer

    block = Paragraph((Text("Сотрудничество с Қазақстанмен продолжается."),), Span(1, 1, 1, 40))
    edition = Edition(Linked(Document("r.txt", Meta(language="ru"), (block,)), ()), Template.load("kz-conference"))
    document = docx_part(docx_writer.render(edition), "word/document.xml")
    assert "Сотрудничество" in document and "Қа\u00adзақс\u00adтан\u00adмен" in document


# -- LaTeX ----------------------------------------------------------------------------------------
def test_latex_lists_the_papers_kazakh_words_for_babel(seed_edition):
    from exporter.writers import latex as latex_writer

    tex = latex_writer.render(seed_edition).decode("utf-8")
    listed = re.search(r"\\babelhyphenation\[kazakh\]\{(.*?)\}", tex, re.S).group(1).split()
    assert "қа-зақс-тан" in listed and "қа-ты-нас" in listed
    assert all(re.fullmatch(r"[^\W\d_]+(-[^\W\d_]+)*", word) for word in listed)  # letters and hyphens only
    assert len(listed) == len(set(listed)) > 1000
