"""A Word list whose paragraphs also start with the same number typed (`1. Әбілов…` under Word's
`1.`; the page shows `1. 1. Әбілов…`): the entries are read without the typed number, DOC002 says
so once for the run, and `fix --renumber` still reorders such a list. Invented papers."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx

from exporter.pipeline import read_and_link
from helpers import run_cli

TWICE = Path(__file__).parent / "hostile" / "corpus" / "docx-list-numbered-twice" / "paper.docx"


def test_the_entries_are_read_without_the_typed_number():
    linked = read_and_link(str(TWICE))
    assert [e.text[:8] for e in linked.document.references] == ["Әбілов А", "Сейітов "]
    assert [(d.code, d.line, dict(d.args)["count"]) for d in linked.diagnostics] == [("DOC002", 3, 2)]


def test_a_number_typed_differently_or_a_measure_is_not_a_second_number(tmp_path):
    d = docx.Document()
    d.add_paragraph("Мәтін.")
    d.add_paragraph("3. басқа нөмір", style="List Number")  # Word prints 1.: not the same number
    d.add_paragraph("1.5 мм қалыңдық", style="List Number")  # a measure, not a typed label
    path = tmp_path / "p.docx"
    d.save(path)
    assert not [x for x in read_and_link(str(path)).diagnostics if x.code == "DOC002"]


def test_fix_renumbers_a_list_numbered_twice(tmp_path):
    # the same package, citing [2] first: the list is reordered, the typed numbers rewritten
    source = tmp_path / "p.docx"
    with zipfile.ZipFile(TWICE) as old, zipfile.ZipFile(source, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            new.writestr(item, data.replace("мәтін [1], [2]".encode(), "мәтін [2], [1]".encode()) if item.filename == "word/document.xml" else data)
    result = run_cli("fix", "--renumber", str(source), "--out", str(tmp_path / "fixed"))
    assert result.returncode == 0, result.stderr
    texts = [p.text for p in docx.Document(tmp_path / "fixed" / "p.docx").paragraphs]
    assert texts[0] == "мәтін [1], [2]"
    assert texts[2].startswith("1. Сейітов") and texts[3].startswith("2. Әбілов")
