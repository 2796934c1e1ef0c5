"""Fonts for the editions: finding font files, reading their coverage, splitting text by font.

reportlab has no font fallback, so every writer asks `FontSet.runs` which font draws each
stretch of text: the main font where it has the glyph, else the first fallback that has it.
A character no font covers stops the build with its position, never a silent box.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from .diagnostics import InputError

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


@cache
def _coverage(path: str, index: int) -> frozenset[int]:
    font = TTFont(path, fontNumber=index, lazy=True)
    if "glyf" not in font:  # reportlab embeds TrueType outlines only, not CFF
        raise InputError(path, "has CFF (PostScript) outlines; reportlab can only embed TrueType-outline fonts")
    return frozenset(font.getBestCmap())


# Characters that never need a glyph: they are spacing or control, dropped or drawn as space.
_NO_GLYPH = frozenset(range(0x20)) | {0x7F, 0xA0, 0xAD, 0x200B, 0x200C, 0x200D, 0xFEFF, 0xFFFE, 0xFFFF}


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

    def runs(self, text: str) -> list[tuple[Face, str]]:
        """Split `text` into (face, text) runs; raises KeyError(ch) for a character no face has."""
        out: list[tuple[Face, str]] = []
        main_cov = self.main.coverage
        for ch in text:
            face = self.main if ord(ch) in main_cov else self.face_for(ch)
            if face is None:
                raise KeyError(ch)
            if out and out[-1][0] is face:
                out[-1] = (face, out[-1][1] + ch)
            else:
                out.append((face, ch))
        return out

    def uncovered(self, text: str) -> int | None:
        """Offset of the first character no face covers, or None."""
        main_cov = self.main.coverage
        for i, ch in enumerate(text):
            if ord(ch) not in main_cov and self.face_for(ch) is None:
                return i
        return None
