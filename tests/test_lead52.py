"""Word's own equation numbering (`E = mc^2#(1)`) read as the formula's number, not printed as
`#(1)` inside the formula; the editions set it at the right margin."""

from __future__ import annotations

import re

import docx

from docx_samples import append_xml, save
from exporter.model import Math, walk
from exporter.readers import read_document
from exporter.readers.docx.omml import omml_to_tex, split_word_number
from exporter.readers.docx.xml import M_NS, parse


def r(text: str) -> str:
    return f"<m:r><m:t xml:space=\"preserve\">{text}</m:t></m:r>"


def paren(inner: str) -> str:
    return f"<m:d><m:dPr/><m:e>{r(inner)}</m:e></m:d>"


def numbered(*rows: str) -> str:
    """An equation as Word stores `…#(n)`: an equation array, the number in its last row."""
    return "<m:oMath><m:eqArr><m:eqArrPr/>" + "".join(f"<m:e>{row}</m:e>" for row in rows) + "</m:eqArr></m:oMath>"


def formula(xml: str):
    return parse(f'<m:oMathPara xmlns:m="{M_NS}">{xml}</m:oMathPara>'.encode()).find(f"{{{M_NS}}}oMath")


def test_the_number_after_the_hash_is_the_formulas_and_the_array_goes():
    split = split_word_number(formula(numbered(r("f(x)=0, #") + paren("1.1"))))
    assert split is not None
    rest, number = split
    assert number == "1.1"
    assert omml_to_tex(rest) == "f(x)=0,"  # the one-row array was only Word's frame for the number


def test_a_formula_of_several_lines_keeps_them_and_takes_the_number_of_its_last():
    rest, number = split_word_number(formula(numbered(r("a=b,"), r("c=d#") + paren("6.2"))))
    assert number == "6.2"
    tex = omml_to_tex(rest)
    assert "\\\\" in tex and "a=b" in tex and "c=d" in tex and "#" not in tex and "6.2" not in tex


def test_a_hash_that_numbers_nothing_stays_in_the_formula():
    for xml in (
        f"<m:oMath>{r('a#b')}</m:oMath>",  # no equation array: a sign of the formula
        numbered(r("x#y")),  # no number in brackets after it
        numbered(r("a#") + paren("1"), r("b#") + paren("2")),  # a mark in a row before the last
    ):
        assert split_word_number(formula(xml)) is None


def test_a_word_paper_numbered_so_gets_numbered_display_formulas(tmp_path):
    d = docx.Document()
    d.add_paragraph("Пусть задано уравнение:")
    append_xml(d.add_paragraph(), f'<m:oMathPara xmlns:m="{M_NS}">{numbered(r("x+2=0, #") + paren("2.1"))}</m:oMathPara>')
    d.add_paragraph("Из уравнения (2.1) следует ответ.")
    doc = read_document(str(save(d, tmp_path / "eq.docx")))
    maths = [n for n in walk(doc.blocks) if isinstance(n, Math)]
    assert [(m.tex, m.display, m.number) for m in maths] == [("x+2=0,", True, "2.1")]
    assert "#" not in maths[0].omml and "2.1" not in maths[0].omml  # the DOCX edition writes the number itself


def test_an_inline_formulas_top_level_commas_are_places_to_break_in_the_latex_edition():
    from exporter.writers.latex_math import breakable_inline

    tex = r"A_{1}\left( x \right),\ldots ,C_{m}\left( x \right), f(x,y), \{1,2\}, x=1,5, a\,b"
    assert breakable_inline(tex) == (
        r"A_{1}\left( x \right),\allowbreak \ldots ,\allowbreak C_{m}\left( x \right),\allowbreak  f(x,y),\allowbreak  \{1,2\},\allowbreak  x=1,5,\allowbreak  a\,b"
    )


def test_a_long_inline_list_breaks_in_the_latex_edition(tmp_path):
    """Written inline as `$A_1(x),…$`, a list of 12 functions is wider than the line: the
    LaTeX edition breaks it after a comma instead of running into the margin."""
    from helpers import run_cli

    paper = tmp_path / "list.md"
    items = ",".join(rf"{f}_{{{i}}}\left( x \right)" for f in "ABC" for i in ("1", "2", "m"))
    paper.write_text(f"# Тест\n\nПусть также заданы многочлены из (7): ${items},\\ldots ,{items}$.\n", encoding="utf-8")
    result = run_cli("build", str(paper), "--to", "latex", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "out" / "list.tex").read_text(encoding="utf-8")
    assert r"B_{m}\left( x \right),\allowbreak C_{1}" in written


def test_symbols_xelatex_lacks_are_written_as_their_characters(tmp_path):
    """`\\coloneqq` (mathtools') and `\\square` (amssymb's) pass the MathML check but stopped
    XeLaTeX with an undefined control sequence under amsmath and unicode-math: the whole LaTeX
    edition of a Word paper typing `u_1 ≔ x·x` did not compile."""
    import shutil

    import pytest

    from exporter.writers.latex_math import math_tex
    from test_latex import compile_tex, tex_for

    assert math_tex(r"u_{1}\coloneqq x, \square") == "u_{1}≔ x, ◻"
    assert math_tex(r"\alpha \le \beta") == r"\alpha \le \beta"  # what XeLaTeX knows stays as written
    if not shutil.which("xelatex"):
        pytest.skip("xelatex not installed")
    d = docx.Document()
    d.add_paragraph("Пусть заданы два действия:")
    append_xml(d.add_paragraph(), f'<m:oMathPara xmlns:m="{M_NS}"><m:oMath>{r("u")}<m:r><m:t>≔x·x, □</m:t></m:r></m:oMath></m:oMathPara>')
    paper = save(d, tmp_path / "act.docx")
    run, log = compile_tex(tex_for(paper), tmp_path)
    assert run.returncode == 0 and "Undefined control sequence" not in log


def test_a_caption_label_opening_two_pages_is_no_running_head():
    """`Рисунок` / `3 - Диаграмма классов` at the top of two pages of a coursework's text: a
    line word for word at the edge of two pages is taken for a running head, and the two
    captions lost their labels (XRF001: `Рисунке 3 refers to figure 3, which does not
    exist`). A caption's label word alone on its line is never one."""
    from exporter.readers.plaintext.furniture import find_pages
    from exporter.sourcefile import SourceText
    from exporter.readers.plaintext import read_plaintext

    def body(page: int) -> str:
        return "".join(f"Строка {k} страницы {page}: текст идёт своим чередом и описывает приложение.\n" for k in range(3))

    text = (
        "Введение\n\n" + body(1) + "На Рисунке 1 изображена схема, на Рисунке 2 — классы.\n\n12\n"
        "\fРисунок\n1 - Схема приложения\n\n" + body(2) + "\n13\n"
        "\fРисунок\n2 - Диаграмма классов\n\n" + body(3) + "\n14\n"
    )
    lines = text.split("\n")
    furniture = find_pages(lines).furniture
    assert not any(lines[i].strip("\f") == "Рисунок" for i in furniture)
    assert any(lines[i].strip() in ("12", "13", "14") for i in furniture)  # the page numbers still are
    doc = read_plaintext(SourceText("p.txt", text, "utf-8"))
    from exporter.report import inline_text

    shown = [inline_text(getattr(b, "inlines", None) or getattr(b, "caption", ())) for b in doc.blocks]
    assert [t for t in shown if "Схема приложения" in t or "Диаграмма классов" in t] == ["Рисунок 1 – Схема приложения", "Рисунок 2 – Диаграмма классов"]  # the spaced hyphen set as a dash, shown


def _paragraphs(text: str) -> list[str]:
    from exporter.model import Paragraph
    from exporter.readers.plaintext import read_plaintext
    from exporter.report import inline_text
    from exporter.sourcefile import SourceText

    doc = read_plaintext(SourceText("p.txt", text, "utf-8"))
    return [inline_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph)]


def test_a_justified_line_pdftotext_spread_into_its_words_is_one_line_of_its_paragraph():
    """pdftotext writes the words of a line justified with wide gaps each as a paragraph of its
    own (blank lines between); the paragraph was printed cut in pieces, a word a paragraph."""
    text = (
        "В 1986 года данную технику запатентовали и дали название стереолитографии.\n\n"
        "Эта\n\nже\n\nкомпания,\n\nCharlesHull\n\nразработала\n\nпервый\n\n"
        "промышленный 3D принтер. И в 1988 году компания 3DSystem разработала 3D\nпринтер для печати в домашних условиях.\n\n"
        "Это можно сделать либо с помощью трехмерного графического\nредактора\n\n"
        "CAD-системы\n\n(3D\n\nStudioMax,\n\nSolidWorks,\n\nAutoCAD),\n\nлибо\n\n"
        "просканировав полностью объект в 3D. Затем объект разбивается на слои.\n"
    )
    assert _paragraphs(text) == [
        "В 1986 года данную технику запатентовали и дали название стереолитографии.",
        "Эта же компания, CharlesHull разработала первый промышленный 3D принтер. И в 1988 году компания 3DSystem разработала 3D принтер для печати в домашних условиях.",
        "Это можно сделать либо с помощью трехмерного графического редактора CAD-системы (3D StudioMax, SolidWorks, AutoCAD), либо просканировав полностью объект в 3D. Затем объект разбивается на слои.",
    ]


def test_table_cells_numbers_and_a_heading_are_not_taken_for_a_spread_line():
    text = (
        "Результаты измерений приведены ниже в таблице для каждого из режимов работы.\n\n"
        "Android,\n\nAndroid,\n\nAndroid,\n\nверсии платформ различаются.\n\n"  # a column repeats its words
        "Функции устройства перечислены ниже по порядку их выполнения датчиком.\n2\n\n"
        "Запись\n\nи\n\nсохранение\n\nизмеряемых\n\nпараметров в памяти устройства.\n"  # after an item's number
    )
    paragraphs = _paragraphs(text)
    assert paragraphs.count("Android,") == 2  # the third goes on as before, in lower case
    assert "Запись и сохранение измеряемых параметров в памяти устройства." in paragraphs


def test_pictures_with_no_caption_stay_in_place_and_a_wide_one_in_a_line_gets_its_own(tmp_path):
    """A Word thesis of 118 pictures with no caption (formulas pasted as pictures between its
    sentences): set as `figure` floats they drifted from their text and overflowed LaTeX's 18
    waiting floats ("Too many unprocessed floats": no PDF). A picture in a line wider than half
    the line glued the text after it into the margin."""
    import shutil
    from dataclasses import replace as replaced

    import pytest

    from exporter.model import Figure, Image, Paragraph, Span, Text
    from exporter.writers import latex as latex_writer
    from media_samples import drawn, media_document, media_edition
    from test_latex import compile_tex

    span = Span(1, 1, 1, 5)
    wide = Image(drawn("PNG", (900, 120)), "image/png", width=450, height=60, name="wide.png")
    small = Image(drawn("PNG", (40, 20)), "image/png", width=20, height=10, name="small.png")
    blocks = [Paragraph((Text("Кривая Безье записывается так:"),), span)]
    for k in range(25):
        blocks.append(Figure((Image(drawn("PNG", (400, 80 + k)), "image/png", width=400, height=80, name=f"f{k}.png"),), (), span))
        blocks.append(Paragraph((Text(f"Где b{k}: "), wide, Text(", а "), small, Text("Уравнение кривой.")), span))
    edition = media_edition(document=replaced(media_document(), blocks=tuple(blocks), references=()))
    edition.stem = "paper"
    tex = latex_writer.render(edition).decode()
    assert "\\begin{figure}" not in tex and tex.count("\\begin{center}") >= 25
    wide_shown = re.findall(r"(\\allowbreak\{\})?\\includegraphics\[width=([\d.]+)pt[^]]*\]\{[^}]+\}(\\allowbreak\{\})?(.)", tex)
    wide_ones = [w for w in wide_shown if float(w[1]) > 300]
    small_ones = [w for w in wide_shown if float(w[1]) < 30]
    assert len(wide_ones) == 25 and all(w[0] and not w[2] and w[3] == "," for w in wide_ones)  # a break before it; none before its comma
    assert len(small_ones) == 25 and not any(w[0] or w[2] for w in small_ones)  # a small one stays in its line
    if not shutil.which("xelatex"):
        pytest.skip("xelatex not installed")
    from exporter.build import atomic_write_folder

    for folder, members in latex_writer.companions(edition).items():
        atomic_write_folder(tmp_path / folder, members)
    run, log = compile_tex(tex, tmp_path)
    assert run.returncode == 0 and "Too many unprocessed floats" not in log, log[-1500:]


def test_keywords_parted_by_springers_middle_dots_are_each_a_keyword(tmp_path):
    """Springer's LNCS parts its keywords by `·` (`Keywords: A, · B · C.`): the text and PDF
    readers split at commas and semicolons only, and read `· Swarm Intelligence · Hospital
    Logistics` as one keyword (unseen alencar_taco_lncs)."""
    from helpers import draw_text, pdf_canvas

    from exporter.readers.pdf import read as read_pdf

    path = tmp_path / "lncs.pdf"
    c = pdf_canvas(path)
    draw_text(c, 50, 780, "Optimizing Routes for Medicine Distribution", 16, bold=True)
    draw_text(c, 50, 750, "Renan Costa Alencar and Carmelo J. A. Bastos-Filho")
    draw_text(c, 50, 716, "Polytechnic University of Pernambuco, Recife, Brazil", 9)
    draw_text(c, 50, 690, "Abstract. Distributing medicine and hospital supplies is a hard problem to solve.", 9)
    draw_text(c, 50, 676, "Keywords: Multiple Traveling Salesman Problem, · Swarm Intelligence · Hospital Logistics.", 9)
    draw_text(c, 50, 650, "1 Introduction", 12, bold=True)
    draw_text(c, 50, 630, "The travelling salesman problem is studied here in a hospital's setting, with ants.")
    c.save()
    doc = read_pdf(str(path))
    assert doc.meta.keywords == ("Multiple Traveling Salesman Problem", "Swarm Intelligence", "Hospital Logistics")
    from exporter.readers.plaintext.frontmatter import keywords_of

    assert keywords_of(["Multiple Traveling Salesman Problem, · Swarm Intelligence · Hospital Logistics."], False) == doc.meta.keywords
