"""Papers read as a user reads them (readers, round 52): reader defects seen on unseen papers,
each tested on a small invented input of the same form."""

from __future__ import annotations

from docx_samples import save

from exporter.model import inline_runs, plain_text
from exporter.readers import read_document

PROSE = ("Программное обеспечение используется повсюду: для автоматизации процессов на предприятиях, "
         "оптимизации торговли и передачи информации между людьми. Ошибки в нём дорого обходятся.")


def _cover(tmp_path, name: str, lines: list[str]):
    import docx

    document = docx.Document()
    for line in ["Министерство науки и высшего образования Российской Федерации", "Кафедра прикладной математики", "",
                 "ВЫПУСКНАЯ КВАЛИФИКАЦИОННАЯ РАБОТА", "Методы анализа временных рядов в задачах прогнозирования", "",
                 "Работа завершена:", "Студент 4 курса", "“___”_______ 2022 г. ________ Петрова А.И.", "", *lines, "", "Казань-2022"]:
        document.add_paragraph(line)
    document.add_paragraph("Введение", style="Heading 1")
    document.add_paragraph(PROSE)
    return read_document(str(save(document, tmp_path / name)))


def test_a_covers_supervisor_under_the_label_alone_is_read(tmp_path):
    """A cover's supervisor under `Научный руководитель` alone on its line: the rank's lines
    (one going on in lower case), the name at the end of a signature's line, or the name on a
    line of its own after the rank. Before: no supervisor read."""
    doc = _cover(tmp_path, "signed.docx", ["Научный руководитель", "к.т.н., ст. преподаватель кафедры анализа",
                                           "данных и технологий программирования", "“___”_______ 2022 г. ________ Матренина О.М."])
    assert doc.meta.supervisor == "к.т.н., ст. преподаватель кафедры анализа данных и технологий программирования, Матренина О.М."
    doc = _cover(tmp_path, "below.docx", ["Научный руководитель", "доцент кафедры КБиММОИ", "", "Мурин Дмитрий Михайлович", "__________________"])
    assert doc.meta.supervisor == "доцент кафедры КБиММОИ, Мурин Дмитрий Михайлович"
    doc = _cover(tmp_path, "first.docx", ["Научный руководитель", "В. Н. Кивайко, кандидат", "технических наук, доцент"])
    assert doc.meta.supervisor == "В. Н. Кивайко, кандидат технических наук, доцент"


def test_a_rank_after_the_supervisors_label_is_read_with_the_name_under_it(tmp_path):
    """`Научный руководитель: к.ф.-м.н., доцент` over the name: the rank alone names nobody, the
    name under it is the supervisor's; another head's label (`Руководитель ОП`) is passed over."""
    doc = _cover(tmp_path, "rank.docx", ["Руководитель ОП", "Научный руководитель: к.ф.-м.н., доцент", "Григорьева Елена Геннадьевна", "________"])
    assert doc.meta.supervisor == "к.ф.-м.н., доцент, Григорьева Елена Геннадьевна"


def test_headings_set_apart_by_size_are_read_beside_a_heading_style(tmp_path):
    """A paper styling one heading (`Введение.` in Heading 1) and setting its other sections apart
    in a larger type alone (14 pt over 12 pt text, one with a final full stop): those are headings
    too; a bold sentence among the text stays a paragraph. Before: a heading style anywhere
    switched the reading by size off, and a final full stop kept a line from being one."""
    import docx
    from docx.shared import Pt

    from exporter.model import Heading, inline_runs, plain_text

    document = docx.Document()
    document.add_paragraph("Введение.", style="Heading 1")

    def sized(text: str, size: int, bold: bool = False) -> None:
        run = document.add_paragraph().add_run(text)
        run.font.size, run.bold = Pt(size), bold

    for heading in ("Начальные условия и параметры.", "Результаты моделирования"):
        sized(PROSE, 12)
        sized("Это важно.", 12, bold=True)
        sized(PROSE, 12)
        sized(heading, 14)
    sized(PROSE, 12)
    doc = read_document(str(save(document, tmp_path / "sized.docx")))
    headings = [" ".join(plain_text(run) for run in inline_runs(b)) for b in doc.blocks if isinstance(b, Heading)]
    assert headings == ["Введение.", "Начальные условия и параметры.", "Результаты моделирования"]


def test_an_editor_or_a_checker_named_on_the_first_page_is_no_author(tmp_path):
    """`Академический редактор:` over a name beside an article's by-line, and a report's checker
    (`Проверил` / `доцент` / a signature's hint / the city and year an extraction set before the
    name; `Старший преподаватель` over the name): people in a role, never the paper's authors.
    Before: both read as authors."""
    article = ["ГЕОЭКОЛОГИЧЕСКАЯ ОЦЕНКА СОСТОЯНИЯ ПОЧВ ИСПЫТАТЕЛЬНОГО ПОЛИГОНА", "", "Арай Темиржанова, Жанат Байгазинов",
               "", "Академический редактор:", "Ж.Г. Берденов", "Поступила: 27.03.2025", "",
               "Аннотация. " + PROSE, "", "Ключевые слова: почва, полигон, тяжёлые металлы.", "", "Введение", "", PROSE]
    path = tmp_path / "article.txt"
    path.write_text("\n".join(article) + "\n", encoding="utf-8")
    assert "Ж.Г. Берденов" not in read_document(str(path)).meta.authors
    cover = ["САРАТОВСКИЙ НАЦИОНАЛЬНЫЙ ИССЛЕДОВАТЕЛЬСКИЙ ГОСУДАРСТВЕННЫЙ УНИВЕРСИТЕТ", "", "Основные теоремы нейроинформатики.", "РЕФЕРАТ", "",
             "студента 5 курса 531 группы", "Сметанкина Никиты Артуровича", "Проверил", "доцент", "__________", "подпись, дата", "",
             "Саратов 2024", "", "И. И. Слеповичев", "", "ВВЕДЕНИЕ", PROSE]
    path = tmp_path / "cover.txt"
    path.write_text("\n".join(cover) + "\n", encoding="utf-8")
    assert "И. И. Слеповичев" not in read_document(str(path)).meta.authors
    cover[7:13] = ["Старший преподаватель", "И. И. Слеповичев", "д. ф.-м. н., доцент", "подпись, дата", "", "Саратов 2024"]
    path.write_text("\n".join(cover) + "\n", encoding="utf-8")
    assert "И. И. Слеповичев" not in read_document(str(path)).meta.authors


def test_a_glossary_under_the_keywords_label_is_no_keywords(tmp_path):
    """`Ключевые слова` over terms with their definitions (`Кредитный скоринг – это …`): a
    glossary, not the keywords (a short list of terms); a plain list under the label still is."""
    from exporter.readers.plaintext.frontmatter import is_glossary

    lines = ["Кредитный скоринг", "", "Иванова А.А.", "", "Аннотация. " + PROSE, "", "Ключевые слова",
             "Кредитный скоринг – это оценивание кредитоспособности лица, основанная на статистических методах;",
             "Решающие деревья – это семейство моделей, позволяющее восстанавливать нелинейные зависимости.", "", "Введение", "", PROSE]
    path = tmp_path / "glossary.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert read_document(str(path)).meta.keyword_sets == ()
    assert is_glossary(["▪ Кредитный скоринг – это оценивание кредитоспособности лица", "основанная на статистических методах"])
    assert not is_glossary(["кредитный скоринг", "решающие деревья – модели", "логистическая регрессия"])


def test_acms_permission_block_at_a_one_column_pages_foot_is_no_body_text(tmp_path):
    """ACM's footnote block (the authors' address, the permission block, ©, ISSN and DOI) in small
    type at the foot of a one-column first page, the page's list going on on the next page:
    never the body's text; the authors' address stays the title's note. Before: the whole
    block printed as four body paragraphs between the list's first and second items (shi_ludo)."""
    from helpers import draw_text, pdf_canvas

    from exporter.model import Footnote

    path = tmp_path / "acm.pdf"
    c = pdf_canvas(path)
    draw_text(c, 50, 780, "Compact and Dynamic Key-value Lookups for Network Systems", 16, bold=True)
    draw_text(c, 50, 755, "Jane Doe and John Roe", 12)
    draw_text(c, 50, 720, "1 INTRODUCTION", 11, bold=True)
    body = ["Fast lookups of large key-value items are fundamental functions of numerous networked systems.",
            "These lookup engines serve as the indices to find the locations of the destination devices.",
            "(1) The forwarding information bases on network routers and switches run in fast memory."]
    for i, line in enumerate(body):
        draw_text(c, 50, 700 - 14 * i, line, 10)
    foot = ["Authors' address: Jane Doe, jane@example.edu; John Roe, University of California, Santa Cruz, USA.",
            "Permission to make digital or hard copies of all or part of this work for personal or classroom use is granted",
            "without fee provided that copies are not made or distributed for profit or commercial advantage.",
            "© 2020 Association for Computing Machinery.", "2476-1249/2020/6-ART22 $15.00", "https://doi.org/10.1145/3392140"]
    for i, line in enumerate(foot):
        draw_text(c, 50, 150 - 10 * i, line, 7.5)
    c.showPage()
    draw_text(c, 50, 780, "(2) In a content distribution network, proxy servers cache popular contents for their users.", 10)
    draw_text(c, 50, 766, "(3) In a distributed file system, an index maintains the metadata and location of each file.", 10)
    c.save()
    doc = read_document(str(path))
    text = " ".join(" ".join(plain_text(run) for run in inline_runs(b)) for b in doc.blocks)
    assert "Permission to make" not in text and "Authors' address" not in text and "Association for Computing" not in text
    notes = [plain_text(n.inlines) for n in doc.meta.title if isinstance(n, Footnote)]
    assert len(notes) == 1 and notes[0].startswith("Authors' address") and "Permission" not in notes[0]

