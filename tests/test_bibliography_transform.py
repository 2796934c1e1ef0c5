"""The bibliography transform (exporter/transforms/bibliography.py): citations rendered and the
lists appended once, in the model, so that no writer builds them (issue 19, design debts)."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from exporter.linker import iter_citations
from exporter.model import Bibliography, Emph, Link, Text, plain_text
from exporter.pipeline import read_and_link
from exporter.transforms.bibliography import add_bibliography
from exporter.venue import Template

from helpers import DEMO, DEMO_BIB, REPO, SEED


@pytest.fixture(scope="module")
def kz_conference():
    return Template.load("kz-conference")


@pytest.fixture(scope="module")
def demo(kz_conference):
    return add_bibliography(read_and_link(str(DEMO), str(DEMO_BIB)).document, kz_conference)


@pytest.fixture(scope="module")
def seed(kz_conference):
    return add_bibliography(read_and_link(str(SEED)).document, kz_conference)


def lists(document) -> dict[str, Bibliography]:
    return {b.kind: b for b in document.blocks if isinstance(b, Bibliography)}


def test_demo_gets_its_reference_list_as_the_last_block(demo, kz_conference):
    assert isinstance(demo.blocks[-1], Bibliography) and demo.blocks[-1].kind == "references"
    refs = lists(demo)["references"]
    assert refs.title == kz_conference.labels("en").references == "References"
    # demo-typesetting.bib: six entries, numbered by first citation (knuth1984 first, goedel1931 last)
    assert [item.label for item in refs.items] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert refs.items[0].anchor == "ref_knuth1984" and refs.items[-1].anchor == "ref_goedel1931"
    assert plain_text(refs.items[0].inlines).startswith("Knuth")
    assert "unresolved" not in lists(demo)  # every citation of the demo resolves


def test_a_citation_shows_its_text_with_each_label_linked(demo):
    # `[2, p. 45]` (line 17 of the demo): only the 2 links, to lamport1994's entry
    cite = next(c for c in iter_citations(demo) if c.raw == "[2, p. 45]")
    assert cite.inlines == (Text("["), Link("#ref_lamport1994", (Text("2"),)), Text(", p. 45]"))
    assert cite.note is None
    # `[3–4]`: two links around the dash
    cite = next(c for c in iter_citations(demo) if c.raw == "[3–4]")
    assert [n.url for n in cite.inlines if isinstance(n, Link)] == ["#ref_mittelbach2004", "#ref_bringhurst1992"]
    assert plain_text(cite.inlines) == "[3–4]"


def test_italic_entry_fields_stay_italic(kz_conference):
    # the APA style sets a book's title in italics: the run becomes Emph in the model
    doc = add_bibliography(read_and_link(str(DEMO), str(DEMO_BIB)).document, kz_conference, style="apa")
    knuth = lists(doc)["references"].items[0]
    assert any(isinstance(n, Emph) and "TeXbook" in plain_text(n.inlines) for n in knuth.inlines)


def test_seed_lists_its_eight_unresolved_citations_in_kazakh(seed, kz_conference):
    found = lists(seed)
    assert "references" not in found  # the seed has no list
    notes = found["unresolved"]
    assert notes.title == kz_conference.labels("kk").unresolved != kz_conference.labels("en").unresolved
    assert len(notes.items) == 8 and all(item.label is None and item.anchor is None for item in notes.items)
    # its first unresolved citation is [9] at line 283, column 17 of the seed (read by hand)
    note = kz_conference.labels("kk").unresolved_note
    assert plain_text(notes.items[0].inlines) == f"[9]: {note} (kz-china-relations.txt:283:17)"  # the file, not its folder
    flagged = [c for c in iter_citations(seed) if c.note is not None]
    assert [plain_text(i.inlines) for i in notes.items] == [c.note for c in flagged]
    assert all(not any(isinstance(n, Link) for n in c.inlines) for c in flagged)


def test_a_venue_that_does_not_list_them_still_flags_each(kz_conference):
    template = Template.load("kz-conference")
    template.venue = dataclasses.replace(template.venue, bibliography=dataclasses.replace(template.venue.bibliography, list_unresolved=False))
    doc = add_bibliography(read_and_link(str(SEED)).document, template)
    assert lists(doc) == {}
    assert sum(c.note is not None for c in iter_citations(doc)) == 8


def test_the_linked_document_is_left_as_it_was(kz_conference):
    linked = read_and_link(str(DEMO), str(DEMO_BIB))
    before = linked.document
    after = add_bibliography(before, kz_conference)
    assert linked.document is before and not any(isinstance(b, Bibliography) for b in before.blocks)
    assert all(c.inlines == () and c.note is None for c in iter_citations(before))
    assert len(after.blocks) == len(before.blocks) + 1
    assert add_bibliography(before, kz_conference) == after  # deterministic


WRITERS = ("docx", "pdf", "latex", "html")


@pytest.mark.parametrize("name", WRITERS)
def test_no_writer_builds_a_bibliography(name):
    """Done when (issue 19): each writer without bibliography code. A writer neither formats
    entries, nor reads the document's entries, nor finds the unresolved citations itself."""
    source = (REPO / "exporter" / "writers" / f"{name}.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not any("references" in module or "linker" in module for module in imported)
    attributes = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    assert not attributes & {"references", "entries", "unresolved", "unresolved_note", "list_unresolved", "romanised_entries", "entry_label"}
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    assert not names & {"entry_runs", "iter_citations", "citation_pieces", "unique_anchors", "formatted_entries"}


def test_the_unresolved_notes_do_not_change_with_the_folder_built_from(seed, kz_conference, tmp_path):
    # the same paper read from another folder (and by a relative path) gives the same notes:
    # an edition's bytes must not depend on where it was built
    copy = tmp_path / "elsewhere" / SEED.name
    copy.parent.mkdir()
    copy.write_bytes(SEED.read_bytes())
    moved = add_bibliography(read_and_link(str(copy)).document, kz_conference)
    notes = [plain_text(i.inlines) for i in lists(seed)["unresolved"].items]
    assert notes == [plain_text(i.inlines) for i in lists(moved)["unresolved"].items]
    assert not any(str(tmp_path) in note or str(REPO) in note for note in notes)
