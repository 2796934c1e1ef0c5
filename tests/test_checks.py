"""Reference checks: each rule on real entries (corpus file and line named), Kazakh entries
written in the Kazakh GOST conventions, and .bib entries through the same interface."""

from __future__ import annotations

import json

import pytest

from exporter.diagnostics import CODES
from exporter.model import Entry, Span
from exporter.references import checks
from exporter.references.fields import with_fields
from tests.helpers import REPO, run_cli


def own(text: str, number: int = 1) -> checks.Checked:
    entry = with_fields(Entry(key=str(number), number=number, span=Span(number, 1, number, 1), text=text))
    return checks.Checked(entry, dict(entry.fields), "paper.txt")


def bib(entry_type: str, number: int = 1, **fields) -> checks.Checked:
    entry = Entry(key=f"k{number}", number=number, span=Span(number, 1, number, 1), entry_type=entry_type, fields=tuple(fields.items()), origin="bibtex")
    from exporter.references.fields import entry_values

    return checks.Checked(entry, entry_values(entry), "refs.bib")


def codes(findings) -> list[str]:
    return [f.code for f in findings]


def test_every_code_is_in_the_table_and_the_findings_page():
    readme = (REPO / "docs" / "findings.md").read_text(encoding="utf-8")
    for code in ("REF010", "REF011", "REF012", "REF013", "REF014", "REF015", "REF016", "REF017", "BIB005"):
        assert code in CODES
        assert f"| {code} |" in readme


# ---- REF010 required fields -------------------------------------------------------------------


def test_gost_article_without_pages():
    # ru_digilina_uncertainty_planning.txt:318: no `С.` — GOST asks for the article's pages.
    found = checks.check_required_fields(own("Беглярова А. Л. Понятие неопределённости в философии и лингвистике // Вестник Адыгейского государственного университета. – 2008. – № 3."))
    assert codes(found) == ["REF010"] and "pages" in found[0].message


def test_complete_gost_article_and_kazakh_book_pass():
    # ru_digilina_uncertainty_planning.txt:324
    assert checks.check_required_fields(own("Кузьмин Е. А. Неопределенность в экономике: понятия и положения // Вопросы управления. – 2012. – № 2 (2). – С. 80-92.")) == []
    assert checks.check_required_fields(own("Байтұрсынұлы А. Тіл тағылымы. – Алматы : Ана тілі, 1992. – 448 б.")) == []


def test_kazakh_gost_book_without_publisher():
    found = checks.check_required_fields(own("Әбжанов Х. М. Қазақстан тарихы: оқулық. – Алматы, 2015. – 312 б."))
    assert codes(found) == ["REF010"] and "publisher" in found[0].message


def test_bib_article_without_journal_and_year():
    found = checks.check_required_fields(bib("article", author="Doe, Jane", title="A First Article", pages="1--2"))
    assert codes(found) == ["REF010"] and "year" in found[0].message and "journal" in found[0].message
    assert checks.check_required_fields(bib("article", author="Doe, Jane", title="T", journal="J", year="2001", eid="e12")) == []


# ---- REF011 year ---------------------------------------------------------------------------------


def test_year_in_the_future_and_before_printing():
    # ru_korotin_ram_vulnerabilities.txt:556 prints `May 7, 0213` for 2013.
    assert codes(checks.check_year(bib("article", year="0213"), this_year=2026)) == ["REF011"]
    assert codes(checks.check_year(own("Сұлтанов Қ. С. Саясат // ҚазҰУ Хабаршысы. – 2031. – № 1. – Б. 45–53."), this_year=2026)) == ["REF011"]
    assert checks.check_year(own("Сұлтанов Қ. С. Саясат // ҚазҰУ Хабаршысы. – 2027. – № 1. – Б. 45–53."), this_year=2026) == []  # in press
    assert checks.check_year(bib("book", year="1994"), this_year=2026) == []


# ---- REF012 pages -------------------------------------------------------------------------------------


def test_reversed_and_malformed_page_ranges():
    assert codes(checks.check_pages(own("Сұлтанов Қ. С. Саясат // ҚазҰУ Хабаршысы. – 2018. – № 1. – Б. 53–45."))) == ["REF012"]
    assert codes(checks.check_pages(bib("article", pages="45--"))) == ["REF012"]
    assert checks.check_pages(bib("article", pages="1234--56")) == []  # 1234–1256, abbreviated
    # en_aurzada_random_picture_elsevier.txt:4775
    assert checks.check_pages(own("F. Aurzada, S. Dereich, High resolution quantization, J. Complexity 25 (2) (2009) 163–187.")) == []


def test_page_range_reading():
    assert checks.page_range("45–50") == (45, 50)
    assert checks.page_range("1234--56") == (1234, 1256)
    assert checks.page_range("204") == (204, 204)
    assert checks.page_range("xii") is None


# ---- REF013 DOI ---------------------------------------------------------------------------------------


def test_doi_shapes():
    # ru_gavdan_gis_security.txt:1005 writes it as a dx.doi.org address: accepted.
    assert checks.check_doi(own("Malyuk, Anatoly A. Development. IT Security (Russia), V. 26, no. 2. P. 67–85, 2019. DOI: http://dx.doi.org/10.26583/bit.2019.2.05.")) == []
    assert checks.check_doi(bib("article", doi="https://doi.org/10.1000/182")) == []
    assert codes(checks.check_doi(bib("article", doi="10.100/abc"))) == ["REF013"]
    assert codes(checks.check_doi(own("Нұрланова Ә. Т. Шекара // Шығыстану. – 2020. – № 3. – Б. 12–20. – DOI: 26577/JOS.2020.3.02"))) == ["REF013"]


# ---- REF014 ISBN / ISSN ------------------------------------------------------------------------------------


def test_isbn_and_issn_check_digits():
    # Check digits worked by hand: ISBN-10 0-262-03293-7 sums to 143 = 11·13; ISBN-13
    # 978-0-262-03384-8 sums to 100; ISSN 2074-7136 (ru_gavdan_gis_security.txt:1005): 115 mod 11 = 5, 11-5 = 6.
    assert checks.isbn_valid("0-262-03293-7") is True
    assert checks.isbn_valid("978-0-262-03384-8") is True
    assert checks.isbn_valid("978-0-262-03384-9") is False
    assert checks.isbn_valid("978-0-262") is None
    assert checks.issn_valid("2074-7136") is True
    assert checks.issn_valid("2074-7137") is False
    assert checks.check_isbn_issn(own("Penerdji, Rustem V. Information security. IT Security (Russia), V. 27, no. 3. P. 26–42, 2020. ISSN 2074-7136.")) == []
    found = checks.check_isbn_issn(own("Тоқаев Қ. К. Дипломатия. – Астана : Елорда, 2019. – 256 б. – ISBN 978-0-262-03384-9."))
    assert codes(found) == ["REF014"] and "check digit" in found[0].message


# ---- REF015 access date ---------------------------------------------------------------------------------------


def test_online_source_without_access_date_under_gost():
    # ru_zenchenko_storage_systems.txt:513
    item = own("Переосмысление подходов к хранению данных. [Электронный ресурс]. http://dscon.ru/education/ob_1.htm.")
    assert codes(checks.check_access_date(item, None)) == ["REF015"]  # the entry's own form is GOST
    kk = own("Қазақстан – Қытай қатынастары [Электрондық ресурс]. – URL: https://www.gov.kz/memleket/entities/mfa (қаралған күні: 12.03.2021).")
    assert checks.check_access_date(kk, "gost") == []
    # ru_gavdan_gis_security.txt:1012 (`accessed:` given) and an APA venue (no access date asked).
    assert checks.check_access_date(own("Positive Technologies report. URL: https://www.ptsecurity.com/a.pdf. (accessed: 24.09.2020)."), "gost") == []
    assert checks.check_access_date(item, "apa") == []


# ---- REF016 form -----------------------------------------------------------------------------------------------


def test_entry_in_another_style_than_the_venue():
    # ru_butsenko_network_planning.txt:1149 (APA) in a GOST venue; unrecognised forms are not reported.
    apa = own("Strantsov, I.A. (2010). Obzor sovremennykh metodik. Nauka i sovremennost’, No 8, 213–217.")
    assert codes(checks.check_form(apa, "gost")) == ["REF016"]
    assert checks.check_form(apa, "apa") == []
    assert checks.check_form(own("Ерофеева И. В. Хан Абулхаир. Алматы, 2007."), "gost") == []


# ---- BIB005 duplicates ------------------------------------------------------------------------------------------


def test_same_work_twice():
    first = own("Кузьмин Е. А. Неопределенность в экономике: понятия и положения // Вопросы управления. – 2012. – № 2 (2). – С. 80-92.", 1)
    again = own("Кузьмин Е.А. Неопределенность в экономике : понятия и положения // Вопросы управления. – 2012. – № 2. – С. 80–92.", 4)
    other = own("Кузьмин Е. А. Неопределенность и определенность в управлении. – Екатеринбург : Институт экономики УрО РАН, 2012. – 184 с.", 5)
    found = checks.check_duplicates([first, again, other])
    assert codes(found) == ["BIB005"] and "[1]" in found[0].message and found[0].line == 4
    same_doi = [bib("article", 1, doi="10.26583/bit.2019.2.05", title="A"), bib("article", 2, doi="https://doi.org/10.26583/BIT.2019.2.05", title="B")]
    assert codes(checks.check_duplicates(same_doi)) == ["BIB005"]


def test_two_pages_of_one_site_are_two_works():
    # IEEE's `“Name,” year. [Online]. Available: URL` for a site and for one of its pages.
    site = own("“Robot Operating System documentation,” 2024. [Online]. Available: https://docs.ros.org", 1)
    page = own("“Robot Operating System documentation,” 2024. [Online]. Available: http://wiki.ros.org/rosbridge_suite", 5)
    again = own("“Robot Operating System documentation,” 2024. [Online]. Available: https://www.docs.ros.org/", 6)
    assert site.values["title"] == "Robot Operating System documentation"
    found = checks.check_duplicates([site, page, again])
    assert codes(found) == ["BIB005"] and found[0].line == 6  # the same address written another way is the same page


def _all_pairs_duplicates(items):
    """BIB005 by title as it was first written: every title against every earlier kept title of
    its group (quadratic) — the reference the blocked search must agree with."""
    from rapidfuzz import fuzz, process

    out, seen = [], {}
    for item in items:
        v = item.values
        title = checks._normal_title(v.get("title") or "")
        names = checks.family_names(v.get("author"))
        year = v.get("year") or ""
        if len(title) < 12 or not year:
            continue
        bucket = seen.setdefault((names[0].casefold() if names else "", year, tuple(__import__("re").findall(r"\d+", title))), [])
        match = process.extractOne(title, [t for _, t in bucket], scorer=fuzz.token_sort_ratio, score_cutoff=95) if bucket else None
        other = bucket[match[2]][0] if match else None
        if other is not None and checks._same_locators(v, other.values):
            out.append(item.finding("BIB005", variant="title", other=checks._name(other.entry)))
        else:
            bucket.append((item, title))
    return out


def _planted_list(n: int, seed: int) -> list[checks.Checked]:
    """`n` entries of one author in one year, a fifth of them copies of an earlier one made
    the ways copies differ: a typo, two words swapped, punctuation, a word case, other pages."""
    import random

    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyzабвгдежзиклмнопрстуфхцчшщыэюя"
    vocabulary = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 10))) for _ in range(400)]
    titles: list[tuple[str, str]] = []
    for i in range(n):
        if titles and rng.random() < 0.2:
            title, pages = rng.choice(titles)
            words = title.split()
            kind = rng.randrange(5)
            if kind == 0:  # a typo
                k = rng.randrange(len(words))
                w = words[k]
                j = rng.randrange(len(w))
                words[k] = w[:j] + rng.choice(letters) + w[j + 1 :]
            elif kind == 1 and len(words) > 1:
                a, b = rng.sample(range(len(words)), 2)
                words[a], words[b] = words[b], words[a]
            elif kind == 2:
                words = [w + rng.choice(",.:;") if rng.random() < 0.3 else w for w in words]
            elif kind == 3:
                words = [w.upper() if rng.random() < 0.3 else w for w in words]
            else:
                pages = f"{rng.randint(1, 300)}-{rng.randint(301, 600)}"
            titles.append((" ".join(words), pages))
        else:
            size = rng.choice([1, 1, 2, 3, 5, 8, 12])
            titles.append((" ".join(rng.choice(vocabulary) for _ in range(size)), f"{rng.randint(1, 300)}-{rng.randint(301, 600)}"))
    return [bib("article", i + 1, author="Smith, John", title=t, year="2020", pages=pg) for i, (t, pg) in enumerate(titles)]


@pytest.mark.parametrize("seed", range(6))
def test_blocked_duplicate_search_finds_what_comparing_every_pair_finds(seed):
    items = _planted_list(600, seed)
    expected = _all_pairs_duplicates(items)
    assert len(expected) > 30  # the planted copies are there to be found
    assert [(d.line, d.message) for d in checks.check_duplicates(items)] == [(d.line, d.message) for d in expected]


def test_duplicate_search_compares_each_entry_with_a_bounded_number_of_others(monkeypatch):
    """Issue 17, item 9: 10 000 entries by one author in one year took 28 s (every pair compared)."""
    import rapidfuzz.process

    compared = []
    real = rapidfuzz.process.extractOne

    def counting(query, choices, **kwargs):
        compared.append(len(choices))
        return real(query, choices, **kwargs)

    monkeypatch.setattr(rapidfuzz.process, "extractOne", counting)
    items = _planted_list(4000, 7)
    checks.check_duplicates(items)
    assert max(compared) <= 5 * 16 and sum(compared) <= 40 * len(items)  # all pairs: about 6 000 000


# ---- REF017 locators, through the whole pipeline ------------------------------------------------------------------

PAPER = """Мақала

Қытай саясаты туралы [1, б. 99] және [1, б. 15] деп жазылған, кітапта [2, б. 500] бар.

Әдебиеттер тізімі

1. Сұлтанов Қ. С. Қытайдың Орталық Азиядағы саясаты // ҚазҰУ Хабаршысы. – 2018. – Т. 88, № 1. – Б. 10–20.
2. Байтұрсынұлы А. Тіл тағылымы. – Алматы : Ана тілі, 1992. – 448 б.
"""


def test_cited_page_outside_the_entry(tmp_path):
    source = tmp_path / "paper.txt"
    source.write_text(PAPER, encoding="utf-8")
    result = run_cli("check", str(source), "--json")
    found = [d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "REF017"]
    assert [(d["line"], d["column"]) for d in found] == [(3, 22), (3, 71)]
    assert "10–20" in found[0]["message"] and "448" in found[1]["message"]


def test_venue_form_through_check_template(tmp_path):
    source = tmp_path / "paper.txt"
    source.write_text(PAPER.replace("2. Байтұрсынұлы", "2. Abrams, R. (2014). Successful Business Plan: Secrets and Strategies. Planning Shop.\n3. Байтұрсынұлы"), encoding="utf-8")
    with_venue = run_cli("check", str(source), "--template", "kz-conference")
    assert "REF016" in with_venue.stdout and "entry [2]: written in APA style; the venue expects GOST" in with_venue.stdout
    assert "REF016" not in run_cli("check", str(source)).stdout


def test_seed_gains_no_findings():
    result = run_cli("check", "source/kz-china-relations.txt", "--json")
    assert not [d for d in json.loads(result.stdout)["diagnostics"] if d["code"].startswith("REF01") or d["code"] == "BIB005"]


def test_book_pages_number_is_its_length_for_locators():
    """references/demo-typesetting.bib gives Lamport's book `pages = {272}`: [2, p. 45] lies inside it, p. 300 does not."""
    from exporter.model import Citation, CiteRef, Paragraph

    item = bib("book", 2, title="LaTeX", publisher="Addison-Wesley", year="1994", pages="272")
    span = Span(5, 3, 5, 13)

    def cite(locator: str):
        return (Paragraph((Citation(f"[2, {locator}]", (CiteRef("2", locator=locator, entry=item.entry.key),), span),), span),)

    assert checks.check_locators(cite("p. 45"), {item.entry.key: item}, "paper.txt") == []
    found = checks.check_locators(cite("p. 300"), {item.entry.key: item}, "paper.txt")
    assert codes(found) == ["REF017"] and (found[0].line, found[0].column) == (5, 3)


def test_year_typo_is_read_and_reported():
    # ru_korotin_ram_vulnerabilities.txt:556 ends `Volumes 9(2), May 7, 0213.`
    item = own("Apalkov D., Khvalkovskiy A. Spin-Transfer Torque Magnetic Random Access Memory (STT-MRAM) — ACM Journal on Emerging Technologies in Computing Systems (JETC), Volumes 9(2), May 7, 0213.")
    assert item.values["year"] == "0213"
    assert codes(checks.check_year(item, this_year=2026)) == ["REF011"]


def test_two_parts_in_one_journal_are_not_one_work():
    # ru_yagyaeva_data_networks.txt, entries 5 and 6: the same authors, journal and year, other issue and pages.
    five = own("Ягьяева Л.Т., Перухин М.Ю., Обади Абдулфаттах. Высокоскоростные распределенные сети. «Вестник казанского технологического университета» №6, 2013. С.240-241.", 5)
    six = own("Ягьяева Л.Т., Перухин М.Ю., Обади Абдулфаттах. Распределенная система управления. «Вестник казанского технологического университета» №9, 2013. С.291-293.", 6)
    assert checks.check_duplicates([five, six]) == []
    # en_iqbal_requirement_prioritization.txt, entries 18 and 21: one book listed twice.
    a = own("Saaty T.,”The Analytic Hierarchy Process: Planning, Priority Setting, Resource, Allocation”, McGraw-Hill, New York, 1980", 18)
    b = own("Saaty T,”The Analytic Hierarchy Process: Planning, Priority Setting, Resource, Allocation”, McGraw-Hill, New York, 1980.", 21)
    assert codes(checks.check_duplicates([a, b])) == ["BIB005"]
