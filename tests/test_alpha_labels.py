"""A reference list labelled in an alphabetic style (amsalpha, biblatex's `alphabetic`: `[Köt16]`,
`[RS12]`, `[ABC+19]`), read in the text and PDF readers as a list keyed by its labels, its
citations linked (lists43; issue 16). The class came from an unseen arXiv paper whose list was read
as one entry and none of its citations; every text here is invented, the expected keys and links
read off them by hand.
"""

from __future__ import annotations

from exporter.citations import alpha_refs, find_citations
from exporter.linker import iter_citations, link
from exporter.readers.plaintext import read_plaintext
from exporter.references.ownlist import alpha_entries
from exporter.sourcefile import SourceText

PAPER = """Ice drift on small lakes

Introduction

Drift on lakes was first measured by Abara [Aba01] and later by two teams [BH14, Kow08]. The
bound of [BH14, Thm. 2] is tight; the survey [NFL+19] and its sequel [NFL+19a] collect the rest.
The values in brackets [see Table 2] and a confidence range [0.5, 0.7] are no citations.

References

[Aba01] T. Abara. Ice records of northern lakes. Journal of Limnic Studies, 12:45–67, 2001.
[BH14]
Kari Berglund and Mats Hahn. Late freezing in a warming climate. Polar Waters, 8:101–118,
2014.
[Kow08] Piotr Kowalczyk. River ice and its decline. Hydrology Letters, 3:12–19, 2008.
[NFL+19] Eva Nordin, Rolf Falk, Sven Lund, and Ola Berg. Forty lakes. Freshwater Reports, 44:1–9, 2019.
[NFL+19a] Eva Nordin, Rolf Falk, Sven Lund, and Ola Berg. Forty more lakes. Freshwater Reports, 45:3–8, 2019.
"""


def read(text: str):
    return read_plaintext(SourceText("p.txt", text, "utf-8"))


def test_an_alphabetic_label_opening_each_entry_starts_it():
    lines = PAPER.splitlines()
    heading = lines.index("References")
    starts = alpha_entries(lines, heading + 1, len(lines))
    assert [(s.number, s.label) for s in starts] == [(1, "Aba01"), (2, "BH14"), (3, "Kow08"), (4, "NFL+19"), (5, "NFL+19a")]
    assert starts[1].alone and not starts[0].alone
    # a numbered list, or prose opening with a citation, is no alphabetic list
    assert alpha_entries(["[1] T. Abara. Ice records. 2001.", "[2] K. Berglund. Late freezing. 2014."], 0, 2) == []
    assert alpha_entries(["[BH14], as shown before, holds.", "[BH14]. It holds."], 0, 2) == []


def test_the_list_is_keyed_by_its_labels_and_the_citations_link_to_them():
    doc = read(PAPER)
    assert [(e.key, e.number) for e in doc.references] == [("Aba01", 1), ("BH14", 2), ("Kow08", 3), ("NFL+19", 4), ("NFL+19a", 5)]
    assert doc.references[1].text.startswith("Kari Berglund and Mats Hahn. Late freezing")
    assert doc.references[1].text.endswith("8:101–118, 2014.")
    linked = link(doc)
    cites = [(c.raw, [(r.label, r.locator, r.entry) for r in c.refs]) for c in iter_citations(linked.document)]
    assert cites == [
        ("[Aba01]", [("Aba01", None, "Aba01")]),
        ("[BH14, Kow08]", [("BH14", None, "BH14"), ("Kow08", None, "Kow08")]),
        ("[BH14, Thm. 2]", [("BH14", "Thm. 2", "BH14")]),
        ("[NFL+19]", [("NFL+19", None, "NFL+19")]),
        ("[NFL+19a]", [("NFL+19a", None, "NFL+19a")]),
    ]
    codes = {d.code for d in linked.diagnostics}
    assert not codes & {"CIT001", "CIT002", "CIT005", "CIT006"}


def test_a_label_the_list_lacks_is_a_missing_entry():
    doc = read(PAPER.replace("[Aba01] and", "[Aba02] and"))
    linked = link(doc)
    missing = [d for d in linked.diagnostics if d.code == "CIT001"]
    assert [dict(d.args)["label"] for d in missing] == ["Aba02"]
    assert [dict(d.args)["entry"] for d in linked.diagnostics if d.code == "CIT002"] == ["'Aba01' [1]"]


def test_a_combining_accent_as_pdftotext_gives_it():
    text = PAPER.replace("Kow08", "Ko\u0308w08")  # in the list and in the body
    doc = read(text)
    linked = link(doc)
    assert doc.references[2].key == "Ko\u0308w08"
    assert not [d for d in linked.diagnostics if d.code in ("CIT001", "CIT002")]


def test_alphabetic_labels_are_read_only_in_a_paper_listed_so():
    # a numbered paper: `[BH14]` is text (a product's code, a dataset's name), as before
    found, malformed = find_citations("the model [BH14] as in [3]", entries=5)
    assert [f.raw for f in found] == ["[3]"] and not malformed
    found, _ = find_citations("the model [BH14] as in [Kow08, p. 3]", entries=5, labels=frozenset({"BH14", "Kow08"}))
    assert [(f.raw, [(r.label, r.locator) for r in f.refs]) for f in found] == [("[BH14]", [("BH14", None)]), ("[Kow08, p. 3]", [("Kow08", "p. 3")])]


def test_what_no_alphabetic_citation_is():
    for body in ("see Table 2", "Table 12", "Note 12, see the appendix below for the whole derivation", "12", "x12", "ABC", "0.5, 0.7"):
        assert alpha_refs(body) is None, body
    refs = alpha_refs("Köt16, RS12; Len17, Lemma 2.8")
    assert [(r.label, r.locator, r.start, r.end) for r in refs] == [("Köt16", None, 1, 6), ("RS12", None, 8, 12), ("Len17", "Lemma 2.8", 14, 19)]


def test_the_pdf_reader_reads_an_alphabetic_list(tmp_path):
    from exporter.readers.pdf.reader import read_pdf
    from helpers import draw_text, pdf_canvas

    path = tmp_path / "alpha.pdf"
    c = pdf_canvas(path)
    draw_text(c, 60, 780, "Ice drift on small lakes", 16, bold=True)
    draw_text(c, 60, 760, "Marta K. Lindgren", 11)
    body = ["Introduction", "Drift on lakes was first measured by Abara [Aba01] and later by two teams [BH14, Kow08].",
            "The bound of [BH14, Thm. 2] is tight, and the survey [NFL+19] collects the rest.", "References"]
    y = 720
    for line in body:
        draw_text(c, 60, y, line, 10)
        y -= 14
    for line in PAPER.split("References\n\n")[1].splitlines()[:-1]:
        draw_text(c, 60, y, line, 9)
        y -= 13
    c.save()
    linked = link(read_pdf(str(path)))
    assert [e.key for e in linked.document.references] == ["Aba01", "BH14", "Kow08", "NFL+19"]
    assert [[r.entry for r in c.refs] for c in iter_citations(linked.document)] == [["Aba01"], ["BH14", "Kow08"], ["BH14"], ["NFL+19"]]


def test_the_word_reader_reads_an_alphabetic_list(tmp_path):
    from helpers import linked_word_file

    body, listed = PAPER.split("References\n\n")
    paragraphs = [p.replace("\n", " ") for p in body.split("\n\n") if p.strip()] + ["References"]
    paragraphs += ["[Aba01] T. Abara. Ice records of northern lakes. Journal of Limnic Studies, 12:45–67, 2001.",
                   "[BH14] Kari Berglund and Mats Hahn. Late freezing in a warming climate. Polar Waters, 8:101–118, 2014.",
                   "[Kow08] Piotr Kowalczyk. River ice and its decline. Hydrology Letters, 3:12–19, 2008.",
                   "[NFL+19] Eva Nordin, Rolf Falk, Sven Lund, and Ola Berg. Forty lakes. Freshwater Reports, 44:1–9, 2019.",
                   "[NFL+19a] Eva Nordin, Rolf Falk, Sven Lund, and Ola Berg. Forty more lakes. Freshwater Reports, 45:3–8, 2019."]
    linked = linked_word_file(tmp_path, paragraphs)
    assert [e.key for e in linked.document.references] == ["Aba01", "BH14", "Kow08", "NFL+19", "NFL+19a"]
    assert linked.document.references[0].text.startswith("T. Abara. Ice records")
    assert [[r.entry for r in c.refs] for c in iter_citations(linked.document)] == [["Aba01"], ["BH14", "Kow08"], ["BH14"], ["NFL+19"], ["NFL+19a"]]
    assert not {d.code for d in linked.diagnostics} & {"CIT001", "CIT002"}


MARKDOWN = """---
title: Ice drift on small lakes
---

# Introduction

Drift on lakes was first measured by Abara [Aba01] and later by two teams [BH14, Kow08].
The bound of [BH14, Thm. 2] is tight; see [see Table 2] and the range [0.5, 0.7].

# References

[Aba01] T. Abara. Ice records of northern lakes. Journal of Limnic Studies, 12:45–67, 2001.

[BH14] Kari Berglund and Mats Hahn. Late freezing in a warming climate. Polar
Waters, 8:101–118, 2014.

[Kow08] Piotr Kowalczyk. River ice and its decline. Hydrology Letters, 3:12–19.

# Appendix

[Aba01] is cited again here.
"""


def test_a_markdown_list_labelled_so_is_keyed_by_its_labels_and_its_citations_link(tmp_path):
    """CommonMark leaves `[Aba01]` as text (no link definition names it): the Markdown reader had
    found neither the list (its paragraphs open with no name) nor a citation. The labels are
    read off the lines under the references heading first, as paragraphs or as list items."""
    from exporter.pipeline import read_and_link

    for name, text in (("paragraphs.md", MARKDOWN), ("setext.md", MARKDOWN.replace("# References\n", "References\n==========\n")), ("items.md", MARKDOWN.replace("\n[Aba01] T.", "\n- [Aba01] T.").replace("\n[BH14] K", "\n- [BH14] K").replace("\n[Kow08]", "\n- [Kow08]"))):
        (tmp_path / name).write_text(text, encoding="utf-8")
        linked = read_and_link(str(tmp_path / name))
        assert [(e.key, e.number) for e in linked.document.references] == [("Aba01", 1), ("BH14", 2), ("Kow08", 3)], name
        assert linked.document.references[2].text.startswith("Piotr Kowalczyk. River ice")  # no year: an entry all the same
        cites = [(c.raw, [(r.label, r.locator, r.entry) for r in c.refs]) for c in iter_citations(linked.document)]
        assert cites == [
            ("[Aba01]", [("Aba01", None, "Aba01")]),
            ("[BH14, Kow08]", [("BH14", None, "BH14"), ("Kow08", None, "Kow08")]),
            ("[BH14, Thm. 2]", [("BH14", "Thm. 2", "BH14")]),
            ("[Aba01]", [("Aba01", None, "Aba01")]),
        ], name
        assert not [d.code for d in linked.diagnostics if d.code.startswith("CIT")], name
