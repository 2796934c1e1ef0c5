"""Where words may be hyphenated, each word by its own language: Kazakh by the orthography's
syllable rules (`kazakh`), Russian and English (and any language pyphen has) by the TeX /
LibreOffice patterns pyphen ships.

A paper in one language quotes others: a Kazakh paper names Russian institutions, a Russian one
cites English titles. The language of each word is chosen from its letters: Latin script is
English (or the paper's language when that is written in Latin); Cyrillic with a letter only
Kazakh has (ә ғ қ ң ө ұ ү һ і) is Kazakh; Cyrillic with a letter native Kazakh words never have
(в ё ф ц ч щ ъ ь э) is Russian; other Cyrillic words are the paper's language when it is
Kazakh or Russian, else Russian.
"""

from __future__ import annotations

import re
from functools import cache

from . import kazakh
from .. import speedups
from ..usercache import cache_read, cache_write

SOFT_HYPHEN = "\u00ad"
# Letters of one script in a row: the part of a token that hyphenation looks at.
_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
_RUSSIAN_ONLY = frozenset("вёфцчщъьэ")
# pyphen's dictionary and the hyphen minima (letters before and after a break) by language:
# LEFTHYPHENMIN/RIGHTHYPHENMIN of the TeX patterns (English 2/3, Russian 2/2).
_PATTERNS = {"en": ("en_US", 2, 3), "ru": ("ru_RU", 2, 2)}
TEX_EXCEPTIONS = 5000
LATIN_SCRIPT = frozenset({"en", "de", "fr", "tr", "it", "es", "pl", "cs", "nl", "pt"})


@cache
def _pyphen(language: str):
    """pyphen's hyphenator for `language`, loaded on first use, or None when pyphen has no
    dictionary for it."""
    import pyphen

    name, left, right = _PATTERNS.get(language, (language, 2, 2))
    found = pyphen.language_fallback(name)
    if found is None:
        return None
    if speedups.enabled("pyphen"):
        _load_patterns(pyphen, pyphen.LANGUAGES[found])
    return pyphen.Pyphen(lang=found, left=left, right=right)


_PATTERNS_FORMAT = "pyphen-1"  # bump when what is stored changes


def _load_patterns(pyphen, path) -> None:
    """Put the dictionary at `path` into pyphen's own per-file cache (`hdcache`, which
    `Pyphen(...)` reads), parsed in an earlier run: parsing the English patterns takes ~50 ms,
    reading them back from the user's cache a few. The parse is `HyphDict`'s three attributes
    (pyphen 0.18.1: `patterns`, `cache`, `maxlen`; speedups.PRIVATE["pyphen"]); a dictionary
    with pyphen's nonstandard hyphenation (values that are not plain integers) is not stored."""
    if path in pyphen.hdcache:
        return
    stored = cache_read("pyphen", str(path), 0, pyphen.__version__, _PATTERNS_FORMAT)
    if isinstance(stored, dict) and isinstance(stored.get("patterns"), dict) and isinstance(stored.get("maxlen"), int):
        parsed = pyphen.HyphDict.__new__(pyphen.HyphDict)
        parsed.patterns, parsed.cache, parsed.maxlen = stored["patterns"], {}, stored["maxlen"]
        pyphen.hdcache[path] = parsed
        return
    parsed = pyphen.hdcache[path] = pyphen.HyphDict(path)
    if set(vars(parsed)) == {"patterns", "cache", "maxlen"} and all(
        type(start) is int and type(values) is tuple and all(type(v) is int for v in values) for start, values in parsed.patterns.values()
    ):
        cache_write("pyphen", str(path), 0, {"patterns": parsed.patterns, "maxlen": parsed.maxlen}, pyphen.__version__, _PATTERNS_FORMAT)


def word_language(word: str, main: str) -> str | None:
    """The language a word of letters is hyphenated in, in a paper written in `main`."""
    if _CYRILLIC.fullmatch(word):
        lower = word.lower()
        if not kazakh.KAZAKH_ONLY.isdisjoint(lower):
            return "kk"
        if not _RUSSIAN_ONLY.isdisjoint(lower):
            return "ru"
        return main if main in ("kk", "ru") else "ru"
    if _LATIN.fullmatch(word):
        return main if main in LATIN_SCRIPT else "en"
    return None  # mixed or other scripts: never hyphenated


# Each word's points, by the paper's language (it decides the language of a Cyrillic word with
# no letter of its own), for the whole process: the DOCX and LaTeX editions (one process in a
# build) and the papers of a proceedings hyphenate the same words. A server's worker lives for
# many papers: past KEPT_WORDS words of a language its table starts again.
_POSITIONS: dict[str, dict[str, tuple[int, ...]]] = {}
KEPT_WORDS = 50_000


class Hyphenator:
    """Hyphenation points of the words of a paper written in `language` (a language code)."""

    def __init__(self, language: str):
        self.language = language
        self._cache = _POSITIONS.setdefault(language, {})

    def positions(self, word: str) -> tuple[int, ...]:
        """Offsets in `word` (letters of one script) where a hyphen may go."""
        found = self._cache.get(word)
        if found is None:
            if len(self._cache) >= KEPT_WORDS:
                self._cache.clear()
            found = self._cache[word] = self._positions(word)
        return found

    def _positions(self, word: str) -> tuple[int, ...]:
        if len(word) < 4 or word[1:] != word[1:].lower():
            return ()  # too short to divide; or an abbreviation or a name like ҚазҰУ, BigTable
        language = word_language(word, self.language)
        if language == "kk":
            return kazakh.positions(word)
        if language is None:
            return ()
        patterns = _pyphen(language)
        return tuple(patterns.positions(word)) if patterns is not None else ()

    def text_positions(self, text: str) -> list[int]:
        """Offsets in `text` where a hyphen may go, for every word in it."""
        if text.isalpha():  # the usual case: one word, no punctuation
            return list(self.positions(text)) if len(text) >= 4 else []
        out: list[int] = []
        for m in _words(text):
            start = m.start()
            out.extend(start + p for p in self.positions(m.group()))
        return out

    def soft_hyphens(self, text: str, only=None) -> str:
        """`text` with a soft hyphen (U+00AD) at every place a word may be divided; with `only`
        (a set of language codes), only in words of those languages."""
        parts, last = [], 0
        for m in _words(text):
            word = m.group()
            if len(word) < 4 or (only is not None and word_language(word, self.language) not in only):
                continue
            cuts = self.positions(word)
            if not cuts:
                continue
            start = m.start()
            for cut in cuts:
                parts.append(text[last:start + cut] + SOFT_HYPHEN)
                last = start + cut
        if not parts:
            return text
        parts.append(text[last:])
        return "".join(parts)

    def exceptions(self, texts, languages, limit: int = TEX_EXCEPTIONS) -> list[str]:
        """TeX hyphenation exceptions (`қа-ла-лар`) for the distinct words of `texts` whose
        language is in `languages`, lower-case, sorted: what `\\hyphenation` takes. At most
        `limit` of them, the most frequent first (TeX's table holds 8191, some taken already)."""
        count: dict[str, int] = {}
        marked: dict[str, str] = {}
        for text in texts:
            for m in _words(text):
                word = m.group()
                lower = word.lower()
                if lower in marked:
                    count[lower] += 1
                    continue
                if word_language(word, self.language) not in languages:
                    continue
                cuts = self.positions(word)
                if cuts:
                    marked[lower] = _marked(lower, cuts)
                    count[lower] = 1
        kept = sorted(marked, key=lambda w: (-count[w], w))[:limit]
        return sorted(marked[w] for w in kept)


def explicit_languages(main: str) -> frozenset[str]:
    """The languages whose words an edition written in `main` hyphenates explicitly (LaTeX:
    `\\hyphenation` exceptions; DOCX: soft hyphens): every one of Kazakh, Russian and English
    that its typesetter does not hyphenate by itself there (neither babel nor Word has Kazakh
    patterns, and each follows the paper's language)."""
    return frozenset({"kk", "ru", "en"} - ({main} if main != "kk" else set()))


# A token (text between spaces) is a word when, without the punctuation around it, it is letters,
# perhaps joined by hyphens or apostrophes: `«Қазақстан-Қытай»,` is; `10.15826/vestnik.2015`,
# `user@host`, `x_1`, `COVID-19`, `e-mail:` are not, and nothing in them is hyphenated.
_TOKEN = re.compile(r"\S+")
_EDGES = re.compile(r"^[\W_]*(.*?)[\W_]*$", re.S)
_PLAIN = re.compile(r"[^\W\d_]+(?:[-\u2010'\u2019\u00ad][^\W\d_]+)*")


def _words(text: str):
    """The letter runs of `text` that are hyphenated: those of plain words, four letters or more."""
    for token in _TOKEN.finditer(text):
        core = _EDGES.match(token.group())
        if not core or not _PLAIN.fullmatch(core.group(1)):
            continue
        base = token.start() + core.start(1)
        for m in _WORD.finditer(core.group(1)):
            if m.end() - m.start() >= 4:
                yield _Span(base + m.start(), m.group())


class _Span:
    __slots__ = ("_start", "_text")

    def __init__(self, start: int, text: str):
        self._start, self._text = start, text

    def start(self) -> int:
        return self._start

    def group(self) -> str:
        return self._text


def _marked(word: str, cuts) -> str:
    parts, last = [], 0
    for cut in cuts:
        parts.append(word[last:cut])
        last = cut
    parts.append(word[last:])
    return "-".join(parts)
