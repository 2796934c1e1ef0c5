"""Cross-references in paragraph text: `рис. 3`, `Figure 3`, `табл. 2`, `Table 2`, `формула (4)`,
`equation (2.1)`, `3-сурет`, `(4) формула`: shared by every reader, as citations are.

A reader calls `crossrefs_of` on the inlines `citations.inlines_of` gave it: the text between
citations is searched, and each reference becomes a `CrossRef` at its source place. A
figure's or table's own label where its caption starts (`Рис. 3. Схема…` opening a line)
becomes a CrossRef that `defines` the number; `crossref_findings` (crossref_check.py) links
them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .citations import Joined
from .model import Citation, CrossRef, Inline, LineBreak, Text

# A range wider than this is taken for a typo, not expanded (`рис. 1–900`).
MAX_RANGE = 50

_CYR = "а-яёәіңғүұқөһ"
_NUM = r"\d{1,3}(?:\.\d{1,3}){0,2}"
# An appendix's or a supplement's capital before the number (`Table A1`, `Fig. S2`, GOST's
# `Таблица А.1`), in capitals whatever the pattern's case (`рис. в 3` is no number).
_APPENDIX = r"(?:(?-i:[A-ZА-ЯЁ])\.?)?"
# The number of a figure or a table, a sub-figure's letter glued to it (`3а`, `3b`) allowed.
# A number glued to a word is a measure (`270min`, `23hrs`), not a figure's.
_FIG_NUM = rf"(?P<n>{_APPENDIX}{_NUM})(?!\d)(?:[a-z{_CYR}](?![\w]))?(?![\w.]\d)(?![^\W\d_]{{2}})"
# Words naming a figure, a table, an equation, in every case form the languages use. A case
# ending may hold a Latin letter shaped as a Cyrillic one (`таблицаx 4`, `рисункe 2`: typed in
# the other keyboard layout; the reader sees the word, so does the check).
_ENDING = f"[{_CYR}aeopcxy]"
_FIGURE = rf"рис\.|рисун{_ENDING}{{0,4}}\b|figs?\.|figs?\b|figures?\b|сурет{_ENDING}{{0,6}}\b"
_TABLE = rf"табл\.|таблиц{_ENDING}{{0,4}}\b|tabs?\.|tables?\b|кесте{_ENDING}{{0,6}}\b"
_EQUATION = (
    rf"формул[{_CYR}]{{0,5}}\b|выражени[{_CYR}]{{0,3}}\b|уравнени[{_CYR}]{{0,3}}\b|equations?\b|eqs?\.|eqns?\.|formula[se]?\b"
    rf"|теңдеу[{_CYR}]{{0,6}}\b|өрнек[{_CYR}]{{0,6}}\b"
)
_JOIN = r"\s*(?:,|;|\bи\b|\band\b|\bжәне\b|&|[-–—]|\bto\b|\bпо\b)\s*"
_EQ_ITEM = rf"(?P<item>\(\s*(?P<n>{_APPENDIX}{_NUM})[a-z{_CYR}]?\s*\))"

# `рис. 3`, `Figures 2 and 3`, `табл. 1–3`: the word, then numbers joined by commas, `и`, dashes.
_NAMED = re.compile(rf"(?<![\w])(?P<word>{_FIGURE}|{_TABLE})(?:\.(?=\d))?\s*(?:№\s*)?{_FIG_NUM}", re.IGNORECASE)  # `Table.2` too
_NEXT_NUMBER = re.compile(rf"(?P<join>{_JOIN}){_FIG_NUM}", re.IGNORECASE)
# English's singular full word names one number: after `Figure 1B,` a number is the sentence's
# (`Figure 1B, 15 min`, `Table 2, 4 of 9 cases`); `and` or a dash still go on (`Figure 1 and 2`).
_NEXT_AFTER_SINGULAR = re.compile(rf"(?P<join>\s*(?:\band\b|&|[-–—]|\bto\b)\s*){_FIG_NUM}", re.IGNORECASE)
_SINGULAR = frozenset({"figure", "table"})
# `3-сурет`, `2-кестеде` (Kazakh puts the number first).
_NUMBER_FIRST = re.compile(rf"(?<![\w.]){_FIG_NUM}\s*-\s*(?P<word>сурет[{_CYR}]{{0,6}}\b|кесте[{_CYR}]{{0,6}}\b)", re.IGNORECASE)
# `формула (4)`, `equations (2)–(4)`, `Eq. (3)`, `eq. 5`.
_EQ_NAMED = re.compile(rf"(?<![\w])(?P<word>{_EQUATION})\s*(?:№\s*)?(?:{_EQ_ITEM}|(?<=\.)\s*(?P<bare>{_NUM})(?!\d)(?![\w.]\d))", re.IGNORECASE)
_EQ_NEXT = re.compile(rf"(?P<join>{_JOIN}){_EQ_ITEM}", re.IGNORECASE)
# `(4) формула`, `(4)-формуладан` (Kazakh).
_EQ_NUMBER_FIRST = re.compile(rf"{_EQ_ITEM}\s*-?\s*(?:формул[{_CYR}]{{0,8}}\b|теңдеу[{_CYR}]{{0,6}}\b|өрнек[{_CYR}]{{0,6}}\b)", re.IGNORECASE)

# Each pattern above needs one of these (case folded); most paragraphs hold none and are not
# scanned four times. `ı` and `İ` fold to `i` as `re.IGNORECASE` matches them (a test checks
# every code point against the patterns' letters).
KEYWORDS = ("рис", "fig", "сурет", "табл", "tab", "кесте", "формул", "выражени", "уравнени", "eq", "formula", "теңдеу", "өрнек")
# A table's caption on the page it runs on to, after its label (`Таблица 2. Окончание`,
# `Table 2 (continued)`), or in place of it (`Окончание табл. 1`, `1-кестенің жалғасы`).
CONTINUATION = re.compile(r"^\(?(?:продолжение|окончание|continued|cont\.|жалғасы|соңы)\b", re.IGNORECASE)
_TABLE_GOES_ON = re.compile(rf"^\s*(?:(?:продолжение|окончание)\s+(?:{_TABLE})\s*(?:№\s*)?(?P<n>{_NUM})|(?P<k>{_NUM})\s*[-–]\s*кестенің\s+(?:жалғасы|соңы))(?![\w.]\d)", re.IGNORECASE)


def continued_table(text: str) -> str | None:
    """The number of the table a line says it continues with no label before (`Окончание
    табл. 1`, `Продолжение таблицы 2`, `1-кестенің жалғасы`), else None."""
    m = _TABLE_GOES_ON.match(text)
    return None if m is None else m.group("n") or m.group("k")


# IEEE numbers its tables in capital Roman numerals over the caption: `TABLE II`, `Table IV.`
_ROMAN_TABLE = re.compile(r"^\s*(?:TABLE|Table)\s+(?P<n>[IVXL]{1,6})(?![\w])\.?\s*")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_table_label(text: str) -> tuple[str, int] | None:
    """The number (in Arabic digits) of a table a caption names in Roman ones (`TABLE II` ->
    `2`), and where the caption's words begin; None for any other text."""
    m = _ROMAN_TABLE.match(text)
    if m is None:
        return None
    return _arabic(m.group("n")), m.end()


def _arabic(roman: str) -> str:
    values = [_ROMAN[c] for c in roman]
    return str(sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values)))


# IEEE's references to those tables, in the text as in captions: `Table IV`, `TABLE II`.
_ROMAN_NAMED = re.compile(r"(?<![\w])(?P<word>TABLE|Table)S?\s+(?P<n>[IVXL]{1,6})(?![\w])")


_AS_IGNORECASE = {0x130: "i", 0x131: "i"}


def folded(text: str) -> str:
    """`text` case folded as the patterns match it (`FİG` is `fig`)."""
    return text.translate(_AS_IGNORECASE).casefold()


def may_refer(text: str) -> bool:
    """Whether `text` holds a word any cross-reference needs (False: it holds none)."""
    text = folded(text)
    return any(word in text for word in KEYWORDS)


# A caption opens with its label in the nominative: `Рис.`, `Рисунок`, `Figure`, `Table`, `3-сурет`.
_CAPTION_WORDS = {"рис.", "рисунок", "fig.", "fig", "figure", "сурет", "табл.", "таблица", "table", "кесте"}


def is_caption_label(line: str) -> bool:
    """A line holding only a caption's label word (`Рисунок`, `Table`, `Рис.`): a caption
    broken before its number, as a text layer breaks `Рисунок` / `3 - Диаграмма классов`."""
    return folded(" ".join(line.split())) in _CAPTION_WORDS


def kind_of(word: str) -> str:
    word = folded(word)
    if word.startswith(("рис", "fig", "сурет")):
        return "figure"
    if word.startswith(("табл", "tab", "кесте")):
        return "table"
    return "equation"


@dataclass(frozen=True, slots=True)
class Found:
    """A reference found in text: [start, end) of what is written, its kind and number;
    `defines` for a caption's own label; `implied` for a number a range stands for without
    writing it (`8–10` refers to 9), which takes no text."""

    start: int
    end: int
    kind: str
    number: str
    defines: bool = False
    implied: bool = False


def find_crossrefs(text: str, line_starts: tuple[int, ...] = (0,), opening: int | None = 0, source_lines: tuple[int, ...] | None = None) -> list[Found]:
    """The cross-references in `text`, in order; `line_starts` are the offsets, in order,
    where a source line (or the block) began, which is where a caption's label stands;
    `opening` is where the block's text begins (None: `text` is not a block's beginning);
    `source_lines`, where only the source's lines began (a PDF's `line_starts` also hold the
    runs after a wide gap), `line_starts` when not given."""
    found: list[Found] = []
    if not may_refer(text):
        return found
    for m in _NAMED.finditer(text):
        if _alone_on_its_line(text, m.start("n"), m.end("n"), line_starts if source_lines is None else source_lines):
            continue  # `… fallback table` / `6` / `f ailed_key ← k`: a listing's line number, a page's number
        kind = kind_of(m.group("word"))
        defines = is_caption(text, m.start(), m.end(), m.group("word"), line_starts, opening, source_lines)
        found.append(Found(m.start(), m.end("n"), kind, m.group("n"), defines))
        if not defines:
            after = _NEXT_AFTER_SINGULAR if folded(m.group("word")) in _SINGULAR else _NEXT_NUMBER
            found.extend(_more_numbers(text, m.end(), kind, m.group("n"), after))
    for m in _ROMAN_NAMED.finditer(text):
        defines = is_caption(text, m.start(), m.end(), m.group("word"), line_starts, opening, source_lines)
        found.append(Found(m.start(), m.end("n"), "table", _arabic(m.group("n")), defines))
    for m in _NUMBER_FIRST.finditer(text):
        defines = is_caption(text, m.start(), m.end(), m.group("word"), line_starts, opening, source_lines)
        found.append(Found(m.start(), m.end(), kind_of(m.group("word")), m.group("n"), defines))
    for m in _EQ_NAMED.finditer(text):
        if m.group("item"):
            found.append(Found(m.start("item"), m.end("item"), "equation", m.group("n")))
            found.extend(_more_numbers(text, m.end(), "equation", m.group("n"), _EQ_NEXT))
        else:
            found.append(Found(m.start(), m.end("bare"), "equation", m.group("bare")))
    for m in _EQ_NUMBER_FIRST.finditer(text):
        found.append(Found(m.start("item"), m.end("item"), "equation", m.group("n")))
    return _without_overlaps(found)


def _alone_on_its_line(text: str, start: int, end: int, line_starts: tuple[int, ...]) -> bool:
    """Whether text[start:end] is a source line of its own, the word before it ending the line
    above: a numbered listing's line number (`Insert to fallback table` / `6`) or a page number,
    which no reference writes so (a wrapped `Table` / `6 shows …` goes on after its number)."""
    i = bisect.bisect_left(line_starts, start)
    if i == len(line_starts) or line_starts[i] != start:
        return False
    following = line_starts[i + 1] if i + 1 < len(line_starts) else len(text)
    return not text[end:following].strip()


def _more_numbers(text: str, at: int, kind: str, first: str, pattern: re.Pattern) -> list[Found]:
    """The numbers that follow a reference's first one: `2 и 3`, `8–10` (9 implied), `(3)–(5)`."""
    out: list[Found] = []
    previous = first
    while (m := pattern.match(text, at)) is not None:
        number = m.group("n")
        where = "item" if kind == "equation" else "n"
        if m.group("join").strip() in ("-", "–", "—"):
            out.extend(Found(m.start(where), m.start(where), kind, n, implied=True) for n in _between(previous, number))
        out.append(Found(m.start(where), m.end(where) if kind == "equation" else m.end(), kind, number))  # a part's letter with its number (`2б`)
        previous, at = number, m.end()
    return out


def _between(first: str, last: str) -> list[str]:
    """The numbers a range `first–last` stands for without writing them: `8–10` -> 9,
    `1.3–1.6` -> 1.4, 1.5; none for a reversed or too wide range."""
    ma, mb = _LAST_NUMBER.fullmatch(first), _LAST_NUMBER.fullmatch(last)
    if ma is None or mb is None or ma["head"] != mb["head"]:
        return []  # `A1–B3`, `2.1–3.4`: no numbers implied
    a, b = int(ma["n"]), int(mb["n"])
    if not a < b <= a + MAX_RANGE:
        return []
    return [f"{ma['head']}{n}" for n in range(a + 1, b)]


_LAST_NUMBER = re.compile(r"(?P<head>.*?)(?P<n>\d+)")  # `A1` -> A, 1; `2.3` -> `2.`, 3


# The text before a reference that opens a line ends in a word that takes one (`shown in`,
# `на`, `см.`), or an opening bracket or comma; a caption's label follows none of these.
_REFERRING = re.compile(
    r"(?:\b(?:in|on|at|see|of|from|to|and|or|with|by|as|than|cf|в|на|см|из|по|и|или|к|с|со|от|при|согласно|также|тақырыпта|және)\.?|[(,\[])\s*$",
    re.IGNORECASE,
)
_CYRILLIC_WORD = re.compile(r"[а-яёәіңғүұқөһ]", re.IGNORECASE)
_STRONG_SEPARATOR = re.compile(r"\s*[:–—]|\s*-\s")  # `Figure 4:`, `Рисунок 2 – …`, `Таблица 9- Перекодирование` (not `Table 9-1`)
_ANY_SEPARATOR = re.compile(r"\s*[.,;:–—-]")
_WEAK_SEPARATOR = re.compile(r"\.|\s+[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ]")  # `Рис. 2. Блок-схемы`, `Figure 1 Steps involved`


def is_caption(text: str, start: int, end: int, word: str, line_starts: tuple[int, ...], opening: int | None = None, source_lines: tuple[int, ...] | None = None) -> bool:
    """A figure's or table's label opening its caption: `Рис. 3. Схема`, `Таблица 2 – …`,
    `Figure 4: CMB…`, `Figure 1 Steps involved…`, `Table 4` alone on its line, `2-кесте`.

    Rule: the label is in the nominative form captions use, capitalised, and opens a line
    (or the block). After its number comes a colon or a dash (a caption), or a full stop, a
    capitalised word or the line's end: a caption, unless the label is Latin and the text
    before ends in a word that takes a reference (`shown in` / `Fig. 3.` ends a sentence).
    Opening its block (a Word paragraph), any punctuation after the number will do
    (`Fig. 10, group rights`).
    """
    i = bisect.bisect_left(line_starts, start)
    if i == len(line_starts) or line_starts[i] != start or folded(word) not in _CAPTION_WORDS:
        return False
    if not (text[start].isupper() or text[start].isdigit()):
        return False
    if _STRONG_SEPARATOR.match(text, end) or (start == opening and _ANY_SEPARATOR.match(text, end)):
        return True
    j = bisect.bisect_right(line_starts, end)
    line_end = line_starts[j] if j < len(line_starts) else len(text)
    if source_lines is not None and not text[line_end : line_end + 1].isupper() and not text[line_end : line_end + 1].isdigit():
        # a PDF's run after a wide gap (`line_starts`) ends the label's line only where the run
        # opens a caption's text (`Fig. 10` … `3D topographic maps`), not a sentence going on in
        # small letters (`Рисунок 1` … `демонстрирует начало`): there the source's line does
        k = bisect.bisect_right(source_lines, end)
        line_end = source_lines[k] if k < len(source_lines) else len(text)
    if not (_WEAK_SEPARATOR.match(text, end) or not text[end:line_end].strip()):
        return False
    # Russian and Kazakh write a reference in lower case (`на рис. 4`): a capitalised `Рис. 4.`
    # opening a line is a caption whatever stands before it (a figure's panel letter `в`).
    return _CYRILLIC_WORD.match(word) is not None or _REFERRING.search(text[max(0, start - 20) : start]) is None


def _without_overlaps(found: list[Found]) -> list[Found]:
    """In order of place; of two overlapping finds the earlier (and longer) one stays."""
    out: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start, not f.implied, -(f.end - f.start))):
        if out and not f.implied and f.start < out[-1].end and not out[-1].implied:
            continue
        out.append(f)
    return out


# ---- into the inlines of a reader --------------------------------------------------------


def crossrefs_of(inlines: tuple[Inline, ...], joined: Joined, at_start: bool = True, starts: Iterable[int] = ()) -> tuple[Inline, ...]:
    """`inlines` (Text and Citation nodes covering `joined.text`, as `inlines_of` returns
    them) with each cross-reference in their text made a CrossRef at its source place.
    `at_start`: the text begins a block or a line; `starts`: more offsets where the layout
    begins something anew (a PDF's run after a wide gap): where a caption's label can stand."""
    lines = {joined.offsets[i] for i in range(1, len(joined.offsets)) if joined.places[i][0] != joined.places[i - 1][0]}
    opening = len(joined.text) - len(joined.text.lstrip()) if at_start else None  # a Word paragraph may open with spaces
    begun = lines | ({opening} if at_start else set())
    found = find_crossrefs(joined.text, tuple(sorted(begun | set(starts))), opening, tuple(sorted(begun)))
    if not found:
        return inlines
    out: list[Inline] = []
    offset = 0
    k = 0
    for node in inlines:
        size = len(node.text) if isinstance(node, Text) else len(node.raw) if isinstance(node, Citation) else 0
        if not isinstance(node, Text):
            out.append(node)
            offset += size
            while k < len(found) and found[k].start < offset:
                k += 1
            continue
        cursor = 0
        while k < len(found) and found[k].end <= offset + size:
            f = found[k]
            k += 1
            if f.start < offset + cursor:
                continue
            local = f.start - offset
            if local > cursor:
                out.append(Text(node.text[cursor:local]))
            raw = joined.text[f.start : f.end]
            span = joined.span(f.start, max(f.end, f.start + 1))
            out.append(CrossRef(raw, f.kind, f.number, span, defines=f.defines))
            cursor = f.end - offset
        if cursor < size:
            out.append(Text(node.text[cursor:]))
        offset += size
    return tuple(out)


_SEPARATOR = re.compile(r"^\s*[.:–—-]?\s*")


def without_caption_label(inlines: tuple[Inline, ...]) -> tuple[tuple[Inline, ...], str | None]:
    """A caption's words without its own label (`Рисунок 3 – ` of `Рисунок 3 – Схема`), and the
    number that label gives; the editions print the label themselves (`Figure 3.`, as Word's
    captions are read). A caption that opens with no label is returned as it is."""
    first = next((k for k, node in enumerate(inlines) if not (isinstance(node, Text) and not node.text.strip() or isinstance(node, LineBreak))), None)
    if first is None or not (isinstance(inlines[first], CrossRef) and inlines[first].defines):
        return inlines, None
    rest = list(inlines[first + 1 :])
    if rest and isinstance(rest[0], Text):
        text = _SEPARATOR.sub("", rest[0].text, count=1)
        rest = ([Text(text)] if text else []) + rest[1:]
    return tuple(rest), inlines[first].number
