"""`[2, 78]` in a paper whose list has fewer than 78 entries: the number no entry can have is the
page of the source before it, written without its mark. It is read so (no CIT001 for a missing
entry 78, no CIT003 for its place in the order) and reported as CIT008, asking for the mark, in
the reader's language. The papers here are invented."""

from __future__ import annotations

from exporter.linker import iter_citations
from exporter.pipeline import read_and_link
from exporter.messages import render

LIST = "\n".join(f"{n}. Автор{n} А. А. Книга номер {n}. – М. : Наука, 20{10 + n}. – 100 с." for n in range(1, 6))


def _paper(tmp_path, body: str):
    paper = tmp_path / "paper.txt"
    paper.write_text(f"Устройства хранения данных\n\n{body}\n\nСписок литературы\n\n{LIST}\n", encoding="utf-8")
    return read_and_link(str(paper))


def _refs(linked):
    return [[(r.label, r.locator, r.entry) for r in c.refs] for c in iter_citations(linked.document)]


def test_a_number_beyond_the_list_after_a_source_is_its_page(tmp_path):
    linked = _paper(tmp_path, "Память работает быстро [1, 23]. Диски медленнее [2,78; 3, 67]. Важно и то, и другое [5; 4,45]. Ленты [1], [2], [3], [4], [5].")
    assert _refs(linked)[:3] == [[("1", "23", "1")], [("2", "78", "2"), ("3", "67", "3")], [("5", None, "5"), ("4", "45", "4")]]
    codes = [d.code for d in linked.diagnostics]
    assert "CIT001" not in codes
    pages = [d for d in linked.diagnostics if d.code == "CIT008"]
    assert [(d.arguments["label"], d.arguments["locator"]) for d in pages] == [("1", "23"), ("2", "78"), ("3", "67"), ("4", "45")]
    assert render(pages[0].key, pages[0].arguments, "en").startswith("[1, 23]: 23 is read as a page of [1], as the list has 5 entries")
    assert render(pages[0].key, pages[0].arguments, "kk").startswith("[1, 23]: тізімде 5 жазба бар")
    assert "с. 23" in render(pages[0].key, pages[0].arguments, "ru")


def test_numbers_the_list_has_stay_citations_and_a_number_beyond_it_alone_is_cit001(tmp_path):
    linked = _paper(tmp_path, "Два источника [1, 3]. Диапазон и число [2-3, 40]. Пропущенный [40]. Страница и ещё [1, 40, 2]. Снова [4], [5].")
    refs = _refs(linked)
    assert refs[0] == [("1", None, "1"), ("3", None, "3")]
    assert [label for label, _, _ in refs[1]] == ["2", "3", "40"]  # after a range: no single source to own it
    assert refs[2] == [("40", None, None)]
    assert [label for label, _, _ in refs[3]] == ["1", "40", "2"]  # not closing its group
    assert [d.arguments["label"] for d in linked.diagnostics if d.code == "CIT001"] == ["40", "40", "40"]
    assert not [d for d in linked.diagnostics if d.code == "CIT008"]


def test_a_number_just_past_the_list_is_a_missing_entry_not_a_page(tmp_path):
    # With 5 entries, `[2, 7]` may well cite an entry 7 the list lacks (or its reading missed).
    linked = _paper(tmp_path, "Нечёткие меры [2, 7] и [1, 10]. Также [3], [4], [5].")
    assert [d.arguments["label"] for d in linked.diagnostics if d.code == "CIT001"] == ["7", "10"]
    assert not [d for d in linked.diagnostics if d.code == "CIT008"]


def test_an_english_paper_never_writes_a_page_so(tmp_path):
    # `[1, 9]` with two entries in an English paper: entry 9 is missing (CIT001), as issue 17's
    # escapes case has it; only GOST's habit writes a bare page after the comma.
    paper = tmp_path / "paper.txt"
    paper.write_text("A study of costs\n\nCosts rose by 5% in 2020 [1, 9].\n\nReferences\n\n1. One A. A book. London: Press, 2001.\n2. Two B. A paper. Journal, 2002, 3, 1-9.\n", encoding="utf-8")
    linked = read_and_link(str(paper))
    assert [d.arguments["label"] for d in linked.diagnostics if d.code == "CIT001"] == ["9"]
    assert not [d for d in linked.diagnostics if d.code == "CIT008"]
