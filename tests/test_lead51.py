"""Papers read as a user reads them (lead, round 51): what the editions got wrong on unseen Word
papers, each tested on a small invented input of the same form."""

from __future__ import annotations

import docx
from docx_samples import save, wrap_in_content_control

from exporter.model import Heading, Paragraph, Strong, plain_text
from exporter.readers import read_document

ABSTRACT = (
    "В данной работе рассматриваются варианты архитектуры сетей в задаче прогнозирования временных рядов. "
    "Целью работы является исследование влияния функции активации на качество прогноза. "
    "Рассмотрены классические и неклассические функции активации."
)


def _texts(doc, kind) -> list[str]:
    return [plain_text(b.inlines) for b in doc.blocks if isinstance(b, kind)]


def test_a_paragraph_of_sentences_in_a_heading_style_is_text_not_a_heading(tmp_path):
    """Five of 223 unseen Word papers set running text in `Heading 1` (which their template shows
    as plain text): the editions printed a 44-word paragraph as a bold centred heading. A short
    heading in the same style stays one."""
    d = docx.Document()
    d.add_paragraph("Движение тела под углом к горизонту", style="Title")
    d.add_paragraph("Введение", style="Heading 1")
    d.add_paragraph(
        "В работе проведено исследование летящего камня, брошенного рукой под углом к горизонту. Работа посвящена "
        "исследованию движения тела в поле тяжести. Полученные результаты показывают, что камень двигался по дуге и упал.",
        style="Heading 1",
    )
    d.add_paragraph("Результаты моделирования", style="Heading 1")
    d.add_paragraph("Камень упал на расстоянии десяти метров.")
    doc = read_document(str(save(d, tmp_path / "h.docx")))
    assert _texts(doc, Heading) == ["Введение", "Результаты моделирования"]
    assert any(t.startswith("В работе проведено исследование летящего камня") for t in _texts(doc, Paragraph))


def test_an_abstract_label_bold_by_its_style_alone_is_read_as_the_label(tmp_path):
    """`Аннотация` set bold by its paragraph's style (the run sets nothing) before text whose runs
    turn bold off: the label with no mark after it is set apart by its type, as the PDF reader
    reads it (`**Аннотация** В данной …`). The style's bold is read, never printed as emphasis."""
    d = docx.Document()
    d.add_paragraph("Исследование функций активации в сетях долгой краткосрочной памяти", style="Title")
    d.add_paragraph("Иванов Иван Иванович")
    p = d.add_paragraph(style="Heading 1")  # python-docx's Heading 1 is bold by its style
    p.add_run("Аннотация")
    p.add_run(" " + ABSTRACT).bold = False
    d.add_paragraph("Ключевые слова: нейронные сети, функции активации.")
    d.add_paragraph("Введение", style="Heading 1")
    d.add_paragraph("Прогнозирование цен давно является предметом исследований.")
    doc = read_document(str(save(d, tmp_path / "a.docx")))
    assert doc.meta.abstract_text == ABSTRACT
    assert not any(t.startswith("Аннотация") for t in _texts(doc, Paragraph))
    heading = next(b for b in doc.blocks if isinstance(b, Heading))
    assert plain_text(heading.inlines) == "Введение" and not any(isinstance(n, Strong) for n in heading.inlines)


def test_the_same_words_in_one_face_are_no_bare_label(tmp_path):
    """The counter-case: `Аннотация В данной …` all in one face is a sentence, not a label."""
    d = docx.Document()
    d.add_paragraph("Исследование функций активации в сетях долгой краткосрочной памяти", style="Title")
    d.add_paragraph("Иванов Иван Иванович")
    d.add_paragraph("Аннотация " + ABSTRACT)
    d.add_paragraph("Введение", style="Heading 1")
    d.add_paragraph("Прогнозирование цен давно является предметом исследований.")
    doc = read_document(str(save(d, tmp_path / "b.docx")))
    assert doc.meta.abstract_text != ABSTRACT


def test_a_title_block_after_the_list_is_not_read_into_the_list(tmp_path):
    """A Russian journal prints the paper's English title, authors and abstract after its list, in
    the Title style and under it: they were list rows (and a 99-word abstract in `Heading 1` went
    with them), lost from every edition. A Title-style paragraph ends the list."""
    d = docx.Document()
    d.add_paragraph("Оптимизация конструкции облучателей", style="Title")
    d.add_paragraph("Введение", style="Heading 1")
    d.add_paragraph("Облучатели применяются для обеззараживания воздуха [1, 2].")
    d.add_paragraph("Литература", style="Heading 1")
    entries = [
        d.add_paragraph("[1] Костюченко С.В. Ультрафиолетовые технологии. М.: Логос, 2014. 392 с."),
        d.add_paragraph("[2] Jin S., Linden K.G. Water Research, 2005, vol. 39, no. 12, pp. 2711-2721."),
    ]
    wrap_in_content_control(d, entries)
    d.add_paragraph("Optimization of the design of open-type ultraviolet irradiators", style="Title")
    d.add_paragraph("D.E. Naumenko, V.A. Levchenko")
    english = "The distribution and flux of ultraviolet radiation around open-type irradiators has been studied. " * 3
    d.add_paragraph(english.strip(), style="Heading 1")
    d.add_paragraph("References", style="Heading 1")
    d.add_paragraph("[1] Kostyuchenko S.V. Ultraviolet technologies. Moscow: Logos, 2014. 392 p.")
    doc = read_document(str(save(d, tmp_path / "t.docx")))
    assert [e.key for e in doc.references] == ["1", "2"]
    texts = _texts(doc, Paragraph)
    assert "Optimization of the design of open-type ultraviolet irradiators" in texts
    assert english.strip() in texts


def test_the_contents_heading_and_a_reports_structural_elements_are_never_the_title(tmp_path):
    """A report that opens on its contents (`СОДЕРЖАНИЕ` in Heading 1, Word's contents under it)
    and then GOST 7.32's `ТЕРМИНЫ И ОПРЕДЕЛЕНИЯ` in bold: the title was `СОДЕРЖАНИЕ` on three
    unseen papers, or the two element names run together on a fourth, whose terms section and
    its citations were then lost with it. A report without a title page has no title."""
    d = docx.Document()
    d.add_paragraph("СОДЕРЖАНИЕ", style="Heading 1")
    d.add_paragraph("ТЕРМИНЫ И ОПРЕДЕЛЕНИЯ\t3")
    d.add_paragraph("ВВЕДЕНИЕ\t5")
    d.add_paragraph().add_run("ТЕРМИНЫ И ОПРЕДЕЛЕНИЯ").bold = True
    d.add_paragraph("Keyring — сервис для безопасного хранения паролей пользователя [1].")
    d.add_paragraph("ВВЕДЕНИЕ", style="Heading 1")
    d.add_paragraph("Системы мониторинга сети нужны каждой организации.")
    doc = read_document(str(save(d, tmp_path / "r.docx")))
    assert doc.meta.title_text in (None, "")
    assert any(t.startswith("Keyring — сервис") for t in _texts(doc, Paragraph))



def test_a_journals_branch_of_science_over_the_title_is_a_rubric(tmp_path):
    """Russian journals print the branch of science over each paper (`ТЕХНИЧЕСКИЕ НАУКИ`, as
    VAK's list names them; Kazakh `Техникалық ғылымдар`): it was read into the title."""
    path = tmp_path / "rubric.txt"
    path.write_text(
        "ТЕХНИЧЕСКИЕ НАУКИ\nСРАВНЕНИЕ РЕЗУЛЬТАТОВ МОДЕЛИРОВАНИЯ\nНЕЧЕТКОЙ СЕТИ В MATLAB\nИванов А.А.\n\n"
        "Аннотация: исследуя проблему моделирования объектов при помощи нейронных сетей, сталкиваешься с проверкой результатов.\n"
        "Ключевые слова: нечеткие сети, анализ данных.\n\nПопытка использовать неточную информацию в моделях привела к новым методам.\n",
        encoding="utf-8",
    )
    doc = read_document(str(path))
    assert doc.meta.title_text == "СРАВНЕНИЕ РЕЗУЛЬТАТОВ МОДЕЛИРОВАНИЯ НЕЧЕТКОЙ СЕТИ В MATLAB"


def test_author_style_lines_naming_a_place_or_an_acronym_are_no_authors(tmp_path):
    """A by-line block set in the Author style, each author's name over the school's acronym, the
    university and the city: `Noida, Uttar Pradesh` and `ASET` were read as authors."""
    d = docx.Document()
    d.add_paragraph("NATURAL LANGUAGE PROCESSING: A REVIEW")
    styles = d.styles
    styles.add_style("Author", 1)
    for line in ("Ayush Shrivastava\nASET", "Amity University", "Noida, Uttar Pradesh", "Anushka Gangal", "ASET", "Amity University", "Noida, Uttar Pradesh"):
        d.add_paragraph(line, style="Author")
    d.add_paragraph("Abstract - Natural language processing has received a great deal of attention for its computational uses.")
    d.add_paragraph("Introduction", style="Heading 1")
    d.add_paragraph("Language is how people share what they think.")
    doc = read_document(str(save(d, tmp_path / "by.docx")))
    assert doc.meta.authors == ("Ayush Shrivastava", "Anushka Gangal")


def test_names_broken_by_hand_in_one_by_line_paragraph_are_all_authors(tmp_path):
    """Three authors typed one a line in one paragraph (line breaks), each with a bracketed
    transliteration and affiliation marks: only the first was read."""
    d = docx.Document()
    d.add_paragraph("Исследование функций активации в сетях долгой краткосрочной памяти", style="Title")
    byline = d.add_paragraph()
    lines = [
        "Кумсков Михаил Иванович (Kumskov Mikhail Ivanovich)a, *,",
        "Арсланова Алина Рустямовна (Arslanova Alina Rustiamovna)a,**,",
        "Махова Анастасия Геннадьевна (Makhova Anastasiia Gennadevna)a,***",
    ]
    for k, line in enumerate(lines):
        run = byline.add_run(line)
        if k < len(lines) - 1:
            run.add_break()
    d.add_paragraph("aМосковский государственный университет имени М. В. Ломоносова, Россия, Москва")
    d.add_paragraph("Аннотация: " + ABSTRACT)
    d.add_paragraph("Введение", style="Heading 1")
    d.add_paragraph("Прогнозирование цен давно является предметом исследований.")
    doc = read_document(str(save(d, tmp_path / "names.docx")))
    assert doc.meta.authors == ("Кумсков Михаил Иванович", "Арсланова Алина Рустямовна", "Махова Анастасия Геннадьевна")


def test_a_branch_of_science_set_as_the_title_is_kept_out_of_a_pdfs_title(tmp_path):
    """The PDF's layout joined the rubric to the title it is set like (bold, 14 pt)."""
    from helpers import draw_text, pdf_canvas

    path = tmp_path / "rubric.pdf"
    c = pdf_canvas(path)
    draw_text(c, 200, 790, "ТЕХНИЧЕСКИЕ НАУКИ", 14, bold=True)
    draw_text(c, 90, 770, "СРАВНЕНИЕ РЕЗУЛЬТАТОВ МОДЕЛИРОВАНИЯ НЕЙРО-", 14, bold=True)
    draw_text(c, 150, 752, "НЕЧЕТКОЙ СЕТИ В MATLAB", 14, bold=True)
    draw_text(c, 220, 734, "Ханевский А.А.", 12, bold=True)
    draw_text(c, 72, 700, "Аннотация: исследуя проблему моделирования объектов при помощи нейронных сетей,", 11)
    draw_text(c, 72, 686, "сталкиваешься с основной проблемой – проверкой результатов полученной модели.", 11)
    draw_text(c, 72, 672, "Ключевые слова: нейро-нечеткие сети, анализ данных.", 11)
    for k in range(12):
        draw_text(c, 72, 640 - 14 * k, "Попытка использовать неточную информацию в математических моделях привела к методам.", 11)
    c.save()
    doc = read_document(str(path))
    assert doc.meta.title_text == "СРАВНЕНИЕ РЕЗУЛЬТАТОВ МОДЕЛИРОВАНИЯ НЕЙРО-НЕЧЕТКОЙ СЕТИ В MATLAB"


def test_a_forms_labelled_number_is_no_author(tmp_path):
    """A British coursework's cover gives an anonymous candidate number, the word count and the
    date under the title: `Candidate No.` was read as the author."""
    d = docx.Document()
    d.add_paragraph("How do African Elephants React to Human Voices that are Perceived to be Threatening?")
    for line in ("Candidate No.: 148978", "Word Count: 5593", "Date of Submission: 30th May 2018", "Supervisor: Prof. Karen McComb", "School of Psychology", "University of Sussex"):
        d.add_paragraph(line)
    d.add_paragraph("Abstract")
    d.add_paragraph("Elephants are not thought to have predators but their most predominant threat comes from humans.")
    d.add_paragraph("Introduction", style="Heading 1")
    d.add_paragraph("Elephants discriminate between human voices.")
    doc = read_document(str(save(d, tmp_path / "cand.docx")))
    assert doc.meta.authors == ()
