"""A thesis's forms in a PDF, kept out of its body: the cover, the assignment (`ЗАДАНИЕ на
выпускную квалификационную работу`), the calendar plan, the signature sheets. The title page's
facts (the title, the student, the supervisor) are read off the cover elsewhere
(plaintext.titlepage); what the forms print besides (the ministry, the blanks, `подпись`,
`Утверждаю`, `Зав. кафедрой`) is no text of the work, and the editions' title block replaces
it. The Word reader keeps Word's cover page block out of the body the same way."""

from __future__ import annotations

import re

from ..plaintext.normalize import ends_sentence
from .layout import Line

# A form's hints under its blanks (`подпись`, `фамилия и инициалы`, `уч. степень`, `(дата)`):
# a line of nothing else is a hint line.
HINT_WORDS = frozenset(
    "подпись подписи эл фамилия имя отчество инициалы и о ф уч ученая учёная степень звание должность группа дата "
    "организация код наименование signature name date position degree".split()
)
_WORD = re.compile(r"[^\W\d_]+")
_BLANK = re.compile(r"_{4,}|«\s*_*\s*»\s*_{2,}")  # a ruled blank to sign or fill in, a date's `«__» ____`
_STAMP = re.compile(r"^(?:утверждаю|согласовано|зав(?:\.|едующ\w*)\s*кафедр\w*|руководитель\b|консультант\b|нормоконтрол\w*|рецензент\b|работа\s+допущена|допустить\s+к\s+защите)", re.IGNORECASE)
# A heading the work itself opens a page with: the form pages before it are the forms'.
WORK_HEADING = re.compile(
    r"^(?:\d{1,2}\.?\s+)?(?:аннотация|реферат|содержание|оглавление|введение|заключение|abstract|contents|table\s+of\s+contents|introduction|глава\s+\d+|chapter\s+\d+)\.?$",
    re.IGNORECASE,
)
# The heading of the work's contents or introduction: the forms stand before it.
OPENING = re.compile(r"^(?:\d{1,2}\.?\s+)?(?:содержание|оглавление|введение|contents|table\s+of\s+contents|introduction)\.?$", re.IGNORECASE)
FRONT_PAGES = 6
FORM_LINES = 3  # a page with this many form lines at least (a hint or a blank among them) is a form
PROSE_SHARE = 0.3  # and at most this share of its lines prose (eight words or more)
CONTINUED = 2  # pages at most after a form page, before a page the work's heading opens, that go on with it


def form_line(text: str) -> str:
    """What kind of form line `text` is: "hint", "blank", "stamp", or "" for none."""
    words = [w.lower() for w in _WORD.findall(text)]
    if words and all(w in HINT_WORDS for w in words) and any(w not in ("и", "о", "ф", "эл") for w in words):
        return "hint"
    if _BLANK.search(text):
        return "blank"
    if len(text) <= 60 and _STAMP.match(text.strip()):
        return "stamp"
    return ""


def is_form_page(texts: list[str]) -> bool:
    """A page's lines make a form: FORM_LINES form lines or more, a hint or a blank among them,
    and little prose (a page of text closing on the author's and the supervisor's signatures
    is the work's)."""
    kinds = [form_line(t) for t in texts if t.strip()]
    found = [k for k in kinds if k]
    prose = sum(1 for t in texts if len(t.split()) >= 8)
    return len(found) >= FORM_LINES and ("hint" in found or "blank" in found) and prose <= PROSE_SHARE * max(len(kinds), 1)


def form_pages(lines: list[Line]) -> set[int]:
    """The pages of the forms: each form page (`is_form_page`) before the work's contents or
    introduction (`OPENING`; the first FRONT_PAGES pages where neither is found: a table's
    `Date | DATE | Дата` rows later on read as hints), and the pages after one (at most
    CONTINUED) up to a page that opens with the work's own heading (`WORK_HEADING`: the
    assignment's second page of tasks and recommended reading goes on with its form; pages
    followed by no such heading, or by another form, are the work's). A form page whose text
    runs on from the page before (that page no form, its last line ending no sentence) is the
    work's: the signatures under an annotation's last sentence."""
    by_page: dict[int, list[str]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line.text)
    pages = sorted(by_page)
    opening = lambda p: " ".join(next((t for t in by_page[p] if t.strip()), "").split())  # noqa: E731
    end = next((k for k, p in enumerate(pages) if k and OPENING.match(opening(p))), FRONT_PAGES)
    forms = {p for p in pages[:end] if is_form_page(by_page[p])}
    running_on = set()  # a page whose text runs on from the page before (ITMO's annotation form, its sentence's end over the signatures) is the work's
    for k, p in enumerate(pages[:end]):
        last = next((t for t in reversed(by_page[pages[k - 1]]) if t.strip()), "") if k else ""
        if p in forms and last and pages[k - 1] not in forms and not ends_sentence(last):
            running_on.add(p)
    forms -= running_on
    out = set(forms)
    for p in sorted(forms):
        run: list[int] = []
        for q in pages[pages.index(p) + 1 :][: CONTINUED + 1]:
            if q in forms or q in running_on:
                break
            if WORK_HEADING.match(opening(q)):
                out.update(run)
                break
            run.append(q)
    return out


def body_rows(lines: list[Line], start: int, end: int) -> list[int]:
    """The body's lines from `start` to `end`, the forms' pages (`form_pages`) left out."""
    forms = form_pages(lines)
    return [i for i in range(start, end) if lines[i].page not in forms] if forms else list(range(start, end))
