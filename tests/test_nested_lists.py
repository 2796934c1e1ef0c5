"""A list nested in a list item (pandoc's list item holds blocks): the model walks it, and every
edition prints it nested, its marks set in at the parent item's text, in its place after that
item's text and before the next item."""

from __future__ import annotations

import io

import pytest

from exporter.linker import Linked
from exporter.model import BulletList, Document, ListItem, Meta, Paragraph, Span, Text, inline_runs, map_runs, plain_text
from exporter.venue import Template
from exporter.writers import Edition
from exporter.writers import docx as docx_writer
from exporter.writers import html as html_writer
from exporter.writers import latex as latex_writer
from exporter.writers import pdf as pdf_writer

from helpers import without_soft_hyphens


def span(line: int) -> Span:
    return Span(line, 1, line, 40)


BULLETS = BulletList((ListItem((Text("the labelled references of the public sets;"),), span(3)), ListItem((Text("the entries rendered through many citation styles."),), span(4))), span(3))
LETTERS = BulletList((ListItem((Text("with the features of word shape;"),), span(6), "a)"), ListItem((Text("with the dictionaries of names and places."),), span(7), "b)")), span(6))
STEPS = BulletList((
    ListItem((Text("Prepare the data for the tagger:"),), span(2), "1.", (BULLETS,)),
    ListItem((Text("Train the model on them:"),), span(5), "2.", (LETTERS,)),
    ListItem((Text("Measure it on the held-out split."),), span(8), "3."),
), span(2))
ORDER = [
    "Prepare the data for the tagger:", "the labelled references of the public sets;", "the entries rendered through many citation styles.",
    "Train the model on them:", "with the features of word shape;", "with the dictionaries of names and places.", "Measure it on the held-out split.",
]


@pytest.fixture(scope="module")
def edition() -> Edition:
    blocks = (Paragraph((Text("The model is trained in three steps."),), span(1)), STEPS, Paragraph((Text("The scores are kept beside the model."),), span(9)))
    doc = Document("nested.txt", Meta(title=(Text("Training a tagger"),), language="en"), blocks)
    return Edition(Linked(doc, ()), Template.load("kz-conference"))


def test_the_walk_reaches_the_nested_items_in_reading_order():
    assert [plain_text(run) for run in inline_runs(STEPS)] == ORDER
    upper = map_runs(lambda run: (Text(plain_text(run).upper()),), (STEPS,))[0]
    assert plain_text(upper.items[0].blocks[0].items[1].inlines) == "THE ENTRIES RENDERED THROUGH MANY CITATION STYLES."


def test_docx_prints_the_nested_items_after_their_item_set_in_past_its_text(edition):
    import docx

    document = docx.Document(io.BytesIO(without_soft_hyphens(docx_writer.render(edition))))
    paragraphs = [p for p in document.paragraphs if any(p.text.endswith(t) for t in ORDER)]
    assert [next(t for t in ORDER if p.text.endswith(t)) for p in paragraphs] == ORDER
    step, bullet, letter = paragraphs[0], paragraphs[1], paragraphs[4]
    assert step.text.startswith("1.\t") and letter.text.startswith("a)\t") and bullet.text.startswith("–\t")
    assert bullet.paragraph_format.left_indent > step.paragraph_format.left_indent
    assert bullet.paragraph_format.left_indent + bullet.paragraph_format.first_line_indent == step.paragraph_format.left_indent  # the mark at the item's text


def test_pdf_prints_the_nested_items_after_their_item_set_in_past_its_text(edition, tmp_path):
    from exporter.readers.pdf.reader import pdf_lines

    path = tmp_path / "nested.pdf"
    path.write_bytes(pdf_writer.render(edition))
    lines = [line for line in pdf_lines(str(path)) if any(line.text.endswith(t) for t in ORDER)]
    assert [next(t for t in ORDER if line.text.endswith(t)) for line in lines] == ORDER
    step, bullet, letter = lines[0], lines[1], lines[4]
    assert bullet.x0 > step.x0 + 8 and letter.x0 > step.x0 + 8


def test_latex_and_html_nest_the_list_inside_its_item(edition):
    tex = latex_writer.render(edition).decode("utf-8")
    outer = tex.index("\\item[{1.}] Prepare the data")
    inner = tex.index("\\begin{itemize}", outer)
    assert inner < tex.index("the labelled references") < tex.index("\\end{itemize}", inner) < tex.index("\\item[{2.}] Train")
    assert tex.count("\\begin{itemize}") == 3 == tex.count("\\end{itemize}")
    assert "\\setlist[itemize,2]{label=–" in tex  # a nested list set as the outer one is, not in LaTeX's own second-level style
    page = html_writer.render(edition).decode("utf-8")
    assert "Prepare the data for the tagger:<ul>" in page and "names and places.</li></ul></li>" in page
