"""Linking each citation to a bibliography entry, and reporting what does not fit."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from .collation import in_name_order
from .crossref_links import link_crossrefs
from .references.checks import check_entries
from .references.fields import with_fields
from .references.ownlist import with_previous_authors
from .diagnostics import Diagnostic, sort_key
from .model import Citation, CiteRef, Document, Entry, Span, Text, map_inlines, map_meta_inlines, walk_document

# typing.TYPE_CHECKING without importing typing (2 ms of a check): type checkers take it as true.
TYPE_CHECKING = False
if TYPE_CHECKING:  # loading a .bib imports bibtexparser; a check without --bib never needs it
    from .author_year import AuthorYearLink  # imported on use: only a paper citing by author and year links so
    from .references.bibtex import Bibliography


# The number an own-list entry's text may open with (`12.`, `[12]`, `12)`).
_LIST_NUMBER = re.compile(r"^\W*\d{1,4}\W*")


@dataclass(frozen=True)
class Linked:
    """A document whose citations carry their entries, and every finding about it."""

    document: Document
    diagnostics: tuple[Diagnostic, ...]
    bib_path: str | None = None
    author_year: tuple[AuthorYearLink, ...] = ()  # a paper citing by author and year: its citations, linked


def iter_citations(doc: Document):
    """Every citation of the document in reading order: the title's and abstracts', then the body's."""
    for node in walk_document(doc):
        if isinstance(node, Citation):
            yield node


def is_number(label: str) -> bool:
    return label.isdecimal()


def is_bracketed_year(node: Citation, entries: int) -> bool:
    """`[2003]` in `Marshall et al. [2003]`: a number no entry of a list of `entries` can have,
    that is a year (1500-2099), is the year of an author–year citation written in square
    brackets, not a numeric citation (`[12]`): never a finding of its own, and it does not make
    an author–year paper a numeric one."""
    return entries > 0 and all(is_number(r.label) and entries < int(r.label) and 1500 <= int(r.label) <= 2099 for r in node.refs)


def _one_number(ref: CiteRef) -> bool:
    """A label written as a number of its own, not one of a range's (`3–5`)."""
    return ref.valid and is_number(ref.label) and ref.start is not None and (ref.start, ref.end) == (ref.item_start, ref.item_end)


def bare_pages(node: Citation, entries: int) -> tuple[tuple[CiteRef, ...], list[tuple[str, str]]]:
    """`[2, 78]` in a Russian or Kazakh paper whose list has 11 entries: a number more than twice the list's size,
    after a comma right behind a number the list has, and closing its group (`]` or `;` after
    it), is the page of the source before it, written without `с.`/`p.` (`[2,78; 3, 67]`), not a
    citation of its own. (A number just past the list is more likely an entry the list, or its
    reading, lacks: `[2, 7]` with 5 entries read stays a CIT001.) Returns the refs with such pages moved into their source's locator, and each (label,
    page) moved, for the CIT008 that asks for the page's mark: the reading is a guess the author
    should confirm, never silent."""
    refs = list(node.refs)
    moved: list[tuple[str, str]] = []
    k = 1
    while entries and k < len(refs):
        ref, before = refs[k], refs[k - 1]
        if (
            _one_number(ref) and _one_number(before) and before.locator is None and ref.locator is None
            and int(before.label) <= entries and int(ref.label) > 2 * entries
            and re.fullmatch(r"\s*,\s*", node.raw[before.end : ref.start])
            and re.match(r"\s*(?:[;\]]|$)", node.raw[ref.end :])
        ):
            refs[k - 1] = dataclasses.replace(before, locator=ref.label)
            moved.append((before.label, ref.label))
            del refs[k]
        else:
            k += 1
    return tuple(refs), moved


def link(doc: Document, bib: Bibliography | None = None, expected_form: str | None = None) -> Linked:
    """Resolve `[n]` to entry n, `[@key]` and an alphabetic label (`[Köt16]`) to the entry with that key, then check the entries
    (references/checks.py) against each other, the citations and the venue's `expected_form`.

    With `--bib`, the .bib file's entries are the list and the paper's own list is ignored
    (a REF002 note says so): the user named the file on purpose.
    """
    findings: list[Diagnostic] = list(doc.notes)
    path = doc.path
    if bib is not None:
        entries = bib.entries
        findings.extend(bib.diagnostics)
        if doc.references and doc.references_span:
            s = doc.references_span
            findings.append(Diagnostic.at("REF002", path, s, count=len(doc.references), file=bib.path))
    else:
        # Readers that do not parse fields themselves get them here (without spans).
        entries = with_previous_authors([entry if entry.fields or entry.origin != "list" else with_fields(entry) for entry in doc.references])
        findings.extend(_duplicate_numbers(entries, path))

    by_number, by_key = _indexed(entries)

    def resolve(ref: CiteRef) -> str | None:
        return resolved(ref, by_number, by_key)

    used: set[str] = set()
    first_cited: dict[int, Span] = {}  # each number's first citation's span, in reading order

    def link_citation(node):
        if not isinstance(node, Citation):
            return node
        if is_bracketed_year(node, len(entries)):
            return Text(node.raw)  # the text's, as written: no citation to count, link or report
        # (GOST's habit, `[10, 81]` for `[10, с. 81]`: English styles never write a page so)
        refs, pages = bare_pages(node, len(entries)) if bib is None and doc.meta.language in ("ru", "kk") else (node.refs, [])
        for label, page in pages:
            findings.append(Diagnostic.at("CIT008", path, node.span, bracket=node.raw, label=label, locator=page, count=len(entries)))
        refs = tuple(dataclasses.replace(ref, entry=resolve(ref)) for ref in refs)
        for ref in refs:
            if ref.entry:
                used.add(ref.entry)
            elif ref.valid:
                findings.append(_unresolved(ref, entries, bib, path, node.span))
            if is_number(ref.label):
                first_cited.setdefault(int(ref.label), node.span)
        return dataclasses.replace(node, refs=refs)

    meta = map_meta_inlines(link_citation, doc.meta)  # the front matter is read first: it counts for CIT003
    blocks = map_inlines(link_citation, doc.blocks)
    # An alphabetical list is not numbered by first citation.
    if not (bib is None and in_name_order([_LIST_NUMBER.sub("", entry.text, count=1) for entry in entries])):
        findings.extend(_out_of_order(first_cited, path))
    blocks, crossref_findings = link_crossrefs(blocks, path)
    findings.extend(crossref_findings)

    author_year = _cited_by_author_year(doc, blocks, entries, path, findings)
    used |= {key for link_ in author_year for key in link_.entries}
    entry_path = bib.path if bib is not None else path
    for entry in entries:
        if entry.key not in used:
            findings.append(Diagnostic.at("CIT002", entry_path, entry.span, entry=entry_name(entry)))
    if not entries and any(True for _ in iter_citations(doc)):
        said = {} if bib is None else {"variant": "file", "file": bib.path}
        if doc.blocks and doc.blocks[-1].span.page is not None:  # a PDF: the end of its last page with text
            last = doc.blocks[-1].span
            findings.append(Diagnostic.at_line("REF001", path, last.end_line, 1, page=last.page, **said))
        else:
            findings.append(Diagnostic.at_line("REF001", path, doc.end_line, 1, **said))

    findings.extend(check_entries(entries, blocks, path, entry_path, expected_form))
    linked = dataclasses.replace(doc, meta=meta, blocks=tuple(blocks), references=tuple(entries), notes=())
    return Linked(linked, tuple(sorted(findings, key=sort_key)), bib.path if bib is not None else None, author_year)


def resolved(ref: CiteRef, by_number: dict[int, Entry], by_key: dict[str, Entry]) -> str | None:
    """The key of the entry `ref` names: `[n]` entry n, `[@key]` and an alphabetic style's label
    (`[Köt16]`) the entry keyed so; None when there is none."""
    if not ref.valid:
        return None
    if ref.label.startswith("@"):
        hit = by_key.get(ref.label[1:])
    elif not is_number(ref.label):
        hit = by_key.get(ref.label)
    elif len(ref.label) < 10:
        hit = by_number.get(int(ref.label))
    else:
        hit = None
    return hit.key if hit else None


def _out_of_order(first_cited: dict[int, Span], path: str) -> list[Diagnostic]:
    """CIT003 for the numbers whose first citations break the order, and only those.

    The numbers that stay in place are the longest run rising in reading order (of several, the
    one keeping the earliest citations); each other number is reported once: cited before a
    smaller kept one (`[33]` written into the introduction of a paper numbered to 32: one
    finding, not one for each of [12]…[32] cited after it), or after a larger one.
    """
    numbers = list(first_cited)
    kept = _longest_rising(numbers)
    findings = []
    for i, n in enumerate(numbers):
        if i in kept:
            continue
        later = next((numbers[j] for j in range(i + 1, len(numbers)) if j in kept), None)
        if later is not None and later < n:
            findings.append(Diagnostic.at("CIT003", path, first_cited[n], variant="early", label=str(n), before=later))
        else:
            earlier = max((numbers[j] for j in range(i) if j in kept), default=0)
            findings.append(Diagnostic.at("CIT003", path, first_cited[n], label=str(n), after=earlier))
    return findings


def _longest_rising(numbers: list[int]) -> set[int]:
    """The positions of a longest rising subsequence of `numbers`, the earliest positions of
    several (quadratic: a paper cites at most a few hundred numbers)."""
    longest = [1] * len(numbers)  # the longest rising run starting at each position
    for i in range(len(numbers) - 2, -1, -1):
        longest[i] = 1 + max((longest[j] for j in range(i + 1, len(numbers)) if numbers[j] > numbers[i]), default=0)
    kept: set[int] = set()
    need, floor = max(longest, default=0), -1  # a .bib may have a key `0`
    for i, n in enumerate(numbers):
        if need and longest[i] == need and n > floor:
            kept.add(i)
            need, floor = need - 1, n
    return kept


def _cited_by_author_year(doc: Document, blocks, entries: list[Entry], path: str, findings: list[Diagnostic]) -> tuple[AuthorYearLink, ...]:
    """The author–year citations of a paper with no bracket citation at all (APA, Harvard; a
    year in square brackets is none: `is_bracketed_year`), linked to its entries; their CIT007 findings are added to `findings`."""
    if not entries or any(not is_bracketed_year(c, len(entries)) for c in iter_citations(doc)):
        return ()
    from .author_year import link_author_year  # on use: a paper with bracket citations or no list never needs it

    links, author_year_findings = link_author_year(blocks, entries, path)
    findings.extend(author_year_findings)
    return tuple(links)


def _indexed(entries: list[Entry]) -> tuple[dict[int, Entry], dict[str, Entry]]:
    """The entries by number and by key (the first of two with the same one)."""
    by_number: dict[int, Entry] = {}
    by_key: dict[str, Entry] = {}
    for entry in entries:
        by_number.setdefault(entry.number, entry)
        by_key.setdefault(entry.key, entry)
    return by_number, by_key


def entry_name(entry: Entry) -> str:
    """An entry as findings name it: `[3]`, or `'key' [3]` when its key is not its number."""
    return f"[{entry.number}]" if entry.key == str(entry.number) else f"'{entry.key}' [{entry.number}]"


def _unresolved(ref: CiteRef, entries: list[Entry], bib: Bibliography | None, path: str, span) -> Diagnostic:
    """CIT001, saying where the entry was looked for: no list at all, the paper's list, or the --bib file."""
    if not entries:
        return Diagnostic.at("CIT001", path, span, variant="no-list", label=ref.label)
    file = {"file": bib.path} if bib is not None else {}
    if ref.label.startswith("@"):
        return Diagnostic.at("CIT001", path, span, variant="key-file" if file else "key", label=ref.label, key=ref.label[1:], **file)
    return Diagnostic.at("CIT001", path, span, variant="file" if file else "", label=ref.label, count=len(entries), **file)


def _duplicate_numbers(entries: list[Entry], path: str) -> list[Diagnostic]:
    seen: dict[int, Entry] = {}
    found = []
    for entry in entries:
        if entry.number in seen:
            first = seen[entry.number].span
            variant = "number-page" if first.page is not None else "number"
            found.append(Diagnostic.at("BIB001", path, entry.span, variant=variant, number=entry.number, line=first.line, page=first.page))
        else:
            seen[entry.number] = entry
    return found
