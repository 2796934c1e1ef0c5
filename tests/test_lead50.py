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


SUPERVISED = [
    "УДК 004.93",
    "П. Р. Сидоренко",
    "студент кафедры вычислительных систем",
    "Л. М. Гаврилова – кандидат технических наук, доцент – научный руководитель",
    "",
    "МЕТОДЫ РАСПОЗНАВАНИЯ ОБРАЗОВ В ЗАДАЧАХ КОНТРОЛЯ",
    "",
    "Распознавание образов применяется в задачах контроля качества продукции [1]. В работе",
    "рассматриваются методы, основанные на признаках изображения.",
]


def test_a_supervisor_named_before_the_label_is_the_supervisor_not_a_position():
    """Student conferences print `Name – rank – научный руководитель`: the label after the
    person. The text and PDF readers took the line for the author's position; Word's lost it."""
    from helpers import text_front_matter

    meta = text_front_matter(SUPERVISED)
    assert (list(meta.authors), meta.supervisor, meta.position) == (["П. Р. Сидоренко"], "Л. М. Гаврилова – кандидат технических наук, доцент", None)


def test_a_supervisor_named_before_the_label_in_word(tmp_path):
    from helpers import title_block_docx

    path = title_block_docx(tmp_path / "s.docx", [(t, {"bold": t.isupper(), "center": t.isupper()}) for t in SUPERVISED[:7] if t], body=SUPERVISED[7:])
    meta = read_document(path).meta
    assert (list(meta.authors), meta.supervisor) == (["П. Р. Сидоренко"], "Л. М. Гаврилова – кандидат технических наук, доцент")


def test_a_sentence_ending_on_the_supervisors_role_names_no_supervisor():
    from exporter.readers.plaintext.frontmatter import supervisor_after

    assert supervisor_after("психологический барьер языковой. Их преподаватель, научный руководитель") is None
    assert supervisor_after("Ivan Petrov, PhD, research supervisor") == "Ivan Petrov, PhD"
