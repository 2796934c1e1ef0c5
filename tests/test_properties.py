"""Property-based tests: citations inserted into random text come back exactly, with positions.

The text is random words (Latin, Russian and Kazakh letters, digits, punctuation, hyphens and
dashes), random runs of spaces and tabs, blank lines, line-end hyphens and CRLF line ends; it
is read by the real reader (front matter detection, paragraph chunking, page-break rejoining,
hyphen repair, list markers). The first line is lower-case prose, so there is no front matter.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter.readers.plaintext.frontmatter import clean
from exporter.linker import iter_citations
from exporter.readers.plaintext import read_plaintext
from exporter.references.ownlist import REFERENCES_HEADING
from exporter.report import inline_text
from exporter.sourcefile import SourceText, split_lines

LETTERS = "abcxyzABCXYZабвгдежзиклмнопрстуфхчшыэюяәғқңөұүһіӘҒҚҢӨҰҮҺІЖЫЁё"
PUNCT = ".,;:!?«»()-–"

words = st.text(alphabet=LETTERS + "0123456789" + PUNCT, min_size=1, max_size=12)
gaps = st.sampled_from([" ", " ", " ", "  ", "   ", "\t", " \t "])


@st.composite
def citations(draw) -> tuple[str, list[str]]:
    """A citation as written, and the labels it stands for."""
    n = draw(st.integers(1, 999))
    kind = draw(st.sampled_from(["one", "list", "semi", "range", "locator", "key", "keyloc"]))
    if kind == "one":
        return f"[{n}]", [str(n)]
    if kind == "list":
        m = draw(st.integers(1, 999))
        return f"[{n}, {m}]", [str(n), str(m)]
    if kind == "semi":
        m = draw(st.integers(1, 999))
        return f"[{n}; {m}]", [str(n), str(m)]
    if kind == "range":
        width = draw(st.integers(1, 5))
        dash = draw(st.sampled_from(["-", "–"]))
        return f"[{n}{dash}{n + width}]", [str(k) for k in range(n, n + width + 1)]
    if kind == "locator":
        loc = draw(st.sampled_from(["p. 45", "с. 12", "б. 7", "pp. 4–5", "45 б."]))
        return f"[{n}, {loc}]", [str(n)]
    key = draw(st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True))
    if kind == "key":
        return f"[@{key}]", [f"@{key}"]
    return f"[@{key}, p. {n}]", [f"@{key}"]


piece = st.one_of(words.map(lambda w: ("word", w, None)), citations().map(lambda c: ("cite", c[0], c[1])))


@st.composite
def papers(draw):
    """(text, expected) where expected is [(labels, line, column)] in reading order."""
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    # A body sentence first, too long for a rubric or a header above a title: never front matter.
    # (Short lower-case lines before a title are read as rubrics, degrees or cities.)
    lines = ["Мәтін осылай басталады, ал оның тақырыбы да, авторы да жоқ. Бұл мәтіннің өзі."]
    expected = []
    for _ in range(draw(st.integers(1, 12))):
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(st.sampled_from(["", " ", "\t"])))  # a blank line (page break?)
            continue
        line = draw(st.sampled_from(["", "", " ", "  "]))  # indentation
        for index, (kind, text, labels) in enumerate(draw(st.lists(piece, min_size=1, max_size=8))):
            if index:
                line += draw(gaps)
            if kind == "cite":
                expected.append((labels, len(lines) + 1, len(line) + 1, text))
            line += text
        if draw(st.booleans()):
            line += draw(st.sampled_from(["-", " ", "  "]))  # a line-end hyphen or trailing spaces
        lines.append(line)
    return newline.join(lines) + newline, expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(papers())
def test_inserted_citations_come_back_with_their_positions(paper):
    text, expected = paper
    # A line that is exactly a reference-list heading would (rightly) end the body.
    if any(REFERENCES_HEADING.match(clean(line)) for line in split_lines(text)):
        return
    doc = read_plaintext(SourceText("p.txt", text, "utf-8"))
    assert doc.meta.title_text is None and doc.references == ()
    found = [([r.label for r in c.refs], c.span.line, c.span.column, c.raw) for c in iter_citations(doc)]
    assert found == expected
    for cite in iter_citations(doc):
        assert cite.span.end_line == cite.span.line
        assert cite.span.end_column == cite.span.column + len(cite.raw)


@settings(max_examples=100, deadline=None)
@given(papers())
def test_repaired_text_keeps_every_citation_and_no_space_runs(paper):
    text, expected = paper
    if any(REFERENCES_HEADING.match(clean(line)) for line in split_lines(text)):
        return
    doc = read_plaintext(SourceText("p.txt", text, "utf-8"))
    runs = []
    for block in doc.blocks:
        for inlines in ([i.inlines for i in block.items] if hasattr(block, "items") else [block.inlines]):
            runs.append(inline_text(inlines))
    whole = "\n".join(runs)
    assert "  " not in whole and "\t" not in whole
    position = 0
    for _, _, _, raw in expected:  # each citation appears, in order, in the repaired text
        position = whole.index(raw, position) + len(raw)
