"""Elsevier's first page: an `ARTICLE INFO` column of keywords, one a line, left of the
abstract, which starts at a third of the page and runs over the body's gutter. The abstract is
read whole, after the keywords, and each keyword line is one keyword (docs/formats.md)."""

from __future__ import annotations

import pytest

from exporter.model import plain_text
from exporter.readers.pdf.reader import read_pdf

from helpers import draw_text, pdf_canvas

KEYWORDS = ("Corrosion monitoring", "Corrosion rate", "Ultrasound", "Piezoelectric transducer", "Structural health monitoring")
ABSTRACT = (
    "Wall-thickness loss rate is an important parameter that defines a corrosion process. The",
    "speed at which it can be determined is directly related to how quickly one can intervene in",
    "a process that is heading in the wrong direction. Ultrasonic testing has been widely used as",
    "a convenient and efficient technique for online corrosion monitoring. In this paper, a",
    "statistics based approach for assessing the detection speeds of such systems is presented.",
)
LEFT = "Corrosion costs the oil and gas industry billions of dollars a year and more [1]."
RIGHT = "The statistical approach is equally applicable to analysing field measurements [2]."


def _title_block(c, justified: bool = False) -> None:
    """The title, the by-line and the ARTICLE INFO column of keywords left of the abstract;
    `justified`: the keyword lines run to 4 pt short of the abstract's edge."""
    draw_text(c, 38, 700, "On quantitative corrosion rate monitoring with ultrasound", 13.4)
    draw_text(c, 38, 678, "Fangxin Zou, Frederic B. Cegla", 10.6)
    draw_text(c, 38, 630, "ARTICLE INFO", 9)
    draw_text(c, 203, 630, "ABSTRACT", 9)
    draw_text(c, 38, 610, "Keywords:", 6.4)
    for k, keyword in enumerate(KEYWORDS):
        if justified:
            c.setFont("LiberationSerif", 6.4)
            c.drawRightString(199, 601 - 8.5 * k, keyword)
        else:
            draw_text(c, 38, 601 - 8.5 * k, keyword, 6.4)
    for k, line in enumerate(ABSTRACT):
        draw_text(c, 203, 610 - 9.5 * k, line, 7.2)


def _elsevier_page(path):
    c = pdf_canvas(path)
    _title_block(c)
    draw_text(c, 38, 520, "1. Introduction", 8)
    for k in range(14):  # the body in two columns, 38..288 and 307..557
        draw_text(c, 38, 500 - 10.5 * k, LEFT[:62], 8)
        draw_text(c, 307, 520 - 10.5 * k, RIGHT[:62], 8)
    c.save()
    return str(path)


def test_the_abstract_beside_the_article_info_column_is_read_whole_and_the_keywords_one_a_line(tmp_path):
    meta = read_pdf(_elsevier_page(tmp_path / "elsevier.pdf")).meta
    assert plain_text(meta.abstract) == " ".join(ABSTRACT)
    assert tuple(meta.keywords) == KEYWORDS


def test_keywords_one_a_line_under_their_label_in_text_are_each_a_keyword(tmp_path):
    """The same list as pdftotext gives it; a list written with commas, or wrapped on from the
    label's line, is split at its commas as before."""
    from exporter.readers import read_document

    head = ["On quantitative corrosion rate monitoring with ultrasound", "", "Fangxin Zou, Frederic B. Cegla", ""]
    tail = ["", "Abstract", " ".join(ABSTRACT), "", "1. Introduction", "", LEFT]
    listed = tmp_path / "listed.txt"
    listed.write_text("\n".join(head + ["Keywords:", *KEYWORDS] + tail) + "\n", encoding="utf-8")
    assert tuple(read_document(str(listed)).meta.keywords) == KEYWORDS
    commas = tmp_path / "commas.txt"
    commas.write_text("\n".join(head + ["Keywords:", "Corrosion monitoring, Corrosion rate,", "Ultrasound"] + tail) + "\n", encoding="utf-8")
    assert tuple(read_document(str(commas)).meta.keywords) == ("Corrosion monitoring", "Corrosion rate", "Ultrasound")


FOOT = (
    "https://doi.org/10.1016/j.jelechem.2018.02.005",
    "Received 30 November 2017; Received in revised form 1 February 2018; Accepted 5 February 2018",
    "Available online 06 February 2018",
    "1572-6657/ © 2018 The Authors. Published by Elsevier B.V. This is an open access article under the CC BY license.",
)


def test_the_first_pages_foot_of_credits_is_no_text_and_the_sentence_goes_on_past_it(tmp_path):
    """Elsevier's first page ends with the DOI, the article's history, the date it went online
    and the ISSN with its licence, a line each, under the column's text: they had been read
    into the body, cutting the sentence that goes on at the next page's top."""
    path = tmp_path / "foot.pdf"
    c = pdf_canvas(path)
    draw_text(c, 38, 760, "On quantitative corrosion rate monitoring with ultrasound", 13.4)
    draw_text(c, 38, 738, "Fangxin Zou, Frederic B. Cegla", 10.6)
    for k in range(12):
        draw_text(c, 38, 700 - 12 * k, LEFT, 9)
    draw_text(c, 38, 556, "The measurements that", 9)
    for k, line in enumerate(FOOT):
        draw_text(c, 38, 74 - 8.5 * k, line, 6.4)
    c.showPage()
    draw_text(c, 38, 760, "were acquired during the experiment are shown in the second figure.", 9)
    for k in range(8):
        draw_text(c, 38, 748 - 12 * k, RIGHT, 9)
    c.save()
    from exporter.model import Paragraph

    texts = [plain_text(b.inlines) for b in read_pdf(str(path)).blocks if isinstance(b, Paragraph)]
    body = " ".join(texts)
    for line in FOOT:
        assert line[:20] not in body
    assert "The measurements that were acquired during the experiment" in body


def test_credit_lines_are_told_from_sentences_about_receiving():
    from exporter.readers.plaintext.furniture import is_credit_line

    assert all(is_credit_line(line) for line in (*FOOT[1:], "Received: 12 March 2019 / Accepted: 3 June 2019", "Published online: 12 May 2020"))
    assert not any(is_credit_line(line) for line in ("Received 5 samples from the lab and accepted them.", "We received 30 November 2017 data.", "Available online resources are listed in Table 2."))


def _run(text: str, x0: float, x1: float, y: float, size: float = 8.0):
    from exporter.readers.pdf.layout import _Fragment

    return _Fragment([(ch, x0, x1, y, size) for ch in text], x0, x1, y, size)


def test_an_author_grid_under_the_title_is_no_column_beside_the_left_one():
    """ACM's first page: authors side by side, each cell (name, affiliation, city, e-mail)
    centred; the middle cells cross the body's gutter and stand beside the left cells as an
    abstract stands beside Elsevier's keywords, but they are narrow: the grid is no right column
    (a first version of the rule took the middle column for one, and three unseen ACM papers
    lost affiliations: degenhardt_ecom_acm all of them)."""
    from exporter.readers.pdf.layout import _beside_left_column

    width, gutter = 612.0, [297.0]
    left = [_run(t, 60, 150, 700 - 12 * k) for k, t in enumerate(("Jon Degenhardt", "eBay Inc.", "San Jose, USA", "jon@ebay.com"))]
    middle = [_run(t, 250, 350, 700 - 12 * k) for k, t in enumerate(("Surya Kallumadi", "Kansas State University", "Manhattan, Kansas", "surya@ksu.edu"))]
    assert _beside_left_column(left + middle, gutter, width) == []
    abstract = [_run(t, 203, 558, 700 - 10 * k) for k, t in enumerate(("Wall-thickness loss rate is an important", "parameter that defines a corrosion process", "and the speed at which it can be found", "matters to the industry."))]
    keywords = [_run(t, 38, 120, 700 - 9 * k, 6.4) for k, t in enumerate(("Keywords:", "Corrosion", "Ultrasound", "Transducer"))]
    (block,) = _beside_left_column(keywords + abstract, gutter, width)
    assert block[0] == abstract


def test_a_first_page_star_note_is_the_titles_and_leaves_the_paragraph_whole(tmp_path):
    """The title's or by-line's note (`* Corresponding author. E-mail …`) at the first page's
    foot: the text never calls it, so it stood where it was met, in the middle of the paragraph
    running on to the next page; it is the front matter's now, a note on the title (it opened
    the body until round 50)."""
    path = tmp_path / "star.pdf"
    c = pdf_canvas(path)
    draw_text(c, 60, 770, "On quantitative corrosion rate monitoring with ultrasound", 16, bold=True)
    draw_text(c, 60, 748, "Fangxin Zou", 11)
    draw_text(c, 60, 720, "1. Introduction", 11, bold=True)
    for k in range(40):
        draw_text(c, 60, 700 - 14 * k, LEFT, 10)
    draw_text(c, 60, 140, "The measurements that", 10)
    draw_text(c, 60, 100, "*", 5)
    draw_text(c, 65, 97, "Corresponding author. E-mail address: f.zou11@imperial.ac.uk (F. Zou).", 7)
    c.showPage()
    draw_text(c, 60, 780, "were acquired during the experiment are shown in the second figure.", 10)
    for k in range(10):
        draw_text(c, 60, 766 - 14 * k, RIGHT, 10)
    c.save()
    from exporter.model import Paragraph

    from exporter.model import Footnote

    doc = read_pdf(str(path))
    blocks = doc.blocks
    notes = [plain_text(n.inlines) for n in doc.meta.title if isinstance(n, Footnote)]
    assert len(notes) == 1 and notes[0].startswith("Corresponding author.")
    texts = [plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph)]
    assert not any("Corresponding author" in t for t in texts)
    assert any("The measurements that were acquired during the experiment" in t for t in texts)


@pytest.mark.parametrize("justified", [False, True])
def test_a_first_page_with_a_ruled_table_reads_the_article_info_column_as_one_without(tmp_path, justified):
    """A ruled table on the first page (SoftwareX's code metadata) makes the page's lines be read
    again around the table's cells; that reading had forgotten it was the first page, and the
    keywords came interleaved with the abstract's lines (seed-41 unseen u059). `justified`: the
    keyword lines run to 4 pt short of the abstract's edge, as a justified column does."""
    path = tmp_path / "table.pdf"
    c = pdf_canvas(path)
    _title_block(c, justified)
    draw_text(c, 240, 548, "Table 1. Code metadata.", 8)
    for y in (540, 525, 510):
        c.line(38, y, 557, y)
    for x in (38, 200, 557):
        c.line(x, 510, x, 540)
    draw_text(c, 42, 529, "Current code version", 8)
    draw_text(c, 204, 529, "0.1.0", 8)
    draw_text(c, 42, 514, "Legal code license", 8)
    draw_text(c, 204, 514, "MIT", 8)
    draw_text(c, 38, 480, "1. Introduction", 8)
    for k in range(12):
        draw_text(c, 38, 460 - 10.5 * k, LEFT[:62], 8)
        draw_text(c, 307, 480 - 10.5 * k, RIGHT[:62], 8)
    c.save()
    doc = read_pdf(str(path))
    assert plain_text(doc.meta.abstract) == " ".join(ABSTRACT)
    assert tuple(doc.meta.keywords) == KEYWORDS


def test_the_abstract_under_a_row_of_both_labels_is_the_run_after_the_keywords_not_a_note_above(tmp_path):
    """`ARTICLE INFO` and `ABSTRACT` on one row, the keywords wrapped in the left column, a long
    note in small type under the by-line (it had been taken for an unlabelled abstract), and
    the abstract's last line short, left of the page's middle (it had been parted off as body);
    a keyword line ending on the semicolon between two keywords had ended the keywords."""
    note = ("Course project manuscript prepared for reproducible software submission practice. Institutional affiliation and "
            "corresponding author details require author confirmation by the editors.")
    abstract = [
        "FedGuard is a reproducible software pipeline for federated anomaly detection in industrial",
        "settings with three practical constraints: limited uplink bandwidth, heterogeneous client data,",
        "and potentially poisoned model updates. The repository combines four elements in one single",
        "workflow that can be rerun, inspected, and",
        "extended.",
    ]
    path = tmp_path / "info.pdf"
    c = pdf_canvas(path)
    draw_text(c, 48, 760, "FedGuard: A reproducible software pipeline for federated anomaly detection", 14.5)
    draw_text(c, 48, 735, "Sundetkhan Bekzat, Baibolat Bekarys", 10)
    draw_text(c, 48, 715, note[:118], 8.4)
    draw_text(c, 48, 705, note[118:].strip(), 8.4)
    draw_text(c, 48, 670, "ARTICLE INFO", 9)
    draw_text(c, 224, 670, "ABSTRACT", 9)
    for k, line in enumerate(("Keywords: federated learning; anomaly de-", "tection; industrial IoT; Byzantine robustness;", "reproducible software; PyTorch")):
        draw_text(c, 48, 652 - 11 * k, line, 9.1)
    for k, line in enumerate(abstract):
        draw_text(c, 224, 652 - 11 * k, line, 8.2)
    draw_text(c, 48, 560, "1 Motivation and significance", 12, bold=True)
    for k in range(12):
        draw_text(c, 48, 540 - 11 * k, "Federated anomaly detection is relevant to industrial networks", 9.5)
        draw_text(c, 310, 540 - 11 * k, "because raw sensor streams are often costly to centralise.", 9.5)
    c.save()
    doc = read_pdf(str(path))
    assert plain_text(doc.meta.abstract) == " ".join(abstract)
    keywords = ("federated learning", "anomaly detection", "industrial IoT", "Byzantine robustness", "reproducible software", "PyTorch")
    assert tuple(doc.meta.keywords) == keywords and doc.meta.keyword_sets == (("en", keywords),)  # a line ending on `;` goes on
    assert not any("extended." == plain_text(b.inlines) for b in doc.blocks if hasattr(b, "inlines"))
