"""Word's fraction with no bar reaches the PDF edition as a stack with no bar: the OMML reader
writes it `\\genfrac{}{}{0pt}{}{a}{b}` (valid LaTeX, what the LaTeX edition keeps), which
ziamath cannot typeset, so the PDF's typesetter reads it as `{a \\atop b}`."""

from __future__ import annotations

import pytest

from exporter.media.formulas import typeset


@pytest.fixture(autouse=True)
def fresh_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("EXPORTER_CACHE_DIR", str(tmp_path))  # typeset now, not read from an earlier run's cache


def rules(formula) -> list:
    return [r for r in formula.rects if r[3] > 0]  # a rule drawn with no thickness shows nothing


def test_a_fraction_with_no_bar_is_typeset_as_a_stack_without_a_rule():
    stacked = typeset(r"\genfrac{}{}{0pt}{}{x+1}{y}", display=True)
    barred = typeset(r"\frac{x+1}{y}", display=True)
    assert not rules(stacked) and len(rules(barred)) == 1  # the fraction's bar only where it has one
    tops = sorted(g.dy for g in stacked.glyphs)
    assert tops[-1] - tops[0] > 8  # `y` stands below `x+1`, not beside it
    assert len(stacked.glyphs) == len(barred.glyphs) == 4


def test_a_bracketed_stack_keeps_its_brackets_and_a_thick_rule_stays_a_fraction():
    binomial = typeset(r"a+\genfrac{(}{)}{0pt}{}{n}{k}", display=True)
    assert not rules(binomial) and len(binomial.glyphs) == 6  # a, +, (, n, k, )
    assert len(rules(typeset(r"\genfrac{}{}{1pt}{}{a}{b}", display=True))) == 1
