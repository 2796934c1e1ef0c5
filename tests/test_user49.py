"""Papers read as a user reads them (round 49): what the editions got wrong on unseen papers,
each tested on a small invented input of the same form."""

from __future__ import annotations

from exporter.model import BulletList, Heading, Paragraph, plain_text
from exporter.readers import read_document

ITEMS = [
    "Первый пункт списка описывает данные, собранные",
    "за год наблюдений на трёх станциях.",
    "Второй пункт списка описывает модель и её",
    "проверку на отложенной части данных.",
]


def _pdf_with_marks(path, mark) -> None:
    """A paragraph, then two list items whose bullets `mark(c, x, y)` draws left of the text."""
    from helpers import draw_text, pdf_canvas

    c = pdf_canvas(path)
    y = 780
    draw_text(c, 72, y, "Введение", size=16, bold=True)
    y -= 30
    for line in ["Работа описывает наблюдения и модель, построенную по ним.", "Список ниже называет её части:"]:
        draw_text(c, 72, y, line)
        y -= 15
    y -= 8
    for k, line in enumerate(ITEMS):
        if k % 2 == 0:
            mark(c, 80, y)
        draw_text(c, 92, y, line)
        y -= 15
    y -= 8
    draw_text(c, 72, y, "После списка работа продолжается обычным абзацем текста.")
    c.save()


def _lists(doc) -> list:
    return [b for b in doc.blocks if isinstance(b, BulletList)]


def _drawn_dot(c, x, y):
    c.circle(x + 2, y + 3.5, 2, stroke=0, fill=1)


def _drawn_square(c, x, y):
    c.rect(x, y + 1.6, 3.8, 3.8, stroke=0, fill=1)


def test_a_list_whose_bullets_are_drawn_shapes_is_a_list(tmp_path):
    """A browser's or Markdown editor's PDF draws each bullet as a small filled circle or square:
    no character opens the item's line, but the items are a list, not plain paragraphs."""
    for name, mark in [("dot", _drawn_dot), ("square", _drawn_square)]:
        path = tmp_path / f"{name}.pdf"
        _pdf_with_marks(path, mark)
        doc = read_document(str(path))
        lists = _lists(doc)
        assert len(lists) == 1, name
        assert [plain_text(item.inlines).split()[:2] for item in lists[0].items] == [["Первый", "пункт"], ["Второй", "пункт"]]
        assert not any(isinstance(b, Paragraph) and "пункт списка" in plain_text(b.inlines) for b in doc.blocks)


def _raw_pdf(path, ops: str, fonts: dict[str, str]) -> None:
    """A one-page PDF drawing the content stream `ops` with non-embedded TrueType fonts {resource: base name}."""
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    refs = " ".join(f"/{key} {5 + i} 0 R" for i, key in enumerate(fonts))
    objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << {refs} >> >> /Contents 4 0 R >>")
    objs.append(f"<< /Length {len(ops)} >>\nstream\n{ops}\nendstream")
    widths = " ".join(["500"] * 224)
    for name in fonts.values():
        flags = 4 if name.startswith("Wingdings") else 32  # symbolic, or the standard Latin set
        descriptor = f"<< /Type /FontDescriptor /FontName /{name} /Flags {flags} /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>"
        objs.append(f"<< /Type /Font /Subtype /TrueType /BaseFont /{name} /FirstChar 32 /LastChar 255 /Widths [{widths}] /FontDescriptor {descriptor} >>")
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs):
        offsets.append(len(out))
        out += f"{i + 1} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode() + b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(out)


def test_a_list_whose_bullets_are_set_in_a_wingdings_font_is_a_list(tmp_path):
    """Word's `§` set in Wingdings draws a small square: the line opens a list item, and the
    glyph reads as the square, not as a section sign."""
    lines = [(72, 760, "F1", "Introduction"), (72, 730, "F1", "The work reads the data in two parts:")]
    for k, y in enumerate((712, 682)):
        lines.append((80, y + 1, "F2", "\\247"))
        lines.append((92, y, "F1", f"the part number {k + 1} holds the records of"))
        lines.append((92, y - 14, "F1", "one station, read over a whole year."))
    lines.append((72, 640, "F1", "After the list the text goes on as a paragraph."))
    ops = " ".join(f"BT /{font} {9 if font == 'F2' else 11} Tf {x} {y} Td ({text}) Tj ET" for x, y, font, text in lines)
    path = tmp_path / "wingdings.pdf"
    _raw_pdf(path, ops, {"F1": "Helvetica", "F2": "Wingdings-Regular"})
    doc = read_document(str(path))
    lists = _lists(doc)
    assert len(lists) == 1
    assert [plain_text(item.inlines) for item in lists[0].items] == [
        "the part number 1 holds the records of one station, read over a whole year.",
        "the part number 2 holds the records of one station, read over a whole year.",
    ]
    assert "§" not in " ".join(plain_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph))


def test_a_small_shape_inside_a_line_makes_no_item(tmp_path):
    """A drawn dot between two words of a line (a legend's key, an inline marker) opens nothing."""
    from helpers import draw_text, pdf_canvas

    path = tmp_path / "inline.pdf"
    c = pdf_canvas(path)
    draw_text(c, 72, 780, "Введение", size=16, bold=True)
    draw_text(c, 72, 750, "Кривая")
    c.circle(112, 753.5, 2, stroke=0, fill=1)
    draw_text(c, 120, 750, "показывает наблюдения за год, а модель их повторяет.")
    c.save()
    doc = read_document(str(path))
    assert not _lists(doc)


# ---- a thesis's contents and cover page in a Word file ----------------------------------------

THESIS_BODY = [
    ("Heading 1", "Введение"),
    (None, "Работа описывает веб-приложение для составления расписания занятий [1]."),
    ("Heading 1", "Глава 1. Форматы расписаний"),
    (None, "Формат iCalendar хранит события расписания в текстовом файле."),
    ("Heading 1", "Список литературы"),
    (None, "1. Иванов И. И. Расписания и календари. – М.: Наука, 2010. – 200 с."),
]
CONTENTS = [("Введение", "3"), ("Глава 1. Форматы расписаний", "5"), ("1.1. Формат iCalendar", "6"), ("Список литературы", "9")]


def _body_texts(path) -> list[str]:
    doc = read_document(str(path))
    return [plain_text(b.inlines) for b in doc.blocks if isinstance(b, (Paragraph, Heading))]


def _thesis(path, contents) -> None:
    """A title line, then `contents(document)` adding the contents, then the thesis's text."""
    import docx
    from docx_samples import save

    document = docx.Document()
    document.add_paragraph("Разработка веб-приложения для расписания занятий", style="Title")
    contents(document)
    for style, text in THESIS_BODY:
        document.add_paragraph(text, style=style)
    save(document, path)


def _in_gallery(paragraphs, gallery: str) -> None:
    """Move `paragraphs` into one of Word's building blocks (a content control of `gallery`)."""
    from docx_samples import W_NS, wrap_in_content_control, xml_nodes

    wrap_in_content_control(paragraphs[0].part.document, paragraphs, bibliography=False)
    props = paragraphs[0]._p.getparent().getparent().find(f"{{{W_NS}}}sdtPr")
    props.append(xml_nodes(f'<w:docPartObj><w:docPartGallery w:val="{gallery}"/></w:docPartObj>')[0])


def test_a_toc_fields_result_and_its_heading_are_not_body(tmp_path):
    """Word's contents lists the headings with page numbers, as a TOC field's cached result
    (its heading above the field), or inside Word's `Table of Contents` block: the editions
    print the text, not this list (pandoc drops it too)."""
    from docx_samples import append_xml, field

    def contents(document, block: bool):
        made = [document.add_paragraph("СОДЕРЖАНИЕ")]
        for k, (title, page) in enumerate(CONTENTS):
            p = document.add_paragraph()
            opening = "" if block or k else '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            closing = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if not block and k == len(CONTENTS) - 1 else ""
            append_xml(p, opening + f'<w:r><w:t xml:space="preserve">{title}</w:t></w:r><w:r><w:tab/></w:r>' + field(" PAGEREF _Toc1 \\h ", page) + closing)
            made.append(p)
        if block:
            _in_gallery(made, "Table of Contents")

    for block in (False, True):
        path = tmp_path / f"toc{block}.docx"
        _thesis(path, lambda document: contents(document, block))
        texts = _body_texts(path)
        assert texts[0] == "Введение", block
        assert "СОДЕРЖАНИЕ" not in texts
        assert texts.count("Глава 1. Форматы расписаний") == 1
        assert not any(t.startswith("1.1. Формат iCalendar") for t in texts)


def test_a_typed_contents_list_is_not_body(tmp_path):
    """Contents typed by hand (`Глава 1. … ........ 5`, a title and a tab and a page number)
    are the paper's contents too, with their heading; a single line ending in a number is not."""

    def contents(document):
        document.add_paragraph("Оглавление")
        for k, (title, page) in enumerate(CONTENTS):
            document.add_paragraph(f"{title} {'.' * 20} {page}" if k % 2 else f"{title}\t{page}")

    path = tmp_path / "typed.docx"
    _thesis(path, contents)
    texts = _body_texts(path)
    assert texts[0] == "Введение"
    assert "Оглавление" not in texts
    assert not any("...." in t or "\t" in t for t in texts)


def test_word_cover_page_leftovers_are_not_body(tmp_path):
    """Word's cover page block (a title page: the title, a signature rule, `(подпись)`, the city
    and the year): its lines are front matter, not the thesis's first paragraphs."""
    import docx
    from docx_samples import save

    document = docx.Document()
    cover = [document.add_paragraph(t) for t in ["Разработка веб-приложения для расписания занятий", "Выполнил: студент группы ИТ-14", "___________________________", "(подпись)", "Якутск", "2018"]]
    _in_gallery(cover, "Cover Pages")
    for style, text in THESIS_BODY:
        document.add_paragraph(text, style=style)
    path = save(document, tmp_path / "cover.docx")
    texts = _body_texts(path)
    assert texts[0] == "Введение"
    assert not {"(подпись)", "Якутск", "2018", "___________________________"} & set(texts)


# ---- a paragraph set off in bold is no heading -------------------------------------------------

STANDFIRST = [
    "Counting invented bridges by their spans has shown that a",
    "simple model of the crossings is better than the classic",
    "survey of the towns, allowing the incorporation of the",
    "river's depth, the season and the traffic of each year-",
    "long record of crossings at every bridge.",
]
BODY = [
    "The towns of the invented valley keep records of every bridge and of the",
    "crossings made over it in each season of the year, and the records are kept",
    "in the town halls, where they were read for this study over two summers.",
]


def test_a_standfirst_set_in_bold_is_one_paragraph_not_headings(tmp_path):
    """A magazine's standfirst (a summary paragraph set in a bold, slightly larger type under the
    title) is read as a paragraph: its lines are not headings, one after another."""
    from helpers import draw_text, pdf_canvas

    path = tmp_path / "standfirst.pdf"
    c = pdf_canvas(path)
    draw_text(c, 72, 780, "Counting Invented Bridges", size=20, bold=True)
    draw_text(c, 72, 755, "Anna Holm, Invented University")
    y = 720
    for line in STANDFIRST:
        draw_text(c, 72, y, line, size=11, bold=True)
        y -= 14
    y -= 12
    for part in range(3):
        for line in BODY:
            draw_text(c, 72, y, line, size=10)
            y -= 12.5
        y -= 6
    draw_text(c, 72, y, "Bridges and their spans", size=10, bold=True)
    y -= 14
    for line in BODY:
        draw_text(c, 72, y, line, size=10)
        y -= 12.5
    c.save()
    doc = read_document(str(path))
    headings = [plain_text(b.inlines) for b in doc.blocks if isinstance(b, Heading)]
    assert headings == ["Bridges and their spans"]
    paragraphs = [plain_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph)]
    assert paragraphs[0].startswith("Counting invented bridges by their spans") and paragraphs[0].endswith("at every bridge.")


# ---- by-lines: a mononym, an accent drawn after its letter, `By` over two lines ----------------


def _front_pdf(path, by_lines: list[str], under: list[str], title: str = "Counting Invented Bridges by Their Spans") -> None:
    from helpers import draw_text, pdf_canvas

    c = pdf_canvas(path)
    draw_text(c, 72, 770, title, size=18, bold=True)
    y = 740
    for line in by_lines + under:
        draw_text(c, 72, y, line, size=10)
        y -= 13
    y -= 20
    draw_text(c, 72, y, "Introduction", size=12, bold=True)
    for k in range(6):
        y -= 13
        draw_text(c, 72, y, "The towns of the invented valley keep records of every bridge and of its crossings.", size=10)
    c.save()


def test_a_mononym_and_accented_names_do_not_stop_a_by_line(tmp_path):
    """`…, Akbari Aliakbar, Muhayyuddin, Leopold Palomo and Néstor García`: a single name among
    full ones is an author's, and Latin-1's accented letters (`í`, `Ó`) are a name's letters."""
    from exporter.readers.pdf.reader import name_parts

    assert name_parts("Jan Rosell, Akbari Aliakbar, Muhayyuddin, Leopold Palomo and Néstor García") == ["Jan Rosell", "Akbari Aliakbar", "Muhayyuddin", "Leopold Palomo", "Néstor García"]
    assert name_parts("Óscar Núñez, Íñigo Ibáñez") == ["Óscar Núñez", "Íñigo Ibáñez"]
    assert name_parts("Laboratoire Informatique, Image, Interaction") == ["Laboratoire Informatique"]  # no mononyms after a pair
    path = tmp_path / "mononym.pdf"
    _front_pdf(path, ["Jan Rosell, Akbari Aliakbar, Muhayyuddin, Leopold Palomo and Néstor García"], ["Institute of Invented Engineering, Barcelona, Spain"])
    assert read_document(str(path)).meta.authors == ("Jan Rosell", "Akbari Aliakbar", "Muhayyuddin", "Leopold Palomo", "Néstor García")


def test_an_accent_drawn_after_the_next_letter_joins_its_own_letter():
    """TeX may draw `´` after the letter that follows the one it stands over (`F r e d ´ e r i c`,
    the accent over the first `e`): it joins that `e`, and the word stays one (`Frédéric`)."""
    from exporter.readers.pdf.layout import compose_accents

    def char(ch, x0, x1, spaced=False):
        return (ch, x0, x1, 687.0, 12.0, False, spaced, 0)

    chars = [char("F", 294.2, 300.6, True), char("r", 300.7, 304.7), char("e", 305.0, 309.8), char("d", 310.3, 315.9), char("´", 306.5, 309.2), char("e", 316.3, 321.1, True), char("r", 321.4, 325.3)]
    out = compose_accents(chars)
    assert "".join(c[0] for c in out) == "Fréder"
    assert not out[4][6]  # no word gap inside the name


def test_a_by_line_opening_with_by_goes_on_over_its_next_line_and_stops_at_the_affiliation(tmp_path):
    """`By Dina Holm, Pere Crane, Narcis Stone,` / `Francesco Lind, David Ribas, and Maurizio Moss`:
    six authors, none named `By …`; an affiliation line with a name-like pair
    (`Laboratoire Informatique, Image, Interaction`) ends the by-line."""
    path = tmp_path / "by.pdf"
    _front_pdf(path, ["By Dina Holm, Pere Crane, Narcis Stone,", "Francesco Lind, David Ribas, and Maurizio Moss"], [])
    assert read_document(str(path)).meta.authors == ("Dina Holm", "Pere Crane", "Narcis Stone", "Francesco Lind", "David Ribas", "Maurizio Moss")
    path = tmp_path / "lab.pdf"
    _front_pdf(path, ["Jean Follin, Alain Bouju, Patrice Boursier"], ["Laboratoire Informatique, Image, Interaction", "Université de La Rochelle"])
    assert read_document(str(path)).meta.authors == ("Jean Follin", "Alain Bouju", "Patrice Boursier")


# ---- what the first comparison showed (docx): contents styles as headings, a cover block holding the paper


def test_a_heading_set_in_a_contents_style_alone_stays(tmp_path):
    """`Acknowledgements` set in `TOC Heading` (or `ABSTRACT` in `toc 1`) over its text is a
    heading set in that style, not a contents line: only two contents lines in a row are contents."""
    import docx
    from docx_samples import save

    document = docx.Document()
    document.add_paragraph("Разработка веб-приложения для расписания занятий", style="Title")
    for style, text in THESIS_BODY[:4]:
        document.add_paragraph(text, style=style)
    document.add_paragraph("Acknowledgements", style="TOC Heading")
    document.add_paragraph("The author thanks the timetable office for its records of classes.")
    for style, text in THESIS_BODY[4:]:
        document.add_paragraph(text, style=style)
    path = save(document, tmp_path / "tocheading.docx")
    assert "Acknowledgements" in _body_texts(path)


def test_a_cover_block_holding_the_whole_paper_keeps_it(tmp_path):
    """A paper typed inside Word's cover page block (its title page and every chapter): the block
    is no cover page, and its text is the body."""
    import docx
    from docx_samples import save

    document = docx.Document()
    made = [document.add_paragraph("Разработка веб-приложения для расписания занятий")]
    for k in range(25):
        made.append(document.add_paragraph(f"Глава {k + 1}. Расписание", style="Heading 1"))
        made.append(document.add_paragraph("Формат iCalendar хранит события расписания в текстовом файле."))
    _in_gallery(made, "Cover Pages")
    path = save(document, tmp_path / "coverall.docx")
    assert "Глава 25. Расписание" in _body_texts(path)


def test_lines_ending_in_the_same_number_are_no_contents(tmp_path):
    """`Плотность, кг/м3     0` over `модуль упругости, ГПа     0`: a typed table's column of
    values; a contents' pages go up."""
    import docx
    from docx_samples import save

    document = docx.Document()
    document.add_paragraph("Разработка веб-приложения для расписания занятий", style="Title")
    for style, text in THESIS_BODY[:2]:
        document.add_paragraph(text, style=style)
    rows = ["Плотность, кг/м3\t0", "Модуль упругости, ГПа\t0", "Прочность при растяжении, МПа\t0", "Шаг нашивки\t0"]
    for row in rows:
        document.add_paragraph(row)
    for style, text in THESIS_BODY[2:]:
        document.add_paragraph(text, style=style)
    path = save(document, tmp_path / "values.docx")
    assert sum("\t0" in t or t.endswith(" 0") for t in _body_texts(path)) == len(rows)


# ---- what the comparison on the unseen PDFs showed: a plot's markers and a drawing's shapes are no bullets


def test_a_plots_markers_and_a_drawings_shapes_open_no_items(tmp_path):
    """Markers of a plot drawn left of its axis numbers (`■ 3000`, `■ 2000`), and a row of small
    shapes (a drawing in a gutter) before a line of the next column, are no list's bullets."""
    from helpers import draw_text, pdf_canvas

    path = tmp_path / "plot.pdf"
    c = pdf_canvas(path)
    draw_text(c, 72, 780, "Введение", size=16, bold=True)
    y = 750
    for value in ("4000", "3000", "2000", "1000"):
        c.rect(80, y + 1.6, 3.8, 3.8, stroke=0, fill=1)
        draw_text(c, 92, y, value)
        y -= 15
    for k in range(3):  # three shapes in a row before each of two lines
        for x in (60, 66, 72):
            c.circle(x + 2, y + 3.5, 2, stroke=0, fill=1)
        draw_text(c, 84, y, "Строка текста соседней колонки идёт дальше.")
        y -= 15
    c.save()
    doc = read_document(str(path))
    assert not _lists(doc)
    assert "•" not in " ".join(plain_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph))


# ---- what the comparison showed for by-lines: a name broken at the line's end


def test_a_name_broken_at_the_by_lines_end_is_one_name(tmp_path):
    """`…, Корниловска Наталья Владимировна, Лурье` / `Ирина Анатольевна`: one person, not two
    (the layout's by-line as the reader reads it under the title)."""
    path = tmp_path / "broken.pdf"
    _front_pdf(path, ["Розов Владимир Владимирович, Корнева Наталья Владимировна, Лурье", "Ирина Анатольевна"], ["Херсонский национальный технический институт"], title="Мосты вымышленной долины и их пролёты")
    from exporter.readers.pdf.layout import open_pdf, read_pages
    from exporter.readers.pdf.reader import find_authors

    doc, _ = open_pdf(str(path))
    lines = [line for page in read_pages(doc) for line in page.lines]
    doc.close()
    assert find_authors(lines, [0]) == ["Розов Владимир Владимирович", "Корнева Наталья Владимировна", "Лурье Ирина Анатольевна"]
