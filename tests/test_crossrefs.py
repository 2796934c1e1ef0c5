"""Cross-references checked like citations: found in every reader's text (sentences from the
corpus papers), linked to the figure, table or equation they name, reported when they name
nothing (XRF001), when a figure or table is never named (XRF002), when numbers run out of
order (XRF003) or repeat (XRF004) — in `check` text and JSON, `annotate` and the web page."""

from __future__ import annotations

import json
import zipfile

import docx
import pytest
from starlette.testclient import TestClient

from docx_samples import save
import re

from exporter.crossrefs import KEYWORDS, find_crossrefs, may_refer
from exporter.diagnostics import CODES
from exporter.model import CrossRef, Figure, walk
from exporter.pipeline import read_and_link
from helpers import REPO, run_cli


def refs(text: str, starts=(0,)):
    """(kind, number, written) of each reference; `defines` ones marked with `=`."""
    return [(f.kind, f.number, ("=" if f.defines else "") + text[f.start : f.end]) for f in find_crossrefs(text, starts)]


# ---- finding them in text --------------------------------------------------------------------


def test_the_quick_test_folds_as_the_patterns_match():
    """`may_refer` skips the patterns when no keyword stands in the case-folded text: every
    code point the (IGNORECASE) patterns take for a keyword's letter must fold to that letter,
    or a reference written with it (`FİG. 2`, Turkish dotted capital I) would go unseen."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for word in KEYWORDS:
        for i, letter in enumerate(word):
            for char in re.findall(re.escape(letter), every, re.IGNORECASE):
                written = word[:i] + char + word[i + 1 :]
                assert may_refer(f"см. {written} 2"), (word, hex(ord(char)))
    assert refs("FİG. 2 shows") == [("figure", "2", "FİG. 2")]
    assert not may_refer("Кесек 2, fog 3, таб 4")



@pytest.mark.parametrize("sentence, expected", [
    # ru_radionov_fuzzy_adaptive
    ("можно представить в виде диаграммы на рис. 1.", [("figure", "1", "рис. 1")]),
    ("входа представлены на рис. 8 – 10.", [("figure", "8", "рис. 8"), ("figure", "9", ""), ("figure", "10", "10")]),
    ("структурную схему как на рис. 2, б", [("figure", "2", "рис. 2")]),
    ("совмещения в формуле (7) в следующем виде", [("equation", "7", "(7)")]),
    # ru_korshunov_synchronous_motor
    ("с учетом формул (6), (18), (21), (22) определяется", [("equation", n, f"({n})") for n in ("6", "18", "21", "22")]),
    ("зы А, в выражение (8) следует подставить", [("equation", "8", "(8)")]),
    # ru_nikulin_infosec_risk
    ("Полученная по одной из формул (1.3)–(1.6)", [("equation", "1.3", "(1.3)"), ("equation", "1.4", ""), ("equation", "1.5", ""), ("equation", "1.6", "(1.6)")]),
    ("В соответствии с таблицей 1 зададим правила", [("table", "1", "таблицей 1")]),
    # ru_zenchenko_storage_systems, en_dutot_bicriteria_acm, en_fielder_cyber_games_mdpi, en_yang_uav_path_planning_ieee
    ("и сравним их (табл. 2).", [("table", "2", "табл. 2")]),
    ("The tasks of Figure 3 are weakly parallel.", [("figure", "3", "Figure 3")]),
    ("revenue, Equation (1) optimizes the distribution", [("equation", "1", "(1)")]),
    ("as shown in Tables 1–3 and Figs. 2 and 4", [("table", "1", "Tables 1"), ("table", "2", ""), ("table", "3", "3"), ("figure", "2", "Figs. 2"), ("figure", "4", "4")]),
    ("cave, and urban areas as shown in Fig.1.", [("figure", "1", "Fig.1")]),
    ("Based on the above analysis, Table.2 gives an intuitional", [("table", "2", "Table.2")]),  # en_yang: the full word, a full stop glued
    ("see Eq. 5 and eqs. (2)–(3)", [("equation", "5", "Eq. 5"), ("equation", "2", "(2)"), ("equation", "3", "(3)")]),
    # Kazakh: the number first (`1-сурет`), or the word first, and `(4) формула`
    ("Нәтижелер 1-суретте және 2-кестеде көрсетілген.", [("figure", "1", "1-суретте"), ("table", "2", "2-кестеде")]),
    ("сурет 3 пен кесте 2 бойынша", [("figure", "3", "сурет 3"), ("table", "2", "кесте 2")]),
    ("(4) формуладан шығады", [("equation", "4", "(4)")]),
    # a Latin letter shaped as a Cyrillic one in the ending (typed in the other keyboard layout)
    ("приведены в таблицаx 4, 5 и 6.", [("table", "4", "таблицаx 4"), ("table", "5", "5"), ("table", "6", "6")]),
    ("как на рисункe 2 видно", [("figure", "2", "рисункe 2")]),
    # an appendix's or a supplement's capital before the number (BMC's `Table A1`, `Fig. S2`;
    # GOST 7.32's `Таблица А.1` in appendix А), and an appendix formula's `(B1)`
    ("see Table A1 and Figs. S2–S4", [("table", "A1", "Table A1"), ("figure", "S2", "Figs. S2"), ("figure", "S3", ""), ("figure", "S4", "S4")]),
    ("приведены в таблице А.1 приложения", [("table", "А.1", "таблице А.1")]),
    ("as in equation (B1) above", [("equation", "B1", "(B1)")]),
])
def test_references_in_real_sentences(sentence, expected):
    assert refs(sentence, starts=()) == expected


@pytest.mark.parametrize("text", [
    "(2) the second item of a numbered list",  # a list item is no equation reference
    "In 2020 (2) cases were seen",
    "the table of contents, a figure of speech",
    "x = (4) + y",
    "Figure 2019 was a good year",  # no four-digit figure numbers
    "рис варят 3 минуты",  # rice, not a figure
    "as the Table. 2 samples were",  # a sentence's end: the glued full stop only
    "табл. в 3 раза больше",  # a small letter before the number is a word, no appendix's
])
def test_what_is_not_a_reference(text):
    assert refs(text, starts=()) == []


@pytest.mark.parametrize("sentence, expected", [
    # a singular `Figure`/`Table` names one number: what follows its comma is the sentence's
    # (a time, a measure), never a second figure
    ("levels rose by 38% before RT (Figure 1B, 0 min), by 31% during RT (Figure 1B, 15 min)",
     [("figure", "1", "Figure 1"), ("figure", "1", "Figure 1")]),
    ("strength was unchanged (Figure 1D, 23h post 6RT: p = 0.117)", [("figure", "1", "Figure 1")]),
    ("as Table 2, 4 of 9 cases show", [("table", "2", "Table 2")]),
    # a number glued to a word is a measure, not a figure's number
    ("(Fig. 1B, 270min: p = 0.029)", [("figure", "1", "Fig. 1")]),
    # the plural or an abbreviation goes on naming numbers after a comma
    ("as Figures 2, 3 and 5 show", [("figure", "2", "Figures 2"), ("figure", "3", "3"), ("figure", "5", "5")]),
    ("см. рис. 2, 3", [("figure", "2", "рис. 2"), ("figure", "3", "3")]),
    ("Figure 1 and 2 compare", [("figure", "1", "Figure 1"), ("figure", "2", "2")]),
])
def test_what_follows_a_single_figures_number(sentence, expected):
    assert refs(sentence, starts=()) == expected


@pytest.mark.parametrize("text, starts, expected", [
    ("Рис. 3. Схема установки", (0,), "=Рис. 3"),
    ("Рисунок 2 – Построение графика", (0,), "=Рисунок 2"),
    ("Figure 4: CMB spectrums for α", (0,), "=Figure 4"),
    ("Figure 1 Steps involved in making of MDRPM", (0,), "=Figure 1"),  # en_iqbal: no separator
    ("Таблица 1", (0,), "=Таблица 1"),  # ru_nikulin: alone on its line
    ("(c)urban area[26] Fig.1. Examples of 3D complex environments", (0, 18), "=Fig.1"),  # en_yang: after a figure's own words
    ("б Рис. 2. Блок-схемы простейшей СУ", (0, 2), "=Рис. 2"),  # ru_radionov: after a panel letter
    ("Fig. 10, group rights (for Eventor)", (0,), "=Fig. 10"),  # ru_sukhikh: a Word paragraph opening with it
    ("2-кесте. Нәтижелер", (0,), "=2-кесте"),
    # references that open a line
    ("are shown in Fig. 3. The next part", (0, 13), "Fig. 3"),
    ("Table 1 shows the values", (0,), "Table 1"),
    ("on the page. рис. 2. Далее", (0, 13), "рис. 2"),
])
def test_a_caption_label_is_told_from_a_reference(text, starts, expected):
    assert refs(text, starts)[0][2] == expected


# ---- linking and findings ----------------------------------------------------------------------

PAPER = """Введение

Схема показана на рис. 1, результаты на рис. 3 и в табл. 1.

Рис. 1. Схема установки

Рис. 2. Результаты измерений

Таблица 1 – Параметры модели

Литература

1. Иванов И. И. Книга. – М., 2020.
"""


def _check(tmp_path, text: str, name: str = "paper.txt") -> dict:
    paper = tmp_path / name
    paper.write_text(text, encoding="utf-8")
    result = run_cli("check", "--json", str(paper))
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def _xrf(report: dict) -> list[tuple]:
    return [(d["code"], d["line"], d["column"], d["message"]) for d in report["diagnostics"] if d["code"].startswith("XRF")]


def test_a_reference_to_a_missing_figure_is_an_error_at_its_place(tmp_path):
    report = _check(tmp_path, PAPER)
    line = PAPER.split("\n")[2]
    assert _xrf(report) == [
        ("XRF001", 3, line.index("рис. 3") + 1, "рис. 3 refers to figure 3, which does not exist (the paper numbers 2 figures: 1, 2)"),
        ("XRF002", 7, 1, "figure 2 is never referred to in the text"),
    ]
    assert report["summary"]["errors"] == 1


def test_every_reference_that_names_something_is_linked_and_nothing_is_reported(tmp_path):
    text = PAPER.replace("рис. 3", "рис. 2")
    assert _xrf(_check(tmp_path, text)) == []
    paper = tmp_path / "paper.txt"
    linked = read_and_link(str(paper))
    found = [(n.raw, n.target, n.defines) for n in walk(linked.document.blocks) if isinstance(n, CrossRef)]
    assert found == [("рис. 1", "fig:1", False), ("рис. 2", "fig:2", False), ("табл. 1", "tbl:1", False),
                     ("Рис. 1", "fig:1", True), ("Рис. 2", "fig:2", True), ("Таблица 1", "tbl:1", True)]


def test_no_error_for_a_kind_the_paper_numbers_nowhere(tmp_path):
    """A PDF's tables may be pictures whose captions no text layer holds (ru_glushenko):
    `таблица 1` is then not reported; nor is `формула (4)` in a paper without numbered formulas."""
    text = "Текст.\n\nДанные приведены в таблице 1 и по формуле (4).\n"
    assert _xrf(_check(tmp_path, text)) == []


def test_a_number_given_twice_is_reported_but_not_a_continuation_or_a_translation(tmp_path):
    twice = "Текст на рис. 1 и рис. 2.\n\nРисунок 1 – Схема\n\nРисунок 2 – Сигнал\n\nРисунок 2 – Спектр\n"
    assert _xrf(_check(tmp_path, twice)) == [("XRF004", 7, 1, "figure 2 is numbered twice (first at line 5)")]
    continued = "См. табл. 2.\n\nТаблица 2. Облачные хранилища\n\nТаблица 2. Окончание\n"
    assert _xrf(_check(tmp_path, continued)) == []
    bilingual = "См. рис. 1.\n\nРис. 1. Схема сети\n\nFig. 1. Network scheme\n"
    assert _xrf(_check(tmp_path, bilingual)) == []


def test_text_layer_captions_are_not_checked_for_order_but_a_markdown_papers_figures_are(tmp_path):
    """LaTeX floats put figure 5 above figure 3 on a page (en_montoya): a PDF's caption order
    says nothing about the author's; a Markdown paper's pictures stand where the author put them."""
    floated = "See Figure 1, Figure 2 and Figure 3.\n\nFigure 1: One.\n\nFigure 3: Three.\n\nFigure 2: Two.\n"
    assert _xrf(_check(tmp_path, floated)) == []
    from PIL import Image as PILImage

    for name in ("a.png", "b.png"):
        PILImage.new("RGB", (8, 8)).save(tmp_path / name)
    md = "See Figure 1 and Figure 2.\n\n![Figure 2: Two](a.png)\n\n![Figure 1: One](b.png)\n"
    assert _xrf(_check(tmp_path, md, "p.md")) == [("XRF003", 5, 1, "figure 1 follows figure 2; number them in order")]


def test_markdown_figures_without_numbers_are_numbered_in_order_and_linked(tmp_path):
    from PIL import Image as PILImage

    PILImage.new("RGB", (8, 8)).save(tmp_path / "a.png")
    md = "As Figure 2 shows.\n\n![First](a.png)\n\n![Second](a.png)\n"
    (tmp_path / "p.md").write_text(md, encoding="utf-8")
    linked = read_and_link(str(tmp_path / "p.md"))
    figures = [b for b in linked.document.blocks if isinstance(b, Figure)]
    assert [(f.number, f.label) for f in figures] == [("1", "fig:1"), ("2", "fig:2")]
    (ref,) = [n for n in walk(linked.document.blocks) if isinstance(n, CrossRef)]
    assert ref.target == "fig:2"
    assert [(d.code, d.line) for d in linked.diagnostics] == [("XRF002", 3)]


def test_markdown_equations_are_checked_by_their_numbers(tmp_path):
    md = "By equation (1) and formula (2).\n\n$$ E = mc^2 $$ (1)\n"
    report = _check(tmp_path, md, "p.md")
    assert _xrf(report) == [("XRF001", 1, md.index("(2)") + 1, "(2) refers to equation 2, which does not exist (the paper numbers 1 equation: 1)")]


def test_a_table_2_in_a_reference_entry_is_not_a_reference(tmp_path):
    text = "Текст [1].\n\nЛитература\n\n1. Smith J. Table 2 of the census // Journal. – 2020.\n"
    report = _check(tmp_path, text)
    assert _xrf(report) == [] and report["summary"]["errors"] == 0


def test_every_code_has_a_severity_and_the_findings_page_documents_it():
    readme = (REPO / "docs" / "findings.md").read_text(encoding="utf-8")
    for code, severity in (("XRF001", "error"), ("XRF002", "warning"), ("XRF003", "warning"), ("XRF004", "warning"), ("IMG001", "warning")):
        assert CODES[code][0].value == severity
        assert f"| {code} | {severity} |" in readme


# ---- in every output ----------------------------------------------------------------------------


def test_check_prints_them_as_file_line_col(tmp_path):
    paper = tmp_path / "paper.txt"
    paper.write_text(PAPER, encoding="utf-8")
    result = run_cli("check", str(paper))
    assert result.returncode == 0  # the exit status speaks of citations only (README, docs/commands.md)
    assert f"{paper}:3:{PAPER.split(chr(10))[2].index('рис. 3') + 1}: error[XRF001]: рис. 3 refers to figure 3" in result.stdout


def _word_paper(path):
    document = docx.Document()
    document.add_paragraph("Схема показана на рис. 1, а результаты на рис. 4.")
    document.add_paragraph("Рис. 1. Схема установки")
    return save(document, path)


def test_annotate_puts_a_comment_on_a_reference_to_nothing(tmp_path):
    source = _word_paper(tmp_path / "paper.docx")
    out = tmp_path / "checked.docx"
    result = run_cli("annotate", str(source), "--out", str(out))
    assert result.returncode == 0, result.stderr
    comments = zipfile.ZipFile(out).read("word/comments.xml").decode("utf-8")
    assert "XRF001: рис. 4: ссылка на рисунок 4, которого нет (в статье 1 рисунок: 1)" in comments  # in the paper's language


def test_the_web_page_and_api_report_them(tmp_path):
    from exporter.web.app import create_app

    with TestClient(create_app(workers=1, scratch=str(tmp_path))) as client:
        api = client.post("/api/check", files={"source": ("paper.txt", PAPER.encode("utf-8"))}).json()
        page = client.post("/check", files={"source": ("paper.txt", PAPER.encode("utf-8"))}).text
    assert [d["code"] for d in api["diagnostics"] if d["code"].startswith("XRF")] == ["XRF001", "XRF002"]
    assert "ссылка на рисунок 3, которого нет" in page  # the page speaks the paper's language


def test_lettered_figure_parts_keep_their_numbers_order(tmp_path):
    """A Word caption may number a figure's part with a letter (`Рисунок 2а`): a part follows
    its number or another part of it, the next number follows the parts, and a number skipped
    before a part is still out of order (a Word essay's `Рисунок 3а` stopped `check`)."""
    import io

    from docx.shared import Emu

    from docx_samples import PNG_1PX

    def paper(numbers, name, named=None):
        d = docx.Document()
        d.add_heading("Заголовок статьи о сетях", level=0)
        d.add_paragraph("Схемы показаны на рис. " + ", ".join(named or numbers) + ".")
        for n in numbers:
            d.add_paragraph().add_run().add_picture(io.BytesIO(PNG_1PX), width=Emu(12700 * 100))
            d.add_paragraph(f"Рисунок {n} – Схема")
        return save(d, tmp_path / name)

    def findings(path):
        result = run_cli("check", "--json", str(path))
        assert result.returncode in (0, 1), result.stderr
        return [(d["code"], d["message"]) for d in json.loads(result.stdout)["diagnostics"] if d["code"].startswith("XRF")]

    assert findings(paper(["1", "2", "2а", "2б", "3"], "parts.docx")) == []
    assert findings(paper(["1", "3а"], "skipped.docx")) == [("XRF003", "figure 3а follows figure 1; number them in order")]
    # `рис. 2` names a figure captioned only in parts: it exists, and both parts are referred to
    assert findings(paper(["1", "2а", "2б"], "whole.docx", named=["1", "2"])) == []
    # `рис. 2б` links to its own part's caption
    linked = read_and_link(str(paper(["1", "2а", "2б"], "part.docx", named=["1", "2б"])))
    targets = [n.target for n in walk(linked.document.blocks) if isinstance(n, CrossRef) and not n.defines]
    assert targets == ["fig:1", "fig:2б"]


def test_a_list_of_figures_names_the_figures_it_does_not_number_them(tmp_path):
    # A thesis lists its figures before the text, each with its page: those labels refer to the
    # figures; read as captions, every figure was "numbered twice" (XRF004) and the text's
    # references were linked to the list instead of the figures.
    lines = ["---", "title: A Study of Things", "author: John Smith", "---", "", "# List of Figures", ""]
    lines += [f"Figure {n}: Results of the experiment number {n} ........................ {10 + n}  " for n in (1, 2, 3)]
    lines += ["", "# Introduction", ""]
    for n in (1, 2, 3):
        lines += [f"The experiment {n} went well, as Figure {n} shows in detail.", "", f"Figure {n}: Results of the experiment number {n}, with the error of each point", ""]
    paper = tmp_path / "thesis.md"
    paper.write_text("\n".join(lines) + "\n", encoding="utf-8")
    linked = read_and_link(str(paper))
    assert not [d for d in linked.diagnostics if d.code.startswith("XRF")]
    crossrefs = [n for n in walk(linked.document.blocks) if isinstance(n, CrossRef)]
    assert [(n.span.line, n.defines, n.target) for n in crossrefs if n.span.line in (8, 9, 10)] == [(8, False, "fig:1"), (9, False, "fig:2"), (10, False, "fig:3")]
    assert [(n.span.line, n.number) for n in crossrefs if n.defines] == [(16, "1"), (20, "2"), (24, "3")]
    # without the heading, a block of such lines (labels with dot leaders to their pages) is one too
    paper.write_text("\n".join(lines).replace("# List of Figures", "Figures of this thesis:") + "\n", encoding="utf-8")
    assert not [d for d in read_and_link(str(paper)).diagnostics if d.code.startswith("XRF")]


def test_a_number_alone_on_the_next_line_is_no_reference():
    # A numbered listing (`Insert to fallback table` / `6` / `failed_key ← k`): the line's number.
    text = "if path is empty then\n5\nInsert to fallback table\n6\nfailed_key ← k"
    starts = tuple(m.end() for m in re.finditer("\n", text))
    assert refs(text, (0, *starts)) == []
    # a reference wrapped after its word goes on after its number
    text = "as the results in Table\n6 show, the ratio grows"
    assert refs(text, (0, text.index("6"))) == [("table", "6", "Table\n6")]


def test_a_caption_label_with_a_hyphen_glued_to_its_number():
    text = "Таблица 9- Перекодирование меток классов"
    assert refs(text) == [("table", "9", "=Таблица 9")]
    # in a block's middle, after a sentence: a caption's label opening its line
    text = "The classes are recoded.\nТаблица 9- Перекодирование меток"
    assert refs(text, (0, text.index("Т"))) == [("table", "9", "=Таблица 9")]


def test_a_number_after_a_wide_gap_is_not_alone_on_its_line():
    # A PDF's justified line breaks into runs at wide gaps (`на рисунке` … `6.13` … `представлена`):
    # those runs are no lines of their own, and the number is a reference's.
    text = "На рисунке 6.13 представлена демонстрация"
    runs = (0, text.index("6.13"), text.index("представлена"))
    found = [(f.kind, f.number) for f in find_crossrefs(text, runs, 0, (0,))]
    assert found == [("figure", "6.13")]


def test_a_label_opening_a_sentence_after_a_wide_gap_is_a_reference():
    # `Рисунок 1` … `демонстрирует начало` on one justified PDF line (a run after a wide gap): the
    # line goes on in lower case, so the label refers to the figure; it does not caption it.
    text = "Рисунок 1 демонстрирует начало создания случайного дерева"
    runs = (0, text.index("демонстрирует"))
    assert [(f.number, f.defines) for f in find_crossrefs(text, runs, 0, (0,))] == [("1", False)]
    assert [(f.number, f.defines) for f in find_crossrefs("Рисунок 1\nСоздание корня дерева", (0, 10), 0, (0, 10))] == [("1", True)]
    # a run opening in a capital or a figure after the gap is the caption's text
    text = "Fig. 10 3D topographic maps with threat areas."
    assert [(f.number, f.defines) for f in find_crossrefs(text, (0, text.index("3D")), 0, (0,))] == [("10", True)]


def test_a_word_caption_under_a_drawing_read_as_text_still_counts_in_the_figures_order(tmp_path):
    """Figures 1 and 3 are pictures; figure 2 a drawing of shapes the reader gives as text, its
    caption `Рисунок 2 – …` a paragraph. The order check had gone from figure 1 to figure 3
    (`figure 3 follows figure 1`): the caption in the text numbers figure 2 where it stands."""
    import io

    from docx.shared import Emu

    from docx_samples import PNG_1PX

    d = docx.Document()
    d.add_heading("Заголовок статьи о сетях", level=0)
    d.add_paragraph("Схемы показаны на рис. 1, 2 и 3.")
    d.add_paragraph().add_run().add_picture(io.BytesIO(PNG_1PX), width=Emu(12700 * 100))
    d.add_paragraph("Рисунок 1 – Схема сети")
    d.add_paragraph("Начало")
    d.add_paragraph("Конец")
    d.add_paragraph("Рисунок 2 – Алгоритм")
    d.add_paragraph("Алгоритм обучения сети описан в работе подробно; результаты даны ниже.")
    d.add_paragraph().add_run().add_picture(io.BytesIO(PNG_1PX), width=Emu(12700 * 100))
    d.add_paragraph("Рисунок 3 – Результаты")
    result = run_cli("check", "--json", str(save(d, tmp_path / "drawn.docx")))
    assert result.returncode in (0, 1), result.stderr
    assert [x["code"] for x in json.loads(result.stdout)["diagnostics"] if x["code"].startswith("XRF")] == []


def test_a_supplements_figure_is_not_missing_but_an_appendixs_table_is(tmp_path):
    """`рис. S1` names a figure of the supplement, a file of its own: no error where the paper
    numbers no figure with an `S`; `табл. А.2` is missing where the paper's appendix numbers
    its tables `А.1` only."""
    text = PAPER.replace("результаты на рис. 3 и в табл. 1.", "результаты на рис. 2 и в табл. 1, выборка (рис. S1) и коды в табл. А.1 и А.2.")
    text = text.replace("Литература", "Таблица А.1 – Коды причин\n\nЛитература")
    report = _check(tmp_path, text)
    line = text.split("\n")[2]
    assert _xrf(report) == [
        ("XRF001", 3, line.index("А.2") + 1, "А.2 refers to table А.2, which does not exist (the paper numbers 2 tables: 1, А.1)"),
    ]
