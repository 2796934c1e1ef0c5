"""Cyrillic that a PDF's font mapping turned into Latin-1 or Mac Roman letters (`ÓÄÊ` for `УДК`):
repaired where a reversible single-byte mapping gives back words, refused where nothing does."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...diagnostics import Diagnostic, InputError

# A word printed with the wrong font table: letters and signs of the upper half of Latin-1 or
# Mac Roman (`Ï‡ÚÂÏ‡ÚË˜ÂÒÍ‡ˇ`), no ASCII letter and no Cyrillic one among them.
_UPPER_HALF = "\u00a1-\u00ff\u0131\u0152\u0153\u0178\u0192\u02c6\u02c7\u02d8-\u02dd\u2013-\u2044\u2122\u2202-\u2265\u25ca\uf8ff\ufb01\ufb02"
SUSPECT_WORD = re.compile(rf"(?<![\w{_UPPER_HALF}])[{_UPPER_HALF}]*[\u00c0-\u00ff][{_UPPER_HALF}]*(?![\w{_UPPER_HALF}])")
_LATIN_1_LETTER = re.compile("[\u00c0-\u00ff]")  # what every suspect word holds
# (how the PDF's bytes were read, how they were meant): Windows-1251 text read as Latin-1 or
# Windows-1252 (`ÓÄÊ`), or as Mac Roman (`Ï‡ÚÂÏ‡ÚË˜ÂÒÍ‡ˇ`, Mac Cyrillic fonts in old PDFs).
# KZ-1048 is Windows-1251 with Kazakh letters in place of Serbian ones (`Қазақстан`).
# LaTeX's T2A font table (a LaTeX paper set in Cyrillic Computer Modern) is Windows-1251's
# letters with `Ё` and `ё` at 0x9C and 0xBC and guillemets at 0xBE and 0xBF (`¾Èññëåäîâàíèå`
# for `«Исследование`, `âñ¼ì` for `всём`): last, so a tie goes to the tables above.
MAPPINGS = (
    ("latin-1", "cp1251"), ("cp1252", "cp1251"), ("mac_roman", "cp1251"), ("latin-1", "kz1048"), ("cp1252", "kz1048"), ("mac_roman", "kz1048"),
    ("latin-1", "t2a"),
)
_T2A = str.maketrans({"њ": "Ё", "ј": "ё", "ѕ": "«", "ї": "»"})  # Windows-1251's 0x9C, 0xBC, 0xBE, 0xBF as T2A has them
_CYRILLIC_WORD = re.compile(r"^[«(\"]?[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+(?:-[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+)*[».,:;!?)\"]*$")
_WORDS = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]{4,}")
WHOLE_TEXT_SHARE = 0.3  # of the letters: the whole text is in the wrong table, not a few words


@dataclass(frozen=True, slots=True)
class Repair:
    lines: list[str]
    notes: tuple[Diagnostic, ...] = ()  # TXT003 for what was repaired, TXT005 for lines left as they were

    @property
    def note(self) -> Diagnostic | None:
        """The TXT003 note, when words were repaired."""
        return next((n for n in self.notes if n.code == "TXT003"), None)


def remap(word: str, mapping: tuple[str, str]) -> str | None:
    """`word` re-read through `mapping` (same length: single-byte tables), or None where a
    character has no byte in the first table or the result is not one Cyrillic word."""
    read_as, meant = mapping
    try:
        fixed = word.encode(read_as).decode("cp1251").translate(_T2A) if meant == "t2a" else word.encode(read_as).decode(meant)
    except UnicodeError:
        return None
    return fixed if _CYRILLIC_WORD.match(fixed) and _case_pattern_ok(fixed) else None


def _case_pattern_ok(word: str) -> bool:
    """A word is in lower case, capitalised or in capitals (`тОРГОВЛЯ` is not a word)."""
    letters = "".join(ch for ch in word if ch.isalpha())
    return letters.islower() or letters.isupper() or (letters[:1].isupper() and letters[1:].islower())


_VOWELS = set("аеёиоуыэюяәөұүіАЕЁИОУЫЭЮЯӘӨҰҮІ")


def _reads_as_words(words) -> bool:
    """Cyrillic prose has a vowel in nearly every word of four letters or more; letters that
    only form consonant clusters (`стркпл`) are not words."""
    long_words = [w for text in words for w in _WORDS.findall(text)]
    return bool(long_words) and sum(any(ch in _VOWELS for ch in w) for w in long_words) >= 0.9 * len(long_words)


_NAMES = {"latin-1": "Latin-1", "cp1252": "Windows-1252", "mac_roman": "Mac Roman", "cp1251": "Windows-1251", "kz1048": "KZ-1048", "t2a": "T2A (LaTeX)"}


def _line_mappings(found, lines_of) -> dict[int, tuple[tuple[str, str], dict[int, str]]]:
    """For each line with suspect words: the mapping that turns the most of them into Cyrillic
    words (on a tie, the one that does so for the most words of the whole text), and the words
    it repairs (index in `found` -> repaired word). Lines whose words no mapping reads are left out.

    Evidence: a PDF can print each run of text in its own font, so one line may be Mac Roman
    and the next Latin-1 (ru_korshunov's title lines are Mac Roman; `ÓÄÊ` lines are Latin-1)."""
    remapped = {mapping: {k: f for k, (_, m) in enumerate(found) if (f := remap(m.group(), mapping)) is not None} for mapping in MAPPINGS}
    overall = {mapping: len(fixed) for mapping, fixed in remapped.items()}
    out = {}
    for n, indexes in lines_of.items():
        best = max(MAPPINGS, key=lambda mp: (sum(k in remapped[mp] for k in indexes), overall[mp], -MAPPINGS.index(mp)))
        fixed = {k: remapped[best][k] for k in indexes if k in remapped[best]}
        if fixed:
            out[n] = (best, fixed)
    return out


# Cyrillic from a font that numbers its glyphs in Unicode's order from another start: every
# letter moved by one constant into Latin Extended-A and -B (`Ŝōœ 004.891.3` for `УДК 004.891.3`,
# U+02C7 below, in journal PDFs made with PScript5 and Distiller). A word wholly of those letters
# is no word of a language written in Latin (Czech, Slovak or Polish words mix them with ASCII).
_SHIFTED_WORD = re.compile(r"(?<![^\W\d_])[\u0100-\u024f]{3,}(?![^\W\d_])")
_FREQUENT = set("оеаинтсрвл")  # Russian's and Kazakh's most frequent letters
_SHIFTED_RUN = re.compile(r"(?<![^\W\d_])[\u0100-\u024f]+(?![^\W\d_])")  # once shown: short words and initials too (`Ŗŉ`, `ŗ.ŋ.`)
_SERBIAN_FOR_YO = str.maketrans("Ђђ", "Ёё")  # such fonts keep Ё one place after Е's run: Unicode's Ђ


def _shift_of(words: list[str]) -> int | None:
    """The one offset that moves nine in ten of the words' letters into Cyrillic `А`–`я` and
    makes the most of them Russian's most frequent letters; None when no offset does."""
    letters = [ord(ch) for w in words for ch in w]
    best, best_score = None, 0
    for offset in range(0x410 - 0x24F, 0x44F - 0x100 + 1):
        inside = sum(0x410 <= c + offset <= 0x44F for c in letters)
        score = sum(chr(c + offset).casefold() in _FREQUENT for c in letters)
        if inside >= 0.9 * len(letters) and score > best_score:
            best, best_score = offset, score
    return best


def unshifted(lines: list[str], path: str) -> tuple[list[str], tuple[Diagnostic, ...]]:
    """`lines` with Cyrillic moved back from Latin Extended-A and -B (`_SHIFTED_WORD`), with a
    TXT003 note. Evidence: such words hold a third of the text's letters or more (the whole
    text layer is in the shifted font), one offset puts nine in ten of their letters in `А`–`я`
    (`_shift_of`), and the words so read have a vowel in nine in ten (`_reads_as_words`)."""
    found = [(n, m) for n, line in enumerate(lines) for m in _SHIFTED_WORD.finditer(line)]
    if not found:  # (most texts: the letters are counted only where such a word stands)
        return lines, ()
    letters = sum(ch.isalpha() for line in lines for ch in line)
    if sum(len(m.group()) for _, m in found) < WHOLE_TEXT_SHARE * letters:
        return lines, ()
    offset = _shift_of([m.group() for _, m in found])

    def back(word: str) -> str:
        return "".join(chr(ord(ch) + offset) if 0x400 <= ord(ch) + offset <= 0x4FF else ch for ch in word).translate(_SERBIAN_FOR_YO)

    if offset is None or not _reads_as_words(back(m.group()) for _, m in found):
        return lines, ()
    fixed = [_SHIFTED_RUN.sub(lambda m: back(m.group()), line) for line in lines]
    n, m = found[0]
    note = Diagnostic.at_line(
        "TXT003", path, n + 1, m.start() + 1, variant="font", words=len(found), lines=len({k for k, _ in found}),
        tables=(f"Latin Extended-A shifted by U+{offset:04X}>Cyrillic",), written=m.group()[:24], repaired=back(m.group())[:24],
    )
    return fixed, (note,)


# Windows-1251's (and KZ-1048's) dashes, quotes, `…` and `№`-less signs at 0x80-0x9F, which
# Latin-1 reads as control characters (U+0080-U+009F).
_C1 = re.compile("[\u0080-\u009f]")


def _c1_sign(ch: str, meant: str) -> str:
    """The sign a control character read as Latin-1 stands for in `meant` (`\x96` -> `–`), one
    character for one (a PDF line's offsets hold); itself where the table has none there."""
    try:
        sign = ch.encode("latin-1").decode("cp1251" if meant == "t2a" else meant)
    except UnicodeDecodeError:
        return ch
    return sign if len(sign) == 1 and sign.isprintable() else ch


def repair_mojibake(lines: list[str], path: str) -> Repair:
    """Re-read words printed in the wrong font table, line by line, with a TXT003 note.

    Each line takes the mapping that reads the most of its suspect words (`_line_mappings`).
    Evidence, from the document itself: the words so repaired are taken when (a) at least two
    of them (four letters or more) are written elsewhere in the document, and half of them are,
    or (b) the suspect words hold a third of the text's letters or more (the whole text is in
    the wrong table), at least half of them map to Cyrillic words and nine in ten of those have
    a vowel. Lines whose words no mapping reads are left as they were, with a TXT005 warning,
    rather than refusing the whole text. A text mostly made of suspect words of which no
    mapping reads half is refused (InputError); a few such words are left as they are.
    """
    lines, shift_notes = unshifted(lines, path)
    if shift_notes:
        return Repair(lines, shift_notes)
    if not any(map(_LATIN_1_LETTER.search, lines)):  # no suspect word without one: most papers
        return Repair(lines)
    found = [(n, m) for n, line in enumerate(lines) for m in SUSPECT_WORD.finditer(line) if sum(ch.isalpha() for ch in m.group()) >= 3]
    if not found:
        return Repair(lines)
    suspect_letters = sum(sum(ch.isalpha() for ch in m.group()) for _, m in found)
    all_letters = sum(ch.isalpha() for line in lines for ch in line)
    whole = suspect_letters >= WHOLE_TEXT_SHARE * all_letters
    attested = set()
    for line in lines:
        attested.update(w.casefold() for w in _WORDS.findall(line))
    lines_of: dict[int, list[int]] = {}
    for k, (n, _) in enumerate(found):
        lines_of.setdefault(n, []).append(k)
    by_line = _line_mappings(found, lines_of)
    fixed_words = {k: f for _, fixed in by_line.values() for k, f in fixed.items()}
    long_words = [f for f in fixed_words.values() if len(_WORDS.findall(f)) == 1]
    known = [f for f in long_words if _WORDS.findall(f)[0].casefold() in attested]
    partial_ok = len(known) >= 2 and 2 * len(known) >= len(long_words)
    whole_ok = whole and 2 * len(fixed_words) >= len(found) and _reads_as_words(fixed_words.values())
    if not (partial_ok or whole_ok):
        if whole:
            n, m = found[0]
            raise InputError(
                path,
                f"looks like mojibake (`{m.group()[:24]}`: Cyrillic printed as Latin-1 or Mac Roman letters) and no known "
                "mapping (Latin-1, Windows-1252 or Mac Roman read as Windows-1251) turns it into words; extract the text again",
                n + 1,
            )
        return Repair(lines)
    repaired = list(lines)
    for n, (mapping, _) in by_line.items():  # on those lines, short words too (`Ò` -> `с`)
        repaired[n] = SUSPECT_WORD.sub(lambda m, mp=mapping: remap(m.group(), mp) or m.group(), lines[n])
        if mapping[0] == "latin-1":  # and the dashes and quotes Latin-1 reads as control characters (0x96 `–`)
            repaired[n] = _C1.sub(lambda m, meant=mapping[1]: _c1_sign(m.group(), meant), repaired[n])
    first_line = min(by_line)
    mapping, fixed = by_line[first_line]
    k = min(fixed)
    m = found[k][1]
    tables = sorted({mp for mp, _ in by_line.values()}, key=MAPPINGS.index)
    notes = [Diagnostic.at_line(
        "TXT003", path, first_line + 1, m.start() + 1, variant="font",
        words=len(fixed_words), lines=len(by_line), tables=tuple(f"{_NAMES[a]}>{_NAMES[b]}" for a, b in tables),
        written=m.group()[:24], repaired=fixed[k][:24],
    )]
    left = sorted(n for n in lines_of if n not in by_line)
    if left:  # the text has shown it holds mojibake: lines no mapping reads are likely more of it
        n = left[0]
        word = found[lines_of[n][0]][1]
        notes.append(Diagnostic.at_line("TXT005", path, n + 1, word.start() + 1, variant="font", count=len(left), word=word.group()[:24]))
    return Repair(repaired, tuple(notes))
