"""Emphasis in a PDF's text: words set in an italic face are Emph, in a bold face Strong, in a
monospace face Code, read from the fonts each character was drawn in, as the DOCX reader reads
Word's runs; a run of one style goes on over a line's end; a paragraph set in bold throughout
carries no Strong (its weight is the block's); citations stay outside the wrappers. Pages drawn
here with reportlab, in Liberation Serif and Liberation Mono."""

from __future__ import annotations

from exporter.model import Citation, Code, Emph, Paragraph, Strong, Text, plain_text
from exporter.readers.pdf.reader import read_pdf

from helpers import LIBERATION, pdf_canvas

FACES = {"r": "LiberationSerif", "b": "LiberationSerif-Bold", "i": "LiberationSerif-Italic", "m": "LiberationMono"}


def _line(c, x: float, y: float, parts: list[tuple[str, str]], size: float = 11) -> None:
    """One line drawn part by part, each in its face (`r`, `b`, `i`, `m`)."""
    for face, text in parts:
        c.setFont(FACES[face], size)
        c.drawString(x, y, text)
        x += c.stringWidth(text, FACES[face], size)


def _canvas(path):
    """The helpers' canvas with Liberation Serif Italic and Liberation Mono registered too."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    c = pdf_canvas(path)
    pdfmetrics.registerFont(TTFont("LiberationSerif-Italic", str(LIBERATION / "LiberationSerif-Italic.ttf")))
    pdfmetrics.registerFont(TTFont("LiberationMono", str(LIBERATION / "LiberationMono-Regular.ttf")))
    return c


def _paper(path) -> str:
    c = _canvas(path)
    _line(c, 60, 780, [("b", "Serverless workflows on demand")], 16)
    _line(c, 60, 760, [("r", "Ivan Petrov")])
    _line(c, 60, 730, [("b", "1 Introduction")], 14)
    _line(c, 75, 710, [("r", "Serverless platforms scale to zero, which brings latency known as "), ("i", "cold")])
    _line(c, 60, 696, [("i", "starts"), ("r", " [1]. We call the planner "), ("b", "Uniform"), ("r", " and run it with "), ("m", "task_a(10)"), ("r", " twice.")])
    _line(c, 75, 670, [("r", "Moreover, as shown in "), ("i", "the earlier study [2] of the same engine"), ("r", ", the gains hold.")])
    _line(c, 75, 644, [("b", "This whole paragraph is set in bold by its author, as a warning to")])
    _line(c, 60, 630, [("b", "the reader, and says nothing else.")])
    _line(c, 60, 600, [("b", "References")], 14)
    _line(c, 60, 585, [("r", "1. Ivanov I. Cold starts in serverless computing. Journal of Clouds, 2020, 3, 1-10.")])
    _line(c, 60, 570, [("r", "2. Petrov P. Workflow engines. Journal of Clouds, 2021, 4, 11-20.")])
    c.save()
    return str(path)


def _paragraphs(path) -> list[Paragraph]:
    return [b for b in read_pdf(_paper(path)).blocks if isinstance(b, Paragraph)]


def test_italic_bold_and_monospace_words_are_emph_strong_and_code(tmp_path):
    first = next(p for p in _paragraphs(tmp_path / "styles.pdf") if plain_text(p.inlines).startswith("Serverless platforms"))
    assert first.inlines[:2] == (Text("Serverless platforms scale to zero, which brings latency known as "), Emph((Text("cold starts"),)))
    assert Strong((Text("Uniform"),)) in first.inlines
    code = [node for node in first.inlines if isinstance(node, Code)]
    assert [node.text for node in code] == ["task_a(10)"]
    assert code[0].span.page == 1 and code[0].span.line == code[0].span.end_line  # placed on its page's line
    assert isinstance(first.inlines[2], Text) and first.inlines[2].text == " "
    assert isinstance(first.inlines[3], Citation)  # `[1]` after the italic run: a citation, outside it


def test_a_citation_inside_an_italic_run_stays_a_citation_between_two_emphs(tmp_path):
    second = next(p for p in _paragraphs(tmp_path / "styles.pdf") if plain_text(p.inlines).startswith("Moreover"))
    kinds = [type(node).__name__ for node in second.inlines]
    assert kinds == ["Text", "Emph", "Text", "Citation", "Text", "Emph", "Text"]
    assert plain_text(second.inlines[1].inlines) == "the earlier study" and plain_text(second.inlines[5].inlines) == "of the same engine"


def test_a_paragraph_in_bold_throughout_carries_no_strong(tmp_path):
    bold = next(p for p in _paragraphs(tmp_path / "styles.pdf") if plain_text(p.inlines).startswith("This whole paragraph"))
    assert bold.inlines == (Text("This whole paragraph is set in bold by its author, as a warning to the reader, and says nothing else."),)


def _listing(path) -> str:
    c = _canvas(path)
    _line(c, 60, 780, [("b", "Task graphs in Python")], 16)
    _line(c, 60, 760, [("r", "Ivan Petrov")])
    _line(c, 60, 730, [("b", "1 Introduction")], 14)
    _line(c, 75, 710, [("r", "A task is a decorated function, and the engine runs it as follows:")])
    mono_advance = c.stringWidth("x", "LiberationMono", 10)
    for k, (number, indent, code) in enumerate([("1", 0, "@task"), ("2", 0, "def add(a, b):"), ("3", 4, "return a + b"), ("4", 0, ""), ("5", 0, "print(add(1, 2))")]):
        y = 692 - 13 * k
        _line(c, 62, y, [("r", number)], 8)
        if code:
            _line(c, 80 + indent * mono_advance, y, [("m", code)], 10)
    _line(c, 75, 615, [("r", "The engine reads the graph before it runs any task, so that a task whose input")])
    _line(c, 60, 601, [("r", "is ready runs at once on a worker it chooses by the data it needs.")])
    _line(c, 75, 575, [("r", "The source is kept in the project's repository, whose address is")])
    _line(c, 60, 561, [("m", "https://example.org/engine/graphs")])
    _line(c, 60, 547, [("r", "and it is free to use.")])
    c.save()
    return str(path)


def test_lines_in_a_monospace_face_are_a_code_block_with_their_breaks_and_indents(tmp_path):
    from exporter.model import CodeBlock

    blocks = read_pdf(_listing(tmp_path / "listing.pdf")).blocks
    code = [b for b in blocks if isinstance(b, CodeBlock)]
    assert [b.text for b in code] == ["@task\ndef add(a, b):\n    return a + b\n\nprint(add(1, 2))"]
    texts = [plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph)]
    assert texts[0] == "A task is a decorated function, and the engine runs it as follows:"
    assert texts[1].startswith("The engine reads the graph")
    # a web address alone on its line, in the monospace face, is the sentence's word
    address = next(b for b in blocks if isinstance(b, Paragraph) and plain_text(b.inlines).startswith("The source is kept"))
    assert plain_text(address.inlines) == "The source is kept in the project's repository, whose address is https://example.org/engine/graphs and it is free to use."
    assert [n.text for n in address.inlines if isinstance(n, Code)] == ["https://example.org/engine/graphs"]


def test_a_captions_bold_label_leaves_no_mark_in_the_caption_and_a_sentence_runs_through_its_code(tmp_path):
    """A table's caption with its label in bold (`Таблица 1.` then the title) is read as a
    caption, its label and stop gone (the caption's style is the venue's: no Strong); two lines
    of code a sentence runs into and out of are the sentence's words (LaTeX's \\texttt list of
    benchmark names), not a block."""
    import shutil
    import subprocess

    import docx
    import pytest
    from docx.shared import Pt

    from exporter.model import CodeBlock, Table

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed")
    paper = docx.Document()
    paper.styles["Normal"].font.size = Pt(12)
    paper.add_paragraph("Результаты опыта. " + "Измерения проводились трижды на каждом образце. " * 4)
    caption = paper.add_paragraph()
    caption.add_run("Таблица 1").bold = True
    caption.add_run(". ")
    caption.add_run("Результаты измерений").italic = True
    table = paper.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    for (r, c), text in zip(((0, 0), (0, 1), (1, 0), (1, 1)), ("Образец", "Масса, г", "А-1", "12,5")):
        table.cell(r, c).text = text
    sentence = paper.add_paragraph("The engine is the fastest on the nine benchmarks ")
    sentence.add_run("bitops-bits-in-byte, bitops-bitwise-and, crypto-sha1, math-cordic, math-partial-sums, math-spectral-norm, string-base64, string-validate-input, access-nbody").font.name = "Liberation Mono"
    sentence.add_run(" and is slower on the others by a small margin.")
    path = tmp_path / "paper.docx"
    paper.save(path)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   capture_output=True, timeout=180, check=True)
    blocks = read_pdf(str(path.with_suffix(".pdf"))).blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].number == "1" and plain_text(tables[0].caption).strip() == "Результаты измерений"
    assert not [b for b in blocks if isinstance(b, CodeBlock)]
    running = next(b for b in blocks if isinstance(b, Paragraph) and plain_text(b.inlines).startswith("The engine"))
    assert plain_text(running.inlines).endswith("by a small margin.")
    assert any(isinstance(n, Code) and n.text.startswith("bitops-bits-in") and n.text.endswith("access-nbody") for n in running.inlines)
