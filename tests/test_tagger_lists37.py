"""Conventions read from batch 24's misses (bench/UNSEEN_LISTS.md), each tested on invented entries
or invented lists: an appendix's heading ends a numbered list; what journals print after a list
(`Figure captions:`, `Figure 1.`) ends a Word list too."""

from __future__ import annotations

from exporter.references.fields import parse_entry


def fields(text: str) -> dict[str, str]:
    return {name: value for name, value, _, _ in parse_entry(text).fields}


def test_an_appendix_heading_ends_a_numbered_list(tmp_path):
    """A thesis prints its appendix after the list, and the appendix numbers its own items the same
    way (`1. T0 = {…}`, …, `11. T10 = {…}`): from the appendix's heading alone on its line on, no
    line is an entry, though `4.` would follow the list's `3.`."""
    from exporter.pipeline import read_and_link

    items = [f"{n}. Иванов И. И. Статья номер {n} // Вестник науки. — 2015. — Т. 3. — С. 1—9." for n in range(1, 4)]
    appendix = ["Приложение А", "Таблица значений", *(f"{n}. X{n} = {{0, 1, {n}}}" for n in range(1, 6))]
    text = "Текст [1-3].\n\nСписок литературы\n" + "\n".join(items) + "\n\n12\n\n" + "\n".join(appendix) + "\n"
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    refs = read_and_link(str(path)).document.references
    assert [e.number for e in refs] == [1, 2, 3]
    assert refs[2].text.endswith("С. 1—9.")


def test_figure_captions_after_an_unnumbered_word_list_are_no_entries(tmp_path):
    """A manuscript's Word file puts the figure captions after an unnumbered list in the body's own
    style (`Figure captions:`, `Figure 1. …`): they end the list, as in a text list."""
    import docx
    from docx_samples import save

    from exporter.pipeline import read_and_link

    d = docx.Document()
    d.add_paragraph("Body text (Marsh 2001; Oduya 1999).")
    d.add_paragraph("Literature Cited", style="Heading 1")
    d.add_paragraph("Marsh, T. (2001). Rivers we remember. Invented Press, Springfield, IL, USA.")
    d.add_paragraph("Oduya, K., and T. Marsh (1999). Counting herons. The Invented Naturalist 12:101-109.")
    d.add_paragraph("Figure captions:")
    d.add_paragraph("Figure 1. Herons counted on the river (black circles) in June 2018.")
    refs = read_and_link(str(save(d, tmp_path / "captions.docx"))).document.references
    assert [e.text[:6] for e in refs] == ["Marsh,", "Oduya,"]
