"""Web addresses and DOIs written out as text (a reference list's `URL: https://…`, `DOI:
10.…`) are links in the DOCX, PDF and LaTeX editions, and a Word edition lets them break after
their marks instead of pushing them whole to the next line."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from exporter.linker import Linked
from exporter.model import Code, Document, Emph, Entry, Link, Meta, Paragraph, Span, Text
from exporter.transforms.weblinks import find_addresses, linked_run
from exporter.typography.addresses import with_address_breaks
from exporter.venue import Template
from exporter.writers import Edition
from exporter.writers import docx as docx_writer
from exporter.writers import latex as latex_writer
from exporter.writers import pdf as pdf_writer

ZWSP = "\u200b"


def found(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], target) for s, e, target in find_addresses(text)]


# ---- where an address starts and ends ----------------------------------------------------------


def test_an_address_ends_before_the_sentences_punctuation_and_what_follows_it():
    text = "URL: https://stat.example.kz/ru/data/?year=2023&type= (дата обращения: 13.09.2023)."
    assert found(text) == [("https://stat.example.kz/ru/data/?year=2023&type=", "https://stat.example.kz/ru/data/?year=2023&type=")]
    assert found("See https://example.org/a.pdf.") == [("https://example.org/a.pdf", "https://example.org/a.pdf")]
    assert found("(see https://example.org/x), then") == [("https://example.org/x", "https://example.org/x")]


def test_a_footnote_mark_glued_to_an_address_is_not_its_own_and_a_pdf_tilde_opens_as_a_tilde():
    assert found("http://www.iac.edu.mx/† Electronic address") == [("http://www.iac.edu.mx/", "http://www.iac.edu.mx/")]
    assert found("see http://www.cfa.example.edu/∼user/code.html.") == [
        ("http://www.cfa.example.edu/∼user/code.html", "http://www.cfa.example.edu/~user/code.html")]


def test_a_bracket_the_address_opened_is_its_own():
    assert found("(https://en.wikipedia.org/wiki/Set_(mathematics))") == [
        ("https://en.wikipedia.org/wiki/Set_(mathematics)", "https://en.wikipedia.org/wiki/Set_(mathematics)")]


def test_a_doi_after_its_label_links_to_doi_org_and_www_gets_a_scheme():
    assert found("DOI: 10.1016/j.cell.2009.01.042.") == [("10.1016/j.cell.2009.01.042", "https://doi.org/10.1016/j.cell.2009.01.042")]
    assert found("doi:10.1000/182; www.example.kz.") == [
        ("10.1000/182", "https://doi.org/10.1000/182"), ("www.example.kz", "http://www.example.kz")]
    # a DOI address is one link, not two
    assert found("https://doi.org/10.1000/182") == [("https://doi.org/10.1000/182", "https://doi.org/10.1000/182")]


def test_what_is_no_address_stays_text():
    assert found("a bare 10.1000/182 ratio, https:// alone, www. alone, http://localhost") == []
    assert found("e-mail: author@example.kz, file kz-china-relations.txt") == []


def test_a_run_split_inside_an_address_gives_one_link_and_links_code_and_links_are_left_alone():
    run = (Text("URL: https://example.org/"), Text("a/b. "), Emph((Text("www.example.kz"),)),
           Code("http://example.org/code", Span(1, 1, 1, 2)), Link("https://a.org", (Text("https://b.org"),)))
    out = linked_run(run)
    assert out[0] == Text("URL: ")
    assert out[1] == Link("https://example.org/a/b", (Text("https://example.org/a/b"),))
    assert out[2] == Text(". ")
    assert out[3] == Emph((Link("http://www.example.kz", (Text("www.example.kz"),)),))
    assert out[4:] == run[3:]


# ---- breaks for Word ------------------------------------------------------------------------------


def test_word_breaks_go_after_an_addresses_marks_never_inside_its_scheme_nor_in_other_words():
    text = "URL: https://example.org/a/b?x=1 (kz-china-relations.txt:506:80)"
    broken = with_address_breaks(text, ZWSP)
    assert broken.replace(ZWSP, "") == text
    assert "https:" + ZWSP not in broken and "https:/" + ZWSP not in broken  # `https://` whole
    assert broken.split(" (")[0] == f"URL: https://{ZWSP}example.{ZWSP}org/{ZWSP}a/{ZWSP}b?{ZWSP}x={ZWSP}1"
    assert "kz-china-relations.txt:506:80" in broken  # a file name is no web address: copied as it is


# ---- the editions ------------------------------------------------------------------------------

ADDRESS = "https://stat.example.kz/ru/industries/economy/national-accounts/spreadsheets/?year=2023&name=44561"
ENTRY_TEXT = f"Бюро статистики. Основные показатели [Электронный ресурс]. – URL: {ADDRESS} (дата обращения: 13.09.2023). – DOI: 10.1234/stat.2023.7."


@pytest.fixture(scope="module")
def edition() -> Edition:
    entry = Entry("1", 1, Span(5, 1, 5, 40), text=ENTRY_TEXT)
    blocks = (Paragraph((Text("Data from the office, see www.example.kz."),), Span(1, 1, 1, 40)),)
    document = Document("links.txt", Meta(title=(Text("Links"),), language="ru"), blocks, references=(entry,))
    return Edition(Linked(document, ()), Template.load("kz-conference"))


def test_the_pdf_edition_links_each_address(edition):
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(pdf_writer.render(edition)))
    uris = {str(a.A.URI) for page in pdf.pages for a in page.get("/Annots", []) if "/A" in a and "/URI" in a.A}
    assert uris == {ADDRESS, "https://doi.org/10.1234/stat.2023.7", "http://www.example.kz"}


def test_the_docx_edition_links_each_address_and_lets_it_break(edition):
    package = zipfile.ZipFile(io.BytesIO(docx_writer.render(edition)))
    rels = package.read("word/_rels/document.xml.rels").decode()
    targets = set(re.findall(r'Target="(http[^"]+)"', rels.replace("&amp;", "&")))
    assert targets == {ADDRESS, "https://doi.org/10.1234/stat.2023.7", "http://www.example.kz"}
    body = package.read("word/document.xml").decode()
    links = re.findall(r"<w:hyperlink r:id=[^>]*>(.*?)</w:hyperlink>", body)
    shown = ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", link)).replace("&amp;", "&") for link in links]
    address = next(s for s in shown if s.replace(ZWSP, "").replace("\u00ad", "") == ADDRESS)
    assert address.count(ZWSP) >= 8 and "\u00ad" not in address  # breaks after the marks, no hyphen


def test_the_latex_edition_links_each_address(edition):
    tex = latex_writer.render(edition)
    if isinstance(tex, bytes):
        tex = tex.decode()
    assert "\\href{https://doi.org/10.1234/stat.2023.7}{" in tex
    assert "\\href{http://www.example.kz}{" in tex
    assert "\\href{https://stat.example.kz/ru/industries/economy/national-accounts/spreadsheets/?year=2023\\&name=44561}{" in tex
