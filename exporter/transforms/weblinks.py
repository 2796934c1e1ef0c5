"""Web addresses and DOIs written out in the text become links in every edition.

Reference lists print addresses as text (`URL: https://stat.gov.kz/…`, `DOI: 10.1016/…`),
and so do papers taken from PDF text or plain files; a print-ready PDF, a DOCX and the LaTeX
edition make them clickable, as Word does when an address is typed and as GitHub's Markdown
does (its autolink extension, whose rules for where an address ends are followed here). A
DOI after its label (`doi:`, `DOI`) links to https://doi.org/. Text already in a link, code,
a formula or a citation is left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import CONTAINERS, Document, Inline, Link, Text, map_runs

# An address runs to the next space or to a character no address holds unescaped; a DOI is
# taken after its label only (a bare `10.1234/5` may be anything).
_WEB = re.compile(r"(?i)\b(?:https?://|ftp://|www\.)[^\s<>\"«»“”]+")
_DOI = re.compile(r"(?i)\bdoi\s*:?\s*(10\.\d{4,9}/[^\s<>\"«»“”]+)")
# Never an address's last character: the sentence's punctuation (GFM: `https://x.org.` ends
# before `.`), and a footnote's mark glued to it (`http://www.iac.edu.mx/†` in PDF text).
_TRAILING = ".,:;!?'*_~’†‡§¶"
# A tilde as PDF text gives it (LaTeX's `$\sim$` in an address, `∼`, and its look-alikes): the
# address a reader's click must open has `~` (the text still shows what the paper shows).
_TILDES = str.maketrans({"\u223c": "~", "\u02dc": "~", "\uff5e": "~"})
_HOST = re.compile(r"(?i)(?:[a-z][a-z0-9+.-]*://)?([^/?#:]+)")


def address_end(text: str, start: int, end: int) -> int:
    """Where an address found at text[start:end] really ends: its trailing punctuation, and a
    closing bracket it did not open, belong to the sentence (GFM's extended autolink rules)."""
    while end > start:
        last = text[end - 1]
        if last in _TRAILING:
            end -= 1
        elif last in ")]" and text.count("(" if last == ")" else "[", start, end) < text.count(last, start, end):
            end -= 1
        else:
            break
    return end


def _has_domain(address: str) -> bool:
    """Whether the address names a host with a dot in it (`https://x` and `www.` alone are not links)."""
    host = _HOST.match(address)
    name = host.group(1) if host else ""
    return "." in name.strip(".") and not name.startswith(".")


def find_addresses(text: str) -> list[tuple[int, int, str]]:
    """(start, end, target) of each address and DOI in `text`, in order, never overlapping."""
    found = []
    for m in _WEB.finditer(text):
        end = address_end(text, m.start(), m.end())
        address = text[m.start():end]
        if _has_domain(address):
            target = address.translate(_TILDES)
            found.append((m.start(), end, target if "://" in target else "http://" + target))
    for m in _DOI.finditer(text):
        start, end = m.start(1), address_end(text, m.start(1), m.end(1))
        if end > start and not any(s <= start < e for s, e, _ in found):
            found.append((start, end, "https://doi.org/" + text[start:end]))
    return sorted(found)


def linked_run(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """A run with the addresses of its text made links; a run of Text nodes is read as one text
    (an address may stand in two: a DOCX splits runs where it likes)."""
    out: list[Inline] = []
    texts: list[str] = []

    def flush():
        if texts:
            out.extend(_linked_text("".join(texts)))
            texts.clear()

    for node in inlines:
        if isinstance(node, Text):
            texts.append(node.text)
            continue
        flush()
        if isinstance(node, CONTAINERS) and not isinstance(node, Link):
            node = replace(node, inlines=linked_run(node.inlines))
        out.append(node)
    flush()
    return tuple(out)


def _linked_text(text: str) -> list[Inline]:
    found = find_addresses(text) if ("." in text) else []
    if not found:
        return [Text(text)]
    out: list[Inline] = []
    done = 0
    for start, end, target in found:
        if start > done:
            out.append(Text(text[done:start]))
        out.append(Link(target, (Text(text[start:end]),)))
        done = end
    if done < len(text):
        out.append(Text(text[done:]))
    return out


def link_addresses(document: Document) -> Document:
    """The document with every address written out in its blocks a link."""
    return replace(document, blocks=map_runs(linked_run, document.blocks))


def covered_links(inlines: tuple[Inline, ...], links: tuple[tuple[str, str], ...]) -> tuple[Inline, ...]:
    """A formatted entry's inlines with the words a link of the source covered (`Entry.links`:
    a PDF's title linked to its article) in a Link to its address, where the entry prints them
    as they stood (its text as read); words it no longer prints are passed over."""
    out = tuple(inlines)
    for words, address in links:
        for k, node in enumerate(out):
            if isinstance(node, Text) and (at := node.text.find(words)) >= 0:
                pieces = [Text(node.text[:at])] if at else []
                pieces.append(Link(address, (Text(words),)))
                if at + len(words) < len(node.text):
                    pieces.append(Text(node.text[at + len(words):]))
                out = out[:k] + tuple(pieces) + out[k + 1 :]
                break
    return out
