"""The paper's own reference list: finding it and splitting it into entries.

Text pulled out of a PDF prints the list in many shapes: under a heading in any of the
journals' wordings (numbered, lettered, in capitals, with a colon, in two languages on one
line), or with no heading at all; entry numbers `1.`, `1)` or `[1]` on the entry's first
line or alone on a line of their own (sometimes all the numbers first, as a block, and the
texts after them); the two columns of a page interleaved; a transliterated twin after the
list. The entry numbers are the evidence: an entry starts where the next number of the
sequence starts a line, and nowhere else. An unnumbered list has none: there an entry starts
after a blank line, or where a line opens with its authors right after a line that ends one.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field

from ..citations import ALPHA_LABEL, cited_numbers
from ..model import Entry
from .fields import with_fields

# Blank as the readers see it: white space and control characters only.
_BLANK = re.compile(r"[\s\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]*")


def _is_blank(line: str) -> bool:
    return _BLANK.fullmatch(line) is not None


# The wordings of a list heading, Kazakh, Russian, Ukrainian and English (matched ignoring case).
_HEADING_NAMES = (
    r"(?:Пайдаланылған|Қолданылған)\s+(?:әдебиеттер|дереккөздер|деректер)(?:\s+тізімі)?",
    r"Әдебиеттер(?:\s+тізімі)?",
    r"Дереккөздер(?:\s+тізімі)?",
    r"Список\s+(?:(?:использованной|используемой|цитируемой|цитированной|рекомендуемой|рекомендованной)\s+)?литературы(?:\s+и\s+(?:(?:других\s+)?источников|ссылок|интернет-(?:источников|ресурсов)|электронных\s+ресурсов))?",
    r"Список\s+(?:(?:использованных|используемых|цитируемых|литературных)\s+)?источников(?:\s+и\s+литературы)?",
    r"(?:Использованная|Цитированная|Цитируемая|Основная|Рекомендуемая|Рекомендованная)\s+литература",
    r"Библиографический\s+список",
    r"Библиография",
    r"Литературные\s+источники",
    r"Ссылки(?:\s+на\s+(?:источники|литературу))?",
    r"Источники(?:\s+и\s+литература)?",
    r"Литература",
    r"Список\s+(?:(?:використаної|використаних|цитованої|рекомендованої)\s+)?(?:літератури|джерел)",
    r"Використан[аі]\s+(?:література|джерела)",
    r"Література",
    r"Бібліографія",
    # English names may carry `Page`, as students title the page the list stands on (`Works Cited
    # Page`, `References Page`, `Reference Page`, `Bibliography Page`: MLA's and APA's guides call it so)
    r"References(?:\s+and\s+notes|\s+page)?",
    r"Reference(?:\s+list|\s+page)?",
    # `References` typed with one letter left out or `a` for `e` (`Refrences`, `Referances`): a heading alone on its line
    r"R(?:ferences|eerences|efrences|efeences|efernces|efereces|eferenes|eferencs|eferances?)",
    r"Bibliograph(?:y|ical\s+list|ic\s+list)(?:\s+page)?",
    r"Literature(?:\s+cited)?",
    r"Works\s+cited(?:\s+page)?",
    r"Sources",
)
_NAME = "(?:" + "|".join(_HEADING_NAMES) + ")"
# `6. Литература`, `IX. REFERENCES`, `A. References`, `5.REFERENCES:` (the number's full stop run into
# the name), `8 - References` (the number and a dash; the dash alone where a reader took the number off);
# `Ссылки на источники / References`; a full stop after the name as after a numbered section's
# heading (`4. Ссылки.`); an ornament before it (ACS's `■ REFERENCES`, which pdftotext drops).
REFERENCES_HEADING = re.compile(
    rf"^(?:[■□▪▫●◆◇►▶]\s?)?(?:(?:\d{{1,2}}|[IVXLC]{{1,7}}|[A-ZА-Я])(?:\.?\s+|\.?\s?[-–—]\s?)|\d{{1,2}}\.(?=[^\W\d_])|[-–—]\s)?{_NAME}\s*[:.]?(?:\s*/\s*{_NAME}\s*[:.]?)?$",
    re.IGNORECASE,
)
# A heading in capitals whose words a PDF's text layer runs together, the space between them lost
# (`СПИСОК ИСПОЛЬЗУЕМЫХИСТОЧНИКОВ`, `СПИСОКЛИТЕРАТУРЫ`): the same names, their spaces optional, read
# only on a line in capitals (words in small letters run together are a typing slip, not a heading).
_GLUED_CAPITALS_HEADING = re.compile(REFERENCES_HEADING.pattern.replace(r"\s+", r"\s*"), re.IGNORECASE)

# An entry's number at the start of a line: `[12]` (text may follow glued to it), `12.` or
# `12)` followed by a space, a letter, or nothing (the number alone on its line); a PDF's text
# layer may put a space before the dot (`1 . ГОСТ`). `2.1 Methods` and `1.5` are not entry
# numbers, nor is `[17], [18]. We have…`: a bracket followed by punctuation is a citation that
# happens to open a line; nor is a number with a leading zero (`002.`, a DOI's tail wrapped to
# its own line: a list's numbers never have one).
_ENTRY_NUMBER = re.compile(r"^\s*(?:\[(\d{1,4})\](?![.,;:–—-])|(?!0)(\d{1,4}) ?[.)](?=\s|$|[^\W\d_]|[«\"“(]))\s*")

# Lines that end a list: what journals print after it (captions, a second-language abstract,
# "how to cite", author notes, a rule of underscores, a copyright line, the heading of the
# tables, figures or appendices printed after the list, alone on its line: `ТАБЛИЦЫ`).
_AFTER_LIST = re.compile(
    r"^\s*(?:(?:Рис\.|Рисунок|Fig\.|Figure|Таблица|Table|Сурет|Кесте)\s*\d"
    r"|(?:Таблицы|Рисунки|Иллюстрации|Приложения|Кестелер|Суреттер|Қосымшалар|Tables|Figures|Appendices)[.:]?\s*$"
    r"|(?:Figure|Table)s?\s+(?:captions?|legends?|titles?)[.:]?\s*$|Подписи\s+к\s+(?:рисункам|таблицам)[.:]?\s*$"
    r"|(?:Для\s+цитирования|For\s+citation|Дәйексөз\s+үшін|Сведения\s+об\s+авторах|Информация\s+об\s+авторах|Об\s+авторах|"
    r"Авторлар\s+туралы(?:\s+мәлімет)?|Information\s+about\s+(?:the\s+)?authors?|About\s+the\s+authors?|Authors?\s+information|"
    r"Поступила\s+в\s+редакцию|Статья\s+поступила|Received|Abstract|Аннотация|Аңдатпа|Резюме|Түйін|"
    r"Ключевые\s+слова|Кілт\s+сөздер|Key\s*words)\b"
    r"|_{5,}|©)",
    re.IGNORECASE,
)


def ends_list(text: str) -> bool:
    """What journals print after a list, and never an entry (`_AFTER_LIST`): a caption (`Figure 1.`),
    the heading of the captions (`Figure captions:`), an abstract, author notes, a copyright line."""
    return _AFTER_LIST.match(text) is not None


# An appendix's heading alone on its line, after a blank line (`Приложение А`, `ПРИЛОЖЕНИЕ 1`,
# `Appendix B`, `Appendix B. Tables`): a numbered list ends before it, though the appendix may go on
# numbering its own items past the list's last number (`11. T10 = {…}` after a list of ten).
_APPENDIX_LABEL = re.compile(
    r"^\s*(?:Appendix|APPENDIX|Приложение|ПРИЛОЖЕНИЕ|Қосымша|ҚОСЫМША)(?:\s+(?:[A-ZА-ЯЁ]|\d{1,2}))?\s*(?:[.:—–-]\s*[^\W\d_].{0,80})?$"
)


def _before_appendix(lines: list[str], begin: int, end: int) -> int:
    return next((i for i in range(begin, end) if _APPENDIX_LABEL.match(lines[i]) and (_is_blank(lines[i - 1]) or lines[i].startswith("\f"))), end)


# An entry's text ends like this when it is complete: a full stop, a closing bracket, a page
# or year number, a URL or an access date.
_ENDS_ENTRY = re.compile(r"(?:[.)\]]|\d|\w/?)\s*$")
# A line that starts an entry when no number says so: `Surname, I.`, `Фамилия И.И.`, `SANS.`,
# Vancouver's and JSS's undotted initials before a comma or a bracketed year (`Bates DM,`,
# `Moshier SL (1992)`), a family name's particle first (`van Stokkum IHM,`, `de Geest, S.`).
_PARTICLE_WORDS = "van|von|de|der|den|du|da|di|del|della|dos|la|le|ter|ten"
_PARTICLE = rf"(?:(?:{_PARTICLE_WORDS})\s+){{0,2}}"
# A family name's capital: Latin (with the accented capitals of Central European names: `Świercz`,
# `Łukasz`, `Čapek`), Cyrillic, Kazakh.
_FAMILY_CAPITAL = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞŁŃŇŐŒŘŚŞŠŢŤŰŹŻŽ"
_AUTHOR_START = re.compile(
    rf"^\s*{_PARTICLE}[{_FAMILY_CAPITAL}][\w'’-]+,?\s+(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.|[A-ZА-ЯЁ][\w-]+\s+[A-ZА-ЯЁ]\.|[A-ZА-ЯЁ]{{1,3}}(?:,|\s\(|$))"
)
_PARTICLE_FIRST = re.compile(rf"^\s*(?:{_PARTICLE_WORDS})\s")
# An author–date entry's opening: authors (or an organisation) in capitalised words, then the
# year in brackets (`R Development Core Team (2006).`, `American Psychiatric Association. (2000).`),
# with APA's day and month after it or no date (`Eurostat. (2018, March 28).`, `Destatis. (n.d.).`).
_AUTHOR_DATE = re.compile(
    r"^\s*(?P<who>[^\W\d_][^()\d]{0,100}?)\s*\(\s*(?:(?:1[5-9]|20)\d\d[a-z]?(?:,\s*[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?)?|n\.\s?d\.)\s*\)"
)
# Chicago's author-date opening: the authors, a full stop, the year (or the years of a work
# published over several, `1980-1998.`) and a full stop.
_AUTHOR_DOT_DATE = re.compile(r"^\s*(?P<who>[^\W\d_][^()\d]{0,100}?)\.\s+(?:1[5-9]|20)\d\d[a-z]?(?:\s?[-–]\s?(?:1[5-9]|20)?\d\d)?\.(?=\s|$)")
# The article of a transliterated Arabic name, in small letters and glued to the name by a hyphen
# (`al-Ğāḥiẓ`, `el-Rouayheb`, `aš-Šāfiʿī`): a particle, as `van` or `de` is, so a name may open with it.
_ARTICLE_NAME = re.compile(r"^(?:al|el|ul|ad|ar|as|at|az|an|ash|ath|adh|aš|aṣ|aḍ|aṭ|aẓ|aḏ|aṯ|až)-(?=[^\W\d_])(?=\w*[^\W\d_])", re.IGNORECASE)
# Chicago's first author, family name first and the given name in full (`Wickham, Hadley,`,
# `Kanatous, Shane B., and`), and the same-author dash of Chicago, SIAM and MLA (`———. 2023.`).
_FAMILY_GIVEN = re.compile(rf"^\s*(?i:{_PARTICLE})[{_FAMILY_CAPITAL}][\w'’-]+, [{_FAMILY_CAPITAL}][a-z]+(?: [A-Z]\.)*(?:,|\.\s)")
_SAME_AUTHOR_DASH = re.compile(r"^\s*(?:[—–]{2,}|-{3,})[.,]\s")
_NAME_LINK_WORDS = {"and", "et", "al", "&", "und", "и", *_PARTICLE_WORDS.split("|")}

# A list without a heading must end the paper: at most this many non-blank lines after the
# start of its last entry (two-column layouts put a column's end after it). And at least this
# many entries, half of them cited before the list, for a numbered run to be taken for a list.
_HEADLESS_TAIL = 40
_HEADLESS_MIN = 3


# A numbered section heading: a section number, then a short title with no digit and none of
# the signs an entry's first line carries (commas between authors, `//`, `:` before a
# publisher, brackets, quotes).
_SECTION_HEADING = re.compile(r"^\s*(?:\d{1,2}|[IVXLC]{1,6})\.?\s+(?P<title>[^\W\d_][^\d,;:/()\[\]«»\"“”]{0,80})$")
_ABBREVIATION = re.compile(r"\b\w{1,3}\.(?=\s|$)")  # `P.A.`, `М.`, `al.`: initials and cut words


def is_numbered_section_heading(line: str) -> bool:
    """`1 Introduction`, `2. Proposed Methodology`, `1. Введение`, `IV. RESULTS`: a section number
    and a title of one to eight words starting with a capital, with no digit, no initial or
    cut word (`P.A.`, `М.:`), no comma, colon, slash, bracket or quote, and no full stop at its
    end. Evidence: the corpus's headings (en_bigtable `2 Data Model`, en_fielder `2. Proposed
    Methodology`) against its entries' first lines, which carry authors' initials, commas and
    years (ru_goldenberg `1. Piminov P.A., Baranov G.N., …`); an entry in the `[n]` form is never
    a heading."""
    m = _SECTION_HEADING.match(line.rstrip())
    if m is None:
        return False
    title = m["title"].strip()
    words = title.split()
    return 1 <= len(words) <= 8 and title[0].isupper() and not title.endswith(".") and _ABBREVIATION.search(title) is None


_SENTENCE_END = re.compile(r"[^\W\d_]{2,}[.!?](?=\s|$)")


def reads_as_sections(lines: list[str], starts: list["Start"]) -> bool:
    """A run of numbers is the paper's numbered sections, not a list, when at least half of the
    lines they open are section headings (`is_numbered_section_heading`) that open prose: three
    sentences or more before the next number. Evidence: a short entry can look like a heading
    (ru_bogadurov `1. Основы`, its title cut into one word per line) but holds a sentence or
    two; a section holds many."""
    bounds = [s.line for s in starts[1:]] + [min(len(lines), starts[-1].line + 30)] if starts else []
    headings = 0
    for s, stop in zip(starts, bounds):
        text = "\n".join(lines[s.line + 1 : max(stop, s.line + 1)])
        if is_numbered_section_heading(lines[s.line]) and len(_SENTENCE_END.findall(text)) >= 3:
            headings += 1
    return len(starts) > 0 and 2 * headings >= len(starts)


# A heading set in small capitals, as pdftotext gives it: each word's capital apart from the
# small ones (`R EFERENCES`, IEEEtran's journal headings; `L ITERATURE C ITED`).
_SMALL_CAPITALS = re.compile(r"(?<![^\W\d_])([A-ZА-ЯЁ]) (?=[A-ZА-ЯЁ]{2,}\b)")


def is_reference_heading(line: str) -> bool:
    """A reference-list heading, in any of the wordings above; short, on its own line, its first
    letter a capital (`References`, `REFERENCES`, `a. references` no): a word in small letters
    alone on its line is a piece of text (a diagram's label `reference`, a title's last line
    `literature`, a word a column's layout set apart), never a heading."""
    if len(line) > 240:  # most lines of a paper: no need to look closer
        return False
    text = " ".join(line.split())
    if len(text) >= 120 or next((ch for ch in text if ch.isalpha()), "").islower():
        return False
    if REFERENCES_HEADING.match(text) is not None or REFERENCES_HEADING.match(_SMALL_CAPITALS.sub(r"\1", text)) is not None:
        return True
    return text.isupper() and _GLUED_CAPITALS_HEADING.match(text) is not None


@dataclass(frozen=True)
class Start:
    """An entry's number where it starts a line: line index, number, where its text begins."""

    line: int
    number: int
    skip: int  # characters of the marker on that line
    alone: bool  # nothing but the number on its line
    label: str = ""  # an alphabetic style's label (`Köt16`, see `alpha_entries`); the number is then the entry's place


def entry_number(line: str) -> Start | None:
    m = _ENTRY_NUMBER.match(line)
    if m is None:
        return None
    return Start(-1, int(m[1] or m[2]), m.end(), m.end() >= len(line.rstrip()))


# GOST 7.32's bare number (`1 Иванов И.И. Title…`, Kazakhstani journals' and theses' lists): a
# number, a space, then an author's name and initials. Read only under a list's heading, and only
# when the list's first entry is so numbered.
_BARE_NUMBER = re.compile(r"^\s*(\d{1,3})\s+(?=\S)")


def _bare_entry_number(line: str, first_line: bool = False) -> Start | None:
    """A bare number before an author's name; or `1` before a capital on the list's first line
    (a work described under its title: `1 The future is big graphs / S. Sakr [et al.]`)."""
    m = _BARE_NUMBER.match(line)
    if m is None:
        return None
    if _AUTHOR_START.match(line[m.end() :]) is None and not (first_line and m[1] == "1" and line[m.end() :][:1].isupper()):
        return None
    return Start(-1, int(m[1]), m.end(), False)


# A lower-case word that may open an entry described under its title (a program's name: `git-annex`,
# `libgit2`, `numpy`): three letters or more, no abbreviation's full stop (`с.`, `pp.`, `vol.`).
_LOWER_CASE_NAME = re.compile(r"[^\W\d_][\w+-]{2,}(?![.\w])")
# A title's first word opening in figures glued to letters (`3D`, `5G`, `2d3d-matchnet`, `1С`): no
# page, volume or year, which are figures alone.
_FIGURES_WORD = re.compile(r"\d{1,4}[^\W\d_][\w+-]*(?![.\w])")


def _bare_number_after_an_entry(lines: list[str], i: int, expected: int) -> Start | None:
    """`5 Қазақстан Республикасының Конституциясы. – Алматы, 1995.`, `16 git-annex [Электронный
    ресурс]`, `23 3D bridges / …`: in a list of bare numbers, the next number before a capital, a
    lower-case name or a word opening in figures (`_FIGURES_WORD`) opens an entry with no author when the line before ends as an entry surely does (a number,
    a bracket, a page count or an address)."""
    m = _BARE_NUMBER.match(lines[i])
    rest = lines[i][m.end() :] if m else ""
    if m is None or int(m[1]) != expected or not (rest[:1].isupper() or _LOWER_CASE_NAME.match(rest) or _FIGURES_WORD.match(rest)):
        return None
    previous = next((lines[j] for j in range(i - 1, -1, -1) if not _is_blank(lines[j])), "")
    return Start(-1, expected, m.end(), False) if entry_end_strength(previous) == 2 else None


# The American Chemical Society's entry number in round brackets (`(1) Department of Energy
# (DOE). Title; 2018; p 51.`, `(22) Ye, W.; Chen, C. Title. Nat. Commun. 2018, 9, 1−6.`): read only
# under a heading whose first line opens with `(1)`, a form an equation's number never takes there.
_PAREN_NUMBER = re.compile(r"^\s*\((\d{1,3})\)\s+(?=\S)")


def _paren_entry_number(line: str) -> Start | None:
    m = _PAREN_NUMBER.match(line)
    return Start(-1, int(m[1]), m.end(), False) if m else None


# A line ending so is cut in the middle of a word or a range (`pp.1-` / `7.`): the next line
# goes on with it and opens no entry.
_CUT_LINE = re.compile(r"[-‐–—]\s*$")


def number_entries(lines: list[str], begin: int, end: int, first: int | None = None, bare: bool = False) -> list[Start]:
    """The entry starts between `begin` and `end`, by the sequence of their numbers.

    The first number found opens the list (it must be `first` when given, else below 10: a
    list starts at 1, or near it when the extraction lost a number or two). After it, a line
    starts an entry only with the next number (`4.` after `3.`), the same number again (a
    duplicate, which the linker reports), or, in the `[n]` form, a number not seen yet (two
    columns interleaved by the extraction: `[5]`, `[22]`, `[6]`…). Any other number at a line
    start is part of an entry's text: `2004. 1090 p.`, a stray `1.` of a wrapped title, the end
    of a range cut at a line's end (`pp.1-` / `7.`). With `bare` (under a heading), a list whose
    first entry has GOST 7.32's bare number (`1 Иванов И.И.`) is read in that form throughout,
    and so is one whose first line opens with ACS's `(1)` (`_PAREN_NUMBER`; numbers out of order
    allowed as for `[n]`: two columns interleaved).
    """
    starts: list[Start] = []
    seen: set[int] = set()
    bare_form = False
    top = next((i for i in range(begin, end) if not _is_blank(lines[i])), None)
    paren_form = bare and top is not None and (m := _PAREN_NUMBER.match(lines[top])) is not None and m[1] == "1"
    for i in range(begin, end):
        if i > 0 and _CUT_LINE.search(lines[i - 1]):
            continue
        if paren_form:
            found = _paren_entry_number(lines[i])
            if found is not None and (not starts or found.number == starts[-1].number + 1 or found.number not in seen and found.number <= max(seen) + 50):
                starts.append(Start(i, found.number, found.skip, False))
                seen.add(found.number)
            continue
        found = entry_number(lines[i]) if not bare_form else None
        opens_bare = False
        if found is None and bare and (bare_form or not starts):
            found = _bare_entry_number(lines[i], first_line=i == top)
            if found is None and bare_form:  # an entry with no author (a law, a standard) after a complete one
                found = _bare_number_after_an_entry(lines, i, starts[-1].number + 1)
            opens_bare = found is not None and not starts
        if found is None:
            continue
        n = found.number
        bracketed = lines[i].lstrip().startswith("[")
        if _in_another_mark(lines, starts, i):
            continue
        if not starts:
            ok = n == first if first is not None else n < 10
        else:
            last = starts[-1].number
            ok = n == last + 1 or (n == last and not found.alone) or (bracketed and n not in seen and n <= max(seen) + 50)
        if ok:
            starts.append(Start(i, n, found.skip, found.alone))
            seen.add(n)
            # the list is in GOST 7.32's bare form when its first entry, once taken, is so
            # numbered (a bare number not taken, `12 …` first, says nothing: it crashed here)
            bare_form = bare_form or opens_bare
    return starts


# An alphabetic style's entry label opening a line (`[Köt16] Timo Kötzing. …`, `[RS12]` alone on its
# line), followed by the entry's text or nothing, not by punctuation (a citation opening a line).
_ALPHA_ENTRY = re.compile(rf"^\s*\[({ALPHA_LABEL})\](?![.,;:–—-])\s*")


def alpha_entries(lines: list[str], begin: int, end: int) -> list[Start]:
    """The entries of a list labelled in an alphabetic style (amsalpha, biblatex's `alphabetic`:
    `[ADK19]`, `[HY04]`, `[ABC+19]`), numbered by their place, each with its label: the first line
    of text opens with a label, and at least two lines do. A line opening with a label already
    seen carries an entry on (a citation wrapped to a line's start)."""
    top = next((i for i in range(begin, end) if not _is_blank(lines[i])), None)
    if top is None or not _ALPHA_ENTRY.match(lines[top]):
        return []
    starts: list[Start] = []
    for i in range(top, end):
        m = _ALPHA_ENTRY.match(lines[i])
        if m is not None and all(m[1] != s.label for s in starts):
            starts.append(Start(i, len(starts) + 1, m.end(), m.end() >= len(lines[i].rstrip()), m[1]))
    return starts if len(starts) >= 2 else []


def keyed_by_alpha_labels(entries: list[Entry]) -> list[Entry]:
    """A list read paragraph by paragraph (a Word file's) whose entries each open with an
    alphabetic style's label (`[Köt16] Timo Kötzing. …`, see `alpha_entries`): each keyed by its
    label, its text without it. Any other list is returned as it is."""
    found = [_ALPHA_ENTRY.match(e.text) for e in entries]
    if len(entries) < 2 or not all(found) or len({m[1] for m in found}) < len(found):
        return entries
    return [dataclasses.replace(e, key=m[1], text=e.text[m.end() :]) for e, m in zip(entries, found)]


def _number_mark(line: str) -> str:
    """The mark of a list number at the line's start: `[`, `.` or `)` (`` for a bare one)."""
    m = re.match(r"\s*(\[|\d+\s?([.)])?)", line)
    return "" if m is None else "[" if m[1] == "[" else m[2] or ""


def _in_another_mark(lines: list[str], starts: list[Start], i: int) -> bool:
    """Whether line `i`'s number is in another mark than the list's: once three entries are
    numbered in one mark (`1)`, `2)`, `3)`), a number in another (`10.`: an issue's number that
    pdftotext set alone on its line) opens no entry."""
    marks = {_number_mark(lines[s.line]) for s in starts}
    return len(starts) >= 3 and len(marks) == 1 and _number_mark(lines[i]) not in marks


@dataclass
class ReferenceList:
    """Where the paper's list is: its heading (None for a list without one), the lines its
    entries take, and a transliterated twin list after it, if any."""

    heading: int | None
    starts: list[Start]
    end: int  # index just past the list's last line
    body_end: int  # the body stops here: nothing from here on is body text
    twin: int | None = None  # heading of the twin list
    twin_starts: list[Start] = field(default_factory=list)
    body_inside: list[tuple[int, int]] = field(default_factory=list)  # line ranges of body text between entries
    lines: list[str] | None = None  # the lines as the list is read: without a manuscript's margin line numbers

    @property
    def labels(self) -> frozenset[str]:
        """The entries' alphabetic labels (`Köt16`), for the citations to be read by; none for a numbered list."""
        return frozenset(s.label for s in self.starts if s.label)


# A manuscript's margin line numbers (LaTeX's lineno, elsarticle's `review`, Word's line
# numbering): pdftotext sets each alone on a line between the text's lines, a PDF's baseline
# puts it before its line's text.
_LONE_NUMBER = re.compile(r"^\s*(\d{1,5})\s*$")
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,5})\s+(?=\S)")
_MARGIN_RUN = 5


def _margin_run(lines: list[str], rows: list[int], form: re.Pattern, most_between: int) -> list[tuple[int, int]]:
    """The longest run of rows whose number (`form`) goes up by one from each to the next, with at
    most `most_between` other lines of text between two of them: (row, length of the number's
    part) of each."""
    best: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    last = None
    for i in rows:
        m = form.match(lines[i])
        if m is None:
            continue
        value = int(m.group(1))
        between = sum(1 for j in range(run[-1][0] + 1, i) if not _is_blank(lines[j])) - sum(1 for j in range(run[-1][0] + 1, i) if form.match(lines[j])) if run else 0
        run = run + [(i, m.end())] if run and value == last + 1 and between <= most_between else [(i, m.end())]
        last = value
        best = run if len(run) > len(best) else best
    return best


def without_margin_numbers(lines: list[str], start: int) -> list[str]:
    """The lines with a manuscript's margin line numbers after the first reference heading blanked
    out (spaces in their place: every line and column stays where it was). Line numbers count up
    by one from each text line to the next, one a line: alone between the lines (`10`, each text
    line with its own, page furniture aside: two lines in five numbers at least) or before each
    line's text (`9 [1] A. B. Smith`: four lines in five). Entry numbers printed bare
    (`1 Иванов И. И.`) count entries, not lines: an entry of several lines has one number, and a
    run that starts at 1 is taken for line numbers only when the lines carry entry numbers of
    their own."""
    heading = next((i for i in range(start, len(lines)) if is_reference_heading(lines[i])), None)
    if heading is None:
        return lines
    rows = [i for i in range(heading + 1, len(lines)) if not _is_blank(lines[i])]
    out = lines
    for form, between, share in ((_LONE_NUMBER, 1, 0.4), (_LEADING_NUMBER, 2, 0.8)):
        run = _margin_run(out, rows, form, between)
        lines_spanned = sum(1 for i in rows if run and run[0][0] <= i <= run[-1][0])
        if len(run) < _MARGIN_RUN or len(run) < share * lines_spanned:  # entry numbers: a number for several lines
            continue
        members = {i for i, _ in run}
        rest = [out[i][cut:] for i, cut in run] if form is _LEADING_NUMBER else [out[i] for i in rows if i not in members]
        if int(form.match(out[run[0][0]]).group(1)) == 1 and not any(_ENTRY_NUMBER.match(text) for text in rest):
            continue
        out = list(out)
        for i, cut in run + (_strays_of_the_margin(out, rows, run) if form is _LONE_NUMBER else []):
            out[i] = " " * cut + out[i][cut:]
    return out


def _strays_of_the_margin(lines: list[str], rows: list[int], run: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Margin numbers outside the run pdftotext printed them in (a column's numbers set out of
    order, `303`, then `300`, `301`, a page's number breaking the count): lone numbers within as
    many of the run's as the list has lines, where the run's numbers count the paper's lines
    (its first past the list's line count: no entry's number reaches it)."""
    first, last = (int(_LONE_NUMBER.match(lines[run[k][0]]).group(1)) for k in (0, -1))
    if first <= len(rows):
        return []
    members = {i for i, _ in run}
    out = []
    for i in rows:
        m = _LONE_NUMBER.match(lines[i])
        if m is not None and i not in members and first - len(rows) <= int(m.group(1)) <= last + len(rows):
            out.append((i, m.end()))
    return out


def find_reference_list(lines: list[str], start: int) -> ReferenceList | None:
    """The paper's list (`_find_reference_list`), read without a manuscript's margin line numbers
    (`without_margin_numbers`): the lines it was found in are `lines` of the result."""
    clean = without_margin_numbers(lines, start)
    found = _find_reference_list(clean, start)
    if found is not None and clean is not lines:
        found.lines = clean
    return found


def _find_reference_list(lines: list[str], start: int) -> ReferenceList | None:
    """The paper's list: the first heading followed by numbered entries, else a headless one.

    A later heading whose list has as many entries is its twin (the transliterated
    `References` many journals print after a Russian or Kazakh list): the first is the list.
    With no numbered list under any heading, the last heading's unnumbered lines are the list.
    """
    headings = _without_contents_lines(lines, [i for i in range(start, len(lines)) if is_reference_heading(lines[i])])
    for index, h in enumerate(headings):
        following = headings[index + 1] if index + 1 < len(headings) else len(lines)
        following = _before_appendix(lines, h + 1, following)
        starts = number_entries(lines, h + 1, following, bare=True)
        if not starts and (alpha := alpha_entries(lines, h + 1, following)):
            return ReferenceList(h, alpha, following, h)
        if not starts or reads_as_sections(lines, starts):  # `2. Literature`: a section of the body
            continue
        if len(starts) == 1 and starts[0].alone and starts[0].number != 1 and index + 1 < len(headings):
            continue  # a table's `Reference` column over a row's bare `4.`: a later heading has the list
        starts = _first_number_above_the_heading(lines, h, starts)
        found = ReferenceList(h, starts, following, h)
        _columns_before_heading(lines, found, start)
        _gap_filled_above_heading(lines, found, start)
        _body_between_entries(lines, found)
        _prose_beside_a_number_column(lines, found)
        numbers = [s.number for s in found.starts]
        for k, later in enumerate(headings[index + 1 :], start=index + 1):
            after = headings[k + 1] if k + 1 < len(headings) else len(lines)
            twin = number_entries(lines, later + 1, after, bare=True)
            if [s.number for s in twin] == numbers:  # as many entries, in the same order
                found.twin, found.twin_starts = later, twin
                break
        return found
    if headings:  # an unnumbered list: everything after the last heading (or the part's before it)
        first = _opening_a_list_in_parts(lines, headings)
        return ReferenceList(first, [], len(lines), first)
    return _under_a_heading_in_other_words(lines, start) or _headless(lines, start) or _headless_author_date(lines, start)


def _opening_a_list_in_parts(lines: list[str], headings: list[int]) -> int:
    """The last heading, or the one before it when the last names a part of the list that one
    opens: `6 Bibliography` / `Dataset:` / its entries / `Literature:` / its entries. The last is
    closed by a colon, a few lines after the one before it, whose first line is a part's label
    closed by a colon (`is_list_subheading`)."""
    last = headings[-1]
    if len(headings) < 2 or not lines[last].rstrip().endswith(":") or last - headings[-2] > _PART_LINES:
        return last
    label = next((i for i in range(headings[-2] + 1, last) if not _is_blank(lines[i])), None)
    if label is None or not lines[label].rstrip().endswith(":") or not is_list_subheading(lines[label]):
        return last
    return headings[-2]


_PART_LINES = 20


def _first_number_above_the_heading(lines: list[str], heading: int, starts: list[Start]) -> list[Start]:
    """`1.` / blank / `СПИСОК ИСПОЛЬЗУЕМЫХ ИСТОЧНИКОВ` / blank / `Шишов Ю. А., …` / blank / `2.`: pdftotext
    may set the first entry's number, alone on its line, above the list's heading; when the numbers
    under it start at 2 with text between the heading and `2.`, that text is entry 1."""
    above = next((lines[i] for i in range(heading - 1, -1, -1) if not _is_blank(lines[i])), "")
    first = entry_number(above)
    text = next((i for i in range(heading + 1, starts[0].line) if not _is_blank(lines[i])), None)
    if starts[0].number != 2 or first is None or first.number != 1 or not first.alone or text is None:
        return starts
    return [Start(text, 1, 0, False), *starts]


def reads_as_list_heading(text: str) -> bool:
    """A heading in other words than _HEADING_NAMES that names the paper's sources: a line of a
    few words naming a kind of them, as a list's part does (`is_list_subheading`: `Перечень
    информационных источников`, `Основные источники:`, `Cited works`), a section's number
    before it aside (`7. Литература и интернет-ресурсы`)."""
    return is_list_subheading(_HEADING_NUMBER.sub("", " ".join(text.split()), count=1))


def _under_a_heading_in_other_words(lines: list[str], start: int) -> ReferenceList | None:
    """With no heading in the known wordings: the last heading in other words
    (`reads_as_list_heading`) followed by numbered entries, at least two, at least half of
    which read as references (`reads_as_reference`), that are not the paper's numbered sections.
    The entries are the evidence: a section named `Обзор литературы` opens prose, not them."""
    for h in range(len(lines) - 1, start - 1, -1):
        if not reads_as_list_heading(lines[h]):
            continue
        starts = number_entries(lines, h + 1, len(lines), bare=True)
        if len(starts) < 2 or reads_as_sections(lines, starts):
            continue
        texts = [" ".join(lines[a.line : b]) for a, b in zip(starts, [s.line for s in starts[1:]] + [len(lines)])]
        if 2 * sum(map(reads_as_reference, texts)) >= len(texts):
            found = ReferenceList(h, starts, len(lines), h)
            _body_between_entries(lines, found)
            return found
    return None


_HEADING_NUMBER = re.compile(r"^(?:\d{1,2}|[IVXLC]{1,7})\.?\s+|[\s.:]+$")


def _without_contents_lines(lines: list[str], headings: list[int]) -> list[int]:
    """The headings less the lines of the paper's contents: a heading in the first fifth of the
    text whose words recur in a later heading, where the list stands (as the Word reader reads a
    recurring heading; a text reader has already dropped the page number beside it). A
    transliterated twin (`References` after `Список литературы`) has other words, and a paper's
    own list is never in its first fifth (a supplement's list after it leaves it in place)."""
    words = [" ".join(_HEADING_NUMBER.sub("", lines[h]).split()).casefold() for h in headings]
    return [h for k, h in enumerate(headings) if words[k] not in words[k + 1 :] or h >= len(lines) // 5]


def _columns_before_heading(lines: list[str], found: ReferenceList, start: int) -> None:
    """Entries printed before the heading that continue the numbers after it belong to the list.

    Two-column pages are extracted column by column; when the list's second half stands in
    the right-hand column and the heading in the left one lower down, the extraction gives
    entries n+1… first, then the heading and entries 1…n. The run must reach the heading.
    """
    assert found.heading is not None
    following = max(s.number for s in found.starts) + 1
    def filled(a: int, b: int) -> int:
        return sum(1 for j in range(a, b) if not _is_blank(lines[j]))

    bounds = [s.line for s in found.starts[1:]] + [found.end]
    longest = max(filled(a.line, b) for a, b in zip(found.starts, bounds))  # lines of the longest entry after it
    for i in range(found.heading - 1, start - 1, -1):
        hit = entry_number(lines[i])
        if hit is None or hit.number != following:
            continue
        run = number_entries(lines, i, found.heading, first=following)
        sequential = all(b.number == a.number + 1 for a, b in zip(run, run[1:]))
        reaches = run and filled(run[-1].line, found.heading) <= longest
        if sequential and reaches and not any(_AFTER_LIST.match(lines[j]) for j in range(i, found.heading)):
            found.starts = run + found.starts
            found.body_end = i
        return


def _gap_filled_above_heading(lines: list[str], found: ReferenceList, start: int) -> None:
    """Entries printed above the heading that fill a gap in the numbers under it belong to the
    list: ACS's two-column page as pdftotext gives it sets the right column's entries (`(3)` …
    `(21)`) above the left column's end matter, heading and first entries (`REFERENCES` / `(1)`
    / `(2)`), the numbers under the heading going on from `(22)` on the next page. The run above
    must hold exactly the missing numbers, in order, each with its text on its line; the lines
    from the first blank one after its last entry up to the heading (the end matter between) go
    back to the body."""
    assert found.heading is not None
    numbers = [s.number for s in found.starts]
    gap = next(((a + 1, b - 1) for a, b in zip(numbers, numbers[1:]) if b > a + 1), None)
    if gap is None or found.body_end != found.heading:
        return
    for i in range(found.heading - 1, start - 1, -1):
        hit = _paren_entry_number(lines[i]) or entry_number(lines[i])
        if hit is None or hit.number != gap[0]:
            continue
        run = _numbered_run(lines, i, found.heading, gap[0])
        if [s.number for s in run] != list(range(gap[0], gap[1] + 1)) or any(s.alone for s in run):
            return  # numbers alone on their lines (a column of them) tell nothing of where their texts are
        tail = next((j for j in range(run[-1].line + 1, found.heading) if _is_blank(lines[j])), found.heading)
        found.starts = run + found.starts
        found.body_end = i
        if tail < found.heading:
            found.body_inside.append((tail + 1, found.heading))
        return


def _numbered_run(lines: list[str], begin: int, end: int, first: int) -> list[Start]:
    """The entries from `begin` to `end` numbered `first`, `first + 1`, … in order (`(3)`,
    `[3]`, `3.`), each number the next one's; a line opening with any other number is text."""
    run: list[Start] = []
    for i in range(begin, end):
        hit = _paren_entry_number(lines[i]) or entry_number(lines[i])
        if hit is not None and hit.number == (run[-1].number + 1 if run else first):
            run.append(Start(i, hit.number, hit.skip, hit.alone))
    return run


def _body_between_entries(lines: list[str], found: ReferenceList) -> None:
    """Body text the extraction put between two entries goes back to the body.

    Two-column pages put the end of a column's prose after the start of the list. Evidence:
    after an entry's text is complete and a blank line, a stretch much longer than the list's
    entries (over twice the usual, plus two lines) that cites sources, as body text does and
    entries do not.
    """
    starts = sorted(found.starts, key=lambda s: s.line)
    sizes = sorted(b.line - a.line for a, b in zip(starts, starts[1:]) if b.line > a.line)
    if not sizes:
        return
    usual = sizes[len(sizes) // 2]
    for a, b in zip(starts, starts[1:]):
        if b.line - a.line <= 2 * usual + 2:
            continue
        complete = not a.alone and _ENDS_ENTRY.search(lines[a.line]) is not None
        for i in range(a.line + 1, b.line):
            if _is_blank(lines[i]):
                rest = [lines[j] for j in range(i + 1, b.line) if not _is_blank(lines[j])]
                if complete and len(rest) > 2 * usual + 2 and cited_numbers("\n".join(rest)):
                    found.body_inside.append((i + 1, b.line))
                    break
                continue
            complete = _ENDS_ENTRY.search(lines[i]) is not None


def numbers_apart(starts: list[Start]) -> bool:
    """pdftotext set the entries' numbers in a column of their own (a two-column page's list):
    every number alone on its line and one printed after a higher one (`[2]`…`[10]`, the other
    column's prose, `[1]`, `[8]`, the texts, `[11]`…): where a number stands tells nothing of
    where its text is."""
    return len(starts) >= 3 and all(s.alone for s in starts) and any(b.number < a.number for a, b in zip(starts, starts[1:]))


def _text_blocks(lines: list[str], begin: int, end: int, numbers: set[int]) -> list[tuple[int, int]]:
    """Runs of text lines (no blank, no number line) between `begin` and `end`, as (first, past)."""
    blocks, first = [], None
    for i in range(begin, end + 1):
        text_line = i < end and i not in numbers and not _is_blank(lines[i])
        if text_line and first is None:
            first = i
        elif not text_line and first is not None:
            blocks.append((first, i))
            first = None
    return blocks


_PROSE_LINES = 3


def _prose_beside_a_number_column(lines: list[str], found: ReferenceList) -> None:
    """With the numbers in a column apart (`numbers_apart`), a block of text among them that reads
    as no reference (no year, no reference's mark: `looks_like_reference`), three lines or more
    closed by a sentence's full stop, is the other column's prose: it goes back to the body."""
    if not numbers_apart(found.starts):
        return
    numbers = {s.line for s in found.starts}
    begin = found.heading + 1 if found.heading is not None else min(numbers)
    for a, b in _text_blocks(lines, begin, max(numbers), numbers):
        if b - a >= _PROSE_LINES and _ENDS_SENTENCE.search(lines[b - 1]) and not looks_like_reference(" ".join(lines[a:b])):
            found.body_inside.append((a, b))


def _headless(lines: list[str], start: int) -> ReferenceList | None:
    """A trailing run of numbered entries `1, 2, 3…` whose numbers are the ones cited.

    Evidence: it starts at 1, has at least three entries (two, when each reads as a reference:
    `reads_as_reference`), at least half of its numbers are
    cited in the text before it, at least half of its entries read as references in any style
    (`looks_like_reference`: a table of contents, numbered steps or findings do not), it ends the
    paper (a few lines may follow its last entry), and its lines are not the paper's numbered
    section headings (`reads_as_sections`).
    """
    cited_on: dict[int, set[int]] | None = None  # line -> numbers cited on it, read once when needed
    for i in range(len(lines) - 1, start - 1, -1):
        hit = entry_number(lines[i])
        if hit is None or hit.number != 1:
            continue
        run = number_entries(lines, i, len(lines), first=1)
        if not run:  # its number continues a range cut at the line before (`pp.1-` / `1.`)
            continue
        numbers = {s.number for s in run}
        tail = sum(1 for j in range(run[-1].line + 1, len(lines)) if not _is_blank(lines[j]))
        if tail > _HEADLESS_TAIL or reads_as_sections(lines, run):
            continue
        if len(run) < _HEADLESS_MIN and not (len(run) >= 2 and all(reads_as_reference(" ".join(lines[a.line : b])) for a, b in zip(run, [s.line for s in run[1:]] + [len(lines)]))):
            continue
        if cited_on is None:
            cited_on = {j: cited_numbers(lines[j]) for j in range(start, len(lines)) if "[" in lines[j]}
        cited = set().union(*(n for j, n in cited_on.items() if j < i))
        texts = [" ".join([lines[a.line][a.skip :], *lines[a.line + 1 : b]]) for a, b in zip(run, [s.line for s in run[1:]] + [min(len(lines), run[-1].line + 6)])]
        if len(numbers & cited) * 2 >= len(numbers) and 2 * sum(map(looks_like_reference, texts)) >= len(texts):
            found = ReferenceList(None, run, len(lines), i)
            _body_between_entries(lines, found)
            return found
    return None


# An author–date list with no heading and no numbers: at least this many entries; an entry's
# first line is at most this many lines of text after the one before it (prose paragraphs run
# longer); at most a tenth of neighbours out of alphabetical order.
_HEADLESS_AUTHOR_DATE_MIN = 5
_AUTHOR_DATE_ENTRY_LINES = 8
# The date after an author–date entry's names: bracketed (APA, Harvard: `(2013).`, `(2018, March
# 28).`, `(n.d.).`) or between full stops (Chicago: `Xie, Yihui. 2016.`).
_DATE_AFTER_NAMES = re.compile(
    r"\(\s*(?P<year>(?:1[5-9]|20)\d\d)[a-z]?(?:,[^()\d]{1,20}\d{0,2})?\s*\)|\(\s*n\.\s?d\.\s*\)|(?<=\.)\s+(?P<dot>(?:1[5-9]|20)\d\d)[a-z]?\.(?=\s|$)"
)
_NAME_RUN_WORD = re.compile(r"[^\W\d_][\w'’.-]*|&|…")


def author_date_opening(text: str) -> tuple[str, str] | None:
    """(first author's family name, year) of a text that opens as an author–date entry: names
    only (capitalised words, initials, `&`, `and`, `et al.`, particles, APA 7's `…`), no digit,
    then the year in brackets or between full stops, within its first 400 characters and with
    a name and initials, a family name and a given name, or an organisation's capitalised words
    first (`_AUTHOR_START`, `_FAMILY_GIVEN`, `opens_author_date_entry`). None for prose, which
    has lower-case words before a year."""
    head = " ".join(text[:400].split())
    m = _DATE_AFTER_NAMES.search(head)
    if m is None or re.search(r"\d", head[: m.start()]):
        return None
    words = _NAME_RUN_WORD.findall(head[: m.start()])
    if not words or not all(w[0].isupper() or w in ("&", "…") or w.lower().rstrip(".") in _NAME_LINK_WORDS for w in words):
        return None
    if not (_AUTHOR_START.match(head) or _FAMILY_GIVEN.match(head) or opens_author_date_entry(head)):
        return None
    family = next((w for w in words if w.lower() not in _PARTICLE_WORDS.split("|")), words[0]).rstrip(".,")
    year = m["year"] or m["dot"]
    return (family, year) if year else (family, "")


def _alphabetical(families: list[str]) -> bool:
    """At most a tenth of neighbours out of order (case and accents folded): an author–date list
    is sorted by its first authors; a run of paragraphs that happen to open with names is not."""
    from ..author_year import folded_name  # the linker's folding of family names

    keys = [folded_name(f) for f in families]
    disorder = sum(1 for a, b in zip(keys, keys[1:]) if a > b)
    return 10 * disorder <= len(keys) - 1


def _cited_by_author_and_year(openings: list[tuple[str, str]], body: str) -> int:
    """How many of the entries (first family name, year) the body's author–year citations name
    (`(Ahumada et al., 2013)`, `Ahumada et al. (2013)`: `exporter.author_year`)."""
    from ..author_year import author_year_citations, folded_name

    cited = {(folded_name(c.family), c.year) for c in author_year_citations(body)}
    return sum(1 for family, year in openings if (folded_name(family), year[:4]) in cited)


def reads_as_author_date_list(openings: list[tuple[str, str]], body: str) -> bool:
    """Paragraphs after the body with no heading over them are its author–date list when an
    editor would take them for one: at least five, each opening with names and a date
    (`author_date_opening`), sorted by their first authors (`_alphabetical`), and at least half
    of them cited by first author and year in the body before them."""
    if len(openings) < _HEADLESS_AUTHOR_DATE_MIN or not _alphabetical([f for f, _ in openings]):
        return False
    return 2 * _cited_by_author_and_year(openings, body) >= len(openings)


# A line ending so goes on with the next (a list of names wrapped: `Feng, X.,` / `Guisan, A., …`; a
# name begun after `and`, `&` or a comma, `… and Van` / `Mechelen, W. (1999).`; a particle, `… de`).
_NAMES_GO_ON = re.compile(rf"(?:[,;:&–—-]|\band|(?:,|\band|&)\s+[^\W\d_][\w'’-]*|\b(?i:{_PARTICLE_WORDS}))\s*$")


def _headless_author_date(lines: list[str], start: int) -> ReferenceList | None:
    """A trailing run of unnumbered author–date entries (`reads_as_author_date_list`) with no
    heading: the list follows the last paragraph, as a manuscript with its heading lost prints it.

    An entry's first line follows a line that does not carry names on (no comma, `&` or `and` at its
    end, no given name cut from its family name: `…, and Ruth E.`; an address's wrapped tail may end
    the entry before), is not among the names of the entry before, and opens with names and a date (`author_date_opening`, over its next lines too: long author lists wrap);
    from the paper's end backwards each entry's first line is at most `_AUTHOR_DATE_ENTRY_LINES`
    lines of text after the one before, and the last is at most `_HEADLESS_TAIL` lines from the
    end. Bare numbers (page and margin line numbers) count as no text."""
    filled = [i for i in range(start, len(lines)) if not _is_blank(lines[i]) and not _PAGE_NUMBER.match(lines[i])]
    openings: dict[int, tuple[str, str]] = {}  # position in `filled` -> (family, year)
    names_until = 0  # the line where the last opening's date stands: the lines up to it are its names
    for k in range(1, len(filled)):
        line, previous = lines[filled[k]], lines[filled[k - 1]]
        if k <= names_until or not line.lstrip()[:1].isupper() or _NAMES_GO_ON.search(previous) or _LAST_GIVEN_NAME_AT_END.search(previous):
            continue
        for size in range(1, 5):  # the names may wrap over the next three lines
            opening = author_date_opening(" ".join(lines[j].strip() for j in filled[k : k + size]))
            if opening is not None and opening[1]:
                openings[k], names_until = opening, k + size - 1
                break
    if not openings:
        return None
    run = [max(openings)]
    if len(filled) - run[0] > _HEADLESS_TAIL:
        return None
    for k in sorted(openings, reverse=True)[1:]:
        if run[0] - k > _AUTHOR_DATE_ENTRY_LINES:
            break
        run.insert(0, k)
    first = filled[run[0]]
    if not reads_as_author_date_list([openings[k] for k in run], " ".join(lines[start:first])):
        return None
    return ReferenceList(None, [], len(lines), first)


# What only a reference carries: GOST's `//` before its host, a page count (`– 192 с.`, `245 p.`),
# a page, volume or issue mark before a number (`С. 242`, `pp. 5`, `Т. 62`, `№ 3`), or a place and
# publisher before the year (`М.: Наука, 2010`).
_REFERENCE_MARK = re.compile(
    r"\s//\s|\d\s?(?:[сcб]|pp?)\.(?=[\s,;)]|$)|\b(?:С|P|pp|S|Т|Vol|V)\.\s?\d|№\s?\d"
    r"|[A-ZА-ЯЁ][\w.-]{0,20}\s?:\s?[^\d,:;]{2,60},\s?(?:1[5-9]|20)\d\d"
)
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")


def reads_as_reference(text: str) -> bool:
    """The text has a year and one of a reference's own marks (`_REFERENCE_MARK`): evidence
    enough for a short list with no heading, which prose and numbered conclusions lack."""
    return _YEAR.search(text) is not None and _REFERENCE_MARK.search(text) is not None


# What a reference in any style carries besides its year: its authors first (`Smith, J.`,
# `Иванов И. И.`, `A. B. Smith,`, `J. Smith and`), `et al.`, a volume and its issue (`12(3)`), a DOI
# or an address, a quoted title before a comma (IEEE's `“Title,”`), `In:`/`In Proc.`, and the marks of
# `_REFERENCE_MARK`.
_ANY_STYLE_MARK = re.compile(
    r"\bet\s+al\.|\bи\s+др\.|\b\d{1,4}\s?\(\d{1,4}(?:[-–]\d{1,4})?\)|\bdoi\b|\b10\.\d{4,9}/|https?://|www\."
    r"|[,.]”|,\"|[“\"«][^”\"»]{8,200}[,.]?[”\"»]|\bIn:?\s+(?:Proc|[A-Z][a-z]+\s+[A-Z])|\bProc\.",
    re.IGNORECASE,
)
_INITIALS_FIRST = re.compile(rf"^\s*(?:[{_FAMILY_CAPITAL}]\.\s?){{1,3}}\s?[{_FAMILY_CAPITAL}][\w'’-]+")


_SPACED_YEAR = re.compile(r"(?<![\w.])(?:1 ?[5-9]|2 ?0) ?\d ?\d(?![\w.])")  # `1 9 8 9`, `1 9 94`
_SPACED_STOP = re.compile(r"(?<=\b[^\W\d_]) \.")  # `N .`, `Phys .`


def looks_like_reference(text: str) -> bool:
    """A numbered paragraph reads as a reference in any style: a year, and its authors first
    (a name and initials, initials and a name) or another of a reference's marks
    (`_ANY_STYLE_MARK`, `_REFERENCE_MARK`). A table of contents' line (`2. Методы 12`), a
    numbered step or finding, a section's heading carry none of them with a year. Text a PDF's
    layer letter-spaced (`N . Isgur`, `( 1 9 8 9 )`) is read closed up."""
    text = _SPACED_STOP.sub(".", " ".join(text.split()))
    if _YEAR.search(text) is None and _SPACED_YEAR.search(text) is None:
        return False
    if _AUTHOR_START.match(text) or _INITIALS_FIRST.match(text) or author_date_opening(text):
        return True
    return _REFERENCE_MARK.search(text) is not None or _ANY_STYLE_MARK.search(text) is not None


# A part's name inside a list: the list's own words for its kinds of sources (`Дополнительные
# источники`, `Электронные ресурсы:`, `Нормативно-правовые акты`, `Литература на английском языке`,
# `Internet resources`, `Primary sources`, `Интернет-көздер`).
_SUBHEADING_WORD = re.compile(
    r"(?i)(?<![^\W\d_])(?:источник|ресурс|литератур|издани|документ|акты\b|материал|публикац|сайт|стать[ия]\b|статей\b|"
    r"әдебиет|дереккөз|көздер|ресурстар|"
    r"sources\b|resources\b|literature|references\b|publications\b|documents\b|materials\b|websites\b|works\b|articles\b|datasets?\b)"
)


def is_list_subheading(text: str) -> bool:
    """A short line inside a list that names a part of it, not an entry nor a piece of one: a
    few words (four at most, eight before a colon) with no digit, none of a reference's marks, no author's name and
    initials, nothing that carries an entry on (`Режим доступа:`, a lower-case word), ending
    with nothing, a colon or a full stop (commas only before a colon), and naming a kind of
    sources (`_SUBHEADING_WORD`): `Дополнительные источники`, `Электронные ресурсы:`, `Перечень
    Интернет-ресурсов, необходимых для освоения дисциплины:`. A list printed in parts has them between
    its entries; they belong to no entry."""
    text = " ".join(text.split())
    words = text.split()
    if not words or len(words) > (8 if text.endswith(":") else 4) or len(text) > 80 or re.search(r"\d|//|https?:|www\.|[«»\"“”\[\]()/]", text):
        return False
    if not words[0][:1].isupper() or continues_entry(text) or _AUTHOR_START.match(text):
        return False
    return bool(re.fullmatch(r"[^.:;,]+[.:]?|[^.:;]+:", text)) and _SUBHEADING_WORD.search(text) is not None


_ROMAN_PART = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X)\.\s+(?P<name>\S.*)$")


def is_numbered_list_part(text: str) -> bool:
    """A list's part named under a roman number (`II. Учебная и научная литература`, `IV.
    Финансовая отчётность и корпоративные документы ПАО «АК БАРС» БАНК`, GOST R 7.0.100 lists set
    in parts): the number, then a part's name (`is_list_subheading`), which may name a body in
    guillemets and run to eight words besides; not an entry opening with an initial (`I. Goodfellow, …`)."""
    m = _ROMAN_PART.match(" ".join(text.split()))
    if m is None:
        return False
    name = m["name"].rstrip(".:")
    if is_list_subheading(name):
        return True
    plain = " ".join(re.sub(r"«[^«»\d]{1,60}»", " ", name).split())  # a body's name in guillemets, no digit in it
    if plain == name or len(plain.split()) > 8 or not plain[:1].isupper() or continues_entry(plain):
        return False
    return not re.search(r"\d|//|[\"“”\[\]()/,;:.]", plain) and _SUBHEADING_WORD.search(plain) is not None


# What carries on a title on the next line: GOST's designation (`[Электронный ресурс]`), its area
# separator alone on a line (`–`: a page number has its number, `– 28 –`), its host's mark (`//`,
# alone on a line in pdftotext's text of a justified line: `[Электронный` / `ресурс]` / `//` /
# `intuit.ru.`) and the address's words (`URL:`, `Режим доступа:`, `Available at:`, `https://…`).
_GOES_ON_AFTER_TITLE = re.compile(r"^\s*(?:\[|[–—-]\s*$|//|URL\b|Режим\b|Available\s+(?:at|from|online)|https?://|www\.)")


# A heading that opens an appendix: the word alone or with its letter or number and a title
# (`APPENDIX`, `Appendix A. Proofs`, `ПРИЛОЖЕНИЕ А`, `Приложение 1. Листинг программы`, `Қосымша`);
# not a sentence that opens with the word (`Приложение позволяет …`: "the application allows").
_APPENDIX_OPENS = re.compile(
    r"\s*(?:appendix|appendices|приложение|приложения|қосымша|қосымшалар)"
    r"(?:\s+(?:(?-i:[A-ZА-ЯЁ]|[IVX]{1,4})|\d{1,2})(?=[\s.:]|$)[.:]?(?:\s+\S.{0,80})?)?[.:]?\s*",
    re.IGNORECASE,
)


def appendix_after_list(lines: list[str], last: int) -> tuple[int, int] | None:
    """The lines of an appendix printed after the list, whose last entry ends at line `last`:
    from its heading to the end, or to a reference heading after it (the list again, in Latin
    letters). It is the paper's body, kept after the list as printed."""
    for i in range(last + 1, len(lines)):
        text = lines[i].strip()
        if text[:1].isupper() and len(text) < 100 and _APPENDIX_OPENS.fullmatch(text):
            return i, next((j for j in range(i + 1, len(lines)) if is_reference_heading(lines[j])), len(lines))
    return None


def _list_end(lines: list[str], begin: int, end: int, need: int = 0, complete: bool = False) -> int:
    """Where the list's last entry stops: before what journals print after a list (a caption,
    an abstract, author notes…), or at a blank line once the entry's text is complete and
    what follows it does not continue it (a lower-case line continues a sentence). `need`
    lines of text come first whatever they look like (the texts of a block of numbers);
    `complete` says whether the entry's first line already ends like a whole entry. A text of one
    word is never a whole entry: pdftotext sets each word of a justified line on a line of its
    own (`18.` / `TrEP` / blank / `Predicting the Educational … Using`), and the rest follows;
    nor does a title end it when the next line carries it on (`[Электронный`, `URL:`)."""
    seen, words = 0, 2 if complete else 0  # a first line that ends like an entry is more than a word
    for i in range(begin, end):
        line = lines[i]
        if _AFTER_LIST.match(line):
            return i
        if _is_blank(line):
            if complete and seen >= need and words > 1:
                nxt = next((j for j in range(i + 1, end) if not _is_blank(lines[j])), None)
                if nxt is None or not (lines[nxt].lstrip()[:1].islower() or _GOES_ON_AFTER_TITLE.match(lines[nxt])):
                    return i
            continue
        seen += 1
        words += len(line.split())
        complete = _ENDS_ENTRY.search(line) is not None and not _MARK_WITHOUT_ITS_NUMBER.search(line)
    return end


# A page, volume or issue mark closing a line (`— С.` / blank / `40-41.`: pdftotext's justified
# words, each on a line): its number follows, so the entry is not complete there.
_MARK_WITHOUT_ITS_NUMBER = re.compile(r"(?:^|[\s—–-])(?:С|P|pp|Т|T|Vol|vol|No|№)\.?\s*$")


# A line that carries on an entry and never opens one: a lower-case word (a wrapped sentence),
# GOST's separators (`– 2003. – Т. 4.`, `//Автоматика`, `/ пер. с англ.`), a bracket or
# parenthesis (`(accessed on`, `(дата обращения:`, `[CrossRef]`, `[S.l.]`), what ends an entry
# (`URL:`, `DOI:`, `ISSN`, `Available online`), a number followed by punctuation (the year,
# volume and pages `2002, 5, 438–457.`, a date `03.09.2020).`) or by its issue in brackets
# (`41 (43): 8946–62.`, carried over a page break), a page, volume or issue mark
# (`С. 70–75`, `pp. 12`, `Т. 4`, `№ 3`), and `In` before the container (`In Proceedings of`).
_CONTINUES_ENTRY = re.compile(
    r"^\s*(?:[–—−-]|/|[(\[]"
    r"|(?:URL|DOI|doi|ISBN|ISSN|eISSN|PMID|https?:|www\.|Available\s+(?:online|at|from)|Retrieved\s+from|Режим\s+доступа)"
    r"|\d{1,4}[.,;:)–—−-]|\d{1,4}\s\(\d"
    r"|(?:[СсPpРрS]|pp|Т|T|Vol|vol|Bd|No|no|Nr|Вып|вып|Iss)\.?\s*\d|№"
    r"|In\b|В\s+(?:кн|сб)\.)"
)
# An entry's last line ends like this: a number (year, pages, a date), a closing bracket
# (`[CrossRef]`, `(accessed on 19 December 2015)`), a page count (`272 с.`, `186 б.`; glued to a
# Cyrillic mark: `296с.`, `– 21-33с.`) or a URL.
_ENDS_ENTRY_FIRMLY = re.compile(
    r"(?:\d[.)\]]?|[)\]]\.?|\s[сcpрsб]\.|(?<![^\W\d_])\d{1,5}(?:\s?[-–—]\s?\d{1,5})?[сб]\.|https?://\S+|\b(?:doi|DOI):\s*\S+"
    # a web address's wrapped tail: `www.softwareheritage.org.`, `//example.org/a.html.`, `graph/api.html.`
    r"|(?:^|\s)/{0,2}[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}(?:/\S*)?\.?|(?:^|\s)[a-z0-9._-]+(?:/[a-z0-9._%-]+)+(?:\.[a-z]{2,5}|/)\.?)\s*$"
)
# A word and a full stop end a title or an entry: weaker evidence (`Secur.`, `Методы.`).
_ENDS_SENTENCE = re.compile(r"(?:[^\W\d_]\.|[»”\"]\.?)\s*$")


_COMBINING_MARK = re.compile("[\u0300-\u036f]")


def _composed(line: str) -> str:
    """The line with its letters' combining accents composed (NFC): pdftotext prints a TeX
    font's accented letters as the letter and the accent apart (`Co\u0302te\u0301, I. M.`), which
    no name pattern reads as a name's letters."""
    return unicodedata.normalize("NFC", line) if _COMBINING_MARK.search(line) else line


def continues_entry(line: str) -> bool:
    """The line carries on the entry before it and cannot open one (see `_CONTINUES_ENTRY`).
    Evidence: the lines pdftotext wraps inside entries in the dev half (en_fielder
    `2002, 5, 438–457. [CrossRef]`, `counciloncybersecurity.org/…`, `(accessed on`;
    ru_tsp `– 2003. – Т. 4. – №. 4. – С. 70-75.`, `//Автоматика и телемеханика.`)."""
    text = line.lstrip()
    if text[:1].islower() and _ARTICLE_NAME.match(text) and opens_author_date_entry(text):
        return False  # `al-Ğāḥiẓ. 2007. Title.`: a transliterated Arabic name opens the entry with its article
    return not text or text[0].islower() or _CONTINUES_ENTRY.match(text) is not None


def entry_end_strength(line: str) -> int:
    """How surely a line ends an entry: 2 for a number, closing bracket, page count or URL at
    its end; 1 for a word and a full stop (titles end so too); 0 otherwise (`,`, `;`, `:`,
    a bare word: the entry goes on)."""
    if _ENDS_ENTRY_FIRMLY.search(line):
        return 2
    return 1 if _ENDS_SENTENCE.search(line) else 0


def entry_start_strength(line: str, following: str = "") -> int:
    """How surely a line opens an entry: 2 when it starts with an author's name and initials
    (`Benaroch, M.`, `Штовба С. Д.`; a name alone on its line with the initials on the next
    counts too); 1 for a capitalised start of two words or more (an organisation or a title
    first: `SANS. The Critical…`); 0 for a lone word; -1 for a line that carries on an entry
    (`continues_entry`)."""
    line, following = _composed(line), _composed(following)
    if continues_entry(line) and not (_PARTICLE_FIRST.match(line) and _AUTHOR_START.match(line)):
        return -1
    words = line.split()
    if _AUTHOR_START.match(line) or (len(words) == 1 and _AUTHOR_START.match(f"{line.strip()} {following.strip()}")):
        return 2
    return 1 if len(words) >= 2 else 0


def _split_texts(lines: list[str], rows: list[int], count: int) -> list[list[int]]:
    """Text lines shared out among `count` entries whose numbers stood together in a block.

    Each line between two rows may open the next entry; its weight is how surely the line
    before ends an entry plus how surely the line opens one (`entry_end_strength`,
    `entry_start_strength`); a line that carries on an entry is never chosen while others
    remain. The `count - 1` heaviest places are the cuts (the earlier one on a tie). The
    count is the numbers'; the split is the best guess.
    """
    rows = [i for i in rows if not _is_blank(lines[i])]
    if count <= 1:
        return [rows]
    if len(rows) <= count:
        return [[r] for r in rows] + [[] for _ in range(count - len(rows))]
    ranked = []
    for k in range(1, len(rows)):
        following = lines[rows[k + 1]] if k + 1 < len(rows) else ""
        start = entry_start_strength(lines[rows[k]], following)
        weight = -10 if start < 0 else entry_end_strength(lines[rows[k - 1]]) + start
        ranked.append((-weight, k))
    cuts = sorted(k for _, k in sorted(ranked)[: count - 1])
    bounds = [0, *cuts, len(rows)]
    return [rows[a:b] for a, b in zip(bounds, bounds[1:])]


def _carried_over(lines: list[str], rows: list[int]) -> list[int]:
    """The rows at the head of a block's texts that carry on an entry (`continues_entry`):
    the end of the entry before the block, which a page break cut off from it (its `URL:`,
    access date and DOI printed after the next page's block of numbers)."""
    rows = [i for i in rows if not _is_blank(lines[i])]
    k = next((k for k, i in enumerate(rows) if not continues_entry(lines[i])), len(rows))
    return rows[:k] if k < len(rows) else []


def _without_subheadings(lines: list[str], rows: list[int]) -> list[int]:
    """An entry's rows without the part's name printed after it, before the next entry
    (`Электронные ресурсы:`: `is_list_subheading`), when the row before it ends an entry."""
    rows = list(rows)
    while len(rows) > 1 and is_list_subheading(lines[rows[-1]]) and entry_end_strength(lines[rows[-2]]):
        rows.pop()
    return rows


def entry_rows(lines: list[str], found: ReferenceList) -> list[tuple[int, int, list[int]]]:
    """(number, marker length, lines) of each entry, in the order printed.

    An entry runs from its number to the next entry's number; the last one stops where the
    list ends (`_list_end`). Numbers alone on their lines with no text before the next number
    form a block; the text after the block is shared out among them (`_split_texts`).
    """
    if numbers_apart(found.starts):
        return _texts_beside_a_number_column(lines, found)
    out: list[tuple[int, int, list[int]]] = []
    starts = found.starts
    block: list[Start] = []
    for k, s in enumerate(starts):
        nxt = starts[k + 1].line if k + 1 < len(starts) else None
        if nxt is None:
            first_complete = not s.alone and _ENDS_ENTRY.search(lines[s.line]) is not None and not _MARK_WITHOUT_ITS_NUMBER.search(lines[s.line])
            stop = _list_end(lines, s.line + 1, found.end, len(block) + 1 if s.alone else 0, first_complete)
        elif nxt < s.line:  # entries before the heading (see _columns_before_heading): up to it
            stop = found.heading if found.heading is not None else len(lines)
        else:
            stop = nxt
        stop = next((a for a, b in found.body_inside if s.line < a <= stop), stop)
        text = [i for i in range(s.line + 1, stop) if not _is_blank(lines[i])]
        if s.alone and not text and nxt is not None:
            block.append(s)
            continue
        if block:
            lead = _carried_over(lines, text)
            if lead and out:  # the entry before the block goes on past it (a page break between)
                number, skip, rows = out[-1]
                out[-1] = (number, skip, rows + lead)
                text = text[len(lead) :]
            pieces = _split_texts(lines, text, len(block) + 1)
            out.extend((b.number, 0, piece) for b, piece in zip([*block, s], pieces))
            block = []
            continue
        rows = text if s.alone else [s.line, *text]
        out.append((s.number, 0 if s.alone else s.skip, _without_subheadings(lines, rows)))
    for b in block:  # numbers with no text at all after them
        out.append((b.number, 0, []))
    return _first_lines_above_their_numbers(lines, found, out)


def _texts_beside_a_number_column(lines: list[str], found: ReferenceList) -> list[tuple[int, int, list[int]]]:
    """The entries of a list whose numbers pdftotext set in a column apart (`numbers_apart`): the
    text lines after the heading (no number line, no prose given back to the body) are shared out
    among the numbers from the first to the last (one the extraction lost is counted in its place)
    by `_split_texts`, in the order printed; the last entry stops where the list ends (`_list_end`)."""
    numbers = sorted(s.number for s in found.starts)
    count = numbers[-1] - numbers[0] + 1 if numbers[-1] - numbers[0] + 1 <= len(numbers) + 2 else len(numbers)
    skip = {s.line for s in found.starts} | {i for a, b in found.body_inside for i in range(a, b)}
    begin = found.heading + 1 if found.heading is not None else min(s.line for s in found.starts)
    rows = []
    for i in range(begin, found.end):
        if _AFTER_LIST.match(lines[i]):
            break
        if i not in skip and not _is_blank(lines[i]):
            rows.append(i)
    pieces = _split_texts(lines, rows, count)
    if pieces and pieces[-1]:
        last = pieces[-1]
        complete = _ENDS_ENTRY.search(lines[last[0]]) is not None
        stop = _list_end(lines, last[0] + 1, found.end, 0, complete)
        pieces[-1] = [i for i in last if i < stop]
    return [(numbers[0] + k, 0, piece) for k, piece in enumerate(pieces)]


def _first_lines_above_their_numbers(lines: list[str], found: ReferenceList, out: list) -> list:
    """pdftotext sets a justified entry's first line above its number when the number stands alone
    on its line (`Title … / [Электронный` / blank / `13.` / blank / `ресурс] // …`): a line right
    above a lone number (blanks between) that ends no entry, after a line that ends one firmly or
    the list's heading, is the first line of the entry under that number, not the last of the one
    before."""
    alone = {s.number for s in found.starts if s.alone}
    firsts = {s.number: s.line for s in found.starts}
    for k, (number, skip, rows) in enumerate(out):
        if number not in alone:
            continue
        before = out[k - 1][2] if k else [i for i in range(found.heading + 1, firsts[number]) if not _is_blank(lines[i])] if found.heading is not None else []
        if not before or not all(_is_blank(lines[i]) for i in range(before[-1] + 1, firsts[number])):
            continue
        last = before[-1]
        ended = entry_end_strength(lines[before[-2]]) == 2 if len(before) > 1 else k == 0 and len(before) == 1
        if ended and entry_end_strength(lines[last]) == 0 and not continues_entry(lines[last]) and not _MARK_WITHOUT_ITS_NUMBER.search(lines[last]):
            if k:
                out[k - 1] = (out[k - 1][0], out[k - 1][1], before[:-1])
            out[k] = (number, skip, [last, *rows])
    return out


def read_reference_list(lines: list[str], found: ReferenceList | int, join, hanging: dict[int, bool] | None = None) -> list[Entry]:
    """The entries of the list `found` (or, for old callers, of the list under heading index).

    Numbered lists: see `entry_rows`. Unnumbered lists take one entry per paragraph (or per
    line when no blank line separates them) and are numbered in order; `hanging`, from a reader
    that sees the page, says of a line of a list set with hanging indents whether it opens an
    entry (True) or carries one on (False), over the text's own signs. `join(numbered_lines,
    skip)` is the reader's own line joining (it knows the source's hyphenation); it returns a
    `Joined`.
    """
    if isinstance(found, int):
        found = ReferenceList(found, number_entries(lines, found + 1, len(lines)), len(lines), found)
    lines = found.lines or lines
    if found.starts:
        entries = []
        labels = {s.number: s.label for s in found.starts if s.label}  # an alphabetic list's entries are keyed by their labels
        for number, skip, rows in entry_rows(lines, found):
            if not rows:  # a number with no text: the entry is its number
                start = next(s for s in found.starts if s.number == number)
                rows, skip = [start.line], 0
            joined = join([(i + 1, lines[i]) for i in rows], skip)
            entries.append(with_fields(Entry(key=labels.get(number, str(number)), number=number, span=joined.whole, text=joined.text), joined))
        return entries
    return _unnumbered(lines, found.heading if found.heading is not None else found.body_end - 1, join, hanging or {})


def opens_author_date_entry(line: str) -> bool:
    """The line opens an author–date entry: capitalised names or an organisation's words (with
    `and`, `&`, `et al.` and name particles between them), then the year in brackets, as APA,
    Harvard and JSS lists print each entry's start (`Golub GH, LeVeque RJ (1979).`,
    `Alzheimer’s Disease International. (2009).`), or after a full stop, as Chicago's
    author-date style does (`R Core Team. 2022.`, `Xie, Yihui. 2016.`)."""
    line = _composed(line)
    m = _AUTHOR_DATE.match(line) or _AUTHOR_DOT_DATE.match(line)
    if m is None:
        return False
    words = re.findall(r"[^\W\d_][\w'’.-]*|&", m["who"])
    if not words or not (words[0][0].isupper() or words[0] in _PARTICLE_WORDS.split("|") or _arabic_article_name(words[0])):  # `and Tschanz, J. T. (2009)` goes on
        return False
    return all(w[0].isupper() or w.lower().rstrip(".") in _NAME_LINK_WORDS or _arabic_article_name(w) for w in words)


def _arabic_article_name(word: str) -> bool:
    """`al-Ğāḥiẓ`, `el-Rouayheb`: a transliterated Arabic name after its article (`_ARTICLE_NAME`),
    the name itself capitalised."""
    m = _ARTICLE_NAME.match(word)
    return m is not None and word[m.end() :][:1].isupper()


# What ends an unnumbered list besides the paper's end: an appendix's heading (`Appendix B`,
# `Приложение 1`, a thesis's numbered `7 Appendix`, `8 Attachments`, a lettered `A. Partitioned vs.
# unpartitioned …`), or what journals print after a list.
_APPENDIX_HEADING = re.compile(r"^\s*(?:(?:\d{1,2}\.?\s+)?(?:Appendix|APPENDIX|Приложение|ПРИЛОЖЕНИЕ|Қосымша|ҚОСЫМША)\b.{0,80}|\d{1,2}\.?\s+(?:Attachments?|ATTACHMENTS?|Annex(?:es)?|ANNEX(?:ES)?)\b.{0,80}|[A-Z]\.?\s+[A-Z][^,\d;:()\[\]]{3,80}[^.,\d\s])$")
_ENDS_WITH_STOP = re.compile(r"(?:[.)\]\d]|/)\s*$")
# `… https://dplyr.tidyverse.org`, or an address's tail wrapped to a line of its own
# (`package=corx`, `package.tinylabels`, a DOI's `4457.2016.00128.x`): APA's entries end so.
_ENDS_WITH_ADDRESS = re.compile(r"(?:https?://|www\.)\S+\s*$|^\s*[^\s/]*(?:[a-z][./=]|\d\.\d)[^\s]*[a-z0-9]\s*$")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")


def _chicago_first_author(line: str) -> bool:
    """`Wickham, Hadley, Mara Averick, …`: Chicago's first author, given name in full, on a line
    with no number but the entry's year after a full stop (`… Mammen. 2010.`); a journal's name
    wrapped to a line's start has its volume there (`Aging, Neuropsychology, and Cognition, 11,`)."""
    if _FAMILY_GIVEN.match(line) is None:
        return False
    digit = re.search(r"\d", line)
    return digit is None or (line[: digit.start()].rstrip().endswith(".") and re.match(r"(?:1[5-9]|20)\d\d[a-z]?\.", line[digit.start() :]) is not None)


# Chicago's last author, given name first, cut before the family name at a line's end (`…, and
# Liberty S.`): the next line goes on with the name.
_LAST_GIVEN_NAME_AT_END = re.compile(r"(?:,|\band|&)\s+[A-Z][a-z]+(?:\s+[A-Z]\.)+\s*$")


# APA's and Harvard's opening whole on one line: a family name, initials (more names, `&`, `and`,
# `et al.` between), then the bracketed year and a full stop: `Franklin, J. (2010).`, `Gu, W., & Swihart,
# R. K. (2004).`
_APA_OPENING_ON_ITS_LINE = re.compile(
    rf"^\s*{_PARTICLE}[{_FAMILY_CAPITAL}][\w'’-]+,\s+(?:[A-Z]\.\s?(?:-?[A-Z]\.\s?)*)(?:,?\s+(?:&\s+|and\s+)?(?:{_PARTICLE}[{_FAMILY_CAPITAL}][\w'’-]+,\s+(?:[A-Z]\.\s?(?:-?[A-Z]\.\s?)*)|et\s+al\.))*\s*\((?:1[5-9]|20)\d\d[a-z]?\)\."
)


def _opens_unnumbered_entry(previous: str, line: str, following: str) -> bool:
    """Inside a paragraph of an unnumbered list a line opens the next entry when the line before
    ends as an entry does (a full stop, bracket, number, address's slash, or an address) and the line opens
    with an author's name and initials or an author–date opening (see `entry_start_strength`,
    `opens_author_date_entry`); a wrapped line of authors (`Vohs, K. D. (2001).` after `… C. and`)
    follows a line that does not end so. A line that opens with a name and initials and its bracketed
    date on it (`Franklin, J. (2010).`) opens one after any line that carries no names on (an address's
    wrapped tail, `0653-x`, may end the entry before: `_APA_OPENING_ON_ITS_LINE`)."""
    if _APA_OPENING_ON_ITS_LINE.match(line) and not _NAMES_GO_ON.search(previous) and not _LAST_GIVEN_NAME_AT_END.search(previous):
        return True
    if not _ENDS_WITH_STOP.search(previous) and not _ENDS_WITH_ADDRESS.search(previous):
        return False
    if _LAST_GIVEN_NAME_AT_END.search(previous):  # `…, and Liberty S.` / `Hamilton. 2021. “…`: the family name follows
        return False
    if _SAME_AUTHOR_DASH.match(line) or _chicago_first_author(line) or _given_names_then_year(line, following):
        return True
    if _ENDS_WITH_YEAR.search(previous) and _given_names_then_title(line, following):
        return True
    return entry_start_strength(line, following) == 2 or opens_author_date_entry(line)


def _given_names_then_year(line: str, following: str) -> bool:
    """The line opens `Given Family, Given Family, and Given Family. 2019.` (ACL's and natbib's
    author-year opening: `given_names_before_year`) on it or on the lines after it (`following`:
    the names are often wrapped over two or three lines before the year)."""
    from .tagger.normalise import given_names_before_year  # the tagger loads only for a paper with a list (tests/test_lazy_imports.py)

    joined = line.rstrip()[:-1] + following.lstrip() if re.search(r"[a-z]-$", line.rstrip()) else f"{line.rstrip()} {following.strip()}"
    return given_names_before_year(joined) is not None


# natbib's plainnat and abbrvnat close each entry with its year (`…, 16(12):1289–1296, 2019.`).
# (after a comma: Chicago's `Holm, Anna. 2003.` wraps its title to the next line)
_ENDS_WITH_YEAR = re.compile(r",\s(?:1[5-9]|20)\d\d[a-z]?\.\s*$")


def _given_names_then_title(line: str, following: str) -> bool:
    """The line opens plainnat's `Given Family, …, and Given Family. Title.` on it or on the lines
    after it (`given_names_then_title`)."""
    from .tagger.normalise import given_names_then_title  # the tagger loads only for a paper with a list

    return given_names_then_title(f"{line.rstrip()} {following.strip()}") is not None


# An address cut at its line's end right after a slash (`https://doi.org/10.1080/`, `doi:10.1016/`).
_ADDRESS_CUT_AT_SLASH = re.compile(r"(?:https?://|www\.|\bdoi:\s?10\.|\b10\.\d{4,9}/)\S*/$", re.IGNORECASE)


def _address_tail(previous: str, line: str) -> bool:
    """`… https://doi.org/10.1080/`, a blank line, `13670050.2018.1434563`: one word after a line
    that ended in an address cut at its slash is the rest of that address, not an entry (a
    double-spaced PDF's text), unless it opens an address of its own."""
    words = line.split()
    return len(words) == 1 and _ADDRESS_CUT_AT_SLASH.search(previous.rstrip()) is not None and not re.match(r"(?:https?://|www\.)", words[0], re.I)


def _double_spaced(filled: list[int]) -> bool:
    """Nearly every line stands between blank lines (a double-spaced manuscript read from a PDF:
    APA's papers): the blank lines then part lines, not entries, and the entries are told apart
    by their openings as inside a paragraph (`_opens_unnumbered_entry`)."""
    gaps = [b - a for a, b in zip(filled, filled[1:])]
    return len(gaps) >= 6 and sum(1 for g in gaps if g == 2) >= 0.8 * len(gaps)


def _blocks_of_bare_numbers(lines: list[str], filled: list[int]) -> set[int]:
    """The lines of paragraphs made of bare numbers only, two or more (`286` / `287` / `288`: a
    manuscript's margin line numbers that pdftotext set apart from the text, a block a page): page
    furniture, no entry."""
    out: set[int] = set()
    block: list[int] = []
    for k, i in enumerate(filled + [-2]):
        if block and i != block[-1] + 1:
            if len(block) >= 2 and all(_PAGE_NUMBER.match(lines[j]) for j in block):
                out.update(block)
            block = []
        block.append(i)
    return out


# An author's biography printed after the list with no heading (SAGE's, Taylor & Francis's): the
# author's full name, then `is a`, `is Professor`, … (`Anna Holm is a PhD candidate in …`).
_AUTHOR_BIOGRAPHY = re.compile(r"^\s*[A-Z][a-z]+(?:\s[A-Z]\.)?(?:\s[A-Z][\w'’-]+){1,2}\sis\s(?:a|an|the|Professor|Associate|Assistant|Senior|Lecturer|Reader|Director|Head)\s")


def _unnumbered(lines: list[str], heading: int, join, hanging: dict[int, bool]) -> list[Entry]:
    """One entry per paragraph, or per line when every line ends as an entry and no blank line
    separates them; inside a paragraph a new entry opens where `_opens_unnumbered_entry` says;
    a line `hanging` names opens an entry or carries one on (over a page break too) as it says.
    A page number alone between blank lines is furniture, and so is a paragraph of bare numbers
    (`_blocks_of_bare_numbers`); an appendix heading after a blank line, or what journals print
    after a list (an author's biography too: `_AUTHOR_BIOGRAPHY`), ends it."""
    rows = range(heading + 1, len(lines))
    filled = [i for i in rows if not _is_blank(lines[i])]
    one_per_line = len(filled) == (filled[-1] - filled[0] + 1 if filled else 0) and all(entry_end_strength(lines[i]) for i in filled)
    # the spacing of the list's own lines: captions or notes printed after it are set otherwise
    spaced = _double_spaced(filled[: next((k for k, i in enumerate(filled) if _AFTER_LIST.match(lines[i])), len(filled))])
    groups: list[list[int]] = []
    previous_blank = True
    numbers_only = _blocks_of_bare_numbers(lines, filled)
    for k, i in enumerate(filled):
        previous_blank = k == 0 or filled[k - 1] != i - 1
        nxt_blank = k + 1 == len(filled) or filled[k + 1] != i + 1
        if previous_blank and nxt_blank and _PAGE_NUMBER.match(lines[i]) or i in numbers_only:
            continue
        if previous_blank and groups and (_APPENDIX_HEADING.match(lines[i]) or _AFTER_LIST.match(lines[i]) or _AUTHOR_BIOGRAPHY.match(lines[i])):
            break
        if previous_blank and (nxt_blank or lines[i].rstrip().endswith(":")) and is_list_subheading(lines[i]):
            continue  # a part's name set apart, or closed by a colon (`Literature:` over its entries)
        following = " ".join(lines[j] for j in filled[k + 1 : k + 3] if j - i <= 2)  # (the next two lines of the paragraph)
        if groups and i in hanging and not hanging[i]:
            groups[-1].append(i)
        elif groups and hanging.get(i):
            groups.append([i])
        elif not groups or one_per_line or previous_blank and not spaced and not continues_entry(lines[i]) and not _address_tail(lines[groups[-1][-1]], lines[i]):
            groups.append([i])
        elif _opens_unnumbered_entry(lines[groups[-1][-1]], lines[i], following):
            groups.append([i])
        else:
            groups[-1].append(i)
    entries = []
    for n, group in enumerate(groups, start=1):
        joined = join([(i + 1, lines[i]) for i in group], 0)
        entries.append(with_fields(Entry(key=str(n), number=n, span=joined.whole, text=joined.text), joined))
    return entries


# The same-author dash of IEEE, Chicago and MLA (`——,`, `———.`): the names of the entry before.
_DASH_FOR_THE_AUTHORS = re.compile(r"^\s*(?:[—–]{2,}|-{3,}|_{3,})\s*[.,]?(?:\s|$)")  # the opening's form, punctuation optional


def with_previous_authors(entries: list[Entry]) -> list[Entry]:
    """Each own-list entry that opens with the same-author dash and has no author of its own read
    takes the authors of the entry before it: a list sorted by author prints a dash for a name
    list repeated from the entry above (`[5] ——, “Robust group sparse beamforming…”`), which the
    entry's own text cannot name."""
    out: list[Entry] = []
    for entry in entries:
        fields = dict(entry.fields)
        previous = dict(out[-1].fields).get("author") if out else None
        if previous and entry.origin == "list" and "author" not in fields and _DASH_FOR_THE_AUTHORS.match(entry.text):
            entry = dataclasses.replace(entry, fields=(("author", previous), *entry.fields))
        out.append(entry)
    return out
