"""Romanised reference lists: the "References" block Kazakh and Russian journals print after
their GOST list for Scopus and Web of Science, each Cyrillic entry transliterated letter by
letter, Latin entries unchanged, the numbering kept.

The letter tables are data, in the venue's folder (`transliteration.toml`): a journal names its
own. The shipped one follows what Kazakh journals' author guidelines ask: Kazakh text in the
Kazakh Latin alphabet of 2021, Russian text in the "BSI" table of translit.ru (`х` → `kh`,
`ц` → `ts`, `ий` → `ii`, `ь` → `'`), and a `[in Kazakh]` / `[in Russian]` mark after the entry.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import InputError

# Letters Kazakh writes and Russian does not: an entry holding one is Kazakh.
KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")


@dataclass(frozen=True)
class Scheme:
    """One language's letter table (lower-case Cyrillic → Latin) and the mark the entry gets."""

    name: str
    letters: dict[str, str]
    mark: str = ""  # e.g. `[in Kazakh]`, appended to a transliterated entry

    def word(self, word: str) -> str:
        """A Cyrillic word in Latin letters, its case kept: `Шоқан` → `Şoqan`, `ХАН` → `KHAN`."""
        out = []
        for ch in word:
            latin = self.letters.get(ch.lower(), ch)
            if ch.isupper():
                latin = latin.upper() if word.isupper() and len(word) > 1 else latin[:1].upper() + latin[1:]
            out.append(latin)
        return "".join(out)

    def text(self, text: str) -> str:
        return _CYRILLIC_WORD.sub(lambda m: self.word(m.group(0)), text)


@dataclass(frozen=True)
class Transliteration:
    """The venue's tables: Kazakh and Russian."""

    kk: Scheme
    ru: Scheme

    def entry(self, text: str) -> str:
        """An entry of the list as the References block prints it: Latin entries unchanged,
        a Cyrillic one transliterated by its language's table and marked."""
        return "".join(self.entry_parts([text]))

    def entry_parts(self, parts: list[str]) -> list[str]:
        """`entry` over an entry written in parts (its styled runs): the language read from the
        whole entry, each part transliterated, the mark after the last part."""
        whole = "".join(parts)
        if not _CYRILLIC.search(whole):
            return list(parts)
        scheme = self.kk if any(ch in KAZAKH_LETTERS for ch in whole) else self.ru
        out = [scheme.text(part) for part in parts]
        out[-1] = out[-1].rstrip()
        if scheme.mark:
            out[-1] += f" {scheme.mark}"
        return out


def load_transliteration(path: Path) -> Transliteration:
    """A venue's `transliteration.toml`: `[kk]` and `[ru]`, each `name`, `mark` and `letters`
    (every lower-case letter of the alphabet, to its Latin spelling)."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot be read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), f"invalid TOML: {exc}") from None
    schemes = {}
    for language, alphabet in (("kk", "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"), ("ru", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя")):
        table = raw.get(language)
        if not isinstance(table, dict) or not isinstance(table.get("letters"), dict):
            raise InputError(str(path), f"[{language}] with a `letters` table is required")
        letters = table["letters"]
        missing = [ch for ch in alphabet if not isinstance(letters.get(ch), str)]
        if missing:
            raise InputError(str(path), f"[{language}.letters] has no Latin spelling for {' '.join(missing)}")
        schemes[language] = Scheme(str(table.get("name", language)), {k: v for k, v in letters.items() if isinstance(v, str)}, str(table.get("mark", "")))
    return Transliteration(schemes["kk"], schemes["ru"])
