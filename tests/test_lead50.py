"""Papers read as a user reads them (lead, round 50): what the editions got wrong on unseen
papers, each tested on a small invented input of the same form."""

from __future__ import annotations

from docx_samples import append_xml, save

from exporter.model import Paragraph, plain_text
from exporter.readers import read_document


def _sym(font: str, char: str) -> str:
    return f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'


def test_characters_inserted_from_the_symbol_font_are_read(tmp_path):
    """Word's Insert > Symbol writes `w:sym` (Symbol's byte code moved to U+F0xx): a typed
    dash opening a list item, a logic thesis's ∈ ∃ ¬ ∧ ∨, a ± were all lost from every edition."""
    import docx

    document = docx.Document()
    append_xml(document.add_paragraph(), _sym("Symbol", "F02D") + '<w:r><w:t xml:space="preserve"> угловая скорость ротора.</w:t></w:r>')
    formula = document.add_paragraph("Формула ")
    for char in ("F024", "F0CE", "F0D8", "F0D9", "F0DA", "F0B1", "0061"):
        append_xml(formula, _sym("Symbol", char))
    append_xml(document.add_paragraph("Тире "), _sym("Times New Roman", "2014") + "<w:r><w:t>.</w:t></w:r>")
    doc = read_document(str(save(document, tmp_path / "sym.docx")))
    texts = [plain_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts == ["− угловая скорость ротора.", "Формула ∃∈¬∧∨±α", "Тире —."]
    assert list(doc.notes) == []


def test_a_character_of_an_unknown_symbol_font_is_reported_not_silently_dropped(tmp_path):
    import docx

    document = docx.Document()
    append_xml(document.add_paragraph("Пункт "), _sym("Wingdings", "F0A7"))
    doc = read_document(str(save(document, tmp_path / "wing.docx")))
    assert [(n.code, n.paragraph) for n in doc.notes] == [("DOC001", 1)]
    assert "font Wingdings (code F0A7)" in doc.notes[0].message


SUPERVISED = [
    "УДК 004.93",
    "П. Р. Сидоренко",
    "студент кафедры вычислительных систем",
    "Л. М. Гаврилова – кандидат технических наук, доцент – научный руководитель",
    "",
    "МЕТОДЫ РАСПОЗНАВАНИЯ ОБРАЗОВ В ЗАДАЧАХ КОНТРОЛЯ",
    "",
    "Распознавание образов применяется в задачах контроля качества продукции [1]. В работе",
    "рассматриваются методы, основанные на признаках изображения.",
]


def test_a_supervisor_named_before_the_label_is_the_supervisor_not_a_position():
    """Student conferences print `Name – rank – научный руководитель`: the label after the
    person. The text and PDF readers took the line for the author's position; Word's lost it."""
    from helpers import text_front_matter

    meta = text_front_matter(SUPERVISED)
    assert (list(meta.authors), meta.supervisor, meta.position) == (["П. Р. Сидоренко"], "Л. М. Гаврилова – кандидат технических наук, доцент", None)


def test_a_supervisor_named_before_the_label_in_word(tmp_path):
    from helpers import title_block_docx

    path = title_block_docx(tmp_path / "s.docx", [(t, {"bold": t.isupper(), "center": t.isupper()}) for t in SUPERVISED[:7] if t], body=SUPERVISED[7:])
    meta = read_document(path).meta
    assert (list(meta.authors), meta.supervisor) == (["П. Р. Сидоренко"], "Л. М. Гаврилова – кандидат технических наук, доцент")


def test_a_sentence_ending_on_the_supervisors_role_names_no_supervisor():
    from exporter.readers.plaintext.frontmatter import supervisor_after

    assert supervisor_after("психологический барьер языковой. Их преподаватель, научный руководитель") is None
    assert supervisor_after("Ivan Petrov, PhD, research supervisor") == "Ivan Petrov, PhD"


def _text_paper(tmp_path, body: list[str], entries: int):
    """A text paper of `body` citing a list of `entries`, read and linked as `check` reads it."""
    from exporter.pipeline import read_and_link

    refs = [f"({n}) Author{n}, A. A Study of Things Number {n}. J. Chem. 20{n:02d}, {n}, 1−{n + 5}." for n in range(1, entries + 1)]
    front = ["Reading Superscripts Back from Flattened Text", "", "A. Writer", "", "Introduction", ""]
    path = tmp_path / "p.txt"
    path.write_text("\n".join([*front, *body, "", "REFERENCES", "", *refs]) + "\n", encoding="utf-8")
    return read_and_link(str(path), pictures=False)


def _cited(doc) -> list[str]:
    from exporter.model import Citation, Superscript

    out = []

    def walk(nodes):
        for node in nodes:
            if isinstance(node, Citation):
                out.append(node.raw)
            elif isinstance(node, Superscript):
                walk(node.inlines)

    for block in doc.blocks:
        walk(getattr(block, "inlines", ()))
    return out


def test_superscript_citations_flattened_by_a_text_extraction_are_read(tmp_path):
    """ACS, Nature and AIP cite by superscripts; pdftotext glues them to the punctuation after
    the word (`applications.1−4 Among`). Each new number the next in order of first citation:
    those marks are the paper's citations (before: none read, every entry `never cited`)."""
    body = [
        "Redox flow batteries suit stationary energy storage applications.1−4 Among the",
        "technical problems, films form on the negative electrodes.5,6 These films interfere",
        "with charge transfer at the interfaces.7 As Fig.8 shows, the rate falls by 12 %.",
        "Screening by machine learning is faster,8 as reported before.2",
    ]
    linked = _text_paper(tmp_path, body, 8)
    assert _cited(linked.document) == ["1−4", "5,6", "7", "8", "2"]  # `Fig.8` is the figure's number
    assert [d.code for d in linked.diagnostics if d.code in ("CIT001", "CIT002")] == []  # each entry cited, each label found


def test_glued_numbers_out_of_citation_order_are_left_as_text(tmp_path):
    """A footnote's mark, an index or a page number glued to a word follows no order of first
    citation: a paper whose glued numbers do not count 1, 2, 3… cites nothing by them."""
    body = [
        "The first recommender system.3 It made the rating matrix dense.1 Later work,",
        "parallelisation of the algorithm.2 and more: the result.5",
    ]
    linked = _text_paper(tmp_path, body, 6)
    assert _cited(linked.document) == []
    assert [d.code for d in linked.diagnostics].count("CIT002") == 6


def test_a_sections_name_under_an_empty_abstract_label_starts_the_body(tmp_path):
    """An outline (`Abstract` with nothing under it, then the sections as a numbered list): the
    first section's name was read as the abstract, the next ones lost and a subsection's
    name taken for the author."""
    import docx

    document = docx.Document()
    document.add_paragraph("Remote Sensing Image Super-resolution via an Adversarial Network", style="Title")
    document.add_paragraph("Abstract")
    for name in ("Introduction", "Methods", "Network Architecture", "Perceptual Loss", "Experiments"):
        document.add_paragraph(name, style="List Number")
    doc = read_document(str(save(document, tmp_path / "outline.docx")))
    items = [plain_text(item.inlines) for block in doc.blocks for item in getattr(block, "items", ())]
    assert items == ["Introduction", "Methods", "Network Architecture", "Perceptual Loss", "Experiments"]
    assert (list(doc.meta.authors), doc.meta.abstracts) == ([], ())


def _headings(tmp_path, lines: list[str]) -> list[str]:
    from exporter.model import Heading

    path = tmp_path / "h.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [plain_text(b.inlines) for b in read_document(str(path)).blocks if isinstance(b, Heading)]


PROSE = "The scheme is evaluated on three data sets and compared with two earlier schemes in terms of time and accuracy."


def test_small_capitals_headings_of_a_text_extraction_are_printed_joined(tmp_path):
    """IEEEtran's headings in small capitals come out of pdftotext with each first letter apart
    (`I. I NTRODUCTION`, `II. R ELATION BETWEEN ECC S AND …`): printed so in every edition."""
    lines = ["A Distributed Coded Computation Scheme", "", "Koki Tanaka", "", "I. I NTRODUCTION", PROSE, "",
             "II. R ELATION BETWEEN ECC S AND P REVIOUS DCC S", PROSE, "", "III. P ERFORMANCE E VALUATIONS ON THE P ROPOSED S CHEMES", PROSE]
    assert _headings(tmp_path, lines) == ["I. INTRODUCTION", "II. RELATION BETWEEN ECCS AND PREVIOUS DCCS", "III. PERFORMANCE EVALUATIONS ON THE PROPOSED SCHEMES"]


def test_capitals_headings_without_small_capitals_keep_their_words(tmp_path):
    """In a paper with small-capitals headings, `A NEW METHOD` stays two words: the text writes
    `new`, never `anew` (a split first letter's tail, `NALYSIS`, is no word of it)."""
    lines = ["A Distributed Coded Computation Scheme", "", "Koki Tanaka", "", "I. I NTRODUCTION", PROSE + " A new method follows.", "",
             "II. A NEW METHOD", PROSE, "", "III. A NALYSIS OF R ESULTS", PROSE]
    assert _headings(tmp_path, lines) == ["I. INTRODUCTION", "II. A NEW METHOD", "III. ANALYSIS OF RESULTS"]


def test_an_institution_under_the_names_of_a_by_line_is_no_author():
    """IEEE's by-line columns through pdftotext: each name, then its university and e-mail;
    `Waseda University` is two capitalised words, as a name is, but names an institution."""
    from helpers import text_front_matter

    lines = ["A Distributed Coded Computation Scheme Based on", "a Gabidulin Code and the Performance Evaluation", "Koki Tanaka", "", "Toshiro Matsuda", "",
             "Waseda University", "Email: koki@fuji.example.jp", "", "Waseda University", "Email: toshi@example.jp", "",
             "Abstract—We focus on a distributed coded computation scheme for matrix multiplication.", "", "I. INTRODUCTION", PROSE]
    meta = text_front_matter(lines)
    assert (list(meta.authors), list(meta.affiliations)) == (["Koki Tanaka", "Toshiro Matsuda"], ["Waseda University", "Waseda University"])


def _levels(tmp_path, lines: list[str]) -> list[tuple[int, str]]:
    from exporter.model import Heading

    path = tmp_path / "l.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [(b.level, plain_text(b.inlines)) for b in read_document(str(path)).blocks if isinstance(b, Heading)]


def test_ieee_lettered_subsections_under_roman_sections_are_headings(tmp_path):
    """IEEE letters the subsections of its Roman sections (`A. Class Activation Map`); through
    pdftotext each stands on a line above its text, which ran into the heading's paragraph."""
    lines = ["Weakly Supervised Object Detection Using Class Maps", "", "Vinh Tran", "",
             "I. INTRODUCTION", PROSE, "II. PRELIMINARY", "A. Class Activation Map", PROSE,
             "B. Bridging the Gap between Classification and Localization", "for Weakly Supervised Object Localization", PROSE,
             "III. METHOD", "A. Architecture", PROSE, "C. Post Processing", PROSE]
    assert _levels(tmp_path, lines) == [
        (1, "I. INTRODUCTION"), (1, "II. PRELIMINARY"), (2, "A. Class Activation Map"),
        (2, "B. Bridging the Gap between Classification and Localization for Weakly Supervised Object Localization"),
        (1, "III. METHOD"), (2, "A. Architecture"),  # `C.` after `A.` breaks the order: no heading
    ]


def test_a_keyword_lists_last_item_broken_onto_a_line_of_its_own_is_one_keyword():
    """`Index Terms—…, Rogue Access Point, Address` / `Resolution Protocol` / blank: the last
    keyword was cut at `Address` and its end printed as the body's first paragraph."""
    from helpers import text_front_matter

    lines = ["Rogue Access Point Detection by Using ARP Failure", "", "Kosuke Nakamura", "", "Abstract—" + PROSE,
             "Index Terms—Evil Twin Attack, Rogue Access Point, Address", "Resolution Protocol", "", "I. INTRODUCTION", PROSE]
    assert text_front_matter(lines).keywords == ("Evil Twin Attack", "Rogue Access Point", "Address Resolution Protocol")


def test_a_supervisor_labelled_inside_the_by_line_is_no_author(tmp_path):
    """`В.В. Яхричев, научный руководитель, старший преподаватель` under the author's line:
    the supervisor (the label between the name and the rank), not a second author."""
    from helpers import title_block_docx

    path = title_block_docx(tmp_path / "b.docx", [("РАЗРАБОТКА 3D ПРИНТЕРА НА ПЛАТФОРМЕ ARDUINO", {"bold": True, "center": True}), ("Д.Г. Иванов", {}),
                                                  ("В.В. Яхричев, научный руководитель, старший преподаватель", {}), ("Вологодский государственный университет", {})])
    meta = read_document(path).meta
    assert (list(meta.authors), meta.supervisor) == (["Д.Г. Иванов"], "В.В. Яхричев, старший преподаватель")


def test_a_covers_signature_line_is_no_affiliation():
    """`заведующий кафедрой ______ Штейнберг Б.Я.` names a department but is a form's line to
    sign on; a department written on its blank (`КАФЕДРА ___СИСТЕМЫ ОБРАБОТКИ___`) is one."""
    from exporter.readers.plaintext.frontmatter import entry_pieces

    assert entry_pieces("Допущено к защите: заведующий кафедрой _____________ Штейнберг Б.Я.") == []
    assert entry_pieces("КАФЕДРА _____СИСТЕМЫ ОБРАБОТКИ ИНФОРМАЦИИ И УПРАВЛЕНИЯ_____") == ["КАФЕДРА _____СИСТЕМЫ ОБРАБОТКИ ИНФОРМАЦИИ И УПРАВЛЕНИЯ_____"]


BYTE_PAPER = """Программа сбора данных скважин

Иванов И.И.

Введение

Текст работы [1] про типы данных и ещё [2] источник.

Динамограмма

Byte[3000]

Только чтение

СПИСОК ИСПОЛЬЗОВАННЫХ ИСТОЧНИКОВ

СИАМ. Уровнемеры // Официальный сайт [Электронный ресурс].
1
–
Режим доступа: http://www.siamoil.ru/Levelmeters (дата обращения: 16.04.2020).

Иванов И.И. Книга о скважинах. М.: Наука, 2001. 100 с.
2
–
"""


def test_an_index_beyond_a_list_whose_numbers_stand_apart_is_no_citation(tmp_path):
    """pdftotext set the list's numbers on lines of their own (`1` / `–` under each entry): no
    entry start was seen, so the list's size was unknown and `Byte[3000]`, a type glued to a
    number far beyond the list, was reported as a citation with no entry (CIT001)."""
    from exporter.pipeline import read_and_link

    path = tmp_path / "byte.txt"
    path.write_text(BYTE_PAPER, encoding="utf-8")
    linked = read_and_link(str(path), pictures=False)
    assert len(linked.document.references) == 2
    assert [d.code for d in linked.diagnostics if d.code.startswith("CIT")] == []


def _png(shade: int) -> bytes:
    import io

    from PIL import Image as PILImage

    out = io.BytesIO()
    PILImage.new("RGB", (40, 30), (shade, shade, shade)).save(out, "PNG")
    return out.getvalue()


def test_a_picture_after_a_captions_text_is_the_next_figures(tmp_path):
    """A Word file setting each chart after the previous caption's text, in its paragraph (the
    picture wraps under it), each caption under its chart: every figure took the picture under
    its caption, the first chart was left uncaptioned and the last caption lost its picture."""
    import io

    import docx
    from docx.shared import Pt

    from exporter.model import Figure

    document = docx.Document()
    document.add_paragraph("Shiftwise Convolution on Small Images", style="Title")
    document.add_paragraph("Results", style="Heading 1")
    document.add_paragraph(PROSE + " The figures below show the dynamics of the main metrics during training.")
    document.add_paragraph().add_run().add_picture(io.BytesIO(_png(10)), width=Pt(200))
    for n, shade in ((1, 80), (2, 160), (3, None)):
        paragraph = document.add_paragraph(f"Figure {n}. Loss curve number {n} of the training runs.")
        if shade is not None:
            paragraph.add_run().add_picture(io.BytesIO(_png(shade)), width=Pt(200))
    doc = read_document(str(save(document, tmp_path / "charts.docx")))
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [(f.number, f.images[0].data) for f in figures] == [("1", _png(10)), ("2", _png(80)), ("3", _png(160))]


def test_a_caption_over_its_picture_in_one_paragraph_keeps_it(tmp_path):
    """The other form of a picture after a caption's text: the caption set over its own picture,
    text above and below: the figure keeps its picture."""
    import io

    import docx
    from docx.shared import Pt

    from exporter.model import Figure

    document = docx.Document()
    document.add_paragraph("Shiftwise Convolution on Small Images", style="Title")
    document.add_paragraph("Results", style="Heading 1")
    document.add_paragraph(PROSE)
    document.add_paragraph("Figure 1. Loss curve of the training runs.").add_run().add_picture(io.BytesIO(_png(80)), width=Pt(200))
    document.add_paragraph(PROSE)
    doc = read_document(str(save(document, tmp_path / "over.docx")))
    assert [(f.number, f.images[0].data) for f in doc.blocks if isinstance(f, Figure)] == [("1", _png(80))]


COVER = [
    "«СИБИРСКИЙ ФЕДЕРАЛЬНЫЙ УНИВЕРСИТЕТ»", "Институт инженерной физики и радиоэлектроники", "", "БАКАЛАВРСКАЯ РАБОТА", "",
    "11.03.01 – Радиотехника", "Радиотехнические средства передачи информации", "", "Разработка лабораторного макета для изучения навигационных систем", "", "",
    "Руководитель __________ профессор, д-р физ.-мат. наук С.П. Царев", "подпись, дата", "", "Выпускник __________ Д. Р. Соловьев", "подпись, дата", "",
    "Красноярск 2023", "РЕФЕРАТ", "",
    "Дипломная работа по теме «Разработка лабораторного макета для изучения навигационных систем» содержит 64 страницы, 41 рисунок, 9 источников.",
]


def test_a_thesis_covers_direction_code_and_graduate_are_read():
    """A Russian bachelor's cover: the training direction's code and profile under the kind
    (`11.03.01 – Радиотехника`) stand between it and the title; the student signs as
    `Выпускник`; the abstract's `… по теме «…» содержит 64 страницы` names the title in quotes
    and goes on as a sentence. Before: no title (the code line stopped it), no author, and the
    abstract's whole sentence read as the title."""
    from exporter.readers.plaintext.titlepage import read_title_page

    page = read_title_page(COVER)
    assert (page.title, page.author) == ("«Разработка лабораторного макета для изучения навигационных систем»", "Д. Р. Соловьев")
    assert read_title_page(COVER[:18]).title == "Разработка лабораторного макета для изучения навигационных систем"  # the cover alone


def test_a_direction_codes_profile_is_no_title():
    """`09.03.02 Информационные системы и технологии` over the profile's name: the title is the
    one above the kind (`Веб приложение «Finance»` / `Курсовой проект`), not the profile."""
    from exporter.readers.plaintext.titlepage import read_title_page

    lines = ["Кафедра информационных систем и технологий", "", "Веб приложение «Finance»", "Курсовой проект", "",
             "09.03.02 Информационные системы и технологии", "Программирования и информационных технологий", "", "Руководитель", "В.С. Тарасов", "", "Воронеж, 2022"]
    assert read_title_page(lines).title == "Веб приложение «Finance»"
