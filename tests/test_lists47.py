"""List and entry conventions read from batch 31's misses (bench/UNSEEN_LISTS.md), each tested on
invented entries or paragraphs of the same forms (no line of the batch's papers)."""

from __future__ import annotations

import docx
from docx.shared import Inches

from exporter.pipeline import read_and_link
from exporter.references.fields import parse_entry


def _fields(text: str) -> dict[str, str]:
    return {name: value for name, value, _, _ in parse_entry(text).fields}


def test_a_word_entry_typed_as_two_paragraphs_its_rest_indented(tmp_path):
    """An unnumbered Word list whose entries are each typed as two paragraphs, the first line flush
    and the rest indented (a hanging indent made by hand), the first stopping mid-sentence: one
    entry each, the indented rest carrying it on."""
    document = docx.Document()
    document.add_paragraph("Counting Invented Bridges")
    document.add_paragraph("Bridges were counted before (Crane & Holm, 2015; Stone, 2019; Vale, 2020).")
    document.add_paragraph("References")
    pairs = [
        ("Crane, B., & Holm, A. (2015). Counting the bridges of an invented town through the",
         "river's seasons and floods. Journal of Invented Bridges, 10(6), 477–482."),
        ("Stone, D. (2019). What Bridges Have to Do with It: Understanding and",
         "Reducing Floods in Invented Towns. Invented Engineering, 9(6), 673."),
        ("Vale, R., Moss, T., & Lund,",
         "K. (2020). Spans of invented bridges. Bridge Review, 21(8), 898–907."),
    ]
    for first, rest in pairs:
        document.add_paragraph(first)
        document.add_paragraph(rest).paragraph_format.left_indent = Inches(0.5)
    path = tmp_path / "paper.docx"
    document.save(path)
    refs = read_and_link(str(path)).document.references
    assert [e.text[:5] for e in refs] == ["Crane", "Stone", "Vale,"]
    assert refs[0].text.endswith("10(6), 477–482.")
    assert "Understanding and Reducing Floods" in refs[1].text


def test_plainnat_entries_given_names_first_wrapped_over_lines(tmp_path):
    """natbib's plainnat as pdftotext gives it: no numbers, names given first and wrapped over
    lines, the year closing each entry (`…, 4(2):1–9, 2020.`): an entry opens on a line of such
    names after a line closed by `, year.`."""
    lines = [
        "Counting Invented Bridges",
        "",
        "Bridges were counted before [Holm et al., 2020, Crane and Stone, 2019].",
        "",
        "References",
        "Invented Bridges Consortium et al. The invented bridges: A multiple-town atlas of spans.",
        "Bridges, 376(6594):ebr4896, 2022.",
        "Anna B Holm, Boris Crane, Dana K Stone, Erik L Vale, Fiona Moss, Greta T Lund, Hugo Park,",
        "Ivan Reed, Jon K Tull, et al. Systematic comparison of invented bridges. Invented bridge",
        "studies, 38(6): 737–746, 2020.",
        "Boris Crane, Dana Stone, and Erik Vale. Efficient counting of invented spans. Bridge Review, 37(6):685–691, 2019.",
        "Greta Lund, Hugo Park, Ivan Reed, Jon Tull, Karl Moss, Po-ru Dale, and Lena Fox. Fast counting of",
        "invented spans. Bridge methods, 16(12):1289–1296, 2019.",
    ]
    path = tmp_path / "paper.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    refs = read_and_link(str(path)).document.references
    assert [e.text.split(" ")[0] for e in refs] == ["Invented", "Anna", "Boris", "Greta"]


def test_plainnat_names_run_to_their_full_stop_before_the_title():
    f = _fields("Greta Lund, Hugo Park, Ivan Reed, Jon Tull, Karl Moss, Lars Berg, Nils Dahl, Olaf Tamm, Po-ru Dale, "
                "and Lena Fox. Fast, sensitive and exact counting of invented spans with bridges. Bridge methods, 16(12):1289–1296, 2019.")
    assert f["title"] == "Fast, sensitive and exact counting of invented spans with bridges"
    assert f["author"].startswith("Lund, Greta and Park, Hugo")
    assert f["author"].endswith("Dale, Po-ru and Fox, Lena")


def test_gost_heading_then_a_title_opening_with_a_one_word_sentence():
    """`Family I. Word. Title / Given Family – Place : Publisher, Year.`: the heading is the
    author, the title runs from after the initials to the slash (the one-word sentence its first)."""
    f = _fields("Крапивин П. Rust. Быстрые мосты / Пётр Крапивин – Москва : Вымысел, 2019. – 320 с.")
    assert f["author"].startswith("Крапивин")
    assert f["title"] == "Rust. Быстрые мосты"
    f = _fields("Dale K. Bridges / K.Dale. – Invented Media, 2004. – 336p.")
    assert f["author"].startswith("Dale")
    assert f["title"] == "Bridges"


def test_gost_statement_of_responsibility_is_no_part_of_the_title():
    """The names after the slash (given names first, as printed) close the title; given names the
    heading repeats before the title (`Family Given I.`) are the heading's."""
    f = _fields("Вымыслов Б. Философия мостов / Борис Вымыслов; пер. с анг. Е. Матвеев – Санкт-Петербург : Питер, 2009. – 640с.")
    assert f["title"] == "Философия мостов"
    f = _fields("Мостов Дж. Мак-Вейл Элементарные шаблоны мостов / Джеймс Мак-Вейл Мостов – Москва : Вымысел, 2012. – 304 с.")
    assert f["title"] == "Элементарные шаблоны мостов"
    assert f["author"].startswith("Мостов,")


def test_gost_names_after_the_slash_before_the_editor_are_the_authors():
    """`Title / Family I., Family I.; под ред. I. Family`: the names before the `;` are the authors,
    the one after the editor's words the editor (not all of them editors)."""
    f = _fields("Реки: построение и анализ / Вымыслов Т., Мостовой Ч., Речной Р.; под ред. И. В. Иванова – Москва : Вымысел, 2005. – 296 с.")
    assert f["author"] == "Вымыслов, Т. and Мостовой, Ч. and Речной, Р."
    assert f["editor"] == "Иванова, И. В."


def test_pp_glued_to_the_range_is_no_part_of_the_pages():
    """`pp535–540` (MLA's `pp.` typed without its full stop): the pages are the range."""
    f = _fields("Holm, Anna, et al. “Counting Invented Bridges.” Journal of Bridges, vol. 279, no. 7, 1998, pp535–540.")
    assert f["pages"] == "535–540"
    f = _fields("Holm, AB et al. “Counting invented bridges in young towns.” Bridge Journal, vol. 74, no. 1, 1996, pp112-119.")
    assert f["pages"] == "112-119"


def test_an_article_number_after_the_issues_colon_is_the_pages():
    f = _fields("Invented Bridges Consortium et al. The invented bridges: A multiple-town atlas of spans. Bridges, 376(6594):ebrg4896, 2022.")
    assert f["pages"] == "ebrg4896"


def test_a_conferences_dates_before_the_imprint_give_no_year():
    """`// Материалы … конференции «…», 10-11 февраля 2011 г. – Воронеж, 2014.`: the year is the imprint's."""
    f = _fields("Мостов В.В. Инструмент для подсчёта мостов / В.В. Мостов, К.Е. Речной // Материалы пятой научн.-метод. "
                "конференции «Мосты: проблемы, методология, технологии», 10-11 февраля 2011 г. – Воронеж, 2014. – С. 154-161.")
    assert f["year"] == "2014"
    f = _fields("Мостов В.В. Подсчёт мостов / В.В. Мостов // Труды Международной конференции «Реки и мосты», "
                "3–5 марта 2019 г. – Москва : Вымысел, 2020. – С. 12-15.")
    assert f["year"] == "2020"


def test_mla_site_and_publisher_after_the_quoted_title():
    """MLA 8: `“Title.” Site, Publisher, address.`: no author; the site the container, the body
    closing the elements its publisher; a journal's publisher printed after it is no part of it."""
    f = _fields("“Bridges Defined.” National Institute on Invented Bridges and Rivers, U.S. Department of Invented Transport, "
                "www.nibr.example.gov/bridges/overview.")
    assert "author" not in f
    assert (f["title"], f["journal"], f["publisher"]) == ("Bridges Defined", "National Institute on Invented Bridges and Rivers", "U.S. Department of Invented Transport")
    f = _fields("“U.S. Bridge Statistics.” Bridgecount.org, www.bridgecount.org/statistics/understand_bridges.")
    assert f["journal"] == "Bridgecount.org"
    f = _fields("Holm, Anna A., et al. “Bridge Exposure and River Floods: Results of the Invented Study.” Bridge Epidemiology, "
                "Spans & Prevention, American Association for Bridge Research, vol. 10, no. 8, 2001, pp. 813–821.")
    assert (f["journal"], f["publisher"]) == ("Bridge Epidemiology, Spans & Prevention", "American Association for Bridge Research")
