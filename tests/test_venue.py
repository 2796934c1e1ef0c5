"""The typed venue: template.toml read once into a validated, frozen `Venue` with one default per setting."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import REPO, SEED, run_cli

from exporter.diagnostics import InputError
from exporter.venue import Template, Venue, read_venue

KZ = REPO / "templates" / "kz-conference"
PDFTOTEXT = shutil.which("pdftotext")


def venue_folder(tmp_path: Path, toml: str, name: str = "venue") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    shutil.copy(KZ / "bibliography.j2", folder / "bibliography.j2")
    (folder / "template.toml").write_text(toml, encoding="utf-8")
    return folder


def test_shipped_venues_read_as_written():
    venue = Template.load("kz-conference").venue
    assert isinstance(venue, Venue)
    assert venue.page.size == "A4" and venue.page.margins_cm.left == 2.0 and venue.page.page_numbers is True
    assert venue.body.size_pt == 14.0 and venue.body.first_line_indent_cm == 1.25 and venue.body.align == "justify"
    assert venue.bibliography.style == "gost" and venue.bibliography.list_unresolved is True and venue.bibliography.csl is None
    assert venue.labels_for("kk").references == "Әдебиеттер тізімі"
    assert venue.labels_for("de").references == "References"  # no German labels: the venue's English
    assert [f.file for f in venue.fonts.fallbacks] == ["wqy-microhei.ttc", "FreeSerif.ttf", "DejaVuMathTeXGyre.ttf", "Symbola_hint.ttf"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        venue.page.size = "Letter"


def test_an_empty_venue_takes_every_default(tmp_path):
    venue = read_venue(venue_folder(tmp_path, ""))
    assert venue == Venue()
    assert venue.page.page_numbers is True and venue.bibliography.style == "plain" and venue.bibliography.form is None
    assert venue.labels_for("kk").unresolved_note == "No entry in the reference list for this citation"


@pytest.mark.parametrize(
    "toml, key",
    [
        ('[page]\nsise = "A4"\n', "page.sise"),
        ('[page]\nsize = "B7"\n', "page.size"),
        ('[page]\nmargins_cm = { top = "2cm" }\n', "page.margins_cm.top"),
        ('[body]\nsize_pt = "big"\n', "body.size_pt"),
        ('[body]\nalign = "middle"\n', "body.align"),
        ('[body]\nline_spacing = 0\n', "body.line_spacing"),
        ('[page]\npage_numbers = "yes"\n', "page.page_numbers"),
        ('[title_block]\nlines = [{ align = "left" }]\n', "title_block.lines[0].text"),
        ('[title_block]\nlines = [{ text = "x", when = "colour" }]\n', "title_block.lines[0].when"),
        ('[bibliography]\nform = "mla"\n', "bibliography.form"),
        ('[bibliography]\nstyle = "nowhere.csl"\n', "bibliography.style"),
        ('[labels.kk]\nrefs = "x"\n', "labels.kk.refs"),
        ('colour = "red"\n', "colour"),
        ("[page\n", "invalid TOML"),
    ],
)
def test_a_bad_setting_is_one_error_naming_the_key_and_file(tmp_path, toml, key):
    folder = venue_folder(tmp_path, toml)
    with pytest.raises(InputError) as caught:
        Template.load(str(folder))
    assert caught.value.path == str(folder / "template.toml")
    assert key in caught.value.message


def test_a_bad_setting_from_the_command_line_exits_2_with_one_line(tmp_path):
    folder = venue_folder(tmp_path, '[body]\nsize_pt = "big"\n')
    result = run_cli("build", str(SEED), "--template", str(folder), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "body.size_pt" in result.stderr and "template.toml" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_csl_style_is_found_in_the_venue_folder(tmp_path):
    folder = venue_folder(tmp_path, '[bibliography]\nstyle = "house.csl"\n')
    (folder / "house.csl").write_text("<style/>", encoding="utf-8")
    assert read_venue(folder).bibliography.csl == folder / "house.csl"


def test_spellings_are_normalised_once(tmp_path):
    venue = read_venue(venue_folder(tmp_path, '[page]\nsize = "letter"\n[body]\nalign = "centre"\n'))
    assert venue.page.size == "Letter" and venue.page.size_cm == (21.59, 27.94) and venue.body.align == "center"


# ---- a venue without page_numbers: the same in all three editions (bug 3) -----------------------


def without_page_numbers(tmp_path: Path, setting: str = "") -> Path:
    toml = (KZ / "template.toml").read_text(encoding="utf-8").replace("page_numbers = true\n", setting)
    assert "page_numbers" not in toml or setting
    return venue_folder(tmp_path, toml, "nonumbers")


@pytest.mark.parametrize("setting, numbered", [("", True), ("page_numbers = false\n", False)])
def test_page_numbers_are_the_same_in_all_three_editions(tmp_path, setting, numbered):
    import docx

    folder = without_page_numbers(tmp_path, setting)
    out = tmp_path / "out"
    result = run_cli("build", str(SEED), "--template", str(folder), "--out", str(out))
    assert result.returncode == 0, result.stderr  # the LaTeX writer crashed here (exit 3) before
    doc = docx.Document(io.BytesIO((out / "kz-china-relations.docx").read_bytes()))
    footer_xml = doc.sections[0].footer._element.xml
    assert ("PAGE" in footer_xml) is numbered  # DOCX left pages unnumbered without the setting
    tex = (out / "kz-china-relations.tex").read_text(encoding="utf-8")
    assert ("\\pagestyle{plain}" in tex, "\\pagestyle{empty}" in tex) == (numbered, not numbered)
    if PDFTOTEXT:
        first = subprocess.run([PDFTOTEXT, "-f", "1", "-l", "1", "-layout", str(out / "kz-china-relations.pdf"), "-"], capture_output=True, text=True, check=True).stdout
        last_line = [line.strip() for line in first.splitlines() if line.strip()][-1]
        assert (last_line == "1") is numbered
