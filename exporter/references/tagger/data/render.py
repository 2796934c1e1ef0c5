"""Records into labelled entries: through CSL styles by citeproc-py (labels found by changing one
value at a time and seeing which characters change), and through our own GOST renderer
(labels known piece by piece)."""

from __future__ import annotations

import random
import re
import tempfile
import warnings
from pathlib import Path

from spans import line

_ALT_UPPER, _ALT_LOWER = "Ǫ", "ǫ"

# CSL variable -> our label (container-title depends on the type).
_VARIABLES = {
    "author": "author", "editor": "editor", "title": "title", "container-title": "container", "collection-title": "collection",
    "volume": "volume", "issue": "issue", "page": "pages", "issued": "date", "publisher": "publisher", "publisher-place": "location",
    "edition": "edition", "DOI": "doi", "URL": "url", "ISBN": "isbn", "accessed": "accessed", "genre": "genre",
    "number-of-pages": "pages", "number": "note",
}
# Variables only GIANT-style records have (build.py --giant); main's records keep main's labelling.
GIANT_VARIABLES = _VARIABLES | {"translator": "translator", "container-title-short": "container", "collection-number": "collection"}


def _alter_text(value: str) -> str:
    out = []
    for ch in value:
        if ch.isdigit():
            out.append(str((int(ch) + 5) % 10))
        elif ch.isalpha():
            out.append(_ALT_UPPER if ch.isupper() else _ALT_LOWER)
        else:
            out.append(ch)
    return "".join(out)


def _alter(variable: str, value):
    if isinstance(value, list):  # names
        return [{k: _alter_text(v) if k in ("family", "given") else v for k, v in p.items()} for p in value]
    if isinstance(value, dict):  # dates
        parts = value["date-parts"][0]
        new = [int(_alter_text(str(parts[0])))] + ([((parts[1] + 5) % 12) + 1] if len(parts) > 1 else []) + ([(parts[2] + 13) % 28 + 1] if len(parts) > 2 else [])
        return {"date-parts": [new]}
    if variable == "URL":
        scheme, _, rest = value.partition("://")
        return scheme + "://" + _alter_text(rest)
    return _alter_text(value)


# ---- citeproc-py ----------------------------------------------------------------------------


class Renderer:
    """One CSL style (or a variant of it with other name options), rendering one record as text."""

    def __init__(self, xml: str):
        from citeproc import CitationStylesStyle

        with tempfile.NamedTemporaryFile("w", suffix=".csl", delete=False, encoding="utf-8") as f:
            f.write(xml)
        self.style = CitationStylesStyle(f.name, validate=False)
        Path(f.name).unlink()

    def render(self, item: dict) -> str:
        from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
        from citeproc.source.json import CiteProcJSON

        bib = CitationStylesBibliography(self.style, CiteProcJSON([dict(item, id="x")]), formatter.plain)
        bib.register(Citation([CitationItem("x")]))
        text = str(bib.bibliography()[0])
        # The list number a numeric style prints (`[1]`, `1.`, `(1)`, `1Smith`): readers drop it.
        text = re.sub(r"^\s*(?:\[1\]|\(1\)|1\.(?!\d)|1(?=[^\W\d]))\s*", "", text)
        return " ".join(text.split())


def _region(a: str, b: str) -> list[tuple[int, int]]:
    """Where `a` differs from `b`: between their common prefix and suffix, split where a run of
    four or more characters is left unchanged (the title between an author heading and the same
    authors repeated after `/`)."""
    from difflib import SequenceMatcher

    if a == b:
        return []
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    s = 0
    while s < min(len(a), len(b)) - p and a[-1 - s] == b[-1 - s]:
        s += 1
    start, end = p, len(a) - s
    if end <= start:
        return []
    matcher = SequenceMatcher(None, a[start:end], b[p : len(b) - s], autojunk=False)
    out, at = [], start
    for block in matcher.get_matching_blocks():
        if block.size >= 4:
            if start + block.a > at:
                out.append((at, start + block.a))
            at = start + block.a + block.size
    if end > at:
        out.append((at, end))
    return out


def label_rendering(renderer: Renderer, item: dict, variables: dict = _VARIABLES) -> tuple[str, list[str | None]] | None:
    """The entry as the style prints it and a label per character, or None when a value's
    change moved more than that value (the style printed it in a way we cannot place)."""
    text = renderer.render(item)
    if not text:
        return None
    chars: list[str | None] = [None] * len(text)
    for variable, label in variables.items():
        if variable not in item:
            continue
        if variable in ("container-title", "container-title-short"):
            label = "journal" if item["type"] == "article-journal" else "container"
        if variable == "number" and item["type"] == "report":
            label = "genre"
        other = renderer.render(dict(item, **{variable: _alter(variable, item[variable])}))
        if len(other) == 0 or abs(len(other) - len(text)) > 40 + len(str(item[variable])):
            return None
        for s, e in _region(text, other):
            for k in range(s, e):
                if chars[k] not in (None, label):
                    return None
                chars[k] = label
    if not any(chars):
        return None
    return text, chars


def variants(xml: str, rng: random.Random) -> list[str]:
    """The style, and variants with other name options: full given names (no initials),
    every name given-first, `and` written out — forms real lists use that one style lacks."""
    out = [xml]
    full = re.sub(r'\s(?:initialize-with|initialize)="[^"]*"', "", xml)
    if full != xml:
        out.append(full)
    given_first = re.sub(r'\sname-as-sort-order="[^"]*"', "", xml)
    if given_first != xml:
        out.append(given_first)
    return out


def csl_lines(english, cyrillic, styles_repo, styles, gost_styles, heldout_styles, heldout, rng: random.Random, giant: bool = False,
              noise: float | None = None) -> list[dict]:
    warnings.simplefilter("ignore")
    renderers: dict[str, list[Renderer]] = {}
    for name in styles:
        try:
            xml = styles_repo.read(f"{name}.csl")
            renderers[name] = [Renderer(x) for x in variants(xml, rng)]
        except Exception as exc:  # a style citeproc-py cannot read is left out
            print(f"style {name}: {exc}")
    latin = [s for s in renderers if s not in gost_styles]
    out = []
    gost = [s for s in gost_styles if s in renderers]
    # English works are cited in GOST form in Russian and Kazakh lists too (`// Nature. 1998. Vol. 393. P. 440–442.`).
    jobs = [(r, rng.sample(latin, 3) + ([rng.choice(gost)] if rng.random() < 0.2 else [])) for r in english] + [(r, [rng.choice([s for s in gost_styles if s in renderers])] + ([rng.choice(latin)] if rng.random() < 0.25 else [])) for r in cyrillic]
    for record, names in jobs:
        for name in names:
            renderer = rng.choice(renderers[name])
            try:
                labelled = label_rendering(renderer, record, GIANT_VARIABLES if giant else _VARIABLES)
            except Exception:
                continue
            if labelled is None:
                continue
            text, chars = _augment(*labelled, rng)
            if giant and name not in heldout_styles and rng.random() < (NOISE if noise is None else noise):
                text, chars = pdf_noise(text, chars, rng)
            split = "heldout" if name in heldout_styles or heldout(record["id"]) else "train"
            out.append(line("synthetic-csl", split, text, chars, style_words=True, style=name, lang=record.get("language", "en")))
    return out


def _augment(text: str, chars: list, rng: random.Random) -> tuple[str, list]:
    """Forms of the author heading no style makes: family names in capitals (`SMITH, J.`), and the
    same-author dash (`———.`) of a list sorted by author."""
    if not chars or chars[0] != "author":
        return text, chars
    end = 0
    while end < len(chars) and chars[end] == "author":
        end += 1
    r = rng.random()
    if r < 0.04:
        dash = rng.choice(["———", "———.", "——", "–––", "---", "\u2014\u2014\u2014\u2014"])
        rest = text[end:]
        sep = "" if rest[:1] in ".," else ""
        return dash + sep + rest, ["author"] * len(dash) + chars[end:]
    if r < 0.10:
        head = re.sub(r"\b(\w)(\w+)\b", lambda m: (m[1] + m[2]).upper() if len(m[0]) > 1 else m[0], text[:end])
        return head + text[end:], chars
    return text, chars


# ---- PDF-like text noise (build.py --giant) --------------------------------------------------

NOISE = 0.12  # the share of CSL training lines given one or two of pdf_noise's changes


def pdf_noise(text: str, chars: list, rng: random.Random) -> tuple[str, list]:
    """What text taken from a PDF does to a reference (GROBID's corpus is such text): a space
    lost after punctuation (`Title,Journal`), one added before it (`Nucl . Instrum`), a word of
    the title or container broken at a line end (`interfero- metric`). Labels move with the text."""
    for _ in range(rng.choice([1, 1, 2])):
        kind = rng.choice(["lose", "lose", "add", "hyphen"])
        if kind == "lose":
            spots = [m.end() for m in re.finditer(r"[,.:;] (?=\S)", text)]
            if spots:
                k = rng.choice(spots) - 1
                text, chars = text[:k] + text[k + 1 :], chars[:k] + chars[k + 1 :]
        elif kind == "add":
            spots = [m.start() for m in re.finditer(r"(?<=\w)[,.:;](?= )", text)]
            if spots:
                k = rng.choice(spots)
                text, chars = text[:k] + " " + text[k:], chars[:k] + [chars[k - 1]] + chars[k:]
        else:
            words = [m for m in re.finditer(r"\b[^\W\d_]{8,}\b", text) if chars[m.start()] in ("title", "container", "journal")]
            if words:
                m = rng.choice(words)
                k = m.start() + rng.randint(3, len(m[0]) - 4)
                text, chars = text[:k] + "- " + text[k:], chars[:k] + [chars[k - 1]] * 2 + chars[k:]
    return text, chars


# ---- our GOST renderer ------------------------------------------------------------------------

_TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі", ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "a", "g", "k", "n", "o", "u", "u", "h", "i"]))


def translit(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        if low in _TRANSLIT:
            t = _TRANSLIT[low]
            out.append(t.capitalize() if ch.isupper() else t)
        else:
            out.append(ch)
    return "".join(out)


class Pieces:
    def __init__(self):
        self.text: list[str] = []
        self.chars: list = []

    def add(self, value: str, label: str | None = None) -> None:
        self.text.append(value)
        self.chars += [label] * len(value)


def _initials(given: str, dense: bool) -> str:
    parts = [g[0] + "." for g in given.split()]
    return ("" if dense else " ").join(parts)


def _name(person: dict, style: dict, given_first: bool = False) -> str:
    ini = _initials(person["given"], style["dense"])
    family = person["family"] if not style["latin"] else translit(person["family"])
    if style["latin"]:
        ini = _initials(translit(person["given"]), style["dense"])
    if given_first:
        return f"{ini} {family}"
    return f"{family}{style['comma']} {ini}"


def gost_entry(record: dict, rng: random.Random) -> Pieces:
    """One record in one of GOST 7.1-2003, 7.0.5-2008 or 7.0.100-2018's forms (or the
    transliterated form of Russian journals' English lists), piece by piece."""
    kk = record.get("language") == "kk"
    latin = rng.random() < 0.18
    style = {
        "dash": rng.choice([". – ", ". — ", ". - ", ". ", ". – ", ". – "]) if not latin else ". ",
        "dense": rng.random() < 0.3,
        "comma": "," if rng.random() < 0.3 else "",
        "latin": latin,
        "colon": rng.choice([" : ", ": ", ":"]),
        "slash": rng.choice([" // ", " // ", "// ", " //"]),
    }
    d = style["dash"]
    T = translit if latin else (lambda s: s)
    people = record.get("author", [])
    out = Pieces()
    heading = people[:1] if len(people) <= 3 and rng.random() < 0.5 and not latin else people[:3] if len(people) <= 3 else []
    if latin:
        heading = people
    if heading:
        names = [_name(p, style) for p in heading]
        sep = ", "
        out.add(sep.join(names) + ("," if latin and rng.random() < 0.3 else ""), "author")
        if len(people) > len(heading) and latin:
            out.add(" et al.", "author")
        out.add(" ")
    title = T(record["title"])
    out.add(title, "title")
    if record["type"] == "book" and record.get("genre") and not latin:
        out.add(style["colon"], "title")
        out.add(record["genre"], "title")
    if latin and rng.random() < 0.5:
        out.add(" [" + _english_gloss(record["title"]) + "]", "title")
    if record["type"] == "webpage" or rng.random() < 0.05:
        out.add(" ")
        out.add("[Электрондық ресурс]" if kk else "[Электронный ресурс]", "medium")
    responsibility = not latin and people and (len(people) > 3 or (heading and rng.random() < 0.6) or not heading)
    if responsibility:
        out.add(" / ")
        shown = people[:3] if len(people) <= 3 else people[:1]
        out.add(", ".join(_name(p, style, given_first=True) for p in shown), "author")
        if len(people) > 3:
            out.add(" " + rng.choice(["[и др.]", "[и др.]", "и др.", "[т.б.]" if kk else "[и др.]"]), "author")
    if record.get("editor") and not latin:
        out.add(" ; " if responsibility else " / ")
        ed = record["editor"][0]
        kw = rng.choice(["под ред.", "под общ. ред.", "ред."]) if not kk else rng.choice(["ред.", "жауапты ред.", "под ред."])
        out.add(f"{kw} {_name(ed, style, given_first=True)}", "editor")
    kind = record["type"]
    if kind == "article-journal":
        out.add(style["slash"] if not latin else rng.choice([". ", ". ", " // "]))  # Russian journals' English lists: `Title. Journal, 2010, vol. 3`
        out.add(T(record["container-title"]), "journal")
        _year_and_parts(out, record, style, rng, kk)
    elif kind in ("chapter", "paper-conference"):
        _gost_chapter(out, record, style, rng, kk)
    elif kind in ("book", "thesis"):
        _gost_book(out, record, style, rng, kk)
    else:
        _gost_webpage(out, record, style, rng, kk)
    if latin and rng.random() < 0.5:
        out.add(" ")
        out.add("(In Russian)" if not kk else "(In Kazakh)", "note")
    if record.get("DOI") and rng.random() < 0.7:
        out.add(d if not latin else " ")
        out.add(rng.choice(["DOI: ", "DOI ", "doi:", "https://doi.org/"]) + record["DOI"], "doi")
        out.add("." if rng.random() < 0.5 else "")
    return out


def _gost_chapter(out: Pieces, record: dict, style: dict, rng: random.Random, kk: bool) -> None:
    """A chapter's or conference paper's container, place, publisher, year and pages."""
    latin, d = style["latin"], style["dash"]
    T = translit if latin else (lambda s: s)
    out.add(style["slash"] if rng.random() < 0.85 and not latin else rng.choice([". In: ", ". ", ". In "]))
    out.add(T(record["container-title"]), "container")
    out.add(d)
    out.add("Moscow" if latin and record["publisher-place"] == "М." else T(record["publisher-place"]), "location")
    if record.get("publisher"):
        out.add(style["colon"])
        out.add(T(record["publisher"]) + (" Publ." if latin else ""), "publisher")
    out.add(", ")
    out.add(str(record["issued"]["date-parts"][0][0]), "date")
    out.add(d)
    out.add(_page_mark(style, rng, kk) + record["page"].replace("-", rng.choice(["–", "-", "—"])), "pages")
    out.add(".")


def _gost_book(out: Pieces, record: dict, style: dict, rng: random.Random, kk: bool) -> None:
    """A book's or thesis's genre, edition, place, publisher, year, page count and ISBN."""
    latin, d = style["latin"], style["dash"]
    T = translit if latin else (lambda s: s)
    if record["type"] == "thesis":
        out.add(style["colon"] if not latin else ". ")
        out.add(T(record["genre"]) + (" : " + record["number"] if not latin and rng.random() < 0.5 else ""), "genre")
    if record.get("edition"):
        out.add(d)
        ed = record["edition"]
        out.add(rng.choice([f"{ed}-е изд., перераб. и доп.", f"{ed}-е изд.", f"Изд. {ed}-е"]) if not kk else f"{ed}-басылым", "edition")
    out.add(d)
    place = record["publisher-place"]
    out.add({"М.": "Moscow", "СПб.": "St. Petersburg"}.get(place, T(place)) if latin else place, "location")
    if record.get("publisher"):
        out.add(style["colon"] if not latin else ", ")
        out.add(T(record["publisher"]) + (" Publ." if latin and rng.random() < 0.7 else ""), "publisher")
    out.add(", ")
    out.add(str(record["issued"]["date-parts"][0][0]), "date")
    out.add(d)
    mark = "p." if latin else ("б." if kk and rng.random() < 0.8 else rng.choice(["с.", "с.", "c."]))
    out.add(f"{record['number-of-pages']} {mark}", "pages")
    if record.get("ISBN"):
        out.add(d)
        out.add("ISBN " + record["ISBN"], "isbn")
    out.add(".")


def _gost_webpage(out: Pieces, record: dict, style: dict, rng: random.Random, kk: bool) -> None:
    """A web page's address and the date it was seen."""
    d = style["dash"]
    out.add(rng.choice([d, d, ": ", ". "]))
    label = rng.choice(["URL: ", "URL: ", "Режим доступа: "]) if not kk else rng.choice(["URL: ", "Қол жеткізу режимі: "])
    out.add(label + record["URL"], "url")
    y, m, day = record["accessed"]["date-parts"][0]
    phrase = "қаралған күні" if kk else rng.choice(["дата обращения", "дата обращения", "дата доступа"])
    out.add(" ")
    out.add(f"({phrase}: {day:02d}.{m:02d}.{y})", "accessed")
    out.add(".")


def _page_mark(style: dict, rng: random.Random, kk: bool) -> str:
    if style["latin"]:
        return rng.choice(["pp. ", "P. ", "p. "])
    if kk:
        return rng.choice(["Б. ", "Б. ", "б. ", "С. "])
    return rng.choice(["С. ", "С. ", "С. ", "C. ", "с. "])


def _year_and_parts(out: Pieces, record: dict, style: dict, rng: random.Random, kk: bool) -> None:
    d = style["dash"]
    year = str(record["issued"]["date-parts"][0][0])
    latin = style["latin"]
    out.add(d if not latin else ", ")
    out.add(year, "date")
    vol, iss, pages = record.get("volume"), record.get("issue"), record["page"]
    pages = pages.replace("-", rng.choice(["–", "-", "—", "–"]))
    if latin:
        if vol:
            out.add(", ")
            out.add(f"vol. {vol}", "volume")
        out.add(", ")
        out.add(f"no. {iss}", "issue")
        out.add(", ")
        out.add(("pp. " if "–" in pages or "-" in pages or "—" in pages else "p. ") + pages, "pages")
        out.add(".")
        return
    join = rng.choice([", ", d])
    if vol:
        out.add(d)
        out.add(rng.choice(["Т. ", "Т. ", "T. ", "Vol. "]) + vol, "volume")
        out.add(join)
    else:
        out.add(d)
    out.add(rng.choice(["№ ", "№ ", "№", "Вып. ", "No. "]) + iss, "issue")
    out.add(d)
    out.add(_page_mark(style, rng, kk) + pages, "pages")
    out.add(".")


_GLOSS = ("Methods of analysis", "On the theory of", "Modelling of processes", "Risk assessment", "Foundations of", "A review", "Information security", "History and modernity")


def _english_gloss(title: str) -> str:
    return _GLOSS[sum(map(ord, title)) % len(_GLOSS)]


def gost_lines(cyrillic: list[dict], rng: random.Random, heldout) -> list[dict]:
    out = []
    for record in cyrillic:
        for _ in range(2):
            pieces = gost_entry(record, rng)
            text = "".join(pieces.text)
            split = "heldout" if heldout(record["id"]) else "train"
            out.append(line("synthetic-gost", split, text, pieces.chars, style="gost-own", lang=record.get("language", "ru")))
    return out
