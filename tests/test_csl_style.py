"""Reading CSL styles (references/cslstyle.py): exporter's fixes to citeproc-py stay inside
exporter's own style objects, work from several threads at once, are guarded by the
citeproc-py version, and hostile .csl files are one line with exit 2 (issue 17, item 10 and
the sweep's .csl class)."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from helpers import REPO, run_cli

from exporter.diagnostics import InputError
from exporter.model import Entry, Span
from exporter.references import load_bibliography
from exporter.references import cslstyle
from exporter.references.csl import format_entries, plain
from exporter.template_files import find_style

TUGBOAT = REPO / "tests" / "data" / "tugboat-120.bib"


def entry(key, entry_type="article", **fields):
    return Entry(key, 1, Span(1, 1, 1, 1), entry_type, tuple(fields.items()), origin="bibtex")


# Two entries on which citeproc-py 0.11.1 and exporter differ (each fix documented in cslstyle.py):
# NLM's localized date `1981 Feb` (citeproc-py: `1981Feb`), and APA's substituted editor.
WELLAND = entry("a", author="Welland, Robert", title="Site Coordinators", journal="TUGboat", year="1981", month="feb", volume="2", number="1", pages="3--3")
LIPCOLL = entry("b", "book", editor="Lipcoll, D. J.", title="High Speed Computer and Algorithm Organization", year="1977", publisher="Academic Press")

PLAIN_CITEPROC = r"""
import json, sys, warnings
warnings.simplefilter("ignore")
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

ITEMS = json.loads(sys.argv[1])

def plain(path):
    style = CitationStylesStyle(path, validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(ITEMS), formatter.plain)
    for item in ITEMS:
        bibliography.register(Citation([CitationItem(item["id"])]))
    return [str(text) for text in bibliography.bibliography()]

paths = sys.argv[2:]
before = [plain(p) for p in paths]
from exporter.model import Entry, Span
from exporter.references.csl import format_entries, plain as text_of
entries = [Entry(k, 1, Span(1, 1, 1, 1), t, tuple(tuple(pair) for pair in f), origin="bibtex") for k, t, f in json.loads(sys.stdin.read())]
ours = [[text_of(runs) for runs in format_entries(entries, p, "en")] for p in paths]
after = [plain(p) for p in paths]
print(json.dumps({"before": before, "ours": ours, "after": after}))
"""


def test_plain_citeproc_is_unchanged_after_exporter_formats():
    """Before, exporter replaced citeproc-py's methods for the whole process: plain citeproc
    printed `1981 Feb` after exporter had run once. Now the fixes live in exporter's subclasses."""
    items = [
        {"id": "a", "type": "article-journal", "author": [{"family": "Welland", "given": "Robert"}], "title": "Site coordinators",
         "container-title": "TUGboat", "issued": {"date-parts": [[1981, 2]]}, "volume": "2", "issue": "1", "page": "3-3"},
        {"id": "b", "type": "book", "editor": [{"family": "Lipcoll", "given": "D. J."}], "title": "High speed computer and algorithm organization",
         "issued": {"date-parts": [[1977]]}, "publisher": "Academic Press"},
    ]
    paths = [str(find_style("vancouver")), str(find_style("apa"))]
    ours_in = json.dumps([[e.key, e.entry_type, list(e.fields)] for e in (WELLAND, LIPCOLL)])
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", PLAIN_CITEPROC, json.dumps(items), *paths], input=ours_in, capture_output=True, text=True, env=env, timeout=120, check=True)
    result = json.loads(done.stdout)
    assert result["after"] == result["before"]
    vancouver_plain, apa_plain = result["before"]
    vancouver_ours, apa_ours = result["ours"]
    # citeproc-py's own output, which exporter's fixes must not leak into:
    assert "1981Feb;2(1):3" in vancouver_plain[0]
    assert "1981 Feb;2(1):3–3." in vancouver_ours[0]
    assert apa_plain[1].count("Lipcoll") == 2  # the editor printed again after the title
    assert apa_ours[1] == "Lipcoll, D. J. (Ed.). (1977). High speed computer and algorithm organization. Academic Press."  # APA's label: title case


def test_styles_formatting_in_threads_give_what_they_give_one_after_the_other():
    entries = load_bibliography(str(TUGBOAT)).entries[:60] + [WELLAND, LIPCOLL]
    names = ["apa", "ieee", "vancouver", "gost-r-7-0-5-2008-numeric"]
    serial = {name: format_entries(entries, find_style(name), "en") for name in names}
    jobs = names * 3  # each style three times at once: one style object, taken in turn
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads change as often as they can
    try:
        start = threading.Barrier(len(jobs))

        def run(name):
            start.wait()
            return name, format_entries(entries, find_style(name), "en")

        with ThreadPoolExecutor(len(jobs)) as pool:
            results = list(pool.map(run, jobs))
    finally:
        sys.setswitchinterval(switch)
    for name, runs in results:
        assert runs == serial[name], name


# ---- the version guard ------------------------------------------------------------------------

# The citeproc-py internals exporter's subclasses override or call, with the signatures checked
# for 0.11.1. An upgrade that changes any of them fails here, loudly.
INTERNALS = {
    ("Text", "_variable"): ["self", "item", "context"],
    ("FormatNumber", "_format_last_page"): ["self", "first", "last"],
    ("Date", "render_single_date"): ["self", "date", "show_parts", "context"],
    ("Date", "parts"): ["self", "date", "show_parts", "context"],
    ("Date", "is_locale_date"): ["self"],
    ("Names", "process"): ["self", "item", "names_context", "context", "kwargs"],
    ("Substitute", "render"): ["self", "item", "context", "kwargs"],
    ("Substitute", "add_to_repressed_list"): ["self", "child", "context"],
    ("Style", "set_locale_list"): ["self", "output_locale", "validate"],
    ("Number", "process"): ["self", "item", "context", "kwargs"],
    ("TextCased", "case"): ["self", "text", "language"],
    ("Label", "markup"): ["self", "text"],
}


def test_citeproc_is_the_version_the_fixes_were_checked_for():
    import citeproc
    from citeproc import model

    assert citeproc.__version__ == cslstyle.TESTED_CITEPROC, "check exporter/references/cslstyle.py against this citeproc-py, then update TESTED_CITEPROC"
    assert cslstyle.fixes_apply()
    for (cls, method), parameters in INTERNALS.items():
        assert list(inspect.signature(getattr(getattr(model, cls), method)).parameters) == parameters, (cls, method)
    # citeproc-py finds an element's class by its tag through these subclasses' names
    assert {c.__name__ for c in model.CitationStylesElement.__subclasses__()} >= {"Style", "Text", "Number", "Date", "Names", "Substitute", "Label"}


def test_on_another_citeproc_version_the_plain_classes_are_used(monkeypatch):
    import citeproc

    path = str(find_style("vancouver"))
    assert type(cslstyle.Style(path).root) is cslstyle.StyleRoot
    monkeypatch.setattr(citeproc, "__version__", "99.0")
    style = cslstyle.Style(path)
    from citeproc import model

    assert type(style.root) is model.Style
    assert all(type(e) in model.CitationStylesElement.__subclasses__() or type(e) is model.CitationStylesElement for e in style.root.iter() if isinstance(e.tag, str))


# ---- hostile .csl files -----------------------------------------------------------------------

HEAD = '<?xml version="1.0" encoding="{encoding}"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"{extra}>\n'
INFO = '  <info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>\n'


def csl(macros: str = "", layout: str = '<text variable="title"/>', encoding: str = "utf-8", extra: str = "") -> str:
    return (HEAD.format(encoding=encoding, extra=extra) + INFO + macros
            + '  <citation><layout><text variable="citation-number"/></layout></citation>\n'
            + f"  <bibliography><layout>{layout}</layout></bibliography>\n</style>\n")


def bib_text(tmp_path: Path, style: str):
    (tmp_path / "paper.txt").write_text("Text [1].\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@book{1, title={A Book}, author={Knuth, Donald E.}, year={1984}, publisher={Addison-Wesley}}\n", encoding="utf-8")
    return run_cli("bib", "paper.txt", "--bib", "refs.bib", "--to", "text", "--style", style, cwd=tmp_path)


def refused(result, line: str) -> None:
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"exporter: error: {line}\n")


def test_a_utf16_style_is_read(tmp_path):
    (tmp_path / "utf16.csl").write_bytes(csl(encoding="UTF-16").encode("utf-16"))
    result = bib_text(tmp_path, "utf16.csl")
    assert (result.returncode, result.stdout, result.stderr) == (0, "1. A book\n", "")  # sentence case: an English style; was: "Start tag expected, '<' not found"


def test_a_folder_named_as_a_style_is_said_to_be_a_folder(tmp_path):
    (tmp_path / "house.csl").mkdir()
    refused(bib_text(tmp_path, "house.csl"), "house.csl: is a folder, not a CSL style file")


def test_a_fifo_named_as_a_style_is_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "pipe.csl")
    refused(bib_text(tmp_path, "pipe.csl"), "pipe.csl: is a named pipe (FIFO), not a CSL style file")
    with pytest.raises(InputError, match="is a named pipe"):
        cslstyle.read_style_file(str(tmp_path / "pipe.csl"))  # never opened: a FIFO would block


@pytest.mark.parametrize("name, text, line", [
    ("self.csl", csl('  <macro name="m"><group><text macro="m"/></group></macro>\n', '<text macro="m"/>'), "self.csl:4: macro 'm' calls itself (m → m); citeproc-py would recurse without end"),
    ("ring.csl", csl('  <macro name="a"><text macro="b"/></macro>\n  <macro name="b"><text macro="c"/></macro>\n  <macro name="c"><text macro="a"/></macro>\n', '<text macro="a"/>'),
     "ring.csl:4: macro 'a' calls itself (a → b → c → a); citeproc-py would recurse without end"),
    ("missing.csl", csl(layout='<text macro="nowhere"/>'), "missing.csl:5: calls macro 'nowhere', which the style does not define"),
    ("sort-missing.csl", csl().replace("<bibliography>", '<bibliography><sort><key macro="nowhere"/></sort>'), "sort-missing.csl:5: calls macro 'nowhere', which the style does not define"),
    ("unknown.csl", csl('  <macro name="m"><blink/><text variable="title"/></macro>\n', '<text macro="m"/>'), "unknown.csl:4: unknown element <blink> in macro 'm'; a CSL style cannot hold it there"),
    ("foreign.csl", csl(layout='<x:y xmlns:x="urn:x"/>'), "foreign.csl:5: unknown element <{urn:x}y> in the layout; a CSL style cannot hold it there"),
    ("bare-text.csl", csl(layout="<text/>"), "bare-text.csl:5: <text> in the layout names no variable or macro or term or value"),
    ("xinclude.csl", csl('  <xi:include href="/etc/passwd" parse="text"/>\n', extra=' xmlns:xi="http://www.w3.org/2001/XInclude"'),
     "xinclude.csl:4: uses XInclude (<xi:include>); refused: a CSL style is one file"),
    ("dtd.csl", csl().replace("<style ", '<!DOCTYPE style [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<style ', 1), "dtd.csl: declares a DTD; refused (a CSL style never needs one)"),
    ("not-csl.csl", '<?xml version="1.0"?>\n<html/>\n', "not-csl.csl:2: is XML but not a CSL style (its root is <html>, not <style> in the CSL namespace)"),
    ("deep.csl", csl(layout="<group>" * 70 + '<text variable="title"/>' + "</group>" * 70), f"deep.csl:5: nests its elements more than {cslstyle.MAX_DEPTH} deep (macro calls included); citeproc-py cannot render it"),
])
def test_a_hostile_style_is_one_line_and_exit_2(tmp_path, name, text, line):
    (tmp_path / name).write_text(text, encoding="utf-8")
    refused(bib_text(tmp_path, name), line)  # was: exit 3 (RecursionError, IndexError, TypeError) or read without a word


def test_a_long_chain_of_macros_counts_as_deep(tmp_path):
    chain = "".join(f'  <macro name="m{i}"><group><text macro="m{i + 1}"/></group></macro>\n' for i in range(40)) + '  <macro name="m40"><text variable="title"/></macro>\n'
    (tmp_path / "chain.csl").write_text(csl(chain, '<text macro="m0"/>'), encoding="utf-8")
    refused(bib_text(tmp_path, "chain.csl"), f"chain.csl:46: nests its elements more than {cslstyle.MAX_DEPTH} deep (macro calls included); citeproc-py cannot render it")
    assert len(csl(chain).splitlines()) > 40


def test_shipped_styles_pass_the_checks():
    for name in ("apa", "ieee", "vancouver", "gost-r-7-0-5-2008-numeric"):
        style = cslstyle.Style(str(find_style(name)))
        assert style.has_bibliography()
        assert plain(format_entries([WELLAND], find_style(name), "en")[0])
