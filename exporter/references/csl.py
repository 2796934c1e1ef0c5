"""Formatting entries with a CSL style (citeproc-py) into styled runs.

A venue names a style (`bibliography.style = "apa.csl"` in template.toml) or the user does
(`--style ieee`); the style is looked for in the venue's folder, then in templates/styles/.
"""

from __future__ import annotations

import os
import re
import warnings
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import InputError
from ..model import Entry
from ..template_files import find_style, is_csl
from ..venue import Run, markup_to_runs
from .csljson import csl_item

if TYPE_CHECKING:
    from .cslstyle import Style

# The paper's language -> CSL locale. citeproc-py has no Kazakh locale; Kazakh GOST lists use
# the Russian abbreviations (Т., №, С., и др.), so Kazakh papers take ru-RU.
LOCALES = {"en": "en-US", "ru": "ru-RU", "kk": "ru-RU"}


def _style(path: str, locale: str | None) -> Style:
    """The style, read once per process and locale while the file is unchanged (callers hold
    `style.lock` while using it)."""
    try:
        info = os.stat(path)
        version = (info.st_mtime_ns, info.st_size)
    except (OSError, ValueError):
        version = None  # Style() says what is wrong with the path
    return _read_style(os.path.abspath(path), version, path, locale)


@cache
def _read_style(absolute: str, version, path: str, locale: str | None) -> Style:
    # Imported here: citeproc-py and lxml (~15 ms) only for a paper whose list a CSL style formats.
    from .cslstyle import Style

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # citeproc-py warns about every CSL feature it skips
            style = Style(path, locale)
    except InputError:
        raise
    except Exception as exc:  # citeproc-py's unknown element or attribute value
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
    effective = locale or style.root.get("default-locale") or "en-US"
    english, language = effective.lower().startswith("en"), effective.split("-")[0].lower()
    items = [_for_citeproc(csl_item(e, key=f"e{i}", english=english, language=language)) for i, e in enumerate(entries)]
    with style.lock, warnings.catch_warnings():
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
    marks = _quote_marks(style)
    out = []
    for number, markup in enumerate(rendered, start=1):
        runs = markup_to_runs(markup)
        if inside:
            runs = [Run(re.sub(r"([\u201d\u2019\ue001])([.,])", r"\2\1", r.text), r.bold, r.italic) for r in runs]
        runs = _flip_flop(_collapse_punctuation(runs), marks)
        if not numbers and numbered_style(str(style_path)):
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


# CSL 1.0.2 variables under the names citeproc-py 0.11.1 knows them by (CSL 1.0.1's).
_CITEPROC_NAMES = {"event-title": "event"}


def _for_citeproc(item: dict) -> dict:
    """A CSL item as citeproc-py reads it: the data's quotation marks hidden (see above), and
    variables CSL 1.0.2 renamed under their 1.0.1 names."""
    table = str.maketrans(_DATA_QUOTES)
    return {_CITEPROC_NAMES.get(k, k): v.translate(table) if isinstance(v, str) and k != "id" else v for k, v in item.items()}


def _quote_marks(style) -> tuple[str, str, str, str]:
    """The locale's quotation marks: open, close, inner open, inner close (`«`, `»`, `„`, `“` in Russian)."""
    english = ("\u201c", "\u201d", "\u2018", "\u2019")
    terms = ("open-quote", "close-quote", "open-inner-quote", "close-inner-quote")
    marks = tuple(str(style.root.get_single_term(t) or "") for t in terms)
    return marks if all(marks) else english


def _flip_flop(runs: list[Run], marks: tuple[str, str, str, str] = ("\u201c", "\u201d", "\u2018", "\u2019")) -> list[Run]:
    """The data's quotation marks as the locale's (`«…»` in Russian), and a quotation inside a
    quotation with the inner marks: “A 16 bit ‘big mini’” (CSL 1.0.2, "Quotes": localized
    quotes and flip-flopping; pandoc does both, citeproc-py neither)."""
    opening, closing, inner_opening, inner_closing = marks
    depth, opened, out = 0, [], []
    for run in runs:
        text = []
        for ch in run.text:
            if ch == opening:
                depth += 1
            elif ch == closing:
                depth = max(depth - 1, 0)
            elif ch == "\ue000":
                opened.append(depth > 0)
                ch = inner_opening if depth > 0 else opening
            elif ch == "\ue001":
                ch = inner_closing if (opened.pop() if opened else depth > 0) else closing
            text.append(ch)
        out.append(Run("".join(text), run.bold, run.italic))
    return out


def _collapse_punctuation(runs: list[Run]) -> list[Run]:
    """`!.`, `?,`, `!”.` and `..` (a title's own mark, then the style's) print as the first mark
    alone, as CSL processors do (citeproc-js, pandoc); citeproc-py prints both. An ellipsis stays."""
    out = []
    for i, run in enumerate(runs):
        text = re.sub(r"([!?])([\u201d\u2019\ue001]?)[.,]|(?<![.])\.\.(?![.])", lambda m: (m.group(1) + m.group(2)) if m.group(1) else ".", run.text)
        text = re.sub(r"(?<=[.!?]) +(?=[,;:])", "", text)  # a suffix `. ` before a delimiter `, `: `2., ` (as citeproc-js and pandoc)
        if i and text.startswith(".") and out and re.search(r"(?<![.])[!?.]$", out[-1].text):
            text = text[1:]  # the same across a change of style: `*Title!*.`
        if text:
            out.append(Run(text, run.bold, run.italic))
    return out


def _punctuation_in_quote(locale: str) -> bool:
    """American English puts a comma or period that follows a quotation inside it (CSL locale
    option `punctuation-in-quote`, true in en-US only); citeproc-py does not apply the option."""
    return locale.lower() == "en-us"


def numbered_style(path: str) -> bool:
    """Does the style's bibliography print the citation number (itself or through a macro)?"""
    from .cslstyle import CSL

    root = _style(path, None).root
    macros = {m.get("name"): m for m in root.iterfind(CSL + "macro")}
    seen, todo = set(), [root.bibliography]
    while todo:
        element = todo.pop()
        for node in element.iter(CSL + "text"):
            if node.get("variable") == "citation-number":
                return True
            name = node.get("macro")
            if name in macros and name not in seen:
                seen.add(name)
                todo.append(macros[name])
    return False


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
