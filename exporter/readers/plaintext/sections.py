"""Section headings in PDF-extracted text: `Кіріспе`, `Введение`, `1. Introduction`, `2.1 Methods`, `ҚОРЫТЫНДЫ`."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from functools import lru_cache

from .normalize import TOKEN, ends_sentence

# Section names journals print in Kazakh, Russian and English, compared case-folded after the
# numbering and a final `.` or `:` are taken off.
SECTION_NAMES = frozenset(
    name.casefold()
    for name in (
        "Кіріспе", "Негізгі бөлім", "Негізгі бөлімі", "Қорытынды", "Қорытындылар", "Зерттеу әдістері",
        "Әдістер", "Материалдар мен әдістер", "Нәтижелер", "Нәтижелер және талқылау", "Талқылау", "Алғыс",
        "Введение", "Основная часть", "Заключение", "Выводы", "Вывод", "Результаты", "Обсуждение",
        "Результаты и обсуждение", "Методы", "Методы исследования", "Материалы и методы", "Методология",
        "Постановка задачи", "Благодарности", "Обзор литературы",
        # a report's or thesis's structural elements by GOST 7.32 (and their Kazakh names)
        "Термины и определения", "Перечень сокращений и обозначений", "Список сокращений и условных обозначений",
        "Перечень сокращений и условных обозначений", "Определения, обозначения и сокращения", "Нормативные ссылки",
        "Анықтамалар", "Белгілеулер мен қысқартулар", "Нормативтік сілтемелер",
        "Introduction", "Conclusion", "Conclusions", "Results", "Discussion", "Results and discussion",
        "Methods", "Methodology", "Materials and methods", "Related work", "Background", "Literature review",
        "Acknowledgements", "Acknowledgments", "Introduction and results", "Problem statement", "Evaluation",
    )
)
INTRODUCTIONS = frozenset(name.casefold() for name in ("Кіріспе", "Введение", "Introduction", "Introduction and results"))
# `1.`, `2.1`, `2.1.3.`, `IV.`: the numbering of a section heading.
_NUMBERING = re.compile(r"^(?P<number>(?:\d{1,2}\.)*\d{1,2}\.?|[IVX]{1,5}\.)\s+(?P<text>\S.*)$")
_CAPTION = re.compile(r"^(?:Table|Fig\.?|Figure|Таблица|Табл\.|Рис\.|Рисунок|Кесте|Сурет)\b", re.IGNORECASE)
# Initials (`M.E.J.`, `Libura M.`, `Хубаев Г.Н.`): a reference entry's authors, not a heading.
_INITIALS = re.compile(r"\b[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.|\b[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+,?\s[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.(?:\s|,|$)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
MAX_HEADING = 80  # characters: longer lines are sentences, not headings


@lru_cache(maxsize=4096)  # each line is asked about by its own and its neighbours' tests (~3.5 times a line)
def heading_text(line: str) -> str:
    return " ".join(TOKEN.findall(line))


def numbering_level(text: str) -> tuple[int, str] | None:
    """(level, text after the number) for a numbered line: `2.1 Methods` -> (2, `Methods`)."""
    m = _NUMBERING.match(text)
    if not m:
        return None
    number = m["number"].rstrip(".")
    level = 1 if not number[0].isdigit() else number.count(".") + 1
    return level, m["text"]


# A heading in small capitals whose text layer sets each large first letter apart from the small
# capitals after it (`I NTRODUCTION`, `R ELATED W ORK`: IEEEtran's compsoc headings through pdftotext).
_APART_INITIAL = re.compile(r"(?<!\S)([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]) (?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,})")


def _heading_names(text: str) -> tuple[str, str]:
    """The heading's name (its numbering and a final `.` or `:` off, case-folded) as printed, and
    with the first letters a small-capitals heading sets apart joined to their words: a known
    name either way is the heading (`A NEW INTRODUCTION` joins to no known name)."""
    def name(t: str) -> str:
        numbered = numbering_level(t)
        return (numbered[1] if numbered else t).rstrip(".:").strip().casefold()
    return name(text), name(_APART_INITIAL.sub(r"\1", text))


def sets_initials_apart(text: str) -> bool:
    """A heading that is a known section name only with its first letters joined to their
    words (`I NTRODUCTION`, `R ELATED W ORK`): the paper's headings are set in small capitals."""
    printed, joined = _heading_names(text)
    return printed not in SECTION_NAMES and joined in SECTION_NAMES


def initials_joined(text: str, known: Container[str] = ()) -> str:
    """A small-capitals heading's text with each first letter joined to its word (`P ERFORMANCE
    E VALUATIONS ON THE P ROPOSED S CHEMES` -> `PERFORMANCE EVALUATIONS ON THE PROPOSED SCHEMES`);
    an acronym's plural `s`, a small capital after it, joins the acronym (`ECC S AND` -> `ECCS AND`),
    unless the word after it is none the paper writes (`AUTO S KLEARN` -> `AUTO SKLEARN`); two
    first letters apart join their word where the paper writes the three as one (`I S KLEARN`
    -> `ISKLEARN`: `iSklearn`).
    A one-letter word before a word the paper writes (`known`, lower-cased) stays apart unless the
    paper writes them joined too (`A NEW METHOD`, but `A NALYSIS`)."""
    words, out, tail = text.split(" "), [], False  # tail: the last word out had its first letter apart
    i = 0
    while i < len(words):
        word, after = words[i], words[i + 1] if i + 1 < len(words) else ""
        third = words[i + 2] if i + 2 < len(words) else ""
        if _CAPITAL.fullmatch(word) and _CAPITAL.fullmatch(after) and _CAPITALS.match(third) and (word + after + third).lower() in known:
            out.append(word + after + third)  # `I S KLEARN` for `iSklearn`, which the text writes
            tail, i = True, i + 3
        elif word == "S" and out and not tail and _CAPITALS.fullmatch(out[-1]) and not (_CAPITALS.match(after) and after.lower() not in known):
            out[-1], i = out[-1] + word, i + 1
        elif _CAPITAL.fullmatch(word) and _CAPITALS.match(after) and ((word + after).lower() in known or after.lower() not in known):
            out.append(word + after)
            tail, i = True, i + 2
        else:
            out.append(word)
            tail, i = False, i + 1
    return " ".join(out)


def small_caps_pieces(texts: Iterable[str]) -> set[str]:
    """The words in capitals (lower-cased) a text writes only right after a capital letter
    alone (`KLEARN` of `AUTO S KLEARN`, never written otherwise): the pieces of a name set in
    small capitals that the extraction split, not words the text writes."""
    after_letter: set[str] = set()
    elsewhere: set[str] = set()
    for text in texts:
        words = text.split()
        for k, word in enumerate(words):
            bare = word.strip(".,;:()[]")
            if _CAPITALS.fullmatch(bare):
                (after_letter if k and _CAPITAL.fullmatch(words[k - 1]) else elsewhere).add(bare.lower())
    return after_letter - elsewhere


_CAPITAL = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")
_CAPITALS = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,}")


def is_section_name(text: str) -> bool:
    """A known section name, numbered or not (`Введение`, `3. Results`, `ҚОРЫТЫНДЫ:`, `R ELATED W ORK`)."""
    return any(name in SECTION_NAMES for name in _heading_names(text))


@lru_cache(maxsize=4096)  # the front matter's window and the line roles' each look for it over the same first lines
def is_introduction(line: str) -> bool:
    """The heading that opens the body (`Кіріспе`, `Введение`, `1 Introduction`, `I. INTRODUCTION`, `I NTRODUCTION`)."""
    return any(name in INTRODUCTIONS for name in _heading_names(heading_text(line)))


def _reads_as_words(text: str) -> bool:
    """Mostly letters (`CR = CI/RI`, `978-0-7695-3958-4/10 $26.00` are not headings)."""
    body = text.replace(" ", "")
    return sum(map(str.isalpha, body)) >= 0.6 * len(body)  # map counts in C: asked of every line


def continues_heading(first: str, line: str) -> bool:
    """A heading in capitals wrapped over a second short line in capitals
    (`III. MDRPM (MARKET DRIVEN REQUIREMENT` / `PRIORITIZATION MODEL)`)."""
    text = heading_text(line)
    # the short next line first: most are not in capitals, and `first` may be a long line
    return bool(text) and len(text) <= MAX_HEADING and _is_capitals(text) and _is_capitals(heading_text(first)) and numbering_level(text) is None


def _is_capitals(text: str) -> bool:
    letters = sum(map(str.isalpha, text))  # map and filter count in C: asked of every line
    return letters >= 4 and sum(map(str.isupper, filter(str.isalpha, text))) >= 0.9 * letters


def heading_level(line: str, before: str, after: str) -> int | None:
    """The level of the section heading `line` is, or None when it is not one.

    `before` and `after` are the nearest lines around it (blank when there are none). Rules:
      - a known section name alone on its line, numbered or not (`Кіріспе`, `2 Results`) is a
        heading; its numbering gives the level (`2.1` -> 2);
      - any other numbered line (`3.2 Выбор параметров`) is a heading when it is short, starts
        with a capital, does not end a sentence or a clause (`.`, `,`, `;`, `:`), follows a blank
        line or a finished sentence, and the next line is not the next item of a list
        (`2. Сбор данных` followed by `3. …`): a numbered list item fails one of these;
      - a short line in capitals (`НЕГІЗГІ БӨЛІМ`) between a finished sentence (or a blank line)
        and a line that starts with a capital is a level-1 heading.
    """
    text = heading_text(line)
    if not text or len(text) > MAX_HEADING or not _reads_as_words(text) or _CAPTION.match(text):
        return None
    numbered = numbering_level(text)
    if is_section_name(text) and (numbered[1] if numbered else text)[:1].isupper():
        return numbered[0] if numbered else 1
    if _INITIALS.search(text) or _YEAR.search(text):
        return None  # `23. Newman M.E.J. The Structure and`: a reference entry, not a heading
    opened = not TOKEN.search(before) or ends_sentence(before)
    next_text = heading_text(after)
    starts_paragraph = not next_text or next_text[0].isupper() or next_text[0].isdigit()
    if numbered:
        level, rest = numbered
        if (
            rest[0].isupper()
            and not rest.endswith((".", ",", ";", ":"))
            and len(rest.split()) <= 12
            and any(ch.isalpha() for ch in rest)
            and opened
            and starts_paragraph
            and not _next_item(text, next_text)
        ):
            return level
        return None
    if _is_capitals(text) and sum(w.isalpha() and len(w) >= 3 for w in text.split()) >= 2 and text.count(",") <= 1 and not text.endswith((",", ";")) and opened and starts_paragraph and next_text:
        return 1
    return None


# IEEE's subsections under its Roman sections: `A. Class Activation Map`, `B. Bridging the Gap …`.
_LETTERED = re.compile(r"^(?P<letter>[A-Z])\.\s+(?P<text>[A-Z].*)$")
_ROMAN_SECTION = re.compile(r"^[IVX]{1,5}\.\s")


def is_roman_section(text: str) -> bool:
    """A heading numbered as IEEE numbers its sections (`III. Preliminary`)."""
    return _ROMAN_SECTION.match(heading_text(text)) is not None


def lettered_heading(line: str, before: str, after: str) -> str | None:
    """The letter of a subsection heading lettered as IEEE letters them (`A. Class Activation
    Map`), by a numbered heading's rules (`heading_level`: short, a capital, no closing mark,
    opening a paragraph after a finished one); None for any other line. Whether the letters
    follow the paper's Roman sections in order is the caller's to see."""
    text = heading_text(line)
    m = _LETTERED.match(text)
    if not m or len(text) > MAX_HEADING or len(m["text"].split()) > 12 or m["text"].endswith((".", ",", ";", ":")) or _INITIALS.search(text) or _YEAR.search(text):
        return None
    next_text = heading_text(after)
    opened = not TOKEN.search(before) or ends_sentence(before)
    return m["letter"] if opened and (not next_text or next_text[0].isupper() or next_text[0].isdigit()) else None


def _next_item(text: str, next_text: str) -> bool:
    """`next_text` carries the number after `text`'s at the same depth (`2.` then `3.`): a list."""
    here, there = _NUMBERING.match(text), _NUMBERING.match(next_text)
    if not here or not there:
        return False
    a, b = here["number"].rstrip(".").split("."), there["number"].rstrip(".").split(".")
    if len(a) != len(b) or not all(p.isdigit() for p in a + b):
        return False
    return a[:-1] == b[:-1] and int(b[-1]) == int(a[-1]) + 1 and not is_section_name(next_text)


def top_number(text: str) -> int | None:
    """The first number of a numbered heading (`3.2 Analysis` -> 3), None for Roman or none."""
    m = _NUMBERING.match(heading_text(text))
    return int(m["number"].split(".")[0]) if m and m["number"][0].isdigit() else None


def in_sequence(numbered: list[tuple[int, int, int]]) -> set[int]:
    """Which numbered heading candidates keep the section numbering: (line index, level, top number).

    Rule: sections are numbered 1, 2, 3…: a level-1 heading `n` stands where `n` is 1, or an
    earlier heading is numbered `n - 1`, or a later subsection is `n.x`; `20 Гбайт` and `10
    Гбайт` in a table are no sections. Subsections (`2.1`) carry their own evidence.
    """
    kept = set()
    for k, (index, level, number) in enumerate(numbered):
        if level > 1 or number == 1:
            kept.add(index)
        elif any(n == number - 1 for _, _, n in numbered[:k]) or any(n == number and lv > 1 for _, lv, n in numbered[k + 1:]):
            kept.add(index)
    return kept
