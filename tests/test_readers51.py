"""Papers read as a user reads them (readers, round 51): reader defects seen on unseen papers,
each tested on a small invented input of the same form."""

from __future__ import annotations

from docx_samples import save

from exporter.model import Citation, Heading, Paragraph, Superscript, inline_runs, plain_text
from exporter.readers import read_document


def _body_text(doc) -> list[str]:
    return [" ".join(plain_text(run) for run in inline_runs(block)) for block in doc.blocks]


PROSE = ("Программное обеспечение используется повсюду: для автоматизации процессов на предприятиях, "
         "оптимизации торговли и передачи информации между людьми. Ошибки в нём дорого обходятся.")


def test_a_word_cover_whose_kind_is_misspelt_is_read_by_its_form(tmp_path):
    """A thesis cover whose kind the rules do not know (`Выпусканая квалифирационная работа`,
    misspelt): its form (the topic's label alone, the students' and supervisor's labels, the
    city and year before the first heading) makes it a cover. Before: the institution's first
    line was the title, no author, and every cover line printed as the body's first text."""
    import docx

    document = docx.Document()
    for line in ["Учебный центр", "Национальный исследовательский ядерный университет «МИФИ»", "",
                 "Выпусканая квалифирационная работа", "на тему:", "“Метод статического анализа для поиска уязвимостей”",
                 "", "Выполнили студенты", "Иванов Александр", "Миронов Никита", "Научный руководитель:", "Серов Сергей", "Москва, 2024"]:
        document.add_paragraph(line)
    document.add_paragraph("Введение", style="Heading 1")
    document.add_paragraph(PROSE)
    doc = read_document(str(save(document, tmp_path / "cover.docx")))
    assert (doc.meta.title_text, doc.meta.authors[:1]) == ("“Метод статического анализа для поиска уязвимостей”", ("Иванов Александр",))
    assert _body_text(doc) == ["Введение", PROSE]
    assert isinstance(doc.blocks[0], Heading) and isinstance(doc.blocks[1], Paragraph)


def test_lines_over_a_city_and_year_without_a_covers_marks_stay_body(tmp_path):
    """A paper whose first lines hold no cover's marks (no labels, rules or fields) keeps every
    line over a place-and-year line (`Брянск 2017`) as it reads it: the form, not the city, makes a cover."""
    from exporter.readers.plaintext.titlepage import cover_end

    assert cover_end(["Учебный центр", "на тему:", "«Тема»", "Выполнил студент", "Иванов Иван", "Москва, 2024", "Введение"]) == 6
    assert cover_end(["Разработка системы", "Иванов И. И.", "Брянск 2017", "Введение"]) is None
    assert cover_end(["Студент ____ Иванов", "(подпись)", PROSE * 2, "Москва, 2024"]) is None


GOST_BY_LINE = ["РАЗРАБОТКА 3D ПРИНТЕРА НА ПЛАТФОРМЕ ARDUINO", "", "Д.Г. Иванов", "Вологодский государственный университет", "Г. Вологда", "",
                "В настоящее время электроника проникла очень глубоко в жизнь человека. Электронные устройства являются одним из ключевых факторов развития."]


def test_a_city_after_gosts_mark_set_with_a_capital_is_no_author(tmp_path):
    """`Г. Вологда` under the institution (GOST's `г.` for a city, capitalised at its line's
    head): the institution's city, never an author with one initial. Before: the authors were
    `Д.Г. Иванов` and `Г. Вологда`, in the text and the Word reader alike."""
    import docx

    path = tmp_path / "byline.txt"
    path.write_text("\n".join(GOST_BY_LINE) + "\n", encoding="utf-8")
    document = docx.Document()
    for line in GOST_BY_LINE:
        if line:
            document.add_paragraph(line)
    for doc in (read_document(str(path)), read_document(str(save(document, tmp_path / "byline.docx")))):
        assert doc.meta.authors == ("Д.Г. Иванов",)
        assert doc.meta.affiliations == ("Вологодский государственный университет Г. Вологда",)
        assert _body_text(doc) == [GOST_BY_LINE[-1]]


def test_one_initial_before_a_family_name_stays_a_name():
    """Only a city the place lexicon knows is taken for one after the mark: `Г. Киров`
    (a family name, as `Киров` is) and `Г. Петров` stay names."""
    from exporter.readers.plaintext.frontmatter import author_names, is_name

    assert author_names("Д.Г. Иванов, Г. Петров", strong_only=True) == ["Д.Г. Иванов", "Г. Петров"]
    assert is_name("Г. Киров") and not is_name("Г. Вологда") and not is_name("г. Пенза")


def test_an_exponent_in_an_author_year_paper_is_no_citation(tmp_path):
    """An author–year paper (its list unnumbered) prints a unit's exponent (`316 km²`): the
    PDF's sizes show a superscript, but no numbered list stands behind it, and its numbers do not
    count the list in order of first citation. Before, `²` was read as a citation of the second
    entry, so the paper had a numeric citation and its author–year citations were never linked:
    every entry 'never cited' (timpson_maltese_fossils: 59 CIT002; barra_cognition's `partial η²`: 36)."""
    from helpers import draw_raised_line, draw_text, pdf_canvas

    from exporter.pipeline import read_and_link

    path = tmp_path / "author_year.pdf"
    c = pdf_canvas(path)
    draw_text(c, 50, 780, "Dwarf Elephants of the Maltese Islands", 16, bold=True)
    draw_raised_line(c, 740, [("Malta is an archipelago with an area of just 316 km", False), ("2", True), (" in the sea (Adams, 1870).", False)])
    draw_raised_line(c, 726, [("Its plateau covers 10,700 km", False), ("2", True), (" of shelf, as shown before (Aguirre, 1969).", False)])
    draw_text(c, 50, 700, "The fauna was described twice (Ambrosetti, 1968), and dated later.")
    draw_text(c, 50, 670, "References", bold=True)
    for i, entry in enumerate(("Adams, A. L. (1870). Notes of a Naturalist in the Nile Valley and Malta. Edmonston.",
                               "Aguirre, E. (1969). Revision de Elephantidae. Estudios Geologicos, 25, 317-367.",
                               "Ambrosetti, P. (1968). The Pleistocene dwarf elephants of Spinagallo. Geologica Romana.")):
        draw_text(c, 50, 650 - 14 * i, entry, 10)
    c.save()
    linked = read_and_link(str(path), pictures=False)
    assert not [n for b in linked.document.blocks for run in inline_runs(b) for n in run if isinstance(n, Citation) or isinstance(n, Superscript) and isinstance(n.inlines[0], Citation)]
    assert not [f for f in linked.diagnostics if f.code == "CIT002"] and len(linked.author_year) == 3


ACS_PAGE = [
    "Flow Batteries by Active Learning", "", "Jane Doe", "", "Introduction", "",
    "Redox flow batteries store energy in liquids [1, 2]. Organic molecules were screened [3], predicted [4] and made [5].", "",
    "(3) Wang, W.; Luo, Q. Recent Progress in Redox Flow Battery Research. Adv. Funct. Mater. 2013, 23, 970−986.",
    "(4) Ding, Y.; Zhang, C. Molecular Engineering of Organic Electroactive Materials. Chem. Soc. Rev. 2018, 47, 69−103.", "",
    "Author Contributions", "", "The manuscript was written through contributions of all authors.", "",
    "REFERENCES", "",
    "(1) Department of Energy. Solving Challenges in Energy Storage; 2018; p 51.",
    "(2) Kowalski, J. A.; Su, L. Recent Advances in Molecular Engineering. Curr. Opin. Chem. Eng. 2016, 13, 45−52.", "",
    "(5) Wei, X.; Xu, W. Radical Compatibility with Nonaqueous Electrolytes. Angew. Chem., Int. Ed. 2015, 54, 8684−8687.",
]


def test_entries_an_extraction_set_above_the_lists_heading_fill_its_gap(tmp_path):
    """ACS's two-column page through pdftotext: the right column's entries (`(3)`, `(4)`) stand
    above the left column's end matter and the heading (`REFERENCES` / `(1)` / `(2)`), the numbers
    under it going on at `(5)`. The run above holds exactly the missing numbers: the list is
    read whole, the end matter between stays body. Before: entries 3 and 4 were body text and
    their citations unresolved (doan_acs_chemmater: entries 3-21)."""
    path = tmp_path / "acs.txt"
    path.write_text("\n".join(ACS_PAGE) + "\n", encoding="utf-8")
    doc = read_document(str(path))
    assert sorted(e.number for e in doc.references) == [1, 2, 3, 4, 5]
    assert next(e for e in doc.references if e.number == 4).text.startswith("Ding, Y.")
    body = _body_text(doc)
    assert "Author Contributions" in body and not any(t.startswith(("(3)", "(4)", "Wang, W.")) for t in body)


ACM_NOTICE = [
    "Permission to make digital or hard copies of all or part of this work for personal or",
    "classroom use is granted without fee provided that copies are not made or distributed",
    "for profit or commercial advantage. Request permissions from permissions@acm.org.",
    "IDEAS’22, August 22–24, 2022, Budapest, Hungary",
    "© 2022 Association for Computing Machinery.",
]
NOTICE_PAPER = [
    "Running Temporal Queries on the Relational Model", "", "Jane Doe", "", "1 INTRODUCTION", "",
    "Conformance checking is an integral part of business process management [1]. Declarative models",
    "are composed of clauses that should be jointly satisfied, and such correlations might also",
    *ACM_NOTICE, "",
    "involve joins between activated and targeted events, which makes model checking rather slow [1].",
    "identify applicable funding agency here. If none, delete this.", "",
    "We therefore translate the clauses into relational queries and run them on a database.", "",
    "REFERENCES", "", "[1] Appleby S. Temporal queries. IDEAS, 2022.",
]


def test_a_template_notice_set_among_the_text_is_no_body_text(tmp_path):
    """ACM's permission block and the IEEE template's funding placeholder, which pdftotext sets
    among the text at a column's foot: furniture, out of the body; the sentence they cut reads
    on. Before: both printed inside the introduction's paragraphs (appleby_temporal_acm,
    igarashi_rogue_ap)."""
    path = tmp_path / "notice.txt"
    path.write_text("\n".join(NOTICE_PAPER) + "\n", encoding="utf-8")
    doc = read_document(str(path))
    body = " ".join(_body_text(doc))
    assert "Permission to make" not in body and "funding agency" not in body and "Hungary" not in body
    assert "such correlations might also involve joins between activated" in body


SMALL_CAPS_PAPER = [
    "Configuring Machine Learning Pipelines with Irace", "", "Jane Doe", "", "I. I NTRODUCTION", "",
    "We compare iSklearn with AUTO S KLEARN [1] on many datasets, and its ensembles are competitive in most of them.", "",
    "II. A BLATING I S KLEARN", "", "We ablate the configuration space of iSklearn to understand what each part brings [1].", "",
    "III. C OMPARING WITH AUTO S KLEARN", "", "The ensembles of AUTO S KLEARN serve as baseline for every dataset considered.", "",
    "R EFERENCES", "", "[1] Feurer M. Efficient and robust automated machine learning. NeurIPS, 2015.",
]


def test_a_small_capitals_name_split_by_the_extraction_is_joined_in_headings(tmp_path):
    """IEEE headings in small capitals through pdftotext: a name's letters split
    (`I S KLEARN` for `iSklearn`, `AUTO S KLEARN`). `KLEARN` is no word the text writes: it
    stands only after a lone capital (a split piece), so `S KLEARN` joins; `iSklearn`, written in
    the text, joins `I S KLEARN` whole. Before: `ABLATING I S KLEARN` (the piece, found in the
    text's own small capitals, counted as a word) and `AUTOS KLEARN` (read as an acronym's plural)."""
    path = tmp_path / "smallcaps.txt"
    path.write_text("\n".join(SMALL_CAPS_PAPER) + "\n", encoding="utf-8")
    doc = read_document(str(path))
    headings = [plain_text(b.inlines) for b in doc.blocks if isinstance(b, Heading)]
    assert headings == ["I. INTRODUCTION", "II. ABLATING ISKLEARN", "III. COMPARING WITH AUTO SKLEARN"]


def test_small_capitals_pieces_are_only_words_never_written_alone():
    """A word in capitals the text also writes on its own (`CNN`) is a word, never a piece."""
    from exporter.readers.plaintext.sections import initials_joined, small_caps_pieces

    assert small_caps_pieces(["AUTO S KLEARN [1] and A CNN", "CNN models"]) == {"klearn"}
    assert initials_joined("ECC S AND A NEW CODE", {"and", "new", "code"}) == "ECCS AND A NEW CODE"


COMPANY_AFFILIATIONS = [
    "Гидрохимические параметры загрязненных участков реки Шаган", "",
    "Арай Темиржанова1,2, Жанат Байгазинов2,3*, Медет Актаев3", "",
    "1Казахский национальный университет имени аль-Фараби, Алматы,", "Казахстан; arayt1010@gmail.com",
    "2АО «Парк ядерных технологий», Курчатов, Казахстан;", "zh.baigazinov@gmail.com",
    "3ТОО «Baiterek Engineering», Астана, Казахстан;", "medet_aktaev@mail.ru", "",
    "Аннотация. В статье представлены данные о распределении основных ионов в пробах воды реки Шаган.", "",
    "Ключевые слова: тритий, гидрохимия, река Шаган", "",
    "Введение", "", "Река Шаган протекает по территории бывшего испытательного полигона и впадает в Иртыш.",
]


def test_companies_named_by_their_legal_form_are_affiliations(tmp_path):
    """An affiliation naming a company by its legal form and quoted name (`АО «Парк ядерных
    технологий»`, `ТОО «Baiterek Engineering»`), its mark glued before it (`2АО`): an
    affiliation as a university's is. Before: only the university was read (temirzhanova_enu_vestnik
    read 4 of its 6 affiliations, in the text and PDF readers alike)."""
    path = tmp_path / "companies.txt"
    path.write_text("\n".join(COMPANY_AFFILIATIONS) + "\n", encoding="utf-8")
    doc = read_document(str(path))
    assert [a.split(",")[0] for a in doc.meta.affiliations] == [
        "Казахский национальный университет имени аль-Фараби", "АО «Парк ядерных технологий»", "ТОО «Baiterek Engineering»"]
