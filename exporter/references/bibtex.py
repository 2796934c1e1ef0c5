"""Loading bibliography entries from a .bib file (bibtexparser) into numbered `Entry` values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import logging

from ..diagnostics import Diagnostic
from ..model import Entry, Span
from ..readers.plaintext.normalize import CONTROL_CHARS
from ..readers.plaintext.reader import control_characters
from ..readers.plaintext.sourcefile import read_source

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
    result = Bibliography(path)
    result.diagnostics.extend(control_characters(lines, path))
    if source.encoding not in ("utf-8", "utf-8-sig", "utf-16"):
        result.diagnostics.append(Diagnostic("TXT002", f"not UTF-8: decoded as {source.encoding}", path, 1, 1))
    # bibtexparser ends lines at LF only (a CR-only file would be one line, and one broken
    # entry would swallow the rest); control characters become spaces, as in the paper.
    text = CONTROL_CHARS.sub(" ", "\n".join(lines))
    # Parse without bibtexparser's default middlewares: we evaluate values ourselves so that
    # `@string` macros, `#` concatenation and enclosing braces are handled in one place.
    library = bibtexparser.parse_string(text, parse_stack=[])
    strings: dict[str, str] = {}
    for s in library.strings:  # in file order: a macro may use the ones before it
        strings[s.key.lower()] = _evaluate(s.value, strings)

    def where(block) -> tuple[int, int]:
        line = (block.start_line or 0) + 1
        text = lines[line - 1] if line <= len(lines) else ""
        return line, text.find("@") + 1 if "@" in text else 1

    for block in library.failed_blocks:
        line, col = where(block)
        if isinstance(block, bib.DuplicateBlockKeyBlock):
            result.diagnostics.append(Diagnostic("BIB001", f"duplicate key '{_shown(block.key)}'; this entry is ignored", path, line, col))
        elif isinstance(block, bib.DuplicateFieldKeyBlock):
            fields = ", ".join(sorted(block.duplicate_keys))
            result.diagnostics.append(Diagnostic("BIB002", f"cannot parse this block: field {fields} is given twice; it is skipped", path, line, col))
        else:
            error = getattr(block, "error", None)
            reason = _short(getattr(error, "abort_reason", None) or getattr(error, "message", None) or str(error) or "syntax error")
            result.diagnostics.append(Diagnostic("BIB002", f"cannot parse this block: {reason}; it is skipped", path, line, col))

    raw_entries = []
    for entry in library.entries:
        if not entry.key.strip() or any(ch.isspace() for ch in entry.key):  # BibTeX refuses these too
            line, col = where(entry)
            problem = f"the key '{_shown(entry.key)}' holds white space" if entry.key.strip() else "the entry has no key"
            result.diagnostics.append(Diagnostic("BIB002", f"cannot parse this block: {problem}; it is skipped", path, line, col))
            continue  # it still holds its place in the numbering below
        values = {}
        for f in entry.fields:
            values[f.key.lower()] = _evaluate(f.value, strings)
        raw_entries.append((entry, values))
    by_key = {e.key.lower(): dict(values) for e, values in raw_entries}  # as written, before inheriting
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

    # A block that failed still holds its place, so one broken entry never renumbers the rest;
    # a broken @string, @preamble or @comment was never an entry and holds none.
    entry_like = [b for b in library.failed_blocks if holds_place(b)]
    attempts = sorted(library.entries + entry_like, key=lambda b: b.start_line or 0)
    place = {id(block): n for n, block in enumerate(attempts, start=1)}
    taken: dict[int, str] = {}
    for entry, values in raw_entries:
        line, col = where(entry)
        number = int(entry.key) if entry.key.isdecimal() and len(entry.key) < 10 else place[id(entry)]
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
                origin="bibtex",
            )
        )
    return result


_NOT_ENTRY = re.compile(r"\s*@\s*(?:string|preamble|comment)\s*[{(]", re.IGNORECASE)


def holds_place(failed_block) -> bool:
    """Whether a block bibtexparser could not parse holds a place in the numbering: a broken
    entry does; a broken @string, @preamble or @comment was never an entry."""
    return not _NOT_ENTRY.match(failed_block.raw or "")


def _shown(key: str) -> str:
    """A key as one line of a finding."""
    return " ".join(key.split())


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


_STYLE_MACROS = (
    "bf", "it", "sc", "sl", "rm", "em", "tt", "sf", "up", "md", "normalfont", "bfseries", "itshape", "scshape",
    "slshape", "upshape", "mdseries", "rmfamily", "sffamily", "ttfamily", "textup", "textmd", "textnormal", "texttt",
    "textsf", "mbox", "hbox", "enquote", "mkbibquote", "NoCaseChange", "MakeUppercase", "MakeLowercase", "relax", "protect",
)


def _arguments(node, l2tobj) -> str:
    """A style command as its argument's text (when the parser took one), else nothing."""
    args = node.nodeargd.argnlist if node.nodeargd and node.nodeargd.argnlist else []
    return l2tobj.nodelist_to_text([a for a in args if a is not None])


def _verbatim_argument(node) -> str:
    """`\\url{http://x/~a_b}` as written: a URL's `~`, `_` and `%` are not LaTeX."""
    args = node.nodeargd.argnlist if node.nodeargd else []
    if not args or args[-1] is None:
        return ""
    text = args[-1].latex_verbatim()
    return text[1:-1] if text.startswith("{") and text.endswith("}") else text


@_cache
def _converter():
    # Imported on first use: only editions print .bib values.
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, SpecialsTextSpec, get_default_latex_context_db

    class KeepUnknown(LatexNodes2Text):
        """pylatexenc drops macros it does not render (`\\input`, unknown ones) and the braces
        after them; we note that one occurred, and `latex_to_unicode` then prints the whole
        value as written (`\\write18{…}`, `\\def\\x{y}`), so nothing is lost and nothing is run."""

        unknown = False

        def macro_node_to_text(self, node):
            spec = self.latex_context.get_macro_spec(node.macroname)
            if spec is None or (spec.discard and not spec.simplify_repl) or node.macroname in _FILE_MACROS:
                self.unknown = True
                return node.latex_verbatim()
            return super().macro_node_to_text(node)

        def environment_node_to_text(self, node):
            if self.latex_context.get_environment_spec(node.environmentname) is None:
                self.unknown = True
            return super().environment_node_to_text(node)

    db = get_default_latex_context_db().filter_context(keep_categories=None)
    db.add_context_category(
        "exporter-logos",
        macros=[MacroTextSpec(name, simplify_repl=name) for name in ("TeX", "LaTeX", "BibTeX", "XeTeX", "XeLaTeX", "LaTeXe")]
        + [MacroTextSpec("url", simplify_repl=_verbatim_argument)]
        # Font switches and text-style commands: their argument (a following group) is the text.
        + [MacroTextSpec(name, simplify_repl=_arguments) for name in _STYLE_MACROS]
        + [MacroTextSpec(name, simplify_repl=text) for name, text in (("S", "§"), ("P", "¶"), ("copyright", "©"))],
        specials=[SpecialsTextSpec("&", "&")],  # a bare `&` in a title is an ampersand, not a table cell
        prepend=True,
    )
    return KeepUnknown(latex_context=db, math_mode="verbatim", keep_comments=True, strict_latex_spaces=True)


def latex_to_unicode(value: str) -> str:
    """A .bib value as readers see it: `{\\"o}` -> ö, `\\&` -> &, `--` -> –, braces dropped.

    A value with a macro that is not plain text markup is printed exactly as written.
    """
    if "\\" not in value and "{" not in value and "-" not in value and "~" not in value and "$" not in value:
        return value
    converter = _converter()
    converter.unknown = False
    try:
        text = converter.latex_to_text(value)
    except Exception:  # pylatexenc gives up on some malformed input: print it as written
        return " ".join(value.split())
    return " ".join((value if converter.unknown else text).split())
