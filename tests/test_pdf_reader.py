"""The PDF reader: PDFs drawn here with reportlab (every position known by construction), the
hostile ones (encrypted, scanned, truncated, 500 pages) made at test time with pypdf, and
real papers of the development corpus checked against their hand-made truth."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from exporter.model import Citation, Figure, Footnote, Heading, Paragraph, Superscript, Text, plain_text, walk
from exporter.readers import read_document
from exporter.readers.pdf.layout import _Fragment, compose_accents, find_gutter
from exporter.readers.pdf.reader import is_superscript_citation, name_parts

from helpers import REPO, draw_raised_line, draw_text, pdf_canvas, run_cli

CORPUS = REPO.parent.parent / "shared" / "corpus" / "pdf"
if not CORPUS.is_dir():
    CORPUS = REPO.parent / "shared" / "corpus" / "pdf"

HEADER = "Вестник КазНУ. Серия филологическая, № 3, 2024"
TITLE = ("Қазақстан мен Қытай арасындағы", "ынтымақтастық")
AUTHORS = "А. Б. Серікова, J. Smith"
HEADING = "1. Кіріспе"
BODY = (
    "Екі ел арасындағы ынтымақтастықтың тарихы терең [1]. Сауда байланысы",
    "туралы деректер көп [2, б. 45], бірақ олардың бәрі ынтымақ-",
    "тастығы жайлы емес [3].",
)
LEFT = ("Сол жақ бағанның бірінші жолы [4]", "сол жақ бағанның екінші жолы.", "Үшінші жол мұнда бар.")
RIGHT = ("Оң жақ бағанның бірінші жолы [5]", "оң жақ бағанның екінші жолы [9].", "Үшінші жол оң жақта.")
ENTRIES = (
    "1. Назарбаев Н. Қазақстан жолы: тарих, саясат және экономика. – Астана: Елорда, 2007. – 372 б.",
    "2. Smith J. Trade and cooperation in Central Asia: a study. – London: Routledge, 2010. – 200 p.",
    "3. Иванов И. И. История отношений Казахстана и Китая в XX веке. – Москва: Наука, 2005. – 300 с.",
    "4. Ли Б. Китай и Казахстан: экономическое сотрудничество. – Пекин: Жэньминь, 2012. – 150 с.",
    "5. Петров П. П. Сотрудничество в Центральной Азии: итоги. – Алматы: Атамұра, 2015. – 120 с.",
)


def _canvas(path: Path):
    return pdf_canvas(path)


def _text(c, x: float, y: float, text: str, size: float = 11, bold: bool = False) -> None:
    draw_text(c, x, y, text, size, bold)


def make_paper(path: Path) -> Path:
    """Page 1: running head, title (16 pt bold), authors, a bold heading, a paragraph of three
    lines (a line-end hyphen), page number. Page 2: the head, two columns, the list, page number."""
    c = _canvas(path)
    _text(c, 50, 810, HEADER, 9)
    _text(c, 50, 760, TITLE[0], 16, bold=True)
    _text(c, 50, 740, TITLE[1], 16, bold=True)
    _text(c, 50, 715, AUTHORS)
    _text(c, 50, 690, HEADING, bold=True)
    for i, line in enumerate(BODY):
        _text(c, 50, 670 - 14 * i, line)
    _text(c, 290, 40, "1", 9)
    c.showPage()
    _text(c, 50, 810, HEADER, 9)
    for i, (left, right) in enumerate(zip(LEFT, RIGHT)):
        _text(c, 50, 780 - 14 * i, left)
        _text(c, 320, 780 - 14 * i, right)
    _text(c, 240, 700, "Әдебиеттер тізімі", bold=True)
    for i, entry in enumerate(ENTRIES):
        _text(c, 50, 680 - 14 * i, entry, 10)
    _text(c, 290, 40, "2", 9)
    c.save()
    return path


@pytest.fixture(scope="module")
def paper(tmp_path_factory) -> Path:
    return make_paper(tmp_path_factory.mktemp("pdf") / "paper.pdf")


def test_title_authors_and_heading_come_from_type_sizes_and_weights(paper):
    doc = read_document(str(paper))
    assert doc.meta.title_text == " ".join(TITLE)
    assert doc.meta.authors[:2] == ("А. Б. Серікова", "J. Smith")
    assert doc.meta.language == "kk"
    headings = [b for b in doc.blocks if isinstance(b, Heading)]
    assert [plain_text(h.inlines) for h in headings] == [HEADING]


def test_running_head_and_page_numbers_are_dropped(paper):
    doc = read_document(str(paper))
    text = "\n".join(plain_text(run) for b in doc.blocks for run in ([b.inlines] if hasattr(b, "inlines") else []))
    assert "Вестник" not in text
    assert not any(plain_text(b.inlines).strip() in ("1", "2") for b in doc.blocks if isinstance(b, Paragraph))


def test_line_end_hyphen_is_decided_by_the_text_readers_rule(paper):
    # `ынтымақ-` / `тастығы`: neither half is a word the paper writes whole -> a syllable break
    doc = read_document(str(paper))
    body = " ".join(plain_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph))
    assert "бәрі ынтымақтастығы жайлы" in body


def test_two_columns_are_read_left_then_right(paper):
    doc = read_document(str(paper))
    body = " ".join(plain_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph))
    assert body.index("Үшінші жол мұнда бар.") < body.index("Оң жақ бағанның бірінші жолы")
    labels = [ref.label for node in walk(doc.blocks) if isinstance(node, Citation) for ref in node.refs]
    assert labels == ["1", "2", "3", "4", "5", "9"]


def test_reference_list_is_read_with_its_entries(paper):
    doc = read_document(str(paper))
    assert [e.number for e in doc.references] == [1, 2, 3, 4, 5]
    assert doc.references[1].text.startswith("Smith J. Trade and cooperation")
    assert doc.references[0].span.page == 2


def test_positions_are_page_line_and_column(paper):
    # page 1 in reading order: head 1, title 2–3, authors 4, heading 5, body 6–8, page number 9
    result = run_cli("check", "--json", str(paper))
    report = json.loads(result.stdout)
    where = {c["label"]: (c["page"], c["line"], c["column"]) for c in report["citations"]}
    assert where["1"] == (1, 6, BODY[0].index("[1]") + 1)
    assert where["2"] == (1, 7, BODY[1].index("[2, б. 45]") + 1)
    # page 2: head 1, left column 2–4, right column 5–7
    assert where["5"] == (2, 5, RIGHT[0].index("[5]") + 1)
    assert where["9"] == (2, 6, RIGHT[1].index("[9]") + 1)


def test_findings_print_page_line_and_column(paper):
    result = run_cli("check", str(paper))
    assert result.returncode == 1
    line = next(l for l in result.stdout.splitlines() if "CIT001" in l)
    assert line.startswith(f"{paper}:p.2:6:{RIGHT[1].index('[9]') + 1}: error[CIT001]: [9]")


def make_superscript_paper(path: Path, brackets: bool = False) -> Path:
    """A paper citing by superscript numbers (`effect¹,²`), with an exponent (`m²`) that is not one."""
    c = _canvas(path)
    _text(c, 50, 760, "Superscript Citations in Physics", 16, bold=True)
    _text(c, 50, 735, "Jane Doe, John Roe")
    draw_raised_line(c, 700, [("Earlier work established the effect", False), ("1,2", True), (" and later measurements", False)])
    draw_raised_line(c, 686, [("confirmed it in two laboratories", False), ("3", True), (". The sample area was 5 m", False), ("2", True)] + ([(" [1]", False)] if brackets else []))
    draw_raised_line(c, 672, [("in total, as the first study reported.", False)])
    _text(c, 50, 640, "References", bold=True)
    for i, entry in enumerate(("1. Alpha A. First study of the effect. Physics, 2001.", "2. Beta B. Second study. Physics, 2003.", "3. Gamma G. Confirmation. Physics, 2005.")):
        _text(c, 50, 620 - 14 * i, entry, 10)
    c.save()
    return path


def test_superscript_numbers_after_words_are_citations(tmp_path):
    doc = read_document(str(make_superscript_paper(tmp_path / "sup.pdf")))
    cites = [node for node in walk(doc.blocks) if isinstance(node, Citation)]
    assert [c.raw for c in cites] == ["1,2", "3"]
    assert [[r.label for r in c.refs] for c in cites] == [["1", "2"], ["3"]]
    assert cites[0].span.page == 1 and cites[0].span.line == 3
    # the label's offsets point into the raw text as printed (no brackets)
    assert [(r.start, r.end) for r in cites[0].refs] == [(0, 1), (2, 3)]
    # `m²` is an exponent: a Superscript holding text, not a citation
    supers = [node for node in walk(doc.blocks) if isinstance(node, Superscript)]
    assert any(isinstance(s.inlines[0], Text) and s.inlines[0].text == "2" for s in supers)
    result = run_cli("check", "--json", str(tmp_path / "sup.pdf"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert [c["page"] for c in json.loads(result.stdout)["citations"]] == [1, 1, 1]


def test_superscripts_are_not_citations_in_a_paper_citing_in_brackets(tmp_path):
    doc = read_document(str(make_superscript_paper(tmp_path / "mixed.pdf", brackets=True)))
    cites = [node.raw for node in walk(doc.blocks) if isinstance(node, Citation)]
    assert cites == ["[1]"]


def test_superscript_citation_rule():
    assert is_superscript_citation("12", "as shown in the earlier study")
    assert is_superscript_citation("3–5", "жүргізілген зерттеулерде.")
    assert not is_superscript_citation("2", "the area was 5 m")  # exponent after a unit letter
    assert not is_superscript_citation("2", "x = 10")  # after a digit
    assert not is_superscript_citation("a", "Frank Aurzada")  # an affiliation letter


def test_name_parts_on_real_author_lines():
    # corpus: ru_butsenko (line 4), ru_digilina (line 2), ru_yagyaeva (lines 2, 3)
    assert name_parts("Е. В. Буценко, канд. экон. наук,") == ["Е. В. Буценко"]
    assert name_parts("© Ольга Борисовна Дигилина") == ["Ольга Борисовна Дигилина"]
    assert name_parts("Л. Т. Ягьяева, Е. А. Молчанов, Л. Ф. Мубаракшин") == ["Л. Т. Ягьяева", "Е. А. Молчанов", "Л. Ф. Мубаракшин"]
    assert name_parts("СЕТИ ПЕРЕДАЧИ ДАННЫХ") == []
    assert name_parts("Жахан Жанар, Сейтқазина Қ.О.") == ["Жахан Жанар", "Сейтқазина Қ.О."]  # seed line 3


def test_spacing_accents_are_composed_with_their_letter():
    # en_dutot: TeX prints `Franc¸ois` (cedilla after c) and `Gr´egory` (acute before e)
    def char(ch, x0, x1):
        return (ch, x0, x1, 0.0, 12.0, False, False)

    cedilla = compose_accents([char("c", 10, 15), char("\u00b8", 11, 14), char("o", 15, 21)])
    assert "".join(c[0] for c in cedilla) == "ço"
    acute = compose_accents([char("r", 0, 4), char("\u00b4", 5.5, 8.5), char("e", 5, 10)])
    assert "".join(c[0] for c in acute) == "ré"
    alone = compose_accents([char("\u00b4", 0, 3), char(" ", 20, 23)])
    assert alone[0][0] == "\u00b4"


def _run(x0, x1, y):
    return _Fragment([("a", x0, x1, y, 10.0, False, False)] * 20, x0, x1, y, 10.0)


def test_gutter_is_found_where_the_runs_part_not_at_the_page_middle():
    # ru_korshunov: a side bar moves the columns right: text at 170–365 and 378–573 on a 609-wide page
    runs = [_run(170, 365, 700 - 11 * i) for i in range(10)] + [_run(378, 573, 700 - 11 * i) for i in range(10)]
    runs += [_run(170, 560, 760), _run(170, 560, 749)]  # an abstract across both columns
    assert 365 < find_gutter(runs, 609) < 378
    one_column = [_run(57, 540, 700 - 14 * i) for i in range(20)]
    assert find_gutter(one_column, 595) is None


def test_a_page_in_three_columns_has_two_gutters_and_a_table_in_one_column_none():
    from exporter.readers.pdf.layout import find_gutters

    # ru_korshunov's later pages: three columns of equal width, 36–206, 220–389, 403–572
    three = [_run(x0, x1, 780 - 11 * i) for x0, x1 in ((36, 206), (220, 389), (403, 572)) for i in range(40)]
    gutters = find_gutters(three, 609)
    assert len(gutters) == 2 and 206 < gutters[0] < 220 and 389 < gutters[1] < 403
    # two columns, the right one holding a table of two cell columns: a third column is no table
    table = [_run(57, 290, 700 - 12 * i) for i in range(40)] + [_run(x0, x1, 700 - 12 * i) for x0, x1 in ((305, 420), (430, 545)) for i in range(15)]
    assert len(find_gutters(table, 595)) == 1


def _sized_run(x0, x1, y, size):
    return _Fragment([("a", x0, x1, y, size, False, False)] * 20, x0, x1, y, size)


def test_a_side_bar_in_smaller_type_is_a_column_of_its_own_and_a_table_is_not():
    from exporter.readers.pdf.layout import find_gutters

    # BMJ's first page (cermine_test5): affiliations in 8 pt at 71–160 on a 9 pt leading of
    # their own, beside the abstract in 9.5 pt at 175–369, the body's right column at 384–581
    bar = [_sized_run(71, 160, 646 - 9 * i, 8.0) for i in range(40)]
    abstract = [_sized_run(175, 369, 646 - 11 * i, 9.5) for i in range(30)]
    right = [_sized_run(384, 581, 646 - 11 * i, 9.0) for i in range(40)]
    gutters = find_gutters(bar + abstract + right, 612)
    assert len(gutters) == 2 and 160 < gutters[0] < 175 and 369 < gutters[1] < 384
    # a table's narrow first column in smaller type, its cells on the rows of the next column's
    table = [_sized_run(71, 160, 646 - 11 * i, 8.0) for i in range(30)] + [_sized_run(175, 369, 646 - 11 * i, 9.5) for i in range(30)]
    assert len(find_gutters(table + right, 612)) == 1
    # the same side bar in the body's type is no side bar (a column of a table, a list of names)
    even = [_sized_run(71, 160, 646 - 9 * i, 9.5) for i in range(40)]
    assert len(find_gutters(even + abstract + right, 612)) == 1


def test_of_two_gutters_as_good_the_one_right_of_a_columns_longest_lines_is_taken():
    # most lines of the left column end by 362, a few run to 369: a gutter at 363 would cut them
    left = [_run(175, 362, 700 - 11 * i) for i in range(20)] + [_run(175, 369, 480 - 11 * i) for i in range(4)]
    right = [_run(384, 581, 700 - 11 * i) for i in range(12)]
    assert 369 < find_gutter(left + right, 612) < 384


# ---- hostile PDFs made at test time ----------------------------------------------------------


def _one_line_error(result, *parts: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("exporter: error: ")
    assert "Traceback" not in result.stderr
    for part in parts:
        assert part in result.stderr


def test_a_pdf_needing_a_password_is_refused_by_name(paper, tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(paper)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as handle:
        writer.write(handle)
    _one_line_error(run_cli("check", str(locked)), "locked.pdf", "encrypted", "password")


def test_an_encrypted_pdf_that_opens_without_a_password_is_read(paper, tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(paper)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    open_pdf = tmp_path / "restricted.pdf"
    with open(open_pdf, "wb") as handle:
        writer.write(handle)
    doc = read_document(str(open_pdf))
    assert doc.meta.title_text == " ".join(TITLE)
    assert len(doc.references) == 5


def test_a_scan_without_text_asks_for_ocr(tmp_path):
    c = _canvas(tmp_path / "scan.pdf")
    for page in range(2):
        c.setFillGray(0.3)
        c.rect(50, 100, 495, 650, fill=1)  # a page-sized picture, no text
        c.showPage()
    c.save()
    _one_line_error(run_cli("check", str(tmp_path / "scan.pdf")), "no text layer", "ocrmypdf")


def test_a_truncated_pdf_is_read_or_refused_in_one_line(paper, tmp_path):
    data = paper.read_bytes()
    for share in (0.3, 0.6, 0.9):
        cut = tmp_path / f"cut{int(share * 10)}.pdf"
        cut.write_bytes(data[: int(len(data) * share)])
        result = run_cli("check", "--json", str(cut))
        assert "Traceback" not in result.stderr
        if result.returncode == 2:
            _one_line_error(result, cut.name)
        else:  # PDFium rebuilt what was left: a report, whatever it found
            assert result.returncode in (0, 1)
            json.loads(result.stdout)


def test_a_500_page_pdf_gives_a_correct_result(tmp_path):
    c = _canvas(tmp_path / "long.pdf")
    for page in range(1, 501):
        _text(c, 50, 600, f"Страница {page} туралы мәтін, дереккөз [{page % 3 + 1}].")
        c.showPage()
    _text(c, 50, 760, "Әдебиеттер тізімі", bold=True)
    for i in range(3):
        _text(c, 50, 740 - 14 * i, f"{i + 1}. Автор А. Кітап {i + 1}. – Алматы, 2020. – 100 б.")
    c.save()
    result = run_cli("check", "--json", str(tmp_path / "long.pdf"))
    assert result.returncode == 0, result.stderr
    citations = json.loads(result.stdout)["citations"]
    assert len(citations) == 500
    assert [c["page"] for c in citations] == list(range(1, 501))
    assert {c["label"] for c in citations} == {"1", "2", "3"}


# ---- real papers of the development corpus ------------------------------------------------


def _corpus(name: str) -> Path:
    path = CORPUS / f"{name}.pdf"
    if not path.exists():
        pytest.skip("the development corpus is not beside the checkout")
    return path


def test_two_column_paper_reads_its_interleaved_list_in_order():
    # en_bigtable_osdi06: pdftotext interleaves the two-column list ([1]–[5], [22]–[24], [6] …);
    # read from the PDF the 38 entries come in order (truth: 38 entries, read by hand)
    doc = read_document(str(_corpus("en_bigtable_osdi06")))
    assert [e.number for e in doc.references] == list(range(1, 39))
    assert doc.meta.title_text == "Bigtable: A Distributed Storage System for Structured Data"
    assert doc.meta.authors[0] == "Fay Chang"
    groups = [node.raw for node in walk(doc.blocks) if isinstance(node, Citation)]
    assert len(groups) == 32 and groups[:2] == ["[14]", "[13]"]


def test_running_heads_repeating_the_title_are_dropped():
    # ru_gavdan_gis_security: every page repeats the authors and the title above the text
    doc = read_document(str(_corpus("ru_gavdan_gis_security")))
    assert doc.meta.title_text == "ОБЕСПЕЧЕНИЕ БЕЗОПАСНОСТИ ИНФОРМАЦИИ ГОСУДАРСТВЕННЫХ ИНФОРМАЦИОННЫХ СИСТЕМ В УСЛОВИЯХ НЕОПРЕДЕЛЕННОСТИ"
    assert doc.meta.authors[:2] == ("Григорий П. Гавдан", "Рустем В. Пенерджи")
    assert len(doc.references) == 23
    assert sum(1 for node in walk(doc.blocks) if isinstance(node, Citation)) == 38
    assert all("ITSecurity, Том 27" not in plain_text(b.inlines) for b in doc.blocks if hasattr(b, "inlines"))


def test_findings_about_the_whole_paper_name_a_page(tmp_path):
    # no reference list: REF001 stands at the end of the last page with text, as `p.N:line`
    c = _canvas(tmp_path / "nolist.pdf")
    _text(c, 50, 600, "Бірінші бет, дереккөз [1].")
    c.showPage()
    _text(c, 50, 600, "Екінші бет, тағы бір дереккөз [2].")
    c.save()
    result = run_cli("check", str(tmp_path / "nolist.pdf"))
    ref001 = next(line for line in result.stdout.splitlines() if "REF001" in line)
    assert ref001.startswith(f"{tmp_path / 'nolist.pdf'}:p.2:1:1: warning[REF001]")


def test_symbol_font_private_use_codes_read_as_their_characters():
    # Adobe's symbol.txt: 0x3D equal, 0x64 delta, 0x5B bracketleft, 0xB3 greaterequal, 0xC8 union,
    # 0xE5 summation, 0xE9 bracketlefttp, 0xFE bracerightbt
    from exporter.symbol_encoding import SYMBOL_PRIVATE_USE

    assert [SYMBOL_PRIVATE_USE[0xF000 + code] for code in (0x3D, 0x64, 0x5B, 0xB3, 0xC8, 0xE5, 0xE9, 0xFE)] == ["=", "δ", "[", "≥", "∪", "∑", "⎡", "⎭"]
    # symbol.txt's 190 codes (0x20–0x7E, 0xA0–0xFE) less radicalex and apple, which no Unicode character is
    assert len(SYMBOL_PRIVATE_USE) == 188


# ---- bounds and our own errors (issue 17) ------------------------------------------------------


def _tiny_pdf(tmp_path) -> Path:
    import sys

    sys.path.insert(0, str(REPO / "tests" / "hostile"))
    from make_corpus import PDF_PAPER, pdf_document, pdf_text

    paper = tmp_path / "p.pdf"
    paper.write_bytes(pdf_document([pdf_text(PDF_PAPER)]))
    return paper


def test_a_bug_of_ours_while_reading_a_pdf_is_exit_3_not_a_damaged_pdf(tmp_path, monkeypatch, capsys):
    """Every exception used to be reported as `is a damaged PDF` (exit 2); only PDFium's own
    refusals are the file's problem, anything else is a bug and says so."""
    from exporter.cli import main
    from exporter.readers.pdf import layout

    paper = _tiny_pdf(tmp_path)
    assert main(["check", str(paper)]) == 0
    capsys.readouterr()

    def broken(*args, **kwargs):
        raise IndexError("a bug in the line builder")

    monkeypatch.setattr(layout, "_make_line", broken)  # the forked child inherits the patch
    assert main(["check", str(paper)]) == 3
    err = capsys.readouterr().err
    assert "IndexError" in err and "damaged" not in err


def test_pdfium_runs_in_a_child_bounded_in_memory_and_time():
    from exporter.readers.pdf.sandbox import Exhausted, run_bounded

    assert run_bounded(sum, [1, 2, 3]) == 6
    with pytest.raises(ValueError, match="raised in the child"):
        run_bounded(_raise, "raised in the child")
    with pytest.raises(Exhausted, match="needs more than 64 MB of memory"):
        run_bounded(_allocate, 512 * 1024 * 1024, memory=64 * 1024 * 1024)
    with pytest.raises(Exhausted, match="took more than 0.5 s"):
        run_bounded(_sleep, 30, seconds=0.5)


def _raise(message):
    raise ValueError(message)


def _allocate(size):
    return len(bytearray(size))


def _sleep(seconds):
    import time

    time.sleep(seconds)


# ---- figures: embedded pictures and drawings, bound to their captions (issue 15) ---------------


def make_figure_paper(path: Path) -> tuple[Path, bytes]:
    """A page with a JPEG photo above `Рис. 1. …`, a drawing (boxes and arrows) above
    `Рис. 2 – …`, a logo in the running head no caption claims, and body text."""
    from io import BytesIO

    from PIL import Image as PILImage
    from reportlab.lib.utils import ImageReader

    photo = BytesIO()
    PILImage.new("RGB", (320, 200), (30, 120, 200)).save(photo, "JPEG", quality=90)
    logo = BytesIO()
    PILImage.new("RGB", (64, 64), (200, 0, 0)).save(logo, "PNG")
    c = _canvas(path)
    c.drawImage(ImageReader(BytesIO(logo.getvalue())), 50, 790, 40, 40)
    _text(c, 50, 760, "Текст статьи ссылается на рис. 1 и на рис. 2 [1], а строки текста занимают всю ширину полосы набора.")
    _text(c, 50, 746, "Вторая строка абзаца тоже идёт от левого поля до правого, как в настоящей статье журнала.")
    c.drawImage(ImageReader(BytesIO(photo.getvalue())), 100, 520, 320, 200)
    _text(c, 150, 500, "Рис. 1. Синий прямоугольник", 10)
    for k in range(3):  # a drawing: three boxes joined by arrows
        c.rect(100 + 120 * k, 380, 80, 50)
        if k:
            c.line(100 + 120 * k - 40, 405, 100 + 120 * k, 405)
    _text(c, 150, 350, "Рис. 2 – Схема из трёх блоков", 10)
    _text(c, 50, 320, "Литература", bold=True)
    _text(c, 50, 300, "1. Иванов И. И. Книга о блоках и схемах, их свойствах и применении. – М.: Наука, 2020. – 100 с.")
    c.save()
    return path, photo.getvalue()


def test_an_embedded_jpeg_above_its_caption_is_a_figure_with_its_bytes_unchanged(tmp_path):
    paper, jpeg = make_figure_paper(tmp_path / "fig.pdf")
    doc = read_document(str(paper))
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [(f.number, plain_text(f.caption)) for f in figures] == [("1", "Синий прямоугольник"), ("2", "Схема из трёх блоков")]  # labels printed by the editions
    photo = figures[0].images[0]
    assert (photo.data, photo.media_type, photo.width, photo.height) == (jpeg, "image/jpeg", 320.0, 200.0)


def test_a_drawing_above_its_caption_is_rendered_from_its_region(tmp_path):
    from io import BytesIO

    from PIL import Image as PILImage

    paper, _ = make_figure_paper(tmp_path / "fig.pdf")
    drawing = [b for b in read_document(str(paper)).blocks if isinstance(b, Figure)][1].images[0]
    assert drawing.media_type == "image/png"
    # the three boxes span x 100..420 and y 380..430 (points); their 1-pt strokes reach 1 pt
    # beyond, and 2 pt are kept around: 97..423 and 377..433
    assert (drawing.width, drawing.height) == (326.0, 56.0)
    picture = PILImage.open(BytesIO(drawing.data))
    width, height = picture.size  # rendered at 200 dpi (PDFium rounds the crop to whole pixels)
    assert abs(width - 326 * 200 / 72) <= 1 and abs(height - 56 * 200 / 72) <= 1
    assert picture.convert("L").getextrema()[0] < 64  # it shows the strokes


def test_a_drawing_on_a_page_with_bleed_is_rendered_whole(tmp_path):
    """A journal's page with bleed: the crop box 30 pt in from the media box's corner, the
    content set 30 pt in (cermine_test5). Positions are in the page's space, rendering in the
    crop box's: the drawing rendered 30 pt off had lost its left and top (and the page's top 7 %
    was measured in the wrong space). The same paper with and without bleed gives one picture."""
    from io import BytesIO

    import pikepdf
    from PIL import Image as PILImage
    from PIL import ImageChops

    paper, _ = make_figure_paper(tmp_path / "fig.pdf")
    with pikepdf.open(paper) as pdf:
        page = pdf.pages[0]
        width, height = (float(v) for v in page.mediabox[2:])
        page.contents_add(b"q 1 0 0 1 30 30 cm", prepend=True)
        page.contents_add(b"Q")
        page.mediabox = [0, 0, width + 60, height + 60]
        page.cropbox = [30, 30, width + 30, height + 30]
        pdf.save(tmp_path / "bleed.pdf")
    plain, bled = ([b for b in read_document(str(path)).blocks if isinstance(b, Figure)][1].images[0] for path in (paper, tmp_path / "bleed.pdf"))
    assert (bled.width, bled.height) == (plain.width, plain.height) == (326.0, 56.0)
    a, b = (PILImage.open(BytesIO(image.data)).convert("L") for image in (plain, bled))
    assert a.size == b.size and ImageChops.difference(a, b).getbbox() is None


def test_pictures_no_caption_claims_are_not_figures_and_citations_still_read(tmp_path):
    paper, _ = make_figure_paper(tmp_path / "fig.pdf")
    doc = read_document(str(paper))
    assert sum(len(f.images) for f in doc.blocks if isinstance(f, Figure)) == 2  # the logo is left out
    assert [r.label for n in walk(doc.blocks) if isinstance(n, Citation) for r in n.refs] == ["1"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the development corpus is not on this machine")
def test_corpus_pdfs_figures_bound_to_their_captions():
    """Counted by reading the pages: montoya prints six figures (one picture each); yang's
    Fig. 1 is a row of three photos; butsenko's ten figures are pictures."""
    counts = {}
    for name in ("en_montoya_bosonic_dm_arxiv", "en_yang_uav_path_planning_ieee", "ru_butsenko_network_planning"):
        figures = [b for b in read_document(str(CORPUS / f"{name}.pdf")).blocks if isinstance(b, Figure)]
        counts[name] = [(f.number, len(f.images)) for f in figures]
    assert counts["en_montoya_bosonic_dm_arxiv"] == [(str(n), 1) for n in range(1, 7)]
    assert counts["en_yang_uav_path_planning_ieee"][0] == ("1", 3)
    assert counts["ru_butsenko_network_planning"] == [(str(n), 1) for n in range(1, 11)]


def test_the_first_pages_credit_line_is_furniture_and_no_longer_opens_the_next_column(tmp_path):
    """IEEE prints its price code and copyright at the foot of page 1's left column; the text
    went on in the right column and the two were glued into one paragraph
    (`978-…/14/$31.00 ©2014 IEEE basic concept…`). A `© Author` line is no credit line: the
    title block reads authors from it."""
    path = tmp_path / "credit.pdf"
    c = _canvas(path)
    _text(c, 50, 780, "A Survey of Path Planning for Unmanned Aerial Vehicles", 16, bold=True)
    for i, line in enumerate(("Path planning finds a route between two points that avoids", "every obstacle on the way and the survey groups the")):
        _text(c, 50, 700 - 14 * i, line, 10)
    _text(c, 50, 40, "978-1-4799-5825-2/14/$31.00 ©2014 IEEE", 8)
    _text(c, 50, 28, "DOI: 10.1109/ICUAS.2014.6842321", 8)
    for i, line in enumerate(("algorithms by the basic concept of each category and", "lists the algorithms of each category in turn.")):
        _text(c, 310, 700 - 14 * i, line, 10)
    _text(c, 310, 40, "© Ivan Petrovich Sidorov", 8)
    c.showPage()
    _text(c, 50, 700, "Second page text with a DOI: 10.1109/ICUAS.2014.6842321 in its body.", 10)
    _text(c, 50, 40, "DOI: 10.1016/j.jco.2018.11.003", 8)
    c.save()
    from exporter.readers.pdf.layout import mark_furniture, open_pdf, read_pages

    doc, _ = open_pdf(str(path))
    pages = read_pages(doc)
    mark_furniture(pages)
    furniture = {(line.page, line.text) for page in pages for line in page.lines if line.furniture}
    assert (1, "978-1-4799-5825-2/14/$31.00 ©2014 IEEE") in furniture
    assert (1, "DOI: 10.1109/ICUAS.2014.6842321") in furniture
    assert (1, "© Ivan Petrovich Sidorov") not in furniture
    # only the first page's margin: a DOI line at the foot of a later page may end an entry
    assert (2, "DOI: 10.1016/j.jco.2018.11.003") not in furniture
    text = " ".join(plain_text(b.inlines) for b in read_document(str(path)).blocks if hasattr(b, "inlines"))
    assert "$31.00" not in text and "every obstacle" in text


def test_a_running_foot_beside_the_first_pages_credit_line_is_furniture(tmp_path):
    """A magazine prints its foot with the page in brackets on every page (`… [111] JULY
    2011`, read as a citation [111]), and on the first page its credit line on the same
    baseline: the row's text is then no other page's, but the foot's own is."""
    path = tmp_path / "foot.pdf"
    c = _canvas(path)
    for page in range(3):
        for i in range(30):  # two columns of prose
            _text(c, 50, 760 - 14 * i, "Body text of the left column runs on as prose.", 10)
            _text(c, 320, 760 - 14 * i, "Body text of the right column runs on too.", 10)
        if page == 0:
            _text(c, 50, 30, "1053-5888/11/$26.00©2011IEEE", 7)
        _text(c, 330, 30, f"JOURNAL OF SIGNALS [{111 + page}] JULY 2011", 7)
        c.showPage()
    c.save()
    from exporter.readers.pdf.layout import mark_furniture, open_pdf, read_pages

    doc, _ = open_pdf(str(path))
    pages = read_pages(doc)
    mark_furniture(pages)
    feet = [(line.page, line.furniture) for page in pages for line in page.lines if line.text.startswith("JOURNAL OF SIGNALS")]
    assert feet == [(1, True), (2, True), (3, True)]


def _raised(c, x: float, y: float, before: str, mark: str, after: str, size: float = 11) -> None:
    """`before`, a raised `mark` (a footnote's call) and `after` on one baseline."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _text(c, x, y, before, size)
    x += stringWidth(before, "LiberationSerif", size)
    _text(c, x + 0.5, y + 0.4 * size, mark, 0.6 * size)
    x += stringWidth(mark, "LiberationSerif", 0.6 * size) + 0.5
    _text(c, x, y, after, size)


def make_footnoted(path: Path) -> Path:
    """Page 1: a title with a star, a paragraph calling note 1 (`страны¹.`) that runs on to
    page 2; at the foot of page 1 (9 pt) note 1 and the title's note `*`, which nothing in
    the text calls. Page 2: the paragraph's end, a second paragraph calling notes 2 and 3
    at once (`⁲,³`), their notes at the foot."""
    c = _canvas(path)
    _raised(c, 50, 780, "Неопределенность как фактор планирования", "*", "", 16)
    _text(c, 50, 755, "О. Б. Дигилина")
    _text(c, 50, 725, "1. Введение", bold=True)
    lines = ("Проблема неопределенности не потеряла своей актуальности и является одной",
             "из ключевых для экономики. По данным центра, ежегодно принимается до 17 документов,")
    for i, line in enumerate(lines):
        _text(c, 50, 700 - 15 * i, line)
    _raised(c, 50, 670, "касающихся бизнеса и населения страны", "1", ". Это отражается на стратегиях")
    for i in range(20):
        _text(c, 50, 655 - 15 * i, f"развития муниципалитетов ({i + 1}-го уровня), которым приходится учитывать")
    _raised(c, 50, 80, "", "1", "Итоги 2016 года [Электронный ресурс]. URL: http://rusrand.ru/itogi-2016.", 9)
    _raised(c, 50, 68, "", "*", "Работа выполнена при поддержке фонда.", 9)
    c.showPage()
    _text(c, 50, 780, "неопределённости в своём развитии.")
    _raised(c, 50, 750, "Второй абзац называет две сноски сразу", "2,3", ", и на этом кончается.")
    _raised(c, 50, 80, "", "2", "Первая из двух сносок.", 9)
    _raised(c, 50, 68, "", "3", "Вторая из двух сносок.", 9)
    c.save()
    return path


def test_footnotes_at_a_pages_foot_go_where_the_text_calls_them(tmp_path):
    from exporter.model import Footnote

    doc = read_document(str(make_footnoted(tmp_path / "notes.pdf")))
    paragraphs = [b for b in doc.blocks if isinstance(b, Paragraph)]
    notes = [plain_text(n.inlines) for n in walk(doc.blocks) if isinstance(n, Footnote)]
    assert notes == ["Итоги 2016 года [Электронный ресурс]. URL: http://rusrand.ru/itogi-2016.", "Первая из двух сносок.", "Вторая из двух сносок."]
    first = next(p for p in paragraphs if "Проблема" in plain_text(p.inlines))
    # the note's call stands in the text, the full stop right after it; the paragraph goes on over the page's foot
    called = next(i for i, node in enumerate(first.inlines) if isinstance(node, Footnote))
    assert first.inlines[called - 1].text.endswith("населения страны")
    assert first.inlines[called + 1].text.startswith(". Это отражается")
    assert plain_text(first.inlines[called + 1:]).endswith("неопределённости в своём развитии.")
    # the title's note, called by no mark of the text: under its star on the first page, it is
    # the front matter's, a note on the title (it opened the body, round 50 moved it)
    texts = [plain_text(p.inlines) for p in paragraphs]
    assert "Работа выполнена при поддержке фонда." not in texts
    assert [plain_text(n.inlines) for n in doc.meta.title if isinstance(n, Footnote)] == ["Работа выполнена при поддержке фонда."]
    second = next(p for p in paragraphs if "Второй абзац" in plain_text(p.inlines))
    assert [type(n).__name__ for n in second.inlines] == ["Text", "Footnote", "Footnote", "Text"]
    assert not any(t.startswith(("Первая из двух", "Итоги 2016", "Вторая из двух")) for t in texts)  # no note left as a paragraph


def test_two_columns_that_begin_low_under_an_abstract_across_the_page_are_read_column_by_column(tmp_path):
    """A first page as many journals set it (ru_butsenko, CERMINE's example1): a by-line flush
    right, the title and an abstract across the page whose paragraphs end in short lines,
    then two columns. The columns were read across, line by line."""
    from exporter.readers.pdf.layout import open_pdf, read_pages

    path = tmp_path / "low_columns.pdf"
    c = _canvas(path)
    _text(c, 330, 800, "Е. В. Буценко, канд. экон. наук,", 10)
    _text(c, 330, 788, "А. Ф. Шориков, д-р ф.-м. наук,", 10)
    _text(c, 60, 760, "РЕАЛИЗАЦИЯ СЕТЕВОГО ЭКОНОМИКО-МАТЕМАТИЧЕСКОГО МОДЕЛИРОВАНИЯ", 12, bold=True)
    full = "процесса бизнес-планирования для хозяйствующего субъекта и оптимизации его работы,"
    labelled = "Результаты: процесса бизнес-планирования для хозяйствующего субъекта и его работы,"
    abstract = [full, full, "предлагается сетевое моделирование.", full, full, full, "процесса бизнес-планирования.", labelled, full, "подтверждают ее эффективность."]
    for i, line in enumerate(abstract):  # a paragraph's first line indented, or flush with its label
        _text(c, 72 if i in (0, 3) else 60, 730 - 12 * i, line, 9)
    _text(c, 60, 600, "Ключевые слова: сетевое моделирование, процесс бизнес-планирования, сетевой график.", 9)
    left = ("Актуальность исследования", *(f"левая колонка текста, строка {i}" for i in range(2, 31)))
    right = tuple(f"правая колонка текста, строка {i}" for i in range(1, 31))
    for i, (l, r) in enumerate(zip(left, right)):
        _text(c, 60, 570 - 12 * i, l, 10)
        _text(c, 310, 570 - 12 * i, r, 10)
    c.save()
    doc, _ = open_pdf(str(path))
    texts = [line.text for line in read_pages(doc)[0].lines]
    assert texts[-60:] == [*left, *right]
    # the abstract's short paragraph ends keep to the left of the gutter now found: still one abstract
    abstract = plain_text(read_document(str(path)).meta.abstracts[0][1])
    assert abstract.startswith(full) and abstract.endswith("подтверждают ее эффективность.")
    assert "предлагается сетевое моделирование." in abstract and "процесса бизнес-планирования. Результаты:" in abstract


def test_an_unmarked_note_under_the_first_column_no_longer_breaks_the_paragraph_running_on(tmp_path):
    """CERMINE's example1: a correspondence address in small type at the foot of the left
    column, no mark; the paragraph goes on at the top of the right column. The note no longer
    cuts it in two: it is the front matter's, a note on the title (round 50; it had followed
    the paragraph); a small caption at a column's foot stays."""
    path = tmp_path / "unmarked.pdf"
    c = _canvas(path)
    _text(c, 50, 790, "Stressful life events and dementia", 16, bold=True)
    _text(c, 50, 740, "Introduction", 12, bold=True)
    left = [f"Dementia diseases are among the feared, line {i}" for i in range(1, 40)] + ["of dementia and approaches"]
    for i, line in enumerate(left):
        _text(c, 50, 720 - 13 * i, line, 10)
    note = ("Correspondence should be addressed to: Anna Sundström, Centre", "for Population Studies, Umeå University, Umeå, Sweden.")
    for i, line in enumerate(note):
        _text(c, 50, 80 - 9 * i, line, 7)
    right = ["that promote continued independent living are of"] + [f"great interest to researchers, line {i}" for i in range(1, 40)]
    for i, line in enumerate(right):
        _text(c, 310, 720 - 13 * i, line, 10)
    _text(c, 310, 80, "Figure 1. Life events by age group and sex.", 7)
    c.save()
    document = read_document(str(path))
    paragraphs = [plain_text(b.inlines) for b in document.blocks if isinstance(b, Paragraph)]
    running = next(p for p in paragraphs if p.startswith("Dementia diseases"))
    assert "of dementia and approaches that promote continued independent living" in running
    assert " ".join(note) not in paragraphs
    assert [plain_text(n.inlines) for n in document.meta.title if isinstance(n, Footnote)] == [" ".join(note)]
    assert paragraphs[-1] == "Figure 1. Life events by age group and sex."  # a caption is no note: in its place


def test_a_display_formula_set_large_or_bold_is_no_heading():
    from exporter.readers.pdf.layout import Line
    from exporter.readers.pdf.reader import heading_level

    def line(text: str, size: float = 12.0, bold: bool = True) -> Line:
        return Line(1, text, 50, 300, 500, size, bold)

    # ru_korshunov's and en_aurzada's formulas, set in a larger or bold font, were headings
    for formula in ("iC (t) = Imcos [ωt – (4π/3)]. (1)", "dMэм=В (α)(di/da) Rldα, (3)", "B (α) = Bmcos (α – ϑ)", "S = [xi – ri, xi + ri] (29)"):
        assert heading_level(line(formula), 10.0, [12.0]) is None, formula
    for heading in ("3.2. The case n = 2", "Электромагнитный вращающий момент СД", "II. PRELIMINARY MATERIAL"):
        assert heading_level(line(heading), 10.0, [12.0]) == 1, heading


def _figure_between_columns(path: Path, sentence_ends: bool = False) -> Path:
    """Two columns: the left ends mid-word (`assump-`), the right opens with a figure's caption
    (a figure drawn above it at the column's top), then the sentence goes on (`tion of …`)."""
    c = _canvas(path)
    _text(c, 50, 780, "Heterogeneity of the trials", 16, bold=True)
    left = ["For results showing significant heterogeneity a random", "effects meta-analysis was also performed with the method",
            "of DerSimonian and Laird. The underlying assump-" if not sentence_ends else "of DerSimonian and Laird. Nothing more is assumed."]
    for i, line in enumerate(left):
        _text(c, 50, 740 - 14 * i, line, 10)
    c.rect(320, 640, 220, 100)  # the figure: a frame drawn above its caption
    _text(c, 320, 626, "Figure 1 Flow chart depicting the selection of the", 9)
    _text(c, 320, 615, "randomised controlled trials included.", 9)
    right = ["tion of the model is that the studies come from one", "population and that their variance is one estimate, the",
             "studies weighted by their precision throughout."]
    for i, line in enumerate(right):
        _text(c, 320, 585 - 14 * i, line, 10)
    _text(c, 290, 40, "1", 9)
    c.save()
    return path


def test_a_caption_in_the_body_type_gives_back_the_sentence_it_interrupted():
    """ACM sets captions in the body's type: a caption ending its sentence (`… the same.`),
    then, at a gap little wider than a line's, the interrupted sentence goes on in lower case
    (`of guaranteeing …`): that line is the paragraph's, not the caption's next line (an
    unseen KDD paper's caption took it). A caption that interrupted nothing keeps it."""
    from exporter.readers.pdf.layout import Line
    from exporter.readers.pdf.reader import _caption_goes_on

    def line(text: str, y: float, x1: float = 559.0) -> Line:
        return Line(4, text, 318.0, x1, y, 9.0, False, "R")

    caption = line("Figure 3: To quickly update our estimates when the observa-", 592)
    before = line("tamps, while enforcing that the oldest must remain the same.", 570, 547.0)
    after = line("of guaranteeing that it takes the same amount of time to solve,", 554)
    measures = (11.0, {(4, "R"): (318.0, 559.0)}, 10.3)
    assert _caption_goes_on(caption, before, after, True, measures) is False
    assert _caption_goes_on(caption, before, after, False, measures) is True
    for label in ("б) при изменении параметров системы", "(b) the rendered image of the object", "а – температура процессора"):
        assert _caption_goes_on(caption, line("Рис. 5. Пример управления: а – при заданных параметрах.", 570, 547.0), line(label, 554), True, measures) is True


def _texts(path: Path) -> list[str]:
    return [" ".join(plain_text(b.inlines).split()) for b in read_document(str(path)).blocks if isinstance(b, Paragraph)]


def test_a_caption_met_mid_sentence_is_held_and_the_paragraph_goes_on(tmp_path):
    texts = _texts(_figure_between_columns(tmp_path / "fig.pdf"))
    paragraph = next(t for t in texts if t.startswith("For results"))
    assert "The underlying assumption of the model is that the studies come from one" in paragraph  # rejoined across the figure
    assert paragraph.endswith("weighted by their precision throughout.") and "Figure 1" not in paragraph
    caption = "Figure 1 Flow chart depicting the selection of the randomised controlled trials included."
    assert texts[texts.index(paragraph) + 1] == caption  # the caption follows the paragraph it stood in


def test_a_caption_after_a_finished_sentence_opens_its_block_where_it_stands(tmp_path):
    texts = _texts(_figure_between_columns(tmp_path / "fig.pdf", sentence_ends=True))
    first = next(t for t in texts if t.startswith("For results"))
    assert first.endswith("Nothing more is assumed.")
    assert texts[texts.index(first) + 1].startswith("Figure 1 Flow chart") and texts[texts.index(first) + 2].startswith("tion of the model")


def test_a_superscript_set_apart_by_a_wide_space_stays_on_its_line(tmp_path):
    """A justified line's wide space parts `RCTs25` from `28 30`, raised 4 pt on a 9 pt line:
    PDFium gives it a run of its own, on no line's baseline; it is still that line's raised
    text (a block of its own, `28 30`, before the line was what the reader made of it)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    path = tmp_path / "sup.pdf"
    c = _canvas(path)
    _text(c, 50, 780, "Reinspection of the blood parameters", 16, bold=True)
    first = "The end point for blood parameter reinspection varied among the studies; three of"
    _text(c, 50, 740, first, 9)
    second = "them selected 8 weeks as the time for reinspection, and three RCTs"
    _text(c, 50, 729, second, 9)
    end = 50 + stringWidth(second, "LiberationSerif", 9)
    _text(c, end, 733, "25", 6)
    end += stringWidth("25", "LiberationSerif", 6)
    _text(c, end + 7, 733, "28 30", 6)  # more than its 6 pt size from the mark before it
    _text(c, 50, 718, "followed up blood parameters on sequential time nodes, weekly.", 9)
    c.save()
    blocks = [b for b in read_document(str(path)).blocks if isinstance(b, Paragraph)]
    texts = [" ".join(plain_text(b.inlines).split()) for b in blocks]
    assert "28 30" not in texts
    paragraph = next(b for b in blocks if "three RCTs" in plain_text(b.inlines))
    assert "sequential time nodes" in plain_text(paragraph.inlines)  # one paragraph, not cut by the mark
    raised = [node for node in walk((paragraph,)) if isinstance(node, Superscript)]
    assert [" ".join(plain_text(node.inlines).split()) for node in raised] == ["25 28 30"]


def test_a_subscript_set_under_a_superscript_stays_on_its_line():
    """`g` with `⊤ 1×kA` raised and `i· ∈ F q` stacked under it, in 7 pt runs of their own on a
    10 pt line (unseen kazama_gabidulin_ieee, its geometry as PDFium gives it): the raised run,
    3.5 pt over the baseline, comes first top to bottom and the subscripts, 2.6 pt under it, were
    a line of their own (`i· ∈ F q`, `q q`: a paragraph broken at each). They are the line's."""
    from exporter.readers.pdf.layout import _fragment, _lines_of

    def run(text: str, x: float, y: float, size: float) -> object:
        return _fragment([(ch, x + k * size / 2, x + (k + 1) * size / 2, y, size, False, False, 0) for k, ch in enumerate(text)])

    above = run("set A in [n], we define a matrix G as a matrix", 49, 733.1, 10)
    body = run("constructed from all i-th row g", 49, 721.1, 10)
    raised = run("T 1xkA", 205, 724.6, 7)
    lowered = run("i. in F q", 199, 718.5, 7)
    rest = run("of the matrix", 240, 721.1, 10)
    below = run("G. Definition 1.1 (v, f): v1, ..., vm are linearly", 50, 709.2, 10)
    lines = [" ".join("".join(c[0] for c in f.chars) for f in line) for line in _lines_of([above, body, raised, lowered, rest, below])]
    assert lines == ["set A in [n], we define a matrix G as a matrix", "constructed from all i-th row g i. in F q T 1xkA of the matrix", "G. Definition 1.1 (v, f): v1, ..., vm are linearly"]
    # a line of small type a whole line's spacing under (a footnote, a figure's label) stays apart
    assert len(_lines_of([body, run("1 A note set in small type.", 49, 711.1, 7)])) == 2
    # a display formula's denominators, as many characters as its line (en_aurzada's (23)), stay its own line
    formula = run("vold(U) <=                   =        (23)", 70, 283.2, 8.3)
    assert len(_lines_of([formula, run("Ad-1 n1/(d-1) n1/(d-1) .", 111, 279.6, 5.8)])) == 2


def test_a_caption_set_in_a_narrow_column_beside_its_picture_binds_it(tmp_path):
    """BMJ sets a figure's caption in the page's narrow left column, top-aligned with a picture
    spanning the rest (cermine_test5): no picture above or below the caption, one beside it."""
    from io import BytesIO

    from PIL import Image as PILImage
    from reportlab.lib.utils import ImageReader

    plot = BytesIO()
    PILImage.new("RGB", (360, 250), (20, 160, 90)).save(plot, "JPEG", quality=90)
    path = tmp_path / "beside.pdf"
    c = _canvas(path)
    _text(c, 71, 790, "Forest plots of the studies", 16, bold=True)
    c.drawImage(ImageReader(BytesIO(plot.getvalue())), 224, 516, 357, 250)
    caption = ["Figure 2 Treatment effect and", "underlying connection between", "H pylori and IDA: weighted mean", "differences of haemoglobin."]
    for i, line in enumerate(caption):
        _text(c, 71, 759 - 10 * i, line, 9)
    for i in range(8):
        _text(c, 71, 480 - 12 * i, "Body text of the results section runs across the page from the left margin to the right.", 10)
    c.save()
    figures = [b for b in read_document(str(path)).blocks if isinstance(b, Figure)]
    assert [(f.number, len(f.images)) for f in figures] == [("2", 1)]
    assert figures[0].images[0].data == plot.getvalue()
    assert plain_text(figures[0].caption).startswith("Treatment effect and underlying connection")


def test_pictures_and_drawings_placed_inside_a_scaled_form_are_found_where_the_page_shows_them(tmp_path):
    """LaTeX's `includegraphics` of a PDF figure puts its pictures inside a Form XObject drawn
    scaled: PDFium gives their boxes in the form's own space (here 0..1000 points, off the
    page), and the figures above their captions were lost. Boxes are taken to the page."""
    from io import BytesIO

    from PIL import Image as PILImage
    from reportlab.lib.utils import ImageReader

    photo = BytesIO()
    PILImage.new("RGB", (400, 250), (30, 120, 200)).save(photo, "JPEG", quality=90)
    path = tmp_path / "forms.pdf"
    c = _canvas(path)
    _text(c, 120, 810, "Pictures Placed as Forms", 16, bold=True)
    _text(c, 250, 792, "Ann Smith", 12)
    _text(c, 50, 772, "The text refers to Figure 1 and Figure 2, and its lines fill the measure of the page.")
    c.beginForm("photo")  # the form's space: a picture 1000 x 625 points, far larger than the page
    c.drawImage(ImageReader(BytesIO(photo.getvalue())), 0, 0, 1000, 625)
    c.endForm()
    c.beginForm("scheme")  # three boxes joined by lines, in the form's space
    for k in range(3):
        c.rect(300 * k, 0, 200, 125)
        if k:
            c.line(300 * k - 100, 62, 300 * k, 62)
    c.endForm()
    for name, y in (("photo", 560), ("scheme", 380)):
        c.saveState()
        c.translate(100, y)
        c.scale(0.32, 0.32)  # on the page: 320 points wide, above the caption
        c.doForm(name)
        c.restoreState()
    _text(c, 150, 540, "Figure 1. A blue rectangle", 10)
    _text(c, 150, 360, "Figure 2. Three boxes", 10)
    for i in range(6):
        _text(c, 50, 320 - 14 * i, "Body text of the paper runs across the page from the left margin to the right one.")
    c.save()
    figures = [b for b in read_document(str(path)).blocks if isinstance(b, Figure)]
    assert [f.number for f in figures] == ["1", "2"]
    photo_image, drawing = figures[0].images[0], figures[1].images[0]
    assert photo_image.data == photo.getvalue() and (photo_image.width, photo_image.height) == (320.0, 200.0)
    # the boxes span 0..800 x 0..125 form points, 256 x 40 on the page; 2 points are kept around
    assert drawing.media_type == "image/png" and 258 <= drawing.width <= 262 and 42 <= drawing.height <= 46


def test_a_figure_of_two_rows_of_panels_is_one_picture_of_both_rows(tmp_path):
    """A waveform over its spectrogram, for two recordings: four pictures in two rows above one
    caption. Only the row next to the caption was taken (and an edition set a figure's pictures
    in one row); the figure is rendered from the page whole, both rows and their labels."""
    from io import BytesIO

    from PIL import Image as PILImage
    from reportlab.lib.utils import ImageReader

    path = tmp_path / "panels.pdf"
    c = _canvas(path)
    _text(c, 120, 810, "Recordings Compared", 16, bold=True)
    _text(c, 250, 792, "Ann Smith", 12)
    _text(c, 50, 772, "The text refers to Figure 1, and its lines fill the measure of the page from side to side.")
    for row, y in enumerate((640, 560)):  # the upper row stands right on the lower one
        for col, x in enumerate((100, 260)):
            panel = BytesIO()
            PILImage.new("RGB", (160, 80), (40 * (row + 1), 80 * col, 150)).save(panel, "JPEG", quality=90)
            c.drawImage(ImageReader(BytesIO(panel.getvalue())), x, y, 160, 80)
    _text(c, 104, 708, "(a)", 8)  # a panel label on the upper row
    _text(c, 150, 540, "Figure 1. Waveforms over their spectrograms", 10)
    for i in range(6):
        _text(c, 50, 500 - 14 * i, "Body text of the paper runs across the page from the left margin to the right one.")
    c.save()
    figures = [b for b in read_document(str(path)).blocks if isinstance(b, Figure)]
    assert [(f.number, len(f.images)) for f in figures] == [("1", 1)]
    image = figures[0].images[0]
    # the rows span x 100..420 and y 560..720 on the page; 2 points are kept around
    assert image.media_type == "image/png" and (image.width, image.height) == (324.0, 164.0)


def test_a_by_line_over_two_lines_gives_every_author(tmp_path):
    """Bigtable's by-line: nine names over two lines, the first ending in a name with no comma
    (`Deborah A. Wallach` / `Mike Burrows`); the affiliation under it is no name."""
    path = tmp_path / "byline.pdf"
    c = _canvas(path)
    _text(c, 90, 780, "Bigtable: A Distributed Storage System for Structured Data", 16, bold=True)
    _text(c, 60, 750, "Fay Chang, Jeffrey Dean, Sanjay Ghemawat, Wilson C. Hsieh, Deborah A. Wallach", 12)
    _text(c, 80, 735, "Mike Burrows, Tushar Chandra, Andrew Fikes, Robert E. Gruber", 12)
    _text(c, 250, 715, "Google, Inc.", 12)
    _text(c, 50, 690, "Abstract", 12, bold=True)
    for i in range(6):
        _text(c, 50, 672 - 12 * i, "Bigtable is a distributed storage system for managing structured data at a very large scale.", 10)
    c.save()
    authors = read_document(str(path)).meta.authors
    assert list(authors) == ["Fay Chang", "Jeffrey Dean", "Sanjay Ghemawat", "Wilson C. Hsieh", "Deborah A. Wallach", "Mike Burrows", "Tushar Chandra", "Andrew Fikes", "Robert E. Gruber"]


# ---- where a GOST caption ends (unseen theses: the next paragraph read into the caption) -----

THESIS_LEFT, THESIS_RIGHT, THESIS_SIZE, THESIS_SPACING = 85.0, 553.0, 14.0, 21.0  # 1.5 spacing


def _justified(c, x0: float, y: float, text: str, x1: float = THESIS_RIGHT) -> None:
    """A line set flush with both of the column's edges, its words spread as Word justifies."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    words = text.split()
    widths = [stringWidth(w, "LiberationSerif", THESIS_SIZE) for w in words]
    gap = (x1 - x0 - sum(widths)) / (len(words) - 1)
    x = x0
    for word, width in zip(words, widths):
        _text(c, x, y, word, THESIS_SIZE)
        x += width + gap


def _centred(c, y: float, text: str) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width = stringWidth(text, "LiberationSerif", THESIS_SIZE)
    _text(c, (THESIS_LEFT + THESIS_RIGHT - width) / 2, y, text, THESIS_SIZE)


def _thesis_page(c, y: float, paragraph_lines: int = 6) -> float:
    """A title and its author, then a body paragraph: an indented first line, then lines flush
    with both edges."""
    _text(c, THESIS_LEFT + 60, y + 60, "МЕТАЛЛОПОЛИМЕРНЫЕ ТРУБЫ", 18, bold=True)
    _text(c, THESIS_LEFT + 160, y + 30, "И. И. Иванов", THESIS_SIZE)
    _justified(c, THESIS_LEFT + 36, y, "Трубопроводы из металла подвержены коррозии, которая")
    for n in range(1, paragraph_lines):
        _justified(c, THESIS_LEFT, y - n * THESIS_SPACING, f"строка {n} абзаца о свойствах металлополимерных труб в отрасли")
    _justified(c, THESIS_LEFT, y - paragraph_lines * THESIS_SPACING, "снижает прочность труб и вызывает аварии (рисунок 1).", x1=THESIS_LEFT + 330)
    return y - paragraph_lines * THESIS_SPACING


def _blocks_text(path: Path) -> list[str]:
    out = []
    for block in read_document(str(path)).blocks:
        if isinstance(block, Paragraph):
            out.append(" ".join(plain_text(block.inlines).split()))
        elif isinstance(block, Figure):
            out.append("FIGURE: " + " ".join(plain_text(block.caption).split()))
    return out


def test_a_centred_caption_ends_where_an_indented_paragraph_begins_one_line_below(tmp_path):
    path = tmp_path / "thesis.pdf"
    c = _canvas(path)
    y = _thesis_page(c, 760)
    c.rect(200, y - 200, 240, 170)  # the figure
    _centred(c, y - 225, "Рисунок 1 – Влияние коррозии на металлический трубопровод")
    # no more than a line's spacing below: a thesis leaves no wider gap after its caption
    _justified(c, THESIS_LEFT + 36, y - 225 - THESIS_SPACING, "Текущая ситуация требует не только замены изношенных сетей")
    _justified(c, THESIS_LEFT, y - 225 - 2 * THESIS_SPACING, "трубопроводов, но и совершенствования характеристик самих труб.", x1=THESIS_LEFT + 400)
    c.save()
    texts = _blocks_text(path)
    caption = next(t for t in texts if "Влияние коррозии" in t)
    assert caption.endswith("Влияние коррозии на металлический трубопровод")
    assert any(t.startswith("Текущая ситуация требует") and t.endswith("самих труб.") for t in texts)


def test_a_centred_caption_broken_by_hand_keeps_its_wider_lines(tmp_path):
    # ru_nikulin's captions: `Рис. 2. Зависимость уровня риска` / `информационной безопасности` /
    # `от вероятности реализации угрозы и ущерба`, each centred, the last the widest
    path = tmp_path / "journal.pdf"
    c = _canvas(path)
    y = _thesis_page(c, 760)
    c.rect(200, y - 200, 240, 170)
    for n, line in enumerate(("Рисунок 2 – Зависимость уровня риска", "информационной безопасности", "от вероятности реализации угрозы и величины ущерба")):
        _centred(c, y - 225 - n * THESIS_SPACING, line)
    _justified(c, THESIS_LEFT + 36, y - 225 - 3 * THESIS_SPACING, "Достоинство предложенного подхода состоит в его наглядности")
    _justified(c, THESIS_LEFT, y - 225 - 4 * THESIS_SPACING, "для эксперта.", x1=THESIS_LEFT + 100)
    c.save()
    texts = _blocks_text(path)
    assert any(t.endswith("Зависимость уровня риска информационной безопасности от вероятности реализации угрозы и величины ущерба") for t in texts)
    assert any(t.startswith("Достоинство предложенного подхода") for t in texts)


def test_a_full_width_caption_ends_where_an_indented_paragraph_begins(tmp_path):
    """A caption set as a paragraph across the column (its first line indented, the next flush
    with both edges, the last short and with no full stop, as GOST allows), then a body
    paragraph one line below: its first word would have fitted on the caption's last line, so
    that line ended a paragraph; the indented line after it opens the next one."""
    path = tmp_path / "wide-caption.pdf"
    c = _canvas(path)
    y = _thesis_page(c, 760)
    c.rect(200, y - 200, 240, 170)
    _justified(c, THESIS_LEFT + 36, y - 225, "Рисунок 1 – Зависимость скорости коррозии стенки трубы от толщины")
    _justified(c, THESIS_LEFT, y - 225 - THESIS_SPACING, "полимерного слоя, температуры транспортируемой среды и давления", x1=THESIS_RIGHT)
    _justified(c, THESIS_LEFT, y - 225 - 2 * THESIS_SPACING, "в трубопроводе", x1=THESIS_LEFT + 110)
    _justified(c, THESIS_LEFT + 36, y - 225 - 3 * THESIS_SPACING, "Как видно из рисунка, толщина слоя влияет на скорость сильнее,")
    _justified(c, THESIS_LEFT, y - 225 - 4 * THESIS_SPACING, "чем температура.", x1=THESIS_LEFT + 110)
    c.save()
    texts = _blocks_text(path)
    assert any(t.endswith("температуры транспортируемой среды и давления в трубопроводе") for t in texts), texts
    assert any(t.startswith("Как видно из рисунка") and t.endswith("чем температура.") for t in texts), texts


def _paragraphs(c) -> float:
    """A title page's top, then five paragraphs (an indented first line, a short last one): the
    body's paragraph indent is measured from their first lines. The y under them."""
    y = _thesis_page(c, 760, paragraph_lines=1) - 2 * THESIS_SPACING
    for n in range(5):
        _justified(c, THESIS_LEFT + 36, y, f"Абзац {n + 1} о свойствах металлополимерных труб в нефтегазовой")
        _justified(c, THESIS_LEFT, y - THESIS_SPACING, "отрасли и об их надёжности.", x1=THESIS_LEFT + 200)
        y -= 2 * THESIS_SPACING
    return y


def test_a_caption_as_wide_as_the_column_ends_where_a_paragraph_takes_the_bodys_indent(tmp_path):
    """bulycheva_vkr's captions: `Рисунок 3.2 – Продольные напряжения … МПа` centred but as wide
    as the column, then the paragraph after it one line below, its first line at the body's
    paragraph indent (1.25 cm, measured over the thesis's paragraphs) and running to the edge:
    the caption ends there. A hanging caption's next line stands under its words instead."""
    path = tmp_path / "wide.pdf"
    c = _canvas(path)
    y = _paragraphs(c)
    c.rect(200, y - 200, 240, 170)
    caption = "Рисунок 1 – Продольные напряжения относительно оси стенки, МПа"
    _justified(c, THESIS_LEFT + 6, y - 225, caption, x1=THESIS_RIGHT - 6)
    _justified(c, THESIS_LEFT + 36, y - 225 - THESIS_SPACING, "Следующим шагом в анализе напряжённого состояния было построение")
    _justified(c, THESIS_LEFT, y - 225 - 2 * THESIS_SPACING, "эпюр изгибных напряжений.", x1=THESIS_LEFT + 180)
    c.save()
    texts = _blocks_text(path)
    assert any(t.endswith("Продольные напряжения относительно оси стенки, МПа") for t in texts), texts
    assert any(t.startswith("Следующим шагом") for t in texts), texts


def test_a_hanging_captions_next_line_stays_in_the_caption(tmp_path):
    """A caption with a hanging indent: its next line starts under its words, past the label,
    not at the body's paragraph indent: it is the caption's."""
    path = tmp_path / "hanging.pdf"
    c = _canvas(path)
    y = _paragraphs(c)
    c.rect(200, y - 200, 240, 170)
    _justified(c, THESIS_LEFT, y - 225, "Рисунок 1 – Продольные напряжения относительно локальной оси стенки")
    _justified(c, THESIS_LEFT + 90, y - 225 - THESIS_SPACING, "трубы при давлении среды, действующем на внутренний слой")
    _text(c, THESIS_LEFT + 90, y - 225 - 2 * THESIS_SPACING, "каркаса", THESIS_SIZE)
    c.save()
    texts = _blocks_text(path)
    assert any(t.endswith("действующем на внутренний слой каркаса") and "Продольные" in t for t in texts), texts


def test_a_caption_at_a_pages_foot_ends_there(tmp_path):
    path = tmp_path / "foot.pdf"
    c = _canvas(path)
    y = _thesis_page(c, 760, paragraph_lines=14)
    c.rect(200, y - 200, 240, 170)
    _centred(c, y - 225, "Рисунок 3 – Эпюра изгибных напряжений, МПа")
    c.showPage()
    _justified(c, THESIS_LEFT + 36, 780, "Так как напряжения краевого эффекта затухают достаточно быстро, то")
    _justified(c, THESIS_LEFT, 780 - THESIS_SPACING, "их вклад мал.", x1=THESIS_LEFT + 90)
    c.save()
    texts = _blocks_text(path)
    assert any(t.endswith("Эпюра изгибных напряжений, МПа") for t in texts)
    assert any(t.startswith("Так как напряжения краевого эффекта") for t in texts)


def test_a_reading_without_pictures_binds_the_same_decoded_picture_with_no_bytes(tmp_path):
    """`check` reads with pictures=False: a picture PDFium decodes (not a JPEG kept as stored) is
    bound to its caption as in the full reading, its PNG not written (nothing shows it)."""
    from io import BytesIO

    from PIL import Image as PILImage
    from reportlab.lib.utils import ImageReader

    plot = BytesIO()
    PILImage.new("RGB", (300, 200), (200, 40, 40)).save(plot, "PNG")
    path = tmp_path / "png.pdf"
    c = _canvas(path)
    _text(c, 71, 790, "A paper with one chart", 16, bold=True)
    c.drawImage(ImageReader(BytesIO(plot.getvalue())), 100, 520, 300, 200)
    _text(c, 100, 505, "Figure 1. A red chart drawn as a picture.", 9)
    for i in range(8):
        _text(c, 71, 480 - 12 * i, "Body text of the results section runs across the page from the left margin to the right.", 10)
    c.save()
    full, bare = (read_document(str(path), pictures=p) for p in (True, False))
    (figure,), (bare_figure,) = ([b for b in d.blocks if isinstance(b, Figure)] for d in (full, bare))
    assert figure.images[0].data.startswith(b"\x89PNG") and bare_figure.images[0].data == b""
    assert dataclasses.replace(figure, images=tuple(dataclasses.replace(i, data=b"") for i in figure.images)) == bare_figure


def test_a_decoded_pictures_png_is_left_unwritten_only_where_identify_surely_takes_it():
    """imagefile.identify refuses a PNG over MAX_BYTES: one that could be (4 bytes a pixel,
    nothing compressed) is written and checked even when no picture is shown."""
    from types import SimpleNamespace

    from exporter.readers.pdf.images import _png_surely_taken

    def bitmap(w, h, mode="BGRA"):
        return SimpleNamespace(width=w, height=h, mode=mode)

    assert _png_surely_taken(bitmap(1000, 800))
    assert _png_surely_taken(bitmap(4000, 4000))  # 64 MB raw: 16 M pixels, under 64 MiB with the overhead
    assert not _png_surely_taken(bitmap(4096, 4096))  # 67.1 M bytes raw: could be over 64 MiB
    assert not _png_surely_taken(bitmap(1000, 800, "BGRx"))  # not a mode PNG writes as read
    assert not _png_surely_taken(bitmap(0, 800))



@pytest.mark.skipif(shutil.which("xelatex") is None, reason="xelatex not installed (the README's setup installs it)")
def test_a_character_past_the_basic_plane_is_kept(tmp_path):
    """PDFium gives a mathematical italic `𝑘` (U+1D458, as unicode-math and Typst set a
    variable) two character indices, its UTF-16 surrogates: the reader had dropped both.
    XeLaTeX writes the character's ToUnicode entry right (reportlab cuts it to 16 bits)."""
    (tmp_path / "math.tex").write_text(
        "\\documentclass{article}\\usepackage{fontspec}\\setmainfont{DejaVu Serif}\\pagestyle{empty}\n"
        "\\begin{document}\nThe Top-𝑘 selection keeps 𝑘 of 𝑛 values and the rest stays as it was.\n\\end{document}\n",
        encoding="utf-8",
    )
    subprocess.run(["xelatex", "-interaction=nonstopmode", "math.tex"], cwd=tmp_path, capture_output=True, check=True, timeout=120)
    words = " ".join(plain_text(b.inlines) for b in read_document(tmp_path / "math.pdf").blocks if isinstance(b, Paragraph))
    assert words == "The Top-𝑘 selection keeps 𝑘 of 𝑛 values and the rest stays as it was."


def test_a_bold_heading_wrapped_onto_a_second_line_is_one_heading(tmp_path):
    """`Обучение сети нечеткого вывода` / `по алгоритму Ванга – Менделя`, both bold: the second
    line had opened the paragraph under the heading."""
    path = tmp_path / "wrapped.pdf"
    c = pdf_canvas(path)
    draw_text(c, 72, 780, "Нечеткие нейронные сети в задачах управления", 16, bold=True)
    draw_text(c, 72, 750, "А. Б. Александров", 11)
    body = "Задача сети состоит в таком отображении пар данных, чтобы ошибка была мала."
    draw_text(c, 72, 700, body, 11)
    draw_text(c, 72, 686, "Алгоритм обратного распространения ошибки применим к ней [1].", 11)
    draw_text(c, 100, 660, "Обучение сети нечеткого вывода", 11, bold=True)
    draw_text(c, 100, 647, "по алгоритму Ванга – Менделя", 11, bold=True)
    draw_text(c, 100, 634, "Задача сети Ванга – Менделя состоит в таком отображении пар", 11)
    draw_text(c, 72, 621, "данных, чтобы ошибка на обучающей выборке была наименьшей [2].", 11)
    draw_text(c, 100, 595, "ЭДС, наводимая постоянными", 11, bold=True)
    draw_text(c, 100, 582, "магнитами вращающегося ротора", 11, bold=True)
    draw_text(c, 100, 569, "в обмотке статора", 11, bold=True)
    draw_text(c, 100, 556, "При вращении ротора в каждом проводнике обмотки наводится ЭДС,", 11)
    draw_text(c, 72, 543, "которая зависит от скорости вращения и потока полюсов ротора [1].", 11)
    draw_text(c, 72, 510, "Список литературы", 11, bold=True)
    draw_text(c, 72, 495, "1. Иванов И. И. Нейронные сети. – М. : Наука, 2010. – 300 с.", 11)
    draw_text(c, 72, 481, "2. Петров П. П. Нечеткая логика. – М. : Наука, 2012. – 200 с.", 11)
    c.save()
    doc = read_document(path)
    headings = [plain_text(b.inlines) for b in doc.blocks if isinstance(b, Heading)]
    assert "Обучение сети нечеткого вывода по алгоритму Ванга – Менделя" in headings
    assert "ЭДС, наводимая постоянными магнитами вращающегося ротора в обмотке статора" in headings  # three lines
    paragraphs = [plain_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph)]
    assert any(p.startswith("Задача сети Ванга – Менделя") for p in paragraphs)


def test_a_notes_short_last_line_on_another_side_stays_in_the_note(tmp_path):
    """A page in one column under two author columns (a gutter is found there): the note's short
    last line (`package.`) kept left of the gutter and had been read as a paragraph of its own,
    parting the page's last paragraph from its end on the next page."""
    path = tmp_path / "jss.pdf"
    c = pdf_canvas(path)
    draw_text(c, 72, 780, "TIMP: An R Package for Modeling Spectroscopic Measurements", 16, bold=True)
    for k, (left, right) in enumerate((("Katharine M. Mullen", "Ivo H. M. van Stokkum"), ("Vrije Universiteit Amsterdam", "Vrije Universiteit Amsterdam"), ("Department of Physics", "Department of Biophysics"))):
        draw_text(c, 72, 740 - 14 * k, left, 11)
        draw_text(c, 320, 740 - 14 * k, right, 11)
    draw_text(c, 72, 690, "Abstract", 11, bold=True)
    draw_text(c, 72, 676, "TIMP is an R package for modeling multiway spectroscopic measurements in many forms.", 10)
    draw_text(c, 72, 662, "Keywords: spectroscopy, separable nonlinear least squares, global analysis.", 10)
    draw_text(c, 72, 640, "1. Introduction", 14, bold=True)
    draw_text(c, 72, 636 - 20, "TIMP", 11, bold=True)
    draw_text(c, 100.5, 620, "1", 7)
    draw_text(c, 110, 616, "is an R package for modeling multiway spectroscopic measurements. It is a", 11)
    draw_text(c, 72, 602, "fully cross-platform environment for fitting a wide range of models to spectroscopy", 11)
    draw_text(c, 72, 588, "data, and it is freely available under the GNU General Public License for all users.", 11)
    draw_text(c, 78, 104, "1", 6)
    draw_text(c, 84, 100, "The name of the package references its origins in the tim collection of FORTRAN", 9)
    draw_text(c, 72, 89, "routines developed over fifteen years to model time-resolved spectroscopy data; TIMP is the tim", 9)
    draw_text(c, 72, 78, "package.", 9)
    c.save()
    doc = read_document(path)
    notes = [n for b in doc.blocks for n in getattr(b, "inlines", ()) if isinstance(n, Footnote)]
    assert len(notes) == 1 and plain_text(notes[0].inlines).endswith("TIMP is the tim package.")
    assert not [b for b in doc.blocks if plain_text(getattr(b, "inlines", ())).strip() == "package."]


def test_a_footnote_under_the_first_page_text_is_no_abstract_and_the_page_is_kept(tmp_path):
    """A preprint with no abstract: title, by-line, date, then the text from `1 Introduction`,
    and a footnote in small type at the page's foot. The footnote had been read as an
    unlabelled abstract (the first small type after the title), and the whole page above it as
    front matter: the first page's text was lost."""
    path = tmp_path / "preprint.pdf"
    c = pdf_canvas(path)
    draw_text(c, 120, 780, "Additive bounds for random walks", 20)
    draw_text(c, 150, 750, "Petrov A.   Smirnov B.   Volkov C.", 14)
    draw_text(c, 220, 730, "November 27, 2021", 12)
    draw_text(c, 50, 690, "1   Introduction", 17, bold=True)
    body = (
        "Drift analysis is a powerful toolbox for the analysis of random processes, first",
        "developed for evolutionary algorithms and since then applied to many other kinds",
        "of processes in computer science, physics and the study of populations over time.",
        "All drift theorems consider a random process which starts with some first value",
        "and aims to reach some target value; the hitting time is the first such moment.",
    )
    for i, line in enumerate(body):
        draw_text(c, 50, 665 - 15 * i, line, 12)
    note = (
        "Some of the drift theorems are formulated for a process which starts at a greater",
        "value and aims to reach a smaller one. However, such results can be inverted by",
        "considering the process taken with the opposite sign, which changes nothing else.",
    )
    draw_text(c, 50, 120, "1", 7)
    for i, line in enumerate(note):
        draw_text(c, 55, 116 - 12 * i, line, 10)
    draw_text(c, 290, 40, "1", 10)
    c.save()
    doc = read_document(str(path))
    assert doc.meta.title_text == "Additive bounds for random walks"
    assert doc.meta.abstract_text is None
    text = " ".join(plain_text(block.inlines) for block in doc.blocks if isinstance(block, (Heading, Paragraph)))
    assert "Drift analysis is a powerful toolbox" in text
    assert "hitting time is the first such moment" in text


def test_a_bold_first_word_on_its_paragraphs_baseline_is_no_heading():
    """JSS opens its introduction with the package's name in bold (`TIMP¹ is an R package …`);
    a gutter the page's other lines show put the bold word in a column of its own, and it was
    read as a heading, its footnote glued to it. A bold word right before the rest of its own
    baseline, which opens in a small letter, is the paragraph's first word."""
    from exporter.readers.pdf.layout import Line
    from exporter.readers.pdf.reader import _wrapped_headings, run_in

    word = Line(page=1, text="TIMP", x0=81, x1=114, y=215, size=10.9, bold=True, side="L", number=27)
    rest = Line(page=1, text="is an R package for modeling multiway spectroscopic measurements.", x0=119, x1=521, y=215, size=10.9, bold=False, number=28)
    below = Line(page=1, text="platform problem-solving environment for fitting models.", x0=81, x1=521, y=202, size=10.9, bold=False, number=29)
    assert run_in(word, rest)
    assert _wrapped_headings([(3, [0]), (None, [1, 2])], [word, rest, below]) == [(None, [0, 1, 2])]
    # a heading above its paragraph, or a column's gap after it, stays a heading
    lower = dataclasses.replace(rest, y=200)
    assert not run_in(word, lower) and _wrapped_headings([(3, [0]), (None, [1, 2])], [word, lower, below]) == [(3, [0]), (None, [1, 2])]
    assert not run_in(word, dataclasses.replace(rest, x0=160))
    assert not run_in(word, dataclasses.replace(rest, text="The package fits models."))


def test_columns_above_and_below_a_title_block_set_across_the_page_are_read_as_columns(tmp_path):
    """A journal's page (unseen aleksandrov_neurofuzzy): the previous paper's list ends in two
    columns, this paper's UDC line and by-line, title, abstract and keywords span the page, and
    its text opens in two columns. The spanning block had stretched the columns' shared height
    over both, so no gutter was found and the text was read across it, line by line (`Введение
    стояние, G – цель…`); read as columns, the UDC's left column came before the right one's list
    entries, whose `PL/SQL` line in capitals then stood under the UDC (the title); and the
    keywords' short last line, keeping left of the gutter under the indented first, was cut off."""
    path = tmp_path / "journal.pdf"
    c = _canvas(path)
    _text(c, 84, 762, "БИБЛИОГРАФИЧЕСКИЙ СПИСОК", 10, bold=True)
    left_list = ["1. Громов Ю.Ю., Татаренко С.И. Программирование", "на языке СИ. Тамбов, 1995. 169 с.", "2. Орешков В.И., Паклин Н.Б. Бизнес-аналитика: от", "данных к знаниям. СПб.: Питер, 2013. 624 с.", "3. Брюс Эккель. Философия Java. СПб. : Питер, 2009."]
    right_list = ["5. Скотт Урман, Рон Хардман, Майкл МакЛафлин.", "Oracle Database 10g. Программирование на языке", "PL/SQL. М., 2007. 792 с.", "6. Коннор МакДональд, Хаим Кац, Бек Кристофер.", "Oracle PL/SQL для профессионалов. СПб., 2005."]
    for k, (a, b) in enumerate(zip(left_list, right_list)):
        _text(c, 50, 736 - 11.5 * k, a, 10)
        _text(c, 305, 736 - 11.5 * k, b, 10)
    _text(c, 51, 620, "УДК 519.711", 9)
    _text(c, 418, 620, "Александров Илья Михайлович,", 9)
    _text(c, 209, 609, "инженер вычислительного центра, Ангарская государственная техническая академия,", 9)
    _text(c, 375, 599, "тел. 8 (904) 129-96-32, e-mail: mozg@agta.ru", 9)
    _text(c, 63, 560, "НЕЙРО-НЕЧЁТКАЯ АДАПТИВНАЯ СИСТЕМА ПОДДЕРЖКИ ПРИНЯТИЯ РЕШЕНИЙ", 11, bold=True)
    _text(c, 196, 547, "В ТЕХНОЛОГИЧЕСКОМ ПРОЦЕССЕ", 11, bold=True)
    abstract = [
        (78, "Аннотация. В статье рассматриваются показатели эффективности технологического процесса, которые можно"),
        (50, "представлять в виде лингвистических переменных и оценивать с помощью термов, что позволяет применять нечеткие си-"),
        (50, "стемы. Предлагается метод автоматизации принятия решения в условиях неопределенности, основанный на применении"),
        (50, "виртуального датчика, построенного на основе нечеткой нейронной продукционной сети. Полученный метод повышает."),
        (78, "Ключевые слова: нейро-нечёткая продукционная сеть, адаптивная система, принятие решения, эффективность тех-"),
        (50, "нологического процесса."),
    ]
    for k, (x, line) in enumerate(abstract):
        _text(c, x, 520 - 10.4 * k, line, 9)
    _text(c, 78, 440, "Введение", 11, bold=True)
    left = ["Один из подходов в развитии действующих", "технологий или разработке новых технологий –", "это из конечного множества имеющихся вариан-", "тов решений найти лучший. Технологии могут", "включать как завершенные, так и незавершенные", "процессы."]
    right = ["Все эти факторы содержат в себе значитель-", "ную долю непредсказуемости. Таким образом, при", "оценке проекта технологии, как правило, имеют", "дело с типичной задачей принятия решений в", "условиях неопределенности, которую решает", "предлагаемый метод."]
    for k, (a, b) in enumerate(zip(left, right)):
        _text(c, 50, 427 - 12.6 * k, a, 11)
        _text(c, 305, 440 - 12.6 * k, b, 11)
    c.save()
    doc = read_document(str(path))
    assert doc.meta.title_text == "НЕЙРО-НЕЧЁТКАЯ АДАПТИВНАЯ СИСТЕМА ПОДДЕРЖКИ ПРИНЯТИЯ РЕШЕНИЙ В ТЕХНОЛОГИЧЕСКОМ ПРОЦЕССЕ"
    assert doc.meta.keywords[-1] == "эффективность технологического процесса"
    texts = _texts(path)
    first = next(t for t in texts if t.startswith("Один из подходов"))
    assert first == "Один из подходов в развитии действующих технологий или разработке новых технологий – это из конечного множества имеющихся вариантов решений найти лучший. Технологии могут включать как завершенные, так и незавершенные процессы."
    assert any(t.startswith("Все эти факторы содержат в себе значительную долю непредсказуемости.") for t in texts)


def test_the_title_is_looked_for_below_the_udc_line_on_the_page():
    """Read in columns, the UDC line in the left column of its band comes before the right
    column's lines above it (the previous paper's list: `PL/SQL. М., 2007. 792 с.`, in
    capitals); the title is under the UDC line on the page, not after it in reading order."""
    from exporter.readers.pdf.layout import Line
    from exporter.readers.pdf.reader import find_title

    lines = [
        Line(1, "1. Громов Ю.Ю., Татаренко С.И. Программирование", 50, 290, 736, 10, False, "L"),
        Line(1, "УДК 519.711", 51, 98, 620, 9, False, "L"),
        Line(1, "Oracle Database 10g. Программирование на языке", 323, 545, 750, 10, False, "R"),
        Line(1, "", 323, 323, 739, 10, False, "R"),
        Line(1, "PL/SQL. М., 2007. 792 с.", 323, 426, 739, 10, False, "R"),
        Line(1, "Александров Илья Михайлович,", 418, 545, 620, 9, False, "R"),
        Line(1, "НЕЙРО-НЕЧЁТКАЯ АДАПТИВНАЯ СИСТЕМА ПОДДЕРЖКИ ПРИНЯТИЯ РЕШЕНИЙ", 63, 532, 518, 11, True, "S"),
        *[Line(1, "Текст статьи в две колонки, набранный обычным шрифтом.", 50, 290, 400 - 12 * k, 11, False, "L") for k in range(12)],
    ]
    assert find_title(lines, 11.0) == [6]


def test_a_headings_second_line_opening_in_a_small_letter_goes_on_the_heading(tmp_path):
    """A bold 17 pt heading wrapped over two lines (unseen certizdat_trusted_ca_report:
    `Министерство цифрового развития, связи и массовых` / `коммуникаций Российской Федерации`)
    whose second line the reader took for a heading of its own, the same level: a heading never
    opens in a small letter, so it is the first one's second line."""
    path = tmp_path / "heading.pdf"
    c = _canvas(path)
    _text(c, 53, 760, "Исследование сертификатов в российском Интернете", 21.6, bold=True)
    _text(c, 53, 700, "Введение", 19.2, bold=True)
    body = ["В данном отчете рассматриваются вопросы информационной безопасности и", "использования цифровых сертификатов в российском сегменте Интернета.", "Анализируется распространённость корневых сертификатов министерства."]
    for k, line in enumerate(body):
        _text(c, 53, 670 - 18 * k, line, 12)
    _text(c, 53, 600, "Министерство цифрового развития, связи и массовых", 17.1, bold=True)
    _text(c, 53, 577.5, "коммуникаций Российской Федерации", 17.1, bold=True)
    more = ["В результате некоторые сайты прибегают к использованию сертификатов,", "выданных министерством связи и массовых коммуникаций Российской Федерации.", "Однако важно отметить, что эти сертификаты помечаются как небезопасные."]
    for k, line in enumerate(more):
        _text(c, 53, 547 - 18 * k, line, 12)
    _text(c, 53, 470, "Описание набора данных", 19.2, bold=True)
    _text(c, 53, 440, "Это исследование основано на обширной базе, включающей 21 698 сайтов.", 12)
    c.save()
    headings = [" ".join(plain_text(b.inlines).split()) for b in read_document(str(path)).blocks if isinstance(b, Heading)]
    assert "Министерство цифрового развития, связи и массовых коммуникаций Российской Федерации" in headings
    assert not any(h.startswith("коммуникаций") for h in headings)


def test_runs_touching_across_a_gutter_are_one_line_and_a_column_starts_flush():
    """A by-line centred over two columns (unseen abed_palm_vein_arxiv), parted by the producer
    where the gutter runs (`… Ali H. Alsaeedi1` | `, Ali D. Alfoudi1,2, …`), is one line across
    it: read as two columns it lost three of five authors. Two columns' lines on one baseline
    stand a gutter apart and stay in their columns. And the gutter the spanning blocks no longer
    hide must part columns whose lines start flush, not a page's formula pieces."""
    from exporter.readers.pdf.layout import _across_gutter, _flush, _fragment

    def run(text: str, x0: float, x1: float, y: float, size: float = 11) -> object:
        step = (x1 - x0) / len(text)
        return _fragment([(ch, x0 + k * step, x0 + (k + 1) * step, y, size, False, False, 0) for k, ch in enumerate(text)])

    by_line = [run("Mohammed Hamzah Abed1", 93, 223, 636.5), run(", Ali H. Alsaeedi1", 224, 303, 636.5), run(", Ali D. Alfoudi1,2, Abayomi M. Otebolaku3", 303, 503, 636.5)]
    columns = [run("The unprecedented growth of biometric-based identity", 57, 288, 327.8), run("the proposed model reads the vein patterns of", 300, 531, 327.8)]
    assert _across_gutter(by_line + columns, [300.0]) == {id(f) for f in by_line}
    info = [run("Corrosion monitoring", 144, 199, 601.0, 6.4), run("speed at which it can be determined is directly", 203, 463, 600.5, 7.2)]
    assert _across_gutter(info, [229.0]) == set()  # an article-info column 4 pt from the abstract, in smaller type
    blocks = [run("School of Engineering and Computing", 160, 310, 728, 9.5), run("School of Engineering and Computing", 285, 435, 728, 9.5)]
    assert _across_gutter(blocks, [300.0]) == set()  # author blocks whose lines run over one another
    assert _flush([run("a column line of text here", x, 290, y) for x, y in ((50, 700), (50, 688), (68, 676), (50, 664))])
    assert not _flush([run("xk+1 − xk k − 1 pieces", x, x + 80, y, 7) for x, y in ((204, 632), (345, 634), (219, 626), (227, 620))])


def test_accents_drawn_apart_from_their_words_are_composed_in_place():
    """TeX draws `\\'e` as a spacing accent and the letter, kerned back: PDFium gives the accent
    a run of its own, or the word's end, and marks a word gap before the letter (unseen
    chayka_kautham: `Alexander P érez`, `N éstor Garc ´ıa`, `Polit ècnica`; the by-line's names
    were broken). The accent is set before the letter whose box holds its middle, the word's
    runs join, and an accented dotless `ı` is an `í`."""
    from exporter.readers.pdf.layout import _fragment, _make_line

    def chars(text: str, x: float, spaced_first: bool = False) -> list:
        return [(ch, x + 5 * k, x + 5 * (k + 1), 672.5, 10.7, False, spaced_first and k == 0, 0) for k, ch in enumerate(text)]

    words = _fragment(chars("Alexander P", 100))
    rest = _fragment(chars("erez and N", 155, spaced_first=True))
    accent = _fragment([("´", 156.0, 158.5, 672.5, 10.7, False, True, 0)])
    ending = _fragment(chars("estor Garc", 205, spaced_first=True))
    accent2 = _fragment([("´", 206.0, 208.5, 672.5, 10.7, False, True, 0)])
    last = _fragment([("´", 255.5, 257.9, 672.5, 10.7, False, True, 0)] + chars("ıa", 255))
    line = _make_line(1, "S", [words, rest, accent, ending, accent2, last])
    assert line.text == "Alexander Pérez and Néstor García"
