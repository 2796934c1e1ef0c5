"""The tagger's training-data build (exporter/references/tagger/data/): the pieces of
`build.py --giant` that change what a labelled line says (PDF-like noise must move the labels
with the text) and how public name lists are written. Expected values are read off the
strings by eye."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "exporter" / "references" / "tagger" / "data"
sys.path.insert(0, str(DATA))  # build.py, render.py and records.py import each other as scripts beside each other

import build  # noqa: E402
import records  # noqa: E402
import render  # noqa: E402

TEXT = "Smith, J. Interferometric detectors for gravitational waves. Nuclear Instruments, 12, 34-56."
SPANS = [(0, 9, "author"), (10, 59, "title"), (61, 80, "journal"), (82, 84, "volume"), (86, 91, "pages")]


def _chars(text: str, spans) -> list:
    chars = [None] * len(text)
    for s, e, label in spans:
        chars[s:e] = [label] * (e - s)
    return chars


def _kept(text: str, chars: list) -> list[tuple[str, str | None]]:
    """(character, label) of every character but spaces and hyphens: what noise may not change."""
    return [(c, lab) for c, lab in zip(text, chars) if not c.isspace() and c != "-"]


def test_spans_of_the_example_are_what_they_say():
    assert [TEXT[s:e] for s, e, _ in SPANS] == ["Smith, J.", "Interferometric detectors for gravitational waves",
                                               "Nuclear Instruments", "12", "34-56"]


def test_pdf_noise_moves_labels_with_the_text():
    chars = _chars(TEXT, SPANS)
    changed = 0
    for seed in range(200):
        text, got = render.pdf_noise(TEXT, chars, random.Random(seed))
        assert len(text) == len(got)
        assert _kept(text, got) == _kept(TEXT, chars)  # only spaces and hyphens come and go, labels stay on their characters
        changed += text != TEXT
        for m in re.finditer(r"(\w)- (\w)", text):  # a broken word: both halves and the break keep the word's label
            if m[0] not in TEXT:
                assert len({got[k] for k in range(m.start(), m.end())}) == 1
                assert got[m.start()] in ("title", "journal")
    assert changed > 150  # nearly every call changes something (a spot for each kind exists here)


def test_pdf_noise_kinds_seen():
    chars = _chars(TEXT, SPANS)
    texts = {render.pdf_noise(TEXT, chars, random.Random(seed))[0] for seed in range(200)}
    assert any("Smith,J." in t for t in texts)  # a space lost after punctuation
    assert any(re.search(r"\w [,.]", t) for t in texts)  # a space added before it
    assert any(re.search(r"[a-z]- [a-z]", t) for t in texts)  # a word broken at a line end


def test_title_case_of_list_names():
    assert build.title_case("AMERICAN SOCIETY FOR MICROBIOLOGY") == "American Society for Microbiology"
    assert build.title_case("glasgow school of art") == "Glasgow School of Art"
    assert build.title_case("THE UNIVERSITY OF THE WEST") == "The University of the West"


def test_giant_title_joins_two_titles():
    titles = ["Deep learning", "A survey of methods."]
    seen = {records.giant_title(random.Random(seed), titles) for seed in range(300)}
    assert "Deep learning" in seen and "A survey of methods." in seen
    assert "Deep learning: A survey of methods." in seen or "Deep learning: a survey of methods." in seen
    assert any(t.startswith("A survey of methods? ") for t in seen)  # the first title's own full stop gives way to the joint


# ---- tagger41: the labels a rendering's own words get, GROBID's orgName ---------------------------

# An invented CSL style printing what MDPI's and ISO 690's do before a paper's host: `In Proceedings
# of the` (the style's words) before the container's name, and `In :` before the editors.
_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Invented</title><id>invented</id><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix=".">
    <group delimiter=". ">
      <names variable="author"><name name-as-sort-order="all" initialize-with=". " delimiter=", "/></names>
      <text variable="title"/>
      <group delimiter=" "><text value="In :"/><names variable="editor"><name initialize-with=". " delimiter=", "/></names></group>
      <group delimiter=" "><text value="In Proceedings of the"/><text variable="container-title"/></group>
      <date variable="issued"><date-part name="year"/></date>
    </group>
  </layout></bibliography>
</style>"""


class _Styles:
    def read(self, name: str) -> str:
        return _STYLE


def _words(line: dict) -> list[tuple[str, str]]:
    chars = [None] * len(line["text"])
    for s, e, label in line["labels"]:
        chars[s:e] = [label] * (e - s)
    return [(m[0], chars[m.start()]) for m in re.finditer(r"\S+", line["text"])]


def test_a_styles_words_after_in_go_with_the_host_they_announce():
    record = {"id": "r1", "type": "paper-conference", "title": "Invented results on widgets", "container-title": "Widget Conference",
              "author": [{"family": "Roe", "given": "Jane"}], "editor": [{"family": "Doe", "given": "John"}],
              "issued": {"date-parts": [[2001]]}}
    lines = render.csl_lines([record], [], _Styles(), ("a", "b", "c", "g"), ("g",), (), lambda key: False, random.Random(1))
    assert lines
    for x in lines:  # the author as a variant of the style prints it, then the same words
        assert re.search(r" Invented results on widgets\. In : J(?:\.|ohn) Doe\. In Proceedings of the Widget Conference\. 2001\.", x["text"])
        words = _words(x)
        assert [label for _, label in words[[w for w, _ in words].index("In"):]] == ["editor"] * 4 + ["container"] * 6 + ["date"]
        assert [w for w, label in words if label == "title"] == ["Invented", "results", "on", "widgets."]


def test_a_word_with_two_labels_equally_is_read_the_same_under_every_hash_seed():
    import subprocess

    code = ("import sys; sys.path.insert(0, %r); import spans; t = 'AIP,New York'; c = ['publisher'] * 3 + [None] + ['location'] * 8; "
            "print(spans.resolve_gaps('( ' + t, [None, None] + c)[0])") % str(DATA)
    seen = {subprocess.run([sys.executable, "-c", code], env={"PYTHONHASHSEED": str(seed)}, capture_output=True, text=True, check=True).stdout.strip()
            for seed in range(8)}
    assert seen == {"location"}  # `(` announces the next value: `AIP,New` (3 publisher, 3 location characters), sorted first


class _Grobid:
    TEI = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><back><listBibl>'
           '<bibl><author>R. Roe</author>, <title level="m">Invented widgets</title>, <note type="report">Ph.D. thesis</note>, '
           '<orgName>Invented University</orgName>, <date>2005</date>.</bibl>'
           '<bibl><orgName>Invented Data Group</orgName>, <author>J. Doe et al.</author>, <title level="a">Review of widgets</title>, '
           '<title level="j">Invented Lett.</title> <biblScope unit="volume">40</biblScope> (<date>2016</date>).</bibl>'
           '<bibl><orgName type="collaboration">INVENTED Collaboration</orgName>, <title level="a">Widgets seen again</title>, '
           '<title level="j">Invented Lett.</title> <biblScope unit="volume">41</biblScope> (<date>2017</date>).</bibl>'
           '</listBibl></back></text></TEI>')

    def list(self, folder: str) -> list[str]:
        return [folder + "/invented.xml"]

    def read(self, name: str) -> str:
        return self.TEI


def test_grobid_org_name_after_the_title_is_the_publisher_before_it_an_author():
    def labelled(x: dict, word: str) -> str:
        return dict(_words(x))[word]

    thesis, group, collaboration = build.grobid_lines(_Grobid())
    assert labelled(thesis, "University,") == "publisher"  # the thesis's school: BibTeX's school, CSL's publisher
    assert labelled(group, "Group,") == "author"  # a corporate author before the title
    assert labelled(collaboration, "Collaboration,") == "author"
    assert labelled(build.grobid_lines(_Grobid(), org="author")[0], "University,") == "author"  # as the records are mined


class _Files:
    """A stand-in for build.Repo: files by name."""

    def __init__(self, files: dict[str, str]):
        self.files = files

    def read(self, name: str) -> str:
        return self.files.get(name, "")


def _segments(x: dict) -> list[tuple[str, str]]:
    """(label, text) runs of a built line, its words joined as the line has them."""
    out: list[list[str]] = []
    for s, e, label in x["labels"]:
        if out and out[-1][0] == label:
            out[-1][1] = x["text"][out[-1][2]:e]
        else:
            out.append([label, x["text"][s:e], s])
    return [(label, text) for label, text, _ in out]


def test_parscit_lines_relabel_parscit_tags():
    """ParsCit's `<tag> words </tag>` lines (invented here): booktitle is the container,
    institution the publisher, tech the genre, a volume's bracketed issue split off; `<br>`
    and tags of no field dropped; a line twice (by its letters) kept once."""
    cora = ("<author> A. Cau, and R. Kuiper. </author> <title> Formalising development strategies. </title> "
            "<booktitle> In Proc. 5th Refinement Workshop, </booktitle> <date> 1992. </date>\n"
            "<author> M. Kitsu. </author> <title> Hash machines. </title> <journal> New Generation Computing, </journal> "
            "<volume> 1(2), </volume> <date> 1983. </date> <br>\n"
            "<author> A. Vrcho. </author> <title> Modula/R. </title> <tech> Technical Report rr-02-92, </tech> "
            "<institution> TU Wien, </institution> <date> 1993. </date> <contexts> see [3] </contexts>\n"
            "<author> M. Kitsu. </author> <title> Hash machines. </title> <journal> New Generation Computing </journal> "
            "<volume> 1 (2) </volume> <date> 1983 </date>\n")
    repo = _Files({"crfpp/taggeddata/cora.tagged.txt": cora})
    lines = build.parscit_lines(repo)
    assert [x["text"] for x in lines] == [
        "A. Cau, and R. Kuiper. Formalising development strategies. In Proc. 5th Refinement Workshop, 1992.",
        "M. Kitsu. Hash machines. New Generation Computing, 1(2), 1983.",
        "A. Vrcho. Modula/R. Technical Report rr-02-92, TU Wien, 1993.",
    ]
    assert {x["source"] for x in lines} == {"parscit"} and {x["set"] for x in lines} == {"cora"}
    assert _segments(lines[0]) == [("author", "A. Cau, and R. Kuiper."), ("title", "Formalising development strategies."),
                                   ("container", "In Proc. 5th Refinement Workshop,"), ("date", "1992.")]
    assert _segments(lines[1])[2:] == [("journal", "New Generation Computing,"), ("volume", "1"), ("issue", "(2)"),
                                       ("volume", ","), ("date", "1983.")]
    assert _segments(lines[2])[2:] == [("genre", "Technical Report rr-02-92,"), ("publisher", "TU Wien,"), ("date", "1993.")]
    assert all(x["split"] in ("train", "heldout") for x in lines)
