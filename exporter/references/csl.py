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
from ..templates import Run, markup_to_runs, template_roots
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
    locale = LOCALES.get(language or "", None) if language else None
    style = _style(str(style_path), locale)
    # citeproc-py lowers ids, so entries take their place as id: `Knuth` and `knuth` stay apart.
    items = [csl_item(e, key=f"e{i}") for i, e in enumerate(entries)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.html)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        rendered = [str(text) for text in bibliography.bibliography()]
    inside = _punctuation_in_quote(locale or style.root.get("default-locale") or "en-US")
    out = []
    for number, markup in enumerate(rendered, start=1):
        runs = markup_to_runs(markup)
        if inside:
            runs = [Run(re.sub(r"([\u201d\u2019])([.,])", r"\2\1", r.text), r.bold, r.italic) for r in runs]
        if not numbers and _numbered(str(style_path)):
            runs = _without_number(runs, number)
        out.append(runs)
    return out


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
    name = style or template.section("bibliography").get("style", "plain")
    if not is_csl(name) and (style is None or hasattr(template._macros, name)):
        if style is None:
            return [template.entry_runs(e, language) for e in entries]
        from ..templates import entry_context

        return [markup_to_runs(getattr(template._macros, name)(entry_context(e), language)) for e in entries]
    path = find_style(name, template.folder)
    styled = [e for e in entries if not e.text]
    runs = iter(format_entries(styled, path, language))
    return [[Run(e.text)] if e.text else next(runs) for e in entries]
