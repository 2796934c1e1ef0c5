"""Checks of the entries themselves, the way an editor reads a reference list.

Each check is one function over entries' fields (an own-list entry as parsed by `fields`, a
.bib entry decoded from LaTeX: the same BibTeX names), returning findings at the entry's (or
the citation's) place. JabRef's integrity checks are the model: required fields, year, pages,
DOI, ISBN/ISSN checksums, duplicates; the GOST-specific ones (access date, locator inside the
entry's pages, the venue's form) are ours.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass

from ..diagnostics import Diagnostic
from ..model import Citation, Entry, walk
from .fields import entry_values, family_names


@dataclass(frozen=True)
class Checked:
    """An entry with its plain-text fields and where findings about it are placed."""

    entry: Entry
    values: dict[str, str]
    path: str

    def finding(self, code: str, field: str | None = None, variant: str = "", **args) -> Diagnostic:
        """A finding about this entry (its `entry` argument), at the field's place when it has one."""
        span = self.entry.span
        for name, place in self.entry.field_spans:
            if name == field:
                span = place
                break
        return Diagnostic.at(code, self.path, span, variant=variant, entry=_name(self.entry), **args)


def _name(entry: Entry) -> str:
    return f"[{entry.number}]" if entry.key == str(entry.number) else f"'{entry.key}' [{entry.number}]"


def current_year() -> int:
    """This year, or the year of SOURCE_DATE_EPOCH when set (reproducible reports)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return time.gmtime(int(epoch) if epoch and epoch.isdigit() else None).tm_year


# ---- required fields ------------------------------------------------------------------------

# What each type needs beyond author-or-title and year (BibTeX's own rules, as JabRef applies
# them; GOST 7.1 asks the same: the journal and pages of an article, the publisher of a book).
_REQUIRED = {
    "article": (("journal",), ("pages",)),
    "inproceedings": (("booktitle", "journal"), ("pages",)),
    "incollection": (("booktitle", "journal"), ("pages",)),
    "inbook": (("booktitle", "title"), ("pages", "chapter")),
    "book": (("publisher",),),
}


def _required(item: Checked) -> tuple[tuple[str, ...], ...]:
    """The field groups an entry's type needs. An own-list entry's type is itself read from
    its fields, so only what the parse is sure of is asked: the pages of an article whose
    journal stands after GOST's `//` or an `In:`, the publisher of a book written in GOST's
    `City : Publisher, year` style."""
    v, kind = item.values, item.entry.entry_type
    if item.entry.origin != "list":
        groups = _REQUIRED.get(kind, ())
        if v.get("eid") or v.get("articleno"):
            groups = tuple(g for g in groups if g != ("pages",))
        return groups
    container = v.get("journal") or v.get("booktitle") or ""
    if kind in ("article", "inproceedings", "incollection") and container and not v.get("pagetotal") and not v.get("url") and not re.search(r"arXiv|preprint", container, re.I):
        return (("pages",),)
    if kind == "book" and item.entry.form == "gost" and v.get("pagetotal"):
        return (("publisher",),)
    return ()


# The tagger's probability at and above which its reading of a field (a value, or that there is
# none) is trusted enough to report what is missing. Fixed at 0.9 before REF010 was measured on
# the corpus, and not moved after: a round probability, not a threshold fitted to the papers.
CONFIDENT = 0.9


def read_confidently(item: Checked, names: tuple[str, ...]) -> bool:
    """Whether the tagger was sure of these fields of the entry (of each value it read, and of
    each absence). Entries it did not read (.bib, CSL-JSON, RIS) are taken as written."""
    confidence = dict(item.entry.field_confidence)
    if not confidence:
        return True
    return all(confidence.get(name, 1.0) >= CONFIDENT for name in names)


def check_required_fields(item: Checked) -> list[Diagnostic]:
    """REF010: an entry lacks a field its type needs — author or title (any type), year (any
    type but a web page, which has its access date), the journal of an article, the collection
    of a paper in one, the publisher of a book, the pages of an article or chapter.

    Evidence: BibTeX's required fields per type (btxdoc), JabRef's "required fields" check,
    GOST 7.1-2003 §5 (obligatory elements). For a .bib entry the title is BIB003's job, and an
    article with an article number (`eid`) has no pages to give. For an own-list entry a
    missing field is reported only when the tagger read the entry confidently: sure there is no
    such field, and sure of the container that made the entry's type."""
    v, kind = item.values, item.entry.entry_type
    missing = []  # field names, `a|b` for either
    if not v.get("author") and not v.get("editor") and not v.get("title") and item.entry.origin != "bibtex" and read_confidently(item, ("author", "title")):
        missing.append("author|title")
    # The fields an own-list entry's type was read from: a finding about what that type lacks
    # is only as sure as they are.
    type_evidence = tuple(name for name in ("journal", "booktitle", "publisher", "pagetotal") if v.get(name))
    if not v.get("year") and not v.get("date") and kind not in ("online", "misc") and not v.get("urldate") and read_confidently(item, ("year",) + type_evidence):
        missing.append("year")
    for group in _required(item):
        if not any(v.get(name) for name in group) and read_confidently(item, group + type_evidence):
            missing.append("|".join(group))
    if not missing:
        return []
    return [item.finding("REF010", type=kind, missing=tuple(missing))]


# ---- year ---------------------------------------------------------------------------------------


def check_year(item: Checked, this_year: int | None = None) -> list[Diagnostic]:
    """REF011: a year after next year (forthcoming work is dated at most a year ahead) or before
    1500 (printing; JabRef's year check asks for four digits). A .bib year that is not a number
    is reported too."""
    raw = item.values.get("year")
    if not raw:
        return []
    m = re.search(r"\d{1,4}", raw)
    if not m:
        return [item.finding("REF011", "year", "not-a-year", year=raw)]
    year = int(m[0])
    limit = (this_year or current_year()) + 1
    if year > limit:
        return [item.finding("REF011", "year", "future", year=str(year))]
    if year < 1500:
        return [item.finding("REF011", "year", "early", year=raw)]
    return []


# ---- pages --------------------------------------------------------------------------------------

_PAGE_RANGE = re.compile(r"^\s*([A-Za-z]?)(\d+)\s*(?:-{1,2}|[–—−])\s*([A-Za-z]?)(\d+)\s*$")


def page_range(pages: str | None) -> tuple[int, int] | None:
    """(first, last) of `45–50`, `45--50`, `1234–56` (the last page abbreviated: 1256), `P. 19`."""
    if not pages:
        return None
    m = _PAGE_RANGE.match(pages)
    if m:
        first, last = m[2], m[4]
        if len(last) < len(first) and int(last) < int(first):  # 1234–56
            last = first[: len(first) - len(last)] + last
        return int(first), int(last)
    m = re.fullmatch(r"\s*(\d+)\s*", pages)
    return (int(m[1]), int(m[1])) if m else None


def check_pages(item: Checked) -> list[Diagnostic]:
    """REF012: a page range that runs backwards (`50–45`) or is not one (`45–`, `–50`, `45-50-60`).

    An abbreviated last page (`1234–56`) is read as 1256 (Chicago's inclusive numbers); roman
    numerals, article numbers (`e1234`) and lists (`4, 6`) are left alone (JabRef's page check
    accepts the same shapes)."""
    pages = item.values.get("pages")
    if not pages:
        return []
    rng = page_range(pages)
    if rng and rng[1] < rng[0]:
        return [item.finding("REF012", "pages", "reversed", pages=pages)]
    if re.search(r"^\s*[-–—]|[-–—]\s*$|\d\s*[-–—]+\s*\d+\s*[-–—]+\s*\d", pages):
        return [item.finding("REF012", "pages", "malformed", pages=pages)]
    return []


# ---- DOI, ISBN, ISSN -------------------------------------------------------------------------------

_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s?)", re.IGNORECASE)


def check_doi(item: Checked) -> list[Diagnostic]:
    """REF013: a DOI that is not `10.NNNN/suffix` (Crossref's DOI syntax; JabRef's DOI check).
    A `https://doi.org/` or `doi:` prefix is allowed, as is any suffix without spaces."""
    doi = item.values.get("doi")
    if not doi:
        return []
    bare = _DOI_PREFIX.sub("", doi.strip())
    if _DOI.match(bare):
        return []
    return [item.finding("REF013", "doi", doi=doi)]


def isbn_valid(isbn: str) -> bool | None:
    """True or False for a 10- or 13-digit ISBN by its check digit; None when it has neither length."""
    digits = re.sub(r"[\s\-–]", "", isbn).upper().replace("Х", "X")
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if re.fullmatch(r"\d{13}", digits):
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits))
        return total % 10 == 0
    return None


def issn_valid(issn: str) -> bool | None:
    """True or False for an ISSN (`NNNN-NNNC`) by its check digit; None when it is not 8 characters."""
    digits = re.sub(r"[\s\-–]", "", issn).upper().replace("Х", "X")
    if not re.fullmatch(r"\d{7}[\dX]", digits):
        return None
    total = sum((8 - i) * int(c) for i, c in enumerate(digits[:7]))
    check = (11 - total % 11) % 11
    return digits[7] == ("X" if check == 10 else str(check))


def check_isbn_issn(item: Checked) -> list[Diagnostic]:
    """REF014: an ISBN-10/13 or ISSN whose check digit is wrong, or with the wrong number of
    digits (ISO 2108 and ISO 3297; JabRef's ISBN and ISSN checks)."""
    out = []
    for field, valid in (("isbn", isbn_valid), ("issn", issn_valid)):
        value = item.values.get(field)
        if not value:
            continue
        for one in re.split(r"[,;]\s*|\s+and\s+", value):
            result = valid(one)
            if result is None:
                out.append(item.finding("REF014", field, "length", identifier=field.upper(), value=one))
            elif not result:
                out.append(item.finding("REF014", field, "check-digit", identifier=field.upper(), value=one))
    return out


# ---- access date ------------------------------------------------------------------------------------


def check_access_date(item: Checked, expected_form: str | None) -> list[Diagnostic]:
    """REF015: an online source without its access date where the style asks for one: GOST
    R 7.0.5-2008 §10 and 7.0.100-2018 require `(дата обращения: 12.03.2021)` after the URL.
    The style is the venue's (`form = "gost"`); without a venue, the entry's own form."""
    v = item.values
    style = expected_form or item.entry.form
    if style != "gost" or not v.get("url") or v.get("urldate") or v.get("doi"):
        return []
    return [item.finding("REF015", "url")]


# ---- form -------------------------------------------------------------------------------------------


def check_form(item: Checked, expected_form: str | None) -> list[Diagnostic]:
    """REF016: an own-list entry recognised as written in another style than the venue's
    (`form` under [bibliography] in template.toml). Entries whose form is not recognised are
    not reported: only positive evidence of another style is."""
    form = item.entry.form
    if not expected_form or item.entry.origin != "list" or form in (None, "unknown", expected_form):
        return []
    return [item.finding("REF016", style=form, expected=expected_form)]


# ---- duplicates ---------------------------------------------------------------------------------------


def _normal_title(title: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", title.casefold()).split())


def check_duplicates(items: list[Checked]) -> list[Diagnostic]:
    """BIB005: the same work listed twice — the same DOI (JabRef's duplicate-DOI check), or the
    same year, the same first author's family name and titles at least 95 % alike
    (rapidfuzz token-sort ratio, so word order and punctuation do not hide a copy)."""
    found: list[tuple[int, Diagnostic]] = []
    seen_doi: dict[str, Checked] = {}
    # Candidates share the first author, the year and the numbers of the title (`Part 1` and
    # `Part 2` are two works); only titles of one such group are compared (`_title_duplicates`).
    groups: dict[tuple[str, str, tuple[str, ...]], list[tuple[int, Checked, str]]] = {}
    for index, item in enumerate(items):
        v = item.values
        doi = _DOI_PREFIX.sub("", (v.get("doi") or "").strip()).casefold()
        if doi and _DOI.match(doi):
            if doi in seen_doi:
                found.append((index, item.finding("BIB005", "doi", "doi", other=_name(seen_doi[doi].entry))))
                continue
            seen_doi[doi] = item
        title = _normal_title(v.get("title") or "")
        names = family_names(v.get("author"))
        first = names[0].casefold() if names else ""
        year = v.get("year") or ""
        if len(title) < 12 or not year:
            continue
        groups.setdefault((first, year, tuple(re.findall(r"\d+", title))), []).append((index, item, title))
    for group in groups.values():
        found += _title_duplicates(group)
    return [d for _, d in sorted(found, key=lambda pair: pair[0])]


# Blocking (as record-linkage tools do): a title is filed under its three rarest words in its
# group (a title of one or two words also under the first and last letters of its sorted words),
# and is compared only with the titles filed under the same keys, at most the last 16 of each.
# Two titles 95 % alike differ in a few letters, so they share a rare word (a typo changes one
# word, not three) or their ends; and a group of 20 000 titles by one author in one year costs
# 20 000 × a bounded number of comparisons instead of 20 000² / 2 (issue 17: 113 s).
_RARE_KEYS = 3
_PER_KEY = 16


def _title_duplicates(group: list[tuple[int, Checked, str]]) -> list[tuple[int, Diagnostic]]:
    """(index, finding) for each title that repeats an earlier one of its group (the best match
    among its candidates, the earliest of equals), unless their locators tell two parts apart."""
    from collections import Counter

    from rapidfuzz import fuzz, process

    frequency = Counter(word for _, _, title in group for word in set(title.split()))
    filed: dict[str, list[int]] = {}  # key -> positions in `kept`
    kept: list[tuple[Checked, str]] = []
    out = []
    for index, item, title in group:
        words = sorted(set(title.split()))
        keys = sorted(words, key=lambda w: frequency[w])[:_RARE_KEYS]
        if len(words) < 3:  # too few words to share one through a typo: its ends too
            joined = " ".join(sorted(title.split()))
            keys += ["^" + joined[:4], "$" + joined[-4:]]
        positions = sorted({p for key in keys for p in filed.get(key, ())[-_PER_KEY:]})
        match = process.extractOne(title, [kept[p][1] for p in positions], scorer=fuzz.token_sort_ratio, score_cutoff=95) if positions else None
        other = kept[positions[match[2]]][0] if match else None
        if other is not None and _same_locators(item.values, other.values):
            out.append((index, item.finding("BIB005", variant="title", other=_name(other.entry))))
            continue
        for key in keys:
            filed.setdefault(key, []).append(len(kept))
        kept.append((item, title))
    return out


def _same_locators(a: dict[str, str], b: dict[str, str]) -> bool:
    """Two entries that both give pages, a volume or an issue, and give different ones, are two
    parts (two articles of one author in one journal and year), whatever their titles; and two
    that give different addresses are two pages of a site (`“ros.org,” 2024` twice, one for the
    site, one for a package's page)."""
    x, y = (re.sub(r"^(?:https?://)?(?:www\.)?|[/\s]+$", "", (v.get("url") or "").casefold()) for v in (a, b))
    if x and y and x != y:
        return False
    for name in ("pages", "volume", "number"):
        x, y = a.get(name), b.get(name)
        if not (x and y):
            continue
        if name == "pages":  # `80-92` and `80–92` are one range
            x, y = re.sub(r"\D+", "-", x), re.sub(r"\D+", "-", y)
        else:  # `№ 2 (2)` and `№ 2` are one issue: compare the first number
            x, y = re.findall(r"\d+", x)[:1], re.findall(r"\d+", y)[:1]
        if x != y:
            return False
    return True


# ---- citations against entries ------------------------------------------------------------------------

_PAGE_LOCATOR = re.compile(r"^(?:pp?|P|S|s|с|c|б|бб|стр)\.?\s*(\d+)(?:\s*[-–—]\s*(\d+))?$|^(\d+)(?:\s*[-–—]\s*(\d+))?\s*(?:б|с|p|pp|бб)\.$")


def check_locators(blocks, entries: dict[str, Checked], path: str) -> list[Diagnostic]:
    """REF017: a cited page outside the entry's pages — `[3, с. 99]` for an entry printed with
    `С. 10–20`, or past a book's page count (`– 415 с.`). Only page locators are compared
    (`т. 2`, `гл. 3`, `§ 4` are not pages)."""
    out = []
    for node in walk(blocks):
        if not isinstance(node, Citation):
            continue
        for ref in node.refs:
            if not ref.entry or not ref.locator or ref.entry not in entries:
                continue
            item = entries[ref.entry]
            m = _PAGE_LOCATOR.match(ref.locator.strip())
            if not m:
                continue
            low = int(m[1] or m[3])
            high = int(m[2] or m[4] or low)
            rng = page_range(item.values.get("pages"))
            total = item.values.get("pagetotal")
            if rng and rng[0] == rng[1] and item.entry.entry_type in ("book", "thesis", "phdthesis", "mastersthesis", "manual", "report"):
                rng, total = None, total or str(rng[0])  # a book's single `pages` number is its page count
            if rng and rng[0] <= rng[1] and (low < rng[0] or high > rng[1]):
                out.append(Diagnostic.at("REF017", path, node.span, variant="outside", label=ref.label, locator=ref.locator, entry=_name(item.entry), pages=item.values["pages"]))
            elif not rng and total and total.isdigit() and high > int(total):
                out.append(Diagnostic.at("REF017", path, node.span, variant="past", label=ref.label, locator=ref.locator, entry=_name(item.entry), count=int(total)))
    return out


# ---- all of them -----------------------------------------------------------------------------------------


def check_entries(entries, blocks, path: str, entry_path: str, expected_form: str | None = None) -> list[Diagnostic]:
    """Every entry check over a list (own or .bib) and every locator check over the citations."""
    items = [Checked(e, entry_values(e, render=False), entry_path) for e in entries]
    findings: list[Diagnostic] = []
    for item in items:
        findings += check_required_fields(item)
        findings += check_year(item)
        findings += check_pages(item)
        findings += check_doi(item)
        findings += check_isbn_issn(item)
        findings += check_access_date(item, expected_form)
        findings += check_form(item, expected_form)
    findings += check_duplicates(items)
    findings += check_locators(blocks, {i.entry.key: i for i in items}, path)
    return findings
