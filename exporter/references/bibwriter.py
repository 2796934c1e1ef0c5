"""Writing a bibliography: BibTeX, BibLaTeX, CSL-JSON, RIS, or formatted text.

Entries from a .bib file keep their fields as written (raw LaTeX); entries from anywhere else
hold plain text, which BibTeX output escapes so that it reads back to the same text. An entry
read from the paper's text also carries that text, whole, in `note` (CSL-JSON `note`, RIS
`N1`): the fields are what the parser understood of it, and what it did not is never lost.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Entry
from .csljson import split_names, write_csljson
from .ris import write_ris

FORMATS = ("bibtex", "biblatex", "csl-json", "ris", "text")

# biblatex types BibTeX's standard styles do not know, and what BibTeX calls them.
_BIBTEX_TYPE = {"online": "misc", "www": "misc", "electronic": "misc", "report": "techreport", "thesis": "phdthesis",
                "dataset": "misc", "software": "misc", "patent": "misc", "standard": "misc", "legislation": "misc",
                "jurisdiction": "misc", "inreference": "incollection", "mvbook": "book", "collection": "book"}
_NAME_FIELDS = ("author", "editor", "translator")
# LaTeX's special characters in plain text, as BibTeX values must hold them.
_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
            "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_SPECIAL = re.compile(r"[\\{}&%$#_~^]")


def escape_latex(text: str) -> str:
    return _SPECIAL.sub(lambda m: _ESCAPES[m.group()], text)


def _escape_names(value: str) -> str:
    """A plain-text name list: each name escaped, an institution's protecting braces kept."""
    out = []
    for name in split_names(value):
        name = name.strip()
        if name.startswith("{") and name.endswith("}"):
            out.append("{" + escape_latex(name[1:-1]) + "}")
        else:
            out.append(escape_latex(name))
    return " and ".join(out)


def bibtex_key(key: str) -> str:
    """A key BibTeX accepts: no white space, comma, braces, quotes or `#%~=\\`."""
    return re.sub(r"[\s,{}()\"#%~='\\]", "_", key) or "entry"


def write_bibtex(entries: list[Entry], biblatex: bool = False) -> str:
    """Entries as @type{key, field = {value}, …}; own-list entries with no parsed fields keep
    their printed text in `note`, so nothing is lost."""
    blocks = []
    for entry in entries:
        entry_type = entry.entry_type if biblatex else _BIBTEX_TYPE.get(entry.entry_type, entry.entry_type)
        fields = list(entry.fields)
        if not fields and entry.text:
            fields = [("note", entry.text)]
        lines = [f"@{entry_type}{{{bibtex_key(entry.key)},"]
        for name, value in fields:
            if entry.origin != "bibtex":
                value = _escape_names(value) if name in _NAME_FIELDS else escape_latex(value)
            lines.append(f"  {name} = {{{value}}},")
        lines.append("}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def carrying_text(entry: Entry) -> Entry:
    """The entry with the text it was read from in `note`, besides its parsed fields (a parsed
    `note` is part of that text; one that is not, from a citation field's data, is kept before it)."""
    if not entry.text:
        return entry
    note = entry.field("note")
    carried = entry.text if not note or note in entry.text else f"{note}; {entry.text}"
    fields = [(name, value) for name, value in entry.fields if name != "note"] + [("note", carried)]
    return replace(entry, fields=tuple(fields))


def write(entries: list[Entry], to: str, text_lines=None) -> str:
    """The bibliography in format `to`; `text_lines` formats entries for `text`."""
    if to != "text":
        entries = [carrying_text(e) for e in entries]
    if to in ("bibtex", "biblatex"):
        return write_bibtex(entries, biblatex=to == "biblatex")
    if to == "csl-json":
        return write_csljson(entries)
    if to == "ris":
        return write_ris(entries)
    return "".join(line + "\n" for line in text_lines(entries))
