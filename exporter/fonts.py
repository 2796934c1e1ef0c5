"""Fonts for the editions: finding font files, reading their coverage, splitting text by font.

reportlab has no font fallback, so every writer asks `FontSet.runs` which font draws each
stretch of text: the main font where it has the glyph, else the first fallback that has it.
A character no font covers is drawn as `FontSet.replacement` (U+FFFD where a face has it),
the same in every edition; `writers.glyphs` reports each one as GLY001 with its position.

Reading a font's coverage with fontTools costs ~0.15 s for a CJK font, on every run; the set
of code points is kept in a small file in the user's cache folder (`usercache`), keyed by
the font file's path, size and modification time, and read back in about a millisecond. The
cache is only an accelerator: unreadable, stale or unwritable, it is ignored.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from .diagnostics import InputError
from .usercache import cache_dir, cache_read, cache_write  # noqa: F401 (cache_dir: venue.py's)

# Where the setup puts fonts (Debian's fonts-liberation2 and fonts-wqy-microhei), and where a
# user may add more. EXPORTER_FONT_PATH (os.pathsep-separated) is searched first.
SYSTEM_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")


@cache
def _font_index(extra: tuple[str, ...]) -> dict[str, Path]:
    index: dict[str, Path] = {}
    for root in extra + SYSTEM_FONT_DIRS:
        base = Path(root).expanduser()
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.suffix.lower() in (".ttf", ".ttc") and path.name not in index:
                index[path.name] = path
    return index


def find_font(filename: str, template_dir: Path | None = None) -> Path:
    """The path of a font file named by a template: the template's folder first, then the system."""
    if template_dir is not None and (template_dir / "fonts" / filename).is_file():
        return template_dir / "fonts" / filename
    extra = tuple(p for p in os.environ.get("EXPORTER_FONT_PATH", "").split(os.pathsep) if p)
    path = _font_index(extra).get(filename)
    if path is None:
        raise InputError(filename, "font file not found; install it (the README's setup does) or put it in EXPORTER_FONT_PATH")
    return path


@dataclass(frozen=True)
class Face:
    """One font file (one face of a .ttc collection) and the name writers know it by."""

    name: str  # e.g. `LiberationSerif` / `WenQuanYiMicroHei`: reportlab's name, LaTeX's \newfontfamily
    family: str  # the family name installed on the system, for DOCX and fontspec
    path: Path
    index: int = 0  # sub-font of a .ttc

    @property
    def coverage(self) -> frozenset[int]:
        return _coverage(str(self.path), self.index)


def _ranges(codes) -> list[tuple[int, int]]:
    """Sorted code points as inclusive (first, last) ranges."""
    out: list[list[int]] = []
    for code in sorted(codes):
        if out and code == out[-1][1] + 1:
            out[-1][1] = code
        else:
            out.append([code, code])
    return [(a, b) for a, b in out]


_CMAP_FORMAT = "cmap-1"  # bump when what is stored (fontTools' best cmap, as ranges) changes


@cache
def _coverage(path: str, index: int) -> frozenset[int]:
    stored = cache_read("cmap", path, index, _CMAP_FORMAT)
    if isinstance(stored, list):
        try:
            return frozenset(code for first, last in stored for code in range(first, last + 1))
        except (TypeError, ValueError):  # not what we wrote: read the font
            pass
    coverage = frozenset(_read_cmap(path, index))
    cache_write("cmap", path, index, _ranges(coverage), _CMAP_FORMAT)
    return coverage


# The tables every writer needs from a font (reportlab's subsetter reads all of them).
_REQUIRED_TABLES = ("cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post")


def _read_cmap(path: str, index: int) -> dict[int, str]:
    """The font's best character map, read with fontTools; a file that is no usable
    TrueType font (garbage, truncated, CFF outlines, a table missing) is an InputError."""
    from fontTools.ttLib import TTFont  # only on a cache miss: the import alone is ~40 ms

    try:
        font = TTFont(path, fontNumber=index, lazy=True)
        if "glyf" not in font and "CFF " in font:  # reportlab embeds TrueType outlines only, not CFF
            raise InputError(path, "has CFF (PostScript) outlines; reportlab can only embed TrueType-outline fonts")
        missing = [tag for tag in _REQUIRED_TABLES if tag not in font]
        if missing:
            raise InputError(path, f"is not a usable TrueType font (no {', '.join(missing)} table)")
        for tag in ("head", "hhea", "maxp"):
            font[tag]  # noqa: B018 — decoded now, so a damaged table is found here
        cmap = font.getBestCmap()
    except InputError:
        raise
    except Exception as exc:  # fontTools raises TTLibError, struct.error, AssertionError, ... on damaged files
        raise InputError(path, f"is not a TrueType font that can be read ({type(exc).__name__}: {' '.join(str(exc).split())[:120]})") from None
    if not cmap:
        raise InputError(path, "is not a usable TrueType font (it maps no Unicode character to a glyph)")
    return cmap


# Characters that never need a glyph: they are spacing or control, dropped or drawn as space.
# Controls (C0 and C1) and every kind of space: the reader drops them or reads them as a gap.
_NO_GLYPH = (
    frozenset(range(0x20)) | frozenset(range(0x7F, 0xA0)) | {c for c in range(0x3001) if chr(c).isspace()}
    | {0xAD, 0x200B, 0x200C, 0x200D, 0xFEFF, 0xFFFE, 0xFFFF}
)


REPLACEMENT = "\ufffd"


@dataclass(frozen=True)
class FontSet:
    """The main face and its fallbacks, in the order a venue's template lists them."""

    main: Face
    fallbacks: tuple[Face, ...] = ()

    def face_for(self, ch: str) -> Face | None:
        code = ord(ch)
        if code in _NO_GLYPH or code in self.main.coverage:
            return self.main
        for face in self.fallbacks:
            if code in face.coverage:
                return face
        return None

    @cached_property
    def _split(self) -> re.Pattern:
        """Stretches the main face draws (group 1) and stretches it does not (group 2).

        Text is split by regex, not character by character: a paragraph of Kazakh text is one
        match, and only the few characters outside the main face are looked up one by one.
        """
        cls = "".join(
            _escape(a) if a == b else f"{_escape(a)}-{_escape(b)}"
            for a, b in _ranges(self.main.coverage | _NO_GLYPH)
        )
        return re.compile(f"([{cls}]+)|([^{cls}]+)")

    @cached_property
    def replacement(self) -> tuple[Face, str]:
        """What stands for a character no face has: U+FFFD (the Unicode replacement character)
        in the first face that draws it, else `?` in the main face."""
        for face in (self.main, *self.fallbacks):
            if ord(REPLACEMENT) in face.coverage:
                return face, REPLACEMENT
        return self.main, "?"

    def runs(self, text: str) -> list[tuple[Face, str]]:
        """Split `text` into (face, text) runs; a character no face has becomes `replacement`."""
        out: list[tuple[Face, str]] = []
        main = self.main
        for m in self._split.finditer(text):
            if m.lastindex == 1:
                out.append((main, m.group(1)))
                continue
            for ch in m.group(2):  # none of these is in the main face
                face = self.face_for(ch)
                if face is None:
                    face, ch = self.replacement
                if out and out[-1][0] is face:
                    out[-1] = (face, out[-1][1] + ch)
                else:
                    out.append((face, ch))
        return out

    def uncovered(self, text: str) -> int | None:
        """Offset of the first character no face covers, or None."""
        for m in self._split.finditer(text):
            if m.lastindex == 2:
                for i in range(m.start(2), m.end(2)):
                    if self.face_for(text[i]) is None:
                        return i
        return None


def _escape(code: int) -> str:
    return f"\\U{code:08x}"
