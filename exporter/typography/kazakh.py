"""Kazakh hyphenation by the orthography's syllable rules (TeX Live, LibreOffice and pyphen have
no Kazakh patterns).

The rules are those of «Қазақ тілінің емле ережелері», section «Сөздердің тасымалдануы» (word
division; as printed in the orthographic dictionary, Астана 2013, ред. Н. Уәли, and quoted in
school grammars):

1. A word is divided between syllables: ала-қан, ор-на-лас-ты-ру; each syllable has one vowel.
2. A single consonant between two vowels starts the next syllable: қа-ла, мек-теп.
3. Of two or three consonants between vowels, the last starts the next syllable:
   құмырс-қа (not құмыр-сқа), күңгірт-теу, жаңғырт-ты.
4. Й and у between two vowels start the next syllable: да-уыс (not дау-ыс), са-уат,
   да-йындық, құ-йын.
5. У and и written for үу, ұу, ый, ій are vowels, and the next syllable starts with the
   following vowel: бу-ын, су-ық, қи-ын, ки-ім, ту-ынды.
6. A syllable of one letter is neither left at the end of a line nor carried to the next:
   ала-қан (not а-лақан), еле-уіш, ар-мия (not арми-я), ою-лы; so атом, ақыл, отыр are not
   divided at all; nor is a word of one syllable (төрт, пункт).
7. Russian words, with or without Kazakh endings, are divided by the same syllables: про-ект,
   ро-яль, по-эма, съез-дің (not съезд-ің): ь and ъ stay with the consonant before them.
8. Abbreviations (ҚР, БҰҰ, ҚазҰУ) are not divided.

`positions(word)` gives the offsets where a hyphen may go; it never looks outside the word.
"""

from __future__ import annotations

from functools import lru_cache

VOWELS = frozenset("аәеёиоөұүыіэюяу")
SIGNS = frozenset("ьъ")
CONSONANTS = frozenset("бвгғдджзйкқлмнңпрстфхһцчшщ")
LETTERS = VOWELS | SIGNS | CONSONANTS
# Letters only Kazakh uses (the Cyrillic the two languages share is not evidence).
KAZAKH_ONLY = frozenset("әғқңөұүһі")
MIN_PART = 2  # rule 6: at least two letters on each side of a hyphen


def _nuclei(word: str) -> list[int]:
    """Offsets of the letters that are a syllable's vowel (rules 4 and 5 decide у)."""
    out = []
    n = len(word)
    for i, ch in enumerate(word):
        if ch != "у":
            if ch in VOWELS:
                out.append(i)
            continue
        before = word[i - 1] if i else ""
        after = word[i + 1] if i + 1 < n else ""
        if out and out[-1] == i - 1:
            continue  # after a vowel, у is the consonant [w]: тау-лар, да-уыс
        if not before and after in VOWELS:
            continue  # word-initial у before a vowel is [w]: уа-қыт, уә-де
        out.append(i)  # between consonants, or after a consonant: the vowel ұу/үу (бу-ын, су-ық)
    return out


def _boundary(word: str, left: int, right: int) -> int:
    """Where the syllable of the vowel at `right` starts, the vowel before it being at `left`."""
    # Consonant units between the two vowels: ь/ъ belong to the consonant before them.
    units = [j for j in range(left + 1, right) if word[j] not in SIGNS]
    if not units:
        return right  # two vowels side by side: про-ект, қи-ын
    return units[-1]  # one consonant, or the last of two or three (rules 2 and 3)


@lru_cache(maxsize=65536)
def _positions_lower(word: str) -> tuple[int, ...]:
    nuclei = _nuclei(word)
    out = []
    for left, right in zip(nuclei, nuclei[1:]):
        cut = _boundary(word, left, right)
        if MIN_PART <= cut <= len(word) - MIN_PART:
            out.append(cut)
    return tuple(out)


def is_kazakh_word(word: str) -> bool:
    """Whether every character is a Cyrillic letter of the Kazakh alphabet."""
    return bool(word) and LETTERS.issuperset(word.lower())


def positions(word: str) -> tuple[int, ...]:
    """Offsets in `word` where it may be divided (a hyphen goes before the character there).

    Not a Kazakh word (other letters, digits, punctuation) or an abbreviation (a capital after
    the first letter): no positions.
    """
    if not is_kazakh_word(word) or word[1:] != word[1:].lower():
        return ()  # a capital after the first letter: an abbreviation (ҚР, ҚазҰУ; rule 8)
    return _positions_lower(word.lower())
