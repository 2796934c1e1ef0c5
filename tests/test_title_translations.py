"""The title block printed in other languages (`Meta.translations`, the abstracts and keyword
sets by language): read by the text, PDF, Word and Markdown readers from invented papers,
judged by VEN002 on what was read, printed by the venues that ask for it; a block the paper
does not print is never filled in."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.shared import Pt

from helpers import run_cli

from exporter.model import Meta, Text, TitleTranslation, plain_text
from exporter.readers import read_document
from exporter.readers.translations import kept, translated
from exporter.venue_rules import Rules, abstract_languages

KZ = Rules(abstract_languages=("kk", "ru", "en"))

RU_ABSTRACT = (
    "В статье рассматривается задача планирования маршрутов мобильных роботов в складском помещении. "
    "Предложен алгоритм, который учитывает загрузку проходов и время ожидания у стеллажей."
)
EN_ABSTRACT = (
    "The paper considers route planning for mobile robots in a warehouse. "
    "An algorithm is proposed that takes the load of the aisles and the waiting time at the racks into account."
)
KK_ABSTRACT = (
    "Мақалада қойма ішіндегі мобильді роботтардың бағыттарын жоспарлау мәселесі қарастырылады. "
    "Өткелдердің жүктемесін және сөрелердегі күту уақытын ескеретін алгоритм ұсынылған."
)


def missing(doc) -> list[str]:
    return [dict(d.args)["language"] for d in abstract_languages(doc, KZ)]


# ---- the model --------------------------------------------------------------------------------


def test_the_model_keeps_each_title_by_language_and_walks_the_translated_titles():
    en = TitleTranslation("en", (Text("Route planning"),), ("A. Sadykova",))
    meta = Meta(title=(Text("Планирование маршрутов"),), language="ru", translations=(en,))
    assert meta.title_language == "ru"
    assert [(lang, run[0].text) for lang, run in meta.titles] == [("ru", "Планирование маршрутов"), ("en", "Route planning")]
    assert en.title in meta.runs()  # a citation or note in a translated title is found as in the title


def test_one_block_per_language_a_later_part_only_fills_a_gap_and_never_the_titles_own():
    by_line = TitleTranslation("en", (), ("A. Sadykova",))
    titled = TitleTranslation("en", (Text("Route planning"),), ("Aigerim Sadykova",), ("Demo University",))
    ru = TitleTranslation("ru", (Text("Планирование"),))
    blocks = kept("ru", [by_line, None, ru, titled])
    assert blocks == (TitleTranslation("en", (Text("Route planning"),), ("A. Sadykova",), ("Demo University",)),)
    meta = Meta(title=(Text("Route planning"),), language="ru")
    assert translated(meta, [titled]) == ()  # the title itself is no translation of it


# ---- the text reader ----------------------------------------------------------------------------

TOP_BLOCKS = f"""УДК 004.896

ПЛАНИРОВАНИЕ МАРШРУТОВ МОБИЛЬНЫХ РОБОТОВ НА СКЛАДЕ

ROUTE PLANNING FOR MOBILE ROBOTS IN A WAREHOUSE

А. Б. Садыкова

A. B. Sadykova

Аннотация. {RU_ABSTRACT}

Abstract. {EN_ABSTRACT}

Ключевые слова: склад, мобильный робот, маршрут.

Keywords: warehouse, mobile robot, route.

Введение

Склады всё чаще обслуживают мобильные роботы [1]. Их маршруты планируют заранее [2].

Список литературы

1. Иванов И. И. Складская логистика. М.: Наука, 2020. 200 с.
2. Петров П. П. Мобильные роботы // Робототехника. 2021. № 2. С. 10–20.
"""


def test_text_reader_keeps_the_english_title_and_by_line_printed_under_the_russian(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(TOP_BLOCKS, encoding="utf-8")
    meta = read_document(str(path)).meta
    assert meta.title_text == "ПЛАНИРОВАНИЕ МАРШРУТОВ МОБИЛЬНЫХ РОБОТОВ НА СКЛАДЕ"
    assert [(t.language, t.title_text, t.authors) for t in meta.translations] == [("en", "ROUTE PLANNING FOR MOBILE ROBOTS IN A WAREHOUSE", ("A. B. Sadykova",))]
    assert [lang for lang, _ in meta.abstracts] == ["ru", "en"]


AFTER_LIST = f"""ПЛАНИРОВАНИЕ МАРШРУТОВ МОБИЛЬНЫХ РОБОТОВ НА СКЛАДЕ

А. Б. Садыкова

Аннотация. {RU_ABSTRACT}

Ключевые слова: склад, мобильный робот, маршрут.

Введение

Склады всё чаще обслуживают мобильные роботы [1]. Их маршруты планируют заранее [2].

Список литературы

1. Иванов И. И. Складская логистика. М.: Наука, 2020. 200 с.
2. Петров П. П. Мобильные роботы // Робототехника. 2021. № 2. С. 10–20.

ҚОЙМАДАҒЫ МОБИЛЬДІ РОБОТТАРДЫҢ БАҒЫТТАРЫН ЖОСПАРЛАУ

А. Б. Садықова

Аңдатпа. {KK_ABSTRACT}

Түйін сөздер: қойма, мобильді робот, бағыт.

Route planning for mobile robots in a warehouse
A. B. Sadykova

Abstract. {EN_ABSTRACT}

Keywords: warehouse, mobile robot, route.
"""


def test_text_reader_reads_the_kazakh_and_english_blocks_printed_after_the_list(tmp_path):
    # A Kazakh journal's Russian paper: both translated blocks after the list, one after the other.
    path = tmp_path / "paper.txt"
    path.write_text(AFTER_LIST, encoding="utf-8")
    doc = read_document(str(path))
    meta = doc.meta
    assert [lang for lang, _ in meta.abstracts] == ["ru", "kk", "en"]
    assert [lang for lang, _ in meta.keyword_sets] == ["ru", "kk", "en"]
    assert [(t.language, t.title_text, t.authors) for t in meta.translations] == [
        ("kk", "ҚОЙМАДАҒЫ МОБИЛЬДІ РОБОТТАРДЫҢ БАҒЫТТАРЫН ЖОСПАРЛАУ", ("А. Б. Садықова",)),
        ("en", "Route planning for mobile robots in a warehouse", ("A. B. Sadykova",)),  # sentence case, over its by-line
    ]
    assert missing(doc) == []


def test_text_reader_never_fills_in_a_title_the_block_lacks(tmp_path):
    # The English block gives an abstract and keywords only: no English title, no VEN002 for en.
    text = AFTER_LIST.replace("Route planning for mobile robots in a warehouse\nA. B. Sadykova\n", "").replace(
        "ҚОЙМАДАҒЫ МОБИЛЬДІ РОБОТТАРДЫҢ БАҒЫТТАРЫН ЖОСПАРЛАУ\n\nА. Б. Садықова\n\nАңдатпа. " + KK_ABSTRACT + "\n\nТүйін сөздер: қойма, мобильді робот, бағыт.\n", ""
    )
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(str(path))
    assert [t.title for t in doc.meta.translations] == []
    assert [lang for lang, _ in doc.meta.abstracts] == ["ru", "en"]
    assert missing(doc) == ["kk"]


# ---- the Word reader ----------------------------------------------------------------------------


def _paragraph(document, text: str, bold: bool = False, size: int | None = None):
    p = document.add_paragraph()
    run = p.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    return p


def word_paper(path: Path, english: list[tuple[str, bool]], stacked: bool = False) -> Path:
    """A Russian paper in Word with the English block under the Russian one (`english`: its
    paragraphs, each bold or not), or both blocks' abstracts and keywords stacked after both
    title blocks (`Аннотация` / text / `Abstract` / text / keywords / keywords)."""
    document = docx.Document()
    _paragraph(document, "УДК 004.896")
    _paragraph(document, "ПЛАНИРОВАНИЕ МАРШРУТОВ МОБИЛЬНЫХ РОБОТОВ НА СКЛАДЕ", bold=True, size=14)
    _paragraph(document, "А. Б. Садыкова")
    _paragraph(document, "Казахский национальный университет, Алматы, Казахстан")
    tail = [p for p in english if not p[0].startswith(("Abstract", "Keywords"))]
    labels = [p for p in english if p[0].startswith(("Abstract", "Keywords"))]
    if stacked:
        for text, bold in tail:
            _paragraph(document, text, bold=bold, size=14 if bold else None)
        _paragraph(document, "Аннотация")
        _paragraph(document, RU_ABSTRACT)
        for text, bold in labels:
            if text.startswith("Abstract"):
                _paragraph(document, "Abstract")
                _paragraph(document, text.split(" ", 1)[1])
        _paragraph(document, "Ключевые слова: склад, мобильный робот, маршрут.")
        for text, bold in labels:
            if text.startswith("Keywords"):
                _paragraph(document, text)
    else:
        _paragraph(document, "Аннотация: " + RU_ABSTRACT)
        _paragraph(document, "Ключевые слова: склад, мобильный робот, маршрут.")
        for text, bold in english:
            _paragraph(document, text, bold=bold, size=14 if bold else None)
    document.add_heading("Введение", level=1)
    _paragraph(document, "Склады всё чаще обслуживают мобильные роботы [1].")
    document.add_heading("Список литературы", level=1)
    _paragraph(document, "1. Иванов И. И. Складская логистика. М.: Наука, 2020. 200 с.")
    document.save(path)
    return path


ENGLISH = [
    ("ROUTE PLANNING FOR MOBILE ROBOTS IN A WAREHOUSE", True),
    ("A. B. Sadykova", False),
    ("Al-Farabi Kazakh National University, Almaty, Kazakhstan", False),
    ("Abstract: " + EN_ABSTRACT, False),
    ("Keywords: warehouse, mobile robot, route.", False),
]


def test_word_reader_reads_every_abstract_and_the_english_block_no_false_ven002(tmp_path):
    doc = read_document(str(word_paper(tmp_path / "paper.docx", ENGLISH)))
    meta = doc.meta
    assert [lang for lang, _ in meta.abstracts] == ["ru", "en"]
    assert [(lang, words) for lang, words in meta.keyword_sets] == [("ru", ("склад", "мобильный робот", "маршрут")), ("en", ("warehouse", "mobile robot", "route"))]
    assert [(t.language, t.title_text, t.authors) for t in meta.translations] == [("en", "ROUTE PLANNING FOR MOBILE ROBOTS IN A WAREHOUSE", ("A. B. Sadykova",))]
    assert missing(doc) == ["kk"]  # the English abstract is printed: only Kazakh is missing
    body = [b for b in doc.blocks if hasattr(b, "inlines")]
    assert "Введение" in str(body[0])  # the English block is front matter, not the body's first paragraphs


def test_word_reader_reads_stacked_blocks_whose_labels_stand_alone(tmp_path):
    doc = read_document(str(word_paper(tmp_path / "paper.docx", ENGLISH, stacked=True)))
    assert [lang for lang, _ in doc.meta.abstracts] == ["ru", "en"]
    assert [lang for lang, _ in doc.meta.keyword_sets] == ["ru", "en"]
    assert [t.title_text for t in doc.meta.translations] == ["ROUTE PLANNING FOR MOBILE ROBOTS IN A WAREHOUSE"]


def test_word_reader_takes_an_empty_abstract_label_for_no_abstract(tmp_path):
    # `Abstract:` printed with no text (the author left it blank): no English abstract, VEN002 for en.
    english = [("ROUTE PLANNING FOR MOBILE ROBOTS IN A WAREHOUSE", True), ("Abstract:", False), ("Keywords: warehouse, mobile robot, route.", False)]
    doc = read_document(str(word_paper(tmp_path / "paper.docx", english)))
    assert [lang for lang, _ in doc.meta.abstracts] == ["ru"]
    assert [lang for lang, _ in doc.meta.keyword_sets] == ["ru", "en"]
    assert missing(doc) == ["kk", "en"]


def test_word_reader_gives_a_keyword_set_the_language_of_its_labelled_line(tmp_path):
    # `Ключевые слова: React, Tailwind CSS, blob, безопасная разработка` has as many Latin letters
    # as Cyrillic: the label makes it the Russian set, and the English one is still read.
    document = docx.Document()
    _paragraph(document, "СЕРВИС ДЛЯ ПОИСКА УЯЗВИМОСТЕЙ В БИБЛИОТЕКАХ", bold=True, size=14)
    _paragraph(document, "Аннотация. " + RU_ABSTRACT)
    _paragraph(document, "Ключевые слова: React, Tailwind CSS, blob, безопасная разработка.")
    _paragraph(document, "SERVICE FOR SEARCHING FOR VULNERABILITIES IN LIBRARIES", bold=True, size=14)
    _paragraph(document, "Annotation. " + EN_ABSTRACT)
    _paragraph(document, "Keywords: React, Tailwind CSS, blob, secure development.")
    document.add_heading("Введение", level=1)
    _paragraph(document, "Текст статьи.")
    document.save(tmp_path / "paper.docx")
    meta = read_document(str(tmp_path / "paper.docx")).meta
    assert [lang for lang, _ in meta.keyword_sets] == ["ru", "en"]
    assert meta.keyword_sets[1][1][-1] == "secure development"


# ---- the Markdown reader ------------------------------------------------------------------------

MARKDOWN = f"""---
title: Қоймадағы мобильді роботтардың бағыттарын жоспарлау
author: Айгерім Садықова
lang: kk
abstract: "{KK_ABSTRACT}"
keywords: [қойма, робот]
title-ru: Планирование маршрутов мобильных роботов на складе
author-ru: Айгерим Садыкова
abstract-ru: "{RU_ABSTRACT}"
keywords-ru: [склад, робот]
title-en: Route planning for mobile robots in a warehouse
keywords-en: [warehouse, robot]
---

# Кіріспе

Мәтін.
"""


def test_markdown_reads_the_language_keys_and_fills_in_nothing(tmp_path):
    path = tmp_path / "paper.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    doc = read_document(str(path))
    meta = doc.meta
    assert [lang for lang, _ in meta.abstracts] == ["kk", "ru"]
    assert [lang for lang, _ in meta.keyword_sets] == ["kk", "ru", "en"]
    assert [(t.language, t.title_text, t.authors) for t in meta.translations] == [
        ("ru", "Планирование маршрутов мобильных роботов на складе", ("Айгерим Садыкова",)),
        ("en", "Route planning for mobile robots in a warehouse", ()),
    ]
    assert missing(doc) == ["en"]  # no `abstract-en`: reported, not made up


# ---- the editions -------------------------------------------------------------------------------


def test_the_kz_journal_editions_print_each_translated_title_over_its_abstract(tmp_path):
    path = tmp_path / "paper.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    done = run_cli("build", str(path), "--template", "kz-journal", "--to", "docx,latex", "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(tmp_path / "out" / "paper.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    ru_title, ru_abstract = xml.find("ПЛАНИРОВАНИЕ МАРШРУТОВ МОБИЛЬНЫХ РОБОТОВ НА СКЛАДЕ"), xml.find("Аннотация.")
    en_title, en_keywords = xml.find("ROUTE PLANNING FOR MOBILE ROBOTS IN A WAREHOUSE"), xml.find("warehouse, robot")
    assert 0 < ru_title < ru_abstract and 0 < en_title < en_keywords
    assert "Айгерим Садыкова" in xml
    assert xml.count("Abstract.") == 0  # no English abstract given: none printed
    tex = (tmp_path / "out" / "paper.tex").read_text(encoding="utf-8")
    assert tex.find("ПЛАНИРОВАНИЕ МАРШРУТОВ МОБИЛЬНЫХ РОБОТОВ НА СКЛАДЕ") < tex.find("Аннотация.")


def test_a_label_a_role_or_a_piece_of_the_title_is_no_translated_title():
    from exporter.readers.translations import may_be_title

    assert may_be_title("ROUTE PLANNING FOR MOBILE ROBOTS IN A WAREHOUSE")
    assert may_be_title("EFFICIENT CONSTRUCTION OF HADAMARD MATRICES: A METHODICAL SCHEME")  # a colon after many words
    assert not may_be_title("FIELD OF STUDY: DESIGN-ENGINEERING SUPPORT OF MACHINE-BUILDING")
    assert not may_be_title("DOI: 10.17212/2307-6879-2019-3-4-177-186")
    assert not may_be_title("Thesis supervisor")
    assert not may_be_title("Matplotlib, Seaborn и Plotly»")
    assert not may_be_title("RidgeClassifier ............................................ 12")


def test_inspect_shows_every_block_by_language(tmp_path):
    import json

    path = tmp_path / "paper.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    done = run_cli("inspect", str(path))
    meta = json.loads(done.stdout)["meta"]
    assert [a["language"] for a in meta["abstracts"]] == ["kk", "ru"]
    assert [k["language"] for k in meta["keyword_sets"]] == ["kk", "ru", "en"]
    assert [(t["language"], t["title"]) for t in meta["translations"]] == [
        ("ru", "Планирование маршрутов мобильных роботов на складе"),
        ("en", "Route planning for mobile robots in a warehouse"),
    ]


def test_word_reader_reads_the_english_block_after_the_list_once(tmp_path):
    """A Kazakh journal's Russian paper prints its English title block after the list: read
    into the front matter, it had stayed in the body too, so an edition printed the English
    title and abstract twice (front matter, then after the list)."""
    document = docx.Document()
    _paragraph(document, "ПЛАНИРОВАНИЕ МАРШРУТОВ МОБИЛЬНЫХ РОБОТОВ НА СКЛАДЕ", bold=True, size=14)
    _paragraph(document, "А. Б. Садыкова")
    _paragraph(document, "Аннотация: " + RU_ABSTRACT)
    _paragraph(document, "Ключевые слова: склад, мобильный робот, маршрут.")
    document.add_heading("Введение", level=1)
    _paragraph(document, "Склады всё чаще обслуживают мобильные роботы [1].")
    document.add_heading("Список литературы", level=1)
    _paragraph(document, "1. Иванов И. И. Складская логистика. М.: Наука, 2020. 200 с.")
    for text, bold in ENGLISH:
        _paragraph(document, text, bold=bold, size=14 if bold else None)
    path = tmp_path / "after.docx"
    document.save(path)
    doc = read_document(str(path))
    assert [lang for lang, _ in doc.meta.abstracts] == ["ru", "en"]
    assert [(t.language, t.title_text) for t in doc.meta.translations] == [("en", "ROUTE PLANNING FOR MOBILE ROBOTS IN A WAREHOUSE")]
    body = " ".join(plain_text(b.inlines) for b in doc.blocks if hasattr(b, "inlines"))
    assert "Склады всё чаще" in body
    assert EN_ABSTRACT[:40] not in body and "ROUTE PLANNING" not in body and "Keywords" not in body
