"""Captions and equation numbers of a Word body, read from its paragraphs before blocks are made.

A caption is a paragraph in Word's Caption style, one holding a `SEQ` field for figures or
tables, or one whose text starts with a figure or table label and its number followed by a
separator (`Рис. 3 –`, `Figure 2.`, `Таблица 1`, `Fig. 10,`, `Фигура 2 –`; `Фигура` only before its
number: `Фигуры:` opens a list of shapes), so a sentence that begins with
`Рисунок 10 иллюстрирует` or `Figure 8 shows` (a lower-case word after the number) is not one. A label with its number but no separator (`Рис. 1 Схема`),
or a separator but no number (`Рисунок – Схема`, the number left to Word's list numbering or
never typed), is a weak caption: one only beside a figure or table that has none; so is a
paragraph only the Caption style marks (no label, no SEQ field: authors set body text in that
style too). An equation's number is a `(4)`, `(2.1)`, an appendix's `(B1)` typed after the formula in its paragraph,
or what a MathType MACROBUTTON field shows there.

Each numbered thing gets a label: its `_Ref…` bookmark (what Word's REF fields point at), else
`fig:N`, `tab:N`, `eq:N` (unique within the paper).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .body import MATH_MARK, Para
from .caption_labels import LABEL as _LABEL
from .caption_labels import SENTENCE_GOES_ON as _SENTENCE_GOES_ON

_SEPARATOR = re.compile(r"^\s*(?:[.:,;\-–—]|\)|$)")
_EQUATION_NUMBER = re.compile(r"^\s*(?P<lead>[,.;:]?)\s*\(\s*(?P<number>(?:[A-ZА-ЯЁ]\.?)?\d{1,4}(?:[.,\-]\d{1,4}){0,3}[a-zа-я]?)\s*\)\s*(?P<trail>[,.;]?)\s*$")
_SEQ_FIGURE = re.compile(r"^(?:рис|fig|сурет|image|picture|illustration|диаграмма|схема|фигур)", re.IGNORECASE)
_SEQ_TABLE = re.compile(r"^(?:табл|table|кесте)", re.IGNORECASE)
_SEQ_EQUATION = re.compile(r"^(?:формул|equation|eq|mteqn|теңдеу)", re.IGNORECASE)
MAX_LABELS = 100_000  # numbered things a paper can hold; past it labels are not made (bounded work)


@dataclass
class Caption:
    kind: str | None  # figure, table; None when only the Caption style says it is one
    number: str | None
    label: str
    text_start: int = 0  # where the caption's own words start (after `Рис. 3 –`), in the paragraph text
    label_only: bool = False  # nothing after the label and number (`Таблица 1`): a title may follow
    style_only: bool = False  # no label, no SEQ field: only the paragraph's style calls it a caption
    weak: bool = False  # only a label and number start it (`Рис. 1 Схема`): a caption only beside an uncaptioned figure


@dataclass
class EquationNumber:
    number: str
    label: str


def seq_kind(identifier: str | None) -> str | None:
    if not identifier:
        return None
    if _SEQ_EQUATION.match(identifier):
        return "equation"
    if _SEQ_TABLE.match(identifier):
        return "table"
    if _SEQ_FIGURE.match(identifier):
        return "figure"
    return None


# Caption styles of their own: pandoc's `Image Caption` and `Table Caption`, a journal template's
# `Figure Caption` or `MDPI_4.1_table_caption`, a Russian template's `Подпись к рисунку`; the
# name says the kind where Word's own `Caption` does not.
_CAPTION_STYLE = re.compile(r"^(?:(?P<any>caption)|(?P<named>.*?)[\s_.-]caption|подпис[иьей]{1,2}\s+(?:к\s+)?(?P<ru>\w+))$", re.IGNORECASE)


def caption_style(name: str) -> str | None:
    """`caption` (Word's own), `figure` or `table` when the paragraph style is a caption style
    (of that kind), else None."""
    m = _CAPTION_STYLE.match(name.strip())
    if not m:
        return None
    said = (m.group("named") or m.group("ru") or "").lower()
    if m.group("ru") and not said.startswith(("рис", "карт", "изобр", "табл")):
        return None  # `Подпись автора` is a signature, no caption
    if "table" in said or said.startswith("табл"):
        return "table"
    return "figure" if said else "caption"


def read_caption(para: Para, seq_number: str | None) -> Caption | None:
    """The paragraph's caption, or None (see the module docstring for what counts)."""
    if para.in_contents:
        return None  # `Figure 3: Vector GA Mapping 21` in a list of figures names the caption, it is not one
    text = para.text.replace(MATH_MARK, " ")
    if number_alone(para) is not None:
        return None  # `(2.2)` alone, its SEQ field counting formulas, in the Caption style Word's templates give it: a formula's number
    seq = next((k for k in map(seq_kind, para.seq) if k in ("figure", "table")), None)
    styled = caption_style(para.style_name)
    m = _LABEL.match(text)
    kind = None
    number = None
    start = 0
    weak = False
    after = text[m.end():] if m else ""
    listed = str(para.number.value) if para.number is not None and para.number.fmt not in ("bullet", "none") else None
    if m and m.group("number") and not (seq or styled) and _SENTENCE_GOES_ON.match(after):
        m = None  # `Figure 8 shows how …`, `Рисунок 10 иллюстрирует`: a sentence about the figure, no caption
    if m and (m.group("number") or seq or styled or listed or _SEPARATOR.match(after) and after.strip()):
        # numbered, or set as a caption, or `Рисунок – Молекула…` (a label and a dash, the number left out)
        weak = not (m.group("number") and _SEPARATOR.match(after) or seq or styled)
        kind = "figure" if m.group("figure") else "table"
        number = m.group("number") or seq_number or listed
        start = m.end() + len(after) - len(after.lstrip(" \t.:,;-–—"))
    if kind is None and not (seq or styled and text.strip()):
        return None  # a picture's own paragraph set in the Caption style is no caption
    if kind is None:
        kind = seq or (styled if styled in ("figure", "table") else None)
        number = seq_number
        # only the Caption style says so (no label, no SEQ field): authors set body text in it too,
        # so it is a caption only beside a figure or table no other caption names
        weak = seq is None
    return Caption(kind, number, "", start, label_only=not text[start:].strip(), weak=weak, style_only=not (m or seq))


def _formula_only(para: Para) -> bool:
    return any(a.kind == "math" for a in para.atoms) and not para.text.replace(MATH_MARK, "").strip(" \t\n,.;:")


def number_alone(para: Para) -> str | None:
    """A paragraph holding only an equation number (`(2.1)`, often with SEQ fields): the number
    of the formula standing alone in the paragraph before it."""
    if any(a.kind in ("math", "image") for a in para.atoms):
        return None
    m = _EQUATION_NUMBER.match(para.text)
    return m.group("number") if m and not m.group("lead") and not m.group("trail") else None


def equation_number(para: Para) -> str | None:
    """A formula paragraph's number: Word's own in the formula, `(4)` typed after it, or a MACROBUTTON's `(4)`. A picture
    standing alone with such a number is a formula too (a formula pasted as a picture)."""
    if not any(a.kind in ("math", "image") for a in para.atoms):
        return None
    own = [a.number for a in para.atoms if a.kind == "math" and a.number]
    if len(own) == 1:  # Word's own numbering, typed in the formula (`E = mc^2#(1)`)
        return own[0]
    rest = para.text.replace(MATH_MARK, "")
    m = _EQUATION_NUMBER.match(rest)
    if m:
        return m.group("number")
    if not rest.strip(" \t\n,.;:"):
        for shown in para.field_texts:
            if m := _EQUATION_NUMBER.match(shown):
                return m.group("number")
    return None


class Labels:
    """Unique labels: the `_Ref` bookmark when the paragraph has one, else `fig:3`, `tab:2`, `eq:4`."""

    PREFIX = {"figure": "fig", "table": "tab", "equation": "eq", None: "fig"}

    def __init__(self):
        self.used: set[str] = set()
        self.unnumbered = 0

    def make(self, kind: str | None, number: str | None, para: Para) -> str:
        ref = next((b for b in para.bookmarks if b.startswith("_Ref") and b not in self.used), None)
        if ref:
            self.used.add(ref)
            return ref
        if number:
            base = f"{self.PREFIX[kind]}:{number}"
        else:
            self.unnumbered += 1
            base = f"{self.PREFIX[kind]}:u{self.unnumbered}"
        label, k = base, 1
        while label in self.used:
            k += 1
            label = f"{base}-{k}"
        self.used.add(label)
        return label


def number_things(paras: list[Para]) -> tuple[dict[int, Caption], dict[int, EquationNumber], dict[str, tuple[str, str | None, str]], set[int]]:
    """Captions and equation numbers by `id(para)`; every bookmark of theirs → (kind, number,
    label), the targets Word's REF fields may point at; and the ids of paragraphs holding only
    the number of the formula above them (read into it). SEQ fields count as Word counts them:
    per identifier, in document order. Strong captions are labelled before weak ones."""
    captions: dict[int, Caption] = {}
    equations: dict[int, EquationNumber] = {}
    targets: dict[str, tuple[str, str | None, str]] = {}
    number_paras: set[int] = set()
    counters: dict[str, int] = {}
    labels = Labels()
    weak: list[tuple[Para, Caption]] = []
    previous: Para | None = None
    for para in paras:
        seq_number = None
        for identifier in para.seq:
            counters[identifier] = counters.get(identifier, 0) + 1
            seq_number = str(counters[identifier])
        if len(labels.used) >= MAX_LABELS:
            break
        current, previous = previous, para if para.text.strip() or para.atoms else previous
        caption = read_caption(para, seq_number)
        if caption is not None and caption.style_only and (len(para.text.split()) < 2 or current is not None and id(current) in captions and captions[id(current)].label_only):
            caption = None  # a sub-figure's letter (`А`), or the title under a label alone (`рис. 1` / `Сравнение …`)
        if caption is not None and caption.weak:
            weak.append((para, caption))
        elif caption is not None:
            caption.label = labels.make(caption.kind, caption.number, para)
            captions[id(para)] = caption
            for name in para.bookmarks:
                targets.setdefault(name, (caption.kind or "figure", caption.number, caption.label))
        elif (number := equation_number(para)) is not None:
            equations[id(para)] = EquationNumber(number, labels.make("equation", number, para))
            for name in para.bookmarks:
                targets.setdefault(name, ("equation", number, equations[id(para)].label))
        elif (number := number_alone(para)) is not None and current is not None and _formula_only(current) and id(current) not in equations:
            equations[id(current)] = EquationNumber(number, labels.make("equation", number, para))
            number_paras.add(id(para))
            for name in para.bookmarks + current.bookmarks:
                targets.setdefault(name, ("equation", number, equations[id(current)].label))
    for para, caption in weak:
        caption.label = labels.make(caption.kind, caption.number, para)
        captions[id(para)] = caption
    return captions, equations, targets, number_paras
