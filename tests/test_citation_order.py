"""CIT003 names the numbers that break the order of first citation, each once.

The papers are invented; which numbers are out of place is read off each by eye: the numbers
first cited in a rising run stay, the others are reported (GOST-style journals number a list by
first citation, so an editor asks the author to move those few, not every number after them)."""

from __future__ import annotations

from exporter.pipeline import read_and_link

# Numbered by first citation, so in no name order (a list sorted by name gets no CIT003).
NAMES = ["Сидоров", "Абрамов", "Петров", "Борисов", "Иванов", "Ғалымов", "Дмитриев", "Жуков", "Морозов", "Ким", "Васильев"]
ENTRY = "{n}. {name} А. А. Книга номер {n}. – М. : Наука, 20{n:02d}. – 100 с."


def order_findings(tmp_path, cited: list[int], entries: int) -> list[tuple[str, str, dict]]:
    body = "\n\n".join(f"Абзац {k} ссылается на источник [{n}] и продолжается." for k, n in enumerate(cited, 1))
    listed = "\n".join(ENTRY.format(n=n, name=NAMES[n - 1]) for n in range(1, entries + 1))
    source = tmp_path / "paper.txt"
    source.write_text(f"Статья\n\nВведение\n\n{body}\n\nСписок литературы\n\n{listed}\n", encoding="utf-8")
    return [(dict(d.args)["label"], d.variant, dict(d.args)) for d in read_and_link(str(source)).diagnostics if d.code == "CIT003"]


def test_one_number_cited_early_is_one_finding_not_one_per_number_after_it(tmp_path):
    # [9] was added to the introduction: [3]..[8] still follow each other in order.
    found = order_findings(tmp_path, [1, 2, 9, 3, 4, 5, 6, 7, 8], 9)
    assert [(label, variant) for label, variant, _ in found] == [("9", "early")]
    assert found[0][2]["before"] == 3


def test_one_number_cited_late_is_one_finding(tmp_path):
    found = order_findings(tmp_path, [1, 2, 4, 5, 6, 3, 7], 7)
    assert [(label, variant, args["after"]) for label, variant, args in found] == [("3", "", 6)]


def test_of_two_equal_runs_the_one_cited_first_stays(tmp_path):
    # 9, 11 and 5, 11 rise equally far: [9] came first, so [5] is the one out of place.
    found = order_findings(tmp_path, [9, 5, 11, 1, 2], 11)
    assert [(label, variant) for label, variant, _ in found] == [("5", ""), ("1", ""), ("2", "")]
    assert [args["after"] for _, _, args in found] == [9, 11, 11]


def test_a_list_cited_in_order_has_no_finding(tmp_path):
    assert order_findings(tmp_path, [1, 2, 2, 3, 1, 4], 4) == []
