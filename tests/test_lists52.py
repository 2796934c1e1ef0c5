"""lists52: the comparison's title conventions (the lead's decision on two label questions lists51
raised) and conventions read from batch 37's misses (bench/UNSEEN_LISTS.md), each tested on
invented entries."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import entry_fields  # noqa: E402  (bench/entry_fields.py)


def test_kind_of_work_and_edition_are_no_part_of_the_compared_title():
    """GOST 7.1's other title information naming the kind of work after the last colon, and an
    edition statement after the last comma, are compared without, on the label and the parse
    side alike (ENTRY_FIELDS.md's rules (10) and (11)); a lower-case subtitle naming no kind of
    work stays, as does a kind of work in capitals (a title's own words)."""
    same = {
        "Основы счёта мостов": ("Основы счёта мостов : учебное пособие", "Основы счёта мостов: учеб.-метод. пособие для вузов",
                                "Основы счёта мостов : дис. … канд. техн. наук", "Основы счёта мостов: автореф. дис. … д-ра наук",
                                "Основы счёта мостов : монография", "Основы счёта мостов : сб. науч. тр.", "Основы счёта мостов, 3-е изд., перераб. и доп."),
        "Көпірлерді санау": ("Көпірлерді санау: оқу құралы", "Көпірлерді санау: оқулық"),
        "Counting bridges": ("Counting bridges, 2nd ed.", "Counting bridges, Second Edition", "Counting bridges, Edition 2",
                             "Counting bridges, 3rd edn"),
    }
    for proper, forms in same.items():
        for form in forms:
            assert entry_fields.label_values({"title": form})["title"] == entry_fields.label_values({"title": proper})["title"], form
            assert entry_fields.parsed_values({"title": form})["title"] == entry_fields.parsed_values({"title": proper})["title"], form
    for kept in ("Риски и шансы: неопределенность и оценка", "Bridges: two river examples", "Мосты: Монография о мостах",
                 "Counting bridges, second thoughts"):
        assert entry_fields.parsed_values({"title": kept})["title"] == entry_fields.label_values({"title": kept})["title"]
        assert len(entry_fields.parsed_values({"title": kept})["title"]) > 20, kept


def _fields(text: str) -> dict[str, str]:
    from exporter.references.fields import parse_entry

    return {name: value for name, value, _, _ in parse_entry(text).fields}


def test_corporate_body_opening_a_vancouver_entry():
    """Vancouver's corporate author written whole before the title, the body named by its field
    or spelt with `&` and a lower-case word (not closed by an organisation's word): the sentence
    is the author, the title the next one; a person's name (initials) or a title sentence with
    no organisation's word is no body."""
    got = _fields("Northern Centre for River and Bridge Studies. Counting the bridges of small rivers: a field guide. "
                  "Riverside Press, Leeds, 2011. Available at: www.bridges.example/guide.pdf [accessed 3.4.16]")
    assert got["author"] == "{Northern Centre for River and Bridge Studies}"
    assert got["title"] == "Counting the bridges of small rivers: a field guide"
    got = _fields("The Bridges & Rivers products Safety Agency. Timber bridges: a note on their safety. 2014. "
                  "Available at: www.bridges.example/timber.pdf [accessed 1.2.16]")
    assert got["author"] == "{The Bridges & Rivers products Safety Agency}"
    assert got["title"].startswith("Timber bridges")
    got = _fields("Holm A, Krill B. Counting the bridges of small rivers. J River Stud 2013, 12(3): 45-52")
    assert got["author"].startswith("Holm")
    assert got["title"] == "Counting the bridges of small rivers"


def test_apa_journal_name_with_a_colon_and_no_volume():
    """APA's journal whose name holds a colon, an article in press (no volume or pages, its DOI
    after it): the journal's name runs on past the colon's next word to its full stop."""
    for name in ("Journal of Bridge Research: Human Factors and Performance", "Journal of Bridge Psychology: Human Learning and Memory"):
        got = _fields(f"Holm, A. B., & Krill, C. (2015). Counting the bridges of small rivers. {name}. http://dx.doi.org/10.1000/rs0000065.")
        assert got["journal"] == name
        assert got["title"] == "Counting the bridges of small rivers"
