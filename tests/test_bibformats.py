"""Bibliography files in (BibTeX, CSL-JSON, RIS) and out (`exporter bib`)."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest

from exporter.diagnostics import InputError
from exporter.references import load_bibliography
from exporter.references.bibtex import latex_to_unicode
from exporter.references.bibwriter import write_bibtex
from exporter.references.biblatex import sentence_case
from exporter.references.csljson import csl_item, write_csljson
from exporter.references.ris import write_ris
from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent
DEMO, DEMO_BIB = ROOT / "source" / "demo-typesetting.txt", ROOT / "references" / "demo-typesetting.bib"

# A Kazakh journal article and an English book, as Zotero writes CSL-JSON.
CSL = [
    {"id": "1", "type": "article-journal", "title": "Қазақстан мен Қытай арасындағы мәдени байланыстар",
     "author": [{"family": "Сейтқали", "given": "А. Б."}, {"literal": "ЮНЕСКО"}], "container-title": "ҚазҰУ Хабаршысы",
     "issued": {"date-parts": [[2021, 3]]}, "volume": 3, "issue": "2", "page": "45-50", "DOI": "10.26577/JH.2021.v3.i2.05"},
    {"id": "knuth", "type": "book", "title": "The TeXbook", "author": [{"family": "Knuth", "given": "Donald E."}],
     "publisher": "Addison-Wesley", "publisher-place": "Reading, MA", "issued": {"date-parts": [["1984"]]}},
]
RIS = """TY  - JOUR
ID  - 7
AU  - Иванов, И. И.
AU  - Smith, J.
TI  - Экономика Казахстана & 50% рост
T2  - Вестник КазНУ
PY  - 2010///
VL  - 3
IS  - 2
SP  - 45
EP  - 50
DO  - 10.1000/xyz
UR  - https://example.org/a
Y2  - 2021/03/12/
ER  - 

TY  - BOOK
AU  - World Health Organization
TI  - Report
PB  - WHO
CY  - Geneva
PY  - 2019
SN  - 978-92-4-156570-1
ER  - 
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_csl_json_entries_fields_numbers_and_lines(tmp_path):
    path = write(tmp_path, "refs.json", json.dumps(CSL, ensure_ascii=False, indent=1))
    bib = load_bibliography(path)
    assert bib.diagnostics == []
    first, knuth = bib.entries
    assert (first.key, first.number, first.origin, first.entry_type) == ("1", 1, "csl-json", "article")
    assert first.field("author") == "Сейтқали, А. Б. and {ЮНЕСКО}"
    assert first.field("journal") == "ҚазҰУ Хабаршысы" and first.field("year") == "2021" and first.field("month") == "3"
    assert (first.field("volume"), first.field("number"), first.field("pages")) == ("3", "2", "45-50")
    assert first.field("doi") == "10.26577/JH.2021.v3.i2.05"
    assert first.span.line == 2  # indent=1: the array's `[` is line 1, the first item opens on line 2
    assert (knuth.number, knuth.field("address"), knuth.field("year")) == (2, "Reading, MA", "1984")


def test_csl_json_bad_records_are_reported_where_they_stand(tmp_path):
    text = '[\n {"id": "a", "title": "A"},\n 42,\n {"id": "b", "title": ["x"]},\n {"id": "a", "title": "again"},\n {"id": "c"}\n]\n'
    bib = load_bibliography(write(tmp_path, "bad.json", text))
    found = [(d.code, d.line) for d in bib.diagnostics]
    assert found == [("BIB002", 3), ("BIB002", 4), ("BIB001", 5), ("BIB003", 6)]
    assert [(e.key, e.number) for e in bib.entries] == [("a", 1), ("c", 5)]  # skipped records hold their places


def test_truncated_json_keeps_what_came_before(tmp_path):
    text = json.dumps(CSL, ensure_ascii=False, indent=1)
    bib = load_bibliography(write(tmp_path, "cut.json", text[: text.index('"knuth"') + 20]))
    assert [e.key for e in bib.entries] == ["1"]
    assert [d.code for d in bib.diagnostics] == ["BIB002"] and "invalid JSON" in bib.diagnostics[0].message


@pytest.mark.parametrize("content, message", [
    ('{"id": "a"}', "must be an array"),
    ("", "must be an array"),
])
def test_json_that_is_not_csl_is_one_error(tmp_path, content, message):
    with pytest.raises(InputError, match=message):
        load_bibliography(write(tmp_path, "x.json", content))


def test_binary_and_deeply_nested_json(tmp_path):
    binary = tmp_path / "x.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(InputError):
        load_bibliography(str(binary))
    bib = load_bibliography(write(tmp_path, "deep.json", "[" + "[" * 100000 + "]" * 100000 + "]"))
    assert bib.entries == [] and [d.code for d in bib.diagnostics] == ["BIB002"]


def test_large_csl_json(tmp_path):
    items = [{"id": f"k{i}", "type": "book", "title": f"Title {i}"} for i in range(20000)]
    bib = load_bibliography(write(tmp_path, "big.json", json.dumps(items)))
    assert len(bib.entries) == 20000 and bib.entries[-1].number == 20000


def test_ris_entries(tmp_path):
    bib = load_bibliography(write(tmp_path, "refs.ris", RIS))
    assert bib.diagnostics == []
    article, report = bib.entries
    assert (article.key, article.number, article.origin, article.entry_type) == ("7", 7, "ris", "article")
    assert article.field("author") == "Иванов, И. И. and Smith, J."
    assert (article.field("journal"), article.field("year"), article.field("pages")) == ("Вестник КазНУ", "2010", "45-50")
    assert (article.field("urldate"), article.field("url")) == ("2021-03-12", "https://example.org/a")
    assert article.span.line == 1 and report.span.line == 17
    assert report.number == 2 and report.field("author") == "{World Health Organization}"
    assert report.field("isbn") == "978-92-4-156570-1" and report.field("address") == "Geneva"


def test_ris_broken_records(tmp_path):
    text = "TY  - JOUR\nTI  - One\nER  - \n\nTY  - JOUR\nTI  - Two\nthis is not a tag\nER  - \nTY  - BOOK\nTI  - Cut off\n"
    bib = load_bibliography(write(tmp_path, "bad.ris", text))
    assert [e.field("title") for e in bib.entries] == ["One"]
    assert [(d.code, d.line) for d in bib.diagnostics] == [("BIB002", 7), ("BIB002", 9)]


def test_ris_by_content_and_not_ris(tmp_path):
    assert [e.field("title") for e in load_bibliography(write(tmp_path, "export.txt", RIS)).entries] == ["Экономика Казахстана & 50% рост", "Report"]
    with pytest.raises(InputError, match="not RIS"):
        load_bibliography(write(tmp_path, "x.ris", "hello\n"))


def _fields_back(text: str) -> dict[str, dict[str, str]]:
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    return {e.key: {f.key: f.value for f in e.fields} for e in library.entries}


@pytest.mark.parametrize("name, content", [("refs.json", json.dumps(CSL, ensure_ascii=False)), ("refs.ris", RIS)])
def test_bibtex_written_from_csl_json_and_ris_reads_back(tmp_path, name, content):
    entries = load_bibliography(write(tmp_path, name, content)).entries
    back = _fields_back(write_bibtex(entries))
    for entry in entries:
        assert {k: latex_to_unicode(v) if k not in ("author", "editor") else v for k, v in back[entry.key].items()} == dict(entry.fields)


def test_bibtex_written_from_bib_reads_back():
    entries = load_bibliography(str(DEMO_BIB)).entries
    back = _fields_back(write_bibtex(entries))
    for entry in entries:
        assert back[entry.key] == dict(entry.fields)


def test_csl_json_and_ris_written_read_back(tmp_path):
    entries = load_bibliography(write(tmp_path, "refs.ris", RIS)).entries
    again = load_bibliography(write(tmp_path, "again.ris", write_ris(entries))).entries
    assert [dict(e.fields) for e in again] == [dict(e.fields) for e in entries]
    as_json = load_bibliography(write(tmp_path, "again.json", write_csljson(entries))).entries
    assert as_json[0].field("title") == "Экономика Казахстана & 50% рост" and as_json[0].field("author") == "Иванов, И. И. and Smith, J."


def test_csl_item_from_bib_decodes_and_sentence_cases():
    (goedel,) = [e for e in load_bibliography(str(DEMO_BIB)).entries if e.key == "goedel1931"]
    item = csl_item(goedel)
    assert item["author"] == [{"family": "Gödel", "given": "Kurt"}]
    assert item["container-title"] == "Monatshefte für Mathematik und Physik" and item["page"] == "173-198"
    assert item["type"] == "article-journal" and item["issued"] == {"date-parts": [[1931]]}


@pytest.mark.parametrize("raw, expected", [
    # pandoc 2.17 gives the same for each (checked by `pandoc -f biblatex -t csljson`)
    ("Title: Subtitle With Words and TeX iPhone NASA", "Title: Subtitle with words and TeX iPhone NASA"),
    ("A {B}ig Thing -- Really? Yes. Another Sentence", "A {B}ig thing -- really? Yes. Another sentence"),
    (r"The {\TeX}book", r"The {\TeX}book"),
])
def test_sentence_case(raw, expected):
    assert sentence_case(raw) == expected


def test_bib_command_every_format():
    texts = {to: run_cli("bib", str(DEMO), "--bib", str(DEMO_BIB), "--to", to) for to in ("bibtex", "biblatex", "csl-json", "ris", "text")}
    assert all(r.returncode == 0 for r in texts.values()), {k: r.stderr for k, r in texts.items()}
    keys = [e.key for e in bibtexparser.parse_string(texts["bibtex"].stdout).entries]
    assert keys[0] == "knuth1984" and len(keys) == 6
    assert [i["id"] for i in json.loads(texts["csl-json"].stdout)] == keys
    assert texts["ris"].stdout.count("ER  - ") == 6
    lines = texts["text"].stdout.splitlines()
    assert lines[0].startswith("1. Knuth D. E. The TeXbook.") and len(lines) == 6


def test_bib_command_style_and_errors():
    apa = run_cli("bib", str(DEMO), "--bib", str(DEMO_BIB), "--to", "text", "--style", "apa")
    assert apa.returncode == 0 and apa.stdout.splitlines()[0] == "1. Knuth, D. E. (1984). The TeXbook (p. 483). Addison-Wesley."
    bad = run_cli("bib", str(DEMO), "--bib", str(DEMO_BIB), "--to", "text", "--style", "nosuch.csl")
    assert bad.returncode == 2 and bad.stderr.startswith("exporter: error: nosuch.csl:") and "Traceback" not in bad.stderr


def test_own_list_fields_written_as_bibtex_read_back():
    from exporter.references.used import used_entries
    from exporter.pipeline import read_and_link

    entries = used_entries(read_and_link(str(ROOT / "source" / "demo-markdown.md")))
    assert entries and all(e.origin == "list" for e in entries)
    back = _fields_back(run_cli("bib", str(ROOT / "source" / "demo-markdown.md"), "--to", "bibtex").stdout)
    for entry in entries:
        expected = {**dict(entry.fields), "note": entry.text}  # the parsed fields, and the text they came from
        assert {k: latex_to_unicode(v) if k not in ("author", "editor") else v for k, v in back[entry.key].items()} == expected


# The demo Word paper's first entry, as printed; the field parser reads its title as `ECMA International`.
ECMA = "ECMA International. ECMA-376: Office Open XML File Formats. Part 1: Fundamentals and Markup Language Reference. 5th ed. Geneva: Ecma International, 2021."


@pytest.mark.parametrize("to", ["bibtex", "biblatex", "csl-json", "ris"])
def test_every_format_carries_the_entry_text_the_parser_did_not_assign(to):
    """Issue 17, item 4: the title `ECMA-376: Office Open XML File Formats` was in no field."""
    out = run_cli("bib", str(ROOT / "source" / "demo-word.docx"), "--to", to)
    assert out.returncode == 0, out.stderr
    if to == "csl-json":
        first = json.loads(out.stdout)[0]
        assert first["note"] == ECMA  # whatever fields the parser assigned, the whole text is carried
    elif to == "ris":
        record = out.stdout.split("ER  - ")[0]
        assert f"N1  - {ECMA}" in record.splitlines()
    else:
        assert latex_to_unicode(_fields_back(out.stdout)["1"]["note"]) == ECMA


def test_a_parsed_note_from_elsewhere_is_kept_beside_the_text():
    from exporter.model import Entry, Span
    from exporter.references.bibwriter import carrying_text

    span = Span(1, 1, 1, 1)
    own = Entry("1", 1, span, fields=(("title", "T"), ("note", "In Russian")), text="A. T. In Russian. 2000.")
    assert carrying_text(own).fields == (("title", "T"), ("note", "A. T. In Russian. 2000."))  # the parsed note is in the text
    field = Entry("2", 2, span, fields=(("note", "PMID 1234"),), text="B. U. 2001.", origin="field")
    assert dict(carrying_text(field).fields)["note"] == "PMID 1234; B. U. 2001."
    from_bib = Entry("3", 3, span, fields=(("title", "V"),), origin="bibtex")
    assert carrying_text(from_bib) is from_bib  # a .bib record is its own original


def test_fix_refuses_to_renumber_a_csl_json_file(tmp_path):
    path = write(tmp_path, "refs.json", json.dumps(CSL, ensure_ascii=False))
    result = run_cli("fix", str(DEMO), "--bib", path, "--renumber", "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "only a BibTeX file is renumbered" in result.stderr
    assert not (tmp_path / "out").exists()
