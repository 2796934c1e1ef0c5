"""Reading an input file: bytes to text, with the encoding named and non-text refused."""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import InputError

MAX_BYTES = 200 * 1024 * 1024  # far above any paper or proceedings, below what exhausts memory

# Magic numbers of files people hand us instead of text, and what to tell them.
_NOT_TEXT = [
    (b"%PDF", "a PDF file, not text: extract its text first (for example `pdftotext -layout`)"),
    (b"\x89PNG", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"GIF8", "a GIF image, not text"),
    (b"PK\x03\x04", "a ZIP container (DOCX, ODT, EPUB…), not plain text: save it as .txt first"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (DOC/XLS), not plain text: save it as .txt first"),
    (b"{\\rtf", "an RTF document, not plain text: save it as .txt first"),
]
# Letters only KZ-1048 gives a Kazakh text; in Windows-1251 the same bytes are Serbian and
# Macedonian letters (Њ Ќ Ћ Џ …) that a Kazakh or Russian paper does not use.
_KAZAKH = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")
_CP1251_ONLY = set("ЊњЌќЋћЏџЂђѓЃ")


@dataclass(frozen=True, slots=True)
class SourceText:
    path: str
    text: str
    encoding: str  # the codec used, e.g. `utf-8`, `utf-8-sig`, `utf-16`, `cp1251`, `kz1048`

    @property
    def lines(self) -> list[str]:
        return split_lines(self.text)


def split_lines(text: str) -> list[str]:
    """Lines as a text editor counts them: CRLF, CR and LF each end one line."""
    lines = re.split(r"\r\n|\r|\n", text)
    if len(lines) > 1 and lines[-1] == "":  # a final line end closes the last line
        lines.pop()
    return lines


def read_bytes(path: str | os.PathLike) -> bytes:
    """Read a file, turning every way it can fail into one InputError naming it."""
    name = str(path)
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(name, "is a directory, not a file")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(name, f"is {size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB")
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a file") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from None


def decode(name: str, data: bytes) -> SourceText:
    """Decode bytes as UTF-8 (BOM or not), UTF-16 with a BOM, Windows-1251 or KZ-1048.

    Refuses binary files, and single-byte text whose encoding cannot be told apart.
    """
    for magic, what in _NOT_TEXT:
        if data.startswith(magic):
            raise InputError(name, f"is {what}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return SourceText(name, data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(name, f"has a UTF-16 byte-order mark but is not valid UTF-16 (byte {exc.start})") from None
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        text, encoding = _decode_legacy(name, data, exc)
    if _looks_binary(text):
        raise InputError(name, "is binary data, not text")
    return SourceText(name, text, encoding)


def _decode_legacy(name: str, data: bytes, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    line = data.count(b"\n", 0, utf8_error.start) + 1
    if b"\x00" in data[:4096]:
        raise InputError(name, "is binary data, or UTF-16 without a byte-order mark", line)
    cp1251 = data.decode("cp1251", errors="replace")
    kz1048 = data.decode("kz1048", errors="replace")
    kazakh_in_kz = sum(ch in _KAZAKH for ch in kz1048)
    odd_in_cp = sum(ch in _CP1251_ONLY for ch in cp1251)
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in cp1251)
    if cyrillic < 0.3 * sum(ch.isalpha() for ch in cp1251):
        raise InputError(name, f"is not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x}) and not Cyrillic text in a known encoding", line)
    if kazakh_in_kz and odd_in_cp:
        return kz1048, "kz1048"
    if "\ufffd" in cp1251:
        raise InputError(name, "is not UTF-8 and not valid Windows-1251; convert it to UTF-8", line)
    return cp1251, "cp1251"


def _looks_binary(text: str) -> bool:
    """Text with many control characters in its head is a binary file that happened to decode."""
    head = text[:8192]
    controls = sum(1 for ch in head if ch < " " and ch not in "\t\n\r\f")
    return len(head) > 0 and controls > max(8, len(head) // 20)


def read_source(path: str | os.PathLike) -> SourceText:
    return decode(str(path), read_bytes(path))
