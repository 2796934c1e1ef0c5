"""Papers read as a user reads them (lead, round 50): what the editions got wrong on unseen
papers, each tested on a small invented input of the same form."""

from __future__ import annotations

from docx_samples import append_xml, save

from exporter.model import Paragraph, plain_text
from exporter.readers import read_document


def _sym(font: str, char: str) -> str:
    return f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'


def test_characters_inserted_from_the_symbol_font_are_read(tmp_path):
    """Word's Insert > Symbol writes `w:sym` (Symbol's byte code moved to U+F0xx): a typed
    dash opening a list item, a logic thesis's ∈ ∃ ¬ ∧ ∨, a ± were all lost from every edition."""
    import docx

    document = docx.Document()
    append_xml(document.add_paragraph(), _sym("Symbol", "F02D") + '<w:r><w:t xml:space="preserve"> угловая скорость ротора.</w:t></w:r>')
    formula = document.add_paragraph("Формула ")
    for char in ("F024", "F0CE", "F0D8", "F0D9", "F0DA", "F0B1", "0061"):
        append_xml(formula, _sym("Symbol", char))
    append_xml(document.add_paragraph("Тире "), _sym("Times New Roman", "2014") + "<w:r><w:t>.</w:t></w:r>")
    doc = read_document(str(save(document, tmp_path / "sym.docx")))
    texts = [plain_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts == ["− угловая скорость ротора.", "Формула ∃∈¬∧∨±α", "Тире —."]
    assert list(doc.notes) == []


def test_a_character_of_an_unknown_symbol_font_is_reported_not_silently_dropped(tmp_path):
    import docx

    document = docx.Document()
    append_xml(document.add_paragraph("Пункт "), _sym("Wingdings", "F0A7"))
    doc = read_document(str(save(document, tmp_path / "wing.docx")))
    assert [(n.code, n.paragraph) for n in doc.notes] == [("DOC001", 1)]
    assert "font Wingdings (code F0A7)" in doc.notes[0].message
