"""The plain-text reader's structure rules on real lines: page furniture, section headings,
front matter, cut URLs, mojibake and font glyphs.

Lines marked `corpus` are copied from `../shared/corpus/pdf/NAME.txt` (pdftotext output of real
papers); the Kazakh lines follow the seed (`source/kz-china-relations.txt`) and the Kazakh
journal conventions (`ӘОЖ`, `МҒТАР`, `Аңдатпа`, `Кілт сөздер`). Every expected value was read
off the text by hand.
"""

from __future__ import annotations

import pytest

from exporter.diagnostics import CODES, InputError
from exporter.model import Heading, Paragraph
from exporter.readers.plaintext import read_plaintext
from exporter.readers.plaintext import normalize as rules
from exporter.readers.plaintext.frontmatter import author_names, read_front_matter
from exporter.readers.plaintext.furniture import find_pages
from exporter.readers.plaintext.mojibake import repair_mojibake
from exporter.pipeline import read_and_link
from exporter.readers.plaintext.reader import join_lines
from exporter.readers.plaintext.sections import heading_level
from exporter.sourcefile import SourceText
from exporter.report import inline_text


def read_text(text: str, path: str = "t.txt"):
    return read_plaintext(SourceText(path, text, "utf-8"))


def texts(doc, kind=Paragraph):
    return [inline_text(b.inlines) for b in doc.blocks if isinstance(b, kind)]


# ---- page furniture -----------------------------------------------------------------------

# Three pages as pdftotext gives them: each page after the first opens with a form feed; a
# running header (corpus ru_butsenko_network_planning: `Вестник УрФУ. Серия экономика и
# управление. Том 14, № 6, 2015`) and a page number stand at the page edges; a paragraph and
# a hyphenated word (`исследова-` … `ния`) are cut by the break.
RU_PAGES = (
    "Вестник УрФУ. Серия экономика и управление. Том 14, № 6, 2015\n"  # 1
    "\n"
    "Задача сетевого планирования рассматривается в работах многих авторов, и для её\n"  # 3
    "исследова-\n"  # 4
    "\n"
    "936\n"  # 6
    "\fВестник УрФУ. Серия экономика и управление. Том 14, № 6, 2015\n"  # 7
    "\n"
    "ния предложены сетевые модели [1].\n"  # 9
    "\n"
    "937\n"  # 11
    "\fВестник УрФУ. Серия экономика и управление. Том 14, № 6, 2015\n"  # 12
    "\n"
    "Последний абзац статьи.\n"  # 14
    "938\n"  # 15
)
# The same in Kazakh: a journal header and a word broken over the page (`ынтымақтас-` … `тығы`).
KK_PAGES = (
    "ҚазҰУ Хабаршысы. Тарих сериясы. №2 (85). 2017\n"  # 1
    "Қазақстан мен Қытай арасындағы сауда-экономикалық ынтымақтас-\n"  # 2
    "12\n"  # 3
    "\fҚазҰУ Хабаршысы. Тарих сериясы. №2 (85). 2017\n"  # 4
    "тығы жыл сайын артып келеді [2].\n"  # 5
    "13\n"  # 6
    "\fҚазҰУ Хабаршысы. Тарих сериясы. №2 (85). 2017\n"  # 7
    "Соңғы бет.\n"  # 8
    "14\n"  # 9
)


def test_running_header_and_page_numbers_are_furniture():
    lines = RU_PAGES.split("\n")
    pages = find_pages(lines)
    assert pages.starts == (0, 6, 11)
    assert sorted(i + 1 for i in pages.furniture) == [1, 6, 7, 11, 12, 15]


def test_paragraph_cut_by_page_break_is_rejoined_with_its_hyphenated_word():
    doc = read_text(RU_PAGES)
    assert texts(doc) == [
        "Задача сетевого планирования рассматривается в работах многих авторов, и для её исследования предложены сетевые модели [1].",
        "Последний абзац статьи.",
    ]
    first = doc.blocks[0]
    assert (first.span.line, first.span.end_line) == (3, 9)  # lines of the original file
    (cite,) = [i for i in first.inlines if hasattr(i, "refs")]
    assert (cite.span.line, cite.span.column) == (9, 31)


def test_kazakh_page_break_and_furniture():
    doc = read_text(KK_PAGES)
    assert texts(doc) == [
        "Қазақстан мен Қытай арасындағы сауда-экономикалық ынтымақтастығы жыл сайын артып келеді [2].",
        "Соңғы бет.",
    ]
    assert all("Хабаршысы" not in t for t in texts(doc))


def test_form_feed_page_break_is_not_txt001_but_a_stray_one_is():
    assert [n.code for n in read_text(RU_PAGES).notes] == []
    doc = read_text("сөз\x0cдер [1]\n")  # a form feed inside a line is a stray character
    assert [(n.code, n.line, n.column) for n in doc.notes] == [("TXT001", 1, 4)]


def test_no_form_feed_means_no_furniture():
    lines = ["Вестник УрФУ. Том 14", "мәтін", "Вестник УрФУ. Том 14"]
    assert find_pages(lines).furniture == frozenset()


# ---- section headings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "before", "after", "level"),
    [
        ("1 Introduction", "", "Over the last two and a half years we have designed,", 1),  # corpus en_bigtable_osdi06:22
        ("5.1 Tablet Location", "", "We use a three-level hierarchy analogous to that of", 2),  # corpus en_bigtable_osdi06:317
        ("1. Постановка задачи", "", "Рассмотрим задачу", 1),  # corpus ru_levin_interval_optimization:105
        ("3.4.1 Неопределённости первого рода", "", "К первому роду", 3),  # corpus ru_gavdan_gis_security:592
        ("I. INTRODUCTION", "", "Unmanned aerial vehicles", 1),  # corpus en_yang_uav_path_planning_ieee:94
        ("Введение", "", "В настоящее время", 1),  # corpus ru_radionov_fuzzy_adaptive:15
        ("ЗАКЛЮЧЕНИЕ", "", "Таким образом,", 1),  # corpus ru_nikulin_infosec_risk:586
        ("МЕТОДИКА ЭКСПЕРИМЕНТА", "", "Для оценки", 1),  # corpus ru_nikulin_infosec_risk:43
        ("Кіріспе", "", "Қазақстан мен Қытай жақын көрші", 1),
        ("Негізгі бөлім", "байланысқан.", "Екі елдің достығы", 1),
        ("ҚОРЫТЫНДЫ", "", "Қытай мен Қазақстан – шынайы серіктестер.", 1),
        ("2.1 Зерттеу әдістері", "", "Мұрағат құжаттары", 2),
    ],
)
def test_heading_levels(line, before, after, level):
    assert heading_level(line, before, after) == level


@pytest.mark.parametrize(
    ("line", "before", "after"),
    [
        ("1. Сбор данных.", "", "2. Обработка данных."),  # a list item ends with a full stop
        ("2. Обработка данных", "1. Сбор данных", "3. Анализ"),  # the next number follows: a list
        ("23. Newman M.E.J. The Structure and", "", "Function of Complex Networks"),  # corpus ru_butsenko: an entry
        ("3. Libura M. Integer Programming Problems with Ine-", "", "xact Objective"),  # corpus ru_levin: an entry
        ("CR = CI/RI", "", "Where"),  # corpus en_iqbal: a formula
        ("LPTF", "", "DEMT"),  # corpus en_dutot: a plot label
        ("TABLE I", "", "COMPARISON"),  # corpus en_yang: a caption
        ("introduction.", "the", "A new"),  # corpus en_dutot:261, a sentence's end
        ("1. Қазақстан мен Қытай арасындағы шекара мәселесі 1990 жылдары шешілді.", "", "2. Сауда"),
        ("МҒТАР", "", "Мәтін"),  # one word in capitals is not a heading
    ],
)
def test_not_headings(line, before, after):
    assert heading_level(line, before, after) is None


def test_headings_become_heading_blocks_not_the_next_paragraphs_first_words():
    doc = read_text(
        "ӘОЖ 930.85\n\nҚАЗАҚСТАН МЕН ҚЫТАЙ\n\nЖахан Жанар\n\n"
        "Кіріспе\nҚазақстан мен Қытай жақын көрші [1].\n\n"
        "1. Негізгі бөлім\n1.1 Шекара мәселесі\nЕкі елдің достығы.\n\n"
        "Қорытынды\nСоңғы сөз.\n"
    )
    heads = [(b.level, inline_text(b.inlines), b.span.line) for b in doc.blocks if isinstance(b, Heading)]
    assert heads == [(1, "Кіріспе", 7), (1, "1. Негізгі бөлім", 10), (2, "1.1 Шекара мәселесі", 11), (1, "Қорытынды", 14)]
    assert texts(doc) == ["Қазақстан мен Қытай жақын көрші [1].", "Екі елдің достығы.", "Соңғы сөз."]


def test_seed_has_no_headings():
    from helpers import SEED
    from exporter.sourcefile import read_source

    doc = read_plaintext(read_source(SEED))
    assert not [b for b in doc.blocks if isinstance(b, Heading)]


# ---- front matter -------------------------------------------------------------------------

# corpus ru_nikulin_infosec_risk, lines 1–21 (shortened): UDC, a title in sentence case over
# three lines, `© 2016` authors with star marks, affiliations, e-mail, a date line, abstract,
# keywords, the introduction.
RU_FRONT = """УДК 681.3:519.1

Методика количественной оценки величины риска
обеспечения информационной безопасности
автоматизированных систем управления и связи
© 2016     С. А. Никулин*, С. С. Никулин**
* Военный учебно-научный центр Военно-воздушных сил «Военно-воздушная академия
** Воронежский институт МВД России,
E-mail: nikcc@mail.ru
Поступила в редакцию 15.01.2016 г.
Аннотация. Рассматривается задача оценки рисков информационной безопасности автоматизированных систем управления и связи.
Ключевые слова: риски информационной безопасности, угрозы безопасности информации,
нечеткая логика.
ВВЕДЕНИЕ
Первый абзац статьи [1].
"""

# A Kazakh paper as Kazakh journals print it: IRSTI before UDC, a title in sentence case,
# authors with superscript marks, two affiliations, e-mail, and the abstract and keywords in
# three languages (Kazakh first).
KK_FRONT = """МҒТАР 03.20.00
ӘОЖ 930.85 (574)

Қазақстан мен Қытай қарым-қатынасы: кеше және бүгін

Жанар Ж.Ж.¹, Сейтказина Қ.О.²
¹Л.Н.Гумилев атындағы Еуразия ұлттық университеті, Астана, Қазақстан
²Әл-Фараби атындағы Қазақ ұлттық университеті, Алматы, Қазақстан
e-mail: zhanar@example.kz

Аңдатпа. Мақалада Қазақстан мен Қытай арасындағы қарым-қатынастың тарихы қарастырылады.
Кілт сөздер: Қазақстан, Қытай, шекара, сауда.

Аннотация. В статье рассматривается история отношений Казахстана и Китая.
Ключевые слова: Казахстан, Китай, граница, торговля.

Abstract. The article considers the history of relations between Kazakhstan and China.
Keywords: Kazakhstan, China, border, trade.

Кіріспе
Қазақстан мен Қытай жақын көрші [1].
"""


def test_russian_front_matter_from_a_journal():
    doc = read_text(RU_FRONT)
    m = doc.meta
    assert m.udc == "681.3:519.1"
    assert m.title_text == "Методика количественной оценки величины риска обеспечения информационной безопасности автоматизированных систем управления и связи"
    assert m.authors == ("С. А. Никулин", "С. С. Никулин")
    assert m.abstract_text.startswith("Рассматривается задача оценки рисков")
    assert m.keywords == ("риски информационной безопасности", "угрозы безопасности информации", "нечеткая логика")
    heading, paragraph = doc.blocks
    assert isinstance(heading, Heading) and inline_text(heading.inlines) == "ВВЕДЕНИЕ" and heading.span.line == 14
    assert inline_text(paragraph.inlines) == "Первый абзац статьи [1]."


def test_kazakh_front_matter_in_three_languages():
    doc = read_text(KK_FRONT)
    m = doc.meta
    assert (m.irsti, m.udc) == ("03.20.00", "930.85 (574)")
    assert m.title_text == "Қазақстан мен Қытай қарым-қатынасы: кеше және бүгін"
    assert m.authors == ("Жанар Ж.Ж.", "Сейтказина Қ.О.")
    assert [lang for lang, _ in m.abstracts] == ["kk", "ru", "en"]
    assert [lang for lang, _ in m.keyword_sets] == ["kk", "ru", "en"]
    assert m.language == "kk"
    assert m.abstract_text == "Мақалада Қазақстан мен Қытай арасындағы қарым-қатынастың тарихы қарастырылады."
    assert m.keywords == ("Қазақстан", "Қытай", "шекара", "сауда")
    assert dict(m.keyword_sets)["en"] == ("Kazakhstan", "China", "border", "trade")
    assert [inline_text(b.inlines) for b in doc.blocks] == ["Кіріспе", "Қазақстан мен Қытай жақын көрші [1]."]


def test_journal_header_above_the_title_and_names_after_it():
    # corpus en_aurzada_random_picture_elsevier, lines 1–10 (shortened)
    doc = read_text(
        "Journal of Complexity 53 (2019) 133–161\n\nContents lists available at ScienceDirect\n\n"
        "Journal of Complexity\njournal homepage: www.elsevier.com/locate/jco\n\n"
        "How complex is a random picture?I\nFrank Aurzada a , Mikhail Lifshits b ,\n\n"
        "Abstract\nWe study the complexity of a random picture.\n\n1. Introduction and results\nText [1].\n"
    )
    assert doc.meta.title_text == "How complex is a random picture?"
    assert doc.meta.authors == ("Frank Aurzada", "Mikhail Lifshits")
    assert doc.meta.abstract_text == "We study the complexity of a random picture."


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Д.С. Курушин", ["Д.С. Курушин"]),
        ("Курушин Д.С.", ["Курушин Д.С."]),
        ("Kurushin D.S., Smith J.", ["Kurushin D.S.", "Smith J."]),
        ("Е. В. Буценко, канд. экон. наук,", ["Е. В. Буценко"]),  # corpus ru_butsenko:5
        ("Григорий П. Гавдан1, Рустем В. Пенерджи2", ["Григорий П. Гавдан", "Рустем В. Пенерджи"]),  # corpus ru_gavdan:5
        ("© 2019 г. Б. Г. Гольденберг1, *, Я. В. Ракшун1, 2, С. В. Бугаев1,", ["Б. Г. Гольденберг", "Я. В. Ракшун", "С. В. Бугаев"]),
        ("Жанар Ж.Ж.¹, Сейтказина Қ.О.²", ["Жанар Ж.Ж.", "Сейтказина Қ.О."]),
        ("Жахан Жанар және Сейтказина Қ.О.", ["Жахан Жанар", "Сейтказина Қ.О."]),
    ],
)
def test_author_lines(line, names):
    assert author_names(line, strong_only=True) == names


@pytest.mark.parametrize(
    "line",
    [
        "Вестник УрФУ. Серия экономика и управление. Том 14",
        "Л.Н.Гумилев атындағы Еуразия ұлттық университеті",
        "Сравнительный анализ систем хранения данных",
        "Frank Aurzada",  # two names without initials: an author only under a title
    ],
)
def test_not_author_lines(line):
    assert author_names(line, strong_only=True) is None


@pytest.mark.parametrize(
    ("line", "udc"),
    [("УДК 004.932.2 или 004.08", "004.932.2 или 004.08"), ("004.056:004.89", "004.056:004.89"), ("ӘОЖ 930.85", "930.85")],
)
def test_udc_lines_with_extra_codes(line, udc):
    text = f"{line}\nMSC2010 68U10\nDOI 10.1234/abc\nСЕТИ ПЕРЕДАЧИ ДАННЫХ\nЛ. Т. Ягьяева\nТекст статьи здесь.\n"
    fm = read_front_matter(text.split("\n"))
    assert (fm.udc, fm.title_lines, fm.authors) == (udc, ["СЕТИ ПЕРЕДАЧИ ДАННЫХ"], ["Л. Т. Ягьяева"])
    assert fm.body_start == 5


def test_text_without_fields_around_a_sentence_case_line_has_no_front_matter():
    doc = read_text("Екінші жол мұнда.\nжай мәтін [1].\n")
    assert doc.meta.title_text is None and doc.blocks[0].span.line == 1


# ---- URLs cut at a line end ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["см. https://jet-", "online.ru сайтын"], "см. https://jet-online.ru сайтын"),
        (["Available online: http://www.", "counciloncybersecurity.org/a"], "Available online: http://www.counciloncybersecurity.org/a"),  # corpus en_fielder:1364
        (["URL: http://window.edu.ru/", "resource/168/30168/files/isu046.pdf (дата"], "URL: http://window.edu.ru/resource/168/30168/files/isu046.pdf (дата"),  # corpus ru_korotin:520
        (["http://cwe.mitre.org/top25/", "(accessed on 19 December 2015)"], "http://cwe.mitre.org/top25/ (accessed on 19 December 2015)"),  # corpus en_fielder:1367
        (["DOI: http://dx.doi.org/10.26583/bit.2019.2.05.", "3. Отчет компании"], "DOI: http://dx.doi.org/10.26583/bit.2019.2.05. 3. Отчет компании"),  # corpus ru_gavdan:808
        (["Сайт: https://kaznu.kz/kk/ақпарат-", "орталығы туралы"], "Сайт: https://kaznu.kz/kk/ақпарат-орталығы туралы"),
        # A DOI's zero-padded part after a full stop goes on; an unpadded number is the next entry.
        (["J. Food Eng. https://doi.org/10.1016/j.foo.2008.02.", "002. More"], "J. Food Eng. https://doi.org/10.1016/j.foo.2008.02.002. More"),
        (["doi:10.1016/j.foo.2009.", "03.011"], "doi:10.1016/j.foo.2009.03.011"),
        (["https://doi.org/10.1016/j.foo.2008.02.002.", "2. Brown K."], "https://doi.org/10.1016/j.foo.2008.02.002. 2. Brown K."),
        (["http://example.org/report.", "05 May 2020"], "http://example.org/report. 05 May 2020"),
    ],
)
def test_url_cut_at_line_end(lines, joined):
    numbered = list(enumerate(lines, start=1))
    assert join_lines(numbered, rules.attested_words(lines)).text == joined


# ---- glyphs and mojibake -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "fixed"),
    [
        ("Clariﬁed", "Clarified"),  # corpus en_kopp_gadr_lncs:71
        ("eﬀect", "effect"),
        ("\uf0b7", "•"),  # corpus ru_yagyaeva_data_networks:22, a Symbol-font bullet
        ("y\uf03dF(x)", "y=F(x)"),  # corpus ru_levin:108
        ("x\uf0ceX\uf0ccR1", "x∈X⊂R1"),  # corpus ru_radionov:35
        ("\uf061-деңгей", "α-деңгей"),
        ("\uf0e6", "⎛"),  # a bracket piece (parenlefttp): Unicode 3.2's PARENTHESIS UPPER HOOK
        ("\uf060", "\uf060"),  # radicalex: no character stands for it, left alone
        # Adobe's corporate-use codes (glyphlist.txt): a TeX matrix's brackets in an unseen PDF's text
        ("\uf8ee a b \uf8f9", "⎡ a b ⎤"),
        ("\uf8f1 x \uf8fe", "⎧ x ⎭"),
        ("{\ufe00 }\ufe00", "{ }"),  # TeX's taller braces, each marked with a variation selector
    ],
)
def test_glyphs(token, fixed):
    assert rules.normalize_glyphs(token) == fixed


def test_symbol_table_agrees_with_reportlab_symbol_encoding():
    from reportlab.pdfbase._fontdata_enc_symbol import SymbolEncoding

    names = {"alpha": "α", "universal": "∀", "element": "∈", "propersubset": "⊂", "bullet": "•", "greaterequal": "≥", "summation": "∑",
             "parenlefttp": "⎛", "bracketrightbt": "⎦", "braceex": "⎪", "arrowvertex": "⏐"}
    for byte, name in enumerate(SymbolEncoding):
        if name in names:
            assert rules.SYMBOL_PRIVATE_USE[0xF000 + byte] == names[name]


def test_glyph_notes_point_at_the_first_replacement():
    doc = read_text("Clariﬁed [1] and eﬀect.\n\uf0b7 Разделение ресурсов\n")
    assert [(n.code, n.line, n.column) for n in doc.notes] == [("TXT004", 1, 6), ("TXT004", 2, 1)]
    assert "2 ligature" in doc.notes[0].message
    assert texts(doc)[0].startswith("Clarified [1] and effect.")
    assert CODES["TXT004"][0].value == "note"


# corpus ru_korshunov_synchronous_motor, lines 5–9: the title in a Mac Cyrillic font that
# pdftotext read as Mac Roman (`”ÔÓ˘ÂÌÌ‡ˇ`, with U+F8FF for `р`); its words are written
# correctly in the body.
KORSHUNOV = (
    "Упрощенная\nматематическая модель\n\nсинхронного двигателя\n\n".encode("cp1251").decode("mac_roman") +
    "Для синхронного двигателя с постоянными магнитами на роторе выведены уравнения;\n"
    "упрощенная математическая модель двигателя.\n"
)


def test_mojibake_title_repaired_with_a_note():
    doc = read_text(KORSHUNOV)
    (note,) = [n for n in doc.notes if n.code == "TXT003"]
    assert (note.line, note.column) == (1, 1)
    assert "Mac Roman read as Windows-1251" in note.message
    assert inline_text(doc.blocks[0].inlines) == "Упрощенная математическая модель синхронного двигателя"
    lines = repair_mojibake(KORSHUNOV.split("\n"), "t.txt").lines
    assert lines[:4] == ["Упрощенная", "математическая модель", "", "синхронного двигателя"]
    assert [len(a) for a in lines] == [len(a) for a in KORSHUNOV.split("\n")]  # columns stay


def test_udc_mojibake_in_latin1():
    lines = ["ÓÄÊ 330.45", "ÐÅÀËÈÇÀÖÈß ÌÎÄÅËÈ", "Реализация модели для бизнес-планирования."]
    assert repair_mojibake(lines, "t.txt").lines[:2] == ["УДК 330.45", "РЕАЛИЗАЦИЯ МОДЕЛИ"]


def test_kazakh_mojibake_in_a_mac_font():
    bad = "Қазақстан мен Қытай арасындағы".encode("kz1048").decode("mac_roman")
    lines = [bad, "Қазақстан мен Қытай арасындағы байланыс тарихы."]
    assert repair_mojibake(lines, "t.txt").lines[0] == "Қазақстан мен Қытай арасындағы"


def test_french_words_are_not_mojibake():
    lines = ["Grégory Mounié, Université Joseph Fourier, à Grenoble, été", "Bi-criteria scheduling."]
    assert repair_mojibake(lines, "t.txt").lines == lines


def test_unrepairable_mojibake_is_refused():
    garbled = "\n".join(["ñòðêïë ôõö÷øù òðêïëñ"] * 5)  # Latin-1 -> Windows-1251: `стркпл фхцчшщ`, no words
    with pytest.raises(InputError) as info:
        read_text(garbled, "bad.txt")
    assert str(info.value).startswith("bad.txt:1: ") and "mojibake" in str(info.value)


# ---- UTF-8 mojibake in the file (text once read in a code page and saved again) -----------


def test_kazakh_utf8_mojibake_repaired_genuine_lines_kept():
    from exporter.sourcefile import decode

    spoiled = "Қазақстан мен Қытай арасындағы байланыс [1].".encode("utf-8").decode("cp1251")
    assert spoiled.startswith("ТљР°Р·Р°Т›")
    source = decode("p.txt", ("мәтін\n" + spoiled + "\n").encode("utf-8"), repair=True)
    assert source.text == "мәтін\nҚазақстан мен Қытай арасындағы байланыс [1].\n"
    assert (source.repaired.label, source.repaired.line, source.repaired.count, source.repaired.left) == ("Windows-1251", 2, 1, 0)
    doc = read_plaintext(source)
    (note,) = [n for n in doc.notes if n.code == "TXT003"]
    assert (note.line, note.column) == (2, 1) and "Windows-1251" in note.message


def test_utf8_mojibake_still_refused_without_repair():
    from exporter.sourcefile import decode

    ru = "Торговля между степью и Синьцзяном [1].\n"  # the hostile corpus's line
    with pytest.raises(InputError) as info:
        decode("refs.bib", ru.encode("utf-8").decode("cp1251").encode("utf-8"))  # .bib files: refused
    assert "is mojibake" in str(info.value)


def test_utf8_mojibake_through_two_code_pages_is_repaired_line_by_line():
    from exporter.sourcefile import decode

    ru = "Торговля между степью и Синьцзяном [1].\n"
    two = ru.encode("utf-8").decode("cp1251") + "Café au lait [1].\n".encode("utf-8").decode("cp1252")
    source = decode("p.txt", two.encode("utf-8"), repair=True)
    assert source.text == ru + "Café au lait [1].\n"
    assert (source.repaired.label, source.repaired.line, source.repaired.count) == ("Windows-1251 and Windows-1252", 1, 2)


def test_some_utf8_mojibake_lines_no_code_page_reads_are_kept_with_a_warning():
    # ru_korotin lines 1-2 (dev half) once spoiled, and a line spoiled twice (saved through
    # Windows-1251 two times): one re-reading gives mojibake again, which is no prose
    from exporter.sourcefile import decode

    good = "Перспективные виды памяти с произвольным доступом и новые уязвимости СВТ на их основе\nАннотация. В статье рассмотрены виды памяти [1].\n"
    twice = "Защита данных [2].".encode("utf-8").decode("cp1251").encode("utf-8").decode("cp1251")
    once = good.encode("utf-8").decode("cp1251")
    source = decode("p.txt", (once + twice + "\n").encode("utf-8"), repair=True)
    assert source.text.split("\n")[:2] == good.split("\n")[:2]
    assert source.text.split("\n")[2] == twice  # kept as it was
    assert (source.repaired.count, source.repaired.left, source.repaired.left_line) == (2, 1, 3)
    doc = read_plaintext(source)
    (warning,) = [n for n in doc.notes if n.code == "TXT005"]
    assert warning.line == 3 and "1 line of UTF-8 mojibake" in warning.message and "left as it was" in warning.message


def test_a_text_in_the_wrong_font_table_is_read_when_only_some_lines_are_unreadable():
    # the whole text printed Latin-1 for Windows-1251 (ru_korotin lines, dev half), and one line
    # whose words come out in no case pattern (`РеалИзация`): repaired around it, with a warning
    text = [
        "Аннотация. В статье рассмотрены перспективные виды памяти и их уязвимости.",
        "Ключевые слова: оперативная память, уязвимости, атаки.",
        "Введение. Оперативная память является важной частью компьютера.",
        "РеалИзация ЗащИты",
    ]
    lines = [t.encode("cp1251").decode("latin-1") for t in text]
    repair = repair_mojibake(lines, "t.txt")
    assert repair.lines[:3] == text[:3]
    assert repair.lines[3] == lines[3]
    assert [n.code for n in repair.notes] == ["TXT003", "TXT005"]
    assert repair.notes[1].line == 4


def test_each_line_takes_its_own_font_table():
    # ru_korshunov's title (Mac Roman, dev half) under a UDC line printed Latin-1
    lines = ["ÓÄÊ 621.313"] + KORSHUNOV.split("\n")
    repaired = repair_mojibake(lines, "t.txt")
    assert repaired.lines[:3] == ["УДК 621.313", "Упрощенная", "математическая модель"]
    assert "Latin-1 read as Windows-1251, Mac Roman read as Windows-1251" in repaired.note.message
    assert [n.code for n in repaired.notes] == ["TXT003"]


def test_a_numbered_entry_with_no_text_is_an_entry_not_a_crash(tmp_path):
    """`[1]` alone under the list's heading (its text lost, here to a NUL) exited 3 with an
    IndexError (found by Hypothesis in test_hostile_properties): it is entry 1, placed at its
    marker, and reported as lacking an author and a title."""
    paper = tmp_path / "p.txt"
    paper.write_bytes("Text [1] and [2].\n\nӘдебиеттер тізімі\n[1]\x00\n[2] Smith J. A book. Almaty, 2001.\n".encode("utf-8"))
    linked = read_and_link(str(paper))
    assert [(e.number, e.text, e.span.line) for e in linked.document.references][0] == (1, "", 4)
    codes = [(d.code, d.line) for d in linked.diagnostics]
    assert ("REF010", 4) in codes and not any(code.startswith("CIT00") for code, _ in codes)


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Copyright © 2022 ACL", True),  # a copyright with its year first
        ("© 2021 Elsevier B.V.", True),
        ("(c) 2018 The Authors", True),
        ("© Иванов И. И., 2020", False),  # a `© Author` line: the title block reads its names
        ("Copyright © 2022 ACL      117      https://doi.org/10.18653/v1/2022.acl-1.9", True),  # runs set apart: credits and a folio
        ("117      https://doi.org/10.18653/v1/2022.acl-1.9", True),
        ("Proceedings of the Workshop      117", False),  # a folio beside no credit: a running foot, not a credit
        ("12      Глава 1", False),
    ],
)
def test_credit_lines(line, credit):
    from exporter.readers.plaintext.furniture import is_credit_line

    assert is_credit_line(line) is credit


def test_a_chapters_running_head_with_its_folio_is_furniture():
    """A report class prints each chapter's name with the page's number on its pages: too few
    pages for a fixed head, told by the number running with the pages."""
    from exporter.readers.plaintext.furniture import heads_with_folios

    margin = [
        (4, "CHAPTER 2. RELATED WORK 5"), (5, "CHAPTER 2. RELATED WORK 6"), (7, "CHAPTER 2. RELATED WORK 8"),
        (9, "10 CHAPTER 3. METHODS"), (10, "11 CHAPTER 3. METHODS"),
        (12, "Table 2 Results of the first run"), (13, "Table 2 Results of the first run"),  # no number running with the pages
        (14, "Step 1 of the procedure 4"), (20, "Step 1 of the procedure 4"),
        (21, "CHAPTER 4. RESULTS 23"),  # on one page only
    ]
    assert heads_with_folios(margin) == {0, 1, 2, 3, 4}
    text = "\n".join(["Body of page one.", "\fCHAPTER 2. RELATED WORK 2", "Body of page two.", "\fCHAPTER 2. RELATED WORK 3", "Body of page three."])
    assert find_pages(text.split("\n")).furniture == {1, 3}


def test_the_first_pages_credit_line_is_furniture_and_no_other_pages_doi():
    # pdftotext puts IEEE's price-code line at the end of page 1: left in, the text
    # reader glued the next column's first words to it
    lines = [
        "A Literature Review of UAV 3D Path Planning",
        "Liang Yang, Juntong Qi",
        "Path planning finds a route between two points.",
        "",
        "978-1-4799-5825-2/14/$31.00 ©2014 IEEE",
        "DOI 10.1109/DSDE.2010.49",
        "",
        "2376",
        "\fbasic concept of each category and also the list of algorithms.",
        "More text on the second page.",
        "DOI: 10.1016/j.jco.2018.11.003",
    ]
    furniture = find_pages(lines).furniture
    assert {4, 5} <= furniture
    assert 10 not in furniture  # a DOI closing a later page may end a reference entry
    assert not {0, 1, 2} & furniture


# Keywords broken over two lines by a hyphen: mended as the body's words are, with the paper's
# own words as evidence (a compound the paper writes whole keeps its hyphen).
KEYWORDS_BROKEN = """Fast anomaly detection in streaming sensor data

John Smith
University of Somewhere, City, Country

Abstract
We study data-driven methods for anomaly detection in streams of sensor readings and propose
a new method that is fast and accurate on real data sets.

Keywords: anomaly de-
tection, data-
driven methods, sensors

1. Introduction
Sensor networks are everywhere.
"""


def test_keywords_broken_at_a_line_end_are_mended():
    m = read_text(KEYWORDS_BROKEN).meta
    assert m.keywords == ("anomaly detection", "data-driven methods", "sensors")


# An abstract of two paragraphs under its label alone, the introduction's heading after it:
# the second paragraph was neither the abstract's nor the body's (lost from every edition).
ABSTRACT_IN_PARAGRAPHS = """РЕАЛИЗАЦИЯ РАЗЛИЧНЫХ МЕТОДОВ ОЦЕНКИ КАЧЕСТВА КЛАСТЕРИЗАЦИИ ДАННЫХ

Федоров А.М.

Аннотация

Объектом исследования являются внешние критерии оценки качества кластеризации.

Целью работы является разработка и реализация модификаций внешних критериев оценки качества, пригодных к использованию на различных типах кластеризации.

ВВЕДЕНИЕ

Кластеризация – это задача [1].
"""


def test_an_abstracts_later_paragraphs_under_its_label_stay_the_abstracts():
    doc = read_text(ABSTRACT_IN_PARAGRAPHS)
    assert doc.meta.abstract_text == (
        "Объектом исследования являются внешние критерии оценки качества кластеризации. Целью работы является разработка "
        "и реализация модификаций внешних критериев оценки качества, пригодных к использованию на различных типах кластеризации."
    )
    assert [inline_text(b.inlines) for b in doc.blocks] == ["ВВЕДЕНИЕ", "Кластеризация – это задача [1]."]


# Text between the keywords and the introduction's heading, read as no field: the body's first
# paragraphs (a corpus paper, ru_voronkin, puts `Актуальность исследований:` there), never lost.
TEXT_BEFORE_THE_INTRODUCTION = """Исследование применения модели ChatGPT в задаче генерации данных

Воронкин Р. А.

Аннотация: проблема заключается в отсутствии адекватных аналитических моделей генерации данных.

Ключевые слова: выборка, набор данных, машинное обучение.

Актуальность исследований:
Проблема, рассматриваемая в данном исследовании, заключается в отсутствии адекватных моделей.

Введение
ChatGPT — это модель искусственного интеллекта [1].
"""


def test_text_after_the_last_field_before_the_introduction_is_the_body():
    doc = read_text(TEXT_BEFORE_THE_INTRODUCTION)
    assert doc.meta.keywords == ("выборка", "набор данных", "машинное обучение")
    assert [inline_text(b.inlines) for b in doc.blocks] == [
        "Актуальность исследований: Проблема, рассматриваемая в данном исследовании, заключается в отсутствии адекватных моделей.",
        "Введение",
        "ChatGPT — это модель искусственного интеллекта [1].",
    ]


def test_a_keyword_list_in_title_case_goes_on_over_its_lines():
    # `Pattern` / `Recognition, …`: the next line opening in capitals is more items, not the
    # text; a labelled line under it (`For citation: …`) is not.
    text = """Feature selection for surface electromyography

Daniyar Example

Abstract
We select features of surface electromyography signals for the recognition of hand gestures.

Keywords: Surface Electromyography, Feature Selection, Pattern
Recognition, Neighborhood Component Analysis, Signal Classification.
For citation: Example D. Feature selection. Journal, 2020, 1, 1-2.

1. Introduction
Signals are recorded [1].
"""
    assert read_text(text).meta.keywords == (
        "Surface Electromyography", "Feature Selection", "Pattern Recognition", "Neighborhood Component Analysis", "Signal Classification")


def test_a_page_number_and_footer_the_extraction_set_inside_the_page():
    # A two-column magazine page: pdftotext gives the first column, then the page number and the
    # footer (odd pages), then the second column; no line of them is at the page's edge.
    lines: list[str] = []
    for page in range(5):
        words = ["биометрии", "сетчатке", "отпечатках", "голосе", "почерке"][page]
        body = [f"Текст колонки о {words}.", f"Метод по {words} описан.", "", f"Сравнение методов по {words}.", f"Выводы о {words}."]
        first = ["\f" + body[0]] if page else [body[0]]
        footer = ["", "№ 3 [91] • май – июнь 2011"] if page % 2 == 0 else []
        lines += first + body[1:3] + [str(52 + page)] + footer + [""] + body[3:]
    pages = find_pages(lines)
    furniture = sorted(lines[i].strip("\f") for i in pages.furniture)
    assert furniture == ["52", "53", "54", "55", "56"] + ["№ 3 [91] • май – июнь 2011"] * 3
    assert not any("[91]" in t for t in texts(read_text("\n".join(lines) + "\n")))
    # a number that does not run with the pages (the same on each: a table's) stays text
    lines = [line if not line.isdecimal() else "7" for line in lines]
    assert not [i for i in find_pages(lines).furniture if lines[i].isdecimal()]


@pytest.mark.parametrize("line, title", [
    ("Сравнительный анализ функций активации на примере MobileNetV2", "Сравнительный анализ функций активации на примере MobileNetV2"),
    ("Object detection in orchards with YOLOv8", "Object detection in orchards with YOLOv8"),
    ("Capture and storage of CO2", "Capture and storage of CO2"),
    ("Optimal control of business planning1", "Optimal control of business planning"),
    ("ЗАДАЧИ БИЗНЕС-ПЛАНИРОВАНИЯ2", "ЗАДАЧИ БИЗНЕС-ПЛАНИРОВАНИЯ"),
])
def test_a_number_ending_a_names_mixed_case_is_no_note_mark_on_the_title(line, title):
    """`MobileNetV2` had lost its 2, read as a note mark glued to the title's end."""
    from exporter.readers.plaintext.frontmatter import title_text

    assert title_text([line]) == title
