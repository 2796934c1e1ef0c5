"""The plain-text reader on the seed and demo papers and on small hand-made texts.

Expected values were read off the source files by hand (line numbers quoted in comments).
"""

from __future__ import annotations

import pytest

from exporter.diagnostics import InputError
from exporter.readers.plaintext.frontmatter import read_front_matter
from exporter.linker import iter_citations
from exporter.model import BulletList, Paragraph, Quote
from exporter.language import detect_language
from exporter.readers.plaintext import read_plaintext
from exporter.report import inline_text
from exporter.sourcefile import SourceText, decode, read_source

from helpers import DEMO, SEED, seed_line


def read_text(text: str, path: str = "t.txt"):
    return read_plaintext(SourceText(path, text, "utf-8"))


@pytest.fixture(scope="module")
def seed_doc():
    return read_plaintext(read_source(SEED))


@pytest.fixture(scope="module")
def demo_doc():
    return read_plaintext(read_source(DEMO))


# ---- the seed: front matter --------------------------------------------------------------


def test_seed_front_matter(seed_doc):
    m = seed_doc.meta
    assert m.udc == "930.85"  # seed 1: " ӘОЖ 930.85 "
    assert m.title_text == "ҚАЗАҚСТАН МЕН ҚЫТАЙ ҚАРЫМ-ҚАТЫНАСЫ: КЕШЕ ЖӘНЕ БҮГІН"  # seed 3
    assert m.authors == ("Жахан Жанар",)  # seed 6
    assert m.affiliations == ("Л.Н.Гумилев атындағы Еуразия ұлттық университеті",)  # seed 7
    assert m.position == "тарих мамандығының 2-курс магистранты"  # seed 9
    assert m.supervisor == "т.ғ.к., доцент Сейтказина Қ.О."  # seed 10, double space collapsed
    assert m.language == "kk"
    assert m.irsti is None and m.abstract_text is None and m.keywords == ()


def test_seed_body_starts_at_line_13(seed_lines, seed_doc):
    assert read_front_matter(seed_lines).body_start == 12  # index of seed line 13
    first = seed_doc.blocks[0]
    assert isinstance(first, Paragraph)
    assert (first.span.line, first.span.column) == (13, 1)


# ---- the seed: body ----------------------------------------------------------------------


def test_seed_first_paragraph_rejoined_over_page_break(seed_doc):
    # seed 13-22, with the blank line 14 inside: one paragraph.
    first = seed_doc.blocks[0]
    assert (first.span.line, first.span.end_line, first.span.end_column) == (13, 22, 44)
    text = inline_text(first.inlines)
    assert text.startswith("Қазақстан мен Қытай жақын көрші және ортақ таулармен және өзендермен байланысқан. Екі елдің")
    assert text.endswith("шын мәніндегі жарқын мысалы болып табылады.")
    assert "  " not in text


def test_seed_second_paragraph(seed_doc):
    # seed 24-27: "Бүгін екі елдің ..." / "... деуге болады.  "
    block = seed_doc.blocks[1]
    assert (block.span.line, block.span.end_line) == (24, 27)
    assert inline_text(block.inlines) == (
        "Бүгін екі елдің дипломатиялық қарым-қатынас орнатқанына 20 неше жыл болды. Өткен "
        "20 неше жыл екі ел үшін әлеуметтік-экономикалық даму мен мемлекеттілік құруда адам "
        "айтқысыз табыстарға қол жеткізген, сонымен қатар, Қытай мен Қазақстанның стратегиялық "
        "әріптестік қарым-қатынасын дамытуда тұрақты кезең болды деуге болады."
    )


def test_seed_treaties_are_a_three_item_list(seed_doc):
    lists = [b for b in seed_doc.blocks if isinstance(b, BulletList)]
    assert len(lists) == 1
    (treaties,) = lists
    items = [(i.span.line, i.span.column, i.span.end_line, inline_text(i.inlines)) for i in treaties.items]
    assert items == [
        # seed 214-215 "- 1860  жылғы  2  қарашадағы ..." / "бағыты анықталды. "
        (214, 3, 215, "1860 жылғы 2 қарашадағы Бейжиң қосымша шарты. Онда шекараның жалпы бағыты анықталды."),
        # seed 217-218 "-1864 жылғы 25-қазандағы ..." / "бойынша өтуін анықтады. "
        (217, 2, 218, "1864 жылғы 25-қазандағы Шәуешек хаттамасы. Шекараның географиялық бағыттар бойынша өтуін анықтады."),
        # seed 220-222 "-1881жылғы 12 ақпандағы ..." / ... / "қайтарылды. "
        (
            220,
            2,
            222,
            "1881жылғы 12 ақпандағы Санкт-Петербург шарты. Шекараның Зайсан көлі ауданы арқылы өтуін "
            "нақтылау және Қытайға Құлжа қаласы орталығы болып табылатын Іле өлкесі қайтарылды.",
        ),
    ]
    # the paragraph before ends "... белгіленген болатын." (seed 212); the one after starts at 224
    index = seed_doc.blocks.index(treaties)
    assert inline_text(seed_doc.blocks[index - 1].inlines).endswith("негізінде белгіленген болатын.")
    assert seed_doc.blocks[index + 1].span.line == 224


def test_seed_short_line_closes_paragraph_and_page_break_rejoins(seed_doc):
    # seed 464-468 is one paragraph (ends "... маңызы аса зор болды." on 468, no blank line after);
    # seed 469 + 471 (blank 470 between) + ... + 478 is the next one.
    by_line = {b.span.line: b for b in seed_doc.blocks}
    assert by_line[464].span.end_line == 468
    assert inline_text(by_line[464].inlines).endswith("шешудің мемлекет үшін маңызы аса зор болды.")
    para = by_line[469]
    assert para.span.end_line == 478
    text = inline_text(para.inlines)
    assert text.startswith("Қытай Халық Республикасы – Қазақстанның мемлекеттік қауіпсіздігі мен экономикалық дамуына")
    assert "шамамен – 1740 шақырым [13]. Қытай – Қазақстанның Тынық мұхит" in text


def test_seed_repairs_inside_paragraphs(seed_doc):
    texts = [inline_text(b.inlines) for b in seed_doc.blocks if not isinstance(b, BulletList)]
    whole = "\n".join(texts)
    assert "Соңғы жылдары елдердің ынтымақтастығы сауда-экономикалық," in whole  # seed 60-61
    assert "мемлекеттен жан-жақты ашық экономикалы" in whole  # seed 121-122
    assert "принципі негізінде қарым-қатынасты дамыту" in whole  # seed 136-137
    assert "достық қарым-қатынасының негізгі жөніндегі" in whole  # seed 299-300
    assert "анықталған, сондай-ақ, еліміздің" in whole  # seed 502-503
    assert "Қазақстанда да «Кеңес-СиньЦзян саудасы»" in whole  # seed 516-517
    assert "келеді. Саяси-экономикалық, мәдени-әлеуметтік" in whole  # seed 557-558
    assert "басты себебі – еліміз бейбіт" in whole  # seed 134-135
    assert "шетіндегі Ресей – Қытай шекарасының" in whole  # seed 226
    for broken in ("ынты-", "жан-жақ-", " --", "  "):
        assert broken not in whole


def test_seed_has_no_reference_list_and_no_quotes(seed_doc):
    assert seed_doc.references == ()
    assert seed_doc.references_span is None
    assert not any(isinstance(b, Quote) for b in seed_doc.blocks)
    # The file ends "...қойылды. \n ": line 602 holds one space; the last line of text is 601.
    assert seed_doc.end_line == 601
    assert seed_doc.notes == ()


def test_seed_citations_with_positions(seed_lines, seed_doc):
    cites = list(iter_citations(seed_doc))
    got = [(c.raw, c.span.line, c.span.column) for c in cites]
    assert got == [
        ("[9]", 283, 17),  # seed 283: "мүмкіншіліктері [9]. "
        ("[5]", 316, 31),  # seed 316: "қысқартылуын қолдаймыз» дейді [5].    "
        ("[11]", 356, 76),  # seed 356: "... уақытша ереже» қабылдады [11]. "
        ("[12]", 396, 1),  # seed 396: "[12]. "
        ("[13]", 473, 67),  # seed 473: "... шамамен - 1740 шақырым [13].          Қытай - "
        ("[13]", 478, 52),  # seed 478: "... «Батыс қақпа» деп атайды [13]. "
        ("[1]", 486, 12),  # seed 486: "маңызға ие [1].  "
        ("[2]", 506, 80),  # seed 506: "... көз жеткіземіз [2]. Екі "
    ]
    for raw, line, column in got:  # each position points at the bracket in the source
        assert seed_line(seed_lines, line)[column - 1 : column - 1 + len(raw)] == raw
    assert all(c.span.end_line == c.span.line and c.span.end_column == c.span.column + len(c.raw) for c in cites)


# ---- the demo ----------------------------------------------------------------------------


def test_demo_front_matter(demo_doc):
    m = demo_doc.meta
    assert (m.udc, m.title_text) == ("004.91", "CHECKING CITATIONS BEFORE TYPESETTING")
    assert m.authors == ("Aigerim Sadykova",)
    assert m.affiliations == ("Demo University of Document Engineering",)
    assert m.position == "master's student, computer science"
    assert m.supervisor == "Cand. Sc., assoc. prof. Nurlan Bekov"
    assert m.abstract_text == (
        "A short paper written to demonstrate the exporter: every citation in it "
        "has an entry in its reference list, so the check comes out clean."
    )
    assert m.keywords == ("citations", "bibliography", "typesetting", "BibTeX")
    assert m.language == "en"


def test_demo_list_after_colon(demo_doc):
    # demo 26 "The checks this tool makes are simple:" then three "- " items (27-29)
    para, lst = demo_doc.blocks[2], demo_doc.blocks[3]
    assert inline_text(para.inlines) == "The checks this tool makes are simple:"
    assert isinstance(lst, BulletList)
    assert [inline_text(i.inlines) for i in lst.items] == [
        "every citation must have an entry;",
        "every entry should be cited at least once;",
        "entries are numbered in order of their first citation [1; 2].",
    ]


def test_demo_reference_list(demo_doc):
    refs = demo_doc.references
    assert [(e.number, e.span.line, e.span.column) for e in refs] == [(1, 33, 4), (2, 34, 4), (3, 36, 4), (4, 38, 4), (5, 40, 4), (6, 41, 4)]
    # demo 36-37: "3. Mittelbach ... Boston: Addison-Wesley," / "2004. 1090 p.": a year, not entry 2004
    assert refs[2].text == "Mittelbach F., Goossens M. The LaTeX Companion. 2nd ed. Boston: Addison-Wesley, 2004. 1090 p."
    assert refs[5].span.end_line == 43
    assert refs[5].text.endswith("1931. Vol. 38. P. 173–198.")
    assert demo_doc.references_span is not None and demo_doc.references_span.line == 31


def test_demo_citation_positions(demo_doc):
    got = [(c.raw, c.span.line, c.span.column) for c in iter_citations(demo_doc)]
    assert got == [
        ("[1]", 16, 58),  # demo 16: "it cites. TeX gave authors precise control over the page [1], and ..."
        ("[2, p. 45]", 17, 46),  # demo 17: "logical markup that most journals now expect [2, p. 45]."
        ("[3–4]", 19, 27),  # demo 19: "Handbooks of both systems [3–4] show ..."
        ("[5]", 21, 62),  # demo 21: "apart, in a database that BibTeX turns into a formatted list [5]. ..."
        ("[6]", 23, 76),  # demo 23: "... Even a classic of mathematical logic [6] is cited ..."
        ("[1; 2]", 29, 57),  # demo 29: "- entries are numbered in order of their first citation [1; 2]."
    ]
    lines = DEMO.read_text(encoding="utf-8").split("\n")
    for raw, line, column in got:
        assert lines[line - 1][column - 1 : column - 1 + len(raw)] == raw


# ---- reference lists ---------------------------------------------------------------------


def test_duplicate_entry_number_starts_a_new_entry():
    doc = read_text(
        "алдымен мәтін [1], [2].\n\nӘдебиеттер тізімі\n"
        "1. Бірінші кітап.\n"
        "2. Екінші кітап.\n"
        "2. Қайталанған нөмір.\n"
        "3. Үшінші кітап.\n"
    )
    assert [(e.number, e.span.line, e.text) for e in doc.references] == [
        (1, 4, "Бірінші кітап."),
        (2, 5, "Екінші кітап."),
        (2, 6, "Қайталанған нөмір."),
        (3, 7, "Үшінші кітап."),
    ]


def test_wrapped_entry_line_starting_with_a_number_continues_the_entry():
    doc = read_text("text [1]\n\nReferences\n1. Knuth D. E. The TeXbook. Reading, MA:\n1984. 483 p.\n2. Other.\n")
    assert [(e.number, e.text) for e in doc.references] == [
        (1, "Knuth D. E. The TeXbook. Reading, MA: 1984. 483 p."),
        (2, "Other."),
    ]


def test_bracket_numbered_and_unnumbered_lists():
    doc = read_text("text [2]\n\nСписок литературы:\n[1] Один.\n[2] Два.\n")
    assert [(e.key, e.span.column, e.text) for e in doc.references] == [("1", 5, "Один."), ("2", 5, "Два.")]
    # A line opening with a name and initials after a complete entry opens the next entry,
    # blank line or not (lists18: unnumbered APA/JSS lists wrapped by pdftotext have none).
    doc = read_text("text [2]\n\nReferences\nSmith J. A book.\nDoe J. Another\nbook.\n\nRoe R. Third.\n")
    assert [(e.number, e.text) for e in doc.references] == [(1, "Smith J. A book."), (2, "Doe J. Another book."), (3, "Roe R. Third.")]
    doc = read_text("text [2]\n\nReferences\nSmith J. A book.\nDoe J. Another.\n")
    assert [(e.number, e.span.line, e.text) for e in doc.references] == [(1, 4, "Smith J. A book."), (2, 5, "Doe J. Another.")]


def test_last_reference_heading_wins():
    # A "References" line inside the body is text if a later one heads the list.
    doc = read_text("Literature\nabout it [1].\n\nReferences\n1. One.\n")
    assert doc.references_span.line == 4
    assert [e.text for e in doc.references] == ["One."]


# ---- language, control characters, empty input -------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Қазақстан мен Қытай жақын көрші", "kk"),
        ("Торговля между степью и Синьцзяном", "ru"),
        ("Typesetting systems have long separated", "en"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_control_characters_are_gaps_and_reported():
    doc = read_text("бір\x00екі [1]\x0cүш\n")
    assert [(n.code, n.line, n.column) for n in doc.notes] == [("TXT001", 1, 4)]
    assert "and 1 more" in doc.notes[0].message
    (para,) = doc.blocks
    assert inline_text(para.inlines) == "бір екі [1] үш"
    (cite,) = iter_citations(doc)
    assert (cite.span.line, cite.span.column) == (1, 9)


def test_crlf_and_bom_keep_columns():
    doc = read_plaintext(decode("t.txt", b"\xef\xbb\xbfone [1] two\r\nthree [2]\r\n"))
    assert doc.encoding == "utf-8-sig"
    assert [(c.span.line, c.span.column) for c in iter_citations(doc)] == [(1, 5), (2, 7)]


@pytest.mark.parametrize(("text", "message"), [("", "is empty"), (" \n\t\n\x0c\n", "contains no text")])
def test_empty_input_is_an_input_error(text, message):
    with pytest.raises(InputError) as info:
        read_text(text, "empty.txt")
    assert str(info.value).startswith("empty.txt: ") and message in str(info.value)


def test_text_without_front_matter_is_all_body():
    doc = read_text("жай мәтін [1] мұнда.\nЕкінші жол.\n")
    assert doc.meta.title_text is None and doc.meta.authors == ()
    assert doc.blocks[0].span.line == 1


def test_glyph_numbers_from_a_pdf_are_refused_with_what_they_are():
    # pdftotext's text of a PDF whose fonts map no characters (an unseen journal page): words of
    # control characters between spaces, on lines, pages parted by form feeds
    page = "\n".join(" ".join("\x02\x03\x04\x05\x06"[: 2 + (n + w) % 4] for w in range(8)) for n in range(40))
    with pytest.raises(InputError, match="glyph numbers, not letters.*OCR"):
        decode("paper.txt", (page + "\f" + page + "\f").encode("ascii"))
    with pytest.raises(InputError, match="is binary data, not text"):  # controls with no such layout
        decode("paper.txt", bytes(range(1, 32)) * 40)
