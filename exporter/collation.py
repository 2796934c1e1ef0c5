"""The order names are sorted in, as Kazakh and Russian lists sort them: Cyrillic first, in the
Kazakh alphabet's order (Russian letters keep their relative order within it), then Latin,
accents aside. The proceedings' author index sorts by it; the checks ask whether a paper's
own list is sorted by it (an alphabetical list is not numbered by first citation)."""

from __future__ import annotations

import unicodedata

_KAZAKH = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
_RANK = {ch: n for n, ch in enumerate(_KAZAKH)}


def collation_key(name: str) -> tuple:
    """Cyrillic names first, in the Kazakh alphabet's order; Latin ones after, accents aside."""
    key = []
    for ch in name.upper():
        if ch in _RANK:
            key.append((0, _RANK[ch]))
        elif ch.isalpha():
            base = unicodedata.normalize("NFD", ch)[0]
            key.append((1, ord(base), ord(ch)))
        elif ch.isdigit():
            key.append((2, ord(ch)))
    return (key[0][0] if key else 3, key, name)


# A list in which at least this share of neighbours stand in name order is sorted by name: a
# list numbered by first citation has its names in no order (about half its neighbours in
# order), and an alphabetical one may open with laws and standards out of it.
SORTED_SHARE = 0.8
MIN_SORTED = 5  # fewer entries fall in order by chance too often to tell


def in_name_order(names: list[str]) -> bool:
    """Whether `names` (each entry's opening words) are sorted as an alphabetical list is."""
    if len(names) < MIN_SORTED:
        return False
    keys = [collation_key(name) for name in names]
    in_order = sum(a[:2] <= b[:2] for a, b in zip(keys, keys[1:]))
    return in_order >= SORTED_SHARE * (len(keys) - 1)
