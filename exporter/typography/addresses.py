"""Where a web address, a DOI or a path may be broken at a line's end: as url.sty and xurl
break them, with no hyphen added (a hyphen there would be read as part of the address). One
rule for the editions: the PDF typesetter weighs these breaks, the LaTeX edition writes them."""

from __future__ import annotations

import re

URL_PENALTY = 200.0  # inside a web address or path, after `/`, `.`, `?`…: no hyphen is added
URL_CHAR_PENALTY = 1000.0  # inside a run of OPAQUE_RUN letters or digits of an address (a hash, a token): a last resort

# Addresses (URLs, DOIs, paths, long identifiers) break as url.sty's \UrlBreaks do: after these
# marks (after the last of a run: `//` stays whole), and before a hyphen (Chicago 6.17: a hyphen
# at a line's end would be read as a hyphenation's, and text extractors drop it as one).
_URL_MARKS = "/.?&=_#;,!|+:"  # url.sty's \UrlBreaks, and its \UrlBigBreaks `:` (never inside the scheme)
_ADDRESS = re.compile(r"(?i)[a-z][a-z0-9+.-]*://|\bwww\.|\bdoi:|\b10\.\d{4,9}/")
OPAQUE_RUN = 20  # letters and digits no mark breaks: longer than any word a reader must see whole
_OPAQUE = re.compile(rf"[^\W_]{{{OPAQUE_RUN},}}")
_SCHEME = re.compile(r"(?i)[^a-z]*([a-z][a-z0-9+.-]*:(?://)?)")  # never broken inside: `https://`, `doi:`


def is_address(text: str) -> bool:
    """A web address, a DOI, a path or a long identifier (`a_long_name.with/parts`): a word
    broken after its marks, never hyphenated."""
    return bool(_ADDRESS.search(text)) or len(text) > 20 and any(mark in text[1:-1] for mark in "/._")


def address_breaks(text: str) -> list[tuple[int, float, bool, bool]]:
    """Where an address may be broken, with no hyphen added: after a run of url.sty's marks,
    before a hyphen, and, as a last resort, inside a long run of letters and digits (as xurl);
    never inside its scheme (`https://`), nor before what ends it (`).`), nor before its first
    letter or digit."""
    scheme = _SCHEME.match(text)
    protected = scheme is not None and ("/" in scheme.group(1) or scheme.group(1).lower() == "doi:")
    start = scheme.end() if protected else 0
    alnum = [i for i, ch in enumerate(text) if ch.isalnum()]
    if not alnum:
        return []
    first, last = max(alnum[0] + 1, start), alnum[-1]
    opaque = set()
    for m in _OPAQUE.finditer(text):  # two letters or digits at least on each side
        opaque.update(range(max(m.start() + 2, first), m.end() - 1))
    out = []
    for i in range(first, last + 1):
        before, after = text[i - 1], text[i]
        if before in _URL_MARKS and after not in _URL_MARKS and after != "-":
            out.append((i, URL_PENALTY, False, False))
        elif after == "-" and before not in _URL_MARKS and before != "-":
            out.append((i, URL_PENALTY, False, False))
        elif i in opaque:
            out.append((i, URL_CHAR_PENALTY, False, False))
    return out


_SPACE_SEPARATED = re.compile(r"\S+")


def with_address_breaks(text: str, mark: str) -> str:
    """`text` with `mark` (a zero-width space for Word, which has no penalties) at each break
    of its web addresses and DOIs after url.sty's marks. Only those: the mark is a character a
    reader copies with the text, so a file name or an identifier is left whole, and so are the
    last-resort breaks inside long runs of letters and digits (the reader's own line breaker
    cuts a word longer than the line)."""
    out, done = [], 0
    for m in _SPACE_SEPARATED.finditer(text):
        word = m.group()
        if not _ADDRESS.search(word):
            continue
        cuts = [at for at, penalty, *_ in address_breaks(word) if penalty <= URL_PENALTY]
        if not cuts:
            continue
        out.append(text[done:m.start()])
        last = 0
        for at in cuts:
            out.append(word[last:at] + mark)
            last = at
        out.append(word[last:])
        done = m.end()
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)
