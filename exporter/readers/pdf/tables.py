"""Ruled tables on a PDF page: the grid a table's border strokes draw, its merged cells, and
the cell each character stands in.

A text layer holds a table as characters set in place; the strokes around the cells are what
says where one cell ends. Word, LibreOffice and TeX draw each border as a thin path (a line,
or a rectangle a point or so thick), so a table is a set of horizontal and vertical strokes
that touch one another. Tables drawn without vertical strokes (booktabs' three rules) are
not read as tables here: their columns would have to be guessed from the gaps in the text.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

MIN_RULE = 60.0  # points: a table's rule spans more than a few words
THIN = 2.5  # points: a stroke at most this thick is a border (a rule drawn as a filled box too)
MIN_STROKE = 4.0  # points: shorter strokes are bits of a glyph or a formula, not borders
TOUCH = 2.0  # points: strokes this close meet (producers leave small gaps at the corners)
SAME = 2.5  # points: edges this close are one edge (a double border is one)
MIN_CELL = 3.0  # points: rows or columns narrower than this are a double border's gap


@dataclass(frozen=True)
class Grid:
    """A ruled table: column edges left to right, row edges top to bottom (PDF y, falling),
    and its cells as (row, column, rowspan, colspan) in reading order."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    cells: tuple[tuple[int, int, int, int], ...]
    header_rows: int = 0  # rows above a rule inside the table (a rules-only table's heading)
    columns_drawn: bool = True  # False for a rules-only table: its columns are read from its text

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[-1], self.xs[-1], self.ys[0]

    def cell_at(self, x: float, y: float) -> int | None:
        """The index of the cell holding the point, or None outside the grid."""
        row = next((r for r in range(len(self.ys) - 1) if self.ys[r + 1] <= y < self.ys[r]), None)
        col = next((c for c in range(len(self.xs) - 1) if self.xs[c] <= x < self.xs[c + 1]), None)
        if row is None or col is None:
            return None
        for k, (r, c, rowspan, colspan) in enumerate(self.cells):
            if r <= row < r + rowspan and c <= col < c + colspan:
                return k
        return None

    def without_first_row(self) -> Grid:
        """The grid less its first row (a caption drawn inside the table's frame)."""
        cells = tuple((r - 1, c, rowspan, colspan) for r, c, rowspan, colspan in self.cells if r > 0)
        return Grid(self.xs, self.ys[1:], cells, max(0, self.header_rows - 1), self.columns_drawn)

    @property
    def widths(self) -> tuple[float, ...]:
        """The columns' shares of the table's width, as its strokes draw them; none for a
        rules-only table (its columns' edges are only where its text stops, in the source's
        type: an edition in larger type lets its columns find their own widths)."""
        if not self.columns_drawn:
            return ()
        total = self.xs[-1] - self.xs[0]
        return tuple(round((b - a) / total, 4) for a, b in zip(self.xs, self.xs[1:]))


MARK_SIDES = (1.0, 9.0)  # points: a list's drawn bullet is a small dot, square or diamond
MARK_ASPECT = 2.0  # its width and height differ by at most this factor


def strokes(pdf_page, origin: tuple[float, float] = (0.0, 0.0)) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """The page's thin paths (strokes_and_marks), without its small shapes."""
    horizontal, vertical, _ = strokes_and_marks(pdf_page, origin)
    return horizontal, vertical


def strokes_and_marks(pdf_page, origin: tuple[float, float] = (0.0, 0.0)) -> tuple[list, list, list[tuple[float, float, float, float]]]:
    """The page's thin paths: horizontal ones as (left, right, y), vertical ones as (x, bottom, top),
    and its small shapes (a list's drawn bullets, MARK_SIDES) as (left, bottom, right, top), each
    measured from `origin` (the crop box's corner: layout.shown_origin).

    Paths, thin shadings (some producers fill a border with a shading clipped to a line: a Word
    paper's rules, ru_zenchenko) and thin forms, inside forms too, each where the page shows it
    (`page_bounds`: a proceedings volume that wraps each paper's page in a form draws every
    table rule inside it)."""
    horizontal, vertical, marks = [], [], []
    kinds = [pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_SHADING, pdfium_c.FPDF_PAGEOBJ_FORM]
    low, high = MARK_SIDES
    for obj in pdf_page.get_objects(filter=kinds):
        left, bottom, right, top = page_bounds(obj)
        left, bottom, right, top = left - origin[0], bottom - origin[1], right - origin[0], top - origin[1]
        wide, tall = right - left, top - bottom
        if tall <= THIN and wide >= MIN_STROKE:
            horizontal.append((left, right, (bottom + top) / 2))
        elif wide <= THIN and tall >= MIN_STROKE:
            vertical.append(((left + right) / 2, bottom, top))
        if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH and low <= wide <= high and low <= tall <= high and max(wide, tall) <= MARK_ASPECT * min(wide, tall):
            marks.append((left, bottom, right, top))
    return _merged(horizontal, vertical=False), _merged(vertical, vertical=True), marks


def _merged(strokes: list[tuple[float, float, float]], vertical: bool) -> list[tuple[float, float, float]]:
    """Strokes on one line (within SAME) that meet or overlap joined into one.
    Horizontal strokes are (left, right, y); vertical ones (x, bottom, top) are joined alike."""
    keyed = sorted(((s[0], s[1], s[2]) if vertical else (s[2], s[0], s[1]) for s in strokes))  # (line, start, end)
    out: list[list[float]] = []
    for line, start, end in keyed:
        if out and abs(out[-1][0] - line) <= SAME and start <= out[-1][2] + TOUCH:
            out[-1][2] = max(out[-1][2], end)
        else:
            out.append([line, start, end])
    return [(line, start, end) if vertical else (start, end, line) for line, start, end in out]


def ruled_grids(horizontal, vertical) -> list[Grid]:
    """The grids the page's strokes draw: groups of touching horizontal and vertical strokes
    (two horizontal ones at least, and one vertical: a table with open sides) making at least
    two cells."""
    if len(horizontal) < 2 or not vertical or len(horizontal) + len(vertical) > 4000:
        return []
    groups = _touching(horizontal, vertical)
    out = []
    for hs, vs in groups:
        grid = _grid([horizontal[i] for i in hs], [vertical[i] for i in vs])
        if grid is not None:
            out.append(grid)
    return out


def rows_by_baseline(grid: Grid, chars: list[tuple[float, float, float, float]]) -> Grid:
    """The grid with a drawn row split into its lines where they are rows of their own: every
    filled cell of the row holds the same baselines, two or more, and no line of a cell was
    wrapped (the next line's first word would have fitted after it: LaTeX's `|c|c|` tabular
    ruled around blocks of rows only, thirteen patients' rows between the head's rule and the
    sums'). `chars` are the page's visible characters as (character, left, right, baseline,
    size). A row
    crossed by a merged cell is left as drawn."""
    lines: dict[int, dict[float, list]] = {}  # cell -> baseline -> its characters
    left, bottom, right, top = grid.box
    for ch, x0, x1, y, size in chars:
        x = (x0 + x1) / 2
        if not (left <= x <= right and bottom <= y <= top):  # most of a page's characters: no cell to look for
            continue
        k = grid.cell_at(x, y)
        if k is not None:
            found = lines.setdefault(k, {})
            found.setdefault(next((b for b in found if abs(b - y) <= 1.0), y), []).append((x0, x1, size, ch))
    splits: dict[int, list[float]] = {}
    for r in range(len(grid.ys) - 1):
        if any(rr <= r < rr + rowspan and rowspan > 1 for rr, _, rowspan, _ in grid.cells):
            continue
        filled = [k for k, (rr, _, _, _) in enumerate(grid.cells) if rr == r and k in lines]
        bases = [sorted(lines[k], reverse=True) for k in filled]
        if len(filled) < 2 or len(bases[0]) < 2 or any(len(b) != len(bases[0]) or any(abs(p - q) > 1.0 for p, q in zip(b, bases[0])) for b in bases):
            continue
        if any(_wrapped(grid, k, [_text_of(lines[k][b]) for b in order]) for k, order in zip(filled, bases)):
            continue
        splits[r] = [(a + b) / 2 for a, b in zip(bases[0], bases[0][1:])]
    if not splits:
        return grid
    before = [sum(len(splits.get(q, ())) for q in range(r)) for r in range(len(grid.ys))]  # rows added above each drawn row
    ys = [y for r in range(len(grid.ys) - 1) for y in (grid.ys[r], *splits.get(r, ()))] + [grid.ys[-1]]
    cells = [(r + before[r] + j, c, rowspan, colspan) for r in range(len(grid.ys) - 1) for j in range(len(splits.get(r, ())) + 1)
             for rr, c, rowspan, colspan in grid.cells if rr == r]
    header = grid.header_rows + before[grid.header_rows] if grid.header_rows else 0
    return Grid(grid.xs, tuple(ys), tuple(cells), header, grid.columns_drawn)


def _text_of(chars: list[tuple[float, float, float, str]]) -> tuple[str, list[tuple[float, float, float]]]:
    """A cell line's characters as its text (left to right) and their (left, right, size)."""
    chars = sorted(chars)
    return "".join(ch for *_, ch in chars), [(x0, x1, size) for x0, x1, size, _ in chars]


def _wrapped(grid: Grid, k: int, lines: list[tuple[str, list[tuple[float, float, float]]]]) -> bool:
    """Whether a cell's lines (top first: text, characters) are text wrapped in it: a line and
    the next one's first word, a space between, would not have fitted in the cell (its width
    less two points each side), and the line reads on into the next (it ends with a dash,
    hyphen, comma or slash, or the next opens in lower case: `Диапазон` | `температур`,
    `-40 –` | `+110`); two numbers in a narrow column (`63.5` | `8.7`) are two values."""
    _, c, _, colspan = grid.cells[k]
    room = grid.xs[c + colspan] - grid.xs[c] - 4.0
    for (text, line), (next_text, after) in zip(lines, lines[1:]):
        after = sorted(after)
        size = after[0][2]
        word_end = after[0][1]
        for x0, x1, _ in after[1:]:
            if x0 - word_end > 0.2 * size:  # a space
                break
            word_end = max(word_end, x1)
        fits = max(x1 for _, x1, _ in line) - min(x0 for x0, _, _ in line) + 0.25 * size + (word_end - after[0][0]) <= room
        if not fits and (text.endswith(("-", "–", "—", "‐", ",", "/")) or next_text[:1].islower()):
            return True
    return False


def _touching(horizontal, vertical) -> list[tuple[list[int], list[int]]]:
    """Groups of strokes that touch (union-find over horizontal x vertical meetings)."""
    parent = list(range(len(horizontal) + len(vertical)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (left, right, y) in enumerate(horizontal):
        for j, (x, bottom, top) in enumerate(vertical):
            if left - TOUCH <= x <= right + TOUCH and bottom - TOUCH <= y <= top + TOUCH:
                parent[root(i)] = root(len(horizontal) + j)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(len(horizontal)):
        groups.setdefault(root(i), ([], []))[0].append(i)
    for j in range(len(vertical)):
        groups.setdefault(root(len(horizontal) + j), ([], []))[1].append(j)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 1]  # open sides: one inner stroke (IEEE)


def _edges(values: list[float]) -> list[float]:
    """Positions within SAME of each other taken as one edge (their mean), in order."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= SAME:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _grid(horizontal, vertical) -> Grid | None:
    """The grid of one group of strokes. Its outer edges are the strokes' extent (a table
    drawn with open sides has no outer vertical stroke); a boundary between two cells is
    there where a stroke covers its middle, and cells with no boundary between them are one."""
    left = min(min(h[0] for h in horizontal), min(v[0] for v in vertical))
    right = max(max(h[1] for h in horizontal), max(v[0] for v in vertical))
    bottom = min(min(h[2] for h in horizontal), min(v[1] for v in vertical))
    top = max(max(h[2] for h in horizontal), max(v[2] for v in vertical))
    xs = _edges([left, right, *(v[0] for v in vertical)])
    ys = _edges([bottom, top, *(h[2] for h in horizontal)])[::-1]
    xs = [x for k, x in enumerate(xs) if k == 0 or x - xs[k - 1] >= MIN_CELL]
    ys = [y for k, y in enumerate(ys) if k == 0 or ys[k - 1] - y >= MIN_CELL]
    rows, cols = len(ys) - 1, len(xs) - 1
    if rows < 1 or cols < 1 or rows * cols < 2:
        return None

    def wall(c: int, r: int) -> bool:  # the stroke between columns c-1 and c in row r
        if c in (0, cols):
            return True
        middle = (ys[r] + ys[r + 1]) / 2
        return any(abs(x - xs[c]) <= SAME and bottom_ - TOUCH <= middle <= top_ + TOUCH for x, bottom_, top_ in vertical)

    def floor(r: int, c: int) -> bool:  # the stroke between rows r-1 and r in column c
        if r in (0, rows):
            return True
        middle = (xs[c] + xs[c + 1]) / 2
        return any(abs(y - ys[r]) <= SAME and left_ - TOUCH <= middle <= right_ + TOUCH for left_, right_, y in horizontal)

    taken = [[False] * cols for _ in range(rows)]
    cells = []
    for r in range(rows):
        for c in range(cols):
            if taken[r][c]:
                continue
            colspan = 1
            while c + colspan < cols and not wall(c + colspan, r) and not taken[r][c + colspan]:
                colspan += 1
            rowspan = 1
            while r + rowspan < rows and not any(floor(r + rowspan, c + k) for k in range(colspan)) and not any(taken[r + rowspan][c + k] for k in range(colspan)):
                rowspan += 1
            for rr in range(r, r + rowspan):
                for cc in range(c, c + colspan):
                    taken[rr][cc] = True
            cells.append((r, c, rowspan, colspan))
    if len(cells) < 2:
        return None
    return Grid(tuple(xs), tuple(ys), tuple(cells))


# ---- tables drawn with horizontal rules only (LaTeX's booktabs, most journals) ----------------


@dataclass(frozen=True)
class Run:
    """A phrase on the page (words parted by no more than a word space): where it stands and
    where each of its words does."""

    x0: float
    x1: float
    y: float  # baseline
    size: float
    boxes: tuple[tuple[float, float], ...] = ()  # its words' left and right
    opens_lower: bool = False  # its first letter is a small one

    @property
    def words(self) -> int:
        return len(self.boxes)


def rules_only_grid(caption: Run, horizontal, vertical, runs: list[Run], page_height: float) -> Grid | None:
    """The table whose rules start right under a caption and which has no vertical strokes:
    its rows are its baselines between the top and bottom rule (a line whose first column is
    empty goes on the row above), its columns the gaps no run of its body crosses, its heading
    the rows above the first rule inside it. None when no such table stands there.

    The rules are the horizontal strokes no vertical one touches, at least MIN_RULE long, the
    first within four caption sizes under the caption and over it; the next ones of the same
    extent below it belong to the table until the text between two of them holds a line of
    prose (eight words or more filling most of the width) or the page's half is crossed."""
    free = [h for h in horizontal if h[1] - h[0] >= MIN_RULE and not any(h[0] - TOUCH <= x <= h[1] + TOUCH and b - TOUCH <= h[2] <= t + TOUCH for x, b, t in vertical)]
    below = sorted((h for h in free if 0 < caption.y - h[2] <= 4 * caption.size and min(h[1], caption.x1) > max(h[0], caption.x0)), key=lambda h: -h[2])
    if not below:
        return None
    top = below[0]
    left, right = top[0], top[1]
    rules = [top]
    for h in sorted((h for h in free if h[2] < top[2] and abs(h[0] - left) <= SAME + TOUCH and abs(h[1] - right) <= SAME + TOUCH), key=lambda h: -h[2]):
        band = [r for r in runs if h[2] < r.y < rules[-1][2] and left - r.size <= r.x0 and r.x1 <= right + r.size]
        if top[2] - h[2] > page_height / 2 or any(r.words >= 8 and r.x1 - r.x0 >= 0.7 * (right - left) for r in band):
            break
        rules.append(h)
    if len(rules) < 2:
        return None
    inside = [r for r in runs if rules[-1][2] < r.y < top[2] and left - r.size <= r.x0 and r.x1 <= right + r.size]
    heading_below = rules[1][2] if len(rules) > 2 else None  # the first inner rule closes the heading
    body = [r for r in inside if heading_below is None or r.y < heading_below]
    columns = _columns(_full_lines(body or inside), left, right)
    if len(columns) < 2:
        return None
    rows = _rows(inside, columns, heading_below, [h[2] for h in rules[1:-1]])
    if len(rows) < 2:
        return None
    xs = [left] + [(a[1] + b[0]) / 2 for a, b in zip(columns, columns[1:])] + [right]
    ys = [top[2]] + [(min(r.y for r in upper) + max(r.y for r in lower)) / 2 for upper, lower in zip(rows, rows[1:])] + [rules[-1][2]]
    cells = []
    for k, row in enumerate(rows):
        spans = sorted((_column_of(r.x0, xs), _column_of(r.x1, xs)) for r in row)
        merged: list[list[int]] = []  # columns a run crosses are one cell
        for first, last in spans:
            if merged and first <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], last)
            elif last > first:
                merged.append([first, last])
        c = 0
        while c < len(columns):
            span = next((last - first + 1 for first, last in merged if first == c), 1)
            cells.append((k, c, 1, span))
            c += span
    header = sum(1 for row in rows if heading_below is not None and min(r.y for r in row) > heading_below)
    return Grid(tuple(xs), tuple(ys), tuple(cells), header if header < len(rows) else 0, columns_drawn=False)


def _column_of(x: float, xs: list[float]) -> int:
    """The column whose edges hold x (the first or last when x lies outside)."""
    return max(0, min(len(xs) - 2, next((c for c in range(len(xs) - 1) if x < xs[c + 1]), len(xs) - 2)))


def _full_lines(runs: list[Run]) -> list[Run]:
    """The runs of the lines holding most of the columns: a line of one run over the table (a
    sub-table's heading, `(b) Budget = 10`) would join every column it crosses."""
    lines: dict[float, list[Run]] = {}
    for r in runs:
        key = next((y for y in lines if abs(y - r.y) <= 0.4 * r.size), r.y)
        lines.setdefault(key, []).append(r)
    most = max((len(line) for line in lines.values()), default=0)
    return [r for line in lines.values() if len(line) >= max(2, 0.6 * most) for r in line] or runs


def _columns(runs: list[Run], left: float, right: float) -> list[tuple[float, float]]:
    """The table's columns: the x-spans its words cover, parted by the gaps no word of any of
    these lines crosses that are wider than half the type size (a word space is a third of
    it; two numbers in one cell, `0.99 (0.96–1.03)`, stand a word space apart on every row)."""
    spans: list[list[float]] = []
    for x0, x1, size in sorted((a, b, r.size) for r in runs for a, b in (r.boxes or ((r.x0, r.x1),))):
        if spans and x0 < spans[-1][1] + 0.5 * size:
            spans[-1][1] = max(spans[-1][1], x1)
        else:
            spans.append([x0, x1])
    return [(max(a, left), min(b, right)) for a, b in spans]


def _rows(runs: list[Run], columns: list[tuple[float, float]], heading_below: float | None, inner: list[float]) -> list[list[Run]]:
    """The runs grouped into rows by baseline, top to bottom, never across a rule inside the
    table. Below the heading, a line whose first column is empty goes on the row above (a
    cell's text wrapped onto a second line), and so does one holding only a first column that
    opens in lower case (`Moderate` / `anaemia`); in the heading, a line goes on the row above
    unless it or that row crosses a column gap (a heading over several columns)."""
    lines: list[list[Run]] = []
    for r in sorted(runs, key=lambda r: -r.y):
        if lines and abs(lines[-1][0].y - r.y) <= 0.4 * r.size:
            lines[-1].append(r)
        else:
            lines.append([r])
    rows: list[list[Run]] = []
    for line in lines:
        if not rows or any(line[0].y < y < rows[-1][0].y for y in inner):
            rows.append(list(line))
            continue
        if heading_below is not None and line[0].y > heading_below:
            goes_on = not _crosses(line, columns) and not _crosses(rows[-1], columns)
        else:
            first_empty = not any(r.x0 < columns[0][1] for r in line)
            label_goes_on = all(r.x1 <= columns[0][1] + SAME for r in line) and min(line, key=lambda r: r.x0).opens_lower
            goes_on = first_empty or label_goes_on
        if goes_on:
            rows[-1].extend(line)
        else:
            rows.append(list(line))
    return rows


def _crosses(runs: list[Run], columns: list[tuple[float, float]]) -> bool:
    """Whether a run stands over more than one column."""
    return any(sum(1 for a, b in columns if r.x0 < b and r.x1 > a) > 1 for r in runs)


def page_bounds(obj) -> tuple[float, float, float, float]:
    """An object's box on the page. PDFium gives an object inside a Form XObject its box in the
    form's own space (LaTeX's `includegraphics` of a PDF figure, InDesign's placed art, a
    scaled `Do`): each enclosing form's matrix takes it to its parent's space, up to the page."""
    box = obj.get_bounds()
    form = obj.container
    while form is not None:
        box = form.get_matrix().on_rect(*box)
        form = form.container
    return box
