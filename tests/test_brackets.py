"""Brackets with numbers: citations of every written form, and the math and code that is not.

Lines come from the real-paper corpus (named) and from Kazakh text written in the same way.
"""

from __future__ import annotations

import pytest

from exporter.citations import find_citations, inlines_of
from exporter.diagnostics import CODES
from exporter.model import Citation
from exporter.readers.plaintext import join_lines
from exporter.readers.plaintext.normalize import Lexicon
from helpers import REPO


def labels(text: str, entries: int | None = 20) -> list[list[str]]:
    found, _ = find_citations(text, entries=entries)
    return [[r.label for r in f.refs] for f in found]


def reported(text: str, entries: int | None = 20) -> list[tuple[str, str]]:
    return [(m.code, m.raw) for m in find_citations(text, entries=entries)[1]]


# ---- not citations, certain: left as text, silently ------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "signal = np.array([1, 2, 3, 4, 5, 6, 7, 8])",  # ru_bogadurov line 163: an array literal
        "axs[0].plot(x, y, 'r')",  # ru_bogadurov line 56: an index
        "в интервале [0, 1]. Тогда дискретный вариант обучающего",  # ru_glushenko line 193
        "ROLE (in [0; 1]) to the processors",  # an interval written with a semicolon
        "мәні [0, 1] аралығында жатады",  # Kazakh: an interval
        "функцияның y^[1] туындысы",  # Kazakh: an operator glued before
        "x_[2] and P(A)=[1]",  # subscript and assignment
        "тығыздығы [г/см2] бірлікте",  # Kazakh: a unit has no number to cite
    ],
)
def test_math_and_code_brackets_are_not_citations(line):
    assert labels(line) == []
    assert reported(line) == []


def test_zero_is_a_label_only_where_no_numbered_list_says_otherwise():
    # with no list of its own (a .bib names the sources) a key `0` may exist: [0, 3] is kept
    assert labels("мәтін [0, 3].", entries=None) == [["0", "3"]]
    assert labels("мәтін [0, 3].", entries=5) == []
    assert labels("axs[0].plot(x)", entries=None) == []  # an index glued to a name, whatever the list


def test_a_number_beyond_the_list_glued_to_a_word_is_an_index():
    # `state[764]` in a paper whose list has 20 entries; the same bracket with a space stays a citation.
    assert labels("the register state[764] holds it", entries=20) == []
    assert reported("the register state[764] holds it", entries=20) == []
    assert labels("күй state[764] сақталады", entries=20) == []
    assert labels("as shown [24] before", entries=23) == [["24"]]  # ru_gavdan cites [24] of 23: CIT001, not hidden


# ---- doubtful: not read as a citation, reported (CIT006) -------------------------------------


def test_an_interval_after_intervals_is_reported_not_silently_dropped():
    line = "участках [0, 0,2], [0,2, 1] и [1, 2]. При этом на"  # ru_radionov line 183
    assert labels(line) == []
    assert reported(line) == [("CIT006", "[1, 2]")]
    kazakh = "аралықтарда [0, 0,5], [0,5, 1] және [1, 2] бойынша"
    assert labels(kazakh) == []
    assert reported(kazakh) == [("CIT006", "[1, 2]")]


@pytest.mark.parametrize("line", ["buf.data[3] = 0", "мәні x1[2] болады", "my_var[4] айнымалысы"])
def test_a_code_identifier_glued_before_is_reported(line):
    assert labels(line) == []
    assert [code for code, _ in reported(line)] == ["CIT006"]


def test_math_neighbourhood_is_reported():
    # en_aurzada line 1677, joined with the next line: `P[R + z 2 [1 ] : P[R`
    line = "] : P[R + z 2 [1 ] : P[R + z 2 [1 ]"
    assert labels(line) == []
    assert {code for code, _ in reported(line)} == {"CIT006"}


def test_cit006_note_carries_its_place():
    joined = join_lines([(7, "аралықтарда [0, 0,5], [0,5, 1] және [1, 2] бойынша")], Lexicon([]))
    notes = []
    inlines = inlines_of(joined, "p.txt", notes, entries=10)
    assert [(n.code, n.line, n.column) for n in notes] == [("CIT006", 7, 37)]
    assert not any(isinstance(n, Citation) for n in inlines)


def test_cit006_is_a_documented_code():
    assert "CIT006" in CODES
    assert "| CIT006 |" in (REPO / "docs" / "findings.md").read_text(encoding="utf-8")


# ---- citations that look odd but are citations -----------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("в логистике[1][2] и имеет", [["1"], ["2"]]),  # ru_tsp line 12: glued to a Russian word
        ("Map[16], DDRRT [17], RRT* [18]", [["16"], ["17"], ["18"]]),  # en_yang line 580
        ("D*[6], LPA [19], Theta* [5],", [["6"], ["19"], ["5"]]),  # en_yang line 591: `*` names the algorithm
        ("(c)urban area[26]", [["26"]]),  # en_yang line 60
        ("зерттеулерде[3] көрсетілген", [["3"]]),  # Kazakh, glued
        ("is underestimated[3] by", [["3"]]),
    ],
)
def test_citations_glued_to_words_are_citations(line, expected):
    assert labels(line, entries=41) == expected
    assert reported(line, entries=41) == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("[32–34 и др.]", ["32", "33", "34"]),
        ("[11, 19 и др.]", ["11", "19"]),
        ("[see 4]", ["4"]),
        ("[4, 5, etc.]", ["4", "5"]),
        ("[см. 4, с. 12]", ["4"]),
        ("[қараңыз 4]", ["4"]),
        ("[4, 5 және т.б.]", ["4", "5"]),
    ],
)
def test_citations_with_words_cite_their_numbers(raw, expected):
    found, malformed = find_citations(f"мәтін {raw} мәтін")
    assert malformed == []
    (cite,) = found
    assert cite.raw == raw
    assert [r.label for r in cite.refs] == expected
    # offsets index into the raw bracket: each label's own text, never a word
    for ref in cite.refs:
        if ref.start is not None:
            assert raw[ref.start : ref.end] == ref.label
        assert raw[ref.item_start : ref.item_end].replace("–", "-").split("-")[0] == expected[0] or raw[ref.item_start : ref.item_end] == ref.label


def test_a_word_range_keeps_its_range_offsets():
    (cite,), _ = find_citations("[32–34 и др.]")
    assert {cite.raw[r.item_start : r.item_end] for r in cite.refs} == {"32–34"}
    assert [cite.raw[r.start : r.end] for r in cite.refs if r.start is not None] == ["32", "34"]
    (cite,), _ = find_citations("[see 4]")
    assert cite.raw[cite.refs[0].start : cite.refs[0].end] == "4"


def test_glue_made_by_joining_lines_is_no_evidence():
    # a word broken at the line end and a citation opening the next line: joined "A0A[1]"
    joined = join_lines([(1, "мәтін A0A-"), (2, "[1] және x1-"), (3, "[2] деп")], Lexicon([]))
    notes = []
    cites = [n for n in inlines_of(joined, "p.txt", notes, entries=5) if isinstance(n, Citation)]
    assert [c.raw for c in cites] == ["[1]", "[2]"]
    assert notes == []
