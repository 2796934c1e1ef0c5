"""A thesis's contents name its front pages by roman numerals (`Abstract ........ iii`): such a
line is a line of the contents, never the abstract's label. Read as one, the contents below it
became a second abstract, and in the PDF everything between the first abstract and the contents
(a German `Kurzfassung`, the acknowledgements) was taken for front matter and lost. From the unseen
sauermann_tuwien_gnowsis (a TU Wien Diplomarbeit, read from its PDF); the words are made up here."""

from __future__ import annotations

from exporter.readers.plaintext.frontmatter import read_front_matter

ABSTRACT = "Personal computers keep the documents of our daily life in many programs at once."
GERMAN = "Persönliche Rechner verwalten die Dokumente unseres täglichen Lebens in vielen Programmen."
THANKS = "It is my pleasure to thank the people and institutions that made this work possible."


def _thesis() -> list[str]:
    lines = ["DIPLOMARBEIT", "", "The Semantic Desktop", "Using Semantic Web Technologies on a Personal Computer", "", "Leopold Sauermann", ""]
    for title, text, folio in (("Abstract", ABSTRACT, "iii"), ("Kurzfassung", GERMAN, "v"), ("Acknowledgements", THANKS, "vii")):
        lines += [title, *[text] * 8, "", folio, "\f"]
    lines += ["Contents"]
    entries = [("Abstract", "iii"), ("Kurzfassung", "v"), ("Acknowledgements", "vii"), ("1 Introduction", "1")]
    entries += [(f"{1 + k // 6}.{1 + k % 6} Section on desktop resources {k}", str(2 + k)) for k in range(40)]
    lines += [entry + " " + "." * (60 - len(entry)) + " " + page for entry, page in entries]
    return lines + ["", "1 Introduction", *["The desktop holds resources that no single program can relate yet."] * 20]


def test_a_contents_line_with_a_roman_page_number_opens_no_abstract():
    lines = _thesis()
    fm = read_front_matter(lines, language="en")
    assert [a.text[:20] for a in fm.abstracts] == [ABSTRACT[:20]]  # not the contents from `Abstract ..... iii` on
