"""Pictures a Markdown paper names (`![caption](fig.png)`): read from the paper's own folder,
checked by their bytes, never fetched from the network."""

from __future__ import annotations

import base64
import binascii
import os
import re
import stat
from pathlib import Path
from urllib.parse import unquote

from ..diagnostics import Diagnostic, InputError
from ..imagefile import MAX_BYTES, NotAPicture, identify
from ..model import Image

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_DATA = re.compile(r"^data:(?P<type>image/[\w.+-]+)?(?P<b64>;base64)?,(?P<data>.*)$", re.DOTALL)


class Pictures:
    """Turns a picture token into an Image: `src` relative to the folder of the paper `path`.

    A path that leaves that folder (`../`, an absolute path, a link pointing out), a missing
    file, something that is not a regular file or not a picture is an input error naming
    it at its place; a remote address is reported (IMG001) and the picture left out.
    """

    def __init__(self, path: str, notes: list[Diagnostic]):
        self.path, self.notes = path, notes
        self.folder = Path(path).resolve().parent

    @staticmethod
    def is_remote(src: str | None) -> bool:
        """An address on the network (`https://…`), which is never fetched."""
        src = str(src or "")
        return not src.startswith("data:") and _SCHEME.match(src) is not None and not _DRIVE.match(src)

    def __call__(self, token, alt: str, place: tuple[int, int]) -> Image | None:
        src = str(token.attrGet("src") or "")
        line, column = place
        if src.startswith("data:"):
            data, name = self._inline_data(src, line, column), "data URI"
        elif self.is_remote(src):
            self.notes.append(Diagnostic.at_line("IMG001", self.path, line, column, address=" ".join(src.split())))
            return None
        else:
            name = unquote(src)
            data = self._file(name, line, column)
        try:
            picture = identify(data)
        except NotAPicture as exc:
            raise InputError(self.path, f"picture {_shown(name)} {exc}", line, column) from None
        width, height, share = _asked_size(token, picture.width, picture.height)
        return Image(data, picture.media_type, width, height, alt=alt, name=name, share=share)

    def _file(self, name: str, line: int, column: int) -> bytes:
        def refuse(why: str):
            raise InputError(self.path, f"picture {_shown(name)} {why}", line, column)

        if not name.strip():
            refuse("has no file name")
        if os.path.isabs(name) or _DRIVE.match(name) or name.startswith("\\"):
            refuse("is an absolute path; name pictures relative to the paper's folder")
        target = (self.folder / name).resolve()
        if not target.is_relative_to(self.folder):
            refuse("lies outside the paper's folder; only pictures in that folder (or below it) are read")
        try:
            info = os.stat(target)
        except FileNotFoundError:
            refuse("does not exist (looked next to the paper)")
        except OSError as exc:
            refuse(f"cannot be read: {exc.strerror or exc}")
        if not stat.S_ISREG(info.st_mode):
            refuse("is not a regular file")
        if info.st_size > MAX_BYTES:
            refuse(f"is {info.st_size} bytes; pictures of at most {MAX_BYTES} bytes are read")
        try:
            with open(target, "rb") as handle:
                return handle.read(MAX_BYTES + 1)
        except OSError as exc:
            refuse(f"cannot be read: {exc.strerror or exc}")

    def _inline_data(self, src: str, line: int, column: int) -> bytes:
        """A `data:image/png;base64,…` address: the picture is in the paper itself."""
        m = _DATA.match(unquote(src) if ";base64" not in src else src)
        if m is None or not m.group("b64"):
            raise InputError(self.path, "picture data URI is not base64 picture data", line, column)
        if len(m.group("data")) > MAX_BYTES * 4 // 3 + 4:
            raise InputError(self.path, f"picture data URI holds more than {MAX_BYTES} bytes", line, column)
        try:
            return base64.b64decode(m.group("data"), validate=True)
        except (binascii.Error, ValueError):
            raise InputError(self.path, "picture data URI is not valid base64", line, column) from None


# Pandoc's picture sizes: `width=50%` (of the text width), `3cm`, `2.5in`, `120px`, `72pt`, `10mm`;
# a number alone is pixels. Other units (em, ex) and nonsense leave the picture at its own size.
_SIZE = re.compile(r"^\s*(\d+(?:\.\d*)?|\.\d+)\s*(%|px|pt|pc|in|cm|mm)?\s*$")
_POINTS = {None: 0.75, "px": 0.75, "pt": 1.0, "pc": 12.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4}


def _asked_size(token, natural_width: float, natural_height: float) -> tuple[float, float, float | None]:
    """(width, height, share of the text width) as the picture's `{width=… height=…}` asks,
    proportions kept when one side is given; the natural size when none is."""
    sizes = {}
    for side in ("width", "height"):
        m = _SIZE.match(str(token.attrGet(side) or ""))
        if m and float(m.group(1)) > 0:
            sizes[side] = (float(m.group(1)), m.group(2))
    width, unit = sizes.get("width", (None, None))
    if width is not None and unit == "%":
        return round(natural_width, 2), round(natural_height, 2), min(width / 100, 1.0)
    w = width * _POINTS[unit] if width is not None else None
    height, hunit = sizes.get("height", (None, None))
    h = height * _POINTS[hunit] if height is not None and hunit != "%" else None
    if w and not h and natural_width > 0:
        h = w * natural_height / natural_width
    elif h and not w and natural_height > 0:
        w = h * natural_width / natural_height
    if not (w and h):
        return round(natural_width, 2), round(natural_height, 2), None
    return round(w, 2), round(h, 2), None


def _shown(name: str) -> str:
    """A name as a message quotes it: one line, not too long."""
    name = " ".join(name.split())
    return repr(name if len(name) <= 80 else name[:77] + "…")
