"""Reading an input file: bytes to text, with the encoding named and non-text refused."""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, InputError

# Control characters have no place in a paper's text: a NUL or a form feed from a PDF
# extraction is a gap in the text, never a letter of it; so are the C1 controls U+0080–U+009F
# that a wrong conversion leaves, and the noncharacters U+FFFE and U+FFFF. Readers read them
# as spaces and report them (`control_characters`).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
MAX_BYTES = 200 * 1024 * 1024  # far above any paper or proceedings, below what exhausts memory

# Magic numbers of files people hand us instead of text, and what to tell them.
_NOT_TEXT = [
    (codecs.BOM_UTF32_LE, "UTF-32 text, which is not read: save it as UTF-8"),
    (codecs.BOM_UTF32_BE, "UTF-32 text, which is not read: save it as UTF-8"),
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
class Repaired:
    """UTF-8 mojibake repaired on reading (see `repair_utf8_mojibake`)."""

    label: str  # the code page(s) the text was once read as: `Windows-1251`, `Windows-1251 and Windows-1252`
    line: int  # first repaired line (1-based)
    count: int  # lines repaired
    left: int = 0  # mojibake lines no code page reads, left as they were
    left_line: int = 0  # the first of them (1-based), 0 when none


@dataclass(frozen=True, slots=True)
class SourceText:
    path: str
    text: str
    encoding: str  # the codec used, e.g. `utf-8`, `utf-8-sig`, `utf-16`, `cp1251`, `kz1048`
    # UTF-8 mojibake repaired on reading: (the code page(s) it was once read as, first repaired
    # line, how many lines, how many mojibake lines were left as they were); columns on the
    # repaired lines count the repaired text.
    repaired: Repaired | None = None

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
    """Read a file, turning every way it can fail into one InputError naming it.

    A device (`/dev/zero`, `/dev/urandom`) never ends, and a named pipe with nothing writing to
    it is never opened, so both are refused (a file a Markdown paper names for its bibliography
    too, which no command line check sees).
    """
    name = str(path)
    p = Path(path)
    try:
        info = p.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(name, "is a directory, not a file")
        if stat.S_ISFIFO(info.st_mode):
            raise InputError(name, "is a named pipe (FIFO), not a file; save what it carries to a file first")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, "is a device or socket, not a file")
        if info.st_size > MAX_BYTES:
            raise InputError(name, f"is {info.st_size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB")
        with open(p, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(name, f"is larger than {MAX_BYTES // (1024 * 1024)} MB, the limit")
        return data
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a file") from None
    except NotADirectoryError:
        raise InputError(name, "no such file (a folder in its path is a file)") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from None
    except ValueError:  # a NUL in the name
        raise InputError(name.replace("\0", "\\0"), "is not a valid file name") from None


def decode(name: str, data: bytes, repair: bool = False) -> SourceText:
    """Decode bytes as UTF-8 (BOM or not), UTF-16 with a BOM, Windows-1251 or KZ-1048.

    Refuses binary files, text in another encoding (naming the one it looks like), and
    UTF-8 that is mojibake (text once decoded in the wrong encoding and saved again) — or,
    with `repair`, repairs it where the evidence is good (see `repair_utf8_mojibake`).
    """
    for magic, what in _NOT_TEXT:
        if data.startswith(magic):
            raise InputError(name, f"is {what}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(name, f"has a UTF-16 byte-order mark but is not valid UTF-16 (byte {exc.start})") from None
    else:
        encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            text, encoding = _decode_legacy(name, data, exc)
    if _looks_binary(text):
        endian = _utf16_without_bom(data)
        if endian:
            raise InputError(name, f"looks like UTF-16 ({endian}) without a byte-order mark; save it as UTF-8")
        if _glyph_numbers(text):
            raise InputError(name, "holds glyph numbers, not letters: text taken from a PDF whose fonts map no characters (pdftotext writes each glyph's number); give the PDF itself, or OCR it")
        raise InputError(name, "is binary data, not text")
    if encoding.startswith("utf-8"):
        if repair:
            fixed = repair_utf8_mojibake(text)
            if fixed is not None:
                return SourceText(name, fixed[0], encoding, fixed[1])
        _refuse_mojibake(name, text)
    return SourceText(name, text, encoding)


# Single-byte encodings a Cyrillic or Latin file may be in. Only the first two are read; for
# the others the message names the encoding, so the user can convert the file.
_LEGACY = (
    ("cp1251", "Windows-1251"),
    ("kz1048", "KZ-1048"),
    ("koi8_r", "KOI8-R"),
    ("cp866", "CP866 (DOS)"),
    ("mac_cyrillic", "Mac Cyrillic"),
    ("iso8859_5", "ISO-8859-5"),
    ("cp1252", "Windows-1252 (Western European)"),
)
_READ = {"cp1251", "kz1048"}
# Letters of the papers' languages: Russian and Kazakh Cyrillic (with Ukrainian і ї є ґ ў,
# which share code points with Kazakh letters), and Latin with the Latin-1 letters.
_LETTERS = set(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіїєґў"
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿŒœŠšŽžŸ"
)
_LETTERS |= {ch.upper() for ch in _LETTERS if ch.upper() != ch and len(ch.upper()) == 1}
_PUNCT = set("\u00a0\u00ad«»–—…№„“”‘’•·\u2009\u202f")


def _script(ch: str) -> str:
    return "cyrillic" if "\u0400" <= ch <= "\u04ff" else "latin" if ch.isascii() or ch in _LETTERS else "other"


def _plausibility(text: str) -> float:
    """How much `text` reads as Kazakh, Russian or Latin-script prose: from -1 to 1 per
    non-ASCII character other than common punctuation (`«»–—№`, the same in every code page
    where it exists).

    A letter of the languages counts +1 at the start of a word or lower-case after a letter
    of its own script; a letter of another alphabet, a script change or a capital inside a
    word (the marks of a wrong code page: `cafй`, `тОРГОВЛЯ`) counts -1; a capital after a
    capital (a heading) and an accented Latin letter after another count 0; anything else -1.
    """
    score = count = 0
    previous = " "
    for ch in text:
        if ch.isascii() or ch in _PUNCT:
            previous = ch
            continue
        count += 1
        if ch not in _LETTERS:
            score -= 1
        elif not previous.isalpha():
            score += 1
        elif _script(previous) != _script(ch) or (ch.isupper() and previous.islower()):
            score -= 1
        elif _script(ch) == "latin" and not previous.isascii():
            pass  # accented letters in a row: Cyrillic read as Latin-1 (`Òîðãîâëÿ`), not prose
        else:
            score += ch.islower()
        previous = ch
    return score / count if count else 1.0  # only punctuation: nothing reads wrong


def _decode_legacy(name: str, data: bytes, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    """Text that is not UTF-8: Windows-1251 or KZ-1048 when it reads as such, else refused.

    Every candidate code page decodes a sample and the one that reads most like prose wins;
    KZ-1048 differs from Windows-1251 only in Kazakh letters, which it takes when they occur
    where Windows-1251 would give Serbian and Macedonian ones.
    """
    line = _line_at(data, utf8_error.start)
    byte = f"invalid byte 0x{data[utf8_error.start]:02x}"
    if b"\x00" in data[:4096]:
        endian = _utf16_without_bom(data)
        if endian:
            raise InputError(name, f"looks like UTF-16 ({endian}) without a byte-order mark; save it as UTF-8", line)
        raise InputError(name, "is binary data, not text", line)
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    if len(lenient) - len(lenient.encode("ascii", "ignore")) - bad >= 4 * bad:
        column = utf8_error.start - max(data.rfind(b"\n", 0, utf8_error.start), data.rfind(b"\r", 0, utf8_error.start))
        raise InputError(name, f"is UTF-8 with a broken character: byte {column} of this line (0x{data[utf8_error.start]:02x}) is not UTF-8; fix or remove it", line)
    sample = data[: 256 * 1024]
    cp1251 = sample.decode("cp1251", errors="replace")
    kz1048 = sample.decode("kz1048", errors="replace")
    kazakh = any(ch in _KAZAKH for ch in kz1048) and any(ch in _CP1251_ONLY for ch in cp1251)
    family = "kz1048" if kazakh else "cp1251"
    scores = {}
    for codec, _ in _LEGACY:
        if codec in _READ and codec != family:
            continue
        decoded = kz1048 if codec == "kz1048" else cp1251 if codec == "cp1251" else sample.decode(codec, errors="replace")
        scores[codec] = _plausibility(decoded)
    best = max(scores, key=lambda codec: scores[codec])  # ties go to the earlier, read encodings
    label = dict(_LEGACY)[best]
    if scores[best] < 0.5:
        raise InputError(name, f"is not UTF-8 ({byte}) and does not read as text in any known encoding; convert it to UTF-8", line)
    if best not in _READ:
        raise InputError(name, f"is not UTF-8 ({byte}); it looks like {label} text: convert it to UTF-8 (for example `iconv -f {best.replace('_', '-')} -t utf-8`)", line)
    text = data.decode(best, errors="replace")
    if "\ufffd" in text:
        bad = text.index("\ufffd")
        raise InputError(name, f"is not UTF-8 and not valid {label} (byte 0x{data[bad]:02x} has no character); convert it to UTF-8", _line_at(data, bad))
    return text, best


def _line_at(data: bytes | str, offset: int) -> int:
    """The line holding `offset`, as `split_lines` counts them (CRLF, CR and LF each end one)."""
    cr, lf = ("\r", "\n") if isinstance(data, str) else (b"\r", b"\n")
    return data.count(lf, 0, offset) + data.count(cr, 0, offset) - data.count(cr + lf, 0, offset) + 1


def _utf16_without_bom(data: bytes) -> str | None:
    """`little-endian` or `big-endian` when the head of `data` reads as UTF-16 text."""
    head = data[: 4096 & ~1]
    for codec, endian in (("utf-16-le", "little-endian"), ("utf-16-be", "big-endian")):
        text = head[: len(head) & ~1].decode(codec, errors="replace")
        usual = sum(1 for ch in text if ch in "\t\n\r" or " " <= ch <= "\u04ff" or "\u2000" <= ch <= "\u206f")
        if text and usual >= 0.9 * len(text):
            return endian
    return None


# UTF-8 Cyrillic or Latin-1 text read as Windows-1251 or Windows-1252 and saved again as UTF-8:
# each letter became a lead character (`Р` `С` `Ð` `Ñ` `Ã` …) and a continuation character.
_MOJIBAKE = re.compile(
    "|".join(
        "[" + re.escape(bytes(range(0xC2, 0xF0)).decode(codec)) + "][" + re.escape(bytes(range(0x80, 0xC0)).decode(codec, errors="ignore")) + "]"
        for codec in ("cp1251", "cp1252", "latin-1")
    )
)


def _refuse_mojibake(name: str, text: str) -> None:
    """Refuse UTF-8 whose lines turn back into other UTF-8 text when re-encoded (`РўРѕСЂРі`).

    Genuine Cyrillic or Latin text never does: its letters do not pair up into valid UTF-8.
    Each line is tried once, however many suspicious pairs it holds; a wrong conversion spoils
    the whole file, so the first 2000 suspicious lines tell (a large Kazakh text has one on
    nearly every line: `і` is such a pair's second half).
    """
    checked = 0  # offset up to which lines have been tried
    for _ in range(2000):
        m = _MOJIBAKE.search(text, checked)
        if m is None:
            return
        before = max(text.rfind("\n", checked, m.start()), text.rfind("\r", checked, m.start()))
        start = before + 1 if before >= 0 else checked  # looked for after the last line only: linear
        end = _LINE_END.search(text, m.end())
        checked = end.start() if end else len(text)
        line = text[start:checked]
        for codec, label in _CODE_PAGES:
            fixed = _as_read(line, codec)
            if fixed is not None and len(line) - len(fixed) >= 3:
                at = m.start() - start
                word = next((w.group() for w in _MOJIBAKE_WORD.finditer(line) if w.end() > at), m.group())[:24]
                was = word.encode(codec).decode("utf-8", errors="ignore")
                shown = re.sub(r"[\x00-\x1f\x7f-\x9f]", "", word)  # Latin-1 mojibake holds C1 controls
                raise InputError(
                    name,
                    f"is mojibake: UTF-8 text that was read as {label} and saved again (`{shown}` was `{was}`); restore the original file",
                    _line_at(text, m.start()),
                )


_CODE_PAGES = (("cp1251", "Windows-1251"), ("cp1252", "Windows-1252"), ("latin-1", "Latin-1"))
# Per code page, a character it has no byte for: a line holding one cannot be that code page's
# mojibake, and is passed over without an encoding error raised and caught for it (a Kazakh
# paper's lines hold `ә`, `қ`: none of the three).
_FOREIGN = {
    codec: re.compile("[^" + re.escape(bytes(range(256)).decode(codec, errors="ignore")) + "]")
    for codec, _ in _CODE_PAGES
}


def _as_read(line: str, codec: str) -> str | None:
    """`line` turned back into the UTF-8 it was before being read as `codec`; None when it
    cannot have been (a character `codec` has no byte for, or bytes that are no UTF-8)."""
    if _FOREIGN[codec].search(line):
        return None
    try:
        return line.encode(codec).decode("utf-8")
    except UnicodeError:
        return None


def _repair_line(line: str) -> tuple[str, str] | None:
    """A line of UTF-8 mojibake turned back: (the repaired line, the code page it was read as),
    or None. Evidence: it re-encodes through one code page into shorter valid UTF-8 that reads
    as prose (`_plausibility` ≥ 0.5)."""
    for codec, name in _CODE_PAGES:
        fixed = _as_read(line, codec)
        if fixed is not None and len(fixed) < len(line):
            return (fixed, name) if _plausibility(fixed) >= 0.5 else None
    return None


def _still_mojibake(line: str) -> bool:
    """A line that re-encodes into valid UTF-8 three characters shorter or more: mojibake left."""
    return any((fixed := _as_read(line, codec)) is not None and len(line) - len(fixed) >= 3 for codec, _ in _CODE_PAGES)


def repair_utf8_mojibake(text: str) -> tuple[str, Repaired] | None:
    """UTF-8 text once read as Windows-1251, Windows-1252 or Latin-1 and saved again, turned
    back line by line; None where no line can be (the caller then refuses).

    Each line holding the marks of it (`РўРѕСЂРі`, `CafÃ©`) is repaired on its own evidence
    (`_repair_line`), through the code page that reads it; one repaired line at least must be
    three characters shorter. Genuine lines (`мәтін`: `ә` has no Windows-1251 byte) are kept as
    they are, and so are mojibake lines no code page reads as prose: they are counted, for a
    warning, rather than the whole text refused. Line ends are kept, so line numbers stay.
    """
    parts = re.split(r"(\r\n|\r|\n)", text)
    fixed_parts, labels, first, count, longest, left, left_line = list(parts), [], 0, 0, 0, 0, 0
    for index in range(0, len(parts), 2):
        line = parts[index]
        if not _MOJIBAKE.search(line):
            continue
        repaired = _repair_line(line)
        if repaired is None:
            if _still_mojibake(line):
                left += 1
                left_line = left_line or index // 2 + 1
            continue
        fixed_parts[index], name = repaired
        if name not in labels:
            labels.append(name)
        count += 1
        first = first or index // 2 + 1
        longest = max(longest, len(line) - len(repaired[0]))
    if not labels or longest < 3:
        return None
    return "".join(fixed_parts), Repaired(" and ".join(labels), first, count, left, left_line)


_MOJIBAKE_WORD = re.compile(r"\S+")
_LINE_END = re.compile(r"[\r\n]")


def _looks_binary(text: str) -> bool:
    """Text with many control characters in its head is a binary file that happened to decode."""
    head = text[:8192]
    controls = sum(map(head.count, _CONTROLS))  # (each counted by str.count, not character by character)
    return len(head) > 0 and controls > max(8, len(head) // 20)


_CONTROLS = tuple(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f")


def _glyph_numbers(text: str) -> bool:
    """Control characters set out as text is, in words between spaces, on lines, on pages
    (pdftotext's form feeds): the glyph numbers of a PDF's fonts that map no characters."""
    head = text[:8192]
    return "\f" in text and head.count(" ") > len(head) // 20 and head.count("\n") > 10


def read_source(path: str | os.PathLike, repair: bool = False) -> SourceText:
    return decode(str(path), read_bytes(path), repair)


def control_characters(lines: list[str], path: str) -> list[Diagnostic]:
    """One TXT001 finding per line holding control characters (they are read as spaces).

    A form feed opening a line is a page break (pdftotext ends every page with one), not a
    stray character: it is not reported.
    """
    found = []
    for number, line in enumerate(lines, start=1):
        start = 1 if line.startswith("\f") else 0
        m = CONTROL_CHARS.search(line, start)
        if m:
            count = len(CONTROL_CHARS.findall(line, start))
            more = {"variant": "more", "count": count - 1} if count > 1 else {}
            found.append(Diagnostic.at_line("TXT001", path, number, m.start() + 1, character=f"U+{ord(m.group()):04X}", **more))
    return found


def file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"
