"""RIS (what library catalogues, Scopus and eLibrary export): reading with rispy, and writing.

The file is cut into records at their `TY` and `ER` lines first, so each record is read (and
reported) on its own, at its line; rispy reads each record's tags.
"""

from __future__ import annotations

import re

from ..diagnostics import InputError
from ..model import Entry
from ..sourcefile import read_source
from .bibtex import Bibliography, latex_to_unicode
from .records import Record, entries_of

# RIS reference type -> BibTeX entry type, and the type written back for each BibTeX type.
RIS_TO_BIB = {
    "JOUR": "article", "JFULL": "article", "EJOUR": "article", "MGZN": "article", "NEWS": "article", "ABST": "article",
    "INPR": "article", "BOOK": "book", "EBOOK": "book", "EDBOOK": "book", "CHAP": "incollection", "ECHAP": "incollection",
    "CONF": "inproceedings", "CPAPER": "inproceedings", "THES": "phdthesis", "RPRT": "techreport", "ELEC": "online",
    "WEB": "online", "UNPB": "unpublished", "MANSCPT": "unpublished", "PAT": "patent", "DATA": "dataset",
    "COMP": "software", "STAND": "standard", "STAT": "legislation", "BILL": "legislation", "CASE": "jurisdiction",
}
BIB_TO_RIS = {
    "article": "JOUR", "book": "BOOK", "mvbook": "BOOK", "booklet": "BOOK", "manual": "BOOK", "proceedings": "CONF",
    "collection": "EDBOOK", "inbook": "CHAP", "incollection": "CHAP", "inreference": "CHAP", "inproceedings": "CPAPER",
    "conference": "CPAPER", "phdthesis": "THES", "mastersthesis": "THES", "thesis": "THES", "techreport": "RPRT",
    "report": "RPRT", "online": "ELEC", "www": "ELEC", "electronic": "ELEC", "unpublished": "UNPB", "patent": "PAT",
    "dataset": "DATA", "software": "COMP", "standard": "STAND", "legislation": "STAT", "jurisdiction": "CASE",
}
_TAG = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")
_BOOKS = {"book", "incollection", "inproceedings"}  # SN holds an ISBN for these, an ISSN otherwise


def load_ris(path: str) -> Bibliography:
    """Read a RIS file; a record with no `ER` line or one rispy refuses is reported and skipped."""
    import rispy  # here: only --bib FILE.ris needs it

    source = read_source(path)
    lines = source.lines
    result = Bibliography(path)
    if not any(re.match(r"^\ufeff?TY  - ", line) for line in lines):
        raise InputError(path, "is not RIS: no record starts with a 'TY  - ' line")
    records: list[Record] = []
    start = None
    for number, line in enumerate(lines + [None], start=1):
        line = line.lstrip("\ufeff") if line is not None else None
        opens = line is not None and line.startswith("TY  - ")
        if start is not None and (opens or line is None):
            records.append(Record(start, 1, end_line=number - 1, error=("ris-no-end" if opens else "ris-eof", {})))
            start = None
        if opens:
            start = number
        elif line is not None and line.startswith("ER  -") and start is not None:
            chunk = "\n".join(l.lstrip("\ufeff") for l in lines[start - 1 : number]) + "\n"
            records.append(_record(rispy, chunk, start, number))
            start = None
    return entries_of(path, records, "ris", result)


def _record(rispy, chunk: str, line: int, end_line: int) -> Record:
    for offset, text in enumerate(chunk.splitlines()[1:-1], start=1):
        if text.strip() and not _TAG.match(text) and not text.startswith("  "):
            return Record(line + offset, 1, end_line=end_line, error=("ris-tag", {"line": line + offset}))
    try:
        parsed = rispy.loads(chunk)
    except Exception as exc:  # rispy's own errors: report them, never a traceback
        said = " ".join(str(exc).split())[:120]  # rispy's own words
        return Record(line, 1, end_line=end_line, error=("ris", {"error": said}) if said else ("ris-unread", {}))
    if len(parsed) != 1:
        return Record(line, 1, end_line=end_line, error=("ris-unread", {}))
    key, entry_type, fields = ris_fields(parsed[0])
    return Record(line, 1, key, entry_type, fields, end_line)


def ris_fields(ref: dict) -> tuple[str, str, dict[str, str]]:
    """A rispy record as (ID, BibTeX type, BibTeX-named fields)."""
    ris_type = ref.get("type_of_reference", "GEN")
    entry_type = RIS_TO_BIB.get(ris_type, "misc")
    fields: dict[str, str] = {}
    people = ref.get("authors") or ref.get("first_authors") or []
    if people:
        fields["author"] = " and ".join(_name(p) for p in people)
    editors = ref.get("editor") or (ref.get("secondary_authors") if entry_type in ("incollection", "inproceedings") else None)
    if editors:
        fields["editor"] = " and ".join(_name(p) for p in editors)
    fields["title"] = ref.get("title") or ref.get("primary_title") or ""
    container = ref.get("secondary_title") or ref.get("journal_name") or ref.get("alternate_title3") or ref.get("alternate_title1") or ""
    if container:
        fields["journal" if entry_type == "article" else "booktitle"] = container
    if ref.get("tertiary_title"):
        fields["series"] = ref["tertiary_title"]
    year, month, _ = _ris_date(ref.get("year") or ref.get("publication_year") or ref.get("date") or "")
    fields["year"], fields["month"] = year, month
    for tag, name in (("volume", "volume"), ("number", "number"), ("publisher", "publisher"), ("place_published", "address"),
                      ("edition", "edition"), ("doi", "doi"), ("language", "langid"), ("type_of_work", "type"), ("abstract", "abstract")):
        if ref.get(tag):
            fields[name] = str(ref[tag])
    first, last = ref.get("start_page", ""), ref.get("end_page", "")
    fields["pages"] = f"{first}-{last}" if first and last and first != last else (first or last)
    urls = ref.get("urls") or []
    if urls:
        fields["url"] = urls[0]
    if ref.get("issn"):
        fields["isbn" if entry_type in _BOOKS else "issn"] = ref["issn"]
    access = _ris_date(ref.get("access_date") or "")
    if access[0]:
        fields["urldate"] = "-".join(p for p in access if p)
    notes = [n for n in (ref.get("notes") or []) + [ref.get("note") or ""] if n]
    if notes:
        fields["note"] = "; ".join(notes)
    if entry_type == "phdthesis" and "publisher" in fields:
        fields["school"] = fields.pop("publisher")
    if entry_type == "techreport" and "publisher" in fields:
        fields["institution"] = fields.pop("publisher")
    fields = {k: " ".join(str(v).split()) for k, v in fields.items() if v}
    return str(ref.get("id", "")).strip(), entry_type, fields


def _name(person: str) -> str:
    """A RIS name (`Family, Given`); one with no comma is an institution, kept whole in braces."""
    person = " ".join(person.split())
    return person if "," in person else "{" + person + "}"


def _ris_date(text: str) -> tuple[str, str, str]:
    """`2010///`, `2010/03/12/`, `2021-03-12` or `2010` -> (year, month, day), as given."""
    parts = [p.strip() for p in re.split(r"[/-]", text.strip())] + ["", "", ""]
    year = parts[0]
    month = str(int(parts[1])) if parts[1].isdecimal() else ""
    day = parts[2].zfill(2) if parts[2].isdecimal() else ""
    return year, month.zfill(2) if day else month, day


# ---- writing ---------------------------------------------------------------------------------

def write_ris(entries: list[Entry]) -> str:
    """Entries as RIS records (`ID` is the entry's key; fields decoded from LaTeX)."""
    from .csljson import csl_name, split_names

    out: list[str] = []
    for entry in entries:
        value = (lambda name: latex_to_unicode(entry.field(name) or "")) if entry.origin == "bibtex" else (lambda name: entry.field(name) or "")
        tags: list[tuple[str, str]] = [("TY", BIB_TO_RIS.get(entry.entry_type, "GEN")), ("ID", entry.key)]
        for person in split_names(entry.field("author") or ""):
            tags.append(("AU", _ris_name(csl_name(person, entry.origin))))
        for person in split_names(entry.field("editor") or ""):
            tags.append(("A2" if entry.entry_type in ("incollection", "inproceedings", "inbook") else "A3", _ris_name(csl_name(person, entry.origin))))
        tags.append(("TI", value("title")))
        container = value("journal") or value("journaltitle") or value("booktitle")
        tags.append(("T2", container))
        tags.append(("T3", value("series")))
        tags.append(("PY", value("year")))
        month = value("month")
        if value("year") and month.isdecimal():
            tags.append(("DA", f"{value('year')}/{int(month):02d}//"))
        tags += [("VL", value("volume")), ("IS", value("number"))]
        pages = re.split(r"\s*[-–—]+\s*", value("pages"), maxsplit=1)
        tags.append(("SP", pages[0]))
        if len(pages) > 1:
            tags.append(("EP", pages[1]))
        tags += [("PB", value("publisher") or value("school") or value("institution")), ("CY", value("address") or value("location")),
                 ("ET", value("edition")), ("SN", value("isbn") or value("issn")), ("DO", value("doi")), ("UR", value("url")),
                 ("Y2", value("urldate")), ("LA", value("langid")), ("M3", value("type")), ("N1", value("note"))]
        out += [f"{tag}  - {' '.join(text.split())}" for tag, text in tags if text and text.strip()]
        out.append("ER  - ")
        out.append("")
    return "\n".join(out)


def _ris_name(name: dict) -> str:
    if "literal" in name:
        return name["literal"]
    family = " ".join(p for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    return ", ".join(p for p in (family, name.get("given"), name.get("suffix")) if p)
