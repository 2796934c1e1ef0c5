"""CSL-JSON (what Zotero and pandoc write): loading it into entries, and entries as CSL items.

Entries keep BibTeX-named fields whatever file they came from, so one mapping table serves
both directions: `item_fields` (CSL item -> fields) and `csl_item` (entry -> CSL item, what
citeproc formats and `bib --to csl-json` prints).
"""

from __future__ import annotations

import json
import math
import re

from ..diagnostics import Diagnostic, InputError
from ..model import Entry
from ..sourcefile import read_source
from .biblatex import bib_item, csl_name, split_names
from .bibtex import Bibliography
from .records import LineIndex, Record, entries_of

# CSL item type -> BibTeX entry type, and back (CSL 1.0.2 types; biblatex's where BibTeX has none).
CSL_TO_BIB = {
    "article-journal": "article", "article-magazine": "article", "article-newspaper": "article", "article": "article",
    "review": "article", "book": "book", "chapter": "incollection", "entry-encyclopedia": "incollection",
    "entry-dictionary": "incollection", "paper-conference": "inproceedings", "thesis": "phdthesis",
    "report": "techreport", "manuscript": "unpublished", "webpage": "online", "post-weblog": "online",
    "post": "online", "pamphlet": "booklet", "patent": "patent", "dataset": "dataset", "software": "software", "standard": "standard",
    "legislation": "legislation", "legal_case": "jurisdiction",
}
BIB_TO_CSL = {
    "article": "article-journal", "book": "book", "mvbook": "book", "booklet": "pamphlet", "inbook": "chapter",
    "incollection": "chapter", "inreference": "entry-encyclopedia", "inproceedings": "paper-conference",
    "conference": "paper-conference", "proceedings": "book", "collection": "book", "phdthesis": "thesis",
    "mastersthesis": "thesis", "thesis": "thesis", "techreport": "report", "report": "report", "manual": "book",
    "unpublished": "manuscript", "online": "webpage", "www": "webpage", "electronic": "webpage", "patent": "patent",
    "dataset": "dataset", "software": "software", "standard": "standard", "legislation": "legislation",
    "jurisdiction": "legal_case", "misc": "document",
}
# CSL variable -> BibTeX field, for plain text variables (numbers and strings).
TEXT_FIELDS = {
    "title": "title", "collection-title": "series", "publisher": "publisher", "publisher-place": "address",
    "volume": "volume", "page": "pages", "number-of-pages": "pagetotal", "edition": "edition", "DOI": "doi",
    "URL": "url", "ISBN": "isbn", "ISSN": "issn", "note": "note", "genre": "type", "language": "langid",
    "chapter-number": "chapter", "abstract": "abstract", "collection-number": "number", "event-title": "eventtitle",
}
NAME_FIELDS = {"author": "author", "editor": "editor", "translator": "translator"}
_PART_TYPES = {"chapter", "paper-conference", "entry-encyclopedia", "entry-dictionary", "webpage", "post", "post-weblog"}  # printed "in" a container
_ARTICLE_TYPES = {"article-journal", "article-magazine", "article-newspaper", "article", "review"}


class RecordError(ValueError):
    """A record that cannot be read: why, as a BIB002 variant (`csl-…`) and its arguments."""

    def __init__(self, variant: str, **details):
        super().__init__(variant, details)
        self.variant, self.details = variant, details


# ---- loading -------------------------------------------------------------------------------

# A CSL number is a few digits (a volume, a year). Python refuses to turn more than 4,300 digits
# into an int (a guard against slow conversions), so a longer integer is kept as its digits and
# the record holding it is reported and skipped (BIB002), never an exception.
_MAX_DIGITS = 30


class _Digits(str):
    """A JSON integer too long to be a CSL number, kept as its digits."""


def _json_int(digits: str):
    return int(digits) if len(digits.lstrip("-")) <= _MAX_DIGITS else _Digits(digits)


def _refuse_long_numbers(value) -> None:
    """RecordError when the item holds an integer too long to be a CSL number (or any
    number that is not finite: `NaN`, `Infinity`, `1e999`)."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, _Digits):
            raise RecordError("csl-digits", count=len(node.lstrip("-")))
        if isinstance(node, float) and not math.isfinite(node):
            raise RecordError("csl-number", number=str(node))
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)

def load_csljson(path: str) -> Bibliography:
    """Read a CSL-JSON file: an array of items, each read on its own.

    A record that is not an item is reported and skipped; JSON that breaks off (a truncated
    file) keeps the records read before the break and reports where it broke.
    """
    source = read_source(path)
    text = source.text
    result = Bibliography(path)
    index = LineIndex(text)
    decoder = json.JSONDecoder(parse_int=_json_int)
    records: list[Record] = []
    pos = _skip_space(text, 0)
    if pos >= len(text) or text[pos] != "[":
        line, col = index.at(pos)
        raise InputError(path, "is not CSL-JSON: it must be an array of items ([…])", line)
    pos += 1
    while True:
        pos = _skip_space(text, pos)
        if pos < len(text) and text[pos] == "]":
            trailing = _skip_space(text, pos + 1)
            if trailing < len(text):
                line, col = index.at(trailing)
                result.diagnostics.append(Diagnostic.at_line("BIB002", path, line, col, variant="json-after"))
            break
        line, col = index.at(pos)
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            bad_line, bad_col = index.at(exc.pos)
            result.diagnostics.append(Diagnostic.at_line("BIB002", path, bad_line, bad_col, variant="json", error=exc.msg))
            break
        except RecursionError:
            result.diagnostics.append(Diagnostic.at_line("BIB002", path, line, col, variant="json-deep"))
            break
        end_line = index.at(max(end - 1, pos))[0]
        try:
            _refuse_long_numbers(value)
            key, entry_type, fields = item_fields(value)
            records.append(Record(line, col, key, entry_type, fields, end_line))
        except RecordError as exc:
            records.append(Record(line, col, end_line=end_line, error=(exc.variant, exc.details)))
        pos = _skip_space(text, end)
        if pos < len(text) and text[pos] == ",":
            pos += 1
        elif pos >= len(text) or text[pos] != "]":
            bad_line, bad_col = index.at(pos)
            result.diagnostics.append(Diagnostic.at_line("BIB002", path, bad_line, bad_col, variant="json-separator"))
            break
    return entries_of(path, records, "csl-json", result)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n\ufeff":
        pos += 1
    return pos


def item_fields(item) -> tuple[str, str, dict[str, str]]:
    """A CSL item as (id, BibTeX type, BibTeX-named fields); RecordError when it is not one."""
    if not isinstance(item, dict):
        raise RecordError("csl-item", kind=_kind(item))
    key = item.get("id", "")
    if not isinstance(key, (str, int)) or isinstance(key, bool):
        raise RecordError("csl-id", kind=_kind(key))
    csl_type = item.get("type", "")
    if not isinstance(csl_type, str):
        raise RecordError("csl-type", kind=_kind(csl_type))
    fields: dict[str, str] = {}
    for variable, name in NAME_FIELDS.items():
        if variable in item:
            fields[name] = " and ".join(_bibtex_name(p) for p in _list_of_objects(item[variable], variable))
    for variable, name in TEXT_FIELDS.items():
        if variable in item and variable != "collection-number":
            fields[name] = _text(item[variable], variable)
    container = _text(item["container-title"], "container-title") if "container-title" in item else ""
    if container:
        fields["journal" if csl_type in _ARTICLE_TYPES else "booktitle"] = container
    if "issue" in item:
        fields["number"] = _text(item["issue"], "issue")
    elif "number" in item:
        fields["number"] = _text(item["number"], "number")
    issued = _date(item.get("issued"), "issued")
    if issued:
        fields["year"] = issued[0]
        if len(issued) > 1:
            fields["month"] = issued[1]
    accessed = _date(item.get("accessed"), "accessed")
    if accessed:
        fields["urldate"] = "-".join(accessed[:1] + [p.zfill(2) for p in accessed[1:]])
    entry_type = CSL_TO_BIB.get(csl_type, "misc")
    if entry_type == "phdthesis" and "master" in fields.get("type", "").lower():
        entry_type = "mastersthesis"
    if entry_type in ("phdthesis", "mastersthesis") and "publisher" in fields:
        fields["school"] = fields.pop("publisher")
    if entry_type == "techreport" and "publisher" in fields:
        fields["institution"] = fields.pop("publisher")
    return str(key), entry_type, {k: v for k, v in fields.items() if v}


def _kind(value) -> str:
    """What a JSON value is, as a `json` term of the catalogs."""
    return {dict: "object", list: "list", str: "text", bool: "boolean", type(None): "null"}.get(type(value), "number")


def _text(value, variable: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise RecordError("csl-text", variable=variable, kind=_kind(value))
    return " ".join(str(value).split())


def _list_of_objects(value, variable: str) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(p, dict) for p in value):
        raise RecordError("csl-names", variable=variable)
    return value


def _bibtex_name(person: dict) -> str:
    """A CSL name as BibTeX writes it: `von Last, Jr, First`; an institution in braces."""
    parts = {k: _text(v, k) for k, v in person.items() if k in ("family", "given", "literal", "suffix", "dropping-particle", "non-dropping-particle")}
    if parts.get("literal") or not parts.get("family"):
        name = parts.get("literal") or parts.get("given", "")
        return "{" + name + "}" if name else ""
    last = " ".join(p for p in (parts.get("dropping-particle"), parts.get("non-dropping-particle"), parts["family"]) if p)
    if " " in parts["family"] and not (parts.get("dropping-particle") or parts.get("non-dropping-particle")):
        last = "{" + last + "}"  # a two-word family name stays one name
    return ", ".join(p for p in (last, parts.get("suffix"), parts.get("given")) if p)


def _date(value, variable: str) -> list[str]:
    """A CSL date as [year, month, day] text (what is given of them); `literal`/`raw` dates as given."""
    if value is None:
        return []
    if isinstance(value, str):  # not CSL, but common: "2010" or "2010-03-12"
        return [p for p in re.split(r"[-/]", value.strip()) if p][:3] or []
    if not isinstance(value, dict):
        raise RecordError("csl-date", variable=variable, kind=_kind(value))
    parts = value.get("date-parts")
    if parts is not None:
        if not isinstance(parts, list) or not parts or not isinstance(parts[0], list):
            raise RecordError("csl-date-parts", variable=variable)
        return [_text(p, variable) for p in parts[0][:3]]
    for name in ("literal", "raw"):
        if name in value:
            text = _text(value[name], variable)
            m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text)
            return [g for g in m.groups() if g] if m else [text]
    return []


# ---- entries as CSL items ------------------------------------------------------------------


def csl_item(entry: Entry, key: str | None = None, english: bool = True, language: str = "en") -> dict:
    """An entry as a CSL-JSON item. A .bib entry is mapped as pandoc maps BibLaTeX
    (`biblatex.bib_item`: `english`, the bibliography is set in English, so English titles go to
    sentence case; `language`, for BibLaTeX's localisation keys); an entry read from CSL-JSON
    or RIS has BibTeX-named fields already in plain text."""
    if entry.origin == "bibtex":
        return bib_item(entry, key or entry.key, english, language)
    fields = {k: v for k, v in entry.fields if v}
    csl_type = BIB_TO_CSL.get(entry.entry_type, "document")
    item: dict = {"id": key or entry.key, "type": csl_type}
    for variable, name in NAME_FIELDS.items():
        if fields.get(name):
            item[variable] = [csl_name(n, entry.origin) for n in split_names(fields[name])]
    for variable, name in TEXT_FIELDS.items():
        if fields.get(name) and variable != "collection-number":
            item[variable] = fields[name]
    container = fields.get("journal") or fields.get("journaltitle") or (fields.get("booktitle") if csl_type in _PART_TYPES else "")
    if container:
        item["container-title"] = container
    if fields.get("number"):
        item["issue" if csl_type in _ARTICLE_TYPES else ("collection-number" if fields.get("series") else "number")] = fields["number"]
    publisher = "; ".join(p for p in (fields.get("organization"), fields.get("publisher") or fields.get("school") or fields.get("institution")) if p)
    if publisher:
        item["publisher"] = publisher
    if entry.entry_type in ("phdthesis", "mastersthesis") and "genre" not in item:
        item["genre"] = "PhD thesis" if entry.entry_type == "phdthesis" else "Master\u2019s thesis"
    if fields.get("pages"):
        item["page"] = item["page"].replace("–", "-").replace("—", "-")
    issued = _csl_date(fields.get("year") or fields.get("date") or "", fields.get("month", ""))
    if issued:
        item["issued"] = issued
    accessed = _csl_date(fields.get("urldate", ""), "")
    if accessed:
        item["accessed"] = accessed
    return item


_MONTH_NAMES = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}


def _csl_date(text: str, month: str) -> dict | None:
    """`2010` (+ month `3`, `mar`, `March`) or `2021-03-12` as date-parts; anything else literal."""
    text = text.strip()
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text)
    if not m:
        return {"literal": text}
    parts = [int(g) for g in m.groups() if g]
    month = month.strip().lower()
    if len(parts) == 1 and month:
        number = int(month) if month.isdecimal() else _MONTH_NAMES.get(month[:3])
        if number and 1 <= number <= 12:
            parts.append(number)
    return {"date-parts": [parts]}


def write_csljson(entries: list[Entry]) -> str:
    """Entries as a CSL-JSON array (ids as keyed in the list)."""
    return json.dumps([csl_item(e) for e in entries], ensure_ascii=False, indent=2) + "\n"
