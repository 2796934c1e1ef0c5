"""A caption's label as a Word paper writes it (`Рис. 3 –`, `Figure 2.`, `Таблица 1`): read by
the caption rules (`captions`) and by the drawings' reader (`media`: a caption's box grouped
with a drawing), so neither reads the other's records."""

from __future__ import annotations

import re

FIGURE_WORDS = r"рис(?:\.|унок|унке|\b)|fig(?:\.|ure|\b)|сурет|фигур[аеы](?=\s*\d)"
TABLE_WORDS = r"табл(?:\.|ица|\b)|table\b|кесте"
# The number may open with an appendix's or a supplement's capital: `Table A1`, `Fig. S2`, GOST's `Таблица А.1`.
LABEL = re.compile(rf"^\s*(?:(?P<figure>{FIGURE_WORDS})|(?P<table>{TABLE_WORDS}))\s*(?P<number>(?:(?-i:[A-ZА-ЯЁ])\.?)?\d{{1,4}}(?:[.\-–]\d{{1,4}}){{0,3}}[a-zа-я]?)?", re.IGNORECASE)
SENTENCE_GOES_ON = re.compile(r"^\s+[a-zа-яёәғқңөұүһі]", re.UNICODE)  # a lower-case word right after the number


def starts_as_caption(text: str) -> bool:
    """Text that opens with a figure's or table's label and its number, no sentence going on
    (`Рис. 3 – Схема`, `Figure 2.`, `Таблица 1`): a caption wherever it stands (a text box
    grouped with a drawing)."""
    m = LABEL.match(text)
    return bool(m and m.group("number") and not SENTENCE_GOES_ON.match(text[m.end():]))
