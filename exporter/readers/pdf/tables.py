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

    @property
    def widths(self) -> tuple[float, ...]:
        """The columns' shares of the table's width."""
        total = self.xs[-1] - self.xs[0]
        return tuple(round((b - a) / total, 4) for a, b in zip(self.xs, self.xs[1:]))


def strokes(pdf_page) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """The page's thin paths: horizontal ones as (left, right, y), vertical ones as (x, bottom, top).

    Only the page's own objects are looked at (a form's bounds are in page space, the objects
    inside it in the form's own): paths, thin shadings (some producers fill a border with a
    shading clipped to a line: a Word paper's rules, ru_zenchenko) and thin forms."""
    horizontal, vertical = [], []
    kinds = [pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_SHADING, pdfium_c.FPDF_PAGEOBJ_FORM]
    for obj in pdf_page.get_objects(filter=kinds, max_depth=1):
        left, bottom, right, top = obj.get_bounds()
        if top - bottom <= THIN and right - left >= MIN_STROKE:
            horizontal.append((left, right, (bottom + top) / 2))
        elif right - left <= THIN and top - bottom >= MIN_STROKE:
            vertical.append(((left + right) / 2, bottom, top))
    return _merged(horizontal, vertical=False), _merged(vertical, vertical=True)


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


def ruled_grids(pdf_page) -> list[Grid]:
    """The grids the page's strokes draw: groups of touching horizontal and vertical strokes
    with at least two rows and two columns of cells."""
    horizontal, vertical = strokes(pdf_page)
    if len(horizontal) < 2 or len(vertical) < 2 or len(horizontal) + len(vertical) > 4000:
        return []
    groups = _touching(horizontal, vertical)
    out = []
    for hs, vs in groups:
        grid = _grid([horizontal[i] for i in hs], [vertical[i] for i in vs])
        if grid is not None:
            out.append(grid)
    return out


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
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


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
