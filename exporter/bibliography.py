"""Loading bibliography entries from a .bib file (bibtexparser) into numbered `Entry` values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import logging

from .diagnostics import Diagnostic
from .model import Entry, Span
from .sourcefile import read_source

# bibtexparser logs each failed block; we report them ourselves, with positions.
logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)

_MONTHS = {m: str(i) for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
# Fields a crossref child takes from its parent, and the parent's title as the child's booktitle.
_INHERITED = ("booktitle", "editor", "publisher", "address", "year", "series", "volume", "organization")


@dataclass
class Bibliography:
    """Entries in list order with the findings raised while loading them."""

    path: str | None
    entries: list[Entry] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def load_bib(path: str) -> Bibliography:
    """Read a .bib file; a block that cannot be parsed is reported and the others still load.

    `[n]` means entry n: an entry whose key is a number is that entry, any other entry is
    numbered by its place in the file.
    """
    import bibtexparser  # here, not at the top: `check` without --bib never needs it
    from bibtexparser import model as bib

    source = read_source(path)
    lines = source.lines
    # Parse without bibtexparser's default middlewares: we evaluate values ourselves so that
    # `@string` macros, `#` concatenation and enclosing braces are handled in one place.
    library = bibtexparser.parse_string(source.text, parse_stack=[])
    result = Bibliography(path)
    strings = {s.key.lower(): _evaluate(s.value, {}) for s in library.strings}

    def where(block) -> tuple[int, int]:
        line = (block.start_line or 0) + 1
        text = lines[line - 1] if line <= len(lines) else ""
        return line, text.find("@") + 1 if "@" in text else 1

    for block in library.failed_blocks:
        line, col = where(block)
        if isinstance(block, bib.DuplicateBlockKeyBlock):
            result.diagnostics.append(Diagnostic("BIB001", f"duplicate key '{block.key}'; this entry is ignored", path, line, col))
        else:
            error = getattr(block, "error", None)
            reason = _short(getattr(error, "abort_reason", None) or getattr(error, "message", None) or str(error) or "syntax error")
            result.diagnostics.append(Diagnostic("BIB002", f"cannot parse this block: {reason}; it is skipped", path, line, col))

    raw_entries = []
    for entry in library.entries:
        values = {}
        for f in entry.fields:
            values[f.key.lower()] = _evaluate(f.value, strings)
        raw_entries.append((entry, values))
    by_key = {e.key.lower(): values for e, values in raw_entries}
    for entry, values in raw_entries:
        parent_key = values.get("crossref")
        if parent_key:
            parent = by_key.get(parent_key.lower())
            if parent is None:
                line, col = where(entry)
                result.diagnostics.append(Diagnostic("BIB004", f"entry '{entry.key}' has crossref '{parent_key}', which is not in the file", path, line, col))
            else:
                for name in _INHERITED:
                    if name not in values and name in parent:
                        values[name] = parent[name]
                if "booktitle" not in values and "title" in parent:
                    values["booktitle"] = parent["title"]

    # A block that failed still holds its place, so one broken entry never renumbers the rest.
    attempts = sorted(library.entries + library.failed_blocks, key=lambda b: b.start_line or 0)
    place = {id(block): n for n, block in enumerate(attempts, start=1)}
    taken: dict[int, str] = {}
    for entry, values in raw_entries:
        line, col = where(entry)
        number = int(entry.key) if entry.key.isdigit() and len(entry.key) < 10 else place[id(entry)]
        if number in taken:
            result.diagnostics.append(Diagnostic("BIB001", f"entry '{entry.key}' is number {number}, as is entry '{taken[number]}'", path, line, col))
        taken.setdefault(number, entry.key)
        if "title" not in values:
            result.diagnostics.append(Diagnostic("BIB003", f"entry '{entry.key}' has no title", path, line, col))
        end_line = line + entry.raw.count("\n") if entry.raw else line
        result.entries.append(
            Entry(
                key=entry.key,
                number=number,
                span=Span(line, col, end_line, 1),
                entry_type=entry.entry_type.lower(),
                fields=tuple(values.items()),
            )
        )
    return result


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _evaluate(raw: str, strings: dict[str, str]) -> str:
    """A BibTeX value: `{…}`, `"…"`, a number, a macro, or `#`-joined parts of these."""
    parts, depth, current, quoted = [], 0, [], False
    for ch in raw:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == '"' and depth == 0:
            quoted = not quoted
        if ch == "#" and depth == 0 and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return "".join(_evaluate_part(p.strip(), strings) for p in parts)


def _evaluate_part(part: str, strings: dict[str, str]) -> str:
    if len(part) >= 2 and ((part[0], part[-1]) in (("{", "}"), ('"', '"'))):
        return part[1:-1]
    if re.fullmatch(r"\d+", part):
        return part
    name = part.lower()
    if name in strings:
        return strings[name]
    return _MONTHS.get(name, part)


# ---- .bib values as printed text ---------------------------------------------------------

from functools import cache as _cache  # noqa: E402


# pylatexenc would read the named file for these (given an input directory): print them instead.
_FILE_MACROS = frozenset({"input", "include", "includeonly", "InputIfFileExists", "verbatiminput"})


@_cache
def _converter():
    # Imported on first use: only editions print .bib values.
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

    class KeepUnknown(LatexNodes2Text):
        """pylatexenc drops macros it does not render (`\\input`, unknown ones); we print
        them as written, so nothing is lost and nothing is run."""

        def macro_node_to_text(self, node):
            spec = self.latex_context.get_macro_spec(node.macroname)
            if spec is None or (spec.discard and not spec.simplify_repl) or node.macroname in _FILE_MACROS:
                return node.latex_verbatim()
            return super().macro_node_to_text(node)

    db = get_default_latex_context_db().filter_context(keep_categories=None)
    db.add_context_category(
        "exporter-logos",
        macros=[MacroTextSpec(name, simplify_repl=name) for name in ("TeX", "LaTeX", "BibTeX", "XeTeX", "XeLaTeX", "LaTeXe")]
        + [MacroTextSpec("url", simplify_repl="%s")],
        prepend=True,
    )
    return KeepUnknown(latex_context=db, math_mode="verbatim", keep_comments=True, strict_latex_spaces=True)


def latex_to_unicode(value: str) -> str:
    """A .bib value as readers see it: `{\\"o}` -> ö, `\\&` -> &, `--` -> –, braces dropped."""
    if "\\" not in value and "{" not in value and "-" not in value and "~" not in value and "$" not in value:
        return value
    try:
        text = _converter().latex_to_text(value)
    except Exception:  # pylatexenc gives up on some malformed input: print it as written
        return value
    return " ".join(text.split())
