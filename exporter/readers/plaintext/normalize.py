"""PDF-text repair rules: each a small named function stating its rule and the evidence it uses."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ...symbol_encoding import ADOBE_CORPORATE_USE, SYMBOL_PRIVATE_USE

# Tokens are runs of anything but whitespace and control characters (sourcefile.CONTROL_CHARS
# are gaps in the text, never letters of it).
_GAP = r"\s\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff"
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_EDGE_PUNCT = "«»\"'“”„()[],.;:!?…"
SENTENCE_END = tuple(".!?…:;")
_CLOSERS = "»\"”’)]"
DASH = "–"  # the seed's own dash (`Қазақстан – шынайы`), used for every spaced hyphen


TOKEN = re.compile(rf"[^{_GAP}]+")


def tokens_with_columns(line: str) -> list[tuple[int, str]]:
    """Split a line into (1-based column, token): runs of spaces collapse, edges are dropped."""
    return [(m.start() + 1, m.group()) for m in TOKEN.finditer(line)]


def is_blank(line: str) -> bool:
    return TOKEN.search(line) is None


def ends_sentence(text: str) -> bool:
    """True when `text` ends with sentence punctuation, possibly inside closing quotes."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return stripped.endswith(SENTENCE_END)


def starts_lowercase(text: str) -> bool:
    first = next((ch for ch in text if ch.isalpha()), "")
    return first.islower()


def rejoins_across_blank_line(before: str, after: str) -> bool:
    """A paragraph cut by a blank line (page break, extraction artefact) is one paragraph.

    Rule: rejoin when the first part ends without sentence punctuation and the next starts
    with a lower-case letter (`…өзендермен` / `байланысқан.`, seed lines 13–15).
    """
    return bool(before.strip()) and not ends_sentence(before) and after.lstrip()[:1].islower()


def ends_paragraph_without_blank(line: str, next_line: str, full_width: int) -> bool:
    """A short line ending a sentence, followed by a capital, closes its paragraph.

    Hard-wrapped lines run close to the page width; the last line of a paragraph is
    shorter. Rule: a line under 60% of the document's usual width that ends a sentence,
    followed by a line starting with a capital or digit, ends the paragraph (seed 468–469).
    """
    text = line.strip()
    nxt = next_line.lstrip()
    return (
        len(text) < 0.6 * full_width
        and ends_sentence(text)
        and bool(nxt)
        and (nxt[0].isupper() or nxt[0].isdigit())
    )


_LIST_MARKER = re.compile(rf"^[{_GAP}]*[-–—•][{_GAP}]*(?=[^{_GAP}\-–—])")


def list_item_marker(line: str) -> int | None:
    """Length of a list marker (`- `, `-`, `• `) opening `line`, or None.

    Rule: a line that starts a paragraph with a hyphen, dash or bullet directly followed by
    text is a list item (`- 1860 жылғы…`, `-1864 жылғы…`, seed lines 214–222).
    """
    match = _LIST_MARKER.match(line)
    return match.end() if match else None


SPACED_DASHES = frozenset(("-", "--", "---"))


def bare_word(token: str) -> str:
    """The token without its surrounding punctuation, lower-cased, for attestation checks."""
    return token.strip(_EDGE_PUNCT).lower()


class Lexicon:
    """The words the document writes whole: the evidence for line-end hyphen decisions."""

    def __init__(self, words: Iterable[str]):
        self.words: set[str] = set(words)
        self.compounds: dict[str, set[str]] = {}  # first part -> second parts, `қарым` -> {`қатынасы`}
        for word in [w for w in self.words if "-" in w]:
            parts = word.split("-")
            self.words.update(parts)
            for i in range(1, len(parts)):
                self.compounds.setdefault("-".join(parts[:i]), set()).add("-".join(parts[i:]))

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def has_compound(self, head: str, tail: str) -> bool:
        """`head-tail` is written whole, or `head-` with another ending of `tail`'s stem."""
        stem = tail[: max(4, len(tail) - 3)]
        return any(t == tail or (len(tail) >= 4 and t.startswith(stem)) for t in self.compounds.get(head, ()))


def attested_words(lines: Iterable[str]) -> Lexicon:
    """Every word of the document, lower-cased, leaving out the halves of line-end breaks.

    These are the evidence `join_line_end_hyphen` uses: a form counts as attested only where
    the document writes it whole, never from the broken pieces being judged.
    """
    words: set[str] = set()
    broken_next = False
    for line in lines:
        tokens = TOKEN.findall(line)
        if not tokens:
            broken_next = False
            continue
        start, end = 0, len(line)
        if broken_next:  # the second half of a break starts this line: not evidence
            start = line.index(tokens[0]) + len(tokens[0])
        broken_next = _ends_with_break(tokens[-1])
        if broken_next:
            end = line.rindex(tokens[-1])
        if start < end:
            words.update(_WORD.findall(line[start:end].lower()))
    return Lexicon(words)


def _ends_with_break(token: str) -> bool:
    # U+00AD SOFT HYPHEN too: pdftotext writes it for the hyphen a line break showed when the
    # PDF's font maps that glyph so (Word's and InDesign's automatic hyphenation)
    return len(token) > 1 and token.endswith(("-", "\u00ad")) and token[-2].isalpha()


def join_line_end_hyphen(left: str, right: str, attested: Lexicon) -> str:
    """Join `left` (ending in `-` at a line end) with `right`, the next line's first token.

    A number after the hyphen is a compound's (`CIFAR-` + `10`, `GPT-` + `4`): the hyphen stays.
    Else evidence comes from the document itself, in this order (the first that applies wins, so
    where the evidence conflicts an attested compound keeps its hyphen):
      1. the hyphenated compound is written whole elsewhere, in this or another ending
         (`қарым-қатынасы`, `сондай-ақ`) -> keep the hyphen;
      2. the joined form is written elsewhere (`ынтымақтастығы`, `жан-жақты`) -> join;
      3. the next part starts with a capital (`«Кеңес-` + `СиньЦзян`) -> keep the hyphen;
      4. both halves are words of the document (`Саяси-` + `экономикалық`) -> keep;
      5. otherwise it is a syllable break -> join.
    """
    stem = left[:-1]
    if right[:1].isdigit():
        return stem + "-" + right
    head, tail = bare_word(stem), bare_word(right)
    if attested.has_compound(head, tail):
        return stem + "-" + right
    if bare_word(stem + right) in attested:
        return stem + right
    if right.lstrip(_EDGE_PUNCT)[:1].isupper():
        return stem + "-" + right
    if head.rsplit("-", 1)[-1] in attested and tail in attested:
        return stem + "-" + right
    return stem + right


def ends_with_line_break_hyphen(token: str) -> bool:
    """A token ending in a hyphen right after a letter (`ынты-`), not a lone dash (`Қытай -`)."""
    return _ends_with_break(token)


# Glyphs a PDF's fonts leave in extracted text. The presentation forms U+FB00–FB06 (`ﬀ ﬁ ﬂ ﬃ
# ﬄ ﬅ ﬆ`) are ligatures of Latin letters: NFKC of that block only gives the letters. The Symbol
# font's and Adobe's private-use code points: exporter/symbol_encoding.py.
# Variation selectors pick a glyph of the character before them; a PDF's map writes one after
# each variant it drew (`{` + U+FE00 for TeX's taller brace), which no text and no font needs.
VARIATION_SELECTORS = dict.fromkeys(range(0xFE00, 0xFE10))
PRESENTATION_FORMS = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0xFB00, 0xFB07)}
_GLYPHS = str.maketrans({**PRESENTATION_FORMS, **SYMBOL_PRIVATE_USE, **ADOBE_CORPORATE_USE, **VARIATION_SELECTORS})
_GLYPH_CHARS = re.compile("[\ufb00-\ufb06\uf020-\uf0ff\uf8e6-\uf8fe\uf6d9-\uf6db\ufe00-\ufe0f]")


def has_glyphs(text: str) -> bool:
    """Whether `text` holds a ligature or a Symbol-font character `normalize_glyphs` replaces."""
    return _GLYPH_CHARS.search(text) is not None


def normalize_glyphs(text: str) -> str:
    """Ligature presentation forms become their letters (`ﬁ` -> `fi`); Symbol-font private-use
    characters become the characters Adobe's Symbol encoding gives them (U+F061 -> `α`), and
    Adobe's corporate-use ones theirs (U+F8EE -> `⎡`); variation selectors are dropped."""
    return text.translate(_GLYPHS) if _GLYPH_CHARS.search(text) else text


def glyph_replacements(lines: list[str]) -> dict[str, tuple[int, int, int]]:
    """Where glyphs were replaced: kind (`ligature`, `symbol`) -> (count, first line, first column).

    Private-use characters outside Adobe's table are left alone (no standard says what they are).
    """
    found: dict[str, tuple[int, int, int]] = {}
    for number, line in enumerate(lines, start=1):
        for m in _GLYPH_CHARS.finditer(line):
            cp = ord(m.group())
            kind = "ligature" if cp in PRESENTATION_FORMS else "symbol" if cp in SYMBOL_PRIVATE_USE or cp in ADOBE_CORPORATE_USE else None
            if kind is None:
                continue
            count, first_line, first_column = found.get(kind, (0, number, m.start() + 1))
            found[kind] = (count + 1, first_line, first_column)
    return found


# A URL cut at a line end: pdftotext breaks long addresses wherever the line is full; a DOI
# written without its resolver (`doi:10.1080/`, `DOI: 10.1080/` as one token) is cut so too.
_URL = re.compile(r"^[(<«\"]?(?:https?://|ftp://|www\.|doi:10\.\d{4,9}/)\S*$", re.IGNORECASE)
_URL_CUT_END = tuple("/-._?=&#~%:")
_DOI_IN = re.compile(r"10\.\d{4,9}/")


def url_cut_at_line_end(token: str) -> bool:
    """A URL token ending in a character a URL goes on after (`https://jet-`, `http://dx.doi.org/`,
    `doi:10.1080/`)."""
    return bool(_URL.match(token)) and token.endswith(_URL_CUT_END)


def continues_url(left: str, right: str) -> bool:
    """Does `right` (the next line's first token) continue the URL cut at the end of `left`?

    Rule: after `/` any URL text continues it (`http://cwe.mitre.org/` + `top25/`); after `.`
    a lower-case letter does (`…technologies.` + `pdf`), and in a DOI a number written with a
    leading zero (`…/j.jfoodeng.2008.02.` + `002.`: publishers pad a DOI's parts so, and no
    entry or sentence is numbered `002`), since a full stop before a capital or another number
    (`…bit.2019.2.05.` + `3. Отчет…`) ends the sentence or the entry; after
    `-`, `_`, `=`, `&`… a lower-case letter or a digit (`https://jet-` + `online.ru`). Text
    opening with a bracket or quote (`(accessed on …)`) never continues a URL.
    """
    if not right or right[0] in "([«\"'" or not url_cut_at_line_end(left):
        return False
    if left.endswith("/"):
        return True
    if left.endswith("."):
        return right[0].islower() or (right[:2].isdigit() and right[0] == "0" and _DOI_IN.search(left) is not None)
    return right[0].islower() or right[0].isdigit()
