"""Venue templates: entry formats (shared by all editions), title block, labels by language."""

from __future__ import annotations

import pytest

from helpers import DEMO_BIB

from exporter.references.bibtex import load_bib
from exporter.model import Entry, Meta, Span, Text, plain_text
from exporter.venue import Template, markup_to_runs


def text(runs) -> str:
    return "".join(f"<i>{r.text}</i>" if r.italic else r.text for r in runs)


def bib_entry(key: str, entry_type: str, **fields) -> Entry:
    return Entry(key=key, number=1, span=Span(1, 1, 1, 1), entry_type=entry_type, fields=tuple(fields.items()))


def test_gost_formats_the_demo_bibliography():
    template = Template.load("kz-conference")
    entries = load_bib(str(DEMO_BIB)).entries
    # GOST R 7.0.5-2008: `Surname I. O. Title. – Place : Publisher, Year. – Pages p.`;
    # articles: `… // Journal. – Year. – Vol. N. – P. a–b.`; LaTeX decoded (`{\"o}`, `--`, `\&`).
    assert [text(template.entry_runs(e, "en")) for e in entries] == [
        "Knuth D. E. The TeXbook. – Reading, MA : Addison-Wesley, 1984. – 483 p.",
        "Lamport L. LaTeX: A Document Preparation System. – 2nd ed. – Reading, MA : Addison-Wesley, 1994. – 272 p.",
        "Mittelbach F., Goossens M. The LaTeX Companion. – 2nd ed. – Boston : Addison-Wesley, 2004. – 1090 p.",
        "Bringhurst R. The Elements of Typographic Style. – Vancouver : Hartley & Marks, 1992. – 254 p.",
        "Patashnik O. BibTeXing. – Documentation for BibTeX. – 1988. – 16 p.",
        "Gödel K. Über formal unentscheidbare Sätze der Principia Mathematica und verwandter Systeme I"
        " // Monatshefte für Mathematik und Physik. – 1931. – Vol. 38. – P. 173–198.",
    ]


def test_gost_uses_russian_abbreviations_for_cyrillic_sources():
    template = Template.load("kz-conference")
    entry = bib_entry("r", "article", author="Иванов, Иван Петрович", title="О ссылках", journal="Вестник", year="2020", volume="3", pages="10--20")
    assert text(template.entry_runs(entry, "kk")) == "Иванов И. П. О ссылках // Вестник. – 2020. – Т. 3. – С. 10–20."


@pytest.mark.parametrize(
    "fields, gost, plain",
    [
        ({"title": "Only a title"}, "Only a title.", "<i>Only a title</i>."),
        ({"title": "T", "publisher": "P"}, "T. – P.", "<i>T</i>. P."),
        ({"title": "T", "year": "2001"}, "T. – 2001.", "<i>T</i>. 2001."),
    ],
)
def test_missing_fields_leave_no_stray_punctuation(fields, gost, plain):
    entry = bib_entry("k", "book", **fields)
    assert text(Template.load("kz-conference").entry_runs(entry, "en")) == gost
    assert text(Template.load("article").entry_runs(entry, "en")) == plain


def test_values_cannot_inject_markup():
    entry = bib_entry("k", "book", title="<b>bold?</b> &amp; <i>x</i>", year="2000")
    runs = Template.load("kz-conference").entry_runs(entry, "en")
    assert [(r.text, r.bold, r.italic) for r in runs] == [("<b>bold?</b> &amp; <i>x</i>. – 2000.", False, False)]


def test_markup_to_runs_reads_only_b_and_i():
    assert [(r.text, r.bold, r.italic) for r in markup_to_runs("<b>Аңдатпа.</b> мәтін &lt;b&gt; <i>курсив</i>")] == [
        ("Аңдатпа.", True, False), (" мәтін <b> ", False, False), ("курсив", False, True),
    ]


@pytest.mark.parametrize("language, udc, references", [("kk", "ӘОЖ", "Әдебиеттер тізімі"), ("ru", "УДК", "Список литературы"), ("en", "UDC", "References")])
def test_title_block_and_headings_follow_the_language(language, udc, references):
    template = Template.load("kz-conference")
    meta = Meta(udc="930.85", title=(Text("Тақырып"),), authors=("А. Б.",), language=language)
    lines = template.title_lines(meta)
    assert plain_text(lines[0].inlines) == f"{udc} 930.85" and lines[0].align == "left"
    assert plain_text(lines[1].inlines) == "ТАҚЫРЫП" and lines[1].bold and lines[1].align == "center"
    assert template.labels(language).references == references


@pytest.mark.parametrize("language, irsti", [("kk", "МҒТАР"), ("ru", "МРНТИ"), ("en", "IRSTI")])
def test_the_conference_keeps_the_papers_irsti_below_its_udc(language, irsti):
    # An author who prints both codes (`УДК 531.57`, `ГРНТИ 27.41.19`) finds both in the edition.
    template = Template.load("kz-conference")
    meta = Meta(udc="531.57", irsti="27.41.19", title=(Text("Тақырып"),), language=language)
    first = [plain_text(line.inlines) for line in template.title_lines(meta)][:3]
    assert first[1] == f"{irsti} 27.41.19" and first[2] == "ТАҚЫРЫП"
    assert [plain_text(line.inlines) for line in template.title_lines(Meta(udc="531.57", title=(Text("T"),), language=language))][1] == "T"


@pytest.mark.parametrize("venue", ["kz-conference", "article"])
def test_every_abstract_and_keyword_set_is_printed_each_under_its_own_languages_label(venue):
    """A Russian paper's English abstract and keywords had been left out of the default
    editions (the title block printed the paper's own language only)."""
    meta = Meta(
        title=(Text("Сравнительный анализ"),), language="ru",
        abstracts=(("ru", (Text("Проведен анализ функций."),)), ("en", (Text("The functions are compared."),))),
        keywords=("нейронные сети", "функции"),
        keyword_sets=(("ru", ("нейронные сети", "функции")), ("en", ("neural networks", "functions"))),
    )
    printed = [plain_text(line.inlines) for line in Template.load(venue).title_lines(meta)]
    assert printed[-4:] == [
        "Аннотация. Проведен анализ функций.",
        "Ключевые слова: нейронные сети, функции",
        "Abstract. The functions are compared.",
        "Keywords: neural networks, functions",
    ]
    # a set in the paper's own language read twice (one cut short) is printed once
    twice = Meta(title=(Text("T"),), language="en", keywords=("a", "b", "c"), keyword_sets=(("en", ("a", "b")),))
    assert [plain_text(line.inlines) for line in Template.load(venue).title_lines(twice)][-1] == "Keywords: a, b, c"
    english_only = Meta(title=(Text("T"),), language="ru", abstracts=(("en", (Text("Only English."),)),))
    assert [t for line in Template.load(venue).title_lines(english_only) if "Only English." in (t := plain_text(line.inlines))] == ["Аннотация. Only English."]
