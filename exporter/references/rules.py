"""The rule-based field parser: an entry of the paper's own list into BibTeX-named fields.

The trained tagger (`tagger/`) reads entries now; these rules stay for what regular expressions
do exactly (DOI, URL, ISBN/ISSN, access dates, the style an entry is written in, its type) and
as the baseline bench/entry_fields.py scores the tagger against. One entry is one string (the
reader's joined lines). Each field is found by a small named rule over that string; the rules know GOST R 7.0.5-2008 / GOST 7.1-2003 (`// Журнал. – 2010.
– Т. 3, № 2. – С. 45–50.`), APA, IEEE, Vancouver and the common journal variants. A field
keeps its offsets in the string, which the reader's `Joined` maps back to source lines.
"""

from __future__ import annotations

import re

from .parsed import Parsed

# ---- the pieces names are made of --------------------------------------------------------

_UP = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІÄÖÜÅØÆÇŠŽČŁ"
_LO = "a-zа-яёәғқңөұүһіäöüåøæçšžčłßéèáíóúñ"
_CAP = f"[{_UP}]"
# An initial: `И.`, `Yu.`, `Ch.`, `Zh.`, with an optional hyphen (`J.-C.`).
_INITIAL = rf"{_CAP}[{_LO}]?\."
_INITIALS = rf"{_INITIAL}(?:\s?-?\s?{_INITIAL}){{0,2}}"
# A family name: `Иванов`, `Müller-Gronbach`, `O’Neil`, `De Filippis`, `la Cour-Harbo`, `MacCormick`.
_PARTICLE = r"(?:(?:de|De|Del|del|Della|la|La|van|Van|von|der|den|du|Du|Le|le|da|di|Di|dos|El|al|bin)\s)"
_FAMILY = rf"{_PARTICLE}{{0,2}}{_CAP}[{_LO}{_UP}'’ʼ`]*[{_LO}](?:[-‐][{_UP}{_LO}][{_LO}{_UP}'’]+)?"
_FAMILY_UPPER = rf"{_CAP}{{2,}}(?:-{_CAP}+)?"  # `YAN F`, `LAValle`
# pdftotext's small capitals: `A ILAMAKI , A.`, `D E W ITT, D. J.`, `L AMPORT, L.` (ACM/USENIX lists).
_SMALL_CAPS = rf"{_CAP}[’']?(?:\s?{_CAP}[’']?){{2,}}"
_NAME_PATTERNS = (
    re.compile(rf"(?P<family>{_SMALL_CAPS})\s?,\s(?P<given>{_INITIALS})(?=[,\s])"),
    # Family, I. O.  /  Family I.O.
    re.compile(rf"(?P<family>{_FAMILY}|{_FAMILY_UPPER})(?:,\s?|\s)(?P<given>{_INITIALS})"),
    # I. O. Family
    re.compile(rf"(?P<given>{_INITIALS})\s?(?P<family>{_FAMILY})(?![.{_LO}])"),
    # Vancouver and Chinese journals: Family IO / Family I O (initials without dots)
    re.compile(rf"(?P<family>{_FAMILY}|{_FAMILY_UPPER})\s(?P<given>{_CAP}{{1,3}}(?:\s{_CAP}){{0,2}})(?=[,.;:]|\set\sal|\s?\[)"),
    # Family, Given-name Middle-initial. (MLA / Chicago: `De Filippis, Luca`, `Malyuk, Anatoly A.`)
    re.compile(rf"(?P<family>{_FAMILY}),\s(?P<given>{_CAP}[{_LO}]+(?:\s{_INITIAL})?)(?=[,;.]?\s|\sand\s)"),
    # Given Family, as in `Audun Jøsang` or `Sven Koenig` (only after a first name of the other shapes)
)
_GIVEN_FAMILY = re.compile(rf"(?P<given>{_CAP}[{_LO}]+(?:-{_CAP}[{_LO}]+)?)\s(?P<family>{_FAMILY})(?=,|\.\s)")
_NAME_SEPARATOR = re.compile(rf"\s?(?:,\s?(?:and\s|AND\s|&\s|и\s|және\s)?|;\s?|\sand\s|\sAND\s|\s&\s|\sи\s|\sжәне\s)|\s(?={_FAMILY}\s?{_INITIALS}\s)")
_ET_AL = re.compile(r"\s?,?\s?(?:et\s?al\.?|\[?и\s?др\.?\]?|\[?т\.\s?б\.?\]?|және\sт\.б\.)")

_DASH = "-–—−"
_RANGE = rf"(\d{{1,6}})\s?[{_DASH}]\s?(\d{{1,6}})"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"


class Found:
    """Fields found so far; a place already taken by one field is not read again by another."""

    def __init__(self, text: str):
        self.text = text
        self.items: dict[str, tuple[str, int, int]] = {}
        self.taken: list[tuple[int, int]] = []
        # Where a labelled access date stands, its label included (`Дата обращения к ресурсу: март
        # 2022`): none of the work's own elements is there.
        self.access: tuple[int, int] | None = None

    def add(self, name: str, start: int, end: int, value: str | None = None) -> None:
        if name in self.items or start < 0 or end <= start:
            return
        raw = self.text[start:end]
        value = raw if value is None else value
        value = value.strip(" ,;:")
        if value:
            self.items[name] = (value, start, end)
            self.taken.append((start, end))

    def free(self, start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in self.taken)


# ---- rules, each one field -----------------------------------------------------------------


def find_doi(f: Found) -> None:
    """`10.NNNN/suffix`, after `doi:`, `DOI` or inside a doi.org address (Crossref's DOI syntax).

    A value written after a `DOI` label that does not look like one is still kept, so the
    DOI check can report it."""
    m = re.search(r"\b10\.\d{4,9}/[^\s\"<>]+", f.text) if "10." in f.text else None  # (the cheap test first, here and below)
    if m:
        end = m.end()
        while end > m.start() and f.text[end - 1] in ".,;)]":
            end -= 1
        f.add("doi", m.start(), end)
        return
    if "10. " in f.text and (m := re.search(r"\b10\. (\d{4,9}/[^\s\"<>]*[^\s\"<>.,;)\]])", f.text)):
        f.add("doi", m.start(), m.end(), "10." + m[1])  # broken at a line's end after `10.` and joined with a space
        return
    if "do" not in f.text.lower():
        return  # (no `DOI` in any case: neither letter has a look-alike the search would take for it)
    # the label, not a resolver's host name (`https://doi.org/10.` whose number went on the next line)
    m = re.search(r"(?<![/.])\bDOI(?!\.org)\s?:?\s?(?!https?:)(\S+?)(?=[.,;]?(?:\s|$))", f.text, re.IGNORECASE)
    if m is None:  # a resolver's address whose path is no DOI (`https://doi.org/0.5016/…`): kept for the check
        m = re.search(r"\bdoi\.org/(?!10\.?(?:\s|$))(\S+?)(?=[.,;]?(?:\s|$))", f.text, re.IGNORECASE)
    if m and re.search(r"\d", m[1]):
        f.add("doi", m.start(1), m.end(1))


def find_url(f: Found) -> None:
    """The first web address: `http(s)://…` or `www.…` (an address broken by a line break
    keeps only its first part: PDF text does not tell a wrapped address from two words)."""
    if "http" not in f.text and "www." not in f.text:
        return
    for m in re.finditer(r"(?:https?://|www\.)[^\s<>\"]+", f.text):
        end = m.end()
        while end > m.start() and f.text[end - 1] in ".,;)]»":
            end -= 1
        if "doi.org/" in m[0] and "url" not in f.items and f.items.get("doi"):
            continue
        f.add("url", m.start(), end)
        return


# A piece of each access label above that any text it matches in any case holds, lower-cased
# (letters the case-blind search also matches with another letter, as `с` with `ᲃ` or `i` with
# `ı`, left out), to look for before the search itself, which tries every label at every character.
_ACCESS_LABEL_HINT = re.compile(r"щени|упа|күні|cce|dat|retr")


def find_urldate(f: Found) -> None:
    """The access date: `(дата обращения: 12.03.2021)`, `accessed: 20.09.2020`, `Data obrasheniya`,
    Kazakh `қаралған күні` / `жүгінген күні`, the label in any case (`(Дата обращения: …)`);
    written dd.mm.yyyy (GOST) or as words (`12 марта 2022 г.`, `март 2022`), the label may name what
    was read (`Дата обращения к ресурсу: …`) or say it was the last visit (`Дата последнего посещения 7 ноября 2019`)."""
    m = _ACCESS_LABEL_HINT.search(f.text.lower()) and re.search(
        r"(?i:дата\s+(?:последнего\s+)?обращения(?:\s+к\s+(?:ресурсу|источнику|сайту))?|дата\s+доступа|дата\s+(?:последнего\s+)?посещения|қаралған\s+күні|жүгінген\s+күні|пайдаланылған\s+күні|[аa]ccessed|accessed\s+on|data\s+obrasheniya|retrieved|date\s+of\s+access)"
        r"\s?:?\s?(\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}\s[A-Za-z]+\.?\s\d{4}|[A-Za-z]+\.?\s\d{1,2},\s\d{4}|\d{4}-\d{2}-\d{2}|(?:\d{1,2}\s)?[^\W\d_]{3,}\s\d{4}(?:\s?г\.)?)",
        f.text,
    )
    if m:
        f.add("urldate", m.start(1), m.end(1))
        f.access = (m.start(), m.end(1))
        return
    # `URL: http://…. 23.04.2014.` — a bare date right after the address.
    tail = f.text.rstrip()[-1:]  # (the date's last digit or its full stop closes the text)
    m = ("http" in f.text or "www." in f.text) and (tail == "." or tail.isdecimal()) and re.search(r"(?:https?://|www\.)\S+\s(\d{1,2}\.\d{1,2}\.\d{4})\.?\s*$", f.text)
    if m:
        f.add("urldate", m.start(1), m.end(1))


def find_isbn_issn(f: Found) -> None:
    """`ISBN 978-5-…` (10 or 13 digits, hyphens and spaces allowed) and `ISSN 1234-567X`."""
    m = "ISBN" in f.text and re.search(r"ISBN(?:-1[03])?\s?:?\s?((?:97[89][-–\s]?)?(?:\d[-–\s]?){8,9}[\dXxХх])\b", f.text)
    if m:
        f.add("isbn", m.start(1), m.end(1))
    m = "ISSN" in f.text and re.search(r"ISSN\s?:?\s?(\d{4}\s?[-–]?\s?\d{3}[\dXxХх])", f.text)
    if m:
        f.add("issn", m.start(1), m.end(1))


def _dates_and_links(f: Found) -> list[tuple[int, int]]:
    spans = [(s, e) for name, (_, s, e) in f.items.items() if name in ("url", "doi", "urldate", "isbn", "issn")]
    spans += [(m.start(), m.end()) for m in re.finditer(r"(?:https?://|www\.)\S+|\b\d{1,2}\.\d{1,2}\.\d{4}\b", f.text)]
    return spans


def find_pages(f: Found) -> None:
    """Pages of a part: `С. 45–50`, `P. 19`, `pp. 4–5`, `Б. 12–20` (Kazakh), `S. 7`; or bare
    `163–187` after the year, `: 525-533` (Chinese journals), `;3(2):45-50` (Vancouver).
    A page count `415 с.`, `616 p.`, `245 б.`, `p. xx+494` goes to `pagetotal`."""
    text = f.text
    blocked = _dates_and_links(f)

    def ok(m) -> bool:
        return not any(a < m.end() and m.start() < b for a, b in blocked)

    labelled = re.compile(rf"(?<![{_LO}{_UP}\d])(?<!\d\s)(?:(?:[СCсc]|[Pp]p?|PP|Р|[SБб]|[Сс]тр|[Pp]ages)\.|[Pp]p(?=\s\d)|PP(?=\s\d))\s?(?:{_RANGE}|(\d{{1,6}})(?![\d\w]|\.\d))")
    for m in labelled.finditer(text):
        if ok(m) and not re.match(r"\s?\d|\w", text[m.end() :]):
            if m[1]:
                f.add("pages", m.start(1), m.end(2))
            else:
                f.add("pages", m.start(3), m.end(3))
            break
    if "pages" not in f.items:
        patterns = (
            rf"\)\s?:\s?{_RANGE}",  # 10(6): 525-533 / 2010;3(2):45-50
            rf"\(\d{{4}}\),?\s?{_RANGE}",  # (2009) 163–187 / (1995), 292–322
            rf"\d\(\d+\),\s?{_RANGE}",  # LNCS: 34(1), 82–90
            rf"{_YEAR}\s?:\s?{_RANGE}",  # IEEE, 2008: 794-800
            rf",\s?{_RANGE}(?=\.\s|\.?\s*$)",  # …, No 7 (38), 20–24.
            rf"{_YEAR};\d+(?:\(\d+\))?:\s?{_RANGE}",
        )
        for pattern in patterns:
            m = re.search(pattern, text)
            if m and ok(m) and int(m.group(m.lastindex - 1)) <= int(m.group(m.lastindex)) + 1 and not re.fullmatch(_YEAR, m.group(m.lastindex - 1)):
                f.add("pages", m.start(m.lastindex - 1), m.end(m.lastindex))
                break
    m = re.search(r"(?<![\d.])(\d{1,5}|[xvi]+\+\d+)\s?(?:[сcб]|[Pp]p?|стр|S|бет|pages)\.?(?=[\s,;)\]]|$)", text)
    if m and ok(m):
        f.add("pagetotal", m.start(1), m.end(1))
    else:
        m = re.search(r"\b[Pp]\.\s?((?:[xvi]+\+)?\d+)\.?\s*$", text)
        if m and "+" in m[1]:
            f.add("pagetotal", m.start(1), m.end(1))


def find_volume_number(f: Found) -> None:
    """`Т. 3`, `Vol. 5`, `vol. 30`, `V. 84`, `Volumes 9(2)`; `№ 2`, `no. 6`, `No 7 (38)`, `Iss. 3`;
    bare `25 (2) (2009)`, `34, 2 (1995)`, `10(6):`."""
    text = f.text
    m = re.search(rf"(?<![{_LO}{_UP}])(?:[ТT]|[Vv]ol|[Vv]olumes?|V|Bd)\.?\s?(\d{{1,4}})(?!\d|\.\d)", text)
    if m and not re.match(r"[ТT]\.\s?\d+\s?[-–]", text[m.start():]) or (m and text[m.start()] in "ТT" and text[m.start() + 1] == "."):
        f.add("volume", m.start(1), m.end(1))
    m = re.search(r"(?:№|[Nn]o\.?|Iss\.|[Ii]ssue|[Nn]r\.)\s?(\d{1,4}(?:\s?[-–]\s?\d{1,4})?(?:\s?\(\d+\))?)", text)
    if m and not re.fullmatch(_YEAR, m[1]):
        f.add("number", m.start(1), m.end(1))
    if "volume" not in f.items:
        m = re.search(rf"(?<![\d.])(\d{{1,4}})\.(\d{{1,4}}(?:-\d{{1,4}})?)\s\({_YEAR}\)", text)  # MLA: 65.1-4 (2012)
        if m:
            f.add("volume", m.start(1), m.end(1))
            f.add("number", m.start(2), m.end(2))
    if "volume" not in f.items:
        m = re.search(r"(?<![\d.])(\d{1,4})\s?\((\d{1,4}(?:[-–]\d{1,4})?)\)\s?(?:\(\d{4}\)|:)", text) or re.search(r"(?<![\d.])(\d{1,4}),\s(\d{1,3})\s\([A-Za-z. ]*\d{4}\)", text)
        if m and f.free(m.start(1), m.end(1)):
            f.add("volume", m.start(1), m.end(1))
            f.add("number", m.start(2), m.end(2))


def find_year(f: Found) -> None:
    """The year of publication: `(2010)` after the authors (APA), `– 2010.` (GOST), `, 2010,`,
    `2010;` (Vancouver). A year inside an address, an access date, a DOI or a page range is
    not the year; of the rest, a year set off by `– `, `. `, `, ` or brackets is preferred,
    and the first such one is taken (a translation's year comes later)."""
    text = f.text
    blocked = _dates_and_links(f) + [(s, e) for name, (_, s, e) in f.items.items() if name in ("pages", "volume", "number", "pagetotal")]
    candidates = [m for m in re.finditer(rf"(?<![\d\w./-]){_YEAR}(?![\d\w]|\.\d)", text) if not any(a < m.end() and m.start() < b for a, b in blocked)]
    if not candidates:
        if not _dated_to_the_day(f):
            find_implausible_year(f, blocked)
        return
    set_off = [m for m in candidates if re.search(r"(?:[–—.,(;:]\s?|\s[–—]\s|^)$", text[max(0, m.start() - 3) : m.start()]) and re.match(r"\s?(?:[.,;:)\]]|[a-z]?\)|$)", text[m.end() :])]
    pick = (set_off or candidates)[0]
    f.add("year", pick.start(), pick.end())


# A work dated to the day (`// Storage Notes, 13.02.2008.`, a newspaper's `// Известия. 12.03.2019.`):
# GOST prints a report's, a newspaper's or a web page's own date so.
_DAY_MONTH_YEAR = re.compile(rf"(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.({_YEAR})(?!\d)")
_ACCESS_LABEL = re.compile(r"(?:обращ|доступ|просмотр|қаралған|accessed|retrieved|viewed|visited|abgerufen|zugegriffen|consult)\w*\W{0,3}$", re.IGNORECASE)


def _dated_to_the_day(f: Found) -> bool:
    """With no year set off by itself, a full date's year is the year, unless the date is the day
    the work was read: an access date (labelled, `дата обращения: …`, `accessed …`), or any date
    after the address or in it."""
    links = _dates_and_links(f)
    address = re.search(r"https?://|www\.|URL\b", f.text)
    # (every style prints a work's own date before its address: a date after one is when it was read)
    for m in _DAY_MONTH_YEAR.finditer(f.text, 0, address.start() if address else len(f.text)):
        inside = any(a <= m.start() and m.end() <= b and not re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", f.text[a:b]) for a, b in links)
        if inside or _ACCESS_LABEL.search(f.text[max(0, m.start() - 30) : m.start()]) or "urldate" in f.items and f.items["urldate"][1] <= m.start() < f.items["urldate"][2]:
            continue
        f.add("year", m.start(1), m.end(1))
        return True
    return False


def find_implausible_year(f: Found, blocked: list[tuple[int, int]]) -> None:
    """With no plausible year, a four-digit number standing where a year stands — after a
    month (`May 7, 0213.`), after GOST's `. – `, or in brackets — is kept as the year, so the
    year check can report the typo instead of the entry seeming to have none."""
    months = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s\d{1,2})?,?\s"
    for m in re.finditer(rf"(?:{months}|\.\s[–—]\s|\()(\d{{4}})(?=[.,;)]|\s*$)", f.text):
        if not any(a < m.end(1) and m.start(1) < b for a, b in blocked):
            f.add("year", m.start(1), m.end(1))
            return


def find_authors(f: Found) -> int:
    """Names at the start of the entry, in order, as `Family, I. O. and …`; returns where
    they end. A name is `Фамилия И. О.`, `Family, I.`, `I. O. Family`, `Family IO`; names
    are separated by `,`, `;`, `and`, `и`, `&`; `et al.` / `[и др.]` closes the list."""
    text = f.text
    at = 0
    names: list[str] = []
    end = 0
    while True:
        m = None
        for pattern in _NAME_PATTERNS:
            m = pattern.match(text, at)
            if m:
                break
        if m is None and names and not names[-1].rstrip(".").split(", ")[-1].replace(" ", "").isupper():
            m = _GIVEN_FAMILY.match(text, at)  # `Nash, Alex, Sven Koenig, and Craig Tovey`
        if m is None and not names:
            m = _GIVEN_FAMILY.match(text, at) if re.match(r"\S+\s\S+,\s", text[at:]) and re.search(rf",\s(?:{_NAME_PATTERNS[1].pattern})", text[at : at + 80]) else None
        if m is None:
            break
        given = " ".join(m["given"].split())
        family = m["family"]
        if pattern is _NAME_PATTERNS[0]:  # small capitals: the letters of one name
            family = re.sub(r"\s", "", family).title()
        names.append(f"{family}, {given}")
        end = m.end()
        sep = _NAME_SEPARATOR.match(text, end)
        if not sep:
            break
        at = sep.end()
    if not names:
        return 0
    etal = _ET_AL.match(text, end)
    if etal:
        names.append("others")
        end = etal.end()
    f.add("author", 0, end, " and ".join(names))
    return end


def _responsibility_authors(f: Found, after: int) -> None:
    """GOST's statement of responsibility: `Title / И. О. Фамилия [и др.]` names the authors
    when the entry starts with its title (a collective work or one under an editor)."""
    m = re.compile(r"\s?/\s?(?:[Пп]од\s+(?:общ\.\s+)?ред\.\s+|[Сс]ост\.\s+|[Ee]d\.\s+by\s+)?").match(f.text, after)
    if not m:
        return
    names = []
    at = m.end()
    start = at
    while True:
        n = _NAME_PATTERNS[2].match(f.text, at) or _NAME_PATTERNS[1].match(f.text, at)
        if not n:
            break
        names.append(f"{n['family']}, {' '.join(n['given'].split())}")
        end = n.end()
        sep = _NAME_SEPARATOR.match(f.text, end)
        if not sep:
            break
        at = sep.end()
    if names:
        etal = _ET_AL.match(f.text, end)
        if etal:
            names.append("others")
            end = etal.end()
        f.add("editor" if "ред" in m[0] or "Ed" in m[0] else "author", start, end, " and ".join(names))


_TITLE_END = re.compile(
    r"\s?(?<!:)/\s?/|(?<=\]),\s|\s/\s|\s?\[(?:J|C|M|D|R|EB/OL|Электронный ресурс|Электрондық ресурс|Elektronniy resurs|Electronic resource)\]|\.\s?[–—]\s|\.\s(?:In|В|In:)\s|,\s?in:|\.\sIn:|\sURL:|\.\sURL\b|\s?\((?:Ph\.D\.|Diploma|PhD)"
)


def find_title(f: Found, start: int, form: str) -> None:
    """The title: after the authors (and the APA year), up to the first mark GOST, IEEE or APA
    put after a title — `//`, ` / `, `. – `, `[J]`, `. In:`, a closing quote — else to the
    first sentence end that is not an initial or an abbreviation."""
    text = f.text
    m = re.compile(r"[\s.,:;]*(?:\((?:\d{4}[a-z]?|n\.d\.|б\.ж\.)\)[.,:]?\s?)?[\s.,:;]*").match(text, start)
    at = m.end() if m else start
    q = re.compile(r"[\"“«„]([^\"”»“]+?)[,.]?[\"”»“]").match(text, at)
    if q and form in ("ieee", "unknown", "apa"):
        f.add("title", q.start(1), q.end(1))
        return
    end = len(text)
    stop = _TITLE_END.search(text, at)
    if not re.search(r"\.\s[–—]\s", text):  # ` — ` separating elements where `. – ` is not used
        dash = re.compile(r"\s—\s").search(text, at)
        if dash and (stop is None or dash.start() < stop.start()):
            stop = dash
    # `Title, Moscow, Publisher, 2010` (transliterated lists): place, publisher and year after commas.
    imprint = re.compile(rf",\s[^,.\d]{{2,40}},\s[^,]{{2,60}},\s{_YEAR}\b").search(text, at)
    if imprint and (stop is None or imprint.start() < stop.start()):
        stop = imprint
    if stop:
        end = stop.start()
    if form == "elsevier":
        comma = _comma_outside_brackets(text, at, end)
        if comma > 0:
            end = comma
    if form == "gost" and stop and stop.group().strip() in ("/", "//", "/ /") or (form == "gost" and stop and re.match(r"\.\s?[–—]", stop.group())):
        f.add("title", at, end)  # GOST: the title runs to its mark, sentences and all
        return
    for s in re.finditer(r"[.?!]\s|[.]$|:\s(?=In\b)", text[at:end]):
        before = text[at : at + s.start()]
        word = re.search(r"(\S+)$", before)
        token = word[1] if word else ""
        if re.fullmatch(rf"{_CAP}|[{_LO}]{{1,3}}|[A-Za-z]{{1,4}}\.[A-Za-z]{{1,4}}|vs|etc|No|Vol|Proc|Intern|Int|Conf|Univ|Ph\.D|[А-ЯA-Z]\.[А-ЯA-Z]|т|ч|т\.д|т\.п|Ч|Вып|Изд|№", token.rstrip(".")) and not token.endswith("?"):
            continue
        end = at + s.start() + (1 if text[at + s.start()] in "?!" else 0)
        break
    f.add("title", at, end)


def _comma_outside_brackets(text: str, start: int, end: int) -> int:
    depth = 0
    for i in range(start, end - 1):
        ch = text[i]
        depth += ch in "([" 
        depth -= ch in ")]" and depth > 0
        if ch == "," and text[i + 1] == " " and depth == 0:
            return i
    return -1


def split_translation(f: Found) -> None:
    """A transliterated title followed by its translation in brackets (`Kak razrabotat’
    biznes-plan [How to draw up a business plan]`, the convention of Russian journals' English
    lists): the bracket is `titleaddon`, not the title."""
    if "title" not in f.items:
        return
    value, start, end = f.items["title"]
    m = re.search(r"\s\[([^\[\]]{4,})\]\s*$", value)
    if m and not re.match(r"\d", m[1]):
        del f.items["title"]
        f.add("title", start, start + m.start())
        f.add("titleaddon", start + m.start(1), start + m.end(1))


def find_container(f: Found) -> None:
    """The journal or collection: after `//` (GOST), `In:` / `in:` / `[C]//` / `[J].`, the text up
    to the next element (`. – `, `. 2010`, `, vol.`, `, 2010`)."""
    text = f.text
    m = re.search(r"(?:(?<![:/])/\s?/(?!/)|\bIn:|,\s?in:|\.\sIn\s|\[J\]\.)\s?", text)
    if not m:
        return
    at = m.end()
    end_m = re.compile(rf"\.\s?[–—]\s|\.\s(?=\d)|,\s?(?:[Vv]ol|[ТT]\.|[Vv]\.|№|no\.|pp?\.|[СC]\.)|,\s?{_YEAR}\b|\.\s?{_YEAR}\b|\s\d+\s?\(\d|\s\({_YEAR}|\s\d+,\s\d+\s\(|\.\s?(?:Т|V|Vol)\.|\.\s?№|\.\s(?:Lecture|Springer|IEEE\s|ACM\s)|\s\[|\.\s*$").search(text, at)
    end = end_m.start() if end_m else len(text)
    f.add("journal", at, end)


def find_journal_after_title(f: Found, at: int) -> None:
    """Journals named without a mark, right after the title: `Title. Journal, 2003, vol. 3` (GOST
    transliterated), `Title, J. Complexity 25 (2) (2009)` (Elsevier), `Title. IEEE Software 34(1)`
    (LNCS), `"Title." Journal 65.1-4 (2012)` (MLA), `Title. Journal. 2017. № 2` — up to the
    volume, number, year or pages."""
    text = f.text
    m = re.compile(r"[\"”»]?[.,]?[\"”»]?\s?").match(text, at)
    start = m.end()
    end_m = re.compile(
        rf",\s?(?:[Vv]ol|[ТT]\.|[Vv]\.|№|[Nn]o\b|pp?\.|[СC]\.|{_YEAR}\b|\d)|\.\s?{_YEAR}\b|\s\d+\s?\(|\s\d+\.\d|\s\d+,\s\d+\s\(|\.\s?(?:Т|V|Vol)\.|\.\s?№|\s\[|\s{_YEAR}[.,;]"
    ).search(text, start)
    if not end_m or end_m.start() - start > 160 or end_m.start() - start < 2:
        return
    if not re.match(rf"[{_UP}\"«]", text[start:start + 1] or "x"):
        return
    f.add("journal", start, end_m.start())


def find_publisher(f: Found) -> None:
    """`– М. : Наука, 1987.` / `Алматы: Қазақ университеті, 2010.` (GOST: city `:` publisher `,`
    year); `Moscow, Nauka Publ., 1975` (transliterated lists); `Springer-Verlag, Berlin, 2000`."""
    text = f.text
    # The place: `М.`, `СПб.`, `Алматы`, `Ростов-на-Дону`, `Reading, MA`, `Needham (MA)`,
    # `Chichester ; Hoboken`; the publisher may hold initials (`ВКА им. А.Ф. Можайского`) but
    # not a sentence end (`…политик. Алматы, 2007` is a title and a place).
    place = rf"[{_UP}][{_LO}{_UP}]*\.|[{_UP}][{_LO}{_UP}]+(?:-[{_UP}{_LO}][{_LO}]*|\s[{_UP}][{_LO}]+)*(?:,\s[A-Z]{{2}}|\s\([A-Z]{{2}}\))?"
    m = re.search(rf"(?:^|[.–—]\s)((?:{place})(?:\s?;\s?(?:{place}))?)\s?:\s?((?:[^:/.]|(?<=[{_UP}])\.|\.(?!\s(?:[{_UP}][{_LO}]|[–—]))){{2,80}}?),\s(?:{_YEAR})\b", text)
    if m and len(m[1]) < 30 and not re.fullmatch(r"URL|DOI|In|ISBN|ISSN|Режим|Available", m[1]):
        f.add("address", m.start(1), m.end(1))
        f.add("publisher", m.start(2), m.end(2))
        return
    m = re.search(rf"[.,]\s(Moscow|Saint[-\s]?Petersburg|St\.\sPetersburg|Kiev|Kyiv|Almaty|Astana|Novosibirsk|Minsk|Penza|Voronezh|Berlin|London|New\sYork|Cambridge)\s?[,:]\s([^,]{{2,60}}?),\s(?:{_YEAR})", text)
    if m:
        f.add("address", m.start(1), m.end(1))
        f.add("publisher", m.start(2), m.end(2))
        return
    m = re.search(rf",\s([^,]*(?:Press|[Vv]erlag|Publishers?|Publ\.|Wiley[^,]*|Springer|Elsevier|Sons[^,]*))(?:,\s([{_UP}][{_LO}]+(?:,\s[A-Z]{{2}})?))?,\s(?:{_YEAR})", text)
    if m:
        f.add("publisher", m.start(1), m.end(1))
        if m[2]:
            f.add("address", m.start(2), m.end(2))


def find_edition(f: Found) -> None:
    """`2-е изд.`, `Изд. 2-е`, `Издание 2-е`, `3rd ed.`, `third ed.`, `2-басылым` (Kazakh)."""
    m = re.search(r"(\d+)-?(?:е|ое|-е)\s?(?:изд|издание)|(?:Изд\.|Издание)\s?(\d+)-?е|(\d+)(?:st|nd|rd|th)\s?ed\.|\b(second|third|fourth|fifth)\sed\.|(\d+)-?(?:ші|шы|-ші)?\s?басылым|(\d+)-e\sizdanie", f.text, re.IGNORECASE)
    if m:
        g = next(i for i in range(1, 7) if m.group(i))
        f.add("edition", m.start(g), m.end(g))


# ---- the whole entry --------------------------------------------------------------------------


def _dash_after_a_full_stop(text: str) -> bool:
    """Whether a dash stands after a full stop and a space (`. – `, GOST's area mark), tested
    without the pattern that needs it: most dashes are those of page ranges."""
    for dash in "–—":
        at = text.find(dash, 2)
        while at != -1:
            if text[at - 2] == "." and text[at - 1].isspace():
                return True
            at = text.find(dash, at + 1)
    return False


def _slashes_after_a_space(text: str) -> bool:
    """Whether `//` stands after a space (GOST's mark before the host), tested without the
    pattern that needs it: most `//` are a web address's."""
    at = text.find("//", 1)
    while at != -1:
        if text[at - 1].isspace():
            return True
        at = text.find("//", at + 1)
    return False


def _capitals_closed(word: str) -> bool:
    """`A,`, `ABC,`, `AB.`: one to three Latin capitals and a comma, or two or three and a full
    stop (Vancouver's initials, as recognise_form's pattern has them)."""
    return (word[-1:] == "," and 2 <= len(word) <= 4 or word[-1:] == "." and 3 <= len(word) <= 4) and word[:-1].isascii() and word[:-1].isalpha() and word[:-1].isupper()


# The particles _PARTICLE takes before a family name, as words.
_PARTICLE_WORDS = frozenset(_PARTICLE.removeprefix("(?:(?:").removesuffix(")\\s)").split("|"))


def _opens_with_vancouver_names(text: str) -> bool:
    """Whether the text can open as recognise_form's Vancouver name pattern asks (`Family AB,`,
    `van Loon ABC.`), tested without the pattern (long, with every capital and small letter: a
    millisecond to compile): one of its second to fourth words is capitals closed by a comma or
    a full stop (_capitals_closed) after a word that opens with a capital and ends with a letter
    or an apostrophe, with nothing but particles before that word (`29. Kurth AE,`: a list's
    number first, no name opens the text)."""
    words = text.split(None, 4)
    for k in range(1, min(4, len(words))):
        family = words[k - 1]
        if _capitals_closed(words[k]) and family[:1].isupper() and (family[-1].isalpha() or family[-1] in "'’") and all(w in _PARTICLE_WORDS for w in words[: k - 1]):
            return True
    return False


def recognise_form(text: str) -> str:
    """The style an entry is written in, from the marks each style alone uses:
    GOST: `//` before the container or `. – ` between elements, `С.`/`Т.`/`№`, `Режим доступа`;
    APA: `(2010).` right after the authors; IEEE: a quoted title and `vol.`/`pp.`;
    Vancouver: `Family AB` names and `2010;3(2):45-50`."""
    # Each search is tried only where the marks it needs stand (` //` or a dash, `).`, a quote, `;`),
    # and the long name pattern after the year's short one.
    if (_slashes_after_a_space(text) or "Режим доступа" in text or "[Электрон" in text or _dash_after_a_full_stop(text)) and re.search(
        r"\s//\s?|\.\s[–—]\s(?:\d|[СCТМ]\.|№|[A-ZА-Я][a-zа-я]+\s?:)|Режим доступа|\[Электрон(?:ный|дық) ресурс\]", text
    ):
        return "gost"
    if ")." in text and re.search(r"^[^()]{2,300}?\((?:1[5-9]|20)\d\d[a-z]?(?:,\s[A-Za-z]+(?:\s\d+)?)?\)\.\s", text):
        return "apa"
    # The two name patterns (long, with every capital and small letter: a millisecond each to
    # compile on a process's first entries) are tried only where what they need stands: an initial's
    # full stop at the second or third character (after the spaces `\s*` takes), and a word of one
    # to three capitals closed by `,` or `.` among the second to fourth words (a family name holds
    # one to three words: two particles at most).
    if re.search(r"[\"“][^\"”]{5,}[,.]?[\"”]", text) and re.search(r"\b(?:vol\.|pp\.|no\.|in\s)", text) and "." in text.lstrip()[1:3] and re.match(rf"\s*{_INITIALS}\s?{_FAMILY}", text):
        return "ieee"
    if ";" in text and re.search(rf"\b{_YEAR}(?:\s[A-Z][a-z]{{2}}(?:\s\d+)?)?;\s?\d+(?:\(\d+\))?:\s?\d+", text) or (
        re.search(rf"\.\s{_YEAR}[;.]", text) and _opens_with_vancouver_names(text) and re.match(rf"\s*{_FAMILY}\s(?:[A-Z]{{1,3}},|[A-Z]{{2,3}}\.)\s", text)
    ):
        return "vancouver"
    return "unknown"


def guess_type(text: str, fields: dict[str, str]) -> str:
    """BibTeX entry type from the evidence: `//` or a journal plus volume/pages is an article;
    `In:`, `Proc.`, `Conference`, `сб.`, `материалы` a chapter or paper in proceedings; a URL
    with no journal is online; `дис.`, `thesis` a thesis; a page count or publisher a book."""
    low = text.lower()
    if re.search(r"дис\.|диссертац|автореф|thesis|dissertation|diss\.", low):
        return "thesis"
    proceedings = re.search(r"\bproc\.|proceedings|conference|symposium|workshop|конференц|материал|сборник|\bсб\.|\[c\]|\bin:|, in:|\bin proc|трудов|симпозиум|конгресс|форум", low)
    if proceedings and not fields.get("volume") and not re.search(r"\bjournal\b|журнал", low):
        return "inproceedings"
    if fields.get("journal") or (fields.get("volume") or fields.get("number")) and fields.get("pages"):
        return "inproceedings" if proceedings else "article"
    if fields.get("url") and not fields.get("publisher"):
        return "online"
    if fields.get("pagetotal") or fields.get("publisher") or fields.get("isbn"):
        return "book"
    return "misc"


def parse_by_rules(text: str) -> Parsed:
    """Fields of one entry of the paper's own list, with their offsets in `text`, by the rules."""
    form = recognise_form(text)
    f = Found(text)
    for rule in (find_doi, find_url, find_urldate, find_isbn_issn, find_pages, find_volume_number, find_year, find_edition):
        rule(f)
    authors_end = find_authors(f)
    layout = form
    if form == "unknown" and authors_end and re.match(rf"\s*{_INITIALS}\s?{_FAMILY}", text) and text[authors_end : authors_end + 2].startswith(","):
        layout = "elsevier"  # `S. Corlay, Title, Journal 20 (2) (2014) 716–746.`
    find_title(f, authors_end, layout)
    split_translation(f)
    if "author" not in f.items and "title" in f.items:
        _responsibility_authors(f, f.items["title"][2])
    find_container(f)
    # A page count is a whole book: what follows its title is a place or a series, not a journal.
    if "journal" not in f.items and "title" in f.items and "pagetotal" not in f.items and ("volume" in f.items or "number" in f.items or "pages" in f.items):
        find_journal_after_title(f, f.items["title"][2])
    find_publisher(f)
    values = {name: value for name, (value, _, _) in f.items.items()}
    entry_type = guess_type(text, values)
    if entry_type in ("inproceedings", "thesis") and "journal" in f.items:
        value, s, e = f.items.pop("journal")
        f.items["booktitle"] = (value, s, e)
    ordered = sorted(((name, *item) for name, item in f.items.items()), key=lambda x: (x[2], x[0]))
    return Parsed(form, entry_type, tuple(ordered))


