"""Features of the lines (text, PDF) or paragraphs (DOCX) of a paper's first page(s), for the
line-role classifier: shape, case, length, digits, punctuation, labels and names read by the
title-block rules, and the layout where the source has one (size against the body, weight,
centring, place on the page, DOCX style)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ....references.ownlist import is_reference_heading
from ..frontmatter import (
    ABSTRACT, BARE_UDC, CODES, EMAIL, INITIALS_NAME, IRSTI, KEYWORDS, SUPERVISOR, UDC, author_names, is_header,
    is_institution, is_role, is_rubric,
)
from ..sections import is_introduction, is_section_name

# Roles a line can take; `train.py` and the readers use these names.
LABELS = ("title", "author", "affiliation", "email", "abstract", "keywords", "code", "rubric", "furniture", "heading", "body", "other")


@dataclass(frozen=True, slots=True)
class Layout:
    """What a PDF or a DOCX knows of a line besides its text: its size over the body's, bold,
    centred, where it stands from the page's top (0–1), the largest size on its page, and the
    DOCX style's name (lower case) where there is one."""

    size: float = 1.0
    bold: bool = False
    centered: bool = False
    top: float = 0.0
    largest: bool = False
    style: str = ""


@dataclass(frozen=True, slots=True)
class LineItem:
    """One line (or paragraph) of the sequence the classifier labels."""

    text: str
    blank_before: bool = False
    page: int = 1
    layout: Layout | None = None


@dataclass(frozen=True, slots=True)
class NameLexicon:
    """Given names and family names (case folded) read off the training data's author lines,
    less the words its titles, abstracts and affiliations use as often: evidence that a
    title-case line is a by-line (`Divyakant Agrawal`) or not (`Smooth Muscle Cell Proliferation`)."""

    given: frozenset[str] = frozenset()
    family: frozenset[str] = frozenset()

    def write(self, path) -> None:
        rows = [f"given\t{w}" for w in sorted(self.given)] + [f"family\t{w}" for w in sorted(self.family)]
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")

    @classmethod
    def read(cls, path) -> "NameLexicon":
        """The lexicon written beside a model; empty where there is none."""
        if not path.is_file():
            return cls()
        kinds: dict[str, set[str]] = {"given": set(), "family": set()}
        for row in path.read_text(encoding="utf-8").splitlines():
            kind, _, word = row.partition("\t")
            if kind in kinds and word:
                kinds[kind].add(word)
        return cls(frozenset(kinds["given"]), frozenset(kinds["family"]))


_INITIAL = re.compile(r"(?<![^\W\d_])[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.")
_SENTENCE = re.compile(r"[a-zа-яёәғқңөұүһі]\. [A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")
_MARKED_WORD = re.compile(r"[^\W\d_]{2,}[\d*∗†‡¹²³⁴⁵⁶⁷⁸⁹]+(?:,|\s|$)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_BELOW_IPA = re.compile("[\x00-\u024f]")  # Latin letters, with their accented forms


def _bucket(value: float, edges: tuple[float, ...]) -> int:
    return sum(value >= e for e in edges)


# Words a title holds in lower case and a by-line never does (`and`/`и` join names too).
_FUNCTION = frozenset("of the in on for with to by at from via a an under over between into through в на для по о об от из при с со к мен үшін".split())


def name_features(words: list[str], names: NameLexicon) -> dict[str, float]:
    """How much of a line reads as names: the share of its words (two letters or more) that
    are known given or family names, whether one is a given name, whether the first is."""
    folded = [w.casefold() for w in words if len(w) >= 2]
    if not folded:
        return {}
    known = sum(w in names.given or w in names.family for w in folded)
    f = {f"namelike={_bucket(known / len(folded), (0.01, 0.34, 0.67, 0.99))}": 1.0}
    if known / len(folded) >= 0.5:
        f["namelike_half"] = 1.0
    if any(w in names.given for w in folded):
        f["given"] = 1.0
    if folded[0] in names.given:
        f["given_first"] = 1.0
    return f


def text_features(text: str, names: NameLexicon = NameLexicon()) -> dict[str, float]:
    """Features of one line's text alone."""
    t = " ".join(text.split())
    words = t.split()
    letters = "".join(filter(str.isalpha, t))  # counted by the C loops of map and re, not per character in Python
    upper = sum(map(str.isupper, letters))
    digits = sum(map(str.isdigit, t))
    cyrillic = len(_CYRILLIC.findall(letters))
    latin = len(_BELOW_IPA.findall(letters))
    written = ("cyrillic" if cyrillic > latin else "latin") if letters else "none"  # as `frontmatter.script`
    f: dict[str, float] = {
        "bias": 1.0,
        f"len={_bucket(len(t), (10, 25, 50, 90, 150, 300))}": 1.0,
        f"words={_bucket(len(words), (2, 3, 5, 9, 16, 30))}": 1.0,
        f"digits={_bucket(digits / max(len(t), 1), (0.01, 0.1, 0.3))}": 1.0,
        f"script={written}": 1.0,
    }
    if letters:
        share = upper / len(letters)
        f[f"upper={_bucket(share, (0.15, 0.5, 0.8))}"] = 1.0
        caps_words = sum(w[:1].isupper() for w in words if w[:1].isalpha())
        alpha_words = sum(w[:1].isalpha() for w in words) or 1
        f[f"capwords={_bucket(caps_words / alpha_words, (0.3, 0.6, 0.9))}"] = 1.0
    first = t[:1]
    f["start=" + ("upper" if first.isupper() else "lower" if first.islower() else "digit" if first.isdigit() else "punct" if first else "none")] = 1.0
    last = t[-1:]
    f["end=" + ({".": "dot", ",": "comma", ":": "colon", ";": "semi", "-": "hyphen"}.get(last, "alpha" if last.isalpha() else "digit" if last.isdigit() else "other"))] = 1.0
    first_word = _WORD.match(t)
    if first_word and len(first_word.group()) <= 15:
        f["w0=" + first_word.group().casefold()] = 1.0
    found = _WORD.findall(t)
    if found and len(found[-1]) <= 15:
        f["wN=" + found[-1].casefold()] = 1.0
    f["initials"] = min(len(_INITIAL.findall(t)), 4) / 4
    f["sentences"] = min(len(_SENTENCE.findall(t)), 3) / 3
    if _MARKED_WORD.search(t):
        f["marked_word"] = 1.0
    if _YEAR.search(t):
        f["year"] = 1.0
    if "@" in t or EMAIL.search(t):
        f["email"] = 1.0
    if re.search(r"https?://|www\.|doi\.org", t, re.IGNORECASE):
        f["url"] = 1.0
    if "©" in t or "(c)" in t.casefold():
        f["copyright"] = 1.0
    for name, hit in (
        ("udc", UDC.match(t) or BARE_UDC.match(t) or IRSTI.match(t)), ("codes", CODES.match(t)),
        ("supervisor", SUPERVISOR.match(t)), ("abstract_label", ABSTRACT.match(t)), ("keywords_label", KEYWORDS.match(t)),
        ("rubric", is_rubric(t)), ("header", is_header(t)), ("institution", is_institution(t)), ("role", is_role(t)),
        ("intro", is_introduction(t)), ("section", is_section_name(t)), ("references", is_reference_heading(t)),
        ("caps_line", len(letters) >= 3 and upper >= 0.8 * len(letters)),  # `frontmatter.is_title_line`
    ):
        if hit:
            f[name] = 1.0
    function = sum(w in _FUNCTION for w in words)
    f[f"function={min(function, 2)}"] = 1.0
    f |= name_features(found, names)
    # The names as the model was trained to read them: initials make a name certain, a note in
    # brackets stays (frontmatter's later rules, patronymics and dropped notes, are the rules').
    names = author_names(t, strong_only=False, keep_notes=True) if len(t) <= 250 else None
    if names is not None:
        if len(names) >= 2 or any(INITIALS_NAME.match(n) for n in names):  # what `author_names(t, strong_only=True)` accepted
            f["names_strong"] = 1.0
            f[f"names={min(len(names), 3)}"] = 1.0
        else:
            f["names_weak"] = 1.0
    return f


def layout_features(layout: Layout | None, page: int) -> dict[str, float]:
    if layout is None:
        return {"nolayout": 1.0}
    f = {
        f"size={_bucket(layout.size, (0.92, 1.08, 1.25, 1.5, 1.9))}": 1.0,
        f"top={_bucket(layout.top, (0.1, 0.25, 0.5, 0.75))}": 1.0,
        f"page={min(page, 3)}": 1.0,
    }
    if layout.bold:
        f["bold"] = 1.0
    if layout.centered:
        f["centered"] = 1.0
    if layout.largest:
        f["largest"] = 1.0
    style = layout.style
    for word in ("title", "subtitle", "heading", "author", "affil", "abstract", "keyword", "caption", "list"):
        if word in style:
            f["style=" + word] = 1.0
    return f


_CONTEXT = ("names_strong", "names_weak", "caps_line", "abstract_label", "keywords_label", "udc", "intro", "institution", "email", "header", "rubric", "largest", "bold", "sentences",
            "namelike_half", "given_first", "repeated")


def _repeat_key(text: str) -> str:
    return " ".join(re.sub(r"[\d\W_]+", " ", text.casefold()).split())


def sequence_features(items: list[LineItem], names: NameLexicon = NameLexicon()) -> list[dict[str, float]]:
    """Each item's features, with its neighbours' chief ones and where it stands in the
    sequence (its index, after an abstract or keywords label, after the introduction), and
    whether its words come again on another line (a running head: `Determination of the
    flux 1` … `Determination of the flux 2`)."""
    own = [text_features(item.text, names) | layout_features(item.layout, item.page) for item in items]
    keys = [_repeat_key(item.text) for item in items]
    seen_keys: dict[str, int] = {}
    for key in keys:
        seen_keys[key] = seen_keys.get(key, 0) + 1
    for f, key in zip(own, keys):
        if len(key) >= 12 and seen_keys[key] > 1:
            f["repeated"] = 1.0
    out = []
    seen = {"abstract_label": False, "keywords_label": False, "intro": False, "udc": False}
    for i, (item, f) in enumerate(zip(items, own)):
        g = dict(f)
        g[f"index={_bucket(i, (1, 2, 3, 5, 8, 12, 20, 35, 60))}"] = 1.0
        if item.blank_before:
            g["blank_before"] = 1.0
        if i + 1 < len(items) and items[i + 1].blank_before:
            g["blank_after"] = 1.0
        for key, was in seen.items():
            g[("after_" if was else "before_") + key] = 1.0
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(items):
                for key in _CONTEXT:
                    if key in own[j]:
                        g[f"{offset:+d}:{key}"] = 1.0
                size = next((k for k in own[j] if k.startswith("size=")), None)
                if size and abs(offset) == 1:
                    g[f"{offset:+d}:{size}"] = 1.0
            else:
                g[f"{offset:+d}:none"] = 1.0
        for key in seen:
            seen[key] = seen[key] or key in f
        out.append(g)
    return out
