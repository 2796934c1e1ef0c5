"""Section headings a Word author made without a heading style: typed with their numbers into plain
paragraphs (`1. Введение`, `2.1 Results`), or set apart in bold alone (`Актуальность`, `Value of the Data`)
or in a larger type alone (`Введение` in 14 pt over 12 pt text)."""

from __future__ import annotations

import re

from ...references.ownlist import reads_as_reference
from ..plaintext.sections import in_sequence, numbering_level, top_number
from collections import Counter

from .body import MATH_MARK, Para, text_sizes

# More than one sentence (`… финансах. Это …`, `… [Сеанс MS-DOS]. Появится …`): running text, whatever its number.
_SENTENCE_INSIDE = re.compile(r"(?:[^\W\d_]{2}|[)\]»”\"])[.!?]\s+\S")
# A line of the paper's contents: its page number after leaders, a tab or a wide gap (`2. Методы ....... 7`).
CONTENTS_LINE = re.compile(r"(?:\.{3,}|…|\t|\s{3,})\s*\d{1,3}\s*$")
MAX_WORDS = 14  # words after the number: a longer paragraph is a numbered sentence, not a heading
SET_APART_WORDS = 10  # words of a heading set apart in bold alone
# Words from which a paragraph that ends a sentence, or holds more than one, is running text
# even in a heading style: the longest real headings of 223 unseen Word papers have 22 words
# (a title with its subtitle), the shortest paragraph of text set in `Heading 1` by mistake 26.
RUNNING_WORDS = 25


def _text(para: Para) -> str:
    return " ".join(para.text.replace(MATH_MARK, " ").split())


def running_text(para: Para) -> bool:
    """A paragraph of text, whatever its style: at least `RUNNING_WORDS` words that end a
    sentence or hold more than one (an abstract or a body paragraph an author set in
    `Heading 1`, which Word may show as plain text: a heading it is not)."""
    text = _text(para)
    return len(text.split()) >= RUNNING_WORDS and (text.endswith((".", "!", "?", "…")) or _SENTENCE_INSIDE.search(text) is not None)


def _listed(para: Para) -> bool:
    """A paragraph of a list or the contents (a list style, a contents style `toc 1`, a page
    number after leaders or a tab), or of more than one line: never a heading."""
    name = para.style_name.lower()
    return name.startswith(("list", "toc", "оглавление", "table of contents")) or "\n" in para.text.strip() or CONTENTS_LINE.search(para.text) is not None


def _candidate(para: Para) -> tuple[int, str] | None:
    """(level, text after the number) for a paragraph that reads as a typed-numbered heading:
    not in Word's own numbering, a list style or a table, one line of at most `MAX_WORDS`
    words after the number that opens with a capital, ends with no `,` `;` `:` and holds one
    sentence at most, and is no reference entry (`reads_as_reference`)."""
    if para.number is not None or para.in_table or _listed(para):
        return None
    text = _text(para)
    numbered = numbering_level(text)
    if numbered is None or not numbered[1][:1].isupper() or not any(ch.isalpha() for ch in numbered[1]):
        return None
    rest = numbered[1]
    if len(rest.split()) > MAX_WORDS or rest.endswith((",", ";", ":")) or _SENTENCE_INSIDE.search(rest) or reads_as_reference(text):
        return None
    return numbered


def _same_depth_next(a: str, b: str) -> bool:
    """`b` carries the number right after `a`'s at the same depth (`2.` then `3.`, `2.1` then `2.2`)."""
    x, y = (re.match(r"^((?:\d{1,2}\.)*\d{1,2})\.?\s", t) for t in (a, b))
    if not x or not y:
        return False
    p, q = x.group(1).split("."), y.group(1).split(".")
    return len(p) == len(q) and p[:-1] == q[:-1] and int(q[-1]) == int(p[-1]) + 1


def typed_headings(paras: list[Para], start: int, end: int, skip: set[int]) -> dict[int, int]:
    """{paragraph index: level} for the section headings typed with their numbers among
    `paras[start:end]` (indexes in `skip`, captions and such, left out).

    Rule: a paragraph reads as one (`_candidate`) and stands apart from its neighbours: neither
    the paragraph with text before it nor the one after carries the number next to its own at
    the same depth (`2. Сбор данных` over `3. Обработка`: a typed list); and the numbers keep the
    section numbering across the paper (`in_sequence`: `1.`, `2.`, `2.1`, `3.` …). A numbered
    list keeps its items together; headings stand apart over the text of their sections.
    """
    filled = [k for k in range(start, end) if paras[k].text.strip()]
    found = []
    for n, k in enumerate(filled):
        if k in skip or (numbered := _candidate(paras[k])) is None:
            continue
        text = _text(paras[k])
        before = _text(paras[filled[n - 1]]) if n > 0 else ""
        after = _text(paras[filled[n + 1]]) if n + 1 < len(filled) else ""
        if _same_depth_next(before, text) or _same_depth_next(text, after) or not after:
            continue
        found.append((k, numbered[0], top_number(text)))
    kept = in_sequence([(k, level, number if number is not None else 0) for k, level, number in found])
    return {k: level for k, level, _ in found if k in kept}


def _bold(para: Para) -> bool:
    texts = [a for a in para.atoms if a.kind == "text" and a.text.strip()]
    return bool(texts) and all(a.looks_bold for a in texts)


def _larger(para: Para, body_size: float | None) -> bool:
    """Every run of the paragraph with text sets its own type size, at least a point above the
    body's (`body_size`)."""
    sizes = text_sizes(para)
    return body_size is not None and bool(sizes) and None not in sizes and min(sizes) >= body_size + 1


def body_type_size(paras: list[Para]) -> float | None:
    """The type size most of the body's text is set in, where the runs set it themselves: the
    size of the most characters among the paragraphs set in one size, when those are at least
    half the text; None otherwise (sizes from the styles, or mixed)."""
    sized: Counter = Counter()
    total = 0
    for para in paras:
        length = len(para.text.strip())
        total += length
        sizes = set(text_sizes(para))
        if length and len(sizes) == 1 and None not in sizes:
            sized[sizes.pop()] += length
    if not sized:
        return None
    size, count = sized.most_common(1)[0]
    return size if count * 2 >= total else None


def _set_apart(para: Para, after: Para | None, body_size: float | None = None, by_size: bool = False) -> bool:
    """A paragraph that reads as a heading set apart by its type alone: one line of at most
    `SET_APART_WORDS` words, opening with a capital, holding no colon (`Ключевые слова: …` is a
    labelled field) and ending with no `.`, `,` or `;`, every letter bold or every letter in a
    type at least a point larger than the body's (`_larger`), not in Word's numbering, a list
    style or a table, over the section's text: a paragraph set in neither way that is longer or
    a sentence of its own however short (`Data were pooled.`), or one that opens what follows
    with a colon, set apart or not (`Распространенные виды RAM:` over a list). A line in a larger
    type may end with a full stop (`Начальные условия и параметры.` in 14 pt over 12 pt text).
    `by_size`: only a larger type sets it apart (a paper with heading styles, where a bold line
    is a run-in label)."""
    text = _text(para)
    if para.number is not None or para.in_table or _listed(para):
        return False
    larger = _larger(para, body_size)
    stops = (",", ";") if larger else (".", ",", ";")
    if not text[:1].isupper() or ":" in text or text.endswith(stops) or len(text.split()) > SET_APART_WORDS or sum(map(str.isalpha, text)) < 3:
        return False
    bold = _bold(para) and not by_size
    if not bold and not larger or after is None:
        return False
    following = _text(after)
    if _bold(after) or not bold and _larger(after, body_size):
        return following.endswith(":")
    return len(following) > len(text) or following.endswith((".", ":", "!", "?"))


def set_apart_headings(paras: list[Para], start: int, end: int, skip: set[int]) -> dict[int, int]:
    """{paragraph index: level} for the headings of a paper that sets its sections apart in bold
    or a larger type alone (`_set_apart`), when it uses no heading style in its body and has at
    least two such paragraphs: a paper's sections are several, and one bold line alone is
    emphasis. A paper with heading styles has its sections there, a bold line among them a
    run-in label; those set apart in a larger type than the body's are headings there too
    (a paper styling some headings and sizing the others). Levels: where the first is centred and others are not, the centred ones head
    the sections and the others their subsections (GOST's habit: sections centred, subsections
    from the indent); otherwise all are sections."""
    styled = any(p.outline is not None or p.style_name.lower().startswith("heading") for p in paras[start:end])
    filled = [k for k in range(start, end) if paras[k].text.strip() and not paras[k].in_table]
    body_size = body_type_size([paras[k] for k in filled])
    found = [k for n, k in enumerate(filled) if k not in skip and paras[k].outline is None and _set_apart(paras[k], paras[filled[n + 1]] if n + 1 < len(filled) else None, body_size, styled)]
    if len(found) < 2:
        return {}
    two_levels = paras[found[0]].centered and not all(paras[k].centered for k in found)
    return {k: 1 if paras[k].centered or not two_levels else 2 for k in found}


def section_headings(paras: list[Para], start: int, end: int, skip: set[int]) -> dict[int, int]:
    """{paragraph index: level} for the headings made without a heading style among
    `paras[start:end]`: typed with their numbers (`typed_headings`), else set apart in bold
    alone (`set_apart_headings`)."""
    return {**set_apart_headings(paras, start, end, skip), **typed_headings(paras, start, end, skip)}
