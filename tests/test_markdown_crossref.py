"""pandoc-crossref's references in a Markdown paper (`[@fig:x]`, `[@tbl:x]`, `[@eq:x]`) are
cross-references to what the paper labels `{#fig:x}`, never citations of an entry keyed
`fig:x`: each was reported CIT001 ("no entry with key 'fig:x'") and its figure XRF002 ("never
referred to")."""

from __future__ import annotations

from exporter.model import Citation, CrossRef, plain_text, walk
from exporter.pipeline import read_and_link
from helpers import run_cli
from test_markdown_html import png



def paper(tmp_path, body: str, lang: str = "en"):
    (tmp_path / "fig.png").write_bytes(png(20, 10))
    path = tmp_path / "p.md"
    path.write_text(
        f"---\ntitle: T\nlang: {lang}\n---\n\n{body}\n\n![Chart](fig.png){{#fig:a}}\n\n![Other](fig.png){{#fig:b}}\n\n$$E=mc^2$$ {{#eq:e}}\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\nTable: Values {#tbl:t}\n\n# References\n\n1. A. B. Book. 2001.\n",
        encoding="utf-8",
    )
    return path


def test_crossref_citations_are_cross_references(tmp_path):
    linked = read_and_link(paper(tmp_path, "As [@fig:a] and [@eq:e] show [1], with [-@tbl:t] and [@Fig:a; @fig:b]."))
    para = linked.document.blocks[0]
    assert plain_text(para.inlines) == "As fig. 1 and eq. (1) show [1], with 1 and Figs. 1, 2."
    refs = [n for n in walk((para,)) if isinstance(n, CrossRef)]
    assert [(r.kind, r.number, r.target) for r in refs] == [
        ("figure", "1", "fig:a"), ("equation", "1", "eq:e"), ("table", "1", "tbl:t"), ("figure", "1", "fig:a"), ("figure", "2", "fig:b")]
    assert [c.raw for c in walk((para,)) if isinstance(c, Citation)] == ["[1]"]
    assert not [d for d in linked.diagnostics if d.code in ("CIT001", "XRF001", "XRF002")]


def test_an_undefined_label_stays_a_citation_and_is_reported(tmp_path):
    linked = read_and_link(paper(tmp_path, "See [@fig:zz] and [@fig:a] [1]."))
    (found,) = [d for d in linked.diagnostics if d.code == "CIT001"]
    assert "fig:zz" in found.format("en")


def test_words_in_the_paper_language(tmp_path):
    linked = read_and_link(paper(tmp_path, "Как видно на [@fig:a] и в [@tbl:t] [1].", lang="ru"))
    assert plain_text(linked.document.blocks[0].inlines) == "Как видно на рис. 1 и в табл. 1 [1]."


def test_suppressed_author_citation_resolves(tmp_path):
    """`[-@doe]` (pandoc: the author left out) cites the entry `doe` as `[@doe]` does."""
    path = tmp_path / "c.md"
    path.write_text("---\ntitle: T\n---\n\nAs shown [-@doe].\n", encoding="utf-8")
    (tmp_path / "c.bib").write_text("@book{doe, author = {Doe, J.}, title = {A Book}, publisher = {P}, year = {2001}}\n", encoding="utf-8")
    linked = read_and_link(path, str(tmp_path / "c.bib"))
    (cite,) = [n for n in walk(linked.document.blocks) if isinstance(n, Citation)]
    assert [(r.label, r.entry) for r in cite.refs] == [("@doe", "doe")]
    assert cite.raw[cite.refs[0].start : cite.refs[0].end] == "@doe"


def test_the_latex_edition_links_them(tmp_path):
    result = run_cli("build", str(paper(tmp_path, "As [@fig:a] shows [1].")), "--to", "latex", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    tex = (tmp_path / "out" / "p.tex").read_text(encoding="utf-8")
    assert "]{fig. 1}" in tex and "@fig" not in tex


TEX = r"""---
title: T
---

The energy [1]:

\begin{equation}
E = mc^2 \label{eq:e}
\end{equation}

\begin{align}
a &= b + c \\
d &= e \nonumber
\end{align}

\begin{equation*}
x = y
\end{equation*}

See \eqref{eq:e}, \ref{eq:e} and \ref{nope}.

# References

1. A. B. Book. 2001.
"""


def test_latex_math_environments_are_display_formulas(tmp_path):
    """A paragraph that is one LaTeX display environment is a display formula (pandoc drops it
    from DOCX); an unstarred one is numbered as LaTeX numbers it, `\\label` labels it."""
    path = tmp_path / "env.md"
    path.write_text(TEX, encoding="utf-8")
    blocks = read_and_link(path).document.blocks
    formulas = [b.inlines[0] for b in blocks if len(b.inlines) == 1 and type(b.inlines[0]).__name__ == "Math"]
    assert [(f.tex, f.display, f.number, f.label) for f in formulas] == [
        ("E = mc^2", True, "1", "eq:e"),
        ("\\begin{aligned}a &= b + c \\\\\nd &= e\\end{aligned}", True, "2", "eq:line-11"),  # `\begin{align}` stands on line 11
        ("x = y", True, None, None),
    ]
    see = blocks[-1]
    assert plain_text(see.inlines) == "See (1), 1 and \\ref{nope}."
    assert [(r.kind, r.number, r.target) for r in walk((see,)) if isinstance(r, CrossRef)] == [("equation", "1", "eq:e")] * 2
