"""Finding citations in paragraph text: `[12]`, `[1, 2]`, `[1–3]`, `[12, б. 45]`, `[@key]`."""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from .diagnostics import Diagnostic, InputError
from .model import Citation, CiteRef, Code, CrossRef, Emph, Inline, Link, Span, Strong, Superscript, Text

# A range wider than this is taken for a typo, not expanded: `[1–100000]` must not eat memory.
MAX_RANGE = 200
# Labels (each number of a range counts) one paper may hold: `[1–199]` repeated would
# otherwise turn a 100 KB file into gigabytes of findings.
MAX_LABELS = 500_000

_DASH = r"[-–—]"
_NUM = r"\d{1,12}"
# Locators: `p. 45`, `pp. 4–5`, `с. 45`, `б. 45`, `стр. 3`, `S. 7`, or `45 б.` written after the number.
_LOC_WORD = r"(?:pp?|P|S|s|с|c|б|бб|стр|т|Т|vol|ch|гл|§)\.?"
_LOC_NUM = rf"[\dIVXLCivxlc]+(?:\s*{_DASH}\s*[\dIVXLCivxlc]+)?"
_LOCATOR = rf"(?:{_LOC_WORD}\s*{_LOC_NUM}|{_NUM}(?:\s*{_DASH}\s*{_NUM})?\s*(?:б|с|p|pp|бб)\.)"
_ITEM = rf"(?P<a>{_NUM})(?:\s*{_DASH}\s*(?P<b>{_NUM}))?"
_KEY = r"-?@[\w:./+-]*\w"  # `-@key`: pandoc's author suppressed (a numeric style prints the same)
# An alphabetic style's label (amsalpha, biblatex's `alphabetic`): letters of the authors' names,
# a `+` for more of them, two digits of the year and a letter telling two works apart: `[Köt16]`,
# `[RS12]`, `[ABC+19]`, `[Knu84a]`, `[vdH18]` (a name's particle in small letters first; a letter
# may carry a combining accent, as pdftotext gives `Ko\u0308t16`). Read as a citation only in a
# paper whose own list is labelled so (`find_citations`' `labels`).
ALPHA_LABEL = r"(?:[a-z]{1,3})?[A-ZА-ЯЁÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞŁŃŇŐŒŘŚŞŠŢŤŰŹŻŽ](?:[^\W\d_][\u0300-\u036f]?|\+){0,6}\d{2}[a-z]?"
_ALPHA_ITEM = re.compile(ALPHA_LABEL)
_LOCATOR_CHARS = 40  # `Thm. 2`, `Lemma 2.8`, `Section 3.1`, `p. 45`: a locator after an alphabetic label

# Any bracket without nested brackets; its content is then read by the grammar below.
_BRACKET = re.compile(r"\[([^\[\]\n]{0,200})\]")
# Numbers parted by one Cyrillic letter, `[3ы4]`, `[3б4]`: a separator typed in the other keyboard
# layout (`б` is the comma's key there). No math or code writes a Cyrillic letter between numbers.
_MISTYPED_SEPARATOR = re.compile(r"\d{1,4}(?:\s?[,;]\s?\d{1,4})*[а-яёәғқңөұүһі]\d{1,4}(?:\s?[,;]\s?\d{1,4})*")
_NUMERIC_BODY = re.compile(
    rf"\s*{_NUM}(?:\s*{_DASH}\s*{_NUM})?(?:\s*[,;]\s*(?:{_LOCATOR}|{_NUM}(?:\s*{_DASH}\s*{_NUM})?))*\s*"
)
_KEY_BODY = re.compile(rf"\s*{_KEY}(?:\s*,\s*{_LOCATOR})?(?:\s*;\s*{_KEY}(?:\s*,\s*{_LOCATOR})?)*\s*")
_PART = re.compile(rf"\s*(?:(?P<loc>{_LOCATOR})|{_ITEM}|(?P<key>{_KEY}))\s*")
_LOOKS_NUMERIC = re.compile(r"\s*\d")
# Two or more numbers with decimal fractions, or one below 1 (`[0.058, 0.115]`, `[0.03 0.37]`,
# `[9.8, 98.0]`, `[0,5; 1,2]`): a confidence interval or a range of measures, never a list's
# labels, which are whole numbers from 1: left as text without a finding (`[1.]`, `[1.2]`, a
# typo for a citation, are still reported).
_DECIMAL = r"\s*[-–]?\d+[.,]\d+\s*"
_DECIMAL_COMMA = re.compile(r"\d,0\d")  # `16,057`: a fraction's digits after a decimal comma
_MEASURES = re.compile(rf"(?:{_DECIMAL}[,;]?){{1,}}{_DECIMAL}|\s*[-–]?0[.,]\d+\s*(?:[,;]?{_DECIMAL})*")


@dataclass(frozen=True, slots=True)
class Found:
    """A citation found in text: its offsets, the raw bracket, its refs, and any problem."""

    start: int
    end: int
    raw: str
    refs: tuple[CiteRef, ...]
    problem: tuple[str, str] | None = None  # CIT004 (a bad range): its variant (reversed, wide) and the range as written


@dataclass(frozen=True, slots=True)
class Malformed:
    """A bracket that is not read as a citation but is reported: CIT005 (looks like one but
    cannot be read) or CIT006 (reads like one but the evidence says code or math)."""

    start: int
    raw: str
    code: str = "CIT005"
    why: tuple[str, dict] | None = None  # CIT006: why it reads as code or math (a variant and its arguments)


class TooManyLabels(Exception):
    """More than `limit` labels and unreadable brackets; `start` is the offset of the one too many."""

    def __init__(self, start: int):
        super().__init__(start)
        self.start = start


# Words a citation may hold around its numbers: `[see 4]`, `[см. 4]`, `[32–34 и др.]`,
# `[4, 5, etc.]`, `[4, 5 және т.б.]`. They are kept in the raw text and cite nothing.
_CITE_PREFIX = re.compile(r"\s*(?:see(?:\s+also)?|cf\.|e\.\s?g\.,?|напр\.|например|см\.(?:\s+также)?|қараңыз|қар\.)\s+", re.IGNORECASE)
_CITE_SUFFIX = re.compile(
    r"(?:\s*,)?\s+(?:и\s+др\.|и\s+т\.\s?д\.|и\s+другие|etc\.|et\s+al\.|and\s+others|және\s+т\.\s?б\.|т\.\s?б\.|және\s+басқалар)\s*$",
    re.IGNORECASE,
)


def _words_around(body: str) -> tuple[int, int]:
    """Offsets in `body` of the part between a leading word (`see`) and a trailing one (`и др.`)."""
    start, end = 0, len(body)
    m = _CITE_PREFIX.match(body)
    if m:
        start = m.end()
    m = _CITE_SUFFIX.search(body, start)
    if m:
        end = m.start()
    return start, end


def find_citations(
    text: str, limit: int = MAX_LABELS, entries: int | None = None, line_starts: frozenset[int] = frozenset(), labels: frozenset[str] = frozenset(),
) -> tuple[list[Found], list[Malformed]]:
    """Return the citations in `text` in order, and brackets reported rather than read.

    `entries` is the size of the paper's list when it is known: a number beyond it is
    evidence against a citation. `labels` are the list's alphabetic labels when it is labelled
    so (`[Köt16]`): then a bracket of such labels is a citation (`alpha_refs`). `line_starts` are offsets where a source line began: what
    stands glued before a bracket there was glued by joining the lines, not by the author. Brackets that hold numbers but are intervals, indices or
    code are left as text (see `not_a_citation`); doubtful ones are reported as CIT006.
    Raises TooManyLabels past `limit` labels and unreadable brackets, before they fill memory.
    """
    found: list[Found] = []
    malformed: list[Malformed] = []
    count = 0
    rejected_end = -1  # where the last bracket taken for math or code ended
    for match in _BRACKET.finditer(text):
        body = match.group(1)
        a, b = _words_around(body)
        inner = body[a:b]
        if _MEASURES.fullmatch(inner) and _DECIMAL_COMMA.search(inner):
            continue  # `[4,627; 16,057]`: numbers with decimal commas (no label has a leading zero), an interval
        if _NUMERIC_BODY.fullmatch(inner) or (a == 0 and b == len(body) and _KEY_BODY.fullmatch(body)):
            refs, problem = _parse_body(inner, 1 + a)
            verdict = not_a_citation(text, match.start(), match.end(), refs, entries, rejected_end, match.start() in line_starts)
            if verdict is None:
                found.append(Found(match.start(), match.end(), match.group(0), refs, problem))
                count += len(refs)
            else:
                rejected_end = match.end()
                doubtful, why = verdict
                if doubtful:
                    malformed.append(Malformed(match.start(), match.group(0), "CIT006", why))
                    count += 1
        elif labels and (alpha := alpha_refs(inner, 1 + a)):
            found.append(Found(match.start(), match.end(), match.group(0), alpha))
            count += len(alpha)
        elif _LOOKS_NUMERIC.match(body) and (re.fullmatch(r"[\d\s,;.\-–—]+", body) or _MISTYPED_SEPARATOR.fullmatch(body)) and not _MEASURES.fullmatch(body):
            malformed.append(Malformed(match.start(), match.group(0)))
            count += 1
        if count > limit:
            raise TooManyLabels(match.start())
    return found, malformed


# ---- brackets with numbers that are not citations --------------------------------------------
# Each rule returns why the bracket is not a citation, or None. Certain ones are left as text
# silently; doubtful ones are reported (CIT006) so that a real citation is never lost unseen.

_OPERATOR_BEFORE = set("^_=/(<>|\\{&")  # not `*` nor `+`: `D*[6]`, `C++[3]` name algorithms and languages
_SET_SIGN_BEFORE = re.compile(r"([∈∉⊂⊆⊃⊇∋=])\s?$")  # and an assignment's `=` with its space: `inputShape = [100, 100, 1]`
# A word naming an interval right before a bracket of two rising numbers, one of which no entry
# has (or with no list): `интервал [10, 35]`, `in the range [750, 850]`, `в диапазоне [600, 850]`.
_INTERVAL_WORD = re.compile(r"(?<![^\W\d_])(интервал\w*|отрез\w*|диапазон\w*|промежут\w*|аралы\w*|intervals?|range|segment)\s?$", re.IGNORECASE)
_IDENTIFIER_BEFORE = re.compile(r"(?:(?<=\.)|\b)([A-Za-z_][A-Za-z0-9_]*)$")
_CODE_NEAR = re.compile(r"[A-Za-z_]\.[A-Za-z_]\w*\(|[A-Za-z_]\w*\[[A-Za-z_]|[=!:<>+\-*/]=|->")
_JOINER = re.compile(r"\s*(?:[,;]|\s(?:и|или|and|or|және|немесе))?\s*$", re.IGNORECASE)


def _numbers(refs: tuple[CiteRef, ...]) -> list[int]:
    return [int(r.label) for r in refs if r.label.isdecimal()]


def zero_label(refs) -> tuple[str, dict] | None:
    """Numbered lists start at 1: a bracket holding 0 is an interval or an index (`[0, 1]`,
    `axs[0]`). Applied when the paper has its own numbered list, or to an index glued to a name."""
    return ("zero", {}) if 0 in _numbers(refs) else None


def operator_before(text: str, start: int) -> tuple[str, dict] | None:
    """An operator, or an opening parenthesis glued to a name or a closing bracket, glued to the
    bracket makes it math or code: `y^[1]`, `x_[2]`, `np.array([1, 2, 3])`, `f(x)([2])`. A
    parenthesis after a space is prose's: `хорошо развитой ([6])`, `(see [3])`."""
    if not start or text[start - 1] not in _OPERATOR_BEFORE:
        return None
    if text[start - 1] == "(" and not (start > 1 and (text[start - 2].isalnum() or text[start - 2] in "_)].")):
        return None
    return ("operator", {"character": text[start - 1]})


def set_sign_before(text: str, start: int) -> tuple[str, dict] | None:
    """A set's sign before the bracket makes it an interval, an equals sign a value: `N ∈ [750,
    850]`, `x ∉ [0, 1]`, `] = [10, 40]`, `shape = [100, 100, 1]`."""
    m = _SET_SIGN_BEFORE.search(text, max(0, start - 3), start)
    return ("operator", {"character": m[1]}) if m else None


def identifier_before(text: str, start: int) -> tuple[str, bool] | None:
    """The Latin identifier glued to the bracket, and whether only code writes it so.

    `np.x[3]`, `x1[2]`, `my_var[4]` are indices. Words glued to a citation are common in real
    papers (`underestimated[3]`, `Map[16]`, `PRM[3]`, `логистике[1]`): a plain word is no
    evidence by itself (see `not_a_citation` for a word with a number beyond the list).
    """
    window = text[max(0, start - 40) : start]
    m = _IDENTIFIER_BEFORE.search(window)
    if m is None:
        return None
    name = m.group(1)
    dotted = m.start() > 0 and window[m.start() - 1] == "."
    return name, dotted or any(c.isdigit() or c == "_" for c in name)


def not_a_citation(text: str, start: int, end: int, refs, entries: int | None, rejected_end: int, opens_line: bool = False) -> tuple[bool, tuple[str, dict]] | None:
    """(doubtful, why) when the numbered bracket at text[start:end] is not a citation, else None;
    `why` is a CIT006 variant and its arguments.

    `opens_line`: the bracket began a source line, so nothing was glued to it by its author.
    """
    glued = None if opens_line else identifier_before(text, start)
    # A numbered list starts at 1; a .bib file (no list of the paper's own) may have a key `0`.
    why = zero_label(refs) if entries or glued else None
    why = why or (None if opens_line else operator_before(text, start) or set_sign_before(text, start))
    if why:
        return False, why
    numbers = _numbers(refs)
    beyond = bool(entries) and bool(numbers) and max(numbers) > entries
    # A number beyond the list alone is a citation whose entry is missing (CIT001 says so);
    # glued to a word as well, it is an index: `state[764]`.
    if glued and beyond:
        return False, ("beyond", {"word": glued[0], "number": max(numbers), "count": entries})
    if glued and glued[1]:
        return True, ("identifier", {"word": glued[0]})
    near = text[max(0, start - 30) : start] + " " + text[end : end + 30]
    if _CODE_NEAR.search(near):
        return True, ("code", {})
    named = _INTERVAL_WORD.search(text, max(0, start - 30), start)
    if named and len(numbers) == 2 and numbers[0] < numbers[1] and (not entries or numbers[1] > entries):
        return True, ("named", {"word": named[1]})
    if len(numbers) == 2 and numbers[0] < numbers[1] and rejected_end >= 0 and start - rejected_end <= 12 and _JOINER.fullmatch(text[rejected_end:start]):
        return True, ("interval", {})
    return None


def cited_numbers(text: str) -> set[int]:
    """The numeric labels cited in `text` (each number of a range)."""
    found, _ = find_citations(text)
    return {int(ref.label) for cite in found for ref in cite.refs if ref.label.isdecimal()}


def _parse_body(body: str, base: int = 1) -> tuple[tuple[CiteRef, ...], tuple[str, str] | None]:
    """Split a citation body into refs: each number, each number of a range, each key.

    A locator belongs to the label just before it (`[12, б. 45]`, `[@a, p. 3; @b]`). Each ref
    carries the offsets, in the bracket as written (`[` is offset 0), of its own text and of
    the item it comes from, so nothing downstream reads the bracket again.
    """
    refs: list[CiteRef] = []
    problem = None  # `base`: where the body starts in the bracket (after `[` and any `see`)
    for piece in re.finditer(r"[^,;]+|(?<=[,;])(?=[,;]|$)", body):
        part = piece.group()
        at = base + piece.start()
        m = _PART.fullmatch(part)
        if m is None:  # a locator with a comma inside, e.g. `pp. 4, 6`: keep it whole
            if refs:
                refs[-1] = _with_locator(refs[-1], part.strip())
            continue
        if m.group("loc") and refs and not (m.group("a") and not m.group("loc")):
            refs[-1] = _with_locator(refs[-1], m.group("loc").strip())
        elif m.group("key"):
            start, end = at + m.start("key"), at + m.end("key")
            shown = start + m.group("key").startswith("-")  # the label is the key, `@doe`, without pandoc's `-`
            refs.append(CiteRef(m.group("key").lstrip("-"), start=shown, end=end, item_start=start, item_end=end))
        elif m.group("a"):
            first, last = int(m.group("a")), m.group("b")
            a_start, a_end = at + m.start("a"), at + m.end("a")
            if last is None:
                refs.append(CiteRef(str(first), start=a_start, end=a_end, item_start=a_start, item_end=a_end))
                continue
            b_start, b_end = at + m.start("b"), at + m.end("b")
            last_n = int(last)
            if last_n < first or last_n - first >= MAX_RANGE:
                written = body[a_start - base : b_end - base]
                problem = ("reversed" if last_n < first else "wide", written)
                refs.append(CiteRef(written, valid=False, start=a_start, end=b_end, item_start=a_start, item_end=b_end))
            else:
                for n in range(first, last_n + 1):
                    place = (a_start, a_end) if n == first else (b_start, b_end) if n == last_n else (None, None)
                    refs.append(CiteRef(str(n), start=place[0], end=place[1], item_start=a_start, item_end=b_end))
    return tuple(refs), problem


def alpha_refs(body: str, base: int = 1) -> tuple[CiteRef, ...] | None:
    """The refs of a bracket of alphabetic labels (`ALPHA_LABEL`), None when it is not one.

    `Köt16, RS12` cites two; what follows a label after a comma or a semicolon and is no label is
    its locator (`RS12, Thm. 2`, `Haj82, Lemma 2.8`, `Len17, p. 3, 5`). The first item must be a
    label and a locator is short: `[Note 12, see below]`, `[Table 12]` are no citations. `base`
    is where `body` starts in the bracket."""
    refs: list[CiteRef] = []
    for piece in re.finditer(r"[^,;]+", body):
        word = piece.group().strip()
        at = base + piece.start() + len(piece.group()) - len(piece.group().lstrip())
        if _ALPHA_ITEM.fullmatch(word):
            refs.append(CiteRef(word, start=at, end=at + len(word), item_start=at, item_end=at + len(word)))
        elif refs and len(word) <= _LOCATOR_CHARS:
            refs[-1] = _with_locator(refs[-1], word)
        else:
            return None
    return tuple(refs) or None


def _with_locator(ref: CiteRef, locator: str) -> CiteRef:
    from dataclasses import replace

    return replace(ref, locator=f"{ref.locator}, {locator}" if ref.locator else locator)


# ---- from found citations to inline nodes, for any reader ---------------------------------


@dataclass
class Joined:
    """A block's text after repair, and where each of its tokens stood in the source."""

    text: str
    offsets: list[int]  # offset in `text` where each token starts
    places: list[tuple[int, int]]  # (line, column) of that token in the source
    end: tuple[int, int]  # (line, column) just past the last character

    def position(self, offset: int) -> tuple[int, int]:
        i = max(bisect.bisect_right(self.offsets, offset) - 1, 0)
        line, column = self.places[i]
        return line, column + (offset - self.offsets[i])

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(end - 1)
        return Span(line, column, end_line, end_column + 1)

    @property
    def whole(self) -> Span:
        """From the first character to the end; an empty text (a list's `[1]` with nothing after
        it) stands where it ends."""
        return Span(*(self.places[0] if self.places else self.end), *self.end)


def inlines_of(
    joined: Joined, path: str, notes: list[Diagnostic], budget: list[int] | None = None, entries: int | None = None, labels: frozenset[str] = frozenset(),
) -> tuple[Inline, ...]:
    """Split repaired text into Text and Citation nodes, each citation with its source span.

    `budget` holds the labels the paper may still cite (see MAX_LABELS); it is used up here.
    `entries` is the size of the paper's own list, when it has one, and `labels` its
    alphabetic labels, when it is labelled so (see `find_citations`).
    """
    try:
        starts = frozenset(joined.offsets[i] for i in range(1, len(joined.offsets)) if joined.places[i][0] != joined.places[i - 1][0])
        found, malformed = find_citations(joined.text, budget[0] if budget else MAX_LABELS, entries, starts, labels)
    except TooManyLabels as exc:
        raise InputError(path, f"holds more than {MAX_LABELS} citation labels (each number of a range counts); split it into smaller files", joined.position(exc.start)[0]) from None
    if budget:
        budget[0] -= sum(len(cite.refs) for cite in found) + len(malformed)
    for bad in malformed:
        line, column = joined.position(bad.start)
        if bad.code == "CIT006":
            variant, details = bad.why
            notes.append(Diagnostic.at_line("CIT006", path, line, column, variant=variant, bracket=bad.raw, **details))
        else:
            notes.append(Diagnostic.at_line("CIT005", path, line, column, bracket=bad.raw))
    inlines: list[Inline] = []
    cursor = 0
    for cite in found:
        if cite.start > cursor:
            inlines.append(Text(joined.text[cursor:cite.start]))
        span = joined.span(cite.start, cite.end)
        if cite.problem:
            variant, written = cite.problem
            limit = {"limit": MAX_RANGE} if variant == "wide" else {}
            notes.append(Diagnostic.at_line("CIT004", path, span.line, span.column, variant=variant, bracket=cite.raw, range=written, **limit))
        inlines.append(Citation(cite.raw, cite.refs, span))
        cursor = cite.end
    if cursor < len(joined.text):
        inlines.append(Text(joined.text[cursor:]))
    return tuple(inlines)


def with_superscripts(inlines: tuple, runs: list[tuple[int, int]], text: str, cite_at) -> tuple:
    """Split Text nodes at the superscript runs; each run becomes a Superscript node holding
    a Citation (when `cite_at(start, end)` gives one) or its text, or the footnotes
    `cite_at` gives for it (a tuple)."""
    if not runs:
        return inlines
    out = []
    offset = 0
    runs = sorted(runs)
    for node in inlines:
        length = _length(node)
        if isinstance(node, Emph | Strong | Link):  # a styled or linked run (faces.styled, links.linked): its words hold the marks
            out.append(dataclasses.replace(node, inlines=with_superscripts(node.inlines, [(s - offset, e - offset) for s, e in runs], text[offset : offset + length], lambda s, e, at=offset: cite_at(s + at, e + at))))
            offset += length
            continue
        if not isinstance(node, Text):
            out.append(node)
            offset += length
            continue
        cursor = 0
        for start, end in runs:
            if start < offset + cursor or end > offset + length:
                continue
            local_start, local_end = start - offset, end - offset
            if local_start > cursor:
                out.append(Text(node.text[cursor:local_start]))
            inner = cite_at(start, end)
            if isinstance(inner, tuple):  # footnotes
                out.extend(inner)
            else:
                out.append(Superscript((inner,) if inner is not None else (Text(text[start:end]),)))
            cursor = local_end
        if cursor < length:
            out.append(Text(node.text[cursor:]))
        offset += length
    return tuple(out)


def _length(node) -> int:
    """How much of the joined text a node of a block's first reading covers."""
    if isinstance(node, Text | Code):
        return len(node.text)
    if isinstance(node, Citation | CrossRef):
        return len(node.raw)
    if isinstance(node, Emph | Strong | Link):
        return sum(_length(n) for n in node.inlines)
    return 0


# A superscript citation (ACS, Nature, AIP, the superscript Vancouver form) as a text extraction
# gives it: its numbers glued to the punctuation after the word they followed (`applications.1−4
# Among`, `interfaces.7`, `temperature,27 catalytic`). A label's abbreviation before the mark
# (`Fig.1`, `Eq.2`, `Рис.3`, `p.45`) makes it that label's number.
_GLUED = re.compile(r"(?<=[^\W\d_]{2}[.,;:)»”])(\d{1,3}(?:[,–−-]\d{1,3})*)(?=\s|$)")
_LABEL_BEFORE = re.compile(r"(?:^|[^\w])(?:figs?|fig|eqs?|tab|table|no|nos|vol|pp|ch|sec|ref|refs|рис|табл|ур|стр|гл|разд|прил|т|с|п)[.,]$", re.IGNORECASE)


def glued_citations(texts: list[str], entries: int) -> list[list[tuple[int, int]]] | None:
    """Where each text holds a superscript citation flattened onto its line, or None where the
    paper shows none. Read so only for a whole paper with no bracketed citation (the caller's
    test) whose glued numbers cite its list as such styles number it: each new number the next
    one in order of first citation (1, 2, 3…), at least three of them, every one on the list.
    A footnote's mark, an index or a glued page number follows no such order."""
    marks: list[list[tuple[int, int]]] = []
    firsts: list[int] = []
    labels = 0
    for text in texts:
        found = []
        for m in _GLUED.finditer(text):
            if _LABEL_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
                continue
            numbers = _glued_numbers(m.group(1))
            if not numbers or max(numbers) > entries or min(numbers) < 1:
                continue
            found.append((m.start(), m.end()))
            firsts.extend(n for n in numbers if n not in firsts)
            labels += len(numbers)
            if labels > MAX_LABELS:
                return None
        marks.append(found)
    return marks if counts_in_order(firsts) else None


def counts_in_order(firsts: list[int]) -> bool:
    """Labels in the order a paper first cites them (`firsts`) count its list as superscript
    styles number it: from 1, each new one the next (four in five at least), three or more."""
    rising = sum(b == max(firsts[: i + 1]) + 1 for i, b in enumerate(firsts[1:])) if firsts else 0
    return len(firsts) >= 3 and firsts[0] == 1 and rising >= 0.8 * (len(firsts) - 1)


def _glued_numbers(written: str) -> list[int]:
    """The labels `1−4`, `5,6`, `15-17,20` stand for; [] for a reversed or too wide range."""
    out: list[int] = []
    for part in written.split(","):
        a, _, b = part.replace("−", "-").replace("–", "-").partition("-")
        first, last = int(a), int(b) if b else int(a)
        if last < first or last - first > MAX_RANGE:
            return []
        out.extend(range(first, last + 1))
    return out


def glued_citation(raw: str, span: Span) -> Citation | None:
    """The Citation a glued mark `raw` stands for (its labels' offsets in `raw`)."""
    found, _ = find_citations("[" + raw.replace("−", "–") + "]")
    if len(found) != 1:
        return None
    shift = lambda x: None if x is None else x - 1  # noqa: E731 — offsets in `[raw]` moved onto `raw`
    return Citation(raw, tuple(dataclasses.replace(r, start=shift(r.start), end=shift(r.end), item_start=shift(r.item_start), item_end=shift(r.item_end)) for r in found[0].refs), span)
