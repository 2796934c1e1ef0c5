"""The title block in other languages, as every reader keeps it: a Russian or Kazakh paper
prints its title, author and affiliation lines again in English (and Kazakh or Russian), at the
top or after its reference list. Each block's language is told from its own text
(exporter/language.py), never from where it stands; what a paper does not print stays empty."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..language import detect_language
from ..model import Inline, Meta, Text, TitleTranslation


def translation(title: str | Sequence[Inline] | None, authors: Iterable[str] = (), affiliations: Iterable[str] = ()) -> TitleTranslation | None:
    """A block from what a reader found: its language is the title's, else its author lines'
    (an English by-line under a Russian title block with no English title); None when empty."""
    if isinstance(title, str):
        run = (Text(" ".join(title.split())),) if title.strip() else ()
    else:
        run = tuple(title or ())
    authors, affiliations = tuple(a for a in authors if a.strip()), tuple(a for a in affiliations if a.strip())
    text = " ".join(node.text for node in run if isinstance(node, Text)) or " ".join(authors)
    if not text.strip():
        return None
    return TitleTranslation(detect_language(text), run, authors, affiliations)


_LABELLED = re.compile(r"^[^:]{1,40}:\s")  # `FIELD OF STUDY: …`, `DOI: 10.…`, `Thesis: «…»`
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LEADER = re.compile(r"(?:\.\s?){4,}|…{2,}|_{4,}")  # a contents line's leader (`RidgeClassifier ........ 12`)
MIN_TITLE_WORDS = 3  # `Thesis supervisor`, `«Data Science»`: a role or a course's name, no title


def may_be_title(text: str) -> bool:
    """Whether a line a reader found in another language's place can be that language's title:
    three words or more, no label opening it (a field's name and a colon, `DOI:`), no contents
    line's leader dots, and an English one holds no Cyrillic letter (`Matplotlib, Seaborn и
    Plotly»` is a piece of the Russian title)."""
    words = text.split()
    if len(words) < MIN_TITLE_WORDS or (m := _LABELLED.match(text)) and len(m.group(0).split()) <= 3 or _LEADER.search(text):
        return False
    return detect_language(text) != "en" or not _CYRILLIC.search(text)


def kept(own: str, found: Iterable[TitleTranslation | None]) -> tuple[TitleTranslation, ...]:
    """The blocks in languages other than `own` (the title's), one per language in the order
    first printed: a later part of the same language fills only what the first lacked (a
    by-line read apart from its title), never replaces it."""
    out: dict[str, TitleTranslation] = {}
    for block in found:
        if block is None or block.language == own:
            continue
        have = out.get(block.language)
        if have is None:
            out[block.language] = block
            continue
        out[block.language] = TitleTranslation(
            have.language, have.title or block.title, have.authors or block.authors, have.affiliations or block.affiliations
        )
    return tuple(out.values())


def translated(meta: Meta, found: Iterable[TitleTranslation | None]) -> tuple[TitleTranslation, ...]:
    """The blocks `kept` beside the title the reader settled on (its language may not be the
    one the blocks were first read against: a line-role model or a title page can choose
    another), none repeating that title."""
    own = (meta.title_text or "").casefold()
    return kept(meta.title_language, (b for b in found if b is None or not own or (b.title_text or "").casefold() != own))
