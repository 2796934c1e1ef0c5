"""Loading bibliography entries from a .bib file (bibtexparser) into numbered `Entry` values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import logging

from ..diagnostics import Diagnostic
from ..model import Entry, Span
from ..sourcefile import CONTROL_CHARS, control_characters, read_source

# bibtexparser logs each failed block; we report them ourselves, with positions.
logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)

_MONTHS = {m: str(i) for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}


@dataclass
class Bibliography:
    """Entries in list order with the findings raised while loading them."""

    path: str | None
    entries: list[Entry] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _block_place(block, lines: list[str]) -> tuple[int, int]:
    """(line, column) where a parsed block starts: its `@`, else the line's start."""
    line = (block.start_line or 0) + 1
    text = lines[line - 1] if line <= len(lines) else ""
    return line, text.find("@") + 1 if "@" in text else 1


def _failed_block_findings(failed_blocks, lines: list[str], path: str) -> list[Diagnostic]:
    """BIB001/BIB002 for each block bibtexparser could not take: a key or a field given twice,
    else its parse error (in bibtexparser's own words when it gives any)."""
    from bibtexparser import model as bib  # loaded already by load_bib

    found = []
    for block in failed_blocks:
        line, col = _block_place(block, lines)
        if isinstance(block, bib.DuplicateBlockKeyBlock):
            found.append(Diagnostic.at_line("BIB001", path, line, col, variant="key", key=_shown(block.key)))
        elif isinstance(block, bib.DuplicateFieldKeyBlock):
            found.append(Diagnostic.at_line("BIB002", path, line, col, variant="field-twice", fields=tuple(sorted(block.duplicate_keys))))
        else:
            error = getattr(block, "error", None)
            reason = getattr(error, "abort_reason", None) or getattr(error, "message", None) or str(error)
            if reason:
                found.append(Diagnostic.at_line("BIB002", path, line, col, variant="bibtex", error=_short(reason)))
            else:
                found.append(Diagnostic.at_line("BIB002", path, line, col, variant="syntax"))
    return found


def load_bib(path: str) -> Bibliography:
    """Read a .bib file; a block that cannot be parsed is reported and the others still load.

    `[n]` means entry n: an entry whose key is a number is that entry, any other entry is
    numbered by its place in the file.
    """
    import bibtexparser  # here, not at the top: `check` without --bib never needs it

    source = read_source(path)
    lines = source.lines
    result = Bibliography(path)
    result.diagnostics.extend(control_characters(lines, path))
    if source.encoding not in ("utf-8", "utf-8-sig", "utf-16"):
        result.diagnostics.append(Diagnostic.at_line("TXT002", path, 1, 1, encoding=source.encoding))
    # bibtexparser ends lines at LF only (a CR-only file would be one line, and one broken
    # entry would swallow the rest); control characters become spaces, as in the paper.
    text = CONTROL_CHARS.sub(" ", "\n".join(lines))
    # Parse without bibtexparser's default middlewares: we evaluate values ourselves so that
    # `@string` macros, `#` concatenation and enclosing braces are handled in one place.
    library = bibtexparser.parse_string(text, parse_stack=[])
    strings: dict[str, str] = {}
    for s in library.strings:  # in file order: a macro may use the ones before it
        strings[s.key.lower()] = _evaluate(s.value, strings)

    result.diagnostics.extend(_failed_block_findings(library.failed_blocks, lines, path))

    raw_entries = []
    for entry in library.entries:
        if not entry.key.strip() or any(ch.isspace() for ch in entry.key):  # BibTeX refuses these too
            line, col = _block_place(entry, lines)
            if entry.key.strip():
                result.diagnostics.append(Diagnostic.at_line("BIB002", path, line, col, variant="key-space", key=_shown(entry.key)))
            else:
                result.diagnostics.append(Diagnostic.at_line("BIB002", path, line, col, variant="no-key"))
            continue  # it still holds its place in the numbering below
        values = {}
        for f in entry.fields:
            values[f.key.lower()] = _evaluate(f.value, strings)
        raw_entries.append((entry, values))
    written = {e.key.lower(): (e.entry_type.lower(), dict(values)) for e, values in raw_entries}  # before inheriting
    for entry, values in raw_entries:
        for link in ("crossref", "xdata"):
            for parent_key in _keys(values.get(link, ""), link):
                if parent_key.lower() not in written:
                    line, col = _block_place(entry, lines)
                    result.diagnostics.append(Diagnostic.at_line("BIB004", path, line, col, key=entry.key, link=link, parent=parent_key))
        for name, value in inherited(entry.entry_type.lower(), values, written).items():
            values.setdefault(name, value)

    # A block that failed still holds its place, so one broken entry never renumbers the rest;
    # a broken @string, @preamble or @comment was never an entry and holds none.
    entry_like = [b for b in library.failed_blocks if holds_place(b)]
    attempts = sorted(library.entries + entry_like, key=lambda b: b.start_line or 0)
    place = {id(block): n for n, block in enumerate(attempts, start=1)}
    taken: dict[int, str] = {}
    for entry, values in raw_entries:
        line, col = _block_place(entry, lines)
        number = int(entry.key) if entry.key.isdecimal() and len(entry.key) < 10 else place[id(entry)]
        if number in taken:
            result.diagnostics.append(Diagnostic.at_line("BIB001", path, line, col, variant="entry-number", key=entry.key, number=number, other=taken[number]))
        taken.setdefault(number, entry.key)
        if "title" not in values:
            result.diagnostics.append(Diagnostic.at_line("BIB003", path, line, col, key=entry.key))
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


def _keys(value: str, link: str) -> list[str]:
    """The keys a `crossref` (one key) or an `xdata` field (a comma-separated list) names."""
    if link == "crossref":
        return [" ".join(value.split())] if value.strip() else []
    return [" ".join(k.split()) for k in value.split(",") if k.strip()]


# Data inheritance (biblatex manual, appendix B; what pandoc's biblatex reader does): fields a
# child never takes, and the parent fields a child takes under another name.
_NOT_INHERITED = {"ids", "crossref", "xref", "xdata", "entryset", "entrysubtype", "execute", "label", "options", "presort", "related",
                  "relatedoptions", "relatedstring", "relatedtype", "shorthand", "shorthandintro", "sortkey"}
_AS_MAIN = {"title": ["maintitle"], "subtitle": ["mainsubtitle"], "titleaddon": ["maintitleaddon"]}
_AS_BOOK = {"title": ["booktitle"], "subtitle": ["booksubtitle"], "titleaddon": ["booktitleaddon"]}
_NOT_FROM_TITLES = {"shorttitle", "sorttitle", "indextitle", "indexsorttitle"}


def _inherited_names(parent: str, child: str, name: str) -> list[str]:
    """The names a parent field of entry type `parent` takes in a child of type `child`."""
    if name in _NOT_INHERITED:
        return []
    if name == "author" and (parent in ("mvbook", "book") and child in ("inbook", "bookinbook", "suppbook") or (parent, child) == ("mvbook", "book")):
        return ["bookauthor", "author"]
    table = None
    if (parent == "mvbook" and child in ("book", "inbook", "bookinbook", "suppbook")
            or parent in ("mvcollection", "mvreference") and child in ("collection", "reference", "incollection", "inreference", "suppcollection")
            or parent == "mvproceedings" and child in ("proceedings", "inproceedings")):
        table = _AS_MAIN
    elif (parent == "book" and child in ("inbook", "bookinbook", "suppbook")
            or parent in ("collection", "reference") and child in ("incollection", "inreference", "suppcollection")
            or (parent, child) == ("proceedings", "inproceedings")):
        table = _AS_BOOK
    elif parent == "periodical" and child in ("article", "suppperiodical"):
        table = {"title": ["journaltitle"], "subtitle": ["journalsubtitle"]}
    if table is not None:
        return [] if name in _NOT_FROM_TITLES else table.get(name, [name])
    if name == "title" and child in ("inproceedings", "incollection", "inbook"):
        return ["booktitle"]  # BibTeX's usage: a proceedings' title is its papers' booktitle
    return [name]


def inherited(child_type: str, values: dict[str, str], written: dict[str, tuple[str, dict]], seen: frozenset = frozenset()) -> dict[str, str]:
    """What an entry takes from its `crossref` and `xdata` parents (the parents' own parents
    first taken into them), under biblatex's names; what the entry has itself is never replaced."""
    out: dict[str, str] = {}
    for link in ("crossref", "xdata"):
        for key in _keys(values.get(link, ""), link):
            if key.lower() in seen or key.lower() not in written:
                continue
            parent_type, parent = written[key.lower()]
            parent = {**inherited(parent_type, parent, written, seen | {key.lower()}), **parent}
            for name, value in parent.items():
                for target in (_inherited_names(parent_type, child_type, name) if link == "crossref" else [name]):
                    if target not in values:
                        out.setdefault(target, value)
    return out


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

import threading  # noqa: E402


# pylatexenc would read the named file for these (given an input directory): print them instead.
_FILE_MACROS = frozenset({"input", "include", "includeonly", "InputIfFileExists", "verbatiminput"})


_STYLE_MACROS = (
    "bf", "it", "sc", "sl", "rm", "em", "tt", "sf", "up", "md", "normalfont", "bfseries", "itshape", "scshape",
    "slshape", "upshape", "mdseries", "rmfamily", "sffamily", "ttfamily", "textup", "textmd", "textnormal", "texttt",
    "textsf", "mbox", "hbox", "NoCaseChange", "MakeUppercase", "MakeLowercase", "relax", "protect",
    # biblatex's text macros (its manual, "Data Annotation" and "Formatting Commands")
    "mkbibemph", "mkbibitalic", "mkbibbold", "mkbibacro", "autocap", "bibstring", "textnohyphenation",
)
# biblatex's punctuation and quotation macros, as the text they print.
_BIBLATEX_TEXT = (("hyphen", "-"), ("nbhyphen", "-"), ("adddot", "."), ("addcomma", ","), ("addcolon", ":"), ("addsemicolon", ";"),
                  ("addperiod", "."), ("addspace", " "), ("addabbrvspace", " "), ("adddotspace", ". "), ("addnbspace", "\u00a0"),
                  ("addthinspace", "\u202f"), ("textendash", "\u2013"), ("textemdash", "\u2014"), ("slash", "/"))


def _quoted(node, l2tobj) -> str:
    """`\\mkbibquote{…}`, `\\enquote{…}`: the argument in quotation marks (flip-flopped as data quotes)."""
    return "\u201c" + _arguments(node, l2tobj) + "\u201d"


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


_per_thread = threading.local()


def _converter():
    """This thread's converter: it notes an unknown macro on itself while it converts a value,
    so two threads converting at once must not share one (a value came out as written)."""
    converter = getattr(_per_thread, "converter", None)
    if converter is None:
        converter = _per_thread.converter = _new_converter()
    return converter


# Macros whose `{…}` argument the LaTeX parser must take (it knows LaTeX's own, not biblatex's).
_ARGUMENT_MACROS = ("mkbibquote", "enquote", "textquote", "mkbibemph", "mkbibitalic", "mkbibbold", "mkbibacro", "autocap", "bibstring",
                    "NoCaseChange", "textnohyphenation")


_walker = None


def _walker_context():
    """pylatexenc's parsing context with biblatex's text macros (read-only once built: shared)."""
    global _walker
    if _walker is None:
        from pylatexenc.latexwalker import get_default_latex_context_db
        from pylatexenc.macrospec import MacroSpec

        db = get_default_latex_context_db()
        db.add_context_category("exporter-biblatex", macros=[MacroSpec(name, "{") for name in _ARGUMENT_MACROS], prepend=True)
        _walker = db
    return _walker


def _new_converter():
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
        + [MacroTextSpec(name, simplify_repl=_quoted) for name in ("mkbibquote", "enquote", "textquote")]
        + [MacroTextSpec(name, simplify_repl=text) for name, text in _BIBLATEX_TEXT]
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
        text = converter.latex_to_text(value, latex_context=_walker_context())
    except Exception:  # pylatexenc gives up on some malformed input: print it as written
        return " ".join(value.split())
    return " ".join((value if converter.unknown else text).split())
