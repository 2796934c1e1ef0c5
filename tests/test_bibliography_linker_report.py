"""The .bib loader, the linker's findings, and the check/inspect report objects."""

from __future__ import annotations

import textwrap

import pytest

from exporter.references.bibtex import load_bib
from exporter.linker import link
from exporter.pipeline import read_and_link
from exporter.readers.plaintext import read_plaintext
from exporter.diagnostics import Severity
from exporter.report import check_json, model_json, summary_line, text_lines
from exporter.sourcefile import SourceText

from helpers import DEMO, DEMO_BIB, SEED


def write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return str(path)


def doc_of(text: str, path: str = "p.txt"):
    return read_plaintext(SourceText(path, text, "utf-8"))


def codes(linked) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in linked.diagnostics]


# ---- .bib loading ------------------------------------------------------------------------


def test_demo_bib_loads_in_file_order():
    bib = load_bib(str(DEMO_BIB))
    assert bib.diagnostics == []
    assert [(e.key, e.number, e.span.line, e.entry_type) for e in bib.entries] == [
        ("knuth1984", 1, 4, "book"),  # demo .bib line 4: "@book{knuth1984,"
        ("lamport1994", 2, 13, "book"),
        ("mittelbach2004", 3, 23, "book"),
        ("bringhurst1992", 4, 33, "book"),
        ("patashnik1988", 5, 42, "manual"),
        ("goedel1931", 6, 50, "article"),
    ]
    knuth = bib.entries[0]
    assert knuth.span.end_line == 11
    assert knuth.field("title") == "The {\\TeX}book"  # raw LaTeX, outer braces removed
    assert knuth.field("year") == "1984"
    assert knuth.field("address") == "Reading, MA"
    assert knuth.field("nosuch") is None


def test_bib_strings_concatenation_months_numeric_keys_and_crossref(tmp_path):
    path = write(
        tmp_path,
        "t.bib",
        """
        @string{pub = "Addison-Wesley"}
        @string{ma = {Reading, MA}}

        @book{7,
          title = {Numbered Seven},
          publisher = pub,
          address = ma # ", USA",
          month = feb,
          year = 1999
        }

        @proceedings{proc2000,
          title = {Proceedings of Things},
          publisher = {ACM},
          year = 2000
        }

        @inproceedings{child,
          title = {A Paper},
          crossref = {proc2000}
        }

        @misc{orphan, title = {X}, crossref = {nothere}}
        """,
    )
    bib = load_bib(path)
    by_key = {e.key: e for e in bib.entries}
    assert [(e.key, e.number) for e in bib.entries] == [("7", 7), ("proc2000", 2), ("child", 3), ("orphan", 4)]
    seven = by_key["7"]
    assert (seven.field("publisher"), seven.field("address"), seven.field("month")) == ("Addison-Wesley", "Reading, MA, USA", "2")
    child = by_key["child"]
    assert (child.field("booktitle"), child.field("publisher"), child.field("year")) == ("Proceedings of Things", "ACM", "2000")
    assert child.field("title") == "A Paper"  # not overwritten by the parent's
    assert [(d.code, d.line) for d in bib.diagnostics] == [("BIB004", 23)]


def test_broken_block_keeps_its_place_and_is_reported(tmp_path):
    path = write(
        tmp_path,
        "b.bib",
        """
        @article{first,
          title = {A First Article},
          year  = 2001
        }

        @article{second,
          title = {A Broken Entry,
          year  = 2002
        }

        @book{third,
          author = {Poe, Edgar},
          year   = 2003
        }
        """,
    )
    bib = load_bib(path)
    assert [(e.key, e.number) for e in bib.entries] == [("first", 1), ("third", 3)]
    assert sorted((d.code, d.line, d.column) for d in bib.diagnostics) == [("BIB002", 6, 1), ("BIB003", 11, 1)]
    assert "it is skipped" in next(d.message for d in bib.diagnostics if d.code == "BIB002")


def test_duplicate_keys_and_numbers(tmp_path):
    path = write(
        tmp_path,
        "d.bib",
        """
        @misc{a, title = {A}}
        @misc{2, title = {Two by key}}
        @misc{a, title = {A again}}
        """,
    )
    bib = load_bib(path)
    # `a` is entry 1 by place; `2` is entry 2 by key; the second `a` is dropped.
    assert [(e.key, e.number) for e in bib.entries] == [("a", 1), ("2", 2)]
    assert [(d.code, d.line) for d in bib.diagnostics] == [("BIB001", 3)]


# ---- linking -----------------------------------------------------------------------------


def test_seed_links_nothing_and_says_why():
    linked = read_and_link(str(SEED))
    report = check_json(linked)
    assert [c["label"] for c in report["citations"]] == ["9", "5", "11", "12", "13", "13", "1", "2"]
    assert not any(c["resolved"] for c in report["citations"])
    assert report["unresolved"] == ["1", "2", "5", "9", "11", "12", "13"]  # numeric order
    assert codes(linked).count(("REF001", 601, 1)) == 1  # on the last line of text (seed 601)
    # [5] after [9], [1] after [13], [2] after [13]: three first-citations out of order
    assert [(d.line, d.column) for d in linked.diagnostics if d.code == "CIT003"] == [(316, 31), (486, 12), (506, 80)]
    assert sum(d.code == "CIT001" for d in linked.diagnostics) == 8
    assert report["summary"] == {"errors": 8, "warnings": 4, "notes": 0}
    assert any(d.severity is Severity.ERROR for d in linked.diagnostics)


def test_demo_links_cleanly_with_its_own_list_and_with_its_bib():
    own = check_json(read_and_link(str(DEMO)))
    assert own["diagnostics"] == [] and own["unresolved"] == [] and own["unused"] == []
    assert [(c["label"], c["entry"], c.get("locator")) for c in own["citations"]] == [
        ("1", "1", None),
        ("2", "2", "p. 45"),
        ("3", "3", None),
        ("4", "4", None),
        ("5", "5", None),
        ("6", "6", None),
        ("1", "1", None),
        ("2", "2", None),
    ]
    linked = read_and_link(str(DEMO), str(DEMO_BIB))
    bib = check_json(linked)
    assert [c["entry"] for c in bib["citations"]] == [
        "knuth1984", "lamport1994", "mittelbach2004", "bringhurst1992", "patashnik1988", "goedel1931", "knuth1984", "lamport1994",
    ]
    assert bib["bibliography"] == str(DEMO_BIB)
    # the paper's own list is set aside, with a note on its heading (demo line 31)
    assert codes(linked) == [("REF002", 31, 1)]
    assert bib["summary"] == {"errors": 0, "warnings": 0, "notes": 1}
    assert not any(d.severity is Severity.ERROR for d in linked.diagnostics)


def test_unused_out_of_order_and_duplicate_numbers_in_own_list():
    doc = doc_of(
        "алдымен [3], кейін [1, 2] және [2].\n"
        "\n"
        "Әдебиеттер тізімі\n"
        "1. Бір.\n"
        "2. Екі.\n"
        "2. Екі қайта.\n"
        "3. Үш.\n"
        "4. Төрт.\n"
    )
    linked = link(doc)
    assert codes(linked) == [
        ("CIT003", 1, 9),  # [3] first cited before [1] ([1], [2] rise after it: one finding)
        ("BIB001", 6, 4),  # the second "2."
        ("CIT002", 8, 4),  # entry 4 is never cited
    ]
    report = check_json(linked)
    assert report["unused"] == ["4"]
    assert report["entries"] == 5
    assert "first cited before [1]" in linked.diagnostics[0].message
    assert "first on line 5" in linked.diagnostics[1].message


def test_key_citations_with_a_bib(tmp_path):
    bib_path = write(tmp_path, "k.bib", "@book{knuth, title = {T}}\n\n@book{unused, title = {U}}\n")
    doc = doc_of("as shown [@knuth, p. 7] and [@ghost].\n")
    linked = link(doc, load_bib(bib_path))
    report = check_json(linked)
    assert [(c["label"], c["entry"], c.get("locator")) for c in report["citations"]] == [
        ("@knuth", "knuth", "p. 7"),
        ("@ghost", None, None),
    ]
    assert report["unresolved"] == ["@ghost"]
    assert report["unused"] == ["unused"]
    ghost = next(d for d in linked.diagnostics if d.code == "CIT001")
    assert (ghost.line, ghost.column) == (1, 29)
    assert ghost.message == f"[@ghost]: no entry with key 'ghost' in {bib_path}"
    unused = next(d for d in linked.diagnostics if d.code == "CIT002")
    assert (unused.path, unused.line) == (bib_path, 3)


def test_bad_range_is_cit004_not_cit001():
    linked = link(doc_of("бұрын [5–1] айтылған [1].\n\nӘдебиеттер\n1. Бір.\n"))
    assert [d.code for d in linked.diagnostics] == ["CIT004"]
    report = check_json(linked)
    assert [(c["label"], c["resolved"]) for c in report["citations"]] == [("5–1", False), ("1", True)]


def test_numbers_too_long_for_an_entry_never_resolve():
    linked = link(doc_of("сан [12345678901] мұнда.\n\nReferences\n1. One.\n"))
    assert [d.code for d in linked.diagnostics] == ["CIT001", "CIT002"]


def test_empty_bib_is_ref001(tmp_path):
    bib_path = write(tmp_path, "e.bib", "% nothing here\n")
    linked = link(doc_of("text [1].\n"), load_bib(bib_path))
    # sorted by place: REF001 on the last line (1:1), then CIT001 at the bracket (1:6)
    assert codes(linked) == [("REF001", 1, 1), ("CIT001", 1, 6)]
    assert linked.diagnostics[0].message == f"{bib_path} holds no entries"
    assert linked.diagnostics[1].message == "[1] has no entry: there is no reference list"


# ---- report objects ----------------------------------------------------------------------


def test_text_lines_and_summary_for_the_seed():
    linked = read_and_link(str(SEED))
    lines = text_lines(linked)
    assert lines[0] == f"{SEED}:283:17: error[CIT001]: [9] has no entry: there is no reference list"
    assert summary_line(check_json(linked)) == (
        f"{SEED}: 8 citations, 0 resolved, 7 unresolved labels (1, 2, 5, 9, 11, 12, 13), 0 entries, 8 errors, 4 warnings"
    )


def test_model_json_shape_for_the_demo():
    model = model_json(read_and_link(str(DEMO)).document)
    assert set(model) == {"file", "encoding", "meta", "blocks", "references"}
    assert [b["type"] for b in model["blocks"]] == ["paragraph", "paragraph", "paragraph", "list"]
    assert model["blocks"][3]["items"][2] == {
        "line": 29, "column": 3, "end_line": 29, "end_column": 64,
        "text": "entries are numbered in order of their first citation [1; 2].",
    }
    entry = model["references"][0]
    spans = entry.pop("field_spans")
    confidence = entry.pop("field_confidence")
    assert set(entry["fields"]) <= set(confidence) and all(0 <= p <= 1 for p in confidence.values())
    assert entry == {
        "key": "1", "number": 1, "line": 33, "column": 4, "end_line": 33, "end_column": 70, "type": "book",
        "text": "Knuth D. E. The TeXbook. Reading, MA: Addison-Wesley, 1984. 483 p.",
        "fields": {"author": "Knuth, D. E.", "title": "The TeXbook", "address": "Reading, MA", "publisher": "Addison-Wesley", "year": "1984", "pagetotal": "483"},
        "form": "unknown",
    }
    # `1. Knuth D. E. The TeXbook. …`: the title starts at column 16 and ends before its dot.
    assert spans["title"] == {"line": 33, "column": 16, "end_line": 33, "end_column": 27}


@pytest.mark.parametrize("count", [1, 13])
def test_summary_line_lists_at_most_twelve_labels(count):
    report = {
        "file": "f.txt",
        "citations": [{"resolved": False}] * count,
        "unresolved": [str(n) for n in range(1, count + 1)],
        "entries": 1,
        "summary": {"errors": count, "warnings": 0, "notes": 0},
    }
    line = summary_line(report)
    if count == 1:
        assert line == "f.txt: 1 citation, 0 resolved, 1 unresolved label (1), 1 entry, 1 error, 0 warnings"
    else:
        assert "(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, …)" in line and "13 unresolved labels" in line
