"""A PDF's web links (link annotations opening an address) are read: the words under a link
become a Link node, as the Word and Markdown readers give a hyperlink, and every edition keeps
it. PDFs drawn here with reportlab: each link's area known by construction."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from exporter.linker import Linked
from exporter.model import Citation, Link, Paragraph, plain_text, walk
from exporter.readers import read_document
from exporter.venue import Template
from exporter.writers import Edition
from exporter.writers import docx as docx_writer

from helpers import draw_text, pdf_canvas

SOURCE = "https://github.com/yandex/domestic-roots-patch"
REPORT = "https://example.org/data/annual-report-2024.pdf"
REPOSITORY = "https://github.com/CertIZDAT/russian-trusted-root-ca-analyzer"
BODY = 11


def _width(text: str, size: float = BODY) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, "LiberationSerif", size)


def _linked_words(c, x: float, y: float, before: str, words: str, after: str, url: str) -> None:
    """`before`, `words` under a link to `url` and `after` on one line at (x, y)."""
    draw_text(c, x, y, before + words + after, BODY)
    left = x + _width(before)
    c.linkURL(url, (left, y - 2, left + _width(words), y + BODY - 1), relative=0)


def make_linked_paper(path: Path) -> Path:
    """A title, a paragraph with a word linked to a web page (`источник`) and a word that jumps
    to the second page (an internal link); a paragraph with an address broken over two lines,
    each line's part under its own link to it (as hyperref sets it); a word linked to a local
    file; a paragraph whose linked word is broken by a hyphen at a line's end; an e-mail whose
    link reaches over the comma after it, a site's over the brackets around it, an address
    whose underscore hangs under its link, a link over a citation; the list."""
    c = pdf_canvas(path)
    draw_text(c, 50, 780, "Анализ корневых сертификатов", 16, bold=True)
    draw_text(c, 50, 755, "И. И. Иванов")
    draw_text(c, 50, 725, "1. Введение", bold=True)
    draw_text(c, 50, 700, "Применение сертификата в браузере показывает, что доступ к сайтам")
    _linked_words(c, 50, 686, "из списка возможен [", "источник", "]. Подробнее об этом во втором", SOURCE)
    draw_text(c, 50, 672, "разделе, где приведены " + "таблицы" + " с данными [1].")
    left = 50 + _width("разделе, где приведены ")
    c.linkAbsolute("", "second", (left, 670, left + _width("таблицы"), 682))
    first, second = "https://example.org/data/", "annual-report-2024.pdf"
    draw_text(c, 50, 645, "Годовой отчёт опубликован по адресу " + first)
    left = 50 + _width("Годовой отчёт опубликован по адресу ")
    c.linkURL(REPORT, (left, 643, left + _width(first), 655), relative=0)
    draw_text(c, 50, 631, second + " и доступен всем читателям.")
    c.linkURL(REPORT, (50, 629, 50 + _width(second), 641), relative=0)
    _linked_words(c, 50, 617, "Исходные данные лежат в ", "архиве", " на диске автора.", "file:///home/author/data.zip")
    _linked_words(c, 50, 590, "Код анализатора выложен в открытом ", "репози-", "", REPOSITORY)
    _linked_words(c, 50, 576, "", "тории", " проекта, вместе с данными.", REPOSITORY)
    before, mail, middle, site = "Вопросы присылайте на ", "author@example.kz,", " наш сайт ", "(www.example.kz)"
    _linked_words(c, 50, 550, before, mail, middle + site + " открыт.", "mailto:author@example.kz")
    left = 50 + _width(before + mail + middle)
    c.linkURL("http://www.example.kz", (left, 548, left + _width(site), 560), relative=0)
    before, address = "Таблицы лежат по адресу ", "https://example.org/view_only"
    draw_text(c, 50, 536, before + address + ", как и код.")
    c.linkURL(address, (50 + _width(before), 536, 50 + _width(before + address), 546), relative=0)  # from the baseline up: `_` hangs under it
    _linked_words(c, 50, 522, "Метод описан в ", "работе [1]", " подробно.", "https://example.org/method")
    c.bookmarkPage("second")
    c.showPage()
    draw_text(c, 50, 780, "2. Данные", bold=True)
    draw_text(c, 50, 755, "Таблицы с данными собраны в приложении к отчёту.")
    draw_text(c, 240, 700, "Список литературы", bold=True)
    draw_text(c, 50, 680, "1. Иванов И. И. Теория сертификатов. – М.: Наука, 2010. – 300 с.", 10)
    c.save()
    return path


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    return read_document(str(make_linked_paper(tmp_path_factory.mktemp("links") / "linked.pdf")))


def _links(document) -> list[tuple[str, str]]:
    return [(plain_text(n.inlines), n.url) for n in walk(document.blocks) if isinstance(n, Link)]


def test_a_linked_word_and_an_address_broken_over_two_lines_become_links(document):
    # the word under its link; the address one link over both lines' parts (the joining glued
    # the address cut at the line's end), and the word its hyphen broke one link over the word
    # repaired; the internal jump and the local file are no web links
    assert _links(document)[:3] == [("источник", SOURCE), ("https://example.org/data/annual-report-2024.pdf", REPORT), ("репозитории", REPOSITORY)]
    # a link's area over the comma after an address, or the brackets around it: the sentence's;
    # an underscore under the area is the address's; a link over a citation is left (the
    # citation is the reader's)
    assert _links(document)[3:] == [("author@example.kz", "mailto:author@example.kz"), ("www.example.kz", "http://www.example.kz"), ("https://example.org/view_only", "https://example.org/view_only")]
    # the text and the citations stay as they were, the citation at the block's top level
    paragraph = next(b for b in document.blocks if isinstance(b, Paragraph) and "источник" in plain_text(b.inlines))
    assert "из списка возможен [источник]. Подробнее" in plain_text(paragraph.inlines)
    assert "приведены таблицы с данными [1]." in plain_text(paragraph.inlines)
    assert [r.label for n in paragraph.inlines if isinstance(n, Citation) for r in n.refs] == ["1"]
    assert "архиве на диске" in " ".join(plain_text(b.inlines) for b in document.blocks if isinstance(b, Paragraph))


def test_the_docx_edition_has_a_hyperlink_to_each_address(document):
    edition = Edition(Linked(document, ()), Template.load("kz-conference"))
    package = zipfile.ZipFile(io.BytesIO(docx_writer.render(edition)))
    rels = package.read("word/_rels/document.xml.rels").decode().replace("&amp;", "&")
    body = package.read("word/document.xml").decode()
    shown = {}
    for rid, inner in re.findall(r'<w:hyperlink r:id="([^"]+)"[^>]*>(.*?)</w:hyperlink>', body):
        target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid}"', rels)
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", inner)).replace("\u200b", "")
        shown[text] = target.group(1) or target.group(2)
    assert shown["источник"] == SOURCE
    assert shown["https://example.org/data/annual-report-2024.pdf"] == REPORT


def test_only_web_mail_and_doi_addresses_are_links():
    from exporter.readers.pdf.layout import web_address

    assert web_address(b"https://example.org/a b") == "https://example.org/a%20b"
    assert web_address(b" mailto:author@example.kz ") == "mailto:author@example.kz"
    assert web_address(b"doi:10.1016/j.cell.2009.01.042") == "https://doi.org/10.1016/j.cell.2009.01.042"
    assert web_address(b"10.1000/182") == "https://doi.org/10.1000/182"
    assert web_address(b"www.example.kz/page") == "http://www.example.kz/page"
    assert web_address("https://пример.рф/путь".encode()) == "https://пример.рф/путь"
    for bad in (b"", b"file:///etc/passwd", b"javascript:alert(1)", b"#page=2", b"https://", b"http://a\x01b", b"mailto:", b"\xff\xfe"):
        assert web_address(bad) is None, bad


def test_a_malformed_link_is_skipped_and_the_page_read(tmp_path):
    """Link annotations with no rectangle, a rectangle of text, an address that is a number,
    no action, an empty area, a rectangle 100,000 points high, bad quadrilaterals, beside a good one."""
    import pikepdf

    path = tmp_path / "malformed.pdf"
    c = pdf_canvas(path)
    draw_text(c, 50, 780, "Заголовок статьи о ссылках", 16, bold=True)
    draw_text(c, 50, 725, "1. Введение", bold=True)
    _linked_words(c, 50, 700, "Текст статьи ссылается на ", "источник", " и идёт дальше.", SOURCE)
    draw_text(c, 50, 686, "Вторая строка абзаца без ссылок, но с текстом.")
    c.save()
    bad = [
        {"/A": {"/S": "/URI", "/URI": "https://example.org/no-rect"}},
        {"/Rect": ["a", "b", "c", "d"], "/A": {"/S": "/URI", "/URI": "https://example.org/text-rect"}},
        {"/Rect": [50, 684, 300, 697], "/A": {"/S": "/URI", "/URI": 5}},
        {"/Rect": [50, 684, 300, 697]},
        {"/Rect": [50, 684, 50, 684], "/A": {"/S": "/URI", "/URI": "https://example.org/empty"}},
        {"/Rect": [0, -5e4, 1, 5e4], "/A": {"/S": "/URI", "/URI": "https://example.org/tall"}},  # beside the text
        {"/Rect": [50, 684, 300, 697], "/QuadPoints": [1, 2, 3], "/A": {"/S": "/URI", "/URI": "javascript:alert(1)"}},
    ]
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0]
        for fields in bad:
            annotation = pikepdf.Dictionary({"/Type": pikepdf.Name.Annot, "/Subtype": pikepdf.Name.Link})
            for key, value in fields.items():
                if isinstance(value, dict):
                    value = pikepdf.Dictionary({k: pikepdf.Name(v) if isinstance(v, str) and v.startswith("/") else v for k, v in value.items()})
                annotation[key] = value
            page.Annots.append(pdf.make_indirect(annotation))
        pdf.save(path)
    document = read_document(str(path))
    assert _links(document) == [("источник", SOURCE)]
    assert "Вторая строка абзаца без ссылок" in " ".join(plain_text(b.inlines) for b in document.blocks if isinstance(b, Paragraph))
