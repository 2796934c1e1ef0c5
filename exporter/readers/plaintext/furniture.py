"""Page furniture of PDF-extracted text: page breaks and the running headers and footers around them."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ...crossrefs import is_caption_label
from .normalize import TOKEN

EDGE = 2  # lines at each edge of a page where headers and footers stand
WIDE_EDGE = 4  # where a running head repeated on a third of the pages still counts
# A page number alone: `12`, `- 12 -`, `– 12 –`, `Page 12`, `С. 12`, `Бет 12`, `3 of 14` (not `(12)`: an equation number).
_PAGE_NUMBER = re.compile(r"^[\s\-–—]*(?:(?:page|p\.|стр\.?|с\.|бет)\s*)?\d{1,4}(?:\s+(?:of|из)\s+\d{1,4})?[\s\-–—]*$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_PAGE_OF = re.compile(r"^\s*(?:page|стр\.?|бет)?\s*(\d{1,4})\s+(?:of|из)\s+(\d{1,4})\s*$", re.IGNORECASE)

_DATE = r"(?:\d{1,2}\s+[^\W\d_]+\.?,?\s+(?:19|20)\d\d|[^\W\d_]+\.?\s+\d{1,2},\s+(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)"  # `5 February 2018`, `Feb. 5, 2018`, `2018-02-05`
# A publisher's credit line, printed once in a margin of an article's first page: the price
# code and copyright of IEEE/ACM/Elsevier (`978-1-4799-5825-2/14/$31.00 ©2014 IEEE`,
# `0885-064X/© 2018 Elsevier Inc. All rights reserved.`), the article's DOI alone
# (`DOI: 10.15826/…`), MDPI's `Games 2018, 9, 34; doi:10.3390/…` and a copyright with its year
# first (`Copyright © 2019 ISCA`, `© 2020 Elsevier B.V.`) or after the ISSN (`1572-6657/ © 2018
# The Authors. Published by Elsevier B.V. This is an open access article…`), and the article's
# history (`Received 30 November 2017; Received in revised form …; Accepted …`, `Available online
# 6 February 2018`). A `© Author` line (`© Иванов И. И., 2020`, the year last) is not one: the
# title block reads the authors from it.
_CREDIT_LINE = re.compile(
    r"/\d\d/\s*\$\s?\d+\.\d\d|\$\s?\d+\.\d\d\b.*(?:©|copyright|\(c\))|(?:©|copyright|\(c\)).*\$\s?\d+\.\d\d"
    r"|all rights reserved|все права защищены"
    r"|^(?:doi:?\s*|https?://(?:dx\.)?doi\.org/)10\.\d{4,9}/\S+(?:\s+\d{1,4})?$"
    r"|^\w[\w .&-]* (?:19|20)\d\d, \d+, \w+; doi:\s?10\.\d{4,9}/"
    r"|^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:19|20)\d\d\b.{0,80}$"
    r"|^\d{4}-\d{3}[\dX]\s*/\s*(?:©|\(c\)|copyright)\s*(?:19|20)\d\d\b"
    rf"|^received:?\s+{_DATE}.{{0,160}}\b(?:accepted|revised)\b"
    rf"|^(?:available|published)\s+online:?\s+{_DATE}\.?$",
    re.IGNORECASE,
)
# Runs a layout set apart on one line: three spaces or more in pdftotext's text.
_RUN_GAP = re.compile(r"\s{3,}")


def is_credit_line(line: str) -> bool:
    """A publisher's credit line (see `_CREDIT_LINE`), or a foot of runs set apart that are all
    credits or page numbers, one a credit at least (`Copyright © 2019 ISCA   4564
    http://dx.doi.org/10.21437/…`: the first page's foot of a conference paper)."""
    text = line.replace("\f", "").strip()
    if _CREDIT_LINE.search(text):
        return True
    runs = _RUN_GAP.split(text)
    return len(runs) > 1 and all(_CREDIT_LINE.search(r) or is_page_number(r) for r in runs) and any(_CREDIT_LINE.search(r) for r in runs)


# A running head or foot printed with the page's number before or after it (`CHAPTER 2.
# LITERATURE REVIEW 17`, `18 Глава 1. Обзор`): the text, and the number.
_WITH_FOLIO = re.compile(r"^\s*(?:(?P<before>\d{1,4})\s+(?P<text>\S.*?)|(?P<text2>.*?\S)\s+(?P<after>\d{1,4}))\s*$")


def heads_with_folios(lines: list[tuple[int, str]]) -> set[int]:
    """Which of the margin lines (page index, text) are a running head that changes with the
    chapter: the same text on two pages or more, with a number beside it that runs with the
    pages (the number less the page's index is the same on each). A chapter's head recurs on
    its chapter's pages only, too few for the third of the pages a fixed head needs."""
    by_text: dict[str, list[tuple[int, int, int]]] = {}
    for k, (page, line) in enumerate(lines):
        m = _WITH_FOLIO.match(line.replace("\f", ""))
        if m:
            text, number = (m["text"], m["before"]) if m["before"] else (m["text2"], m["after"])
            if sum(map(str.isalpha, text)) >= 3:
                by_text.setdefault(" ".join(text.split()).casefold(), []).append((k, page, int(number)))
    out: set[int] = set()
    for found in by_text.values():
        if len({page for _, page, _ in found}) >= 2 and len({number - page for _, page, number in found}) == 1:
            out.update(k for k, _, _ in found)
    return out


@dataclass(frozen=True, slots=True)
class Pages:
    """Where pages start (0-based line indices) and which lines are furniture."""

    starts: tuple[int, ...]  # the line holding each page's form feed (the first page starts at 0)
    furniture: frozenset[int]  # running headers and footers, bare page numbers

    @property
    def count(self) -> int:
        return len(self.starts)


def is_page_break(line: str) -> bool:
    """pdftotext ends each page with a form feed: it opens the next page's first line."""
    return line.startswith("\f")


def _key(line: str) -> str:
    """A line as a running header repeats it: spaces collapsed, case folded, numbers as `#`."""
    return _DIGITS.sub("#", " ".join(TOKEN.findall(line)).casefold())


def is_page_number(line: str) -> bool:
    """A line holding only a page number (`481`, `– 12 –`, `Page 3`)."""
    return bool(_PAGE_NUMBER.match(line.replace("\f", "")))


def page_edges(lines: list[str], starts: list[int], edge: int = EDGE) -> list[list[int]]:
    """Per page, the non-blank lines among its first and last `edge` non-blank lines."""
    pages = []
    bounds = starts + [len(lines)]
    for start, end in zip(bounds, bounds[1:]):
        filled = [i for i in range(start, end) if TOKEN.search(lines[i])]
        pages.append(sorted(set(filled[:edge] + filled[-edge:])))
    return pages


def find_pages(lines: list[str]) -> Pages:
    """Pages and their furniture.

    Rules, evidence from the document itself:
      - a line that stands at the edge of two or more pages, word for word (numbers aside:
        `Вестник … 2015. № 6` and page numbers change), is a running header or footer;
        a numbers-aside match needs a third of the pages, so that two captions `Table 1`,
        `Table 2` at the tops of two pages of a long paper are not taken for one;
      - a line repeated word for word within the first or last `WIDE_EDGE` lines of at least
        three pages and a third of them (a two-line running head) is furniture, and so is one
        repeated numbers aside on half of them (`3 of 14`);
      - a bare page number at the edge of a page is furniture, and `N of M` (M no more than
        the pages) anywhere;
      - a publisher's credit line among the first page's first or last `WIDE_EDGE` lines
        (`978-…/14/$31.00 ©2014 IEEE`, the article's DOI alone): left in, the next column's
        text was glued to it.
    Text without form feeds has one page and no furniture.
    """
    starts = [0] + [i for i, line in enumerate(lines) if i > 0 and is_page_break(line)]
    if len(starts) < 2:
        return Pages(tuple(starts), frozenset())
    edges = page_edges(lines, starts)
    wide = page_edges(lines, starts, WIDE_EDGE)
    wide_count: Counter[str] = Counter()
    for page in wide:
        wide_count.update({" ".join(TOKEN.findall(lines[i])).casefold() for i in page})
        wide_count.update({"\0" + _key(lines[i]) for i in page})  # numbers aside: `3 of 14`
    exact: Counter[str] = Counter()
    loose: Counter[str] = Counter()
    for page in edges:
        exact.update({" ".join(TOKEN.findall(lines[i])).casefold() for i in page})
        loose.update({_key(lines[i]) for i in page})
    pages_with_text = sum(1 for page in edges if page)
    furniture = set()
    for page in edges:
        for i in page:
            text = " ".join(TOKEN.findall(lines[i])).casefold()
            if is_page_number(lines[i]) or (
                (exact[text] >= 2 or loose[_key(lines[i])] >= max(2, pages_with_text / 3))
                and len(text) >= 3
                and not is_caption_label(lines[i])  # `Рисунок` / `3 - Схема` opening two pages
            ):
                furniture.add(i)
    for i, line in enumerate(lines):  # `14 of 14` says it is a page number wherever it stands
        m = _PAGE_OF.match(line.replace("\f", ""))
        if m and int(m[1]) <= int(m[2]) <= len(starts) + 1:
            furniture.add(i)
    furniture.update(i for i in wide[0] if is_credit_line(lines[i]))
    margin = [(n, i) for n, page in enumerate(edges) for i in page]
    furniture.update(margin[k][1] for k in heads_with_folios([(n, lines[i]) for n, i in margin]))
    for page in wide:  # a running head of two lines, or under the page number
        for i in page:
            text = " ".join(TOKEN.findall(lines[i])).casefold()
            if (wide_count[text] >= max(3, pages_with_text / 3) and len(text) >= 10) or (
                wide_count["\0" + _key(lines[i])] >= max(3, pages_with_text / 2) and len(text) >= 3
            ):
                furniture.add(i)
    furniture.update(folios_inside(lines, starts))
    furniture.update(frame_stamps(lines, starts))
    return Pages(tuple(starts), frozenset(furniture))


# The words of a GOST 2.104 drawing frame's stamp, which Russian theses and coursework print on
# every page (`Изм.`, `Лист`, `№ докум.`, `Подп.`/`Подпись`, `Дата`, the title block's `Разраб.`,
# `Пров.`, `Н. контр.`, `Утв.`, `Лит.`, `Листов`, and the binding margin's `Инв. № подл.`, `Подп. и
# дата`, `Взам. инв. №`): a line of these words only.
_STAMP_WORD = r"(?:Изм|Лист|Листов|Кол\.?\s?уч|№\s?докум|Подп|Подпись|Дата|Разраб|Пров|Н\.\s?контр|Т\.\s?контр|Утв|Лит|Масса|Масштаб|Инв\.\s?№\s?(?:подл|дубл)|Взам\.\s?инв\.\s?№|Подп\.\s?и\s?дата)"
_FRAME_STAMP = re.compile(rf"^\s*{_STAMP_WORD}\.?(?:\s+{_STAMP_WORD}\.?)*\s*$")
STAMP_EDGE = 8  # the stamp's lines among a page's first or last lines


def frame_stamps(lines: list[str], starts: list[int]) -> set[int]:
    """The lines of a drawing frame's stamp (`_FRAME_STAMP`: `Лист`, `Изм. Лист`, `№ докум.`,
    `Подпись Дата`) among the first or last `STAMP_EDGE` lines of a page, where such lines stand
    so on two pages or more: pdftotext prints the frame's words with the page's text, where a list
    read them as an entry's."""
    found = [[i for i in page if _FRAME_STAMP.match(lines[i].replace("\f", ""))] for page in page_edges(lines, starts, STAMP_EDGE)]
    found = [page for page in found if page]
    return {i for page in found for i in page} if len(found) >= 2 else set()


def folios_inside(lines: list[str], starts: list[int]) -> set[int]:
    """Page numbers the extraction set inside the page (a two-column page's footer comes after
    its first column), and the footer beside them: a bare number on three pages or more, and half
    of them, whose value less the page's index is the same on each (it runs with the pages); and,
    beside those standing inside their page (past its first and last `WIDE_EDGE` lines), a line
    of the same page within four of them repeated word for word beside half of them, three at
    least (a magazine's `№ 2 [83] • март – апрель 2009` on its odd pages, a line or two under it)."""
    bounds = [*starts, len(lines)]
    runs: dict[int, list[tuple[int, int]]] = {}  # the number less the page's index -> (page, line), one a page
    for page, (a, b) in enumerate(zip(bounds, bounds[1:])):
        seen: set[int] = set()
        for i in range(a, b):
            text = lines[i].replace("\f", "").strip()
            if text.isdecimal() and len(text) <= 4 and int(text) - page not in seen:
                seen.add(int(text) - page)
                runs.setdefault(int(text) - page, []).append((page, i))
    out: set[int] = set()
    for folios in runs.values():
        if len(folios) < max(3, len(starts) / 2):
            continue
        out.update(i for _, i in folios)
        inside = [(page, i) for page, i in folios if bounds[page] + WIDE_EDGE <= i < bounds[page + 1] - WIDE_EDGE]
        beside: dict[str, set[int]] = {}
        for page, i in inside:
            for j in range(max(bounds[page], i - 4), min(bounds[page + 1], i + 5)):
                text = " ".join(TOKEN.findall(lines[j])).casefold()
                if j != i and len(text) >= 10:
                    beside.setdefault(text, set()).add(j)
        out.update(j for found in beside.values() if len(found) >= max(3, len(inside) / 2) for j in found)
    return out


# A publisher's template notice printed at a first page's column foot: ACM's permission block
# (`Permission to make digital or hard copies of all or part of this work …`, its venue, `©`,
# ISBN and DOI lines under it) and the IEEE conference template's placeholder for the funding
# note (`Identify applicable funding agency here. If none, delete this.`). Furniture: never the
# body's text, nor the title's note.
TEMPLATE_NOTICE = re.compile(r"^\W{0,3}(?:permission\s+to\s+make\s+digital\s+or\s+hard\s+copies\b|identify\s+applicable\s+funding\s+agency\s+here\b)", re.IGNORECASE)
NOTICE_LINES = 16  # a notice's lines at most, down to the blank line under it


def template_notices(lines: list[str]) -> set[int]:
    """The lines of each template notice (`TEMPLATE_NOTICE`) a text extraction set among the
    text: from its first line down to the blank line under it (pdftotext sets a column's foot
    apart so), none where no blank line comes within NOTICE_LINES."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        if TEMPLATE_NOTICE.match(line):
            end = next((k for k in range(i + 1, min(len(lines), i + NOTICE_LINES + 1)) if not lines[k].strip()), None)
            if end is not None:
                out.update(range(i, end))
    return out


def blanked(lines: list[str], rows: frozenset[int] | set[int]) -> list[str]:
    """`lines` with the lines of `rows` (furniture) read as blank."""
    return ["" if i in rows else line for i, line in enumerate(lines)]
