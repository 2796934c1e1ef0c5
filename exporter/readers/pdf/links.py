"""What a PDF's link annotations say: the words a web link covers (layout.Line.links) become
a Link node over them, as the DOCX and Markdown readers give a hyperlink, so every edition
keeps the link the author's PDF had (`[источник]`, `GitHub`, a DOI in a note).

The links come from the lines; this module maps them onto a block's joined text (lines
joined, hyphens repaired) and wraps the nodes there: one Link over a run that goes on over
a line's end. Citations and cross-references stay outside any link (the checks count them
at the block's top level); a piece of code goes in a link when the link covers all of it."""

from __future__ import annotations

import dataclasses
import re
from itertools import groupby
from urllib.parse import unquote

from ...citations import Joined
from ...model import Citation, Code, CrossRef, Emph, Entry, Link, Strong, Text
from .layout import Line, joined_values


def joined_addresses(joined: Joined, lines: dict[int, Line]) -> list[str | None]:
    """The link address of each character of `joined.text` (None for none), read from the
    line each token stands on (`lines` by the joining's line numbers); the spaces between two
    characters of one link (a line's end between them) are the link's."""
    addresses: list[str | None] = joined_values(joined, lines, lambda line: line.links, None)
    last = None  # the last linked character so far
    for k, address in enumerate(addresses):
        if address is None:
            continue
        if last is not None and addresses[last] == address and k > last + 1 and joined.text[last + 1 : k].isspace():
            addresses[last + 1 : k] = [address] * (k - last - 1)
        last = k
    return addresses


def _link_spans(addresses: list[str | None]) -> list[tuple[int, int]]:
    """[start, end) of each run of characters of one link."""
    spans = []
    k = 0
    while k < len(addresses):
        end = k + 1
        while end < len(addresses) and addresses[end] == addresses[k]:
            end += 1
        if addresses[k] is not None:
            spans.append((k, end))
        k = end
    return spans


_PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»", "“": "”", "„": "“", "‘": "’"}
_CLOSING = {")": "(", "]": "[", "}": "{", "»": "«", "”": "“", "“": "„", "’": "‘"}
_SENTENCE_MARKS = ".,:;!?"


def _loose(text: str, start: int, end: int, at: int) -> bool:
    """Whether the character at `at` (a link run's first or last, the run text[start:end]) is
    the sentence's rather than the link's: a space, the sentence's punctuation after it, a
    bracket or quote the run does not close (or open)."""
    ch = text[at]
    if ch.isspace():
        return True
    if ch in "\"'":
        return text.count(ch, start, end) % 2 == 1
    if at == start:
        return ch in _PAIRS and text.count(_PAIRS[ch], start, end) < text.count(ch, start, end)
    return ch in _SENTENCE_MARKS or (ch in _CLOSING and text.count(_CLOSING[ch], start, end) < text.count(ch, start, end))


def _trimmed(addresses: list[str | None], text: str, kept: list[tuple[int, int]]) -> list[str | None]:
    """The links' characters less what is the sentence's at either end of a run (`_loose`: a
    link's rectangle reaches over the comma after an address, half over a bracket before it;
    brackets around the whole run); a run over any of the `kept` ranges (a citation's, a
    cross-reference's: `Tables S5 and S6` linked to a journal's supplement) is no link: those
    are the reader's own."""
    out = list(addresses)
    for start, end in _link_spans(addresses):
        if any(a < end and start < b for a, b in kept):
            out[start:end] = [None] * (end - start)
            continue
        first, last = start, end
        while True:
            while first < last and _loose(text, first, last, first):
                first += 1
            while last > first and _loose(text, first, last, last - 1):
                last -= 1
            if not (last - first > 2 and _PAIRS.get(text[first]) == text[last - 1]):
                break
            first, last = first + 1, last - 1  # `(http://www.norstat.de/)`: the brackets are the sentence's
        out[start:first] = [None] * (first - start)
        out[last:end] = [None] * (end - last)
    return out


def linked(inlines: tuple, joined: Joined, lines: dict[int, Line]) -> tuple:
    """`inlines` (Text, Citation, CrossRef nodes and `faces.styled`'s Emph, Strong and Code,
    covering `joined.text` in order) with each run the lines' links cover wrapped in a Link
    to its address; a node a link covers in part is cut where the link begins or ends."""
    if not any(lines[n].links for n in {number for number, _ in joined.places} if n in lines):
        return inlines
    addresses = joined_addresses(joined, lines)
    if not any(addresses):
        return inlines
    kept, offset = [], 0
    for node in inlines:
        length = _covered(node)
        if isinstance(node, Citation | CrossRef):
            kept.append((offset, offset + length))
        offset += length
    addresses = _trimmed(addresses, joined.text, kept)
    pieces: list[tuple[object, str | None]] = []
    offset = 0
    for node in inlines:
        length = _covered(node)
        pieces.extend(_pieces(node, addresses[offset : offset + length]))
        offset += length
    out: list = []
    for address, run in groupby(pieces, key=lambda piece: piece[1]):
        nodes = [node for node, _ in run]
        out.extend(nodes if address is None else [Link(address, tuple(nodes))])
    return tuple(out)


def _covered(node) -> int:
    """How much of the joined text a node covers (styled's wrappers: their words')."""
    if isinstance(node, Text | Code):
        return len(node.text)
    if isinstance(node, Emph | Strong | Link):
        return sum(_covered(n) for n in node.inlines)
    return len(getattr(node, "raw", ""))  # a citation, a cross-reference


def _pieces(node, addresses: list[str | None]) -> list[tuple[object, str | None]]:
    """The node cut where its characters' link changes: (piece, its address or None)."""
    kinds = set(addresses)
    if isinstance(node, Text):
        if len(kinds) <= 1:
            return [(node, addresses[0] if addresses else None)]
        out, start = [], 0
        for address, same in groupby(addresses):
            end = start + len(list(same))
            out.append((Text(node.text[start:end]), address))
            start = end
        return out
    if isinstance(node, Code):  # in a link only when the link covers all of it
        return [(node, addresses[0] if len(kinds) == 1 else None)]
    if isinstance(node, Emph | Strong):
        if len(kinds) <= 1:
            return [(node, addresses[0] if addresses else None)]
        inner, offset = [], 0
        for child in node.inlines:
            length = _covered(child)
            inner.extend(_pieces(child, addresses[offset : offset + length]))
            offset += length
        return [(dataclasses.replace(node, inlines=tuple(n for n, _ in run)), address) for address, run in groupby(inner, key=lambda piece: piece[1])]
    return [(node, None)]  # a citation, a cross-reference: never inside a link


_DOI_ADDRESS = re.compile(r"(?i)^https?://(?:dx\.)?doi\.org/(10\.\d{4,9}/\S+)$")
_SHOWN_ADDRESS = re.compile(r"(?i)^(?:https?://|ftp://|www\.)")  # words that print an address
_SCHEME = re.compile(r"(?i)^(?:https?://|ftp://|mailto:)?(?:www\.)?")


def _bare(address: str) -> str:
    """An address as printed text may give it: no scheme, no `www.`, no spaces or final slash, lower case."""
    return "".join(_SCHEME.sub("", unquote(address)).split()).rstrip("/").lower()


def _printed_words(text: str) -> str:
    """A link's words on its line as the entry's joined text holds them: no space or sentence
    mark at either end, no hyphen the line's end repaired."""
    return text.strip().rstrip("-\u00ad").strip(" ,;:")


def entry_with_links(entry: Entry, lines: list[Line]) -> Entry:
    """The reference entry with its lines' web links (`Entry.links`: the words each covers, as
    its text prints them, the editions' list links them there), and with the web addresses its lines' links open kept as its fields,
    where its text lost them: a DOI link (`https://doi.org/10.…`) over any of its words (ACS,
    Nature: the title or the journal linked to the article, no DOI printed) as `doi`, and a
    link over a printed address the entry read no `url` of (broken over a line's end) as
    `url` (the link opening the address it prints), when the entry has no such field: the editions' lists are set from the fields, and
    the DOI or the address stays clickable there. A link over other words to elsewhere (a
    publisher's `Google Scholar`, `PubMed Abstract`, a reference hub) is left: set as a field
    it would print an address the paper never printed. `lines`: the reader's lines, the
    entry's span counting them from 1."""
    covered = [(line.text[start:end], address) for line in lines[entry.span.line - 1 : entry.span.end_line] for start, end, address in line.links]
    if not covered:
        return entry
    entry = dataclasses.replace(entry, links=tuple(dict.fromkeys((words, address) for text, address in covered if len(words := _printed_words(text)) >= 2 and words in entry.text)))
    fields = dict(entry.fields)
    printed = "".join(" ".join([entry.text, *fields.values()]).split()).lower()
    added: list[tuple[str, str]] = []
    for text, address in covered:
        doi = _DOI_ADDRESS.match(address)
        name, value = ("doi", unquote(doi.group(1))) if doi else ("url", address)
        if name in fields or _bare(value) in printed:
            continue
        if not doi and ("doi" in fields or not _SHOWN_ADDRESS.match(text.strip()) or not _bare(address).startswith(_bare(text)[:12])):
            continue  # a link over other words, or over an address it does not open (`https://doi.org/https://…`, escaped `%5C%2F`)
        fields[name] = value
        added.append((name, value))
    return dataclasses.replace(entry, fields=entry.fields + tuple(added)) if added else entry
