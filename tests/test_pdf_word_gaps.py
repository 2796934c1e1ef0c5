"""Word gaps a PDF's characters show by their places, not by a space PDFium puts: a label set
letter-spaced (Elsevier's `A B S T R A C T`) is one word, and a family name in one face followed
by `et al.` in another, moved along instead of spaced, are two. Pages drawn here with reportlab."""

from __future__ import annotations

from exporter.model import Paragraph, plain_text
from exporter.readers.pdf.reader import pdf_lines, read_pdf

from helpers import draw_text, pdf_canvas

ABSTRACT = (
    "Wall-thickness loss rate is an important parameter that defines a corrosion process. The",
    "speed at which it can be determined is directly related to how quickly one can intervene.",
)
BODY = "Corrosion costs the oil and gas industry billions of dollars a year and more [1]."


def _letter_spaced(c, x: float, y: float, text: str, size: float, tracking: float = 0.3, face: str = "LiberationSerif") -> None:
    """`text` drawn a letter at a time, each `tracking` sizes past the one before (a word gap a
    third of the size more), as a label set with wide letter spacing is."""
    c.setFont(face, size)
    for ch in text:
        c.drawString(x, y, ch)
        x += c.stringWidth(ch, face, size) + (0.3 if ch == " " else tracking) * size


def _labelled_page(path) -> str:
    c = pdf_canvas(path)
    draw_text(c, 60, 760, "On quantitative corrosion rate monitoring with ultrasound", 16, bold=True)
    draw_text(c, 60, 738, "Fangxin Zou, Frederic B. Cegla", 11)
    _letter_spaced(c, 60, 700, "ARTICLE INFO", 9)
    _letter_spaced(c, 60, 680, "ABSTRACT", 9)
    for k, line in enumerate(ABSTRACT):
        draw_text(c, 60, 665 - 12 * k, line, 10)
    _letter_spaced(c, 60, 630, "KEYWORDS", 9)
    draw_text(c, 60, 615, "Corrosion monitoring; Ultrasound; Piezoelectric transducer", 10)
    draw_text(c, 60, 585, "1. Introduction", 11, bold=True)
    for k in range(6):
        draw_text(c, 60, 565 - 13 * k, BODY, 10)
    c.save()
    return str(path)


def test_letter_spaced_labels_are_read_as_words_and_open_their_fields(tmp_path):
    path = _labelled_page(tmp_path / "spaced.pdf")
    texts = [line.text for line in pdf_lines(path)]
    assert "ARTICLE INFO" in texts and "ABSTRACT" in texts and "KEYWORDS" in texts
    meta = read_pdf(path).meta
    assert plain_text(meta.abstract) == " ".join(ABSTRACT)
    assert tuple(meta.keywords) == ("Corrosion monitoring", "Ultrasound", "Piezoelectric transducer")


def test_single_letter_words_at_word_gaps_stay_apart(tmp_path):
    """Single-letter words at the line's word gaps (`поколений Y и Z в`) are words, and so are
    letters a sentence names one by one with commas between (`a, b, c and d`) and a formula's
    italic variables set apart (`a b a a b b`, as a word processor's equation spaces them)."""
    path = tmp_path / "letters.pdf"
    c = pdf_canvas(path)
    draw_text(c, 60, 700, "поколений Y и Z в контексте финансового поведения", 11)
    draw_text(c, 60, 680, "the points a, b, c and d lie on one line", 11)
    _letter_spaced(c, 60, 660, "abaabb", 11, face="Times-Italic")
    c.save()
    texts = [line.text for line in pdf_lines(str(path)) if line.text]
    assert texts == ["поколений Y и Z в контексте финансового поведения", "the points a, b, c and d lie on one line", "a b a a b b"]


def test_a_name_and_et_al_in_another_face_moved_along_are_two_words(tmp_path):
    """The family name set upright and `et al.` in italic, the second run placed a tenth of the
    size past the first (the producer's move, no space character): PDFium puts no space, and
    the citation read `Fountoulakiset al.`; letters of one word in two faces touch and stay one."""
    path = tmp_path / "etal.pdf"
    c = pdf_canvas(path)

    def line(y: float, parts: list[tuple[str, str]], gap: float) -> None:
        text = c.beginText()
        text.setTextTransform(10.5, 0, 0, 10.5, 60, y)
        advance = 0.0
        for k, (face, words) in enumerate(parts):
            text.setFont(face, 1)
            if k:
                text.moveCursor(advance + gap, 0)
            text.textOut(words)
            advance = c.stringWidth(words, face, 1)
        c.drawText(text)

    line(700, [("Times-Roman", "For example, Fountoulakis"), ("Times-Italic", "et al. (2011) concluded that")], 0.1)
    line(680, [("Times-Italic", "The Ameri"), ("Times-Roman", "can trials were repeated later.")], 0.0)
    c.save()
    texts = [line.text for line in pdf_lines(str(path)) if line.text]
    assert texts == ["For example, Fountoulakis et al. (2011) concluded that", "The Ameri" + "can trials were repeated later."]
    paragraphs = [plain_text(b.inlines) for b in read_pdf(str(path)).blocks if isinstance(b, Paragraph)]
    assert any("Fountoulakis et al. (2011)" in text for text in paragraphs)


def test_a_hyphen_at_a_line_end_inside_code_or_an_address_is_kept(tmp_path):
    """A line-end hyphen of inline code (a monospace run: `configure_logging-` + `handler`) or
    of a web address or DOI is printed as written: the word goes on after it, the hyphen kept
    (it had been read as a syllable break, `configure_logginghandler`, or left with a space
    after it, `orcid.org/0000- 0003-4346`); a hyphenated word of the prose is still joined, and
    so is code the document writes whole elsewhere (`ResFile-` + `SystemEntry`)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from exporter.model import Code

    from helpers import LIBERATION

    path = tmp_path / "kept.pdf"
    c = pdf_canvas(path)
    pdfmetrics.registerFont(TTFont("LiberationMono", str(LIBERATION / "LiberationMono-Regular.ttf")))
    draw_text(c, 60, 760, "Logging in serverless workflows", 16, bold=True)
    draw_text(c, 60, 730, "1. Introduction", 12, bold=True)
    draw_text(c, 60, 710, "The planner calls", 11)
    c.setFont("LiberationMono", 11)
    c.drawString(60 + c.stringWidth("The planner calls ", "LiberationSerif", 11), 710, "configure_logging-")
    c.setFont("LiberationMono", 11)
    c.drawString(60, 696, "handler")
    draw_text(c, 60 + c.stringWidth("handler ", "LiberationMono", 11), 696, "once, as the author's record at orcid.org/0000-", 11)
    draw_text(c, 60, 682, "0003-4346-1234 says, and the measure-", 11)
    draw_text(c, 60, 668, "ments agree with it in every workflow we tried. The class", 11)
    c.setFont("LiberationMono", 11)
    c.drawString(60 + c.stringWidth("ments agree with it in every workflow we tried. The class ", "LiberationSerif", 11), 668, "ResFile-")
    c.drawString(60, 654, "SystemEntry")
    draw_text(c, 60 + c.stringWidth("SystemEntry ", "LiberationMono", 11), 654, "wraps a file; each", 11)
    c.drawString(60, 640, "ResFileSystemEntry")
    draw_text(c, 60 + c.stringWidth("ResFileSystemEntry ", "LiberationMono", 11), 640, "is made once.", 11)
    c.save()
    paragraph = next(b for b in read_pdf(str(path)).blocks if isinstance(b, Paragraph) and "planner" in plain_text(b.inlines))
    text = plain_text(paragraph.inlines)
    assert "configure_logging-handler once" in text
    assert "orcid.org/0000-0003-4346-1234 says" in text
    assert "the measurements agree" in text
    assert "The class ResFileSystemEntry wraps" in text  # the name written whole below: a word processor hyphenated its code too
    assert any(isinstance(n, Code) and n.text == "configure_logging-handler" for n in paragraph.inlines)
