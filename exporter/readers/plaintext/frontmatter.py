"""Front matter of a paper as journals print it: UDC, title, authors, affiliation, supervisor…"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalize import is_blank, tokens_with_columns

UDC = re.compile(r"^(?:ӘОЖ|ӘӨЖ|УДК|UDC|UDK)\s*:?\s*(?P<value>\S.*)$", re.IGNORECASE)
IRSTI = re.compile(r"^(?:МҒТАР|ГРНТИ|МРНТИ|IRSTI|GRNTI)\s*:?\s*(?P<value>\S.*)$", re.IGNORECASE)
SUPERVISOR = re.compile(
    r"^(?:Ғылыми жетекшісі|Ғылыми жетекші|Научный руководитель|Supervisor|Scientific supervisor)\s*[:\-–]\s*(?P<value>.*)$",
    re.IGNORECASE,
)
ABSTRACT = re.compile(r"^(?:Аңдатпа|Түйін|Аннотация|Резюме|Abstract|Summary)\s*[.:\-–]?\s*(?P<value>.*)$", re.IGNORECASE)
KEYWORDS = re.compile(r"^(?:Кілт сөздер|Түйін сөздер|Түйінді сөздер|Ключевые слова|Keywords|Key words)\s*[.:\-–]\s*(?P<value>.*)$", re.IGNORECASE)
_INSTITUTION = re.compile(
    r"университет|институт|академия|академиясы|колледж|мектеп|лицей|орталығы|центр|"
    r"universit|institut|academy|college|school|centre|center|laborator",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"магистрант|докторант|студент|аспирант|оқытушы|преподаватель|профессор|доцент|"
    r"мамандығы|кафедра|master|student|lecturer|professor|phd|candidate|researcher",
    re.IGNORECASE,
)
# `Жахан Жанар`, `Сейтказина Қ.О.`, `J. Smith`: two to four capitalised words or initials.
# Words are parted by spaces or follow an initial's dot: were the parting optional, a long
# capitalised line could be split in cubically many ways before the match fails.
_NAME_WORD = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w’'-]*\.?(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.)*"
_NAME = re.compile(rf"^{_NAME_WORD}(?:(?:\s+|(?<=\.)){_NAME_WORD}){{1,3}}\s*$")


@dataclass
class FrontMatter:
    udc: str | None = None
    irsti: str | None = None
    title_lines: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    position: str | None = None
    supervisor: str | None = None
    abstract: str | None = None
    keywords: list[str] = field(default_factory=list)
    body_start: int = 0  # index of the first body line


def clean(line: str) -> str:
    """The line's text with runs of spaces collapsed and its edges dropped."""
    return " ".join(t for _, t in tokens_with_columns(line))


def is_title_line(text: str) -> bool:
    """A title line is set in capitals: at least 80% of its letters are upper case."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def split_authors(text: str) -> list[str]:
    return [a.strip() for a in re.split(r"[,;]|\s+(?:және|и|and)\s+", text) if a.strip()]


def read_front_matter(lines: list[str]) -> FrontMatter:
    """Consume the front-matter lines at the top of `lines`; the body starts where none match.

    Each non-blank line is matched, in order, as UDC, IRSTI, supervisor, keywords, abstract,
    title (capitals, before any author), affiliation (an institution word), position (a role
    word), author (a short run of capitalised names). The first line that is none of these
    starts the body; so does a title-case paragraph found before any title.
    """
    fm = FrontMatter()
    i, n = 0, len(lines)
    while i < n:
        text = clean(lines[i])
        if not text:
            i += 1
            continue
        if m := UDC.match(text):
            fm.udc = m["value"]
        elif m := IRSTI.match(text):
            fm.irsti = m["value"]
        elif m := SUPERVISOR.match(text):
            fm.supervisor = m["value"]
        elif m := KEYWORDS.match(text):
            value, i = _continued(lines, i, m["value"])
            fm.keywords = [k.strip().rstrip(".") for k in re.split(r"[,;]", value) if k.strip()]
            continue
        elif m := ABSTRACT.match(text):
            value, i = _continued(lines, i, m["value"])
            fm.abstract = value
            continue
        elif is_title_line(text) and not fm.authors and not fm.affiliations:
            fm.title_lines.append(text)
        elif fm.title_lines and _INSTITUTION.search(text) and len(text) < 200:
            fm.affiliations.append(text)
        elif fm.title_lines and _ROLE.search(text) and len(text) < 200:
            fm.position = text if fm.position is None else f"{fm.position}; {text}"
        elif fm.title_lines and (_is_name(text.replace(",", " ")) or _all_names(text)):
            fm.authors.extend(split_authors(text))
        else:
            break
        i += 1
    if not fm.title_lines:  # no front matter at all: everything is body
        return FrontMatter()
    fm.body_start = i
    return fm


def _all_names(text: str) -> bool:
    parts = split_authors(text)
    return len(parts) > 1 and all(_is_name(p) for p in parts)


def _is_name(text: str) -> bool:
    """Up to four names fit in 100 characters; longer text is not tried (matching is slow)."""
    return len(text) <= 100 and _NAME.match(text) is not None


def _continued(lines: list[str], i: int, first: str) -> tuple[str, int]:
    """A labelled field's text: the rest of its line and the lines after, up to a blank line."""
    parts = [first] if first else []
    i += 1
    if not parts:  # the label alone on its line: the text follows, after optional blank lines
        while i < len(lines) and is_blank(lines[i]):
            i += 1
    while i < len(lines) and not is_blank(lines[i]) and not KEYWORDS.match(clean(lines[i])):
        parts.append(clean(lines[i]))
        i += 1
    return " ".join(parts), i
