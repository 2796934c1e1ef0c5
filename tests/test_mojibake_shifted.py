"""A text layer whose Cyrillic font numbers its glyphs in Unicode's order from another start:
every letter moved by one constant into Latin Extended-A and -B (`Ŝōœ` for `УДК`). The paper
below is invented; its letters are shifted here, by two different offsets."""

from __future__ import annotations

from exporter.readers.plaintext import read_plaintext
from exporter.readers.plaintext.mojibake import repair_mojibake
from exporter.sourcefile import SourceText

PAPER = """Вестник прикладной механики, т. 7, 2019

УДК 621.01

РАСЧЁТ УПРУГОЙ ОПОРЫ НА ЛЕГКОМ СТЕНДЕ

© 2019 А.Б. Смирнова, В.Г. Тарасов

Волжский институт машиноведения

Аннотация. В статье рассмотрена модель упругой опоры стенда, предложен метод её расчёта и
показано, что погрешность расчёта не превышает пяти процентов на всех режимах нагружения.
Ключевые слова: упругая опора, стенд, расчёт.

Введение
Стенды для испытаний опор широко применяются в машиностроении, и расчёт их элементов
остаётся важной задачей для конструкторов и исследователей.
"""


def shifted(text: str, offset: int) -> str:
    """Each Cyrillic letter moved down by `offset`; Ё where such fonts keep it (one after Ђ's place)."""
    def move(ch: str) -> str:
        if ch in "Ёё":
            return chr(ord("Ђ" if ch == "Ё" else "ђ") - offset)
        return chr(ord(ch) - offset) if "А" <= ch <= "я" else ch
    return "".join(map(move, text))


def test_shifted_cyrillic_is_moved_back_with_a_note():
    for offset in (0x2C7, 0x300):
        bad = shifted(PAPER, offset).split("\n")
        assert bad[2] == ("Ŝōœ 621.01" if offset == 0x2C7 else "ģĔĚ 621.01")
        repair = repair_mojibake(bad, "t.txt")
        assert repair.lines == PAPER.split("\n")
        assert repair.note is not None and f"U+{offset:04X}" in repair.note.message


def test_shifted_paper_reads_its_title_and_authors():
    doc = read_plaintext(SourceText("t.txt", shifted(PAPER, 0x2C7), "utf-8"))
    assert doc.meta.title_text == "РАСЧЁТ УПРУГОЙ ОПОРЫ НА ЛЕГКОМ СТЕНДЕ"
    assert doc.meta.authors[:2] == ("А.Б. Смирнова", "В.Г. Тарасов")


def test_czech_and_polish_words_are_not_shifted():
    lines = ["Řízení dynamiky vozidla: Łódź, Wrocław, Poznań", "Tomáš Dvořák, Jiří Šťastný", "Úvod do problému řešení."]
    assert repair_mojibake(lines, "t.txt").lines == lines
