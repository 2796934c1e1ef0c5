"""The line-role model's title never runs past a line with no letter (an anonymised cover's
candidate number, front25's second batch): no title line is letterless. Cover invented."""

from __future__ import annotations

from exporter.readers.plaintext import read_plaintext
from exporter.sourcefile import SourceText

COVER = """Sparse Recovery and Stability
of Greedy Pursuit Methods

2087415

A dissertation submitted for the degree of
MSc in Applied Mathematics
Hilary 2021

Abstract
Greedy pursuit methods recover sparse vectors from few measurements, and their stability under
noise decides how useful they are in practice. We study when such methods recover the support.

Contents
1 Introduction
"""


def test_title_stops_above_a_candidate_number():
    meta = read_plaintext(SourceText("c.txt", COVER, "utf-8")).meta
    assert meta.title_text == "Sparse Recovery and Stability of Greedy Pursuit Methods"
