"""CSL styles: runs from citeproc-py, venue and --style wiring, and the cross-check against pandoc."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from exporter.diagnostics import InputError
from exporter.references import load_bibliography
from exporter.references.csl import entry_runs, format_entries
from exporter.template_files import find_style
from exporter.venue import Run, Template

ROOT = Path(__file__).resolve().parent.parent
DEMO_BIB = ROOT / "references" / "demo-typesetting.bib"
sys.path.insert(0, str(ROOT / "bench"))


def entries():
    return load_bibliography(str(DEMO_BIB)).entries


def test_styles_are_shipped_with_their_licence():
    for name in ("gost-r-7-0-5-2008-numeric", "ieee", "apa", "vancouver"):
        text = find_style(name).read_text(encoding="utf-8")
        assert "creativecommons.org/licenses/by-sa/3.0" in text  # each file keeps its own rights block
    assert "CC BY-SA 3.0" in (ROOT / "templates" / "styles" / "LICENSE").read_text(encoding="utf-8")


def test_italics_survive_as_runs_and_numbers_are_dropped():
    knuth = entries()[0]
    (runs,) = format_entries([knuth], find_style("ieee"), "en")
    # IEEE: `[1] D. E. Knuth, *The TeXbook*. Reading, MA: Addison-Wesley, 1984, p. 483.`
    assert runs == [Run("D. E. Knuth, "), Run("The TeXbook", italic=True), Run(". Reading, MA: Addison-Wesley, 1984, p. 483.")]


def test_document_language_sets_the_terms():
    goedel = [e for e in entries() if e.key == "goedel1931"]
    (ru,) = format_entries(goedel, find_style("gost-r-7-0-5-2008-numeric"), "kk")
    (en,) = format_entries(goedel, find_style("gost-r-7-0-5-2008-numeric"), "en")
    assert "Т. 38. С. 173–198." in "".join(r.text for r in ru)
    assert "Vol. 38. P. 173–198." in "".join(r.text for r in en)


def test_unknown_style_is_one_error(tmp_path):
    with pytest.raises(InputError, match="no such CSL style"):
        find_style("no-such-style")
    broken = tmp_path / "broken.csl"
    broken.write_text("<style", encoding="utf-8")
    with pytest.raises(InputError, match="is not well-formed XML"):
        format_entries(entries()[:1], broken)


def test_venue_names_a_csl_style_and_own_list_entries_keep_their_text(tmp_path):
    venue = tmp_path / "venue"
    shutil.copytree(ROOT / "templates" / "article", venue)
    toml = venue / "template.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('style = "plain"', 'style = "apa.csl"'), encoding="utf-8")
    template = Template.load(str(venue))
    from exporter.model import Entry, Span

    own = Entry("3", 3, Span(1, 1, 1, 1), text="Назарбаев Н. Ә. Қазақстан жолы. – Астана, 2006. – 372 б.")
    runs = entry_runs(entries()[:1] + [own], template, "en")
    assert "".join(r.text for r in runs[0]) == "Knuth, D. E. (1984). The TeXbook (p. 483). Addison-Wesley."
    assert runs[1] == [Run(own.text)]
    # --style wins over the venue's; a macro name still means the Jinja macro
    assert "".join(r.text for r in entry_runs(entries()[:1], template, "en", "ieee")[0]).startswith("D. E. Knuth, The TeXbook.")
    assert entry_runs(entries()[:1], template, "en", "plain") == [Template.load("article").entry_runs(entries()[0], "en")]


def test_crosscheck_against_pandoc():
    """Each entry's text equals pandoc's citeproc for ≥ 90 % of entries, for every shipped style,
    over references/*.bib and a real 120-entry .bib (bench/CSL.md lists the differences)."""
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed (.ci/setup installs it)")
    import csl_crosscheck

    totals: dict[str, list[int]] = {}
    for style, _, total, diffs, _ in csl_crosscheck.run(csl_crosscheck.DEFAULT_FILES):
        agreed = totals.setdefault(style, [0, 0])
        agreed[0] += total - len(diffs)
        agreed[1] += total
    assert set(totals) == {"gost-r-7-0-5-2008-numeric", "ieee", "apa", "vancouver"}
    assert all(t >= 100 for _, t in totals.values())
    share = {style: a / t for style, (a, t) in totals.items()}
    assert min(share.values()) >= 0.9, share


def test_citeproc_fixes():
    """The rules csl.py adds to citeproc-py, each on an entry that needs it (expected texts
    as pandoc prints them)."""
    from exporter.model import Span, Entry

    def entry(key, **fields):
        return Entry(key, 1, Span(1, 1, 1, 1), "article", tuple(fields.items()), origin="bibtex")

    one_page = entry("a", author="Welland, Robert", title="Site Coordinators", journal="TUGboat", year="1981", month="feb", volume="2", number="1", pages="3--3")
    (runs,) = format_entries([one_page], find_style("vancouver"), "en")
    assert "".join(r.text for r in runs) == "Welland R. Site coordinators. TUGboat. 1981 Feb;2(1):3–3."
    shout = entry("b", author="Milligan, P.", title="Ask not what TUG can do for you!", journal="TUGboat", year="1981", volume="2", number="2", pages="9--10")
    same = entry("c", author="Milligan, P.", title="Another", journal="TUGboat", year="1981", volume="2", number="2", pages="11--12")
    first, second = ("".join(r.text for r in runs) for runs in format_entries([shout, same], find_style("apa"), "en"))
    assert first == "Milligan, P. (1981b). Ask not what TUG can do for you! TUGboat, 2(2), 9–10."
    assert second == "Milligan, P. (1981a). Another. TUGboat, 2(2), 11–12."  # a, b in the style's order: by title
    (cut,) = format_entries([same], find_style("vancouver"), "en")
    assert "".join(r.text for r in cut).endswith("1981;2(2):11–2.")
    (quoted,) = format_entries([entry("d", author="Totland, H.", title="A 16 bit ``big mini''", journal="TUGboat", year="1981", pages="51--52")], find_style("ieee"), "en")
    assert "".join(r.text for r in quoted) == "H. Totland, “A 16 bit ‘big mini’,” TUGboat, pp. 51–52, 1981."
    (apa,) = format_entries([entry("d", author="Totland, H.", title="A 16 bit ``big mini''", journal="TUGboat", year="1981", pages="51--52")], find_style("apa"), "en")
    assert "".join(r.text for r in apa) == "Totland, H. (1981). A 16 bit “big mini.” TUGboat, 51–52."
