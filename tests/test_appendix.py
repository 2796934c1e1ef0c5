"""An appendix printed after the reference list is the paper's: read as body (it had been
dropped from text and PDF papers, with its citations, figures and tables), and every edition
prints it after the list, as the paper does. The paper here is invented."""

from __future__ import annotations

import shutil

import docx

from exporter.model import Bibliography, Citation, Heading, walk
from exporter.pipeline import read_and_link
from exporter.transforms.bibliography import add_bibliography
from exporter.venue import Template
from exporter.writers import Edition
from exporter.writers.latex import render
from helpers import REPO

PAPER = """A Study of Hash Tables

John Smith

Abstract. We study hash tables and their seeds, and report what we found.

1. Introduction

Hash tables are used widely [1]. Cuckoo hashing is one of them [2].

References

1. Knuth D. The Art of Computer Programming. Vol. 3. Addison-Wesley, 1998. 780 p.
2. Pagh R., Rodler F. Cuckoo hashing // Journal of Algorithms. 2004. Vol. 51. P. 122-144.
3. Fan B., Andersen D. Cuckoo filter // Proc. of ACM CoNEXT. 2014. P. 75-88.

APPENDIX
A. Proofs of the lemmas

The filter of [3] keeps the seeds in a small table, as Table 1 shows.

Table 1: The seeds of each bucket
"""


def _linked(tmp_path, text: str = PAPER):
    paper = tmp_path / "paper.txt"
    paper.write_text(text, encoding="utf-8")
    return read_and_link(str(paper))


def test_an_appendix_after_the_list_is_read_as_body(tmp_path):
    linked = _linked(tmp_path)
    headings = [b for b in linked.document.blocks if isinstance(b, Heading)]
    assert [(h.span.line, "".join(n.text for n in h.inlines)) for h in headings] == [(7, "1. Introduction"), (17, "APPENDIX")]
    # its citation counts: entry 3 is cited there only, so it is not "never cited"
    assert [c.refs[0].label for c in walk(linked.document.blocks) if isinstance(c, Citation)] == ["1", "2", "3"]
    assert not [d for d in linked.diagnostics if d.code in ("CIT002", "XRF001")]
    assert [e.number for e in linked.document.references] == [1, 2, 3]


def test_the_editions_print_the_list_where_the_paper_does(tmp_path):
    linked = _linked(tmp_path)
    template = Template.load("kz-conference")
    blocks = add_bibliography(linked.document, template).blocks
    kinds = [type(b).__name__ for b in blocks]
    assert kinds.index("Bibliography") < max(i for i, b in enumerate(blocks) if isinstance(b, Heading))  # the appendix after it
    tex = render(Edition(linked, template)).decode("utf-8")
    assert tex.index("Knuth") < tex.index("section{APPENDIX}") < tex.index("end{document}")


def test_a_shell_that_does_not_set_the_appendix_gets_it_with_the_body(tmp_path):
    # A venue's own LaTeX shell written before `after_lists` existed: the appendix is not lost.
    venue = tmp_path / "old-venue"
    shutil.copytree(REPO / "templates" / "kz-conference", venue)
    shell = (REPO / "templates" / "shared" / "document.tex.j2").read_text(encoding="utf-8")
    (venue / "document.tex.j2").write_text(shell.replace("<% if after_lists %>\n\n<< after_lists >>\n<% endif %>\n", ""), encoding="utf-8")
    tex = render(Edition(_linked(tmp_path), Template.load(str(venue)))).decode("utf-8")
    assert "section{APPENDIX}" in tex
    assert tex.index("section{APPENDIX}") < tex.index("Knuth")


def test_a_sentence_opening_with_the_word_is_no_appendix(tmp_path):
    # `Приложение к журналу …` ("a supplement to the journal …"), `Приложение позволяет …` ("the
    # application allows …") after a list: no appendix heading.
    text = PAPER.replace("APPENDIX\nA. Proofs of the lemmas", "Приложение к журналу хранит ключи")
    linked = _linked(tmp_path, text)
    assert not any("Приложение" in "".join(getattr(n, "text", "") for n in b.inlines) for b in linked.document.blocks if hasattr(b, "inlines"))
