"""Citation finding (exporter/citations.py): what is a citation, its labels and locators."""

from __future__ import annotations

import pytest

from exporter.citations import MAX_RANGE, find_citations
from exporter.citations import inlines_of
from exporter.readers.plaintext import join_lines
from exporter.readers.plaintext.normalize import Lexicon
from exporter.model import Citation, Text


def refs_of(text: str) -> list[list[tuple[str, str | None]]]:
    found, malformed = find_citations(text)
    assert not malformed
    return [[(r.label, r.locator) for r in f.refs] for f in found]


@pytest.mark.parametrize(
    ("raw", "refs"),
    [
        ("[1]", [("1", None)]),
        ("[1, 2]", [("1", None), ("2", None)]),
        ("[1; 2]", [("1", None), ("2", None)]),
        ("[1–3]", [("1", None), ("2", None), ("3", None)]),
        ("[1-3]", [("1", None), ("2", None), ("3", None)]),
        ("[1—2]", [("1", None), ("2", None)]),
        ("[1,2-4]", [("1", None), ("2", None), ("3", None), ("4", None)]),
        ("[12, p. 45]", [("12", "p. 45")]),
        ("[12, с. 45]", [("12", "с. 45")]),  # Cyrillic с (Russian "страница")
        ("[12, б. 45]", [("12", "б. 45")]),  # Kazakh "бет"
        ("[12, 45 б.]", [("12", "45 б.")]),  # locator after the number
        ("[12, pp. 4–5]", [("12", "pp. 4–5")]),
        ("[12, с. 45-46]", [("12", "с. 45-46")]),
        ("[1, 2, 12, б. 45]", [("1", None), ("2", None), ("12", "б. 45")]),
        ("[@key]", [("@key", None)]),
        ("[@knuth1984, p. 7]", [("@knuth1984", "p. 7")]),
        ("[@a, p. 3; @b]", [("@a", "p. 3"), ("@b", None)]),
        ("[@lamport1994, pp. 4–5]", [("@lamport1994", "pp. 4–5")]),
    ],
)
def test_citation_forms(raw, refs):
    text = f"мәтін {raw} мәтін"
    found, malformed = find_citations(text)
    assert malformed == []
    assert len(found) == 1
    cite = found[0]
    assert cite.raw == raw
    assert text[cite.start:cite.end] == raw
    assert [(r.label, r.locator) for r in cite.refs] == refs
    assert all(r.valid for r in cite.refs) and cite.problem is None


def test_adjacent_citations_are_three():
    found, _ = find_citations("деректер [6][7][8] бойынша")
    assert [f.raw for f in found] == ["[6]", "[7]", "[8]"]
    assert [f.start for f in found] == [9, 12, 15]
    assert [[r.label for r in f.refs] for f in found] == [["6"], ["7"], ["8"]]


@pytest.mark.parametrize("raw", ["[sic]", "[...]", "[ tweak]", "[a]", "[XIX]", "[孔子]", "[]", "[@]"])
def test_brackets_that_are_text(raw):
    found, malformed = find_citations(f"бір {raw} екі")
    assert found == [] and malformed == []


@pytest.mark.parametrize("raw", ["[1.]", "[1, 2,]", "[1 2]", "[3ы4]", "[2, 3б5]"])  # a separator typed in the Russian layout
def test_numeric_looking_brackets_are_reported_not_read(raw):
    found, malformed = find_citations(f"x {raw} y")
    assert found == []
    assert [m.raw for m in malformed] == [raw]
    assert malformed[0].start == 2


@pytest.mark.parametrize(
    ("raw", "what"),
    [("[5–1]", "reversed"), ("[1–100000]", "wide"), ("[3-2]", "reversed")],
)
def test_bad_ranges_never_expand(raw, what):
    found, _ = find_citations(f"x {raw} y")
    (cite,) = found
    assert len(cite.refs) == 1  # never expanded
    (ref,) = cite.refs
    assert not ref.valid
    assert ref.label == raw[1:-1]
    assert cite.problem == (what, raw[1:-1])


def test_widest_allowed_range_expands():
    (cite,) = find_citations(f"[1–{MAX_RANGE}]")[0]
    assert [r.label for r in cite.refs] == [str(n) for n in range(1, MAX_RANGE + 1)]
    (cite,) = find_citations(f"[1–{MAX_RANGE + 1}]")[0]
    assert len(cite.refs) == 1 and not cite.refs[0].valid


def test_a_bad_range_beside_a_good_label():
    (cite,) = find_citations("[2, 9–4]")[0]
    assert [(r.label, r.valid) for r in cite.refs] == [("2", True), ("9–4", False)]
    assert cite.problem == ("reversed", "9–4")


def test_citation_does_not_span_lines():
    found, malformed = find_citations("[1,\n2]")
    assert found == [] and malformed == []


def test_cit004_and_cit005_notes_carry_source_positions():
    # line 1: "алдымен [5–1] және"   line 2: "кейін [1–100000], [1.] деп"
    lines = [(1, "алдымен [5–1] және"), (2, "кейін [1–100000], [1.] деп")]
    joined = join_lines(lines, Lexicon([]))
    notes = []
    inlines = inlines_of(joined, "p.txt", notes)
    assert [(n.code, n.line, n.column) for n in notes] == [("CIT005", 2, 19), ("CIT004", 1, 9), ("CIT004", 2, 7)]
    cites = [node for node in inlines if isinstance(node, Citation)]
    assert [(c.raw, c.span.line, c.span.column, c.span.end_column) for c in cites] == [
        ("[5–1]", 1, 9, 14),
        ("[1–100000]", 2, 7, 17),
    ]
    # the unreadable bracket stays in the text
    assert any(isinstance(n, Text) and "[1.]" in n.text for n in inlines)


def test_citation_split_by_a_run_of_spaces_keeps_its_opening_column():
    # "[12,   б. 45]" -> spaces collapse, the citation still starts at column 7 of line 3.
    joined = join_lines([(3, "дейді [12,   б. 45].")], Lexicon([]))
    notes = []
    (cite,) = [n for n in inlines_of(joined, "p.txt", notes) if isinstance(n, Citation)]
    assert cite.raw == "[12, б. 45]"
    assert (cite.span.line, cite.span.column) == (3, 7)
    assert [(r.label, r.locator) for r in cite.refs] == [("12", "б. 45")]


@pytest.mark.parametrize("text", [
    "+0.087 [0.058, 0.115] for Cardiomegaly",
    "the coefficient (b = 0.26, 95% CI [0.22 0.30], p < .001)",
    "5.8S, -7.7%, [9.8, 98.0], p = 0.644; 5S, -0.4%, [-31.1, 44.2]",
    "a share of [0.4]",
])
def test_intervals_of_measures_are_no_malformed_citations(text):
    # whole numbers from 1 label a list: decimal fractions in a bracket are a statistic's interval
    assert find_citations(text) == ([], [])


def test_a_decimal_point_typed_for_a_comma_is_still_reported():
    assert [m.raw for m in find_citations("as shown [1.2] and [3.]")[1]] == ["[1.2]", "[3.]"]


@pytest.mark.parametrize("raw", ["[2x3]", "[3a]", "[1e5]", "[12б]"])
def test_latin_letters_between_numbers_and_a_letter_after_them_are_not_mistyped_separators(raw):
    assert find_citations(f"x {raw} y")[1] == []


def test_a_bracket_after_a_sets_sign_is_an_interval():
    assert find_citations("размер окрестности N ∈ [750, 850].", entries=19) == ([], [])
    assert find_citations("where x ∉[2, 3] holds", entries=19) == ([], [])


def test_a_bracket_after_a_word_naming_an_interval_is_reported_as_one():
    found, malformed = find_citations("размер списка определяется как интервал [10, 35] и далее", entries=19)
    assert found == []
    assert [(m.code, m.why) for m in malformed] == [("CIT006", ("named", {"word": "интервал"}))]
    # numbers the list has, or a single number: a citation as before (`the confidence interval [12]`)
    assert [c.raw for c in find_citations("the confidence interval [3, 12] and the range [12]", entries=19)[0]] == ["[3, 12]", "[12]"]


def test_numbers_with_decimal_commas_are_no_citations():
    # `[4,627; 16,057]`: an interval written with decimal commas; no label has a leading zero.
    assert find_citations("значения лежат в [4,627; 16,057] при", entries=29) == ([], [])
    assert [c.raw for c in find_citations("источники [4,627; 16,57]", entries=700)[0]] == ["[4,627; 16,57]"]


def test_a_bracket_after_an_equals_sign_is_a_value():
    assert find_citations("inputShape = [100, 100, 1]", entries=10) == ([], [])
    assert find_citations("[ℎbegin , ℎend ] = [10, 40]).", entries=19)[0] == []


def test_a_citation_in_parentheses_after_a_space_is_one():
    assert [c.raw for c in find_citations("теории, хорошо развитой ([6]) и применяемой ([3], [4]).", entries=10)[0]] == ["[6]", "[3]", "[4]"]
    assert find_citations("x = np.array([1, 2, 3])", entries=10)[0] == []
    assert find_citations("value = f([2])", entries=10)[0] == []
