"""Formulas typeset at the size TeX gives them. ziamath 0.13 grew the fences around a large
operator with one script (`\\left( \\sum_{e} x \\right)`) 2,000 points tall: found in four
formulas of real Word papers, drawn as a speck at the foot of an empty page-high box, or
stopping the PDF edition when the formula stood in a table cell."""

from __future__ import annotations

import pytest

from exporter.media.formulas import steady_large_operators, typeset

SIZE = 10.0


@pytest.mark.parametrize("tex", [r"\left( \sum_{e} x \right)", r"\left[ \prod^{n} x \right]", r"\left\{ \bigcup_{i} A_{i} \right.", r"a \left( \sum_{t} \log_{2} q_{t} \right) b"])
def test_fences_around_a_scripted_large_operator_are_as_tall_as_it(tex):
    _, height, depth = typeset(tex).scaled(SIZE)
    # the operator with its script is about two and a half em tall (TeX: 2.4 em at 10 pt for
    # \left( \sum_{e} x \right) in text style); fences a little more; never a page
    assert height + depth < 5 * SIZE
    _, inner_height, inner_depth = typeset(r"\sum_{e} x").scaled(SIZE)
    assert height + depth >= inner_height + inner_depth  # the fences still enclose the operator


def test_a_display_sum_with_limits_inside_fences_is_enclosed_by_them():
    # ziamath stretched the ∑ itself to the row before: the fences stopped short of its limits
    _, height, depth = typeset(r"\left( \sum_{i=1}^{N} E_{i} \right)", display=True).scaled(SIZE)
    _, sum_height, sum_depth = typeset(r"\sum_{i=1}^{N} E_{i}", display=True).scaled(SIZE)
    assert sum_height + sum_depth <= height + depth < 2 * (sum_height + sum_depth)


def test_only_large_operators_are_marked_steady():
    mathml = "<mrow><mo stretchy=\"true\">(</mo><msub><mo>&#x02211;</mo><mi>e</mi></msub><mo>+</mo><mo>∫</mo><mo stretchy=\"true\">)</mo></mrow>"
    assert steady_large_operators(mathml) == (
        "<mrow><mo stretchy=\"true\">(</mo><msub><mo stretchy=\"false\">&#x02211;</mo><mi>e</mi></msub>"
        "<mo>+</mo><mo stretchy=\"false\">∫</mo><mo stretchy=\"true\">)</mo></mrow>"
    )
