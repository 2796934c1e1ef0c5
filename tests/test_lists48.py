"""List and entry conventions read from batches 31's and 32's misses (bench/UNSEEN_LISTS.md), each
tested on invented entries or papers of the same forms (no line of the batches' papers)."""

from __future__ import annotations

from exporter.pipeline import read_and_link
from exporter.references.fields import parse_entry


def _fields(text: str) -> dict[str, str]:
    return {name: value for name, value, _, _ in parse_entry(text).fields}


def _read(tmp_path, lines: list[str]):
    path = tmp_path / "paper.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_and_link(str(path)).document


def test_entry_numbers_set_apart_in_a_column_of_their_own(tmp_path):
    """pdftotext's text of a two-column IEEE list: the numbers in pieces of a column apart, out of
    order, the other column's prose among them, then the entries' texts: one entry per opening."""
    lines = [
        "Counting Invented Bridges",
        "",
        "Bridges were counted before [1], [2], [3], [4], [5], [6], [7].",
        "",
        "REFERENCES",
        "[2]",
        "",
        "[3]",
        "[5]",
        "",
        "The span model has the lowest scores of all the",
        "other models and the only one that did not reach",
        "perfect scores when it was trained on the whole set.",
        "It is still able to count the bridges of the town.",
        "",
        "[1]",
        "",
        "[4]",
        "",
        "A. B. Holm et al., ‘Invented bridge statistics, 2020’, Journal of",
        "invented bridges, vol. 12, no. 6, pp. 524–541, 2020.",
        "C. D. Crane, E. Stone, and F. Vale, ‘Various spans of invented",
        "bridges: an overview’, Bridge Review, vol. 1, no. 2, pp. 109–126, 2010.",
        "G. Moss, ‘Bridges of the river’, Rivers, vol. 5, pp. 2–3, 2003.",
        "",
        "[6]",
        "[7]",
        "",
        "H. Lund, ‘Early counting of spans’, Spans, vol. 17, no. 7, p. 1572, 2017.",
        "I. J. Park, K. Reed, and L. Tull, ‘Counting with invented",
        "machines’, Designs, vol. 2, no. 2, p. 13, 2018.",
        "M. Dale, ‘A data set of invented bridges’, Data, vol. 57, p. 111029, 2024.",
        "N. Fox and O. Berg, ‘Bridge type counting’, Bridges, vol. 11, no. 2, pp. 1–9, 2021.",
    ]
    document = _read(tmp_path, lines)
    refs = document.references
    assert [e.text.split(",")[0] for e in refs] == ["A. B. Holm et al.", "C. D. Crane", "G. Moss", "H. Lund", "I. J. Park", "M. Dale", "N. Fox and O. Berg"]
    assert [e.number for e in refs] == [1, 2, 3, 4, 5, 6, 7]
    assert "The span model has the lowest scores" in str(document.blocks)  # the prose goes back to the body


def test_a_drawing_frames_stamp_inside_the_list_is_no_part_of_it(tmp_path):
    """A Russian coursework in a GOST 2.104 frame: pdftotext prints the stamp's words (`Лист`,
    `Изм. Лист`, `№ докум.`, `Подпись Дата`) and the sheet's number at each page's foot, here
    inside the list: they are the page's furniture, the entries after them the list's."""
    stamp = ["", "Лист", "Изм. Лист", "", "№ докум.", "", "Подпись Дата", ""]
    lines = [
        "Подсчёт вымышленных мостов",
        "",
        "Введение",
        "Мосты считали и раньше [1, 2, 3, 4].",
        *stamp, "1",
        "\fОсновная часть",
        "Мосты считали по рекам [3].",
        *stamp, "2",
        "\fСписок использованных источников",
        "1 Подсчёт мостов. - [Электронный ресурс]. - Режим доступа: https://bridges.example.org/count",
        "(дата обращения: 15.12.2023)",
        "2 Мосты и реки. - [Электронный ресурс]. - Режим доступа: https://rivers.example.org/ (дата обращения: 14.12.2023)",
        *stamp, "3",
        "\f3 Документация мостов (официальный сайт). - [Электронный ресурс]. Режим доступа: https://docs.example.org/ (дата обращения: 16.12.2023)",
        "4 Мостов Д. Безупречные мосты: идеи и практики. Санкт-Петербург: Вымысел, 2015.",
        *stamp, "4",
    ]
    document = _read(tmp_path, lines)
    assert [e.text.split(" ")[0] for e in document.references] == ["Подсчёт", "Мосты", "Документация", "Мостов"]
    assert not any("Лист" in e.text or "докум" in e.text for e in document.references)


def test_a_family_name_after_its_particle_closes_the_names():
    """Chicago's `…, and Olivier Le Pape. “Title.”`: the name runs to its full stop, no word of it in the title."""
    f = _fields("Holm, Anna, Boris Crane, Dana Stone, and Olivier Le Pape. “Counting Invented Bridges of the River.” "
                "Bridge Letters 13, no. 4 (2010): 495–505.")
    assert f["title"] == "Counting Invented Bridges of the River"
    assert f["author"].split(" and ")[-1] == "Pape, Olivier Le"  # (the name normaliser keeps a particle with the given names)


def test_a_doi_prefix_is_no_page():
    """`vol. 11, Issue 2, 10.3990, jbr11020061, 2021.`: the DOI's prefix `10.3990` is read as no pages."""
    f = _fields("A. Holm and B. Crane, ‘Counting bridges with machines’, J. Bridge Res., vol. 11, Issue 2, 10.3990, jbr11020061, 2021.")
    assert "pages" not in f
    assert (f["volume"], f["year"]) == ("11", "2021")


def test_a_chapter_whose_book_and_editors_stand_inside_the_quoted_title():
    """Zotero's Chicago chapter: `“Chapter. In: Book Edited by Names,” 483–523, 2006.`"""
    f = _fields("Holm, Anna, and Boris Crane. “Spans. In: The Bridges of Invented Towns: Rivers and Adjacent Waters "
                "Edited by Dana G. Stone, Erik H. Vale,” 483–523, 2006.")
    assert f["title"] == "Spans"
    assert f["booktitle"] == "The Bridges of Invented Towns: Rivers and Adjacent Waters"
    assert f["editor"] == "Stone, Dana G. and Vale, Erik H."
    assert (f["pages"], f["year"]) == ("483–523", "2006")


def test_a_journal_with_its_place_in_brackets():
    """PubMed's journal names with a place: `Science (New York, N.Y.) 321`, `Healthcare (Basel, Switzerland). 2021;9(4)`."""
    f = _fields("Holm, Anna, and Boris Crane. “Spreading Dead Spans and Consequences for Invented Rivers.” "
                "Bridges (New York, N.Y.) 321 (September 1, 2008): 926–29.")
    assert (f.get("journal") or f.get("booktitle")) == "Bridges (New York, N.Y.)"
    assert "address" not in f
    f = _fields("Holm A, Crane B. Counting bridges in invented towns. Bridgecare (Basel, Switzerland). 2021;9(4):412.")
    assert f["journal"] == "Bridgecare (Basel, Switzerland)"
    assert "address" not in f
    f = _fields("Holm, M. C., & Crane, D. R. (2021). What Bridges Have to Do with It: Understanding and Reducing Floods in Towns "
                "of Color. Bridgecare (Basel, Switzerland), 9(6), 673.")
    assert (f["journal"], f["volume"]) == ("Bridgecare (Basel, Switzerland)", "9")
    f = _fields("A. Holm. Counting the spans of invented bridges. Bridge Meeting '91 (Osaka, Japan), 1991.")
    assert "(" not in (f.get("journal") or f.get("booktitle") or "")  # a conference's place before its year stays apart


def test_a_publisher_with_no_place_is_no_place():
    """GOST's `– O'Reilly Media, 2004.`: a publisher's own word (`Media`, `Press`) says it is the publisher."""
    f = _fields("Dale K. Bridges / K.Dale. – O'Brien Media, 2004. – 336p.")
    assert f["publisher"] == "O'Brien Media"
    assert "address" not in f


def test_a_body_before_a_gost_web_pages_title():
    """`Body. Title. — 2025. Ссылка: URL` with no person named: the body is the author, the sentence
    after it the title (its first words were read as a name, or the body kept in the title)."""
    f = _fields("Мостострой Практикум. Курс «Мостостроитель». — 2025. Ссылка: https://practicum.example.ru/bridges/")
    assert (f["author"], f["title"]) == ("{Мостострой Практикум}", "Курс «Мостостроитель»")
    f = _fields("B3Bridges. HTML, CSS, JavaScript Bridges. — 2025. Ссылка: https://www.b3bridges.example.com/")
    assert (f["author"], f["title"]) == ("{B3Bridges}", "HTML, CSS, JavaScript Bridges")
    f = _fields("Invented Bridge Network (IBN). Bridge technology for towns (HTML, CSS, JavaScript). — 2025. Ссылка: https://ibn.example.org/ru/docs/Web")
    assert f["title"] == "Bridge technology for towns (HTML, CSS, JavaScript)"
    assert "journal" not in f
    f = _fields("Иван Мостов. Заметки о мостах. — 2025. Ссылка: https://bridges.example.com/")
    assert f["author"] == "Мостов, Иван"  # a person's name (a given name first): read as the tagger reads it


# From batch 33's misses, read after its first run was kept (f03281b).


def test_a_reference_managers_item_type_after_the_title_is_no_part_of_any_field():
    """Zotero's Chicago author-date with the item's type shown: `“Title.” Journal Article. Journal 48 (2): 517–45.`"""
    f = _fields("Holm, Anna B., and Boris Crane. 2020. “Counting Invented Bridges.” Journal Article. Bridge Studies Journal 48 (2): 517–45. "
                "https://doi.org/10.1111/bsj.12357.")
    assert (f["title"], f["journal"], f["volume"], f["pages"]) == ("Counting Invented Bridges", "Bridge Studies Journal", "48", "517–45")
    f = _fields("Holm, Anna B. 2008. “Representing and Measuring Bridges.” Book Section. In Invented Bridge Networks, 20–53. "
                "Invented University Press. https://doi.org/10.2307/j.ctvcm.5.")
    assert (f["title"], f["booktitle"]) == ("Representing and Measuring Bridges", "Invented Bridge Networks")


def test_a_body_before_a_web_pages_title_and_its_medium():
    """`Body. Title [Электронный ресурс]. — URL: …`: the body the author, the sentence after it the title."""
    f = _fields("The Bridge Authors. Bridge Documentation: spans, rivers, towns [Электронный ресурс]. — URL: https://bridge.example.dev/doc/")
    assert (f["author"], f["title"]) == ("{The Bridge Authors}", "Bridge Documentation: spans, rivers, towns")


def test_a_translation_statement_is_no_publisher():
    """`Title: Пер. с англ.— М.: Мир, 1986.`: the publisher is the imprint's, the title ends before the statement."""
    f = _fields("Мостов М. Мосты в электронных приборах и системах: Пер. с англ.— М.: Вымысел, 1986. — 399 с.")
    assert (f["title"], f["publisher"]) == ("Мосты в электронных приборах и системах", "Вымысел")
    f = _fields("Мостов Г. Методы подсчёта мостов в городах. — Пер. с англ. М.: Вымысел, 1979. — 318 с.")
    assert f["publisher"] == "Вымысел"


def test_no_date_is_no_part_of_the_title():
    """Cite Them Right's `Family, I. (no date) Title. Available at: URL (Accessed: …).`"""
    f = _fields("Holm, A., Crane, B. and Stone, D. (no date) Counting bridges in an invented domain. "
                "Available at: https://bridges.example.org/document?id=12 (Accessed: 31 August 2023).")
    assert f["title"] == "Counting bridges in an invented domain"


def test_a_volume_range_after_its_mark_is_no_page_range():
    """`— энциклопедия …, Том 3-4 – Москва, 2006.`: the range after `Том` is the volumes."""
    f = _fields("Мостов Б.Е., Речной П.Н. Технология подсчёта мостов. — энциклопедия мостостроения, Том 3-4 – Москва, 2006.")
    assert f.get("volume") == "3-4" and "pages" not in f


def test_a_title_of_sentences_before_its_medium_has_no_body_author():
    """`Word. Sentence. Sentence [Электронный ресурс]. — Режим доступа:` is a title of three sentences (batch 10's form)."""
    f = _fields("BridgeServer4. Основные понятия. OpenBridge Connect, Span 2.0 и JWT [Электронный ресурс]. — Режим доступа: https://bridges.example.com/ru/post/489354")
    assert "author" not in f
    assert f["title"].startswith("BridgeServer4. Основные понятия")
