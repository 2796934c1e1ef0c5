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
from ..readers.plaintext.sourcefile import read_source
from .bibtex import Bibliography, latex_to_unicode
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
    """A record that cannot be read: the message says why."""


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
            raise RecordError(f"it holds a number of {len(node.lstrip('-'))} digits, which no CSL variable holds")
        if isinstance(node, float) and not math.isfinite(node):
            raise RecordError(f"it holds the number {node}, which no CSL variable holds")
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
                result.diagnostics.append(Diagnostic("BIB002", "cannot read what follows the array; it is ignored", path, line, col))
            break
        line, col = index.at(pos)
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            bad_line, bad_col = index.at(exc.pos)
            result.diagnostics.append(Diagnostic("BIB002", f"invalid JSON ({exc.msg}); the rest of the file is skipped", path, bad_line, bad_col))
            break
        except RecursionError:
            result.diagnostics.append(Diagnostic("BIB002", "invalid JSON (nested too deeply); the rest of the file is skipped", path, line, col))
            break
        end_line = index.at(max(end - 1, pos))[0]
        try:
            _refuse_long_numbers(value)
            key, entry_type, fields = item_fields(value)
            records.append(Record(line, col, key, entry_type, fields, end_line))
        except RecordError as exc:
            records.append(Record(line, col, end_line=end_line, error=str(exc)))
        pos = _skip_space(text, end)
        if pos < len(text) and text[pos] == ",":
            pos += 1
        elif pos >= len(text) or text[pos] != "]":
            bad_line, bad_col = index.at(pos)
            result.diagnostics.append(Diagnostic("BIB002", "invalid JSON (expected ',' or ']'); the rest of the file is skipped", path, bad_line, bad_col))
            break
    return entries_of(path, records, "csl-json", result)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n\ufeff":
        pos += 1
    return pos


def item_fields(item) -> tuple[str, str, dict[str, str]]:
    """A CSL item as (id, BibTeX type, BibTeX-named fields); RecordError when it is not one."""
    if not isinstance(item, dict):
        raise RecordError(f"an item must be an object, not {_kind(item)}")
    key = item.get("id", "")
    if not isinstance(key, (str, int)) or isinstance(key, bool):
        raise RecordError(f"its id must be text or a number, not {_kind(key)}")
    csl_type = item.get("type", "")
    if not isinstance(csl_type, str):
        raise RecordError(f"its type must be text, not {_kind(csl_type)}")
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
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}.get(type(value), "a number")


def _text(value, variable: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise RecordError(f"'{variable}' must be text or a number, not {_kind(value)}")
    return " ".join(str(value).split())


def _list_of_objects(value, variable: str) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(p, dict) for p in value):
        raise RecordError(f"'{variable}' must be a list of name objects")
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
        raise RecordError(f"'{variable}' must be a date object, not {_kind(value)}")
    parts = value.get("date-parts")
    if parts is not None:
        if not isinstance(parts, list) or not parts or not isinstance(parts[0], list):
            raise RecordError(f"'{variable}' has malformed date-parts")
        return [_text(p, variable) for p in parts[0][:3]]
    for name in ("literal", "raw"):
        if name in value:
            text = _text(value[name], variable)
            m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text)
            return [g for g in m.groups() if g] if m else [text]
    return []


# ---- entries as CSL items ------------------------------------------------------------------

_ENGLISH = {"", "english", "american", "british", "en", "en-us", "en-gb", "canadian", "australian", "newzealand", "usenglish", "ukenglish"}


def _value(entry: Entry, name: str) -> str:
    raw = entry.field(name) or ""
    return tex_text(raw) if entry.origin == "bibtex" else raw


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


def csl_item(entry: Entry, key: str | None = None, english: bool = True) -> dict:
    """An entry as a CSL-JSON item (fields decoded from LaTeX when it came from a .bib file).

    `english`: the bibliography is set in English, so English .bib titles go to sentence case
    (`sentence_case`); pandoc does the same only when the style's locale is English."""
    fields = dict(entry.fields)
    csl_type = BIB_TO_CSL.get(entry.entry_type, "document")
    item: dict = {"id": key or entry.key, "type": csl_type}
    for variable, name in NAME_FIELDS.items():
        if fields.get(name):
            item[variable] = [csl_name(n, entry.origin) for n in split_names(fields[name])]
    for variable, name in TEXT_FIELDS.items():
        if fields.get(name) and variable not in ("collection-number",):
            item[variable] = _value(entry, name)
    container = _value(entry, "journal") or _value(entry, "journaltitle") or (_value(entry, "booktitle") if csl_type in _PART_TYPES else "")
    if container:
        item["container-title"] = container
    if english and entry.origin == "bibtex" and _value(entry, "langid").lower() in _ENGLISH:
        # Titles of works (not of journals, which are names) go to sentence case.
        for variable, name in (("title", "title"), ("container-title", "booktitle"), ("collection-title", "series")):
            if fields.get(name) and variable in item and not _cyrillic(fields[name]):
                item[variable] = tex_text(sentence_case(fields[name]))
    if fields.get("number"):
        item["issue" if csl_type in _ARTICLE_TYPES else ("collection-number" if fields.get("series") else "number")] = _value(entry, "number")
    # BibTeX's organization (a sponsor) and publisher are both printed, as pandoc does.
    publisher = "; ".join(p for p in (_value(entry, "organization"), _value(entry, "publisher") or _value(entry, "school") or _value(entry, "institution")) if p)
    how = _value(entry, "howpublished")
    if how and not re.match(r"https?://", how) and not publisher:
        publisher = how  # `howpublished = {Handed out at O'Hare}`: how it was published
    if publisher:
        item["publisher"] = publisher
    if not item.get("publisher-place") and fields.get("location"):
        item["publisher-place"] = _value(entry, "location")
    if entry.entry_type in ("phdthesis", "mastersthesis") and "genre" not in item:
        item["genre"] = "PhD thesis" if entry.entry_type == "phdthesis" else "Master\u2019s thesis"
    if fields.get("pages"):
        item["page"] = item["page"].replace("–", "-").replace("—", "-")
    if not item.get("URL") and fields.get("howpublished"):
        how = _value(entry, "howpublished")
        if re.match(r"https?://", how):
            item["URL"] = how
    issued = _csl_date(_value(entry, "year") or _value(entry, "date"), _value(entry, "month"))
    if issued:
        item["issued"] = issued
    accessed = _csl_date(_value(entry, "urldate"), "")
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


def split_names(value: str) -> list[str]:
    """`A and B and {C and D}`: the people of a BibTeX name list (an `and` in braces is not one)."""
    from bibtexparser.middlewares.names import split_multiple_persons_names

    return [n for n in split_multiple_persons_names(value) if n.strip()]


def csl_name(name: str, origin: str) -> dict:
    """A BibTeX name (`von Last, Jr, First`, `First von Last`, `{Institution}`) as a CSL name."""
    from bibtexparser.middlewares.names import parse_single_name_into_parts

    decode = latex_to_unicode if origin == "bibtex" else (lambda s: s.replace("{", "").replace("}", ""))
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
        out["non-dropping-particle"] = decode(" ".join(parts.von))
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


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


_SENTENCE_END = re.compile(r"[:?!.]\s*$")


def sentence_case(raw: str) -> str:
    """An English .bib title (BibTeX's title case, braces protecting case) in sentence case.

    CSL data holds titles in sentence case and styles apply title case where they want it
    (CSL 1.0.2, "Text-case"); pandoc's BibTeX reader converts the same way. A word that is
    capitalised and otherwise lower case is lowered, except the first word and a word after
    `:`, `?`, `!` or `.`; words in braces, macros (`\\TeX`) and words with other capitals
    (`NASA`, `iPhone`) keep their case. Braces right after a macro hold its argument, not a
    protected word.
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
                arg_stack.append(True)
                out.append("{")
                i += 1
            first = False if m.group(1).isalpha() and m.group(1) not in ("emph", "textit", "textbf", "textsc", "mkbibquote", "enquote") else first
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
            if depth == 0 and not first and not _SENTENCE_END.search("".join(out)) and word[0].isupper() and word[1:] == word[1:].lower():
                word = word.lower()
            out.append(word)
            i += len(word)
            first = False
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def write_csljson(entries: list[Entry]) -> str:
    """Entries as a CSL-JSON array (ids as keyed in the list)."""
    return json.dumps([csl_item(e) for e in entries], ensure_ascii=False, indent=2) + "\n"
