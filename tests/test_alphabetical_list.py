"""A list sorted by name (GOST 7.32 allows it: laws first, then authors from А to Я, then Latin
ones) is not numbered by first citation, so its citations are never out of order (CIT003).
The papers here are invented; what each should report is read off them by eye."""

from __future__ import annotations

from exporter.collation import in_name_order
from exporter.pipeline import read_and_link

ENTRIES = [
    "Гражданский кодекс Российской Федерации (часть первая) : федер. закон от 30.11.1994 № 51-ФЗ.",
    "Абрамов А. А. Анализ рисков. – М. : Наука, 2015. – 200 с.",
    "Борисов Б. Б. Портфельные инвестиции. – СПб. : Питер, 2018. – 310 с.",
    "Ғалымов Ғ. Ғ. Қаржы нарығы. – Алматы : Ғылым, 2019. – 150 б.",
    "Дмитриев Д. Д. Ценные бумаги. – М. : Юрайт, 2020. – 250 с.",
    "Сидоров С. С. Рынок облигаций. – М. : Инфра-М, 2017. – 180 с.",
    "Graham B. The intelligent investor. – New York : Harper, 2006. – 640 p.",
]


def paper(entries: list[str]) -> str:
    body = "Самые ранние работы [6], затем [2, с. 5] и [4]; также [1], [3], [5] и [7].\n"
    listed = "\n".join(f"{k}. {text}" for k, text in enumerate(entries, 1))
    return f"Инвестиции\n\nВведение\n\n{body}\nСписок литературы\n\n{listed}\n"


def cit003(tmp_path, entries: list[str]) -> int:
    source = tmp_path / "paper.txt"
    source.write_text(paper(entries), encoding="utf-8")
    return sum(d.code == "CIT003" for d in read_and_link(str(source)).diagnostics)


def test_an_alphabetical_list_is_not_told_to_number_by_first_citation(tmp_path):
    assert cit003(tmp_path, ENTRIES) == 0


def test_a_list_in_no_name_order_still_is(tmp_path):
    shuffled = [ENTRIES[k] for k in (5, 1, 6, 3, 0, 4, 2)]
    assert not in_name_order(shuffled)
    assert cit003(tmp_path, shuffled) == 3  # [6] before [2], then [1] and [3] after [4]; [2], [4], [5], [7] rise


def test_name_order_is_the_kazakh_alphabets_with_latin_after():
    assert in_name_order(["Абай", "Әлиев", "Бек", "Ғани", "Қасым", "Smith"])
    assert not in_name_order(["Smith", "Абай", "Әлиев", "Бек", "Ғани"][::-1])
    assert not in_name_order(["Абай", "Бек", "Ғани", "Қасым"])  # too few to tell
