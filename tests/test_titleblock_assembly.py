"""How the title and the first author are put together from the line roles (issue 16, the
GROBID held-out error analysis of the title block): a title over lines cut by a fragment or a
comma, by-lines under a title the model doubted, names with marks in brackets or between them,
names set without separators, institutions and addresses that read as names; and the
evaluation's conventions (which line holds the first author, which word is the family name).
The lines are written for the tests in the shapes seen, with the model's roles given."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from exporter.readers.plaintext.roles import LineItem, Role
from exporter.readers.plaintext.roles.data.grobid import lines_of
from exporter.readers.plaintext.frontmatter import family_name
from exporter.readers.plaintext.roles.evaluate import surname_found, truth_of
from exporter.readers.plaintext.titleblock import Proposal, judge_authors, line_names, loose_names, propose


def _role(label: str, title: float = 0.0, author: float = 0.0) -> Role:
    return Role(label, max(title, author, 0.9), title, author)


def _items(*texts: str) -> list[LineItem]:
    return [LineItem(t) for t in texts]


def test_a_fragment_between_title_lines_keeps_the_title_whole():
    """`at` and `√` on lines of their own inside a physics title: the title is not lost."""
    items = _items("Heavy-flavour production in lead-lead collisions", "at", "√ s NN = 5.02 TeV with the ALICE detector", "A. Rossi for the ALICE collaboration")
    labels = [_role("title", 0.97), _role("title", 0.8), _role("title", 0.86), _role("author", 0.0, 0.8)]
    assert propose(items, "en", labels).title == [0, 1, 2]


def test_a_fragment_at_the_end_of_a_title_run_goes():
    items = _items("Measurement of the top-quark mass in dilepton events", "√", "J. Smith, K. Lee")
    labels = [_role("title", 0.97), _role("title", 0.6), _role("author", 0.0, 1.0)]
    assert propose(items, "en", labels).title == [0]


def test_a_rubric_inside_a_title_run_ends_the_title():
    """`Notes` (a rubric) labelled title between the title and a garbled formula: the title is the lines above it."""
    items = _items("Exact Travelling-wave Solutions for a General", "Seventh-order Dispersive Wave Equation", "Notes", "(tanh^): -3^(0 [-512b/#2« ^(O", "Jin-Ho Park and Min-Su Kim")
    labels = [_role("title", 0.98), _role("title", 0.99), _role("title", 0.87), _role("title", 1.0), _role("author", 0.0, 1.0)]
    assert propose(items, "en", labels).title == [0, 1]


def test_the_likeliest_title_stops_at_a_by_line():
    """Where the model labels no title line, the names under the likeliest lines stay the authors."""
    items = _items("Title: A pipeline to map induced point mutations from sequencing", "running title: mutation mapping",
                   "Anna Karlsson", "1 , Peter J. Lindgren", "1 Department of Biology, Lund University, Sweden")
    labels = [_role("other", 0.52), _role("other", 0.23), _role("author", 0.21, 0.64), _role("author", 0.0, 0.65), _role("affiliation")]
    p = propose(items, "en", labels)
    assert p.title == [0]  # `running title: …` is the running head (a RUNNING_HEAD veto, front21), as bench/TITLEBLOCK.md's convention reads it
    assert p.authors[0] == "Anna Karlsson"


def test_the_likeliest_title_may_be_lines_the_model_labels_alike():
    """Both title lines labelled `author` (a garbled title the model doubted): the likeliest takes its like neighbour."""
    items = _items("Printed in Austria", "An Empirical Formula for", "Estimating the Error", "Wen-li Zhao", "Institute of Physics, Academy of Sciences, Wuhan")
    labels = [_role("other", 0.01), _role("author", 0.40, 0.43), _role("author", 0.48, 0.41), _role("author", 0.0, 1.0), _role("affiliation")]
    assert propose(items, "en", labels).title == [1, 2]


def test_a_title_line_ending_on_a_comma_goes_on():
    items = _items("Protein Interaction Extraction using Rules,", "Hidden Markov Models and Dependency Paths",
                   "Maria Lopez*, Jonas Berg*, Ali Rahimi", "* School of Computer Science, University of Leeds")
    labels = [_role("title", 0.89), _role("author", 0.57, 0.38), _role("author", 0.21, 0.78), _role("affiliation")]
    p = propose(items, "en", labels)
    assert p.title == [0, 1]
    assert p.authors[0] == "Maria Lopez"


def test_a_comma_does_not_carry_the_title_into_what_the_model_thinks_no_title():
    items = _items("Dissolution of the copper anode in dilute chloride solutions", "JEAN-PAUL MARTIN",
                   "Institut de recherche d'Hydro-Québec,", "C.P. 1000, 1800 Montée Ste-Julie, Varennes (Qué.), Canada J0L 2P0")
    labels = [_role("title", 0.98), _role("title", 0.58, 0.35), _role("title", 0.54), _role("author", 0.0, 0.42)]
    assert 3 not in propose(items, "en", labels).title


def test_the_models_first_author_above_the_rules_is_found_whatever_the_spacing_of_initials():
    """The model reads `C.J. van der Beek` as `C. J. van der Beek`; the rules began at the second by-line."""
    texts = ["Phase fluctuations in layered superconductors", "C.J. van der Beek, a P. Spathis, a S. Colson, a", "P.H. Kes e"]
    labels = [_role("title", 1.0), _role("author", 0.0, 1.0), _role("author", 0.0, 1.0)]
    p = Proposal(title=[0], authors=["C. J. van der Beek", "P. Spathis", "S. Colson"], labels=labels)
    assert judge_authors(p, texts, ["P.H. Kes"]) == ["C. J. van der Beek", "P. Spathis", "S. Colson"]


def test_names_with_marks_in_brackets_or_between_them():
    assert loose_names("A. V. Petrov ( * ) and K. Sato ( * * )") == ["A. V. Petrov", "K. Sato"]
    assert loose_names("Hiro Tanaka † Daniel W. Moss ‡ Olga Ivanova § Maria Costa ‡") == ["Hiro Tanaka", "Daniel W. Moss", "Olga Ivanova", "Maria Costa"]
    assert loose_names("Jae Kim § * Laura Z. Chen ‡ † Omar Haddad †") == ["Jae Kim", "Laura Z. Chen", "Omar Haddad"]


def test_names_set_without_separators():
    assert loose_names("Ravi B. Kumar Sunil V. Rao") == ["Ravi B. Kumar", "Sunil V. Rao"]
    assert loose_names("Lena Vogt Tomas Berg Ines Maier") == ["Lena Vogt", "Tomas Berg", "Ines Maier"]
    assert loose_names("NEW PHASES IN ORDERED CRYSTALS OF LANTHANUM COPPER OXIDE") == []  # a title in capitals: `IN`, `OF`


def test_institutions_and_addresses_are_no_names():
    assert line_names("P.O. Box 9103, 6500 HD Nijmegen") == []
    assert line_names("Kidney Disease Research, Translational Research") == []
    assert line_names("Carnegie Mellon University 5000 Forbes Avenue") == []
    assert line_names("Ann Lee, Bo Ray") == ["Ann Lee", "Bo Ray"]


def test_the_truth_first_author_is_on_a_line_with_letters():
    """GROBID keeps a by-line's superscript digits (`1 2`) on their own line inside docAuthor."""
    doc = {"items": _items("The Incomplete Palmar Arch", "1 2", "Sara Ahmadi*", "Reza Karimi"), "labels": ["title", "author", "author", "author"]}
    assert truth_of(doc) == ("The Incomplete Palmar Arch", "Sara Ahmadi")


def test_the_family_name_of_a_name_as_printed():
    assert family_name("Bernard Perbal") == "perbal"
    assert family_name("Korotin A. M.") == "korotin"
    assert family_name("Ross G. DOUGLAS") == "douglas"
    assert family_name("C. J. van der Beek") == "beek"
    assert family_name("Паращук Игорь Борисович") == "паращук"  # the patronymic is the longest word
    assert family_name("Ольга Борисовна Дигилина") == "дигилина"
    assert surname_found(["B. Perbal"], "Bernard Perbal")
    assert not surname_found(["Bernard Smith"], "Bernard Perbal")


def test_the_journals_editor_is_not_an_author_in_the_grobid_data():
    front = ET.fromstring("<front><docTitle><titlePart>A Search for Squarks<lb/></titlePart></docTitle>"
                          "Editor: <byline><docAuthor>M. Doser<lb/></docAuthor></byline>"
                          "<byline><docAuthor>A. Author<lb/></docAuthor></byline></front>")
    assert [(x["text"], x["label"]) for x in lines_of(front)] == [
        ("A Search for Squarks", "title"), ("Editor: M. Doser", "furniture"), ("A. Author", "author")]


def test_a_title_about_citations_is_no_cover_page_count():
    """ResearchGate's counts stand alone on their line; `CHECKING CITATIONS BEFORE TYPESETTING` is a title."""
    from exporter.readers.plaintext.titleblock import vetoes_title

    assert not vetoes_title("CHECKING CITATIONS BEFORE TYPESETTING")
    assert not vetoes_title("Reads mapping for short sequences")
    assert vetoes_title("CITATIONS                              READS")
    assert vetoes_title("CITATIONS 128")
