"""A reference list printed with no heading, in every reader (lists42; issue 16: numbered section
headings, numbered steps or findings and a table of contents are never a reference list).

The class came from bench/unseen batch 27 (an APA manuscript whose list follows the last paragraph
with no heading); every text here is invented. Entry counts and first words were read off these
texts by hand.
"""

from __future__ import annotations

import docx

from docx_samples import save
from exporter.model import BulletList, plain_text
from exporter.readers import read_document
from exporter.readers.markdown import read as read_markdown
from exporter.readers.plaintext import read_plaintext
from exporter.sourcefile import SourceText

BODY = (
    "Introduction\n\n"
    "Lake ice forms later each decade (Berglund & Hahn, 2014). Nordin et al. (2019) measured it on forty\n"
    "lakes, and the same trend appears in rivers (Kowalczyk, 2008; Ostrander et al., 2021). Earlier\n"
    "records are sparse (Abara, 2001).\n\n"
    "The lakes studied here lie north of the tree line, and their ice was read from shore.\n\n"
)
APA = [
    "Abara, T. (2001). Ice records of northern lakes. Journal of Limnic Studies, 12(3), 45–67.",
    "Berglund, K., & Hahn, M. (2014). Late freezing in a warming climate. Polar Waters, 8, 101–118.",
    "Kowalczyk, P. (2008). River ice and its decline. Hydrology Letters, 3(2), 12–19.",
    "Nordin, E., Falk, R., & Lund, S. (2019). Forty lakes: A survey of ice onset. Freshwater Reports, 44(1), e1021.",
    "Ostrander, J. B., Quill, A., Reyes, D., & Tamm, L. (2021). Rivers of the north. Cold Regions Press.",
]


def read(text: str):
    return read_plaintext(SourceText("p.txt", text, "utf-8"))


def body_text(doc) -> str:
    return " ".join(plain_text(b.inlines) for b in doc.blocks if hasattr(b, "inlines"))


# ---- the evidence ---------------------------------------------------------------------------------


def test_an_author_date_opening_is_names_then_a_date():
    from exporter.references.ownlist import author_date_opening

    assert author_date_opening(APA[1]) == ("Berglund", "2014")
    assert author_date_opening("Wickham, Hadley. 2016. ggplot2. Springer.") == ("Wickham", "2016")
    # prose naming an author, and a sentence with a year: no opening
    assert author_date_opening("Berglund, in a later survey (2014), found the same.") is None
    assert author_date_opening("In 2014 the lakes froze late (Berglund & Hahn, 2014).") is None


def test_a_reference_in_any_style_against_contents_and_findings():
    from exporter.references.ownlist import looks_like_reference

    assert looks_like_reference("A. Kowal and B. Reyes, “Ice onset in small lakes,” J. Cold Reg., vol. 4, pp. 10–19, 2015.")
    assert looks_like_reference("Kowal A, Reyes B. Ice onset in small lakes. J Cold Reg. 2015;4(2):10-9.")
    assert looks_like_reference("K . Olsen and P . R . Dahl , Phys . Lett . 2 4 1 B , 2 0 7 ( 1 9 9 0 ) .")  # a PDF layer's letter-spacing
    assert not looks_like_reference("Введение 3")  # a line of a table of contents
    assert not looks_like_reference("Ice forms later than in [1] and [2], as in 2019.")  # a finding


# ---- plain text (and pdftotext's text) ---------------------------------------------------------


def test_an_author_date_list_after_the_last_paragraph_is_read():
    doc = read(BODY + "\n".join(APA) + "\n")
    assert [e.text.split(",")[0] for e in doc.references] == ["Abara", "Berglund", "Kowalczyk", "Nordin", "Ostrander"]
    assert doc.references[4].text == APA[4]
    assert "Cold Regions Press" not in body_text(doc) and "tree line" in body_text(doc)


def test_a_double_spaced_headless_list_with_margin_line_numbers_is_read():
    # a manuscript's text as pdftotext gives it: every line between blank lines, each margin number on
    # a line of its own; entries wrapped over two lines
    lines = [
        "Lake ice forms later each decade (Berglund & Hahn, 2014), as Nordin et al. (2019) found on",
        "forty lakes; rivers follow (Kowalczyk, 2008; Ostrander et al., 2021; Abara, 2001).",
        "Abara, T. (2001). Ice records of northern lakes. Journal of Limnic Studies, 12(3),",
        "45–67. https://doi.org/10.0000/jls.2001.045",
        "Berglund, K., & Hahn, M. (2014). Late freezing in a warming climate. Polar Waters, 8,",
        "101–118.",
        *APA[2:],
    ]
    text = "".join(f"{line}\n\n{n}\n\n" for n, line in enumerate(lines, start=101))
    doc = read("Introduction\n\n" + text)
    assert [e.text.split(",")[0] for e in doc.references] == ["Abara", "Berglund", "Kowalczyk", "Nordin", "Ostrander"]
    assert doc.references[0].text.endswith("https://doi.org/10.0000/jls.2001.045")


def test_paragraphs_opening_with_names_are_no_list_unless_sorted_and_cited():
    # the same entries out of alphabetical order, or cited nowhere in the body: no list
    shuffled = [APA[3], APA[0], APA[4], APA[1], APA[2]]
    assert read(BODY + "\n".join(shuffled) + "\n").references == ()
    uncited = "Introduction\n\nLake ice forms later each decade, and rivers follow the lakes by a week.\n\n"
    assert read(uncited + "\n".join(APA) + "\n").references == ()


def test_a_table_of_contents_at_the_end_is_no_list():
    # a thesis printing its contents last: numbered lines 1, 2, … ending the paper while the body
    # cites [1]–[3]; the lines carry no year and none of a reference's marks
    doc = read(
        "Лёд на озёрах образуется позже [1], чем на реках [2], что отмечено и ранее [3].\n\n"
        "Содержание\n1. Введение 3\n2. Обзор методов 5\n3. Эксперименты 12\n4. Заключение 20\n"
    )
    assert doc.references == ()


def test_numbered_findings_at_the_end_are_no_list():
    doc = read(
        "Ice forms later than before [1], [2], and rivers follow the lakes [3].\n\nOur findings are these:\n"
        "1. Ice forms later than in [1] and [2].\n2. The trend is strongest in small lakes.\n3. Rivers follow lakes by a week [3].\n"
    )
    assert doc.references == ()
    assert "strongest in small lakes" in body_text(doc)


def test_short_numbered_sections_are_no_list():
    # numbered headings over one or two sentences each (too few for `reads_as_sections`), citing
    doc = read(
        "Abstract: lake ice is studied [1], [2], [3].\n\n"
        "1. Introduction\nWe study ice [1].\n2. Data\nWe used the records of [2] and [3].\n3. Results\nIce forms late.\n"
    )
    assert doc.references == ()


def test_a_numbered_ieee_list_with_no_heading_is_still_read():  # a guard: main read it too
    doc = read(
        "Ice forms later [1], [2], as rivers do [3].\n\n"
        "[1] A. Kowal and B. Reyes, “Ice onset in small lakes,” J. Cold Reg., vol. 4, no. 2, pp. 10–19, 2015.\n"
        "[2] C. Dunn, “Late ice,” in Proc. Cold Reg. Conf., 2018, pp. 1–4.\n"
        "[3] E. Frey, River Ice. Oslo: Nord Press, 2011.\n"
    )
    assert [e.number for e in doc.references] == [1, 2, 3]


# ---- Word --------------------------------------------------------------------------------------


def word(tmp_path, name: str, paragraphs: list[str]):
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    return read_document(str(save(d, tmp_path / name)))


BODY_PARAS = [p.replace("\n", " ") for p in BODY.split("\n\n") if p.strip()]


def test_a_word_author_date_list_with_no_heading_is_read(tmp_path):
    doc = word(tmp_path, "apa.docx", [*BODY_PARAS, *APA])
    assert [e.text.split(",")[0] for e in doc.references] == ["Abara", "Berglund", "Kowalczyk", "Nordin", "Ostrander"]
    assert "Cold Regions Press" not in body_text(doc)


def test_a_word_numbered_list_in_any_style_whose_numbers_are_cited(tmp_path):
    # Vancouver entries carry none of GOST's marks; their numbers are the ones the body cites
    vancouver = [
        "1. Kowal A, Reyes B. Ice onset in small lakes. J Cold Reg. 2015;4(2):10-9.",
        "2. Dunn C. Late ice on rivers. Hydrol Lett. 2018;7:1-4.",
        "3. Frey E, Holm T, et al. River ice in the north. Polar Waters. 2011;2(1):33-40.",
    ]
    cited = ["Late ice on northern lakes", "Introduction", "Ice forms later each decade [1], [2], as it does on rivers [3].", "The lakes lie north of the tree line."]
    doc = word(tmp_path, "vancouver.docx", [*cited, *vancouver])
    assert [e.text[:5] for e in doc.references] == ["Kowal", "Dunn ", "Frey "]
    # numbered findings citing the same numbers stay the body
    doc = word(tmp_path, "findings.docx", [*cited, "Our findings:", "1. Ice forms later than in [1] and [2].",
                                           "2. The trend is strongest in small lakes.", "3. Rivers follow lakes by a week [3]."])
    assert doc.references == ()


# ---- Markdown ----------------------------------------------------------------------------------


def markdown(tmp_path, text: str):
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    return read_markdown(str(path))


def test_a_markdown_list_with_no_heading(tmp_path):
    doc = markdown(tmp_path, "# Ice\n\nIce forms later [1], [2], as rivers do [3].\n\n"
                   "1. A. Kowal and B. Reyes, “Ice onset in small lakes,” J. Cold Reg., vol. 4, pp. 10–19, 2015.\n"
                   "2. C. Dunn, “Late ice,” in Proc. Cold Reg. Conf., 2018, pp. 1–4.\n3. E. Frey, River Ice. Oslo: Nord Press, 2011.\n")
    assert [e.text[:8] for e in doc.references] == ["A. Kowal", "C. Dunn,", "E. Frey,"]
    assert not any(isinstance(b, BulletList) for b in doc.blocks)
    doc = markdown(tmp_path, "# Ice\n\n" + BODY.split("\n\n", 1)[1] + "\n\n".join(APA) + "\n")
    assert [e.text.split(",")[0] for e in doc.references] == ["Abara", "Berglund", "Kowalczyk", "Nordin", "Ostrander"]


def test_markdown_steps_at_the_end_are_no_list(tmp_path):
    doc = markdown(tmp_path, "# Ice\n\nIce forms later [1], [2], as rivers do [3].\n\n## Method\n\n"
                   "1. Drill the ice as in [1].\n2. Measure its depth.\n3. Repeat weekly, as [3] did.\n")
    assert doc.references == ()
    assert isinstance(doc.blocks[-1], BulletList)


# ---- PDF ---------------------------------------------------------------------------------------

CHICAGO = (
    ("Abbott, Marian K., and Lee R. Voss. 2012. “Frost Heave in Northern Soils.” Cold Regions Science",
     "14 (2): 101–19."),
    ("Brandt, Oskar, Helena M. Ruiz, and Tomas Wieland. 2017. “Ice Onset on Small Lakes: A Survey of",
     "Forty Years.” Limnology Letters 9: 33–48."),
    ("Castellan, Dora P. 2009. Winter Waters. Oslo: Nord Press.",),
    ("Dunmore, Alan J., Priya Kaur, Felix O. Strand, and Ruth E.",
     "Hale. 2020. “River Ice Decline.” Hydrology Reports 31 (4): 455–70."),
    ("Eklund, Maja. 2015. “Late Freeze.” Polar Waters 8: 12–29.",),
)


def test_a_pdf_list_with_no_heading_set_with_hanging_indents(tmp_path):
    from exporter.readers.pdf.reader import read_pdf
    from helpers import draw_text, pdf_canvas

    path = tmp_path / "chicago.pdf"
    c = pdf_canvas(path)
    draw_text(c, 60, 780, "Ice on northern lakes and rivers", 16, bold=True)
    draw_text(c, 60, 760, "Marta K. Lindgren", 11)
    prose = ("Frost reaches deeper each decade (Abbott and Voss 2012; Brandt et al. 2017), as Castellan (2009)",
             "found on rivers; lakes follow them (Eklund 2015). The lakes studied here lie north of the tree line.")
    for k, line in enumerate(prose):
        draw_text(c, 60, 720 - 14 * k, line, 10)
    y = 680
    for entry in CHICAGO:
        for k, text in enumerate(entry):
            draw_text(c, 60 if k == 0 else 78, y, text, 10)
            y -= 13
    c.save()
    doc = read_pdf(str(path))
    assert [e.text.split(",")[0] for e in doc.references] == ["Abbott", "Brandt", "Castellan", "Dunmore", "Eklund"]
    assert doc.references[3].text.endswith("455–70.")
    assert "Nord Press" not in body_text(doc) and "tree line" in body_text(doc)


def test_an_apa_opening_whole_on_its_line_opens_an_entry_after_an_address_tail():
    # a double-spaced list: the DOI's wrapped tail (`0417-x`) ends its entry with no full stop; the
    # next line's `Family, I. (year).` opens the next entry, and a wrapped line of names does not
    # (after a comma, `&`, or a name begun after `and`)
    lines = [
        "Abara, T. (2001). Ice records of northern lakes. Journal of Limnic Studies, 12(3), 45–67.",
        "https://doi.org/10.0000/s10530-001-",
        "0417-x",
        "Berglund, K., & Hahn, M. (2014). Late freezing in a warming climate. Polar Waters, 8, 101–118.",
        "Kowalczyk, P., Nordin, E., Falk, R., Lund, S., Ostrander, J. B., Quill, A., Reyes, D., Tamm, L., &",
        "Wiik, O. (2008). River ice and its decline. Hydrology Letters, 3(2), 12–19.",
        "Nordin, E., Falk, R., and Van",  # a family name with its particle cut at the line's end
        "Hoorn, P. (2019). Forty lakes: A survey of ice onset. Freshwater Reports, 44(1), e1021.",
        APA[4],
    ]
    doc = read(BODY + "References\n\n" + "".join(f"{line}\n\n" for line in lines))
    assert [e.text.split(",")[0] for e in doc.references] == ["Abara", "Berglund", "Kowalczyk", "Nordin", "Ostrander"]
    assert doc.references[0].text.endswith("0417-x")
