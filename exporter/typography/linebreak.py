"""Total-fit line breaking: Knuth and Plass, "Breaking paragraphs into lines" (Software—Practice
and Experience 11, 1981), with TeX's demerits and passes.

A paragraph is a list of items: boxes (text that is not broken), glue (a space that may stretch
and shrink, and where a line may break after a box) and penalties (a place a line may break at a
cost, with the width of what is then drawn: a hyphen). Every way of breaking is weighed at once,
and the one whose lines have the least total demerits is chosen, so a loose line is avoided by
tightening the lines before it: what first-fit (fill each line, then go on) cannot do.

Nothing here knows fonts or PDF: widths are numbers (points), the caller measures them.
"""

from __future__ import annotations

from dataclasses import dataclass

BOX, GLUE, PENALTY = 0, 1, 2
INFINITY = 10000  # a penalty this high forbids a break; this low (negated) forces one
AWFUL = float("inf")
INF_BAD = 10000.0  # TeX's inf_bad: the badness of a line that cannot stretch to its width (no glue)


@dataclass(frozen=True, slots=True)
class Params:
    """TeX's parameters (plain TeX's values unless said otherwise)."""

    tolerance: float = 2.0  # the largest stretch ratio accepted (TeX's \tolerance 200 is r ≈ 1.26)
    line_penalty: float = 10.0  # \linepenalty: fewer lines are better
    double_hyphen_demerits: float = 10000.0  # \doublehyphendemerits: two hyphenated lines in a row
    final_hyphen_demerits: float = 5000.0  # \finalhyphendemerits: a hyphen on the last full line
    adj_demerits: float = 10000.0  # \adjdemerits: a tight line next to a loose one
    ragged_stretch: float = 0.0  # > 0: unjustified text; each line may end this much short (\rightskip)
    final: bool = True  # no feasible breaking: take the least bad one anyway (TeX's final pass)
    hyphens: bool = True  # false: no break at a flagged penalty that adds width (TeX's first pass)


@dataclass(slots=True)
class Items:
    """A paragraph as parallel lists (faster to walk than objects)."""

    kind: list[int]
    width: list[float]
    stretch: list[float]
    shrink: list[float]
    penalty: list[float]
    flagged: list[bool]

    @classmethod
    def empty(cls) -> Items:
        return cls([], [], [], [], [], [])

    def add(self, kind: int, width: float, stretch: float = 0.0, shrink: float = 0.0, penalty: float = 0.0, flagged: bool = False) -> None:
        self.kind.append(kind)
        self.width.append(width)
        self.stretch.append(stretch)
        self.shrink.append(shrink)
        self.penalty.append(penalty)
        self.flagged.append(flagged)

    def tail(self, start: int) -> Items:
        """The items from `start` on (a paragraph's rest after a page break)."""
        return Items(self.kind[start:], self.width[start:], self.stretch[start:], self.shrink[start:], self.penalty[start:], self.flagged[start:])

    def __len__(self) -> int:
        return len(self.kind)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the result: items [start, end) where `end` is the break (not drawn, except a
    penalty's width: the hyphen); `ratio` is how much its glue stretched (> 0) or shrank (< 0)."""

    start: int
    end: int
    ratio: float


class _Node:
    __slots__ = ("position", "line", "fitness", "tw", "ty", "tz", "demerits", "previous", "ratio")

    def __init__(self, position, line, fitness, tw, ty, tz, demerits, previous, ratio):
        self.position, self.line, self.fitness = position, line, fitness
        self.tw, self.ty, self.tz = tw, ty, tz
        self.demerits, self.previous, self.ratio = demerits, previous, ratio


def _fitness(ratio: float) -> int:
    """TeX's fitness classes: 0 very loose, 1 loose, 2 decent, 3 tight."""
    if ratio < -0.5:
        return 3
    if ratio <= 0.5:
        return 2
    if ratio <= 1.0:
        return 1
    return 0


def break_lines(items: Items, widths: tuple[float, ...], params: Params = Params()) -> list[Line] | None:
    """The breaking with the least total demerits, or None when no line can be set within the
    tolerance and `params.final` is false. `widths[i]` is the width of line i (the last
    repeats). The items must end in a forced break (a penalty of -INFINITY)."""
    kind, width, stretch, shrink, penalty, flagged = items.kind, items.width, items.stretch, items.shrink, items.penalty, items.flagged
    n = len(kind)
    tolerance, ragged, hyphens = params.tolerance, params.ragged_stretch, params.hyphens
    first_width, rest_width = widths[0], widths[-1] if len(widths) > 1 else widths[0]
    active: list[_Node] = [_Node(0, 0, 2, 0.0, 0.0, 0.0, 0.0, None, 0.0)]
    sum_w = sum_y = sum_z = 0.0
    for b in range(n):
        k = kind[b]
        if k == BOX:
            sum_w += width[b]
            continue
        if k == GLUE:
            if b == 0 or kind[b - 1] != BOX:
                sum_w += width[b]
                sum_y += stretch[b]
                sum_z += shrink[b]
                continue
            pen, extra, flag = 0.0, 0.0, False
        else:
            pen = penalty[b]
            if pen >= INFINITY or not hyphens and flagged[b] and width[b] > 0:
                continue
            extra, flag = width[b], flagged[b]
        forced = pen <= -INFINITY
        candidates: list = [None, None, None, None]  # per fitness class: (demerits, node, ratio)
        keep: list[_Node] = []
        last_dropped = None
        for i, a in enumerate(active):
            target = first_width if a.line == 0 else rest_width
            natural = sum_w - a.tw + extra
            if natural < target:
                y = sum_y - a.ty + ragged
                ratio = (target - natural) / y if y > 0 else AWFUL
            elif natural > target:
                z = sum_z - a.tz
                ratio = (target - natural) / z if z > 0 else -AWFUL
            else:
                ratio = 0.0
            if ratio < -1.0 or forced:
                last_dropped = (a, ratio)
            else:
                keep.append(a)
            if -1.0 <= ratio <= tolerance or (params.final and ratio > tolerance):
                # The final pass takes a loose line rather than an overfull one (words that
                # collide, or a line running into the margin): its badness is its demerits.
                _candidate(candidates, a, ratio, pen, flag, kind, flagged, params, forced, fill=min(natural / target, 1.0) if target > 0 else 0.0)
            elif ratio > tolerance and a.line > 0 and not forced:
                keep.extend(active[i + 1:])  # later nodes make shorter lines: looser still
                break
        if not keep and last_dropped is not None and params.final and not any(candidates):
            a, ratio = last_dropped  # nothing feasible is left: an overfull or loose line after all
            _candidate(candidates, a, max(ratio, -1.0), pen, flag, kind, flagged, params, forced, artificial=True)
        active = keep
        if any(candidates):
            tw, ty, tz = _totals_after_break(items, b, sum_w, sum_y, sum_z)
            for entry in candidates:
                if entry is not None:
                    demerits, node, ratio = entry
                    active.append(_Node(b, node.line + 1, _fitness(ratio), tw, ty, tz, demerits, node, ratio))
        if not active:
            return None
        if k == GLUE:
            sum_w += width[b]
            sum_y += stretch[b]
            sum_z += shrink[b]
    best = min((a for a in active if a.position == n - 1), key=lambda a: a.demerits, default=None)
    return None if best is None else _lines_to(best)


def _totals_after_break(items: Items, b: int, sum_w: float, sum_y: float, sum_z: float) -> tuple[float, float, float]:
    """The running width, stretch and shrink where a line after a break at `b` starts: the
    glue that follows the break, up to the next box (or forced break), is dropped with it."""
    kind, width, stretch, shrink, penalty = items.kind, items.width, items.stretch, items.shrink, items.penalty
    tw, ty, tz = sum_w, sum_y, sum_z
    for j in range(b, len(kind)):
        kj = kind[j]
        if kj == BOX:
            break
        if kj == GLUE:
            tw += width[j]
            ty += stretch[j]
            tz += shrink[j]
        elif penalty[j] <= -INFINITY and j > b:
            break
    return tw, ty, tz


def _lines_to(best: _Node) -> list[Line]:
    """The lines of the breaking that ends at `best`, first to last."""
    lines: list[Line] = []
    node = best
    while node.previous is not None:
        lines.append(Line(node.previous.position, node.position, node.ratio))
        node = node.previous
    lines.reverse()
    return lines


def _candidate(candidates: list, a: _Node, ratio: float, pen: float, flag: bool, kind, flagged, params: Params, forced: bool, artificial: bool = False, fill: float = 0.0) -> None:
    """Weigh the line from `a` to the current break and keep it if best in its fitness class.
    `fill`: the share of the line's width its text takes (an empty line stays infinitely bad)."""
    if artificial:
        demerits = 0.0
    else:
        # A line without glue (one piece of a long address) cannot stretch: TeX's inf_bad, not
        # infinity, or every breaking after it would be equally (infinitely) bad — and more the
        # emptier it is (inf_bad over its fill), so a short word alone on a line (`С` before an
        # unbreakable `HTML(HTML5)`) never beats a loose line of words. Other loose lines of the
        # final pass keep their whole badness, so a breaking avoids them, but never more than a
        # line as full with no glue would have: else words before a piece wider than the rest
        # of the line (a long inline formula) would each take a line of their own.
        badness = 100.0 * abs(ratio) ** 3
        if fill > 0 and ratio > 0:
            badness = min(badness, INF_BAD / fill)
        demerits = (params.line_penalty + badness) ** 2
        if pen > 0:
            demerits += pen * pen
        elif pen > -INFINITY:
            demerits -= pen * pen
        previous_flagged = a.position > 0 and kind[a.position] == PENALTY and flagged[a.position]
        if flag and previous_flagged:
            demerits += params.double_hyphen_demerits
        elif forced and previous_flagged:
            demerits += params.final_hyphen_demerits
        fitness = _fitness(ratio)
        if abs(fitness - a.fitness) > 1:
            demerits += params.adj_demerits
    demerits += a.demerits
    fitness = _fitness(ratio)
    current = candidates[fitness]
    if current is None or demerits < current[0]:
        candidates[fitness] = (demerits, a, ratio)
