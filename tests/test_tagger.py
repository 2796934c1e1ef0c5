"""The trained reference tagger on the forms the rule parser failed (issue 16). Every entry here was
written for this test (invented people, titles and journals in each style's form), so none is
in the training data; the expected values are read off the strings by eye."""

from __future__ import annotations

import json

import pytest

from exporter.model import Entry, Span
from exporter.references import checks
from exporter.references.fields import family_names, parse_entry
from exporter.references.tagger import features as tagger_features
from exporter.references.tagger import gazetteer
from exporter.references.tagger.features import tokenize
from exporter.references.tagger.normalise import marks_host_item, names
from tests.helpers import entry_fields as fields, run_cli


def test_given_family_names():
    f = fields("Marta Kowalczyk and Henrik Solberg. Adaptive meshing for coastal flood models. Ocean Modelling, 41(2):55–71, 2014.")
    assert family_names(f["author"]) == ["Kowalczyk", "Solberg"]
    assert f["title"] == "Adaptive meshing for coastal flood models"
    assert (f["journal"], f["volume"], f["number"], f["pages"], f["year"]) == ("Ocean Modelling", "41", "2", "55–71", "2014")


def test_all_capitals_family_names():
    f = fields("KOWALCZYK, Marta; SOLBERG, Henrik. Adaptive meshing for coastal flood models. Ocean Modelling. 2014. Vol. 41, no. 2, p. 55–71.")
    assert family_names(f["author"]) == ["Kowalczyk", "Solberg"]
    assert (f["title"], f["journal"], f["year"], f["volume"], f["pages"]) == ("Adaptive meshing for coastal flood models", "Ocean Modelling", "2014", "41", "55–71")
    f = fields("KOWALCZYK, M.; SOLBERG, H. Adaptive meshing for coastal flood models. Ocean Modelling, v. 41, n. 2, p. 55-71, 2014.")
    assert family_names(f["author"]) == ["Kowalczyk", "Solberg"]
    assert (f["title"], f["journal"], f["year"], f["pages"]) == ("Adaptive meshing for coastal flood models", "Ocean Modelling", "2014", "55-71")


def test_year_after_the_authors_without_brackets():
    f = fields("Tamm, R. 2003. Grazing pressure and shrub encroachment in dry steppe. Journal of Arid Environments 54: 211–229.")
    assert family_names(f["author"]) == ["Tamm"]
    assert f["year"] == "2003"
    assert f["title"] == "Grazing pressure and shrub encroachment in dry steppe"
    assert (f["journal"], f["volume"], f["pages"]) == ("Journal of Arid Environments", "54", "211–229")


def test_same_author_dash_is_not_a_title_or_a_name():
    f = fields("———. 2005. Seed banks of dry steppe shrubs. Journal of Arid Environments 61: 12–30.")
    assert f["title"] == "Seed banks of dry steppe shrubs"
    assert f["year"] == "2005"
    assert "author" not in f  # the dash repeats the previous entry's names; it names nobody itself


def test_acm_initials_first_keeps_the_last_author():
    f = fields("P. Novak, T. Lindqvist, and E. Moreau. Incremental parsing of layered grammars. In Proceedings of the Workshop on Parsing Technologies, pages 101–112, 2011.")
    assert family_names(f["author"]) == ["Novak", "Lindqvist", "Moreau"]
    assert f["title"] == "Incremental parsing of layered grammars"
    assert f["pages"] == "101–112" and f["year"] == "2011"
    assert "Workshop on Parsing Technologies" in f["booktitle"]


def test_apa_journal_volume_issue_pages():
    f = fields("Ortega, L., & Baumann, K. (2016). Teacher feedback in online writing courses. Computers and Composition, 13(2), 137-172.")
    assert family_names(f["author"]) == ["Ortega", "Baumann"]
    assert (f["journal"], f["volume"], f["number"], f["pages"], f["year"]) == ("Computers and Composition", "13", "2", "137-172", "2016")


def test_physics_journal_volume_pages_year_in_brackets():
    f = fields("H. Lindgren, Stability of layered plates, Int. J. Solids Struct. 12, 1-21 (1995).")
    assert family_names(f["author"]) == ["Lindgren"]
    assert (f["title"], f["volume"], f["pages"], f["year"]) == ("Stability of layered plates", "12", "1-21", "1995")
    assert f["journal"] == "Int. J. Solids Struct."


def test_chicago_volume_year_colon_pages():
    f = fields("Whitfield, Anne. “Grain Markets on the Volga.” Slavic Review 12 (1990): 161–73.")
    assert family_names(f["author"]) == ["Whitfield"]
    assert (f["title"], f["journal"], f["volume"], f["year"], f["pages"]) == ("Grain Markets on the Volga", "Slavic Review", "12", "1990", "161–73")


def test_vancouver_year_volume_issue_pages():
    f = fields("Okafor CN, Brandt LM. Sleep duration and glucose control in older adults. Diabetes Res Clin Pract. 2009;108(2):508-12.")
    assert family_names(f["author"]) == ["Okafor", "Brandt"]
    assert (f["year"], f["volume"], f["number"], f["pages"]) == ("2009", "108", "2", "508-12")
    assert f["journal"] == "Diabetes Res Clin Pract"


@pytest.mark.parametrize(
    "text, address, publisher, year",
    [
        ("Halvorsen, T. (2012). Fjord ecology and management. Bergen: Nordic Academic Press.", "Bergen", "Nordic Academic Press", "2012"),
        ("K. Ando, Principles of Signal Coding. Tokyo: Kaiseisha, 2004.", "Tokyo", "Kaiseisha", "2004"),
    ],
)
def test_place_colon_publisher(text, address, publisher, year):
    f = fields(text)
    assert (f["address"], f["publisher"], f["year"]) == (address, publisher, year)


def test_gost_article_and_book_in_russian_and_kazakh():
    f = fields("Сидоренко А. В., Ахметова Г. С. Оценка устойчивости ветровых установок // Энергетика Казахстана. – 2018. – Т. 7, № 3. – С. 41–48.")
    assert family_names(f["author"]) == ["Сидоренко", "Ахметова"]
    assert (f["title"], f["journal"], f["year"], f["volume"], f["number"], f["pages"]) == (
        "Оценка устойчивости ветровых установок", "Энергетика Казахстана", "2018", "7", "3", "41–48")
    f = fields("Жұмабаев Е. Қ. Дала экологиясы: оқу құралы. – Алматы : Ғылым, 2011. – 312 б.")
    assert (f["address"], f["publisher"], f["year"], f["pagetotal"]) == ("Алматы", "Ғылым", "2011", "312")
    assert f["title"].startswith("Дала экологиясы")


def test_tokens_cut_glued_numbers_but_not_addresses():
    text = "2009;108(2):508-12. doi:10.1000/ab(12)3 https://x.org/a;b"
    assert [text[s:e] for s, e in tokenize(text)] == ["2009;", "108", "(2):", "508-12.", "doi:10.1000/ab(12)3", "https://x.org/a;b"]


@pytest.mark.parametrize(
    "text, tokens",
    [
        # PDF text glues a closing quote, a bracket or a full stop to the next element
        ('C.-K. Chiu, "Classification of topological quantum matter with sym -metries,"Rev. Mod. Phys.',
         ["C.-K.", "Chiu,", '"Classification', "of", "topological", "quantum", "matter", "with", "sym", '-metries,"', "Rev.", "Mod.", "Phys."]),
        ('Maldacena,"The large N limit"', ["Maldacena,", '"The', "large", "N", "limit\""]),
        ("Phys. Rev. D78 (2008)045013", ["Phys.", "Rev.", "D", "78", "(2008)", "045013"]),
        ("Fermi arcs.Science 349 ,613", ["Fermi", "arcs.", "Science", "349", ",", "613"]),
        ("Nucl .Phys .B121 Acta6 Lett.114", ["Nucl", ".", "Phys", ".", "B", "121", "Acta", "6", "Lett.", "114"]),
        ("Т. 7, № 3. – С.41–48.", ["Т.", "7,", "№", "3.", "–", "С.", "41–48."]),
        # initials, page ranges with letters, article numbers and addresses stay whole
        ("J.-L. Koszul, S.-Y. Xu L599-L609 e0168583 https ://cds.cern.ch/record/545834.",
         ["J.-L.", "Koszul,", "S.-Y.", "Xu", "L599-L609", "e0168583", "https", "://cds.cern.ch/record/545834."]),
    ],
)
def test_tokens_cut_where_pdf_text_glued_two_elements(text, tokens):
    spans = tokenize(text)
    assert [text[s:e] for s, e in spans] == tokens
    assert "".join(text[s:e] for s, e in spans) == "".join(text.split())  # nothing lost, nothing doubled


def test_a_title_glued_to_its_journal_by_a_quote_is_read_apart():
    f = fields('C.-K. Chiu, J. C. Y. Teo, A. P. Schnyder, and S. Ryu, "Classification of topological quantum matter with symmetries,"Rev. Mod. Phys., vol. 88, p. 035005, Aug 2016.')
    assert f["title"] == "Classification of topological quantum matter with symmetries"
    assert f["journal"] == "Rev. Mod. Phys."
    assert (f["volume"], f["pages"], f["year"]) == ("88", "035005", "2016")


@pytest.mark.parametrize(
    "segment, expected",
    [
        ("Smith, J. A., & Lee, K.", "Smith, J. A. and Lee, K."),
        ("J. A. Smith and K. Lee", "Smith, J. A. and Lee, K."),
        ("Smith JA, Lee K", "Smith, JA and Lee, K"),
        ("Иванов И. И., Петров П. П. [и др.]", "Иванов, И. И. and Петров, П. П. and others"),
        ("Nash, Alex, Sven Koenig, and Craig Tovey", "Nash, Alex and Koenig, Sven and Tovey, Craig"),
        ("———.", None),
        # names without commas between them (Vancouver without its commas)
        ("Wen SM Tao J Qiu XJ.", "Wen, SM and Tao, J and Qiu, XJ"),
        # a hyphenated pair of initials stays one
        ("Baek I.-W. et al.", "Baek, I.-W and others"),
        # the family name in capitals before a given name (French, ISO 690)
        ("MARCHAL Jean-Baptiste", "Marchal, Jean-Baptiste"),
        # an inverted name whose given name ends with a bare initial
        ("Storr, Jacob D and Rupert Tiller", "Storr, Jacob D and Tiller, Rupert"),
        # ACM's capitals `AND` after a comma
        ("GARLAND, D., AND KINNEAR, D.", "Garland, D. and Kinnear, D."),
    ],
)
def test_name_normaliser(segment, expected):
    assert names(segment) == expected


def _entry(confidence: dict[str, float], **values) -> checks.Checked:
    entry = Entry(key="1", number=1, span=Span(1, 1, 1, 1), entry_type="article", fields=tuple(values.items()), text="…", form="gost", field_confidence=tuple(confidence.items()))
    return checks.Checked(entry, dict(values), "refs.txt")


def test_ref010_fires_only_when_the_reading_is_confident():
    values = {"author": "Иванов, И.", "title": "Статья", "journal": "Вестник", "year": "2010"}
    sure = _entry({"author": 0.99, "title": 0.98, "journal": 0.97, "year": 0.99, "pages": 0.96}, **values)
    assert [d.code for d in checks.check_required_fields(sure)] == ["REF010"]
    unsure_pages = _entry({"author": 0.99, "title": 0.98, "journal": 0.97, "year": 0.99, "pages": 0.6}, **values)
    assert checks.check_required_fields(unsure_pages) == []
    unsure_journal = _entry({"author": 0.99, "title": 0.98, "journal": 0.55, "year": 0.99, "pages": 0.96}, **values)
    assert checks.check_required_fields(unsure_journal) == []


def test_ref010_on_a_confidently_read_article_without_pages():
    text = "Сидоренко А. В. Оценка устойчивости ветровых установок // Энергетика Казахстана. – 2018. – № 3."
    parsed = parse_entry(text)
    entry = Entry(key="1", number=1, span=Span(1, 1, 1, 1), entry_type=parsed.entry_type, fields=tuple((n, v) for n, v, _, _ in parsed.fields), text=text, form=parsed.form, field_confidence=parsed.confidence)
    found = checks.check_required_fields(checks.Checked(entry, dict(entry.fields), "refs.txt"))
    assert [d.code for d in found] == ["REF010"] and "pages" in found[0].message


def test_inspect_shows_each_fields_confidence():
    result = run_cli("inspect", "tests/cases/ru-own-list/input.txt")
    assert result.returncode == 0, result.stderr
    entry = json.loads(result.stdout)["references"][0]
    confidence = entry["field_confidence"]
    assert set(entry["fields"]) <= set(confidence)
    assert all(0.0 <= p <= 1.0 for p in confidence.values())


# ---- REF010 on the corpus's entries: what was misread, and what must still be reported ----------


def ref010(text: str) -> list[str]:
    parsed = parse_entry(text)
    entry = Entry(key="1", number=1, span=Span(1, 1, 1, 1), entry_type=parsed.entry_type, fields=tuple((n, v) for n, v, _, _ in parsed.fields), text=text, form=parsed.form, field_confidence=parsed.confidence)
    return [d.message for d in checks.check_required_fields(checks.Checked(entry, dict(entry.fields), "refs.txt"))]


@pytest.mark.parametrize(
    "text, volume, pages",
    [
        # en_slipchenko 5 and 12 (held-out half): the number after the volume (and issue) is the
        # article's number or its pages, where APA prints the pages
        ("Amin, U., McPartland, A., O’Sullivan, M., Silke, C. (2023). An overview of the management of osteoporosis in the aging female population. Women’s Health, 19 (3), 19. https://doi.org/10.1177/17455057231176655", "19", "19"),
        ("Li, Z., Zhang, W., Duan, Y., Niu, Y., Chen, Y., Liu, X. et al. (2023). Progress in biological age research. Frontiers in Public Health, 11, 14. https://doi.org/10.3389/fpubh.2023.1074274", "11", "14"),
    ],
)
def test_a_number_after_the_volume_is_the_pages(text, volume, pages):
    f = fields(text)
    assert (f["volume"], f["pages"]) == (volume, pages)
    assert ref010(text) == []


@pytest.mark.parametrize(
    "text, volume, number, pages",
    [
        # en_bigtable 16 (dev half): ACM's `volume, issue (year), pages`
        ("GAWLICK, D., AND KINKADE, D. Varieties of concurrency control in IMS/VS fast path. Database Engineering Bulletin 8, 2 (1985), 3–10.", "8", "2", "3–10"),
        # Vancouver/IEEE with the issue after a comma
        ("Tamm E. Wind loads on towers. Baltic Engineering Review, 2005, 12, 4, 113-120.", "12", "4", "113-120"),
    ],
)
def test_a_number_after_the_volume_is_the_issue_when_pages_follow(text, volume, number, pages):
    f = fields(text)
    assert (f["volume"], f.get("number"), f["pages"]) == (volume, number, pages)


@pytest.mark.parametrize(
    "text, booktitle",
    [
        # the word that introduces the next element is not the book's title (APA `(pp.`, Chicago `, edited by`)
        ("Smith, J. (2001). Wind loads on tall masts. In K. Lee (Ed.), Handbook of wind engineering (pp. 10-20). London: Routledge.", "Handbook of wind engineering"),
        ("Brown, A. 2010. Coastal erosion. In Coastal Processes, edited by M. White, 33-51. Boston: Beacon Press.", "Coastal Processes"),
    ],
)
def test_a_container_ends_before_the_next_elements_word(text, booktitle):
    assert fields(text)["booktitle"] == booktitle


def test_a_year_after_the_volume_is_not_the_pages():
    f = fields("Tamm E. Wind loads on towers. Baltic Engineering Review, vol. 12, 2005.")
    assert f.get("pages") is None and f["year"] == "2005"


def test_a_page_count_the_tagger_took_for_an_address():
    # en_yang 28 (dev half): GB/T 7714's `year: N pp.` gives a paper's length, not where it stands
    text = "Borrelli F, Subramanian D, Raghunathan A U, et al. MILP and NLP techniques for centralized trajectory planning of multiple unmanned air vehicles[C]//American Control Conference, 2006. IEEE, 2006: 6 pp."
    f = fields(text)
    assert f["pagetotal"] == "6" and "url" not in f
    assert ref010(text) == []


@pytest.mark.parametrize(
    "text, title",
    [
        # ru_tyurnin 5 and 6 (held-out half): GOST's designation follows the title proper
        ("CocoaPods [электронный ресурс] URL: https://cocoapods.org", "CocoaPods"),
        ("Carthage [электронный ресурс] URL: https://github.com/Carthage/Carthage", "Carthage"),
    ],
)
def test_the_words_before_a_medium_designation_are_the_title(text, title):
    f = fields(text)
    assert f["title"] == title
    assert ref010(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # true findings on the corpus (bench/entries/ref010-verdicts.json) that must still be reported
        "Коршунов А. И. Непрерывная модель трехфазного контура регулирования тока синхронного двигателя с постоянными магнитами на роторе // Силовая электроника. 2007. № 4.",  # ru_korshunov 3
        "Беглярова А. Л. Понятие неопределённости в философии и лингвистике // Вестник Адыгейского государственного университета. – 2008. – № 3.",  # ru_digilina 2
        "Cho Y, Kim D, Kim D S K. Topology representation for the Voronoi diagram of 3D spheres[J]. International Journal of CAD/CAM, 2009, 5(1)",  # en_yang 14
    ],
)
def test_an_article_without_pages_is_still_reported(text):
    found = ref010(text)
    assert len(found) == 1 and "pages" in found[0]


@pytest.mark.parametrize(
    "text, missing",
    [
        # dev-half entries judged right (bench/entries/ref010-verdicts.json) that the tagger's
        # doubt about the journal's words kept silent: `//` marks the host item whatever the words
        ("Панкратов В. Вентильный электропривод: от стиральной машины до металлорежущего станка и электровоза // Электронные компоненты. 2007. № 2.", "pages"),  # ru_korshunov 1
        ("Muneed M., Akhram I., Nazir A. Non-volatile Random Access Memory Technology (MRAM, FeRAM, PRAM) // Smart Electronic Materials.", "year"),  # ru_korotin 10
        ("Sigurd K, How J. UAV trajectory design using total field collision avoidance[C]//Proceedings of the AIAA Guidance, Navigation and Control Conference. 2003.", "pages"),  # en_yang 13
    ],
)
def test_a_container_after_gosts_double_slash_is_sure(text, missing):
    found = ref010(text)
    assert len(found) == 1 and missing in found[0]


def test_a_urls_double_slash_is_not_gosts_mark():
    assert marks_host_item("Иванов И. И. Статья о ветре // ")
    assert marks_host_item("trajectory design using total field collision avoidance[C]//")
    assert not marks_host_item("Site. URL: http://")
    assert not marks_host_item("Title. Journal, 2001. ")


# ---- conventions that correct the tagger's labels (tagger/conventions.py) --------------------
# Each case is a tagged entry built here, labels and marginals chosen by hand, so the test says
# what the convention does whatever a retrained model labels.


def tagged(*tokens: tuple[str, str, float]):
    from exporter.references.tagger import Tagged

    text, spans = "", []
    for word, _, _ in tokens:
        text += (" " if text else "")
        spans.append((len(text), len(text) + len(word)))
        text += word
    return Tagged(text, tuple(spans), tuple(label for _, label, _ in tokens), tuple(p for _, _, p in tokens))


def corrected_labels(*tokens: tuple[str, str, float]) -> list[str]:
    from exporter.references.tagger.conventions import corrected

    return list(corrected(tagged(*tokens)).labels)


A, T, J = "author", "title", "journal"


@pytest.mark.parametrize(
    "tokens, expected",
    [
        # `Family I. I.` names, then a word with no initials the tagger was unsure of: the title's first word
        ([("Жанов", A, 1.0), ("Б.", A, 1.0), ("Е.", A, 1.0), ("Ветер,", A, 0.7), ("волны", T, 1.0), ("и", T, 1.0), ("берег.", T, 1.0)], [A, A, A, T, T, T, T]),
        ([("Orlik", A, 1.0), ("V.I.", A, 1.0), ("Tamm", A, 1.0), ("V.M.", A, 1.0), ("Neopredelennost,", A, 0.6), ("riskov", T, 1.0)], [A, A, A, A, T, T]),
        ([("Quill,", A, 1.0), ("I.", A, 1.0), ("Sketchbook:", A, 0.6), ("A", T, 1.0), ("drawing", T, 1.0), ("system", T, 1.0)], [A, A, T, T, T, T]),
        # `I. Family` names, then two words and no title read: they are the title
        ([("A.J.", A, 1.0), ("Lark,", A, 1.0), ("S.", A, 1.0), ("Mora,", A, 1.0), ("Hard", A, 0.7), ("Drop,", A, 0.7), ("JHEP", J, 1.0), ("05", "volume", 1.0)], [A, A, A, A, T, T, J, "volume"]),
        # the tagger sure of the tail: its reading stands
        ([("Жанов", A, 1.0), ("Б.", A, 1.0), ("Е.", A, 1.0), ("Ветер,", A, 0.95), ("волны", T, 1.0)], [A, A, A, A, T]),
        # a given name, an initial, the family name (`Marco M. Stubbs`): not a tail
        ([("Ilse", A, 1.0), ("M.", A, 1.0), ("Harte,", A, 0.7), ("The", T, 1.0), ("control", T, 1.0)], [A, A, A, T, T]),
        # Chicago turns the later names round; a last name without initials after `and` is a name
        ([("Bax,", A, 1.0), ("D.,", A, 1.0), ("and", A, 1.0), ("H.", A, 1.0), ("T.", A, 1.0), ("Bruck.", A, 0.7), ("Title", T, 1.0)], [A, A, A, A, A, A, T]),
        ([("S.", A, 1.0), ("V.", A, 1.0), ("Shelk,", A, 1.0), ("and", A, 1.0), ("Hirsh,", A, 0.7), ('"Real', T, 1.0), ('time,"', T, 1.0)], [A, A, A, A, A, T, T]),
        # an abbreviation before the journal, with no title in the entry, starts the journal
        ([("Mo", A, 1.0), ("C.,", A, 1.0), ("Bert", A, 1.0), ("E.", A, 1.0), ("Astrophys.", A, 0.7), ("J.", J, 1.0), ("455,", "volume", 1.0)], [A, A, A, A, J, J, "volume"]),
        # `In` after the names opens the container, it is no title word
        ([("J.", A, 1.0), ("H.", A, 1.0), ("KNOLL", A, 1.0), ("In", A, 0.6), ("Photochemistry", "container", 1.0)], [A, A, A, A, "container"]),
        # names in a form this cannot tell (`Nash, Alex, …`) are left as read
        ([("Nash,", A, 1.0), ("Alex,", A, 1.0), ("Sven", A, 1.0), ("Koenig.", A, 0.7), ("Title", T, 1.0)], [A, A, A, A, T]),
    ],
)
def test_the_tail_of_a_name_list_in_no_names_form_is_the_title(tokens, expected):
    assert corrected_labels(*tokens) == expected


def test_one_more_name_read_as_a_title_before_gosts_slashes_is_an_author():
    tokens = [("Gold", A, 1.0), ("B.G.,", A, 1.0), ("Lem", A, 1.0), ("A.G.,", A, 1.0), ("Pind", T, 0.8), ("V.F", T, 0.8), ("//", J, 1.0), ("Phys.", J, 1.0)]
    assert corrected_labels(*tokens) == [A, A, A, A, A, A, J, J]
    # a title of real words stays a title
    tokens = [("Gold", A, 1.0), ("B.G.", A, 1.0), ("Wind", T, 0.8), ("tunnels", T, 0.8), ("//", J, 1.0), ("Phys.", J, 1.0)]
    assert corrected_labels(*tokens) == [A, A, T, T, J, J]


@pytest.mark.parametrize(
    "tokens, expected",
    [
        # the quote closes after `3D.`: the words the tagger gave the container are the title's
        ([("Nash,", A, 1.0), ('"Lazy', T, 1.0), ("paths", T, 1.0), ("in", "container", 0.6), ('3D."', "container", 0.6), ("Third", "container", 1.0), ("Symposium.", "container", 1.0)],
         [A, T, T, T, T, "container", "container"]),
        # the quote closes inside `corridors."Robotics`'s run: what follows is the container
        ([("Lee,", A, 1.0), ('"Short', T, 1.0), ('corridors."', T, 1.0), ("Robotics", T, 0.6), ("Letters,", T, 0.6), ("12", "volume", 1.0)], [A, T, T, "container", "container", "volume"]),
        # the quote closes at a token's end and the next token opens with the full stop (PDF text's `report".Nucl.`)
        ([("Dell,", A, 1.0), ('"Design', T, 1.0), ('report"', T, 1.0), (".Nucl.", T, 0.6), ("Phys.", T, 0.6), ("12", "volume", 1.0)], [A, T, T, "container", "container", "volume"]),
        # scare quotes at a title's start close on no punctuation: the title stands
        ([("Sauter,", A, 1.0), ("“Poor", T, 1.0), ("man’s”", T, 1.0), ("TeX.", T, 0.6), ("TUGboat", J, 1.0)], [A, T, T, T, J]),
        # a tagger sure of the words after the quote keeps them in the title
        ([("Behr,", A, 1.0), ('"Fixer', T, 1.0), ('publique".', T, 1.0), ("Funktion", T, 0.97), ("der", T, 0.97), ("In:", "container", 1.0)], [A, T, T, T, T, "container"]),
    ],
)
def test_a_title_opened_by_a_quote_ends_where_it_closes(tokens, expected):
    assert corrected_labels(*tokens) == expected


def test_a_volume_mark_is_no_roman_volume_and_a_year_glued_to_it_is_cut():
    assert [t for t in ("Phys. Proc. 2016.V. 84. P. 205.",) for t in [t[s:e] for s, e in tokenize(t)]] == ["Phys.", "Proc.", "2016.", "V.", "84.", "P.", "205."]
    f = fields("Kowalik A.B., Novak C.D. Ion beams in thin films // Appl. Phys. Proc. 2019.V. 12. P. 33–41.")
    assert (f["year"], f["volume"], f["pages"]) == ("2019", "12", "33–41")


@pytest.mark.parametrize(
    "text, number, pages",
    [
        # APA's bracketed issue right after the volume, read with the pages
        ("Lindgren, M., Aho, S., & Varga, P. (2011). What the shelf shows: a study of packaging. Journal of Shopper Studies, 9 (2–3), 211–230. https://doi.org/10.1000/jss.2011", "2–3", "211–230"),
        # GOST's `№.` mark, its number read with the pages
        ("Ospanova A.P., Kerimov V.A. On the choice of encryption for regional registries. Izvestiya Tomskogo universiteta. Tekhnicheskie nauki. 2019. №. 7. P. 41–48.", "7", "41–48"),
    ],
)
def test_an_issue_read_with_the_pages_is_the_issue(text, number, pages):
    f = fields(text)
    assert (f.get("number"), f.get("pages")) == (number, pages)


@pytest.mark.parametrize(
    "text, title, journal",
    [
        # ru_levin_interval_optimization's list (the tagger ends the title after `Remote`)
        ("Shashikhin V. N. Optimization of Interval Systems. Automation and Remote Control, 2000, vol. 61, no. 11, pp. 1843–1851.", "Optimization of Interval Systems", "Automation and Remote Control"),
        ("Berezin V. N. Stability of Interval Plants. Automation and Remote Control, 2004, vol. 65, no. 3, pp. 411–419.", "Stability of Interval Plants", "Automation and Remote Control"),
    ],
)
def test_a_journal_glued_to_the_title_starts_after_its_last_full_stop(text, title, journal):
    f = fields(text)
    assert (f["title"], f["journal"]) == (title, journal)


def test_a_number_after_the_volume_and_before_the_year_in_brackets_is_the_page():
    # en_montoya_bosonic_dm_arxiv 15: the physics styles' `Journal volume, page (year)`
    f = fields("Ma C., and Bertschinger E. Astrophys. J. 455, 7 (1995), [astroph/9506072].")
    assert (f["journal"], f["volume"], f["pages"], f["year"]) == ("Astrophys. J.", "455", "7", "1995")
    assert "number" not in f
    assert ref010("Ma C., and Bertschinger E. Astrophys. J. 455, 7 (1995), [astroph/9506072].") == []


def test_the_title_after_a_books_editors_is_the_container():
    E, C = "editor", "container"
    # a second title read after `In J. Foran (ed.)` is the book's title
    tokens = [("Crowe,", A, 1.0), ("T.", A, 1.0), ("“Theories.”", T, 1.0), ("In", E, 1.0), ("John", E, 1.0), ("Foran", E, 1.0), ("(ed.)", E, 1.0), ("Theorizing", T, 0.6), ("Revolutions.", T, 0.6), ("Routledge.", "publisher", 1.0)]
    assert corrected_labels(*tokens) == [A, A, T, E, E, E, E, C, C, "publisher"]
    # words left with the editors after their `(Eds.)` mark belong to the container that follows
    tokens = [("Bell,", A, 1.0), ("M.", A, 1.0), ("Interview.", T, 1.0), ("In", E, 1.0), ("R.", E, 1.0), ("Moore", E, 1.0), ("(Eds.)", E, 1.0), ("Carl", E, 0.6), ("Rogers", C, 0.4), ("Counsels.", C, 0.4)]
    assert corrected_labels(*tokens) == [A, A, T, E, E, E, E, C, C, C]
    # a lone title after editors (an edited book's own entry) stays the title
    tokens = [("Foran,", E, 1.0), ("John", E, 1.0), ("(ed.)", E, 1.0), ("Theorizing", T, 1.0), ("Revolutions.", T, 1.0)]
    assert corrected_labels(*tokens) == [E, E, E, T, T]


@pytest.mark.parametrize(
    "text, journal",
    [
        ("COLLECTIF. Les soins de nuit (dossier). La Revue infirmière, février 2006, n°71. p. 21-29.", "La Revue infirmière"),
        ("Hartley, Ann, ‘Friendship and the City’, Word & Work XII:3 (1992), 201-210.", "Word & Work"),
        ('Norell, A. "Elements of a Theory of Play." Psychological Letters, LXII, 1955, pp. 51-66.', "Psychological Letters"),
    ],
)
def test_a_journal_ends_before_a_month_or_a_roman_volume(text, journal):
    assert fields(text)["journal"] == journal


@pytest.mark.parametrize(
    "text, title",
    [
        # ru_radionov_fuzzy_adaptive's list (the tagger read the title on past ` / `)
        ("Саати Т. Принятие решений. Метод анализа иерархий: монография / Т. Саати. – М. : Радио и связь, 1993. – 278 с.", "Принятие решений. Метод анализа иерархий: монография"),
        ("Орлов К. Системы решений. Метод парных сравнений: монография / К. Орлов. – М.: Радио и связь, 1997. – 212 с.", "Системы решений. Метод парных сравнений: монография"),
    ],
)
def test_a_gost_title_ends_before_the_statement_of_responsibility(text, title):
    assert fields(text)["title"] == title


# ---- lists18: conventions found on bench/unseen_lists.py's lists (entries invented here) ----------


@pytest.mark.parametrize(
    "text, volume, pages",
    [
        # Vancouver without an issue: `year;volume:pages`, the pages a range or one page
        ("Okafor CN, Brandt LM. Sleep and glucose in older adults. Clin Nutr Res 2007;370:511-20. (PMID: 17693180).", "370", "511-20"),
        ("Okafor CN, Brandt LM. Sleep and glucose in older adults. BMJ 2003;326:219 (PMid:12543843), doi: 10.1136/bmj.326.7382.219.", "326", "219"),
        # a PDF text layer that decoded the range's en dash as `e` (Elsevier's and BMJ's fonts)
        ("Okafor CN, Brandt LM. Sleep and glucose in older adults. Clin Nutr Res 2007;370:511e20. (PMID: 17693180).", "370", "511–20"),
        ("Okafor CN, Brandt LM. Sleep and glucose in older adults. Ann Intern Med 1999;131:668e72 (PMID:10577329).", "131", "668–72"),
    ],
)
def test_vancouver_pages_after_the_volumes_colon(text, volume, pages):
    f = fields(text)
    assert (f["volume"], f["pages"]) == (volume, pages)
    assert "number" not in f


def test_an_e_between_digits_is_no_range_where_it_opens_an_article_number():
    f = fields("Okafor CN, Brandt LM. Sleep and glucose in older adults. PLoS One 2014;9(3):e91234.")
    assert f["pages"] == "e91234"


def test_a_number_after_the_volumes_colon_is_the_issue_when_pages_follow():
    f = fields("Okafor, C., Brandt, L. Sleep and glucose. Journal of Rest, 50: 2, pp.679- 698.")
    assert (f["volume"], f["number"]) == ("50", "2")
    assert f["pages"].startswith("679")


def test_one_more_name_closed_by_a_colon_is_the_last_author():
    # BMC/Vancouver `Authors: Title.`: the colon ends the names
    tokens = [("Kurt", A, 1.0), ("M,", A, 1.0), ("Yan", A, 1.0), ("H,", A, 1.0), ("Gran", T, 0.9), ("V:", T, 0.9), ("Venous", T, 1.0), ("trauma.", T, 1.0), ("World", J, 1.0)]
    assert corrected_labels(*tokens) == [A, A, A, A, A, A, T, T, J]
    # a title whose first words end in a colon but are no name in the list's form stays whole
    tokens = [("Kurt", A, 1.0), ("M,", A, 1.0), ("Yan", A, 1.0), ("H,", A, 1.0), ("Venous", T, 0.9), ("trauma:", T, 0.9), ("a", T, 1.0), ("review.", T, 1.0), ("World", J, 1.0)]
    assert corrected_labels(*tokens) == [A, A, A, A, T, T, T, T, J]


@pytest.mark.parametrize(
    "tokens, expected",
    [
        # words in no name's form, then only a date and an address: the work's name
        ([("LuaJ", A, 0.9), ("roadmap", A, 0.9), ("2008", "date", 1.0), ("–", "date", 1.0), ("http://x.org/a.html.", "url", 1.0)], [T, T, "date", "date", "url"]),
        ([("Jemal", A, 0.6), ("//", A, 0.6), ("URL:", "url", 1.0), ("https://jemal.net", "url", 1.0), ("(дата", "accessed", 1.0), ("обращения:", "accessed", 1.0)], [T, T, "url", "url", "accessed", "accessed"]),
        # a name with initials stays an author
        ([("Smith", A, 0.9), ("J.", A, 0.9), ("2008.", "date", 1.0), ("http://x.org", "url", 1.0)], [A, A, "date", "url"]),
        # a title read elsewhere, or a journal beside: the author stays
        ([("Google", A, 0.9), ("Search.", T, 0.9), ("http://x.org", "url", 1.0)], [A, T, "url"]),
        ([("Nature", A, 0.6), ("Physics", J, 0.9), ("12", "volume", 1.0)], [A, J, "volume"]),
        # an organisation, then words the tagger called a note: maybe the title, so the author stays
        ([("Fundação", A, 1.0), ("Pinheiro.", A, 1.0), ("2015.", "date", 1.0), ("Déficit", "note", 0.7), ("http://x.org", "url", 1.0)], [A, A, "date", "note", "url"]),
    ],
)
def test_authors_in_no_names_form_beside_no_title_are_the_title(tokens, expected):
    assert corrected_labels(*tokens) == expected


def test_a_titles_words_before_a_colon_are_no_last_author():
    # `LaPorta and Schwartz. Performance analysis of MSP: …`: lower-case words, and the names ended
    tokens = [("Tom", A, 1.0), ("F.", A, 1.0), ("Lapo,", A, 1.0), ("Perf", T, 0.9), ("analysis", T, 0.9), ("of", T, 0.9), ("MSP:", T, 0.9), ("Feature", T, 1.0)]
    assert corrected_labels(*tokens) == [A, A, A, T, T, T, T, T]
    tokens = [("Tom", A, 1.0), ("F.", A, 1.0), ("Lapo.", A, 1.0), ("Perf", T, 0.9), ("MSP:", T, 0.9), ("Feature", T, 1.0)]
    assert corrected_labels(*tokens) == [A, A, A, T, T, T]


def read_tagged(monkeypatch, *tokens: tuple[str, str, float]) -> dict[str, str]:
    """The fields the normalisers make of tokens labelled as given (the model left out)."""
    from exporter.references.tagger import normalise

    given = tagged(*tokens)
    monkeypatch.setattr(normalise, "tag", lambda text, asked=(): given)
    return {name: value for name, value, _, _ in normalise.read_entry(given.text).fields}


C, L, D = "container", "location", "date"


def test_a_books_publisher_read_as_a_collection_before_its_place_is_the_publisher(monkeypatch):
    # JSS/APA `Title. Publisher, Place.`: no `In`, editors, volume or pages make it a collection
    f = read_tagged(monkeypatch, ("Ruiz", A, 1.0), ("(2006).", D, 1.0), ("Q:", T, 1.0), ("A", T, 1.0), ("Language.", T, 1.0),
                    ("Q", C, 0.9), ("Foundation,", C, 0.9), ("Vienna,", L, 1.0), ("Austria.", L, 1.0))
    assert (f.get("publisher"), f.get("booktitle"), f["address"]) == ("Q Foundation", None, "Vienna, Austria")
    # `In` before it, or proceedings words: a collection still
    f = read_tagged(monkeypatch, ("Ruiz", A, 1.0), ("(2006).", D, 1.0), ("Title.", T, 1.0), ("In", C, 0.9), ("Q", C, 0.9), ("Book,", C, 0.9), ("Vienna.", L, 1.0))
    assert "publisher" not in f and f["booktitle"] == "Q Book"
    f = read_tagged(monkeypatch, ("Ruiz", A, 1.0), ("(2006).", D, 1.0), ("Title.", T, 1.0), ("Proceedings", C, 0.9), ("of", C, 0.9), ("DSC,", C, 0.9), ("Vienna.", L, 1.0))
    assert "publisher" not in f


def test_what_follows_a_thesis_designation_is_its_school(monkeypatch):
    # `PhD thesis, University Of California, Irvine, 2006.`: the tagger read the school as names
    f = read_tagged(monkeypatch, ("A.", A, 1.0), ("Gall.", A, 1.0), ("Efficient", T, 1.0), ("Machines.", T, 1.0), ("PhD", "genre", 1.0), ("thesis,", "genre", 1.0),
                    ("University", A, 0.9), ("Of", A, 0.9), ("Nevada,", A, 0.9), ("2006.", D, 1.0))
    assert (f["type"], f["publisher"], f["year"]) == ("PhD thesis", "University Of Nevada", "2006")
    # a genre that is no thesis or report leaves the names alone
    f = read_tagged(monkeypatch, ("A.", A, 1.0), ("Gall.", A, 1.0), ("Efficient", T, 1.0), ("Machines.", T, 1.0), ("Poster,", "genre", 1.0),
                    ("University", A, 0.9), ("Of", A, 0.9), ("Nevada,", A, 0.9), ("2006.", D, 1.0))
    assert "publisher" not in f


def test_a_title_before_apas_bracketed_year_with_a_title_after_it_is_the_authors():
    tokens = [("Weather", T, 0.8), ("Society.", T, 0.8), ("(2009).", "date", 1.0), ("Annual", T, 1.0), ("Report.", T, 1.0)]
    assert corrected_labels(*tokens) == [A, A, "date", T, T]
    # APA's title in the authors' place when there are none: no title after the date
    tokens = [("Weather", T, 0.8), ("Report.", T, 0.8), ("(2009).", "date", 1.0), ("Oslo:", "location", 1.0), ("Met.", "publisher", 1.0)]
    assert corrected_labels(*tokens) == [T, T, "date", "location", "publisher"]
    # a title's words (lower case, digits) before the date stay the title
    tokens = [("The", T, 0.8), ("Annotated", T, 0.8), ("8", T, 0.8), ("principles.", T, 0.8), ("(2014).", "date", 1.0), ("Retrieved", T, 0.6), ("from", T, 0.6)]
    assert corrected_labels(*tokens) == [T, T, T, T, "date", T, T]


# ---- conventions of Russian student-paper lists (lists19; invented entries, labels as the tagger gave them) ----


def read_tagged_entry(monkeypatch, *tokens: tuple[str, str, float]):
    """The entry type and fields the normalisers make of tokens labelled as given."""
    from exporter.references.tagger import normalise

    given = tagged(*tokens)
    monkeypatch.setattr(normalise, "tag", lambda text, asked=(): given)
    parsed = normalise.read_entry(given.text)
    return parsed.entry_type, {name: value for name, value, _, _ in parsed.fields}


P, U, AC = "pages", "url", "accessed"


def test_a_day_before_a_months_name_is_a_date(monkeypatch):
    # a conference's dates inside a GOST host: `Минск, 29 окт. 2014 г. – … – С. 306–307.`
    tokens = [("Title.", T, 1.0), ("Минск,", L, 1.0), ("29", P, 0.8), ("окт.", P, 0.8), ("2014", D, 1.0), ("г.", P, 0.8),
              ("–", L, 1.0), ("Минск", L, 1.0), (":", L, 1.0), ("Изд,", "publisher", 1.0), ("2014.", D, 1.0), ("–", P, 1.0), ("С.", P, 1.0), ("306–307.", P, 1.0)]
    assert corrected_labels(*tokens)[1:5] == [L, D, D, D]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f["pages"], f["year"]) == ("306–307", "2014")
    assert corrected_labels(("12", P, 0.9), ("марта", P, 0.9), ("2019", D, 1.0), ("г.", P, 0.9)) == [D, D, D, P]
    # a number before a word that is no month stays the pages, and so do pages after their mark
    # before a bracketed date (`pp. 29-40 (September 1985)`)
    assert corrected_labels(("Title.", T, 1.0), ("12", P, 0.9), ("Suppl.", P, 0.9)) == [T, P, P]
    assert corrected_labels(("Title.", T, 1.0), ("С.", P, 1.0), ("29-30", P, 1.0), ("октября", D, 1.0), ("1985.", D, 1.0)) == [T, P, P, D, D]
    assert corrected_labels(("Title.", T, 1.0), ("29-30", P, 1.0), ("(окт.", D, 1.0), ("1985).", D, 1.0)) == [T, P, D, D]
    # Latin months are left to the tagger (GROBID's labels call a conference's days pages)
    assert corrected_labels(("Title.", T, 1.0), ("12-17", P, 1.0), ("June", D, 1.0), ("2011.", D, 1.0)) == [T, P, D, D]


def test_a_volume_mark_read_as_a_journal_is_the_volumes():
    # `– Lyon. 1875. V. 2, 4.`: the `V.` before the volume's number
    assert corrected_labels(("Lyon.", L, 1.0), ("1875.", D, 1.0), ("V.", J, 0.6), ("2,", "volume", 1.0), ("4.", "issue", 1.0)) == [L, D, "volume", "volume", "issue"]
    # a journal's name of more words stays the journal
    assert corrected_labels(("V.", J, 0.9), ("Math.", J, 0.9), ("2,", "volume", 1.0)) == [J, J, "volume"]


def test_a_year_inside_a_gost_hosts_title_is_the_hosts(monkeypatch):
    # `// Сети 2014 (СС 2014) : материалы конф. – Минск : Изд, 2014.`: the host's own year comes after its place
    tokens = [("Title", T, 1.0), ("//", J, 1.0), ("Сети", J, 1.0), ("2014", D, 0.8), ("(СС", D, 0.8), ("2014)", D, 0.8), (":", C, 0.9),
              ("материалы", C, 0.9), ("конф.", C, 0.9), ("–", L, 1.0), ("Минск", L, 1.0), (":", L, 1.0), ("Изд,", "publisher", 1.0), ("2014.", D, 1.0)]
    assert corrected_labels(*tokens)[3:6] == [J, J, J]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f["journal"], f["year"]) == ("Сети 2014 (СС 2014)", "2014")
    # the same host's title read as one run with its `: материалы …`: that part stays apart
    tokens = [("Title", T, 1.0), ("//", J, 1.0), ("Сети", J, 1.0), ("2014", D, 0.8), (":", J, 0.9), ("материалы", J, 0.9), ("–", L, 1.0), ("2014.", D, 1.0)]
    assert corrected_labels(*tokens) == [T, J, J, J, C, C, L, D]
    # a journal's year after `. – `, or a year with none later, is the entry's year
    tokens = [("Title", T, 1.0), ("//", J, 1.0), ("Вестник.", J, 1.0), ("–", D, 1.0), ("2019.", D, 1.0), ("–", "volume", 1.0), ("Т.", "volume", 1.0), ("5.", "volume", 1.0)]
    assert corrected_labels(*tokens) == [label for _, label, _ in tokens]
    tokens = [("Title", T, 1.0), ("//", J, 1.0), ("Сети", J, 1.0), ("2014", D, 1.0), (":", C, 1.0), ("материалы", C, 1.0)]
    assert corrected_labels(*tokens) == [label for _, label, _ in tokens]


def test_a_lower_case_word_after_a_family_comma_initial_name_is_the_title():
    # `Сингер, С. Книга тайн. История шифров.`: no family name is written in lower case, however sure the tagger was
    tokens = [("Сингер,", A, 1.0), ("С.", A, 1.0), ("Книга", A, 0.95), ("тайн.", A, 0.95), ("История", T, 1.0), ("шифров.", T, 1.0)]
    assert corrected_labels(*tokens) == [A, A, T, T, T, T]
    # a sure reading of a capitalised name stays, and a particle is no lower-case title word
    assert corrected_labels(("Smith,", A, 1.0), ("J.", A, 1.0), ("Kowalski", A, 0.95), ("Title", T, 1.0)) == [A, A, A, T]
    assert corrected_labels(("Smith,", A, 1.0), ("J.", A, 1.0), ("van", A, 0.95), ("Dijk", A, 0.95), ("Title", T, 1.0)) == [A, A, A, A, T]


def test_a_web_pages_site_between_the_double_slash_and_the_address_is_its_container(monkeypatch):
    # GOST 7.0.5 `Title // Site. URL: … (дата обращения: …)`, the site read with the address
    tokens = [("Как", T, 1.0), ("работает", T, 1.0), ("DNS", T, 1.0), ("//", T, 1.0), ("Веб-практикум.", U, 0.9), ("URL:", U, 1.0),
              ("https://example.org/dns", U, 1.0), ("(дата", AC, 1.0), ("обращения:", AC, 1.0), ("10.10.2023).", AC, 1.0)]
    kind, f = read_tagged_entry(monkeypatch, *tokens)
    assert (kind, f["title"], f["journal"], f["url"]) == ("online", "Как работает DNS", "Веб-практикум", "https://example.org/dns")
    # `// site URL:` with no full stop, `– Режим доступа:` too
    tokens = [("Vue", T, 1.0), ("guide", T, 1.0), ("//", T, 1.0), ("vuedocs", U, 0.9), ("–", U, 1.0), ("Режим", U, 1.0), ("доступа:", U, 1.0), ("https://example.org/vue", U, 1.0)]
    kind, f = read_tagged_entry(monkeypatch, *tokens)
    assert (kind, f["journal"]) == ("online", "vuedocs")
    # an online journal's article (an issue, pages) stays an article
    tokens = [("Title", T, 1.0), ("//", J, 1.0), ("Вестник.", J, 1.0), ("–", D, 1.0), ("2020.", D, 1.0), ("–", "issue", 1.0), ("№", "issue", 1.0), ("4.", "issue", 1.0),
              ("–", U, 1.0), ("URL:", U, 1.0), ("https://vestnik.example/4", U, 1.0)]
    kind, f = read_tagged_entry(monkeypatch, *tokens)
    assert (kind, f["journal"]) == ("article", "Вестник")


def test_the_kind_of_work_after_the_titles_colon_is_no_container(monkeypatch):
    # `Экономика фирмы [Текст] : учебник / Н. Зайцев. – М.: Экзамен, 2008. – 624 с.`
    tokens = [("Зайцев,", A, 1.0), ("Н.", A, 1.0), ("Экономика", T, 1.0), ("фирмы", T, 1.0), ("[Текст]", "medium", 1.0), (":", J, 0.7), ("учебник", J, 0.7),
              ("/", A, 1.0), ("Н.", A, 1.0), ("Зайцев.", A, 1.0), ("–", L, 1.0), ("М.:", L, 1.0), ("Экзамен,", "publisher", 1.0), ("2008.", D, 1.0), ("–", P, 1.0), ("624", P, 1.0), ("с.", P, 1.0)]
    kind, f = read_tagged_entry(monkeypatch, *tokens)
    assert (kind, f.get("journal"), f.get("booktitle"), f["type"], f["publisher"]) == ("book", None, None, "учебник", "Экзамен")
    tokens[5:7] = [(":", C, 0.7), ("учеб.", C, 0.7), ("пособие", C, 0.7), ("для", C, 0.7), ("вузов", C, 0.7)]
    kind, f = read_tagged_entry(monkeypatch, *tokens)
    assert (kind, f.get("booktitle"), f["type"]) == ("book", None, "учеб. пособие для вузов")
    # a collection after `//` named so stays the container
    tokens = [("Title", T, 1.0), ("//", C, 1.0), ("Справочник", C, 1.0), ("инженера.", C, 1.0), ("–", L, 1.0), ("М.:", L, 1.0), ("Изд,", "publisher", 1.0), ("2008.", D, 1.0)]
    kind, f = read_tagged_entry(monkeypatch, *tokens)
    assert f["booktitle"] == "Справочник инженера"


def test_a_parts_mark_and_number_inside_a_title_are_the_titles():
    # `Основы сборки. Ч. II. Станки / …`: GOST's number of a part, then the part's title
    tokens = [("Основы", T, 1.0), ("сборки.", T, 1.0), ("Ч.", A, 0.7), ("II.", A, 0.7), ("Станки", T, 1.0), ("/", A, 1.0)]
    assert corrected_labels(*tokens) == [T, T, T, T, T, A]
    # a mark with no title on both sides stays (`Т. 2.` after the title is the volume)
    tokens = [("Основы", T, 1.0), ("сборки.", T, 1.0), ("Ч.", "volume", 0.7), ("2.", "volume", 0.7), ("–", L, 1.0), ("М.:", L, 1.0)]
    assert corrected_labels(*tokens) == [label for _, label, _ in tokens]


def test_an_organisations_initials_before_a_books_year_are_its_publisher(monkeypatch):
    # `Title. ЦТП, 2015 – 192 с.` (no place): the tagger's journal, a lone word, is no place in capitals
    tokens = [("Нуриева", A, 1.0), ("Л.", A, 1.0), ("Печать.", T, 1.0), ("ЦТП,", J, 0.8), ("2015", D, 1.0), ("–", P, 1.0), ("192", P, 1.0), ("с.", P, 1.0)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f.get("publisher"), f.get("address"), f.get("journal")) == ("ЦТП", None, None)
    # a city's name stays the place
    tokens[3] = ("Барнаул,", J, 0.8)
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f.get("publisher"), f.get("address")) == (None, "Барнаул")


def test_loose_gost_book_and_site_forms(monkeypatch):
    # `Title / пер. с англ. И. Петрова. – 2-е изд., испр. – М.: Изд, 2018.`: the translator's
    # statement ends the title, and the edition's qualifier is no publisher
    tokens = [("Рот", A, 1.0), ("Я.", A, 1.0), ("Глубокий", T, 1.0), ("поиск", T, 1.0), ("/", T, 0.8), ("пер.", T, 0.8), ("с", T, 0.8), ("англ.", T, 0.8),
              ("И.", A, 0.9), ("Петрова.", A, 0.9), ("–", "edition", 1.0), ("2-е", "edition", 1.0), ("изд.,", "edition", 1.0), ("испр.", "publisher", 0.7), ("–", "publisher", 0.7),
              ("М.:", L, 1.0), ("Пресса,", "publisher", 1.0), ("2018.", D, 1.0)]
    assert corrected_labels(*tokens)[13] == "edition"
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f["title"], f["edition"], f["publisher"], f["address"]) == ("Глубокий поиск", "2", "Пресса", "М.")
    tokens[5] = ("Пер.", T, 0.8)  # the statement's word capitalised
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert f["title"] == "Глубокий поиск"
    # a site's name before `[Электронный ресурс]` is the title, an address there is not
    tokens = [("Habr.com", U, 0.9), ("[Электронный", "medium", 1.0), ("ресурс]", "medium", 1.0), ("–", U, 1.0), ("URL:", U, 1.0), ("https://habr.example/ru/", U, 1.0)]
    assert corrected_labels(*tokens)[0] == T
    tokens[0] = ("https://habr.example", U, 0.9)
    assert corrected_labels(*tokens)[0] == U
    # `// Site : [сайт]. – 2020. – URL: …`: the designation is no part of the site's name
    tokens = [("Облака", T, 1.0), ("//", J, 1.0), ("Информатика", J, 1.0), ("сегодня", J, 1.0), (":", J, 1.0), ("[сайт].", J, 1.0), ("–", D, 1.0), ("2020.", D, 1.0),
              ("–", U, 1.0), ("URL:", U, 1.0), ("https://info.example/cloud", U, 1.0)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert f["journal"] == "Информатика сегодня"


def test_bare_capitals_after_dotted_initials_end_the_names():
    # `Зуев В.Г. Зуев П.В. Серверы ПК 2005 – М.: …`: no name of a dotted list ends in bare capitals
    tokens = [("Зуев", A, 1.0), ("В.Г.", A, 1.0), ("Зуев", A, 1.0), ("П.В.", A, 1.0), ("Серверы", A, 0.95), ("ПК", A, 0.95), ("2005", D, 1.0),
              ("–", "publisher", 0.6), ("М.:", L, 1.0), ("Изд,", "publisher", 1.0), ("2001.", D, 1.0)]
    assert corrected_labels(*tokens)[:7] == [A, A, A, A, T, T, T]
    # capitals in an all-capitals list, or bare capitals that do not end the run, stay names
    assert corrected_labels(("SMITH", A, 1.0), ("J.", A, 1.0), ("JONES", A, 0.95), ("AB", A, 0.95), ("Title", T, 1.0)) == [A, A, A, A, T]
    assert corrected_labels(("Smith", A, 1.0), ("J.", A, 1.0), ("Jones", A, 0.95), ("AB,", A, 0.95), ("Brown", A, 0.95), ("C.", A, 0.95), ("Title", T, 1.0)) == [A] * 6 + [T]


def test_a_year_between_a_title_and_the_imprints_dash_is_the_titles():
    # `Серверы ПК 2005 – М.: Изд, 2001.`: the imprint's own year comes after the publisher
    tokens = [("Зуев", A, 1.0), ("В.", A, 1.0), ("Серверы", T, 1.0), ("ПК", T, 1.0), ("2005", D, 1.0), ("–", L, 1.0), ("М.:", L, 1.0), ("Изд,", "publisher", 1.0), ("2001.", D, 1.0)]
    assert corrected_labels(*tokens)[4] == T
    # with a full stop before it (`Title. 2005. – 200 с.`), or no later year, it is the entry's year
    tokens[3] = ("ПК.", T, 1.0)
    assert corrected_labels(*tokens)[4] == D
    assert corrected_labels(("Серверы", T, 1.0), ("2005", D, 1.0), ("–", P, 1.0), ("200", P, 1.0), ("с.", P, 1.0)) == [T, D, P, P, P]


def test_words_before_gosts_slash_with_no_name_are_the_title(monkeypatch):
    # `Физика / Под ред. А.Г. Орлова. – М.: Изд, 2000.`: the statement of responsibility follows the title
    tokens = [("Физика", A, 0.85), ("/", A, 0.85), ("Под", "editor", 1.0), ("ред.", "editor", 1.0), ("А.Г.", "editor", 1.0), ("Орлова", "editor", 1.0),
              ("М.:", L, 1.0), ("Изд,", "publisher", 1.0), ("2000.", D, 1.0)]
    assert corrected_labels(*tokens)[:2] == [T, T]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f["title"], f.get("author"), f["editor"]) == ("Физика", None, "Орлова, А. Г.")
    # a name with initials before the slash is an author
    assert corrected_labels(("Орлов", A, 1.0), ("А.", A, 1.0), ("/", A, 0.85), ("Под", "editor", 1.0))[:3] == [A, A, A]


def test_a_name_in_the_possessive_opens_a_title():
    # `Ada Lovelace's notes on the engine https://…`: what the page is about, not its author
    tokens = [("Ada", A, 0.7), ("Lovelace's", T, 0.8), ("notes", T, 1.0), ("on", T, 1.0), ("the", T, 1.0), ("engine", T, 1.0), ("https://example.org/ada", U, 1.0)]
    assert corrected_labels(*tokens)[:2] == [T, T]
    # a name closed by a mark before it stays the author (`Lovelace, A. Babbage's engine`)
    assert corrected_labels(("Lovelace,", A, 1.0), ("A.", A, 1.0), ("Babbage's", T, 1.0), ("engine", T, 1.0))[:2] == [A, A]


def test_a_colon_in_an_editor_run_after_the_title_opens_the_publisher(monkeypatch):
    # `Сети / Под ред. В.Э. Орлова.: Наука-М, 2004.`: the place left out, the publisher after the colon
    tokens = [("Сети", T, 1.0), ("/", "editor", 1.0), ("Под", "editor", 1.0), ("ред.", "editor", 1.0), ("В.Э.", "editor", 1.0), ("Орлова.:", "editor", 1.0),
              ("Наука-М,", "editor", 0.9), ("2004.", D, 1.0)]
    assert corrected_labels(*tokens)[6] == "publisher"
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f["editor"], f["publisher"], f["year"]) == ("Орлова, В. Э.", "Наука-М", "2004")
    # initials after the colon are a name still
    tokens[6:7] = [("А.", "editor", 0.9), ("Петров,", "editor", 0.9)]
    assert corrected_labels(*tokens)[6:8] == ["editor", "editor"]


def test_a_one_word_tail_closed_by_a_colon_before_the_title_is_the_titles():
    # `Rao K., Iyer D. Mish: A smooth activation …`: the title's first part, in a family-first list
    tokens = [("Rao", A, 1.0), ("K.,", A, 1.0), ("Iyer", A, 1.0), ("D.", A, 1.0), ("Mish:", A, 0.95), ("A", T, 1.0), ("smooth", T, 1.0), ("function", T, 1.0)]
    assert corrected_labels(*tokens)[4] == T
    # DBLP's `Donald E. Knuth: Title` closes the name with the colon
    assert corrected_labels(("Donald", A, 1.0), ("E.", A, 1.0), ("Knuth:", A, 0.95), ("The", T, 1.0), ("art", T, 1.0))[2] == A


def test_a_bracketed_date_after_the_address_is_the_access_date():
    # `Title https://… (20.05.2023)`: the day the page was read, not the work's year
    parsed = parse_entry("Ivan Petrov Sorting networks explained https://example.org/sorting (20.05.2023)")
    fields = {name: value for name, value, _, _ in parsed.fields}
    assert (fields.get("urldate"), fields.get("year")) == ("20.05.2023", None)
    # a year before the address stays the year
    parsed = parse_entry("Petrov I. Sorting networks explained. 2019. https://example.org/sorting (20.05.2023)")
    fields = {name: value for name, value, _, _ in parsed.fields}
    assert (fields.get("urldate"), fields.get("year")) == ("20.05.2023", "2019")


def test_gost_separators_printed_without_spaces():
    # `…для вузов/ И. И. Орлов, …: Изд-во, 2021– 134`, `…обучение/Петров, Иван: Пер. …`, `2004.-137с.`
    fields = {n: v for n, v, _, _ in parse_entry("Орлов И. И., Теория сетей: учебное пособие для вузов/ И. И.Орлов, П. П. Зуев: ФГБУН ИПУ РАН, 2021– 134").fields}
    assert (fields["title"], fields.get("year"), fields.get("pages")) == ("Теория сетей: учебное пособие для вузов", "2021", "134")
    fields = {n: v for n, v, _, _ in parse_entry("Петров, Иван. Теория очередей: модели и расчёт/Петров, Иван: Пер. с англ. под ред. Д.А. Зуева: Изд-во “Мир”, 2019. — 320 с.").fields}
    assert fields["title"] == "Теория очередей: модели и расчёт"


def test_what_the_tagger_reads_of_glued_gost_separators(monkeypatch):
    from exporter.references.tagger import normalise

    seen = []
    real = normalise.tag
    monkeypatch.setattr(normalise, "tag", lambda text: seen.append(text) or real(text))
    for text in ("Орлов И. Сети: пособие для вузов/ И. Орлов: Изд, 2021– 134", "Сети/Орлов, Иван: Изд, 2004.-137с.",
                 "Seite 2048- 2076, Thieme, 1987.", "Bible. Oxford/Cambridge, 1970.", "Сети и/или узлы. URL: https://ex.org/a/Bc, 2020– 1"):
        parsed = normalise.read_entry(text)
        assert all(text[s:e] == value or name in ("author", "editor", "pages", "pagetotal") for name, value, s, e in parsed.fields if name in ("title", "url"))
    assert seen == ["Орлов И. Сети: пособие для вузов / И. Орлов: Изд, 2021 – 134", "Сети / Орлов, Иван: Изд, 2004. - 137с.",
                    "Seite 2048- 2076, Thieme, 1987.", "Bible. Oxford/Cambridge, 1970.", "Сети и/или узлы. URL: https://ex.org/a/Bc, 2020 – 1"]


def test_the_last_given_family_name_of_a_list_is_no_title():
    # `Anna Berg, Derek Holt, Pádraig Nolan. A study of …`: the full stop closes a `Given Family,` list
    tokens = [("Anna", A, 1.0), ("Berg,", A, 1.0), ("Derek", A, 1.0), ("Holt,", A, 1.0), ("Pádraig", T, 0.85), ("Nolan.", T, 0.85),
              ("A", T, 1.0), ("study", T, 1.0), ("of", T, 1.0), ("topics", T, 1.0)]
    assert corrected_labels(*tokens)[4:7] == [A, A, T]
    # with one name before, only a known given name opens one more (`… Peter Hinz, Title`)
    tokens = [("Anna", A, 1.0), ("Berg,", A, 1.0), ("Deep", T, 1.0), ("Learning,", T, 1.0), ("MIT", T, 1.0), ("Press", T, 1.0)]
    assert corrected_labels(*tokens)[2:4] == [T, T]
    tokens[2:4] = [("Peter", T, 0.97), ("Hinz,", T, 0.97)]
    assert corrected_labels(*tokens)[2:4] == [A, A]
    # a title after two names that a comma follows stays the title (`…, Deep Learning, MIT Press`)
    tokens = [("Anna", A, 1.0), ("Berg,", A, 1.0), ("Derek", A, 1.0), ("Holt,", A, 1.0), ("Deep", T, 1.0), ("Learning,", T, 1.0), ("MIT", T, 1.0), ("Press", T, 1.0)]
    assert corrected_labels(*tokens)[4:6] == [T, T]
    tokens[4:6] = [("The", T, 0.9), ("Iliad.", T, 0.9)]  # a title's article is no given name
    assert corrected_labels(*tokens)[4:6] == [T, T]


def test_a_year_inside_the_title_is_not_the_entrys_year(monkeypatch):
    # `Обзор рынка датчиков, 2018-2022 гг. URL: …`: the years the work is about, not when it appeared
    tokens = [("Обзор", T, 1.0), ("рынка", T, 1.0), ("датчиков,", T, 1.0), ("2018-2022", T, 1.0), ("гг.", T, 1.0), ("URL:", U, 1.0), ("https://example.org/r", U, 1.0)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f["title"], f.get("year")) == ("Обзор рынка датчиков, 2018-2022 гг", None)
    # a year the tagger left outside every field is still found (`Journal 2001;`)
    tokens = [("Обзор", T, 1.0), ("рынка.", T, 1.0), ("Вестник", J, 1.0), ("2001;", J, 1.0), ("5:", "volume", 1.0), ("12-14.", P, 1.0)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert f.get("year") == "2001"


def test_a_labels_presence_is_the_entrys_own_after_another_entry_was_read():
    """`present` reads the marginals on demand: the tagger holds one sequence at a time, so
    an entry asked after another was tagged must be read again, not answered from the other."""
    from exporter.references.tagger import tag

    book = tag("Иванов И. И. Теория сетей. – М.: Наука, 2010. – 200 с.")
    alone = book.present("publisher")
    article = tag("Petrov P. Queues in networks // Journal of Networks. 2012. Vol. 3, No. 2. P. 40-52.")
    after = book.present("publisher")
    assert after == alone > 0.5  # the book names its publisher, and this is still the book's answer
    assert article.present("publisher") < alone  # the article names none
    assert tag("").present("publisher") == 0.0


# ---- lists21: conventions found on batch 5 of bench/unseen_lists.py (entries invented here) ----------


@pytest.mark.parametrize(
    "text, fields_read",
    [
        # a back-reference closing the entry (SIAM's, biblatex's backref) is no page of the work
        ("K. Lindqvist and P. Osei, Stable Schemes for Stiff Transport, Springer, New York, 1994. (Cited on p. 412)",
         {"title": "Stable Schemes for Stiff Transport", "publisher": "Springer", "year": "1994", "note": "Cited on p. 412"}),
        ("K. Lindqvist, Defect control for marching methods, Numer. Transport Lett., 21 (2009), 3318051. (Cited on pp. 415, 420)",
         {"container": "Numer. Transport Lett.", "volume": "21", "pages": "3318051", "year": "2009", "note": "Cited on pp. 415, 420"}),
        # the citing author's comment after the last element (here in another language)
        ('Osei, P. K., et al. (2017). "Using hyperspectral imaging to characterise leaf water stress." Field Crops. (Обоснование выбора длины волны для полевых измерений).',
         {"title": "Using hyperspectral imaging to characterise leaf water stress", "container": "Field Crops", "year": "2017", "note": "Обоснование выбора длины волны для полевых измерений"}),
        ('Osei, P. K., & Lind, M. J. (1971). "Smoothing of spectra by local polynomial fitting." Analytical Methods. (Математическое обоснование сглаживания без искажения пиков).',
         {"title": "Smoothing of spectra by local polynomial fitting", "container": "Analytical Methods", "year": "1971"}),
    ],
)
def test_a_remark_in_brackets_closing_the_entry_is_no_element(text, fields_read):
    f = fields(text)
    f["container"] = f.get("journal") or f.get("booktitle")
    for name, value in fields_read.items():
        assert f.get(name) == value, (name, f)
    assert "pages" in fields_read or "pages" not in f


def test_an_imprint_or_an_access_date_in_brackets_stays_what_it_is():
    # the physics styles' imprint in brackets after the title's full stop: a year, a publisher, a place
    f = fields("K. Lindqvist & P. Osei. Stable Schemes for Stiff Transport. (Harwell Press, Oxford, 1994).")
    assert (f["publisher"], f["year"]) == ("Harwell Press", "1994")
    f = fields('"Metal Soaps in Practice" (Tamura Shobo Co., Ltd.)')
    assert f.get("publisher") == "Tamura Shobo Co., Ltd."


@pytest.mark.parametrize(
    "text, volume, number, pages, year",
    [
        # Math-Net.ru's `volume:issue, (year), pages` and `volume:issue (year), pages`
        ("P. Osei, “Lattice models of adsorption”, Physical Letters, 65:3-4, (1948), 117.", "65", "3-4", "117", "1948"),
        ("K. Lindqvist, et al., “Spin glasses on small graphs”, Scientific notes, 10:1, (2020), 2177.", "10", "1", "2177", "2020"),
        ("Осеев П. К. Об одной краевой задаче // Матем. заметки, 104:5 (2018), 3–26.", "104", "5", "3–26", "2018"),
    ],
)
def test_the_issue_after_the_volumes_colon_when_the_bracketed_year_and_pages_follow(text, volume, number, pages, year):
    f = fields(text)
    assert (f.get("volume"), f.get("number"), f.get("pages"), f.get("year")) == (volume, number, pages, year)


def test_a_state_of_publication_is_no_container():
    f = fields("K. Lindqvist and P. Osei, Revisiting the drainage time of a conical tank, in preparation (2016). (Cited on p. 791)")
    assert "booktitle" not in f and "journal" not in f
    assert f["note"] == "in preparation; Cited on p. 791"
    assert (f["title"], f["year"]) == ("Revisiting the drainage time of a conical tank", "2016")


def test_the_first_day_of_a_range_before_a_cyrillic_month_is_a_date():
    # GOST host with a conference's days `28 — 30 ноября 2017`, then the pages after their mark
    f = fields("Осеев П.К., Линдквист К. Картографирование пашен по снимкам // Конференция «Земля и карта», 28 — 30 ноября 2017, г. Пермь. – с. 110-120")
    assert (f["pages"], f["year"]) == ("110-120", "2017")
    assert corrected_labels(("Title.", T, 1.0), ("28", P, 0.8), ("—", P, 0.8), ("30", D, 0.9), ("ноября", D, 0.9), ("2017,", D, 1.0)) == [T, D, D, D, D, D]
    # after a page mark the range's first day stays the pages (its last, before the month, is read as before)
    assert corrected_labels(("Title.", T, 1.0), ("С.", P, 1.0), ("28", P, 1.0), ("—", P, 1.0), ("30", P, 1.0), ("ноября", D, 1.0)) == [T, P, P, P, D, D]


def test_a_lone_number_after_a_proceedings_series_in_apa_is_its_volume():
    f = fields("Lindqvist, K., & Osei, P. (2016). Sparse attention for long sequences. Advances in neural information processing systems, 29.")
    assert f["booktitle"] == "Advances in neural information processing systems"
    assert (f.get("volume"), f.get("pages")) == ("29", None)


def test_a_hosts_words_after_the_year_inside_its_title_are_the_hosts():
    # `// Computer Vision – ECCV 2014 Workshops. Zurich: Springer, 2014`: the host's title goes on after its year
    tokens = [("Title.", T, 1.0), ("//", J, 1.0), ("Robot", J, 1.0), ("Vision", J, 1.0), ("-", J, 1.0), ("RVC", J, 0.9), ("2019", D, 0.8),
              ("Workshops.", C, 0.7), ("Berlin:", L, 1.0), ("Springer,", "publisher", 1.0), ("2019,", D, 1.0), ("c.", P, 1.0), ("15–26.", P, 1.0)]
    assert corrected_labels(*tokens)[2:8] == [J] * 6
    # the host's other title information after ` : ` stays apart (lists19's rule)
    tokens = [("Title", T, 1.0), ("//", C, 1.0), ("Системы", C, 1.0), ("2014", D, 0.8), (":", C, 0.9), ("материалы", C, 0.9), ("конф.", C, 0.9),
              ("–", L, 1.0), ("Минск,", L, 1.0), ("2014.", D, 1.0)]
    assert corrected_labels(*tokens)[2:7] == [C, C, J, J, J]


def test_a_volume_and_page_range_read_inside_the_host_are_its_volume_and_pages(monkeypatch):
    # JSS's `Journal, 19, R1–R26.` read whole as the host (as the tagger read grobid_mullen_jss's)
    tokens = [("Okafor", A, 1.0), ("C,", A, 1.0), ("Brandt", A, 1.0), ("L", A, 1.0), ("(2004).", D, 1.0), ("“Separable", T, 1.0), ("Sleep", T, 1.0),
              ("Models.”", T, 1.0), ("Inverse", C, 0.8), ("Rest", C, 0.8), ("Problems,", C, 0.8), ("21,", C, 0.6), ("R1–R26.", C, 0.6)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f.get("journal") or f.get("booktitle"), f.get("volume"), f.get("pages")) == ("Inverse Rest Problems", "21", "R1–R26")
    # a host whose name ends in a number and nothing after it keeps it (`Proceedings of SIGIR, 2004`)
    tokens = [("Okafor", A, 1.0), ("C.", A, 1.0), ("Title.", T, 1.0), ("Journal", C, 0.8), ("of", C, 0.8), ("Rest,", C, 0.8), ("21.", C, 0.6)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert "pages" not in f


def test_a_number_after_version_is_no_page():
    f = fields("Okafor C, Brandt L, Lind M (2007). sleepr: Visualizing Sleep Data. R package version 1.0-2.")
    assert "pages" not in f and "journal" not in f and "booktitle" not in f
    assert (f["title"], f["note"]) == ("sleepr: Visualizing Sleep Data", "R package version 1.0-2")


def test_a_supplements_pages_with_their_s_are_a_range_not_a_count():
    # Vancouver's `119(1 Suppl):132S-75S`: `75S.` is no page count (German `S.`), the range is the pages
    f = fields("Okafor CN, Brandt LM, Lind MJ: Prevention of sleep loss. Chest 2004, 126(3 Suppl):188S-203S.")
    assert (f.get("volume"), f.get("pages"), f.get("pagetotal")) == ("126", "188S-203S", None)


@pytest.mark.parametrize(
    "text, year, title",
    [
        ("Okafor, C., & Brandt, L. (12.03.2020). Sleep and glucose in shift workers. Retrieved from https://example.org/sleep", "2020", "Sleep and glucose in shift workers"),
        # a data set's coverage in the date's place: its first year (biblatex's date range)
        ("Sleep Data Centre. (01/02/2005 - 11/15/2022). Hourly sleep records of shift workers (HSR) datasets. Retrieved from https://example.org/hsr", "2005",
         "Hourly sleep records of shift workers (HSR) datasets"),
    ],
)
def test_apas_date_written_in_figures_after_the_authors(text, year, title):
    f = fields(text)
    assert (f.get("year"), f.get("title")) == (year, title)


def test_a_russian_contraction_is_no_date():
    # `// Финансовый ун-т / 2022.`: `ун-т` read as the date ends the host's name
    tokens = [("Title", T, 1.0), ("//", J, 1.0), ("Аграрный", J, 1.0), ("ун-т", D, 0.7), ("/", D, 0.8), ("2021.", D, 1.0), ("С.", P, 1.0), ("12-19", P, 1.0)]
    assert corrected_labels(*tokens) == [T, J, J, J, D, D, P, P]
    # a year's own words stay the date's (`2021 г.`), and so does a contraction after a date
    assert corrected_labels(("Title.", T, 1.0), ("–", D, 1.0), ("2021", D, 1.0), ("г.", D, 1.0)) == [T, D, D, D]


def test_a_title_goes_on_after_a_nouns_abbreviation_and_to_gosts_slashes():
    # `вод р. Шаган // Вестник …`, `… оз. Балхаш. Вестник …`: after `р.` (река), `оз.`, `г.` the
    # capitalised name is the title's, up to GOST's `//` or `/`, or to its sentence's end when the
    # element the tagger began with it goes on after it (lists23, batch 6's Kazakhstani lists).
    assert corrected_labels(("Состав", T, 1.0), ("воды", T, 1.0), ("р.", T, 1.0), ("Ертіс", J, 0.8), ("//", J, 1.0), ("Вестник", J, 1.0), ("КазНУ.", J, 1.0)) == [T, T, T, T, J, J, J]
    assert corrected_labels(("Состав", T, 1.0), ("воды", T, 1.0), ("р.", T, 1.0), ("Ертіс", A, 0.8), ("/", A, 1.0), ("Иванов", A, 1.0), ("И.И.", A, 1.0)) == [T, T, T, T, A, A, A]
    assert corrected_labels(("Донные", T, 1.0), ("отложения", T, 1.0), ("оз.", T, 1.0), ("Балхаш.", J, 0.8), ("Гидрометеорология", J, 1.0), ("и", J, 1.0), ("экология.", J, 1.0)) == [T, T, T, T, J, J, J]
    # a title with no mark after it followed by its journal's name is left as read (IOP's
    # `Title Class. Quantum Grav.`, `Тіл тағылымы ҚазҰУ Хабаршысы. Филология сериясы`), and so
    # is a host's acronym before GOST's slash
    assert corrected_labels(("Advanced", T, 1.0), ("detectors", T, 1.0), ("Class.", J, 0.8), ("Quantum", J, 1.0), ("Grav.", J, 1.0)) == [T, T, J, J, J]
    assert corrected_labels(("Тіл", T, 1.0), ("тағылымы", T, 1.0), ("ҚазҰУ", J, 0.8), ("Хабаршысы.", J, 1.0), ("Филология", J, 1.0)) == [T, T, J, J, J]
    assert corrected_labels(("Coordinating", T, 1.0), ("obligations", T, 1.0), ("CEUR", J, 0.8), ("Workshop", J, 1.0), ("/", J, 1.0), ("под", J, 1.0)) == [T, T, J, J, J, J]


def test_a_years_cyrillic_letter_and_a_journals_translation_in_brackets():
    # Russian and Kazakh journals' romanised lists (lists23, batch 6): `(2013а)` with a Cyrillic
    # letter is the year 2013, and `Journal [Its translation] 22(4)` names the journal before the
    # bracket, as `Title [Its translation]` names the title.
    f = fields("Omarov, A.B., Serikova, D.K. (2013б). Ozera Kazakhstana [Lakes of Kazakhstan]. Gidrometeorologiya i ekologiya [Hydrometeorology and Ecology] 22(4), 66-73.")
    assert (f.get("year"), f.get("title"), f.get("journal"), f.get("journaltitleaddon"), f.get("volume"), f.get("pages")) == (
        "2013", "Ozera Kazakhstana", "Gidrometeorologiya i ekologiya", "Hydrometeorology and Ecology", "22", "66-73")


@pytest.mark.parametrize("journal", ["Annales du Musée national [Alger]", "Radiatsiya i risk [Radiation]"])
def test_a_bracket_after_a_journal_that_is_no_translation_of_it_stays(journal):
    # one word in brackets (a place, a one-word name) is no translation
    f = fields(f"Omarov, A.B. (2019). Ozera Kazakhstana. {journal}, 22(4), 66-73.")
    assert (f.get("journal"), f.get("journaltitleaddon")) == (journal, None)


def test_what_follows_a_place_and_its_colon_is_the_publisher():
    # GOST's imprint `– Астана : Институт …, 2019.`: the tagger read the institute as a journal
    # (lists23, batch 6's Tomsk paper: `– Алматы : Институт ядерной физики НЯЦ РК, 2005.`)
    f = fields("Омаров А.Б. Состояние рек Казахстана : отчет о НИР. – Астана : Институт географии и водной безопасности, 2019.")
    assert (f.get("address"), f.get("publisher"), f.get("journal"), f.get("booktitle")) == ("Астана", "Институт географии и водной безопасности", None, None)
    # a host with its volume and pages after a place keeps its name (no imprint of its own)
    f = fields("Омаров А.Б. Реки // Вестник КазНУ. – Алматы : Қазақ университеті, 2019. – Т. 3. – С. 5–9.")
    assert f.get("journal") == "Вестник КазНУ"


def test_a_quoted_title_after_a_nouns_abbreviation_and_a_classification_index():
    # `«… вод р. Ертіс». УДК 504.4:577.4. Курчатов 2010 г.`: the title goes on to its quote's end,
    # and a UDC index is no pages (lists23, batch 6)
    assert corrected_labels(("«Состав", T, 1.0), ("вод", T, 1.0), ("р.", T, 1.0), ("Ертіс».", A, 0.8), ("Алматы", A, 1.0), ("2010", "date", 1.0)) == [T, T, T, T, A, "date"]
    assert corrected_labels(("Title.", T, 1.0), ("УДК", "genre", 0.9), ("504.4.054:", "genre", 0.9), ("577.4:539.16.", "pages", 0.8), ("2010", "date", 1.0)) == [T, "genre", "genre", "genre", "date"]


def test_apas_software_entry_keeps_its_version_and_kind_apart():
    # APA 7's `Title (Version 1.7) [Computer software]. https://…` (lists23, batch 6's apaquarto list)
    f = fields("Okafor, C., & Brandt, L. (2023). Sleepr (Version 2.1) [Computer software]. https://doi.org/10.5281/zenodo.1234567")
    assert (f.get("title"), f.get("version"), f.get("type"), f.get("publisher")) == ("Sleepr", "2.1", "Computer software", None)


# ---- the gazetteer (known names matched longest first; tagger/gazetteer.py) ------------------

_SMALL = gazetteer.Gazetteer.from_phrases([
    ("journal", ("journal", "of", "applied", "widgets")),
    ("journal", ("widgets",)),
    ("publisher", ("наука",)),
    ("publisher", ("john", "wiley", "sons")),
    ("place", ("new", "york")),
    ("journal", ("вестник", "кгу")),
])


def _known(text: str, kinds=gazetteer.KINDS, table=_SMALL, one_word=True) -> list[tuple[str, list[str]]]:
    """(token, its own gazetteer features) for each token of `text`, neighbours' left out."""
    tokens = [text[s:e] for s, e in tokenize(text)]
    words = [None if t == "//" else tagger_features.canonical(t) for t in tokens]
    starts = [next((c.isupper() for c in t if c.isalpha()), False) for t in tokens]
    feats = gazetteer.token_features(words, starts, kinds, table, one_word=one_word)
    return [(t, [f for f in fs if f.startswith("gz:")]) for t, fs in zip(tokens, feats)]


def test_gazetteer_marks_a_known_journal_begin_and_inside():
    got = _known("Kowalczyk M. Rotors. Journal of Applied Widgets, 12, 5-9.")
    assert got[3:7] == [("Journal", ["gz:journal=B"]), ("of", ["gz:journal=I"]), ("Applied", ["gz:journal=I"]), ("Widgets,", ["gz:journal=I"])]
    assert [f for _, f in got[:3] + got[7:]] == [[]] * 5  # nothing before or after the name (3 tokens, then `12,` `5-9.`)
    # the neighbours say where the name begins and ends: the title's last word, the volume
    words = ["kowalczyk", "m", "rotors", "journal", "of", "applied", "widgets", "12", "59"]
    feats = gazetteer.token_features(words, [True] * 4 + [False, True, True, False, False], gazetteer.KINDS, _SMALL)
    assert "+1:gz:journal=B" in feats[2] and "-1:gz:journal=I" in feats[7]


def test_gazetteer_leaves_a_partial_phrase_and_a_lower_case_start():
    got = _known("Kowalczyk M. Rotors. Journal of Applied Physics, 12, 5-9.")
    assert all(f == [] for _, f in got)  # `journal of applied` is only the start of a name
    assert _known("a new york story")[1:3] == [("new", []), ("york", [])]  # a name starts with a capital
    assert _known("A New York story")[1:3] == [("New", ["gz:place=B"]), ("York", ["gz:place=I"])]


def test_gazetteer_longest_match_and_one_word_names():
    got = _known("Widgets. Cambridge: John Wiley & Sons, 2001.")
    assert got[0] == ("Widgets.", ["gz:journal=S"])
    # `&` has no letter: the match passes over it
    assert got[2:6] == [("John", ["gz:publisher=B"]), ("Wiley", ["gz:publisher=I"]), ("&", ["gz:publisher=I"]), ("Sons,", ["gz:publisher=I"])]
    assert _known("Widgets. Cambridge: John Wiley & Sons, 2001.", kinds=("place",))[2:6] == [("John", []), ("Wiley", []), ("&", []), ("Sons,", [])]
    several = _known("Widgets. Cambridge: John Wiley & Sons, 2001.", one_word=False)
    assert several[0] == ("Widgets.", []) and several[2] == ("John", ["gz:publisher=B"])  # one-word names left out


def test_gazetteer_cyrillic_and_gost_separators():
    got = _known("Иванов И. И. Книга. – М. : Наука, 2001. – 200 с.")
    assert [t for t, f in got if f] == ["Наука,"] and dict(got)["Наука,"] == ["gz:publisher=S"]
    assert [f for _, f in _known("Вестник КГУ. 2001. № 3.")][:2] == [["gz:journal=B"], ["gz:journal=I"]]
    assert all(f == [] for _, f in _known("Вестник // КГУ. 2001."))  # a name never crosses `//`


def test_gazetteer_bytes_round_trip_and_features_switch(monkeypatch):
    again = gazetteer.Gazetteer.from_bytes(_SMALL.to_bytes())
    assert list(again.keys) == list(_SMALL.keys)
    text = "Kowalczyk M. Rotors. Journal of Applied Widgets, 12."
    spans = tokenize(text)
    monkeypatch.setattr(gazetteer, "shipped", lambda: _SMALL)
    monkeypatch.setattr(tagger_features, "GAZETTEER_KINDS", ())
    assert not any(f.startswith(b"gz:") for fs in tagger_features.sequence_features(text, spans) for f in fs)
    monkeypatch.setattr(tagger_features, "GAZETTEER_KINDS", ("journal",))
    feats = tagger_features.sequence_features(text, spans)
    assert [[f for f in fs if f.startswith(b"gz:")] for fs in feats][3:7] == [[b"gz:journal=B"], [b"gz:journal=I"], [b"gz:journal=I"], [b"gz:journal=I"]]


def test_a_place_printed_without_gosts_area_dash_is_the_place():
    # GOST 7.1-2003 lets a list print `. ` for the area's `. – ` (lists24, batch 7's botanical
    # proceedings): a city after a full stop, closed by a colon, is the place and the words after
    # it to the year the publisher; closed by a comma before the year, the place alone.
    B = "publisher"
    tokens = [("Title", T, 1.0), ("//", J, 1.0), ("Сезонная", J, 1.0), ("структура.", J, 1.0), ("Владивосток:", J, 0.9), ("Дальнаука.", J, 0.9), ("1993.", D, 1.0), ("156", P, 1.0), ("с.", P, 1.0)]
    assert corrected_labels(*tokens) == [T, J, J, J, L, B, D, P, P]
    tokens = [("Title", T, 1.0), ("//", J, 1.0), ("Тр.", J, 1.0), ("естествозн.", J, 1.0), ("Саратов,", J, 0.9), ("1927.", D, 1.0), ("Т.", "volume", 1.0), ("11.", "volume", 1.0)]
    assert corrected_labels(*tokens) == [T, J, J, J, L, D, "volume", "volume"]
    # GOST's abbreviation, a hyphenated city, a code's full stop before it
    assert corrected_labels(("Наследство.", J, 1.0), ("М.,", J, 0.9), ("1986.", D, 1.0)) == [J, L, D]
    assert corrected_labels(("наук:", "genre", 1.0), ("03.00.16.", "genre", 1.0), ("Йошкар-Ола,", B, 0.9), ("2009.", D, 1.0)) == ["genre", "genre", L, D]
    # a publisher read between the host and its place is the host's (GOST prints it after the place)
    tokens = [("Title", T, 1.0), ("//", C, 1.0), ("Экология", C, 1.0), ("Среднего", C, 1.0), ("Поволжья.", B, 0.7), ("Тольятти,", B, 0.8), ("2011.", D, 1.0)]
    assert corrected_labels(*tokens) == [T, C, C, C, C, L, D]
    # not a place: a city inside a host's title, one without a full stop before it, an initial's
    # full stop before it, or no year after it
    for tokens in ([("Вестник.", J, 1.0), ("Самара", J, 1.0), ("и", J, 1.0), ("регион,", J, 1.0), ("2001.", D, 1.0)],
                   [("Вестник", J, 1.0), ("Самара,", J, 1.0), ("2001.", D, 1.0)],
                   [("Иванов", A, 1.0), ("И.", A, 1.0), ("Пенза,", T, 0.9), ("2001.", D, 1.0)],
                   [("Вестник.", J, 1.0), ("Самара:", J, 1.0), ("Изд.", J, 1.0), ("Т.", "volume", 1.0)]):
        assert corrected_labels(*tokens) == [label for _, label, _ in tokens]


def test_a_gost_host_printed_without_area_dashes_keeps_its_place_and_publisher_apart():
    f = fields("Кафанов А.И., Жуков В.Е. Сообщество макрофитов залива // Сезонная изменчивость и пространственная структура. Владивосток: Дальнаука. 1993. 156 с.")
    assert (f.get("journal") or f.get("booktitle"), f.get("address"), f.get("publisher")) == ("Сезонная изменчивость и пространственная структура", "Владивосток", "Дальнаука")
    f = fields("Калашников Л.М. К флоре уезда // Тр. Саратов. о-ва естествоиспыт. Саратов, 1927. Т. 11, вып. 1. С. 53–60.")
    assert (f.get("address"), f.get("volume"), f.get("pages")) == ("Саратов", "11", "53–60")
    assert "Саратов," not in (f.get("journal") or "") and not (f.get("journal") or "").endswith("Саратов")


def test_compilers_and_editors_after_gosts_slash_are_no_authors():
    # `Красная книга … / Сост. А.И. Иванов, Л.А. Новикова. Пенза, 2002.` (lists24, batch 7): a
    # work with no author is described under its title; the names after its role are the editors
    f = fields("Определитель растений Пензенской области. Т. 2: Злаки / Сост. А.И. Петров, Л.А. Сидорова. Пенза, 2004. 96 с.")
    assert (f.get("author"), f.get("editor"), f.get("address")) == (None, "Петров, А. И. and Сидорова, Л. А.", "Пенза")
    tokens = [("Атлас.", T, 1.0), ("/", A, 1.0), ("Под", A, 1.0), ("ред.", A, 1.0), ("Г.С.", A, 1.0), ("Ломова", A, 1.0), ("и", T, 0.7), ("проф.", T, 0.7), ("С.В.", A, 1.0), ("Орлова.", A, 1.0), ("Самара:", L, 1.0)]
    assert corrected_labels(*tokens) == [T] + ["editor"] * 9 + [L]
    # a work with its authors first keeps them, and a statement with no role is left as read
    tokens = [("Петров", A, 1.0), ("А.И.", A, 1.0), ("Атлас", T, 1.0), ("/", A, 1.0), ("Сост.", A, 1.0), ("Л.А.", A, 1.0), ("Сидорова.", A, 1.0)]
    assert corrected_labels(*tokens) == [label for _, label, _ in tokens]
    tokens = [("Атлас", T, 1.0), ("/", A, 1.0), ("А.И.", A, 1.0), ("Петров.", A, 1.0)]
    assert corrected_labels(*tokens) == [label for _, label, _ in tokens]


def test_a_lone_capital_opening_the_title_is_no_name():
    # `В Госдуме прошло совещание …` (lists24, batch 7): the preposition is the title's first word
    f = fields("В Госдуме прошло совещание по реабилитации [Электронный ресурс]. – URL: http://duma.example/novosti/1 (24.01.2024)")
    assert (f.get("author"), f.get("title")) == (None, "В Госдуме прошло совещание по реабилитации")
    assert corrected_labels(("В", A, 0.9), ("Госдуме", T, 1.0), ("прошло", T, 1.0)) == [T, T, T]
    # initials and a one-word name stay
    assert corrected_labels(("В.", A, 0.9), ("Госдуме", T, 1.0), ("прошло", T, 1.0)) == [A, T, T]
    assert corrected_labels(("Ли", A, 0.9), ("Госдуме", T, 1.0), ("прошло", T, 1.0)) == [A, T, T]


def test_a_two_letter_initial_keeps_its_full_stop():
    # `Игнарро Л.Дж.` (Russian transliteration: `Дж.` for J.): the name's last initial, not its family name
    assert names("Игнарро Л.Дж.") == "Игнарро, Л. Дж."
    assert names("Уэбблс Д.Дж., Петров И.И.") == "Уэбблс, Д. Дж. and Петров, И. И."


def test_one_more_name_after_a_family_first_lists_comma_is_the_last_author():
    # `…, Гаврилова М.Н., Полянская Т.А. Экологические шкалы …` (lists24, batch 7: the tagger read
    # the ninth name of a list as the title's first words)
    tokens = [("Орлова", A, 1.0), ("Л.А.,", A, 1.0), ("Сидоров", A, 1.0), ("М.Н.,", A, 1.0), ("Полякова", T, 0.8), ("Т.А.", T, 0.8), ("Экологические", T, 1.0), ("шкалы", T, 1.0)]
    assert corrected_labels(*tokens) == [A, A, A, A, A, A, T, T]
    # a list closed by its full stop, or a title word after the comma, stays as read
    closed = tokens[:3] + [("М.Н.", A, 1.0)] + tokens[4:]
    assert corrected_labels(*closed) == [label for _, label, _ in closed]
    worded = tokens[:4] + [("Полякова", T, 0.8), ("экология", T, 0.8), ("Экологические", T, 1.0), ("шкалы", T, 1.0)]
    assert corrected_labels(*worded) == [label for _, label, _ in worded]


def test_gosts_responsibility_before_the_areas_dash_is_no_host():
    # `Title / Л.Дж. Игнарро. – Журнал физиологии …, 53, 2002. – С. 503-514.` (lists24, batch 7)
    tokens = [("Title", T, 1.0), ("/", J, 0.6), ("Дж.", J, 0.8), ("О.Орлов", J, 0.8), ("–", J, 1.0), ("Thorax,", J, 1.0), ("54", "volume", 1.0)]
    assert corrected_labels(*tokens) == [T, A, A, A, J, J, "volume"]
    tokens = [("Title", T, 1.0), ("/", A, 0.8), ("Л.Дж.", J, 0.8), ("Орлов.", J, 0.8), ("–", J, 1.0), ("Журнал", J, 1.0), ("физиологии,", J, 1.0)]
    assert corrected_labels(*tokens) == [T, A, A, A, J, J, J]
    # the host after the dash read as the title's or the issue's words is the journal, or the book
    # when its publisher follows (`/ Баранов Д.З, Трофимов В.И. – Практическая пульмонология, №3`)
    tokens = [("Title", T, 1.0), ("/", A, 0.8), ("Орлов", A, 1.0), ("Д.З,", A, 1.0), ("Юдин", A, 1.0), ("В.И.", A, 1.0), ("–", T, 0.5), ("Практическая", T, 0.8),
              ("пульмонология,", T, 0.8), ("№3,", "issue", 1.0), ("2020.", D, 1.0)]
    assert corrected_labels(*tokens) == [T, A, A, A, A, A, J, J, J, "issue", D]
    tokens = [("Title", T, 1.0), ("/", T, 0.8), ("Д.Дж.", T, 0.8), ("Орлов", T, 0.8), ("–", T, 0.8), ("Справочник", T, 0.8), ("химика:", T, 0.8), ("Elsevier,", "publisher", 1.0), ("2017.", D, 1.0)]
    assert corrected_labels(*tokens) == [T, A, A, A, C, C, C, "publisher", D]
    # words after the slash that are no names (a translator's note, a host's words) stay, and
    # GOST's `//` ends the statement (`/ А. Н. Давыдов [и др.] // Интернаука. - 2018.`)
    tokens = [("Title", T, 1.0), ("/", J, 0.6), ("пер.", J, 0.8), ("с", J, 0.8), ("англ.", J, 0.8), ("–", J, 1.0), ("Thorax,", J, 1.0)]
    assert corrected_labels(*tokens) == [label for _, label, _ in tokens]
    f = fields("Гибридные модели микросервисов / А. Н. Орлов [и др.] // Интернаука. - 2018. - T. 104. - № 3. - с. 2205–2232.")
    assert (f.get("journal"), f.get("volume")) == ("Интернаука", "104")
    # a lower-case kind of work after the dash is no host (`/ Орлова Е.Н. – текст: электронный // Site`)
    tokens = [("Title", T, 1.0), ("/", A, 0.8), ("Орлова", A, 1.0), ("Е.Н.", A, 1.0), ("–", T, 0.8), ("текст:", T, 0.8), ("электронный", T, 0.8), ("//", C, 1.0), ("Сеть", C, 1.0)]
    assert corrected_labels(*tokens) == [label for _, label, _ in tokens]


def test_a_lower_case_word_before_gosts_slash_is_the_titles():
    # `… под действием ацетилхолина / Р. Ф. Фурчготт` (lists24, batch 7): the tagger began the
    # names one word early
    tokens = [("Роль", T, 1.0), ("ацетилхолина", A, 0.7), ("/", A, 1.0), ("Р.", A, 1.0), ("Ф.", A, 1.0), ("Орлов", A, 1.0)]
    assert corrected_labels(*tokens) == [T, T, A, A, A, A]
    # a particle before the slash is a name's (`… / van`: no title word)
    tokens = [("Роль", T, 1.0), ("van", A, 0.7), ("/", A, 1.0), ("Р.", A, 1.0)]
    assert corrected_labels(*tokens) == [label for _, label, _ in tokens]


def test_a_legal_act_cited_by_its_designation_is_read_from_its_name():
    # `Федеральный закон от … № 323-ФЗ (ред. от …) «Об основах …» // Собрание законодательства РФ.
    # – 2011. – № 48. – Ст. 6724.` (lists24, batch 7's law paper): the name in quotes is the title,
    # the designation the act's kind, the gazette its host and `Ст.` (the item's number) its pages
    f = fields("Федеральный закон от 29 декабря 2012 г. № 273-ФЗ (ред. от 04.08.2023) «Об образовании в Российской Федерации» // Собрание законодательства РФ. – 2012. – № 53. – Ст. 7598.")
    assert (f.get("title"), f.get("journal"), f.get("year"), f.get("pages")) == ("Об образовании в Российской Федерации", "Собрание законодательства РФ", "2012", "7598")
    assert f.get("type") == "Федеральный закон от 29 декабря 2012 г. № 273-ФЗ (ред. от 04.08.2023)" and f.get("author") is None
    # the act's number in the gazette is its pages even where the tagger read it as nothing (a second gazette after `;`)
    f = fields("Указ Президента РФ от 03 апреля 2023 г. № 232 (ред. от 10.04.2023) «О создании фонда «Защитники»» // Собрание законодательства РФ. – 2023. – № 15. – Ст. 2660; 2023. – № 16. – Ст. 2895.")
    assert (f.get("pages"), f.get("year")) == ("2660", "2023")
    # the designation's year when nothing else is printed
    f = fields("Закон Республики Казахстан от 27 июля 2007 года № 319-III «Об образовании».")
    assert (f.get("title"), f.get("year"), f.get("author")) == ("Об образовании", "2007", None)
    # the Kazakh designation stands around the name, its kind last, or after the name
    for text in ("Қазақстан Республикасының 2007 жылғы 27 шілдедегі № 319-III «Білім туралы» Заңы // Егемен Қазақстан. – 2007.",
                 "«Білім туралы» Қазақстан Республикасының 2007 жылғы 27 шілдедегі № 319-III Заңы."):
        f = fields(text)
        assert (f.get("title"), f.get("year"), f.get("type")) == ("Білім туралы", "2007", "Қазақстан Республикасының 2007 жылғы 27 шілдедегі № 319-III Заңы")
    # a work whose title opens with such a word, with no act's date or number, is read as before
    assert fields("Закон и порядок: очерки / И.И. Иванов. – М.: Наука, 2001. – 200 с.").get("type") is None


def test_a_year_of_account_in_a_title_and_a_bare_years_cyrillic_letter():
    # `Таблицы приливов на 2007 год. … 2006.` (lists24, batch 7): the year the work is about is the
    # title's, the imprint's year the work's
    f = fields("Справочник погоды на 2015 год. Т. 2. Воды Сибири. Гидрометеоиздат, 2014. 120 с.")
    assert (f.get("year"), f.get("title", "").endswith("на 2015 год")) == ("2014", True)
    tokens = [("Отчёт", T, 1.0), ("за", T, 1.0), ("2022", D, 0.9), ("год.", T, 1.0), ("М.,", L, 1.0), ("2023.", D, 1.0)]
    assert corrected_labels(*tokens) == [T, T, T, T, L, D]
    # with no later year it stays the year
    assert corrected_labels(*tokens[:4]) == [T, T, D, T]
    # GOST's bare `1902а.` (a second work of the year) is the year 1902
    assert fields("Орлов Б.А. Обзор видов рода. С.-Пб, 1902а. 167 с.").get("year") == "1902"


def test_the_publishers_label_and_a_special_issues_mark():
    # `М. : Издательство: МГТУ им. Баумана, 2008.`, `// Вестник ОГУ. Спец. вып. (67).` (lists24, batch 7)
    assert fields("Орлов А. Ф. Основы напыления / А. Ф. Орлов. М. : Издательство: МГТУ им. Баумана, 2008. 360 с.").get("publisher") == "МГТУ им. Баумана"
    assert fields("Орлов А. Ф. Основы напыления. Саратов: Изд-во СГУ, 2008. 360 с.").get("publisher") == "Изд-во СГУ"
    tokens = [("//", J, 1.0), ("Вестник", J, 1.0), ("ОГУ.", J, 1.0), ("Спец.", J, 0.8), ("вып.", "issue", 1.0), ("(67).", "issue", 1.0)]
    assert corrected_labels(*tokens) == [J, J, J, "issue", "issue", "issue"]


def test_a_titles_numbered_part_is_no_journal():
    # `Из области Пензенской лесостепи. I. Травяные степи …` (lists24, batch 7): a part's roman
    # number after the title's full stop goes on with the title, no journal starts there
    f = fields("Орлов И.И. Из области степей. II. Кустарниковые степи губернии. М., 1925. 242, XIII с.")
    assert (f.get("title"), f.get("journal")) == ("Из области степей. II. Кустарниковые степи губернии", None)


def test_a_title_read_as_names_before_gosts_slash():
    # `Ellenberg H. Ziegerwerte der Gefaspflanzen … / H. Ellenberg // Scripta geobotanica.` (lists24,
    # batch 7): the words with no initials between the first name and ` / ` are the title
    tokens = [("Orlov", A, 1.0), ("H.", A, 1.0), ("Zeigerwerte", A, 0.9), ("der", A, 0.9), ("Pflanzen", A, 0.9), ("/", A, 0.9), ("H.", A, 0.9), ("Orlov", T, 0.6), ("//", J, 1.0), ("Scripta.", J, 1.0)]
    assert corrected_labels(*tokens) == [A, A, T, T, T, A, A, A, J, J]
    # names on both sides of the slash with initials stay as read (a second author is no title)
    tokens = [("Orlov", A, 1.0), ("H.,", A, 1.0), ("Weber", A, 0.9), ("K.", A, 0.9), ("/", A, 0.9), ("H.", A, 0.9), ("Orlov", A, 0.6), ("//", J, 1.0)]
    assert corrected_labels(*tokens) == [label for _, label, _ in tokens]


def test_a_publisher_after_a_titles_question_mark():
    # `Was ist eine gute Frage? VS Verlag für Sozialwissenschaften. https://doi.org/…` (batch 6's
    # APA 7 list, read by lists24): the tagger read the publisher into the title
    tokens = [("Was", T, 1.0), ("ist", T, 1.0), ("ein", T, 1.0), ("Test?", T, 1.0), ("Beltz", T, 0.9), ("Verlag", T, 0.9), ("für", T, 0.9), ("Psychologie.", T, 0.9), ("https://doi.org/1", "doi", 1.0)]
    assert corrected_labels(*tokens) == [T, T, T, T, "publisher", "publisher", "publisher", "publisher", "doi"]
    f = fields("Orlov, F., & Weber, M. (2009). Was ist ein guter Test? Beltz Verlag für Psychologie. https://doi.org/10.1007/978-3-531-91441-1")
    assert (f.get("title"), f.get("publisher")) == ("Was ist ein guter Test?", "Beltz Verlag für Psychologie")
    # a title's second sentence with no publisher's word stays the title's
    tokens = [("Is", T, 1.0), ("it", T, 1.0), ("good?", T, 1.0), ("A", T, 1.0), ("university", T, 1.0), ("study.", T, 1.0), ("https://doi.org/1", "doi", 1.0)]
    assert corrected_labels(*tokens) == [label for _, label, _ in tokens]


def test_a_conferences_dates_and_place_in_brackets_after_the_proceedings_title():
    # `// Раритеты флоры …: докл. участников науч. конф. (Тольятти, 12-15 окт. 2009 г.). Тольятти,
    # 2009.` (lists24, batch 7): the bracket is the conference's (biblatex's venue and eventdate),
    # not the work's year and publisher, nor the proceedings' title
    f = fields("Орлова В.Н. Виды на границе ареала // Редкие растения бассейна: докл. участников науч. конф. (Самара, 12-15 окт. 2009 г.). Самара, 2009. С. 59-61.")
    assert ((f.get("journal") or f.get("booktitle")), f.get("eventdate"), f.get("venue"), f.get("address"), f.get("publisher"), f.get("year")) == (
        "Редкие растения бассейна: докл. участников науч. конф", "12-15 окт. 2009 г.", "Самара", "Самара", None, "2009")
    tokens = [("конф.", C, 1.0), ("(Самара,", C, 0.8), ("12-15", D, 0.6), ("окт.", D, 0.6), ("2009", D, 0.6), ("г.).", "publisher", 0.7), ("Самара,", "publisher", 0.8), ("2009.", D, 1.0)]
    assert corrected_labels(*tokens) == [C, C, C, C, C, C, L, D]
    # a bracket with no month and no `г.` (a translation, a series) stays as read
    tokens = [("конф.", C, 1.0), ("(Серия", C, 0.8), ("2009)", D, 0.6), ("Самара,", "publisher", 0.8), ("2009.", D, 1.0)]
    assert corrected_labels(*tokens)[:3] == [C, C, D]


def test_a_short_number_between_the_journal_and_the_year_is_its_volume():
    # `– Журнал физиологии и фармакологии, 53, 2002. – С. 503-514.` (lists24, batch 7)
    tokens = [("Журнал", J, 1.0), ("физиологии,", J, 1.0), ("53,", D, 0.5), ("2002.", D, 1.0), ("–", P, 1.0), ("С.", P, 1.0), ("503-514.", P, 1.0)]
    assert corrected_labels(*tokens) == [J, J, "volume", D, P, P, P]
    # a year stays the date
    tokens[2] = ("2001,", D, 0.5)
    assert corrected_labels(*tokens)[2] == D


def test_gosts_abbreviated_place_ending_a_host_without_its_full_stop():
    # `// Науч. наследство М., 1986. Т. 11` (lists24, batch 7): `М.` is Moscow, not the journal's
    tokens = [("//", J, 1.0), ("Науч.", J, 1.0), ("наследство", J, 1.0), ("М.,", J, 0.8), ("1986.", D, 1.0), ("Т.", "volume", 1.0), ("11.", "volume", 1.0)]
    assert corrected_labels(*tokens) == [J, J, J, L, D, "volume", "volume"]
    # an author's initial stays the author's
    tokens = [("Орлов", A, 1.0), ("М.,", A, 1.0), ("1986.", D, 1.0)]
    assert corrected_labels(*tokens) == [A, A, D]


def test_where_a_work_was_presented_is_no_publisher(monkeypatch):
    # `… a systematic review. Presented at the Cochrane Colloquium, Oslo, 1999.` (batch 1's
    # cermine_test5, read again by lists24): the event is a note
    tokens = [("Orlov", A, 1.0), ("AR.", A, 1.0), ("Empirical", T, 1.0), ("review.", T, 1.0), ("Presented", "publisher", 0.7), ("at", "publisher", 0.7), ("the", "publisher", 0.7),
              ("Annual", "publisher", 0.7), ("Colloquium,", "publisher", 0.7), ("Oslo,", L, 1.0), ("1999.", D, 1.0)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f.get("publisher"), f.get("note"), f.get("address")) == (None, "Presented at the Annual Colloquium", "Oslo")
    # read as a collection it stays one (the labelled sets call `Paper presented at …` the container)
    tokens[4:9] = [(w, C, 0.7) for w, _, _ in tokens[4:9]]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert f.get("note") is None


def test_a_kind_of_work_read_as_the_publisher_is_its_type(monkeypatch):
    # `Растительность Пензенской области: Лекции. Пенза, 2002.` (lists24, batch 7)
    tokens = [("Орлова", A, 1.0), ("Л.А.", A, 1.0), ("Растительность", T, 1.0), ("области:", T, 1.0), ("Лекции.", "publisher", 0.8), ("Пенза,", L, 1.0), ("2002.", D, 1.0), ("42", P, 1.0), ("с.", P, 1.0)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f.get("publisher"), f.get("type"), f.get("address")) == (None, "Лекции", "Пенза")
    # a publisher after the place's colon stays
    tokens = [("Орлова", A, 1.0), ("Л.А.", A, 1.0), ("Растительность.", T, 1.0), ("Пенза:", L, 1.0), ("Наука,", "publisher", 1.0), ("2002.", D, 1.0)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert f.get("publisher") == "Наука"


def test_a_city_closing_the_publisher_after_its_comma_is_the_place(monkeypatch):
    # `Intellect Publishing House, Kurchatov.` (batch 6's Vestnik ENU list, read by lists24)
    tokens = [("Orlov,", A, 1.0), ("M.T.", A, 1.0), ("(2023).", D, 1.0), ("Title.", T, 1.0), ("Intellect", "publisher", 1.0), ("Publishing", "publisher", 1.0), ("House,", "publisher", 1.0), ("Kurchatov.", "publisher", 0.8)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f.get("publisher"), f.get("address")) == ("Intellect Publishing House", "Kurchatov")
    # a publisher's own last word is no place
    tokens[-1] = ("Ltd.", "publisher", 0.8)
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f.get("publisher"), f.get("address")) == ("Intellect Publishing House, Ltd.", None)


# ---- batch 8's conventions (lists25): each case invented, labels set by hand as the tagger misread them


def test_a_bracketed_year_after_the_volume_is_the_date():
    # `Journal 117 (2002), № 1-3, 41-50.` with the bracket read as the issue
    tokens = [("Moreau", A, 1.0), ("B.", A, 1.0), ("Lattices.", T, 1.0), ("Discrete", J, 1.0), ("Structures", J, 1.0), ("45", "volume", 1.0),
              ("(1999),", "issue", 0.7), ("№", "issue", 1.0), ("2-4,", "issue", 1.0), ("101-117.", P, 1.0)]
    assert corrected_labels(*tokens)[6] == D
    # with a date read elsewhere the bracket is left as read
    tokens[2] = ("2001.", D, 1.0)
    assert corrected_labels(*tokens)[6] == "issue"


def test_a_short_capitalised_run_after_a_question_is_the_journal():
    # Vancouver `… What Is Not? Seminars in Hydrology. 2015;12:33–40.` with the journal's first words read as the title's
    tokens = [("Berg", A, 1.0), ("AB.", A, 1.0), ("Where", T, 1.0), ("Is", T, 1.0), ("It?", T, 1.0), ("Seminars", T, 0.8), ("in", T, 0.8),
              ("Hydrology.", J, 1.0), ("2015;", D, 1.0)]
    assert corrected_labels(*tokens) == [A, A, T, T, T, J, J, J, D]
    # a subtitle after the question goes on in lower case: it stays the title's
    tokens[5:7] = [("Estimating", T, 0.8), ("loss.", T, 0.8)]
    assert corrected_labels(*tokens)[5:7] == [T, T]


def test_a_volume_inside_a_gost_host_is_its_volume(monkeypatch):
    # `// Вымышленные технологии (ВТ 2019), Том 2: труды конференции. Казань: Наука, 2019.`
    tokens = [("Иванов", A, 1.0), ("И.И.", A, 1.0), ("Статья", T, 1.0), ("//", C, 1.0), ("Вымышленные", C, 1.0), ("технологии", C, 1.0), ("(ВТ", C, 1.0),
              ("2019),", C, 1.0), ("Том", C, 0.8), ("2:", C, 0.8), ("труды", C, 0.8), ("конференции.", C, 0.8), ("Казань:", L, 1.0), ("Наука,", "publisher", 1.0), ("2019.", D, 1.0)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f.get("booktitle"), f.get("volume"), f.get("type")) == ("Вымышленные технологии (ВТ 2019)", "2", "труды конференции")


def test_an_organisation_opening_the_entry_is_its_author(monkeypatch):
    # `World Meteorological Organization. Guide to snow gauges. 2019.` read as one title
    tokens = [("World", T, 1.0), ("Meteorological", T, 1.0), ("Organization.", T, 1.0), ("Guide", T, 1.0), ("to", T, 1.0), ("gauges.", T, 1.0), ("2019.", D, 1.0)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert f.get("title") == "Guide to gauges"
    assert family_names(f.get("author"))[-1].split()[-1] == "Organization"
    # a title that is no organisation's name stays whole
    tokens[2] = ("Gauges.", T, 1.0)
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert f.get("author") is None and f.get("title").startswith("World Meteorological Gauges")


def test_vancouver_hyphenated_initials_follow_the_family_name():
    # `Thomas L-M, Brandt E-M, Ost P.`: `L-M` are initials (Lise-Marie), never a family name
    assert names("Nowak K-H, Brandt E-M, Ost P.") == "Nowak, K-H and Brandt, E-M and Ost, P."


def test_one_given_family_name_then_another_closed_by_a_full_stop_before_more_title():
    # `Mark Lundstrom, Jing Guo. Nanoscale Transistors. Springer, 2006.`: the second name read as the title's first words
    tokens = [("Olvar", A, 1.0), ("Brenn,", A, 1.0), ("Tovik", T, 1.0), ("Lanner.", T, 1.0), ("Hollow", T, 1.0), ("Crystals.", T, 1.0), ("Springer,", "publisher", 1.0), ("2006.", D, 1.0)]
    assert corrected_labels(*tokens)[:6] == [A, A, A, A, T, T]
    # a two-word title closing the description stays the title (`Derek Greene, Mixed Signals. Springer`)
    tokens = [("Olvar", A, 1.0), ("Brenn,", A, 1.0), ("Hollow", T, 1.0), ("Crystals.", T, 1.0), ("Springer,", "publisher", 1.0), ("2006.", D, 1.0)]
    assert corrected_labels(*tokens)[:4] == [A, A, T, T]


def test_a_reports_year_after_its_titles_comma_before_the_works_year_is_the_titles():
    # `… global report on health data systems and capacity, 2020. 2021.`
    tokens = [("Snow", A, 1.0), ("Council.", A, 1.0), ("Annual", T, 1.0), ("report,", T, 1.0), ("2020.", D, 1.0), ("2021.", D, 1.0)]
    assert corrected_labels(*tokens) == [A, A, T, T, T, D]
    # one year after the comma is the work's
    assert corrected_labels(*tokens[:5]) == [A, A, T, T, D]


def test_a_country_after_the_titles_comma_closes_the_title():
    # APA `… of the Tobol River, Kazakhstan. Water, 11(3)` with the river's tail read as the journal's
    tokens = [("Orlov,", A, 1.0), ("K.", A, 1.0), ("(2019).", D, 1.0), ("Silt", T, 1.0), ("of", T, 1.0), ("the", T, 1.0), ("Tobol", T, 1.0),
              ("River,", J, 0.8), ("Kazakhstan.", J, 0.8), ("Water,", J, 1.0), ("11", "volume", 1.0)]
    assert corrected_labels(*tokens) == [A, A, D, T, T, T, T, T, T, J, "volume"]
    # a journal's abbreviation after the title's comma is the journal's (`…, Phys. Rev. Lett.`)
    tokens = [("Orlov,", A, 1.0), ("Silt,", T, 1.0), ("Phys.", J, 1.0), ("Rev.", J, 1.0), ("Lett.", J, 1.0), ("11", "volume", 1.0)]
    assert corrected_labels(*tokens) == [A, T, J, J, J, "volume"]


@pytest.mark.parametrize(
    "text, journal, addon",
    [
        # a one-word translation of the journal's name in a list that translates its titles so
        ("Orlov, A.B. (2015). Sostav vod reki [Composition of the river waters]. Gidrologiya [Hydrology] 3, 11–19.", "Gidrologiya", "Hydrology"),
    ],
)
def test_a_romanised_journals_translation_in_brackets_is_its_addon(text, journal, addon):
    f = fields(text)
    assert (f.get("journal"), f.get("journaltitleaddon")) == (journal, addon)


def test_a_one_word_bracket_after_a_journal_with_no_translated_title_stays():
    # `Annales du Musée [Alger]`: with no translated title, one word in brackets may be a place
    f = fields("Orlov, A.B. (2015). Sostav vod reki. Annales du Musée [Alger] 3, 11–19.")
    assert f.get("journaltitleaddon") is None


def test_a_journals_translation_whose_closing_bracket_the_value_lost_is_its_addon():
    # the tagger read `[NNC RK Bulletin]` apart and the name with the title; the journal rebuilt
    # from both had lost its `]`: the bracket is still the translation
    f = fields("Orlov, A.B. (2014). Sostav vod SIP [Composition of waters at the Site]. Vestnik NYaTs RK [NNC RK Bulletin] 3(22), 10–15.")
    assert (f.get("journal"), f.get("journaltitleaddon")) == ("Vestnik NYaTs RK", "NNC RK Bulletin")


def test_a_proceedings_short_name_in_brackets_closes_the_host():
    C = "container"
    # `// Proceedings of the Snow Conference (SNOWC), 2006, vol. 1` with the bracket read as the publisher
    tokens = [("Title.", T, 1.0), ("//", C, 1.0), ("Proceedings", C, 1.0), ("Snow", C, 1.0), ("Conference", C, 1.0), ("(SNOWC),", "publisher", 0.8),
              ("2006,", D, 1.0), ("vol.", "volume", 1.0), ("1,", "volume", 1.0)]
    assert corrected_labels(*tokens)[5] == C
    # `(SNOWC2006), 2006`: the year closing the bracket is the host's when the year follows
    tokens = [("Title.", T, 1.0), ("//", C, 1.0), ("Proceedings", C, 1.0), ("Snow", C, 1.0), ("(SNOWC", C, 1.0), ("2006),", D, 0.8), ("2006,", D, 1.0), ("pp.", P, 1.0), ("29-37.", P, 1.0)]
    assert corrected_labels(*tokens)[5] == C
    # `…, (SNOWC 2001), 2001, vol. 2` with the year after the bracket read as the host's
    tokens = [("Title.", T, 1.0), ("//", C, 1.0), ("Proceedings", C, 1.0), ("Snow,", C, 1.0), ("(SNOWC", C, 1.0), ("2001),", C, 1.0), ("2001,", C, 0.8), ("vol.", "volume", 1.0)]
    assert corrected_labels(*tokens)[6] == D
    # a bracket before the pages is some styles' publisher (`In Lecture Notes in Physics, (NASA), 22–59`)
    tokens = [("Title.", T, 1.0), ("In", C, 1.0), ("Lecture", C, 1.0), ("Notes,", C, 1.0), ("(NASA),", "publisher", 1.0), ("22–59.", P, 1.0)]
    assert corrected_labels(*tokens)[4] == "publisher"


def test_a_gost_host_mark_before_a_books_publisher(monkeypatch):
    # `Язык UML. Руководство. // ДМК Пресс, 2006. — 496 с.`: a whole book (a page total), the `//` before its publisher
    tokens = [("Орлов", A, 1.0), ("Б.", A, 1.0), ("Книга.", T, 1.0), ("//", J, 1.0), ("Снег", J, 1.0), ("Пресс,", J, 1.0), ("2006.", D, 1.0), ("—", P, 1.0), ("496", P, 1.0), ("с.", P, 1.0)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f.get("publisher"), f.get("journal")) == ("Снег Пресс", None)
    # a component part's pages after the year: the host stays the journal
    tokens[7:] = [("–", P, 1.0), ("С.", P, 1.0), ("26–35.", P, 1.0)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f.get("publisher"), f.get("journal")) == (None, "Снег Пресс")


def test_a_quoted_page_title_holds_its_volume_words():
    # IEEE's web page cited by its page's title: `“Results From X | AJPH | Vol. 98 Issue 1.” https://…`
    tokens = [("“Results", T, 1.0), ("From", T, 1.0), ("X", T, 1.0), ("|", T, 1.0), ("AJPH", J, 0.8), ("|", J, 0.8), ("Vol.", "volume", 0.8), ("98", "volume", 0.8),
              ("Issue", T, 0.8), ("1.”", T, 0.8), ("https://x.org/a", "url", 1.0)]
    assert corrected_labels(*tokens)[:10] == [T] * 10


def test_apas_state_of_publication_in_the_years_place_is_no_title_and_no_name():
    # lists26, batch 10: `(Forthcoming).` was read into the title, `(n.d.)` as a name, `(in press)` and all after it as a note
    f = fields("Lindqvist, T., & Moreau, P. (in press). Tidal sediment transport in narrow estuaries. Coastal Dynamics Review, 8(2), 41–57.")
    assert family_names(f["author"]) == ["Lindqvist", "Moreau"]
    assert (f["title"], f["journal"], f["volume"], f["pages"], f["note"]) == ("Tidal sediment transport in narrow estuaries", "Coastal Dynamics Review", "8", "41–57", "in press")
    assert "year" not in f
    f = fields("Okafor, N., Berg, L., & Salo, H. (Forthcoming). Counting birds from drones in wetland surveys. Journal of Field Ornithology Methods.")
    assert (f["title"], f["journal"], f["note"]) == ("Counting birds from drones in wetland surveys", "Journal of Field Ornithology Methods", "Forthcoming")
    assert "year" not in f
    f = fields("Marsh, D. (n.d.). Notes on estuary mapping. Retrieved from https://example.org/estuary")
    assert family_names(f["author"]) == ["Marsh"]
    assert f["title"] == "Notes on estuary mapping" and "year" not in f


def test_gost_notes_on_an_electronic_resource_are_no_publisher():
    f = fields("Основы работы с потоками [Электронный ресурс]. – Режим доступа: https://example.org/threads, свободный. – Загл. с экрана. – Яз. рус.")
    assert f["title"] == "Основы работы с потоками"
    assert "publisher" not in f and "address" not in f


def test_one_capitalised_word_before_a_lower_case_title_is_the_titles_first_word():
    f = fields("Два способа сжатия журналов событий [Электронный ресурс]. – Режим доступа: https://example.org/logs, свободный. – Загл. с экрана.")
    assert "author" not in f
    assert f["title"] == "Два способа сжатия журналов событий"


def test_names_after_gosts_slash_with_no_role_are_the_authors_and_the_edition_leaves_the_title():
    f = fields("Numerical methods for river channels: 3rd ed. /Ingrid P. Dahl, Marco Santi. – Oslo: Fjord Academic, 2015.-412 p.")
    assert family_names(f.get("author")) == ["Dahl", "Santi"]
    assert (f["title"], f["edition"], f["publisher"], f["year"], f["pagetotal"]) == ("Numerical methods for river channels", "3", "Fjord Academic", "2015", "412")
    f = fields("Halvorsen, E. M. (2012). Sediment budgets of sandy coasts. In K. Lund & J. Ortiz (Eds.), Coastal Processes (2nd ed., pp. 101–120). Northshore Press.")
    assert (f["booktitle"], f["edition"], f["pages"]) == ("Coastal Processes", "2", "101–120")


def test_the_number_after_the_number_sign_alone_is_the_issue():
    f = fields("Ivanova, K.L., Berg, T. A test of unequal variances in small samples / Journal of Applied Tests. 2011. № 14. Р. 22-30.")
    assert (f["journal"], f["year"], f["number"], f["pages"]) == ("Journal of Applied Tests", "2011", "14", "22-30")
    assert "volume" not in f


def test_a_bracketed_short_name_read_as_the_issue_after_a_host_is_the_hosts():
    # `// International Workshop on Surgical Vision (IWSV). — 2019. — P. 11–19.` with the bracket read as the issue
    C = "container"
    tokens = [("//", C, 1.0), ("International", C, 1.0), ("Workshop", C, 1.0), ("on", C, 1.0), ("Surgical", C, 1.0), ("Vision", C, 1.0),
              ("(IWSV).", "issue", 0.6), ("—", "date", 1.0), ("2019.", "date", 1.0), ("—", "pages", 1.0), ("P.", "pages", 1.0), ("11–19.", "pages", 1.0)]
    assert corrected_labels(*tokens)[6] == C


def test_a_host_read_inside_an_apa_titles_sentence_is_the_titles_words():
    f = fields("Osei, K., & Lund, M. (2019). Citation patterns of field studies in Nature and Science between 1990 and 2010. Public Understanding Review, 4(2), 11–29.")
    assert (f["title"], f["journal"], f["year"], f["volume"], f["pages"]) == (
        "Citation patterns of field studies in Nature and Science between 1990 and 2010", "Public Understanding Review", "2019", "4", "11–29")
    assert "booktitle" not in f
    f = fields("Varga, T. (2016). Replication of survey experiments in Science and Nature from 2005 to 2015. Journal of Open Methods, 7(1), 33–41.")
    assert (f["title"], f["journal"]) == ("Replication of survey experiments in Science and Nature from 2005 to 2015", "Journal of Open Methods")


def test_apa7s_ellipsis_before_the_last_author_separates_two_names():
    assert names("Okafor, C. F., Lind, A., Moreau, T., … Salo, H.") == "Okafor, C. F. and Lind, A. and Moreau, T. and Salo, H."
    assert names("Okafor, C. F., Lind, A., Moreau, T., . . . Salo, H.") == "Okafor, C. F. and Lind, A. and Moreau, T. and Salo, H."


def test_features_are_the_utf8_attribute_names_crfsuite_reads():
    # Handed str, pycrfsuite encodes every attribute name on every read: the features are made
    # as bytes, worked out here by hand for an invented two-token entry.
    text = "Смирнов А."
    first, second = tagger_features.sequence_features(text, tokenize(text))
    assert all(isinstance(f, bytes) for f in first + second)
    assert {"w=смирнов".encode(), b"pos=first", b"doc=cyr", b"1:w=\xd0\xb0", b"1:caps+num=single|none", b"+1:start=w", b"-1:edge"} <= set(first)
    assert {"w=а".encode(), b"pos=last", b"initial", "-1:w=смирнов".encode(), b"-1:end=\xd0\xb2", b"1:edge", b"prev-term+caps=none|single"} <= set(second)


# ---- lists27: conventions from batch 11's misses, tested on invented entries or labelled tokens ----


def test_a_volume_word_closing_a_gost_host_is_the_volumes_mark():
    f = fields("Петров И. И. ГЕОДЕЗИЯ // Малая техническая энциклопедия. Том 7. – Казань – 2011 – с. 310.")
    assert (f.get("journal") or f.get("booktitle"), f["volume"], f["pages"]) == ("Малая техническая энциклопедия", "7", "310")


def test_the_range_after_the_volumes_colon_is_the_pages_though_it_looks_like_a_year():
    # APS `Journal 23: 1890–1901, 2009.` with the range read as the date
    J, V, D = "journal", "volume", "date"
    tokens = [("Aging", J, 1.0), ("Physiology", J, 1.0), ("12:", V, 1.0), ("1802–1819,", D, 0.6), ("2011.", D, 1.0)]
    assert corrected_labels(*tokens)[3] == "pages"
    # a range of years with no volume's colon before it stays a date
    assert corrected_labels(("Report", "title", 1.0), ("12", V, 1.0), ("1998–2001,", D, 0.9), ("2002.", D, 1.0))[2] == D


def test_a_page_count_glued_to_its_mark_before_the_illustrations_is_the_length():
    P, D = "publisher", "date"
    tokens = [("Наука,", P, 1.0), ("2015.", D, 1.0), ("–", "doi", 0.5), ("412с.:", "doi", 0.5), ("цв.", "doi", 0.5), ("ил.", "doi", 0.5)]
    assert corrected_labels(*tokens)[3:] == ["pages", "note", "note"]


def test_a_number_glued_to_the_number_sign_is_the_issue_not_the_pages():
    tokens = [("Вестник.", "journal", 1.0), ("—", "date", 1.0), ("2020.", "date", 1.0), ("—", "pages", 1.0), ("№4–1", "pages", 0.6), ("(33).", "date", 0.5)]
    assert corrected_labels(*tokens)[4:] == ["issue", "issue"]


def test_vancouvers_particle_after_the_initials_is_the_family_names():
    f = fields("Hoek MA, Brink PJ, Berg KT van. Soil moisture and root growth in dune grasses. Journal of Coastal Botany 18: 233–241, 2016.")
    assert family_names(f["author"]) == ["Hoek", "Brink", "van Berg"]
    assert f["title"] == "Soil moisture and root growth in dune grasses"


def test_a_one_word_title_between_the_name_and_gosts_slash_before_the_imprints_dash():
    f = fields("Tarasov P. Compilers / A. Ivanov, P. Tarasov. — Oxford: Clarendon Press, 2012.")
    assert (family_names(f["author"])[0], f["title"], f["publisher"], f["year"]) == ("Tarasov", "Compilers", "Clarendon Press", "2012")


def test_gosts_note_on_a_pages_last_change_gives_no_volume_pages_or_journal():
    f = fields("Weathernet [Электронный ресурс] : Климат регионов / текст доступен по лицензии Wiki. – URL: https://weathernet.example.org/climate "
               "(дата обращения: 03.02.2023). – Загл. с экрана. – Последнее изменение страницы: 14:35, 2 января 2023 года. – Яз. рус.")
    assert not {"volume", "pages", "journal"} & set(f)


def test_the_other_title_information_after_the_electronic_resource_designation_is_the_titles():
    f = fields("Astroclub [Электронный ресурс] : Кометы и метеоры / текст доступен по лицензии CC BY. – URL: https://astroclub.example.org/comets "
               "(дата обращения: 05.03.2023). – Загл. с экрана.")
    assert f["title"] == "Astroclub: Кометы и метеоры" and "author" not in f
    f = fields("Vellinga, R. [Электронный ресурс] : Sorting Networks Explained / текст доступен по лицензии Medium. – URL: https://medium.example.com/sorting "
               "(дата обращения: 05.03.2023). – Загл. с экрана.")
    assert (family_names(f["author"]), f["title"]) == (["Vellinga"], "Sorting Networks Explained")
    f = fields("Мир.Физики [Электронный ресурс] : Законы Ньютона / текст доступен по лицензии Mir LLC; Мир.Физики. – URL: https://mirfiziki.example.ru/newton "
               "(дата обращения: 05.03.2023). – Загл. с экрана.")
    assert f["title"] == "Мир.Физики: Законы Ньютона" and "author" not in f


def test_the_last_family_name_of_given_family_names_read_into_the_title_is_the_authors():
    # the tagger read `…, Daniel` with the names and `Crempes.` with the title
    A, T = "author", "title"
    tokens = [("Anna", A, 1.0), ("Berg,", A, 1.0), ("Tomas", A, 1.0), ("Lind,", A, 1.0), ("Erik", A, 0.6), ("Wallin.", T, 0.5),
              ("GRID-MAP:", T, 1.0), ("Dense", T, 1.0), ("Mapping", T, 1.0)]
    assert corrected_labels(*tokens)[:6] == [A] * 6


def test_a_title_before_gosts_slash_with_a_list_of_names_after_it_before_the_imprint():
    f = fields("Орлов, К.В. Нейродинамика / К.В. Орлов, П.А. Седов, Т.Н. Климова и др. – Томск: Наука, 2003. – 210 с.")
    assert (family_names(f["author"])[0], f["title"], f["publisher"], f["year"]) == ("Орлов", "Нейродинамика", "Наука", "2003")


def test_a_publisher_with_no_place_before_the_year_and_a_page_range_is_the_host():
    # `/ А.Н. Горбань. - Изв. вузов. Матем., 1998. – 6-9с.`: a dash where GOST puts `//`
    P, D = "publisher", "date"
    tokens = [("Орлов.", "author", 1.0), ("-", P, 0.5), ("Вестн.", P, 0.5), ("физ.", P, 0.5), ("наук,", P, 0.5), ("2004.", D, 1.0), ("–", "pages", 1.0), ("15-28с.", "pages", 1.0)]
    assert corrected_labels(*tokens)[1:5] == ["journal"] * 4
    # a book's publisher before its page count stays the publisher
    count = [("Орлов.", "author", 1.0), ("-", P, 0.5), ("Наука,", P, 0.5), ("2004.", D, 1.0), ("–", "pages", 1.0), ("215", "pages", 1.0), ("с.", "pages", 1.0)]
    assert corrected_labels(*count)[1:3] == [P, P]


def test_in_after_the_titles_full_stop_opens_the_host_and_a_word_after_the_editors_initials_is_the_publisher():
    # APS's `Title. In: Book, edited by Family A. Publisher.` read as one title run
    T, E = "title", "editor"
    tokens = [("Holm", "author", 1.0), ("K.", "author", 1.0), ("Glycogen", T, 1.0), ("and", T, 1.0), ("fatigue.", T, 1.0), ("In:", T, 0.6), ("Exercise", T, 0.6),
              ("Metabolism,", T, 0.6), ("edited", T, 0.6), ("by", E, 1.0), ("Lund", E, 1.0), ("P.", E, 1.0), ("Keller.", E, 0.5)]
    labels = corrected_labels(*tokens)
    assert labels[2:5] == [T] * 3 and labels[5:8] == ["container"] * 3 and labels[8:12] == [E] * 4 and labels[12] == "publisher"


def test_gosts_double_slash_read_with_the_names_opens_the_host():
    A = "author"
    tokens = [("Korbut", A, 1.0), ("P.", A, 1.0), ("Graph", "title", 1.0), ("Colouring", "title", 1.0), ("/", A, 1.0), ("T.", A, 1.0), ("Lenz,", A, 1.0),
              ("P.", A, 1.0), ("Korbut", A, 1.0), ("//", A, 0.5), ("Department", A, 0.5), ("of", A, 0.5), ("Mathematics.", A, 0.5), ("—", "date", 1.0), ("2017.", "date", 1.0)]
    labels = corrected_labels(*tokens)
    assert labels[5:9] == [A] * 4 and labels[9:13] == ["container"] * 4


def test_each_gost_note_on_an_electronic_resource_is_a_note_and_other_title_information_ends_the_entry():
    P = "publisher"
    tokens = [("URL:", "url", 1.0), ("https://x.example.org", "url", 1.0), ("–", P, 0.5), ("Загл.", P, 0.5), ("с", P, 0.5), ("экрана.", P, 0.5),
              ("–", P, 0.5), ("Яз.", P, 0.5), ("англ.", P, 0.5)]
    assert corrected_labels(*tokens)[2:] == ["note"] * 7
    f = fields("Орбита [Электронный ресурс] : Спутники связи")
    assert f["title"] == "Орбита: Спутники связи" and "publisher" not in f


def test_a_firm_named_after_gosts_slash_is_the_corporate_author():
    f = fields("Compact Flow Meter Datasheet [Электронный ресурс] / NORDTEK measurement GmbH – Режим доступа: https://nordtek.example.com/flow.pdf (Дата обращения: 08.10.2022)")
    assert f["author"] == "{NORDTEK measurement GmbH}" and "publisher" not in f


def test_a_second_host_after_the_imprints_place_and_colon_is_the_publisher():
    C, L = "container", "location"
    tokens = [("//", C, 1.0), ("Труды", C, 1.0), ("конференции", C, 1.0), ("«Сети»,", C, 1.0), ("–", L, 1.0), ("Томск:", L, 1.0),
              ("Томский", "journal", 0.5), ("университет", "journal", 0.5), ("–", "date", 1.0), ("2019", "date", 1.0)]
    assert corrected_labels(*tokens)[6:8] == ["publisher", "publisher"]


def test_harvards_single_quoted_title_ends_at_its_closing_quote_before_the_host():
    T, J = "title", "journal"
    tokens = [("Varga,", "author", 1.0), ("K.", "author", 1.0), ("(2015)", "date", 1.0), ("'Timing", T, 1.0), ("and", T, 1.0), ("Texture',", T, 1.0),
              ("Music", T, 0.95), ("Cognition:", T, 0.95), ("A", T, 0.95), ("Quarterly", T, 0.95), ("Review,", J, 0.9), ("12(3),", "volume", 1.0)]
    assert corrected_labels(*tokens)[3:11] == [T] * 3 + [J] * 5
    # an apostrophe inside the title is no closing quote, and a title read on past the quote up to
    # the host's comma keeps the tagger's reading
    apostrophe = [("Lund,", "author", 1.0), ("(2016)", "date", 1.0), ("'No", T, 1.0), ("Man's", T, 1.0), ("Sky',", T, 1.0), ("Hello", T, 0.95), ("Games,", T, 0.95), ("2016.", "date", 1.0)]
    assert corrected_labels(*apostrophe)[5:7] == [T, T]


def test_apas_retrieval_statement_and_bracketed_format_are_no_title_words(monkeypatch):
    # the tagger reading `Retrieved from` on with the title (as it did a Word paper's web pages, batch 12)
    tokens = [("Strand,", A, 1.0), ("H.", A, 1.0), ("(2019b).", "date", 1.0), ("The", T, 1.0), ("Lofoten", T, 1.0), ("Whales.", T, 1.0),
              ("Retrieved", T, 0.7), ("from", T, 0.7), ("https://www.whalevoices.example.org/lofoten.html", "url", 1.0)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert f["title"] == "The Lofoten Whales"
    monkeypatch.undo()
    f = fields("Berg, A. (2007). Practical Statistics Using R [PDF] (3rd ed.). London: Sage Publishers. Retrieved from http://stats.example.org/docs/practical.pdf")
    assert (f["title"], f.get("titleaddon")) == ("Practical Statistics Using R", "PDF")


def test_names_before_a_guillemet_title_are_the_authors(monkeypatch):
    # `Given Family «Title» — Place: Publisher, Year.` (a thesis's hand-made list, lists28's batch 13):
    # the names before the opening quote, read by the tagger as the title's first words, are the
    # authors; an edition statement inside the quote is the edition (invented entries)
    tokens = [("Анна", T, 0.8), ("Ветрова", T, 0.8), ("«Сад", T, 1.0), ("у", T, 1.0), ("реки.", T, 1.0), ("3-е", T, 0.7), ("издание.»", T, 0.7),
              ("—", "publisher", 1.0), ("М.:", "location", 1.0), ("Зерно,", "publisher", 1.0), ("2011.", "date", 1.0), ("—", P, 1.0), ("120", P, 1.0), ("с.", P, 1.0)]
    assert corrected_labels(*tokens)[:7] == [A, A, T, T, T, "edition", "edition"]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f["author"], f["title"], f["edition"], f["publisher"]) == ("Ветрова, Анна", "Сад у реки", "3", "Зерно")
    monkeypatch.undo()
    # an organisation as author, and a publisher after the dash read as the title's (with Word's soft hyphen before it)
    org = [("Delta", "container", 0.8), ("Standards", "container", 0.8), ("«River", "container", 0.8), ("Data", "container", 0.8), ("Format»", "container", 0.8),
           ("\xad—", T, 0.6), ("Northwind,", T, 0.6), ("2015", "date", 1.0)]
    assert corrected_labels(*org) == [A, A, T, T, T, "publisher", "publisher", "date"]
    _, f = read_tagged_entry(monkeypatch, *org)
    assert (f["title"], f["publisher"]) == ("River Data Format", "Northwind")
    monkeypatch.undo()
    # a law's title in quotes after a lower-case word, and a quote that does not close before the imprint, are left as read
    law = [("Федеральный", T, 1.0), ("закон", T, 1.0), ("«Об", T, 1.0), ("охране", T, 1.0), ("леса»", T, 1.0), ("от", T, 1.0), ("2001", "date", 1.0)]
    assert corrected_labels(*law) == [T] * 6 + ["date"]


def test_ieee_quoted_title_and_its_host_after_in(monkeypatch):
    # IEEE's `A. Author, “Title,” in Host, 2017`: the quoted words are the title though read as a
    # note; a conference's short name after `in`, read as editors, is the host; a one-word short
    # name in brackets after the host, read as its place, is the host's (invented entries)
    note = [("K.", A, 1.0), ("Lind,", A, 1.0), ("“Sparse", "note", 0.6), ("river", "note", 0.6), ("models,”", "note", 0.6), ("arXiv:2101.00001,", "note", 0.9), ("2021.", "date", 1.0)]
    assert corrected_labels(*note)[2:5] == [T, T, T]
    host = [("K.", A, 1.0), ("Lind,", A, 1.0), ("“Sparse", T, 1.0), ("river", T, 1.0), ("models,”", T, 1.0), ("in", "editor", 0.7), ("RiverConf,", "editor", 0.7),
            ("2019,", "date", 1.0), ("pp.", P, 1.0), ("1–9.", P, 1.0)]
    assert corrected_labels(*host)[5:7] == ["container", "container"]
    _, f = read_tagged_entry(monkeypatch, *host)
    assert f["booktitle"] == "RiverConf" and "editor" not in f
    monkeypatch.undo()
    bracket = [("K.", A, 1.0), ("Lind,", A, 1.0), ("“Sparse", T, 1.0), ("models,”", T, 1.0), ("in", "container", 1.0), ("Proc.", "container", 1.0), ("Int.", "container", 1.0),
               ("River", "container", 1.0), ("Conf.", "container", 1.0), ("(Rivercon),", "location", 0.8), ("May", "date", 1.0), ("2019,", "date", 1.0)]
    assert corrected_labels(*bracket)[9] == "container"
    # real editors after `in` keep their role, and a city in brackets stays the place
    editors = [("K.", A, 1.0), ("Lind,", A, 1.0), ("“Sparse", T, 1.0), ("models,”", T, 1.0), ("in", "editor", 0.9), ("J.", "editor", 0.9), ("Moss,", "editor", 0.9), ("Ed.", "editor", 0.9)]
    assert corrected_labels(*editors)[4:] == ["editor"] * 4
    city = [*bracket[:9], ("(Berlin),", "location", 0.8), ("May", "date", 1.0), ("2019,", "date", 1.0)]
    assert corrected_labels(*city)[9] == "location"


def test_a_web_page_named_by_words_joined_by_and_is_the_title():
    # `Title [2014] URL: … (Дата обращения …)` read as authors: four words or more joined by `and`,
    # none a given name, with only a date, an address and an access date beside, name a work (invented)
    tokens = [("Rivers", A, 0.8), ("and", A, 0.8), ("Lakes", A, 0.8), ("Data", A, 0.8), ("Exchange", A, 0.8), ("[2014]", "date", 1.0),
              ("URL:", "url", 1.0), ("https://example.org/rivers", "url", 1.0)]
    assert corrected_labels(*tokens)[:5] == [T] * 5
    # two people joined by `and` stay the authors
    people = [("John", A, 0.8), ("Berg", A, 0.8), ("and", A, 0.8), ("Mary", A, 0.8), ("Moss", A, 0.8), ("[2014]", "date", 1.0), ("URL:", "url", 1.0)]
    assert corrected_labels(*people)[:5] == [A] * 5


def test_areas_separated_by_dashes_only(monkeypatch):
    # `Title – I.I.Family – Publisher, Place, 2016` and `I.I.Family - Title – ЗАО «Издательство …», 2011`:
    # the glued name between two dashes is the author, the host holding a publisher's word the publisher (invented)
    tokens = [("Гидрология", J, 0.7), ("–", J, 0.7), ("А.Б.Лесков", J, 0.7), ("–", "volume", 0.5), ("ЮГУ,", "publisher", 1.0), ("Томск,", "location", 1.0), ("2018г.", "date", 1.0)]
    assert corrected_labels(*tokens)[:3] == [T, T, A]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f["title"], f["author"], f["publisher"]) == ("Гидрология", "Лесков, А. Б.", "ЮГУ")
    monkeypatch.undo()
    host = [("А.Б.Лесков", A, 1.0), ("-", T, 1.0), ("Реки", T, 1.0), ("Сибири", T, 1.0), ("–", T, 1.0), ("ООО", "container", 0.8), ("«Издательство", "container", 0.8),
            ("«Берег»,", "container", 0.8), ("2011", "date", 1.0)]
    assert corrected_labels(*host)[5:8] == ["publisher"] * 3
    # a host after GOST's `//` keeps its reading
    gost = [("Лесков", A, 1.0), ("А.Б.", A, 1.0), ("Реки", T, 1.0), ("//", J, 1.0), ("Вестник", J, 1.0), ("издательство", J, 1.0), ("2011", "date", 1.0)]
    assert corrected_labels(*gost)[3:6] == [J] * 3


def test_pages_after_a_month_in_the_issue_bracket():
    # Chicago's `Journal 12 (June): 54.`: the month stands for the issue, the number after it is the pages (invented)
    tokens = [("Berg,", A, 1.0), ("Karl.", A, 1.0), ("2011.", "date", 1.0), ("“Rivers.”", T, 1.0), ("River", J, 1.0), ("Letters", J, 1.0),
              ("12", "volume", 1.0), ("(June):", "date", 0.8), ("54.", "date", 0.8)]
    assert corrected_labels(*tokens)[7:] == ["date", P]
    # with no year elsewhere, the number stays the date
    alone = [("Berg,", A, 1.0), ("Karl.", A, 1.0), ("“Rivers.”", T, 1.0), ("River", J, 1.0), ("12", "volume", 1.0), ("(June):", "date", 0.8), ("54.", "date", 0.8)]
    assert corrected_labels(*alone)[-1] == "date"


def test_a_journal_read_as_the_titles_last_words(monkeypatch):
    # Elsevier Harvard's `Title for SPM 99. NeuroImage 16 , S497.`: an article with a volume and pages and no
    # host read has its journal after the title's last full stop (invented)
    tokens = [("Berg,", A, 1.0), ("K.,", A, 1.0), ("2002.", "date", 1.0), ("Maps", T, 1.0), ("of", T, 1.0), ("river", T, 1.0), ("beds.", T, 1.0),
              ("RiverImage", T, 0.8), ("16", "volume", 1.0), (",", P, 1.0), ("S497.", P, 1.0)]
    assert corrected_labels(*tokens)[7] == J
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f["title"], f["journal"], f["volume"], f["pages"]) == ("Maps of river beds", "RiverImage", "16", "S497")
    monkeypatch.undo()
    # an abbreviated journal read as the title keeps its reading (no title's last word before it)
    abbreviated = [("A.", A, 1.0), ("Berg,", A, 1.0), ("Phys.", T, 0.8), ("Rivers", T, 0.8), ("18,", "volume", 1.0), ("103101", P, 1.0), ("(2011).", "date", 1.0)]
    assert corrected_labels(*abbreviated)[2:4] == [T, T]


def test_hyphenated_cities_are_places_and_name_the_imprints_place(monkeypatch):
    # the lexicon writes `санкт-петербург` with its hyphen, which the token's canonical form drops (invented entry)
    from exporter.references.tagger.conventions import is_place

    assert is_place("Санкт-Петербург:") and is_place("Ростов-на-Дону,") and not is_place("Санкт-Пётр:")
    tokens = [("Анна", T, 0.8), ("Ветрова", T, 0.8), ("«Сад", T, 1.0), ("у", T, 1.0), ("реки»", T, 1.0), ("—", "publisher", 1.0),
              ("Санкт-Петербург:", "publisher", 0.8), ("Зерно,", "publisher", 1.0), ("2011.", "date", 1.0)]
    assert corrected_labels(*tokens)[5:8] == ["location", "location", "publisher"]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f["address"], f["publisher"]) == ("Санкт-Петербург", "Зерно")


def test_a_series_printed_as_a_sentence_after_the_title_is_the_series():
    # unseen lists, batch 15 (a Russian practice report's books); invented entry
    tokens = [("Орлова", "author", 1.0), ("А.Б.", "author", 1.0), ("Сети", T, 1.0), ("связи.", T, 1.0), ("Серия", T, 0.9), ("Учебники", T, 0.9),
              ("для", T, 0.9), ("вузов.", T, 0.9), ("М.:", "location", 1.0), ("Наука,", "publisher", 1.0), ("2010.", "date", 1.0)]
    assert corrected_labels(*tokens)[2:8] == [T, T, "collection", "collection", "collection", "collection"]
    # not a title whose own words open with the word (no imprint after its sentence)
    tokens = [("Орлова", "author", 1.0), ("А.Б.", "author", 1.0), ("Сети.", T, 1.0), ("Серия", T, 0.9), ("задач", T, 0.9), ("о", T, 0.9),
              ("графах", T, 0.9), ("//", "container", 1.0), ("Вестник.", "container", 1.0), ("2010.", "date", 1.0)]
    assert corrected_labels(*tokens)[3:7] == [T] * 4


def test_a_standards_designation_is_one_unit_and_a_standard_alone_has_no_host():
    # unseen lists, batch 15: `ГОСТ 34.602-89 [Электронный ресурс]` read as title `ГОСТ`, pages 34; invented standards
    tokens = [("ГОСТ", T, 0.9), ("12.345-67", "pages", 0.6), ("[Электронный", "medium", 1.0), ("ресурс]", "medium", 1.0)]
    assert corrected_labels(*tokens)[:2] == [T, T]
    tokens = [("ГОСТ", T, 0.9), ("Р", T, 0.9), ("ИСО/МЭК", T, 0.9), ("12345-2001.", "pages", 0.6), ("Системы.", T, 0.9), ("Общие", "container", 0.6),
              ("требования.", "container", 0.6)]
    assert corrected_labels(*tokens) == [T] * 7
    # a standard printed in a host keeps its host
    tokens = [("ГОСТ", T, 0.9), ("12.345-67.", T, 0.9), ("Системы.", T, 0.9), ("//", "container", 1.0), ("Сборник", "container", 1.0), ("стандартов.", "container", 1.0)]
    assert corrected_labels(*tokens)[3:] == ["container"] * 3


def test_the_access_dates_mark_is_no_host():
    # unseen lists, batch 15: IEEE's `“Title.” Accessed: Nov. 05, 2024.` read `Accessed` as the host; invented entry
    tokens = [("Acme,", "author", 1.0), ("“Widgets", T, 1.0), ("Explained.”", T, 1.0), ("Accessed:", "container", 0.6), ("Jan.", "accessed", 1.0),
              ("02,", "accessed", 1.0), ("2023.", "accessed", 1.0)]
    assert corrected_labels(*tokens)[3] == "accessed"


def test_a_number_after_a_page_mark_is_the_page_and_a_slash_edition_is_the_edition():
    # unseen lists, batch 15 (Google Scholar's `…, vol. 20, p. 2014, 2001.`, Pearson's `Title, 2/E.`); invented entries
    tokens = [("Ann", "author", 1.0), ("Lee,", "author", 1.0), ("“Fog,”", T, 1.0), ("Weather", "journal", 1.0), ("Notes,", "journal", 1.0),
              ("vol.", "volume", 1.0), ("3,", "volume", 1.0), ("p.", "pages", 0.8), ("1998,", "date", 0.6), ("2005.", "date", 1.0)]
    assert corrected_labels(*tokens)[7:] == ["pages", "pages", "date"]
    f = fields("A. Lee, Clouds and Their Shapes, 3/E. Invented Press India, 2004.")
    assert f["title"] == "Clouds and Their Shapes" and f["edition"] == "3" and f["year"] == "2004"


def test_words_after_an_opening_web_address_are_the_title():
    # unseen lists, batch 16 (a course report's `https://… Официальный сайт языка R`); invented entries
    f = fields("https://example-lang.org/ Официальный сайт языка Примера")
    assert f["title"] == "Официальный сайт языка Примера" and f["url"] == "https://example-lang.org/"
    f = fields("https://docs.example-plot.org/ Документация по библиотеке plot2 для графиков")
    assert f["title"] == "Документация по библиотеке plot2 для графиков"


@pytest.mark.parametrize(
    "tokens, expected",
    [
        # a host after the quote that closed the title on its comma, read as the title's by a sure
        # tagger, with no other host, before its numbers: the host (Harvard's `“Title”, Gazette, 12(3), 45–50`)
        ([("Ortiz,", A, 1.0), ("2016.", "date", 1.0), ("“Rivers", T, 1.0), ("run", T, 1.0), ("dry”,", T, 1.0), ("El", T, 0.97), ("Diario,", T, 0.97), ("12(3),", "volume", 1.0), ("45–50.", "pages", 1.0)],
         [A, "date", T, T, T, "container", "container", "volume", "pages"]),
        # `‘Title’, in Book, edd. …`: `in` opens the host
        ([("Marek,", A, 1.0), ("‘The", T, 1.0), ("Refrain’,", T, 1.0), ("in", T, 0.95), ("Old", T, 0.95), ("Songs,", T, 0.95), ("edd.", "editor", 1.0), ("P.", "editor", 1.0), ("Lutz", "editor", 1.0)],
         [A, T, T, "container", "container", "container", "editor", "editor", "editor"]),
        # ASA's `“Title.” Pp. 25–30 in Book`: the page mark is the pages'
        ([("Hale,", A, 1.0), ("“Quiet", T, 1.0), ("fields.”", T, 1.0), ("Pp.", T, 0.95), ("25–30", "pages", 1.0), ("in", "container", 1.0), ("Essays.", "container", 1.0)],
         [A, T, T, "pages", "pages", "container", "container"]),
        # a lower-case statement after the quote (`thesis`, `to appear`) is a note, not the title
        ([("Moss,", A, 1.0), ("“Deep", T, 1.0), ("lakes”,", T, 1.0), ("thesis,", T, 0.95), ("Lakeside", "publisher", 1.0), ("Press", "publisher", 1.0)],
         [A, T, T, "note", "publisher", "publisher"]),
        # the quote closed at a token's end before a glued full stop (`RNA-seq" .`), then a language's code
        ([("Berg,", A, 1.0), ('"Silt', T, 1.0), ('maps"', T, 1.0), (".", T, 1.0), ("eng.", T, 0.95), ("In:", J, 1.0), ("Geol", J, 1.0)],
         [A, T, T, T, "note", J, J]),
        # with a host read already, the words stay as the tagger read them
        ([("Vogt,", A, 1.0), ("'Salt", T, 1.0), ("marshes',", T, 1.0), ("Die", T, 0.95), ("Küste,", T, 0.95), ("Z.", J, 1.0), ("Geogr,", J, 1.0), ("12", "volume", 1.0)],
         [A, T, T, T, T, J, J, "volume"]),
    ],
)
def test_words_read_on_past_the_quote_that_closed_the_title(tokens, expected):
    assert corrected_labels(*tokens) == expected


def test_a_volume_glued_to_the_journals_full_stop_is_the_volume(monkeypatch):
    # PDF text that glued the volume to the journal's last full stop (`Opt .Lett .5 ( 2009)586`,
    # invented): the number is the volume, no part of the journal's name
    tokens = [("Brandt,", A, 1.0), ("K.,", A, 1.0), ("Opt", J, 1.0), (".Lett", J, 1.0), (".5", J, 0.8), ("(2009)", "date", 1.0), ("586.", P, 1.0)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f["journal"], f["volume"], f["pages"]) == ("Opt .Lett .", "5", "586")
    monkeypatch.undo()
    # a series' mark keeps its number (`Bulletin …, ser.2`), and a volume read already is kept
    series = [("Roth,", A, 1.0), ("Bull.", J, 1.0), ("Soc.", J, 1.0), ("Bot.,", J, 1.0), ("ser.2,", J, 0.8), ("1(3):120-132.", "volume", 1.0)]
    _, f = read_tagged_entry(monkeypatch, *series)
    assert f["journal"] == "Bull. Soc. Bot., ser.2"


def test_in_glued_to_the_hosts_name_is_no_part_of_it(monkeypatch):
    # PDF text that lost the space after `in` (`,"inAdvanced Optics : 3rd Workshop`, invented)
    tokens = [("Kerr,", A, 1.0), ('"Wake', T, 1.0), ('fields,"', T, 1.0), ("inAdvanced", "container", 1.0), ("Optics", "container", 1.0), ("(2006)", "date", 1.0)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert f["booktitle"] == "Advanced Optics"


def test_words_after_the_places_colon_open_the_publisher(monkeypatch):
    # `Oxford: Oxford UniversityPress .` (PDF text, invented) read as the place `Oxford: Oxford`
    tokens = [("Hale,", A, 1.0), ("Quiet", T, 1.0), ("fields.", T, 1.0), ("Oxford:", "location", 1.0), ("Oxford", "location", 0.8), ("UniversityPress", "publisher", 0.8), (".", "publisher", 0.8)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f["address"], f["publisher"]) == ("Oxford", "Oxford UniversityPress")
    monkeypatch.undo()
    # a place of two parts after its colon (`New York: Ithaca, NY`) is left as read
    tokens = [("Hale,", A, 1.0), ("Quiet", T, 1.0), ("fields.", T, 1.0), ("Ithaca:", "location", 1.0), ("Tompkins,", "location", 0.8), ("NY", "location", 0.8), ("Cornell", "publisher", 0.8)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert f["publisher"] == "Cornell"


def test_an_edited_book_cited_whole_has_its_title_after_the_editors():
    E, C = "editor", "container"
    # `Lind, Hanna, and Oskar Berg, eds. Winter Roads. …` (invented): no author, no title read
    tokens = [("Lind,", E, 1.0), ("Hanna,", E, 1.0), ("and", E, 1.0), ("Oskar", E, 1.0), ("Berg,", E, 1.0), ("eds.", E, 1.0),
              ("Winter", C, 0.9), ("Roads.", C, 0.9), ("Oslo:", "location", 1.0), ("Fjord,", "publisher", 1.0), ("1990.", "date", 1.0)]
    assert corrected_labels(*tokens)[6:8] == [T, T]
    # a proceedings volume's name stays the host, and `In` after the editors opens one
    proceedings = tokens[:6] + [("Proc.", C, 0.9), ("Winter", C, 0.9), ("Roads.", C, 0.9), ("1990.", "date", 1.0)]
    assert corrected_labels(*proceedings)[6:9] == [C, C, C]


def test_a_study_group_before_the_title_is_an_author():
    # `The Harbour Study Group. Title …` and names closed by `et al.` before such a group (invented)
    tokens = [("The", T, 0.9), ("Harbour", T, 0.9), ("Study", T, 0.9), ("Group.", T, 0.9), ("Tides", T, 1.0), ("and", T, 1.0), ("silt.", T, 1.0), ("Mar", J, 1.0), ("Geol", J, 1.0)]
    assert corrected_labels(*tokens)[:5] == [A, A, A, A, T]
    tokens = [("Vik", A, 1.0), ("S,", A, 1.0), ("et", A, 1.0), ("al.", A, 1.0), ("Oslo", T, 0.9), ("Tide", T, 0.9), ("Group.", T, 0.9), ("Tides", T, 1.0), ("and", T, 1.0), ("silt.", T, 1.0)]
    assert corrected_labels(*tokens)[4:8] == [A, A, A, T]
    # a title whose first sentence ends on another word stays whole
    tokens = [("Vik", A, 1.0), ("S,", A, 1.0), ("et", A, 1.0), ("al.", A, 1.0), ("Oslo", T, 0.9), ("Tide", T, 0.9), ("Tables.", T, 0.9), ("Tides", T, 1.0), ("and", T, 1.0), ("silt.", T, 1.0)]
    assert corrected_labels(*tokens)[4:8] == [T, T, T, T]


def test_an_unmarked_title_end_before_a_vancouver_journal():
    # `… of the harbour wall Coast Eng 1997; 46:111-119.` (invented): a lower-case word read as the
    # journal's first is the title's last
    tokens = [("Vik", A, 1.0), ("S.", A, 1.0), ("Tides", T, 1.0), ("of", T, 1.0), ("the", T, 1.0), ("harbour", T, 1.0), ("wall", J, 0.8), ("Coast", J, 1.0), ("Eng", J, 1.0), ("1997;", "date", 1.0)]
    assert corrected_labels(*tokens)[6:9] == [T, J, J]
    # `… silt transport SEDI J 1994; 9:` an initialism closing the title before a one-letter "journal"
    tokens = [("Vik", A, 1.0), ("S.", A, 1.0), ("Tides", T, 1.0), ("and", T, 1.0), ("silt", T, 1.0), ("transport", T, 1.0), ("SEDI", T, 0.9), ("J", J, 1.0), ("1994;", "date", 1.0)]
    assert corrected_labels(*tokens)[6:8] == [J, J]
    # a journal of its own name after an initialism is left as read (`… stroke in AF Bandolier 1999;`)
    tokens = [("Tides", T, 1.0), ("and", T, 1.0), ("silt", T, 1.0), ("in", T, 1.0), ("AF", T, 0.9), ("Bandolier", J, 1.0), ("1999;", "date", 1.0)]
    assert corrected_labels(*tokens)[4:6] == [T, J]


def test_words_before_the_editors_role_mark_are_the_titles():
    E = "editor"
    # `Noss, Ada. Salt and Cold Rivers. Ed. Jon K. Berg. Oslo: …` (invented), `Cold Rivers.` read with the editors
    tokens = [("Noss,", A, 1.0), ("Ada.", A, 1.0), ("Salt", T, 1.0), ("and", T, 0.6), ("Cold", E, 0.7), ("Rivers.", E, 0.7), ("Ed.", E, 1.0),
              ("Jon", E, 1.0), ("K.", E, 1.0), ("Berg.", E, 1.0), ("Oslo:", "location", 1.0)]
    assert corrected_labels(*tokens)[2:8] == [T, T, T, T, E, E]
    # names with initials before the mark are the editors' (`R. Lund. Ed. …` is left as read)
    tokens = [("Noss,", A, 1.0), ("Salt.", T, 1.0), ("R.", E, 0.7), ("Lund.", E, 0.7), ("Ed.", E, 1.0), ("Oslo:", "location", 1.0)]
    assert corrected_labels(*tokens)[2:5] == [E, E, E]


def test_statements_read_into_a_books_title():
    L, Pb = "location", "publisher"
    # `Noss, Ada. Cold Rivers. Translated by Jon Berg; revised by K. Lund. Oslo: …` (invented)
    tokens = [("Noss,", A, 1.0), ("Ada.", A, 1.0), ("Cold", T, 1.0), ("Rivers.", T, 1.0), ("Translated", T, 0.7), ("by", T, 0.7), ("Jon", T, 0.7), ("Berg;", T, 0.7),
              ("revised", T, 0.6), ("by", A, 0.5), ("K.", A, 0.5), ("Lund.", A, 0.5), ("Oslo:", L, 1.0), ("Fjord,", Pb, 1.0)]
    assert corrected_labels(*tokens)[2:12] == [T, T] + ["translator"] * 8
    # names ended by a bracketed role after the title's comma
    tokens = [("Noss,", "editor", 1.0), ("Ada", "editor", 1.0), ("(ed.),", "editor", 1.0), ("Cold", T, 1.0), ("Rivers,", T, 1.0), ("Jon", T, 0.8), ("Berg", T, 0.8), ("(trans.)", T, 0.8), ("(Oslo:", L, 1.0)]
    assert corrected_labels(*tokens)[3:8] == [T, T, "translator", "translator", "translator"]
    # an edition statement after the title's full stop
    tokens = [("Noss,", A, 1.0), ("Ada.", A, 1.0), ("Cold", T, 1.0), ("Rivers.", T, 1.0), ("Revised", T, 0.9), ("and", T, 0.9), ("expanded.", T, 0.9), ("Oslo:", L, 1.0)]
    assert corrected_labels(*tokens)[2:7] == [T, T, "edition", "edition", "edition"]
    # a title that ends with `Ed` (no names after it) and one with an ordinary second sentence stand
    tokens = [("Noss,", A, 1.0), ("Ada.", A, 1.0), ("Cold", T, 1.0), ("Rivers,", T, 1.0), ("Ed.", T, 0.9), ("Oslo:", L, 1.0)]
    assert corrected_labels(*tokens)[2:5] == [T, T, T]
    tokens = [("Noss,", A, 1.0), ("Ada.", A, 1.0), ("Cold", T, 1.0), ("Rivers.", T, 1.0), ("Revised", T, 0.9), ("maps.", T, 0.9), ("Oslo:", L, 1.0)]
    assert corrected_labels(*tokens)[2:6] == [T, T, T, T]


@pytest.mark.parametrize(
    "text, year, title",
    [
        # APA's year with its month and day after the names (a press release's, invented)
        ("Lindqvist, Maja. (2003, March 4). Harbour Board Opens New Quay. Press release.", "2003", "Harbour Board Opens New Quay"),
        # APA's state `(in preparation)` in the year's place
        ("Hale, M. (in preparation). Modelling silt in estuaries. Marine Geology", None, "Modelling silt in estuaries"),
    ],
)
def test_apas_dates_with_a_day_and_in_preparation(text, year, title):
    f = fields(text)
    assert (f.get("year"), f["title"]) == (year, title)


def test_a_remark_after_the_publishers_full_stop_and_mlas_no_publisher(monkeypatch):
    L, Pb, C = "location", "publisher", "container"
    # `Oslo: Fjord. (Reprinted …` (invented): the bracketed remark is no part of the publisher's name
    tokens = [("Noss,", A, 1.0), ("Cold", T, 1.0), ("Rivers.", T, 1.0), ("Oslo:", L, 1.0), ("Fjord.", Pb, 1.0), ("(Reprinted", Pb, 0.7), ("1990.)", "note", 1.0)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert f["publisher"] == "Fjord"
    monkeypatch.undo()
    # a firm's `Inc. (ACME)` keeps its bracket
    tokens = [("Noss,", A, 1.0), ("Cold", T, 1.0), ("Rivers.", T, 1.0), ("Oslo:", L, 1.0), ("Tide", Pb, 1.0), ("Inc.", Pb, 1.0), ("(TIDE),", Pb, 1.0), ("1990.", "date", 1.0)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert f["publisher"] == "Tide Inc. (TIDE)"
    monkeypatch.undo()
    # MLA's `N.p.` (no publisher) after a web site's name is no part of it
    tokens = [("Noss,", A, 1.0), ("“Cold", T, 1.0), ("Rivers.”", T, 1.0), ("Fjord", C, 1.0), ("Blog,", C, 1.0), ("N.p.,", C, 0.8), ("2", "date", 1.0), ("Aug.", "date", 1.0), ("2006,", "date", 1.0)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert f["booktitle"] == "Fjord Blog"


def test_a_city_before_a_state_code_is_no_part_of_the_host():
    C, L = "container", "location"
    # `In Proceedings of the Tide Workshop, Red Bank, NJ, June 1990.` (invented)
    tokens = [("Noss,", A, 1.0), ("Tides.", T, 1.0), ("In", C, 1.0), ("Proceedings", C, 1.0), ("of", C, 1.0), ("the", C, 1.0), ("Tide", C, 1.0), ("Workshop,", C, 1.0),
              ("Red", C, 0.8), ("Bank,", C, 0.8), ("NJ,", L, 1.0), ("June", "date", 1.0), ("1990.", "date", 1.0)]
    assert corrected_labels(*tokens)[7:11] == [C, L, L, L]
    # a host with no comma before its last words keeps them (`Tide Workshop Red Bank NJ` is left as read)
    tokens = [("Noss,", A, 1.0), ("Tides.", T, 1.0), ("In", C, 1.0), ("Tide", C, 1.0), ("Workshop", C, 1.0), ("Red", C, 0.8), ("Bank,", C, 0.8), ("NJ,", L, 1.0)]
    assert corrected_labels(*tokens)[5:8] == [C, C, L]


def test_a_lone_in_before_the_title_opens_the_title():
    C = "container"
    # `Lind, Hanna, editor. In the Wake of the Ice. Oslo: …` (invented): `In` is the title's first word
    tokens = [("Lind,", A, 1.0), ("Hanna,", A, 1.0), ("editor.", A, 0.8), ("In", C, 0.8), ("the", T, 0.8), ("Wake", T, 1.0), ("of", T, 1.0), ("the", T, 1.0), ("Ice.", T, 1.0), ("Oslo:", "location", 1.0)]
    assert corrected_labels(*tokens)[3:5] == [T, T]
    # `Title. In Book` (a host after `In` read as the title, with another host) is left as read
    tokens = [("Lind,", A, 1.0), ("Hanna.", A, 1.0), ("In", C, 0.8), ("Winter", T, 0.8), ("Roads.", T, 0.8), ("Polar", J, 1.0), ("Notes", J, 1.0)]
    assert corrected_labels(*tokens)[2] == C


def test_a_journal_in_the_titles_last_comma_part_before_the_volume():
    # `On Tides in a Narrow Fjord , Coastal Waves and Currents , 25(3) (2016), 035022` (invented):
    # title and journal parted by commas alone, no host read
    tokens = [("Vik,", A, 1.0), ("On", T, 1.0), ("Tides", T, 1.0), ("in", T, 1.0), ("a", T, 1.0), ("Narrow", T, 1.0), ("Fjord", T, 1.0), (",", T, 1.0),
              ("Coastal", T, 0.8), ("Waves", T, 0.8), ("and", T, 0.8), ("Currents", T, 0.8), (",", "volume", 1.0), ("25(3)", "volume", 1.0), ("035022", P, 1.0)]
    assert corrected_labels(*tokens)[7:13] == [T, J, J, J, J, "volume"]
    # a last part with a lower-case word is the title's (`Fjord, with notes on silt, 25(3)`)
    tokens = [("Vik,", A, 1.0), ("On", T, 1.0), ("Tides", T, 1.0), ("in", T, 1.0), ("a", T, 1.0), ("Fjord,", T, 1.0), ("Notes", T, 0.8), ("with", T, 0.8), ("Silt,", T, 0.8), ("25(3)", "volume", 1.0)]
    assert corrected_labels(*tokens)[6:9] == [T, T, T]


def test_a_conferences_days_after_its_place_or_beside_marked_pages_are_its_date():
    # MDPI-style proceedings: `In Proceedings of …, Place, Country, 3–6 March 2019; Publisher: Place, 2019; pp. 41–52.`
    f = fields("Varga, L.; Osei, P. Sparse attention for tidal gauges. In Proceedings of the 5th Workshop on Coastal Data, "
               "Tromsø, Norway, 3–6 March 2019; Harbour Press: Oslo, Norway, 2019; pp. 41–52.")
    assert (f.get("pages"), f["year"]) == ("41–52", "2019")
    # the same without pages: the days are no pages
    f = fields("Varga, L.; Osei, P. Sparse attention for tidal gauges. In Proceedings of the 5th Workshop on Coastal Data, "
               "Tromsø, Norway, 11–14 October 2021.")
    assert f.get("pages") is None and f["year"] == "2021"
    # token level: a day range after the place's comma, before a Latin month and a year
    L, D = "location", "date"
    assert corrected_labels(("Title.", T, 1.0), ("Boston,", L, 1.0), ("MA,", L, 1.0), ("USA,", L, 1.0), ("4–9", P, 0.9), ("December", D, 1.0), ("2017;", D, 1.0)) == [T, L, L, L, D, D, D]
    # or anywhere in an entry whose pages are printed after their mark
    assert corrected_labels(("Title.", T, 1.0), ("4–9", P, 0.9), ("December", D, 1.0), ("2017;", D, 1.0), ("pp.", P, 1.0), ("180–186.", P, 1.0)) == [T, D, D, D, P, P]
    # with neither (no comma of a place or host before, no marked pages), Latin months stay the tagger's, and pages
    # after their own mark before a month stay the pages
    assert corrected_labels(("Title.", T, 1.0), ("12-17", P, 1.0), ("June", D, 1.0), ("2011.", D, 1.0)) == [T, P, D, D]
    assert corrected_labels(("Title.", T, 1.0), ("pp.", P, 1.0), ("29-40", P, 1.0), ("September", D, 1.0), ("1985.", D, 1.0)) == [T, P, P, D, D]


def test_a_lower_case_corporate_author_before_an_ieee_quoted_title():
    # IEEE prints the authors, then their comma, then the quoted title: `gitlab, “Title.” [Online]`
    f = fields("tidekit, “tidekit 2.1 user guide.” [Online]. Available: https://example.org/tidekit/guide/")
    assert family_names(f.get("author")) == ["tidekit"]
    assert f["title"] == "tidekit 2.1 user guide"
    f = fields("openharbor, “Chapter 4: Gauges,” 2019. [Online]. Available: https://example.org/oh/4")
    assert (f.get("author"), f["title"], f["year"]) == ("openharbor", "Chapter 4: Gauges", "2019")
    # capitalised words there may be a periodical's name: left as read
    tokens = [("Harbour", J, 0.8), ("Weekly,", J, 0.8), ("“Tide", T, 0.9), ("gauges,”", T, 0.9), ("1969.", "date", 1.0)]
    assert corrected_labels(*tokens) == [J, J, T, T, "date"]
    assert corrected_labels(("harbourweekly,", J, 0.8), *tokens[2:]) == [A, T, T, "date"]
    # a title printed first with a quoted part inside it, or a long run before the quote, is left as read
    f = fields("Marta Kowalczyk and Henrik Solberg, “Adaptive meshing,” Ocean Modelling, vol. 41, pp. 55–71, 2014.")
    assert family_names(f["author"]) == ["Kowalczyk", "Solberg"]


def test_a_publisher_before_the_places_colon_in_mdpi_and_acs_books():
    # MDPI and ACS print `Publisher: City, Country, Year` (GOST and APA `City: Publisher`): the
    # words before the colon name no place, the city after it is the place
    f = fields("Varga, L.; Osei, P. Sparse attention for tidal gauges. In Coastal Engineering; Harbourline Books: London, UK, 2022.")
    assert (f.get("publisher"), f.get("address"), f["year"]) == ("Harbourline Books", "London, UK", "2022")
    L, PB = "location", "publisher"
    assert corrected_labels(("Title.", T, 1.0), ("Harbourline:", L, 0.8), ("Oslo,", L, 0.9), ("Norway,", L, 0.9), ("2019.", "date", 1.0)) == [T, PB, L, L, "date"]
    # `City: Publisher` stays as it is
    assert corrected_labels(("Title.", T, 1.0), ("London:", L, 0.9), ("Harbourline,", L, 0.8), ("2019.", "date", 1.0)) == [T, L, L, "date"]
    assert corrected_labels(("Title.", T, 1.0), ("New", L, 0.9), ("Haven:", L, 0.9), ("Oxford", L, 0.8), ("Books,", L, 0.8), ("2019.", "date", 1.0)) == [T, L, L, L, L, "date"]


def test_a_series_letter_glued_to_the_volume_closes_the_journals_name(monkeypatch):
    # `J. Invented Stud. B41, 12-19` (invented): the letter glued to the volume's number is the
    # journal's series (as `Phys. Rev. D`), kept in the journal when the tagger read it with the volume
    tokens = [("Kowalczyk,", A, 1.0), ("M.", A, 1.0), ("Tidal", T, 1.0), ("gauges.", T, 1.0), ("J.", J, 1.0), ("Invented", J, 1.0),
              ("Stud.", J, 1.0), ("B41,", "volume", 0.9), ("12-19", P, 1.0), ("(1999).", "date", 1.0)]
    _, f = read_tagged_entry(monkeypatch, *tokens)
    assert (f["journal"], f["volume"], f["pages"]) == ("J. Invented Stud. B", "41", "12-19")
    monkeypatch.undo()
    # a volume's or a number's own mark glued to its number (`V41`, `N41`) is no series
    for mark in ("V41,", "N41,"):
        monkeypatch.undo()
        tokens[7] = (mark, "volume", 0.9)
        _, f = read_tagged_entry(monkeypatch, *tokens)
        assert (f["journal"], f["volume"]) == ("J. Invented Stud.", "41")


def test_bench_counts_a_series_letter_read_with_the_volume_to_the_journal():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import entry_fields

    text = "Roe, J. Title. Invented Lett. B12, 3-9."
    line = {"text": text, "labels": [[0, 7, "author"], [8, 14, "title"], [15, 29, "journal"], [30, 34, "volume"], [35, 39, "pages"]]}
    truth = entry_fields.truth_values(line)
    assert (truth["container"], truth["volume"]) == ("inventedlettb", "12")
    assert entry_fields.label_values({"container": "Invented Lett.", "volume": "V12"})["container"] == "inventedlett"


def test_a_city_closing_the_publishers_run_before_the_place_opens_the_place():
    # `Harbourline University Press, Amherst, | Massachusetts, 1970` (invented): the city after the
    # publisher's comma, right before the state read as the place, is the place's first word
    L, PB = "location", "publisher"
    tokens = [("Title,", T, 1.0), ("Harbourline", PB, 0.9), ("University", PB, 0.9), ("Press,", PB, 0.9), ("Amherst,", PB, 0.6),
              ("Massachusetts,", L, 0.9), ("1970.", "date", 1.0)]
    assert corrected_labels(*tokens) == [T, PB, PB, PB, L, L, "date"]
    # a publisher's last word that names no city stays the publisher's
    tokens[4] = ("Harcourt,", PB, 0.6)
    assert corrected_labels(*tokens) == [T, PB, PB, PB, PB, L, "date"]


def test_more_cities_of_publication_are_places():
    # `Jerusalem: Magnes.` read as a note (invented entry): the imprint's city is now a known place,
    # so the note is the imprint
    from exporter.references.tagger.conventions import is_place

    assert is_place("Jerusalem:") and is_place("Stuttgart,") and is_place("Edinburgh")
    assert not is_place("Nancy") and not is_place("Lincoln")
    N = "note"
    tokens = [("Roe,", A, 1.0), ("J.", A, 1.0), ("Title.", T, 1.0), ("13-42.", P, 1.0), ("Jerusalem:", N, 0.6), ("Magnes.", N, 0.6), ("(in", N, 0.9), ("Hebrew)", N, 0.9)]
    assert corrected_labels(*tokens)[4:6] == ["location", "publisher"]


def test_a_last_name_of_several_initials_takes_its_family_name_from_the_title():
    # ACM's `…, and C. S. Ellis. Exploiting …` (invented names): no name of an initials-first list
    # ends on its initials, so the word after them, closed by the names' full stop, is the family name
    tokens = [("R.", A, 1.0), ("P.", A, 1.0), ("Lind,", A, 1.0), ("J.", A, 1.0), ("T.", A, 1.0), ("Wolk,", A, 1.0), ("and", A, 1.0),
              ("C.", A, 1.0), ("S.", A, 1.0), ("Elkin.", T, 0.6), ("Paging", T, 0.9), ("for", T, 0.9), ("tidal", T, 0.9), ("gauges.", T, 0.9)]
    assert corrected_labels(*tokens)[9:11] == [A, T]
    # one initial after a comma, and a word with its full stop: a title's first sentence, left as read
    tokens = [("R.", A, 1.0), ("Lind,", A, 1.0), ("J.", A, 1.0), ("Wolk,", A, 1.0), ("C.", A, 1.0), ("Tides.", T, 0.6), ("Paging", T, 0.9), ("gauges.", T, 0.9)]
    assert corrected_labels(*tokens)[5] == T


def test_a_study_group_of_two_words_closes_the_corporate_author():
    # `The Harbour Study Group. Rationale …` (invented): the organisation's word and the capitalised
    # word before it close the opening corporate name
    tokens = [("The", A, 1.0), ("HTS", A, 1.0), ("Study", T, 0.6), ("Group.", T, 0.6), ("Rationale", T, 0.9), ("of", T, 0.9), ("gauges.", T, 0.9)]
    assert corrected_labels(*tokens)[2:5] == [A, A, T]
    # a title's first words that name no organisation stay the title's
    tokens[3] = ("Tides.", T, 0.6)
    assert corrected_labels(*tokens)[2:5] == [T, T, T]


def test_a_short_run_inside_the_titles_sentence_is_the_titles():
    # `Publication bias: evidence of delayed publication in a cohort study. BMJ` (invented wording):
    # the lone `in` read as a host between two parts of one unclosed title sentence is the title's
    tokens = [("Roe", A, 1.0), ("JM.", A, 1.0), ("Tidal", T, 0.9), ("gauges", T, 0.9), ("in", J, 0.5), ("a", T, 0.8), ("cohort", T, 0.8),
              ("study.", T, 0.9), ("BMJ", J, 1.0), ("315:640-645.", "volume", 1.0)]
    assert corrected_labels(*tokens)[4] == T
    # a first part closed by its full stop, or a run holding a number or a quote, is left as read
    closed = list(tokens)
    closed[3] = ("gauges.", T, 0.9)
    assert corrected_labels(*closed)[4] == J
    quoted = list(tokens)
    quoted[4] = ('"Harbour"', "container", 0.5)
    assert corrected_labels(*quoted)[4] == "container"
