"""A .bib entry as a CSL item: BibLaTeX's fields mapped to CSL variables the way pandoc's
biblatex reader maps them (pandoc 2.17, `src/Text/Pandoc/Citeproc/BibTeX.hs`,
`itemToReference`), so a CSL style prints the same entry under citeproc-py as under pandoc.

What it maps, beyond BibTeX's fields: `subtitle` and `titleaddon` (`Title: Subtitle. Addon`),
`maintitle` (a volume of a multi-volume work: the main title is the title, the volume's own is
`volume-title`), `booktitle`/`booksubtitle`/`booktitleaddon` and `journaltitle`/
`journalsubtitle` (the container), `issuetitle` (a periodical's issue), `location` and
lists of places and publishers (`Durham and London` -> `Durham; London`), EDTF dates with
ranges (`1984/1986`), `origdate`, `urldate`, `eventdate`, `eprint`/`eprinttype` (a link to
arXiv, JSTOR, PubMed, Google Books), `volumes`, `part`, `pagetotal`, `pubstate`, `addendum`,
BibLaTeX's localisation keys in `type`, `series` and `pubstate` (`resreport` -> research
report, `newseries` -> new series, a numeric series -> `3rd series`) and its entry types
(`mvbook`, `collection`, `periodical`, `thesis` with `type`, ...).
"""

from __future__ import annotations

import re

from ..model import Entry
from .bibtex import latex_to_unicode

# ---- TeX text --------------------------------------------------------------------------------

_TEX_QUOTES = (("``", "\u201c"), ("''", "\u201d"), ("`", "\u2018"), ("'", "\u2019"))


def tex_text(raw: str) -> str:
    """A .bib value as TeX prints it: decoded (`{\\"o}` -> ö) and with TeX's quotes, where
    `` `` `` and `''` are curly double quotes and `'` an apostrophe (’), as pandoc reads them."""
    text = latex_to_unicode(raw)
    if "\\" in text:  # printed as written (an unknown macro): leave it alone
        return text
    for tex, char in _TEX_QUOTES:
        text = text.replace(tex, char)
    return text


_SENTENCE_END = re.compile(r"[:?!.]\s*$")


def sentence_case(raw: str) -> str:
    """An English .bib title (BibTeX's title case, braces protecting case) in sentence case.

    CSL data holds titles in sentence case and styles apply title case where they want it
    (CSL 1.0.2, "Text-case"); pandoc's BibTeX reader converts the same way. A word that is
    capitalised and otherwise lower case is lowered, except the first word; the first word and
    a word after `:`, `?`, `!` or `.` is capitalised. Words in braces, macros (`\\TeX`) and
    words with other capitals (`NASA`, `iPhone`) keep their case. Braces right after a macro
    hold its argument, not a protected word.
    """
    out: list[str] = []
    depth = 0  # depth of protecting braces
    arg_stack: list[bool] = []  # for each open brace: is it a macro's argument?
    i, first = 0, True
    while i < len(raw):
        ch = raw[i]
        if ch == "\\":
            m = re.match(r"\\([A-Za-z]+|.)\s*", raw[i:])
            out.append(m.group())
            i += m.end()
            if raw[i:i + 1] == "{" and m.group(1).isalpha():
                quoted = m.group(1) in _QUOTE_MACROS  # a quotation keeps its case, as in pandoc
                arg_stack.append(not quoted)
                depth += quoted
                out.append("{")
                i += 1
            first = False if m.group(1).isalpha() and m.group(1) not in _TRANSPARENT_MACROS else first
            continue
        if ch == "{":
            arg_stack.append(False)
            depth += 1
            out.append(ch)
            i += 1
            continue
        if ch == "}":
            if arg_stack and not arg_stack.pop():
                depth -= 1
            out.append(ch)
            i += 1
            continue
        if ch.isalpha():
            m = re.match(r"[^\W\d_]+", raw[i:])
            word = m.group()
            starts = first or _SENTENCE_END.search("".join(out))
            if depth == 0 and not starts and word[0].isupper() and word[1:] == word[1:].lower():
                word = word.lower()
            elif depth == 0 and starts and word.islower():
                word = word[0].upper() + word[1:]
            out.append(word)
            i += len(word)
            first = False
            continue
        out.append(ch)
        i += 1
    return "".join(out)


_QUOTE_MACROS = ("mkbibquote", "enquote", "textquote")
# Macros whose argument is ordinary text of the title (a word in them may start a sentence).
_TRANSPARENT_MACROS = ("emph", "textit", "textbf", "textsc", "mkbibquote", "enquote", "mkbibemph", "mkbibitalic", "mkbibbold")


def split_top(raw: str, separator: str = "and") -> list[str]:
    """`A and B and {C and D}`: the parts of a BibLaTeX list (an `and` in braces is not one)."""
    parts, depth, start = [], 0, 0
    for m in re.finditer(r"[{}]|\s+" + separator + r"\s+", raw):
        token = m.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            parts.append(raw[start:m.start()])
            start = m.end()
    parts.append(raw[start:])
    return [p.strip() for p in parts if p.strip()]


def split_names(value: str) -> list[str]:
    """`A and B and {C and D}`: the people of a BibTeX name list (an `and` in braces is not one)."""
    from bibtexparser.middlewares.names import split_multiple_persons_names

    return [n for n in split_multiple_persons_names(value) if n.strip()]


def csl_name(name: str, origin: str, use_prefix: bool = True) -> dict:
    """A BibTeX name (`von Last, Jr, First`, `First von Last`, `{Institution}`) as a CSL name.
    `use_prefix` False (BibLaTeX's default): `von` is a dropping particle."""
    from bibtexparser.middlewares.names import parse_single_name_into_parts

    decode = tex_text if origin == "bibtex" else (lambda s: s.replace("{", "").replace("}", ""))
    stripped = name.strip()
    if stripped.startswith("{") and stripped.endswith("}") and _balanced(stripped[1:-1]):
        return {"literal": decode(stripped[1:-1]) if origin == "bibtex" else stripped[1:-1]}
    try:
        parts = parse_single_name_into_parts(stripped, strict=False)
    except Exception:  # bibtexparser refuses some malformed names: keep the text as written
        return {"literal": decode(stripped)}
    out = {}
    if parts.last:
        out["family"] = decode(" ".join(parts.last))
    if parts.first:
        out["given"] = decode(" ".join(parts.first))
    if parts.von:
        out["non-dropping-particle" if use_prefix else "dropping-particle"] = decode(" ".join(parts.von))
    if parts.jr:
        out["suffix"] = decode(" ".join(parts.jr))
    return out or {"literal": decode(stripped)}


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += (ch == "{") - (ch == "}")
        if depth < 0:
            return False
    return depth == 0


def cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


# ---- BibLaTeX's localisation keys --------------------------------------------------------------

# The keys a database uses in `type`, `series`, `pubstate` and `location` (patents), with their
# long forms from biblatex's english.lbx and russian.lbx (LPPL 1.3c), as pandoc resolves them.
LOCALISATION_KEYS = {
    "en": {
        "mathesis": "Master\u2019s thesis", "phdthesis": "PhD thesis", "bathesis": "Bachelor\u2019s thesis", "candthesis": "Candidate thesis",
        "resreport": "research report", "techreport": "technical report", "software": "computer software", "datacd": "CD-ROM",
        "audiocd": "audio CD", "jourser": "series", "newseries": "new series", "oldseries": "old series",
        "inpreparation": "in preparation", "submitted": "submitted", "forthcoming": "forthcoming", "inpress": "in press",
        "prepublished": "pre-published", "patent": "patent", "patentde": "German patent", "patenteu": "European patent",
        "patentfr": "French patent", "patentuk": "British patent", "patentus": "U.S. patent", "patreq": "patent request",
        "patreqde": "German patent request", "patreqeu": "European patent request", "patreqfr": "French patent request",
        "patrequk": "British patent request", "patrequs": "U.S. patent request", "countryde": "Germany", "countryeu": "European Union",
        "countryep": "European Union", "countryfr": "France", "countryuk": "United Kingdom", "countryus": "United States of America",
    },
    "ru": {
        "mathesis": "дис. … маг.", "phdthesis": "дис. … док.", "candthesis": "дис. … канд.", "resreport": "научный отчёт",
        "techreport": "технический отчёт", "software": "программное обеспечение", "datacd": "CD-ROM", "audiocd": "audio CD",
        "jourser": "серия", "newseries": "новая серия", "oldseries": "старая серия", "inpreparation": "в подготовке",
        "submitted": "представлено", "forthcoming": "в печати", "inpress": "в печати", "prepublished": "предварительная публикация",
        "patent": "патент", "patenteu": "патент Европы", "patentus": "патент США", "patreqfr": "заявка на патент Франции",
    },
}


def resolve_key(text: str, language: str) -> str:
    """A localisation key (`resreport`) as its words in the bibliography's language; other text as it is."""
    table = LOCALISATION_KEYS.get(language, LOCALISATION_KEYS["en"])
    return table.get(text.strip().lower(), LOCALISATION_KEYS["en"].get(text.strip().lower(), text))


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


# ---- the mapping --------------------------------------------------------------------------------

# BibLaTeX entry type -> CSL type (pandoc's getTypeAndGenre; BibTeX's own aliases added).
CSL_TYPES = {
    "article": "article-journal", "book": "book", "booklet": "pamphlet", "bookinbook": "chapter", "collection": "book",
    "dataset": "dataset", "electronic": "webpage", "inbook": "chapter", "incollection": "chapter", "inreference": "entry-encyclopedia",
    "inproceedings": "paper-conference", "conference": "paper-conference", "manual": "book", "mastersthesis": "thesis",
    "misc": "document", "mvbook": "book", "mvcollection": "book", "mvproceedings": "book", "mvreference": "book", "online": "webpage",
    "patent": "patent", "periodical": "article-journal", "phdthesis": "thesis", "proceedings": "book", "reference": "book",
    "report": "report", "software": "book", "suppbook": "chapter", "suppcollection": "chapter", "suppperiodical": "article-journal",
    "techreport": "report", "thesis": "thesis", "unpublished": "manuscript", "www": "webpage", "artwork": "graphic", "audio": "song",
    "commentary": "book", "image": "graphic", "jurisdiction": "legal_case", "legislation": "legislation", "legal": "treaty",
    "letter": "personal_communication", "movie": "motion_picture", "music": "song", "performance": "speech", "review": "review",
    "standard": "legislation", "video": "motion_picture",
}
_ARTICLES = {"article", "periodical", "suppperiodical", "review"}
_CHAPTERS = {"inbook", "incollection", "inproceedings", "inreference", "bookinbook"}
_COLLECTION_NUMBERED = {"book", "collection", "proceedings", "reference", "mvbook", "mvcollection", "mvproceedings", "mvreference",
                        "bookinbook", "inbook", "incollection", "inproceedings", "inreference", "suppbook", "suppcollection"}
_EPRINT_URLS = {"arxiv": "https://arxiv.org/abs/", "jstor": "https://www.jstor.org/stable/", "pubmed": "https://www.ncbi.nlm.nih.gov/pubmed/",
                "googlebooks": "https://books.google.com?id="}
_ENGLISH = {"", "english", "american", "british", "en", "en-us", "en-gb", "canadian", "australian", "newzealand", "usenglish", "ukenglish"}
_LANGUAGE_TAGS = {"english": "en-US", "american": "en-US", "british": "en-GB", "australian": "en-AU", "newzealand": "en-NZ", "german": "de-DE", "ngerman": "de-DE", "french": "fr-FR",
                  "russian": "ru-RU", "kazakh": "kk-KZ", "italian": "it-IT", "spanish": "es-ES", "latin": "la", "greek": "el-GR",
                  "dutch": "nl-NL", "polish": "pl-PL", "ukrainian": "uk-UA", "turkish": "tr-TR", "swedish": "sv-SE", "danish": "da-DK"}


class _Fields:
    """An entry's raw fields with the readings pandoc applies to each kind of field."""

    def __init__(self, entry: Entry, english: bool, language: str):
        self.raw = {k.lower(): v for k, v in entry.fields}
        langid = self.raw.get("langid", self.raw.get("hyphenation", "")).strip().lower()
        self.untitlecase = english and langid in _ENGLISH
        self.language = language

    def has(self, name: str) -> bool:
        return bool(self.raw.get(name, "").strip())

    def text(self, name: str) -> str:
        return " ".join(tex_text(self.raw[name]).split()) if self.has(name) else ""

    def title(self, name: str) -> str:
        """A title field: in sentence case when the bibliography and the entry are English."""
        if not self.has(name):
            return ""
        raw = self.raw[name]
        if self.untitlecase and not cyrillic(raw):
            raw = sentence_case(raw)
        return " ".join(tex_text(raw).split())

    def listed(self, name: str) -> str:
        """A BibLaTeX literal list (`Durham and London`) as one text: `Durham; London`."""
        if not self.has(name):
            return ""
        return "; ".join(" ".join(tex_text(part).split()) for part in split_top(self.raw[name]))


def concat(separator: str, parts: list[str]) -> str:
    """pandoc's concatWith: the parts joined by `separator` and a space, or by a space alone
    after a part that ends in punctuation; empty parts left out."""
    out = ""
    for part in parts:
        if not part:
            continue
        if not out:
            out = part
        elif out[-1] in "!?.,:;":
            out += " " + part
        else:
            out += separator + " " + part
    return out


def _titled(f: _Fields, title: str, subtitle: str, addon: str, read=None) -> str:
    read = read or f.title
    return concat(".", [concat(":", [read(title), read(subtitle)]), read(addon)])


def bib_item(entry: Entry, key: str, english: bool = True, language: str = "en") -> dict:
    """A BibLaTeX entry as a CSL-JSON item. `english`: the bibliography is set in English (titles
    of English entries go to sentence case); `language`: for BibLaTeX's localisation keys."""
    f = _Fields(entry, english, language)
    kind = entry.entry_type.lower()
    item: dict = {"id": key, "type": _csl_type(f, kind)}
    _add_names(item, f)
    _add_titles(item, f, kind)
    _add_numbers(item, f, kind)
    _add_dates(item, f)
    _add_publication(item, f, kind)
    _add_links(item, f, kind)
    genre = resolve_key(f.text("type"), language) if f.has("type") else ""
    if not genre and kind in ("mastersthesis", "phdthesis"):
        genre = resolve_key("mathesis" if kind == "mastersthesis" else "phdthesis", language)
    if genre:
        item["genre"] = genre
    for variable, name in (("abstract", "abstract"), ("keyword", "keywords"), ("annote", "annotation")):
        if f.has(name):
            item[variable] = f.text(name)
    note = concat(".", [f.text("note") if kind != "periodical" else "", f.text("addendum")])
    if note:
        item["note"] = note
    if f.has("pubstate"):
        item["status"] = resolve_key(f.text("pubstate"), language)
    language_tag = _language_tag(f)
    if language_tag:
        item["language"] = language_tag
    return {k: v for k, v in item.items() if v not in ("", None, [])}


_ENGLISH_VARIANTS = {"british": "british", "uk": "british", "american": "american", "us": "american", "usmax": "american",
                     "australian": "australian", "newzealand": "newzealand"}


def _language_tag(f: _Fields) -> str:
    """`langid` (with `langidopts = {variant=british}`) or `hyphenation` as a BCP 47 tag."""
    langid = f.raw.get("langid", "").strip().lower()
    if langid == "english":
        variant = f.raw.get("langidopts", "").replace(" ", "").lower().partition("variant=")[2].split(",")[0]
        langid = _ENGLISH_VARIANTS.get(variant, langid)
    langid = langid or f.raw.get("hyphenation", "").strip().lower()
    return _LANGUAGE_TAGS.get(langid, langid)


def _csl_type(f: _Fields, kind: str) -> str:
    subtype = f.raw.get("entrysubtype", "").strip().lower()
    if kind in ("article", "periodical", "suppperiodical") and subtype in ("magazine", "newspaper"):
        return f"article-{subtype}"
    if kind == "unpublished" and any(f.has(n) for n in ("eventdate", "eventtitle", "venue")):
        return "speech"
    return CSL_TYPES.get(kind, "document")


def _options(f: _Fields) -> dict[str, str]:
    out = {}
    for option in f.raw.get("options", "").split(","):
        name, _, value = option.partition("=")
        if name.strip():
            out[name.strip().lower()] = value.strip().lower() or "true"
    return out


def _add_names(item: dict, f: _Fields) -> None:
    use_prefix = _options(f).get("useprefix") == "true"
    roles = {"author": "author", "bookauthor": "container-author", "translator": "translator", "director": "director"}
    editor_role = "director" if f.raw.get("editortype", "").strip().lower() == "director" else "editor"
    for field, variable in [*roles.items(), ("editor", editor_role)]:
        if f.has(field):
            item[variable] = [csl_name(n, "bibtex", use_prefix) for n in split_names(f.raw[field])]


def _add_titles(item: dict, f: _Fields, kind: str) -> None:
    main = f.has("maintitle")
    chapter = kind in _CHAPTERS
    if kind == "periodical":
        item["title"] = _titled(f, "issuetitle", "issuesubtitle", "")
        item["container-title"] = _titled(f, "title", "subtitle", "titleaddon", f.text)
    elif main and not chapter:  # a volume of a multi-volume work: titled by the work
        item["title"] = _titled(f, "maintitle", "mainsubtitle", "maintitleaddon")
        item["volume-title"] = _titled(f, "title", "subtitle", "titleaddon")
    else:
        item["title"] = _titled(f, "title", "subtitle", "titleaddon")
    if chapter and main:
        item["container-title"] = _titled(f, "maintitle", "mainsubtitle", "maintitleaddon")
        item["volume-title"] = _titled(f, "booktitle", "booksubtitle", "booktitleaddon")
    elif chapter and f.has("booktitle"):
        item["container-title"] = _titled(f, "booktitle", "booksubtitle", "booktitleaddon")
    elif kind != "periodical":
        journal = "journaltitle" if f.has("journaltitle") else "journal"
        item["container-title"] = concat(":", [f.text(journal), f.text("journalsubtitle")]) if f.has(journal) else ""
    if f.has("shortjournal"):
        item["container-title-short"] = f.text("shortjournal")
    if f.has("shorttitle") and (not main or chapter):
        item["title-short"] = f.title("shorttitle")
    elif f.has("title"):  # the title up to its colon (the whole title when a subtitle was given apart)
        whole = f.title("title")
        if ":" in whole or ((f.has("subtitle") or f.has("titleaddon")) and not main):
            item["title-short"] = whole.split(":", 1)[0].strip()
    if f.has("series"):
        item["collection-title"] = _series(f)
    for variable, name in (("event-title", "eventtitle"), ("original-title", "origtitle")):
        if f.has(name):
            item[variable] = f.title(name)


def _series(f: _Fields) -> str:
    """`series`: a number is an ordinal series (`3rd series`), a localisation key its words
    (`newseries`: new series), anything else a title. (pandoc resolves each word that is a key;
    here only a whole value is, so a series called `Software` stays `Software`.)"""
    series = f.text("series")
    if re.fullmatch(r"\d+", series):
        ordinal = _ordinal(int(series)) if f.language == "en" else series
        return f"{ordinal} {resolve_key('jourser', f.language)}"
    resolved = resolve_key(series, f.language)
    if resolved != series:
        return resolved[0].upper() + resolved[1:] if f.untitlecase else resolved
    return f.title("series")


def _add_numbers(item: dict, f: _Fields, kind: str) -> None:
    for variable, name in (("page", "pages"), ("number-of-pages", "pagetotal"), ("number-of-volumes", "volumes"), ("chapter-number", "chapter"),
                           ("edition", "edition"), ("version", "version")):
        if f.has(name):
            item[variable] = f.text(name)
    if "page" in item:
        item["page"] = item["page"].replace("\u2013", "-").replace("\u2014", "-")
    volume, part = f.text("volume"), f.text("part")
    if volume or part:
        item["volume"] = f"{volume}.{part}" if volume and part else volume or part
    if f.has("number"):
        if kind in _COLLECTION_NUMBERED:
            item["collection-number"] = f.text("number")
        elif kind in _ARTICLES:
            item["issue"] = concat(",", [f.text("number"), f.text("issue")])
        else:
            item["number"] = f.text("number")
    elif f.has("issue") and kind in _ARTICLES:
        item["issue"] = f.text("issue")


def _add_publication(item: dict, f: _Fields, kind: str) -> None:
    publishers = [f.listed(n) if n != "howpublished" else f.text(n) for n in ("school", "institution", "organization", "howpublished", "publisher")]
    how = f.text("howpublished")
    if how and re.match(r"https?://", how):  # `howpublished = {\url{…}}`: where it is, not who published it
        publishers[3] = ""
        item.setdefault("URL", how)
    item["publisher"] = concat(";", publishers)
    if f.has("origpublisher"):
        item["original-publisher"] = f.text("origpublisher")
    if f.has("address"):
        item["publisher-place"] = f.listed("address")
    elif f.has("location") and kind != "patent":
        item["publisher-place"] = f.listed("location")
    if kind == "patent" and f.has("location"):
        item["jurisdiction"] = "; ".join(resolve_key(tex_text(p), f.language) for p in split_top(f.raw["location"]))
    if f.has("origlocation"):
        item["original-publisher-place"] = f.listed("origlocation")
    if f.has("venue"):
        item["event-place"] = f.text("venue")


def _add_links(item: dict, f: _Fields, kind: str) -> None:
    options = _options(f)
    raw = {name: " ".join(f.raw.get(name, "").split()) for name in ("url", "doi", "isbn", "issn", "pmid", "pmcid", "library", "eprint", "eprinttype", "archiveprefix")}
    if raw["url"] and (kind == "online" or options.get("url") != "false"):
        item["URL"] = _unbraced(raw["url"])
    elif raw["eprint"]:
        base = _EPRINT_URLS.get((raw["eprinttype"] or raw["archiveprefix"]).lower())
        if base:
            item["URL"] = base + _unbraced(raw["eprint"])
    if raw["doi"] and options.get("doi") != "false":
        item["DOI"] = _unbraced(raw["doi"])
    for variable, name in (("ISBN", "isbn"), ("ISSN", "issn"), ("PMID", "pmid"), ("PMCID", "pmcid"), ("call-number", "library")):
        if raw[name]:
            item[variable] = _unbraced(raw[name])


def _unbraced(value: str) -> str:
    """A URL, DOI or number as written (pandoc reads these raw): `\\url{…}` and braces taken off."""
    value = re.sub(r"^\\url\s*", "", value.strip())
    return value.replace("{", "").replace("}", "")


# ---- dates ---------------------------------------------------------------------------------------

_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_EDTF = re.compile(r"(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def _add_dates(item: dict, f: _Fields) -> None:
    for variable, field, prefix in (("issued", "date", ""), ("event-date", "eventdate", "event"), ("original-date", "origdate", "orig"), ("accessed", "urldate", "url")):
        # read raw, as pandoc does: TeX would make EDTF's `~` (circa) a space
        date = _edtf(_unbraced(f.raw[field])) if f.has(field) else _old_date(f, prefix)
        if date:
            item[variable] = date


def _edtf(text: str) -> dict | None:
    """A BibLaTeX (ISO 8601 / EDTF) date: `2004`, `2004-10-27`, a range `1984/1986`, `1985/`,
    circa `1850~`; anything else literal."""
    text = text.strip()
    circa = text.endswith(("~", "?", "%"))
    text = text.rstrip("~?%")
    ends = text.split("/")
    if len(ends) > 2:
        return {"literal": text}
    parts = []
    for end in ends:
        end = end.strip().rstrip("~?%")
        if end in ("", ".."):
            parts.append([])
            continue
        m = _EDTF.fullmatch(end)
        if not m:
            return {"literal": text}
        parts.append([int(g) for g in m.groups() if g])
    if len(parts) == 2 and not parts[1]:
        parts[1] = [0]  # an open range: citeproc-py reads a 0 year as "no end"
    if not parts or not parts[0]:
        return {"literal": text} if text else None
    date: dict = {"date-parts": parts}
    if circa:
        date["circa"] = True
    return date


def _old_date(f: _Fields, prefix: str) -> dict | None:
    """BibTeX's `year`, `month`, `day` (and BibLaTeX's `endyear`, …), with a prefix (`orig`, `url`)."""
    def number(name: str) -> int | None:
        value = f.text(prefix + name).strip().replace("\u2013", "-").replace("\u2014", "-")
        if name.endswith("month") and value[:3].lower() in _MONTHS:
            return _MONTHS[value[:3].lower()]
        return int(value) if re.fullmatch(r"-?\d+", value) else None

    year = number("year")
    if year is None:
        literal = f.text(prefix + "year")
        return (_edtf(literal) if _EDTF.fullmatch(literal) else {"literal": literal}) if literal else None
    month, day = number("month"), number("day")
    parts = [[year] + ([month] + ([day] if day is not None else []) if month is not None else [])]
    end = number("endyear")
    if end is not None:
        end_month, end_day = number("endmonth"), number("endday")
        parts.append([end] + ([end_month] + ([end_day] if end_day is not None else []) if end_month is not None else []))
    return {"date-parts": parts}
