"""Labelled segments of an entry into BibTeX-named fields, one normaliser per label (AnyStyle's
lib/anystyle/normalizer/*.rb): names into `Family, Given and …`, `Т. 3` into 3, `С. 45–50` into
45–50, `415 с.` into a page count; DOIs, addresses, ISBNs and access dates by the exact rules."""

from __future__ import annotations

import dataclasses
import re

from .. import rules
from ..parsed import Parsed
from . import tag
from .conventions import corrected, is_country, is_place
from .features import canonical
from .lexicon import GIVEN_NAMES, MONTHS

# Fields whose absence a check reports (REF010): the tagger says how sure it is of each.
_LABEL_OF_FIELD = {"author": "author", "title": "title", "year": "date", "journal": "journal", "booktitle": "container", "pages": "pages", "publisher": "publisher"}

_ET_AL = re.compile(r"[\s,]*(?:et\s?al\.?|\[?и\s?др\.?\]?|\[?т\.\s?б\.?\]?|және\sт\.б\.|and\sothers|others)\s*[.,]?\s*(?:[:;]|//?)?\s*$", re.IGNORECASE)  # (GOST's `[и др.]:` or `[и др.]//` glued to the next element's mark)
_EDITOR_WORDS = re.compile(r"\(?\b(?:eds?|editors?|edited\sby|ed\.\sby|hrsg|hg|под\s(?:общ\.\s)?ред|ред|сост|жауапты\sред)\b\.?\)?,?", re.IGNORECASE)
_UP = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІÄÖÜÅØÆÇŠŽČŁÉÈÁÍÓÚÑ"
_INITIALS = re.compile(rf"^(?:[{_UP}][a-zа-яё]?\.?[-‐\s]?){{1,4}}$")
_BARE_INITIALS = re.compile(rf"^[{_UP}]{{1,3}}$|^[{_UP}][-‐][{_UP}]$")  # Vancouver's `L-M` (Lise-Marie)
# A patronymic closing a name, in any case (`ВИКТОРОВИЧ`: names printed in capitals), and the few
# formed in `-ич` without `-в-` (`Кузьмич`, `Ильич`, `Фомич`, `Лукич`, `Никитич`).
_PATRONYMIC = re.compile(r"(?:вич|ьич|ьмич|омич|укич|итич|вна|ична|инична|ұлы|улы|қызы|кызы|оглы|кизи)[.,]?$", re.IGNORECASE)
_PARTICLES = {"de", "la", "van", "von", "der", "den", "du", "da", "di", "dos", "del", "della", "le", "al", "el", "bin", "ter", "ten", "zu"}


def _strip(value: str) -> str:
    return value.strip(" \t,;:/–—-").strip()


def _is_initials(word: str) -> bool:
    w = word.strip(",;")  # (the length and the full stop tested before the patterns)
    return ("." in w or len(w) <= 1) and _INITIALS.match(w) is not None or len(w) <= 3 and _BARE_INITIALS.match(w) is not None


def _person(chunk: str) -> tuple[str, str] | None:
    """(family, given) of one name as printed: `Smith J. A.`, `J. A. Smith`, `Smith JA`,
    `Jacob Ziv`, `van der Berg J.`, `SMITH, J.`, `Hwang I.-W.`, `CASSARD Jean-Christophe`."""
    words = (re.sub(r"\.(?![-‐])", ". ", chunk) if "." in chunk else chunk).split()  # `I.-W.` stays one initial
    words = [w for w in words if w]
    if not words:
        return None
    if len(words) == 1:
        return (words[0].strip(".,"), "")
    # Initials first: `J. A. Smith` (dotted: `LIU Y S` is a family name before its initials)
    lead = 0
    while lead < len(words) - 1 and _is_initials(words[lead]) and "." in words[lead]:
        lead += 1
    if lead:
        return (" ".join(words[lead:]).strip(".,"), " ".join(words[:lead]))
    if len(words) >= 2 and _PATRONYMIC.search(words[-1]):  # `Власов Геннадий Фёдорович`
        return (words[0].strip(".,"), " ".join(words[1:]))
    if len(words) >= 3 and words[-1].strip(".,") in _PARTICLES and _BARE_INITIALS.match(words[-2].strip(",;")) and not _is_initials(words[0]):
        # Vancouver's `Loon LJ van`: the family name's particle printed after the initials
        return (words[-1].strip(".,") + " " + " ".join(words[:-2]).strip(".,"), words[-2])
    trail = len(words)
    while trail > 1 and _is_initials(words[trail - 1]):
        trail -= 1
    if trail < len(words):  # `Smith J. A.`, `Smith JA`
        if trail >= 2 and _GIVEN_AFTER_CAPITALS.match(words[trail - 1]) and all(w.isupper() for w in words[: trail - 1]) and len(words[trail - 2]) > 3:
            # `HARRIS Kent S.`, `DE LA RATTRAY Noam T.`: the family name in capitals, then the given name and its initial
            return (" ".join(words[: trail - 1]).strip(".,"), " ".join(words[trail - 1 :]))
        return (" ".join(words[:trail]).strip(".,"), " ".join(words[trail:]))
    if len(words) == 2 and len(words[0].strip(".,")) > 3 and words[0].strip(".,").isupper() and not words[1].isupper():
        # `CASSARD Jean-Christophe`: the family name in capitals first (three capitals or fewer
        # are initials: `TD Hodge`)
        return (words[0].strip(".,"), words[1])
    if len(words) >= 3 and all(w.isupper() for w in words[:-1]) and len(words[-2].strip(".,")) > 3 and _GIVEN_AFTER_CAPITALS.match(words[-1].strip(".,")):
        # `DE LA RATTRAY Noam`: the family name in capitals with its particles, then the given name
        return (" ".join(words[:-1]).strip(".,"), words[-1])
    if len(words) == 2 and _family_then_given_in_full(words):
        return (words[0].strip(".,"), words[1].strip(".,"))
    # `Jacob Ziv`, `Donald E. Knuth`, `Ludwig van Beethoven`: given names first
    at = len(words) - 1
    while at > 1 and words[at - 1] in _PARTICLES:
        at -= 1
    return (" ".join(words[at:]).strip(".,"), " ".join(words[:at]))


_GIVEN_AFTER_CAPITALS = re.compile(rf"^[{_UP}][a-zа-яёß'’]+(?:-[{_UP}]?[a-zа-яё'’]+)?$")  # `Kent`, `Jean-Luc`: a given name in small letters

# The name patterns below are compiled once: names() reads every entry's authors.
_GIVEN_WORD = re.compile(rf"^[{_UP}][a-zа-яёәғқңөұүһі'’-]+\.?$|^[{_UP}]\.?$")
_INITIAL_IN_A_BODY = re.compile(rf"(?:^|[\s,.])[{_UP}]\.")
_SHORT_CAPITALS = re.compile(rf"[{_UP}]{{1,3}}")
_SMALL_CAPITALS = re.compile(rf"(?<!\b[{_UP}]\s)\b([{_UP}])\s([{_UP}]{{2,}})(?=\s?,)")
_SMALL_CAPITALS_HINT = re.compile(rf"[{_UP}]\s[{_UP}]{{2,}}\s?,")  # the characters any match of it holds
# `S BOROWITZ, W FRAIN, C STROSCHEIN`, `M MEILANDT, A MORTE`: an initial and a family name in
# capitals, then another name of that form after the comma, is a list of such names (GB/T 7714's
# and IOP's forms), no small capitals split by pdftotext (`L AMPORT, L.`: its given part follows).
_INITIAL_CAPITALS_LIST = re.compile(rf"(?<![^\W\d_])[{_UP}]\s[{_UP}]{{2,}}\s?,\s?(?:[{_UP}]\s){{1,3}}[{_UP}]{{2,}}\b")
_INITIAL_BEFORE_CAPITALS = re.compile(rf"(?<![^\W\d_])([{_UP}])(?=\s(?:[{_UP}]\s){{0,3}}[{_UP}]{{2,}}\b)")
_NAMES_LEFT_OUT = re.compile(rf",?\s*(?:…|\.\s?\.\s?\.)\s*(?=[{_UP}])")
_INITIALS_FULL_STOP = re.compile(rf"(?:^|[\s.])(?:\w|[{_UP}][a-zа-яё])\.$")


def _looks_given(chunk: str) -> bool:
    """A comma-separated piece that is the given part of the name before it (`J. A.`, `John`,
    `John A.`, `John D`, `Anatoly A.`): initials, or one or two capitalised words with no particle."""
    words = chunk.split()
    if not words or len(words) > 3:
        return False
    if all(_is_initials(w) for w in words):
        return True
    return len(words) <= 2 and all(_GIVEN_WORD.match(w) for w in words) and not any(w in _PARTICLES for w in words)


def _family_then_given_in_full(words: list[str]) -> bool:
    """`Швец Александр`: two Cyrillic words, the second a known given name and the first not, are
    the family name, then the given name in full, as Russian and Kazakh lists print a full name
    (a Latin `Given Family` is read given name first: `Jacob Ziv`)."""
    first, second = canonical(words[0]), canonical(words[1])
    if second not in GIVEN_NAMES or first in GIVEN_NAMES:
        return False
    if _CYRILLIC_WORD.match(words[0]) is not None and _CYRILLIC_WORD.match(words[1]) is not None:
        return True
    # Both in capitals (`ВЕРШИНИНА ВЕРА`, `DREXLIN MICHELLE`: GOST's and AMA's family-first order
    # printed in capitals), in any script: the capitals hide the order, the known given name shows it.
    return all(w.strip(".,").isupper() and len(w.strip(".,")) > 3 and w.strip(".,").isalpha() for w in words)


_CYRILLIC_WORD = re.compile(r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі-]+[.,]?$")


# A Latin name given first with two or three initials before one family word (`Ricky T. Q. Chen`,
# `Gene T. J. Wuu`): one person (a second name glued to a first would print its initials too).
_GIVEN_INITIALS_FAMILY = re.compile(r"[A-Z][a-zß-öø-ÿ]+(?:-[A-Z][a-zß-öø-ÿ]+)?(?:\s[A-Z]\.){2,3}\s[A-Z][a-zß-öø-ÿ'’]+(?:-[A-Z]?[a-zß-öø-ÿ]+)?$")


def _unglue(part: str) -> list[str]:
    """`Avdiyskiy V. I. Bezdenezhnykh V. M.`, `Liu SM Zhong J` (names without a comma between
    them): a new name starts at a word after the initials that followed the previous family name.
    So does a Cyrillic `Бонд Дж. Гибсон` (three words: a Russian or Kazakh list never prints a
    given name before the initial and the family name, `Donald E. Knuth`'s Latin form)."""
    words = part.split()
    if len(words) < 3 or len(words) == 3 and not all(_CYRILLIC_WORD.match(words[k]) for k in (0, 2)) or _is_initials(words[0]):
        return [part]
    if _GIVEN_INITIALS_FAMILY.match(part):
        return [part]
    out, current = [], [words[0]]
    for prev, word in zip(words, words[1:]):
        if not _is_initials(word) and _is_initials(prev) and ("." in prev or _BARE_INITIALS.match(prev)) and len(current) > 1:
            out.append(" ".join(current))
            current = []
        current.append(word)
    out.append(" ".join(current))
    return out


def _family_only(part: str) -> bool:
    """`Smith`, `van der Berg`, `Müller-Gronbach`: one name word, with particles before it."""
    words = [w for w in part.split() if w not in _PARTICLES]
    return len(words) == 1 and (not _is_initials(words[0]) or len(words[0]) > 1 and words[0].isalpha())


# Words that name a body, not a person: an author run that is such a name (and no list of
# people) is one corporate author, written braced as BibTeX writes a name never to be split
# (`{World Health Organization}`); the CSL conversion makes it a literal name, printed whole.
# The weak ones are family names too (`Bank`, `Center`, `Bureau`): they need more evidence.
_BODY_STRONG = (
    r"organi[sz]ation|association|society|institute|university|agency|committee|council|ministry|commission|"
    r"foundation|corporation|consortium|federation|team|inc|ltd|llc|gmbh|министерство|агентство|комитет|институт|"
    r"университет|организация|ассоциация|общество|фонд|служба|управление|департамент|министрлігі|агенттігі|"
    r"комитеті|институты|университеті|қоғамы|орталығы")
_BODY_WEAK = r"bureau|department|office|company|union|bank|fund|centres?|centers?|group|board|бюро|центр"
_BODY = re.compile(rf"(?i)^(?:{_BODY_STRONG}|{_BODY_WEAK})$")
_STRONG = re.compile(rf"(?i)^(?:{_BODY_STRONG})$")
_LINKING = re.compile(r"(?i)^(?:of|for|on|in|and|the|de|du|der|für|по|при|и|жөніндегі)$")


_SITE_NAME = re.compile(r"[A-Za-z][\w-]+(?:\.[a-z]{2,6})+|[A-Z][a-z]{1,10}\.[A-Z]{2}")  # `Britannica.com`, `Gov.UK`


def corporate_author(text: str) -> str | None:
    """`{Name}` when an author run names a body (`World Health Organization`, `R Core Team`,
    `Ministry of Health`, `Министерство здравоохранения Республики Казахстан`), one for each
    part when commas part several (`World Health Organization, United Nations University`); else None. Not
    a run with an initial (`Xu D, Bureau Y`), nor parts without such a word (`Agency, Robert`),
    nor a weak word opening a name (`Bank Leslie`) or closing one after initials (`JC Center`)."""
    body = text.strip(" ,;.")
    if _SITE_NAME.fullmatch(body):  # a site's name as its author (`Britannica.com`, `Home.cern`)
        return "{" + body + "}"
    if _INITIAL_IN_A_BODY.search(body):
        return None
    parts = [part.strip() for part in re.split(r"[,;]", body) if part.strip()]
    if not parts or not all(_names_a_body(part.split()) for part in parts):
        return None
    return " and ".join("{" + part + "}" for part in parts)  # `World Health Organization, United Nations University`: two


def _names_a_body(words: list[str]) -> bool:
    bare = [w.strip("()[]«»\"'") for w in words]
    at = [i for i, w in enumerate(bare) if _BODY.match(w)]
    if not at:
        return False
    k = at[0]
    if k == 0 and len(bare) > 1 and not _LINKING.match(bare[1]) and bare[1][:1].isupper():
        return False  # `Bank Leslie`, `Agency Robert`: a family name, then a given one
    strong = any(_STRONG.match(bare[i]) for i in at)
    short_capitals = any(_SHORT_CAPITALS.fullmatch(w) for w in bare)
    return strong or not short_capitals  # `JC Center`, `Bureau Y`: initials with a family name


# A generational suffix after a family name, before the comma of `Family, Given` (`Smith Jr., J.`,
# `Фант мл., Г.`): part of the name, never a name of its own.
_GENERATION = re.compile(r"(?<=[^\W\d_][a-zа-яёß'’-])( )(Jr\.?|Sr\.?|мл\.|ст\.)(?=,)")
# Vancouver's `Knapp FF Jr,`: after the initials the suffix is left out (the name is `Knapp FF`).
_GENERATION_AFTER_INITIALS = re.compile(r"(\s[A-Z]{1,3})\s(?:Jr|Sr)\.?(?=,|$)")
_DASH_OR_LINE = frozenset("-–—_")  # the first characters of names()'s patterns for a text's start
_HOST_MARKS = ("In", "В", "/")  # how each of names()'s host marks opens


def names(segment: str) -> str | None:
    """`Family, Given and …` (BibTeX) from an author or editor segment; `others` for et al."""
    text = segment.strip()
    if text[:1] in _DASH_OR_LINE and re.match(r"^[-–—_]{2,}", text):  # `———`: the previous entry's names, not known here
        return None
    if text.startswith(_HOST_MARKS):  # (what the pattern's first characters need)
        text = re.sub(r"^(?:In:?\s|В:?\s|/\s?|//\s?)", "", text)
    if text[:1].isdigit():  # `1 Hans E. Mair`: a list's number printed bare before the names (AIP's) is none of them
        text = re.sub(r"^\d{1,3}\s+(?=[^\W\d_])", "", text)
    low = text.lower()
    if not text.isascii() or "ed" in low or "hrsg" in low or "(hg" in low:  # (an ASCII text matches the case-blind search only so)
        text = _EDITOR_WORDS.sub(" ", text) if re.search(r"\b(?:eds?|editors?|edited|ред|сост|hrsg)\b|\(hg\b", text, re.I) else text  # German's bracketed `(Hg.)`
    # One search: the mark closes the text (`$`), so it is the only match; only where a piece of
    # some form of it stands (letters the case-blind search takes for another letter left out).
    et_al = _ET_AL.search(text) if "al" in low or "и" in low or "б" in low or "other" in low else None
    others = et_al is not None
    if et_al is not None:
        text = text[: et_al.start()] + text[et_al.end() :]
    if _SMALL_CAPITALS_HINT.search(text):  # what every match holds, found without looking behind at each character
        if _INITIAL_CAPITALS_LIST.search(text):  # initials, then the family name: each initial given its full stop (`A CAL` is no `Family INITIALS`)
            text = _INITIAL_BEFORE_CAPITALS.sub(r"\1.", text)
        else:
            text = _SMALL_CAPITALS.sub(r"\1\2", text)  # pdftotext's small capitals: `L AMPORT, L.`
    text = _NAMES_LEFT_OUT.sub(", ", text)  # APA 7's `…, Imai, T., … Wu, H.`: names left out before the last
    text = _strip(text)
    if "Jr" in text or "Sr" in text or "мл." in text or "ст." in text:  # (what either pattern needs)
        text = _GENERATION.sub("\u00a7\\2", _GENERATION_AFTER_INITIALS.sub("\\1", text))  # `Smith Jr., J.`: the suffix kept with its family name (one word)
    if text.endswith(".") and not _INITIALS_FULL_STOP.search(text):  # an initial's full stop stays (`Л.Дж.`)
        text = text[:-1]
    if not text or not re.search(r"\w", text):
        return None
    body = corporate_author(text)
    if body:
        return body + (" and others" if others else "")
    parts = [p.strip() for p in re.split(r"\s*;\s*|\s*,\s*(?:and\s|AND\s|&\s|и\s|және\s)?|\s+(?:and|AND|&|и|және|und|et)\s+", text) if p.strip()]
    people: list[tuple[str, str]] = []
    i = 0
    inverted = len(parts) > 1 and _family_only(parts[0]) and _looks_given(parts[1])
    parts = [piece for part in parts for piece in _unglue(part)]
    while i < len(parts):
        part = parts[i]
        if inverted and i + 1 < len(parts) and _family_only(part) and _looks_given(parts[i + 1]):
            people.append((part.strip("."), parts[i + 1]))
            i += 2
            continue
        person = _person(part)
        if person:
            people.append(person)
        i += 1
    out = []
    for family, given in people:
        if not family:
            continue
        if family.isupper() and len(family) > 2 and given:
            family = family.title()
        if "\u00a7" in family:  # BibTeX's `Family, Jr., Given`
            family, suffix = family.split("\u00a7", 1)
            given = f"{suffix}, {given}" if given else suffix
        out.append(f"{family}, {given}" if given else family)
    if others:
        out.append("others")
    return " and ".join(out) if out else None


def _number(segment: str) -> re.Match | None:
    return re.search(r"\d+(?:\s?[-–—/]\s?\d+)?|\b[IVXLC]+\b|\b[ivxlc]+\b", segment)


def _volume(f: rules.Found, s: int, e: int) -> None:
    mark = re.match(r"[\s(]*(?:vols?|volume|v|т|том|bd|band)\.?\s*(?=\d|[IVXLC]+\b|$)", f.text[s:e], re.IGNORECASE)
    s += mark.end() if mark else 0  # `V. 84`: the mark's `V` is no roman number
    seg = f.text[s:e]
    m = re.search(r"\d+(?:[-–/]\d+)?|\b[IVXLC]+\b", seg)
    if m:
        f.add("volume", s + m.start(), s + m.end())
        rest = re.search(r"\(\s?(\d+(?:[-–/]\d+)?)\s?\)", seg[m.end():])
        if rest:
            f.add("number", s + m.end() + rest.start(1), s + m.end() + rest.end(1))


def _issue(f: rules.Found, s: int, e: int) -> None:
    seg = f.text[s:e]
    m = re.search(r"\d+(?:\s?[-–/]\s?\d+)?(?:\s?\(\d+\))?|\b[A-Za-zА-Яа-я]?\d+\b", seg)
    if m:
        f.add("number", s + m.start(), s + m.end())


# A range whose dash a PDF's text layer decoded as `e` (Elsevier's and BMJ's fonts map the en
# dash so: `2007;370:511e20`); an article number opens with its `e` (`e91234`), never between digits.
_E_FOR_DASH = re.compile(r"(?<![\w.])(\d{1,6})e(\d{1,6})(?![\w])")


def _after_volume_colon(f: rules.Found, s: int, e: int) -> bool:
    """A segment right after the volume and a colon, with no issue in brackets or issue mark
    between (Vancouver's `370:511-20`, `326:219`), holds the pages, whatever the tagger called it;
    unless a page range follows it (`Phonetica 61: 4, 220-233`: then it is the issue), or the
    year in brackets and a number (`10:1, (2020), 2177`: `_issue_before_year_and_pages`)."""
    if "volume" not in f.items or "number" in f.items:
        return False
    end = f.items["volume"][2]
    if re.match(r"\s?[,;.]?\s?(?:pp?\.\s?)?[A-Za-z]?\d+\s?[-–—]\s?\d", f.text[e:]) or _YEAR_THEN_PAGES.match(f.text, e):
        return False
    return re.fullmatch(r"\s?:\s?", f.text[end:s]) is not None and re.match(r"\s*[A-Za-z]?\d", f.text[s:]) is not None


# `65:3-4, (1944), 117`, `199:5 (2008), 3–26` (Math-Net.ru's form and the Russian mathematical
# journals'): after the volume's colon the issue, then the year in brackets, then the pages.
_YEAR_THEN_PAGES = re.compile(r"\s?[,;]?\s?\((?:1[5-9]|20)\d\d[a-z]?\)\s?[,:.]?\s?(?:pp?\.\s?|[СсPS]\.\s?)?[A-Za-z]?\d")


def _issue_before_year_and_pages(f: rules.Found, s: int, e: int) -> bool:
    """A segment right after the volume's colon with the year in brackets and a number after it
    is the issue (`Physical Review, 65:3-4, (1944), 117`): the pages are that later number."""
    if "volume" not in f.items or "number" in f.items:
        return False
    end = f.items["volume"][2]
    return re.fullmatch(r"\s?:\s?", f.text[end:s]) is not None and _YEAR_THEN_PAGES.match(f.text, e) is not None


def _pages(f: rules.Found, s: int, e: int) -> None:
    """A range or a page (`С. 45–50`, `pp. 137-172`, `e1234`, `A44`) is `pages`; a count
    (`415 с.`, `494 pp.`, `245 б.`, `xx+494 p.`) is `pagetotal`; a range printed `511e20` is
    511–20 (`_E_FOR_DASH`)."""
    seg = f.text[s:e]
    dash = _E_FOR_DASH.search(seg)
    if dash and int(dash[2]) and (len(dash[2]) < len(dash[1]) or int(dash[2]) > int(dash[1])):
        f.add("pages", s + dash.start(), s + dash.end(), f"{dash[1]}–{dash[2]}")
        return
    counted = re.search(r"\b[Pp]p?\.\s?((?:[xvilc]+\s?\+\s?)\d+)", seg)  # `p. xx+494`: a book's pages, front matter first
    if counted:
        f.add("pagetotal", s + counted.start(1), s + counted.end(1))
        return
    total = re.search(r"(?<![\d.])((?:[xvilc]+\s?\+\s?)?\d{1,5})\s?(?:[сcб]|[Pp]p?|стр|S|бет|pages|p)\.?(?=[\s,;.)\]]|$)", seg)
    if total and not re.search(r"\dS?\s?[-–—]\s?\d", seg):  # `132S-75S`: a supplement's range, no count
        f.add("pagetotal", s + total.start(1), s + total.end(1))
        return
    glued = re.search(r"(?<![A-Za-z])pp?(\d+\s?[-–—−]\s?\d+)\b", seg)  # `pp535–540`: MLA's `pp.` typed without its full stop, glued to the range
    if glued:
        f.add("pages", s + glued.start(1), s + glued.end(1))
        return
    # `45–50`, `e1234`, `A44`, `S12–S19`, `132S–75S` (a supplement's pages), `II-786 – II-793` (a part's numbering before the page)
    m = re.search(r"(?:\b[A-Za-z]{1,3}-)?[A-Za-z]?\d+(?:S(?=\s?[-–—−]))?\s?(?:[-–—−]+\s?(?:[A-Za-z]{1,3}-)?[A-Za-z]?\d+(?:S\b)?)?(?:,\s?\d+(?:[-–—]\d+)?)*|\b[xvilc]+\s?[-–]\s?[xvilc]+\b", seg)
    if m:
        value = m.group().rstrip(",").strip()
        f.add("pages", s + m.start(), s + m.start() + len(value))


def _year(f: rules.Found, s: int, e: int) -> None:
    seg = f.text[s:e]
    m = re.search(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)", seg) or re.search(r"(?<!\d)\d{4}(?!\d)", seg)
    if m:
        f.add("year", s + m.start(), s + m.end())


def _edition(f: rules.Found, s: int, e: int) -> None:
    seg = f.text[s:e]
    m = re.search(r"\d+", seg) or re.search(r"\b(first|second|third|fourth|fifth|sixth|revised|expanded)\b", seg, re.I)
    if m:
        f.add("edition", s + m.start(), s + m.end())


# A page count or a marked page range and nothing else: `6 pp.`, `415 с.`, `pp. 12–20`, `С. 5`.
_PAGE_SHAPE = re.compile(
    r"[:,]?\s?(?:\d{1,5}\s?(?:pp?|[сcб]|стр|S|pages)\.?"
    r"|(?:pp?|[СсPS]|стр)\.\s?[A-Za-z]?\d{1,5}(?:\s?[-–—]\s?[A-Za-z]?\d{1,5})?\.?)"
)
# An issue at the start of what the tagger read as pages: a bracketed number or range right after
# the volume (`7 (4–5), 342–359`, APA), or a number after an issue mark (`№. 10. P. 52–58`).
_BRACKETED_ISSUE = re.compile(r"\s*\((\d{1,4}(?:[-–]\d{1,4})?)\)[,:.]?\s*")
_MARKED_ISSUE = re.compile(r"\s*(?:№\.?|[Nn]o\.)?\s?(\d{1,4})[,.]?\s*")


def _issue_before_pages(f: "_Fields", s: int, e: int) -> int:
    """Read an issue that opens a pages segment (see above) and return where the pages start."""
    seg = f.text[s:e]
    m = _BRACKETED_ISSUE.match(seg) if re.search(r"\d[,.]?\s?$", f.text[:s]) and "volume" in f.items else None
    if m is None and re.search(r"(?:№|\b[Nn]o)\.?\s?$", f.text[:s]) or re.match(r"\s*(?:№|[Nn]o\.)", seg):
        m = _MARKED_ISSUE.match(seg)
    if m is None or not re.search(r"\d", seg[m.end():]):
        return s
    f.add("number", s + m.start(1), s + m.end(1))
    return s + m.end()


# What the designation of a medium is: a bracketed mark after the title proper.
_DESIGNATION = re.compile(r"\[[^\[\]]+\]")


def _title_before_designation(f: "_Fields", s: int, e: int) -> None:
    """A medium is its bracketed designation (`[Электронный ресурс]`, `[Electronic resource]`,
    `[Текст]`), which follows the title proper (GOST 7.1-2003 §5.3.3, 7.0.5 §5.3): words the
    tagger put into the medium before the bracket, with no title read, are the title
    (`CocoaPods [электронный ресурс] URL: …`)."""
    m = _DESIGNATION.search(f.text, s, e)
    if m is None or "title" in f.items or not re.search(r"[^\W\d_]", f.text[s : m.start()]):
        return
    _text_value(f, "title", s, m.start())


def _numbers_after_volume(f: "_Fields") -> None:
    """`Journal, 19 (3), 19.`, `Journal, 11, 14.`: with no pages read, a number after the volume
    (and issue) and a comma or colon stands where APA, Vancouver and the physics styles print
    the pages or the article's number, which stands for them (an article with a number has no
    page range to give); never a year (`vol. 12, 2005`). With pages read later (ACM's
    `8, 2 (1985), 3–10`, `2005, 12, 4, 113-120`) that number is the issue."""
    if "pagetotal" in f.items:
        return
    after = max((f.items[name][2] for name in ("volume", "number") if name in f.items), default=None)
    if after is None:
        return
    m = re.match(r"\s?\)?\s?[,:]\s?([A-Za-z]?\d{1,8}(?:\s?[-–—]\s?[A-Za-z]?\d{1,8})?)(?!\d|[/.]\d)", f.text[after:])
    if m is None or m[1] == f.items.get("year", ("",))[0] or not f.free(after + m.start(1), after + m.end(1)):
        return
    name = "pages" if "pages" not in f.items else "number" if "number" not in f.items and m[1].isdigit() else None
    if name is None:
        return
    p = f.confidence.get("volume", f.confidence.get("number"))
    f.add(name, after + m.start(1), after + m.end(1))
    if p is not None and name in f.items:
        f.confidence[name] = p


_ABBREVIATION_END = re.compile(r"\b(?:Publ|Inc|Ltd|Co|Corp|Univ|Acad|Sci|Ges|Verl|изд|ун-та|ин-та|им|др|т\.\s?б|и\s?др)\.$", re.IGNORECASE)


# A word that introduces the element after a container (its volume, number, pages, editors), left
# at the container's end when the tagger gave it the container's label.
_NEXT_ELEMENT_WORD = re.compile(r"[\s,;(]+(?:(?:vol|vols|volume|no|nos|nr|pp|pages|jg|edited|(?-i:ed|eds|in))\.?|№)[\s(]*$", re.IGNORECASE)
# (`ed`, `eds` and `in` in lower case only: `Book, ed Jane Roe`, `(ed. J. Roe;`, `Proceedings, in
# Series`: the editors' or a series' mark; a host's name ends in no preposition)


# The next element's mark the tagger left at a publisher's end: pages (`pp`, `p.`, `pages`), an
# edition (`ed.`, `edn`), a volume or number (`vol.`, `no.`); lower case, as the marks print.
_MARK_AFTER_PUBLISHER = re.compile(r"[\s,;)]+(?:pp|p|pages|ed|edn|vol|no)\.?[\s(]*$")


def _journal_end(text: str, a: int, b: int) -> int:
    """A journal's name without the next elements the tagger left at its end: a month
    (`L’Aide-soignante, février 2004`), a roman volume before its number or year (`Word & World
    XIV:4`, `Psychological Review, LXV, 1958`), `N.p.` (MLA's no publisher)."""
    m = re.search(r"[\s,]+(?:N\.\s?p|(\w+))\.?$", text[a:b])
    if m is None or m.start() == 0:
        return b
    word = m.group(1)
    if word is None or word.lower() in MONTHS:
        return a + m.start()
    if re.fullmatch(r"[IVXLC]{2,}", word) and re.match(r"\s?[:,(]\s?\d", text[b : b + 4]):
        return a + m.start()
    return b


def _opens_the_quote(value: str, close: str) -> bool:
    """Whether `value` holds the opening mark of a closing quote `close` after it (`«` for `»`, `“`
    or `”` for `”`, a straight quote an odd number of times): the quote is the value's own."""
    if close == "»":
        return value.count("«") > value.count("»")
    if close == "”":
        return "“" in value or value.count("”") % 2 == 1
    return value.count('"') % 2 == 1


def _text_value(f: "_Fields", name: str, s: int, e: int) -> None:
    """A title, container, publisher or place without the marks around it: quotes, brackets,
    GOST's `//` and ` – `, an `In:`, the full stop after it (kept when it ends an abbreviation:
    `Int. J. Solids Struct.`, `Nauka Publ.`)."""
    seg = f.text[s:e]
    lead = r"^[\s\xad\"“”«»„'‘’(\[–—/-]*"  # a soft hyphen before a dash is Word's invisible mark (`\xad— Mozilla`)
    if name in ("journal", "booktitle"):
        lead += r"(?:[A-Z/]{1,5}\][.,]?\s*)?(?:(?:In|in|В):\s*|(?:In|in|В)\s+|in(?=[A-Z][a-z]|proceedings\b))?[\s\"“”«»„'‘’/]*"  # `[J]. Journal`, `In: Book`, PDF text's `inAdvanced …`, `inproceedings of`
    m = re.match(lead, seg)
    a = s + (m.end() if m else 0)
    while name == "title" and a > s and f.text[a - 1] in "([" and (")" if f.text[a - 1] == "(" else "]") in f.text[a:e]:
        a -= 1  # a bracket opening the title and closed in it is the title's (`[Перевод] Title`, `(Un)making`)
    b = e
    while b > a and f.text[b - 1] in " \t.,;:/–—-\"“”«»„'‘’)]":
        ch = f.text[b - 1]
        if ch in ")]" and ("(" if ch == ")" else "[") in f.text[a : b - 1]:
            break
        if ch in "\"”»" and _opens_the_quote(f.text[a : b - 1], ch):  # `ООО "1С-Паблишинг"`: the name's own quotes
            break
        if ch == "." and name == "address" and re.search(r"(?:^|[\s.])\w{1,3}\.$", f.text[a:b]):  # `М.`, `СПб.`, `N.Y.`
            break
        if ch == "." and name != "title" and (_ABBREVIATION_END.search(f.text[a:b]) or re.search(r"\w\.\s?\S", f.text[a : b - 1]) and re.search(r"\b\w{1,6}\.$", f.text[a:b])):
            break
        b -= 1
    if name in ("journal", "booktitle"):  # `Physics of Fluids, vol`, `Proceedings (pp`, `Book, edited`: the next element's word
        m = _NEXT_ELEMENT_WORD.search(f.text[a:b])
        if m and m.start() > 0:
            b = a + m.start()
    if name == "journal":
        b = _journal_end(f.text, a, b)
    if name == "booktitle":  # MLA's `Tesla Blog, N.p.,`: no publisher, no part of the host's name
        m = re.search(r"[\s,]+N\.\s?p\.?$", f.text[a:b])
        if m and m.start() > 0:
            b = a + m.start()
        tail = f.text[b - 1 : b]  # a date's last digit, or the newline `$` may stand before
        m = re.search(rf",\s*{_NUMERIC_DATE}(?:\s?[-–—]\s?{_NUMERIC_DATE})?$", f.text[a:b]) if tail.isdecimal() or tail == "\n" else None  # the meeting's dates
        if m and m.start() > 0:
            b = a + m.start()
    if name == "publisher":  # `Scholar Press, pp`, `(Sachi Shobo Co., Ltd) pp`, `(IOP, ed. 5`: the next element's mark
        m = _MARK_AFTER_PUBLISHER.search(f.text[a:b])
        if m and m.start() > 0:
            b = a + m.start()
            while b > a and (f.text[b - 1] in " .,;:" or f.text[b - 1] == ")" and "(" not in f.text[a : b - 1]) and not _ABBREVIATION_END.search(f.text[a:b]):
                b -= 1
    if name == "publisher":  # `Leipzig: Barth. (Reprinted …`, `Press. [CUL/GBR]`: a remark after the name's full stop
        m = re.search(r"\.\s[(\[]", f.text[a:b])
        if m and m.start() > 0 and not _ABBREVIATION_END.search(f.text[a : a + m.start() + 1]):  # `Inc. (AECOM)` is the name's
            b = a + m.start() + 1
            while b > a and f.text[b - 1] in " .,;:" and not _ABBREVIATION_END.search(f.text[a:b]):
                b -= 1
    if name == "address":  # `(01.02.04). – Пермь`: a place begins after GOST's area separator (before it, a remark's end)
        m = re.search(r"[.)\]]\s[–—-]\s(?=\w)", f.text[a:b])
        if m:
            a += m.end()
    closed = f.text[a:b].rstrip().endswith("]")  # (what both marks below need)
    if name == "title":  # `[Электронный ресурс]`, `[J]`, `[Text]` after a title are not the title
        m = re.search(r"\s?\[(?:Электрон(?:ный|дық)\sресурс|Electronic\sresource|Текст|Text|[Oo]nline|J|M|C|D|EB/OL)\]\s*$", f.text[a:b]) if closed else None
    elif name in ("journal", "booktitle"):  # Harvard's `Journal [Online], 6 (5)`: the medium, not the name
        m = re.search(r"\s?\[[Oo]nline\]\s*$", f.text[a:b]) if closed else None
    if name in ("title", "journal", "booktitle"):
        if m and (name == "title" or m.start() > 0):
            b = a + m.start()
            while b > a and f.text[b - 1] in " .,;:":
                b -= 1
    f.add(name, a, b)


class _Fields(rules.Found):
    """Fields with their confidence: the mean marginal of the tokens they were read from."""

    def __init__(self, text: str):
        super().__init__(text)
        self.confidence: dict[str, float] = {}

    def add(self, name, start, end, value=None, confidence: float | None = None):  # noqa: D102
        before = name in self.items
        super().add(name, start, end, value)
        if not before and name in self.items and confidence is not None:
            self.confidence[name] = confidence


_TEXT_FIELDS = {"title": "title", "journal": "journal", "container": "booktitle", "collection": "series", "publisher": "publisher", "location": "address", "note": "note", "genre": "type"}


# GOST's separators printed without their spaces (`пособие для вузов/ Н. В. Артамонов`,
# `обучение/Нильсен, Э.`, `2021– 134`, `2000.- 203с.`, `2004.-137с.`, `2011.-824 p.`): a slash after a lower-case
# Cyrillic word before a space, an initial or a name and its comma, or after a full stop and a
# space before an initial or a name (`2nd ed. /Keith D. Cooper`) (`и/или`, `Москва/Ленинград`,
# Latin pairs `Oxford/Cambridge`, `Strom/Stromausfall` and addresses keep theirs), a dash glued to a
# year before a space or a page count (not a range's dash: `2048- 2076`).
_GLUED_SEPARATOR = re.compile(
    r"(?<=[а-яёәғқңөұүһі])/(?=\s|[А-ЯЁӘҒҚҢӨҰҮҺІ](?:\.|[а-яёәғқңөұүһі]+,))"
    r"|(?<=[^\W\d_]\.\s)/(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ](?:\.|[a-zа-яёәғқңөұүһі]+\s))"
    r"|(?<=(?<![\d/.])(?:1[5-9]|20)\d\d)\.?[-–—](?=\s|\d{1,5}\s?(?:[сcб]|p)\.)"
    r"|(?<=[.,]\s)[-–—](?=№|[СсCcТтPpБб]\.\s?\d)"  # `2022г. -№6-2. -с. 356-360.`: the area's dash glued to the next mark
)
_MARK_DASH = re.compile(r"[.,]\s[-–—](?:№|[СсCcТтPpБб]\.\s?\d)")  # what the last needs

_YEAR_DASH = re.compile(r"(?:1[5-9]|20)\d\d\.?[-–—]")  # what the dash after a year needs
_SPACE_SLASH = re.compile(r"\s/")  # what a slash needs in a text of ASCII alone (no Cyrillic letter before it)


def _spaced(text: str) -> tuple[str, list[int]] | None:
    """The entry with GOST's glued separators spaced (see above), and each of its characters'
    offset in `text`; None when there is none (most entries: one search)."""
    # A slash or a year's dash first (the search above looks behind at every character); a slash
    # of a link (`https://`, `10.1000/x`) is none of GOST's.
    slash = "/" in text and (not text.isascii() or _SPACE_SLASH.search(text) is not None)
    if not slash and _YEAR_DASH.search(text) is None and _MARK_DASH.search(text) is None or _GLUED_SEPARATOR.search(text) is None:
        return None
    out: list[str] = []
    where: list[int] = []
    at = 0
    for m in _GLUED_SEPARATOR.finditer(text):
        if re.search(r"(?:https?://|www\.)\S*$", text[: m.start()]):
            continue  # inside an address
        upto = re.match(r"\s?(\d{4})\b", text[m.end() :])
        if upto and m.group().endswith(("-", "–", "—")) and int(upto[1]) > int(text[m.start() - 4 : m.start()]):
            continue  # `2048- 2076`: a range of pages
        out.append(text[at : m.start()])
        where.extend(range(at, m.start()))
        mark = m.group()
        if mark.startswith("."):  # `2004.-137с.`: the year's full stop stays with it
            out.append(".")
            where.append(m.start())
            mark, start = mark[1:], m.start() + 1
        else:
            start = m.start()
        out.append(f" {mark}")
        where.extend([start, start])
        if not text[m.end() : m.end() + 1].isspace():
            out.append(" ")
            where.append(start + 1)
        at = m.end()
    if at == 0:
        return None
    out.append(text[at:])
    where.extend(range(at, len(text) + 1))
    return "".join(out), where


# APA's date after the authors written with its day and month in figures, or a range of such dates
# (a data set's coverage): `Okafor, C. (12.03.2020). Title.`, `NASA. (01/02/2005 - 11/15/2022). Title.`;
# and APA's year with its month and day (a newspaper's or a press release's): `(1996, November 13).`
_NUMERIC_DATE = r"(?:\d{1,2}[./]\d{1,2}[./](?:1[5-9]|20)\d\d|(?:1[5-9]|20)\d\d/\d{1,2}/\d{1,2})"  # also year first: `2013/12/26`
_DAY_AFTER_YEAR = r"(?:1[5-9]|20)\d\d,\s[A-Z][a-z]+\.?(?:\s\d{1,2}(?:[-–]\d{1,2})?)?"  # `(1996, November 13)`
_NUMERIC_DATE_AFTER_NAMES = re.compile(rf"[^()]{{2,300}}?\s\((?P<date>{_NUMERIC_DATE}(?:\s?[-–—]\s?{_NUMERIC_DATE})?|{_DAY_AFTER_YEAR})\)[.,]?\s")


def _bracket_after_names(text: str) -> int:
    r"""Where the bracket _NUMERIC_DATE_AFTER_NAMES and _STATE_AFTER_NAMES look for can stand: the
    text's first `(`, 3 to 301 characters in, after a space, with no `)` before it (their `[^()]{2,300}?\s\(`);
    -1 where there is none, so neither pattern is tried on most entries."""
    at = text.find("(")
    if not 3 <= at <= 301 or not text[at - 1].isspace() or ")" in text[:at]:
        return -1
    return at


def _dated(text: str) -> tuple[str, list[int]] | None:
    """The entry with APA's numeric date after the authors (see above) written as its first year,
    and each character's offset in `text`: the tagger learned APA's `(2020).` and reads the rest
    of such an entry well once it sees one."""
    at = _bracket_after_names(text)
    m = _NUMERIC_DATE_AFTER_NAMES.match(text) if at > 0 and text[at + 1 : at + 2].isdecimal() else None  # (a date's first digit)
    if m is None:
        return None
    year = re.search(r"\d{4}", m["date"])
    at = m.start("date") + year.start()
    wide = text[: m.start("date")] + year.group() + text[m.end("date") :]
    where = list(range(m.start("date"))) + list(range(at, at + 4)) + list(range(m.end("date"), len(text) + 1))
    where[m.start("date")] = m.start("date")  # the year's first character stands for the whole date
    where[m.start("date") + 3] = m.end("date") - 1
    return wide, where


# APA's state of publication or no-date mark in the year's brackets after the authors:
# `Family, A. (Forthcoming). Title.`, `(in press).`, `(n.d.).`, `(в печати).`, `(б. г.).`.
_STATE_AFTER_NAMES = re.compile(
    r"[^()]{2,300}?\s\((?P<state>n\.\s?d\.|s\.\s?d\.|б\.\s?г\.|in\spress|in\spreparation|forthcoming|accepted|submitted|в\sпечати|(?:принят[ао]?\s)?к\sпечати)\)[.,]?\s",
    re.IGNORECASE,
)


def _stated(text: str) -> tuple[str, list[int]] | None:
    """The entry with APA's state of publication in the year's place (see above) shown to the
    tagger as a year, and each character's offset in `text`: the tagger learned `(2020).` there
    and reads the title after it well once it sees one (without, it read `(n.d.)` as a name and
    `(in press)` and all after it as a note); the bracket itself gives no year (`_year` finds
    none in its words), and `read_entry` makes it the note."""
    m = _STATE_AFTER_NAMES.match(text) if _bracket_after_names(text) > 0 else None
    if m is None:
        return None
    s, e = m.span("state")
    wide = text[:s] + "2000" + text[e:]
    where = list(range(s)) + [s, s, s, e - 1] + list(range(e, len(text) + 1))
    return wide, where


# Chicago's years of a work published over several after the names' full stop (`Dār al-Iftā’
# al-Miṣriyya. 1980-1998. Title.`, `Schmitt, Arno. 2001-2002. “Title”.`).
_YEAR_RANGE_AFTER_NAMES = re.compile(r"[^\W\d_][^()\d]{0,100}?\.\s(?:1[5-9]|20)\d\d(?P<upto>\s?[-–]\s?(?:1[5-9]|20)?\d\d)\.\s")


def _ranged(text: str) -> tuple[str, list[int]] | None:
    """The entry with Chicago's range of years after the names (see above) shown to the tagger as
    its first year, and each character's offset in `text`: the tagger learned `Names. 1980. Title.`
    and read the range, and all after it, as the title."""
    m = _YEAR_RANGE_AFTER_NAMES.match(text) if "-" in text[:130] or "–" in text[:130] else None
    if m is None:
        return None
    s, e = m.span("upto")
    return text[:s] + text[e:], list(range(s)) + list(range(e, len(text) + 1))


# A year's letter printed in Cyrillic (`(2013а)`, `(2017б)`, GOST's bare `С.-Пб, 1902а.`: two works
# of one author and year in a Russian or Kazakh journal's list), shown to the tagger as the Latin
# letter it learned (`(2013a)`).
_CYRILLIC_YEAR_LETTER = re.compile(r"(?<=\((?:1[5-9]|20)\d\d)[а-е](?=\))|(?<=(?<![\d.,/])(?:1[5-9]|20)\d\d)[а-е](?=[.,;]\s)")  # `(2013а)`, `, 1902а.`
_LATIN_OF = str.maketrans("абвгде", "abvgde")
# GOST's marks typed with the Latin letter that looks like the Cyrillic one, in a Cyrillic entry:
# Moscow's `M.:` after the area's dash, the pages' or volume's `C.`/`T.` before a number (`— M.:
# «Вильямс», 2006. — C. 366.`); shown to the tagger as the Cyrillic marks it learned.
_LATIN_LOOKALIKE_MARK = re.compile(r"(?<=[–—]\s)M(?=\.\s?:)|(?<=[–—]\s)[CT](?=\.\s?\d)")
_CYRILLIC_OF = str.maketrans("MCT", "МСТ")


# A list number left at the start of an entry's text: typed by hand inside a list the word
# processor numbers itself (`3. Марк Гранд …` in Word's item 3, printed `3. 3. Марк Гранд …`).
_LEADING_NUMBER = re.compile(r"\s*(?:\[\d{1,3}\]|\d{1,3}\.)\s+(?=[^\W\d_])")


# The names before Chicago's `. 2007.` holding a transliterated Arabic name's article in small
# letters (`al-Ğāḥiẓ. 2007.`, `Dār al-Iftā’ al-Miṣriyya. 1980.`), and the article's place in them.
_NAMES_BEFORE_YEAR = re.compile(r"[^\W\d_][^()\d.]{0,100}?\.\s(?:1[5-9]|20)\d\d")
_ARTICLE_IN_NAMES = re.compile(r"(?<![^\s‘’'ʻ])(?:al|el|ad|ar|as|at|az|an|aš)(?=-[^\W\d_])")


def _capitalised_articles(text: str) -> str:
    """`al-Ğāḥiẓ. 2007. Title.` shown to the tagger as `Al-Ğāḥiẓ. 2007. Title.` (the names before the
    year only, as long as `text`): it learned names in capitals and read one in small letters, with
    the year after it, as the title's start."""
    m = _NAMES_BEFORE_YEAR.match(text)
    if m is None or not _ARTICLE_IN_NAMES.search(text, 0, m.end()):
        return text
    head = _ARTICLE_IN_NAMES.sub(lambda a: a[0][0].upper() + a[0][1:], text[: m.end()])
    return head + text[m.end() :]


def _tagged(text: str):
    """The tagger's labels for `text`, read on its spaced form (`_spaced`) where it has glued
    separators (the tagger learned GOST's marks as tokens of their own), or with APA's numeric
    date read as its year (`_dated`), a year's Cyrillic letter read as a Latin one; a list number
    left at its start is no part of the entry and is not shown to the tagger (its window of three
    tokens either side read the names after it as the title's)."""
    lead = _LEADING_NUMBER.match(text)
    if lead is not None:
        inner, k = _tagged(text[lead.end() :]), lead.end()
        return dataclasses.replace(inner, text=text, spans=tuple((s + k, e + k) for s, e in inner.spans))
    view = text
    if not text.isascii() and "-" in text[:100]:
        view = _capitalised_articles(text)  # as long as `text`
    if not text.isascii() and _CYRILLIC.search(text):  # (the year letters are Cyrillic ones)
        view = _CYRILLIC_YEAR_LETTER.sub(lambda m: m[0].translate(_LATIN_OF), text)  # as long as `text`
        if _CYRILLIC.search(view):
            view = _LATIN_LOOKALIKE_MARK.sub(lambda m: m[0].translate(_CYRILLIC_OF), view)  # as long as `text`
    spaced = _dated(view) or _stated(view) or _ranged(view) or _spaced(view)
    if spaced is None:
        return dataclasses.replace(tag(view), text=text) if view != text else tag(text)
    wide, where = spaced
    tagged = tag(wide)
    spans = tuple((where[s], where[e - 1] + 1) for s, e in tagged.spans)
    return dataclasses.replace(tagged, text=text, spans=spans)


def parser_tagged(text: str):
    """The tagger's labels for `text` read as the parser first reads them (`_tagged`: the list
    number dropped, the spaced and dated views): for the tools that build training lines from
    what the tagger is given (tagger/data/reallists.py)."""
    return _tagged(text)


# A bare date in brackets closing the entry right after its address: `https://… (20.05.2023)`.
# (PDF text may break the address: `…/time_series?hl=ru#recurrent _neural_network (20.05.2023)`).
_BRACKETED_DATE_AFTER_ADDRESS = re.compile(r"(?:https?://|www\.)\S+(?:\s[^\s()]+)?\s?\((\d{1,2}\.\d{1,2}\.\d{4})\)\.?\s*$")


def _access_date_after_address(f: "_Fields") -> tuple[int, int] | None:
    """`Title https://… (20.05.2023)`: a full date in brackets after the address that ends the
    entry is the day the page was read (GOST's `(дата обращения: 20.05.2023)` with its label left
    out): every style prints a work's own date before its address."""
    if "urldate" in f.items or "url" not in f.items or not f.text.endswith((")", ").", ") ")):
        return None
    m = _BRACKETED_DATE_AFTER_ADDRESS.search(f.text)
    if m is None:
        return None
    f.add("urldate", m.start(1), m.end(1))
    return m.start(1), m.end(1)


# A remark in brackets closing the entry after its last element's full stop: a back-reference
# (`. (Cited on p. 777)`, `(Cited on pp. 786, 791)`: SIAM's and biblatex's backref) or the citing
# author's own comment (`Nature Protocols. (Why this source is cited).`). It is no element of the
# description (every style prints its elements before such a remark); an access date in brackets
# (`(дата обращения: …)`, `(accessed …)`) is one, and so is a bracket of numbers or one word
# (`(2016).`, `(Vol. 2)`) and the physics and Chicago styles' imprint in brackets (`(Wiley, New
# York, 1994).`, `(Sachi Shobo Co., Ltd.)`: a year, a publisher or a place).
_CLOSING_REMARK = re.compile(r"(?<=[.!?\"”»])\s+\(([^()]{3,}?)\)\.?\s*$")
_ACCESS_WORDS = re.compile(r"обращ|доступ|просмотр|қаралған|accessed|retrieved|viewed|visited|abgerufen|zugegriffen|consult", re.IGNORECASE)
# What a remark may be read as without being merged into the description's elements.
_REMARK_LABELS = frozenset({"note", "collection", "medium", "genre", "urldate", "accessed", "url"})
_IMPRINT_LABELS = frozenset({"publisher", "location", "date"})


def _closing_remark(text: str, tagged) -> re.Match | None:
    """The closing remark (see above) the tagger read as part of the description's elements (the
    journal, the title, the pages): then the entry is read without it. A remark it read whole as
    a note or a series (GOST's `(Библиотека студента)`) is left as it was read."""
    m = _CLOSING_REMARK.search(text) if text.rstrip().endswith((")", ").")) else None  # (the cheap test first)
    if m is None or len(re.findall(r"[^\W\d_]{2,}", m[1])) < 2 or _ACCESS_WORDS.search(m[1]) or re.search(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)", m[1]):
        return None
    inside = {label for label, s, e, _ in tagged.segments() if e > m.start(1) and s < m.end(1)}
    return m if inside - _REMARK_LABELS and not inside & _IMPRINT_LABELS else None


# A year that names a period or a year of account, not a date: one end of a range of years
# (`2018-2022 гг.`, `1808–1860`) or a year with its word (`за 2022 год`, `2018 years`).
_PERIOD_AFTER = re.compile(r"\s?(?:[-–—]\s?\d{2,4}\b|гг\b|год|жыл|years?\b)")
_PERIOD_BEFORE = re.compile(r"\d{4}\s?[-–—]\s?$")
_YEAR_NAMED = re.compile(r"(?<![^\W\d_])(?:of|for|за|на)\s$")  # `issues of 2022`, `план на 2021`: the year the title names


def _no_year_from_the_title(f: "_Fields") -> None:
    """A year inside the title that names a period or a year of account (`Исследование рынка,
    2018-2022 гг.`, `годовой отчёт за 2022 год`, `issues of 2022`) is what the work is about, not
    when it appeared: the fallback year is not taken there (a year set off by itself is: `Noaybr, 2004,`)."""
    if "year" in f.items and "title" in f.items:
        _, s, e = f.items["year"]
        _, a, b = f.items["title"]
        if a <= s and e <= b and (_PERIOD_AFTER.match(f.text, e) or _PERIOD_BEFORE.search(f.text[max(0, s - 8) : s]) or _YEAR_NAMED.search(f.text[max(0, s - 5) : s])):
            del f.items["year"]
            f.taken = [t for t in f.taken if t != (s, e)]


# A legal act cited by its designation and its name in quotes, as Russian and Kazakh law and
# economics papers print it: the Russian designation first (`Федеральный закон от 21 ноября 2011 г.
# № 323-ФЗ (ред. от 25.12.2023) «Об основах …» // Собрание законодательства РФ. – 2011. – № 48. –
# Ст. 6724.`, `Указ Президента РФ от 02 июля 2021 г. № 400 «О Стратегии …»`), the Kazakh one around
# the name, its kind last (`Қазақстан Республикасының 2007 жылғы 27 шілдедегі № 319-III «Білім
# туралы» Заңы`, `«Білім туралы» Қазақстан Республикасының … Заңы`).
_LEGAL_ACT = re.compile(
    r"^(?P<act>(?:(?:Қазақстан\sРеспубликасының|Республики\sКазахстан)\s)?(?:Федеральный\s(?:конституционный\s)?закон|Закон|Указ|Постановление|Приказ|Распоряжение|Письмо|Положение|Указание|Инструкция"
    r"|Заңы?|Жарлығы?|Қаулысы?|Бұйрығы?)\b[^«»\"“”/]{0,160}?(?:\bот\b|№)(?:[^«»\"“”/]|(?<=\d)/(?=\d)){0,120}?)\s?(?=[«\"“])"
)
_KAZAKH_ACT = r"Қазақстан\sРеспубликасының[^«»\"“”/]{0,120}?"
_KAZAKH_KIND = r"(?:Заңы|Кодексі|Жарлығы|Қаулысы|Бұйрығы)\b"
_LEGAL_ACT_KK = re.compile(
    rf"^(?P<pre>{_KAZAKH_ACT})\s?«(?P<name>[^«»]+)»\s?(?P<kind>{_KAZAKH_KIND})|^«(?P<name2>[^«»]+)»\s?(?P<pre2>{_KAZAKH_ACT})\s?(?P<kind2>{_KAZAKH_KIND})"
)


# A regulator's act with its date and number after its name: `Положение Банка России «…» от
# 27.03.2020 № 714-П.`, `Приказ Минфина «…» от 11.05.2015 № 34н`.
_LEGAL_ACT_DATED_AFTER = re.compile(
    r"^(?P<pre>(?:Положение|Письмо|Указание|Инструкция|Приказ|Постановление|Распоряжение)\s[^«»\"“”/\d]{0,100}?)\s?«(?P<name>[^«»]+)»\s?(?P<kind>от\s\d[^«»/]{0,40}?№\s?[\w/-]+)"
)
# The amendments an act is cited with, in brackets after its name: a note.
_AMENDMENTS = re.compile(r"^(?:с\s?изм|с\s?доп|ред\.?\s?от|в\s?ред|с\s?посл)", re.IGNORECASE)


def _legal_act(text: str) -> Parsed | None:
    """A legal act cited so (see above) read as GOST's description of it: its name in quotes is
    the title (the tagger reads the rest well from there), the designation its kind of document
    (`type`), and the designation's year the year when the rest names none."""
    m = _LEGAL_ACT.match(text)
    kk = None if m else _LEGAL_ACT_KK.match(text) or _LEGAL_ACT_DATED_AFTER.match(text)
    if m is None and kk is None:
        return None
    at = m.end() if m else kk.end()
    rest = read_entry(text[at:])
    fields = [(name, value, s + at, e + at) for name, value, s, e in rest.fields if name not in ("author", "editor")]
    fields = [("note" if name == "publisher" and _AMENDMENTS.match(value) else name, value, s, e) for name, value, s, e in fields]
    if m:
        designation = (m["act"].strip(), m.start("act"), m.end("act"))
        quoted = re.match(r"\s?«([^«»]+)»", text[at:])
        if quoted is not None:  # the name in guillemets is the title, whatever the tagger read past it (`» (с изм.)`)
            fields = [x for x in fields if x[0] != "title"] + [("title", quoted[1], at + quoted.start(1), at + quoted.end(1))]
    else:
        named = "name" if kk["name"] else "name2"
        fields = [x for x in fields if x[0] != "title"] + [("title", kk[named], kk.start(named), kk.end(named))]
        pre, kind = ("pre", "kind") if kk.re is _LEGAL_ACT_DATED_AFTER or kk["pre"] else ("pre2", "kind2")
        designation = (f"{kk[pre].strip()} {kk[kind]}", kk.start(pre), kk.end(kind))
    if not any(name == "title" for name, *_ in fields):  # `«Об образовании».` alone: the name is the title
        fields = [("title" if s - at <= 1 and name in ("booktitle", "journal") else name, value, s, e) for name, value, s, e in fields]
    item = re.search(r"\b[Сс]т\.\s?(\d{1,6})", text[at:])  # the act's number in the gazette (`Ст. 2660`) stands for pages
    if item and not any(name == "pages" for name, *_ in fields):
        fields.append(("pages", item[1], at + item.start(1), at + item.end(1)))
    fields.append(("type", *designation))
    year = re.search(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)", designation[0])
    if year and not any(name == "year" for name, *_ in fields):
        fields.append(("year", year.group(), designation[1], designation[2]))
    fields.sort(key=lambda x: (x[2], x[0]))
    entry_type = rest.entry_type if rest.entry_type in ("article", "online") else "misc"
    return dataclasses.replace(rest, form=rules.recognise_form(text), entry_type=entry_type, fields=tuple(fields))


# MLA 7's medium of publication closing the entry (`Print.`, `Web.`), with the database an article
# was read in before `Web.` and the day it was read after it: `Journal 2.2 (2009): 29+. Academic
# OneFile. Web. 16 Mar. 2011.`, `“Title.” Site. Publisher. 24 Aug. 2008. Web. 18 Apr. 2011.`,
# `New York: Publisher, 2008. Print.`. No element of the work: the tagger, which never learned
# them, read the access date's year as the year and the database as the publisher.
_MLA_MEDIUM = re.compile(
    r"(?<=[.)+\d])\s+(?:(?P<db>[A-Z][^.,:;\d]{2,60}?)\.\s+(?=Web\.))?(?P<medium>Web|Print|PDF\s?file)\."
    r"(?:\s+(?P<date>\d{1,2}\s[A-Z][a-z]{2,4}\.?\s(?:1[5-9]|20)\d\d)\.)?\s*$"
)


def _tagged_without_closings(text: str):
    """The tagger's labels for the entry read without what closes it outside its description:
    a remark in brackets (`_closing_remark`) or MLA's medium (`_MLA_MEDIUM`, when the description
    before it has a year or `n.d.`); and those two."""
    medium = _MLA_MEDIUM.search(text) if text.rstrip().endswith(".") and ("Web." in text or "Print." in text or "PDF" in text) else None  # (the medium's words first)
    if medium is not None and not re.search(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)|\bn\.\s?d\.", text[: medium.start()]):
        medium = None  # with no date of its own, the date after `Web.` is the one it has (AnyStyle labels it so)
    body = text[: medium.start()] if medium is not None else text
    tagged = corrected(_tagged(body))
    remark = _closing_remark(body, tagged)
    if remark is not None:
        tagged = corrected(_tagged(body[: remark.start()]))
    return tagged, remark, medium


def _medium_fields(f: "_Fields", medium: re.Match) -> None:
    """MLA's closing medium (see above): its database a note, its date the access date."""
    if medium["date"] and "urldate" not in f.items:
        f.add("urldate", *medium.span("date"))
    if medium["db"] and "note" not in f.items:
        f.add("note", *medium.span("db"))


def _has_a_dash(text: str) -> bool:
    """Whether a hyphen or a dash stands in the text (what a range of numbers needs)."""
    return "-" in text or "–" in text or "—" in text


def read_entry(text: str) -> Parsed:
    """Fields of one entry of the paper's own list, with their offsets and confidence."""
    act = _legal_act(text)
    if act is not None:
        return act
    tagged, remark, medium = _tagged_without_closings(text)
    f = _Fields(text)
    for rule in (rules.find_doi, rules.find_url, rules.find_urldate, rules.find_isbn_issn):
        rule(f)
    access = _access_date_after_address(f)  # (unlabelled; a labelled one, `accessed …`, is `f.access`: GROBID labels its year as the date in some lines, not in others; it is the day the page was read, never the year)
    done: set[str] = set()  # labels whose first segment that held a value was read
    for label, s, e, p in tagged.segments():
        if label == "volume" and "volume" in done and "pages" not in f.items and text[s:e].strip()[:1].isdecimal() and _has_a_dash(text[s:e]) and re.fullmatch(r"\d+\s?[-–—]\s?\d+[.,;]?", text[s:e].strip()):
            label = "pages"  # `41(2):55–71`: a range after the issue is the pages, whatever the label
        if label in ("url", "doi", "isbn") and _PAGE_SHAPE.fullmatch(text[s:e].strip()):
            label = "pages"  # `2006: 6 pp.`: a page count, whatever the label (the exact rules read addresses)
        if label == "issue" and "pages" not in f.items and _after_volume_colon(f, s, e):
            label = "pages"  # Vancouver's `2007;370:511-20`: after the volume's colon stand the pages
        if label == "pages" and "pages" not in f.items and _issue_before_year_and_pages(f, s, e):
            label = "issue"  # `65:3-4, (1944), 117`: the pages come after the year
        if label == "pages" and "number" not in f.items:
            s = _issue_before_pages(f, s, e)  # `7 (4–5), 342–359`, `№. 10. P. 52–58`: the issue first
        if label in done or label == "date" and access and access[0] < e and s < access[1]:
            continue  # the access date is no year of the work
        if f.access and label not in ("url", "urldate", "accessed") and s <= f.access[1] and e >= f.access[0] and not re.search(r"\w", text[s : f.access[0]] + text[f.access[1] : e]):
            continue  # the access date's label and date are no element of the work (`Дата обращения к ресурсу: …`)
        before = set(f.items)
        if label in ("author", "editor", "translator"):
            value = names(text[s:e])
            if value and label not in f.items:
                f.add(label, s, e, value)
        elif label in _TEXT_FIELDS:
            _text_value(f, _TEXT_FIELDS[label], s, e)
        elif label == "volume":
            _volume(f, s, e)
        elif label == "issue":
            _issue(f, s, e)
        elif label == "pages":
            _pages(f, s, e)
        elif label == "date":
            _year(f, s, e)
        elif label == "edition":
            _edition(f, s, e)
        elif label == "medium":
            _title_before_designation(f, s, e)
        for name in set(f.items) - before:
            f.confidence[name] = p
            done.add(label)
    if remark is not None and "note" not in f.items:
        f.add("note", remark.start(1), remark.end(1))
    if medium is not None:
        _medium_fields(f, medium)
    state = _STATE_AFTER_NAMES.match(text) if _bracket_after_names(text) > 0 else None
    if state is not None and "year" not in f.items:
        f.add("note", *state.span("state"))  # `(Forthcoming).`: no year, and none to look for elsewhere
    elif "year" not in f.items:
        rules.find_year(f)  # a year the tagger put inside another field (`Journal 2001;`)
        _no_year_from_the_title(f)
    _assembly_conventions(f, tagged)
    values = {name: value for name, (value, _, _) in f.items.items()}
    entry_type = "online" if _page_of_a_site(f) else _entry_type(text, values)
    if entry_type in ("inproceedings", "incollection", "thesis") and "journal" in f.items and "booktitle" not in f.items:
        f.items["booktitle"] = f.items.pop("journal")
        f.confidence["booktitle"] = f.confidence.pop("journal", 1.0)
    if entry_type == "article" and "booktitle" in f.items and "journal" not in f.items:
        f.items["journal"] = f.items.pop("booktitle")
        f.confidence["journal"] = f.confidence.pop("booktitle", 1.0)
    _sure_of_a_marked_container(f)
    for name, label in _LABEL_OF_FIELD.items():
        if name not in f.items and not (name == "pages" and "pagetotal" in f.items):  # a page count is what the pages label held
            f.confidence[name] = 1.0 - tagged.present(label)
    ordered = sorted(((name, *item) for name, item in f.items.items()), key=lambda x: (x[2], x[0]))
    confidence = tuple(sorted((name, round(p, 2)) for name, p in f.confidence.items()))
    return Parsed(rules.recognise_form(text), entry_type, tuple(ordered), confidence)


def _assembly_conventions(f: _Fields, tagged) -> None:
    """The fields as the conventions below correct them once the tagger's segments were read, in
    the order they build on each other (numbers first, then the host, place and publisher, then
    what is no host at all)."""
    _given_names_before_the_year(f)
    _title_to_its_closing_quote(f)
    _site_after_quoted_title(f)
    _title_series_publisher(f)
    _site_with_its_designation(f)
    _pages_after_a_quoted_title(f)
    _title_read_as_names(f)
    _heading_named_again(f)
    _volume_glued_to_the_journal(f)
    _volume_date_pages(f)
    _site_body_date(f)
    _series_letter_before_the_volume(f)
    _numbers_after_volume(f)
    _page_not_issue(f)
    _journal_not_publisher(f)
    _title_before_container(f)
    _place_not_journal(f)
    _place_not_publisher(f)
    _place_after_title(f, tagged)
    _cut_title_at_gost_marks(f)
    _other_title_after_the_designation(f)
    _journal_from_title(f)
    _journal_glued_to_title(f)
    _publisher_from_place(f)
    _publisher_begun_in_the_place(f)
    _publisher_not_container(f)
    _publisher_after_place(f)
    _publisher_as_the_places_last_part(f)
    _publisher_without_its_label(f)
    _place_after_publisher(f)
    _presentation_not_publisher(f)
    _institution_after_genre(f, tagged)
    _retrieval_statement_not_title(f)
    _split_translation(f)
    _parallel_title(f)
    _split_container_translation(f)
    _conference_bracket(f)
    _site_before_address(f)
    _kind_of_work_not_container(f)
    _kind_of_work_closing_the_title(f)
    _resource_word_not_title(f)
    _imprint_after_the_hosts_area(f)
    _software_description(f)
    _container_without_designation(f)
    _state_not_container(f)
    _volume_and_pages_inside_the_host(f)
    _version_not_pages(f)
    _volume_alone_after_the_host(f)
    _batch_27_conventions(f)
    _quoted_name_opening_the_entry(f)
    _site_named_by_its_address(f)
    _batch_29_conventions(f)
    _batch_30_conventions(f)
    _batch_31_conventions(f)
    _batch_32_conventions(f)
    _batch_34_conventions(f)
    _batch_35_conventions(f)
    _batch_36_conventions(f)


def marks_host_item(before: str) -> bool:
    """Whether `before` ends with GOST's `//` (GB/T 7714's `[C]//`), so what follows is the host
    item of a component part: GOST 7.1-2003 §7 prints `//` there and nowhere else (a URL's `://`
    is not it)."""
    return "//" in before and re.search(r"(?<!:)//\s*$", before) is not None


def _sure_of_a_marked_container(f: _Fields) -> None:
    """A journal or collection read right after `//` is a container by the mark itself, whatever
    the tagger's marginal for its words (`// Электронные компоненты. 2007. № 2.`)."""
    for name in ("journal", "booktitle"):
        if name in f.items and marks_host_item(f.text[: f.items[name][1]]):
            f.confidence[name] = 1.0


# A full stop after a word of three letters or more (not an initial), or a closing quote.
_SENTENCE_END = re.compile(r"(?<=\w\w[a-zа-яёәғқңөұүһі0-9)\]])\.[\"”»]?\s(?=[\"“«]?[A-ZА-ЯЁ])|[\"”»]\.?\s?(?=[A-ZА-ЯЁ])")


def _title_sentence_ends(value: str) -> list[re.Match]:
    """Where a title's sentences end, as places a journal could start: not before a part's number
    (`Из области Пензенской лесостепи. I. Травяные степи …`: the title's parts, numbered)."""
    return [m for m in _SENTENCE_END.finditer(value) if m.start() > 8 and not re.match(r"[IVXLC]{1,5}\.\s", value[m.end() :])]

def _journal_glued_to_title(f: _Fields) -> None:
    """A journal read right after the title with no mark between them (`Optimization of Interval
    Systems. Automation and Remote | Control, 2000`): every style sets the two apart, so the
    boundary is misread, and the journal starts after the title's last full stop."""
    if "title" not in f.items or "journal" not in f.items:
        return
    value, start, end = f.items["title"]
    j_value, j_start, j_end = f.items["journal"]
    if j_start < end or f.text[end:j_start].strip() or f.text[end - 1] in ".,:;\"”»)]/":
        return
    ends = _title_sentence_ends(value)
    if not ends:
        return
    cut = ends[-1]
    p, pj = f.confidence.get("title"), f.confidence.get("journal")
    del f.items["title"], f.items["journal"]
    f.taken = [t for t in f.taken if t not in ((start, end), (j_start, j_end))]
    title_end = start + cut.start() + (1 if value[cut.start()] in "\"”»" else 0)
    f.add("title", start, title_end, value[: title_end - start].strip(" .,\"“”«»"))
    _text_value(f, "journal", start + cut.end(), j_end)
    for name, q in (("title", p), ("journal", pj)):
        if name in f.items and q is not None:
            f.confidence[name] = q * 0.9  # read by this rule, not by the tagger alone


def _journal_from_title(f: _Fields) -> None:
    """An article's parts (volume, issue or pages, no publisher) with no journal or collection
    read: the title's last sentence is where the journal went (`Title. Journal, 2010, vol. 3`,
    the form of Russian journals' transliterated lists), so it becomes the journal."""
    if "title" not in f.items or "journal" in f.items or "booktitle" in f.items or "publisher" in f.items:
        return
    if not any(name in f.items for name in ("volume", "number", "pages")):
        return
    value, start, end = f.items["title"]
    ends = _title_sentence_ends(value)
    if not ends:
        return
    cut = ends[-1]
    p = f.confidence.get("title")
    del f.items["title"]
    f.taken = [t for t in f.taken if t != (start, end)]
    title_end = start + cut.start() + (1 if value[cut.start()] in "\"”»" else 0)
    f.add("title", start, title_end, value[: title_end - start].strip(" .,\"“”«»"))
    _text_value(f, "journal", start + cut.end(), end)
    for name in ("title", "journal"):
        if name in f.items and p is not None:
            f.confidence[name] = p * 0.9  # read by this rule, not by the tagger alone


_GOST_MARK = re.compile(r"\s?//\s?|\.\s[–—]\s|\s/\s(?=[A-ZА-ЯЁӘҚҢӨҰҮІ][a-zа-яё]?\.\s?[A-ZА-ЯЁӘҚҢӨҰҮІ]|(?:[Пп]ер|[Пп]од|[Рр]ед|[Сс]ост|[Аа]вт|[Нн]ауч|[Оо]тв|[Oo]бщ|[Tt]rans|[Tt]ransl|[Ee]ds?|[Ee]dited)\b)|\s?\[(?:Электрон(?:ный|дық)\sресурс|Elektronn?(?:yy|iy|yi)\sresurs|Electronic\sresource)\]")


def _cut_title_at_gost_marks(f: _Fields) -> None:
    """GOST's marks never stand inside a title: `//` (the container follows), `. – ` (the next
    area), ` / ` before initials or a translator's or editor's word (the statement of
    responsibility, `… : монография / Т. Саати`, `Глубокое обучение / пер. с англ. …`),
    `[Электронный ресурс]`. A title read across one ends there; after `//` stands the
    journal when none was read."""
    if "title" not in f.items:
        return
    value, start, end = f.items["title"]
    if "/" not in value and "[" not in value and "–" not in value and "—" not in value:
        return  # (every mark holds one of these: the search is a title's longest)
    m = _GOST_MARK.search(value)
    if not m or m.start() < 3:
        return
    p = f.confidence.get("title")
    del f.items["title"]
    f.taken = [t for t in f.taken if t != (start, end)]
    f.add("title", start, start + m.start(), value[: m.start()].strip(" .,:;"))
    if "//" in m.group() and "journal" not in f.items and "booktitle" not in f.items:
        rest = re.search(r"\.\s[–—]\s|$", value[m.end():])
        _text_value(f, "journal", start + m.end(), start + m.end() + rest.start())
    for name in ("title", "journal"):
        if name in f.items and p is not None and name not in f.confidence:
            f.confidence[name] = p
    if p is not None:
        f.confidence["title"] = p



# GOST 7.1's title area of an electronic resource: `Title proper [Электронный ресурс] : other title
# information / statement of responsibility`, the other title information closed by ` / ` or the
# next area's dash.
_OTHER_TITLE_AFTER_DESIGNATION = re.compile(
    r"^(?P<proper>[^\[\]/]*?)\s?\[(?:Электрон(?:ный|дық)\sресурс|Electronic\sresource)\]\s?:\s?"
    r"(?P<other>[^\s/][^/]*?)(?=\s/\s|\.?\s[–—-]\s|(?<=[^\W\d_])[–—-]\s(?:Режим\sдоступа|URL)\b|\.?\s*$)"  # (the area's dash glued to the word: `IDE- Режим доступа`)
)
_PERSON_NAME = re.compile(rf"^[{_UP}][^\W\d_]+(?:[-‐][^\W\d_]+)?,?\s(?:[{_UP}]\.\s?){{1,3}}$")


def _other_title_after_the_designation(f: _Fields) -> None:
    """`Neurones [Электронный ресурс] : Нейронные сети / текст доступен …`: the words after the
    designation's colon, to the responsibility's ` / ` or the next area's dash, are the title's
    other information (GOST 7.1-2003 §5.4), so the title is `Neurones: Нейронные сети`; where the
    title proper is a person's name (`Pussadeniya, N. [Электронный ресурс] : Title / …`), read as
    the author, they are the title; a site's name or the other information read as an author
    (`Яндекс.Образование`: no comma, no initials) is the title's. A kind of work or a thesis's
    designation there (`: дис. … канд. наук`, `: учебник`) is no title."""
    m = _OTHER_TITLE_AFTER_DESIGNATION.match(f.text) if "[" in f.text else None  # the designation's bracket
    if m is None or not re.search(r"[^\W\d_]", m["other"]) or _THESIS_OR_KIND.match(m["other"]):
        return
    other = m["other"].strip(" .,;:")
    begin = m.start("proper")
    author = f.items.get("author")
    if author is not None and author[1] < m.end("other"):
        rest = f.text[author[2] : m.end("proper")].strip(" .,:;")
        glued = author[2] < m.end("proper") and not f.text[author[2]].isspace()  # `Яндекс.Образование`: one word
        if author[1] >= m.end("proper") or glued or not rest and not _PERSON_NAME.match(m["proper"].strip()):
            f.items.pop("author")  # the site's name or the other information read as a name
            f.taken = [t for t in f.taken if t != author[1:]]
        elif not rest:
            begin = None  # the person's name stands for the title proper
        else:
            begin = m.end("proper") - len(f.text[author[2] : m.end("proper")].lstrip(" .,:;"))
    for name in ("title", "publisher", "address", "journal", "booktitle", "series"):
        if name in f.items and (name == "title" or m.start("other") <= f.items[name][1] < m.start("other") + len(other)):
            _, a, b = f.items.pop(name)  # the other information read as a publisher, a place or a host is the title's
            f.taken = [t for t in f.taken if t != (a, b)]
    proper = f.text[begin : m.end("proper")].strip(" .,:;") if begin is not None else ""
    if proper:
        f.add("title", begin, m.start("other") + len(other), f"{proper}: {other}")
    else:
        f.add("title", m.start("other"), m.start("other") + len(other))


# A page of a site by GOST 7.0.5/7.1 (`Title // Site. URL: …`, `Title // site URL: …`,
# `Title // Site. – Режим доступа: …`, `// site.ru. https://…` with the label set after the
# address): between `//` and the address's label or the address stands the site (never the label
# itself: `Title // URL: …` names none).
_SITE_BEFORE_ADDRESS = re.compile(r"//\s*(?!(?:URL|Режим\sдоступа|Қолжетімділік\sрежимі|Available|Retrieved)\b)(?P<site>[^\s/][^/]{0,120}?)[\s.,:]*(?:[–—-]\s*)?(?:URL|Режим\sдоступа|Қолжетімділік\sрежимі|Available\s(?:at|from)|Retrieved\sfrom|https?://)\b", re.IGNORECASE)


def _site_before_address(f: _Fields) -> None:
    """A web page's site (its container, as the journal is an article's) is what stands after
    `//` and before `URL:`/`Режим доступа:`, when no container was read and nothing else took it."""
    if "journal" in f.items or "booktitle" in f.items or "url" not in f.items:
        return
    m = _SITE_BEFORE_ADDRESS.search(f.text)
    if m is None or m.start() < 3 or not re.search(r"[^\W\d_]", m["site"]):
        return
    if f.free(m.start("site"), m.end("site")):
        _text_value(f, "journal", m.start("site"), m.end("site"))
        f.confidence.setdefault("journal", f.confidence.get("url", 1.0))


_TRAILING_DESIGNATION = re.compile(r"\s*:?\s*\[(?:сайт|веб-сайт|портал|сайт\sкомпании|website|web\ssite)\][.,]?$", re.IGNORECASE)


def _container_without_designation(f: _Fields) -> None:
    """`// Информатика сегодня : [сайт]`: GOST 7.0.5's note that the container is a site is not part
    of its name; other brackets (`Annales [d’Alger]`) are, and so, as the labelled sets have it,
    are `[Электронный ресурс]` and Vancouver's `[Internet]` there."""
    for name in ("journal", "booktitle"):
        if name in f.items:
            value, s, e = f.items[name]
            m = _TRAILING_DESIGNATION.search(value)
            if m and m.start() > 1:
                f.items[name] = (value[: m.start()].strip(" .,:;"), s, e)


def _page_of_a_site(f: _Fields) -> bool:
    """A page of a site: its container is the site named between `//` and the address's label,
    and it has no volume, issue, pages or publisher (an online journal's article has them)."""
    if any(name in f.items for name in ("volume", "number", "pages", "pagetotal", "publisher")):
        return False
    m = _SITE_BEFORE_ADDRESS.search(f.text)
    host = f.items.get("journal") or f.items.get("booktitle")
    if m is None and host is not None and ("—" in f.text or "–" in f.text):
        m = _SITE_BY_ADDRESS.search(f.text)  # `Title — Data.example.org.`: the site by its host name
    return m is not None and host is not None and m.start("site") <= host[1] and host[2] <= m.end("site") + 2


# What kind of work a book is (GOST's other title information after ` : `): `учебное пособие`,
# `учебно-методическое пособие` (`учебнометодическое` where pdftotext drops a line end's hyphen),
# `учебник`, `монография`, `textbook`; it names the work's genre, never a container.
_KIND_OF_WORK = re.compile(
    r"(?:учеб(?:ное|но-?\s?методическое|\.)?\s?(?:-\s?методическое\s)?пособие|учебник|монография|практикум|курс\sлекций|лекции|справочник|хрестоматия"
    r"|метод(?:ические|\.)\s?указания|оқу\sқұралы|оқулық|монография|textbook|monograph|lecture\snotes)"
    r"(?:\s(?:для|по|к)\s[^.:/]{1,120})?",
    re.IGNORECASE,
)
# A thesis's designation or a kind of work after the designation's colon (`: дис. … канд. наук`).
_THESIS_OR_KIND = re.compile(rf"\s*(?:дис\b|диссертац|автореф|dissertation|thesis|.*дәрежесін\sалу|{_KIND_OF_WORK.pattern})", re.IGNORECASE)


def _kind_of_work_not_container(f: _Fields) -> None:
    """`Title [Текст] : учебное пособие / Author.`, `Title: Лекции. Пенза, 2002.`: the kind of work
    after the title's ` : ` is its genre (`type`), not the journal, collection or publisher the
    tagger took it for."""
    for name in ("journal", "booktitle", "publisher"):
        if name not in f.items:
            continue
        value, s, e = f.items[name]
        if not _may_name_a_kind_of_work(value) or not _KIND_OF_WORK.fullmatch(value.strip(" .,:;")) or not re.search(r":\s*$", f.text[:s] + f.text[s:e].split(value, 1)[0]):
            continue
        del f.items[name]
        f.taken = [t for t in f.taken if t != (s, e)]
        p = f.confidence.pop(name, None)
        f.add("type", s, e, value.strip(" .,:;"))
        if p is not None and "type" in f.items:
            f.confidence["type"] = p


def _may_name_a_kind_of_work(value: str) -> bool:
    """Whether _KIND_OF_WORK can match in `value` (the cheap test first): a value of ASCII
    characters alone needs one of its English words."""
    if not value.isascii():
        return True
    low = value.lower()
    return "textbook" in low or "monograph" in low or "lecture" in low


_KIND_CLOSING_THE_TITLE = re.compile(rf"^(?P<title>.{{3,}}?)\s?[:.]\s?(?P<kind>{_KIND_OF_WORK.pattern})[.,]?$", re.IGNORECASE)


def _kind_of_work_closing_the_title(f: _Fields) -> None:
    """`Основы криптографии: Учебное пособие. 3-е изд. – М.: …`, `Title. Учебное пособие, 2015.`
    (students print the kind of work capitalised, after the title's colon or full stop): the kind
    of work is the type, no part of the title; nor is it a host where one was read alone."""
    for name in ("journal", "booktitle"):
        if name in f.items and "title" in f.items and _may_name_a_kind_of_work(f.items[name][0]) and _KIND_OF_WORK.fullmatch(f.items[name][0].strip(" .,:;")) and f.items[name][1] >= f.items["title"][2]:
            value, s, e = f.items.pop(name)
            f.taken = [t for t in f.taken if t != (s, e)]
            p = f.confidence.pop(name, None)
            f.add("type", s, e, value.strip(" .,:;"), confidence=p)
    if "title" not in f.items or "type" in f.items:
        return
    value, start, end = f.items["title"]
    m = _KIND_CLOSING_THE_TITLE.match(value) if _may_name_a_kind_of_work(value) else None
    if m is None or not m["kind"][:1].isupper():
        return  # `: монография` in lower case stays (the labelled GOST sets keep it in the title)
    p = f.confidence.get("title")
    del f.items["title"]
    f.taken = [t for t in f.taken if t != (start, end)]
    f.add("title", start, start + m.end("title"), confidence=p)
    f.add("type", start + m.start("kind"), start + m.end("kind"), confidence=p)
    if p is not None:
        f.confidence["title"] = p


# The words for what a bare address is, printed alone before it (`Веб-сайт https://…`).
_RESOURCE_WORD = re.compile(r"(?:веб-?\s?сайт|сайт|web\s?site|website|интернет-?\s?ресурс|web\s?page|веб-?\s?страница)[.:]?", re.IGNORECASE)


def _resource_word_not_title(f: _Fields) -> None:
    """`Веб-сайт https://habr.com/…`: the word for what the address is, alone before it, is no
    title (a note)."""
    if "title" not in f.items or "url" not in f.items:
        return
    value, start, end = f.items["title"]
    if _RESOURCE_WORD.fullmatch(value.strip()) and f.items["url"][1] >= end and len(f.items) == 2:
        del f.items["title"]
        f.taken = [t for t in f.taken if t != (start, end)]
        f.add("note", start, end)


# IEEE's web page with no author: its name in quotes opens the entry, the year and the medium
# after it (`“ros.org,” 2024. [Online]. Available: https://ros.org`).
_QUOTED_NAME_FIRST = re.compile(r"\s*[“\"](?P<name>[^“”\"]{2,200}?)[,.]?[”\"],?\s+(?:(?:1[5-9]|20)\d\d|n\.\s?d\.)")
_MEDIUM_WORDS = re.compile(r"[\[\]().:,\s]*(?:online|available(?:\s(?:at|from))?|электронный\sресурс|режим\sдоступа)(?:[\[\]().:,\s]+(?:online|available(?:\s(?:at|from))?))*[\[\]().:,\s]*", re.IGNORECASE)


def _quoted_name_opening_the_entry(f: _Fields) -> None:
    """IEEE's web page with no author (see above): the quoted name is the title, where the
    tagger read none, or read the medium's words (`[Online]. Available`) as one; a domain name
    (`ros.org`) had looked like an address to it. Only with an address: a journal's name in
    quotes before its year and volume is no page's."""
    m = _QUOTED_NAME_FIRST.match(f.text)
    title = f.items.get("title")
    if m is None or "author" in f.items or "url" not in f.items or title is not None and not _MEDIUM_WORDS.fullmatch(title[0]):
        return
    if title is not None:
        del f.items["title"]
        f.taken = [t for t in f.taken if t != title[1:]]
    f.add("title", *m.span("name"))


_AREA_DASH = re.compile(r"\.\s[–—-]\s")


def _imprint_after_the_hosts_area(f: _Fields) -> None:
    """Google Scholar's GOST `//Host: Proceedings. – Springer, 2013.`: the area's dash ends the host,
    so words before it read as the publisher's are the host's."""
    if "publisher" not in f.items:
        return
    value, start, end = f.items["publisher"]
    host = next((n for n in ("booktitle", "journal") if n in f.items), None)
    m = _AREA_DASH.search(value)
    if m is not None and host is not None and f.items[host][2] <= start and not f.text[f.items[host][2] : start].strip(" .,:"):
        h_value, h_start, h_end = f.items.pop(host)
        f.taken = [t for t in f.taken if t not in ((h_start, h_end), (start, end))]
        del f.items["publisher"]
        f.add(host, h_start, start + m.start(), f.text[h_start : start + m.start()].strip(" .,:"))
        f.add("publisher", start + m.end(), end)


# APA 7's description of a work's kind in brackets after its title (§9.21): `[Computer
# software]`, `[Data set]`, `[Video]`, `[Preprint]`…
_APA_DESCRIPTION = re.compile(
    r"computer\s+(?:software|program)|software|data\s?set|video|audio(?:\s+(?:podcast|recording))?|podcast|blog\s+post|preprint|unpublished\s+manuscript|mobile\s+app|app",
    re.IGNORECASE,
)
_VERSION_AFTER_TITLE = re.compile(r"\s?\((?:Version|Vers\.|v\.)\s?(?P<version>\d[\w.-]*)\)$")


def _software_description(f: _Fields) -> None:
    """`Quarto (Version 1.7) [Computer software]. https://…`: APA's software entry. The kind of
    work in brackets is its type, not its publisher; the version in brackets after the title is
    the version, not the title's."""
    if "publisher" in f.items:
        value, start, end = f.items["publisher"]
        if _APA_DESCRIPTION.fullmatch(value.strip(" .,[]")) and f.text[start - 1 : start] == "[":
            f.items["type"] = f.items.pop("publisher")
            if "publisher" in f.confidence:
                f.confidence["type"] = f.confidence.pop("publisher")
    if "title" in f.items and "version" not in f.items:
        value, start, end = f.items["title"]
        m = _VERSION_AFTER_TITLE.search(value)
        if m and m.start() > 0:
            p = f.confidence.get("title")
            del f.items["title"]
            f.taken = [t for t in f.taken if t != (start, end)]
            f.add("title", start, start + m.start(), confidence=p)
            f.add("version", start + m.start("version"), start + m.end("version"), confidence=p)


def _page_not_issue(f: _Fields) -> None:
    """`Astrophys. J. 455, 7 (1995)` (the physics styles): a number after the volume and a comma,
    then the year in brackets, with no pages anywhere, is the (first) page, not the issue; ACM's
    `8, 2 (1985), 3–10` prints its pages after the year."""
    if "pages" in f.items or "pagetotal" in f.items or "volume" not in f.items or "number" not in f.items:
        return
    _, _, v_end = f.items["volume"]
    value, n_start, n_end = f.items["number"]
    if re.fullmatch(r"\s?,\s?", f.text[v_end:n_start]) and re.match(r"\s?\((?:1[5-9]|20)\d\d[a-z]?\)", f.text[n_end:]) and value.isdigit():
        f.items["pages"] = f.items.pop("number")
        f.confidence["pages"] = f.confidence.pop("number", f.confidence.get("volume", 1.0))


# A work's state of publication where its host would stand (biblatex's `pubstate`: `in
# preparation`, `in press`, `submitted`, `forthcoming`, `to appear`, `в печати`).
_PUBLICATION_STATE = re.compile(
    r"(?:in\s)?(?:preparation|press|print)|submitted(?:\sfor\spublication)?|forthcoming|to\sappear|accepted(?:\sfor\spublication)?"
    r"|under\sreview|(?:в|у)\sпечати|в\sподготовке|принят[ао]?\sк\sпечати|направлен[ао]?\sв\sпечать",
    re.IGNORECASE,
)


def _state_not_container(f: _Fields) -> None:
    """`Title, in preparation (2016).`, `Journal of X, in press.`: the state of publication the
    tagger read as the container (or journal) is a note: it names no host."""
    for name in ("journal", "booktitle"):
        if name not in f.items:
            continue
        _, s, e = f.items[name]
        # `in preparation`: the `In:` mark was left out (looked for in the last few characters
        # only: it ends the text before the field, and a word boundary needs one more)
        s -= len(re.search(r"(?:\b(?:[Ii]n|[Вв])\s)?$", f.text[max(0, s - 8) : s]).group())
        state = f.text[s:e].strip(" .,;:()")
        if not _PUBLICATION_STATE.fullmatch(state):
            continue
        del f.items[name]
        f.confidence.pop(name, None)
        if "note" in f.items:  # with a closing remark (`_closing_remark`): one note of both
            note, a, b = f.items["note"]
            f.items["note"] = (f"{state}; {note}" if s < a else f"{note}; {state}", min(s, a), max(e, b))
        else:
            f.add("note", s, e, state)


# A host read with the volume and the page range after it: `Inverse Problems, 19, R1–R26`.
_HOST_VOLUME_PAGES = re.compile(r"(?P<host>.*?[^\W\d_].*?),\s?(?P<volume>\d{1,4}),\s?(?P<pages>[A-Za-z]?\d{1,6}\s?[-–—]\s?[A-Za-z]?\d{1,6})")


def _volume_and_pages_inside_the_host(f: _Fields) -> None:
    """`Inverse Problems, 19, R1–R26.`: a journal's or book's name never ends with a volume and a
    page range (APA's and JSS's `Journal, 19, 1–26`); read inside the host, with neither read
    elsewhere, they are the volume and the pages."""
    if "volume" in f.items or "pages" in f.items or "pagetotal" in f.items:
        return
    for name in ("journal", "booktitle"):
        if name in f.items:
            value, s, e = f.items[name]
            m = _HOST_VOLUME_PAGES.fullmatch(f.text[s:e]) if "," in f.text[s:e] and _has_a_dash(f.text[s:e]) else None  # (the pattern's comma and range: the cheap test first)
            if m:
                f.items[name] = (m["host"], s, s + m.end("host"))
                f.add("volume", s + m.start("volume"), s + m.end("volume"))
                f.add("pages", s + m.start("pages"), s + m.end("pages"))
                for field in ("volume", "pages"):
                    f.confidence[field] = f.confidence.get(name, 1.0)
            return


# A software's version where pages would stand: `R package version 1.0-2`.
_VERSION_MARK = re.compile(r"\b(?:[Vv]ersion|[Vv]er\.|[Вв]ерсия|[Нн]ұсқа(?:сы)?)\s?$")
_VERSION_WORD_ENDS = ("ersion", "er.", "ерсия", "ұсқа", "ұсқасы")  # how each of its words ends


def _version_not_pages(f: _Fields) -> None:
    """`vcd: Visualizing Categorical Data. R package version 1.0-2.`: the number after `version`
    is a version, never the pages; with the words before it (`R package version`, read as a
    journal) it is a note."""
    if "pages" not in f.items:
        return
    _, s, e = f.items["pages"]
    before = f.text[:s]
    if not before.rstrip().endswith(_VERSION_WORD_ENDS) or _VERSION_MARK.search(before) is None:
        return  # (a mark closes the text before the pages: its last word, the search a long one)
    del f.items["pages"]
    f.confidence.pop("pages", None)
    e = s + len(re.match(r"[\w.-]*\w", f.text[s:]).group())
    host = next((name for name in ("journal", "booktitle") if name in f.items and _VERSION_MARK.search(f.text[: f.items[name][2] + 1].rstrip())), None)
    start = s
    if host is not None:
        start = f.items.pop(host)[1]
        f.confidence.pop(host, None)
    if "note" not in f.items:
        f.add("note", start, e)


def _volume_alone_after_the_host(f: _Fields) -> None:
    """`(2014). Title. Advances in Neural Information Processing Systems, 27.` (Google Scholar's
    APA for a proceedings series): in an author-date entry (the year in brackets before the title)
    a lone number after a book's or proceedings' comma that closes the entry is its volume: APA
    prints pages after a volume (`27(3), 1–9`) and in brackets for a book (`(pp. 1–9)`). A
    journal's lone number is left as read (GROBID's labels call `Water Resources Research, 42.`
    pages)."""
    if "volume" in f.items or "number" in f.items or "pages" not in f.items or "year" not in f.items:
        return
    host = f.items.get("booktitle")
    value, s, e = f.items["pages"]
    _, year_start, _ = f.items["year"]
    if host is None or not value.isdigit() or year_start > host[1] or not re.search(r"\(\s?$", f.text[:year_start]):
        return
    if re.fullmatch(r"\s?,\s?", f.text[host[2] : s]) and re.fullmatch(r"\.?\s*(?:(?:https?://|doi:\s?)\S+\s*)?", f.text[e:]):
        f.items["volume"] = f.items.pop("pages")
        f.confidence["volume"] = f.confidence.pop("pages", 1.0)


_GLUED_VOLUME = re.compile(r"(?<=[^\W\d_])\s?\.(\d{1,4})$")  # the full stop kept with the name
_NUMBERED_MARK = re.compile(r"(?:^|\W)(?:ser|series|sér|sect|sec|pt|part|no|nr|vol|v|t|bd|fasc)\s?\.\d{1,4}$", re.IGNORECASE)


# MLA's and Chicago's `Journal 110.9 (Sept. 2002): A512.`, `Journal 2.2 (2009): 29+.`, `87.4 (July-
# August 2008): 47+.`: the volume (and the issue after its full stop), the date in brackets, and
# after its colon the pages to the element's end (a page with its section letter, `29+` for
# pages that run on elsewhere in the issue).
_VOLUME_DATE_PAGES = re.compile(
    r"\s(?P<volume>\d{1,4})(?:\.(?P<issue>\d{1,3}))?\s\((?:[A-Z][a-z]{2,8}\.?(?:\s?[-–]\s?[A-Z][a-z]{2,8}\.?)?\s)?(?:1[5-9]|20)\d\d\):"
    r"\s(?P<pages>[A-Z]?\d{1,6}(?:\s?[-–]\s?[A-Z]?\d{1,6}|\+)?)(?=\.?\s*$|[.,]\s)"
)


def _volume_date_pages(f: _Fields) -> None:
    """The numbers of `Journal 110.9 (Sept. 2002): A512.` (see above) right after the journal
    read, whatever the tagger made of them (it read a section letter's page or `29+` as a note or
    the volume)."""
    journal = f.items.get("journal")
    m = _VOLUME_DATE_PAGES.search(f.text, journal[2] - 1) if journal is not None and ":" in f.text[journal[2] :] else None
    if m is None or f.text[journal[2] : m.start()].strip(" ,"):
        return
    for name in ("volume", "number", "pages", "note"):
        if name in f.items and f.items[name][1] < m.end() and m.start() < f.items[name][2]:
            del f.items[name]
    f.items["volume"] = (m["volume"], *m.span("volume"))
    if m["issue"]:
        f.items["number"] = (m["issue"], *m.span("issue"))
    f.items["pages"] = (m["pages"], *m.span("pages"))
    for name in ("volume", "number", "pages"):
        f.confidence.setdefault(name, f.confidence.get("journal", 1.0))


# MLA's web page: `“Title.” English.news.cn. Xinhua News Agency. 24 Aug. 2008. Web. 18 Apr. 2011.`,
# `“Title.” en.beijing2008.cn. The Beijing Organizing Committee …. n.d. Web. …`: the site's domain
# name, the body that publishes it, the page's date (or `n.d.`), the medium.
_SITE_BODY_DATE = re.compile(
    r"(?<=[.?!”\"]\s)(?P<site>(?:[A-Za-z0-9-]+\.)+[a-z]{2,4})\.\s(?P<body>[A-Z][^.]{2,120}?)\.\s"
    r"(?P<date>\d{1,2}\s[A-Z][a-z]{2,4}\.?\s(?:1[5-9]|20)\d\d|n\.\s?d)\.(?:\s+(?:Web|Print)\..*)?\s*$"
)


def _site_body_date(f: _Fields) -> None:
    """An MLA web page (see above): the domain is the site (the container), the words after it
    the publisher, and the day before the month no volume; read so where the tagger ran them
    together or called them a note."""
    title = f.items.get("title")
    m = _SITE_BODY_DATE.search(f.text, title[2]) if title is not None else None
    if m is None or f.text[title[2] : m.start()].strip(" .”\"'"):
        return
    for name in ("journal", "booktitle", "publisher", "note", "volume", "pages", "address"):
        if name in f.items and f.items[name][1] < m.end("date") and m.start() < f.items[name][2]:
            del f.items[name]
    f.items["journal"] = (m["site"], *m.span("site"))
    f.items["publisher"] = (m["body"], *m.span("body"))


# ACL's and natbib's author-year opening with given names first: `Iz Beltagy, Kyle Lo, and Arman
# Cohan. 2019. Title.`, the names before the year's full stop.
_GIVEN_NAMES_DOT_YEAR = re.compile(r"^\s*(?P<who>[A-Z][^()\d:;\[\]\"“”«»/]{2,400}?)\.\s(?P<year>(?:1[5-9]|20)\d\d[a-z]?)\.(?=\s|$)")
_NAME_LINKS = frozenset({"and", "et", "al", "&", "van", "von", "de", "der", "den", "du", "da", "di", "del", "la", "le"})


def given_names_before_year(text: str) -> re.Match | None:
    """The opening `Given Family, Given Family, and Given Family. 2019.` (see above): two names or
    more, each of two words or more (`et al.` aside), every word capitalised but `and`, `et al.`
    and name particles, the first name's first word a given name (not `Family, I.`)."""
    m = _GIVEN_NAMES_DOT_YEAR.match(text)
    if m is None or not re.match(r"\s*[A-Z][a-z]*\.?\s[A-Z]", m["who"]) or re.search(r"[^\W\d_]{2,}\.\s", m["who"]):
        return None  # (a full stop inside the names is an initial's: `DANN. Structural Complexity I.` is a title after them)
    parts = [n.strip() for n in re.split(r",\s*(?:and\s)?|\sand\s", m["who"]) if n.strip()]
    words = re.findall(r"[^\W\d_][\w'’.-]*", m["who"])
    named = len(parts) >= 2 and all(len(n.split()) >= 2 or n in ("et al", "et al.") for n in parts)
    return m if named and all(w[0].isupper() or w.lower().rstrip(".") in _NAME_LINKS for w in words) else None


def _given_names_before_the_year(f: _Fields) -> None:
    """`Given Family, …, and Given Family. 2019. Title. …` (`given_names_before_year`): the names
    run to the year, and the sentence after the year is the title, where the tagger ended the
    names early (reading the last names as the title) or read no title after the year (a long
    run of names: `…, Ganesh Venkatesh, et al. 2017. Mixed precision training.`)."""
    m = given_names_before_year(f.text) if "author" in f.items else None
    if m is None:
        return
    a, b = m.span("who")
    title = f.items.get("title")
    names_cut, title_lost = f.items["author"][2] < b - 1, title is None or title[1] < m.end()
    if not (names_cut or title_lost) or title is not None and title[1] >= m.end():
        return
    value = names(f.text[a:b])
    if value:
        f.items["author"] = (value, a, b)
    start = m.end() + len(f.text[m.end() :]) - len(f.text[m.end() :].lstrip())
    end = re.search(r"[.?!](?=\s|$)", f.text[start:])
    if end is None or end.start() < 3:
        return
    stop = start + end.start() + (end.group() != ".")
    for name, (old, s, e) in list(f.items.items()):
        if name not in ("author", "year") and s < stop and start < e:
            rest = f.text[stop + 1 : e].strip(" .,")
            del f.items[name]
            if rest and e > stop + 1:
                f.items[name] = (rest, e - len(f.text[stop + 1 : e].lstrip(" .,")), e)
    f.items["title"] = (f.text[start:stop], start, stop)
    f.items.setdefault("year", (m["year"], *m.span("year")))


# GOST's designation of the medium or the kind of text after a title: `[Электронный ресурс]`,
# `[Текст]`, `[Книга]`.
_DESIGNATION = re.compile(r"\[(?:Электронный\sресурс|Электронды\sресурс|Текст|Книга|Electronic\sresource)\]", re.IGNORECASE)
_INITIAL = re.compile(r"(?<![^\W\d_])[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.")
_NAME_WORD = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ](?:[a-zа-яёәғқңөұүһі'’-]+|[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]+)[.,]?")  # a name's word: a capital, then small letters; or a body's in capitals (`UNAIDS.`)


def _title_read_as_names(f: _Fields) -> None:
    """A work described under its title (GOST: `Title (Java SE 17) [Электронный ресурс] // Site.`,
    `List of File Formats – Wikipedia [Электронный ресурс] //`) has no author: words read as names
    before the title that bear no initial and no comma of a name, with no statement of
    responsibility (` / `) before the designation or after it, are the title's first words when
    some word is not a name's (`of`, `IntelliJ`, `(Java`, `&`; `Степанова Анна Михайловна.` is a name)."""
    author, title = f.items.get("author"), f.items.get("title")
    if author is None or title is None or author[2] > title[1]:
        return
    mark = _DESIGNATION.search(f.text, title[1]) if "[" in f.text else None
    raw = f.text[author[1] : author[2]]
    if mark is None or _INITIAL.search(raw) or "," in raw.rstrip(" ,:") or "/" in f.text[author[1] : mark.start()] or re.match(r"\s?/(?!/)", f.text[mark.end() :]):
        return
    if all(_NAME_WORD.fullmatch(w) or w.rstrip(".,") in ("и", "др", "and", "et", "al") for w in raw.split()):
        return  # `Степанова Анна Михайловна.`, `Kamenshchik Brian.`: names written in full
    del f.items["author"]
    f.items["title"] = (f.text[author[1] : title[2]].strip(), author[1], title[2])


# GOST's heading repeated by its statement of responsibility: `John P. Flynt Software Engineering
# for Game Developers [Текст] / John P. Flynt — 1-е изд.`: the names after the slash open the entry.
_RESPONSIBILITY_AFTER_DESIGNATION = re.compile(r"\]\s?/\s?(?P<names>(?:[^/—–.;]|(?<=\b[A-ZА-ЯЁ])\.)+?)\s?(?:[—–]|(?<!\b[A-ZА-ЯЁ])\.\s|\.?$)")


def _heading_named_again(f: _Fields) -> None:
    """The names the statement of responsibility gives (see above), printed the same way at the
    entry's start, are its author, and the words between them and the designation its title,
    where the tagger ended the names earlier (`John P.` read as the name, `Flynt Software …` as
    the title)."""
    mark = _DESIGNATION.search(f.text) if "[" in f.text else None
    said = _RESPONSIBILITY_AFTER_DESIGNATION.match(f.text, mark.end() - 1) if mark is not None else None
    if said is None:
        return
    who = said["names"].strip()
    if len(who.split()) < 2 or not f.text.startswith(who + " ") or "author" in f.items and f.items["author"][2] >= len(who):
        return
    value = names(who)
    if not value:
        return
    f.items["author"] = (value, 0, len(who))
    start = len(who) + 1
    f.items["title"] = (f.text[start : mark.start()].strip(), start, mark.start())


_YEAR_IN = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
_CLOSING_QUOTE = {"“": "”", '"': '"', "«": "»", "„": "“"}


def _title_to_its_closing_quote(f: _Fields) -> None:
    """A title printed in quotes runs to its closing quote: `“Kurtosis as Peakedness, 1905 – 2014.
    R.I.P.” The American Statistician`, where the tagger ended it at a date inside the quotes
    (the year read before it stays the year)."""
    title = f.items.get("title")
    if title is None:
        return
    _, s, e = title
    at = s if f.text[s : s + 1] in _CLOSING_QUOTE else s - 1 if s > 0 and f.text[s - 1] in _CLOSING_QUOTE else None
    if at is None:
        return
    close = f.text.find(_CLOSING_QUOTE[f.text[at]], at + 1)
    if close <= e or close - e > 120 or "//" in f.text[e:close] or any(q in f.text[e:close] for q in "“«„"):
        return
    if "year" in f.items and e <= f.items["year"][1] < close or not _YEAR_IN.search(f.text, e, close):
        return  # (the tagger ends a quoted title early at a date inside it; `Report. Manuscript.”` is another matter)
    for name, (_, a, b) in list(f.items.items()):
        if name != "title" and a < close and e <= b and a >= s:
            del f.items[name]
    f.items["title"] = (f.text[at + 1 : close].rstrip(" ,.;:"), at + 1, close)


# Chicago's web page as Zotero writes it: `“Title.” 2019. Encyclopedia Britannica. Accessed November
# 23. https://…`, `“Safe Seats.” Text/html. Tutor2u. https://…`: after the quoted title (its year,
# a file's type) the site's name, then the access date or the address.
_MONTH_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"})
_SITE_AFTER_QUOTED_TITLE = re.compile(
    r"[.,]?[”\"]?[.,]?\s(?:(?:1[5-9]|20)\d\d[a-z]?\.\s)?(?:[A-Za-z]+/[\w.+-]+\.\s)?(?!Accessed|Retrieved)(?P<site>[A-Z][^.,;:“”\"\s]*(?:\s[^.,;:“”\"\s]+){0,5})\.\s(?:Accessed|Retrieved|https?://|www\.)"
)


def _site_after_quoted_title(f: _Fields) -> None:
    """The site's name of a web page (see above: one to six words, no comma: `PhD thesis, Press`
    is no site) is its container, where none was read."""
    title = f.items.get("title")
    if title is None or "journal" in f.items or "booktitle" in f.items:
        return
    m = _SITE_AFTER_QUOTED_TITLE.match(f.text, title[2])
    if m is None or not any(f.text[title[2] - 1 : title[2] + 2].count(q) for q in "”\"") or m["site"].lower().rstrip(".") in _MONTH_WORDS:
        return  # (`“Title,” November. https://…`: the page's month)
    for name, (_, a, b) in list(f.items.items()):
        if name not in ("title", "year", "author") and a < m.end("site") and m.start("site") < b:
            del f.items[name]
    f.items["journal"] = (m["site"], *m.span("site"))


# Chicago's book in a series, as Zotero writes it: `2016. Title. British General Election Series.
# Palgrave Macmillan UK. doi:…`: after the year the title, the series' name ending in `Series`, the
# publisher, then the identifier or the end.
_TITLE_SERIES_PUBLISHER = re.compile(
    r"\.?\s(?P<title>[^.“”\"]{3,200}?)\.\s(?P<series>(?:[A-Z][\w’'&-]*\s){1,6}Series)\.\s(?P<publisher>[A-Z][^.]{2,80}?)\.(?=\s(?:doi|DOI|https?://|ISBN)|\s*$)"
)


def _title_series_publisher(f: _Fields) -> None:
    """A book in a series (see above), after the year: the title, the series (no title's part, no
    host), the publisher (the series' name is none of its words)."""
    year = f.items.get("year")
    m = _TITLE_SERIES_PUBLISHER.match(f.text, year[2]) if year is not None and "Series." in f.text else None
    if m is None:
        return
    for name, (_, a, b) in list(f.items.items()):
        if name not in ("author", "year") and a < m.end("publisher") and m.start("title") < b:
            del f.items[name]
    for name in ("title", "series", "publisher"):
        f.items[name] = (m[name], *m.span(name))


# GOST 7.0.100's site after `//` with its designation: `// SpringerOpen : [сайт].`, `// Хабр : [сайт]`.
_SITE_WITH_DESIGNATION = re.compile(r"//\s*(?P<site>[^/\[\]:]{1,80}?)\s*:\s*\[сайт\]", re.IGNORECASE)


def _pages_after_a_quoted_title(f: _Fields) -> None:
    """`2017. “Title,” 4.` closing the entry (Chicago as Zotero writes a report's pages): a number
    of one to three figures after the quoted title's comma, the year read before the title, is its
    pages (IEEE's `“Title,” 2012.` closes with its year)."""
    m = re.search(r",[”\"]\s(\d{1,3})\.?\s*$", f.text) if "pages" not in f.items and "title" in f.items and "year" in f.items else None
    if m is not None and f.items["year"][2] <= f.items["title"][1] <= f.items["title"][2] <= m.start() + 1:
        for name in ("edition", "volume", "number"):
            if name in f.items and f.items[name][1] < m.end(1) and m.start(1) < f.items[name][2]:
                del f.items[name]  # (the tagger read the lone number as an edition)
        f.add("pages", *m.span(1))


def _site_with_its_designation(f: _Fields) -> None:
    """The name between `//` and `: [сайт]` is the site the page is in (its container), though
    the tagger read it as a place or a publisher (`// SpringerOpen : [сайт]`)."""
    m = _SITE_WITH_DESIGNATION.search(f.text) if "[сайт]" in f.text.lower() and "journal" not in f.items and "booktitle" not in f.items else None
    if m is None:
        return
    for name in ("address", "publisher", "note"):
        if name in f.items and f.items[name][1] < m.end("site") and m.start("site") < f.items[name][2]:
            del f.items[name]
    f.items["journal"] = (m["site"].strip(), *m.span("site"))


def _volume_glued_to_the_journal(f: _Fields) -> None:
    """`Nat .Phys .5 ( 2009)586`, `Sci.Rep .7 ,43394`, `Transl.Ser .2 194` (PDF text that glued
    the volume to the full stop of the journal's abbreviation): a number glued after the full
    stop that closes the journal's name is no part of the name but the volume, where none was read
    (a mark's number stays with its mark: `Bulletin …, ser.2`)."""
    journal = f.items.get("journal")
    if journal is None:
        return
    value, s, e = journal
    if "." not in value or not (value[-1:].isdigit() or value.endswith("\n")):  # a full stop, a number at the end
        return
    m = _GLUED_VOLUME.search(value)
    if m is None or m.start() == 0 or _NUMBERED_MARK.search(value):  # `Geneve, ser.2`: a series' number
        return
    cut = m.start(1)  # after the full stop
    f.items["journal"] = (value[:cut].rstrip(), s, s + cut)
    if "volume" not in f.items:
        start = f.text.find(m.group(1), s + m.start())
        if start >= 0:
            f.add("volume", start, start + len(m.group(1)))
            f.confidence["volume"] = f.confidence.get("journal", 1.0)


def _series_letter_before_the_volume(f: _Fields) -> None:
    """`Phys. Rev. D62`, `J. R. Stat. Soc. B39, 1-38`, `Proc. R. Soc. Lond., B200`: a capital letter
    glued to the volume's number is the journal's series (Physical Review D), not a mark of the
    volume (`V69`, `N5` aside: a volume's and a number's marks): it closes the journal's name when the tagger read it with the volume,
    whose number alone is kept, so the letter is not lost."""
    if "journal" not in f.items or "volume" not in f.items:
        return
    value, s, e = f.items["journal"]
    at = f.items["volume"][1] - 1  # the volume's value starts at its number
    if at < e or not re.match(r"[A-MO-UW-Z]\d", f.text[at : at + 2]) or f.text[at - 1].isalnum():
        return
    if re.fullmatch(r"[\s.,]*", f.text[e:at]):
        f.items["journal"] = (f"{value} {f.text[at]}", s, at + 1)


# Words that name a publishing house and never a journal (`Springer Verlag`, `Wiley`, `… Press`).
_PUBLISHING_HOUSE_WORDS = frozenset("press verlag publishers publishing springer elsevier wiley kluwer routledge pergamon издательство баспасы".split())


def _journal_not_publisher(f: _Fields) -> None:
    """A volume and pages with no journal, no collection and no place: the one name read as a
    publisher is the journal those parts belong to (`[J]. Simulation, 2001, 76(2): 60-68`), unless
    the volume stands in APA's bracket of a book's part (`(Vol. 1, pp. 171–182).`), or is a
    series' (`Lecture Notes in Physics 818, Springer Verlag, 2010, p. 223`: the volume is the
    series' number, the publisher the book's), or the name is a publishing house's (`Springer`,
    `… Press`)."""
    if "publisher" not in f.items or any(n in f.items for n in ("journal", "booktitle", "address", "series")):
        return
    if not ("volume" in f.items and "pages" in f.items):
        return
    value, start, _ = f.items["publisher"]
    if not _PUBLISHING_HOUSE_WORDS.isdisjoint(re.findall(r"[^\W\d_]+", value.casefold())) or f.text[:start].rstrip().endswith("("):
        return  # (a journal is not printed in brackets: `pp. 512-518 (McGraw Hill 1997)` is the imprint)
    if re.match(r"\(\s*Vol\.", f.text[f.items["volume"][1] :]) or re.search(r"\(\s*Vol\.\s*$", f.text[: f.items["volume"][1]]):
        return  # APA's book part, `Title (Vol. 1, pp. 171–182). Duncker & Humboldt.`: its publisher
    value, start, end = f.items.pop("publisher")
    f.items["journal"] = (value, start, end)
    if "publisher" in f.confidence:
        f.confidence["journal"] = f.confidence.pop("publisher")


def _title_before_container(f: _Fields) -> None:
    """No style prints the journal before the title: a journal (and pages) read before the title
    are the title's first words (`Казахстан в 20–40 годы XIX века`)."""
    if "title" not in f.items or "journal" not in f.items:
        return
    _, t_start, t_end = f.items["title"]
    _, j_start, j_end = f.items["journal"]
    if j_start >= t_start or re.search(r"//|\bIn\b", f.text[j_start:t_start]):
        return
    p = f.confidence.get("title")
    for name in ("journal", "pages", "volume", "number"):
        if name in f.items and j_start <= f.items[name][1] < t_start:
            del f.items[name]
            f.confidence.pop(name, None)
    del f.items["title"]
    f.taken = [t for t in f.taken if not (j_start <= t[0] < t_end)]
    f.add("title", j_start, t_end)
    if p is not None:
        f.confidence["title"] = p


def _place_not_journal(f: _Fields) -> None:
    """A page count makes a whole book, and a book has no journal: a lone word read as the
    journal of an entry with a page count and no volume, issue or pages, no place and no
    publisher, is the place (`Title. Барнаул, 2003. 346 с.`), or the publisher when it is an
    organisation's initials (`Title. МЦТФ, 2013 – 192 с.`)."""
    if "journal" not in f.items or "pagetotal" not in f.items or any(n in f.items for n in ("volume", "number", "pages", "address", "publisher")):
        return
    value, start, end = f.items["journal"]
    if len(value.split()) > 2:
        return
    name = "publisher" if _INITIALISM.fullmatch(value) and value not in _COUNTRY_INITIALISMS else "address"
    p = f.confidence.pop("journal", None)
    del f.items["journal"]
    f.items[name] = (value, start, end)
    if p is not None:
        f.confidence[name] = p


# An organisation's initials in Cyrillic capitals (`МЦТФ, 2013`, `БГУИР`, `МГУ`): a publisher, where
# a place is a city's name (`Барнаул, 2003`) or its abbreviation (`М.`, `СПб.`); countries aside.
_INITIALISM = re.compile(r"[А-ЯЁӘҒҚҢӨҰҮҺІ]{3,8}")
_COUNTRY_INITIALISMS = frozenset({"США", "СССР", "ФРГ", "ГДР"})


def _place_not_publisher(f: _Fields) -> None:
    """`Title. Барнаул, 2003. 346 с.`: GOST prints the publisher after the place and its colon
    (`М.: Наука, 2001`), so one Cyrillic word read as the publisher right after the title's full
    stop, with no place read and the year after it, is the place."""
    if "publisher" not in f.items or "address" in f.items:
        return
    value, start, end = f.items["publisher"]
    if value.isascii() or not re.fullmatch(r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі-]+", value) or not re.search(r"\w\.\s?$", f.text[:start]):  # (a Cyrillic first letter tested first)
        return  # after the title's full stop, not after a place's colon or an edition's comma
    if not re.match(r"\s?,\s?(?:1[5-9]|20)\d\d\b", f.text[end:]):
        return
    f.items["address"] = f.items.pop("publisher")
    if "publisher" in f.confidence:
        f.confidence["address"] = f.confidence.pop("publisher")


def _place_after_title(f: _Fields, tagged) -> None:
    """`Title. Барнаул, 2003.`: one capitalised word after the title's full stop and before the
    year, which the tagger gave to the title without conviction (marginal < 0.6), is the place."""
    if "title" not in f.items or "address" in f.items:
        return
    value, start, end = f.items["title"]
    m = re.search(r"\.\s([A-ZА-ЯЁ][\w-]+)$", value)
    if not m or "," not in f.text[end : end + 2] or not re.match(r"\s?,\s?(?:1[5-9]|20)\d\d\b", f.text[end : end + 8]):
        return
    word_start = start + m.start(1)
    unsure = [p for (s, e), label, p in zip(tagged.spans, tagged.labels, tagged.marginals) if s >= word_start and e <= end + 1 and label == "title"]
    if not unsure or max(unsure) >= 0.6:
        return
    p = f.confidence.get("title")
    del f.items["title"]
    f.taken = [t for t in f.taken if t != (start, end)]
    f.add("title", start, start + m.start() + 1, value[: m.start()])
    f.add("address", word_start, start + m.end(1))
    if p is not None:
        f.confidence["title"] = p
    f.confidence["address"] = 1.0 - max(unsure)


def _publisher_from_place(f: _Fields) -> None:
    """`Tokyo: Kaiseisha` read as one place with no publisher: what follows the colon is the
    publisher (AnyStyle's location normaliser does the same)."""
    if "address" not in f.items or "publisher" in f.items:
        return
    value, start, end = f.items["address"]
    m = re.search(r"\s?:\s?(?=\S)", value)
    if not m or m.start() == 0:
        return
    p = f.confidence.get("address")
    del f.items["address"]
    f.taken = [t for t in f.taken if t != (start, end)]
    f.add("address", start, start + m.start())
    _text_value(f, "publisher", start + m.end(), end)
    for name in ("address", "publisher"):
        if name in f.items and p is not None:
            f.confidence[name] = p


_PROCEEDINGS_WORDS = re.compile(r"\b(?:proc|proceedings|conference|symposium|workshop|congress|meeting|forum|annual|конференц|симпозиум|конгресс|форум|материал|труды|сборник)", re.IGNORECASE)
_REPORT_OR_THESIS = re.compile(r"thesis|dissertation|report|диссертац|дис\.|автореф|отч[её]т|препринт|preprint", re.IGNORECASE)


def _publisher_not_container(f: _Fields) -> None:
    """`Title. R Foundation for Statistical Computing, Vienna, Austria.`: a book or report names
    its publisher (or institution) and then its place; a work inside a collection names the
    collection with `In`/`//`, its editors, volume or pages. So a collection read right before the
    place, with none of those and no publisher read, is the publisher (proceedings aside)."""
    if "booktitle" not in f.items or "address" not in f.items or "publisher" in f.items:
        return
    if any(n in f.items for n in ("journal", "volume", "number", "pages", "editor")):
        return
    value, start, end = f.items["booktitle"]
    if not re.fullmatch(r"[\s,.;]*", f.text[end : f.items["address"][1]]) or _PROCEEDINGS_WORDS.search(value):
        return
    if re.search(r"(?:\b(?:In|in|В)\b:?|//)\s*[\"“«]?\s*$", f.text[:start]):
        return
    f.items["publisher"] = f.items.pop("booktitle")
    if "booktitle" in f.confidence:
        f.confidence["publisher"] = f.confidence.pop("booktitle")


def _publisher_begun_in_the_place(f: _Fields) -> None:
    """`Cambridge: Cambridge UniversityPress .` read as the place `Cambridge: Cambridge` and the
    publisher `UniversityPress`: a place names no more after its colon, so the words after the
    colon, right before the publisher with nothing but a space between, open the publisher."""
    if "address" not in f.items or "publisher" not in f.items:
        return
    value, start, end = f.items["address"]
    _, p_start, p_end = f.items["publisher"]
    m = re.search(r"\s?:\s?(?=[^\W\d_])", value) if ":" in value else None  # (the cheap test first)
    if not m or m.start() == 0 or p_start < end or f.text[end:p_start].strip() or "," in value[m.end() :]:
        return
    f.items["address"] = (value[: m.start()], start, start + m.start())
    f.taken = [t for t in f.taken if t not in ((start, end), (p_start, p_end))]
    p = f.confidence.get("publisher")
    del f.items["publisher"]
    _text_value(f, "publisher", start + m.end(), p_end)
    if p is not None and "publisher" in f.items:
        f.confidence["publisher"] = p


def _publisher_after_place(f: _Fields) -> None:
    """`– Алматы : Институт ядерной физики, 2005.`, `Boca Raton: CRC Press`: what follows a place
    and its colon is the publisher (GOST 7.1's and APA's imprint), never a journal or a book: a
    host is named before its own imprint, with `//` or `In`, and has volumes and pages."""
    if "address" not in f.items or "publisher" in f.items or any(n in f.items for n in ("volume", "number", "pages")):
        return
    for name in ("journal", "booktitle"):
        if name in f.items and f.items["address"][2] <= f.items[name][1] and re.match(r"\s?:\s?[^\W\d_]", f.text[f.items["address"][2] : f.items[name][2]]):
            f.items["publisher"] = f.items.pop(name)
            if name in f.confidence:
                f.confidence["publisher"] = f.confidence.pop(name)
            return


_PUBLISHER_LABEL = re.compile(r"(?:Издательство|Изд-во|Баспасы|Publisher)\s?:\s?(?=\S)", re.IGNORECASE)


def _publisher_without_its_label(f: _Fields) -> None:
    """`М. : Издательство: МГТУ им. Баумана, 2008.`: the word `Издательство:` (`Publisher:`) before
    the publisher's name is the name's label, not a part of it (`Изд-во СГУ`, with no colon, is)."""
    if "publisher" not in f.items:
        return
    value, start, end = f.items["publisher"]
    m = _PUBLISHER_LABEL.match(value)
    if m and m.end() < len(value):
        f.items["publisher"] = (value[m.end() :], start + f.text[start:end].find(value[m.end() :]), end)

def _publisher_as_the_places_last_part(f: _Fields) -> None:
    """`St. Petersburg, BHV-Petersburg, 523 p., 2019`, `Novosibirsk, Sibirskoe Knigoizdatelstvo,
    2019. 320 p.` read whole as the place: in a book's imprint (a page count printed, no host) a last
    comma part that names no place (no city, country, or a code in capitals), after a city, is the
    publisher, when none was read."""
    if "publisher" in f.items or "address" not in f.items or "pagetotal" not in f.items or "journal" in f.items or "booktitle" in f.items:
        return  # a book's (its page count printed): a host's place names its state (`Baltimore, Maryland`, `Washington, D. C.`)
    value, start, end = f.items["address"]
    m = re.match(r"^(?P<place>[^,]+),\s?(?P<rest>[^,]+?)[.,]?$", value)
    if m is None or not is_place(m["place"].split()[-1]):
        return
    words = m["rest"].split()
    if not words[0][:1].isupper() or any(is_place(w) or is_country(w) for w in words) or re.fullmatch(r"[A-ZА-ЯЁ.]{1,4}", m["rest"]):
        return
    p = f.confidence.get("address")
    del f.items["address"]
    f.taken = [t for t in f.taken if t != (start, end)]
    f.add("address", start, start + m.end("place"), confidence=p)
    f.add("publisher", start + m.start("rest"), start + m.end("rest"), confidence=p)


def _place_after_publisher(f: _Fields) -> None:
    """`Intellect Publishing House, Kurchatov.`, `Academic Press, London.`: a city closing the
    publisher after its comma, with no place read, is the place (the publisher-then-place order
    of Harvard's and the romanised Russian lists)."""
    if "publisher" not in f.items or "address" in f.items:
        return
    value, start, end = f.items["publisher"]
    m = re.search(r",\s?([^\W\d_][\w-]*)[.,]?$", value) if "," in value else None
    if not m or m.start() == 0 or not is_place(m[1]):
        return
    p = f.confidence.get("publisher")
    del f.items["publisher"]
    f.taken = [t for t in f.taken if t != (start, end)]
    f.add("publisher", start, start + m.start(), confidence=p)
    f.add("address", start + m.start(1), start + m.end(1), confidence=p)

_PRESENTED = re.compile(r"(?:(?:Paper|Poster)\s)?[Pp]resented\s(?:at|to)\b|Доклад\sна\b|Представлен[ао]?\sна\b")


def _presentation_not_publisher(f: _Fields) -> None:
    """`… a systematic review. Presented at the Cochrane Colloquium, Oslo, 1999.`: where a work
    was presented is a note on it (the event), not its publisher; the note runs to the place or
    the year. (Read as a collection it stays one: AnyStyle's and GROBID's labels call `Paper
    presented at …` the container.)"""
    if "note" in f.items:
        return
    for name in ("publisher",):
        if name not in f.items or not _PRESENTED.match(f.items[name][0]):
            continue
        _, start, end = f.items.pop(name)
        p = f.confidence.pop(name, None)
        stops = [f.items[n][1] for n in ("address", "year", "url", "doi") if n in f.items and f.items[n][1] > start]
        stop = min(stops) if stops else end
        f.taken = [t for t in f.taken if not (start <= t[0] < stop)]
        f.add("note", start, start + len(f.text[start:stop].rstrip(" ,.;")), confidence=p)
        return


def _institution_after_genre(f: _Fields, tagged) -> None:
    """`PhD thesis, University Of California, Irvine`, `Technical report, Department of …`: what
    follows a thesis's or report's designation, before the place or the year, is the school or
    institution that issued it, whatever label the tagger gave its words (a second run of names,
    a collection); the project writes it as the publisher (`bib` turns it into `school`)."""
    if "type" not in f.items or "publisher" in f.items or not _REPORT_OR_THESIS.search(f.items["type"][0]):
        return
    type_end = f.items["type"][2]
    after = next(((label, s, e) for label, s, e, _ in tagged.segments() if s >= type_end), None)
    if after is None or after[0] not in ("author", "container", "journal") or not re.fullmatch(r"[\s,.;:]*", f.text[type_end : after[1]]):
        return
    for name in ("booktitle", "journal"):
        if name in f.items and f.items[name][1] == after[1]:
            del f.items[name]
            f.confidence.pop(name, None)
    f.taken = [t for t in f.taken if not (after[1] <= t[0] < after[2])]
    _text_value(f, "publisher", after[1], after[2])


_RETRIEVAL_AT_THE_END = re.compile(r"[.,]?\s+(?:Retrieved\s+(?:from|on)|Available\s+(?:at|from|online)|Accessed(?:\s+on)?)\s*:?$", re.IGNORECASE)


def _retrieval_statement_not_title(f: _Fields) -> None:
    """`Poole, J. (2018b). The Amboseli Elephants. Retrieved from https://…`: APA's and Harvard's
    retrieval statement (`Retrieved from`, `Available at:`) before the address is no word of the
    title the tagger read on into it."""
    if "title" not in f.items:
        return
    value, start, end = f.items["title"]
    low = value.lower()  # (the cheap test first: a value of ASCII characters alone needs one of the pattern's words)
    m = _RETRIEVAL_AT_THE_END.search(value) if not value.isascii() or "retrieved" in low or "available" in low or "accessed" in low else None
    if m is None or m.start() < 3:
        return
    p = f.confidence.get("title")
    del f.items["title"]
    f.taken = [t for t in f.taken if t != (start, end)]
    f.add("title", start, start + m.start(), value[: m.start()].strip(" .,:;"))
    if p is not None:
        f.confidence["title"] = p


def _split_translation(f: _Fields) -> None:
    """`Title [Its translation]` (Russian journals' English lists): the bracket is `titleaddon`,
    and it ends the title: what a title read past it holds is the journal (`… [Translation].
    Journal, 2014, no. 2`). GOST's material designation so too, its colon glued to it or not
    (`Title [Текст]: учебное пособие /`: the kind of work after it is read as such below)."""
    if "title" not in f.items:
        return
    value, start, end = f.items["title"]
    if "[" not in value:
        return
    m = re.search(r"\s?\[([^\[\]]{4,}|PDF|DVD|CD|MP3|MP4|PPT)\][.,:]?(?:\s+|$)", value)  # APA's `[PDF]` too; GOST's `[Текст]: учебное пособие` glued
    if not m or re.match(r"\d", m[1]) or m.start() == 0:
        return
    p = f.confidence.get("title")
    del f.items["title"]
    f.taken = [t for t in f.taken if t != (start, end)]
    f.add("title", start, start + len(value[: m.start()].rstrip(" .")))
    f.add("titleaddon", start + m.start(1), start + m.end(1))
    rest = value[m.end():]
    host = f.items.get("journal")
    if rest.strip() and host is not None and f.text[host[1] - 1 : host[1]] == "[" and f.text[host[2] : host[2] + 1] == "]" and not f.text[end : host[1] - 1].strip():
        # `… [Translation]. Journal [Its translation] 22(4)`: the tagger read the journal's name
        # with the title and its translation alone as the journal; the name and it are the journal
        del f.items["journal"]
        f.taken = [t for t in f.taken if t != (host[1], host[2])]
        _text_value(f, "journal", start + m.end(), host[2] + 1)
    elif rest.strip() and "journal" not in f.items and "booktitle" not in f.items:
        _text_value(f, "journal", start + m.end(), end)
    for name in ("title", "titleaddon", "journal"):
        if name in f.items and name not in f.confidence and p is not None:
            f.confidence[name] = p
    if p is not None:
        f.confidence["title"] = p


# GOST 7.1's parallel title: `Title proper = Parallel title` (the title in another language). The
# sides are in two scripts, so an equation in a title (`x = Ax + b`, `a = b в группах`) is none.
_PARALLEL_TITLE = re.compile(r"\s=\s(?=\S)")
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
_LATIN_WORDS = re.compile(r"[A-Za-z][a-z]+\W+[A-Za-z]")


def _one_script_each(proper: str, parallel: str) -> bool:
    """The title proper in one script, the parallel title of two words or more in the other."""
    if _CYRILLIC.search(proper) and not _CYRILLIC.search(parallel):
        return _LATIN_WORDS.match(parallel) is not None
    if not _CYRILLIC.search(proper) and re.search(r"[A-Za-z]", proper):
        return re.match(r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+\W+[а-яёәғқңөұүһі]", parallel) is not None and not re.search(r"[A-Za-z]", parallel)
    return False


def _parallel_title(f: _Fields) -> None:
    """`Основы программирования = Programming Basics: A First Course. — М.: …`: the parallel title
    after GOST's ` = ` is no part of the title proper; it is the title's addon (as a translation in
    brackets is)."""
    if "title" not in f.items or "titleaddon" in f.items:
        return
    value, start, end = f.items["title"]
    m = _PARALLEL_TITLE.search(value)
    if m is None or m.start() < 3 or not _one_script_each(value[: m.start()], value[m.end() :]):
        return
    p = f.confidence.get("title")
    del f.items["title"]
    f.taken = [t for t in f.taken if t != (start, end)]
    f.add("title", start, start + len(value[: m.start()].rstrip(" .,:;")))
    f.add("titleaddon", start + m.end(), end)
    for name in ("title", "titleaddon"):
        if p is not None:
            f.confidence[name] = p


# A romanised or Cyrillic name (not `耶稣会…` with its English name), its translation in two
# words or more (not a place, `Annales du Musée … [Alger]`), and no medium's designation
# (`World Book [Электронный ресурс]`, `[Internet]`: GOST's and Vancouver's, kept with the name).
_TRANSLATED_NAME = re.compile(r"[\s\dA-Za-zÀ-ɏЀ-ӿ\W]+")
_TRANSLATION = re.compile(r"\S+(?:\s+\S+)+")
_MEDIUM = re.compile(r"ресурс|электрон|internet|online|онлайн|текст|text", re.IGNORECASE)


def _split_container_translation(f: _Fields) -> None:
    """`Radiatsiya i risk [Radiation and Risk] 22(4)`: the journal's or book's name with its
    translation in brackets after it (Russian and Kazakh journals' romanised lists, as `Title
    [Its translation]` for the title): the name is the container, the bracket its
    `journaltitleaddon` or `booktitleaddon` (biblatex's fields). In an entry whose title has its
    translation so (`titleaddon`), one word is the name's translation too (`Ekologiya [Ecology] 2`),
    and a bracket whose `]` the field's value lost at its end is still one (`[NNC RK Bulletin] 4(60)`)."""
    translated = "titleaddon" in f.items
    for name in ("journal", "booktitle"):
        if name not in f.items:
            continue
        value, start, end = f.items[name]
        if "[" not in value:  # no bracket, no translation (the cheap test first)
            continue
        closed = r"\]" if f.text[start + len(value) : start + len(value) + 1] != "]" else r"\]?"
        m = re.fullmatch(r"(.*?[^\W\d_].*?)\s?\[([^\[\]]{4,})" + closed + r"[.,]?\s*", value)
        if not m or not _TRANSLATED_NAME.fullmatch(m[1]) or _MEDIUM.search(m[2]):
            continue
        if not _TRANSLATION.fullmatch(m[2]) and not (translated and re.fullmatch(r"[^\W\d_][\w-]+", m[2])):
            continue
        p = f.confidence.get(name)
        del f.items[name]
        f.taken = [t for t in f.taken if t != (start, end)]
        f.add(name, start, start + len(m[1].rstrip(" .,")), confidence=p)
        f.add(name.replace("journal", "journaltitle") + "addon" if name == "journal" else "booktitleaddon", start + m.start(2), start + m.end(2), confidence=p)


# The conference's dates (and place) in brackets closing a proceedings' title: `(Тольятти, 12-15 окт.
# 2009 г.)`, `(25-27 марта 2008 г., г. Владивосток)`: a year, and a Cyrillic month or GOST's `г.`.
_CONFERENCE_BRACKET = re.compile(r"(?P<host>.*[^\W\d_].*?)\s?\((?P<event>[^()]*(?<!\d)(?:1[5-9]|20)\d\d(?!\d)[^()]*)\)[.,]?\s*")
_EVENT_DATE = re.compile(r"\d.*(?:1[5-9]|20)\d\d(?:\s?г\.)?|(?:1[5-9]|20)\d\d(?:\s?г\.)?")


def _conference_bracket(f: _Fields) -> None:
    """`Раритеты флоры …: докл. участников науч. конф. (Тольятти, 12-15 окт. 2009 г.)`: the bracket
    closing a host's name that gives the conference's dates and place is biblatex's `eventdate`
    and `venue`, not a part of the proceedings' title (`booktitle`, or the journal the tagger read)."""
    for name in ("booktitle", "journal"):
        if name not in f.items:
            continue
        value, start, end = f.items[name]
        if "(" not in value:  # no bracket (the cheap test first: the pattern backtracks)
            continue
        m = _CONFERENCE_BRACKET.fullmatch(value)
        if not m or not re.search(r"\bг\.|[а-яё]{3,}\.?\s(?:1[5-9]|20)\d\d", m["event"]) or not re.search(r"[а-яёА-ЯЁ]", m["event"]):
            continue
        p = f.confidence.get(name)
        del f.items[name]
        f.taken = [t for t in f.taken if t != (start, end)]
        f.add(name, start, start + len(m["host"].rstrip(" .,")), confidence=p)
        at = start + m.start("event")
        date = _EVENT_DATE.search(m["event"])
        if date:
            f.add("eventdate", at + date.start(), at + date.end(), confidence=p)
        place = re.sub(r"^[\s,;]+|[\s,;]+$", "", (m["event"][: date.start()] + " " + m["event"][date.end() :]) if date else m["event"]).strip()
        if place:
            f.add("venue", at + m["event"].find(place.split()[0]), at + len(m["event"].rstrip()), value=place, confidence=p)
        return


# Words each thesis mark and each proceedings word below holds (`_entry_type` searches an entry
# holding one of them only).
_THESIS_MARK_WORDS = ("дис", "автореф", "thesis", "dissertation")
_PROCEEDINGS_MARK_WORDS = ("proc", "conference", "symposium", "workshop", "конференц", "материал", "сборник", "сб.", "труд", "симпозиум", "конгресс", "форум", "[c]")


def _entry_type(text: str, v: dict[str, str]) -> str:
    """The BibTeX type from what was read: a journal is an article, a collection or proceedings a
    paper in one, a thesis mark a thesis, a publisher or page count a book, an address alone a web page."""
    low = text.lower()
    thesis = any(w in low for w in _THESIS_MARK_WORDS) and re.search(r"\bдис\.|диссертац|автореф|ph\.?d\.?\sthesis|master'?s\sthesis|dissertation", low)
    if v.get("type") and re.search(r"thesis|dissertation|дис\.|диссертац|автореф", v["type"].lower()) or thesis:
        return "thesis"
    proceedings = any(w in low for w in _PROCEEDINGS_MARK_WORDS) and re.search(r"\bproc\.|proceedings|conference|symposium|workshop|конференц|материал|сборник|\bсб\.|трудов|труды|симпозиум|конгресс|форум|\[c\]", low)
    if v.get("journal"):
        return "inproceedings" if proceedings and not v.get("volume") else "article"
    if v.get("booktitle"):
        return "inproceedings" if proceedings else "incollection"
    if (v.get("volume") or v.get("number")) and v.get("pages") and not v.get("publisher"):
        return "article"
    if v.get("url") and not v.get("publisher"):
        return "online"
    if v.get("pagetotal") or v.get("publisher") or v.get("isbn"):
        return "book"
    return "misc"


# ---- conventions read from batch 27's misses (bench/UNSEEN_LISTS.md), run after the others ----


def _batch_27_conventions(f: _Fields) -> None:
    """Batch 27's conventions, each in a function of its own, run once the others have read the
    fields (conventions.py's are untouched)."""
    _host_without_its_designation(f)
    _site_after_the_medium(f)
    _edition_closing_the_title(f)
    _volumes_statement_not_title(f)
    _place_of_two_words(f)
    _article_number_and_page_count(f)
    _patent_number_not_host(f)
    _quoted_word_inside_the_title(f)
    _journal_with_its_place(f)
    _title_before_the_responsibility(f)
    _scholar_names_after_the_title(f)
    _publisher_named_in_guillemets(f)
    _pages_after_the_part(f)
    _edition_read_as_host(f)
    _year_with_its_letter_not_pages(f)


def _drop(f: _Fields, name: str) -> tuple[str, int, int, float | None]:
    """Take field `name` out (its place free again): (value, start, end, confidence)."""
    value, s, e = f.items.pop(name)
    f.taken = [t for t in f.taken if t != (s, e)]
    return value, s, e, f.confidence.pop(name, None)


# GOST 7.0.100's designation after the host's name, unbracketed (`// Википедия: сайт.`, `// IEEE
# Transactions on Games: электронный журнал. – Дата публикации: 2019.`): what the host is, and the
# areas after it, are no part of its name.
_HOST_DESIGNATION = re.compile(r"\s*:\s*(?:официальный\s|информационный\s)?(?:сайт|веб-сайт|портал|интернет-портал|электронный\sжурнал|электронная\sбиблиотека|блог)\b.*$", re.IGNORECASE)


def _host_without_its_designation(f: _Fields) -> None:
    """`// Хабр: сайт.`: the container is `Хабр`."""
    for name in ("journal", "booktitle"):
        if name in f.items:
            value, s, e = f.items[name]
            m = _HOST_DESIGNATION.search(value) if ":" in value else None
            if m and m.start() > 1:
                f.items[name] = (value[: m.start()].strip(" .,:;"), s, e)


# `Title [Электронный ресурс] Википедия. Свободная энциклопедия. – URL: …`: the site named after the
# medium, with no `//` before it, up to the area's dash before the address's label.
_SITE_AFTER_MEDIUM = re.compile(r"\[(?:Электронный ресурс|Electronic resource)\]\s*(?P<site>[^\s/\[\]–—:][^/\[\]–—]{0,80}?)[.,]?\s[–—-]\s(?:URL|Режим доступа)", re.IGNORECASE)


def _site_after_the_medium(f: _Fields) -> None:
    """The words between `[Электронный ресурс]` and `– URL:` name the site: the container, where
    none was read or the one read is a part of them (`Энциклопедия` of `Пасечник. Энциклопедия`)."""
    m = _SITE_AFTER_MEDIUM.search(f.text) if "]" in f.text else None
    if m is None or not re.search(r"[^\W\d_]", m["site"]):
        return
    for name in ("journal", "booktitle"):
        if name in f.items:
            if not (m.start("site") <= f.items[name][1] and f.items[name][2] <= m.end("site")):
                return
            _drop(f, name)
    if f.free(m.start("site"), m.end("site")):
        _text_value(f, "journal", m.start("site"), m.end("site"))


# `«Title. Издание 3»`, `Title. Издание 3-е, стереотипное`, `Title. Изд. 2-е, перераб.`: the edition
# statement closing a title (inside its quotes) is the edition.
_EDITION_CLOSING = re.compile(r"(?P<title>.*\S)\.\s(?P<edition>(?:Издание|Изд\.)\s\d{1,2}(?:-?[ея])?(?:,\s[а-яё .,]{3,40})?)[»\"”]?$", re.DOTALL)


def _edition_closing_the_title(f: _Fields) -> None:
    """The edition statement at the end of a title is the edition, no part of the title."""
    if "title" not in f.items or "edition" in f.items:
        return
    value, s, e = f.items["title"]
    m = _EDITION_CLOSING.match(value) if "Изд" in value else None
    if m is None:
        return
    at = f.text.find(m["edition"], s, e + 1)
    _, s, e, p = _drop(f, "title")
    f.add("title", s, s + len(m["title"]) + (f.text[s:e].find(value[:1]) if value[:1] else 0), value=m["title"], confidence=p)
    if at >= 0:
        f.add("edition", at, at + len(m["edition"]), confidence=p)


# `Справочник по композиционным материалам: в 2 - х кн. Кн. 2`, `Title: в 3 т. Т. 1`: how many
# volumes the work has closes the title; it is not the title's.
_VOLUMES_STATEMENT = re.compile(r"\s*:\s*в\s\d{1,2}\s?(?:-\s?)?(?:х\s)?(?:т|кн|ч)\.?$", re.IGNORECASE)


def _volumes_statement_not_title(f: _Fields) -> None:
    """`: в 2-х кн.` after the title is the number of volumes, not the title's words."""
    if "title" in f.items:
        value, s, e = f.items["title"]
        m = _VOLUMES_STATEMENT.search(value) if "в " in value else None
        if m and m.start() > 0:
            f.items["title"] = (value[: m.start()], s, e)


# A place of two capitalised words joined by `на` before the publisher's colon (`Ростов на Дону:
# Феникс, 2005`, `Комсомольск на Амуре: …`), printed without the hyphens of `Ростов-на-Дону`.
_PLACE_ON_A_RIVER = re.compile(r"(?:^|[–—-]\s|\.\s)(?P<place>[А-ЯЁ][а-яё]+\sна\s[А-ЯЁ][а-яё]+)\s?:\s?(?P<publisher>[^:,;]{2,80}?),\s(?:1[5-9]|20)\d\d")


def _place_of_two_words(f: _Fields) -> None:
    """`Ростов на Дону: Феникс, 2005`: the place is `Ростов на Дону`, the publisher `Феникс`."""
    m = _PLACE_ON_A_RIVER.search(f.text) if " на " in f.text else None
    if m is None:
        return
    for name in ("address", "publisher", "booktitle", "journal"):
        if name in f.items and f.items[name][1] < m.end("publisher") and m.start("place") < f.items[name][2]:
            _drop(f, name)
    f.add("address", *m.span("place"))
    _text_value(f, "publisher", *m.span("publisher"))


# Hindawi's `Journal of Sensors Volume 2016, Article ID 8046529, 7 pages`.
_ARTICLE_ID = re.compile(r"\b(?:Volume|Vol\.)\s(?P<volume>\d{1,4}),\s(?:Article\sID|Article\sNo\.?|Article)\s(?P<id>\w{1,12}),\s\d{1,3}\spages\b")


def _article_number_and_page_count(f: _Fields) -> None:
    """The article's number stands for its pages, the volume before it is the volume; `7 pages` is
    the article's length."""
    m = _ARTICLE_ID.search(f.text) if "Article" in f.text else None
    if m is None:
        return
    if "pages" not in f.items:
        f.add("pages", *m.span("id"))
    if "volume" not in f.items:
        f.add("volume", *m.span("volume"))


# A patent's number: `US Pat. № 4 962 359`, `U.S. Patent No. 6,009,432`, `Patent RU 2123456`.
_PATENT = re.compile(r"\b(?:U\.?S\.?\s?)?(?:Pat\.|Patent)\s?(?:No\.?|№)?\s?(?:[A-Z]{2}\s?)?\d[\d ,/]{3,14}\d")


def _patent_number_not_host(f: _Fields) -> None:
    """A patent has no host and no volume: its designation and number are a note."""
    m = _PATENT.search(f.text) if "Pat" in f.text else None
    if m is None:
        return
    touched = False
    for name in ("journal", "booktitle", "volume", "number"):  # (GROBID's labels read pages in a patent's number)
        if name in f.items and f.items[name][1] < m.end() and m.start() < f.items[name][2]:
            _drop(f, name)
            touched = True
    if touched:
        f.add("note", *m.span())


def _quoted_word_inside_the_title(f: _Fields) -> None:
    """`(2008). Concerns about measuring “spirituality” in research. J. Nerv. Ment. Dis.`: a title
    read to a quoted word, the few words after it in lower case up to a full stop (read as a host,
    its `in` taken for the host's `In`, or as nothing) are the title's."""
    if "title" not in f.items or not f.items["title"][0].endswith(("”", '"')):
        return
    _, ts, te = f.items["title"]
    m = re.match(r"[”\"]?((?:\s[a-z][a-z-]*){1,6})\.\s", f.text[te:])
    if m is None:
        return
    end = te + m.end(1)
    host = None  # a host read from the words on past the full stop: read again after it
    for name in ("journal", "booktitle", "note", "publisher", "address"):
        if name in f.items and f.items[name][1] < end:
            if f.items[name][2] > end + 2 and (name not in ("journal", "booktitle") or host is not None):
                return  # another field that runs past the full stop: not this convention's
            value, _, e, q = _drop(f, name)
            host = (name, e, q) if e > end + 2 else host
    _, ts, _, p = _drop(f, "title")
    f.add("title", ts, end, confidence=p)
    if host is not None:
        _text_value(f, host[0], end + 1, host[1])
        if host[2] is not None and host[0] in f.items:
            f.confidence[host[0]] = host[2]
        return
    journal = re.match(r"\.\s([A-Z][^,(]{1,80}?)[.,]?\s?,\s?\d", f.text[end:])
    if journal and "journal" not in f.items and "booktitle" not in f.items and f.free(end + journal.start(1), end + journal.end(1)):
        _text_value(f, "journal", end + journal.start(1), end + journal.end(1))


# PubMed's journal names with the place in brackets: `Sensors (Basel, Switzerland)`, `Molecules (Basel)`,
# the volume after them (`Academie Sciences (Paris) Comptes Rendus` goes on: no such name).
_JOURNAL_WITH_PLACE = re.compile(r"(?:[.”\"],?\s)(?P<journal>[A-Z][A-Za-z&]*(?:\s[A-Za-z&]+){0,4}\s\((?P<place>[A-Z][a-z]+(?:,\s[A-Z][a-z]+)?)\))(?=[.,]?\s(?:[Vv]ol\.\s?)?\d|\.?$)")


def _journal_with_its_place(f: _Fields) -> None:
    """`“Title.”, Sensors (Basel, Switzerland) vol. 17`, `Title. Sensors (Basel, Switzerland). 20.`:
    the journal's name carries its place in brackets; the words before it read into the title
    are the journal's, the place no address."""
    if "journal" in f.items or "booktitle" in f.items or "address" not in f.items or "title" not in f.items:
        return
    m = _JOURNAL_WITH_PLACE.search(f.text)
    address = f.items["address"]
    if m is None or not (m.start("place") <= address[1] < m.end("place")):
        return
    _drop(f, "address")
    title, ts, te = f.items["title"]
    if ts < m.start("journal") < te:
        _, ts, te, p = _drop(f, "title")
        _text_value(f, "title", ts, m.start("journal"))
        if p is not None and "title" in f.items:
            f.confidence["title"] = p
    _text_value(f, "journal", *m.span("journal"))
    if "volume" not in f.items:
        v = re.match(r"\.\s(\d{1,4})\.\s", f.text[m.end("journal") :])
        if v:
            f.add("volume", m.end("journal") + v.start(1), m.end("journal") + v.end(1))


# `Title / N. Justesen, P. Bontrager, J. Togelius // Host`: the words before the slash are the
# title, the initials and names after it the authors.
_TITLE_SLASH_NAMES = re.compile(r"^(?P<title>[^/]{3,300}?)\s/\s(?P<names>(?:[A-ZА-ЯЁ]\.\s?){1,3}[A-ZА-ЯЁ][\w'-]+(?:,\s(?:[A-ZА-ЯЁ]\.\s?){1,3}[A-ZА-ЯЁ][\w'-]+)*)(?:,?\s(?:et\sal\.?|и\sдр\.?))?\s//")


def _title_before_the_responsibility(f: _Fields) -> None:
    """The statement of responsibility between ` / ` and ` //` names all the authors: an author
    read over the title and the slash, or cut short before the last name's family name (`…, S.`),
    is read again from it, and the words before the slash are the title."""
    if "author" not in f.items or "//" not in f.text:
        return
    m = _TITLE_SLASH_NAMES.match(f.text)
    _, a, b = f.items["author"]
    over_the_slash = m is not None and a < m.end("title") < b
    cut_short = m is not None and m.end("title") <= a and b < m.end("names") - 1
    if not (over_the_slash or cut_short):
        return  # (an author read before the title, as GOST's heading names one, stays)
    _, _, _, p = _drop(f, "author")
    if "title" not in f.items or f.items["title"][1] >= m.end("title"):
        if "title" in f.items:
            _drop(f, "title")
        _text_value(f, "title", *m.span("title"))
    value = names(m["names"])
    if value:
        f.add("author", *m.span("names"), value=value, confidence=p)


# Google Scholar's citation: `Title. C Beumier, M Acheroy - Journal, 2000.` (initials without full
# stops, the names after the title, a dash before the source).
_SCHOLAR_NAMES = re.compile(r"\.\s(?P<names>[A-Z]{1,2}\s[A-Z][a-z'-]+(?:,\s[A-Z]{1,2}\s[A-Z][a-z'-]+)*)\s[\xad–—-]")


def _scholar_names_after_the_title(f: _Fields) -> None:
    """The names read into the title's end are the authors."""
    if "author" in f.items or "title" not in f.items:
        return
    title, ts, te = f.items["title"]
    m = _SCHOLAR_NAMES.search(f.text, ts)
    if m is None or not (ts < m.start("names") < te):
        return
    _, _, _, p = _drop(f, "title")
    _text_value(f, "title", ts, m.start() + 1)
    if p is not None and "title" in f.items:
        f.confidence["title"] = p
    value = names(", ".join(" ".join(reversed(n.split())) for n in m["names"].split(", ")))
    if value:
        f.add("author", *m.span("names"), value=value, confidence=p)


# A school as publisher: its legal form's abbreviations, then its name in guillemets (`ФГАОУ ВО
# «Российский государственный профессионально-педагогический университет», 2020`).
_BODY_IN_GUILLEMETS = re.compile(r"(?:[А-ЯЁ]{2,6}\s){1,3}«[^«»]{3,150}»(?=,\s?(?:1[5-9]|20)\d\d)")


def _publisher_named_in_guillemets(f: _Fields) -> None:
    """A publisher read as the legal form's abbreviation alone is the whole body's name."""
    if "publisher" not in f.items:
        return
    _, s, e = f.items["publisher"]
    m = _BODY_IN_GUILLEMETS.match(f.text, s)
    if m is None or e >= m.end():
        return
    inside = [n for n, (_, a, b) in f.items.items() if n != "publisher" and s < b and a < m.end()]
    if any(n not in ("booktitle", "journal", "note", "series") or f.items[n][2] > m.end() for n in inside):
        return
    for n in inside:  # (the name's rest read as a host)
        _drop(f, n)
    _, _, _, p = _drop(f, "publisher")
    f.add("publisher", s, m.end(), confidence=p)


_PART_THEN_PAGES = re.compile(r"\b(?:P|Pt|Part|Ч)\.\s?(?P<part>\d{1,2})\.?,\s(?:pp?|С|с)\.\s?(?P<pages>\d{1,5}\s?[-–—]\s?\d{1,5})")


def _pages_after_the_part(f: _Fields) -> None:
    """`№2 (24), P.1., pp. 219-222.`: the issue's part (`P.1.`) and then the pages; the part's
    number read as the pages is not them."""
    m = _PART_THEN_PAGES.search(f.text) if "pages" in f.items and ("P." in f.text or "Ч." in f.text or "Pt." in f.text or "Part." in f.text) else None
    if m is None or (f.items["pages"][1], f.items["pages"][2]) != m.span("part"):
        return
    _, _, _, p = _drop(f, "pages")
    f.add("pages", *m.span("pages"), confidence=p)


_EDITION_STATEMENT = re.compile(r"(?:Издание|Изд\.)\s\d{1,2}(?:-?[ея])?(?:,\s[а-яё .,]{3,40})?")


def _edition_read_as_host(f: _Fields) -> None:
    """`«Title". Издание 2, стереотипное» - 2019г.`: an edition statement read as the host is the
    edition; a quoted name closing the title before it is the title's (`"1С: Предприятие 8"`)."""
    for name in ("journal", "booktitle"):
        if name in f.items and "edition" not in f.items and _EDITION_STATEMENT.fullmatch(f.items[name][0].strip(" .,;»”")):
            _, s, e, p = _drop(f, name)
            f.add("edition", s, e, value=f.text[s:e].strip(" .,;»”"), confidence=p)
            if "title" in f.items:
                value, ts, te = f.items["title"]
                at = f.text.find('"', te - 1, te + 1)  # (the span may hold the quote its value lost)
                if value.count('"') % 2 and not value.endswith('"') and at >= 0:
                    f.items["title"] = (value + '"', ts, max(te, at + 1))


def _year_with_its_letter_not_pages(f: _Fields) -> None:
    """`- 2019г.` closing the entry, read as its pages: the year, `г.` its abbreviated word."""
    if "year" in f.items or "pages" not in f.items:
        return
    value, s, e = f.items["pages"]
    if re.fullmatch(r"(?:1[5-9]|20)\d\d", value) and re.match(r"\s?г\.", f.text[e:]):
        _, s, e, p = _drop(f, "pages")
        f.add("year", s, e, confidence=p)


_WORDED_FIELDS = frozenset(_TEXT_FIELDS.values())

# Zotero's web page in ACS and like styles: `Title — Data.example.org.`, the site named by its host
# name after a spaced dash, closing the entry (a host name: dotted words ending in letters, no
# space, no scheme).
_SITE_BY_ADDRESS = re.compile(r"\s[—–]\s(?P<site>[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,6})\.?\s*$")


def _site_named_by_its_address(f: _Fields) -> None:
    """`Title — Site.org.`: the host name after the last spaced dash is the container, no field
    read across the dash keeps it; the words before it with no name's form (no comma, no
    initial) and no date read are the title, not authors (`UC Berkeley GeoData Repository —
    Geodata.lib.berkeley.edu.`); `Snell, J. Title — Grid3.org.` keeps its author."""
    m = _SITE_BY_ADDRESS.search(f.text) if ("—" in f.text or "–" in f.text) else None
    if m is None or "journal" in f.items and f.items["journal"][1] < m.start() or "booktitle" in f.items and f.items["booktitle"][1] < m.start():
        return
    for name in [n for n, (_, a, b) in f.items.items() if b > m.start()]:
        _, a, b, p = _drop(f, name)
        if a < m.start():
            if name in _WORDED_FIELDS:
                _text_value(f, name, a, m.start())
            else:
                f.add(name, a, m.start())
            if name in f.items and p is not None:
                f.confidence[name] = p
    if "author" in f.items and "year" not in f.items:
        _, a, b = f.items["author"]
        if "," not in f.text[a:b] and not re.search(r"(?:^|\s)[A-Z]\.", f.text[a:b]) and ("title" not in f.items or f.items["title"][1] >= b):
            _drop(f, "author")
            end = f.items["title"][2] if "title" in f.items else m.start()
            if "title" in f.items:
                _drop(f, "title")
            _text_value(f, "title", a, end)
    if "title" not in f.items:
        return
    _text_value(f, "journal", m.start("site"), m.end("site"))


def _batch_29_conventions(f: _Fields) -> None:
    """Batch 29's conventions (bench/UNSEEN_LISTS.md), each in a function of its own, run once the
    others have read the fields."""
    _mark_closing_a_field(f)
    _title_word_read_as_a_name(f)
    _title_before_the_slash_read_as_names(f)
    _responsibility_not_host(f)
    _journal_ending_in_a_number(f)
    _title_word_read_into_the_journal(f)
    _day_of_a_date_not_pages(f)
    _acm_article_number_pages(f)
    _acm_series_not_publisher(f)
    _others_before_the_publisher(f)
    _responsibility_glued_to_the_title(f)
    _body_before_a_quoted_title(f)


# The mark that opens the next area (GOST's `— P. 291-301`, `— С. 5`, `— URL: …`) read at the end of
# a title or a host: no part of it.
_CLOSING_MARK = re.compile(r"\s*[—–]\s*(?:P|pp|С|с|S|URL|Режим\sдоступа)\.?\s*$")


def _mark_closing_a_field(f: _Fields) -> None:
    """`// ICSE '02 Proceedings … — P. 291-301`: the host is `ICSE '02 Proceedings …`, not `… — P`;
    `Handbook — P. 321-352 / Names`: the title is `Handbook`; `// Site — URL: …`: the site."""
    for name in ("title", "journal", "booktitle"):
        if name not in f.items:
            continue
        value, s, e = f.items[name]
        m = _CLOSING_MARK.search(value)
        if m is None or m.start() == 0:
            continue
        cut = re.search(r"\s*[—–]\s*(?:P|pp|С|с|S|URL|Режим\sдоступа)\.?[\s:]*$", f.text[s:e])
        if cut is not None and cut.start() > 0:
            f.items[name] = (value[: m.start()].rstrip(" .,;:"), s, s + cut.start())
        else:
            f.items[name] = (value[: m.start()].rstrip(" .,;:"), s, e)


def _title_word_read_as_a_name(f: _Fields) -> None:
    """A single word read as the author with no mark after it, the title going on after a space
    (`Kotlin Language Documentation // Site`), or closed by a colon before the title's words with
    the names printed after the slash (`DECKARD: Scalable … / Lingxiao Jiang, … //`): a name is
    closed by a full stop or a comma, so the word opens the title."""
    if "author" not in f.items or "title" not in f.items:
        return
    value, a, b = f.items["author"]
    _, s, e = f.items["title"]
    word = f.text[a:b].strip()
    if not word or " " in word or "." in word or "," in word or not word[:1].isupper() or s < b:
        return
    between = f.text[b:s]
    if not re.search(r"(?<!:)//", f.text):  # GOST's host mark, not an address's
        return
    colon = word.endswith(":") or between.strip() == ":"
    word = word.rstrip(":")
    if between == " " and not colon and "url" in f.items:
        pass  # a page of a site described under its title: `Kotlin Language Documentation // Site — URL:`
    elif colon and re.search(r"\s/\s+[^/]", f.text[e:]) and (word.isupper() or any(c.isupper() for c in word[1:])):
        pass  # `DECKARD: Scalable …`
    else:
        return
    _drop(f, "author")
    _drop(f, "title")
    _text_value(f, "title", a, e)
    after = re.match(r"\s*/\s+([^/]+?)\s*(?://|—|–|$)", f.text[e:])
    if after and "author" not in f.items:
        people = names(after.group(1))
        if people:
            f.add("author", e + after.start(1), e + after.end(1), people)


def _title_before_the_slash_read_as_names(f: _Fields) -> None:
    """`Isolation Forest / Liu F. T., Ting K. M. // Host`: read whole as the authors, no title: the
    words before the slash (no initial, no comma) are the title, the names after it the authors."""
    if "author" not in f.items or "title" in f.items:
        return
    value, a, b = f.items["author"]
    seg = f.text[a:b]
    m = re.match(r"\s*([^/,.]+?)\s+/\s+(\S.*)$", seg)
    if m is None or _INITIAL_IN_A_BODY.search(m.group(1)) or not re.search(r"[,.]", m.group(2)):
        return
    people = names(m.group(2))
    if not people:
        return
    _drop(f, "author")
    _text_value(f, "title", a + m.start(1), a + m.end(1))
    f.add("author", a + m.start(2), b, people)


def _responsibility_not_host(f: _Fields) -> None:
    """`Title [Текст] / Шолле Франсуа — Санкт-Петербург: Publisher, 2018`: with no `//` the names
    after the slash, up to the area's dash, are the statement of responsibility, never a host."""
    if "//" in f.text:
        return
    for name in ("journal", "booktitle"):
        if name not in f.items:
            continue
        _, s, e = f.items[name]
        before = f.text[:s]
        if not re.search(r"\s/\s*(?:[^/—–]*,\s*)?$", before) or not re.match(r"\s*[—–]", f.text[e:]):
            continue
        seg = f.text[s:e].strip(" ,.")
        if re.search(r"\d|[:«»\"“”]", seg) or not all(re.fullmatch(r"(?:[A-ZА-ЯЁ][\w’'-]*\.?\s?){1,4}", p.strip()) for p in seg.split(",")):
            continue
        _drop(f, name)


def _journal_ending_in_a_number(f: _Fields) -> None:
    """`Boundary 2 40(1): 155–189`: two numbers after the journal, the second with its issue before
    the pages' colon: the first is the journal's (`Boundary 2`), the second the volume."""
    if "journal" not in f.items or "volume" not in f.items:
        return
    jv, js, je = f.items["journal"]
    vv, vs, ve = f.items["volume"]
    if not re.fullmatch(r"\d{1,3}", vv.strip()) or not re.fullmatch(r"\s?", f.text[je:vs]):
        return
    m = re.match(r"\s(\d{1,4})\s?\(\d+(?:[-–/]\d+)?\)\s?:", f.text[ve:])
    if m is None:
        return
    f.items["journal"] = (f"{jv} {vv.strip()}", js, ve)
    f.items["volume"] = (m.group(1), ve + m.start(1), ve + m.end(1))


def _title_word_read_into_the_journal(f: _Fields) -> None:
    """`Title: Islam, state, agency. Annual Review of Sociology 37:`: words in small letters read as
    the journal's first sentence, after the title's comma, are the title's end."""
    if "journal" not in f.items or "title" not in f.items:
        return
    jv, js, je = f.items["journal"]
    tv, ts, te = f.items["title"]
    m = re.match(r"([a-z][a-z’'-]*(?:\s[a-z][a-z’'-]*){0,2})\.\s+([A-Z].*)$", jv)
    if m is None or ts > js or not re.fullmatch(r"[,;]?\s", f.text[te:js]) or re.fullmatch(r"(?:trans|tr|eds?|comp|repr|rev|transl|cf|see|vol|no)", m.group(1)):
        return
    if "volume" not in f.items or f.items["volume"][1] < je:
        return  # what is left is a journal only with its volume after it
    _drop(f, "title")
    _text_value(f, "title", ts, js + m.end(1))
    off = f.text.find(m.group(2), js)
    if off >= 0:
        f.items["journal"] = (m.group(2), off, je)


_DAY_MONTH = re.compile(r"\s(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?", re.IGNORECASE)


def _day_of_a_date_not_pages(f: _Fields) -> None:
    """`Al-Ahram 797, 1 June.`: a number of one or two figures with a month's name after it is the
    day of a date, not a page."""
    if "pages" not in f.items:
        return
    value, s, e = f.items["pages"]
    if re.fullmatch(r"\s*(?:[1-9]|[12]\d|3[01])\s*", value) and _DAY_MONTH.match(f.text[e:]) and not re.search(r"(?:p|pp|P|С|с)\.\s?$", f.text[:s]):
        _drop(f, "pages")


def _acm_article_number_pages(f: _Fields) -> None:
    """ACM's `15:1–15:58` (the article's number, then its first and last page): the pages whole."""
    m = re.search(r"(?<![\d:])(\d{1,4}):(\d{1,4})\s?[-–]\s?\1:(\d{1,4})(?![\d:])", f.text)
    if m is None:
        return
    if "pages" in f.items:
        _, s, e = f.items["pages"]
        if not (m.start() <= s < m.end()):
            return
        _drop(f, "pages")
    f.add("pages", m.start(), m.end(), m.group())


def _acm_series_not_publisher(f: _Fields) -> None:
    """ACM's `(Cambridge, MA, USA, 1999), NIPS’99, MIT Press, pp.`: the conference's short name and
    year before the publisher are no part of it."""
    if "publisher" not in f.items:
        return
    value, s, e = f.items["publisher"]
    m = re.match(r"[A-Z][A-Za-z/-]*[A-Z]\s?[’'‘]\s?\d\d,\s*(?=\S)", value)
    if m is not None and len(value) > m.end():
        off = f.text.find(value[m.end() :], s)
        f.items["publisher"] = (value[m.end() :], off if off >= 0 else s, e)


def _others_before_the_publisher(f: _Fields) -> None:
    """GOST's `М. [и др.]: Питер` (`and other places`) read into the publisher: no part of it."""
    if "publisher" not in f.items:
        return
    value, s, e = f.items["publisher"]
    m = re.match(r"(?:\[?и\s?)?др\.?\]?\s*:\s*(?=\S)", value)
    if m is not None:
        off = f.text.find(value[m.end() :], s)
        f.items["publisher"] = (value[m.end() :], off if off >= 0 else s, e)


def _responsibility_glued_to_the_title(f: _Fields) -> None:
    """`Архитектура компьютера /Э.Таненбаум.`: a slash after a space and glued to an initial opens
    the statement of responsibility, no part of the title."""
    if "title" not in f.items:
        return
    value, s, e = f.items["title"]
    m = re.search(r"\s/(?=[A-ZА-ЯЁ]\.\s?(?:[A-ZА-ЯЁ]\.\s?)?[A-ZА-ЯЁ][a-zа-яё-]+\.?$)", value)
    if m is None or m.start() == 0:
        return
    cut = f.text.find(" /", s)
    if s <= cut < e:
        _drop(f, "title")
        _text_value(f, "title", s, cut)


def _body_before_a_quoted_title(f: _Fields) -> None:
    """IEEE's `American Diabetes Association …, "Title," Journal`: with no author read, a body's name
    before the quoted title is the author."""
    if "author" in f.items or "title" not in f.items:
        return
    value, s, e = f.items["title"]
    m = re.match(r"([^\"“”]{3,}?),\s?[\"“](?=\S)", f.text[s:e])
    if m is None or s != len(f.text) - len(f.text.lstrip()) and re.search(r"\w", f.text[:s]):
        return
    body = corporate_author(m.group(1))
    if body is None:
        return
    _drop(f, "title")
    f.add("author", s, s + m.end(1), body)
    _text_value(f, "title", s + m.end(), e)


def _batch_30_conventions(f: _Fields) -> None:
    """Batch 30's conventions (bench/UNSEEN_LISTS.md), each in a function of its own, run once the
    others have read the fields."""
    _quoted_title_by_names(f)
    _quoted_title_then_a_name(f)
    _place_and_publisher_closing_the_title(f)
    _page_cited_before_the_page_count(f)
    _publisher_after_the_titles_comma(f)
    _role_word_closing_the_title(f)


# `"Title" by Given Family and Given Family - what the book is`: the English statement of
# responsibility after a quoted title (`by`), and a description after a spaced dash.
_QUOTED_BY = re.compile(r"\s*[\"“«](?P<title>[^\"“”«»]{2,300}?)[\"”»]\s+by\s+(?P<names>[^\W\d_][^\"“”«»\d()\[\]]{2,200}?)\s*(?:\s[-–—]\s+(?P<rest>\S.*)|[.;]?\s*)$", re.DOTALL)


def _quoted_title_by_names(f: _Fields) -> None:
    """`"Spring Boot in Action" by Craig Walls - Основы работы …`: the quoted words are the title,
    the names after `by` the authors (given name first), the words after the dash a note."""
    m = _QUOTED_BY.match(f.text)
    if m is None:
        return
    people = names(m["names"])
    if not people:
        return
    for name in list(f.items):
        if name not in ("url", "doi", "urldate", "isbn", "issn"):
            _drop(f, name)
    _text_value(f, "title", m.start("title"), m.end("title"))
    f.add("author", m.start("names"), m.end("names"), people)
    if m["rest"]:
        _text_value(f, "note", m.start("rest"), m.end("rest"))


# `«Title» Given Family.` (a home-made form): a quoted title and nothing after it but one or more
# names of two or three capitalised words, no digit.
_GIVEN_OR_FAMILY = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі'’-]+"
_QUOTED_THEN_NAME = re.compile(rf"\s*[«\"“](?P<title>[^«»\"“”]{{2,300}}?)[»\"”]\s+(?P<names>{_GIVEN_OR_FAMILY}(?:\s{_GIVEN_OR_FAMILY}){{1,2}}(?:,\s{_GIVEN_OR_FAMILY}(?:\s{_GIVEN_OR_FAMILY}){{1,2}})*)\.?\s*$")


def _quoted_title_then_a_name(f: _Fields) -> None:
    """`«Java полное руководство» Герберт Шилдт`: the name after the quoted title is its author's
    (given name first), not a publisher or a host: nothing else is printed."""
    m = _QUOTED_THEN_NAME.match(f.text)
    if m is None or "author" in f.items:
        return
    people = names(m["names"])
    if not people:
        return
    for name in list(f.items):
        _drop(f, name)
    _text_value(f, "title", m.start("title"), m.end("title"))
    f.add("author", m.start("names"), m.end("names"), people)


# A place (one to three capitalised words, a transliterated Arabic place with its article,
# `al-Qāhira`, or a US state after a comma) and a publisher closing the title's last sentence.
_PLACE_WORD = r"(?:(?:al|el|ad|ar|as|at|az|an|aš)-)?[A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ][\w’'ʼ‘-]*"
_CLOSING_IMPRINT = re.compile(rf"(?<=[^\W\d_][.?!”\"])\s+(?P<place>{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}}(?:,\s[A-Z]{{2}})?):\s+(?P<publisher>{_PLACE_WORD}(?:\s[^\W\d_&][\w’'ʼ‘ʻ-]*|\s&){{0,7}})\.?$")


def _place_and_publisher_closing_the_title(f: _Fields) -> None:
    """Chicago's `Ibn Sīnā. 1973. al-Qānūn fi’l-ṭibb. al-Qāhira: Maṭba‘at Būlāq.`: with no place and
    no publisher read, a place, a colon and a publisher closing the entry after the title's full stop
    are the imprint, no part of the title (an author-date entry: its year read before the title)."""
    if "title" not in f.items or any(n in f.items for n in ("publisher", "address", "journal", "booktitle", "volume", "pages")):
        return
    if "year" not in f.items or f.items["year"][1] > f.items["title"][1]:
        return
    value, s, e = f.items["title"]
    if f.text[e:].strip(" .") != "":
        return
    m = _CLOSING_IMPRINT.search(f.text[s:e] + ".")
    if m is None or m.start() < 3:
        return
    p = f.confidence.get("title")
    _drop(f, "title")
    _text_value(f, "title", s, s + m.start())
    f.add("address", s + m.start("place"), s + m.end("place"), confidence=p)
    f.add("publisher", s + m.start("publisher"), min(e, s + m.end("publisher")), confidence=p)
    if p is not None:
        f.confidence["title"] = p


# GOST's `– С. 115. – 560 с.`: the page cited (`С.`, `P.` before the number), then the book's page count.
_PAGE_THEN_COUNT = re.compile(r"[–—-]\s?(?:С|P|S|Б)\.\s?(\d{1,5}(?:\s?[-–—]\s?\d{1,5})?)\.?\s?[–—-]\s?\d{1,5}\s?(?:с|c|p|б|S)\.")


def _page_cited_before_the_page_count(f: _Fields) -> None:
    """`Title. – БХВ-Петербург, 2012. – С. 115. – 560 с.`: `С. 115` is the page cited (the pages),
    `560 с.` the book's page count."""
    if "pages" in f.items or "pagetotal" not in f.items:
        return
    m = _PAGE_THEN_COUNT.search(f.text)
    if m is not None and m.end() >= f.items["pagetotal"][2]:
        f.add("pages", m.start(1), m.end(1))


# A book's `Title, Publisher Name, 2007.`: the words after the title's last comma, before the year.
_PUBLISHER_AFTER_COMMA = re.compile(r",\s(?P<publisher>[A-ZА-ЯЁ][\w’'&.-]*(?:\s(?:&\s)?[A-ZА-ЯЁ][\w’'&.-]*){0,3})$")
_NOT_A_PUBLISHER = re.compile(r"(?i)\b(?:edition|ed|vol|volume|part|изд|издание|том|часть|т)\b")


def _publisher_after_the_titles_comma(f: _Fields) -> None:
    """`Names. RESTful веб-сервисы, O’Reilly Media, 2007. – 454 с.`: a page count makes a whole book;
    with no place and no publisher read, the capitalised words after the title's last comma and
    before the year are the publisher (read into the title, or the whole taken for a journal)."""
    if "pagetotal" not in f.items or any(n in f.items for n in ("publisher", "address", "volume", "number", "pages", "booktitle")):
        return
    name = "journal" if "journal" in f.items and "title" not in f.items else "title" if "title" in f.items and "journal" not in f.items else None
    if name is None or "year" not in f.items:
        return
    value, s, e = f.items[name]
    if not re.match(r"\s?,\s?(?:1[5-9]|20)\d\d\b", f.text[e:]) or f.items["year"][1] < e:
        return
    m = _PUBLISHER_AFTER_COMMA.search(f.text[s:e])
    if m is None or m.start() < 3 or _NOT_A_PUBLISHER.search(m["publisher"]):
        return
    p = f.confidence.get(name)
    _drop(f, name)
    _text_value(f, "title", s, s + m.start())
    f.add("publisher", s + m.start("publisher"), s + m.end("publisher"), confidence=p)
    if p is not None:
        f.confidence["title"] = p


def _role_word_closing_the_title(f: _Fields) -> None:
    """`The History of Sexuality, Volume 1, ed. trans. Robert Hurley.`: the role's abbreviation
    (`ed.`, `trans.`) before an editor or translator read after the title is no part of it."""
    if "title" not in f.items or not any(n in f.items for n in ("editor", "translator")):
        return
    value, s, e = f.items["title"]
    m = re.search(r",\s?(?:ed|eds|trans|transl|tr)\.?$", value)
    if m is None or m.start() < 3:
        return
    cut = f.text.rfind(value[m.start() :].split()[-1], s, e + 1)
    p = f.confidence.get("title")
    _drop(f, "title")
    _text_value(f, "title", s, s + m.start() if cut < 0 else max(s, cut))
    if p is not None:
        f.confidence["title"] = p


def _batch_31_conventions(f: _Fields) -> None:
    """Batch 31's conventions (bench/UNSEEN_LISTS.md), each in a function of its own, run once the
    others have read the fields."""
    _names_run_before_the_title(f)
    _heading_named_after_the_slash(f)
    _authors_after_the_slash_before_the_editor(f)
    _article_number_after_the_issue(f)
    _imprint_year_after_the_event_dates(f)
    _mla_container_and_publisher(f)


# A name given first: capitalised words or initials, two to four (`Sean K Simmons`, `Po-ru Loh`,
# `Marc H. Wadsworth`, `Jean-Pierre van der Berg`).
_GIVEN_FIRST = r"(?:(?:[A-Z]\.?|[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?|(?:van|von|de|der|den|du|da|di|del|la|le))\s){1,3}[A-Z][\w'’-]+"
_GIVEN_NAMES_RUN = re.compile(rf"^\s*(?P<who>{_GIVEN_FIRST}(?:,\s(?:and\s)?{_GIVEN_FIRST})+(?:,?\set\sal)?|{_GIVEN_FIRST}\sand\s{_GIVEN_FIRST})\.\s+(?=[A-Z\d“\"])")


def given_names_then_title(text: str) -> re.Match | None:
    """The text opens with names given first, two or more, the last after `and` or `et al.` ending
    them (a run parted by commas only may end in a title: `Ann Holm, Boris Crane, Counting
    Bridges.`), then a full stop and the title: natbib's plainnat, whose entries carry their year
    at the end (`Ann B Holm, Boris Crane, and Dana Stone. Title. Journal, 4(2):1–9, 2020.`). The
    match's `who` is the names, its end the title's start."""
    m = _GIVEN_NAMES_RUN.match(text)
    if m is None:
        return None
    who = m["who"]
    return m if " and " in who or who.endswith("et al") else None


# The same run with accented names and a title that may open in small letters (`…, and José Miguel
# Hernández-Lobato. normflows: A package …`); for the tagger's reading only (the list finder keeps
# the narrower one above).
_ACCENTED_GIVEN_FIRST = (
    r"(?:(?:[A-ZÀ-ÖØ-Þ]\.?|[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-Za-zÀ-ÖØ-öø-ÿ][a-zß-öø-ÿ]+)?|(?:van|von|de|der|den|du|da|di|del|la|le))\s){1,3}[A-ZÀ-ÖØ-Þ][\w'’-]+"
)
_ACCENTED_NAMES_RUN = re.compile(
    rf"^\s*(?P<who>{_ACCENTED_GIVEN_FIRST}(?:,\s(?:and\s)?{_ACCENTED_GIVEN_FIRST})+(?:,?\set\sal)?|{_ACCENTED_GIVEN_FIRST}\sand\s{_ACCENTED_GIVEN_FIRST})\.\s+(?=[\w“\"])"
)


def _names_run_before_the_title(f: _Fields) -> None:
    """`Ann Holm, …, Po-ru Dale, and Lena Fox. Title.` (`given_names_then_title`): where the
    tagger began the title inside the names (their last ones read as its first words), the names
    run to their full stop and the title starts after it (accented names, and a title opening in
    small letters, too: `_ACCENTED_NAMES_RUN`)."""
    m = given_names_then_title(f.text)
    if m is None and (wide := _ACCENTED_NAMES_RUN.match(f.text)) is not None and (" and " in wide["who"] or wide["who"].endswith("et al")):
        m = wide
    author, title = f.items.get("author"), f.items.get("title")
    if m is None or author is None or title is None or not title[1] < m.end("who") <= title[2]:
        return
    people = names(f.text[m.start("who") : m.end("who")])
    if not people:
        return
    p = f.confidence.get("title")
    _, _, end, _ = _drop(f, "title")
    _drop(f, "author")
    f.add("author", m.start("who"), m.end("who"), people)
    _text_value(f, "title", m.end(), end)
    if p is not None:
        f.confidence["title"] = p


# GOST's heading, the family name first (`Holm A.`, `Holm A. B.`, `Holm Anna B.`), and the
# statement of responsibility after the title's single slash, up to the next area or its `;`.
_HEADING_FAMILY = re.compile(r"\s*(?P<family>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі'’-]+)\s")
_HEADING_WORD = re.compile(r"\S+")
_SINGLE_SLASH = re.compile(r"(?<!/)/(?!/)")
_RESPONSIBILITY_END = re.compile(r";|\s[–—]\s|\.\s[–—]|//|$")
_AN_INITIAL = re.compile(r"(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яё]?\.){1,2},?")


def _heading_named_after_the_slash(f: _Fields) -> None:
    """A GOST book under its author's heading, `Family I. Title / I. Family – Place : Publisher,
    2002.`: the heading is the family name with its initials (and given names the statement of
    responsibility prints before the family name: `Family Given I. Title / Given I. Family`), the
    title everything between them and the slash, when that statement names the heading's family.
    A title opening with a one-word sentence (`Holm A. Rust. Fast bridges / Anna Holm`) had its
    word read as the family name, and the statement had been read into a title (`Title / Anna Holm`)."""
    m = _HEADING_FAMILY.match(f.text)
    slash = _SINGLE_SLASH.search(f.text)
    if m is None or slash is None or slash.start() < m.end() + 4 or "//" in f.text[: slash.start()]:
        return
    tail = f.text[slash.end() :]
    statement = tail[: _RESPONSIBILITY_END.search(tail).start()]
    words = re.findall(r"[^\W\d_][\w'’-]*", statement)
    family = m["family"]
    if family not in words or not re.search(rf"(?<![\w'’-]){re.escape(family)}\s*(?:[,;.]|$)", statement.rstrip()):
        return  # (the family name ends the first name of the statement: `Kofi P. Oduya Title / Kofi P. Oduya` has none at its start)
    given = {w for w in words[: words.index(family)]}
    end, initial = m.end("family"), False
    for w in _HEADING_WORD.finditer(f.text, m.end("family")):
        if w.start() >= slash.start():
            return
        if w.group().endswith(",") or w.group().startswith("["):
            return  # (more names in the heading, `Holm A., Crane B. Title / …` or `Holm A. [и др.]`: read as the tagger reads them)
        if _AN_INITIAL.fullmatch(w.group()):
            initial = True
        elif w.group().strip(".") not in given:
            break
        end = w.end()
    title_end = slash.start()
    title = f.text[end:title_end].strip(" .,")
    if not initial or len(title) < 2:
        return
    author = f.items.get("author")
    read = f.items.get("title")
    if author is not None and author[0].startswith(family + ",") and read is not None and read[0] == title:
        return
    if any(name not in ("author", "title") and s < title_end for name, (_, s, _) in f.items.items()):
        return  # (a part's number, an edition read before the slash: `Title. Ч. 1. / …`, left as read)
    heading = f.text[m.end("family") : end].strip(" ,")
    for name in ("author", "title"):
        if name in f.items:
            _drop(f, name)
    f.add("author", m.start("family"), end, f"{family}, {heading}")
    _text_value(f, "title", end, title_end)


# `Title / Family I., Family I., Family I; под ред. I. Family`: the names after the slash, up to the
# `;` before the editor's or translator's words.
_NAMES_BEFORE_ROLE = re.compile(r"(?<!/)/(?!/)\s*(?P<names>[^;/]{3,300}?)\s*;\s*(?:под\s(?:общ\.\s)?ред|пер\.|ed\.|edited|trans)", re.IGNORECASE)


def _authors_after_the_slash_before_the_editor(f: _Fields) -> None:
    """GOST's book under its title, `Title / Family I., Family I.; под ред. I. Family`: the names
    before the `;` are the authors, the ones after the role's words the editors; the tagger had
    read all of them as editors, or the first as the author and the others with the editor."""
    if "title" not in f.items:
        return
    m = _NAMES_BEFORE_ROLE.search(f.text, f.items["title"][2])
    if m is None or f.text[f.items["title"][2] : m.start()].strip(" .,"):
        return
    author = f.items.get("author")
    if author is not None and not (m.start() <= author[1] and author[2] < m.end("names")):
        return  # (the authors read whole, or read elsewhere)
    segment = m["names"]
    if not re.fullmatch(r"(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]+\s(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.?\s?){1,2},?\s*)+", segment + " "):
        return
    people = names(segment)
    if not people:
        return
    if author is not None:
        _drop(f, "author")
    editor = f.items.get("editor")
    if editor is not None and editor[1] < m.end("names") + 1 and m.start("names") < editor[2]:
        _, _, e, p = _drop(f, "editor")
        rest = re.search(r"(?:ред|ed|edited)\.?\s*(?:by\s)?", f.text[m.end("names") : e])
        if rest is not None and f.text[m.end("names") + rest.end() : e].strip(" .,–—"):
            later = names(f.text[m.end("names") + rest.end() : e])
            if later:
                f.add("editor", m.end("names") + rest.end(), e, later)
    f.add("author", m.start("names"), m.end("names"), people)


# `376(6594):eabl4896`: an electronic article number (Science's `eabl4896`, `e1234`) after the
# volume, issue and colon, where a page range would stand.
_ARTICLE_NUMBER = re.compile(r"\b\d{1,4}\s?\(\d{1,5}\)\s?:\s?(e[a-z]{0,4}\d{2,8})\b")


def _article_number_after_the_issue(f: _Fields) -> None:
    """`Journal, 376(6594):eabl4896, 2022.`: the article number is the pages, where none were read."""
    m = _ARTICLE_NUMBER.search(f.text) if "pages" not in f.items else None
    if m is not None and not any(s < m.end(1) and m.start(1) < e for _, s, e in f.items.values()):
        f.add("pages", *m.span(1))


# A conference's dates in the host's area, then the imprint: `…, 10-11 февраля 2011 г. – Воронеж,
# 2014.`, `…, 3–5 марта 2019 г. – Москва : Издательство, 2020.`
_GENITIVE_MONTH = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|янв|февр?|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек)\.?"
_EVENT_THEN_IMPRINT = re.compile(
    rf"\b\d{{1,2}}(?:\s?[-–—]\s?\d{{1,2}})?\s{_GENITIVE_MONTH}\s(?P<event>(?:1[89]|20)\d\d)\s?г\.?,?\s*[–—-]\s*"
    rf"[A-ZА-ЯЁ][^,.:;–—]{{1,40}}\.?(?:\s?:\s?[^,–—]{{1,60}})?,\s(?P<year>(?:1[89]|20)\d\d)\b"
)


def _imprint_year_after_the_event_dates(f: _Fields) -> None:
    """GOST's proceedings with the conference's dates before the imprint (`// Материалы …
    конференции «…», 10-11 февраля 2011 г. – Воронеж, 2014.`): the year of the work is the
    imprint's, not the conference's, where the tagger read the conference's."""
    m = _EVENT_THEN_IMPRINT.search(f.text) if "year" in f.items else None
    if m is None or f.items["year"][1] != m.start("event") or m["event"] == m["year"]:
        return
    p = _drop(f, "year")[3]
    f.add("year", *m.span("year"), confidence=p)


# MLA 8's elements after the quoted title: the container, then (for a site, or as some lists print
# a journal's) its publisher, then the numbers, date or address: `“Title.” Site, Publisher,
# www.site.org/page.`, `“Title.” Journal, Publisher, vol. 10, no. 8, 2001, pp. 813–821.`
_MLA_TITLE = re.compile(r"[“\"](?P<title>[^“”\"]{3,300}?)[.,?!]?[”\"]")
_MLA_ELEMENTS = re.compile(r"\s*(?P<parts>[A-Z][^“”\"]{1,300}?),\s(?=www\.|https?://|vol\.\s?\d)")
_MLA_WORD = re.compile(r"[^\s,]+")
_MLA_LINK_WORDS = frozenset({"of", "on", "and", "the", "for", "in", "&", "at"})
_BODY_WORD = re.compile(r"\b(?:Association|Society|Institutes?|Department|Cent(?:er|re)s?|Press|University|Publishing|Publishers|Inc|Ltd|Foundation|Council|Organi[sz]ation|Agency|Ministry|Office|Bureau|Services?|Academy)\b")


def _mla_container_and_publisher(f: _Fields) -> None:
    """MLA 8 (see above): the quoted title opening the entry or following its authors, then its
    container and, when a body's name (`Association`, `Department`, `Centers` …) closes the elements
    before the address or `vol.`, that body as the publisher, the elements names only (capitalised
    words): where the tagger read no container (a page's site and publisher read as names or kept
    in the title), or ran a journal's publisher into its name."""
    m = _MLA_TITLE.search(f.text)
    author = f.items.get("author")
    if m is None or f.text[: m.start()].strip() and (author is None or author[2] > m.start() or f.text[author[2] : m.start()].strip(" .,")):
        return  # (only the title opens the entry, or the authors read whole before it)
    a = _MLA_ELEMENTS.match(f.text, m.end())
    if a is None or re.search(r"\d|:|[a-z]{2}\.\s|\b(?:Eds?|Trans|N\.\s?p|Web|Print|Tech|Rep|Thesis|Diss|Ph\.?\s?D|M\.?\s?S|Proc|Mimeo)\b", a["parts"]) or any(not (w[0].isupper() or w in _MLA_LINK_WORDS) for w in _MLA_WORD.findall(a["parts"])):
        return  # (the elements are names only: capitalised words, `of`, `and`, `&` between them)
    parts = a["parts"].split(", ")
    publisher = parts[-1] if len(parts) >= 2 and _BODY_WORD.search(parts[-1]) else None
    if len(parts) - (publisher is not None) > 2:
        return
    container = ", ".join(parts[:-1] if publisher else parts)
    c_start = a.start("parts")
    c_end = c_start + len(container)
    held = f.items.get("journal") or f.items.get("booktitle")
    keep_author = author is not None and author[2] <= m.start()
    names_inside = author is not None and not keep_author
    if not (held is None or names_inside or publisher is not None and publisher in held[0] and "publisher" not in f.items):
        return  # (read as the tagger reads it unless it found no container, read names in the elements, or ran the publisher into the container)
    for name in list(f.items):
        if name in ("url", "doi", "urldate") or name == "author" and keep_author:
            continue
        if f.items[name][1] < a.end("parts") and (f.items[name][2] > m.start() or name == "author"):
            _drop(f, name)
    _text_value(f, "title", m.start("title"), m.end("title"))
    f.add("journal", c_start, c_end)
    if publisher is not None:
        f.add("publisher", a.end("parts") - len(publisher), a.end("parts"))


def _batch_32_conventions(f: _Fields) -> None:
    """Batches 31's and 32's conventions read after batch 32's first run (bench/UNSEEN_LISTS.md),
    each in a function of its own, run once the others have read the fields."""
    _family_name_after_its_particle(f)
    _doi_prefix_not_pages(f)
    _chapter_inside_the_quoted_title(f)
    _journal_with_its_place_in_brackets(f)
    _publisher_not_place(f)
    _body_before_a_web_pages_title(f)
    _item_type_after_the_title(f)
    _translation_statement_not_publisher(f)
    _no_date_not_title(f)
    _volume_range_after_its_mark(f)


# A family name's particle, capitalised or not (`Olivier Le Pape`, `Jean de La Fontaine`, `Ann Van Dyke`).
_PARTICLE_CLOSING = re.compile(r"(?<![^\s,])(?:Le|La|De|Du|Da|Di|Del|Della|Van|Von|Der|Den|Ter|Ten|Dos|le|la|de|du|da|di|del|della|van|von|der|den|ter|ten|dos)$")
_FAMILY_WORD = re.compile(r"\s*(?P<word>[A-ZÀ-ÖØ-Þ][\w'’-]+)\.(?=\s)")


def _family_name_after_its_particle(f: _Fields) -> None:
    """`…, and Olivier Le Pape. “Title.”`: names given first, the last one's family name after a
    particle (`Le`, `de`, `van` …): where the tagger ended the names at the particle and began the
    title with the family name (`Pape. “Title.”`), the name runs to its full stop, the title after."""
    author, title = f.items.get("author"), f.items.get("title")
    if author is None or title is None or not _PARTICLE_CLOSING.search(f.text[author[1] : author[2]].rstrip()):
        return
    m = _FAMILY_WORD.match(f.text, author[2])
    if m is None or not title[1] <= m.start("word") < title[2] or m.end() >= title[2] - 2:
        return
    people = names(f.text[author[1] : m.end("word")])
    if not people:
        return
    p = f.confidence.get("title")
    _, _, end, _ = _drop(f, "title")
    _drop(f, "author")
    f.add("author", author[1], m.end("word"), people)
    _text_value(f, "title", m.end(), end)
    if p is not None:
        f.confidence["title"] = p


_DOI_PREFIX = re.compile(r"10\.\d{4,9}(?!\d)")


def _doi_prefix_not_pages(f: _Fields) -> None:
    """`vol. 11, Issue 2, 10.3990, jpm11020061, 2021.`: a DOI's prefix (`10.` and four to nine
    figures) read as the pages is no page."""
    pages = f.items.get("pages")
    if pages is not None and pages[0] == "10" and _DOI_PREFIX.match(f.text, pages[1]):
        _drop(f, "pages")


# Zotero's Chicago chapter with its book inside the quoted title: `“Chapter. In: Book Edited by
# Given Family, Given Family,” 483–523, 2006.`
_CHAPTER_IN_QUOTES = re.compile(
    r"[“\"](?P<title>[^“”\"]{2,300}?)\.\s+In:?\s+(?P<book>[^“”\"]{3,300}?),?\s+(?:[Ee]dited\s+by|[Ee]ds?\.(?:\s+by)?)\s+(?P<editors>[^“”\"]{3,300}?)[,.]?[”\"]"
    r"(?:[,.]?\s*(?:pp?\.\s?)?(?P<pages>\d{1,5}\s?[-–—]\s?\d{1,5})(?=[,.\s]))?"
)


def _chapter_inside_the_quoted_title(f: _Fields) -> None:
    """A chapter's quoted title holding its book and editors (`“Chapter. In: Book Edited by
    Names,” 483–523, 2006.`): the chapter is the title, the book the container, the names after
    `Edited by` the editors, the range after the quote the pages."""
    m = _CHAPTER_IN_QUOTES.search(f.text)
    author = f.items.get("author")
    if m is None or author is not None and author[2] > m.start():
        return
    editors = names(m["editors"])
    if not editors:
        return
    end = m.end("pages") if m["pages"] else m.end()
    for name in list(f.items):
        if f.items[name][1] < end and f.items[name][2] > m.start() and name not in ("year", "url", "doi"):
            _drop(f, name)
    _text_value(f, "title", m.start("title"), m.end("title"))
    _text_value(f, "booktitle", m.start("book"), m.end("book"))
    f.add("editor", m.start("editors"), m.end("editors"), editors)
    if m["pages"]:
        f.add("pages", *m.span("pages"))


# A journal's name with its place in brackets, as PubMed prints it (`Science (New York, N.Y.) 321`,
# `Healthcare (Basel, Switzerland). 2021;9(4)`, APA's `Healthcare (Basel, Switzerland), 9(6), 673`):
# capitalised words parted by commas, then the volume (no comma between, or APA's volume and its issue
# in brackets after one) or Vancouver's date; a conference's place before its year (`IROS '91 (Osaka,
# Japan), 1991`) is an address.
_PLACE_IN_BRACKETS = re.compile(r"\s?\((?P<place>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)*(?:,\s[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)*)+)\)(?=\s\d{1,4}\b(?!,)|,\s\d{1,4}\s?\(\d{1,5}\)|\.\s(?:1[5-9]|20)\d\d;)")


def _journal_with_its_place_in_brackets(f: _Fields) -> None:
    """`Journal (Place, Country) 321` (see above): the bracket is the journal's name's, no address."""
    name = "journal" if "journal" in f.items else "booktitle"
    held = f.items.get(name)
    if held is None or "publisher" in f.items:
        return
    m = _PLACE_IN_BRACKETS.match(f.text, held[2])
    if m is None:
        return
    address = f.items.get("address")
    if address is not None and not (m.start("place") <= address[1] and address[2] <= m.end("place")):
        return
    if address is not None:
        _drop(f, "address")
    p = _drop(f, name)[3]
    f.add(name, held[1], m.end())
    if p is not None:
        f.confidence[name] = p


# A publisher's own word (`O'Reilly Media`, `Invented Press`, `Wiley Publishing`, `Springer Verlag`).
_PUBLISHER_WORD = re.compile(r"\b(?:Media|Press|Publishing|Publishers?|Verlag|Books|Inc|Ltd|LLC|GmbH|Издательство|Издательский\sдом)\b\.?")


def _publisher_not_place(f: _Fields) -> None:
    """GOST's `– O'Reilly Media, 2004.` (the publisher with no place before it): a place read with a
    publisher's own word in it (`_PUBLISHER_WORD`), no known place, no publisher read, is the publisher."""
    address = f.items.get("address")
    if address is None or "publisher" in f.items or not _PUBLISHER_WORD.search(address[0]) or is_place(address[0]):
        return
    p = _drop(f, "address")[3]
    _text_value(f, "publisher", address[1], address[2])
    if p is not None and "publisher" in f.items:
        f.confidence["publisher"] = p


# A GOST web page by a body, no person named: `Body. Title. — 2025. Ссылка: URL` (`W3Schools. HTML, CSS,
# JavaScript Tutorials. — 2025.`, `Mozilla Developer Network (MDN). Title (HTML, CSS). — 2025.`) or
# `Body. Title [Электронный ресурс]. — URL: …` (`The Go Authors. Go Documentation [Электронный ресурс].`,
# batch 33): the body's name, one to three capitalised words (an abbreviation in brackets after them),
# then the title sentence, the area's dash and the year or the medium and the dash, then the address.
_BODY_THEN_PAGE_TITLE = re.compile(
    r"\s*(?P<body>[A-ZА-ЯЁ][\w+&-]*(?:\s[A-ZА-ЯЁ][\w+&-]*){0,2}(?:\s\([A-ZА-ЯЁ][\w]{1,9}\))?)\.\s+"
    r"(?P<title>[A-ZА-ЯЁ«\"“][^—–\[\]]{2,300}?)(?:\.\s[—–]\s(?:1[5-9]|20)\d\d\.\s+|\s\[Электронный\sресурс\]\.\s[—–]\s)(?=(?:Ссылка|URL|Режим\sдоступа|https?://|www\.))"
)


def _body_before_a_web_pages_title(f: _Fields) -> None:
    """`Body. Title. — 2025. Ссылка: URL` (see above): the body is the author, the sentence after it
    the title, where the tagger read otherwise (the title's first words as a name, the body in the
    title, a bracket's last word as a journal). Not where a word of the first sentence is a given
    name or an initial (a person's name: read as the tagger reads it)."""
    m = _BODY_THEN_PAGE_TITLE.match(f.text)
    if m is None or any(canonical(w) in GIVEN_NAMES or len(w) == 1 for w in m["body"].split()):
        return
    if "[" in f.text[m.end("title") : m.end()] and (len(m["body"].split()) < 2 or re.search(r"\.\s", m["title"])):
        return  # (with the medium: a body of two words or more and a title of one sentence; `IdentityServer4. Основные понятия. OpenID …` is a title)
    author, title = f.items.get("author"), f.items.get("title")
    if author is not None and title is not None and author[1:] == m.span("body") and title[1] == m.start("title") and title[2] >= m.end("title") - 1:
        return
    for name in list(f.items):
        if (f.items[name][1] < m.end("title") or name == "title") and name not in ("year", "url", "urldate"):
            _drop(f, name)
    f.add("author", *m.span("body"), "{" + m["body"] + "}")
    _text_value(f, "title", m.start("title"), m.end("title"))


# The item's type a reference manager prints after the quoted title (Zotero's and EndNote's Chicago
# author-date with the type field shown: `“Title.” Journal Article. Journal 48 (2): 517–45.`, `“Title.”
# Book Section. In Book, edited by …`): two words naming a kind of item, a sentence of their own.
_ITEM_TYPE = re.compile(
    r"(?<=[”\"])\s+(?P<type>(?:Journal|Magazine|Newspaper|Encyclopedia)\sArticle|Book\sSection|Conference\s(?:Paper|Proceedings)|Web\sPage|Blog\sPost|Forum\sPost|Dictionary\sEntry|Computer\sProgram)\.(?=\s)"
)


def _item_type_after_the_title(f: _Fields) -> None:
    """`“Title.” Journal Article. Journal 48 (2)` (see above): the type is no part of the title, the
    journal or the book; a container read from it starts after it, a title read over it ends before it."""
    m = _ITEM_TYPE.search(f.text)
    if m is None:
        return
    a, b = m.start("type"), m.end()
    for name in list(f.items):
        if name in ("url", "doi", "urldate") or name not in f.items:
            continue
        value, s, e = f.items[name]
        if e <= a or s >= b:
            continue
        p = _drop(f, name)[3]
        if name in ("journal", "booktitle", "title", "publisher") and s >= a and f.text[b:e].strip(" .,"):
            _text_value(f, name, b, e)
        elif name == "title" and s < a:
            _text_value(f, name, s, a)
        if p is not None and name in f.items:
            f.confidence[name] = p


# A translation statement (`Пер. с англ.`, `пер. с нем.`) and the imprint after it: `Title: Пер. с
# англ.— М.: Мир, 1986.`, `Title. — Пер. с англ. М.: Мир, 1979.`
_TRANSLATION_STATEMENT = re.compile(r"\b[Пп]ер\.\s?с\s?[а-яё]{2,6}\.?")
_IMPRINT_AFTER = re.compile(r"\s*[—–-]?\s*[А-ЯЁ][а-яё]{0,12}\.?\s?:\s?(?P<publisher>[^,:;—–\d]{2,60}?)\s?,\s?(?:1[5-9]|20)\d\d\b")


def _translation_statement_not_publisher(f: _Fields) -> None:
    """`Пер. с англ.` read as the publisher (or the title run into it): the statement is neither;
    the publisher is the one of the imprint after it (`М.: Мир, 1986`)."""
    publisher = f.items.get("publisher")
    if publisher is None:
        return
    m = next((m for m in _TRANSLATION_STATEMENT.finditer(f.text) if m.start() < publisher[2] and publisher[1] < m.end()), None)
    imprint = _IMPRINT_AFTER.match(f.text, m.end()) if m is not None else None
    if imprint is None:
        return
    p = _drop(f, "publisher")[3]
    title = f.items.get("title")
    if title is not None and title[1] < m.start() < title[2]:
        q = _drop(f, "title")[3]
        _text_value(f, "title", title[1], m.start())
        if q is not None and "title" in f.items:
            f.confidence["title"] = q
    _text_value(f, "publisher", *imprint.span("publisher"))
    if p is not None and "publisher" in f.items:
        f.confidence["publisher"] = p


_NO_DATE = re.compile(r"\((?:no\sdate|n\.\s?d\.|б\.\s?г\.)\)\s*", re.IGNORECASE)


def _no_date_not_title(f: _Fields) -> None:
    """Harvard's `Family, I. (no date) Title.` (Cite Them Right's `(no date)`, APA's `(n.d.)`): the
    date's place, read into the title's start, is no part of it."""
    title = f.items.get("title")
    m = _NO_DATE.match(f.text, title[1]) if title is not None else None
    if m is None or m.end() >= title[2] - 2:
        return
    p = _drop(f, "title")[3]
    _text_value(f, "title", m.end(), title[2])
    if p is not None and "title" in f.items:
        f.confidence["title"] = p


_VOLUME_MARK_BEFORE = re.compile(r"(?:\b[Тт]ом|\b[ТтVv]\.|\bVol\.?|\bvol\.?)\s?$")


def _volume_range_after_its_mark(f: _Fields) -> None:
    """`Том 3-4 – Москва, 2006.` (a volume's mark, then a range) read as the pages: the volumes."""
    pages = f.items.get("pages")
    if pages is None or "volume" in f.items or not _VOLUME_MARK_BEFORE.search(f.text[: pages[1]]):
        return
    value, s, e, p = _drop(f, "pages")
    f.add("volume", s, e, value, confidence=p)


def _batch_34_conventions(f: _Fields) -> None:
    """Batches 33's and 34's conventions read after batch 34's first run (bench/UNSEEN_LISTS.md),
    each in a function of its own, run once the others have read the fields."""
    _year_opening_the_proceedings_name(f)
    _title_run_into_the_journal(f)
    _host_alone_is_the_title(f)
    _conference_place_and_dates_in_the_host(f)
    _title_before_the_host_mark(f)


# A proceedings' name that opens with its year, as IEEE and many conferences name themselves (`2020
# IEEE 18th World Symposium on …`, `2024 IEEE/CVF Conference on …`, `2019 International Conference
# on Robotics …`): the year right before the host's first word, with nothing between them.
_YEAR_BEFORE_THE_HOST = re.compile(r"(?<![\w.:/–-])(?:19|20)\d\d\s+$")
_PROCEEDINGS_NAME = re.compile(
    r"(?:IEEE|ACM|IFIP|SIAM|AAAI|USENIX|International|Annual|European|World|Joint|Conference|Symposium|Workshop|Proceedings|\d{1,3}(?:st|nd|rd|th))\b"
)
_ANY_YEAR = re.compile(r"(?<![\w.:/–-])(?:19|20)\d\d(?![\w/]|[.,-]\d)")


def _year_opening_the_proceedings_name(f: _Fields) -> None:
    """`// 2020 IEEE 18th World Symposium on … – 2020.`, `Title. 2024 IEEE/CVF Conference on …,
    pages 7713–7722, 2023.`: a year standing right before a proceedings' name read as the host is
    the name's own where the entry prints another year (the tagger read it as the date and cut it
    from the host); the entry's year is then the other one (IOP's `Family I 2019 Int. Conf. …`,
    whose one year is the date, keeps it)."""
    name = next((n for n in ("booktitle", "journal") if n in f.items), None)
    if name is None:
        return
    value, s, e = f.items[name]
    m = _YEAR_BEFORE_THE_HOST.search(f.text, 0, s)
    if m is None or not _PROCEEDINGS_NAME.match(value):
        return
    spans = [f.items[n][1:] for n in ("url", "doi", "urldate", "note") if n in f.items] + [(m.start(), e)]
    others = [y for y in _ANY_YEAR.finditer(f.text) if not any(a <= y.start() < b for a, b in spans)]
    if not others:
        return
    p = _drop(f, name)[3]
    year = f.items.get("year")
    if year is not None and year[1] == m.start():
        q = _drop(f, "year")[3]
        later = [y for y in others if y.start() > e]
        other = (later or others)[0]
        f.add("year", other.start(), other.end(), confidence=q)
    _text_value(f, name, m.start(), e)
    if p is not None and name in f.items:
        f.confidence[name] = p


# Vancouver's journal is the sentence right before `. 2019;14:` (NLM, PLOS, BMC); a full stop after a
# whole word inside what the tagger read as the journal, the title running into it with no mark
# between, ends the title (`… in the California Current Large Marine Ecosystem. PloS one. 2019;14.`).
_VANCOUVER_DATE_AFTER = re.compile(r"\.?\s*(?:19|20)\d\d[a-z]?\s*;")
_SENTENCE_END_IN_JOURNAL = re.compile(r"(?<=[^\W\d_]{4})\.\s+(?=[^\W\d_])")


def _title_run_into_the_journal(f: _Fields) -> None:
    """`Title … in the California Current Large Marine Ecosystem. PloS one. 2019;14.` read as the
    title `… in the California` and the journal `Current Large Marine Ecosystem. PloS one`: the
    journal starts after the first sentence's end inside it, what is before is the title's."""
    title, journal = f.items.get("title"), f.items.get("journal")
    if title is None or journal is None or not 0 <= journal[1] - title[2] <= 2 or f.text[title[2] : journal[1]].strip(" ,"):
        return
    if not _VANCOUVER_DATE_AFTER.match(f.text, journal[2]):
        return
    m = _SENTENCE_END_IN_JOURNAL.search(f.text, journal[1], journal[2])
    if m is None or not f.text[m.end() : journal[2]].strip(" ."):
        return
    p, q = _drop(f, "title")[3], _drop(f, "journal")[3]
    _text_value(f, "title", title[1], m.start())
    _text_value(f, "journal", m.end(), journal[2])
    for name, c in (("title", p), ("journal", q)):
        if c is not None and name in f.items:
            f.confidence[name] = c


# Words that name a journal or a proceedings, never a paper's title alone.
_HOST_WORD = re.compile(r"\b(?:Journal|Proceedings|Proc|Conference|Conf|Symposium|Workshop|Transactions|Trans|Review|Letters|Annals|Bulletin|Magazine|Quarterly|Acta|Zeitschrift)\b|\b[A-Z][a-z]{0,5}\.\s[A-Z]")


def _host_alone_is_the_title(f: _Fields) -> None:
    """natbib's preprint with no venue, `Names. Neural bridges, 2019.`, read as the names and a
    journal: with no title, and nothing but the year after it (no volume, pages, publisher or
    editor), the sentence after the names is the title."""
    name = next((n for n in ("journal", "booktitle") if n in f.items), None)
    author = f.items.get("author")
    if name is None or author is None or "title" in f.items or any(n in f.items for n in ("volume", "number", "pages", "publisher", "address", "editor")):
        return
    value, s, e = f.items[name]
    before = f.text[:s].rstrip()
    if f.text[author[2] : s].strip(" .") or not re.search(r"[^\W\d_]{2}\.$", before) or _HOST_WORD.search(value):
        return
    if not re.fullmatch(r"[\s.,]*(?:\(?(?:19|20)\d\d[a-z]?\)?)?[\s.]*", f.text[e:]):
        return
    p = _drop(f, name)[3]
    _text_value(f, "title", s, e)
    if p is not None and "title" in f.items:
        f.confidence["title"] = p


# GOST's proceedings with the conference's place and dates after its name, inside the host's area
# (`// Title : сборник … по материалам … конференции, Москва, 09–10 января 2018 года. – Москва :
# Publisher, 2018.`): the place and dates are the host's title's (GOST 7.1's other title
# information), the imprint's place and year are those after the area's dash.
_RU_MONTH = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_CONFERENCE_PLACE_AND_DATES = re.compile(
    rf",\s(?P<place>[А-ЯЁ][а-яё]+(?:[\s-][А-ЯЁ]?[а-яё]+)?),\s(?P<dates>\d{{1,2}}(?:\s?{_RU_MONTH})?(?:\s?[–—-]\s?\d{{1,2}})?\s{_RU_MONTH}\s(?:19|20)\d\d(?:\s?(?:года|г\.))?)(?=\s?[.,]?\s?[–—]\s)"
)
_IMPRINT_PLACE = re.compile(r"\s?[.,]?\s?[–—]\s(?P<place>[А-ЯЁ][а-яё]*\.?(?:[\s-][А-ЯЁ]?[а-яё]+)?)\s?:\s?[^\d\s]")


def _conference_place_and_dates_in_the_host(f: _Fields) -> None:
    """`// Host : сборник … конференции, Москва, 09–10 января 2018 года. – Москва : Publisher, 2018.`:
    the host's name runs through the conference's place and dates; the place and the year read
    there are the imprint's after the area's dash."""
    host = f.items.get("booktitle") or f.items.get("journal")
    if host is None or not marks_host_item(f.text[: host[1]].rstrip(" «\"“")):
        return
    name = "booktitle" if "booktitle" in f.items else "journal"
    m = _CONFERENCE_PLACE_AND_DATES.match(f.text, host[2])
    if m is None:
        return
    moved = {n: _drop(f, n) for n in ("address", "year") if n in f.items and host[2] <= f.items[n][1] < m.end()}
    p = _drop(f, name)[3]
    _text_value(f, name, host[1], m.end())
    if p is not None and name in f.items:
        f.confidence[name] = p
    imprint = _IMPRINT_PLACE.match(f.text, m.end())
    if "address" in moved and imprint is not None:
        f.add("address", *imprint.span("place"), confidence=moved["address"][3])
    if "year" in moved:
        later = next((y for y in _ANY_YEAR.finditer(f.text, m.end()) if "url" not in f.items or not f.items["url"][1] <= y.start() < f.items["url"][2]), None)
        if later is not None:
            f.add("year", later.start(), later.end(), confidence=moved["year"][3])


def _title_before_the_host_mark(f: _Fields) -> None:
    """`SHA-2 // ru.wikipedia.org: Википедия URL: …` read as an author and a site with no title:
    GOST prints a component part's title right before the host's `//`, so words standing alone
    there (no comma, no initial: not names), read as the author, with no title read, are the title."""
    author = f.items.get("author")
    if author is None or "title" in f.items or f.text[: author[1]].strip(" \t0-9.[]"):
        return
    mark = re.search(r"\s*//", f.text[author[1] : author[2] + 4])
    if mark is None or not re.fullmatch(r"[\s/]*", f.text[author[1] + mark.start() : author[2]]):
        return
    words = f.text[author[1] : author[1] + mark.start()]
    if "," in words or _AN_INITIAL.search(words):  # names with initials (`Holm A.B., Crane C. // Journal`): an entry printing no title
        return
    p = _drop(f, "author")[3]
    _text_value(f, "title", author[1], author[1] + mark.start())
    if p is not None and "title" in f.items:
        f.confidence["title"] = p


def _batch_35_conventions(f: _Fields) -> None:
    """Batch 35's conventions read after its first run (bench/UNSEEN_LISTS.md), each in a function
    of its own, run once the others have read the fields."""
    _day_and_month_after_the_host(f)
    _closing_bracketed_year_is_the_date(f)
    _initials_first_heading_before_the_title(f)
    _publisher_before_a_missing_place(f)
    _acronym_closing_the_host(f)
    _place_and_publisher_read_as_host(f)
    _publisher_in_guillemets_after_the_place(f)
    _imprint_after_the_responsibility(f)


# Harvard's (Cite Them Right's) newspaper, magazine or blog: `‘Title’, The Times, 12 March, p. 5.`,
# `‘Title’, Site, 1 January. Available at: …`: the day and month after the host's name are the
# issue's date, no part of the name.
_EN_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY_AND_MONTH = re.compile(rf",\s(?P<day>\d{{1,2}})\s{_EN_MONTH}(?=[.,]|\s*$)")
_QUOTED_TITLE_THEN_HOST_AND_DAY = re.compile(rf"^(?P<title>.{{3,}}?)[’'”\"],\s(?P<host>[^,‘’'“”\"]{{2,80}}?),\s\d{{1,2}}\s{_EN_MONTH}$")


def _day_and_month_after_the_host(f: _Fields) -> None:
    """`‘Title’, The Times, 12 March, p. 5.` read with the host `The Times, 12 March` (or `…, 12`),
    or `‘Title’, Site, 1 January. Available at:` read as one title: the host is the name before
    the day and month."""
    name = next((n for n in ("journal", "booktitle") if n in f.items), None)
    if name is not None:
        value, s, e = f.items[name]
        m = _DAY_AND_MONTH.search(f.text, s, min(len(f.text), e + 12))
        if m is None or m.start() >= e or m.start() <= s:
            return
        p = _drop(f, name)[3]
        _text_value(f, name, s, m.start())
        if p is not None and name in f.items:
            f.confidence[name] = p
        return
    title = f.items.get("title")
    if title is None or "url" not in f.items and "pages" not in f.items:
        return
    value, s, e = title
    m = _QUOTED_TITLE_THEN_HOST_AND_DAY.match(value)
    if m is None or not re.search(r"[‘'“\"]\s*$", f.text[:s]):
        return
    p = _drop(f, "title")[3]
    at = s + f.text[s:e].find(value)
    _text_value(f, "title", at, at + m.end("title"))
    _text_value(f, "journal", at + m.start("host"), at + m.end("host"))
    for n in ("title", "journal"):
        if p is not None and n in f.items:
            f.confidence[n] = p


# Springer's and LNCS's date closing the entry after the host's volume and pages (`Journal 27(4),
# 12–19 (2006)`, a DOI or address after it at most).
_CLOSING_BRACKETED_YEAR = re.compile(r"\((?P<year>(?:1[5-9]|20)\d\d)[a-z]?\)\.?\s*(?:(?:https?://|doi:\s?)\S+\s*)?$", re.IGNORECASE)
_DATE_WORDS_BEFORE_A_YEAR = re.compile(r"[\s,]*(?:[A-Za-z]+\.?\s\d{1,2},?\s|\d{1,2}\s[A-Za-z]+\.?,?\s)?")


def _closing_bracketed_year_is_the_date(f: _Fields) -> None:
    """`Names: Title, june 12, 1925. Journal 27(4), 12–19 (2006)` read with the year 1925: a date
    inside the title before the host is the title's; the year is the one in brackets closing the
    entry after the host (the title runs through the date)."""
    year = f.items.get("year")
    name = next((n for n in ("journal", "booktitle") if n in f.items), None)
    if year is None or name is None or year[1] >= f.items[name][1]:
        return
    m = _CLOSING_BRACKETED_YEAR.search(f.text, f.items[name][2])
    if m is None or m["year"] == year[0]:
        return
    title = f.items.get("title")
    if title is None or f.text[year[1] - 1 : year[1]] == "(" or not title[2] <= year[1] or not _DATE_WORDS_BEFORE_A_YEAR.fullmatch(f.text, title[2], year[1]):
        return  # a bracketed year before the host is the entry's own (APA's `(1990).`, two entries run together)
    p = _drop(f, "title")[3]
    _text_value(f, "title", title[1], year[2])
    if p is not None and "title" in f.items:
        f.confidence["title"] = p
    q = _drop(f, "year")[3]
    f.add("year", m.start("year"), m.end("year"), confidence=q)


# The first name of GOST's statement of responsibility, initials first (`/ H. M. Nguyen, E. W. Cooper`,
# `/ Дж. Вандер Плас – СПб.`): a family name of one word or two capitalised ones.
_FIRST_NAME_INITIALS_FIRST = re.compile(
    r"\s*(?P<initials>(?:[A-ZА-ЯЁ][a-zа-яё]?\.\s?){1,3})(?P<family>[A-ZА-ЯЁ][\w'’-]+(?:\s[A-ZА-ЯЁ][\w'’-]+)?)\s*(?:[,;.]|$)"
)


def _initials_first_heading_before_the_title(f: _Fields) -> None:
    """A home-made GOST heading printed initials first, with no mark before the title (`H. M. Nguyen
    Title [Текст] / H. M. Nguyen, E. W. Cooper // Journal`, `Дж. Вандер Плас Title / Дж. Вандер
    Плас – СПб.`): the heading repeats the statement's first name, so the entry's opening words that
    spell that name are the author, the title starts after them (the tagger had cut the name at
    its initials and begun the title with the family name)."""
    author, title = f.items.get("author"), f.items.get("title")
    slash = _SINGLE_SLASH.search(f.text)
    if author is None or title is None or slash is None or "//" in f.text[: slash.start()]:
        return
    tail = f.text[slash.end() :]
    first = _FIRST_NAME_INITIALS_FIRST.match(tail[: _RESPONSIBILITY_END.search(tail).start()])
    if first is None:
        return
    initials = re.findall(r"[^\W\d_]{1,2}\.", first["initials"])
    spelled = r"\s?".join(map(re.escape, initials)) + r"\s?" + r"\s+".join(map(re.escape, first["family"].split()))
    m = re.compile(rf"\s*(?:\d{{1,3}}[.)]\s*)?(?P<heading>{spelled})\s").match(f.text)
    if m is None or not title[1] < m.end("heading") <= title[2] or m.end("heading") >= slash.start():
        return
    p = _drop(f, "title")[3]
    _drop(f, "author")
    f.add("author", m.start("heading"), m.end("heading"), f"{first['family']}, {' '.join(initials)}")
    _text_value(f, "title", m.end("heading"), title[2])
    if p is not None and "title" in f.items:
        f.confidence["title"] = p


# Springer Nature's BibTeX styles (sn-mathphys, sn-basic …) print `???` for a book's missing place:
# `Title. Apress, ??? (2019)`, `In: Book, pp. 1–9. Elsevier, ??? (1981)`.
_MISSING_PLACE = re.compile(r"(?:^|(?<=[.,]\s))(?P<publisher>[^.,()]{2,80}?),\s\?\?\?\s?\((?:1[5-9]|20)\d\d")


def _publisher_before_a_missing_place(f: _Fields) -> None:
    """`Title. Apress, ??? (2019)` (the `???` of a place left out) read with the host `Apress`, or
    with `Apress` in the title: the words before `, ???` are the publisher."""
    m = _MISSING_PLACE.search(f.text) if "???" in f.text else None  # (the cheap test first)
    if m is None:
        return
    a, b = m.span("publisher")
    if "publisher" in f.items:
        if "???" not in f.items["publisher"][0] or not f.items["publisher"][1] <= a:
            return
        _drop(f, "publisher")  # (`Bridge Press, ???` read whole: the place's mark is none of it)
    for name in ("journal", "booktitle"):
        if name in f.items and a <= f.items[name][1] < b:
            _drop(f, name)
    title = f.items.get("title")
    if title is not None and title[1] < a < title[2]:
        p = _drop(f, "title")[3]
        _text_value(f, "title", title[1], a)
        if p is not None and "title" in f.items:
            f.confidence["title"] = p
    if any(s < b and a < e for _, s, e in f.items.values()):
        return
    _text_value(f, "publisher", a, b)


# Google Scholar's GOST export of a proceedings paper: `//2019 International Conference on … and
# Modern Technologies (FarEastCon). – IEEE, 2019. – С. 1-5.`: the conference's acronym in brackets
# closes the host's area, right before its dash.
_ACRONYM_BEFORE_THE_AREA = re.compile(r"\s(?P<close>\([A-Z][\w-]{1,15}\)+)\.?\s?[–—]\s")


def _acronym_closing_the_host(f: _Fields) -> None:
    """`//Conference on Bridges and Rivers (BRCon). – IEEE, 2019.` read with the host cut before
    `and` or its acronym (what follows read as an editor or the publisher), or run past it into
    the publisher: the host runs to the acronym's bracket, the publisher is after the area's dash."""
    name = next((n for n in ("booktitle", "journal") if n in f.items), None)
    if name is None:
        return
    _, s, e = f.items[name]
    if not re.search(r"//\s*$", f.text[:s]):
        return
    m = _ACRONYM_BEFORE_THE_AREA.search(f.text, s)
    if m is None or re.search(r"\s[–—]\s|//", f.text[s : m.start()]):
        return
    end = m.end("close")
    if e == end or not m.start() < e + 60:
        return
    spill = None
    for other in [n for n in f.items if n != name]:
        _, a, b = f.items[other]
        if a < end and s < b:
            if other == "publisher" and b > m.end():
                spill = b
            _drop(f, other)
    p = _drop(f, name)[3]
    _text_value(f, name, s, end)
    if p is not None and name in f.items:
        f.confidence[name] = p
    if "publisher" not in f.items:
        after = re.match(r"[^,.–—]{2,60}", f.text[m.end() :])
        if spill is not None or after is not None and e > end:
            b = spill if spill is not None else m.end() + after.end()
            if not any(a < b and m.end() < c for _, a, c in f.items.values()):
                _text_value(f, "publisher", m.end(), b)


# A home-made GOST imprint with a comma for the colon (`– Санкт-Петербург, Питер, 2001.`): a known
# place, then the publisher's name, then the year, right after the area's dash.
_PLACE_COMMA_PUBLISHER = re.compile(r"(?<=[–—]\s)(?P<place>[^\W\d_][\w.-]{0,30}),\s(?P<publisher>[^\W\d_][^,:;/]{1,80}?),\s?(?:1[5-9]|20)\d\d\b")


def _place_and_publisher_read_as_host(f: _Fields) -> None:
    """`Title / Names. – Санкт-Петербург, Питер, 2001. – 304 с.` read with the journal or the
    publisher `Санкт-Петербург, Питер` (or the place `London, Bridge` and the publisher `Books`):
    in an entry with no host's `//`, a known place, a comma and a name after the area's dash, the
    year after them, are the place and the publisher."""
    if "//" in f.text or any(n in f.items for n in ("volume", "number")):
        return
    m = _PLACE_COMMA_PUBLISHER.search(f.text)
    if m is None or not is_place(m["place"]):
        return
    a, b = m.start("place"), m.end("publisher")
    read = {n: v for n, v in f.items.items() if v[1] < b and a < v[2]}
    if not read or set(read) - {"journal", "booktitle", "address", "publisher"}:
        return
    if read.get("address", ("",))[0] == m["place"] and read.get("publisher", ("",))[0].strip(" .") == m["publisher"].strip(" ."):
        return
    p = next((f.confidence.get(n) for n in read if f.confidence.get(n) is not None), None)
    for n in read:
        _drop(f, n)
    f.add("address", a, m.end("place"), confidence=p)
    _text_value(f, "publisher", m.start("publisher"), b)
    if p is not None and "publisher" in f.items:
        f.confidence["publisher"] = p


# The imprint of the older GOST (7.1-76, 7.1-84) and its home-made heirs: the place, a comma, the
# publisher in guillemets, the year (`– М., «Мир», 1965.`, `– Л., «Наука», 1975.`).
_PLACE_THEN_GUILLEMETS = re.compile(r"(?<=[–—]\s)(?P<place>[^\W\d_][\w.-]{0,30}),\s«(?P<publisher>[^«»]{2,80})»,?\s?(?:1[5-9]|20)\d\d\b")


def _publisher_in_guillemets_after_the_place(f: _Fields) -> None:
    """`Title / Names. – М., «Мир», 1965. – 174 с.` read with the place and no publisher: the name
    in guillemets between the place's comma and the year is the publisher."""
    if "publisher" in f.items:
        return
    m = _PLACE_THEN_GUILLEMETS.search(f.text)
    if m is None or not is_place(m["place"]) or any(a < m.end("publisher") and m.start("publisher") < b for _, a, b in f.items.values()):
        return
    p = f.items.get("address") and f.confidence.get("address")
    f.add("publisher", *m.span("publisher"), confidence=p)


# GOST's imprint after the area's dash: `– СПб. : Питер, 2017.` (the colon's spaces left out or not).
_IMPRINT_AFTER_THE_DASH = re.compile(r"[–—]\s(?P<place>[^\W\d_][\w.-]{0,30}?)\s?:\s?(?P<publisher>[^\W\d_][^,:;/–—]{1,80}?),\s?(?:1[5-9]|20)\d\d\b")


def _imprint_after_the_responsibility(f: _Fields) -> None:
    """`Title / Д.Силен, А. Мейсман, М. Али – СПБ.: Питер, 2017.` read with the place `М.` and the
    publisher `Али` (a last initial taken for Moscow), or `/ Д.Грас. – СПБ.: БХВ-Петербург` with the
    publisher `Д.Грас.`: what the tagger read as the place or the publisher inside the statement of
    responsibility, before the area's dash, is a name; the imprint is the place and the publisher
    after the dash."""
    m = _IMPRINT_AFTER_THE_DASH.search(f.text)
    if m is None or not is_place(m["place"]):
        return
    slash = _SINGLE_SLASH.search(f.text)
    if slash is None or slash.start() > m.start() or "//" in f.text[slash.start() : m.start()]:
        return
    wrong = [n for n in ("address", "publisher") if n in f.items and slash.end() <= f.items[n][1] < m.start()]
    if not wrong or any(a < m.end("publisher") and m.start() < b for n, (_, a, b) in f.items.items() if n not in wrong and n not in ("address", "publisher")):
        return
    p = next((f.confidence.get(n) for n in wrong if f.confidence.get(n) is not None), None)
    for n in ("address", "publisher"):
        if n in f.items:
            _drop(f, n)
    f.add("address", *m.span("place"), confidence=p)
    _text_value(f, "publisher", *m.span("publisher"))
    if p is not None and "publisher" in f.items:
        f.confidence["publisher"] = p



def _batch_36_conventions(f: _Fields) -> None:
    """Batch 36's conventions read after its first run (bench/UNSEEN_LISTS.md), each in a function
    of its own, run once the others have read the fields."""
    _site_after_the_slash(f)
    _host_after_the_slashes_read_as_series(f)
    _title_run_into_the_heading(f)
    _publisher_after_a_place_with_its_region(f)
    _place_alone_read_as_publisher(f)
    _latin_word_opening_the_title(f)
    _host_without_its_glued_responsibility(f)
    _host_read_inside_the_statement(f)
    _apa_role_after_the_names(f)


# GOST 7.0.100's web page whose site is named after the statement's slash, with its designation and
# no `//` (`Title / Habr [сайт]. – URL: …`, `Title : программный продукт / Google Play [сайт]`,
# `Title / I. Family ; Site [сайт]`): the name before `[сайт]` is the site the page is in (its
# container), the title ends at the slash, and the software's designation after the title's colon
# is its kind (`type`).
_SITE_AFTER_THE_SLASH = re.compile(r"\s/\s(?:(?P<resp>[^/;\[\]]{2,120}?)\s;\s)?(?P<site>[^\W_][^/;\[\]:]{0,79}?)\s*:?\s*\[(?:сайт|веб-сайт|портал)\]", re.IGNORECASE)
_SOFTWARE_KIND = re.compile(r"\s:\s(?P<kind>(?:программный\sпродукт|мобильное\sприложение|компьютерная\sпрограмма))\s*$", re.IGNORECASE)
_RESOURCE_DESIGNATION = re.compile(r"\s?\[электронный\sресурс\]", re.IGNORECASE)
_HOSTS_SLASHES = re.compile(r"(?<![:/])//")  # GOST's `//` before a host (an address's `https://` is none)
_NAME_INITIAL = re.compile(r"(?<![^\W\d_])[A-ZА-ЯЁ]\.")


def _site_after_the_slash(f: _Fields) -> None:
    """`Title / Habr [сайт]. – URL: …` read as the title `Title / Habr` (or the title's words as a
    name, the site's as the title): the title is what precedes the slash (after a heading's name
    with its initials, where one was read), the site the container."""
    if "[" not in f.text or "journal" in f.items or "booktitle" in f.items or _HOSTS_SLASHES.search(f.text):
        return
    m = _SITE_AFTER_THE_SLASH.search(f.text)
    if m is None or "/" in f.text[: m.start()] or "[" in _RESOURCE_DESIGNATION.sub("", f.text[: m.start()]):
        return
    slash = m.start()
    start = len(f.text) - len(f.text.lstrip())
    author = f.items.get("author")
    if author is not None and author[1] < slash:
        if _NAME_INITIAL.search(author[0]) is None or author[2] > slash:
            _drop(f, "author")  # the title's words read as a name, or a name run over the slash
        else:
            start = author[2]
    p = f.confidence.get("title")
    for name, (_, a, b) in list(f.items.items()):
        if name != "author" and a < m.end() and (b > slash or a >= start) and name != "url":
            _drop(f, name)
    end = slash
    designation = _RESOURCE_DESIGNATION.search(f.text, start, slash)
    if designation is not None:
        end = designation.start()  # `Title [Электронный ресурс] / Site [сайт]`
    kind = _SOFTWARE_KIND.search(f.text, start, end)
    if kind is not None:
        end = kind.start()
        f.add("type", *kind.span("kind"), confidence=p)
    _text_value(f, "title", start, end)
    _text_value(f, "journal", *m.span("site"))
    for name in ("title", "journal"):
        if p is not None and name in f.items:
            f.confidence[name] = p


def _host_after_the_slashes_read_as_series(f: _Fields) -> None:
    """`Title / Names // Journal of Machine Learning Research. – 2006. – № 7. – P. 2399–2434.` read
    with the host as a series: what follows GOST's `//` is the host document (a journal or a
    book), never a series (GOST prints a series in brackets after the areas, `(Серия …)`), so a
    series read right after `//`, no host read, is the journal."""
    series = f.items.get("series")
    if series is None or "journal" in f.items or "booktitle" in f.items or not f.text[: series[1]].rstrip(" \t\xa0").endswith("//"):
        return
    value, s, e, p = _drop(f, "series")
    f.add("journal", s, e, value, confidence=p)


_AREA_DASH = re.compile(r"\s[–—-]\s")
# GOST's heading: the first author's family name and initials (`Downey, A. B.`, `Холмов, А. Б.`).
_HEADING_NAME = re.compile(r"\s*(?P<family>[^\W\d_][\w'’]+(?:-[^\W\d_][\w'’]+)?),?\s(?P<initials>(?:[^\W\d_]{1,2}\.\s?){1,3})")


def _title_run_into_the_heading(f: _Fields) -> None:
    """`Family, I. I. Title / I. I. Family – Place: Publisher, 2013` (no full stop closing the
    statement before the dash) read as one run of names across the slash (`Family and Title / I. I,
    I. I.`), no title: the heading is the name and initials opening the entry, the title the words
    between them and the slash, where the statement after the slash repeats the heading's family
    name; a place, publisher or host read inside the statement is none."""
    author = f.items.get("author")
    if author is None or "title" in f.items:
        return
    slash = f.text.find(" / ", author[1], author[2])
    m = _HEADING_NAME.match(f.text, author[1]) if slash > 0 else None
    if m is None or m.end() >= slash or not re.search(r"[^\W\d_]{2}", f.text[m.end() : slash]):
        return
    dash = _AREA_DASH.search(f.text, slash + 3)
    statement = f.text[slash + 3 : dash.start() if dash else len(f.text)]
    if not re.search(rf"(?<![^\W\d_]){re.escape(m['family'])}(?![^\W\d_])", statement):
        return
    p = _drop(f, "author")[3]
    for name in ("publisher", "address", "journal", "booktitle"):
        if name in f.items and slash < f.items[name][1] < slash + 3 + len(statement):
            _drop(f, name)
    initials = " ".join(re.findall(r"[^\W\d_]{1,2}\.", m["initials"]))
    f.add("author", m.start("family"), m.end("initials"), f"{m['family']}, {initials}", confidence=p)
    _text_value(f, "title", m.end(), slash)
    if p is not None and "title" in f.items:
        f.confidence["title"] = p


# GOST's imprint with the place's state or country after its comma (`– Massachusetts, United States:
# MIT Press, 2006`, `– Berkeley, CA: Apress, 2019`).
_PLACE_WITH_REGION_IMPRINT = re.compile(
    r"[–—-]\s(?P<place>[^\W\d_][\w.'-]*(?:\s[^\W\d_][\w.'-]*)?,\s[^\W\d_][\w.]*(?:\s[^\W\d_][\w.]*)?)\s?:\s?"
    r"(?P<publisher>[^\W\d_][^,:;/–—]{1,80}?),\s?(?:1[5-9]|20)\d\d\b"
)


def _publisher_after_a_place_with_its_region(f: _Fields) -> None:
    """`/ Names – Massachusetts, United States: MIT Press, 2006 – 216 p.`, the place and its region
    read as the place but the publisher not read (or a name of the statement before the dash read
    as it): the publisher is the name after the place's colon."""
    address = f.items.get("address")
    m = _PLACE_WITH_REGION_IMPRINT.search(f.text) if address is not None and "," in address[0] else None
    if m is None or (address[1], address[2]) != m.span("place"):
        return
    publisher = f.items.get("publisher")
    if publisher is not None and publisher[1] >= m.start():
        return  # read after the dash: the tagger's
    if publisher is not None:
        _drop(f, "publisher")
    if any(a < m.end("publisher") and m.start("publisher") < b for _, a, b in f.items.values()):
        return
    _text_value(f, "publisher", *m.span("publisher"))


def _place_alone_read_as_publisher(f: _Fields) -> None:
    """`Title. – Пермь, 2017. – 185 с.`, `// Host. – Рязань, 2017. – С. 184-185.` (GOST's imprint
    with the place and no publisher) read with the city as the publisher: a known place alone
    after the area's dash and before the year's comma is the place."""
    publisher = f.items.get("publisher")
    if publisher is None or "address" in f.items or not is_place(publisher[0]) or " " in publisher[0].strip():
        return
    value, s, e = publisher
    if not re.match(r"\s*,\s?(?:1[5-9]|20)\d\d\b", f.text[e:]) or not re.search(r"[–—-]\s*$", f.text[:s]):
        return
    p = _drop(f, "publisher")[3]
    f.add("address", s, e, value, confidence=p)


# Russian headings' names (`Family I.`, `Family I. I.`, a comma between names) and a one-word Latin
# sentence opening the title after the last initial (`Крючков А. Java. Создание приложений.`).
_CYRILLIC_NAMES = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s(?:[А-ЯЁ]\.\s?){1,2}(?:,\s[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s(?:[А-ЯЁ]\.\s?){1,2})*")
_LATIN_WORD_SENTENCE = re.compile(r"(?P<word>[A-Z][A-Za-z0-9#+]*)\.\s(?=[А-ЯЁ])")


def _latin_word_opening_the_title(f: _Fields) -> None:
    """`Крючков А. Java. Создание приложений. – М.: ЛитРес, 2018.`, `Бенджамин Э., Мартин В. Java.
    Новое поколение разработки.` read with `Java` as a name (`Java, Крючков А.`) and the title
    after it: a Latin word with no initial after a Russian heading's last initial is no name but
    the title's first sentence."""
    author, title = f.items.get("author"), f.items.get("title")
    if author is None or title is None:
        return
    _, a, b = author
    names_run = _CYRILLIC_NAMES.match(f.text, a)
    m = _LATIN_WORD_SENTENCE.match(f.text, names_run.end()) if names_run is not None else None
    if m is None or not (m.start() < b <= m.end()) or f.text[m.end() : title[1]].strip():
        return
    p = _drop(f, "author")[3]
    value = names(f.text[a : names_run.end()].strip())
    if value:
        f.add("author", a, names_run.end(), value=value, confidence=p)
    q = _drop(f, "title")[3]
    _text_value(f, "title", m.start(), title[2])
    if q is not None and "title" in f.items:
        f.confidence["title"] = q


# A host's statement of responsibility with the slash's spaces left out (`// Host : материалы …
# конф. студентов./Рязан.гос.радиотехн.ун-т. – Рязань, 2017.`): a slash glued to the full stop that
# closes a word and to the capital opening the next.
_GLUED_HOST_SLASH = re.compile(r"(?<=[^\W\d_]{2})\.\s?/(?=[A-ZА-ЯЁ][^\W\d_])")


def _host_without_its_glued_responsibility(f: _Fields) -> None:
    """The host read with its statement of responsibility glued after `./`
    (`… специалистов./Рязан.гос.радиотехн.ун-т.`): the host ends at the full stop."""
    for name in ("journal", "booktitle"):
        if name in f.items and "/" in f.items[name][0] and "://" not in f.items[name][0]:
            value, s, e = f.items[name]
            m = _GLUED_HOST_SLASH.search(f.text, s, e)
            if m is not None and m.start() > s:
                p = _drop(f, name)[3]
                _text_value(f, name, s, m.start())
                if p is not None and name in f.items:
                    f.confidence[name] = p


_INITIALS_BEFORE = re.compile(r"(?:[A-ZА-ЯЁ]\.\s?){1,3}$")


def _host_read_inside_the_statement(f: _Fields) -> None:
    """`Title [Текст]: учебное пособие /А.Б. Холмов – М.: Мост, 2014.` read with the host `Холмов`:
    with no `//` in the entry, the statement of responsibility (after the slash, before the area's
    dash) names people and bodies, never the host, so a journal or book read there as a family name
    right after its initials is none."""
    if _HOSTS_SLASHES.search(f.text):
        return
    slash = _SINGLE_SLASH.search(f.text)
    dash = _AREA_DASH.search(f.text, slash.end()) if slash is not None else None
    if dash is None:
        return
    for name in ("journal", "booktitle"):
        if name in f.items and slash.end() <= f.items[name][1] and f.items[name][2] <= dash.start() and _INITIALS_BEFORE.search(f.text, slash.end(), f.items[name][1]):
            _drop(f, name)  # a family name after its initials


# APA's role in brackets after a creator's name, then the bracketed date and the title (`Sembène, O.
# (Director). (1975). Xala. URL`, `Family, I. (Host). (2019, May 3). Title [Audio podcast].`).
_APA_ROLE = re.compile(
    r"\s*(?P<names>[^()]{2,200}?)\s\((?:Director|Producer|Executive\sProducer|Host|Writer|Creator|Composer|Performer|Artist|Narrator|Speaker|Presenter|Photographer)s?\)\.?"
    r"\s\((?:1[5-9]|20)\d\d[a-z]?(?:,[^()]{1,30})?\)\.\s(?P<title>[^\s.][^.]{0,300}?)(?:\.(?:\s|$)|\s(?=https?://)|$)"
)


def _apa_role_after_the_names(f: _Fields) -> None:
    """`Sembène, O. (Director). (1975). Xala. URL` read with the role among the names (`Sembène and
    (Director), O.`) and no title: the role names no one (the author is the name before it), and the
    words after the date's full stop are the title."""
    author = f.items.get("author")
    m = _APA_ROLE.match(f.text) if author is not None and author[0].count("(") else None
    if m is None or not (author[1] <= m.start("names") < author[2]):
        return
    value = names(m["names"])
    if not value:
        return
    p = _drop(f, "author")[3]
    f.add("author", *m.span("names"), value=value, confidence=p)
    if "title" not in f.items and not any(a < m.end("title") and m.start("title") < b for _, a, b in f.items.values()):
        _text_value(f, "title", *m.span("title"))
        if p is not None and "title" in f.items:
            f.confidence["title"] = p
