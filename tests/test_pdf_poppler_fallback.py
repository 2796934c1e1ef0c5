"""A PDF whose fonts have no character map, which PDFium reads as other letters, is read through
poppler's pdftotext (lead45c). Seen on an unseen Vestnik SamGU paper (kazakova_samgu_vestnik):
PDFium gave `5?O4ON ?,AO?` where poppler gives `ÊÎÍÖÅÏÖÈß`, a cp1251 font's codes read as
Latin-1, which the text reader's mojibake repair reads as `КОНЦЕПЦИЯ`; the editions had been
made of PDFium's signs.

The PDF here is drawn with reportlab, its text the Latin-1 reading of cp1251 bytes, so poppler
reads what such a journal's PDF gives it; PDFium's misreading of fonts without a map cannot be
drawn with a font that has one, so the layer PDFium gives is replaced by the signs it gave
kazakova's first page (the only stand-in in these tests)."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from exporter.diagnostics import Diagnostic
from exporter.model import Heading, Paragraph, plain_text
from exporter.readers.pdf import reader as pdf_reader
from exporter.readers.pdf.reader import PageLines, readable_share

from helpers import draw_text, pdf_canvas

PAGE_ONE = [  # kazakova's first page, its words shortened; "" is a wider gap
    "128",
    "",
    "Вестник СамГУ. 2011. № 3 (84)",
    "",
    "МАТЕМАТИЧЕСКИЕ",
    "И ИНСТРУМЕНТАЛЬНЫЕ",
    "МЕТОДЫ ЭКОНОМИКИ",
    "",
    "УДК 65.012.45",
    "",
    "А.В. Казакова*",
    "",
    "КОНЦЕПЦИЯ ИНФОРМАЦИОННОЙ БЕЗОПАСНОСТИ",
    "ПРОМЫШЛЕННЫХ ПРЕДПРИЯТИЙ",
    "Обосновывается необходимость разработки концепции информационной безопасности",
    "предприятия, исследуются основные положения концепции и ее структура, а также",
    "организационная и инженерно-техническая защита предприятия.",
    "Ключевые слова: информационная безопасность, концепция, угрозы.",
    "",
    "Постоянный рост темпов развития информационных технологий приводит к тому, что",
    "предприятия все больше зависят от своих информационных систем и данных [1].",
]
PAGE_TWO = [
    "Мероприятия по обеспечению безопасности",
    "",
    "Каждое предприятие определяет свои объекты защиты и меры их охраны.",
    "",
    "Библиографический список",
    "1. Петренко С.А. Политики информационной безопасности. М.: ДМК Пресс, 2006. 400 с.",
]
PDFIUM_SIGNS = ["- --", "! >: :;", "5?O4ON ?,AO? ?bBD?4C?C", "4?AJl Jg4 4 N b", "8 /1/)+5 8g * +-0)(0)8+ f f"]


def _as_latin1(text: str) -> str:
    return text.encode("cp1251").decode("latin-1")


@pytest.fixture
def mojibake_pdf(tmp_path):
    path = tmp_path / "vestnik.pdf"
    c = pdf_canvas(path)
    for page in (PAGE_ONE, PAGE_TWO):
        y = 780
        for line in page:
            if line:
                title = line.isupper() and len(line) > 20
                draw_text(c, 60, y, _as_latin1(line), 13 if title else 10, bold=title)
            y -= 16 if line else 30
        c.showPage()
    c.save()
    return str(path)


def _pdfium_misreads(monkeypatch):
    """PDFium's reading replaced by the signs it gave a page of fonts without a map, with its PDF001."""
    real = pdf_reader.read_text_layer

    def misread(path, pictures=True):
        layer = real(path, pictures)
        lines = [dataclasses.replace(line, text=PDFIUM_SIGNS[k % len(PDFIUM_SIGNS)]) for k, line in enumerate(layer.lines)]
        note = Diagnostic("PDF001", path, 1, 1, page=1, args=(("count", 900), ("page", 1)))
        return dataclasses.replace(layer, lines=lines, notes=[note, *layer.notes])

    monkeypatch.setattr(pdf_reader, "read_text_layer", misread)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_a_layer_pdfium_misreads_is_read_through_poppler_on_its_pages(mojibake_pdf, monkeypatch):
    _pdfium_misreads(monkeypatch)
    doc = pdf_reader.read_pdf(mojibake_pdf)
    assert doc.meta.title_text == "КОНЦЕПЦИЯ ИНФОРМАЦИОННОЙ БЕЗОПАСНОСТИ ПРОМЫШЛЕННЫХ ПРЕДПРИЯТИЙ"
    assert doc.meta.authors == ("А.В. Казакова",)
    assert doc.meta.keywords == ("информационная безопасность", "концепция", "угрозы")
    assert [n.variant for n in doc.notes if n.code == "PDF001"] == ["poppler"]
    opening = next(b for b in doc.blocks if isinstance(b, (Heading, Paragraph)) and "Мероприятия" in plain_text(b.inlines))
    assert (opening.span.page, opening.span.line) == (2, 1)  # its place on the PDF's page, not in pdftotext's whole text
    assert any("Каждое предприятие определяет" in plain_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph))
    assert len(doc.references) == 1 and doc.references[0].text.startswith("Петренко С.А.")


def test_a_layer_that_reads_is_kept_though_its_fonts_have_no_map(mojibake_pdf, monkeypatch):
    """PDF001 alone changes nothing: PDFium's reading is kept where it reads as words."""
    real = pdf_reader.read_text_layer

    def mapped(path, pictures=True):  # PDFium's own reading, its mojibake repaired as the reader repairs it: words
        layer = real(path, pictures)
        return dataclasses.replace(layer, notes=[Diagnostic("PDF001", path, 1, 1, page=1, args=(("count", 30), ("page", 1))), *layer.notes])

    monkeypatch.setattr(pdf_reader, "read_text_layer", mapped)
    doc = pdf_reader.read_pdf(mojibake_pdf)
    assert not [n for n in doc.notes if n.code == "PDF001" and n.variant == "poppler"]
    assert doc.meta.title_text == "КОНЦЕПЦИЯ ИНФОРМАЦИОННОЙ БЕЗОПАСНОСТИ ПРОМЫШЛЕННЫХ ПРЕДПРИЯТИЙ"


def test_readable_share_tells_words_from_signs():
    assert readable_share(" ".join(PDFIUM_SIGNS)) < pdf_reader.UNREADABLE
    assert readable_share(" ".join(PAGE_ONE)) >= pdf_reader.READABLE
    assert readable_share("Journal of Complexity 53 (2019) 133–161, «Вестник» [1].") >= 0.5


def test_page_lines_count_each_page_from_its_form_feed():
    places = PageLines("a\nb\n\fc\nd\n\f\fe")
    assert [places.place(n) for n in range(1, 6)] == [(1, 1), (1, 2), (2, 1), (2, 2), (4, 1)]


def test_windows_1251_dashes_read_as_latin_1_control_characters_are_repaired_with_the_words():
    """cp1251's 0x96 `–` and 0x97 `—` read as Latin-1 are U+0096 and U+0097, control characters:
    they had been reported (TXT001) and read as spaces, the dash lost, in every such journal text
    (kazakova's `(далее – Концепция)` read `(далее   Концепция)`)."""
    from exporter.readers.plaintext import read_plaintext
    from exporter.sourcefile import SourceText

    russian = [
        "Обосновывается необходимость разработки концепции информационной безопасности (далее – Концепция).",
        "Инженерно-техническая защита — совокупность мероприятий по охране предприятия.",
        "Постоянный рост темпов развития информационных технологий приводит к тому, что предприятия зависят от данных.",
    ]
    doc = read_plaintext(SourceText("v.txt", "\n\n".join(_as_latin1(line) for line in russian) + "\n", "utf-8"))
    text = " ".join(plain_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph))
    assert "(далее – Концепция)" in text and "защита — совокупность" in text
    assert not [n for n in doc.notes if n.code == "TXT001"]
