"""Conventions read from batch 36's misses (bench/UNSEEN_LISTS.md), each tested on invented entries
or papers of the same forms (no line of the batch's papers)."""

from __future__ import annotations

import docx

from exporter.pipeline import read_and_link
from exporter.references.fields import parse_entry
from exporter.references.ownlist import is_reference_heading


def _fields(text: str) -> dict[str, str]:
    return {name: value for name, value, _, _ in parse_entry(text).fields}


def test_heading_naming_the_page_of_the_list(tmp_path):
    """Students title the list's page `Works Cited Page` or `References Page` (MLA's and APA's
    guides call it so): the list's heading, in a Word paper as in text; `Page` alone is none."""
    for heading in ("Works Cited Page", "References Page", "Reference Page", "Bibliography Page", "WORKS CITED PAGE"):
        assert is_reference_heading(heading), heading
    assert not is_reference_heading("Page")
    assert not is_reference_heading("Title Page")
    document = docx.Document()
    document.add_paragraph("Why river bridges are counted")
    document.add_paragraph("Bridges are counted twice a year (Holm, 2019; Krill, 2020).")
    document.add_paragraph("Works Cited Page")
    document.add_paragraph("Holm, A. (2019, May 3). Counting the bridges of a river. Retrieved June 01, 2021, from https://bridges.example/count")
    document.add_paragraph("Krill, B., & Stone, C. (2020, July 9). Why we count bridges. Retrieved June 01, 2021, from https://bridges.example/why")
    path = tmp_path / "paper.docx"
    document.save(path)
    refs = read_and_link(str(path)).document.references
    assert [e.text.split(",")[0] for e in refs] == ["Holm", "Krill"]


def test_site_named_after_the_slash_with_its_designation():
    """GOST 7.0.100's web page whose site follows the statement's slash, with no `//`
    (`Title / Habr [сайт]. – URL: …`): the site is the container, the title ends at the slash; a
    name read across the slash is none, a heading's name before the title stays; software's
    `: программный продукт` is the kind of work."""
    cases = {
        "Мосты над реками, их счёт и виды / Хабр [сайт]. – URL: https://habr.example/post/1/ (дата обращения: 22.04.2020).": ("Мосты над реками, их счёт и виды", "Хабр", None),
        "Bridge Counter : программный продукт / Google Play [сайт]. – URL: https://play.example/bridge (дата обращения: 13.04.2020).": ("Bridge Counter", "Google Play", None),
        "Обзор мостов / перевод Г. Холмова ; Bridgesmile [сайт]. – URL: https://bridges.example/421/ (дата обращения: 22.04.2020).": ("Обзор мостов", "Bridgesmile", None),
        "Холмов, Н. Мосты и реки / Н. Холмов ; Речной блог [сайт]. – URL: https://river.example/bridges (дата обращения: 13.04.2020).": ("Мосты и реки", "Речной блог", "Холмов, Н."),
        "Counting bridges [Электронный ресурс] / Bridges [сайт]. – URL: https://b.example/ (дата обращения: 21.04.2020).": ("Counting bridges", "Bridges", None),
    }
    for text, (title, site, author) in cases.items():
        fields = _fields(text)
        assert (fields.get("title"), fields.get("journal"), fields.get("author")) == (title, site, author), text
    assert _fields("Bridge Counter : программный продукт / Google Play [сайт]. – URL: https://play.example/bridge")["type"] == "программный продукт"


def test_host_after_the_double_slash_is_never_a_series():
    """What follows GOST's `//` is the host document (the method's container): `// Lecture Notes in
    … Science. – 2014. – Vol. 15.` read as a series is the journal."""
    fields = _fields("Holm, A. Counting bridges / A. Holm // Lecture Notes in River Science. – 2014. – Vol. 15. – P. 1593-1623.")
    assert fields.get("journal") == "Lecture Notes in River Science"
    assert "series" not in fields


def test_title_run_into_the_heading_across_the_statements_slash():
    """`Family, I. I. Title / I. I. Family – Place: Publisher, 2013` (no full stop before the
    area's dash) read as one run of names across the slash: the heading's name and initials are
    the author, the words before the slash the title, where the statement repeats the name."""
    for text, author, title in (
        ("Holm, R. Statistical Bridges / R. Holm – Florida, United States: Chapman and Hall/River Press, 2018 – 612 p.", "Holm, R.", "Statistical Bridges"),
        ("Холмов, А. Б. Мосты / А. Б. Холмов – Москва: Мир, 2013 – 214 с.", "Холмов, А. Б.", "Мосты"),
        ("Moore, A. B. Think Rivers / A. B. Moore – Massachusetts, United States: River Media, 2013 – 214 p.", "Moore, A. B.", "Think Rivers"),
    ):
        fields = _fields(text)
        assert (fields.get("author"), fields.get("title")) == (author, title), text
        assert "journal" not in fields, text


def test_publisher_after_a_place_with_its_region():
    """`– Massachusetts, United States: River Press, 2006`: with the place and its country read as
    the place, the name after the colon is the publisher (not a name of the statement before the
    dash, nor none)."""
    for text in (
        "Holm, A. B. Think Bridges / A. B. Holm – Massachusetts, United States: River Press, 2013 – 214 p.",
        "Holm, A. B. Gaussian Bridges for River Learning / A. B. Holm, C. K. I. Krill – Massachusetts, United States: River Press, 2006 – 216 p.",
    ):
        fields = _fields(text)
        assert (fields.get("address"), fields.get("publisher")) == ("Massachusetts, United States", "River Press"), text


def test_place_alone_before_the_year_is_no_publisher():
    """GOST's imprint with a place and no publisher (`– Пермь, 2017.`): the city is the place."""
    for text in ("Холмов А.И. Счёт мостов по рекам. – Пермь, 2017. – 185 с.",):
        fields = _fields(text)
        assert fields.get("address") == "Пермь" and "publisher" not in fields, text


def test_latin_word_sentence_opening_a_russian_title():
    """`Холмов А. Java. Мосты и реки.`: a Latin word with no initial after a Russian heading's last
    initial opens the title (it had been read as a name, or lost between the names and the title)."""
    for text, author in (
        ("Холмов А. Java. Мосты и реки. – М.: Мир, 2018. – 359 с.", "Холмов, А."),
        ("Бенджамин Э., Мартин В. Java. Новое поколение мостов. – СПб.: Питер, 2013. – 560 с.", "Бенджамин, Э. and Мартин, В."),
    ):
        fields = _fields(text)
        assert fields.get("author") == author, text
        assert fields.get("title", "").startswith("Java. "), text


def test_host_ends_before_its_glued_statement_of_responsibility():
    """`// Host : материалы … конф. студентов./Рязан.гос.ун-т. – Рязань, 2017.` (the host's slash
    with its spaces left out): the host ends at the full stop before the slash."""
    fields = _fields("Холмов А.И. Счёт мостов по рекам // Мосты и реки – МОСТ-2017: материалы XXII Всероссийск. научн.-техн. конф. студентов./Речн.гос.мост.ун-т. – Рязань, 2017. – С. 184-185.")
    assert fields.get("booktitle", fields.get("journal")) == "Мосты и реки – МОСТ-2017: материалы XXII Всероссийск. научн.-техн. конф. студентов"


def test_family_name_in_the_statement_is_no_host():
    """`Title [Текст]: учебное пособие /А.Б. Холмов – М.: Мост, 2014.`: with no `//`, a family name
    of the statement of responsibility read as the host is none."""
    fields = _fields("А.Б. Холмов Счёт мостов [Текст]: учебное пособие /А.Б. Холмов – М.: Мост, 2014. – 656 с.")
    assert "journal" not in fields and "booktitle" not in fields
    assert fields.get("publisher") == "Мост"


def test_apa_role_after_the_names():
    """APA's `Family, I. (Director). (1975). Title. URL`: the role in brackets names no one, the
    author is the name before it, and the words after the date are the title."""
    fields = _fields("Holmè, O. (Director). (1975). Riva. https://www.video.example/watch?v=6lSDNffyznY")
    assert fields.get("author") == "Holmè, O."
    assert fields.get("title") == "Riva"
    assert _fields("Holm, O. (Producer). (1975). The river bridges. https://www.video.example/watch?v=1").get("author") == "Holm, O."
