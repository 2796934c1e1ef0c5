"""Formatting entries with a CSL style (citeproc-py) into styled runs.

A venue names a style (`bibliography.style = "apa.csl"` in template.toml) or the user does
(`--style ieee`); the style is looked for in the venue's folder, then in templates/styles/.
"""

from __future__ import annotations

import re
import warnings
from functools import cache
from pathlib import Path

from ..diagnostics import InputError
from ..model import Entry
from ..venue import Run, markup_to_runs, template_roots
from .csljson import csl_item

# Short names for the styles shipped in templates/styles/ (the files keep their CSL ids).
ALIASES = {
    "gost-r-7-0-5-2008-numeric": "gost-r-7-0-5-2008-numeric.csl",
    "ieee": "ieee.csl",
    "apa": "apa.csl",
    "vancouver": "nlm-citation-sequence.csl",  # NLM's Citing Medicine: the Vancouver style
    "nlm-citation-sequence": "nlm-citation-sequence.csl",
}
# The paper's language -> CSL locale. citeproc-py has no Kazakh locale; Kazakh GOST lists use
# the Russian abbreviations (Т., №, С., и др.), so Kazakh papers take ru-RU.
LOCALES = {"en": "en-US", "ru": "ru-RU", "kk": "ru-RU"}


def style_dirs(venue: Path | None = None) -> list[Path]:
    return ([venue] if venue else []) + [root / "styles" for root in template_roots()]


def shipped_styles() -> list[str]:
    return sorted(ALIASES)


def is_csl(name: str) -> bool:
    """A style name means CSL when it names a .csl file or a shipped style."""
    return name.lower().endswith(".csl") or name in ALIASES


def find_style(name: str, venue: Path | None = None) -> Path:
    """The .csl file a style name means: a path, else a file of the venue, else a shipped one."""
    if Path(name).suffix.lower() == ".csl" and Path(name).is_file():
        return Path(name)
    filename = ALIASES.get(name, name if name.lower().endswith(".csl") else name + ".csl")
    for folder in style_dirs(venue):
        candidate = folder / filename
        if candidate.is_file():
            return candidate
    raise InputError(name, f"no such CSL style (shipped: {', '.join(shipped_styles())}; or give a .csl file)")


@cache
def _style(path: str, locale: str | None):
    from citeproc import CitationStylesStyle

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # citeproc-py warns about every CSL feature it skips
            style = CitationStylesStyle(path, locale=locale, validate=False)
    except Exception as exc:  # lxml's syntax error, citeproc-py's unknown locale or element
        raise InputError(path, f"is not a CSL style citeproc-py can read: {' '.join(str(exc).split())[:160]}") from None
    if not style.has_bibliography():
        raise InputError(path, "is a CSL style without a bibliography layout")
    return style


def format_entries(entries: list[Entry], style_path: Path, language: str | None = None, numbers: bool = False) -> list[list[Run]]:
    """Each entry formatted by the style, in the order given, as styled runs.

    The editions print each entry's own number before it, so a numeric style's citation
    number (which citeproc counts from 1 in this order) is dropped unless `numbers` is set.
    """
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    if not entries:
        return []
    _patch_citeproc()
    locale = LOCALES.get(language or "", None) if language else None
    style = _style(str(style_path), locale)
    # citeproc-py lowers ids, so entries take their place as id: `Knuth` and `knuth` stay apart.
    effective = locale or style.root.get("default-locale") or "en-US"
    items = [_hide_quotes(csl_item(e, key=f"e{i}", english=effective.lower().startswith("en"))) for i, e in enumerate(entries)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")

        def registered():
            bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.html)
            for item in items:
                bibliography.register(Citation([CitationItem(item["id"])]))
            return bibliography

        if style.root.citation is not None and style.root.citation.get("disambiguate-add-year-suffix") == "true":
            sorted_bibliography = registered()
            sorted_bibliography.sort()
            _add_year_suffixes(items, sorted_bibliography.keys)
        rendered = [str(text) for text in registered().bibliography()]
    inside = _punctuation_in_quote(effective)
    out = []
    for number, markup in enumerate(rendered, start=1):
        runs = markup_to_runs(markup)
        if inside:
            runs = [Run(re.sub(r"([\u201d\u2019\ue001])([.,])", r"\2\1", r.text), r.bold, r.italic) for r in runs]
        runs = _flip_flop(_collapse_punctuation(runs))
        if not numbers and _numbered(str(style_path)):
            runs = _without_number(runs, number)
        out.append(runs)
    return out


def _add_year_suffixes(items: list[dict], sorted_ids: list[str]) -> None:
    """Works by the same names in the same year get `a`, `b`, … after the year (Smith 2001a,
    2001b), in the order the style sorts its bibliography (CSL 1.0.2, "Disambiguation", step 4:
    year-suffix, which citeproc-py does not do). Works that differ in any name or given name
    are told apart by their names instead (steps 1–3), so only identical name lists count."""
    def names(item):
        people = item.get("author") or item.get("editor") or []
        return tuple(tuple(sorted(p.items())) for p in people) or (("title", item.get("title", "")),)

    def year(item):
        issued = item.get("issued") or {}
        parts = issued.get("date-parts") or [[issued.get("literal", "")]]
        return str(parts[0][0]) if parts and parts[0] else ""

    by_id = {item["id"]: item for item in items}
    groups: dict[tuple, list[dict]] = {}
    for key in sorted_ids:
        item = by_id[key]
        groups.setdefault((names(item), year(item)), []).append(item)
    for group in groups.values():
        if len(group) > 1:
            for n, item in enumerate(group):
                item["year-suffix"] = _letters(n)


def _letters(n: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa (CSL's year-suffix after z)."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


# Quotation marks of the data (TeX's ``…'') travel through citeproc as private-use characters,
# and come out as the style's inner marks when they stand inside marks the style adds.
_DATA_QUOTES = {"\u201c": "\ue000", "\u201d": "\ue001"}


def _hide_quotes(item: dict) -> dict:
    table = str.maketrans(_DATA_QUOTES)
    return {k: v.translate(table) if isinstance(v, str) and k != "id" else v for k, v in item.items()}


def _flip_flop(runs: list[Run]) -> list[Run]:
    """A quotation inside a quoted title takes single marks: “A 16 bit ‘big mini’” (CSL 1.0.2,
    "Quotes": flip-flopping; pandoc does it, citeproc-py does not)."""
    depth, opened, out = 0, [], []
    for run in runs:
        text = []
        for ch in run.text:
            if ch == "\u201c":
                depth += 1
            elif ch == "\u201d":
                depth = max(depth - 1, 0)
            elif ch == "\ue000":
                opened.append(depth > 0)
                ch = "\u2018" if depth > 0 else "\u201c"
            elif ch == "\ue001":
                ch = "\u2019" if (opened.pop() if opened else depth > 0) else "\u201d"
            text.append(ch)
        out.append(Run("".join(text), run.bold, run.italic))
    return out


def _collapse_punctuation(runs: list[Run]) -> list[Run]:
    """`!.`, `?,`, `!”.` and `..` (a title's own mark, then the style's) print as the first mark
    alone, as CSL processors do (citeproc-js, pandoc); citeproc-py prints both. An ellipsis stays."""
    out = []
    for i, run in enumerate(runs):
        text = re.sub(r"([!?])([\u201d\u2019\ue001]?)[.,]|(?<![.])\.\.(?![.])", lambda m: (m.group(1) + m.group(2)) if m.group(1) else ".", run.text)
        if i and text.startswith(".") and out and re.search(r"(?<![.])[!?.]$", out[-1].text):
            text = text[1:]  # the same across a change of style: `*Title!*.`
        if text:
            out.append(Run(text, run.bold, run.italic))
    return out


@cache
def _patch_citeproc() -> None:
    """citeproc-py joins the parts of a localized date (a style's `<locale><date form="text"
    delimiter=" ">`) with the delimiter of the `<date>` that calls it, which has none, so NLM's
    `1980 Oct` comes out `1980Oct`; CSL 1.0.2 ("Localized Date Formats") says the localized
    format's own delimiter applies. This gives it (checked for citeproc-py 0.11.1, pinned)."""
    from citeproc.model import Date

    def render_single_date(self, date, show_parts=None, context=None):
        parts = self.parts(date, show_parts, context) if context != self else self.parts(date, show_parts)
        if not parts:
            return None
        local = self.is_locale_date()
        joiner = self if (not local or self.get("delimiter") is not None) else context
        return joiner.join(parts)

    Date.render_single_date = render_single_date

    # A range whose ends are equal (`20--20`, common in .bib files) in the `minimal` format:
    # citeproc-py drops every digit of the second number and prints `20–`; citeproc-js and
    # pandoc keep its last digit (`20–0`), so the range never ends in a bare dash.
    from citeproc.model import FormatNumber

    minimal = FormatNumber._format_last_page

    def format_last_page(self, first, last):
        return minimal(self, first, last) or last[-1:]

    FormatNumber._format_last_page = format_last_page
    _patch_substitution()


_CSL = "{http://purl.org/net/xbiblio/csl}"
_rendering: list[set] = []  # variables printed while a `<substitute>` child renders, innermost last


def _patch_substitution() -> None:
    """CSL 1.0.2 ("Substitution"): variables printed by a substitute are suppressed in the rest
    of the entry. citeproc-py suppresses only a `<text variable=…>` named in the substitute
    itself, so APA printed a work without author as `Title. (n.d.). Title.` and an edited book
    as `Lipcoll, D. J. (ed.). (1977). High speed (D. J. Lipcoll, ed.).`. This records what a
    substitute prints (through macros too) and suppresses it in `<text>` and `<names>`."""
    from citeproc.model import Names, Substitute, Text, VariableError

    text_variable = Text._variable

    def recorded_text_variable(self, item, context):
        text = text_variable(self, item, context)
        if text is not None and _rendering:
            _rendering[-1].add(self.get("variable"))
        return text

    names_process = Names.process

    def repressed_names_process(self, item, names_context=None, context=None, **kwargs):
        layout = (context if context is not None else self).get_layout()
        roles = self.get("variable").split()
        kept = [r for r in roles if r not in layout.repressed.get(_CSL + "names", ())]
        self.set("variable", " ".join(kept) or "x-suppressed")
        try:
            text = names_process(self, item, names_context=names_context, context=context, **kwargs)
        finally:
            self.set("variable", " ".join(roles))
        if text and _rendering:
            _rendering[-1].update(r for r in kept if r in item.reference)
        return text

    def substitute_render(self, item, context=None, **kwargs):
        for child in self.getchildren():
            _rendering.append(set())
            try:
                if isinstance(child, Names) and child.name is None:
                    names = self.xpath_search("./parent::cs:names[1]")[0]
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                _rendering.pop()
                continue
            printed = _rendering.pop()
            if text:
                layout = context.get_layout()
                for tag in (_CSL + "text", _CSL + "names"):
                    layout.repressed.setdefault(tag, []).extend(printed)
                if _rendering:
                    _rendering[-1].update(printed)
                return text
        return None

    Text._variable = recorded_text_variable
    Names.process = repressed_names_process
    Substitute.render = substitute_render


def _punctuation_in_quote(locale: str) -> bool:
    """American English puts a comma or period that follows a quotation inside it (CSL locale
    option `punctuation-in-quote`, true in en-US only); citeproc-py does not apply the option."""
    return locale.lower() == "en-us"


@cache
def _numbered(path: str) -> bool:
    """Does the style's bibliography print the citation number?"""
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    return "citation-number" in text[text.find("<bibliography"):]


def _without_number(runs: list[Run], number: int) -> list[Run]:
    """Runs with a leading citation number (`[3] `, `3. `, `3 `) taken off."""
    if not runs:
        return runs
    first = runs[0]
    stripped = re.sub(rf"^\s*\[?{number}\]?\.?\s*", "", first.text, count=1)
    if stripped == first.text:
        return runs
    rest = runs[1:]
    if not stripped and rest:
        rest[0] = Run(rest[0].text.lstrip(), rest[0].bold, rest[0].italic)
        return rest
    return [Run(stripped, first.bold, first.italic)] + rest


def plain(runs: list[Run]) -> str:
    return " ".join("".join(r.text for r in runs).split())


def entry_runs(entries: list[Entry], template, language: str, style: str | None = None) -> list[list[Run]]:
    """Runs of each entry as the editions print them, by `style` or else the venue's
    `bibliography.style`: a CSL style (a `.csl` name or a shipped one) through citeproc-py, any
    other name a macro of the venue's bibliography.j2.

    An entry of the paper's own list is printed as the paper prints it, whatever the style:
    restyling needs every field, and a list entry's text is what the author wrote.
    """
    name = style or template.venue.bibliography.style
    if not is_csl(name) and (style is None or template.has_macro(name)):
        return [template.macro_runs(name, e, language) for e in entries]
    path = find_style(name, template.folder)
    styled = [e for e in entries if not e.text]
    runs = iter(format_entries(styled, path, language))
    return [[Run(e.text)] if e.text else next(runs) for e in entries]
