"""Central European and Turkish names (Latin Extended-A letters: `Tomáš Drga`, `Jiří Dvořák`,
`Łukasz Wróbel`) are names, and the PDF's title keeps one type: a line in smaller type that
reads as names, which the line-role model ran on into the title, is the by-line (front25's
whole-sample misses: a Slovak student's paper). Papers invented."""

from __future__ import annotations

from exporter.readers import read_document
from exporter.readers.plaintext.frontmatter import author_names

from helpers import draw_text, pdf_canvas


def test_extended_latin_names_are_names():
    assert author_names("Jiří Dvořák, Łukasz Wróbel", strong_only=True) == ["Jiří Dvořák", "Łukasz Wróbel"]
    assert author_names("Gülşen Yılmaz", strong_only=False) == ["Gülşen Yılmaz"]
    assert author_names("Řízení dynamiky vozidla v zatáčce", strong_only=False) is None


def test_pdf_title_in_display_type_over_a_name_in_smaller_type(tmp_path):
    path = tmp_path / "paper.pdf"
    c = pdf_canvas(path)
    draw_text(c, 104, 664, "Detekcia chýb v distribuovaných systémoch", 17.2)
    draw_text(c, 241, 634, "Jiří Dvořák", 12)
    draw_text(c, 186, 618, "Slovenská technická univerzita v Bratislave", 9)
    draw_text(c, 176, 604, "Fakulta informatiky a informačných technológií", 9)
    draw_text(c, 239, 590, "xdvorak@example.sk", 9)
    draw_text(c, 252, 568, "10.10.2022", 9)
    draw_text(c, 251, 516, "Abstrakt", 9, bold=True)
    for k, line in enumerate((
        "V tomto článku opisujeme, ako sa chyby v distribuovaných systémoch hľadajú a ako sa",
        "ich hľadanie zmenilo s príchodom nových nástrojov na sledovanie behu programov.",
    )):
        draw_text(c, 125, 498 - 11 * k, line, 9)
    draw_text(c, 125, 450, "1 Úvod", 12, bold=True)
    draw_text(c, 125, 432, "Chyby v distribuovaných systémoch sa objavujú zriedka a ťažko sa opakujú.", 10)
    c.save()
    meta = read_document(str(path)).meta
    assert meta.title_text == "Detekcia chýb v distribuovaných systémoch"
    assert meta.authors[:1] == ("Jiří Dvořák",)
