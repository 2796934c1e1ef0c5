"""The editor who handled a paper (`Communicated by M. Mimura`, `Recommended by …`), printed with
the article's history under the by-line, is the journal's line, never the abstract."""

from __future__ import annotations

from exporter.model import plain_text
from exporter.readers.plaintext import read_plaintext
from exporter.sourcefile import SourceText

PAPER = """Physica D 31 (1988) 277-283

A NEW METHOD FOR THE DIMENSION OF A CURVE
T. HIGASHI
Geophysics Laboratory, University of Kyoto, Kyoto 606, Japan
Received 18 June 1987
Revised manuscript received 9 January 1988
{editor}
We present a technique to measure the dimension of the graph of a function defined on the unit interval. First
we apply it to a fractional Brownian function which has the same property over all scales, and we get a stable value.

1. Introduction
The power spectrum analysis has been used for irregular time series for a long time [1].

References
1. Mandelbrot B. The fractal geometry of nature. Freeman, 1982.
"""


def _abstract(editor: str) -> str:
    meta = read_plaintext(SourceText("p.txt", PAPER.format(editor=editor), "utf-8")).meta
    assert meta.title_text == "A NEW METHOD FOR THE DIMENSION OF A CURVE"
    return plain_text(meta.abstract)


def test_the_editors_line_is_no_abstract():
    for editor in ("Communicated by M. Mimura", "Recommended by A. Smith"):
        assert _abstract(editor).startswith("We present a technique"), editor


LICENCE_TAIL = """International Journal of Ageing (2014), 26:1, 147–154 © Association 2013. The online version is Open Access
subject to the conditions of the Creative Commons licence. The written permission of
Cambridge University Press must be obtained for commercial re-use.

Stressful events and the onset of memory decline
Anna Lindqvist,1 Per Olsson2
1 Department of Psychology, Umeå University, Umeå, Sweden
2 Department of Clinical Sciences, Umeå University, Umeå, Sweden

Abstract
We studied whether stressful life events come before memory decline in a population-based cohort followed for many years.

Introduction
Memory decline is common among the elderly [1].

References
1. Smith A. Memory. Oxford, 2001.
"""


def test_a_licences_wrapped_tail_is_no_affiliation():
    meta = read_plaintext(SourceText("p.txt", LICENCE_TAIL, "utf-8")).meta
    assert meta.title_text == "Stressful events and the onset of memory decline"
    assert list(meta.affiliations) == ["Department of Psychology, Umeå University, Umeå, Sweden", "Department of Clinical Sciences, Umeå University, Umeå, Sweden"]
