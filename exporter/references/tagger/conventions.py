"""Token labels corrected by conventions every citation style keeps, before the fields are made:
- a list of names keeps one form, so the tail of an author run that is no name in that form is
  the title's first words (`Найт Ф. Н. Риск, неопределенность и прибыль`, `A. J. Larkoski,
  S. Marzani, Soft Drop, JHEP`), and a short title that is one more such name is the last author,
  as is one more such name closed by a colon (`…, Granit V: Title`); "authors" in no name's form
  with no title beside them are the title (`LuaJIT roadmap 2008 – http://…`); a title before
  APA's bracketed year, with a title after it, is the authors (an organisation);
- a title opened by a quote ends where the quote closes (`"Lazy Theta*: … in 3D." Third Annual
  Symposium`, `"… explicit corridors."Robotics and Automation`), and where it closes with the
  element's comma or full stop words read on past it are no title even where the tagger was sure:
  a page mark is the pages' (`“Title.” Pp. 25–30 in`), a host with none read the host (`‘Title’,
  in Book, edd.`), a lower-case statement a note (`“Title”, thesis,`);
- an editor's or translator's statement opens with its role (`Ed.`, `Trans.`), so words read with
  the editors before it, right after the title, are the title's (`My Freedom. Ed. William L. Andrews.`),
  and a statement read into the title after its full stop or comma is no title (`The Trial.
  Translated by …`, `Verdi, Richard Stokes (trans.)`), nor is an edition's (`Revised and expanded.`);
- after the editors of a book (`In J. Foran (ed.)`) comes the book's title, the container; an
  entry that opens with editors, with no author or title, cites the edited book whole, so the host
  after them is its title (`Diamond, Irene, and Gloria Orenstein, eds. Reweaving the World.`);
- GOST's `[Электронный ресурс]` follows the title proper; `6 pp.` is a page count; pages are
  printed once, so a bare number between the volume and a later page range is the issue;
- a day before a Cyrillic month's name is a date, never pages (`Минск, 29 окт. 2014 г.`), and so is
  the first day of a range (`28 — 30 ноября 2017`); `V.`/`Т.` before
  a volume's number is the volume's mark, never a journal; a year inside a GOST host's title
  (`// Информационные технологии 2014 (ИТС 2014) : материалы …`, before the host's
  `. – Place, Year`) is the host's title's;
- the words qualifying an edition (`2-е изд., испр. и доп.`) are the edition's; a Russian contraction
  (`ун-т`, `изд-во`) is no date, but the name's it ends (`// Финансовый ун-т / 2022`);
- a part's mark and number between two pieces of a title is the title's (`Title. Ч. I. Part title`);
- a family name has no lower-case word, so a `Family, I.` list's tail with one is the title
  however sure the tagger was (`Сингх, С. Книга шифров. Тайная история…`); nor do bare capitals
  end a name after dotted initials (`Соломенчук П.В. Железо ПК 2005`), and in a family-first
  list one word closed by a colon before the title is the title's first part (`Deberta: …`);
- a list of `Given Family,` names keeps its form to the last name, closed by a full stop;
- GOST's statement of responsibility follows the title proper, so words with no name form
  before ` / ` are the title (`Информатика / Под ред. …`), and its publisher follows a colon
  (`/ Под ред. В.Э. Фигурнова.: Инфра-М, 2004`); a name in the possessive opens a title
  (`Jurgen Schmidhuber's page on …`); a year between the title and the imprint's ` – `, with the
  imprint's own year later, is the title's (`Железо ПК 2005 – СПб.: БХВ Петербург, 2001`);
  names after ` / ` and a compiler's or editor's role (`/ Сост.`, `/ Под ред.`) are editors, and
  names after ` / ` ended by the area's dash are the authors, not the host (`/ Л.Дж. Игнарро. –
  Журнал …`); a family-first list ending with a comma goes on (`…, Полянская Т.А. Title`);
- a US state's two-letter code read as the place right after a host names the city before it, so
  the host's last comma part is the place's (`… Conference, White Plains, NY, June 1990`);
- a city after a full stop, closed by a colon or by a comma before the year, is the place (GOST
  7.1-2003 lets `. ` stand for the area's `. – `: `// Host. Владивосток: Дальнаука. 1993.`), what
  follows its colon the publisher, and a publisher read before it the host's; a lone bare capital
  opening the entry before the title is the title's first word (`В Госдуме прошло …`); a year
  after `на`/`за` and before `год` is the title's when a later year is the imprint's (`Таблицы
  приливов на 2007 год. … 2006.`); `Спец.` before `вып.` is the issue's, not the journal's; a
  bracket of a conference's place and dates after the proceedings' title is the host's;
- a year in brackets right after the volume is the date (`Mathematics 117 (2002), № 1-3`); a
  short capitalised run after a title's question mark, up to the journal, is the journal's
  (`… What Is Not? Seminars in Perinatology. 2010;34:`); `, Том 1:` inside a host is its volume and
  the words after its colon the kind of work; an entry opening with a name ending in an
  organisation's word, read as the title's, is its corporate author (`World Health Organization.
  Verbal autopsy standards …`, `The BIP Study Group. Rationale …`), and so is such a group after
  names closed by `et al.`; one `Given Family,` name, then another closed by a full stop and
  more title, is two authors (`Mark Lundstrom, Jing Guo. Nanoscale Transistors.`); a report's year
  after its title's comma, before the work's year, is the title's (`…, 2020. 2021.`); a country
  after the title's comma closes the title (`… the Shiyang River, China. Land`);
- a proceedings' short name in brackets closes the host's name (`… Conference (BMVC), 2006`,
  `(CVMP2006), 2006`), and a year after it read as the host's is the date; GOST's `//` before
  a name, a year and a page total only (`// ДМК Пресс, 2006. — 496 с.`) stood before a book's
  publisher; a quoted web page's title holds its `Vol. 98 Issue 1` (`“… | AJPH | Vol. 98 Issue 1.”`);
- names after ` / ` with no role before them are the authors (`Title: 2nd ed. / Keith D. Cooper`),
  and an ordinal with `ed.` after a title's colon or in the bracket after a book's title is the
  edition (`(1st ed., pp. 309–333)`); the number after `№` alone is the issue; GOST's notes on an
  electronic resource (`– Загл. с экрана. – Яз. англ.`) are notes, no publisher; one capitalised
  word with no mark before a title going on in lower case is the title's (`Два мира …`); a
  bracketed short name read as the issue after a host is the host's (`… Intervention (MICCAI). —`);
  in APA's order one host follows the title's full stop, so a "host" read inside the title's
  sentence, with a second date after it, is the title's (`… experiments in Nature and Science
  between 2010 and 2015. Nature Human Behaviour, 2(9)`);
- names before a title in guillemets or quotes that close before the imprint's dash are the
  authors (`Глеб Архангельский «Title» — М.: …`, `Ecma International «Title» — Geneva, 2016`),
  an edition statement inside the quotes the edition, words after the dash up to a comma and the
  year the publisher (a city closed by a colon before them the place); a hyphenated city of the
  lexicon (`Санкт-Петербург`) is looked up in the form tokens are; IEEE's quoted title after the authors' comma is the title, and after it
  `in` opens the host (`in CoRL, 2017`: no editors), its bracketed short name the host's;
- four words or more joined by `and`, none a given name, with only a date and an address beside
  them, are a web page's title (`Calendaring and Scheduling Standards Simplification [2014] URL:`);
  where only spaced dashes part the areas (`Title – I.I.Family – Publisher, Place, 2016`), a name
  with glued initials between two dashes is the author, a host with a publisher's word the publisher;
- a month in the bracket after the volume stands for the issue, the number after its colon is the
  pages (`12 (June): 54.`); an article with a volume and pages and no host read has its journal
  after the title's last full stop (`… for SPM 99. NeuroImage 16 , S497.`), or in its last comma
  part of capitalised words right before the volume (`… Circular Rod , Smart Materials and
  Structures , 25(3)`); where no mark ends the title
  before a journal (Vancouver without its full stop), lower-case words opening the journal are the
  title's and an initialism before a one-letter journal the journal's (`… correction EMBO J 1997;`).

The tagger sees three tokens either side; these conventions span a whole name list, quote or
entry, which a window that short cannot. Where a convention could misread a name, it acts only
where the tagger was unsure (its marginal below UNSURE)."""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from . import Tagged
from .features import canonical
from .lexicon import CITIES, GIVEN_NAMES, MONTHS, PUBLISHER_WORDS

_UP = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІÄÖÜÅØÆÇŠŽČŁÉÈÁÍÓÚÑ"
# `J.`, `J.-P.`, `V.I.`, `Ж.`, `Yu.` (a capital and at most one small letter, each with its full
# stop), or bare capitals after a family name (Vancouver's `NH`, `JA,`)
_DOTTED = re.compile(rf"^(?:[{_UP}][a-zа-яё]?\.[-‐]?){{1,4}}[{_UP}]?[,;:]?$")  # `R.S` too
_GLUED = re.compile(rf"^(?:[{_UP}]\.){{1,3}}[{_UP}][a-zа-яё'’-]+[,;:.]?$")  # `V.A.Vasilev,`: initials glued to the name
_BARE = re.compile(rf"^[{_UP}]{{1,3}}[,;.]?$")
# What may stand between or after names: `and`, `&`, `et al.`, `и др.`, `(eds.)`, `Jr.`
_BETWEEN = frozenset("and und & и және et al etal others др тб 等 jr sr eds ed editors editor hrsg hg ред сост".split())
# A tail that starts with `In`, `Dans`, `В` is the container's mark, not the title's first word.
_HOST_MARK = frozenset("in dans im в".split())
_OPEN_QUOTES = "\"“«„"
_SINGLE_QUOTES = "'‘"
_CLOSE_OF = {'"': '"', "“": "”", "«": "»", "„": "“"}


@lru_cache(maxsize=65536)
def _kind(token: str, after_family: bool) -> str:
    """`init` (initials), `name` (initials glued to a name), `sep` (a joining word or mark), or
    `word` (a name word, or not a name)."""
    if token[1:2] == "." and _GLUED.match(token):  # (what each pattern needs tested first: a full stop there, a short token)
        return "name"
    if "." in token[1:3] and _DOTTED.match(token) or after_family and len(token) <= 5 and _BARE.match(token):
        return "init"
    w = canonical(token)
    if not w or w in _BETWEEN:
        return "sep"
    return "word"


def _form(tokens: list[str]) -> str | None:
    """`initials-first` (`J. A. Smith, …`), `family-first` (`Smith J. A., …`, `Smith, J.`,
    `Иванов И. И.`), or None: a form this cannot tell (`Jacob Ziv`, `Nash, Alex`)."""
    first = _kind(tokens[0], len(tokens) > 1 and _kind(tokens[1], False) == "word")  # `F L UNNERVIK`
    if first in ("init", "name"):
        return "initials-first"
    if len(tokens) > 1 and first == "word" and _kind(tokens[1], True) == "init":
        return "family-first"
    return None


def _one_name(tokens: list[str], i: int, form: str) -> tuple[int, int, int]:
    """From token i (not a separator), one name in `form`: (its end, its name words, its initials)."""
    n = len(tokens)
    if _kind(tokens[i], False) == "name":
        return i + 1, 1, 1
    words = initials = 0
    if form == "initials-first":
        while i < n and _kind(tokens[i], False) == "init":
            i, initials = i + 1, initials + 1
        while i < n and _kind(tokens[i], False) == "word" and words < 3:
            i, words = i + 1, words + 1
            if tokens[i - 1].endswith((",", ";", ":")):
                break
        return i, words, initials
    while i < n and _kind(tokens[i], False) == "word" and words < 3:
        i, words = i + 1, words + 1
        if i < n and _kind(tokens[i], True) == "init":
            break
    while i < n and _kind(tokens[i], True) == "init":
        i, initials = i + 1, initials + 1
    return i, words, initials


def _names_end(tokens: list[str]) -> int | None:
    """Where the names of an author run stop being names in the run's own form: the index of the
    first token of a tail with no initials where every name before it had them, or None (names
    throughout, or a run whose form this cannot tell)."""
    form = _form(tokens)
    if form is None:
        return None
    i, n, names = 0, len(tokens), []
    dotted = True
    while i < n:
        while i < n and _kind(tokens[i], False) == "sep":
            i += 1
        if i == n:
            return None
        end, words, initials = _one_name(tokens, i, form)
        if not initials or names and dotted and end == n and _bare_ending(tokens[i:end], form):
            break  # `Соломенчук П.В. Железо ПК`: bare capitals after dotted initials are no name of the list
        dotted = dotted and any("." in t for t in tokens[end - initials : end])
        if form == "family-first" and not words:
            return None  # `Baxter, D., and H. T. Bruni`: the later names turned round (Chicago)
        names.append((i, end))
        i = end
    else:
        return None
    if not names or canonical(tokens[i - 1]) in ("and", "und", "и", "және") or tokens[i - 1] == "&" or canonical(tokens[i]) in _HOST_MARK:
        return None  # `…, and Hirshfield,`: a last name printed without initials is a name still
    if form == "family-first" and len(names) == 1:
        s, e = names[0]
        letters = sum(ch.isupper() for t in tokens[s + 1 : e] for ch in t)
        if letters < 2 and not tokens[s].endswith(",") and not tokens[e - 1].endswith(","):
            return None  # `Marco M. Stubbs,` may be a given name, an initial and the family name (`Dronov V.,` is not)
    return i


def _bare_ending(name: list[str], form: str) -> bool:
    """A family-first `Word ПК` ending an author run: a capitalised word (not in capitals: `DONALD
    WON`) and capitals without a full stop, which, after dotted initials, no name of the list has."""
    return form == "family-first" and len(name) == 2 and not name[0].isupper() and _BARE.match(name[1]) is not None and "." not in name[1]


@lru_cache(maxsize=64)  # the conventions ask it of the same labels, one after the other, most entries unchanged
def _runs(labels: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    """The runs of equal labels: (label, start, end)."""
    out: list[list] = []
    for i, label in enumerate(labels):
        if out and out[-1][0] == label:
            out[-1][2] = i + 1
        else:
            out.append([label, i, i + 1])
    return tuple(tuple(r) for r in out)


# The tagger's probability of `author` for the tail's first token below which the convention
# decides: where the tagger is sure, its reading of a name stands (`Marco M. Stubbs,` is Stubbs,
# a given name first, not `Marco M.` and a title word).
UNSURE = 0.9


def _title_out_of_names(tokens: list[str], labels: list[str], marginals: tuple[float, ...]) -> None:
    """The tail of the first author run that is no name in the run's form goes to the title, when
    the tagger was unsure of it and the title follows it or the entry has no title at all."""
    runs = _runs(tuple(labels))
    run = next((r for r in runs if r[0] == "author"), None)
    if run is None:
        return
    _, a, b = run
    after = labels[b] if b < len(labels) else None
    if after != "title" and "title" in labels:  # (the cheap test first: most runs are followed by a date)
        return
    end = _names_end(tokens[a:b])
    if end is None or marginals[a + end] >= UNSURE and not _sure_tail(tokens[a : a + end + 1], tokens[a + end : b], b < len(labels) and labels[b] == "title"):
        return
    tail = "title"
    if after in ("journal", "container") and b - (a + end) <= 2 and tokens[b - 1].endswith("."):
        tail = after  # `Ma C., Bertschinger E. Astrophys. J. 455`: an abbreviation that starts the journal
    for k in range(a + end, b):
        labels[k] = tail


_NAME_PARTICLES = frozenset("van von de der den du da di del della dos la le ter ten zu bin al el".split())


def _sure_tail(head: list[str], tail: list[str], title_next: bool) -> bool:
    """A tail that no name list could hold, however sure the tagger was of it: a lower-case word
    after a `Family, I.` name (`_lower_case_tail`), capitals without full stops after dotted
    initials (`Соломенчук В.Г. Соломенчук П.В. Железо ПК 2005`), or one word closed by a colon
    before the title (`Misra D. Mish: A Self Regularized …`: the title's first part; a name closed
    by a colon ends with its initials, `Granit V:`)."""
    if _lower_case_tail(head, tail):
        return True
    if _form(head[:-1]) != "family-first":
        return False  # `Donald E. Knuth: Title` (DBLP): the colon closes the name
    if len(tail) == 1 and tail[0].endswith(":") and title_next and _kind(tail[0][:-1], True) == "word":
        return True
    return any("." in t for t in head[1:-1]) and _bare_ending(tail, "family-first")


def _lower_case_tail(head: list[str], tail: list[str]) -> bool:
    """The tail after a `Family, I.` name holds a lower-case word (no particle): no family name
    is written so, and the comma after the family name leaves no doubt of the list's form."""
    words = [t.strip(".,;:") for t in tail[:3]]  # the title's first words (`Книга шифров.`), not glued text (`andMurray`)
    return head[0].endswith(",") and any(w.isalpha() and w.islower() and w not in _NAME_PARTICLES and w not in _BETWEEN for w in words)


def _author_then_title(labels: list[str]) -> tuple[list[tuple[str, int, int]], int, int, int, int] | None:
    """(runs, index of the first author run, its start, its end = the title's start, the title's
    end) when a title run follows the first author run, else None."""
    runs = _runs(tuple(labels))
    at = next((k for k, r in enumerate(runs) if r[0] == "author"), None)
    if at is None or at + 1 >= len(runs) or runs[at + 1][0] != "title":
        return None
    return runs, at, runs[at][1], runs[at][2], runs[at + 1][2]


def _names_out_of_title(tokens: list[str], labels: list[str], marginals: tuple[float, ...]) -> None:
    """A short title run right after the author run that is one more name in the run's form
    (a family name and initials, nothing else), before GOST's `//` or the container, is the last
    author (`Goldenberg B.G., …, Pindyurin V.F // Phys. Proc.`): such an entry prints no title."""
    found = _author_then_title(labels)
    if found is None or found[1] + 2 >= len(found[0]):
        return
    runs, at, a, b, c = found
    if c - b > 4 or marginals[b] >= UNSURE or _form(tokens[a:b]) != "family-first":
        return
    if not (tokens[c].startswith("//") or runs[at + 2][0] in ("journal", "container")):
        return
    if not any(_kind(t, True) == "init" for t in tokens[b + 1 : c]) or _names_end(tokens[a:c]) is not None:
        return
    for k in range(b, c):
        labels[k] = "author"


def _last_name_before_a_colon(tokens: list[str], labels: list[str]) -> None:
    """A title run that opens with one more name in the author run's form closed by a colon is
    the last author: BMC's and Vancouver's `Authors: Title.` (`…, Buyukkurt D, Granit V: Venous
    thromboembolism…`) end the names with the colon."""
    found = _author_then_title(labels)
    if found is None:
        return
    _, _, a, b, c = found
    form = _form(tokens[a:b])
    colon = next((k for k in range(b, min(c, b + 4)) if tokens[k].endswith(":")), None)
    if form is None or colon is None or colon + 1 >= c or not tokens[b - 1].endswith(","):
        return  # the author run must end as a list that goes on: `Buyukkurt D,`
    name = tokens[b:colon] + [tokens[colon][:-1] + ","]
    if not all(t[:1].isupper() for t in name):  # `Performance analysis of MSP:` is a title's words
        return
    end, words, initials = _one_name(name, 0, form)
    if end == len(name) and words and initials:
        for k in range(b, colon + 1):
            labels[k] = "author"


# Labels that may stand in an entry that prints no title: the date, addresses, access dates (a
# note may be the title the tagger missed: `Fundação João Pinheiro. 2015. Déficit … http://…`).
_BESIDE_NO_TITLE = frozenset("date url doi accessed".split())


def _title_not_a_name(tokens: list[str], labels: list[str]) -> None:
    """An entry with no title whose first run, read as authors, holds no name form (no initial,
    no comma between a family and a given name) and is followed only by a date, an address or an
    access date names a work, not a person: it is the title (`LuaJIT roadmap 2008 – http://…`,
    GOST's web resource `Jemalloc // URL: https://jemalloc.net (дата обращения: …)`)."""
    runs = _runs(tuple(labels))
    if not runs or runs[0][0] != "author" or "title" in labels:
        return
    _, a, b = runs[0]
    if any(r[0] not in _BESIDE_NO_TITLE for r in runs[1:]):
        return
    words = tokens[a:b]
    if any(_kind(t, k > 0) in ("init", "name") for k, t in enumerate(words)) or any(t.endswith((",", ";")) for t in words[:-1]):
        return
    if any(canonical(t) in _BETWEEN for t in words) and not _words_joined_by_and(words):
        return
    for k in range(a, b):
        labels[k] = "title"


def _words_joined_by_and(words: list[str]) -> bool:
    """Four or more words, `and` among them and no other joining word, none a known given name:
    a title's `and` (`Calendaring and Scheduling Standards Simplification [2014] URL: …`), not
    two names (`Smith and Jones`, `Anna Berg and Karl Moss`)."""
    between = [canonical(t) for t in words if canonical(t) in _BETWEEN]
    return len(words) >= 4 and set(between) <= {"and", "и"} and not any(canonical(t) in GIVEN_NAMES for t in words)


_ORGANISATION_LINKS = frozenset("of for and the on in de du des der für и по".split())


def _author_before_a_bracketed_date(tokens: list[str], labels: list[str]) -> None:
    """`Alzheimer’s Disease International. (2009). World Alzheimer Report.`: APA and Harvard print
    the authors, then the year in brackets, then the title; a first run read as a title, before
    a bracketed date with a title after it, is the authors (an organisation). So is one read as a
    host or an address: a site's name or a body's one word (`Britannica.com (n.d.) Title
    [Online].`, `Europol (2020) Title.`), no address (`/`, `:`, `www.`) in it. (One read as the
    publisher stays: GROBID's labelled entries give a body there as the publisher.)"""
    runs = _runs(tuple(labels))
    if len(runs) < 3 or runs[0][0] not in ("title", "journal", "booktitle", "url") or runs[1][0] != "date" or "author" in labels:
        return
    if not tokens[runs[1][1]].startswith("(") or not any(r[0] == "title" for r in runs[2:]):
        return
    words = tokens[runs[0][1] : runs[0][2]]
    if runs[0][0] != "title" and (len(words) > 8 or any(re.search(r"[/:@]|^www\.", w, re.IGNORECASE) for w in words)):
        return
    if not all(w[:1].isupper() or canonical(w) in _ORGANISATION_LINKS for w in words) or any(ch.isdigit() for w in words for ch in w):
        return  # an organisation's name is capitalised; `The Annotated 8 principles of …` is a title
    for k in range(runs[0][1], runs[0][2]):
        labels[k] = "author"


def _closes_an_element(token: str, close: str) -> bool:
    """Whether a quote closes at the end of `token` with the element's comma or full stop
    (`Title,”`, `Title”,`, `Title’.`)."""
    return token.endswith((close + ",", close + ".", "," + close, "." + close))


_PAGE_MARK_WORD = re.compile(r"^(?:pp?|pages?)\.?$", re.IGNORECASE)
_RETRIEVAL_WORD = re.compile(r"^(?:accessed|retrieved|available|viewed|visited|online)\W*$", re.IGNORECASE)


def _words_after_a_closed_quote(tokens: list[str], labels: list[str], a: int, b: int) -> None:
    """Words the tagger read on as the title, sure of them, after the quote that closed the title
    with the element's comma or full stop (`“Title,” to appear in`, `“Title”. Pp. 25–30 in`,
    `“Title”, Gazette, 12(3), 45–50`, `‘Title’, in A Companion to Homer, edd.`): a page mark
    before the pages is the pages'; with no host read, words opening with `in` or a capital (no
    retrieval statement) before the host's numbers or editors are the host, and so are words
    opening with `in` before a bracketed imprint (Chicago's `“Title,” in Book (Place: Publisher,
    Year), 181–97`); lower-case words
    (`thesis`, `to appear`, a language's code `". eng.`) are a note."""
    nxt = labels[b] if b < len(labels) else None
    a = next((i for i in range(a, b) if any(ch.isalnum() for ch in tokens[i])), b)  # past the glued `.` (`RNA-seq" .`): the title's
    if a == b:
        return
    first = tokens[a]
    if nxt == "date":  # an article's date before its numbers: `"Title", Critique internationale, 2012, n° 54, vol. 1, pp. 39-60.` (tagger50)
        after = next((labels[j] for j in range(b, len(labels)) if labels[j] != "date"), None)
        nxt = after if after in ("volume", "issue") else nxt
    if _PAGE_MARK_WORD.match(first) and nxt == "pages":
        labels[a:b] = ["pages"] * (b - a)
    elif not any(label in _HOSTS for label in labels) and nxt in ("volume", "issue", "pages", "editor") and (
        first in ("in", "In") or first[:1].isupper() and not _RETRIEVAL_WORD.match(first)
    ):
        labels[a:b] = ["container"] * (b - a)
    elif not any(label in _HOSTS for label in labels) and nxt in ("location", "publisher") and first in ("in", "In") and b - a >= 2 and tokens[b].startswith("("):
        labels[a:b] = ["container"] * (b - a)  # Chicago's `“Title,” in Book (New York: Norton, 1995), 181–97` (tagger43)
    elif first[:1].islower() and first not in ("in", "and"):
        labels[a:b] = ["note"] * (b - a)


def _closes_after_the_date(tokens: list[str], start: int, end: int, close: str) -> bool:
    """`Family, A. (July 26, 2013) “Title in three words or more” Washington Post. Retrieved …`: a
    home-made Harvard quotes the title right after the bracketed date and closes the quote with no
    mark; the quote still ends the title when a short element (six words at most, opening with a
    capital or a figure: a site, a newspaper, a publisher, `1st edition`) follows it up to a full
    stop or the entry's end. Scare quotes at a title's start (`"Poor man's" TeX`) quote fewer
    words or run on into the title."""
    if start == 0 or not tokens[start - 1].endswith(")") or end - start < 2 or not tokens[end].endswith(close):
        return False
    if end + 1 >= len(tokens) or not (tokens[end + 1][:1].isupper() or tokens[end + 1][:1].isdigit()):
        return False
    stop = next((k for k in range(end + 1, len(tokens)) if tokens[k].endswith((".", ","))), len(tokens) - 1)
    return stop - end <= 6


def _quoted_title(tokens: list[str], labels: list[str], marginals: tuple[float, ...]) -> None:
    """A title that opens with a quote ends where the quote closes: the tokens up to the closing
    quote are the title, and title tokens after it (where the tagger was unsure of them) belong
    to what follows them (`"Fixer l'opinion publique". Funktion der …` read as one title stands).
    Harvard's single quotes (`'Title', Journal, 36(2), pp. 127-161.`) close only at a word's end
    before the element's comma or full stop; words read on past them as the title, right before
    the host with no mark between, are the host's, however sure the tagger was."""
    start = next((i for i, label in enumerate(labels) if label == "title"), None)
    if start is None or not tokens[start] or tokens[start][0] not in _OPEN_QUOTES + _SINGLE_QUOTES:
        return
    if tokens[start][0] in _SINGLE_QUOTES:
        # Harvard's `'Title', Journal`: a single quote closes only at a word's end before the
        # element's comma or full stop (`Man's` inside the title is an apostrophe)
        close = "’" if tokens[start][0] == "‘" or any(t.rstrip(".,").endswith("’") for t in tokens[start : start + 80]) else "'"
        end = next((k for k in range(start, min(len(tokens), start + 80)) if re.search(rf"\w[?!.]?{close}[.,]$", tokens[k])), None)
    else:
        close = _CLOSE_OF[tokens[start][0]]
        end = None
        for k in range(start, min(len(tokens), start + 80)):
            body = tokens[k][1:] if k == start else tokens[k]
            if close in body:
                end = k
                break
    # The quote must close on the punctuation that ends an element (`,"` `."` `",` `".`): scare
    # quotes at a title's start (`"Poor man's" TeX`) close on none.
    if end is None:
        return
    glued_mark = tokens[end].endswith(close) and end + 1 < len(tokens) and tokens[end + 1][:1] in ".,"  # `chamber" .CERN`
    bare_close = _closes_after_the_date(tokens, start, end, close)
    if not (re.search(rf"[.,!?]{re.escape(close)}|{re.escape(close)}[.,]", tokens[end]) or glued_mark or bare_close):
        return
    single = tokens[start][0] in _SINGLE_QUOTES
    if not single and all(labels[k] in ("title", "journal", "container", "volume", "issue") for k in range(start, end + 1)):  # `“… | AJPH | Vol. 98 Issue 1.”`: a page's title
        for k in range(start, end + 1):
            labels[k] = "title"
    k = end + 1
    while k < len(labels) and labels[k] == "title":
        k += 1
    # past Harvard's single quote, words read on as the title before the host's name with no mark
    # between (`'Title', Music Perception: An Interdisciplinary Journal,`) are the host's
    glued_to_host = single and k < len(labels) and labels[k] in ("journal", "container") and not re.search(r"[,.;:]$", tokens[k - 1])
    if end + 1 < k and marginals[end + 1] >= UNSURE and not glued_to_host and not bare_close:
        if _closes_an_element(tokens[end], close) or glued_mark:
            _words_after_a_closed_quote(tokens, labels, end + 1, k)
        return
    if end + 1 < k:
        # What follows a quoted title is its container (`"Title." Journal`, MLA's `"Title."
        # Website`), unless the entry has one already: then it is what comes next.
        has_container = any(label in ("journal", "container") for label in labels)
        after = labels[k] if has_container and k < len(labels) else "container" if not has_container else None
        for j in range(end + 1, k if after else end + 1):
            labels[j] = after


_DESIGNATION_WORDS = frozenset("электронный электрондық electronic текст text".split())


def _title_before_designation(tokens: list[str], labels: list[str]) -> None:
    """GOST's designation of a medium (`[Электронный ресурс]`, `[Text]`) follows the title proper
    (GOST 7.1-2003 §5.3.3): with no title read before it, the words between the names (or the
    entry's start) and the bracket are the title (`CocoaPods [электронный ресурс] URL: …`)."""
    at = next((i for i, t in enumerate(tokens) if t.startswith("[") and canonical(t) in _DESIGNATION_WORDS), None)
    if not at or "title" in labels[:at]:
        return
    start = max((i + 1 for i in range(at) if labels[i] in ("author", "editor", "date")), default=0)
    readable = ("journal", "container", "medium", "note", "publisher", "location", "url")  # a site's name (`Habr.com [Электронный ресурс]`) too, not an address
    if start < at and all(labels[i] in readable and "://" not in tokens[i] and not tokens[i].startswith("www.") for i in range(start, at)):
        for i in range(start, at):
            labels[i] = "title"


_COUNT_MARK = re.compile(r"^(?:pp?|[сcб]|стр|S|бет)\.?[,;.]?$")
# The canonical forms of every token _COUNT_MARK matches. `corrected` runs a convention that looks
# for certain words or marks only when the entry holds one of them (`seen`: its tokens as printed
# and in canonical form, computed once an entry): without one it could change nothing (most
# entries hold none of a given convention's words).
_COUNT_WORDS = frozenset("p pp с c б стр s бет".split())


def _page_count(tokens: list[str], labels: list[str]) -> None:
    """`6 pp.`, `415 с.`: a number and a page mark after it, with no page number after the mark,
    is how long the work is, whatever the tagger called the two (`2006: 6 pp.`)."""
    for i in range(1, len(tokens)):
        if len(tokens[i]) <= 5 and tokens[i][:1] in "pсcбS" and _COUNT_MARK.match(tokens[i]) and re.fullmatch(r"\d{1,5}", tokens[i - 1]) and labels[i - 1] != "date":  # (a mark is short and opens so)
            if i + 1 < len(tokens) and re.match(r"[A-Za-z]?\d", tokens[i + 1]):
                continue  # `6 pp. 12–20`: the mark opens the pages that follow
            labels[i - 1] = labels[i] = "pages"


def _issue_not_pages(tokens: list[str], labels: list[str]) -> None:
    """Pages are printed once: of two pages runs, a first that is one bare number right after the
    volume, before a later page range, is the issue (`Bulletin 8, 2 (1985), 3–10`, ACM)."""
    if "issue" in labels:
        return
    runs = [r for r in _runs(tuple(labels)) if r[0] == "pages"]
    if len(runs) < 2:
        return
    _, a, b = runs[0]
    later = " ".join(tokens[runs[1][1] : runs[1][2]])
    if b - a == 1 and a and labels[a - 1] == "volume" and re.fullmatch(r"\d{1,4}[,.]?", tokens[a]) and re.search(r"\d\s?[-–—]\s?\d", later):
        labels[a] = "issue"


_EDITOR_MARK = frozenset("ed eds editor editors hrsg hg ред".split())


def _container_after_editors(tokens: list[str], labels: list[str]) -> None:
    """`Title. In J. Foran (ed.) Theorizing Revolutions.`: after the editors of the book a part
    stands in comes the book's title, the container; a second title read there is it, and so are
    words the tagger left with the editors after their `(eds.)` mark."""
    if "editor" not in labels:
        return
    runs = _runs(tuple(labels))
    for k, (label, a, b) in enumerate(runs):
        if label != "editor" or k + 1 >= len(runs):
            continue
        nxt = runs[k + 1]
        if nxt[0] == "note" and tokens[a] in ("In", "in", "In:") and canonical(tokens[b - 1]) in _EDITOR_MARK and not set(labels) & _HOSTS:
            for i in range(nxt[1], nxt[2]):  # APA's `In M. Roe (Ed.), Book title (pp. 32–42).`: no host read
                labels[i] = "container"
        if nxt[0] == "title" and any(r[0] == "title" for r in runs[:k]):
            for i in range(nxt[1], nxt[2]):
                labels[i] = "container"
        if labels[b] != "container":
            continue
        mark = next((i for i in range(a, b - 1) if canonical(tokens[i]) in _EDITOR_MARK and tokens[i].startswith("(")), None)
        if mark is not None:
            for i in range(mark + 1, b):
                labels[i] = "container"


_PROCEEDINGS_NAMES = frozenset("proc proceedings conference conf symposium workshop congress meeting".split())


def _edited_book_title(tokens: list[str], labels: list[str]) -> None:
    """`Diamond, Irene, and Gloria Orenstein, eds. Reweaving the World. San Francisco: …`: an
    entry that opens with its editors, with no author and no title read, cites the edited book
    whole, so the host read right after the editors is the book's title (a proceedings volume's
    name stays the host, as the labelled sets name it). A lone `In` read as the only host, between
    the names and the title, is the title's first word (`…, editors. In the Embrace of the Swan.`)."""
    runs = _runs(tuple(labels))
    hosts = [r for r in runs if r[0] in _HOSTS] if "In" in tokens else ()  # (no `In`: nothing to look for)
    for k in range(1, len(runs) - 1) if hosts else ():  # `Görner, Rüdiger, editors. In the Embrace of the Swan: …`
        label, a, b = runs[k]
        if hosts == [runs[k]] and b - a == 1 and tokens[a] == "In" and runs[k - 1][0] in ("author", "editor") and runs[k + 1][0] == "title":
            labels[a] = "title"
            return
    if not labels or labels[0] != "editor" or "author" in labels:
        return
    if "title" in labels or len(runs) < 2 or runs[1][0] not in _HOSTS or not any(c.isalpha() for c in tokens[0]):
        return  # `______. De doctrina …`: a dash for the last names, no editors
    words = {canonical(t) for t in tokens[runs[1][1] : runs[1][2]]}
    if tokens[runs[1][1]] not in ("In", "In:", "in") and not words & _PROCEEDINGS_NAMES:  # a proceedings volume is read as a host
        for i in range(runs[1][1], runs[1][2]):
            labels[i] = "title"


# Months as abbreviated in Russian and Kazakh dates (`29 окт. 2014 г.`); the full names are in the lexicon.
_MONTH_ABBREVIATION = re.compile(r"^(?:янв|фев|февр|мар|апр|июн|июл|авг|сен|сент|окт|нояб?|дек|қаң|ақп|нау|сәу|мам|мау|шіл|там|қыр|қаз|қар|жел)\.$", re.IGNORECASE)


def _is_month(token: str) -> bool:
    """A month's name in Cyrillic, whole or cut (`октября`, `окт.`, `қаз.`). Latin ones are left
    out: GROBID's labelled data calls a conference's days before a Latin month (`22-24 mai 1989`)
    pages, and the rule would contradict the labels it is measured on."""
    return re.match(r"[а-яёәғқңөұүһі]", token, re.IGNORECASE) is not None and (canonical(token) in MONTHS or _MONTH_ABBREVIATION.match(token.rstrip(",")) is not None)


# What GOST's edition statement adds to its number (`2-е изд., испр. и доп.`, `перераб.`, `стер.`).
_EDITION_WORDS = frozenset("испр испр доп перераб стер расш и и доп rev enl revised expanded updated".split())


def _edition_qualifiers(tokens: list[str], labels: list[str]) -> None:
    """`– 2-е изд., испр. – М.: ДМК Пресс`: the words qualifying an edition are the edition's, not
    the publisher the tagger took them for (which then hid the real publisher after the place)."""
    if "edition" not in labels:
        return
    for i in range(1, len(tokens)):
        if labels[i - 1] == "edition" and labels[i] != "edition" and canonical(tokens[i]) in _EDITION_WORDS:
            labels[i] = "edition"


_DAY = re.compile(r"\d{1,2}(?:[-–—]\d{1,2})?")
_DASH = frozenset("- – —".split())
_NUMBER_MARK = re.compile(r"^(?:vol|no|nr|n|№|т|вып|pp?|с|s)\.?$", re.IGNORECASE)


def _day_before_a_month(tokens: list[str], labels: list[str]) -> None:
    """A day's number before a month's name is part of a date (a conference's `29 окт. 2014 г.`,
    `24–26 March 2009`, a web page's `// Сайт Habr.com. 9 апреля (https://…)`), never the pages or
    the volume the tagger took it for. A volume or issue before a month in brackets (`21 (March):
    53–61`, `No. 6 (July 1992)`) or after its mark stays what it is.
    So is the first day of a range printed with a spaced dash (`28 — 30 ноября 2017`)."""
    for i in range(len(tokens) - 1):
        if labels[i] not in ("pages", "date", "volume") or not _DAY.fullmatch(tokens[i]):  # the cheap tests first: this runs on every entry
            continue
        marked = i > 0 and _NUMBER_MARK.match(tokens[i - 1]) or tokens[i + 1].startswith("(")
        if not marked and _is_month(tokens[i + 1]):
            labels[i] = labels[i + 1] = "date"
            first = i - 2
            if first >= 0 and tokens[i - 1] in _DASH and labels[first] == "pages" and _DAY.fullmatch(tokens[first]) and not (first > 0 and _NUMBER_MARK.match(tokens[first - 1])):
                labels[first] = labels[i - 1] = "date"


_A_YEAR = re.compile(r"\(?(?:1[5-9]|20)\d\d[;,.)]*")
_DAYS_PAGE_MARK = re.compile(r"^(?:pp?|s|с|стр|б)\.$")  # lower case: `P.`, `S.`, `С.` are initials too


def _conference_days(tokens: list[str], labels: list[str]) -> None:
    """A conference's days in any language: a day or day range read as pages, before a month's
    name and a year, is the date where it follows the comma of the place or of the host (`…, Red
    Hook, NY, USA, 4–9 December 2017;`, the place read into the host's name) or where the entry prints its pages after their own mark elsewhere
    (`7–9 February 2020; pp. 180–186`: pages are printed once). With neither, Latin months are
    left to the tagger (GROBID's labels call such days pages)."""
    if "pages" not in labels:  # (the cheap test first: this runs on every entry)
        return
    marked = None  # (looked for at the first day found before a month and a year)
    for i in range(len(tokens) - 2):
        if labels[i] != "pages" or not _DAY.fullmatch(tokens[i]) or canonical(tokens[i + 1]) not in MONTHS:
            continue
        if not _A_YEAR.fullmatch(tokens[i + 2]) or i > 0 and _NUMBER_MARK.match(tokens[i - 1]):
            continue
        if marked is None:
            marked = any(labels[k + 1] == "pages" and _DAYS_PAGE_MARK.match(tokens[k]) for k in range(len(tokens) - 1))
        if marked or i > 0 and tokens[i - 1].endswith(",") and labels[i - 1] in ("location", "container", "booktitle", "journal", "publisher"):
            labels[i] = labels[i + 1] = "date"


def _days_not_pages(tokens: list[str], labels: list[str], seen: frozenset[str], text: str) -> None:
    """A date's days read as pages: before a Cyrillic month, or a conference's (above: only
    before a month's name, which `seen` holds in canonical form if the entry has one)."""
    if not text.isascii():  # (the month's name a Cyrillic one: _is_month)
        _day_before_a_month(tokens, labels)
    if not seen.isdisjoint(MONTHS):
        _conference_days(tokens, labels)


# Russian contractions with a hyphen (`ун-т`, `ин-т`, `изд-во`, `о-во`, `гос-ва`): words, never part of a date.
_CONTRACTION = re.compile(r"^[а-яё]{1,5}-[а-яё]{1,3}\.?[,.]?$")


def _contraction_not_date(tokens: list[str], labels: list[str]) -> None:
    """`// Финансовый ун-т / 2022.`: a contraction (`ун-т`, `изд-во`) read as the date belongs to
    the words before it (a university's or publisher's name); a date has a number or a month."""
    for i in range(1, len(tokens)):
        if labels[i] == "date" and labels[i - 1] not in ("date", "author") and _CONTRACTION.match(tokens[i]):
            labels[i] = labels[i - 1]


_VOLUME_MARK = re.compile(r"^(?:V|Vol|Т|Том|Bd)\.$")

def _short_number_is_no_year(tokens: list[str], labels: list[str]) -> None:
    """`– Журнал физиологии и фармакологии, 53, 2002. – С. 503-514.`: a number of one to three
    figures is no year; read as the date right after the journal and before the year, it is the
    journal's volume."""
    for k in range(1, len(tokens) - 1):
        if labels[k] == "date" and re.fullmatch(r"\d{1,3}[,.]?", tokens[k]) and labels[k - 1] == "journal" and labels[k + 1] == "date" and _YEAR_TOKEN.match(tokens[k + 1]):
            labels[k] = "volume"


_ISSUE_QUALIFIER = frozenset("спец специальный special suppl".split())
_ISSUE_WORD = re.compile(r"^(?:вып|выпуск|issue|no|№)\.?[,.]?$", re.IGNORECASE)


def _issue_qualifier_not_journal(tokens: list[str], labels: list[str]) -> None:
    """`// Вестник ОГУ. Спец. вып. (67).`: the word qualifying an issue's mark (`Спец. вып.`, a
    special issue; `Special issue`) is the issue's, not the journal's last word."""
    if "issue" not in labels:
        return
    for k in range(1, len(tokens) - 1):
        if labels[k + 1] == "issue" and labels[k] in ("journal", "container") and canonical(tokens[k]) in _ISSUE_QUALIFIER and _ISSUE_WORD.match(tokens[k + 1]):
            labels[k] = "issue"


_VOLUME_WORD_CLOSING = re.compile(r"^(?:Том|Т\.|Vol\.?|Volume|V\.|Bd\.|Band|Tome|Томы)$")
# The tokens _VOLUME_WORD_CLOSING and _VOLUME_MARK match: an entry with none is left alone.
_VOLUME_MARK_TOKENS = frozenset(("Том", "Т.", "Vol", "Vol.", "Volume", "V.", "Bd.", "Band", "Tome", "Томы", "Том."))


def _volume_mark_not_journal(tokens: list[str], labels: list[str]) -> None:
    """`– Paris. 1890. V. 3, 6.`: a journal or container that is one volume mark before the volume's
    number is that mark. And `// Большая российская энциклопедия. Том 13. – Москва – 2009`: a volume
    word (`Том`, `Т.`, `Vol.`, `Bd.`) closing a longer host run after the host's full stop or comma,
    right before the volume's number, is the volume's mark, no word of the host's name. So is a
    book's volume closing its title after the title's full stop (`Основы эконометрики. Том 1. –
    2-е изд.`, `Linear algebra. Vol. 3.`): the mark and its number are the volume."""
    for label, a, b in _runs(tuple(labels)):
        if label == "title" and b - a >= 3 and _VOLUME_WORD_CLOSING.match(tokens[b - 2]) and re.fullmatch(r"\d{1,3}[.,]?", tokens[b - 1]) and tokens[b - 3].endswith("."):
            labels[b - 2] = labels[b - 1] = "volume"
        if label not in ("journal", "container") or b >= len(labels) or labels[b] != "volume":
            continue
        if b - a == 1 and _VOLUME_MARK.match(tokens[a]):
            labels[a] = "volume"
        elif b - a > 1 and _VOLUME_WORD_CLOSING.match(tokens[b - 1]) and tokens[b - 2].endswith((".", ",")) and re.match(r"\d", tokens[b]):
            labels[b - 1] = "volume"


def _year_inside_a_host_title(tokens: list[str], labels: list[str]) -> None:
    """GOST 7.1 prints a host's year after its title, place and publisher (`// Title : other
    title information. – Place : Publisher, Year.`); a date read right after the host's title,
    before its ` : ` or ` – ` and with the host's year read later, is part of that title
    (`// Информационные технологии и системы 2014 (ИТС 2014) : материалы …`), and so are the host's
    words after it (`// Computer Vision – ECCV 2014 Workshops. Zurich : Springer, 2014`)."""
    mark = next((i for i, t in enumerate(tokens) if t.endswith("//")), None)
    if mark is None:
        return
    runs = [r for r in _runs(tuple(labels)) if r[2] > mark + 1]
    if len(runs) < 3:
        return
    (host, a, b), (label, c, d) = runs[0], runs[1]
    if host not in ("journal", "container") or label != "date" or a > mark + 1 and labels[mark] != host:
        return
    later = any(r[0] == "date" for r in runs[2:])
    dashes = any(t.startswith(("–", "—", "-")) for t in tokens[c:d])
    if not later or dashes or tokens[b - 1].endswith((".", ",")):
        return
    for i in range(c, d):
        labels[i] = host
    after, e, g = runs[2]
    if after == host and tokens[e].startswith(":"):  # `: материалы конф.`: the host's other title information stays apart
        for i in range(e, g):
            labels[i] = "container" if host == "journal" else "journal"
    elif after in ("journal", "container") and not tokens[e].startswith(":"):  # `// Computer Vision – ECCV 2014 Workshops.`: the title goes on
        for i in range(e, g):
            labels[i] = host


_PART_MARK = frozenset("ч часть кн книга вып выпуск part pt бөлім".split())
_PART_NUMBER = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,6})[.,:]?$")


def _part_inside_a_title(tokens: list[str], labels: list[str]) -> None:
    """`Цифровой формат производства. Ч. I. Конструкторский этап / …`: a part's mark and number
    standing between two runs of the title belong to it (GOST 7.1's number of a part, then its
    title), whatever the tagger called them."""
    for i in range(1, len(tokens) - 2):
        if labels[i - 1] == "title" and labels[i + 2] == "title" and canonical(tokens[i]) in _PART_MARK and _PART_NUMBER.match(tokens[i + 1]):
            labels[i] = labels[i + 1] = "title"


# A title's last word that leaves its sentence open: no mark after it (a comma may close a title
# in SIAM's and AMS's `Title, ACM Trans. Math. Software,`), or a lower-case abbreviation of a
# common noun (`р.` река, `оз.`, `г.`, `им.`: `вод р. Шаган`).
_OPEN_END = re.compile(r"[^\W_]$")
_NOUN_ABBREVIATION = re.compile(r"^[а-яё]{1,3}\.$")
_SHORT_ABBREVIATION = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё]{0,3}\.$")  # `J.`, `Chem.`, `Phys.`: a journal's short name
_SENTENCE_END_WORD = re.compile(r"^[^\W\d_]{2,}[»”\"’')]*[.?!]$")  # `Шаган».` too
_ACRONYM = re.compile(r"^[A-ZА-ЯЁ]{2,}[.,]?$")  # `IEEE Trans.`, `CEUR Workshop`: a host's name
_GOST_MARKS = frozenset({"/", "//"})


_CLASSIFICATION_MARK = frozenset("удк udc әож ббк bbk мрнти грнти".split())
_CLASSIFICATION_NUMBER = re.compile(r"^[\d.:+()/'-]*\d[\d.:+()/'-]*[.,;]?$")
_YEAR_TOKEN = re.compile(r"^(?:1[5-9]|20)\d\d[.,;]?$")  # the year after the index: `УДК 504.4. 2010.`


def _classification_numbers(tokens: list[str], labels: list[str]) -> None:
    """`УДК 504.4.054:577.4:539.16`: the numbers after a classification's mark (УДК, ӘОЖ, ББК,
    МРНТИ, UDC) are its index, read with the mark, never pages or a volume (a year ends it)."""
    for i, token in enumerate(tokens[:-1]):
        if canonical(token) not in _CLASSIFICATION_MARK:
            continue
        k = i + 1
        while k < len(tokens) and _CLASSIFICATION_NUMBER.match(tokens[k]) and not _YEAR_TOKEN.match(tokens[k]):
            labels[k] = labels[i]
            k += 1


def _title_to_its_sentence_end(tokens: list[str], labels: list[str]) -> None:
    """`… воды р. Шаган // Вестник КрасГАУ`, `… бассейна оз. Балхаш. Вестник …`: a title whose
    last word leaves its sentence open goes on to GOST's `/` or `//` (the title proper ends
    there), and after a noun's lower-case abbreviation (`р.`, `оз.`, `г.`) to its sentence's end:
    the capitalised words the tagger began the next element with are the title's (a river's or a
    town's name), when that element goes on after them. Not across a host's mark (`In`, `В`,
    `–`, a bracket), a journal's short name (`J. Chem. Phys.`, IOP's `Title Class. Quantum
    Grav.` with no mark after the title) or an acronym (`IEEE Trans.`)."""
    for label, a, b in _runs(tuple(labels)):
        if label != "title" or b >= len(tokens) - 1 or labels[b] in ("title", "date"):
            continue
        last, nxt = tokens[b - 1], tokens[b]
        abbreviated = _NOUN_ABBREVIATION.match(last) is not None
        if not (_OPEN_END.search(last) or abbreviated) or not nxt[:1].isupper() or canonical(nxt) in _HOST_MARK:
            continue
        end = None
        for k in range(b, min(b + 4, len(tokens))):
            if tokens[k] in _GOST_MARKS:  # the title proper ends at GOST's mark, whatever follows it
                end = k if k > b else None
                break
            if labels[k] != labels[b] or _SHORT_ABBREVIATION.match(tokens[k]) or _ACRONYM.match(tokens[k]):
                break
            if _SENTENCE_END_WORD.match(tokens[k]):  # after a noun's abbreviation, at its sentence's end,
                # the element going on after it (a title with no mark after it may be followed by its
                # journal's name: IOP's `Title Class. Quantum Grav.`, `Тіл тағылымы ҚазҰУ Хабаршысы.`)
                end = k + 1 if abbreviated and k + 1 < len(tokens) and labels[k + 1] == labels[b] else None
                break
        for k in range(b, end or b):
            labels[k] = "title"


def _title_before_responsibility(tokens: list[str], labels: list[str]) -> None:
    """`Информатика / Под ред. А.Г. Гейна …`: GOST's ` / ` opens the statement of responsibility,
    which follows the title proper (GOST 7.1-2003 §5.4); a first run read as authors that ends at
    that slash and holds no name form (no initial, no comma) is the title."""
    if labels[0] != "author":
        return
    b = _runs(tuple(labels))[0][2]
    slash = next((k for k in range(b) if tokens[k] == "/"), None)
    if not slash or b < len(labels) and labels[b] not in ("editor", "author", "translator") and slash != b - 1:
        return
    words = tokens[:slash]
    if any(_kind(t, k > 0) in ("init", "name") or t.endswith((",", ";")) for k, t in enumerate(words)):
        return
    for k in range(slash + 1):
        labels[k] = "title"


def _title_word_before_the_slash(tokens: list[str], labels: list[str]) -> None:
    """`… под действием ацетилхолина / Р. Ф. Фурчготт`: a lower-case word between the title and
    GOST's ` / ` read as a name is the title's last word (no name is written in lower case)."""
    if "/" not in tokens:  # (the cheap test first: this runs on every entry)
        return
    for i in range(2, len(tokens)):
        w = tokens[i - 1]
        if tokens[i] == "/" and labels[i - 1] == "author" and labels[i - 2] == "title" and w.isalpha() and w.islower() and w not in _NAME_PARTICLES and canonical(w) not in _BETWEEN:
            labels[i - 1] = "title"

def _title_read_as_names_before_the_slash(tokens: list[str], labels: list[str]) -> None:
    """`Ellenberg H. Ziegerwerte der Gefaspflanzen … / H. Ellenberg // Scripta …`: GOST's
    `Family I. Title / I. Family // Host`, or a book's `Family I. Title / I. Family. — Place:
    Publisher, Year.`; where the tagger read the whole stretch to the `//` or the next area's dash
    as names, the words with no initials between the first name and ` / ` are the title."""
    if labels[0] != "author":
        return
    slash = next((k for k, t in enumerate(tokens) if t == "/"), None)
    if slash is None or slash < 3 or any(label != "author" for label in labels[:slash]) or _form(tokens[:slash]) != "family-first":
        return
    end, _, initials = _one_name(tokens, 0, "family-first")
    tail = tokens[end:slash]
    if not initials or not tail or not tokens[end - 1].endswith(".") or not tail[0][:1].isupper() or any(_kind(t, False) in ("init", "name") for t in tail):
        return
    k = slash + 1
    while k < len(tokens) and k - slash <= 12 and not tokens[k].startswith("//") and (_kind(tokens[k], True) in ("init", "name", "word") or canonical(tokens[k]) in _BETWEEN):
        k += 1
    closed = k < len(tokens) and (tokens[k].startswith("//") or tokens[k] in _DASH_TOKEN and tokens[k - 1].endswith("."))
    if closed and any(_kind(t, True) == "init" for t in tokens[slash + 1 : k]):
        labels[end:slash] = ["title"] * (slash - end)
        labels[slash:k] = ["author"] * (k - slash)

# Words only a publisher's name holds (not `university`, `academic`, `ieee`: titles hold those too).
_PUBLISHER_ONLY = frozenset("press publishers publishing verlag springer elsevier wiley routledge издательство издво баспасы".split())


def _publisher_after_a_question(tokens: list[str], labels: list[str]) -> None:
    """`Was ist eine gute Frage? VS Verlag für Sozialwissenschaften. https://doi.org/…`: a title
    closed by its question mark, then a short run holding a word only publishers' names hold,
    closing the description: that run is the publisher the tagger read into the title."""
    for label, a, b in _runs(tuple(labels)):
        if label != "title" or b - a < 3:
            continue
        q = next((k for k in range(a, b - 1) if tokens[k].endswith(("?", "!"))), None)
        rest = tokens[q + 1 : b] if q is not None else []
        after = labels[b] if b < len(labels) else None
        if rest and len(rest) <= 6 and rest[0][:1].isupper() and any(canonical(t) in _PUBLISHER_ONLY for t in rest) and after in (None, "doi", "url", "location", "date"):
            labels[q + 1 : b] = ["publisher"] * (b - q - 1)
        return

def _possessive_title(tokens: list[str], labels: list[str]) -> None:
    """`Jurgen Schmidhuber's page on Recurrent Neural Networks`: a name whose last word is in the
    possessive is what the title is about; a first author run of capitalised words with no
    initial and no mark after it, before a title opening with the possessive, is the title's."""
    if labels[0] != "author":
        return
    b = _runs(tuple(labels))[0][2]
    if b > 2 or b >= len(labels) or labels[b] != "title" or not re.search(r"[’']s$", tokens[b]):
        return
    if all(t[:1].isupper() and t[-1:].isalpha() and _kind(t, False) == "word" for t in tokens[:b]):
        for k in range(b):
            labels[k] = "title"


def _publisher_after_a_colon(tokens: list[str], labels: list[str]) -> None:
    """`IBM PC для пользователя / Под ред. В.Э. Фигурнова.: Инфра-М, 2004.`: GOST's publisher
    follows a colon (the place left out before it); in an editor or author run after the title, a
    colon closes the names, and words after it before the year are the publisher."""
    for label, a, b in _runs(tuple(labels)):
        if label not in ("editor", "author") or a == 0 or b >= len(labels) or labels[b] != "date" or b - a < 3:
            continue
        colon = next((k for k in range(a + 1, b - 1) if tokens[k].endswith(":")), None)
        if colon is None or b - colon > 4 or "title" not in labels[:a]:
            continue
        if any(_kind(t, True) in ("init", "name") for t in tokens[colon + 1 : b]) or not tokens[colon + 1][:1].isupper():
            continue
        for k in range(colon + 1, b):
            labels[k] = "publisher"


def _year_inside_a_title(tokens: list[str], labels: list[str]) -> None:
    """`Железо ПК 2005 – СПб.: БХВ Петербург, 2001.`: GOST's year stands in the imprint after the
    place and publisher; a year read right after the title with no mark between them, then the
    area's ` – `, with the imprint's year read later, is the title's last word."""
    runs = _runs(tuple(labels))
    for k in range(len(runs) - 2):
        (label, a, b), (nxt, c, d) = runs[k], runs[k + 1]
        if label != "title" or nxt != "date" or d - c != 1 or not re.fullmatch(r"(?:1[5-9]|20)\d\d", tokens[c]):
            continue
        if tokens[b - 1].endswith((".", ",", ":", ";")) or not tokens[d].startswith(("–", "—")):
            continue
        if any(r[0] == "date" for r in runs[k + 2 :]):
            labels[c] = "title"
        return


_ACCOUNT_PREPOSITION = frozenset("на за в по for".split())
_YEAR_WORD = re.compile(r"^(?:год[ауы]?|гг?|жыл(?:ға|ы)?|year)\.?[,.:;]?$", re.IGNORECASE)


def _year_of_account_in_a_title(tokens: list[str], labels: list[str]) -> None:
    """`Таблицы приливов на 2007 год. … ГУН и О МО РФ, 2006.`: a year after `на`/`за`/`в` and
    before `год` names the period the work is about, a part of its title; with a later year read
    as the date, the imprint's, it is not the work's year (`Отчёт за 2022 год`, `… на 2007 год`)."""
    n = len(tokens)
    for k in range(1, n - 1):
        if labels[k] != "date" or not re.fullmatch(r"(?:1[5-9]|20)\d\d", tokens[k]) or canonical(tokens[k - 1]) not in _ACCOUNT_PREPOSITION:
            continue
        if _YEAR_WORD.match(tokens[k + 1]) and any(labels[m] == "date" for m in range(k + 2, n)):
            around = labels[k - 1]
            labels[k] = around
            if labels[k + 1] == "date":
                labels[k + 1] = around

_GIVEN_FAMILY = re.compile(rf"^[{_UP}][^\W\d_]*(?:['’‐-][^\W\d_]+)*$")  # `Greene`, `O’Callaghan`, `Jean-Luc`


# Words a title opens with, which no given name is.
_TITLE_OPENERS = frozenset("the a an on in of to for from with how what why towards toward about beyond der die das le la les el un une".split())


def _is_given_family(first: str, second: str, marks: tuple[str, ...]) -> bool:
    """`Derek Greene,`: a capitalised word, then a capitalised one closed by one of `marks`."""
    return second.endswith(marks) and _GIVEN_FAMILY.match(first) is not None and _GIVEN_FAMILY.match(second.rstrip(",.")) is not None


def _last_given_family_name(tokens: list[str], labels: list[str]) -> None:
    """`Derek O’Callaghan, Derek Greene, Joe Carthy, Pádraig Cunningham. An analysis of …`: a list
    of `Given Family,` names keeps its form to the last name, which a full stop closes; a title
    run opening with one more such name is the last author when the list had two names or more,
    or when its first word is a known given name (`… Pádraig Cunningham.`, `… Oliver Hinz,`); and
    where the tagger read the last given name with the authors and its family name with the title,
    the family name is the author's."""
    if labels[0] != "author":
        return
    b = _runs(tuple(labels))[0][2]
    if b % 2 and b >= 5 and b + 2 < len(labels) and labels[b] == labels[b + 1] == "title" and all(_is_given_family(tokens[k], tokens[k + 1], (",",)) for k in range(0, b - 1, 2)):
        if _is_given_family(tokens[b - 1], tokens[b], (".",)):  # `…, Thomas Schops, Daniel Crempes. LSD-SLAM: …`: the last family name read into the title
            labels[b] = "author"
        return
    if b % 2 or b + 3 > len(labels) or labels[b] != "title" or labels[b + 1] != "title" or labels[b + 2] != "title":
        return
    if not all(_is_given_family(tokens[k], tokens[k + 1], (",",)) for k in range(0, b, 2)):
        return
    known = canonical(tokens[b]) in GIVEN_NAMES
    if canonical(tokens[b]) in _TITLE_OPENERS:
        return  # `…, Lisa Terada, The Iliad. I, London`
    if not _is_given_family(tokens[b], tokens[b + 1], (".",) if not known else (".", ",")):
        return
    # one name before it: the pair is a name when the title goes on after it to a sentence's end
    # (`Mark Lundstrom, Jing Guo. Nanoscale Transistors. Springer`), not when it is the whole title
    # (`Derek Greene, Mixed Signals. Springer`)
    goes_on = b + 3 < len(labels) and labels[b + 2] == labels[b + 3] == "title" and tokens[b + 2][:1].isupper()
    if b >= 4 or known or goes_on:
        labels[b] = labels[b + 1] = "author"


# Places of publication beyond the features' city list (which the model was trained with and stays
# as it is): the regional centres where Russian, Kazakh and neighbouring proceedings and journals
# are printed, with their former names, in `canonical` form; then cities where books and
# proceedings are printed elsewhere in the world (tagger39: the commonest one-word places of the
# training lines' labels, and others like them; no city that is also a common given or family
# name, `Nancy`, `Lincoln`, `Madison`).
_MORE_PLACES = frozenset(
    """
    курчатов kurchatov оскемен ustkamenogorsk ускаменогорск семипалатинск semipalatinsk рудный балхаш степногорск байконур
    туркестан turkestan кызылорда kyzylorda актау aktau уральск uralsk петропавловск petropavlovsk
    саратов тольятти владивосток оренбург йошкарола уфа пермь челябинск омск красноярск иркутск хабаровск барнаул
    кемерово новокузнецк тюмень волгоград краснодар ставрополь ярославль тверь тула рязань калуга брянск курск
    белгород липецк тамбов смоленск псков вологда архангельск мурманск петрозаводск сыктывкар ижевск ульяновск
    чебоксары саранск астрахань махачкала владикавказ нальчик майкоп симферополь севастополь калининград иваново
    кострома якутск уланудэ чита магадан благовещенск сургут обнинск пущино апатиты новочеркасск таганрог пятигорск
    горький куйбышев свердловск фрунзе целиноград акмола кокшетау уральск актау кызылорда талдыкорган экибастуз
    темиртау жезказган туркестан гомель витебск могилев гродно брест днепропетровск львов донецк запорожье полтава
    ужгород черновцы кишинев ереван тбилиси баку душанбе ашхабад самарканд рига вильнюс таллин тарту
    jerusalem stuttgart edinburgh hillsdale boulder albuquerque milwaukee sheffield bloomington ithaca amherst denver
    wiesbaden osaka kyoto portland waterloo brussels bruxelles irvine ottawa vancouver minneapolis tucson houston wien
    mineola grenoble paderborn detroit yokohama karlsruhe padua padova eindhoven indianapolis würzburg wurzburg hildesheim
    turnhout bremen honolulu münchen dresden köln cologne bonn hannover mannheim freiburg marburg aachen darmstadt
    düsseldorf münster regensburg konstanz bielefeld lyon marseille toulouse bordeaux strasbourg montpellier leuven
    louvain rotterdam groningen nijmegen delft maastricht bristol manchester liverpool glasgow aberdeen dublin belfast
    cardiff nottingham norwich exeter basingstoke abingdon aldershot farnham bingley harlow nagoya taipei
    bangkok jakarta kolkata calcutta chennai madras hyderabad karachi lahore dhaka nairobi pretoria johannesburg
    brisbane adelaide canberra auckland christchurch quebec winnipeg calgary edmonton cincinnati pasadena evanston
    urbana champaign tallahassee gainesville nashville knoxville charlottesville newark albany syracuse bucharest
    belgrade zagreb ljubljana bratislava krakow kraków wroclaw gdansk poznan athens thessaloniki izmir haifa beirut
    bogota montevideo coimbra sevilla seville bilbao zaragoza napoli naples torino turin bologna genova pisa venezia
    trieste firenze roma milano moskva yaroslavl
    """.split()
)
_PLACES = CITIES | _MORE_PLACES
# The same in `canonical` form, as tokens are looked up: the lexicon writes hyphenated names with
# their hyphen (`санкт-петербург`, `ростов-на-дону`), which `canonical` drops.
_PLACE_FORMS = frozenset(canonical(place) for place in _PLACES)
# GOST's abbreviated places: Moscow, Leningrad, St Petersburg, Kyiv, Minsk.
_PLACE_ABBREVIATION = re.compile(r"^(?:М|Л|К|Мн|СПб|СПБ|Спб|С\.-Пб|С\.-Петербург)\.[,:;]?$")
_FULL_STOP_WORD = re.compile(r"^[^\W_]{2,}[»”\"’')\]]*\.$")  # `естествозн.`, `структура.`, `(Японское море).`
_PLACE_LABELS = frozenset({"journal", "container", "publisher", "title", "collection", "author", "editor"})


@lru_cache(maxsize=65536)  # asked of most capitalised tokens of every entry
def is_place(token: str) -> bool:
    """A city's name (hyphenated pairs too: `Москва-Самара`, `Йошкар-Ола`) or GOST's abbreviation."""
    if token[:1] in "МЛКС" and _PLACE_ABBREVIATION.match(token):  # (its first letters first)
        return True
    word = token.rstrip(",:;.")
    if not word[:1].isupper():
        return False
    return canonical(word) in _PLACE_FORMS or ("-" in word and all(canonical(part) in _PLACE_FORMS for part in word.split("-") if part))


def _imprints_place_and_publisher(tokens: list[str], labels: list[str], places: bool) -> None:
    """The imprint's place and publisher in either order (below); `places`: some token is a place
    (is_place), without which three of them could change nothing and are not run."""
    if places:
        _place_before_the_imprint(tokens, labels)
        _publisher_before_the_places_colon(tokens, labels)
    if "location" in labels or "publisher" in labels:
        _place_with_its_region_before_the_colon(tokens, labels)
    if places:
        _imprint_read_as_a_note(tokens, labels)


def _publisher_before_the_places_colon(tokens: list[str], labels: list[str]) -> None:
    """MDPI's and ACS's `Publisher: City, Country, Year` (GOST's and APA's `City: Publisher`): in
    a run read as the place, capitalised words closed by a colon that name no place, before a
    city's name closed by a comma (its country's or state's, or the year's), are the publisher
    (`In Book; IntechOpen: London, UK, 2022.`); `New York: Berkeley Books, 1975` stays."""
    for i in range(len(tokens) - 1):
        if labels[i] != "location" or not tokens[i].endswith(":") or labels[i + 1] != "location" or not (is_place(tokens[i + 1]) and tokens[i + 1].endswith(",")):
            continue
        start = i
        while start > 0 and labels[start - 1] == "location" and not tokens[start - 1].endswith((",", ".", ";", ":")):
            start -= 1
        run = range(start, i + 1)
        if all(tokens[k][:1].isupper() and not is_place(tokens[k]) for k in run):
            for k in run:
                labels[k] = "publisher"


# A state's, province's or country's short form closing a place before the publisher's colon:
# `MA:`, `Miss.:`, `Colo.:`, `N.Y.:`, `(MS):`, `UK:` (`Oxford, Miss.: Riverbank Press`).
_REGION_BEFORE_A_COLON = re.compile(r"^\(?(?:[A-Z]{2,3}|[A-Z][a-z]{0,4}\.|(?:[A-Z]\.){2,3})\)?:$")


def _place_with_its_region_before_the_colon(tokens: list[str], labels: list[str]) -> None:
    """`Peabody, Ma.: Hendrickson`, `Oxford, MS: Riverbank Press` (APA's and Chicago's `City,
    State: Publisher`): a city closed by its comma and a state's or country's short form closed by
    the imprint's colon are one place, whatever part of them the tagger gave the publisher; the
    publisher starts after the colon. (MDPI's `Publisher: City, Country` has its colon after the
    publisher's name and no comma before it: not this.)"""
    for i in range(1, len(tokens) - 1):
        if labels[i] not in ("location", "publisher") or labels[i + 1] not in ("location", "publisher") or not _REGION_BEFORE_A_COLON.match(tokens[i]):
            continue
        code = tokens[i].strip("():")
        if code.isupper() and code.isalpha() and not (_STATE_CODE.match(code) or code in ("UK", "US") or is_country(code)):
            continue  # capitals that name no state or country (`IEEE:`) are a publisher's
        a = i - 1
        if labels[a] not in ("location", "publisher") or not tokens[a].endswith("," if tokens[i][0] != "(" else tokens[a][-1:]) or not tokens[a][:1].isupper():
            continue
        while a > 0 and labels[a - 1] in ("location", "publisher") and tokens[a - 1][:1].isupper() and not tokens[a - 1].endswith((",", ".", ";", ":")) and i - a < 3:
            a -= 1  # `New York, NY:`, `Upper Saddle River, NJ:`
        if a > 0 and labels[a - 1] in ("location", "publisher") and not tokens[a - 1].endswith((".", ";", "(")):
            continue  # the city opens the imprint (after the title's full stop, a bracket or `;`)
        if "publisher" not in labels[a : i + 1] and labels[i + 1] != "publisher":
            continue
        labels[a : i + 1] = ["location"] * (i + 1 - a)
        k = i + 1
        while k < len(tokens) and labels[k] in ("location", "publisher"):
            labels[k] = "publisher"
            if tokens[k].endswith((",", ";", ".")) and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.", tokens[k]):
                break
            k += 1


_PAGE_RANGE_CLOSED = re.compile(r"^\d{1,5}[-–]\d{1,5}\.$")


def _imprint_read_as_a_note(tokens: list[str], labels: list[str]) -> None:
    """`…, 13–42. Jerusalem: Magnes. (in Hebrew)`: a note that opens with a known city closed by
    the imprint's colon and one to four capitalised words after it, in an entry with no place or
    publisher read, is the imprint: the city the place, the words to their full stop or comma the
    publisher."""
    if "publisher" in labels or "location" in labels or "note" not in labels:
        return
    for i in range(1, len(tokens) - 1):  # pages printed before the imprint, read into its note (`Studies, | 13-42. Jerusalem:`; tagger43)
        if labels[i - 1] == labels[i] == "note" and (i < 2 or labels[i - 2] != "note") and _PAGE_RANGE_CLOSED.match(tokens[i - 1]) and "pages" not in labels:
            if is_place(tokens[i]):
                labels[i - 1] = "pages"
            break
    for i in range(len(tokens) - 1):
        if labels[i] != "note" or (i and labels[i - 1] == "note") or not is_place(tokens[i]):
            continue
        j = i
        while j < i + 2 and not tokens[j].endswith(":") and j + 1 < len(tokens) and labels[j + 1] == "note":
            j += 1
        if not tokens[j].endswith(":"):
            return
        k = j + 1
        while k < len(tokens) and k - j <= 4 and labels[k] == "note" and tokens[k][:1].isupper() and not tokens[k - 1].endswith((".", ",")) or k == j + 1 and k < len(tokens) and labels[k] == "note" and tokens[k][:1].isupper():
            k += 1
        if k == j + 1 or not tokens[k - 1].endswith((".", ",")):
            return
        labels[i : j + 1] = ["location"] * (j + 1 - i)
        labels[j + 1 : k] = ["publisher"] * (k - j - 1)
        return


def _place_before_the_imprint(tokens: list[str], labels: list[str]) -> None:
    """`// Сезонная изменчивость и пространственная структура. Владивосток: Дальнаука. 1993.`,
    `// Тр. … естествозн. Саратов, 1927. Т. 11`, `Title: Лекции. Пенза, 2002. 42 с.`: GOST 7.1-2003
    lets a list print `. ` for the area's `. – `, and then the tagger reads the place into the host,
    title or publisher before it. A city after a word's full stop, closed by a colon (the
    publisher follows) or by a comma or full stop before the year, is the place; the words after
    its colon, to the year, are the publisher."""
    n = len(tokens)
    for i in range(1, n - 1):
        if labels[i] not in _PLACE_LABELS or not tokens[i][:1].isupper() or not is_place(tokens[i]):
            continue
        glued = _PLACE_ABBREVIATION.match(tokens[i]) is not None and labels[i] in ("journal", "container") and labels[i - 1] == labels[i]
        if not (_closes_a_sentence(tokens[i - 1]) or glued):
            continue  # (`// Науч. наследство М., 1986`: GOST's abbreviated place ends a host printed without its full stop)
        j = i + 1
        while j < n - 1 and tokens[j - 1].endswith(";") and is_place(tokens[j]):
            j += 1  # `Самара; М., 1931`
        last = tokens[j - 1]
        if last.endswith(":"):
            k = j
            while k < n and labels[k] in _PLACE_LABELS | {"location", "genre"} and not _YEAR_TOKEN.match(tokens[k].rstrip("абвгде")):
                k += 1
            if k == j or k >= n or labels[k] != "date":
                continue
            labels[i:j] = ["location"] * (j - i)
            labels[j:k] = ["publisher"] * (k - j)
        elif last.endswith((",", ".")) and labels[j] == "date" and _YEAR_TOKEN.match(tokens[j].rstrip("абвгде")):
            labels[i:j] = ["location"] * (j - i)
        else:
            continue
        _host_before_the_place(labels, i)


def _closes_a_sentence(token: str) -> bool:
    """A word's (or a code's: `03.00.16.`, a bracket's: `г.).`) full stop, not an initial's."""
    return token.endswith(".") and (_FULL_STOP_WORD.match(token) is not None or (token[-2:-1].isdecimal() or token.endswith(").")) and re.fullmatch(r"[\d.]*\d\.|.+\)\.", token) is not None)


def _conference_bracket_in_the_host(tokens: list[str], labels: list[str]) -> None:
    """`// Раритеты флоры …: докл. участников науч. конф. (Тольятти, 12-15 окт. 2009 г.). Тольятти,
    2009.`: the conference's place and dates in brackets after the proceedings' title are the
    host's (its venue and dates), not the work's year or publisher."""
    n = len(tokens)
    for i in range(1, n - 1):
        host = labels[i - 1]
        if not tokens[i].startswith("(") or host not in ("journal", "container") or labels[i] == host and labels[i + 1] == host:
            continue
        j = next((k for k in range(i, min(n, i + 8)) if re.search(r"\)[.,;]?$", tokens[k])), None)
        inside = tokens[i : (j or i) + 1]
        if j is None or not any(_YEAR_TOKEN.match(t.strip("().,")) for t in inside) or not any(_is_month(t.strip("(),")) or t.startswith("г.") for t in inside):
            continue
        labels[i : j + 1] = [host] * (j + 1 - i)


def _host_before_the_place(labels: list[str], i: int) -> None:
    """GOST prints the publisher after the place, never before it: words read as the publisher
    between the host and its place are the host's (`// Экология … Среднего Поволжья. Тольятти`)."""
    k = i - 1
    while k > 0 and labels[k] == "publisher":
        k -= 1
    if k < i - 1 and labels[k] in ("journal", "container"):
        labels[k + 1 : i] = [labels[k]] * (i - 1 - k)


# GOST's statement of responsibility names compilers and editors after ` / ` with their role first.
_EDITOR_ROLE = re.compile(r"^(?:[Сс]ост|[Рр]ед|[Оо]тв|[Пп]од|[Нн]ауч|[Гг]л|[Cc]omp|[Ee]ds?|[Ee]d)\.?,?$")


def _compilers_not_authors(tokens: list[str], labels: list[str]) -> None:
    """`Красная книга … / Сост. А.И. Иванов, Л.А. Новикова. Пенза, 2002.`, `/ Под ред. … Г.С.
    Розенберга и проф. С.В. Саксонова.`: the names after ` / ` and a compiler's or editor's role
    are the editors, not the work's authors (a work with no author is described under its title)."""
    if "/" not in tokens:  # (the cheap test first: this runs on every entry)
        return
    for i in range(len(tokens) - 2):
        if tokens[i] != "/" or labels[i] not in ("author", "editor") or not _EDITOR_ROLE.match(tokens[i + 1]):
            continue
        if "author" in labels[:i]:
            return  # the work's authors came before its title
        j = i
        for k in range(i + 1, len(tokens)):
            if labels[k] in ("author", "editor"):
                j = k
            elif labels[k] not in ("title", "container"):  # (`и проф.` between two names)
                break
        labels[i : j + 1] = ["editor"] * (j + 1 - i)
        return


def _one_letter_is_no_name(tokens: list[str], labels: list[str]) -> None:
    """`В Госдуме прошло совещание …`: a lone bare capital opening the entry before the title is
    the title's first word (a preposition, an article), never a name: an initial has its full
    stop, a family name more letters."""
    if len(tokens) > 2 and labels[0] == "author" and labels[1] == "title" and len(tokens[0]) == 1 and re.fullmatch(rf"[{_UP}]", tokens[0]):
        labels[0] = "title"


def _last_name_after_a_comma(tokens: list[str], labels: list[str]) -> None:
    """`…, Гаврилова М.Н., Полянская Т.А. Экологические шкалы …`: a family-first author run that
    ends with a comma goes on, so a title run opening with one more name in that form (a family
    name and dotted initials closed by a full stop) before more words is the last author."""
    found = _author_then_title(labels)
    if found is None:
        return
    _, _, a, b, c = found
    if not tokens[b - 1].endswith(",") or _form(tokens[a:b]) != "family-first" or not tokens[b][:1].isupper():
        return
    end, words, initials = _one_name(tokens, b, "family-first")
    if words == 1 and initials and end < c - 1 and tokens[end - 1].endswith(".") and "." in tokens[end - 1][:-1] + tokens[b + 1]:
        labels[b:end] = ["author"] * (end - b)



_VANCOUVER_INITIALS = re.compile(rf"[{_UP}]{{1,3}}")  # compiled once: asked of an author run's every token
_VANCOUVER_INITIALS_COMMA = re.compile(rf"[{_UP}]{{1,3}},")
_LATIN_FAMILY = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ'’-]+")


def _last_vancouver_name_with_a_particle(tokens: list[str], labels: list[str]) -> None:
    """`Cermak NM, Res PT, Groot LC de, Saris WH, Loon LJ van. Protein supplementation …`: in
    Vancouver's `Family INITIALS,` names a family name's particle follows the initials; an author
    run of such names ending with a comma goes on, so a title run opening with one more
    (`Family INITIALS particle.`) before more words is the last author."""
    found = _author_then_title(labels)
    if found is None:
        return
    _, _, a, b, c = found
    if b + 1 >= c or not any(t.endswith(",") and _VANCOUVER_INITIALS_COMMA.fullmatch(t) for t in tokens[a:b]):
        return
    if b - a >= 2 and _VANCOUVER_INITIALS.fullmatch(tokens[b - 1]) and tokens[b].endswith(".") and tokens[b][:-1] in _NAME_PARTICLES:
        labels[b] = "author"  # `…, Berg KT van. Title`: the name read, its particle left in the title
        return
    if b + 3 >= c or not tokens[b - 1].endswith(","):
        return
    family, initials, particle = tokens[b : b + 3]
    if _LATIN_FAMILY.fullmatch(family) and _VANCOUVER_INITIALS.fullmatch(initials) and particle.endswith(".") and particle[:-1] in _NAME_PARTICLES:
        labels[b : b + 3] = ["author"] * 3

_DASH_TOKEN = frozenset("– — -".split())


def _responsibility_before_a_dash(tokens: list[str], labels: list[str]) -> None:
    """`Title / Л.Дж. Игнарро. – Журнал физиологии …, 53, 2002.`, `/ Дж.О.Лундберг – Thorax`,
    `/ Баранов Д.З, Трофимов В.И. – Практическая пульмонология, №3, 2020.`: GOST's statement of
    responsibility after the title's ` / `, ended by the area's dash, is the authors' names, and
    what follows the dash is the host (a journal, or a book when its publisher follows), not the
    host's or the title's words."""
    if "/" not in tokens:  # (the cheap test first: this runs on every entry)
        return
    n = len(tokens)
    for i in range(1, n - 2):
        if tokens[i] != "/" or labels[i - 1] != "title":
            continue
        k = i + 1
        while k < n and tokens[k] not in _DASH_TOKEN and "/" not in tokens[k] and (tokens[k][:1].isupper() or canonical(tokens[k]) in _BETWEEN):
            k += 1  # names: capitalised words, initials, `[и др.]`; never past GOST's `//`
        names = tokens[i + 1 : k]
        kinds = [_kind(t, True) for t in names]
        if k >= n - 1 or tokens[k] not in _DASH_TOKEN or not any(x in ("init", "name") for x in kinds) or kinds.count("word") > kinds.count("init") + 1:
            return
        misread = labels[k + 1] in ("title", "issue", "volume") and tokens[k + 1][:1].isupper() and re.search(r"\d|№", tokens[k + 1]) is None
        if not misread and not any(label in ("journal", "container", "title") for label in labels[i + 1 : k + 1]):
            return  # read as names and a host already
        labels[i:k] = ["author"] * (k - i)
        j = k + 1
        while j < n and labels[j] in ("title", "issue", "volume") and re.search(r"\d|№", tokens[j]) is None:
            j += 1
        if misread and j > k + 1 and all(labels[m] == labels[k + 1] or labels[m] in ("issue", "volume") for m in range(k + 1, j)) and not (j < n and tokens[j].startswith("//")):
            host = "container" if j < n and labels[j] in ("publisher", "location") else "journal"
            labels[k + 1 : j] = [host] * (j - k - 1)
        labels[k] = labels[k + 1]
        return


_BRACKETED_YEAR = re.compile(r"^\((?:1[5-9]|20)\d\d[a-zа-я]?\)[,.;:]?$")


def _bracketed_year_after_the_volume(tokens: list[str], labels: list[str]) -> None:
    """`Discrete Applied Mathematics 117 (2002), № 1-3, 41-50.`, `Physica D 22 (1986), 120-149`: a
    year in brackets right after the volume is the date, never the issue or pages, when the
    entry has no date read elsewhere."""
    if "date" in labels:
        return
    for k in range(1, len(tokens)):
        if labels[k] in ("issue", "pages", "volume") and labels[k - 1] == "volume" and _BRACKETED_YEAR.match(tokens[k]):
            labels[k] = "date"
            return


# The lower-case words a journal's name may hold between its capitalised ones (`Seminars in
# Perinatology`, `Annals of Botany`, `Journal für Ornithologie`).
_NAME_CONNECTORS = frozenset("in of and the & for on de des du di der für und la le".split())


def _journal_after_a_question(tokens: list[str], labels: list[str]) -> None:
    """`What Is Progressing and What Is Not? Seminars in Perinatology. 2010;34:371–86.`: a title
    closed by its question mark, then a short run of capitalised words (and a journal name's
    connectors) with no stop inside, read as the title's right up to the journal, is the journal
    name's beginning: a subtitle after a question goes on in lower case (`Who dies where?
    Estimating the …`)."""
    if "journal" not in labels:  # the words after the question are read into the journal after it
        return
    for label, a, b in _runs(tuple(labels)):
        if label != "title" or b >= len(tokens) or labels[b] != "journal":
            continue
        ask = next((k for k in range(b - 2, a - 1, -1) if tokens[k].endswith("?")), None)
        if ask is None or b - ask - 1 > 4:
            continue
        tail, head = tokens[ask + 1 : b], " ".join(tokens[a : ask + 1])
        if head.count("(") != head.count(")") or head[:1] in _OPEN_QUOTES:  # `(France? Bresil …)`, a quoted title: not its end
            continue
        if not tail[0][:1].isupper() or any(w.endswith((".", ",", ":", ";")) for w in tail) or not all(w[:1].isupper() or w in _NAME_CONNECTORS for w in tail):
            continue
        for k in range(ask + 1, b):
            labels[k] = "journal"


_VOLUME_WORD = re.compile(r"^(?:Т\.|Том|Vol\.|V\.)$")
_VOLUME_WORD_TOKENS = frozenset(("Т.", "Том", "Vol.", "V."))  # the tokens _VOLUME_WORD matches (an entry with none is left alone)
_VOLUME_NUMBER = re.compile(r"^\d{1,3}[:,.]?$")


def _volume_inside_a_host(tokens: list[str], labels: list[str]) -> None:
    """`// Перспективные информационные технологии (ПИТ 2015), Том 1: труды Международной … конференции
    [под ред. …]`: a volume's mark and number after a comma inside a host's title are the volume,
    and the words after the number's colon, to the host's end, the kind of work (its genre), no
    part of the host's title."""
    for label, a, b in _runs(tuple(labels)):
        if label not in ("journal", "container"):
            continue
        k = next((i for i in range(a + 1, b - 1) if tokens[i - 1].endswith(",") and _VOLUME_WORD.match(tokens[i]) and _VOLUME_NUMBER.match(tokens[i + 1])), None)
        if k is None:
            continue
        labels[k] = labels[k + 1] = "volume"
        if tokens[k + 1].endswith(":"):
            for i in range(k + 2, b):
                labels[i] = "genre"
        return


# An organisation's last word: an entry opening with a name ending in one, read as the title's,
# before the title itself, is its corporate author (`World Health Organization. Verbal autopsy …`,
# `Mars Climate Orbiter Mishap Investigation Board. Phase I Report.`, `R Core Team. R: A language …`).
_ORGANISATION_WORDS = frozenset(
    "organization organisation association agency commission council committee institute foundation federation society union "
    "group collaboration consortium centre center board team".split()
)


def _corporate_author_first(tokens: list[str], labels: list[str]) -> None:
    """`World Health Organization. Verbal autopsy standards: … 2007.`, Vancouver's and APA's
    corporate author: an entry opening with two to six capitalised words (with `of`, `for`,
    `and`, `on`) closed by a full stop on an organisation's word and read as the title's first
    words, with more title after them, has them as its author; so has one whose names end with
    `et al.` before such a group (`Tesfaye S, Kempler P et al. Toronto Expert Group. Title`)."""
    if "editor" in labels:
        return
    start = 0
    if "author" in labels:
        start = next((k for k, label in enumerate(labels) if label != "author"), len(labels))
        if start < 2 or canonical(tokens[start - 1]) not in ("al", "etal") or "author" in labels[start:]:
            return
    if start >= len(labels) or labels[start] != "title":
        return
    end = next((k for k in range(start, min(start + 6, len(tokens) - 1)) if tokens[k].endswith(".")), None)
    if end is None or end < start + 1 or labels[end + 1] != "title" or any(labels[k] != "title" for k in range(start, end + 1)):
        return
    if canonical(tokens[end]) not in _ORGANISATION_WORDS or not tokens[end + 1][:1].isupper():
        return
    if all(tokens[k][:1].isupper() or tokens[k] in ("of", "for", "and", "on") for k in range(start, end + 1)):
        for k in range(start, end + 1):
            labels[k] = "author"


# A whole name word closed by a full stop (`Baer.`), never an initial (`J.`, `Дж.`) nor `al.`, `Jr.`.
_WHOLE_WORD_STOP = re.compile(r"[A-ZА-ЯЁ][a-zа-яё'’-]{2,}\.")


def _full_stop_closing_a_given_family_name(tokens: list[str], labels: list[str]) -> None:
    """`Drake Baer. Mark Zuckerberg Explains …`: in the names opening the entry, a `Given Family.`
    name (two capitalised words, no comma or initial between, the second closed by a full stop)
    ends them; the words the tagger read as names after it, up to the title it read, are the
    title's first words (a name list goes on after a comma or `and`, never after a full stop);
    a date the tagger read as a name there (`[n.d.].`) is left as it is."""
    end = next((k for k, label in enumerate(labels) if label != "author"), len(labels))
    if end < 3 or end >= len(labels) or labels[end] != "title":
        return
    for k in range(1, end - 1):
        if _WHOLE_WORD_STOP.fullmatch(tokens[k]) and canonical(tokens[k]) not in ("al", "jr", "sr") and re.fullmatch(r"[A-ZА-ЯЁ][a-zа-яё'’-]+", tokens[k - 1]):
            opens = k == 1 or tokens[k - 2].endswith((",", ".", ";")) or canonical(tokens[k - 2]) in ("and", "и")
            if opens and all(tokens[i][:1].isalpha() for i in range(k + 1, end)):  # words, not `[n.d.].`
                for i in range(k + 1, end):
                    labels[i] = "title"
            return


def _year_of_a_report_in_its_title(tokens: list[str], labels: list[str]) -> None:
    """`… global report on health data systems and capacity, 2020. 2021.`: a year after the title's
    comma, read as the date right before another year read as the date, is the title's (the
    period a report covers); the later year is the work's."""
    for k in range(1, len(tokens) - 1):
        if labels[k] != "date" or labels[k - 1] != "title" or not tokens[k - 1].endswith(","):
            continue
        if _YEAR_TOKEN.match(tokens[k]) and labels[k + 1] == "date" and _YEAR_TOKEN.match(tokens[k + 1]):
            labels[k] = "title"
            return


# Countries and parts of the world, in `canonical` form: the place a title's study names after its
# comma (`… the Shiyang River, China.`), which no journal's name opens with.
_COUNTRIES = frozenset(
    """
    afghanistan albania algeria argentina armenia australia austria azerbaijan bangladesh belarus belgium bolivia brazil
    bulgaria cambodia cameroon canada chile china colombia croatia cuba cyprus czechia denmark ecuador egypt estonia ethiopia
    finland france georgia germany ghana greece hungary iceland india indonesia iran iraq ireland israel italy japan jordan
    kazakhstan kenya korea kyrgyzstan laos latvia lebanon lithuania malaysia mexico moldova mongolia morocco mozambique nepal
    netherlands nigeria norway pakistan peru philippines poland portugal romania russia serbia singapore slovakia slovenia
    spain sweden switzerland syria tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine uzbekistan
    venezuela vietnam zambia zimbabwe usa england scotland wales africa asia europe siberia antarctica arctic
    россия казахстан китай украина беларусь узбекистан кыргызстан киргизия таджикистан туркменистан монголия германия
    франция сша индия япония армения азербайджан грузия молдова сибирь
    """.split()
)


def is_country(token: str) -> bool:
    """A country's or continent's name (`Germany`, `Россия`), as `_COUNTRIES` lists them."""
    return canonical(token.rstrip(",.;:")) in _COUNTRIES


def _bracketed_word_opening_the_title(tokens: list[str], labels: list[str]) -> None:
    """`Family, I. I. [Антикейс] Title / I. I. Family.`: a word in square brackets after the
    authors' names, right before the title, is no name: it opens the title as printed (a site's
    rubric, `[Перевод]`, `[Review]`); `[et al.]`, `[и др.]` stay the names'."""
    for k in range(1, len(tokens) - 1):
        if labels[k] == "author" and labels[k - 1] == "author" and labels[k + 1] == "title" and re.fullmatch(r"\[[^\W\d_][^\W\d_-]{2,}\]", tokens[k]) and not re.search(r"(?i)et al|и др", tokens[k]):
            labels[k] = "title"


def _published_online_first(tokens: list[str], labels: list[str]) -> None:
    """BMJ's and AMA's `Title. Published Online First: 2020.`: the words introduce the date of
    the online publication; they are a note, never the title's or a journal's."""
    for k in range(len(tokens) - 2):
        if canonical(tokens[k]) == "published" and canonical(tokens[k + 1]) == "online" and re.fullmatch(r"[Ff]irst:?", tokens[k + 2]):
            labels[k : k + 3] = ["note"] * 3


def _country_closing_a_publishers_name(tokens: list[str], labels: list[str]) -> None:
    """`Cham: Springer Nature Switzerland, pp. 19–106.`, `Dordrecht: Springer Netherlands`: after
    the place's colon the publisher's name runs to its comma, so a country's name joined to the
    publisher's words with no mark between is the name's (a publisher's national imprint); one
    after a comma (`Place: Publisher, Germany`) stays a place."""
    colon = next((i for i, t in enumerate(tokens) if labels[i] == "location" and t.endswith(":")), None)
    if colon is None:
        return
    for k in range(colon + 2, len(tokens)):
        if labels[k] == "location" and labels[k - 1] == "publisher" and is_country(tokens[k]) and not tokens[k - 1].endswith((",", ".", ":", ";")):
            labels[k] = "publisher"


def _place_closing_the_title(tokens: list[str], labels: list[str]) -> None:
    """`… a case study of the Shiyang River, China. Land, 13(2)`, `… River sediments, Bangladesh.
    International Journal of …`: a country named in apposition after the title's comma ends the
    title with its full stop; the words to that stop, read as the journal's first words before
    the journal goes on, are the title's (a journal's abbreviation, `Phys. Rev.`, is no country)."""
    runs = _runs(tuple(labels))
    for (label, a, b), (host, c, d) in zip(runs, runs[1:]):
        if label != "title" or host not in ("journal", "container"):
            continue
        k = next((i for i in range(c, min(c + 3, d - 1)) if tokens[i].endswith(".") and canonical(tokens[i]) in _COUNTRIES), None)
        if k is None or not tokens[k - 1].endswith(",") or not tokens[k + 1][:1].isupper():
            continue
        if any(t.endswith((".", ":", ";")) for t in tokens[c:k]):
            continue
        for i in range(c, k + 1):
            labels[i] = "title"


_ACRONYM_BRACKET = re.compile(r"^\([A-Z][A-Za-z]*[A-Z]\)[,.]?$")  # `(BMVC),`
_BRACKET_YEAR_CLOSE = re.compile(r"^(?:1[5-9]|20)\d\d\)[,.]?$")  # `2006),` closing `(CVMP2006)`


def _short_name_closing_the_host(tokens: list[str], labels: list[str]) -> None:
    """`// Proceedings on British Machine Vision Conference (BMVC), 2006`, `… Production (CVMP2006),
    2006`, `… Recognition, (CVPR 2001), 2001, vol. 2`: a proceedings' short name in brackets closes
    the host's name, so it is the host's (no publisher when the year follows it, nor the year
    inside it the date when the year follows it), and a year after the bracket, read as the host's
    last word with no date elsewhere, is the date."""
    for label, a, b in _runs(tuple(labels)):
        if label not in ("journal", "container") or b >= len(tokens):
            continue
        if labels[b] == "publisher" and _ACRONYM_BRACKET.match(tokens[b]) and b + 1 < len(tokens) and labels[b + 1] == "date":
            # (a bracket before the pages is some styles' publisher: `In Lecture Notes in Physics, (NASA), 22–59`)
            labels[b] = label
        elif labels[b] == "issue" and _ACRONYM_BRACKET.match(tokens[b]):  # `// Conference … (MICCAI). — 2020.`
            labels[b] = label
        elif labels[b] == "date" and tokens[b - 1][:1] == "(" and re.fullmatch(r"\([A-ZА-ЯЁ]{2,}", tokens[b - 1]) and _BRACKET_YEAR_CLOSE.match(tokens[b]) and "date" in labels[b + 1 :]:  # `(CVMP` `2006),`, not `(Серия 2009)`
            labels[b] = label
    for label, a, b in _runs(tuple(labels)):
        if label in ("journal", "container") and b - a > 2 and "date" not in labels and _YEAR_TOKEN.match(tokens[b - 1]) and tokens[b - 2].endswith(("),", ")")):
            labels[b - 1] = "date"


def _responsibility_without_a_role(tokens: list[str], labels: list[str]) -> None:
    """`Engineering of compiler: 2nd ed. / Keith D. Cooper, Linda Torczon. – Burlington: …`: the
    names after GOST's ` / ` with no role before them (`Под ред.`, `Сост.`, `ed. by`) are the
    statement of responsibility's authors, not editors (an edition's `ed.` before the slash is
    no role), where no author came before the title."""
    if "/" not in tokens:  # (the cheap test first: this runs on every entry)
        return
    for i in range(len(tokens) - 1):
        if tokens[i] != "/" or labels[i + 1] != "editor" or "author" in labels[:i]:
            continue
        j = i + 1
        while j < len(tokens) and labels[j] == "editor":
            j += 1
        if any(_EDITOR_ROLE.match(t) or canonical(t) in ("by", "edited", "hrsg", "hg") for t in tokens[i + 1 : j]):
            return
        labels[i:j] = ["author"] * (j - i)
        return


_ORDINAL = re.compile(r"^\(?\d{1,2}(?:st|nd|rd|th|-?[ей]|-?e)$", re.IGNORECASE)
_EDITION_MARK = re.compile(r"^(?:ed|edn|изд|исп)\.[,;)]?$", re.IGNORECASE)
_EDITION_MARK_WORDS = frozenset("ed edn изд исп".split())  # the canonical forms of what _EDITION_MARK matches


def _edition_after_a_title(tokens: list[str], labels: list[str]) -> None:
    """`Title: 2nd ed. / Names`, APA's `Book Title (1st ed., pp. 309–333)`: an ordinal and `ed.`
    after a title's colon or in the bracket after a book's title are its edition, never the
    title's words."""
    for k in range(len(tokens) - 1):
        opens = tokens[k].startswith("(") or k > 0 and tokens[k - 1].endswith(":")  # (`Book, 1st edn.` keeps it: GROBID's labels do)
        if opens and _ORDINAL.match(tokens[k]) and _EDITION_MARK.match(tokens[k + 1]) and labels[k] in ("title", "container", "journal", "note"):
            labels[k] = labels[k + 1] = "edition"


_NUMBER_SIGN = frozenset({"№", "№.", "N°", "Nº"})
_BRACKETED_NUMBER = re.compile(r"^\(\d{1,4}\)[.,;:]?$")


def _issue_after_the_number_sign(tokens: list[str], labels: list[str]) -> None:
    """`2000. № 20. Р. 145-170.`: the number after `№` alone is the issue (the tagger read it as
    the volume, `№` as the issue's mark). (`№ 4 (290)` is left as the tagger reads it: the CSL
    GOST styles the synthetic training lines were rendered with print the volume in that bracket.)"""
    if _NUMBER_SIGN.isdisjoint(tokens):
        return
    for k in range(1, len(tokens)):
        if tokens[k - 1] not in _NUMBER_SIGN or not re.fullmatch(r"\d{1,4}[.,;]?", tokens[k]):
            continue
        bracket = k + 1 < len(tokens) and _BRACKETED_NUMBER.match(tokens[k + 1])
        if not bracket and labels[k] == "volume" and labels[k - 1] == "issue" and labels.count("volume") == 1:
            labels[k] = "issue"


# The words that open a series statement printed as a sentence of its own after the title.
_SERIES_WORD = frozenset("серия сер series".split())


def _series_sentence(tokens: list[str], labels: list[str]) -> None:
    """`Title. Серия Высшее образование. М.: Феникс, 2009.`: a sentence opening with `Серия` or
    `Series` right after the title's full stop, closed by a full stop before the imprint (a place,
    publisher or year next), is the series, not the title (unseen lists, batch 15)."""
    for k in range(1, len(tokens) - 1):
        if canonical(tokens[k]) not in _SERIES_WORD or labels[k] != "title" or labels[k - 1] != "title" or not tokens[k - 1].endswith("."):
            continue
        end = next((j for j in range(k + 1, min(len(tokens), k + 12)) if tokens[j].endswith(".")), None)
        if end is None or end + 1 >= len(tokens) or labels[end + 1] not in ("location", "publisher", "date"):
            continue
        if all(labels[j] == "title" for j in range(k, end + 1)):
            labels[k : end + 1] = ["collection"] * (end + 1 - k)


# A standard's designation: its mark (`ГОСТ`, `ГОСТ Р`, `СТ РК`, `ISO`, `ИСО/МЭК`, `СНиП`, `DIN`) and number.
_STANDARD_MARK = frozenset("гост ост снип сп стрк ст iso исо iec мэк исомэк isoiec din en ieee".split())
_STANDARD_NUMBER = re.compile(r"\d[\d.:/–-]*\d(?:[–-]\d{2,4})?[.,:]?")


def _standard_designation(tokens: list[str], labels: list[str]) -> None:
    """`ГОСТ 34.602-89 [Электронный ресурс]`, `ГОСТ Р ИСО/МЭК 15288-2005 «…»`: a standard's
    designation is one unit — its number (read as pages or a volume) takes its mark's label when
    the mark is read as the title; an entry that opens with one and has no host's mark (`//`,
    `In:`) has no host: the parts of its title read as one (`… системы. Требования к содержанию
    документа «…»`) are the title's (unseen lists, batch 15)."""
    for k, token in enumerate(tokens):
        if canonical(token) not in _STANDARD_MARK or labels[k] != "title" or (k and labels[k - 1] == "title" and not tokens[k - 1].endswith(".")):
            continue
        j = k + 1
        while j < len(tokens) and j <= k + 3 and re.fullmatch(r"[A-ZА-ЯЁ/]{1,8}", tokens[j]):
            j += 1
        if j < len(tokens) and _STANDARD_NUMBER.fullmatch(tokens[j]) and labels[j] in ("pages", "volume", "issue", "date"):
            labels[k + 1 : j + 1] = ["title"] * (j - k)
        if k == 0 and j < len(tokens) and labels[j] == "title" and not any(t in ("//", "In:", "In", "В:") for t in tokens):
            for i in range(j + 1, len(tokens)):  # an entry that is a standard and nothing else has no host: its parts are its title
                if labels[i] != "title" and (labels[i] != "container" or labels[i - 1] != "title"):
                    break
                labels[i] = "title"


def _access_mark_not_a_host(tokens: list[str], labels: list[str]) -> None:
    """`“Title.” Accessed: Nov. 05, 2024.`: the access date's mark (`Accessed:`, `Retrieved`) before
    the date read as such is part of it, never the host or the publisher (unseen lists, batch 15)."""
    if "accessed" not in labels:
        return
    for k in range(len(tokens) - 1):
        if canonical(tokens[k]) in ("accessed", "retrieved") and labels[k] in ("container", "journal", "publisher") and labels[k + 1] == "accessed":
            labels[k] = "accessed"


_PAGE_MARK = frozenset({"p.", "pp.", "с."})  # lower case: `P.`, `S.`, `С.` are initials too
_SLASH_EDITION = re.compile(r"\d{1,2}/[Ee][.,]?")


def _page_after_its_mark_and_slash_edition(tokens: list[str], labels: list[str]) -> None:
    """`…, vol. 20, p. 2014, 2001.`: a number right after a page mark is the page though it looks
    like a year, when a year follows it; `Title, 2/E. Pearson, 2003.`: the publishers' `n/E` after
    the title's comma is the edition, not the title's (unseen lists, batch 15)."""
    for k in range(1, len(tokens)):
        if tokens[k - 1] in _PAGE_MARK and labels[k - 1] == "pages" and labels[k] == "date" and re.fullmatch(r"\d{1,5}[.,;]?", tokens[k]) and "date" in labels[k + 1 :]:
            labels[k - 1 : k + 1] = ["pages", "pages"]
        if "/" in tokens[k] and _SLASH_EDITION.fullmatch(tokens[k]) and labels[k] == "title" and tokens[k - 1].endswith(",") and labels[k - 1] == "title" and (k + 1 == len(tokens) or labels[k + 1] != "title"):
            labels[k] = "edition"


_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")


def _words_after_an_opening_address(tokens: list[str], labels: list[str]) -> None:
    """`https://cran.r-project.org/ Официальный сайт языка R`: an entry that opens with a web
    address and has nothing after it but words (no other address, year, date or range) names the page
    in those words: they are the title (unseen lists, batch 16's course report)."""
    if len(tokens) < 2 or not _ADDRESS.fullmatch(tokens[0]) or labels[0] != "url":
        return
    rest = tokens[1:]
    if any(_ADDRESS.search(t) or re.fullmatch(r"\(?(?:1[5-9]|20)\d\d[.,;)]*|\d+[.:/–-]\d[\d.:/–-]*[.,;)]*", t) for t in rest) or any(label in ("date", "accessed") for label in labels[1:]):
        return
    for k in range(1, len(tokens)):  # names read as such keep their label (`URL - Title (Family I. I.)`)
        if labels[k] not in ("author", "editor"):
            labels[k] = "title"


# GOST 7.82's notes on an electronic resource: `– Загл. с экрана.`, `– Яз. англ.`, `– Систем. требования: …`.
_RESOURCE_NOTE = frozenset("загл яз систем".split())


def _electronic_resource_notes(tokens: list[str], labels: list[str]) -> None:
    """`… – Режим доступа: https://…, свободный. – Загл. с экрана. - Яз. англ.`: GOST's notes on
    an electronic resource after its address (where the title was taken from, its language) are
    notes, never a publisher or a place."""
    if "publisher" not in labels and "location" not in labels:  # the notes are read as these
        return
    for k in range(len(tokens)):
        if canonical(tokens[k]) in _RESOURCE_NOTE and tokens[k].endswith(".") and labels[k] in ("publisher", "location"):
            start = k - 1 if k and tokens[k - 1] in _DASH else k
            end = k
            while end < len(tokens) and labels[end] in ("publisher", "location") and (end == k or tokens[end] not in _DASH):
                end += 1
            labels[start:end] = ["note"] * (end - start)  # each note in turn (`– Загл. с экрана. – Яз. англ.`)


def _one_word_before_a_lower_case_title(tokens: list[str], labels: list[str]) -> None:
    """`Два мира виртуальных машин [Электронный ресурс]`: an entry opening with one capitalised word
    read as the author, with no mark after it and the title going on in lower case, opens with its
    title: a name has its initials, its comma or its full stop before the title."""
    if len(tokens) > 2 and labels[0] == "author" and labels[1] == "title" and tokens[1][:1].islower() and re.fullmatch(r"[A-ZА-ЯЁ][a-zа-яё]+", tokens[0]):
        labels[0] = "title"


_HOSTS = frozenset({"journal", "container"})
_NUMBERS_AFTER_A_HOST = frozenset({"volume", "issue", "pages"})


def _title_words_read_as_a_first_host(tokens: list[str], labels: list[str]) -> None:
    """`Camerer, C. F., … (2018). Evaluating the replicability of social science experiments in
    Nature and Science between 2010 and 2015. Nature Human Behaviour, 2(9), 637–644.`: in APA's
    order (names, the year, the title) an entry names one host, after the title's full stop; a
    first "host" read inside the title's sentence (no full stop before the real one), with a
    second "date" after it though the year was read, and the real host followed by its volume
    or pages, is the title's words."""
    runs = _runs(tuple(labels))
    if len(runs) < 6 or [r[0] for r in runs[:3]] != ["author", "date", "title"] or runs[3][0] not in _HOSTS:
        return
    first = runs[3]
    for k, (label, a, b) in enumerate(runs[4:], start=4):
        if label in _HOSTS and k + 1 < len(runs) and runs[k + 1][0] in _NUMBERS_AFTER_A_HOST:
            break
        if label not in _HOSTS | {"date", "author", "title"}:
            return
    else:
        return
    between = range(first[1], a - 1)
    if a - first[1] > 12 or not tokens[a - 1].endswith(".") or any(tokens[i].endswith(".") for i in between):
        return
    if not any(r[0] == "date" for r in runs[4:k]):
        return
    labels[first[1] : a] = ["title"] * (a - first[1])


_PAGE_COUNT_WORD = re.compile(r"^(?:с|c|стр|p|pp|pages)\.?,?$", re.IGNORECASE)


def _publisher_after_a_misused_host_mark(tokens: list[str], labels: list[str]) -> None:
    """`Г. Буч, … Язык UML. Руководство. // ДМК Пресс, 2006. — 496 с.`: GOST's `//` opens the host
    of a component part, whose own pages follow (`С. 5–9`); where the host is one to four words
    closed by a comma before the year, and all that follows the year is a page total (`— 496 с.`),
    the entry is a whole book and the `//` was written before its publisher."""
    mark = next((k for k, t in enumerate(tokens) if t == "//"), None)
    if mark is None or mark + 1 >= len(tokens) or labels[mark + 1] not in ("journal", "container"):
        return
    host = labels[mark + 1]
    end = mark + 1
    while end < len(tokens) and labels[end] == host:
        end += 1
    if not 1 <= end - mark - 1 <= 4 or not tokens[end - 1].endswith(",") or end >= len(tokens) or labels[end] != "date" or not _YEAR_TOKEN.match(tokens[end]):
        return
    if any(canonical(t) in _STRONG_JOURNAL_WORDS for t in tokens[mark + 1 : end]):
        return  # `// African Journal of Psychiatry, 2007. – 141 p.`, `// Sci China Life Sci, 2014.`: a journal's name
    tail = [t for t in tokens[end + 1 :] if t not in ("–", "—", "-")]
    if len(tail) == 2 and tail[0].isdigit() and _PAGE_COUNT_WORD.match(tail[1]):
        for k in range(mark, end):
            labels[k] = "publisher"


_VOLUME_COLON = re.compile(r"^\d{1,4}:$")
_NUMBER_RANGE = re.compile(r"^(\d{1,6})[-–—](\d{1,6})[,.;]?$")


def _pages_after_the_volumes_colon(tokens: list[str], labels: list[str]) -> None:
    """`Journal of Strength and Conditioning Research 23: 1890–1901, 2009.` (the American
    Physiological Society's `Journal Volume: first–last, Year.`, Vancouver's `Year;Volume:first–last`):
    the range after the volume's colon is the pages, though its first page looks like a year, when
    a year is read after it."""
    if "volume" not in labels:  # (each token's range is looked for after a volume only)
        return
    for k in range(1, len(tokens) - 1):
        if labels[k] != "date" or labels[k - 1] != "volume" or not _VOLUME_COLON.match(tokens[k - 1]):
            continue
        m = _NUMBER_RANGE.match(tokens[k])
        if m is None or int(m[2]) <= int(m[1]):
            continue
        if any(labels[i] == "date" and _YEAR_TOKEN.match(tokens[i]) for i in range(k + 1, len(tokens))):
            labels[k] = "pages"


_GLUED_COUNT = re.compile(r"^\d{1,5}(?:с|c|б|p|pp|стр|бет)\.[:;,]?$")
_GLUED_COUNT_MARKS = ("с.", "c.", "б.", "p.", "стр.", "бет.")  # one is in every token _GLUED_COUNT matches (`pp.` holds `p.`)
_ILLUSTRATION_WORDS = frozenset("ил илл цв табл рис портр карт схем ill illus col fig tab".split())


def _glued_page_count(tokens: list[str], labels: list[str]) -> None:
    """`– М.: ДМК Пресс, 2018. – 652с.: цв. ил.`: a page count glued to its mark (`652с.`), with the
    illustration statement after its colon (`: ил.`, `: цв. ил.`, `: 12 табл.`), is the work's
    length, whatever the tagger called it (an identifier, a note); the illustrations are a note."""
    for k in range(len(tokens)):
        if not tokens[k][:1].isdigit() or not _GLUED_COUNT.match(tokens[k]) or labels[k] in ("pages", "date") or not k or labels[k - 1] == "pages":
            continue
        if not (tokens[k - 1] in _DASH_TOKEN or tokens[k - 1].endswith((".", ","))):
            continue  # `Cdc6p.`: a word's figure and letter, not a count after its area's separator
        labels[k] = "pages"
        i = k + 1
        while i < len(tokens) and (canonical(tokens[i]) in _ILLUSTRATION_WORDS or re.fullmatch(r"\d{1,3}", tokens[i])):
            labels[i] = "note"
            i += 1
        return


def _number_glued_to_its_sign(tokens: list[str], labels: list[str]) -> None:
    """`— 2019. — №2–1 (26).`: a number glued to GOST's `№` is an issue's (a double issue `2–1`, its
    running number in the bracket), never the pages."""
    for k in range(len(tokens)):
        if labels[k] == "pages" and tokens[k][:1] in "№N" and re.match(r"^(?:№|N°|Nº)\s?\d", tokens[k]):
            labels[k] = "issue"
            running = re.fullmatch(r"\((\d{1,4})\)[.,;:]?", tokens[k + 1]) if k + 1 < len(tokens) else None
            if running and labels[k + 1] in ("pages", "date") and int(running[1]) < 1500:
                labels[k + 1] = "issue"



_CHANGE_NOTE = re.compile(r"^(?:последн(?:ее|ие|яя|ий)|дата|соңғы|last)$", re.IGNORECASE)
_CHANGE_WORD = re.compile(r"^(?:изменени[ея]|обновлени[ея]|редакци[ия]|өзгерт\w*|жаңарт\w*|modified|updated|changed|edited)[.:,]?$", re.IGNORECASE)


def _date_of_change_note(tokens: list[str], labels: list[str]) -> None:
    """`– Загл. с экрана. – Последнее изменение страницы: 21:08, 20 августа 2024 года. – Яз. рус.`:
    GOST's note on when a web page last changed (`Дата обновления: …`, `Last modified: …`), from
    its area's dash to the next, is a note: its time of day is no volume and pages, its words no
    journal (the year in it stays the date the tagger read)."""
    for k in range(1, len(tokens) - 1):
        if tokens[k - 1] not in _DASH_TOKEN or not _CHANGE_NOTE.match(canonical(tokens[k])) or not _CHANGE_WORD.match(tokens[k + 1]):
            continue
        end = next((i for i in range(k + 2, len(tokens)) if tokens[i] in _DASH_TOKEN), len(tokens))
        for i in range(k - 1, end):
            if not (labels[i] == "date" and _YEAR_TOKEN.match(tokens[i])):
                labels[i] = "note"
        return


_PAGE_RANGE_TOKEN = re.compile(r"^\d{1,5}\s?[-–—]\s?\d{1,5}(?:с|c|б|p)?\.?[,;]?$")


_ROLE_MARK = re.compile(r"^(?:Ed|Eds|Edited|Trans|Transl|Translated)\.?$")


def _title_before_the_role_mark(tokens: list[str], labels: list[str]) -> None:
    """`My Bondage and My Freedom. Ed. William L. Andrews.` read with `My Freedom.` among the
    editors: the statement of an editor or translator opens with its role (`Ed.`, `Edited by`,
    `Trans.`, `Translated by`), so words of an editors' run before its role mark, closed by a full
    stop right after the title, are the title's last words."""
    if "editor" not in labels and "translator" not in labels:
        return
    for label, a, b in _runs(tuple(labels)):
        if label not in ("editor", "translator") or a == 0 or labels[a - 1] != "title":
            continue
        mark = next((k for k in range(a + 1, min(b, a + 8)) if _ROLE_MARK.match(tokens[k])), None)
        if mark is not None and tokens[mark - 1].endswith(".") and not any(_DOTTED.match(tokens[k]) for k in range(a, mark)):
            labels[a:mark] = ["title"] * (mark - a)


_STATEMENT_OPENER = re.compile(r"^(?:Translated|Trans\.|Transl\.|Edited|Ed\.)$")
_BRACKETED_ROLE = re.compile(r"^\((?:trans|transl|tr|ed|eds)\.\)[,.;]?$")
_TITLE_EDITION_WORDS = frozenset(("and", "edition", "ed", "edn")) | frozenset(w for w in _EDITION_WORDS if w.isascii())
# What _statements_read_into_the_title needs one token to be (as printed or in canonical form): an
# opener (_STATEMENT_OPENER), a bracketed role's word (_BRACKETED_ROLE) or an edition's word.
_STATEMENT_WORDS = frozenset("Translated Trans. Transl. Edited Ed. trans transl tr ed eds".split()) | _EDITION_WORDS


def _statements_read_into_the_title(tokens: list[str], labels: list[str]) -> None:
    """A book's title is followed by what is no title, though the tagger read it on: after the
    title's full stop or comma, a statement opened by its role (`The Trial. Translated by Willa and
    Edwin Muir; revised by E. M. Butler.`, `Edited by`) is the translator's or editor's, names
    ended by a bracketed role (`Encounters with Verdi, Richard Stokes (trans.)`) too, and words
    only an edition statement holds (`Deutungen. Revised and expanded.`) are the edition."""
    runs = _runs(tuple(labels))
    for n, (label, a, b) in enumerate(runs):
        if label != "title":
            continue
        for k in range(a + 1, b):
            if not tokens[k - 1].endswith((".", ",", ";")):
                continue
            tail = tokens[k:b]
            if _STATEMENT_OPENER.match(tokens[k]) and k + 1 < b:  # the role and the names after it
                role = "editor" if tokens[k].startswith("Ed") else "translator"
                labels[k:b] = [role] * (b - k)
                if n + 1 < len(runs) and runs[n + 1][0] == "author" and "author" in labels[:a]:
                    labels[runs[n + 1][1] : runs[n + 1][2]] = [role] * (runs[n + 1][2] - runs[n + 1][1])
            elif _BRACKETED_ROLE.match(tail[-1]) and 2 <= len(tail) <= 5 and all(t[:1].isupper() for t in tail[:-1]):
                labels[k:b] = ["editor" if "ed" in tail[-1] else "translator"] * (b - k)
            elif tokens[k][:1].isupper() and all(canonical(t) in _TITLE_EDITION_WORDS for t in tail) and canonical(tokens[k]) in _EDITION_WORDS:
                labels[k:b] = ["edition"] * (b - k)
            else:
                continue
            return


_STATE_CODE = re.compile(r"^(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])[.,:]?$")


def _city_before_a_state_code(tokens: list[str], labels: list[str]) -> None:
    """`In Proceedings of the … Conference, White Plains, NY, June 1990.`: a US state's two-letter
    code read as the place right after a host names the city before it, so the host's last part
    after its comma, one to three capitalised words, is the place's, not the host's."""
    for k in range(3, len(tokens)):
        if labels[k] != "location" or labels[k - 1] not in _HOSTS or not _STATE_CODE.match(tokens[k]) or not tokens[k - 1].endswith(","):
            continue
        a = k - 1
        while a > 0 and labels[a - 1] == labels[k - 1] and not tokens[a - 1].endswith(",") and k - a < 3:
            a -= 1
        if a > 0 and labels[a - 1] == labels[k - 1] and tokens[a - 1].endswith(",") and all(tokens[i][:1].isupper() for i in range(a, k)):
            labels[a:k] = ["location"] * (k - a)


_LOWER_WORD = re.compile(r"^[a-z][a-z-]*$")
_CAPITALS_WORD = re.compile(r"^[A-Z]{2,6}$")  # `EMBO`, `BMJ`: a journal's initialism


def _unmarked_title_end_before_the_journal(tokens: list[str], labels: list[str]) -> None:
    """Vancouver written without the title's full stop (`… in mismatch correction EMBO J 1997;
    16:3349`, `… of the human MAdCAM-1 gene Immunogenetics 1997; 46:111`): a journal's name is
    capitalised, so lower-case words opening the journal right after the title are the title's
    last words, and an initialism closing a title of lower-case words, right before a "journal"
    of one letter (`correction EMBO` + `J`), is the journal's first word. Only where nothing marks the end of
    the title, and the journal is followed by its date or volume."""
    runs = _runs(tuple(labels))
    for k in range(len(runs) - 2):
        (label, a, b), (host, c, d), (after, _, _) = runs[k], runs[k + 1], runs[k + 2]
        if label != "title" or host != "journal" or after not in ("date", "volume") or re.search(r"[.,:;?!\"”’)]$", tokens[b - 1]):
            continue
        lower = c
        while lower < d - 1 and _LOWER_WORD.match(tokens[lower]) and lower - c < 2:
            lower += 1
        if lower > c and tokens[lower][:1].isupper():
            labels[c:lower] = ["title"] * (lower - c)
        elif b - a >= 3 and _CAPITALS_WORD.match(tokens[b - 1]) and _LOWER_WORD.match(tokens[b - 2]) and d - c == 1 and len(tokens[c].rstrip(".,")) == 1:
            labels[b - 1] = "journal"
        return


def _host_before_a_page_range(tokens: list[str], labels: list[str]) -> None:
    """`… / А.Н. Горбань. - Изв. вузов. Матем., 1998. – 6-9с.`: a book has a page count, a part
    of a host its page range; a "publisher" with no place read anywhere in the entry, followed by
    the year and a range of pages, is the host the part is in (a journal's name after a dash
    written where GOST puts `//`)."""
    if any(label in ("location", "journal", "container") for label in labels):
        return
    runs = _runs(tuple(labels))
    for k in range(len(runs) - 2):
        (label, a, b), (nxt, _, c), (after, d, e) = runs[k], runs[k + 1], runs[k + 2]
        if label != "publisher" or nxt != "date" or after != "pages" or not _YEAR_TOKEN.match(tokens[c - 1]):
            continue
        if any(_PAGE_RANGE_TOKEN.match(t) for t in tokens[d:e]) and not any(_COUNT_MARK.match(t) for t in tokens[d:e]):
            labels[a:b] = ["journal"] * (b - a)
        return


def _host_after_in_inside_the_title(tokens: list[str], labels: list[str]) -> None:
    """`Title of the chapter. In: Book Title, edited by Sebata A. InTech.`: `In:` after the title's
    full stop opens the host; a title run read across it ends there, and the words after it to
    the run's end are the host's (the editors' `edited` mark left to the editors). A publisher's
    one word closing the editors' run after the last initials is the publisher (`… Sebata A.
    InTech.`)."""
    if "In:" not in tokens:
        return
    for label, a, b in _runs(tuple(labels)):
        if label != "title":
            continue
        k = next((i for i in range(a + 2, b - 2) if tokens[i] == "In:" and tokens[i - 1].endswith(".") and tokens[i + 1][:1].isupper()), None)
        if k is None:
            continue
        end = b - 1 if canonical(tokens[b - 1]) == "edited" else b
        labels[k:end] = ["container"] * (end - k)
        if end < b:
            labels[end] = "editor"
        e = b
        while e < len(tokens) and labels[e] == "editor":
            e += 1
        if e == len(tokens) and e - b >= 3 and re.fullmatch(rf"(?:[{_UP}]\.){{1,3}}", tokens[e - 2]) and re.fullmatch(r"[A-Z][\w&-]+\.", tokens[e - 1]):
            labels[e - 1] = "publisher"
        return


def _hosts_opened_by_in(tokens: list[str], labels: list[str]) -> None:
    """The host after `In` read into the title, inside its run or after it (below)."""
    _host_after_in_inside_the_title(tokens, labels)
    _host_opened_by_in_after_the_title(tokens, labels)


_PROCEEDINGS_AFTER_IN = re.compile(r"^(?:[Ii]n:?)?(?:[Pp]roceedings|[Pp]roc\.?)$")


def _host_opened_by_in_after_the_title(tokens: list[str], labels: list[str]) -> None:
    """A work has one title, and its host follows it opened by `In`: so a second title run after
    the first that opens with `In`/`In:` and a capitalised word (`Title 2007 In Proceedings of …`),
    and a title run's words from its comma on where `in Proceedings`/`inproceedings` follows the
    comma (IEEE's `Title, in Proceedings of …` with no quotes), are the host; a page range closing
    the entry with no pages read is the pages, not the host's last word."""
    runs = [r for r in _runs(tuple(labels)) if r[0] == "title"]
    if not runs:
        return
    for label, a, b in runs[1:]:
        if b - a >= 2 and tokens[a] in ("In", "In:") and tokens[a + 1][:1].isupper():
            labels[a:b] = ["container"] * (b - a)
    n = len(tokens)
    if labels[n - 1] in ("container", "journal") and "pages" not in labels and tokens[n - 1][:1].isdecimal() and re.fullmatch(r"\d{1,5}\s?(?:--|[-–—])\s?\d{1,5}\.?", tokens[n - 1]):
        a, b = (int(x) for x in re.findall(r"\d+", tokens[n - 1]))
        if a < b and labels[n - 2] == labels[n - 1] and not _YEAR_TOKEN.match(tokens[n - 1][-4:]):
            labels[n - 1] = "pages"  # `… In Proceedings of … Symposium 407--410`: a host's name ends in no page range
    label, a, b = runs[0]
    for i in range(a + 2, b - 1):
        glued = _PROCEEDINGS_AFTER_IN.match(tokens[i]) and tokens[i][:2].lower() == "in" and len(tokens[i]) > 3
        if tokens[i - 1].endswith(",") and (glued or tokens[i] in ("in", "In", "in:", "In:") and _PROCEEDINGS_AFTER_IN.match(tokens[i + 1])):
            labels[i:b] = ["container"] * (b - i)
            return


def _host_after_the_double_slash_read_as_names(tokens: list[str], labels: list[str]) -> None:
    """`… / M. Smid, A. Maheshwari // School of Computer Science. Carleton University. — 2019.`:
    GOST's `//` opens the host (GOST 7.1-2003 §7), never a name; where the tagger ran the names
    across it, the words after it to the next area's dash are the host."""
    if "//" not in tokens:
        return
    for k in range(1, len(tokens) - 1):
        if tokens[k] != "//" or labels[k] != "author" or labels[k - 1] != "author":
            continue
        j = k + 1
        while j < len(tokens) and labels[j] == "author" and tokens[j] not in _DASH_TOKEN:
            j += 1
        if j > k + 1:
            labels[k:j] = ["container"] * (j - k)
        return


_COMPANY_FORM = frozenset("gmbh ag inc ltd llc corp plc sa ооо оао зао пао ао тоо ип".split())


def _firm_after_the_slash_is_the_author(tokens: list[str], labels: list[str]) -> None:
    """`Compact Geomagnetic Sensor [Электронный ресурс] / ZETTLER electronics GmbH – Режим доступа: …`:
    GOST's ` / ` opens the statement of responsibility, which names the work's makers, never its
    publisher; a firm named there (its legal form: `GmbH`, `Inc.`, `Ltd.`, `ООО`), with no author
    before, is the corporate author, to the next area's dash."""
    if "/" not in tokens:  # (the cheap test first: this runs on every entry)
        return
    if "author" in labels[: next((i for i, t in enumerate(tokens) if t == "/"), 0)]:
        return
    for i in range(len(tokens) - 2):
        if tokens[i] != "/":
            continue
        j = i + 1
        while j < len(tokens) and tokens[j] not in _DASH_TOKEN and tokens[j] != "//" and labels[j] not in ("url", "accessed", "date", "editor", "translator"):
            j += 1
        if 1 <= j - i - 1 <= 6 and any(canonical(t) in _COMPANY_FORM for t in tokens[i + 1 : j]):
            labels[i:j] = ["author"] * (j - i)
        return


def _second_host_after_the_places_colon(tokens: list[str], labels: list[str]) -> None:
    """`// Proceedings title : Сборник трудов … / Под ред. … – Самара: Самарский университет – 2021`:
    the imprint's `Place: Publisher` names the publisher after the place's colon; a second host
    read there, after the host the part is in, is that publisher."""
    runs = _runs(tuple(labels))
    for k in range(2, len(runs)):
        label, a, b = runs[k]
        if label not in _HOSTS or runs[k - 1][0] != "location" or not tokens[a - 1].endswith(":"):
            continue
        if any(r[0] in _HOSTS for r in runs[: k - 1]):
            labels[a:b] = ["publisher"] * (b - a)
        return

_EDITION_WORD = re.compile(r"^(?:издание|изд|edition|edn|ed)[.,»”\"]*$", re.IGNORECASE)


def _names_before_a_quoted_title(tokens: list[str], labels: list[str]) -> None:
    """`Глеб Архангельский «Title» — М.: Манн, 2014.`, `Кларенс Хо, Роб Харроп, «Title» — …`,
    `Ecma International «Title» — Geneva, 2016`, `Philipp Kewisch «Title» — Mozilla, 2007`: up to
    eight capitalised words with no digit (names in any order, an organisation) before an opening
    quote that closes before the imprint's dash (or its comma and year) are the authors, and the
    quoted words the title; an edition statement inside the quote (`8-е издание.`, `4th edition`)
    is the edition, and capitalised words after the dash closed by a comma before the year are
    the publisher, a city closed by a colon before them the place. Names joined by `and`/`и` or with initials the tagger reads already."""
    m = next((k for k in range(min(9, len(tokens))) if tokens[k][:1] in "«“„\""), None)
    if not m or any(not tokens[k][:1].isupper() or re.search(r"\d", tokens[k]) for k in range(m)):
        return
    if any(labels[k] not in ("author", "title", "container", "journal", "publisher") for k in range(m)):
        return
    close = _CLOSE_OF[tokens[m][0]]
    end = next((k for k in range(m, min(len(tokens), m + 40)) if close in (tokens[k][1:] if k == m else tokens[k])), None)
    if end is None or not re.search(rf"{re.escape(close)}[,.]?$", tokens[end]):
        return
    nxt = tokens[end + 1].replace("\xad", "") if end + 1 < len(tokens) else ""
    if not (nxt in _DASH or tokens[end].endswith(close + ",") and end + 1 < len(tokens) and re.fullmatch(r"(?:1[5-9]|20)\d\d\.?", nxt)):
        return
    for k in range(m):
        labels[k] = "author"
    edition = next((k for k in range(m + 1, end) if _ORDINAL.match(tokens[k]) and _EDITION_WORD.match(tokens[k + 1])), None)
    for k in range(m, end + 1):
        labels[k] = "edition" if edition is not None and k >= edition else "title"
    if nxt not in _DASH:
        return
    closing = next((k for k in range(end + 2, min(len(tokens), end + 8)) if tokens[k].endswith(",")), None)
    if closing is not None and closing + 1 < len(tokens) and re.fullmatch(r"(?:1[5-9]|20)\d\d\.?", tokens[closing + 1]):
        if all(tokens[k][:1].isupper() and labels[k] in ("title", "container", "journal", "publisher") for k in range(end + 2, closing + 1)):
            for k in range(end + 1, closing + 1):
                labels[k] = "publisher"
            if end + 2 < closing and tokens[end + 2].endswith(":") and is_place(tokens[end + 2]):  # `— Санкт-Петербург: Питер, 2017`
                labels[end + 1 : end + 3] = ["location", "location"]


def _author_run_before_an_opening_quote(tokens: list[str], labels: list[str]) -> None:
    """IEEE's `Authors, “Title,”`: up to four lower-case words with no digit opening the entry,
    the last closed by the authors' comma, right before an opening quote that closes within the
    entry, are the authors however the tagger read them (a site's or a project's name: `nsnam,
    “ns-3.” [Online].`), and the quoted words the title. Capitalised words there may be a
    periodical's name (`Business Week, "Title," April 5, 1969.`), so they are left as read."""
    m = next((k for k in range(1, min(5, len(tokens))) if tokens[k][:1] in "“\""), None)
    if m is None or not tokens[m - 1].endswith(",") or any(t.endswith((",", ".", ":", ";")) or re.search(r"\d", t) for t in tokens[: m - 1]):
        return
    if re.search(r"\d", tokens[m - 1]) or not all(tokens[k][:1].islower() for k in range(m)) or any(labels[k] not in ("author", "title", "container", "journal", "publisher") for k in range(m)):
        return
    close = "”" if tokens[m][0] == "“" else "\""
    end = next((k for k in range(m, min(len(tokens), m + 40)) if re.search(rf"{close}[,.]?$", tokens[k][1:] if k == m else tokens[k])), None)
    if end is None or all(labels[k] == "author" for k in range(m)):
        return
    for k in range(m):
        labels[k] = "author"
    for k in range(m, end + 1):
        labels[k] = "title"


_ROLE_WORD = re.compile(r"^\(?(?:eds?|edited|editors?|hrsg|ред|под)\b", re.IGNORECASE)


def _ieee_quoted_title_and_host(tokens: list[str], labels: list[str]) -> None:
    """The authors' short run before the quote first (above). IEEE's `A. Author and B. Author, “Title,” in Host, 2017, pp. …`: the words in quotes right
    after the authors' comma, closed by the comma inside the closing quote, are the title even
    where the tagger read them as a note (`“Advantage-weighted regression,” arXiv:1910.00177,
    2019.`); after that title `in` opens the host, so a conference's short name read as editors,
    with no initials or editor's role (`in CoRL, 2017`, `in NeurIPS, 2024`), is the container; and
    a proceedings' one-word short name in brackets after the host's name, read as its place before
    the date (`in Proc. IEEE Global Commun. Conf. (Globecom), Dec 2014`), is the host's."""
    _author_run_before_an_opening_quote(tokens, labels)
    start = next((k for k in range(1, min(len(tokens), 40)) if tokens[k][:1] == "“" and labels[k - 1] == "author" and tokens[k - 1].endswith(",")), None)
    if start is None:
        return
    end = next((k for k in range(start, min(len(tokens), start + 60)) if tokens[k].endswith((",”", ",\"", "?”", "!”"))), None)
    if end is None:
        return
    if "title" not in labels and all(labels[k] in ("note", "container", "journal") for k in range(start, end + 1)):
        for k in range(start, end + 1):
            labels[k] = "title"
    k = end + 1
    if k < len(tokens) and tokens[k] in ("in", "In") and labels[k] == "editor":
        run = range(k, next((j for j in range(k, len(tokens)) if labels[j] != "editor"), len(tokens)))
        if len(run) <= 5 and not any(_DOTTED.match(tokens[j]) or _ROLE_WORD.match(tokens[j]) for j in run):
            for j in run:
                labels[j] = "container"
    for j in range(end + 2, len(tokens) - 1):
        if labels[j] == "location" and labels[j - 1] == "container" and labels[j + 1] == "date" and re.fullmatch(r"\([A-Z][A-Za-z]{2,}\)[,.]?", tokens[j]) and not is_place(tokens[j].strip("(),.")):
            labels[j] = "container"


def _dash_separated_areas(tokens: list[str], labels: list[str]) -> None:
    """Lists that print each area after a spaced dash and nothing else (`Title – I.I.Family –
    Publisher, Place, 2016`, `I.I.Family - Title – ЗАО «Издательство «Экономика», 2011`): a name
    with its initials glued on, alone between two dashes, is the author, and what stands before
    its dash the title (`Эконометрика – В.В.Домбровский – ТГУ`); a "host" after the title's dash
    holding a word only publishers' names hold, right before the year, is the publisher. Only in
    an entry with no `//`, `/` or `In`, which would mark a host or a responsibility."""
    if _DASH_TOKEN.isdisjoint(tokens):  # both readings stand between dashes (the cheap test first)
        return
    if any(t in ("//", "/") or t.startswith("//") or t in ("In", "In:", "В:") for t in tokens):
        return
    if "author" not in labels:
        for i in range(1, len(tokens) - 1):
            if tokens[i - 1] in _DASH_TOKEN and tokens[i + 1] in _DASH_TOKEN and _GLUED.match(tokens[i]) and i - 1 >= 1:
                if all(labels[k] in ("title", "journal", "container") for k in range(i)):
                    labels[:i] = ["title"] * i
                    labels[i] = "author"
                break
    for label, a, b in _runs(tuple(labels)):
        if label in ("journal", "container") and a > 0 and tokens[a - 1] in _DASH_TOKEN and b < len(labels) and labels[b] == "date":
            if b - a <= 6 and any(canonical(t) in _PUBLISHER_ONLY for t in tokens[a:b]):
                labels[a:b] = ["publisher"] * (b - a)


def _pages_after_a_month_in_the_issue_bracket(tokens: list[str], labels: list[str]) -> None:
    """Chicago's `BMC Neuroscience 12 (June): 54.`: a month's name in the bracket after the volume
    stands where the issue would, so the number after its colon is the pages, not the date (the
    entry's year is printed after the names)."""
    if "volume" not in labels:
        return
    for k in range(1, len(tokens) - 1):
        if labels[k - 1] != "volume" or not re.fullmatch(r"\([A-Za-z]+\.?\):", tokens[k]) or canonical(tokens[k].strip("():.")) not in MONTHS:
            continue
        if labels[k + 1] == "date" and re.fullmatch(r"[A-Za-z]?\d{1,6}(?:[-–]\d{1,6})?[.,]?", tokens[k + 1]):
            if any(labels[j] == "date" and _YEAR_TOKEN.match(tokens[j]) for j in range(k - 1)):
                labels[k + 1] = "pages"


def _journal_read_into_the_title(tokens: list[str], labels: list[str]) -> None:
    """`Title for SPM 99. NeuroImage 16 , S497.`: an article with a volume and pages but no host
    read has its journal after the title's last full stop, right before the volume: up to four
    capitalised words read as the title's last are the journal."""
    if "journal" in labels or "container" in labels or "publisher" in labels or "pages" not in labels:
        return
    v = next((k for k, label in enumerate(labels) if label == "volume"), None)
    if v is None or v < 3 or labels[v - 1] != "title":
        return
    a = v - 1
    while a > 0 and labels[a - 1] == "title" and v - a < 4 and not tokens[a - 1].endswith("."):
        a -= 1
    # the title's last word: lower case, a number or an acronym (`dynamics.`, `SPM 99.`), never an
    # abbreviation of the journal's own (`Phys. Plasmas 18`)
    if a < 3 or labels[a - 1] != "title" or not tokens[a - 1].endswith(".") or not re.fullmatch(r"(?:[a-z][a-z-]*|\d+|[A-Z]{2,}\d*)\.", tokens[a - 1]):
        return
    if all(tokens[k][:1].isupper() for k in range(a, v)):
        labels[a:v] = ["journal"] * (v - a)


_ONLINE_MARK = re.compile(r"^\[[Oo]nline\][,.]?$")


def _host_before_the_online_mark(tokens: list[str], labels: list[str]) -> None:
    """`(2007) Title. annals of broadcasting [Online], 62 (3–4), pp. 283–304.`: UK Harvard marks an
    online journal `Journal [Online],` before its volume; with no host read, the words after the
    title's last full stop up to the mark are the journal (in whatever case it is printed)."""
    m = next((k for k, t in enumerate(tokens) if _ONLINE_MARK.match(t)), None)
    if m is None or m < 3 or any(label in ("journal", "container") for label in labels[:m]):
        return
    if not any(label in ("volume", "pages") for label in labels[m + 1 :]) or labels[m - 1] != "title":
        return
    a = m - 1
    while a > 0 and labels[a - 1] == "title" and not tokens[a - 1].endswith(".") and m - a < 15:
        a -= 1
    if a > 1 and labels[a - 1] == "title" and tokens[a - 1].endswith("."):
        labels[a : m + 1] = ["journal"] * (m + 1 - a)


_JOURNAL_LINKS = frozenset("of and & in the for on de der des du la le".split())


def _journal_after_the_titles_last_comma(tokens: list[str], labels: list[str]) -> None:
    """`On the … Circular Rod , Smart Materials and Structures , 25( 3)(2016 ),035022`: an article
    with a volume and no host read has its journal in the title's last comma part right before the
    volume, when that part is capitalised words (with `of`, `and`, `in`…) and the title before it
    ends on a comma: the style that parts title and journal by commas alone."""
    if "journal" in labels or "container" in labels or "publisher" in labels:
        return
    v = next((k for k, label in enumerate(labels) if label == "volume"), None)
    if v is None or v < 4 or labels[v - 1] != "title" or not (tokens[v - 1].endswith(",") or tokens[v] == ","):
        return
    a = v - 1
    while a > 0 and labels[a - 1] == "title" and not tokens[a - 1].endswith(",") and v - a <= 8:
        a -= 1
    if a < 2 or labels[a - 1] != "title" or not tokens[a - 1].endswith(",") or v - a > 7:
        return
    if tokens[a][:1].isupper() and all(tokens[k][:1].isupper() or tokens[k] in _JOURNAL_LINKS for k in range(a, v)):
        if any(labels[k] == "title" for k in range(0, a - 1)) and sum(1 for k in range(a) if labels[k] == "title") >= 3:
            labels[a:v] = ["journal"] * (v - a)


def _family_name_after_closing_initials(tokens: list[str], labels: list[str]) -> None:
    """In an initials-first list every name's initials come before its family name, so a first
    author run that ends on initials (`Э. Гамма, Р. Хелм, Дж. Влиссидес Приемы …`: the last name
    printed without its comma, its family name read as the title's first word) takes the one
    capitalised word after them, when the title goes on after that word; so does a last name of
    two initials or more, or after `and`, whose family name closes with the full stop that ends
    the names (`…, and C. S. Ellis. Exploiting …`)."""
    runs = _runs(tuple(labels))
    run = next((r for r in runs if r[0] == "author"), None)
    if run is None or run[1] != 0:
        return
    b = run[2]
    if b < 3 or b + 2 >= len(labels) or labels[b] != "title" or labels[b + 1] != "title":
        return
    if _form(tokens[:b]) != "initials-first" or "." not in tokens[0] or _kind(tokens[b - 1], False) != "init":
        return  # dotted initials opening the list (not `AL RUBAEE, M.`)
    k = b - 1
    while k > 1 and _kind(tokens[k - 1], False) == "init":  # the last name's initials (`C. S.`)
        k -= 1
    if not (tokens[k - 1].endswith(",") or tokens[k - 1] in ("and", "&")):
        return  # one name before, closed by its comma or joined by `and`
    word = tokens[b]
    bare = word[:-1] if word.endswith(".") and (k < b - 1 or tokens[k - 1] in ("and", "&")) else word
    if _kind(word, False) != "word" or not _GIVEN_FAMILY.match(bare) or canonical(word) in _TITLE_OPENERS:
        return
    if not tokens[b + 1][:1].isupper() and not tokens[b + 1][:1].isalpha():
        return
    labels[b] = "author"


_YEAR_TOKEN = re.compile(r"^\(?(?:1[5-9]|20)\d\d\)?[.,;]?$")


def _month_before_the_year(tokens: list[str], labels: list[str]) -> None:
    """A month's name right before the year the tagger read as the date, after the full stop that
    closed the title (`… Anymore. Май 2014. URL: …`, biblatex's date in the list's language after
    an English title), is the date's: never the title's last word, nor a journal."""
    for k in range(1, len(tokens) - 1):
        if labels[k] in ("title", "journal") and labels[k + 1] == "date" and tokens[k - 1].endswith(".") and labels[k - 1] == "title":
            if _YEAR_TOKEN.match(tokens[k + 1]) and (_is_month(tokens[k]) or canonical(tokens[k]) in MONTHS and tokens[k][:1].isupper()):
                labels[k] = "date"


# A firm's legal form printed before its quoted name (`ООО "1С-Паблишинг"`, `ЗАО «Книжный дом»`).
_LEGAL_FORM = frozenset("ооо зао оао пао ао тоо ип гуп фгуп ано".split())


def _quoted_publisher_after_the_place(tokens: list[str], labels: list[str]) -> None:
    """GOST's publisher in guillemets or quotes after the place's colon, before the year (`— М.:
    «Новое знание», 2004.`), a firm's legal form before them its own (`М.: ООО "1С-Паблишинг",
    2020`, the comma printed apart or not): the words are the publisher, whatever the tagger read
    them as (unseen lists, batch 21)."""
    n = len(tokens)
    for k in range(n - 2):
        if labels[k] != "location" or not tokens[k].endswith(":"):
            continue
        first = k + 2 if canonical(tokens[k + 1]) in _LEGAL_FORM and not tokens[k + 1].endswith(",") else k + 1
        if first >= n or tokens[first][:1] not in "«\"“" and not (first > k + 1 and tokens[first - 1][-1:] in "«\"“"):
            continue
        close = next((m for m in range(first, min(n, first + 6)) if tokens[m].rstrip(",.;").endswith(("»", "\"", "”"))), None)
        if close is not None and close + 1 < n and tokens[close + 1] == ",":
            close += 1  # `"1С-Паблишинг" ,`: the comma read apart
        if close is None or close + 1 >= n or labels[close + 1] != "date" or not tokens[close].endswith(","):
            continue
        for m in range(k + 1, close + 1):
            labels[m] = "publisher"


def _publisher_alone_after_the_areas_dash(tokens: list[str], labels: list[str]) -> None:
    """biblatex-gost with no place: `Title. — Питер, 2018. — С. 400.`, `— ООО”Альфа-книга”, 2018.`:
    up to four words after the area's dash that closes a full stop, the first capitalised or
    quoted, closed by a comma right before the year and naming no place, read into the title, are
    the publisher — in an entry with no publisher, place or `//` host read; words read as a host
    there stay one (`/ В. П. Фёдорова. – Математические заметки, 2002. – 417–427 с.`: a journal
    printed as a book's imprint; unseen lists, batch 21)."""
    if "publisher" in labels or "location" in labels or "//" in tokens:
        return
    for k in range(3, len(tokens)):
        if labels[k] != "date" or not _YEAR_TOKEN.match(tokens[k]):
            continue
        a = k
        while a > 0 and k - a < 4 and labels[a - 1] == "title" and tokens[a - 1] not in _DASH_TOKEN:
            a -= 1
        run = tokens[a:k]
        if not run or a < 2 or tokens[a - 1] not in ("—", "–") or not tokens[a - 2].endswith((".", "?", "!")) or not run[-1].endswith(","):
            return
        if not (run[0][:1].isupper() or run[0][:1] in "«\"“") or any(t.endswith(".") or is_place(t) for t in run):
            return
        labels[a:k] = ["publisher"] * (k - a)
        return


def _host_inside_the_titles_sentence(tokens: list[str], labels: list[str]) -> None:
    """`Arora, S. (2024) Persuasive Technology: The Technology That Connects and Controls Us.
    Available at …`: every style names the host after a mark (the title's full stop, comma, colon
    or closing quote, `//`, `In`), never in the middle of the title's sentence: a run read as the
    host right after a capitalised title word with no mark (a title-case title run on; never
    after `… dans un prochain`, a host introduced in words), closing the sentence with its full
    stop, with only the imprint or the address after it (no date, volume or pages: `model Insect
    Nat Rev Genet. 2000;` is Vancouver's journal with its full stops left out), is the title's
    (unseen lists, batch 21)."""
    for label, a, b in _runs(tuple(labels)):
        if label not in ("container", "journal") or a == 0 or labels[a - 1] != "title" or not tokens[a][:1].isalpha() or not tokens[a - 1][:1].isupper():
            continue
        if re.search(r"[.,:;?!\"”»'’)\]]$", tokens[a - 1]) or tokens[a] in ("In", "In:", "in", "In.", "В:", "Available", "URL:"):
            continue
        if not tokens[b - 1].endswith(".") or b < len(labels) and labels[b] not in ("url", "note", "accessed", "doi", "location", "publisher"):
            continue
        labels[a:b] = ["title"] * (b - a)


_VOLUME_AND_ISSUE = re.compile(r"^\d{1,4}\(\d{1,8}\)[.,]?$")


def _host_after_the_titles_last_comma(tokens: list[str], labels: list[str]) -> None:
    """Harvard and APA lists typed with commas for full stops (`(2024) Title, Frontiers in Big
    Data, 7(1359906).`, `(2015) Title, The Economic Times India, 2 October.`): in an entry of
    names, year and title with no host read, two to eight capitalised words (link words between)
    after the title's last comma, closed by a comma before a volume with its issue or a day and
    a month, are the host — not in a quoted title (unseen lists, batch 21)."""
    runs = _runs(tuple(labels))
    if len(runs) < 4 or [r[0] for r in runs[:3]] != ["author", "date", "title"] or any(label in _HOSTS for label in labels):
        return
    _, a, b = runs[2]
    if b >= len(tokens) or not tokens[b - 1].endswith(","):
        return
    after, nxt = tokens[b], tokens[b + 1] if b + 1 < len(tokens) else ""
    month = re.fullmatch(r"\d{1,2}", after) is not None and canonical(nxt) in MONTHS
    if not (_VOLUME_AND_ISSUE.match(after) or re.fullmatch(r"\d{1,4}", after) and re.fullmatch(r"\(\d{1,8}\)[.,]?", nxt) or month):
        return
    c = next((k for k in range(b - 2, a, -1) if tokens[k].endswith(",")), None)
    if c is None or not 2 <= b - c - 1 <= 8:
        return
    words = tokens[c + 1 : b]
    if not words[0][:1].isupper() or not all(w[:1].isupper() or w.lower() in _JOURNAL_LINKS for w in words):
        return
    if any(q in token for token in tokens[a:b] for q in "“”\"«»„"):  # a quoted title's last words are its own (`“Report …, Christof Heyns”, 28 April`)
        return
    labels[c + 1 : b] = ["journal"] * (b - c - 1)
    if not month:
        labels[b] = "volume"
        if not _VOLUME_AND_ISSUE.match(after):
            labels[b + 1] = "issue"


def _mla_volume_year_and_pages(tokens: list[str], labels: list[str]) -> None:
    """MLA (and Google Scholar's MLA export): `Journal 30.1-7 (1998): 107-117.`, `Energies 15.3
    (2022): 797.`: after the host, the number before the bracketed year and its colon is the
    volume (its issue after the full stop, a range or not), the page or range after the colon
    the pages (unseen lists, batch 22)."""
    n = len(tokens)
    for k in range(2, n - 1):
        if not tokens[k].endswith("):") or len(tokens[k]) != 7 or not re.fullmatch(r"\((?:1[5-9]|20)\d\d\):", tokens[k]) or labels[k - 2] not in _HOSTS:  # (the cheap test first)
            continue
        if not re.fullmatch(r"\d{1,4}(?:\.\d{1,4}(?:[-–]\d{1,4})?)?", tokens[k - 1]):
            continue
        if not re.fullmatch(r"[A-Za-z]?\d{1,7}(?:[-–][A-Za-z]?\d{1,7})?[.,]?", tokens[k + 1]):
            continue
        labels[k - 1], labels[k + 1] = "volume", "pages"


# GOST 7.1's `Введ.` (введён, введено: a standard's date of coming into force) before that date.
_IN_FORCE = re.compile(r"^[Вв]вед(?:\.|ен[аоы]?\.?|ён\.?)$")
_FULL_DATE = re.compile(r"^(?:\d{4}-\d\d-\d\d|\d\d\.\d\d\.\d{4})[.,]?$")


def _date_of_coming_into_force(tokens: list[str], labels: list[str]) -> None:
    """`ГОСТ 2.105-95 … – Введ. 1996-07-01. – М.: Изд-во стандартов, 1995.`: the date a standard came
    into force (after `Введ.`, `Введ. впервые`) is a note, never the work's year nor its publisher,
    when a year read as the date follows it (the imprint's); alone, it stays the date (unseen
    lists, batch 21)."""
    n = len(tokens)
    for k in range(n - 1):
        if not tokens[k].startswith(("Вв", "вв")) or not _IN_FORCE.match(tokens[k]):  # (the cheap test first)
            continue
        j = k + 2 if tokens[k + 1].lower().startswith("впервые") and k + 2 < n else k + 1
        if not _FULL_DATE.match(tokens[j]):
            continue
        if any(labels[m] == "date" and _YEAR_TOKEN.match(tokens[m]) for m in range(j + 1, n)):
            labels[k : j + 1] = ["note"] * (j + 1 - k)


def _books_and_their_editors(tokens: list[str], labels: list[str], seen: frozenset[str]) -> None:
    """The host after a part's editors, then an edited book cited whole (in this order), its
    editors named first."""
    _container_after_editors(tokens, labels)
    if "In" in seen or labels[0] == "editor":  # (a host opened by `In`, or editors opening the entry)
        _edited_book_title(tokens, labels)
    if not _ROLE_WORDS.isdisjoint(seen):
        _editors_first(tokens, labels)


# (`Ed.` with a capital and alone is a given name too: `Vitagliano, Ed. 2011.`)
_ROLE_AFTER_NAMES = re.compile(r"^\(?(?:editors?|eds?|Editors|Eds)\.?\)?[.,]?$")
_ROLE_WORDS = frozenset("editor editors ed eds".split())  # the canonical forms of what _ROLE_AFTER_NAMES matches


def _editors_first(tokens: list[str], labels: list[str]) -> None:
    """`Family AB, Family C, et al., editors. Title. Publisher; 2019.`, `Family J, eds. Title.`:
    names opening the entry, closed by a comma and the editors' role word, are the editors of a
    book cited whole (Vancouver's and BMJ's form), no authors; a run read as the host right after
    the role word, with no title read, is the book's title."""
    runs = _runs(tuple(labels))
    if not runs or runs[0][0] != "author":
        return
    _, a, b = runs[0]
    role = b - 1 if _ROLE_AFTER_NAMES.match(tokens[b - 1]) else b if b < len(tokens) and _ROLE_AFTER_NAMES.match(tokens[b]) else None
    if role is None or role == a or not tokens[role - 1].endswith(","):
        return
    for k in range(a, role + 1):
        labels[k] = "editor"
    nxt = next((r for r in _runs(tuple(labels)) if r[1] > role), None)
    if nxt is not None and nxt[0] in ("container", "journal") and "title" not in labels:
        for k in range(nxt[1], nxt[2]):
            labels[k] = "title"


def _where_the_title_and_host_end(tokens: list[str], labels: list[str], seen: frozenset[str]) -> None:
    """An unmarked title's end before a Vancouver journal, the title before an editor's role,
    statements read into a book's title, a city before a state's code (in this order)."""
    if "journal" in labels:
        _unmarked_title_end_before_the_journal(tokens, labels)
    _title_before_the_role_mark(tokens, labels)
    if not _STATEMENT_WORDS.isdisjoint(seen):
        _statements_read_into_the_title(tokens, labels)
    if "location" in labels:
        _city_before_a_state_code(tokens, labels)


# Words of journal names as ISO 4 (the List of Title Word Abbreviations) shortens them: never an
# English or Latin word printed whole, so one of them with its full stop is no title's last word.
_ISO4_WORDS = frozenset(
    """
    acad adv agric am anal anat ann annu anthropol appl arch astron astrophys atmos bact behav biochem bioinform biol
    biomed biophys bot br bull can cardiol chem chim clin cogn commun comput conf contemp crit crystallogr curr dermatol
    dev ecol econ educ electrochem electron endocrinol eng entomol environ epidemiol eur evol exp fed fis found gastroenterol
    genet geochem geogr geol geophys geosci gynecol hematol hist hortic hum hydrol immunol ind inf infect inorg instrum
    int intell invertebr investig jpn lett ling mag manag mar mater math mech med metab meteorol methodol microbiol mol
    mon nachr natl neurobiol neurol neurosci nucl nutr obstet oncol ophthalmol opt org ornithol paleontol parasitol
    pathol pediatr pharmacol philos photochem phys physiol polit proc psychiatr psychol publ q radiol rehabil rep res
    rev sci soc sociol spectrosc stat stud surg symp syst technol theor ther toxicol transl trop univ urol vet virol zool
    """.split()
)
_JOURNAL_ABBREVIATION = re.compile(r"^(?:[A-Z][a-z]{0,10}\.)*[A-Z][a-z]{0,10}\.?[,;:]?$")  # `Educ.,`, `Publ.`, `J.Stat`, `Sci.Rep`
_JOURNAL_FULL_WORD = re.compile(r"^[A-Z][a-z]{2,}$")  # `Diabetes` before `Educ.`
_SENTENCE_CASE_WORD = re.compile(r"^[a-z][a-z-]*$")


def _is_journal_abbreviation(token: str) -> bool:
    """`Educ.`, `Publ.`, `J.Stat`: ISO 4 abbreviations (a one-letter `J.` among them), each with its full stop but the last of glued ones."""
    if not _JOURNAL_ABBREVIATION.match(token) or "." not in token:
        return False
    parts = [p for p in token.rstrip(",;:").split(".") if p]
    return any(p.lower() in _ISO4_WORDS for p in parts) and all(len(p) == 1 or p.lower() in _ISO4_WORDS for p in parts)


def _abbreviated_journal_closing_an_open_title(tokens: list[str], labels: list[str], runs: tuple) -> bool:
    """`… a randomized clinical trial Diabetes Educ., 36 (2010)`, `… of the Virasoro algebra Publ. RIMS
    Kyoto Univ. 22`: a title printed without its closing full stop runs on into the journal's
    abbreviated name; a title's lower-case word never ends in an abbreviation's full stop, so ISO 4
    abbreviations (and, in a title of lower-case words, up to two capitalised words before
    them) after the title's last lower-case word, right before the journal's other words or the
    volume, are the journal's (`runs`: the labels' runs; True when it moved any)."""
    for (label, a, b), (after, c, _) in zip(runs, runs[1:]):
        if label != "title" or after not in ("journal", "volume"):
            continue
        if after == "volume" and not any(ch.isdigit() for ch in tokens[c]):
            continue
        k = b
        while k > a and _is_journal_abbreviation(tokens[k - 1]) and b - k < 4:
            k -= 1
        if k == b:
            continue
        words = [t for t in tokens[a + 1 : k] if t[:1].isalpha()]
        sentence_case = len(words) >= 4 and sum(w[:1].isupper() for w in words) * 4 <= len(words)
        full = 0
        while sentence_case and k - 1 > a and _JOURNAL_FULL_WORD.match(tokens[k - 1]) and full < 2:
            k, full = k - 1, full + 1
        if k - a >= 3 and _SENTENCE_CASE_WORD.match(tokens[k - 1]):
            labels[k:b] = ["journal"] * (b - k)
            return True
        return False
    return False


_TITLE_LINK_WORDS = frozenset("and of in for on with to the".split())


def _title_words_opening_an_abbreviated_journal(tokens: list[str], labels: list[str], runs: tuple) -> None:
    """`… integral of Richards | and Zheng Adv. Appl. Math. 40 212`: no journal's name opens with a
    lower-case link word, and no title ends on one; a journal run that opens with one right after
    an open title (no closing mark), or follows a title ending on one, has the title's last words
    before its first ISO 4 abbreviation: the link word and up to two capitalised words after it."""
    for (label, a, b), (host, c, d) in zip(runs, runs[1:]):
        if label != "title" or host != "journal" or b - a < 3:
            continue
        if tokens[b - 1] in _TITLE_LINK_WORDS:  # (the link word already given back to the title)
            start = c
        elif tokens[c] in _TITLE_LINK_WORDS and not re.search(r"[.,:;?!\"”’)]$", tokens[b - 1]):
            start = c + 1
        else:
            return
        k = start
        while k < d and k - start < 2 and re.fullmatch(r"[A-Z][a-z]+", tokens[k]):
            k += 1
        if k > start and k < d and _is_journal_abbreviation(tokens[k]):
            labels[c:k] = ["title"] * (k - c)
        return


def _journal_read_into_the_titles_end(tokens: list[str], labels: list[str], seen: frozenset[str]) -> None:
    """An article's journal read as the title's last words: after its last full stop, or in its
    last comma part, or its abbreviations after an open title's last word; the title's last words
    read as the opening of an abbreviated journal."""
    if "volume" in labels:  # (each reads the words before the volume)
        _journal_read_into_the_title(tokens, labels)
        _journal_after_the_titles_last_comma(tokens, labels)
    if not _ISO4_WORDS.isdisjoint(seen) and "title" in labels and ("journal" in labels or "volume" in labels):
        runs = _runs(tuple(labels))  # (one reading for both: the second is asked only if the first moved nothing)
        if not _abbreviated_journal_closing_an_open_title(tokens, labels, runs):
            _title_words_opening_an_abbreviated_journal(tokens, labels, runs)
    if "online" in seen:  # (the canonical form of _ONLINE_MARK's `[Online]`)
        _host_before_the_online_mark(tokens, labels)


_HOST_ROLE_MARK = re.compile(r"^(?:Ed|Eds|Edited|Под|Пер|Сост)\.?$")


def _host_before_the_role_mark(tokens: list[str], labels: list[str]) -> None:
    """`В: NASA Formal Methods. Под ред. Klaus Havelund, …` read with `Methods.` among the editors:
    the editors' statement opens with its role (`Под ред.`, `Ed.`, `Edited by`), so words of an
    editors' run before its role mark, closed by a full stop right after the host, are the host's
    last words (as `_title_before_the_role_mark` gives them back to a title)."""
    for label, a, b in _runs(tuple(labels)):
        if label != "editor" or a == 0 or labels[a - 1] not in ("container", "journal"):
            continue
        mark = next((k for k in range(a + 1, min(b, a + 5)) if _HOST_ROLE_MARK.match(tokens[k])), None)
        if mark is None or not tokens[mark - 1].endswith(".") or any(_DOTTED.match(tokens[k]) for k in range(a, mark)):
            continue
        if tokens[mark] == "Под" and not (mark + 1 < len(tokens) and tokens[mark + 1].startswith("ред")):
            continue
        labels[a:mark] = [labels[a - 1]] * (mark - a)


_VOLUME_DOT_NUMBER = re.compile(r"^\d{1,4}\.\d{1,4}$")
_BRACKETED_YEAR = re.compile(r"^\((?:1[5-9]|20)\d\d[a-z]?\)[,.:;]?$")


def _volume_and_number_before_a_bracketed_year(tokens: list[str], labels: list[str]) -> None:
    """biblatex's standard style prints an article's volume and number joined by a full stop
    before the year in brackets (`В: Journal of Computing 2.1 (1973), с. 33—43.`): that token, read
    into the journal or as pages, is the volume (and number)."""
    for k in range(1, len(tokens) - 1):
        if labels[k] in ("journal", "container", "pages") and labels[k - 1] in ("journal", "container") and _VOLUME_DOT_NUMBER.match(tokens[k]):
            if _BRACKETED_YEAR.match(tokens[k + 1]) and labels[k + 1] == "date":
                labels[k] = "volume"


def _no_name_after_et_al(tokens: list[str], labels: list[str]) -> None:
    """`Smith J. et al. Zebra: A fast tool …`: `et al.` (`и др.`) closes the names, so one word
    closed by a colon read with them after it, right before the title, is the title's first part
    (as `Deberta:` after a family-first list is)."""
    runs = _runs(tuple(labels))
    run = next((r for r in runs if r[0] == "author"), None)
    if run is None:
        return
    _, a, b = run
    close = next((k for k in range(a + 1, b) if canonical(tokens[k]) in ("al", "др") and canonical(tokens[k - 1]) in ("et", "и") and tokens[k].endswith(".")), None)
    if close is None or close + 2 != b or b >= len(labels) or labels[b] != "title":
        return  # one word after it (`(CDF Collaboration),` and an organisation after `[и др.].` stay)
    if tokens[close + 1].endswith(":") and _kind(tokens[close + 1][:-1], True) == "word" and tokens[close + 1][:1].isupper():
        labels[close + 1] = "title"


def _closing_names_months_and_quoted_publishers(tokens: list[str], labels: list[str], seen: frozenset[str], text: str) -> None:
    """No name after `et al.`, a family name after a run's closing initials, a month before the year, a quoted publisher
    after the place's colon, a host's words before the editors' role mark, biblatex's `2.1 (1973)`
    volume and number, a publisher alone after the area's dash, a standard's date of coming into
    force, a host read inside the title's sentence, a host after the title's last comma, MLA's
    volume and pages around the bracketed year (in this order), after an article's journal read
    into the title's end; a country closing a publisher's name."""
    _journal_read_into_the_titles_end(tokens, labels, seen)
    if ":" in text and "location" in labels:  # (the place's colon)
        _country_closing_a_publishers_name(tokens, labels)
    if "published" in seen:
        _published_online_first(tokens, labels)
    if "[" in text:
        _bracketed_word_opening_the_title(tokens, labels)
    if "al" in seen or "др" in seen:  # (`et al.`, `и др.` in canonical form)
        _no_name_after_et_al(tokens, labels)
    if labels[0] == "author" and "." in tokens[0]:  # (dotted initials opening the list)
        _family_name_after_closing_initials(tokens, labels)
    if not text.isascii() or not seen.isdisjoint(MONTHS):  # (_is_month: a Cyrillic month's name)
        _month_before_the_year(tokens, labels)
    if ":" in text and "location" in labels:  # (the place's colon)
        _quoted_publisher_after_the_place(tokens, labels)
    if "editor" in labels:
        _host_before_the_role_mark(tokens, labels)
    if "(" in text:  # (the bracketed year)
        _volume_and_number_before_a_bracketed_year(tokens, labels)
    if "—" in seen or "–" in seen:
        _publisher_alone_after_the_areas_dash(tokens, labels)
    if not text.isascii():  # (`Введ.`)
        _date_of_coming_into_force(tokens, labels)
    if "journal" in labels or "container" in labels:
        _host_inside_the_titles_sentence(tokens, labels)
    if labels[0] == "author":
        _host_after_the_titles_last_comma(tokens, labels)
    if "):" in text:
        _mla_volume_year_and_pages(tokens, labels)


# ---- batch 24's conventions (lists37): each tested on invented entries in tests/test_tagger_lists37.py


_PLACE_LETTER_COLON = re.compile(r"^(?:М|Л|К|СПб|Мн):$")  # `// М: ИКИ РАН, 2012`: GOST's abbreviated place, its full stop left out


def _imprint_after_the_host_mark(tokens: list[str], labels: list[str]) -> None:
    """`Title // Москва. Советское радио. 1971. с. 134–154.`, `Title // М: ИКИ РАН, 2012`: no host's
    name opens with a city's name closed by a full stop or colon; after `//` such a place, then words
    up to the year, is a book's imprint written after the host's mark: the place and its publisher."""
    mark = next((k for k, t in enumerate(tokens) if t == "//"), None)
    i = mark + 1 if mark is not None else len(tokens)
    if i + 2 >= len(tokens) or labels[i] not in ("journal", "container") or not tokens[i].endswith((".", ":")):
        return
    if not is_place(tokens[i]) and not _PLACE_LETTER_COLON.match(tokens[i]):
        return
    if not tokens[i].endswith(":") and (len(tokens[i]) <= 4 or _DOTTED.match(tokens[i + 1])):  # `// Л. Н. Гумилев атындағы ЕҰУ Хабаршысы`: initials
        return
    k = i + 1
    while k < len(tokens) and labels[k] in ("journal", "container", "publisher") and not _YEAR_TOKEN.match(tokens[k]):
        k += 1
    if k == i + 1 or k >= len(tokens) or labels[k] != "date" or not _YEAR_TOKEN.match(tokens[k]):
        return
    labels[mark : i + 1] = ["location"] * (i + 1 - mark)
    labels[i + 1 : k] = ["publisher"] * (k - i - 1)


_IDENTIFIER_MARK = re.compile(r"^(?:ISSN|eISSN|ISBN|e-ISSN|EISSN)[:]?$", re.IGNORECASE)


def _number_after_an_identifier_mark(tokens: list[str], labels: list[str]) -> None:
    """`…, 2012, ISSN 2075-6836, с. 149.`: the number after `ISSN` or `ISBN` is the identifier's,
    never the pages (its hyphen reads as a range)."""
    for k in range(len(tokens) - 1):
        if _IDENTIFIER_MARK.match(tokens[k]) and labels[k + 1] == "pages" and re.match(r"\d", tokens[k + 1]):
            labels[k + 1] = labels[k] if labels[k] not in ("pages", "title") else "isbn"


_BOOK_PART_MARK = frozenset("ч часть том т кн книга vol volume".split())


def _part_or_volume_closing_a_book_title(tokens: list[str], labels: list[str]) -> None:
    """`Title. Ч. 1. / Author – Place: Publisher`, `Title. Часть 2. / …`, `Title: Том 1. — М.: Мир,
    1972.`: a book's part or volume mark and its number right after the title's full stop or colon,
    closing it before GOST's ` / ` or the area's dash, is the volume (as `Title. Том 1. –` is)."""
    for i in range(1, len(tokens) - 1):
        if labels[i - 1] != "title" or not tokens[i - 1].endswith((".", ":")) or canonical(tokens[i]) not in _BOOK_PART_MARK:
            continue
        if not re.fullmatch(r"\d{1,3}\.?", tokens[i + 1]) or i + 2 < len(tokens) and tokens[i + 2] not in ("/", "–", "—", "-"):
            continue
        labels[i] = labels[i + 1] = "volume"


def _translation_statement_after_the_title(tokens: list[str], labels: list[str]) -> None:
    """`Общая топология (основные структуры): пер. с франц. …, под ред. …`: `пер.` (translated)
    opens the statement of responsibility, however it is punctuated before it: no word of the title."""
    for k in range(1, len(tokens) - 1):
        if canonical(tokens[k]) != "пер" or labels[k] != "title" or labels[k - 1] != "title":
            continue
        j = k
        while j < len(tokens) and j - k < 3 and labels[j] == "title":  # `пер. с нем.`
            j += 1
        if j < len(tokens) and labels[j] in ("editor", "translator", "note"):
            labels[k:j] = [labels[j]] * (j - k)


def _bracketed_series_at_the_end(tokens: list[str], labels: list[str]) -> None:
    """`… – 336 с. – (Серия «Для профессионалов»).`: GOST's series area stands in brackets after the
    physical description; a bracket opening with `Серия`/`Series` that closes the entry is the
    series, no host."""
    for k in range(len(tokens)):
        if not tokens[k].startswith("(") or canonical(tokens[k].lstrip("(")) not in _SERIES_WORD or k == 0 or tokens[k - 1] not in _DASH_TOKEN:
            continue
        if re.search(r"\)[.,;]?$", tokens[-1]) and not any(labels[j] in ("volume", "pages", "date", "issue") for j in range(k, len(tokens))):
            labels[k:] = ["collection"] * (len(tokens) - k)
        return


_STATE_CODE = re.compile(r"^[A-Z]{1,2},?$")


def _publisher_before_a_us_place(tokens: list[str], labels: list[str]) -> None:
    """The AOS's and many US styles' imprint at the entry's end, `Publisher, City, ST, USA.` (`Cornell
    University Press, Ithaca, NY, USA.`, `Academic Press, San Diego, CA, USA.`): after the state's
    or province's code and before the country, the words back to the comma before them are the
    city; the words before that comma, back to the title's full stop, are the publisher."""
    n = len(tokens)
    if n < 6 or not tokens[-1].endswith(".") or not is_country(tokens[-1]) or not _STATE_CODE.match(tokens[-2]) or "title" not in labels:
        return
    comma = n - 4
    while comma > 0 and not tokens[comma].endswith(","):
        comma -= 1
    start = comma
    while start > 0 and not (tokens[start - 1].endswith(".") and len(tokens[start - 1]) > 3 or labels[start - 1] in ("date", "editor")):
        start -= 1
    body = range(start, comma + 1)
    if not 1 <= len(body) <= 10 or labels.index("title") >= start or any(labels[k] in ("date", "pages", "volume", "issue", "journal") for k in body):
        return
    if not all(tokens[k][:1].isupper() or tokens[k] in _ORGANISATION_LINKS or tokens[k] == "&" for k in body):
        return
    labels[start : comma + 1] = ["publisher"] * (comma + 1 - start)
    labels[comma + 1 :] = ["location"] * (n - comma - 1)


_EDITORS_CLOSE = re.compile(r"^(?:Editors?|editors?|Eds?|eds?)\.?\)[.,]?$")


def _host_after_in_before_bracketed_editors(tokens: list[str], labels: list[str]) -> None:
    """`Fox Sparrow. In The Atlas of … Manitoba (C. Artuso, …, Editors). Bird Studies Canada`: `In`
    after the title's full stop, then words and the book's editors in brackets closed by their role,
    is the host: the words from `In` to the bracket are the host's, the bracket the editors'."""
    for k in range(2, len(tokens) - 2):
        if tokens[k] != "In" or not tokens[k - 1].endswith(".") or labels[k - 1] != "title" or not tokens[k + 1][:1].isupper():
            continue
        opening = next((j for j in range(k + 2, len(tokens)) if tokens[j].startswith("(")), None)
        if opening is None:
            return
        close = next((j for j in range(opening, min(len(tokens), opening + 40)) if tokens[j].endswith(")") or tokens[j].endswith((").", "),"))), None)
        if close is None or close - opening < 2 or not tokens[opening][1:2].isupper() or not _EDITORS_CLOSE.match(tokens[close]):
            return  # (`In K. Brown (gen. ed.), Encyclopedia …`: the editor before the bracket, the book after it)
        if any(labels[j] not in ("title", "container", "editor") for j in range(k, close + 1)):
            return
        labels[k:opening] = ["container"] * (opening - k)
        labels[opening : close + 1] = ["editor"] * (close + 1 - opening)
        return


_VERSION_WORD = re.compile(r"(?:[^\W\d_]+-)?[Vv]ersion|[Vv]er\.")  # `Version`, `Data-version`; not `Conversion`


def _version_number_in_a_title(tokens: list[str], labels: list[str]) -> None:
    """`The eBird Reference Dataset, Version 2016. Cornell Lab …`, `…, Data-version 2015.`: a number
    after `Version` is the work's version, the title's, never its date, when another date is read."""
    for k in range(1, len(tokens)):
        if labels[k] == "date" and labels[k - 1] == "title" and _VERSION_WORD.fullmatch(tokens[k - 1]) and sum(1 for x in labels if x == "date") > 1:
            labels[k] = "title"


_YEAR_OR_RANGE = re.compile(r"^(?:1[5-9]|20)\d\d(?:[-–](?:1[5-9]|20)\d\d)?$")


def _year_before_the_closing_year(tokens: list[str], labels: list[str]) -> None:
    """Vancouver's reports `NHS Recovery Plan 2021-2026 2021.`: a year or range read right after the
    title with no mark between them, right before another year that closes the entry or its
    sentence, is the title's last word."""
    for k in range(1, len(tokens) - 1):
        if labels[k] != "date" or labels[k - 1] != "title" or tokens[k - 1].endswith((",", ".", ":", ";")) or not _YEAR_OR_RANGE.match(tokens[k]):
            continue
        if labels[k + 1] == "date" and re.fullmatch(r"(?:1[5-9]|20)\d\d\.", tokens[k + 1]):
            labels[k] = "title"


def _dates_in_the_title_before_a_vancouver_host(tokens: list[str], labels: list[str]) -> None:
    """`… data between 2019 and 2020. Contracept Reprod Med 2022;7:3.`, `Impact of coronavirus disease
    2019 on … Therapies 2023. https://…`: Vancouver's year stands after the journal's name (before
    `;volume` or the entry's end); dates read inside the title, or closing it, before that journal
    are the title's words."""
    runs = _runs(tuple(labels))
    for k in range(1, len(runs) - 1):
        (label, a, b), (nxt, c, d) = runs[k], runs[k + 1]
        if label != "journal" or nxt != "date" or d - c != 1 or not re.fullmatch(r"(?:1[5-9]|20)\d\d[;.]", tokens[c]):
            continue
        for m, (label0, a0, b0) in enumerate(runs[:k]):
            if label0 != "date" or a0 == 0 or labels[a0 - 1] not in ("title", "journal") or tokens[a0 - 1].endswith((",", ";", ":")):
                continue  # (`…Shopping Center, 2002. Prehosp Disaster Med. 2007;`: a report's date after the title's comma)
            if labels[a0 - 1] == "journal":  # `et al. Impact of coronavirus disease 2019 on …`: the title's first words read as a journal
                first = runs[m - 1][1]
                if b0 >= a or labels[b0] != "title" or first == 0 or labels[first - 1] != "author":
                    continue
                labels[first:a0] = ["title"] * (a0 - first)
            if b0 < a and labels[b0] == "title" or b0 == a and tokens[b0 - 1].endswith("."):
                labels[a0:b0] = ["title"] * (b0 - a0)
        return



def _place_qualifier_of_a_journal(tokens: list[str], labels: list[str]) -> None:
    """NLM's journal abbreviations with a place in brackets, `Appl. Sci. (Basel) 11, 2959.`, `Sensors
    (Basel) 20:`: a bracketed capitalised word between the journal's name and its bare volume number
    is the name's, no place of publication (before `vol.` it is left as read: GROBID's labels keep
    `J. Phys. (Paris) vol. 7` apart)."""
    for k in range(1, len(tokens) - 1):
        if labels[k - 1] == "journal" and labels[k + 1] == "volume" and tokens[k + 1][:1].isdigit() and labels[k] != "journal" and re.fullmatch(r"\([A-Z][a-z]+\)", tokens[k]):
            labels[k] = "journal"


def _title_word_opening_a_journal(tokens: list[str], labels: list[str]) -> None:
    """`… archaeological and environmental research. Sci. Rep. 13, 19812.`: no journal's name opens with
    a lower-case word and its full stop after an open title; that word is the title's last."""
    for k in range(1, len(tokens) - 1):
        if labels[k] == "journal" and labels[k - 1] == "title" and labels[k + 1] == "journal" and not re.search(r"[.,:;?!]$", tokens[k - 1]):
            if re.fullmatch(r"[a-z]{3,}\.", tokens[k]) and tokens[k + 1][:1].isupper():
                labels[k] = "title"


def _place_opening_a_publisher_run(tokens: list[str], labels: list[str]) -> None:
    """`– Волгоград: Издательство Волгоградский государственный университет, 2008.`: a run read as the
    publisher that opens (after the area's dash) with a city closed by the imprint's colon has the
    place first: the city (and the dash before it) is the place, the rest the publisher."""
    for label, a, b in _runs(tuple(labels)):
        j = a + 1 if tokens[a] in _DASH_TOKEN else a
        if label == "publisher" and j + 1 < b and tokens[j].endswith(":") and is_place(tokens[j]):
            labels[a : j + 1] = ["location"] * (j + 1 - a)


def _place_closing_a_publisher_run(tokens: list[str], labels: list[str]) -> None:
    """`Harbour University Press, Amherst, | Massachusetts, 1970`: a publisher run whose last comma
    part is one city, right before a run read as the place, ends before the city: the city opens the
    place (`City, State` after the publisher's comma)."""
    if "location" not in labels or "publisher" not in labels:
        return
    runs = _runs(tuple(labels))
    for (label, a, b), (after, _, _) in zip(runs, runs[1:]):
        if label == "publisher" and after == "location" and b - a >= 2 and tokens[b - 2].endswith(",") and tokens[b - 1].endswith(","):
            if is_place(tokens[b - 1]) and not is_place(tokens[b - 2]):
                labels[b - 1] = "location"


def _title_run_interrupted(tokens: list[str], labels: list[str]) -> None:
    """`Publication bias: evidence of delayed publication | in | a cohort study of …`, `… gene | A, B,
    D, and of | SP-B-linked markers …`: a title run of two tokens or more with nothing closing it (no
    full stop, question mark, colon or quote), a short run of a host's, a name's or a month's label
    with no number, slash or quote and no full stop closing it, and the title going on after it:
    no style prints an element inside the title's sentence, so the short run is the title's."""
    if labels.count("title") < 3:
        return
    runs = _runs(tuple(labels))
    for (first, a, b), (label, c, d), (again, e, g) in zip(runs, runs[1:], runs[2:]):
        if first != "title" or again != "title" or label not in ("journal", "container", "author", "date") or d - c > 5 or b - a < 2 or g - e < 2:
            continue
        if re.search(r"[.?!:\"”»’]$", tokens[b - 1]) or tokens[d - 1].endswith(".") or g >= len(tokens):
            continue
        if any(ch.isdigit() or ch in "/\"“”«»" for t in tokens[c:d] for ch in t):
            continue
        labels[c:d] = ["title"] * (d - c)


def _copyright_by_before_the_publisher(tokens: list[str], labels: list[str]) -> None:
    """`// 2008 by The McGraw-Hill Companies. ISBN …`: a copyright line's `by` between the year and the
    publisher's name closing the entry (or before its ISBN) is no word of the name, and the name is
    the publisher's, no host's."""
    for k in range(1, len(tokens) - 1):
        if tokens[k] != "by" or labels[k - 1] != "date" or labels[k] not in ("publisher", "container", "journal") or not tokens[k + 1][:1].isupper():
            continue
        end = k + 1
        while end < len(tokens) and labels[end] == labels[k]:
            end += 1
        if end == len(tokens) or labels[end] in ("isbn", "url", "doi"):
            labels[k] = "note"
            labels[k + 1 : end] = ["publisher"] * (end - k - 1)
        return


_BARE_CAPITALISED = re.compile(r"[A-Z][a-z]+")  # a capitalised word with no mark after it


def _organisation_word_closing_the_authors(tokens: list[str], labels: list[str]) -> None:
    """`R Core Team. R V4.3.0: A Language …`: an opening author run of capitalised words with no
    initials, commas or full stops, followed by an organisation's word (`Team`, `Group`, `Committee`)
    closed by a full stop and read as the title's first word, ends with that word: one corporate name;
    so does a capitalised word and the organisation's word after it (`The BIP Study Group.`)."""
    b = next((k for k, label in enumerate(labels) if label != "author"), len(labels))
    w = b + 1 if b + 2 < len(tokens) and labels[b + 1] == "title" and _BARE_CAPITALISED.fullmatch(tokens[b]) else b  # `Study Group.`
    if not 1 <= b <= 5 or w + 1 >= len(tokens) or labels[w] != "title" or not tokens[w].endswith(".") or not tokens[w][:1].isupper():
        return
    if canonical(tokens[w]) not in _ORGANISATION_WORDS | {"team"} or labels[w + 1] != "title":
        return
    if all(tokens[k][:1].isupper() and not tokens[k].endswith((",", ".", ";", ":")) and not _DOTTED.match(tokens[k]) for k in range(b)):
        labels[b : w + 1] = ["author"] * (w + 1 - b)


def _place_before_a_named_publisher(tokens: list[str], labels: list[str]) -> None:
    """`- Берлингтон, Morgan Kauffman Publishers, 2008.`: a publisher run whose first comma part is one
    capitalised word in the list's Cyrillic, the rest a Latin name ending in a publisher's word
    (`Publishers`, `Press`, `Verlag`), has the place first, written with a comma for GOST's colon
    (`ACM, ACM Press` and `Marlboro, Vt.: Marlboro Press` stay as read: one script)."""
    for label, a, b in _runs(tuple(labels)):
        j = a + 1 if tokens[a] in _DASH_TOKEN else a
        if label != "publisher" or b - j < 3 or not tokens[j].endswith(",") or not tokens[j][:1].isupper() or any(ch.isdigit() for ch in tokens[j]):
            continue
        cyrillic = [not tokens[k].isascii() and bool(re.search("[а-яё]", tokens[k], re.IGNORECASE)) for k in range(j, b)]
        if canonical(tokens[b - 1]) in _PUBLISHER_ONLY and all(tokens[k][:1].isupper() for k in range(j + 1, b)) and cyrillic[0] and not any(cyrillic[1:]):
            labels[a : j + 1] = ["location"] * (j + 1 - a)


_FIRM_SUFFIX = re.compile(r"^(?:Inc|Ltd|Co|Corp|LLC|GmbH|AG|SA|S\.A|Pvt|Incorporated|Limited)\.?[,)]?$")
# A body that issues a work (`Dept. of Computer Science, Stanford University`): a second part with one is no place.
_BODY_OF_AN_ISSUER = frozenset("university universität université universidad università univ college institute institut school laboratory department dept academy".split())
_YEAR_CLOSING_A_BRACKET = re.compile(r"^(?:1[5-9]|20)\d\d[a-z]?\)[.,;:]?$")


def _place_in_a_bracketed_imprint(tokens: list[str], labels: list[str]) -> None:
    """`(Faenza Editrice Iberica, Castellon de la Plana, 1993)`: the physicists' imprint in brackets
    is publisher, place, year (`(Wiley, New York, 1972)`, `(AIP, New York, 1993)`); a publisher run
    opened by the bracket and read over both comma parts, right before the year that closes the
    bracket, has the place in its second part (not a firm's `Inc.`, not after a colon: `(Ithaca, NY:
    Cornell University Press, 1984)` is Chicago's place first; nor a second publisher's or an
    issuing body's name: `(DIKU, University of Copenhagen, 2023)`)."""
    for a, token in enumerate(tokens):
        if token[:1] != "(" or labels[a] != "publisher" or a and labels[a - 1] == "publisher":
            continue
        b = a + 1
        while b < len(tokens) and labels[b] == "publisher":
            b += 1
        while b < len(tokens) and labels[b] == "location" and not tokens[b - 1].endswith(","):
            b += 1  # the place's last words read apart (`… Iberica, Castellon de la | Plana, 1993)`): the same imprint (tagger43)
        if b >= len(tokens) or labels[b] != "date":
            continue
        if not _YEAR_CLOSING_A_BRACKET.match(tokens[b]) or not tokens[b - 1].endswith(","):
            continue
        commas = [k for k in range(a, b - 1) if tokens[k].endswith(",")]
        if len(commas) != 1 or any(":" in tokens[k] for k in range(a, b)):
            continue
        m = commas[0] + 1
        words = set(re.findall(r"[^\W\d_]+", " ".join(tokens[m:b]).lower()))
        if tokens[m][:1].isupper() and not _FIRM_SUFFIX.match(tokens[m]) and b - m <= 4 and words.isdisjoint(_PUBLISHER_ONLY | _BODY_OF_AN_ISSUER):
            labels[m:b] = ["location"] * (b - m)  # (not `(AIP, Springer-Verlag, 1977)`, `(DIKU, University of Copenhagen, 2023)`)


def _medium_closing_the_title(tokens: list[str], labels: list[str]) -> None:
    """`Counting herons in the delta. Online. Riverbank Press.`: ISO 690 prints the medium, unbracketed,
    as a sentence of its own after the title proper; a title run closed by `Online.` after its own full
    stop has the medium there, no word of the title."""
    for label, a, b in _runs(tuple(labels)):
        if label == "title" and b - a >= 3 and tokens[b - 1] == "Online." and tokens[b - 2].endswith("."):
            labels[b - 1] = "medium"


def _last_conventions(tokens: list[str], labels: list[str], seen: frozenset[str], text: str) -> None:
    """The conventions that read the labels the others left: names, months and quoted publishers
    closing an entry; then batch 24's imprints after `//` or before a US place, identifiers' numbers,
    a book's part or volume, GOST's translation and series statements, AOS's chapter host, and the
    years a title holds (a version, a report's period, dates before Vancouver's host), a journal's
    bracketed place and a title's last word read into the journal, a place opening a publisher's run,
    a copyright line's `by`, an organisation's word closing the opening names, a place before a
    publisher's name after a comma."""
    _closing_names_months_and_quoted_publishers(tokens, labels, seen, text)
    if "//" in seen:
        _imprint_after_the_host_mark(tokens, labels)
    if "issn" in seen or "eissn" in seen or "isbn" in seen:
        _number_after_an_identifier_mark(tokens, labels)
    if not _BOOK_PART_MARK.isdisjoint(seen):
        _part_or_volume_closing_a_book_title(tokens, labels)
    if "пер" in seen:
        _translation_statement_after_the_title(tokens, labels)
    if not _SERIES_WORD.isdisjoint(seen):
        _bracketed_series_at_the_end(tokens, labels)
    _publisher_before_a_us_place(tokens, labels)
    if "In" in seen:
        _host_after_in_before_bracketed_editors(tokens, labels)
    _version_number_in_a_title(tokens, labels)
    _year_before_the_closing_year(tokens, labels)
    if "journal" in labels:
        _dates_in_the_title_before_a_vancouver_host(tokens, labels)
        if "(" in text:
            _place_qualifier_of_a_journal(tokens, labels)
        _title_word_opening_a_journal(tokens, labels)
    if "publisher" in labels and ":" in text:
        _place_opening_a_publisher_run(tokens, labels)
    _place_closing_a_publisher_run(tokens, labels)
    _title_run_interrupted(tokens, labels)
    if "by" in seen:
        _copyright_by_before_the_publisher(tokens, labels)
    if labels[0] == "author" and not _ORGANISATION_WORDS.isdisjoint(seen):
        _organisation_word_closing_the_authors(tokens, labels)
    if "publisher" in labels and not text.isascii():  # (a Cyrillic place's name)
        _place_before_a_named_publisher(tokens, labels)
    if "publisher" in labels:
        _place_in_a_bracketed_imprint(tokens, labels)
    if "Online." in seen:
        _medium_closing_the_title(tokens, labels)


def _first_conventions(tokens: list[str], labels: list[str], marginals: tuple[float, ...], seen: frozenset[str], text: str) -> None:
    """The conventions `corrected` runs first, in order: the title and the names around it, then
    numbers, hosts and GOST's areas, to the imprint (`seen`: see _COUNT_WORDS)."""
    if "/" in seen:
        _title_before_responsibility(tokens, labels)
    _title_word_before_the_slash(tokens, labels)
    if "/" in seen:
        _title_read_as_names_before_the_slash(tokens, labels)
    if "’" in text or "'" in text:  # (the title's `'s`)
        _possessive_title(tokens, labels)
    _title_out_of_names(tokens, labels, marginals)
    if "journal" in labels or "container" in labels or "//" in text:  # (the host after the short title)
        _names_out_of_title(tokens, labels, marginals)
    _last_given_family_name(tokens, labels)
    if ":" in text:  # (the colon closing the name)
        _last_name_before_a_colon(tokens, labels)
    if labels[0] == "author" and "title" not in labels:
        _title_not_a_name(tokens, labels)
    if "(" in text and "author" not in labels:  # (the date's bracket)
        _author_before_a_bracketed_date(tokens, labels)
    if any(map(text.__contains__, _OPEN_QUOTES + _SINGLE_QUOTES)):  # (the title opens with one)
        _quoted_title(tokens, labels, marginals)
    if not _DESIGNATION_WORDS.isdisjoint(seen):
        _title_before_designation(tokens, labels)
    if not _COUNT_WORDS.isdisjoint(seen):
        _page_count(tokens, labels)
    _issue_not_pages(tokens, labels)
    _books_and_their_editors(tokens, labels, seen)
    _edition_qualifiers(tokens, labels)
    _days_not_pages(tokens, labels, seen, text)
    if not text.isascii():  # (a contraction is of Cyrillic letters)
        _contraction_not_date(tokens, labels)
    if not _VOLUME_MARK_TOKENS.isdisjoint(seen):
        _volume_mark_not_journal(tokens, labels)
    _issue_qualifier_not_journal(tokens, labels)
    if "journal" in labels:
        _short_number_is_no_year(tokens, labels)
    if "//" in text:
        _year_inside_a_host_title(tokens, labels)
    if not _PART_MARK.isdisjoint(seen):
        _part_inside_a_title(tokens, labels)
    _title_to_its_sentence_end(tokens, labels)
    if not _CLASSIFICATION_MARK.isdisjoint(seen):
        _classification_numbers(tokens, labels)
    if ":" in text:
        _publisher_after_a_colon(tokens, labels)
    if "–" in text or "—" in text:  # (the title's year before a dash)
        _year_inside_a_title(tokens, labels)
    if not _ACCOUNT_PREPOSITION.isdisjoint(seen):
        _year_of_account_in_a_title(tokens, labels)
    _compilers_not_authors(tokens, labels)
    _last_name_after_a_comma(tokens, labels)
    if not _NAME_PARTICLES.isdisjoint(seen):  # (the particle is a word of its own, in small letters)
        _last_vancouver_name_with_a_particle(tokens, labels)
    _responsibility_before_a_dash(tokens, labels)
    _one_letter_is_no_name(tokens, labels)
    if not text.isascii():  # (a conference's dates in Cyrillic: _is_month, `г.`)
        _conference_bracket_in_the_host(tokens, labels)


# ---- batch 25's conventions (web pages in a home-made GOST form, APA's titles and hosts, biblatex) --

# A site's designation before its name after GOST's `//` (`// Сайт Habr.com.`): the kind of resource.
_SITE_WORDS = frozenset("сайт веб-сайт вебсайт портал блог site website portal blog".split())
_A_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}[.,]?$", re.IGNORECASE)


def _site_after_the_host_mark(tokens: list[str], labels: list[str]) -> None:
    """`Title // Сайт Сomputerweekly.com. 9 апреля (https://…)`: after `//` the word naming the kind of
    resource is no word of the host's name (its medium), and the name after it, up to its closing
    full stop, is the host, though it reads as an address (`Arxiv.org.`)."""
    for k in range(len(tokens) - 2):
        if tokens[k] != "//" or canonical(tokens[k + 1]) not in _SITE_WORDS or tokens[k + 1].endswith((".", ",", ":")):
            continue
        end = k + 2
        while end < len(tokens) and labels[end] in ("journal", "container", "url", "doi", "publisher", "note") and not tokens[end].startswith("("):
            end += 1
            if tokens[end - 1].endswith("."):
                break
        if end == k + 2 or not (tokens[k + 2][:1].isupper() or _A_DOMAIN.match(tokens[k + 2])):
            return
        host = labels[k] if labels[k] in ("journal", "container") else "journal"
        labels[k + 1] = "medium"
        labels[k + 2 : end] = [host] * (end - k - 2)
        return


_BRACKETED_NAME = re.compile(r"^\([A-Z][a-z]+$")


def _real_name_after_a_handle(tokens: list[str], labels: list[str]) -> None:
    """`Baekalfen (Mads Ynddal) (2021) Title`, `nuno-faria, nlinker (Nick Linker) (2019)`: a bracketed
    given name and family name right after an opening author (a user's name) and before the
    bracketed year is that author's own name, a note, not a second author."""
    for k in range(1, len(tokens) - 2):
        if labels[k - 1] != "author":
            return  # (only inside the opening names)
        if not _BRACKETED_NAME.match(tokens[k]) or labels[k] != "author":
            continue
        if re.fullmatch(r"[A-Z][\w'’-]+\)", tokens[k + 1]) and labels[k + 2] == "date" and tokens[k + 2].startswith("("):
            if all(x == "author" for x in labels[:k]):
                labels[k] = labels[k + 1] = "note"
        return


_HANDLE = re.compile(r"[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+|[a-z]+ \d+")


def _handles_before_a_bracketed_date(tokens: list[str], labels: list[str]) -> None:
    """`accel-brain, chimera0 (2020) Reinforcement Learning Library.`: an opening run read as the title,
    made of users' names (lower case, a hyphen or a number in each, `,` between them), before a
    bracketed year and a title, is the authors."""
    runs = _runs(tuple(labels))
    if len(runs) < 3 or runs[0][0] != "title" or runs[1][0] != "date" or runs[2][0] != "title" or not tokens[runs[1][1]].startswith("("):
        return
    words = " ".join(tokens[runs[0][1] : runs[0][2]])
    if all(_HANDLE.fullmatch(part.strip()) for part in words.split(",")):
        labels[runs[0][1] : runs[0][2]] = ["author"] * (runs[0][2] - runs[0][1])


def _closing_bracket_of_the_date(tokens: list[str], labels: list[str]) -> None:
    """`(2013, August 25th ). Title`: a bracket closed after a space is the date's end, no title word."""
    for k in range(1, len(tokens)):
        if labels[k - 1] == "date" and labels[k] != "date" and re.fullmatch(r"\)[.,:]?", tokens[k]):
            labels[k] = "date"


_APA_DATE = re.compile(r"^\((?:(?:1[5-9]|20)\d\d[a-z]?|n\.d\.)\)[.,]?$")
_BARE_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d[.,]?$")
_NO_DATE = re.compile(r"^\(n\.\s?d\.\)[.,]?$")
_YEAR_SPAN_WORDS = frozenset("to bis until до по".split())
_NO_DATE_TOKENS = frozenset("(n.d.) (n.d.). (n.d.),".split())
_CLOSING_BRACKETS = frozenset(") ). ), ):".split())
_PAGE_MARKS = frozenset("С. с. P. p. pp. S.".split())


def _years_inside_an_apa_title(tokens: list[str], labels: list[str], seen: frozenset[str]) -> None:
    """APA prints the date in brackets after the authors (`(2017).`, `(n.d.).`); a year the tagger read
    inside the title after it (`The Case of Hong Kong 2014. Media and Communication`, `… in
    Deutschland, 1892 bis 2015.`) is the title's, where a title word stands before it with no mark
    between or a title word follows it; so is a span of years (`1892 bis 2015`). APA's `(n.d.)` is the
    date, never a name's word."""
    if not seen.isdisjoint(_NO_DATE_TOKENS):
        for k, token in enumerate(tokens):
            if labels[k] == "author" and k > 0 and _NO_DATE.match(token):
                labels[k] = "date"
    first = next((k for k, label in enumerate(labels) if label == "date"), None)
    if first is None or first == 0 or labels[first - 1] != "author" or not _APA_DATE.match(tokens[first]):
        return
    for k in range(first + 2, len(tokens)):
        if labels[k] != "date" or not _BARE_YEAR.match(tokens[k]) or labels[k - 1] != "title":
            continue
        span = k + 2 < len(tokens) and canonical(tokens[k + 1]) in _YEAR_SPAN_WORDS and _BARE_YEAR.match(tokens[k + 2]) and not tokens[k].endswith((",", "."))
        if span:
            labels[k : k + 3] = ["title"] * 3
        elif k + 1 < len(tokens) and labels[k + 1] == "title" or not tokens[k - 1].endswith((",", ".", ":", ";")):
            labels[k] = "title"


def _title_sentence_read_as_a_publisher(tokens: list[str], labels: list[str]) -> None:
    """`Blaxter, M. (2005). Health & Lifestyles. Taylor & Francis e-Library.`, a data set's `Family, Given
    & Given Family. 2016. The Invented Panel (pan). Data Archive, City. …`: with no title read, the
    first sentence after the date that follows the names (APA's bracket, or the year and its full
    stop), read as the start of a longer publisher or note, is the title."""
    if "title" in labels:
        return
    first = next((k for k, label in enumerate(labels) if label == "date"), None)
    if first is None or first == 0 or first + 1 >= len(tokens) or labels[first - 1] != "author":
        return
    if not _APA_DATE.match(tokens[first]) and not re.fullmatch(r"(?:1[5-9]|20)\d\d[a-z]?\.", tokens[first]):
        return
    k = first + 1
    run = labels[k]
    end = k
    while end < len(tokens) and labels[end] == run and run in ("publisher", "note") and not tokens[end].endswith("."):
        end += 1
    if k <= end < len(tokens) - 1 and end - k >= 1 and labels[end] == labels[end + 1] == run and tokens[end + 1][:1].isupper():
        labels[k : end + 1] = ["title"] * (end + 1 - k)


def _journal_read_as_a_publisher_before_pages(tokens: list[str], labels: list[str]) -> None:
    """`Title. New media & Society, 1 -19. Doi: …`: a name read as the publisher right after the title's
    full stop, closed by a comma and followed by the pages, with no place nor year after the title,
    is the journal: a publisher is not followed by an article's pages."""
    if "location" in labels:
        return
    for label, a, b in _runs(tuple(labels)):
        if label != "publisher" or a == 0 or b >= len(tokens) or labels[a - 1] != "title" or not tokens[a - 1].endswith("."):
            continue
        words = tokens[a:b]
        if any(t.endswith(",") for t in words[:-1]) or any(canonical(t) in PUBLISHER_WORDS or canonical(t).startswith("univ") for t in words) or len(tokens[a - 1]) <= 3:
            return  # `Climate Extremes and Society, Cambridge University Press, 189-208.`, `Ed. De Boeck université, 273-292.`
        if tokens[b - 1].endswith(",") and labels[b] == "pages" and "date" not in labels[b:]:
            labels[a:b] = ["journal"] * (b - a)
        return


def _host_sentence_closing_the_title(tokens: list[str], labels: list[str]) -> None:
    """Google Scholar's chapter with no `In`, `Title. Book title: Subtitle, 227-242.`, and a journal's
    name in two languages, `Title. European Journal of Population / Revue Européenne …, 29(4)`: the
    words after the title's last full stop that end where the host read starts (at a colon
    closing them, or at the host's ` / `) are the host's first words."""
    runs = _runs(tuple(labels))
    for r in range(len(runs) - 1):
        (label, a, b), (host, c, _) = runs[r], runs[r + 1]
        if label != "title" or host not in ("journal", "container") or b != c:
            continue
        stop = max((k for k in range(a, b - 2) if tokens[k].endswith(".") and len(tokens[k]) > 3 and not _DOTTED.match(tokens[k])), default=None)
        if stop is None or not tokens[stop + 1][:1].isupper() or is_place(tokens[stop + 1]):
            return  # (`… in Europa. Frankfurt am Main: Suhrkamp, 1999.`: the place)
        after = next((x for x in labels[c:] if x != host), None)
        if after in ("pages", "volume") and (tokens[b - 1].endswith(":") or tokens[c] == "/"):
            labels[stop + 1 : b] = [host] * (b - stop - 1)
        return


def _page_mark_read_into_the_publisher(tokens: list[str], labels: list[str]) -> None:
    """`Three Rivers Press. С. 377-381.`: a page mark after the publisher's full stop, before the pages,
    is the pages' mark, no word of the name (in whatever script the list writes it)."""
    for k in range(1, len(tokens) - 1):
        if labels[k] == "publisher" and tokens[k] in _PAGE_MARKS and tokens[k - 1].endswith(".") and labels[k + 1] == "pages":
            labels[k] = "pages"


_VOLUME_DOT_NUMBER = re.compile(r"^\d{1,4}\.\d{1,3}(?:[-–]\d{1,3})?$")


def _biblatex_volume_and_number(tokens: list[str], labels: list[str]) -> None:
    """biblatex's `В: Mathematical Notes 113.3–4 (апр. 2023), с. 538—551.`, `In: Journal 24.3 (2017)`:
    the number with a full stop after the host's name, before the bracketed date, is the volume
    and its issue, no word of the host; the bracket after it is the date."""
    for k in range(1, len(tokens) - 1):
        if not _VOLUME_DOT_NUMBER.match(tokens[k]) or labels[k - 1] not in ("journal", "container") or not tokens[k + 1].startswith("("):
            continue
        labels[k] = "volume"
        end = k + 1
        while end < len(tokens) and labels[end] in (labels[k - 1], "date"):
            end += 1
            if ")" in tokens[end - 1]:
                break
        labels[k + 1 : end] = ["date"] * (end - k - 1)


def _biblatex_host_after_in(tokens: list[str], labels: list[str]) -> None:
    """biblatex's `В: Electronic Notes in Discrete Mathematics 70 (2018).`: after `В:` / `In:` the words
    up to the volume before a bracketed date are one journal's name, none of them a series."""
    for k in range(len(tokens) - 3):
        if tokens[k] not in ("В:", "In:") or labels[k + 1] not in ("container", "journal", "collection"):
            continue
        end = k + 1
        while end < len(tokens) and labels[end] in ("container", "journal", "collection"):
            end += 1
        if end + 1 < len(tokens) and end - k > 2 and labels[end] == "volume" and tokens[end].isdigit() and re.fullmatch(r"\((?:1[5-9]|20)\d\d\)[.,]?", tokens[end + 1]):
            labels[k:end] = ["journal"] * (end - k)
        return


_PART_BRACKET = frozenset("(Vol. (pp. (p.".split())


def _words_before_apas_part_bracket(tokens: list[str], labels: list[str]) -> None:
    """APA's book or report part, `Title Using the SOEP Version of SF-12v2 (Vol. 1, pp. 171–182).`,
    `… Field Report (Waves 1 to 7) (pp. 1–35).`: the volume and pages stand in that bracket; the words
    between the open title and it, read as a journal, volume or issue, are the title's."""
    for k in range(2, len(tokens)):
        if tokens[k] not in _PART_BRACKET or labels[k] not in ("volume", "pages"):
            continue
        j = k - 1
        while j > 0 and labels[j] in ("journal", "container", "volume", "issue") and not tokens[j].endswith((".", ",")):
            j -= 1
        if j < k - 1 and labels[j] == "title" and not tokens[j].endswith((".", ",", ":")):
            labels[j + 1 : k] = ["title"] * (k - 1 - j)
        return


_STRONG_JOURNAL_WORDS = frozenset("journal журнал вестник известия review letters bulletin annals transactions proceedings quarterly magazine acta хабаршысы j sci rev lett bull".split())


def _batch_25_conventions(tokens: list[str], labels: list[str], seen: frozenset[str], text: str) -> None:
    """Batch 25's conventions, run after the others: a site's designation after `//`, a user's real
    name in brackets and users' names as authors, APA's date bracket closed after a space, years
    inside an APA title, a title read as a publisher, a journal read as a
    publisher before the pages, a host's sentence read into the title, a page mark read into the
    publisher, the words before APA's `(Vol. 1, pp. …)`, biblatex's `24.3 (2017)` and its host after
    `В:`."""
    if "//" in seen:
        _site_after_the_host_mark(tokens, labels)
    if labels[0] == "author" and "(" in text:  # (`(Real Name)` inside the opening names)
        _real_name_after_a_handle(tokens, labels)
    if labels[0] == "title":
        _handles_before_a_bracketed_date(tokens, labels)
    if not seen.isdisjoint(_CLOSING_BRACKETS):
        _closing_bracket_of_the_date(tokens, labels)
    if "(" in text:  # (APA's bracketed date, `(n.d.)`)
        _years_inside_an_apa_title(tokens, labels, seen)
    _title_sentence_read_as_a_publisher(tokens, labels)
    if "publisher" in labels:
        _journal_read_as_a_publisher_before_pages(tokens, labels)
    if "journal" in labels or "container" in labels:
        _host_sentence_closing_the_title(tokens, labels)
    if not seen.isdisjoint(_PAGE_MARKS):
        _page_mark_read_into_the_publisher(tokens, labels)
    if not seen.isdisjoint(_PART_BRACKET):
        _words_before_apas_part_bracket(tokens, labels)
    if "В:" in seen or "In:" in seen:
        _biblatex_volume_and_number(tokens, labels)
        _biblatex_host_after_in(tokens, labels)


# ---- tagger43's conventions (from the development split's misses) --

_A_LINK = re.compile(r"^\(?(?:https?://|www\.)\S+$")


def _link_read_into_the_imprint(tokens: list[str], labels: list[str]) -> None:
    """`… (New York: Springer) (https://doi.org/10.1007/…)`, `Queen Mary University of London,
    www.dcs.qmul.ac.uk/research/…, 2001.`: a web address is never a publisher's or a place's name;
    read into the imprint it is the link (a DOI's when it resolves one)."""
    for k, token in enumerate(tokens):
        if labels[k] in ("publisher", "location") and _A_LINK.match(token):
            labels[k] = "doi" if "doi.org/10." in token else "url"


def _last_family_name_read_as_the_host(tokens: list[str], labels: list[str]) -> None:
    """The last name of a list keeps the list's form, so its family name is no host's first word:
    in an initials-first list that ends on initials, the next capitalised word closed by the
    list's comma is the family name (`S.E. Pollack, D. Dries, R.G. Hulet, Science 326`); in a
    Vancouver list whose names close with commas, a `Family INITIALS` pair opening the host or
    title before more capitalised words is the last name, printed without its comma
    (`…, Hasnain S, Xuong N Biochemistry 1992;`)."""
    runs = _runs(tuple(labels))
    if len(runs) < 2 or runs[0][0] != "author" or runs[1][0] not in ("journal", "container", "title"):
        return
    b, c = runs[0][2], runs[1][2]
    form = _form(tokens[:b])
    if form == "initials-first" and b >= 3 and c - b >= 2 and "." in tokens[0] and _kind(tokens[b - 1], False) == "init":
        k = b - 1
        while k > 1 and _kind(tokens[k - 1], False) == "init":
            k -= 1
        word = tokens[b]
        if (tokens[k - 1].endswith(",") or tokens[k - 1] in ("and", "&")) and word.endswith(",") and _GIVEN_FAMILY.match(word[:-1]):
            if canonical(word) not in _TITLE_OPENERS and tokens[b + 1][:1].isupper():
                labels[b] = "author"
    elif form == "family-first" and tokens[b - 1].endswith(",") and c - b >= 3 and _VANCOUVER_INITIALS.fullmatch(tokens[b + 1]):
        if _LATIN_FAMILY.fullmatch(tokens[b]) and tokens[b + 2][:1].isupper() and _VANCOUVER_INITIALS.fullmatch(tokens[b - 1][:-1]):
            labels[b : b + 2] = ["author", "author"]


_ROLE_BRACKET = re.compile(r"^\((?:editors?|eds?|hg|hrsg)\.?\)[.,:]?$", re.IGNORECASE)


def _names_closed_by_a_role_bracket(tokens: list[str], labels: list[str]) -> None:
    """`M. C. Ferris and J.-S. Pang (editors). Title.`, `Silvia Stoller, Gerhard Unterthurner (Hg.):
    Title.`: a bracketed role closes the list of names it follows, so the name words read as the
    title's first words before it are the last name's, and the whole list is the editors' (a
    book cited whole)."""
    runs = _runs(tuple(labels))
    if len(runs) < 2 or runs[0][0] != "author" or runs[1][0] != "title":
        return
    b, c = runs[0][2], runs[1][2]
    role = next((k for k in range(b, min(b + 4, c - 1)) if _ROLE_BRACKET.match(tokens[k])), None)
    if role is None or role == b:
        return
    if all(_GIVEN_FAMILY.match(tokens[k].rstrip(",")) for k in range(b, role)):
        labels[: role + 1] = ["editor"] * (role + 1)


# A publishing house's words: a short sentence holding one, read as the title's last, is the imprint.
_HOUSE_WORDS = frozenset("press publishing publishers verlag editions éditions ediciones edizioni editora editorial".split())


def _imprint_read_into_the_titles_end(tokens: list[str], labels: list[str]) -> None:
    """`… User's Guide. MathWorks, | Natick, Mass.`, `… d'effort. Editions médico-chirurgicales.
    Gynécologie, 300`: the title's last sentence, one to five words after its full stop, is the
    publisher when it names a publishing house, or, in the author-date order, when its capitalised
    words closed by a comma are followed by the place alone, closing the entry."""
    runs = _runs(tuple(labels))
    for n, (label, a, b) in enumerate(runs):
        if label != "title" or b - a < 3:
            continue
        stop = next((k for k in range(b - 2, a, -1) if tokens[k].endswith(".") and len(tokens[k].strip(".")) > 3), None)
        if stop is None or not 1 <= b - stop - 1 <= 5 or not tokens[stop + 1][:1].isupper():
            continue
        words = tokens[stop + 1 : b]
        house = any(canonical(w) in _HOUSE_WORDS for w in words) and words[-1].endswith((".", ","))
        rest = [r[0] for r in runs[n + 1 :]]
        # the author-date order (the year before the title) ends with `Publisher, Place.`, no year
        # after it: a subtitle before `Place Year` (`Homer's World. Fiction, Tradition, Reality,
        # Bergen 1995.`) is the title's
        place = rest == ["location"] and "date" in (r[0] for r in runs[:n]) and words[-1].endswith(",")
        place = place and all(w[:1].isupper() and not w[:-1].endswith(",") for w in words) and canonical(words[0]) not in _TITLE_OPENERS
        if house or place:
            labels[stop + 1 : b] = ["publisher"] * (b - stop - 1)
        return


_PART_MARK_WORD = frozenset("chapter chap ch section sect sec volume vol".split())  # (a `Part I` is often the title's own)
_PART_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*|\d+(?:st|nd|rd|th)|[IVXLC]+)[.,]?$")


def _part_closing_the_title(tokens: list[str], labels: list[str]) -> None:
    """`Dynamics of structures: …, volume 4th. Prentice Hall`, `High Speed Cable Modems, Chapter 14,
    Section 14.2, pp. 512-518`, `…, volume 82 of CBMS …`: after the title's comma, marks of a
    volume, chapter or section with their numbers closing the title run (the last number perhaps
    read apart) name the part cited, no words of the title: its number is the volume (as the
    labelled data have it)."""
    for label, a, b in _runs(tuple(labels)):
        if label != "title":
            continue
        start = next((i for i in range(a + 1, b) if tokens[i - 1].endswith(",") and canonical(tokens[i]) in _PART_MARK_WORD), None)
        if start is None or start < a + 2:
            continue
        end, i = start, start
        while i < b and canonical(tokens[i]) in _PART_MARK_WORD:
            if i + 1 < len(tokens) and _PART_NUMBER.match(tokens[i + 1]) and (i + 1 < b or i + 2 == len(tokens) or labels[i + 1] != "pages"):
                end, i = i + 2, i + 2
            else:
                break
        if i >= b and end >= b:
            labels[start:end] = ["volume"] * (end - start)
        return


_MEETING_WORDS = frozenset("conference symposium workshop congress colloquium proceedings".split())


def _meeting_after_the_titles_last_comma(tokens: list[str], labels: list[str]) -> None:
    """`Wan, W.: A New Approach to …, European Design Automation Conference, pages 23`: with no host
    read, capitalised words after the title's last comma naming a meeting (`Conference`,
    `Symposium`, `Workshop`), closed by a comma before the pages, the date or the place, are the
    host: a paper's proceedings, not its title's last words."""
    if any(label in _HOSTS for label in labels):
        return
    runs = _runs(tuple(labels))
    for n, (label, a, b) in enumerate(runs):
        if label != "title" or n + 1 >= len(runs) or runs[n + 1][0] not in ("pages", "date", "location") or not tokens[b - 1].endswith(","):
            continue
        c = next((k for k in range(b - 2, a, -1) if tokens[k].endswith(",")), None)
        if c is None or not 2 <= b - c - 1 <= 8:
            return
        words = tokens[c + 1 : b]
        if words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in _JOURNAL_LINKS for w in words):
            if any(canonical(w) in _MEETING_WORDS for w in words) and not any(q in t for t in tokens[a:b] for q in "“”\"«»„"):
                labels[c + 1 : b] = ["container"] * (b - c - 1)
        return


def _tagger43_conventions(tokens: list[str], labels: list[str], seen: frozenset[str], text: str) -> None:
    """Conventions written from the development split's misses (tagger43): a link read into the
    imprint, the last author's family name read as the host's first word, names closed by a
    bracketed role, an imprint read into the title's last sentence, a part's marks closing the
    title, a meeting after the title's last comma."""
    if ("://" in text or "www." in text) and ("publisher" in labels or "location" in labels):
        _link_read_into_the_imprint(tokens, labels)
    if labels[0] == "author":
        _last_family_name_read_as_the_host(tokens, labels)
        if "(" in text:  # (the role's bracket)
            _names_closed_by_a_role_bracket(tokens, labels)
    if "location" in labels or not _HOUSE_WORDS.isdisjoint(seen):
        _imprint_read_into_the_titles_end(tokens, labels)
    if not _PART_MARK_WORD.isdisjoint(seen):
        _part_closing_the_title(tokens, labels)
    if not _MEETING_WORDS.isdisjoint(seen) and "journal" not in labels and "container" not in labels:
        _meeting_after_the_titles_last_comma(tokens, labels)


_HOSTS_OPENING_IN = frozenset({"In", "In:", "in", "in:"})


def _proceedings_words_after_in(tokens: list[str], labels: list[str]) -> None:
    """`In Proceedings of the | Vertebrate Pest Conference`, `In : Proceedings of the ACM …`: a host
    mark read as a host of its own, a short title run, then the host: the run between is the
    host's first words (or its colon), as a CSL style prints `In Proceedings of the <name>` (the
    shipped model was trained on labels that split it so, before tagger41 relabelled them)."""
    runs = _runs(tuple(labels))
    for n in range(len(runs) - 2):
        (l1, a1, b1), (l2, a2, b2), (l3, a3, b3) = runs[n : n + 3]
        if l1 in _HOSTS and l3 == l1 and l2 == "title" and b1 - a1 == 1 and tokens[a1] in _HOSTS_OPENING_IN and b2 - a2 <= 4 \
                and not tokens[b2 - 1].endswith((".", ",", ";")) and n > 0 and runs[n - 1][0] == "title":
            labels[a2:b2] = [l1] * (b2 - a2)
            return


# A host's volume printed with the Chinese locale's term (`Lunar and Planetary Science: 卷 691`): the
# term is the volume's, never the host's last word.
_VOLUME_TERMS = frozenset({"卷", "卷.", "卷,"})


def _volume_term_closing_the_host(tokens: list[str], labels: list[str]) -> None:
    for k in range(1, len(tokens) - 1):
        if tokens[k] in _VOLUME_TERMS and labels[k] in _HOSTS and labels[k + 1] == "volume" and labels[k - 1] == labels[k]:
            labels[k] = "volume"


def _medium_closing_the_host(tokens: list[str], labels: list[str]) -> None:
    """`Physics Today. Online. 1993. Vol. 350`: ISO 690's unbracketed medium after the journal's own
    full stop (as after a title: _medium_closing_the_title) is no word of the journal's name."""
    for label, a, b in _runs(tuple(labels)):
        if label in _HOSTS and b - a >= 2 and tokens[b - 1] == "Online." and tokens[b - 2].endswith("."):
            labels[b - 1] = "medium"


def _tagger44_conventions(tokens: list[str], labels: list[str], seen: frozenset[str]) -> None:
    """Conventions written from the misses of the synthetic training lines read with the shipped model
    (tagger44): `In Proceedings of the` read in three, a host's volume term, ISO 690's medium after
    the journal."""
    if not _HOSTS_OPENING_IN.isdisjoint(seen):
        _proceedings_words_after_in(tokens, labels)
    if not _VOLUME_TERMS.isdisjoint(seen):
        _volume_term_closing_the_host(tokens, labels)
    if "Online." in seen:
        _medium_closing_the_host(tokens, labels)


# A word in the possessive (`Freud’s`, `Students'`) names whose the next word is: it never ends a title.
_POSSESSIVE = re.compile(r"^[^\W\d_]+(?:[’']s|s[’'])$")


def _possessive_closing_the_title(tokens: list[str], labels: list[str]) -> None:
    """`… A Complement to Freud’s | Metapsychology, Palgrave Macmillan`, `… Computer Science
    Students' | Attitudes Toward Computers, International Telecommunication Union`: a title read
    to a word in the possessive, with no mark after it, goes on to the next element's end (its
    comma or full stop): the words read as the next element to there are the title's."""
    runs = _runs(tuple(labels))
    for (label, a, b), (nxt, c, d) in zip(runs, runs[1:]):
        if label != "title" or nxt in ("title", "author", "editor") or b - a < 2 or not _POSSESSIVE.match(tokens[b - 1]):
            continue
        end = next((k for k in range(c, d) if tokens[k].endswith((",", ".", ";", ":"))), None)
        if end is not None and end + 1 < len(tokens):
            labels[c : end + 1] = ["title"] * (end + 1 - c)
        return


# Words that join a title's words and never end it (`… Ancient Greece and | Rome, Oxford 1951`).
# Not `in` (GROBID labels `…, in` before a host as the title's), nor French `a` (`à`).
_LINK_WORDS_NO_TITLE_ENDS_ON = frozenset("and of for on the with to from by at und der die das des zur zum für et de du la le les и для".split())


def _title_ending_on_a_link_word(tokens: list[str], labels: list[str], read: tuple[str, ...]) -> None:
    """`Books and Readers in Ancient Greece and | Rome, Oxford 1951`, `Operator Algebras and |
    Quantum Statistical Mechanics II.`, `The Isolation and Sequence of the | Gene Encoding T8:`: a
    title read to `and`, `of`, `the` (with no mark) goes on past it, to the end of the next run
    (a host, a place, a note) or that run's first comma or full stop; a publisher after it is left
    alone (`The University of | Chicago Press`: the title's end is what is wrong there), and so is
    a host opened by its mark (`In:`), and so is a run in which a sentence ended before the link
    word (`Scale 1998 (EMS-98). Cahiers du Centre de`: the words after that end may open the next
    element, a series, a host). Only where the tagger itself read the link word as the title's
    (`read`): a link word an earlier convention gave the title is that convention's."""
    runs = _runs(tuple(labels))
    for (label, a, b), (nxt, c, d) in zip(runs, runs[1:]):
        if label != "title" or b - a < 2 or tokens[b - 1] not in _LINK_WORDS_NO_TITLE_ENDS_ON or read[b - 1] != "title":
            continue
        if nxt not in ("journal", "container", "collection", "location", "note") or not tokens[c][:1].isalpha() or tokens[c] in _HOSTS_OPENING_IN:
            return
        if any((_SENTENCE_END_WORD.match(tokens[k]) or tokens[k].endswith((").", "]."))) and tokens[k + 1][:1].isupper() for k in range(a, b - 1)):
            return  # a sentence ended inside the run: the words after it may be the next element's (`Scale 1998. Cahiers du Centre de | …`)
        end = next((k for k in range(c, d) if tokens[k].endswith((",", ".", ";", ":"))), d - 1)
        labels[c : end + 1] = ["title"] * (end + 1 - c)
        return


def _in_inside_an_unclosed_title(tokens: list[str], labels: list[str]) -> None:
    """`… harvesting waterfowl | in North America. Transactions of the North American …`, `…
    Parasite Genes | in Escherichia Coli, in Circumnavigating Theoretical Physics`: a host is opened
    by `in` after the title's own mark; read right after a title word with no mark, `in` is the
    title's preposition, and the title goes on to the first comma or full stop of that run, the
    host after it (so only where the run goes on past that mark)."""
    runs = _runs(tuple(labels))
    for (label, a, b), (nxt, c, d) in zip(runs, runs[1:]):
        if label != "title" or nxt not in _HOSTS or tokens[c] != "in" or not tokens[b - 1][-1:].isalnum():
            continue
        end = next((k for k in range(c + 1, d) if tokens[k].endswith((",", "."))), None)
        if end is not None and end + 1 < d and tokens[end + 1][:1].isalpha():
            labels[c : end + 1] = ["title"] * (end + 1 - c)
        return


_NO_NAME_OPENERS = frozenset("For Of With To From On At Into Through Towards Toward Against Between Without Within Versus Via".split())


def _function_word_opening_names_after_the_title(tokens: list[str], labels: list[str]) -> None:
    """`Gaver W. The Affordances Of Media Spaces | For Collaboration. | In Proceedings …`: a title in
    title case read as names from a capitalised preposition (`For`, `Of`, `With`): no name opens
    with one, so the run after the title that does is the title's."""
    runs = _runs(tuple(labels))
    for (label, a, b), (nxt, c, d) in zip(runs, runs[1:]):
        if label == "title" and nxt == "author" and tokens[c] in _NO_NAME_OPENERS and not tokens[b - 1].endswith((".", ":", ";")):
            labels[c:d] = ["title"] * (d - c)
            return


_PLACE_YEAR_CLOSE = re.compile(r"^(?:1[5-9]|20)\d\d[a-z]?\.?$")


def _place_before_the_closing_year(tokens: list[str], labels: list[str]) -> None:
    """`… Phänomenologie und Hermeneutik. Nordhausen 2012.`, `J.M. Foley, Homer's Traditional Art,
    University Park 1999.`: the humanities' imprint of a place alone before the year that closes
    the entry (`Amsterdam 2003.`, `Wiesbaden 1968.`, as the labelled lines have it): one or two
    capitalised words read as the publisher there, with no mark before the year, no place read
    and no publishing house's word, are the place."""
    n = len(tokens)
    if n < 4 or labels[-1] != "date" or not _PLACE_YEAR_CLOSE.match(tokens[-1]) or "location" in labels:
        return
    k = n - 1
    a = k
    while a > 0 and labels[a - 1] == "publisher":
        a -= 1
    if not 1 <= k - a <= 2 or "publisher" in labels[:a] or not tokens[a - 1].endswith((",", ".")):
        return
    words = tokens[a:k]
    if any(not w[:1].isupper() or not w.replace("-", "").isalpha() or canonical(w) in _HOUSE_WORDS or canonical(w) in PUBLISHER_WORDS for w in words):
        return
    labels[a:k] = ["location"] * (k - a)


_ROLE_CLOSING_EDITORS = re.compile(r"^\(?(?:[Ee]ds?|[Ee]ditors?|[Hh]rsg|[Hh]g)\.?\)?[.,:;]?$")


def _host_after_the_editors_role(tokens: list[str], labels: list[str]) -> None:
    """`in: Ana Sgambato, John Steiniger (Eds.), | Handbook of Labor Economics, Taylor, Nash, &
    Taylor, Ross-on-Wye`, `In : Carol M. FLECK and Steven CHEN (eds.), Boethius: His Life, |
    Thought and Influence. Walter de Gruyter`: after the editors' role the book's title comes,
    with no host read, so the words after the role read with the editors, and the publisher's first
    part after them (to its first comma or full stop, when the publisher goes on after it and that
    part names no publishing house), are the host."""
    if not set(labels).isdisjoint(("journal", "container", "collection")):
        return
    runs = _runs(tuple(labels))
    for (label, a, b), (nxt, c, d) in zip(runs, runs[1:]):
        if label != "editor" or nxt != "publisher":
            continue
        role = next((k for k in range(b - 1, a, -1) if _ROLE_CLOSING_EDITORS.match(tokens[k])), None)
        if role is None or not tokens[role].endswith((",", ")", ".")):
            return
        end = next((k for k in range(c, d) if tokens[k].endswith((",", "."))), None)
        if end is None or end + 1 >= d or end == c and role + 1 == b:
            return
        if any(canonical(w) in _HOUSE_WORDS or canonical(w) in PUBLISHER_WORDS for w in tokens[c : end + 1]):
            return
        labels[role + 1 : end + 1] = ["container"] * (end - role)
        return


_PUBLISHER_DESIGNATIONS = frozenset("издательство изд издво publisher publishers publ verlag баспа баспасы".split())


def _place_after_the_publishers_colon(tokens: list[str], labels: list[str]) -> None:
    """ACS's `Publisher: City, Year` (`…; 5th ed.; Prentice Hall: Port Moresby, 1976`, `World Book:
    Waterloo, Ontario, 1990`): read as one publisher, the one to three capitalised words after the
    colon, closed by a comma before the date or the place, are the place, where no word before
    the colon is a place (APA's `City: Publisher` then) and none after it a publishing house's
    (`Coventry: Warwick UP`), and every word before the colon is capitalised (`М. [и др.]: Питер`
    is GOST's places and publisher)."""
    for label, a, b in _runs(tuple(labels)):
        if label != "publisher":
            continue
        k = next((i for i in range(a, b - 1) if tokens[i].endswith(":") and len(tokens[i]) > 2), None)
        if k is None or any(is_place(tokens[i]) for i in range(a, k + 1)) or [canonical(t) for t in tokens[a : k + 1] if canonical(t)] == [canonical(tokens[k])] and canonical(tokens[k]) in _PUBLISHER_DESIGNATIONS:
            continue  # (`Издательство: Ридеро, 2018`: the colon follows the element's designation)
        if not all(tokens[i][:1].isupper() for i in range(a, k + 1)):
            continue  # a publisher's name is capitalised words: GOST's `[и др.]:` after the places is none
        e = next((i for i in range(k + 1, min(k + 4, b)) if tokens[i].endswith(",")), None)
        if e is None or e + 1 < b or e + 1 >= len(tokens) or labels[e + 1] not in ("date", "location"):
            continue
        words = tokens[k + 1 : e + 1]
        if all(w[:1].isupper() and w.rstrip(",").replace("-", "").isalpha() and canonical(w) not in PUBLISHER_WORDS and canonical(w) not in _HOUSE_WORDS and canonical(w) != "up" for w in words):
            labels[k + 1 : e + 1] = ["location"] * (e - k)


_NAME_INITIAL = re.compile(rf"^(?:[{_UP}][a-zа-яё]?\.[-‐]?){{1,3}}[,;:]?$|^[{_UP}]{{1,3}}[,;:]?$")  # `T.`, `F.B.`, Vancouver's `M`
_NAME_JOINS = frozenset("and und & et и және y e".split())


def _title_words_closed_by_a_colon_after_the_names(tokens: list[str], labels: list[str]) -> None:
    """`James Gleick, Chaos: | Making a New Science`, `de Waal T., Black Garden: | Armenia and
    Azerbaijan …`: one to three capitalised words closed by a colon, read as the names' last part,
    after a name that is whole (two words or more, or with an initial) and closed by its comma,
    are the title's first words: a name is no colon's, and those words are no given name (not
    `…, Willmann, Marc:`, whose family name stands alone before them)."""
    runs = _runs(tuple(labels))
    if len(runs) < 2 or runs[0][0] != "author" or runs[1][0] != "title":
        return
    b = runs[0][2]
    if not tokens[b - 1].endswith(":"):
        return
    k = next((i for i in range(b - 2, 0, -1) if tokens[i].endswith(",")), None)
    if k is None or not 1 <= b - k - 1 <= 3:
        return
    if any(_NAME_INITIAL.match(w) or not w[:1].isupper() or canonical(w) in GIVEN_NAMES for w in tokens[k + 1 : b]):
        return
    j = next((i for i in range(k - 1, -1, -1) if tokens[i].endswith((",", ";")) or tokens[i] in _NAME_JOINS), -1)
    name = tokens[j + 1 : k + 1]
    if any(_NAME_INITIAL.match(w) for w in name) or len(name) >= 2:
        labels[k + 1 : b] = ["title"] * (b - k - 1)


def _tagger45_conventions(tokens: list[str], labels: list[str], seen: frozenset[str], read: tuple[str, ...]) -> None:
    """Conventions written from the misses of training lines read by a model trained without them
    (tagger45: a second tenth of the training lines held back as train.py's development split is),
    checked on the development split: a title closed by a word in the possessive or by `and`/`of`,
    `in` inside an unclosed title, names opened by a preposition, title words closed by a colon
    read as the last name, a place alone before the closing
    year, the host after the editors' role, ACS's place after the publisher's colon (`read`: the
    tagger's own labels)."""
    if "title" in labels:
        if any(("'" in t or "’" in t) for t in seen):
            _possessive_closing_the_title(tokens, labels)
        if not _LINK_WORDS_NO_TITLE_ENDS_ON.isdisjoint(seen):
            _title_ending_on_a_link_word(tokens, labels, read)
        if "in" in seen:
            _in_inside_an_unclosed_title(tokens, labels)
        if "author" in labels and not _NO_NAME_OPENERS.isdisjoint(seen):
            _function_word_opening_names_after_the_title(tokens, labels)
        if labels[0] == "author" and any(t.endswith(":") for t in seen):
            _title_words_closed_by_a_colon_after_the_names(tokens, labels)
    if labels[-1] == "date" and "publisher" in labels:
        _place_before_the_closing_year(tokens, labels)
    if "editor" in labels and "publisher" in labels:
        _host_after_the_editors_role(tokens, labels)
    if "publisher" in labels and any(t.endswith(":") for t in seen):
        _place_after_the_publishers_colon(tokens, labels)


# ACS's role closing the editors before the imprint (`P. Liapis, Ed.; Peter Lang, 1973;`).
_ROLE_SEMICOLON = re.compile(r"^(?:[Ee]ds?|[Ee]ditors?)\.?;$")
_ACS_IMPRINT_LABELS = frozenset({"publisher", "location", "author", "editor", "journal", "container", "note"})
_ACS_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d[a-z]?[;.]?$")
# A US state's code or abbreviation closed by the colon (`Hillsdale, NJ:`, `Cambridge, Mass.:`): APA's
# and Chicago's `City, ST: Publisher`, whose place comes first.
_STATE_BEFORE_THE_COLON = re.compile(r"^(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]|[A-Z][a-z]{1,4}\.):$")


def _acs_imprint_after_the_semicolon(tokens: list[str], labels: list[str]) -> None:
    """ACS's imprint, `…; Publisher: Place, Year; p 12` (`…; AAAI: Providence, RI, 2004;`, `…;
    IVP Academic: The Hague, Netherlands, 1939;`, `…; Le Monde: Hamilton, 1881;`): after the last
    semicolon before the year come the publisher, its colon, the place and the year's comma, so
    the words before the colon are the publisher's and those after it the place's, where they
    were read otherwise (the place and publisher swapped, a publisher's initials as a name); where
    no word before the colon is a place, nor a state's code after a comma (a `; Place: Publisher`,
    `; Hillsdale, NJ: Erlbaum` is some other style's). After an
    editors' role closed by the semicolon (`P. Liapis, Ed.; Peter Lang, 1973;`) the words to the
    year's comma with no colon, read with the names, are the publisher whole (a place read as
    such stays the place: `eds.; Monterey, CA, 1972;`)."""
    d = next((i for i in range(3, len(tokens)) if labels[i] == "date" and _ACS_YEAR.match(tokens[i]) and tokens[i - 1].endswith(",")), None)
    if d is None:
        return
    k = next((i for i in range(d - 1, 0, -1) if tokens[i].endswith(";")), None)
    if k is None or not 1 <= d - k - 1 <= 8 or any(labels[i] not in _ACS_IMPRINT_LABELS for i in range(k + 1, d)):
        return
    c = next((i for i in range(k + 1, d - 1) if tokens[i].endswith(":") and len(tokens[i]) > 1), None)
    if c is None:
        if _ROLE_SEMICOLON.match(tokens[k]) and tokens[k + 1][:1].isupper() and "location" not in labels[k + 1 : d] and not any(map(is_place, tokens[k + 1 : d])):
            labels[k + 1 : d] = ["publisher"] * (d - k - 1)  # (not `eds.; Gainsville, 1901;`: ACS's place alone, read so)
        return
    before, after = tokens[k + 1 : c + 1], tokens[c + 1 : d]
    if not after or len(after) > 4 or any(is_place(w) for w in before) or not all(w[:1].isupper() or w in ("and", "&") for w in before):
        return
    if len(before) > 1 and before[-2].endswith(",") and _STATE_BEFORE_THE_COLON.match(before[-1]):
        return  # `Hillsdale, NJ: Erlbaum`: a city and its state before the colon
    if any(ch.isdigit() for w in before + after for ch in w) or not after[0][:1].isupper():
        return
    labels[k + 1 : c + 1] = ["publisher"] * (c - k)
    labels[c + 1 : d] = ["location"] * (d - c - 1)


_PAGE_RANGE_STOP = re.compile(r"^\d{1,5}[-–]\d{1,5}\.$")
_BRACKETED_YEAR_CLOSE = re.compile(r"^\((?:1[5-9]|20)\d\d[a-z]?\)[.,]?$")


def _publisher_after_the_pages_full_stop(tokens: list[str], labels: list[str]) -> None:
    """Springer's LNCS form, `In: Proceedings of …. pp. 517–520. ASP (1981).`: the publisher follows
    the pages' full stop, before the bracketed year; capitalised words read with the pages there
    are the publisher."""
    for k in range(1, len(tokens) - 2):
        if labels[k] != "pages" or not _PAGE_RANGE_STOP.match(tokens[k]):
            continue
        y = next((i for i in range(k + 1, min(k + 7, len(tokens))) if _BRACKETED_YEAR_CLOSE.match(tokens[i])), None)
        if y is None or y == k + 1:
            return
        words = tokens[k + 1 : y]
        if all(labels[i] == "pages" for i in range(k + 1, y)) and all(w[:1].isupper() and not any(ch.isdigit() for ch in w) for w in words):
            labels[k + 1 : y] = ["publisher"] * (y - k - 1)
        return


# Words no publisher's name holds: a meeting's, a part's, a series' (`…, Part II, Berlin`).
_NO_PUBLISHER_WORDS = _PROCEEDINGS_NAMES | _MEETING_WORDS | _PART_MARK_WORD | _SERIES_WORD | frozenset("part special issue notes lecture".split())
_PUBLISHER_LINKS = frozenset("and & of de du der des la le".split())


def _names_a_place(tokens: list[str]) -> bool:
    """A city or a country among the tokens, or two of them making a city's name (`New York`)."""
    words = [t.strip(",.;:()") for t in tokens]
    return any(is_place(t) or is_country(t) for t in tokens) or any(canonical(a + b) in _PLACE_FORMS for a, b in zip(words, words[1:]))


def _publisher_closing_the_host_before_the_place(tokens: list[str], labels: list[str]) -> None:
    """Elsevier's and AIP's imprint after the book, `in: L.E. Strieter (Ed.), Proceedings of the IFIP
    Conference, World Book, Bern, 2010: pp. 1–27.`, `… Nuclear Reaction Mechanisms, Ricerca
    Scientifica, Milano, Italy, 1988`, `[The Encyclopedia of Optical Engineering]. Marcel Dekker, New
    York (2000)`: the host's last comma part, read with the host right before a place (a city or a
    country, the year after it), is the publisher, where it is two to four capitalised words with
    no digit, no place's and no meeting's, part's or series' word, and the host keeps three words
    of its own (not `CES Conference, Sc Po, Paris`); a part joined by `and`, `of` names a publisher
    only with a publishing house's word (not `Conference on AI, Ethics and Society, New York`)."""
    runs = _runs(tuple(labels))
    for n in range(len(runs) - 2):
        (host, a, b), (nxt, c, d), (after, _, _) = runs[n : n + 3]
        if host not in ("container", "journal", "collection") or nxt != "location" or after != "date":
            continue
        if not _names_a_place(tokens[c:d]) or not tokens[b - 1].endswith(",") and not tokens[c].startswith(","):
            return
        e = b - 1 if tokens[b - 1] in (",", ".") else b  # (`Permanente ,`: PDF text's comma standing alone)
        j = next((i for i in range(e - 2, a, -1) if tokens[i].endswith(",") or tokens[i].endswith(("].", ").")) or _SENTENCE_END_WORD.match(tokens[i]) and len(tokens[i]) > 5), None)
        if j is None or j - a < 2 or not 2 <= e - j - 1 <= 4:  # (one word may close the host's name: `…, Analyses, Exegesis`, `…, ACM`)
            return
        words = tokens[j + 1 : e]
        if not words[0][:1].isupper() or any(ch.isdigit() for w in words for ch in w) or any(is_place(w) or is_country(w) for w in words):
            return
        if any(canonical(w) in _NO_PUBLISHER_WORDS or not (w[:1].isupper() or w.lstrip(",") in _PUBLISHER_LINKS) for w in words):
            return
        if any(w in _PUBLISHER_LINKS for w in words) and not any(canonical(w) in _HOUSE_WORDS or canonical(w) in PUBLISHER_WORDS or _FIRM_SUFFIX.match(w) for w in words):
            return  # a link word with no house's word: the host's name goes on (`Conference on AI, Ethics and Society, New York`)
        labels[j + 1 : b] = ["publisher"] * (b - j - 1)
        return


_ROLE_INSIDE_A_HOST = re.compile(r"^\(?(?:[Ee]ds?|[Ee]ditors?|[Hh]rsg|[Hh]g)\.?\)?[,.:]?$")
_EDITOR_NAME_WORD = re.compile(r"^[A-ZÀ-ÝА-ЯЁ][\w.'’‐-]*,?$")


def _editors_read_into_the_host(tokens: list[str], labels: list[str]) -> None:
    """Chicago's and the humanities' `in Bettina Bradbury and Tamara Myers, eds., Negotiating
    Identities …`, `in Bill Puka, ed. Moral Development: …`, `in: Johannes Feiner e Magnus Löhrer
    (ed.), Mysterium Salutis …`: names and their role before the book's title, read with the host,
    are the editors; the host starts after the role. Only where every word before the role is a
    name's (capitalised, initials, `and`, `&`, `e`, `et`, `und`), closed by a comma or the role in
    brackets, and two words or more of the host follow it."""
    for label, a, b in _runs(tuple(labels)):
        if label not in ("container", "journal", "collection"):
            continue
        s = a + 1 if tokens[a] in _HOSTS_OPENING_IN else a
        r = next((i for i in range(s + 2, b - 2) if _ROLE_INSIDE_A_HOST.match(tokens[i])), None)
        if r is None or r - s > 12 or not (tokens[r - 1].endswith(",") or tokens[r].startswith("(")):
            continue
        names = tokens[s:r]
        if canonical(names[0]) in _TITLE_OPENERS or any(not _EDITOR_NAME_WORD.match(w) and w not in _NAME_JOINS for w in names):
            continue
        if any(canonical(w) in _NO_PUBLISHER_WORDS for w in names) or not tokens[r + 1][:1].isupper():
            continue
        labels[a : r + 1] = ["editor"] * (r + 1 - a)
        return


def _tagger49_conventions(tokens: list[str], labels: list[str], text: str) -> None:
    """Conventions written from the misses of the development split and of the other folds' lines
    read by models trained without them (tagger49): ACS's imprint after its semicolon, Springer's
    publisher after the pages, a publisher closing the host before the place, editors read into the host."""
    if ";" in text and "date" in labels:
        _acs_imprint_after_the_semicolon(tokens, labels)
    if "pages" in labels and "(" in text:
        _publisher_after_the_pages_full_stop(tokens, labels)
    if "location" in labels and "date" in labels:
        _publisher_closing_the_host_before_the_place(tokens, labels)
    if "container" in labels or "journal" in labels or "collection" in labels:
        _editors_read_into_the_host(tokens, labels)


def _tagger50_conventions(tokens: list[str], labels: list[str]) -> None:
    """Conventions written from the misses of folds 3 and 4, each read by a model trained without
    its lines (tagger50): the journal as the title's last comma part before an article's numbers,
    the title of a book cited by its editors (the host after a closed quote before the year and the
    volume is _words_after_a_closed_quote's)."""
    if "title" in labels and ("volume" in labels or "issue" in labels):
        _journal_as_the_titles_last_comma_part(tokens, labels)
    if "title" not in labels and "editor" in labels:
        _title_of_a_book_cited_by_its_editors(tokens, labels)


def _journal_as_the_titles_last_comma_part(tokens: list[str], labels: list[str]) -> None:
    """`Die mittelalterliche Reform-Idee …, Mitteilungen des Instituts fur österreichische
    Geschichtsforschung, 60, 1952), 31-59.`, Vancouver's `Title …, Perspectives interdisciplinaires
    sur le travail et la sante. 2003; 5(1): 315-321.`: an article's numbers (a volume, then its issue
    or pages; the year may stand before them) right after a title, with no host read anywhere,
    follow its journal: the title's last comma part (two to ten words, the first capitalised) is
    the journal."""
    if any(label in _HOSTS for label in labels):
        return
    a = next((k for k, label in enumerate(labels) if label == "title"), None)
    if a is None or tokens[a][:1] in _OPEN_QUOTES + _SINGLE_QUOTES:
        return
    b = next((k for k in range(a, len(labels)) if labels[k] != "title"), len(labels))
    v = next((j for j in range(b, len(labels)) if labels[j] != "date"), len(labels))  # past the year before the numbers
    w = next((j for j in range(v, len(labels)) if labels[j] != labels[v]), len(labels)) if v < len(labels) else v
    if b == len(labels) or labels[b] not in ("volume", "issue", "date") or v == len(labels) or labels[v] != "volume" or w == len(labels) or labels[w] not in ("issue", "pages"):
        return  # an article's volume, then its issue or pages (a book's `Title, Part, vol. 2.` has none)
    c = next((k for k in range(b - 2, a, -1) if tokens[k].endswith(",")), None)
    if c is None or c - a < 2 or not 2 <= b - c - 1 <= 10 or not tokens[c + 1][:1].isupper():
        return
    labels[c + 1 : b] = ["journal"] * (b - c - 1)


_ROLE_AFTER_A_COMMA = re.compile(r"^(?:[Ee]ditors?|[Ee]ds?\.|[Dd]irector)[.,]$")  # `Biedermann, Editor.`, `Soderbergh, Steven, director.`


def _title_of_a_book_cited_by_its_editors(tokens: list[str], labels: list[str]) -> None:
    """`Whenham, John (ed.), Claudio Monteverdi: Orfeo (Cambridge University Press, 1986).`, `W. v.
    Biedermann, Editor. Goethes Gesprache. Leipzig, 1889-96.`, APA's `Binstock, R. H., & George,
    L. K. (Eds.). (1990). Handbook of aging … (3rd ed.). New York: Academic Press`: a book cited
    whole by its editors, the names opening the entry, has no host: the words read on as the
    editors' past their role, or the host read right after them (past the year), are its title
    (the real training lines label what follows opening editors the title 59 times, the host once,
    after `In`: a chapter's title lost). Not a proceedings volume (`Names, eds. Proc. …`), whose name
    stays the host."""
    runs = [run for run in _runs(tuple(labels)) if run[0] != "citation-number"]
    if not runs or runs[0][0] != "editor" or tokens[runs[0][1]] in _HOSTS_OPENING_IN or not _PROCEEDINGS_NAMES.isdisjoint(map(canonical, tokens)):
        return  # (a proceedings volume cited whole keeps its name as the host, as the comparison reads it)
    _, a, b = runs[0]
    role = next((k for k in range(a + 1, b - 1) if _ROLE_BRACKET.match(tokens[k]) or _ROLE_AFTER_A_COMMA.match(tokens[k]) and tokens[k - 1].endswith(",")), None)
    if role is not None:
        if tokens[role + 1][:1].isupper() and not _DOTTED.match(tokens[role + 1]) and not _GLUED.match(tokens[role + 1]):
            labels[role + 1 : b] = ["title"] * (b - role - 1)
        return
    rest = [run for run in runs[1:] if run[0] != "date"]
    if rest and rest[0][0] == "container" and (runs[1][0] == "container" or runs[1][0] == "date" and runs[2][0] == "container"):
        _, c, d = rest[0]
        labels[c:d] = ["title"] * (d - c)


_OPENING_QUOTES = ("\"", "“", "«", "„")  # the quotes _names_before_a_quoted_title and _ieee_quoted_title_and_host open with


# lists52, from batch 37's misses (bench/UNSEEN_LISTS.md): the words a corporate body's name may
# hold in lower case between its capitalised ones (`Centre for Women’s and Children’s Health`,
# `Medicines & Healthcare products Regulatory Agency`).
_BODY_LINKS = frozenset("of for and on the in & und de du des".split())


def _corporate_body_opening_the_entry(tokens: list[str], labels: list[str]) -> None:
    """Vancouver's (NLM's) corporate author written whole before the title: an entry opening with
    a sentence of two to twelve words that names a body (an organisation's word among them:
    `National Collaborating Centre for Women’s and Children’s Health.`, `The Medicines and
    Healthcare products Regulatory Agency.`, `Centre of Evidence Based Dermatology.`), closed by
    its full stop, with no comma and no initial in it, capitalised but for link words and one
    lower-case word inside it, read as title words (or as names and the title, the body's name
    going on past them through a link word: `for`, `of`, `and`, `&`) with more
    title after it opening in a capital, is the author. `_corporate_author_first` asks the
    organisation's word to close the name; a body named by its field (`… Health.`,
    `… Dermatology.`) or spelt with `&` and a lower-case word was left in the title."""
    if "editor" in labels or labels[0] not in ("author", "title"):
        return
    end = next((k for k in range(min(12, len(tokens) - 1)) if tokens[k].endswith(".")), None)
    if end is None or end < 1 or labels[end + 1] != "title" or not tokens[end + 1][:1].isupper():
        return
    head = labels[: end + 1]
    if "title" not in head or any(label not in ("author", "title") for label in head) or "author" in head[head.index("title") :]:
        return
    words = [t.rstrip(".") for t in tokens[: end + 1]]
    if any("," in w or ";" in w or re.fullmatch(r"[A-ZА-ЯЁ]{1,2}", w) for w in words) or canonical(words[-1]) in _BODY_LINKS:
        return
    if labels[0] == "author" and not any(w.casefold() in _BODY_LINKS for w in words[1:]):
        return  # names read at the opening go on into a body's name only through its link words
    lower = [k for k, w in enumerate(words) if not w[:1].isupper() and w.casefold() not in _BODY_LINKS]
    if len(lower) > 1 or (lower and lower[0] in (0, end)) or not any(canonical(w) in _ORGANISATION_WORDS for w in words):
        return
    labels[: end + 1] = ["author"] * (end + 1)


def _corporate_authors(tokens: list[str], labels: list[str]) -> None:
    """A corporate body opening the entry, closed by an organisation's word, or written whole
    with its field's name or link words (the two conventions in turn)."""
    _corporate_author_first(tokens, labels)
    _corporate_body_opening_the_entry(tokens, labels)


def _journal_name_after_its_colon(tokens: list[str], labels: list[str]) -> None:
    """APA's journal whose name holds a colon (`Journal of Experimental Psychology: Human
    Perception and Performance. http://…`, an article in press: no volume after it) read as the
    journal to the colon's next word and the rest as a second title (or a book's title): with a title read before
    the journal, capitalised words right after a journal run that no mark closes, to their full
    stop, before an address, a DOI or the end, are the journal's."""
    if "journal" not in labels or "title" not in labels:
        return
    runs = _runs(tuple(labels))
    at = next((k for k, run in enumerate(runs) if run[0] == "journal"), 0)
    if at < 1 or at + 1 >= len(runs) or runs[at - 1][0] != "title" or runs[at + 1][0] not in ("title", "container"):
        return
    _, start, end = runs[at]
    _, a, b = runs[at + 1]
    if not any(t.endswith(":") for t in tokens[start : end - 1]) or tokens[end - 1].endswith((".", ",", ";", ":")):
        return
    if not tokens[b - 1].endswith(".") or any(not (t[:1].isupper() or t in _BODY_LINKS) for t in tokens[a:b]):
        return
    if at + 2 < len(runs) and runs[at + 2][0] not in ("url", "doi", "note"):
        return
    labels[a:b] = ["journal"] * (b - a)


def corrected(tagged: Tagged) -> Tagged:
    """The tagged entry with its labels corrected by the conventions above (marginals kept: a
    token whose label changed carries the probability of the label it had, a lower bound)."""
    if not tagged.spans:
        return tagged
    tokens = [tagged.text[s:e] for s, e in tagged.spans]
    labels = list(tagged.labels)
    seen = frozenset(tokens).union(map(canonical, tokens))  # (see _COUNT_WORDS)
    text = tagged.text  # (every token is a piece of it: a mark no token holds is not in it either)
    _first_conventions(tokens, labels, tagged.marginals, seen, text)
    _imprints_place_and_publisher(tokens, labels, any(map(is_place, tokens)))
    asks = "?" in tagged.text  # (the two conventions after a question need its mark; one also takes `!`)
    if asks or "!" in tagged.text:
        _publisher_after_a_question(tokens, labels)
    _bracketed_year_after_the_volume(tokens, labels)
    if asks:
        _journal_after_a_question(tokens, labels)
    if not _VOLUME_WORD_TOKENS.isdisjoint(seen):
        _volume_inside_a_host(tokens, labels)
    if not _ORGANISATION_WORDS.isdisjoint(seen):
        _corporate_authors(tokens, labels)
    if labels[0] == "author":
        _full_stop_closing_a_given_family_name(tokens, labels)
    _year_of_a_report_in_its_title(tokens, labels)
    if not _COUNTRIES.isdisjoint(seen):
        _place_closing_the_title(tokens, labels)
    if ")" in text and ("journal" in labels or "container" in labels):  # (each reading has a closing bracket at the host's end)
        _short_name_closing_the_host(tokens, labels)
    if "//" in seen:
        _publisher_after_a_misused_host_mark(tokens, labels)
    _responsibility_without_a_role(tokens, labels)
    if not _EDITION_MARK_WORDS.isdisjoint(seen):
        _edition_after_a_title(tokens, labels)
    _issue_after_the_number_sign(tokens, labels)
    if not _SERIES_WORD.isdisjoint(seen):
        _series_sentence(tokens, labels)
    if not _STANDARD_MARK.isdisjoint(seen):
        _standard_designation(tokens, labels)
    _access_mark_not_a_host(tokens, labels)
    if "/" in text or not _PAGE_MARK.isdisjoint(seen):
        _page_after_its_mark_and_slash_edition(tokens, labels)
    _words_after_an_opening_address(tokens, labels)
    if not _RESOURCE_NOTE.isdisjoint(seen):
        _electronic_resource_notes(tokens, labels)
    _one_word_before_a_lower_case_title(tokens, labels)
    if labels[0] == "author":
        _title_words_read_as_a_first_host(tokens, labels)
    if ":" in text:  # (the volume's colon)
        _pages_after_the_volumes_colon(tokens, labels)
    if any(map(text.__contains__, _GLUED_COUNT_MARKS)):
        _glued_page_count(tokens, labels)
    if "№" in text or "N°" in text or "Nº" in text:
        _number_glued_to_its_sign(tokens, labels)
    if not _DASH_TOKEN.isdisjoint(seen):
        _date_of_change_note(tokens, labels)
    if "publisher" in labels and "pages" in labels:
        _host_before_a_page_range(tokens, labels)
    _where_the_title_and_host_end(tokens, labels, seen)
    _hosts_opened_by_in(tokens, labels)
    _host_after_the_double_slash_read_as_names(tokens, labels)
    _firm_after_the_slash_is_the_author(tokens, labels)
    if ":" in tagged.text:  # (the place's colon)
        _second_host_after_the_places_colon(tokens, labels)
    if any(map(tagged.text.__contains__, _OPENING_QUOTES)):  # (each reads the words in quotes)
        _names_before_a_quoted_title(tokens, labels)
        _ieee_quoted_title_and_host(tokens, labels)
    _dash_separated_areas(tokens, labels)
    if not MONTHS.isdisjoint(seen):
        _pages_after_a_month_in_the_issue_bracket(tokens, labels)
    _last_conventions(tokens, labels, seen, text)
    _batch_25_conventions(tokens, labels, seen, text)
    _tagger43_conventions(tokens, labels, seen, text)
    _tagger44_conventions(tokens, labels, seen)
    _tagger45_conventions(tokens, labels, seen, tagged.labels)
    _tagger49_conventions(tokens, labels, text)
    _tagger50_conventions(tokens, labels)
    _journal_name_after_its_colon(tokens, labels)
    if labels == list(tagged.labels):
        return tagged
    return dataclasses.replace(tagged, labels=tuple(labels))
