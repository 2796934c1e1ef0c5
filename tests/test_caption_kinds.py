"""A figure or table is labelled as the paper numbers it, not by its form: a table given as a
picture (`Таблица 2` over a screenshot) is `Таблица 2` in every edition, and a Word table
captioned `Рисунок 5` is `Рисунок 5`, numbered in Word's figure sequence."""

from __future__ import annotations

import io
import re
import zipfile

from exporter.linker import Linked
from exporter.model import Cell, Document, Figure, Image, Meta, Span, Table, Text
from exporter.venue import Template
from exporter.writers import Edition, caption_of
from exporter.writers import docx as docx_writer
from media_samples import drawn


def test_caption_words_follow_the_kind_the_paper_gives():
    picture_table = Figure((), (Text("Сравнение характеристик"),), Span(1, 1, 1, 1), "2", "tab:2", kind="table")
    figure_table = Table(((Cell((Text("a"),)),),), Span(2, 1, 2, 1), caption=(Text("Атрибуты"),), number="5", label="fig:5", kind="figure")
    assert caption_of(picture_table, "ru").word == "Таблица "
    assert caption_of(figure_table, "ru").word == "Рисунок "
    assert caption_of(figure_table, "en").word == "Figure "
    assert caption_of(Table(((Cell((Text("a"),)),),), Span(3, 1, 3, 1), caption=(Text("Итоги"),), number="1"), "ru").word == "Таблица "


def test_the_docx_edition_numbers_each_in_words_sequence_of_its_kind():
    picture = Image(drawn("PNG", (40, 30)), "image/png", width=40, height=30, name="media/image1.png")
    blocks = (
        Figure((picture,), (Text("Сравнение характеристик"),), Span(1, 1, 1, 1), "2", "tab:2", kind="table"),
        Table(((Cell((Text("a"),)),),), Span(2, 1, 2, 1), caption=(Text("Атрибуты"),), number="5", label="fig:5", kind="figure"),
    )
    edition = Edition(Linked(Document("k.docx", Meta(language="ru"), blocks), ()), Template.load("kz-conference"), stem="k")
    xml = zipfile.ZipFile(io.BytesIO(docx_writer.render(edition))).read("word/document.xml").decode("utf-8")
    captions = [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S) if "SEQ" in p]
    seqs = re.findall(r"SEQ (\w+)", xml)
    assert seqs == ["Table", "Figure"]
    assert captions[0].startswith("Таблица") and "SEQ Table" in captions[0] and captions[0].endswith("Сравнение характеристик")
    assert captions[1].startswith("Рисунок") and captions[1].endswith("Атрибуты")


def test_a_number_words_sequence_cannot_count_is_written_as_text():
    """`Table A1` (an appendix's) and `Рисунок 2.1` (a chapter's) keep their numbers in the DOCX
    edition: a SEQ field would show them until Word updates it, then 1 and 1; `Table 3` keeps
    its SEQ field."""
    picture = Image(drawn("PNG", (40, 30)), "image/png", width=40, height=30, name="media/image1.png")
    blocks = (
        Table(((Cell((Text("a"),)),),), Span(1, 1, 1, 1), caption=(Text("Codes"),), number="A1", label="tab:A1"),
        Figure((picture,), (Text("Scheme"),), Span(2, 1, 2, 1), "2.1", "fig:2.1"),
        Table(((Cell((Text("b"),)),),), Span(3, 1, 3, 1), caption=(Text("Totals"),), number="3", label="tab:3"),
    )
    edition = Edition(Linked(Document("k.docx", Meta(language="en"), blocks), ()), Template.load("kz-conference"), stem="k")
    xml = zipfile.ZipFile(io.BytesIO(docx_writer.render(edition))).read("word/document.xml").decode("utf-8")
    shown = re.sub(r"<w:instrText[^>]*>.*?</w:instrText>", "", xml)  # a field's code is not printed
    captions = [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<w:p[ >].*?</w:p>", shown, re.S) if re.search(r">(?:Table|Figure)\s*<", p)]
    assert [re.sub(r"\s+", " ", c).strip() for c in captions] == ["Table A1 – Codes", "Figure 2.1 – Scheme", "Table 3 – Totals"]
    assert re.findall(r"SEQ (\w+)", xml) == ["Table"]
